//! What the HTML status page shows beyond the Overview's insight: the summary figures, the
//! measures per priority (each measure listed once), the owners by load and the meetings on
//! either side of today. The page only formats what is computed here.

use jiff::Timestamp;
use jiff::civil::Date;

use super::Insight;
use crate::domain::{Backlog, LogKind, Measure, MeasureId, MeetingId, PriorityId, Status};

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary {
    pub active: usize,
    /// Overdue measures, the longest overdue first.
    pub overdue: Vec<MeasureId>,
    /// Active measures that need political handling, as the Markdown status report counts them.
    pub awaiting_political: Vec<MeasureId>,
    /// `None` when the group has not met yet.
    pub decided_since: Option<DecidedSince>,
}

/// Measures that were moved to `decided` on or after the day of the last meeting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DecidedSince {
    pub meeting: MeetingId,
    pub measures: Vec<MeasureId>,
}

/// One priority's measures on the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PriorityGroup {
    /// `None`: the measures without a priority.
    pub priority: Option<PriorityId>,
    /// Measures whose highest-ranked priority this is, by status, then due date, then id.
    pub listed: Vec<MeasureId>,
    /// Measures that also serve this priority but are listed under a higher-ranked one.
    pub also: Vec<MeasureId>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct StatusPage {
    pub insight: Insight,
    pub summary: Summary,
    /// The priorities in rank order, then (when there are any) the measures without one.
    pub groups: Vec<PriorityGroup>,
    /// Indices into `insight.owners`: most active measures first, then by name.
    pub owners_by_load: Vec<usize>,
    /// The most recent meeting on or before today.
    pub last_meeting: Option<MeetingId>,
    /// The first meeting planned after today.
    pub next_meeting: Option<MeetingId>,
}

impl StatusPage {
    pub fn compute(backlog: &Backlog, today: Date) -> StatusPage {
        let insight = Insight::compute(backlog, today);
        let last_meeting = backlog.last_meeting_before(today).map(|m| m.id);
        let next_meeting = backlog.next_planned_after(today).map(|m| m.id);
        let summary = Summary {
            active: insight.matrix.active,
            overdue: overdue(backlog, today),
            awaiting_political: backlog
                .measures
                .iter()
                .filter(|m| m.awaits_political_handling())
                .map(|m| m.id)
                .collect(),
            decided_since: last_meeting.and_then(|id| decided_since(backlog, id)),
        };
        let mut owners_by_load: Vec<usize> = (0..insight.owners.len()).collect();
        let name = |i: usize| backlog.owner(insight.owners[i].owner).map(|o| o.name.to_lowercase());
        owners_by_load.sort_by_key(|i| (std::cmp::Reverse(insight.owners[*i].active), name(*i)));
        StatusPage {
            groups: priority_groups(backlog, &insight.matrix.priorities),
            summary,
            owners_by_load,
            last_meeting,
            next_meeting,
            insight,
        }
    }
}

fn overdue(backlog: &Backlog, today: Date) -> Vec<MeasureId> {
    let mut late: Vec<&Measure> = backlog.measures.iter().filter(|m| m.is_overdue(today)).collect();
    late.sort_by_key(|m| (m.due, m.id));
    late.into_iter().map(|m| m.id).collect()
}

fn decided_since(backlog: &Backlog, meeting: MeetingId) -> Option<DecidedSince> {
    let held = backlog.meeting(meeting)?.date;
    let since: Timestamp = held.to_zoned(jiff::tz::TimeZone::UTC).ok()?.timestamp();
    let measures = backlog
        .measures
        .iter()
        .filter(|m| {
            m.log
                .iter()
                .any(|e| e.kind == LogKind::StatusChange && e.to == Some(Status::Decided) && e.at >= since)
        })
        .map(|m| m.id)
        .collect();
    Some(DecidedSince { meeting, measures })
}

