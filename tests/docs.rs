//! The README cannot drift from the program: its key tables against the keymap table (both
//! ways, with meaning), and its Command line section against clap's definitions. Both sides
//! are read from the code, so keys and commands added later are checked too.

use std::collections::BTreeSet;

use tiltak::app::keymap::{BINDINGS, Binding, Context, key_label};
use tiltak::i18n::Lang;

const README: &str = include_str!("../README.md");

/// The text from the heading `start` up to the next heading of the same or a higher level.
fn section(heading: &str) -> &'static str {
    let level = heading.chars().take_while(|c| *c == '#').count();
    let start = README
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("README has no {heading:?}"));
    let body = &README[start + heading.len() + 2..];
    let end = body
        .match_indices("\n#")
        .find(|(i, _)| body[i + 1..].chars().take_while(|c| *c == '#').count() <= level)
        .map_or(body.len(), |(i, _)| i);
    &body[..end]
}

/// The Markdown table rows in `text` (without header and separator rows): (first cell, row).
fn table_rows(text: &str) -> Vec<(String, String)> {
    let mut rows = Vec::new();
    for line in text.lines().map(str::trim) {
        if !line.starts_with('|') || line.starts_with("| ---") || line.starts_with("| Key |") {
            continue;
        }
        let first = line.trim_matches('|').split(" | ").next().unwrap_or("").to_string();
        rows.push((first, line.to_string()));
    }
    rows
}

/// The backticked keys in a table's key cell; what follows "then" is typed after the key.
fn keys_in(cell: &str) -> Vec<String> {
    let cell = cell.split(" then ").next().unwrap_or(cell);
    cell.split('`').skip(1).step_by(2).map(str::to_string).collect()
}

const STOP: &[&str] = &[
    "a", "an", "as", "at", "by", "in", "is", "it", "of", "on", "or", "to", "the", "and", "for", "with", "from", "that",
    "this", "its", "too", "then", "again", "asks",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .filter(|w| w.chars().count() >= 2 && !STOP.contains(&w.as_str()))
        .collect()
}

/// Whether `text` says what the action's help text says: at least half of the help text's
/// words occur in it (by their first four letters, so "details" matches "detail").
fn means(text: &str, binding: &Binding) -> bool {
    let said = words(text);
    let meant = words(Lang::En.tr(binding.action.description()));
    let found = meant
        .iter()
        .filter(|w| {
            let stem: String = w.chars().take(4).collect();
            said.iter().any(|s| s.starts_with(&stem))
        })
        .count();
    found * 2 >= meant.len() && found > 0
}

/// The README's key tables, each with the keymap context it documents.
fn key_tables() -> Vec<(Context, Vec<(String, String)>)> {
    let review = section("## Meetings");
    let review = &review[review.find("**Review.**").unwrap()..review.find("**Summary and minutes.**").unwrap()];
    vec![
        (Context::List, table_rows(section("## Keys"))),
        (Context::Review, table_rows(review)),
    ]
}

/// Places in the README a key can be explained: every table row and every sentence.
fn explanations() -> Vec<String> {
    let mut units: Vec<String> = README
        .lines()
        .filter(|l| l.trim_start().starts_with('|'))
        .map(str::to_string)
        .collect();
    for paragraph in README.split("\n\n").filter(|p| !p.trim_start().starts_with('|')) {
        units.extend(paragraph.split(". ").map(|s| s.replace('\n', " ")));
    }
    units
}

#[test]
fn every_key_in_the_readme_tables_does_what_the_row_says() {
    let mut checked = 0;
    for (context, rows) in key_tables() {
        assert!(rows.len() >= 10, "{context:?}: {} rows", rows.len());
        for (cell, row) in rows {
            let keys = keys_in(&cell);
            assert!(!keys.is_empty(), "a row without a key: {row}");
            for key in keys {
                let bound: Vec<&Binding> = BINDINGS
                    .iter()
                    .filter(|b| b.context == context && key_label(b, Lang::En) == key)
                    .collect();
                assert!(
                    !bound.is_empty(),
                    "`{key}` is in the README but not in the keymap ({context:?}): {row}"
                );
                assert!(
                    bound.iter().any(|b| means(&row, b)),
                    "`{key}` ({context:?}) does {:?}, not what the README says: {row}",
                    bound.iter().map(|b| b.action).collect::<Vec<_>>()
                );
                checked += 1;
            }
        }
    }
    assert!(checked >= 50, "{checked} keys checked");
}

#[test]
fn every_binding_of_the_lists_and_the_review_is_in_the_readme() {
    let units = explanations();
    let mut missing = BTreeSet::new();
    for binding in BINDINGS
        .iter()
        .filter(|b| matches!(b.context, Context::List | Context::Review))
    {
        let key = key_label(binding, Lang::En);
        let quoted = format!("`{key}`");
        if !units.iter().any(|u| u.contains(&quoted) && means(u, binding)) {
            missing.insert(format!(
                "{:?} `{key}`{} → {:?} ({})",
                binding.context,
                binding.pane.map(|p| format!(" in {p:?}")).unwrap_or_default(),
                binding.action,
                Lang::En.tr(binding.action.description())
            ));
        }
    }
    assert!(
        missing.is_empty(),
        "not explained in the README:\n{}",
        missing.into_iter().collect::<Vec<_>>().join("\n")
    );
}

/// The lines of the README's Command line block that belong to `tiltak <name>`.
fn command_block(name: &str) -> String {
    let text = section("## Command line");
    let block = &text[text.find("```").unwrap() + 3..];
    let block = &block[..block.find("```").unwrap()];
    let mut out = String::new();
    let mut inside = false;
    for line in block.lines() {
        if line.starts_with("tiltak ") {
            let word = line.split_whitespace().nth(1).unwrap_or("");
            inside = word == name || (name.is_empty() && word.starts_with('['));
        }
        if inside {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

#[test]
fn every_command_and_flag_of_the_cli_is_in_the_readme() {
    let cli = tiltak::cli::command(Lang::En);
    let flags = |command: &clap::Command| -> Vec<String> {
        command
            .get_arguments()
            .filter(|a| !a.is_hide_set() && !a.is_global_set())
            .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
            .filter(|l| l != "--help" && l != "--version")
            .collect()
    };
    let top = command_block("");
    for flag in flags(&cli) {
        assert!(
            top.contains(&flag),
            "`tiltak {flag}` is not in the README's Command line:\n{top}"
        );
    }
    let globals: Vec<String> = cli
        .get_arguments()
        .filter(|a| a.is_global_set())
        .filter_map(|a| a.get_long().map(|l| format!("--{l}")))
        .collect();
    assert!(globals.contains(&"--data".to_string()));
    for flag in &globals {
        assert!(top.contains(flag.as_str()), "global {flag} missing:\n{top}");
    }
    let mut commands = 0;
    for sub in cli
        .get_subcommands()
        .filter(|s| !s.is_hide_set() && s.get_name() != "help")
    {
        let block = command_block(sub.get_name());
        assert!(
            !block.is_empty(),
            "`tiltak {}` is not in the README's Command line",
            sub.get_name()
        );
        for flag in flags(sub) {
            assert!(
                block.contains(&flag),
                "`tiltak {} {flag}` is not in the README:\n{block}",
                sub.get_name()
            );
        }
        commands += 1;
    }
    assert!(commands >= 9, "{commands} commands");
}
