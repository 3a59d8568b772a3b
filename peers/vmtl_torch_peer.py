#!/usr/bin/env python3
"""A plain PyTorch peer of the VMTL training step, to time against VmtlStepBench in the same run.

The issue compares the workbench's step with "a plain PyTorch implementation of the same model" measured on another
day. Machine speed here drifts by 20-40 % between runs, so a ratio is only meaningful against a peer timed in the
same run: this script is that peer (decision 0037). It is not part of the build or of CI.

Same model and defaults as `docs/models/vmtl.md` (taskTying loose): shared ELU trunk (64), per-task Gaussian heads
for z (16), per-task mean-field Gaussian classifiers over [z, 1] x classes, samples = 4, the pairwise KL estimator
for both priors (every task's detached head on every row for z; the other tasks' detached posteriors for w),
Gumbel-softmax alpha and beta with separate logits, a Gaussian prior on the logits, Adam (3e-3 with coupled weight
decay 0.05 on the encoder; 0.05 on the logits), 32 rows per task per step. Written the plain way: the loss in
torch ops, `backward()`, `torch.optim.Adam`. Everything is batched across tasks (no per-task loop).

Not the same to the last detail, which does not change the work a step does: the standard deviations are
softplus(u) + floor (`model.vmtl` bounds them smoothly, `LogStd`), rows are averaged per task (`model.vmtl` weights
them by N_t / n_t), and there is no gradient clipping. So it serves to time a step, not to compare fits.

    OMP_NUM_THREADS=2 OMP_WAIT_POLICY=PASSIVE python3 peers/vmtl_torch_peer.py ../shared/datasets/landmine/landmine.csv

prints steps per second for a few timed rounds after a warm-up.
"""
import argparse
import csv
import time

import torch
import torch.nn.functional as F

HIDDEN, LATENT, SAMPLES, BATCH = 64, 16, 4, 32
LR, MIX_LR, DECAY, LOGIT_DECAY = 3e-3, 0.05, 0.05, 1.0
LAMBDA_W, LAMBDA_Z, TAU = 0.3, 1e-3, 1.0
MIN_STD, MIN_STD_Z = 1e-3, 0.1


