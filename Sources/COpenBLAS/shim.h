#ifndef HYPERLAB_COPENBLAS_SHIM_H
#define HYPERLAB_COPENBLAS_SHIM_H
#include <cblas.h>

/* OpenBLAS (pthreads build): stops the worker threads the library started when it loaded.
   Exported by libopenblas (used at fork and exit); not declared in cblas.h. */
int blas_thread_shutdown_(void);
#endif
