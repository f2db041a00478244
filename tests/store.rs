//! The store against a real file system: round trips, refusing broken or newer files without
//! touching them, atomic saves with private permissions, stale temp files and the lock.

use std::fs;
use std::path::{Path, PathBuf};

use jiff::Timestamp;
use jiff::civil::date;
use tempfile::TempDir;
use tiltak::domain::{
    Backlog, Decision, Funding, Id, LogEntry, LogKind, MeasureDraft, Meeting, OwnerDraft, Political, PriorityDraft,
    Status,
};
use tiltak::store::lock::{Lock, lock_path};
use tiltak::store::save::{remove_stale_temp_files, to_json, write_atomically};
use tiltak::store::{LoadError, load, paths, save};

fn data_file(dir: &TempDir) -> PathBuf {
    dir.path().join("backlog.json")
}

fn at(text: &str) -> Timestamp {
    text.parse().expect("a valid timestamp")
}

/// A backlog with every kind of record and every field of a measure set.
fn full_backlog() -> Backlog {
    let mut b = Backlog::new(
        "Toppledergruppens tiltak",
        &["Oppvekst skole", "Helse og omsorg", "Økonomi"],
    );
    let (kari, _) = b
        .add_owner(OwnerDraft {
            name: "Kari Åsheim".into(),
            role: "kommunalsjef".into(),
            sector: Some(Id(2)),
        })
        .unwrap();
    let (ola, _) = b
        .add_owner(OwnerDraft {
            name: "Ola Nordmann".into(),
            role: "utviklingsleder".into(),
            sector: None,
        })
        .unwrap();
    let (p1, _) = b
        .add_priority(PriorityDraft {
            title: "Bryte ned siloer".into(),
            description: "Tverrfaglige team på tvers av sektorer.".into(),
        })
        .unwrap();
    let (p2, _) = b
        .add_priority(PriorityDraft {
            title: "Ny finansieringsmodell".into(),
            description: String::new(),
        })
        .unwrap();
    let created = at("2026-01-05T08:30:00.123456789Z");
    let (t1, _) = b
        .add_measure(
            MeasureDraft {
                title: "Felles innbyggerdialog".into(),
                description: "Én inngang for innbyggerne.\nFlere linjer, «sitater» og æøå.".into(),
                status: Status::Assessing,
                owner: Some(kari),
                sectors: vec![Id(1), Id(2)],
                priorities: vec![p2, p1],
                value: Some(5),
                effort: Some(3),
                due: Some(date(2026, 6, 30)),
                funding: Some(Funding::Operating),
                cost_estimate: Some(250_000),
                political: Political {
                    needed: true,
                    case_number: Some("26/1234".into()),
                },
                benefits: "Kortere saksbehandlingstid.".into(),
                tags: vec!["dialog".into(), "innbygger".into()],
                depends_on: Vec::new(),
                part_of: None,
                links: Vec::new(),
            },
            created,
        )
        .unwrap();
    b.add_measure(
        MeasureDraft {
            owner: Some(ola),
            funding: Some(Funding::Unfunded),
            ..MeasureDraft::titled("Digital kompetanse i grunnopplæringen")
        },
        created,
    )
    .unwrap();
    b.step_status(t1, true, at("2026-02-01T10:00:00Z")).unwrap();
    b.log_to_measure(
        t1,
        LogEntry {
            at: at("2026-02-02T12:00:00Z"),
            kind: LogKind::Note,
            text: "Drøftet i toppledergruppen.".into(),
            from: None,
            to: None,
            meeting: Some(Id(1)),
            decision: None,
            due: None,
            author: String::new(),
        },
    )
    .unwrap();
    b.meetings.push(Meeting {
        id: Id(1),
        date: date(2026, 2, 2),
        title: "Ledermøte".into(),
        attendees: vec![kari, ola],
        agenda: vec![t1],
        decisions: vec![Decision {
            measure: t1,
            at: at("2026-02-02T12:00:00Z"),
            kind: None,
            text: "Vedtatt.".into(),
            due: None,
        }],
        state: Default::default(),
        time: None,
        place: String::new(),
        minutes_per_item: None,
        absent: Vec::new(),
        guests: Vec::new(),
        time_spent: Vec::new(),
        terms: Vec::new(),
        term_decisions: Vec::new(),
        extra: Default::default(),
    });
    b.next_ids.meeting = 2;
    assert_eq!(b.invariant_violations(), Vec::<String>::new());
    b
}

