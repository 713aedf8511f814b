// The deterministic matrix product (see include/CKernels.h for the contract).
//
// Design: C is computed in tiles of MR x 16 elements. Within a tile every element keeps its own
// accumulator, and the k loop runs from 0 to k-1 with one fused multiply-add per step, so the
// order of the sum is the textbook one whatever the tile, the vector width or the CPU. op(B) is
// copied ("packed") into panels of 16 columns, zero-padded at the right edge, unless it can be
// read in place; op(A) is read in place through a row and a column stride.
//
// The same source is compiled twice on x86-64: once for AVX2 with FMA (chosen at run time) and
// once for the baseline, where each fused multiply-add is a call to the C library's fmaf, which
// IEEE 754 defines exactly. On arm64 the baseline already has vector FMA (NEON).
#pragma STDC FP_CONTRACT OFF

#include "CKernels.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

/// Eight floats, loaded and stored at any 4-byte alignment.
typedef float v8 __attribute__((vector_size(32), aligned(4)));

enum { MR = 6, NR = 16 };

/// Stores one row of a tile: `nr` of its 16 elements into C, scaled as the contract says.
static inline __attribute__((always_inline))
void store_row(const v8 *first, const v8 *second, long nr, float alpha, float beta, float *cr) {
    v8 out0 = *first, out1 = *second;
    if (!(alpha == 1.0f && beta == 0.0f)) {
        out0 = out0 * alpha;
        out1 = out1 * alpha;
    }
    if (nr == NR) {
        if (beta != 0.0f) {
            out0 = out0 + *(const v8 *)cr * beta;
            out1 = out1 + *(const v8 *)(cr + 8) * beta;
        }
        *(v8 *)cr = out0;
        *(v8 *)(cr + 8) = out1;
    } else {
        float lanes[NR];
        *(v8 *)lanes = out0;
        *(v8 *)(lanes + 8) = out1;
        for (long j = 0; j < nr; j++) {
            cr[j] = beta != 0.0f ? lanes[j] + cr[j] * beta : lanes[j];
        }
    }
}

