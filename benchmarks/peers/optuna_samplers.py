"""Optuna's samplers on the sampler benchmark (quality) and their time per suggestion (overhead).

    optuna_samplers.py quality [--functions branin,hartmann6,rosenbrock4] [--samplers tpe,tpe_independent,gp,cmaes]
                               [--seeds 20]
    optuna_samplers.py pareto [--problems zdt1,zdt2] [--samplers random,tpe,nsga2] [--seeds 20] [--trials 200]
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
pareto (two objectives, both minimized, hypervolume against the reference point (1.1, 11) at
50/100/200 trials, the problems of hyperlab-bench samplers pareto):
  tpe              TPESampler(seed=s): for several objectives Optuna's MOTPE
  nsga2            NSGAIISampler(seed=s): population 50, uniform crossover, mutation 1/d
  random           RandomSampler(seed=s)
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
    if name == "nsga2":
        return optuna.samplers.NSGAIISampler(seed=seed)
    raise SystemExit(f"unknown sampler {name!r} (tpe, tpe_independent, gp, random, cmaes, nsga2)\nusage: {USAGE}")


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


def zdt_g(x):
    return 1 + 9 * sum(x[1:]) / (len(x) - 1)


PARETO_PROBLEMS = {
    "zdt1": lambda x: (x[0], zdt_g(x) * (1 - math.sqrt(x[0] / zdt_g(x)))),
    "zdt2": lambda x: (x[0], zdt_g(x) * (1 - (x[0] / zdt_g(x)) ** 2)),
}
PARETO_DIMENSIONS = 6
PARETO_REFERENCE = (1.1, 11.0)
PARETO_CHECKPOINTS = (50, 100, 200)


def hypervolume_2d(points, reference):
    """The area dominated by `points` (both objectives minimized) inside the box below `reference`."""
    inside = sorted((a, b) for a, b in points if a < reference[0] and b < reference[1])
    area, lowest = 0.0, reference[1]
    for a, b in inside:
        if b < lowest:
            area += (reference[0] - a) * (lowest - b)
            lowest = b
    return area


def pareto(options):
    names = options["problems"].split(",")
    for name in names:
        if name not in PARETO_PROBLEMS:
            raise SystemExit(f"unknown problem {name!r} ({', '.join(PARETO_PROBLEMS)})")
    seeds, trials = int(options["seeds"]), int(options["trials"])
    checkpoints = [c for c in PARETO_CHECKPOINTS if c <= trials]
    print(f"# optuna {optuna.__version__} pareto: {seeds} seeds (0..{seeds - 1}), {trials} trials, sequential")
    for name in names:
        f = PARETO_PROBLEMS[name]
        for sampler_name in options["samplers"].split(","):
            runs, start = [], time.perf_counter()
            for seed in range(seeds):
                study = optuna.create_study(sampler=make_sampler(sampler_name, seed), directions=["minimize", "minimize"])
                study.optimize(lambda t: f([t.suggest_float(f"x{i + 1}", 0, 1) for i in range(PARETO_DIMENSIONS)]),
                               n_trials=trials)
                points = [tuple(t.values) for t in sorted(study.trials, key=lambda t: t.number)]
                runs.append([hypervolume_2d(points[:c], PARETO_REFERENCE) for c in checkpoints])
            label = f"optuna_{sampler_name}"
            for k, c in enumerate(checkpoints):
                print(f"{label} {name} hypervolume_at_{c} {statistics.median(r[k] for r in runs):.4g}")
            print(f"{label} {name} final_hypervolumes {','.join(f'{r[-1]:.4g}' for r in runs)}")
            print(f"{label} {name} seconds {time.perf_counter() - start:.2f}", flush=True)


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
    if len(sys.argv) < 2 or sys.argv[1] not in ("quality", "pareto", "overhead"):
        raise SystemExit(f"usage: {USAGE}")
    if sys.argv[1] == "pareto":
        pareto(parse(sys.argv[2:], USAGE, {"problems": ",".join(PARETO_PROBLEMS), "samplers": "random,tpe,nsga2",
                                           "seeds": "20", "trials": "200"}))
    elif sys.argv[1] == "quality":
        quality(parse(sys.argv[2:], USAGE, {"functions": ",".join(PROBLEMS), "samplers": "tpe,tpe_independent,gp",
                                            "seeds": "20"}))
    else:
        overhead(parse(sys.argv[2:], USAGE, {"timed": "20"}))


if __name__ == "__main__":
    main()
