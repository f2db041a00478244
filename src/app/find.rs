//! Finding and triaging (issue 3): search line, sort, filter panel, views, marks, quick-assign
//! pickers and the command palette. Reached from `update` for these actions and overlays.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::filter_panel::FilterPanel;
use super::form::FormTarget;
use super::palette::Palette;
use super::picker::{PickChoice, Picker, PickerKind};
use super::update::{committed, complain, quit, say};
use super::{Action, App, Overlay, Pane};
use crate::domain::{Assignment, DomainError, SavedView};
use crate::i18n::Msg;
use crate::search::{DueFilter, MeasureFilter, SortKey};

/// A typed character or Backspace for a one-line input; `None` for any other key.
enum Typed {
    Char(char),
    Backspace,
}

fn typed(key: KeyEvent) -> Option<Typed> {
    if key.modifiers.intersects(KeyModifiers::CONTROL | KeyModifiers::ALT) {
        return None;
    }
    match key.code {
        KeyCode::Char(c) => Some(Typed::Char(c)),
        KeyCode::Backspace => Some(Typed::Backspace),
        _ => None,
    }
}

/// The list actions of issue 3.
pub(super) fn list_action(app: &mut App, action: Action) {
    match action {
        Action::Search if is_searchable(app.focus) => app.search_open = true,
        Action::Palette => app.overlay = Overlay::Palette(Box::new(Palette::new(&app.keymap, app.focus, app.lang))),
        Action::FilterPanel => {
            app.overlay = Overlay::Filter(Box::new(FilterPanel::new(&app.filter, &app.backlog)));
        }
        Action::ClearFilters => {
            app.queries.remove(&Pane::Measures);
            app.set_filter(MeasureFilter::default());
            say(app, app.lang.tr(Msg::MsgFiltersCleared).to_string());
        }
        Action::CycleSort => {
            app.sort = app.sort.next();
            app.view_name = None;
            app.refresh_measures();
            let order = app.lang.tr(app.sort.label());
            say(app, app.lang.fill(Msg::MsgSortedBy, &[("order", order)]));
        }
        // `T` again leaves the triage view.
        Action::Triage if app.view_name.as_deref() == Some(app.lang.tr(Msg::ViewTriage)) => {
            app.queries.remove(&Pane::Measures);
            app.set_filter(MeasureFilter::default());
            say(app, app.lang.tr(Msg::MsgTriageOff).to_string());
        }
        Action::Triage => open_view(
            app,
            app.lang.tr(Msg::ViewTriage).to_string(),
            MeasureFilter {
                untriaged: true,
                ..Default::default()
            },
            String::new(),
            SortKey::Default,
        ),
        Action::ShowOverdue => open_view(
            app,
            app.lang.tr(Msg::ViewOverdue).to_string(),
            MeasureFilter {
                due: Some(DueFilter::Overdue),
                ..Default::default()
            },
            String::new(),
            SortKey::Due,
        ),
        Action::AssignOwner => open_picker(app, PickerKind::Owner),
        Action::AssignSectors => open_picker(app, PickerKind::Sectors),
        Action::AssignPriorities => open_picker(app, PickerKind::Priorities),
        Action::AssignValue => open_picker(app, PickerKind::Value),
        Action::AssignEffort => open_picker(app, PickerKind::Effort),
        Action::AssignStatus => open_picker(app, PickerKind::Status),
        // issue 16: dependencies and links
        Action::AssignDepends => open_picker(app, PickerKind::DependsOn),
        Action::AssignPartOf => open_picker(app, PickerKind::PartOf),
        Action::FollowDependency => super::connections::follow(app),
        Action::OpenLink => super::connections::open_link(app),
        Action::ToggleMark => {
            if let Some(id) = app.selected_measure() {
                if !app.marks.remove(&id) {
                    app.marks.insert(id);
                }
                app.measures.move_by(1);
            }
        }
        Action::MarkVisible => {
            let visible: Vec<_> = app
                .measures
                .rows
                .iter()
                .filter_map(|i| app.backlog.measures.get(*i))
                .map(|m| m.id)
                .collect();
            if !visible.is_empty() && visible.iter().all(|id| app.marks.contains(id)) {
                for id in &visible {
                    app.marks.remove(id);
                }
            } else {
                app.marks.extend(visible);
            }
            let count = app.marks.len().to_string();
            say(app, app.lang.fill(Msg::MsgMarked, &[("count", &count)]));
        }
        Action::ClearMarks => app.marks.clear(),
        Action::SaveView => {
            let name = app.view_name.clone().unwrap_or_default();
            app.overlay = Overlay::SaveView(name);
        }
        Action::OpenView => {
            app.overlay = Overlay::Picker(Box::new(Picker::views(PickerKind::OpenView, &app.backlog, app.lang)));
        }
        Action::DeleteView => {
            if app.backlog.views.is_empty() {
                return say(app, app.lang.tr(Msg::MsgNoSavedViews).to_string());
            }
            app.overlay = Overlay::Picker(Box::new(Picker::views(PickerKind::DeleteView, &app.backlog, app.lang)));
        }
        _ => {}
    }
}

