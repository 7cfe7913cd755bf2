//! A one-line progress bar on stderr, drawn only when stderr is a terminal (never into a
//! pipe, a file or a test's captured output), redrawn at most every 50 ms.

use std::io::{IsTerminal, Write};
use std::time::Instant;

/// The bar: a total, how much is done, and what is being done.
#[derive(Debug)]
pub struct Bar {
    on: bool,
    total: u64,
    done: u64,
    what: String,
    last: Option<Instant>,
    drawn: bool,
}

impl Bar {
    /// A bar that never draws.
    pub fn off() -> Bar {
        Bar {
            on: false,
            total: 0,
            done: 0,
            what: String::new(),
            last: None,
            drawn: false,
        }
    }

    /// A bar of `total` steps, drawn when stderr is a terminal and `worth` is true.
    pub fn on_terminal(total: u64, worth: bool) -> Bar {
        Bar {
            on: worth && std::io::stderr().is_terminal(),
            total,
            done: 0,
            what: String::new(),
            last: None,
            drawn: false,
        }
    }

    /// Whether it draws.
    pub fn is_on(&self) -> bool {
        self.on
    }

    /// Names the work under way (drawn at once).
    pub fn stage(&mut self, what: &str) {
        if !self.on {
            return;
        }
        what.clone_into(&mut self.what);
        self.last = None;
        self.draw();
    }

    /// `n` more steps done.
    pub fn add(&mut self, n: u64) {
        if !self.on {
            return;
        }
        self.done = (self.done + n).min(self.total);
        self.draw();
    }

    fn draw(&mut self) {
        let now = Instant::now();
        if self
            .last
            .is_some_and(|t| now.duration_since(t).as_millis() < 50)
        {
            return;
        }
        self.last = Some(now);
        self.drawn = true;
        let width = 30u64;
        let filled = (self.done * width / self.total.max(1)) as usize;
        let percent = self.done * 100 / self.total.max(1);
        let mut err = std::io::stderr().lock();
        let _ = write!(
            err,
            "\r\x1b[2K[{}{}] {percent:>3} % {}",
            "█".repeat(filled),
            "·".repeat(width as usize - filled),
            self.what
        );
        let _ = err.flush();
    }

    /// Clears the bar's line, once the work is done (or failed).
    pub fn finish(&mut self) {
        if self.on && self.drawn {
            let _ = write!(std::io::stderr(), "\r\x1b[2K");
            self.drawn = false;
        }
    }
}

impl Default for Bar {
    fn default() -> Bar {
        Bar::off()
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.finish();
    }
}
