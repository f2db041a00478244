//! Who recorded a meeting: the authors of the log entries its decisions and notes wrote on
//! the measures. A meeting stores no recorder of its own; the signed log already says it, also
//! for a meeting resumed by another member on another clone.

use super::model::{Backlog, Decision, LogEntry, LogKind, Meeting};

impl Backlog {
    /// The log entry that `decision` (of `meeting`) wrote on its measure.
    pub fn decision_entry(&self, meeting: &Meeting, decision: &Decision) -> Option<&LogEntry> {
        self.measure(decision.measure)?.log.iter().find(|e| {
            e.kind == LogKind::Decision
                && e.meeting == Some(meeting.id)
                && e.at == decision.at
                && (decision.kind.is_none() || e.decision == decision.kind)
        })
    }

    /// Who recorded `meeting`: the author of most of its decision and note entries (the first
    /// to write one among equals); `None` when none is signed (files from before authors).
    pub fn recorder_of(&self, meeting: &Meeting) -> Option<&str> {
        let mut counts: Vec<(&str, usize)> = Vec::new();
        let mut entries: Vec<&LogEntry> = meeting
            .agenda
            .iter()
            .filter_map(|id| self.measure(*id))
            .flat_map(|m| m.log.iter())
            .filter(|e| {
                e.meeting == Some(meeting.id)
                    && matches!(e.kind, LogKind::Decision | LogKind::Note)
                    && !e.author.is_empty()
            })
            .collect();
        entries.sort_by_key(|e| e.at);
        for entry in entries {
            match counts.iter_mut().find(|(name, _)| *name == entry.author) {
                Some((_, count)) => *count += 1,
                None => counts.push((&entry.author, 1)),
            }
        }
        // `max_by_key` keeps the last of equals; the first writer should win.
        counts
            .iter()
            .rev()
            .max_by_key(|(_, count)| *count)
            .map(|(name, _)| *name)
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::{Backlog, Id, MeasureDraft, MeetingDraft, MeetingState, Verdict};

    #[test]
    fn the_recorder_wrote_most_entries_and_others_are_named_apart() {
        let mut b = Backlog::new("t", &[]);
        let now: jiff::Timestamp = "2026-12-07T09:00:00Z".parse().unwrap();
        for title in ["A", "B", "C"] {
            b.add_measure(MeasureDraft::titled(title), now).unwrap();
        }
        let draft = MeetingDraft::new("M", jiff::civil::date(2026, 12, 7), vec![], vec![Id(1), Id(2), Id(3)]);
        let (m, _) = b.create_meeting(draft, MeetingState::Running).unwrap();
        assert_eq!(b.recorder_of(b.meeting(m).unwrap()), None, "nothing signed yet");
        let sign = |b: &mut Backlog, measure: u32, author: &str, minute: i64| {
            let at = now + jiff::SignedDuration::from_mins(minute);
            let mut edit = b.record_decision(m, Id(measure), Verdict::Noted, "", at).unwrap();
            edit.sign(b, author);
        };
        sign(&mut b, 1, "Ola", 0);
        sign(&mut b, 2, "Kari", 1);
        assert_eq!(
            b.recorder_of(b.meeting(m).unwrap()),
            Some("Ola"),
            "the first among equals"
        );
        sign(&mut b, 3, "Kari", 2);
        let meeting = b.meeting(m).unwrap();
        assert_eq!(b.recorder_of(meeting), Some("Kari"));
        let authors: Vec<&str> = meeting
            .decisions
            .iter()
            .map(|d| b.decision_entry(meeting, d).unwrap().author.as_str())
            .collect();
        assert_eq!(authors, ["Ola", "Kari", "Kari"]);
    }
}
