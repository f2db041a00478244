//! Dates, numbers and tag lists as people write and read them. Forms, `tiltak set`, CSV and
//! workbook import, the report and the screen all parse and format through here, so a value
//! typed in one place is read the same way everywhere. Nothing here knows a language or a
//! screen; callers turn the errors into catalogue messages.

use jiff::civil::Date;

/// The text is not a date in any accepted notation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadDate;

/// The text is not a number the field takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BadNumber;

/// `YYYY-MM-DD`, or day first as Norwegians and Excel write it: `31.03.2027`, `31.03.27`,
/// `1.3.2027`. A two-digit year is in this century. Empty means no date.
pub fn parse_date(text: &str) -> Result<Option<Date>, BadDate> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Ok(date) = text.parse::<Date>() {
        return Ok(Some(date));
    }
    let parts: Vec<&str> = text.split('.').collect();
    let [d, m, y] = parts[..] else {
        return Err(BadDate);
    };
    let all_digits = |s: &str| !s.is_empty() && s.len() <= 2 && s.bytes().all(|b| b.is_ascii_digit());
    if !all_digits(d) || !all_digits(m) || !y.bytes().all(|b| b.is_ascii_digit()) {
        return Err(BadDate);
    }
    let year: i16 = match y.len() {
        2 => 2000 + y.parse::<i16>().map_err(|_| BadDate)?,
        4 => y.parse().map_err(|_| BadDate)?,
        _ => return Err(BadDate),
    };
    let (Ok(day), Ok(month)) = (d.parse::<i8>(), m.parse::<i8>()) else {
        return Err(BadDate);
    };
    Date::new(year, month, day).map(Some).map_err(|_| BadDate)
}

/// Spaces of every kind a spreadsheet puts between digit groups.
fn is_group_space(c: char) -> bool {
    c.is_whitespace() || matches!(c, '\u{a0}' | '\u{202f}' | '\u{2009}')
}

/// `1 234`, `1.234.567` (dots between groups of three) or plain digits → the number.
fn grouped_digits(text: &str) -> Option<u64> {
    if text.is_empty() || !text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        return None;
    }
    if text.contains('.') {
        let mut groups = text.split('.');
        let first = groups.next()?;
        if first.is_empty() || first.len() > 3 || groups.any(|g| g.len() != 3) {
            return None;
        }
    }
    text.replace('.', "").parse().ok()
}

/// An amount in whole kroner as people and Excel write it: `250000`, `1 234 567`,
/// `1 234 567,00`, `kr 900 000`, `900 000 kr`, `900 000,-`. Empty means no amount. Øre other
/// than zero are refused rather than rounded.
pub fn parse_amount(text: &str) -> Result<Option<u64>, BadNumber> {
    let compact: String = text.chars().filter(|c| !is_group_space(*c)).collect();
    let lower = compact.to_lowercase();
    let mut rest = lower.as_str();
    for unit in ["kr.", "kr", "nok"] {
        if let Some(stripped) = rest.strip_prefix(unit) {
            rest = stripped;
        } else if let Some(stripped) = rest.strip_suffix(unit) {
            rest = stripped;
        }
    }
    let rest = rest.strip_suffix(",-").unwrap_or(rest);
    if rest.is_empty() {
        return if compact.is_empty() { Ok(None) } else { Err(BadNumber) };
    }
    let (whole, fraction) = match rest.rsplit_once(',') {
        Some((whole, fraction)) => (whole, Some(fraction)),
        // A single dot followed by other than three digits is a decimal point ("1234.00").
        None => match rest.rsplit_once('.') {
            Some((whole, fraction)) if fraction.len() != 3 && !whole.contains('.') => (whole, Some(fraction)),
            _ => (rest, None),
        },
    };
    if let Some(fraction) = fraction
        && (fraction.is_empty() || !fraction.bytes().all(|b| b == b'0'))
    {
        return Err(BadNumber);
    }
    grouped_digits(whole).map(Some).ok_or(BadNumber)
}

/// A score from 1 to 5; Excel may write it as `4,0` or `4.0`. Empty means not set.
pub fn parse_one_to_five(text: &str) -> Result<Option<u8>, BadNumber> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    let whole = match text.split_once([',', '.']) {
        Some((whole, fraction)) if !fraction.is_empty() && fraction.bytes().all(|b| b == b'0') => whole,
        Some(_) => return Err(BadNumber),
        None => text,
    };
    whole
        .parse::<u8>()
        .ok()
        .filter(|v| (1..=5).contains(v))
        .map(Some)
        .ok_or(BadNumber)
}

/// Yes or no as people write it in either language (`ja`, `x`, `yes`, `nei`, empty is no).
pub fn parse_yes_no(text: &str) -> Option<bool> {
    match text.trim().to_lowercase().as_str() {
        "ja" | "yes" | "true" | "1" | "x" | "j" | "y" => Some(true),
        "nei" | "no" | "false" | "0" | "" | "n" => Some(false),
        _ => None,
    }
}

