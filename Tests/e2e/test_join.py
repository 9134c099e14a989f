"""Many terminals, one session: a facilitator and participants' `tovholder join` in tmux,
and a participant over a real OpenSSH server on 127.0.0.1."""
import os
import re
import signal
import time

from conftest import BIN, sql

FILE = "udviklingsdag.tovholder"


def facilitator(term, workdir):
    t = term(100, 30).start()
    t.wait_for("Afslut")
    return t, os.path.join(workdir, FILE)


def participant(term, group, width=80, height=24):
    t = term(width, height).start("join", FILE, "--group", group)
    t.wait_for("Arbejdsark")
    return t


def goal_of(path, group):
    return sql(path, f"SELECT e.text FROM entries e JOIN groups g ON g.id = e.group_id "
                     f"WHERE e.kind = 'goal' AND g.name = '{group}' AND e.deleted_at IS NULL ORDER BY e.position LIMIT 1")


def test_participants_type_at_once_and_everyone_sees_it(term, workdir):
    f, path = facilitator(term, workdir)
    p1 = participant(term, "Gruppe 1")
    p2 = participant(term, "2")
    assert "Deltager · Gruppe 1" in p1.screen()
    # Both type straight into their focused goal (no key starts the editing).
    for a, b in __import__("itertools").zip_longest("Borgeren først æø", "Ét sprog for alle 🤝", fillvalue=""):
        if a: p1.type(a)
        if b: p2.type(b)
    f.send("o")
    screen = f.wait_for("Borgeren først æø")
    f.wait_for("Ét sprog for alle 🤝")
    assert goal_of(path, "Gruppe 1") == "Borgeren først æø"
    assert goal_of(path, "Gruppe 2") == "Ét sprog for alle 🤝"
    p1.send("Escape")
    p1.send("F5")
    p1.wait_for("Ét sprog for alle 🤝")  # read-only view of the other groups
    p1.type("x")  # a participant cannot type in the plenum notes
    time.sleep(0.3)
    assert sql(path, "SELECT count(*) FROM plenum_notes") == "0"
    assert goal_of(path, "Gruppe 1") == "Borgeren først æø"


def test_participants_cannot_move_the_day_and_follow_the_facilitator(term, workdir):
    f, path = facilitator(term, workdir)
    p = participant(term, "Gruppe 1")
    bar = p.screen().rstrip().splitlines()[-1]
    assert "Mellemrum" not in bar and "→ Næste" not in bar and "Program" not in bar, bar
    for key in ("Right", "n", "Space", "+", "a", "Enter", "Escape"):
        p.send(key)
    p.send("Escape")
    time.sleep(0.5)
    assert sql(path, "SELECT item_index FROM position") == "0"
    assert sql(path, "SELECT count(*) FROM item_progress WHERE running_since IS NOT NULL") == "0"
    # The facilitator jumps to the mechanisms group work and starts its timer.
    day = __import__("conftest").programme(path)
    target = next(i for i, it in enumerate(day["agenda"]) if it.get("part") == "mechanisms" and it["kind"] == "group-work")
    f.send("a")
    for _ in range(target):
        f.send("Down")
    f.send("Enter")
    f.send("Space")
    p.wait_for("⏱")  # the facilitator's countdown, small, in step
    screen = p.wait_for("Virksomme mekanismer")
    assert "Arbejdsark · Gruppe 1" in screen


def test_one_field_one_writer_lock_and_presence(term, workdir):
    f, path = facilitator(term, workdir)
    p1 = participant(term, "Gruppe 1")
    p2 = participant(term, "Gruppe 2")
    p1.type("Vi skriver")
    p1.wait_until(lambda: goal_of(path, "Gruppe 1") == "Vi skriver", what="typed")
    # The facilitator opens group 1's sheet and sees who writes in the goal.
    f.send("g"); f.wait_for("Grupper")
    f.send("Enter"); f.wait_for("Arbejdsark · Gruppe 1")
    user = os.environ.get("USER", "root")
    f.wait_for(f"Gruppe 1 ({user}, lokal) skriver her…")
    # A second terminal of the same group (another user) tries the same goal: it is told who
    # has it and when it frees, and its key writes nothing.
    p3 = term(80, 24).start("join", FILE, "--group", "Gruppe 1", env={"USER": "anna"})
    p3.wait_for("Arbejdsark")
    p3.type("x")
    screen = p3.wait_for(f"Gruppe 1 · Mål 1 er optaget: Gruppe 1 ({user}, lokal) skriver der – ledigt om")
    free_in = re.search(r"højst (\d+) s", screen)
    assert free_in and 0 < int(free_in.group(1)) <= 30, screen
    time.sleep(0.3)
    assert goal_of(path, "Gruppe 1") == "Vi skriver"
    p3.send("F10"); p3.send("Enter")
    p3.wait_for("EXITED=0")
    p1.send("Escape")
    # Presence: both participants are listed with their user; a killed one drops off.
    f.send("Escape"); f.wait_for("Grupper")
    f.send("Escape"); f.wait_for("Velkommen")  # (a letter right after Esc would be Alt-letter)
    f.send("t")
    f.wait_for("Gruppe 2")
    screen = f.wait_for("Gruppe 1")
    assert os.environ.get("USER", "root") in screen or "root" in screen
    os.kill(p2.app_pid(), signal.SIGKILL)
    f.wait_until(lambda: "Gruppe 2" not in f.screen(), timeout=12, what="a killed terminal drops off within 10 s")
    # Lock: participants see it and cannot write.
    f.send("L")
    p1.wait_for("låst")
    entries_before = sql(path, "SELECT count(*) FROM entries WHERE deleted_at IS NULL")
    p1.send("Enter")
    p1.type("x")
    p1.wait_for("Arkene er låst – kun facilitatoren kan låse op")
    time.sleep(0.5)
    assert goal_of(path, "Gruppe 1") == "Vi skriver"
    assert sql(path, "SELECT count(*) FROM entries WHERE deleted_at IS NULL") == entries_before
    assert sql(path, "SELECT locked FROM session_flags") == "1"
    f.send("L")
    p1.wait_until(lambda: "låst af" not in p1.screen(), what="unlocked")