/// A minimal valid file, written by hand, with `rest` spliced in before the closing brace.
fn hand_written(rest: &str) -> String {
    format!(
        "{{\n  \"schema_version\": 1,\n  \"name\": \"Test\",\n  \"next_ids\": {{\"measure\": 2, \"owner\": 1, \"priority\": 1, \"sector\": 1, \"meeting\": 1}}{rest}\n}}\n"
    )
}

#[test]
fn round_trip_keeps_every_field() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    let backlog = full_backlog();
    save(&backlog, &path).unwrap();
    let loaded = load(&path).unwrap().expect("the file exists");
    assert_eq!(loaded, backlog);
    let t1 = &loaded.measures[0];
    assert_eq!(t1.status, Status::Decided);
    assert_eq!(t1.log.len(), 2);
    assert_eq!(t1.cost_estimate, Some(250_000));
    assert_eq!(t1.political.case_number.as_deref(), Some("26/1234"));
    assert_eq!(loaded.meetings.len(), 1);
}

#[test]
fn saved_json_is_pretty_and_stable() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    let backlog = full_backlog();
    save(&backlog, &path).unwrap();
    let first = fs::read(&path).unwrap();
    save(&backlog, &path).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first, "saving twice gives the same bytes");

    // Loading and saving again does not change a byte either.
    let loaded = load(&path).unwrap().unwrap();
    save(&loaded, &path).unwrap();
    assert_eq!(fs::read(&path).unwrap(), first, "load + save gives the same bytes");

    let text = String::from_utf8(first).unwrap();
    assert!(
        text.starts_with("{\n  \"schema_version\": 1,\n"),
        "pretty, version first:\n{text}"
    );
    assert!(text.ends_with("}\n"));
    assert!(
        text.contains("\n    {\n      \"id\": \"T-1\",\n"),
        "measures pretty-printed"
    );
}

#[test]
fn collections_are_saved_sorted_by_id() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    let mut backlog = full_backlog();
    let sorted = to_json(&backlog).unwrap();
    backlog.sectors.reverse();
    backlog.owners.reverse();
    backlog.priorities.reverse();
    backlog.measures.reverse();
    // A file written out of order (by hand, or by another tool) loads sorted.
    write_atomically(&path, &to_json(&backlog).unwrap()).unwrap();
    let loaded = load(&path).unwrap().unwrap();
    let ids: Vec<String> = loaded.measures.iter().map(|m| m.id.to_string()).collect();
    assert_eq!(ids, ["T-1", "T-2"]);
    let ids: Vec<String> = loaded.owners.iter().map(|o| o.id.to_string()).collect();
    assert_eq!(ids, ["E-1", "E-2"]);
    save(&loaded, &path).unwrap();
    assert_eq!(fs::read(&path).unwrap(), sorted);
}

#[test]
fn missing_file_is_none() {
    let dir = TempDir::new().unwrap();
    assert!(matches!(load(&data_file(&dir)), Ok(None)));
    assert!(matches!(load(&dir.path().join("no/such/dir/backlog.json")), Ok(None)));
}

/// Loads `contents` from a file and checks the file is byte-for-byte the same afterwards.
fn load_untouched(contents: &[u8]) -> LoadError {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    fs::write(&path, contents).unwrap();
    let error = load(&path).expect_err("the file is refused");
    assert_eq!(fs::read(&path).unwrap(), contents, "the refused file was changed");
    let names: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["backlog.json"], "nothing else was written");
    error
}

