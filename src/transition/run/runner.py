"""Run and sweep the analysis notebooks: discovery, typed parameters, parallel papermill, staging.

The pieces, in the order ``transition run`` uses them:

- :func:`discover` finds ``notebooks/[0-9][0-9]_*.ipynb`` (a new notebook is picked up by the glob)
  and reads each one's ``parameters`` cell (names, defaults, the comment after each default) with
  papermill, joined with the notebook's :class:`~transition.chapters.parameters.ParameterSpec` (types,
  allowed values). There is no second, hand-kept list of parameters.
- :func:`resolve` turns ``-p key=value`` strings and a YAML file into typed values (the spec rule's
  ``parse``: years → int, lists → list; YAML as the fallback) and checks every requested notebook
  with its spec *before anything runs*: one line per problem.
- :func:`execute` runs the jobs through papermill, ``-j`` at a time, each notebook in its own
  worker process and kernel, with a progress bar per notebook and one overall.
- **Nothing lost.** Every job writes into a staging folder under ``runs/.staging/``: the kernel's
  environment names it (``TRANSITION_STAGING_DIR``), and :class:`~transition.present.outputs.Outputs`
  reads it and writes there whatever ``output_dir`` says, so the notebook's parameters are exactly
  the ones asked for (none at all for the default run). Only when
  the whole notebook has succeeded are its tables, headline file, figures and finally the executed
  notebook moved into place, file by file with ``os.replace``. A failed or interrupted run leaves
  every earlier file as it was; the failed notebook is kept for inspection under ``runs/``.

Where things go:

- the **default run** (no name, default parameters) refreshes ``notebooks/<stem>.ipynb`` and
  ``results/`` (tables, ``<stem>.json``, ``figures/``);
- a **named run** writes ``runs/<name>/<stem>.ipynb``, its tables and figures (``output_dir`` =
  ``runs/<name>``) and ``runs/<name>/run.json`` (parameters, git commit, package versions, timings);
- a **sweep** is a named run per grid point, ``runs/<sweep>/<variant>/``, plus ``sweep.csv`` (one row
  per variant: parameters and headline numbers) and ``spec_curve.png``.
"""
from __future__ import annotations

import ast
import itertools
import json
import math
import multiprocessing
import os
import platform
import queue as queue_module
import re
import shutil
import subprocess
import time
import uuid
from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Callable

from transition.paths import NOTEBOOKS_DIR, PROJECT_ROOT, RESULTS_DIR, STAGING_ENV

KERNEL = "transition"
NOTEBOOK_GLOB = "[0-9][0-9]_*.ipynb"
RUNS_DIR = PROJECT_ROOT / "runs"
#: Parameters the runner sets itself; users choose a run name instead.
RESERVED = ("output_dir",)
#: A notebook with this parameter reads the other notebooks' headline files (e.g. the claims ledger).
CONSUMER_PARAMETER = "results_dir"
NAME_PATTERN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")
#: The kernel draws figures inline (so that the executed notebook and the site show them), whatever
#: backend the calling shell exports for scripts (MPLBACKEND=Agg).
KERNEL_MPLBACKEND = "module://matplotlib_inline.backend_inline"



class ParameterProblems(Exception):
    """Parameter or usage problems found before anything ran; ``lines`` holds one line per problem."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)


# --------------------------------------------------------------------------------------------
# Discovery


@dataclass(frozen=True)
class Layout:
    """Where notebooks are read and their products written (tests point it at a temporary folder)."""

    notebooks: Path = NOTEBOOKS_DIR
    results: Path = RESULTS_DIR
    runs: Path = RUNS_DIR
    root: Path = PROJECT_ROOT

    def display(self, path: Path) -> str:
        """``path`` relative to the project root when inside it (stable across machines), else absolute."""
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return str(path)


_MISSING = object()


@dataclass
class Parameter:
    """One parameter of a notebook: from its ``parameters`` cell, with the spec's rule when declared."""

    name: str
    default: str  # the source text of the default, as written in the parameters cell
    help: str = ""
    rule: Any = None

    @property
    def value(self) -> Any:
        """The default as a Python value (``_MISSING`` when it is an expression, not a literal)."""
        try:
            return ast.literal_eval(self.default)
        except (ValueError, SyntaxError):
            return _MISSING

    @property
    def type(self) -> str:
        """A short type name: from the rule (Integer → int, ListOf → list, …), else from the default."""
        from transition.chapters import parameters as p

        if isinstance(self.rule, p.Integer):
            return "int"
        if isinstance(self.rule, p.Number):
            return "float"
        if isinstance(self.rule, p.ListOf):
            return "list"
        if isinstance(self.rule, p.Text):
            return "str or None" if self.rule.optional else "str"
        if isinstance(self.rule, p.Choice):
            kinds = sorted({type(option).__name__ for option in self.rule.options if option is not None})
            return " or ".join(kinds + (["None"] if None in self.rule.options else []))
        value = self.value
        return "?" if value is _MISSING else type(value).__name__

    @property
    def allowed(self) -> str:
        """Allowed values and meaning, from the spec (``describe()``), else the cell's comment."""
        if self.rule is not None:
            return self.rule.describe()
        return self.help

    def parse(self, text: str) -> Any:
        """A command-line string as a typed value: the rule's ``parse``, else YAML (``1990`` → 1990)."""
        return parse_value(text, self.rule)


@dataclass
class Notebook:
    """An analysis notebook: stem, path, title and parameters."""

    stem: str
    path: Path
    title: str
    parameters: dict[str, Parameter]
    spec: Any = None
    code_cells: int = 0

    def defaults(self) -> dict[str, Any]:
        """Default values that are literals (every parameter, in practice)."""
        return {name: p.value for name, p in self.parameters.items() if p.value is not _MISSING}


