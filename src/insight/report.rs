//! `tiltak report`: the Overview's insight as text or Markdown, from the same computations.

use jiff::civil::Date;

use super::{Insight, PriorityFlag};
use crate::domain::Backlog;
use crate::i18n::{Lang, Msg};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Markdown,
}

impl Format {
    pub fn from_key(key: &str) -> Option<Format> {
        match key.trim().to_lowercase().as_str() {
            "text" | "txt" => Some(Format::Text),
            "md" | "markdown" => Some(Format::Markdown),
            _ => None,
        }
    }
}

/// 1250000 → "1 250 000", as amounts are written in Norway.
pub fn amount(n: u64) -> String {
    crate::ui::group_thousands(n)
}

/// The report's sections: a heading and its lines.
fn sections(backlog: &Backlog, lang: Lang, today: Date) -> Vec<(String, Vec<String>)> {
    let insight = Insight::compute(backlog, today);
    let matrix = &insight.matrix;
    let none = || vec![lang.tr(Msg::ReportNone).to_string()];
    let or_none = |lines: Vec<String>| if lines.is_empty() { none() } else { lines };

    let mut priorities = Vec::new();
    let mut flags = Vec::new();
    for (row, id) in matrix.priorities.iter().enumerate() {
        let (Some(p), Some(stats)) = (
            backlog.priority(*id),
            insight.priorities.iter().find(|s| s.priority == *id),
        ) else {
            continue;
        };
        let done = stats
            .percent_done()
            .map_or_else(|| lang.tr(Msg::None).to_string(), |n| n.to_string());
        priorities.push(lang.fill(
            Msg::ReportPriorityLine,
            &[
                ("rank", &p.rank.to_string()),
                ("title", &p.title),
                ("total", &stats.total().to_string()),
                ("active", &matrix.row_active[row].to_string()),
                ("done", &done),
                ("sectors", &matrix.row_sectors[row].to_string()),
            ],
        ));
        let flag = match matrix.flag(row) {
            Some(PriorityFlag::Silo) => {
                let sector = matrix
                    .silo_sector(row)
                    .and_then(|s| backlog.sector(s))
                    .map(|s| s.name.clone())
                    .unwrap_or_default();
                Some(lang.fill(Msg::ReportSilo, &[("sector", &sector)]))
            }
            Some(PriorityFlag::Empty) => Some(lang.tr(Msg::ReportEmpty).to_string()),
            None => None,
        };
        if let Some(flag) = flag {
            flags.push(format!("{}. {}: {flag}", p.rank, p.title));
        }
    }
    let uncovered: Vec<String> = (0..matrix.sectors.len())
        .filter(|c| matrix.sector_uncovered(*c))
        .filter_map(|c| backlog.sector(matrix.sectors[c]))
        .map(|s| s.name.clone())
        .collect();
    let owners: Vec<String> = insight
        .owners
        .iter()
        .filter(|l| l.overloaded)
        .filter_map(|l| {
            let owner = backlog.owner(l.owner)?;
            Some(lang.fill(
                Msg::ReportOwnerLine,
                &[
                    ("name", &owner.name),
                    ("active", &l.active.to_string()),
                    ("overdue", &l.overdue.to_string()),
                    ("assessing", &l.assessing.to_string()),
                ],
            ))
        })
        .collect();
    let mut overdue: Vec<&crate::domain::Measure> = backlog.measures.iter().filter(|m| m.is_overdue(today)).collect();
    overdue.sort_by_key(|m| (m.due, m.id));
    let overdue: Vec<String> = overdue
        .into_iter()
        .map(|m| {
            let owner = m
                .owner
                .and_then(|o| backlog.owner(o))
                .map_or_else(|| lang.tr(Msg::None).to_string(), |o| o.name.clone());
            let due = m.due.map(|d| lang.date(d)).unwrap_or_default();
            format!("{} {} ({owner}, {due})", m.id, m.title)
        })
        .collect();
    let funding: Vec<String> = insight
        .charts
        .funding
        .iter()
        .map(|share| {
            let name = share.funding.map_or(lang.tr(Msg::FundingNotSet), |f| lang.funding(f));
            let numbers = if share.with_cost > 0 {
                lang.fill(
                    Msg::CountAndCost,
                    &[("n", &share.count.to_string()), ("cost", &amount(share.cost))],
                )
            } else {
                share.count.to_string()
            };
            format!("{name}: {numbers}")
        })
        .collect();
    let percent = super::load::rounded_percent(matrix.cross_sector, matrix.active);
    let mut priorities = or_none(priorities);
    priorities.push(lang.fill(
        Msg::CrossSectorLine,
        &[
            ("n", &matrix.cross_sector.to_string()),
            ("m", &matrix.active.to_string()),
            ("pct", &percent.to_string()),
        ],
    ));
    vec![
        (lang.tr(Msg::ReportPriorities).to_string(), priorities),
        (lang.tr(Msg::ReportFlags).to_string(), or_none(flags)),
        (lang.tr(Msg::ReportUncovered).to_string(), or_none(uncovered)),
        (
            lang.fill(
                Msg::ReportOwners,
                &[("n", &backlog.settings.owner_load_threshold.to_string())],
            ),
            or_none(owners),
        ),
        (lang.tr(Msg::ReportOverdue).to_string(), or_none(overdue)),
        (lang.tr(Msg::ReportFunding).to_string(), funding),
    ]
}

