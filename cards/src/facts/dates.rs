//! Dates in French forms.

/// The French month names, lower case.
pub const MONTHS: &[&str] = &[
    "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre",
    "octobre", "novembre", "décembre",
];