fn parse_position(error: &LoadError) -> (usize, usize, &str) {
    match error {
        LoadError::Parse {
            line, column, message, ..
        } => (*line, *column, message.as_str()),
        other => panic!("expected a parse error, got {other:?}"),
    }
}

#[test]
fn truncated_file_is_a_parse_error_at_the_end() {
    let error = load_untouched(b"{\n  \"schema_version\": 1,\n  \"name\": \"Te");
    let (line, column, message) = parse_position(&error);
    assert_eq!((line, column), (3, 13), "{message}");
    assert!(message.contains("EOF"), "{message}");
}

#[test]
fn syntax_error_points_at_the_bad_character() {
    // Line 3 has a trailing comma before the closing brace at line 4, column 1.
    let error = load_untouched(b"{\n  \"schema_version\": 1,\n  \"name\": \"Test\",\n}\n");
    let (line, column, message) = parse_position(&error);
    assert_eq!((line, column), (4, 1), "{message}");
}

#[test]
fn wrong_type_for_a_top_level_field_points_at_the_field() {
    // `name` must be a string; the 5 is at line 3, column 11.
    let text = "{\n  \"schema_version\": 1,\n  \"name\": 5,\n  \"measures\": []\n}\n";
    let error = load_untouched(text.as_bytes());
    let (line, column, message) = parse_position(&error);
    assert!(message.contains("invalid type"), "{message}");
    assert_eq!((line, column), (3, 11), "{message}");
}

#[test]
fn wrong_type_inside_a_measure_points_at_the_field() {
    let measure = r#",
  "measures": [
    {
      "id": "T-1",
      "title": "Ok",
      "status": "idea",
      "value": "high",
      "created": "2026-01-01T00:00:00Z",
      "updated": "2026-01-01T00:00:00Z"
    }
  ]"#;
    let text = hand_written(measure);
    let error = load_untouched(text.as_bytes());
    let (line, column, message) = parse_position(&error);
    assert!(message.contains("invalid type"), "{message}");
    // `"value": "high",` is on line 10; serde reports the end of the bad string.
    assert_eq!(line, 10, "{message}\n{text}");
    assert_eq!(column, 21, "{message}\n{text}");
}

#[test]
fn bad_status_and_bad_id_are_parse_errors_with_position() {
    let measure = r#",
  "measures": [
    {
      "id": "T-1",
      "title": "Ok",
      "status": "finished",
      "created": "2026-01-01T00:00:00Z",
      "updated": "2026-01-01T00:00:00Z"
    }
  ]"#;
    let error = load_untouched(hand_written(measure).as_bytes());
    let (line, _, message) = parse_position(&error);
    assert!(message.contains("finished"), "{message}");
    assert_eq!(line, 9, "{message}");

    let owner = r#",
  "owners": [
    { "id": "X-1", "name": "Kari" }
  ]"#;
    let error = load_untouched(hand_written(owner).as_bytes());
    let (line, _, message) = parse_position(&error);
    assert!(message.contains("X-1"), "{message}");
    assert_eq!(line, 6, "{message}");
}

#[test]
fn a_file_that_is_not_a_backlog_is_refused() {
    for contents in [&b""[..], b"[]", b"null", b"{}", b"{\"name\": \"x\"}"] {
        let error = load_untouched(contents);
        assert!(
            matches!(error, LoadError::Parse { .. }),
            "{:?}: {error:?}",
            String::from_utf8_lossy(contents)
        );
    }
    // A UTF-16 byte-order mark is named as the encoding it is.
    let error = load_untouched(b"\xff\xfe");
    assert!(matches!(error, LoadError::Encoding { .. }), "{error:?}");
}

