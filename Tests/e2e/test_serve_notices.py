"""What serve says to the facilitator and the participants. Nobody reaching serve is said
out loud, on serve's window and the console's `t` ("Ingen bærbar har nået Tovholder endnu"),
but not once someone has connected. A connection that never logs in is closed and logged.
After `n` (new codes) serve's window prints the new join lines; a participant disconnected
with `x x` is told why; a laptop with LANG=C sees no English in a Danish session.

The periods are made short with serve's hidden knobs: TOVHOLDER_SILENT_AFTER (seconds
without any connection attempt, 120 by default) and TOVHOLDER_LOGIN_TIMEOUT (seconds from
the TCP connect to a finished login, 30 by default)."""
from serve_helpers import *  # noqa: F401,F403 (fixtures and helpers)

SILENT = "Ingen bærbar har nået Tovholder endnu"


def test_nobody_reaching_serve_is_said_on_its_window_and_on_t(serve, clients, session):
    s = serve(env={"TOVHOLDER_SILENT_AFTER": "2"})
    started = time.time()
    s.wait_for(SILENT, timeout=10)
    assert time.time() - started >= 1.5, "said before the period was over"
    fac = facilitator(clients(), session, width=160)
    fac.send("t")
    fac.wait_for("Tilslutning over SSH")
    fac.wait_for(SILENT)


def test_a_connection_in_time_keeps_it_unsaid_and_one_that_never_logs_in_is_closed(serve, clients, session):
    s = serve(env={"TOVHOLDER_SILENT_AFTER": "2", "TOVHOLDER_LOGIN_TIMEOUT": "2"})
    started = time.time()
    c = clients().ssh(s.port, "gruppe1", s.codes()["gruppe1"])
    joined(c, "Gruppe 1")
    s.wait_for("gruppe1 fra 127.0.0.1 er med")
    # A laptop that connects and says nothing: closed when its login time is up.
    time.sleep(max(0.0, started + 1.0 - time.time()))
    idle = socket.create_connection(("127.0.0.1", s.port), timeout=10)
    connected = time.time()
    with idle:
        idle.settimeout(8)
        received = b""
        try:
            while chunk := idle.recv(4096):  # serve's version line, then the end
                received += chunk
        except ConnectionResetError:
            pass
        closed = time.time() - connected
    assert received.startswith(b"SSH-2.0-"), received
    assert closed < 5, f"closed after {closed:.1f}s"
    line = s.wait_for("blev ikke logget ind inden for")
    assert "blev ikke logget ind inden for" in log_text(session)
    # That was at least three seconds after serve started: the silence was never said.
    assert time.time() - started >= 3
    assert SILENT not in line and "gruppe1 fra 127.0.0.1 er med" in line


def test_new_codes_are_printed_and_a_disconnected_participant_is_told_why(serve, clients, session):
    s = serve()
    old = s.codes()
    tmux = clients()
    c = tmux.ssh(s.port, "gruppe3", old["gruppe3"])
    joined(c, "Gruppe 3")
    fac = facilitator(tmux, session)
    fac.send("t")
    fac.wait_for("Tilslutning over SSH")
    fac.wait_for("127.0.0.1         ")  # the participant's row
    fac.send("n")
    wait_until(lambda: all(s.codes()[u] != old[u] for u in old), 5, "new codes")
    new = s.codes()
    heading = "Nye koder – de gamle gælder ikke længere:"
    s.wait_for(heading)
    wait_until(lambda: f"gruppe4@127.0.0.1   kode {new['gruppe4']}" in s.output().split(heading, 1)[1], 5,
               "the new join lines below the heading", s.output)
    after = s.output().split(heading, 1)[1]
    for user, code in new.items():
        assert f"ssh -p {s.port} {user}@127.0.0.1   kode {code}" in after, after
    # x x: the participant's view closes, and the participant is told by whom.
    fac.send("x")
    fac.wait_for("Tryk x igen")
    fac.send("x")
    c.wait_for("Facilitatoren har afbrudt forbindelsen. Alt, du skrev, er gemt.")


def test_a_laptop_with_lang_c_sees_no_english(serve, clients, session):
    s = serve()
    c = clients().ssh(s.port, "gruppe2", s.codes()["gruppe2"], options=["-o", "SendEnv=LANG"],
                      env={"LANG": "C"})
    joined(c, "Gruppe 2")
    view = int(sql(session, "SELECT pid FROM terminals"))
    with open(f"/proc/{view}/environ", "rb") as f:
        environment = f.read().split(b"\0")
    assert b"LANG=C" in environment, environment  # the laptop's LANG reached the view
    type_a_word(c, session, 2, "Uden UTF-8-sprog æøå")
    c.wait_for("Uden UTF-8-sprog æøå")
    seen = c.transcript()
    assert "is not UTF-8" not in seen and "using C.UTF-8" not in seen, seen[:2000]
