//! The card's files as a set (`CARD.TXT`): a set that `carnet sync` finished is studied; a
//! half-written or hand-changed one is refused, without writing anything, until the next sync.

mod support;

use carnet_engine::crc32;
use carnet_handheld::Input;
use support::{boot, press, MemStorage, Ram, T0_MS};

const SETTINGS: &[u8] = b"carnet-settings 1\nnew_per_day=7\n";

fn manifest(deck: &[u8], log: &[u8], settings: &[u8]) -> Vec<u8> {
    format!(
        "carnet-card 1\nstate=complete\ndeck_id=000102030405060708090a0b0c0d0e0f\n\
         generation=4\ndeck={},{:08x}\nlog={},{:08x}\nsettings={},{:08x}\n",
        deck.len(),
        crc32(&deck[..deck.len() - 4]),
        log.len(),
        crc32(log),
        settings.len(),
        crc32(settings)
    )
    .into_bytes()
}

fn synced() -> MemStorage {
    let deck = support::test_deck();
    MemStorage {
        manifest: manifest(&deck, &[], SETTINGS),
        deck,
        settings: SETTINGS.to_vec(),
        ..MemStorage::default()
    }
}

#[test]
fn a_finished_set_is_studied_and_reviews_added_after_it_are_fine() {
    let mut ram = Ram::new(64);
    let mut app = boot(synced(), &mut ram, T0_MS);
    assert_eq!(app.screen_name(), "home");
    let mut now = T0_MS;
    press(
        &mut app,
        &mut now,
        &[Input::Select, Input::Select, Input::Up],
    );
    let storage = app.storage().clone();
    assert!(!storage.log.is_empty(), "a review was appended");
    // The next boot: the log grew after the sync's part, which is still intact.
    let mut ram = Ram::new(64);
    let app = boot(storage, &mut ram, now);
    assert_eq!(app.screen_name(), "home");
}

#[test]
fn a_half_written_set_is_refused_and_nothing_is_written() {
    for text in [
        b"carnet-card 1\nstate=writing\ngeneration=5\n".to_vec(),
        b"carnet-card 1\nstate=complete\ndeck=12".to_vec(),
        vec![0xA5; 300],
    ] {
        let mut storage = synced();
        storage.manifest = text;
        let mut ram = Ram::new(64);
        let mut app = boot(storage, &mut ram, T0_MS);
        assert_eq!(app.screen_name(), "fatal");
        let mut now = T0_MS;
        press(&mut app, &mut now, &[Input::Up, Input::Select, Input::Down]);
        assert!(app.storage().log.is_empty());
    }
}

#[test]
fn files_changed_one_by_one_are_refused() {
    let mut settings = synced();
    settings.settings = b"carnet-settings 1\nnew_per_day=9\n".to_vec();
    let mut grown = synced();
    grown.manifest = manifest(&grown.deck, &[1, 2, 3], SETTINGS);
    grown.log = vec![9, 2, 3, 4];
    let mut deck = synced();
    let mut other = support::test_deck();
    let at = other.len() - 5;
    other[at] ^= 1;
    let n = other.len();
    let crc = crc32(&other[..n - 4]).to_le_bytes();
    other[n - 4..].copy_from_slice(&crc);
    deck.deck = other;
    for (what, storage) in [
        ("settings", settings),
        ("log prefix", grown),
        ("deck", deck),
    ] {
        let mut ram = Ram::new(64);
        let app = boot(storage, &mut ram, T0_MS);
        assert_eq!(app.screen_name(), "fatal", "{what}");
    }
}

#[test]
fn a_card_without_a_manifest_is_read_as_before() {
    let mut storage = synced();
    storage.manifest.clear();
    let mut ram = Ram::new(64);
    let app = boot(storage, &mut ram, T0_MS);
    assert_eq!(app.screen_name(), "home");
}
