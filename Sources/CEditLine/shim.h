#ifndef HYPERLAB_CEDITLINE_SHIM_H
#define HYPERLAB_CEDITLINE_SHIM_H
#include <stdio.h>
#include <editline/readline.h>
#include <histedit.h>
#endif
