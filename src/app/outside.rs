//! Edits from outside: before each save, and every few seconds while idle, the app looks whether
//! another program changed the file. If so it merges (three-way, see
//! [`crate::domain::merge`]), tells the user what came in, and lets them pick a side for each
//! conflict. A file that no longer reads is never merged or written.

use std::time::Duration;

use serde_json::Value;

use super::update::{committed, complain, say};
use super::{Action, App, Overlay, SaveState};
use crate::domain::merge::{Conflict, MergeReport, Note, merge};
use crate::domain::patch::Key;
use crate::domain::{Backlog, Edit, Funding, Status};
use crate::i18n::{Lang, Msg};
use crate::share::merge_file::Sides;
use crate::store::Outside;

/// How often the event loop sends [`Action::CheckOutside`] while no key is pressed.
pub const CHECK_EVERY: Duration = Duration::from_secs(2);

/// The merge just done, shown for the user to choose a side per conflict.
#[derive(Debug, Clone)]
pub struct MergeView {
    pub conflicts: Vec<Conflict>,
    /// Per conflict: `true` takes the other side's value. Ours is the default.
    pub take_theirs: Vec<bool>,
    pub notes: Vec<Note>,
    pub cursor: usize,
    // issue 11: who made each side's value (known after a sync; empty for outside edits)
    pub sides: Vec<Sides>,
}

/// What the app knows about the file between looks.
#[derive(Debug, Default)]
pub struct OutsideState {
    /// The file did not read at the last look; the app's state is kept and marked unsaved.
    pub unreadable: bool,
    /// A merge's conflicts and notes waiting for an overlay that was busy (an open form).
    pub waiting: Option<Box<MergeView>>,
}

pub(super) enum Looked {
    Unchanged,
    /// `differs`: the merged backlog is not what the file holds (ours had changes of its own).
    Merged {
        differs: bool,
    },
    Unreadable,
}

/// Brings in outside changes before a save. `Unreadable` means: do not save.
pub(super) fn reconcile(app: &mut App) -> Looked {
    let found = app.store.outside();
    take(app, found)
}

/// Brings in what a look at the file found.
pub(super) fn take(app: &mut App, found: Outside) -> Looked {
    match found {
        Outside::Unchanged => {
            app.outside.unreadable = false;
            Looked::Unchanged
        }
        Outside::Changed { base, theirs } => {
            app.outside.unreadable = false;
            Looked::Merged {
                differs: merge_in(app, &base, *theirs),
            }
        }
        Outside::Unreadable(error) => {
            let text = unreadable_text(app.lang, &error);
            app.outside.unreadable = true;
            app.save_state = SaveState::Failed(app.lang.tr(Msg::OutsideUnreadableShort).to_string());
            complain(app, text);
            Looked::Unreadable
        }
    }
}

/// [`Action::CheckOutside`]: the idle look. Waits while a form or question is open (its edit is
/// merged when it is saved) and during a meeting review.
pub(super) fn check(app: &mut App) {
    let busy = !matches!(app.overlay, Overlay::None | Overlay::Help { .. })
        || !matches!(app.screen, super::review::Screen::Main);
    if busy {
        return;
    }
    if let Some(view) = app.outside.waiting.take() {
        app.overlay = Overlay::Merge(view);
        return;
    }
    if app.read_only {
        return reload_read_only(app);
    }
    // The writer looks on its own thread; its answer comes back through the event loop.
    if super::background::look(app) {
        return;
    }
    let was_unreadable = app.outside.unreadable;
    let unsaved = matches!(app.save_state, SaveState::Failed(_));
    match reconcile(app) {
        // The file reads again, or an earlier save failed: write what the app holds.
        Looked::Merged { differs } if differs || unsaved => {
            super::update::persist(app);
        }
        Looked::Unchanged if was_unreadable || unsaved => {
            super::update::persist(app);
        }
        _ => {}
    }
}

/// The first line of why the file does not read (the status bar has one line).
fn unreadable_text(lang: Lang, error: &crate::store::LoadError) -> String {
    let why = error.message(lang);
    let first = why.lines().next().unwrap_or_default();
    lang.fill(Msg::ErrOutsideUnreadable, &[("error", first)])
}

/// A read-only window shows what the writer saved.
fn reload_read_only(app: &mut App) {
    match app.store.outside() {
        Outside::Changed { theirs, .. } => {
            app.store.accept_outside();
            app.backlog = *theirs;
            app.replaced();
            say(app, app.lang.tr(Msg::MsgReloaded).to_string());
        }
        Outside::Unreadable(error) => {
            let text = unreadable_text(app.lang, &error);
            complain(app, text);
        }
        Outside::Unchanged => {}
    }
}

