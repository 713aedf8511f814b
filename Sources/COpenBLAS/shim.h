#ifndef HYPERLAB_COPENBLAS_SHIM_H
#define HYPERLAB_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
