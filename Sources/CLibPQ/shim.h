#ifndef HYPERLAB_CLIBPQ_SHIM_H
#define HYPERLAB_CLIBPQ_SHIM_H
#include <libpq-fe.h>
#endif
