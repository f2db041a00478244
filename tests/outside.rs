//! Edits from outside against a real file: another writer (a sync tool, a second program)
//! changes the backlog while the app runs. The app never saves over it blindly: it merges, shows
//! conflicts to choose from, reloads when idle, and leaves an unreadable file alone.

mod common;

use std::cell::Cell;
use std::fs;
use std::path::Path;
use std::rc::Rc;

use ratatui::crossterm::event::KeyCode;
use tempfile::TempDir;
use tiltak::app::{Action, App, Clock, Overlay, SaveState, handle_key, update};
use tiltak::domain::{Backlog, Id, LogKind, MeasureDraft, Status};
use tiltak::i18n::Lang;
use tiltak::store::{FileStore, Persist, SaveStep, load, save, watch};

use common::{NOW, ctrl, demo, press, screen, type_text};

fn now() -> jiff::Timestamp {
    NOW.parse().unwrap()
}

/// A demo backlog on disk and an app that loaded it through a [`FileStore`].
fn setup() -> (TempDir, std::path::PathBuf, App) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    save(&demo(), &path).unwrap();
    let app = open_app(&path, None);
    (dir, path, app)
}

fn open_app(path: &Path, failing: Option<Rc<Cell<Option<SaveStep>>>>) -> App {
    let (mut store, loaded) = FileStore::open(path.to_path_buf()).unwrap();
    if let Some(failing) = failing {
        store.fault = Some(Box::new(move |step| match failing.get() {
            Some(bad) if bad == step => Err(std::io::Error::other("injected failure")),
            _ => Ok(()),
        }));
    }
    App::new(loaded.unwrap().backlog, Lang::En, Box::new(store), Clock::Fixed(now()))
}

/// Another program loads the file, changes it and saves it with the library's own save.
fn other_writer(path: &Path, change: impl FnOnce(&mut Backlog)) -> Backlog {
    let mut backlog = load(path).unwrap().unwrap();
    change(&mut backlog);
    save(&backlog, path).unwrap();
    backlog
}

fn on_disk(path: &Path) -> Backlog {
    load(path).unwrap().unwrap()
}

fn select(app: &mut App, id: u32) {
    let backlog = &app.backlog;
    app.measures.select_where(|i| backlog.measures[i].id == Id(id));
    assert_eq!(app.selected_measure(), Some(Id(id)));
}

fn set_status(b: &mut Backlog, id: u32, status: Status) {
    let mut draft = MeasureDraft::from_measure(b.measure(Id(id)).unwrap());
    draft.status = status;
    b.update_measure(Id(id), draft, now()).unwrap();
}

fn message(app: &App) -> String {
    app.message.as_ref().map(|m| m.text.clone()).unwrap_or_default()
}

#[test]
fn an_outside_change_and_an_edit_in_the_app_both_end_up_in_the_file() {
    let (_dir, path, mut app) = setup();
    other_writer(&path, |b| set_status(b, 1, Status::Done));

    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Added in the app");
    press(&mut app, KeyCode::Enter);

    let file = on_disk(&path);
    assert_eq!(
        file.measure(Id(1)).unwrap().status,
        Status::Done,
        "the outside change is kept"
    );
    assert_eq!(
        file.measure(Id(32)).unwrap().title,
        "Added in the app",
        "the app's edit is saved"
    );
    assert_eq!(file, app.backlog);
    assert_eq!(app.save_state, SaveState::Saved);
    assert_eq!(
        message(&app),
        "Merged changes made outside: 1 measures, 0 other records, 0 conflict(s)"
    );
    assert!(matches!(app.overlay, Overlay::None), "no conflict, nothing to choose");
}

