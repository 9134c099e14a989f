"""`tovholder serve`: the built-in SSH server. Participants log in with the real OpenSSH
client (the group's code given through SSH_ASKPASS) from tmux windows; what they type is
read back from the session file with sqlite3, and serve's own output and log are checked."""
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


# --- tests -------------------------------------------------------------------------------

def test_typing_over_ssh_lands_in_the_session(serve, clients, session):
    s = serve()
    c = clients().ssh(s.port, "gruppe2", s.codes()["gruppe2"])
    screen = joined(c, "Gruppe 2")
    assert "Arbejdsark · Gruppe 2" in screen
    c.send("Down")  # from the goal to the (empty) mechanisms
    text = "Tættere faglig ledelse ✓"
    c.type(text)
    wait_until(lambda: mechanisms(session, 2) == [text], what="the mechanism saved",
               detail=lambda: sql(session, "SELECT group_id, kind, text FROM entries"))
    c.wait_for(text)
    assert mechanisms(session, 1) == [] and mechanisms(session, 3) == []
    # The view is a participant's terminal of Gruppe 2, named after the SSH user, seen from
    # the client's address (SSH_CONNECTION); the login is logged.
    row = sql(session, "SELECT role, group_id, user, host FROM terminals")
    assert row == "participant|2|gruppe2|127.0.0.1", row
    assert log_lines(session) == [["127.0.0.1", "gruppe2", "godkendt"]]
    assert "gruppe2 fra 127.0.0.1 er med" in s.output()


def test_a_wrong_code_is_refused_and_logged(serve, askpass, session, workdir):
    s = serve()
    codes = s.codes()
    # Another group's code is no code for gruppe1; the client would ask five times, the
    # server takes three and answers each after a second. A name that is no group with a
    # code that is none is refused too.
    started = time.time()
    p = ssh_batch(s.port, "gruppe1", codes["gruppe2"], "-o", "NumberOfPasswordPrompts=5", command=["true"],
                  askpass=askpass)
    anna = ssh_batch(s.port, "anna", "zzzzzz", "-o", "NumberOfPasswordPrompts=1", command=["true"], askpass=askpass)
    out, err = p.communicate(timeout=20)
    took = time.time() - started
    assert p.returncode == 255 and "Permission denied" in err, err
    assert took >= 2.9, f"three wrong codes answered in {took:.1f}s"
    out, err = anna.communicate(timeout=20)
    assert anna.returncode == 255 and "Permission denied" in err, err
    assert sorted(map(tuple, log_lines(session))) == [("127.0.0.1", "anna", "forkert kode")] + \
        [("127.0.0.1", "gruppe1", "forkert kode")] * 3, log_lines(session)
    assert stat.S_IMODE(os.stat(session + "-ssh.log").st_mode) == 0o600
    assert s.output().count("gruppe1 fra 127.0.0.1: forkert kode") == 3, s.output()
    assert "anna fra 127.0.0.1: forkert kode" in s.output()
    assert sql(session, "SELECT count(*) FROM terminals") == "0"
    # Four failures do not block the address: the right code (in capitals, with a dash,
    # as read off the projector) is taken – and the command it asks for is not.
    code = codes["gruppe1"].upper()
    p = ssh_batch(s.port, "gruppe1", code[:3] + "-" + code[3:], command=["true"], askpass=askpass)
    out, err = p.communicate(timeout=20)
    assert p.returncode == 255 and "exec request failed" in err, err
    assert log_lines(session)[-1] == ["127.0.0.1", "gruppe1", "godkendt"]