def _title(nb) -> str:
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            for line in cell.source.splitlines():
                if line.startswith("# "):
                    return line[2:].strip()
    return ""


def parse_parameters_cell(source: str) -> list[tuple[str, str, str]]:
    r"""(name, default source text, trailing comment) of each assignment in a parameters cell.

    Python's own parser, so that defaults over several lines and comments with quotes (which
    papermill's line-by-line inspection gives up on) are read correctly.

    >>> parse_parameters_cell("base_year = 1989  # the essay's base\ncountries = ['RUS',\n  'UKR']  # list")
    [('base_year', '1989', "the essay's base"), ('countries', "['RUS',\n  'UKR']", 'list')]
    """
    import io
    import tokenize

    tree = ast.parse(source)
    comments: dict[int, str] = {}
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.COMMENT:
                comments[token.start[0]] = token.string.lstrip("#").strip()
    except (tokenize.TokenError, IndentationError):
        pass
    found = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            name, value = node.targets[0].id, node.value
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.value is not None:
            name, value = node.target.id, node.value
        else:
            continue
        found.append((name, ast.get_source_segment(source, value) or "", comments.get(node.end_lineno, "")))
    return found


def read_notebook(path: Path, specs: dict | None = None) -> Notebook:
    """Read one notebook's title and parameters (the ``parameters`` cell, joined with the spec)."""
    import nbformat

    path = Path(path)
    nb = nbformat.read(path, as_version=4)
    specs = _all_specs() if specs is None else specs
    spec = specs.get(path.stem)
    rules = spec.rules if spec is not None else {}
    cell = next((c for c in nb.cells if "parameters" in c.get("metadata", {}).get("tags", [])), None)
    try:
        assignments = parse_parameters_cell(cell.source) if cell is not None else []
    except SyntaxError:
        assignments = []
    parameters = {name: Parameter(name, default, comment, rules.get(name)) for name, default, comment in assignments}
    code_cells = sum(cell.cell_type == "code" for cell in nb.cells)
    return Notebook(path.stem, path, _title(nb), parameters, spec, code_cells)


def _all_specs() -> dict:
    from transition.chapters.specs import all_specs

    return all_specs()


def discover(layout: Layout = Layout(), specs: dict | None = None) -> dict[str, Notebook]:
    """Every notebook ``NN_*.ipynb`` in ``layout.notebooks``, by stem, in order."""
    specs = _all_specs() if specs is None else specs
    return {path.stem: read_notebook(path, specs) for path in sorted(Path(layout.notebooks).glob(NOTEBOOK_GLOB))}


def select(notebooks: dict[str, Notebook], names: list[str] | tuple[str, ...]) -> list[Notebook]:
    """The notebooks named by stem, number prefix (``02``) or path; all of them when ``names`` is empty."""
    if not names:
        return list(notebooks.values())
    chosen, problems = [], []
    for name in names:
        stem = Path(name).stem if name.endswith(".ipynb") else name
        matches = [nb for key, nb in notebooks.items() if key == stem or key.split("_", 1)[0] == stem]
        if len(matches) != 1:
            known = ", ".join(notebooks) or "none"
            problems.append(f"{name}: {'no such notebook' if not matches else 'ambiguous'}; notebooks: {known}")
        elif matches[0] not in chosen:
            chosen.append(matches[0])
    if problems:
        raise ParameterProblems(problems)
    return chosen


# --------------------------------------------------------------------------------------------
# Typed parameters, checked before anything runs


def parse_value(text: str, rule=None) -> Any:
    """Turn ``text`` into a value ``rule`` accepts: the rule's own ``parse`` first, then YAML.

    Examples
    --------
    >>> from transition.chapters.parameters import Integer, ListOf
    >>> parse_value("1990", Integer(1989, 2000))
    1990
    >>> parse_value("RUS, UKR", ListOf(["RUS", "UKR", "POL"]))
    ['RUS', 'UKR']
    >>> parse_value("[RUS, UKR]", ListOf(["RUS", "UKR", "POL"]))
    ['RUS', 'UKR']
    >>> parse_value("0.5")
    0.5
    """
    import yaml

    candidates = []
    if text in ("None", "null", "~"):
        candidates.append(None)
    if rule is not None:
        try:
            candidates.append(rule.parse(text))
        except (ValueError, TypeError):
            pass
    try:
        candidates.append(yaml.safe_load(text))
    except yaml.YAMLError:
        pass
    candidates.append(text)
    if rule is None:
        return candidates[0]
    for candidate in candidates:
        if rule.problem(candidate) is None:
            return candidate
    return candidates[0]


def split_grid_values(text: str) -> list[str]:
    """Split ``v1,v2,[a,b]`` at top-level commas (a bracketed list stays one value).

    >>> split_grid_values("1989,1990")
    ['1989', '1990']
    >>> split_grid_values("[RUS,UKR],[POL]")
    ['[RUS,UKR]', '[POL]']
    """
    values, depth, current = [], 0, ""
    for char in text:
        if char in "[(":
            depth += 1
        elif char in "])":
            depth -= 1
        if char == "," and depth == 0:
            values.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        values.append(current.strip())
    return values


def parse_assignment(text: str) -> tuple[str | None, str, str]:
    """``key=value`` → (None, key, value); ``NN.key=value`` or ``stem.key=value`` → (NN or stem, key, value)."""
    if "=" not in text:
        raise ParameterProblems([f"{text}: expected key=value"])
    key, value = text.split("=", 1)
    key = key.strip()
    target = None
    if "." in key:
        target, key = key.split(".", 1)
    if not key:
        raise ParameterProblems([f"{text}: expected key=value"])
    return target, key, value.strip()


