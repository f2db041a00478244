//! Bulk actions never act unseen: marked measures that the filter or search hides are only
//! touched after the user said so (or dropped from the marks on request).

use super::{Action, App, Confirm, Overlay};

/// Whether a bulk `action` on the marks may go ahead now. With marks hidden from the list it
/// asks first ("4 marked, 3 hidden – act on all 4?") and answers no; the answer re-runs the
/// action on all marks (`y`) or on the visible ones (`v`).
pub(super) fn may_act(app: &mut App, action: Action) -> bool {
    if std::mem::take(&mut app.hidden_marks_ok) || app.marks.is_empty() {
        return true;
    }
    let hidden = app.hidden_marks();
    if hidden == 0 {
        return true;
    }
    app.overlay = Overlay::Confirm(Confirm::HiddenMarks {
        action,
        marked: app.marks.len(),
        hidden,
    });
    false
}

/// Unmarks the measures the list does not show.
pub(super) fn keep_visible_marks(app: &mut App) {
    let visible: std::collections::BTreeSet<_> = app
        .measures
        .rows
        .iter()
        .filter_map(|i| app.backlog.measures.get(*i))
        .map(|m| m.id)
        .filter(|id| app.marks.contains(id))
        .collect();
    app.marks = visible;
}
