# ---
# jupyter:
#   jupytext:
#     formats: py:percent
#     text_representation:
#       extension: .py
#       format_name: percent
#   kernelspec:
#     display_name: Python 3
#     language: python
#     name: python3
# ---

# %% [markdown]
# # Bayesian linear regression: completing the square, checked by brute force
#
# /// where
# \Phi: N x d
# y: N
# w, m_0: d
# S_0: d x d spd
# \beta: scalar positive
# ///
#
# Model: the targets $y$ are $\Phi w$ plus Gaussian noise of precision $\beta$ (variance
# $\beta^{-1}$), and the prior on $w$ is Gaussian with mean $m_0$ and covariance
# $(\beta S_0)^{-1}$. Completing the square in the exponent of likelihood times prior (the
# Bayesian linear regression page does it) gives a Gaussian posterior for $w$ with covariance
# $(\beta S_N)^{-1}$ and mean $m_N$, where
#
# * the precision (times $\beta$) is $S_N := \Phi^T \Phi + S_0$ (in code, `Phi.T @ Phi + S0`),
# * the mean is $m_N := S_N^{-1} (\Phi^T y + S_0 m_0)$ (in code, `solve(S_N, Phi.T @ y + S0 @ m0)`).
#
# The square, completed (the constant does not depend on $w$):
#
# $$
# \begin{aligned}
# & \|y - \Phi w\|^2 \\
# &\quad + (w - m_0)^T S_0 (w - m_0) \\
# &= (w - m_N)^T S_N (w - m_N) \\
# &\quad + y^T y + m_0^T S_0 m_0 \\
# &\quad - m_N^T S_N m_N
# \end{aligned}
# $$
#
# Here the same posterior is computed twice more, by routes that skip that algebra: by summing the
# unnormalized density over a grid, and by conditioning the joint Gaussian of (w, y) on y. Then the
# posterior is watched as data arrives.

# %%
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(1)
beta = 25.0  # noise precision: noise standard deviation 0.2
alpha = 2.0  # prior precision of each weight, alpha = beta * s0
w_true = np.array([-0.3, 0.5])
m0 = np.zeros(2)
S0 = alpha / beta * np.eye(2)

x_all = rng.uniform(-1, 1, 100)
Phi_all = np.column_stack([np.ones_like(x_all), x_all])  # features: 1 and x
y_all = Phi_all @ w_true + rng.normal(0, 1 / np.sqrt(beta), x_all.size)


def posterior(Phi, y):
    """Completing the square: mean m_N and covariance (beta S_N)^{-1}."""
    S_N = Phi.T @ Phi + S0
    m_N = np.linalg.solve(S_N, Phi.T @ y + S0 @ m0)
    return m_N, np.linalg.inv(beta * S_N)


# %% [markdown]
# ## Check 1: summing over a grid
#
# The unnormalized log posterior is
# $-\frac{\beta}{2}\left(\|y - \Phi w\|^2 + (w - m_0)^T S_0 (w - m_0)\right)$, computed here
# straight from the residuals at every point of a fine grid. Normalizing it and summing gives the
# mean and covariance with no Gaussian algebra at all.

# %%
N = 20
Phi, y = Phi_all[:N], y_all[:N]
m_N, cov_N = posterior(Phi, y)

g = np.linspace(-1.5, 1.5, 401)
W = np.stack(np.meshgrid(g, g, indexing="ij"), axis=-1).reshape(-1, 2)  # every grid point w
residuals = y - W @ Phi.T
log_p = -beta / 2 * ((residuals**2).sum(axis=1) + ((W - m0) @ S0 * (W - m0)).sum(axis=1))
p = np.exp(log_p - log_p.max())
p /= p.sum()
grid_mean = p @ W
grid_cov = (W - grid_mean).T @ ((W - grid_mean) * p[:, None])

print("mean, completing the square:", m_N.round(6))
print("mean, grid                 :", grid_mean.round(6))
cov_error = np.abs(grid_cov - cov_N).max() / np.abs(cov_N).max()
print(f"cov relative difference    : {cov_error:.1e}")
assert np.allclose(grid_mean, m_N, atol=1e-6)
assert np.allclose(grid_cov, cov_N, rtol=1e-4, atol=1e-9)