def load(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    tasks = sorted({r[0] for r in rows[1:]}, key=lambda s: (len(s), s))
    labels = sorted({r[-1] for r in rows[1:]})
    per_task = []
    for t in tasks:
        mine = [r for r in rows[1:] if r[0] == t]
        x = torch.tensor([[float(v) for v in r[1:-1]] for r in mine])
        y = torch.tensor([labels.index(r[-1]) for r in mine])
        per_task.append((x, y))
    x_all = torch.cat([x for x, _ in per_task])
    mean, sd = x_all.mean(0), x_all.std(0).clamp_min(1e-8)
    return [((x - mean) / sd, y) for x, y in per_task], len(labels)


class Vmtl(torch.nn.Module):
    def __init__(self, t, d, c):
        super().__init__()
        self.trunk = torch.nn.Linear(d, HIDDEN)
        self.head_mean = torch.nn.Parameter(torch.randn(t, HIDDEN, LATENT) * HIDDEN ** -0.5)
        self.head_mean_b = torch.nn.Parameter(torch.zeros(t, 1, LATENT))
        self.head_log_std = torch.nn.Parameter(torch.randn(t, HIDDEN, LATENT) * HIDDEN ** -0.5)
        self.head_log_std_b = torch.nn.Parameter(torch.zeros(t, 1, LATENT))
        self.w_mean = torch.nn.Parameter(torch.randn(t, LATENT + 1, c) * 0.1)
        self.w_log_std = torch.nn.Parameter(torch.full((t, LATENT + 1, c), -1.2))
        self.logits = torch.nn.Parameter(torch.zeros(2, t, t))
        self.off = 1 - torch.eye(t)

    def mixing(self):
        g = -torch.log(-torch.log(torch.rand_like(self.logits).clamp(1e-10, 1 - 1e-7)))
        z = ((self.logits + g) / TAU).masked_fill(self.off == 0, float("-inf"))
        return torch.softmax(z, 2)

    def loss(self, x, y):
        t, b, _ = x.shape
        alpha, beta = self.mixing()
        h = F.elu(self.trunk(x))                                     # [T, B, H]
        mu = h @ self.head_mean + self.head_mean_b                   # [T, B, L]
        sd = F.softplus(h @ self.head_log_std + self.head_log_std_b) + MIN_STD_Z
        z = mu + sd * torch.randn(SAMPLES, t, b, LATENT)             # [S, T, B, L]
        w_sd = F.softplus(self.w_log_std) + MIN_STD
        w = self.w_mean + w_sd * torch.randn(SAMPLES, *self.w_mean.shape)
        inp = torch.cat([z, torch.ones(SAMPLES, t, b, 1)], 3)
        out = inp @ w                                                # [S, T, B, C]
        nll = F.cross_entropy(out.reshape(-1, out.shape[-1]), y.repeat(SAMPLES, 1).reshape(-1), reduction="none")
        nll = nll.reshape(SAMPLES, t, b).mean(0).mean(1)             # per task
        # representation prior: every task's detached head on every task's rows, pairwise KLs weighted by beta
        # one GEMM of all T rows-blocks against all 2T heads, viewed as [T (rows), T (head), B, L]
        heads = torch.cat([self.head_mean, self.head_log_std], 0).detach()          # [2T, H, L]
        bias = torch.cat([self.head_mean_b, self.head_log_std_b], 0).detach()       # [2T, 1, L]
        both = (h.detach().reshape(t * b, -1) @ heads.permute(1, 0, 2).reshape(HIDDEN, -1)).reshape(t, b, 2 * t, LATENT)
        both = both.permute(0, 2, 1, 3) + bias.unsqueeze(0)                         # [T, 2T, B, L]
        mu_all = both[:, :t]
        sd_all = F.softplus(both[:, t:]) + MIN_STD_Z
        kl_z = (torch.log(sd_all) - torch.log(sd).unsqueeze(1)
                + (sd.unsqueeze(1) ** 2 + (mu.unsqueeze(1) - mu_all) ** 2) / (2 * sd_all ** 2) - 0.5).sum(3)
        kl_z = (beta.unsqueeze(2) * kl_z).sum(1).mean(1)             # [T]
        # classifier prior: pairwise KLs to the other tasks' detached posteriors, weighted by alpha
        m_i, s_i = self.w_mean.detach().unsqueeze(0), w_sd.detach().unsqueeze(0)
        kl_w = (torch.log(s_i) - torch.log(w_sd).unsqueeze(1)
                + (w_sd.unsqueeze(1) ** 2 + (self.w_mean.unsqueeze(1) - m_i) ** 2) / (2 * s_i ** 2) - 0.5).sum([2, 3])
        kl_w = (alpha * kl_w).sum(1)
        logit_prior = 0.5 * LOGIT_DECAY * (self.logits * self.off).pow(2).sum()
        return (nll + LAMBDA_Z * kl_z + LAMBDA_W * kl_w / b).mean() + logit_prior / t


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("csv")
    ap.add_argument("--warmup", type=int, default=50)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    torch.manual_seed(1)
    data, classes = load(a.csv)
    model = Vmtl(len(data), data[0][0].shape[1], classes)
    encoder = [model.trunk.weight, model.trunk.bias, model.head_mean, model.head_mean_b, model.head_log_std,
               model.head_log_std_b]
    opt = torch.optim.Adam([{"params": encoder, "weight_decay": DECAY},
                            {"params": [model.w_mean, model.w_log_std]},
                            {"params": [model.logits], "lr": MIX_LR}], lr=LR)

    def step():
        picks = [torch.randint(len(y), (BATCH,)) for _, y in data]
        x = torch.stack([xt[p] for (xt, _), p in zip(data, picks)])
        y = torch.stack([yt[p] for (_, yt), p in zip(data, picks)])
        opt.zero_grad(set_to_none=True)
        loss = model.loss(x, y)
        loss.backward()
        opt.step()
        return loss.item()

    for _ in range(a.warmup):
        step()
    print(f"torch {torch.__version__}, {torch.get_num_threads()} threads, {len(data)} tasks, "
          f"{data[0][0].shape[1]} inputs, {classes} classes")
    for r in range(a.rounds):
        n, start = 0, time.perf_counter()
        while time.perf_counter() - start < a.seconds:
            step()
            n += 1
        print(f"round {r + 1}: {n / (time.perf_counter() - start):.1f} steps/s")


if __name__ == "__main__":
    main()