def test_ten_failures_block_the_address_in_english(serve, askpass, session):
    s = serve(lang="en")
    codes = s.codes()
    assert f"ssh -p {s.port} gruppe3@127.0.0.1   code {codes['gruppe3']}" in s.output()
    # Four connections at once, three wrong codes each: twelve tries, ten of them counted.
    batch = [ssh_batch(s.port, "gruppe3", "forkert", command=["true"], askpass=askpass) for _ in range(4)]
    for p in batch:
        out, err = p.communicate(timeout=20)
        assert p.returncode == 255 and "Permission denied" in err, err
    results = [r for _, _, r in log_lines(session)]
    assert results == ["wrong code"] * 10 + ["blocked (too many attempts)"] * 2, results
    # Now even the right code is refused from this address.
    p = ssh_batch(s.port, "gruppe3", codes["gruppe3"], "-o", "NumberOfPasswordPrompts=1", command=["true"],
                  askpass=askpass)
    out, err = p.communicate(timeout=20)
    assert p.returncode == 255 and "Permission denied" in err, err
    assert log_lines(session)[12:] == [["127.0.0.1", "gruppe3", "blocked (too many attempts)"]]
    assert "gruppe3 from 127.0.0.1: blocked (too many attempts)" in s.output()


def test_the_fingerprint_shown_is_the_key_served(serve, session):
    s = serve()
    banner = s.output()
    m = re.search(r"Serverens fingeraftryk: (SHA256:[A-Za-z0-9+/]{43})\n", banner)
    assert m, banner
    shown = m.group(1)
    keyfile = session + "-hostkey"
    assert stat.S_IMODE(os.stat(keyfile).st_mode) == 0o600
    listed = subprocess.run(["ssh-keygen", "-lf", keyfile + ".pub"], capture_output=True, text=True, check=True).stdout
    assert listed.split()[1] == shown, listed
    # The key the server actually presents, as a client meets it.
    scan = subprocess.run(["ssh-keyscan", "-p", str(s.port), "-t", "ed25519", "127.0.0.1"],
                          capture_output=True, text=True, timeout=10).stdout
    served = subprocess.run(["ssh-keygen", "-lf", "-"], input=scan, capture_output=True, text=True).stdout
    assert served.split()[1] == shown, (scan, served)
    # The session file holds the same service; every group's join line is in the banner.
    service = sql(session, "SELECT port, address, fingerprint, pid FROM ssh_service")
    assert service == f"{s.port}|127.0.0.1|{shown}|{s.proc.pid}"
    codes = s.codes()
    assert list(codes) == ["gruppe1", "gruppe2", "gruppe3", "gruppe4"]
    for n, (user, code) in enumerate(codes.items(), 1):
        assert re.search(rf"^  Gruppe {n}   ssh -p {s.port} {user}@127\.0\.0\.1   kode {code}$", banner, re.M), banner
    # Ctrl-C stops it and no code is valid any more.
    assert s.stop(signal.SIGINT) == 0, s.output()
    assert "Stoppet. Alt er gemt i" in s.output()
    assert sql(session, "SELECT (SELECT count(*) FROM ssh_service) + (SELECT count(*) FROM ssh_codes)") == "0"
    # The next day: the same key, so participants' ssh knows the server again; new codes.
    again = serve()
    assert f"Serverens fingeraftryk: {shown}\n" in again.output()
    assert again.codes() != codes


def serve_cli(*args):
    """serve that is expected to refuse: ended after 10 s if it does not."""
    return subprocess.run([BIN, "serve", *args, "--listen", "127.0.0.1"], capture_output=True, text=True,
                          timeout=10, env=dict(os.environ, LANG="C.UTF-8"))


def test_a_second_serve_and_a_port_in_use_are_refused(serve, session, workdir):
    s = serve()
    r = serve_cli(session, "--port", str(free_port()))
    assert r.returncode == 1 and "allerede" in r.stderr, (r.returncode, r.stdout, r.stderr)
    assert sql(session, "SELECT pid FROM ssh_service") == str(s.proc.pid), "the first one's row is kept"
    other = os.path.join(workdir, "anden.tovholder")
    assert run_cli("new", other, "--template", TEMPLATE).returncode == 0
    r = serve_cli(other, "--port", str(s.port))
    assert r.returncode == 1 and "--port" in r.stderr, (r.returncode, r.stdout, r.stderr)
    assert sql(other, "SELECT count(*) FROM ssh_service") == "0"
    assert s.proc.poll() is None


