//! `tiltak set`, `show`, `note` and `rm`: change, read and delete one measure from a script.
//! Values are checked as the edit form checks them, every change goes through the same domain
//! operation as in the app (so a status change is logged), and a command writes the file once.

use std::io::BufRead;
use std::path::Path;

use crate::cli::{Failure, MeasureJson, lock_for_writing, open, open_for_writing, parse_status, save_failure, unknown};
use crate::clock::Clock;
use crate::domain::links::parse_link;
use crate::domain::lookup::UnknownName;
use crate::domain::text::{json_escaped, visible};
use crate::domain::{Backlog, DomainError, Funding, Link, LogEntry, MeasureDraft, MeasureId};
use crate::export::csv::{funding_from_text, log_text};
use crate::export::fields::{self, Field};
use crate::human::{parse_amount, parse_date, parse_one_to_five, parse_tags, parse_yes_no};
use crate::i18n::{Lang, Msg};
use crate::insight::connections::refusal_text;
use crate::store;

fn nothing_written(lang: Lang, message: String) -> Failure {
    Failure::usage(format!("{message} {}", lang.tr(Msg::CliNothingWritten)))
}

fn measure_id(lang: Lang, backlog: &Backlog, text: &str) -> Result<MeasureId, Failure> {
    let id = text
        .trim()
        .parse::<MeasureId>()
        .map_err(|_| nothing_written(lang, lang.fill(Msg::ErrBadMeasureId, &[("text", text)])))?;
    match backlog.measure(id) {
        Some(_) => Ok(id),
        None => Err(nothing_written(
            lang,
            lang.fill(Msg::ErrUnknownMeasureId, &[("id", &id.to_string())]),
        )),
    }
}

fn field_names() -> String {
    Field::ALL.map(Field::key).join(", ")
}

/// How a list value edits the list: `+x` adds, `-x` removes; without either the list is
/// replaced.
enum ListEdit<T> {
    Replace(Vec<T>),
    Change { add: Vec<T>, remove: Vec<T> },
}

impl<T: PartialEq> ListEdit<T> {
    fn read(items: Vec<&str>, mut find: impl FnMut(&str) -> Result<T, Failure>) -> Result<ListEdit<T>, Failure> {
        let signed = items.iter().any(|i| i.starts_with(['+', '-']));
        if !signed {
            return items
                .into_iter()
                .map(find)
                .collect::<Result<_, _>>()
                .map(ListEdit::Replace);
        }
        let (mut add, mut remove) = (Vec::new(), Vec::new());
        for item in items {
            match item.strip_prefix('-') {
                Some(name) => remove.push(find(name.trim())?),
                None => add.push(find(item.trim_start_matches('+').trim())?),
            }
        }
        Ok(ListEdit::Change { add, remove })
    }

    fn apply(self, list: &mut Vec<T>) {
        match self {
            ListEdit::Replace(items) => *list = items,
            ListEdit::Change { add, remove } => {
                list.retain(|x| !remove.contains(x));
                for item in add {
                    if !list.contains(&item) {
                        list.push(item);
                    }
                }
            }
        }
    }
}

/// Sectors or priorities: names separated by `;` (a name may hold a comma).
fn name_list(value: &str) -> Vec<&str> {
    value.split(';').map(str::trim).filter(|n| !n.is_empty()).collect()
}