def load_parameter_file(path: Path) -> dict[str | None, dict[str, Any]]:
    """A YAML file of parameters: ``key: value`` for every notebook that has the parameter, and/or
    ``<stem or NN>: {key: value}`` for one notebook. Returns target → {key: value} (None = all)."""
    import yaml

    content = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    if not isinstance(content, dict):
        raise ParameterProblems([f"{path}: expected a mapping of parameter names to values"])
    grouped: dict[str | None, dict[str, Any]] = {None: {}}
    for key, value in content.items():
        key = str(key)
        if isinstance(value, dict) and re.match(r"^\d\d(_|$)", key):
            grouped.setdefault(key, {}).update({str(k): v for k, v in value.items()})
        else:
            grouped[None][key] = value
    return grouped


def _targets(target: str | None, notebooks: list[Notebook]) -> list[Notebook]:
    if target is None:
        return notebooks
    return [nb for nb in notebooks if nb.stem == target or nb.stem.split("_", 1)[0] == target]


def resolve(notebooks: list[Notebook], assignments=(), parameter_file: Path | None = None
            ) -> dict[str, dict[str, Any]]:
    """Typed parameter overrides for each notebook, all checked before anything runs.

    ``assignments`` are ``key=value`` strings (``-p``); a key applies to every selected notebook that
    has that parameter, ``NN.key=value`` to one notebook. Values from ``parameter_file`` (YAML) come
    first and ``-p`` wins. Raises :class:`ParameterProblems` with one line per problem: unknown
    notebooks or parameters, reserved names, values the notebook's spec rejects (its cross-checks
    included, with the defaults filled in).
    """
    problems: list[str] = []
    raw: list[tuple[str | None, str, Any, bool]] = []  # target, key, value, is_text
    if parameter_file is not None:
        for target, values in load_parameter_file(parameter_file).items():
            raw += [(target, key, value, False) for key, value in values.items()]
    for text in assignments:
        target, key, value = parse_assignment(text)
        raw.append((target, key, value, True))

    overrides: dict[str, dict[str, Any]] = {nb.stem: {} for nb in notebooks}
    for target, key, value, is_text in raw:
        shown = f"{target}.{key}" if target else key
        if key in RESERVED:
            problems.append(f"{shown}: set by the runner; give the run a --name instead")
            continue
        targets = _targets(target, notebooks)
        if target is not None and not targets:
            problems.append(f"{shown}: no selected notebook {target!r}; selected: "
                            + ", ".join(nb.stem for nb in notebooks))
            continue
        having = [nb for nb in targets if key in nb.parameters or (nb.spec and key in nb.spec.rules)]
        if not having:
            known = sorted({name for nb in targets for name in nb.parameters if name not in RESERVED})
            where = targets[0].stem if len(targets) == 1 else "the selected notebooks"
            problems.append(f"{shown}: unknown parameter of {where}; known: {', '.join(known) or 'none'}")
            continue
        for nb in having:
            parameter = nb.parameters.get(key) or Parameter(key, "None", rule=nb.spec.rules.get(key))
            overrides[nb.stem][key] = parameter.parse(value) if is_text else value

    for nb in notebooks:
        problems += [f"{nb.stem}: {line}" for line in check(nb, overrides[nb.stem])]
    if problems:
        raise ParameterProblems(problems)
    return overrides


def check(notebook: Notebook, overrides: dict[str, Any], output_dir: str | None = None) -> list[str]:
    """The spec's problems with the defaults overlaid by ``overrides`` (empty when all is well)."""
    if notebook.spec is None:
        return []
    values = {**notebook.defaults(), **overrides}
    values = {key: value for key, value in values.items() if key in notebook.spec.rules or key in overrides}
    if "output_dir" in notebook.spec.rules:
        values["output_dir"] = output_dir
    try:
        return notebook.spec.problems(**values)
    except Exception:  # a cross-check that needs a default we could not evaluate
        return notebook.spec.problems(**overrides)


# --------------------------------------------------------------------------------------------
# Execution


@dataclass
class Job:
    """One notebook execution: where its notebook and outputs go once it has succeeded."""

    label: str
    notebook: Path
    stem: str
    parameters: dict[str, Any]  # injected by papermill (empty for the default run)
    notebook_dest: Path
    output_dest: Path
    failed_dest: Path
    cwd: Path
    staging_root: Path
    input_display: str = ""
    output_display: str = ""
    stage: int = 0  # jobs of stage 1 start when every job of stage 0 has finished


@dataclass
class JobResult:
    """What happened to a job: status ``ok``, ``failed`` (a cell raised) or ``error`` (anything else)."""

    label: str
    stem: str
    status: str
    seconds: float
    message: str = ""
    cell: int | None = None
    exec_count: int | None = None
    outputs: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.status == "ok"


_progress_queue = None
_current_label = None


def _init_worker(progress_queue) -> None:
    global _progress_queue
    _progress_queue = progress_queue
    import logging

    from papermill.engines import NBClientEngine, papermill_engines

    logging.getLogger("papermill").setLevel(logging.ERROR)

    class ProgressEngine(NBClientEngine):
        """papermill's engine, telling the parent process after every cell."""

        @classmethod
        def execute_managed_notebook(cls, nb_man, kernel_name, **kwargs):
            total = len(nb_man.nb.cells)
            original = nb_man.cell_complete

            def cell_complete(cell, cell_index=None, **more):
                result = original(cell, cell_index=cell_index, **more)
                _report("cell", (cell_index or 0) + 1, total)
                return result

            nb_man.cell_complete = cell_complete
            _report("start", 0, total)
            return super().execute_managed_notebook(nb_man, kernel_name, **kwargs)

    papermill_engines.register("transition", ProgressEngine)


