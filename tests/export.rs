//! Exports and import through the real binary: CSV for Norwegian Excel, its round trip, refused
//! imports that leave the file untouched, the Markdown report, JSON and minutes.

use std::fs;
use std::path::{Path, PathBuf};

use assert_cmd::Command;
use jiff::Timestamp;
use tempfile::TempDir;
use tiltak::domain::{Backlog, Funding, Id, MeasureDraft, OwnerDraft, Political, PriorityDraft, Status};
use tiltak::store::{load, save};

fn at(text: &str) -> Timestamp {
    text.parse().unwrap()
}

/// A backlog whose text fields hold everything CSV must survive.
fn tricky_backlog() -> Backlog {
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
            title: "Bryte ned siloer".into(),
            description: String::new(),
        })
        .unwrap();
    let (p2, _) = b
        .add_priority(PriorityDraft {
            title: "Mennesket først".into(),
            description: String::new(),
        })
        .unwrap();
    b.add_measure(
        MeasureDraft {
            title: "Semikolon; «sitat» og \"anførsel\" 🚀".into(),
            description: "Linje 1; med semikolon\nLinje 2, med komma\r\nLinje 3 med \"quotes\" og æøå ÆØÅ".into(),
            status: Status::InProgress,
            owner: Some(kari),
            sectors: vec![Id(1), Id(2)],
            priorities: vec![p2, p1],
            value: Some(4),
            effort: Some(2),
            due: Some(jiff::civil::date(2027, 3, 31)),
            funding: Some(Funding::External),
            cost_estimate: Some(1_250_000),
            political: Political {
                needed: true,
                case_number: Some("2026/1187".into()),
            },
            benefits: "Spart tid; 😀 fornøyde innbyggere".into(),
            tags: vec!["team".into(), "ki".into()],
            depends_on: Vec::new(),
            part_of: None,
            links: Vec::new(),
        },
        at("2026-01-05T08:30:00Z"),
    )
    .unwrap();
    b.add_measure(MeasureDraft::titled("Bare en tittel"), at("2026-02-01T10:00:00Z"))
        .unwrap();
    b
}

fn setup(backlog: &Backlog) -> (TempDir, PathBuf) {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    save(backlog, &path).unwrap();
    (dir, path)
}

fn tiltak(path: &Path, lang: &str) -> Command {
    let mut cmd = Command::cargo_bin("tiltak").unwrap();
    cmd.env_remove("TILTAK_DATA")
        .arg("--data")
        .arg(path)
        .arg("--lang")
        .arg(lang);
    cmd
}

#[test]
fn csv_is_what_norwegian_excel_expects() {
    let (dir, path) = setup(&tricky_backlog());
    let out = dir.path().join("eksport.csv");
    tiltak(&path, "nb")
        .args(["export", "--format", "csv", "--out"])
        .arg(&out)
        .assert()
        .success();
    let bytes = fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "UTF-8 byte-order mark");
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(
        text.starts_with("Id;Tittel;Status;Eier;Sektorer;Prioriteringer;"),
        "{text}"
    );
    assert!(text.ends_with("\r\n"));
    assert_eq!(
        text.matches('\n').count(),
        text.matches("\r\n").count() + 2,
        "CRLF rows; the two bare LFs are inside a quoted description (its CRLF is stored as LF)"
    );
    #[cfg(unix)]
    assert_eq!(
        std::os::unix::fs::PermissionsExt::mode(&fs::metadata(&out).unwrap().permissions()) & 0o777,
        0o600
    );
    // An independent reader with Excel's conventions sees one record per measure, names not ids.
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[3..]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2);
    assert_eq!(reader.headers().unwrap().len(), 22);
    assert_eq!(&reader.headers().unwrap()[18], "Logg");
    assert_eq!(&reader.headers().unwrap()[21], "Lenker");
    let first = rows.iter().find(|r| &r[0] == "T-1").unwrap();
    assert_eq!(&first[1], "Semikolon; «sitat» og \"anførsel\" 🚀");
    assert_eq!(&first[2], "pågår");
    assert_eq!(&first[3], "Kari Åsheim");
    assert_eq!(&first[4], "Helse og omsorg; Miljø, idrett og kultur");
    assert_eq!(&first[5], "Mennesket først; Bryte ned siloer");
    assert_eq!(
        &first[15],
        "Linje 1; med semikolon\nLinje 2, med komma\nLinje 3 med \"quotes\" og æøå ÆØÅ"
    );
}

