//! What an expert's score profile in a slice is made of, and how outcomes feed it. Pure
//! code: the store hands in the facts of outcomes and keeps the tallies.
//!
//! Each metric is a decayed tally of observations (see [`super::beta`]):
//!
//! | metric | one observation | success |
//! | --- | --- | --- |
//! | `gold_accuracy` | a gold item answered in routed work | the answer matches the gold answer |
//! | `adjudicated_agreement` | an annotator's judgment on an item an adjudicator resolved | it matches the adjudicated label |
//! | `co_annotator_agreement` | a pair (this expert, a co-annotator) on a resolved item | same label class; the pooled table also gives Cohen's kappa |
//! | `calibration` | an item of a calibration session | the answer matches the reference |
//! | `informativeness` | a pairwise judgment on a real item | a material preference (A or B, not tie, not both bad) |
//! | `decline_rate` | a routed offer (annotator or adjudicator) that ended | declined or expired (submitted: failure) |
//!
//! A label's *class* for co-annotator agreement is the choice (`a`/`b`/`tie`, or the
//! category), `both_bad` when both responses are bad, or the ordinal score: nominal
//! agreement, which is what Cohen's unweighted kappa measures.

use std::collections::BTreeMap;

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use super::beta::Evidence;
use crate::standings::rules::SliceStatus;

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, ToSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    GoldAccuracy,
    AdjudicatedAgreement,
    CoAnnotatorAgreement,
    Calibration,
    Informativeness,
    DeclineRate,
}

impl Metric {
    pub const ALL: [Metric; 6] = [
        Metric::GoldAccuracy,
        Metric::AdjudicatedAgreement,
        Metric::CoAnnotatorAgreement,
        Metric::Calibration,
        Metric::Informativeness,
        Metric::DeclineRate,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Metric::GoldAccuracy => "gold_accuracy",
            Metric::AdjudicatedAgreement => "adjudicated_agreement",
            Metric::CoAnnotatorAgreement => "co_annotator_agreement",
            Metric::Calibration => "calibration",
            Metric::Informativeness => "informativeness",
            Metric::DeclineRate => "decline_rate",
        }
    }

    pub fn parse(s: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.as_str() == s)
    }

    /// How the metric reads in an explanation.
    pub fn describe(self) -> &'static str {
        match self {
            Metric::GoldAccuracy => "gold accuracy",
            Metric::AdjudicatedAgreement => "agreement with adjudicated labels",
            Metric::CoAnnotatorAgreement => "agreement with co-annotators",
            Metric::Calibration => "calibration accuracy",
            Metric::Informativeness => "informativeness",
            Metric::DeclineRate => "decline and expiry rate",
        }
    }

    /// What one observation is, for explanations ("after 37 answers").
    pub fn unit(self) -> &'static str {
        match self {
            Metric::GoldAccuracy | Metric::Calibration => "answers",
            Metric::AdjudicatedAgreement | Metric::Informativeness => "judgments",
            Metric::CoAnnotatorAgreement => "pairs",
            Metric::DeclineRate => "offers",
        }
    }
}

/// What scoring reads from one outcome row.
#[derive(Debug, Clone)]
pub struct Fact {
    pub event: String,
    pub role: Option<String>,
    pub expert: Option<String>,
    pub item: Option<String>,
    pub gold: bool,
    /// The label's class (see the module docs), if the outcome carries a label.
    pub class: Option<String>,
    /// Pairwise slices only: whether the label is a material preference.
    pub material: Option<bool>,
    pub correct: Option<bool>,
    pub agreed: Option<bool>,
    pub resolution: Option<String>,
    pub at: DateTime<Utc>,
}

/// The class of a label from its typed columns.
pub fn class_of(
    choice: Option<&str>,
    score: Option<i64>,
    both_bad: Option<bool>,
) -> Option<String> {
    if both_bad == Some(true) {
        return Some("both_bad".into());
    }
    choice
        .map(str::to_owned)
        .or_else(|| score.map(|s| s.to_string()))
}