fn is_searchable(pane: Pane) -> bool {
    matches!(
        pane,
        Pane::Measures | Pane::Owners | Pane::Priorities | Pane::Meetings | Pane::Glossary
    )
}

/// Esc in a list: clears the marks first, then the search.
pub(super) fn cancel(app: &mut App) {
    if !app.marks.is_empty() {
        app.marks.clear();
    } else if !app.query(app.focus).is_empty() {
        app.queries.remove(&app.focus);
        app.view_name = None;
        app.refresh_views();
    }
}

fn open_view(app: &mut App, name: String, filter: MeasureFilter, query: String, sort: SortKey) {
    app.focus = Pane::Measures;
    app.filter = filter;
    app.sort = sort;
    if query.is_empty() {
        app.queries.remove(&Pane::Measures);
    } else {
        app.queries.insert(Pane::Measures, query);
    }
    app.refresh_measures();
    app.measures.first();
    let count = app.measures.rows.len().to_string();
    say(
        app,
        app.lang.fill(Msg::MsgViewOpened, &[("name", &name), ("count", &count)]),
    );
    app.view_name = Some(name);
}

fn open_picker(app: &mut App, kind: PickerKind) {
    let action = match kind {
        PickerKind::Owner => Action::AssignOwner,
        PickerKind::Sectors => Action::AssignSectors,
        PickerKind::Priorities => Action::AssignPriorities,
        PickerKind::Value => Action::AssignValue,
        PickerKind::Effort => Action::AssignEffort,
        PickerKind::Status => Action::AssignStatus,
        PickerKind::DependsOn => Action::AssignDepends,
        PickerKind::PartOf => Action::AssignPartOf,
        PickerKind::OpenView
        | PickerKind::DeleteView
        | PickerKind::OpenLink
        | PickerKind::Follow
        | PickerKind::AgendaItem
        | PickerKind::Field { .. } => Action::OpenView,
    };
    if !super::marks::may_act(app, action) {
        return;
    }
    let targets = app.targets();
    if targets.is_empty() {
        return say(app, app.lang.tr(Msg::NothingSelected).to_string());
    }
    app.overlay = Overlay::Picker(Box::new(Picker::assign(kind, targets, &app.backlog, app.lang)));
}

/// Re-filters the focused list after its query changed; the best match gets the cursor.
fn requery(app: &mut App) {
    app.view_name = None;
    if app.focus == Pane::Measures {
        return app.requery_measures();
    }
    app.refresh_views();
    if let Some(list) = app.list_mut(app.focus) {
        list.first();
    }
}

