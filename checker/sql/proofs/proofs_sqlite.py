"""SQLite (the system libsqlite3 through Python's sqlite3): races, rewrites, reasons."""

import ctypes
import ctypes.util
import re
import sqlite3
import threading
import time

from harness import Async, KnownFalse, claim, expect, rule_codes, run_stress, wait_until

D = "SQLite"
CTI = "sqlrace-check-then-insert"
UUV = "sqlrace-unhandled-unique-violation"
RMW = "sqlrace-read-modify-write"
CTU = "sqlrace-check-then-update"
SQLITE_BUSY, SQLITE_CONSTRAINT = 5, 19
SQLITE_BUSY_SNAPSHOT, SQLITE_CONSTRAINT_UNIQUE, SQLITE_CONSTRAINT_PRIMARYKEY = 517, 2067, 1555


def connect(path, timeout=5.0):
    # isolation_level=None: no implicit BEGIN; the proofs send BEGIN themselves.
    return sqlite3.connect(path, timeout=timeout, isolation_level=None, check_same_thread=False)


class WaitingClient:
    """A client that says when it waits for another one's lock.

    Python's sqlite3 module has no busy-handler hook: a proof could only sleep
    and hope the other client had reached its lock wait by then. This client
    talks to the same system libsqlite3 through ctypes and installs a busy
    handler, so a proof polls `waiting` (set when SQLite reports the database
    busy and the handler starts waiting) as the PostgreSQL and MariaDB proofs
    poll the server's lock tables. Like connect(), it gives up after `timeout`
    seconds of waiting for one lock."""

    _lib = None
    _HANDLER = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.c_void_p, ctypes.c_int)
    _ROW, _DONE = 100, 101
    _INTEGER, _FLOAT, _TEXT, _NULL = 1, 2, 3, 5

    @classmethod
    def lib(cls):
        if cls._lib is None:
            lib = ctypes.CDLL(ctypes.util.find_library("sqlite3") or "libsqlite3.so.0")
            vp, ip, cp = ctypes.c_void_p, ctypes.c_int, ctypes.c_char_p
            for name, res, args in (
                    ("sqlite3_open_v2", ip, [cp, ctypes.POINTER(vp), ip, cp]),
                    ("sqlite3_close_v2", ip, [vp]),
                    ("sqlite3_busy_handler", ip, [vp, cls._HANDLER, vp]),
                    ("sqlite3_prepare_v2", ip, [vp, cp, ip, ctypes.POINTER(vp), vp]),
                    ("sqlite3_bind_int64", ip, [vp, ip, ctypes.c_int64]),
                    ("sqlite3_bind_text", ip, [vp, ip, cp, ip, vp]),
                    ("sqlite3_step", ip, [vp]),
                    ("sqlite3_column_count", ip, [vp]),
                    ("sqlite3_column_type", ip, [vp, ip]),
                    ("sqlite3_column_int64", ctypes.c_int64, [vp, ip]),
                    ("sqlite3_column_double", ctypes.c_double, [vp, ip]),
                    ("sqlite3_column_text", cp, [vp, ip]),
                    ("sqlite3_finalize", ip, [vp]),
                    ("sqlite3_total_changes", ip, [vp]),
                    ("sqlite3_extended_errcode", ip, [vp]),
                    ("sqlite3_errmsg", cp, [vp])):
                fn = getattr(lib, name)
                fn.restype, fn.argtypes = res, args
            cls._lib = lib
        return cls._lib

    def __init__(self, path, timeout=5.0):
        lib = self.lib()
        self.db = ctypes.c_void_p()
        self.waiting = threading.Event()
        self.timeout = timeout
        self._since = None
        if lib.sqlite3_open_v2(path.encode(), ctypes.byref(self.db), 0x2, None) != 0:  # SQLITE_OPEN_READWRITE
            raise sqlite3.OperationalError("cannot open %s" % path)

        def busy(_arg, count):
            now = time.monotonic()
            if count == 0:
                self._since = now
            self.waiting.set()
            if now - self._since >= self.timeout:
                return 0  # give up: the statement fails with SQLITE_BUSY
            time.sleep(0.005)
            return 1
        self._busy = self._HANDLER(busy)  # kept alive as long as the connection
        lib.sqlite3_busy_handler(self.db, self._busy, None)

    def _error(self, rc):
        e = sqlite3.OperationalError(self.lib().sqlite3_errmsg(self.db).decode())
        e.sqlite_errorcode = self.lib().sqlite3_extended_errcode(self.db)
        return e

    def ex(self, sql, *values):
        """Runs one statement; returns (rows, changes) as ex() does."""
        lib = self.lib()
        stmt = ctypes.c_void_p()
        if lib.sqlite3_prepare_v2(self.db, sql.encode(), -1, ctypes.byref(stmt), None) != 0:
            raise self._error(None)
        try:
            for i, v in enumerate(values, start=1):
                if isinstance(v, int):
                    lib.sqlite3_bind_int64(stmt, i, v)
                else:
                    data = str(v).encode()
                    lib.sqlite3_bind_text(stmt, i, data, len(data), ctypes.c_void_p(-1))  # SQLITE_TRANSIENT
            before = lib.sqlite3_total_changes(self.db)
            rows = []
            while True:
                rc = lib.sqlite3_step(stmt)
                if rc == self._DONE:
                    break
                if rc != self._ROW:
                    raise self._error(rc)
                row = []
                for c in range(lib.sqlite3_column_count(stmt)):
                    kind = lib.sqlite3_column_type(stmt, c)
                    row.append(lib.sqlite3_column_int64(stmt, c) if kind == self._INTEGER else
                               lib.sqlite3_column_double(stmt, c) if kind == self._FLOAT else
                               None if kind == self._NULL else lib.sqlite3_column_text(stmt, c).decode())
                rows.append(tuple(row))
            return rows, lib.sqlite3_total_changes(self.db) - before
        finally:
            lib.sqlite3_finalize(stmt)

    def close(self):
        if self.db:
            self.lib().sqlite3_close_v2(self.db)
            self.db = ctypes.c_void_p()

    __del__ = close


