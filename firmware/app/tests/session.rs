//! Whole sessions played through events: what is logged, and that replaying the log at the
//! next boot gives back exactly the schedule the learner saw.

mod support;

use std::collections::HashMap;

use carnet_engine::deck::Deck;
use carnet_engine::review_log::{encode_frame, LogEntry, LogReader, Review, MAX_FRAME_LEN};
use carnet_engine::{CardId, CardState, DayClock, Scheduler, SeededFuzz};
use carnet_handheld::history::{CardFinder, Replay};
use carnet_handheld::{deck, Action, Input, StorageError};
use support::{boot, press, MemStorage, Ram, T0_MS};

use Input::{Down, Left, Right, Select, Up};

fn storage() -> MemStorage {
    MemStorage {
        deck: support::test_deck(),
        ..MemStorage::default()
    }
}

/// The host's replay: reviews grouped by card, folded by `Scheduler::replay` (as
/// `carnet`'s history does), undone reviews removed.
fn host_states(deck_bytes: &[u8], log: &[u8]) -> Vec<CardState> {
    let deck = Deck::from_bytes(deck_bytes).expect("deck");
    let mut reviews: HashMap<CardId, Vec<Review>> = HashMap::new();
    for item in LogReader::new(log) {
        let Ok((_, entry)) = item else { continue };
        match entry {
            LogEntry::Review(r) => reviews.entry(r.card).or_default().push(r),
            LogEntry::Undo {
                card,
                review_time_ms,
            } => {
                let list = reviews.entry(card).or_default();
                if let Some(at) = list.iter().rposition(|r| r.time_ms == review_time_ms) {
                    list.remove(at);
                }
            }
            _ => {}
        }
    }
    let scheduler = Scheduler::default();
    let clock = DayClock::default();
    deck.cards()
        .map(|c| {
            scheduler.replay(
                c.id,
                reviews
                    .get(&c.id)
                    .into_iter()
                    .flatten()
                    .map(|r| (r.time_ms.div_euclid(1000), r.rating)),
                |last, now| clock.elapsed_days(last, now),
            )
        })
        .collect()
}

/// Studies until the session ends, grading with `grades` in turn; returns the reviews the
/// app reported as saved and the time reached.
fn study(
    app: &mut carnet_handheld::App<'_, MemStorage>,
    now: &mut i64,
    grades: &[Input],
) -> Vec<Review> {
    let mut saved = Vec::new();
    press(app, now, &[Select]);
    let mut k = 0;
    while app.screen_name() == "front" {
        let shown = app.current_card_id().expect("a card is shown");
        press(app, now, &[Select]);
        assert_eq!(app.screen_name(), "back");
        // A few seconds to read the answer, then the grade.
        *now += 4000;
        match press(app, now, &[grades[k % grades.len()]]) {
            Some(Action::ReviewSaved(r)) => {
                assert_eq!(r.card, shown, "the review is of the card shown");
                saved.push(r);
            }
            other => panic!("grading gave {other:?}"),
        }
        k += 1;
        assert!(k < 200, "the session does not end");
    }
    saved
}

#[test]
fn a_whole_session_is_logged_and_replays_to_the_same_schedule() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    let mut now = T0_MS;
    let saved = study(&mut app, &mut now, &[Up, Left, Down, Right, Up]);
    assert_eq!(app.screen_name(), "summary");
    // Eight new cards, some seen again after a learning step (learned ahead).
    assert!(saved.len() >= 8, "{} reviews", saved.len());

    let log = app.storage().log.clone();
    let logged: Vec<LogEntry> = LogReader::new(&log).map(|r| r.expect("frame").1).collect();
    assert_eq!(
        logged,
        saved
            .iter()
            .copied()
            .map(LogEntry::Review)
            .collect::<Vec<_>>()
    );

    let live: Vec<CardState> = (0..app.card_count())
        .map(|i| *app.state(i).expect("state"))
        .collect();
    let counts = app.counts();
    assert_eq!(live, host_states(&support::test_deck(), &log));

    // Next boot, from the log alone.
    let storage = app.storage().clone();
    drop(app);
    let mut ram2 = Ram::new(64);
    let app2 = boot(storage, &mut ram2, now);
    assert_eq!(app2.log_summary().records as usize, saved.len());
    assert_eq!(app2.log_summary().reviews_today as usize, saved.len());
    assert!(!app2.log_summary().torn);
    let replayed: Vec<CardState> = (0..app2.card_count())
        .map(|i| *app2.state(i).expect("state"))
        .collect();
    assert_eq!(replayed, live);
    assert_eq!(app2.counts(), counts);
}

