//! A measure's links as people write them (`Saken i arkivet | https://…`, one per line), the
//! case number turned into a link by the settings' template, and which addresses may be opened.

use super::model::{Link, Measure, Settings};

/// `label | url`, or only the url when there is no label.
pub fn link_text(link: &Link) -> String {
    if link.label.trim().is_empty() {
        link.url.clone()
    } else {
        format!("{} | {}", link.label, link.url)
    }
}

/// One link per line.
pub fn links_text(links: &[Link]) -> String {
    links.iter().map(link_text).collect::<Vec<_>>().join("\n")
}

/// `label | url` or a bare url; `None` for a blank line.
pub fn parse_link(text: &str) -> Option<Link> {
    let (label, url) = match text.split_once('|') {
        Some((label, url)) => (label.trim(), url.trim()),
        None => ("", text.trim()),
    };
    (!url.is_empty()).then(|| Link {
        label: label.to_string(),
        url: url.to_string(),
    })
}

/// One link per line; blank lines are skipped.
pub fn parse_links(text: &str) -> Vec<Link> {
    text.lines().filter_map(parse_link).collect()
}

/// The placeholder a case URL template holds.
pub const CASE_PLACEHOLDER: &str = "{case}";

/// A case-link template holds the placeholder and points at a web page.
pub fn is_case_template(template: &str) -> bool {
    let lower = template.trim().to_ascii_lowercase();
    lower.contains(CASE_PLACEHOLDER) && ["http://", "https://"].iter().any(|scheme| lower.starts_with(scheme))
}

/// The case number as a link through the settings' template, when both are there.
pub fn case_link(settings: &Settings, measure: &Measure) -> Option<Link> {
    let template = settings.case_url_template.as_deref()?.trim();
    let case = measure.political.case_number.as_deref()?.trim();
    if case.is_empty() || !is_case_template(template) {
        return None;
    }
    let encoded: String = case
        .chars()
        .map(|c| match c {
            'A'..='Z' | 'a'..='z' | '0'..='9' | '-' | '_' | '.' | '~' | '/' => c.to_string(),
            other => other.to_string().bytes().map(|b| format!("%{b:02X}")).collect(),
        })
        .collect();
    Some(Link {
        label: case.to_string(),
        url: template.replace(CASE_PLACEHOLDER, &encoded),
    })
}

/// The measure's own links, then its case link.
pub fn all_links(settings: &Settings, measure: &Measure) -> Vec<Link> {
    measure
        .links
        .iter()
        .cloned()
        .chain(case_link(settings, measure))
        .collect()
}

/// Only web pages, e-mail and local files are handed to the system's opener; anything else
/// (`javascript:`, a program's own scheme, a bare path) could run something.
pub fn may_open(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:", "file://"]
        .iter()
        .any(|scheme| lower.starts_with(scheme) && lower.len() > scheme.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn links_read_back_as_written() {
        let links = parse_links("Saken | https://sak.example.no/1\n\n  https://teams.example/x  \n");
        assert_eq!(
            links,
            [
                Link {
                    label: "Saken".into(),
                    url: "https://sak.example.no/1".into()
                },
                Link {
                    label: String::new(),
                    url: "https://teams.example/x".into()
                }
            ]
        );
        assert_eq!(parse_links(&links_text(&links)), links);
        assert_eq!(parse_link("Tom | "), None);
    }

    #[test]
    fn only_web_mail_and_file_addresses_may_be_opened() {
        for ok in ["https://a.no", "HTTP://a.no", "mailto:kari@a.no", "file:///tmp/x.pdf"] {
            assert!(may_open(ok), "{ok}");
        }
        for refused in [
            "javascript:alert(1)",
            "ms-word:ofe|u|x",
            "/etc/passwd",
            "https://",
            "sak 22/123",
        ] {
            assert!(!may_open(refused), "{refused}");
        }
    }

    #[test]
    fn the_case_number_becomes_a_link_through_the_template() {
        let mut settings = Settings::default();
        let mut m: Measure = serde_json::from_str(
            r#"{"id":"T-1","title":"x","status":"idea","created":"2026-01-01T00:00:00Z","updated":"2026-01-01T00:00:00Z","political":{"needed":true,"case_number":"22/1234 B"}}"#,
        )
        .unwrap();
        assert_eq!(case_link(&settings, &m), None);
        settings.case_url_template = Some("https://sak.example.no/sak/{case}".into());
        assert_eq!(
            case_link(&settings, &m).unwrap().url,
            "https://sak.example.no/sak/22/1234%20B"
        );
        // The settings form's rule holds for a hand-edited file too: a web address with {case}.
        settings.case_url_template = Some("javascript:alert('{case}')".into());
        assert_eq!(case_link(&settings, &m), None);
        settings.case_url_template = Some("https://sak.example.no/sak/".into());
        assert_eq!(case_link(&settings, &m), None);
        settings.case_url_template = Some("HTTPS://sak.example.no/{case}".into());
        m.political.case_number = None;
        assert_eq!(case_link(&settings, &m), None);
    }
}
