// Adam's update over a flat parameter buffer (see include/CKernels.h for the contract): the
// same IEEE operations in the same order for every element, sixteen (AVX-512) or eight (AVX2)
// elements at a time where the CPU allows, so every code path gives the bits of the scalar definition.
#pragma STDC FP_CONTRACT OFF

#include "CKernels.h"
#include "instruction_set.h"

// root8 takes and returns an 8-float vector by value and is compiled into the portable path
// too, where that argument's ABI would differ from an AVX caller's; it is always inlined, so no
// call ever crosses that ABI and the compiler's note about it (-Wpsabi) says nothing here.
#pragma clang diagnostic ignored "-Wpsabi"

typedef float f8 __attribute__((vector_size(32), aligned(4)));
typedef unsigned int u8 __attribute__((vector_size(32), aligned(4)));

/// sqrt(x) for x >= 0 as HyperLab's FastMath.squareRoot: an inverse square root from the
/// exponent bits, three Newton steps, times x.
static inline __attribute__((always_inline)) float root1(float x) {
    union { float f; unsigned int u; } bits = { .f = x };
    bits.u = 0x5F3759DFu - (bits.u >> 1);
    float y = bits.f;
    const float half = 0.5f * x;
    y = y * (1.5f - half * y * y);
    y = y * (1.5f - half * y * y);
    y = y * (1.5f - half * y * y);
    return x * y;
}

/// root1 on every lane of an F vector (U: its lanes' bits), as a function NAME with ATTRIBUTES.
#define HL_VECTOR_ROOT(NAME, F, U, ATTRIBUTES)                       \
    ATTRIBUTES static inline __attribute__((always_inline)) F NAME(F x) { \
        const U magic = (U){0} + 0x5F3759DFu;                         \
        F y = (F)(magic - ((U)x >> 1));                               \
        const F half = x * 0.5f;                                      \
        y = y * (1.5f - half * y * y);                                \
        y = y * (1.5f - half * y * y);                                \
        y = y * (1.5f - half * y * y);                                \
        return x * y;                                                 \
    }

HL_VECTOR_ROOT(root8, f8, u8, )

static inline __attribute__((always_inline))
void adam(float *theta, const float *grad, float *m, float *v, long n, const HLAdamCoefficients *k) {
    const float shrink = k->shrink, coupled = k->coupled, b1 = k->beta1, b2 = k->beta2;
    const float c1 = k->one_minus_beta1, c2 = k->one_minus_beta2, step = k->step_size;
    const float root_c2 = k->inverse_root_correction2, eps = k->eps;
    long i = 0;
    for (; i + 8 <= n; i += 8) {
        const f8 t = *(const f8 *)(theta + i);
        const f8 p = t * shrink;
        const f8 g = *(const f8 *)(grad + i) + coupled * t;
        const f8 mi = b1 * *(const f8 *)(m + i) + c1 * g;
        const f8 vi = b2 * *(const f8 *)(v + i) + c2 * (g * g);
        *(f8 *)(m + i) = mi;
        *(f8 *)(v + i) = vi;
        *(f8 *)(theta + i) = p - step * mi / (root8(vi) * root_c2 + eps);
    }
    for (; i < n; i++) {
        const float t = theta[i];
        const float p = t * shrink;
        const float g = grad[i] + coupled * t;
        const float mi = b1 * m[i] + c1 * g;
        const float vi = b2 * v[i] + c2 * (g * g);
        m[i] = mi;
        v[i] = vi;
        theta[i] = p - step * mi / (root1(vi) * root_c2 + eps);
    }
}

void hl_adam_step_portable(float *theta, const float *grad, float *m, float *v, long n,
                           const HLAdamCoefficients *coefficients) {
    adam(theta, grad, m, v, n, coefficients);
}

#if defined(__x86_64__)
typedef float f16 __attribute__((vector_size(64), aligned(4)));
typedef unsigned int u16 __attribute__((vector_size(64), aligned(4)));

HL_VECTOR_ROOT(root16, f16, u16, __attribute__((target("avx512f"))))

/// Sixteen elements at a time with AVX-512, then the rest as on the AVX2 path: each lane does
/// the operations of the scalar definition in its order, so the bits are those of every path.
__attribute__((target("avx512f,avx2,fma")))
static void adam_avx512(float *theta, const float *grad, float *m, float *v, long n, const HLAdamCoefficients *k) {
    const float shrink = k->shrink, coupled = k->coupled, b1 = k->beta1, b2 = k->beta2;
    const float c1 = k->one_minus_beta1, c2 = k->one_minus_beta2, step = k->step_size;
    const float root_c2 = k->inverse_root_correction2, eps = k->eps;
    long i = 0;
    for (; i + 16 <= n; i += 16) {
        const f16 t = *(const f16 *)(theta + i);
        const f16 p = t * shrink;
        const f16 g = *(const f16 *)(grad + i) + coupled * t;
        const f16 mi = b1 * *(const f16 *)(m + i) + c1 * g;
        const f16 vi = b2 * *(const f16 *)(v + i) + c2 * (g * g);
        *(f16 *)(m + i) = mi;
        *(f16 *)(v + i) = vi;
        *(f16 *)(theta + i) = p - step * mi / (root16(vi) * root_c2 + eps);
    }
    adam(theta + i, grad + i, m + i, v + i, n - i, k);
}

__attribute__((target("avx2,fma")))
static void adam_avx2(float *theta, const float *grad, float *m, float *v, long n, const HLAdamCoefficients *k) {
    adam(theta, grad, m, v, n, k);
}
#endif

void hl_adam_step_avx2(float *theta, const float *grad, float *m, float *v, long n,
                       const HLAdamCoefficients *coefficients) {
#if defined(__x86_64__)
    if (hl_instruction_set() >= 1) { adam_avx2(theta, grad, m, v, n, coefficients); return; }
#endif
    adam(theta, grad, m, v, n, coefficients);
}

void hl_adam_step(float *theta, const float *grad, float *m, float *v, long n,
                  const HLAdamCoefficients *coefficients) {
#if defined(__x86_64__)
    switch (hl_instruction_set()) {
    case 2: adam_avx512(theta, grad, m, v, n, coefficients); return;
    case 1: adam_avx2(theta, grad, m, v, n, coefficients); return;
    default: break;
    }
#endif
    adam(theta, grad, m, v, n, coefficients);
}
