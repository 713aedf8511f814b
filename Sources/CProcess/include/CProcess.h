#ifndef CPROCESS_H
#define CPROCESS_H

/// Makes the calling process a child subreaper (Linux `prctl(PR_SET_CHILD_SUBREAPER, 1)`):
/// a process whose parent dies below it is reparented to it rather than to init, so it can
/// still find, stop and reap it. Returns 0 on success, -1 where it fails or is not supported.
/// (Swift cannot call the variadic `prctl` itself.)
int hyperlab_become_child_subreaper(void);

#endif
