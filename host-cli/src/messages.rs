//! The interface's words in French and in English: one [`Messages`] of `&'static str` a
//! language, chosen by [`Language`] ([`text`] gives the current one's).
//!
//! A template's `{}` are filled in order by [`fill`]; a count's two forms ([`Forms`]) are
//! chosen by the language's rule ([`Messages::count`]: French takes the singular for 0 and 1).
//! The records of the line mode meant for scripts (`card`, `recorded`, `summary: k=v`…) and
//! the keys typed as commands are not words of the interface and stay as they are.

use std::fmt::Display;

use crate::language::{self, Language};

/// The singular and plural of a counted phrase, each a template with one `{}`.
#[derive(Debug, Clone, Copy)]
pub struct Forms {
    /// For one (and, in French, zero).
    pub one: &'static str,
    /// For the others.
    pub many: &'static str,
}

const fn forms(one: &'static str, many: &'static str) -> Forms {
    Forms { one, many }
}

/// Every word of the interface, in one language.
#[derive(Debug)]
pub struct Messages {
    /// The language these are in.
    pub language: Language,

    // Grades and intervals.
    /// The grades' names, in button order.
    pub grade_names: [&'static str; 4],
    /// The grades' names cut short, for narrow screens.
    pub short_grade_names: [&'static str; 4],
    /// The decimal separator of intervals (`2,5 mois`, `2.5 mo`).
    pub decimal_separator: char,
    /// Units of intervals: day, month, year, years.
    pub day_unit: &'static str,
    /// A month, in intervals.
    pub month_unit: &'static str,
    /// A year, in intervals.
    pub year_unit: &'static str,
    /// Years (from 2), in intervals.
    pub years_unit: &'static str,

    // The full-screen session.
    /// A grade key pressed before the answer shows.
    pub tui_reveal_first: &'static str,
    /// After a grade: name, interval.
    pub tui_recorded: &'static str,
    /// After undoing a grade.
    pub tui_grade_undone: &'static str,
    /// After undoing a suspension.
    pub tui_suspend_undone: &'static str,
    /// Undo with nothing to undo.
    pub tui_nothing_to_undo: &'static str,
    /// After suspending.
    pub tui_suspended: &'static str,
    /// The header's counters: new, learning, due.
    pub tui_counters: [&'static str; 3],
    /// The same, cut short.
    pub tui_short_counters: [&'static str; 3],
    /// A multiple-choice card's choices.
    pub tui_choices: &'static str,
    /// Before the typed answer.
    pub tui_your_answer: &'static str,
    /// The verdicts on a typed answer: right, close, wrong.
    pub tui_verdicts: [&'static str; 3],
    /// The source line under the answer: document, line.
    pub tui_source: &'static str,
    /// The card's frame.
    pub tui_question_title: &'static str,
    /// Marker: the card goes on below.
    pub tui_more_below: &'static str,
    /// Keys while typing, longest first.
    pub tui_typing_keys: [&'static str; 3],
    /// Keys before the answer shows, longest first.
    pub tui_question_keys: [&'static str; 3],
    /// Keys once a typed answer is checked, longest first.
    pub tui_checked_keys: [&'static str; 3],
    /// Keys once the answer shows, longest first.
    pub tui_answer_keys: [&'static str; 4],
    /// The end screen's title.
    pub tui_finished: &'static str,
    /// Cards graded: count, of which new.
    pub tui_graded: Forms,
    /// Of which new.
    pub tui_of_which_new: Forms,
    /// Answer time: minutes, seconds (two digits).
    pub tui_answer_time: &'static str,
    /// Suspended this session.
    pub tui_suspended_count: &'static str,
    /// Learning cards back at a time.
    pub tui_learning_back: &'static str,
    /// Reviews due tomorrow.
    pub tui_tomorrow: Forms,
    /// The end screen's frame.
    pub tui_summary_title: &'static str,
    /// The end screen's key.
    pub tui_any_key: &'static str,
    /// After the session, on the normal screen: deck, log.
    pub session_saved: &'static str,
    /// Then its summary: the prefix.
    pub session_summary: &'static str,
    /// Cards graded, in it.
    pub session_graded: Forms,
    /// Cards suspended, in it.
    pub session_suspended: Forms,

    // The line mode.
    /// First line: deck, cards, log.
    pub line_deck: &'static str,
    /// The deck's size.
    pub cards: Forms,
    /// Keys, typed mode.
    pub line_typed_keys: &'static str,
    /// Keys.
    pub line_keys: &'static str,
    /// The card's situation.
    pub line_situation: &'static str,
    /// The question.
    pub line_question: &'static str,
    /// The choices.
    pub line_choices: &'static str,
    /// The verdict on a typed answer.
    pub line_verdict: &'static str,
    /// The verdicts' words: right, close, wrong.
    pub line_verdicts: [&'static str; 3],
    /// An empty line before any answer is shown in typed mode.
    pub line_grade_first: &'static str,
    /// The answer.
    pub line_answer: &'static str,
    /// The source: sentence, document, line.
    pub line_source: &'static str,
    /// The grades and their intervals.
    pub line_grades: &'static str,
    /// The suggested grade.
    pub line_suggested: &'static str,
    /// Undo with nothing to undo.
    pub line_nothing_to_undo: &'static str,
    /// An unknown command: the command (quoted), the keys.
    pub line_unknown: &'static str,
    /// The keys of typed mode, in the message above.
    pub line_unknown_typed_keys: &'static str,
    /// After `recorded …`: the interval.
    pub line_next_in: &'static str,
    /// `q`.
    pub line_quit: &'static str,
    /// No more cards.
    pub line_done: &'static str,
    /// Learning cards come back at a time.
    pub line_later: &'static str,
    /// Reviews due tomorrow.
    pub line_tomorrow: Forms,

    // Stats.
    /// The heading: deck, cards, reviews.
    pub stats_heading: &'static str,
    /// Reviews.
    pub reviews: Forms,
    /// Cards by state.
    pub stats_by_state: &'static str,
    /// The states: new, learning, review, relearning, suspended.
    pub stats_states: [&'static str; 5],
    /// Reviews per day: total.
    pub stats_per_day: &'static str,
    /// True retention.
    pub stats_retention: &'static str,
    /// Last 30 days: percent, passed, of.
    pub stats_last_30: &'static str,
    /// All time: percent, passed, of.
    pub stats_all_time: &'static str,
    /// Forecast: total.
    pub stats_forecast: &'static str,
    /// Stability.
    pub stats_stability: &'static str,
    /// Stability buckets, shortest first.
    pub stats_buckets: [&'static str; 8],
    /// The SVG charts' titles (after the deck's name) and axes.
    pub plot_per_day: [&'static str; 2],
    /// Forecast chart.
    pub plot_forecast: [&'static str; 2],
    /// Stability chart.
    pub plot_stability: [&'static str; 2],
    /// States chart.
    pub plot_states: [&'static str; 2],
    /// A file written: path.
    pub wrote: &'static str,

    // Quiz.
    /// First line: count, mode, deck, seed.
    pub quiz_heading: Forms,
    /// The modes: typed, multiple choice.
    pub quiz_modes: [&'static str; 2],
    /// A question: number, of, prompt.
    pub quiz_question: &'static str,
    /// Typed: the prompt for the answer.
    pub quiz_answer_prompt: &'static str,
    /// Multiple choice: the prompt (keys).
    pub quiz_choice_prompt: &'static str,
    /// A bad key (keys).
    pub quiz_bad_key: &'static str,
    /// Right.
    pub quiz_right: &'static str,
    /// Close.
    pub quiz_close: &'static str,
    /// Wrong.
    pub quiz_wrong: &'static str,
    /// After close or wrong: the answer.
    pub quiz_the_answer_is: &'static str,
    /// The score: right, asked, percent.
    pub quiz_score: &'static str,
    /// A missed question: prompt, given, right answer.
    pub quiz_missed: &'static str,
    /// No card to ask: the deck.
    pub quiz_no_card: &'static str,

    // Cards.
    /// The phases, as listings show them: new, learning, review, relearning.
    pub phases: [&'static str; 4],
    /// The card kinds: question, cloze, multiple choice.
    pub card_kinds: [&'static str; 3],
    /// The answer kinds: date, person, place, quantity, organisation, other.
    pub answer_kinds: [&'static str; 6],
    /// `cards --show`'s labels, padded: id, kind, question, answer, context, wrong choices,
    /// source, state.
    pub card_labels: [&'static str; 8],
    /// After the phase of a suspended card.
    pub card_suspended: &'static str,
    /// The memory of a card: stability (days), difficulty, due.
    pub card_memory: &'static str,
    /// The list's last line: shown, deck.
    pub cards_in: Forms,
    /// The same for a search: shown, of, deck.
    pub cards_matching: Forms,
    /// The browse view's columns: id, state, due, stability, reviews, question → answer.
    pub browse_columns: [&'static str; 6],
    /// A suspended card in the browse view.
    pub browse_suspended: &'static str,
    /// The browse view's last line: shown, of (the count), deck.
    pub browse_of: Forms,
    /// Cards already suspended (`suspend`).
    pub already_suspended: Forms,
    /// Cards not suspended (`unsuspend`).
    pub not_suspended: Forms,

    // Optimize.
    /// The deck's own log as the source: the deck.
    pub opt_source_log: &'static str,
    /// No reviews: source.
    pub opt_no_reviews: &'static str,
    /// While training: reviews, cards.
    pub opt_training: &'static str,
    /// `optimize`'s progress while it trains on the past and scores the future.
    pub opt_split_progress: &'static str,
    /// The question before saving: deck.
    pub opt_save_question: &'static str,
    /// Yes/no keys after it.
    pub opt_yes_no: &'static str,
    /// The heading: reviews, cards, source, day rule.
    pub opt_heading: &'static str,
    /// Whole days; calendar days from an hour.
    pub opt_day_rules: [&'static str; 2],
    /// Trained in (ms), what.
    pub opt_trained_in: &'static str,
    /// What was trained: all, initial stabilities, defaults kept.
    pub opt_fits: [&'static str; 3],
    /// The metrics' rows: defaults, trained, time-series split.
    pub opt_rows: [&'static str; 3],
    /// The simulation's heading: days, cards studied, new a day.
    pub opt_simulated: &'static str,
    /// The simulation's columns.
    pub opt_columns: [&'static str; 5],
    /// The recommended row's mark.
    pub opt_best_mark: &'static str,
    /// Recommended: retention, current.
    pub opt_recommended: &'static str,
    /// Parameters: list.
    pub opt_parameters: &'static str,
    /// Saved: deck, path.
    pub opt_saved: &'static str,
    /// Not saved: deck.
    pub opt_not_saved: &'static str,
    /// Not saved, no configuration folder.
    pub opt_no_folder: &'static str,
    /// The SVG charts: two titles and axes.
    pub opt_plots: [&'static str; 4],

    // Other commands.
    /// `log`'s first line: path, records.
    pub log_heading: &'static str,
    /// `generate`: cards, documents, deck file, name, seconds.
    pub generated: &'static str,
    /// `generate`'s progress: reading a file (its name), cleaning, writing cards from a
    /// number of sentences.
    pub generate_progress: [&'static str; 3],
    /// Documents: count.
    pub documents: Forms,
    /// `import`: cards, deck file, name.
    pub imported: &'static str,
    /// Duplicate notes skipped: count.
    pub duplicates: Forms,
    /// `export`: cards, deck, file.
    pub exported: &'static str,
    /// `export --apkg`: cards (count), deck, file.
    pub exported_apkg: Forms,
    /// Then: cloze cards, reviews.
    pub exported_apkg_rest: &'static str,
    /// `import` of a package: the cards imported (count).
    pub apkg_imported_cards: Forms,
    /// Then: deck file, name, notes, decks, reviews added, already there.
    pub apkg_imported: &'static str,
    /// `import`'s progress bar: reading notes and cards, reading reviews, converting cards,
    /// writing the log, preparing the first session.
    pub apkg_progress: [&'static str; 5],
    /// Not a zip: file, reason.
    pub apkg_not_zip: &'static str,
    /// A zip without collection: file, what it holds.
    pub apkg_no_collection: &'static str,
    /// What an empty zip holds.
    pub apkg_nothing: &'static str,
    /// A member of the zip that cannot be read: file, member, reason.
    pub apkg_entry: &'static str,
    /// A member that does not unpack: file, member, reason.
    pub apkg_damaged: &'static str,
    /// A collection too large: file, member, GiB.
    pub apkg_too_large: &'static str,
    /// Not a readable collection: file, member, reason.
    pub apkg_unreadable: &'static str,
    /// Its reason: not SQLite (SQLite's words).
    pub apkg_not_sqlite: &'static str,
    /// Its reason: a corrupt database.
    pub apkg_corrupt_sqlite: &'static str,
    /// An unknown schema: version, first read, last read.
    pub apkg_schema: &'static str,
    /// A column that does not parse: which (note types, decks), reason.
    pub apkg_json: &'static str,
    /// Those columns: note types, decks.
    pub apkg_json_what: [&'static str; 2],
    /// A card of no note: file, card, note.
    pub apkg_missing_note: &'static str,
    /// A note of no note type: file, note, note type.
    pub apkg_missing_notetype: &'static str,
    /// A missing card template: file, note type, template number, card.
    pub apkg_no_template: &'static str,
    /// A template showing no field: file, template, note type, fields.
    pub apkg_template_no_field: &'static str,
    /// More decks than a deck file holds: file.
    pub apkg_too_many_decks: &'static str,
    /// Nothing to import: file, notes, cards, the empty ones.
    pub apkg_no_cards: &'static str,
    /// Of them with an empty question: count.
    pub apkg_of_them_empty: &'static str,
    /// A deck name refused: file, name (quoted), reason.
    pub apkg_bad_name: &'static str,
    /// The deck written does not read back: file, reason.
    pub apkg_deck_unreadable: &'static str,
    /// No deck can be made: file, reason.
    pub apkg_cannot_make_deck: &'static str,
    /// Images and media left out: references, files.
    pub apkg_media: &'static str,
    /// Sound tags left as text: count.
    pub apkg_sounds: Forms,
    /// LaTeX left as its source: count.
    pub apkg_latex: Forms,
    /// Cards whose question renders empty: count.
    pub apkg_empty: Forms,
    /// Revlog entries that do not count for FSRS: count.
    pub apkg_left_out: Forms,
    /// Cards whose history starts after learning: count.
    pub apkg_incomplete: Forms,
    /// Buried cards: count.
    pub apkg_buried: Forms,
    /// Revlog rows of an unknown type: count.
    pub apkg_odd_rows: Forms,
    /// Reviews undone by a reset: count.
    pub apkg_undone: Forms,
    /// Cards suspended and unsuspended: counts.
    pub apkg_suspended: &'static str,
    /// Export failures: the collection, the package (reason).
    pub apkg_cannot_write: [&'static str; 2],
    /// `export --into`: deck, file, reviews added, cards updated, cards not in the collection.
    pub into_done: &'static str,
    /// `export --into` with nothing to add: file, deck, cards not in the collection.
    pub into_nothing: &'static str,
    /// Cards of the deck the collection does not hold: count, file.
    pub into_not_held: Forms,
    /// Cards held with a note of another GUID: count, file.
    pub into_other_notes: Forms,
    /// Cards reviewed or reset in Anki since carnet's import: count.
    pub into_changed_in_anki: Forms,
    /// The collection is open elsewhere: file.
    pub into_in_use: &'static str,
    /// Not an Anki collection: file, reason.
    pub into_not_collection: &'static str,
    /// That reason when Anki's tables are missing.
    pub into_no_tables: &'static str,
    /// A collection holding none of the deck's cards: file, deck, cards of other notes.
    pub into_foreign: &'static str,
    /// A deck not imported from Anki: deck.
    pub into_no_origin: &'static str,
    /// A write that failed: file, reason.
    pub into_cannot_write: &'static str,
    /// `memory`: reviews, cards, file.
    pub memory_heading: &'static str,
    /// `memory`: no predictions.
    pub memory_no_predictions: &'static str,
    /// `memory`: predictions, log loss, RMSE, recall rate.
    pub memory_scores: &'static str,
    /// `config`: the file read.
    pub config_file: &'static str,
    /// `config`: no file, the path to create.
    pub config_none: &'static str,
    /// `config`: no configuration folder.
    pub config_no_folder: &'static str,
    /// `config`: the review logs' folder.
    pub config_logs: &'static str,

    // Sync.
    /// A deck's name quoted: name.
    pub quoted: &'static str,
    /// A deck known by its identity only: identity.
    pub deck_by_id: &'static str,
    /// New records: count.
    pub sync_new_records: Forms,
    /// Records already known: count.
    pub sync_already: Forms,
    /// Records written: count.
    pub sync_records: Forms,
    /// Dry run: new records, card, already known, log, deck.
    pub sync_would_merge: &'static str,
    /// The card's log is damaged: file, damage.
    pub sync_damaged: &'static str,
    /// Dry run, another deck on the card: its name, this deck's.
    pub sync_would_leave: &'static str,
    /// Dry run: deck file, cards, name, log file, settings file, manifest.
    pub sync_would_write: &'static str,
    /// Merged: new records, card, reviews, already known, log, deck.
    pub sync_merged: &'static str,
    /// Records dated in the future: count.
    pub sync_future: Forms,
    /// Records dated before the last sync: count.
    pub sync_behind: Forms,
    /// The card's damaged log, refused: card, file, damage, intact records, log.
    pub sync_damaged_error: &'static str,
    /// Another deck on the card, refused: card, its name, log, this deck's name.
    pub sync_other_deck: &'static str,
    /// The damaged log kept: card, file, new name.
    pub sync_kept: &'static str,
    /// Another deck replaced: its name, log.
    pub sync_replaced: &'static str,
    /// Written: deck file, cards, name, log file, records, settings file, card.
    pub sync_wrote: &'static str,

    // Errors.
    /// A configuration file that does not parse: path, reason.
    pub e_config_file: &'static str,
    /// A day start hour out of range: hour, where.
    pub e_day_start: &'static str,
    /// No data folder.
    pub e_no_data_folder: &'static str,
    /// A step that is not a duration: where, step (quoted).
    pub e_step: &'static str,
    /// Not a review log: path, bytes.
    pub e_not_a_log: &'static str,
    /// A record of a newer carnet: path, offset, version.
    pub e_newer_log: &'static str,
    /// The log locked by another carnet: path.
    pub e_log_in_use: &'static str,
    /// Built without the bundled deck.
    pub e_no_bundled: &'static str,
    /// Not a deck: label.
    pub e_not_a_deck: &'static str,
    /// A newer deck format: label, found, read.
    pub e_newer_deck: &'static str,
    /// A truncated deck: label, bytes.
    pub e_truncated_deck: &'static str,
    /// A deck whose checksum fails: label.
    pub e_corrupt_deck: &'static str,
    /// A malformed deck: label, where.
    pub e_malformed_deck: &'static str,
    /// No card with that id prefix: deck, prefix (quoted).
    pub e_no_such_card: &'static str,
    /// Several cards with that id prefix: count, deck, prefix (quoted).
    pub e_ambiguous_card: &'static str,
    /// Not a card id: the text (quoted).
    pub e_not_an_id: &'static str,
    /// A deck too large for the handheld: deck, cards, room.
    pub e_too_many_cards: &'static str,
    /// A card's reviews of no known deck: card, log file, deck file, manifest, deck.
    pub e_unknown_card_deck: &'static str,
    /// A folder that is not a card: folder, files, more, deck file.
    pub e_not_a_card_folder: &'static str,
    /// More files than shown: count.
    pub e_other_files: &'static str,
    /// An image too small: path, bytes.
    pub e_small_image: &'static str,
    /// Not a FAT image: path.
    pub e_not_an_image: &'static str,
    /// mtools missing: tool, reason.
    pub e_no_mtools: &'static str,
    /// `config init` without a folder.
    pub e_no_config_folder: &'static str,
    /// `config init` over a file: path.
    pub e_config_exists: &'static str,
    /// A bad CARNET_NOW: the text (quoted).
    pub e_carnet_now: &'static str,
    /// A folder with no document: folder.
    pub e_empty_folder: &'static str,
    /// The log's records dated in the future: the count first, then the log.
    pub w_future: Forms,
    /// A damaged record: log, offset, bytes, what.
    pub w_damaged: &'static str,
    /// A torn last record: log, bytes, offset; then dropped or ignored.
    pub w_torn: [&'static str; 3],
    /// A card's torn last record: card, offset.
    pub w_card_torn: &'static str,
    /// A card log's damage: stretches, bytes, first offset.
    pub w_card_damage: Forms,
    /// A newer card log: card, offset, version.
    pub e_newer_card_log: &'static str,
    /// Logs moved to the deck's identity: records (forms), deck, from, to, then what is left.
    pub w_migrated: Forms,
    /// The old log kept renamed: path.
    pub w_migrated_kept: &'static str,
    /// The old log keeps other records: count (forms).
    pub w_migrated_others: Forms,
    /// A file that is not UTF-8: path, offset.
    pub e_not_utf8: &'static str,
    /// A CSV that is not UTF-8: path, offset.
    pub e_not_utf8_csv: &'static str,
    /// A name refused for a deck: name (quoted), reason.
    pub e_deck_name: &'static str,
    /// More documents than a deck holds: path.
    pub e_too_many_documents: &'static str,
    /// A deck that cannot be made: path, reason.
    pub e_cannot_make_deck: &'static str,
    /// An empty CSV: path, header.
    pub e_empty_csv: &'static str,
    /// A CSV without reviews: path.
    pub e_no_reviews_csv: &'static str,
    /// An Anki file without notes: path.
    pub e_no_notes: &'static str,
    /// An Anki text header naming an unknown separator: the value.
    pub e_anki_separator: &'static str,
    /// An Anki text `#html:` neither true nor false: the value.
    pub e_anki_html: &'static str,
    /// An Anki text header naming a column that is no number: the value.
    pub e_anki_column: &'static str,
    /// A deck's parameters file that does not parse: path, reason.
    pub e_parameters_file: &'static str,
    /// A deck's parameters refused: path, reason.
    pub e_parameters_refused: &'static str,
    /// A path without a file name: path.
    pub e_not_a_file_name: &'static str,
    /// Training gave parameters out of range: reason.
    pub e_out_of_range: &'static str,
    /// The answer cannot be read: reason.
    pub e_cannot_read_answer: &'static str,
    /// How a deck is named in messages: the bundled one, a file (path).
    pub deck_labels: [&'static str; 2],
    /// Where a deck fails to decode: header; trailing bytes (count, byte); index; card (number, of, from, to); names.
    pub malformed_where: [&'static str; 5],
    /// A clock out of range: the time, which clock, the latest time.
    pub e_clock: &'static str,
    /// The system's clock, in that message.
    pub system_clock: &'static str,
    /// The card cannot be opened: card, reason.
    pub e_open_card: &'static str,
    /// A file on the card cannot be read: path, reason.
    pub e_card_read: &'static str,
    /// The card's folder cannot be listed: folder, reason.
    pub e_card_list: &'static str,
    /// A file in an image cannot be read: image, file, reason.
    pub e_card_read_file: &'static str,
    /// A file in an image cannot be written: image, file, reason.
    pub e_card_write_file: &'static str,
    /// No free name left on the card: card, stem, extension.
    pub e_card_names: &'static str,
    /// Before every warning.
    pub warning_prefix: &'static str,
    /// Before every error message.
    pub error_prefix: &'static str,
    /// Stdout cannot be written: reason.
    pub cannot_write_stdout: &'static str,
    /// The terminal cannot be set up: reason.
    pub cannot_set_up_terminal: &'static str,
    /// Drawing failed: reason.
    pub cannot_draw: &'static str,
    /// The keyboard cannot be read: reason.
    pub cannot_read_keyboard: &'static str,
    /// Stdin cannot be read: reason.
    pub cannot_read_stdin: &'static str,
    /// A bad `language` in the configuration file: where, value.
    pub bad_language: &'static str,
    /// Reasons of I/O errors: not found, permission denied, is a directory, not a directory.
    pub io_reasons: [&'static str; 4],
}

/// French.
pub const FRENCH: Messages = Messages {
    language: Language::French,
    grade_names: ["Encore", "Difficile", "Bien", "Facile"],
    short_grade_names: ["Enc.", "Diff.", "Bien", "Fac."],
    decimal_separator: ',',
    day_unit: "j",
    month_unit: "mois",
    year_unit: "an",
    years_unit: "ans",

    tui_reveal_first: "Espace pour voir la réponse, puis 1–4.",
    tui_recorded: "Enregistré : {} · revient dans {}",
    tui_grade_undone: "Dernière note annulée.",
    tui_suspend_undone: "Suspension annulée.",
    tui_nothing_to_undo: "Rien à annuler dans cette séance.",
    tui_suspended: "Carte suspendue (u pour annuler).",
    tui_counters: ["Nouvelles", "Apprentissage", "À revoir"],
    tui_short_counters: ["Nouv.", "Appr.", "À rev."],
    tui_choices: "Choix : {}",
    tui_your_answer: "Votre réponse : ",
    tui_verdicts: ["juste", "presque (une faute de frappe)", "faux"],
    tui_source: "— {}, ligne {}",
    tui_question_title: " Question ",
    tui_more_below: " ▼ ↓ plus ",
    tui_typing_keys: [
        "Entrée valider · Échap quitter · Ctrl-Z annuler · Ctrl-S suspendre",
        "Entrée valider · Échap quitter · Ctrl-Z annuler",
        "Entrée valider · Échap quitter",
    ],
    tui_question_keys: [
        "espace réponse · u annuler · s suspendre · q quitter",
        "espace réponse · u annul. · s susp. · q quitter",
        "espace réponse · q quitter",
    ],
    tui_checked_keys: [
        "1–4 noter · Entrée note suggérée · u annuler · s suspendre · q quitter",
        "1–4 noter · Entrée suggérée · u annuler · q quitter",
        "1–4 · Entrée suggérée · q quitter",
    ],
    tui_answer_keys: [
        "1–4 noter · u annuler · s suspendre · q quitter",
        "1–4 · u annuler · s suspendre · q quitter",
        "1–4 · u annul. · s susp. · q quitter",
        "1–4 noter · q quitter",
    ],
    tui_finished: "Terminé pour l'instant !",
    tui_graded: forms("Carte notée : {}", "Cartes notées : {}"),
    tui_of_which_new: forms(" (dont {} nouvelle)", " (dont {} nouvelles)"),
    tui_answer_time: "Temps de réponse : {} min {} s",
    tui_suspended_count: "Suspendues : {}",
    tui_learning_back: "Cartes en apprentissage : de retour à {}",
    tui_tomorrow: forms("Demain : {} révision", "Demain : {} révisions"),
    tui_summary_title: " Bilan ",
    tui_any_key: "une touche pour quitter",
    session_saved: "carnet : séance sur {} enregistrée dans {}",
    session_summary: "bilan : ",
    session_graded: forms("{} carte notée", "{} cartes notées"),
    session_suspended: forms("{} suspendue", "{} suspendues"),

    line_deck: "paquet : {} ({}) · journal : {}",
    cards: forms("{} carte", "{} cartes"),
    line_typed_keys: "touches : tapez la réponse · :u annuler · :s suspendre · :q quitter",
    line_keys: "touches : show réponse · 1-4 noter · u annuler · s suspendre · q quitter",
    line_situation: "situation : {}",
    line_question: "question : {}",
    line_choices: "choix : {}",
    line_verdict: "verdict : {}",
    line_verdicts: ["juste", "presque", "faux"],
    line_grade_first: "? notez de 1 à 4",
    line_answer: "réponse : {}",
    line_source: "source : {} ({}:{})",
    line_grades: "notes : {}",
    line_suggested: "note suggérée : {} (ligne vide pour l'accepter)",
    line_nothing_to_undo: "? rien à annuler dans cette séance",
    line_unknown: "? commande inconnue {} : {}",
    line_unknown_typed_keys: ":u, :s, :q, ou une réponse",
    line_next_in: "revient dans {}",
    line_quit: "fin : tout est enregistré",
    line_done: "terminé : plus de carte pour l'instant",
    line_later: "plus tard : les cartes en apprentissage reviennent à {}",
    line_tomorrow: forms(
        "demain : {} révision prévue",
        "demain : {} révisions prévues",
    ),

    stats_heading: "{} · {} · {}",
    reviews: forms("{} révision", "{} révisions"),
    stats_by_state: "Cartes par état",
    stats_states: [
        "nouvelles",
        "en apprentissage",
        "à revoir",
        "à réapprendre",
        "suspendues",
    ],
    stats_per_day: "Révisions par jour, 30 derniers jours ({} en tout)",
    stats_retention: "Rétention réelle (révisions de cartes acquises réussies)",
    stats_last_30: "  30 derniers jours : {} ({} sur {})",
    stats_all_time: "  depuis le début :   {} ({} sur {})",
    stats_forecast: "À revoir dans les 30 jours ({} ; les retards comptent aujourd'hui)",
    stats_stability: "Stabilité des cartes acquises",
    stats_buckets: [
        "< 1 j",
        "1–3 j",
        "3–7 j",
        "7–14 j",
        "14–30 j",
        "1–3 mois",
        "3–12 mois",
        "> 1 an",
    ],
    plot_per_day: ["révisions par jour", "révisions"],
    plot_forecast: ["à revoir dans les 30 jours", "cartes à revoir"],
    plot_stability: ["stabilité des cartes acquises", "cartes"],
    plot_states: ["cartes par état", "cartes"],
    wrote: "écrit : {}",

    quiz_heading: forms(
        "quiz : {} question ({}) sur {} · graine {}",
        "quiz : {} questions ({}) sur {} · graine {}",
    ),
    quiz_modes: ["réponse tapée", "choix multiple"],
    quiz_question: "question {}/{} : {}",
    quiz_answer_prompt: "réponse ? (q pour arrêter)",
    quiz_choice_prompt: "choix ? ({}, q pour arrêter)",
    quiz_bad_key: "? répondez par {}, ou q",
    quiz_right: "juste",
    quiz_close: "presque",
    quiz_wrong: "faux",
    quiz_the_answer_is: "{} — la réponse est {}",
    quiz_score: "score : {}/{} ({} %)",
    quiz_missed: "manquée : {} — votre réponse : {} — la bonne : {}",
    quiz_no_card: "{} n'a aucune carte à demander",

    phases: ["nouvelle", "apprentissage", "révision", "à réapprendre"],
    card_kinds: ["question", "à trous", "choix"],
    answer_kinds: [
        "date",
        "personne",
        "lieu",
        "quantité",
        "organisation",
        "autre",
    ],
    card_labels: [
        "id :        ",
        "type :      ",
        "question :  ",
        "réponse :   ",
        "contexte :  ",
        "leurres :   ",
        "source :    ",
        "état :      ",
    ],
    card_suspended: ", suspendue",
    card_memory: ", stabilité {} j, difficulté {}, échéance {}",
    cards_in: forms("{} carte dans {}", "{} cartes dans {}"),
    cards_matching: forms(
        "{} carte trouvée sur {} dans {}",
        "{} cartes trouvées sur {} dans {}",
    ),
    browse_columns: [
        "id",
        "état",
        "échéance",
        "stabilité",
        "révis.",
        "question → réponse",
    ],
    browse_suspended: ", susp.",
    browse_of: forms("{} sur {} carte dans {}", "{} sur {} cartes dans {}"),
    already_suspended: forms("{} carte déjà suspendue", "{} cartes déjà suspendues"),
    not_suspended: forms(
        "{} carte n'était pas suspendue",
        "{} cartes n'étaient pas suspendues",
    ),

    opt_source_log: "le journal des révisions de {}",
    opt_no_reviews: "{} : aucune révision pour l'entraînement (étudiez d'abord, ou donnez un CSV de révisions)",
    opt_training: "entraînement sur {} révisions de {} cartes…",
    opt_split_progress: "entraînement sur le passé, évaluation sur la suite…",
    opt_save_question: "Garder ces paramètres pour {} ?",
    opt_yes_no: "[o/N]",
    opt_heading: "{} révisions de {} cartes, d'après {} ; jours comptés {}",
    opt_day_rules: ["par périodes entières de 24 h", "à partir de {} h chaque jour"],
    opt_trained_in: "entraîné en {} ms : {}",
    opt_fits: [
        "les 21 paramètres",
        "les stabilités initiales seulement (peu de révisions)",
        "trop peu de révisions : les paramètres par défaut restent",
    ],
    opt_rows: [
        "par défaut, sur cet historique",
        "entraînés, sur cet historique",
        "entraînés sur le passé, futur noté",
    ],
    opt_simulated: "\nles {} prochains jours simulés avec ces paramètres ({} cartes étudiées, {} nouvelles par jour) :",
    opt_columns: ["rétention", "révis./jour", "minutes/jour", "retenues", "secondes/retenue"],
    opt_best_mark: "  ← le moins de travail par carte retenue",
    opt_recommended: "rétention recommandée : {} (actuelle {} ; `--retention` ou `desired_retention` dans la configuration la règle)",
    opt_parameters: "paramètres : {}",
    opt_saved: "gardés pour {} : {}",
    opt_not_saved: "non gardés (relancez avec --yes pour les garder pour {})",
    opt_no_folder: "non gardés : aucun dossier de configuration n'est connu ici",
    opt_plots: [
        "Révisions par jour selon la rétention visée",
        "révisions par jour",
        "Cartes retenues à la fin selon la rétention visée",
        "cartes retenues",
    ],

    log_heading: "journal : {} ({})",
    generated: "{} générées d'après {} dans {} ({}) en {} s",
    generate_progress: ["lecture de {}", "nettoyage", "écriture des cartes de {} phrases"],
    documents: forms("{} document", "{} documents"),
    imported: "{} importées dans {} ({}){}",
    duplicates: forms(" ({} note en double ignorée)", " ({} notes en double ignorées)"),
    exported: "{} de {} exportées dans {}",
    exported_apkg: forms("{} carte de {} exportée dans {}", "{} cartes de {} exportées dans {}"),
    exported_apkg_rest: " (dont {} textes à trous), avec {}",
    apkg_imported_cards: forms("{} carte importée", "{} cartes importées"),
    apkg_imported: " dans {} ({}) · notes : {} · paquets Anki : {} · révisions nouvelles dans le journal : {} (déjà présentes : {})",
    apkg_progress: [
        "lecture des notes et des cartes",
        "lecture des révisions",
        "conversion des cartes",
        "écriture du journal",
        "préparation de la première séance",
    ],
    apkg_not_zip: "{} : ce n'est pas un paquet Anki (un .apkg ou un .colpkg est une archive zip) : {}",
    apkg_no_collection: "{} : l'archive ne contient aucune collection Anki (collection.anki21b, collection.anki21 ou collection.anki2) ; elle contient {}",
    apkg_nothing: "rien",
    apkg_entry: "{} : impossible de lire {} dans l'archive : {}",
    apkg_damaged: "{} : {} ne se décompresse pas ({}) : le paquet est endommagé",
    apkg_too_large: "{} : {} fait plus de {} Gio une fois décompressé",
    apkg_unreadable: "{} : {} n'est pas une collection Anki lisible : {}",
    apkg_not_sqlite: "ce n'est pas une base SQLite ({})",
    apkg_corrupt_sqlite: "la base SQLite est endommagée",
    apkg_schema: "version {} du schéma de la collection ; carnet lit les versions {} à {} (Anki 2.1 à 25.x) : exportez-la de nouveau depuis Anki, ou mettez carnet à jour",
    apkg_json: "{} illisibles : {}",
    apkg_json_what: ["ses types de notes (col.models)", "ses paquets (col.decks)"],
    apkg_missing_note: "{} : la carte {} appartient à la note {}, absente de la collection (vérifiez la collection dans Anki : Outils > Vérifier la base de données)",
    apkg_missing_notetype: "{} : la note {} est du type {}, absent de la collection",
    apkg_no_template: "{} : le type de notes {} n'a pas de modèle de carte {} (la carte {} s'en sert) : aucun modèle utilisable",
    apkg_template_no_field: "{} : la question du modèle {} du type de notes {} ne montre aucun champ de la note ({}) : aucun modèle utilisable",
    apkg_too_many_decks: "{} : plus de 65 536 paquets",
    apkg_no_cards: "{} : la collection ne contient aucune carte à importer ({} notes, {} cartes{}) ; rien n'a été écrit",
    apkg_of_them_empty: ", dont {} à la question vide",
    apkg_bad_name: "{} : impossible de nommer le paquet {} : {} (choisissez un nom avec --name)",
    apkg_deck_unreadable: "{} : le paquet qui en est fait ne se relit pas : {}",
    apkg_cannot_make_deck: "{} : impossible d'en faire un paquet : {}",
    apkg_media: "images et médias non importés (carnet n'affiche que du texte) : références d'images dans les notes : {}, fichiers de médias dans le paquet : {}",
    apkg_sounds: forms("{} balise [sound:…] reste telle quelle dans le texte (carnet ne joue aucun son)", "{} balises [sound:…] restent telles quelles dans le texte (carnet ne joue aucun son)"),
    apkg_latex: forms("{} expression LaTeX ([latex], [$], [$$]) reste dans le texte sous sa forme source", "{} expressions LaTeX ([latex], [$], [$$]) restent dans le texte sous leur forme source"),
    apkg_empty: forms("{} carte à la question vide a été ignorée", "{} cartes à la question vide ont été ignorées"),
    apkg_left_out: forms("{} entrée de l'historique ne compte pas pour l'état de mémoire, comme dans le FSRS d'Anki (sans note, date d'échéance fixée, replanification, révision dans un paquet filtré sans replanification, historique d'avant une remise à zéro) : non importée", "{} entrées de l'historique ne comptent pas pour l'état de mémoire, comme dans le FSRS d'Anki (sans note, date d'échéance fixée, replanification, révision dans un paquet filtré sans replanification, historique d'avant une remise à zéro) : non importées"),
    apkg_incomplete: forms("{} carte a des révisions mais pas d'étape d'apprentissage au début de son historique (remise à zéro, ou révisions anciennes effacées) : carnet la fait partir de sa première révision gardée, Anki de son intervalle et de sa facilité SM-2", "{} cartes ont des révisions mais pas d'étape d'apprentissage au début de leur historique (remise à zéro, ou révisions anciennes effacées) : carnet les fait partir de leur première révision gardée, Anki de leur intervalle et de leur facilité SM-2"),
    apkg_buried: forms("{} carte enfouie ne l'est pas dans carnet (il n'enfouit les cartes sœurs que pour la journée)", "{} cartes enfouies ne le sont pas dans carnet (il n'enfouit les cartes sœurs que pour la journée)"),
    apkg_odd_rows: forms("{} ligne de l'historique d'un type ou d'une note qu'Anki n'écrit pas a été ignorée", "{} lignes de l'historique d'un type ou d'une note qu'Anki n'écrit pas ont été ignorées"),
    apkg_undone: forms("{} révision du journal d'avant une remise à zéro dans Anki est annulée", "{} révisions du journal d'avant une remise à zéro dans Anki sont annulées"),
    apkg_suspended: "cartes suspendues comme dans Anki : {}, réactivées : {}",
    apkg_cannot_write: ["impossible d'écrire la collection Anki : {}", "impossible d'écrire le paquet : {}"],
    into_done: "révisions de {} écrites dans {} : révisions ajoutées : {} · cartes mises à jour : {} · cartes absentes de la collection : {}",
    into_nothing: "{} contient déjà toutes les révisions de {} : rien n'a été écrit (cartes absentes de la collection : {})",
    into_not_held: forms("{} carte du paquet n'est pas dans {} (faite par carnet, ou supprimée dans Anki) : elle n'y est pas écrite ; carnet export --apkg l'apporte à Anki", "{} cartes du paquet ne sont pas dans {} (faites par carnet, ou supprimées dans Anki) : elles n'y sont pas écrites ; carnet export --apkg les apporte à Anki"),
    into_other_notes: forms("{} carte a dans {} une autre note que celle dont elle vient (une autre collection ?) : elle n'y est pas écrite", "{} cartes ont dans {} une autre note que celle dont elles viennent (une autre collection ?) : elles n'y sont pas écrites"),
    into_changed_in_anki: forms("{} carte a été révisée ou remise à zéro dans Anki depuis son import dans carnet : laissée telle quelle ; importez d'abord dans carnet un nouvel export d'Anki (carnet import), puis relancez export --into", "{} cartes ont été révisées ou remises à zéro dans Anki depuis leur import dans carnet : laissées telles quelles ; importez d'abord dans carnet un nouvel export d'Anki (carnet import), puis relancez export --into"),
    into_in_use: "{} est en cours d'utilisation (ouverte dans Anki ?) : fermez Anki, puis recommencez ; rien n'a été écrit",
    into_not_collection: "{} : ce n'est pas une collection Anki ({})",
    into_no_tables: "il y manque les tables col, cards, notes et revlog d'Anki",
    into_foreign: "{} ne contient aucune carte de {} ({} de ses cartes y ont une autre note) : ce n'est pas la collection dont il vient ; rien n'a été écrit",
    into_no_origin: "{} ne vient pas d'Anki (carnet n'a pas gardé ses cartes Anki) : export --into écrit dans la collection dont un paquet a été importé ; export --apkg en fait un paquet Anki",
    into_cannot_write: "impossible d'écrire dans {} : {}",
    memory_heading: "{} de {} d'après {}",
    memory_no_predictions: "prédictions : aucune (une prédiction est faite à chaque révision d'une carte après la première ; aucune carte ici n'a été révisée deux fois), donc ni log loss ni RMSE",
    memory_scores: "prédictions : {} · log loss {} · RMSE (20 classes) {} · taux de rappel {}",
    config_file: "# fichier de configuration : {}",
    config_none: "# pas de fichier de configuration ; créez {} pour changer ces réglages",
    config_no_folder: "# aucun dossier de configuration n'est connu sur cette plateforme",
    config_logs: "# journaux des révisions : {}",

    quoted: "« {} »",
    deck_by_id: "paquet {}",
    sync_new_records: forms("{} nouvel enregistrement", "{} nouveaux enregistrements"),
    sync_already: forms("{} déjà connu", "{} déjà connus"),
    sync_records: forms("{} enregistrement", "{} enregistrements"),
    sync_would_merge: "fusionnerait {} de {} ({}) dans {} ({})",
    sync_damaged: "{} sur la carte est endommagé : {}",
    sync_would_leave: "la carte porte un autre paquet ({}) : elle resterait telle quelle \
                       (--replace y met « {} »)",
    sync_would_write: "écrirait ensuite sur la carte {} ({}, « {} »), {}, {} et {}",
    sync_merged: "fusionné : {} de {} ({} ; {}) dans {} ({})",
    sync_future: forms(
        "{} enregistrement de la carte est daté de plus d'un jour après l'horloge de cet \
         ordinateur (l'horloge de l'appareil est fausse ?) : il reste dans le journal, hors du \
         calendrier jusqu'à cette date, et ne décale jamais l'heure des nouvelles révisions",
        "{} enregistrements de la carte sont datés de plus d'un jour après l'horloge de cet \
         ordinateur (l'horloge de l'appareil est fausse ?) : ils restent dans le journal, hors \
         du calendrier jusqu'à cette date, et ne décalent jamais l'heure des nouvelles révisions",
    ),
    sync_behind: forms(
        "{} enregistrement de la carte est daté de plus d'un jour avant la dernière synchro : \
         l'horloge de l'appareil retarde. Il est gardé et compté à la date qu'il porte ; \
         réglez l'horloge de l'appareil",
        "{} enregistrements de la carte sont datés de plus d'un jour avant la dernière synchro : \
         l'horloge de l'appareil retarde. Ils sont gardés et comptés à la date qu'ils portent ; \
         réglez l'horloge de l'appareil",
    ),
    sync_damaged_error: "{} : {} est endommagé ({}) ; ses enregistrements intacts ({}) sont \
                         gardés dans {}, et la carte est restée telle quelle. Lancez `carnet \
                         sync --salvage` pour réécrire le journal de la carte à partir des \
                         enregistrements intacts (le fichier endommagé est gardé sur la carte \
                         sous un autre nom)",
    sync_other_deck: "{} porte un autre paquet, {} : ses révisions sont fusionnées dans \
                      l'historique de ce paquet ({}), et la carte est restée telle quelle. Pour \
                      mettre « {} » sur la carte à sa place, relancez avec --replace (les \
                      révisions de l'ancien paquet restent dans le dépôt du terminal ; \
                      synchronisez ce paquet pour le remettre)",
    sync_kept: "{} : le {} endommagé est gardé sur la carte sous le nom {}",
    sync_replaced: "{} remplacé sur la carte (ses révisions sont dans {})",
    sync_wrote: "{} ({}, « {} »), {} ({}) et {} écrits sur {}",

    e_config_file: "fichier de configuration {} : {}",
    e_day_start: "heure de début de journée {} ({}) : donnez une heure de 0 à 23",
    e_no_data_folder: "aucun dossier de données n'est connu sur cette plateforme : passez --data-dir DOSSIER ou réglez CARNET_DATA_DIR",
    e_step: "{} : l'étape {} n'est pas une durée : écrivez 30s, 10m, 1h ou 2d",
    e_not_a_log: "journal des révisions {} : aucun enregistrement de ses {} octets n'est lisible : ce n'est pas un journal de carnet (laissé tel quel ; déplacez-le pour commencer un nouveau journal)",
    e_newer_log: "journal des révisions {} : l'enregistrement à l'octet {} a été écrit par un carnet plus récent (format de journal {}) ; mettez carnet à jour pour lire ce journal",
    e_log_in_use: "le journal des révisions {} est utilisé par un autre carnet (il tient le verrou) : terminez ou quittez d'abord cette séance",
    e_no_bundled: "ce carnet a été construit sans son paquet intégré (cards/decks/bundled.deck manquait à la construction) : passez --deck FICHIER, ou construisez un paquet avec `carnet generate cards/corpus -o mon.deck`",
    e_not_a_deck: "{} n'est pas un paquet carnet (il ne commence pas par `CARNETDK`)",
    e_newer_deck: "{} est au format de paquet {}, plus récent que le format {} que lit ce carnet ; mettez carnet à jour",
    e_truncated_deck: "{} est tronqué : ses {} octets s'arrêtent avant les données qu'il annonce",
    e_corrupt_deck: "{} est corrompu : sa somme de contrôle ne correspond pas à son contenu",
    e_malformed_deck: "{} est mal formé : {}",
    e_no_such_card: "aucune carte de {} n'a d'identifiant commençant par {}",
    e_ambiguous_card: "{} cartes de {} ont un identifiant commençant par {} ; donnez plus de chiffres",
    e_not_an_id: "{} n'est pas un identifiant de carte (hexadécimal, comme `carnet cards` les liste)",
    e_too_many_cards: "{} : {} cartes, et l'appareil a de la place pour {} au plus ; rien n'a changé. Faites un paquet plus petit pour l'appareil (carnet generate sur moins de documents)",
    e_unknown_card_deck: "{} : la carte a des révisions dans {} mais ni {} ni {} lisible pour dire à quel paquet elles appartiennent, et ce ne sont pas toutes des cartes de « {} » ; rien n'a changé (synchronisez avec le paquet pour lequel la carte a été faite)",
    e_not_a_card_folder: "{} : ce dossier n'est pas une carte SD de carnet : il contient {}{} et pas de {} ; donnez le point de montage de la carte, ou un dossier vide pour une nouvelle carte",
    e_other_files: " et {} autre(s) fichier(s)",
    e_small_image: "{} : pas une image de carte SD (seulement {} octets)",
    e_not_an_image: "{} : pas une image de carte SD : ni MBR avec une partition FAT, ni secteur de démarrage FAT",
    e_no_mtools: "impossible de lancer {} ({}) : les images de carte SD se lisent et s'écrivent avec mtools (paquet Debian `mtools`) ; ou montez la carte et donnez son dossier",
    e_no_config_folder: "aucun dossier de configuration n'est connu sur cette plateforme : donnez --config FICHIER",
    e_config_exists: "{} existe déjà : modifiez-le (carnet config montre les réglages en vigueur)",
    e_carnet_now: "CARNET_NOW={} n'est pas une date : donnez du RFC 3339 (2024-03-29T08:00:00Z) ou des secondes depuis 1970",
    e_empty_folder: "{} : le dossier ne contient aucun document",
    w_future: forms(
        "{} enregistrement du journal {} est daté de plus d'un jour après maintenant (horloge fausse ?) : il reste dans le journal, hors du calendrier jusqu'à cette date, et l'heure des nouvelles révisions l'ignore",
        "{} enregistrements du journal {} sont datés de plus d'un jour après maintenant (horloge fausse ?) : ils restent dans le journal, hors du calendrier jusqu'à cette date, et l'heure des nouvelles révisions les ignore",
    ),
    w_damaged: "journal des révisions {} : l'enregistrement à l'octet {} ({} octets) est endommagé ({}) ; il est sauté et les enregistrements suivants sont gardés",
    w_torn: [
        "journal des révisions {} : le dernier enregistrement ({} octets à l'octet {}) a été coupé par une écriture interrompue ; {}",
        "il est supprimé",
        "il est ignoré",
    ],
    w_card_torn: "{} : le dernier enregistrement (octet {}) est inachevé, d'une écriture interrompue ; il est supprimé",
    w_card_damage: forms(
        "{} passage endommagé, {} octets, le premier à l'octet {}",
        "{} passages endommagés, {} octets, le premier à l'octet {}",
    ),
    e_newer_card_log: "{} : l'enregistrement à l'octet {} a été écrit par un carnet plus récent (format de journal {}) ; mettez carnet à jour",
    w_migrated: forms(
        "les journaux des révisions sont maintenant rangés par identité de paquet : {} enregistrement de {} déplacé de {} vers {} ; {}",
        "les journaux des révisions sont maintenant rangés par identité de paquet : {} enregistrements de {} déplacés de {} vers {} ; {}",
    ),
    w_migrated_kept: "il est gardé sous le nom {}",
    w_migrated_others: forms(
        "il garde {} autre enregistrement (d'un autre paquet du même nom, ou endommagé)",
        "il garde ses {} autres enregistrements (d'un autre paquet du même nom, ou endommagés)",
    ),
    e_not_utf8: "{} : pas du texte UTF-8 (octet invalide à la position {})",
    e_not_utf8_csv: "{} : pas du texte UTF-8 (octet invalide à la position {}) ; un journal de révisions CSV au format josh était attendu",
    e_deck_name: "impossible de nommer le paquet {} : {} (choisissez-en un avec --name)",
    e_too_many_documents: "{} : plus de 65 536 documents sources",
    e_cannot_make_deck: "{} : impossible d'en faire un paquet : {}",
    e_empty_csv: "{} : fichier vide ; un en-tête `{}` puis une révision par ligne étaient attendus",
    e_no_reviews_csv: "{} : aucune révision après l'en-tête",
    e_no_notes: "{} : aucune note après les lignes d'en-tête",
    e_anki_separator: "séparateur inconnu {}",
    e_anki_html: "#html vaut true ou false, pas {}",
    e_anki_column: "colonne invalide {}",
    e_parameters_file: "paramètres du paquet {} : {}",
    e_parameters_refused: "paramètres du paquet {} : {} (supprimez le fichier pour revenir aux valeurs par défaut, ou relancez `carnet optimize`)",
    e_not_a_file_name: "{} n'est pas un nom de fichier",
    e_out_of_range: "l'entraînement a donné des paramètres hors limites : {}",
    e_cannot_read_answer: "impossible de lire la réponse : {}",
    deck_labels: ["le paquet intégré", "paquet {}"],
    malformed_where: [
        "les positions et comptes de son en-tête sont incohérents",
        "{} octets suivent la somme de contrôle à la fin annoncée par son en-tête (octet {})",
        "son index des cartes est tronqué",
        "la carte {} sur {} (octets {}–{}) ne se décode pas",
        "ses noms, son index ou ses identifiants ne correspondent pas à ses cartes",
    ],
    e_clock: "l'horloge indique {} ({}) : les calendriers de carnet tiennent des dates de 1970 à {} UTC (secondes sur 32 bits) ; réglez l'horloge du système (ou CARNET_NOW)",
    system_clock: "horloge du système",
    e_open_card: "{} : impossible d'ouvrir la carte SD : {}",
    e_card_read: "{} : lecture impossible : {}",
    e_card_list: "{} : impossible de lister : {}",
    e_card_read_file: "{} : impossible de lire {} : {}",
    e_card_write_file: "{} : impossible d'écrire {} : {}",
    e_card_names: "{} : déjà 99 fichiers nommés {}nn.{} : déplacez-en quelques-uns",
    warning_prefix: "carnet : attention : ",
    error_prefix: "carnet : erreur : ",
    cannot_write_stdout: "impossible d'écrire sur la sortie standard : {}",
    cannot_set_up_terminal: "impossible de préparer le terminal : {}",
    cannot_draw: "impossible de dessiner dans le terminal : {}",
    cannot_read_keyboard: "impossible de lire le clavier : {}",
    cannot_read_stdin: "impossible de lire l'entrée standard : {}",
    bad_language: "{} : langue {} inconnue : écrivez \"fr\" ou \"en\"",
    io_reasons: [
        "fichier ou dossier introuvable",
        "permission refusée",
        "c'est un dossier",
        "un élément du chemin n'est pas un dossier",
    ],
};

/// English.
pub const ENGLISH: Messages = Messages {
    language: Language::English,
    grade_names: ["Again", "Hard", "Good", "Easy"],
    short_grade_names: ["Again", "Hard", "Good", "Easy"],
    decimal_separator: '.',
    day_unit: "d",
    month_unit: "mo",
    year_unit: "y",
    years_unit: "y",

    tui_reveal_first: "Space shows the answer, then 1–4.",
    tui_recorded: "Recorded: {} · back in {}",
    tui_grade_undone: "Last grade undone.",
    tui_suspend_undone: "Suspension undone.",
    tui_nothing_to_undo: "Nothing to undo in this session.",
    tui_suspended: "Card suspended (u to undo).",
    tui_counters: ["New", "Learning", "Due"],
    tui_short_counters: ["New", "Learn.", "Due"],
    tui_choices: "Choices: {}",
    tui_your_answer: "Your answer: ",
    tui_verdicts: ["right", "close (one typo)", "wrong"],
    tui_source: "— {}, line {}",
    tui_question_title: " Question ",
    tui_more_below: " ▼ ↓ more ",
    tui_typing_keys: [
        "Enter check · Esc quit · Ctrl-Z undo · Ctrl-S suspend",
        "Enter check · Esc quit · Ctrl-Z undo",
        "Enter check · Esc quit",
    ],
    tui_question_keys: [
        "space answer · u undo · s suspend · q quit",
        "space answer · u undo · s susp. · q quit",
        "space answer · q quit",
    ],
    tui_checked_keys: [
        "1–4 grade · Enter suggested grade · u undo · s suspend · q quit",
        "1–4 grade · Enter suggested · u undo · q quit",
        "1–4 · Enter suggested · q quit",
    ],
    tui_answer_keys: [
        "1–4 grade · u undo · s suspend · q quit",
        "1–4 · u undo · s suspend · q quit",
        "1–4 · u undo · s susp. · q quit",
        "1–4 grade · q quit",
    ],
    tui_finished: "Done for now!",
    tui_graded: forms("Card graded: {}", "Cards graded: {}"),
    tui_of_which_new: forms(" ({} new)", " ({} new)"),
    tui_answer_time: "Answer time: {} min {} s",
    tui_suspended_count: "Suspended: {}",
    tui_learning_back: "Cards in learning: back at {}",
    tui_tomorrow: forms("Tomorrow: {} review", "Tomorrow: {} reviews"),
    tui_summary_title: " Summary ",
    tui_any_key: "any key to quit",
    session_saved: "carnet: session on {} saved to {}",
    session_summary: "summary: ",
    session_graded: forms("{} card graded", "{} cards graded"),
    session_suspended: forms("{} suspended", "{} suspended"),

    line_deck: "deck: {} ({}) · log: {}",
    cards: forms("{} card", "{} cards"),
    line_typed_keys: "keys: type the answer · :u undo · :s suspend · :q quit",
    line_keys: "keys: show · 1-4 grade · u undo · s suspend · q quit",
    line_situation: "situation: {}",
    line_question: "question: {}",
    line_choices: "choices: {}",
    line_verdict: "verdict: {}",
    line_verdicts: ["correct", "close", "wrong"],
    line_grade_first: "? grade with 1-4",
    line_answer: "answer: {}",
    line_source: "source: {} ({}:{})",
    line_grades: "grades: {}",
    line_suggested: "suggested: {} (empty line to accept)",
    line_nothing_to_undo: "? nothing to undo in this session",
    line_unknown: "? unknown command {}: {}",
    line_unknown_typed_keys: ":u, :s, :q, or an answer",
    line_next_in: "next in {}",
    line_quit: "quit: everything is saved",
    line_done: "done: no more cards for now",
    line_later: "later: cards in learning come back at {}",
    line_tomorrow: forms("tomorrow: {} review due", "tomorrow: {} reviews due"),

    stats_heading: "{} · {} · {}",
    reviews: forms("{} review", "{} reviews"),
    stats_by_state: "Cards by state",
    stats_states: ["new", "learning", "review", "relearning", "suspended"],
    stats_per_day: "Reviews per day, last 30 days ({} in all)",
    stats_retention: "True retention (reviews of graduated cards recalled)",
    stats_last_30: "  last 30 days: {} ({} of {})",
    stats_all_time: "  all time:     {} ({} of {})",
    stats_forecast: "Due in the next 30 days ({}; overdue counted today)",
    stats_stability: "Stability of graduated cards",
    stats_buckets: [
        "< 1 d",
        "1–3 d",
        "3–7 d",
        "7–14 d",
        "14–30 d",
        "1–3 mo",
        "3–12 mo",
        "> 1 y",
    ],
    plot_per_day: ["reviews per day", "reviews"],
    plot_forecast: ["due in the next 30 days", "cards due"],
    plot_stability: ["stability of graduated cards", "cards"],
    plot_states: ["cards by state", "cards"],
    wrote: "wrote {}",

    quiz_heading: forms(
        "quiz: {} question ({}) from {} · seed {}",
        "quiz: {} questions ({}) from {} · seed {}",
    ),
    quiz_modes: ["typed", "multiple choice"],
    quiz_question: "question {}/{}: {}",
    quiz_answer_prompt: "answer? (q to stop)",
    quiz_choice_prompt: "choice? ({}, q to stop)",
    quiz_bad_key: "? answer with {}, or q",
    quiz_right: "right",
    quiz_close: "close enough",
    quiz_wrong: "wrong",
    quiz_the_answer_is: "{} — the answer is {}",
    quiz_score: "score: {}/{} ({}%)",
    quiz_missed: "missed: {} — your answer: {} — right answer: {}",
    quiz_no_card: "{} has no card to ask",

    phases: ["new", "learning", "review", "relearning"],
    card_kinds: ["question", "cloze", "choice"],
    answer_kinds: [
        "date",
        "person",
        "place",
        "quantity",
        "organisation",
        "other",
    ],
    card_labels: [
        "id:       ",
        "kind:     ",
        "question: ",
        "answer:   ",
        "context:  ",
        "wrong:    ",
        "source:   ",
        "state:    ",
    ],
    card_suspended: ", suspended",
    card_memory: ", stability {} d, difficulty {}, due {}",
    cards_in: forms("{} card in {}", "{} cards in {}"),
    cards_matching: forms(
        "{} card matching of {} in {}",
        "{} cards matching of {} in {}",
    ),
    browse_columns: [
        "id",
        "state",
        "due",
        "stability",
        "reviews",
        "question → answer",
    ],
    browse_suspended: ", susp.",
    browse_of: forms("{} of {} card in {}", "{} of {} cards in {}"),
    already_suspended: forms("{} card already suspended", "{} cards already suspended"),
    not_suspended: forms(
        "{} card already not suspended",
        "{} cards already not suspended",
    ),

    opt_source_log: "the review log of {}",
    opt_no_reviews: "{}: no reviews to train on (study first, or give a CSV of reviews)",
    opt_training: "training on {} reviews of {} cards…",
    opt_split_progress: "training on the past, scoring the future…",
    opt_save_question: "Save these parameters for {}?",
    opt_yes_no: "[y/N]",
    opt_heading: "{} reviews of {} cards from {}; days counted {}",
    opt_day_rules: ["as whole 24-hour periods", "from {} h each day"],
    opt_trained_in: "trained in {} ms: {}",
    opt_fits: [
        "all 21 parameters",
        "the initial stabilities only (few reviews)",
        "too few reviews: the defaults are kept",
    ],
    opt_rows: [
        "defaults, on this history",
        "trained, on this history",
        "trained on the past, future scored",
    ],
    opt_simulated: "\nthe next {} days simulated with these parameters ({} cards studied, {} new a day):",
    opt_columns: ["retention", "reviews/day", "minutes/day", "kept", "seconds per kept"],
    opt_best_mark: "  ← least work per card kept",
    opt_recommended: "recommended retention: {} (now {}; `--retention` or `desired_retention` in the configuration sets it)",
    opt_parameters: "parameters: {}",
    opt_saved: "saved for {}: {}",
    opt_not_saved: "not saved (run with --yes to keep them for {})",
    opt_no_folder: "not saved: no configuration folder is known here",
    opt_plots: [
        "Reviews a day against the desired retention",
        "reviews a day",
        "Cards kept at the end against the desired retention",
        "cards recalled",
    ],

    log_heading: "log: {} ({})",
    generated: "generated {} from {} into {} ({}) in {} s",
    generate_progress: ["reading {}", "cleaning", "writing cards from {} sentences"],
    documents: forms("{} document", "{} documents"),
    imported: "imported {} into {} ({}){}",
    duplicates: forms(" ({} duplicate note skipped)", " ({} duplicate notes skipped)"),
    exported: "exported {} of {} to {}",
    exported_apkg: forms("exported {} card of {} to {}", "exported {} cards of {} to {}"),
    exported_apkg_rest: " ({} cloze), with {}",
    apkg_imported_cards: forms("imported {} card", "imported {} cards"),
    apkg_imported: " into {} ({}) · notes: {} · decks: {} · reviews new in the log: {} (already there: {})",
    apkg_progress: [
        "reading notes and cards",
        "reading reviews",
        "converting cards",
        "writing the log",
        "preparing the first session",
    ],
    apkg_not_zip: "{}: not an Anki package (.apkg/.colpkg are zip archives): {}",
    apkg_no_collection: "{}: the zip holds no Anki collection (collection.anki21b, collection.anki21 or collection.anki2); it holds {}",
    apkg_nothing: "nothing",
    apkg_entry: "{}: cannot read {} in the zip: {}",
    apkg_damaged: "{}: {} cannot be unpacked ({}): the package is damaged",
    apkg_too_large: "{}: {} unpacks to more than {} GiB",
    apkg_unreadable: "{}: {} is not a readable Anki collection: {}",
    apkg_not_sqlite: "not an SQLite database ({})",
    apkg_corrupt_sqlite: "the SQLite database is corrupt",
    apkg_schema: "collection schema version {}, carnet reads versions {} to {} (Anki 2.1 to 25.x); export it again from Anki, or upgrade carnet",
    apkg_json: "{} do not parse: {}",
    apkg_json_what: ["its note types (col.models)", "its decks (col.decks)"],
    apkg_missing_note: "{}: card {} belongs to note {}, which the collection does not hold (check the collection in Anki: Tools > Check Database)",
    apkg_missing_notetype: "{}: note {} has note type {}, which the collection does not hold",
    apkg_no_template: "{}: note type {} has no card template {} (card {} uses it): it has no usable template",
    apkg_template_no_field: "{}: the question of template {} of note type {} shows none of the note's fields ({}): it has no usable template",
    apkg_too_many_decks: "{}: more than 65,536 decks",
    apkg_no_cards: "{}: the collection holds no card to import ({} notes, {} cards{}); nothing was written",
    apkg_of_them_empty: ", {} of them with an empty question",
    apkg_bad_name: "{}: cannot name the deck {}: {} (choose one with --name)",
    apkg_deck_unreadable: "{}: the deck made of it does not read: {}",
    apkg_cannot_make_deck: "{}: cannot make a deck of it: {}",
    apkg_media: "images and media not imported (carnet shows text only): image references in the notes: {}, media files in the package: {}",
    apkg_sounds: forms("{} [sound:…] tag is left in the text as it is (carnet plays no sound)", "{} [sound:…] tags are left in the text as they are (carnet plays no sound)"),
    apkg_latex: forms("{} LaTeX expression ([latex], [$], [$$]) is left in the text as its source", "{} LaTeX expressions ([latex], [$], [$$]) are left in the text as their source"),
    apkg_empty: forms("{} card whose question renders empty was skipped", "{} cards whose question renders empty were skipped"),
    apkg_left_out: forms("{} review log entry does not count for the memory state, as in Anki's FSRS (no grade, set due date, reschedules, reviews in a filtered deck without rescheduling, history before a reset): not imported", "{} review log entries do not count for the memory state, as in Anki's FSRS (no grade, set due date, reschedules, reviews in a filtered deck without rescheduling, history before a reset): not imported"),
    apkg_incomplete: forms("{} card has reviews but no learning step starting its history (reset, or older reviews deleted): carnet starts it at its first review kept, where Anki starts from its SM-2 interval and ease", "{} cards have reviews but no learning step starting their history (reset, or older reviews deleted): carnet starts them at their first review kept, where Anki starts from their SM-2 interval and ease"),
    apkg_buried: forms("{} buried card is not buried in carnet (it buries a card's siblings for the day only)", "{} buried cards are not buried in carnet (it buries a card's siblings for the day only)"),
    apkg_odd_rows: forms("{} review log row of a type or grade Anki does not write was skipped", "{} review log rows of a type or grade Anki does not write were skipped"),
    apkg_undone: forms("{} review in the log from before a reset in Anki is undone", "{} reviews in the log from before a reset in Anki are undone"),
    apkg_suspended: "cards suspended as in Anki: {}, unsuspended: {}",
    apkg_cannot_write: ["cannot write the Anki collection: {}", "cannot write the package: {}"],
    into_done: "wrote the reviews of {} into {}: reviews added: {} · cards updated: {} · cards not in the collection: {}",
    into_nothing: "{} already holds every review of {}: nothing written (cards not in the collection: {})",
    into_not_held: forms("{} card of the deck is not in {} (made by carnet, or deleted in Anki): not written; carnet export --apkg brings it to Anki", "{} cards of the deck are not in {} (made by carnet, or deleted in Anki): not written; carnet export --apkg brings them to Anki"),
    into_other_notes: forms("{} card has another note in {} than the one it came from (another collection?): not written", "{} cards have another note in {} than the one they came from (another collection?): not written"),
    into_changed_in_anki: forms("{} card was reviewed or reset in Anki since carnet imported it: left as it is; import a newer export of Anki into carnet first (carnet import), then run export --into again", "{} cards were reviewed or reset in Anki since carnet imported them: left as they are; import a newer export of Anki into carnet first (carnet import), then run export --into again"),
    into_in_use: "{} is in use (open in Anki?): close Anki, then try again; nothing was written",
    into_not_collection: "{}: not an Anki collection ({})",
    into_no_tables: "it lacks Anki's tables col, cards, notes and revlog",
    into_foreign: "{} holds none of the cards of {} ({} of its cards have another note there): it is not the collection the deck came from; nothing was written",
    into_no_origin: "{} did not come from Anki (carnet kept no record of its Anki cards): export --into writes into the collection a deck was imported from; export --apkg makes an Anki package of it",
    into_cannot_write: "cannot write into {}: {}",
    memory_heading: "{} of {} from {}",
    memory_no_predictions: "predictions: none (a prediction is made at each review of a card after its first; no card here was reviewed twice), so no log loss or RMSE",
    memory_scores: "predictions: {} · log loss {} · RMSE (20 bins) {} · recall rate {}",
    config_file: "# configuration file: {}",
    config_none: "# no configuration file; create {} to change these",
    config_no_folder: "# no configuration folder is known for this platform",
    config_logs: "# review logs: {}",

    quoted: "\"{}\"",
    deck_by_id: "deck {}",
    sync_new_records: forms("{} new record", "{} new records"),
    sync_already: forms("{} already known", "{} already known"),
    sync_records: forms("{} record", "{} records"),
    sync_would_merge: "would merge {} from {} ({}) into {} ({})",
    sync_damaged: "{} on the card is damaged: {}",
    sync_would_leave: "the card holds another deck ({}): it would be left as it is \
                       (--replace puts \"{}\" on it)",
    sync_would_write: "would then write {} ({}, \"{}\"), {}, {} and {} to the card",
    sync_merged: "merged {} from {} ({}; {}) into {} ({})",
    sync_future: forms(
        "{} record from the card is dated more than a day after this computer's clock (the \
         handheld's clock is wrong?): it is kept in the log but left out of the schedule until \
         that time, and never moves the time of new reviews",
        "{} records from the card are dated more than a day after this computer's clock (the \
         handheld's clock is wrong?): they are kept in the log but left out of the schedule \
         until that time, and never move the time of new reviews",
    ),
    sync_behind: forms(
        "{} record from the card is dated more than a day before the card's last sync: the \
         handheld's clock is behind. It is kept and scheduled at the time it carries; set the \
         handheld's clock",
        "{} records from the card are dated more than a day before the card's last sync: the \
         handheld's clock is behind. They are kept and scheduled at the time they carry; set \
         the handheld's clock",
    ),
    sync_damaged_error: "{}: {} is damaged ({}); its intact records ({}) are saved in {}, \
                         and the card was left as it is. Run `carnet sync --salvage` to \
                         rewrite the card's log from the intact records (the damaged file is \
                         kept on the card under another name)",
    sync_other_deck: "{} holds another deck, {}: its reviews are merged into that deck's \
                      history ({}), and the card was left as it is. To put \"{}\" on the card \
                      instead, run again with --replace (the old deck's reviews stay in the \
                      terminal's store; sync that deck again to put it back)",
    sync_kept: "{}: the damaged {} is kept on the card as {}",
    sync_replaced: "replaced {} on the card (its reviews are in {})",
    sync_wrote: "wrote {} ({}, \"{}\"), {} ({}) and {} to {}",

    e_config_file: "configuration file {}: {}",
    e_day_start: "day start hour {} ({}): give an hour from 0 to 23",
    e_no_data_folder: "no data folder is known for this platform: pass --data-dir DIR or set CARNET_DATA_DIR",
    e_step: "{}: step {} is not a duration: write 30s, 10m, 1h or 2d",
    e_not_a_log: "review log {}: no record in its {} bytes can be read: this is not a carnet review log (left untouched; move it away to start a new log)",
    e_newer_log: "review log {}: the record at byte offset {} was written by a newer carnet (log format version {}); upgrade carnet to read this log",
    e_log_in_use: "review log {} is in use by another carnet (it holds the lock); finish or quit that session first",
    e_no_bundled: "this carnet was built without its bundled deck (cards/decks/bundled.deck was missing at build time): pass --deck FILE, or build a deck with `carnet generate cards/corpus -o my.deck`",
    e_not_a_deck: "{} is not a carnet deck (it does not start with `CARNETDK`)",
    e_newer_deck: "{} uses deck format version {}, newer than the version {} this carnet reads; upgrade carnet",
    e_truncated_deck: "{} is truncated: its {} bytes end before the data it announces",
    e_corrupt_deck: "{} is corrupt: its checksum does not match its content",
    e_malformed_deck: "{} is malformed: {}",
    e_no_such_card: "no card of {} has an id starting with {}",
    e_ambiguous_card: "{} cards of {} have an id starting with {}; give more digits",
    e_not_an_id: "{} is not a card id (hexadecimal, as `carnet cards` lists them)",
    e_too_many_cards: "{}: {} cards, and the handheld has room for {} at most; nothing was changed. Make a smaller deck for the handheld (carnet generate from fewer documents)",
    e_unknown_card_deck: "{}: the card has reviews in {} but no readable {} or {} to say which deck they belong to, and they are not all of \"{}\"'s cards; nothing was changed (sync with the deck the card was made for)",
    e_not_a_card_folder: "{}: this folder is not a carnet SD card: it holds {}{} and no {}; give the card's mount point, or an empty folder for a new card",
    e_other_files: " and {} other file(s)",
    e_small_image: "{}: not an SD card image (only {} bytes)",
    e_not_an_image: "{}: not an SD card image: neither an MBR with a FAT partition nor a FAT boot sector",
    e_no_mtools: "cannot run {} ({}): SD card images are read and written with mtools (Debian package `mtools`); or mount the card and give its folder instead",
    e_no_config_folder: "no configuration folder is known for this platform: give --config FILE",
    e_config_exists: "{} already exists: edit it (carnet config shows the settings in force)",
    e_carnet_now: "CARNET_NOW={} is not a time: give RFC 3339 (2024-03-29T08:00:00Z) or seconds since 1970",
    e_empty_folder: "{}: the folder holds no document",
    w_future: forms(
        "{} record of review log {} is dated more than a day after now (made with a clock that was wrong?); it is kept in the log but left out of the schedule until that time, and the time of new reviews ignores it",
        "{} records of review log {} are dated more than a day after now (made with a clock that was wrong?); they are kept in the log but left out of the schedule until that time, and the time of new reviews ignores them",
    ),
    w_damaged: "review log {}: the record at byte offset {} ({} bytes) is damaged ({}); it is skipped and the records after it are kept",
    w_torn: [
        "review log {}: the last record ({} bytes at byte offset {}) was cut short by an interrupted write; {}",
        "it is dropped",
        "it is ignored",
    ],
    w_card_torn: "{}: the last record (byte offset {}) is unfinished, from an interrupted write; it is dropped",
    w_card_damage: forms(
        "{} damaged stretch, {} bytes, the first at byte offset {}",
        "{} damaged stretches, {} bytes, the first at byte offset {}",
    ),
    e_newer_card_log: "{}: the record at byte offset {} was written by a newer carnet (log format version {}); upgrade carnet",
    w_migrated: forms(
        "review logs are now kept per deck identity: {} record of {} moved from {} to {}; {}",
        "review logs are now kept per deck identity: {} records of {} moved from {} to {}; {}",
    ),
    w_migrated_kept: "it is kept as {}",
    w_migrated_others: forms(
        "it keeps its {} other record (another deck of the same name, or a damaged one)",
        "it keeps its {} other records (another deck of the same name, or damaged ones)",
    ),
    e_not_utf8: "{}: not UTF-8 text (invalid byte at offset {})",
    e_not_utf8_csv: "{}: not UTF-8 text (invalid byte at offset {}); expected a josh CSV review log",
    e_deck_name: "cannot name the deck {}: {} (choose one with --name)",
    e_too_many_documents: "{}: more than 65,536 source documents",
    e_cannot_make_deck: "{}: cannot make a deck of it: {}",
    e_empty_csv: "{}: empty file; expected a header `{}` and one review a line",
    e_no_reviews_csv: "{}: no reviews after the header",
    e_no_notes: "{}: no notes after the header lines",
    e_anki_separator: "unknown separator {}",
    e_anki_html: "#html must be true or false, not {}",
    e_anki_column: "bad column {}",
    e_parameters_file: "deck parameters {}: {}",
    e_parameters_refused: "deck parameters {}: {} (delete the file to go back to the defaults, or run `carnet optimize` again)",
    e_not_a_file_name: "{} is not a file name",
    e_out_of_range: "training gave parameters out of range: {}",
    e_cannot_read_answer: "cannot read the answer: {}",
    deck_labels: ["the bundled deck", "deck {}"],
    malformed_where: [
        "its header's offsets and counts are inconsistent",
        "{} bytes follow the checksum at the end announced by its header (byte {})",
        "its card index is cut short",
        "card {} of {} (bytes {}–{}) does not decode",
        "its names, index or card ids do not match its cards",
    ],
    e_clock: "the clock says {} ({}): carnet's schedules hold times from 1970 to {} UTC (seconds in 32 bits); set the system clock (or CARNET_NOW) right",
    system_clock: "system clock",
    e_open_card: "{}: cannot open the SD card: {}",
    e_card_read: "{}: cannot read: {}",
    e_card_list: "{}: cannot list: {}",
    e_card_read_file: "{}: cannot read {}: {}",
    e_card_write_file: "{}: cannot write {}: {}",
    e_card_names: "{}: 99 files named {}nn.{} already: move some away",
    warning_prefix: "carnet: warning: ",
    error_prefix: "carnet: error: ",
    cannot_write_stdout: "cannot write to stdout: {}",
    cannot_set_up_terminal: "cannot set up the terminal: {}",
    cannot_draw: "cannot draw on the terminal: {}",
    cannot_read_keyboard: "cannot read the keyboard: {}",
    cannot_read_stdin: "cannot read stdin: {}",
    bad_language: "{}: unknown language {}: write \"fr\" or \"en\"",
    io_reasons: [
        "No such file or directory",
        "Permission denied",
        "Is a directory",
        "Not a directory",
    ],
};

/// The French of the `what` of [`crate::error::CliError::io`] (`cannot read deck PATH: …`),
/// English first.
const IO_WHAT: [(&str, &str); 19] = [
    (
        "cannot create a temporary file",
        "impossible de créer un fichier temporaire",
    ),
    (
        "cannot write a temporary file",
        "impossible d'écrire un fichier temporaire",
    ),
    (
        "cannot read the temporary collection",
        "impossible de lire la collection temporaire",
    ),
    (
        "cannot create the configuration folder",
        "impossible de créer le dossier de configuration",
    ),
    (
        "cannot create the data folder",
        "impossible de créer le dossier des données",
    ),
    ("cannot create the folder", "impossible de créer le dossier"),
    (
        "cannot create the plot folder",
        "impossible de créer le dossier des graphiques",
    ),
    (
        "cannot drop the torn record of",
        "impossible d'ôter l'écriture interrompue de",
    ),
    ("cannot list", "impossible de lister"),
    (
        "cannot lock the review log",
        "impossible de verrouiller le journal des révisions",
    ),
    (
        "cannot open the review log",
        "impossible d'ouvrir le journal des révisions",
    ),
    ("cannot read deck", "impossible de lire le paquet"),
    (
        "cannot read the configuration file",
        "impossible de lire le fichier de configuration",
    ),
    (
        "cannot read the deck's parameters",
        "impossible de lire les paramètres du paquet",
    ),
    (
        "cannot read the review log",
        "impossible de lire le journal des révisions",
    ),
    ("cannot read", "impossible de lire"),
    (
        "cannot rename the old review log",
        "impossible de renommer l'ancien journal",
    ),
    (
        "cannot write to the review log",
        "impossible d'écrire dans le journal des révisions",
    ),
    ("cannot write", "impossible d'écrire"),
];

impl Messages {
    /// The `what` of an I/O error (written in English where it is raised) in this language.
    pub fn io_what<'w>(&self, what: &'w str) -> &'w str
    where
        'static: 'w,
    {
        match self.language {
            Language::English => what,
            Language::French => IO_WHAT
                .iter()
                .find(|(en, _)| *en == what)
                .map_or(what, |(_, fr)| fr),
        }
    }
}

impl Language {
    /// This language's words.
    pub fn messages(self) -> &'static Messages {
        match self {
            Language::French => &FRENCH,
            Language::English => &ENGLISH,
        }
    }
}

/// The words of the process's language ([`language::current`]).
pub fn text() -> &'static Messages {
    language::current().messages()
}

/// `template` with each `{}` replaced by the next of `args`, in order.
pub fn fill(template: &str, args: &[&dyn Display]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        if let Some(arg) = args.next() {
            out.push_str(&arg.to_string());
        }
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

impl Messages {
    /// `forms` for `n`, in the singular or plural as this language wants, filled with `n`
    /// then `rest`.
    pub fn count(&self, n: u64, forms: Forms, rest: &[&dyn Display]) -> String {
        let template = self.language.plural(n, forms.one, forms.many);
        let mut args: Vec<&dyn Display> = vec![&n];
        args.extend_from_slice(rest);
        fill(template, &args)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled_in_order() {
        assert_eq!(fill("{} · {}", &[&1, &"a"]), "1 · a");
        assert_eq!(fill("none", &[&1]), "none");
        assert_eq!(fill("{} and {}", &[&1]), "1 and ");
    }

    #[test]
    fn counts_agree_in_both_languages() {
        let fr = &FRENCH;
        let en = &ENGLISH;
        assert_eq!(fr.count(0, fr.reviews, &[]), "0 révision");
        assert_eq!(fr.count(1, fr.reviews, &[]), "1 révision");
        assert_eq!(fr.count(2, fr.reviews, &[]), "2 révisions");
        assert_eq!(en.count(0, en.reviews, &[]), "0 reviews");
        assert_eq!(en.count(1, en.reviews, &[]), "1 review");
        assert_eq!(en.count(7, en.cards, &[]), "7 cards");
        assert_eq!(
            en.count(1, en.quiz_heading, &[&"typed", &"Test", &3]),
            "quiz: 1 question (typed) from Test · seed 3"
        );
    }

    #[test]
    fn every_template_has_the_same_placeholders_in_both_languages() {
        // The two catalogues side by side, a field (or an array's item) a line.
        let fr = format!("{FRENCH:#?}");
        let en = format!("{ENGLISH:#?}");
        assert_eq!(fr.lines().count(), en.lines().count());
        for (f, e) in fr.lines().zip(en.lines()) {
            assert_eq!(
                f.matches("{}").count(),
                e.matches("{}").count(),
                "{f} / {e}"
            );
        }
    }
}