def _report(kind: str, done: int, total: int) -> None:
    if _progress_queue is not None:
        try:
            _progress_queue.put_nowait((kind, _current_label, done, total))
        except Exception:  # progress is a nicety; never fail a run over it
            pass


def _move_into_place(source: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    try:
        os.replace(source, dest)
    except OSError:  # another file system: copy beside the target, then replace atomically
        temporary = dest.with_name(f".{dest.name}.{uuid.uuid4().hex[:8]}.tmp")
        shutil.copy2(source, temporary)
        os.replace(temporary, dest)


def _tidy(path: Path, job: Job, staged_outputs: Path) -> None:
    """Make the executed notebook read as if it had run in place: every mention of the staging
    folder in an output (``out.figure`` returns the PNG's path) becomes the final folder, and the
    paths papermill records become the notebook's own."""
    import nbformat

    text = path.read_text(encoding="utf-8")
    text = text.replace(str(staged_outputs), str(Path(job.output_dest).resolve()))
    nb = nbformat.reads(text, as_version=4)
    meta = nb.metadata.get("papermill", {})
    if meta:
        meta["input_path"] = job.input_display
        meta["output_path"] = job.output_display
    nbformat.write(nb, path)


def _source_cell_number(nb_path: Path, cell_index: int) -> int:
    """1-based position in the source notebook of executed cell ``cell_index`` (papermill's injected
    parameters cell is not counted)."""
    import nbformat

    try:
        nb = nbformat.read(nb_path, as_version=4)
    except Exception:
        return cell_index + 1
    injected = [i for i, cell in enumerate(nb.cells)
                if "injected-parameters" in cell.get("metadata", {}).get("tags", [])]
    return cell_index + 1 - sum(1 for i in injected if i < cell_index)


def _last_line(text: str) -> str:
    lines = [line.strip() for line in str(text).strip().splitlines() if line.strip()]
    return lines[-1] if lines else ""


def execute_job(job: Job) -> JobResult:
    """Execute one job in this process (normally a pool worker): stage, then move into place."""
    global _current_label
    import papermill
    from papermill.exceptions import PapermillExecutionError

    _current_label = job.label
    staging = Path(job.staging_root) / uuid.uuid4().hex[:12]
    out_dir, ipython_dir = staging / "out", staging / "ipython"
    ipython_dir.mkdir(parents=True)
    out_dir.mkdir()
    staged_nb = staging / f"{job.stem}.ipynb"
    saved_env = {key: os.environ.get(key) for key in ("IPYTHONDIR", STAGING_ENV, "MPLBACKEND")}
    os.environ.update({"IPYTHONDIR": str(ipython_dir), STAGING_ENV: str(out_dir),
                       "MPLBACKEND": KERNEL_MPLBACKEND})
    # The kernel process inherits this worker's stderr: send it to a log (ipykernel's start-up
    # warnings would break the progress bars); its last line is reported if the kernel dies.
    kernel_log = staging / "kernel-stderr.log"
    saved_stderr = os.dup(2)
    log_fd = os.open(kernel_log, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
    os.dup2(log_fd, 2)
    os.close(log_fd)
    started = time.perf_counter()
    try:
        papermill.execute_notebook(
            str(job.notebook), str(staged_nb), parameters=job.parameters, kernel_name=KERNEL,
            cwd=str(job.cwd), progress_bar=False, engine_name="transition",
        )
        seconds = time.perf_counter() - started
        _tidy(staged_nb, job, out_dir)
        moved = []
        for path in sorted(p for p in out_dir.rglob("*") if p.is_file()):
            dest = Path(job.output_dest) / path.relative_to(out_dir)
            _move_into_place(path, dest)
            moved.append(str(dest))
        _move_into_place(staged_nb, Path(job.notebook_dest))
        return JobResult(job.label, job.stem, "ok", round(seconds, 2), outputs=moved)
    except PapermillExecutionError as error:
        seconds = time.perf_counter() - started
        cell = _source_cell_number(staged_nb, error.cell_index) if staged_nb.exists() else error.cell_index + 1
        kept = ""
        if staged_nb.exists():
            try:
                _tidy(staged_nb, job, out_dir)
            except Exception:  # keep the notebook as it is
                pass
            _move_into_place(staged_nb, Path(job.failed_dest))
            kept = f"; executed notebook kept at {Path(job.failed_dest)}"
        message = f"{error.ename}: {_last_line(error.evalue)}" if error.evalue else error.ename
        return JobResult(job.label, job.stem, "failed", round(seconds, 2),
                         message=f"cell {cell} (In [{error.exec_count}]): {message}{kept}",
                         cell=cell, exec_count=error.exec_count)
    except Exception as error:  # kernel died, notebook unreadable, …
        seconds = time.perf_counter() - started
        try:
            kernel_says = _last_line(kernel_log.read_text(errors="replace"))
        except OSError:
            kernel_says = ""
        kernel_says = f" (kernel: {kernel_says})" if kernel_says and "WARNING" not in kernel_says else ""
        return JobResult(job.label, job.stem, "error", round(seconds, 2),
                         message=f"{type(error).__name__}: {_last_line(error) or repr(error)}{kernel_says}")
    finally:
        os.dup2(saved_stderr, 2)
        os.close(saved_stderr)
        for key, value in saved_env.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value
        shutil.rmtree(staging, ignore_errors=True)
        _current_label = None


class _Bars:
    """One tqdm bar overall and one per running notebook (hidden when stderr is not a terminal)."""

    def __init__(self, total: int, jobs: int, enabled: bool | None) -> None:
        from tqdm.auto import tqdm

        self._tqdm = tqdm
        self.enabled = enabled
        disable = None if enabled is None else not enabled  # None: only on a terminal
        self.overall = tqdm(total=total, desc="overall", unit="nb", position=0, disable=disable, leave=True)
        self.slots = list(range(1, jobs + 1))
        self.bars: dict[str, Any] = {}

    def update(self, kind: str, label: str, done: int, total: int) -> None:
        if self.overall.disable or label is None:
            return
        bar = self.bars.get(label)
        if bar is None:
            position = self.slots.pop(0) if self.slots else len(self.bars) + 1
            bar = self._tqdm(total=total, desc=label[:40], unit="cell", position=position, leave=False)
            bar.slot = position
            self.bars[label] = bar
        bar.total = total
        bar.n = done
        bar.refresh()

    def finish(self, label: str) -> None:
        bar = self.bars.pop(label, None)
        if bar is not None:
            self.slots.append(bar.slot)
            self.slots.sort()
            bar.close()
        self.overall.update(1)

    def close(self) -> None:
        for label in list(self.bars):
            self.bars.pop(label).close()
        self.overall.close()


def execute(jobs: list[Job], workers: int = 1, progress: bool | None = None,
            on_result: Callable[[JobResult], None] | None = None) -> list[JobResult]:
    """Run ``jobs`` ``workers`` at a time, each in its own process and kernel; results in job order.

    Jobs are started longest-first when earlier timings are known (``runs/.timings.json``), which
    keeps the last job from running alone; jobs of a later ``stage`` (notebooks that read the others'
    results) start once the earlier stages are done. Ctrl-C stops every worker; staged files are
    discarded and nothing already in place is touched.
    """
    if not jobs:
        return []
    workers = max(1, min(workers or os.cpu_count() or 1, len(jobs)))
    timings = _read_timings(Path(jobs[0].staging_root).parent)
    order = sorted(range(len(jobs)), key=lambda i: (jobs[i].stage, -timings.get(jobs[i].stem, 0.0)))
    first_stage = jobs[order[0]].stage
    waiting = [i for i in order if jobs[i].stage != first_stage]
    # fork: the workers start at once and need no re-import of the caller's main module; they are
    # forked at the first submit, before the pool's own thread and the progress bars' thread start.
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    progress_queue = context.Queue()
    results: dict[int, JobResult] = {}
    Path(jobs[0].staging_root).mkdir(parents=True, exist_ok=True)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_init_worker,
                               initargs=(progress_queue,))
    bars = None
    try:
        pending = {pool.submit(execute_job, jobs[i]): i for i in order if i not in waiting}
        bars = _Bars(len(jobs), workers, progress)
        while pending or waiting:
            if not pending:  # the next stage
                stage = jobs[waiting[0]].stage
                pending = {pool.submit(execute_job, jobs[i]): i for i in waiting if jobs[i].stage == stage}
                waiting = [i for i in waiting if jobs[i].stage != stage]
            done, _ = wait(pending, timeout=0.2, return_when=FIRST_COMPLETED)
            _drain(progress_queue, bars)
            for future in done:
                index = pending.pop(future)
                try:
                    result = future.result()
                except Exception as error:  # the worker process itself died
                    result = JobResult(jobs[index].label, jobs[index].stem, "error", 0.0,
                                       message=f"{type(error).__name__}: {error}")
                results[index] = result
                bars.finish(jobs[index].label)
                if on_result is not None:
                    on_result(result)
    except BaseException:
        # Ctrl-C reaches the workers too: give each a moment to shut its kernel down and discard its
        # staging folder, then stop what is left. Nothing already in place has been touched.
        processes = list((getattr(pool, "_processes", None) or {}).values())
        pool.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            process.join(timeout=10)
            if process.is_alive():
                process.terminate()
        raise
    finally:
        if bars is not None:
            bars.close()
        pool.shutdown(wait=True, cancel_futures=True)
        shutil.rmtree(jobs[0].staging_root, ignore_errors=True)
        _remove_if_empty(Path(jobs[0].staging_root).parent)
    ordered = [results[i] for i in range(len(jobs))]
    _write_timings(Path(jobs[0].staging_root).parent, ordered)
    return ordered


def _remove_if_empty(path: Path) -> None:
    try:
        path.rmdir()
    except OSError:
        pass


def _drain(progress_queue, bars: _Bars) -> None:
    while True:
        try:
            kind, label, done, total = progress_queue.get_nowait()
        except (queue_module.Empty, OSError, EOFError, ValueError):
            return
        if label in bars.bars or kind == "start":
            bars.update(kind, label, done, total)


def _timings_path(staging_parent: Path) -> Path:
    return staging_parent.parent / ".timings.json"


def _read_timings(staging_parent: Path) -> dict[str, float]:
    """Seconds per notebook from earlier runs (``runs/.timings.json``), else from the committed
    benchmarks (``results/benchmarks.json``), else nothing."""
    for path, key in ((_timings_path(staging_parent), None), (RESULTS_DIR / "benchmarks.json", "notebook_seconds")):
        try:
            content = json.loads(path.read_text())
        except (OSError, ValueError):
            continue
        content = content.get(key, {}) if key else content
        if isinstance(content, dict) and content:
            return {k: float(v) for k, v in content.items() if isinstance(v, (int, float))}
    return {}


def _write_timings(staging_parent: Path, results: list[JobResult]) -> None:
    timings = _read_timings(staging_parent)
    timings.update({r.stem: r.seconds for r in results if r.ok})
    try:
        _timings_path(staging_parent).parent.mkdir(parents=True, exist_ok=True)
        _timings_path(staging_parent).write_text(json.dumps(timings, indent=1, sort_keys=True) + "\n")
    except OSError:
        pass


# --------------------------------------------------------------------------------------------
# Runs


def check_name(name: str) -> None:
    """A run name is one folder name: letters, digits, ``.``, ``_``, ``-`` (not starting with a dot)."""
    if not NAME_PATTERN.match(name):
        raise ParameterProblems([f"--name {name!r}: use letters, digits, '.', '_' and '-' "
                                 "(starting with a letter or digit)"])


def plan(notebooks: list[Notebook], overrides: dict[str, dict[str, Any]], name: str | None,
         layout: Layout = Layout(), subfolder: str | None = None) -> list[Job]:
    """The jobs of a run: the default run (``name`` None) or ``runs/<name>[/<subfolder>]``.

    A notebook with a ``results_dir`` parameter reads the other notebooks' headline files (the claims
    ledger): it runs after them, and in a named run with them it reads that run's folder (unless
    ``results_dir`` is given).
    """
    staging_root = Path(layout.runs) / ".staging" / uuid.uuid4().hex[:12]
    jobs = []
    consumers = {nb.stem for nb in notebooks if CONSUMER_PARAMETER in nb.parameters}
    producers = [nb for nb in notebooks if nb.stem not in consumers]
    for nb in notebooks:
        if name is None:
            if overrides.get(nb.stem):
                raise ParameterProblems(["the default run uses the default parameters (it refreshes the "
                                         "committed notebooks and results/); give the run a --name"])
            notebook_dest, output_dest = nb.path, Path(layout.results)
            failed_dest = Path(layout.runs) / "_failed" / f"{nb.stem}.ipynb"
            parameters, label = {}, nb.stem
        else:
            base = Path(layout.runs) / name / (subfolder or "")
            notebook_dest, output_dest = base / f"{nb.stem}.ipynb", base
            failed_dest = base / "failed" / f"{nb.stem}.ipynb"
            parameters = {**overrides.get(nb.stem, {})}
            if "output_dir" in nb.parameters:
                parameters["output_dir"] = layout.display(base)
            if nb.stem in consumers and producers and CONSUMER_PARAMETER not in parameters:
                # this run's headline files; absolute, as the notebook may resolve it from notebooks/
                parameters[CONSUMER_PARAMETER] = str(base.resolve())
            label = f"{subfolder}" if subfolder else nb.stem
        stage = 1 if nb.stem in consumers and producers else 0
        jobs.append(Job(label=label, notebook=nb.path, stem=nb.stem, parameters=parameters,
                        notebook_dest=notebook_dest, output_dest=output_dest, failed_dest=failed_dest,
                        cwd=Path(layout.notebooks), staging_root=staging_root,
                        input_display=layout.display(nb.path), output_display=layout.display(notebook_dest),
                        stage=stage))
    return jobs


def provenance(layout: Layout = Layout()) -> dict[str, Any]:
    """Git commit (and whether the tree had changes), Python, platform and package versions."""
    from importlib import metadata

    def git(*args):
        try:
            return subprocess.run(["git", *args], cwd=layout.root, capture_output=True, text=True,
                                  timeout=20).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            return ""

    packages = {}
    try:
        requirements = metadata.distribution("transition").requires or []
    except metadata.PackageNotFoundError:
        requirements = []
    for requirement in requirements:
        package = re.split(r"[<>=!\[ ;]", requirement)[0]
        try:
            packages[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            pass
    for package in ("nbclient", "ipykernel", "jupyter_client"):
        try:
            packages.setdefault(package, metadata.version(package))
        except metadata.PackageNotFoundError:
            pass
    return {
        "git_commit": git("rev-parse", "HEAD") or None,
        "git_dirty": bool(git("status", "--porcelain", "--untracked-files=no")),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "kernel": KERNEL,
        "packages": dict(sorted(packages.items(), key=lambda item: item[0].lower())),
    }


def _jsonable(value: Any) -> Any:
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, (list, tuple)):
        return [_jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _jsonable(v) for k, v in value.items()}
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)


