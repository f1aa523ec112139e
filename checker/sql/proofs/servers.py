"""Throw-away database servers for the proofs, on loopback only.

PostgreSQL 15 and MariaDB each get a fresh data directory under one temporary
directory, a free TCP port on 127.0.0.1 and a unix socket inside that
directory. SQLite gets files in the same directory. Everything is stopped and
removed by Servers.close(), which run_proofs.py calls from try/finally and
atexit; the servers also die with this process (setpriv --pdeathsig).

PostgreSQL refuses to run as root, so when we are root it runs as 'nobody',
in a directory 'nobody' owns. MariaDB runs as root with --user=root then.
"""

import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time

PG_BIN = "/usr/lib/postgresql/15/bin"


class ServerError(Exception):
    """A server could not be started; the message says what is missing."""


def free_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _die_with_parent(argv):
    """argv wrapped so that the server gets SIGKILL if this process dies.

    setpriv (util-linux) sets PR_SET_PDEATHSIG after any uid change and then
    execs the server; a preexec_fn would do the same but is unsafe while the
    sqlrace runs go on in another thread.
    """
    setpriv = shutil.which("setpriv")
    return [setpriv, "--pdeathsig", "KILL", "--"] + argv if setpriv else argv


def _need(path, package):
    if not os.path.exists(path):
        raise ServerError("%s not found: install the Debian package %s (scripts/install-deps.sh does)"
                          % (path, package))


def _tail(path, lines=30):
    try:
        with open(path, errors="replace") as f:
            return "".join(f.readlines()[-lines:])
    except OSError:
        return "(no log)"


class _Process:
    """A server process in its own process group, with its log file."""

    def __init__(self, name, argv, log_path, user=None, stop_signal=signal.SIGTERM):
        self.name = name
        self.log_path = log_path
        self.stop_signal = stop_signal
        kwargs = {}
        if user is not None:
            kwargs.update(user=user.pw_uid, group=user.pw_gid, extra_groups=[])
        self.log = open(log_path, "ab")
        self.proc = subprocess.Popen(_die_with_parent(argv), stdin=subprocess.DEVNULL, stdout=self.log,
                                     stderr=subprocess.STDOUT, start_new_session=True, **kwargs)

    def alive(self):
        return self.proc.poll() is None

    def stop(self):
        if self.alive():
            try:
                os.killpg(self.proc.pid, self.stop_signal)
            except ProcessLookupError:
                pass
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                pass
        # Whatever is left of the group (backends, helpers) goes too.
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            pass
        self.log.close()


def _wait_ready(proc, try_connect, what, timeout=60):
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        if not proc.alive():
            raise ServerError("%s exited with status %s while starting; its log ends with:\n%s"
                              % (what, proc.proc.returncode, _tail(proc.log_path)))
        try:
            conn = try_connect()
            conn.close()
            return
        except Exception as e:  # the driver's connection error while the server starts
            last = e
        time.sleep(0.2)
    raise ServerError("%s did not accept connections within %d s (last error: %s); log:\n%s"
                      % (what, timeout, last, _tail(proc.log_path)))


