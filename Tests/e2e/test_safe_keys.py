"""Nothing typed by accident moves the room or loses a word (issue 9): the real binary in tmux,
keys sent as raw bytes, then the session file read back with sqlite3.

Forms (worksheet, agreement form, roadmap, plenum notes) are modeless: printable keys type
into the focused field, commands sit on F-keys and Ctrl keys, and whatever a terminal sends
for Home, End, Delete, F1… (or a sequence nobody knows) never leaves the field or runs a
letter as a command. The tests under "f." are one per bug of issue 9, point 6."""
import json
import os
import re
import subprocess
import time

import pytest

from conftest import run_cli, sql

FILE = "udviklingsdag.tovholder"
# Items of the reference day (sessions/udviklingsdag.yaml), by kind and part.
GOALS_GROUP_WORK = 5
AGREEMENT_ITEM = 18
CLOSING_PLENUM = 19


# ---------------------------------------------------------------------------------------------
# Helpers


def new_session(workdir):
    """A session file made by the command line, for participants to join without a facilitator."""
    path = os.path.join(workdir, FILE)
    r = run_cli("new", path)
    assert r.returncode == 0, r.stderr
    return path


def facilitator(term, workdir, width=80, height=24, env=None):
    t = term(width, height).start(env=env)
    t.wait_for("Afslut")
    return t, os.path.join(workdir, FILE)


def participant(term, group="Gruppe 1", width=80, height=24, env=None):
    t = term(width, height).start("join", FILE, "--group", group, env=env)
    t.wait_for("Arbejdsark · " + (group if group.startswith("Gruppe") else "Gruppe " + group))
    return t


def column(path, query):
    """One column of a query's rows, exactly as stored (`sql` strips blanks at the ends)."""
    out = subprocess.run(["sqlite3", "-batch", "-cmd", ".timeout 5000", "-json", path, query], capture_output=True, text=True, check=True)
    return [next(iter(row.values())) for row in json.loads(out.stdout or "[]")]


def texts(path, kind, group=1):
    """The group's live entries of one kind, in order."""
    return column(path, f"SELECT text FROM entries WHERE group_id = {group} AND kind = '{kind}' "
                        f"AND deleted_at IS NULL ORDER BY position")


def goal(path, group=1):
    """The group's first goal, exactly as stored."""
    return (texts(path, "goal", group) or [None])[0]


def position(path):
    return sql(path, "SELECT item_index || '|' || step FROM position")


def running_timers(path):
    return sql(path, "SELECT count(*) FROM item_progress WHERE running_since IS NOT NULL")


