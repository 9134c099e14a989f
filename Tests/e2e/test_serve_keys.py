"""One server identity per facilitator, not per file: serve keeps its host key in the
account's configuration folder (~/.config/tovholder/hostkey), so a laptop that met the server
on day 1 knows it again on day 2 (`new --from`), with ssh's strictest host key checking. A
session from an older Tovholder with its own FILE-hostkey keeps that key and serve says so;
`--host-key PATH` picks another key; the public key file beside the key is made again when
missing and corrected when wrong, so `ssh-keygen -lf` shows what serve prints."""
from serve_helpers import *  # noqa: F401,F403 (fixtures and helpers)


def strict(known_hosts, mode):
    return ["-o", f"StrictHostKeyChecking={mode}", "-o", f"UserKnownHostsFile={known_hosts}"]


def test_day_2_is_the_same_server_to_a_laptop_that_joined_day_1(serve, clients, session, workdir):
    day1 = serve()
    known_hosts = os.path.join(workdir, "bærbarens-known_hosts")
    tmux = clients()
    c = tmux.ssh(day1.port, "gruppe1", day1.codes()["gruppe1"], options=strict(known_hosts, "accept-new"))
    joined(c, "Gruppe 1")
    assert os.path.getsize(known_hosts) > 0, "the laptop remembered the server"
    c.close()
    assert day1.stop() == 0, day1.output()
    assert os.path.exists(day1.hostkey) and not os.path.exists(session + "-hostkey")

    day2 = os.path.join(workdir, "dag2.tovholder")
    made = run_cli("new", day2, "--from", session, "--date", "2027-01-14", cwd=workdir)
    assert made.returncode == 0, made.stderr
    assert not os.path.exists(day2 + "-hostkey"), "new --from carries no key"
    s = serve(path=day2, port=day1.port)
    assert s.fingerprint() == day1.fingerprint()
    c = tmux.ssh(s.port, "gruppe2", s.codes()["gruppe2"], options=strict(known_hosts, "yes"))
    joined(c, "Gruppe 2")
    type_a_word(c, day2, 2, "Dag to æøå")
    assert "IDENTIFICATION HAS CHANGED" not in c.transcript()


def write_legacy_key(path):
    """A key file as an older Tovholder wrote it beside the session."""
    with open(path, "w") as f:
        f.write("tovholder ed25519 host key v1\n" + base64.b64encode(os.urandom(32)).decode() + "\n")
    os.chmod(path, 0o600)
    give_to_account(os.path.dirname(path))


def test_a_session_with_its_own_older_key_keeps_it(serve, session):
    legacy = session + "-hostkey"
    write_legacy_key(legacy)
    expected = key_file_fingerprint(legacy)
    s = serve()
    assert s.fingerprint() == expected
    assert served_fingerprint(s.port) == expected
    assert s.output().count("Denne session har sin egen nøgle") == 1, s.output()


def test_host_key_option_uses_the_key_given_and_makes_it_if_missing(serve, workdir):
    folder = os.path.join(workdir, "nøgler")
    os.mkdir(folder, 0o700)
    chosen = os.path.join(folder, "prøve-nøgle")
    s = serve(args=["--host-key", chosen])
    assert os.path.exists(chosen), os.listdir(folder)
    assert stat.S_IMODE(os.stat(chosen).st_mode) == 0o600
    assert key_file_fingerprint(chosen) == s.fingerprint() == served_fingerprint(s.port)
    assert listed_fingerprint(chosen + ".pub") == s.fingerprint()


def test_the_public_key_file_is_made_again_and_corrected(serve, workdir):
    first = serve()
    shown = first.fingerprint()
    pub = first.hostkey + ".pub"
    assert listed_fingerprint(pub) == shown
    assert first.stop() == 0, first.output()
    # Missing: made again.
    os.unlink(pub)
    s = serve()
    assert s.fingerprint() == shown
    assert listed_fingerprint(pub) == shown
    assert s.stop() == 0, s.output()
    # Another key's: corrected, and serve says so.
    other = os.path.join(workdir, "anden")
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other], check=True)
    shutil.copy(other + ".pub", pub)
    give_to_account(workdir)
    assert listed_fingerprint(pub) != shown
    s = serve()
    assert listed_fingerprint(pub) == shown == s.fingerprint()
    assert any("rettet" in line for line in s.output().splitlines()), s.output()
