//! Where the measures lie in a backlog file's bytes, found without parsing them: a scanner that
//! follows strings and brackets through the file piece by piece, so that each measure can be
//! parsed on its own (on two threads, as the pieces are read) while the rest of the file is
//! parsed as usual.
//!
//! The scanner trusts nothing it has not checked: between the measures it accepts only
//! whitespace and single commas, and anything it does not expect makes it answer
//! [`Event::Odd`], after which the caller reads the file the careful way. Every piece it hands
//! out is parsed by serde_json, so a file it splits is valid JSON exactly when the pieces are.

/// Deeper than this, the careful way decides (serde_json refuses 128 levels counted from the
/// top; a measure parsed on its own starts two levels down).
const MAX_DEPTH: u32 = 100;

const KEY: &[u8] = b"measures";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Event {
    /// The `[` that opens the top-level `"measures"` array, at this position.
    MeasuresOpen(usize),
    /// One measure: the bytes from its `{` up to and including its `}`.
    Measure { start: usize, end: usize },
    /// The `]` that closes the measures, at this position.
    MeasuresClose(usize),
    /// Something the scanner does not expect: read the file the careful way.
    Odd,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    /// Before the measures: looking for the key `"measures"` at the top level.
    Head(Head),
    /// Inside the measures array, between two measures.
    Between(Between),
    /// Inside one measure, which started at this position.
    Measure(usize),
    /// After the measures: nothing more to find.
    Tail,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Head {
    /// Anywhere that is not one of the places below.
    Other,
    /// At the top level, where the next string is a key.
    KeyNext,
    /// Just after the key `"measures"`, before its `:`.
    AfterKey,
    /// After `"measures":`, before its value.
    ValueNext,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Between {
    /// Just after `[`: a measure or `]`.
    First,
    /// After a comma: a measure.
    Next,
    /// After a measure: a comma or `]`.
    CommaOrEnd,
}

/// A resumable scan: feed it the file's bytes in order, in pieces of any size.
#[derive(Debug, Clone)]
pub struct Splitter {
    part: Part,
    depth: u32,
    /// Whether the file's top-level value is an object (only then are there keys to find).
    top_object: bool,
    in_string: bool,
    escaped: bool,
    /// While reading a key string at the top level: how many bytes matched `measures` so far,
    /// or `None` once it cannot be that key.
    key_matched: Option<usize>,
    odd: bool,
}

impl Default for Splitter {
    fn default() -> Splitter {
        Splitter {
            part: Part::Head(Head::Other),
            depth: 0,
            top_object: false,
            in_string: false,
            escaped: false,
            key_matched: None,
            odd: false,
        }
    }
}

/// Where the next `"` or `\\` is. Most strings in a backlog are short (keys, ids, names): they
/// are looked through byte by byte, longer ones with memchr.
fn quote_or_backslash(bytes: &[u8]) -> Option<usize> {
    const SHORT: usize = 24;
    let short = bytes.len().min(SHORT);
    bytes[..short]
        .iter()
        .position(|&byte| byte == b'"' || byte == b'\\')
        .or_else(|| memchr::memchr2(b'"', b'\\', &bytes[short..]).map(|found| found + short))
}

fn is_whitespace(byte: u8) -> bool {
    matches!(byte, b' ' | b'\t' | b'\n' | b'\r')
}

impl Splitter {
    /// Whether the measures array has been closed (the rest of the file is plain tail).
    pub fn in_tail(&self) -> bool {
        self.part == Part::Tail
    }

    /// Where the measure being read began, if the scan is inside one.
    pub fn measure_start(&self) -> Option<usize> {
        match self.part {
            Part::Measure(start) => Some(start),
            _ => None,
        }
    }

    /// The caller dropped the first `by` bytes of its buffer: positions move down by as much.
    pub fn rebase(&mut self, by: usize) {
        if let Part::Measure(start) = &mut self.part {
            *start -= by;
        }
    }

    /// Scans `bytes`, which lie at `offset` in the caller's buffer (positions in events count
    /// from the buffer's start), and appends what it finds to `events`.
    pub fn scan(&mut self, bytes: &[u8], offset: usize, events: &mut Vec<Event>) {
        if self.odd {
            return;
        }
        let mut at = 0;
        while at < bytes.len() {
            if self.part == Part::Tail {
                return;
            }
            if self.in_string {
                at = self.in_string_from(bytes, at);
                continue;
            }
            if let Part::Measure(start) = self.part {
                at = self.through_measure(start, bytes, at, offset, events);
                continue;
            }
            let byte = bytes[at];
            let position = offset + at;
            at += 1;
            if is_whitespace(byte) {
                continue;
            }
            match self.part {
                Part::Between(between) => self.between(between, byte, position, events),
                Part::Measure(_) => {}
                Part::Head(head) => self.head(head, byte, position, events),
                Part::Tail => {}
            }
            if self.odd {
                events.push(Event::Odd);
                return;
            }
        }
    }

    /// Skips through a string from `at`; the position after what was consumed.
    fn in_string_from(&mut self, bytes: &[u8], mut at: usize) -> usize {
        let key = self.key_matched.is_some();
        while at < bytes.len() {
            if self.escaped {
                self.escaped = false;
                // An escaped key is never taken for `measures`: the careful way reads it.
                self.key_matched = None;
                at += 1;
                continue;
            }
            let rest = &bytes[at..];
            let Some(found) = quote_or_backslash(rest) else {
                if key {
                    self.match_key(rest);
                }
                return bytes.len();
            };
            if key {
                self.match_key(&rest[..found]);
            }
            at += found + 1;
            if rest[found] == b'\\' {
                self.escaped = true;
            } else {
                self.in_string = false;
                self.string_ended();
                return at;
            }
        }
        at
    }

    /// Goes through a measure from `at` (most of a file), looking only at what can end it; the
    /// position after what was consumed.
    fn through_measure(
        &mut self,
        start: usize,
        bytes: &[u8],
        mut at: usize,
        offset: usize,
        events: &mut Vec<Event>,
    ) -> usize {
        while at < bytes.len() {
            let byte = bytes[at];
            at += 1;
            match byte {
                b'"' => loop {
                    let Some(found) = quote_or_backslash(&bytes[at..]) else {
                        // The string goes on in the next piece.
                        self.open_string();
                        return bytes.len();
                    };
                    at += found + 1;
                    if bytes[at - 1] == b'"' {
                        break;
                    }
                    if at == bytes.len() {
                        self.open_string();
                        self.escaped = true;
                        return at;
                    }
                    at += 1;
                },
                b'{' | b'[' => {
                    self.deeper();
                    if self.odd {
                        events.push(Event::Odd);
                        return bytes.len();
                    }
                }
                b'}' | b']' => {
                    self.depth -= 1;
                    if self.depth == 2 {
                        // A `]` closing the measure's `{` is not JSON; serde_json would refuse
                        // the piece, but say so here already.
                        if byte == b']' {
                            self.odd = true;
                            events.push(Event::Odd);
                            return bytes.len();
                        }
                        self.part = Part::Between(Between::CommaOrEnd);
                        events.push(Event::Measure {
                            start,
                            end: offset + at,
                        });
                        return at;
                    }
                }
                _ => {}
            }
        }
        at
    }

    fn match_key(&mut self, bytes: &[u8]) {
        if let Some(matched) = self.key_matched {
            let end = matched + bytes.len();
            self.key_matched = (end <= KEY.len() && KEY[matched..end] == *bytes).then_some(end);
        }
    }

    fn string_ended(&mut self) {
        if let Part::Head(Head::KeyNext) = self.part {
            let is_measures = self.key_matched == Some(KEY.len());
            self.part = Part::Head(if is_measures { Head::AfterKey } else { Head::Other });
        }
        self.key_matched = None;
    }

    fn open_string(&mut self) {
        self.in_string = true;
        self.escaped = false;
        self.key_matched = match self.part {
            Part::Head(Head::KeyNext) => Some(0),
            _ => None,
        };
    }

    fn deeper(&mut self) {
        self.depth += 1;
        if self.depth > MAX_DEPTH {
            self.odd = true;
        }
    }

    fn head(&mut self, head: Head, byte: u8, position: usize, events: &mut Vec<Event>) {
        match (head, byte) {
            (Head::AfterKey, b':') => self.part = Part::Head(Head::ValueNext),
            (Head::ValueNext, b'[') => {
                self.deeper();
                self.part = Part::Between(Between::First);
                events.push(Event::MeasuresOpen(position));
            }
            // `"measures"` not followed by `:` and an array: the careful way says what is wrong.
            (Head::AfterKey | Head::ValueNext, _) => self.odd = true,
            (_, b'"') => self.open_string(),
            (_, b'{' | b'[') => {
                if self.depth == 0 {
                    self.top_object = byte == b'{';
                }
                self.deeper();
                self.part = Part::Head(if self.depth == 1 && self.top_object {
                    Head::KeyNext
                } else {
                    Head::Other
                });
            }
            (_, b'}' | b']') => {
                if self.depth == 0 {
                    self.odd = true;
                    return;
                }
                self.depth -= 1;
                self.part = Part::Head(Head::Other);
            }
            (_, b',') if self.depth == 1 && self.top_object => self.part = Part::Head(Head::KeyNext),
            _ => {}
        }
    }

    fn between(&mut self, between: Between, byte: u8, position: usize, events: &mut Vec<Event>) {
        match (between, byte) {
            (Between::First | Between::Next, b'{') => {
                self.deeper();
                self.part = Part::Measure(position);
            }
            (Between::First | Between::CommaOrEnd, b']') => {
                self.depth -= 1;
                self.part = Part::Tail;
                events.push(Event::MeasuresClose(position));
            }
            (Between::CommaOrEnd, b',') => self.part = Part::Between(Between::Next),
            _ => self.odd = true,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn events_of(pieces: &[&str]) -> Vec<Event> {
        let mut splitter = Splitter::default();
        let mut events = Vec::new();
        let mut offset = 0;
        for piece in pieces {
            splitter.scan(piece.as_bytes(), offset, &mut events);
            offset += piece.len();
        }
        events
    }

    fn measures_of(text: &str) -> Vec<&str> {
        events_of(&[text])
            .into_iter()
            .filter_map(|event| match event {
                Event::Measure { start, end } => Some(&text[start..end]),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn finds_each_measure_of_the_top_level_array_and_nothing_else() {
        let text = r#"{"name": "x", "other": {"measures": [{"a": 1}]}, "measures": [ {"id": 1, "t": "a}\"]"}, {"id": 2, "l": [{}, []]} ], "tail": [{"b": 2}]}"#;
        assert_eq!(
            measures_of(text),
            [r#"{"id": 1, "t": "a}\"]"}"#, r#"{"id": 2, "l": [{}, []]}"#]
        );
        let events = events_of(&[text]);
        assert_eq!(events.first(), Some(&Event::MeasuresOpen(text.find("[ {").unwrap())));
        assert_eq!(
            events.last(),
            Some(&Event::MeasuresClose(text.find("} ],").unwrap() + 2))
        );
    }

    #[test]
    fn the_same_events_whatever_the_pieces() {
        let text = r#"{"measures" : [{"id": 1, "t": "\\\"{"}, {"id": 2}], "meetings": []}"#;
        let whole = events_of(&[text]);
        for cut in 0..=text.len() {
            for second in cut..=text.len() {
                let pieces = [&text[..cut], &text[cut..second], &text[second..]];
                assert_eq!(events_of(&pieces), whole, "cut at {cut} and {second}");
            }
        }
        assert_eq!(whole.len(), 4);
    }

    #[test]
    fn a_value_or_a_string_that_only_looks_like_the_key_is_not_it() {
        for text in [
            r#"{"name": "measures", "x": [{"id": 1}]}"#,
            r#"{"measuresx": [{"id": 1}]}"#,
            r#"{"measure": [{"id": 1}]}"#,
            r#"{"meas\u0075res": [{"id": 1}]}"#,
            r#"[{"measures": [{"id": 1}]}]"#,
            r#"{"a": {"measures": [{"id": 1}]}}"#,
        ] {
            assert!(measures_of(text).is_empty(), "{text}");
            assert!(!events_of(&[text]).contains(&Event::Odd), "{text}");
        }
    }

    #[test]
    fn anything_unexpected_between_measures_sends_the_file_the_careful_way() {
        for text in [
            r#"{"measures": [{"id": 1},, {"id": 2}]}"#,
            r#"{"measures": [{"id": 1}, ]}"#,
            r#"{"measures": [{"id": 1} {"id": 2}]}"#,
            r#"{"measures": [1, 2]}"#,
            r#"{"measures": [{"id": 1]]}"#,
            r#"{"measures": null}"#,
            r#"{"measures" [{"id": 1}]}"#,
            r#"}"#,
        ] {
            assert_eq!(events_of(&[text]).last(), Some(&Event::Odd), "{text}");
        }
        let nested = |levels: usize| {
            format!(
                r#"{{"measures": [{{"x": {}1{}}}]}}"#,
                "[".repeat(levels),
                "]".repeat(levels)
            )
        };
        // Three levels are the file's object, the measures and the measure.
        let deepest = MAX_DEPTH as usize - 3;
        assert!(!events_of(&[&nested(deepest)]).contains(&Event::Odd));
        assert_eq!(events_of(&[&nested(deepest + 1)]).last(), Some(&Event::Odd));
    }

    #[test]
    fn an_empty_array_opens_and_closes() {
        let text = r#"{"measures": [ ], "x": 1}"#;
        assert_eq!(events_of(&[text]), [Event::MeasuresOpen(13), Event::MeasuresClose(15)]);
    }
}
