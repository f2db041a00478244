//! Exchanging the backlog with a spreadsheet: CSV import that forgives what Excel and
//! LibreOffice do (added and deleted columns, Norwegian numbers and dates, rows that span lines)
//! and shows what a spreadsheet altered before it is written.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jiff::Timestamp;
use jiff::civil::date;
use tempfile::TempDir;
use tiltak::domain::{Backlog, Funding, Id, MeasureDraft, OwnerDraft, Political, PriorityDraft, Status};
use tiltak::export::csv;
use tiltak::export::import::{self, RowChange};
use tiltak::i18n::Lang;

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// Text a spreadsheet likes to reinterpret: leading zeros, a case number that looks like a
/// date, a formula, separators, quotes, line breaks, æøå and emoji, a tag with a comma.
fn tricky() -> Backlog {
    let mut b = Backlog::new("Tiltak", &["Helse og omsorg", "Miljø, idrett og kultur", "Økonomi"]);
    let (kari, _) = b
        .add_owner(OwnerDraft {
            name: "Kari Åsheim".into(),
            role: "kommunalsjef".into(),
            sector: None,
        })
        .unwrap();
    let (p1, _) = b
        .add_priority(PriorityDraft {
            title: "Bryte ned siloer; «sammen»".into(),
            description: String::new(),
        })
        .unwrap();
    b.add_measure(
        MeasureDraft {
            title: "Semikolon; «sitat» og \"anførsel\" 🚀".into(),
            description: "Linje 1; med semikolon\nLinje 2, med komma\nLinje 3 med \"quotes\" og æøå ÆØÅ".into(),
            status: Status::InProgress,
            owner: Some(kari),
            sectors: vec![Id(1), Id(2)],
            priorities: vec![p1],
            value: Some(4),
            effort: Some(2),
            due: Some(date(2027, 3, 31)),
            funding: Some(Funding::External),
            cost_estimate: Some(1_250_000),
            political: Political {
                needed: true,
                case_number: Some("0042".into()),
            },
            benefits: "Spart tid; 😀 fornøyde innbyggere".into(),
            tags: vec!["team".into(), "Oslo, Bærum".into(), "\"sitat\"".into()],
        },
        at("2026-01-05T08:30:00Z"),
    )
    .unwrap();
    let mut second = MeasureDraft::titled("Saksnummer som ser ut som en dato");
    second.political.case_number = Some("03/12".into());
    second.description = "=1+1".into();
    b.add_measure(second, at("2026-02-01T10:00:00Z")).unwrap();
    b
}

fn setup(backlog: &Backlog) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    tiltak::store::save(backlog, &path).unwrap();
    (dir, path)
}

fn tiltak(path: &Path) -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("tiltak");
    cmd.env_remove("TILTAK_DATA")
        .arg("--data")
        .arg(path)
        .args(["--lang", "en"]);
    cmd
}

fn now() -> Timestamp {
    at("2026-11-29T12:00:00Z")
}

