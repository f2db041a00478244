//! Reading the CSV export back, e.g. after it was edited in Excel. The whole file is checked
//! before anything is applied: one bad row means nothing changes, and every problem is reported
//! with its line number.

use jiff::Timestamp;

use super::csv::{BOM, Column, funding_from_text, status_from_text};
use super::fields::{self, FieldChange, summary_line};
use crate::domain::lookup::UnknownName;
use crate::domain::{Backlog, MeasureDraft, MeasureId, Status};
use crate::human::{parse_amount, parse_date, parse_one_to_five, parse_tags, parse_yes_no};
use crate::i18n::{Lang, Msg};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// 1-based line of the file where the row starts.
    pub line: u64,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowChange {
    Added {
        line: u64,
        id: MeasureId,
        title: String,
    },
    Changed {
        line: u64,
        id: MeasureId,
        fields: Vec<FieldChange>,
    },
}

#[derive(Debug, Clone)]
pub struct Outcome {
    /// The backlog with every row applied.
    pub backlog: Backlog,
    pub changes: Vec<RowChange>,
    pub unchanged: usize,
}

/// `;` or `,`, whichever the header line uses more.
pub fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let semicolons = header.matches(';').count();
    let commas = header.matches(',').count();
    if commas > semicolons { b',' } else { b';' }
}

struct Row<'a> {
    line: u64,
    lang: Lang,
    backlog: &'a Backlog,
    problems: &'a mut Vec<Problem>,
}

impl Row<'_> {
    fn problem(&mut self, message: String) {
        let line = self.line;
        let message = self
            .lang
            .fill(Msg::ImpLine, &[("line", &line.to_string()), ("problem", &message)]);
        self.problems.push(Problem { line, message });
    }

    fn unknown(&mut self, msg: Msg, err: UnknownName) {
        let mut text = self.lang.fill(msg, &[("name", &err.given)]);
        text.push(' ');
        if err.closest.is_empty() {
            text.push_str(self.lang.tr(Msg::ErrNoneKnown));
        } else {
            text.push_str(&self.lang.fill(Msg::ErrClosest, &[("names", &err.closest.join(", "))]));
        }
        self.problem(text);
    }

    fn one_to_five(&mut self, text: &str) -> Option<u8> {
        parse_one_to_five(text).unwrap_or_else(|_| {
            self.problem(self.lang.fill(Msg::ImpBadOneToFive, &[("text", text.trim())]));
            None
        })
    }

    /// Several names in one cell: the whole cell if it is one known name, else split on `;`
    /// or line breaks.
    fn names<I>(&mut self, text: &str, find: impl Fn(&Backlog, &str) -> Result<I, UnknownName>, msg: Msg) -> Vec<I> {
        if text.trim().is_empty() {
            return Vec::new();
        }
        if let Ok(id) = find(self.backlog, text) {
            return vec![id];
        }
        let mut out = Vec::new();
        for name in text.split([';', '\n']).map(str::trim).filter(|n| !n.is_empty()) {
            match find(self.backlog, name) {
                Ok(id) => out.push(id),
                Err(err) => self.unknown(msg, err),
            }
        }
        out
    }

    /// Fills `draft` from the row's cells; problems are collected, not returned.
    fn fill(&mut self, draft: &mut MeasureDraft, cells: &[(Column, &str)]) {
        for (column, text) in cells {
            let text = *text;
            match column {
                // Written for people to read; the log is only changed through the app.
                Column::Id | Column::Created | Column::Updated | Column::Log => {}
                Column::Title => {
                    if text.trim().is_empty() {
                        self.problem(self.lang.tr(Msg::ErrEmptyTitle).to_string());
                    }
                    draft.title = text.to_string();
                }
                Column::Status if text.trim().is_empty() => {}
                Column::Status => match status_from_text(text) {
                    Some(s) => draft.status = s,
                    None => {
                        let valid: Vec<&str> = Status::ALL.iter().map(|s| self.lang.status(*s)).collect();
                        self.problem(
                            self.lang
                                .fill(Msg::ErrUnknownStatus, &[("status", text), ("valid", &valid.join(", "))]),
                        );
                    }
                },
                Column::Owner if text.trim().is_empty() => draft.owner = None,
                Column::Owner => match self.backlog.owner_by_name(text) {
                    Ok(id) => draft.owner = Some(id),
                    Err(err) => self.unknown(Msg::ErrUnknownOwner, err),
                },
                Column::Sectors => {
                    draft.sectors = self.names(text, |b, n| b.sector_by_name(n), Msg::ErrUnknownSector);
                }
                Column::Priorities => {
                    draft.priorities = self.names(text, |b, n| b.priority_by_title(n), Msg::ErrUnknownPriority);
                }
                Column::Value => draft.value = self.one_to_five(text),
                Column::Effort => draft.effort = self.one_to_five(text),
                Column::Due => match parse_date(text) {
                    Ok(due) => draft.due = due,
                    Err(_) => self.problem(self.lang.fill(Msg::ErrBadDate, &[("text", text.trim())])),
                },
                Column::Funding if text.trim().is_empty() => draft.funding = None,
                Column::Funding => match funding_from_text(text) {
                    Some(f) => draft.funding = Some(f),
                    None => self.problem(self.lang.fill(Msg::ImpBadFunding, &[("text", text.trim())])),
                },
                Column::Cost => match parse_amount(text) {
                    Ok(cost) => draft.cost_estimate = cost,
                    Err(_) => self.problem(self.lang.tr(Msg::ErrBadNumber).to_string()),
                },
                Column::Political => match parse_yes_no(text) {
                    Some(needed) => draft.political.needed = needed,
                    None => self.problem(self.lang.fill(Msg::ImpBadYesNo, &[("text", text.trim())])),
                },
                Column::CaseNumber => {
                    draft.political.case_number = Some(text.trim().to_string()).filter(|c| !c.is_empty());
                }
                Column::Benefits => draft.benefits = text.to_string(),
                Column::Tags => draft.tags = parse_tags(text),
                Column::Description => draft.description = text.to_string(),
            }
        }
    }
}

