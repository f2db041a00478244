//! One documented JSON shape: the data file's JSON Schema in assets/ (printed by `tiltak
//! schema`) accepts the demo and every kind of backlog the tests make, refuses what the app
//! would refuse, and new timestamps are whole seconds while older files with fractions load.

use std::path::Path;
use std::time::Duration;

use assert_cmd::Command;
use serde_json::{Value, json};
use tempfile::TempDir;
use tiltak::domain::Backlog;
use tiltak::i18n::Lang;

#[path = "../benches/support/mod.rs"]
#[allow(dead_code)]
mod support;

fn schema() -> Value {
    serde_json::from_str(include_str!("../assets/backlog.schema.json")).unwrap()
}

fn problems(instance: &Value) -> Vec<String> {
    let validator = jsonschema::validator_for(&schema()).unwrap();
    validator
        .iter_errors(instance)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

fn as_json(backlog: &Backlog) -> Value {
    serde_json::from_slice(&tiltak::store::save::to_json(backlog).unwrap()).unwrap()
}

fn tiltak(data: &Path) -> Command {
    let mut cmd = assert_cmd::cargo::cargo_bin_cmd!("tiltak");
    cmd.env("LANG", "C")
        .env_remove("TILTAK_DATA")
        .timeout(Duration::from_secs(30))
        .arg("--data")
        .arg(data);
    cmd
}

#[test]
fn tiltak_schema_prints_the_shipped_schema() {
    let dir = TempDir::new().unwrap();
    let out = tiltak(&dir.path().join("b.json")).arg("schema").output().unwrap();
    assert!(out.status.success());
    let printed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(printed, schema());
    assert!(
        !dir.path().join("b.json").exists(),
        "printing the schema creates no data file"
    );
}

#[test]
fn the_demo_and_every_kind_of_test_backlog_validate() {
    let demo: Value = serde_json::from_str(include_str!("../assets/demo-backlog.json")).unwrap();
    assert_eq!(problems(&demo), Vec::<String>::new(), "demo");
    for lang in [Lang::Nb, Lang::En] {
        assert_eq!(
            problems(&as_json(&tiltak::cli::new_backlog(lang))),
            Vec::<String>::new()
        );
    }
    let generated = support::generated(300);
    assert_eq!(problems(&as_json(&generated)), Vec::<String>::new(), "generated");
}

#[test]
fn a_file_the_cli_wrote_validates_and_has_whole_second_timestamps() {
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("b.json");
    tiltak(&data)
        .args(["add", "Første", "--due", "31.03.2027"])
        .assert()
        .success();
    tiltak(&data)
        .args([
            "set",
            "T-1",
            "status=decided",
            "cost=900 000",
            "tags=a, \"b, c\"",
            "case_number=0042",
        ])
        .assert()
        .success();
    tiltak(&data).args(["note", "T-1", "Notat"]).assert().success();
    let written: Value = serde_json::from_slice(&std::fs::read(&data).unwrap()).unwrap();
    assert_eq!(problems(&written), Vec::<String>::new());
    let m = &written["measures"][0];
    let stamps = [&m["created"], &m["updated"], &m["log"][0]["at"], &m["log"][1]["at"]];
    for stamp in stamps {
        let text = stamp.as_str().unwrap();
        assert!(text.len() == 20 && text.ends_with('Z') && !text.contains('.'), "{text}");
    }
}

#[test]
fn an_older_file_with_fractional_seconds_still_loads() {
    let mut old = as_json(&tiltak::cli::new_backlog(Lang::En));
    old["measures"] = json!([{
        "id": "T-1", "title": "Gammel", "status": "idea",
        "created": "2025-01-02T03:04:05.123456789Z", "updated": "2025-01-02T03:04:05.5Z"
    }]);
    old["next_ids"]["measure"] = json!(2);
    assert_eq!(problems(&old), Vec::<String>::new());
    let dir = TempDir::new().unwrap();
    let data = dir.path().join("b.json");
    std::fs::write(&data, serde_json::to_vec(&old).unwrap()).unwrap();
    let loaded = tiltak::store::load(&data).unwrap().unwrap();
    assert_eq!(loaded.measures[0].created.subsec_nanosecond(), 123_456_789);
}

#[test]
fn the_schema_refuses_what_the_app_refuses() {
    let good = as_json(&support::generated(3));
    let broken: [(&str, Value); 6] = [
        ("/measures/0/status", json!("finished")),
        ("/measures/0/id", json!("X-1")),
        ("/measures/0/due", json!("31.03.2027")),
        ("/measures/0/value", json!(6)),
        ("/measures/0/created", json!("yesterday")),
        ("/name", json!(null)),
    ];
    for (pointer, value) in broken {
        let mut bad = good.clone();
        *bad.pointer_mut(pointer).unwrap() = value;
        assert!(!problems(&bad).is_empty(), "{pointer} should be refused");
        let bytes = serde_json::to_vec(&bad).unwrap();
        assert!(
            tiltak::store::load::parse(Path::new("bad.json"), &bytes).is_err(),
            "{pointer}: the app refuses it too"
        );
    }
}

// issue 16: dependencies and links
#[test]
fn the_schema_refuses_a_dependency_on_another_kind_of_record_and_a_link_without_an_address() {
    let good = as_json(&support::generated(3));
    for (field, value) in [
        ("depends_on", json!(["E-1"])),
        ("part_of", json!("P-2")),
        ("links", json!([{ "label": "Saken" }])),
    ] {
        let mut bad = good.clone();
        bad["measures"][0][field] = value;
        assert!(!problems(&bad).is_empty(), "{field} should be refused");
        let bytes = serde_json::to_vec(&bad).unwrap();
        assert!(
            tiltak::store::load::parse(Path::new("bad.json"), &bytes).is_err(),
            "{field}: the app refuses it too"
        );
    }
    let mut fine = good.clone();
    fine["measures"][1]["depends_on"] = json!(["T-1"]);
    fine["measures"][1]["links"] = json!([{ "label": "Saken", "url": "https://sak.example.no/1" }]);
    fine["settings"]["case_url_template"] = json!("https://sak.example.no/sak/{case}");
    assert_eq!(problems(&fine), Vec::<String>::new());
}
