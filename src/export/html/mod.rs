//! The status page: one self-contained HTML file for the directors who never open a terminal.
//! Inline CSS and SVG only (no scripts, fonts, images or links to fetch), in the UI language,
//! printable on A4. Every figure comes from [`StatusPage`]; the template only formats.
//!
//! The template engine is maud: its `html!` macro is checked at compile time and escapes every
//! value spliced into text or attributes, so backlog text can never become markup.

mod charts;
// issue 16: glossary
mod glossary;
mod matrix;
mod meetings;
mod priorities;
mod sections;
mod text;

use jiff::civil::Date;
use maud::{DOCTYPE, Markup, PreEscaped, html};

use crate::domain::{Backlog, Measure, MeasureId, PriorityId};
use crate::i18n::{Lang, Msg};
use crate::insight::FundingShare;
use crate::insight::report::amount;
use crate::insight::status_page::StatusPage;
pub use text::shown;

const STYLE: &str = include_str!("style.css");

/// What every section needs: the backlog, its computed figures, the language and the day.
struct Page<'a> {
    backlog: &'a Backlog,
    page: StatusPage,
    lang: Lang,
    today: Date,
}

impl Page<'_> {
    fn tr(&self, msg: Msg) -> &'static str {
        self.lang.tr(msg)
    }

    fn owner_name(&self, m: &Measure) -> String {
        m.owner
            .and_then(|o| self.backlog.owner(o))
            .map_or_else(|| self.tr(Msg::None).to_string(), |o| shown(&o.name))
    }

    fn sector_names(&self, m: &Measure) -> String {
        let names: Vec<String> = m
            .sectors
            .iter()
            .filter_map(|s| self.backlog.sector(*s))
            .map(|s| shown(&s.name))
            .collect();
        if names.is_empty() {
            self.tr(Msg::None).to_string()
        } else {
            names.join(", ")
        }
    }

    /// "2. Mennesket først".
    fn priority_title(&self, id: PriorityId) -> String {
        self.backlog
            .priority(id)
            .map(|p| format!("{}. {}", p.rank, shown(&p.title)))
            .unwrap_or_default()
    }

    /// "1 500 000 kr", or "–" when none of the measures has a cost estimate.
    fn cost(&self, share: &FundingShare) -> String {
        if share.with_cost > 0 {
            self.lang.fill(Msg::PageAmount, &[("amount", &amount(share.cost))])
        } else {
            self.tr(Msg::None).to_string()
        }
    }

    /// A link to the measure's row in the priorities section: its id, then its title.
    fn measure_link(&self, id: MeasureId) -> Markup {
        match self.backlog.measure(id) {
            Some(m) => html! {
                a.nowrap href={ "#" (anchor(id)) } { (m.id.to_string()) }
                " " bdi { (shown(&m.title)) }
            },
            None => html! { (id.to_string()) },
        }
    }
}

/// The id of a measure's row, the target of every link to it.
fn anchor(id: MeasureId) -> String {
    format!("measure-{id}")
}

/// The print footer: the backlog's name and the date left, the page number right (where the
/// browser supports page margin boxes).
fn print_footer(name: &str, lang: Lang, today: Date) -> String {
    let made = format!("{} · {}", shown(name), lang.date(today));
    format!(
        "@page {{ @bottom-left {{ content: {}; font: 9pt sans-serif; }} \
         @bottom-right {{ content: {}; font: 9pt sans-serif; }} }}",
        text::css_string(&made),
        page_counter(lang.tr(Msg::PagePrintPageOf)),
    )
}

/// "side {page} av {pages}" as CSS content: the placeholders become page counters.
fn page_counter(template: &str) -> String {
    let mut parts: Vec<String> = Vec::new();
    let mut rest = template;
    while let Some(start) = rest.find('{') {
        let (before, after) = rest.split_at(start);
        if !before.is_empty() {
            parts.push(text::css_string(before));
        }
        if let Some(after) = after.strip_prefix("{pages}") {
            parts.push("counter(pages)".to_string());
            rest = after;
        } else if let Some(after) = after.strip_prefix("{page}") {
            parts.push("counter(page)".to_string());
            rest = after;
        } else {
            parts.push(text::css_string("{"));
            rest = &after[1..];
        }
    }
    if !rest.is_empty() {
        parts.push(text::css_string(rest));
    }
    parts.join(" ")
}

/// The whole page for `backlog` as of `today`, in `lang`.
pub fn status_page(backlog: &Backlog, lang: Lang, today: Date) -> String {
    let page = Page {
        backlog,
        page: StatusPage::compute(backlog, today),
        lang,
        today,
    };
    let name = shown(&backlog.name);
    let made = lang.fill(Msg::PageMadeOn, &[("date", &lang.date(today))]);
    let sections = &sections::ALL;
    let markup = html! {
        (DOCTYPE)
        html lang=(lang.code()) {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                meta name="generator" content="tiltak";
                title { (lang.fill(Msg::PageTitle, &[("name", &name), ("date", &lang.date(today))])) }
                style { (PreEscaped(STYLE)) (PreEscaped(print_footer(&backlog.name, lang, today))) }
            }
            body {
                a.skip href="#main" { (page.tr(Msg::PageSkipToContent)) }
                header {
                    h1 { bdi { (name) } }
                    p.made { (made) }
                    nav.toc aria-label=(page.tr(Msg::PageContents)) {
                        ol {
                            @for section in sections {
                                li { a href={ "#" (section.id) } { (page.tr(section.heading)) } }
                            }
                        }
                    }
                }
                main id="main" {
                    @for section in sections {
                        section id=(section.id) aria-labelledby={ (section.id) "-heading" } {
                            h2 id={ (section.id) "-heading" } { (page.tr(section.heading)) }
                            ((section.body)(&page))
                        }
                    }
                }
            }
        }
    };
    markup.into_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn page_numbers_become_css_counters() {
        assert_eq!(
            page_counter("side {page} av {pages}"),
            "\"side \" counter(page) \" av \" counter(pages)"
        );
        assert_eq!(page_counter("{x}"), "\"\\7b \" \"x\\7d \"");
    }
}
