"""A Dask scheduler's address, checked before anything heavy is imported (light: standard library only).

``transition multiverse --scheduler ADDRESS`` first parses the address (:func:`parse`: a bad one is a
usage error, exit 2), then opens a connection with a short timeout and waits for the greeting a Dask
scheduler sends to every new connection (:func:`probe`: nothing listening, no answer or an answer that
is not a Dask handshake — an HTTP server, a dashboard port — is an unreachable scheduler, exit 3). Each
failure is one line saying what is wrong and what to do.

Examples
--------
>>> parse("tcp://127.0.0.1:8786"), parse("localhost:8786")
(('127.0.0.1', 8786), ('localhost', 8786))
"""
from __future__ import annotations

import contextlib
import socket
import struct

from transition.run.problems import EXIT_USAGE, Failure

#: A scheduler that cannot be reached or is not one (the exit code of unavailable inputs).
EXIT_UNREACHABLE = 3

#: Seconds to wait for a connection, and then for the scheduler's greeting.
TIMEOUT = 3.0
#: The largest greeting a Dask scheduler sends (its handshake is a few hundred bytes).
MAX_GREETING = 1 << 20
FIX = "start one (`dask scheduler`, then `dask worker ADDRESS`) or give the address it prints"


class ClusterProblem(Failure):
    """A scheduler address that is malformed (exit 2) or does not lead to a Dask scheduler (exit 3)."""


def parse(address: str) -> tuple[str, int]:
    """(host, port) of ``tcp://HOST:PORT`` (or ``HOST:PORT``); :class:`ClusterProblem` (exit 2) otherwise."""
    text = address.strip()
    scheme, _, rest = text.rpartition("://") if "://" in text else ("tcp", "", text)
    host, colon, port = rest.rpartition(":")
    host = host.strip("[]")
    if scheme != "tcp" or not colon or not host or not port.isdigit() or not 0 < int(port) < 65536 or "/" in rest:
        why = f"only tcp:// addresses are used here, not {scheme}://" if scheme != "tcp" else "not HOST:PORT"
        raise ClusterProblem([f"--scheduler {address!r}: not a Dask scheduler address ({why}); "
                              "give tcp://HOST:PORT, e.g. tcp://127.0.0.1:8786"], EXIT_USAGE)
    return host, int(port)


def _read(sock: socket.socket, n: int) -> bytes:
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


def probe(address: str, timeout: float = TIMEOUT) -> None:
    """Connect to ``address`` and read a Dask scheduler's greeting (a length-prefixed handshake), within
    ``timeout`` seconds each; :class:`ClusterProblem` (exit 2 for an unknown host, 3 otherwise)."""
    host, port = parse(address)
    try:
        sock = socket.create_connection((host, port), timeout=timeout)
    except socket.gaierror as error:
        raise ClusterProblem([f"--scheduler {address}: unknown host {host!r} ({error.strerror}): check the address"],
                             EXIT_USAGE) from error
    except OSError as error:
        why = "connection refused" if isinstance(error, ConnectionRefusedError) else (
            f"no answer in {timeout:g} s" if isinstance(error, TimeoutError) else error.strerror or type(error).__name__)
        raise ClusterProblem([f"cannot reach a Dask scheduler at {address} ({why}): {FIX}"], EXIT_UNREACHABLE) from error
    with sock:
        sock.settimeout(timeout)
        try:
            header = _read(sock, 8)
            length = struct.unpack("<Q", header)[0] if len(header) == 8 else 0
            body = _read(sock, length) if 0 < length <= MAX_GREETING else b""
        except OSError:
            header, length, body = b"", 0, b""
    if not 0 < length <= MAX_GREETING or len(body) != length:
        seen = "no greeting" if not header else "an answer that is not a Dask handshake"
        raise ClusterProblem([f"{address} is not a Dask scheduler ({seen} in {timeout:g} s; a dashboard or web "
                              f"server?): {FIX}"], EXIT_UNREACHABLE)


# ---- a cluster of separately started processes on this machine (the tests and the benchmark) ----------------
def free_port(host: str = "127.0.0.1") -> int:
    """A port nobody listens on now (the operating system's choice)."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return sock.getsockname()[1]


def _stop(process) -> None:
    import os
    import signal
    import subprocess

    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()


@contextlib.contextmanager
def separate_processes(n_workers: int = 2, log_dir=None, env: dict | None = None, timeout: float = 60.0):
    """``dask scheduler`` and ``dask worker ADDRESS --nworkers N --nthreads 1``, each its own process group on
    a random free port of localhost; yields the scheduler's address once it answers, and stops both (their
    whole process groups) however the block ends."""
    import os
    import shutil
    import subprocess
    import sys
    import tempfile
    import time
    from pathlib import Path

    dask = shutil.which("dask", path=str(Path(sys.executable).parent)) or shutil.which("dask")
    if dask is None:
        raise ClusterProblem(["the `dask` command is not installed in this environment"], EXIT_UNREACHABLE)
    logs = Path(log_dir or tempfile.mkdtemp(prefix="transition-dask-"))
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    environment = {**os.environ, "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
                   **(env or {})}

    def start(args, name):
        with open(logs / f"{name}.log", "w") as log:
            return subprocess.Popen(args, stdout=log, stderr=subprocess.STDOUT, env=environment, start_new_session=True)

    processes = [start([dask, "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard"], "scheduler")]
    try:
        deadline = time.monotonic() + timeout
        while True:
            try:
                probe(address, timeout=1.0)
                break
            except ClusterProblem:
                if time.monotonic() > deadline or processes[0].poll() is not None:
                    raise ClusterProblem([f"the scheduler did not start: see {logs / 'scheduler.log'}"],
                                         EXIT_UNREACHABLE) from None
                time.sleep(0.3)
        processes.append(start([dask, "worker", address, "--nworkers", str(n_workers), "--nthreads", "1",
                                "--no-dashboard"], "worker"))
        yield address
    finally:
        for process in reversed(processes):
            _stop(process)
