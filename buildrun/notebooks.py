"""Execute a worked-example notebook (jupytext percent format), bounded and offline.

- Every cell has `timeout` seconds (nbclient's own per-cell timeout); the kernel has 60 s to start.
- The kernel runs buildrun/offline.py's guard before the first cell, so any attempt to reach
  another host fails that cell with NetworkBlocked.
- The kernel talks to us over IPC (Unix sockets) where available, so nothing listens on TCP and
  the kernel has nothing to warn about.
- Any failure raises NotebookError with one plain line first: `notebooks/x.py:LINE: cell N
  (In [k]): ...`, the line being the line of the .py file; no ANSI colour codes.
"""
from __future__ import annotations

import os
import re
import tempfile
from pathlib import Path

from . import CELL_TIMEOUT, offline

_ANSI = re.compile(r"\x1b\[[0-9;?]*[ -/]*[@-~]")
_CELL_LINE = re.compile(r"Cell In\[\d+\], line (\d+)")
_MARKER = re.compile(r"^# %%")


class NotebookError(RuntimeError):
    """A notebook failed to run: the message names the file, the cell and the line, and what to do."""


def strip_ansi(text: str) -> str:
    return _ANSI.sub("", text)


def cell_lines(text: str, cells) -> list[int]:
    """The 1-based line of the .py file where each cell's source starts (jupytext percent format)."""
    lines = text.split("\n")
    markers = [i + 1 for i, line in enumerate(lines) if _MARKER.match(line)]
    if len(cells) == len(markers) + 1:  # code before the first marker is a cell of its own
        markers = [1] + markers
    starts = []
    for k, cell in enumerate(cells):
        marker = markers[k] if k < len(markers) else len(lines)
        first = next((s for s in cell.source.split("\n") if s.strip()), "")
        start = marker + 1
        if cell.cell_type == "code" and first:
            for j in range(marker, min(len(lines), marker + 50)):
                if lines[j] == first:
                    # the cell's first non-blank line sits on file line j + 1
                    blank = next(i for i, s in enumerate(cell.source.split("\n")) if s.strip())
                    start = j + 1 - blank
                    break
        starts.append(start)
    return starts


def _kernel_setup() -> list[str]:
    # Runs inside the kernel before the first cell (store_history off: execution counts stay 1, 2, ...).
    code = (f"import runpy as _r; _r.run_path({str(Path(offline.__file__).resolve())!r}, "
            "run_name='matcalc_offline')['install'](); del _r")
    return [f"--IPKernelApp.exec_lines={code}"]


def execute(path: Path, shown: str | None = None, timeout: float = CELL_TIMEOUT,
            kernel_name: str = "python3"):
    """The executed notebook (an nbformat NotebookNode) for the jupytext file `path`."""
    import jupytext
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError
    from traitlets.config import Config

    path = Path(path)
    shown = shown or path.as_posix()
    text = path.read_text(encoding="utf-8")
    nb = jupytext.reads(text, fmt="py:percent")
    starts = cell_lines(text, nb.cells)
    with tempfile.TemporaryDirectory(prefix="nbkernel-") as tmp:
        # nbclient creates (and so also shuts down) the kernel manager: its default async one. A
        # synchronous KernelManager passed in as `km` silently disables the cell timeout
        # (nbclient 0.11), and a `km` passed in is never shut down on failure.
        config = Config()
        if os.name == "posix":  # IPC: no TCP port, no "running over TCP without encryption" warning
            config.KernelManager.transport = "ipc"
            config.KernelManager.ip = os.path.join(tmp, "kernel")
        client = NotebookClient(nb, timeout=int(timeout), startup_timeout=60, allow_errors=False,
                                kernel_name=kernel_name, extra_arguments=_kernel_setup(),
                                resources={"metadata": {"path": str(path.parent)}}, config=config)
        current = {"index": None}

        def on_cell_start(cell, cell_index, **_):
            current["index"] = cell_index

        client.on_cell_start = on_cell_start
        # The kernel's own stderr goes to a file: a kernel stopped in the middle of a cell (a
        # timeout) logs a traceback there on its way out, which is noise, not the error.
        kernel_log = open(os.path.join(tmp, "kernel.log"), "w+b")
        try:
            client.execute(stdout=kernel_log, stderr=kernel_log)
        except CellTimeoutError:
            k = current["index"]
            raise NotebookError(
                f"{shown}:{starts[k] if k is not None else 1}: cell {_cell_number(nb, k)} was still "
                f"running after {timeout:g} s (killed): make it finish well within {timeout:g} s "
                "(fewer iterations, smaller sizes)") from None
        except CellExecutionError as exc:
            k = current["index"]
            raise NotebookError(_error_message(shown, nb, k, starts, exc)) from None
        except DeadKernelError as exc:
            k = current["index"]
            kernel_log.seek(0)
            said = strip_ansi(kernel_log.read().decode("utf-8", "replace")).strip().splitlines()[-5:]
            raise NotebookError(f"{shown}:{starts[k] if k is not None else 1}: the kernel died while "
                                f"running cell {_cell_number(nb, k)}: {strip_ansi(str(exc))}"
                                + "".join(f"\n    {line}" for line in said)) from None
        finally:
            kernel_log.close()
    return nb


def _cell_number(nb, k) -> str:
    if k is None:
        return "?"
    code_cells = [i for i, c in enumerate(nb.cells[: k + 1]) if c.cell_type == "code"]
    return f"{k + 1} (code cell {len(code_cells)})"


def _error_message(shown: str, nb, k, starts, exc) -> str:
    ename = getattr(exc, "ename", "") or "Error"
    evalue = strip_ansi(getattr(exc, "evalue", "") or "")
    traceback_text = strip_ansi(getattr(exc, "traceback", "") or str(exc))
    line = starts[k] if k is not None else 1
    in_cell = _CELL_LINE.findall(traceback_text)
    if in_cell and k is not None:
        line = starts[k] + int(in_cell[-1]) - 1
    source = nb.cells[k].source.split("\n") if k is not None else []
    offending = ""
    if in_cell and k is not None and 0 < int(in_cell[-1]) <= len(source):
        offending = f"\n    {source[int(in_cell[-1]) - 1].strip()}"
    hint = ("fix the cell, or run the notebook with `python " + shown + "` to see the full traceback")
    if ename == "NetworkBlocked":
        hint = "notebooks run offline while the site builds: compute or embed the data instead"
    return (f"{shown}:{line}: cell {_cell_number(nb, k)} raised {ename}: {evalue}{offending}\n"
            f"    {hint}")
