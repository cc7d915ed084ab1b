"""No network while the site builds: a guard installed in every process that runs the site's code.

`install()` makes every attempt to reach another host fail at once with `NetworkBlocked`: a
socket connecting or sending to an address that is not loopback, and a host-name lookup of a
name that is not an IP literal or localhost (a lookup alone can leak data through DNS). Unix
sockets and loopback stay usable, because a Jupyter kernel's own channels may run over loopback.

NetworkBlocked is deliberately not an OSError: code that handles a connection failure ("no
network? use the cached copy") must not turn a blocked attempt into a silent pass.

This file is also the snippet launcher: `python -I offline.py SNIPPET TIMEOUT` installs the guard,
arms faulthandler to print where the snippet is stuck shortly before TIMEOUT, runs SNIPPET as
`__main__`, and reports an uncaught exception as `SNIPPET:LINE: Type: message` on stderr. It
imports nothing from this repository (it runs in isolated mode), only the standard library.
"""
from __future__ import annotations

import ipaddress
import socket
import sys

_LOCAL_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


class NetworkBlocked(RuntimeError):
    """An attempt to use the network while the site builds (snippets and notebooks run offline)."""


def _is_loopback(host) -> bool:
    if host is None or host == "":
        return True  # a bind/lookup of "any" or of the local machine
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).split("%", 1)[0].strip("[]")
    if host.lower() in _LOCAL_NAMES:
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def _is_ip_literal(host) -> bool:
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    try:
        ipaddress.ip_address(str(host).split("%", 1)[0].strip("[]"))
        return True
    except ValueError:
        return False


def _blocked(what: str) -> NetworkBlocked:
    return NetworkBlocked(f"network access is blocked while the site builds ({what}); snippets and "
                          "notebooks must run offline: compute or embed the data instead")


def install() -> None:
    """Install the guard in this process (idempotent)."""
    if getattr(socket, "_matcalc_offline", False):
        return
    socket._matcalc_offline = True
    inet = {socket.AF_INET, getattr(socket, "AF_INET6", socket.AF_INET)}
    cls = socket.socket

    def guard_address(sock, address, verb):
        if sock.family in inet and isinstance(address, tuple) and not _is_loopback(address[0]):
            raise _blocked(f"{verb} {address[0]}:{address[1] if len(address) > 1 else ''}")

    original = {name: getattr(cls, name) for name in ("connect", "connect_ex", "sendto", "sendmsg")
                if hasattr(cls, name)}

    def connect(self, address):
        guard_address(self, address, "connect to")
        return original["connect"](self, address)

    def connect_ex(self, address):
        guard_address(self, address, "connect to")
        return original["connect_ex"](self, address)

    def sendto(self, data, *args):
        guard_address(self, args[-1] if args else None, "send to")
        return original["sendto"](self, data, *args)

    def sendmsg(self, buffers, *args):
        if len(args) >= 3:
            guard_address(self, args[2], "send to")
        return original["sendmsg"](self, buffers, *args)

    for name, fn in (("connect", connect), ("connect_ex", connect_ex), ("sendto", sendto), ("sendmsg", sendmsg)):
        if name in original:
            setattr(cls, name, fn)

    lookups = {name: getattr(socket, name) for name in ("getaddrinfo", "gethostbyname", "gethostbyname_ex",
                                                         "gethostbyaddr")}

    def lookup(name):
        def guarded(host, *args, **kwargs):
            if not (_is_loopback(host) or _is_ip_literal(host)):
                raise _blocked(f"look up host {host!r}")
            return lookups[name](host, *args, **kwargs)
        guarded.__name__ = name
        return guarded

    for name in lookups:
        setattr(socket, name, lookup(name))


def _snippet_frame_line(tb, path: str) -> int | None:
    line = None
    while tb is not None:
        if tb.tb_frame.f_code.co_filename == path:
            line = tb.tb_lineno
        tb = tb.tb_next
    return line


def _run_snippet(path: str, timeout: float) -> int:
    import faulthandler
    import runpy
    import traceback

    install()
    # Shortly before the parent's hard kill, print every thread's stack (the stuck line) and exit.
    faulthandler.dump_traceback_later(max(timeout - 1.0, 0.5), exit=True)
    sys.argv = [path]
    try:
        runpy.run_path(path, run_name="__main__")
    except SystemExit as exc:
        code = exc.code
        if code is None:
            return 0
        if isinstance(code, int):
            return code
        print(code, file=sys.stderr)
        return 1
    except BaseException as exc:  # noqa: BLE001 - report any failure with the snippet's line
        line = _snippet_frame_line(exc.__traceback__, path)
        report = traceback.TracebackException.from_exception(exc)
        # The launcher's own frames (this file, runpy) are noise for the snippet's author.
        # So are the library frames below the snippet's last line: it is the snippet's call that failed.
        stack = [f for f in report.stack if f.filename != __file__ and "runpy" not in f.filename]
        last = max((i for i, f in enumerate(stack) if f.filename == path), default=len(stack) - 1)
        report.stack = traceback.StackSummary.from_list(stack[: last + 1])
        sys.stderr.write("".join(report.format()))
        where = f"{path}:{line}" if line else path
        sys.stderr.write(f"MATCALC-ERROR {where}: {type(exc).__name__}: {exc}\n")
        return 1
    finally:
        faulthandler.cancel_dump_traceback_later()
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit("usage: python -I offline.py SNIPPET TIMEOUT_SECONDS")
    sys.exit(_run_snippet(sys.argv[1], float(sys.argv[2])))
