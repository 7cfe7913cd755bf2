//! `SETTINGS.TXT`: the parser on valid, partial, unknown-key, garbage and random input, and
//! sessions showing that the card's settings are what the device schedules with.

mod support;

use std::collections::HashMap;

use carnet_engine::deck::Deck;
use carnet_engine::review_log::{encode_frame, LogEntry, LogReader, Review, MAX_FRAME_LEN};
use carnet_engine::{
    CardId, CardState, DayClock, Parameters, QueueLimits, Rating, Scheduler, SchedulerConfig,
    Steps, DEFAULT_PARAMETERS,
};
use carnet_handheld::settings_file::{
    parse, Key, SettingsParser, MAX_SETTINGS_BYTES, SETTINGS_FILE,
};
use carnet_handheld::{
    deck, Action, App, BuiltInReason, DeckError, DeckSource, Input, Settings, SettingsOrigin,
    SettingsProblem,
};
use support::{assert_golden, boot, press, Canvas, MemStorage, Ram, T0_MS};

use Input::{Down, Left, Right, Select, Up};

/// The settings as a comparable value: scheduler configuration, limits, day clock, quiz size.
type Seen = (SchedulerConfig, QueueLimits, DayClock, u8);

fn seen(s: &Settings) -> Seen {
    (
        *s.scheduler.config(),
        s.limits,
        s.day_clock,
        s.quiz_questions,
    )
}

