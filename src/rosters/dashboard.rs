//! A roster's dashboard numbers, per slice and per expert, in weekly buckets (UTC weeks
//! starting Monday, as timesheets). Pure code: the routes load the roster's outcomes, time
//! entries and timesheet pay, and this turns them into the numbers — reusing scoring's
//! observations ([`crate::scoring::profile::observations`]), its decayed Beta evidence and
//! its agreement statistics, so a dashboard says what the scores say.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};
use serde::Serialize;
use utoipa::ToSchema;

use crate::scoring::beta::Evidence;
use crate::scoring::profile::{self, Fact, Metric};
use crate::scoring::reliability::{self, Agreement, Judgment};
use crate::scoring::stats::Level;

/// The week starts from `from`'s week to `to`'s week, inclusive.
pub fn weeks(from: DateTime<Utc>, to: DateTime<Utc>) -> Vec<DateTime<Utc>> {
    let (mut w, last) = (crate::clock::week_of(from), crate::clock::week_of(to));
    let mut out = Vec::new();
    while w <= last {
        out.push(w);
        w += Duration::days(7);
    }
    out
}

/// One outcome of the roster, as the dashboard reads it.
#[derive(Debug, Clone)]
pub struct Row {
    pub fact: Fact,
    /// Counted in the roster's numbers (the expert was on the roster then); otherwise the
    /// row only feeds the expert's cumulative bounds.
    pub counts: bool,
    /// Ordinal and interval slices: the label on the scale (pairwise: signed preference).
    pub score: Option<i64>,
    pub assignment: Option<String>,
    pub gold_item: Option<String>,
}

/// Seconds of measured work (a time entry) of an expert in a week.
#[derive(Debug, Clone)]
pub struct Seconds {
    pub expert: String,
    pub week: DateTime<Utc>,
    pub seconds: i64,
    /// Paid training time (assessments, calibration) is paid with its entry, without a
    /// timesheet: (currency, minor units).
    pub paid: Option<(String, i64)>,
}

/// Approved pay of an expert's timesheet line (null until the sheet is approved).
#[derive(Debug, Clone)]
pub struct Pay {
    pub expert: String,
    pub week: DateTime<Utc>,
    pub currency: String,
    pub pay_minor: Option<i64>,
}

/// A count and the share of successes; `rate` is null when `n` is 0.
#[derive(Debug, Clone, Copy, Default, PartialEq, Serialize, ToSchema)]
pub struct Share {
    pub n: usize,
    pub hits: usize,
    pub rate: Option<f64>,
}

impl Share {
    fn add(&mut self, hit: bool) {
        self.n += 1;
        if hit {
            self.hits += 1;
        }
        self.rate = Some(self.hits as f64 / self.n as f64);
    }
}

/// Money per currency, in minor units.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Amount {
    pub currency: String,
    pub minor: i64,
}

fn amounts(m: &BTreeMap<String, i64>) -> Vec<Amount> {
    m.iter()
        .map(|(c, v)| Amount {
            currency: c.clone(),
            minor: *v,
        })
        .collect()
}

/// The numbers of one bucket (a week, or the whole period).
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct Numbers {
    /// Judgments submitted in routed work (annotator and adjudicator, gold included).
    pub judgments: usize,
    /// Krippendorff's alpha among the roster's experts on the items resolved in the bucket
    /// (items with two or more of the roster's judgments).
    pub agreement: Agreement,
    /// Krippendorff's alpha among the roster's experts on the calibration items answered in
    /// the bucket (the same gold item answered by two or more of them).
    pub calibration_agreement: Agreement,
    /// Gold answers in routed work and the share correct (corrections from appeals applied).
    pub gold: Share,
    /// Calibration items answered and the share matching the reference.
    pub calibration: Share,
    /// Pairwise slices: annotator judgments on real items with a material preference.
    pub informativeness: Option<Share>,
    /// The roster's annotator judgments on items an adjudicator resolved, and the share the
    /// adjudicator overturned (the adjudicated label differs).
    pub adjudication_overturn: Share,
    /// Measured hours (time entries on this roster).
    pub active_hours: f64,
    /// Pay per currency: approved timesheets on this roster and paid training time.
    pub pay: Vec<Amount>,
    /// Timesheet lines of the period not approved yet (their pay is not in `pay`).
    pub unapproved_sheet_lines: usize,
}

