//! Review logs in the josh CSV format (py-fsrs's test data, FSRS benchmark exports):
//! `card_id,review_rating,review_time,review_duration`, times in ISO 8601 UTC.

use std::path::Path;

use carnet_engine::Rating;

use crate::clock::parse_instant;
use crate::error::{CliError, Result};

/// One row.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct JoshRow {
    /// The card's number in the source log.
    pub card_id: u64,
    /// The grade.
    pub rating: Rating,
    /// When (ms since the Unix epoch).
    pub time_ms: i64,
    /// How long the answer took (ms).
    pub duration_ms: u32,
}

const COLUMNS: [&str; 4] = ["card_id", "review_rating", "review_time", "review_duration"];

/// Reads a josh CSV file. The header names the columns (any order; `review_duration` may be
/// missing); every error names the file, the line and what is wrong.
pub fn read(path: &Path) -> Result<Vec<JoshRow>> {
    let bytes = std::fs::read(path).map_err(|e| CliError::io("cannot read", path, &e))?;
    let text = String::from_utf8(bytes).map_err(|e| {
        CliError::input(crate::messages::fill(
            crate::messages::text().e_not_utf8_csv,
            &[&path.display(), &e.utf8_error().valid_up_to()],
        ))
    })?;
    parse(path, &text)
}

/// Parses the text of a josh CSV file called `path` (used in messages).
pub fn parse(path: &Path, text: &str) -> Result<Vec<JoshRow>> {
    let bad =
        |line: usize, what: String| CliError::input(format!("{}:{line}: {what}", path.display()));
    let mut lines = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty());
    let Some((_, header)) = lines.next() else {
        return Err(CliError::input(crate::messages::fill(
            crate::messages::text().e_empty_csv,
            &[&path.display(), &COLUMNS.join(",")],
        )));
    };
    let names: Vec<&str> = header
        .trim_start_matches('\u{feff}')
        .split(',')
        .map(str::trim)
        .collect();
    let find = |name: &str| names.iter().position(|n| *n == name);
    let (Some(card_col), Some(rating_col), Some(time_col)) =
        (find(COLUMNS[0]), find(COLUMNS[1]), find(COLUMNS[2]))
    else {
        return Err(bad(
            1,
            format!(
                "the header must name the columns {} (found `{}`)",
                COLUMNS.join(","),
                header.trim()
            ),
        ));
    };
    let duration_col = find(COLUMNS[3]);
    let mut rows = Vec::new();
    for (i, line) in lines {
        let n = i + 1;
        let fields: Vec<&str> = line.split(',').map(str::trim).collect();
        if fields.len() != names.len() {
            return Err(bad(
                n,
                format!(
                    "{} fields where the header has {}",
                    fields.len(),
                    names.len()
                ),
            ));
        }
        let card_id = fields[card_col].parse::<u64>().map_err(|_| {
            bad(
                n,
                format!("card_id {:?} is not a whole number", fields[card_col]),
            )
        })?;
        let rating = fields[rating_col]
            .parse::<u8>()
            .ok()
            .and_then(Rating::from_u8)
            .ok_or_else(|| {
                bad(
                    n,
                    format!(
                        "review_rating {:?} is not a grade from 1 to 4",
                        fields[rating_col]
                    ),
                )
            })?;
        let time_ms = parse_instant(fields[time_col]).ok_or_else(|| {
            bad(
                n,
                format!(
                    "review_time {:?} is not an ISO 8601 time such as 2024-03-29T20:32:32.250000+00:00",
                    fields[time_col]
                ),
            )
        })?;
        if !(0..=crate::clock::LATEST_MS).contains(&time_ms) {
            return Err(bad(
                n,
                format!(
                    "review_time {:?} is outside 1970 to 2106-02-07 06:28:15 UTC, the times \
                     carnet's schedules hold",
                    fields[time_col]
                ),
            ));
        }
        let duration_ms = match duration_col {
            Some(c) if !fields[c].is_empty() => fields[c]
                .parse::<f64>()
                .ok()
                .filter(|d| *d >= 0.0)
                .map(|d| d.min(u32::MAX as f64) as u32)
                .ok_or_else(|| {
                    bad(
                        n,
                        format!("review_duration {:?} is not a number of ms", fields[c]),
                    )
                })?,
            _ => 0,
        };
        rows.push(JoshRow {
            card_id,
            rating,
            time_ms,
            duration_ms,
        });
    }
    if rows.is_empty() {
        return Err(CliError::input(crate::messages::fill(
            crate::messages::text().e_no_reviews_csv,
            &[&path.display()],
        )));
    }
    Ok(rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_josh_format_and_names_bad_lines() {
        let p = Path::new("log.csv");
        let text = "card_id,review_rating,review_time,review_duration\n\
                    1711684180217,1,2024-03-29T20:32:32.250000+00:00,25060\n\
                    1711684780667,3,2024-03-29T20:32:39.497000+00:00,7241\n";
        let rows = parse(p, text).unwrap();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].time_ms, 1_711_744_352_250);
        assert_eq!(rows[1].rating, Rating::Good);
        let err = parse(
            p,
            "card_id,review_rating,review_time\n1,5,2024-03-29T20:32:32Z\n",
        )
        .unwrap_err();
        assert_eq!(
            err.message(),
            "log.csv:2: review_rating \"5\" is not a grade from 1 to 4"
        );
        let err = parse(p, "id,grade\n1,3\n").unwrap_err();
        assert!(
            err.message().starts_with("log.csv:1: the header must name"),
            "{err}"
        );
        let err = parse(p, "card_id,review_rating,review_time\n1,3,yesterday\n").unwrap_err();
        assert!(
            err.message()
                .contains("\"yesterday\" is not an ISO 8601 time"),
            "{err}"
        );
    }
}