#[test]
fn csv_round_trip_leaves_the_backlog_identical_in_both_separators() {
    for delimiter in [";", ","] {
        let original = tricky_backlog();
        let (dir, path) = setup(&original);
        let before = fs::read(&path).unwrap();
        let out = dir.path().join("eksport.csv");
        tiltak(&path, "en")
            .args(["export", "--delimiter", delimiter, "--out"])
            .arg(&out)
            .assert()
            .success();
        let shown = tiltak(&path, "en").arg("import").arg(&out).assert().success();
        let stdout = String::from_utf8(shown.get_output().stdout.clone()).unwrap();
        assert!(stdout.contains("0 new, 0 changed, 2 unchanged"), "{stdout}");
        assert_eq!(load(&path).unwrap().unwrap(), original);
        assert_eq!(fs::read(&path).unwrap(), before, "byte for byte");
    }
}

#[test]
fn edited_csv_with_lf_and_no_bom_updates_and_adds_and_logs_status_changes() {
    let (dir, path) = setup(&tricky_backlog());
    let csv_file = dir.path().join("fra-excel.csv");
    fs::write(
        &csv_file,
        "id,title,status,owner,due\nT-2,Bare en tittel,Til vurdering,KARI ÅSHEIM,31.12.2027\n,Nytt tiltak fra Excel,idea,,\n\
         T-1,Nytt navn på T-1,in_progress,Kari Åsheim,2027-03-31\n",
    )
    .unwrap();
    let dry = tiltak(&path, "en")
        .arg("import")
        .arg(&csv_file)
        .arg("--dry-run")
        .assert()
        .success();
    let stdout = String::from_utf8(dry.get_output().stdout.clone()).unwrap();
    assert!(
        stdout.contains(
            "row 2: would change T-2:\n    Status: «idea» → «assessing»\n    Owner: – → «Kari Åsheim»\n    Due date: – → «2027-12-31»\n"
        ),
        "{stdout}"
    );
    assert!(
        stdout.contains("row 3: would add T-3 “Nytt tiltak fra Excel”"),
        "{stdout}"
    );
    assert!(
        stdout.contains(
            "row 4: would change T-1:\n    Title: «Semikolon; «sitat» og \"anførsel\" 🚀» → «Nytt navn på T-1»\n"
        ),
        "{stdout}"
    );
    assert!(stdout.contains("Dry run"), "{stdout}");
    assert_eq!(
        load(&path).unwrap().unwrap(),
        tricky_backlog(),
        "a dry run writes nothing"
    );

    tiltak(&path, "en")
        .args(["import", "--format", "csv"])
        .arg(&csv_file)
        .assert()
        .success();
    let after = load(&path).unwrap().unwrap();
    let t2 = after.measure(Id(2)).unwrap();
    assert_eq!(t2.status, Status::Assessing);
    assert_eq!(t2.owner, Some(Id(1)));
    assert_eq!(t2.due, Some(jiff::civil::date(2027, 12, 31)));
    assert_eq!(
        t2.log
            .iter()
            .find(|e| e.kind == tiltak::domain::LogKind::StatusChange)
            .map(|e| (e.from, e.to)),
        Some((Some(Status::Idea), Some(Status::Assessing)))
    );
    assert!(
        t2.log.iter().any(|e| e.kind == tiltak::domain::LogKind::OwnerChange),
        "the new owner is logged too"
    );
    assert_eq!(after.measure(Id(3)).unwrap().title, "Nytt tiltak fra Excel");
    // T-1 got a new title; every column the file left out keeps its value, and T-1 holds a
    // value in each of them (sectors, priorities, value, effort, funding, cost, political
    // handling, benefits, tags, description).
    let mut expected = tricky_backlog().measure(Id(1)).unwrap().clone();
    assert!(
        !expected.sectors.is_empty()
            && !expected.priorities.is_empty()
            && expected.value.is_some()
            && expected.effort.is_some()
            && expected.funding.is_some()
            && expected.cost_estimate.is_some()
            && expected.political.needed
            && !expected.benefits.is_empty()
            && !expected.tags.is_empty()
            && !expected.description.is_empty(),
        "the dropped columns must hold values for this to prove anything"
    );
    let t1 = after.measure(Id(1)).unwrap();
    assert_eq!(t1.title, "Nytt navn på T-1");
    expected.title = t1.title.clone();
    expected.updated = t1.updated;
    assert_eq!(t1, &expected);
}

