//! Reading measures back from a table a spreadsheet edited: the CSV export ([`import`]) or the
//! workbook's Measures sheet (`super::xlsx`). The whole table is checked before anything is
//! applied: one bad row means nothing changes, and every problem is reported where the
//! spreadsheet shows it (row, column letter and header). Columns the file adds are ignored with
//! a note; columns it lacks leave those fields as they are.

use std::collections::HashMap;

use jiff::Timestamp;

use super::csv::{BOM, Column, funding_from_text, status_from_text, unguarded};
use super::fields::{self, FieldChange, summary_line};
use crate::domain::depends::parse_ids;
use crate::domain::links::parse_links;
use crate::domain::lookup::UnknownName;
use crate::domain::{Backlog, MeasureDraft, MeasureId, Status};
use crate::human::{parse_amount, parse_date, parse_one_to_five, parse_tags, parse_yes_no};
use crate::i18n::{Lang, Msg};
use crate::insight::connections::refusal_text;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The spreadsheet's row number (the header is row 1); 0 when the file as a whole is bad.
    pub row: u64,
    /// Says where ("row 5, column C (Status)") and what.
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RowChange {
    Added {
        row: u64,
        id: MeasureId,
        title: String,
    },
    Changed {
        row: u64,
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
    /// Header cells that name none of our columns; their cells were not read.
    pub ignored_columns: Vec<String>,
}

/// Cells as a spreadsheet holds them: the header row and the rows below it, each with the row
/// number the spreadsheet shows.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Table {
    /// The header's row number: 1, unless a sheet leaves rows above it empty.
    pub header_row: u64,
    pub header: Vec<String>,
    pub rows: Vec<(u64, Vec<String>)>,
}

/// A 0-based column index as a spreadsheet names it: 0 → A, 26 → AA.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        letters.push(char::from(b'A' + rem as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Where a problem is: the sheet (for a workbook), the row, and the column with its header.
struct Place<'a> {
    lang: Lang,
    sheet: Option<&'a str>,
    header: &'a [String],
}

impl Place<'_> {
    fn problem(&self, row: u64, column: Option<usize>, problem: &str) -> Problem {
        let lang = self.lang;
        let mut parts = Vec::new();
        if let Some(sheet) = self.sheet {
            parts.push(lang.fill(Msg::ImpSheet, &[("sheet", sheet)]));
        }
        if row > 0 {
            parts.push(lang.fill(Msg::ImpRow, &[("row", &row.to_string())]));
        }
        if let Some(index) = column {
            let letters = column_letters(index);
            parts.push(
                match self.header.get(index).map(|h| h.trim()).filter(|h| !h.is_empty()) {
                    Some(name) => lang.fill(Msg::ImpColumn, &[("column", &letters), ("name", name)]),
                    None => lang.fill(Msg::ImpColumnBare, &[("column", &letters)]),
                },
            );
        }
        let message = if parts.is_empty() {
            problem.to_string()
        } else {
            lang.fill(Msg::ImpProblem, &[("place", &parts.join(", ")), ("problem", problem)])
        };
        Problem { row, message }
    }
}

/// `;` or `,`, whichever the header line uses more.
pub fn sniff_delimiter(text: &str) -> u8 {
    let header = text.lines().next().unwrap_or("");
    let semicolons = header.matches(';').count();
    let commas = header.matches(',').count();
    if commas > semicolons { b',' } else { b';' }
}

struct Row<'a> {
    row: u64,
    /// The cell being read, so a problem names its column.
    column: Option<usize>,
    lang: Lang,
    place: &'a Place<'a>,
    backlog: &'a Backlog,
    problems: &'a mut Vec<Problem>,
}

