"""Helpers and fixtures for the tests of `tovholder serve` (test_serve_*.py): serve run as an
ordinary account (`tovfac`, made by the tests, as a facilitator's own login would be) in its
own process group, with a home folder of its own per test (the host key lives there); ssh,
plink, dbclient and paramiko clients in tmux windows on a private socket, the code through
SSH_ASKPASS (or the client's own way). Imported by the test modules
(`from serve_helpers import *`)."""
import base64
import hashlib
import os
import pwd
import re
import shlex
import shutil
import signal
import socket
import stat
import subprocess
import sys
import tempfile
import time
import uuid

import pytest

from conftest import BIN, ROOT, run_cli, sql

TEMPLATE = os.path.join(ROOT, "sessions", "udviklingsdag.yaml")
HERE = os.path.dirname(os.path.abspath(__file__))
ACCOUNT = "tovfac"  # serve's account: no shell, no home of its own, no privileges
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


def log_text(path):
    with open(path + "-ssh.log", encoding="utf-8", errors="replace") as f:
        return f.read()


def fingerprint_of_blob(blob):
    """"SHA256:…" of a public key blob, as ssh prints it."""
    return "SHA256:" + base64.b64encode(hashlib.sha256(blob).digest()).decode().rstrip("=")


def ed25519_blob(public):
    def string(b):
        return len(b).to_bytes(4, "big") + b
    return string(b"ssh-ed25519") + string(public)


def key_file_fingerprint(path):
    """The fingerprint of a key file in serve's own format (`tovholder ed25519 host key v1`,
    then the 32-byte seed in base64)."""
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    from cryptography.hazmat.primitives.serialization import Encoding, PublicFormat
    with open(path) as f:
        lines = f.read().split("\n")
    assert lines[0] == "tovholder ed25519 host key v1", lines[0]
    public = Ed25519PrivateKey.from_private_bytes(base64.b64decode(lines[1])).public_key()
    return fingerprint_of_blob(ed25519_blob(public.public_bytes(Encoding.Raw, PublicFormat.Raw)))


def served_fingerprint(port, host="127.0.0.1"):
    """The host key serve actually presents, as a client meets it (ssh-keyscan)."""
    scan = subprocess.run(["ssh-keyscan", "-p", str(port), "-t", "ed25519", host],
                          capture_output=True, text=True, timeout=15).stdout
    listed = subprocess.run(["ssh-keygen", "-lf", "-"], input=scan, capture_output=True, text=True).stdout
    assert listed.split()[1:2], (scan, listed)
    return listed.split()[1]


def listed_fingerprint(pub):
    """`ssh-keygen -lf FILE.pub`: what a facilitator checking the public key file sees."""
    out = subprocess.run(["ssh-keygen", "-lf", pub], capture_output=True, text=True)
    return out.stdout.split()[1] if out.returncode == 0 else f"(ssh-keygen: {out.stderr.strip()})"


# --- serve's account -------------------------------------------------------------------

def account():
    """(uid, gid) of the account serve runs as: `tovfac`, made once (idempotent) when the tests
    run as root, as in CI; the tests' own account when they run as another user already."""
    if os.geteuid() != 0:
        return os.getuid(), os.getgid()
    try:
        entry = pwd.getpwnam(ACCOUNT)
    except KeyError:
        # Another test process may make it at the same moment: then useradd fails, the account is there.
        subprocess.run(["useradd", "--system", "--no-create-home", "--user-group", "--shell", "/usr/sbin/nologin",
                        ACCOUNT], capture_output=True)
        entry = pwd.getpwnam(ACCOUNT)
    return entry.pw_uid, entry.pw_gid


def give_to_account(path):
    """chown -R to serve's account (links themselves, never what they point to): the files the
    tests made as root (run_cli, sqlite3) become the facilitator's."""
    uid, gid = account()
    if os.geteuid() != 0:
        return
    os.chown(path, uid, gid, follow_symlinks=False)
    for top, dirs, files in os.walk(path):
        for name in dirs + files:
            os.chown(os.path.join(top, name), uid, gid, follow_symlinks=False)