fn join<T: ToString>(items: &[T]) -> String {
    items
        .iter()
        .map(ToString::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

/// The file as `carnet sync` writes it (host-cli/src/commands/sync.rs), for these settings.
fn file_for(config: &SchedulerConfig, limits: &QueueLimits, clock: &DayClock) -> String {
    format!(
        "carnet-settings 1\n\
         desired_retention={}\n\
         maximum_interval={}\n\
         fuzz={}\n\
         learning_steps={}\n\
         relearning_steps={}\n\
         new_per_day={}\n\
         reviews_per_day={}\n\
         learn_ahead_secs={}\n\
         day_start_hour={}\n\
         utc_offset_secs={}\n\
         fsrs_parameters={}\n",
        config.desired_retention,
        config.maximum_interval,
        u8::from(config.fuzz),
        join(config.learning_steps.as_slice()),
        join(config.relearning_steps.as_slice()),
        limits.new_per_day,
        limits.reviews_per_day,
        limits.learn_ahead_secs,
        clock.start_hour,
        clock.utc_offset_secs,
        join(config.parameters.as_array()),
    )
}

/// Learning steps 2 min and 15 min, retention 0.85, no fuzz, three new cards a day.
const CUSTOM: &str = "carnet-settings 1\n\
                      desired_retention=0.85\n\
                      fuzz=0\n\
                      learning_steps=120,900\n\
                      new_per_day=3\n";

fn base() -> Settings {
    Settings::default()
}

#[test]
fn the_file_name_is_fat_8_3() {
    let (name, ext) = SETTINGS_FILE.split_once('.').unwrap();
    assert!(name.len() <= 8 && ext.len() <= 3 && SETTINGS_FILE == SETTINGS_FILE.to_uppercase());
}

#[test]
fn a_whole_file_sets_everything() {
    let mut params = DEFAULT_PARAMETERS;
    params[0] = 0.3;
    params[20] = 0.2;
    let config = SchedulerConfig {
        parameters: Parameters::new(&params).unwrap(),
        desired_retention: 0.87,
        maximum_interval: 3650,
        fuzz: false,
        learning_steps: Steps::new(&[30, 300, 3600]).unwrap(),
        relearning_steps: Steps::new(&[]).unwrap(),
    };
    let limits = QueueLimits {
        new_per_day: 7,
        reviews_per_day: 99,
        learn_ahead_secs: 0,
    };
    let clock = DayClock {
        utc_offset_secs: -18_000,
        start_hour: 0,
    };
    let text = file_for(&config, &limits, &clock);
    assert!(text.contains("relearning_steps=\n"), "{text}");
    let (settings, origin) = parse(text.as_bytes(), &base());
    assert_eq!(origin, SettingsOrigin::File);
    assert_eq!(
        seen(&settings),
        (config, limits, clock, base().quiz_questions)
    );
}

#[test]
fn random_valid_settings_read_back_bit_for_bit() {
    let mut dice = Dice(0x1234_5678_9ABC_DEF1);
    for _ in 0..2000 {
        let mut params = DEFAULT_PARAMETERS;
        for w in params.iter_mut() {
            // Within a few percent of the default: inside the bounds, random low bits.
            *w = f32::from_bits(w.to_bits() ^ (dice.next() as u32 & 0x3FFF));
        }
        let Ok(parameters) = Parameters::new(&params) else {
            continue;
        };
        let steps: Vec<u32> = (0..dice.below(5))
            .map(|_| 1 + dice.below(86_400) as u32)
            .collect();
        let config = SchedulerConfig {
            parameters,
            desired_retention: f32::from_bits(
                0.5f32.to_bits() + dice.below(0x7F_FFFF - 100) as u32,
            ),
            maximum_interval: 1 + dice.below(36_500) as u32,
            fuzz: dice.below(2) == 1,
            learning_steps: Steps::new(&steps).unwrap(),
            relearning_steps: Steps::new(&steps[..steps.len().min(1)]).unwrap(),
        };
        let limits = QueueLimits {
            new_per_day: dice.next() as u32,
            reviews_per_day: dice.below(10_000) as u32,
            learn_ahead_secs: dice.below(7200) as u32,
        };
        let clock = DayClock {
            utc_offset_secs: dice.below(26 * 3600) as i32 - 12 * 3600,
            start_hour: dice.below(24) as u8,
        };
        let text = file_for(&config, &limits, &clock);
        let (settings, origin) = parse(text.as_bytes(), &base());
        assert_eq!(origin, SettingsOrigin::File, "{text}");
        assert_eq!(seen(&settings), (config, limits, clock, 10), "{text}");
    }
}

#[test]
fn a_partial_file_keeps_the_rest_of_the_board_settings() {
    let mut board = base();
    board.quiz_questions = 4;
    board.limits.reviews_per_day = 55;
    let (settings, origin) = parse(CUSTOM.as_bytes(), &board);
    assert_eq!(origin, SettingsOrigin::File);
    let config = settings.scheduler.config();
    assert_eq!(config.desired_retention, 0.85);
    assert!(!config.fuzz);
    assert_eq!(config.learning_steps.as_slice(), &[120, 900]);
    assert_eq!(config.relearning_steps.as_slice(), &[600]);
    assert_eq!(config.maximum_interval, 36_500);
    assert_eq!(config.parameters, Parameters::default());
    assert_eq!(settings.limits.new_per_day, 3);
    assert_eq!(settings.limits.reviews_per_day, 55);
    assert_eq!(settings.day_clock, DayClock::default());
    assert_eq!(settings.quiz_questions, 4);
    // The scheduler is built from the file's values: its intervals follow the retention.
    let stability = 10.0;
    assert!(
        settings.scheduler.next_interval(stability) > Scheduler::default().next_interval(stability)
    );
    // Only the version line: nothing changes, and that is a valid file.
    let (only, origin) = parse(b"carnet-settings 1", &board);
    assert_eq!(origin, SettingsOrigin::File);
    assert_eq!(seen(&only), seen(&board));
}

#[test]
fn unknown_keys_comments_and_newer_minor_versions_are_ignored() {
    let text = "\u{FEFF}carnet-settings 1.4\r\n\
                # written by a newer carnet\r\n\
                sound=off\r\n\
                desired_retention = 0.8 \r\n\
                \r\n\
                a line without an equals sign\r\n\
                fsrs_parameters_v7=1,2,3\r\n\
                learning_steps= 60 , 300 \r\n\
                =\r\n\
                day_start_hour=6";
    let (settings, origin) = parse(text.as_bytes(), &base());
    assert_eq!(origin, SettingsOrigin::File);
    assert_eq!(settings.scheduler.config().desired_retention, 0.8);
    assert_eq!(
        settings.scheduler.config().learning_steps.as_slice(),
        &[60, 300]
    );
    assert_eq!(settings.day_clock.start_hour, 6);
    // The last value of a key given twice wins.
    let (twice, _) = parse(
        b"carnet-settings 1\nnew_per_day=5\nnew_per_day=9\n",
        &base(),
    );
    assert_eq!(twice.limits.new_per_day, 9);
}

#[test]
fn a_newer_major_version_is_ignored_as_a_whole() {
    let text = CUSTOM.replace("carnet-settings 1", "carnet-settings 2.0");
    let (settings, origin) = parse(text.as_bytes(), &base());
    assert_eq!(
        origin,
        SettingsOrigin::Ignored(SettingsProblem::NewerVersion { major: 2 })
    );
    assert_eq!(seen(&settings), seen(&base()));
}

#[test]
fn one_bad_value_and_the_file_is_ignored() {
    let cases: &[(&str, Key)] = &[
        ("desired_retention=1", Key::DesiredRetention),
        ("desired_retention=0", Key::DesiredRetention),
        ("desired_retention=0.9.1", Key::DesiredRetention),
        ("desired_retention=", Key::DesiredRetention),
        ("desired_retention=0.8,0.9", Key::DesiredRetention),
        ("desired_retention=9e-1", Key::DesiredRetention),
        ("maximum_interval=0", Key::MaximumInterval),
        ("maximum_interval=36501", Key::MaximumInterval),
        ("fuzz=yes", Key::Fuzz),
        ("learning_steps=0", Key::LearningSteps),
        ("learning_steps=60,,600", Key::LearningSteps),
        ("learning_steps=60,", Key::LearningSteps),
        ("learning_steps=1m,10m", Key::LearningSteps),
        (
            "learning_steps=1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17",
            Key::LearningSteps,
        ),
        ("relearning_steps=99999999999", Key::RelearningSteps),
        ("new_per_day=-1", Key::NewPerDay),
        ("reviews_per_day=lots", Key::ReviewsPerDay),
        ("learn_ahead_secs=1.5", Key::LearnAheadSecs),
        ("day_start_hour=24", Key::DayStartHour),
        ("utc_offset_secs=86400", Key::UtcOffsetSecs),
        ("utc_offset_secs=+-1", Key::UtcOffsetSecs),
        ("fsrs_parameters=0.2,1.2", Key::FsrsParameters),
        ("fsrs_parameters=", Key::FsrsParameters),
    ];
    for (line, key) in cases {
        let text = format!("{CUSTOM}{line}\nday_start_hour=7\n");
        let (settings, origin) = parse(text.as_bytes(), &base());
        assert_eq!(
            origin,
            SettingsOrigin::Ignored(SettingsProblem::BadValue(*key)),
            "{line}"
        );
        assert_eq!(seen(&settings), seen(&base()), "{line}");
    }
    // Parameters out of FSRS's bounds, and 22 of them.
    let mut params = DEFAULT_PARAMETERS;
    params[4] = 11.0;
    let text = format!("carnet-settings 1\nfsrs_parameters={}\n", join(&params));
    assert_eq!(
        parse(text.as_bytes(), &base()).1,
        SettingsOrigin::Ignored(SettingsProblem::BadValue(Key::FsrsParameters))
    );
    let text = format!(
        "carnet-settings 1\nfsrs_parameters={},0.5\n",
        join(&DEFAULT_PARAMETERS)
    );
    assert_eq!(
        parse(text.as_bytes(), &base()).1,
        SettingsOrigin::Ignored(SettingsProblem::BadValue(Key::FsrsParameters))
    );
    // FSRS-5 (19 values) is upgraded as the engine does.
    let text = format!(
        "carnet-settings 1\nfsrs_parameters={}\n",
        join(&DEFAULT_PARAMETERS[..19])
    );
    let (settings, origin) = parse(text.as_bytes(), &base());
    assert_eq!(origin, SettingsOrigin::File);
    assert_eq!(
        settings.scheduler.config().parameters,
        Parameters::new(&DEFAULT_PARAMETERS[..19]).unwrap()
    );
}

#[test]
fn garbage_is_not_a_settings_file() {
    for text in [
        &b"desired_retention=0.8\n"[..],
        b"carnet-settings\n",
        b"CARNET-SETTINGS 1\n",
        b"carnet-settings one\n",
        b"\xEF\xBB",
        b"\x00\x01\x02\x03",
        b"\xFF\xFE c\x00a\x00r\x00",
        "é".repeat(100).as_bytes(),
    ] {
        let (settings, origin) = parse(text, &base());
        assert_eq!(
            origin,
            SettingsOrigin::Ignored(SettingsProblem::NotSettings),
            "{:?}",
            String::from_utf8_lossy(text)
        );
        assert_eq!(seen(&settings), seen(&base()));
    }
    // No file (or an empty one) is no settings, not a problem.
    assert_eq!(parse(b"", &base()).1, SettingsOrigin::Board);
    // Too large.
    let mut big = CUSTOM.as_bytes().to_vec();
    big.resize(MAX_SETTINGS_BYTES as usize + 1, b'\n');
    assert_eq!(
        parse(&big, &base()).1,
        SettingsOrigin::Ignored(SettingsProblem::TooLarge)
    );
    big.truncate(MAX_SETTINGS_BYTES as usize);
    assert_eq!(parse(&big, &base()).1, SettingsOrigin::File);
}

/// A small reproducible random source (xorshift64*).
struct Dice(u64);

impl Dice {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: u64) -> u64 {
        (self.next() >> 33) % n.max(1)
    }
}

/// Parses `bytes` whole and in random pieces: the same outcome, never a panic, and either
/// the file's settings or exactly the board's.
fn check_any(bytes: &[u8], dice: &mut Dice) {
    let board = base();
    let whole = parse(bytes, &board);
    let mut parser = SettingsParser::new(&board);
    let mut rest = bytes;
    while !rest.is_empty() {
        let n = (1 + dice.below(40) as usize).min(rest.len());
        parser.feed(&rest[..n]);
        rest = &rest[n..];
    }
    let pieces = parser.finish(&board);
    assert_eq!(whole.1, pieces.1, "{:?}", String::from_utf8_lossy(bytes));
    assert_eq!(seen(&whole.0), seen(&pieces.0));
    if whole.1 != SettingsOrigin::File {
        assert_eq!(seen(&whole.0), seen(&board));
    }
    // Whatever was accepted is a usable scheduler.
    let config = whole.0.scheduler.config();
    assert!(config.desired_retention > 0.0 && config.desired_retention < 1.0);
    assert!(whole.0.day_clock.start_hour <= 23);
}

#[test]
fn arbitrary_bytes_never_panic() {
    let mut dice = Dice(0x5EED_5E77_1265_0001);
    // Random bytes, mostly printable or not at all.
    for round in 0..20_000 {
        let len = dice.below(300) as usize;
        let printable = round % 2 == 0;
        let bytes: Vec<u8> = (0..len)
            .map(|_| {
                let b = dice.next() as u8;
                if printable {
                    const ALPHABET: &[u8] = b" =,.-+0123456789\n\rabcdefghijklmnopqrstuvwxyz_";
                    ALPHABET[b as usize % ALPHABET.len()]
                } else {
                    b
                }
            })
            .collect();
        let mut with_header = b"carnet-settings 1\n".to_vec();
        with_header.extend_from_slice(&bytes);
        check_any(&bytes, &mut dice);
        check_any(&with_header, &mut dice);
    }
    // Lines of known keys with random values: some files are accepted.
    let mut accepted = 0;
    for _ in 0..20_000 {
        let mut text = String::from("carnet-settings 1\n");
        for _ in 0..dice.below(6) {
            let key = Key::ALL[dice.below(Key::ALL.len() as u64) as usize].name();
            let values = [
                "0", "1", "0.9", "600", "60,600", "-3600", "", "23", "24", "1,2,",
            ];
            let value = values[dice.below(values.len() as u64) as usize];
            text.push_str(&format!("{key}={value}\n"));
        }
        check_any(text.as_bytes(), &mut dice);
        accepted += usize::from(parse(text.as_bytes(), &base()).1 == SettingsOrigin::File);
    }
    assert!(accepted > 1000, "{accepted}");
    // A valid file, mutated: bytes flipped, cut, duplicated.
    let valid = file_for(
        &SchedulerConfig::default(),
        &QueueLimits::default(),
        &DayClock::default(),
    )
    .into_bytes();
    for _ in 0..20_000 {
        let mut bytes = valid.clone();
        for _ in 0..1 + dice.below(4) {
            let at = dice.below(bytes.len() as u64 + 1) as usize;
            match dice.below(4) {
                0 if at < bytes.len() => bytes[at] = dice.next() as u8,
                1 => bytes.truncate(at),
                2 if at < bytes.len() => {
                    bytes.remove(at);
                }
                _ => bytes.insert(at.min(bytes.len()), b",=\n0.9-"[dice.below(7) as usize]),
            }
        }
        check_any(&bytes, &mut dice);
    }
}

// ---- Sessions ----------------------------------------------------------------------------

fn storage_with(settings: &str) -> MemStorage {
    MemStorage {
        deck: support::test_deck(),
        settings: settings.as_bytes().to_vec(),
        ..MemStorage::default()
    }
}

/// The card's back after opening the first (new) card.
fn first_back(settings: &str) -> Canvas {
    let mut ram = Ram::new(64);
    let mut app = boot(storage_with(settings), &mut ram, T0_MS);
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Select, Select]);
    assert_eq!(app.screen_name(), "back");
    Canvas::of(&app)
}

