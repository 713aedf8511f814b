#!/usr/bin/env bash
# Sampler benchmark (issue 4): HyperLab's samplers vs Optuna and hyperopt, side by side in one run.
#
#   benchmarks/samplers.sh [quality] [spread] [overhead] [lag] [cmaes] [peers] [pareto]   (the first three when none is named)
#
# quality: median simple regret (best value found - known minimum) at 10/25/50(/100) trials on
#   Branin (50 trials), Hartmann-6 (100) and Rosenbrock-4 on [-2.048, 2.048]^4 (50), over seeds
#   0..N-1: HyperLab random, tpe, bayes and cmaes through Study.run(parallel: 1) (the product path, whose
#   fixed history lag of 4 hides the last 4 results from each suggestion) and the same samplers with
#   every earlier result visible (lag 0, as the peers run); Optuna's TPESampler (its default, which
#   in Optuna 5 is the multivariate TPE), TPESampler(multivariate=False), GPSampler and
#   RandomSampler and CmaEsSampler; hyperopt's tpe.suggest; nevergrad's NGOpt and SMAC3's
#   BlackBoxFacade (peers/blackbox_peers.py). Every run is sequential.
# peers: the strongest black-box peers only: HyperLab bayes, tpe and cmaes (lag 4 and 0), NGOpt and
#   SMAC3's BlackBoxFacade, as in quality (needs neither Optuna nor torch). SMAC takes about half a
#   minute a run on a quiet core (Hartmann-6 longer): 20 seeds of the three functions take most of an hour.
# cmaes: only HyperLab cmaes (lag 4 and 0) and Optuna's CmaEsSampler, as in quality (needs no hyperopt).
# pareto: two objectives (ZDT1 and ZDT2 on 6 variables, both minimized): the median hypervolume against
#   the reference point (1.1, 11) at 50/100/200 trials; HyperLab random, tpe (MOTPE) and nsga2 through
#   Study.run with lag 0 (as the peers run) and 4, and Optuna's RandomSampler, TPESampler (MOTPE) and
#   NSGAIISampler (population 50).
# spread: how much a 20-seed median moves with the seeds drawn. HyperLab bayes (lag 4 and 0) and
#   Optuna's GPSampler over 100 seeds on the three functions: the median of all, its ratio to
#   Optuna's, and the medians of five disjoint groups of 20 seeds. Final regrets spread over
#   orders of magnitude between seeds (Branin's over three), so a 2x gap between two 20-seed
#   medians can be the draw, not the sampler.
# lag: what a study's lag= costs in regret. HyperLab tpe and bayes through the product path with
#   lag 4 (the default), 16 and 64: trial n sees only the finished trials below n - lag, which is what
#   lets lag + 1 trials (processes, workers) run at once. Same functions, budgets and seeds as quality.
# overhead: milliseconds per suggestion on 4 parameters (2 log floats, 1 log int, 1 choice):
#   TPE after 1,000 trials and the GP after 100, HyperLab and Optuna.
# Environment:
#   HYPERLAB_BENCH_VENV     the peers' venv (default ~/.cache/hyperlab-bench-venv); optuna, hyperopt,
#                           torch, scipy, greenlet (Optuna's GP uses it for batched L-BFGS) and cmaes
#                           (Optuna's CmaEsSampler) are installed into it when missing, and
#                           nevergrad 1.0.12 and smac 2.4.1 for quality and peers
#   HYPERLAB_BENCH_SCRATCH  SwiftPM scratch path (default .build)
#   HYPERLAB_BENCH_SEEDS    seeds per sampler and function (default 20)
#   HYPERLAB_BENCH_SPREAD_SEEDS  seeds of the spread part (default 100)
#   HYPERLAB_BENCH_SPREAD_FUNCTIONS  its functions (default branin,hartmann6,rosenbrock4)
# Every command is pinned to one thread (OMP/MKL/OPENBLAS_NUM_THREADS=1, torch.set_num_threads(1)).
set -euo pipefail

source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
seeds="${HYPERLAB_BENCH_SEEDS:-20}"
spread_seeds="${HYPERLAB_BENCH_SPREAD_SEEDS:-100}"
spread_functions="${HYPERLAB_BENCH_SPREAD_FUNCTIONS:-branin,hartmann6,rosenbrock4}"
parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(quality spread overhead)
for p in "${parts[@]}"; do
    case "$p" in quality|spread|overhead|lag|cmaes|peers|pareto) ;; *) echo "unknown part '$p' (quality, spread, overhead, lag, cmaes, peers, pareto)" >&2; exit 2 ;; esac
done
case "$seeds" in ''|*[!0-9]*) echo "HYPERLAB_BENCH_SEEDS must be a whole number" >&2; exit 2 ;; esac
case "$spread_seeds" in ''|*[!0-9]*) echo "HYPERLAB_BENCH_SPREAD_SEEDS must be a whole number" >&2; exit 2 ;; esac

