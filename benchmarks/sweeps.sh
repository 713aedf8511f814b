#!/usr/bin/env bash
# Sweep benchmarks (issue 4), measured on the product itself (the release `hyperlab` binary):
#   1. throughput: 48 trials of the digits MLP (10 epochs) with parallel=1 and parallel=2;
#      target speed-up ≥ 1.85×; the two results files must be identical but for the seconds column;
#   2. a real tuning task: random vs tpe vs bayes tuning lr, weight_decay, units and dropout of the
#      digits MLP (30 trials, 5 sweep seeds): the best dev accuracy each reached;
#   3. study (issue 11): a 30-trial TPE study of the digits MLP (two hidden layers of `units` in
#      16-256, lr, dropout; 20 epochs of batch 32, dev scored every epoch) with parallel=1 and the
#      default parallel (the cores), its matrix work counted from the trials' shapes and set
#      against the GEMM limit (cores x the kernel's one-core rate at 512^3), and the same study
#      with Optuna's TPE and PyTorch (one thread) in the same run;
#   4. pruning (issue 16): the same digits MLP sweep (random and tpe, 30 trials of up to 27 epochs,
#      sweep seeds 1-3) unpruned, with prune=asha and with prune=hyperband (eta 3, min_epochs 1):
#      the epochs spent (counted from each trial's per-epoch curve in `save results "F.json"`) and
#      the best dev accuracy reached.
#
#   benchmarks/sweeps.sh [throughput] [tuning] [study] [pruning]      (all when none is named)
# Environment: HYPERLAB_BENCH_SCRATCH (SwiftPM scratch path, default .build),
#              HYPERLAB_BENCH_REPEATS (timed repetitions of each throughput run, default 3).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
repeats="${HYPERLAB_BENCH_REPEATS:-5}"
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(throughput tuning study pruning)
for p in "${parts[@]}"; do
    case "$p" in throughput|tuning|study|pruning) ;; *) echo "unknown part '$p' (throughput, tuning, study, pruning)" >&2; exit 2 ;; esac
done

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

