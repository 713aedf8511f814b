// One instantiation of the tiled product for one vector type (included by sgemm.c once per
// instruction set). Expects:
//   VEC      a vector type of LANES floats, loaded and stored at any 4-byte alignment
//   LANES    its width
//   SPLAT(x) a VEC with every lane x
//   NAME(x)  x with the instantiation's suffix
//   TARGET   the function attribute that selects the instruction set (may be empty)
//   MR       the rows of a full tile (6 where there are 16 vector registers, 8 with 32)
//   MASK, MASK_FIRST(count), LOAD_MASKED(pointer, mask)   (optional, all three or none)
//            a lane mask of the first `count` lanes (0 to LANES), and a load of those lanes
//            that reads no other memory and gives zeros elsewhere; with them the last panel of
//            an untransposed B, narrower than 2·LANES columns, is packed a vector at a time
// A tile is MR rows by 2·LANES columns of C, each element with its own accumulator.

enum { NAME(NR) = 2 * LANES };

/// Stores one row of a tile: `nr` of its 2·LANES elements, scaled as the contract says.
static inline __attribute__((always_inline))
void NAME(store_row)(const VEC *first, const VEC *second, long nr, float alpha, float beta, float *cr) {
    VEC out0 = *first, out1 = *second;
    if (!(alpha == 1.0f && beta == 0.0f)) {
        out0 = out0 * alpha;
        out1 = out1 * alpha;
    }
    if (nr == NAME(NR)) {
        if (beta != 0.0f) {
            out0 = out0 + *(const VEC *)cr * beta;
            out1 = out1 + *(const VEC *)(cr + LANES) * beta;
        }
        *(VEC *)cr = out0;
        *(VEC *)(cr + LANES) = out1;
    } else {
        float lanes[NAME(NR)];
        *(VEC *)lanes = out0;
        *(VEC *)(lanes + LANES) = out1;
        for (long j = 0; j < nr; j++) {
            cr[j] = beta != 0.0f ? lanes[j] + cr[j] * beta : lanes[j];
        }
    }
}