def write_run_record(path: Path, name: str, jobs: list[Job], results: list[JobResult],
                     notebooks: dict[str, Notebook], workers: int, wall: float, layout: Layout,
                     extra: dict | None = None) -> None:
    """``run.json``: per job the parameters used (defaults + overrides), timing and status; the
    git commit and package versions. A re-run of the same name updates its notebooks' entries."""
    try:
        record = json.loads(path.read_text())
    except (OSError, ValueError):
        record = {}
    entries = record.get("notebooks", {})
    for job, result in zip(jobs, results):
        defaults = notebooks[job.stem].defaults() if job.stem in notebooks else {}
        entries[job.label] = {
            "notebook": job.stem,
            "parameters": _jsonable({**defaults, **job.parameters}),
            "overrides": _jsonable({k: v for k, v in job.parameters.items() if k not in RESERVED}),
            "seconds": result.seconds, "status": result.status, "message": result.message,
        }
    record.update({
        "name": name,
        "finished_utc": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "jobs": workers, "wall_seconds": round(wall, 2),
        **provenance(layout), **(extra or {}), "notebooks": dict(sorted(entries.items())),
    })
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(record, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


@dataclass
class RunReport:
    """The outcome of ``transition run``."""

    name: str | None
    results: list[JobResult]
    wall_seconds: float
    directory: Path | None = None

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)


