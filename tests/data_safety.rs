//! Nothing real is lost: the demo keeps to its own folder, backups belong to one data file,
//! symlinks survive saves, and writes that change many records can be undone by `restore`.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use ratatui::crossterm::event::KeyCode;
use serde_json::Value;
use tempfile::TempDir;
use tiltak::i18n::Lang;

mod common;

/// The binary with a clean English environment; the data file comes from `TILTAK_DATA`.
fn tiltak(env_data: &Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("tiltak");
    cmd.env("LANG", "C")
        .env_remove("LC_ALL")
        .env("TILTAK_DATA", env_data)
        .timeout(Duration::from_secs(30));
    cmd
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(env_data: &Path, args: &[&str]) -> Run {
    let output = tiltak(env_data).args(args).output().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8_lossy(&output.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&output.stderr).into_owned(),
    }
}

fn ok(env_data: &Path, args: &[&str]) -> String {
    let r = run(env_data, args);
    assert_eq!(r.code, Some(0), "{args:?}: {}", r.stderr);
    r.stdout
}

fn titles(file: &Path) -> Vec<String> {
    let json: Value = serde_json::from_slice(&fs::read(file).unwrap()).unwrap();
    json["measures"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["title"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn restore_without_demo_never_offers_a_demo_backup() {
    let dir = TempDir::new().unwrap();
    let real = dir.path().join("backlog.json");
    ok(&real, &["add", "Real measure"]);
    let demo = PathBuf::from(ok(&real, &["--demo", "path"]).trim());
    assert_ne!(demo.parent(), real.parent(), "the demo has its own folder");
    // An older demo file is backed up before it is migrated and written.
    let scratch = dir.path().join("scratch.json");
    ok(&scratch, &["add", "Demo measure"]);
    let mut old: Value = serde_json::from_slice(&fs::read(&scratch).unwrap()).unwrap();
    old["schema_version"] = Value::from(0);
    old.as_object_mut().unwrap().remove("next_ids");
    fs::create_dir_all(demo.parent().unwrap()).unwrap();
    fs::write(&demo, serde_json::to_vec(&old).unwrap()).unwrap();
    ok(&real, &["--demo", "add", "Another demo measure"]);
    assert!(ok(&real, &["--demo", "backups"]).contains("1 measure"));

    let listed = ok(&real, &["backups"]);
    assert!(
        !listed.contains("measure"),
        "only the real file's backups are listed:\n{listed}"
    );
    let r = run(&real, &["restore", "1"]);
    assert_eq!(r.code, Some(2), "no backup of the real file to restore: {}", r.stdout);
    assert_eq!(titles(&real), ["Real measure"]);
}

#[test]
fn demo_minutes_name_the_command_that_prints_them() {
    let (mut app, _) = common::app_with(common::demo(), Lang::En);
    app.demo = true;
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(120, 40)).unwrap();
    // The planned M-4 is listed first; `j` goes to the last meeting held, whose summary opens.
    for code in [KeyCode::Char('4'), KeyCode::Char('j'), KeyCode::Enter] {
        tiltak::app::handle_key(&mut app, common::key(code));
    }
    terminal
        .draw(|f| tiltak::ui::render(f, &app, tiltak::ui::Theme::new(false)))
        .unwrap();
    let screen: String = terminal.backend().buffer().content.iter().map(|c| c.symbol()).collect();
    let meeting = app.selected_meeting().unwrap();
    assert_eq!(meeting.to_string(), "M-3");
    assert!(screen.contains(&format!("tiltak --demo minutes {meeting}")), "{screen}");
}

#[cfg(unix)]
#[test]
fn a_symlinked_data_file_stays_a_symlink_and_its_target_is_updated() {
    let dir = TempDir::new().unwrap();
    let real_dir = dir.path().join("synced");
    let link_dir = dir.path().join("here");
    fs::create_dir_all(&real_dir).unwrap();
    fs::create_dir_all(&link_dir).unwrap();
    let target = real_dir.join("backlog.json");
    let link = link_dir.join("backlog.json");
    ok(&target, &["add", "First"]);
    std::os::unix::fs::symlink("../synced/backlog.json", &link).unwrap();
    // Two saves: the first of a new day also makes a backup, the second must not break the link.
    ok(&link, &["add", "Through the link"]);
    ok(&link, &["add", "Again"]);
    assert!(
        fs::symlink_metadata(&link).unwrap().file_type().is_symlink(),
        "the link survives"
    );
    assert_eq!(titles(&target), ["First", "Through the link", "Again"]);
    let beside_link: Vec<String> = fs::read_dir(&link_dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(
        beside_link,
        ["backlog.json"],
        "no lock, temp file or backups beside the link"
    );
    assert!(real_dir.join("backlog.json.lock").exists());
    assert_eq!(
        ok(&link, &["path"]).trim(),
        link_dir.join("../synced/backlog.json").display().to_string()
    );
}

#[test]
fn import_restore_and_the_first_add_of_a_day_can_each_be_undone_by_restore() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("backlog.json");
    let backups = |data: &Path| ok(data, &["backups"]).lines().filter(|l| l.contains("measure")).count();
    ok(&data, &["add", "One"]);
    assert_eq!(backups(&data), 0, "nothing to back up before the file existed");
    ok(&data, &["add", "Two"]);
    assert_eq!(backups(&data), 1, "the first add of the day backs up");
    ok(&data, &["add", "Three"]);
    assert_eq!(backups(&data), 1, "later adds that day do not");

    let csv = dir.path().join("in.csv");
    fs::write(&csv, "Title\nImported A\nImported B\n").unwrap();
    ok(&data, &["import", "--dry-run", csv.to_str().unwrap()]);
    assert_eq!(backups(&data), 1, "a dry run writes nothing");
    ok(&data, &["import", csv.to_str().unwrap()]);
    assert_eq!(backups(&data), 2, "an import backs up first");
    assert_eq!(titles(&data).len(), 5);

    ok(&data, &["restore", "1"]);
    assert_eq!(titles(&data), ["One", "Two", "Three"], "restore undoes the import");
    assert_eq!(backups(&data), 3, "a restore backs up first");
    ok(&data, &["restore", "1"]);
    assert_eq!(titles(&data).len(), 5, "and the restore itself can be undone");
}
