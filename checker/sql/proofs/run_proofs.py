#!/usr/bin/env python3
"""Proves sqlrace's database claims against real servers started here.

Usage: run_proofs.py --sqlrace build/bin/sqlrace [--only SUBSTRING] [--dialect pg|mysql|sqlite]

Starts PostgreSQL 15 and MariaDB on 127.0.0.1 (free ports, sockets and data in
a temporary directory) and uses SQLite files there; runs every claim of
proofs_*.py, printing one PASS/FAIL line per claim; stops the servers and
removes the directory at the end, also on failure. A server that cannot start
fails the run (exit 1) with a message naming what is missing. See README.md.
"""

import argparse
import atexit
import os
import signal
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

MISSING = []
try:
    import psycopg2
    import psycopg2.extensions
except ImportError:
    MISSING.append("python3-psycopg2")
try:
    import pymysql
except ImportError:
    MISSING.append("python3-pymysql")

import harness  # noqa: E402
import servers  # noqa: E402
import sqlrace_output  # noqa: E402

DIALECTS = {"pg": "PostgreSQL", "mysql": "MariaDB", "sqlite": "SQLite"}


class Context:
    """What a proof gets: connections to the servers and sqlrace's reports."""

    def __init__(self, srv, sqlrace):
        self.srv = srv
        self.sqlrace = sqlrace
        self._reports = {}
        self._lock = threading.Lock()
        self._conns = []
        self._monitor_pg = None
        self._monitor_my = None

    # sqlrace's output, one run per testdata file
    def report(self, relpath):
        with self._lock:
            if relpath not in self._reports:
                try:
                    self._reports[relpath] = sqlrace_output.analyse(self.sqlrace, relpath)
                except Exception as e:  # kept, and raised for every proof that needs it
                    self._reports[relpath] = e
            rep = self._reports[relpath]
        if isinstance(rep, Exception):
            raise rep
        return rep

    def close_connections(self):
        for c in self._conns:
            try:
                c.close()
            except Exception:
                pass
        self._conns = []

    # PostgreSQL
    def pg_connect(self):
        c = psycopg2.connect(connect_timeout=5, **self.srv.pg)
        c.autocommit = True
        self._conns.append(c)
        return c

    def pg_wait_blocked(self, conn, timeout=5):
        """Waits until conn's backend waits for a lock (pg_stat_activity)."""
        if self._monitor_pg is None or self._monitor_pg.closed:
            self._monitor_pg = psycopg2.connect(**self.srv.pg)
            self._monitor_pg.autocommit = True
        pid = conn.get_backend_pid()

        def blocked():
            with self._monitor_pg.cursor() as cur:
                cur.execute("SELECT wait_event_type FROM pg_stat_activity WHERE pid = %s", (pid,))
                row = cur.fetchone()
                return row is not None and row[0] == "Lock"
        harness.wait_until(blocked, timeout, "backend %d to wait for a lock" % pid)

    # MariaDB
    def my_connect(self, **kw):
        c = pymysql.connect(host=self.srv.mysql["host"], port=self.srv.mysql["port"], user="root",
                            database="proofs", autocommit=True, connect_timeout=5, **kw)
        self._conns.append(c)
        return c

    def my_wait_blocked(self, conn, timeout=5):
        """Waits until conn's InnoDB transaction is in LOCK WAIT."""
        if self._monitor_my is None:
            self._monitor_my = pymysql.connect(host=self.srv.mysql["host"], port=self.srv.mysql["port"],
                                               user="root", autocommit=True)
        tid = conn.thread_id()

        def blocked():
            with self._monitor_my.cursor() as cur:
                cur.execute("SELECT trx_state FROM information_schema.INNODB_TRX WHERE trx_mysql_thread_id = %s",
                            (tid,))
                row = cur.fetchone()
                return row is not None and row[0] == "LOCK WAIT"
        try:
            # InnoDB refreshes its INFORMATION_SCHEMA transaction cache only
            # when it was not read for 0.1 s, so poll more slowly than that.
            harness.wait_until(blocked, timeout, "MariaDB thread %d to wait for a lock" % tid, interval=0.15)
        except AssertionError as e:
            with self._monitor_my.cursor() as cur:
                cur.execute("SELECT trx_mysql_thread_id, trx_state, trx_query FROM information_schema.INNODB_TRX")
                raise AssertionError("%s; InnoDB transactions: %s" % (e, cur.fetchall()))

    # SQLite
    def sqlite_path(self, name):
        path = self.srv.sqlite_path(name)
        for suffix in ("", "-journal", "-wal", "-shm"):
            if os.path.exists(path + suffix):
                os.remove(path + suffix)
        return path

    def close(self):
        self.close_connections()
        for m in (self._monitor_pg, self._monitor_my):
            try:
                if m is not None:
                    m.close()
            except Exception:
                pass


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sqlrace", required=True, help="path to the sqlrace executable")
    ap.add_argument("--only", help="run only claims whose id contains this text")
    ap.add_argument("--dialect", choices=sorted(DIALECTS), action="append",
                    help="run only this dialect's claims (repeatable)")
    args = ap.parse_args(argv)

    if MISSING:
        print("FAIL setup: missing Python modules for %s (interpreter %s); install the Debian packages %s "
              "(scripts/install-deps.sh does) and run the proofs with /usr/bin/python3"
              % (", ".join(MISSING), sys.executable, " ".join(MISSING)))
        return 1
    if not (os.path.isfile(args.sqlrace) and os.access(args.sqlrace, os.X_OK)):
        print("FAIL setup: sqlrace executable not found: %s (build it with scripts/build.sh)" % args.sqlrace)
        return 1

    import importlib
    for module in ("proofs_postgres", "proofs_mariadb", "proofs_sqlite"):
        if os.path.exists(os.path.join(HERE, module + ".py")):
            importlib.import_module(module)  # registers its claims
    wanted = {DIALECTS[d] for d in (args.dialect or DIALECTS)}
    claims = [c for c in harness.CLAIMS
              if c["dialect"] in wanted and (not args.only or args.only in c["id"])]

    started = time.monotonic()
    srv = servers.Servers()
    atexit.register(srv.close)

    def on_signal(signum, _frame):
        srv.close()
        sys.exit(128 + signum)
    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)

    ctx = Context(srv, args.sqlrace)
    passed = failed = known_false = 0
    try:
        # sqlrace runs in the background while the servers start.
        sources = sorted({c["source"] for c in claims if c["source"]})
        warm = threading.Thread(target=lambda: [_quiet(ctx.report, s) for s in sources], daemon=True)
        warm.start()
        dialects = {c["dialect"] for c in claims}
        try:
            if "PostgreSQL" in dialects:
                pg = srv.start_postgres()
                print("started PostgreSQL 15 on 127.0.0.1:%d" % pg["port"])
            if "MariaDB" in dialects:
                my = srv.start_mariadb()
                print("started MariaDB on 127.0.0.1:%d" % my["port"])
        except servers.ServerError as e:
            print("FAIL setup: %s" % e)
            return 1
        sys.stdout.flush()
        warm.join()
        for c in claims:
            t0 = time.monotonic()
            try:
                status, detail = harness.judge(c, ctx)
            finally:
                ctx.close_connections()
            # XFAIL (a claim marked open, still false) counts with the passes,
            # like testdata's XFAIL; XPASS (marked open, now true) fails.
            if status in harness.PASSING:
                passed += 1
            else:
                failed += 1
            known_false += status == "XFAIL"
            if status == "PASS":
                print("PASS [%s] %s: %s -- %s (%.1f s)" % (c["dialect"], c["id"], c["text"], detail,
                                                         time.monotonic() - t0))
            else:
                print("%s [%s] %s: %s\n    %s" % (status, c["dialect"], c["id"], c["text"], detail))
            sys.stdout.flush()
    finally:
        ctx.close()
        srv.close()
    print("proofs took %.1f s" % (time.monotonic() - started))
    if known_false:
        print("%d claim(s) of sqlrace marked open and still disproved by the servers (XFAIL lines above; "
              "see README.md)" % known_false)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not (passed or failed) else 0


def _quiet(fn, arg):
    try:
        fn(arg)
    except Exception:
        pass


if __name__ == "__main__":
    sys.exit(main())