def as_account(argv, home, env=None):
    """argv run as serve's account with a clean environment: HOME (where serve keeps its host
    key), LANG=C.UTF-8, TZ, PATH and `env`."""
    variables = {"HOME": home, "LANG": "C.UTF-8", "TZ": "UTC", "PATH": "/usr/local/bin:/usr/bin:/bin"}
    variables.update(env or {})
    command = ["env", "-i", *[f"{k}={v}" for k, v in variables.items()], *argv]
    if os.geteuid() != 0:
        return command
    return ["runuser", "-u", ACCOUNT, "--", *command]


def make_workdir():
    """A folder serve's account can reach (pytest's tmp_path is under a root-only folder),
    with a home folder for serve inside; both the account's."""
    account()
    path = tempfile.mkdtemp(prefix="tov-serve-", dir="/var/tmp")
    os.chmod(path, 0o755)
    os.mkdir(os.path.join(path, "home"), 0o700)
    give_to_account(path)
    return path


def process_children(pid):
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True).stdout.split()
    return [int(p) for p in out]


def command_line(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            return f.read().split(b"\0")
    except OSError:
        return []


# --- serve -------------------------------------------------------------------------------

class Serve:
    """`tovholder serve FILE --port N --listen 127.0.0.1` in the background, as serve's account
    (runuser) with HOME=`home` (by default the work folder's `home`); its stdout and stderr go
    to a file next to the session. `netns` runs it inside a network namespace; `listen=None`
    leaves serve's own default (all addresses)."""

    def __init__(self, workdir, path, lang=None, args=(), env=None, home=None, port=None, listen="127.0.0.1",
                 netns=None):
        self.path = path
        self.port = port or free_port()
        self.home = home or os.path.join(workdir, "home")
        self.out_path = os.path.join(workdir, f"serve-{uuid.uuid4().hex[:6]}.out")
        self._pid = None
        argv = [BIN, "serve", path, "--port", str(self.port)]
        if listen:
            argv += ["--listen", listen]
        if lang:
            argv += ["--lang", lang]
        argv += list(args)
        command = as_account(argv, self.home, env)
        if netns:
            command = ["ip", "netns", "exec", netns, *command]
        give_to_account(workdir)  # the session and whatever the test made beside it as root
        with open(self.out_path, "w") as out:
            self.proc = subprocess.Popen(command, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                                         cwd=workdir, start_new_session=True)

    @property
    def hostkey(self):
        """Where serve keeps its key: the account's configuration folder."""
        return os.path.join(self.home, ".config", "tovholder", "hostkey")

    @property
    def pid(self):
        """serve's own process (under runuser): what the session's service row names, and
        what a signal must reach (runuser ignores SIGINT, and turns SIGTERM into SIGTERM and
        then, two seconds later, SIGKILL for its child)."""
        if self._pid is None:
            wait_until(self._find, 10, "serve's own process under runuser", self.output)
        return self._pid

    def _find(self):
        todo = [self.proc.pid]
        while todo:
            pid = todo.pop()
            line = command_line(pid)
            if len(line) > 1 and line[0] == BIN.encode() and line[1] == b"serve":
                self._pid = pid
                return True
            todo += process_children(pid)
        return False

    def fingerprint(self):
        m = re.search(r"(?:Serverens fingeraftryk|The server's fingerprint): (SHA256:[A-Za-z0-9+/]{43})\n",
                      self.output())
        assert m, self.output()
        return m.group(1)

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
        """The signal to serve itself; runuser then ends with serve's exit status."""
        if self.proc.poll() is None:
            if self._pid is not None or self._find():
                os.kill(self._pid, sig)
            else:  # not started yet: its process group
                os.killpg(self.proc.pid, sig)
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

    def fds(self):
        """How many file descriptors serve has open."""
        return len(os.listdir(f"/proc/{self.pid}/fd"))


def serve_cli(*args, home, env=None, timeout=10):
    """serve that is expected to refuse (as serve's account): ended after `timeout` s if it does not."""
    return subprocess.run(as_account([BIN, "serve", *args, "--listen", "127.0.0.1"], home, env),
                          capture_output=True, text=True, timeout=timeout)


# --- ssh clients in tmux -----------------------------------------------------------------

class Client:
    """One client (ssh, plink, dbclient, paramiko) in a window of the test's own tmux server (a
    real terminal for the view). Everything it drew is recorded too (`transcript`), also what
    scrolled away or was drawn before the view took the screen."""

    def __init__(self, clients, name, record=None):
        self.clients, self.name, self.record = clients, name, record

    def tmux(self, *args, check=True):
        return self.clients.tmux(*args, check=check)

    def screen(self, join=False):
        return self.tmux("capture-pane", "-p", *(["-J"] if join else []), "-t", self.name).stdout

    def transcript(self):
        """Every byte the client wrote to its terminal, as text (windows made by `Clients.window`)."""
        if self.record is None:
            return ""
        with open(self.record, "rb") as f:
            return f.read().decode("utf-8", "replace")

    def send(self, *keys):
        self.tmux("send-keys", "-t", self.name, *keys)

    def type(self, text):
        self.tmux("send-keys", "-t", self.name, "-l", text)

    def resize(self, width, height):
        self.tmux("resize-window", "-t", self.name, "-x", str(width), "-y", str(height))

    def wait_for(self, text, timeout=10.0):
        """Until `text` is on the screen; fails at once if the client has ended without it."""
        def seen():
            screen = self.screen()
            return text in screen or "EXITED=" in screen
        detail = lambda: self.screen().rstrip() + "\n(recorded: " + repr(self.transcript()[-1500:]) + ")"
        wait_until(seen, timeout, f"{text!r} on {self.name}'s screen", detail)
        screen = self.screen()
        assert text in screen, f"the client ended before {text!r} was on its screen:\n{detail()}"
        return screen

    def exit_code(self):
        m = re.search(r"EXITED=(\d+)", self.screen())
        return int(m.group(1)) if m else None

    def ssh_pid(self, name="ssh"):
        pane = self.tmux("display-message", "-p", "-t", self.name, "#{pane_pid}").stdout.strip()
        out = subprocess.run(["pgrep", "-P", pane, "-x", name], capture_output=True, text=True).stdout.split()
        return int(out[0]) if out else None

    def close(self):
        """The window closed under the client (its terminal hangs up)."""
        self.tmux("kill-window", "-t", self.name, check=False)


def write_askpass(workdir):
    """ssh's SSH_ASKPASS: answers the password question with $TOV_CODE."""
    path = os.path.join(workdir, "askpass.sh")
    with open(path, "w") as f:
        f.write('#!/bin/sh\nprintf \'%s\\n\' "$TOV_CODE"\n')
    os.chmod(path, 0o700)
    return path


def quoted(args):
    return " ".join(shlex.quote(str(a)) for a in args)


class Clients:
    """The test's own tmux server (its own socket): one window per client."""

    def __init__(self, workdir):
        self.workdir = workdir
        self.socket = "tov-srvtest-" + uuid.uuid4().hex[:10]
        self.askpass = write_askpass(workdir)
        self.count = 0
        self.tmux("new-session", "-d", "-s", "s", "-n", "base", "-x", "80", "-y", "24", "sleep 3600")
        self.socket_path = self.tmux("display-message", "-p", "#{socket_path}").stdout.strip()

    def tmux(self, *args, check=True):
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=check)

    def window(self, argv, env, width=80, height=24):
        """`argv` in a new window, with `env` (TERM and LANG as a participant's laptop would
        have them unless given). It starts only once its output is being recorded."""
        self.count += 1
        name = f"c{self.count}"
        record = os.path.join(self.workdir, f"client-{name}-{uuid.uuid4().hex[:6]}.out")
        go = record + ".go"
        variables = {"TERM": "tmux-256color", "LANG": "C.UTF-8"}
        variables.update(env)
        command = (f"while [ ! -e {go} ]; do sleep 0.01; done; env {quoted(f'{k}={v}' for k, v in variables.items())} "
                   f"{quoted(argv)}; echo EXITED=$?; sleep 600")
        self.tmux("new-window", "-d", "-t", "s", "-n", name, "sh", "-c", command)
        open(record, "wb").close()
        self.tmux("pipe-pane", "-t", name, f"cat >> {shlex.quote(record)}")
        open(go, "w").close()
        client = Client(self, name, record)
        client.resize(width, height)
        return client

    def ssh(self, port, user, code, width=80, height=24, options=(), env=None, host="127.0.0.1"):
        """OpenSSH; `options` come before the tests' own (ssh takes the first value given)."""
        variables = {"SSH_ASKPASS": self.askpass, "SSH_ASKPASS_REQUIRE": "force", "TOV_CODE": code}
        variables.update(env or {})
        return self.window(["ssh", "-p", port, *options, *SSH_OPTIONS, f"{user}@{host}"], variables, width, height)

    def plink(self, port, user, code, fingerprint, width=80, height=24):
        """PuTTY's command-line client as serve's banner tells the room to run it: with
        -no-antispoof, since plink asks for Return after every login by itself otherwise
        (DECISIONS: its anti-spoofing prompt, whatever the server does); the host key given as
        the fingerprint serve printed."""
        home = self.client_home()
        return self.window(["plink", "-ssh", "-P", port, "-no-antispoof", "-pw", code, "-hostkey", fingerprint, "-t",
                            f"{user}@127.0.0.1"], {"HOME": home, "TERM": "xterm"}, width, height)

    def dbclient(self, port, user, code, width=80, height=24):
        """Dropbear's client with its defaults; -y takes the unknown host key into a known_hosts
        of its own."""
        home = self.client_home()
        return self.window(["dbclient", "-p", port, "-y", "-t", f"{user}@127.0.0.1"],
                           {"HOME": home, "DROPBEAR_PASSWORD": code, "TERM": "xterm-256color"}, width, height)

    def paramiko(self, port, user, code, width=80, height=24):
        """Tests/e2e/pyssh.py: paramiko's SSHClient with a pty and a shell, bridged to the window."""
        return self.window([sys.executable, os.path.join(HERE, "pyssh.py"), port, user],
                           {"TOV_CODE": code, "TERM": "xterm-256color"}, width, height)

    def client_home(self):
        """A home folder of its own for a client's known hosts and settings."""
        home = tempfile.mkdtemp(prefix="client-home-", dir=self.workdir)
        os.mkdir(os.path.join(home, ".ssh"), 0o700)
        return home

    def kill(self):
        self.tmux("kill-server", check=False)
        if self.socket_path.endswith(self.socket) and os.path.exists(self.socket_path):
            os.unlink(self.socket_path)  # tmux leaves it behind


