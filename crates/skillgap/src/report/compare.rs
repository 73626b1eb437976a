//! The report of a comparison: scores, gaps, shared skills, near misses and suggestions.

use serde::{Serialize, Serializer};

use super::{category, quote, QUOTE_MAX_CHARS};
use crate::compare::{
    Comparison, SkillResult, Status, HARD_SKILL_FACTOR, IN_PROGRESS_CREDIT_PERCENT, MENTIONED_WEIGHT, PREFERRED_WEIGHT,
    RELATED_CREDIT_PERCENT, REQUIRED_WEIGHT, SOFT_SKILL_FACTOR,
};
use crate::profile::Profile;
use crate::source::Source;
use crate::structure::Requirement;
use crate::suggest::{Suggestion, SuggestionKind};
use crate::taxonomy::{SkillIdx, Taxonomy};

/// What `compare` reports. Fields are in the order JSON writes them. Fields marked as not in JSON are views of
/// what JSON already says (the gap order is `missing` and `related` merged by rank), kept for the renderers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareReport {
    /// The CV's name.
    pub cv: String,
    /// Skills read from the CV by near spelling ("Kubernets" → Kubernetes), for the user to check. Not in JSON.
    #[serde(skip)]
    pub fuzzy_readings: Vec<FuzzyReading>,
    /// Everything the CV does not fully show, missing and related together, most important first. Not in JSON.
    #[serde(skip)]
    pub gaps: Vec<SkillReport>,
    /// Skills the CV has, heaviest first.
    pub matched: Vec<SkillReport>,
    /// Skills the CV lacks, ranked (`rank` from 1).
    pub missing: Vec<SkillReport>,
    /// Earned and possible points.
    pub points: Points,
    /// Skills the CV has something related to, or shows in progress.
    pub related: Vec<SkillReport>,
    /// The match score, 0-100.
    pub score: u8,
    /// Suggestions for the CV, most useful first.
    pub suggestions: Vec<SuggestionReport>,
    /// The targets' names, in the order given.
    pub targets: Vec<String>,
    /// The weights the score is made of.
    pub weights: Weights,
}

/// A skill by id and display name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkillRef {
    /// The stable id.
    pub id: String,
    /// The display name.
    pub name: String,
}

impl SkillRef {
    fn new(taxonomy: &Taxonomy, skill: SkillIdx) -> SkillRef {
        let s = taxonomy.skill(skill);
        SkillRef { id: s.id.clone(), name: s.name.clone() }
    }
}

/// One skill the targets name, and where the CV stands on it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkillReport {
    /// For a skill the targets offer alternatives to: the alternative the CV shows (JSON: its id).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "option_id")]
    pub alternative: Option<SkillRef>,
    /// For a gap: other skills a target accepts in its place (JSON: their ids).
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "ids")]
    pub alternatives: Vec<SkillRef>,
    /// `family/kind`.
    pub category: String,
    /// How the CV writes it (or the narrower, alternative or related skill it shows instead).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cv_text: Option<String>,
    /// Every target that names it.
    pub evidence: Vec<EvidenceReport>,
    /// For a near miss: the related skill the CV shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub have: Option<SkillRef>,
    /// The skill's id.
    pub id: String,
    /// The CV shows it in progress (a certification or degree being worked towards).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_progress: bool,
    /// The skill's display name.
    pub name: String,
    /// For a missing skill: its rank among missing skills, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub rank: Option<usize>,
    /// The strongest requirement over all targets.
    pub requirement: Requirement,
    /// How many targets name it.
    pub targets: usize,
    /// For a match through a narrower skill (PostgreSQL for SQL): that skill (JSON: its id).
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "option_id")]
    pub via: Option<SkillRef>,
    /// Its weight over all targets.
    pub weight: u32,
    /// The most years any target asks.
    pub years: Option<u8>,
}

impl SkillReport {
    /// Whether the CV shows nothing for it: not the skill, nor a narrower, alternative or related one, nor
    /// progress towards it.
    pub fn is_missing(&self) -> bool {
        self.cv_text.is_none()
            && self.have.is_none()
            && self.via.is_none()
            && self.alternative.is_none()
            && !self.in_progress
    }
}

/// Where one target names a skill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct EvidenceReport {
    /// The 1-based line of the sentence in the target's own file.
    pub line: usize,
    /// The requirement level there.
    pub requirement: Requirement,
    /// The sentence, whitespace folded, cut to [`QUOTE_MAX_CHARS`].
    pub sentence: String,
    /// The target's name.
    pub target: String,
    /// The words that named the skill.
    pub text: String,
    /// The years asked there.
    pub years: Option<u8>,
}

