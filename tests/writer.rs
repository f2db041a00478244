//! Saving never blocks the screen (issue 13): the app hands each change to the background
//! writer and goes on. A slow disk, a failing disk and another program writing meanwhile are
//! injected through the writer's fault hook, which runs on the writer's thread.

mod common;
#[path = "../benches/support/mod.rs"]
mod support;

use std::path::Path;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::KeyCode;
use tempfile::TempDir;
use tiltak::app::{Action, App, Clock, SaveState, update};
use tiltak::domain::{Backlog, MeasureDraft};
use tiltak::i18n::Lang;
use tiltak::store::writer::{SendFaultHook, Writer};
use tiltak::store::{FileStore, SaveStep, load, save};

use common::{NOW, app_with, demo, press, screen};
use tiltak::insight::Insight;

fn on_disk(path: &Path) -> Backlog {
    load(path).unwrap().unwrap()
}

/// A demo backlog on disk and an app that saves it through the writer with `hook`.
fn setup(hook: SendFaultHook) -> (TempDir, std::path::PathBuf, App) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    save(&demo(), &path).unwrap();
    let (store, loaded) = FileStore::open(path.clone()).unwrap();
    let writer = Writer::spawn(store, Some(hook)).unwrap();
    let app = App::new(
        loaded.unwrap().backlog,
        Lang::En,
        Box::new(writer),
        Clock::Fixed(NOW.parse().unwrap()),
    );
    (dir, path, app)
}

/// A disk whose writes wait at `step` until the test lets each one go, counting the renames.
struct Gate {
    release: Sender<()>,
    reached: Receiver<SaveStep>,
    renames: Arc<AtomicUsize>,
}

fn gated(at: SaveStep) -> (Gate, SendFaultHook) {
    let (release, wait) = channel::<()>();
    let (reach, reached) = channel();
    let renames = Arc::new(AtomicUsize::new(0));
    let counted = Arc::clone(&renames);
    let hook: SendFaultHook = Box::new(move |step| {
        if step == SaveStep::Rename {
            counted.fetch_add(1, Ordering::SeqCst);
        }
        if step == at {
            let _ = reach.send(step);
            let _ = wait.recv();
        }
        Ok(())
    });
    (
        Gate {
            release,
            reached,
            renames,
        },
        hook,
    )
}

/// Runs the event loop's part (taking the writer's answers) until the writer is done.
fn settle(app: &mut App) {
    let started = Instant::now();
    loop {
        app.poll_writer();
        if !app.writing() && app.save_state != SaveState::Saving {
            app.poll_writer();
            return;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "the writer never finished");
        std::thread::sleep(Duration::from_millis(2));
    }
}

#[test]
fn an_edit_shows_at_once_while_a_slow_write_runs() {
    let (gate, hook) = gated(SaveStep::Write);
    let (_dir, path, mut app) = setup(hook);
    let before = std::fs::read(&path).unwrap();
    let id = app.selected_measure().unwrap();
    let from = app.backlog.measure(id).unwrap().status;

    press(&mut app, KeyCode::Char('s'));
    // The write is stuck on the disk, yet the key is handled and the screen shows the change.
    assert_eq!(gate.reached.recv_timeout(Duration::from_secs(5)), Ok(SaveStep::Write));
    let to = app.backlog.measure(id).unwrap().status;
    assert_ne!(to, from);
    assert_eq!(app.save_state, SaveState::Saving);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("… saving"), "{shown}");
    assert!(shown.contains(&format!("{id}")), "{shown}");
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing is in the file yet");

    // Moving on works while the write waits.
    press(&mut app, KeyCode::Char('j'));
    assert_ne!(app.selected_measure(), Some(id));

    gate.release.send(()).unwrap();
    settle(&mut app);
    assert_eq!(app.save_state, SaveState::Saved);
    assert!(screen(&mut app, 120, 40).contains("✓ saved"));
    assert_eq!(on_disk(&path).measure(id).unwrap().status, to);
}

#[test]
fn a_burst_of_edits_while_a_write_runs_is_written_once() {
    let (gate, hook) = gated(SaveStep::Write);
    let (_dir, path, mut app) = setup(hook);
    press(&mut app, KeyCode::Char('s'));
    assert_eq!(gate.reached.recv_timeout(Duration::from_secs(5)), Ok(SaveStep::Write));
    // Five more edits while the first write is stuck.
    let mut stepped = Vec::new();
    for _ in 0..5 {
        press(&mut app, KeyCode::Char('j'));
        stepped.push(app.selected_measure().unwrap());
        press(&mut app, KeyCode::Char('s'));
    }
    // Let the first write and whatever follows go.
    for _ in 0..10 {
        let _ = gate.release.send(());
    }
    settle(&mut app);
    assert_eq!(
        gate.renames.load(Ordering::SeqCst),
        2,
        "the first write and one for the five edits after it"
    );
    let file = on_disk(&path);
    assert_eq!(file, app.backlog, "every edit is in the file");
    assert_eq!(app.save_state, SaveState::Saved);
}

