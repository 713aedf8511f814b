#!/usr/bin/env bash
# System calls and page faults per training epoch (issue 11): an epoch should make no system
# call and fault no new page once the first epoch has sized every buffer.
#
#   benchmarks/syscalls.sh
#
# Runs the release `hyperlab` on digits (MLP [128, 64], batch 32, dev scored after every epoch,
# as the shell's `train` does) twice, for 5 and for 45 epochs, under `strace -f -c` and GNU
# time's page-fault count; the difference divided by 40 is the cost of one epoch in steady state.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
command -v strace >/dev/null || { echo "strace is missing: apt-get install strace" >&2; exit 2; }

hyperlab="$(build_release hyperlab)"
work="$(mktemp -d "${TMPDIR:-/tmp}/hyperlab-syscalls.XXXXXX")"
trap 'rm -rf "$work"' EXIT
script() { echo "load digits; split train=0.6 dev=0.2 test=0.2 seed=1; model mlp hidden=[128, 64]; optimizer adam lr=0.001; train epochs=$1 batch=32"; }

calls() { # total system calls of one run
    strace -f -c -o "$work/strace-$1.txt" "$hyperlab" --store memory -c "$(script "$1")" >/dev/null
    awk '$NF == "total" { print $4 }' "$work/strace-$1.txt"
}
faults() { # minor page faults of one run (getrusage through a tiny Python wrapper: portable)
    python3 - "$hyperlab" "$(script "$1")" <<'PY'
import resource, subprocess, sys
subprocess.run([sys.argv[1], "--store", "memory", "-c", sys.argv[2]], stdout=subprocess.DEVNULL, check=True)
print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_minflt)
PY
}

short=5 long=45
c5="$(calls $short)"; c45="$(calls $long)"
f5="$(faults $short)"; f45="$(faults $long)"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) cores; $(date -u +%Y-%m-%d)"
echo "system calls: $c5 for $short epochs, $c45 for $long epochs"
echo "minor page faults: $f5 for $short epochs, $f45 for $long epochs"
awk -v a="$c5" -v b="$c45" -v fa="$f5" -v fb="$f45" -v n=$((long - short)) 'BEGIN {
    printf "per epoch after the first %d: %.2f system calls, %.2f page faults\n", 5, (b - a) / n, (fb - fa) / n }'
echo "system calls of the $long-epoch run by name:"
sed -n '3,$p' "$work/strace-$long.txt" | awk 'NF >= 5 && $NF != "total" && $1 != "------" { printf "  %-20s %s\n", $NF, $4 }' | head -n 12
