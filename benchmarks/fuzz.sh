#!/usr/bin/env bash
# Fuzz benchmark (issue 15): mutated command lines through the release `hyperlab` binary, counting
# crashes and hangs. Target: 0 crashes and 0 hangs in 100,000 lines.
#
#   benchmarks/fuzz.sh [LINES]          (default 100000)
#
# Builds `hyperlab` and `hyperlab-bench` (release), then `hyperlab-bench fuzz` mutates valid lines
# (the command catalogue's examples, tutorials/*.hlab and the golden scripts) from a seed: byte
# flips, token deletion, duplication and swaps, splicing, numbers replaced by extremes (1e19,
# 1e-320, 9999999999999999999, nan, 0x10, ...), nesting thousands deep, long strings, control bytes
# and invalid UTF-8. Amounts of work are capped (epochs, trials, repeats, folds, units: a valid
# value above a small cap becomes the cap; an invalid one stays). The lines run in batches of 500,
# one process each, through `hyperlab --store memory --keep-going` on standard input, in a fresh
# temporary folder holding the golden CSV fixtures; objective commands never run (no
# --allow-commands). A batch that dies by a signal (a Swift runtime trap, a stack overflow) is a
# crash; one still running at the timeout is a hang. Either is bisected to its line, with the lines
# before it that it needs, and written to a reproducer file. The summary ends the output:
#   hyperlab fuzz lines N / batches / crashes / hangs / seconds
# and the exit status is 1 when anything crashed or hung.
# Environment:
#   HYPERLAB_BENCH_SCRATCH  SwiftPM scratch path (default .build)
#   HYPERLAB_FUZZ_SEED      the seed (default 20261204); the same seed gives the same lines
#   HYPERLAB_FUZZ_JOBS      batches at once (default 2)
#   HYPERLAB_FUZZ_TIMEOUT   seconds per batch before it counts as hung (default 120)
#   HYPERLAB_FUZZ_OUT       where reproducers go (default fuzz-reproducers/ in the working folder)
set -euo pipefail

lines="${1:-100000}"
case "$lines" in ''|*[!0-9]*) echo "LINES must be a positive number" >&2; exit 2 ;; esac
out="${HYPERLAB_FUZZ_OUT:-$PWD/fuzz-reproducers}"
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

hyperlab="$(build_release hyperlab)"
bench="$(build_release hyperlab-bench)"
"$bench" fuzz --binary "$hyperlab" --root "$root" --lines "$lines" \
    --seed "${HYPERLAB_FUZZ_SEED:-20261204}" --jobs "${HYPERLAB_FUZZ_JOBS:-2}" \
    --timeout "${HYPERLAB_FUZZ_TIMEOUT:-120}" --out "$out"
