"""The checker's exceptions: why a formula cannot be evaluated as written."""


class CheckError(ValueError):
    """A formula cannot be evaluated as written (unknown symbol, shape mismatch, notation...)."""


class ShapeError(CheckError):
    """Shapes that cannot agree (a product of m x n by m x n, a sum of a vector and a matrix)."""


class NotEvaluable(CheckError):
    """Notation a reader understands but an evaluator cannot (component lists, \\dots, R^n)."""