#[test]
fn a_torn_last_frame_is_ignored() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Select, Select, Up, Select, Right]);
    let mut storage = app.storage().clone();
    let live0 = *app.state(0).expect("state");
    drop(app);
    let mut frame = [0u8; MAX_FRAME_LEN];
    let n = encode_frame(
        &LogEntry::Review(Review {
            card: CardId::from_key("q:sovnarkom"),
            time_ms: now + 5000,
            rating: carnet_engine::Rating::Again,
            duration_ms: 1,
        }),
        &mut frame,
    );
    for cut in 1..n {
        let mut s = storage.clone();
        s.log.extend_from_slice(&frame[..cut]);
        let mut ram = Ram::new(64);
        let app = boot(s, &mut ram, now);
        assert_eq!(app.screen_name(), "home");
        assert!(app.log_summary().torn, "cut at {cut}");
        assert_eq!(app.log_summary().records, 2);
        assert_eq!(app.log_summary().corrupt, 0);
        assert_eq!(*app.state(0).expect("state"), live0);
    }
    storage.log.extend_from_slice(&frame[..n]);
    let mut ram = Ram::new(64);
    let app = boot(storage.clone(), &mut ram, now);
    assert_eq!(app.log_summary().records, 3);
    assert!(!app.log_summary().torn);
    drop(app);

    // Reviews made after a torn tail are not swallowed by it: the first one written starts
    // with a delimiter, so the torn bytes end up a damaged frame of their own.
    let mut torn = storage.clone();
    torn.log.truncate(torn.log.len() - 3);
    let mut ram = Ram::new(64);
    let mut app = boot(torn, &mut ram, now);
    assert!(app.log_summary().torn);
    let mut t = now + 60_000;
    press(&mut app, &mut t, &[Select, Select]);
    let saved = match press(&mut app, &mut t, &[Up]) {
        Some(Action::ReviewSaved(r)) => r,
        other => panic!("{other:?}"),
    };
    let log = app.storage().log.clone();
    let items: Vec<_> = LogReader::new(&log).collect();
    assert_eq!(items.len(), 4);
    assert!(matches!(items[2], Err(f) if !f.torn));
    assert_eq!(items[3].expect("the new review").1, LogEntry::Review(saved));
}

#[test]
fn undo_orphans_and_corrupt_records_replay_like_the_host() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    let mut now = T0_MS;
    let saved = study(&mut app, &mut now, &[Up, Up, Left]);
    let mut storage = app.storage().clone();
    drop(app);
    let mut frame = [0u8; MAX_FRAME_LEN];
    let mut append = |s: &mut MemStorage, e: LogEntry| {
        let n = encode_frame(&e, &mut frame);
        s.log.extend_from_slice(&frame[..n]);
    };
    // Undo the second review made, a record of a card the deck does not hold, a damaged
    // frame, and a suspension.
    append(
        &mut storage,
        LogEntry::Undo {
            card: saved[1].card,
            review_time_ms: saved[1].time_ms,
        },
    );
    append(
        &mut storage,
        LogEntry::Review(Review {
            card: CardId(42),
            time_ms: now,
            rating: carnet_engine::Rating::Good,
            duration_ms: 0,
        }),
    );
    storage.log.extend_from_slice(&[7, 7, 7, 0]);
    append(
        &mut storage,
        LogEntry::Suspend {
            card: saved[0].card,
            time_ms: now,
        },
    );
    let mut ram = Ram::new(64);
    let app = boot(storage.clone(), &mut ram, now);
    let summary = *app.log_summary();
    assert_eq!(summary.orphans, 1);
    assert_eq!(summary.corrupt, 1);
    assert_eq!(summary.undos_ignored, 0);
    let mut want = host_states(&storage.deck, &storage.log);
    let deck = Deck::from_bytes(&storage.deck).expect("deck");
    let suspended = (0..deck.len())
        .find(|&i| deck.id(i) == Some(saved[0].card))
        .expect("card");
    want[suspended].set_suspended(true);
    let got: Vec<CardState> = (0..app.card_count())
        .map(|i| *app.state(i).expect("state"))
        .collect();
    assert_eq!(got, want);
}

