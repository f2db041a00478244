//! The fallback when no record matches a query word for word: each word's letters in order
//! inside the title or inside one facet (owner, tag, sector, priority), so `barnehge` still
//! finds *barnehage*. The tighter the letters sit (fewer other letters between them) and the
//! nearer a word start they begin, the better. The description is left out: its letters in
//! order match almost any word.

use super::keys::FACET_SEPARATOR;
use super::query::{Fields, Hit, Place};

/// The shortest stretch `text[start..end]` holding `word`'s items in order.
fn tightest<T: PartialEq>(word: &[T], text: &[T]) -> Option<(usize, usize)> {
    let first = word.first()?;
    // Where the rest of `word` ends when taken greedily from `start` on.
    let end_from = |start: usize| {
        word[1..].iter().try_fold(start + 1, |at, w| {
            Some(at + text.get(at..)?.iter().position(|t| t == w)? + 1)
        })
    };
    let mut best: Option<(usize, usize)> = None;
    for start in (0..text.len()).filter(|i| text[*i] == *first) {
        let Some(at) = end_from(start) else {
            break; // a later start cannot find what this one could not
        };
        if best.is_none_or(|(s, e)| at - start < e - s) {
            best = Some((start, at));
        }
        if at - start == word.len() {
            break; // cannot be tighter
        }
    }
    best
}

/// How loosely `word` sits in `text` (lower is tighter), if its letters are there in order.
fn looseness(word: &str, text: &str) -> Option<i64> {
    let (start, end) = tightest(word.as_bytes(), text.as_bytes())?;
    let gaps = (end - start - word.len()) as i64;
    let at_word_start = text.as_bytes()[..start]
        .last()
        .is_none_or(|b| !b.is_ascii_alphanumeric());
    Some(2 * gaps + i64::from(!at_word_start))
}

/// The best place `word` matches in: the title, else the tightest single facet (a word never
/// spreads across two facets).
pub(super) fn hit(word: &str, fields: &Fields) -> Option<Hit> {
    let hit = |place, loose| Hit { place, loose, late: 0 };
    if let Some(loose) = looseness(word, fields.title) {
        return Some(hit(Place::Title, loose));
    }
    fields
        .facets
        .split(FACET_SEPARATOR)
        .filter_map(|facet| looseness(word, facet))
        .min()
        .map(|loose| hit(Place::Facets, loose))
}

/// The chars of `text` the tightest fuzzy match of `word` uses.
pub(super) fn indices(word: &str, text: &str) -> Vec<usize> {
    let word: Vec<char> = word.chars().collect();
    let text: Vec<char> = text.chars().collect();
    let Some((start, _)) = tightest(&word, &text) else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(word.len());
    let mut at = start;
    for w in &word {
        while text.get(at).is_some_and(|t| t != w) {
            at += 1;
        }
        out.push(at);
        at += 1;
    }
    out
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
        let f = fields("sky", "oppvekst skole | digitalt forstevalg");
        assert!(hit("ostre", &f).is_none(), "o-s-t from one facet, r-e from the other");
        assert_eq!(hit("dgtl", &f).map(|h| h.place), Some(Place::Facets));
        let title = fields("digital soknad om barnehageplass", "");
        assert_eq!(hit("barnehge", &title).map(|h| h.place), Some(Place::Title));
        assert!(hit("skole", &title).is_none());
    }

    #[test]
    fn a_tighter_match_scores_better() {
        let tight = hit("barnehge", &fields("barnehage", "")).unwrap();
        let loose = hit("barnehge", &fields("barn og helse i hagen", "")).unwrap();
        assert!(tight.loose < loose.loose);
        let inside = hit("hage", &fields("barnehage", "")).unwrap();
        let start = hit("hage", &fields("hage", "")).unwrap();
        assert!(start.loose < inside.loose, "a word start is tighter");
    }

    #[test]
    fn highlights_use_the_tightest_letters() {
        // "bad" could take the b of "barn" and letters much later; the tightest is "bad" itself.
        assert_eq!(indices("bad", "barn i bad"), [7, 8, 9]);
        assert_eq!(indices("bnhg", "barnehage"), [0, 3, 5, 7]);
        assert!(indices("xyz", "barnehage").is_empty());
    }
}
