//! The glossary (begrepsliste) in the file: older files without it load and stay byte for byte
//! the same, concurrent edits of terms merge per term and field (in the app's merge and in git's
//! merge driver), and a backlog with a glossary matches the shipped JSON Schema.

use std::fs;

use jiff::Timestamp;
use jiff::civil::date;
use serde_json::Value;
use tempfile::TempDir;
use tiltak::domain::merge::{Conflict, merge};
use tiltak::domain::patch::Key;
use tiltak::domain::{Backlog, Id, TermDraft, TermStatus};
use tiltak::share::merge_file::{Wording, merge_files};
use tiltak::store::{load, save};

fn now() -> Timestamp {
    "2026-11-30T12:00:00Z".parse().unwrap()
}

fn describe(conflict: &Conflict) -> String {
    format!("{} elsewhere", conflict.field)
}

fn term(name: &str, definition: &str, synonyms: &[&str]) -> TermDraft {
    TermDraft {
        term: name.to_string(),
        definition: definition.to_string(),
        synonyms: synonyms.iter().map(|s| s.to_string()).collect(),
        ..TermDraft::default()
    }
}

fn with_glossary() -> Backlog {
    let mut backlog = Backlog::new("Ledergruppen", &["Helse og omsorg", "Oppvekst skole"]);
    let today = date(2026, 11, 1);
    backlog
        .add_term(
            term("Tjenestedesign", "Å utforme tjenester fra brukerens behov.", &[]),
            today,
        )
        .unwrap();
    backlog
        .add_term(
            term("Digital modenhet", "Hvor langt en sektor har kommet.", &["modenhet"]),
            today,
        )
        .unwrap();
    backlog
}

fn edit(backlog: &mut Backlog, id: u32, change: impl FnOnce(&mut TermDraft)) {
    let mut draft = TermDraft::from_term(backlog.term(Id(id)).unwrap());
    change(&mut draft);
    backlog.update_term(Id(id), draft, date(2026, 11, 30)).unwrap();
}

#[test]
fn a_file_from_before_the_glossary_loads_and_is_saved_byte_for_byte_the_same() {
    let older = "{\n  \"schema_version\": 1,\n  \"name\": \"Test\",\n  \"next_ids\": {\n    \"measure\": 1,\n    \"owner\": 1,\n    \"priority\": 1,\n    \"sector\": 1,\n    \"meeting\": 1\n  },\n  \"settings\": {\n    \"owner_load_threshold\": 6\n  },\n  \"sectors\": [],\n  \"owners\": [],\n  \"priorities\": [],\n  \"measures\": [],\n  \"meetings\": []\n}\n";
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    fs::write(&path, older).unwrap();
    let backlog = load(&path).unwrap().unwrap();
    assert!(backlog.glossary.is_empty());
    assert_eq!(backlog.next_ids.term, 1);
    save(&backlog, &path).unwrap();
    assert_eq!(fs::read_to_string(&path).unwrap(), older);

    // The first term writes the collection and its counter; the file loads back the same.
    let mut backlog = backlog;
    backlog.add_term(term("Silo", "", &[]), date(2026, 11, 30)).unwrap();
    save(&backlog, &path).unwrap();
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains("\"term\": 2"), "{text}");
    assert!(text.contains("\"glossary\": ["), "{text}");
    assert_eq!(load(&path).unwrap().unwrap(), backlog);
}

#[test]
fn concurrent_edits_of_terms_merge_per_term_and_field() {
    let base = with_glossary();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    edit(&mut ours, 1, |d| d.definition = "Ny definisjon herfra.".into());
    edit(&mut theirs, 1, |d| d.synonyms = vec!["service design".into()]);
    edit(&mut ours, 2, |d| d.status = TermStatus::Agreed);
    edit(&mut theirs, 2, |d| d.status = TermStatus::Retired);
    ours.add_term(term("Silo", "Lukket fagområde.", &[]), date(2026, 11, 30))
        .unwrap();
    theirs
        .add_term(
            term("Gevinstrealisering", "Å hente ut gevinster.", &[]),
            date(2026, 11, 30),
        )
        .unwrap();

    let (merged, report) = merge(&base, &ours, &theirs, now(), &describe);
    assert_eq!(merged.invariant_violations(), Vec::<String>::new());
    let t1 = merged.term(Id(1)).unwrap();
    assert_eq!(t1.definition, "Ny definisjon herfra.");
    assert_eq!(
        t1.synonyms,
        ["service design"],
        "different fields of one term both arrive"
    );
    assert_eq!(
        merged.term(Id(2)).unwrap().status,
        TermStatus::Agreed,
        "a conflict keeps ours"
    );
    assert!(
        report
            .conflicts
            .iter()
            .any(|c| c.key == Key::Term(Id(2)) && c.field == "status" && c.theirs == "retired"),
        "{:?}",
        report.conflicts
    );
    let names: Vec<&str> = merged.glossary.iter().map(|t| t.term.as_str()).collect();
    assert_eq!(
        names,
        ["Tjenestedesign", "Digital modenhet", "Gevinstrealisering", "Silo"],
        "both new terms survive; ours moved to the next free id"
    );
    assert_eq!(merged.glossary[3].id, Id(4));
    assert_eq!(merged.next_ids.term, 5);
}