pub(super) fn search_action(app: &mut App, action: Action) {
    match action {
        Action::Accept => app.search_open = false,
        Action::Cancel => {
            app.search_open = false;
            app.queries.remove(&app.focus);
            app.view_name = None;
            app.refresh_views();
        }
        Action::Down | Action::Up => {
            app.keep_cursor_when_answered();
            if let Some(list) = app.list_mut(app.focus) {
                list.move_by(if action == Action::Down { 1 } else { -1 });
            }
        }
        Action::ClearInput => {
            app.queries.remove(&app.focus);
            requery(app);
        }
        Action::Quit => quit(app),
        _ => {}
    }
}

pub(super) fn search_key(app: &mut App, key: KeyEvent) {
    let query = app.queries.entry(app.focus).or_default();
    match typed(key) {
        Some(Typed::Char(c)) => query.push(c),
        Some(Typed::Backspace) => {
            query.pop();
        }
        None => return,
    }
    requery(app);
}

pub(super) fn palette_action(app: &mut App, action: Action) {
    let Overlay::Palette(palette) = &mut app.overlay else {
        return;
    };
    match action {
        Action::Down => palette.move_by(1),
        Action::Up => palette.move_by(-1),
        Action::ClearInput => palette.clear_query(),
        Action::Cancel => app.overlay = Overlay::None,
        Action::Quit => quit(app),
        Action::Accept => {
            let chosen = palette.selected().map(|e| e.action);
            app.overlay = Overlay::None;
            if let Some(action) = chosen {
                super::update(app, action);
            }
        }
        _ => {}
    }
}

pub(super) fn palette_key(app: &mut App, key: KeyEvent) {
    let Overlay::Palette(palette) = &mut app.overlay else {
        return;
    };
    match typed(key) {
        Some(Typed::Char(c)) => palette.type_char(c),
        Some(Typed::Backspace) => palette.backspace(),
        None => {}
    }
}

// issue 14: one picker everywhere
/// The picker open now: over the lists, on a form's field, on a filter row, or on the meeting
/// set-up's attendees.
fn open_picker_mut(app: &mut App) -> Option<&mut Picker> {
    match &mut app.overlay {
        Overlay::Picker(picker) => Some(picker),
        Overlay::Form(form) => form.picker.as_deref_mut(),
        Overlay::Filter(panel) => panel.picker.as_deref_mut(),
        Overlay::None => match &mut app.screen {
            super::review::Screen::Setup(setup) => setup.form.picker.as_deref_mut(),
            _ => None,
        },
        _ => None,
    }
}

/// Whether the open picker checks several options.
pub(super) fn picker_is_multi(app: &mut App) -> bool {
    open_picker_mut(app).is_some_and(|p| p.kind.is_multi())
}

pub(super) fn picker_action(app: &mut App, action: Action) {
    let Some(picker) = open_picker_mut(app) else {
        return;
    };
    match action {
        Action::Down => picker.move_by(1),
        Action::Up => picker.move_by(-1),
        Action::ClearInput => picker.clear_query(),
        Action::PickToggle => picker.toggle(),
        Action::Cancel => close_picker(app),
        Action::Quit => quit(app),
        Action::Accept => match &mut app.overlay {
            Overlay::Form(_) => form_picker_chosen(app),
            Overlay::None => {
                if let super::review::Screen::Setup(setup) = &mut app.screen
                    && let Err(refusal) = setup.form.accept_picker(&app.backlog, app.lang)
                {
                    complain(app, refusal);
                }
            }
            Overlay::Filter(panel) => {
                let mut filter = app.filter.clone();
                panel.picker_chosen(&mut filter, &app.backlog);
                app.set_filter(filter);
            }
            _ => {
                let Overlay::Picker(picker) = std::mem::replace(&mut app.overlay, Overlay::None) else {
                    return;
                };
                let mut picker = *picker;
                match picker.kind {
                    PickerKind::OpenView | PickerKind::DeleteView => choose_view(app, &picker),
                    PickerKind::OpenLink | PickerKind::Follow => super::connections::chosen(app, &picker),
                    PickerKind::AgendaItem => super::agenda_items::chosen(app, &picker),
                    _ => {
                        if let Some(assignment) = picker.assignment() {
                            assign(app, &picker, assignment);
                        }
                    }
                }
            }
        },
        _ => {}
    }
}

