//! CSV that Norwegian Excel opens by double-click: `;` between fields, a UTF-8 byte-order mark,
//! CRLF line ends, quotes where a field needs them. One row per measure, every field, names
//! rather than ids. The same columns are read back by [`super::import`].

use super::fields::{owner_name, priority_titles, sector_names};
use crate::domain::{Backlog, Funding, LogEntry, Measure, Status};
use crate::i18n::{Lang, Msg};

pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Separates several sectors or priorities inside one cell.
pub const LIST_SEPARATOR: &str = "; ";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Column {
    Id,
    Title,
    Status,
    Owner,
    Sectors,
    Priorities,
    Value,
    Effort,
    Due,
    Funding,
    Cost,
    Political,
    CaseNumber,
    Benefits,
    Tags,
    Description,
    Created,
    Updated,
    Log,
    // issue 16: dependencies and links, after the older columns so those keep their places
    DependsOn,
    PartOf,
    Links,
}

impl Column {
    pub const ALL: [Column; 22] = [
        Column::Id,
        Column::Title,
        Column::Status,
        Column::Owner,
        Column::Sectors,
        Column::Priorities,
        Column::Value,
        Column::Effort,
        Column::Due,
        Column::Funding,
        Column::Cost,
        Column::Political,
        Column::CaseNumber,
        Column::Benefits,
        Column::Tags,
        Column::Description,
        Column::Created,
        Column::Updated,
        Column::Log,
        Column::DependsOn,
        Column::PartOf,
        Column::Links,
    ];

    pub fn header(self) -> Msg {
        match self {
            Column::Id => Msg::CsvId,
            Column::Title => Msg::CsvTitle,
            Column::Status => Msg::CsvStatus,
            Column::Owner => Msg::CsvOwner,
            Column::Sectors => Msg::CsvSectors,
            Column::Priorities => Msg::CsvPriorities,
            Column::Value => Msg::CsvValue,
            Column::Effort => Msg::CsvEffort,
            Column::Due => Msg::CsvDue,
            Column::Funding => Msg::CsvFunding,
            Column::Cost => Msg::CsvCost,
            Column::Political => Msg::CsvPolitical,
            Column::CaseNumber => Msg::CsvCaseNumber,
            Column::Benefits => Msg::CsvBenefits,
            Column::Tags => Msg::CsvTags,
            Column::Description => Msg::CsvDescription,
            Column::Created => Msg::CsvCreated,
            Column::Updated => Msg::CsvUpdated,
            Column::Log => Msg::CsvLog,
            Column::DependsOn => Msg::FieldDependsOn,
            Column::PartOf => Msg::FieldPartOf,
            Column::Links => Msg::FieldLinks,
        }
    }

    /// The column a header cell names, in either language, ignoring case.
    pub fn from_header(text: &str) -> Option<Column> {
        let wanted = text.trim().to_lowercase();
        Column::ALL.into_iter().find(|c| {
            [Lang::Nb, Lang::En]
                .iter()
                .any(|lang| lang.tr(c.header()).to_lowercase() == wanted)
        })
    }
}

/// A measure's cell as text, exactly (the workbook takes its text cells from here, so anything
/// only CSV needs, such as neutralising formula starts, belongs in [`write`]).
pub(super) fn cell(backlog: &Backlog, lang: Lang, m: &Measure, column: Column) -> String {
    let number = |n: Option<u8>| n.map(|n| n.to_string()).unwrap_or_default();
    match column {
        Column::Id => m.id.to_string(),
        Column::Title => m.title.clone(),
        Column::Status => lang.status(m.status).to_string(),
        Column::Owner => owner_name(backlog, m.owner),
        Column::Sectors => sector_names(backlog, &m.sectors),
        Column::Priorities => priority_titles(backlog, &m.priorities),
        Column::Value => number(m.value),
        Column::Effort => number(m.effort),
        Column::Due => m.due.map(|d| d.to_string()).unwrap_or_default(),
        Column::Funding => m.funding.map(|f| lang.funding(f).to_string()).unwrap_or_default(),
        Column::Cost => m.cost_estimate.map(|c| c.to_string()).unwrap_or_default(),
        Column::Political => lang.tr(if m.political.needed { Msg::Yes } else { Msg::No }).to_string(),
        Column::CaseNumber => m.political.case_number.clone().unwrap_or_default(),
        Column::Benefits => m.benefits.clone(),
        Column::Tags => crate::human::tags_text(&m.tags),
        Column::Description => m.description.clone(),
        Column::Created => m.created.to_string(),
        Column::Updated => m.updated.to_string(),
        Column::Log => m
            .log
            .iter()
            .rev()
            .map(|entry| log_text(lang, entry))
            .collect::<Vec<_>>()
            .join("\n"),
        Column::DependsOn => crate::domain::depends::ids_text(&m.depends_on),
        Column::PartOf => m.part_of.map(|p| p.to_string()).unwrap_or_default(),
        Column::Links => crate::domain::links::links_text(&m.links),
    }
}

