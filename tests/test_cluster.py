"""Dask for real, and its errors: a cluster of separately started processes (`dask scheduler`, `dask worker
… --nworkers 2`) gives the local engine's results; a bad address, nothing listening and a web server are
each refused in one line within seconds (issue 23, item 5), and an unknown claim before the heavy imports."""
from __future__ import annotations

import http.server
import os
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

import pandas as pd
import pytest

from transition.run import cluster, multiverse

TESTS = Path(__file__).parent
DASK = shutil.which("dask", path=str(Path(sys.executable).parent)) or shutil.which("dask")


def _transition(*args, timeout: float = 60) -> tuple[subprocess.CompletedProcess, float]:
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-m", "transition", *args], capture_output=True, text=True, timeout=timeout)
    return done, time.monotonic() - started


def _one_error_line(done: subprocess.CompletedProcess) -> str:
    lines = [line for line in done.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and lines[0].startswith("error: "), done.stderr
    assert "internal error" not in done.stderr and "Traceback" not in done.stderr
    return lines[0]


def test_a_malformed_scheduler_address_is_a_usage_error():
    done, seconds = _transition("multiverse", "--scheduler", "garbage")
    line = _one_error_line(done)
    assert done.returncode == 2 and "not a Dask scheduler address" in line and "tcp://HOST:PORT" in line
    assert seconds < 10


def test_nothing_listening_is_an_unreachable_scheduler():
    done, seconds = _transition("multiverse", "--scheduler", "tcp://127.0.0.1:1")
    line = _one_error_line(done)
    assert done.returncode == 3 and "cannot reach a Dask scheduler at tcp://127.0.0.1:1 (connection refused)" in line
    assert "dask scheduler" in line and seconds < 10


def test_a_web_server_is_not_a_scheduler():
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), http.server.SimpleHTTPRequestHandler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        done, seconds = _transition("multiverse", "--scheduler", f"tcp://127.0.0.1:{server.server_address[1]}")
    finally:
        server.shutdown()
        server.server_close()
    line = _one_error_line(done)
    assert done.returncode == 3 and "is not a Dask scheduler" in line and seconds < 15


def test_an_unknown_claim_is_refused_before_the_heavy_imports():
    code = ("import sys, time; started = time.perf_counter()\n"
            "from transition.run.cli import main\n"
            "try:\n    main(['multiverse', 'C99'], standalone_mode=False)\n"
            "except SystemExit as exit:\n    code = exit.code\n"
            "heavy = sorted(m for m in ('pandas', 'numpy', 'scipy', 'distributed', 'matplotlib') if m in sys.modules)\n"
            "print(code, heavy, round(time.perf_counter() - started, 2))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    code, heavy, _seconds = done.stdout.split(maxsplit=2)[0], done.stdout.split("[")[1].split("]")[0], done.stdout
    assert code == "2" and heavy == "", done.stdout + done.stderr
    assert "C99: no declared space; claims with one: C1, C2, C3" in done.stderr


def test_the_light_list_of_claims_is_the_spaces():
    from transition.claims.spaces import SPACES
    from transition.run.multiverse_command import MULTIVERSE_CLAIMS

    assert MULTIVERSE_CLAIMS == tuple(SPACES)


def test_parse_accepts_tcp_addresses_only():
    assert cluster.parse("tcp://[::1]:8786") == ("::1", 8786)
    for bad in ("tls://host:1", "tcp://host", "tcp://host:0", "host:99999", "tcp://host:1/path"):
        with pytest.raises(cluster.ClusterProblem) as error:
            cluster.parse(bad)
        assert error.value.code == 2


# ---- a real cluster of separately started processes -------------------------------------------------------
@pytest.fixture()
def separate_cluster(tmp_path):
    """`dask scheduler` and `dask worker … --nworkers 2` on random free ports of localhost, stopped (their whole
    process groups) however the test ends; the workers can import the tests' toy registries."""
    if DASK is None:
        pytest.skip("the `dask` command is not installed")
    env = {"PYTHONPATH": os.pathsep.join([str(TESTS), os.environ.get("PYTHONPATH", "")])}
    with cluster.separate_processes(2, tmp_path, env) as address:
        yield address


@pytest.mark.slow
def test_a_separately_started_cluster_gives_the_local_engines_results(tmp_path, separate_cluster, real_panel):
    """C1 and C3 (a few specifications each, with their joint-test inputs) on the cluster and locally (C2's
    growth regressions would cost each worker seconds)."""
    options = {"limit": 4, "batch_size": 2, "progress": False}
    dask = multiverse.run(["C1", "C3"], engine="dask", scheduler=separate_cluster, store=tmp_path / "dask", **options)
    local = multiverse.run(["C1", "C3"], engine="local", jobs=2, store=tmp_path / "local", **options)
    assert dask.evaluated == local.evaluated == {"C1": 4, "C3": 4}
    for claim in ("C1", "C3"):
        raw = {name: multiverse._raw_store(tmp_path / name, claim).sort_values("key").reset_index(drop=True)
               for name in ("dask", "local")}
        pd.testing.assert_frame_equal(raw["dask"], raw["local"])
        assert raw["local"]["null"].notna().all()
