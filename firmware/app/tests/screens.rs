//! A golden PNG for every screen (`tests/golden/`, compared pixel for pixel; refresh with
//! `CARNET_OVERWRITE_GOLDEN=1 cargo test -p carnet-handheld` after looking at the new ones in
//! `target/tmp/golden-actual/`).

mod support;

use carnet_engine::CardState;
use carnet_handheld::{
    deck, App, BuiltInReason, DeckError, DeckSource, Input, Memory, Settings, StorageError,
};
use support::{assert_golden, boot, press, MemStorage, Ram, T0_MS};

use Input::{Down, Left, Right, Select, Up};

fn storage() -> MemStorage {
    MemStorage {
        deck: support::test_deck(),
        ..MemStorage::default()
    }
}

#[test]
fn home_and_menu() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    assert_eq!(app.screen_name(), "home");
    assert_golden(&app, "home");
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Down, Down]);
    assert_golden(&app, "home-statistiques");
}

#[test]
fn card_front_and_back() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Select]);
    assert_eq!(app.screen_name(), "front");
    assert_golden(&app, "front");
    press(&mut app, &mut now, &[Select]);
    assert_eq!(app.screen_name(), "back");
    assert_golden(&app, "back");
}

/// A multiple-choice card's front shows its choices, in the order the terminal shows them.
#[test]
fn multiple_choice_front_shows_the_choices() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Select]);
    // The first seven cards graded Easy: the eighth, the multiple-choice one, comes next.
    for _ in 0..7 {
        press(&mut app, &mut now, &[Select, Right]);
    }
    assert_eq!(app.screen_name(), "front");
    assert_golden(&app, "front-choices");
}

#[test]
fn long_text_scrolls_and_pages() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    let mut now = T0_MS;
    // Card 0, then card 1 (a cloze with a long context: its back has pages).
    press(&mut app, &mut now, &[Select, Select, Right, Select]);
    assert_golden(&app, "front-cloze");
    press(&mut app, &mut now, &[Select]);
    assert_golden(&app, "back-page1");
    press(&mut app, &mut now, &[Select]);
    assert_golden(&app, "back-page2");
    // Card 2: a long question that scrolls.
    press(&mut app, &mut now, &[Right]);
    assert_golden(&app, "front-long");
    press(&mut app, &mut now, &[Down, Down]);
    assert_golden(&app, "front-long-scrolled");
    press(&mut app, &mut now, &[Up]);
    press(&mut app, &mut now, &[Select, Right]);
    // Cards 3, 4, 5 (dates), then 6: typography beyond Latin-1 (œ, …) mapped.
    press(
        &mut app,
        &mut now,
        &[Select, Right, Select, Right, Select, Right],
    );
    assert_golden(&app, "front-latin1");
}

#[test]
fn summary_after_a_few_reviews() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Select]);
    for grade in [Left, Down, Up, Right] {
        press(&mut app, &mut now, &[Select, grade]);
    }
    press(&mut app, &mut now, &[Left]);
    assert_eq!(app.screen_name(), "summary");
    assert_golden(&app, "summary");
}

#[test]
fn quiz_screens() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Down, Select]);
    assert_eq!(app.screen_name(), "quiz-prompt");
    assert_golden(&app, "quiz-prompt");
    press(&mut app, &mut now, &[Select]);
    assert_eq!(app.screen_name(), "quiz-choose");
    assert_golden(&app, "quiz-choose");
    press(&mut app, &mut now, &[Down, Select]);
    assert_eq!(app.screen_name(), "quiz-answered");
    assert_golden(&app, "quiz-answered");
    press(&mut app, &mut now, &[Left]);
    assert_eq!(app.screen_name(), "quiz-summary");
    assert_golden(&app, "quiz-summary");
}

#[test]
fn statistics() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Select]);
    for grade in [Right, Up, Right, Left] {
        press(&mut app, &mut now, &[Select, grade]);
    }
    press(&mut app, &mut now, &[Left, Select, Down, Down, Select]);
    assert_eq!(app.screen_name(), "stats");
    assert_golden(&app, "stats");
}

