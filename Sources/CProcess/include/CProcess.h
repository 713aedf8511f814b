#ifndef CPROCESS_H
#define CPROCESS_H

/// Makes the calling process a child subreaper (Linux `prctl(PR_SET_CHILD_SUBREAPER, 1)`):
/// a process whose parent dies below it is reparented to it rather than to init, so it can
/// still find, stop and reap it. Returns 0 on success, -1 where it fails or is not supported.
/// (Swift cannot call the variadic `prctl` itself.)
int hyperlab_become_child_subreaper(void);

/// Returns the C allocator's free pages to the system (glibc `malloc_trim(0)`, which releases
/// every whole free page of every arena). Does nothing where the allocator has no such call.
void hyperlab_return_free_memory(void);

#endif
