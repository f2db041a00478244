//! The backlog as an Excel workbook, and its Measures sheet read back. Unlike CSV, every cell
//! has a type: ids, case numbers, tags and all other text are text cells (with the text number
//! format, so Excel keeps `0042` and `03/12` as typed, and `=1+1` is never a formula), dates
//! are dates shown `dd.mm.yyyy`, scores and amounts are numbers (amounts with a thousands
//! separator, which Norwegian Excel shows as a space). The other sheets are for reading:
//! owners, priorities, the priority × sector matrix, and meetings with their decisions.

use calamine::{Data, Reader, Xlsx};
use jiff::Timestamp;
use jiff::civil::Date;
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook, Worksheet, XlsxError};

use super::csv::{Column, cell};
use super::import::{self, Outcome, Problem, Table, column_letters};
use crate::domain::{Backlog, Measure, Status};
use crate::i18n::{Lang, Msg};
use crate::insight::Insight;

/// The formats a workbook uses, made once.
struct Formats {
    header: Format,
    text: Format,
    wrapped: Format,
    date: Format,
    whole: Format,
    amount: Format,
}

impl Formats {
    fn new() -> Formats {
        let text = Format::new().set_num_format("@");
        Formats {
            header: Format::new().set_bold().set_num_format("@"),
            wrapped: text.clone().set_text_wrap(),
            text,
            date: Format::new().set_num_format("dd.mm.yyyy"),
            whole: Format::new().set_num_format("0"),
            amount: Format::new().set_num_format("#,##0"),
        }
    }
}

/// Width in characters per column of the Measures sheet; long text wraps.
fn width(column: Column) -> f64 {
    match column {
        Column::Id => 8.0,
        Column::Value | Column::Effort => 8.0,
        Column::Due => 11.0,
        Column::Status | Column::Funding | Column::Political | Column::CaseNumber => 14.0,
        Column::Cost => 14.0,
        Column::Owner | Column::Tags | Column::Created | Column::Updated => 22.0,
        Column::Sectors | Column::Priorities => 30.0,
        Column::Title => 40.0,
        Column::Benefits | Column::Description | Column::Log => 50.0,
        Column::DependsOn | Column::PartOf => 14.0,
        Column::Links => 50.0,
    }
}

fn excel_date(date: Date) -> Result<ExcelDateTime, XlsxError> {
    let (Ok(year), Ok(month), Ok(day)) = (
        u16::try_from(date.year()),
        u8::try_from(date.month()),
        u8::try_from(date.day()),
    ) else {
        return Err(XlsxError::ParameterError(format!("date out of range: {date}")));
    };
    ExcelDateTime::from_ymd(year, month, day)
}

/// Writes `text` as a text cell, or nothing when it is empty.
fn text_cell(ws: &mut Worksheet, row: u32, col: u16, text: &str, format: &Format) -> Result<(), XlsxError> {
    if !text.is_empty() {
        ws.write_string_with_format(row, col, text, format)?;
    }
    Ok(())
}

fn header_row(ws: &mut Worksheet, headers: &[&str], formats: &Formats) -> Result<(), XlsxError> {
    for (col, header) in (0u16..).zip(headers) {
        ws.write_string_with_format(0, col, *header, &formats.header)?;
    }
    ws.set_freeze_panes(1, 0)?;
    Ok(())
}

/// Names a sheet and writes its header row: each column's header and width.
fn start_sheet(
    ws: &mut Worksheet,
    lang: Lang,
    name: Msg,
    columns: &[(Msg, f64)],
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(lang.tr(name))?;
    let headers: Vec<&str> = columns.iter().map(|(m, _)| lang.tr(*m)).collect();
    header_row(ws, &headers, f)?;
    for (col, (_, w)) in (0u16..).zip(columns) {
        ws.set_column_width(col, *w)?;
    }
    Ok(())
}

