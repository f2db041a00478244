//! Getting data out of (and back into) the backlog: CSV for Excel, a Markdown status report,
//! meeting minutes, the HTML status page.

pub mod agenda;
pub mod csv;
pub mod fields;
// issue 16: glossary
pub mod glossary;
pub mod html;
pub mod import;
pub mod markdown;
pub mod minutes;
pub mod xlsx;

pub use crate::markup::md_escape;

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

/// Several lines of user text as one Markdown block inside a list item: each line escaped (so
/// one that would start a list, heading or quote stays text), blank lines dropped (they would
/// end the item), lines joined by hard breaks with `indent` before each continuation.
pub fn md_block(text: &str, indent: &str) -> String {
    text.lines()
        .map(|line| line.trim())
        .filter(|line| !line.is_empty())
        .map(md_escape)
        .collect::<Vec<_>>()
        .join(&format!("\\\n{indent}"))
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
}