#[test]
fn any_bad_row_is_reported_by_row_and_column_and_nothing_is_applied() {
    let (dir, path) = setup(&tricky_backlog());
    let before = fs::read(&path).unwrap();
    let csv_file = dir.path().join("feil.csv");
    fs::write(
        &csv_file,
        "\u{FEFF}Id;Tittel;Status;Eier;Frist\r\n\
         T-2;Endret tittel;idea;;\r\n\
         T-1;X;ferdig;;\r\n\
         ;Ny;idea;Kari Åshem;\r\n\
         ;Ny 2;idea;;2027-02-30\r\n\
         T-2;For mange;idea;;;ekstra\r\n\
         T-99;Finnes ikke;idea;;\r\n",
    )
    .unwrap();
    let run = tiltak(&path, "en").arg("import").arg(&csv_file).assert().code(2);
    let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    for expected in [
        "row 3, column C (Status): Unknown status “ferdig”",
        "row 4, column D (Eier): Unknown owner “Kari Åshem”. Did you mean: Kari Åsheim?",
        "row 5, column E (Frist): Invalid date “2027-02-30”",
        "row 6, column F: 6 columns, but the header has 5.",
        "row 7, column A (Id): there is no measure T-99",
        "Nothing was imported – fix 5 problems",
    ] {
        assert!(stderr.contains(expected), "missing {expected:?} in:\n{stderr}");
    }
    assert_eq!(
        fs::read(&path).unwrap(),
        before,
        "the backlog file is byte-for-byte unchanged"
    );
}

#[test]
fn a_file_without_id_or_title_and_a_missing_file_are_refused() {
    let (dir, path) = setup(&tricky_backlog());
    let before = fs::read(&path).unwrap();
    let csv_file = dir.path().join("rar.csv");
    fs::write(&csv_file, "Overskrift;Status\nx;idé\n").unwrap();
    let run = tiltak(&path, "nb").arg("import").arg(&csv_file).assert().code(2);
    let stderr = String::from_utf8(run.get_output().stderr.clone()).unwrap();
    assert!(
        stderr.contains("rad 1: filen har verken kolonnen «Id» eller «Tittel»"),
        "{stderr}"
    );
    tiltak(&path, "nb")
        .arg("import")
        .arg(dir.path().join("borte.csv"))
        .assert()
        .code(1);
    assert_eq!(fs::read(&path).unwrap(), before);
}

#[test]
fn markdown_report_groups_by_priority_then_status_with_a_summary() {
    let (_dir, path) = setup(&tricky_backlog());
    let run = tiltak(&path, "nb")
        .args(["export", "--format", "md"])
        .assert()
        .success();
    let md = String::from_utf8(run.get_output().stdout.clone()).unwrap();
    let position = |needle: &str| md.find(needle).unwrap_or_else(|| panic!("{needle:?} missing in\n{md}"));
    assert!(position("## Sammendrag") < position("## 1. Bryte ned siloer"));
    assert!(md.contains("| pågår | 1 |"));
    assert!(md.contains("- Venter på politisk behandling: 1"));
    assert!(position("## 1. Bryte ned siloer") < position("## 2. Mennesket først"));
    assert!(position("## 2. Mennesket først") < position("## Uten prioritering"));
    assert!(md.contains("### Pågår (1)"));
    assert!(md.contains("- **T-1** Semikolon; «sitat» og \"anførsel\" 🚀 — Kari Åsheim, frist 31.03.2027"));
    assert!(md.contains("- **T-2** Bare en tittel — uten eier"));
}

#[test]
fn json_export_is_the_backlog_file() {
    let (dir, path) = setup(&tricky_backlog());
    let run = tiltak(&path, "en")
        .args(["export", "--format", "json"])
        .assert()
        .success();
    assert_eq!(run.get_output().stdout, fs::read(&path).unwrap());
    tiltak(&path, "en").args(["export", "--format", "ods"]).assert().code(2);
    tiltak(&path, "en")
        .args(["export", "--delimiter", "|"])
        .assert()
        .code(2);
    drop(dir);
}