/// A pairwise label on the preference scale, for ordinal and interval reliability:
/// A preferred with strength s is +s, B is −s, a tie is 0; "both bad" is not on the scale.
pub fn signed_preference(
    choice: Option<&str>,
    strength: Option<i64>,
    both_bad: Option<bool>,
) -> Option<i64> {
    if both_bad == Some(true) {
        return None;
    }
    match choice? {
        "a" => Some(strength.unwrap_or(1)),
        "b" => Some(-strength.unwrap_or(1)),
        "tie" => Some(0),
        _ => None,
    }
}

/// Whether a pairwise label carries a training signal: A or B preferred, not a tie and
/// not "both bad".
pub fn material(choice: Option<&str>, both_bad: Option<bool>) -> bool {
    both_bad != Some(true) && matches!(choice, Some("a" | "b"))
}

/// One observation for one metric of one expert.
#[derive(Debug, Clone, PartialEq)]
pub struct Observation {
    pub expert: String,
    pub metric: Metric,
    pub success: bool,
    /// 1, or −1 to withdraw an earlier observation (an overturned gold answer).
    pub weight: f64,
    pub at: DateTime<Utc>,
    /// Co-annotator agreement: (this expert's class, the co-annotator's class).
    pub pair: Option<(String, String)>,
}

fn obs(expert: &str, metric: Metric, success: bool, at: DateTime<Utc>) -> Observation {
    Observation {
        expert: expert.to_owned(),
        metric,
        success,
        weight: 1.0,
        at,
        pair: None,
    }
}

/// The observations one outcome makes on its own (co-annotator pairs come from
/// [`co_annotators`], which sees all judgments of a resolved item together).
pub fn observations(f: &Fact) -> Vec<Observation> {
    let Some(expert) = f.expert.as_deref() else {
        return Vec::new();
    };
    let role = f.role.as_deref().unwrap_or("");
    let mut out = Vec::new();
    match f.event.as_str() {
        "gold_checked" => {
            if let Some(ok) = f.correct {
                match role {
                    "annotator" => out.push(obs(expert, Metric::GoldAccuracy, ok, f.at)),
                    "calibration" => out.push(obs(expert, Metric::Calibration, ok, f.at)),
                    _ => {}
                }
            }
        }
        "resolved" => {
            if role == "annotator"
                && f.resolution.as_deref() == Some("adjudication")
                && let Some(agreed) = f.agreed
            {
                out.push(obs(expert, Metric::AdjudicatedAgreement, agreed, f.at));
            }
        }
        "submitted" => {
            if role == "annotator"
                && !f.gold
                && let Some(m) = f.material
            {
                out.push(obs(expert, Metric::Informativeness, m, f.at));
            }
            if matches!(role, "annotator" | "adjudicator") {
                out.push(obs(expert, Metric::DeclineRate, false, f.at));
            }
        }
        // Only routed offers can be declined; calibration and assessment work cannot.
        "declined" | "expired" if matches!(role, "annotator" | "adjudicator") => {
            out.push(obs(expert, Metric::DeclineRate, true, f.at));
        }
        _ => {}
    }
    out
}

/// Co-annotator pairs of one resolved item: every ordered pair of distinct annotators
/// with a label, one observation for the first of the pair.
pub fn co_annotators(resolved: &[Fact]) -> Vec<Observation> {
    let judged: Vec<(&str, &str, DateTime<Utc>)> = resolved
        .iter()
        .filter(|f| f.event == "resolved" && f.role.as_deref() == Some("annotator"))
        .filter_map(|f| Some((f.expert.as_deref()?, f.class.as_deref()?, f.at)))
        .collect();
    let mut out = Vec::new();
    for (i, &(expert, mine, at)) in judged.iter().enumerate() {
        for (j, &(other, theirs, _)) in judged.iter().enumerate() {
            if i == j || other == expert {
                continue;
            }
            out.push(Observation {
                expert: expert.to_owned(),
                metric: Metric::CoAnnotatorAgreement,
                success: mine == theirs,
                weight: 1.0,
                at,
                pair: Some((mine.to_owned(), theirs.to_owned())),
            });
        }
    }
    out
}

