//! The real `tiltak` binary on a temporary data file: `path`, `add` and `list`, good and bad
//! input, refused files left untouched, both languages, and waiting for a held lock.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use assert_cmd::Command;
use serde_json::{Value, json};
use tempfile::TempDir;
use tiltak::domain::{Backlog, OwnerDraft, PriorityDraft};
use tiltak::store::lock::Lock;

/// The binary with a clean, English environment and no data-file variable.
fn bare() -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("tiltak");
    cmd.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("TILTAK_DATA")
        .timeout(Duration::from_secs(30));
    cmd
}

/// The binary pointed at `data` with `--data`.
fn tiltak(data: &Path) -> Command {
    let mut cmd = bare();
    cmd.arg("--data").arg(data);
    cmd
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run(cmd: &mut Command, args: &[&str]) -> Run {
    let output = cmd.args(args).output().expect("the binary runs");
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(output.stderr).expect("stderr is UTF-8"),
    }
}

/// Runs and expects success; returns stdout.
fn ok(data: &Path, args: &[&str]) -> String {
    let r = run(&mut tiltak(data), args);
    assert_eq!(r.code, Some(0), "tiltak {args:?} failed:\n{}", r.stderr);
    assert_eq!(r.stderr, "", "tiltak {args:?} wrote to stderr");
    r.stdout
}

fn list_json(data: &Path, args: &[&str]) -> Vec<Value> {
    let mut all = vec!["list", "--json"];
    all.extend_from_slice(args);
    let out = ok(data, &all);
    match serde_json::from_str(&out).expect("list --json prints JSON") {
        Value::Array(items) => items,
        other => panic!("expected an array, got {other}"),
    }
}

fn data_file(dir: &TempDir) -> PathBuf {
    dir.path().join("backlog.json")
}

/// A backlog written with the library: two sectors, three owners, two priorities, no measures.
fn with_people(dir: &TempDir) -> PathBuf {
    let path = data_file(dir);
    let mut b = Backlog::new("Test", &["Oppvekst skole", "Helse og omsorg", "Økonomi"]);
    for (name, role) in [
        ("Kari Åsheim", "kommunalsjef"),
        ("Ola Nordmann", "utviklingsleder"),
        ("Kari Nordby", "direktør"),
    ] {
        b.add_owner(OwnerDraft {
            name: name.into(),
            role: role.into(),
            sector: None,
        })
        .unwrap();
    }
    for title in ["Bryte ned siloer", "Ny finansieringsmodell"] {
        b.add_priority(PriorityDraft {
            title: title.into(),
            description: String::new(),
        })
        .unwrap();
    }
    tiltak::store::save(&b, &path).unwrap();
    path
}

/// Runs `args`, expects exit code `code`, and checks the data file did not change (or still
/// does not exist). Returns stderr.
fn fails_untouched(data: &Path, args: &[&str], code: i32) -> String {
    let before = fs::read(data).ok();
    let r = run(&mut tiltak(data), args);
    assert_eq!(r.code, Some(code), "tiltak {args:?}: stderr:\n{}", r.stderr);
    assert_eq!(r.stdout, "", "tiltak {args:?} printed to stdout");
    assert!(!r.stderr.trim().is_empty(), "tiltak {args:?} gave no message");
    assert_eq!(fs::read(data).ok(), before, "tiltak {args:?} changed the data file");
    r.stderr
}

// ---------------------------------------------------------------------------------------------
// path

#[test]
fn path_prints_the_data_flag() {
    let dir = TempDir::new().unwrap();
    let data = data_file(&dir);
    assert_eq!(ok(&data, &["path"]), format!("{}\n", data.display()));
    // `path` only reports: it creates nothing.
    assert!(!data.exists());
}

