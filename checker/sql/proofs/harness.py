"""The small framework the proofs share: claims, contexts, blocking helpers."""

import json
import os
import re
import threading
import time
import traceback

CLAIMS = []


class KnownFalse(Exception):
    """The server disproves something sqlrace prints. Only a claim registered
    with open=... may end this way and pass (as XFAIL); see judge()."""


def claim(dialect, ident, text, source=None, open=None):
    """Registers a proof. `source` is the testdata file whose sqlrace output it uses.

    `open` marks a claim of sqlrace that the servers are known to disprove and
    that is not fixed yet: a sentence saying what is wrong. Such a proof is
    expected to raise KnownFalse (XFAIL); if it passes, the mark is stale and
    the run fails (XPASS)."""
    def wrap(fn):
        CLAIMS.append(dict(dialect=dialect, id=ident, text=text, source=source, fn=fn, open=open))
        return fn
    return wrap


def judge(entry, ctx):
    """Runs one registered claim. Returns (status, detail): status is PASS or
    XFAIL (both count as passed), or FAIL or XPASS (both count as failed).

    - passes, not marked open: PASS
    - raises KnownFalse, marked open: XFAIL, the claim is still known false
    - passes, marked open: XPASS, the mark is stale (remove open=...)
    - raises KnownFalse, not marked open: FAIL, a claim found false anew
    - raises anything else: FAIL, the proof itself did not run through
    """
    try:
        detail = entry["fn"](ctx) or ""
    except KnownFalse as e:
        if entry.get("open"):
            return "XFAIL", "%s (open: %s)" % (e, entry["open"])
        return "FAIL", ("sqlrace's claim is false: %s. Fix it, or, if it cannot be fixed now, register the "
                        "claim with open=<what is wrong> and list it in README.md" % e)
    except Exception as e:
        return "FAIL", describe_exception(e)
    if entry.get("open"):
        return "XPASS", ("marked open (%s), but the claim now holds (%s): remove open= from its @claim and "
                         "its entry under 'Claims found false' in README.md" % (entry["open"], detail))
    return "PASS", detail


PASSING = ("PASS", "XFAIL")


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