def test_commands_file_transfer_and_forwarding_are_refused(serve, askpass, session, workdir):
    s = serve()
    code = s.codes()["gruppe1"]
    marker = os.path.join(workdir, "kommandoen-kørte")
    target = socket.socket()  # what `ssh -L` would reach
    target.bind(("127.0.0.1", 0))
    target.listen()
    target.settimeout(0.2)
    local = free_port()
    env = dict(os.environ, SSH_ASKPASS=askpass, SSH_ASKPASS_REQUIRE="force", TOV_CODE=code, LANG="C.UTF-8")
    copied = os.path.join(workdir, "passwd")
    batch = {
        "cmd": ssh_batch(s.port, "gruppe1", code, command=[f"touch {marker}"], askpass=askpass),
        "remote": ssh_batch(s.port, "gruppe1", code, "-N", "-o", "ExitOnForwardFailure=yes",
                            "-R", f"127.0.0.1:{free_port()}:127.0.0.1:22", askpass=askpass),
        "local": ssh_batch(s.port, "gruppe1", code, "-N", "-L",
                           f"127.0.0.1:{local}:127.0.0.1:{target.getsockname()[1]}", askpass=askpass),
        "sftp": subprocess.Popen(["sftp", "-P", str(s.port), *SSH_OPTIONS, "gruppe1@127.0.0.1"], env=env, text=True,
                                 stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE),
        "scp": subprocess.Popen(["scp", "-P", str(s.port), *SSH_OPTIONS, "gruppe1@127.0.0.1:/etc/passwd", copied],
                                env=env, text=True, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE),
        "scp -O": subprocess.Popen(["scp", "-O", "-P", str(s.port), *SSH_OPTIONS, "gruppe1@127.0.0.1:/etc/passwd",
                                    copied], env=env, text=True, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.PIPE),
    }
    try:
        # -L: the tunnel is up; a connection through it is closed at once, and reaches nothing.
        deadline = time.time() + 10
        while True:  # until ssh listens on the tunnel's end
            try:
                c = socket.create_connection(("127.0.0.1", local), timeout=5)
                break
            except ConnectionRefusedError:
                assert time.time() < deadline, "ssh -L never listened"
                time.sleep(0.05)
        opened = time.time()
        with c:
            try:
                c.sendall(b"GET / HTTP/1.0\r\n\r\n")
                got = c.recv(100)
            except ConnectionError:
                got = b""
        assert got == b"" and time.time() - opened < 2, (got, time.time() - opened)
        with pytest.raises(socket.timeout):
            target.accept()
        results = {}
        for what, p in batch.items():
            if what == "local":
                continue
            out, err = p.communicate(timeout=20)
            results[what] = (p.returncode, err)
    finally:
        for p in batch.values():
            if p.poll() is None:
                p.kill()
                p.wait()
        target.close()
    assert results["cmd"][0] == 255 and "exec request failed on channel 0" in results["cmd"][1], results["cmd"]
    assert results["remote"][0] == 255 and "remote port forwarding failed" in results["remote"][1], results["remote"]
    assert results["sftp"][0] != 0 and "subsystem request failed" in results["sftp"][1], results["sftp"]
    assert results["scp"][0] != 0 and "subsystem request failed" in results["scp"][1], results["scp"]
    assert results["scp -O"][0] != 0, results["scp -O"]
    assert not os.path.exists(marker) and not os.path.exists(copied)
    out = s.output()
    assert out.count("gruppe1 fra 127.0.0.1 bad om en kommando: afvist") == 2, out  # ssh CMD, scp -O
    assert out.count("gruppe1 fra 127.0.0.1 bad om sftp (filoverførsel): afvist") == 2, out  # sftp, scp
    assert out.count("gruppe1 fra 127.0.0.1 bad om videresendelse: afvist") == 2, out  # -R, -L
    assert "er med" not in out and sql(session, "SELECT count(*) FROM terminals") == "0", "no view was started"


