//! Data safety against a real file system: a failure at each save step leaves the file as it
//! was and the app knows it is unsaved; quitting can rescue the changes into another file;
//! backups before a session's first save, listing and restoring them; older files migrated with
//! the original kept; corrupt files refused without a write; a read-only second window;
//! private permissions.

mod common;

use std::cell::Cell;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::rc::Rc;

use ratatui::crossterm::event::KeyCode;
use tempfile::TempDir;
use tiltak::app::{App, Clock, Overlay, SaveState};
use tiltak::domain::Backlog;
use tiltak::i18n::Lang;
use tiltak::store::backup;
use tiltak::store::save::{TEMP_SUFFIX, temp_prefix, to_json};
use tiltak::store::{FileStore, SaveStep, load, save};

use common::{NOW, demo, press, screen, type_text};

fn binary() -> PathBuf {
    assert_cmd::cargo::cargo_bin("tiltak")
}

fn tiltak(path: &Path, args: &[&str]) -> std::process::Output {
    Command::new(binary())
        .args(["--lang", "en", "--data"])
        .arg(path)
        .args(args)
        .output()
        .unwrap()
}

fn temp_files(path: &Path) -> Vec<String> {
    let prefix = temp_prefix(path);
    fs::read_dir(path.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(&prefix) && n.ends_with(TEMP_SUFFIX))
        .collect()
}

/// An app saving to `path` through a [`FileStore`] whose save fails before `failing`'s step.
fn app_on_file(path: &Path, failing: Rc<Cell<Option<SaveStep>>>) -> App {
    let mut store = FileStore::new(path.to_path_buf());
    store.fault = Some(Box::new(move |step| match failing.get() {
        Some(bad) if bad == step => Err(std::io::Error::other(format!("injected failure at {step:?}"))),
        _ => Ok(()),
    }));
    let backlog = load(path).unwrap().unwrap_or_else(demo);
    App::new(backlog, Lang::En, Box::new(store), Clock::Fixed(NOW.parse().unwrap()))
}

fn add_measure(app: &mut App, title: &str) {
    press(app, KeyCode::Char('n'));
    type_text(app, title);
    press(app, KeyCode::Enter);
}

#[test]
fn a_failure_at_each_save_step_keeps_the_file_and_marks_the_app_unsaved() {
    for step in [SaveStep::CreateTemp, SaveStep::Write, SaveStep::Fsync, SaveStep::Rename] {
        let dir = TempDir::new().unwrap();
        let path = dir.path().join("backlog.json");
        save(&demo(), &path).unwrap();
        let original = fs::read(&path).unwrap();
        let failing = Rc::new(Cell::new(Some(step)));
        let mut app = app_on_file(&path, failing.clone());
        add_measure(&mut app, "Full disk");

        assert_eq!(fs::read(&path).unwrap(), original, "{step:?}: the file is unchanged");
        assert!(temp_files(&path).is_empty(), "{step:?}: no temp file is left");
        assert!(matches!(app.save_state, SaveState::Failed(_)), "{step:?}");
        assert!(
            app.backlog.measures.iter().any(|m| m.title == "Full disk"),
            "kept in memory"
        );
        let shown = screen(&mut app, 120, 40);
        assert!(shown.contains("● not saved"), "{step:?}:\n{shown}");
        assert!(shown.contains("Could not save"), "{step:?}:\n{shown}");

        // The next change retries, and then both changes are on disk.
        failing.set(None);
        add_measure(&mut app, "Disk freed");
        assert_eq!(app.save_state, SaveState::Saved);
        let titles: Vec<String> = load(&path)
            .unwrap()
            .unwrap()
            .measures
            .into_iter()
            .map(|m| m.title)
            .collect();
        assert!(titles.contains(&"Full disk".to_string()) && titles.contains(&"Disk freed".to_string()));
    }
}

