//! Comparison: the targets' skills set against the profile, as matched, related (transferable) and missing
//! skills, with a 0-100 score in which every point can be explained.

use std::collections::HashMap;

use crate::extract::{Document, SkillEvidence};
use crate::profile::Profile;
use crate::span::Span;
use crate::structure::{Requirement, SectionKind};
use crate::taxonomy::{Kind, SkillIdx, Taxonomy};

/// Weight of a skill a target requires ("Requirements", "must", "5+ years"). Three times a passing mention,
/// because a screen fails on a missing requirement.
pub const REQUIRED_WEIGHT: u32 = 3;
/// Weight of a skill a target prefers ("nice to have", "a plus").
pub const PREFERRED_WEIGHT: u32 = 2;
/// Weight of a skill a target only names (a bio, a responsibility, the company blurb).
pub const MENTIONED_WEIGHT: u32 = 1;
/// Multiplier for hard skills (tools, languages, frameworks, methods, domains, certifications, degrees): these
/// are what screens check and what a CV can show.
pub const HARD_SKILL_FACTOR: u32 = 2;
/// Multiplier for soft skills and spoken languages: every CV claims them, so they separate candidates less.
pub const SOFT_SKILL_FACTOR: u32 = 1;
/// Share of a skill's weight earned through a related skill (MySQL for PostgreSQL), in percent. Half: the
/// skill transfers, but a screen still reads it as missing.
pub const RELATED_CREDIT_PERCENT: u32 = 50;

/// Share of a skill's weight earned by a certification or degree the CV shows in progress ("CPA candidate"), in
/// percent. Half, like a related skill: real progress, but a screen that requires the credential does not pass it.
pub const IN_PROGRESS_CREDIT_PERCENT: u32 = 50;

/// The weight of one skill in one target.
pub fn skill_weight(kind: Kind, requirement: Requirement) -> u32 {
    let requirement_weight = match requirement {
        Requirement::Required => REQUIRED_WEIGHT,
        Requirement::Preferred => PREFERRED_WEIGHT,
        Requirement::Mentioned => MENTIONED_WEIGHT,
    };
    let kind_factor = match kind {
        Kind::Soft | Kind::Spoken => SOFT_SKILL_FACTOR,
        _ => HARD_SKILL_FACTOR,
    };
    requirement_weight * kind_factor
}

/// How one target names a skill.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetEvidence {
    /// The target's position in the list given to [`compare`].
    pub target: usize,
    /// The strongest requirement in that target.
    pub requirement: Requirement,
    /// Years asked, if any.
    pub years: Option<u8>,
    /// The words the target used (its strongest mention).
    pub text: String,
    /// The sentence of that mention, in that target's text.
    pub sentence: Span,
    /// The weight in that target (0 when the CV answers it with an alternative the target offers).
    pub weight: u32,
    /// How many times that target names it, outside benefits and the company blurb.
    pub mentions: usize,
}

/// Where a target skill stands against the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// The CV names the skill.
    Matched,
    /// The CV names a narrower skill that implies it (PostgreSQL for SQL).
    MatchedNarrower(SkillIdx),
    /// The target offers this skill as one of several alternatives ("Kafka or Kinesis") and the CV shows
    /// another of them: full credit.
    Alternative(SkillIdx),
    /// The CV shows this certification or degree as being worked towards, not held: partial credit.
    InProgress,
    /// The CV names a related skill: transferable, partial credit, never a match.
    Related(SkillIdx),
    /// The CV shows nothing for it.
    Missing,
}

/// One skill the targets name, with its standing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillResult {
    /// The skill.
    pub skill: SkillIdx,
    /// Where it stands.
    pub status: Status,
    /// Total weight over all targets.
    pub weight: u32,
    /// Weight earned: all of it when matched, [`RELATED_CREDIT_PERCENT`] of it when related, none when missing.
    /// In hundredths of a point, so that it stays an integer.
    pub earned_centi: u32,
    /// Every target that names it, in target order.
    pub evidence: Vec<TargetEvidence>,
    /// For a gap: other skills a target offers in its place ("Kafka or Kinesis"); any one of them closes it.
    pub alternatives: Vec<SkillIdx>,
}

impl SkillResult {
    /// The number of targets that name the skill.
    pub fn target_count(&self) -> usize {
        self.evidence.len()
    }

    /// The strongest requirement over all targets.
    pub fn requirement(&self) -> Requirement {
        self.evidence.iter().map(|e| e.requirement).max().unwrap_or(Requirement::Mentioned)
    }

    /// The most years any target asks.
    pub fn years(&self) -> Option<u8> {
        self.evidence.iter().filter_map(|e| e.years).max()
    }
}