def ex(conn, sql, *values):
    """Runs one statement; returns (rows, changes)."""
    if isinstance(conn, WaitingClient):
        return conn.ex(sql, *values)
    before = conn.total_changes
    rows = conn.execute(sql, values).fetchall()
    return rows, conn.total_changes - before


def code(e):
    return getattr(e, "sqlite_errorcode", None)


def database(ctx, name, *ddl, wal=False):
    path = ctx.sqlite_path(name)
    c = connect(path)
    if wal:
        ex(c, "PRAGMA journal_mode=WAL")
    for stmt in ddl:
        ex(c, stmt)
    return path, c


def rewrite_of(ctx, relpath, check):
    f = ctx.report(relpath).only(check)
    rw = f.rewrite()
    expect(rw is not None, "%s: sqlrace printed no atomic rewrite; notes: %s" % (relpath, f.notes))
    expect(rw[0] == D, "%s: rewrite is for %r" % (relpath, rw[0]))
    return rw[1], rw[2]


# --- (a) the racy patterns go wrong ------------------------------------------

@claim(D, "sq-cti-duplicate", "check-then-insert in autocommit without a unique key stores the row twice",
       "check-then-insert/sqlite3-step-done.cpp")
def sq_cti_duplicate(ctx):
    ctx.report("check-then-insert/sqlite3-step-done.cpp").only(CTI)
    path, m = database(ctx, "cti.db", "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT)")
    a, b = connect(path), connect(path)
    for c in (a, b):
        expect(ex(c, "SELECT 1 FROM tags WHERE name = ?1", "urgent")[0] == [], "absent")
    for c in (a, b):
        ex(c, "INSERT INTO tags(name) VALUES (?1)", "urgent")
    n = ex(m, "SELECT count(*) FROM tags")[0][0][0]
    expect(n == 2, "expected 2 rows, got %d" % n)
    return "2 rows for one name"


