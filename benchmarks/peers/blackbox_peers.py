"""Black-box optimizers beyond Optuna on the sampler benchmark: nevergrad's NGOpt and SMAC3's
BlackBoxFacade, over the same functions, budgets and seeds as `hyperlab-bench samplers quality`.

    blackbox_peers.py [--functions branin,hartmann6,rosenbrock4] [--samplers ngopt,smac] [--seeds 20]

Samplers, each seeded with s for seed s = 0..N-1 and otherwise the library's defaults:
  ngopt  nevergrad's NGOpt (its algorithm selector) on a bounded Array of the function's
         coordinates, budget the trial count, one worker; seeded through the parametrization's
         random_state (numpy RandomState(s)), which makes a run deterministic.
  smac   SMAC3's BlackBoxFacade (its defaults: a Gaussian process, expected improvement, a Sobol initial
         design) on a ConfigSpace of Float coordinates, Scenario(deterministic=True, n_trials,
         seed=s), driven by ask and tell; its output folder is a temporary one per run.
One run per seed, trials one at a time. Prints result lines ``IMPLEMENTATION WORKLOAD METRIC VALUE``
like hyperlab-bench (per-checkpoint median regrets, each seed's final regret, seconds).
"""
import logging
import sys
import tempfile
import time
import warnings

import numpy as np

from sampler_functions import FUNCTIONS, PROBLEMS, parse, report

USAGE = __doc__.split("\n\n")[1].strip()


def run_ngopt(f, bounds, budget, seed):
    import nevergrad as ng
    lower = np.array([lo for lo, _ in bounds])
    upper = np.array([hi for _, hi in bounds])
    parametrization = ng.p.Array(shape=(len(bounds),), lower=lower, upper=upper)
    parametrization.random_state = np.random.RandomState(seed)
    optimizer = ng.optimizers.NGOpt(parametrization=parametrization, budget=budget, num_workers=1)
    values = []
    for _ in range(budget):
        candidate = optimizer.ask()
        value = f([float(v) for v in candidate.value])
        optimizer.tell(candidate, value)
        values.append(value)
    return values


def run_smac(f, bounds, budget, seed):
    from ConfigSpace import ConfigurationSpace, Float
    from smac import BlackBoxFacade, Scenario
    from smac.runhistory.dataclasses import TrialValue
    space = ConfigurationSpace(seed=seed)
    names = [f"x{i + 1}" for i in range(len(bounds))]
    space.add([Float(name, (lo, hi)) for name, (lo, hi) in zip(names, bounds)])
    with tempfile.TemporaryDirectory() as folder:
        scenario = Scenario(space, deterministic=True, n_trials=budget, seed=seed, output_directory=folder)
        target = lambda config, seed=0: f([config[name] for name in names])
        optimizer = BlackBoxFacade(scenario, target, overwrite=True, logging_level=logging.ERROR)
        values = []
        for _ in range(budget):
            info = optimizer.ask()
            value = target(info.config)
            optimizer.tell(info, TrialValue(cost=value))
            values.append(value)
    return values


RUNNERS = {"ngopt": run_ngopt, "smac": run_smac}


def versions(names):
    parts = []
    if "ngopt" in names:
        import nevergrad
        parts.append(f"nevergrad {nevergrad.__version__}")
    if "smac" in names:
        import smac
        parts.append(f"smac {smac.version}")
    return ", ".join(parts)


def main():
    warnings.filterwarnings("ignore")
    options = parse(sys.argv[1:], USAGE, {"functions": ",".join(PROBLEMS), "samplers": "ngopt,smac", "seeds": "20"})
    functions, samplers, seeds = options["functions"].split(","), options["samplers"].split(","), int(options["seeds"])
    for name in functions:
        if name not in PROBLEMS:
            raise SystemExit(f"unknown function {name!r} ({', '.join(PROBLEMS)})")
    for name in samplers:
        if name not in RUNNERS:
            raise SystemExit(f"unknown sampler {name!r} ({', '.join(RUNNERS)})\nusage: {USAGE}")
    print(f"# {versions(samplers)}: {seeds} seeds (0..{seeds - 1}), sequential")
    for name in functions:
        bounds, _, budget, _ = PROBLEMS[name]
        for sampler in samplers:
            start = time.perf_counter()
            runs = [RUNNERS[sampler](FUNCTIONS[name], bounds, budget, seed) for seed in range(seeds)]
            report(sampler, name, runs, time.perf_counter() - start)


if __name__ == "__main__":
    main()