def ssh_batch(port, user, code, *options, command=(), askpass, host="127.0.0.1"):
    """A non-interactive ssh (no terminal): for what must be refused."""
    env = dict(os.environ, SSH_ASKPASS=askpass, SSH_ASKPASS_REQUIRE="force", TOV_CODE=code, LANG="C.UTF-8")
    # ssh takes the first value given for an option: the caller's come first.
    return subprocess.Popen(["ssh", "-p", str(port), *options, *SSH_OPTIONS, "-o", "NumberOfPasswordPrompts=3",
                             f"{user}@{host}", *command],
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env=env)


def facilitator(clients, session, width=120, height=30):
    """The facilitator's own view (`tovholder FILE`, run as root), in a window of the clients'
    tmux server, at its first item."""
    fac = clients.window([BIN, session], {"TERM": "xterm-256color"}, width, height)
    fac.wait_for("Punkt 1 af")
    return fac


def type_a_word(client, session, group, word, timeout=10):
    """In the worksheet: a mechanism of its own (Down, F3), the word typed, and the word then
    read back from the session file."""
    client.send("Down", "F3")
    client.type(word)
    wait_until(lambda: word in mechanisms(session, group), timeout, f"{word!r} saved in group {group}'s mechanisms",
               lambda: sql(session, "SELECT group_id, kind, text FROM entries") + "\n" + client.screen())


