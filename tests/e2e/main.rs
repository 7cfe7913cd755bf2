//! End-to-end tests of the workspace: every flow through the real `carnet` executable.
//!
//! One test binary (declared by `host-cli/Cargo.toml`, the package that alone gets the
//! executable's path) with one module a subject. Each test runs `carnet` in its own temporary
//! home with `CARNET_NOW` fixing the start of time, so the tests are hermetic and run in
//! parallel.

mod anki;
mod anki_collection_write;
mod anki_package;
mod bad_input;
mod cards;
mod cli;
mod crash;
mod deck_identity;
mod hostile;
mod language;
mod memory;
mod optimize;
mod quiz;
mod screenshot;
mod stats;
mod study;
mod support;
mod sync;
mod tui;
