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
# # Gradient checking: how small should the step be?
#
# Every formula on this site is checked against finite differences. A finite difference has two
# sources of error, and they pull the step size h in opposite directions:
#
# * **truncation**: the difference quotient is only an approximation of the derivative; its error
#   shrinks like h (forward differences) or h² (central differences);
# * **rounding**: float64 values carry a relative error of about 10⁻¹⁶, and dividing a
#   difference of two nearly equal values by h magnifies it like 1/h.
#
# Their sum is a V on a log-log plot. This notebook draws the V for a trace identity.

# %%
import matplotlib.pyplot as plt
import numpy as np

rng = np.random.default_rng(0)
m = 4
A = rng.standard_normal((m, m))
X = rng.standard_normal((m, m)) + m * np.eye(m)  # comfortably invertible

# %% [markdown]
# ## The identity
#
# /// where
# A: m x m
# X: m x m invertible
# ///
#
# The function is $f(X) := \operatorname{Tr}(A X^{-1})$. The derivative of the inverse and the
# cyclic property of the trace give its gradient (in code, `-(Xinv @ A @ Xinv).T`):
#
# $$
# \frac{\partial f}{\partial X} = -(X^{-1} A X^{-1})^T
# $$
#
# Unlike a trace that is linear or quadratic in X, this one has non-zero third derivatives, so
# central differences have a truncation error too.

# %%
def f(X):
    return np.trace(A @ np.linalg.inv(X))


Xinv = np.linalg.inv(X)
exact = -(Xinv @ A @ Xinv).T


def fd_gradient(X, h, central):
    G = np.zeros_like(X)
    for i in np.ndindex(X.shape):
        E = np.zeros_like(X)
        E[i] = h
        G[i] = (f(X + E) - f(X - E)) / (2 * h) if central else (f(X + E) - f(X)) / h
    return G


def rel_error(G):
    return np.abs(G - exact).max() / np.abs(exact).max()


steps = np.logspace(-14, -1, 40)
forward = np.array([rel_error(fd_gradient(X, h, central=False)) for h in steps])
central = np.array([rel_error(fd_gradient(X, h, central=True)) for h in steps])

for name, err in [("forward", forward), ("central", central)]:
    best = err.argmin()
    print(f"{name}: smallest error {err[best]:.1e} at h = {steps[best]:.0e}")

# %%
eps = np.finfo(float).eps
fig, ax = plt.subplots(figsize=(6.5, 4.2))
ax.loglog(steps, forward, marker=".", label="forward difference")
ax.loglog(steps, central, marker=".", label="central difference")
ax.loglog(steps, eps / steps, color="gray", linestyle=":", label="rounding ~ ε/h")
ax.axvline(np.sqrt(eps), color="C0", linewidth=0.8, linestyle="--")
ax.axvline(np.cbrt(eps), color="C1", linewidth=0.8, linestyle="--")
ax.set(xlabel="step h", ylabel="max relative error", ylim=(1e-12, 1e2),
       title="Finite-difference error of the gradient of Tr(A X⁻¹)")
ax.legend(loc="upper center")
fig.tight_layout()

# %% [markdown]
# Figure: the relative error of the finite-difference gradient of Tr(A X⁻¹) against the step h,
# log-log, for forward and central differences. Both curves form a V.
#
# On the left rounding dominates (the dotted line, slope −1), on the right truncation (slope 1
# for forward, 2 for central differences). The dashed lines mark the textbook optimal steps,
# the square root of the machine epsilon ε ≈ 2.2 · 10⁻¹⁶ (about 1.5 · 10⁻⁸) for forward and its
# cube root (about 6 · 10⁻⁶) for central differences.
#
# Central differences at h ≈ 10⁻⁶ reach about 10⁻¹⁰: that is why the checks on this
# site use them, and why they accept a relative error of 10⁻⁶. A wrong formula is off by order
# one, far above the bottom of the V.

# %%
# The V, asserted: both ends are far worse than the bottom,
# and each bottom is near the step size theory predicts.
assert central.min() < 1e-9 and forward.min() < 1e-6
assert forward[0] > 1e-3 and forward[-1] > 1e-3 and central[0] > 1e-3 and central[-1] > 1e-4
assert 1e-10 < steps[forward.argmin()] < 1e-6 and 1e-7 < steps[central.argmin()] < 1e-3
