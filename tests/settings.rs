//! The Settings screen: sectors added, renamed, given a short label and deleted, and the
//! backlog's settings changed, each undoable; driven by key presses as a user would.

mod common;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tiltak::app::handle_key;
use tiltak::i18n::Lang;

#[test]
fn a_sector_is_added_renamed_and_deleted_and_each_step_undoes() {
    let (mut app, store) = app_with(demo(), Lang::En);
    let sectors_before = app.backlog.sectors.clone();
    type_text(&mut app, ",");
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Sectors"), "{shown}");
    assert!(shown.contains(&sectors_before[0].name), "{shown}");

    // Add: name and short label in one form, one undo step.
    type_text(&mut app, "n");
    type_text(&mut app, "Digitalisering");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "DIG");
    handle_key(&mut app, ctrl('s'));
    let added = app
        .backlog
        .sectors
        .iter()
        .find(|s| s.name == "Digitalisering")
        .unwrap()
        .clone();
    assert_eq!(added.short.as_deref(), Some("DIG"));
    assert_eq!(
        store.saves.borrow().last().unwrap().sectors.len(),
        sectors_before.len() + 1
    );
    let shown = screen(&mut app, 100, 30);
    assert!(
        shown.contains("▶ Digitalisering"),
        "the cursor is on the new sector:\n{shown}"
    );

    // Rename the sector under the cursor.
    type_text(&mut app, "e");
    for _ in 0.."Digitalisering".len() {
        press(&mut app, KeyCode::Backspace);
    }
    type_text(&mut app, "Digital utvikling");
    handle_key(&mut app, ctrl('s'));
    assert_eq!(app.backlog.sector(added.id).unwrap().name, "Digital utvikling");
    type_text(&mut app, "u");
    assert_eq!(app.backlog.sector(added.id).unwrap().name, "Digitalisering");
    type_text(&mut app, "u");
    assert_eq!(app.backlog.sectors, sectors_before);
}

#[test]
fn deleting_a_sector_says_how_many_measures_lose_it_and_undo_brings_the_links_back() {
    let (mut app, _store) = app_with(demo(), Lang::En);
    let before = app.backlog.clone();
    let first = before.sectors[0].clone();
    let linked = before.measures.iter().filter(|m| m.sectors.contains(&first.id)).count();
    assert!(linked > 0, "the demo links its first sector");
    type_text(&mut app, ",d");
    let shown = screen(&mut app, 100, 30);
    let question = format!("Delete sector {}? {linked} measures lose the link", first.name);
    assert!(shown.contains(&question), "{shown}");
    type_text(&mut app, "y");
    assert!(app.backlog.sector(first.id).is_none());
    assert!(app.backlog.measures.iter().all(|m| !m.sectors.contains(&first.id)));
    assert_eq!(
        app.backlog.measures.len(),
        before.measures.len(),
        "no measure is deleted"
    );
    type_text(&mut app, "u");
    assert_eq!(app.backlog.sectors, before.sectors);
    assert_eq!(app.backlog.measures, before.measures);
}

#[test]
fn settings_are_edited_in_the_app_all_errors_at_once_and_undoable() {
    let (mut app, store) = app_with(demo(), Lang::En);
    let before = (app.backlog.name.clone(), app.backlog.settings.clone());
    type_text(&mut app, ",s");
    // Threshold and minutes both wrong: both messages show.
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "x");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, "0");
    handle_key(&mut app, ctrl('s'));
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Measures per owner must be"), "{shown}");
    assert!(shown.contains("minutes") || shown.contains("Minutes"), "{shown}");
    assert_eq!(app.backlog.settings, before.1, "nothing saved while a field is wrong");
    // The first wrong field has the focus: fix it (threshold 3), then the minutes (7).
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "3");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    press(&mut app, KeyCode::Backspace);
    type_text(&mut app, "7");
    handle_key(&mut app, ctrl('s'));
    assert_eq!(app.backlog.settings.owner_load_threshold, 3);
    assert_eq!(app.backlog.settings.minutes_per_item, 7);
    assert_eq!(store.saves.borrow().last().unwrap().settings.minutes_per_item, 7);
    // A new review books the new minutes per item.
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "R");
    let tiltak::app::review::Screen::Setup(setup) = &app.screen else {
        panic!("R opens the meeting set-up")
    };
    assert_eq!(setup.form.setup_values(Lang::En).unwrap().minutes, 7);
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, ",u");
    assert_eq!((app.backlog.name.clone(), app.backlog.settings.clone()), before);
}