#[test]
fn a_conflict_is_shown_side_by_side_and_the_other_side_can_be_taken_and_undone() {
    let (_dir, path, mut app) = setup();
    other_writer(&path, |b| set_status(b, 2, Status::Parked));
    select(&mut app, 2);
    press(&mut app, KeyCode::Char('s')); // in progress → done, here

    // Ours is kept and saved; the other side's value is in the log; the overlay asks.
    let file = on_disk(&path);
    let measure = file.measure(Id(2)).unwrap();
    assert_eq!(measure.status, Status::Done);
    assert_eq!(
        measure.log.last().map(|e| (e.kind, e.text.as_str())),
        Some((LogKind::Note, "Changed elsewhere: Status = parked"))
    );
    assert!(message(&app).ends_with("1 conflict(s)"), "{}", message(&app));
    let Overlay::Merge(view) = &app.overlay else {
        panic!("the conflict overlay is open")
    };
    assert_eq!(view.conflicts.len(), 1);
    let shown = screen(&mut app, 120, 30);
    assert!(shown.contains("Changes made outside"), "{shown}");
    assert!(shown.contains("T-2"), "{shown}");
    assert!(
        shown.contains("● done") && shown.contains("○ parked"),
        "ours is marked as kept:\n{shown}"
    );

    press(&mut app, KeyCode::Right);
    let shown = screen(&mut app, 120, 30);
    assert!(shown.contains("○ done") && shown.contains("● parked"), "{shown}");
    press(&mut app, KeyCode::Enter);

    assert!(matches!(app.overlay, Overlay::None));
    let measure = on_disk(&path).measure(Id(2)).unwrap().clone();
    assert_eq!(measure.status, Status::Parked, "the other side is taken and saved");
    assert_eq!(
        measure.log.last().map(|e| e.text.as_str()),
        Some("Replaced by the change made elsewhere; was: Status = done")
    );

    press(&mut app, KeyCode::Char('u'));
    assert_eq!(
        on_disk(&path).measure(Id(2)).unwrap().status,
        Status::Done,
        "undo is saved too"
    );
    assert_eq!(app.save_state, SaveState::Saved);
}

#[test]
fn esc_keeps_every_value_from_here() {
    let (_dir, path, mut app) = setup();
    other_writer(&path, |b| set_status(b, 2, Status::Parked));
    select(&mut app, 2);
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Right);
    press(&mut app, KeyCode::Esc);
    assert!(matches!(app.overlay, Overlay::None));
    assert_eq!(on_disk(&path).measure(Id(2)).unwrap().status, Status::Done);
    assert!(message(&app).starts_with("Kept the values from here"));
}

#[test]
fn a_conflict_keeps_the_file_as_it_was_outside_among_the_backups() {
    let (_dir, path, mut app) = setup();
    let theirs = other_writer(&path, |b| set_status(b, 2, Status::Parked));
    select(&mut app, 2);
    press(&mut app, KeyCode::Char('s'));
    let kept = tiltak::store::backup::list(&path)
        .iter()
        .any(|b| load(&b.path).ok().flatten().as_ref() == Some(&theirs));
    assert!(kept, "the other side's whole file is in the backups");
}

#[test]
fn two_measures_added_under_the_same_id_both_survive() {
    let (_dir, path, mut app) = setup();
    other_writer(&path, |b| {
        b.add_measure(MeasureDraft::titled("Added outside"), now()).unwrap();
    });
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Added here");
    press(&mut app, KeyCode::Enter);

    let file = on_disk(&path);
    assert_eq!(file.measure(Id(32)).unwrap().title, "Added outside");
    assert_eq!(file.measure(Id(33)).unwrap().title, "Added here");
    assert_eq!(file.next_ids.measure, 34);
    let shown = screen(&mut app, 120, 30);
    assert!(
        shown.contains("T-32 was added in both places; yours is now T-33 Added here"),
        "{shown}"
    );
}

#[test]
fn the_idle_look_reloads_an_outside_change_without_writing() {
    let (_dir, path, mut app) = setup();
    update(&mut app, Action::CheckOutside);
    assert!(app.message.is_none(), "nothing changed, nothing said");

    other_writer(&path, |b| {
        b.add_measure(MeasureDraft::titled("From the sync tool"), now())
            .unwrap();
    });
    let written = fs::read(&path).unwrap();
    update(&mut app, Action::CheckOutside);

    assert_eq!(app.backlog, on_disk(&path));
    assert!(app.measures.rows.len() == 32, "the list shows it");
    assert_eq!(
        fs::read(&path).unwrap(),
        written,
        "nothing unsaved: the file is left as it is"
    );
    assert!(message(&app).starts_with("Merged changes made outside: 1 measures"));

    // Later saves start from the reloaded version: no false alarm.
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Next");
    press(&mut app, KeyCode::Enter);
    assert_eq!(message(&app), "Added T-33");
}

#[test]
fn the_idle_look_waits_while_a_form_is_open_and_the_form_merges_when_saved() {
    let (_dir, path, mut app) = setup();
    select(&mut app, 3);
    press(&mut app, KeyCode::Char('e'));
    other_writer(&path, |b| set_status(b, 3, Status::Parked));
    update(&mut app, Action::CheckOutside);
    assert!(matches!(app.overlay, Overlay::Form(_)), "the form stays open");
    assert_eq!(app.backlog.measure(Id(3)).unwrap().status, Status::Done);

    press(&mut app, KeyCode::End);
    type_text(&mut app, " (edited)");
    handle_key(&mut app, ctrl('s'));
    let measure = on_disk(&path).measure(Id(3)).unwrap().clone();
    assert!(measure.title.ends_with(" (edited)"), "{}", measure.title);
    assert_eq!(
        measure.status,
        Status::Parked,
        "the other side's field survives the form"
    );
}

