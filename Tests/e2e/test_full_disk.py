"""A full disk loses nothing: a small tmpfs fills while a group types; the screen says so,
keeps the text, and everything is saved in order once space is back (checked with sqlite3)."""
import os
import subprocess
import time
import uuid

import pytest

from conftest import BIN, sql


@pytest.fixture
def small_disk(tmp_path):
    mount = str(tmp_path / "disk")
    os.mkdir(mount)
    r = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", mount], capture_output=True, text=True)
    if r.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here ({r.stderr.strip()}): needs root")
    yield mount
    subprocess.run(["umount", "-l", mount], capture_output=True)


def fill(folder):
    """Fills the disk to the last byte, as a download or a log file would."""
    path = os.path.join(folder, "fyld")
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o600)
    for size in (65536, 4096, 1):
        try:
            while True:
                os.write(fd, b"\0" * size)
        except OSError:
            pass
    os.close(fd)
    return path


def test_typing_on_a_full_disk_is_kept_and_saved_when_space_is_back(term, small_disk):
    session = os.path.join(small_disk, "dag.tovholder")
    subprocess.run([BIN, "new", session], check=True, capture_output=True)
    t = term(80, 24)
    t.workdir = small_disk
    t.start("join", session, "--group", "Gruppe 1")
    t.wait_for("Arbejdsark")
    t.type("Før")
    t.wait_until(lambda: sql(session, "SELECT count(*) FROM entries WHERE text = 'Før'") == "1", what="saved before")
    filler = fill(small_disk)
    typed = " fuld disk æøå"
    t.type(typed)
    t.wait_for("Disken er fuld", timeout=10)
    screen = t.wait_for("Før fuld disk æøå")  # the text stays on screen
    assert "ikke gemt endnu" in screen
    t.send("Escape")  # leaving the field once lost the text: it must stay
    time.sleep(0.5)
    t.send("Down")
    time.sleep(0.3)
    assert "Før fuld disk æøå" in t.screen()
    time.sleep(1.5)
    assert "fuld disk" not in sql(session, "SELECT group_concat(text) FROM entries"), "not in the file yet"
    os.unlink(filler)
    t.wait_until(lambda: sql(session, "SELECT count(*) FROM entries WHERE text = 'Før" + typed + "'") == "1",
                 timeout=10, what="saved in order once space is back")
    t.wait_for("Alt er gemt igen")
    assert sql(session, "PRAGMA integrity_check") == "ok"
