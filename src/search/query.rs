//! A query as typed, folded once and matched against many records. Every word of the query
//! must match. A word matches where it is the start of a word (after folding: lower case,
//! æ→ae, ø→o, å→a), so `skole` finds *skolen* and *skolebygg* but not *høyskole*'s middle, and
//! `ki` finds *KI-assistent* but not *kirke*'s neighbours in the middle of words. A word that
//! looks like an id (`T-23`, `t23`, `23`) also matches the record's id. Only when nothing
//! matches this way is the same query matched fuzzily ([`Mode::Fuzzy`]), so typos still find
//! something — and the caller says so.

use memchr::memmem::Finder;

use super::fold::{Folded, fold};
use super::fuzzy;
use crate::domain::Id;

/// How a query was matched.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Words are starts of words (or ids).
    #[default]
    Prefix,
    /// Nothing matched as a prefix: words are letters in order (typos allowed).
    Fuzzy,
}

/// Where a word matched, best first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Place {
    Id,
    Title,
    /// Tags, owner, sectors, priorities, case number.
    Facets,
    Description,
}

/// How well a record matched; lower is better (it sorts first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Rank {
    /// The weakest place any word matched in.
    worst: Place,
    /// Every word's place added up: two title words beat a title word and a tag.
    places: u32,
    /// How much of the matched words the query left out (`skole` in *skolen*: 1), or how
    /// scattered a fuzzy match is.
    loose: i64,
    /// How far into its field each word matched.
    late: u32,
}

impl Rank {
    /// The rank in one number that sorts the same way, for sorting many hits fast. Each part
    /// is capped far beyond what a record holds (a word matched 256 MB into a description, a
    /// thousand places added up): past that, ranks count as equal.
    pub fn bits(self) -> u64 {
        let places = u64::from(self.places.min(0x3ff));
        let loose = (self.loose.clamp(-(1 << 23), (1 << 23) - 1) + (1 << 23)) as u64;
        let late = u64::from(self.late.min(0x0fff_ffff));
        (self.worst as u64) << 62 | places << 52 | loose << 28 | late
    }
}

/// A word that could be an id: `t-23`, `t23` (letter given) or `23` (bare).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct IdWord {
    letter: Option<char>,
    number: u32,
}

impl IdWord {
    fn parse(word: &str) -> Option<IdWord> {
        let mut chars = word.chars();
        let first = chars.clone().next()?;
        let letter = first.is_ascii_alphabetic().then(|| {
            chars.next();
            first
        });
        let digits = chars.as_str();
        let digits = if letter.is_some() {
            digits.strip_prefix('-').unwrap_or(digits)
        } else {
            digits
        };
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(IdWord {
            letter,
            number: digits.parse().ok()?,
        })
    }
}

struct Word {
    text: String,
    finder: Finder<'static>,
    id: Option<IdWord>,
}

/// What a word matched in one record.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    pub place: Place,
    pub loose: i64,
    pub late: u32,
}

/// A record's id as the query sees it: `T-23` is `('t', 23)`.
pub type RecordId = (char, u32);

pub fn record_id<const P: char>(id: Id<P>) -> RecordId {
    (P.to_ascii_lowercase(), id.0)
}

/// A record's searchable text in order of place: the title, then the facets, then the
/// description (each folded; empty when the record has none).
#[derive(Debug, Clone, Copy)]
pub struct Fields<'a> {
    pub id: Option<RecordId>,
    pub title: &'a str,
    pub facets: &'a str,
    pub description: &'a str,
}

/// A record's fields back to back in one text, as the search keys keep them: the title up to
/// `title_end`, the facets up to `facets_end`, then the description.
#[derive(Debug, Clone, Copy)]
pub struct Joined<'a> {
    pub id: Option<RecordId>,
    pub text: &'a str,
    pub title_end: usize,
    pub facets_end: usize,
}

impl<'a> Joined<'a> {
    pub fn fields(&self) -> Option<Fields<'a>> {
        Some(Fields {
            id: self.id,
            title: self.text.get(..self.title_end)?,
            facets: self.text.get(self.title_end..self.facets_end)?,
            description: self.text.get(self.facets_end..)?,
        })
    }

    /// The field `at` lies in: where it starts and ends, and its place.
    fn field_of(&self, at: usize) -> (usize, usize, Place) {
        if at < self.title_end {
            (0, self.title_end, Place::Title)
        } else if at < self.facets_end {
            (self.title_end, self.facets_end, Place::Facets)
        } else {
            (self.facets_end, self.text.len(), Place::Description)
        }
    }
}

