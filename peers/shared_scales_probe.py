#!/usr/bin/env python3
"""Per-input prior scales shared by the tasks, against one evidence-tuned scale per task (decision 0039).

Per task a logistic regression on the standardised inputs, fitted by Newton to the MAP with a Laplace posterior; the
prior precision of input d is a_d, the intercept's 1e-2 (N(0, 10^2)), as `independent`'s. Three ways to set a:
- indep:  one a per task, by the Laplace evidence over 10^[-3, 3] (`model.baseline.LaplaceLogistic`);
- scalar: one a for all tasks and inputs, by EM over the tasks: a = T (D) / sum_t sum_d (m_td^2 + S_t,dd);
- ard:    one a_d per input for all tasks, by EM: a_d = T / sum_t (m_td^2 + S_t,dd).
Mean test AUC over the tasks, ranked by the MAP logit; splits as `meanfield_vs_laplace.py`'s (stratified rows per
task, the rest for testing).

    python3 peers/shared_scales_probe.py mnist 100 11 12     # or usps, landmine; rows per task; seeds

Needs numpy and scipy; reads ../shared/datasets. Not part of the build.
"""
import os
import sys

import numpy as np
from scipy.special import expit

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import meanfield_vs_laplace as P  # noqa: E402  (the split, AUC and evidence-tuned Laplace fit)

BIAS_PRECISION = 1e-2


def map_fit(xa, t, precision, start):
    m = start.copy()
    for _ in range(100):
        s = expit(xa @ m)
        h = (xa * (s * (1 - s))[:, None]).T @ xa + np.diag(precision)
        step = np.linalg.solve(h, xa.T @ (t - s) - precision * m)
        m += step
        if np.abs(step).max() < 1e-9:
            break
    s = expit(xa @ m)
    h = (xa * (s * (1 - s))[:, None]).T @ xa + np.diag(precision)
    return m, np.linalg.inv(h)


def shared_fit(xs, ts, per_input, iterations=30):
    """EM over the tasks for the shared precisions; returns each task's MAP weights (intercept last)."""
    d = xs[0].shape[1] + 1
    a = np.ones(d)
    a[-1] = BIAS_PRECISION
    means = [np.zeros(d) for _ in xs]
    for _ in range(iterations):
        second = np.zeros(d)
        for k, (x, t) in enumerate(zip(xs, ts)):
            means[k], cov = map_fit(np.c_[x, np.ones(len(x))], t, a, means[k])
            second += means[k] ** 2 + np.diag(cov)
        new = len(xs) / second if per_input else np.full(d, len(xs) * (d - 1) / second[:-1].sum())
        a = np.clip(new, 1e-4, 1e4)
        a[-1] = BIAS_PRECISION
    return means


def load(name):
    if name == "landmine":
        path = os.path.join(P.HERE, "..", "..", "shared", "datasets", "landmine", "landmine.csv")
        d = np.loadtxt(path, delimiter=",", skiprows=1)
        return d[:, 0].astype(int), d[:, 1:-1], d[:, -1]
    return P.load(name)


def main():
    name = sys.argv[1] if len(sys.argv) > 1 else "mnist"
    rows = int(sys.argv[2]) if len(sys.argv) > 2 else 50
    seeds = [int(s) for s in sys.argv[3:]] or [11, 12]
    task, x, y = load(name)
    for seed in seeds:
        train, test = P.split(task, y, seed, rows)
        used = np.concatenate(list(train.values()))
        mu, sd = x[used].mean(0), x[used].std(0) + 1e-12
        keys = sorted(train)
        xs = [(x[train[k]] - mu) / sd for k in keys]
        ts = [y[train[k]] for k in keys]
        xt = [(x[test[k]] - mu) / sd for k in keys]
        tt = [y[test[k]] for k in keys]
        indep = np.mean([P.auc(P.laplace_scores(a, b, c), d) for a, b, c, d in zip(xs, ts, xt, tt)])
        result = {"indep": indep}
        for label, per_input in (("scalar", False), ("ard", True)):
            means = shared_fit(xs, ts, per_input)
            result[label] = np.mean([P.auc(np.c_[c, np.ones(len(c))] @ m, d) for m, c, d in zip(means, xt, tt)])
        print(f"{name} {rows} rows seed {seed}: " + "  ".join(f"{k} {v:.4f}" for k, v in result.items()), flush=True)


if __name__ == "__main__":
    main()
