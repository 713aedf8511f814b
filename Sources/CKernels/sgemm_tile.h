// One instantiation of the tiled product for one vector type (included by sgemm.c once per
// instruction set). Expects:
//   VEC      a vector type of LANES floats, loaded and stored at any 4-byte alignment
//   LANES    its width
//   SPLAT(x) a VEC with every lane x
//   NAME(x)  x with the instantiation's suffix
//   TARGET   the function attribute that selects the instruction set (may be empty)
// A tile is 6 rows by 2·LANES columns of C, each element with its own accumulator.

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

#define HL_ROW_STEP(r)                                        \
    {                                                         \
        const VEC xs = SPLAT(a##r[p * csa]);                  \
        c##r##0 = __builtin_elementwise_fma(xs, b0, c##r##0); \
        c##r##1 = __builtin_elementwise_fma(xs, b1, c##r##1); \
    }

/// One tile: `mr` (1 to 6) rows of op(A), read through its strides, times a k × 2·LANES panel
/// of op(B) whose rows are `ldbp` floats apart, into `mr` × `nr` elements of C. A tile of fewer
/// than 6 rows repeats its first row in the spare accumulators and does not store them, so the
/// k loop has no branch.
static inline __attribute__((always_inline))
void NAME(tile)(long mr, long nr, long k, float alpha, const float *a, long rsa, long csa,
                const float *bp, long ldbp, float beta, float *c, long ldc) {
    const float *a0 = a;
    const float *a1 = mr > 1 ? a + rsa : a;
    const float *a2 = mr > 2 ? a + 2 * rsa : a;
    const float *a3 = mr > 3 ? a + 3 * rsa : a;
    const float *a4 = mr > 4 ? a + 4 * rsa : a;
    const float *a5 = mr > 5 ? a + 5 * rsa : a;
    VEC c00 = {0}, c01 = {0}, c10 = {0}, c11 = {0}, c20 = {0}, c21 = {0};
    VEC c30 = {0}, c31 = {0}, c40 = {0}, c41 = {0}, c50 = {0}, c51 = {0};
    for (long p = 0; p < k; p++) {
        const VEC b0 = *(const VEC *)(bp + p * ldbp);
        const VEC b1 = *(const VEC *)(bp + p * ldbp + LANES);
        HL_ROW_STEP(0)
        HL_ROW_STEP(1)
        HL_ROW_STEP(2)
        HL_ROW_STEP(3)
        HL_ROW_STEP(4)
        HL_ROW_STEP(5)
    }
    NAME(store_row)(&c00, &c01, nr, alpha, beta, c);
    if (mr > 1) NAME(store_row)(&c10, &c11, nr, alpha, beta, c + ldc);
    if (mr > 2) NAME(store_row)(&c20, &c21, nr, alpha, beta, c + 2 * ldc);
    if (mr > 3) NAME(store_row)(&c30, &c31, nr, alpha, beta, c + 3 * ldc);
    if (mr > 4) NAME(store_row)(&c40, &c41, nr, alpha, beta, c + 4 * ldc);
    if (mr > 5) NAME(store_row)(&c50, &c51, nr, alpha, beta, c + 5 * ldc);
}

#undef HL_ROW_STEP

/// The whole product in panels of 2·LANES columns and tiles of 6 rows.
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
            pack_panel(transpose_b, k, j0, nr, nr_full, b, ldb, panel);
            bp = panel;
            ldbp = nr_full;
        }
        for (long i0 = 0; i0 < m; i0 += 6) {
            const long mr = m - i0 < 6 ? m - i0 : 6;
            NAME(tile)(mr, nr, k, alpha, a + i0 * rsa, rsa, csa, bp, ldbp, beta, c + i0 * ldc + j0, ldc);
        }
    }
}
