"""Groups fill in the worksheet chain in a real terminal; the session file is checked with sqlite3."""
import os
import signal
import time

from conftest import sql

FILE = "udviklingsdag.tovholder"


def open_day(term, workdir, width=80, height=24):
    t = term(width, height).start()
    t.wait_for("Afslut")
    return t, os.path.join(workdir, FILE)


def open_first_group(t):
    t.send("g")
    t.wait_for("Grupper")
    t.send("Enter")
    t.wait_for("Arbejdsark")


def entry(path, kind):
    return sql(path, f"SELECT id, text FROM entries WHERE kind = '{kind}' AND deleted_at IS NULL ORDER BY position")


def test_type_danish_and_emoji_link_kill_and_reopen(term, workdir):
    t, path = open_day(term, workdir)
    open_first_group(t)
    # The first goal is focused (the day has not reached a part yet: goals).
    t.send("Down")  # the empty mechanisms section: "(tom – skriv her)"
    t.wait_for("(tom – skriv her)")
    t.type("T")  # typing there creates the first mechanism with that letter
    t.wait_until(lambda: entry(path, "mechanism").endswith("|T"), what="mechanism added")
    t.type("ættere faglig ledelse")
    t.send("Escape")
    t.wait_until(lambda: entry(path, "mechanism").endswith("|Tættere faglig ledelse"), what="mechanism saved")
    t.send("Down")  # the empty trial actions section
    text = "Små teams i hjemmeplejen 👩‍⚕️ æøå ÆØÅ 中文"
    t.type(text[0])
    t.wait_until(lambda: entry(path, "trial-action") != "", what="trial action added")
    t.type(text[1:])
    t.send("Escape")
    t.wait_until(lambda: entry(path, "trial-action").endswith("|" + text), what="trial action saved per keystroke")
    screen = t.wait_for("Små teams i hjemmeplejen")
    # The day is at its first item: trial actions are not reached, so nothing asks which
    # mechanism it tries (the chain check follows the day).
    assert "Hvilken mekanisme" not in screen and "Kædetjek" in screen
    assert len(entry(path, "trial-action").splitlines()) == 1 and len(entry(path, "mechanism").splitlines()) == 1
    t.send("F2")  # link the trial action to mechanisms
    t.wait_for("Hvilke mekanismer")
    t.send("Space")
    t.send("Escape")
    trial_id = entry(path, "trial-action").split("|")[0]
    mech_id = entry(path, "mechanism").split("|")[0]
    t.wait_until(lambda: sql(path, f"SELECT target_id FROM entry_links WHERE entry_id = {trial_id}") == mech_id,
                 what="link saved")
    t.wait_for("prøver: Mek 1")
    os.kill(t.app_pid(), signal.SIGKILL)
    t.wait_for("EXITED=137")
    assert sql(path, "PRAGMA integrity_check") == "ok"
    t2, _ = open_day(term, workdir)
    open_first_group(t2)
    screen = t2.wait_for("prøver: Mek 1")
    assert "Små teams i hjemmeplejen" in screen and "Tættere faglig ledelse" in screen
    assert "Hvilken mekanisme" not in screen


def test_kill_9_mid_typing_loses_at_most_the_keystroke_in_flight(term, workdir):
    t, path = open_day(term, workdir)
    open_first_group(t)
    typed = "Borgerne oplever et godt møde"  # typed straight into the focused goal
    t.type(typed)
    t.wait_until(lambda: sql(path, "SELECT text FROM entries WHERE kind='goal' AND group_id = 1") == typed, what="every keystroke saved")
    os.kill(t.app_pid(), signal.SIGKILL)
    t.wait_for("EXITED=137")
    assert sql(path, "SELECT text FROM entries WHERE kind='goal' AND group_id = 1") == typed