#[test]
fn help_for_the_new_commands_speaks_norwegian() {
    let run = Command::cargo_bin("tiltak")
        .unwrap()
        .args(["--lang", "nb", "import", "--help"])
        .assert()
        .success();
    let help = String::from_utf8(run.get_output().stdout.clone()).unwrap();
    assert!(help.contains("Vis hva som ville blitt endret"), "{help}");
}

#[test]
fn csv_carries_the_log_newest_first_and_import_leaves_it_alone() {
    let mut backlog = tricky_backlog();
    let id = backlog.measures[0].id;
    let at = |s: &str| s.parse::<jiff::Timestamp>().unwrap();
    backlog.step_status(id, true, at("2026-10-01T09:00:00Z")).unwrap();
    let note = tiltak::domain::LogEntry::note(at("2026-10-02T09:00:00Z"), "Drøftet; «viktig»".into());
    backlog.log_to_measure(id, note).unwrap();
    let (dir, path) = setup(&backlog);
    let out = dir.path().join("logg.csv");
    tiltak(&path, "en")
        .args(["export", "--format", "csv", "--out"])
        .arg(&out)
        .assert()
        .success();
    let bytes = fs::read(&out).unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[3..]);
    let row = reader
        .records()
        .map(Result::unwrap)
        .find(|r| r[0] == id.to_string())
        .unwrap();
    let log: Vec<&str> = row[18].lines().collect();
    assert_eq!(log.len(), 2);
    assert!(
        log[0].starts_with("2026-10-02T09:00:00Z note: Drøftet; «viktig»"),
        "{}",
        log[0]
    );
    assert!(log[1].starts_with("2026-10-01T09:00:00Z status change: "), "{}", log[1]);
    let before = fs::read(&path).unwrap();
    tiltak(&path, "en")
        .args(["import", "--format", "csv"])
        .arg(&out)
        .assert()
        .success();
    assert_eq!(fs::read(&path).unwrap(), before, "importing the export changes nothing");
}

#[test]
fn import_reads_headers_in_any_order_and_in_the_other_language() {
    let original = tricky_backlog();
    let (dir, path) = setup(&original);
    let exported = dir.path().join("eksport.csv");
    tiltak(&path, "nb")
        .args(["export", "--out"])
        .arg(&exported)
        .assert()
        .success();
    // Every column reversed (the links first, the id last), and T-2 renamed in its title column.
    let bytes = fs::read(&exported).unwrap();
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(&bytes[3..]);
    let headers: Vec<String> = reader.headers().unwrap().iter().rev().map(String::from).collect();
    assert_eq!((headers[0].as_str(), headers[21].as_str()), ("Lenker", "Id"));
    let title = headers.iter().position(|h| h == "Tittel").unwrap();
    let mut writer = csv::WriterBuilder::new().delimiter(b';').from_writer(Vec::new());
    writer.write_record(&headers).unwrap();
    for record in reader.records() {
        let mut fields: Vec<String> = record.unwrap().iter().rev().map(String::from).collect();
        if fields[21] == "T-2" {
            fields[title] = "Omdøpt i Excel".into();
        }
        writer.write_record(&fields).unwrap();
    }
    let edited = dir.path().join("snudd.csv");
    fs::write(&edited, writer.into_inner().unwrap()).unwrap();

    // Imported by an English-speaking colleague: Norwegian headers, any order, still read.
    let run = tiltak(&path, "en").arg("import").arg(&edited).assert().success();
    let stdout = String::from_utf8(run.get_output().stdout.clone()).unwrap();
    assert!(stdout.contains("0 new, 1 changed, 1 unchanged"), "{stdout}");
    let after = load(&path).unwrap().unwrap();
    assert_eq!(after.measure(Id(1)), original.measure(Id(1)), "T-1 read back unchanged");
    let t2 = after.measure(Id(2)).unwrap();
    let mut expected = original.measure(Id(2)).unwrap().clone();
    expected.title = "Omdøpt i Excel".into();
    expected.updated = t2.updated;
    assert_eq!(t2, &expected);
}
