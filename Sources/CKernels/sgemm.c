// The deterministic matrix product (see include/CKernels.h for the contract).
//
// Design: C is computed in tiles of MR rows by 2·LANES columns (sgemm_tile.h): 8 rows with
// AVX-512's 32 vector registers, 6 elsewhere; an edge tile of fewer rows runs a k loop of its
// own with only its rows. Within a tile
// every element keeps its own accumulator, and the k loop runs from 0 to k-1 with one fused
// multiply-add per step, so the order of the sum is the textbook one whatever the tile, the
// vector width or the CPU. op(B) is copied ("packed") into panels of 2·LANES columns,
// zero-padded at the right edge, unless it can be read in place (an untransposed B's full
// panels); op(A) is read in place through a row and a column stride. A·Bᵀ with a short A (a
// batch's δ·Wᵀ) and a narrow Aᵀ·B (an output layer's xᵀ·δ) are computed as their transposes
// and transposed back (`product_swapped`), which packs less and pads less.
//
// The tile is instantiated once per instruction set: on x86-64 for AVX-512 (16 lanes) and for
// AVX2 with FMA (8 lanes), chosen at run time, and for the baseline, where each fused
// multiply-add of a vector is a call to the C library's fmaf, which IEEE 754 defines exactly.
// On arm64 the baseline already has vector FMA (NEON). Every instantiation gives the same bits.
#pragma STDC FP_CONTRACT OFF

#include "CKernels.h"
#include "instruction_set.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

typedef float f4 __attribute__((vector_size(16), aligned(4)));

/// Writes the 4 × 4 block of B at rows j..j+3 (`ldb` apart), columns p..p+3, transposed into
/// the panel at row p, column j. Only moves values.
static inline __attribute__((always_inline))
void transpose4(const float *source, long ldb, float *destination, long width) {
    const f4 r0 = *(const f4 *)source, r1 = *(const f4 *)(source + ldb);
    const f4 r2 = *(const f4 *)(source + 2 * ldb), r3 = *(const f4 *)(source + 3 * ldb);
    const f4 t0 = __builtin_shufflevector(r0, r1, 0, 4, 1, 5), t1 = __builtin_shufflevector(r2, r3, 0, 4, 1, 5);
    const f4 t2 = __builtin_shufflevector(r0, r1, 2, 6, 3, 7), t3 = __builtin_shufflevector(r2, r3, 2, 6, 3, 7);
    *(f4 *)destination = __builtin_shufflevector(t0, t1, 0, 1, 4, 5);
    *(f4 *)(destination + width) = __builtin_shufflevector(t0, t1, 2, 3, 6, 7);
    *(f4 *)(destination + 2 * width) = __builtin_shufflevector(t2, t3, 0, 1, 4, 5);
    *(f4 *)(destination + 3 * width) = __builtin_shufflevector(t2, t3, 2, 3, 6, 7);
}

/// Copies columns [j0, j0 + nr) of op(B) into a k × width panel, zero beyond nr (the AVX2 and
/// AVX-512 paths pack an untransposed B's last panel with masked loads instead: `pack_edge`). A transposed
/// B is copied in blocks of 16 of its columns, so both the reads and the writes stay in cache,
/// and within them in 4 × 4 blocks transposed in registers (a compiler's vectorization of the
/// element loop scatters, which costs more than the product on small shapes).
static inline __attribute__((always_inline))
void pack_panel(bool transpose_b, long k, long j0, long nr, long width, const float *b, long ldb,
                float *panel) {
    // The padding beyond nr: one call for the whole panel (a fill per row is a call per row).
    if (nr < width) memset(panel, 0, (size_t)(k * width) * sizeof(float));
    if (transpose_b) {
        const long nr4 = nr / 4 * 4;
        for (long p0 = 0; p0 < k; p0 += 16) {
            const long p1 = p0 + 16 < k ? p0 + 16 : k;
            const long p14 = p0 + (p1 - p0) / 4 * 4;
            for (long j = 0; j < nr4; j += 4) {
                const float *source = b + (j0 + j) * ldb;
                for (long p = p0; p < p14; p += 4) transpose4(source + p, ldb, panel + p * width + j, width);
                for (long jj = j; jj < j + 4; jj++) {
#pragma clang loop vectorize(disable)
                    for (long p = p14; p < p1; p++) panel[p * width + jj] = b[(j0 + jj) * ldb + p];
                }
            }
            for (long j = nr4; j < nr; j++) {
                const float *source = b + (j0 + j) * ldb;
#pragma clang loop vectorize(disable)
                for (long p = p0; p < p1; p++) panel[p * width + j] = source[p];
            }
        }
    } else {
        for (long p = 0; p < k; p++) memcpy(panel + p * width, b + p * ldb + j0, (size_t)nr * sizeof(float));
    }
}

