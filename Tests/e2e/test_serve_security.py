"""`tovholder serve` keeps everyone out but the groups: wrong codes are refused, counted
and logged, the host key is the one shown, and commands, file transfer and forwarding are
refused. The real OpenSSH client against serve on 127.0.0.1."""
from serve_helpers import *  # noqa: F401,F403 (fixtures and helpers)



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
    attempts = lambda: [r for _, user, r in log_lines(session) if user == "gruppe3"]
    # Ten wrong codes, then the block: told once, the tries after it counted, not a line each.
    assert attempts() == ["wrong code"] * 10 + ["blocked (too many attempts)"], attempts()
    # Now even the right code is refused from this address.
    p = ssh_batch(s.port, "gruppe3", codes["gruppe3"], "-o", "NumberOfPasswordPrompts=1", command=["true"],
                  askpass=askpass)
    out, err = p.communicate(timeout=20)
    assert p.returncode == 255 and "Permission denied" in err, err
    assert "gruppe3 from 127.0.0.1: blocked (too many attempts)" in s.output()
    # Stopped, serve sums up what it counted: the twelfth try and the right code, in one line.
    assert s.stop() == 0, s.output()
    assert attempts() == ["wrong code"] * 10 + ["blocked (too many attempts)"], attempts()
    summary = [r for address, user, r in log_lines(session) if "while blocked" in r]
    assert len(summary) == 1 and re.match(r"127\.0\.0\.1: 2 attempts refused while blocked, ", summary[0]), \
        log_lines(session)
    assert summary[0] in s.output()


def test_the_fingerprint_shown_is_the_key_served(serve, session):
    s = serve()
    banner = s.output()
    m = re.search(r"Serverens fingeraftryk: (SHA256:[A-Za-z0-9+/]{43})\n", banner)
    assert m, banner
    shown = m.group(1)
    keyfile = s.hostkey  # the account's own key (~/.config/tovholder/hostkey), not the session's
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
    assert service == f"{s.port}|127.0.0.1|{shown}|{s.pid}"
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


def test_a_second_serve_and_a_port_in_use_are_refused(serve, session, workdir):
    s = serve()
    r = serve_cli(session, "--port", str(free_port()), home=s.home)
    assert r.returncode == 1 and "allerede" in r.stderr, (r.returncode, r.stdout, r.stderr)
    assert sql(session, "SELECT pid FROM ssh_service") == str(s.pid), "the first one's row is kept"
    other = os.path.join(workdir, "anden.tovholder")
    assert run_cli("new", other, "--template", TEMPLATE).returncode == 0
    give_to_account(workdir)
    r = serve_cli(other, "--port", str(s.port), home=s.home)
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
