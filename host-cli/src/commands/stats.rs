//! `carnet stats`: counts by state, reviews per day, true retention, the 30-day forecast and
//! the stability of graduated cards, as terminal charts, JSON, or SVG files (`--plot DIR`).

use std::io::Write;

use carnet_engine::Card;

use crate::args::{CommonArgs, StatsArgs};
use crate::atomic_file::write_atomically;
use crate::charts;
use crate::config::Settings;
use crate::deck_file::DeckFile;
use crate::deck_log::log_path;
use crate::error::{CliError, Result};
use crate::history::History;
use crate::messages::{fill, text};
use crate::stats_data::{compute, Stats};
use crate::store::read_log;
use crate::svg_plot::bar_chart;
use crate::terminal;

/// Computes and prints the statistics of the deck.
pub fn execute(common: &CommonArgs, args: &StatsArgs) -> Result<()> {
    let mut settings = Settings::resolve(common)?;
    let file = DeckFile::load(&settings.deck)?;
    let deck = file.deck()?;
    crate::deck_parameters::apply(&mut settings, deck.deck_id())?;
    let path = log_path(&settings.data_dir, &deck)?;
    let scan = read_log(&path)?;
    scan.warn(&path, false);
    let history = History::from_entries(&scan.schedulable(&path, settings.clock.now_ms()));
    let cards: Vec<Card<'_>> = deck.cards().collect();
    let day_clock = settings.day_clock();
    let stats = compute(
        deck.name(),
        &cards,
        &history,
        &settings.scheduler,
        &day_clock,
        settings.clock.now_secs(),
    );
    let io = CliError::stdout;
    let mut out = std::io::stdout().lock();
    if args.json {
        let mut value =
            serde_json::to_value(&stats).map_err(|e| CliError::failure(e.to_string()))?;
        value["retention"]["last_30_days"] = stats.retention.last_30_days().into();
        value["retention"]["all_time"] = stats.retention.all_time().into();
        writeln!(out, "{value}").map_err(io)?;
    } else {
        out.write_all(render(&stats, terminal::color_stdout()).as_bytes())
            .map_err(io)?;
    }
    if let Some(dir) = &args.plot {
        let written = plot(&stats, dir)?;
        for p in written {
            if args.json {
                eprintln!("{}", fill(text().wrote, &[&p.display()]));
            } else {
                writeln!(out, "{}", fill(text().wrote, &[&p.display()])).map_err(io)?;
            }
        }
    }
    Ok(())
}

/// The text report with its charts.
pub fn render(s: &Stats, color: bool) -> String {
    let mut t = String::new();
    let title = |t: &mut String, text: &str| {
        t.push_str(&terminal::paint(text, "1", color));
        t.push('\n');
    };
    let m = text();
    title(
        &mut t,
        &fill(
            m.stats_heading,
            &[
                &s.deck,
                &m.count(s.cards as u64, m.cards, &[]),
                &m.count(s.total_reviews as u64, m.reviews, &[]),
            ],
        ),
    );
    t.push('\n');
    title(&mut t, m.stats_by_state);
    let st = s.states;
    let rows: Vec<(String, f64)> = m
        .stats_states
        .iter()
        .zip([st.new, st.learning, st.review, st.relearning, st.suspended])
        .map(|(l, v)| (l.to_string(), v as f64))
        .collect();
    t.push_str(&charts::horizontal(&rows, 40, "34", color));
    t.push('\n');
    let total: u32 = s.reviews_per_day.iter().map(|d| d.count).sum();
    title(&mut t, &fill(m.stats_per_day, &[&total]));
    let per_day: Vec<u32> = s.reviews_per_day.iter().map(|d| d.count).collect();
    let first = s.reviews_per_day.first().map_or("", |d| d.date.as_str());
    let last = s.reviews_per_day.last().map_or("", |d| d.date.as_str());
    t.push_str(&charts::columns(&per_day, 6, first, last, "36", color));
    t.push('\n');
    title(&mut t, m.stats_retention);
    let r = s.retention;
    let pct = |v: Option<f64>| {
        v.map_or("—".to_string(), |v| {
            format!("{:.1} %", v * 100.0).replace('.', &m.decimal_separator.to_string())
        })
    };
    t.push_str(&fill(
        m.stats_last_30,
        &[
            &pct(r.last_30_days()),
            &r.passed_30_days,
            &(r.passed_30_days + r.failed_30_days),
        ],
    ));
    t.push('\n');
    t.push_str(&fill(
        m.stats_all_time,
        &[&pct(r.all_time()), &r.passed, &(r.passed + r.failed)],
    ));
    t.push_str("\n\n");
    let due: u32 = s.forecast.iter().map(|d| d.count).sum();
    title(&mut t, &fill(m.stats_forecast, &[&due]));
    let forecast: Vec<u32> = s.forecast.iter().map(|d| d.count).collect();
    let first = s.forecast.first().map_or("", |d| d.date.as_str());
    let last = s.forecast.last().map_or("", |d| d.date.as_str());
    t.push_str(&charts::columns(&forecast, 6, first, last, "32", color));
    t.push('\n');
    title(&mut t, m.stats_stability);
    let rows: Vec<(String, f64)> = s
        .stability
        .iter()
        .map(|b| (b.label.clone(), b.cards as f64))
        .collect();
    t.push_str(&charts::horizontal(&rows, 40, "35", color));
    t
}

/// Writes the four charts as SVG files into `dir`; gives their paths.
pub fn plot(s: &Stats, dir: &std::path::Path) -> Result<Vec<std::path::PathBuf>> {
    std::fs::create_dir_all(dir)
        .map_err(|e| CliError::io("cannot create the plot folder", dir, &e))?;
    let dates = |v: &[crate::stats_data::DayCount]| -> (Vec<String>, Vec<f64>) {
        (
            v.iter().map(|d| d.date.clone()).collect(),
            v.iter().map(|d| d.count as f64).collect(),
        )
    };
    let st = s.states;
    let m = text();
    let mut files = Vec::new();
    let (l, v) = dates(&s.reviews_per_day);
    files.push((
        "reviews-per-day.svg",
        bar_chart(
            &format!("{} · {}", s.deck, m.plot_per_day[0]),
            m.plot_per_day[1],
            &l,
            &v,
            "#3b8ea5",
        ),
    ));
    let (l, v) = dates(&s.forecast);
    files.push((
        "forecast.svg",
        bar_chart(
            &format!("{} · {}", s.deck, m.plot_forecast[0]),
            m.plot_forecast[1],
            &l,
            &v,
            "#4c9a2a",
        ),
    ));
    let labels: Vec<String> = s.stability.iter().map(|b| b.label.clone()).collect();
    let values: Vec<f64> = s.stability.iter().map(|b| b.cards as f64).collect();
    files.push((
        "stability.svg",
        bar_chart(
            &format!("{} · {}", s.deck, m.plot_stability[0]),
            m.plot_stability[1],
            &labels,
            &values,
            "#8e5ea2",
        ),
    ));
    let labels: Vec<String> = m.stats_states.map(String::from).to_vec();
    let values = [st.new, st.learning, st.review, st.relearning, st.suspended]
        .map(|v| v as f64)
        .to_vec();
    files.push((
        "states.svg",
        bar_chart(
            &format!("{} · {}", s.deck, m.plot_states[0]),
            m.plot_states[1],
            &labels,
            &values,
            "#3e6fb0",
        ),
    ));
    let mut written = Vec::new();
    for (name, svg) in files {
        let path = dir.join(name);
        write_atomically(&path, svg.as_bytes())?;
        written.push(path);
    }
    Ok(written)
}