def warm_panel(layout: Layout) -> None:
    """Bring the panel cache up to date once, before parallel kernels would each rebuild it.

    Only for the project's own notebooks; any problem is left for the notebooks to report."""
    if Path(layout.notebooks).resolve() != NOTEBOOKS_DIR.resolve():
        return
    try:
        from transition.data import panel

        panel.load()
    except Exception:
        pass


def run(notebooks: list[Notebook], overrides: dict[str, dict[str, Any]] | None = None,
        name: str | None = None, workers: int = 1, layout: Layout = Layout(), progress: bool | None = None,
        on_result=None, all_notebooks: dict[str, Notebook] | None = None) -> RunReport:
    """Execute ``notebooks`` (already resolved and checked) as the default run or as ``runs/<name>``."""
    overrides = overrides or {}
    if name is not None:
        check_name(name)
    jobs = plan(notebooks, overrides, name, layout)
    started = time.perf_counter()
    if workers != 1 and len(jobs) > 1:
        warm_panel(layout)
    results = execute(jobs, workers, progress, on_result)
    wall = time.perf_counter() - started
    directory = None
    if name is not None:
        directory = Path(layout.runs) / name
        write_run_record(directory / "run.json", name, jobs, results,
                         all_notebooks or {nb.stem: nb for nb in notebooks}, workers, wall, layout)
    return RunReport(name, results, wall, directory)