#[test]
fn parse_error_message_names_path_line_and_column() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    fs::write(&path, "{\n  \"schema_version\": 1,\n  \"name\": \"Te").unwrap();
    let error = load(&path).unwrap_err();
    let text = error.message(tiltak::i18n::Lang::En);
    assert!(text.contains(&path.display().to_string()), "{text}");
    assert!(text.contains("line 3"), "{text}");
    assert!(text.contains("column 13"), "{text}");
    let text = error.message(tiltak::i18n::Lang::Nb);
    assert!(text.contains("linje 3"), "{text}");
    assert!(text.contains("kolonne 13"), "{text}");
}

#[test]
fn newer_schema_is_refused_even_with_an_unknown_shape() {
    let newer = br#"{
  "schema_version": 2,
  "name": {"nb": "Tiltak", "en": "Measures"},
  "measures": {"T-1": {"headline": "Something else entirely"}},
  "owners": 17
}
"#;
    match load_untouched(newer) {
        LoadError::Newer { found, .. } => assert_eq!(found, 2),
        other => panic!("expected Newer, got {other:?}"),
    }
    // Also when the version is not the first field.
    let newer = br#"{"owners": "?", "schema_version": 7}"#;
    assert!(matches!(load_untouched(newer), LoadError::Newer { found: 7, .. }));
}

#[test]
fn newer_schema_message_names_both_versions() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    fs::write(&path, r#"{"schema_version": 2}"#).unwrap();
    let text = load(&path).unwrap_err().message(tiltak::i18n::Lang::En);
    assert!(text.contains(&path.display().to_string()), "{text}");
    assert!(text.contains("schema version 2"), "{text}");
    assert!(text.contains("supports 1"), "{text}");
}

