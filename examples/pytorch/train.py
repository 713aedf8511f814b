"""A small PyTorch MLP on the digits data, written to be tuned by HyperLab.

It speaks HyperLab's reporting protocol on standard output:

    hyperlab: epoch=3 dev_acc=0.9444 dev_loss=0.2131    (after every epoch; lets HyperLab prune)
    hyperlab: dev_acc=0.9722 dev_loss=0.1010            (once, at the end: the trial's result)

Everything else (the data summary, warnings) goes to standard error and ends up in the trial's log.

    python train.py --lr 1e-3 --wd 1e-4 --units 64 --epochs 20 --seed 0
    python train.py --csv data.csv --target label      # any CSV of numbers with a class column
"""
import argparse
import csv
import signal
import sys

import numpy as np
import torch
from torch import nn

SPLIT_SEED = 0  # the train/dev split is fixed, so trials differ only in what they tune and their seed


def arguments():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lr", type=float, default=1e-3, help="AdamW learning rate")
    parser.add_argument("--wd", type=float, default=0.0, help="AdamW (decoupled) weight decay")
    parser.add_argument("--units", type=int, default=64, help="hidden units")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--seed", type=int, default=0, help="initialisation and batch order")
    parser.add_argument("--csv", help="a CSV with a header row instead of scikit-learn's digits")
    parser.add_argument("--target", default="target", help="the CSV's class column")
    return parser.parse_args()


def load(args):
    """Features (float32) and class indices (int64) of the whole dataset."""
    if args.csv is None:
        from sklearn.datasets import load_digits
        digits = load_digits()
        return digits.data.astype(np.float32), digits.target.astype(np.int64)
    with open(args.csv, newline="") as file:
        rows = list(csv.reader(file))
    header, rows = rows[0], [row for row in rows[1:] if row]
    if args.target not in header:
        sys.exit(f"{args.csv}: no column {args.target!r} (columns: {', '.join(header)})")
    column = header.index(args.target)
    _, labels = np.unique([row[column] for row in rows], return_inverse=True)
    features = np.array([[float(cell) for k, cell in enumerate(row) if k != column] for row in rows])
    return features.astype(np.float32), labels.astype(np.int64)

def split(x, y, dev_fraction=0.2):
    """A stratified train/dev split with a fixed seed; features standardized on train statistics."""
    rng = np.random.default_rng(SPLIT_SEED)
    dev = np.concatenate([rng.permutation(np.flatnonzero(y == c))[: round(dev_fraction * np.sum(y == c))]
                          for c in np.unique(y)])
    is_dev = np.zeros(len(y), dtype=bool)
    is_dev[dev] = True
    mean, std = x[~is_dev].mean(axis=0), x[~is_dev].std(axis=0)
    std[std == 0] = 1
    x = (x - mean) / std
    return (torch.from_numpy(x[~is_dev]), torch.from_numpy(y[~is_dev]),
            torch.from_numpy(x[is_dev]), torch.from_numpy(y[is_dev]))


def main():
    args = arguments()
    torch.set_num_threads(1)  # one trial per core: HyperLab runs trials in parallel
    torch.manual_seed(args.seed)
    x_train, y_train, x_dev, y_dev = split(*load(args))
    classes = int(max(y_train.max(), y_dev.max())) + 1
    print(f"{len(y_train)} train, {len(y_dev)} dev, {x_train.shape[1]} features, {classes} classes",
          file=sys.stderr)

    model = nn.Sequential(nn.Linear(x_train.shape[1], args.units), nn.ReLU(), nn.Linear(args.units, classes))
    optimizer = torch.optim.AdamW(model.parameters(), lr=args.lr, betas=(0.9, 0.999), weight_decay=args.wd)
    loss_function = nn.CrossEntropyLoss()
    order = torch.Generator().manual_seed(args.seed)

    finished = 0

    def stop(signum, frame):
        # HyperLab sends SIGTERM when it prunes the trial, at its timeout, or on Ctrl-C; a real
        # script could save a checkpoint here. After a grace period (5 s) it sends SIGKILL.
        print(f"stopped by SIGTERM after {finished} epochs", file=sys.stderr)
        sys.exit(128 + signum)

    signal.signal(signal.SIGTERM, stop)

    for epoch in range(args.epochs):
        model.train()
        permutation = torch.randperm(len(y_train), generator=order)
        for start in range(0, len(y_train), args.batch):
            batch = permutation[start:start + args.batch]
            optimizer.zero_grad()
            loss_function(model(x_train[batch]), y_train[batch]).backward()
            optimizer.step()
        model.eval()
        with torch.no_grad():
            logits = model(x_dev)
            dev_loss = loss_function(logits, y_dev).item()
            dev_acc = (logits.argmax(dim=1) == y_dev).float().mean().item()
        if not np.isfinite(dev_loss):
            sys.exit(f"diverged at epoch {epoch + 1} (dev_loss {dev_loss})")
        finished = epoch + 1
        print(f"hyperlab: epoch={finished} dev_acc={dev_acc:.4f} dev_loss={dev_loss:.4f}", flush=True)

    print(f"hyperlab: dev_acc={dev_acc:.4f} dev_loss={dev_loss:.4f}", flush=True)


if __name__ == "__main__":
    main()