/// A query folded once, ready to be matched against many records.
pub struct Query {
    words: Vec<Word>,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

impl Query {
    pub fn new(text: &str) -> Query {
        let words = fold(text)
            .split_whitespace()
            .map(|w| w.trim_matches(|c: char| !is_word_char(c)))
            .filter(|w| !w.is_empty())
            .map(|w| Word {
                finder: Finder::new(w.as_bytes()).into_owned(),
                id: IdWord::parse(w),
                text: w.to_string(),
            })
            .collect();
        Query { words }
    }

    pub fn is_empty(&self) -> bool {
        self.words.is_empty()
    }

    /// The last word could be an id. Such a word matches ids exactly, so a query that grows
    /// from or into one does not only narrow the previous hits.
    pub fn ends_in_id(&self) -> bool {
        self.words.last().is_some_and(|w| w.id.is_some())
    }

    /// How well `fields` match in `mode`; `None` when some word matches nowhere.
    pub fn rank(&self, fields: &Fields, mode: Mode) -> Option<Rank> {
        self.rank_by(|word| match mode {
            Mode::Prefix => prefix_hit(word, fields),
            Mode::Fuzzy => fuzzy::hit(&word.text, fields),
        })
    }

    /// The same as [`Query::rank`] of `joined`'s fields, with one scan of the text per word
    /// instead of one per field (what a keystroke in a long list mostly does).
    pub fn rank_joined(&self, joined: &Joined, mode: Mode) -> Option<Rank> {
        match mode {
            Mode::Prefix => self.rank_by(|word| prefix_hit_joined(word, joined)),
            Mode::Fuzzy => self.rank(&joined.fields()?, mode),
        }
    }

    fn rank_by(&self, hit_of: impl Fn(&Word) -> Option<Hit>) -> Option<Rank> {
        let mut rank = Rank {
            worst: Place::Id,
            places: 0,
            loose: 0,
            late: 0,
        };
        for word in &self.words {
            let hit = hit_of(word)?;
            rank.worst = rank.worst.max(hit.place);
            rank.places += hit.place as u32;
            rank.loose += hit.loose;
            rank.late = rank.late.saturating_add(hit.late);
        }
        Some(rank)
    }

    /// How well a plain text (a name, a title; folded by the caller) matches in `mode`.
    pub fn rank_text(&self, folded: &str, mode: Mode) -> Option<Rank> {
        self.rank(
            &Fields {
                id: None,
                title: folded,
                facets: "",
                description: "",
            },
            mode,
        )
    }

