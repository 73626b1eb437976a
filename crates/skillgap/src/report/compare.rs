//! The report of a comparison: scores, gaps, shared skills, near misses and suggestions.

use serde::{Serialize, Serializer};

use super::{category, quote, QUOTE_MAX_CHARS, QUOTE_WINDOW_CHARS};
use crate::compare::{
    credit_percent, Comparison, Gap, GapStatus, ImportanceParts, SkillResult, Status, TargetEvidence,
    HARD_SKILL_FACTOR, IN_PROGRESS_CREDIT_PERCENT, MENTIONED_WEIGHT, PREFERRED_WEIGHT, RELATED_CREDIT_PERCENT,
    REQUIRED_WEIGHT, SCORE_CAP_WITH_MISSING_REQUIRED, SOFT_SKILL_FACTOR, YEARS_SHORT_CREDIT_PERCENT,
};
use crate::extract::Prominence;
use crate::learning::learning_paths;
use crate::profile::Profile;
use crate::source::{line_in, Source, TargetKind};
use crate::structure::{Requirement, SectionKind};
use crate::suggest::{Suggestion, SuggestionKind};
use crate::taxonomy::{SkillIdx, Taxonomy};

/// What `compare` reports. Fields are in the order JSON writes them.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CompareReport {
    /// The CV's name.
    pub cv: String,
    /// With `--explain`: the arithmetic behind the score.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Explain>,
    /// Skills read from the CV by near spelling ("Kubernets" → Kubernetes), for the user to check. Not in JSON.
    #[serde(skip)]
    pub fuzzy_readings: Vec<FuzzyReading>,
    /// The one ranked list of gaps, most important first (`rank` from 1): every format shows this order.
    pub gaps: Vec<GapReport>,
    /// Skills the CV has, heaviest first.
    pub matched: Vec<SkillReport>,
    /// Skills the CV lacks, in gap order; `rank` is the rank of the gap that holds them.
    pub missing: Vec<SkillReport>,
    /// Each target's own score, in target order.
    pub per_target: Vec<TargetScoreReport>,
    /// Earned and possible points.
    pub points: Points,
    /// For the first true gaps, the way to them from a skill the CV shows ([`crate::learning_paths`]).
    pub learning_path: Vec<LearningPathReport>,
    /// Skills the CV has something related to, or shows in progress, in gap order.
    pub related: Vec<SkillReport>,
    /// The match score, 0-100, at most [`SCORE_CAP_WITH_MISSING_REQUIRED`] while a posting's required skill is
    /// missing outright.
    pub score: u8,
    /// The cap that lowered `score`, if one did.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score_cap: Option<u8>,
    /// Suggestions for the CV, most useful first.
    pub suggestions: Vec<SuggestionReport>,
    /// The targets' names, in the order given.
    pub targets: Vec<String>,
    /// Lines that ask for something in which no skill was recognised, per target in order: read these yourself.
    pub unrecognised: Vec<UnrecognisedLine>,
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

/// The way to one gap from what the CV shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LearningPathReport {
    /// The gap's rank.
    pub rank: usize,
    /// The gap's skill id.
    pub id: String,
    /// The gap's skill name.
    pub name: String,
    /// From a skill the CV shows to the gap, both included; empty when nothing on the CV leads there.
    pub steps: Vec<PathStep>,
}

/// One skill on a learning path.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PathStep {
    /// The skill's id.
    pub id: String,
    /// The skill's name.
    pub name: String,
    /// Whether the CV shows it (the first step always does).
    pub have: bool,
}

