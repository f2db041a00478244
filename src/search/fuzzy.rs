//! Fuzzy search over prepared keys. A query is split into words; every word must match the
//! title, the facets (owner, tags, sectors, priorities) or — as a plain substring — the
//! description. Each word counts with its best field: skim's score (contiguous runs and word
//! starts score higher) with a bonus for the title. The description is only looked at when
//! neither title nor facets match (fuzzy over long text matches almost anything).

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::fold::{Folded, fold};
use super::keys::MeasureKeys;

/// Added to a title hit: the title is what a person remembers a measure by.
const TITLE_BONUS: i64 = 20;
/// Taken from a description hit: the description is the least specific place to match.
const DESCRIPTION_PENALTY: i64 = 10;

/// A query folded once, ready to be matched against many keys.
pub struct Query {
    words: Vec<String>,
    skim: SkimMatcherV2,
}

impl Query {
    pub fn new(text: &str) -> Query {
        Query {
            words: fold(text).split_whitespace().map(str::to_string).collect(),
            // Both sides are already folded to lower case, so case must not be guessed again.
            skim: SkimMatcherV2::default().respect_case(),
        }
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

    fn word_score(&self, word: &str, keys: &MeasureKeys) -> Option<i64> {
        let title = self.skim.fuzzy_match(&keys.title.text, word).map(|s| s + TITLE_BONUS);
        let facets = self.skim.fuzzy_match(&keys.facets, word);
        if title.is_some() || facets.is_some() {
            return title.max(facets);
        }
        self.description_score(word, &keys.description)
    }

    /// A plain substring hit, scored as skim scores the same run of chars where it stands (so a
    /// hit at a word start counts like one in the title).
    fn description_score(&self, word: &str, description: &str) -> Option<i64> {
        let at = description.find(word)?;
        let from = description[..at].char_indices().last().map_or(0, |(i, _)| i);
        let score = self.skim.fuzzy_match(&description[from..at + word.len()], word)?;
        Some(score - DESCRIPTION_PENALTY)
    }

    /// Score of plain text (a name or a title) folded by the caller, for the smaller lists.
    pub fn score_text(&self, folded: &str) -> Option<i64> {
        let mut total = 0;
        for word in &self.words {
            total += self.skim.fuzzy_match(folded, word)?;
        }
        Some(total)
    }

    /// Which chars of the original title to highlight: skim's matched positions in the folded
    /// title, mapped back to the original's chars.
    pub fn title_highlights(&self, title: &Folded) -> Vec<usize> {
        let mut folded: Vec<usize> = Vec::new();
        for word in &self.words {
            if let Some((_, indices)) = self.skim.fuzzy_indices(&title.text, word) {
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
    fn highlights_map_back_through_folding() {
        let title = fold_mapped("Ærlig Østre");
        // "aer" covers "Ær" (two original chars), "ost" covers "Øst".
        assert_eq!(Query::new("aer").title_highlights(&title), [0, 1]);
        assert_eq!(Query::new("ost").title_highlights(&title), [6, 7, 8]);
    }
}