/// Earned and possible points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Points {
    /// Earned points, in hundredths so that it stays an integer (JSON: points, a decimal).
    #[serde(rename = "earned", serialize_with = "centi_as_points")]
    pub earned_centi: u32,
    /// Possible points.
    pub possible: u32,
}

/// The weights the score is made of (the constants of [`crate::compare`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Weights {
    /// Hard skills count this many times.
    pub hard_skill_factor: u32,
    /// The share of its weight, in percent, a skill the CV shows in progress earns.
    pub in_progress_credit_percent: u32,
    /// The weight of a mentioned skill.
    pub mentioned: u32,
    /// The weight of a preferred skill.
    pub preferred: u32,
    /// The share of its weight, in percent, a related skill earns.
    pub related_credit_percent: u32,
    /// The weight of a required skill.
    pub required: u32,
    /// Soft skills count this many times.
    pub soft_skill_factor: u32,
}

impl Weights {
    /// The weights in use.
    pub const CURRENT: Weights = Weights {
        hard_skill_factor: HARD_SKILL_FACTOR,
        in_progress_credit_percent: IN_PROGRESS_CREDIT_PERCENT,
        mentioned: MENTIONED_WEIGHT,
        preferred: PREFERRED_WEIGHT,
        related_credit_percent: RELATED_CREDIT_PERCENT,
        required: REQUIRED_WEIGHT,
        soft_skill_factor: SOFT_SKILL_FACTOR,
    };
}

/// One suggestion for the CV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuggestionReport {
    /// What kind of change it suggests.
    pub kind: SuggestionKind,
    /// The suggestion, in words.
    pub message: String,
    /// The id of the skill it is about.
    pub skill: String,
}

/// A skill read from the CV by near spelling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FuzzyReading {
    /// The words as the CV writes them.
    pub text: String,
    /// The skill they were read as.
    pub skill: SkillRef,
}

impl CompareReport {
    /// The report of `comparison`, made of `profile` (read from the CV named `cv`) against `targets`, with
    /// `suggestions`. `targets` are the sources the comparison's documents were extracted from, in order: evidence
    /// quotes and line numbers come from them.
    pub fn new(
        taxonomy: &Taxonomy,
        cv: &str,
        profile: &Profile,
        targets: &[Source],
        comparison: &Comparison,
        suggestions: &[Suggestion],
    ) -> CompareReport {
        let skill = |r: &SkillResult, rank: Option<usize>| skill_report(taxonomy, profile, targets, r, rank);
        let missing_rank = |r: &SkillResult| comparison.missing.iter().position(|m| m.skill == r.skill).map(|i| i + 1);
        CompareReport {
            cv: cv.to_owned(),
            fuzzy_readings: profile
                .fuzzy_mentions()
                .map(|(s, m)| FuzzyReading { text: m.text.clone(), skill: SkillRef::new(taxonomy, s) })
                .collect(),
            gaps: comparison
                .gaps()
                .into_iter()
                .map(|r| skill(r, if r.status == Status::Missing { missing_rank(r) } else { None }))
                .collect(),
            matched: comparison.matched.iter().map(|r| skill(r, None)).collect(),
            missing: comparison.missing.iter().enumerate().map(|(i, r)| skill(r, Some(i + 1))).collect(),
            points: Points { earned_centi: comparison.earned_centi, possible: comparison.possible },
            related: comparison.related.iter().map(|r| skill(r, None)).collect(),
            score: comparison.score,
            suggestions: suggestions
                .iter()
                .map(|s| SuggestionReport {
                    kind: s.kind,
                    message: s.message.clone(),
                    skill: taxonomy.skill(s.skill).id.clone(),
                })
                .collect(),
            targets: targets.iter().map(|t| t.name.clone()).collect(),
            weights: Weights::CURRENT,
        }
    }
}

fn skill_report(
    taxonomy: &Taxonomy,
    profile: &Profile,
    targets: &[Source],
    r: &SkillResult,
    rank: Option<usize>,
) -> SkillReport {
    let s = taxonomy.skill(r.skill);
    let shown_as = match r.status {
        Status::MatchedNarrower(n) | Status::Related(n) | Status::Alternative(n) => n,
        _ => r.skill,
    };
    let other = |n: SkillIdx| Some(SkillRef::new(taxonomy, n));
    SkillReport {
        alternative: if let Status::Alternative(n) = r.status { other(n) } else { None },
        alternatives: r.alternatives.iter().map(|&a| SkillRef::new(taxonomy, a)).collect(),
        category: category(taxonomy, r.skill),
        cv_text: profile.get(shown_as).map(|e| e.mentions[0].text.clone()),
        evidence: r
            .evidence
            .iter()
            .map(|e| {
                let target = &targets[e.target];
                EvidenceReport {
                    line: target.line_of(e.sentence.start),
                    requirement: e.requirement,
                    sentence: quote(&target.text, (e.sentence.start, e.sentence.end), QUOTE_MAX_CHARS),
                    target: target.name.clone(),
                    text: e.text.clone(),
                    years: e.years,
                }
            })
            .collect(),
        have: if let Status::Related(n) = r.status { other(n) } else { None },
        id: s.id.clone(),
        in_progress: r.status == Status::InProgress,
        name: s.name.clone(),
        rank,
        requirement: r.requirement(),
        targets: r.target_count(),
        via: if let Status::MatchedNarrower(n) = r.status { other(n) } else { None },
        weight: r.weight,
        years: r.years(),
    }
}

