"""Reference values from py-fsrs (PyPI `fsrs` 6.3.x), regenerated at every test run.

Two jobs, chosen by the first argument:

  histories SEED COUNT   random review histories (random grades and gaps, same-day reviews
                         included), each reviewed by py-fsrs with fuzz off; prints JSON.
  josh CSV               replays a review log in the josh format and prints the prediction
                         metrics (n, log loss, RMSE over 20 equal-width bins) as JSON.

The Rust test `engine/tests/py_fsrs.rs` runs this and compares the engine with it.
"""

import csv
import json
import math
import random
import sys
from datetime import datetime, timedelta, timezone

from importlib.metadata import version
from fsrs import Card, Rating, Scheduler

EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


def seconds(dt):
    return int((dt - EPOCH).total_seconds())


def histories(seed, count):
    rng = random.Random(seed)
    scheduler = Scheduler(enable_fuzzing=False)
    out = []
    for _ in range(count):
        # Start at a random time of day; py-fsrs counts whole 24-hour periods.
        now = datetime(2024, 1, 1, tzinfo=timezone.utc) + timedelta(seconds=rng.randrange(0, 365 * 86400))
        card = Card()
        reviews = []
        for _ in range(rng.randint(1, 25)):
            rating = rng.choices([1, 2, 3, 4], weights=[2, 1, 5, 1])[0]
            card, _ = scheduler.review_card(card, Rating(rating), now)
            reviews.append(
                {
                    "time": seconds(now),
                    "rating": rating,
                    "stability": card.stability,
                    "difficulty": card.difficulty,
                    "state": int(card.state),
                    "step": card.step,
                    "due": seconds(card.due),
                }
            )
            gap = rng.random()
            if gap < 0.3:  # same day: minutes to a few hours
                delta = timedelta(seconds=rng.randrange(30, 6 * 3600))
            elif gap < 0.5 and card.due - now < timedelta(days=400):  # at the due time
                delta = max(card.due - now, timedelta(seconds=1))
            else:  # random days, with a random time of day
                delta = timedelta(seconds=rng.randrange(86400, 400 * 86400))
            # carnet stores times as u32 seconds (1970 to 2106): stay well inside.
            if now + delta > datetime(2090, 1, 1, tzinfo=timezone.utc):
                break
            now = now + delta
        out.append(reviews)
    return {"fsrs_version": version("fsrs"), "histories": out}


def josh(path, parameters=None):
    if parameters is None:
        scheduler = Scheduler(enable_fuzzing=False)
    else:
        scheduler = Scheduler(parameters=tuple(parameters), enable_fuzzing=False)
    rows = []
    with open(path, newline="") as f:
        for row in csv.DictReader(f):
            rows.append(
                (
                    datetime.fromisoformat(row["review_time"]),
                    int(row["card_id"]),
                    int(row["review_rating"]),
                )
            )
    rows.sort(key=lambda r: r[0])  # stable: ties keep file order
    cards = {}
    predictions = []
    for when, card_id, rating in rows:
        card = cards.get(card_id)
        if card is None:
            card = Card(card_id=card_id)
        elif card.last_review is not None and (when - card.last_review).total_seconds() >= 86400:
            p = scheduler.get_card_retrievability(card, when)
            predictions.append((p, 1 if rating > 1 else 0))
        card, _ = scheduler.review_card(card, Rating(rating), when)
        cards[card_id] = card
    n = len(predictions)
    eps = 1e-7
    log_loss = -sum(
        y * math.log(min(max(p, eps), 1 - eps)) + (1 - y) * math.log(1 - min(max(p, eps), 1 - eps))
        for p, y in predictions
    ) / n
    bins = [[0, 0.0, 0.0] for _ in range(20)]
    for p, y in predictions:
        b = bins[min(int(p * 20), 19)]
        b[0] += 1
        b[1] += p
        b[2] += y
    rmse = math.sqrt(sum(c * (sp / c - sy / c) ** 2 for c, sp, sy in bins if c) / n)
    finals = {
        str(cid): {"stability": c.stability, "difficulty": c.difficulty}
        for cid, c in cards.items()
    }
    return {
        "fsrs_version": version("fsrs"),
        "n": n,
        "log_loss": log_loss,
        "rmse_bins": rmse,
        "cards": finals,
    }


def main():
    if sys.argv[1] == "histories":
        result = histories(int(sys.argv[2]), int(sys.argv[3]))
    elif sys.argv[1] == "josh":
        # An optional third argument: the 21 parameters to schedule with, comma-separated.
        parameters = [float(w) for w in sys.argv[3].split(",")] if len(sys.argv) > 3 else None
        result = josh(sys.argv[2], parameters)
    else:
        raise SystemExit(f"unknown job {sys.argv[1]!r}")
    json.dump(result, sys.stdout)


if __name__ == "__main__":
    main()
