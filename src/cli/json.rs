//! The shape of a measure in `tiltak list --json` and `tiltak show --json`: names rather than
//! ids, keys and ISO dates as in the data file. README's "JSON" section documents it.

use std::fmt::Display;
use std::io::{self, Write};

use jiff::Timestamp;
use jiff::civil::Date;
use serde::{Serialize, Serializer};
use serde_json::ser::Formatter;

use crate::domain::text::{has_hidden, is_hidden};
use crate::domain::{Backlog, Link, LogEntry, Measure, MeasureId};

#[derive(Serialize)]
pub struct MeasureJson<'a> {
    #[serde(serialize_with = "as_text")]
    id: MeasureId,
    title: &'a str,
    status: &'static str,
    owner: Option<&'a str>,
    sectors: Vec<&'a str>,
    priorities: Vec<&'a str>,
    #[serde(serialize_with = "maybe_as_text")]
    due: Option<Date>,
    value: Option<u8>,
    effort: Option<u8>,
    funding: Option<&'static str>,
    cost_estimate: Option<u64>,
    political_needed: bool,
    case_number: Option<&'a str>,
    tags: &'a [String],
    description: &'a str,
    benefits: &'a str,
    #[serde(serialize_with = "as_text")]
    created: Timestamp,
    #[serde(serialize_with = "as_text")]
    updated: Timestamp,
    /// Oldest first, exactly as in the data file; only when asked for.
    #[serde(skip_serializing_if = "Option::is_none")]
    log: Option<&'a [LogEntry]>,
    // issue 16: dependencies and links
    #[serde(skip_serializing_if = "Vec::is_empty")]
    depends_on: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    part_of: Option<String>,
    #[serde(skip_serializing_if = "<[Link]>::is_empty")]
    links: &'a [Link],
    /// The other direction (`show` only: finding it reads every measure).
    #[serde(skip_serializing_if = "Option::is_none")]
    needed_by: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    parts: Option<Vec<String>>,
}

impl<'a> MeasureJson<'a> {
    pub fn of(backlog: &'a Backlog, m: &'a Measure, with_log: bool) -> MeasureJson<'a> {
        MeasureJson {
            id: m.id,
            title: &m.title,
            status: m.status.key(),
            owner: m.owner.and_then(|o| backlog.owner(o)).map(|o| o.name.as_str()),
            sectors: m
                .sectors
                .iter()
                .filter_map(|s| backlog.sector(*s))
                .map(|s| s.name.as_str())
                .collect(),
            priorities: m
                .priorities
                .iter()
                .filter_map(|p| backlog.priority(*p))
                .map(|p| p.title.as_str())
                .collect(),
            due: m.due,
            value: m.value,
            effort: m.effort,
            funding: m.funding.map(|f| f.key()),
            cost_estimate: m.cost_estimate,
            political_needed: m.political.needed,
            case_number: m.political.case_number.as_deref(),
            tags: &m.tags,
            description: &m.description,
            benefits: &m.benefits,
            created: m.created,
            updated: m.updated,
            log: with_log.then_some(m.log.as_slice()),
            depends_on: m.depends_on.iter().map(ToString::to_string).collect(),
            part_of: m.part_of.map(|p| p.to_string()),
            links: &m.links,
            needed_by: None,
            parts: None,
        }
    }

    /// With the measures that depend on this one and its parts.
    pub fn with_inverse(mut self, backlog: &Backlog, m: &Measure) -> MeasureJson<'a> {
        let ids = |ms: Vec<&Measure>| ms.iter().map(|x| x.id.to_string()).collect();
        self.needed_by = Some(ids(backlog.needed_by(m.id)));
        self.parts = Some(ids(backlog.parts(m.id)));
        self
    }
}

/// Written as its text (`T-12`, an ISO date), without a `String` per value.
fn as_text<S: Serializer>(value: &impl Display, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_str(value)
}

fn maybe_as_text<S: Serializer>(value: &Option<impl Display>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(value) => serializer.collect_str(value),
        None => serializer.serialize_none(),
    }
}

/// The measures of `list --json`, made one at a time as they are written.
pub struct MeasuresJson<'a> {
    pub backlog: &'a Backlog,
    pub measures: &'a [&'a Measure],
    pub with_log: bool,
}

/// Measures written into one buffer at a time; two buffers are filled side by side.
const BATCH: usize = 1024;

impl MeasuresJson<'_> {
    /// Writes the measures as a pretty JSON array into `out`, exactly as serde_json's pretty printer would,
    /// with the hidden characters escaped. Two threads each write every other batch of
    /// measures into a buffer, which go out in order.
    pub fn write(&self, out: &mut impl Write) -> io::Result<()> {
        if self.measures.is_empty() {
            return out.write_all(b"[]");
        }
        out.write_all(b"[")?;
        let batches: Vec<_> = self.measures.chunks(BATCH).enumerate().collect();
        let mut first = Vec::new();
        for pair in batches.chunks(2) {
            first.clear();
            let second = match pair {
                [(at, measures)] => {
                    self.write_batch(&mut first, *at == 0, measures)?;
                    Vec::new()
                }
                [(at, one), (_, other)] => std::thread::scope(|scope| {
                    let in_second = || {
                        let mut second = Vec::new();
                        self.write_batch(&mut second, false, other).map(|()| second)
                    };
                    let helper = std::thread::Builder::new().spawn_scoped(scope, in_second);
                    self.write_batch(&mut first, *at == 0, one)?;
                    match helper {
                        Ok(helper) => helper.join().unwrap_or_else(|_| Err(io::Error::other("json writer"))),
                        // No second thread to be had: write it here.
                        Err(_) => in_second(),
                    }
                })?,
                _ => Vec::new(),
            };
            out.write_all(&first)?;
            out.write_all(&second)?;
        }
        out.write_all(b"\n]")
    }

    fn write_batch(&self, buffer: &mut Vec<u8>, starts: bool, measures: &[&Measure]) -> io::Result<()> {
        for (index, measure) in measures.iter().enumerate() {
            buffer.extend_from_slice(if starts && index == 0 { b"\n  " } else { b",\n  " });
            let mut serializer = serde_json::Serializer::with_formatter(&mut *buffer, Escaping::at_depth(1));
            MeasureJson::of(self.backlog, measure, self.with_log)
                .serialize(&mut serializer)
                .map_err(io::Error::from)?;
        }
        Ok(())
    }
}

