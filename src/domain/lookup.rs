//! Finding owners, sectors and priorities by the names people type, case-insensitively, with
//! the closest known names offered when nothing matches.

use super::id::{OwnerId, PriorityId, SectorId};
use super::model::Backlog;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownName {
    pub given: String,
    /// Known names, closest first (at most three).
    pub closest: Vec<String>,
}

fn find_by_name<I: Copy>(given: &str, candidates: impl Iterator<Item = (I, String)>) -> Result<I, UnknownName> {
    let wanted = given.trim().to_lowercase();
    let mut scored: Vec<(f64, String)> = Vec::new();
    for (id, name) in candidates {
        let lowered = name.to_lowercase();
        if lowered == wanted {
            return Ok(id);
        }
        let mut score = strsim::jaro_winkler(&wanted, &lowered);
        if !wanted.is_empty() && lowered.contains(&wanted) {
            score += 1.0;
        }
        scored.push((score, name));
    }
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    Err(UnknownName {
        given: given.to_string(),
        closest: scored.into_iter().take(3).map(|(_, n)| n).collect(),
    })
}

impl Backlog {
    pub fn owner_by_name(&self, name: &str) -> Result<OwnerId, UnknownName> {
        find_by_name(name, self.owners.iter().map(|o| (o.id, o.name.clone())))
    }

    /// Matches a sector's full name or its short label.
    pub fn sector_by_name(&self, name: &str) -> Result<SectorId, UnknownName> {
        let by_short = self.sectors.iter().find(|s| {
            s.short
                .as_deref()
                .is_some_and(|short| short.to_lowercase() == name.trim().to_lowercase())
        });
        match by_short {
            Some(sector) => Ok(sector.id),
            None => find_by_name(name, self.sectors.iter().map(|s| (s.id, s.name.clone()))),
        }
    }

    pub fn priority_by_title(&self, title: &str) -> Result<PriorityId, UnknownName> {
        find_by_name(title, self.priorities.iter().map(|p| (p.id, p.title.clone())))
    }

    /// A sector by name or by the short label the screen shows, set or derived ("HO"), when
    /// only one sector has that label.
    pub fn sector_by_label(&self, text: &str) -> Result<SectorId, UnknownName> {
        self.sector_by_name(text).or_else(|err| {
            let wanted = text.trim().to_lowercase();
            let mut matching = self.sectors.iter().filter(|s| s.short_label().to_lowercase() == wanted);
            match (matching.next(), matching.next()) {
                (Some(sector), None) => Ok(sector.id),
                _ => Err(err),
            }
        })
    }

    /// A priority by title or by its rank as the screen shows it ("2" or "2.").
    pub fn priority_by_label(&self, text: &str) -> Result<PriorityId, UnknownName> {
        let rank = text.trim().trim_end_matches('.').parse::<u32>().ok();
        match rank.and_then(|r| self.priorities.iter().find(|p| p.rank == r)) {
            Some(priority) => Ok(priority.id),
            None => self.priority_by_title(text),
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::domain::{Backlog, OwnerDraft};

    #[test]
    fn matches_case_insensitively_including_norwegian_letters() {
        let mut b = Backlog::new("t", &["Oppvekst"]);
        let (id, _) = b
            .add_owner(OwnerDraft {
                name: "Øystein Ås".into(),
                role: String::new(),
                sector: None,
            })
            .unwrap();
        assert_eq!(b.owner_by_name("øystein ås"), Ok(id));
        assert_eq!(b.owner_by_name("ØYSTEIN ÅS"), Ok(id));
    }

    #[test]
    fn unknown_name_lists_closest_first() {
        let mut b = Backlog::new("t", &[]);
        for name in ["Kari Nordmann", "Ola Hansen", "Kari Nordby"] {
            b.add_owner(OwnerDraft {
                name: name.into(),
                role: String::new(),
                sector: None,
            })
            .unwrap();
        }
        let err = b.owner_by_name("Kari Nordman").unwrap_err();
        assert_eq!(err.closest[0], "Kari Nordmann");
        assert_eq!(err.closest.len(), 3);
    }

    #[test]
    fn labels_find_sectors_by_short_label_and_priorities_by_rank() {
        use crate::domain::PriorityDraft;
        let mut b = Backlog::new("t", &["Helse og omsorg", "Oppvekst skole"]);
        let helse = b.sector_by_name("Helse og omsorg").unwrap();
        assert_eq!(b.sector_by_label("ho"), Ok(helse));
        assert!(b.sector_by_label("XX").is_err());
        let (first, _) = b
            .add_priority(PriorityDraft {
                title: "Mennesket først".into(),
                description: String::new(),
            })
            .unwrap();
        assert_eq!(b.priority_by_label("1"), Ok(first));
        assert_eq!(b.priority_by_label("1."), Ok(first));
        assert_eq!(b.priority_by_label("mennesket først"), Ok(first));
        assert!(b.priority_by_label("2").is_err());
    }
}
