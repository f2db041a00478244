//! `tiltak set`, `show`, `note` and `rm` on a temporary data file: the form's checks and
//! messages, names by label, lists edited with +/-, the log, and refused input leaving the file
//! as it was.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
use serde_json::Value;
use tempfile::TempDir;
use tiltak::domain::{Backlog, Id, LogKind, MeasureDraft, OwnerDraft, PriorityDraft, Status};

fn tiltak(data: &Path) -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("tiltak");
    cmd.env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("TILTAK_DATA")
        // The log's author, the same on every machine (else git's user.name or the OS user).
        .env("TILTAK_AUTHOR", "Kari Åsheim")
        .timeout(Duration::from_secs(30))
        .arg("--data")
        .arg(data);
    cmd
}

struct Run {
    code: Option<i32>,
    stdout: String,
    stderr: String,
}

fn run_with_input(data: &Path, args: &[&str], input: &str) -> Run {
    let output = tiltak(data).args(args).write_stdin(input).output().unwrap();
    Run {
        code: output.status.code(),
        stdout: String::from_utf8(output.stdout).unwrap(),
        stderr: String::from_utf8(output.stderr).unwrap(),
    }
}

fn ok(data: &Path, args: &[&str]) -> String {
    let r = run_with_input(data, args, "");
    assert_eq!(r.code, Some(0), "tiltak {args:?} failed:\n{}", r.stderr);
    r.stdout
}

/// Expects exit code `code`, a message, and the data file byte for byte as it was.
fn refused(data: &Path, args: &[&str], code: i32) -> String {
    let before = fs::read(data).unwrap();
    let r = run_with_input(data, args, "");
    assert_eq!(r.code, Some(code), "tiltak {args:?}: {}", r.stderr);
    assert_eq!(fs::read(data).unwrap(), before, "tiltak {args:?} changed the file");
    r.stderr
}

fn load(data: &Path) -> Backlog {
    tiltak::store::load(data).unwrap().unwrap()
}

