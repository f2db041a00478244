//! Pure computations over a backlog for the Overview pane, the Owners and Priorities panes and
//! `tiltak report`: one place, so the screen and the report can never disagree.

pub mod changes;
pub mod charts;
pub mod connections;
pub mod load;
pub mod matrix;
pub mod report;
pub mod status_page;

use jiff::civil::Date;

use crate::domain::Backlog;
pub use charts::{Charts, DueBuckets, FundingShare, ValueEffortGrid};
pub use load::{OwnerLoad, PriorityStats};
pub use matrix::{Matrix, PriorityFlag};

/// Everything the insight views show, computed in one pass per part after each change.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Insight {
    pub matrix: Matrix,
    /// One per owner, in the order of `backlog.owners`.
    pub owners: Vec<OwnerLoad>,
    /// One per priority, in the order of `backlog.priorities`.
    pub priorities: Vec<PriorityStats>,
    pub charts: Charts,
    // issue 16: the dependency tree of each priority that has one, and how many measures wait
    // for a dependency that is not done (found once per change, not per frame)
    pub dependencies: std::collections::BTreeMap<crate::domain::PriorityId, Vec<connections::TreeLine>>,
    pub blocked: usize,
}

impl Insight {
    pub fn compute(backlog: &Backlog, today: Date) -> Insight {
        Insight {
            matrix: Matrix::compute(backlog),
            owners: load::owner_loads(backlog, today),
            priorities: load::priority_stats(backlog),
            charts: Charts::compute(backlog, today),
            dependencies: connections::dependency_trees(backlog),
            blocked: backlog.measures.iter().filter(|m| backlog.is_blocked(m)).count(),
        }
    }
}

#[cfg(test)]
pub(crate) mod fixtures {
    //! Small backlogs for the unit tests.

    use jiff::Timestamp;

    use crate::domain::{Backlog, Id, MeasureDraft, OwnerDraft, PriorityDraft, Status};

    pub fn now() -> Timestamp {
        "2026-11-29T12:00:00Z".parse().unwrap()
    }

    pub fn with_priorities(sectors: &[&str], priorities: &[&str]) -> Backlog {
        let mut b = Backlog::new("t", sectors);
        for title in priorities {
            b.add_priority(PriorityDraft {
                title: (*title).to_string(),
                description: String::new(),
            })
            .unwrap();
        }
        b
    }

    pub fn owner(b: &mut Backlog, name: &str) -> crate::domain::OwnerId {
        b.add_owner(OwnerDraft {
            name: name.to_string(),
            role: String::new(),
            sector: None,
        })
        .unwrap()
        .0
    }

    /// Adds a measure linking sector and priority numbers (1-based ids).
    pub fn measure(b: &mut Backlog, status: Status, sectors: &[u32], priorities: &[u32]) -> crate::domain::MeasureId {
        let mut draft = MeasureDraft::titled("m");
        draft.status = status;
        draft.sectors = sectors.iter().map(|s| Id(*s)).collect();
        draft.priorities = priorities.iter().map(|p| Id(*p)).collect();
        b.add_measure(draft, now()).unwrap().0
    }
}
