"""Helpers and fixtures for the tests of `tovholder serve` (test_serve_*.py): serve in its
own process group, ssh clients in tmux windows on a private socket, the code through
SSH_ASKPASS. Imported by the test modules (`from serve_helpers import *`)."""
import os
import re
import signal
import socket
import stat
import subprocess
import time
import uuid

import pytest

from conftest import BIN, ROOT, run_cli, sql

TEMPLATE = os.path.join(ROOT, "sessions", "udviklingsdag.yaml")
SSH_OPTIONS = ["-o", "StrictHostKeyChecking=no", "-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"]


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_until(predicate, timeout=10.0, what="condition", detail=lambda: ""):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return
        time.sleep(0.05)
    raise AssertionError(f"{what} not met after {timeout}s\n{detail()}")


def listening(port):
    with socket.socket() as probe:
        return probe.connect_ex(("127.0.0.1", port)) == 0


def gone(pid):
    """True when the process has ended and been reaped (a zombie still counts as there)."""
    return not os.path.exists(f"/proc/{pid}")


def process_state(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return "state " + f.read().rsplit(")", 1)[1].split()[0] + " (Z = zombie, not reaped)"
    except FileNotFoundError:
        return "gone"


def mechanisms(path, group_id):
    rows = sql(path, f"SELECT text FROM entries WHERE kind = 'mechanism' AND group_id = {group_id} "
                     f"AND deleted_at IS NULL ORDER BY position")
    return rows.splitlines() if rows else []


def log_lines(path):
    """The attempt log beside the session: [address, user, result] per line, time checked."""
    with open(path + "-ssh.log", encoding="utf-8") as f:
        lines = [line.rstrip("\n").split("\t") for line in f if line.strip()]
    for fields in lines:
        assert len(fields) == 4 and re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", fields[0]), fields
    return [fields[1:] for fields in lines]


# --- serve -------------------------------------------------------------------------------

class Serve:
    """`tovholder serve FILE --port N --listen 127.0.0.1` in the background; its stdout and
    stderr go to a file next to the session."""

    def __init__(self, workdir, path, lang=None):
        self.path = path
        self.port = free_port()
        self.out_path = os.path.join(workdir, f"serve-{uuid.uuid4().hex[:6]}.out")
        args = [BIN, "serve", path, "--port", str(self.port), "--listen", "127.0.0.1"]
        if lang:
            args += ["--lang", lang]
        with open(self.out_path, "w") as out:
            self.proc = subprocess.Popen(args, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         cwd=workdir, env=dict(os.environ, LANG="C.UTF-8"),
                                         start_new_session=True)

    def output(self):
        with open(self.out_path, encoding="utf-8", errors="replace") as f:
            return f.read()

    def wait_for(self, text, timeout=10.0):
        wait_until(lambda: text in self.output() or self.proc.poll() is not None, timeout,
                   f"{text!r} in serve's output", self.output)
        assert text in self.output(), f"serve ended ({self.proc.returncode}):\n{self.output()}"
        return self.output()

    def codes(self):
        """{user: code} from the session file, as the facilitator's screens read them."""
        rows = sql(self.path, "SELECT user, code FROM ssh_codes ORDER BY group_id").splitlines()
        return dict(r.split("|") for r in rows)

    def stop(self, sig=signal.SIGTERM, timeout=10.0):
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
            try:
                self.proc.wait(timeout)
            except subprocess.TimeoutExpired:
                pass
        return self.proc.returncode

    def kill(self):
        if self.proc.poll() is None:
            self.stop(signal.SIGTERM, timeout=5)
        if self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(5)


# --- ssh clients in tmux -----------------------------------------------------------------

class Client:
    """One `ssh` in a window of the test's own tmux server (a real terminal for the view)."""

    def __init__(self, clients, name):
        self.clients, self.name = clients, name

    def tmux(self, *args, check=True):
        return self.clients.tmux(*args, check=check)

    def screen(self, join=False):
        return self.tmux("capture-pane", "-p", *(["-J"] if join else []), "-t", self.name).stdout

    def send(self, *keys):
        self.tmux("send-keys", "-t", self.name, *keys)

    def type(self, text):
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def resize(self, width, height):
        self.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def wait_for(self, text, timeout=10.0):
        wait_until(lambda: text in self.screen(), timeout, f"{text!r} on {self.name}'s screen", self.screen)
        return self.screen()

    def exit_code(self):
        m = re.search(r"EXITED=(\d+)", self.screen())
        return int(m.group(1)) if m else None

    def ssh_pid(self):
        pane = self.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").stdout.strip()
        out = subprocess.run(["pgrep", "-P", pane, "-x", "ssh"], capture_output=True, text=True).stdout.split()
        return int(out[0]) if out else None


def write_askpass(workdir):
    """ssh's SSH_ASKPASS: answers the password question with $TOV_CODE."""
    path = os.path.join(workdir, "askpass.sh")
    with open(path, "w") as f:
        f.write('#!/bin/sh\nprintf \'%s\\n\' "$TOV_CODE"\n')
    os.chmod(path, 0o700)
    return path


class Clients:
    """The test's own tmux server (its own socket): one window per ssh client."""

    def __init__(self, workdir):
        self.socket = "tov-srvtest-" + uuid.uuid4().hex[:10]
        self.askpass = write_askpass(workdir)
        self.count = 0
        self.tmux("new-session", "-d", "-s", "s", "-n", "base", "-x", "80", "-y", "24", "sleep 3600")
        self.socket_path = self.tmux("display-message", "-p", "#{socket_path}").stdout.strip()

    def tmux(self, *args, check=True):
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check)

    def ssh(self, port, user, code, width=80, height=24):
        self.count += 1
        name = f"c{self.count}"
        command = (f"env SSH_ASKPASS={self.askpass} SSH_ASKPASS_REQUIRE=force TOV_CODE={code} "
                   f"TERM=tmux-256color LANG=C.UTF-8 ssh -p {port} {' '.join(SSH_OPTIONS)} {user}@127.0.0.1"
                   f"; echo EXITED=$?; sleep 600")
        self.tmux("new-window", "-d", "-t", "s", "-n", name, "sh", "-c", command)
        client = Client(self, name)
        client.resize(width, height)
        return client

    def kill(self):
        self.tmux("kill-server", check=False)
        if self.socket_path.endswith(self.socket) and os.path.exists(self.socket_path):
            os.unlink(self.socket_path)  # tmux leaves it behind


