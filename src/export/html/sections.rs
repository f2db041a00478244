//! The page's sections in the order a director reads them: summary, matrix, priorities,
//! owners, meetings, charts. The summary and the owners' table are here; the others have a
//! module each.

use maud::{Markup, html};

use super::{Page, charts, glossary, matrix, meetings, priorities, shown};
use crate::domain::MeasureId;
use crate::i18n::Msg;

pub struct Section {
    /// The element id, the target of the table of contents.
    pub id: &'static str,
    pub heading: Msg,
    pub body: fn(&Page) -> Markup,
}

pub const ALL: [Section; 7] = [
    Section {
        id: "summary",
        heading: Msg::PageSummary,
        body: summary,
    },
    Section {
        id: "matrix",
        heading: Msg::PageMatrix,
        body: matrix::matrix,
    },
    Section {
        id: "priorities",
        heading: Msg::PagePriorities,
        body: priorities::priorities,
    },
    Section {
        id: "owners",
        heading: Msg::PageOwners,
        body: owners,
    },
    Section {
        id: "meetings",
        heading: Msg::PageMeetings,
        body: meetings::meetings,
    },
    Section {
        id: "charts",
        heading: Msg::PageCharts,
        body: charts::charts,
    },
    // issue 16: glossary
    Section {
        id: "glossary",
        heading: Msg::PaneGlossary,
        body: glossary::glossary,
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

pub(super) fn link_list(page: &Page, ids: &[MeasureId]) -> Markup {
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
