//! The page's sections in the order a director reads them: summary, matrix, priorities,
//! owners, meetings, charts.

use maud::{Markup, html};

use super::{Page, anchor, charts, shown};
use crate::domain::{Measure, MeasureId, Meeting, PriorityId};
use crate::i18n::Msg;
use crate::insight::PriorityFlag;
use crate::insight::status_page::PriorityGroup;

pub struct Section {
    /// The element id, the target of the table of contents.
    pub id: &'static str,
    pub heading: Msg,
    pub body: fn(&Page) -> Markup,
}

pub const ALL: [Section; 6] = [
    Section {
        id: "summary",
        heading: Msg::PageSummary,
        body: summary,
    },
    Section {
        id: "matrix",
        heading: Msg::PageMatrix,
        body: matrix,
    },
    Section {
        id: "priorities",
        heading: Msg::PagePriorities,
        body: priorities,
    },
    Section {
        id: "owners",
        heading: Msg::PageOwners,
        body: owners,
    },
    Section {
        id: "meetings",
        heading: Msg::PageMeetings,
        body: meetings,
    },
    Section {
        id: "charts",
        heading: Msg::PageCharts,
        body: charts::charts,
    },
];

fn figure(value: usize, label: &str, detail: Option<Markup>) -> Markup {
    html! {
        li.figure {
            span.value { (value) }
            " " span.label { (label) }
            @if let Some(detail) = detail { (detail) }
        }
    }
}

/// The measures behind a summary figure, one a line.
fn figure_measures(page: &Page, ids: &[MeasureId]) -> Option<Markup> {
    (!ids.is_empty()).then(|| html! { ul.refs { @for id in ids { li { (page.measure_link(*id)) } } } })
}

fn link_list(page: &Page, ids: &[MeasureId]) -> Markup {
    html! {
        @for (i, id) in ids.iter().enumerate() {
            @if i > 0 { "; " }
            (page.measure_link(*id))
        }
    }
}

fn summary(page: &Page) -> Markup {
    let lang = page.lang;
    let s = &page.page.summary;
    let decided = s.decided_since.as_ref().and_then(|d| {
        let meeting = page.backlog.meeting(d.meeting)?;
        let label = lang.fill(
            Msg::PageDecidedSince,
            &[("meeting", &meeting.id.to_string()), ("date", &lang.date(meeting.date))],
        );
        Some((d.measures.len(), label, &d.measures))
    });
    let funding = &page.page.insight.charts.funding;
    html! {
        ul.figures {
            (figure(s.active, page.tr(Msg::PageActive), None))
            @match decided {
                Some((count, label, ids)) => (figure(count, &label, figure_measures(page, ids))),
                None => li.figure { span.label { (page.tr(Msg::PageNoMeetingYet)) } },
            }
            (figure(s.overdue.len(), page.tr(Msg::PageOverdue), figure_measures(page, &s.overdue)))
            (figure(s.awaiting_political.len(), page.tr(Msg::PageAwaitingPolitical),
                figure_measures(page, &s.awaiting_political)))
        }
        table {
            caption { (page.tr(Msg::ReportFunding)) }
            thead {
                tr {
                    th scope="col" { (page.tr(Msg::FieldFunding)) }
                    th.num scope="col" { (page.tr(Msg::ColActive)) }
                    th.num scope="col" { (page.tr(Msg::PageEstimatedCost)) }
                }
            }
            tbody {
                @for share in funding {
                    tr {
                        th scope="row" { (share.funding.map_or(page.tr(Msg::FundingNotSet), |f| lang.funding(f))) }
                        td.num { (share.count) }
                        td.num {
                            (page.cost(share))
                            @if share.with_cost > 0 && share.with_cost < share.count {
                                " " span.note { (lang.fill(Msg::PageCostOf, &[("n", &share.with_cost.to_string())])) }
                            }
                        }
                    }
                }
            }
        }
    }
}

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