/// The result of comparing a profile with one or more targets.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Comparison {
    /// The match score, 0-100: earned weight over possible weight, rounded.
    pub score: u8,
    /// The possible weight (sum of every target skill's weight).
    pub possible: u32,
    /// The earned weight in hundredths of a point.
    pub earned_centi: u32,
    /// The number of targets.
    pub targets: usize,
    /// Skills the CV has, heaviest first.
    pub matched: Vec<SkillResult>,
    /// Skills the CV has something related to, or shows in progress, heaviest first.
    pub related: Vec<SkillResult>,
    /// Skills the CV lacks, ranked: named by more targets first, then heavier, then in taxonomy order.
    pub missing: Vec<SkillResult>,
}

impl Comparison {
    /// Everything the CV does not fully show, missing and related together, in rank order. This is the list a
    /// user should read first: a required skill stays a gap even when the CV shows something transferable.
    pub fn gaps(&self) -> Vec<&SkillResult> {
        let mut gaps: Vec<&SkillResult> = self.missing.iter().chain(&self.related).collect();
        gaps.sort_by(|a, b| rank(a, b));
        gaps
    }
}

/// Rank order: named by more targets first, then heavier, then named more often, then in taxonomy order (a
/// stable last key).
fn rank(a: &SkillResult, b: &SkillResult) -> std::cmp::Ordering {
    let mentions = |r: &SkillResult| r.evidence.iter().map(|e| e.mentions).sum::<usize>();
    b.target_count()
        .cmp(&a.target_count())
        .then(b.weight.cmp(&a.weight))
        .then(mentions(b).cmp(&mentions(a)))
        .then(a.skill.cmp(&b.skill))
}

/// Compares `profile` with `targets`.
pub fn compare(taxonomy: &Taxonomy, profile: &Profile, targets: &[Document]) -> Comparison {
    // Per skill, the evidence from every target, in first-seen order for determinism.
    let mut order: Vec<SkillIdx> = Vec::new();
    let mut by_skill: HashMap<SkillIdx, Vec<TargetEvidence>> = HashMap::new();
    let mut alternatives_of: HashMap<SkillIdx, Vec<SkillIdx>> = HashMap::new();
    // Skills a target offers alongside one the CV shows, and that one.
    let mut covered_by: HashMap<SkillIdx, SkillIdx> = HashMap::new();
    let holds = |s: SkillIdx| {
        profile.holds(s)
            || profile
                .document
                .skills
                .iter()
                .any(|e| profile.holds(e.skill) && taxonomy.skill(e.skill).broader.contains(&s))
    };
    for (t, doc) in targets.iter().enumerate() {
        // "Kafka or Kinesis" is one requirement. When the CV shows one of the names, the others weigh nothing;
        // when it shows none, the first name carries the gap and lists the others.
        // A name that the target also asks for elsewhere on its own stays a gap of its own.
        let only_here = |m: SkillIdx, sentence: Span| {
            doc.get(m)
                .is_some_and(|e| e.mentions.iter().filter(|x| is_asked(x.section)).all(|x| x.sentence == sentence))
        };
        let mut covered: Vec<SkillIdx> = Vec::new();
        let mut folded: Vec<SkillIdx> = Vec::new();
        for alternatives in &doc.alternatives {
            // Only names that the target asks for nowhere else may be answered or folded by the group.
            let group: Vec<SkillIdx> =
                alternatives.skills.iter().copied().filter(|&m| only_here(m, alternatives.sentence)).collect();
            if alternatives.skills.iter().any(|&m| holds(m)) {
                for &m in group.iter().filter(|&&m| !holds(m)) {
                    // Name the closest alternative the CV shows: Redshift for Snowflake, not "cloud computing".
                    // Prefer what the CV names itself, then an explicitly related skill, then any relation.
                    let listed =
                        |h: SkillIdx| taxonomy.skill(h).related.contains(&m) || taxonomy.skill(m).related.contains(&h);
                    let closest = alternatives
                        .skills
                        .iter()
                        .copied()
                        .filter(|&h| holds(h))
                        .min_by_key(|&h| (!profile.holds(h), !listed(h), !taxonomy.are_related(h, m)));
                    covered.push(m);
                    if let Some(h) = closest {
                        covered_by.entry(m).or_insert(h);
                    }
                }
            } else if let Some((&carrier, rest)) = alternatives.skills.split_first() {
                // The first name carries the gap, even when the target also names it elsewhere.
                let rest: Vec<SkillIdx> = rest.iter().copied().filter(|m| group.contains(m)).collect();
                if rest.is_empty() {
                    continue;
                }
                let listed = alternatives_of.entry(carrier).or_default();
                for &m in &rest {
                    if !listed.contains(&m) {
                        listed.push(m);
                    }
                }
                folded.extend(rest);
            }
        }
        for evidence in &doc.skills {
            if folded.contains(&evidence.skill) {
                continue;
            }
            let Some(mut te) = target_evidence(taxonomy, t, evidence) else { continue };
            if covered.contains(&evidence.skill) {
                te.weight = 0;
            }
            let entry = by_skill.entry(evidence.skill).or_default();
            if entry.is_empty() {
                order.push(evidence.skill);
            }
            entry.push(te);
        }
    }
    let mut matched = Vec::new();
    let mut related = Vec::new();
    let mut missing = Vec::new();
    let mut possible = 0;
    let mut earned_centi = 0;
    for skill in order {
        let evidence = by_skill.remove(&skill).unwrap_or_default();
        let weight: u32 = evidence.iter().map(|e| e.weight).sum();
        let status = match covered_by.get(&skill) {
            // Every mention was answered by an alternative the CV shows.
            Some(&held) if weight == 0 && !holds(skill) => Status::Alternative(held),
            _ => status_of(taxonomy, profile, skill),
        };
        let earned = match status {
            Status::Matched | Status::MatchedNarrower(_) | Status::Alternative(_) => weight * 100,
            Status::Related(_) => weight * RELATED_CREDIT_PERCENT,
            Status::InProgress => weight * IN_PROGRESS_CREDIT_PERCENT,
            Status::Missing => 0,
        };
        possible += weight;
        earned_centi += earned;
        let alternatives = match status {
            Status::Missing | Status::Related(_) | Status::InProgress => {
                alternatives_of.remove(&skill).unwrap_or_default()
            }
            _ => Vec::new(),
        };
        let result = SkillResult { skill, status, weight, earned_centi: earned, evidence, alternatives };
        match status {
            Status::Matched | Status::MatchedNarrower(_) | Status::Alternative(_) => matched.push(result),
            Status::Related(_) | Status::InProgress => related.push(result),
            Status::Missing => missing.push(result),
        }
    }
    matched.sort_by(rank);
    related.sort_by(rank);
    missing.sort_by(rank);
    let score = (earned_centi + possible / 2).checked_div(possible).map_or(0, |s| s.min(100) as u8);
    Comparison { score, possible, earned_centi, targets: targets.len(), matched, related, missing }
}

