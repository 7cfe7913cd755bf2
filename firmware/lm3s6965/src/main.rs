//! The carnet handheld on the LM3S6965 evaluation board: the application crate
//! (`carnet-handheld`) driven by this board. This file only wires them: RAM for the
//! application, the deck, the log and the terminal's settings on the SD card (the bundled
//! deck in flash as fallback, default settings without `SETTINGS.TXT`), buttons to events,
//! the application's drawing to the OLED.
//!
//! Under QEMU (feature `qemu`) it reports on semihosting, one line each:
//! `carnet-ready …` once the first screen is up (boot time, deck, settings, log, RAM),
//! `carnet-show card=ID` each time a card's front is shown,
//! `carnet-review card=ID rating=N time_ms=T` once a review is on the card (before the next
//! card is shown), and `carnet-exit …` (RAM figures) when « Éteindre » ends the run with
//! exit status 0.

#![no_std]
#![no_main]

use carnet_engine::CardState;
use carnet_handheld::{Action, App, Input as Event, Memory, Settings};
use carnet_lm3s6965::handheld::CardFiles;
use carnet_lm3s6965::{Board, Clock, Input};
use cortex_m_rt::entry;

/// Cards the device can hold: 16 bytes of state and 2 of fingerprint each.
const MAX_CARDS: usize = carnet_handheld::BOARD_MAX_CARDS;
/// Today's queue: learning cards due plus the daily limits (20 new, 200 reviews).
const QUEUE_LEN: usize = 256;

/// The deck the cards generator made from the bundled corpus: used without a card, or when
/// the card's `DECK.BIN` is missing or corrupt.
static BUNDLED_DECK: &[u8] = include_bytes!("../../../cards/decks/bundled.deck");

/// Wall time in ms: the clock's if known; else (a board that was never given the time) the
/// latest time in the log, moving with uptime, so reviews stay in order.
fn now_ms(clock: &Clock, fallback_base_ms: i64) -> i64 {
    clock
        .unix_time_ms()
        .unwrap_or(fallback_base_ms + clock.uptime_ms() as i64)
}

fn event(input: Input) -> Event {
    match input {
        Input::Up => Event::Up,
        Input::Down => Event::Down,
        Input::Left => Event::Left,
        Input::Right => Event::Right,
        Input::Select => Event::Select,
    }
}

/// Puts the application where it lives, without any I/O yet: kept out of line so that its
/// 2.6 KB construction happens in a frame of its own, popped before the deck is read.
#[inline(never)]
fn place(
    slot: &'static mut Option<App<'static, CardFiles>>,
    files: CardFiles,
    source: carnet_handheld::DeckSource,
    memory: Memory<'static>,
    now_ms: i64,
) -> &'static mut App<'static, CardFiles> {
    slot.insert(App::new(files, source, memory, Settings::default(), now_ms))
}

#[entry]
fn main() -> ! {
    // cortex-m-rt turns these into `&'static mut` references, safely: in `.bss`, not on the
    // stack. The application too: the stack holds only the calls in progress.
    static mut STATES: [CardState; MAX_CARDS] = [CardState::NEW; MAX_CARDS];
    static mut FINGERPRINTS: [u16; MAX_CARDS] = [0; MAX_CARDS];
    static mut QUEUE: [u32; QUEUE_LEN] = [0; QUEUE_LEN];
    static mut APP: Option<App<'static, CardFiles>> = None;

    let Board {
        mut display,
        mut buttons,
        storage,
        clock,
    } = Board::take().expect("Board::take runs once, at boot");
    let (files, deck, source) = CardFiles::open(storage, BUNDLED_DECK);
    // 2025-01-01, for a board that has neither wall time nor a log yet.
    const NO_TIME_BASE_MS: i64 = 1_735_689_600_000;
    let boot_ms = now_ms(&clock, NO_TIME_BASE_MS);
    let memory = Memory {
        states: STATES,
        fingerprints: FINGERPRINTS,
        queue: QUEUE,
    };
    let app = place(APP, files, source, memory, boot_ms);
    app.start(deck, boot_ms);
    let base_ms = app.log_summary().latest_ms.max(NO_TIME_BASE_MS) + 1000;
    let _ = app.draw(&mut display);
    display.flush();
    carnet_lm3s6965::log_info!("first screen after {=u64} us", clock.uptime_us());
    #[cfg(feature = "qemu")]
    report_ready(app, &clock, source);

    #[cfg(feature = "qemu")]
    let mut last_screen = app.screen_name();
    loop {
        let Some(input) = buttons.poll(clock.uptime_ms()) else {
            clock.sleep();
            continue;
        };
        #[cfg(feature = "qemu")]
        let pressed_us = clock.uptime_us();
        match app.on_event(event(input), now_ms(&clock, base_ms)) {
            None => continue,
            Some(Action::PowerOff) => power_off(&mut display, &mut buttons, &clock),
            Some(Action::ReviewSaved(review)) => {
                // The review is on the card: say so before anything else is shown.
                #[cfg(feature = "qemu")]
                carnet_lm3s6965::report!(
                    "carnet-review card={:016x} rating={} time_ms={}",
                    review.card.0,
                    review.rating.as_u8(),
                    review.time_ms
                );
                let _ = review;
            }
            Some(Action::Redraw) => {}
        }
        let _ = app.draw(&mut display);
        display.flush();
        #[cfg(feature = "qemu")]
        {
            let screen = app.screen_name();
            if screen == "front" && last_screen != "front" {
                if let Some(id) = app.current_card_id() {
                    carnet_lm3s6965::report!(
                        "carnet-show card={:016x} handled_us={}",
                        id.0,
                        clock.uptime_us() - pressed_us
                    );
                }
            }
            last_screen = screen;
        }
    }
}

