//! The priorities in rank order, each with the measures listed under it (each measure once,
//! under its highest-ranked priority) and links to those listed under another.

use maud::{Markup, html};

use super::sections::link_list;
use super::{Page, anchor, shown};
use crate::domain::{Measure, PriorityId};
use crate::i18n::Msg;
use crate::insight::connections::blocked_text;
use crate::insight::status_page::PriorityGroup;

const MEASURE_COLUMNS: [Msg; 6] = [
    Msg::ColId,
    Msg::ColTitle,
    Msg::ColStatus,
    Msg::ColOwner,
    Msg::ColSectors,
    Msg::ColDue,
];

fn measure_row(page: &Page, m: &Measure) -> Markup {
    let lang = page.lang;
    let overdue = m.is_overdue(page.today);
    html! {
        tr.late[overdue] id=(anchor(m.id)) {
            th.nowrap scope="row" { (m.id.to_string()) }
            td {
                bdi { (shown(&m.title)) }
                // issue 16: what the measure waits for
                @if let Some(blocked) = blocked_text(lang, page.backlog, m) {
                    br;
                    span.note { "⊘ " (blocked) }
                }
            }
            td { (lang.status(m.status)) }
            td { bdi { (page.owner_name(m)) } }
            td { (page.sector_names(m)) }
            td.nowrap {
                @if let Some(due) = m.due { (lang.date(due)) }
                @if overdue { " " span.overdue { "! " (page.tr(Msg::Overdue)) } }
            }
        }
    }
}

/// "7 measures, 6 active, 14% done, sectors reached: 7".
fn priority_stats(page: &Page, id: PriorityId) -> Option<String> {
    let insight = &page.page.insight;
    let stats = insight.priorities.iter().find(|s| s.priority == id)?;
    let row = insight.matrix.priorities.iter().position(|p| *p == id)?;
    let lang = page.lang;
    let done = match stats.percent_done() {
        Some(n) => lang.fill(Msg::Percent, &[("n", &n.to_string())]),
        None => lang.tr(Msg::None).to_string(),
    };
    Some(lang.fill(
        Msg::PagePriorityStats,
        &[
            ("total", &stats.total().to_string()),
            ("active", &insight.matrix.row_active[row].to_string()),
            ("done", &done),
            ("sectors", &stats.sectors.to_string()),
        ],
    ))
}

fn priority_group(page: &Page, group: &PriorityGroup) -> Markup {
    let backlog = page.backlog;
    let priority = group.priority.and_then(|p| backlog.priority(p));
    let heading = match priority {
        Some(p) => page.priority_title(p.id),
        None => page.tr(Msg::MdNoPriority).to_string(),
    };
    let measures: Vec<&Measure> = group.listed.iter().filter_map(|id| backlog.measure(*id)).collect();
    html! {
        div.group {
            h3 { bdi { (heading) } }
            @if let Some(p) = priority {
                @if !p.description.trim().is_empty() { p.notes { bdi { (shown(&p.description)) } } }
            }
            @if let Some(line) = group.priority.and_then(|p| priority_stats(page, p)) {
                p.note { (line) }
            }
            @if measures.is_empty() && group.also.is_empty() {
                p { (page.tr(Msg::MdNoMeasures)) }
            }
            @if !measures.is_empty() {
                table.wide.measures {
                    caption.sr-only { (heading) }
                    thead {
                        tr {
                            @for column in MEASURE_COLUMNS {
                                th scope="col" { (page.tr(column)) }
                            }
                        }
                    }
                    tbody { @for m in &measures { (measure_row(page, m)) } }
                }
            }
            @if !group.also.is_empty() {
                p { (page.tr(Msg::PageAlsoServes)) ": " (link_list(page, &group.also)) }
            }
        }
    }
}

pub(super) fn priorities(page: &Page) -> Markup {
    html! {
        @if page.page.groups.is_empty() { p { (page.tr(Msg::MdNoMeasures)) } }
        @for group in &page.page.groups { (priority_group(page, group)) }
    }
}
