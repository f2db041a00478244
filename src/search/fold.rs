//! Text made comparable for search: lowercased for every letter (not only ASCII) and with the
//! Norwegian letters folded to their usual ASCII spellings, so "ost" finds "Østre" and "baerum"
//! finds "Bærum". Both the searched text and the query go through [`fold`].

/// Folded text and, for each of its chars, the index of the char in the original it came from
/// (folding changes lengths: "Æ" becomes "ae").
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    pub text: String,
    pub origin: Vec<u32>,
}

fn fold_char(c: char, out: &mut impl FnMut(char)) {
    for lower in c.to_lowercase() {
        match lower {
            'æ' | 'ä' => {
                out('a');
                out('e');
            }
            'ø' | 'ö' => out('o'),
            'å' | 'à' | 'á' | 'â' => out('a'),
            'é' | 'è' | 'ê' | 'ë' => out('e'),
            'ü' | 'ú' => out('u'),
            other => out(other),
        }
    }
}

/// The folded form of `text`, for matching.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    fold_into(text, &mut out);
    out
}

/// Appends the folded form of `text` to `out`.
pub fn fold_into(text: &str, out: &mut String) {
    for c in text.chars() {
        fold_char(c, &mut |f| out.push(f));
    }
}

/// The folded form of `text` with the way back to the original's chars, for highlighting.
pub fn fold_mapped(text: &str) -> Folded {
    let mut folded = Folded {
        text: String::with_capacity(text.len()),
        origin: Vec::with_capacity(text.len()),
    };
    for (index, c) in text.chars().enumerate() {
        fold_char(c, &mut |f| {
            folded.text.push(f);
            folded.origin.push(index as u32);
        });
    }
    folded
}

impl Folded {
    /// Indices of chars in the folded text → sorted, distinct indices of chars in the original.
    pub fn original_indices(&self, folded: &[usize]) -> Vec<usize> {
        let mut out: Vec<usize> = folded
            .iter()
            .filter_map(|i| self.origin.get(*i))
            .map(|o| *o as usize)
            .collect();
        out.dedup();
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_letter_is_lowercased_and_norwegian_letters_are_folded() {
        assert_eq!(fold("Østre BÆRUM Å"), "ostre baerum a");
        assert_eq!(fold("SKOLE"), "skole");
        assert_eq!(fold("Ære"), "aere");
        assert_eq!(fold("Kafé"), "kafe");
    }

    #[test]
    fn origins_point_back_to_the_original_chars() {
        let f = fold_mapped("Bærum");
        assert_eq!(f.text, "baerum");
        assert_eq!(f.origin, [0, 1, 1, 2, 3, 4]);
        // "ae" both came from "æ": one highlighted char in the original.
        assert_eq!(f.original_indices(&[1, 2, 3]), [1, 2]);
    }
}