#[test]
fn sectors_move_up_and_down_the_order_everywhere_and_undo_puts_them_back() {
    let (mut app, store) = app_with(demo(), Lang::En);
    let first = app.backlog.sectors_in_order()[0].clone();
    let second = app.backlog.sectors_in_order()[1].clone();
    type_text(&mut app, ",jK");
    let order: Vec<_> = app.backlog.sectors_in_order().iter().map(|s| s.id).collect();
    assert_eq!(&order[..2], &[second.id, first.id]);
    // The cursor went with the sector, and the matrix shows the new order.
    assert_eq!(tiltak::app::settings::selected_sector(&app), Some(second.id));
    assert_eq!(&app.insight.matrix.sectors[..2], &[second.id, first.id]);
    // The order is in the saved file.
    let saved = store.saves.borrow().last().unwrap().clone();
    let json = serde_json::to_string(&saved).unwrap();
    assert!(json.contains("\"position\":0"), "{json}");
    // At the top, K does nothing more; J moves it back down.
    type_text(&mut app, "K");
    assert_eq!(app.backlog.sectors_in_order()[0].id, second.id);
    type_text(&mut app, "u");
    assert_eq!(app.backlog.sectors_in_order()[0].id, first.id, "undo");
    handle_key(&mut app, ctrl('r'));
    assert_eq!(app.backlog.sectors_in_order()[0].id, second.id, "redo");
    type_text(&mut app, "J");
    assert_eq!(app.backlog.sectors_in_order()[1].id, second.id);
    let hints = app.keymap.hints(app.context(), app.focus, Lang::En);
    assert!(hints.contains(&("K".to_string(), "move up")), "{hints:?}");
}

#[test]
fn the_default_language_is_a_setting_and_the_author_shows_where_it_comes_from() {
    let (mut app, store) = app_with(demo(), Lang::En);
    type_text(&mut app, ",");
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("Default language: – (each their own"), "{shown}");
    assert!(shown.contains("not set: author = \"…\" in config.toml"), "{shown}");
    app.config_author = Some("Kari Nordmann".into());
    app.config_path = Some("/home/kari/.config/tiltak/config.toml".into());
    let shown = screen(&mut app, 120, 40);
    assert!(
        shown.contains("Kari Nordmann (from /home/kari/.config/tiltak/config.toml)"),
        "{shown}"
    );
    // A language that is not nb or en is refused; nb is kept, and undo takes it back.
    type_text(&mut app, "s");
    for _ in 0..3 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, "sv");
    handle_key(&mut app, ctrl('s'));
    assert!(screen(&mut app, 120, 40).contains("The default language must be nb, en or empty."));
    handle_key(&mut app, ctrl('u'));
    type_text(&mut app, "nb");
    handle_key(&mut app, ctrl('s'));
    assert_eq!(app.backlog.settings.language.as_deref(), Some("nb"));
    assert_eq!(
        store.saves.borrow().last().unwrap().settings.language.as_deref(),
        Some("nb")
    );
    type_text(&mut app, "u");
    assert_eq!(app.backlog.settings.language, None);
}