#[test]
fn the_git_merge_driver_merges_terms_too() {
    let dir = TempDir::new().unwrap();
    let base = with_glossary();
    let mut ours = base.clone();
    let mut theirs = base.clone();
    edit(&mut ours, 1, |d| d.term = "Tjenestedesign (metode)".into());
    edit(&mut theirs, 2, |d| d.definition = "Endret der.".into());
    let paths: Vec<_> = ["base", "ours", "theirs"]
        .iter()
        .map(|name| dir.path().join(format!("{name}.json")))
        .collect();
    for (path, backlog) in paths.iter().zip([&base, &ours, &theirs]) {
        save(backlog, path).unwrap();
    }
    let wording = Wording {
        conflict: &describe,
        renumbered: &|from, to| format!("{from} → {to}"),
    };
    merge_files(
        &paths[0],
        &paths[1],
        &paths[2],
        now(),
        &wording,
        &tiltak::share::merge_file::Sides::default(),
    )
    .unwrap();
    let merged = load(&paths[1]).unwrap().unwrap();
    assert_eq!(merged.term(Id(1)).unwrap().term, "Tjenestedesign (metode)");
    assert_eq!(merged.term(Id(2)).unwrap().definition, "Endret der.");
}

#[test]
fn a_deleted_sector_leaves_the_terms_it_owned_without_an_owner_and_undo_brings_it_back() {
    let mut backlog = with_glossary();
    edit(&mut backlog, 1, |d| d.sector = Some(Id(1)));
    let deleted = backlog.delete_sector(Id(1), now()).unwrap();
    assert_eq!(backlog.term(Id(1)).unwrap().sector, None);
    assert_eq!(backlog.invariant_violations(), Vec::<String>::new());
    backlog.apply(&deleted.undo);
    assert_eq!(backlog.term(Id(1)).unwrap().sector, Some(Id(1)));
}

#[test]
fn a_backlog_with_a_glossary_matches_the_json_schema() {
    let schema: Value = serde_json::from_str(include_str!("../assets/backlog.schema.json")).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    let mut backlog = with_glossary();
    edit(&mut backlog, 1, |d| {
        d.status = TermStatus::Agreed;
        d.sector = Some(Id(2));
    });
    let json: Value = serde_json::from_slice(&tiltak::store::save::to_json(&backlog).unwrap()).unwrap();
    let problems: Vec<String> = validator.iter_errors(&json).map(|e| e.to_string()).collect();
    assert_eq!(problems, Vec::<String>::new());
    let mut bad = json.clone();
    bad["glossary"][0]["id"] = Value::from("T-1");
    assert!(!validator.is_valid(&bad), "a term id is B-n");
}

fn tiltak(data: &std::path::Path) -> assert_cmd::Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("tiltak");
    cmd.env("LANG", "C")
        .env_remove("TILTAK_DATA")
        .timeout(std::time::Duration::from_secs(30))
        .arg("--data")
        .arg(data);
    cmd
}

#[test]
fn tiltak_glossary_prints_the_terms_alphabetically_as_text_or_exact_json() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    let mut backlog = with_glossary();
    edit(&mut backlog, 2, |d| {
        d.status = TermStatus::Agreed;
        d.sector = Some(Id(1));
    });
    backlog.add_term(term("Avvik", "Rød", &[]), date(2026, 11, 30)).unwrap();
    // As a colleague's synced file may hold it: the app's own forms store no control characters.
    backlog.glossary[2].term = "Avvik\u{1b}[31m".into();
    backlog.glossary[2].definition = "Rød\u{7}".into();
    save(&backlog, &path).unwrap();

    let out = tiltak(&path).args(["--lang", "nb", "glossary"]).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(
        text,
        "B-3 Avvik^[[31m — foreslått\n    Rød^G\n\
         B-2 Digital modenhet — vedtatt 30.11.2026 — Helse og omsorg — også: modenhet\n    Hvor langt en sektor har kommet.\n\
         B-1 Tjenestedesign — foreslått\n    Å utforme tjenester fra brukerens behov.\n",
        "control characters are shown, never sent"
    );

    let out = tiltak(&path).args(["glossary", "--json"]).output().unwrap();
    let json: Vec<tiltak::domain::Term> = serde_json::from_slice(&out.stdout).unwrap();
    let ids: Vec<String> = json.iter().map(|t| t.id.to_string()).collect();
    assert_eq!(ids, ["B-3", "B-2", "B-1"]);
    assert_eq!(json[0].term, "Avvik\u{1b}[31m", "JSON is exact");
    assert!(!out.stdout.contains(&0x1b), "the escape is written as \\u001b");

    let empty = dir.path().join("empty.json");
    let out = tiltak(&empty).args(["glossary"]).output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("No terms yet."));
    assert!(!empty.exists(), "reading writes nothing");
}

#[test]
fn the_markdown_report_ends_with_the_glossary_with_markup_escaped() {
    let mut backlog = with_glossary();
    backlog
        .add_term(
            term("*Silo*", "Lukket <b>fagområde</b>.", &["[lenke](x)"]),
            date(2026, 11, 30),
        )
        .unwrap();
    let report = tiltak::export::markdown::status_report(&backlog, tiltak::i18n::Lang::En, date(2026, 11, 30));
    let glossary = &report[report.find("## Glossary").expect("a glossary section")..];
    assert_eq!(
        glossary.lines().take(5).collect::<Vec<_>>(),
        [
            "## Glossary",
            "",
            r"- **\*Silo\*** (B-3; proposed; also: \[lenke\](x)): Lukket \<b\>fagområde\</b\>.",
            "- **Digital modenhet** (B-2; proposed; also: modenhet): Hvor langt en sektor har kommet.",
            "- **Tjenestedesign** (B-1; proposed): Å utforme tjenester fra brukerens behov.",
        ]
    );
    let without =
        tiltak::export::markdown::status_report(&Backlog::new("Tom", &[]), tiltak::i18n::Lang::En, date(2026, 11, 30));
    assert!(!without.contains("## Glossary"), "no section without terms");
}