/// One log entry as a line of text: "2026-10-19 decision: Approved (M-2)".
pub fn log_text(lang: Lang, entry: &LogEntry) -> String {
    let mut text = format!("{} {}:", entry.at, lang.log_kind(entry.kind));
    if let (Some(from), Some(to)) = (entry.from, entry.to) {
        text.push(' ');
        text.push_str(&lang.fill(
            Msg::LogStatusLine,
            &[("from", lang.status(from)), ("to", lang.status(to))],
        ));
    }
    let said = lang.entry_text(entry);
    if !said.is_empty() {
        text.push(' ');
        text.push_str(&said);
    }
    if !entry.author.is_empty() {
        text.push(' ');
        text.push_str(&lang.fill(Msg::LogAuthor, &[("author", &entry.author)]));
    }
    if let Some(meeting) = entry.meeting {
        text.push_str(&format!(" ({meeting})"));
    }
    text
}

/// Whether a spreadsheet would read `text` as a formula, also after the `'`s before it are
/// taken away (OWASP's rule for CSV injection). A plain number, negative too, is no formula.
fn needs_guard(text: &str) -> bool {
    let rest = text.trim_start_matches('\'');
    rest.starts_with(['=', '+', '-', '@', '\t', '\r']) && rest.trim().replace(',', ".").parse::<f64>().is_err()
}

/// A cell a spreadsheet would run as a formula gets a leading `'`, which makes it text; control
/// characters (from a file written elsewhere) are shown visibly, as everywhere text goes out.
fn guarded(text: String) -> String {
    let text = crate::domain::text::visible_in_cell(&text).into_owned();
    if needs_guard(&text) { format!("'{text}") } else { text }
}

/// A cell as read back: the one `'` that [`guarded`] added is taken away again, so export →
/// spreadsheet → import gives back the text as it was.
pub fn unguarded(text: &str) -> &str {
    match text.strip_prefix('\'') {
        Some(rest) if needs_guard(rest) => rest,
        _ => text,
    }
}

/// The measures as CSV bytes, with a header row in `lang`.
pub fn write<'a>(
    backlog: &Backlog,
    measures: impl IntoIterator<Item = &'a Measure>,
    lang: Lang,
    delimiter: u8,
) -> std::io::Result<Vec<u8>> {
    let mut writer = ::csv::WriterBuilder::new()
        .delimiter(delimiter)
        .terminator(::csv::Terminator::CRLF)
        .quote_style(::csv::QuoteStyle::Necessary)
        .from_writer(BOM.to_vec());
    writer.write_record(Column::ALL.iter().map(|c| lang.tr(c.header())))?;
    for m in measures {
        writer.write_record(Column::ALL.iter().map(|c| guarded(cell(backlog, lang, m, *c))))?;
    }
    writer.into_inner().map_err(|e| e.into_error())
}

/// A status by its key or its word in either language.
pub fn status_from_text(text: &str) -> Option<Status> {
    let wanted = text.trim().to_lowercase();
    Status::from_key(&wanted).or_else(|| {
        Status::ALL.into_iter().find(|s| {
            [Lang::Nb, Lang::En]
                .iter()
                .any(|l| l.status(*s).to_lowercase() == wanted)
        })
    })
}

/// A funding form by its key or its word in either language.
pub fn funding_from_text(text: &str) -> Option<Funding> {
    let wanted = text.trim().to_lowercase();
    Funding::ALL.into_iter().find(|f| {
        f.key() == wanted
            || [Lang::Nb, Lang::En]
                .iter()
                .any(|l| l.funding(*f).to_lowercase() == wanted)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_header_is_recognised_in_both_languages_and_has_no_separator() {
        for column in Column::ALL {
            for lang in [Lang::Nb, Lang::En] {
                let header = lang.tr(column.header());
                assert!(!header.contains([';', ',', '"']), "{header}");
                assert_eq!(Column::from_header(&header.to_uppercase()), Some(column));
            }
        }
    }

    #[test]
    fn formula_starts_are_guarded_and_read_back_exactly() {
        for text in [
            "=1+1",
            "+47 123",
            "-x",
            "@SUM(A1)",
            "\tTab",
            "\rCR",
            "'=already",
            "''@two",
        ] {
            let out = guarded(text.to_string());
            assert!(out.starts_with('\''), "{text:?} → {out:?}");
            assert_eq!(unguarded(&out), text);
        }
        for text in ["-12", "-1,5", " =kept", "'quoted", "plain", "", "'"] {
            assert_eq!(guarded(text.to_string()), text);
            assert_eq!(unguarded(text), text);
        }
    }

    #[test]
    fn statuses_and_funding_read_in_both_languages() {
        assert_eq!(status_from_text("Til vurdering"), Some(Status::Assessing));
        assert_eq!(status_from_text("in progress"), Some(Status::InProgress));
        assert_eq!(status_from_text("in_progress"), Some(Status::InProgress));
        assert_eq!(status_from_text("ferdig"), None);
        assert_eq!(funding_from_text("Drift"), Some(Funding::Operating));
        assert_eq!(funding_from_text("external"), Some(Funding::External));
    }
}
