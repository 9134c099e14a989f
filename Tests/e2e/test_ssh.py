"""A participant joins over a real OpenSSH server that the test starts on 127.0.0.1 with keys
it generates; the facilitator's plenum shows what the participant typed."""
import os
import shutil
import socket
import subprocess
import time

import pytest

from conftest import BIN, sql

SSHD = "/usr/sbin/sshd"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def sshd(tmp_path):
    if not os.path.exists(SSHD) or os.geteuid() != 0:
        pytest.skip("needs openssh-server and root (as in CI)")
    d = tmp_path / "ssh"
    d.mkdir()
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(d / "host")], check=True)
    subprocess.run(["ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", str(d / "user")], check=True)
    shutil.copy(d / "user.pub", d / "authorized_keys")
    os.chmod(d / "authorized_keys", 0o600)
    port = free_port()
    config = d / "sshd_config"
    config.write_text(
        f"Port {port}\nListenAddress 127.0.0.1\nHostKey {d / 'host'}\nAuthorizedKeysFile {d / 'authorized_keys'}\n"
        f"PidFile {d / 'sshd.pid'}\nStrictModes no\nPasswordAuthentication no\nPermitRootLogin yes\n"
        f"UsePAM no\nAcceptEnv LANG LC_*\n")
    os.makedirs("/run/sshd", exist_ok=True)
    subprocess.run([SSHD, "-f", str(config)], check=True)
    deadline = time.time() + 5
    while not (d / "sshd.pid").exists() and time.time() < deadline:
        time.sleep(0.05)
    yield {"port": port, "key": str(d / "user")}
    pid = int((d / "sshd.pid").read_text())
    os.kill(pid, 15)


def test_a_group_joins_over_ssh_and_the_facilitator_sees_its_edit(term, workdir, sshd):
    f = term(100, 30).start()
    f.wait_for("Afslut")
    path = os.path.join(workdir, "udviklingsdag.tovholder")
    remote = (f"ssh -t -p {sshd['port']} -i {sshd['key']} -o StrictHostKeyChecking=no "
              f"-o UserKnownHostsFile=/dev/null -o LogLevel=ERROR root@127.0.0.1 "
              f"LANG=C.UTF-8 TERM=tmux-256color {BIN} join {path} --group 2")
    p = term(80, 24)
    p.tmux("new-session", "-d", "-x", "80", "-y", "24", "sh", "-c", remote + "; echo EXITED=$?; sleep 600")
    p.resize(80, 24)
    p.wait_for("Arbejdsark · Gruppe 2", timeout=20)
    p.type("Over ssh: møde med borgeren ✓")
    p.send("Escape")
    f.send("o")
    f.wait_for("Over ssh: møde med borgeren ✓")
    # The facilitator's list of terminals shows where the group sits (SSH_CONNECTION).
    f.send("Escape")
    f.wait_for("Velkommen")  # back on the item (a letter right after Esc would be Alt-letter)
    f.send("t")
    f.wait_for("127.0.0.1")
    assert "Over ssh: møde med borgeren ✓" == sql(
        path, "SELECT e.text FROM entries e JOIN groups g ON g.id = e.group_id "
              "WHERE e.kind='goal' AND g.name='Gruppe 2'")
    # Quitting over SSH closes the connection: a deliberate key and a confirmation.
    p.send("F10")
    p.wait_for("Afslutte?")
    p.send("Enter")
    p.wait_for("EXITED=0")
