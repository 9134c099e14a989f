"""Every laptop gets in: OpenSSH forced to each cipher and MAC serve offers (AES-GCM, and
AES-CTR with HMAC-SHA2 in both orders of encrypt and MAC), an old Windows OpenSSH offering
only aes128-ctr with hmac-sha2-256, PuTTY's plink and dropbear's dbclient with their
defaults, and Python's paramiko: each reaches its group's worksheet ("Deltager · Gruppe N")
and a word typed there is in the session file. plink gets there without "Press Return to
begin session". A client with no cipher in common is refused, and serve's window, the log and
the facilitator's `t` say why in words a facilitator can act on.

One serve for the whole module (as the facilitator's one serve for a day); each test closes
its client, and the groups take turns."""
import itertools

from serve_helpers import *  # noqa: F401,F403 (fixtures and helpers)

GROUPS = itertools.cycle([1, 2, 3, 4])


class Room:
    """The module's one serve, its session and its tmux server."""

    def __init__(self):
        self.workdir = make_workdir()
        self.session = new_session(self.workdir)
        self.serve = Serve(self.workdir, self.session)
        self.serve.wait_for("Ctrl-C")
        self.clients = Clients(self.workdir)
        self.codes = self.serve.codes()

    def close(self):
        self.clients.kill()
        self.serve.kill()
        shutil.rmtree(self.workdir, ignore_errors=True)


@pytest.fixture(scope="module")
def room():
    r = Room()
    yield r
    r.close()


def gets_in_and_types(room, connect, word):
    """connect(port, user, code) -> Client: it reaches the worksheet of its group, and the word
    typed lands in that group's mechanisms; the client is then closed."""
    group = next(GROUPS)
    client = connect(room.serve.port, f"gruppe{group}", room.codes[f"gruppe{group}"])
    try:
        joined(client, f"Gruppe {group}")
        type_a_word(client, room.session, group, word)
        client.wait_for(word)
    finally:
        client.close()
    return client


# hmac-sha2-512 is not offered (DECISIONS: swift-nio-ssh 0.15.1 makes 32-byte keys); a client
# that prefers it and also has hmac-sha2-256, as every one does, gets in with SHA-256.
CIPHERS = [("aes128-gcm@openssh.com", None), ("aes256-gcm@openssh.com", None)] + [
    (cipher, mac) for cipher in ("aes128-ctr", "aes256-ctr")
    for mac in ("hmac-sha2-256", "hmac-sha2-256-etm@openssh.com", "hmac-sha2-512,hmac-sha2-256",
                "hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com")]


@pytest.mark.parametrize("cipher,mac", CIPHERS, ids=[c + (f"+{m}" if m else "") for c, m in CIPHERS])
def test_openssh_gets_in_with_each_cipher(room, cipher, mac):
    # LogLevel=INFO: if it fails, ssh says why ("no matching MAC found").
    options = ["-c", cipher] + (["-m", mac] if mac else []) + ["-o", "LogLevel=INFO"]
    gets_in_and_types(room, lambda port, user, code: room.clients.ssh(port, user, code, options=options),
                      f"Kryptering {cipher} {(mac or '').split(',')[0]} æøå".replace("  ", " "))


def test_an_old_windows_openssh_offering_only_ctr_gets_in(room):
    """Windows 10's first OpenSSH builds offer no AES-GCM an older server would take; this
    is what such a client proposes at the least."""
    options = ["-o", "Ciphers=aes128-ctr", "-o", "MACs=hmac-sha2-256", "-o", "LogLevel=INFO"]
    gets_in_and_types(room, lambda port, user, code: room.clients.ssh(port, user, code, options=options),
                      "Gammel Windows-ssh æøå")


def test_plink_gets_in_without_an_extra_return(room):
    # The banner gives the facilitator the plink line that does not stop at "Press Return".
    assert f"plink -P {room.serve.port} -no-antispoof gruppe1@127.0.0.1" in room.serve.output(), room.serve.output()
    fingerprint = room.serve.fingerprint()
    client = gets_in_and_types(room, lambda port, user, code: room.clients.plink(port, user, code, fingerprint),
                               "PuTTY plink æøå")
    # No key but the word's was sent before the worksheet appeared, and nothing ever asked for one.
    assert "Press Return" not in client.transcript(), client.transcript()[-2000:]


def test_dbclient_gets_in(room):
    gets_in_and_types(room, room.clients.dbclient, "Dropbear dbclient æøå")


def test_paramiko_gets_in(room):
    gets_in_and_types(room, room.clients.paramiko, "Paramiko æøå")


NO_CIPHER = ("En bærbar på 127.0.0.1 kunne ikke forbinde: dens ssh-program er for gammelt (ingen fælles "
             "kryptering). Opdatér PuTTY, eller brug Windows' egen ssh.")


def test_a_client_with_no_common_cipher_is_refused_and_the_facilitator_is_told_why(room):
    def refused():
        # ssh mostly says "no matching cipher found" (at LogLevel=INFO), but now and then serve
        # has closed before ssh read serve's offer, and it says "Connection closed".
        p = ssh_batch(room.serve.port, "gruppe1", room.codes["gruppe1"], "-c", "aes128-cbc", "-o", "LogLevel=INFO",
                      command=["true"], askpass=room.clients.askpass)
        out, err = p.communicate(timeout=20)
        assert p.returncode == 255 and ("no matching cipher" in err or "Connection closed" in err), err

    before = log_lines(room.session).count(["127.0.0.1", "-", NO_CIPHER])
    refused()
    room.serve.wait_for(NO_CIPHER)
    wait_until(lambda: log_lines(room.session).count(["127.0.0.1", "-", NO_CIPHER]) == before + 1, 5,
               "the failure in the log", lambda: log_text(room.session))
    # The facilitator's t (terminals) shows the last five failures: six laptops fail.
    for _ in range(5):
        refused()
    wait_until(lambda: log_lines(room.session).count(["127.0.0.1", "-", NO_CIPHER]) == before + 6, 5,
               "six failures in the log", lambda: log_text(room.session))
    fac = facilitator(room.clients, room.session, width=200, height=50)
    fac.send("t")
    fac.wait_for("Tilslutning over SSH")
    fac.wait_for("ingen fælles kryptering")
    shown = lambda: fac.screen().count("ingen fælles kryptering")
    wait_until(lambda: shown() == 5, 3, "the last five failures on t", fac.screen)