/// `Esc` in a picker: back to the form or filter panel it came from, as it was. A review's
/// one-question prompt is only its picker, so it closes too.
fn close_picker(app: &mut App) {
    match &mut app.overlay {
        Overlay::Form(form) if matches!(form.target, FormTarget::Prompt(_)) => app.overlay = Overlay::None,
        Overlay::Form(form) => form.picker = None,
        Overlay::Filter(panel) => panel.picker = None,
        Overlay::None => {
            if let super::review::Screen::Setup(setup) = &mut app.screen {
                setup.form.picker = None;
            }
        }
        _ => app.overlay = Overlay::None,
    }
}

/// `Enter` in a form's picker: the choice goes into the field (a circle is refused, the picker
/// stays). A review's one-question prompt is answered at once.
fn form_picker_chosen(app: &mut App) {
    let Overlay::Form(form) = &mut app.overlay else { return };
    match form.accept_picker(&app.backlog, app.lang) {
        Ok(()) if matches!(form.target, FormTarget::Prompt(_)) => super::update::submit_form(app),
        Ok(()) => {}
        Err(refusal) => complain(app, refusal),
    }
}

pub(super) fn picker_key(app: &mut App, key: KeyEvent) {
    let Some(picker) = open_picker_mut(app) else {
        return;
    };
    let numeric = matches!(picker.kind, PickerKind::Value | PickerKind::Effort);
    match typed(key) {
        // Value and effort: a digit sets it at once (0 or - clears it).
        Some(Typed::Char(c @ ('0'..='5' | '-'))) if numeric => {
            let number = c.to_digit(10).filter(|n| *n > 0).map(|n| n as u8);
            let picker = picker.clone();
            app.overlay = Overlay::None;
            assign(app, &picker, picker.number_assignment(number));
        }
        Some(Typed::Char(c)) => picker.type_char(c),
        Some(Typed::Backspace) => picker.backspace(),
        None => {}
    }
}

fn assign(app: &mut App, picker: &Picker, assignment: Assignment) {
    let lang = app.lang;
    let what = match picker.targets.as_slice() {
        [one] => one.to_string(),
        many => lang.fill(Msg::CountMeasures, &[("count", &many.len().to_string())]),
    };
    let number = |n: Option<u8>| n.map_or_else(|| lang.tr(Msg::None).to_string(), |n| n.to_string());
    let (msg, value) = match &assignment {
        Assignment::Owner(owner) => (
            Msg::MsgAssignedOwner,
            owner
                .and_then(|o| app.backlog.owner(o))
                .map_or_else(|| lang.tr(Msg::None).to_string(), |o| o.name.clone()),
        ),
        Assignment::Sectors { .. } => (Msg::MsgAssignedSectors, String::new()),
        Assignment::Priorities { .. } => (Msg::MsgAssignedPriorities, String::new()),
        Assignment::Value(v) => (Msg::MsgAssignedValue, number(*v)),
        Assignment::Effort(v) => (Msg::MsgAssignedEffort, number(*v)),
        Assignment::Status(s) => (Msg::MsgAssignedStatus, lang.status(*s).to_string()),
        Assignment::DependsOn { .. } => (Msg::MsgAssignedDepends, String::new()),
        Assignment::PartOf(parent) => (
            Msg::MsgAssignedPartOf,
            parent.map_or_else(|| lang.tr(Msg::None).to_string(), |p| p.to_string()),
        ),
    };
    let label = lang.fill(msg, &[("what", &what), ("value", &value)]);
    let now = app.clock.now();
    match app.backlog.assign(&picker.targets, &assignment, now) {
        Ok(Some(edit)) => committed(app, edit, label),
        Ok(None) => say(app, lang.tr(Msg::MsgNoChange).to_string()),
        Err(error) => complain(app, domain_message(app, error)),
    }
}

