//! Backlog text as the page shows it. HTML escaping is the template engine's job (maud escapes
//! every value it splices in); this only makes invisible characters visible, so a title cannot
//! hide text or reorder what a reader sees, and writes the one CSS string the page needs.

use std::fmt::Write;

/// Explicit direction controls: they would reorder the text around them.
fn is_bidi_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// Control characters (except line breaks and tabs) as their Unicode pictures (`␛`), direction
/// controls as `[U+202E]`. Everything else is kept as typed.
pub fn shown(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\n' | '\t' => out.push(c),
            '\u{0}'..='\u{1F}' => out.push(char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}')),
            '\u{7F}' => out.push('\u{2421}'),
            c if c.is_control() || is_bidi_control(c) => {
                let _ = write!(out, "[U+{:04X}]", c as u32);
            }
            c => out.push(c),
        }
    }
    out
}

/// A quoted CSS string holding `text`: letters, digits and spaces as they are, every other
/// character as a CSS escape, so nothing in it can end the string or the `<style>` element.
pub fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if (c.is_alphanumeric() && !c.is_control()) || c == ' ' {
            out.push(c);
        } else {
            let _ = write!(out, "\\{:x} ", c as u32);
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_direction_marks_become_visible() {
        assert_eq!(shown("a\u{1b}[31mb"), "a\u{241b}[31mb");
        assert_eq!(shown("abc\u{202E}gnp.exe"), "abc[U+202E]gnp.exe");
        assert_eq!(shown("x\u{85}y\u{7f}"), "x[U+0085]y\u{2421}");
        assert_eq!(shown("linje 1\nlinje 2\tÆØÅ"), "linje 1\nlinje 2\tÆØÅ");
    }

    #[test]
    fn css_strings_escape_all_but_letters_digits_and_spaces() {
        assert_eq!(css_string("Side 1 av Ø"), "\"Side 1 av Ø\"");
        assert_eq!(css_string("</style>\"x"), "\"\\3c \\2f style\\3e \\22 x\"");
    }
}
