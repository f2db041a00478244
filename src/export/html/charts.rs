//! The Overview's four charts as inline SVG bar charts. Each SVG is decoration for sighted
//! readers (`aria-hidden`); the table beside it carries the same numbers for screen readers,
//! for print and for copying into a document.

use maud::{Markup, html};

use super::{Page, shown};
use crate::i18n::Msg;

struct Bar {
    label: String,
    value: usize,
    /// Drawn in the warning colour (overdue).
    warn: bool,
}

const WIDTH: usize = 480;
const LABEL_WIDTH: usize = 210;
const BAR_SPACE: usize = 230;
const ROW: usize = 24;
/// Longer labels are cut in the drawing; the table has them whole.
const LABEL_CHARS: usize = 25;

fn cut(label: &str) -> String {
    if label.chars().count() <= LABEL_CHARS {
        label.to_string()
    } else {
        let kept: String = label.chars().take(LABEL_CHARS - 1).collect();
        format!("{kept}…")
    }
}

fn svg(bars: &[Bar]) -> Markup {
    let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1);
    let height = bars.len() * ROW + 4;
    html! {
        svg.bars viewBox={ "0 0 " (WIDTH) " " (height) } width=(WIDTH) height=(height)
            aria-hidden="true" focusable="false" {
            @for (i, bar) in bars.iter().enumerate() {
                @let y = i * ROW + 2;
                @let length = if bar.value == 0 { 0 } else { (bar.value * BAR_SPACE / max).max(2) };
                text x=(LABEL_WIDTH - 8) y=(y + 16) text-anchor="end" { (cut(&bar.label)) }
                rect.bar.warn[bar.warn] x=(LABEL_WIDTH) y=(y + 3) width=(length) height=(ROW - 6) rx="2" {}
                text x=(LABEL_WIDTH + length + 6) y=(y + 16) { (bar.value) }
            }
        }
    }
}

/// A chart: caption, drawing, and a table of the same rows (with an optional third column).
fn chart(id: &str, caption: &str, head: [&str; 3], bars: &[Bar], extra: Option<&[String]>) -> Markup {
    html! {
        figure aria-labelledby={ (id) "-caption" } {
            figcaption id={ (id) "-caption" } { (caption) }
            (svg(bars))
            table.chart-table {
                caption.sr-only { (caption) }
                thead {
                    tr {
                        th scope="col" { (head[0]) }
                        th.num scope="col" { (head[1]) }
                        @if extra.is_some() { th.num scope="col" { (head[2]) } }
                    }
                }
                tbody {
                    @for (i, bar) in bars.iter().enumerate() {
                        tr {
                            th scope="row" { bdi { (bar.label) } }
                            td.num.overdue[bar.warn] { (bar.value) }
                            @if let Some(extra) = extra {
                                td.num { (extra.get(i).map(String::as_str).unwrap_or_default()) }
                            }
                        }
                    }
                }
            }
        }
    }
}

pub fn charts(page: &Page) -> Markup {
    let lang = page.lang;
    let tr = |msg| lang.tr(msg);
    let c = &page.page.insight.charts;
    let plain = |label: String, value: usize| Bar {
        label,
        value,
        warn: false,
    };
    let status: Vec<Bar> = c
        .by_status
        .iter()
        .map(|(s, n)| plain(lang.status(*s).to_string(), *n))
        .collect();
    let sectors: Vec<Bar> = c
        .active_by_sector
        .iter()
        .filter_map(|(id, n)| Some(plain(shown(&page.backlog.sector(*id)?.name), *n)))
        .collect();
    let mut due = vec![Bar {
        label: tr(Msg::Overdue).to_string(),
        value: c.due.overdue,
        warn: true,
    }];
    due.extend(c.due.quarters.iter().map(|(q, n)| {
        let label = lang.fill(
            Msg::QuarterLabel,
            &[("q", &q.number.to_string()), ("year", &q.year.to_string())],
        );
        plain(label, *n)
    }));
    due.push(plain(tr(Msg::DueLater).to_string(), c.due.later));
    due.push(plain(tr(Msg::PageNoDue).to_string(), c.due.no_due));
    let funding: Vec<Bar> = c
        .funding
        .iter()
        .map(|f| {
            plain(
                f.funding
                    .map_or(tr(Msg::FundingNotSet), |f| lang.funding(f))
                    .to_string(),
                f.count,
            )
        })
        .collect();
    let costs: Vec<String> = c.funding.iter().map(|f| page.cost(f)).collect();
    let head = |first: Msg, count: Msg| [tr(first), tr(count), tr(Msg::PageEstimatedCost)];
    html! {
        div.charts {
            (chart("chart-status", tr(Msg::ChartStatus), head(Msg::ColStatus, Msg::ColMeasures), &status, None))
            (chart("chart-sectors", tr(Msg::ChartSectors), head(Msg::PageSector, Msg::ColActive), &sectors, None))
            (chart("chart-due", tr(Msg::ChartDue), head(Msg::ColDue, Msg::ColActive), &due, None))
            (chart("chart-funding", tr(Msg::ChartFunding), head(Msg::FieldFunding, Msg::ColActive), &funding,
                Some(&costs)))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_bar_fills_the_space_and_labels_are_cut_with_an_ellipsis() {
        let bar = |label: &str, value| Bar {
            label: label.to_string(),
            value,
            warn: false,
        };
        let drawn = svg(&[bar("a", 4), bar("b", 1), bar("c", 0)]).into_string();
        assert!(drawn.contains(&format!("width=\"{BAR_SPACE}\"")), "{drawn}");
        assert!(drawn.contains(&format!("width=\"{}\"", BAR_SPACE / 4)), "{drawn}");
        assert!(drawn.contains("width=\"0\""), "{drawn}");
        assert_eq!(cut("Økonomi og virksomhetsstyring"), "Økonomi og virksomhetsst…");
        assert_eq!(cut("Helse og omsorg"), "Helse og omsorg");
    }
}