pub fn render(backlog: &Backlog, lang: Lang, today: Date, format: Format) -> String {
    let title = lang.fill(Msg::ReportTitle, &[("name", &backlog.name)]);
    let as_of = lang.fill(Msg::ReportAsOf, &[("date", &lang.date(today))]);
    let mut out = String::new();
    match format {
        Format::Text => {
            out.push_str(&format!("{title}\n{as_of}\n"));
            for (heading, lines) in sections(backlog, lang, today) {
                out.push_str(&format!("\n{heading}\n"));
                for line in lines {
                    out.push_str(&format!("  {line}\n"));
                }
            }
        }
        Format::Markdown => {
            out.push_str(&format!("# {title}\n\n{as_of}\n"));
            for (heading, lines) in sections(backlog, lang, today) {
                out.push_str(&format!("\n## {heading}\n\n"));
                for line in lines {
                    out.push_str(&format!("- {line}\n"));
                }
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::Status;
    use crate::insight::fixtures::*;

    #[test]
    fn report_names_silos_empty_priorities_and_uncovered_sectors() {
        let mut b = with_priorities(&["Skole", "Helse"], &["Team", "Tom"]);
        measure(&mut b, Status::Idea, &[1], &[1]);
        measure(&mut b, Status::Done, &[1], &[1]);
        let text = render(&b, Lang::En, date(2026, 11, 29), Format::Text);
        assert!(
            text.contains("1. Team: 2 measures, 1 active, 50% done, sectors reached: 1"),
            "{text}"
        );
        assert!(text.contains("1. Team: silo in Skole"), "{text}");
        assert!(text.contains("2. Tom: no active measures"), "{text}");
        assert!(
            text.contains("Sectors with no active measure under any priority\n  Helse"),
            "{text}"
        );
        let md = render(&b, Lang::Nb, date(2026, 11, 29), Format::Markdown);
        assert!(md.starts_with("# Statusrapport: t\n"), "{md}");
        assert!(
            md.contains("## Siloer og tomme prioriteringer\n\n- 1. Team: silo i Skole"),
            "{md}"
        );
    }

    #[test]
    fn an_empty_backlog_reports_none_everywhere() {
        let b = with_priorities(&[], &[]);
        let text = render(&b, Lang::En, date(2026, 11, 29), Format::Text);
        assert!(
            text.contains("Priorities\n  None.\n  0 of 0 active measures are cross-sector (0%)"),
            "{text}"
        );
        assert!(text.contains("Overdue measures\n  None."), "{text}");
    }
}