/// One entry of the ranked gap list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GapReport {
    /// Its position, from 1.
    pub rank: usize,
    /// The skill's id (for a collapsed gap, the skill it is collapsed under).
    pub id: String,
    /// The skill's display name.
    pub name: String,
    /// `missing`, `related` (a near miss), `in_progress` or `years_short`.
    pub status: GapStatus,
    /// How important it is: the list is sorted by it (see `skillgap::importance`).
    pub importance: u32,
    /// `family/kind`.
    pub category: String,
    /// Other skills a target accepts in its place (JSON: their ids).
    #[serde(skip_serializing_if = "Vec::is_empty", serialize_with = "ids")]
    pub alternatives: Vec<SkillRef>,
    /// Whether a target names this skill itself; false when it only gathers its members.
    pub named: bool,
    /// The narrower or sibling skills collapsed into it (WCAG under Accessibility), most important first.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<SkillReport>,
    /// The strongest requirement a posting gives it (none when only bios name it).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement: Option<Requirement>,
    /// The most years a posting asks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<u8>,
    /// For `years_short`: the whole years the CV shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years_shown: Option<u32>,
    /// How many targets name it (or its members).
    pub targets: usize,
    /// How many of those are postings.
    pub postings: usize,
    /// How many of those are bios.
    pub bios: usize,
    /// Its weight in the score.
    pub weight: u32,
    /// Where the targets name it.
    pub evidence: Vec<EvidenceReport>,
    /// For a near miss: the related skill the CV shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub have: Option<SkillRef>,
    /// Where the CV shows the related skill (near miss), the credential in progress, or the skill (years short).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cv_evidence: Option<CvEvidence>,
}

/// Where the CV shows something for a gap.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct CvEvidence {
    /// The 1-based line in the CV.
    pub line: usize,
    /// A window of the CV's sentence around the mention, `…` where cut.
    pub quote: String,
    /// The skill the CV shows there.
    pub skill: SkillRef,
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
    /// For a gap: the rank of the gap that holds it, from 1.
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
    /// For a skill the CV shows for fewer years than a posting asks: the whole years it shows.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years_shown: Option<u32>,
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
    /// `posting` or `bio`.
    pub kind: TargetKind,
    /// The 1-based line of the sentence in the target's own file.
    pub line: usize,
    /// For a bio: why the skill stands out there.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub prominence: Vec<Prominence>,
    /// A short window of the sentence around the mention (at most about [`QUOTE_WINDOW_CHARS`]), always holding
    /// the mention, `…` where cut.
    pub quote: String,
    /// The requirement level there.
    pub requirement: Requirement,
    /// The sentence around the mention, whitespace folded, cut to about [`QUOTE_MAX_CHARS`] with `…`.
    pub sentence: String,
    /// The target's name.
    pub target: String,
    /// The words that named the skill.
    pub text: String,
    /// The years asked there.
    pub years: Option<u8>,
}

/// One target's score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct TargetScoreReport {
    /// The target's name.
    pub target: String,
    /// `posting` or `bio`.
    pub kind: TargetKind,
    /// Its score, 0-100.
    pub score: u8,
    /// Earned and possible points there.
    pub points: Points,
    /// The score before the cap, when a cap lowered it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncapped: Option<u8>,
    /// The required skill missing outright that caps the score at [`SCORE_CAP_WITH_MISSING_REQUIRED`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub capped_by: Option<SkillRef>,
    /// How many of its lines ask for something (a posting's requirement lines, a bio's certification lines).
    pub asking_lines: usize,
    /// How many of those name a skill the taxonomy knows.
    pub lines_read: usize,
    /// How many distinct skills were recognised in it.
    pub skills_found: usize,
    /// How many words it has.
    pub words: usize,
}

/// A bio with more words than this per recognised skill was mostly not read: bios in fields the taxonomy covers
/// run at 5 to 28 words a skill (the scenario sets), a pilot's bio with four recognised skills in 231 words at 57.
pub const BIO_WORDS_PER_SKILL_MAX: usize = 40;
/// Below this many words a bio is too short to judge by [`BIO_WORDS_PER_SKILL_MAX`].
pub const BIO_WORDS_MIN: usize = 120;

impl TargetScoreReport {
    /// Whether most of what the target asks was not recognised: its score then says little, and the output says so.
    /// For a posting, most of its requirement lines; for a bio, which asks in prose, too few skills for its length
    /// ([`BIO_WORDS_PER_SKILL_MAX`]).
    pub fn poorly_covered(&self) -> bool {
        let lines = self.asking_lines >= 3 && self.lines_read * 2 < self.asking_lines;
        let sparse_bio = self.kind == TargetKind::Bio
            && self.words >= BIO_WORDS_MIN
            && self.words > BIO_WORDS_PER_SKILL_MAX * self.skills_found;
        lines || sparse_bio
    }
}