/// Merges the file's new version into the app; `true` when the result differs from the file.
fn merge_in(app: &mut App, base: &Backlog, theirs: Backlog) -> bool {
    let lang = app.lang;
    let describe = |c: &Conflict| conflict_text(c, lang);
    let (merged, report) = merge(base, &app.backlog, &theirs, app.clock.now(), &describe);
    app.store.accept_outside();
    let differs = merged != theirs;
    if !report.conflicts.is_empty() || report.notes.iter().any(|n| matches!(n, Note::KeptOurs { .. })) {
        // The other side's values are overwritten by the next save: keep the file as it is.
        if let Err(error) = app.store.back_up() {
            complain(app, error.to_string());
        }
    }
    app.history.forget_touching(&report.changed);
    app.backlog = merged;
    app.replaced();
    tell(app, report);
    differs
}

fn tell(app: &mut App, report: MergeReport) {
    let lang = app.lang;
    if report.changed.is_empty() && report.conflicts.is_empty() && report.notes.is_empty() {
        return;
    }
    let measures = report.changed_measures();
    let others = report.changed.len() - measures;
    say(
        app,
        lang.fill(
            Msg::MsgMerged,
            &[
                ("measures", &measures.to_string()),
                ("others", &others.to_string()),
                ("conflicts", &report.conflicts.len().to_string()),
            ],
        ),
    );
    if report.conflicts.is_empty() && report.notes.is_empty() {
        return;
    }
    let sides = vec![Sides::default(); report.conflicts.len()];
    show(app, report.conflicts, sides, report.notes);
}

/// The conflicts a git merge (`tiltak sync`, `git pull`) resolved by keeping this side's value,
/// shown when the app opens so the user can still take the other side's.
pub fn show_synced_conflicts(app: &mut App, conflicts: Vec<(Conflict, Sides)>) {
    if conflicts.is_empty() {
        return;
    }
    let count = conflicts.len().to_string();
    say(app, app.lang.fill(Msg::MsgSyncConflicts, &[("conflicts", &count)]));
    let (conflicts, sides) = conflicts.into_iter().unzip();
    show(app, conflicts, sides, Vec::new());
}

fn show(app: &mut App, conflicts: Vec<Conflict>, sides: Vec<Sides>, notes: Vec<Note>) {
    let view = Box::new(MergeView {
        take_theirs: vec![false; conflicts.len()],
        conflicts,
        notes,
        cursor: 0,
        sides,
    });
    if matches!(app.overlay, Overlay::None | Overlay::Help { .. }) {
        app.overlay = Overlay::Merge(view);
    } else {
        app.outside.waiting = Some(view);
    }
}

/// Keys in the merge overlay.
pub(super) fn action(app: &mut App, action: Action) {
    let Overlay::Merge(view) = &mut app.overlay else { return };
    let last = view.conflicts.len().saturating_sub(1);
    match action {
        Action::Down => view.cursor = (view.cursor + 1).min(last),
        Action::Up => view.cursor = view.cursor.saturating_sub(1),
        Action::MergeOurs | Action::MergeTheirs | Action::MergeToggle => {
            if let Some(side) = view.take_theirs.get_mut(view.cursor) {
                *side = match action {
                    Action::MergeOurs => false,
                    Action::MergeTheirs => true,
                    _ => !*side,
                };
            }
        }
        Action::MergeApply => apply(app),
        Action::Cancel => {
            app.overlay = Overlay::None;
            say(app, app.lang.tr(Msg::MsgKeptOurs).to_string());
        }
        Action::Quit => super::update::quit(app),
        _ => {}
    }
}

fn apply(app: &mut App) {
    let Overlay::Merge(view) = std::mem::replace(&mut app.overlay, Overlay::None) else {
        return;
    };
    let chosen: Vec<Conflict> = view
        .conflicts
        .iter()
        .zip(&view.take_theirs)
        .filter(|(_, theirs)| **theirs)
        .map(|(c, _)| c.clone())
        .collect();
    let lang = app.lang;
    if chosen.is_empty() {
        return say(app, lang.tr(Msg::MsgKeptOurs).to_string());
    }
    let describe = |c: &Conflict| {
        lang.fill(
            Msg::LogReplacedByElsewhere,
            &[
                ("field", &field_label(&c.field, lang)),
                ("value", &value_text(&c.field, &c.ours, lang)),
            ],
        )
    };
    let result: Result<Edit, _> = app.backlog.take_theirs(&chosen, app.clock.now(), &describe);
    match result {
        Ok(edit) => {
            let label = lang.fill(Msg::MsgTookTheirs, &[("count", &chosen.len().to_string())]);
            committed(app, edit, label);
        }
        Err(error) => {
            app.overlay = Overlay::Merge(view);
            complain(app, lang.fill(Msg::ErrTakeTheirs, &[("error", &error.to_string())]));
        }
    }
}

/// The record a conflict or note is about, as the user knows it: `T-12 Title`.
pub fn record_label(backlog: &Backlog, key: Key) -> String {
    let (id, name) = match key {
        Key::Sector(id) => (id.to_string(), backlog.sector(id).map(|x| x.name.clone())),
        Key::Owner(id) => (id.to_string(), backlog.owner(id).map(|x| x.name.clone())),
        Key::Priority(id) => (id.to_string(), backlog.priority(id).map(|x| x.title.clone())),
        Key::Measure(id) => (id.to_string(), backlog.measure(id).map(|x| x.title.clone())),
        Key::Meeting(id) => (id.to_string(), backlog.meeting(id).map(|x| x.title.clone())),
        // Saved views merge as a list: no conflict or note names them.
        Key::Views => (String::new(), None),
        Key::Settings => (String::new(), Some(backlog.name.clone())),
        Key::Term(id) => (id.to_string(), backlog.term(id).map(|x| x.term.clone())),
    };
    match name {
        Some(name) => format!("{id} {name}"),
        None => id,
    }
}

