"""Issue 21, point 1: stopping serve, or a connection closing, loses nothing that reached the
server. Forty OpenSSH participants type words when the facilitator presses Ctrl-C (SIGINT
to serve); a paste whose connection closes 50 ms later. What the participants saw and sent
is read back from the session file with sqlite3.

The bugs these catch (as the issue measured them before the fix):
- serve closed the views' terminals at once on SIGINT/SIGTERM: keys still in serve's buffers
  or in a view's pty were dropped (42 of 680 words lost; all 40 screens said "Alt, du skrev,
  er gemt"), and a view echoes a burst before its fsync (Runner+Typing: echo first), so a
  view killed between the two lost words that WERE on its screen;
- a hung-up client's pty was closed with the view: a paste of 8,000 characters followed by
  a close 50 ms later saved 672 of them."""
import signal
from collections import Counter

from load_helpers import (GOODBYE, NOT_SAVED, capture_all, chained, figure, is_saved, saved_words, tokens, type_in)
from serve_helpers import *  # noqa: F401,F403 (fixtures and helpers)

PARTICIPANTS = int(os.environ.get("TOV_STOP_PARTICIPANTS", "40"))  # fewer only to look into a failure
GROUPS = 4
SECONDS = 20.0
RATE = 4  # characters a second, per participant
SLOTS = 5  # ticks per character: every tick (1 / RATE / SLOTS s) a fifth of the room types
REACHED = 1.0  # keys sent this long before the stop have surely reached serve (loopback)


def wchan(pid):
    try:
        with open(f"/proc/{pid}/wchan") as f:
            return f.read() or "-"
    except OSError:
        return "gone"


def group_of(p):
    return (p - 1) % GROUPS + 1


def words_of(p):
    return "".join(f"w{p}x{n} " for n in range(1, 200))


def entry_texts(session):
    rows = sql(session, "SELECT text FROM entries WHERE kind = 'mechanism' AND deleted_at IS NULL "
                        "AND text <> '' ORDER BY id")
    return rows.splitlines() if rows else []


def join_all(s, tmux, codes, batch=10, timeout=40):
    """Every participant's ssh, ten at a time, each until its worksheet is drawn."""
    windows = {}
    deadline = time.time() + timeout
    for first in range(1, PARTICIPANTS + 1, batch):
        new = {}
        for p in range(first, min(first + batch, PARTICIPANTS + 1)):
            g = group_of(p)
            new[p] = tmux.ssh(s.port, f"gruppe{g}", codes[f"gruppe{g}"], width=160, height=48)
        names = {c.name: p for p, c in new.items()}
        while True:
            screens = capture_all(tmux.tmux, names)
            waiting = [n for n, p in names.items() if f"Deltager · Gruppe {group_of(p)}" not in screens.get(n, "")]
            if not waiting:
                break
            assert time.time() < deadline, (f"{len(waiting)} participants not joined after {timeout}s:\n"
                                             + screens.get(waiting[0], "") + "\n" + s.output()[-2000:])
            time.sleep(0.2)
        windows.update(new)
    return windows