/// A line that asks for something in which no skill was recognised: "not recognised: read these yourself".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UnrecognisedLine {
    /// The target's name.
    pub target: String,
    /// The 1-based line in the target.
    pub line: usize,
    /// The line, with its bullet and spaces trimmed.
    pub text: String,
}

/// The arithmetic behind the score, for `--explain`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Explain {
    /// One row per skill the targets name: matched, then related, then missing.
    pub rows: Vec<ExplainRow>,
    /// One row per gap, in rank order: how its importance is made.
    pub importance: Vec<ImportanceRow>,
    /// The score before any cap.
    pub uncapped: u8,
    /// The cap, when it applies.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cap: Option<u8>,
}

/// How one gap's importance is made: `((level + share) / targets × specificity% + years) × standing% + members`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ImportanceRow {
    /// The gap's rank.
    pub rank: usize,
    /// The gap's skill id.
    pub id: String,
    /// The gap's skill name.
    pub name: String,
    /// Its terms.
    #[serde(flatten)]
    pub parts: ImportanceParts,
}

/// One skill's share of the score.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExplainRow {
    /// The skill's id.
    pub id: String,
    /// The skill's name.
    pub name: String,
    /// Its weight (possible points).
    pub weight: u32,
    /// The share of the weight it earns, in percent.
    pub credit_percent: u32,
    /// Points earned, in hundredths (JSON: points, a decimal).
    #[serde(serialize_with = "centi_as_points")]
    pub earned: u32,
    /// Running total of earned points, in hundredths (JSON: points).
    #[serde(serialize_with = "centi_as_points")]
    pub sum: u32,
    /// Running total of possible points.
    pub possible: u32,
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
    /// The highest score while a posting's required skill is missing outright.
    pub score_cap_with_missing_required: u8,
    /// Soft skills count this many times.
    pub soft_skill_factor: u32,
    /// The share of its weight, in percent, a skill shown for fewer years than asked earns.
    pub years_short_credit_percent: u32,
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
        score_cap_with_missing_required: SCORE_CAP_WITH_MISSING_REQUIRED,
        soft_skill_factor: SOFT_SKILL_FACTOR,
        years_short_credit_percent: YEARS_SHORT_CREDIT_PERCENT,
    };
}

/// One suggestion for the CV.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SuggestionReport {
    /// For a grouped suggestion, the words the targets used for each skill, in `skills` order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<String>,
    /// What kind of change it suggests.
    pub kind: SuggestionKind,
    /// The suggestion, in words.
    pub message: String,
    /// The id of the skill it is about; `null` when it covers several (see `skills`).
    pub skill: Option<String>,
    /// The ids of every skill it covers.
    pub skills: Vec<String>,
}

/// A skill read from the CV by near spelling.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FuzzyReading {
    /// The words as the CV writes them.
    pub text: String,
    /// The skill they were read as.
    pub skill: SkillRef,
}

