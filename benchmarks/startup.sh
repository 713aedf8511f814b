#!/usr/bin/env bash
# Start-up benchmark (issue 2): time from starting `hyperlab` to its first prompt. Target: under 100 ms.
#
#   benchmarks/startup.sh
#
# Builds the release binary (`swift build -c release --product hyperlab`), then measures, each
# over N runs, reporting the median (and min / max):
#   1. prompt (pty): `hyperlab` on a pseudo-terminal, from fork to the moment "hyperlab> " is
#      read from the terminal: what a person waits for. Needs python3 (its pty module).
#   2. quit (pipe):  `echo quit | hyperlab`, start to exit, standard input not a terminal (the
#      script path: no line editor, but the same process start, library loading and shell set-up).
# Environment:
#   HYPERLAB_BENCH_SCRATCH  SwiftPM scratch path (default .build)
#   HYPERLAB_STARTUP_RUNS   runs per measurement (default 30)
# The shell runs with a fresh empty history file (HYPERLAB_HISTORY) in a temporary folder.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
scratch="${HYPERLAB_BENCH_SCRATCH:-.build}"
runs="${HYPERLAB_STARTUP_RUNS:-30}"
case "$runs" in ''|*[!0-9]*) echo "HYPERLAB_STARTUP_RUNS must be a positive number" >&2; exit 2 ;; esac

echo "building hyperlab (release, scratch path $scratch)..." >&2
swift build -c release --product hyperlab --scratch-path "$scratch" >&2
binary="$(swift build -c release --product hyperlab --scratch-path "$scratch" --show-bin-path)/hyperlab"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export HYPERLAB_HISTORY="$work/history"
export NO_COLOR=1
cd "$work"

# Median, min and max of the numbers (milliseconds) on standard input.
summary() {
    sort -n | awk '{ v[NR] = $1 } END {
        if (NR == 0) { print "no samples"; exit 1 }
        m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
        printf "median %.1f ms  (min %.1f, max %.1f, %d runs)\n", m, v[1], v[NR], NR }'
}

"$binary" -c 'quit' >/dev/null   # warm the file cache once

echo "hyperlab $("$binary" --version), $(nproc) cores, $(uname -r)"

if command -v python3 >/dev/null; then
    printf '%-16s' "prompt (pty):"
    python3 - "$binary" "$runs" <<'PY' | summary
import os, pty, select, sys, time
binary, runs = sys.argv[1], int(sys.argv[2])
for _ in range(runs):
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execv(binary, [binary])
    seen, prompt_at = b"", None
    while prompt_at is None:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            sys.exit("no prompt within 10 s")
        chunk = os.read(fd, 4096)
        if not chunk:
            sys.exit("hyperlab ended before its prompt")
        seen += chunk
        if b"hyperlab> " in seen:
            prompt_at = time.perf_counter()
    print(f"{(prompt_at - start) * 1000:.2f}")
    os.write(fd, b"quit\r")
    try:
        while os.read(fd, 4096):
            pass
    except OSError:
        pass                                   # EIO: the terminal closed as the shell quit
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"hyperlab exited with {status}")
    os.close(fd)
PY
else
    echo "prompt (pty):   skipped (python3 not found)"
fi

printf '%-16s' "quit (pipe):"
for _ in $(seq "$runs"); do
    start=$(date +%s%N)
    echo quit | "$binary" >/dev/null
    end=$(date +%s%N)
    echo "$(( (end - start) / 1000 ))" | awk '{ printf "%.2f\n", $1 / 1000 }'
done | summary
echo "target: first prompt under 100 ms"
