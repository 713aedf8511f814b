"""Optuna's samplers on the sampler benchmark (quality) and their time per suggestion (overhead).

    optuna_samplers.py quality [--functions branin,hartmann6,rosenbrock4] [--samplers tpe,tpe_independent,gp,cmaes]
                               [--seeds 20]
    optuna_samplers.py overhead [--timed 20]

Samplers, each with `seed=s` for seed s = 0..N-1 and otherwise Optuna's defaults:
  tpe              TPESampler(seed=s): in Optuna 5 the multivariate TPE for a single objective
                   (n_startup_trials=10, n_ei_candidates=24, constant_liar=True, group=False)
  tpe_independent  TPESampler(seed=s, multivariate=False): the univariate TPE (Optuna < 5's default)
  gp               GPSampler(seed=s)
  random           RandomSampler(seed=s)
  cmaes            CmaEsSampler(seed=s): CMA-ES through the `cmaes` package (one random startup trial,
                   x0 the centre, sigma0 = 1/6 of the normalized ranges, λ = 4 + ⌊3 ln d⌋, no restarts:
                   Optuna 5 dropped restart_strategy)
One study per seed, trials run sequentially (study.optimize, n_jobs=1). Prints result lines
``IMPLEMENTATION WORKLOAD METRIC VALUE`` like hyperlab-bench.
"""
import math
import random
import statistics
import sys
import time
import warnings

import optuna

from sampler_functions import FUNCTIONS, PROBLEMS, overhead_score, parse, report

USAGE = __doc__.split("\n\n")[1].strip()


def make_sampler(name, seed):
    if name == "tpe":
        return optuna.samplers.TPESampler(seed=seed)
    if name == "tpe_independent":
        return optuna.samplers.TPESampler(seed=seed, multivariate=False)
    if name == "gp":
        return optuna.samplers.GPSampler(seed=seed)
    if name == "random":
        return optuna.samplers.RandomSampler(seed=seed)
    if name == "cmaes":
        return optuna.samplers.CmaEsSampler(seed=seed)
    raise SystemExit(f"unknown sampler {name!r} (tpe, tpe_independent, gp, random, cmaes)\nusage: {USAGE}")


def quality(options):
    names = options["functions"].split(",")
    for name in names:
        if name not in PROBLEMS:
            raise SystemExit(f"unknown function {name!r} ({', '.join(PROBLEMS)})")
    seeds = int(options["seeds"])
    print(f"# optuna {optuna.__version__}: {seeds} seeds (0..{seeds - 1}), sequential")
    for name in names:
        bounds, _, budget, _ = PROBLEMS[name]
        f = FUNCTIONS[name]
        for sampler_name in options["samplers"].split(","):
            runs, start = [], time.perf_counter()
            for seed in range(seeds):
                study = optuna.create_study(sampler=make_sampler(sampler_name, seed), direction="minimize")
                study.optimize(lambda t: f([t.suggest_float(f"x{i + 1}", lo, hi) for i, (lo, hi) in enumerate(bounds)]),
                               n_trials=budget)
                runs.append([t.value for t in sorted(study.trials, key=lambda t: t.number)])
            report(f"optuna_{sampler_name}", name, runs, time.perf_counter() - start)


def overhead(options):
    """Median milliseconds (wall clock and thread CPU time) of ask() plus the four suggest calls
    after a random history of `history` trials; tell() is outside the clock."""
    timed = int(options["timed"])
    dists = {
        "lr": optuna.distributions.FloatDistribution(1e-5, 1e-1, log=True),
        "weight_decay": optuna.distributions.FloatDistribution(1e-6, 1e-2, log=True),
        "units": optuna.distributions.IntDistribution(8, 512, log=True),
        "activation": optuna.distributions.CategoricalDistribution(["relu", "tanh", "gelu"]),
    }
    print(f"# optuna {optuna.__version__}: overhead, 4 parameters (2 log floats, 1 log int, 1 categorical)")
    for label, sampler, history in (("optuna_tpe", optuna.samplers.TPESampler(seed=7), 1000),
                                    ("optuna_gp", optuna.samplers.GPSampler(seed=7), 100)):
        rng = random.Random(99)
        study = optuna.create_study(sampler=sampler, direction="minimize")
        for _ in range(history):
            params = {
                "lr": math.exp(rng.uniform(math.log(1e-5), math.log(1e-1))),
                "weight_decay": math.exp(rng.uniform(math.log(1e-6), math.log(1e-2))),
                "units": min(512, max(8, round(math.exp(rng.uniform(math.log(7.5), math.log(512.5)))))),
                "activation": rng.choice(["relu", "tanh", "gelu"]),
            }
            study.add_trial(optuna.trial.create_trial(params=params, distributions=dists, value=overhead_score(**params)))
        wall, cpu = [], []
        for i in range(timed + 1):
            start, start_cpu = time.perf_counter(), time.thread_time()
            trial = study.ask()
            p = {
                "lr": trial.suggest_float("lr", 1e-5, 1e-1, log=True),
                "weight_decay": trial.suggest_float("weight_decay", 1e-6, 1e-2, log=True),
                "units": trial.suggest_int("units", 8, 512, log=True),
                "activation": trial.suggest_categorical("activation", ["relu", "tanh", "gelu"]),
            }
            elapsed, elapsed_cpu = time.perf_counter() - start, time.thread_time() - start_cpu
            study.tell(trial, overhead_score(**p))
            if i > 0:
                wall.append(elapsed * 1000)
                cpu.append(elapsed_cpu * 1000)
        print(f"{label} overhead_at_{history} ms_per_suggestion {statistics.median(wall):.4f}")
        print(f"{label} overhead_at_{history} cpu_ms_per_suggestion {statistics.median(cpu):.4f}", flush=True)


def main():
    optuna.logging.set_verbosity(optuna.logging.WARNING)
    warnings.filterwarnings("ignore", category=optuna.exceptions.ExperimentalWarning)
    try:
        import torch
        torch.set_num_threads(1)
    except ImportError:
        pass
    if len(sys.argv) < 2 or sys.argv[1] not in ("quality", "overhead"):
        raise SystemExit(f"usage: {USAGE}")
    if sys.argv[1] == "quality":
        quality(parse(sys.argv[2:], USAGE, {"functions": ",".join(PROBLEMS), "samplers": "tpe,tpe_independent,gp",
                                            "seeds": "20"}))
    else:
        overhead(parse(sys.argv[2:], USAGE, {"timed": "20"}))


if __name__ == "__main__":
    main()
