#!/usr/bin/env bash
# Sweep benchmarks (issue 4), measured on the product itself (the release `hyperlab` binary):
#   1. throughput: 48 trials of the digits MLP (10 epochs) with parallel=1 and parallel=2;
#      target speed-up ≥ 1.85×; the two results files must be identical but for the seconds column;
#   2. a real tuning task: random vs tpe vs bayes tuning lr, weight_decay, units and dropout of the
#      digits MLP (30 trials, 5 sweep seeds): the best dev accuracy each reached.
#
#   benchmarks/sweeps.sh [throughput] [tuning]      (both when none is named)
# Environment: HYPERLAB_BENCH_SCRATCH (SwiftPM scratch path, default .build),
#              HYPERLAB_BENCH_REPEATS (timed repetitions of each throughput run, default 3).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
repeats="${HYPERLAB_BENCH_REPEATS:-5}"
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(throughput tuning)

hyperlab="$(build_release hyperlab)"
work="$(mktemp -d "${TMPDIR:-/tmp}/hyperlab-sweeps.XXXXXX")"
trap 'rm -rf "$work"' EXIT
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load before: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "date: $(date -u '+%Y-%m-%d %H:%M UTC')"

setup='load digits; split train=0.6 dev=0.2 test=0.2 seed=1; model mlp hidden=[64, 32]'

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

if [[ " ${parts[*]} " == *" throughput "* ]]; then
    echo "== throughput: 48 trials, digits MLP [64, 32], 10 epochs"
    # The sweep's own time: each run's time less the median time of the same process without
    # the sweep (start-up, loading and splitting digits), which does not run in parallel.
    : > "$work/times-setup"
    for r in $(seq "$repeats"); do
        start=$(date +%s.%N)
        (cd "$work" && "$hyperlab" -c "$setup" >/dev/null)
        end=$(date +%s.%N)
        awk -v a="$start" -v b="$end" 'BEGIN { print b - a }' >> "$work/times-setup"
    done
    setup_time=$(median < "$work/times-setup")
    printf '  set-up without the sweep: median %.3f s\n' "$setup_time"
    for p in 1 2; do
        : > "$work/times-$p"
        for r in $(seq "$repeats"); do
            rm -f "$work/p$p.csv"
            start=$(date +%s.%N)
            (cd "$work" && "$hyperlab" -c "$setup; sweep random n=48 lr=log(1e-4, 1e-1) units=intlog(16, 128) epochs=10 parallel=$p; save results \"p$p.csv\"" >/dev/null)
            end=$(date +%s.%N)
            awk -v a="$start" -v b="$end" -v s="$setup_time" 'BEGIN { print b - a - s }' >> "$work/times-$p"
        done
        printf '  parallel=%s  sweep median %.3f s over %s runs, %.0f trials/s\n' "$p" "$(median < "$work/times-$p")" "$repeats" \
            "$(awk -v t="$(median < "$work/times-$p")" 'BEGIN { print 48 / t }')"
    done
    t1=$(median < "$work/times-1"); t2=$(median < "$work/times-2")
    printf '  speed-up parallel=2 / parallel=1: %.2f×  (target ≥ 1.85×)\n' "$(awk -v a="$t1" -v b="$t2" 'BEGIN { print a / b }')"
    # Same trials whatever parallel= is: compare the results files without the seconds column.
    if diff <(cut -d, -f1-$(( $(head -1 "$work/p1.csv" | tr ',' '\n' | wc -l) - 1 )) "$work/p1.csv") \
            <(cut -d, -f1-$(( $(head -1 "$work/p2.csv" | tr ',' '\n' | wc -l) - 1 )) "$work/p2.csv") >/dev/null; then
        echo "  results with parallel=1 and parallel=2: identical (seconds column aside)"
    else
        echo "  results with parallel=1 and parallel=2 DIFFER"; exit 1
    fi
fi

if [[ " ${parts[*]} " == *" tuning "* ]]; then
    echo "== tuning the digits MLP: lr, weight_decay, units, dropout; 30 trials, 20 epochs, sweep seeds 1-5"
    printf '  %-8s %-34s %8s %8s\n' sampler "best dev_acc per seed" mean median
    for sampler in random tpe bayes; do
        bests=()
        for seed in 1 2 3 4 5; do
            out=$(cd "$work" && "$hyperlab" -c "$setup; sweep $sampler n=30 lr=log(1e-4, 1e-1) weight_decay=log(1e-6, 1e-2) units=intlog(16, 256) dropout=uniform(0, 0.5) epochs=20 seed=$seed")
            bests+=("$(echo "$out" | sed -n 's/^best: trial [0-9]* · dev_acc \([0-9.]*\).*/\1/p')")
        done
        mean=$(printf '%s\n' "${bests[@]}" | awk '{s+=$1} END {printf "%.4f", s/NR}')
        med=$(printf '%s\n' "${bests[@]}" | median)
        printf '  %-8s %-34s %8s %8s\n' "$sampler" "${bests[*]}" "$mean" "$med"
    done
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
