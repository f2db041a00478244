//! The embedded demo backlog: it must load, be internally consistent, show off every part of
//! the domain, and be stored in the same canonical form the app itself writes.

use std::collections::BTreeSet;

use jiff::civil::date;
use tiltak::domain::{Backlog, DecisionKind, LogKind, MeetingState, Status};

const DEMO: &str = include_str!("../assets/demo-backlog.json");

fn demo() -> Backlog {
    serde_json::from_str::<Backlog>(DEMO).expect("the demo backlog deserializes")
}

#[test]
fn demo_backlog_is_consistent() {
    let backlog = demo();
    assert_eq!(backlog.invariant_violations(), Vec::<String>::new());
    assert_eq!(backlog.schema_version, tiltak::domain::SCHEMA_VERSION);
    assert!(
        backlog.extra.is_empty(),
        "unknown top-level fields: {:?}",
        backlog.extra.keys()
    );
}

#[test]
fn demo_backlog_covers_the_domain() {
    let backlog = demo();
    let measures = &backlog.measures;
    assert!(measures.len() >= 25, "only {} measures", measures.len());
    for status in Status::ALL {
        assert!(
            measures.iter().any(|m| m.status == status),
            "no measure is {}",
            status.key()
        );
    }
    assert!(backlog.priorities.len() >= 5);
    let mut ranks: Vec<u32> = backlog.priorities.iter().map(|p| p.rank).collect();
    ranks.sort_unstable();
    assert_eq!(
        ranks,
        (1..=backlog.priorities.len() as u32).collect::<Vec<_>>(),
        "ranks are 1..n"
    );
    assert!(backlog.owners.len() >= 14);
    assert!(backlog.sectors.len() >= 8);
    assert!(backlog.sectors.iter().all(|s| s.short.is_some()));

    let cross = measures.iter().filter(|m| m.is_cross_sector()).count();
    assert!(cross >= 3, "only {cross} cross-sector measures");
    let today = date(2026, 11, 29);
    let overdue = measures.iter().filter(|m| m.is_overdue(today)).count();
    assert!(overdue >= 2, "only {overdue} overdue measures");
    let political = measures.iter().filter(|m| m.political.needed).count();
    assert!(political >= 2, "only {political} measures await a political decision");
    let logged = measures.iter().filter(|m| !m.log.is_empty()).count();
    assert!(logged >= 5, "only {logged} measures have a log");

    // Something to triage: measures without an owner, sector or priority.
    assert!(measures.iter().any(|m| m.owner.is_none()));
    assert!(measures.iter().any(|m| m.sectors.is_empty()));
    assert!(measures.iter().any(|m| m.priorities.is_empty()));
    // Every funding form is shown, and so is "not decided yet".
    for funding in tiltak::domain::Funding::ALL {
        assert!(
            measures.iter().any(|m| m.funding == Some(funding)),
            "no measure is {}",
            funding.key()
        );
    }
    assert!(measures.iter().any(|m| m.funding.is_none()));
    assert!(!backlog.meetings.is_empty());
    // Meetings: one planned ahead, and one held with absences, a guest, a noted item and the
    // time per item; the older ones hold decisions written before decisions had kinds.
    let planned: Vec<_> = backlog
        .meetings
        .iter()
        .filter(|m| m.state == MeetingState::Planned)
        .collect();
    assert_eq!(planned.len(), 1);
    assert!(planned[0].time.is_some() && !planned[0].place.is_empty() && !planned[0].agenda.is_empty());
    let held = backlog
        .meetings
        .iter()
        .find(|m| !m.absent.is_empty() && !m.guests.is_empty() && !m.time_spent.is_empty())
        .expect("a held meeting with absences, guests and time per item");
    assert!(held.decisions.iter().any(|d| d.kind == Some(DecisionKind::Noted)));
    assert!(
        backlog
            .meetings
            .iter()
            .any(|m| m.decisions.iter().any(|d| d.kind.is_none())),
        "old-style decisions still load"
    );
}

