#ifndef HYPERLAB_CZEROMQ_SHIM_H
#define HYPERLAB_CZEROMQ_SHIM_H
#include <zmq.h>
#endif