#[test]
fn a_failed_directory_sync_is_reported_and_retried() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    save(&demo(), &path).unwrap();
    let failing = Rc::new(Cell::new(Some(SaveStep::SyncDir)));
    let mut app = app_on_file(&path, failing.clone());
    add_measure(&mut app, "Maybe not durable");
    assert!(matches!(app.save_state, SaveState::Failed(_)));
    // The rename happened, so the file is whole and new (it holds the change and everything
    // before it); it is never half-written.
    let on_disk = load(&path).unwrap().unwrap();
    assert_eq!(on_disk.measures.len(), demo().measures.len() + 1);
    assert_eq!(on_disk, app.backlog, "the file is exactly what the app holds");
    failing.set(None);
    add_measure(&mut app, "Durable");
    assert_eq!(app.save_state, SaveState::Saved);
    let on_disk = load(&path).unwrap().unwrap();
    let titles: Vec<&str> = on_disk.measures.iter().map(|m| m.title.as_str()).collect();
    assert!(
        titles.contains(&"Maybe not durable") && titles.contains(&"Durable"),
        "{titles:?}"
    );
}

#[test]
fn quitting_with_unsaved_changes_offers_another_file() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    save(&demo(), &path).unwrap();
    let original = fs::read(&path).unwrap();
    let failing = Rc::new(Cell::new(Some(SaveStep::Write)));
    let mut app = app_on_file(&path, failing);
    add_measure(&mut app, "Rescue me");
    press(&mut app, KeyCode::Char('q'));
    assert!(!app.should_quit, "unsaved changes are not dropped silently");
    let question = screen(&mut app, 100, 30);
    assert!(question.contains("w: write to another file"), "{question}");

    press(&mut app, KeyCode::Char('w'));
    let Overlay::Form(form) = &app.overlay else {
        panic!("a path prompt opens")
    };
    let default_path = form.path(Lang::En, Path::new("/home")).unwrap();
    let home = tiltak::app::rescue::home();
    assert!(default_path.starts_with(&home), "{default_path:?}");
    let name = default_path.file_name().unwrap().to_string_lossy().into_owned();
    assert!(
        name.starts_with("tiltak-rescue-2026") && name.ends_with(".json"),
        "{name}"
    );
    let prompt = screen(&mut app, 100, 30);
    assert!(prompt.contains("Write to another file"), "{prompt}");

    // A folder that cannot be written keeps the prompt open with the reason.
    let typed = default_path.display().to_string().chars().count();
    for _ in 0..typed {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "/proc/tiltak-cannot-write-here/x.json");
    press(&mut app, KeyCode::Enter);
    assert!(!app.should_quit);
    assert!(screen(&mut app, 100, 30).contains("Could not save"));

    let rescue = dir.path().join("rescue.json");
    for _ in 0.."/proc/tiltak-cannot-write-here/x.json".chars().count() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, &rescue.display().to_string());
    press(&mut app, KeyCode::Enter);
    assert!(app.should_quit);
    let rescued = load(&rescue).unwrap().unwrap();
    assert!(rescued.measures.iter().any(|m| m.title == "Rescue me"));
    assert_eq!(
        fs::read(&path).unwrap(),
        original,
        "the unwritable file is still untouched"
    );
}

#[test]
fn the_first_save_of_a_session_backs_up_the_file_as_it_was() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    save(&demo(), &path).unwrap();
    let original = fs::read(&path).unwrap();
    let mut app = app_on_file(&path, Rc::new(Cell::new(None)));
    add_measure(&mut app, "One");
    add_measure(&mut app, "Two");
    let backups = backup::list(&path);
    assert_eq!(backups.len(), 1, "one backup per session, not per save");
    assert_eq!(fs::read(&backups[0].path).unwrap(), original);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = |p: &Path| fs::metadata(p).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode(&backups[0].path), 0o600);
        assert_eq!(mode(&backup::backup_dir(&path)), 0o700);
        assert_eq!(mode(&path), 0o600);
    }
}

#[cfg(unix)]
#[test]
fn the_lock_file_is_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    let _lock = tiltak::store::Lock::try_acquire(&path).unwrap().unwrap();
    let mode = fs::metadata(tiltak::store::lock::lock_path(&path))
        .unwrap()
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o600);
}

#[test]
fn only_the_newest_twenty_backups_are_kept() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    let mut b = demo();
    for n in 0..25u32 {
        b.name = format!("Session {n}");
        save(&b, &path).unwrap();
        let at: jiff::Timestamp = NOW.parse().unwrap();
        backup::make(&path, at + jiff::SignedDuration::from_secs(i64::from(n))).unwrap();
    }
    let kept = backup::list(&path);
    assert_eq!(kept.len(), backup::KEEP);
    let newest = load(&kept[0].path).unwrap().unwrap();
    assert_eq!(newest.name, "Session 24");
    let oldest = load(&kept[19].path).unwrap().unwrap();
    assert_eq!(oldest.name, "Session 5");
}

