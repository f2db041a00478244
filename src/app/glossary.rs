//! The Glossary pane's changes (add, edit, delete a term) and the way from a term found in a
//! measure's detail to the term in the Glossary pane; the review's decisions on a term.

use super::form::FormTarget;
use super::keymap::OnTerm;
use super::review::Screen;
use super::update::{committed, complain, say};
use super::{Action, App, Confirm, Form, Overlay, Pane};
use crate::domain::{DomainError, Edit, MeetingId, MeetingState, TermDecisionKind, TermId};
use crate::i18n::{Lang, Msg};

/// The edit a term form makes, with its label; `None` when nothing changed.
pub(super) fn form_outcome(app: &mut App, form: &Form, lang: Lang) -> Result<Option<(Edit, String)>, (usize, String)> {
    if let FormTarget::ReviseTerm(term) = form.target {
        let definition = form.revised_definition(lang)?;
        let meeting = review_meeting(app).ok_or((0, lang.tr(Msg::NothingSelected).to_string()))?;
        let now = app.clock.now();
        let edit = app
            .backlog
            .decide_term(meeting, term, TermDecisionKind::Revised, Some(&definition), now)
            .map_err(|e| (0, e.to_string()))?;
        let text = decision_text(lang, TermDecisionKind::Revised, Some(definition.trim()));
        return Ok(Some((
            edit,
            lang.fill(Msg::MsgTermDecision, &[("id", &term.to_string()), ("text", &text)]),
        )));
    }
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
    app.terms.terms_of(measure)
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

/// A review key on a glossary term: `a` agree (asks), `Enter` revise the definition, `x`
/// retire (asks), `t` noted; the measure-only decisions say what to use instead. False for keys
/// that work alike on every item (next, previous, undo, help, end).
pub(super) fn review_term_action(app: &mut App, term: TermId, action: Action) -> bool {
    match super::keymap::on_term(action) {
        OnTerm::Agree => app.overlay = Overlay::Confirm(Confirm::AgreeTerm(term)),
        OnTerm::Retire => app.overlay = Overlay::Confirm(Confirm::RetireTerm(term)),
        OnTerm::Noted => decide_in_review(app, term, TermDecisionKind::Noted, None),
        OnTerm::Revise => {
            if let Some(form) = Form::revise_term(term, &app.backlog) {
                app.overlay = Overlay::Form(Box::new(form));
            }
        }
        OnTerm::MeasuresOnly => say(app, app.lang.tr(Msg::MsgNotForTerm).to_string()),
        OnTerm::Same => return false,
    }
    true
}

/// What a meeting decided on a term, in the reader's language.
pub fn decision_text(lang: Lang, kind: TermDecisionKind, definition: Option<&str>) -> String {
    match kind {
        TermDecisionKind::Agreed => lang.tr(Msg::TermDecAgreed).to_string(),
        TermDecisionKind::Revised => lang.fill(Msg::TermDecRevised, &[("definition", definition.unwrap_or(""))]),
        TermDecisionKind::Retired => lang.tr(Msg::TermDecRetired).to_string(),
        TermDecisionKind::Noted => lang.tr(Msg::TermDecNoted).to_string(),
    }
}

fn review_meeting(app: &App) -> Option<MeetingId> {
    match &app.screen {
        Screen::Review(review) => Some(review.meeting),
        _ => None,
    }
}

/// Records `kind` on `term` in the running review's meeting.
pub(super) fn decide_in_review(app: &mut App, term: TermId, kind: TermDecisionKind, definition: Option<&str>) {
    let Some(meeting) = review_meeting(app) else { return };
    let now = app.clock.now();
    match app.backlog.decide_term(meeting, term, kind, definition, now) {
        Ok(edit) => {
            let text = decision_text(app.lang, kind, definition);
            let label = app
                .lang
                .fill(Msg::MsgTermDecision, &[("id", &term.to_string()), ("text", &text)]);
            committed(app, edit, label);
        }
        Err(error) => complain(app, error.to_string()),
    }
}

/// Glossary pane: puts the selected term on the agenda of the next planned meeting.
pub(super) fn term_to_meeting(app: &mut App) {
    let Some(term) = app.selected_term() else {
        return say(app, app.lang.tr(Msg::NothingSelected).to_string());
    };
    let today = app.today();
    let planned = app
        .backlog
        .meetings
        .iter()
        .filter(|m| m.state == MeetingState::Planned && m.date >= today)
        .min_by_key(|m| (m.date, m.id))
        .map(|m| (m.id, m.date));
    let Some((meeting, date)) = planned else {
        return say(app, app.lang.tr(Msg::MsgNoPlannedMeeting).to_string());
    };
    let lang = app.lang;
    let values = [
        ("term", term.to_string()),
        ("meeting", meeting.to_string()),
        ("date", lang.date(date)),
    ];
    let values: Vec<(&str, &str)> = values.iter().map(|(k, v)| (*k, v.as_str())).collect();
    match app.backlog.put_term_on_agenda(meeting, term) {
        Ok(Some(edit)) => committed(app, edit, lang.fill(Msg::MsgTermOnAgenda, &values)),
        Ok(None) => say(app, lang.fill(Msg::MsgTermAlreadyOnAgenda, &values)),
        Err(error) => complain(app, error.to_string()),
    }
}