    /// Which chars of the original title to highlight: the matched chars in the folded title
    /// (each word's prefix hit, or the letters a fuzzy match used), mapped back to the
    /// original's chars.
    pub fn title_highlights(&self, title: &Folded, mode: Mode) -> Vec<usize> {
        let mut folded: Vec<usize> = Vec::new();
        for word in &self.words {
            match mode {
                Mode::Prefix => {
                    if let Some(at) = word_start(word, &title.text) {
                        let start = title.text[..at].chars().count();
                        folded.extend(start..start + word.text.chars().count());
                    }
                }
                Mode::Fuzzy => folded.extend(fuzzy::indices(&word.text, &title.text)),
            }
        }
        folded.sort_unstable();
        folded.dedup();
        title.original_indices(&folded)
    }
}

/// Where `word` first occurs in `text` at the start of a word (byte offset).
fn word_start(word: &Word, text: &str) -> Option<usize> {
    word.finder.find_iter(text.as_bytes()).find(|at| {
        text.get(..*at)
            .is_some_and(|before| before.chars().next_back().is_none_or(|c| !is_word_char(c)))
    })
}

/// `word` as the start of a word in `text`: how many chars of that word it left out, and
/// where it is.
fn prefix_in(word: &Word, text: &str, place: Place) -> Option<Hit> {
    let at = word_start(word, text)?;
    let rest = text.get(at + word.text.len()..).unwrap_or("");
    let loose = rest.chars().take_while(|c| is_word_char(*c)).count() as i64;
    Some(Hit {
        place,
        loose,
        late: u32::try_from(at).unwrap_or(u32::MAX),
    })
}

/// What the record's id says about `word`: `Some` when it decides (a hit on the id, or for
/// this kind's id with another number, no hit at all), `None` when the text decides.
fn id_decides(word: &Word, id: Option<RecordId>) -> Option<Option<Hit>> {
    let (wanted, (letter, number)) = (word.id?, id?);
    let id_hit = (wanted.number == number).then_some(Hit {
        place: Place::Id,
        loose: 0,
        late: 0,
    });
    match wanted.letter {
        // `t-23` is this kind's id: the id or nothing.
        Some(l) if l == letter => Some(id_hit),
        // A bare `23` is the id, or else text.
        None if id_hit.is_some() => Some(id_hit),
        _ => None,
    }
}

/// [`prefix_hit`] over fields back to back: the first place `word` starts a word inside one
/// field is the best hit, as the fields lie in order of place.
fn prefix_hit_joined(word: &Word, joined: &Joined) -> Option<Hit> {
    if let Some(decided) = id_decides(word, joined.id) {
        return decided;
    }
    if word.text.len() == 1 {
        // One letter is in most words: short searches per field find its word start sooner.
        return prefix_hit(word, &joined.fields()?);
    }
    let text = joined.text;
    let mut from = 0;
    while let Some(found) = text.as_bytes().get(from..).and_then(|rest| word.finder.find(rest)) {
        let at = from + found;
        let (start, end, place) = joined.field_of(at);
        // No word starts again before the end of the word found in (or the field's end): look
        // on from there, not from the next byte (`s` is in most words, not at their start).
        let rest_of_word = text.get(at..end).map_or(0, |rest| {
            rest.char_indices()
                .find(|(_, c)| !is_word_char(*c))
                .map_or(rest.len(), |(i, _)| i)
        });
        from = at + rest_of_word.max(1);
        let word_end = at + word.text.len();
        if word_end > end {
            continue;
        }
        let starts_word = text
            .get(start..at)
            .is_some_and(|before| before.chars().next_back().is_none_or(|c| !is_word_char(c)));
        if !starts_word {
            continue;
        }
        let rest = text.get(word_end..end).unwrap_or("");
        return Some(Hit {
            place,
            loose: rest.chars().take_while(|c| is_word_char(*c)).count() as i64,
            late: u32::try_from(at - start).unwrap_or(u32::MAX),
        });
    }
    None
}

fn prefix_hit(word: &Word, fields: &Fields) -> Option<Hit> {
    if let Some(decided) = id_decides(word, fields.id) {
        return decided;
    }
    prefix_in(word, fields.title, Place::Title)
        .or_else(|| prefix_in(word, fields.facets, Place::Facets))
        .or_else(|| prefix_in(word, fields.description, Place::Description))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::fold::fold_mapped;

    fn fields<'a>(title: &'a str, facets: &'a str, description: &'a str) -> Fields<'a> {
        Fields {
            id: Some(('t', 23)),
            title,
            facets,
            description,
        }
    }

    #[test]
    fn a_word_matches_only_at_the_start_of_a_word() {
        let f = fields("digital timebestilling pa helsestasjonen", "", "");
        assert!(Query::new("helse").rank(&f, Mode::Prefix).is_some());
        assert!(Query::new("TIME").rank(&f, Mode::Prefix).is_some(), "any case");
        assert!(
            Query::new("bestilling").rank(&f, Mode::Prefix).is_none(),
            "middle of a word"
        );
        assert!(Query::new("stasjonen").rank(&f, Mode::Prefix).is_none());
        let ki = fields("ki-assistent for byggesaksbehandling", "", "");
        assert!(Query::new("ki").rank(&ki, Mode::Prefix).is_some());
        assert!(Query::new("assist").rank(&ki, Mode::Prefix).is_some(), "after a hyphen");
        assert!(
            Query::new("«ki»").rank(&ki, Mode::Prefix).is_some(),
            "quotes around a word"
        );
    }

    #[test]
    fn ids_match_exactly_with_the_letter_and_also_as_a_bare_number() {
        let f = fields("helse", "", "fra 2023 og 230 dager");
        let place = |q: &str| Query::new(q).rank(&f, Mode::Prefix).map(|r| r.worst);
        assert_eq!(place("T-23"), Some(Place::Id));
        assert_eq!(place("t23"), Some(Place::Id));
        assert_eq!(place("23"), Some(Place::Id));
        assert_eq!(place("t-2"), None, "a full id is the id, never a prefix");
        assert_eq!(place("2"), Some(Place::Description), "bare: a word starting with 2");
        assert_eq!(place("m-23"), None, "another record kind's id is text");
    }

    #[test]
    fn places_rank_before_looseness_before_position() {
        let q = Query::new("skole");
        let rank = |f: Fields| q.rank(&f, Mode::Prefix).unwrap();
        let exact_late = rank(fields("evaluering i skole", "", ""));
        let loose_early = rank(fields("skolebygg", "", ""));
        let facet = rank(fields("sensorer", "oppvekst skole", ""));
        let description = rank(fields("sensorer", "", "skole"));
        assert!(exact_late < loose_early);
        assert!(loose_early < facet);
        assert!(facet < description);
        assert!(rank(fields("skolen", "", "")) < rank(fields("skolebygg", "", "")));
    }

    #[test]
    fn every_word_must_match_and_the_weakest_place_counts() {
        let both = fields("digital timebestilling", "helse og omsorg", "");
        let q = Query::new("digital helse");
        assert_eq!(q.rank(&both, Mode::Prefix).unwrap().worst, Place::Facets);
        assert!(Query::new("digital skole").rank(&both, Mode::Prefix).is_none());
    }

    #[test]
    fn highlights_cover_the_prefix_and_map_back_through_folding() {
        let title = fold_mapped("Ærlig Østre Østbyen");
        assert_eq!(Query::new("aer").title_highlights(&title, Mode::Prefix), [0, 1]);
        assert_eq!(Query::new("ost").title_highlights(&title, Mode::Prefix), [6, 7, 8]);
        assert_eq!(
            Query::new("lig").title_highlights(&title, Mode::Prefix),
            Vec::<usize>::new()
        );
        assert_eq!(Query::new("rlg").title_highlights(&title, Mode::Fuzzy), [1, 2, 4]);
    }

    #[test]
    fn rank_bits_sort_like_the_ranks() {
        let records = [
            fields("skole", "", ""),
            fields("skolen i byen", "", ""),
            fields("ny skolebygg", "oppvekst skole", ""),
            fields("sensorer", "skole", "skolene og barnehagene"),
            fields("barn og helse i hagen", "barnehage", "digital skole for alle skolene"),
            fields("helse", "", "fra 2023 og 230 dager"),
        ];
        let mut ranks = Vec::new();
        for query in ["skole", "sk", "skole b", "t-23", "23", "barnehge", "2", "hel"] {
            let query = Query::new(query);
            for record in &records {
                ranks.extend(query.rank(record, Mode::Prefix));
                ranks.extend(query.rank(record, Mode::Fuzzy));
            }
        }
        assert!(ranks.len() > 40, "{}", ranks.len());
        for a in &ranks {
            for b in &ranks {
                assert_eq!(a.cmp(b), a.bits().cmp(&b.bits()), "{a:?} vs {b:?}");
            }
        }
    }

    #[test]
    fn fields_back_to_back_rank_the_same_as_fields_apart() {
        // Fields glued without a space (a word may run over the end of one into the next),
        // words inside words, ids, non-ASCII punctuation and letters.
        let records = [
            ("digital sk", "ole | kari", "skolene i byen"),
            ("abc", "skole", "sk ole skolen"),
            ("«ki»-assistent", "ki", "kikki ki"),
            ("a-a-a", "aa", "a a-a"),
            ("helse", "", "fra 2023 og 230 dager 2025/07"),
            ("", "", ""),
            ("ostre baerum", "ase odegard | 2025/0712", "ost ostre"),
        ];
        let queries = [
            "s",
            "sk",
            "skole",
            "ole",
            "ki",
            "a-a",
            "aa",
            "t-23",
            "23",
            "2025/07",
            "ost b",
            "digital sk",
            "kari",
        ];
        for (title, facets, description) in records {
            let text = format!("{title}{facets}{description}");
            let joined = Joined {
                id: Some(('t', 23)),
                text: &text,
                title_end: title.len(),
                facets_end: title.len() + facets.len(),
            };
            for query in queries {
                let query_text = query;
                let query = Query::new(query);
                for mode in [Mode::Prefix, Mode::Fuzzy] {
                    assert_eq!(
                        query.rank_joined(&joined, mode),
                        query.rank(&fields(title, facets, description), mode),
                        "{query_text:?} in {text:?}"
                    );
                }
            }
        }
    }
}