def test_ctrl_c_on_serve_while_forty_type_loses_no_word_that_was_on_a_screen(serve, clients, session):
    started = time.monotonic()
    s = serve()
    server_pid = s.pid
    codes = s.codes()
    tmux = clients()
    windows = join_all(s, tmux, codes)
    joined_at = time.monotonic()
    wait_until(lambda: sql(session, "SELECT count(*) FROM terminals WHERE role = 'participant'") == str(PARTICIPANTS),
               10, f"{PARTICIPANTS} participant terminals registered")
    names = {c.name: p for p, c in windows.items()}
    # Each a mechanism of its own (Down to the mechanisms, F3 a new one): two terminals never
    # type into one field (leases).
    chained_keys = []
    for c in windows.values():
        chained_keys.append(["send-keys", "-t", c.name, "Down", "F3"])
    chained(tmux.tmux, chained_keys)

    text = {p: words_of(p) for p in windows}
    sent = {p: 0 for p in windows}
    sent_at = {p: [] for p in windows}  # monotonic time each character was handed to tmux
    seen = set()
    tick = 1.0 / RATE / SLOTS
    t0 = time.monotonic()
    next_capture, n = t0 + 1.0, 0
    while True:
        now = time.monotonic()
        if now - t0 >= SECONDS:
            break
        slot = n % SLOTS
        pairs = []
        for p, c in windows.items():
            if p % SLOTS == slot:
                pairs.append((c.name, text[p][sent[p]]))
                sent[p] += 1
                sent_at[p].append(now)
        type_in(tmux.tmux, pairs)
        if now >= next_capture:  # a look at every screen now and then (the last one counts most)
            for screen in capture_all(tmux.tmux, names).values():
                if "Arbejdsark" in screen:
                    seen |= tokens(screen)
            next_capture += 2.0
        n += 1
        time.sleep(max(0.0, t0 + n * tick - time.monotonic()))
    typing_seconds = time.monotonic() - t0
    # The last capture of every screen, then at once Ctrl-C on serve (SIGINT to serve itself).
    views = [int(v) for v in sql(session, "SELECT pid FROM terminals WHERE role = 'participant'").split()]
    last = capture_all(tmux.tmux, names)
    stop = time.monotonic()
    os.kill(server_pid, signal.SIGINT)
    for screen in last.values():
        assert "Arbejdsark" in screen, screen
        seen |= tokens(screen)
    # Until every client has ended, what is still drawn by a view counts as seen too (it
    # reached the view; nothing is typed any more, so no shell echo can be mistaken for it).
    final = last
    view_ended = {}  # view pid -> seconds after Ctrl-C it had exited (and been reaped)
    deadline = time.monotonic() + 20
    while True:
        final = capture_all(tmux.tmux, names)
        for v in views:
            if v not in view_ended and gone(v):
                view_ended[v] = time.monotonic() - stop
        for screen in final.values():
            if "Arbejdsark" in screen and "Facilitatoren har lukket" not in screen:
                seen |= tokens(screen)
        if all("EXITED=" in screen for screen in final.values()):
            break
        assert time.monotonic() < deadline, ("not every client ended within 20 s of Ctrl-C:\n"
                                             + next(sc for sc in final.values() if "EXITED=" not in sc)
                                             + "\nserve:\n" + s.output()[-2000:])
        time.sleep(0.1)
    ended = time.monotonic() - stop
    assert s.proc.wait(10) == 0, s.output()[-3000:]
    outlived = [v for v in views if v not in view_ended and not gone(v)]
    lingering = Counter(f"{process_state(v)}, waiting in {wchan(v)}" for v in outlived)
    for v in outlived:  # they must not eat the CPU of the tests after this one
        os.kill(v, signal.SIGKILL)
    times = sorted(view_ended.values())

    texts = entry_texts(session)
    words = saved_words(texts)
    typed = {p: text[p][:sent[p]] for p in windows}
    typed_words = [w for p in windows for w in typed[p].split(" ")[:-1]]  # those finished with a space
    saved_typed = [w for w in typed_words if w in words.get(int(w[1:].split("x")[0]), [])]
    lost = sorted(t for t in seen if not is_saved(t, words))
    # Keys handed to the clients at least REACHED s before the stop: at loopback speed they
    # were at serve long before it stopped reading.
    early_lost = []
    for p in windows:
        early = sum(1 for t in sent_at[p] if t <= stop - REACHED)
        mine = next((t for t in texts if t.startswith(f"w{p}x")), "")
        if len(mine) < early:
            early_lost.append(f"w{p}: {early - len(mine)} of the first {early} characters")
    chars_typed = sum(sent.values())
    chars_saved = sum(len(t) for t in texts)
    figure(f"serve stop under load: {PARTICIPANTS} OpenSSH participants, {RATE} chars/s each for "
           f"{typing_seconds:.1f} s (reached {chars_typed / typing_seconds / PARTICIPANTS:.1f}), Ctrl-C on serve: words typed {len(typed_words)}, seen on screens {len(seen)}, "
           f"saved {len(saved_typed)}, lost {len(lost)} (characters typed {chars_typed}, saved {chars_saved}; "
           f"typed >= {REACHED:.0f} s before the stop and not saved: {len(early_lost)} participants; "
           f"all clients ended {ended:.1f} s after Ctrl-C; joining took {joined_at - started:.1f} s)")
    assert lost == [], f"{len(lost)} words were on a participant's screen but are not in the file: {lost[:20]}"
    # What is saved is exactly what was typed, up to where the stop cut it: nothing garbled.
    for p in windows:
        mine = [t for t in texts if t.startswith(f"w{p}x")]
        assert len(mine) == 1, f"participant {p}'s words are in {len(mine)} entries: {mine}"
        assert typed[p].startswith(mine[0]), f"participant {p}: saved {mine[0]!r}, typed {typed[p]!r}"
    # Every participant was told the truth (issue 21, point 1): "Alt, du skrev, er gemt" when
    # its view confirmed, else that the last words may be missing — and serve named that one.
    # On this 2-core machine under load some views need longer than 5 s to save: that is
    # the figure to watch, not a failure of the promise.
    untold, unconfirmed, exits = [], [], {}
    for name, screen in capture_all(tmux.tmux, names).items():
        said = screen_text(windows[names[name]].transcript())
        if NOT_SAVED in said:
            unconfirmed.append(name)
        elif GOODBYE not in said:
            untold.append((name, said[-300:]))
        # From the recorded output, not the screen: leftover digits on the row would join in.
        m = re.search(r"EXITED=(\d+)\r?\n", windows[names[name]].transcript())
        exits[name] = int(m.group(1)) if m else None
    figure(f"  views exited after Ctrl-C: {sum(1 for t in times if t <= 1)} within 1 s, {len(times)} in all, the "
           f"last after {times[-1] if times else 0:.1f} s; still running when serve had ended: {len(outlived)}"
           + (f" ({dict(lingering)})" if lingering else ""))
    figure(f"  goodbye 'Alt, du skrev, er gemt' on {PARTICIPANTS - len(untold) - len(unconfirmed)} of {PARTICIPANTS} "
           f"screens, 'måske ikke gemt' on {len(unconfirmed)}; typed >= {REACHED:.0f} s before the stop and not "
           f"saved: {early_lost}; ssh exit codes {sorted(Counter(exits.values()).items(), key=str)}")
    assert untold == [], (f"{len(untold)} participants got no goodbye, e.g. {untold[:3]}\n"
                          f"serve:\n{s.output()[-3000:]}")
    # Named on serve's window: not confirmed within 5 s, or a view that could not save all (3).
    assert s.output().count("bekræftede ikke") == len(unconfirmed), s.output()[-3000:]
    assert set(exits.values()) <= {0, 3}, exits
    assert sql(session, "PRAGMA integrity_check") == "ok"