/// The numbers of one expert in one week, with their cumulative scores at the week's end.
#[derive(Debug, Clone, PartialEq, Serialize, ToSchema)]
pub struct ExpertWeek {
    pub week_start: DateTime<Utc>,
    pub judgments: usize,
    pub gold: Share,
    pub calibration: Share,
    /// Agreement with the adjudicated label on items an adjudicator resolved.
    pub adjudicated_agreement: Share,
    /// Lower credible bound of decayed gold accuracy at the week's end (everything up to
    /// then, as scoring computes it); null before the first gold answer.
    pub gold_lower_bound: Option<f64>,
    /// The same for calibration answers.
    pub calibration_lower_bound: Option<f64>,
    pub active_hours: f64,
    pub pay: Vec<Amount>,
}

#[derive(Debug, Default)]
struct Acc {
    judgments: usize,
    resolved: Vec<Judgment>,
    calibrated: Vec<Judgment>,
    gold: Share,
    calibration: Share,
    material: Share,
    overturn: Share,
    seconds: i64,
    pay: BTreeMap<String, i64>,
    unapproved: usize,
}

impl Acc {
    fn numbers(&self, level: Level, pairwise: bool) -> Numbers {
        Numbers {
            judgments: self.judgments,
            agreement: reliability::agreement(&self.resolved, level),
            calibration_agreement: reliability::agreement(
                &latest_per_expert(&self.calibrated),
                level,
            ),
            gold: self.gold,
            calibration: self.calibration,
            informativeness: pairwise.then_some(self.material),
            adjudication_overturn: self.overturn,
            active_hours: self.seconds as f64 / 3600.0,
            pay: amounts(&self.pay),
            unapproved_sheet_lines: self.unapproved,
        }
    }
}

/// Graded answers in time order: (when, correct).
type Verdicts = Vec<(DateTime<Utc>, bool)>;

/// One judgment per expert and unit: an expert who answered the same calibration item
/// twice in a week counts once (their latest answer), not as agreement with themself.
fn latest_per_expert(judgments: &[Judgment]) -> Vec<Judgment> {
    let mut latest: BTreeMap<(&str, &str), &Judgment> = BTreeMap::new();
    for j in judgments {
        latest.insert((j.item.as_str(), j.expert.as_str()), j);
    }
    latest.into_values().cloned().collect()
}

/// What the numbers are computed with.
pub struct Params {
    pub level: Level,
    pub pairwise: bool,
    pub half_life_secs: f64,
    pub prior: f64,
    pub credible_level: f64,
}

/// A slice's roster dashboard: the whole period and each week.
#[derive(Debug)]
pub struct SliceNumbers {
    pub period: Numbers,
    pub weeks: Vec<(DateTime<Utc>, Numbers)>,
    /// Each expert's weeks (experts with any row, time or pay in the period or gold before).
    pub experts: BTreeMap<String, Vec<ExpertWeek>>,
}

