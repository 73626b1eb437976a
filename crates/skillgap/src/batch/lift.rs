//! "Learning X lifts this posting by N points": a posting's score with one more skill on the CV, worked out from
//! the comparison already made. Nothing is extracted or compared again: only the skills the posting asks for and
//! the CV does not fully show can change, and each changes by the same rules [`compare`](crate::compare) applies.

use crate::compare::{
    credit_percent, is_under, score, skill_weight, Comparison, SkillResult, Status, SCORE_CAP_WITH_MISSING_REQUIRED,
};
use crate::source::TargetKind;
use crate::structure::Requirement;
use crate::taxonomy::{Kind, SkillIdx, Taxonomy};

/// A score change counts as a lift from this many points up: a rounding wobble is not worth learning a skill for.
pub const LIFT_MIN_POINTS: u8 = 1;

/// The score a comparison with one posting (as batch makes them) would have if the CV also showed `learned`.
///
/// Per skill the posting asks for and the CV does not fully show:
/// - `learned` itself, a skill under it (PostgreSQL for SQL), or an alternative the posting offers in its place
///   ("Kafka or Kinesis") earns full credit;
/// - a missing skill that `learned` is related to (or a lower rung of) becomes a near miss, with
///   [`RELATED_CREDIT_PERCENT`](crate::RELATED_CREDIT_PERCENT);
/// - an alternative the CV already answers with another name ("Tableau or Power BI", with Tableau on the CV), when
///   learned, is asked for on its own again, with its weight, as `compare` counts a CV that shows both;
/// - everything else keeps its credit.
///
/// The cap ([`SCORE_CAP_WITH_MISSING_REQUIRED`]) still applies while another required hard skill stays missing
/// outright. When the posting offers `learned` as an alternative, its weight is taken to be the carrier's (they
/// sit in one either/or requirement, so they almost always share a requirement level).
pub fn score_with(taxonomy: &Taxonomy, comparison: &Comparison, learned: SkillIdx) -> u8 {
    Rescorer::new(taxonomy, comparison).score_with(learned)
}

/// [`score_with`] for every skill that could lift one posting: what does not depend on the learned skill (the
/// weight each alternative the CV answers would have on its own, whether each missing skill caps the score) is
/// worked out once per comparison, not once per skill.
#[derive(Debug)]
pub(crate) struct Rescorer<'c> {
    taxonomy: &'c Taxonomy,
    comparison: &'c Comparison,
    /// The alternatives the CV answers with another name, with the weight each would have asked for on its own.
    answered: Vec<(SkillIdx, u32)>,
    /// The skills the CV does not fully show, with whether each caps the score while missing.
    open: Vec<(&'c SkillResult, bool)>,
}

impl<'c> Rescorer<'c> {
    pub(crate) fn new(taxonomy: &'c Taxonomy, comparison: &'c Comparison) -> Rescorer<'c> {
        let answered = comparison
            .matched
            .iter()
            .filter(|r| matches!(r.status, Status::Alternative(_)))
            .map(|r| {
                let kind = taxonomy.skill(r.skill).kind;
                (r.skill, r.evidence.iter().map(|e| skill_weight(kind, e.requirement)).sum())
            })
            .collect();
        let open = comparison.related.iter().chain(&comparison.missing).map(|r| (r, caps(taxonomy, r))).collect();
        Rescorer { taxonomy, comparison, answered, open }
    }

    /// [`score_with`].
    pub(crate) fn score_with(&self, learned: SkillIdx) -> u8 {
        let taxonomy = self.taxonomy;
        let mut earned = self.comparison.earned_centi;
        let mut possible = self.comparison.possible;
        let mut capped = false;
        let answers = |asked: SkillIdx| asked == learned || is_under(taxonomy, learned, asked);
        for &(_, weight) in self.answered.iter().filter(|&&(asked, _)| answers(asked)) {
            possible += weight;
            earned += weight * credit_percent(Status::Matched, false);
        }
        for &(r, caps) in &self.open {
            let after = status_after(taxonomy, r, learned);
            let gain = credit_percent(after, false).saturating_sub(credit_percent(r.status, false));
            earned += r.weight * gain;
            capped |= after == Status::Missing && caps;
        }
        let uncapped = score(earned, possible);
        if capped {
            uncapped.min(SCORE_CAP_WITH_MISSING_REQUIRED)
        } else {
            uncapped
        }
    }
}