/// Applies one `field=value` to `draft`, with the edit form's checks and messages.
fn assign(lang: Lang, backlog: &Backlog, draft: &mut MeasureDraft, assignment: &str) -> Result<(), Failure> {
    let Some((name, value)) = assignment.split_once('=') else {
        return Err(nothing_written(
            lang,
            lang.fill(
                Msg::ErrBadAssignment,
                &[("text", assignment), ("valid", &field_names())],
            ),
        ));
    };
    // issue 16: `depends+=T-3` is short for `depends=+T-3`
    let (name, sign) = match name.trim_end().strip_suffix(['+', '-']) {
        Some(bare) => (bare, name.trim_end().chars().last()),
        None => (name, None),
    };
    let field = Field::from_name(name).ok_or_else(|| {
        nothing_written(
            lang,
            lang.fill(
                Msg::ErrUnknownField,
                &[("field", name.trim()), ("valid", &field_names())],
            ),
        )
    })?;
    let problem = |message: &str| {
        nothing_written(
            lang,
            lang.fill(
                Msg::ErrFieldProblem,
                &[("field", lang.tr(field.label())), ("problem", message)],
            ),
        )
    };
    let named = |msg: Msg, err: UnknownName| unknown(lang, msg, err);
    let signed;
    let value = match sign {
        None => value,
        Some(sign) => {
            let separator = match field {
                Field::Sectors | Field::Priorities => ";",
                Field::Tags | Field::DependsOn => ",",
                Field::Links => "\n",
                _ => {
                    return Err(nothing_written(
                        lang,
                        lang.fill(
                            Msg::ErrBadAssignment,
                            &[("text", assignment), ("valid", &field_names())],
                        ),
                    ));
                }
            };
            let is_separator = |c: char| separator.contains(c) || (field == Field::DependsOn && c == ';');
            signed = value
                .split(is_separator)
                .map(str::trim)
                .filter(|item| !item.is_empty())
                .map(|item| format!("{sign}{item}"))
                .collect::<Vec<_>>()
                .join(separator);
            signed.as_str()
        }
    };
    match field {
        Field::Title if value.trim().is_empty() => return Err(problem(lang.tr(Msg::ErrEmptyTitle))),
        Field::Title => draft.title = value.to_string(),
        Field::Description => draft.description = value.to_string(),
        Field::Benefits => draft.benefits = value.to_string(),
        Field::Status => {
            draft.status = crate::export::csv::status_from_text(value).map_or_else(|| parse_status(lang, value), Ok)?;
        }
        Field::Owner if value.trim().is_empty() => draft.owner = None,
        Field::Owner => {
            draft.owner = Some(
                backlog
                    .owner_by_name(value)
                    .map_err(|e| named(Msg::ErrUnknownOwner, e))?,
            );
        }
        Field::Sectors => ListEdit::read(name_list(value), |n| {
            backlog.sector_by_label(n).map_err(|e| named(Msg::ErrUnknownSector, e))
        })?
        .apply(&mut draft.sectors),
        Field::Priorities => ListEdit::read(name_list(value), |n| {
            backlog
                .priority_by_label(n)
                .map_err(|e| named(Msg::ErrUnknownPriority, e))
        })?
        .apply(&mut draft.priorities),
        Field::Tags => {
            let tags = parse_tags(value);
            if !tags.iter().any(|t| t.starts_with(['+', '-'])) {
                draft.tags = tags;
            } else {
                for tag in tags {
                    let same = |t: &String, name: &str| t.to_lowercase() == name.trim().to_lowercase();
                    match tag.strip_prefix('-') {
                        Some(name) => draft.tags.retain(|t| !same(t, name)),
                        None => {
                            let name = tag.trim_start_matches('+').trim();
                            if !draft.tags.iter().any(|t| same(t, name)) {
                                draft.tags.push(name.to_string());
                            }
                        }
                    }
                }
            }
        }
        Field::Value => draft.value = parse_one_to_five(value).map_err(|_| problem(lang.tr(Msg::ErrOneToFive)))?,
        Field::Effort => draft.effort = parse_one_to_five(value).map_err(|_| problem(lang.tr(Msg::ErrOneToFive)))?,
        Field::Due => {
            draft.due =
                parse_date(value).map_err(|_| problem(&lang.fill(Msg::ErrBadDate, &[("text", value.trim())])))?;
        }
        Field::Funding if value.trim().is_empty() => draft.funding = None,
        Field::Funding => {
            draft.funding = Some(funding_from_text(value).ok_or_else(|| {
                let valid = Funding::ALL.map(Funding::key).join(", ");
                problem(&lang.fill(Msg::ErrBadFundingValue, &[("text", value.trim()), ("valid", &valid)]))
            })?);
        }
        Field::Cost => draft.cost_estimate = parse_amount(value).map_err(|_| problem(lang.tr(Msg::ErrBadNumber)))?,
        Field::Political => {
            draft.political.needed = parse_yes_no(value).ok_or_else(|| problem(lang.tr(Msg::ErrBadYesNo)))?;
        }
        Field::CaseNumber => {
            draft.political.case_number = Some(value.trim().to_string()).filter(|c| !c.is_empty());
        }
        // issue 16: dependencies and links
        Field::DependsOn => {
            let items = value
                .split([',', ';'])
                .map(str::trim)
                .filter(|i| !i.is_empty())
                .collect();
            ListEdit::read(items, |text| {
                text.parse::<MeasureId>()
                    .map_err(|_| nothing_written(lang, lang.fill(Msg::ErrBadMeasureId, &[("text", text)])))
            })?
            .apply(&mut draft.depends_on);
        }
        Field::PartOf => {
            draft.part_of = match value.trim() {
                "" => None,
                text => Some(
                    text.parse::<MeasureId>()
                        .map_err(|_| nothing_written(lang, lang.fill(Msg::ErrBadMeasureId, &[("text", text)])))?,
                ),
            };
        }
        Field::Links => edit_links(&mut draft.links, value),
    }
    Ok(())
}