#[test]
fn path_uses_tiltak_data_when_no_flag() {
    let dir = TempDir::new().unwrap();
    let env = dir.path().join("from-env.json");
    let r = run(bare().env("TILTAK_DATA", &env), &["path"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, format!("{}\n", env.display()));
}

#[test]
fn path_flag_wins_over_env() {
    let dir = TempDir::new().unwrap();
    let env = dir.path().join("from-env.json");
    let flag = dir.path().join("from-flag.json");
    let r = run(tiltak(&flag).env("TILTAK_DATA", &env), &["path"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, format!("{}\n", flag.display()));
    // The flag also works after the subcommand.
    let r = run(
        bare().env("TILTAK_DATA", &env).arg("path").arg("--data").arg(&flag),
        &[],
    );
    assert_eq!(r.stdout, format!("{}\n", flag.display()));
}

#[cfg(target_os = "linux")]
#[test]
fn path_defaults_to_the_user_data_dir() {
    let dir = TempDir::new().unwrap();
    let r = run(bare().env("XDG_DATA_HOME", dir.path()), &["path"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        r.stdout,
        format!("{}\n", dir.path().join("tiltak/backlog.json").display())
    );
    // An empty TILTAK_DATA counts as unset.
    let r = run(
        bare().env("XDG_DATA_HOME", dir.path()).env("TILTAK_DATA", ""),
        &["path"],
    );
    assert_eq!(
        r.stdout,
        format!("{}\n", dir.path().join("tiltak/backlog.json").display())
    );
}

#[test]
fn demo_path_is_never_the_backlog() {
    let dir = TempDir::new().unwrap();
    let env = dir.path().join("backlog.json");
    let r = run(bare().env("TILTAK_DATA", &env), &["--demo", "path"]);
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(
        r.stdout,
        format!("{}\n", dir.path().join("demo-backlog.json").display())
    );
}

// ---------------------------------------------------------------------------------------------
// add + list --json

#[test]
fn add_creates_the_file_and_numbers_measures() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("not/yet/there/backlog.json");
    assert_eq!(ok(&data, &["add", "Felles innbyggerdialog"]), "T-1\n");
    assert!(data.exists());
    assert_eq!(ok(&data, &["add", "Digital kompetanse"]), "T-2\n");

    let items = list_json(&data, &[]);
    assert_eq!(items.len(), 2);
    let first = &items[0];
    assert_eq!(first["id"], "T-1");
    assert_eq!(first["title"], "Felles innbyggerdialog");
    assert_eq!(first["status"], "idea");
    assert_eq!(first["owner"], Value::Null);
    assert_eq!(first["sectors"], json!([]));
    assert_eq!(first["priorities"], json!([]));
    assert_eq!(first["due"], Value::Null);
    assert_eq!(items[1]["id"], "T-2");
    assert_eq!(items[1]["title"], "Digital kompetanse");

    // The file the CLI wrote loads with the library and is private.
    let backlog = tiltak::store::load(&data).unwrap().unwrap();
    assert_eq!(backlog.measures.len(), 2);
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = fs::metadata(&data).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o600);
    }
}

#[test]
fn add_trims_the_title() {
    let dir = TempDir::new().unwrap();
    let data = data_file(&dir);
    assert_eq!(ok(&data, &["add", "  Ryddet tittel  "]), "T-1\n");
    assert_eq!(list_json(&data, &[])[0]["title"], "Ryddet tittel");
}

#[test]
fn list_on_a_missing_file_is_empty_and_creates_nothing() {
    let dir = TempDir::new().unwrap();
    let data = data_file(&dir);
    assert_eq!(list_json(&data, &[]), Vec::<Value>::new());
    assert_eq!(ok(&data, &["list"]), "No measures.\n");
    assert!(!data.exists());
}

#[test]
fn add_with_every_option_matches_names_case_insensitively() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    let id = ok(
        &data,
        &[
            "add",
            "Felles innbyggerdialog",
            "--owner",
            "kari åsheim",
            "--sector",
            "HELSE OG OMSORG",
            "--sector",
            "oppvekst skole",
            "--priority",
            "ny finansieringsmodell",
            "--priority",
            "Bryte ned siloer",
            "--status",
            "decided",
            "--due",
            "2026-06-30",
        ],
    );
    assert_eq!(id, "T-1\n");
    let items = list_json(&data, &[]);
    assert_eq!(items.len(), 1);
    let m = &items[0];
    assert_eq!(m["id"], "T-1");
    assert_eq!(m["status"], "decided");
    assert_eq!(m["owner"], "Kari Åsheim");
    assert_eq!(m["sectors"], json!(["Helse og omsorg", "Oppvekst skole"]));
    assert_eq!(m["priorities"], json!(["Ny finansieringsmodell", "Bryte ned siloer"]));
    assert_eq!(m["due"], "2026-06-30");

    // The file holds ids, the listing names.
    let backlog = tiltak::store::load(&data).unwrap().unwrap();
    let stored = &backlog.measures[0];
    assert_eq!(stored.owner.map(|o| o.to_string()).as_deref(), Some("E-1"));
    assert_eq!(stored.sectors.len(), 2);
}

