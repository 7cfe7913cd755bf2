//! # carnet-cards
#![forbid(unsafe_code)]

pub mod clean;
pub mod document;
pub mod error;
pub mod facts;
pub mod input;
pub mod sentences;
pub mod typography;
