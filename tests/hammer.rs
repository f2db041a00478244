//! No outside write is lost to a racing save: another program replaces the file every 20 ms,
//! 150 times, while the app saves on every keystroke. Every outside edit and every local edit
//! ends up in the file.

use std::cell::RefCell;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use tiltak::app::{Action, App, Clock, SaveState, handle_key, update};
use tiltak::domain::{LogKind, MeasureDraft};
use tiltak::i18n::Lang;
use tiltak::store::{FileStore, SaveStep};

const OUTSIDE_EDITS: usize = 150;

/// Held by the outside writer from its read to its rename, and by the app from its last look
/// to its rename. It stands in for the one moment no check can close (between the app's last
/// look and the rename syscall) and keeps the writer from basing an edit on a file the app is
/// replacing that instant, which would be the writer's own lost update. The app's merge, temp
/// file, fsync and retries all run outside it, where today's race lived.
static RENAMING: Mutex<()> = Mutex::new(());

type Held = Rc<RefCell<Option<MutexGuard<'static, ()>>>>;

fn lock() -> MutexGuard<'static, ()> {
    RENAMING.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
}

#[test]
fn an_outside_writer_every_20_ms_loses_nothing_to_the_apps_saves() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    let now = "2026-11-29T12:00:00Z".parse().unwrap();
    let mut backlog = tiltak::cli::new_backlog(Lang::En);
    backlog.add_measure(MeasureDraft::titled("Edited here"), now).unwrap();
    backlog
        .add_measure(MeasureDraft::titled("Edited outside"), now)
        .unwrap();
    tiltak::store::save(&backlog, &path).unwrap();

    let (mut store, _) = FileStore::open(path.clone()).unwrap();
    let held: Held = Rc::default();
    let in_hook = held.clone();
    store.fault = Some(Box::new(move |step| {
        match step {
            SaveStep::Rename => *in_hook.borrow_mut() = Some(lock()),
            _ => *in_hook.borrow_mut() = None,
        }
        Ok(())
    }));
    let mut app = App::new(backlog, Lang::En, Box::new(store), Clock::Fixed(now));

    let done = Arc::new(AtomicBool::new(false));
    let writer = {
        let path = path.clone();
        let done = done.clone();
        std::thread::spawn(move || {
            for n in 0..OUTSIDE_EDITS {
                std::thread::sleep(Duration::from_millis(20));
                let _renaming = lock();
                let mut theirs = tiltak::store::load(&path).unwrap().unwrap();
                let measure = theirs
                    .measures
                    .iter_mut()
                    .find(|m| m.title == "Edited outside")
                    .unwrap();
                measure.tags.push(format!("outside-{n}"));
                tiltak::store::save(&theirs, &path).unwrap();
            }
            done.store(true, Ordering::SeqCst);
        })
    };

    let mut steps = 0;
    while !done.load(Ordering::SeqCst) {
        let key = if steps % 2 == 0 { 's' } else { 'S' };
        handle_key(&mut app, KeyEvent::new(KeyCode::Char(key), KeyModifiers::NONE));
        held.borrow_mut().take();
        steps += 1;
        std::thread::sleep(Duration::from_millis(3));
    }
    writer.join().unwrap();
    // A save that gave up after its retries is written by the next idle look.
    for _ in 0..3 {
        if app.save_state == SaveState::Saved {
            break;
        }
        update(&mut app, Action::CheckOutside);
        held.borrow_mut().take();
    }
    assert_eq!(app.save_state, SaveState::Saved);

    let file = tiltak::store::load(&path).unwrap().unwrap();
    let outside = file.measure(tiltak::domain::Id(2)).unwrap();
    let lost: Vec<usize> = (0..OUTSIDE_EDITS)
        .filter(|n| !outside.tags.contains(&format!("outside-{n}")))
        .collect();
    assert!(lost.is_empty(), "{} outside edits lost: {lost:?}", lost.len());
    let here = file.measure(tiltak::domain::Id(1)).unwrap();
    let logged = here.log.iter().filter(|e| e.kind == LogKind::StatusChange).count();
    assert!(steps > 50, "the app saved often enough to race: {steps}");
    assert_eq!(logged, steps, "local edits lost");
    assert_eq!(file, app.backlog, "the file holds what the app shows");
}
