#ifndef HYPERLAB_CEDITLINE_SHIM_H
#define HYPERLAB_CEDITLINE_SHIM_H
#include <stdio.h>
#include <signal.h>
#include <sys/select.h>
#include <editline/readline.h>
#include <histedit.h>

/// Waits until `fd` is readable with the signal mask `mask` in force during the wait only
/// (pselect: atomically unblocks, so a signal is never lost between a check and the wait).
/// Returns pselect's result: > 0 readable, -1 with errno EINTR when a signal arrived.
static inline int hyperlab_wait_readable(int fd, const sigset_t *mask) {
    fd_set readable;
    FD_ZERO(&readable);
    FD_SET(fd, &readable);
    return pselect(fd + 1, &readable, NULL, NULL, NULL, mask);
}
#endif