/// The evidence one target gives for a skill, or `None` when it names the skill only where nothing is asked of
/// the candidate: the benefits, or the blurb about the company ("our invoicing tools...").
fn target_evidence(taxonomy: &Taxonomy, target: usize, evidence: &SkillEvidence) -> Option<TargetEvidence> {
    let asked: Vec<_> = evidence.mentions.iter().filter(|m| is_asked(m.section)).collect();
    let best =
        asked.iter().copied().max_by(|a, b| a.requirement.cmp(&b.requirement).then(b.span.start.cmp(&a.span.start)))?;
    let requirement = best.requirement;
    Some(TargetEvidence {
        target,
        requirement,
        years: asked.iter().filter_map(|m| m.years).max(),
        text: best.text.clone(),
        sentence: best.sentence,
        weight: skill_weight(taxonomy.skill(evidence.skill).kind, requirement),
        mentions: asked.len(),
    })
}

/// Whether a mention in this section asks something of the candidate (benefits and the company blurb do not).
fn is_asked(section: SectionKind) -> bool {
    !matches!(section, SectionKind::Benefits | SectionKind::About)
}

fn status_of(taxonomy: &Taxonomy, profile: &Profile, skill: SkillIdx) -> Status {
    if profile.holds(skill) {
        return Status::Matched;
    }
    if profile.get(skill).is_some() {
        return Status::InProgress;
    }
    let held = || profile.document.skills.iter().map(|e| e.skill).filter(|&s| profile.holds(s));
    if let Some(narrower) = held().find(|&h| taxonomy.skill(h).broader.contains(&skill)) {
        return Status::MatchedNarrower(narrower);
    }
    if let Some(near) = held().find(|&h| taxonomy.are_related(skill, h)) {
        return Status::Related(near);
    }
    Status::Missing
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    const TAXONOMY: &str = "id,name,family,kind,aliases,related,broader
kafka,Apache Kafka,data,tool,Kafka,,
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

    #[test]
    fn score_is_explained_by_the_weights() {
        let ex = setup();
        let profile = Profile::from_text(&ex, "Python and MySQL. Teamwork.");
        let target = ex.extract("Teamwork matters.\nRequirements\n- Python\n- PostgreSQL\n- Terraform\n");
        let c = compare(ex.taxonomy(), &profile, &[target]);
        let hard_required = REQUIRED_WEIGHT * HARD_SKILL_FACTOR;
        let soft_mentioned = MENTIONED_WEIGHT * SOFT_SKILL_FACTOR;
        assert_eq!(c.possible, 3 * hard_required + soft_mentioned);
        assert_eq!(c.earned_centi, 100 * (hard_required + soft_mentioned) + RELATED_CREDIT_PERCENT * hard_required);
        assert_eq!(u32::from(c.score), (c.earned_centi + c.possible / 2) / c.possible);
        let name = |r: &SkillResult| ex.taxonomy().skill(r.skill).id.clone();
        assert_eq!(c.missing.iter().map(name).collect::<Vec<_>>(), ["terraform"]);
        assert_eq!(c.related.iter().map(name).collect::<Vec<_>>(), ["postgresql"]);
        assert!(matches!(c.related[0].status, Status::Related(_)));
    }

    #[test]
    fn narrower_skill_implies_broader() {
        let ex = setup();
        let profile = Profile::from_text(&ex, "PostgreSQL daily");
        let c = compare(ex.taxonomy(), &profile, &[ex.extract("Strong SQL")]);
        assert!(matches!(c.matched[0].status, Status::MatchedNarrower(_)));
        assert_eq!(c.score, 100);
    }

    #[test]
    fn gaps_shared_by_more_targets_rank_first() {
        let ex = setup();
        let profile = Profile::from_text(&ex, "Python");
        let targets =
            [ex.extract("Requirements\n- Terraform\n"), ex.extract("We use Kafka."), ex.extract("Kafka pipelines.")];
        let c = compare(ex.taxonomy(), &profile, &targets);
        let ids: Vec<_> = c.missing.iter().map(|r| ex.taxonomy().skill(r.skill).id.as_str()).collect();
        assert_eq!(ids, ["kafka", "terraform"]);
        assert_eq!(c.missing[0].target_count(), 2);
    }

    #[test]
    fn an_alternative_the_cv_shows_answers_the_others() {
        let ex = setup();
        let profile = Profile::from_text(&ex, "Terraform");
        let c = compare(ex.taxonomy(), &profile, &[ex.extract("Experience with Kafka or Terraform.")]);
        assert!(c.missing.is_empty());
        assert!(matches!(c.matched[0].status, Status::Alternative(_) | Status::Matched));
        assert_eq!(c.score, 100);
    }

    #[test]
    fn alternatives_the_cv_lacks_are_one_gap() {
        let ex = setup();
        let profile = Profile::from_text(&ex, "Python");
        let c = compare(ex.taxonomy(), &profile, &[ex.extract("Requirements\n- Kafka or Terraform\n")]);
        assert_eq!(c.missing.len(), 1);
        assert_eq!(c.missing[0].alternatives.len(), 1);
        assert_eq!(c.possible, REQUIRED_WEIGHT * HARD_SKILL_FACTOR);
        // Regression: the first name is also named elsewhere ("Work with event streams (Kafka)").
        let c = compare(
            ex.taxonomy(),
            &profile,
            &[ex.extract("We stream with Kafka.\nRequirements\n- Kafka or Terraform\n")],
        );
        assert_eq!(c.missing.len(), 1, "{:?}", c.missing);
        // But a name the target asks for on its own stays a gap of its own.
        let c = compare(
            ex.taxonomy(),
            &profile,
            &[ex.extract("Requirements\n- Kafka or Terraform\n- Terraform, always\n")],
        );
        assert_eq!(c.missing.len(), 2);
    }

    #[test]
    fn a_credential_in_progress_earns_part() {
        let mut b = Taxonomy::builder();
        b.add_csv("t.csv", "id,name,family,kind,aliases,related,broader\ncpa,CPA,finance,certification,,,\n")
            .expect("parses");
        let ex = Extractor::new(b.build().expect("builds"));
        let target = ex.extract("Requirements\n- CPA required\n");
        let studying = Profile::from_text(&ex, "Currently studying for the CPA exam.");
        let c = compare(ex.taxonomy(), &studying, std::slice::from_ref(&target));
        assert_eq!(c.related[0].status, Status::InProgress);
        assert_eq!(c.earned_centi, c.possible * IN_PROGRESS_CREDIT_PERCENT);
        let holder = Profile::from_text(&ex, "CPA (2019)");
        assert_eq!(compare(ex.taxonomy(), &holder, &[target]).score, 100);
    }

    #[test]
    fn empty_targets_score_zero() {
        let ex = setup();
        let c = compare(ex.taxonomy(), &Profile::default(), &[]);
        assert_eq!((c.score, c.possible), (0, 0));
    }
}