# %% [markdown]
# ## Check 2: conditioning the joint Gaussian
#
# Before seeing data, $w$ and $y$ are jointly Gaussian: $w$ has covariance
# $\Sigma_0 := (\beta S_0)^{-1}$, $y$ has covariance $\Phi \Sigma_0 \Phi^T + \beta^{-1} I$, and
# their cross-covariance is $\Sigma_0 \Phi^T$. The standard conditioning formulas work with
# N × N matrices instead of 2 × 2 ones, and give the same answer:
#
# $$
# \begin{aligned}
# & m_0 \\
# &\quad + \Sigma_0 \Phi^T (\Phi \Sigma_0 \Phi^T + \beta^{-1} I)^{-1} \\
# &\qquad (y - \Phi m_0) \\
# &= m_N
# \end{aligned}
# $$
#
# $$
# \begin{aligned}
# & \Sigma_0 \\
# &\quad - \Sigma_0 \Phi^T (\Phi \Sigma_0 \Phi^T + \beta^{-1} I)^{-1} \Phi \Sigma_0 \\
# &= (\beta S_N)^{-1}
# \end{aligned}
# $$

# %%
Sigma0 = np.linalg.inv(beta * S0)
K = Sigma0 @ Phi.T @ np.linalg.inv(Phi @ Sigma0 @ Phi.T + np.eye(N) / beta)
cond_mean = m0 + K @ (y - Phi @ m0)
cond_cov = Sigma0 - K @ Phi @ Sigma0
assert np.allclose(cond_mean, m_N) and np.allclose(cond_cov, cov_N)
print("conditioning agrees with completing the square")

# %% [markdown]
# ## The posterior contracts as data arrives
#
# Each new observation with features φ adds the outer product `np.outer(phi, phi)` to the
# precision S_N, so the posterior covariance only shrinks. Updating one point at a time, with each
# posterior as the next prior, ends where the batch formula does.

# %%
m, S = m0.copy(), S0.copy()
for n in range(N):
    phi = Phi_all[n]
    S_next = S + np.outer(phi, phi)
    m = np.linalg.solve(S_next, phi * y_all[n] + S @ m)
    S = S_next
assert np.allclose(m, m_N) and np.allclose(np.linalg.inv(beta * S), cov_N)
print("one point at a time ends at the batch posterior")

# %%
sizes = [0, 1, 2, 5, 20, 100]
t = np.linspace(0, 2 * np.pi, 200)
circle = np.stack([np.cos(t), np.sin(t)])
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9.5, 4))
for i, n in enumerate(sizes):
    mean, cov = posterior(Phi_all[:n], y_all[:n])
    ellipse = mean[:, None] + 2 * np.linalg.cholesky(cov) @ circle  # the 2-sigma contour
    ax1.plot(*ellipse, color=plt.cm.viridis(i / len(sizes)), label=f"N = {n}")
ax1.plot(*w_true, marker="*", markersize=12, color="crimson", linestyle="none",
         label="true w")
ax1.set(xlabel="w0 (intercept)", ylabel="w1 (slope)", title="Posterior, 2σ contours",
        aspect="equal")
ax1.legend(fontsize=8)

ns = np.arange(1, 101)
stds = np.array([np.sqrt(np.diag(posterior(Phi_all[:n], y_all[:n])[1])) for n in ns])
ax2.loglog(ns, stds[:, 0], label="std of w0")
ax2.loglog(ns, stds[:, 1], label="std of w1")
ax2.loglog(ns, 1 / np.sqrt(beta * ns), color="gray", linestyle=":", label="1/√(βN)")
ax2.set(xlabel="number of observations N", ylabel="posterior standard deviation",
        title="Contraction")
ax2.legend(fontsize=8)
fig.tight_layout()

# %% [markdown]
# Figure: left, the 2σ contour of the posterior over the intercept and slope after N = 0, 1, 2,
# 5, 20 and 100 observations, shrinking around the true weights (star); right, the posterior
# standard deviation of each weight against N, on log-log axes.
#
# Once the data outweighs the prior, the standard deviations fall like 1/√(βN): each
# observation adds a fixed amount of precision, and the precision is what adds up.
