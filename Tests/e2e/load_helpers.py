"""Helpers for the load tests of serve's stop and of typing bursts (test_serve_stop.py,
test_typing_burst.py): many tmux windows driven with ONE tmux command per round (commands
chained with `;`), so forty typists cost one fork per tick rather than forty, and the
words of a screen counted the same way everywhere. Builds on serve_helpers (imported, not
changed)."""
import re
import subprocess
import time

from serve_helpers import wait_until  # noqa: F401 (re-exported for the test modules)

GOODBYE = "Facilitatoren har lukket for tilslutning. Alt, du skrev, er gemt. Tak for i dag!"
NOT_SAVED = "Det sidste, du skrev, er måske ikke gemt"
# A participant's word: "w{participant}x{n}". On a screen a word may be cut short (the
# typist was in the middle of it), so a token is any "w<digits>x<digits>" run.
TOKEN = re.compile(r"w(\d+)x(\d+)")


def chained(tmux, commands):
    """One tmux client run for many commands (`a ; b ; c`): one fork, however many windows."""
    args = []
    for command in commands:
        if args:
            args.append(";")
        args += command
    return tmux(*args, check=False) if args else None


def type_in(tmux, pairs):
    """send-keys -l of each (window, text) in one tmux run."""
    chained(tmux, [["send-keys", "-t", name, "-l", text] for name, text in pairs])


SEPARATOR = "@@@tov-window@@@"


def capture_all(tmux, names):
    """{window: its screen now}, every window captured by one tmux run."""
    commands = []
    for name in names:
        commands.append(["display-message", "-p", "-t", name, f"{SEPARATOR}{name}"])
        commands.append(["capture-pane", "-p", "-J", "-t", name])
    out = chained(tmux, commands).stdout
    screens = {}
    for part in out.split(SEPARATOR)[1:]:
        name, _, screen = part.partition("\n")
        screens[name] = screen
    return screens


def tokens(screen):
    """The participant's words on a screen, whole or cut short: {"w3x12", "w3x1", ...}."""
    return {m.group(0) for m in TOKEN.finditer(screen)}


def saved_words(texts):
    """{participant: [words]} from the saved texts (each participant writes only "w{p}x…")."""
    words = {}
    for text in texts:
        for word in text.split():
            m = TOKEN.fullmatch(word)
            if m:
                words.setdefault(int(m.group(1)), []).append(word)
    return words


def is_saved(token, words):
    """A token seen on a screen is saved if it is a saved word, or the start of the last
    saved word of its participant (it was drawn half-typed and the rest arrived later)."""
    mine = words.get(int(TOKEN.fullmatch(token).group(1)), [])
    return token in mine or (bool(mine) and mine[-1].startswith(token))


class Figures:
    """Lines printed (pytest -s) and appended to a file under /tmp for the report."""

    def __init__(self, path="/tmp/tovholder-issue21-figures.txt"):
        self.path = path

    def __call__(self, line):
        stamped = time.strftime("%Y-%m-%d %H:%M:%S ") + line
        print(line, flush=True)
        with open(self.path, "a", encoding="utf-8") as f:
            f.write(stamped + "\n")


figure = Figures()


def run(argv, timeout=10):
    return subprocess.run(argv, capture_output=True, text=True, timeout=timeout)
