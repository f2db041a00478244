//! How measures hang together: "depends on" (this one waits for those) with its inverse "needed
//! by", and "part of" (a parent measure with its parts). Neither may go round in a circle.

use std::collections::BTreeSet;

use super::id::MeasureId;
use super::model::{Backlog, Measure, Status};

/// `T-3 → T-7 → T-3`: a cycle as people read it.
pub fn cycle_text(cycle: &[MeasureId]) -> String {
    cycle.iter().map(ToString::to_string).collect::<Vec<_>>().join(" → ")
}

/// `T-3, T-7` as written in a form or a cell: ids separated by commas, semicolons or spaces.
/// The error is the first part that is not an id.
pub fn parse_ids(text: &str) -> Result<Vec<MeasureId>, String> {
    text.split([',', ';', ' ', '\n'])
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| part.parse::<MeasureId>().map_err(|_| part.to_string()))
        .collect()
}

/// `T-3, T-7`.
pub fn ids_text(ids: &[MeasureId]) -> String {
    ids.iter().map(ToString::to_string).collect::<Vec<_>>().join(", ")
}

impl Backlog {
    /// The cycle that giving measure `id` the dependencies `depends_on` would close, starting and
    /// ending at `id`; `None` when there is none.
    pub fn dependency_cycle(&self, id: MeasureId, depends_on: &[MeasureId]) -> Option<Vec<MeasureId>> {
        let deps_of = |m: MeasureId| -> &[MeasureId] {
            if m == id {
                depends_on
            } else {
                self.measure(m).map_or(&[], |m| m.depends_on.as_slice())
            }
        };
        // Depth-first from `id`, with the path kept so the cycle can be named.
        let mut seen = BTreeSet::new();
        let mut path = vec![id];
        let mut stack: Vec<std::slice::Iter<MeasureId>> = vec![deps_of(id).iter()];
        while let Some(next) = stack.last_mut().map(Iterator::next) {
            match next {
                Some(&dep) if dep == id => {
                    path.push(id);
                    return Some(path);
                }
                Some(&dep) => {
                    if seen.insert(dep) {
                        path.push(dep);
                        stack.push(deps_of(dep).iter());
                    }
                }
                None => {
                    stack.pop();
                    path.pop();
                }
            }
        }
        None
    }

    /// The cycle that making `id` a part of `parent` would close, from `id` back to `id`.
    pub fn part_of_cycle(&self, id: MeasureId, parent: MeasureId) -> Option<Vec<MeasureId>> {
        let mut path = vec![id];
        let mut at = Some(parent);
        while let Some(current) = at {
            path.push(current);
            if current == id {
                return Some(path);
            }
            if path.len() > self.measures.len() + 1 {
                return None; // a loop elsewhere in an old file; not one through `id`
            }
            at = self.measure(current).and_then(|m| m.part_of);
        }
        None
    }

    /// The measures that depend on `id`, in id order.
    pub fn needed_by(&self, id: MeasureId) -> Vec<&Measure> {
        self.measures.iter().filter(|m| m.depends_on.contains(&id)).collect()
    }

    /// The parts of measure `id`, in id order.
    pub fn parts(&self, id: MeasureId) -> Vec<&Measure> {
        self.measures.iter().filter(|m| m.part_of == Some(id)).collect()
    }

    /// The dependencies of `measure` that are not done yet.
    pub fn blockers(&self, measure: &Measure) -> Vec<&Measure> {
        measure
            .depends_on
            .iter()
            .filter_map(|d| self.measure(*d))
            .filter(|d| d.status != Status::Done)
            .collect()
    }

