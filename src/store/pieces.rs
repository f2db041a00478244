//! Reading a backlog file in pieces of a megabyte, its measures parsed on two threads as the
//! pieces come in ([`super::split`] finds them). This is how every file is read first: the
//! file's bytes are never all in memory beside the parsed backlog (at 100k measures that pair
//! was the memory peak), there is no large buffer for the kernel to fill page by page, and on
//! two cores a load takes 0.7–0.85 of the time the file takes to parse whole.
//!
//! Whatever this way does not handle exactly as `serde_json::from_slice` would (an older
//! schema, a byte-order mark, anything odd between measures, a piece that does not parse)
//! answers [`Outcome::Careful`], and the caller reads the file whole, which also gives the
//! precise message for a broken file.

use std::fs::File;
use std::io::{self, Read, Write};
use std::path::Path;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::split::{Event, Splitter};
use super::watch::{Digest, Hashing};
use crate::domain::{Backlog, Measure, SCHEMA_VERSION};

/// How much of the file is read at a time.
const PIECE: usize = 1 << 20;
/// Fewer measures than this in a piece are parsed on one thread.
const PARALLEL_FROM: usize = 64;
/// How many measures a thread takes at a time from the piece being parsed.
const CLAIM: usize = 128;

pub enum Outcome {
    /// There is no file.
    Missing,
    /// The backlog (not yet checked for consistency) and, when asked for, the file's digest.
    Read(Box<Backlog>, Option<Digest>),
    /// Read the file whole, the careful way.
    Careful,
}

/// A measure's bytes in the buffer.
type Span = (usize, usize);

/// A piece read into a buffer and scanned.
struct Scan {
    spans: Vec<Span>,
    /// Where the bytes read for this piece begin (before them: a measure the last piece cut).
    fresh_from: usize,
    at_end: bool,
}

/// The file as it is read: what lies before and after the measures, and the scan.
struct Reader {
    file: File,
    piece: usize,
    splitter: Splitter,
    head: Vec<u8>,
    tail: Vec<u8>,
    found: bool,
    first: bool,
    events: Vec<Event>,
}

impl Reader {
    /// Reads the next piece onto the end of `buffer` and scans it; `None`: take the careful way.
    fn next_piece(&mut self, buffer: &mut Vec<u8>) -> io::Result<Option<Scan>> {
        let fresh_from = buffer.len();
        let got = (&mut self.file).take(self.piece as u64).read_to_end(buffer)?;
        if std::mem::take(&mut self.first)
            // A byte-order mark, or UTF-16: the careful way skips the one and names the other.
            && matches!(buffer.as_slice(), [0xEF, 0xBB, 0xBF, ..] | [0xFF, 0xFE, ..] | [0xFE, 0xFF, ..] | [0, ..] | [_, 0, ..])
        {
            return Ok(None);
        }
        let was_in_tail = self.splitter.in_tail();
        let was_in_head = !self.found;
        self.events.clear();
        self.splitter.scan(&buffer[fresh_from..], fresh_from, &mut self.events);
        let mut spans = Vec::new();
        let mut head_end = None;
        let mut tail_start = None;
        for event in &self.events {
            match *event {
                Event::MeasuresOpen(at) => {
                    head_end = Some(at);
                    self.found = true;
                }
                Event::Measure { start, end } => spans.push((start, end)),
                Event::MeasuresClose(at) => tail_start = Some(at + 1),
                Event::Odd => return Ok(None),
            }
        }
        // Before the measures nothing is carried from piece to piece: the buffer is all fresh.
        if was_in_head {
            self.head.extend_from_slice(&buffer[..head_end.unwrap_or(buffer.len())]);
        }
        if was_in_tail {
            self.tail.extend_from_slice(&buffer[fresh_from..]);
        } else if let Some(start) = tail_start {
            self.tail.extend_from_slice(&buffer[start..]);
        }
        Ok(Some(Scan {
            spans,
            fresh_from,
            at_end: got == 0,
        }))
    }
}

pub fn read(path: &Path, with_digest: bool) -> io::Result<Outcome> {
    read_in_pieces(path, with_digest, PIECE)
}