fn domain_message(app: &App, error: DomainError) -> String {
    match error {
        DomainError::EmptyName => app.lang.tr(Msg::ErrEmptyName).to_string(),
        DomainError::OutOfRange { .. } => app.lang.tr(Msg::ErrOneToFive).to_string(),
        // issue 16: dependencies and links
        error @ (DomainError::DependencyCycle(_) | DomainError::PartOfCycle(_)) => {
            crate::insight::connections::refusal_text(app.lang, &error)
        }
        DomainError::IdsExhausted(_) => app.lang.tr(Msg::ErrIdsExhausted).to_string(),
        _ => app.lang.tr(Msg::ErrUnknownLink).to_string(),
    }
}

fn choose_view(app: &mut App, picker: &Picker) {
    let Some(option) = picker.current() else { return };
    match (&option.choice, picker.kind) {
        (PickChoice::Triage, _) => list_action(app, Action::Triage),
        (PickChoice::Overdue, _) => list_action(app, Action::ShowOverdue),
        (PickChoice::Saved(name), PickerKind::DeleteView) => {
            let label = app.lang.fill(Msg::MsgViewDeleted, &[("name", name)]);
            if let Some(edit) = app.backlog.delete_view(name) {
                committed(app, edit, label);
            }
        }
        (PickChoice::Saved(name), _) => {
            if let Some(view) = app.backlog.view(name).cloned() {
                open_view(app, view.name, view.filter, view.query, view.sort);
            }
        }
        _ => {}
    }
}

pub(super) fn filter_action(app: &mut App, action: Action) {
    let Overlay::Filter(panel) = &mut app.overlay else {
        return;
    };
    match action {
        Action::Down => panel.move_by(1),
        Action::Up => panel.move_by(-1),
        // issue 14: Space on a row that chooses one of several opens its picker
        Action::PickToggle if panel.open_picker(&app.filter, &app.backlog, app.lang) => {}
        Action::ChoicePrev | Action::ChoiceNext | Action::PickToggle => {
            let mut filter = app.filter.clone();
            panel.step(&mut filter, &app.backlog, action != Action::ChoicePrev);
            app.set_filter(filter);
        }
        Action::ClearFilters => app.set_filter(MeasureFilter::default()),
        Action::Accept => app.overlay = Overlay::None,
        Action::Cancel => {
            let original = panel.original.clone();
            app.overlay = Overlay::None;
            app.set_filter(original);
        }
        Action::Quit => quit(app),
        _ => {}
    }
}

pub(super) fn prompt_action(app: &mut App, action: Action) {
    let Overlay::SaveView(name) = &mut app.overlay else {
        return;
    };
    match action {
        Action::ClearInput => name.clear(),
        Action::Cancel => app.overlay = Overlay::None,
        Action::Quit => quit(app),
        Action::Accept => {
            let view = SavedView {
                name: name.trim().to_string(),
                filter: app.filter.clone(),
                query: app.query(Pane::Measures).to_string(),
                sort: app.sort,
            };
            match app.backlog.save_view(view.clone()) {
                Ok(edit) => {
                    app.overlay = Overlay::None;
                    let label = app.lang.fill(Msg::MsgViewSaved, &[("name", &view.name)]);
                    committed(app, edit, label);
                    app.view_name = Some(view.name);
                }
                Err(error) => complain(app, domain_message(app, error)),
            }
        }
        _ => {}
    }
}

pub(super) fn prompt_key(app: &mut App, key: KeyEvent) {
    let Overlay::SaveView(name) = &mut app.overlay else {
        return;
    };
    match typed(key) {
        Some(Typed::Char(c)) => name.push(c),
        Some(Typed::Backspace) => {
            name.pop();
        }
        None => {}
    }
}