#[test]
fn csv_round_trip_keeps_a_tag_with_a_comma_and_every_tricky_text() {
    let b = tricky();
    let bytes = csv::write(&b, &b.measures, Lang::Nb, b';').unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    assert!(text.contains(r#";"team, ""Oslo, Bærum"", """"""sitat"""""""#), "{text}");
    let outcome = import::import(&bytes, &b, Lang::Nb, now()).unwrap();
    assert_eq!(outcome.backlog, b);
    assert_eq!(outcome.unchanged, 2);
}

#[test]
fn added_columns_are_ignored_with_a_note_and_deleted_columns_keep_their_fields() {
    let b = tricky();
    let file = "Kommentar;Id;Status\n\"lang\nkommentar\";T-1;vedtatt\nhei;T-2;\n";
    let outcome = import::import(file.as_bytes(), &b, Lang::En, now()).unwrap();
    assert_eq!(outcome.ignored_columns, vec!["Kommentar"]);
    let t1 = outcome.backlog.measure(Id(1)).unwrap();
    assert_eq!(t1.status, Status::Decided);
    let before = b.measure(Id(1)).unwrap();
    assert_eq!(
        (&t1.title, &t1.description, &t1.tags, t1.cost_estimate),
        (&before.title, &before.description, &before.tags, before.cost_estimate)
    );
    let summary = import::describe(&outcome, Lang::En, true);
    assert!(
        summary.starts_with("Note: the column “Kommentar” is not one of tiltak's and was not read.\n"),
        "{summary}"
    );
    assert!(
        summary.contains("row 2: would change T-1:\n    Status: «in progress» → «decided»\n"),
        "{summary}"
    );

    // Without a title column only existing measures can be changed.
    let err = import::import(b"Id;Status\n;idea\n", &b, Lang::En, now()).unwrap_err();
    assert_eq!(
        err[0].message,
        "row 2: a row without an id adds a measure and needs the column “Title”."
    );
}

#[test]
fn problems_name_the_spreadsheet_row_even_after_cells_with_line_breaks() {
    let b = tricky();
    // Row 2's description spans three physical lines, so row 3 starts on line 5.
    let file = "Id;Tittel;Beskrivelse;Verdi\nT-1;A;\"en\nto\ntre\";3\nT-2;B;;seks\n";
    let err = import::import(file.as_bytes(), &b, Lang::Nb, now()).unwrap_err();
    assert_eq!(err.len(), 1);
    assert_eq!(err[0].row, 3);
    assert_eq!(
        err[0].message,
        "rad 3, kolonne D (Verdi): «seks» er ikke et tall fra 1 til 5."
    );
}

#[test]
fn norwegian_numbers_and_dates_as_excel_writes_them_are_read() {
    let b = tricky();
    let file = "Id;Kostnadsanslag;Verdi;Innsats;Frist\n\
                T-1;1 234 567,00;4,0;2;31.03.28\n\
                T-2;kr 900 000;5;1,0;2027-03-31\n";
    let outcome = import::import(file.as_bytes(), &b, Lang::Nb, now()).unwrap();
    let t1 = outcome.backlog.measure(Id(1)).unwrap();
    assert_eq!(
        (t1.cost_estimate, t1.value, t1.due),
        (Some(1_234_567), Some(4), Some(date(2028, 3, 31)))
    );
    let t2 = outcome.backlog.measure(Id(2)).unwrap();
    assert_eq!(
        (t2.cost_estimate, t2.value, t2.effort),
        (Some(900_000), Some(5), Some(1))
    );
    assert_eq!(t2.due, Some(date(2027, 3, 31)));
    let err = import::import(b"Id;Kostnadsanslag\nT-1;1 234,50\n", &b, Lang::En, now()).unwrap_err();
    assert!(
        err[0]
            .message
            .starts_with("row 2, column B (Kostnadsanslag): Enter a whole number"),
        "{err:?}"
    );
}

#[test]
fn what_a_spreadsheet_altered_is_shown_old_to_new_in_the_dry_run_and_the_import() {
    let (dir, path) = setup(&tricky());
    let exported = dir.path().join("ut.csv");
    tiltak(&path)
        .args(["export", "--out"])
        .arg(&exported)
        .assert()
        .success();
    // What Excel does on open and save: 0042 becomes 42, 03/12 becomes a date.
    let text = fs::read_to_string(&exported).unwrap();
    let altered = text
        .replacen(";0042;", ";42;", 1)
        .replacen(";03/12;", ";03.12.2026;", 1);
    assert_ne!(altered, text);
    fs::write(&exported, altered).unwrap();
    // The export lists T-2 (an idea) before T-1 (in progress), as the app's list does.
    let expected = "row 2: would change T-2:\n    Case number: «03/12» → «03.12.2026»\n\
                    row 3: would change T-1:\n    Case number: «0042» → «42»\n\
                    Dry run – nothing was written: 0 new, 2 changed, 0 unchanged.\n";
    let dry = tiltak(&path)
        .arg("import")
        .arg(&exported)
        .arg("--dry-run")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(dry.stdout).unwrap(), expected);
    assert_eq!(tiltak::store::load(&path).unwrap().unwrap(), tricky());
    let real = tiltak(&path).arg("import").arg(&exported).output().unwrap();
    assert_eq!(
        String::from_utf8(real.stdout).unwrap(),
        expected
            .replace("would change", "changed")
            .replace("Dry run – nothing was written", "Imported")
    );
    let after = tiltak::store::load(&path).unwrap().unwrap();
    assert_eq!(
        after.measure(Id(1)).unwrap().political.case_number.as_deref(),
        Some("42")
    );
}

#[test]
fn change_rows_name_their_spreadsheet_row() {
    let b = tricky();
    let outcome = import::import(b"Id;Tittel\nT-2;Ny tittel\n;Helt ny\n", &b, Lang::En, now()).unwrap();
    assert!(matches!(outcome.changes[0], RowChange::Changed { row: 2, .. }));
    assert!(matches!(outcome.changes[1], RowChange::Added { row: 3, .. }));
}
