//! The only place app state changes: a key becomes an [`Action`], an action changes the state
//! through a domain operation, and every backlog change is recorded for undo and saved.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

use super::drill;
use super::find;
use super::form::{FieldId, Form, FormTarget, Input};
use super::keymap::Context;
use super::review_update::ExportFormat;
use super::{Action, App, Confirm, Message, Overlay, Pane, SaveState};
use crate::domain::{DomainError, Edit, TermDecisionKind, Verdict};
use crate::i18n::{Lang, Msg};
use crate::insight::connections::refusal_text;

/// Feeds one key press to the app.
pub fn handle_key(app: &mut App, key: KeyEvent) {
    if key.kind != KeyEventKind::Press {
        return;
    }
    app.auto_sync.key_pressed(app.clock.now());
    let context = app.context();
    match app.keymap.lookup(context, app.focus, key) {
        // A single-choice picker has nothing to check: its check key (Space) is typed into the
        // filter instead, whichever key the user bound.
        Some(Action::PickToggle) if context == Context::Picker && !find::picker_is_multi(app) => {
            find::picker_key(app, key)
        }
        Some(action) => update(app, action),
        None => match context {
            Context::Form => form_key(app, key),
            Context::Setup => super::review_update::setup_key(app, key),
            Context::Search => find::search_key(app, key),
            Context::Palette => find::palette_key(app, key),
            Context::Picker => find::picker_key(app, key),
            Context::Prompt => find::prompt_key(app, key),
            Context::GoTo => super::goto::key(app, key),
            _ => {}
        },
    }
    // Typing a search moves the selection without an action.
    app.refresh_term_uses(false);
}

fn form_key(app: &mut App, key: KeyEvent) {
    let Overlay::Form(form) = &mut app.overlay else { return };
    // Typing goes on editing: the next `Esc` asks again.
    form.asked_to_discard = false;
    if !typed_opens_picker(form, key, &app.backlog, app.lang) {
        form_key_into(form, key);
    }
}

// issue 14: one picker everywhere
/// A letter typed on a choice opens its picker, filtered by that letter; false for any other
/// key or field.
pub(super) fn typed_opens_picker(form: &mut Form, key: KeyEvent, backlog: &crate::domain::Backlog, lang: Lang) -> bool {
    let plain = !key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
    match key.code {
        KeyCode::Char(c) if plain && matches!(form.focused().input, Input::Pick { .. } | Input::Multi { .. }) => {
            form.open_picker(backlog, lang, Some(c));
            true
        }
        _ => false,
    }
}

/// A key no binding took, given to a form: choices step with ←/→ (a yes/no also with h/l; a
/// letter on a choice opens its picker before it gets here), text fields type.
pub(super) fn form_key_into(form: &mut Form, key: KeyEvent) {
    let is_picker = !matches!(form.focused().input, Input::Line(_) | Input::Lines(_));
    match key.code {
        KeyCode::Left | KeyCode::Char('h') if is_picker => {
            form.cycle_or_toggle(false);
        }
        KeyCode::Right | KeyCode::Char('l') if is_picker => {
            form.cycle_or_toggle(true);
        }
        _ => form.type_key(key),
    }
}

pub fn update(app: &mut App, action: Action) {
    // The idle look keeps the message on screen; it only speaks when it finds something.
    if action == Action::CheckOutside {
        return super::outside::check(app);
    }
    app.message = None;
    app.became_writable = false;
    if app.read_only && edits(action) {
        return complain(app, read_only_text(app));
    }
    match app.context() {
        Context::List => list_action(app, action),
        Context::Help => help_action(app, action),
        Context::Confirm => confirm_action(app, action),
        Context::Form => form_action(app, action),
        Context::Settings => super::settings::action(app, action),
        Context::Start => super::start::action(app, action),
        Context::GoTo => super::goto::action(app, action),
        Context::Setup | Context::Agenda | Context::Review | Context::Summary | Context::Log | Context::Changes => {
            super::review_update::action(app, action)
        }
        Context::Merge => super::outside::action(app, action),
        Context::Search => find::search_action(app, action),
        Context::Palette => find::palette_action(app, action),
        Context::Picker => find::picker_action(app, action),
        Context::Filter => find::filter_action(app, action),
        Context::Prompt => find::prompt_action(app, action),
    }
    app.keep_cursors_visible();
    app.refresh_term_uses(false);
}

