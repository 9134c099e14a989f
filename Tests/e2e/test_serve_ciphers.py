"""Clients without AES-GCM (dropbear, old PuTTY, old Windows OpenSSH): serve also offers
aes128-ctr and aes256-ctr with hmac-sha2-256, plain and -etm@openssh.com. Real clients,
each held to one cipher and MAC, log in, get the worksheet and type into it. hmac-sha2-512
is not offered (TransportSchemes.ctrSHA512 says why)."""
import re
import shutil

import pytest

from serve_helpers import *  # noqa: F401,F403 (fixtures and helpers)

PAIRS = [("aes128-ctr", "hmac-sha2-256-etm@openssh.com"), ("aes128-ctr", "hmac-sha2-256"),
         ("aes256-ctr", "hmac-sha2-256-etm@openssh.com"), ("aes256-ctr", "hmac-sha2-256")]


def window(tmux, command):
    tmux.count += 1
    name = f"c{tmux.count}"
    tmux.tmux("new-window", "-d", "-t", "s", "-n", name, "sh", "-c", f"{command}; echo EXITED=$?; sleep 600")
    return Client(tmux, name)


def types_into_the_worksheet(client, session, group, text):
    joined(client, f"Gruppe {group}")
    client.send("Down")  # from the goal to the (empty) mechanisms
    client.type(text)
    wait_until(lambda: mechanisms(session, group) == [text], what=f"Gruppe {group}'s text saved",
               detail=client.screen)


def test_openssh_held_to_each_aes_ctr_pair_logs_in_and_types(serve, clients, session):
    s = serve()
    tmux = clients()
    codes = s.codes()
    for group, (cipher, mac) in enumerate(PAIRS, start=1):
        user = f"gruppe{group}"
        c = window(tmux, f"env SSH_ASKPASS={tmux.askpass} SSH_ASKPASS_REQUIRE=force TOV_CODE={codes[user]} "
                         f"TERM=tmux-256color LANG=C.UTF-8 ssh -p {s.port} {' '.join(SSH_OPTIONS)} "
                         f"-c {cipher} -m {mac} {user}@127.0.0.1")
        types_into_the_worksheet(c, session, group, f"{cipher} {mac} ✓")


def test_hmac_sha2_512_alone_is_refused_and_the_facilitator_is_told(serve, askpass):
    """Not offered (DECISIONS: swift-nio-ssh 0.15.1 makes 32-byte keys, SHA-512 needs 64): a
    client held to it is refused, and serve says why; no code was ever tried."""
    s = serve()
    for mac in ("hmac-sha2-512", "hmac-sha2-512-etm@openssh.com"):
        p = ssh_batch(s.port, "gruppe1", s.codes()["gruppe1"], "-c", "aes128-ctr", "-m", mac, askpass=askpass)
        _, err = p.communicate(timeout=10)
        assert p.returncode == 255, err
    assert s.proc.poll() is None, s.output()
    wait_until(lambda: [r for _, u, r in log_lines(s.path) if "ingen fælles kryptering" in r and u == "-"].__len__() == 2,
               5, "both refusals told", lambda: open(s.path + "-ssh.log").read())
    assert all(u == "-" for _, u, _ in log_lines(s.path)), "never got as far as a code"


@pytest.mark.skipif(not shutil.which("dbclient"), reason="needs dropbear-bin")
def test_dropbear_logs_in_with_aes_ctr(serve, clients, session, workdir):
    s = serve()
    tmux = clients()
    for group, cipher in ((1, "aes128-ctr"), (2, "aes256-ctr")):
        user = f"gruppe{group}"
        c = window(tmux, f"env HOME={workdir} DROPBEAR_PASSWORD={s.codes()[user]} TERM=tmux-256color LANG=C.UTF-8 "
                         f"dbclient -y -y -c {cipher} -m hmac-sha2-256 -p {s.port} {user}@127.0.0.1")
        types_into_the_worksheet(c, session, group, f"dropbear {cipher} ✓")


@pytest.mark.skipif(not shutil.which("plink"), reason="needs putty-tools")
def test_putty_held_to_aes_ctr_logs_in(serve, clients, session, workdir):
    s = serve()
    tmux = clients()
    # PuTTY has no -c: a saved session puts "aes" (its CTR and CBC family) before AES-GCM.
    sessions = os.path.join(workdir, ".putty", "sessions")
    os.makedirs(sessions)
    with open(os.path.join(sessions, "ctr"), "w") as f:
        f.write("Cipher\\aes,WARN,aesgcm,chacha20,3des,blowfish,des,arcfour\\\n")
    fingerprint = re.search(r"SHA256:[A-Za-z0-9+/]+", s.output()).group(0)
    log = os.path.join(workdir, "plink.err")
    c = window(tmux, f"env HOME={workdir} TERM=tmux-256color LANG=C.UTF-8 plink -v -load ctr -P {s.port} "
                     f"-hostkey {fingerprint} -pw {s.codes()['gruppe3']} -t gruppe3@127.0.0.1 2>{log}")
    wait_until(lambda: "Press Return" in c.screen() or "Gruppe 3" in c.screen(), 15, "plink logged in", c.screen)
    if "Press Return" in c.screen():  # PuTTY's guard against a spoofed prompt, after -pw
        c.send("Enter")
    types_into_the_worksheet(c, session, 3, "putty ✓")
    with open(log, encoding="utf-8", errors="replace") as f:
        assert "AES-256 SDCTR" in f.read()
