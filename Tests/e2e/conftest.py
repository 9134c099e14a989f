"""End-to-end tests: the real release binary in a real terminal (tmux), then the session
file read back with the real sqlite3. Each test gets its own tmux server and folder."""
import json
import os
import shutil
import subprocess
import time
import uuid

import pytest

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
BIN = os.environ.get("TOVHOLDER_BIN", os.path.join(ROOT, ".build", "release", "tovholder"))


def sql(path, query):
    """Runs a query with the sqlite3 command-line tool, as a person checking the file would."""
    # A busy timeout, as the app's connections have: a terminal may be committing right then.
    out = subprocess.run(["sqlite3", "-batch", "-cmd", ".timeout 5000", path, query], capture_output=True, text=True,
                         check=True)
    return out.stdout.strip()


class Terminal:
    """One tmux server with one window running a command."""

    def __init__(self, workdir, width=80, height=24):
        self.workdir = workdir
        self.socket = "tov-" + uuid.uuid4().hex[:10]
        self.width, self.height = width, height

    def tmux(self, *args, check=True):
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check)

    def start(self, *args, env=None):
        environment = {"LANG": "C.UTF-8", "TERM": "tmux-256color", "TZ": "UTC", "LINES": "", "COLUMNS": ""}
        environment.update(env or {})
        # `env -u NAME` must come before the assignments.
        exports = " ".join([f"-u {k}" for k, v in environment.items() if not v]
                           + [f"{k}={v!r}" for k, v in environment.items() if v])
        command = f"cd {self.workdir!r} && env {exports} {BIN!r} " + " ".join(repr(a) for a in args)
        command += "; echo EXITED=$?; sleep 600"
        self.tmux("new-session", "-d", "-x", str(self.width), "-y", str(self.height), "sh", "-c", command)
        # tmux itself may size the window from its defaults; set it explicitly.
        self.resize(self.width, self.height)
        return self

    def resize(self, width, height):
        self.width, self.height = width, height
        self.tmux("resize-window", "-x", str(width), "-y", str(height))

    def send(self, *keys):
        self.tmux("send-keys", *keys)

    def type(self, text):
        self.tmux("send-keys", "-l", text)

    def screen(self):
        return self.tmux("capture-pane", "-p").stdout

    def wait_for(self, text, timeout=10.0):
        deadline = time.time() + timeout
        while time.time() < deadline:
            s = self.screen()
            if text in s:
                return s
            time.sleep(0.05)
        raise AssertionError(f"{text!r} not on screen after {timeout}s:\n{self.screen()}")

    def wait_until(self, predicate, timeout=10.0, what="condition"):
        deadline = time.time() + timeout
        while time.time() < deadline:
            if predicate():
                return
            time.sleep(0.05)
        raise AssertionError(f"{what} not met after {timeout}s; screen:\n{self.screen()}")

    def pane_pid(self):
        return int(self.tmux("display-message", "-p", "#{pane_pid}").stdout.strip())

    def app_pid(self):
        """The tovholder process under the pane's shell."""
        out = subprocess.run(["pgrep", "-P", str(self.pane_pid()), "-f", BIN], capture_output=True, text=True)
        pids = [int(p) for p in out.stdout.split()]
        return pids[0] if pids else None

    def kill(self):
        self.tmux("kill-server", check=False)


@pytest.fixture
def workdir(tmp_path):
    return str(tmp_path)


@pytest.fixture
def term(workdir):
    terminals = []

    def make(width=80, height=24):
        t = Terminal(workdir, width, height)
        terminals.append(t)
        return t

    yield make
    for t in terminals:
        t.kill()


@pytest.fixture(scope="session", autouse=True)
def binary_exists():
    assert os.path.exists(BIN), f"build the release binary first: {BIN}"
    assert shutil.which("tmux") and shutil.which("sqlite3")


def programme(path):
    return json.loads(sql(path, "SELECT json FROM programme"))


def open_agreement_form(t, path):
    """The facilitator's way to Gruppe 1's agreement form: the agenda to the agreement item,
    then the groups, then the first group's form."""
    target = next(i for i, it in enumerate(programme(path)["agenda"]) if it["kind"] == "agreement")
    t.send("a"); t.wait_for("Dagens program")
    for _ in range(target):
        t.send("Down")
    t.send("Enter")
    t.send("g"); t.wait_for("Grupper")
    t.send("Enter")
    t.wait_for("Aftaleskema · Gruppe 1")


def run_cli(*args, cwd=None, env=None):
    environment = dict(os.environ, LANG="C.UTF-8")
    environment.update(env or {})
    return subprocess.run([BIN, *args], capture_output=True, text=True, cwd=cwd, env=environment)
