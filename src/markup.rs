//! User text for Markdown readers: escaped so that a title, a name or a note is shown as typed
//! and never becomes markup (HTML, links, emphasis, headings, lists). Below export and insight,
//! which both write Markdown.

/// Characters CommonMark (and GitHub's and pandoc's extensions) read as inline markup. A
/// backslash before ASCII punctuation always shows the character itself, so escaping one that
/// would not have been markup is harmless.
const INLINE: &[char] = &[
    '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '&', '~', '!', '$', '^',
];

/// Escapes `text` for use anywhere in a Markdown line, including its start: a line of the text
/// that would open a list, quote, heading or rule (`- x`, `1. x`, `+ x`, `= x`) is escaped too.
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for (index, line) in text.split('\n').enumerate() {
        if index > 0 {
            out.push('\n');
        }
        let digits = line.chars().take_while(char::is_ascii_digit).count();
        for (i, c) in line.chars().enumerate() {
            let opens_block =
                (i == 0 && matches!(c, '-' | '+' | '=')) || (i == digits && digits > 0 && matches!(c, '.' | ')'));
            if opens_block || INLINE.contains(&c) {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// A line of our own that starts with a number and a dot ("1. Title: …") inside a list item
/// would open a nested ordered list; the dot is escaped so it stays text.
pub fn md_line(line: &str) -> String {
    let digits = line.chars().take_while(char::is_ascii_digit).count();
    match line[digits..].chars().next() {
        Some(c @ ('.' | ')')) if digits > 0 => format!("{}\\{c}{}", &line[..digits], &line[digits + 1..]),
        _ => line.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(md_escape("a*b_c #1 | x"), "a\\*b\\_c \\#1 \\| x");
        assert_eq!(md_escape("<script>&amp;"), "\\<script\\>\\&amp;");
        assert_eq!(md_escape("1. a\n- b\n12) c"), "1\\. a\n\\- b\n12\\) c");
        assert_eq!(md_escape("2024-2025 a-b"), "2024-2025 a-b");
        assert_eq!(md_line("1. Team: 2"), "1\\. Team: 2");
        assert_eq!(md_line("Team 1. x"), "Team 1. x");
    }
}