/// Links one per line: `+label | url` adds, `-url` or `-label` removes; lines without a sign
/// replace the list.
fn edit_links(links: &mut Vec<Link>, value: &str) {
    let lines: Vec<&str> = value.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    if !lines.iter().any(|l| l.starts_with(['+', '-'])) {
        *links = lines.into_iter().filter_map(parse_link).collect();
        return;
    }
    for line in lines {
        match line.strip_prefix('-').map(str::trim) {
            Some(gone) => links.retain(|l| l.url != gone && !l.label.eq_ignore_ascii_case(gone)),
            None => {
                if let Some(link) = parse_link(line.trim_start_matches('+'))
                    && !links.contains(&link)
                {
                    links.push(link);
                }
            }
        }
    }
}

/// A refusal from the domain in the reader's language where it has words for it.
fn refused(lang: Lang, error: DomainError) -> Failure {
    nothing_written(lang, refusal_text(lang, &error))
}

/// `tiltak set ID field=value …`: every assignment is checked before the file is written once.
pub fn set(path: &Path, lang: Lang, clock: Clock, id: &str, assignments: &[String]) -> Result<(), Failure> {
    let _lock = lock_for_writing(path, lang)?;
    let mut backlog = open_for_writing(path, lang)?;
    let id = measure_id(lang, &backlog, id)?;
    let old = backlog
        .measure(id)
        .map(MeasureDraft::from_measure)
        .ok_or_else(|| nothing_written(lang, lang.fill(Msg::ErrUnknownMeasureId, &[("id", &id.to_string())])))?;
    let mut draft = old.clone();
    for assignment in assignments {
        assign(lang, &backlog, &mut draft, assignment)?;
    }
    let edit = backlog
        .update_measure(id, draft, clock.now())
        .map_err(|e| refused(lang, e))?;
    let Some(mut edit) = edit else {
        println!("{}", lang.fill(Msg::SetUnchanged, &[("id", &id.to_string())]));
        return Ok(());
    };
    edit.sign(&mut backlog, &super::author(path));
    store::save(&backlog, path).map_err(|e| save_failure(path, lang, &e))?;
    let new = backlog
        .measure(id)
        .map(MeasureDraft::from_measure)
        .unwrap_or(old.clone());
    println!("{}", lang.fill(Msg::SetChanged, &[("id", &id.to_string())]));
    for change in fields::changes(&backlog, &old, &new, lang) {
        println!("  {}", visible(&fields::summary_line(&change, lang)));
    }
    Ok(())
}