#[test]
fn the_card_back_shows_the_intervals_of_the_settings() {
    let mut ram = Ram::new(64);
    let mut app = boot(storage_with(CUSTOM), &mut ram, T0_MS);
    assert_eq!(app.settings_origin(), SettingsOrigin::File);
    assert_eq!(app.screen_name(), "home");
    // Three new cards a day, as the file says.
    assert_eq!(app.counts().new, 3);
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Select, Select]);
    // Encore 2 min, Difficile 9 min (between the two steps), Bien 15 min, Facile in days at
    // 85 % retention.
    assert_golden(&app, "back-settings");
    let default_back = first_back("");
    let custom = Canvas::of(&app);
    assert_ne!(custom.levels, default_back.levels, "the labels must change");

    // Each grade gives the interval its label showed: Again 120 s, Hard 510 s, Good 900 s.
    let reveal = now / 1000;
    let config = *app.settings().scheduler.config();
    let deck_bytes = support::test_deck();
    let deck = Deck::from_bytes(&deck_bytes).unwrap();
    let mut waits = Vec::new();
    for grade in [Left, Down, Up] {
        let shown = app.current_card_id().unwrap();
        let i = (0..deck.len())
            .find(|&i| deck.id(i) == Some(shown))
            .unwrap();
        let reveal = now / 1000;
        assert!(matches!(
            press(&mut app, &mut now, &[grade]),
            Some(Action::ReviewSaved(_))
        ));
        waits.push(app.state(i).unwrap().due().unwrap() - reveal);
        press(&mut app, &mut now, &[Select]);
    }
    assert_eq!(waits, [120, 510, 900]);
    // Easy: the scheduler of the file's retention, without fuzz.
    let easy = Scheduler::new(config)
        .unwrap()
        .outcomes(
            &CardState::NEW,
            reveal,
            0,
            &mut carnet_engine::SeededFuzz::from_seed(0),
        )
        .wait_secs(Rating::Easy);
    let easy_default = Scheduler::new(SchedulerConfig {
        fuzz: false,
        ..SchedulerConfig::default()
    })
    .unwrap()
    .outcomes(
        &CardState::NEW,
        reveal,
        0,
        &mut carnet_engine::SeededFuzz::from_seed(0),
    )
    .wait_secs(Rating::Easy);
    assert!(easy > easy_default, "{easy} vs {easy_default}");
}