/// The calling thread's buffers, each grown when a product needs more (freed when the thread
/// ends): slot 0 packs panels, slot 1 holds a swapped product's transposed result
/// (`product_swapped`). Training reuses one size per shape, so steady state allocates nothing.
enum { PANEL_SLOT = 0, RESULT_SLOT = 1, SLOTS = 2 };
static pthread_key_t buffers_key;
static pthread_once_t buffers_key_once = PTHREAD_ONCE_INIT;
typedef struct { float *data[SLOTS]; long capacity[SLOTS]; } ThreadBuffers;

static void free_thread_buffers(void *value) {
    ThreadBuffers *buffers = value;
    for (int slot = 0; slot < SLOTS; slot++) free(buffers->data[slot]);
    free(buffers);
}

static void make_buffers_key(void) { pthread_key_create(&buffers_key, free_thread_buffers); }

static float *thread_buffer(int slot, long floats) {
    pthread_once(&buffers_key_once, make_buffers_key);
    ThreadBuffers *buffers = pthread_getspecific(buffers_key);
    if (buffers == NULL) {
        buffers = calloc(1, sizeof(ThreadBuffers));
        if (buffers == NULL) abort();
        pthread_setspecific(buffers_key, buffers);
    }
    if (buffers->capacity[slot] < floats) {
        free(buffers->data[slot]);
        long capacity = floats < 8192 ? 8192 : floats;
        buffers->data[slot] = aligned_alloc(64, (size_t)((capacity * (long)sizeof(float) + 63) / 64 * 64));
        if (buffers->data[slot] == NULL) abort();
        buffers->capacity[slot] = capacity;
    }
    return buffers->data[slot];
}

static float *panel_buffer(long floats) { return thread_buffer(PANEL_SLOT, floats); }

// The portable instantiation: 8 lanes, no target attribute.
typedef float v8 __attribute__((vector_size(32), aligned(4)));
#define VEC v8
#define LANES 8
#define SPLAT(x) ((v8){(x), (x), (x), (x), (x), (x), (x), (x)})
#define NAME(x) x##_portable
#define TARGET
#define MR 6
#include "sgemm_tile.h"
#undef NAME
#undef TARGET

#if defined(__x86_64__)
#include <immintrin.h>

#define NAME(x) x##_avx2
#define TARGET __attribute__((target("avx2,fma")))
#define MASK __m256i
#define MASK_FIRST(count) _mm256_cmpgt_epi32(_mm256_set1_epi32((int)(count)), _mm256_setr_epi32(0, 1, 2, 3, 4, 5, 6, 7))
#define LOAD_MASKED(pointer, mask) ((v8)_mm256_maskload_ps((pointer), (mask)))
#include "sgemm_tile.h"
#undef NAME
#undef TARGET
#undef VEC
#undef LANES
#undef SPLAT
#undef MASK
#undef MASK_FIRST
#undef LOAD_MASKED

typedef float v16 __attribute__((vector_size(64), aligned(4)));
#define VEC v16
#define LANES 16
#define SPLAT(x) ((v16){(x), (x), (x), (x), (x), (x), (x), (x), (x), (x), (x), (x), (x), (x), (x), (x)})
#define NAME(x) x##_avx512
#define TARGET __attribute__((target("avx512f,avx2,fma")))
#define MASK __mmask16
#define MASK_FIRST(count) ((__mmask16)((1u << (count)) - 1u))
#define LOAD_MASKED(pointer, mask) ((v16)_mm512_maskz_loadu_ps((mask), (pointer)))
#undef MR
#define MR 8
#include "sgemm_tile.h"
#undef NAME
#undef TARGET
#undef MR
#undef MASK
#undef MASK_FIRST
#undef LOAD_MASKED

/// AVX-512 panels of 32 columns, with a last part of at most 16 columns in one AVX2 panel
/// instead of a half-empty 32-column one (an output layer of 10 classes, say). Each element's
/// value does not depend on which panel computes it.
__attribute__((target("avx512f,avx2,fma")))
static void product_avx512_then_avx2(bool transpose_a, bool transpose_b, long m, long n, long k,
                                     float alpha, const float *a, long lda, const float *b, long ldb,
                                     float beta, float *c, long ldc) {
    const long wide = n % 32 != 0 && n % 32 <= 16 ? n / 32 * 32 : n;
    if (wide > 0) product_avx512(transpose_a, transpose_b, m, wide, k, alpha, a, lda, b, ldb, beta, c, ldc);
    if (wide < n) {
        const float *rest = transpose_b ? b + wide * ldb : b + wide;
        product_avx2(transpose_a, transpose_b, m, n - wide, k, alpha, a, lda, rest, ldb, beta, c + wide, ldc);
    }
}

