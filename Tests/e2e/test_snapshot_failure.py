"""Issue 21, point 6: a snapshot that cannot be taken is shown on the facilitator's screen
and retried (every 2 s here: TOVHOLDER_SNAPSHOT_RETRY) until one is taken; leftover
`.partial` files from a killed snapshot are removed. On a small tmpfs the session's disk is
filled until there is less room than twice the session, then room is made."""
import os
import subprocess
import time

import pytest

from conftest import BIN, sql
from test_full_disk import fill, small_disk  # noqa: F401 (the fixture)

NOTICE = "Øjebliksbillede kunne ikke tages"


def snapshots(folder):
    return sorted(os.listdir(folder)) if os.path.isdir(folder) else []


def leftover(folder, name, age):
    """A `.partial` as a snapshot killed `age` seconds ago left it."""
    path = os.path.join(folder, name + ".partial")
    with open(path, "wb") as f:
        f.write(b"\0" * 100_000)
    os.utime(path, (time.time() - age, time.time() - age))
    return path


def test_a_snapshot_without_room_is_shown_retried_and_taken_once_room_is_made(term, small_disk):
    session = os.path.join(small_disk, "dag.tovholder")
    subprocess.run([BIN, "new", session], check=True, capture_output=True)
    folder = session + ".snapshots"
    os.mkdir(folder, 0o700)
    killed = [leftover(folder, "2026-01-01 10.00.00.tovholder", 3600), leftover(folder, "2026-01-01 10.05.00.tovholder", 600)]
    # Less free than twice the session (and its -wal), but room for the terminal's own writes.
    filler = fill(small_disk)
    size = os.path.getsize(session) + (os.path.getsize(session + "-wal") if os.path.exists(session + "-wal") else 0)
    os.truncate(filler, os.path.getsize(filler) - size)

    t = term(140, 30)
    t.workdir = small_disk
    t.start(session, env={"TOVHOLDER_SNAPSHOT_RETRY": "2"})
    screen = t.wait_for(NOTICE, timeout=10)
    assert "fri, og det kræver" in screen and "prøver igen om et minut" in screen, screen
    for path in killed:
        assert not os.path.exists(path), f"{path}: a leftover older than the running snapshot"
    assert snapshots(folder) == [], "nothing taken, no 0-byte .partial left"
    t.send("Right")  # a key does not clear it: it stays until a snapshot is taken
    time.sleep(2.5)
    assert NOTICE in t.screen()
    assert snapshots(folder) == []

    # Another killed snapshot's leftover appears meanwhile; then room is made.
    late = leftover(folder, "2026-01-01 11.00.00.tovholder", 120)
    os.unlink(filler)
    t.wait_until(lambda: any(n.endswith(".tovholder") for n in snapshots(folder)), timeout=10,
                 what="a snapshot once room is made")
    t.wait_until(lambda: NOTICE not in t.screen(), timeout=5, what="the notice gone")
    assert "Øjebliksbillede taget igen" in t.screen()
    assert not os.path.exists(late)
    assert [n for n in snapshots(folder) if n.endswith(".partial")] == []
    taken = [os.path.join(folder, n) for n in snapshots(folder)]
    assert sql(taken[0], "PRAGMA integrity_check") == "ok"