/// `tiltak show ID [--json]`: every field and the log, newest entry first.
pub fn show(path: &Path, lang: Lang, id: &str, json: bool) -> Result<(), Failure> {
    let (backlog, _) = open(path, lang)?;
    let id = measure_id(lang, &backlog, id)?;
    let Some(m) = backlog.measure(id) else {
        return Err(nothing_written(
            lang,
            lang.fill(Msg::ErrUnknownMeasureId, &[("id", &id.to_string())]),
        ));
    };
    if json {
        let mut text = serde_json::to_string_pretty(&MeasureJson::of(&backlog, m, true).with_inverse(&backlog, m))
            .map_err(|e| Failure::io(e.to_string()))?;
        text.push('\n');
        return crate::cli::write_stdout(json_escaped(&text).as_bytes());
    }
    let draft = MeasureDraft::from_measure(m);
    let mut out = format!("{} {}\n", m.id, m.title);
    for field in Field::ALL.into_iter().filter(|f| *f != Field::Title) {
        let text = field.text(&backlog, &draft, lang);
        let text = if text.is_empty() {
            lang.tr(Msg::None).to_string()
        } else {
            text
        };
        let label = lang.tr(field.label());
        if text.contains('\n') {
            out.push_str(&format!("{label}:\n"));
            for line in text.lines() {
                out.push_str(&format!("  {line}\n"));
            }
        } else {
            out.push_str(&format!("{label}: {text}\n"));
        }
    }
    // issue 16: the other direction of the connections, and the case link
    let ids = |ms: Vec<&crate::domain::Measure>| ms.iter().map(|x| x.id).collect::<Vec<_>>();
    for (label, found) in [
        (Msg::FieldNeededBy, ids(backlog.needed_by(m.id))),
        (Msg::FieldParts, ids(backlog.parts(m.id))),
    ] {
        if !found.is_empty() {
            out.push_str(&format!(
                "{}: {}\n",
                lang.tr(label),
                crate::domain::depends::ids_text(&found)
            ));
        }
    }
    if let Some(blocked) = crate::insight::connections::blocked_text(lang, &backlog, m) {
        out.push_str(&format!("⊘ {blocked}\n"));
    }
    if let Some(case) = crate::domain::links::case_link(&backlog.settings, m) {
        out.push_str(&format!("{}: {}\n", lang.tr(Msg::FieldCaseUrlTemplate), case.url));
    }
    out.push_str(&format!("{}: {}\n", lang.tr(Msg::FieldCreated), m.created));
    out.push_str(&format!("{}: {}\n", lang.tr(Msg::FieldUpdated), m.updated));
    out.push_str(&format!("{}:\n", lang.tr(Msg::FieldLog)));
    if m.log.is_empty() {
        out.push_str(&format!("  {}\n", lang.tr(Msg::NoLog)));
    }
    for entry in m.log.iter().rev() {
        out.push_str(&format!("  {}\n", log_text(lang, entry).replace('\n', "\n    ")));
    }
    crate::cli::write_stdout(visible(&out).as_bytes())
}

/// `tiltak note ID TEXT`: a note in the measure's log, as the review's `n` writes it.
pub fn note(path: &Path, lang: Lang, clock: Clock, id: &str, text: &str) -> Result<(), Failure> {
    if text.trim().is_empty() {
        return Err(nothing_written(lang, lang.tr(Msg::ErrEmptyNote).to_string()));
    }
    let _lock = lock_for_writing(path, lang)?;
    let mut backlog = open_for_writing(path, lang)?;
    let id = measure_id(lang, &backlog, id)?;
    let entry = LogEntry {
        author: super::author(path),
        ..LogEntry::note(clock.now(), text.trim().to_string())
    };
    backlog
        .log_to_measure(id, entry)
        .map_err(|e| nothing_written(lang, e.to_string()))?;
    store::save(&backlog, path).map_err(|e| save_failure(path, lang, &e))?;
    println!("{}", lang.fill(Msg::NoteAdded, &[("id", &id.to_string())]));
    Ok(())
}

/// `tiltak rm ID [--yes]`: asks on the terminal unless `--yes`; anything but yes keeps it.
pub fn remove(path: &Path, lang: Lang, id: &str, yes: bool) -> Result<(), Failure> {
    let _lock = lock_for_writing(path, lang)?;
    let mut backlog = open_for_writing(path, lang)?;
    let id = measure_id(lang, &backlog, id)?;
    let title = backlog
        .measure(id)
        .map(|m| visible(&m.title).into_owned())
        .unwrap_or_default();
    let values = [("id", id.to_string()), ("title", title)];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    if !yes {
        eprint!("{}", lang.fill(Msg::RmAsk, &values));
        let mut answer = String::new();
        let confirmed = std::io::stdin().lock().read_line(&mut answer).is_ok() && parse_yes_no(&answer) == Some(true);
        if !confirmed {
            return Err(Failure::io(lang.tr(Msg::RmDeclined).to_string()));
        }
    }
    backlog
        .delete_measures(&[id])
        .map_err(|e| nothing_written(lang, e.to_string()))?;
    store::save(&backlog, path).map_err(|e| save_failure(path, lang, &e))?;
    println!("{}", lang.fill(Msg::RmDone, &values));
    Ok(())
}