bench="$(build_release hyperlab-bench)"

if [ ! -x "$venv/bin/python" ]; then
    echo "== creating the peers' virtual environment in $venv"
    python3 -m venv "$venv"
fi
# Whether any of the parts named is to run.
wanted() { local p w; for p in "${parts[@]}"; do for w in "$@"; do [ "$p" = "$w" ] && return 0; done; done; return 1; }
if wanted quality spread overhead cmaes pareto && ! "$venv/bin/python" -c 'import optuna, hyperopt, torch, scipy, greenlet, cmaes' 2>/dev/null; then
    echo "== installing optuna, hyperopt, torch, scipy, greenlet and cmaes into $venv"
    "$venv/bin/pip" install --quiet optuna hyperopt torch scipy greenlet cmaes==0.13.1
fi
if wanted quality peers && ! "$venv/bin/python" -c 'import nevergrad, smac' 2>/dev/null; then
    echo "== installing nevergrad and smac into $venv"
    "$venv/bin/pip" install --quiet nevergrad==1.0.12 smac==2.4.1
fi

results="$(mktemp "${TMPDIR:-/tmp}/hyperlab-samplers.XXXXXX")"
spread="$(mktemp "${TMPDIR:-/tmp}/hyperlab-spread.XXXXXX")"
trap 'rm -f "$results" "$spread"' EXIT
pinned() { env OMP_NUM_THREADS=1 MKL_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 "$@"; }
peers="$root/benchmarks/peers"

load_before="$(cut -d' ' -f1-3 /proc/loadavg)"
started="$(date)"
for p in "${parts[@]}"; do
    if [ "$p" = quality ]; then
        echo "== quality, $seeds seeds"
        pinned "$bench" samplers quality --samplers random,tpe,bayes,cmaes --lag 4,0 --seeds "$seeds" | tee -a "$results"
        (cd "$peers" && pinned "$venv/bin/python" optuna_samplers.py quality --samplers tpe,tpe_independent,gp,random,cmaes \
            --seeds "$seeds") | tee -a "$results"
        (cd "$peers" && pinned "$venv/bin/python" hyperopt_tpe.py --seeds "$seeds") | tee -a "$results"
        (cd "$peers" && pinned "$venv/bin/python" blackbox_peers.py --samplers ngopt,smac --seeds "$seeds") | tee -a "$results"
    elif [ "$p" = peers ]; then
        echo "== peers, $seeds seeds"
        pinned "$bench" samplers quality --samplers bayes,tpe,cmaes --lag 4,0 --seeds "$seeds" | tee -a "$results"
        (cd "$peers" && pinned "$venv/bin/python" blackbox_peers.py --samplers ngopt,smac --seeds "$seeds") | tee -a "$results"
    elif [ "$p" = spread ]; then
        echo "== spread, $spread_functions, $spread_seeds seeds"
        pinned "$bench" samplers quality --functions "$spread_functions" --samplers bayes --lag 4,0 \
            --seeds "$spread_seeds" | tee -a "$spread"
        (cd "$peers" && pinned "$venv/bin/python" optuna_samplers.py quality --functions "$spread_functions" \
            --samplers gp --seeds "$spread_seeds") | tee -a "$spread"
    elif [ "$p" = cmaes ]; then
        echo "== cmaes, $seeds seeds"
        pinned "$bench" samplers quality --samplers cmaes --lag 4,0 --seeds "$seeds" | tee -a "$results"
        (cd "$peers" && pinned "$venv/bin/python" optuna_samplers.py quality --samplers cmaes --seeds "$seeds") | tee -a "$results"
    elif [ "$p" = pareto ]; then
        echo "== pareto, $seeds seeds"
        pinned "$bench" samplers pareto --samplers random,tpe,nsga2 --lag 0,4 --seeds "$seeds" | tee -a "$results"
        (cd "$peers" && pinned "$venv/bin/python" optuna_samplers.py pareto --samplers random,tpe,nsga2 --seeds "$seeds") | tee -a "$results"
    elif [ "$p" = lag ]; then
        echo "== lag, $seeds seeds"
        pinned "$bench" samplers quality --samplers tpe,bayes --lag 4,16,64 --seeds "$seeds" | tee -a "$results"
    else
        echo "== overhead per suggestion"
        pinned "$bench" samplers overhead | tee -a "$results"
        (cd "$peers" && pinned "$venv/bin/python" optuna_samplers.py overhead) | tee -a "$results"
    fi
done
load_after="$(cut -d' ' -f1-3 /proc/loadavg)"