def test_join_without_group_asks_which(term, workdir):
    f, path = facilitator(term, workdir)
    t = term().start("join", FILE)
    t.wait_for("Hvilken gruppe")
    screen = t.wait_for("Gruppe 4")
    assert "1) Gruppe 1" in screen
    t.type("3")
    t.send("Enter")
    t.wait_for("Arbejdsark · Gruppe 3")


def test_join_names_a_missing_file_and_an_unknown_group(term, workdir):
    from conftest import run_cli
    r = run_cli("join", os.path.join(workdir, "findes-ikke.tovholder"), "--group", "1")
    assert r.returncode == 1 and "findes-ikke.tovholder" in r.stderr
    f, path = facilitator(term, workdir)
    r = run_cli("join", path, "--group", "Gruppe 9")
    assert r.returncode == 1 and "Gruppe 9" in r.stderr and "Gruppe 1" in r.stderr


def test_killing_a_participant_mid_edit_disturbs_no_one(term, workdir):
    f, path = facilitator(term, workdir)
    p1 = participant(term, "Gruppe 1")
    p2 = participant(term, "Gruppe 2")
    p1.type("Halvt skrevet")
    p1.wait_until(lambda: goal_of(path, "Gruppe 1") == "Halvt skrevet", what="typed")
    os.kill(p1.app_pid(), signal.SIGKILL)
    p2.type("Vi skriver videre")
    p2.wait_until(lambda: goal_of(path, "Gruppe 2") == "Vi skriver videre", what="the others go on")
    # The killed terminal's hold on the field runs out within seconds; then it can be finished.
    f.send("g"); f.wait_for("Grupper")
    f.send("Enter"); f.wait_for("Arbejdsark · Gruppe 1")
    f.wait_until(lambda: "skriver her" not in f.screen(), timeout=12, what="the lease ran out")
    f.send("Up")  # the sheet opens on its new-entry line (issue 22): up to the goal
    f.type(" – færdig")
    f.wait_until(lambda: goal_of(path, "Gruppe 1") == "Halvt skrevet – færdig", what="finished by the facilitator")


def test_an_edit_committed_while_this_terminal_types_is_still_shown(term, workdir):
    """Two terminals typing at the same instant: each must still see the other's last edit
    (README: a change is seen on every other terminal within a second). The race is tried
    three times, as one try may miss it."""
    f, path = facilitator(term, workdir)
    p1 = participant(term, "Gruppe 1")
    p2 = participant(term, "Gruppe 2")
    p2.type("Fælles")
    p2.wait_until(lambda: goal_of(path, "Gruppe 2") == "Fælles", what="typed")
    mine, theirs = "", "Fælles"
    for round_ in ("123", "456", "789"):
        for c in round_:  # the same instant: p2's commit lands just before p1's own
            p2.type(c)
            p1.type(c)
        mine, theirs = mine + round_, theirs + round_
        p2.wait_until(lambda: goal_of(path, "Gruppe 2") == theirs, what="p2 saved")
        p1.wait_until(lambda: goal_of(path, "Gruppe 1") == mine, what="p1 saved")
        p1.send("F5")  # plenum: every group's goals
        p1.wait_for("Opsamling i plenum")
        p1.wait_for(theirs, timeout=2)
        p1.send("F5")  # back to the worksheet, on its new-entry line (issue 22)
        p1.wait_for("Arbejdsark · Gruppe 1")
        p1.send("Up")  # to the goal
