"""Shared helpers of the Python peers: the data files, thread pinning, timing and the result lines.

The peers print the same machine-readable lines as `hyperlab-bench`:
``IMPLEMENTATION WORKLOAD METRIC VALUE`` (comment lines start with ``#``).
"""
import os
import statistics
import sys
import time

import numpy as np

# Both workloads as the issue defines them; hyperlab-bench's Workload.swift holds the same numbers.
WORKLOADS = {
    "digits": {"hidden": (128, 64), "batch": 32, "epochs": 20, "repeats": 15},
    "synthetic": {"hidden": (512, 512), "batch": 128, "epochs": 5, "repeats": 5},
}
LEARNING_RATE = 1e-3


def parse_arguments(program):
    """Returns (workload name, data folder, repeats) from ``WORKLOAD DATA_DIR [--repeats N]``."""
    args = sys.argv[1:]
    if len(args) not in (2, 4) or args[0] not in WORKLOADS or (len(args) == 4 and args[2] != "--repeats"):
        sys.exit(f"usage: {program} {'|'.join(WORKLOADS)} DATA_DIR [--repeats N]\n"
                 "hint: `hyperlab-bench prepare DATA_DIR` writes the data files")
    repeats = int(args[3]) if len(args) == 4 else WORKLOADS[args[0]]["repeats"]
    return args[0], args[1], repeats


def load(name, folder):
    """The float32 features and int32 labels of a workload's train and dev parts."""
    part = {}
    for key in ("x_train", "y_train", "x_dev", "y_dev"):
        path = os.path.join(folder, f"{name}_{key}.npy")
        if not os.path.exists(path):
            sys.exit(f"{path}: missing\nhint: run `hyperlab-bench prepare {folder}` first")
        part[key] = np.load(path)
    assert part["x_train"].dtype == np.float32 and part["y_train"].dtype == np.int32
    return part["x_train"], part["y_train"], part["x_dev"], part["y_dev"]


def check_single_thread():
    """Fails unless the thread variables pin every BLAS and OpenMP pool to one thread."""
    for key in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
        if os.environ.get(key) != "1":
            sys.exit(f"{key} is {os.environ.get(key)!r}, expected 1\nhint: run through benchmarks/training.sh")


def describe_blas(implementation):
    """Prints, as comments, which BLAS kernels numpy and friends loaded (threadpoolctl)."""
    try:
        from threadpoolctl import threadpool_info
    except ImportError:
        print(f"# {implementation}: threadpoolctl not installed, BLAS kernels unknown")
        return
    for pool in threadpool_info():
        print(f"# {implementation}: {pool.get('internal_api')} {pool.get('version')} "
              f"arch={pool.get('architecture')} threads={pool.get('num_threads')} ({os.path.basename(pool.get('filepath', ''))})")


def measure(implementation, name, samples_per_run, repeats, run_once):
    """Runs ``run_once(seed)`` once untimed, then ``repeats`` timed runs; prints the result lines.

    ``run_once`` trains from scratch and returns the dev accuracy after the last epoch.
    """
    run_once(0)
    seconds, accuracies = [], []
    for seed in range(1, repeats + 1):
        start = time.perf_counter()
        accuracies.append(run_once(seed))
        seconds.append(time.perf_counter() - start)
    median = statistics.median(seconds)
    print(f"{implementation} {name} samples_per_s {round(samples_per_run / median)}")
    print(f"{implementation} {name} samples_per_s_best {round(samples_per_run / min(seconds))}")
    print(f"{implementation} {name} seconds_median {median:.4f}")
    print(f"{implementation} {name} seconds_all {','.join(f'{s:.4f}' for s in seconds)}")
    print(f"{implementation} {name} dev_acc_mean {statistics.mean(accuracies):.4f}")
