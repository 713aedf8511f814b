"""hyperopt's TPE on the sampler benchmark.

    hyperopt_tpe.py [--functions branin,hartmann6,rosenbrock4] [--seeds 20]

For each seed s = 0..N-1: fmin(algo=tpe.suggest, rstate=numpy.random.default_rng(s)) with
hyperopt's defaults (20 random start-up trials, gamma 0.25, 24 EI candidates), one
hp.uniform per coordinate, trials run sequentially. Prints result lines like hyperlab-bench.
"""
import time

import hyperopt
import numpy as np
from hyperopt import Trials, fmin, hp, tpe

from sampler_functions import FUNCTIONS, PROBLEMS, parse, report

USAGE = __doc__.split("\n\n")[1].strip()


def main():
    import sys
    options = parse(sys.argv[1:], USAGE, {"functions": ",".join(PROBLEMS), "seeds": "20"})
    seeds = int(options["seeds"])
    print(f"# hyperopt {hyperopt.__version__}: {seeds} seeds (0..{seeds - 1}), sequential, tpe.suggest defaults")
    for name in options["functions"].split(","):
        if name not in PROBLEMS:
            raise SystemExit(f"unknown function {name!r} ({', '.join(PROBLEMS)})")
        bounds, _, budget, _ = PROBLEMS[name]
        f = FUNCTIONS[name]
        space = {f"x{i + 1}": hp.uniform(f"x{i + 1}", lo, hi) for i, (lo, hi) in enumerate(bounds)}
        runs, start = [], time.perf_counter()
        for seed in range(seeds):
            trials = Trials()
            fmin(lambda p: f([p[f"x{i + 1}"] for i in range(len(bounds))]), space, algo=tpe.suggest,
                 max_evals=budget, trials=trials, rstate=np.random.default_rng(seed), show_progressbar=False)
            runs.append(trials.losses())
        report("hyperopt_tpe", name, runs, time.perf_counter() - start)


if __name__ == "__main__":
    main()