/// « Éteindre »: under QEMU the run ends (exit status 0, RAM figures reported); on the board
/// the screen goes dark until a button is pressed, then the board restarts.
#[cfg(feature = "qemu")]
fn power_off(
    display: &mut carnet_lm3s6965::Display,
    _buttons: &mut carnet_lm3s6965::Buttons,
    _clock: &Clock,
) -> ! {
    use carnet_lm3s6965::stack;
    blank(display);
    carnet_lm3s6965::report!(
        "carnet-exit static_ram={} stack_peak={} stack_capacity={} frames={}",
        stack::static_ram_bytes(),
        stack::stack_peak_bytes(),
        stack::stack_capacity_bytes(),
        display.flushes()
    );
    carnet_lm3s6965::qemu::exit(true)
}

/// « Éteindre »: under QEMU the run ends (exit status 0, RAM figures reported); on the board
/// the screen goes dark until a button is pressed, then the board restarts.
#[cfg(not(feature = "qemu"))]
fn power_off(
    display: &mut carnet_lm3s6965::Display,
    buttons: &mut carnet_lm3s6965::Buttons,
    clock: &Clock,
) -> ! {
    blank(display);
    loop {
        if buttons.poll(clock.uptime_ms()).is_some() {
            cortex_m::peripheral::SCB::sys_reset();
        }
        clock.sleep();
    }
}

fn blank(display: &mut carnet_lm3s6965::Display) {
    use embedded_graphics::{pixelcolor::Gray4, prelude::*};
    let _ = display.clear(Gray4::BLACK);
    display.flush();
}

#[cfg(feature = "qemu")]
fn report_ready<S: carnet_handheld::Storage>(
    app: &App<'_, S>,
    clock: &Clock,
    source: carnet_handheld::DeckSource,
) {
    use carnet_lm3s6965::{qemu, stack};
    let log = app.log_summary();
    let source = match source {
        carnet_handheld::DeckSource::Card => "card",
        carnet_handheld::DeckSource::BuiltIn(_) => "builtin",
    };
    let settings = match app.settings_origin() {
        carnet_handheld::SettingsOrigin::Board => "default",
        carnet_handheld::SettingsOrigin::File => "card",
        carnet_handheld::SettingsOrigin::Ignored(_) => "ignored",
    };
    carnet_lm3s6965::report!(
        "carnet-ready boot_us={} since_qemu_start_us={} screen={} source={} settings={} cards={} log_bytes={} records={} orphans={} corrupt={} torn={} static_ram={} stack_peak={}",
        clock.uptime_us(),
        qemu::elapsed_ns() / 1000,
        app.screen_name(),
        source,
        settings,
        app.card_count(),
        log.bytes,
        log.records,
        log.orphans,
        log.corrupt,
        log.torn as u8,
        stack::static_ram_bytes(),
        stack::stack_peak_bytes()
    );
}
