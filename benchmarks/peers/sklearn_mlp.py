"""scikit-learn peer of `hyperlab-bench training`: MLPClassifier with the same network and settings.

Usage: sklearn_mlp.py digits|synthetic DATA_DIR [--repeats N]  (DATA_DIR from `hyperlab-bench prepare`)

One timed run = ``fit`` (solver adam, lr 1e-3, no L2 penalty, the same batch size, exactly the
same number of epochs: tol=0 and a patience larger than the epochs, no early stopping; shuffled
each epoch; float32 input, which scikit-learn keeps in float32), then one scoring of the dev rows.
"""
import warnings

import common

import numpy as np
import sklearn
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from threadpoolctl import threadpool_limits


def main():
    name, folder, repeats = common.parse_arguments("sklearn_mlp.py")
    common.check_single_thread()
    spec = common.WORKLOADS[name]
    x_train, y_train, x_dev, y_dev = common.load(name, folder)
    rows, width = x_train.shape
    epochs = spec["epochs"]
    print(f"# scikit-learn {sklearn.__version__}, numpy {np.__version__}; {name}: train {rows}x{width}, dev {len(y_dev)}")
    common.describe_blas("sklearn")

    def run_once(seed):
        model = MLPClassifier(hidden_layer_sizes=spec["hidden"], activation="relu", solver="adam",
                              alpha=0.0, batch_size=spec["batch"], learning_rate_init=common.LEARNING_RATE,
                              max_iter=epochs, shuffle=True, random_state=seed, tol=0.0,
                              n_iter_no_change=epochs + 1_000_000, early_stopping=False,
                              beta_1=0.9, beta_2=0.999, epsilon=1e-8)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(x_train, y_train)
        if model.n_iter_ != epochs:
            raise SystemExit(f"scikit-learn ran {model.n_iter_} epochs, expected {epochs}")
        if model.coefs_[0].dtype != np.float32:
            raise SystemExit(f"scikit-learn trained in {model.coefs_[0].dtype}, expected float32")
        return float(np.mean(model.predict(x_dev) == y_dev))

    with threadpool_limits(limits=1):
        common.measure("sklearn", name, rows * epochs, repeats, run_once)


if __name__ == "__main__":
    main()
