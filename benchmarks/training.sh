#!/usr/bin/env bash
# Training benchmark (issue 3): HyperLab vs PyTorch vs scikit-learn on the same data, one thread each.
#
#   benchmarks/training.sh [digits] [synthetic]      (both workloads when none is named)
#
# Builds hyperlab-bench in release mode, creates the peers' virtual environment outside the
# repository when missing, writes both workloads' data once into a temporary folder, trains
# each workload with all three, and prints samples per second, the ratios, and the GEMM rate.
# Environment:
#   HYPERLAB_BENCH_VENV     the peers' venv (default ~/.cache/hyperlab-bench-venv)
#   HYPERLAB_BENCH_SCRATCH  SwiftPM scratch path (default .build)
#   HYPERLAB_BENCH_REPEATS  timed repetitions per measurement (default: 15 digits, 5 synthetic)
# Every run is pinned to one thread (OMP/MKL/OPENBLAS_NUM_THREADS=1, torch.set_num_threads(1);
# HyperLab's own kernel runs on the calling thread). OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are
# removed from each benchmark command (not from this shell), so the peers' BLAS picks the kernels
# for this CPU; HyperLab reads neither.
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
workloads=("$@")
[ ${#workloads[@]} -eq 0 ] && workloads=(digits synthetic)
for w in "${workloads[@]}"; do
    case "$w" in digits|synthetic) ;; *) echo "unknown workload '$w' (digits, synthetic)" >&2; exit 2 ;; esac
done

bench="$(build_release hyperlab-bench)"

if ! "$venv/bin/python" -c 'import torch, sklearn, numpy, threadpoolctl' 2>/dev/null; then
    echo "== creating the peers' virtual environment in $venv (torch, scikit-learn, numpy, threadpoolctl)"
    python3 -m venv "$venv"
    "$venv/bin/pip" install --quiet torch scikit-learn numpy threadpoolctl
fi

data="$(mktemp -d "${TMPDIR:-/tmp}/hyperlab-bench.XXXXXX")"
results="$data/results.txt"
trap 'rm -rf "$data"' EXIT
"$bench" prepare "$data" | sed 's/^/  /'

# One benchmark command: one thread, and the peers' BLAS on this CPU's own kernels.
pinned() {
    env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$@"
}
repeats=()
[ -n "${HYPERLAB_BENCH_REPEATS:-}" ] && repeats=(--repeats "$HYPERLAB_BENCH_REPEATS")

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date)"
for w in "${workloads[@]}"; do
    echo "== $w"
    pinned "$bench" training "$w" --data "$data" "${repeats[@]}" | tee -a "$results"
    # The same runs initialized as PyTorch's nn.Linear is (init=torch): accuracy at equal initialization.
    pinned "$bench" training "$w" --data "$data" --mode train_only --init torch "${repeats[@]}" | tee -a "$results"
    pinned "$venv/bin/python" benchmarks/peers/torch_mlp.py "$w" "$data" "${repeats[@]}" | tee -a "$results"
    pinned "$venv/bin/python" benchmarks/peers/sklearn_mlp.py "$w" "$data" "${repeats[@]}" | tee -a "$results"
done
echo "== GEMM backend (DeterministicGEMM, one thread)"
pinned "$bench" gemm | tee -a "$results"
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== Results ($started)"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) cores; $(swift --version 2>&1 | head -n 1)"
echo "load average (1, 5, 15 min): before $load_before, after $load_after"
grep -h '^# \(torch\|sklearn\|scikit-learn\)' "$results" | sort -u | sed 's/^# /  /'
awk '
    $3 == "samples_per_s" { rate[$1, $2] = $4; seen[$2] = 1; if (!(($2) in order)) { order[$2] = ++n; name[n] = $2 } }
    $3 == "samples_per_s_best" { best[$1, $2] = $4 }
    $3 == "dev_acc_mean" { acc[$1, $2] = $4 }
    $3 ~ /^gflops/ { gemm[++g] = sprintf("  %-22s %8s GFLOP/s", substr($2, 6), $4) }
    function cell(v) { return v == "" ? "-" : v }
    function ratio(a, b) { return (a == "" || b == "" || b == 0) ? "-" : sprintf("%.2fx", a / b) }
    END {
        printf "\n  samples/s (training rows x epochs per second, median run; one thread)\n"
        printf "  %-34s %10s %10s %12s %10s %10s   %s\n", "workload", "HyperLab", "PyTorch", "scikit-learn", "H/PyTorch", "H/sklearn", "dev acc H / T / S"
        for (i = 1; i <= n; i++) {
            w = name[i]
            printf "  %-34s %10s %10s %12s %10s %10s   %s / %s / %s\n", w, cell(rate["hyperlab", w]), cell(rate["torch", w]),
                cell(rate["sklearn", w]), ratio(rate["hyperlab", w], rate["torch", w]), ratio(rate["hyperlab", w], rate["sklearn", w]),
                cell(acc["hyperlab", w]), cell(acc["torch", w]), cell(acc["sklearn", w])
        }
        printf "\n  samples/s of the fastest run (least disturbed by other load on the machine)\n"
        for (i = 1; i <= n; i++) {
            w = name[i]
            printf "  %-34s %10s %10s %12s %10s %10s\n", w, cell(best["hyperlab", w]), cell(best["torch", w]),
                cell(best["sklearn", w]), ratio(best["hyperlab", w], best["torch", w]), ratio(best["hyperlab", w], best["sklearn", w])
        }
        printf "\n  GEMM backend, C = A.B as MxKxN, one thread\n"
        for (i = 1; i <= g; i++) print gemm[i]
    }' "$results"
echo
echo "  Each run: init + all epochs (shuffle, forward, cross-entropy, backward, Adam step) + one scoring"
echo "  of the dev rows; *_dev_scored_each_epoch is HyperLab's shell path, scoring dev after every epoch;"
echo "  *_init_torch is HyperLab initialized as PyTorch's nn.Linear (init=torch), the peers' scheme."
