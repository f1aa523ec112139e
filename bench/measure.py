"""Helpers shared by the bench scripts: run one command and measure it.

Every run is measured on its own: wall time around the child, and from the
rusage the kernel reports for that child when it is reaped (os.wait4) its
CPU time (user + system) and peak resident set size (ru_maxrss, KiB on
Linux). Standard library only.
"""

import os
import shutil
import statistics
import subprocess
import tempfile
import threading
import time


class Run:
    """One finished (or killed) run of a command."""

    def __init__(self, wall, cpu, rss_kib, rc, stdout, stderr, timed_out):
        self.wall = wall            # seconds
        self.cpu = cpu              # user + system CPU seconds of the child
        self.rss_kib = rss_kib      # peak RSS of the child
        self.rc = rc                # exit status (negative: killed by that signal)
        self.stdout = stdout        # text when captured, else None
        self.stderr = stderr        # last few KB of standard error
        self.timed_out = timed_out


def run_once(argv, cwd=None, timeout=None, capture_stdout=False):
    """Runs argv once and returns a Run.

    Output goes to temporary files, not pipes, so a child that writes a lot
    cannot block on a full pipe while we wait for it. With a timeout the
    child is killed when it runs longer (Run.timed_out is then True).
    """
    with tempfile.TemporaryFile() as out, tempfile.TemporaryFile() as err:
        start = time.perf_counter()
        child = subprocess.Popen(argv, cwd=cwd, stdin=subprocess.DEVNULL,
                                 stdout=out if capture_stdout else subprocess.DEVNULL, stderr=err)
        reaped = threading.Event()
        killed = threading.Event()

        def kill():
            if not reaped.is_set():
                killed.set()
                child.kill()
        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        reaped.set()
        if timer:
            timer.cancel()
        # We reaped the child ourselves; tell Popen so it does not wait again.
        child.returncode = os.waitstatus_to_exitcode(status)
        stdout = None
        if capture_stdout:
            out.seek(0)
            stdout = out.read().decode("utf-8", "replace")
        err.seek(0, os.SEEK_END)
        err.seek(max(0, err.tell() - 4000))
        stderr = err.read().decode("utf-8", "replace")
    return Run(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss, child.returncode, stdout, stderr, killed.is_set())


def find_program(prog):
    """The path of an executable given by name (searched on PATH) or path, or None.

    The result is absolute, so it still works from another working directory."""
    if os.sep in prog:
        return os.path.abspath(prog) if os.path.isfile(prog) and os.access(prog, os.X_OK) else None
    found = shutil.which(prog)
    return os.path.abspath(found) if found else None


def median(values):
    return statistics.median(values) if values else float("nan")
