// The matrix products of the issue-11 study (benchmarks/sweeps.sh study), timed alone: each of
// the eight shapes a training step or a dev pass of the digits MLP 64-u-u-10 multiplies, for
// nine values of u in the study's range, through hl_sgemm on one thread. Prints the best of five
// runs per shape, summed over u, in microseconds.
//
// Build with clang (the kernel uses its builtins) against a checkout's kernel, or another
// commit's files (`git show REV:Sources/CKernels/...`) for a side-by-side comparison; K names the
// folder Sources/CKernels:
//   clang -O2 -I K/include -I K benchmarks/gemm_study_shapes.c K/sgemm.c K/instruction_set.c -lpthread -lm
#include "CKernels.h"

#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

int main(void) {
    const long units[] = {17, 47, 91, 130, 166, 189, 207, 236, 253};
    // m, n, k, transpose A, transpose B (u stands for -1).
    const long shapes[8][5] = {
        {256, 10, -1, 0, 0}, {32, -1, -1, 0, 0}, {32, 10, -1, 0, 0}, {64, -1, 32, 1, 0},
        {-1, -1, 32, 1, 0}, {-1, 10, 32, 1, 0}, {32, -1, -1, 0, 1}, {32, -1, 10, 0, 1},
    };
    const char *names[8] = {
        "dev forward, output layer 256 x 10 x u", "forward x.W, 32 x u x u", "forward, output layer 32 x 10 x u",
        "x^T.delta, first layer 64 x u x 32", "x^T.delta, u x u x 32", "x^T.delta, output layer u x 10 x 32",
        "delta.W^T, 32 x u x u", "delta.W^T, output layer 32 x u x 10",
    };
    float *a = aligned_alloc(64, 4 * 300 * 300), *b = aligned_alloc(64, 4 * 300 * 300), *c = aligned_alloc(64, 4 * 300 * 300);
    if (a == NULL || b == NULL || c == NULL) return 1;
    for (long i = 0; i < 300 * 300; i++) {
        a[i] = (float)(i % 7) * 0.1f;
        b[i] = (float)(i % 5) * 0.2f;
        c[i] = 0;
    }
    double total = 0;
    for (int s = 0; s < 8; s++) {
        double sum = 0;
        for (int ui = 0; ui < 9; ui++) {
            const long u = units[ui];
            const long m = shapes[s][0] < 0 ? u : shapes[s][0], n = shapes[s][1] < 0 ? u : shapes[s][1];
            const long k = shapes[s][2] < 0 ? u : shapes[s][2];
            const bool ta = shapes[s][3], tb = shapes[s][4];
            const long lda = ta ? m : k, ldb = tb ? k : n;
            long reps = (long)(2e8 / (double)(m * n * k));
            if (reps < 50) reps = 50;
            double best = 1e9;
            for (int t = 0; t < 5; t++) {
                const double t0 = now();
                for (long r = 0; r < reps; r++) hl_sgemm(ta, tb, m, n, k, 1, a, lda, b, ldb, 0, c, n);
                const double dt = (now() - t0) / (double)reps;
                if (dt < best) best = dt;
            }
            sum += best;
        }
        printf("%-40s %8.1f us\n", names[s], sum * 1e6);
        total += sum;
    }
    printf("%-40s %8.1f us\n", "all eight", total * 1e6);
    return 0;
}
