//! Glossary terms in running text: where a term or one of its synonyms appears in a measure's
//! title or description. Words are compared after the same folding as search, and a text word
//! that starts with the term's word counts (inflections and compounds: *tjenestedesignen* and
//! *tjenestedesignmetodikk* both find *tjenestedesign*). Words shorter than
//! [`PREFIX_FROM`] letters must match whole, so `KI` does not find *kirke*.

use std::ops::Range;

use super::fold::fold;
use crate::domain::{Backlog, Measure, TermId, TermStatus};

/// Shorter term words match only whole words.
const PREFIX_FROM: usize = 4;

/// A term found in a text: which term, and the chars of the original text it covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TermHit {
    pub term: TermId,
    pub chars: Range<usize>,
}

/// The glossary's names (terms and synonyms) split into folded words, longest names first so
/// "digital modenhet" wins over "digital" where both fit.
#[derive(Debug, Default)]
pub struct TermMatcher {
    names: Vec<(TermId, Vec<String>)>,
}

/// The words of `text` as (folded word, char range in the original).
fn words(text: &str) -> Vec<(String, Range<usize>)> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut word = String::new();
    let mut count = 0;
    for (index, c) in text.chars().enumerate() {
        count = index + 1;
        if c.is_alphanumeric() {
            start.get_or_insert(index);
            word.push(c);
        } else if let Some(from) = start.take() {
            out.push((fold(&word), from..index));
            word.clear();
        }
    }
    if let Some(from) = start {
        out.push((fold(&word), from..count));
    }
    out
}

fn word_matches(text_word: &str, term_word: &str) -> bool {
    if term_word.chars().count() < PREFIX_FROM {
        text_word == term_word
    } else {
        text_word.starts_with(term_word)
    }
}

impl TermMatcher {
    /// Every name of every term still in use (retired terms are left out).
    pub fn new(backlog: &Backlog) -> TermMatcher {
        let mut names: Vec<(TermId, Vec<String>)> = backlog
            .glossary
            .iter()
            .filter(|t| t.status != TermStatus::Retired)
            .flat_map(|t| t.names().map(move |name| (t.id, name)))
            .map(|(id, name)| (id, words(name).into_iter().map(|(w, _)| w).collect::<Vec<_>>()))
            .filter(|(_, words)| !words.is_empty())
            .collect();
        names.sort_by_key(|(_, words)| std::cmp::Reverse(words.len()));
        TermMatcher { names }
    }

    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }

    /// The terms in `text`, left to right, never overlapping; each covers whole text words.
    pub fn find(&self, text: &str) -> Vec<TermHit> {
        if self.names.is_empty() {
            return Vec::new();
        }
        let words = words(text);
        let mut hits = Vec::new();
        let mut at = 0;
        while at < words.len() {
            let found = self.names.iter().find(|(_, name)| {
                at + name.len() <= words.len()
                    && name
                        .iter()
                        .zip(&words[at..])
                        .all(|(term_word, (text_word, _))| word_matches(text_word, term_word))
            });
            match found {
                Some((term, name)) => {
                    let last = at + name.len() - 1;
                    hits.push(TermHit {
                        term: *term,
                        chars: words[at].1.start..words[last].1.end,
                    });
                    at = last + 1;
                }
                None => at += 1,
            }
        }
        hits
    }

    /// The distinct terms in a measure's title and description, in order of first appearance.
    pub fn terms_of(&self, measure: &Measure) -> Vec<TermId> {
        self.terms_in([measure.title.as_str(), measure.description.as_str()])
    }

    /// The distinct terms found in any of `texts`, in order of first appearance.
    pub fn terms_in<'a>(&self, texts: impl IntoIterator<Item = &'a str>) -> Vec<TermId> {
        let mut out: Vec<TermId> = Vec::new();
        for text in texts {
            for hit in self.find(text) {
                if !out.contains(&hit.term) {
                    out.push(hit.term);
                }
            }
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::TermDraft;

    fn glossary(terms: &[(&str, &[&str], TermStatus)]) -> Backlog {
        let mut backlog = Backlog::new("Test", &[]);
        for (term, synonyms, status) in terms {
            let draft = TermDraft {
                term: term.to_string(),
                synonyms: synonyms.iter().map(|s| s.to_string()).collect(),
                status: *status,
                ..TermDraft::default()
            };
            backlog.add_term(draft, jiff::civil::date(2026, 1, 1)).unwrap();
        }
        backlog
    }

    fn found(backlog: &Backlog, text: &str) -> Vec<(String, String)> {
        TermMatcher::new(backlog)
            .find(text)
            .into_iter()
            .map(|hit| {
                let words: String = text.chars().skip(hit.chars.start).take(hit.chars.len()).collect();
                (hit.term.to_string(), words)
            })
            .collect()
    }

    #[test]
    fn inflected_compound_and_folded_forms_are_found() {
        let backlog = glossary(&[
            ("tjenestedesign", &[], TermStatus::Agreed),
            ("Digital modenhet", &[], TermStatus::Proposed),
        ]);
        assert_eq!(
            found(&backlog, "Bruk TJENESTEDESIGNEN og digitale modenheten i Bærum."),
            [
                ("B-1".to_string(), "TJENESTEDESIGNEN".to_string()),
                ("B-2".to_string(), "digitale modenheten".to_string()),
            ]
        );
        assert_eq!(found(&backlog, "design av tjenester"), []);
    }

    #[test]
    fn synonyms_count_and_retired_terms_do_not() {
        let backlog = glossary(&[
            ("Felles begrepsapparat", &["felles språk"], TermStatus::Agreed),
            ("Silo", &[], TermStatus::Retired),
        ]);
        assert_eq!(
            found(&backlog, "Et felles språk bryter siloer"),
            [("B-1".to_string(), "felles språk".to_string())]
        );
    }

    #[test]
    fn short_words_match_only_whole_and_the_longest_name_wins() {
        let backlog = glossary(&[
            ("KI", &[], TermStatus::Agreed),
            ("digital", &[], TermStatus::Agreed),
            ("digital transformasjon", &[], TermStatus::Agreed),
        ]);
        assert_eq!(found(&backlog, "kirken"), []);
        assert_eq!(
            found(&backlog, "KI i digital transformasjon, digitalt"),
            [
                ("B-1".to_string(), "KI".to_string()),
                ("B-3".to_string(), "digital transformasjon".to_string()),
                ("B-2".to_string(), "digitalt".to_string()),
            ]
        );
        let ids = TermMatcher::new(&backlog).terms_in(["digitalt", "KI og digital"]);
        assert_eq!(ids.iter().map(|t| t.to_string()).collect::<Vec<_>>(), ["B-2", "B-1"]);
    }
}
