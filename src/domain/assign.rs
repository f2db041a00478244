//! Quick-assign: one field set on one or many measures in a single undoable step.

use jiff::Timestamp;

use super::id::{MeasureId, OwnerId, PriorityId, SectorId};
use super::model::Backlog;
use super::ops::DomainError;
use super::patch::{Edit, Patch};

/// What to set. Sectors and priorities are added and removed, so a bulk change keeps what
/// differs between the measures and was not touched.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Assignment {
    Owner(Option<OwnerId>),
    Sectors {
        add: Vec<SectorId>,
        remove: Vec<SectorId>,
    },
    Priorities {
        add: Vec<PriorityId>,
        remove: Vec<PriorityId>,
    },
    Value(Option<u8>),
    Effort(Option<u8>),
    /// Any status, not only the next one in the lifecycle; logged like a step.
    Status(super::model::Status),
    // issue 16: dependencies and links
    DependsOn {
        add: Vec<MeasureId>,
        remove: Vec<MeasureId>,
    },
    PartOf(Option<MeasureId>),
}

fn add_remove<T: PartialEq + Copy>(list: &mut Vec<T>, add: &[T], remove: &[T]) {
    list.retain(|x| !remove.contains(x));
    for x in add {
        if !list.contains(x) {
            list.push(*x);
        }
    }
}

impl Backlog {
    fn check_assignment(&self, assignment: &Assignment) -> Result<(), DomainError> {
        match assignment {
            Assignment::Owner(Some(owner)) if self.owner(*owner).is_none() => Err(DomainError::UnknownOwner(*owner)),
            Assignment::Sectors { add, .. } => match add.iter().find(|s| self.sector(**s).is_none()) {
                Some(s) => Err(DomainError::UnknownSector(*s)),
                None => Ok(()),
            },
            Assignment::Priorities { add, .. } => match add.iter().find(|p| self.priority(**p).is_none()) {
                Some(p) => Err(DomainError::UnknownPriority(*p)),
                None => Ok(()),
            },
            Assignment::Value(Some(v)) if !(1..=5).contains(v) => Err(DomainError::OutOfRange {
                field: "value",
                value: *v,
            }),
            Assignment::Effort(Some(v)) if !(1..=5).contains(v) => Err(DomainError::OutOfRange {
                field: "effort",
                value: *v,
            }),
            Assignment::DependsOn { add, .. } => match add.iter().find(|m| self.measure(**m).is_none()) {
                Some(m) => Err(DomainError::UnknownMeasure(*m)),
                None => Ok(()),
            },
            Assignment::PartOf(Some(parent)) if self.measure(*parent).is_none() => {
                Err(DomainError::UnknownMeasure(*parent))
            }
            _ => Ok(()),
        }
    }

    /// Applies `assignment` to every measure in `ids` as one step. `None` when no measure
    /// changed.
    pub fn assign(
        &mut self,
        ids: &[MeasureId],
        assignment: &Assignment,
        now: Timestamp,
    ) -> Result<Option<Edit>, DomainError> {
        self.check_assignment(assignment)?;
        let mut patch = Patch::default();
        for id in ids {
            let old = self.measure(*id).ok_or(DomainError::UnknownMeasure(*id))?;
            let mut m = old.clone();
            match assignment {
                Assignment::Owner(owner) => m.owner = *owner,
                Assignment::Sectors { add, remove } => add_remove(&mut m.sectors, add, remove),
                Assignment::Priorities { add, remove } => add_remove(&mut m.priorities, add, remove),
                Assignment::Value(v) => m.value = *v,
                Assignment::Effort(v) => m.effort = *v,
                Assignment::Status(status) if m.status != *status => {
                    m.log.push(super::ops::status_entry(m.status, *status, now));
                    m.status = *status;
                }
                Assignment::Status(_) => {}
                Assignment::DependsOn { add, remove } => add_remove(&mut m.depends_on, add, remove),
                Assignment::PartOf(parent) => m.part_of = *parent,
            }
            if m != *old {
                self.log_owner_and_due(old, &mut m, now);
                m.updated = now;
                patch.put_measure(m);
            }
        }
        if patch.is_empty() {
            return Ok(None);
        }
        let edit = self.commit(patch);
        // Several measures changed at once can close a circle together; checked on the result.
        if let Some(refused) = ids.iter().find_map(|id| self.connection_cycle(*id)) {
            self.apply(&edit.undo);
            return Err(refused);
        }
        Ok(Some(edit))
    }