#endif

typedef void (*Product)(bool transpose_a, bool transpose_b, long m, long n, long k,
                        float alpha, const float *a, long lda, const float *b, long ldb,
                        float beta, float *c, long ldc);

/// Whether `product_swapped` computes this product (alpha 1 and beta 0 only):
/// - A·Bᵀ with A of at most 32 rows and a depth of at least 32 (a batch's δ·Wᵀ): packing Bᵀ
///   would move all of B (n·k floats), where the swapped product packs only Aᵀ (one panel of at
///   most 32 columns) and reads B in place;
/// - Aᵀ·B of fewer than 16 columns and at least 32 rows (xᵀ·δ of an output layer of 10 classes):
///   its panels would be a third padding, where the swapped product reads A in place in full
///   panels and has fewer than 16 rows. (A narrow A·B gains nothing: it would pack Aᵀ.)
static bool swaps(bool transpose_a, bool transpose_b, long m, long n, long k, float alpha, float beta) {
    if (alpha != 1.0f || beta != 0.0f || m <= 0 || n <= 0 || k <= 0) return false;
    const bool short_times_transposed = !transpose_a && transpose_b && m <= 32 && k >= 32;
    const bool narrow_transposed_times = transpose_a && !transpose_b && n < 16 && m >= 32;
    return short_times_transposed || narrow_transposed_times;
}

/// op(A)·op(B) through `product` as its transpose op(B)ᵀ·op(A)ᵀ (where `swaps` says), into a
/// buffer that is then transposed into C (m·n moves). Each element is the same chain:
/// fma(op(B)[p][j], op(A)[i][p], s) is fma(op(A)[i][p], op(B)[p][j], s), multiplicands commute,
/// and p runs from 0 to k-1 either way.
static void product_swapped(Product product, bool transpose_a, bool transpose_b, long m, long n, long k,
                            const float *a, long lda, const float *b, long ldb, float *c, long ldc) {
    float *t = thread_buffer(RESULT_SLOT, n * m);
    product(!transpose_b, !transpose_a, n, m, k, 1.0f, b, ldb, a, lda, 0.0f, t, m);
    const long n4 = n / 4 * 4, m4 = m / 4 * 4;
    for (long i = 0; i < n4; i += 4) {
        for (long j = 0; j < m4; j += 4) transpose4(t + i * m + j, m, c + j * ldc + i, ldc);
        for (long j = m4; j < m; j++) {
            for (long q = i; q < i + 4; q++) c[j * ldc + q] = t[q * m + j];
        }
    }
    for (long i = n4; i < n; i++) {
        for (long j = 0; j < m; j++) c[j * ldc + i] = t[i * m + j];
    }
}

/// `product` on the arguments, swapped where `swaps` says.
static inline void run_product(Product product, bool transpose_a, bool transpose_b, long m, long n, long k,
                               float alpha, const float *a, long lda, const float *b, long ldb,
                               float beta, float *c, long ldc) {
    if (swaps(transpose_a, transpose_b, m, n, k, alpha, beta)) {
        product_swapped(product, transpose_a, transpose_b, m, n, k, a, lda, b, ldb, c, ldc);
    } else {
        product(transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
    }
}

void hl_sgemm_portable(bool transpose_a, bool transpose_b, long m, long n, long k,
                       float alpha, const float *a, long lda, const float *b, long ldb,
                       float beta, float *c, long ldc) {
    run_product(product_portable, transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void hl_sgemm(bool transpose_a, bool transpose_b, long m, long n, long k,
              float alpha, const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc) {
#if defined(__x86_64__)
    switch (hl_instruction_set()) {
    case 2: run_product(product_avx512_then_avx2, transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc); return;
    case 1: run_product(product_avx2, transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc); return;
    default: break;
    }
#endif
    run_product(product_portable, transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

void hl_sgemm_avx2(bool transpose_a, bool transpose_b, long m, long n, long k,
                   float alpha, const float *a, long lda, const float *b, long ldb,
                   float beta, float *c, long ldc) {
#if defined(__x86_64__)
    if (hl_instruction_set() >= 1) {
        run_product(product_avx2, transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
        return;
    }
#endif
    run_product(product_portable, transpose_a, transpose_b, m, n, k, alpha, a, lda, b, ldb, beta, c, ldc);
}

const char *hl_sgemm_path(void) {
#if defined(__x86_64__)
    switch (hl_instruction_set()) {
    case 2: return "avx512";
    case 1: return "avx2-fma";
    default: return "portable";
    }
#elif defined(__aarch64__)
    return "neon";
#else
    return "portable";
#endif
}
