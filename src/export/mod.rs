//! Getting data out of (and back into) the backlog: CSV for Excel, a Markdown status report,
//! meeting minutes, the HTML status page.

pub mod agenda;
pub mod csv;
pub mod html;
pub mod import;
pub mod markdown;
pub mod minutes;

/// A file-name-safe slug: lower case ASCII letters and digits joined by `-`, with æ, ø, å
/// spelled out so Norwegian titles stay readable ("Toppledermøte" → "toppledermote").
pub fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.to_lowercase().chars() {
        let piece: &str = match c {
            'æ' => "ae",
            'ø' => "o",
            'å' => "a",
            'ä' => "a",
            'ö' => "o",
            'ü' => "u",
            'é' | 'è' | 'ê' => "e",
            c if c.is_ascii_alphanumeric() => {
                out.push(c);
                continue;
            }
            _ => "-",
        };
        out.push_str(piece);
    }
    let parts: Vec<&str> = out.split('-').filter(|p| !p.is_empty()).collect();
    let joined = parts.join("-");
    let cut: String = joined.chars().take(60).collect();
    let cut = cut.trim_end_matches('-').to_string();
    if cut.is_empty() { "mote".to_string() } else { cut }
}

/// Escapes the characters Markdown would read as formatting, so titles and notes are shown as
/// typed.
pub fn md_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Several lines of user text as one Markdown block inside a list item: each line escaped, a
/// line that would start a list, heading or quote made literal, blank lines dropped (they would
/// end the item), lines joined by hard breaks with `indent` before each continuation.
pub fn md_block(text: &str, indent: &str) -> String {
    text.lines()
        .map(str::trim_end)
        .filter(|line| !line.trim().is_empty())
        .map(md_line)
        .collect::<Vec<_>>()
        .join(&format!("\\\n{indent}"))
}

/// One line escaped so it cannot start a block: `- `, `+ `, `1. ` and `=`/`-` underlines stay text.
fn md_line(line: &str) -> String {
    let trimmed = line.trim_start();
    let escaped = md_escape(trimmed);
    let digits = escaped.chars().take_while(char::is_ascii_digit).count();
    let after_digits = escaped[digits..].chars().next();
    if escaped.starts_with(['-', '+', '=']) {
        format!("\\{escaped}")
    } else if digits > 0 && matches!(after_digits, Some('.' | ')')) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else {
        escaped
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_and_readable() {
        assert_eq!(
            slug("Toppledermøte – digital transformasjon"),
            "toppledermote-digital-transformasjon"
        );
        assert_eq!(slug("Økonomi & Ærlighet på Åsen!"), "okonomi-aerlighet-pa-asen");
        assert_eq!(slug("🚀"), "mote");
    }

    #[test]
    fn blocks_keep_line_starts_literal() {
        assert_eq!(
            md_block(
                "Første\n- ikke en liste\n\n# ikke overskrift\n2. ikke nummerert",
                "    "
            ),
            "Første\\\n    \\- ikke en liste\\\n    \\# ikke overskrift\\\n    2\\. ikke nummerert"
        );
    }

    #[test]
    fn markdown_specials_are_escaped() {
        assert_eq!(md_escape("a*b_c #1 | x"), "a\\*b\\_c \\#1 \\| x");
    }
}
