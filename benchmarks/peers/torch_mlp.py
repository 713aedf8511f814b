"""PyTorch peer of `hyperlab-bench training`: the same network, optimizer, batches and epochs.

Usage: torch_mlp.py digits|synthetic DATA_DIR [--repeats N]  (DATA_DIR from `hyperlab-bench prepare`)

One timed run = build the model (PyTorch's default init) and Adam, then for every epoch a fresh
random permutation of the training rows, and per mini-batch: gather the rows, forward,
cross-entropy, backward, Adam step, and add the batch's loss to the epoch's total (HyperLab and
scikit-learn also track the training loss); after the last epoch, one scoring of the dev rows.
One thread (torch.set_num_threads(1)), float32 throughout.
"""
import common

import numpy as np
import torch
from torch import nn


def main():
    name, folder, repeats = common.parse_arguments("torch_mlp.py")
    common.check_single_thread()
    torch.set_num_threads(1)
    torch.set_num_interop_threads(1)
    spec = common.WORKLOADS[name]
    x_train, y_train, x_dev, y_dev = common.load(name, folder)
    x = torch.from_numpy(x_train)
    y = torch.from_numpy(y_train.astype(np.int64))
    xd = torch.from_numpy(x_dev)
    yd = torch.from_numpy(y_dev.astype(np.int64))
    rows, width = x.shape
    classes = int(max(y.max(), yd.max())) + 1
    batch, epochs = spec["batch"], spec["epochs"]
    print(f"# torch {torch.__version__}, threads {torch.get_num_threads()}, mkldnn {torch.backends.mkldnn.is_available()}, "
          f"mkl {torch.backends.mkl.is_available()}; {name}: train {rows}x{width}, dev {len(yd)}")
    common.describe_blas("torch")

    def run_once(seed):
        torch.manual_seed(seed)
        sizes = (width, *spec["hidden"])
        layers = []
        for a, b in zip(sizes, sizes[1:]):
            layers += [nn.Linear(a, b), nn.ReLU()]
        model = nn.Sequential(*layers, nn.Linear(sizes[-1], classes))
        optimizer = torch.optim.Adam(model.parameters(), lr=common.LEARNING_RATE, betas=(0.9, 0.999), eps=1e-8)
        loss_fn = nn.CrossEntropyLoss()
        model.train()
        for _ in range(epochs):
            order = torch.randperm(rows)
            total = 0.0
            for start in range(0, rows, batch):
                index = order[start:start + batch]
                xb, yb = x[index], y[index]
                optimizer.zero_grad()
                loss = loss_fn(model(xb), yb)
                loss.backward()
                optimizer.step()
                total += loss.item() * len(index)
        model.eval()
        with torch.no_grad():
            return (model(xd).argmax(dim=1) == yd).float().mean().item()

    common.measure("torch", name, rows * epochs, repeats, run_once)


if __name__ == "__main__":
    main()
