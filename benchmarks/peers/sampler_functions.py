"""The test functions of the sampler benchmark and the overhead space, shared by the Python peers.

hyperlab-bench's SamplerProblem.swift and SamplerOverhead.swift define the same functions on the
same domains; a change here must be made there too.
"""
import math
import statistics

# name: (bounds per coordinate, known minimum, trials per run, checkpoints)
PROBLEMS = {
    "branin": ([(-5.0, 10.0), (0.0, 15.0)], 0.397887357729738, 50, (10, 25, 50)),
    "hartmann6": ([(0.0, 1.0)] * 6, -3.32236801141551, 100, (10, 25, 50, 100)),
    "rosenbrock4": ([(-2.048, 2.048)] * 4, 0.0, 50, (10, 25, 50)),
}

_H_ALPHA = [1.0, 1.2, 3.0, 3.2]
_H_A = [[10, 3, 17, 3.5, 1.7, 8], [0.05, 10, 17, 0.1, 8, 14], [3, 3.5, 1.7, 10, 17, 8], [17, 8, 0.05, 10, 0.1, 14]]
_H_P = [[1312, 1696, 5569, 124, 8283, 5886], [2329, 4135, 8307, 3736, 1004, 9991],
        [2348, 1451, 3522, 2883, 3047, 6650], [4047, 8828, 8732, 5743, 1091, 381]]


def branin(x):
    b, c, t = 5.1 / (4 * math.pi * math.pi), 5 / math.pi, 1 / (8 * math.pi)
    u = x[1] - b * x[0] * x[0] + c * x[0] - 6
    return u * u + 10 * (1 - t) * math.cos(x[0]) + 10


def hartmann6(x):
    total = 0.0
    for i in range(4):
        inner = sum(_H_A[i][j] * (x[j] - _H_P[i][j] * 1e-4) ** 2 for j in range(6))
        total += _H_ALPHA[i] * math.exp(-inner)
    return -total


def rosenbrock4(x):
    return sum(100 * (x[i + 1] - x[i] * x[i]) ** 2 + (1 - x[i]) ** 2 for i in range(3))


FUNCTIONS = {"branin": branin, "hartmann6": hartmann6, "rosenbrock4": rosenbrock4}


def overhead_score(lr, weight_decay, units, activation):
    """A smooth stand-in for a validation loss over the 4-parameter overhead space."""
    lr, wd, u = math.log10(lr), math.log10(weight_decay), math.log2(units)
    return (lr + 3) ** 2 + 0.1 * (wd + 4) ** 2 + 0.05 * (u - 7) ** 2 + (0.0 if activation == "tanh" else 0.3)


def fmt(x):
    return "%.4g" % x


def report(label, name, runs, seconds):
    """Prints the result lines of one sampler on one problem; `runs` holds each seed's values."""
    minimum, budget, checkpoints = PROBLEMS[name][1], PROBLEMS[name][2], PROBLEMS[name][3]
    regrets = []
    for values in runs:
        best, curve = math.inf, []
        for v in values:
            best = min(best, v)
            curve.append(best - minimum)
        regrets.append(curve)
    for c in checkpoints:
        print(f"{label} {name} regret_at_{c} {fmt(statistics.median(r[min(c, len(r)) - 1] for r in regrets))}")
    print(f"{label} {name} final_regrets {','.join(fmt(r[-1]) for r in regrets)}")
    print(f"{label} {name} seconds {seconds:.2f}", flush=True)


def parse(argv, usage, defaults):
    """Parses ``--key value`` options into a dict of strings, starting from `defaults`."""
    options = dict(defaults)
    args = list(argv)
    while args:
        key = args.pop(0)
        if not key.startswith("--") or key[2:] not in defaults or not args:
            raise SystemExit(f"usage: {usage}")
        options[key[2:]] = args.pop(0)
    return options