/// Why this window changes nothing: the file is open elsewhere, or its folder cannot be written.
pub fn read_only_text(app: &App) -> String {
    match &app.unwritable {
        Some(error) => app.lang.fill(
            Msg::MsgReadOnlyFolder,
            &[("path", &app.store_location().display().to_string()), ("error", error)],
        ),
        None => app.lang.tr(Msg::MsgReadOnly).to_string(),
    }
}

/// Actions that would change the backlog.
fn edits(action: Action) -> bool {
    matches!(
        action,
        Action::New
            | Action::Edit
            | Action::Delete
            | Action::StatusForward
            | Action::StatusBack
            | Action::Undo
            | Action::Redo
            | Action::RankUp
            | Action::RankDown
            | Action::StartReview
            | Action::PlanLeftovers
            | Action::AssignOwner
            | Action::AssignSectors
            | Action::AssignPriorities
            | Action::AssignValue
            | Action::AssignEffort
            | Action::AssignStatus
            | Action::SaveView
            | Action::DeleteView
            | Action::ReviewNoted
            | Action::SetupPlan
            | Action::EditSettings
            | Action::MoveSectorUp
            | Action::MoveSectorDown
            | Action::AssignDepends
            | Action::AssignPartOf
    )
}

fn list_action(app: &mut App, action: Action) {
    let page = app.list_height.max(1) as isize;
    if app.focus == Pane::Overview && drill::overview_action(app, action) {
        return;
    }
    match action {
        Action::Quit => quit(app),
        Action::Help => app.overlay = Overlay::Help { scroll: 0 },
        Action::NextPane | Action::PrevPane => {
            let index = Pane::ALL.iter().position(|p| *p == app.focus).unwrap_or(0);
            let step = if action == Action::NextPane {
                1
            } else {
                Pane::ALL.len() - 1
            };
            focus(app, Pane::ALL[(index + step) % Pane::ALL.len()]);
        }
        Action::Focus(pane) => focus(app, pane),
        Action::Down => move_cursor(app, |l| l.move_by(1)),
        Action::Up => move_cursor(app, |l| l.move_by(-1)),
        Action::PageDown => move_cursor(app, |l| l.move_by(page)),
        Action::PageUp => move_cursor(app, |l| l.move_by(-page)),
        Action::First => move_cursor(app, |l| l.first()),
        Action::Last => move_cursor(app, |l| l.last()),
        Action::DetailDown => app.detail_scroll = app.detail_scroll.saturating_add(3).min(app.detail_max_scroll),
        Action::DetailUp => app.detail_scroll = app.detail_scroll.saturating_sub(3),
        Action::New => open_new_form(app),
        Action::Edit => open_edit_form(app),
        Action::Delete => ask_delete(app),
        Action::StatusForward => step_status(app, true),
        Action::StatusBack => step_status(app, false),
        Action::Undo => undo(app),
        Action::Redo => redo(app),
        Action::Cancel if drill::go_back(app) => {}
        Action::Cancel => find::cancel(app),
        Action::StartReview => super::review_update::start_review_setup(app),
        Action::OpenMeeting => super::meeting_pane::open_meeting(app),
        Action::MeetingAgenda => super::meeting_pane::write_agenda(app),
        Action::ShowChanges => super::meeting_pane::show_changes(app),
        Action::ExportView => super::review_update::export_view(app, ExportFormat::Csv),
        Action::ExportWorkbook => super::review_update::export_view(app, ExportFormat::Workbook),
        Action::StatusPage => super::review_update::export_status_page(app),
        Action::Sync => super::sync::start(app),
        Action::ShowLog => super::review_update::show_log(app),
        Action::RankUp => drill::move_rank(app, true),
        Action::RankDown => drill::move_rank(app, false),
        Action::DrillDown => drill::drill_down(app),
        Action::OpenSettings => super::settings::open(app),
        Action::GoToMeasure => super::goto::open(app),
        Action::CopyMeasure => super::clipboard::copy_selected(app),
        Action::NextTerm => super::glossary::next_term(app),
        Action::TermToMeeting => super::glossary::term_to_meeting(app),
        Action::SelectRow(row) => move_cursor(app, |l| {
            l.first();
            l.move_by(row as isize);
        }),
        other => find::list_action(app, other),
    }
}