// issue 11/15: automatic sync and the published page are set in the form and shown on the screen
#[test]
fn automatic_sync_and_publishing_are_set_in_the_form_and_said_to_do_nothing_unshared() {
    let (mut app, store) = app_with(demo(), Lang::En);
    app.author = "Kari Åsheim".to_string();
    type_text(&mut app, ",");
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("Automatic sync: off · not published"), "{shown}");
    assert!(
        shown.contains("The folder is not shared: sync and publishing do nothing"),
        "{shown}"
    );
    assert!(shown.contains("Your name in the log: Kari Åsheim"), "{shown}");
    type_text(&mut app, "s");
    // Name, threshold, minutes, language, then: at start, after a meeting, every N minutes, publish.
    for _ in 0..4 {
        press(&mut app, KeyCode::Tab);
    }
    type_text(&mut app, " ");
    press(&mut app, KeyCode::Tab);
    press(&mut app, KeyCode::Tab);
    handle_key(&mut app, ctrl('u'));
    type_text(&mut app, "999");
    handle_key(&mut app, ctrl('s'));
    let shown = screen(&mut app, 100, 30);
    assert!(shown.contains("from 0 to 480"), "a wrong number is named: {shown}");
    handle_key(&mut app, ctrl('u'));
    type_text(&mut app, "15");
    press(&mut app, KeyCode::Tab);
    type_text(&mut app, " ");
    handle_key(&mut app, ctrl('s'));
    let saved = store.saves.borrow().last().unwrap().settings.clone();
    assert!(saved.sync_at_start && !saved.sync_after_meeting && saved.publish_page);
    assert_eq!(saved.sync_every_minutes, 15);
    app.shared = true;
    let shown = screen(&mut app, 100, 30);
    assert!(
        shown.contains("Automatic sync: at start, every 15 min while idle · published to site/index.html"),
        "{shown}"
    );
    assert!(!shown.contains("not shared"), "{shown}");
    press(&mut app, KeyCode::Char('u'));
    assert_eq!(app.backlog.settings.sync_every_minutes, 0, "undoable like any edit");
}

// issue 16: the case link template
#[test]
fn the_case_link_template_is_edited_in_settings_and_must_hold_the_placeholder() {
    let (mut app, _) = app_with(demo(), Lang::En);
    type_text(&mut app, ",s");
    // Name, threshold, minutes, language, the four sync settings, then the case link.
    for _ in 0..8 {
        press(&mut app, KeyCode::Tab);
    }
    handle_key(&mut app, ctrl('u'));
    type_text(&mut app, "https://arkiv.example.no/sak");
    handle_key(&mut app, ctrl('s'));
    let shown = screen(&mut app, 120, 40);
    assert!(shown.contains("The address must hold {case}"), "{shown}");
    type_text(&mut app, "/{case}");
    handle_key(&mut app, ctrl('s'));
    assert_eq!(
        app.backlog.settings.case_url_template.as_deref(),
        Some("https://arkiv.example.no/sak/{case}")
    );
    // Emptied, there is no case link any more.
    press(&mut app, KeyCode::Esc);
    type_text(&mut app, "#4");
    press(&mut app, KeyCode::Enter);
    // Tall enough for the whole detail: the glossary terms found come before the links.
    let shown = screen(&mut app, 160, 70);
    assert!(shown.contains("https://arkiv.example.no/sak/2026/1187"), "{shown}");
    type_text(&mut app, ",s");
    // Name, threshold, minutes, language, the four sync settings, then the case link.
    for _ in 0..8 {
        press(&mut app, KeyCode::Tab);
    }
    handle_key(&mut app, ctrl('u'));
    handle_key(&mut app, ctrl('s'));
    assert_eq!(app.backlog.settings.case_url_template, None);
}

// issue 11/16: `tiltak settings` and `tiltak settings set KEY VALUE`
fn run_settings(path: &std::path::Path, args: &[&str]) -> (Option<i32>, String, String) {
    let out = cli(path).arg("settings").args(args).output().unwrap();
    let text = |bytes: &[u8]| String::from_utf8_lossy(bytes).into_owned();
    (out.status.code(), text(&out.stdout), text(&out.stderr))
}

