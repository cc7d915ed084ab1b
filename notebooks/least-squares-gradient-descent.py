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
# # Least squares: gradient descent against the normal equations
#
# /// where
# X: N x d tall
# y: N
# w: d
# ///
#
# The least-squares loss $L(w) := \|y - X w\|^2$ has the gradient (the least-squares page
# derives it; in code, `-2 X.T @ y + 2 X.T @ X @ w`)
#
# $$
# \nabla_w L = -2 X^T y + 2 X^T X w
# $$
#
# There are two ways to find its minimum:
#
# * solve the **normal equations** in one step: the minimizer $\hat{w} := (X^T X)^{-1} X^T y$
#   satisfies $X^T X \hat{w} = X^T y$, or
# * follow the negative gradient, step by step: **gradient descent**.
#
# This notebook does both on the same data and checks that they meet.

# %%
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
N, d = 50, 3
X = np.column_stack([np.ones(N), rng.standard_normal((N, d - 1))])  # bias, 2 features
w_true = np.array([1.0, -2.0, 0.5])
y = X @ w_true + 0.3 * rng.standard_normal(N)


def loss(w):
    r = y - X @ w
    return r @ r


def grad(w):
    return -2 * X.T @ y + 2 * X.T @ X @ w


# %% [markdown]
# ## The gradient, checked
#
# Before using the gradient formula, compare it with central finite differences at a random point.

# %%
w = rng.standard_normal(d)
h = 1e-6
fd = np.array([(loss(w + h * e) - loss(w - h * e)) / (2 * h) for e in np.eye(d)])
error = np.abs(fd - grad(w)).max() / np.abs(fd).max()
print(f"max relative error of the gradient formula: {error:.1e}")
assert np.allclose(fd, grad(w), rtol=1e-6)

# %% [markdown]
# ## The normal equations
#
# Solve the linear system (rather than forming the inverse of `X.T @ X`): at the solution the
# gradient vanishes.

# %%
w_star = np.linalg.solve(X.T @ X, X.T @ y)
print("w* =", w_star.round(4), "  gradient at w*:", grad(w_star).round(12))
assert np.allclose(grad(w_star), 0, atol=1e-9)

# %% [markdown]
# ## Gradient descent
#
# The Hessian of the loss is the constant matrix $\nabla^2_w L = 2 X^T X$; call its largest and smallest
# eigenvalues λmax and λmin. With the step size 1/λmax, each step of gradient descent shrinks the
# distance to the solution w* by at least the factor 1 − λmin/λmax.

# %%
eigenvalues = np.linalg.eigvalsh(2 * X.T @ X)
lam_min, lam_max = eigenvalues[0], eigenvalues[-1]
step = 1 / lam_max

w = np.zeros(d)
losses, errors = [loss(w)], [np.linalg.norm(w - w_star)]
for _ in range(60):
    w = w - step * grad(w)
    losses.append(loss(w))
    errors.append(np.linalg.norm(w - w_star))

print("gradient descent after 60 steps:", w.round(4))
print("normal equations:               ", w_star.round(4))
assert np.allclose(w, w_star, atol=1e-6)

# %%
k = np.arange(len(losses))
bound = errors[0] * (1 - lam_min / lam_max) ** k
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(9, 3.4))
ax1.plot(k, losses, marker=".", label="gradient descent")
ax1.axhline(loss(w_star), color="black", linestyle="--", label="normal equations")
ax1.set(xlabel="step", ylabel="loss L(w)", yscale="log", title="Loss")
ax1.legend()
ax2.semilogy(k, errors, marker=".", label="distance to w*")
ax2.semilogy(k, bound, color="gray", linestyle=":", label="bound (1 - λmin/λmax)^k")
ax2.set(xlabel="step", ylabel="‖w - w*‖", title="Distance to the solution")
ax2.legend()
fig.tight_layout()

# %% [markdown]
# Figure: left, the loss of gradient descent falls to the minimum found by the normal equations
# (log scale); right, the distance to that solution shrinks geometrically, at least as fast as the
# bound.
#
# The normal equations give the answer in one solve of a d × d system; gradient descent needs
# many cheap steps, and how many depends on the condition number λmax/λmin. For large d, or data
# that does not fit in memory, the cheap steps win.