/// Moving to a pane by hand ends the drill-down trail.
fn focus(app: &mut App, pane: Pane) {
    app.came_from.clear();
    app.focus = pane;
    app.detail_scroll = 0;
}

fn move_cursor(app: &mut App, mover: impl FnOnce(&mut super::ListView)) {
    if let Some(list) = app.list_mut(app.focus) {
        mover(list);
    }
    app.detail_scroll = 0;
}

/// Moves a text view's scroll for ↓ ↑ PgDn PgUp; false for any other action.
pub(super) fn scrolled(scroll: &mut u16, action: Action) -> bool {
    *scroll = match action {
        Action::Down => scroll.saturating_add(1),
        Action::Up => scroll.saturating_sub(1),
        Action::PageDown => scroll.saturating_add(10),
        Action::PageUp => scroll.saturating_sub(10),
        _ => return false,
    };
    true
}

fn help_action(app: &mut App, action: Action) {
    let longest = app.keymap.help_len(app.screen_context(), app.lang, app.viewport.width);
    let last = u16::try_from(longest.saturating_sub(usize::from(app.viewport.height.saturating_sub(4)))).unwrap_or(0);
    let Overlay::Help { scroll } = &mut app.overlay else {
        return;
    };
    if scrolled(scroll, action) {
        *scroll = (*scroll).min(last);
        return;
    }
    match action {
        Action::First => *scroll = 0,
        Action::Last => *scroll = last,
        Action::Cancel => app.overlay = Overlay::None,
        Action::Quit => quit(app),
        _ => {}
    }
}

pub(super) fn say(app: &mut App, text: String) {
    app.message = Some(Message { text, is_error: false });
}

pub(super) fn complain(app: &mut App, text: String) {
    app.message = Some(Message { text, is_error: true });
}