#[test]
fn fingerprint_collisions_are_resolved_in_the_id_table() {
    let mut storage = storage();
    let info = deck::verify(&mut storage).expect("deck");
    let n = info.card_count() as usize;
    let mut fingerprints = vec![0u16; n];
    deck::read_fingerprints(&mut storage, &info.header, &mut fingerprints).expect("ids");
    let ids: Vec<CardId> = (0..n as u32)
        .map(|i| deck::read_id(&mut storage, &info.header, i).expect("id"))
        .collect();
    // Decoys: every even slot carries the fingerprint of the card after it, so the first
    // candidate met for an odd card is the wrong one and only its id says so.
    let mut decoyed = fingerprints.clone();
    for k in (0..n - 1).step_by(2) {
        decoyed[k] = fingerprints[k + 1];
    }
    let mut finder = CardFinder::default();
    for k in (1..n).step_by(2) {
        let found = finder
            .find(&mut storage, &info.header, &decoyed, ids[k])
            .expect("read");
        assert_eq!(found, Some(k as u32));
    }
    // A card whose fingerprint is nowhere is not found (never mistaken for another).
    let found = CardFinder::default()
        .find(&mut storage, &info.header, &decoyed, ids[0])
        .expect("read");
    assert_eq!(found, None);
    let _ = Replay {
        header: &info.header,
        fingerprints: &fingerprints,
        states: &mut vec![CardState::NEW; n],
        scheduler: &Scheduler::default(),
        clock: &DayClock::default(),
        now_ms: T0_MS,
    }
    .run(&mut storage)
    .expect("an empty log replays");
}

#[test]
fn without_a_card_reviews_stay_in_ram() {
    let mut ram = Ram::new(64);
    let mut s = storage();
    s.no_card = true;
    let mut app = boot(s, &mut ram, T0_MS);
    let mut now = T0_MS;
    assert_eq!(
        press(&mut app, &mut now, &[Select, Select]),
        Some(Action::Redraw)
    );
    assert_eq!(press(&mut app, &mut now, &[Right]), Some(Action::Redraw));
    assert!(app.storage().log.is_empty());
    assert!(!app.state(0).expect("state").is_new());
}

#[test]
fn a_failed_write_changes_nothing_until_it_succeeds() {
    let mut ram = Ram::new(64);
    let mut s = storage();
    s.fail_appends = Some(StorageError::Io);
    let mut app = boot(s, &mut ram, T0_MS);
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Select, Select, Up]);
    assert_eq!(app.screen_name(), "write-failed");
    assert!(app.state(0).expect("state").is_new());
    // Back to the answer, still not graded; then grade with the card working again.
    press(&mut app, &mut now, &[Left]);
    assert_eq!(app.screen_name(), "back");
    let mut fixed = app.storage().clone();
    fixed.fail_appends = None;
    // The same app cannot swap its storage: play the retry on a fresh one.
    drop(app);
    let mut ram = Ram::new(64);
    let mut app = boot(fixed, &mut ram, now);
    press(&mut app, &mut now, &[Select, Select]);
    let action = press(&mut app, &mut now, &[Up]);
    assert!(matches!(action, Some(Action::ReviewSaved(_))));
    assert_eq!(LogReader::new(&app.storage().log).count(), 1);
}

#[test]
fn intervals_on_the_buttons_are_the_ones_replayed() {
    // The back's interval for Easy is drawn from SeededFuzz::for_review(card, reveal second);
    // after grading Easy, the state's due date must be reveal + that interval.
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    let mut now = T0_MS + 1234;
    press(&mut app, &mut now, &[Select, Select]);
    let reveal = now;
    let id = app.current_card_id().expect("card");
    let scheduler = Scheduler::default();
    let shown = scheduler.outcomes(
        &CardState::NEW,
        reveal.div_euclid(1000),
        0,
        &mut SeededFuzz::for_review(id, reveal.div_euclid(1000)),
    );
    press(&mut app, &mut now, &[Right]);
    let state = *app.state(0).expect("state");
    assert_eq!(state, shown.get(carnet_engine::Rating::Easy));
    assert_eq!(
        state.due().expect("due") - reveal.div_euclid(1000),
        shown.wait_secs(carnet_engine::Rating::Easy)
    );
}