def test_pasted_escape_sequences_never_reach_the_terminal(term, workdir):
    t, path = open_day(term, workdir)
    title_before = t.tmux("display-message", "-p", "#{pane_title}").stdout.strip()
    open_first_group(t)
    hostile = "før\x1b]2;pwned\x07midt\x1b[2Jefter\rCR\x00NUL\u009bC1\u202eBIDI slut"
    buffer = os.path.join(workdir, "hostile.txt")
    with open(buffer, "w", encoding="utf-8") as f:  # NUL cannot go through argv
        f.write(hostile)
    t.tmux("load-buffer", buffer)
    t.tmux("paste-buffer", "-p")
    t.send("Escape")
    # sqlite3 prints text only up to a NUL, so compare the bytes in hex ("slut" = 736C7574).
    t.wait_until(lambda: sql(path, "SELECT hex(text) FROM entries WHERE kind='goal' AND group_id = 1").endswith("736C7574"),
                 what="paste saved")
    screen = t.wait_for("␛]2;pwned␇midt␛[2Jefter")
    assert "Arbejdsark" in screen, "the screen was not cleared"
    assert t.tmux("display-message", "-p", "#{pane_title}").stdout.strip() == title_before
    assert "pwned" not in t.tmux("display-message", "-p", "#{pane_title}").stdout
    stored = sql(path, "SELECT hex(text) FROM entries WHERE kind='goal' AND group_id = 1")
    assert "1B5D323B" in stored, "the text is kept as typed"


def test_plenum_shows_groups_side_by_side_and_saves_notes(term, workdir):
    t, path = open_day(term, workdir)
    t.send("o")
    screen = t.wait_for("Opsamling i plenum")
    assert "Gruppe 1" in screen and "Gruppe 2" in screen
    t.send("Enter")  # the notes are entered on purpose (issue 22): letters on the plenum move the day
    t.type("Rummet: mere borgerdialog")
    t.send("Escape")
    t.wait_for("Opsamling i plenum")  # Esc leaves the notes and stays on the plenum
    t.wait_until(lambda: sql(path, "SELECT text FROM plenum_notes") == "Rummet: mere borgerdialog", what="notes saved")
    assert sql(path, "SELECT item_index, step FROM position") == "0|0", "letters in the notes never move the day"


def test_example_is_shown_read_only(term, workdir):
    t, path = open_day(term, workdir)
    t.send("e")
    screen = t.wait_for("kan ikke redigeres")
    assert "sygefravær" in screen.lower()
    t.send("Escape")
    t.wait_for("Velkommen")


def test_add_rename_remove_and_restore_a_group(term, workdir):
    t, path = open_day(term, workdir)
    t.send("g")
    t.wait_for("Grupper")
    t.send("+")
    t.wait_until(lambda: sql(path, "SELECT count(*) FROM groups") == "5", what="group added")
    for _ in range(10):
        t.send("BSpace")
    t.type("Jobcentret")
    t.send("Enter")
    t.wait_until(lambda: sql(path, "SELECT name FROM groups ORDER BY id DESC LIMIT 1") == "Jobcentret", what="renamed")
    t.send("DC")  # removing asks first
    t.wait_for("Tryk Del igen for at fjerne Jobcentret")
    assert sql(path, "SELECT removed_at IS NULL FROM groups WHERE name='Jobcentret'") == "1", "removed without asking"
    t.send("DC")
    t.wait_until(lambda: sql(path, "SELECT removed_at IS NOT NULL FROM groups WHERE name='Jobcentret'") == "1", what="removed")
    t.wait_for("fjernet")
    t.send("DC")  # bringing back needs no question
    t.wait_until(lambda: sql(path, "SELECT removed_at IS NULL FROM groups WHERE name='Jobcentret'") == "1", what="restored")


def test_editor_keys_in_a_real_terminal(term, workdir):
    t, path = open_day(term, workdir)
    open_first_group(t)
    t.type("hej med dig")

    def goal():
        return sql(path, "SELECT text FROM entries WHERE kind='goal' AND group_id = 1")

    t.wait_until(lambda: goal() == "hej med dig", what="typed")
    t.send("C-Left")
    t.type("X")
    t.wait_until(lambda: goal() == "hej med Xdig", what="Ctrl-← jumps a word")
    t.send("Home")
    t.type("Å")
    t.wait_until(lambda: goal() == "Åhej med Xdig", what="Home")
    t.send("End")
    t.send("BSpace")
    t.wait_until(lambda: goal() == "Åhej med Xdi", what="End and Backspace")
    t.send("C-z")
    t.wait_until(lambda: goal() == "Åhej med Xdig", what="Ctrl-Z undoes")
    t.send("C-y")
    t.wait_until(lambda: goal() == "Åhej med Xdi", what="Ctrl-Y redoes")
    t.send("C-j")
    t.type("ny linje")
    t.send("Escape")
    t.wait_until(lambda: goal() == "Åhej med Xdi\nny linje", what="Ctrl-J makes a new line in the entry")
    screen = t.screen()
    assert "ny linje" in screen
