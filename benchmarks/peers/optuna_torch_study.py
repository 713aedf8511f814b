"""Optuna + PyTorch peer of the tuning study in `sweeps.sh study`: the same data, split, space,
network, optimizer, epochs and batches as HyperLab's `sweep tpe n=30 ...` on digits.

Usage: optuna_torch_study.py DIGITS_CSV SPLIT_CSV TRIALS

DIGITS_CSV is HyperLab's bundled digits.csv (64 pixel columns, then the label); SPLIT_CSV is what
HyperLab's `save split` wrote for `split train=0.6 dev=0.2 test=0.2 seed=1` (row,part), so both
tools train on the same rows. Features are standardized with the train part's mean and sd.
Each trial: MLP 64-u-u-10, ReLU, dropout p after each hidden layer, Adam (lr, betas 0.9/0.999),
20 epochs of batch 32 in a fresh random order, dev accuracy after each epoch (reported to the
trial, as HyperLab scores dev every epoch); the trial's value is the last epoch's. Optuna's
TPESampler (its default settings, seed 1), no pruner. One thread. Prints machine-readable lines.
"""
import csv
import sys
import time

import numpy as np
import optuna
import torch
from torch import nn

import common


def main():
    if len(sys.argv) != 4:
        sys.exit(__doc__)
    digits, split, trials = sys.argv[1], sys.argv[2], int(sys.argv[3])
    common.check_single_thread()
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    data = np.loadtxt(digits, delimiter=",", skiprows=1, dtype=np.float64)
    features, labels = data[:, :-1], data[:, -1].astype(np.int64)
    with open(split) as f:
        parts = {int(row["row"]) - 1: row["part"] for row in csv.DictReader(f)}
    train = np.array(sorted(i for i, p in parts.items() if p == "train"))
    dev = np.array(sorted(i for i, p in parts.items() if p == "dev"))
    mean = features[train].mean(axis=0)
    sd = features[train].std(axis=0, ddof=1)
    sd[sd == 0] = 1
    scaled = ((features - mean) / sd).astype(np.float32)
    x, y = torch.from_numpy(scaled[train]), torch.from_numpy(labels[train])
    xd, yd = torch.from_numpy(scaled[dev]), torch.from_numpy(labels[dev])
    rows = len(train)

    def objective(trial):
        lr = trial.suggest_float("lr", 1e-4, 1e-1, log=True)
        units = trial.suggest_int("units", 16, 256, log=True)
        dropout = trial.suggest_float("dropout", 0.0, 0.5)
        torch.manual_seed(trial.number)
        model = nn.Sequential(nn.Linear(64, units), nn.ReLU(), nn.Dropout(dropout),
                              nn.Linear(units, units), nn.ReLU(), nn.Dropout(dropout), nn.Linear(units, 10))
        optimizer = torch.optim.Adam(model.parameters(), lr=lr, betas=(0.9, 0.999), eps=1e-8)
        loss_fn = nn.CrossEntropyLoss()
        accuracy = 0.0
        for epoch in range(20):
            model.train()
            order = torch.randperm(rows)
            for start in range(0, rows, 32):
                index = order[start:start + 32]
                optimizer.zero_grad()
                loss_fn(model(x[index]), y[index]).backward()
                optimizer.step()
            model.eval()
            with torch.no_grad():
                accuracy = (model(xd).argmax(dim=1) == yd).float().mean().item()
            trial.report(accuracy, epoch)
        return accuracy

    optuna.logging.set_verbosity(optuna.logging.WARNING)
    study = optuna.create_study(direction="maximize", sampler=optuna.samplers.TPESampler(seed=1))
    start = time.perf_counter()
    study.optimize(objective, n_trials=trials)
    seconds = time.perf_counter() - start
    print(f"# optuna {optuna.__version__}, torch {torch.__version__}, threads 1; train {rows}, dev {len(dev)}")
    print(f"optuna_torch study seconds {seconds:.3f}")
    print(f"optuna_torch study best_dev_acc {study.best_value:.4f}")


if __name__ == "__main__":
    main()
