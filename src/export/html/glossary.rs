//! The page's glossary: the group's terms alphabetically, each with its definition, status,
//! owning sector and synonyms (retired terms last, marked as such).

use maud::{Markup, html};

use super::{Page, shown};
use crate::domain::{Term, TermStatus};
use crate::i18n::Msg;

pub(super) fn glossary(page: &Page) -> Markup {
    let lang = page.lang;
    let mut terms: Vec<&Term> = page.backlog.glossary.iter().collect();
    terms.sort_by(|a, b| {
        (a.status == TermStatus::Retired)
            .cmp(&(b.status == TermStatus::Retired))
            .then(crate::search::sort::compare_titles(&a.term, &b.term))
    });
    html! {
        @if terms.is_empty() {
            p { (page.tr(Msg::EmptyGlossary)) }
        } @else {
            dl.glossary {
                @for term in terms {
                    dt id={ "term-" (term.id) } {
                        bdi { (shown(&term.term)) }
                        " " span.id { "(" (term.id) ")" }
                    }
                    dd {
                        p { bdi { (shown(&term.definition)) } }
                        p.about {
                            (lang.term_status(term.status))
                            @if let Some(date) = term.agreed { " " (lang.date(date)) }
                            @if let Some(sector) = term.sector.and_then(|s| page.backlog.sector(s)) {
                                " · " bdi { (shown(&sector.name)) }
                            }
                            @if !term.synonyms.is_empty() {
                                " · " (lang.fill(Msg::MdAlsoCalled, &[("synonyms", &shown(&term.synonyms.join(", ")))]))
                            }
                        }
                    }
                }
            }
        }
    }
}
