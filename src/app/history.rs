//! Undo and redo of backlog changes within a session.

use crate::domain::Edit;
use crate::domain::patch::Key;

/// How many steps back undo reaches.
pub const DEPTH: usize = 500;

#[derive(Debug, Clone)]
pub struct Step {
    pub edit: Edit,
    /// What the change was, in the user's language ("slettet T-12").
    pub label: String,
}

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records a new change; anything that was undone can no longer be redone.
    pub fn record(&mut self, edit: Edit, label: String) {
        self.redo.clear();
        self.undo.push(Step { edit, label });
        if self.undo.len() > DEPTH {
            self.undo.remove(0);
        }
    }

    pub fn take_undo(&mut self) -> Option<Step> {
        self.undo.pop()
    }

    pub fn take_redo(&mut self) -> Option<Step> {
        self.redo.pop()
    }

    pub fn push_undone(&mut self, step: Step) {
        self.redo.push(step);
    }

    pub fn push_redone(&mut self, step: Step) {
        self.undo.push(step);
    }

    /// Drops the steps that touch any of `keys`: records changed from outside, whose undo would
    /// put back a version that no longer follows from what is there now.
    pub fn forget_touching(&mut self, keys: &[Key]) {
        if keys.is_empty() {
            return;
        }
        let untouched = |step: &Step| {
            !step
                .edit
                .undo
                .keys()
                .chain(step.edit.redo.keys())
                .any(|k| keys.contains(&k))
        };
        self.undo.retain(untouched);
        self.redo.retain(untouched);
    }

    /// How many steps undo can take back.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
}