# --- paramiko in the test's own process ---------------------------------------------------

def screen_text(data):
    """The letters of some terminal output, escape sequences left out (for a quick look)."""
    if isinstance(data, bytes):
        data = data.decode("utf-8", "replace")
    text = re.sub(r"\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b\[[0-9;?<>=]*[ -/]*[@-~]|\x1b[()][0-9A-Za-z]|\x1b[=>78DEHMc]",
                  " ", data)
    return re.sub(r"\s+", " ", text)


def login_attempt(port, user, code):
    """One password login with paramiko, which sends any user name it is given; True if it
    was taken."""
    import paramiko
    transport = paramiko.Transport(("127.0.0.1", port))
    try:
        transport.start_client(timeout=10)
        transport.auth_password(user, code)
        return True
    except paramiko.AuthenticationException:
        return False
    finally:
        transport.close()


class RawSession:
    """A paramiko login with a pty and a shell, read in the test's own process: `raw` keeps
    every byte the server sent."""

    def __init__(self, port, user, code, term="xterm-256color"):
        import paramiko
        self.client = paramiko.SSHClient()
        self.client.set_missing_host_key_policy(paramiko.AutoAddPolicy())
        self.client.connect("127.0.0.1", port, username=user, password=code, look_for_keys=False,
                            allow_agent=False, timeout=15)
        self.transport = self.client.get_transport()
        self.channel = self.transport.open_session(timeout=10)
        self.channel.get_pty(term=term, width=80, height=24)
        self.channel.invoke_shell()
        self.raw = b""

    def read_until(self, text, timeout=15.0):
        deadline = time.time() + timeout
        while text not in screen_text(self.raw):
            assert time.time() < deadline, f"{text!r} not received after {timeout}s: {screen_text(self.raw)[-1500:]!r}"
            if self.channel.recv_ready():
                self.raw += self.channel.recv(65536)
            else:
                assert not self.channel.closed, f"closed before {text!r}: {screen_text(self.raw)[-1500:]!r}"
                time.sleep(0.02)
        return screen_text(self.raw)

    def send(self, data):
        self.channel.sendall(data.encode() if isinstance(data, str) else data)

    def close(self):
        self.client.close()


# Keys as a terminal with TERM=xterm-256color sends them once the view asked for keypad mode.
DOWN, F3 = "\x1bOB", "\x1bOR"


# --- fixtures ----------------------------------------------------------------------------

@pytest.fixture
def workdir():
    """Instead of pytest's tmp_path (under a folder only root can enter): a folder in /var/tmp
    that serve's account owns, removed afterwards."""
    path = make_workdir()
    yield path
    shutil.rmtree(path, ignore_errors=True)


def new_session(workdir, name="dag.tovholder"):
    path = os.path.join(workdir, name)
    r = run_cli("new", path, "--template", TEMPLATE)
    assert r.returncode == 0, r.stderr
    give_to_account(workdir)
    return path


@pytest.fixture
def session(workdir):
    return new_session(workdir)


@pytest.fixture
def serve(workdir, session):
    started = []

    def start(lang=None, path=session, wait=True, **kwargs):
        s = Serve(workdir, path, lang, **kwargs)
        started.append(s)  # stopped at the end even if it never gets going
        if wait:
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