/// The log note that keeps the other side's value of a field both sides changed.
pub fn conflict_text(conflict: &Conflict, lang: Lang) -> String {
    lang.fill(
        Msg::LogChangedElsewhere,
        &[
            ("field", &field_label(&conflict.field, lang)),
            ("value", &value_text(&conflict.field, &conflict.theirs, lang)),
        ],
    )
}

/// [`conflict_text`] naming who made each side's value, where both are known (the merge
/// driver run by sync).
pub fn conflict_text_between(conflict: &Conflict, sides: &Sides, lang: Lang) -> String {
    if !sides.both_known() {
        return conflict_text(conflict, lang);
    }
    lang.fill(
        Msg::LogChangedElsewhereBy,
        &[
            ("theirs", &sides.theirs),
            ("field", &field_label(&conflict.field, lang)),
            ("value", &value_text(&conflict.field, &conflict.theirs, lang)),
            ("ours", &sides.ours),
        ],
    )
}

/// A field's name in the user's language where the catalogue has it.
pub fn field_label(field: &str, lang: Lang) -> String {
    let msg = match field {
        "title" => Msg::FieldTitle,
        "description" => Msg::FieldDescription,
        "status" => Msg::FieldStatus,
        "owner" => Msg::FieldOwner,
        "sectors" => Msg::FieldSectors,
        "priorities" => Msg::FieldPriorities,
        "value" => Msg::FieldValue,
        "effort" => Msg::FieldEffort,
        "due" => Msg::FieldDue,
        "funding" => Msg::FieldFunding,
        "cost_estimate" => Msg::FieldCost,
        "political" => Msg::FieldPolitical,
        "benefits" => Msg::FieldBenefits,
        "tags" => Msg::FieldTags,
        "name" => Msg::FieldName,
        "role" => Msg::FieldRole,
        "sector" => Msg::FieldHomeSector,
        "rank" => Msg::FieldRank,
        "date" => Msg::FieldMeetingDate,
        "attendees" => Msg::FieldAttendees,
        _ => return field.to_string(),
    };
    lang.tr(msg).to_string()
}

/// A field's value as plain text: a status or funding in the user's language, strings without
/// quotes, lists joined, nothing as `–`.
pub fn value_text(field: &str, value: &Value, lang: Lang) -> String {
    let key = value.as_str().unwrap_or_default();
    match (field, value) {
        ("status", _) if Status::from_key(key).is_some() => Status::from_key(key)
            .map(|s| lang.status(s))
            .unwrap_or_default()
            .to_string(),
        ("funding", _) if Funding::ALL.iter().any(|f| f.key() == key) => Funding::ALL
            .into_iter()
            .find(|f| f.key() == key)
            .map(|f| lang.funding(f))
            .unwrap_or_default()
            .to_string(),
        (_, Value::Null) => "–".to_string(),
        (_, Value::String(text)) => text.clone(),
        (_, Value::Array(items)) => items
            .iter()
            .map(|item| value_text("", item, lang))
            .collect::<Vec<_>>()
            .join(", "),
        (_, other) => other.to_string(),
    }
}

/// One line per note, for the overlay.
pub fn note_text(backlog: &Backlog, note: &Note, lang: Lang) -> String {
    match note {
        Note::KeptChanged { key, deleted_by_us } => lang.fill(
            if *deleted_by_us {
                Msg::NoteDeletedHereChangedThere
            } else {
                Msg::NoteDeletedThereChangedHere
            },
            &[("record", &record_label(backlog, *key))],
        ),
        Note::Renumbered { from, to } => lang.fill(
            Msg::NoteRenumbered,
            &[("from", &key_id(*from)), ("record", &record_label(backlog, *to))],
        ),
        Note::Unlinked { from, to } => lang.fill(
            Msg::NoteUnlinked,
            &[("record", &record_label(backlog, *from)), ("link", &key_id(*to))],
        ),
        Note::KeptOurs { field, theirs } => lang.fill(
            Msg::NoteKeptOurs,
            &[
                ("field", &field_label(field, lang)),
                ("value", &value_text(field, theirs, lang)),
            ],
        ),
    }
}

fn key_id(key: Key) -> String {
    match key {
        Key::Sector(id) => id.to_string(),
        Key::Owner(id) => id.to_string(),
        Key::Priority(id) => id.to_string(),
        Key::Measure(id) => id.to_string(),
        Key::Meeting(id) => id.to_string(),
        Key::Term(id) => id.to_string(),
        Key::Views | Key::Settings => String::new(),
    }
}