if [[ " ${parts[*]} " == *" study "* ]]; then
    echo "== study: sweep tpe n=30, digits MLP 64-u-u-10, u in 16-256, lr, dropout; 20 epochs, batch 32"
    bench="$(build_release hyperlab-bench)"
    cores=$(nproc)
    rate=$(env OPENBLAS_NUM_THREADS=1 "$bench" gemm 512 | awk '$3 == "gflops" { print $4 }')
    space='lr=log(1e-4, 1e-1) units=intlog(16, 256) dropout=uniform(0, 0.5) epochs=20 batch=32 seed=1'
    base="load digits; split train=0.6 dev=0.2 test=0.2 seed=1; model mlp hidden=[64, 64]"
    (cd "$work" && "$hyperlab" --store memory -c "$base; save split \"split.csv\" force=yes" >/dev/null)
    for p in 1 "$cores"; do
        : > "$work/study-$p"
        for r in $(seq "$repeats"); do
            start=$(date +%s.%N)
            (cd "$work" && "$hyperlab" --store memory -c "$base; sweep tpe n=30 $space parallel=$p; save results \"study-$p.csv\" force=yes" >/dev/null)
            end=$(date +%s.%N)
            awk -v a="$start" -v b="$end" 'BEGIN { print b - a }' >> "$work/study-$p"
        done
    done
    # Matrix work of each trial from its shape: per training row and epoch, forward 2F, the
    # weights' gradient 2F and the inputs' gradient 2(F - 64u) flops, and 2F per dev row and
    # epoch, with F = 64u + u^2 + 10u multiply-adds per row (train 1078 rows, dev 362).
    gflop=$(awk -F, 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == "units") c = i; next }
        { u = $c; f = 64 * u + u * u + 10 * u; total += 20 * (1078 * (6 * f - 128 * u) + 362 * 2 * f) }
        END { printf "%.1f", total / 1e9 }' "$work/study-1.csv")
    setup_time=$( (for r in $(seq "$repeats"); do start=$(date +%s.%N); (cd "$work" && "$hyperlab" --store memory -c "$base" >/dev/null); end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { print b - a }'; done) | median)
    t1=$(awk -v s="$setup_time" '{ print $1 - s }' "$work/study-1" | median)
    tn=$(awk -v s="$setup_time" '{ print $1 - s }' "$work/study-$cores" | median)
    printf '  matrix work %s GFLOP; GEMM limit %s GFLOP/s per core (512^3, one thread)\n' "$gflop" "$rate"
    printf '  HyperLab parallel=1:  %.2f s, %.0f%% of one core'"'"'s limit\n' "$t1" "$(awk -v g="$gflop" -v t="$t1" -v r="$rate" 'BEGIN { print 100 * g / (t * r) }')"
    printf '  HyperLab parallel=%s:  %.2f s, %.0f%% of %s cores'"'"' limit\n' "$cores" "$tn" "$(awk -v g="$gflop" -v t="$tn" -v r="$rate" -v c="$cores" 'BEGIN { print 100 * g / (t * r * c) }')" "$cores"
    keep=$(( $(head -1 "$work/study-1.csv" | tr ',' '\n' | wc -l) - 1 ))  # all but the seconds column
    cmp -s <(cut -d, -f1-$keep "$work/study-1.csv") <(cut -d, -f1-$keep "$work/study-$cores.csv") \
        && echo "  trials with parallel=1 and parallel=$cores: identical" || { echo "  trials DIFFER between parallel=1 and parallel=$cores"; exit 1; }
    if ! "$venv/bin/python" -c 'import optuna, torch' 2>/dev/null; then
        echo "== installing optuna and torch into $venv"
        "$venv/bin/pip" install --quiet optuna torch
    fi
    peer=$(cd benchmarks/peers && env -u OPENBLAS_CORETYPE -u OPENBLAS_L2_SIZE OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 \
        "$venv/bin/python" optuna_torch_study.py "$root/Sources/HyperLabKit/Resources/datasets/digits.csv" "$work/split.csv" 30)
    echo "$peer" | sed 's/^/  /'
    ts=$(echo "$peer" | awk '$3 == "seconds" { print $4 }')
    printf '  Optuna + PyTorch / HyperLab parallel=%s: %.1fx   (parallel=1: %.1fx)\n' "$cores" \
        "$(awk -v a="$ts" -v b="$tn" 'BEGIN { print a / b }')" "$(awk -v a="$ts" -v b="$t1" 'BEGIN { print a / b }')"
fi
if [[ " ${parts[*]} " == *" pruning "* ]]; then
    echo "== pruning: digits MLP [64, 32], lr, units, dropout; 30 trials of up to 27 epochs, sweep seeds 1-3"
    space='lr=log(1e-4, 1e-1) units=intlog(16, 256) dropout=uniform(0, 0.5) epochs=27'
    printf '  %-7s %-10s %-24s %7s   %-22s %7s\n' sampler prune "epochs spent per seed" mean "best dev_acc per seed" mean
    for sampler in random tpe; do
        for prune in none asha hyperband; do
            spent=(); bests=()
            for seed in 1 2 3; do
                rm -f "$work/pruning.json"
                (cd "$work" && "$hyperlab" --store memory -c "$setup; sweep $sampler n=30 $space seed=$seed prune=$prune; save results \"pruning.json\"" >/dev/null)
                # Epochs spent: every trial's per-epoch curve; best: the best complete trial's dev_acc.
                read -r e b < <(python3 -c 'import json, sys
d = json.load(open(sys.argv[1]))
spent = sum(len(c) for t in d["trials"] for c in t["per_epoch"].values())
best = next(t["metrics"][d["metric"]] for t in d["trials"] if t["trial"] == d["best_trial"])
print(spent, "%.4f" % best)' "$work/pruning.json")
                spent+=("$e"); bests+=("$b")
            done
            printf '  %-7s %-10s %-24s %7s   %-22s %7s\n' "$sampler" "$prune" "${spent[*]}" \
                "$(printf '%s\n' "${spent[@]}" | awk '{s+=$1} END {printf "%.0f", s/NR}')" "${bests[*]}" \
                "$(printf '%s\n' "${bests[@]}" | awk '{s+=$1} END {printf "%.4f", s/NR}')"
        done
    done
fi
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