impl Row<'_> {
    fn problem(&mut self, message: String) {
        self.problems.push(self.place.problem(self.row, self.column, &message));
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

    /// Fills `draft` from the row's cells (header index, column, text); problems are
    /// collected, not returned.
    fn fill(&mut self, draft: &mut MeasureDraft, cells: &[(usize, Column, &str)]) {
        for (index, column, text) in cells {
            let text = *text;
            self.column = Some(*index);
            match column {
                // Written for people to read; the log is only changed through the app.
                Column::Id | Column::Created | Column::Updated | Column::Log => {}
                Column::Title => {
                    if crate::domain::text::single_line(text).is_empty() {
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
                // issue 16: dependencies and links
                Column::DependsOn => match parse_ids(text) {
                    Ok(ids) => draft.depends_on = ids,
                    Err(bad) => self.problem(self.lang.fill(Msg::ErrBadMeasureId, &[("text", &bad)])),
                },
                Column::PartOf => match parse_ids(text).as_deref() {
                    Ok([]) => draft.part_of = None,
                    Ok([one]) => draft.part_of = Some(*one),
                    Ok(_) => self.problem(self.lang.tr(Msg::ErrOneParent).to_string()),
                    Err(bad) => self.problem(self.lang.fill(Msg::ErrBadMeasureId, &[("text", bad)])),
                },
                Column::Links => draft.links = parse_links(text),
            }
        }
    }
}

fn decode(bytes: &[u8]) -> &[u8] {
    bytes.strip_prefix(BOM).unwrap_or(bytes)
}

/// The CSV export, as Excel or LibreOffice saved it (`;` or `,`, with or without BOM, CRLF or
/// LF), as a table. Every record is a row, so a cell with line breaks is still one row.
pub fn read_csv(bytes: &[u8], lang: Lang) -> Result<Table, Vec<Problem>> {
    let body = decode(bytes);
    let text = std::str::from_utf8(body).map_err(|_| {
        vec![Problem {
            row: 0,
            message: lang.tr(Msg::ImpNotUtf8).to_string(),
        }]
    })?;
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sniff_delimiter(text))
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let place = Place {
        lang,
        sheet: None,
        header: &[],
    };
    let mut table = Table {
        header_row: 1,
        ..Table::default()
    };
    let mut problems = Vec::new();
    for (index, record) in reader.records().enumerate() {
        let row = index as u64 + 1;
        match record {
            Ok(record) if index == 0 => {
                table.header_row = row;
                table.header = record.iter().map(str::to_string).collect();
            }
            // A cell the export guarded against formulas (`'=…`) reads back as it was.
            Ok(record) => table
                .rows
                .push((row, record.iter().map(|c| unguarded(c).to_string()).collect())),
            Err(err) => problems.push(place.problem(row, None, &err.to_string())),
        }
    }
    if problems.is_empty() { Ok(table) } else { Err(problems) }
}

/// Reads CSV `bytes` and applies every row to a copy of `backlog`. Either all rows apply, or
/// the problems come back and nothing is changed.
pub fn import(bytes: &[u8], backlog: &Backlog, lang: Lang, now: Timestamp) -> Result<Outcome, Vec<Problem>> {
    let table = read_csv(bytes, lang)?;
    apply(&table, None, backlog, lang, now)
}

/// Applies a table's rows to a copy of `backlog`: a row with an id updates that measure, a row
/// without one adds a measure. `sheet` names the workbook sheet in problems.
pub fn apply(
    table: &Table,
    sheet: Option<&str>,
    backlog: &Backlog,
    lang: Lang,
    now: Timestamp,
) -> Result<Outcome, Vec<Problem>> {
    let place = Place {
        lang,
        sheet,
        header: &table.header,
    };
    if table.header.iter().all(|h| h.trim().is_empty()) {
        return Err(vec![place.problem(table.header_row, None, lang.tr(Msg::ImpEmpty))]);
    }
    let mut problems: Vec<Problem> = Vec::new();
    let mut columns: Vec<Option<Column>> = Vec::new();
    let mut ignored_columns = Vec::new();
    for (index, name) in table.header.iter().enumerate() {
        match Column::from_header(name) {
            Some(column) if columns.contains(&Some(column)) => {
                problems.push(place.problem(
                    table.header_row,
                    Some(index),
                    &lang.fill(Msg::ImpDuplicateColumn, &[("name", name)]),
                ));
                columns.push(None);
            }
            Some(column) => columns.push(Some(column)),
            None => {
                let filled = || {
                    table
                        .rows
                        .iter()
                        .any(|(_, r)| r.get(index).is_some_and(|c| !c.trim().is_empty()))
                };
                if !name.trim().is_empty() {
                    ignored_columns.push(name.trim().to_string());
                } else if filled() {
                    // Cells under no header are not read either; the note names the column letter.
                    ignored_columns.push(column_letters(index));
                }
                columns.push(None);
            }
        }
    }
    let has = |c: Column| columns.contains(&Some(c));
    if !has(Column::Id) && !has(Column::Title) {
        let names = [
            ("id", lang.tr(Column::Id.header())),
            ("title", lang.tr(Column::Title.header())),
        ];
        problems.push(place.problem(table.header_row, None, &lang.fill(Msg::ImpNeedIdOrTitle, &names)));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let mut work = backlog.clone();
    let mut changes = Vec::new();
    let mut unchanged = 0;
    let mut seen: HashMap<MeasureId, u64> = HashMap::new();
    for (row, record) in &table.rows {
        let row = *row;
        if record.iter().all(|c| c.trim().is_empty()) {
            continue;
        }
        if let Some(extra) = record.iter().skip(columns.len()).position(|c| !c.trim().is_empty()) {
            problems.push(place.problem(
                row,
                Some(columns.len() + extra),
                &lang.fill(
                    Msg::ImpColumnCount,
                    &[
                        ("found", &record.len().to_string()),
                        ("expected", &columns.len().to_string()),
                    ],
                ),
            ));
            continue;
        }
        // A spreadsheet may leave the empty cells at the end of a row out.
        let cell = |index: usize| record.get(index).map_or("", String::as_str);
        let cells: Vec<(usize, Column, &str)> = columns
            .iter()
            .enumerate()
            .filter_map(|(index, column)| column.map(|c| (index, c, cell(index))))
            .collect();
        let id_cell = cells.iter().find(|(_, c, _)| *c == Column::Id);
        let id_text = id_cell.map_or("", |(_, _, t)| t.trim());
        let mut row_reader = Row {
            row,
            column: id_cell.map(|(index, _, _)| *index),
            lang,
            place: &place,
            backlog: &work,
            problems: &mut problems,
        };
        let id = if id_text.is_empty() {
            None
        } else {
            match id_text.parse::<MeasureId>() {
                Ok(id) if work.measure(id).is_none() => {
                    row_reader.problem(lang.fill(Msg::ImpUnknownId, &[("id", &id.to_string())]));
                    continue;
                }
                Ok(id) => {
                    if let Some(first) = seen.get(&id) {
                        let first = first.to_string();
                        row_reader
                            .problem(lang.fill(Msg::ImpDuplicateId, &[("id", &id.to_string()), ("first", &first)]));
                        continue;
                    }
                    seen.insert(id, row);
                    Some(id)
                }
                Err(_) => {
                    row_reader.problem(lang.fill(Msg::ImpBadId, &[("text", id_text)]));
                    continue;
                }
            }
        };
        if id.is_none() && !has(Column::Title) {
            row_reader.column = None;
            let title = lang.tr(Column::Title.header());
            row_reader.problem(lang.fill(Msg::ImpNewNeedsTitle, &[("title", title)]));
            continue;
        }
        let old = id
            .and_then(|id| work.measure(id))
            .map(MeasureDraft::from_measure)
            .unwrap_or_else(|| MeasureDraft::titled(""));
        let mut draft = old.clone();
        let before = row_reader.problems.len();
        row_reader.fill(&mut draft, &cells);
        if row_reader.problems.len() > before {
            continue;
        }
        let result = match id {
            Some(id) => work.update_measure(id, draft, now).map(|edit| {
                edit.map(|_| {
                    let new = work.measure(id).map(MeasureDraft::from_measure);
                    let fields = new
                        .map(|new| fields::changes(&work, &old, &new, lang))
                        .unwrap_or_default();
                    RowChange::Changed { row, id, fields }
                })
            }),
            None => {
                let title = draft.title.trim().to_string();
                work.add_measure(draft, now)
                    .map(|(id, _)| Some(RowChange::Added { row, id, title }))
            }
        };
        match result {
            Ok(Some(change)) => changes.push(change),
            Ok(None) => unchanged += 1,
            Err(err) => problems.push(place.problem(row, None, &refusal_text(lang, &err))),
        }
    }
    if problems.is_empty() {
        Ok(Outcome {
            backlog: work,
            changes,
            unchanged,
            ignored_columns,
        })
    } else {
        Err(problems)
    }
}

/// What an import did (or, in a dry run, would do), one line per changed row and a total.
pub fn describe(outcome: &Outcome, lang: Lang, dry_run: bool) -> String {
    let mut out = String::new();
    for name in &outcome.ignored_columns {
        out.push_str(&lang.fill(Msg::ImpIgnoredColumn, &[("name", name)]));
        out.push('\n');
    }
    for change in &outcome.changes {
        let line = match change {
            RowChange::Added { row, id, title } => lang.fill(
                if dry_run { Msg::ImpWouldAdd } else { Msg::ImpAdded },
                &[("row", &row.to_string()), ("id", &id.to_string()), ("title", title)],
            ),
            RowChange::Changed { row, id, fields } => {
                let mut text = lang.fill(
                    if dry_run { Msg::ImpWouldChange } else { Msg::ImpChanged },
                    &[("row", &row.to_string()), ("id", &id.to_string())],
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
