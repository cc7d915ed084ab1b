"""Random values for one draw: sizes come from shapes.py; values and smooth functions from here,
properties from the property table (properties.py)."""
from __future__ import annotations

import numpy as np

from . import algebra as al
from .declare import Decl
from .properties import PROPERTIES, strongest, well_conditioned


def sample_value(rng: np.random.Generator, decl: Decl, shape: tuple) -> np.ndarray:
    """A value of `shape` with the declared properties. Without one: a scalar of size 1/2 to 2 and
    either sign (away from 0, where 1/c and log c^2 are singular); a vector of normal entries; a
    matrix with singular values in [1, 2] (so any inverse, determinant or solve is well
    conditioned, in every size and for either sign of the determinant)."""
    r, c = shape
    if decl.kind == "integer":
        return np.array([[float(rng.integers(1, 5))]])
    prop = strongest(decl.props)
    if prop is not None:
        return prop.sampler(rng, r, c)
    if (r, c) == (1, 1):
        return np.array([[rng.choice([-1.0, 1.0]) * rng.uniform(0.5, 2.0)]])
    if c == 1 or r == 1:
        return rng.normal(size=(r, c))
    return well_conditioned(rng, r, c)


class SmoothMap:
    """A random smooth nonlinear map R^d -> R^(r x c): sines, a quadratic and an affine part,
    so that a formula that only holds for linear or quadratic functions is caught; shaped by the
    declared property (a symmetric, orthogonal, positive... function of its arguments)."""

    def __init__(self, rng: np.random.Generator, out_shape: tuple, decl: Decl):
        self.rng, self.out_shape, self.decl = rng, out_shape, decl
        self.params = None
        self.shaped = None

    def _init(self, d_in: int):
        r, c = self.out_shape
        d_out, h, rng = r * c, 4, self.rng
        self.params = (rng.normal(size=(h, d_in)) / np.sqrt(d_in), rng.normal(size=(h, 1)),
                       rng.normal(size=(d_out, h)) / np.sqrt(h), rng.normal(size=(d_out, d_in)) / np.sqrt(d_in),
                       rng.normal(size=(1, d_in)) / np.sqrt(d_in), rng.normal(size=(d_out, 1)),
                       rng.normal(size=(d_out, 1)))
        funcs = [PROPERTIES[p] for p in self.decl.props if p in PROPERTIES and PROPERTIES[p].function]
        if funcs:
            self.shaped = max(funcs, key=lambda p: p.precedence).function(rng, self.out_shape)

    def __call__(self, v):
        """v: a column vector (array or dual) of the arguments' entries."""
        if self.params is None:
            self._init(al.primal(v).shape[0])
        w1, b1, w2, a, q, c0, cq = self.params
        raw = al.add(al.add(al.matmul(w2, al.sin(al.add(al.matmul(w1, v), b1))), al.matmul(a, v)),
                     al.add(al.mul(cq, al.mul(al.power(al.matmul(q, v), 2), 0.5)), c0))
        out = al.unvec(raw, self.out_shape)
        return self.shaped(out) if self.shaped is not None else out


class ScalarFunction:
    """A random smooth scalar function t -> a sin(b t + c) + d t^2 + e t, applied entry by entry,
    with its exact derivative (for f'(x))."""

    def __init__(self, rng: np.random.Generator):
        self.a, self.b, self.c, self.d, self.e = (float(x) for x in rng.normal(size=5))

    def __call__(self, t):
        return al.add(al.mul(self.a, al.sin(al.add(al.mul(self.b, t), self.c))),
                      al.add(al.mul(self.d, al.mul(t, t)), al.mul(self.e, t)))

    def derivative(self, t):
        return al.add(al.mul(self.a * self.b, al.cos(al.add(al.mul(self.b, t), self.c))),
                      al.add(al.mul(2 * self.d, t), self.e))