    /// Whether some dependency of `measure` is not done.
    pub fn is_blocked(&self, measure: &Measure) -> bool {
        measure
            .depends_on
            .iter()
            .any(|d| self.measure(*d).is_some_and(|d| d.status != Status::Done))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{DomainError, Id, MeasureDraft};

    fn backlog(n: u32) -> Backlog {
        let mut b = Backlog::new("t", &[]);
        let now = "2026-11-29T12:00:00Z".parse().unwrap();
        for i in 1..=n {
            b.add_measure(MeasureDraft::titled(&format!("m{i}")), now).unwrap();
        }
        b
    }

    fn depend(b: &mut Backlog, id: u32, on: &[u32]) -> Result<(), DomainError> {
        let mut d = MeasureDraft::from_measure(b.measure(Id(id)).unwrap());
        d.depends_on = on.iter().map(|n| Id(*n)).collect();
        b.update_measure(Id(id), d, "2026-11-30T12:00:00Z".parse().unwrap())
            .map(|_| ())
    }

    #[test]
    fn a_cycle_is_refused_and_named() {
        let mut b = backlog(8);
        depend(&mut b, 7, &[3]).unwrap();
        depend(&mut b, 5, &[7]).unwrap();
        let err = depend(&mut b, 3, &[1, 5]).unwrap_err();
        assert_eq!(err, DomainError::DependencyCycle(vec![Id(3), Id(5), Id(7), Id(3)]));
        assert_eq!(err.to_string(), "T-3 → T-5 → T-7 → T-3 would go round in a circle");
        assert!(b.measure(Id(3)).unwrap().depends_on.is_empty(), "nothing was changed");
        let err = depend(&mut b, 2, &[2]).unwrap_err();
        assert_eq!(cycle_text(&[Id(2), Id(2)]), "T-2 → T-2");
        assert_eq!(err, DomainError::DependencyCycle(vec![Id(2), Id(2)]));
        depend(&mut b, 3, &[1]).unwrap();
        assert_eq!(depend(&mut b, 4, &[9]).unwrap_err(), DomainError::UnknownMeasure(Id(9)));
    }

    #[test]
    fn part_of_may_not_go_round_either() {
        let mut b = backlog(4);
        let mut part = |id: u32, parent: u32| {
            let mut d = MeasureDraft::from_measure(b.measure(Id(id)).unwrap());
            d.part_of = Some(Id(parent));
            b.update_measure(Id(id), d, "2026-11-30T12:00:00Z".parse().unwrap())
                .map(|_| ())
        };
        part(2, 1).unwrap();
        part(3, 2).unwrap();
        assert_eq!(
            part(1, 3).unwrap_err(),
            DomainError::PartOfCycle(vec![Id(1), Id(3), Id(2), Id(1)])
        );
        assert_eq!(b.parts(Id(2)).iter().map(|m| m.id).collect::<Vec<_>>(), [Id(3)]);
    }

    #[test]
    fn blocked_until_every_dependency_is_done_and_needed_by_is_the_inverse() {
        let mut b = backlog(3);
        depend(&mut b, 3, &[1, 2]).unwrap();
        let blockers = |b: &Backlog| {
            b.blockers(b.measure(Id(3)).unwrap())
                .iter()
                .map(|m| m.id)
                .collect::<Vec<_>>()
        };
        assert_eq!(blockers(&b), [Id(1), Id(2)]);
        assert_eq!(b.needed_by(Id(1)).iter().map(|m| m.id).collect::<Vec<_>>(), [Id(3)]);
        let now = "2026-11-30T12:00:00Z".parse().unwrap();
        b.assign(&[Id(1)], &crate::domain::Assignment::Status(Status::Done), now)
            .unwrap();
        assert_eq!(blockers(&b), [Id(2)]);
        assert!(b.is_blocked(b.measure(Id(3)).unwrap()));
        b.assign(&[Id(2)], &crate::domain::Assignment::Status(Status::Done), now)
            .unwrap();
        assert!(!b.is_blocked(b.measure(Id(3)).unwrap()));
    }

    #[test]
    fn deleting_a_measure_takes_it_out_of_dependencies_and_undo_puts_it_back() {
        let mut b = backlog(3);
        depend(&mut b, 3, &[1, 2]).unwrap();
        let mut d = MeasureDraft::from_measure(b.measure(Id(2)).unwrap());
        d.part_of = Some(Id(1));
        b.update_measure(Id(2), d, "2026-11-30T12:00:00Z".parse().unwrap())
            .unwrap();
        let before = b.clone();
        let edit = b.delete_measures(&[Id(1)]).unwrap();
        assert_eq!(b.measure(Id(3)).unwrap().depends_on, [Id(2)]);
        assert_eq!(b.measure(Id(2)).unwrap().part_of, None);
        assert!(b.invariant_violations().is_empty(), "{:?}", b.invariant_violations());
        b.apply(&edit.undo);
        assert_eq!(b, before);
    }
}
