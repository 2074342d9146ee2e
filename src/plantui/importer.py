"""Import files into the store: expand folders, skip unchanged content, read, parse, extract
targets and segment in worker processes (both cores), while this process only writes, one
transaction per file.

A file that fails (unreadable, not text, a bug in the parser) is reported with a one-line
reason and never stops the others or touches what the database already holds.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import hashlib
import multiprocessing
import os
import sqlite3
import stat
from collections.abc import Callable, Generator, Sequence
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field, replace
from pathlib import Path

from plantui import db
from plantui.models import Document
from plantui.read import REFUSED, ReadError, read_file, source_format
from plantui.store.batch import BatchWriter

# Below this much text, starting worker processes costs more than it saves.
_PARALLEL_MIN_BYTES = 400_000


@dataclass(frozen=True)
class ImportResult:
    """What happened to one path."""

    path: str
    status: str  # new | updated | unchanged | failed | skipped | stopped (an earlier error ended the import)
    reason: str = ""
    document_id: int | None = None
    title: str = ""
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def failed(self) -> bool:
        return self.status == "failed"


@dataclass(frozen=True)
class _Job:
    path: Path
    display: str
    key: str
    title: str | None


@dataclass(frozen=True)
class _Failure:
    reason: str


class _Stop(Exception):
    """An error every later file would meet too (the disk is full): the import stops."""


ProgressFn = Callable[[int, int, str], None]


def collect(paths: Sequence[str]) -> tuple[list[tuple[Path, str]], list[ImportResult]]:
    """Files to import (with the path to show for each) and results for paths that cannot be."""
    files: list[tuple[Path, str]] = []
    results: list[ImportResult] = []
    for given in paths:
        path = Path(given)
        kind = _kind(path)
        if not given.strip():
            # Path("") is the current folder: an unset "$DIR" in a script would import it all
            results.append(ImportResult(given, "failed", "empty path"))
        elif path.resolve() == Path(path.anchor or "/").resolve() and kind == "dir":
            results.append(
                ImportResult(given, "failed", "the root of the file system: name the folder of plans")
            )
        elif isinstance(kind, OSError):
            results.append(ImportResult(given, "failed", _reason(kind)))
        elif kind is None:
            results.append(ImportResult(given, "failed", "no such file or directory"))
        elif kind == "dir":
            found, unreadable = _files_in(path)
            results += [ImportResult(str(d), "failed", reason) for d, reason in unreadable]
            supported = [p for p in found if source_format(p) is not None]
            for p in found:
                refused = REFUSED.get(p.suffix.lower())
                if refused is not None:  # a plan in a format to convert first: say how
                    results.append(ImportResult(str(p), "failed", refused))
                elif source_format(p) is None:
                    results.append(
                        ImportResult(str(p), "skipped", f"unsupported file type {p.suffix or '(none)'}")
                    )
            if not supported and not unreadable and not any(p.suffix.lower() in REFUSED for p in found):
                results.append(
                    ImportResult(given, "failed", "folder holds no plan files (.txt .md .docx .pdf .html)")
                )
            files.extend((p, str(p)) for p in supported)
        elif kind != "file":
            results.append(ImportResult(given, "failed", "not a regular file"))
        else:
            files.append((path, given))
    # a file named twice (a.md a.md, or a folder and a file in it) is imported once
    seen: set[Path] = set()
    unique = []
    for path, shown in files:
        key = path.resolve()
        if key not in seen:
            seen.add(key)
            unique.append((path, shown))
    return unique, results


def _reason(exc: OSError) -> str:
    """An OS error as the import's summary words it (permission denied)."""
    return (exc.strerror or str(exc)).lower()