#[test]
fn status_keys_accept_case_and_dashes() {
    let dir = TempDir::new().unwrap();
    let data = data_file(&dir);
    ok(&data, &["add", "A", "--status", "In-Progress"]);
    assert_eq!(list_json(&data, &[])[0]["status"], "in_progress");
}

#[test]
fn list_filters_by_status_and_owner() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    ok(&data, &["add", "A", "--owner", "Kari Åsheim", "--status", "decided"]);
    ok(&data, &["add", "B", "--owner", "Ola Nordmann", "--status", "decided"]);
    ok(&data, &["add", "C", "--owner", "Kari Åsheim"]);
    ok(&data, &["add", "D"]);

    let ids = |items: Vec<Value>| -> Vec<String> {
        let mut ids: Vec<String> = items.iter().map(|m| m["id"].as_str().unwrap().to_string()).collect();
        ids.sort();
        ids
    };
    assert_eq!(ids(list_json(&data, &[])), ["T-1", "T-2", "T-3", "T-4"]);
    assert_eq!(ids(list_json(&data, &["--status", "decided"])), ["T-1", "T-2"]);
    assert_eq!(ids(list_json(&data, &["--owner", "KARI ÅSHEIM"])), ["T-1", "T-3"]);
    assert_eq!(
        ids(list_json(&data, &["--owner", "kari åsheim", "--status", "decided"])),
        ["T-1"]
    );
    assert_eq!(ids(list_json(&data, &["--status", "done"])), Vec::<String>::new());
    assert_eq!(ok(&data, &["list", "--status", "done"]), "No measures.\n");
}

// ---------------------------------------------------------------------------------------------
// Bad input: exit code 2, a helpful message, nothing written

#[test]
fn unknown_owner_lists_closest_names_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    ok(&data, &["add", "Existing"]);
    let err = fails_untouched(&data, &["add", "New", "--owner", "Kari Nordman"], 2);
    assert!(err.contains("Unknown owner"), "{err}");
    assert!(err.contains("Kari Nordman"), "{err}");
    assert!(err.contains("Kari Nordby"), "closest names listed: {err}");
    assert!(err.contains("Nothing was written"), "{err}");
    // The next add still gets the next number: nothing was used up.
    assert_eq!(ok(&data, &["add", "Next"]), "T-2\n");
}

#[test]
fn unknown_owner_on_a_missing_file_creates_no_file() {
    let dir = TempDir::new().unwrap();
    let data = data_file(&dir);
    let err = fails_untouched(&data, &["add", "New", "--owner", "Kari"], 2);
    assert!(err.contains("None are registered yet"), "{err}");
    assert!(!data.exists());
}

#[test]
fn unknown_sector_is_refused() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    let err = fails_untouched(
        &data,
        &["add", "New", "--sector", "helse og omsorg", "--sector", "Skolen"],
        2,
    );
    assert!(err.contains("Unknown sector"), "{err}");
    assert!(err.contains("Skolen"), "{err}");
    assert!(err.contains("Oppvekst skole"), "closest names listed: {err}");
}

#[test]
fn unknown_priority_is_refused() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    let err = fails_untouched(&data, &["add", "New", "--priority", "siloer"], 2);
    assert!(err.contains("Unknown priority"), "{err}");
    assert!(err.contains("Bryte ned siloer"), "{err}");
}

#[test]
fn bad_status_is_refused() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    let err = fails_untouched(&data, &["add", "New", "--status", "finished"], 2);
    assert!(err.contains("finished"), "{err}");
    assert!(err.contains("in_progress"), "valid keys listed: {err}");
    let err = fails_untouched(&data, &["list", "--status", "finished"], 2);
    assert!(err.contains("finished"), "{err}");
}

