//! Facts found in sentences: dates, quantities, people and roles, places, organisations.

pub mod dates;