#[test]
fn notices_and_errors() {
    // No card: the built-in deck, nothing saved.
    let mut ram = Ram::new(64);
    let mut s = storage();
    s.no_card = true;
    let info = deck::verify(&mut s);
    let app = App::boot(
        s,
        info,
        DeckSource::BuiltIn(BuiltInReason::NoCard),
        ram.memory(),
        Settings::default(),
        T0_MS,
    );
    assert_eq!(app.screen_name(), "notice");
    assert_golden(&app, "notice-no-card");

    // A corrupt DECK.BIN on the card: the built-in deck instead, and why.
    let mut ram = Ram::new(64);
    let mut s = storage();
    let info = deck::verify(&mut s);
    let app = App::boot(
        s,
        info,
        DeckSource::BuiltIn(BuiltInReason::BadDeck(DeckError::Checksum)),
        ram.memory(),
        Settings::default(),
        T0_MS,
    );
    assert_golden(&app, "notice-bad-deck");

    // Too many cards for the device.
    let mut states = [CardState::NEW; 4];
    let mut fingerprints = [0u16; 4];
    let mut queue = [0u32; 16];
    let mut s = storage();
    let info = deck::verify(&mut s);
    let app = App::boot(
        s,
        info,
        DeckSource::Card,
        Memory {
            states: &mut states,
            fingerprints: &mut fingerprints,
            queue: &mut queue,
        },
        Settings::default(),
        T0_MS,
    );
    assert_eq!(app.screen_name(), "fatal");
    assert_golden(&app, "fatal-too-many-cards");
}

#[test]
fn write_failure_keeps_the_card() {
    let mut ram = Ram::new(64);
    let mut s = storage();
    s.fail_appends = Some(StorageError::Full);
    let mut app = boot(s, &mut ram, T0_MS);
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Select, Select, Up]);
    assert_eq!(app.screen_name(), "write-failed");
    assert_golden(&app, "write-failed");
}

#[test]
fn nothing_to_study() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage(), &mut ram, T0_MS);
    let mut now = T0_MS;
    // Easy on all eight cards: nothing is due any more today.
    press(&mut app, &mut now, &[Select]);
    for _ in 0..8 {
        press(&mut app, &mut now, &[Select, Right]);
    }
    assert_eq!(app.screen_name(), "summary");
    press(&mut app, &mut now, &[Select, Select]);
    assert_eq!(app.screen_name(), "notice");
    assert_golden(&app, "notice-nothing-to-study");
}

/// The screens in English: `language=en` in the card's `SETTINGS.TXT`, as `carnet sync`
/// writes it for a terminal in English. The deck's cards keep their own language.
#[test]
fn english_screens() {
    let english = || MemStorage {
        settings: b"carnet-settings 1.1\nlanguage=en\n".to_vec(),
        ..storage()
    };
    let mut ram = Ram::new(64);
    let mut app = boot(english(), &mut ram, T0_MS);
    assert_eq!(app.settings().language, carnet_handheld::Language::English);
    assert_eq!(app.screen_name(), "home");
    assert_golden(&app, "en-home");
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Select]);
    assert_golden(&app, "en-front");
    press(&mut app, &mut now, &[Select]);
    assert_eq!(app.screen_name(), "back");
    assert_golden(&app, "en-back");
    for grade in [Left, Down, Up] {
        press(&mut app, &mut now, &[grade, Select]);
    }
    press(&mut app, &mut now, &[Right, Left]);
    assert_eq!(app.screen_name(), "summary");
    assert_golden(&app, "en-summary");
    press(&mut app, &mut now, &[Select, Down, Down, Select]);
    assert_eq!(app.screen_name(), "stats");
    assert_golden(&app, "en-stats");

    let mut ram = Ram::new(64);
    let mut app = boot(english(), &mut ram, T0_MS);
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Down, Select, Select, Down, Select]);
    assert_eq!(app.screen_name(), "quiz-answered");
    assert_golden(&app, "en-quiz-answered");

    // A language this build does not speak keeps the board's, and the rest of the file.
    let mut ram = Ram::new(64);
    let s = MemStorage {
        settings: b"carnet-settings 1.1\nnew_per_day=3\nlanguage=de\n".to_vec(),
        ..storage()
    };
    let app = boot(s, &mut ram, T0_MS);
    assert_eq!(app.settings().language, carnet_handheld::Language::French);
    assert_eq!(app.settings().limits.new_per_day, 3);
}
