"""The small framework the proofs share: claims, contexts, blocking helpers."""

import json
import os
import re
import threading
import time
import traceback

CLAIMS = []


class KnownFalse(Exception):
    """The server disproves something sqlrace prints: reported as XFAIL, not fixed here."""


def claim(dialect, ident, text, source=None):
    """Registers a proof. `source` is the testdata file whose sqlrace output it uses."""
    def wrap(fn):
        CLAIMS.append(dict(dialect=dialect, id=ident, text=text, source=source, fn=fn))
        return fn
    return wrap


def expect(cond, message):
    if not cond:
        raise AssertionError(message)


class Async:
    """Runs fn() in a thread; get() returns its result or raises its exception."""

    def __init__(self, fn, name="client"):
        self._result = None
        self._error = None
        self.thread = threading.Thread(target=self._run, args=(fn,), name=name, daemon=True)
        self.started = time.monotonic()
        self.finished = None
        self.thread.start()

    def _run(self, fn):
        try:
            self._result = fn()
        except BaseException as e:  # handed to the caller in get()
            self._error = e
        finally:
            self.finished = time.monotonic()

    def done(self):
        return not self.thread.is_alive()

    def get(self, timeout=10):
        self.thread.join(timeout)
        if self.thread.is_alive():
            raise AssertionError("a statement still had not returned after %g s" % timeout)
        if self._error is not None:
            raise self._error
        return self._result

    def error(self, timeout=10):
        """The exception the call raised (None if it returned)."""
        try:
            self.get(timeout)
        except AssertionError as e:
            if self.thread.is_alive():
                raise
            return e
        except Exception as e:
            return e
        return None


def wait_until(pred, timeout=5, what="condition", interval=0.02):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if pred():
            return
        time.sleep(interval)
    raise AssertionError("timed out after %g s waiting for %s" % (timeout, what))


def run_stress(threads, iterations, work):
    """Runs work(thread_index, iteration) on `threads` threads; returns the errors."""
    errors = []
    barrier = threading.Barrier(threads)

    def body(t):
        try:
            barrier.wait(timeout=30)
            for i in range(iterations):
                work(t, i)
        except Exception as e:
            errors.append("thread %d: %s" % (t, e))

    pool = [threading.Thread(target=body, args=(t,), daemon=True) for t in range(threads)]
    for p in pool:
        p.start()
    for p in pool:
        p.join(120)
        if p.is_alive():
            errors.append("a stress thread did not finish within 120 s")
    return errors


def pg_params(sql, values):
    """'$n' placeholders to psycopg2's %(pn)s; literal % doubled."""
    sql = sql.replace("%", "%%")
    sql = re.sub(r"\$(\d+)", lambda m: "%%(p%s)s" % m.group(1), sql)
    return sql, {"p%d" % (i + 1): v for i, v in enumerate(values)}


def mysql_params(sql, values):
    """'?' placeholders to PyMySQL's %s; literal % doubled."""
    if not values:
        return sql, None
    sql = sql.replace("%", "%%").replace("?", "%s")
    return sql, tuple(values)


def rule_codes(library):
    """The unique-violation codes and SQLSTATEs that rules/<library>.json tells sqlrace to expect."""
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "rules", library + ".json")
    with open(path, encoding="utf-8") as f:
        uv = json.load(f).get("unique_violation", {})
    return set(uv.get("codes", [])) | set(uv.get("sqlstates", []))


def describe_exception(e):
    return "".join(traceback.format_exception_only(type(e), e)).strip()
