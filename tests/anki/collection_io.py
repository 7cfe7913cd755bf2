"""Builds Anki collections with Anki's own backend (headless) and reads packages back.

Usage:
  collection_io.py build OUTDIR [SEED]
      Builds a collection with Basic, Basic (and reversed card) and Cloze notes in a deck and
      its subdeck, HTML in the fields, FSRS enabled, and months of review history (revlog
      rows written as Anki's scheduler writes them, including a "set due date" entry, a
      rescheduled entry, a cram review in a filtered deck, a card reset to new then learnt
      again, a suspended card, a buried card and a new card). Exports OUTDIR/deck.apkg,
      OUTDIR/deck-legacy.apkg (schema 11, `collection.anki21`) and OUTDIR/deck.colpkg, and
      prints a JSON report: for each card its Anki id, note type, deck, fields, queue, and the
      memory state Anki's backend computes from its history (`compute_memory_state`).
  collection_io.py import COLLECTION.anki2 PACKAGE.apkg...
      Imports the packages, one after the other, into a collection (created if new) and
      prints for each the note, card and revlog counts and each card's memory state.

  collection_io.py probe OUTDIR
      What Anki's package importer does with the review log of cards the collection already
      holds: for each set of import options, a copy of OUTDIR/source.anki2 (made by `build`)
      gets one new revlog row on an existing card (and its note edited), is exported with
      Anki's own exporter and imported into another copy; prints, for each, the note and
      revlog counts before and after and whether the new row arrived.

  collection_io.py state COLLECTION.anki2
      Prints, for each card of the collection, its scheduling columns (type, queue, due,
      ivl, reps, lapses), the memory state it holds (cards.data) and the one Anki's backend
      computes from its revlog (`compute_memory_state`), and its revlog rows (id, ease,
      type, usn, lastIvl); with the collection's day (`sched.today`) and creation time.

  collection_io.py check COLLECTION.anki2
      Anki's "Check Database" (`fix_integrity`): prints its report, whether it found the
      collection sound, and the card and revlog rows it changed.

  collection_io.py answer COLLECTION.anki2
      Answers the first four due cards of the deck "Histoire" with Anki's own scheduler
      (Good, Again, Good, Hard) and prints, for each, the revlog row it wrote (ease, type,
      ivl, lastIvl, factor) and the card's memory state after it.

  collection_io.py downgrade COLLECTION.anki2
      Closes the collection in schema 11, as Anki does before an older Anki opens it.

  collection_io.py hold COLLECTION.anki2
      Opens the collection as Anki does, prints "open", and keeps it open until stdin
      closes.

The callers are tests/e2e/anki_package.rs and tests/e2e/anki_collection_write.rs.
"""

import json
import os
import random
import sys

from anki.collection import (
    Collection,
    ExportAnkiPackageOptions,
    ImportAnkiPackageOptions,
    ImportAnkiPackageRequest,
)
from anki.cards import FSRSMemoryState

DAY_MS = 86_400_000
# 2026-05-04 09:00 UTC: months before "now" in every test run.
START_MS = 1_777_885_200_000

# revlog.type values
LEARN, REVIEW, RELEARN, FILTERED, MANUAL, RESCHED = 0, 1, 2, 3, 4, 5


class History:
    """Writes revlog rows for one card, with ids (times) kept unique across the collection."""

    used = set()

    def __init__(self, col, cid):
        self.col = col
        self.cid = cid
        self.last_ivl = 0

    def row(self, time_ms, ease, kind, ivl=0, factor=2500, taken=4000):
        while time_ms in History.used:
            time_ms += 1
        History.used.add(time_ms)
        self.col.db.execute(
            "insert into revlog (id, cid, usn, ease, ivl, lastIvl, factor, time, type) "
            "values (?, ?, -1, ?, ?, ?, ?, ?, ?)",
            time_ms, self.cid, ease, ivl, self.last_ivl, factor, taken, kind,
        )
        self.last_ivl = ivl
        return time_ms

    def stability(self):
        state = self.col.compute_memory_state(self.cid)
        return state.stability