#[test]
fn demo_logs_and_meetings_agree() {
    let backlog = demo();
    let measure_ids: BTreeSet<_> = backlog.measures.iter().map(|m| m.id).collect();
    let meeting_ids: BTreeSet<_> = backlog.meetings.iter().map(|m| m.id).collect();
    for m in &backlog.measures {
        // The status changes form one unbroken path that ends at the current status.
        let changes: Vec<_> = m.log.iter().filter(|e| e.kind == LogKind::StatusChange).collect();
        if let Some(first) = changes.first() {
            assert_eq!(first.from, Some(Status::Idea), "{}: path does not start at idea", m.id);
            for pair in changes.windows(2) {
                assert_eq!(pair[0].to, pair[1].from, "{}: broken status path", m.id);
            }
            assert_eq!(
                changes.last().unwrap().to,
                Some(m.status),
                "{}: path ends elsewhere",
                m.id
            );
        }
        assert!(
            m.log.windows(2).all(|p| p[0].at <= p[1].at),
            "{}: log out of order",
            m.id
        );
        assert!(m.created <= m.updated, "{}: updated before created", m.id);
        if let Some(last) = m.log.last() {
            assert!(last.at <= m.updated, "{}: log entry after last update", m.id);
        }
        for entry in &m.log {
            if let Some(meeting) = entry.meeting {
                assert!(meeting_ids.contains(&meeting), "{}: unknown meeting {meeting}", m.id);
            }
        }
    }
    for meeting in &backlog.meetings {
        for id in &meeting.agenda {
            assert!(measure_ids.contains(id), "{}: agenda has unknown {id}", meeting.id);
        }
        for d in &meeting.decisions {
            assert!(
                meeting.agenda.contains(&d.measure),
                "{}: {} not on the agenda",
                meeting.id,
                d.measure
            );
            let measure = backlog.measure(d.measure).expect("decision on a known measure");
            assert!(
                measure.log.iter().any(|e| e.kind == LogKind::Decision
                    && e.meeting == Some(meeting.id)
                    && e.at == d.at
                    && e.text == d.text),
                "{}: decision on {} is missing from its log",
                meeting.id,
                d.measure
            );
        }
    }
}

#[test]
fn demo_backlog_is_in_canonical_form() {
    let backlog = demo();
    let on_disk: serde_json::Value = serde_json::from_str(DEMO).unwrap();
    let written = serde_json::to_value(&backlog).unwrap();
    assert_eq!(written, on_disk, "the asset is not in the form the app writes");
    // Byte for byte too: field order and pretty-printing as serde_json writes them.
    let pretty = serde_json::to_string_pretty(&backlog).unwrap();
    assert_eq!(
        pretty.trim_end(),
        DEMO.trim_end(),
        "the asset's layout differs from serde_json's"
    );
}

// issue 16: dependencies and links
#[test]
fn demo_backlog_shows_dependency_chains_parts_and_links() {
    let backlog = demo();
    let chains: Vec<_> = backlog
        .measures
        .iter()
        .filter(|m| {
            m.depends_on
                .iter()
                .any(|d| backlog.measure(*d).is_some_and(|d| !d.depends_on.is_empty()))
        })
        .map(|m| m.id.to_string())
        .collect();
    assert_eq!(chains, ["T-7", "T-26"], "two chains of at least three measures");
    assert!(
        backlog.measures.iter().any(|m| backlog.is_blocked(m)),
        "something waits"
    );
    assert!(backlog.measures.iter().any(|m| m.part_of.is_some()));
    for m in backlog.measures.iter().filter(|m| m.political.case_number.is_some()) {
        assert!(!m.links.is_empty(), "{} has a case number but no link", m.id);
        assert!(tiltak::domain::links::case_link(&backlog.settings, m).is_some());
    }
}
