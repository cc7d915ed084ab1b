"""The table of properties a `/// where` box may give a symbol: one entry per property.

Each entry says what a reader sees (the where-box words), what it applies to, how a value with
the property is drawn (well conditioned: every invertible draw has singular values in [1, 2], so
inverses, determinants and logarithms stay far from their singular points), how a smooth
*function* with the property is built, and which mutations it makes equivalent (a transpose of a
symmetric matrix is the matrix). Adding a property is one entry here plus its tests.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Optional

import numpy as np

from . import algebra as al


def orthonormal(rng, n: int, k: Optional[int] = None) -> np.ndarray:
    q, r = np.linalg.qr(rng.normal(size=(n, k or n)))
    return q * np.sign(np.diag(r))


def well_conditioned(rng, r: int, c: int, det_sign: Optional[float] = None) -> np.ndarray:
    """U S V^T with singular values in [1, 2] (condition number at most 2); a square draw has a
    determinant of either sign unless det_sign fixes it."""
    k = min(r, c)
    u, v = orthonormal(rng, r, k), orthonormal(rng, c, k)
    m = (u * rng.uniform(1.0, 2.0, size=k)) @ v.T
    if det_sign is not None and r == c and np.sign(np.linalg.det(m)) != det_sign:
        m[0] *= -1.0
    return m


def symmetric_draw(rng, n: int, positive: bool = False) -> np.ndarray:
    q = orthonormal(rng, n)
    s = rng.uniform(1.0, 2.0, size=n)
    if not positive:
        s = s * rng.choice([-1.0, 1.0], size=n)
    return (q * s) @ q.T


def _spd(rng, r, c):
    return symmetric_draw(rng, r, positive=True)


def _symmetric(rng, r, c):
    return symmetric_draw(rng, r)


def _orthogonal(rng, r, c):
    return orthonormal(rng, r)


def _posdet(rng, r, c):
    return well_conditioned(rng, r, c, det_sign=1.0)


def _invertible(rng, r, c):
    return well_conditioned(rng, r, c)


def _diagonal(rng, r, c):
    return np.diag(rng.choice([-1.0, 1.0], size=r) * rng.uniform(1.0, 2.0, size=r))


def _onehot(rng, r, c):
    v = np.zeros((r, 1))
    v[rng.integers(r), 0] = 1.0
    return v


def _probability(rng, r, c):
    z = rng.normal(size=(r, 1))
    e = np.exp(z - z.max())
    return e / e.sum()


def _positive(rng, r, c):
    return rng.uniform(0.5, 2.0, size=(r, c))


def _tall(rng, r, c):
    return well_conditioned(rng, r, c)


# Smooth functions with a property: a fixed draw with the property, moved smoothly by the map's
# raw output `out` (entries of size about 1) so that the property still holds exactly.
def _near(base_draw, make_symmetric=False):
    def build(rng, shape):
        base = base_draw(rng, shape[0], shape[1])

        def fn(raw):
            pert = al.mul(al.tanh(raw), 0.3 / shape[0])   # spectral norm < 0.3: stays invertible
            if make_symmetric:
                pert = al.mul(al.add(pert, al.transpose(pert)), 0.5)
            return al.add(base, pert)
        return fn
    return build


def _cayley(rng, shape):
    """Q(o) = (I - S)(I + S)^{-1} Q0 with S = (o - o^T)/2 skew: orthogonal for every o."""
    q0, n = orthonormal(rng, shape[0]), shape[0]

    def fn(o):
        s = al.mul(al.sub(o, al.transpose(o)), 0.25)
        eye = np.eye(n)
        return al.matmul(al.matmul(al.sub(eye, s), al.inv(al.add(eye, s))), q0)
    return fn


def _positive_fn(rng, shape):
    return lambda o: al.exp(al.mul(al.tanh(o), 0.3))


def _probability_fn(rng, shape):
    def fn(o):
        e = al.exp(al.sub(o, al.shift(o)))
        return al.div(e, al.total(e))
    return fn


@dataclass(frozen=True)
class Property:
    name: str
    words: str                      # what the where box says
    kinds: tuple                    # declaration kinds it applies to
    square: bool                    # needs n x n
    sampler: Callable               # (rng, rows, cols) -> value with the property
    function: Optional[Callable]    # (rng, shape) -> (raw -> value): a smooth function with it
    equivalent: tuple = ()          # mutation operators it makes equivalent on this symbol
    precedence: int = 0             # the sampler used when several properties are given: highest


MATRIX = ("matrix", "any_matrix")
PROPERTIES: dict[str, Property] = {p.name: p for p in [
    Property("spd", "symmetric positive definite", MATRIX, True, _spd, _near(_spd, True),
             ("transpose",), 90),
    Property("orthogonal", "orthogonal", MATRIX, True, _orthogonal, _cayley, (), 80),
    Property("symmetric", "symmetric", MATRIX, True, _symmetric, _near(_symmetric, True),
             ("transpose",), 70),
    Property("posdet", "invertible with a positive determinant", MATRIX, True, _posdet,
             _near(_posdet), (), 60),
    Property("invertible", "invertible", MATRIX, True, _invertible, _near(_invertible), (), 50),
    Property("diagonal", "diagonal", MATRIX, True, _diagonal, None, ("transpose",), 85),
    Property("structured", "a variable by its structure: derivatives with respect to it are taken over its "
             "free entries (an off-diagonal pair of a symmetric matrix counts once, as in the Matrix Cookbook)",
             MATRIX, True, None, None, (), 0),
    Property("single-entry", "single-entry: $J^{ij}$ has a 1 at $(i, j)$ and zeros elsewhere", MATRIX, False,
             None, None, (), 0),
    Property("onehot", "one-hot", ("vector",), False, _onehot, None, (), 40),
    Property("probability", "a probability vector (positive, sums to 1)", ("vector",), False,
             _probability, _probability_fn, (), 30),
    Property("positive", "positive", ("scalar", "vector", "matrix", "any_matrix"), False, _positive,
             _positive_fn, (), 20),
    Property("tall", "full column rank (more rows than columns)", ("matrix",), False, _tall, None, (), 10),
]}

# symmetric + invertible: a symmetric draw is already invertible (eigenvalues of size 1 to 2).


def strongest(props) -> Optional[Property]:
    found = [PROPERTIES[p] for p in props if p in PROPERTIES and PROPERTIES[p].sampler is not None]
    return max(found, key=lambda p: p.precedence) if found else None


def square_props() -> set:
    return {p.name for p in PROPERTIES.values() if p.square}
