//! Text that comes from people (a form, a CSV, a colleague's synced file) is data, never
//! commands for a terminal: input is cleaned of control characters when it is stored, and every
//! human-readable output shows what is left of them visibly.

use std::borrow::Cow;
use std::fmt::Write;

/// Characters that reorder text or take no room: bidi overrides, isolates and marks, the
/// zero-width space, word joiner and byte-order mark. They can make text show differently from
/// what it is. (The zero-width joiners inside emoji are left alone.)
fn is_invisible_format(c: char) -> bool {
    matches!(
        c,
        '\u{200B}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}'
    )
}

/// Whether `c` must not reach a terminal or a document as it is (newline and tab aside).
pub fn is_hidden(c: char) -> bool {
    (c.is_control() && c != '\n' && c != '\t') || is_invisible_format(c)
}

/// `text` with every control character (C0, DEL, C1) and every bidi or zero-width character
/// shown visibly: `^[` for ESC, `^G` for BEL, `<U+202E>` for the others. Newline and tab stay.
pub fn visible(text: &str) -> Cow<'_, str> {
    show(text, is_hidden)
}

/// [`visible`] for a cell of a CSV file, where a carriage return may be part of a line break
/// inside the cell (as older descriptions hold them) and stays.
pub fn visible_in_cell(text: &str) -> Cow<'_, str> {
    show(text, |c| c != '\r' && is_hidden(c))
}

fn show(text: &str, hidden: impl Fn(char) -> bool) -> Cow<'_, str> {
    if !text.chars().any(&hidden) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        if !hidden(c) {
            out.push(c);
        } else if (c as u32) < 0x20 {
            out.push('^');
            out.push(char::from(c as u8 + 0x40));
        } else if c == '\u{7F}' {
            out.push_str("^?");
        } else {
            let _ = write!(out, "<U+{:04X}>", c as u32);
        }
    }
    Cow::Owned(out)
}

/// Whether a byte can start a hidden character: an ASCII control or DEL, or the first byte of
/// a C1 control (U+0080–U+009F), of a bidi or zero-width character (U+2000–U+2FFF) or of the
/// byte-order mark (U+FEFF). Norwegian letters start with other bytes.
fn may_start_hidden(b: u8) -> bool {
    b < 0x20 || b == 0x7f || b == 0xc2 || b == 0xe2 || b == 0xef
}

/// Whether `text` holds a hidden character other than newline and tab. Looks at 64 bytes at
/// a time for bytes that could start one (a loop the compiler turns into vector code) and
/// decodes a char only there: a 15 MB JSON document in a few milliseconds.
pub fn has_hidden(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut start = 0;
    for chunk in bytes.chunks(64) {
        if chunk.iter().fold(false, |any, b| any | may_start_hidden(*b)) {
            for (offset, b) in chunk.iter().enumerate() {
                if may_start_hidden(*b)
                    && text
                        .get(start + offset..)
                        .and_then(|rest| rest.chars().next())
                        .is_some_and(is_hidden)
                {
                    return true;
                }
            }
        }
        start += chunk.len();
    }
    false
}

/// JSON text (already valid, its ASCII controls escaped by serde) with the remaining hidden
/// characters (C1 controls, bidi, zero-width) written as `\uXXXX` escapes too: the same JSON
/// to a parser, nothing a terminal would act on. They occur only inside strings.
pub fn json_escaped(json: &str) -> Cow<'_, str> {
    if !has_hidden(json) {
        return Cow::Borrowed(json);
    }
    let mut out = String::with_capacity(json.len() + 16);
    for c in json.chars() {
        if is_hidden(c) {
            let _ = write!(out, "\\u{:04x}", c as u32);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// One line of text as stored: control and invisible format characters and line breaks become
/// spaces, runs of white space one space, no space at the ends. Empty when nothing readable is
/// left (a title made only of control characters is an empty title).
pub fn single_line(text: &str) -> String {
    let spaced: String = text
        .chars()
        .map(|c| {
            if c.is_control() || is_invisible_format(c) {
                ' '
            } else {
                c
            }
        })
        .collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Several lines as stored: CRLF and CR become LF, other control characters and invisible
/// format characters are dropped (tab stays), trailing white space is trimmed.
pub fn multi_line(text: &str) -> String {
    let unified = text.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = unified.chars().filter(|c| !is_hidden(*c)).collect();
    kept.trim_end().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_escapes_are_shown_not_sent() {
        let osc = "a\u{1b}]0;pwned\u{7}b\u{9b}c";
        assert_eq!(visible(osc), "a^[]0;pwned^Gb<U+009B>c");
        assert_eq!(visible("x\u{202E}y\u{200B}z\u{7f}"), "x<U+202E>y<U+200B>z^?");
        assert_eq!(visible("line\n\tnext"), "line\n\tnext");
        assert!(matches!(visible("Æøå plain"), Cow::Borrowed(_)));
        assert_eq!(visible_in_cell("a\r\nb\u{1b}"), "a\r\nb^[");
    }

    #[test]
    fn json_keeps_its_meaning_without_raw_c1_or_bidi() {
        let json = serde_json::to_string(&"a\u{9b}b\u{202E}c\u{1b}").unwrap();
        let escaped = json_escaped(&json);
        assert_eq!(escaped, "\"a\\u009bb\\u202ec\\u001b\"");
        assert_eq!(
            serde_json::from_str::<String>(&escaped).unwrap(),
            "a\u{9b}b\u{202E}c\u{1b}"
        );
    }

    #[test]
    fn the_fast_look_for_hidden_characters_finds_every_one_anywhere() {
        let hidden = [
            '\u{1b}', '\u{7f}', '\u{85}', '\u{9b}', '\u{200B}', '\u{202E}', '\u{2066}', '\u{FEFF}', '\r',
        ];
        let harmless = [
            'a', 'æ', 'ø', 'å', '–', '€', '\u{2000}', '\u{FEFE}', '\n', '\t', '\u{a0}', '😀',
        ];
        // Every place around the 64-byte chunks, after one- and multi-byte letters.
        for filler in ["x", "ø", "–"] {
            for before in [0, 1, 20, 62, 63, 64, 65, 127, 128] {
                let start: String = filler.repeat(before);
                for c in harmless {
                    let text = format!("{start}{c}tail");
                    assert!(!has_hidden(&text), "{text:?}");
                }
                for c in hidden {
                    let text = format!("{start}{c}tail");
                    assert!(has_hidden(&text), "{text:?}");
                }
            }
        }
    }

    #[test]
    fn stored_text_keeps_no_controls() {
        assert_eq!(single_line("  \u{1b}[2J\u{7}  "), "[2J");
        assert_eq!(single_line("\u{1b}\u{7}\u{202E}"), "");
        assert_eq!(single_line("a\nb\u{200B}c"), "a b c");
        assert_eq!(
            multi_line("one\r\ntwo\u{1b}]52;c;x\u{7}\rthree \n"),
            "one\ntwo]52;c;x\nthree"
        );
        assert_eq!(multi_line("tab\there"), "tab\there");
    }
}