#define HL_SPLAT(x) ((v8){(x), (x), (x), (x), (x), (x), (x), (x)})
#define HL_ROW_STEP(r)                                        \
    {                                                         \
        const v8 xs = HL_SPLAT(a##r[p * csa]);                \
        c##r##0 = __builtin_elementwise_fma(xs, b0, c##r##0); \
        c##r##1 = __builtin_elementwise_fma(xs, b1, c##r##1); \
    }

/// One tile: `mr` (1 to 6) rows of op(A), read through its strides, times a k x 16 panel of
/// op(B) whose rows are `ldbp` floats apart, written into `mr` x `nr` elements of C. A tile of
/// fewer than 6 rows repeats its first row in the spare accumulators and does not store them,
/// so the k loop has no branch.
static inline __attribute__((always_inline))
void tile(long mr, long nr, long k, float alpha, const float *a, long rsa, long csa,
          const float *bp, long ldbp, float beta, float *c, long ldc) {
    const float *a0 = a;
    const float *a1 = mr > 1 ? a + rsa : a;
    const float *a2 = mr > 2 ? a + 2 * rsa : a;
    const float *a3 = mr > 3 ? a + 3 * rsa : a;
    const float *a4 = mr > 4 ? a + 4 * rsa : a;
    const float *a5 = mr > 5 ? a + 5 * rsa : a;
    v8 c00 = {0}, c01 = {0}, c10 = {0}, c11 = {0}, c20 = {0}, c21 = {0};
    v8 c30 = {0}, c31 = {0}, c40 = {0}, c41 = {0}, c50 = {0}, c51 = {0};
    for (long p = 0; p < k; p++) {
        const v8 b0 = *(const v8 *)(bp + p * ldbp);
        const v8 b1 = *(const v8 *)(bp + p * ldbp + 8);
        HL_ROW_STEP(0)
        HL_ROW_STEP(1)
        HL_ROW_STEP(2)
        HL_ROW_STEP(3)
        HL_ROW_STEP(4)
        HL_ROW_STEP(5)
    }
    store_row(&c00, &c01, nr, alpha, beta, c);
    if (mr > 1) store_row(&c10, &c11, nr, alpha, beta, c + ldc);
    if (mr > 2) store_row(&c20, &c21, nr, alpha, beta, c + 2 * ldc);
    if (mr > 3) store_row(&c30, &c31, nr, alpha, beta, c + 3 * ldc);
    if (mr > 4) store_row(&c40, &c41, nr, alpha, beta, c + 4 * ldc);
    if (mr > 5) store_row(&c50, &c51, nr, alpha, beta, c + 5 * ldc);
}

/// Copies columns [j0, j0 + nr) of op(B) into a k x 16 panel, zero beyond nr.
static void pack_panel(bool transpose_b, long k, long j0, long nr, const float *b, long ldb, float *panel) {
    for (long p = 0; p < k; p++) {
        float *row = panel + p * NR;
        if (transpose_b) {
            for (long j = 0; j < nr; j++) row[j] = b[(j0 + j) * ldb + p];
        } else {
            memcpy(row, b + p * ldb + j0, (size_t)nr * sizeof(float));
        }
        for (long j = nr; j < NR; j++) row[j] = 0.0f;
    }
}

/// The packing buffer of the calling thread, grown when a product needs more (freed when the
/// thread ends). Training reuses one size per shape, so steady state allocates nothing.
static pthread_key_t panel_key;
static pthread_once_t panel_key_once = PTHREAD_ONCE_INIT;
typedef struct { float *data; long capacity; } PanelBuffer;

static void free_panel_buffer(void *value) {
    PanelBuffer *buffer = value;
    free(buffer->data);
    free(buffer);
}

static void make_panel_key(void) { pthread_key_create(&panel_key, free_panel_buffer); }

static float *panel_buffer(long floats) {
    pthread_once(&panel_key_once, make_panel_key);
    PanelBuffer *buffer = pthread_getspecific(panel_key);
    if (buffer == NULL) {
        buffer = calloc(1, sizeof(PanelBuffer));
        if (buffer == NULL) abort();
        pthread_setspecific(panel_key, buffer);
    }
    if (buffer->capacity < floats) {
        free(buffer->data);
        long capacity = floats < 4096 ? 4096 : floats;
        buffer->data = aligned_alloc(64, (size_t)((capacity * (long)sizeof(float) + 63) / 64 * 64));
        if (buffer->data == NULL) abort();
        buffer->capacity = capacity;
    }
    return buffer->data;
}

/// The whole product, for whichever instruction set the caller was compiled for.
static inline __attribute__((always_inline))
void product(bool transpose_a, bool transpose_b, long m, long n, long k,
             float alpha, const float *a, long lda, const float *b, long ldb,
             float beta, float *c, long ldc) {
    if (m <= 0 || n <= 0) return;
    const long rsa = transpose_a ? 1 : lda;
    const long csa = transpose_a ? lda : 1;
    float *panel = NULL;
    for (long j0 = 0; j0 < n; j0 += NR) {
        const long nr = n - j0 < NR ? n - j0 : NR;
        const float *bp;
        long ldbp;
        if (!transpose_b && nr == NR) {
            bp = b + j0;
            ldbp = ldb;
        } else {
            if (panel == NULL) panel = panel_buffer(k * NR);
            pack_panel(transpose_b, k, j0, nr, b, ldb, panel);
            bp = panel;
            ldbp = NR;
        }
        for (long i0 = 0; i0 < m; i0 += MR) {
            const long mr = m - i0 < MR ? m - i0 : MR;
            tile(mr, nr, k, alpha, a + i0 * rsa, rsa, csa, bp, ldbp, beta, c + i0 * ldc + j0, ldc);
        }
    }
}

void hl_sgemm_portable(bool transpose_a, bool transpose_b, long m, long n, long k,
                       float alpha, const float *a, long lda, const float *b, long ldb,
                       float beta, float *c, long ldc) {
    product(transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

#if defined(__x86_64__)
__attribute__((target("avx2,fma")))
static void product_avx2(bool transpose_a, bool transpose_b, long m, long n, long k,
                         float alpha, const float *a, long lda, const float *b, long ldb,
                         float beta, float *c, long ldc) {
    product(transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

static bool has_avx2_fma(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma");
}
#endif

void hl_sgemm(bool transpose_a, bool transpose_b, long m, long n, long k,
              float alpha, const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc) {
#if defined(__x86_64__)
    if (has_avx2_fma()) {
        product_avx2(transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        return;
    }
#endif
    product(transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

const char *hl_sgemm_path(void) {
#if defined(__x86_64__)
    return has_avx2_fma() ? "avx2-fma" : "portable";
#elif defined(__aarch64__)
    return "neon";
#else
    return "portable";
#endif
}
