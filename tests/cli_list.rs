//! `tiltak list` with search, filters and order: the same matcher and sort code as the app.

use std::path::PathBuf;

use assert_cmd::Command;
use serde_json::Value;

fn demo_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("backlog.json");
    std::fs::write(&path, include_str!("../assets/demo-backlog.json")).unwrap();
    (dir, path)
}

fn list(path: &PathBuf, args: &[&str]) -> Vec<Value> {
    let out = Command::cargo_bin("tiltak")
        .unwrap()
        .args(["--lang", "en", "--data"])
        .arg(path)
        .arg("list")
        .args(args)
        .arg("--json")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice::<Vec<Value>>(&out.stdout).unwrap()
}

fn ids(items: &[Value]) -> Vec<String> {
    let mut ids: Vec<String> = items.iter().map(|m| m["id"].as_str().unwrap().to_string()).collect();
    ids.sort_by_key(|id| id[2..].parse::<u32>().unwrap());
    ids
}

fn titles(items: &[Value]) -> Vec<String> {
    items.iter().map(|m| m["title"].as_str().unwrap().to_string()).collect()
}

#[test]
fn query_folds_norwegian_letters_and_ranks_the_best_match_first() {
    let (_dir, path) = demo_file();
    let hits = list(&path, &["--query", "laeringsplattform"]);
    assert_eq!(titles(&hits)[0], "Evaluering av læringsplattformen i skolen");
    let by_owner = list(&path, &["--query", "ingrid lovas"]);
    assert!(!by_owner.is_empty());
    assert!(by_owner.iter().all(|m| m["owner"] == "Ingrid Løvås"), "{by_owner:?}");
}

#[test]
fn filters_combine_with_the_query_and_sort_orders_apply() {
    let (_dir, path) = demo_file();
    let school = list(&path, &["--sector", "oppvekst skole"]);
    assert_eq!(ids(&school), ["T-1", "T-17", "T-18", "T-24"]);
    assert!(
        school
            .iter()
            .all(|m| m["sectors"].as_array().unwrap().iter().any(|s| s == "Oppvekst skole"))
    );
    // Tags match whole and ignoring case: three demo measures carry "kunstig intelligens".
    let tagged = list(&path, &["--tag", "Kunstig Intelligens"]);
    assert_eq!(ids(&tagged), ["T-7", "T-13", "T-22"], "{tagged:?}");
    assert!(
        list(&path, &["--tag", "KI"]).is_empty(),
        "a tag is not matched by its initials"
    );
    let by_title = titles(&list(&path, &["--sort", "title"]));
    let mut sorted = by_title.clone();
    sorted.sort_by(|a, b| tiltak::search::sort::compare_titles(a, b));
    assert_eq!(by_title, sorted);
    let both = list(&path, &["--sector", "oppvekst skole", "--query", "digital"]);
    assert!(!both.is_empty() && both.len() < school.len(), "{both:?}");
    assert!(both.iter().all(|m| school.contains(m)), "{both:?}");
}

#[test]
fn an_unknown_sort_key_is_a_usage_error_that_names_the_valid_ones() {
    let (_dir, path) = demo_file();
    let out = Command::cargo_bin("tiltak")
        .unwrap()
        .args(["--lang", "en", "--data"])
        .arg(&path)
        .args(["list", "--sort", "size"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("Unknown order “size”") && err.contains("default, score, due"),
        "{err}"
    );
}

#[test]
fn ids_and_case_numbers_find_their_measure_and_a_typo_falls_back_to_fuzzy_saying_so() {
    let (_dir, path) = demo_file();
    let ids =
        |items: &[Value]| -> Vec<String> { items.iter().map(|m| m["id"].as_str().unwrap().to_string()).collect() };
    assert_eq!(ids(&list(&path, &["--query", "T-23"])), ["T-23"]);
    assert_eq!(ids(&list(&path, &["--query", "2026/1187"])), ["T-4"]);
    let run = |query: &str| {
        Command::cargo_bin("tiltak")
            .unwrap()
            .args(["--lang", "en", "--data"])
            .arg(&path)
            .args(["list", "--query", query])
            .output()
            .unwrap()
    };
    let typo = run("barnehge");
    assert!(typo.status.success());
    assert!(String::from_utf8_lossy(&typo.stdout).contains("T-6"));
    assert!(String::from_utf8_lossy(&typo.stderr).contains("showing fuzzy matches"));
    let exact = run("barnehage");
    assert!(!String::from_utf8_lossy(&exact.stderr).contains("fuzzy"));
}