def test_a_resize_reaches_the_view(serve, clients, session):
    s = serve()
    c = clients().ssh(s.port, "gruppe1", s.codes()["gruppe1"], 80, 24)
    joined(c, "Gruppe 1")
    size = lambda: sql(session, "SELECT columns, rows FROM terminals")
    wait_until(lambda: size() == "80|24", 5, "80×24 recorded")
    c.resize(110, 32)
    wait_until(lambda: size() == "110|32", 3, "110×32 recorded", size)
    # Redrawn for the new size: the key bar is on the last of its rows.
    wait_until(lambda: "F10" in c.screen().split("\n")[31], 3, "key bar on row 32", c.screen)
    c.resize(64, 20)  # smaller than the view can use: it says so, with the size it got
    wait_until(lambda: size() == "64|20", 3, "64×20 recorded", size)
    c.wait_for("Terminalen er 64×20", timeout=3)
    c.resize(90, 26)
    c.wait_for("Arbejdsark · Gruppe 1", timeout=3)
    wait_until(lambda: size() == "90|26", 3, "90×26 recorded", size)


def test_killing_the_client_mid_edit_loses_nothing_and_frees_the_field(serve, clients, session):
    s = serve()
    tmux = clients()
    code = s.codes()["gruppe2"]
    c = tmux.ssh(s.port, "gruppe2", code)
    joined(c, "Gruppe 2")
    c.send("Down")
    text = "Halvt skrevet, lige før låget gik i æøå"
    c.type(text)
    c.wait_for(text)  # the view has it: what the participant saw must be kept
    view = int(sql(session, "SELECT pid FROM terminals"))
    assert sql(session, "SELECT count(*) FROM leases") == "1"
    os.kill(c.ssh_pid(), signal.SIGKILL)
    rows = lambda: sql(session, "SELECT (SELECT count(*) FROM terminals) + (SELECT count(*) FROM leases)")
    wait_until(lambda: rows() == "0", 1.0, "the view's terminal and lease rows gone within a second",
               lambda: sql(session, "SELECT * FROM terminals; SELECT * FROM leases"))
    assert mechanisms(session, 2) == [text]
    s.wait_for("gruppe2 fra 127.0.0.1 gik")
    # The field is free at once: the group reconnects and finishes the sentence.
    c2 = tmux.ssh(s.port, "gruppe2", code)
    joined(c2, "Gruppe 2")
    c2.send("Down")
    c2.wait_for(text)
    c2.type(" – færdig")
    wait_until(lambda: mechanisms(session, 2) == [text + " – færdig"], 5, "finished after the reconnect", c2.screen)
    assert "optaget" not in c2.screen()
    # The hung-up view has ended and serve has reaped it (no zombie per dropped connection).
    wait_until(lambda: gone(view), 3, f"the hung-up view (pid {view}) reaped by serve",
               lambda: process_state(view))