@claim(D, "sq-uuv-constraint", "with a UNIQUE index or a PRIMARY KEY and no handling, the second INSERT fails with "
       "SQLITE_CONSTRAINT (19), extended SQLITE_CONSTRAINT_UNIQUE (2067) / SQLITE_CONSTRAINT_PRIMARYKEY (1555)",
       "unhandled-unique-violation/sqlite3-ddl-in-code-unique-index.cpp")
def sq_uuv_codes(ctx):
    cases = (("unhandled-unique-violation/sqlite3-ddl-in-code-unique-index.cpp",
              ("CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
               "CREATE UNIQUE INDEX tags_name ON tags(name)"),
              "SELECT 1 FROM tags WHERE name = ?", "INSERT INTO tags(name) VALUES (?)", ("urgent",),
              SQLITE_CONSTRAINT_UNIQUE),
             ("unhandled-unique-violation/sqlite3-text-primary-key.cpp",
              ("CREATE TABLE settings (name TEXT PRIMARY KEY, value TEXT)",),
              "SELECT value FROM settings WHERE name = 'theme'",
              "INSERT INTO settings(name, value) VALUES ('theme', 'light')", (), SQLITE_CONSTRAINT_PRIMARYKEY))
    out = []
    for rel, ddl, check, insert, params, want in cases:
        ctx.report(rel).only(UUV)
        path, _ = database(ctx, "uuv.db", *ddl)
        a, b = connect(path), connect(path)
        for c in (a, b):
            expect(ex(c, check, *params)[0] == [], "absent")
        ex(a, insert, *params)
        try:
            ex(b, insert, *params)
            err = None
        except sqlite3.Error as e:
            err = e
        expect(isinstance(err, sqlite3.IntegrityError) and code(err) == want and code(err) & 0xFF == SQLITE_CONSTRAINT,
               "%s: B got %r (code %s), want %d" % (rel, err, code(err), want))
        listed = rule_codes("sqlite3")
        expect(code(err) in listed and code(err) & 0xFF in listed,
               "rules/sqlite3.json lists %s, not %d and %d" % (sorted(listed), code(err), code(err) & 0xFF))
        out.append("%d (%s)" % (want, err))
    return "; ".join(out) + "; both codes listed in rules/sqlite3.json"


@claim(D, "sq-rmw-lost-update", "read-modify-write in autocommit loses an update",
       "read-modify-write/sqlite3-balance-bind-int64.cpp")
def sq_rmw_lost(ctx):
    ctx.report("read-modify-write/sqlite3-balance-bind-int64.cpp").only(RMW)
    path, m = database(ctx, "rmw.db", "CREATE TABLE wallets (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)",
                       "INSERT INTO wallets VALUES (7, 100)")
    a, b = connect(path), connect(path)
    va = ex(a, "SELECT balance FROM wallets WHERE id = ?", 7)[0][0][0]
    vb = ex(b, "SELECT balance FROM wallets WHERE id = ?", 7)[0][0][0]
    ex(a, "UPDATE wallets SET balance = ? WHERE id = ?", va - 30, 7)
    ex(b, "UPDATE wallets SET balance = ? WHERE id = ?", vb - 50, 7)
    final = ex(m, "SELECT balance FROM wallets WHERE id = 7")[0][0][0]
    expect(final == 50, "expected 50, got %d" % final)
    return "100 - 30 - 50 left 50, not 20"


@claim(D, "sq-ctu-stale", "check-then-update claims one queued job for two workers",
       "check-then-update/sqlite3-job-claim-early-return.cpp")
