//! The backlog's types and the operations that keep it consistent.

pub mod assign;
pub mod depends;
pub mod glossary;
pub mod id;
pub mod links;
pub mod lookup;
pub mod measures;
pub mod meeting;
pub mod merge;
pub mod model;
pub mod ops;
pub mod patch;
// issue 11: who recorded a meeting
pub mod recorded;
mod renumber;
pub mod saved_view;
// issue 11: who did what
pub mod sign;
pub mod text;

pub use assign::Assignment;
pub use glossary::{Term, TermDecision, TermDecisionKind, TermDraft, TermStatus};
pub use id::{Id, MeasureId, MeetingId, OwnerId, PriorityId, SectorId, TermId};
pub use measures::Measures;
pub use meeting::{AgendaReason, MeetingDraft, Verdict};
pub use model::*;
pub use ops::{DomainError, MeasureDraft, OwnerDraft, PriorityDraft};
pub use patch::{Edit, Patch};
pub use saved_view::SavedView;

/// The time now, to the whole second: every timestamp in the file has one precision, so they
/// sort as strings and read the same in every tool.
pub fn now() -> jiff::Timestamp {
    let now = jiff::Timestamp::now();
    jiff::Timestamp::from_second(now.as_second()).unwrap_or(now)
}

#[cfg(test)]
mod tests {
    /// Imports run downward: the search module builds on the domain, never the other way.
    #[test]
    fn the_domain_never_uses_the_search_module() {
        let forbidden = ["crate", "::search"].concat(); // spelled apart, so this file passes
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/domain");
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            let source = std::fs::read_to_string(&path).unwrap();
            assert!(
                !source.contains(&forbidden),
                "{} uses the search module",
                path.display()
            );
        }
    }
}
