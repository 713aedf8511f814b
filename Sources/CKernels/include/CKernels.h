#ifndef HYPERLAB_CKERNELS_H
#define HYPERLAB_CKERNELS_H

#include <stdbool.h>

/// The deterministic single-precision matrix product of HyperLab.
///
/// Computes C <- alpha * op(A) * op(B) + beta * C on row-major storage (as cblas_sgemm with
/// CblasRowMajor), where op(A) is m x k, op(B) is k x n and C is m x n.
///
/// Every element is computed in one fixed order, on every CPU and in every code path:
///   s = 0; for p = 0, 1, ..., k-1: s = fma(op(A)[i][p], op(B)[p][j], s)
///   c = s                         when alpha == 1 and beta == 0
///   c = alpha * s                 when beta == 0
///   c = alpha * s + beta * c_old  otherwise (a product, a product, a sum: three roundings)
/// fma is the IEEE 754 fused multiply-add (one rounding), so the result is fully specified by
/// IEEE 754 arithmetic: it does not depend on the vector width, the blocking, the instruction
/// set chosen at run time, the number of threads or the operating system.
void hl_sgemm(bool transpose_a, bool transpose_b, long m, long n, long k,
              float alpha, const float *a, long lda, const float *b, long ldb,
              float beta, float *c, long ldc);

/// The same product through the portable code path (C vector extensions, no run-time CPU
/// dispatch). It returns the same bits as hl_sgemm; the tests check that it does.
void hl_sgemm_portable(bool transpose_a, bool transpose_b, long m, long n, long k,
                       float alpha, const float *a, long lda, const float *b, long ldb,
                       float beta, float *c, long ldc);

/// The same product through the AVX2 code path where the CPU has AVX2 and FMA (else the
/// portable one): for tests on AVX-512 machines, which hl_sgemm sends down the AVX-512 path.
void hl_sgemm_avx2(bool transpose_a, bool transpose_b, long m, long n, long k,
                   float alpha, const float *a, long lda, const float *b, long ldb,
                   float beta, float *c, long ldc);

/// The code path hl_sgemm takes on this CPU: "avx512", "avx2-fma", "neon" or "portable".
const char *hl_sgemm_path(void);

/// The coefficients of one Adam (or AdamW) step, formed by the caller.
typedef struct {
    float shrink;                   ///< theta is first multiplied by this (AdamW's decay; 1 for Adam)
    float coupled;                  ///< weight decay added to the gradient (Adam's L2; 0 for AdamW)
    float beta1, beta2;             ///< the moments' decays
    float one_minus_beta1;          ///< 1 - beta1, formed in double by the caller
    float one_minus_beta2;          ///< 1 - beta2, likewise
    float step_size;                ///< lr / (1 - beta1^t)
    float inverse_root_correction2; ///< 1 / sqrt(1 - beta2^t)
    float eps;                      ///< added to the denominator
} HLAdamCoefficients;

/// One Adam step over n parameters. Per element, in this order and with one rounding each:
///   p = theta * shrink; g = grad + coupled * theta
///   m = beta1 * m + (1 - beta1) * g;  v = beta2 * v + (1 - beta2) * (g * g)
///   theta = p - step_size * m / (root(v) * inverse_root_correction2 + eps)
/// where root(v) = v * y after three Newton steps y = y * (1.5 - (0.5 v * y) * y) from the
/// exponent-bits guess 0x5F3759DF - (bits(v) >> 1). No operation is fused, so every code path
/// (AVX-512, AVX2, portable) gives the same bits.
void hl_adam_step(float *theta, const float *grad, float *m, float *v, long n,
                  const HLAdamCoefficients *coefficients);

/// The same step through the portable code path, for tests.
void hl_adam_step_portable(float *theta, const float *grad, float *m, float *v, long n,
                           const HLAdamCoefficients *coefficients);

/// The same step through the AVX2 code path where the CPU has AVX2 and FMA (else the portable
/// one), for tests on CPUs whose dispatched path is AVX-512.
void hl_adam_step_avx2(float *theta, const float *grad, float *m, float *v, long n,
                       const HLAdamCoefficients *coefficients);

/// The code path of an elementwise kernel: the fastest this CPU has, AVX2 (portable where the
/// CPU lacks it), or portable. Every path gives the same bits; the tests check that they do.
typedef enum { HL_PATH_FASTEST = 0, HL_PATH_AVX2 = 1, HL_PATH_PORTABLE = 2 } HLPath;

/// A ReLU layer's forward step after its product: for `rows` rows of `columns` values (row-major),
/// v = z[r][c] + bias[c] and a[r][c] = v > 0 ? v : +0 (so +0 for NaN and for ±0).
void hl_bias_relu(const float *z, const float *bias, float *a, long rows, long columns, HLPath path);

/// A ReLU layer's backward step: d = delta[i] * mask[i] (d = delta[i] when `mask` is NULL), then
/// delta[i] = a[i] > 0 ? d : +0, over `count` values.
void hl_relu_backward(float *delta, const float *mask, const float *a, long count, HLPath path);

/// Column sums of `rows` rows of `columns` values (row-major): sums[c] = ((+0 + x[0][c]) + x[1][c])
/// + ..., row after row, one rounding per addition.
void hl_column_sums(const float *x, long rows, long columns, float *sums, HLPath path);

/// Twice the Mann–Whitney U of `np` positive scores against `nn` negative ones: 2 for each
/// pair whose positive is greater, 1 for each pair that is equal (a NaN is neither). Counts of
/// pairs, so exact on every CPU; np · nn must stay below 2⁶².
long hl_twice_mann_whitney_u(const double *positives, long np, const double *negatives, long nn);

#endif
