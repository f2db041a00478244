//! Moving a record to another id together with every link to it. Used when two writers added
//! different records under the same id, so both survive a merge.

use super::id::{MeasureId, MeetingId, OwnerId, PriorityId, SectorId, TermId};
use super::model::Backlog;

fn swap<I: PartialEq + Copy>(value: &mut I, from: I, to: I) {
    if *value == from {
        *value = to;
    }
}

impl Backlog {
    pub fn renumber_sector(&mut self, from: SectorId, to: SectorId) {
        self.sectors.iter_mut().for_each(|s| swap(&mut s.id, from, to));
        self.sectors.sort_by_key(|s| s.id);
        for owner in &mut self.owners {
            if let Some(s) = &mut owner.sector {
                swap(s, from, to);
            }
        }
        for m in &mut self.measures {
            m.sectors.iter_mut().for_each(|s| swap(s, from, to));
        }
        for term in &mut self.glossary {
            if let Some(s) = &mut term.sector {
                swap(s, from, to);
            }
        }
    }

    pub fn renumber_owner(&mut self, from: OwnerId, to: OwnerId) {
        self.owners.iter_mut().for_each(|o| swap(&mut o.id, from, to));
        self.owners.sort_by_key(|o| o.id);
        for m in &mut self.measures {
            if let Some(o) = &mut m.owner {
                swap(o, from, to);
            }
        }
        for meeting in &mut self.meetings {
            meeting.attendees.iter_mut().for_each(|a| swap(a, from, to));
            meeting.absent.iter_mut().for_each(|a| swap(a, from, to));
        }
    }

    pub fn renumber_priority(&mut self, from: PriorityId, to: PriorityId) {
        self.priorities.iter_mut().for_each(|p| swap(&mut p.id, from, to));
        self.priorities.sort_by_key(|p| p.id);
        for m in &mut self.measures {
            m.priorities.iter_mut().for_each(|p| swap(p, from, to));
        }
    }

    pub fn renumber_measure(&mut self, from: MeasureId, to: MeasureId) {
        self.measures.iter_mut().for_each(|m| swap(&mut m.id, from, to));
        self.measures.sort_by_key(|m| m.id);
        for m in &mut self.measures {
            m.depends_on.iter_mut().for_each(|d| swap(d, from, to));
            if let Some(parent) = &mut m.part_of {
                swap(parent, from, to);
            }
        }
        for meeting in &mut self.meetings {
            meeting.agenda.iter_mut().for_each(|a| swap(a, from, to));
            meeting
                .decisions
                .iter_mut()
                .for_each(|d| swap(&mut d.measure, from, to));
            meeting
                .time_spent
                .iter_mut()
                .for_each(|t| swap(&mut t.measure, from, to));
        }
    }

    pub fn renumber_meeting(&mut self, from: MeetingId, to: MeetingId) {
        self.meetings.iter_mut().for_each(|m| swap(&mut m.id, from, to));
        self.meetings.sort_by_key(|m| m.id);
        for term in &mut self.glossary {
            if let Some(meeting) = &mut term.meeting {
                swap(meeting, from, to);
            }
        }
        for m in &mut self.measures {
            for entry in &mut m.log {
                if let Some(meeting) = &mut entry.meeting {
                    swap(meeting, from, to);
                }
            }
        }
    }

    // issue 16: glossary
    pub fn renumber_term(&mut self, from: TermId, to: TermId) {
        self.glossary.iter_mut().for_each(|t| swap(&mut t.id, from, to));
        self.glossary.sort_by_key(|t| t.id);
        for meeting in &mut self.meetings {
            meeting.terms.iter_mut().for_each(|t| swap(t, from, to));
            meeting
                .term_decisions
                .iter_mut()
                .for_each(|d| swap(&mut d.term, from, to));
        }
    }
}
