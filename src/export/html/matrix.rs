//! The priority × sector matrix as a table: counts shaded by size, the Overview's markers as a
//! symbol and words, the sectors no priority reaches, and the legend.

use maud::{Markup, html};

use super::{Page, shown};
use crate::i18n::Msg;
use crate::insight::PriorityFlag;

/// Shade 1–4 of a matrix cell, relative to the largest count.
fn heat(count: usize, max: usize) -> usize {
    if count == 0 {
        0
    } else {
        (count * 4).div_ceil(max.max(1)).clamp(1, 4)
    }
}

/// A matrix row's marker, in words as well as a symbol.
fn marker(page: &Page, row: usize) -> String {
    let m = &page.page.insight.matrix;
    match m.flag(row) {
        Some(PriorityFlag::Silo) => {
            let sector = m.silo_sector(row).and_then(|s| page.backlog.sector(s));
            let name = sector.map(|s| shown(&s.name)).unwrap_or_default();
            format!("▲ {}", page.lang.fill(Msg::ReportSilo, &[("sector", &name)]))
        }
        Some(PriorityFlag::Empty) => format!("○ {}", page.tr(Msg::ReportEmpty)),
        None => String::new(),
    }
}

pub(super) fn matrix(page: &Page) -> Markup {
    let lang = page.lang;
    let backlog = page.backlog;
    let m = &page.page.insight.matrix;
    if m.priorities.is_empty() || m.sectors.is_empty() {
        return html! { p { (page.tr(Msg::PageMatrixNeedsData)) } };
    }
    let sectors: Vec<_> = m.sectors.iter().filter_map(|s| backlog.sector(*s)).collect();
    let max = m.max_count();
    let percent = crate::insight::load::rounded_percent(m.cross_sector, m.active);
    let cross_sector = lang.fill(
        Msg::CrossSectorLine,
        &[
            ("n", &m.cross_sector.to_string()),
            ("m", &m.active.to_string()),
            ("pct", &percent.to_string()),
        ],
    );
    html! {
        div.scroll role="region" tabindex="0" aria-labelledby="matrix-caption" {
            table.matrix {
                caption id="matrix-caption" { (page.tr(Msg::OverviewMatrixTitle)) }
                thead {
                    tr {
                        th scope="col" { (page.tr(Msg::PagePriority)) }
                        @for sector in &sectors {
                            th scope="col" {
                                span aria-hidden="true" { (shown(&sector.short_label())) }
                                span.sr-only { (shown(&sector.name)) }
                            }
                        }
                        th.num scope="col" { (page.tr(Msg::ColActive)) }
                        th scope="col" { (page.tr(Msg::PageMarker)) }
                    }
                }
                tbody {
                    @for (row, id) in m.priorities.iter().enumerate() {
                        tr {
                            th scope="row" { bdi { (page.priority_title(*id)) } }
                            @for count in &m.counts[row] {
                                td class={ "heat-" (heat(*count, max)) } { (count) }
                            }
                            td.num { (m.row_active[row]) }
                            td.marker { (marker(page, row)) }
                        }
                    }
                }
                tfoot {
                    tr {
                        th scope="row" { (page.tr(Msg::PageReached)) }
                        @for column in 0..m.sectors.len() {
                            td.flag {
                                @if m.sector_uncovered(column) {
                                    "✕" span.sr-only { " " (page.tr(Msg::PageNotReached)) }
                                } @else {
                                    (m.column_active[column])
                                }
                            }
                        }
                        td.num { (m.active) }
                        td {}
                    }
                }
            }
        }
        p { (cross_sector) }
        ul.legend {
            li { (page.tr(Msg::PageLegendCells)) }
            li { (page.tr(Msg::LegendSilo)) }
            li { (page.tr(Msg::LegendEmpty)) }
            li { (page.tr(Msg::LegendUncovered)) }
            li {
                (page.tr(Msg::PageSectorKey)) ": "
                @for (i, sector) in sectors.iter().enumerate() {
                    @if i > 0 { ", " }
                    (shown(&sector.short_label())) " = " (shown(&sector.name))
                }
            }
        }
    }
}