/// The 1-based line where the record at byte `offset` of `text` starts. With CRLF the reader
/// reports a record as starting at the `\n` of the line end before it, so line ends are skipped.
fn line_at(text: &str, offset: u64) -> u64 {
    let bytes = text.as_bytes();
    let mut end = usize::try_from(offset).unwrap_or(usize::MAX).min(bytes.len());
    while end < bytes.len() && matches!(bytes[end], b'\r' | b'\n') {
        end += 1;
    }
    bytes[..end].iter().filter(|b| **b == b'\n').count() as u64 + 1
}

fn decode(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// Reads `bytes` (`;` or `,`, with or without BOM, CRLF or LF) and applies every row to a copy
/// of `backlog`. Either all rows apply, or the problems come back and nothing is changed.
pub fn import(bytes: &[u8], backlog: &Backlog, lang: Lang, now: Timestamp) -> Result<Outcome, Vec<Problem>> {
    let body = decode(bytes);
    let text = match std::str::from_utf8(body) {
        Ok(text) => text,
        Err(err) => {
            let line = body[..err.valid_up_to()].iter().filter(|b| **b == b'\n').count() as u64 + 1;
            return Err(vec![Problem {
                line,
                message: lang.fill(
                    Msg::ImpLine,
                    &[("line", &line.to_string()), ("problem", lang.tr(Msg::ImpNotUtf8))],
                ),
            }]);
        }
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut problems: Vec<Problem> = Vec::new();
    let mut records = reader.records();
    let line_problem = |line: u64, message: String| Problem {
        line,
        message: lang.fill(Msg::ImpLine, &[("line", &line.to_string()), ("problem", &message)]),
    };
    let header = match records.next() {
        Some(Ok(header)) => header,
        Some(Err(err)) => return Err(vec![line_problem(1, err.to_string())]),
        None => return Err(vec![line_problem(1, lang.tr(Msg::ImpEmpty).to_string())]),
    };
    let mut columns: Vec<Column> = Vec::new();
    for name in header.iter() {
        match Column::from_header(name) {
            Some(column) if columns.contains(&column) => {
                problems.push(line_problem(1, lang.fill(Msg::ImpDuplicateColumn, &[("name", name)])));
            }
            Some(column) => columns.push(column),
            None => {
                let known: Vec<&str> = Column::ALL.iter().map(|c| lang.tr(c.header())).collect();
                problems.push(line_problem(
                    1,
                    lang.fill(Msg::ImpUnknownColumn, &[("name", name), ("known", &known.join(", "))]),
                ));
            }
        }
    }
    if !columns.contains(&Column::Title) {
        problems.push(line_problem(
            1,
            lang.fill(Msg::ImpMissingColumn, &[("name", lang.tr(Column::Title.header()))]),
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut work = backlog.clone();
    let mut changes = Vec::new();
    let mut unchanged = 0;
    let mut seen: Vec<(MeasureId, u64)> = Vec::new();
    for record in records {
        let record = match record {
            Ok(record) => record,
            Err(err) => {
                let line = err.position().map_or(0, |p| line_at(text, p.byte()));
                problems.push(line_problem(line, err.to_string()));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| line_at(text, p.byte()));
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if record.len() != columns.len() {
            problems.push(line_problem(
                line,
                lang.fill(
                    Msg::ImpColumnCount,
                    &[
                        ("found", &record.len().to_string()),
                        ("expected", &columns.len().to_string()),
                    ],
                ),
            ));
            continue;
        }
        let cells: Vec<(Column, &str)> = columns.iter().copied().zip(record.iter()).collect();
        let id_text = cells
            .iter()
            .find(|(c, _)| *c == Column::Id)
            .map_or("", |(_, t)| t.trim());
        let mut row = Row {
            line,
            lang,
            backlog: &work,
            problems: &mut problems,
        };
        let id = if id_text.is_empty() {
            None
        } else {
            match id_text.parse::<MeasureId>() {
                Ok(id) if work.measure(id).is_none() => {
                    row.problem(lang.fill(Msg::ImpUnknownId, &[("id", &id.to_string())]));
                    continue;
                }
                Ok(id) => {
                    if let Some((_, first)) = seen.iter().find(|(s, _)| *s == id) {
                        let first = first.to_string();
                        row.problem(lang.fill(Msg::ImpDuplicateId, &[("id", &id.to_string()), ("first", &first)]));
                        continue;
                    }
                    seen.push((id, line));
                    Some(id)
                }
                Err(_) => {
                    row.problem(lang.fill(Msg::ImpBadId, &[("text", id_text)]));
                    continue;
                }
            }
        };
        let old = id
            .and_then(|id| work.measure(id))
            .map(MeasureDraft::from_measure)
            .unwrap_or_else(|| MeasureDraft::titled(""));
        let mut draft = old.clone();
        let before = row.problems.len();
        row.fill(&mut draft, &cells);
        if row.problems.len() > before {
            continue;
        }
        let result = match id {
            Some(id) => work.update_measure(id, draft, now).map(|edit| {
                edit.map(|_| {
                    let new = work.measure(id).map(MeasureDraft::from_measure);
                    let fields = new
                        .map(|new| fields::changes(&work, &old, &new, lang))
                        .unwrap_or_default();
                    RowChange::Changed { line, id, fields }
                })
            }),
            None => {
                let title = draft.title.trim().to_string();
                work.add_measure(draft, now)
                    .map(|(id, _)| Some(RowChange::Added { line, id, title }))
            }
        };
        match result {
            Ok(Some(change)) => changes.push(change),
            Ok(None) => unchanged += 1,
            Err(err) => problems.push(line_problem(line, err.to_string())),
        }
    }
    if problems.is_empty() {
        Ok(Outcome {
            backlog: work,
            changes,
            unchanged,
        })
    } else {
        Err(problems)
    }
}

/// What an import did (or, in a dry run, would do), one line per changed row and a total.
pub fn describe(outcome: &Outcome, lang: Lang, dry_run: bool) -> String {
    let mut out = String::new();
    for change in &outcome.changes {
        let line = match change {
            RowChange::Added { line, id, title } => lang.fill(
                if dry_run { Msg::ImpWouldAdd } else { Msg::ImpAdded },
                &[("line", &line.to_string()), ("id", &id.to_string()), ("title", title)],
            ),
            RowChange::Changed { line, id, fields } => {
                let mut text = lang.fill(
                    if dry_run { Msg::ImpWouldChange } else { Msg::ImpChanged },
                    &[("line", &line.to_string()), ("id", &id.to_string())],
                );
                for change in fields {
                    text.push_str("\n    ");
                    text.push_str(&summary_line(change, lang));
                }
                text
            }
        };
        out.push_str(&line);
        out.push('\n');
    }
    let added = outcome
        .changes
        .iter()
        .filter(|c| matches!(c, RowChange::Added { .. }))
        .count();
    let changed = outcome.changes.len() - added;
    out.push_str(&lang.fill(
        if dry_run { Msg::ImpDryRunTotal } else { Msg::ImpTotal },
        &[
            ("added", &added.to_string()),
            ("changed", &changed.to_string()),
            ("unchanged", &outcome.unchanged.to_string()),
        ],
    ));
    out.push('\n');
    out
}