/// A metric's decayed evidence, plus (co-annotator agreement) the decayed table of
/// (own class, co-annotator's class) pairs that Cohen's kappa is computed from.
#[derive(Debug, Clone, PartialEq)]
pub struct Tally {
    pub evidence: Evidence,
    pub pairs: BTreeMap<(String, String), f64>,
}

impl Default for Tally {
    fn default() -> Self {
        Tally {
            evidence: Evidence::EMPTY,
            pairs: BTreeMap::new(),
        }
    }
}

impl Tally {
    pub fn apply(&mut self, o: &Observation, half_life_secs: f64) {
        let before = self.evidence.as_of;
        self.evidence.add(o.at, o.success, o.weight, half_life_secs);
        // The table decays exactly as the evidence does.
        let (scale, w) = match before {
            Some(t) if o.at < t => (
                1.0,
                o.weight * super::beta::decay_factor(secs(o.at, t), half_life_secs),
            ),
            Some(t) => (
                super::beta::decay_factor(secs(t, o.at), half_life_secs),
                o.weight,
            ),
            None => (1.0, o.weight),
        };
        if scale != 1.0 {
            for v in self.pairs.values_mut() {
                *v *= scale;
            }
        }
        if let Some(pair) = &o.pair {
            let cell = self.pairs.entry(pair.clone()).or_insert(0.0);
            *cell = (*cell + w).max(0.0);
        }
    }

    /// The tally decayed to `now`.
    pub fn at(&self, now: DateTime<Utc>, half_life_secs: f64) -> Tally {
        let evidence = self.evidence.at(now, half_life_secs);
        let scale = match self.evidence.as_of {
            Some(t) if now > t => super::beta::decay_factor(secs(t, now), half_life_secs),
            _ => 1.0,
        };
        Tally {
            evidence,
            pairs: self
                .pairs
                .iter()
                .map(|(k, v)| (k.clone(), v * scale))
                .collect(),
        }
    }

    /// Chance agreement from the pooled pair table: Σ_c P(own = c)·P(other = c).
    pub fn chance_agreement(&self) -> Option<f64> {
        let total: f64 = self.pairs.values().sum();
        if total <= 0.0 {
            return None;
        }
        let mut rows: BTreeMap<&str, f64> = BTreeMap::new();
        let mut cols: BTreeMap<&str, f64> = BTreeMap::new();
        for ((a, b), w) in &self.pairs {
            *rows.entry(a).or_default() += w;
            *cols.entry(b).or_default() += w;
        }
        Some(
            rows.iter()
                .map(|(c, r)| r * cols.get(c).copied().unwrap_or(0.0))
                .sum::<f64>()
                / (total * total),
        )
    }

    /// Cohen's kappa of the pooled table; None when undefined (no pairs, or chance
    /// agreement 1: everyone always used one class).
    pub fn kappa(&self) -> Option<f64> {
        let total: f64 = self.pairs.values().sum();
        let pe = self.chance_agreement()?;
        if pe >= 1.0 - 1e-12 {
            return None;
        }
        let po = self
            .pairs
            .iter()
            .filter(|((a, b), _)| a == b)
            .map(|(_, w)| w)
            .sum::<f64>()
            / total;
        Some((po - pe) / (1.0 - pe))
    }

    /// The pair table as stored: `[[own, other, weight], …]`.
    pub fn pairs_json(&self) -> String {
        let rows: Vec<(&str, &str, f64)> = self
            .pairs
            .iter()
            .map(|((a, b), w)| (a.as_str(), b.as_str(), *w))
            .collect();
        serde_json::to_string(&rows).unwrap_or_else(|_| "[]".into())
    }