#[test]
fn dangling_links_are_invalid() {
    let measure = r#",
  "measures": [
    {
      "id": "T-1",
      "title": "Ok",
      "status": "idea",
      "owner": "E-99",
      "created": "2026-01-01T00:00:00Z",
      "updated": "2026-01-01T00:00:00Z"
    }
  ]"#;
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    fs::write(&path, hand_written(measure)).unwrap();
    let error = load(&path).unwrap_err();
    match &error {
        LoadError::Invalid { problems, .. } => {
            assert_eq!(problems.len(), 1, "{problems:?}");
            assert!(problems[0].contains("T-1"), "{problems:?}");
            assert!(problems[0].contains("E-99"), "{problems:?}");
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
    let text = error.message(tiltak::i18n::Lang::En);
    assert!(
        text.contains("E-99") && text.contains(&path.display().to_string()),
        "{text}"
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), hand_written(measure));
}

#[test]
fn duplicate_ids_are_invalid() {
    let measures = r#",
  "measures": [
    {"id": "T-1", "title": "A", "status": "idea", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z"},
    {"id": "T-1", "title": "B", "status": "idea", "created": "2026-01-01T00:00:00Z", "updated": "2026-01-01T00:00:00Z"}
  ]"#;
    match load_untouched(hand_written(measures).as_bytes()) {
        LoadError::Invalid { problems, .. } => {
            assert!(problems.iter().any(|p| p.contains("T-1")), "{problems:?}")
        }
        other => panic!("expected Invalid, got {other:?}"),
    }
}

#[test]
fn unknown_top_level_fields_survive_load_and_save() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    let extra = r#",
  "zz_future": {"kept": [1, 2, 3], "nested": {"a": null}},
  "aa_note": "written by a newer minor version""#;
    fs::write(&path, hand_written(extra)).unwrap();
    let mut backlog = load(&path).unwrap().unwrap();
    assert_eq!(backlog.extra.len(), 2);
    backlog
        .add_measure(MeasureDraft::titled("Ny"), at("2026-03-01T00:00:00Z"))
        .unwrap();
    save(&backlog, &path).unwrap();
    let saved: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    assert_eq!(saved["zz_future"]["kept"], serde_json::json!([1, 2, 3]));
    assert_eq!(saved["zz_future"]["nested"], serde_json::json!({"a": null}));
    assert_eq!(saved["aa_note"], "written by a newer minor version");
    let again = load(&path).unwrap().unwrap();
    assert_eq!(again.extra, backlog.extra);
    assert_eq!(again.measures.len(), 1);
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[cfg(unix)]
#[test]
fn saved_file_is_private_and_missing_dirs_are_created_private() {
    let dir = TempDir::new().unwrap();
    let path = dir.path().join("new/deeper/backlog.json");
    save(&full_backlog(), &path).unwrap();
    assert_eq!(mode(&path), 0o600);
    assert_eq!(mode(&dir.path().join("new/deeper")), 0o700);
    assert_eq!(mode(&dir.path().join("new")), 0o700);
}

#[cfg(unix)]
#[test]
fn saving_over_a_readable_file_makes_it_private() {
    use std::os::unix::fs::PermissionsExt;
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    fs::write(&path, b"old").unwrap();
    fs::set_permissions(&path, fs::Permissions::from_mode(0o644)).unwrap();
    save(&full_backlog(), &path).unwrap();
    assert_eq!(mode(&path), 0o600);
}

fn names_in(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

#[test]
fn save_leaves_no_temp_files() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    for _ in 0..3 {
        save(&full_backlog(), &path).unwrap();
    }
    assert_eq!(names_in(dir.path()), ["backlog.json"]);
}

#[test]
fn write_atomically_replaces_the_whole_file() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    write_atomically(&path, b"a much longer first version of the file").unwrap();
    write_atomically(&path, b"short").unwrap();
    assert_eq!(fs::read(&path).unwrap(), b"short");
    assert_eq!(names_in(dir.path()), ["backlog.json"]);
}

#[test]
fn stale_temp_files_are_removed_and_nothing_else() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    save(&full_backlog(), &path).unwrap();
    let keep = [
        "backlog.json.lock",
        ".backlog.json.bak",
        ".other.json.abc.tmp",
        "backlog.json.abc.tmp",
        "notes.tmp",
    ];
    for name in keep {
        fs::write(dir.path().join(name), b"keep").unwrap();
    }
    fs::write(dir.path().join(".backlog.json.abc.tmp"), b"stale").unwrap();
    fs::write(dir.path().join(".backlog.json.XyZ123.tmp"), b"stale").unwrap();
    remove_stale_temp_files(&path);
    let mut expected: Vec<String> = keep.iter().map(|s| s.to_string()).collect();
    expected.push("backlog.json".into());
    expected.sort();
    assert_eq!(names_in(dir.path()), expected);
    // A missing directory is not an error.
    remove_stale_temp_files(&dir.path().join("missing/backlog.json"));
}

#[test]
fn lock_is_exclusive_until_dropped() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    let first = Lock::try_acquire(&path).unwrap().expect("the first lock is free");
    assert!(lock_path(&path).exists());
    assert!(Lock::try_acquire(&path).unwrap().is_none(), "second acquire while held");
    let started = std::time::Instant::now();
    let waited = Lock::acquire_within(&path, std::time::Duration::from_millis(200)).unwrap();
    assert!(waited.is_none());
    assert!(started.elapsed() >= std::time::Duration::from_millis(200));
    drop(first);
    let again = Lock::try_acquire(&path).unwrap();
    assert!(again.is_some(), "free again after drop");
    // The lock never touches the backlog file itself.
    assert!(!path.exists());
}

#[test]
fn locks_on_different_files_are_independent() {
    let dir = TempDir::new().unwrap();
    let _a = Lock::try_acquire(&dir.path().join("a.json")).unwrap().unwrap();
    let b = Lock::try_acquire(&dir.path().join("b.json")).unwrap();
    assert!(b.is_some());
}