/// Computes the slice's numbers over `weeks` (the period is the first week's start to the
/// last week's end). `rows` holds the roster's outcomes of the slice: everything in the
/// period, and gold and calibration verdicts from before it (for the cumulative bounds).
/// `corrected` maps an assignment to its latest gold verdict (an overturned gold answer).
pub fn compute(
    p: &Params,
    weeks: &[DateTime<Utc>],
    rows: &[Row],
    corrected: &BTreeMap<String, bool>,
    seconds: &[Seconds],
    pay: &[Pay],
) -> SliceNumbers {
    let Some(&start) = weeks.first() else {
        return SliceNumbers {
            period: Acc::default().numbers(p.level, p.pairwise),
            weeks: Vec::new(),
            experts: BTreeMap::new(),
        };
    };
    let end = weeks.last().copied().unwrap_or(start) + Duration::days(7);
    let in_period = |t: DateTime<Utc>| t >= start && t < end;
    let mut period = Acc::default();
    let mut per_week: BTreeMap<DateTime<Utc>, Acc> =
        weeks.iter().map(|w| (*w, Acc::default())).collect();
    let mut per_expert: BTreeMap<(String, DateTime<Utc>), Acc> = BTreeMap::new();
    // Gold and calibration observations per expert, in time order, for cumulative bounds.
    let mut verdicts: BTreeMap<(String, Metric), Verdicts> = BTreeMap::new();
    let mut experts: BTreeSet<String> = BTreeSet::new();

    for row in rows {
        let mut f = row.fact.clone();
        if f.event == "gold_checked"
            && let Some(a) = &row.assignment
            && let Some(latest) = corrected.get(a)
        {
            f.correct = Some(*latest);
        }
        let Some(expert) = f.expert.clone() else {
            continue;
        };
        let t = f.at;
        let role = f.role.clone().unwrap_or_default();
        for o in profile::observations(&f) {
            if matches!(o.metric, Metric::GoldAccuracy | Metric::Calibration) && t < end {
                verdicts
                    .entry((expert.clone(), o.metric))
                    .or_default()
                    .push((t, o.success));
                experts.insert(expert.clone());
            }
        }
        if !row.counts || !in_period(t) {
            continue;
        }
        experts.insert(expert.clone());
        let w = crate::clock::week_of(t);
        let accs: [&mut Acc; 2] = [&mut period, per_week.entry(w).or_default()];
        let mut targets = accs;
        let ex = per_expert.entry((expert.clone(), w)).or_default();
        match f.event.as_str() {
            "submitted" if matches!(role.as_str(), "annotator" | "adjudicator") => {
                for a in targets.iter_mut() {
                    a.judgments += 1;
                }
                ex.judgments += 1;
                if p.pairwise
                    && role == "annotator"
                    && !f.gold
                    && let Some(m) = f.material
                {
                    for a in targets.iter_mut() {
                        a.material.add(m);
                    }
                }
            }
            "gold_checked" => {
                if let Some(ok) = f.correct {
                    match role.as_str() {
                        "annotator" => {
                            for a in targets.iter_mut() {
                                a.gold.add(ok);
                            }
                            ex.gold.add(ok);
                        }
                        "calibration" => {
                            let j = match (&row.gold_item, &f.class) {
                                // A unit is one gold item in one week (answers to it
                                // in another week are another unit).
                                (Some(g), Some(class)) => Some(Judgment {
                                    item: format!("{}:{g}", w.timestamp()),
                                    expert: expert.clone(),
                                    class: class.clone(),
                                    score: row.score,
                                }),
                                _ => None,
                            };
                            for a in targets.iter_mut() {
                                a.calibration.add(ok);
                                a.calibrated.extend(j.clone());
                            }
                            ex.calibration.add(ok);
                        }
                        _ => {}
                    }
                }
            }
            "resolved" if role == "annotator" => {
                if let (Some(item), Some(class)) = (f.item.clone(), f.class.clone()) {
                    let j = Judgment {
                        item,
                        expert: expert.clone(),
                        class,
                        score: row.score,
                    };
                    for a in targets.iter_mut() {
                        a.resolved.push(j.clone());
                    }
                }
                if f.resolution.as_deref() == Some("adjudication")
                    && let Some(agreed) = f.agreed
                {
                    for a in targets.iter_mut() {
                        a.overturn.add(!agreed);
                    }
                    ex.overturn.add(agreed);
                }
            }
            _ => {}
        }
    }
    for s in seconds.iter().filter(|s| in_period(s.week)) {
        experts.insert(s.expert.clone());
        let ex = per_expert.entry((s.expert.clone(), s.week)).or_default();
        let wk = per_week.entry(s.week).or_default();
        for a in [&mut period, wk, ex] {
            a.seconds += s.seconds;
            if let Some((currency, minor)) = &s.paid {
                *a.pay.entry(currency.clone()).or_default() += minor;
            }
        }
    }
    for l in pay.iter().filter(|l| in_period(l.week)) {
        experts.insert(l.expert.clone());
        let ex = per_expert.entry((l.expert.clone(), l.week)).or_default();
        let wk = per_week.entry(l.week).or_default();
        match l.pay_minor {
            Some(m) => {
                for a in [&mut period, wk] {
                    *a.pay.entry(l.currency.clone()).or_default() += m;
                }
                *ex.pay.entry(l.currency.clone()).or_default() += m;
            }
            None => {
                period.unapproved += 1;
                wk.unapproved += 1;
            }
        }
    }

    let bound_at = |list: Option<&Verdicts>, t: DateTime<Utc>| -> Option<f64> {
        let mut e = Evidence::EMPTY;
        let mut any = false;
        for (at, ok) in list.into_iter().flatten().filter(|(at, _)| *at < t) {
            e.add(*at, *ok, 1.0, p.half_life_secs);
            any = true;
        }
        any.then(|| {
            e.at(t, p.half_life_secs)
                .posterior(p.prior)
                .lower_bound(p.credible_level)
        })
    };
    let mut out_experts = BTreeMap::new();
    for e in experts {
        let mut list = Vec::new();
        for w in weeks {
            let week_end = *w + Duration::days(7);
            let acc = per_expert.remove(&(e.clone(), *w)).unwrap_or_default();
            let mut gold_sorted = verdicts.get(&(e.clone(), Metric::GoldAccuracy)).cloned();
            if let Some(g) = gold_sorted.as_mut() {
                g.sort_by_key(|(t, _)| *t);
            }
            let mut cal_sorted = verdicts.get(&(e.clone(), Metric::Calibration)).cloned();
            if let Some(c) = cal_sorted.as_mut() {
                c.sort_by_key(|(t, _)| *t);
            }
            list.push(ExpertWeek {
                week_start: *w,
                judgments: acc.judgments,
                gold: acc.gold,
                calibration: acc.calibration,
                adjudicated_agreement: acc.overturn,
                gold_lower_bound: bound_at(gold_sorted.as_ref(), week_end),
                calibration_lower_bound: bound_at(cal_sorted.as_ref(), week_end),
                active_hours: acc.seconds as f64 / 3600.0,
                pay: amounts(&acc.pay),
            });
        }
        out_experts.insert(e, list);
    }
    SliceNumbers {
        period: period.numbers(p.level, p.pairwise),
        weeks: weeks
            .iter()
            .map(|w| {
                let acc = per_week.remove(w).unwrap_or_default();
                (*w, acc.numbers(p.level, p.pairwise))
            })
            .collect(),
        experts: out_experts,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;

    fn at(day: u32, hour: u32) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, day, hour, 0, 0).unwrap()
    }

    fn gold(expert: &str, t: DateTime<Utc>, correct: bool, assignment: &str) -> Row {
        Row {
            counts: true,
            fact: Fact {
                event: "gold_checked".into(),
                role: Some("annotator".into()),
                expert: Some(expert.into()),
                item: None,
                gold: true,
                class: Some("a".into()),
                material: None,
                correct: Some(correct),
                agreed: None,
                resolution: None,
                at: t,
            },
            score: None,
            assignment: Some(assignment.into()),
            gold_item: None,
        }
    }

    fn params() -> Params {
        Params {
            level: Level::Nominal,
            pairwise: false,
            // No decay, so the bounds have closed forms.
            half_life_secs: 1e15,
            prior: 1.0,
            credible_level: 0.9,
        }
    }

    #[test]
    fn a_period_is_every_monday_from_the_first_week_to_the_last() {
        assert_eq!(
            weeks(at(4, 15), at(16, 1)),
            vec![at(2, 0), at(9, 0), at(16, 0)]
        );
    }

    #[test]
    fn gold_bounds_are_cumulative_at_each_weeks_end_and_follow_corrections() {
        let rows = vec![
            // Before the period: counted in the bound, not in the period's answers.
            gold(
                "e",
                Utc.with_ymd_and_hms(2026, 2, 25, 9, 0, 0).unwrap(),
                true,
                "g0",
            ),
            gold("e", at(10, 9), true, "g1"),
            gold("e", at(17, 9), false, "g2"),
        ];
        let w = weeks(at(2, 0), at(16, 0));
        let n = compute(&params(), &w, &rows, &BTreeMap::new(), &[], &[]);
        let e = &n.experts["e"];
        // Beta(2, 1): 10th percentile √0.1; Beta(3, 1): 0.1^(1/3).
        assert!((e[0].gold_lower_bound.unwrap() - 0.1f64.sqrt()).abs() < 1e-6);
        assert!((e[1].gold_lower_bound.unwrap() - 0.1f64.powf(1.0 / 3.0)).abs() < 1e-6);
        // Beta(3, 2): CDF 4x³ − 3x⁴ = 0.1 at the bound.
        let b = e[2].gold_lower_bound.unwrap();
        assert!(
            (4.0 * b.powi(3) - 3.0 * b.powi(4) - 0.1).abs() < 1e-6,
            "{b}"
        );
        assert_eq!((e[0].gold.n, e[1].gold.n, e[2].gold.n), (0, 1, 1));
        assert_eq!(
            n.period.gold,
            Share {
                n: 2,
                hits: 1,
                rate: Some(0.5)
            }
        );

        // The wrong answer overturned on appeal: Beta(4, 1), 0.1^(1/4).
        let corrected = BTreeMap::from([("g2".to_owned(), true)]);
        let n = compute(&params(), &w, &rows, &corrected, &[], &[]);
        let b = n.experts["e"][2].gold_lower_bound.unwrap();
        assert!((b - 0.1f64.powf(0.25)).abs() < 1e-6, "{b}");
        assert_eq!(n.period.gold.hits, 2);
    }

    #[test]
    fn hours_and_pay_fall_in_their_weeks_and_unapproved_lines_are_counted() {
        let w = weeks(at(2, 0), at(9, 0));
        let seconds = [
            Seconds {
                expert: "e".into(),
                week: at(2, 0),
                seconds: 1800,
                paid: None,
            },
            Seconds {
                expert: "e".into(),
                week: at(9, 0),
                seconds: 5400,
                paid: Some(("USD".into(), 150)),
            },
            // Outside the period.
            Seconds {
                expert: "e".into(),
                week: at(16, 0),
                seconds: 999,
                paid: None,
            },
        ];
        let pay = [
            Pay {
                expert: "e".into(),
                week: at(2, 0),
                currency: "USD".into(),
                pay_minor: Some(4000),
            },
            Pay {
                expert: "f".into(),
                week: at(2, 0),
                currency: "EUR".into(),
                pay_minor: Some(100),
            },
            Pay {
                expert: "e".into(),
                week: at(9, 0),
                currency: "USD".into(),
                pay_minor: None,
            },
        ];
        let n = compute(&params(), &w, &[], &BTreeMap::new(), &seconds, &pay);
        assert!((n.period.active_hours - 2.0).abs() < 1e-12);
        assert_eq!(n.weeks[0].1.active_hours, 0.5);
        assert_eq!(n.weeks[1].1.active_hours, 1.5);
        assert_eq!(
            n.period.pay,
            vec![
                Amount {
                    currency: "EUR".into(),
                    minor: 100
                },
                // The approved sheet and the paid training entry.
                Amount {
                    currency: "USD".into(),
                    minor: 4150
                }
            ]
        );
        assert_eq!(n.period.unapproved_sheet_lines, 1);
        assert_eq!(n.weeks[1].1.unapproved_sheet_lines, 1);
        assert_eq!(
            n.experts["e"][0].pay,
            vec![Amount {
                currency: "USD".into(),
                minor: 4000
            }]
        );
        assert_eq!(n.experts["f"][1].active_hours, 0.0);
    }
}