#[test]
fn quiz_questions_have_distractors_of_the_same_kind() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Down, Select]);
    let dates = ["15 septembre 1918", "25 avril 1918", "31 juillet 1918"];
    let mut asked = 0;
    let mut right = 0;
    while app.screen_name() == "quiz-prompt" {
        let (choices, n, correct) = app.quiz_choices().expect("a question");
        assert!(n >= 2, "{choices:?}");
        let shown = &choices[..n];
        // Date cards have no distractors of their own: the other dates are used.
        if dates.contains(&shown[correct]) {
            assert_eq!(n, 3, "{shown:?}");
            assert!(shown.iter().all(|c| dates.contains(c)), "{shown:?}");
        }
        // Answer right every other question.
        press(&mut app, &mut now, &[Select]);
        let target = if asked % 2 == 0 {
            correct
        } else {
            (correct + 1) % n
        };
        for _ in 0..target {
            press(&mut app, &mut now, &[Down]);
        }
        press(&mut app, &mut now, &[Select]);
        assert_eq!(app.screen_name(), "quiz-answered");
        right += usize::from(target == correct);
        asked += 1;
        press(&mut app, &mut now, &[Select]);
    }
    assert_eq!(app.screen_name(), "quiz-summary");
    assert_eq!(asked, 8);
    assert_eq!(right, 4);
    // A quiz changes no schedule and writes nothing.
    assert!(app.storage().log.is_empty());
}

#[test]
fn a_new_day_brings_due_cards_without_a_reboot() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    let mut now = T0_MS;
    // Easy on every card: nothing left today.
    study(&mut app, &mut now, &[Right]);
    press(&mut app, &mut now, &[Select]);
    assert_eq!(app.counts().new, 0);
    // A day later (past the 4 a.m. start), the device still on: reviews are due again.
    now += 10 * 86_400_000;
    press(&mut app, &mut now, &[Down, Up]);
    assert!(app.counts().review > 0, "{:?}", app.counts());
    press(&mut app, &mut now, &[Select]);
    assert_eq!(app.screen_name(), "front");
}

/// A card studied buries the other cards of its sentence until the next day, as the terminal
/// does: each would give the others' answers away.
#[test]
fn siblings_wait_until_tomorrow() {
    use carnet_engine::deck::{encode, DeckId};
    use carnet_engine::{AnswerKind, Card, CardKind, Source};
    let card = |key: &str, prompt: &'static str, answer: &'static str, line: u32| Card {
        id: CardId::from_key(key),
        kind: CardKind::QuestionAnswer,
        answer_kind: AnswerKind::Person,
        prompt,
        answer,
        distractors: ["", "", ""],
        context: "Entrent dans le Sovnarkom, présidé par Chahoumian, P. Djaparidzé (Intérieur).",
        source: Source { document: 0, line },
        situation: "",
    };
    let cards = [
        card("a", "Qui présidait le Sovnarkom ?", "Chahoumian", 5),
        card("b", "Qui était à l'Intérieur ?", "P. Djaparidzé", 5),
        card("c", "Où siégeait le Sovnarkom ?", "Bakou", 9),
    ];
    let storage = MemStorage {
        deck: encode(DeckId(7), "Frères", &["bakou.txt"], &cards).unwrap(),
        ..MemStorage::default()
    };
    let mut ram = Ram::new(8);
    let mut app = boot(storage, &mut ram, T0_MS);
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Select]);
    assert_eq!(app.current_card_id(), Some(cards[0].id));
    press(&mut app, &mut now, &[Select, Right]);
    // Not « b », a's sibling: « c », of another sentence.
    assert_eq!(app.screen_name(), "front");
    assert_eq!(app.current_card_id(), Some(cards[2].id));
    press(&mut app, &mut now, &[Select, Right]);
    assert_ne!(app.screen_name(), "front", "b waits for tomorrow");
    // The next day it comes back.
    now += 86_400_000;
    press(&mut app, &mut now, &[Select]);
    if app.screen_name() == "home" {
        press(&mut app, &mut now, &[Select]);
    }
    assert_eq!(app.screen_name(), "front");
    assert_eq!(app.current_card_id(), Some(cards[1].id));
}
