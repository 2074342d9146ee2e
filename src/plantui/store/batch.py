"""Writing many documents: a transaction for a batch of them, each in a savepoint of its own,
and their full-text rows indexed once at the end of the batch.

FTS5 writes the rows it holds in memory to a new segment of the index whenever a statement
opens a savepoint (an upsert does) and at every commit: written one document a transaction,
each document made a small segment that later merges had to rewrite, and each segment repeats
the keys of the character pairs it holds. Indexed a batch at a time, the writer does 30% less
work and the index is smaller (measured in benchmarks/bench_import.py and bench_scale.py).

A document that fails is rolled back to its savepoint alone; if the batch itself cannot be
committed, it is rolled back whole and its documents are written again one by one, so one bad
document never costs the others and a failed import leaves the database as it was.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable

from plantui.store.write import Held, Prepared, write_document, write_rows

# characters of passage text a batch holds before it is indexed and committed (about 40 MB of
# rows held in memory)
BATCH_CHARS = 2_000_000
# FTS5's memory for rows not yet written to a segment: enough for a batch, so that one batch
# makes one segment
_HASH_BYTES = 128 * 1024 * 1024


class BatchWriter:
    """Writes documents in batches (see the module's docstring): ``write`` each, ``commit`` when
    ``full`` and at the end (``keep`` on Ctrl-C, ``abandon`` when the import stops)."""

    def __init__(self, conn: sqlite3.Connection, fingerprint: str, limit: int | None = None) -> None:
        self.conn = conn
        self.fingerprint = fingerprint
        self.limit = BATCH_CHARS if limit is None else limit
        self.held = Held()
        self.batch: list[Prepared] = []  # written in the open transaction, in order
        self.lost = False  # the open transaction was rolled back under the batch
        self.committing = False  # indexing the held rows and committing

    def write(self, prepared: Prepared, on_step: Callable[[int, int], None] | None = None) -> int:
        """Write one document in the open batch; return its id. An sqlite3.Error rolls back this
        document alone and is raised."""
        conn = self.conn
        if not self.batch:
            if conn.in_transaction:  # the caller's open transaction ends first, as with `with conn`
                conn.commit()
            # the write lock at once, waited for (a reader that turns writer can fail without waiting)
            conn.execute("BEGIN IMMEDIATE")
            # (stored in the database, but set with every batch: a first batch rolled back takes
            # the setting with it)
            for table in ("passages_fts", "passages_words"):
                conn.execute(f"INSERT INTO {table} ({table}, rank) VALUES ('hashsize', ?)", (_HASH_BYTES,))
        # the rows held before this document: held again if it fails (rows indexed while it
        # was written, before a removal, go back with its savepoint)
        before = Held(list(self.held.entries), list(self.held.plans), self.held.chars)
        conn.execute("SAVEPOINT document")
        try:
            document_id = write_rows(conn, prepared, self.fingerprint, on_step, self.held)
        except BaseException:
            if not conn.in_transaction:
                # SQLite rolled the whole transaction back (a full disk can): the batch's
                # documents are written again one by one at commit
                self.lost = True
            else:
                conn.execute("ROLLBACK TO document")
                conn.execute("RELEASE document")
                self.held = before
                if not self.batch:
                    conn.rollback()
            raise
        conn.execute("RELEASE document")
        self.batch.append(prepared)
        return document_id

    @property
    def full(self) -> bool:
        return self.held.chars >= self.limit

    def commit(self) -> list[int | sqlite3.Error] | None:
        """Index the held rows and commit the batch: None. Where that fails, the batch is rolled
        back and its documents written again one transaction each: for each, in order, its new
        id or the error that stopped it."""
        batch, self.batch = self.batch, []
        lost, self.lost = self.lost, False
        if not batch:
            return None
        try:
            if lost:
                raise sqlite3.OperationalError("the batch was rolled back")
            self.committing = True
            self.held.index(self.conn)
            self.conn.commit()
        except sqlite3.Error:
            if self.conn.in_transaction:
                self.conn.rollback()
            self.held = Held()
            again: list[int | sqlite3.Error] = []
            full: sqlite3.Error | None = None
            for prepared in batch:
                if full is not None:  # a full disk stops the rest: the same error for each
                    again.append(full)
                    continue
                try:
                    again.append(write_document(self.conn, prepared, self.fingerprint))
                except sqlite3.Error as exc:
                    again.append(exc)
                    if getattr(exc, "sqlite_errorcode", None) == sqlite3.SQLITE_FULL:
                        full = exc
            return again
        finally:
            self.committing = False
        return None

    def keep(self) -> None:
        """Commit the documents written so far, if the batch is whole (an interrupted import keeps
        the files it finished); roll back otherwise."""
        if self.committing or self.lost or not self.conn.in_transaction:
            self.abandon()
            return
        self.commit()

    def abandon(self) -> None:
        """Roll back the open batch (the import stops)."""
        self.batch = []
        self.held = Held()
        self.lost = False
        if self.conn.in_transaction:
            self.conn.rollback()