#[test]
fn unsaved_edits_from_a_failed_save_are_merged_by_the_idle_look() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    save(&demo(), &path).unwrap();
    let failing = Rc::new(Cell::new(Some(SaveStep::Write)));
    let mut app = open_app(&path, Some(failing.clone()));
    press(&mut app, KeyCode::Char('n'));
    type_text(&mut app, "Kept in memory");
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.save_state, SaveState::Failed(_)));

    other_writer(&path, |b| set_status(b, 1, Status::Done));
    failing.set(None);
    update(&mut app, Action::CheckOutside);

    let file = on_disk(&path);
    assert_eq!(app.save_state, SaveState::Saved);
    assert_eq!(file.measure(Id(1)).unwrap().status, Status::Done);
    assert_eq!(file.measure(Id(32)).unwrap().title, "Kept in memory");
}

#[test]
fn an_unreadable_file_is_never_merged_or_written_and_the_app_keeps_checking() {
    let newer = {
        let mut json: serde_json::Value =
            serde_json::from_slice(include_bytes!("../assets/demo-backlog.json")).unwrap();
        json["schema_version"] = 99.into();
        serde_json::to_vec(&json).unwrap()
    };
    for broken in [b"{ \"schema_version\": 1, \"name\": ".to_vec(), newer] {
        let (_dir, path, mut app) = setup();
        fs::write(&path, &broken).unwrap();

        press(&mut app, KeyCode::Char('n'));
        type_text(&mut app, "Mine");
        press(&mut app, KeyCode::Enter);
        assert_eq!(fs::read(&path).unwrap(), broken, "never written over");
        assert!(matches!(app.save_state, SaveState::Failed(_)));
        assert!(
            message(&app).starts_with("The file no longer reads"),
            "{}",
            message(&app)
        );
        assert_eq!(app.backlog.measure(Id(32)).unwrap().title, "Mine", "the state is kept");

        update(&mut app, Action::CheckOutside);
        assert_eq!(fs::read(&path).unwrap(), broken, "still not written");

        // The file is fixed outside (e.g. restored): the next look merges and saves.
        let mut fixed = demo();
        set_status(&mut fixed, 1, Status::Done);
        save(&fixed, &path).unwrap();
        update(&mut app, Action::CheckOutside);
        let file = on_disk(&path);
        assert_eq!(app.save_state, SaveState::Saved);
        assert_eq!(file.measure(Id(1)).unwrap().status, Status::Done);
        assert_eq!(file.measure(Id(32)).unwrap().title, "Mine");
    }
}

#[test]
fn a_read_only_window_shows_what_the_writer_saved() {
    let (_dir, path, mut app) = setup();
    app.read_only = true;
    other_writer(&path, |b| {
        b.add_measure(MeasureDraft::titled("Saved by the writer"), now())
            .unwrap();
    });
    update(&mut app, Action::CheckOutside);
    assert_eq!(app.backlog, on_disk(&path));
    assert_eq!(
        message(&app),
        "Reloaded: the file was changed by the window that writes it."
    );
}

/// Another writer keeps the length and puts the modification time back; the change time, which
/// no writer can set, still differs, so the fingerprint alone catches this. The contents
/// comparison behind it (for a fingerprint too recent to trust) is tested in `store::watch`.
#[test]
fn the_store_refuses_to_save_over_a_file_changed_with_the_same_size_and_modification_time() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    save(&demo(), &path).unwrap();
    let old = std::time::SystemTime::now() - std::time::Duration::from_secs(3600);
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(old)
        .unwrap();
    let (mut store, loaded) = FileStore::open(path.clone()).unwrap();
    let ours = loaded.unwrap().backlog;

    // Same length, same modification time, same inode: only the contents differ.
    let mut bytes = fs::read(&path).unwrap();
    let at = bytes.windows(8).position(|w| w == b"\"title\":").unwrap() + 10;
    bytes[at] = if bytes[at] == b'X' { b'Y' } else { b'X' };
    fs::write(&path, &bytes).unwrap();
    fs::File::options()
        .write(true)
        .open(&path)
        .unwrap()
        .set_modified(old)
        .unwrap();

    let error = store.save(&ours).unwrap_err();
    assert!(watch::is_changed_outside(&error), "{error}");
    assert_eq!(fs::read(&path).unwrap(), bytes, "the other writer's file is untouched");
    assert!(matches!(store.outside(), tiltak::store::Outside::Changed { .. }));
}