#define HL_ROW_STEP(r)                                            \
    if (mr > r) {                                                 \
        const VEC xs = SPLAT(a##r[p * csa]);                      \
        c##r##0 = __builtin_elementwise_fma(xs, b0, c##r##0);     \
        c##r##1 = __builtin_elementwise_fma(xs, b1, c##r##1);     \
    }
#define HL_ROW_POINTER(r) const float *a##r = mr > r ? a + r * rsa : a;

/// One tile: `mr` (1 to MR) rows of op(A), read through its strides, times a k × 2·LANES panel
/// of op(B) whose rows are `ldbp` floats apart, into `mr` × `nr` elements of C. Called with `mr`
/// a constant (see `tile_rows`), so each row count gets its own k loop with only its rows'
/// multiply-adds: a short edge tile does no work for the rows it does not have.
static inline __attribute__((always_inline))
void NAME(tile)(const long mr, long nr, long k, float alpha, const float *a, long rsa, long csa,
                const float *bp, long ldbp, float beta, float *c, long ldc) {
    HL_ROW_POINTER(0) HL_ROW_POINTER(1) HL_ROW_POINTER(2) HL_ROW_POINTER(3)
    HL_ROW_POINTER(4) HL_ROW_POINTER(5) HL_ROW_POINTER(6) HL_ROW_POINTER(7)
    VEC c00 = {0}, c01 = {0}, c10 = {0}, c11 = {0}, c20 = {0}, c21 = {0}, c30 = {0}, c31 = {0};
    VEC c40 = {0}, c41 = {0}, c50 = {0}, c51 = {0}, c60 = {0}, c61 = {0}, c70 = {0}, c71 = {0};
    for (long p = 0; p < k; p++) {
        const VEC b0 = *(const VEC *)(bp + p * ldbp);
        const VEC b1 = *(const VEC *)(bp + p * ldbp + LANES);
        HL_ROW_STEP(0)
        HL_ROW_STEP(1)
        HL_ROW_STEP(2)
        HL_ROW_STEP(3)
        HL_ROW_STEP(4)
        HL_ROW_STEP(5)
        HL_ROW_STEP(6)
        HL_ROW_STEP(7)
    }
    NAME(store_row)(&c00, &c01, nr, alpha, beta, c);
    if (mr > 1) NAME(store_row)(&c10, &c11, nr, alpha, beta, c + ldc);
    if (mr > 2) NAME(store_row)(&c20, &c21, nr, alpha, beta, c + 2 * ldc);
    if (mr > 3) NAME(store_row)(&c30, &c31, nr, alpha, beta, c + 3 * ldc);
    if (mr > 4) NAME(store_row)(&c40, &c41, nr, alpha, beta, c + 4 * ldc);
    if (mr > 5) NAME(store_row)(&c50, &c51, nr, alpha, beta, c + 5 * ldc);
    if (mr > 6) NAME(store_row)(&c60, &c61, nr, alpha, beta, c + 6 * ldc);
    if (mr > 7) NAME(store_row)(&c70, &c71, nr, alpha, beta, c + 7 * ldc);
}

#undef HL_ROW_STEP
#undef HL_ROW_POINTER

/// One tile of `mr` rows (1 to MR), through the tile's instance for that constant row count.
static inline __attribute__((always_inline))
void NAME(tile_rows)(long mr, long nr, long k, float alpha, const float *a, long rsa, long csa,
                     const float *bp, long ldbp, float beta, float *c, long ldc) {
    switch (mr) {
#if MR > 7
    case 8: NAME(tile)(8, nr, k, alpha, a, rsa, csa, bp, ldbp, beta, c, ldc); break;
#endif
#if MR > 6
    case 7: NAME(tile)(7, nr, k, alpha, a, rsa, csa, bp, ldbp, beta, c, ldc); break;
#endif
    case 6: NAME(tile)(6, nr, k, alpha, a, rsa, csa, bp, ldbp, beta, c, ldc); break;
    case 5: NAME(tile)(5, nr, k, alpha, a, rsa, csa, bp, ldbp, beta, c, ldc); break;
    case 4: NAME(tile)(4, nr, k, alpha, a, rsa, csa, bp, ldbp, beta, c, ldc); break;
    case 3: NAME(tile)(3, nr, k, alpha, a, rsa, csa, bp, ldbp, beta, c, ldc); break;
    case 2: NAME(tile)(2, nr, k, alpha, a, rsa, csa, bp, ldbp, beta, c, ldc); break;
    default: NAME(tile)(1, nr, k, alpha, a, rsa, csa, bp, ldbp, beta, c, ldc); break;
    }
}

#if defined(LOAD_MASKED)
/// Packs the first `nr` (fewer than 2·LANES) columns of k rows of an untransposed B, `ldb`
/// apart, into a k × 2·LANES panel, zero beyond nr: the same panel as `pack_panel`'s, two
/// masked loads and two stores per row instead of a copy and a fill per row.
TARGET static inline __attribute__((always_inline))
void NAME(pack_edge)(long k, long nr, const float *b, long ldb, float *panel) {
    const MASK first = MASK_FIRST(nr < LANES ? nr : LANES);
    const MASK second = MASK_FIRST(nr > LANES ? nr - LANES : 0);
    for (long p = 0; p < k; p++) {
        *(VEC *)(panel + p * NAME(NR)) = LOAD_MASKED(b + p * ldb, first);
        *(VEC *)(panel + p * NAME(NR) + LANES) = LOAD_MASKED(b + p * ldb + LANES, second);
    }
}
#endif

/// The whole product in panels of 2·LANES columns and tiles of MR rows.
TARGET static void NAME(product)(bool transpose_a, bool transpose_b, long m, long n, long k,
                                 float alpha, const float *a, long lda, const float *b, long ldb,
                                 float beta, float *c, long ldc) {
    if (m <= 0 || n <= 0) return;
    const long nr_full = NAME(NR);
    const long rsa = transpose_a ? 1 : lda;
    const long csa = transpose_a ? lda : 1;
    float *panel = NULL;
    for (long j0 = 0; j0 < n; j0 += nr_full) {
        const long nr = n - j0 < nr_full ? n - j0 : nr_full;
        const float *bp;
        long ldbp;
        if (!transpose_b && nr == nr_full) {
            bp = b + j0;
            ldbp = ldb;
        } else {
            if (panel == NULL) panel = panel_buffer(k * nr_full);
#if defined(LOAD_MASKED)
            if (!transpose_b) NAME(pack_edge)(k, nr, b + j0, ldb, panel);
            else
#endif
            pack_panel(transpose_b, k, j0, nr, nr_full, b, ldb, panel);
            bp = panel;
            ldbp = nr_full;
        }
        for (long i0 = 0; i0 < m; i0 += MR) {
            const long mr = m - i0 < MR ? m - i0 : MR;
            NAME(tile_rows)(mr, nr, k, alpha, a + i0 * rsa, rsa, csa, bp, ldbp, beta, c + i0 * ldc + j0, ldc);
        }
    }
}