#[test]
fn bad_dates_are_refused() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    for bad in ["2026-13-01", "2026-02-30", "30.06.2026", "tomorrow", ""] {
        let err = fails_untouched(&data, &["add", "New", "--due", bad], 2);
        assert!(err.contains("YYYY-MM-DD"), "{bad:?}: {err}");
    }
}

#[test]
fn empty_title_is_refused() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    for title in ["", "   "] {
        let err = fails_untouched(&data, &["add", title], 2);
        assert!(err.contains("title cannot be empty"), "{err}");
    }
    // Also on a missing file.
    let missing = dir.path().join("missing.json");
    fails_untouched(&missing, &["add", ""], 2);
    assert!(!missing.exists());
}

#[test]
fn unknown_owner_filter_is_refused() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    let err = fails_untouched(&data, &["list", "--owner", "Ola Nordman"], 2);
    assert!(err.contains("Ola Nordmann"), "{err}");
}

// ---------------------------------------------------------------------------------------------
// Files that are refused: exit code 1, path + position, file untouched

const TRUNCATED: &str = "{\n  \"schema_version\": 1,\n  \"name\": \"Te";

#[test]
fn corrupt_file_is_refused_by_list_and_add() {
    let dir = TempDir::new().unwrap();
    let data = data_file(&dir);
    fs::write(&data, TRUNCATED).unwrap();
    for args in [
        &["list"][..],
        &["list", "--json"],
        &["add", "New"],
        &["add", "New", "--owner", "Kari"],
    ] {
        let err = fails_untouched(&data, args, 1);
        assert!(err.contains(&data.display().to_string()), "{args:?}: {err}");
        assert!(err.contains("line 3"), "{args:?}: {err}");
        assert!(err.contains("column 13"), "{args:?}: {err}");
        assert!(err.contains("The file was not changed"), "{args:?}: {err}");
    }
    assert_eq!(fs::read_to_string(&data).unwrap(), TRUNCATED);
}

#[test]
fn wrong_type_in_the_file_is_refused_with_its_position() {
    let dir = TempDir::new().unwrap();
    let data = data_file(&dir);
    let text = "{\n  \"schema_version\": 1,\n  \"name\": 5\n}\n";
    fs::write(&data, text).unwrap();
    let err = fails_untouched(&data, &["add", "New"], 1);
    assert!(err.contains("line 3, column 11"), "{err}");
    assert!(err.contains("invalid type"), "{err}");
}

#[test]
fn newer_schema_is_refused() {
    let dir = TempDir::new().unwrap();
    let data = data_file(&dir);
    let text = "{\n  \"schema_version\": 2,\n  \"measures\": {\"T-1\": {}}\n}\n";
    fs::write(&data, text).unwrap();
    for args in [&["list"][..], &["add", "New"]] {
        let err = fails_untouched(&data, args, 1);
        assert!(err.contains(&data.display().to_string()), "{err}");
        assert!(err.contains("newer version"), "{err}");
    }
}

#[test]
fn inconsistent_file_is_refused() {
    let dir = TempDir::new().unwrap();
    let data = data_file(&dir);
    let text = r#"{
  "schema_version": 1,
  "name": "Test",
  "next_ids": {"measure": 2, "owner": 1, "priority": 1, "sector": 1, "meeting": 1},
  "measures": [
    {"id": "T-1", "title": "A", "status": "idea", "owner": "E-99",
     "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z"}
  ]
}
"#;
    fs::write(&data, text).unwrap();
    let err = fails_untouched(&data, &["add", "New"], 1);
    assert!(err.contains("E-99"), "{err}");
    let err = fails_untouched(&data, &["list"], 1);
    assert!(err.contains("E-99"), "{err}");
}

#[test]
fn a_directory_as_data_file_is_an_error_not_a_panic() {
    let dir = TempDir::new().unwrap();
    let r = run(&mut tiltak(dir.path()), &["list"]);
    assert_eq!(r.code, Some(1), "{}", r.stderr);
    assert!(r.stderr.contains(&dir.path().display().to_string()), "{}", r.stderr);
    assert!(!r.stderr.contains("panicked"), "{}", r.stderr);
}

