//! Bar charts drawn with Unicode blocks, for the terminal.

use crate::terminal::paint;

const EIGHTHS: [char; 9] = [' ', '▏', '▎', '▍', '▌', '▋', '▊', '▉', '█'];
const LEVELS: [char; 9] = [' ', '▁', '▂', '▃', '▄', '▅', '▆', '▇', '█'];

/// Horizontal bars, one a row: `label │████▌ 12`. `sgr` colours the bars when `color`.
pub fn horizontal(rows: &[(String, f64)], width: usize, sgr: &str, color: bool) -> String {
    let label_w = rows
        .iter()
        .map(|(l, _)| l.chars().count())
        .max()
        .unwrap_or(0);
    let max = rows.iter().map(|r| r.1).fold(0.0f64, f64::max);
    let mut out = String::new();
    for (label, value) in rows {
        let eighths = if max > 0.0 {
            (value / max * (width * 8) as f64).round() as usize
        } else {
            0
        };
        let mut bar: String = std::iter::repeat_n('█', eighths / 8).collect();
        if eighths % 8 > 0 {
            bar.push(EIGHTHS[eighths % 8]);
        }
        let pad = label_w - label.chars().count();
        out.push_str(&format!(
            "  {}{label} │{} {}\n",
            " ".repeat(pad),
            paint(&bar, sgr, color),
            fmt_value(*value)
        ));
    }
    out
}

/// Vertical columns, one a value, `height` rows high, with the maximum on the axis and
/// `first` / `last` labels under the ends.
pub fn columns(
    values: &[u32],
    height: usize,
    first: &str,
    last: &str,
    sgr: &str,
    color: bool,
) -> String {
    let max = values.iter().copied().max().unwrap_or(0);
    let axis_w = max.to_string().len();
    let mut out = String::new();
    for row in (0..height).rev() {
        let label = if row == height - 1 {
            format!("{max:>axis_w$}")
        } else if row == 0 {
            format!("{:>axis_w$}", 0)
        } else {
            " ".repeat(axis_w)
        };
        let mut line = String::new();
        for &v in values {
            let eighths = if max > 0 {
                (v as f64 / max as f64 * (height * 8) as f64).round() as usize
            } else {
                0
            };
            let filled = eighths.saturating_sub(row * 8).min(8);
            let c = if filled == 0 && row == 0 && v > 0 {
                LEVELS[1]
            } else {
                LEVELS[filled]
            };
            line.push(c);
            line.push(c);
        }
        out.push_str(&format!("  {label} │{}\n", paint(&line, sgr, color)));
    }
    let span = values.len() * 2;
    let gap = span.saturating_sub(first.len() + last.len());
    out.push_str(&format!("  {} └{}\n", " ".repeat(axis_w), "─".repeat(span)));
    out.push_str(&format!(
        "  {}  {first}{}{last}\n",
        " ".repeat(axis_w),
        " ".repeat(gap)
    ));
    out
}

fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bars_scale_to_the_largest_value() {
        let rows = vec![
            ("new".to_string(), 10.0),
            ("review".to_string(), 5.0),
            ("x".to_string(), 0.0),
        ];
        let text = horizontal(&rows, 8, "34", false);
        assert_eq!(
            text,
            "     new │████████ 10\n  review │████ 5\n       x │ 0\n"
        );
        let cols = columns(&[0, 4, 8], 2, "a", "b", "32", false);
        assert_eq!(cols.lines().next().unwrap(), "  8 │    ██");
    }
}
