//! One source of "today": `TILTAK_TODAY=YYYY-MM-DD` fixes the date for every command, so the
//! overdue parts of `list`, `report` and the Markdown export can be checked against known dates.

use std::path::{Path, PathBuf};

use assert_cmd::Command;

fn demo_file() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("backlog.json");
    std::fs::write(&path, include_str!("../assets/demo-backlog.json")).unwrap();
    (dir, path)
}

/// `tiltak --lang en --data PATH args…` on the given day: stdout, or the test fails with stderr.
fn on(today: &str, path: &Path, args: &[&str]) -> String {
    let out = Command::cargo_bin("tiltak")
        .unwrap()
        .env("TILTAK_TODAY", today)
        .args(["--lang", "en", "--data"])
        .arg(path)
        .args(args)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn overdue_ids(today: &str, path: &Path) -> Vec<String> {
    let json = on(today, path, &["list", "--overdue", "--json"]);
    let items: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let mut ids: Vec<String> = items.iter().map(|m| m["id"].as_str().unwrap().to_string()).collect();
    ids.sort_by_key(|id| id[2..].parse::<u32>().unwrap());
    ids
}

#[test]
fn list_overdue_follows_the_fixed_date() {
    let (_dir, path) = demo_file();
    // Active measures due before the day; done ones (T-3, T-5, T-11, T-12) never count.
    assert_eq!(overdue_ids("2026-12-01", &path), ["T-4", "T-6", "T-8", "T-15"]);
    // A month later four more have passed their date (31.12, 15.12, 10.12, 01.01).
    assert_eq!(
        overdue_ids("2027-01-02", &path),
        ["T-1", "T-4", "T-6", "T-8", "T-15", "T-20", "T-22", "T-26"]
    );
    // Due today is not overdue yet.
    assert!(!overdue_ids("2027-01-01", &path).contains(&"T-20".to_string()));
    assert!(overdue_ids("2026-01-01", &path).is_empty());
}

#[test]
fn the_list_table_marks_overdue_dates_with_a_bang() {
    let (_dir, path) = demo_file();
    let table = on("2026-12-01", &path, &["list", "--sort", "due"]);
    let row = |id: &str| {
        table
            .lines()
            .find(|l| l.split_whitespace().next() == Some(id))
            .unwrap_or_else(|| panic!("{id} missing:\n{table}"))
            .to_string()
    };
    assert!(row("T-8").contains("!2026-09-30"), "{table}");
    assert!(row("T-15").contains("!2026-11-15"), "{table}");
    // Not yet due, and done long ago: no mark.
    assert!(
        row("T-26").contains(" 2026-12-10") && !row("T-26").contains('!'),
        "{table}"
    );
    assert!(
        row("T-3").contains(" 2026-03-31") && !row("T-3").contains('!'),
        "{table}"
    );
}

#[test]
fn the_report_lists_the_overdue_measures_of_that_day() {
    let (_dir, path) = demo_file();
    let report = on("2026-12-01", &path, &["report"]);
    assert!(report.contains("As of 2026-12-01"), "{report}");
    let section: Vec<&str> = report
        .split("Overdue measures\n")
        .nth(1)
        .unwrap_or_else(|| panic!("{report}"))
        .lines()
        .take_while(|l| !l.is_empty())
        .collect();
    assert_eq!(
        section,
        [
            "  T-8 Digitalt tilsyn på natt i hjemmetjenesten (Jørgen Bakkerud, 2026-09-30)",
            "  T-4 Ny finansieringsmodell: utvikling i driftsbudsjettet (Bjørn Tveitå, 2026-10-31)",
            "  T-6 Digital søknad om barnehageplass med veiledning (Amina Haugerud, 2026-11-01)",
            "  T-15 Modell for tverrsektoriell prioritering av digitale tiltak (Geir B. Aga, 2026-11-15)",
        ]
    );
    let earlier = on("2026-01-01", &path, &["report"]);
    let none = earlier.split("Overdue measures\n").nth(1).unwrap();
    assert!(none.starts_with("  None."), "{earlier}");
}

#[test]
fn the_markdown_export_marks_overdue_measures_of_that_day() {
    let (_dir, path) = demo_file();
    let md = on("2026-12-01", &path, &["export", "--format", "md"]);
    assert!(md.contains("- Overdue: 4\n"), "{md}");
    let marked: std::collections::BTreeSet<&str> = md
        .lines()
        .filter(|l| l.contains("**(overdue)**"))
        .filter_map(|l| l.strip_prefix("- **")?.split("**").next())
        .collect();
    assert_eq!(marked, ["T-15", "T-4", "T-6", "T-8"].into_iter().collect());
    let later = on("2027-01-02", &path, &["export", "--format", "md"]);
    assert!(later.contains("- Overdue: 8\n"), "{later}");
}

#[test]
fn a_today_that_is_not_a_date_is_refused_and_nothing_is_written() {
    let (_dir, path) = demo_file();
    let before = std::fs::read(&path).unwrap();
    let out = Command::cargo_bin("tiltak")
        .unwrap()
        .env("TILTAK_TODAY", "1.12.2026")
        .args(["--lang", "en", "--data"])
        .arg(&path)
        .args(["add", "Ny idé"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("TILTAK_TODAY=“1.12.2026” is not a date: use YYYY-MM-DD"),
        "{err}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before);
}

#[test]
fn a_measure_added_on_a_fixed_day_is_stamped_with_that_day() {
    let (_dir, path) = demo_file();
    let id = on("2027-03-09", &path, &["add", "Ny idé"]);
    let json = on("2027-03-09", &path, &["list", "--json", "--query", "Ny idé"]);
    let items: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    let added = items.iter().find(|m| m["id"] == id.trim()).unwrap();
    assert!(added["created"].as_str().unwrap().starts_with("2027-03-09T"), "{added}");
}
