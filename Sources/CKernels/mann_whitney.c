// Twice the Mann–Whitney U of two samples (see include/CKernels.h): integer counts of ordered
// and tied pairs, so every code path (AVX-512 where the CPU has it, else the baseline's vectors)
// returns the same number.
#include "CKernels.h"
#include "instruction_set.h"

/// The count for `np` positives against `nn` negatives: one branch-free pass over the negatives
/// per positive (a comparison and an addition per pair, which the compiler vectorizes).
static inline __attribute__((always_inline))
long twice_u(const double *positives, long np, const double *negatives, long nn) {
    long twice = 0;
    for (long i = 0; i < np; i++) {
        const double p = positives[i];
        long above = 0, tied = 0;
        for (long j = 0; j < nn; j++) {
            above += negatives[j] < p;
            tied += negatives[j] == p;
        }
        twice += 2 * above + tied;
    }
    return twice;
}

#if defined(__x86_64__)
__attribute__((target("avx512f,avx2")))
static long twice_u_avx512(const double *positives, long np, const double *negatives, long nn) {
    return twice_u(positives, np, negatives, nn);
}
#endif

long hl_twice_mann_whitney_u(const double *positives, long np, const double *negatives, long nn) {
#if defined(__x86_64__)
    if (hl_instruction_set() == 2) return twice_u_avx512(positives, np, negatives, nn);
#endif
    return twice_u(positives, np, negatives, nn);
}
