// The instruction set the kernels dispatch on (private to CKernels; see instruction_set.c).
#ifndef HYPERLAB_INSTRUCTION_SET_H
#define HYPERLAB_INSTRUCTION_SET_H

/// The widest instruction set this CPU has: 2 for AVX-512, 1 for AVX2 with FMA, 0 for neither
/// (and 0 on every CPU that is not x86-64). Read once, then cached.
int hl_instruction_set(void);

#endif
