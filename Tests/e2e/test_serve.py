"""`tovholder serve` in use: groups log in with the real OpenSSH client (the code through
SSH_ASKPASS) from tmux windows; what they type is read back from the session with sqlite3;
a resize, a killed client, twenty typists, the facilitator's disconnect and a stopped serve."""
from serve_helpers import *  # noqa: F401,F403 (fixtures and helpers)


def test_typing_over_ssh_lands_in_the_session(serve, clients, session):
    s = serve()
    c = clients().ssh(s.port, "gruppe2", s.codes()["gruppe2"])
    screen = joined(c, "Gruppe 2")
    assert "Arbejdsark · Gruppe 2" in screen
    c.send("Down")  # from the goal to the (empty) mechanisms
    text = "Tættere faglig ledelse ✓"
    c.type(text)
    wait_until(lambda: mechanisms(session, 2) == [text], what="the mechanism saved",
               detail=lambda: sql(session, "SELECT group_id, kind, text FROM entries"))
    c.wait_for(text)
    assert mechanisms(session, 1) == [] and mechanisms(session, 3) == []
    # The view is a participant's terminal of Gruppe 2, named after the SSH user, seen from
    # the client's address (SSH_CONNECTION); the login is logged.
    row = sql(session, "SELECT role, group_id, user, host FROM terminals")
    assert row == "participant|2|gruppe2|127.0.0.1", row
    assert log_lines(session) == [["127.0.0.1", "gruppe2", "godkendt"]]
    assert "gruppe2 fra 127.0.0.1 er med" in s.output()


def test_a_resize_reaches_the_view(serve, clients, session):
    s = serve()
    c = clients().ssh(s.port, "gruppe1", s.codes()["gruppe1"], 80, 24)
    joined(c, "Gruppe 1")
    size = lambda: sql(session, "SELECT columns, rows FROM terminals")
    wait_until(lambda: size() == "80|24", 5, "80×24 recorded")
    c.resize(110, 32)
    wait_until(lambda: size() == "110|32", 3, "110×32 recorded", size)
    # Redrawn for the new size: the key bar is on the last of its rows.
    wait_until(lambda: "F10" in c.screen().split("\n")[31], 3, "key bar on row 32", c.screen)
    c.resize(64, 20)  # smaller than the view can use: it says so, with the size it got
    wait_until(lambda: size() == "64|20", 3, "64×20 recorded", size)
    c.wait_for("Terminalen er 64×20", timeout=3)
    c.resize(90, 26)
    c.wait_for("Arbejdsark · Gruppe 1", timeout=3)
    wait_until(lambda: size() == "90|26", 3, "90×26 recorded", size)


def test_killing_the_client_mid_edit_loses_nothing_and_frees_the_field(serve, clients, session):
    s = serve()
    tmux = clients()
    code = s.codes()["gruppe2"]
    c = tmux.ssh(s.port, "gruppe2", code)
    joined(c, "Gruppe 2")
    c.send("Down")
    text = "Halvt skrevet, lige før låget gik i æøå"
    c.type(text)
    c.wait_for(text)  # the view has it: what the participant saw must be kept
    view = int(sql(session, "SELECT pid FROM terminals"))
    assert sql(session, "SELECT count(*) FROM leases") == "1"
    os.kill(c.ssh_pid(), signal.SIGKILL)
    rows = lambda: sql(session, "SELECT (SELECT count(*) FROM terminals) + (SELECT count(*) FROM leases)")
    wait_until(lambda: rows() == "0", 1.0, "the view's terminal and lease rows gone within a second",
               lambda: sql(session, "SELECT * FROM terminals; SELECT * FROM leases"))
    assert mechanisms(session, 2) == [text]
    s.wait_for("gruppe2 fra 127.0.0.1 gik")
    # The field is free at once: the group reconnects and finishes the sentence.
    c2 = tmux.ssh(s.port, "gruppe2", code)
    joined(c2, "Gruppe 2")
    c2.send("Down")
    c2.wait_for(text)
    c2.type(" – færdig")
    wait_until(lambda: mechanisms(session, 2) == [text + " – færdig"], 5, "finished after the reconnect", c2.screen)
    assert "optaget" not in c2.screen()
    # The hung-up view has ended and serve has reaped it (no zombie per dropped connection).
    wait_until(lambda: gone(view), 3, f"the hung-up view (pid {view}) reaped by serve",
               lambda: process_state(view))


def test_serve_stopped_says_goodbye_to_everyone_and_removes_the_codes(serve, clients, session):
    s = serve()
    codes = s.codes()
    tmux = clients()
    writer = tmux.ssh(s.port, "gruppe1", codes["gruppe1"])
    reader = tmux.ssh(s.port, "gruppe3", codes["gruppe3"])
    chooser = tmux.ssh(s.port, "anna", codes["gruppe2"])
    joined(writer, "Gruppe 1")
    joined(reader, "Gruppe 3")
    chooser.wait_for("Hvilken gruppe er du i?", timeout=15)
    wait_until(lambda: sql(session, "SELECT count(*) FROM terminals") == "2", 5, "two views registered")
    views = [int(p) for p in sql(session, "SELECT pid FROM terminals").split()]
    writer.send("Down")
    writer.type("Sidste ord før stop")
    writer.wait_for("Sidste ord før stop")
    assert s.stop(signal.SIGTERM) == 0, s.output()
    goodbye = "Facilitatoren har lukket for tilslutning. Alt, du skrev, er gemt. Tak for i dag!"
    exits = {}
    for who, c in (("writer", writer), ("reader", reader), ("chooser", chooser)):
        c.wait_for("EXITED=", timeout=5)
        assert goodbye in c.screen(join=True), c.screen()
        exits[who] = c.exit_code()
    assert "Stoppet." in s.output()
    assert mechanisms(session, 1) == ["Sidste ord før stop"]
    assert sql(session, "SELECT (SELECT count(*) FROM ssh_service) || '|' || (SELECT count(*) FROM ssh_codes) || '|' "
                        "|| (SELECT count(*) FROM terminals) || '|' || (SELECT count(*) FROM leases)") == "0|0|0|0"
    assert all(gone(v) for v in views)
    assert not listening(s.port), "nothing listens any more"
    # Every participant's ssh ends with 0 – also one still at the "which group" question.
    assert exits == {"writer": 0, "reader": 0, "chooser": 0}, exits