#[test]
fn backups_are_listed_and_restored_from_the_command_line() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    let out = tiltak(&path, &["backups"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("No backups in"));

    let mut b = demo();
    save(&b, &path).unwrap();
    let first_stamp = "20261129T100000.000Z";
    backup::make(&path, "2026-11-29T10:00:00Z".parse().unwrap()).unwrap();
    b.measures.truncate(3);
    // Meetings may only name measures that exist, and agreed terms only meetings that exist.
    b.meetings.clear();
    b.glossary.clear();
    save(&b, &path).unwrap();
    backup::make(&path, "2026-11-29T11:00:00Z".parse().unwrap()).unwrap();
    b.measures.truncate(1);
    save(&b, &path).unwrap();

    let out = tiltak(&path, &["backups"]);
    let listing = String::from_utf8_lossy(&out.stdout);
    let lines: Vec<&str> = listing.lines().collect();
    assert_eq!(lines.len(), 2, "{listing}");
    assert!(lines[0].trim_start().starts_with("1  20261129T110000.000Z") && lines[0].ends_with("3 measures"));
    assert!(lines[1].trim_start().starts_with("2  20261129T100000.000Z") && lines[1].ends_with("31 measures"));
    assert!(lines[1].contains(" bytes"));

    let out = tiltak(&path, &["restore", "2"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains(&format!("Restored {first_stamp}")));
    assert_eq!(load(&path).unwrap().unwrap().measures.len(), 31);
    // The file as it was before the restore (one measure) is now the newest backup.
    let newest = &backup::list(&path)[0];
    assert_eq!(load(&newest.path).unwrap().unwrap().measures.len(), 1);

    let out = tiltak(&path, &["restore", "20261129T11"]);
    assert!(out.status.success());
    assert_eq!(load(&path).unwrap().unwrap().measures.len(), 3);

    let out = tiltak(&path, &["restore", "99"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("tiltak backups"));
}

#[test]
fn an_older_schema_is_migrated_and_the_original_kept() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    let mut file: serde_json::Value = serde_json::from_slice(&to_json(&demo()).unwrap()).unwrap();
    let object = file.as_object_mut().unwrap();
    object.remove("next_ids");
    object.insert("schema_version".into(), 0.into());
    let v0 = serde_json::to_vec_pretty(&file).unwrap();
    fs::write(&path, &v0).unwrap();

    let loaded = tiltak::store::load::load_file(&path).unwrap().unwrap();
    assert_eq!(loaded.migrated_from, Some(0));
    assert_eq!(
        loaded.backlog.next_ids,
        demo().next_ids,
        "next ids rebuilt from the highest ids"
    );
    assert_eq!(fs::read(&path).unwrap(), v0, "loading alone writes nothing");

    let out = tiltak(&path, &["add", "After migration"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stderr).contains("had schema version 0 and was upgraded"));
    assert_eq!(
        String::from_utf8_lossy(&out.stdout).trim(),
        format!("T-{}", demo().next_ids.measure)
    );
    let backups = backup::list(&path);
    assert_eq!(backups.len(), 1);
    assert_eq!(
        fs::read(&backups[0].path).unwrap(),
        v0,
        "the original is kept byte for byte"
    );
    let now = load(&path).unwrap().unwrap();
    assert_eq!(now.schema_version, 1);
}

/// A valid file cut short at every 64th byte, and with one byte changed at every 64th offset:
/// each load is an error or a sound backlog, never a panic, and a write command never touches a
/// file it could not read.
#[test]
fn truncated_and_flipped_files_are_refused_or_sound() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    let valid = to_json(&demo()).unwrap();
    let mut variants: Vec<Vec<u8>> = (0..valid.len()).step_by(64).map(|n| valid[..n].to_vec()).collect();
    for offset in (0..valid.len()).step_by(64) {
        let mut flipped = valid.clone();
        flipped[offset] ^= if flipped[offset].is_ascii() { 0x01 } else { 0xff };
        variants.push(flipped);
        let mut garbled = valid.clone();
        garbled[offset] = b'"';
        variants.push(garbled);
    }
    let (mut refused, mut sound) = (0, 0);
    for (index, bytes) in variants.iter().enumerate() {
        fs::write(&path, bytes).unwrap();
        match load(&path) {
            Ok(Some(backlog)) => {
                assert!(backlog.invariant_violations().is_empty());
                sound += 1;
            }
            Ok(None) => panic!("the file exists"),
            Err(error) => {
                let message = error.message(Lang::En);
                assert!(message.contains(&path.display().to_string()), "{message}");
                refused += 1;
                // Every 8th refused file also goes through the real binary's write path.
                if refused % 8 == 0 {
                    let out = tiltak(&path, &["add", "Must not be written"]);
                    assert_eq!(out.status.code(), Some(1), "variant {index}");
                    let stderr = String::from_utf8_lossy(&out.stderr);
                    assert!(
                        stderr.contains("tiltak backups") && stderr.contains("was not changed"),
                        "{stderr}"
                    );
                }
            }
        }
        assert_eq!(&fs::read(&path).unwrap(), bytes, "variant {index} was written to");
        assert!(temp_files(&path).is_empty());
    }
    eprintln!("{} variants: {refused} refused, {sound} loaded sound", variants.len());
    assert!(refused > variants.len() / 2);
}