/// What building a report reads: the taxonomy, the CV and the targets' sources.
struct Context<'a> {
    taxonomy: &'a Taxonomy,
    profile: &'a Profile,
    targets: &'a [Source],
    comparison: &'a Comparison,
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
        let cx = Context { taxonomy, profile, targets, comparison };
        let skill = |r: &SkillResult| skill_report(&cx, r);
        CompareReport {
            cv: cv.to_owned(),
            explain: None,
            fuzzy_readings: profile
                .fuzzy_mentions()
                .map(|(s, m)| FuzzyReading { text: m.text.clone(), skill: SkillRef::new(taxonomy, s) })
                .collect(),
            gaps: comparison.gaps().iter().map(|g| gap_report(&cx, g)).collect(),
            learning_path: learning_paths(taxonomy, profile, comparison)
                .into_iter()
                .map(|p| {
                    let s = taxonomy.skill(p.skill);
                    LearningPathReport {
                        rank: p.rank,
                        id: s.id.clone(),
                        name: s.name.clone(),
                        steps: p
                            .steps
                            .iter()
                            .enumerate()
                            .map(|(i, &step)| {
                                let t = taxonomy.skill(step);
                                PathStep { id: t.id.clone(), name: t.name.clone(), have: i == 0 }
                            })
                            .collect(),
                    }
                })
                .collect(),
            matched: comparison.matched.iter().map(skill).collect(),
            missing: comparison.missing.iter().map(skill).collect(),
            per_target: comparison
                .per_target
                .iter()
                .zip(targets)
                .map(|(t, source)| TargetScoreReport {
                    target: source.name.clone(),
                    kind: t.kind,
                    score: t.score,
                    points: Points { earned_centi: t.earned_centi, possible: t.possible },
                    uncapped: (t.score != t.uncapped).then_some(t.uncapped),
                    capped_by: t.capped_by.map(|s| SkillRef::new(taxonomy, s)),
                    asking_lines: t.asking_lines,
                    lines_read: t.asking_lines - t.unrecognised.len().min(t.asking_lines),
                    skills_found: t.skills_found,
                    words: source.text.split_whitespace().count(),
                })
                .collect(),
            unrecognised: comparison
                .per_target
                .iter()
                .zip(targets)
                .flat_map(|(t, source)| {
                    t.unrecognised.iter().map(move |span| UnrecognisedLine {
                        target: source.name.clone(),
                        line: source.line_of(span.start),
                        text: source
                            .text
                            .get(span.range())
                            .unwrap_or("")
                            .trim()
                            .trim_start_matches(['-', '*', '•', '·', '+'])
                            .trim()
                            .to_owned(),
                    })
                })
                .collect(),
            points: Points { earned_centi: comparison.earned_centi, possible: comparison.possible },
            related: comparison.related.iter().map(skill).collect(),
            score: comparison.score,
            score_cap: comparison.capped.then_some(SCORE_CAP_WITH_MISSING_REQUIRED),
            suggestions: suggestions
                .iter()
                .map(|s| SuggestionReport {
                    evidence: s.evidence.clone(),
                    kind: s.kind,
                    message: s.message.clone(),
                    skill: (s.skills.len() == 1).then(|| taxonomy.skill(s.skill).id.clone()),
                    skills: s.skills.iter().map(|&k| taxonomy.skill(k).id.clone()).collect(),
                })
                .collect(),
            targets: targets.iter().map(|t| t.name.clone()).collect(),
            weights: Weights::CURRENT,
        }
    }

    /// Adds the arithmetic behind the score (`--explain`), from the same `comparison` and `taxonomy`.
    pub fn with_explain(mut self, taxonomy: &Taxonomy, comparison: &Comparison) -> CompareReport {
        let mut rows = Vec::new();
        let (mut sum, mut possible) = (0, 0);
        for r in comparison.matched.iter().chain(&comparison.related).chain(&comparison.missing) {
            sum += r.earned_centi;
            possible += r.weight;
            let s = taxonomy.skill(r.skill);
            rows.push(ExplainRow {
                id: s.id.clone(),
                name: s.name.clone(),
                weight: r.weight,
                credit_percent: credit_percent(r.status, r.years_short.is_some()),
                earned: r.earned_centi,
                sum,
                possible,
            });
        }
        let uncapped = (comparison.earned_centi + comparison.possible / 2)
            .checked_div(comparison.possible)
            .map_or(0, |s| s.min(100) as u8);
        let cap = comparison.capped.then_some(SCORE_CAP_WITH_MISSING_REQUIRED);
        let importance = comparison
            .gaps()
            .iter()
            .map(|g| {
                let s = taxonomy.skill(g.skill);
                ImportanceRow { rank: g.rank, id: s.id.clone(), name: s.name.clone(), parts: g.why }
            })
            .collect();
        self.explain = Some(Explain { rows, importance, uncapped, cap });
        self
    }
}

