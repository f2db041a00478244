//! Fuzzy search over prepared keys. A query is split into words; every word must match the
//! title, the facets (owner, tags, sectors, priorities) or — as a plain substring — the
//! description. Each word counts with its best field: skim's score (contiguous runs and word
//! starts score higher) with a bonus for the title. The description is only looked at when
//! neither title nor facets match (fuzzy over long text matches almost anything).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{Folded, fold};
use super::keys::{FACET_SEPARATOR, MeasureKeys};

/// Added to a title hit: the title is what a person remembers a measure by.
const TITLE_BONUS: i64 = 20;
/// Taken from a description hit: the description is the least specific place to match.
const DESCRIPTION_PENALTY: i64 = 10;

/// One word of a query, with the best score skim could give it (the word matched against
/// itself: contiguous, at a word start).
struct Word {
    text: String,
    best: i64,
}

/// A query folded once, ready to be matched against many keys.
pub struct Query {
    words: Vec<Word>,
    skim: SkimMatcherV2,
}

fn is_subsequence(word: &str, text: &str) -> bool {
    let mut chars = text.chars();
    word.chars().all(|w| chars.any(|t| t == w))
}

/// Where `word` occurs in `text` as a plain substring, preferring an occurrence at a word start.
fn occurrence(text: &str, word: &str) -> Option<usize> {
    let mut first = None;
    for (at, _) in text.match_indices(word) {
        let at_word_start = text[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        if at_word_start {
            return Some(at);
        }
        first = first.or(Some(at));
    }
    first
}

impl Query {
    pub fn new(text: &str) -> Query {
        // Both sides are already folded to lower case, so case must not be guessed again.
        let skim = SkimMatcherV2::default().respect_case();
        let words = fold(text)
            .split_whitespace()
            .map(|w| Word {
                best: skim.fuzzy_match(w, w).unwrap_or(0),
                text: w.to_string(),
            })
            .collect();
        Query { words, skim }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// How well `keys` matches, higher is better; `None` when some word matches nowhere.
    pub fn score(&self, keys: &MeasureKeys) -> Option<i64> {
        let mut total = 0;
        for word in &self.words {
            total += self.word_score(word, keys)?;
        }
        Some(total)
    }

    fn word_score(&self, word: &Word, keys: &MeasureKeys) -> Option<i64> {
        let title = self.word_in(&word.text, &keys.title.text).map(|s| s + TITLE_BONUS);
        if title.is_some_and(|t| t >= word.best) {
            return title; // the facets cannot do better
        }
        // With a scattered title hit, only a clean facet hit can matter; a scattered facet hit
        // is not worth the cost of fuzzy-scoring every facet.
        let facets = match title {
            Some(_) => self.substring_score(&word.text, &keys.facets),
            None => self.facet_score(&word.text, &keys.facets),
        };
        if title.is_some() || facets.is_some() {
            return title.max(facets);
        }
        self.substring_score(&word.text, &keys.description)
            .map(|s| s - DESCRIPTION_PENALTY)
    }

    /// Skim's score of `word` in `text`. A plain substring hit — the usual case — is scored on
    /// the few chars around it, which gives skim's score for that run at a fraction of the cost
    /// of scoring the whole text.
    fn word_in(&self, word: &str, text: &str) -> Option<i64> {
        if let Some(score) = self.substring_score(word, text) {
            return Some(score);
        }
        if !is_subsequence(word, text) {
            return None;
        }
        self.skim.fuzzy_match(text, word)
    }

    /// The best score in one facet: a word matches inside an owner name or a sector name, never
    /// spread across two of them.
    fn facet_score(&self, word: &str, facets: &str) -> Option<i64> {
        if let Some(score) = self.substring_score(word, facets) {
            return Some(score);
        }
        if !is_subsequence(word, facets) {
            return None;
        }
        facets
            .split(FACET_SEPARATOR)
            .filter(|facet| is_subsequence(word, facet))
            .filter_map(|facet| self.skim.fuzzy_match(facet, word))
            .max()
    }

    fn substring_score(&self, word: &str, text: &str) -> Option<i64> {
        let at = occurrence(text, word)?;
        let from = text[..at].char_indices().next_back().map_or(0, |(i, _)| i);
        self.skim.fuzzy_match(&text[from..at + word.len()], word)
    }

    /// Score of plain text (a name or a title) folded by the caller, for the smaller lists.
    pub fn score_text(&self, folded: &str) -> Option<i64> {
        let mut total = 0;
        for word in &self.words {
            total += self.word_in(&word.text, folded)?;
        }
        Some(total)
    }

    /// Which chars of the original title to highlight: the matched chars in the folded title
    /// (the substring hit, else skim's positions), mapped back to the original's chars.
    pub fn title_highlights(&self, title: &Folded) -> Vec<usize> {
        let mut folded: Vec<usize> = Vec::new();
        for word in &self.words {
            if let Some(at) = occurrence(&title.text, &word.text) {
                let start = title.text[..at].chars().count();
                folded.extend(start..start + word.text.chars().count());
            } else if let Some((_, indices)) = self.skim.fuzzy_indices(&title.text, &word.text) {
                folded.extend(indices);
            }
        }
        folded.sort_unstable();
        folded.dedup();
        title.original_indices(&folded)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Backlog, MeasureDraft, OwnerDraft};
    use crate::search::SearchKeys;
    use crate::search::fold::fold_mapped;

    fn backlog() -> Backlog {
        let mut b = Backlog::new("t", &["Oppvekst skole", "Helse og omsorg"]);
        let (owner, _) = b
            .add_owner(OwnerDraft {
                name: "Kari Østby".into(),
                role: String::new(),
                sector: None,
            })
            .unwrap();
        let now = "2026-11-29T12:00:00Z".parse().unwrap();
        for (title, description, sectors, owner) in [
            ("Digital skolestart", "", vec![], None),
            ("Velferdsteknologi i Østre Bærum", "", vec![crate::domain::Id(2)], None),
            (
                "Felles innbyggerportal",
                "Gjelder også skolene i kommunen.",
                vec![],
                None,
            ),
            ("Kompetanseløft for ledere", "", vec![crate::domain::Id(1)], Some(owner)),
            ("Sky-strategi", "", vec![], None),
        ] {
            let mut d = MeasureDraft::titled(title);
            d.description = description.into();
            d.sectors = sectors;
            d.owner = owner;
            b.add_measure(d, now).unwrap();
        }
        b
    }

    fn ranked(query: &str) -> Vec<String> {
        let b = backlog();
        let keys = SearchKeys::build(&b);
        let q = Query::new(query);
        let mut hits: Vec<(i64, &str)> = b
            .measures
            .iter()
            .enumerate()
            .filter_map(|(i, m)| q.score(keys.get(i).unwrap()).map(|s| (s, m.title.as_str())))
            .collect();
        hits.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(b.1)));
        hits.into_iter().map(|(_, t)| t.to_string()).collect()
    }

    #[test]
    fn norwegian_letters_match_folded_and_in_any_case() {
        let ost = ranked("ost");
        assert_eq!(ost[0], "Velferdsteknologi i Østre Bærum");
        assert!(
            ost.contains(&"Kompetanseløft for ledere".to_string()),
            "owner Kari Østby: {ost:?}"
        );
        assert_eq!(ranked("baerum"), ["Velferdsteknologi i Østre Bærum"]);
        assert_eq!(ranked("BÆRUM"), ["Velferdsteknologi i Østre Bærum"]);
        assert_eq!(ranked("østre")[0], "Velferdsteknologi i Østre Bærum");
        assert_eq!(ranked("kompetanselOFT"), ["Kompetanseløft for ledere"]);
    }

    #[test]
    fn clean_title_hits_rank_above_facets_above_description_above_scattered_hits() {
        // Title "Digital skolestart", sector "Oppvekst skole" (Kompetanseløft), description
        // "skolene" (Felles innbyggerportal), and last a scattered s-k-o-l-e in
        // "Velferdsteknologi i Østre Bærum".
        assert_eq!(
            ranked("skole"),
            [
                "Digital skolestart",
                "Kompetanseløft for ledere",
                "Felles innbyggerportal",
                "Velferdsteknologi i Østre Bærum"
            ]
        );
    }

    #[test]
    fn every_word_must_match_somewhere() {
        assert_eq!(ranked("kompetanse kari"), ["Kompetanseløft for ledere"]);
        assert!(ranked("kompetanse helse").is_empty());
        assert_eq!(ranked("  ").len(), 5, "a blank query lets everything through");
    }

    #[test]
    fn a_word_matches_inside_one_facet_never_across_two() {
        let keys = MeasureKeys {
            id: crate::domain::Id(1),
            title: fold_mapped("Sky"),
            facets: "oppvekst skole | digitalt forstevalg".into(),
            description: String::new(),
        };
        assert_eq!(
            Query::new("ostre").score(&keys),
            None,
            "o-s-t from one, r-e from the other"
        );
        assert!(Query::new("dgtl").score(&keys).is_some(), "fuzzy inside one facet");
    }

    #[test]
    fn highlights_map_back_through_folding() {
        let title = fold_mapped("Ærlig Østre");
        // "aer" covers "Ær" (two original chars), "ost" covers "Øst".
        assert_eq!(Query::new("aer").title_highlights(&title), [0, 1]);
        assert_eq!(Query::new("ost").title_highlights(&title), [6, 7, 8]);
    }
}