fn read_in_pieces(path: &Path, with_digest: bool, piece: usize) -> io::Result<Outcome> {
    let file = match File::open(path) {
        Ok(file) => file,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(Outcome::Missing),
        Err(error) => return Err(error),
    };
    let mut reader = Reader {
        file,
        piece,
        splitter: Splitter::default(),
        head: Vec::new(),
        tail: Vec::new(),
        found: false,
        first: true,
        events: Vec::new(),
    };
    let mut hashing = with_digest.then(|| Hashing::new(io::sink()));
    // Two buffers: the next piece is read and scanned into one while the other's measures
    // are parsed.
    let mut current = Vec::with_capacity(piece);
    let mut next = Vec::with_capacity(piece);
    let Some(mut scan) = reader.next_piece(&mut current)? else {
        return Ok(Outcome::Careful);
    };
    let mut measures = Vec::new();
    loop {
        // A measure the piece cut goes first into the next buffer.
        let keep_from = reader.splitter.measure_start().unwrap_or(current.len());
        next.clear();
        next.extend_from_slice(&current[keep_from..]);
        reader.splitter.rebase(keep_from);
        let at_end = scan.at_end;
        let fresh = &current[scan.fresh_from..];
        let (parsed, following) = parse_meanwhile(&current, &scan.spans, fresh, hashing.as_mut(), || {
            (!at_end).then(|| reader.next_piece(&mut next))
        });
        let Some(parsed) = parsed else {
            return Ok(Outcome::Careful);
        };
        measures.extend(parsed);
        match following.transpose()? {
            None => break,
            Some(None) => return Ok(Outcome::Careful),
            Some(Some(following)) => {
                scan = following;
                std::mem::swap(&mut current, &mut next);
            }
        }
    }
    let digest = hashing
        .map(|hashing| hashing.finish().map(|(_, digest)| digest))
        .transpose()?;
    let Reader {
        mut head,
        mut tail,
        found,
        ..
    } = reader;
    // A file cut short inside the measures has no tail, so this lacks the closing `}` and
    // goes the careful way, which says where.
    let backlog = if found {
        head.extend_from_slice(b"[]");
        head.append(&mut tail);
        serde_json::from_slice::<Backlog>(&head).map(|mut backlog| {
            backlog.measures = measures.into();
            backlog
        })
    } else {
        // Found nowhere (or only under an escaped key): the head is the whole file.
        serde_json::from_slice::<Backlog>(&head)
    };
    Ok(match backlog {
        Ok(backlog) if backlog.schema_version == SCHEMA_VERSION => Outcome::Read(Box::new(backlog), digest),
        _ => Outcome::Careful,
    })
}

/// Parses the measures at `spans` in `buffer` (in order; `None` if one does not parse) and
/// hashes `fresh` while `meanwhile` runs. From [`PARALLEL_FROM`] measures a second thread
/// hashes and starts parsing at once; this one joins it when `meanwhile` is done, both taking
/// the next [`CLAIM`] measures until none are left.
fn parse_meanwhile<T>(
    buffer: &[u8],
    spans: &[Span],
    fresh: &[u8],
    hashing: Option<&mut Hashing<io::Sink>>,
    meanwhile: impl FnOnce() -> T,
) -> (Option<Vec<Arc<Measure>>>, T) {
    let hash = |hashing: Option<&mut Hashing<io::Sink>>| {
        if let Some(hashing) = hashing {
            // A sink takes everything.
            let _ = hashing.write_all(fresh);
        }
    };
    if spans.len() < PARALLEL_FROM {
        hash(hashing);
        let parsed = parse_all(buffer, spans);
        return (parsed, meanwhile());
    }
    let claimed = AtomicUsize::new(0);
    let claim = || -> Option<Vec<(usize, Vec<Arc<Measure>>)>> {
        let mut mine = Vec::new();
        loop {
            let batch = claimed.fetch_add(1, Ordering::Relaxed);
            let start = batch * CLAIM;
            if start >= spans.len() {
                return Some(mine);
            }
            let end = (start + CLAIM).min(spans.len());
            mine.push((batch, parse_all(buffer, &spans[start..end])?));
        }
    };
    std::thread::scope(|scope| {
        let helper = std::thread::Builder::new().spawn_scoped(scope, || {
            hash(hashing);
            claim()
        });
        let later = meanwhile();
        // Without a second thread the hashing went with it: the careful way.
        let Ok(helper) = helper else {
            return (None, later);
        };
        let mine = claim();
        let theirs = helper.join().ok().flatten();
        let parsed = mine.zip(theirs).map(|(mut mine, theirs)| {
            mine.extend(theirs);
            mine.sort_unstable_by_key(|(batch, _)| *batch);
            mine.into_iter().flat_map(|(_, measures)| measures).collect()
        });
        (parsed, later)
    })
}

