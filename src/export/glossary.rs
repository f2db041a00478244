//! The glossary in Markdown: the terms a meeting agreed (for its minutes) and the whole
//! glossary (for the status report and `tiltak glossary`).

use std::fmt::Write;

use super::md_escape;
use crate::domain::{Backlog, Meeting, Term};
use crate::i18n::{Lang, Msg};

/// One term as a list item: `- **Term** (B-3, agreed 14.09.2026; also: x, y): definition`.
fn term_item(backlog: &Backlog, term: &Term, lang: Lang) -> String {
    let mut about = vec![term.id.to_string(), lang.term_status(term.status).to_string()];
    if let Some(date) = term.agreed {
        about[1] = format!("{} {}", about[1], lang.date(date));
    }
    if let Some(sector) = term.sector.and_then(|s| backlog.sector(s)) {
        about.push(md_escape(&sector.name));
    }
    if !term.synonyms.is_empty() {
        let synonyms: Vec<String> = term.synonyms.iter().map(|s| md_escape(s)).collect();
        about.push(lang.fill(Msg::MdAlsoCalled, &[("synonyms", &synonyms.join(", "))]));
    }
    let definition = term.definition.split_whitespace().collect::<Vec<_>>().join(" ");
    format!(
        "- **{}** ({}): {}\n",
        md_escape(&term.term),
        about.join("; "),
        md_escape(&definition)
    )
}

/// The minutes' section listing the terms the meeting agreed; empty when it agreed none.
pub fn agreed_in_meeting(backlog: &Backlog, meeting: &Meeting, lang: Lang) -> String {
    let agreed = backlog.terms_agreed_in(meeting);
    if agreed.is_empty() {
        return String::new();
    }
    let mut out = String::new();
    let _ = writeln!(out, "## {}\n", lang.tr(Msg::MinTermsAgreed));
    for term in agreed {
        out.push_str(&term_item(backlog, term, lang));
    }
    out.push('\n');
    out
}

/// Every term, alphabetically, under a heading of `level` `#`s; empty without terms.
pub fn glossary_section(backlog: &Backlog, lang: Lang, level: usize) -> String {
    if backlog.glossary.is_empty() {
        return String::new();
    }
    let mut terms: Vec<&Term> = backlog.glossary.iter().collect();
    terms.sort_by(|a, b| crate::search::sort::compare_titles(&a.term, &b.term));
    let mut out = format!("{} {}\n\n", "#".repeat(level), lang.tr(Msg::PaneGlossary));
    for term in terms {
        out.push_str(&term_item(backlog, term, lang));
    }
    out.push('\n');
    out
}
