"""Imports carnet's Anki exports into a fresh collection with Anki's own backend (headless).

Usage: roundtrip.py COLLECTION.anki2 FIRST.txt SECOND.txt

Imports FIRST, records the notes, imports SECOND (a newer export of the same deck), records
them again, and prints a JSON report: for each stage the note count and, by GUID, each note's
fields, tags and deck. The caller (tests/e2e/anki.rs) checks it against the deck.
"""

import html
import json
import sys

from anki.collection import Collection, ImportCsvRequest


def deck_name(path):
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#deck:"):
                return line[len("#deck:"):].strip()
    return None


def import_file(col, path):
    name = deck_name(path)
    if name:
        # `#deck:` names an existing deck only: create it so the notes land there.
        col.decks.id(name)
    metadata = col.get_csv_metadata(path=path, delimiter=None)
    return col.import_csv(ImportCsvRequest(path=path, metadata=metadata))


def snapshot(col):
    notes = {}
    for nid in col.find_notes(""):
        note = col.get_note(nid)
        card = note.cards()[0]
        notes[note.guid] = {
            # `#html:false` makes Anki escape the text; undo that to compare with the deck.
            "front": html.unescape(note.fields[0]),
            "back": html.unescape(note.fields[1]),
            "tags": note.tags,
            "deck": col.decks.name(card.did),
            "notetype": note.note_type()["name"],
        }
    return {"count": col.note_count(), "notes": notes}


def main():
    collection, first, second = sys.argv[1:4]
    col = Collection(collection)
    try:
        import_file(col, first)
        after_first = snapshot(col)
        import_file(col, second)
        after_second = snapshot(col)
    finally:
        col.close()
    json.dump({"after_first": after_first, "after_second": after_second}, sys.stdout, ensure_ascii=False)


if __name__ == "__main__":
    main()