def simulate(col, rng, cid, special, end_ms):
    """Months of reviews of one card; returns the time of its last review (or None)."""
    h = History(col, cid)
    if special == "new":
        return None
    t = START_MS + rng.randrange(0, 20) * DAY_MS + rng.randrange(0, 8) * 3_600_000

    def learn(t):
        # First sight: sometimes Again, then Good steps (1 min, 10 min), graduation at 1 day.
        if rng.random() < 0.4:
            t = h.row(t, 1, LEARN, ivl=-60, taken=rng.randrange(2000, 15000))
            t += 60_000
        t = h.row(t, 3, LEARN, ivl=-600, taken=rng.randrange(2000, 15000))
        t += 600_000
        return h.row(t, 3 if rng.random() < 0.8 else 4, LEARN, ivl=1)

    last = learn(t)
    t = last
    step = 0
    while True:
        s = h.stability() or 1.0
        ivl = max(1, round(s))
        delay = ivl + rng.choice([-1, 0, 0, 0, 1, 2, 5])
        t = (t // DAY_MS + max(1, delay)) * DAY_MS + rng.randrange(7, 20) * 3_600_000
        if t > end_ms:
            break
        step += 1
        if special == "set-due" and step == 3:
            # "Set due date": a Manual entry with the ease factor kept, no grade.
            h.row(t - DAY_MS // 2, 0, MANUAL, ivl=2, factor=2500, taken=0)
        if special == "rescheduled" and step == 3:
            h.row(t - DAY_MS // 2, 0, RESCHED, ivl=ivl + 3, factor=2500, taken=0)
        if special == "cram" and step == 2:
            # A review in a filtered deck with rescheduling off (factor 0): ignored by FSRS.
            h.row(t - DAY_MS // 3, 3, FILTERED, ivl=0, factor=0, taken=3000)
        if special == "reset" and step == 4:
            # "Forget": reset to new (Manual, factor 0), then learnt again from scratch.
            h.row(t - DAY_MS // 2, 0, MANUAL, ivl=0, factor=0, taken=0)
            h.last_ivl = 0
            last = t = learn(t)
            continue
        r = rng.random()
        ease = 1 if r < 0.1 else 2 if r < 0.25 else 3 if r < 0.9 else 4
        if ease == 1:
            t = h.row(t, 1, REVIEW, ivl=-600, taken=rng.randrange(3000, 30000))
            t += 600_000
            t = h.row(t, 3, RELEARN, ivl=1, taken=rng.randrange(2000, 9000))
        else:
            t = h.row(t, ease, REVIEW, ivl=ivl, taken=rng.randrange(1500, 20000))
        last = t
    return last


NOTES = [
    # (note type, deck, fields)
    ("Basic", "Histoire", ["Capitale de la <b>Géorgie</b> en 1918&nbsp;?", "Tiflis"]),
    ("Basic", "Histoire", ["<div>Qui dirigeait la commune de Bakou&nbsp;?</div>", "Stepan Chahoumian"]),
    ("Basic", "Histoire", ["Fin de la guerre civile russe", "1922<br>(en Extrême-Orient)"]),
    ("Basic", "Histoire", ["Traité signé en mars 1918", "Brest-Litovsk <img src=\"treaty.png\">"]),
    ("Basic", "Histoire", ["Hymne de la révolution [sound:hymne.mp3]", "<i>La Marseillaise</i> &amp; l'Internationale"]),
    ("Basic", "Histoire::Caucase", ["Année de l'indépendance de l'Arménie", "1918"]),
    ("Basic", "Histoire::Caucase", ["Ville portuaire sur la Caspienne", "Bakou"]),
    ("Basic", "Histoire::Caucase", ["Fleuve de Tiflis", "la Koura"]),
    ("Basic (and reversed card)", "Histoire", ["Petrograd", "Saint-Pétersbourg (1914–1924)"]),
    ("Basic (and reversed card)", "Histoire", ["&lt;Soviet&gt;", "conseil"]),
    ("Basic (and reversed card)", "Histoire::Caucase", ["Erevan", "capitale de l'Arménie"]),
    ("Cloze", "Histoire", ["{{c1::Lénine}} revient en Russie en {{c2::avril 1917}}.", "Le train <u>plombé</u>"]),
    ("Cloze", "Histoire", ["La {{c1::Douma}} est dissoute par {{c2::Nicolas II::un tsar}}.", ""]),
    ("Cloze", "Histoire::Caucase", ["La République démocratique de {{c1::Géorgie}} naît le {{c1::26 mai 1918}}.", ""]),
    ("Cloze", "Histoire::Caucase", ["Formule&nbsp;: [$]x^2[/$] et {{c1::Bakou}}", ""]),
]
SPECIALS = ["set-due", "rescheduled", "cram", "reset", "suspended", "buried", "new"]


def build(outdir, seed):
    os.makedirs(outdir, exist_ok=True)
    path = os.path.join(outdir, "source.anki2")
    if os.path.exists(path):
        os.remove(path)
    col = Collection(path)
    rng = random.Random(seed)
    col.set_config("fsrs", True)
    end_ms = START_MS + 150 * DAY_MS
    try:
        cards = []
        for kind, deck, fields in NOTES:
            model = col.models.by_name(kind)
            note = col.new_note(model)
            for i, f in enumerate(fields):
                note.fields[i] = f
            col.add_note(note, col.decks.id(deck))
            cards.extend(note.cards())
        specials = {cards[i * 2 + 1].id: s for i, s in enumerate(SPECIALS)}
        report = []
        for card in cards:
            special = specials.get(card.id, "")
            last = simulate(col, rng, card.id, special, end_ms)
            card = col.get_card(card.id)
            if last is not None:
                state = col.compute_memory_state(card.id)
                if state.stability is not None:
                    card.memory_state = FSRSMemoryState(
                        stability=state.stability, difficulty=state.difficulty
                    )
                ivl = max(1, round(state.stability or 1))
                card.type = 2
                card.queue = 2
                card.ivl = ivl
                due_day = (last // 1000 - col.crt) // 86_400 + ivl
                card.due = int(due_day)
                col.update_card(card)
            if special == "suspended":
                col.sched.suspend_cards([card.id])
            if special == "buried":
                col.sched.bury_cards([card.id])
            card = col.get_card(card.id)
            note = card.note()
            state = col.compute_memory_state(card.id) if last is not None else None
            report.append({
                "anki_id": card.id,
                "note_id": note.id,
                "notetype": note.note_type()["name"],
                "ord": card.ord,
                "deck": col.decks.name(card.did),
                "fields": list(note.fields),
                "question": card.question(),
                "answer": card.answer(),
                "queue": card.queue,
                "special": special,
                "stability": state.stability if state else None,
                "difficulty": state.difficulty if state else None,
                "reviews": col.db.scalar("select count() from revlog where cid = ?", card.id),
                "last_review_ms": last,
            })
        opts = ExportAnkiPackageOptions(
            with_scheduling=True, with_deck_configs=True, with_media=True, legacy=False
        )
        col.export_anki_package(
            out_path=os.path.join(outdir, "deck.apkg"), options=opts, limit=None
        )
        opts.legacy = True
        col.export_anki_package(
            out_path=os.path.join(outdir, "deck-legacy.apkg"), options=opts, limit=None
        )
        summary = {
            "cards": report,
            "notes": col.note_count(),
            "revlog": col.db.scalar("select count() from revlog"),
            "crt": col.crt,
            "parameters": list(col.decks.config_dict_for_deck_id(1).get("fsrsParams6", [])),
        }
        col.export_collection_package(
            os.path.join(outdir, "deck.colpkg"), include_media=True, legacy=False
        )
    finally:
        col.close()
    json.dump(summary, sys.stdout, ensure_ascii=False)


def import_packages(collection, packages):
    col = Collection(collection)
    col.set_config("fsrs", True)
    stages = []
    try:
        for package in packages:
            # As Anki's import dialog does by default: with the learning progress.
            options = ImportAnkiPackageOptions(
                with_scheduling=True, with_deck_configs=True
            )
            col.import_anki_package(ImportAnkiPackageRequest(package_path=package, options=options))
            cards = {}
            for cid in col.find_cards(""):
                card = col.get_card(cid)
                state = col.compute_memory_state(cid)
                cards[str(cid)] = {
                    "guid": card.note().guid,
                    "fields": list(card.note().fields),
                    "notetype": card.note().note_type()["name"],
                    "deck": col.decks.name(card.did),
                    "reviews": col.db.scalar("select count() from revlog where cid = ?", cid),
                    "revlog": col.db.all(
                        "select id, ease from revlog where cid = ? order by id", cid
                    ),
                    "stability": state.stability,
                    "difficulty": state.difficulty,
                    "queue": card.queue,
                    "type": card.type,
                    "due": card.due,
                    "memory": [card.memory_state.stability, card.memory_state.difficulty]
                    if card.memory_state else None,
                }
            stages.append({
                "notes": col.note_count(),
                "cards": col.card_count(),
                "revlog": col.db.scalar("select count() from revlog"),
                "by_card": cards,
            })
    finally:
        col.close()
    json.dump(stages, sys.stdout, ensure_ascii=False)


def probe(outdir):
    import shutil

    source = os.path.join(outdir, "source.anki2")
    results = []
    for label, opts in [
        ("default", {}),
        ("with_scheduling", {"with_scheduling": True, "with_deck_configs": True}),
        ("update_notes_always", {"with_scheduling": True, "update_notes": 1}),
        ("update_notes_always_merge_notetypes",
         {"with_scheduling": True, "update_notes": 1, "merge_notetypes": True}),
    ]:
        target = os.path.join(outdir, "probe-target.anki2")
        changed = os.path.join(outdir, "probe-changed.anki2")
        package = os.path.join(outdir, "probe.apkg")
        shutil.copy(source, target)
        shutil.copy(source, changed)
        col = Collection(changed)
        try:
            cid = col.find_cards("")[0]
            new_id = col.db.scalar("select max(id) from revlog") + DAY_MS
            col.db.execute(
                "insert into revlog values (?, ?, -1, 3, 10, 5, 2500, 3000, 1)", new_id, cid
            )
            note = col.get_card(cid).note()
            note.fields[-1] += " (edited)"
            col.update_note(note)
            # Newer than the target's copy even when built within the same second.
            col.db.execute("update notes set mod = mod + 60 where id = ?", note.id)
            col.export_anki_package(
                out_path=package,
                options=ExportAnkiPackageOptions(
                    with_scheduling=True, with_deck_configs=True, with_media=False,
                    legacy=False,
                ),
                limit=None,
            )
        finally:
            col.close()
        col = Collection(target)
        try:
            before = [col.note_count(), col.db.scalar("select count() from revlog")]
            out = col.import_anki_package(ImportAnkiPackageRequest(
                package_path=package, options=ImportAnkiPackageOptions(**opts)))
            results.append({
                "options": label,
                "notes_before": before[0],
                "revlog_before": before[1],
                "notes_after": col.note_count(),
                "revlog_after": col.db.scalar("select count() from revlog"),
                "new_row_arrived": col.db.scalar(
                    "select count() from revlog where id = ?", new_id) == 1,
                "notes_updated": len(out.log.updated),
            })
        finally:
            col.close()
    json.dump(results, sys.stdout)


def state(collection):
    col = Collection(collection)
    try:
        cards = {}
        for cid in col.find_cards(""):
            card = col.get_card(cid)
            computed = col.compute_memory_state(cid)
            cards[str(cid)] = {
                "type": card.type,
                "queue": card.queue,
                "due": card.due,
                "ivl": card.ivl,
                "reps": card.reps,
                "lapses": card.lapses,
                "usn": card.usn,
                "memory": [card.memory_state.stability, card.memory_state.difficulty]
                if card.memory_state else None,
                "computed": [computed.stability, computed.difficulty]
                if computed.stability is not None else None,
                "revlog": col.db.all(
                    "select id, ease, type, usn, lastIvl from revlog where cid = ? order by id",
                    cid,
                ),
            }
        report = {
            "today": col.sched.today,
            "crt": col.crt,
            "mod": col.db.scalar("select mod from col"),
            "revlog": col.db.scalar("select count() from revlog"),
            "notes": col.db.all("select id, guid, mod, flds from notes order by id"),
            "cards": cards,
        }
    finally:
        col.close()
    json.dump(report, sys.stdout, ensure_ascii=False)


def check(collection):
    col = Collection(collection)
    try:
        rows = lambda: (
            col.db.all("select * from cards order by id"),
            col.db.all("select * from revlog order by id"),
            col.db.all("select * from notes order by id"),
        )
        before = rows()
        problems, ok = col.fix_integrity()
        after = rows()
        changed = [
            [table, list(a), list(b)]
            for table, olds, news in zip(["cards", "revlog", "notes"], before, after)
            for a, b in zip(olds, news) if a != b
        ]
        counts = [len(x) for x in before] == [len(x) for x in after]
    finally:
        col.close()
    json.dump({"problems": problems, "ok": ok, "changed": changed, "same_counts": counts},
              sys.stdout, ensure_ascii=False)


def hold(collection):
    col = Collection(collection)
    try:
        # A read, as Anki's main window does at once: the collection is locked from here.
        col.card_count()
        print("open", flush=True)
        sys.stdin.read()
    finally:
        col.close()


def answer(collection):
    col = Collection(collection)
    answered = []
    try:
        col.decks.select(col.decks.id("Histoire"))
        for ease in [3, 1, 3, 2]:
            card = col.sched.getCard()
            if card is None:
                break
            col.sched.answerCard(card, ease)
            row = col.db.first(
                "select ease, type, ivl, lastIvl, factor from revlog where cid = ? "
                "order by id desc limit 1", card.id)
            card = col.get_card(card.id)
            answered.append({
                "row": row,
                "stability": card.memory_state.stability,
                "difficulty": card.memory_state.difficulty,
            })
    finally:
        col.close()
    json.dump(answered, sys.stdout)


def downgrade(collection):
    col = Collection(collection)
    col.close(downgrade=True)
    json.dump({"downgraded": collection}, sys.stdout)


def main():
    if sys.argv[1] == "build":
        build(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 12)
    elif sys.argv[1] == "probe":
        probe(sys.argv[2])
    elif sys.argv[1] == "state":
        state(sys.argv[2])
    elif sys.argv[1] == "check":
        check(sys.argv[2])
    elif sys.argv[1] == "answer":
        answer(sys.argv[2])
    elif sys.argv[1] == "downgrade":
        downgrade(sys.argv[2])
    elif sys.argv[1] == "hold":
        hold(sys.argv[2])
    elif sys.argv[1] == "import":
        import_packages(sys.argv[2], sys.argv[3:])
    else:
        sys.exit(f"unknown command {sys.argv[1]!r}")


if __name__ == "__main__":
    main()