# --------------------------------------------------------------------------------------------
# Sweeps


def _slug(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        value = "+".join(map(str, value))
    text = re.sub(r"[^A-Za-z0-9.+-]+", "-", str(value)).strip("-")
    return text or "none"


def variant_name(values: dict[str, Any]) -> str:
    """A folder name for one grid point: ``base_year=1990,source=pwt`` → ``base_year-1990__source-pwt``."""
    return "__".join(f"{key}-{_slug(value)}" for key, value in values.items())


def parse_grid(notebook: Notebook, grid: list[str]) -> dict[str, list[Any]]:
    """``key=v1,v2`` strings → key → typed values; every value checked against the spec first."""
    parsed: dict[str, list[Any]] = {}
    problems = []
    for text in grid:
        _, key, values = parse_assignment(text)
        if key in RESERVED:
            problems.append(f"--grid {key}: set by the runner")
            continue
        if key not in notebook.parameters and not (notebook.spec and key in notebook.spec.rules):
            known = ", ".join(k for k in notebook.parameters if k not in RESERVED)
            problems.append(f"--grid {key}: unknown parameter of {notebook.stem}; known: {known}")
            continue
        parameter = notebook.parameters.get(key) or Parameter(key, "None", rule=notebook.spec.rules[key])
        items = split_grid_values(values)
        if not items:
            problems.append(f"--grid {key}: no values")
            continue
        parsed[key] = [parameter.parse(item) for item in items]
    if problems:
        raise ParameterProblems(problems)
    return parsed


@dataclass
class SweepReport:
    """The outcome of ``transition sweep``."""

    name: str
    table: Any  # pandas.DataFrame, one row per variant
    results: list[JobResult]
    wall_seconds: float
    directory: Path
    figures: list[Path]

    @property
    def ok(self) -> bool:
        return all(r.ok for r in self.results)


def sweep(notebook: Notebook, grid: dict[str, list[Any]], fixed: dict[str, Any] | None = None,
          name: str | None = None, workers: int = 1, layout: Layout = Layout(),
          progress: bool | None = None, headlines: list[str] | None = None, on_result=None) -> SweepReport:
    """Run every combination of ``grid`` (over ``fixed`` and the defaults) as ``runs/<name>/<variant>``.

    All combinations are checked with the notebook's spec before any runs. Writes
    ``runs/<name>/sweep.csv`` (variant, status, seconds, the grid parameters, every headline value)
    and a specification curve ``spec_curve.png`` for the first of ``headlines`` (default: the first
    headline that varies across the variants; one ``spec_curve_<key>.png`` per further key). A
    headline ``name=expression`` is computed from the others (``gap=cis_loss-cee_loss``) and added
    to the table.
    """
    import pandas as pd

    fixed = fixed or {}
    name = name or f"sweep-{notebook.stem}"
    check_name(name)
    keys = list(grid)
    combos = [dict(zip(keys, values)) for values in itertools.product(*(grid[key] for key in keys))]
    problems = []
    for combo in combos:
        problems += [f"{variant_name(combo)}: {line}" for line in check(notebook, {**fixed, **combo})]
    if problems:
        raise ParameterProblems(problems)
    staging_root = Path(layout.runs) / ".staging" / uuid.uuid4().hex[:12]
    jobs = []
    for combo in combos:
        variant = variant_name(combo)
        job = plan([notebook], {notebook.stem: {**fixed, **combo}}, name, layout, subfolder=variant)[0]
        job.staging_root = staging_root
        jobs.append(job)
    started = time.perf_counter()
    if workers != 1 and len(jobs) > 1:
        warm_panel(layout)
    results = execute(jobs, workers, progress, on_result)
    wall = time.perf_counter() - started
    directory = Path(layout.runs) / name
    write_run_record(directory / "run.json", name, jobs, results, {notebook.stem: notebook}, workers, wall,
                     layout, extra={"sweep": {"notebook": notebook.stem, "grid": _jsonable(grid),
                                              "fixed": _jsonable(fixed)}})
    rows = []
    descriptions: dict[str, dict] = {}
    for combo, job, result in zip(combos, jobs, results):
        row = {"variant": job.label, "status": result.status, "seconds": result.seconds}
        row.update({key: _cell(value) for key, value in combo.items()})
        headline_file = Path(job.output_dest) / f"{notebook.stem}.json"
        if result.ok and headline_file.is_file():
            for key, entry in sorted(json.loads(headline_file.read_text()).items()):
                row[key] = entry.get("value") if isinstance(entry, dict) else entry
                descriptions.setdefault(key, entry if isinstance(entry, dict) else {})
        rows.append(row)
    table = pd.DataFrame(rows)
    chosen = []
    for headline in headlines or []:
        if "=" in headline:  # a derived number: name=expression over headline keys
            key, expression = (part.strip() for part in headline.split("=", 1))
            try:
                table[key] = table.eval(expression)
            except Exception as error:
                raise ParameterProblems([f"--headline {headline}: {type(error).__name__}: {error}"]) from None
            descriptions[key] = {"description": f"{key} = {expression}", "unit": ""}
            chosen.append(key)
        else:
            chosen.append(headline)
    table.to_csv(directory / "sweep.csv", index=False, lineterminator="\n")
    figures = []
    chosen = chosen or _varying_headlines(table, keys)[:1]
    for i, key in enumerate(chosen):
        if key in table.columns:
            path = directory / ("spec_curve.png" if i == 0 else f"spec_curve_{key}.png")
            spec_curve(table, key, keys, descriptions.get(key, {}), notebook.defaults(), path)
            figures.append(path)
    return SweepReport(name, table, results, wall, directory, figures)


def _cell(value: Any) -> Any:
    return ",".join(map(str, value)) if isinstance(value, (list, tuple)) else value


def _numeric(series) -> bool:
    import pandas as pd

    values = pd.to_numeric(series, errors="coerce")
    return values.notna().sum() > 0 and values.notna().sum() == series.notna().sum()


def _varying_headlines(table, parameters: list[str]) -> list[str]:
    """Numeric headline columns, those that vary across the variants first."""
    fixed_columns = {"variant", "status", "seconds", *parameters}
    numeric = [c for c in table.columns if c not in fixed_columns and _numeric(table[c])]
    varying = [c for c in numeric if table[c].dropna().nunique() > 1]
    return varying + [c for c in numeric if c not in varying]


def spec_curve(table, headline: str, parameters: list[str], description: dict, defaults: dict,
               path: Path) -> Path:
    """A specification curve: the headline value of every variant, sorted, above a matrix that marks
    each variant's parameter values (the variant with the notebook's defaults drawn in red)."""
    import pandas as pd
    from matplotlib.figure import Figure

    data = table[table["status"] == "ok"].copy()
    data[headline] = pd.to_numeric(data[headline], errors="coerce")
    data = data.dropna(subset=[headline]).sort_values([headline, "variant"]).reset_index(drop=True)
    rows = [(key, value) for key in parameters for value in dict.fromkeys(table[key].tolist())]
    height = 3.2 + 0.28 * max(len(rows), 2)
    fig = Figure(figsize=(max(6.0, 0.45 * len(data) + 3), height))
    top, bottom = fig.subplots(2, 1, sharex=True, gridspec_kw={"height_ratios": [3, max(len(rows), 2) * 0.4]})
    x = range(len(data))

    def is_default(row) -> bool:
        return all(str(_cell(defaults.get(key))) == str(row[key]) for key in parameters if key in defaults)

    colours = ["#c0392b" if is_default(row) else "#1f618d" for _, row in data.iterrows()]
    top.scatter(x, data[headline], c=colours, s=36, zorder=3)
    top.plot(x, data[headline], color="0.7", lw=1, zorder=2)
    unit = description.get("unit", "")
    top.set_ylabel(f"{headline}" + (f"\n({unit})" if unit else ""), fontsize=8)
    label = description.get("description", headline)
    top.set_title(f"Specification curve: {label}"[:110], fontsize=10)
    top.grid(axis="y", color="0.9")
    if any(c == "#c0392b" for c in colours):
        top.scatter([], [], c="#c0392b", s=36, label="the notebook's defaults")
        top.scatter([], [], c="#1f618d", s=36, label="other specifications")
        top.legend(fontsize=7, loc="best")
    for j, (key, value) in enumerate(rows):
        used = [i for i, (_, row) in enumerate(data.iterrows()) if str(row[key]) == str(value)]
        bottom.scatter(used, [j] * len(used), marker="s", color="0.2", s=22, zorder=3)
    bottom.set_yticks(range(len(rows)), [f"{key} = {value}" for key, value in rows], fontsize=7)
    bottom.set_ylim(len(rows) - 0.5, -0.5)
    bottom.set_xlabel("specifications, sorted by the headline value")
    bottom.set_xticks(list(x))
    bottom.set_xticklabels([str(i + 1) for i in x], fontsize=7)
    bottom.grid(axis="x", color="0.93")
    fig.tight_layout()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=110, metadata={"Software": None})
    return path


def summary_table(results: list[JobResult], wall: float | None = None) -> str:
    """A plain-text table: notebook, seconds, status (the error's cell and last line when it failed)."""
    width = max([len("notebook")] + [len(r.label) for r in results])
    lines = [f"{'notebook':<{width}}  {'seconds':>8}  status", f"{'-' * width}  {'-' * 8}  {'-' * 6}"]
    for r in results:
        status = r.status if r.ok else f"{r.status.upper()}  {r.message}"
        lines.append(f"{r.label:<{width}}  {r.seconds:>8.1f}  {status}")
    if wall is not None:
        ok = sum(r.ok for r in results)
        lines.append(f"{len(results)} notebook run(s), {ok} ok, {len(results) - ok} failed; wall {wall:.1f} s")
    return "\n".join(lines)