/// How a skill the CV does not fully show would stand with `learned` on the CV.
fn status_after(taxonomy: &Taxonomy, r: &SkillResult, learned: SkillIdx) -> Status {
    let answers = |asked: SkillIdx| asked == learned || is_under(taxonomy, learned, asked);
    if answers(r.skill) || r.alternatives.iter().any(|&a| answers(a)) {
        return Status::Matched;
    }
    if r.status == Status::Missing && (taxonomy.are_related(r.skill, learned) || is_under(taxonomy, r.skill, learned)) {
        return Status::Related(learned);
    }
    r.status
}

/// Whether a missing skill caps a posting's score: a hard skill the posting requires (as `compare` decides it).
fn caps(taxonomy: &Taxonomy, r: &SkillResult) -> bool {
    taxonomy.skill(r.skill).kind != Kind::Soft
        && r.evidence
            .iter()
            .any(|e| e.kind == TargetKind::Posting && e.requirement == Requirement::Required && e.weight > 0)
}

/// The skills that could lift a posting: every skill it asks for that the CV does not fully show, and the
/// alternatives it offers in their place. In the order of the comparison's lists, without repeats.
///
/// An alternative the CV already answers with another name ("Tableau or Power BI", with Tableau on the CV) is not
/// one: the posting's requirement is met. [`score_with`] would still give it a point or so (`compare` weighs a CV
/// that shows both names a little higher), but "learning Power BI lifts this posting" would mislead.
pub fn lift_candidates(comparison: &Comparison) -> Vec<SkillIdx> {
    let mut out: Vec<SkillIdx> = Vec::new();
    for r in comparison.missing.iter().chain(&comparison.related) {
        for skill in std::iter::once(r.skill).chain(r.alternatives.iter().copied()) {
            if !out.contains(&skill) {
                out.push(skill);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{
        compare, HARD_SKILL_FACTOR, MENTIONED_WEIGHT, PREFERRED_WEIGHT, RELATED_CREDIT_PERCENT, REQUIRED_WEIGHT,
    };
    use crate::extract::Extractor;
    use crate::profile::Profile;

    const TAXONOMY: &str = "id,name,family,kind,aliases,related,broader
kafka,Apache Kafka,data,tool,Kafka,,
kinesis,Amazon Kinesis,data,tool,Kinesis,,
mysql,MySQL,data,tool,,postgresql,sql
postgresql,PostgreSQL,data,tool,Postgres,mysql,sql
python,Python,software,language,,,
sql,SQL,data,language,,,
teamwork,Teamwork,general,soft,,,
terraform,Terraform,cloud,tool,,,
";

    fn setup() -> Extractor {
        let mut b = Taxonomy::builder();
        b.add_csv("t.csv", TAXONOMY).expect("parses");
        Extractor::new(b.build().expect("builds"))
    }

    /// The score formula of `compare`: earned over possible, rounded half up.
    fn rounded(earned_centi: u32, possible: u32) -> u8 {
        ((earned_centi + possible / 2) / possible) as u8
    }

    struct Case {
        name: &'static str,
        cv: &'static str,
        posting: &'static str,
        learned: &'static str,
        expected: fn() -> u8,
    }

    const HARD_REQUIRED: u32 = REQUIRED_WEIGHT * HARD_SKILL_FACTOR;
    const HARD_PREFERRED: u32 = PREFERRED_WEIGHT * HARD_SKILL_FACTOR;
    const HARD_MENTIONED: u32 = MENTIONED_WEIGHT * HARD_SKILL_FACTOR;

    const CASES: &[Case] = &[
        Case {
            name: "a missing preferred skill, learned, earns its full weight",
            cv: "Python",
            posting: "Requirements\n- Python\nNice to have\n- Terraform\n",
            learned: "terraform",
            expected: || 100,
        },
        Case {
            name: "learning one of two missing required skills: still capped by the other",
            cv: "Teamwork",
            posting: "Requirements\n- Python\n- Terraform\n",
            learned: "python",
            expected: || rounded(100 * HARD_REQUIRED, 2 * HARD_REQUIRED).min(SCORE_CAP_WITH_MISSING_REQUIRED),
        },
        Case {
            name: "learning the only missing required skill lifts the cap",
            cv: "Python",
            posting: "Requirements\n- Python\n- Terraform\nNice to have\n- Kafka\n",
            learned: "terraform",
            expected: || rounded(100 * 2 * HARD_REQUIRED, 2 * HARD_REQUIRED + HARD_PREFERRED),
        },
        Case {
            name: "a narrower skill answers a broader one (PostgreSQL for SQL)",
            cv: "Python",
            posting: "Requirements\n- Python\n- SQL\n",
            learned: "postgresql",
            expected: || 100,
        },
        Case {
            name: "a related skill makes a missing one a near miss (MySQL for PostgreSQL)",
            cv: "Python",
            posting: "Requirements\n- Python\nNice to have\n- PostgreSQL\n",
            learned: "mysql",
            expected: || {
                rounded(100 * HARD_REQUIRED + RELATED_CREDIT_PERCENT * HARD_PREFERRED, HARD_REQUIRED + HARD_PREFERRED)
            },
        },
        Case {
            name: "an alternative the posting offers answers the requirement",
            cv: "Python",
            posting: "Requirements\n- Python\n- Kafka or Kinesis\n",
            learned: "kinesis",
            expected: || 100,
        },
        Case {
            name: "learning a second alternative counts it too, as compare does for a CV that shows both",
            cv: "Python, Kafka",
            posting: "Requirements\n- Python\n- Kafka or Kinesis\nNice to have\n- Terraform\n",
            learned: "kinesis",
            expected: || rounded(100 * 3 * HARD_REQUIRED, 3 * HARD_REQUIRED + HARD_PREFERRED),
        },
        Case {
            name: "a skill the posting does not ask for changes nothing",
            cv: "Python",
            posting: "We also use Terraform.\nRequirements\n- Python\n",
            learned: "kafka",
            expected: || rounded(100 * HARD_REQUIRED, HARD_REQUIRED + HARD_MENTIONED),
        },
    ];

    #[test]
    fn score_with_a_learned_skill() {
        let ex = setup();
        let t = ex.taxonomy();
        for case in CASES {
            let profile = Profile::from_text(&ex, case.cv);
            let comparison = compare(t, &profile, &[ex.extract_as(case.posting, TargetKind::Posting)]);
            let learned = t.get(case.learned).expect("id");
            assert_eq!(score_with(t, &comparison, learned), (case.expected)(), "{}", case.name);
        }
    }

    /// The arithmetic agrees with comparing again with the skill written into the CV (the slow way batch avoids).
    #[test]
    fn score_with_agrees_with_comparing_again() {
        let ex = setup();
        let t = ex.taxonomy();
        for case in CASES {
            let posting = ex.extract_as(case.posting, TargetKind::Posting);
            let comparison = compare(t, &Profile::from_text(&ex, case.cv), std::slice::from_ref(&posting));
            let learned = t.get(case.learned).expect("id");
            let cv = format!("{}\nSkills: {}", case.cv, t.skill(learned).name);
            let again = compare(t, &Profile::from_text(&ex, &cv), &[posting]);
            assert_eq!(score_with(t, &comparison, learned), again.score, "{}", case.name);
        }
    }

    #[test]
    fn nothing_learned_keeps_the_score() {
        let ex = setup();
        let t = ex.taxonomy();
        let profile = Profile::from_text(&ex, "MySQL");
        let posting = ex.extract_as("Requirements\n- PostgreSQL\n- Terraform\nTeamwork.\n", TargetKind::Posting);
        let comparison = compare(t, &profile, &[posting]);
        let unasked = t.get("kafka").expect("id");
        assert_eq!(score_with(t, &comparison, unasked), comparison.score);
        let candidates: Vec<&str> = lift_candidates(&comparison).iter().map(|&s| t.skill(s).id.as_str()).collect();
        assert!(candidates.contains(&"terraform") && candidates.contains(&"postgresql"), "{candidates:?}");
        assert!(!candidates.contains(&"kafka"));
    }
}