fn measure_cell(
    ws: &mut Worksheet,
    (row, col): (u32, u16),
    backlog: &Backlog,
    lang: Lang,
    m: &Measure,
    column: Column,
    formats: &Formats,
) -> Result<(), XlsxError> {
    let number = |ws: &mut Worksheet, n: Option<f64>, format: &Format| -> Result<(), XlsxError> {
        if let Some(n) = n {
            ws.write_number_with_format(row, col, n, format)?;
        }
        Ok(())
    };
    let (text, format) = match column {
        Column::Value => return number(ws, m.value.map(f64::from), &formats.whole),
        Column::Effort => return number(ws, m.effort.map(f64::from), &formats.whole),
        // Amounts in NOK stay below 2^53, so the number is exact.
        Column::Cost => return number(ws, m.cost_estimate.map(|c| c as f64), &formats.amount),
        Column::Due => {
            if let Some(due) = m.due {
                ws.write_datetime_with_format(row, col, excel_date(due)?, &formats.date)?;
            }
            return Ok(());
        }
        Column::Sectors | Column::Priorities | Column::Benefits | Column::Description | Column::Log | Column::Links => {
            (cell(backlog, lang, m, column), &formats.wrapped)
        }
        _ => (cell(backlog, lang, m, column), &formats.text),
    };
    text_cell(ws, row, col, &text, format)
}

fn measures_sheet<'a>(
    ws: &mut Worksheet,
    backlog: &Backlog,
    measures: impl IntoIterator<Item = &'a Measure>,
    lang: Lang,
    formats: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(lang.tr(Msg::XlsxSheetMeasures))?;
    let headers: Vec<&str> = Column::ALL.iter().map(|c| lang.tr(c.header())).collect();
    header_row(ws, &headers, formats)?;
    for (col, column) in (0u16..).zip(Column::ALL) {
        ws.set_column_width(col, width(column))?;
    }
    let mut last = 0;
    for (row, m) in (1u32..).zip(measures) {
        for (col, column) in (0u16..).zip(Column::ALL) {
            measure_cell(ws, (row, col), backlog, lang, m, column, formats)?;
        }
        last = row;
    }
    ws.autofilter(0, 0, last, (Column::ALL.len() - 1) as u16)?;
    Ok(())
}

fn owners_sheet(
    ws: &mut Worksheet,
    backlog: &Backlog,
    insight: &Insight,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let columns = [
        (Msg::FieldName, 28.0),
        (Msg::FieldRole, 22.0),
        (Msg::FieldHomeSector, 24.0),
        (Msg::FieldActiveMeasures, 14.0),
        (Msg::XlsxOverdue, 12.0),
        (Msg::XlsxAssessing, 14.0),
    ];
    start_sheet(ws, lang, Msg::XlsxSheetOwners, &columns, f)?;
    for (row, (owner, load)) in (1u32..).zip(backlog.owners.iter().zip(&insight.owners)) {
        text_cell(ws, row, 0, &owner.name, &f.text)?;
        text_cell(ws, row, 1, &owner.role, &f.text)?;
        let sector = owner.sector.and_then(|s| backlog.sector(s)).map(|s| s.name.as_str());
        text_cell(ws, row, 2, sector.unwrap_or(""), &f.text)?;
        for (col, n) in [(3, load.active), (4, load.overdue), (5, load.assessing)] {
            ws.write_number_with_format(row, col, n as f64, &f.whole)?;
        }
    }
    Ok(())
}

fn priorities_sheet(
    ws: &mut Worksheet,
    backlog: &Backlog,
    insight: &Insight,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    let columns = [
        (Msg::FieldRank, 6.0),
        (Msg::FieldTitle, 40.0),
        (Msg::XlsxTotal, 10.0),
        (Msg::FieldActiveMeasures, 14.0),
        (Msg::XlsxShareDone, 16.0),
        (Msg::XlsxSectorsReached, 16.0),
        (Msg::FieldDescription, 50.0),
    ];
    start_sheet(ws, lang, Msg::XlsxSheetPriorities, &columns, f)?;
    for (row, p) in (1u32..).zip(backlog.priorities_by_rank()) {
        let Some(stats) = insight.priorities.iter().find(|s| s.priority == p.id) else {
            continue;
        };
        ws.write_number_with_format(row, 0, f64::from(p.rank), &f.whole)?;
        text_cell(ws, row, 1, &p.title, &f.text)?;
        ws.write_number_with_format(row, 2, stats.total() as f64, &f.whole)?;
        let active: usize = Status::ALL
            .iter()
            .zip(stats.by_status)
            .filter(|(status, _)| status.is_active())
            .map(|(_, n)| n)
            .sum();
        ws.write_number_with_format(row, 3, active as f64, &f.whole)?;
        if let Some(done) = stats.percent_done() {
            ws.write_number_with_format(row, 4, f64::from(done), &f.whole)?;
        }
        ws.write_number_with_format(row, 5, stats.sectors as f64, &f.whole)?;
        text_cell(ws, row, 6, &p.description, &f.wrapped)?;
    }
    Ok(())
}