def settle(predicate, timeout=5.0):
    """Polls until `predicate` holds; returns whether it did (the caller asserts, with values)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        if predicate():
            return True
        time.sleep(0.05)
    return predicate()


def flat(screen):
    """The screen with runs of blanks and line ends as one space: a wrapped notice reads as one."""
    return re.sub(r"\s+", " ", screen)


def raw(t, data):
    """Sends bytes as a terminal would: text and escape sequences literally, others in hex."""
    if isinstance(data, bytes):
        t.send("-H", *[f"{b:02x}" for b in data])
    else:
        t.type(data)


def esc(t):
    """Esc on its own: a letter right behind it would be read as Alt and that letter."""
    t.send("Escape")
    time.sleep(0.15)


INTERNAL_NAMES = re.compile(r"\b(entry|agreement|agreement-row):\d|\bplenum:\S|#\d+")


def assert_no_internal_names(screen):
    found = INTERNAL_NAMES.search(screen)
    assert not found, f"an internal name on the screen: {found.group(0)!r}\n{screen}"


# ---------------------------------------------------------------------------------------------
# a. Raw key spellings, whatever TERM says

# (what is sent, what it means) — the text the participant meant is built up alongside.
SPELLINGS = [
    ("mødes af ", None),
    ("\x1b[1~", "Home (VT220, PuTTY, tmux)"), ("borger ", None),
    ("\x1b[4~", "End (VT220, PuTTY, tmux)"), ("en ", None),
    ("\x1b[7~", "Home (rxvt)"), ("Hver ", None),
    ("\x1b[F", "End (xterm)"), ("kollega", None),
    ("\x1b[H", "Home (xterm)"), ("\x1b[3~", "Delete: the H goes"), ("H", None),
    ("\x1bOF", "End (xterm, application mode)"), (",", None),
    ("\x1b[2~", "Insert"), ("\x1b[5~", "PgUp"), ("\x1b[6~", "PgDn"), ("\x1b[99~", "unknown"),
    (b"\x02", "Ctrl-B"), (b"\x14", "Ctrl-T"), (" der", None),
    ("\x1bOP", "F1 (xterm): help"), ("\x1b[11~", "F1 (VT220, PuTTY): back"),
    ("\x1b[[A", "F1 (Linux console): help"), ("\x1bOP", "F1: back"), (" kender", None),
    ("\x1b[15~", "F5: plenum"), ("\x1b[15~", "F5: back to the worksheet"),
    ("\x1b[A", "Up: back to the goal (a sheet opens on its new-entry line, issue 22)"), (" sagen (npq)", None),
]
MEANT = "Hver borger mødes af en kollega, der kender sagen (npq)"


@pytest.mark.parametrize("term_name", ["xterm-256color", "tmux-256color", "screen", "linux", "vt220"])
def test_raw_spellings_in_a_field_type_exactly_what_was_meant(term, workdir, term_name):
    path = new_session(workdir)
    t = participant(term, env={"TERM": term_name})
    for data, _ in SPELLINGS:
        raw(t, data)
    settle(lambda: goal(path) == MEANT)
    assert goal(path) == MEANT, f"TERM={term_name}: the goal holds {goal(path)!r}\n{t.screen()}"
    assert texts(path, "goal") == [MEANT], "no stray entries"
    assert t.app_pid() is not None, "still running ('q' was typed, not obeyed)"
    assert "EXITED" not in t.screen()
    screen = t.wait_for("Arbejdsark · Gruppe 1")
    assert MEANT in screen
    assert position(path) == "0|0", "the day did not move"
    assert running_timers(path) == "0"


# ---------------------------------------------------------------------------------------------
# b. A terminal set to Latin-1


def test_latin1_bytes_are_read_and_the_user_is_told_how_to_switch(term, workdir):
    path = new_session(workdir)
    t = participant(term)
    t.type("Gr")
    t.send("-H", "f8")  # ø in Latin-1
    t.type("d og k")
    t.send("-H", "e6")  # æ
    t.type("r")
    assert settle(lambda: goal(path) == "Grød og kær"), f"saved {goal(path)!r}"
    screen = flat(t.wait_for("UTF-8"))
    assert "Latin-1" in screen and "Window → Translation → UTF-8" in screen, screen
    assert "Grød og kær" in screen


# ---------------------------------------------------------------------------------------------
# c. Ctrl keys edit; Ctrl-J breaks a line; Enter starts a new entry


def test_ctrl_keys_edit_and_enter_makes_a_new_entry(term, workdir):
    path = new_session(workdir)
    t = participant(term)

    def step(keys, want, what):
        for k in keys:
            if k.startswith("C-") or k in ("Enter", "BSpace"):
                t.send(k)
            else:
                t.type(k)
        assert settle(lambda: texts(path, "goal") == want), f"{what}: goals are {texts(path, 'goal')!r}"

    step(["hej med dig"], ["hej med dig"], "typed")
    step(["C-w"], ["hej med "], "Ctrl-W deletes the word before the cursor")
    step(["C-a", "A"], ["Ahej med "], "Ctrl-A goes to the start of the line")
    step(["C-e", "Z"], ["Ahej med Z"], "Ctrl-E goes to the end of the line")
    step(["C-j", "linje to"], ["Ahej med Z\nlinje to"], "Ctrl-J breaks the line inside the entry")
    step(["C-a", "C-k"], ["Ahej med Z\n"], "Ctrl-K deletes the rest of the line")
    step(["ny", "C-u"], ["Ahej med Z\n"], "Ctrl-U deletes the whole line")
    step(["BSpace"], ["Ahej med Z"], "Backspace")
    assert "␁" not in t.screen() and "␋" not in t.screen(), "a Ctrl key was inserted as a symbol"
    # Enter ends the entry and starts a new one below, as a bulleted list does.
    step(["Enter"], ["Ahej med Z", ""], "Enter starts a new goal")
    step(["andet mål"], ["Ahej med Z", "andet mål"], "typed in the new goal")
    # Enter on an empty entry ends the list: the empty entry goes and the mechanisms come next.
    step(["Enter"], ["Ahej med Z", "andet mål", ""], "Enter after the second goal")
    step(["Enter"], ["Ahej med Z", "andet mål"], "Enter on an empty goal ends the list")
    t.type("mek")
    assert settle(lambda: texts(path, "mechanism") == ["mek"]), texts(path, "mechanism")
    assert texts(path, "goal") == ["Ahej med Z", "andet mål"]
    # Backspace on an empty entry removes it; F9 deletes, asking again when there is text.
    t.send("Enter")
    assert settle(lambda: texts(path, "mechanism") == ["mek", ""]), texts(path, "mechanism")
    t.send("BSpace")
    assert settle(lambda: texts(path, "mechanism") == ["mek"]), texts(path, "mechanism")
    t.send("F9")
    t.wait_for("Tryk F9 igen for at slette")
    time.sleep(0.3)
    assert texts(path, "mechanism") == ["mek"], "deleted without asking"
    t.send("F9")
    assert settle(lambda: texts(path, "mechanism") == []), texts(path, "mechanism")
    # The example (F6) is read-only: letters there type nowhere; Esc comes back.
    t.send("F6")
    t.wait_for("Eksempel – kan ikke redigeres")
    t.type("zzz")
    esc(t)
    t.wait_for("Arbejdsark · Gruppe 1")
    time.sleep(0.3)
    assert texts(path, "goal") == ["Ahej med Z", "andet mål"] and texts(path, "mechanism") == []


# ---------------------------------------------------------------------------------------------
# d. The facilitator's letters in a form are text, never the day's commands


def test_facilitator_letters_in_a_worksheet_never_move_the_day(term, workdir):
    t, path = facilitator(term, workdir)
    t.send("a"); t.wait_for("Dagens program")
    for _ in range(GOALS_GROUP_WORK):
        t.send("Down")
    t.send("Enter")
    assert settle(lambda: position(path) == f"{GOALS_GROUP_WORK}|0")
    t.wait_for("Ikke startet")  # a timed item, its countdown not started
    t.send("g"); t.wait_for("Grupper")
    t.send("Enter"); t.wait_for("Arbejdsark · Gruppe 1")
    t.type("npq ")
    t.send("PageDown"); t.send("PageUp")  # the day's PgDn/PgUp: nothing in a form
    t.type("+-aogekxtL?")
    t.send("Left"); t.type("!"); t.send("Right")  # arrows move in the text, not the day
    t.send("Space")
    want = "npq +-aogekxtL!? "
    assert settle(lambda: goal(path) == want), f"goal {goal(path)!r}"
    assert position(path) == f"{GOALS_GROUP_WORK}|0", "the day moved"
    assert running_timers(path) == "0", "a timer started"
    assert sql(path, "SELECT count(*) FROM session_flags WHERE locked = 1") == "0", "the sheets were locked"
    assert not [f for f in os.listdir(workdir) if ".referat." in f], "the minutes were exported"
    assert t.app_pid() is not None and "EXITED" not in t.screen(), "the app quit"
    screen = t.screen()
    assert "Arbejdsark · Gruppe 1" in screen and "Hjælp – taster" not in screen


# ---------------------------------------------------------------------------------------------
# e. A participant quits only on purpose; its presence goes with it


def test_participant_quits_only_with_f10_and_enter(term, workdir):
    path = new_session(workdir)
    t = participant(term)
    t.type("Vi er her")
    assert settle(lambda: goal(path) == "Vi er her")
    assert sql(path, "SELECT count(*) FROM terminals WHERE role = 'participant'") == "1"
    t.send("F10")
    t.wait_for("Afslutte? Alt, du har skrevet, er gemt")
    t.type("q")  # any key but Enter stays, and is not typed either
    t.wait_until(lambda: "Afslutte?" not in t.screen(), what="the question went away")
    time.sleep(0.3)
    assert t.app_pid() is not None and "EXITED" not in t.screen()
    assert goal(path) == "Vi er her"
    t.send("C-x")  # Ctrl-X asks too
    t.wait_for("Afslutte?")
    esc(t)
    t.wait_until(lambda: "Afslutte?" not in t.screen(), what="Esc stays")
    t.send("F10")
    t.wait_for("Afslutte?")
    t.send("Enter")
    assert settle(lambda: sql(path, "SELECT count(*) FROM terminals WHERE role = 'participant'") == "0",
                  timeout=1.0), "the presence row stayed over 1 s"
    t.wait_for("EXITED=0", timeout=3)
    assert sql(path, "SELECT count(*) FROM leases") == "0"
    assert goal(path) == "Vi er her"


# ---------------------------------------------------------------------------------------------
# f. The bugs of issue 9, point 6


def test_closing_plenum_shows_the_agreements_not_the_goals(term, workdir):
    t, path = facilitator(term, workdir, 100, 30)
    t.send("a"); t.wait_for("Dagens program")
    for _ in range(AGREEMENT_ITEM):
        t.send("Down")
    t.send("Enter")
    t.wait_for("Gruppearbejde: Aftaleskema")
    t.send("g"); t.wait_for("Grupper")
    t.send("Enter"); t.wait_for("Aftaleskema · Gruppe 1")
    t.type("Borgerpanelet")
    t.send("Down"); t.send("Down")
    t.wait_for("+ Ny aftale (skriv her)")
    t.type("Anne")
    assert settle(lambda: sql(path, "SELECT who FROM agreement_rows") == "Anne")
    t.send("Tab"); t.type("Tal fra Ballerup")
    assert settle(lambda: sql(path, "SELECT knowledge FROM agreement_rows") == "Tal fra Ballerup")
    # Something in the goals too, so showing goals instead would be seen.
    t.send("F4"); t.wait_for("Arbejdsark · Gruppe 1")
    t.send("Up"); t.send("Up")  # back to the goal, whatever part the sheet opened at
    t.send("Up"); t.send("Down")
    t.wait_for("Mål 1")
    t.type("Et mål, ikke en aftale")
    assert settle(lambda: goal(path) == "Et mål, ikke en aftale"), goal(path)
    esc(t); esc(t)
    t.wait_for("Grupper")
    esc(t)
    t.wait_for("Gruppearbejde: Aftaleskema")
    t.send("a"); t.wait_for("Dagens program")
    t.send("Down")
    t.send("Enter")
    assert settle(lambda: position(path) == f"{CLOSING_PLENUM}|0")
    screen = t.wait_for("Præsentation og afrunding i plenum")
    screen = flat(t.wait_for("Anne"))
    assert "• Anne – Tal fra Ballerup" in screen, screen
    assert "Borgerpanelet" in screen
    assert "(ingen aftaler endnu)" in screen, "group 2's column says it has none"
    assert "Et mål, ikke en aftale" not in screen and "Mål 1" not in screen, "goals shown"
    assert "Opsamling i plenum · Mål" not in screen


def test_roadmap_date_saved_only_when_readable_and_left(term, workdir):
    t, path = facilitator(term, workdir)
    t.send("k")
    t.wait_for("Fra:")
    phase = "SELECT from_date || '|' || ifnull(to_date, '') FROM roadmap WHERE id = 1"
    assert sql(path, phase) == "2023-12-04|2023-12-05"
    # The start: a date that cannot be read shows why under the field while typing, saves nothing.
    t.send("C-u")
    t.type("31/2")
    t.wait_for("februar har ikke 31 dage")
    t.send("Tab")
    screen = flat(t.wait_for("Datoen er ikke gemt"))
    assert "Datoen er ikke gemt: Datoen kunne ikke læses" in screen and "februar har ikke 31 dage" in screen, screen
    time.sleep(0.3)
    assert sql(path, phase) == "2023-12-04|2023-12-05", "an unreadable date was saved"
    assert "1. januar 2024" not in screen
    # The end (focused after Tab): before the start is refused with a message.
    t.send("C-u")
    t.type("1. december 2023")
    t.send("Tab")
    screen = flat(t.wait_for("Datoen er ikke gemt"))
    assert "før den begynder" in screen, screen
    time.sleep(0.3)
    assert sql(path, phase) == "2023-12-04|2023-12-05", "an end before the start was saved"
    # A readable start is saved once the field is left (Esc), not while typing.
    t.send("BTab"); t.send("BTab")
    t.send("C-u")
    t.type("3. december 2023")
    time.sleep(0.3)
    assert sql(path, phase) == "2023-12-04|2023-12-05", "saved while typing"
    esc(t)
    assert settle(lambda: sql(path, phase) == "2023-12-03|2023-12-05"), sql(path, phase)


def test_roadmap_new_phase_gets_the_focus_and_phases_stay_in_date_order(term, workdir):
    t, path = facilitator(term, workdir, 100, 30)
    t.send("k")
    t.wait_for("Fra:")
    t.send("F3")  # a new phase after the first
    assert settle(lambda: sql(path, "SELECT count(*) FROM roadmap WHERE deleted_at IS NULL") == "4")
    t.type("Opfølgning")  # the new phase's title has the focus; typing replaces "Ny fase"
    assert settle(lambda: sql(path, "SELECT title FROM roadmap ORDER BY id DESC LIMIT 1") == "Opfølgning"), \
        sql(path, "SELECT id, title FROM roadmap")
    t.send("BTab"); t.send("BTab")  # its start
    t.send("C-u")
    t.type("1. april 2024")
    t.send("Tab")
    assert settle(lambda: sql(path, "SELECT from_date FROM roadmap ORDER BY id DESC LIMIT 1") == "2024-04-01")
    # Shown in date order: the new phase (April) after the one of 1 March, on screen too.
    screen = t.wait_for("1. april 2024")
    assert screen.index("Opfølgning") > screen.index("1. marts 2024"), screen
    titles = column(path, "SELECT title FROM roadmap WHERE deleted_at IS NULL ORDER BY from_date, position")
    assert titles[-1] == "Opfølgning", titles


def test_agreement_tab_past_the_last_field_makes_no_row(term, workdir):
    t, path = facilitator(term, workdir, 100, 30)
    t.send("g"); t.wait_for("Grupper")
    t.send("Enter"); t.wait_for("Arbejdsark · Gruppe 1")
    t.send("F4"); t.wait_for("Aftaleskema · Gruppe 1")
    for _ in range(12):  # through "+ Ny aftale" and past the last field
        t.send("Tab")
    for _ in range(12):
        t.send("BTab")
    for _ in range(12):
        t.send("Tab")
    time.sleep(0.3)
    assert sql(path, "SELECT count(*) FROM agreement_rows") == "0", "Tab made a row"
    t.type("Kim")  # the focus stayed on the last field: the tovholder
    assert settle(lambda: sql(path, "SELECT tovholder FROM agreements WHERE group_id = 1") == "Kim"), \
        sql(path, "SELECT * FROM agreements")
    assert sql(path, "SELECT perspectives || involve || next_date_text || next_time_text || next_place "
                     "FROM agreements WHERE group_id = 1") == ""
    assert sql(path, "SELECT count(*) FROM agreement_rows") == "0"
    # A row made on purpose (F3) and left empty never reaches the minutes.
    t.send("F3")
    assert settle(lambda: sql(path, "SELECT count(*) FROM agreement_rows WHERE deleted_at IS NULL") == "1")
    esc(t)
    md = run_cli("export", path)
    assert md.returncode == 0, md.stderr
    assert "**Hvem:**" not in md.stdout, "an empty agreement row in the minutes"


def test_below_the_minimum_size_only_quit_acts(term, workdir):
    t, path = facilitator(term, workdir)
    p = participant(term)
    p.resize(60, 20)
    p.wait_for("80×24")
    t.resize(60, 20)
    t.wait_for("80×24")
    entries = sql(path, "SELECT count(*) FROM entries")
    p.type("abc q")
    for key in ("Enter", "F3", "F9", "F9", "C-j", "F7", "F5", "F2", "Space", "Escape", "F4"):
        p.send(key)
    for key in ("n", "Right", "Space", "+", "a", "g"):
        t.send(key)
    time.sleep(0.5)
    assert goal(path) == "", "typed unseen"
    assert sql(path, "SELECT count(*) FROM entries") == entries
    assert position(path) == "0|0" and running_timers(path) == "0"
    assert p.app_pid() is not None and t.app_pid() is not None
    assert "80×24" in p.screen() and "80×24" in t.screen()
    # Big enough again: nothing was kept back, and keys act from here on.
    p.resize(80, 24)
    p.wait_for("Arbejdsark · Gruppe 1")
    p.type("d")
    assert settle(lambda: goal(path) == "d"), f"goal {goal(path)!r}"
    t.resize(80, 24)
    t.wait_for("Afslut")
    t.send("n")
    assert settle(lambda: position(path) == "1|0")


def test_join_without_a_group_asks_again_after_a_wrong_answer(term, workdir):
    new_session(workdir)
    t = term().start("join", FILE)
    t.wait_for("Hvilken gruppe er du i?")
    for answer in ("9", "Gruppe 7", "x y z"):
        t.type(answer)
        t.send("Enter")
        t.wait_for(f'gruppen "{answer}" findes ikke; grupperne er: 1) Gruppe 1')
    t.send("Enter")  # an empty answer: asked again
    time.sleep(0.3)
    assert "EXITED" not in t.screen()
    t.type("gruppe 3")
    t.send("Enter")
    t.wait_for("Arbejdsark · Gruppe 3")


def test_a_removed_groups_terminal_is_told_at_once_and_picks_another(term, workdir):
    f, path = facilitator(term, workdir)
    p = participant(term, "Gruppe 2")
    p.type("Halvt")  # typing when the group goes
    assert settle(lambda: goal(path, 2) == "Halvt")
    f.send("g"); f.wait_for("Grupper")
    f.send("Down")
    f.send("DC")
    f.wait_for("Tryk Del igen for at fjerne Gruppe 2")
    time.sleep(0.5)
    assert "Arbejdsark · Gruppe 2" in p.screen(), "the removal did not ask first"
    assert sql(path, "SELECT removed_at IS NULL FROM groups WHERE name = 'Gruppe 2'") == "1"
    f.send("DC")
    removed = time.time()
    p.wait_for("Vælg din gruppe", timeout=3)
    assert time.time() - removed < 2.0, "not told at once"
    screen = p.screen()
    assert "Facilitatoren har fjernet gruppen Gruppe 2" in flat(screen), screen
    assert re.findall(r"\d\. (Gruppe \d)", screen) == ["Gruppe 1", "Gruppe 3", "Gruppe 4"], screen
    assert goal(path, 2) == "Halvt", "what was typed is kept"
    p.type("x")  # a letter here picks nothing and types nowhere
    p.send("Down")
    p.send("Enter")
    p.wait_for("Arbejdsark · Gruppe 3")
    assert settle(lambda: sql(path, "SELECT group_id FROM terminals WHERE role = 'participant'") == "3")
    p.type("Ny gruppe")
    assert settle(lambda: goal(path, 3) == "Ny gruppe"), goal(path, 3)
    assert goal(path, 2) == "Halvt"
    # The facilitator's q asks first while terminals are joined; any other key stays.
    f.send("Escape"); f.wait_for("Velkommen")
    f.send("q")
    f.wait_for("Afslutte Tovholder?")
    f.send("x")
    f.wait_until(lambda: "Afslutte Tovholder?" not in f.screen(), what="stayed")
    time.sleep(0.3)
    assert f.app_pid() is not None
    assert not [n for n in os.listdir(workdir) if ".referat." in n], "the answer key ran as a command"
    f.send("q")
    f.wait_for("Afslutte Tovholder?")
    f.send("Enter")
    f.wait_for("EXITED=0")


def test_the_lock_stops_moving_and_linking_too(term, workdir):
    f, path = facilitator(term, workdir)
    p = participant(term)
    # Two goals and a sign: something to move and something to link.
    p.type("Mål A")
    p.send("Enter")
    p.type("Mål B")
    assert settle(lambda: texts(path, "goal") == ["Mål A", "Mål B"]), texts(path, "goal")
    p.send("Down"); p.send("Down"); p.send("Down")  # mechanisms, trial actions, signs
    p.type("Tegn")
    assert settle(lambda: texts(path, "sign") == ["Tegn"]), texts(path, "sign")
    esc(p)
    f.send("L")
    p.wait_for("Arkene er låst af facilitatoren")
    assert sql(path, "SELECT locked FROM session_flags") == "1"
    links = "SELECT count(*) FROM entry_links"
    p.send("F2")
    p.wait_for("Hvilke mål viser det?")
    p.send("Space")
    p.wait_for("Arkene er låst – kun facilitatoren kan låse op")
    esc(p)
    p.send("Up"); p.send("Up"); p.send("Up")  # on "Mål B"
    p.send("F7")
    time.sleep(0.5)
    assert sql(path, links) == "0", "linked while locked"
    assert texts(path, "goal") == ["Mål A", "Mål B"], "moved while locked"
    for key in ("F3", "F9", "F9", "Enter", "C-j"):
        p.send(key)
    p.type("x")
    time.sleep(0.5)
    assert texts(path, "goal") == ["Mål A", "Mål B"] and texts(path, "sign") == ["Tegn"], "changed while locked"
    # Unlocked, the same keys work: they were refused by the lock, not lost.
    f.send("L")
    p.wait_until(lambda: "låst af" not in p.screen(), what="unlocked")
    p.send("F7")
    assert settle(lambda: texts(path, "goal") == ["Mål B", "Mål A"]), texts(path, "goal")
    for _ in range(4):
        p.send("Down")  # Mål A, mechanisms, trial actions, the sign
    p.send("F2")
    p.wait_for("Hvilke mål viser det?")
    p.send("Space")
    assert settle(lambda: sql(path, links) == "1")


def test_a_field_is_released_30_s_after_the_last_keystroke(term, workdir):
    path = new_session(workdir)
    p = participant(term)
    p.type("x")
    assert settle(lambda: sql(path, "SELECT count(*) FROM leases") == "1"), "no lease taken"
    typed = time.time()
    assert settle(lambda: sql(path, "SELECT count(*) FROM leases") == "0", timeout=35), "never released"
    waited = time.time() - typed
    assert waited >= 29, f"released after {waited:.1f} s, before 30 s without a keystroke"
    assert p.app_pid() is not None
    # The editor stayed open: the next key takes the field again and types on.
    p.type("y")
    assert settle(lambda: goal(path) == "xy"), goal(path)
    assert settle(lambda: sql(path, "SELECT count(*) FROM leases") == "1")


def test_a_reconnected_participant_is_not_locked_out_by_its_own_old_lease(term, workdir):
    path = new_session(workdir)
    p = participant(term)
    p.type("Før")
    assert settle(lambda: sql(path, "SELECT count(*) FROM leases") == "1")
    os.kill(p.app_pid(), 9)  # the laptop's connection drops: its lease stays behind
    p.wait_for("EXITED=137")
    again = participant(term)
    again.type(" og efter")
    assert settle(lambda: goal(path) == "Før og efter"), goal(path)
    assert "optaget" not in again.screen()


def test_no_screen_shows_internal_names(term, workdir):
    f, path = facilitator(term, workdir, 100, 30)
    p1 = participant(term)
    p1.type("Vi skriver")
    assert settle(lambda: goal(path) == "Vi skriver")
    assert_no_internal_names(p1.screen())
    # Another user of the same group finds the field taken.
    p2 = participant(term, env={"USER": "anna"})
    p2.type("x")
    screen = p2.wait_for("er optaget")
    assert "Gruppe 1 · Mål 1" in flat(screen)
    assert_no_internal_names(screen)
    # The facilitator's list of terminals names the field as people see it.
    f.send("t")
    screen = f.wait_for("Gruppe 1 · Mål 1")
    assert "anna" in screen
    assert_no_internal_names(screen)
    f.send("t")
    f.wait_for("Velkommen")
    f.send("g"); f.wait_for("Grupper")
    f.send("Enter")
    screen = f.wait_for("skriver her…")
    assert_no_internal_names(screen)
    f.send("Up")  # the sheet opens on its new-entry line (issue 22): up to the goal
    f.send("F12")
    screen = f.wait_for("Tidligere udgaver · Gruppe 1 · Mål 1")
    assert_no_internal_names(screen)
    # The facilitator can take over any field; the participant is told, by names people know.
    esc(f)
    f.wait_for("Arbejdsark · Gruppe 1")
    f.send("Up")  # back on the sheet, on its new-entry line: up to the goal
    f.type("!")
    screen = p1.wait_for("har overtaget")
    assert "Facilitator (" in screen and "Gruppe 1 · Mål 1" in flat(screen), screen
    assert settle(lambda: goal(path) == "Vi skriver!"), goal(path)
    for t in (f, p1, p2):
        assert_no_internal_names(t.screen())


def test_a_closed_terminal_leaves_the_facilitators_list_within_10_s(term, workdir):
    f, path = facilitator(term, workdir)
    p = participant(term, "Gruppe 2")
    pid = p.app_pid()
    f.send("t")
    f.wait_for("Gruppe 2")
    p.tmux("kill-pane")  # the window closes: its terminal is gone
    closed = time.time()
    f.wait_until(lambda: "Gruppe 2" not in f.screen(), timeout=10, what="gone from the list within 10 s")
    assert time.time() - closed <= 10
    assert sql(path, "SELECT count(*) FROM terminals WHERE role = 'participant'") == "0"
    assert settle(lambda: gone(pid), timeout=3), "the process outlived its terminal"


def gone(pid):
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (FileNotFoundError, ProcessLookupError):
        return True