    pub fn pairs_from_json(
        s: &str,
    ) -> Result<BTreeMap<(String, String), f64>, crate::db::CorruptData> {
        Ok(
            crate::db::stored_json::<Vec<(String, String, f64)>>("score_profiles.pairs", s)?
                .into_iter()
                .map(|(a, b, w)| ((a, b), w))
                .collect(),
        )
    }
}

fn secs(from: DateTime<Utc>, to: DateTime<Utc>) -> f64 {
    (to - from).num_microseconds().unwrap_or(i64::MAX) as f64 / 1e6
}

/// The thresholds of the slice-status table (docs/adr/0005-two-kinds-of-status.md).
#[derive(Debug, Clone, Copy)]
pub struct StatusRule {
    /// Decayed gold answers needed before the status changes either way.
    pub min_gold: f64,
    pub qualify_at: f64,
    pub suspend_below: f64,
    /// The credible level of the lower bound (0.9: the 10th percentile).
    pub level: f64,
    pub prior: f64,
}

/// An automatic status change and the numbers behind it.
#[derive(Debug, Clone, PartialEq)]
pub struct StatusChange {
    pub to: SliceStatus,
    pub lower_bound: f64,
    pub mean: f64,
    pub decayed_answers: f64,
    pub answers: i64,
}

/// The status that gold accuracy calls for, if it differs from `current`:
/// probation → qualified when the lower bound reaches `qualify_at`; probation or
/// qualified → suspended when it falls below `suspend_below`; both only with at least
/// `min_gold` decayed answers. Suspended experts come back only through calibration.
pub fn status_from_gold(
    current: SliceStatus,
    gold: &Evidence,
    rule: &StatusRule,
) -> Option<StatusChange> {
    if gold.weight() < rule.min_gold {
        return None;
    }
    let post = gold.posterior(rule.prior);
    let lb = post.lower_bound(rule.level);
    let to = match current {
        SliceStatus::Probation | SliceStatus::Qualified if lb < rule.suspend_below => {
            SliceStatus::Suspended
        }
        SliceStatus::Probation if lb >= rule.qualify_at => SliceStatus::Qualified,
        _ => return None,
    };
    Some(StatusChange {
        to,
        lower_bound: lb,
        mean: post.mean(),
        decayed_answers: gold.weight(),
        answers: gold.n,
    })
}

/// The status of an expert's standing with one lab, from that lab's uncertified gold in a
/// slice it does not own: `suspended` while the lower bound is below `suspend_below` with at
/// least `min_gold` decayed answers, `active` otherwise. It only bars the expert from the
/// lab's projects; it never qualifies anyone. Returns the status and the lower bound.
pub fn lab_status(gold: &Evidence, rule: &StatusRule) -> (&'static str, f64) {
    let lb = gold.posterior(rule.prior).lower_bound(rule.level);
    if gold.weight() >= rule.min_gold && lb < rule.suspend_below {
        ("suspended", lb)
    } else {
        ("active", lb)
    }
}