fn option_id<S: Serializer>(skill: &Option<SkillRef>, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_some(&skill.as_ref().map(|s| s.id.as_str()))
}

fn ids<S: Serializer>(skills: &[SkillRef], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(skills.iter().map(|s| s.id.as_str()))
}

fn centi_as_points<S: Serializer>(centi: &u32, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_f64(f64::from(*centi) / 100.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{compare, read_source, suggest, Extractor, Taxonomy};

    fn report(cv: &str, target: &str) -> CompareReport {
        let extractor = Extractor::new(Taxonomy::builtin());
        let profile = Profile::from_text(&extractor, cv);
        let target = read_source("job.md", target.as_bytes().to_vec()).expect("target");
        let docs = [extractor.extract(&target.text)];
        let comparison = compare(extractor.taxonomy(), &profile, &docs);
        let suggestions = suggest(extractor.taxonomy(), &profile, &comparison, &["the posting".to_owned()]);
        CompareReport::new(extractor.taxonomy(), "cv.md", &profile, &[target], &comparison, &suggestions)
    }

    #[test]
    fn weights_include_every_credit() {
        let json = serde_json::to_value(Weights::CURRENT).expect("json");
        assert_eq!(json["in_progress_credit_percent"], IN_PROGRESS_CREDIT_PERCENT);
        assert_eq!(json["related_credit_percent"], RELATED_CREDIT_PERCENT);
        assert_eq!(json.as_object().map(|o| o.len()), Some(7));
    }

    #[test]
    fn a_report_says_what_the_comparison_says() {
        let r = report("Skills: Python, MySQL", "Requirements\n- Python\n- PostgreSQL\n- Terraform\n");
        let names = |list: &[SkillReport]| list.iter().map(|s| s.name.clone()).collect::<Vec<_>>();
        assert_eq!(names(&r.matched), ["Python"]);
        assert_eq!(names(&r.missing), ["Terraform"]);
        assert_eq!(r.missing[0].rank, Some(1));
        assert!(r.missing[0].is_missing());
        assert_eq!(r.related[0].have.as_ref().map(|h| h.name.as_str()), Some("MySQL"));
        assert!(!r.related[0].is_missing());
        // The gap list holds missing and related skills, as the renderers show them.
        assert_eq!(r.gaps.len(), r.missing.len() + r.related.len());
        let evidence = &r.missing[0].evidence[0];
        assert_eq!((evidence.line, evidence.target.as_str(), evidence.text.as_str()), (4, "job.md", "Terraform"));
        let json = serde_json::to_value(&r).expect("json");
        assert_eq!(json["missing"][0]["rank"], 1);
        assert_eq!(json["related"][0]["have"]["name"], "MySQL");
        assert!(json.get("gaps").is_none() && json.get("fuzzy_readings").is_none());
        assert_eq!(json["points"]["earned"].as_f64(), Some(f64::from(r.points.earned_centi) / 100.0));
    }

    #[test]
    fn ids_stand_for_skills_in_json() {
        let reference = SkillRef { id: "sql".into(), name: "SQL".into() };
        let skill = SkillReport {
            alternative: None,
            alternatives: vec![reference.clone()],
            category: "data/language".into(),
            cv_text: Some("PostgreSQL".into()),
            evidence: Vec::new(),
            have: None,
            id: "postgresql".into(),
            in_progress: false,
            name: "PostgreSQL".into(),
            rank: None,
            requirement: Requirement::Required,
            targets: 1,
            via: Some(reference),
            weight: 3,
            years: None,
        };
        assert_eq!(
            serde_json::to_string(&skill).expect("json"),
            r#"{"alternatives":["sql"],"category":"data/language","cv_text":"PostgreSQL","evidence":[],"id":"postgresql","name":"PostgreSQL","requirement":"required","targets":1,"via":"sql","weight":3,"years":null}"#
        );
    }
}