#[test]
fn path_resolution_order() {
    let flag = Path::new("/flag/backlog.json");
    assert_eq!(
        paths::resolve(Some(flag), Some("/env/x.json"), false),
        Some(flag.to_path_buf())
    );
    assert_eq!(
        paths::resolve(None, Some("/env/x.json"), false),
        Some(PathBuf::from("/env/x.json"))
    );
    // An empty variable counts as unset.
    let default = paths::resolve(None, Some("  "), false);
    assert_eq!(default, paths::resolve(None, None, false));
    assert_eq!(paths::dir_of(Path::new("backlog.json")), PathBuf::from("."));
}

#[test]
fn unknown_fields_inside_records_survive_an_edit_and_save() {
    let dir = TempDir::new().unwrap();
    let path = data_file(&dir);
    let mut file: serde_json::Value = serde_json::from_str(include_str!("../assets/demo-backlog.json")).unwrap();
    for collection in ["measures", "owners", "priorities", "sectors", "meetings"] {
        file[collection][0]["zz_future"] = serde_json::json!({"from": collection});
    }
    fs::write(&path, serde_json::to_vec_pretty(&file).unwrap()).unwrap();
    let mut backlog = load(&path).unwrap().unwrap();
    let id = backlog.measures[0].id;
    let mut draft = MeasureDraft::from_measure(&backlog.measures[0]);
    draft.title.push_str(" (endret)");
    backlog.update_measure(id, draft, at("2026-11-29T12:00:00Z")).unwrap();
    save(&backlog, &path).unwrap();
    let saved: serde_json::Value = serde_json::from_slice(&fs::read(&path).unwrap()).unwrap();
    for collection in ["measures", "owners", "priorities", "sectors", "meetings"] {
        assert_eq!(saved[collection][0]["zz_future"]["from"], collection, "{collection}");
    }
    assert!(saved["measures"][0]["title"].as_str().unwrap().ends_with("(endret)"));
}

// issue 16: dependencies and links
#[test]
fn a_file_from_before_dependencies_and_links_loads_and_saves_byte_for_byte_the_same() {
    // The demo as it was before: the new fields cut out of its text, line by line.
    let mut kept: Vec<String> = Vec::new();
    let mut skipping_to: Option<String> = None;
    for line in include_str!("../assets/demo-backlog.json").lines() {
        if let Some(end) = &skipping_to {
            if line == end {
                skipping_to = None;
            }
            continue;
        }
        let trimmed = line.trim_start();
        let indent = &line[..line.len() - trimmed.len()];
        if trimmed.starts_with("\"depends_on\": [") || trimmed.starts_with("\"links\": [") {
            skipping_to = Some(format!("{indent}]"));
        } else if !trimmed.starts_with("\"part_of\":") && !trimmed.starts_with("\"case_url_template\":") {
            kept.push(line.to_string());
        }
    }
    // A field that lost what followed it loses its comma.
    for i in 0..kept.len() - 1 {
        if kept[i + 1].trim_start().starts_with(['}', ']']) && kept[i].ends_with(',') {
            kept[i].pop();
        }
    }
    let bytes = (kept.join("\n") + "\n").into_bytes();
    assert!(!String::from_utf8_lossy(&bytes).contains("depends_on"));
    let backlog = tiltak::store::load::parse(Path::new("old.json"), &bytes).unwrap();
    assert!(
        backlog
            .measures
            .iter()
            .all(|m| m.depends_on.is_empty() && m.links.is_empty() && m.part_of.is_none())
    );
    assert_eq!(backlog.settings.case_url_template, None);
    assert_eq!(
        String::from_utf8(tiltak::store::save::to_json(&backlog).unwrap()).unwrap(),
        String::from_utf8(bytes).unwrap()
    );
    // And the new fields come back as they were written.
    let demo =
        tiltak::store::load::parse(Path::new("demo.json"), include_bytes!("../assets/demo-backlog.json")).unwrap();
    assert_eq!(
        tiltak::store::save::to_json(&demo).unwrap(),
        include_bytes!("../assets/demo-backlog.json")
    );
}