/// 1250000 → "1 250 000", as amounts are written in Norway.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

/// Tags separated by `, `. A tag that holds a comma or starts with `"` is written in double
/// quotes, with a `"` inside doubled: `skole, "Oslo, Bærum"`. [`parse_tags`] reads it back.
pub fn tags_text(tags: &[String]) -> String {
    tags.iter()
        .map(|tag| {
            if tag.contains(',') || tag.starts_with('"') {
                format!("\"{}\"", tag.replace('"', "\"\""))
            } else {
                tag.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Tags as [`tags_text`] writes them (and as people type them): split on commas outside
/// double quotes, trimmed, empty ones dropped. A `+` or `-` before the quotes is kept.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags = Vec::new();
    let mut current = String::new();
    let mut quoted = false;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '"' if quoted && chars.peek() == Some(&'"') => {
                chars.next();
                current.push('"');
            }
            '"' if quoted => quoted = false,
            // A sign before the quotes (`+"Oslo, Bærum"`, as `tiltak set` takes it) stays.
            '"' if matches!(current.trim(), "" | "+" | "-") => {
                current = current.trim().to_string();
                quoted = true;
            }
            ',' if !quoted => tags.push(std::mem::take(&mut current)),
            c => current.push(c),
        }
    }
    tags.push(current);
    tags.into_iter()
        .map(|t| t.trim().to_string())
        .filter(|t| !t.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;

    #[test]
    fn dates_in_every_notation_a_spreadsheet_writes() {
        assert_eq!(parse_date("2027-03-31"), Ok(Some(date(2027, 3, 31))));
        assert_eq!(parse_date("31.03.2027"), Ok(Some(date(2027, 3, 31))));
        assert_eq!(parse_date(" 31.03.27 "), Ok(Some(date(2027, 3, 31))));
        assert_eq!(parse_date("1.3.2027"), Ok(Some(date(2027, 3, 1))));
        assert_eq!(parse_date("  "), Ok(None));
        for bad in [
            "2027-02-30",
            "31.13.2027",
            "neste uke",
            "31.03.207",
            "03/12",
            "1.2.3.4",
            "+1.03.2027",
        ] {
            assert_eq!(parse_date(bad), Err(BadDate), "{bad}");
        }
    }

    #[test]
    fn amounts_as_norwegian_excel_writes_them() {
        for (text, n) in [
            ("250000", 250_000),
            ("1 234 567", 1_234_567),
            ("1\u{a0}234\u{a0}567,00", 1_234_567),
            ("kr 900 000", 900_000),
            ("900 000 kr", 900_000),
            ("Kr 900 000,-", 900_000),
            ("1.234.567", 1_234_567),
            ("1234.00", 1234),
            ("NOK 12", 12),
        ] {
            assert_eq!(parse_amount(text), Ok(Some(n)), "{text}");
        }
        assert_eq!(parse_amount(" "), Ok(None));
        for bad in ["kr", "1 234,50", "12.34.567", "mye", "-5", "1,2,3", "1.5"] {
            assert_eq!(parse_amount(bad), Err(BadNumber), "{bad}");
        }
    }

    #[test]
    fn scores_accept_a_zero_decimal() {
        assert_eq!(parse_one_to_five("4"), Ok(Some(4)));
        assert_eq!(parse_one_to_five("4,0"), Ok(Some(4)));
        assert_eq!(parse_one_to_five("4.00"), Ok(Some(4)));
        assert_eq!(parse_one_to_five(""), Ok(None));
        for bad in ["4,5", "0", "6", "fire", "4,"] {
            assert_eq!(parse_one_to_five(bad), Err(BadNumber), "{bad}");
        }
    }

    #[test]
    fn thousands_are_grouped_with_spaces() {
        assert_eq!(group_thousands(1_250_000), "1 250 000");
        assert_eq!(group_thousands(999), "999");
        assert_eq!(group_thousands(1000), "1 000");
    }

    #[test]
    fn a_tag_with_a_comma_survives_the_round_trip() {
        let tags: Vec<String> = ["skole", "Oslo, Bærum", "\"sitat\"", "KI"].map(String::from).to_vec();
        let text = tags_text(&tags);
        assert_eq!(text, r#"skole, "Oslo, Bærum", """sitat""", KI"#);
        assert_eq!(parse_tags(&text), tags);
        assert_eq!(parse_tags(" a ,, b,"), vec!["a", "b"]);
        assert_eq!(parse_tags(r#"a "b" c"#), vec![r#"a "b" c"#]);
        assert_eq!(parse_tags(r#"+"Oslo, Bærum", -KI"#), vec!["+Oslo, Bærum", "-KI"]);
    }
}
