//! Exchanging the backlog with a spreadsheet: CSV import that forgives what Excel and
//! LibreOffice do (added and deleted columns, Norwegian numbers and dates, rows that span lines)
//! and shows what a spreadsheet altered before it is written.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jiff::Timestamp;
use jiff::civil::date;
use tempfile::TempDir;
use tiltak::domain::{Backlog, Funding, Id, Link, MeasureDraft, OwnerDraft, Political, PriorityDraft, Status};
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
            depends_on: Vec::new(),
            part_of: None,
            // issue 16: a formula start, a `;` and quotes in a link survive the round trip
            links: vec![
                Link {
                    label: "=Saken; «sitat» og \"anførsel\"".into(),
                    url: "https://sak.example.no/sak/0042?a=1;b=2".into(),
                },
                Link {
                    label: String::new(),
                    url: "mailto:kari@example.no".into(),
                },
            ],
        },
        at("2026-01-05T08:30:00Z"),
    )
    .unwrap();
    let mut second = MeasureDraft::titled("Saksnummer som ser ut som en dato");
    second.political.case_number = Some("03/12".into());
    second.description = "=1+1".into();
    second.depends_on = vec![Id(1)];
    second.part_of = Some(Id(1));
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
    let file = "Kommentar;Id;Status;\n\"lang\nkommentar\";T-1;vedtatt;\nhei;T-2;;x\n";
    let outcome = import::import(file.as_bytes(), &b, Lang::En, now()).unwrap();
    assert_eq!(outcome.ignored_columns, vec!["Kommentar", "D"]);
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

// ---------------------------------------------------------------------------------------------
// The workbook

fn with_meeting(mut b: Backlog) -> Backlog {
    use tiltak::domain::{MeetingDraft, MeetingState, Verdict};
    let (meeting, _) = b
        .create_meeting(
            MeetingDraft::new("Toppledermøte", date(2026, 11, 20), vec![Id(1)], vec![Id(2)]),
            MeetingState::Held,
        )
        .unwrap();
    b.record_decision(
        meeting,
        Id(2),
        Verdict::Approve,
        "Vedtatt; «=2+2»",
        at("2026-11-20T10:00:00Z"),
    )
    .unwrap();
    b
}

#[test]
fn workbook_round_trip_leaves_the_backlog_identical() {
    let b = with_meeting(tricky());
    for lang in [Lang::Nb, Lang::En] {
        let bytes = tiltak::export::xlsx::write(&b, &b.measures, lang, date(2026, 11, 29)).unwrap();
        let outcome = tiltak::export::xlsx::import(&bytes, &b, lang, now()).unwrap();
        assert_eq!(outcome.backlog, b, "{lang:?}");
        assert_eq!((outcome.changes.len(), outcome.unchanged), (0, 2));
        assert!(outcome.ignored_columns.is_empty());
    }
}

#[test]
fn workbook_export_and_import_through_the_cli_with_a_dry_run() {
    let (dir, path) = setup(&tricky());
    let book = dir.path().join("tiltak.xlsx");
    tiltak(&path)
        .args(["export", "--format", "xlsx", "--out"])
        .arg(&book)
        .assert()
        .success();
    let out = tiltak(&path)
        .arg("import")
        .arg(&book)
        .arg("--dry-run")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(out.stdout).unwrap(),
        "Dry run – nothing was written: 0 new, 0 changed, 2 unchanged.\n"
    );
    let before = fs::read(&path).unwrap();
    let garbage = dir.path().join("x.xlsx");
    fs::write(&garbage, b"PK\x03\x04 not really").unwrap();
    let out = tiltak(&path).arg("import").arg(&garbage).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8(out.stderr)
            .unwrap()
            .contains("The workbook cannot be read")
    );
    assert_eq!(fs::read(&path).unwrap(), before);
}

/// A workbook edited the way people do: a value typed as text where a number was, a bad
/// status, an error cell. Problems name the sheet, row and column as Excel shows them.
#[test]
fn workbook_problems_name_sheet_row_and_column() {
    use rust_xlsxwriter::Workbook;
    let b = tricky();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Tiltak").unwrap();
    for (col, header) in ["Id", "Status", "Verdi", "Kommentar", "Kostnadsanslag", "Frist"]
        .iter()
        .enumerate()
    {
        sheet.write_string(0, col as u16, *header).unwrap();
    }
    sheet.write_string(1, 0, "T-1").unwrap();
    sheet.write_string(1, 1, "ferdig").unwrap();
    sheet.write_number(1, 2, 4.0).unwrap();
    sheet.write_string(2, 0, "T-2").unwrap();
    sheet.write_number(2, 2, 4.5).unwrap();
    sheet.write_number(2, 4, 1_250_000.0).unwrap();
    let err = tiltak::export::xlsx::import(&book.save_to_buffer().unwrap(), &b, Lang::Nb, now()).unwrap_err();
    let messages: Vec<&str> = err.iter().map(|p| p.message.as_str()).collect();
    assert_eq!(
        messages,
        vec![
            "ark Tiltak, rad 2, kolonne B (Status): Ukjent status «ferdig». Gyldige: idé, til vurdering, vedtatt, pågår, fullført, parkert, avvist.",
            "ark Tiltak, rad 3, kolonne C (Verdi): «4.5» er ikke et tall fra 1 til 5.",
        ]
    );
}

