//! Long text in the user's editor: the temp-file round trip with a fake `$EDITOR` script, and
//! the form that asks for it and takes the answer.

mod common;

use std::os::unix::fs::PermissionsExt;

use common::*;
use ratatui::crossterm::event::KeyCode;
use tiltak::app::form::FieldId;
use tiltak::app::{Overlay, handle_key};
use tiltak::i18n::Lang;

/// A shell script that records the file's mode and path, then replaces its text.
fn fake_editor(dir: &std::path::Path, body: &str) -> String {
    let script = dir.join("editor.sh");
    std::fs::write(
        &script,
        format!(
            "#!/bin/sh\nstat -c %a \"$1\" > '{0}/mode'\necho \"$1\" > '{0}/path'\ncat \"$1\" > '{0}/seen'\n{body}\n",
            dir.display()
        ),
    )
    .unwrap();
    std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o700)).unwrap();
    script.display().to_string()
}

#[test]
fn the_editor_gets_a_private_temp_file_that_is_removed_after() {
    let dir = tempfile::tempdir().unwrap();
    let editor = fake_editor(dir.path(), "printf 'Ny tekst\\nandre linje\\n' > \"$1\"");
    let edited = tiltak::tui::edit_text(&editor, "Gammel tekst").unwrap();
    assert_eq!(edited.as_deref(), Some("Ny tekst\nandre linje\n"));
    let read = |name: &str| std::fs::read_to_string(dir.path().join(name)).unwrap();
    assert_eq!(read("seen"), "Gammel tekst", "the editor sees the field's text");
    assert_eq!(read("mode").trim(), "600", "only the user may read the temp file");
    assert!(
        !std::path::Path::new(read("path").trim()).exists(),
        "the temp file is removed"
    );
}

#[test]
fn a_failing_editor_gives_nothing_back() {
    let dir = tempfile::tempdir().unwrap();
    let editor = fake_editor(dir.path(), "printf 'half' > \"$1\"; exit 3");
    assert_eq!(tiltak::tui::edit_text(&editor, "kept").unwrap(), None);
}

#[test]
fn ctrl_e_in_a_form_asks_for_the_editor_and_the_answer_fills_the_field() {
    // Only this test in this binary touches the environment.
    unsafe { std::env::set_var("VISUAL", "true") };
    let (mut app, _store) = app_with(demo(), Lang::En);
    type_text(&mut app, "e");
    for _ in 0..5 {
        if let Overlay::Form(form) = &app.overlay
            && form.focused().id == FieldId::Description
        {
            break;
        }
        press(&mut app, KeyCode::Tab);
    }
    let Overlay::Form(form) = &app.overlay else { panic!() };
    let before = form.focused_text().unwrap();
    handle_key(&mut app, ctrl('e'));
    assert_eq!(app.editor_request.as_deref(), Some(before.as_str()));
    tiltak::app::editor::finished(&mut app, Ok(Some("Første linje\nAndre linje\n".into())));
    assert_eq!(app.editor_request, None);
    handle_key(&mut app, ctrl('s'));
    let id = app.selected_measure().unwrap();
    assert_eq!(
        app.backlog.measure(id).unwrap().description,
        "Første linje\nAndre linje"
    );

    // A failed editor leaves the field alone and says so.
    type_text(&mut app, "e");
    handle_key(&mut app, ctrl('e'));
    tiltak::app::editor::finished(&mut app, Ok(None));
    assert!(screen(&mut app, 120, 40).contains("The editor ended with an error"));
    press(&mut app, KeyCode::Esc);
    press(&mut app, KeyCode::Esc);

    // The review's note prompt takes the editor too, and the note lands in the log.
    type_text(&mut app, "R");
    handle_key(&mut app, ctrl('n'));
    press(&mut app, KeyCode::Enter);
    assert!(matches!(app.screen, tiltak::app::review::Screen::Review(_)));
    type_text(&mut app, "n");
    handle_key(&mut app, ctrl('e'));
    assert_eq!(app.editor_request.as_deref(), Some(""));
    tiltak::app::editor::finished(&mut app, Ok(Some("Notat fra\neditoren\n".into())));
    handle_key(&mut app, ctrl('s'));
    let noted = app
        .backlog
        .measures
        .iter()
        .flat_map(|m| &m.log)
        .any(|entry| entry.text == "Notat fra\neditoren");
    assert!(noted, "the editor's note is in a log");
}