fn parse_all(buffer: &[u8], spans: &[Span]) -> Option<Vec<Arc<Measure>>> {
    spans
        .iter()
        .map(|&(start, end)| {
            serde_json::from_slice::<Measure>(&buffer[start..end])
                .ok()
                .map(Arc::new)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn demo() -> Backlog {
        serde_json::from_str(crate::cli::DEMO_BACKLOG).unwrap()
    }

    /// `bytes` read in pieces of `piece` bytes: the backlog, or `None` for the careful way.
    fn in_pieces(bytes: &[u8], piece: usize) -> Option<(Backlog, Option<Digest>)> {
        let file = tempfile::NamedTempFile::new().unwrap();
        std::fs::write(file.path(), bytes).unwrap();
        match read_in_pieces(file.path(), true, piece).unwrap() {
            Outcome::Read(backlog, digest) => Some((*backlog, digest)),
            Outcome::Careful => None,
            Outcome::Missing => panic!("the file is there"),
        }
    }

    #[test]
    fn a_large_file_read_in_pieces_on_two_threads_is_the_file_parsed_whole() {
        let mut backlog = demo();
        let one_round = backlog.measures.clone();
        for round in 1..100 {
            for measure in one_round.iter() {
                let mut measure = measure.clone();
                measure.id.0 += round * 1000;
                backlog.measures.push(measure);
            }
        }
        let bytes = crate::store::save::to_json(&backlog).unwrap();
        assert!(bytes.len() > 3 * PIECE, "{} bytes", bytes.len());
        let (read, digest) = in_pieces(&bytes, PIECE).expect("read in pieces");
        assert_eq!(read, serde_json::from_slice::<Backlog>(&bytes).unwrap());
        assert_eq!(read.measures.len(), 100 * one_round.len());
        assert_eq!(digest, Some(Digest::of(&bytes)));
    }

    #[test]
    fn no_file_is_missing_and_a_path_that_cannot_be_opened_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(matches!(
            read(&dir.path().join("none.json"), true),
            Ok(Outcome::Missing)
        ));
        let file = dir.path().join("file");
        std::fs::write(&file, "{}").unwrap();
        // Not a folder: the error is not "no such file", and no empty backlog may replace it.
        assert!(read(&file.join("below-a-file.json"), true).is_err());
    }

    #[test]
    fn files_the_pieces_do_not_take_go_the_careful_way() {
        let bytes = crate::cli::DEMO_BACKLOG.as_bytes();
        let with_bom = [b"\xEF\xBB\xBF".as_slice(), bytes].concat();
        let older = crate::cli::DEMO_BACKLOG.replacen("\"schema_version\": 1", "\"schema_version\": 0", 1);
        let cut = &bytes[..bytes.len() / 2];
        for (what, bytes) in [
            ("bom", with_bom.as_slice()),
            ("older", older.as_bytes()),
            ("cut", cut),
            ("empty", b""),
        ] {
            assert!(in_pieces(bytes, 4096).is_none(), "{what}");
        }
        assert_eq!(in_pieces(bytes, 4096).map(|(backlog, _)| backlog), Some(demo()));
    }

    /// Bytes that change what a scan sees.
    fn edit() -> impl Strategy<Value = (usize, u8, u8)> {
        let byte = prop::sample::select(b"{}[],:\"\\ a1\n".to_vec());
        (any::<usize>(), byte, 0u8..3)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(300))]

        /// Whatever the file and however it is cut into pieces, what the pieces give is what
        /// serde_json makes of the whole file; an untouched file always goes the fast way.
        #[test]
        fn pieces_never_read_a_file_otherwise_than_serde_json(
            edits in prop::collection::vec(edit(), 0..4),
            piece in 1usize..3000,
        ) {
            let mut bytes = crate::cli::DEMO_BACKLOG.as_bytes().to_vec();
            for &(at, byte, how) in &edits {
                let at = at % bytes.len();
                match how {
                    0 => bytes.insert(at, byte),
                    1 => { bytes.remove(at); }
                    _ => bytes[at] = byte,
                }
            }
            let whole = serde_json::from_slice::<Backlog>(&bytes).ok();
            match in_pieces(&bytes, piece) {
                Some((read, digest)) => {
                    prop_assert_eq!(Some(read), whole);
                    prop_assert_eq!(digest, Some(Digest::of(&bytes)));
                }
                None => prop_assert!(!edits.is_empty(), "an untouched file went the careful way"),
            }
        }
    }
}
