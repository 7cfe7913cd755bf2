"""Reference memory states from Anki's own backend (PyPI `anki`), regenerated at every run.

    anki_oracle.py CSV MAX_CARDS

Loads the first MAX_CARDS cards of a josh-format review log into a fresh headless collection
(one Basic note a card, every review as a revlog row), turns FSRS on, and prints, for each card,
the memory state Anki computes from its revlog. Anki counts elapsed days by its day rollover
(04:00 in the collection's time zone, UTC here), as carnet's DayClock does.
"""

import csv
import json
import os
import sys
import tempfile
from datetime import datetime

from anki.collection import Collection


def main():
    path, max_cards = sys.argv[1], int(sys.argv[2])
    rows = []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            ms = int(datetime.fromisoformat(row["review_time"]).timestamp() * 1000)
            rows.append((ms, int(row["card_id"]), int(row["review_rating"]), int(row["review_duration"])))
    rows.sort(key=lambda r: r[0])
    chosen = []
    for _, cid, _, _ in rows:
        if cid not in chosen:
            chosen.append(cid)
        if len(chosen) == max_cards:
            break
    wanted = set(chosen)
    with tempfile.TemporaryDirectory() as tmp:
        col = Collection(os.path.join(tmp, "oracle.anki2"))
        col.set_config("fsrs", True)
        model = col.models.by_name("Basic")
        deck_id = col.decks.id("josh")
        anki_ids = {}
        for cid in chosen:
            note = col.new_note(model)
            note["Front"] = str(cid)
            note["Back"] = "x"
            col.add_note(note, deck_id)
            anki_ids[cid] = note.cards()[0].id
        seen = set()
        used_ids = set()
        for ms, cid, rating, duration in rows:
            if cid not in wanted:
                continue
            # revlog.type: 0 learn for a card's first review, 1 review afterwards.
            kind = 1 if cid in seen else 0
            seen.add(cid)
            rid = ms
            while rid in used_ids:  # revlog ids are primary keys
                rid += 1
            used_ids.add(rid)
            col.db.execute(
                "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) values (?,?,?,?,?,?,?,?,?)",
                rid, anki_ids[cid], -1, rating, 1, 0, 0, min(duration, 60000), kind,
            )
        # Cards with history are in review: Anki ignores the revlog of new cards.
        col.db.execute("update cards set type = 2, queue = 2, ivl = 1, due = 0")
        out = {}
        for cid in chosen:
            state = col.compute_memory_state(anki_ids[cid])
            out[str(cid)] = {"stability": state.stability, "difficulty": state.difficulty}
        rollover = col.get_config("rollover", 4)
        col.close()
    json.dump({"rollover_hour": rollover, "cards": out}, sys.stdout)


if __name__ == "__main__":
    main()