#[test]
fn quitting_right_after_an_edit_waits_for_the_write_and_the_edit_is_in_the_file() {
    let (gate, hook) = gated(SaveStep::Fsync);
    let (_dir, path, mut app) = setup(hook);
    let id = app.selected_measure().unwrap();
    press(&mut app, KeyCode::Char('s'));
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.should_quit, "the write is still running");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Quitting once the last change is written"), "{shown}");
    assert_eq!(gate.reached.recv_timeout(Duration::from_secs(5)), Ok(SaveStep::Fsync));
    gate.release.send(()).unwrap();
    settle(&mut app);
    assert!(app.should_quit, "quits once the write is done");
    let status = app.backlog.measure(id).unwrap().status;
    drop(app);
    assert_eq!(on_disk(&path).measure(id).unwrap().status, status);
}

#[test]
fn closing_the_app_waits_for_the_last_write() {
    // A slow disk: each step of the write takes 50 ms.
    let slow: SendFaultHook = Box::new(|_| {
        std::thread::sleep(Duration::from_millis(50));
        Ok(())
    });
    let (_dir, path, mut app) = setup(slow);
    let id = app.selected_measure().unwrap();
    press(&mut app, KeyCode::Char('s'));
    let status = app.backlog.measure(id).unwrap().status;
    drop(app);
    assert_eq!(on_disk(&path).measure(id).unwrap().status, status);
}

#[test]
fn a_failed_background_write_shows_not_saved_keeps_the_edit_and_is_tried_again() {
    let failing = Arc::new(Mutex::new(Some(SaveStep::Fsync)));
    let at = Arc::clone(&failing);
    let hook: SendFaultHook = Box::new(move |step| match *at.lock().unwrap() {
        Some(bad) if bad == step => Err(std::io::Error::other("injected failure")),
        _ => Ok(()),
    });
    let (_dir, path, mut app) = setup(hook);
    let before = std::fs::read(&path).unwrap();
    let id = app.selected_measure().unwrap();
    press(&mut app, KeyCode::Char('s'));
    let status = app.backlog.measure(id).unwrap().status;
    settle(&mut app);

    assert!(matches!(app.save_state, SaveState::Failed(_)), "{:?}", app.save_state);
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("● not saved"), "{shown}");
    assert!(shown.contains("Could not save"), "{shown}");
    assert_eq!(app.backlog.measure(id).unwrap().status, status, "the edit is kept");
    assert_eq!(std::fs::read(&path).unwrap(), before, "the file is as it was");

    // Quitting asks, as with any unsaved change.
    *failing.lock().unwrap() = Some(SaveStep::Rename);
    press(&mut app, KeyCode::Char('q'));
    settle(&mut app);
    assert!(!app.should_quit);
    assert!(screen(&mut app, 120, 40).contains("NOT saved"));
    press(&mut app, KeyCode::Char('n'));

    // The disk heals: the next idle look writes what waited.
    *failing.lock().unwrap() = None;
    update(&mut app, Action::CheckOutside);
    settle(&mut app);
    assert_eq!(app.save_state, SaveState::Saved);
    assert_eq!(on_disk(&path).measure(id).unwrap().status, status);
}

#[test]
fn an_outside_edit_during_a_background_write_is_merged_not_overwritten() {
    let dir_path: Arc<Mutex<Option<std::path::PathBuf>>> = Arc::default();
    let target = Arc::clone(&dir_path);
    let mut done = false;
    // Right before the first rename, another program writes the file.
    let hook: SendFaultHook = Box::new(move |step| {
        if step == SaveStep::Rename
            && !done
            && let Some(path) = target.lock().unwrap().clone()
        {
            done = true;
            let mut theirs = load(&path).unwrap().unwrap();
            theirs
                .add_measure(MeasureDraft::titled("Added outside"), NOW.parse().unwrap())
                .unwrap();
            save(&theirs, &path).unwrap();
        }
        Ok(())
    });
    let (_dir, path, mut app) = setup(hook);
    *dir_path.lock().unwrap() = Some(path.clone());
    let id = app.selected_measure().unwrap();
    press(&mut app, KeyCode::Char('s'));
    let status = app.backlog.measure(id).unwrap().status;
    settle(&mut app);

    let file = on_disk(&path);
    assert_eq!(file.measure(id).unwrap().status, status, "our edit is in the file");
    assert!(
        file.measures.iter().any(|m| m.title == "Added outside"),
        "the outside edit is kept"
    );
    assert_eq!(file, app.backlog);
    assert_eq!(app.save_state, SaveState::Saved);
}

#[test]
fn in_a_large_backlog_a_status_step_does_not_wait_for_the_overview_numbers() {
    let (mut app, _) = app_with(support::generated(6_000), Lang::En);
    let before = app.insight.clone();
    let id = app.selected_measure().unwrap();
    let from = app.backlog.measure(id).unwrap().status;
    press(&mut app, KeyCode::Char('s'));
    assert_ne!(app.backlog.measure(id).unwrap().status, from, "the step is made");
    assert!(app.insight_pending(), "the numbers are computed on a thread");
    assert_eq!(app.insight, before, "not yet");
    let started = Instant::now();
    while app.insight_pending() {
        app.poll_insight();
        assert!(started.elapsed() < Duration::from_secs(10), "the numbers never came");
        std::thread::sleep(Duration::from_millis(2));
    }
    assert_eq!(
        app.insight,
        Insight::compute(&app.backlog, app.today()),
        "and then they follow"
    );
    assert_ne!(app.insight, before);
}