@pytest.mark.parametrize("length", [2000, 8000])
def test_a_paste_then_the_connection_closed_50_ms_later_is_saved_whole(serve, session, length):
    """Written on a paramiko channel (no bracketed-paste markers: typed keys as far as the
    view can tell), then the whole connection closed 50 ms later. serve has the bytes by
    then (loopback); they must all reach the view, which saves them before it exits."""
    s = serve()
    c = RawSession(s.port, "gruppe3", s.codes()["gruppe3"])
    c.read_until("Deltager · Gruppe 3")
    c.send(DOWN + F3 + "#")  # a mechanism of its own, begun with a mark
    wait_until(lambda: mechanisms(session, 3) == ["#"], 10, "the mark saved", lambda: screen_text(c.raw)[-1000:])
    body = ("Borgeren i centrum, tillid i opgaven, æøå ÆØÅ. " * (length // 40 + 1))[:length - 1] + "!"
    t0 = time.monotonic()
    c.send(body)
    time.sleep(0.05)
    c.close()
    expected = "#" + body
    wait_until(lambda: sql(session, "SELECT count(*) FROM terminals") == "0", 15,
               "the closed connection's view gone (it saved and quit)",
               lambda: f"saved {len(mechanisms(session, 3)[0])} of {len(expected)}")
    saved = mechanisms(session, 3)[0]
    figure(f"paste of {length} characters, connection closed 50 ms later: saved {len(saved) - 1} of {length} "
           f"characters (view gone {time.monotonic() - t0:.2f} s after the paste began)")
    assert len(saved) == len(expected) and saved == expected, (
        f"saved {len(saved) - 1} of {length} characters; the first difference at "
        f"{next((i for i, (a, b) in enumerate(zip(saved, expected)) if a != b), min(len(saved), len(expected)))}")
    s.wait_for("gruppe3 fra 127.0.0.1 gik")