/// The report of one gap.
fn gap_report(cx: &Context, g: &Gap) -> GapReport {
    let r = &g.result;
    let s = cx.taxonomy.skill(g.skill);
    let kinds = |kind: TargetKind| {
        let mut seen: Vec<usize> = Vec::new();
        for e in std::iter::once(r).chain(&g.members).flat_map(|m| &m.evidence).filter(|e| e.kind == kind) {
            if !seen.contains(&e.target) {
                seen.push(e.target);
            }
        }
        seen.len()
    };
    let posting_requirement = std::iter::once(r)
        .chain(&g.members)
        .flat_map(|m| &m.evidence)
        .filter(|e| e.kind == TargetKind::Posting)
        .map(|e| e.requirement)
        .max();
    let have = match r.status {
        Status::Related(n) => Some(n),
        _ => None,
    };
    let cv_skill = match (g.status, have) {
        (_, Some(n)) => Some(n),
        (GapStatus::InProgress | GapStatus::YearsShort, None) => Some(g.skill),
        _ => None,
    };
    GapReport {
        rank: g.rank,
        id: s.id.clone(),
        name: s.name.clone(),
        status: g.status,
        importance: g.importance,
        category: category(cx.taxonomy, g.skill),
        alternatives: r.alternatives.iter().map(|&a| SkillRef::new(cx.taxonomy, a)).collect(),
        named: g.named,
        members: g.members.iter().map(|m| skill_report(cx, m)).collect(),
        requirement: posting_requirement,
        years: std::iter::once(r).chain(&g.members).filter_map(|m| m.years()).max(),
        years_shown: r.years_short.map(|y| y.shown),
        targets: kinds(TargetKind::Posting) + kinds(TargetKind::Bio),
        postings: kinds(TargetKind::Posting),
        bios: kinds(TargetKind::Bio),
        weight: r.weight,
        evidence: r.evidence.iter().filter_map(|e| evidence_report(cx, e)).collect(),
        have: have.map(|n| SkillRef::new(cx.taxonomy, n)),
        cv_evidence: cv_skill.and_then(|n| cv_evidence(cx, n)),
    }
}

/// Where the CV shows `skill`: its first mention outside the skills list if there is one (a bullet says more
/// than a list), as a short window.
fn cv_evidence(cx: &Context, skill: SkillIdx) -> Option<CvEvidence> {
    let evidence = cx.profile.get(skill)?;
    let m = evidence.mentions.iter().find(|m| m.section != SectionKind::Skills).or(evidence.mentions.first())?;
    let text = &cx.profile.cv_text;
    Some(CvEvidence {
        line: line_in(text, m.span.start),
        quote: quote(text, (m.sentence.start, m.sentence.end), (m.span.start, m.span.end), QUOTE_WINDOW_CHARS),
        skill: SkillRef::new(cx.taxonomy, skill),
    })
}

/// Where one target names a skill.
/// Where one target names a skill; `None` for evidence from a target not in this comparison (which `compare`
/// never makes).
fn evidence_report(cx: &Context, e: &TargetEvidence) -> Option<EvidenceReport> {
    let target = cx.targets.get(e.target)?;
    let (sentence, mention) = ((e.sentence.start, e.sentence.end), (e.span.start, e.span.end));
    Some(EvidenceReport {
        kind: e.kind,
        line: target.line_of(e.span.start),
        prominence: e.prominence.clone(),
        quote: quote(&target.text, sentence, mention, QUOTE_WINDOW_CHARS),
        requirement: e.requirement,
        sentence: quote(&target.text, sentence, mention, QUOTE_MAX_CHARS),
        target: target.name.clone(),
        text: e.text.clone(),
        years: e.years,
    })
}

