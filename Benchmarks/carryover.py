#!/usr/bin/env python3
"""Time of `tovholder new DAY2 --from DAY1` for a day 1 with 8 groups x 30 entries (links,
earlier texts in the history), agreement forms with rows, and the roadmap; beside it, in the
same run, `tovholder new` of the same day without --from (the peer: everything but the
carrying). Whole processes, start to exit; prints median and p90 of each; asserts nothing.

    python3 Benchmarks/carryover.py [runs]
"""
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
BIN = os.environ.get("TOVHOLDER_BIN", os.path.join(ROOT, ".build", "release", "tovholder"))
ENV = dict(os.environ, LANG="C.UTF-8")


def fill_day1(path):
    """8 groups, each 1 challenge + 6 goals + 7 mechanisms + 8 trial actions + 8 signs = 30 entries,
    linked; 5 earlier texts per entry; an agreement form with 4 rows per group."""
    db = sqlite3.connect(path)
    db.execute("PRAGMA busy_timeout = 5000")
    with db:
        for n in range(5, 9):
            db.execute("INSERT INTO groups(name, position) VALUES (?, ?)", (f"Gruppe {n}", n))
        groups = [r[0] for r in db.execute("SELECT id FROM groups ORDER BY position")]
        db.execute("DELETE FROM entries")
        for g in groups:
            ids = {}
            for kind, count in (("challenge", 1), ("goal", 6), ("mechanism", 7), ("trial-action", 8), ("sign", 8)):
                ids[kind] = []
                for i in range(count):
                    cur = db.execute("INSERT INTO entries(group_id, kind, text, position, created_at, updated_at) "
                                     "VALUES (?, ?, ?, ?, 0, 0)", (g, kind, f"{kind} {i + 1} i gruppe {g} – en sætning om det", i + 1))
                    ids[kind].append(cur.lastrowid)
                    for h in range(5):
                        db.execute("INSERT INTO text_history(field, text, at, author) VALUES (?, ?, ?, 'x')",
                                   (f"entry:{cur.lastrowid}", f"udkast {h}", h))
            for source, target in (("mechanism", "goal"), ("trial-action", "mechanism"), ("sign", "goal")):
                for i, e in enumerate(ids[source]):
                    for t in {ids[target][i % len(ids[target])], ids[target][(i + 1) % len(ids[target])]}:
                        db.execute("INSERT INTO entry_links(entry_id, target_id) VALUES (?, ?)", (e, t))
            db.execute("INSERT INTO agreements(group_id, perspectives, involve, tovholder) VALUES (?, 'Borgerne', 'Foreningerne', 'Anne')", (g,))
            for r in range(4):
                db.execute("INSERT INTO agreement_rows(group_id, who, knowledge, due_text, position) VALUES (?, 'Bo', 'Viden', '18/1', ?)",
                           (g, r + 1))
    db.close()


def timed(args, work):
    t0 = time.perf_counter()
    subprocess.run([BIN, *args], cwd=work, env=ENV, capture_output=True, check=True)
    return (time.perf_counter() - t0) * 1000


def main():
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    work = tempfile.mkdtemp()
    subprocess.run([BIN, "new", "dag1.tovholder", "--date", "2023-12-05"], cwd=work, env=ENV, capture_output=True, check=True)
    fill_day1(os.path.join(work, "dag1.tovholder"))
    carried, plain = [], []
    for i in range(runs):
        carried.append(timed(["new", f"d2-{i}.tovholder", "--from", "dag1.tovholder", "--date", "2024-01-18"], work))
        plain.append(timed(["new", f"p-{i}.tovholder", "--template", "udviklingsdag-2", "--date", "2024-01-18"], work))
    db = sqlite3.connect(os.path.join(work, "d2-0.tovholder"))
    entries = db.execute("SELECT count(*) FROM entries WHERE origin_day IS NOT NULL").fetchone()[0]
    links = db.execute("SELECT count(*) FROM entry_links").fetchone()[0]
    follow = db.execute("SELECT count(*) FROM earlier_agreements").fetchone()[0]

    def line(name, xs):
        xs = sorted(xs)
        return f"  {name:34} median {statistics.median(xs):6.1f} ms, p90 {xs[int(len(xs) * 0.9) - 1]:6.1f} ms"
    print(f"day 2 from a day 1 of 8 groups x 30 entries ({runs} runs; carried: {entries} entries, {links} links, "
          f"{follow} agreements to follow up):")
    print(line("tovholder new --from dag1", carried))
    print(line("tovholder new (same template, peer)", plain))


if __name__ == "__main__":
    main()