/// Each measure is listed under its highest-ranked priority (`ranked` is the rank order) and
/// named under the others, so the page shows it once but every priority shows all of its own.
fn priority_groups(backlog: &Backlog, ranked: &[PriorityId]) -> Vec<PriorityGroup> {
    let rank_of = |p: &PriorityId| ranked.iter().position(|r| r == p);
    let order = |m: &&Measure| {
        let status = Status::ALL.iter().position(|s| *s == m.status);
        (status, m.due.is_none(), m.due, m.id)
    };
    let mut groups: Vec<PriorityGroup> = ranked
        .iter()
        .map(|p| PriorityGroup {
            priority: Some(*p),
            listed: Vec::new(),
            also: Vec::new(),
        })
        .collect();
    let mut without: Vec<&Measure> = Vec::new();
    let mut measures: Vec<&Measure> = backlog.measures.iter().collect();
    measures.sort_by_key(order);
    for m in measures {
        let mut rows: Vec<usize> = m.priorities.iter().filter_map(rank_of).collect();
        rows.sort_unstable();
        rows.dedup();
        match rows.split_first() {
            Some((first, rest)) => {
                groups[*first].listed.push(m.id);
                for row in rest {
                    groups[*row].also.push(m.id);
                }
            }
            None => without.push(m),
        }
    }
    if !without.is_empty() {
        groups.push(PriorityGroup {
            priority: None,
            listed: without.iter().map(|m| m.id).collect(),
            also: Vec::new(),
        });
    }
    groups
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::{Id, MeetingDraft, MeetingState, Verdict};
    use crate::insight::fixtures::*;

    #[test]
    fn a_measure_is_listed_under_its_best_ranked_priority_and_named_under_the_rest() {
        let mut b = with_priorities(&["A"], &["P1", "P2", "P3"]);
        b.priorities[0].rank = 3;
        b.priorities[2].rank = 1;
        let both = measure(&mut b, Status::Idea, &[1], &[1, 3]);
        let none = measure(&mut b, Status::Done, &[1], &[]);
        let page = StatusPage::compute(&b, date(2026, 11, 29));
        let by_priority: Vec<(Option<PriorityId>, Vec<MeasureId>, Vec<MeasureId>)> = page
            .groups
            .iter()
            .map(|g| (g.priority, g.listed.clone(), g.also.clone()))
            .collect();
        assert_eq!(
            by_priority,
            vec![
                (Some(Id(3)), vec![both], vec![]),
                (Some(Id(2)), vec![], vec![]),
                (Some(Id(1)), vec![], vec![both]),
                (None, vec![none], vec![]),
            ]
        );
    }

    #[test]
    fn listed_measures_follow_status_then_due_date() {
        let mut b = with_priorities(&["A"], &["P1"]);
        let late = measure(&mut b, Status::Decided, &[1], &[1]);
        let early = measure(&mut b, Status::Decided, &[1], &[1]);
        let idea = measure(&mut b, Status::Idea, &[1], &[1]);
        b.measures[0].due = Some(date(2027, 6, 1));
        b.measures[1].due = Some(date(2027, 1, 1));
        let page = StatusPage::compute(&b, date(2026, 11, 29));
        assert_eq!(page.groups[0].listed, vec![idea, early, late]);
    }

    #[test]
    fn summary_counts_decisions_since_the_last_meeting_and_finds_the_next_one() {
        let mut b = with_priorities(&["A"], &["P1"]);
        let before = measure(&mut b, Status::Assessing, &[1], &[1]);
        let after = measure(&mut b, Status::Assessing, &[1], &[1]);
        let political = measure(&mut b, Status::Assessing, &[1], &[1]);
        b.measures[2].political.needed = true;
        b.measures[0].due = Some(date(2026, 11, 1));
        let draft = |day: Date| MeetingDraft::new("Møte", day, vec![], vec![before, after]);
        let (first, _) = b.create_meeting(draft(date(2026, 10, 1)), MeetingState::Held).unwrap();
        b.record_decision(
            first,
            before,
            Verdict::Approve,
            "ja",
            "2026-10-01T10:00:00Z".parse().unwrap(),
        )
        .unwrap();
        let (second, _) = b.create_meeting(draft(date(2026, 11, 20)), MeetingState::Held).unwrap();
        b.record_decision(
            second,
            after,
            Verdict::Approve,
            "ja",
            "2026-11-20T10:00:00Z".parse().unwrap(),
        )
        .unwrap();
        let (planned, _) = b
            .create_meeting(draft(date(2026, 12, 14)), MeetingState::Planned)
            .unwrap();
        let page = StatusPage::compute(&b, date(2026, 11, 29));
        assert_eq!(page.last_meeting, Some(second));
        assert_eq!(page.next_meeting, Some(planned));
        assert_eq!(
            page.summary.decided_since,
            Some(DecidedSince {
                meeting: second,
                measures: vec![after],
            })
        );
        assert_eq!(page.summary.active, 3);
        assert_eq!(page.summary.overdue, vec![before], "decided and past due");
        assert_eq!(page.summary.awaiting_political, vec![political]);
    }

    #[test]
    fn before_the_first_meeting_there_is_nothing_decided_since() {
        let b = with_priorities(&[], &[]);
        let page = StatusPage::compute(&b, date(2026, 11, 29));
        assert_eq!(page.summary.decided_since, None);
        assert_eq!((page.last_meeting, page.next_meeting), (None, None));
        assert!(page.groups.is_empty(), "no priorities and no measures: no groups");
    }

    #[test]
    fn owners_are_ordered_by_load_then_name() {
        let mut b = with_priorities(&["A"], &[]);
        let zed = owner(&mut b, "Zed");
        let ada = owner(&mut b, "ada");
        let busy = owner(&mut b, "Busy");
        for (who, n) in [(zed, 1), (ada, 1), (busy, 2)] {
            for _ in 0..n {
                let id = measure(&mut b, Status::Idea, &[1], &[]);
                let index = b.measures.iter().position(|m| m.id == id).unwrap();
                b.measures[index].owner = Some(who);
            }
        }
        let page = StatusPage::compute(&b, date(2026, 11, 29));
        let names: Vec<&str> = page
            .owners_by_load
            .iter()
            .map(|i| b.owner(page.insight.owners[*i].owner).unwrap().name.as_str())
            .collect();
        assert_eq!(names, vec!["Busy", "ada", "Zed"]);
    }
}