fn skill_report(cx: &Context, r: &SkillResult) -> SkillReport {
    let taxonomy = cx.taxonomy;
    let s = taxonomy.skill(r.skill);
    let shown_as = match r.status {
        Status::MatchedNarrower(n) | Status::Related(n) | Status::Alternative(n) => n,
        _ => r.skill,
    };
    let other = |n: SkillIdx| Some(SkillRef::new(taxonomy, n));
    let is_gap = !matches!(r.status, Status::Matched | Status::MatchedNarrower(_) | Status::Alternative(_))
        || r.years_short.is_some();
    SkillReport {
        alternative: if let Status::Alternative(n) = r.status { other(n) } else { None },
        alternatives: r.alternatives.iter().map(|&a| SkillRef::new(taxonomy, a)).collect(),
        category: category(taxonomy, r.skill),
        cv_text: cx.profile.get(shown_as).and_then(|e| e.mentions.first()).map(|m| m.text.clone()),
        evidence: r.evidence.iter().filter_map(|e| evidence_report(cx, e)).collect(),
        have: if let Status::Related(n) = r.status { other(n) } else { None },
        id: s.id.clone(),
        in_progress: r.status == Status::InProgress,
        name: s.name.clone(),
        rank: if is_gap { cx.comparison.gap_rank(r.skill) } else { None },
        requirement: r.requirement(),
        targets: r.target_count(),
        via: if let Status::MatchedNarrower(n) = r.status { other(n) } else { None },
        weight: r.weight,
        years: r.years(),
        years_shown: r.years_short.map(|y| y.shown),
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

    /// A posting is poorly covered when most requirement lines were not read; a bio, which asks in prose, when it
    /// names too few skills for its length.
    #[test]
    fn poorly_covered_targets() {
        let target = |kind: TargetKind, asking_lines: usize, lines_read: usize, skills_found: usize, words: usize| {
            TargetScoreReport {
                target: "t".to_owned(),
                kind,
                score: 100,
                points: Points { earned_centi: 0, possible: 0 },
                uncapped: None,
                capped_by: None,
                asking_lines,
                lines_read,
                skills_found,
                words,
            }
        };
        assert!(target(TargetKind::Posting, 10, 4, 12, 400).poorly_covered());
        assert!(!target(TargetKind::Posting, 10, 5, 12, 400).poorly_covered());
        // A pilot's bio: four skills in 231 words.
        assert!(target(TargetKind::Bio, 0, 0, 4, 231).poorly_covered());
        assert!(!target(TargetKind::Bio, 0, 0, 12, 231).poorly_covered());
        // Too short to judge.
        assert!(!target(TargetKind::Bio, 0, 0, 1, BIO_WORDS_MIN - 1).poorly_covered());
        // A posting is judged by its lines, not its density.
        assert!(!target(TargetKind::Posting, 10, 9, 2, 600).poorly_covered());
    }

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
        assert_eq!(json["years_short_credit_percent"], YEARS_SHORT_CREDIT_PERCENT);
        assert_eq!(json["score_cap_with_missing_required"], SCORE_CAP_WITH_MISSING_REQUIRED);
        assert_eq!(json.as_object().map(|o| o.len()), Some(9));
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
        assert!(json.get("fuzzy_readings").is_none());
        // One ranked list: Terraform (missing outright) above PostgreSQL (a near miss of the same weight), with
        // `rank` from 1, and each `missing`/`related` entry's rank its place there.
        let gaps: Vec<(&str, &str, u64)> = json["gaps"]
            .as_array()
            .expect("gaps")
            .iter()
            .map(|g| {
                (g["id"].as_str().unwrap_or(""), g["status"].as_str().unwrap_or(""), g["rank"].as_u64().unwrap_or(0))
            })
            .collect();
        assert_eq!(gaps, [("terraform", "missing", 1), ("postgresql", "related", 2)]);
        assert_eq!(json["related"][0]["rank"], 2);
        // The quote holds the mention; the near miss shows where the CV names MySQL.
        assert!(r.gaps[0].evidence[0].quote.contains("Terraform"));
        assert_eq!(r.gaps[1].cv_evidence.as_ref().map(|c| c.quote.as_str()), Some("Skills: Python, MySQL"));
        // A required skill is missing outright: the posting's score is capped.
        assert_eq!(json["per_target"][0]["kind"], "posting");
        assert!(r.score <= SCORE_CAP_WITH_MISSING_REQUIRED);
        assert_eq!(r.per_target[0].capped_by.as_ref().map(|s| s.id.as_str()), Some("terraform"));
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
            years_shown: None,
        };
        assert_eq!(
            serde_json::to_string(&skill).expect("json"),
            r#"{"alternatives":["sql"],"category":"data/language","cv_text":"PostgreSQL","evidence":[],"id":"postgresql","name":"PostgreSQL","requirement":"required","targets":1,"via":"sql","weight":3,"years":null}"#
        );
    }
}
