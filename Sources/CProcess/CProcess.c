#include "CProcess.h"

#if defined(__linux__)
#include <sys/prctl.h>

int hyperlab_become_child_subreaper(void) {
    return prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0) == 0 ? 0 : -1;
}
#else
int hyperlab_become_child_subreaper(void) {
    return -1;
}
#endif

#if defined(__GLIBC__)
#include <malloc.h>

void hyperlab_return_free_memory(void) {
    (void)malloc_trim(0);
}
#else
void hyperlab_return_free_memory(void) {}
#endif