#[test]
fn tiltak_settings_shows_and_sets_with_the_forms_checks_and_a_clear_message() {
    let dir = tempfile::TempDir::new().unwrap();
    let path = dir.path().join("backlog.json");
    tiltak::store::save(&demo(), &path).unwrap();

    let (code, shown, _) = run_settings(&path, &[]);
    assert_eq!(code, Some(0));
    let line = |key: &str| {
        shown
            .lines()
            .find(|l| l.starts_with(key))
            .unwrap_or_default()
            .to_string()
    };
    let threshold = line("owner_load_threshold");
    assert!(threshold.starts_with("owner_load_threshold  6  "), "{shown}");
    assert!(
        threshold.ends_with("  (Measures per owner before a warning)"),
        "{shown}"
    );
    assert!(
        line("sync_at_start").starts_with("sync_at_start         no  "),
        "{shown}"
    );
    let label_at = |key: &str| line(key).chars().position(|c| c == '(');
    assert_eq!(
        label_at("name"),
        label_at("publish_page"),
        "the labels line up:\n{shown}"
    );

    let (code, said, _) = run_settings(&path, &["set", "owner-load-threshold", "8"]);
    assert_eq!(code, Some(0));
    assert_eq!(said, "Measures per owner before a warning: “6” → “8”\n");
    let (code, said, _) = run_settings(&path, &["set", "publish_page", "ja"]);
    assert_eq!((code, said.as_str()), (Some(0), "Publish status page: “no” → “yes”\n"));
    let saved = tiltak::store::load(&path).unwrap().unwrap();
    assert_eq!(
        (saved.settings.owner_load_threshold, saved.settings.publish_page),
        (8, true)
    );

    // What the form refuses is refused here with the form's words, and nothing is written.
    let before = std::fs::read(&path).unwrap();
    for (key, value, message) in [
        (
            "owner_load_threshold",
            "0",
            "owner_load_threshold: Measures per owner must be a number from 1 to 99. Nothing was written.",
        ),
        (
            "case_url_template",
            "javascript:alert({case})",
            "case_url_template: The address must hold {case} and start with http:// or https://.",
        ),
        (
            "language",
            "de",
            "language: The default language must be nb, en or empty.",
        ),
        ("sync_at_start", "kanskje", "sync_at_start: Write yes or no."),
        ("name", " ", "name: The name cannot be empty."),
    ] {
        let (code, _, error) = run_settings(&path, &["set", key, value]);
        assert_eq!(code, Some(2), "{key} = {value}: {error}");
        assert!(error.contains(message), "{key} = {value}: {error}");
    }
    let (code, _, error) = run_settings(&path, &["set", "colour", "blue"]);
    assert_eq!(code, Some(2));
    assert!(
        error.contains("Unknown setting “colour”. Known: name, owner_load_threshold, minutes_per_item"),
        "{error}"
    );
    assert_eq!(std::fs::read(&path).unwrap(), before, "nothing was written");

    // An empty value clears what may be empty.
    run_settings(&path, &["set", "language", "nb"]);
    let (code, said, _) = run_settings(&path, &["set", "language", ""]);
    assert_eq!((code, said.as_str()), (Some(0), "Default language: “nb” → “”\n"));

    // While an app window holds the file, the write waits and is refused.
    let lock = tiltak::store::Lock::try_acquire(&path)
        .unwrap()
        .expect("the lock is free");
    let (code, _, error) = run_settings(&path, &["set", "minutes_per_item", "10"]);
    assert_eq!(code, Some(1));
    assert!(error.contains("is open in another tiltak window"), "{error}");
    drop(lock);
    assert_eq!(
        tiltak::store::load(&path).unwrap().unwrap().settings.minutes_per_item,
        5
    );
}