/// The sentence an expert reads: "suspended in `code/rust-review` because the 90 % lower
/// bound of gold accuracy is 0.72 after 37 answers (below 0.75)".
pub fn status_reason(slice_key: &str, c: &StatusChange, rule: &StatusRule) -> String {
    let pct = (rule.level * 100.0).round();
    match c.to {
        SliceStatus::Qualified => format!(
            "qualified in `{slice_key}` because the {pct} % lower bound of gold accuracy is {:.2} after {} answers ({:.1} after decay; at least {:.2} needed)",
            c.lower_bound, c.answers, c.decayed_answers, rule.qualify_at
        ),
        _ => format!(
            "suspended in `{slice_key}` because the {pct} % lower bound of gold accuracy is {:.2} after {} answers ({:.1} after decay; below {:.2}); reinstatement is through a calibration session",
            c.lower_bound, c.answers, c.decayed_answers, rule.suspend_below
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeZone;
    use proptest::prelude::*;

    fn t(days: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0).single().unwrap() + chrono::Duration::days(days)
    }

    fn fact(event: &str, role: &str, expert: &str) -> Fact {
        Fact {
            event: event.into(),
            role: Some(role.into()),
            expert: Some(expert.into()),
            item: Some("itm".into()),
            gold: false,
            class: None,
            material: None,
            correct: None,
            agreed: None,
            resolution: None,
            at: t(0),
        }
    }

    /// The documented defaults (docs/adr/0005-two-kinds-of-status.md).
    fn rule() -> StatusRule {
        crate::config::ScoringSettings::default().status_rule()
    }

    fn gold(correct: i64, wrong: i64) -> Evidence {
        let mut e = Evidence::EMPTY;
        for i in 0..correct + wrong {
            e.add(t(0), i < correct, 1.0, 90.0 * 86_400.0);
        }
        e
    }

    #[test]
    fn gold_checks_feed_gold_accuracy_or_calibration_by_role() {
        let mut f = fact("gold_checked", "annotator", "e1");
        f.correct = Some(true);
        assert_eq!(observations(&f)[0].metric, Metric::GoldAccuracy);
        f.role = Some("calibration".into());
        assert_eq!(observations(&f)[0].metric, Metric::Calibration);
        f.role = Some("assessment".into());
        assert!(observations(&f).is_empty());
    }

    #[test]
    fn only_adjudicated_items_measure_agreement_with_the_final_label() {
        let mut f = fact("resolved", "annotator", "e1");
        f.agreed = Some(false);
        f.resolution = Some("agreement".into());
        assert!(observations(&f).is_empty());
        f.resolution = Some("adjudication".into());
        let o = observations(&f);
        assert_eq!(
            (o[0].metric, o[0].success),
            (Metric::AdjudicatedAgreement, false)
        );
    }

    #[test]
    fn submissions_count_informativeness_and_offers() {
        let mut f = fact("submitted", "annotator", "e1");
        f.material = Some(false);
        let o = observations(&f);
        assert_eq!(o.len(), 2);
        assert_eq!(
            (o[0].metric, o[0].success),
            (Metric::Informativeness, false)
        );
        assert_eq!((o[1].metric, o[1].success), (Metric::DeclineRate, false));
        f.gold = true;
        assert_eq!(
            observations(&f).len(),
            1,
            "gold items do not count for informativeness"
        );
        let d = fact("declined", "annotator", "e1");
        assert_eq!(
            observations(&d)[0],
            obs("e1", Metric::DeclineRate, true, t(0))
        );
    }

    #[test]
    fn classes_and_material_preferences() {
        assert_eq!(class_of(Some("a"), None, Some(false)).as_deref(), Some("a"));
        assert_eq!(
            class_of(Some("tie"), None, Some(true)).as_deref(),
            Some("both_bad")
        );
        assert_eq!(class_of(None, Some(3), None).as_deref(), Some("3"));
        assert_eq!(signed_preference(Some("a"), Some(3), Some(false)), Some(3));
        assert_eq!(signed_preference(Some("b"), Some(2), None), Some(-2));
        assert_eq!(signed_preference(Some("tie"), None, Some(false)), Some(0));
        assert_eq!(signed_preference(Some("a"), Some(3), Some(true)), None);
        assert!(material(Some("b"), Some(false)));
        assert!(!material(Some("tie"), Some(false)));
        assert!(!material(Some("a"), Some(true)));
    }

    #[test]
    fn co_annotator_pairs_and_kappa() {
        let mut r = Vec::new();
        for (e, c) in [("x", "a"), ("y", "a"), ("z", "b")] {
            let mut f = fact("resolved", "annotator", e);
            f.class = Some(c.into());
            r.push(f);
        }
        let o = co_annotators(&r);
        assert_eq!(o.len(), 6);
        let x: Vec<_> = o.iter().filter(|o| o.expert == "x").collect();
        assert_eq!(x.iter().filter(|o| o.success).count(), 1);
        // x's table: (a,a) and (a,b) — x always says a: kappa is 0, not undefined.
        let mut tally = Tally::default();
        for o in &x {
            tally.apply(o, 1e9);
        }
        assert_eq!(tally.kappa(), Some(0.0));
        // Nothing but one class on both sides: chance agreement 1, kappa undefined.
        let mut same = Tally::default();
        same.apply(&o[0], 1e9);
        assert_eq!(same.kappa(), None);
        assert_eq!(
            Tally::pairs_from_json(&tally.pairs_json()).unwrap(),
            tally.pairs
        );
    }

    #[test]
    fn the_status_table() {
        use SliceStatus as S;
        // Too few answers: nothing changes either way.
        assert_eq!(status_from_gold(S::Probation, &gold(19, 0), &rule()), None);
        assert_eq!(status_from_gold(S::Probation, &gold(0, 19), &rule()), None);
        // 20 of 20 → lower bound 0.896: qualified.
        let q = status_from_gold(S::Probation, &gold(20, 0), &rule()).unwrap();
        assert_eq!(q.to, S::Qualified);
        assert!(q.lower_bound >= 0.85);
        // Already qualified and still good: no change.
        assert_eq!(status_from_gold(S::Qualified, &gold(20, 0), &rule()), None);
        // 14 of 20: lower bound well below 0.75.
        assert_eq!(
            status_from_gold(S::Qualified, &gold(14, 6), &rule())
                .unwrap()
                .to,
            S::Suspended
        );
        assert_eq!(
            status_from_gold(S::Probation, &gold(14, 6), &rule())
                .unwrap()
                .to,
            S::Suspended
        );
        // Suspended stays suspended however good the gold answers (calibration reinstates).
        assert_eq!(status_from_gold(S::Suspended, &gold(40, 0), &rule()), None);
        assert_eq!(status_from_gold(S::None, &gold(40, 0), &rule()), None);
        // In between: probation stays probation.
        assert_eq!(status_from_gold(S::Probation, &gold(18, 2), &rule()), None);
        let reason = status_reason("code/rust-review", &q, &rule());
        assert!(reason.starts_with("qualified in `code/rust-review` because the 90 % lower bound of gold accuracy is 0.90 after 20 answers"), "{reason}");
    }

    proptest! {
        /// Applying a tally's observations in any order gives the same counts and table.
        #[test]
        fn tallies_do_not_depend_on_order(
            obs in proptest::collection::vec((0i64..300, 0usize..3, 0usize..3), 1..30),
        ) {
            let classes = ["a", "b", "tie"];
            let list: Vec<Observation> = obs.iter().map(|(d, i, j)| Observation {
                expert: "e".into(),
                metric: Metric::CoAnnotatorAgreement,
                success: i == j,
                weight: 1.0,
                at: t(*d),
                pair: Some((classes[*i].into(), classes[*j].into())),
            }).collect();
            let mut sorted = list.clone();
            sorted.sort_by_key(|o| o.at);
            let h = 90.0 * 86_400.0;
            let (mut x, mut y) = (Tally::default(), Tally::default());
            for o in &list { x.apply(o, h); }
            for o in &sorted { y.apply(o, h); }
            let (x, y) = (x.at(t(400), h), y.at(t(400), h));
            prop_assert!((x.evidence.successes - y.evidence.successes).abs() < 1e-9);
            prop_assert!((x.evidence.failures - y.evidence.failures).abs() < 1e-9);
            for (k, v) in &x.pairs {
                prop_assert!((v - y.pairs[k]).abs() < 1e-9);
            }
            if let (Some(a), Some(b)) = (x.kappa(), y.kappa()) {
                prop_assert!((a - b).abs() < 1e-9);
                prop_assert!(a <= 1.0 + 1e-12);
            }
        }
    }
}
