//! The `agenda` (the invitation handout) and `changes` (what changed since the last meeting)
//! subcommands.

use std::fmt::Write;
use std::path::Path;

use super::export::{find_meeting, write_out};
use crate::cli::{Failure, open};
use crate::clock::Clock;
use crate::export::agenda::{self, Format};
use crate::i18n::{Lang, Msg};
use crate::insight::changes::{Since, changes_since, default_since};

pub fn agenda(
    path: &Path,
    lang: Lang,
    clock: Clock,
    meeting: &str,
    format: &str,
    out: Option<&Path>,
) -> Result<(), Failure> {
    let format = match format.trim().to_lowercase().as_str() {
        "md" | "markdown" => Format::Markdown,
        "text" | "txt" => Format::Text,
        other => {
            return Err(Failure::usage(
                lang.fill(Msg::ErrBadFormat, &[("text", other), ("valid", "md, text")]),
            ));
        }
    };
    let (backlog, _) = open(path, lang)?;
    let found = find_meeting(&backlog, lang, meeting)?;
    let text = agenda::agenda(&backlog, found, clock.today(), lang, format);
    write_out(lang, text.as_bytes(), out)
}

pub fn changes(path: &Path, lang: Lang, clock: Clock, since: Option<&str>) -> Result<(), Failure> {
    let (backlog, _) = open(path, lang)?;
    let today = clock.today();
    let since = match since {
        None => default_since(&backlog, today),
        Some(text) => match crate::app::form::parse_date(text) {
            Ok(Some(day)) => Since::Date(day),
            _ => Since::Meeting(
                find_meeting(&backlog, lang, text)
                    .map_err(|_| Failure::usage(lang.fill(Msg::ErrBadSince, &[("text", text)])))?
                    .id,
            ),
        },
    };
    let mut out = String::new();
    let changes = changes_since(&backlog, since, today);
    if changes.is_empty() {
        let _ = writeln!(out, "{}", lang.tr(Msg::ChangesNone));
    }
    for measure in changes {
        let title = backlog.measure(measure.measure).map_or("", |m| m.title.as_str());
        let _ = writeln!(out, "{} {title}", measure.measure);
        for change in &measure.changes {
            let _ = writeln!(out, "    {}", change.describe(lang));
        }
    }
    write_out(lang, out.as_bytes(), None)
}
