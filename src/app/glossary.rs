//! The Glossary pane's changes (add, edit, delete a term) and the way from a term found in a
//! measure's detail to the term in the Glossary pane.

use super::form::FormTarget;
use super::update::{committed, complain, say};
use super::{App, Form, Pane};
use crate::domain::{DomainError, Edit, TermId};
use crate::i18n::{Lang, Msg};
use crate::search::terms::TermMatcher;

/// The edit a term form makes, with its label; `None` when nothing changed.
pub(super) fn form_outcome(app: &mut App, form: &Form, lang: Lang) -> Result<Option<(Edit, String)>, (usize, String)> {
    let draft = form.term_draft(lang)?;
    let what = lang.fill(Msg::WhatTerm, &[("term", draft.term.trim())]);
    let today = app.today();
    let refused = |e: DomainError| (0, e.to_string());
    match form.target {
        FormTarget::EditTerm(id) => Ok(app
            .backlog
            .update_term(id, draft, today)
            .map_err(refused)?
            .map(|e| (e, lang.fill(Msg::MsgUpdated, &[("what", &what)])))),
        _ => {
            let (_, edit) = app.backlog.add_term(draft, today).map_err(refused)?;
            Ok(Some((edit, lang.fill(Msg::MsgAdded, &[("what", &what)]))))
        }
    }
}

pub(super) fn delete_term(app: &mut App, id: TermId) {
    let term = app.backlog.term(id).map(|t| t.term.clone()).unwrap_or_default();
    let what = app.lang.fill(Msg::WhatTerm, &[("term", &term)]);
    let label = app.lang.fill(Msg::MsgDeleted, &[("what", &what)]);
    match app.backlog.delete_term(id) {
        Ok(edit) => committed(app, edit, label),
        Err(error) => complain(app, error.to_string()),
    }
}

/// The glossary terms in the selected measure's title and description.
fn terms_of_selected(app: &App) -> Vec<TermId> {
    let Some(measure) = app.selected_measure().and_then(|id| app.backlog.measure(id)) else {
        return Vec::new();
    };
    TermMatcher::new(&app.backlog).terms_of(measure)
}

/// The term the detail's cursor is on, if it is on the selected measure's terms.
pub fn detail_term(app: &App) -> Option<usize> {
    match app.detail_term {
        Some((measure, index)) if app.focus == Pane::Measures && app.selected_measure() == Some(measure) => Some(index),
        _ => None,
    }
}

/// Moves the detail's term cursor to the next term found in the selected measure; after the
/// last one it leaves the terms.
pub(super) fn next_term(app: &mut App) {
    let Some(measure) = app.selected_measure().filter(|_| app.focus == Pane::Measures) else {
        return say(app, app.lang.tr(Msg::MsgOnlyMeasures).to_string());
    };
    let found = terms_of_selected(app).len();
    if found == 0 {
        app.detail_term = None;
        return say(app, app.lang.tr(Msg::MsgNoTermsHere).to_string());
    }
    app.detail_term = match detail_term(app) {
        Some(index) if index + 1 >= found => None,
        Some(index) => Some((measure, index + 1)),
        None => Some((measure, 0)),
    };
}

/// `Enter` with the detail's cursor on a term: shows that term in the Glossary pane. False
/// when the cursor is on no term (then `Enter` edits the measure as usual).
pub(super) fn open_detail_term(app: &mut App) -> bool {
    let Some(index) = detail_term(app) else {
        return false;
    };
    let Some(term) = terms_of_selected(app).get(index).copied() else {
        return false;
    };
    app.detail_term = None;
    // A search in the Glossary pane that hides the term is lifted.
    if !app.query(Pane::Glossary).is_empty() {
        app.queries.remove(&Pane::Glossary);
        app.refresh_views();
    }
    app.glossary
        .select_where(|i| app.backlog.glossary.get(i).is_some_and(|t| t.id == term));
    app.came_from.clear();
    app.focus = Pane::Glossary;
    app.detail_scroll = 0;
    app.keep_cursors_visible();
    true
}