/// A sheet whose table starts lower and further right: positions are still Excel's.
#[test]
fn workbook_positions_follow_the_sheet_when_the_table_starts_at_c3() {
    use rust_xlsxwriter::Workbook;
    let b = tricky();
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("Measures").unwrap();
    sheet.write_string(2, 2, "Id").unwrap();
    sheet.write_string(2, 3, "Due").unwrap();
    sheet.write_string(3, 2, "T-1").unwrap();
    sheet.write_string(3, 3, "neste uke").unwrap();
    let err = tiltak::export::xlsx::import(&book.save_to_buffer().unwrap(), &b, Lang::En, now()).unwrap_err();
    assert_eq!(
        err[0].message,
        "sheet Measures, row 4, column D (Due): Invalid date “neste uke”. Use YYYY-MM-DD, e.g. 2027-03-31."
    );
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.write_string(2, 2, "Id").unwrap();
    sheet.write_string(2, 3, "Id").unwrap();
    let err = tiltak::export::xlsx::import(&book.save_to_buffer().unwrap(), &b, Lang::En, now()).unwrap_err();
    assert_eq!(
        err[0].message,
        "sheet Sheet1, row 3, column D (Id): the column “Id” appears twice."
    );
}

/// The workbook as an independent reader (Python's openpyxl) sees it, cell by cell: types,
/// number formats and values, the frozen header, the filter, wrapped text, the other sheets.
#[test]
fn openpyxl_reads_typed_cells_that_nothing_reinterprets() {
    let probe = std::process::Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output();
    assert!(
        probe.as_ref().is_ok_and(|o| o.status.success()),
        "python3 with openpyxl is needed for this check (.ci/run installs it: pip install openpyxl)"
    );
    let b = with_meeting(tricky());
    let dir = TempDir::new().unwrap();
    let book = dir.path().join("tiltak.xlsx");
    let bytes = tiltak::export::xlsx::write(&b, &b.measures, Lang::Nb, date(2026, 11, 29)).unwrap();
    fs::write(&book, bytes).unwrap();
    let script = r#"
import json, sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {"sheets": wb.sheetnames, "cells": {}}
ws = wb.worksheets[0]
out["freeze"] = ws.freeze_panes
out["filter"] = ws.auto_filter.ref
out["widths"] = {k: v.width for k, v in ws.column_dimensions.items()}
for row in ws.iter_rows():
    for c in row:
        if c.value is None:
            continue
        v = c.value.isoformat() if isinstance(c.value, datetime.datetime) else c.value
        out["cells"][c.coordinate] = [c.data_type, c.number_format, v, bool(c.alignment.wrap_text)]
m = wb.worksheets[4]
out["meeting"] = [[c.value.isoformat() if isinstance(c.value, datetime.datetime) else c.value for c in r] for r in m.iter_rows()]
print(json.dumps(out))
"#;
    let output = std::process::Command::new("python3")
        .args(["-c", script])
        .arg(&book)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let seen: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(
        seen["sheets"],
        serde_json::json!(["Tiltak", "Eiere", "Prioriteringer", "Prioritering × sektor", "Møter"])
    );
    assert_eq!(seen["freeze"], "A2");
    assert_eq!(seen["filter"], "A1:V3");
    assert!(
        seen["widths"]["P"].as_f64().unwrap() >= 40.0,
        "descriptions get a wide column"
    );
    let cell = |at: &str| seen["cells"][at].clone();
    let text = |value: &str| serde_json::json!(["s", "@", value, false]);
    let wrapped = |value: &str| serde_json::json!(["s", "@", value, true]);
    // The rows follow the order given: T-1, then T-2.
    assert_eq!(cell("A2"), text("T-1"));
    assert_eq!(cell("B2"), text("Semikolon; «sitat» og \"anførsel\" 🚀"));
    assert_eq!(cell("C2"), text("pågår"));
    assert_eq!(cell("D2"), text("Kari Åsheim"));
    assert_eq!(cell("E2"), wrapped("Helse og omsorg; Miljø, idrett og kultur"));
    assert_eq!(cell("G2"), serde_json::json!(["n", "0", 4, false]));
    assert_eq!(cell("H2"), serde_json::json!(["n", "0", 2, false]));
    assert_eq!(
        cell("I2"),
        serde_json::json!(["d", "dd.mm.yyyy", "2027-03-31T00:00:00", false])
    );
    assert_eq!(cell("K2"), serde_json::json!(["n", "#,##0", 1_250_000, false]));
    assert_eq!(cell("L2"), text("ja"));
    assert_eq!(cell("M2"), text("0042"), "leading zeros stay");
    assert_eq!(cell("O2"), text(r#"team, "Oslo, Bærum", """sitat""""#));
    assert_eq!(
        cell("P2"),
        wrapped("Linje 1; med semikolon\nLinje 2, med komma\nLinje 3 med \"quotes\" og æøå ÆØÅ")
    );
    assert_eq!(cell("M3"), text("03/12"), "a case number is not a date");
    assert_eq!(cell("P3"), wrapped("=1+1"), "text, not a formula");
    assert!(cell("G3").is_null(), "an unset value is an empty cell");
    // issue 16: dependencies, the parent and the links, after the older columns
    assert_eq!((cell("T3"), cell("U3")), (text("T-1"), text("T-1")));
    assert_eq!(
        cell("V2"),
        wrapped("=Saken; «sitat» og \"anførsel\" | https://sak.example.no/sak/0042?a=1;b=2\nmailto:kari@example.no"),
        "text, not a formula"
    );
    let decision = &seen["meeting"][1];
    assert_eq!(decision[0], "M-1");
    assert_eq!(decision[1], "2026-11-20T00:00:00");
    assert_eq!(decision[4], "T-2");
    assert_eq!(
        decision[6], "Vedtatt. Vedtatt; «=2+2»",
        "the decision's kind, then its text as typed"
    );

    // Edited and saved by another program, the workbook reads back with just those edits.
    let edit = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
ws["C2"] = "vedtatt"
ws["K2"] = 2000000
ws["W1"] = "Kommentar"
ws["W2"] = "sjekk"
wb.save(sys.argv[1])
"#;
    let output = std::process::Command::new("python3")
        .args(["-c", edit])
        .arg(&book)
        .output()
        .unwrap();
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let outcome = tiltak::export::xlsx::import(&fs::read(&book).unwrap(), &b, Lang::Nb, now()).unwrap();
    assert_eq!(outcome.ignored_columns, vec!["Kommentar"]);
    assert_eq!(outcome.unchanged, 1);
    let RowChange::Changed { row: 2, id, fields } = &outcome.changes[0] else {
        panic!("{:?}", outcome.changes);
    };
    assert_eq!(*id, Id(1));
    let summary: Vec<String> = fields
        .iter()
        .map(|c| tiltak::export::fields::summary_line(c, Lang::Nb))
        .collect();
    assert_eq!(
        summary,
        vec![
            "Status: «pågår» → «vedtatt»",
            "Kostnadsanslag (kr): «1 250 000» → «2 000 000»"
        ]
    );
}

// issue 16: dependencies and links
#[test]
fn dependencies_from_a_spreadsheet_are_checked_and_a_circle_changes_nothing() {
    let b = tricky();
    let ok = "Id;Avhenger av;Del av;Lenker\nT-1;;;\"Saken | https://sak.example.no/1\nhttps://teams.example.no/x\"\n";
    let outcome = import::import(ok.as_bytes(), &b, Lang::Nb, now()).unwrap();
    let t1 = outcome.backlog.measure(Id(1)).unwrap();
    assert_eq!(t1.links.len(), 2);
    assert_eq!(t1.links[1].label, "");
    // T-2 already depends on T-1: T-1 may not depend on T-2, and the whole file is refused.
    let circle = "Id;Title;Depends on;Part of\nT-2;Ny tittel;T-1;\nT-1;Samme;T-2;\n";
    let err = import::import(circle.as_bytes(), &b, Lang::En, now()).unwrap_err();
    assert_eq!(
        err[0].message,
        "row 3: The dependencies would go round in a circle: T-1 → T-2 → T-1"
    );
    let bad = "Id;Depends on;Part of\nT-1;T-9, hei;T-2 T-1\n";
    let messages: Vec<String> = import::import(bad.as_bytes(), &b, Lang::En, now())
        .unwrap_err()
        .into_iter()
        .map(|p| p.message)
        .collect();
    assert_eq!(
        messages,
        [
            "row 2, column B (Depends on): “hei” is not a measure id (like T-12).",
            "row 2, column C (Part of): A measure can be part of only one other measure.",
        ]
    );
    let missing = "Id;Depends on\nT-1;T-9\n";
    let err = import::import(missing.as_bytes(), &b, Lang::En, now()).unwrap_err();
    assert_eq!(err[0].message, "row 2: There is no measure T-9.");
}