/// Three sectors, two owners, two priorities and T-1 with a case number and a tag.
fn setup(dir: &TempDir) -> PathBuf {
    let path = dir.path().join("backlog.json");
    let mut b = Backlog::new("Test", &["Oppvekst skole", "Helse og omsorg", "Økonomi"]);
    for name in ["Kari Åsheim", "Ola Nordmann"] {
        b.add_owner(OwnerDraft {
            name: name.into(),
            role: String::new(),
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
    let mut draft = MeasureDraft::titled("Felles innbyggerdialog");
    draft.political.case_number = Some("0042".into());
    draft.tags = vec!["dialog".into()];
    draft.sectors = vec![Id(1)];
    b.add_measure(draft, "2026-11-01T10:00:00Z".parse().unwrap()).unwrap();
    tiltak::store::save(&b, &path).unwrap();
    path
}

#[test]
fn set_changes_every_kind_of_field_logs_the_status_and_prints_old_and_new() {
    let dir = TempDir::new().unwrap();
    let data = setup(&dir);
    let out = ok(
        &data,
        &[
            "set",
            "T-1",
            "status=vedtatt",
            "owner=kari åsheim",
            "due=31.03.27",
            "value=4,0",
            "effort=2",
            "funding=drift",
            "cost=kr 1 250 000",
            "political=ja",
            "case_number=03/12",
            "title=Felles innbyggerdialog 2.0",
            "description=Linje én\nLinje to",
            "benefits=Færre henvendelser",
        ],
    );
    assert!(out.starts_with("T-1 changed:\n"), "{out}");
    assert!(out.contains("  Status: «idea» → «decided»\n"), "{out}");
    assert!(out.contains("  Case number: «0042» → «03/12»\n"), "{out}");
    assert!(out.contains("  Cost estimate (NOK): – → «1 250 000»\n"), "{out}");
    let b = load(&data);
    let m = b.measure(Id(1)).unwrap();
    assert_eq!(m.status, Status::Decided);
    assert_eq!(m.owner, Some(Id(1)));
    assert_eq!(m.due, Some(jiff::civil::date(2027, 3, 31)));
    assert_eq!(
        (m.value, m.effort, m.cost_estimate),
        (Some(4), Some(2), Some(1_250_000))
    );
    assert!(m.political.needed);
    assert_eq!(m.political.case_number.as_deref(), Some("03/12"));
    assert_eq!(m.title, "Felles innbyggerdialog 2.0");
    assert_eq!(m.description, "Linje én\nLinje to");
    let status_change = m.log.iter().find(|e| e.kind == LogKind::StatusChange).unwrap();
    assert_eq!(
        (status_change.from, status_change.to),
        (Some(Status::Idea), Some(Status::Decided))
    );
    // The new due date is logged too, so "changes since the last meeting" can show it.
    let due_change = m.log.iter().find(|e| e.kind == LogKind::DueChange).unwrap();
    assert_eq!(due_change.due, Some(jiff::civil::date(2027, 3, 31)));
    let last = m.log.last().unwrap();
    assert_eq!(last.at.subsec_nanosecond(), 0, "timestamps are whole seconds");
    assert_eq!(m.updated, last.at);

    let again = ok(&data, &["set", "T-1", "status=decided"]);
    assert_eq!(again, "T-1: nothing changed.\n");
}

#[test]
fn lists_take_plus_and_minus_and_names_by_short_label_or_rank() {
    let dir = TempDir::new().unwrap();
    let data = setup(&dir);
    ok(
        &data,
        &[
            "set",
            "T-1",
            "sectors=+HO",
            "priorities=+2",
            r#"tags=+"Oslo, Bærum", +KI"#,
        ],
    );
    let b = load(&data);
    let m = b.measure(Id(1)).unwrap();
    assert_eq!(m.sectors, vec![Id(1), Id(2)]);
    assert_eq!(m.priorities, vec![Id(2)]);
    assert_eq!(m.tags, vec!["dialog", "Oslo, Bærum", "KI"]);

    ok(
        &data,
        &[
            "set",
            "T-1",
            "sectors=-Oppvekst skole",
            "priorities=Bryte ned siloer; 2",
            "tags=-ki",
        ],
    );
    let b = load(&data);
    let m = b.measure(Id(1)).unwrap();
    assert_eq!(m.sectors, vec![Id(2)]);
    assert_eq!(m.priorities, vec![Id(1), Id(2)]);
    assert_eq!(m.tags, vec!["dialog", "Oslo, Bærum"]);

    ok(&data, &["set", "T-1", "sectors=", "tags=", "owner=", "case_number="]);
    let m = load(&data).measures.remove(0);
    assert!(m.sectors.is_empty() && m.tags.is_empty() && m.owner.is_none());
    assert_eq!(m.political.case_number, None);
}

#[test]
fn set_refuses_what_the_form_refuses_with_its_messages_and_writes_nothing() {
    let dir = TempDir::new().unwrap();
    let data = setup(&dir);
    let cases: [(&[&str], &str); 10] = [
        (&["set", "T-1", "value=6"], "Value (1–5): Enter a number from 1 to 5."),
        (&["set", "T-1", "due=31.02.2027"], "Due date: Invalid date “31.02.2027”"),
        (
            &["set", "T-1", "cost=mye"],
            "Cost estimate (NOK): Enter a whole number (NOK)",
        ),
        (&["set", "T-1", "title= "], "Title: The title cannot be empty."),
        (
            &["set", "T-1", "political=kanskje"],
            "Political handling: Enter yes or no.",
        ),
        (
            &["set", "T-1", "farge=rød"],
            "Unknown field “farge”. Fields: title, status",
        ),
        (&["set", "T-1", "status"], "“status” is not field=value."),
        (&["set", "T-1", "owner=Kari Asheim"], "Did you mean: Kari Åsheim"),
        (&["set", "T-9", "value=1"], "There is no measure T-9."),
        // A valid field before a bad one is not written either.
        (
            &["set", "T-1", "value=2", "sectors=+Kultur"],
            "Unknown sector “Kultur”.",
        ),
    ];
    for (args, message) in cases {
        let err = refused(&data, args, 2);
        assert!(err.contains(message), "{args:?}: {err}");
        assert!(err.contains("Nothing was written."), "{args:?}: {err}");
    }
}

#[test]
fn show_prints_every_field_and_the_log_newest_first_and_json_with_the_log() {
    let dir = TempDir::new().unwrap();
    let data = setup(&dir);
    ok(
        &data,
        &["set", "T-1", "status=assessing", "tags=dialog, \"Oslo, Bærum\""],
    );
    ok(&data, &["note", "T-1", "Ring", "Kari"]);
    let text = ok(&data, &["--lang", "nb", "show", "T-1"]);
    assert!(
        text.starts_with("T-1 Felles innbyggerdialog\nStatus: til vurdering\nEier: –\n"),
        "{text}"
    );
    assert!(text.contains("\nSaksnummer: 0042\n"), "{text}");
    assert!(text.contains("\nStikkord: dialog, \"Oslo, Bærum\"\n"), "{text}");
    let log = text.split("Logg:\n").nth(1).unwrap();
    let lines: Vec<&str> = log.lines().collect();
    assert!(lines[0].ends_with(" notat: Ring Kari – Kari Åsheim"), "{log}");
    assert!(
        lines[1].ends_with(" statusendring: idé → til vurdering – Kari Åsheim"),
        "{log}"
    );

    let json: Value = serde_json::from_str(&ok(&data, &["show", "T-1", "--json"])).unwrap();
    assert_eq!(json["case_number"], "0042");
    assert_eq!(json["tags"][1], "Oslo, Bærum");
    assert_eq!(json["log"][1]["kind"], "note");
    assert_eq!(json["log"][1]["text"], "Ring Kari");
    assert_eq!(json["cost_estimate"], Value::Null);

    assert!(refused(&data, &["show", "X-1"], 2).contains("“X-1” is not a measure id"));
    assert!(refused(&data, &["note", "T-1", " "], 2).contains("The note is empty."));
}

#[test]
fn rm_asks_and_keeps_the_measure_unless_the_answer_is_yes() {
    let dir = TempDir::new().unwrap();
    let data = setup(&dir);
    let before = fs::read(&data).unwrap();
    for answer in ["", "n\n", "nei\n"] {
        let r = run_with_input(&data, &["rm", "T-1"], answer);
        assert_eq!(r.code, Some(1), "{answer:?}");
        assert!(
            r.stderr.contains("Delete T-1 “Felles innbyggerdialog”? [y/N]"),
            "{}",
            r.stderr
        );
        assert!(r.stderr.contains("Nothing was deleted."), "{}", r.stderr);
        assert_eq!(fs::read(&data).unwrap(), before);
    }
    let r = run_with_input(&data, &["--lang", "nb", "rm", "T-1"], "j\n");
    assert_eq!(r.code, Some(0), "{}", r.stderr);
    assert_eq!(r.stdout, "Slettet T-1 «Felles innbyggerdialog».\n");
    assert!(load(&data).measures.is_empty());
    assert_eq!(load(&data).next_ids.measure, 2, "the id is never reused");

    ok(&data, &["add", "Neste"]);
    ok(&data, &["rm", "T-2", "--yes"]);
    assert!(load(&data).measures.is_empty());
}

#[test]
fn list_json_carries_the_cost_and_with_log_the_log() {
    let dir = TempDir::new().unwrap();
    let data = setup(&dir);
    ok(&data, &["set", "T-1", "cost=900 000", "status=decided"]);
    let items: Value = serde_json::from_str(&ok(&data, &["list", "--json"])).unwrap();
    assert_eq!(items[0]["cost_estimate"], 900_000);
    assert!(items[0].get("log").is_none());
    let items: Value = serde_json::from_str(&ok(&data, &["list", "--json", "--log"])).unwrap();
    assert_eq!(items[0]["log"][0]["kind"], "status_change");
    assert_eq!(items[0]["log"][0]["to"], "decided");
}

#[test]
fn demo_with_a_data_path_creates_the_demo_file_there_for_any_command() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("min-demo.json");
    let out = ok(&data, &["--demo", "list", "--json"]);
    let listed: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(listed.as_array().unwrap().len(), 31);
    assert_eq!(
        fs::read_to_string(&data).unwrap(),
        include_str!("../assets/demo-backlog.json"),
        "the file is the demo as the app writes it"
    );
    // Once there, it is the user's demo file: changes stay.
    ok(&data, &["--demo", "set", "T-1", "title=Endret i demoen"]);
    ok(&data, &["--demo", "show", "T-1"]);
    assert_eq!(load(&data).measure(Id(1)).unwrap().title, "Endret i demoen");
    // `path` only tells where the file is.
    let other = dir.path().join("annen.json");
    ok(&other, &["--demo", "path"]);
    assert!(!other.exists());
}

// issue 16: dependencies and links
#[test]
fn set_edits_dependencies_parent_and_links_and_refuses_a_circle_by_name() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("b.json");
    fs::write(&data, include_str!("../assets/demo-backlog.json")).unwrap();
    let out = ok(
        &data,
        &[
            "set",
            "T-9",
            "depends+=T-2, T-19",
            "part-of=T-2",
            "links+=Biblioteket | https://bibliotek.kommune.example/digital",
        ],
    );
    assert!(out.contains("Depends on: – → «T-2, T-19»"), "{out}");
    let m = load(&data).measure(Id(9)).unwrap().clone();
    assert_eq!(m.depends_on, [Id(2), Id(19)]);
    assert_eq!(m.part_of, Some(Id(2)));
    assert_eq!(m.links[0].url, "https://bibliotek.kommune.example/digital");
    ok(&data, &["set", "T-9", "depends-=T-19", "links-=Biblioteket"]);
    let m = load(&data).measure(Id(9)).unwrap().clone();
    assert_eq!((m.depends_on, m.links.len()), (vec![Id(2)], 0));

    // The demo's chain T-26 → T-4 → T-15: T-15 may not wait for T-26.
    let err = refused(&data, &["set", "T-15", "depends+=T-26"], 2);
    assert!(err.contains("T-15 → T-26 → T-4 → T-15"), "{err}");
    let err = refused(&data, &["--lang", "nb", "set", "T-2", "part_of=T-9"], 2);
    assert!(err.contains("«Del av» ville gått i ring: T-2 → T-9 → T-2"), "{err}");
    let err = refused(&data, &["set", "T-9", "depends+=T-99"], 2);
    assert!(err.contains("There is no measure T-99"), "{err}");
    let err = refused(&data, &["set", "T-9", "title+=x"], 2);
    assert!(err.contains("title+=x"), "{err}");

    let shown = ok(&data, &["show", "T-26"]);
    assert!(shown.contains("Depends on: T-4"), "{shown}");
    assert!(shown.contains("blocked by T-4 (decided, due 2026-10-31)"), "{shown}");
    assert!(shown.contains("https://sak.kommune.example/sak/2026/1593"), "{shown}");
    let json: Value = serde_json::from_str(&ok(&data, &["show", "T-4", "--json"])).unwrap();
    assert_eq!(json["depends_on"], serde_json::json!(["T-15"]));
    assert_eq!(json["needed_by"], serde_json::json!(["T-26"]));
    assert_eq!(json["links"][0]["label"], "Saksframlegg til formannskapet");
}