def test_serve_stopped_says_goodbye_to_everyone_and_removes_the_codes(serve, clients, session):
    s = serve()
    codes = s.codes()
    tmux = clients()
    writer = tmux.ssh(s.port, "gruppe1", codes["gruppe1"])
    reader = tmux.ssh(s.port, "gruppe3", codes["gruppe3"])
    chooser = tmux.ssh(s.port, "anna", codes["gruppe2"])
    joined(writer, "Gruppe 1")
    joined(reader, "Gruppe 3")
    chooser.wait_for("Hvilken gruppe er du i?", timeout=15)
    wait_until(lambda: sql(session, "SELECT count(*) FROM terminals") == "2", 5, "two views registered")
    views = [int(p) for p in sql(session, "SELECT pid FROM terminals").split()]
    writer.send("Down")
    writer.type("Sidste ord før stop")
    writer.wait_for("Sidste ord før stop")
    assert s.stop(signal.SIGTERM) == 0, s.output()
    goodbye = "Facilitatoren har lukket for tilslutning. Alt, du skrev, er gemt. Tak for i dag!"
    exits = {}
    for who, c in (("writer", writer), ("reader", reader), ("chooser", chooser)):
        c.wait_for("EXITED=", timeout=5)
        assert goodbye in c.screen(join=True), c.screen()
        exits[who] = c.exit_code()
    assert "Stoppet." in s.output()
    assert mechanisms(session, 1) == ["Sidste ord før stop"]
    assert sql(session, "SELECT (SELECT count(*) FROM ssh_service) || '|' || (SELECT count(*) FROM ssh_codes) || '|' "
                        "|| (SELECT count(*) FROM terminals) || '|' || (SELECT count(*) FROM leases)") == "0|0|0|0"
    assert all(gone(v) for v in views)
    assert not listening(s.port), "nothing listens any more"
    # Every participant's ssh ends with 0 – also one still at the "which group" question.
    assert exits == {"writer": 0, "reader": 0, "chooser": 0}, exits


def test_a_user_name_that_is_no_group_is_asked_which(serve, clients, session):
    s = serve()
    c = clients().ssh(s.port, "anna", s.codes()["gruppe4"])
    c.wait_for("Hvilken gruppe er du i?", timeout=15)
    c.wait_for("4) Gruppe 4")
    assert "1) Gruppe 1" in c.screen()
    c.type("2")
    c.send("Enter")
    joined(c, "Gruppe 2")
    assert sql(session, "SELECT group_id, user FROM terminals") == "2|anna"
    c.send("Down")
    c.type("Anna skriver")
    wait_until(lambda: mechanisms(session, 2) == ["Anna skriver"], 5, "typed as Gruppe 2")
    assert log_lines(session) == [["127.0.0.1", "anna", "godkendt"]]


def test_twenty_clients_at_once_lose_nothing(serve, clients, session):
    """Five participants per group, all typing at the same time, each into a mechanism of its
    own made with F3 (two terminals never write in one field): every letter of every word
    lands, in its own entry of the right group."""
    s = serve()
    codes = s.codes()
    tmux = clients()
    people = []
    for i in range(20):
        group = i % 4 + 1
        people.append((tmux.ssh(s.port, f"gruppe{group}", codes[f"gruppe{group}"]), group, f"Ord{i:02d}-æøå"))
    pending = list(people)
    deadline = time.time() + 40
    while pending and time.time() < deadline:
        pending = [p for p in pending if f"Deltager · Gruppe {p[1]}" not in p[0].screen()]
        time.sleep(0.1)
    assert not pending, f"{len(pending)} not joined:\n" + pending[0][0].screen()
    assert sql(session, "SELECT count(*) FROM terminals") == "20"
    for c, _, _ in people:
        c.send("Down", "F3")
    # Letter by letter, round the room: the keystrokes of all twenty interleave.
    for n in range(len(people[0][2])):
        for c, _, word in people:
            c.type(word[n])
    expected = {g: sorted(w for _, group, w in people if group == g) for g in range(1, 5)}
    wait_until(lambda: all(sorted(mechanisms(session, g)) == expected[g] for g in range(1, 5)), 30,
               "every word in its own mechanism of its group",
               lambda: sql(session, "SELECT group_id, position, text FROM entries WHERE kind='mechanism'"))
    pending = list(people)
    deadline = time.time() + 10
    while pending and time.time() < deadline:  # and each sees its own word
        pending = [p for p in pending if p[2] not in p[0].screen()]
        time.sleep(0.1)
    assert not pending, f"{pending[0][2]} not on its screen:\n" + pending[0][0].screen()
    assert sql(session, "PRAGMA integrity_check") == "ok"