def sq_ctu_stale(ctx):
    ctx.report("check-then-update/sqlite3-job-claim-early-return.cpp").only(CTU)
    path, m = database(ctx, "ctu.db", "CREATE TABLE jobs (id INTEGER PRIMARY KEY, state TEXT, worker TEXT)",
                       "INSERT INTO jobs VALUES (1, 'queued', NULL)")
    a, b = connect(path), connect(path)
    ran = []
    states = [(w, ex(c, "SELECT state FROM jobs WHERE id = ?", 1)[0][0][0]) for w, c in (("A", a), ("B", b))]
    for (w, state), c in zip(states, (a, b)):
        if state == "queued":
            ex(c, "UPDATE jobs SET state = 'running', worker = ? WHERE id = ?", w, 1)
            ran.append(w)
    expect(ran == ["A", "B"], "workers that claimed the job: %s" % ran)
    return "both workers claimed job 1"


# --- (b) the rewrites are race-free ------------------------------------------

def _or_ignore(sql):
    """The 'INSERT OR IGNORE' alternative the note names, from the ON CONFLICT rewrite."""
    m = re.match(r"INSERT INTO (.*) ON CONFLICT \([^)]*\)(?: WHERE .*)? DO NOTHING$", sql)
    expect(m is not None, "cannot derive INSERT OR IGNORE from %r" % sql)
    return "INSERT OR IGNORE INTO " + m.group(1)


@claim(D, "sq-cti-rewrite", "the printed ON CONFLICT DO NOTHING rewrite and the INSERT OR IGNORE it names leave "
       "one row and no error, also when the second client must wait for the first one's open transaction",
       "check-then-insert/sqlite3-step-done.cpp")
def sq_cti_rewrite(ctx):
    sql, note = rewrite_of(ctx, "check-then-insert/sqlite3-step-done.cpp", CTI)
    expect(", or INSERT OR IGNORE" in note, "note changed: %s" % note)
    out = []
    for form in (sql, _or_ignore(sql)):
        path, m = database(ctx, "rw.db", "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT, UNIQUE (name))")
        a, b = connect(path), WaitingClient(path)
        # Interleaved checks, then both inserts.
        for c in (a, b):
            expect(ex(c, "SELECT 1 FROM tags WHERE name = ?1", "urgent")[0] == [], "absent")
        na, nb = ex(a, form, "urgent")[1], ex(b, form, "urgent")[1]
        # The second client arrives while the first one's insert is uncommitted.
        ex(a, "BEGIN IMMEDIATE")
        ex(a, form, "later")
        call = Async(lambda: ex(b, form, "later")[1])
        wait_until(b.waiting.is_set, what="B's insert to wait for A's write lock")
        expect(not call.done(), "B's insert returned instead of waiting for A's write lock")
        ex(a, "COMMIT")
        nb2 = call.get()
        rows = ex(m, "SELECT name, count(*) FROM tags GROUP BY name ORDER BY name")[0]
        expect((na, nb, nb2) == (1, 0, 0) and rows == [("later", 1), ("urgent", 1)],
               "%s: changes A=%d B=%d B(after wait)=%d rows=%s" % (form, na, nb, nb2, rows))
        b.close()
        out.append(form)
    return "; ".join(out) + ": 1 row each, the loser 0 changes"


@claim(D, "sq-uuv-rewrite", "the printed rewrite for the unhandled constraint error raises none, and "
       "sqlite3_changes tells the new row (1) from the existing one (0)",
       "unhandled-unique-violation/sqlite3-ddl-in-code-unique-index.cpp")
def sq_uuv_rewrite(ctx):
    sql, _ = rewrite_of(ctx, "unhandled-unique-violation/sqlite3-ddl-in-code-unique-index.cpp", UUV)
    path, m = database(ctx, "uuvrw.db", "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT NOT NULL)",
                       "CREATE UNIQUE INDEX tags_name ON tags(name)")
    a, b = connect(path), connect(path)
    for c in (a, b):
        expect(ex(c, "SELECT 1 FROM tags WHERE name = ?", "urgent")[0] == [], "absent")
    na, nb = ex(a, sql, "urgent")[1], ex(b, sql, "urgent")[1]
    n = ex(m, "SELECT count(*) FROM tags")[0][0][0]
    expect((na, nb, n) == (1, 0, 1), "changes A=%d B=%d rows=%d" % (na, nb, n))
    return sql


