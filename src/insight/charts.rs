//! The numbers behind the Overview charts and the value/effort grid. Everything but the
//! status counts looks at active measures only: what the group still has to carry.

use jiff::civil::{Date, date};

use crate::domain::{Backlog, Funding, MeasureId, SectorId, Status};

/// A calendar quarter: year and 1–4.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Quarter {
    pub year: i16,
    pub number: i8,
}

impl Quarter {
    pub fn of(day: Date) -> Quarter {
        Quarter {
            year: day.year(),
            number: (day.month() - 1) / 3 + 1,
        }
    }

    pub fn next(self) -> Quarter {
        if self.number == 4 {
            Quarter {
                year: self.year.saturating_add(1),
                number: 1,
            }
        } else {
            Quarter {
                year: self.year,
                number: self.number + 1,
            }
        }
    }

    fn first_day(self) -> Option<Date> {
        jiff::civil::Date::new(self.year, (self.number - 1) * 3 + 1, 1).ok()
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DueBuckets {
    /// Active and past due.
    pub overdue: usize,
    /// The current quarter (from today) and the three after it.
    pub quarters: Vec<(Quarter, usize)>,
    /// Due after those four quarters.
    pub later: usize,
    /// Active without a due date.
    pub no_due: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FundingShare {
    /// `None`: no funding form set yet.
    pub funding: Option<Funding>,
    pub count: usize,
    /// Sum of the cost estimates given, in NOK.
    pub cost: u64,
    /// How many of `count` have a cost estimate.
    pub with_cost: usize,
}

/// Active measures per value (rows, 5 first) and effort (columns, 1 first).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ValueEffortGrid {
    /// `counts[5 - value][effort - 1]`.
    pub counts: [[usize; 5]; 5],
    /// Active measures missing value or effort.
    pub unscored: usize,
    // issue 14: the grid names its measures when they fit
    /// The measures counted in each cell, in backlog order.
    pub measures: [[Vec<MeasureId>; 5]; 5],
}

impl ValueEffortGrid {
    pub fn value_of_row(row: usize) -> u8 {
        5 - row.min(4) as u8
    }

    pub fn effort_of_column(column: usize) -> u8 {
        column.min(4) as u8 + 1
    }

    /// High value (4–5) for low effort (1–2): the top-left corner.
    pub fn is_quick_win(row: usize, column: usize) -> bool {
        row < 2 && column < 2
    }
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Charts {
    /// All measures per status, in `Status::ALL` order.
    pub by_status: Vec<(Status, usize)>,
    /// Active measures per sector, in the backlog's sector order.
    pub active_by_sector: Vec<(SectorId, usize)>,
    pub due: DueBuckets,
    /// The four funding forms, then "not set".
    pub funding: Vec<FundingShare>,
    pub value_effort: ValueEffortGrid,
}

impl Charts {
    pub fn compute(backlog: &Backlog, today: Date) -> Charts {
        let mut by_status: Vec<(Status, usize)> = Status::ALL.iter().map(|s| (*s, 0)).collect();
        let mut active_by_sector: Vec<(SectorId, usize)> =
            backlog.sectors_in_order().iter().map(|s| (s.id, 0)).collect();
        let mut quarters = Vec::with_capacity(4);
        let mut quarter = Quarter::of(today);
        for _ in 0..4 {
            quarters.push((quarter, 0));
            quarter = quarter.next();
        }
        let horizon = quarter.first_day().unwrap_or(date(9999, 12, 31));
        let mut due = DueBuckets {
            quarters,
            ..Default::default()
        };
        let mut funding: Vec<FundingShare> = Funding::ALL
            .iter()
            .map(|f| Some(*f))
            .chain([None])
            .map(|funding| FundingShare {
                funding,
                count: 0,
                cost: 0,
                with_cost: 0,
            })
            .collect();
        let mut value_effort = ValueEffortGrid::default();
        for m in &backlog.measures {
            if let Some(entry) = by_status.iter_mut().find(|(s, _)| *s == m.status) {
                entry.1 += 1;
            }
            if !m.status.is_active() {
                continue;
            }
            for s in &m.sectors {
                if let Some(entry) = active_by_sector.iter_mut().find(|(id, _)| id == s) {
                    entry.1 += 1;
                }
            }
            match m.due {
                None => due.no_due += 1,
                Some(d) if d < today => due.overdue += 1,
                Some(d) if d >= horizon => due.later += 1,
                Some(d) => {
                    let q = Quarter::of(d);
                    if let Some(entry) = due.quarters.iter_mut().find(|(x, _)| *x == q) {
                        entry.1 += 1;
                    }
                }
            }
            if let Some(share) = funding.iter_mut().find(|f| f.funding == m.funding) {
                share.count += 1;
                if let Some(cost) = m.cost_estimate {
                    share.cost = share.cost.saturating_add(cost);
                    share.with_cost += 1;
                }
            }
            match (m.value, m.effort) {
                (Some(v @ 1..=5), Some(e @ 1..=5)) => {
                    value_effort.counts[usize::from(5 - v)][usize::from(e - 1)] += 1;
                    value_effort.measures[usize::from(5 - v)][usize::from(e - 1)].push(m.id);
                }
                _ => value_effort.unscored += 1,
            }
        }
        Charts {
            by_status,
            active_by_sector,
            due,
            funding,
            value_effort,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{Id, MeasureDraft};
    use crate::insight::fixtures::*;

    fn add(b: &mut Backlog, status: Status, edit: impl FnOnce(&mut MeasureDraft)) {
        let mut draft = MeasureDraft::titled("m");
        draft.status = status;
        edit(&mut draft);
        b.add_measure(draft, now()).unwrap();
    }

    #[test]
    fn empty_backlog_gives_zeroes_everywhere() {
        let c = Charts::compute(&with_priorities(&["A"], &[]), date(2026, 11, 29));
        assert!(c.by_status.iter().all(|(_, n)| *n == 0));
        assert_eq!(c.active_by_sector, vec![(Id(1), 0)]);
        assert_eq!(c.due.quarters.len(), 4);
        assert_eq!(c.funding.len(), 5);
        assert!(c.funding.iter().all(|f| f.count == 0 && f.cost == 0));
        assert_eq!(c.value_effort, ValueEffortGrid::default());
    }

    #[test]
    fn due_dates_fall_into_overdue_four_quarters_and_later() {
        let mut b = with_priorities(&[], &[]);
        for (status, due) in [
            (Status::Idea, Some(date(2026, 11, 28))),
            (Status::Idea, Some(date(2026, 11, 29))),
            (Status::Idea, Some(date(2026, 12, 31))),
            (Status::Idea, Some(date(2027, 1, 1))),
            (Status::Idea, Some(date(2027, 9, 30))),
            (Status::Idea, Some(date(2027, 10, 1))),
            (Status::Idea, None),
            (Status::Done, Some(date(2020, 1, 1))),
        ] {
            add(&mut b, status, |d| d.due = due);
        }
        let c = Charts::compute(&b, date(2026, 11, 29));
        assert_eq!(c.due.overdue, 1, "the done one is not overdue");
        let quarters: Vec<(i16, i8, usize)> = c.due.quarters.iter().map(|(q, n)| (q.year, q.number, *n)).collect();
        assert_eq!(quarters, vec![(2026, 4, 2), (2027, 1, 1), (2027, 2, 0), (2027, 3, 1)]);
        assert_eq!((c.due.later, c.due.no_due), (1, 1));
    }

    #[test]
    fn funding_split_counts_and_sums_cost_of_active_measures() {
        let mut b = with_priorities(&[], &[]);
        add(&mut b, Status::Decided, |d| {
            d.funding = Some(Funding::Operating);
            d.cost_estimate = Some(100_000);
        });
        add(&mut b, Status::Decided, |d| d.funding = Some(Funding::Operating));
        add(&mut b, Status::Idea, |d| d.cost_estimate = Some(5));
        add(&mut b, Status::Done, |d| {
            d.funding = Some(Funding::External);
            d.cost_estimate = Some(1);
        });
        let c = Charts::compute(&b, date(2026, 11, 29));
        let operating = c.funding[0];
        assert_eq!((operating.count, operating.cost, operating.with_cost), (2, 100_000, 1));
        assert_eq!(c.funding[2].count, 0, "done measures are not in the split");
        let unset = c.funding[4];
        assert_eq!((unset.funding, unset.count, unset.cost), (None, 1, 5));
    }

    #[test]
    fn status_sector_and_value_effort_counts() {
        let mut b = with_priorities(&["A", "B"], &[]);
        add(&mut b, Status::Idea, |d| {
            d.sectors = vec![Id(1), Id(2)];
            d.value = Some(5);
            d.effort = Some(1);
        });
        add(&mut b, Status::Idea, |d| {
            d.value = Some(2);
            d.effort = Some(4);
        });
        add(&mut b, Status::Assessing, |d| d.value = Some(3));
        add(&mut b, Status::Rejected, |d| {
            d.sectors = vec![Id(1)];
            d.value = Some(5);
            d.effort = Some(1);
        });
        let c = Charts::compute(&b, date(2026, 11, 29));
        assert_eq!(c.by_status[0], (Status::Idea, 2));
        assert_eq!(c.by_status[6], (Status::Rejected, 1));
        assert_eq!(c.active_by_sector, vec![(Id(1), 1), (Id(2), 1)]);
        assert_eq!(c.value_effort.counts[0][0], 1, "value 5, effort 1: top-left");
        assert_eq!(c.value_effort.measures[0][0].len(), 1);
        assert_eq!(c.value_effort.counts[3][3], 1, "value 2, effort 4");
        assert_eq!(c.value_effort.unscored, 1);
        assert!(ValueEffortGrid::is_quick_win(0, 0) && !ValueEffortGrid::is_quick_win(2, 0));
        assert_eq!(
            (ValueEffortGrid::value_of_row(0), ValueEffortGrid::effort_of_column(0)),
            (5, 1)
        );
    }
}