/// The host's replay with the same settings: reviews grouped by card, folded by
/// `Scheduler::replay` with the settings' day clock.
fn host_states(deck_bytes: &[u8], log: &[u8], settings: &Settings) -> Vec<CardState> {
    let deck = Deck::from_bytes(deck_bytes).unwrap();
    let mut reviews: HashMap<CardId, Vec<Review>> = HashMap::new();
    for item in LogReader::new(log) {
        if let Ok((_, LogEntry::Review(r))) = item {
            reviews.entry(r.card).or_default().push(r);
        }
    }
    let clock = settings.day_clock;
    deck.cards()
        .map(|c| {
            settings.scheduler.replay(
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

#[test]
fn a_session_under_the_settings_replays_as_the_host_does() {
    let text = format!("{CUSTOM}fuzz=1\nutc_offset_secs=-25200\nday_start_hour=5\n");
    let mut ram = Ram::new(64);
    let mut app = boot(storage_with(&text), &mut ram, T0_MS);
    let mut now = T0_MS;
    // Study over several days.
    for _ in 0..6 {
        press(&mut app, &mut now, &[Select]);
        let mut k = 0;
        while app.screen_name() == "front" && k < 60 {
            press(&mut app, &mut now, &[Select]);
            let grade = [Up, Left, Down, Right, Up][k % 5];
            press(&mut app, &mut now, &[grade]);
            k += 1;
        }
        press(&mut app, &mut now, &[Select]);
        now += 2 * 86_400_000;
    }
    let settings = *app.settings();
    let live: Vec<CardState> = (0..app.card_count())
        .map(|i| *app.state(i).unwrap())
        .collect();
    let storage = app.storage().clone();
    assert!(LogReader::new(&storage.log).count() > 8);
    assert_eq!(live, host_states(&storage.deck, &storage.log, &settings));
    // The next boot, from the log and the same file, gives the same schedule; with the
    // default settings it would not.
    drop(app);
    let mut ram2 = Ram::new(64);
    let app2 = boot(storage.clone(), &mut ram2, now);
    let replayed: Vec<CardState> = (0..app2.card_count())
        .map(|i| *app2.state(i).unwrap())
        .collect();
    assert_eq!(replayed, live);
    assert_ne!(
        host_states(&storage.deck, &storage.log, &Settings::default()),
        live
    );
}

#[test]
fn days_are_counted_in_the_learner_time_zone() {
    // A review at 03:30 UTC, the device booted at 10:00 UTC the same date.
    let review_ms = T0_MS - 6 * 3_600_000 - 1_800_000;
    let mut storage = storage_with("");
    let deck = Deck::from_bytes(&storage.deck).unwrap();
    let mut frame = [0u8; MAX_FRAME_LEN];
    let n = encode_frame(
        &LogEntry::Review(Review {
            card: deck.id(0).unwrap(),
            time_ms: review_ms,
            rating: Rating::Good,
            duration_ms: 1000,
        }),
        &mut frame,
    );
    storage.log.extend_from_slice(&frame[..n]);
    // By UTC with days from 04:00, 03:30 was yesterday.
    let mut ram = Ram::new(64);
    let app = boot(storage.clone(), &mut ram, T0_MS);
    assert_eq!(app.log_summary().reviews_today, 0);
    drop(app);
    // At UTC+1 it was 04:30: today.
    storage.settings = b"carnet-settings 1\nutc_offset_secs=3600\n".to_vec();
    let mut ram = Ram::new(64);
    let app = boot(storage, &mut ram, T0_MS);
    assert_eq!(app.settings().day_clock.utc_offset_secs, 3600);
    assert_eq!(app.log_summary().reviews_today, 1);
    assert_eq!(
        app.counts().new,
        7,
        "one of the eight cards was studied today"
    );
}

#[test]
fn an_ignored_file_is_said_then_home_with_the_board_settings() {
    let mut ram = Ram::new(64);
    let text = CUSTOM.replace("120,900", "120,0");
    let mut app = boot(storage_with(&text), &mut ram, T0_MS);
    assert_eq!(
        app.settings_origin(),
        SettingsOrigin::Ignored(SettingsProblem::BadValue(Key::LearningSteps))
    );
    assert_eq!(app.screen_name(), "notice");
    assert_golden(&app, "notice-settings");
    assert_eq!(
        app.counts().new,
        8,
        "the board's limits: every card of the deck"
    );
    let mut now = T0_MS;
    press(&mut app, &mut now, &[Select]);
    assert_eq!(app.screen_name(), "home");
    drop(app);

    // A newer major version, and a card that cannot be read.
    let mut ram = Ram::new(64);
    let app = boot(
        storage_with("carnet-settings 2\nwhatever=1\n"),
        &mut ram,
        T0_MS,
    );
    assert_eq!(app.screen_name(), "notice");
    assert_golden(&app, "notice-settings-newer");
    drop(app);
    let mut s = storage_with(CUSTOM);
    s.fail_settings = Some(carnet_handheld::StorageError::Io);
    let mut ram = Ram::new(64);
    let app = boot(s, &mut ram, T0_MS);
    assert_eq!(
        app.settings_origin(),
        SettingsOrigin::Ignored(SettingsProblem::Unreadable)
    );
    drop(app);

    // A bad deck's notice comes first, then the settings one, then home.
    let mut s = storage_with("garbage");
    let info = deck::verify(&mut s);
    let mut ram = Ram::new(64);
    let mut app = App::boot(
        s,
        info,
        DeckSource::BuiltIn(BuiltInReason::BadDeck(DeckError::Checksum)),
        ram.memory(),
        Settings::default(),
        T0_MS,
    );
    let mut now = T0_MS;
    assert_eq!(app.screen_name(), "notice");
    press(&mut app, &mut now, &[Select]);
    assert_eq!(app.screen_name(), "notice");
    assert_eq!(
        app.settings_origin(),
        SettingsOrigin::Ignored(SettingsProblem::NotSettings)
    );
    press(&mut app, &mut now, &[Left]);
    assert_eq!(app.screen_name(), "home");
}