@claim(D, "sq-rmw-rewrite", "the printed self-relative UPDATE loses no update",
       "read-modify-write/sqlite3-balance-bind-int64.cpp")
def sq_rmw_rewrite(ctx):
    sql, _ = rewrite_of(ctx, "read-modify-write/sqlite3-balance-bind-int64.cpp", RMW)
    expect(sql == "UPDATE wallets SET balance = balance - ? WHERE id = ?", "unexpected rewrite %r" % sql)
    path, m = database(ctx, "rmwrw.db", "CREATE TABLE wallets (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)",
                       "INSERT INTO wallets VALUES (7, 100)")
    a, b = connect(path), connect(path)
    ex(a, "SELECT balance FROM wallets WHERE id = ?", 7)
    ex(b, "SELECT balance FROM wallets WHERE id = ?", 7)
    ex(a, sql, 30, 7)
    ex(b, sql, 50, 7)
    final = ex(m, "SELECT balance FROM wallets WHERE id = 7")[0][0][0]
    expect(final == 20, "expected 20, got %d" % final)
    return "%s: 100 - 30 - 50 = 20" % sql


@claim(D, "sq-ctu-guarded", "the guarded UPDATE (reported as safe) gives the job to one worker: the other "
       "sees sqlite3_changes() == 0", "check-then-update/sqlite3-clean-guarded-changes.cpp")
def sq_ctu_guarded(ctx):
    rep = ctx.report("check-then-update/sqlite3-clean-guarded-changes.cpp")
    expect(rep.findings == [], "sqlrace reports it: %s" % [f.message for f in rep.findings])
    path, m = database(ctx, "ctug.db", "CREATE TABLE jobs (id INTEGER PRIMARY KEY, state TEXT, worker TEXT)",
                       "INSERT INTO jobs VALUES (1, 'queued', NULL)")
    a, b = connect(path), connect(path)
    for c in (a, b):
        expect(ex(c, "SELECT state FROM jobs WHERE id = ?", 1)[0][0][0] == "queued", "queued")
    upd = "UPDATE jobs SET state = 'running', worker = ? WHERE id = ? AND state = 'queued'"
    na, nb = ex(a, upd, "A", 1)[1], ex(b, upd, "B", 1)[1]
    expect((na, nb) == (1, 0), "changes A=%d B=%d" % (na, nb))
    return "A 1 change, B 0"


@claim(D, "sq-stress", "stress: 4 threads x 60 keys through the printed ON CONFLICT rewrite give no duplicate, "
       "and 4 x 60 self-relative updates give the exact total", "check-then-insert/sqlite3-step-done.cpp")
def sq_stress(ctx):
    ins, _ = rewrite_of(ctx, "check-then-insert/sqlite3-step-done.cpp", CTI)
    upd, _ = rewrite_of(ctx, "read-modify-write/sqlite3-balance-bind-int64.cpp", RMW)
    path, m = database(ctx, "stress.db", "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT, UNIQUE (name))",
                       "CREATE TABLE wallets (id INTEGER PRIMARY KEY, balance INTEGER NOT NULL)",
                       "INSERT INTO wallets VALUES (7, 100000)", wal=True)
    threads, iters = 4, 60
    conns = [connect(path, timeout=30) for _ in range(threads)]
    inserted = [0] * threads

    def work(t, i):
        ex(conns[t], "SELECT 1 FROM tags WHERE name = ?1", "t%d" % i)
        inserted[t] += ex(conns[t], ins, "t%d" % i)[1]
        ex(conns[t], upd, 1, 7)
    errors = run_stress(threads, iters, work)
    expect(not errors, "; ".join(errors[:3]))
    rows, distinct = ex(m, "SELECT count(*), count(DISTINCT name) FROM tags")[0][0]
    bal = ex(m, "SELECT balance FROM wallets WHERE id = 7")[0][0][0]
    expect(rows == iters and distinct == iters and sum(inserted) == iters,
           "rows=%d distinct=%d inserted=%d" % (rows, distinct, sum(inserted)))
    expect(bal == 100000 - threads * iters, "balance %d" % bal)
    return "%d rows, 0 duplicates; balance exact after %d decrements" % (rows, threads * iters)