echo
echo "== Results ($started)"
echo "machine: $(lscpu | sed -n 's/^Model name: *//p' | head -n 1), $(nproc) cores; $(swift --version 2>&1 | head -n 1)"
echo "load average (1, 5, 15 min): before $load_before, after $load_after"
{ grep -h '^# ' "$results" "$spread" || true; } | sort -u | sed 's/^# /  /'
awk '
    $3 ~ /^regret_at_/ {
        n = substr($3, 11); key = $2 "@" n
        v[$1, key] = $4
        if (!($1 in seen)) { seen[$1] = 1; order[++rows] = $1 }
        if (!(key in col)) { col[key] = 1; cols[++ncols] = key }
    }
    $3 ~ /^hypervolume_at_/ {
        n = substr($3, 16); key = $2 "@" n
        hv[$1, key] = $4
        if (!($1 in hseen)) { hseen[$1] = 1; horder[++hrows] = $1 }
        if (!(key in hcol)) { hcol[key] = 1; hcols[++nhcols] = key }
    }
    $3 ~ /ms_per_suggestion$/ { ms[$1, $2, $3] = $4; if (!(($1, $2) in od)) { od[$1, $2] = 1; olist[++no] = $1 SUBSEP $2 } }
    function label(s) {
        if (s == "hyperlab_tpe") return "HyperLab tpe (lag 4)"; if (s == "hyperlab_tpe_lag0") return "HyperLab tpe (lag 0)"
        if (s == "hyperlab_bayes") return "HyperLab bayes (lag 4)"; if (s == "hyperlab_bayes_lag0") return "HyperLab bayes (lag 0)"
        if (s == "hyperlab_random") return "HyperLab random"; if (s == "optuna_tpe") return "Optuna TPE (default)"
        if (s == "optuna_tpe_independent") return "Optuna TPE (multivariate=False)"; if (s == "optuna_gp") return "Optuna GPSampler"
        if (s == "optuna_random") return "Optuna random"; if (s == "hyperopt_tpe") return "hyperopt TPE"
        if (s == "hyperlab_cmaes") return "HyperLab cmaes (lag 4)"; if (s == "optuna_cmaes") return "Optuna CmaEsSampler"
        if (s == "ngopt") return "nevergrad NGOpt"; if (s == "smac") return "SMAC3 BlackBoxFacade"
        if (s == "hyperlab_nsga2") return "HyperLab nsga2 (lag 4)"; if (s == "optuna_nsga2") return "Optuna NSGAIISampler"
        if (match(s, /^hyperlab_[a-z0-9]+_lag[0-9]+$/)) { split(s, w, "_"); return "HyperLab " w[2] " (" substr(w[3], 1, 3) " " substr(w[3], 4) ")" }
        return s
    }
    # A markdown table titled `title`: a row per sampler of `names`, a column per `columns`, each
    # cell `values[sampler, column]` ("-" when missing).
    function table(title, n, names, nc, columns, values,    r, c, x) {
        printf "\n  %s\n  | %-32s |", title, "sampler"
        for (c = 1; c <= nc; c++) printf " %12s |", columns[c]
        printf "\n  | %-32s |", "---"
        for (c = 1; c <= nc; c++) printf " %12s |", "---:"
        printf "\n"
        for (r = 1; r <= n; r++) {
            printf "  | %-32s |", label(names[r])
            for (c = 1; c <= nc; c++) { x = values[names[r], columns[c]]; printf " %12s |", x == "" ? "-" : x }
            printf "\n"
        }
    }
    END {
        if (rows > 0) table("median simple regret (lower is better)", rows, order, ncols, cols, v)
        if (hrows > 0) table("median hypervolume, reference (1.1, 11) (higher is better; tpe is MOTPE for two objectives)",
                             hrows, horder, nhcols, hcols, hv)
        if (no > 0) {
            printf "\n  overhead per suggestion, 4 parameters (median; wall clock, and this thread'"'"'s CPU time)\n"
            for (i = 1; i <= no; i++) {
                split(olist[i], p, SUBSEP)
                name = label(p[1]); sub(/ \(lag 4\)/, "", name)
                printf "  %-24s %-20s %10s ms   cpu %10s ms\n", name, p[2], ms[p[1], p[2], "ms_per_suggestion"], ms[p[1], p[2], "cpu_ms_per_suggestion"]
            }
        }
    }' "$results"
if [ -s "$spread" ]; then
    echo
    echo "  final simple regret (Branin and Rosenbrock-4 at 50 trials, Hartmann-6 at 100), $spread_seeds seeds:"
    echo "  the median, its ratio to Optuna GPSampler's, and the medians of disjoint groups of 20 seeds"
    (cd "$peers" && "$venv/bin/python" seed_spread.py --group 20 --reference optuna_gp) < "$spread"
fi
echo
echo "  Per-seed final regrets and seconds per sampler are in the raw lines above (final_regrets, seconds)."
