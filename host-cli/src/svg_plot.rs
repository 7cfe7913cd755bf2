//! Bar charts as standalone SVG files (hand-written: no plotting dependency).

use std::fmt::Write;

const W: f64 = 760.0;
const H: f64 = 360.0;
const LEFT: f64 = 56.0;
const RIGHT: f64 = 16.0;
const TOP: f64 = 44.0;
const BOTTOM: f64 = 72.0;

/// An SVG bar chart: `title`, one bar a label, `fill` an SVG colour, `y_label` the unit.
pub fn bar_chart(
    title: &str,
    y_label: &str,
    labels: &[String],
    values: &[f64],
    fill: &str,
) -> String {
    let max = values.iter().copied().fold(0.0f64, f64::max);
    let step = nice_step(max);
    let top = if max <= 0.0 {
        step
    } else {
        (max / step).ceil() * step
    };
    let plot_w = W - LEFT - RIGHT;
    let plot_h = H - TOP - BOTTOM;
    let n = values.len().max(1) as f64;
    let slot = plot_w / n;
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}" font-family="sans-serif" font-size="12">"#
    );
    let _ = writeln!(s, r##"<rect width="100%" height="100%" fill="#ffffff"/>"##);
    let _ = writeln!(
        s,
        r#"<text x="{}" y="26" font-size="16" font-weight="bold" text-anchor="middle">{}</text>"#,
        W / 2.0,
        escape(title)
    );
    let mut tick = 0.0;
    while tick <= top + step / 2.0 {
        let y = TOP + plot_h - tick / top * plot_h;
        let _ = writeln!(
            s,
            r##"<line x1="{LEFT}" y1="{y:.1}" x2="{:.1}" y2="{y:.1}" stroke="#e0e0e0"/>"##,
            W - RIGHT
        );
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>"#,
            LEFT - 6.0,
            y + 4.0,
            fmt(tick)
        );
        tick += step;
    }
    let _ = writeln!(
        s,
        r#"<text x="14" y="{:.1}" transform="rotate(-90 14 {:.1})" text-anchor="middle">{}</text>"#,
        TOP + plot_h / 2.0,
        TOP + plot_h / 2.0,
        escape(y_label)
    );
    let every = (values.len() / 15).max(1);
    for (i, (&v, label)) in values.iter().zip(labels).enumerate() {
        let h = if top > 0.0 { v / top * plot_h } else { 0.0 };
        let x = LEFT + i as f64 * slot + slot * 0.12;
        let y = TOP + plot_h - h;
        let _ = writeln!(
            s,
            r#"<rect x="{x:.1}" y="{y:.1}" width="{:.1}" height="{h:.1}" fill="{fill}"><title>{}: {}</title></rect>"#,
            slot * 0.76,
            escape(label),
            fmt(v)
        );
        if i % every == 0 {
            let lx = LEFT + (i as f64 + 0.5) * slot;
            let ly = TOP + plot_h + 14.0;
            let _ = writeln!(
                s,
                r#"<text x="{lx:.1}" y="{ly:.1}" text-anchor="end" transform="rotate(-40 {lx:.1} {ly:.1})">{}</text>"#,
                escape(label)
            );
        }
    }
    let _ = writeln!(
        s,
        r##"<line x1="{LEFT}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#333333"/>"##,
        TOP + plot_h,
        W - RIGHT,
        TOP + plot_h
    );
    s.push_str("</svg>\n");
    s
}

/// A round step for about five grid lines up to `max`.
fn nice_step(max: f64) -> f64 {
    if max <= 0.0 {
        return 1.0;
    }
    let raw = max / 5.0;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * mag)
        .find(|s| *s >= raw)
        .unwrap_or(10.0 * mag);
    step.max(1.0)
}

fn fmt(v: f64) -> String {
    if v.fract() == 0.0 {
        format!("{v:.0}")
    } else {
        format!("{v:.2}")
    }
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn draws_one_rect_a_bar_and_escapes_text() {
        let svg = bar_chart(
            "A < B",
            "cards",
            &["x".into(), "y".into()],
            &[3.0, 7.0],
            "#4477aa",
        );
        assert!(svg.starts_with("<svg"));
        assert_eq!(svg.matches("<rect x=").count(), 2);
        assert!(svg.contains("A &lt; B"));
        assert_eq!(nice_step(7.0), 2.0);
        assert_eq!(nice_step(230.0), 50.0);
    }
}