def _kind(path: Path) -> str | OSError | None:
    """ "file", "dir", "other", None where nothing is, or the error that stops a look at it (a
    link into /proc that only its owner may follow)."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        return None
    except OSError as exc:
        if exc.errno in (errno.ENOTDIR, errno.ELOOP, errno.ENAMETOOLONG):
            return None  # a broken link, a link loop: nothing to read there
        return exc
    return "dir" if stat.S_ISDIR(mode) else "file" if stat.S_ISREG(mode) else "other"


def _files_in(folder: Path) -> tuple[list[Path], list[tuple[Path, str]]]:
    """Every file under ``folder`` (hidden ones and hidden folders left out), sorted, and the
    folders that could not be read, each with the reason."""
    files: list[Path] = []
    unreadable: list[tuple[Path, str]] = []

    def failed(exc: OSError) -> None:
        unreadable.append((Path(exc.filename or folder), _reason(exc)))

    for top, dirs, names in os.walk(folder, onerror=failed):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in names:
            if name.startswith("."):
                continue
            kind = _kind(Path(top) / name)
            if kind == "file":
                files.append(Path(top) / name)
            elif isinstance(kind, OSError):  # named with its reason; the other files go on
                unreadable.append((Path(top) / name, _reason(kind)))
    return sorted(files), unreadable


def import_paths(
    conn: sqlite3.Connection,
    paths: Sequence[str],
    *,
    title: str | None = None,
    force: bool = False,
    workers: int | None = None,
    on_progress: ProgressFn | None = None,
) -> list[ImportResult]:
    """Import files and folders; return one result per file (and per skipped or missing path)."""
    from plantui import segment

    files, results = collect(paths)
    if title is not None and len(files) != 1:
        return [*results, *(ImportResult(d, "failed", "--title needs exactly one file") for _, d in files)]
    fingerprint = segment.fingerprint()
    if _needs_rebuild(conn, fingerprint):
        db.rebuild_fts(conn)
    jobs: list[_Job] = []
    total = len(files)
    done = 0
    for path, display in files:
        outcome = _quick(conn, path, display, title, force)
        if outcome is None:
            jobs.append(_Job(path, display, _key(path), title))
        else:
            results.append(outcome)
            done += 1
            if on_progress:
                on_progress(done, total, display)
    prepared_all = _prepare_all(jobs, workers)
    writer = BatchWriter(conn, fingerprint)
    batch: list[int] = []  # the results of the documents in the open batch
    try:
        for index, (job, prepared) in enumerate(prepared_all):
            step = (
                functools.partial(_file_step, on_progress, done, total, job.display) if on_progress else None
            )
            written = False
            try:
                result = _write(writer, job, prepared, step)
                written = True
                if result.document_id is not None:
                    batch.append(len(results))
                results.append(result)
                if writer.full:
                    batch = _commit(conn, writer, results, batch)
            except _Stop as stop:  # every later file would fail the same way: say it once
                prepared_all.close()
                if not written:
                    # the batch's files written before it are committed, or as many as fit
                    with contextlib.suppress(_Stop):
                        _commit(conn, writer, results, batch, said=True)
                    results.append(ImportResult(job.display, "failed", str(stop)))
                else:  # the batch's commit stopped, and said so at its first file
                    writer.abandon()
                results += [ImportResult(j.display, "stopped", str(stop)) for j in jobs[index + 1 :]]
                batch = []
                break
            done += 1
            if on_progress:
                on_progress(done, total, job.display)
        with contextlib.suppress(_Stop):  # the files it stopped are said; none is left to stop
            _commit(conn, writer, results, batch)
    except KeyboardInterrupt:
        writer.keep()  # the files finished before Ctrl-C stay imported
        raise
    except BaseException:
        writer.abandon()
        raise
    order = {display: i for i, (_, display) in enumerate(files)}
    results.sort(key=lambda r: (order.get(r.path, -1), r.status != "skipped"))
    return results


def _file_step(progress: ProgressFn, done: int, total: int, name: str, indexed: int, passages: int) -> None:
    """Progress inside one file: how much of it is indexed."""
    progress(done, total, f"{name} {indexed * 100 // max(passages, 1)}%")


def _needs_rebuild(conn: sqlite3.Connection, fingerprint: str) -> bool:
    if db.fts_is_stale(conn):
        return True
    row = conn.execute("SELECT 1 FROM documents WHERE segmenter IS NOT ? LIMIT 1", (fingerprint,)).fetchone()
    return row is not None


def _key(path: Path) -> str:
    return str(path.resolve())


def _quick(
    conn: sqlite3.Connection, path: Path, display: str, title: str | None, force: bool
) -> ImportResult | None:
    """Settle a file without parsing when its content is already stored; None when it needs parsing."""
    if force:
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        return ImportResult(display, "failed", exc.strerror or str(exc))
    sha = hashlib.sha256(data).hexdigest()
    source = db.find_source(conn, _key(path))
    if source is not None and source["sha256"] == sha:
        document_id = int(source["document_id"])
        if title is not None and title != source["title"]:
            db.set_title(conn, document_id, title)
            return _result(conn, display, "updated", document_id, "title set")
        return _result(conn, display, "unchanged", document_id)
    existing = db.find_sha(conn, sha)
    if existing is None:
        return None
    prepared = db.Prepared(
        document=_empty(),
        sha256=sha,
        source=display,
        path_key=_key(path),
        size=len(data),
        encoding="",
        fmt="",
        fts=(),
    )
    db.link_source(conn, prepared, existing)
    if title is not None:
        db.set_title(conn, existing, title)
    status = "updated" if source is not None else "new"
    return _result(conn, display, status, existing, "same content as another file")


def _empty() -> Document:
    return Document(title="")


def _result(
    conn: sqlite3.Connection, display: str, status: str, document_id: int, reason: str = ""
) -> ImportResult:
    row = conn.execute("SELECT title FROM documents WHERE id = ?", (document_id,)).fetchone()
    counts = {
        r[0]: r[1]
        for r in conn.execute(
            "SELECT kind, count(*) FROM nodes WHERE document_id = ? GROUP BY kind", (document_id,)
        )
    }
    counts["targets"] = conn.execute(
        "SELECT count(*) FROM targets WHERE document_id = ?", (document_id,)
    ).fetchone()[0]
    return ImportResult(display, status, reason, document_id, row[0] if row else "", counts)


def _prepare_all(jobs: list[_Job], workers: int | None) -> Generator[tuple[_Job, db.Prepared | _Failure]]:
    """Parse and segment jobs, in worker processes when there is enough text to pay for them."""
    if not jobs:
        return
    size = sum(_size(j.path) for j in jobs)
    count = workers if workers is not None else min(2, os.cpu_count() or 1)
    if count <= 1 or len(jobs) < 2 or size < _PARALLEL_MIN_BYTES:
        for job in jobs:
            # segmented by the writer, in batches: one large file never holds all its tokens at once
            yield job, prepare(job, segment=False)
        return
    from plantui import segment

    segment.words("预热")  # load the segmenter and its dictionary before forking: the workers share it
    segment.chars("预热")  # and the table of dropped characters
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    from plantui.workers import die_with_parent

    # each worker ends itself when this process ends, kill -9 included
    pool = ProcessPoolExecutor(
        max_workers=count, mp_context=context, initializer=die_with_parent, initargs=(os.getpid(),)
    )
    try:
        yield from zip(jobs, pool.map(prepare, jobs, chunksize=1), strict=True)
    finally:  # closed early (the import stopped): files not started yet are not parsed
        pool.shutdown(wait=True, cancel_futures=True)


def _size(path: Path) -> int:
    try:
        return path.stat().st_size
    except OSError:
        return 0


def prepare(job: _Job, segment: bool = True) -> db.Prepared | _Failure:
    """Read, parse, extract targets and (in a worker process) segment one file."""
    from plantui import patterns
    from plantui import segment as segmenter
    from plantui.parse import parse_source
    from plantui.targets import extract_targets

    patterns.fold.cache_clear()  # remembered lines are this file's, not the library's repeats
    try:
        data, source = read_file(job.path)
    except ReadError as exc:
        return _Failure(str(exc))
    except Exception as exc:  # a reader library's bug on a hostile file must not stop the others
        return _Failure(f"could not read ({type(exc).__name__}: {exc})")
    try:
        document = parse_source(source, job.path.name)
        if job.title is not None:
            document = replace(document, title=job.title, title_from="user")
        document = replace(document, targets=extract_targets(document))
        fts = (
            tuple(
                (segmenter.index_words(p.text), segmenter.chars(p.text)) for p, _, _ in document.paragraphs()
            )
            if segment
            else None
        )
        characters = (
            segmenter.character_passages(p.text for p, _, _ in document.paragraphs()) if segment else None
        )
    except Exception as exc:  # a parser bug must not stop the other files
        return _Failure(f"could not parse ({type(exc).__name__}: {exc})")
    return db.Prepared(
        document,
        hashlib.sha256(data).hexdigest(),
        job.display,
        job.key,
        len(data),
        source.encoding,
        source.format,
        fts,
        characters,
    )


def _write(
    writer: BatchWriter,
    job: _Job,
    prepared: db.Prepared | _Failure,
    step: Callable[[int, int], None] | None = None,
) -> ImportResult:
    if isinstance(prepared, _Failure):
        return ImportResult(job.display, "failed", prepared.reason)
    conn = writer.conn
    existed = db.find_source(conn, job.key) is not None
    try:
        document_id = writer.write(prepared, step)
    except sqlite3.Error as exc:
        _stop_if_full(exc)
        return ImportResult(job.display, "failed", f"database error: {exc}")
    except Exception as exc:  # segmenting happens here for inline imports: a bug must not stop the others
        return ImportResult(job.display, "failed", f"could not index ({type(exc).__name__}: {exc})")
    return _result(conn, job.display, "updated" if existed else "new", document_id)


def _stop_if_full(exc: sqlite3.Error) -> None:
    if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
        raise _Stop(f"the disk is full ({exc})") from None


def _commit(
    conn: sqlite3.Connection,
    writer: BatchWriter,
    results: list[ImportResult],
    batch: list[int],
    said: bool = False,
) -> list[int]:
    """Commit the open batch (``batch``: its files' places in ``results``) and return the next
    batch's, empty. Where the batch had to be written again file by file, say what came of each;
    a full disk is said once (unless ``said`` already), at the first file it stopped, and raises
    _Stop."""
    again = writer.commit()
    if again is None:
        return []
    stop: _Stop | None = None
    for i, outcome in zip(batch, again, strict=True):
        shown = results[i]
        if isinstance(outcome, sqlite3.Error):
            try:
                _stop_if_full(outcome)
            except _Stop as full:
                first = stop is None and not said
                results[i] = ImportResult(shown.path, "failed" if first else "stopped", str(full))
                stop = stop or full
                continue
            results[i] = ImportResult(shown.path, "failed", f"database error: {outcome}")
        else:
            results[i] = _result(conn, shown.path, shown.status, outcome)
    if stop is not None:
        raise stop
    return []
