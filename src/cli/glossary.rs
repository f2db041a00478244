//! `tiltak glossary [--json]`: the group's terms, alphabetically, with their definitions.

use std::path::Path;

use crate::cli::{Failure, open, write_stdout};
use crate::domain::text::{json_escaped, visible};
use crate::domain::{Backlog, Term};
use crate::i18n::{Lang, Msg};

/// One term as two or more lines: id, term and what it stands as; then the definition.
fn term_text(backlog: &Backlog, term: &Term, lang: Lang) -> String {
    let mut about = vec![lang.term_status(term.status).to_string()];
    if let Some(date) = term.agreed {
        about[0] = format!("{} {}", about[0], lang.date(date));
    }
    if let Some(meeting) = term.meeting {
        about[0] = format!("{} ({meeting})", about[0]);
    }
    if let Some(sector) = term.sector.and_then(|s| backlog.sector(s)) {
        about.push(sector.name.clone());
    }
    if !term.synonyms.is_empty() {
        about.push(lang.fill(Msg::MdAlsoCalled, &[("synonyms", &term.synonyms.join(", "))]));
    }
    let mut out = format!("{} {} — {}\n", term.id, term.term, about.join(" — "));
    for line in term.definition.lines() {
        out.push_str(&format!("    {line}\n"));
    }
    out
}

pub fn list(path: &Path, lang: Lang, json: bool) -> Result<(), Failure> {
    let (backlog, _) = open(path, lang)?;
    let mut terms: Vec<&Term> = backlog.glossary.iter().collect();
    terms.sort_by(|a, b| crate::search::sort::compare_titles(&a.term, &b.term));
    if json {
        let mut text = serde_json::to_string_pretty(&terms).map_err(|e| Failure::io(e.to_string()))?;
        text.push('\n');
        return write_stdout(json_escaped(&text).as_bytes());
    }
    if terms.is_empty() {
        return write_stdout(format!("{}\n", lang.tr(Msg::EmptyGlossary)).as_bytes());
    }
    let text: String = terms.iter().map(|t| term_text(&backlog, t, lang)).collect();
    write_stdout(visible(&text).as_bytes())
}
