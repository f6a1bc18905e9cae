"""A throwaway PostgreSQL server for tests and benchmarks: initdb into a temporary directory, password
(SCRAM) authentication on 127.0.0.1 only (a generated pg_hba.conf), a free port, started and stopped by the
caller. Runs as an unprivileged user: as the current user when it is not root, else as `postgres` (Debian's
package creates it) through runuser.
"""
import os
import shutil
import signal
import socket
import subprocess
import tempfile
import time


def _bin(name):
    for directory in sorted(os.listdir("/usr/lib/postgresql"), reverse=True) if os.path.isdir("/usr/lib/postgresql") else []:
        path = os.path.join("/usr/lib/postgresql", directory, "bin", name)
        if os.access(path, os.X_OK):
            return path
    found = shutil.which(name)
    if not found:
        raise RuntimeError("PostgreSQL's %s is not installed (Scripts/install-deps installs it)" % name)
    return found


def _alive(pid):
    """Whether `pid` runs (a zombie does not)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (OSError, IndexError):
        return False


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """`with Server() as pg:` gives a running server; `pg.url(user, password)`, `pg.psql(sql)`, `pg.kill()`,
    `pg.start()`."""

    ADMIN = "ccusage_admin"

    def __init__(self, fast=True):
        self.root = tempfile.mkdtemp(prefix="ccusage-pg-")
        os.chmod(self.root, 0o755)
        self.data = os.path.join(self.root, "data")
        self.port = free_port()
        self.password = "admin-" + os.urandom(6).hex()
        self.fast = fast
        self.process = None
        self.as_root = os.geteuid() == 0
        pwfile = os.path.join(self.root, "pw")
        with open(pwfile, "w") as f:
            f.write(self.password + "\n")
        if self.as_root:
            subprocess.run(["chown", "-R", "postgres:postgres", self.root], check=True)
        self._run([_bin("initdb"), "-D", self.data, "-U", self.ADMIN, "--pwfile=" + pwfile, "-A", "scram-sha-256",
                   "-E", "UTF8", "--no-locale", "--no-sync"])
        os.remove(pwfile)
        hba = os.path.join(self.data, "pg_hba.conf")
        self._write(hba, "# generated for tests: password logins on loopback only\n"
                         "host all all 127.0.0.1/32 scram-sha-256\n")

    def _wrap(self, argv):
        return ["runuser", "-u", "postgres", "--"] + argv if self.as_root else argv

    def _run(self, argv):
        result = subprocess.run(self._wrap(argv), capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError("%s failed: %s" % (argv[0], result.stderr.strip() or result.stdout.strip()))
        return result

    def _write(self, path, text):
        with open(path, "w") as f:
            f.write(text)
        if self.as_root:
            subprocess.run(["chown", "postgres:postgres", path], check=True)

    def start(self):
        options = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=" + self.root,
                   "-p", str(self.port), "-c", "max_connections=40"]
        if self.fast:
            # No fsync (the OS keeps what a killed server wrote), but commits still reach the WAL before they
            # return: a server killed mid-sync keeps every batch it acknowledged.
            options += ["-c", "fsync=off", "-c", "full_page_writes=off"]
        log = open(os.path.join(self.root, "server.log"), "a")
        self.process = subprocess.Popen(self._wrap([_bin("postgres"), "-D", self.data] + options),
                                        stdout=log, stderr=log, start_new_session=True)
        deadline = time.time() + 60
        while time.time() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("postgres exited: " + open(os.path.join(self.root, "server.log")).read()[-2000:])
            ready = subprocess.run([_bin("pg_isready"), "-h", "127.0.0.1", "-p", str(self.port)], capture_output=True)
            if ready.returncode == 0:
                return self
            time.sleep(0.2)
        raise RuntimeError("postgres did not start within 60 s")

    def kill(self):
        """Kills the server at once (SIGKILL to every process of its session), as a crash would."""
        postmaster = None
        try:
            with open(os.path.join(self.data, "postmaster.pid")) as f:
                postmaster = int(f.readline().strip())
        except (OSError, ValueError):
            pass
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait()
        # Under runuser the postmaster is not our child: once killed it may stay a zombie until init reaps it,
        # and a zombie's pid still looks alive to the next postmaster's lock-file check. Wait for it to be gone
        # or a zombie, then remove its lock files.
        for _ in range(100):
            if postmaster is None or not _alive(postmaster):
                break
            time.sleep(0.1)
        lock = os.path.join(self.root, ".s.PGSQL.%d.lock" % self.port)
        if os.path.exists(lock):
            os.remove(lock)
        # Children of the postmaster may outlive it briefly; wait for the port to close.
        for _ in range(100):
            with socket.socket() as s:
                if s.connect_ex(("127.0.0.1", self.port)) != 0:
                    break
            time.sleep(0.1)
        pid = os.path.join(self.data, "postmaster.pid")
        if os.path.exists(pid):
            os.remove(pid)

    def stop(self):
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGINT)
            try:
                self.process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                self.kill()

    def url(self, user=None, password=None, database="postgres", query=""):
        user = user or self.ADMIN
        password = self.password if password is None and user == self.ADMIN else password
        auth = user + (":" + password if password else "")
        return "postgres://%s@127.0.0.1:%d/%s%s" % (auth, self.port, database, query)

    def psql(self, sql, database="postgres", user=None, password=None):
        env = dict(os.environ, PGPASSWORD=password or self.password)
        result = subprocess.run(["psql", "-X", "-q", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-h", "127.0.0.1",
                                 "-p", str(self.port), "-U", user or self.ADMIN, "-d", database, "-c", sql],
                                capture_output=True, text=True, env=env)
        if result.returncode != 0:
            raise RuntimeError("psql failed: " + result.stderr.strip())
        return result.stdout.strip()

    def psql_file(self, path, database="postgres"):
        """Runs a SQL script (such as a pg_dump) in one transaction."""
        env = dict(os.environ, PGPASSWORD=self.password)
        result = subprocess.run(["psql", "-X", "-q", "-v", "ON_ERROR_STOP=1", "--single-transaction", "-h", "127.0.0.1",
                                 "-p", str(self.port), "-U", self.ADMIN, "-d", database, "-f", path],
                                capture_output=True, text=True, env=env)
        if result.returncode != 0:
            raise RuntimeError("psql -f %s failed: %s" % (path, result.stderr.strip()))

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
        shutil.rmtree(self.root, ignore_errors=True)
