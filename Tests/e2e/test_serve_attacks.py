"""serve holds against the network, each case bounded in time. The log is never written
through a symlink, and nothing typed by a stranger forges a line or fills it: a newline in a
user name is shown as ␊, a name is cut at 64 Unicode scalars. A crowd of idle connections
from one address does not keep a group out; one login opens one session; X11 and agent
forwarding are refused and the connection goes on; a group name holding an escape sequence
reaches no terminal raw; a leftover service row whose pid now belongs to another process
does not block serve."""
from serve_helpers import *  # noqa: F401,F403 (fixtures and helpers)


def test_a_log_that_is_a_symlink_stops_serve_and_its_target_is_untouched(session, workdir):
    bashrc = os.path.join(workdir, "home", ".bashrc")
    with open(bashrc, "w") as f:
        f.write("# the facilitator's shell settings\nalias ll='ls -l'\n")
    log = session + "-ssh.log"
    os.symlink(bashrc, log)
    give_to_account(workdir)
    before = open(bashrc, "rb").read()
    r = serve_cli(session, "--port", str(free_port()), home=os.path.join(workdir, "home"))
    said = r.stdout + r.stderr
    assert r.returncode == 1, (r.returncode, said)
    assert log in said and "ikke en almindelig fil" in said, said
    assert open(bashrc, "rb").read() == before
    assert os.path.islink(log)
    assert sql(session, "SELECT count(*) FROM ssh_service") == "0"


def test_a_newline_in_a_user_name_forges_no_log_line(serve, session, workdir):
    s = serve()
    name = "x\ntouch " + os.path.join(workdir, "PWNED") + " #"
    assert not login_attempt(s.port, name, "zzzzzz")
    wait_until(lambda: any(user.startswith("x␊touch") for _, user, _ in log_lines(session)), 10,
               "the attempt logged", lambda: log_text(session))
    # log_lines checks that every line has its four fields and its time.
    lines = [(user, result) for _, user, result in log_lines(session) if "touch" in user]
    assert lines == [(name.replace("\n", "␊"), "forkert kode")], lines
    assert not any(line.startswith("touch") for line in log_text(session).split("\n")), log_text(session)
    assert "\ntouch" not in s.output()


def test_a_user_name_of_16000_combining_marks_is_cut(serve, session):
    s = serve()
    name = "a" + "\u0301" * 16000
    assert not login_attempt(s.port, name, "zzzzzz")
    wait_until(lambda: any(user.startswith("a\u0301") for _, user, _ in log_lines(session)), 10,
               "the attempt logged", lambda: log_text(session)[:2000])
    line = next(line for line in log_text(session).split("\n") if "\ta\u0301" in line)
    assert len(line.encode()) < 1024, f"a log line of {len(line.encode())} bytes"
    user = line.split("\t")[2]
    assert len(user) <= 64, len(user)
    said = s.wait_for("forkert kode")
    assert all(len(l.encode()) < 1024 for l in said.splitlines()), max(len(l.encode()) for l in said.splitlines())


def test_150_idle_connections_from_one_address_keep_no_group_out(serve, clients, session):
    s = serve()
    idle = []
    try:
        for _ in range(150):
            c = socket.socket()
            c.bind(("127.0.0.2", 0))
            c.settimeout(5)
            try:
                c.connect(("127.0.0.1", s.port))
            except OSError:
                pass  # refused: fine, as long as it costs serve nothing
            idle.append(c)
        s.wait_for("For mange forbindelser uden login fra 127.0.0.2")
        c = clients().ssh(s.port, "gruppe1", s.codes()["gruppe1"])
        joined(c, "Gruppe 1")
        type_a_word(c, session, 1, "Kom ind trods mængden")
        fds = s.fds()
        assert fds < 60, f"serve holds {fds} file descriptors"
        assert s.output().count("For mange forbindelser uden login fra 127.0.0.2") == 1, s.output()
    finally:
        for c in idle:
            c.close()


def test_a_second_session_on_one_login_is_refused_and_the_first_goes_on(serve, session):
    import paramiko
    s = serve()
    p = RawSession(s.port, "gruppe2", s.codes()["gruppe2"])
    try:
        p.read_until("Deltager")
        with pytest.raises(paramiko.ChannelException):
            p.transport.open_session(timeout=10)
        s.wait_for("gruppe2 fra 127.0.0.1 bad om en session mere: afvist")
        p.send(DOWN + F3 + "Første kanal virker")
        wait_until(lambda: "Første kanal virker" in mechanisms(session, 2), 10, "typed through the first channel",
                   lambda: screen_text(p.raw)[-1500:])
        assert sql(session, "SELECT count(*) FROM terminals") == "1"
    finally:
        p.close()


def test_x11_and_agent_forwarding_are_refused_and_the_session_goes_on(serve, clients, session):
    s = serve()
    tmux = clients()
    # An agent for -A to offer, and a display for -X (no X server: ssh fakes the cookie).
    c = tmux.window(["ssh-agent", "ssh", "-X", "-A", "-p", s.port, *SSH_OPTIONS, "gruppe4@127.0.0.1"],
                    {"SSH_ASKPASS": tmux.askpass, "SSH_ASKPASS_REQUIRE": "force", "TOV_CODE": s.codes()["gruppe4"],
                     "DISPLAY": ":0"})
    joined(c, "Gruppe 4")
    type_a_word(c, session, 4, "Med X11 bedt om")
    out = s.wait_for("X11-videresendelse: afvist")
    assert re.search(r"gruppe4 fra 127\.0\.0\.1 bad om agent\S*: afvist", out), out


def test_a_group_name_with_an_escape_sequence_reaches_no_terminal(serve, session):
    sql(session, "UPDATE groups SET name = 'Gruppe 2' || char(27) || ']52;c;SGVsbG8=' || char(7) "
                 "WHERE name = 'Gruppe 2'")
    s = serve()
    assert "\x1b" not in s.output(), repr(s.output())
    p = RawSession(s.port, "anna", s.codes()["gruppe1"])
    try:
        p.read_until("Hvilken gruppe er du i?")
        p.read_until("4) Gruppe 4")
        assert b"\x1b]52" not in p.raw, p.raw
        assert "2) Gruppe 2" in screen_text(p.raw)
    finally:
        p.close()


def test_a_leftover_service_row_whose_pid_is_another_process_does_not_block(serve, session):
    first = serve()
    os.kill(first.pid, signal.SIGKILL)  # no goodbye: its row stays behind
    first.proc.wait(5)
    assert sql(session, "SELECT count(*) FROM ssh_service") == "1"
    other = subprocess.Popen(["sleep", "300"])  # the pid is now someone else's, alive
    try:
        sql(session, f"UPDATE ssh_service SET pid = {other.pid}")
        s = serve()
        assert "deles allerede" not in s.output()
        assert sql(session, "SELECT pid FROM ssh_service") == str(s.pid)
    finally:
        other.kill()
        other.wait()