def test_a_user_name_that_is_no_group_is_asked_which(serve, clients, session):
    s = serve()
    c = clients().ssh(s.port, "anna", s.codes()["gruppe4"])
    c.wait_for("Hvilken gruppe er du i?", timeout=15)
    c.wait_for("4) Gruppe 4")
    assert "1) Gruppe 1" in c.screen()
    c.type("2")
    c.send("Enter")
    joined(c, "Gruppe 2")
    # The screen is drawn before the choice is written (echo first): wait for the row.
    wait_until(lambda: sql(session, "SELECT group_id, user FROM terminals") == "2|anna", 5, "the terminal listed in Gruppe 2")
    c.send("Down")
    c.type("Anna skriver")
    wait_until(lambda: mechanisms(session, 2) == ["Anna skriver"], 5, "typed as Gruppe 2")
    assert log_lines(session) == [["127.0.0.1", "anna", "godkendt"]]


def test_twenty_clients_at_once_lose_nothing(serve, clients, session):
    """Five participants per group, all typing at the same time, each into a mechanism of its
    own made with F3 (two terminals never write in one field): every letter of every word
    lands, in its own entry of the right group."""
    s = serve()
    codes = s.codes()
    tmux = clients()
    people = []
    for i in range(20):
        group = i % 4 + 1
        people.append((tmux.ssh(s.port, f"gruppe{group}", codes[f"gruppe{group}"]), group, f"Ord{i:02d}-æøå"))
    pending = list(people)
    deadline = time.time() + 40
    while pending and time.time() < deadline:
        pending = [p for p in pending if f"Deltager · Gruppe {p[1]}" not in p[0].screen()]
        time.sleep(0.1)
    assert not pending, f"{len(pending)} not joined:\n" + pending[0][0].screen()
    assert sql(session, "SELECT count(*) FROM terminals") == "20"
    for c, _, _ in people:
        c.send("Down", "F3")
    # Letter by letter, round the room: the keystrokes of all twenty interleave.
    for n in range(len(people[0][2])):
        for c, _, word in people:
            c.type(word[n])
    expected = {g: sorted(w for _, group, w in people if group == g) for g in range(1, 5)}
    wait_until(lambda: all(sorted(mechanisms(session, g)) == expected[g] for g in range(1, 5)), 30,
               "every word in its own mechanism of its group",
               lambda: sql(session, "SELECT group_id, position, text FROM entries WHERE kind='mechanism'"))
    pending = list(people)
    deadline = time.time() + 10
    while pending and time.time() < deadline:  # and each sees its own word
        pending = [p for p in pending if p[2] not in p[0].screen()]
        time.sleep(0.1)
    assert not pending, f"{pending[0][2]} not on its screen:\n" + pending[0][0].screen()
    assert sql(session, "PRAGMA integrity_check") == "ok"


def test_the_facilitator_sees_joins_renews_codes_and_disconnects_one(serve, clients, session):
    s = serve()
    group = clients()
    c = group.ssh(s.port, "gruppe3", s.codes()["gruppe3"])
    joined(c, "Gruppe 3")
    # The facilitator's own view, in the same tmux server (another window).
    fac = facilitator(group, session)
    fac.send("t")
    codes = s.codes()
    screen = fac.wait_for("Tilslutning over SSH")
    assert f"ssh -p {s.port} gruppe3@127.0.0.1   kode {codes['gruppe3']}" in screen, screen
    screen = fac.wait_for("127.0.0.1         ")  # the participant's row, with its address
    assert re.search(r"▶ Gruppe 3\s+gruppe3\s+127\.0\.0\.1", screen), screen
    fac.send("n")  # new codes: the old ones no longer let anyone in, the joined stay
    wait_until(lambda: all(s.codes()[u] != codes[u] for u in codes), 3, "new codes")
    fac.wait_for(f"kode {s.codes()['gruppe3']}")
    refused = ssh_batch(s.port, "gruppe1", codes["gruppe1"], askpass=write_askpass(os.path.dirname(session)))
    assert refused.wait(30) == 255
    fac.send("x")
    fac.wait_for("Tryk x igen")
    assert sql(session, "SELECT count(*) FROM terminals WHERE role = 'participant'") == "1", "asked first"
    fac.send("x")
    c.wait_for("Alt, du skrev, er gemt.")  # and why: test_serve_notices.py
    wait_until(lambda: c.exit_code() == 0, 5, "ssh ended", c.screen)
    wait_until(lambda: sql(session, "SELECT count(*) FROM terminals WHERE role = 'participant'") == "0", 3,
               "its terminal gone")
    fac.wait_for("Ingen andre terminaler")
