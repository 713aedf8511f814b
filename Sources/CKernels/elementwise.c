// The elementwise steps of a ReLU layer around its products (see include/CKernels.h): each
// value is one IEEE operation and a select, or a sum in row order, so every path (AVX-512,
// AVX2, portable, chosen as the product's are) gives the same bits as the scalar definition.
#pragma STDC FP_CONTRACT OFF

#include "CKernels.h"
#include "instruction_set.h"

#include <stddef.h>
#include <stdint.h>

/// The three kernels for one vector type: VEC of LANES floats, IVEC its lanes' bits, defined
/// with function attributes ATTRIBUTES and names ending in SUFFIX. A select keeps a value's
/// bits under an all-ones comparison mask and gives +0 under a zero one, as `x > 0 ? v : 0` does
/// (NaN compares false).
#define HL_ELEMENTWISE(SUFFIX, VEC, IVEC, LANES, ATTRIBUTES)                                        \
    ATTRIBUTES static void bias_relu_##SUFFIX(const float *z, const float *bias, float *a,         \
                                               long rows, long columns) {                          \
        for (long r = 0; r < rows; r++) {                                                          \
            const float *zr = z + r * columns;                                                     \
            float *ar = a + r * columns;                                                           \
            long c = 0;                                                                            \
            for (; c + LANES <= columns; c += LANES) {                                             \
                const VEC v = *(const VEC *)(zr + c) + *(const VEC *)(bias + c);                   \
                *(VEC *)(ar + c) = (VEC)((IVEC)v & (IVEC)(v > (VEC){0}));                          \
            }                                                                                      \
            for (; c < columns; c++) {                                                             \
                const float v = zr[c] + bias[c];                                                   \
                ar[c] = v > 0 ? v : 0;                                                             \
            }                                                                                      \
        }                                                                                          \
    }                                                                                              \
    ATTRIBUTES static void relu_backward_##SUFFIX(float *delta, const float *mask, const float *a, \
                                                   long count) {                                   \
        long i = 0;                                                                                \
        for (; i + LANES <= count; i += LANES) {                                                   \
            VEC d = *(const VEC *)(delta + i);                                                     \
            if (mask != NULL) d = d * *(const VEC *)(mask + i);                                    \
            *(VEC *)(delta + i) = (VEC)((IVEC)d & (IVEC)(*(const VEC *)(a + i) > (VEC){0}));       \
        }                                                                                          \
        for (; i < count; i++) {                                                                   \
            const float d = mask != NULL ? delta[i] * mask[i] : delta[i];                          \
            delta[i] = a[i] > 0 ? d : 0;                                                           \
        }                                                                                          \
    }                                                                                              \
    ATTRIBUTES static void column_sums_##SUFFIX(const float *x, long rows, long columns,          \
                                                 float *sums) {                                    \
        long c = 0;                                                                                \
        for (; c + LANES <= columns; c += LANES) {                                                 \
            VEC s = {0};                                                                           \
            for (long r = 0; r < rows; r++) s = s + *(const VEC *)(x + r * columns + c);           \
            *(VEC *)(sums + c) = s;                                                                \
        }                                                                                          \
        for (; c < columns; c++) {                                                                 \
            float s = 0;                                                                           \
            for (long r = 0; r < rows; r++) s = s + x[r * columns + c];                            \
            sums[c] = s;                                                                           \
        }                                                                                          \
    }

typedef float f8 __attribute__((vector_size(32), aligned(4)));
typedef int32_t i8 __attribute__((vector_size(32), aligned(4)));
HL_ELEMENTWISE(portable, f8, i8, 8, )

#if defined(__x86_64__)
HL_ELEMENTWISE(avx2, f8, i8, 8, __attribute__((target("avx2,fma"))))
typedef float f16 __attribute__((vector_size(64), aligned(4)));
typedef int32_t i16 __attribute__((vector_size(64), aligned(4)));
HL_ELEMENTWISE(avx512, f16, i16, 16, __attribute__((target("avx512f,avx2,fma"))))
#endif

/// The instruction set a kernel runs with on `path`: 2 AVX-512, 1 AVX2, 0 portable.
static int level(HLPath path) {
    switch (path) {
    case HL_PATH_PORTABLE: return 0;
    case HL_PATH_AVX2: return hl_instruction_set() >= 1 ? 1 : 0;
    default: return hl_instruction_set();
    }
}

void hl_bias_relu(const float *z, const float *bias, float *a, long rows, long columns, HLPath path) {
#if defined(__x86_64__)
    switch (level(path)) {
    case 2: bias_relu_avx512(z, bias, a, rows, columns); return;
    case 1: bias_relu_avx2(z, bias, a, rows, columns); return;
    default: break;
    }
#endif
    bias_relu_portable(z, bias, a, rows, columns);
}

void hl_relu_backward(float *delta, const float *mask, const float *a, long count, HLPath path) {
#if defined(__x86_64__)
    switch (level(path)) {
    case 2: relu_backward_avx512(delta, mask, a, count); return;
    case 1: relu_backward_avx2(delta, mask, a, count); return;
    default: break;
    }
#endif
    relu_backward_portable(delta, mask, a, count);
}

void hl_column_sums(const float *x, long rows, long columns, float *sums, HLPath path) {
#if defined(__x86_64__)
    switch (level(path)) {
    case 2: column_sums_avx512(x, rows, columns, sums); return;
    case 1: column_sums_avx2(x, rows, columns, sums); return;
    default: break;
    }
#endif
    column_sums_portable(x, rows, columns, sums);
}