class Servers:
    """Starts the servers on demand; close() stops them and removes the files."""

    def __init__(self):
        self.root = tempfile.mkdtemp(prefix="sqlrace-proofs-")
        self._procs = []
        self.pg = None      # dict(host, port, user, dbname) once started
        self.mysql = None   # dict(host, port, user, database) once started
        self.sqlite_dir = os.path.join(self.root, "sqlite")
        os.mkdir(self.sqlite_dir)

    # -- PostgreSQL ---------------------------------------------------------
    def start_postgres(self):
        for tool in ("initdb", "postgres"):
            _need(os.path.join(PG_BIN, tool), "postgresql-15")
        base = os.path.join(self.root, "pg")
        os.mkdir(base)
        user = None
        if os.geteuid() == 0:
            # initdb and postgres refuse to run as root.
            user = pwd.getpwnam("nobody")
            os.chmod(self.root, 0o755)
            os.chown(base, user.pw_uid, user.pw_gid)
            parent = os.path.dirname(self.root)
            if not os.access(parent, os.X_OK) or (os.stat(parent).st_mode & 0o001) == 0:
                raise ServerError("PostgreSQL runs as 'nobody' here, which cannot enter %s; set TMPDIR "
                                  "to a directory everyone may traverse (e.g. /tmp)" % parent)
        data = os.path.join(base, "data")
        log = os.path.join(base, "initdb.log")
        kwargs = {}
        if user is not None:
            kwargs.update(user=user.pw_uid, group=user.pw_gid, extra_groups=[])
        with open(log, "wb") as out:
            rc = subprocess.run([os.path.join(PG_BIN, "initdb"), "-D", data, "-U", "postgres", "--auth=trust",
                                 "--no-sync", "--encoding=UTF8", "--locale=C"],
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                cwd=base, **kwargs).returncode
        if rc != 0:
            raise ServerError("initdb failed (exit %d):\n%s" % (rc, _tail(log)))
        port = free_port()
        argv = [os.path.join(PG_BIN, "postgres"), "-D", data,
                "-c", "listen_addresses=127.0.0.1", "-c", "port=%d" % port,
                "-c", "unix_socket_directories=%s" % base,
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=40", "-c", "shared_buffers=16MB",
                "-c", "deadlock_timeout=200ms", "-c", "logging_collector=off"]
        # SIGINT is PostgreSQL's fast shutdown.
        proc = _Process("postgres", argv, os.path.join(base, "server.log"), user=user, stop_signal=signal.SIGINT)
        self._procs.append(proc)
        self.pg = dict(host="127.0.0.1", port=port, user="postgres", dbname="postgres")
        import psycopg2
        _wait_ready(proc, lambda: psycopg2.connect(connect_timeout=2, **self.pg), "PostgreSQL 15")
        return self.pg

    # -- MariaDB ------------------------------------------------------------
    def start_mariadb(self):
        install = shutil.which("mariadb-install-db") or "/usr/bin/mariadb-install-db"
        server = "/usr/sbin/mariadbd"
        _need(install, "mariadb-server")
        _need(server, "mariadb-server")
        base = os.path.join(self.root, "mariadb")
        data = os.path.join(base, "data")
        os.makedirs(data)
        as_root = ["--user=root"] if os.geteuid() == 0 else []
        log = os.path.join(base, "install.log")
        with open(log, "wb") as out:
            rc = subprocess.run([install, "--no-defaults", "--datadir=" + data, "--auth-root-authentication-method=normal",
                                 "--skip-test-db", "--skip-name-resolve"] + as_root,
                                stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, cwd=base).returncode
        if rc != 0:
            raise ServerError("mariadb-install-db failed (exit %d):\n%s" % (rc, _tail(log)))
        port = free_port()
        sock = os.path.join(base, "mariadb.sock")
        argv = [server, "--no-defaults", "--datadir=" + data, "--socket=" + sock, "--port=%d" % port,
                "--bind-address=127.0.0.1", "--skip-grant-tables", "--skip-name-resolve", "--skip-log-bin",
                "--pid-file=" + os.path.join(base, "mariadb.pid"),
                "--innodb-buffer-pool-size=32M", "--innodb-log-file-size=16M",
                "--innodb-flush-log-at-trx-commit=0", "--innodb-lock-wait-timeout=5",
                "--max-connections=60", "--log-error=" + os.path.join(base, "error.log")] + as_root
        proc = _Process("mariadbd", argv, os.path.join(base, "server.log"))
        self._procs.append(proc)
        self.mysql = dict(host="127.0.0.1", port=port, user="root", database="proofs")
        import pymysql

        def connect():
            return pymysql.connect(host="127.0.0.1", port=port, user="root", connect_timeout=2)
        try:
            _wait_ready(proc, connect, "MariaDB")
        except ServerError as e:
            raise ServerError("%s\nerror.log:\n%s" % (e, _tail(os.path.join(base, "error.log"))))
        c = connect()
        with c.cursor() as cur:
            cur.execute("CREATE DATABASE proofs")
        c.close()
        return self.mysql

    def sqlite_path(self, name):
        return os.path.join(self.sqlite_dir, name)

    def close(self):
        for proc in reversed(self._procs):
            proc.stop()
        self._procs = []
        if self.root and os.path.isdir(self.root):
            shutil.rmtree(self.root, ignore_errors=True)
        self.root = None
