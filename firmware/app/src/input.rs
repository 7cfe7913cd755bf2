//! The events the application takes and the actions it asks of the board.

use carnet_engine::review_log::Review;

/// A button press.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Input {
    /// The up button.
    Up,
    /// The down button.
    Down,
    /// The left button.
    Left,
    /// The right button.
    Right,
    /// The select (centre) button.
    Select,
}

/// What the board must do after an event.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Action {
    /// The screen changed: draw and flush.
    Redraw,
    /// A review was appended to the log and synced (the screen changed too: draw and flush).
    /// Boards that can report (QEMU) report it before showing the next card.
    ReviewSaved(Review),
    /// The learner chose « Éteindre »: power down (under QEMU: exit).
    PowerOff,
}
