//! The backlog's types and the operations that keep it consistent.

pub mod assign;
pub mod id;
pub mod lookup;
pub mod meeting;
pub mod merge;
pub mod model;
pub mod ops;
pub mod patch;
mod renumber;
pub mod saved_view;
pub mod text;

pub use assign::Assignment;
pub use id::{Id, MeasureId, MeetingId, OwnerId, PriorityId, SectorId};
pub use meeting::{AgendaReason, MeetingDraft, Verdict};
pub use model::*;
pub use ops::{DomainError, MeasureDraft, OwnerDraft, PriorityDraft};
pub use patch::{Edit, Patch};
pub use saved_view::SavedView;