// ---------------------------------------------------------------------------------------------
// Language

#[test]
fn norwegian_error_text_with_lang_nb() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    let err = fails_untouched(&data, &["--lang", "nb", "add", "Nytt", "--owner", "Kari Nordman"], 2);
    assert!(err.contains("Ukjent eier"), "{err}");
    assert!(err.contains("Mente du"), "{err}");
    assert!(err.contains("Ingenting er skrevet"), "{err}");
    // `--lang=nb` after the subcommand works too.
    let err = fails_untouched(&data, &["add", "Nytt", "--owner", "Kari Nordman", "--lang=nb"], 2);
    assert!(err.contains("Ukjent eier"), "{err}");
}

#[test]
fn language_comes_from_the_environment_when_no_flag() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    let r = run(
        tiltak(&data).env("LANG", "nb_NO.UTF-8"),
        &["add", "Nytt", "--owner", "Ukjent"],
    );
    assert_eq!(r.code, Some(2));
    assert!(r.stderr.contains("Ukjent eier"), "{}", r.stderr);
    // LC_ALL wins over LANG.
    let r = run(
        tiltak(&data).env("LANG", "nb_NO.UTF-8").env("LC_ALL", "en_US.UTF-8"),
        &["add", "New", "--owner", "Nobody"],
    );
    assert!(r.stderr.contains("Unknown owner"), "{}", r.stderr);
}

#[test]
fn corrupt_file_message_in_norwegian() {
    let dir = TempDir::new().unwrap();
    let data = data_file(&dir);
    fs::write(&data, TRUNCATED).unwrap();
    let err = fails_untouched(&data, &["--lang", "nb", "list"], 1);
    assert!(err.contains("linje 3"), "{err}");
    assert!(err.contains("kolonne 13"), "{err}");
    assert!(err.contains("Filen er ikke endret"), "{err}");
}

#[test]
fn help_follows_the_language() {
    let dir = TempDir::new().unwrap();
    let data = data_file(&dir);
    let nb = ok(&data, &["--lang", "nb", "--help"]);
    assert!(nb.contains("Tiltaksbacklog"), "{nb}");
    assert!(nb.contains("Legg til et tiltak"), "{nb}");
    let en = ok(&data, &["--help"]);
    assert!(en.contains("Backlog of the leadership group"), "{en}");
    assert!(en.contains("Add a measure"), "{en}");
    assert!(!en.contains("Tiltaksbacklog"), "{en}");
    let add_nb = ok(&data, &["--lang", "nb", "add", "--help"]);
    assert!(add_nb.contains("Eierens navn"), "{add_nb}");
    let add_en = ok(&data, &["add", "--help"]);
    assert!(add_en.contains("The owner's name"), "{add_en}");
    assert!(!data.exists());
}

// ---------------------------------------------------------------------------------------------
// The table for people

#[test]
fn list_table_has_a_header_and_rows() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    ok(
        &data,
        &[
            "add",
            "Felles innbyggerdialog",
            "--owner",
            "Kari Åsheim",
            "--due",
            "2099-06-30",
        ],
    );
    ok(&data, &["add", "Digital kompetanse", "--status", "assessing"]);
    let out = ok(&data, &["list"]);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 3, "{out}");
    let header: Vec<&str> = lines[0].split_whitespace().collect();
    assert_eq!(header, ["Id", "Status", "Owner", "Due", "Title"], "{out}");
    let row_1 = *lines.iter().find(|l| l.starts_with("T-1")).expect("T-1 listed");
    assert!(row_1.contains("idea"), "{row_1}");
    assert!(row_1.contains("Kari Åsheim"), "{row_1}");
    assert!(row_1.contains("2099-06-30"), "{row_1}");
    assert!(row_1.ends_with("Felles innbyggerdialog"), "{row_1}");
    let row_2 = *lines.iter().find(|l| l.starts_with("T-2")).expect("T-2 listed");
    assert!(row_2.contains("assessing"), "{row_2}");
    assert!(row_2.ends_with("Digital kompetanse"), "{row_2}");
    // Columns line up: every title starts at the same column as the header's "Title" (all
    // text here is one column per character, including "Å" and the "–" for no owner).
    let column = |line: &str, text: &str| line[..line.find(text).unwrap()].chars().count();
    for (line, title) in [(row_1, "Felles innbyggerdialog"), (row_2, "Digital kompetanse")] {
        assert_eq!(column(line, title), column(lines[0], "Title"), "{out}");
    }

    let nb = ok(&data, &["--lang", "nb", "list"]);
    let header: Vec<&str> = nb.lines().next().unwrap().split_whitespace().collect();
    assert_eq!(header, ["Id", "Status", "Eier", "Frist", "Tittel"], "{nb}");
    assert!(nb.contains("30.06.2099"), "{nb}");
    assert!(nb.contains("til vurdering"), "{nb}");
}