fn matrix(page: &Page) -> Markup {
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
            td { bdi { (shown(&m.title)) } }
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

fn priorities(page: &Page) -> Markup {
    html! {
        @if page.page.groups.is_empty() { p { (page.tr(Msg::MdNoMeasures)) } }
        @for group in &page.page.groups { (priority_group(page, group)) }
    }
}

fn owners(page: &Page) -> Markup {
    let lang = page.lang;
    let threshold = page.backlog.settings.owner_load_threshold.to_string();
    let over_threshold = lang.fill(Msg::PageOverThreshold, &[("n", &threshold)]);
    let loads = &page.page.insight.owners;
    html! {
        @if loads.is_empty() {
            p { (page.tr(Msg::ReportNone)) }
        } @else {
            table {
                caption { (lang.fill(Msg::PageOwnerCaption, &[("n", &threshold)])) }
                thead {
                    tr {
                        th scope="col" { (page.tr(Msg::ColName)) }
                        th scope="col" { (page.tr(Msg::ColRole)) }
                        th.num scope="col" { (page.tr(Msg::ColActive)) }
                        th.num scope="col" { (page.tr(Msg::ColOverdue)) }
                        th.num scope="col" { (page.tr(Msg::ColAssessing)) }
                        th scope="col" { (page.tr(Msg::ColLoad)) }
                    }
                }
                tbody {
                    @for load in page.page.owners_by_load.iter().filter_map(|i| loads.get(*i)) {
                        @if let Some(owner) = page.backlog.owner(load.owner) {
                            tr {
                                th scope="row" { bdi { (shown(&owner.name)) } }
                                td { bdi { (shown(&owner.role)) } }
                                td.num { (load.active) }
                                td.num.overdue[load.overdue > 0] { (load.overdue) }
                                td.num { (load.assessing) }
                                td.flag { @if load.overloaded { "⚠ " (over_threshold) } }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// "Last meeting: Toppledermøte (M-3, 23.11.2026)".
fn meeting_heading(page: &Page, msg: Msg, meeting: &Meeting) -> String {
    page.lang.fill(
        msg,
        &[
            ("id", &meeting.id.to_string()),
            ("title", &shown(&meeting.title)),
            ("date", &page.lang.date(meeting.date)),
        ],
    )
}

/// Decisions or notes, a paragraph each, isolated from the text around them.
fn paragraphs<'a>(texts: impl Iterator<Item = &'a String>) -> Markup {
    html! { @for text in texts { p { bdi { (shown(text)) } } } }
}

fn last_meeting(page: &Page, meeting: &Meeting) -> Markup {
    let backlog = page.backlog;
    let attendees: Vec<String> = backlog.owner_names(&meeting.attendees).into_iter().map(shown).collect();
    let attendees = if attendees.is_empty() {
        page.tr(Msg::None).to_string()
    } else {
        attendees.join(", ")
    };
    let (discussed, skipped): (Vec<MeasureId>, Vec<MeasureId>) = meeting
        .agenda
        .iter()
        .partition(|id| backlog.was_discussed(meeting, **id));
    let any_notes = discussed
        .iter()
        .any(|id| backlog.notes_from(meeting.id, *id).next().is_some());
    html! {
        h3 { (meeting_heading(page, Msg::PageLastMeeting, meeting)) }
        p { (page.tr(Msg::MinAttendees)) ": " (attendees) }
        @if !discussed.is_empty() {
            table.wide {
                caption.sr-only { (page.tr(Msg::MinDecisions)) }
                thead {
                    tr {
                        th scope="col" { (page.tr(Msg::ColMeasures)) }
                        th scope="col" { (page.tr(Msg::MinDecisions)) }
                        @if any_notes { th scope="col" { (page.tr(Msg::MinNotes)) } }
                    }
                }
                tbody {
                    @for id in &discussed {
                        tr {
                            th scope="row" { (page.measure_link(*id)) }
                            td.decision { (paragraphs(backlog.decisions_on(meeting, *id).map(|d| &d.text))) }
                            @if any_notes {
                                td.notes { (paragraphs(backlog.notes_from(meeting.id, *id).map(|n| &n.text))) }
                            }
                        }
                    }
                }
            }
        }
        @if !skipped.is_empty() {
            p { (page.tr(Msg::MinNotDiscussed)) ": " (link_list(page, &skipped)) }
        }
    }
}

fn next_meeting(page: &Page, meeting: &Meeting) -> Markup {
    let lang = page.lang;
    html! {
        h3 { (meeting_heading(page, Msg::PageNextMeeting, meeting)) }
        @if meeting.agenda.is_empty() {
            p { (page.tr(Msg::PageNoAgenda)) }
        } @else {
            ol {
                @for id in &meeting.agenda {
                    li {
                        (page.measure_link(*id))
                        @if let Some(m) = page.backlog.measure(*id) {
                            " — " (lang.status(m.status)) ", " bdi { (page.owner_name(m)) }
                        }
                    }
                }
            }
        }
    }
}

fn meetings(page: &Page) -> Markup {
    let found = |id| page.backlog.meeting(id);
    let last = page.page.last_meeting.and_then(found);
    let next = page.page.next_meeting.and_then(found);
    html! {
        @match last {
            Some(meeting) => (last_meeting(page, meeting)),
            None => p { (page.tr(Msg::PageNoMeetingYet)) },
        }
        @match next {
            Some(meeting) => (next_meeting(page, meeting)),
            None => p { (page.tr(Msg::PageNoNextMeeting)) },
        }
    }
}