fn matrix_sheet(
    ws: &mut Worksheet,
    backlog: &Backlog,
    insight: &Insight,
    lang: Lang,
    f: &Formats,
) -> Result<(), XlsxError> {
    ws.set_name(lang.tr(Msg::XlsxSheetMatrix))?;
    let matrix = &insight.matrix;
    let sector_names: Vec<&str> = matrix
        .sectors
        .iter()
        .filter_map(|s| backlog.sector(*s))
        .map(|s| s.name.as_str())
        .collect();
    let mut headers = vec![lang.tr(Msg::XlsxPriorityBySector)];
    headers.extend(&sector_names);
    header_row(ws, &headers, f)?;
    ws.set_freeze_panes(1, 1)?;
    ws.set_column_width(0, 40.0)?;
    for (row, (id, counts)) in (1u32..).zip(matrix.priorities.iter().zip(&matrix.counts)) {
        let title = backlog
            .priority(*id)
            .map(|p| format!("{}. {}", p.rank, p.title))
            .unwrap_or_default();
        text_cell(ws, row, 0, &title, &f.text)?;
        for (col, n) in (1u16..).zip(counts) {
            ws.write_number_with_format(row, col, *n as f64, &f.whole)?;
        }
    }
    Ok(())
}

fn meetings_sheet(ws: &mut Worksheet, backlog: &Backlog, lang: Lang, f: &Formats) -> Result<(), XlsxError> {
    let columns = [
        (Msg::XlsxMeeting, 8.0),
        (Msg::FieldMeetingDate, 11.0),
        (Msg::FieldTitle, 30.0),
        (Msg::FieldAttendees, 40.0),
        (Msg::XlsxMeasure, 8.0),
        (Msg::XlsxMeasureTitle, 40.0),
        (Msg::XlsxDecision, 60.0),
    ];
    start_sheet(ws, lang, Msg::XlsxSheetMeetings, &columns, f)?;
    let mut row = 1u32;
    for meeting in &backlog.meetings {
        let attendees = backlog.owner_names(&meeting.attendees).join(", ");
        let decisions: Vec<Option<&crate::domain::Decision>> = if meeting.decisions.is_empty() {
            vec![None]
        } else {
            meeting.decisions.iter().map(Some).collect()
        };
        for decision in decisions {
            text_cell(ws, row, 0, &meeting.id.to_string(), &f.text)?;
            ws.write_datetime_with_format(row, 1, excel_date(meeting.date)?, &f.date)?;
            text_cell(ws, row, 2, &meeting.title, &f.text)?;
            text_cell(ws, row, 3, &attendees, &f.wrapped)?;
            if let Some(d) = decision {
                text_cell(ws, row, 4, &d.measure.to_string(), &f.text)?;
                let title = backlog.measure(d.measure).map_or("", |m| m.title.as_str());
                text_cell(ws, row, 5, title, &f.text)?;
                text_cell(ws, row, 6, &lang.decision(d.kind, &d.text, d.due), &f.wrapped)?;
            }
            row += 1;
        }
    }
    Ok(())
}

/// The workbook's bytes: the given measures on the first sheet, then owners, priorities, the
/// matrix and meetings of the whole backlog.
pub fn write<'a>(
    backlog: &Backlog,
    measures: impl IntoIterator<Item = &'a Measure>,
    lang: Lang,
    today: Date,
) -> Result<Vec<u8>, XlsxError> {
    let formats = Formats::new();
    let insight = Insight::compute(backlog, today);
    let mut workbook = Workbook::new();
    measures_sheet(workbook.add_worksheet(), backlog, measures, lang, &formats)?;
    owners_sheet(workbook.add_worksheet(), backlog, &insight, lang, &formats)?;
    priorities_sheet(workbook.add_worksheet(), backlog, &insight, lang, &formats)?;
    matrix_sheet(workbook.add_worksheet(), backlog, &insight, lang, &formats)?;
    meetings_sheet(workbook.add_worksheet(), backlog, lang, &formats)?;
    workbook.save_to_buffer()
}