# --- (c) what protects and what does not ---------------------------------------

@claim(D, "sq-deferred-begin", "a plain (deferred) BEGIN around check and insert (reported as safe) stores no "
       "duplicate: both read, the second writer gets SQLITE_BUSY at once (rollback journal and WAL), or "
       "SQLITE_BUSY_SNAPSHOT when the first has committed (WAL)", "check-then-insert/sqlite3-clean-plain-begin.cpp")
def sq_deferred(ctx):
    rep = ctx.report("check-then-insert/sqlite3-clean-plain-begin.cpp")
    expect(rep.findings == [], "sqlrace reports it: %s" % [f.message for f in rep.findings])
    out = []
    for mode, commit_first, want in (("delete", False, SQLITE_BUSY), ("wal", False, SQLITE_BUSY),
                                     ("wal", True, SQLITE_BUSY_SNAPSHOT)):
        path, m = database(ctx, "deferred-%s.db" % mode, "CREATE TABLE bookmarks (id INTEGER PRIMARY KEY, url TEXT)",
                           wal=(mode == "wal"))
        a, b = connect(path, timeout=2), connect(path, timeout=2)
        for c in (a, b):
            ex(c, "BEGIN")
            expect(ex(c, "SELECT 1 FROM bookmarks WHERE url = ?", "https://x")[0] == [], "absent")
        ex(a, "INSERT INTO bookmarks(url) VALUES (?)", "https://x")
        if commit_first:
            ex(a, "COMMIT")
        t0 = time.monotonic()
        try:
            ex(b, "INSERT INTO bookmarks(url) VALUES (?)", "https://x")
            err = None
        except sqlite3.OperationalError as e:
            err = e
        waited = time.monotonic() - t0
        ex(b, "ROLLBACK")
        if not commit_first:
            ex(a, "COMMIT")
        n = ex(m, "SELECT count(*) FROM bookmarks")[0][0][0]
        expect(err is not None and code(err) == want and n == 1,
               "%s: B got %r (code %s), rows=%d (want code %d, 1 row)" % (mode, err, code(err), n, want))
        expect(waited < 1.0, "%s: B's error came after %.1f s, not at once (busy timeout 2 s)" % (mode, waited))
        out.append("%s%s: %d" % (mode, ", A committed first" if commit_first else "", want))
    return "1 row each; B's error: " + ", ".join(out)


@claim(D, "sq-begin-immediate", "BEGIN IMMEDIATE (reported as safe) serialises: the second BEGIN IMMEDIATE waits, "
       "then its check sees the first client's row; one row, no error",
       "check-then-insert/sqlite3-clean-begin-immediate.cpp")