def ssh_batch(port, user, code, *options, command=(), askpass):
    """A non-interactive ssh (no terminal): for what must be refused."""
    env = dict(os.environ, SSH_ASKPASS=askpass, SSH_ASKPASS_REQUIRE="force", TOV_CODE=code, LANG="C.UTF-8")
    # ssh takes the first value given for an option: the caller's come first.
    return subprocess.Popen(["ssh", "-p", str(port), *options, *SSH_OPTIONS, "-o", "NumberOfPasswordPrompts=3",
                             f"{user}@127.0.0.1", *command],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)


# --- fixtures ----------------------------------------------------------------------------

@pytest.fixture
def session(workdir):
    path = os.path.join(workdir, "dag.tovholder")
    r = run_cli("new", path, "--template", TEMPLATE)
    assert r.returncode == 0, r.stderr
    return path


@pytest.fixture
def serve(workdir, session):
    started = []

    def start(lang=None, path=session):
        s = Serve(workdir, path, lang)
        started.append(s)  # stopped at the end even if it never gets going
        s.wait_for("Ctrl-C")  # the banner's last line, in either language
        return s

    yield start
    for s in started:
        s.kill()


@pytest.fixture
def askpass(workdir):
    return write_askpass(workdir)


@pytest.fixture
def clients(workdir):
    made = []

    def make():
        c = Clients(workdir)
        made.append(c)
        return c

    yield make
    for c in made:
        c.kill()


def joined(client, group):
    return client.wait_for(f"Deltager · {group}", timeout=15)


