//! Long text in the user's own editor: `Ctrl-e` in a form's text field asks the event loop to
//! run `$VISUAL`/`$EDITOR` on the field's text; the answer comes back through [`finished`].

use super::update::{complain, say};
use super::{App, Overlay};
use crate::i18n::Msg;

/// The editor to run: `$VISUAL`, else `$EDITOR`; `None` when neither is set.
pub fn command_from_env() -> Option<String> {
    ["VISUAL", "EDITOR"]
        .into_iter()
        .filter_map(|name| std::env::var(name).ok())
        .find(|value| !value.trim().is_empty())
}

/// `Ctrl-e`: hands the focused field's text to the event loop, or says why not.
pub(super) fn request(app: &mut App) {
    let Overlay::Form(form) = &app.overlay else { return };
    let Some(text) = form.focused_text() else {
        return say(app, app.lang.tr(Msg::EditorOnlyText).to_string());
    };
    if command_from_env().is_none() {
        return say(app, app.lang.tr(Msg::EditorNotSet).to_string());
    }
    app.editor_request = Some(text);
}

/// What the editor left: the new text, `Ok(None)` when it failed (the field stays as it was),
/// or why it could not run.
pub fn finished(app: &mut App, outcome: Result<Option<String>, String>) {
    app.editor_request = None;
    match outcome {
        Ok(Some(text)) => {
            if let Overlay::Form(form) = &mut app.overlay {
                form.set_focused_text(&text);
            }
        }
        Ok(None) => complain(app, app.lang.tr(Msg::EditorFailed).to_string()),
        Err(error) => complain(app, app.lang.fill(Msg::EditorCouldNotRun, &[("error", &error)])),
    }
}