def sq_immediate(ctx):
    rep = ctx.report("check-then-insert/sqlite3-clean-begin-immediate.cpp")
    expect(rep.findings == [], "sqlrace reports it: %s" % [f.message for f in rep.findings])
    path, m = database(ctx, "immediate.db", "CREATE TABLE tags (id INTEGER PRIMARY KEY, name TEXT)")
    a, b = connect(path), WaitingClient(path)

    def client(c):
        ex(c, "BEGIN IMMEDIATE")
        if ex(c, "SELECT 1 FROM tags WHERE name = ?", "urgent")[0] == []:
            ex(c, "INSERT INTO tags(name) VALUES (?)", "urgent")
            ex(c, "COMMIT")
            return "inserted"
        ex(c, "COMMIT")
        return "found"
    ex(a, "BEGIN IMMEDIATE")
    call = Async(lambda: client(b))
    wait_until(b.waiting.is_set, what="B's BEGIN IMMEDIATE to wait for A's")
    expect(not call.done(), "B's BEGIN IMMEDIATE returned instead of waiting")
    expect(ex(a, "SELECT 1 FROM tags WHERE name = ?", "urgent")[0] == [], "A: absent")
    ex(a, "INSERT INTO tags(name) VALUES (?)", "urgent")
    ex(a, "COMMIT")
    got = call.get()
    b.close()
    n = ex(m, "SELECT count(*) FROM tags")[0][0][0]
    expect(got == "found" and n == 1, "B: %s, rows=%d" % (got, n))
    return "B waited, then found A's row"


@claim(D, "sq-rmw-deferred", "read-modify-write in a deferred transaction (reported as safe) loses nothing: the "
       "second writer gets SQLITE_BUSY and must retry", "read-modify-write/sqlite3-clean-deferred-begin.cpp")
def sq_rmw_deferred(ctx):
    rep = ctx.report("read-modify-write/sqlite3-clean-deferred-begin.cpp")
    expect(rep.findings == [], "sqlrace reports it: %s" % [f.message for f in rep.findings])
    path, m = database(ctx, "rmwdef.db", "CREATE TABLE inventory (sku TEXT PRIMARY KEY, on_hand INTEGER)",
                       "INSERT INTO inventory VALUES ('A-1', 10)")
    a, b = connect(path, timeout=2), connect(path, timeout=2)
    vals = []
    for c in (a, b):
        ex(c, "BEGIN")
        vals.append(ex(c, "SELECT on_hand FROM inventory WHERE sku = ?", "A-1")[0][0][0])
    ex(a, "UPDATE inventory SET on_hand = ? WHERE sku = ?", vals[0] + 5, "A-1")
    try:
        ex(b, "UPDATE inventory SET on_hand = ? WHERE sku = ?", vals[1] + 3, "A-1")
        err = None
    except sqlite3.OperationalError as e:
        err = e
    ex(b, "ROLLBACK")
    ex(a, "COMMIT")
    final = ex(m, "SELECT on_hand FROM inventory")[0][0][0]
    expect(code(err) == SQLITE_BUSY and final == 15, "B got %r, final %d (want SQLITE_BUSY, 15)" % (err, final))
    return "B got SQLITE_BUSY; A's +5 kept"


@claim(D, "sq-no-for-update", "SQLite has no SELECT ... FOR UPDATE (a syntax error), so sqlrace's "
       "check-then-update and read-modify-write notes for SQLite code name BEGIN IMMEDIATE instead",
       "check-then-update/sqlite3-job-claim-early-return.cpp")
def sq_no_for_update(ctx):
    path, m = database(ctx, "forupdate.db", "CREATE TABLE jobs (id INTEGER PRIMARY KEY, state TEXT)")
    try:
        ex(m, "SELECT state FROM jobs WHERE id = 1 FOR UPDATE")
        err = None
    except sqlite3.OperationalError as e:
        err = e
    expect(err is not None and "syntax error" in str(err), "FOR UPDATE did not fail: %r" % (err,))
    said = []
    for rel, check in (("check-then-update/sqlite3-job-claim-early-return.cpp", CTU),
                       ("read-modify-write/sqlite3-balance-bind-int64.cpp", RMW)):
        for n in ctx.report(rel).only(check).notes:
            if "FOR UPDATE" in n:
                said.append("%s: %r" % (rel, n))
    if said:
        raise KnownFalse("SQLite rejects FOR UPDATE (%s), but sqlrace advises it for SQLite code: %s"
                         % (err, "; ".join(said)))
    return "FOR UPDATE is a syntax error, and sqlrace no longer names it for SQLite"