#[test]
fn a_newer_major_version_is_refused_and_untouched() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    let mut file: serde_json::Value = serde_json::from_slice(&to_json(&demo()).unwrap()).unwrap();
    file["schema_version"] = 2.into();
    let bytes = serde_json::to_vec(&file).unwrap();
    fs::write(&path, &bytes).unwrap();
    let out = tiltak(&path, &["add", "No"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("newer version"));
    assert_eq!(fs::read(&path).unwrap(), bytes);
}

#[test]
fn a_read_only_window_changes_nothing_and_says_so() {
    for lang in [Lang::En, Lang::Nb] {
        let (mut app, store) = common::app_with(demo(), lang);
        app.read_only = true;
        let before: Backlog = app.backlog.clone();
        let shown = screen(&mut app, 100, 30);
        let banner = if lang == Lang::En {
            "open elsewhere — read only"
        } else {
            "åpen et annet sted – kun lesing"
        };
        assert!(shown.lines().next().unwrap().contains(banner), "{shown}");
        let narrow = screen(&mut app, 80, 24);
        assert!(narrow.lines().next().unwrap().contains(banner), "{narrow}");
        for key in ['n', 'e', 'd', 's', 'S', 'u'] {
            // Each key must say it for itself, not lean on the message the previous key left.
            app.message = None;
            press(&mut app, KeyCode::Char(key));
            assert!(matches!(app.overlay, Overlay::None), "{key} opened something");
            let text = &app.message.as_ref().unwrap_or_else(|| panic!("{key}: no message")).text;
            assert!(
                text.contains(if lang == Lang::En {
                    "read only"
                } else {
                    "kun for lesing"
                }),
                "{key}: {text}"
            );
        }
        press(&mut app, KeyCode::Enter);
        assert!(matches!(app.overlay, Overlay::None));
        assert_eq!(app.backlog, before);
        assert!(store.saves.borrow().is_empty());
        // Looking around still works.
        press(&mut app, KeyCode::Char('j'));
        press(&mut app, KeyCode::Char('2'));
        press(&mut app, KeyCode::Char('q'));
        assert!(app.should_quit);
    }
}

#[test]
fn an_export_beside_the_backlog_never_overwrites_an_existing_file() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    save(&demo(), &path).unwrap();
    let exports = dir.path().join("exports");
    fs::create_dir_all(&exports).unwrap();
    let taken = exports.join("tiltak-2026-11-29.csv");
    fs::write(&taken, "my own notes").unwrap();
    let mut app = app_on_file(&path, Rc::new(Cell::new(None)));
    // The real store's write_beside (not the test double): it picks the first free name.
    press(&mut app, KeyCode::Char('X'));
    press(&mut app, KeyCode::Char('X'));
    assert_eq!(fs::read_to_string(&taken).unwrap(), "my own notes");
    for name in ["tiltak-2026-11-29-2.csv", "tiltak-2026-11-29-3.csv"] {
        let bytes = fs::read(exports.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert!(bytes.starts_with(b"\xEF\xBB\xBFId;Title;Status;"), "{name}");
        assert_eq!(
            bytes.windows(4).filter(|w| w.starts_with(b"\r\nT-")).count(),
            demo().measures.len(),
            "{name}: one row per measure"
        );
    }
    let message = &app.message.as_ref().unwrap().text;
    assert!(message.contains("tiltak-2026-11-29-3.csv"), "{message}");
}
