//! The fallback when no record matches a query word for word: each word's letters in order
//! inside the title or inside one facet (owner, tag, sector, priority), scored by skim
//! (contiguous runs and word starts score higher). `barnehge` still finds *barnehage*. The
//! description is left out: its letters in order match almost any word.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::keys::FACET_SEPARATOR;
use super::query::{Fields, Hit, Place};

pub(super) struct Fuzzy {
    skim: SkimMatcherV2,
}

impl Default for Fuzzy {
    fn default() -> Fuzzy {
        // Both sides are already folded to lower case, so case must not be guessed again.
        Fuzzy {
            skim: SkimMatcherV2::default().respect_case(),
        }
    }
}

fn is_subsequence(word: &str, text: &str) -> bool {
    let mut chars = text.chars();
    word.chars().all(|w| chars.any(|t| t == w))
}

impl Fuzzy {
    fn score(&self, word: &str, text: &str) -> Option<i64> {
        if !is_subsequence(word, text) {
            return None;
        }
        self.skim.fuzzy_match(text, word)
    }

    /// The best place `word` matches in: the title, else the best single facet (a word never
    /// spreads across two facets). A higher skim score is a tighter match.
    pub(super) fn hit(&self, word: &str, fields: &Fields) -> Option<Hit> {
        let hit = |place, score: i64| Hit {
            place,
            loose: -score,
            late: 0,
        };
        if let Some(score) = self.score(word, fields.title) {
            return Some(hit(Place::Title, score));
        }
        if !is_subsequence(word, fields.facets) {
            return None;
        }
        fields
            .facets
            .split(FACET_SEPARATOR)
            .filter_map(|facet| self.score(word, facet))
            .max()
            .map(|score| hit(Place::Facets, score))
    }

    /// The chars of `text` a fuzzy match of `word` uses.
    pub(super) fn indices(&self, word: &str, text: &str) -> Vec<usize> {
        self.skim
            .fuzzy_indices(text, word)
            .map(|(_, indices)| indices)
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields<'a>(title: &'a str, facets: &'a str) -> Fields<'a> {
        Fields {
            id: None,
            title,
            facets,
            description: "",
        }
    }

    #[test]
    fn typos_match_the_title_or_one_facet_never_across_two() {
        let fuzzy = Fuzzy::default();
        let f = fields("sky", "oppvekst skole | digitalt forstevalg");
        assert!(
            fuzzy.hit("ostre", &f).is_none(),
            "o-s-t from one facet, r-e from the other"
        );
        assert_eq!(fuzzy.hit("dgtl", &f).map(|h| h.place), Some(Place::Facets));
        let title = fields("digital soknad om barnehageplass", "");
        assert_eq!(fuzzy.hit("barnehge", &title).map(|h| h.place), Some(Place::Title));
        assert!(fuzzy.hit("skole", &title).is_none());
    }

    #[test]
    fn a_tighter_match_scores_better() {
        let fuzzy = Fuzzy::default();
        let tight = fuzzy.hit("barnehge", &fields("barnehage", "")).unwrap();
        let loose = fuzzy.hit("barnehge", &fields("barn og helse i hagen", "")).unwrap();
        assert!(tight.loose < loose.loose);
    }
}