    /// The circle measure `id` stands in now, through its dependencies or its parents.
    fn connection_cycle(&self, id: MeasureId) -> Option<DomainError> {
        let m = self.measure(id)?;
        if let Some(cycle) = self.dependency_cycle(id, &m.depends_on) {
            return Some(DomainError::DependencyCycle(cycle));
        }
        let cycle = m.part_of.and_then(|parent| self.part_of_cycle(id, parent))?;
        Some(DomainError::PartOfCycle(cycle))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Id, MeasureDraft};

    #[test]
    fn bulk_sectors_add_and_remove_keep_what_differs_and_undo_in_one_step() {
        let mut b = Backlog::new("t", &["A", "B", "C"]);
        let now: Timestamp = "2026-11-29T12:00:00Z".parse().unwrap();
        let mut one = MeasureDraft::titled("1");
        one.sectors = vec![Id(1), Id(2)];
        let mut two = MeasureDraft::titled("2");
        two.sectors = vec![Id(1)];
        let (a, _) = b.add_measure(one, now).unwrap();
        let (c, _) = b.add_measure(two, now).unwrap();
        let before = b.clone();
        let edit = b
            .assign(
                &[a, c],
                &Assignment::Sectors {
                    add: vec![Id(3)],
                    remove: vec![Id(1)],
                },
                now,
            )
            .unwrap()
            .unwrap();
        assert_eq!(b.measure(a).unwrap().sectors, [Id(2), Id(3)]);
        assert_eq!(b.measure(c).unwrap().sectors, [Id(3)]);
        b.apply(&edit.undo);
        assert_eq!(b, before);
    }

    #[test]
    fn bad_values_and_links_are_refused_and_no_change_is_none() {
        let mut b = Backlog::new("t", &["A"]);
        let now: Timestamp = "2026-11-29T12:00:00Z".parse().unwrap();
        let (id, _) = b.add_measure(MeasureDraft::titled("x"), now).unwrap();
        assert!(b.assign(&[id], &Assignment::Value(Some(6)), now).is_err());
        assert!(b.assign(&[id], &Assignment::Owner(Some(Id(9))), now).is_err());
        assert_eq!(b.assign(&[id], &Assignment::Effort(None), now), Ok(None));
        b.assign(&[id], &Assignment::Effort(Some(2)), now).unwrap().unwrap();
        assert_eq!(b.measure(id).unwrap().effort, Some(2));
    }

    #[test]
    fn dependencies_picked_for_several_measures_may_not_close_a_circle() {
        let mut b = Backlog::new("t", &[]);
        let now: Timestamp = "2026-11-29T12:00:00Z".parse().unwrap();
        for t in ["1", "2", "3"] {
            b.add_measure(MeasureDraft::titled(t), now).unwrap();
        }
        let depends = |add: &[u32]| Assignment::DependsOn {
            add: add.iter().map(|n| Id(*n)).collect(),
            remove: vec![],
        };
        b.assign(&[Id(1)], &depends(&[3]), now).unwrap().unwrap();
        let before = b.clone();
        assert_eq!(
            b.assign(&[Id(3)], &depends(&[2, 1]), now),
            Err(DomainError::DependencyCycle(vec![Id(3), Id(1), Id(3)]))
        );
        assert_eq!(b, before, "refused as a whole");
        assert_eq!(
            b.assign(&[Id(2)], &depends(&[9]), now),
            Err(DomainError::UnknownMeasure(Id(9)))
        );
        b.assign(&[Id(2)], &Assignment::PartOf(Some(Id(1))), now)
            .unwrap()
            .unwrap();
        assert!(matches!(
            b.assign(&[Id(1)], &Assignment::PartOf(Some(Id(2))), now),
            Err(DomainError::PartOfCycle(_))
        ));
    }
}