/// serde_json's pretty layout (two spaces a level), starting `depth` levels in; string
/// contents with the hidden characters as `\uXXXX`.
struct Escaping {
    depth: usize,
    has_value: bool,
}

impl Escaping {
    fn at_depth(depth: usize) -> Escaping {
        Escaping {
            depth,
            has_value: false,
        }
    }

    fn open<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth += 1;
        self.has_value = false;
        writer.write_all(bracket)
    }

    fn close<W: ?Sized + Write>(&mut self, writer: &mut W, bracket: &[u8]) -> io::Result<()> {
        self.depth -= 1;
        if self.has_value {
            self.new_line(writer)?;
        }
        writer.write_all(bracket)
    }

    fn new_line<W: ?Sized + Write>(&self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b"\n")?;
        for _ in 0..self.depth {
            writer.write_all(b"  ")?;
        }
        Ok(())
    }

    fn item<W: ?Sized + Write>(&self, writer: &mut W, first: bool) -> io::Result<()> {
        if !first {
            writer.write_all(b",")?;
        }
        self.new_line(writer)
    }
}

impl Formatter for Escaping {
    fn begin_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"[")
    }

    fn end_array<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"]")
    }

    fn begin_array_value<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.item(writer, first)
    }

    fn end_array_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn begin_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.open(writer, b"{")
    }

    fn end_object<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        self.close(writer, b"}")
    }

    fn begin_object_key<W: ?Sized + Write>(&mut self, writer: &mut W, first: bool) -> io::Result<()> {
        self.item(writer, first)
    }

    fn begin_object_value<W: ?Sized + Write>(&mut self, writer: &mut W) -> io::Result<()> {
        writer.write_all(b": ")
    }

    fn end_object_value<W: ?Sized + Write>(&mut self, _writer: &mut W) -> io::Result<()> {
        self.has_value = true;
        Ok(())
    }

    fn write_string_fragment<W: ?Sized + Write>(&mut self, writer: &mut W, fragment: &str) -> io::Result<()> {
        if !has_hidden(fragment) {
            return writer.write_all(fragment.as_bytes());
        }
        let mut buffer = [0; 4];
        for c in fragment.chars() {
            if is_hidden(c) {
                write!(writer, "\\u{:04x}", c as u32)?;
            } else {
                writer.write_all(c.encode_utf8(&mut buffer).as_bytes())?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::text::json_escaped;

    /// `value` as pretty JSON, with the hidden characters escaped, in one piece.
    fn write_pretty(out: impl Write, value: &impl Serialize) -> io::Result<()> {
        let mut serializer = serde_json::Serializer::with_formatter(out, Escaping::at_depth(0));
        value.serialize(&mut serializer).map_err(io::Error::from)
    }

    #[test]
    fn written_straight_out_is_the_same_as_escaping_the_document_afterwards() {
        let values = serde_json::json!([
            {"title": "a\u{9b}b\u{202E}c\u{1b}", "tags": ["Æøå", "x\u{200B}y", ""], "n": 3},
            [],
            {},
            {"nested": {"deep": ["\u{FEFF}", null, true, 1.5]}}
        ]);
        let mut written = Vec::new();
        write_pretty(&mut written, &values).unwrap();
        let expected = serde_json::to_string_pretty(&values).unwrap();
        assert_eq!(String::from_utf8(written).unwrap(), json_escaped(&expected));
    }

    #[test]
    fn the_measures_written_in_batches_on_two_threads_are_the_list_written_whole() {
        let mut backlog: Backlog = serde_json::from_str(crate::cli::DEMO_BACKLOG).unwrap();
        backlog.measures[0].title = "Skjult\u{202E}tekst\u{1b}[31m".to_string();
        let all: Vec<&Measure> = backlog.measures.iter().collect();
        // An odd number of batches, the last one short; one measure; none.
        let many: Vec<&Measure> = all.iter().copied().cycle().take(3 * BATCH + 17).collect();
        for rows in [many.as_slice(), &all[..1], &[]] {
            for with_log in [false, true] {
                let whole: Vec<MeasureJson> = rows.iter().map(|m| MeasureJson::of(&backlog, m, with_log)).collect();
                let mut expected = Vec::new();
                write_pretty(&mut expected, &whole).unwrap();
                let mut written = Vec::new();
                let list = MeasuresJson {
                    backlog: &backlog,
                    measures: rows,
                    with_log,
                };
                list.write(&mut written).unwrap();
                assert_eq!(
                    String::from_utf8(written).unwrap(),
                    String::from_utf8(expected).unwrap()
                );
            }
        }
        let mut one = Vec::new();
        let list = MeasuresJson {
            backlog: &backlog,
            measures: &all[..1],
            with_log: false,
        };
        list.write(&mut one).unwrap();
        let one = String::from_utf8(one).unwrap();
        assert!(
            one.starts_with("[\n  {\n    \"id\": \"T-1\",\n    \"title\": \"Skjult\\u202etekst\\u001b[31m\","),
            "{one}"
        );
    }
}