fn capitalized(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Records a change for undo, saves it and tells the user.
pub(super) fn committed(app: &mut App, mut edit: Edit, label: String) {
    // A change that got past the read-only checks (from a view added later) is taken back.
    if app.read_only {
        app.backlog.apply(&edit.undo);
        app.changed(&edit.undo);
        return complain(app, read_only_text(app));
    }
    edit.sign(&mut app.backlog, &app.author);
    app.changed(&edit.redo);
    app.history.record(edit, label.clone());
    if !persist(app) {
        say(app, capitalized(&label));
    }
}

/// How often one save merges and tries again when the file keeps changing under it; after
/// that the change waits ("● not saved") for the next key or idle check.
const SAVE_ATTEMPTS: usize = 5;

/// Saves the backlog, first merging changes made to the file outside the app. Returns whether
/// it left a message the user must see (what was merged, or why nothing was saved).
pub(super) fn persist(app: &mut App) -> bool {
    if app.read_only || super::background::submit(app) {
        return false;
    }
    // A file that changes again between the merge and the rename is merged again, a few times.
    let mut merged = false;
    let mut saved = Ok(());
    for _ in 0..SAVE_ATTEMPTS {
        merged |= match super::outside::reconcile(app) {
            super::outside::Looked::Unreadable => return true,
            super::outside::Looked::Merged { .. } => app.message.is_some(),
            super::outside::Looked::Unchanged => false,
        };
        saved = app.store.save(&app.backlog);
        if !matches!(&saved, Err(error) if crate::store::watch::is_changed_outside(error)) {
            break;
        }
    }
    match saved {
        Ok(()) => {
            app.save_state = SaveState::Saved;
            merged
        }
        Err(error) => {
            let text = if crate::store::watch::is_changed_outside(&error) {
                app.lang.tr(Msg::ErrChangedWhileSaving).to_string()
            } else {
                app.lang.fill(
                    Msg::SaveFailed,
                    &[
                        ("path", &app.store.location().display().to_string()),
                        ("error", &error.to_string()),
                    ],
                )
            };
            app.save_state = SaveState::Failed(error.to_string());
            complain(app, text);
            true
        }
    }
}

pub(crate) fn quit(app: &mut App) {
    if let SaveState::Failed(_) = app.save_state {
        persist(app);
        // A merge on the way may want a side chosen before leaving.
        if matches!(app.overlay, Overlay::Merge(_)) {
            return;
        }
    }
    match &app.save_state {
        SaveState::Saved => app.should_quit = true,
        SaveState::Failed(_) => app.overlay = Overlay::Confirm(Confirm::QuitUnsaved),
        SaveState::Saving => super::background::quit_when_written(app),
    }
}

fn open_new_form(app: &mut App) {
    let form = match app.focus {
        Pane::Measures => Form::new_measure(&app.backlog, app.lang),
        Pane::Owners => Form::new_owner(&app.backlog, app.lang),
        Pane::Priorities => Form::new_priority(),
        Pane::Meetings => return super::review_update::start_review_setup(app),
        Pane::Overview => Form::new_measure(&app.backlog, app.lang),
        Pane::Glossary => Form::new_term(&app.backlog, app.lang),
    };
    app.overlay = Overlay::Form(Box::new(form));
}

fn open_edit_form(app: &mut App) {
    if super::glossary::open_detail_term(app) {
        return;
    }
    let form = match app.focus {
        Pane::Measures => app
            .selected_measure()
            .and_then(|id| Form::edit_measure(id, &app.backlog, app.lang, app.dates)),
        Pane::Owners => app
            .selected_owner()
            .and_then(|id| Form::edit_owner(id, &app.backlog, app.lang)),
        Pane::Priorities => app
            .selected_priority()
            .and_then(|id| Form::edit_priority(id, &app.backlog)),
        Pane::Meetings => return super::meeting_pane::edit_meeting(app),
        Pane::Overview => None,
        Pane::Glossary => app
            .selected_term()
            .and_then(|id| Form::edit_term(id, &app.backlog, app.lang)),
    };
    match form {
        Some(form) => app.overlay = Overlay::Form(Box::new(form)),
        None => say(app, app.lang.tr(Msg::NothingSelected).to_string()),
    }
}

fn ask_delete(app: &mut App) {
    let confirm = match app.focus {
        Pane::Measures if !app.marks.is_empty() => {
            if !super::marks::may_act(app, Action::Delete) {
                return;
            }
            Some(Confirm::DeleteMarked(app.marks.len()))
        }
        Pane::Measures => app.selected_measure().map(Confirm::DeleteMeasure),
        Pane::Owners => app.selected_owner().map(Confirm::DeleteOwner),
        Pane::Priorities => app.selected_priority().map(Confirm::DeletePriority),
        Pane::Meetings => return super::meeting_pane::ask_delete_meeting(app),
        Pane::Overview => None,
        Pane::Glossary => app.selected_term().map(Confirm::DeleteTerm),
    };
    match confirm {
        Some(confirm) => app.overlay = Overlay::Confirm(confirm),
        None => say(app, app.lang.tr(Msg::NothingSelected).to_string()),
    }
}

fn step_status(app: &mut App, forward: bool) {
    if app.focus != Pane::Measures {
        return say(app, app.lang.tr(Msg::MsgOnlyMeasures).to_string());
    }
    if !app.marks.is_empty() {
        return step_marked(app, forward);
    }
    let Some(id) = app.selected_measure() else {
        return say(app, app.lang.tr(Msg::NothingSelected).to_string());
    };
    let lang = app.lang;
    let from = app.backlog.measure(id).map(|m| m.status);
    let now = app.clock.now();
    match (app.backlog.step_status(id, forward, now), from) {
        (Ok(edit), Some(from)) => {
            let to = app.backlog.measure(id).map_or(from, |m| m.status);
            let label = lang.fill(
                Msg::MsgStatusChanged,
                &[
                    ("id", &id.to_string()),
                    ("from", lang.status(from)),
                    ("to", lang.status(to)),
                ],
            );
            committed(app, edit, label);
        }
        (_, from) => {
            let msg = if forward {
                Msg::MsgNoStepForward
            } else {
                Msg::MsgNoStepBack
            };
            let status = from.map(|s| lang.status(s)).unwrap_or_default();
            say(app, lang.fill(msg, &[("id", &id.to_string()), ("status", status)]));
        }
    }
}

/// Steps every marked measure that can move, as one undo step.
fn step_marked(app: &mut App, forward: bool) {
    let action = if forward {
        Action::StatusForward
    } else {
        Action::StatusBack
    };
    if !super::marks::may_act(app, action) {
        return;
    }
    let ids: Vec<_> = app.marks.iter().copied().collect();
    let lang = app.lang;
    let now = app.clock.now();
    let count = lang.fill(Msg::CountMeasures, &[("count", &ids.len().to_string())]);
    match app.backlog.step_statuses(&ids, forward, now) {
        Ok(edit) => {
            let moved = edit.redo.0.len().to_string();
            let label = lang.fill(Msg::MsgStatusBulk, &[("what", &count), ("moved", &moved)]);
            committed(app, edit, label);
        }
        Err(_) => say(app, lang.fill(Msg::MsgNoStepBulk, &[("what", &count)])),
    }
}

fn confirm_action(app: &mut App, action: Action) {
    let Overlay::Confirm(confirm) = app.overlay else { return };
    match action {
        Action::ConfirmYes => {
            app.overlay = Overlay::None;
            match confirm {
                Confirm::QuitUnsaved => app.should_quit = true,
                Confirm::EndReview => super::review_update::end_review(app),
                Confirm::Approve(_) => super::review_update::decide(app, Verdict::Approve, String::new()),
                Confirm::Park(_) => super::review_update::decide(app, Verdict::Park, String::new()),
                Confirm::HiddenMarks { action, .. } => {
                    app.hidden_marks_ok = true;
                    update(app, action);
                }
                Confirm::ResumeMeeting { meeting, item } => super::review_update::resume(app, meeting, item),
                Confirm::DeleteMeeting(id) => super::meeting_pane::delete_meeting(app, id),
                Confirm::DeleteMarked(_) => {
                    let ids: Vec<_> = app.marks.iter().copied().collect();
                    let count = app.lang.fill(Msg::CountMeasures, &[("count", &ids.len().to_string())]);
                    let label = app.lang.fill(Msg::MsgDeleted, &[("what", &count)]);
                    let result = app.backlog.delete_measures(&ids);
                    app.marks.clear();
                    finish(app, result, label);
                }
                Confirm::DeleteMeasure(id) => {
                    let label = app.lang.fill(Msg::MsgDeleted, &[("what", &id.to_string())]);
                    let result = app.backlog.delete_measures(&[id]);
                    finish(app, result, label);
                }
                Confirm::DeleteOwner(id) => {
                    let name = app.backlog.owner(id).map(|o| o.name.clone()).unwrap_or_default();
                    let what = app.lang.fill(Msg::WhatOwner, &[("name", &name)]);
                    let label = app.lang.fill(Msg::MsgDeleted, &[("what", &what)]);
                    let now = app.clock.now();
                    let result = app.backlog.delete_owner(id, now);
                    finish(app, result, label);
                }
                Confirm::DeleteSector(id) => super::settings::delete_sector(app, id),
                Confirm::DeleteTerm(id) => super::glossary::delete_term(app, id),
                Confirm::AgreeTerm(id) => super::glossary::decide_in_review(app, id, TermDecisionKind::Agreed, None),
                Confirm::RetireTerm(id) => super::glossary::decide_in_review(app, id, TermDecisionKind::Retired, None),
                Confirm::DeletePriority(id) => {
                    let title = app.backlog.priority(id).map(|p| p.title.clone()).unwrap_or_default();
                    let what = app.lang.fill(Msg::WhatPriority, &[("title", &title)]);
                    let label = app.lang.fill(Msg::MsgDeleted, &[("what", &what)]);
                    let now = app.clock.now();
                    let result = app.backlog.delete_priority(id, now);
                    finish(app, result, label);
                }
            }
        }
        Action::ActOnVisible => {
            if let Confirm::HiddenMarks { action, .. } = confirm {
                app.overlay = Overlay::None;
                super::marks::keep_visible_marks(app);
                if app.marks.is_empty() {
                    return say(app, app.lang.tr(Msg::MsgNoVisibleMarks).to_string());
                }
                update(app, action);
            }
        }
        Action::ConfirmNo => app.overlay = Overlay::None,
        Action::Quit => app.should_quit = true,
        Action::SaveElsewhere if confirm == Confirm::QuitUnsaved => super::rescue::open_form(app),
        _ => {}
    }
}

fn finish(app: &mut App, result: Result<Edit, DomainError>, label: String) {
    match result {
        Ok(edit) => committed(app, edit, label),
        Err(error) => complain(app, error.to_string()),
    }
}

fn form_action(app: &mut App, action: Action) {
    let Overlay::Form(form) = &mut app.overlay else { return };
    let asked = std::mem::take(&mut form.asked_to_discard);
    match action {
        // A form with changes asks first: a second `Esc` throws them away.
        Action::Cancel if form.is_changed() && !asked => {
            form.asked_to_discard = true;
            say(app, app.lang.tr(Msg::AskDiscardForm).to_string());
        }
        Action::Cancel => app.overlay = Overlay::None,
        Action::Quit => quit(app),
        Action::FormNextField => form.move_focus(true),
        Action::FormPrevField => form.move_focus(false),
        Action::FormDown | Action::FormUp => {
            let down = action == Action::FormDown;
            if form.focused_is_multiline() {
                form.type_key(KeyEvent::from(if down { KeyCode::Down } else { KeyCode::Up }));
            } else if !form.move_in_list(down) {
                form.move_focus(down);
            }
        }
        Action::FormSave => submit_form(app),
        // issue 14: Enter on a choice opens the picker (Ctrl-s saves from there).
        Action::FormSaveLine if form.focused_opens_picker() => form.open_picker(&app.backlog, app.lang, None),
        Action::FormSaveLine if form.focused_is_multiline() => {
            form.type_key(KeyEvent::from(KeyCode::Enter));
        }
        Action::FormSaveLine => submit_form(app),
        Action::ClearInput => form.clear_focused(),
        Action::ExternalEditor => super::editor::request(app),
        Action::FormToggle if !form.cycle_or_toggle(true) => form.type_key(KeyEvent::from(KeyCode::Char(' '))),
        _ => {}
    }
}

pub(super) fn submit_form(app: &mut App) {
    let Overlay::Form(form) = &app.overlay else { return };
    if form.target == FormTarget::SaveElsewhere {
        return super::rescue::submit(app);
    }
    let lang = app.lang;
    let now = app.clock.now();
    let target = form.target;
    let outcome: Result<Option<(Edit, String)>, (usize, String)> = match target {
        FormTarget::NewMeasure | FormTarget::EditMeasure(_) => form.measure_draft(lang).and_then(|draft| {
            let result = match target {
                FormTarget::EditMeasure(id) => app
                    .backlog
                    .update_measure(id, draft, now)
                    .map(|e| e.map(|e| (e, lang.fill(Msg::MsgUpdated, &[("what", &id.to_string())])))),
                _ => app
                    .backlog
                    .add_measure(draft, now)
                    .map(|(id, e)| Some((e, lang.fill(Msg::MsgAdded, &[("what", &id.to_string())])))),
            };
            result.map_err(|e| domain_field_error(form, e, lang))
        }),
        FormTarget::NewOwner | FormTarget::EditOwner(_) => form.owner_draft(lang).and_then(|draft| {
            let what = lang.fill(Msg::WhatOwner, &[("name", draft.name.trim())]);
            let result = match target {
                FormTarget::EditOwner(id) => app
                    .backlog
                    .update_owner(id, draft)
                    .map(|e| e.map(|e| (e, lang.fill(Msg::MsgUpdated, &[("what", &what)])))),
                _ => app
                    .backlog
                    .add_owner(draft)
                    .map(|(_, e)| Some((e, lang.fill(Msg::MsgAdded, &[("what", &what)])))),
            };
            result.map_err(|e| domain_field_error(form, e, lang))
        }),
        FormTarget::NewPriority | FormTarget::EditPriority(_) => form.priority_draft(lang).and_then(|draft| {
            let what = lang.fill(Msg::WhatPriority, &[("title", draft.title.trim())]);
            let result = match target {
                FormTarget::EditPriority(id) => app
                    .backlog
                    .update_priority(id, draft)
                    .map(|e| e.map(|e| (e, lang.fill(Msg::MsgUpdated, &[("what", &what)])))),
                _ => app
                    .backlog
                    .add_priority(draft)
                    .map(|(_, e)| Some((e, lang.fill(Msg::MsgAdded, &[("what", &what)])))),
            };
            result.map_err(|e| domain_field_error(form, e, lang))
        }),
        FormTarget::SaveElsewhere => Ok(None),
        FormTarget::Prompt(prompt) => {
            super::review_update::prompt_outcome(&mut app.backlog, &app.screen, form, prompt, lang, now)
        }
        FormTarget::MeetingSetup => Ok(None),
        FormTarget::NewSector | FormTarget::EditSector(_) | FormTarget::Settings => {
            let form = form.clone();
            super::settings::form_outcome(app, &form, lang)
        }
        FormTarget::NewTerm | FormTarget::EditTerm(_) | FormTarget::ReviseTerm(_) => {
            let form = form.clone();
            super::glossary::form_outcome(app, &form, lang)
        }
    };
    match outcome {
        Ok(Some((edit, label))) => {
            app.overlay = Overlay::None;
            committed(app, edit, label);
            select_new(app, target);
        }
        Ok(None) => {
            app.overlay = Overlay::None;
            say(app, lang.tr(Msg::MsgNoChange).to_string());
        }
        Err((index, message)) => {
            if let Overlay::Form(form) = &mut app.overlay {
                form.show_error(index, message);
            }
        }
    }
}

/// A domain refusal the form could not foresee (e.g. a record deleted meanwhile).
fn domain_field_error(form: &Form, error: DomainError, lang: Lang) -> (usize, String) {
    let message = match &error {
        DomainError::EmptyTitle => lang.tr(Msg::ErrEmptyTitle).to_string(),
        DomainError::EmptyName => lang.tr(Msg::ErrEmptyName).to_string(),
        DomainError::OutOfRange { .. } => lang.tr(Msg::ErrOneToFive).to_string(),
        DomainError::IdsExhausted(_) => lang.tr(Msg::ErrIdsExhausted).to_string(),
        // issue 16: dependencies and links
        DomainError::PartOfCycle(_) => return (form.index_of(FieldId::PartOf), refusal_text(lang, &error)),
        DomainError::DependencyCycle(_) | DomainError::UnknownMeasure(_)
            if matches!(form.target, FormTarget::NewMeasure | FormTarget::EditMeasure(_)) =>
        {
            return (form.index_of(FieldId::DependsOn), refusal_text(lang, &error));
        }
        _ => lang.tr(Msg::ErrUnknownLink).to_string(),
    };
    (form.focus, message)
}

/// After adding a record, the cursor lands on it.
fn select_new(app: &mut App, target: FormTarget) {
    match target {
        FormTarget::NewMeasure => {
            if let Some(last) = app.backlog.measures.len().checked_sub(1) {
                app.measures.select_where(|i| i == last);
            }
        }
        FormTarget::NewOwner => {
            let newest = app
                .backlog
                .owners
                .iter()
                .enumerate()
                .max_by_key(|(_, o)| o.id)
                .map(|(i, _)| i);
            if let Some(newest) = newest {
                app.owners.select_where(|i| i == newest);
            }
        }
        FormTarget::NewTerm => {
            let newest = app
                .backlog
                .glossary
                .iter()
                .enumerate()
                .max_by_key(|(_, t)| t.id)
                .map(|(i, _)| i);
            if let Some(newest) = newest {
                app.glossary.select_where(|i| i == newest);
            }
        }
        FormTarget::NewPriority => {
            let newest = app
                .backlog
                .priorities
                .iter()
                .enumerate()
                .max_by_key(|(_, p)| p.id)
                .map(|(i, _)| i);
            if let Some(newest) = newest {
                app.priorities.select_where(|i| i == newest);
            }
        }
        _ => {}
    }
}

pub(super) fn undo(app: &mut App) {
    let Some(step) = app.history.take_undo() else {
        return say(app, app.lang.tr(Msg::MsgNothingToUndo).to_string());
    };
    app.backlog.apply(&step.edit.undo);
    app.changed(&step.edit.undo);
    let text = app.lang.fill(Msg::MsgUndone, &[("what", &step.label)]);
    app.history.push_undone(step);
    if !persist(app) {
        say(app, text);
    }
}

pub(super) fn redo(app: &mut App) {
    let Some(step) = app.history.take_redo() else {
        return say(app, app.lang.tr(Msg::MsgNothingToRedo).to_string());
    };
    app.backlog.apply(&step.edit.redo);
    app.changed(&step.edit.redo);
    let text = app.lang.fill(Msg::MsgRedone, &[("what", &step.label)]);
    app.history.push_redone(step);
    if !persist(app) {
        say(app, text);
    }
}