/// An Excel serial day number as a date and time (from 01.03.1900 on, where Excel's phantom
/// 29.02.1900 no longer shifts the count).
fn serial_datetime(serial: f64) -> Option<jiff::civil::DateTime> {
    let seconds = (serial * 86_400.0).round() as i64;
    jiff::civil::date(1899, 12, 30)
        .at(0, 0, 0, 0)
        .checked_add(jiff::Span::new().try_seconds(seconds).ok()?)
        .ok()
}

/// A cell's value as the text import reads: numbers without a needless `.0`, dates as
/// `YYYY-MM-DD`. An error value (`#REF!`) is refused.
fn cell_text(cell: &Data) -> Result<String, String> {
    Ok(match cell {
        Data::Empty => String::new(),
        Data::String(s) | Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Int(n) => n.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 9.0e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => b.to_string(),
        Data::DateTime(dt) => match serial_datetime(dt.as_f64()) {
            Some(at) if at.time() == jiff::civil::Time::midnight() => at.date().to_string(),
            Some(at) => at.to_string(),
            None => dt.as_f64().to_string(),
        },
        Data::Error(e) => return Err(e.to_string()),
    })
}

/// Reads the Measures sheet (named in either language, else the first sheet) of a workbook
/// and applies it as a CSV import would: all rows or nothing, problems named by sheet, row and
/// column as Excel shows them.
pub fn import(bytes: &[u8], backlog: &Backlog, lang: Lang, now: Timestamp) -> Result<Outcome, Vec<Problem>> {
    let whole = |message: String| vec![Problem { row: 0, message }];
    let mut workbook: Xlsx<_> = calamine::open_workbook_from_rs(std::io::Cursor::new(bytes))
        .map_err(|e: calamine::XlsxError| whole(lang.fill(Msg::XlsxUnreadable, &[("error", &e.to_string())])))?;
    let sheets: Vec<String> = workbook.sheet_names();
    let wanted = [Lang::Nb, Lang::En].map(|l| l.tr(Msg::XlsxSheetMeasures).to_lowercase());
    let Some(sheet) = sheets
        .iter()
        .find(|s| wanted.contains(&s.to_lowercase()))
        .or(sheets.first())
        .cloned()
    else {
        return Err(whole(lang.tr(Msg::XlsxNoSheets).to_string()));
    };
    let range = workbook
        .worksheet_range(&sheet)
        .map_err(|e| whole(lang.fill(Msg::XlsxUnreadable, &[("error", &e.to_string())])))?;
    let (first_row, first_col) = range.start().unwrap_or((0, 0));
    let mut problems = Vec::new();
    let mut rows = Vec::new();
    for (index, cells) in range.rows().enumerate() {
        let row = u64::from(first_row) + index as u64 + 1;
        let mut texts = vec![String::new(); first_col as usize];
        for (offset, cell) in cells.iter().enumerate() {
            match cell_text(cell) {
                Ok(text) => texts.push(text),
                Err(error) => {
                    let col = column_letters(first_col as usize + offset);
                    problems.push(Problem {
                        row,
                        message: lang.fill(
                            Msg::XlsxCellError,
                            &[
                                ("sheet", &sheet),
                                ("row", &row.to_string()),
                                ("column", &col),
                                ("error", &error),
                            ],
                        ),
                    });
                    texts.push(String::new());
                }
            }
        }
        rows.push((row, texts));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // The header is the first row that has anything in it.
    let mut rows = rows.into_iter();
    let Some((header_row, header)) = rows.next() else {
        return Err(whole(lang.fill(Msg::XlsxEmptySheet, &[("sheet", &sheet)])));
    };
    let table = Table {
        header_row,
        header,
        rows: rows.collect(),
    };
    import::apply(&table, Some(&sheet), backlog, lang, now)
}
