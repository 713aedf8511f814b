"""Summarizes `final_regrets` lines read from standard input: per sampler, the median over all
seeds, the medians of consecutive groups of `--group` seeds, and the ratio of the overall median
to that of `--reference`.

    seed_spread.py [--group 20] [--reference optuna_gp] < raw-lines

It shows how far a median over a few seeds moves with the seeds drawn, so a gap between two
samplers can be told from the luck of one draw.
"""
import statistics
import sys

from sampler_functions import fmt, parse

LABELS = {
    "hyperlab_bayes": "HyperLab bayes (lag 4)",
    "hyperlab_bayes_lag0": "HyperLab bayes (lag 0)",
    "hyperlab_tpe": "HyperLab tpe (lag 4)",
    "hyperlab_tpe_lag0": "HyperLab tpe (lag 0)",
    "optuna_gp": "Optuna GPSampler",
    "optuna_tpe": "Optuna TPE (default)",
}


def main():
    options = parse(sys.argv[1:], "seed_spread.py [--group 20] [--reference optuna_gp]",
                    {"group": "20", "reference": "optuna_gp"})
    group = int(options["group"])
    rows = []
    for line in sys.stdin:
        fields = line.split()
        if len(fields) == 4 and fields[2] == "final_regrets":
            regrets = [float(x) for x in fields[3].split(",")]
            rows.append((fields[0], fields[1], regrets))
    reference = {name: statistics.median(r) for label, name, r in rows if label == options["reference"]}
    for label, name, regrets in rows:
        groups = [regrets[i:i + group] for i in range(0, len(regrets) - group + 1, group)]
        medians = " ".join(fmt(statistics.median(g)) for g in groups)
        overall = statistics.median(regrets)
        ratio = f"{overall / reference[name]:.2f}x" if reference.get(name) else "-"
        print(f"  {LABELS.get(label, label):<24} {name:<12} median of {len(regrets)}: {fmt(overall):>9}  "
              f"({ratio} {options['reference']})   medians of {group}-seed groups: {medians}")


if __name__ == "__main__":
    main()