#[test]
fn list_table_without_measures() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    assert_eq!(ok(&data, &["list"]), "No measures.\n");
    assert_eq!(ok(&data, &["--lang", "nb", "list"]), "Ingen tiltak.\n");
}

// ---------------------------------------------------------------------------------------------
// Another writer holds the lock

#[test]
fn add_gives_up_on_a_held_lock_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    let lock = Lock::try_acquire(&data).unwrap().expect("the lock is free");
    let started = Instant::now();
    let err = fails_untouched(&data, &["add", "Blocked"], 1);
    let waited = started.elapsed();
    // It waits the two seconds the README promises, then gives up (with room for a slow start).
    assert!(
        waited >= Duration::from_millis(1_950) && waited < Duration::from_secs(8),
        "waited {waited:?}"
    );
    assert!(err.contains(&data.display().to_string()), "{err}");
    assert!(err.contains("open in another tiltak"), "{err}");
    // Reading does not need the lock.
    assert_eq!(list_json(&data, &[]), Vec::<Value>::new());
    drop(lock);
    assert_eq!(ok(&data, &["add", "Free again"]), "T-1\n");
}

#[test]
fn add_waits_briefly_for_a_lock_released_soon() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    // The test holds the lock itself and lets go after one second, well inside the two.
    let lock = Lock::try_acquire(&data).unwrap().unwrap();
    let started = Instant::now();
    let releaser = std::thread::spawn(move || {
        std::thread::sleep(Duration::from_secs(1));
        drop(lock);
    });
    assert_eq!(ok(&data, &["add", "Patient"]), "T-1\n");
    let waited = started.elapsed();
    releaser.join().unwrap();
    assert!(
        waited >= Duration::from_secs(1),
        "it cannot have written before the lock was free ({waited:?})"
    );
    assert_eq!(list_json(&data, &[])[0]["title"], "Patient");
}

#[test]
fn concurrent_adds_get_distinct_ids_and_all_are_kept() {
    let dir = TempDir::new().unwrap();
    let data = with_people(&dir);
    let children: Vec<_> = (0..6)
        .map(|i| {
            let data = data.clone();
            std::thread::spawn(move || {
                let title = format!("Parallel {i}");
                ok(&data, &["add", &title]).trim().to_string()
            })
        })
        .collect();
    let mut ids: Vec<String> = children.into_iter().map(|c| c.join().unwrap()).collect();
    ids.sort();
    assert_eq!(ids, ["T-1", "T-2", "T-3", "T-4", "T-5", "T-6"]);
    assert_eq!(list_json(&data, &[]).len(), 6);
}

// ---------------------------------------------------------------------------------------------
// No subcommand: the interactive app needs a terminal

#[test]
fn without_a_terminal_the_app_refuses_cleanly() {
    let dir = TempDir::new().unwrap();
    let data = data_file(&dir);
    for args in [&[][..], &["--demo"]] {
        let r = run(&mut tiltak(&data), args);
        assert_eq!(r.code, Some(1), "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains("terminal"), "{args:?}: {}", r.stderr);
        assert!(!r.stderr.contains("panicked"), "{args:?}: {}", r.stderr);
        assert!(!r.stdout.contains('\u{1b}'), "{args:?}: escape codes on stdout");
        assert!(!data.exists(), "{args:?}: nothing written");
    }
}
