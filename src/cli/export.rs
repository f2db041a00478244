//! The `export`, `import` and `minutes` subcommands.

use std::io::{IsTerminal, Write};
use std::path::Path;

use crate::cli::{Failure, lock_for_writing, open};
use crate::clock::Clock;
use crate::domain::text::{json_escaped, visible};
use crate::domain::{Backlog, Meeting, MeetingId};
use crate::export;
use crate::i18n::{Lang, Msg};
use crate::store::{self, save::write_atomically};

pub(super) fn write_out(lang: Lang, bytes: &[u8], out: Option<&Path>) -> Result<(), Failure> {
    match out {
        Some(path) => {
            write_atomically(path, bytes).map_err(|e| {
                Failure::io(lang.fill(
                    Msg::ErrWriteFile,
                    &[("path", &path.display().to_string()), ("error", &e.to_string())],
                ))
            })?;
            eprintln!("{}", lang.fill(Msg::CliWrote, &[("path", &path.display().to_string())]));
            Ok(())
        }
        None => match std::io::stdout().lock().write_all(bytes) {
            Ok(()) => Ok(()),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            Err(e) => Err(Failure::io(e.to_string())),
        },
    }
}

fn bad_format(lang: Lang, text: &str, valid: &str) -> Failure {
    Failure::usage(lang.fill(Msg::ErrBadFormat, &[("text", text), ("valid", valid)]))
}

pub fn delimiter(lang: Lang, text: &str) -> Result<u8, Failure> {
    match text.trim() {
        ";" | "semicolon" => Ok(b';'),
        "," | "comma" => Ok(b','),
        other => Err(Failure::usage(lang.fill(Msg::ErrBadDelimiter, &[("text", other)]))),
    }
}

pub fn export(
    path: &Path,
    lang: Lang,
    clock: Clock,
    format: &str,
    out: Option<&Path>,
    delim: &str,
) -> Result<(), Failure> {
    let format = format.trim().to_lowercase();
    if !matches!(format.as_str(), "csv" | "xlsx" | "md" | "markdown" | "json" | "html") {
        return Err(bad_format(lang, &format, "csv, xlsx, md, json, html"));
    }
    let delimiter = delimiter(lang, delim)?;
    if format == "xlsx" && out.is_none() && std::io::stdout().is_terminal() {
        return Err(Failure::usage(lang.tr(Msg::ErrXlsxNeedsOut).to_string()));
    }
    let (backlog, _) = open(path, lang)?;
    let today = clock.today();
    // The measures in the app's default order.
    let everything = crate::search::MeasureFilter::default();
    let found = crate::search::select(&backlog, None, &everything, "", Default::default(), today);
    let measures = found.rows.iter().filter_map(|i| backlog.measures.get(*i));
    let bytes = match format.as_str() {
        "csv" => export::csv::write(&backlog, measures, lang, delimiter).map_err(|e| Failure::io(e.to_string()))?,
        "xlsx" => export::xlsx::write(&backlog, measures, lang, today).map_err(|e| Failure::io(e.to_string()))?,
        "json" => {
            let json = store::save::to_json(&backlog).map_err(|e| Failure::io(e.to_string()))?;
            match std::str::from_utf8(&json) {
                Ok(text) => json_escaped(text).into_owned().into_bytes(),
                Err(_) => json,
            }
        }
        "html" => export::html::status_page(&backlog, lang, today).into_bytes(),
        _ => export::markdown::status_report(&backlog, lang, today).into_bytes(),
    };
    write_out(lang, &bytes, out)
}

/// A workbook is a zip archive; anything else is read as CSV.
fn looks_like_xlsx(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

pub fn import(
    path: &Path,
    lang: Lang,
    clock: Clock,
    format: Option<&str>,
    file: &Path,
    dry_run: bool,
) -> Result<(), Failure> {
    let format = format.map(|f| f.trim().to_lowercase());
    if let Some(other) = format.as_deref().filter(|f| !matches!(*f, "csv" | "xlsx")) {
        return Err(bad_format(lang, other, "csv, xlsx"));
    }
    let bytes = std::fs::read(file).map_err(|e| {
        Failure::io(lang.fill(
            Msg::ErrReadFile,
            &[("path", &file.display().to_string()), ("error", &e.to_string())],
        ))
    })?;
    let _lock = if dry_run {
        None
    } else {
        Some(lock_for_writing(path, lang)?)
    };
    let (backlog, _) = open(path, lang)?;
    let xlsx = format.map_or_else(|| looks_like_xlsx(&bytes), |f| f == "xlsx");
    let read = if xlsx {
        export::xlsx::import(&bytes, &backlog, lang, clock.now())
    } else {
        export::import::import(&bytes, &backlog, lang, clock.now())
    };
    let mut outcome = match read {
        Ok(outcome) => outcome,
        Err(problems) => {
            for problem in &problems {
                eprintln!("{}: {}", file.display(), visible(&problem.message));
            }
            return Err(Failure::usage(
                lang.fill(Msg::ImpFailed, &[("count", &problems.len().to_string())]),
            ));
        }
    };
    outcome.backlog.sign_since(&backlog, &super::author(path));
    if !dry_run && !outcome.changes.is_empty() {
        // An import changes many records at once: `tiltak restore 1` takes it back.
        store::backup::make(path, jiff::Timestamp::now()).map_err(|e| {
            Failure::io(lang.fill(
                Msg::ErrSave,
                &[("path", &path.display().to_string()), ("error", &e.to_string())],
            ))
        })?;
        store::save(&outcome.backlog, path).map_err(|e| {
            Failure::io(lang.fill(
                Msg::ErrSave,
                &[("path", &path.display().to_string()), ("error", &e.to_string())],
            ))
        })?;
    }
    print!("{}", visible(&export::import::describe(&outcome, lang, dry_run)));
    Ok(())
}

pub fn minutes(path: &Path, lang: Lang, meeting: &str, out: Option<&Path>) -> Result<(), Failure> {
    let (backlog, _) = open(path, lang)?;
    let found = find_meeting(&backlog, lang, meeting)?;
    let text = export::minutes::minutes(&backlog, found, lang);
    write_out(lang, text.as_bytes(), out)
}

/// The meeting `text` names (`M-3`, any case), or a usage error naming the known ones.
pub(super) fn find_meeting<'a>(backlog: &'a Backlog, lang: Lang, text: &str) -> Result<&'a Meeting, Failure> {
    if let Some(found) = text.parse::<MeetingId>().ok().and_then(|id| backlog.meeting(id)) {
        return Ok(found);
    }
    let known: Vec<String> = backlog.meetings.iter().map(|m| m.id.to_string()).collect();
    let known = if known.is_empty() {
        lang.tr(Msg::None).to_string()
    } else {
        known.join(", ")
    };
    Err(Failure::usage(
        lang.fill(Msg::ErrUnknownMeeting, &[("id", text), ("known", &known)]),
    ))
}
