//! `y` copies the selected measure's id and title to the system clipboard through the
//! terminal (OSC 52): it works over SSH and needs no clipboard program. The event loop writes
//! the escape sequence through the terminal backend; update only asks for it.

use base64::Engine;

use super::{App, Message};
use crate::domain::text::visible;
use crate::i18n::Msg;

/// The escape sequence that asks the terminal to put `text` on the clipboard.
pub fn osc52(text: &str) -> String {
    let encoded = base64::engine::general_purpose::STANDARD.encode(text);
    format!("\x1b]52;c;{encoded}\x07")
}

/// Asks for the selected measure's `T-12 Title` on the clipboard, or says why not.
pub fn copy_selected(app: &mut App) {
    if !app.osc52 {
        app.message = Some(Message {
            text: app.lang.tr(Msg::CopyOff).to_string(),
            is_error: true,
        });
        return;
    }
    let Some(measure) = app.selected_measure().and_then(|id| app.backlog.measure(id)) else {
        return;
    };
    // Control characters in a title would end the escape sequence early.
    let text = format!("{} {}", measure.id, visible(&measure.title));
    app.message = Some(Message {
        text: app.lang.fill(Msg::MsgCopied, &[("text", &text)]),
        is_error: false,
    });
    app.clipboard_request = Some(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_sequence_carries_the_text_in_base64() {
        assert_eq!(osc52("T-3 Æ"), "\x1b]52;c;VC0zIMOG\x07");
    }
}
