//! Comparison: the targets' skills set against the profile, as matched, related (transferable) and missing
//! skills, with a 0-100 score in which every point can be explained.

mod gaps;
mod held;

// Keyed by skill index and never iterated: a fast hash, and the order cannot reach the output.
use rustc_hash::FxHashMap as HashMap;

pub(crate) use held::HeldIndex;

pub use gaps::{
    gap_status, importance, importance_parts, prominence_level, requirement_level, specificity_percent,
    standing_percent, target_field, target_level, years_points, years_short, Gap, GapStatus, ImportanceParts,
    YearsShort, FIELD_SHARE_PERCENT, GENERIC_PERCENT, IMPORTANCE_BIO_BASE, IMPORTANCE_MENTIONED, IMPORTANCE_PER_MEMBER,
    IMPORTANCE_PER_PROMINENCE, IMPORTANCE_PER_YEAR_SHORT, IMPORTANCE_PREFERRED, IMPORTANCE_REQUIRED, IMPORTANCE_SHARE,
    IN_PROGRESS_PERCENT, MEMBERS_COUNTED_MAX, MISSING_PERCENT, NEAR_MISS_PERCENT, OFF_FIELD_PERCENT, SOFT_PERCENT,
    SPECIFIC_PERCENT, SPOKEN_PERCENT, YEARS_COUNTED_MAX, YEARS_SHORT_PERCENT,
};

use crate::extract::{Document, Mention, Prominence};
use crate::profile::Profile;
use crate::source::TargetKind;
use crate::span::Span;
use crate::structure::roles::union_months;
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

/// Share of a skill's weight earned when the CV shows it for fewer years than a posting asks, in percent. Most of
/// it: the skill is there, and years are a softer screen than the skill itself.
pub const YEARS_SHORT_CREDIT_PERCENT: u32 = 75;

/// The most a posting's score (and the aggregate) can be while a required skill or required either/or group is
/// missing outright, not even a near miss: a target whose requirements are unmet cannot read as a 90s fit.
pub const SCORE_CAP_WITH_MISSING_REQUIRED: u8 = 89;

/// The weight of one skill in one target.
pub fn skill_weight(kind: Kind, requirement: Requirement) -> u32 {
    let requirement_weight = match requirement {
        Requirement::NotRequired => return 0,
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
    /// Whether that target is a posting or a bio.
    pub kind: TargetKind,
    /// The strongest requirement in that target.
    pub requirement: Requirement,
    /// Years asked, if any.
    pub years: Option<u8>,
    /// The words the target used (its strongest mention).
    pub text: String,
    /// The sentence of that mention, in that target's text.
    pub sentence: Span,
    /// That mention's own span, inside `sentence`.
    pub span: Span,
    /// For a bio: why the skill stands out there, over all its mentions.
    pub prominence: Vec<Prominence>,
    /// The weight in that target (0 when the CV answers it with an alternative the target offers).
    pub weight: u32,
    /// How many times that target names it, outside benefits and the company blurb.
    pub mentions: usize,
    /// Every distinct wording that target uses for it, in text order ("network protocols", "TCP/IP").
    pub words: Vec<String>,
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
    /// For a skill the CV shows: the years a posting asks beyond what the CV shows, if it does.
    pub years_short: Option<YearsShort>,
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
    /// Each target's own score, in target order.
    pub per_target: Vec<TargetScore>,
    /// Whether [`SCORE_CAP_WITH_MISSING_REQUIRED`] lowered the aggregate score.
    pub capped: bool,
    /// Skills the CV has, heaviest first (including those it shows for fewer years than asked).
    pub matched: Vec<SkillResult>,
    /// Skills the CV has something related to, or shows in progress, in gap order.
    pub related: Vec<SkillResult>,
    /// Skills the CV lacks, in gap order.
    pub missing: Vec<SkillResult>,
    /// The ranked gap list.
    gaps: Vec<Gap>,
}

/// One target's own score.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TargetScore {
    /// A posting or a bio.
    pub kind: TargetKind,
    /// The weight that target gives its skills.
    pub possible: u32,
    /// The weight earned there, in hundredths.
    pub earned_centi: u32,
    /// Earned over possible, rounded, before any cap.
    pub uncapped: u8,
    /// The score shown: `uncapped`, lowered to [`SCORE_CAP_WITH_MISSING_REQUIRED`] when `capped_by` is set.
    pub score: u8,
    /// For a posting: the most important required skill (or group) the CV misses outright, which caps the score.
    pub capped_by: Option<SkillIdx>,
    /// How many of the target's lines ask for something (see [`Document::asking_lines`]).
    pub asking_lines: usize,
    /// The asking lines in which no skill was recognised, as byte spans of the target's text.
    pub unrecognised: Vec<Span>,
    /// How many distinct skills the target names.
    pub skills_found: usize,
}

impl Comparison {
    /// The one ranked list of what the CV does not fully show: missing skills, near misses, credentials in
    /// progress and skills shown for fewer years than asked, with relatives collapsed into one gap. This is the
    /// list a user should read first: a required skill stays a gap even when the CV shows something transferable.
    pub fn gaps(&self) -> &[Gap] {
        &self.gaps
    }

    /// The rank of the gap that holds `skill` (as its head or a member), from 1.
    pub fn gap_rank(&self, skill: SkillIdx) -> Option<usize> {
        self.gaps.iter().find(|g| g.skill == skill || g.members.iter().any(|m| m.skill == skill)).map(|g| g.rank)
    }
}

/// Step 5, rank order: named by more targets first, then heavier, then named more often, then in taxonomy order (a
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
///
/// The steps, in order: collect what each target asks (with its either/or groups resolved against the CV),
/// then per skill classify its status and the credit it earns, then score and rank. Every number comes from
/// the weights above: see [`skill_weight`], [`RELATED_CREDIT_PERCENT`] and [`IN_PROGRESS_CREDIT_PERCENT`].
///
/// ```
/// use skillgap::{compare, Extractor, Profile, Status, Taxonomy};
///
/// let extractor = Extractor::new(Taxonomy::builtin());
/// let profile = Profile::from_text(&extractor, "Skills: Python, MySQL");
/// let posting = extractor.extract("Requirements\n- Python\n- PostgreSQL\n- Terraform\n");
/// let comparison = compare(extractor.taxonomy(), &profile, &[posting]);
///
/// let name = |skill| extractor.taxonomy().skill(skill).name.as_str();
/// assert_eq!(comparison.matched.iter().map(|r| name(r.skill)).collect::<Vec<_>>(), ["Python"]);
/// // MySQL transfers to PostgreSQL: partial credit, and still a gap.
/// assert!(matches!(comparison.related[0].status, Status::Related(_)));
/// assert_eq!(comparison.missing.iter().map(|r| name(r.skill)).collect::<Vec<_>>(), ["Terraform"]);
/// assert!(comparison.score > 0 && comparison.score < 100);
/// ```
pub fn compare(taxonomy: &Taxonomy, profile: &Profile, targets: &[Document]) -> Comparison {
    compare_held(taxonomy, profile, &HeldIndex::new(taxonomy, profile), targets, Wording::Kept)
}

/// Whether a comparison keeps the targets' own words for each skill ([`TargetEvidence::text`] and
/// [`TargetEvidence::words`]): reports show them, batch only scores, and copying them was a third of the
/// allocations of a batch comparison.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Wording {
    /// Kept, for reports.
    Kept,
    /// Left empty.
    Dropped,
}

/// [`compare`] with the CV's [`HeldIndex`] read already: batch keeps one for every posting.
pub(crate) fn compare_held(
    taxonomy: &Taxonomy,
    profile: &Profile,
    held: &HeldIndex<'_>,
    targets: &[Document],
    wording: Wording,
) -> Comparison {
    let Collected { order, mut by_skill, mut alternatives_of, covered_by } =
        collect_target_evidence(taxonomy, profile, held, targets, wording);
    let mut matched = Vec::new();
    let mut related = Vec::new();
    let mut missing = Vec::new();
    let mut possible = 0;
    let mut earned_total = 0;
    for skill in order {
        let evidence = by_skill.remove(&skill).unwrap_or_default();
        let weight: u32 = evidence.iter().map(|e| e.weight).sum();
        let status = classify(held, skill, weight, covered_by.get(&skill).copied());
        let alternatives = match status {
            Status::Missing | Status::Related(_) | Status::InProgress => {
                alternatives_of.remove(&skill).unwrap_or_default()
            }
            _ => Vec::new(),
        };
        let mut result =
            SkillResult { skill, status, weight, earned_centi: 0, evidence, alternatives, years_short: None };
        result.years_short = years_short(profile, &result);
        let percent = credit_percent(status, result.years_short.is_some());
        result.earned_centi = weight * percent;
        possible += weight;
        earned_total += result.earned_centi;
        match status {
            Status::Matched | Status::MatchedNarrower(_) | Status::Alternative(_) => matched.push(result),
            Status::Related(_) | Status::InProgress => related.push(result),
            Status::Missing => missing.push(result),
        }
    }
    matched.sort_by(rank);
    let all: Vec<&SkillResult> = missing.iter().chain(&related).chain(&matched).collect();
    let gaps = gaps::ranked_gaps(taxonomy, held, &all, targets.len());
    let per_target: Vec<TargetScore> =
        targets.iter().enumerate().map(|(t, doc)| target_score(taxonomy, t, doc, &all, &gaps)).collect();
    let uncapped = score(earned_total, possible);
    let capped = per_target.iter().any(|t| t.capped_by.is_some()) && uncapped > SCORE_CAP_WITH_MISSING_REQUIRED;
    let by_gap =
        |r: &SkillResult| gaps.iter().position(|g| g.skill == r.skill || g.members.iter().any(|m| m.skill == r.skill));
    related.sort_by_key(|r| (by_gap(r), r.skill));
    missing.sort_by_key(|r| (by_gap(r), r.skill));
    Comparison {
        score: if capped { SCORE_CAP_WITH_MISSING_REQUIRED } else { uncapped },
        possible,
        earned_centi: earned_total,
        targets: targets.len(),
        per_target,
        capped,
        matched,
        related,
        missing,
        gaps,
    }
}

/// Step 5: one target's score from the weight it gives each skill and the credit each earns, capped at
/// [`SCORE_CAP_WITH_MISSING_REQUIRED`] for a posting whose required skill the CV misses outright. A soft skill
/// does not cap: a screen does not fail a CV for not writing "teamwork", and the gap list still shows it.
fn target_score(taxonomy: &Taxonomy, t: usize, doc: &Document, all: &[&SkillResult], gaps: &[Gap]) -> TargetScore {
    let kind = doc.kind;
    let (mut possible, mut earned) = (0, 0);
    for r in all {
        for e in r.evidence.iter().filter(|e| e.target == t) {
            possible += e.weight;
            earned += e.weight * credit_percent(r.status, r.years_short.is_some());
        }
    }
    let caps = |r: &SkillResult| {
        r.status == Status::Missing
            && taxonomy.skill(r.skill).kind != Kind::Soft
            && r.evidence.iter().any(|e| e.target == t && e.requirement == Requirement::Required && e.weight > 0)
    };
    let capped_by = match kind {
        TargetKind::Bio => None,
        TargetKind::Posting => gaps
            .iter()
            .flat_map(|g| std::iter::once(&g.result).filter(|_| g.named).chain(&g.members))
            .find(|r| caps(r))
            .map(|r| r.skill),
    };
    let uncapped = score(earned, possible);
    let score = match capped_by {
        Some(_) => uncapped.min(SCORE_CAP_WITH_MISSING_REQUIRED),
        None => uncapped,
    };
    TargetScore {
        kind,
        possible,
        earned_centi: earned,
        uncapped,
        score,
        capped_by,
        asking_lines: doc.asking_lines.len(),
        unrecognised: doc.unrecognised.clone(),
        skills_found: doc.skills.len(),
    }
}

/// What the targets ask, per skill, before it is set against the profile.
#[derive(Debug, Default)]
struct Collected {
    /// Every skill some target asks for, in first-seen order (for determinism).
    order: Vec<SkillIdx>,
    /// Per skill, the evidence from every target that asks for it.
    by_skill: HashMap<SkillIdx, Vec<TargetEvidence>>,
    /// Per skill that carries an either/or gap, the other names a target offers in its place.
    alternatives_of: HashMap<SkillIdx, Vec<SkillIdx>>,
    /// Skills a target offers alongside one the CV shows, and that one.
    covered_by: HashMap<SkillIdx, SkillIdx>,
}

/// Step 1: what every target asks for, skill by skill, with the either/or groups resolved against the profile.
fn collect_target_evidence(
    taxonomy: &Taxonomy,
    profile: &Profile,
    held: &HeldIndex<'_>,
    targets: &[Document],
    wording: Wording,
) -> Collected {
    let mut collected = Collected::default();
    for (t, doc) in targets.iter().enumerate() {
        let resolved = resolve_alternatives(taxonomy, profile, held, doc);
        for (_, carrier, rest) in &resolved.carried {
            let listed = collected.alternatives_of.entry(*carrier).or_default();
            for &m in rest {
                if !listed.contains(&m) {
                    listed.push(m);
                }
            }
        }
        for evidence in &doc.skills {
            // The mentions that ask on their own: outside any group, carrying a group the CV does not answer, or
            // the name the CV answers its group with.
            let shown = held.shows(evidence.skill);
            // A sentence whose either/or group the CV answers with another name asks nothing more of this skill
            // by naming it twice: "UKG Dimensions (Kronos) or a similar system" is one request.
            let answered_in = |sentence: Span| {
                evidence.mentions.iter().any(|m| {
                    m.sentence == sentence && m.group.is_some_and(|g| resolved.answered_by(g, evidence.skill).is_some())
                })
            };
            // "SAP Concur or a comparable expense platform", answered with Expensify: the target takes another
            // tool, so naming SAP Concur elsewhere ("submit expenses in SAP Concur") says which one it uses, and
            // asks nothing more.
            let open_answered = evidence.mentions.iter().any(|m| {
                m.group.is_some_and(|g| {
                    resolved.answered_by(g, evidence.skill).is_some()
                        && doc.alternatives.iter().any(|a| a.id == g && a.open)
                })
            });
            let own: Vec<&Mention> = evidence
                .mentions
                .iter()
                .filter(|m| is_asked(m))
                .filter(|m| match m.group {
                    Some(g) => resolved.carrier_of(g) == Some(evidence.skill) || (shown && resolved.is_answered(g)),
                    None => !answered_in(m.sentence) && !open_answered,
                })
                .collect();
            let answered = evidence.mentions.iter().filter(|m| is_asked(m)).find_map(|m| {
                let held = resolved.answered_by(m.group?, evidence.skill)?;
                Some((m, held))
            });
            let folded = resolved.carried.iter().any(|(_, _, rest)| rest.contains(&evidence.skill));
            let te = match (own.is_empty(), answered) {
                (false, _) => target_evidence(taxonomy, t, doc.kind, evidence.skill, &own, wording),
                // Folded into a gap another name carries ("Critical Care (or Progressive Care)").
                (true, _) if folded => None,
                // Every mention sits in a group the CV answers with another name: it weighs nothing.
                (true, Some((m, held))) => {
                    collected.covered_by.entry(evidence.skill).or_insert(held);
                    target_evidence(taxonomy, t, doc.kind, evidence.skill, &[m], wording)
                        .map(|te| TargetEvidence { weight: 0, ..te })
                }
                (true, None) => None,
            };
            let Some(te) = te else { continue };
            let entry = collected.by_skill.entry(evidence.skill).or_default();
            if entry.is_empty() {
                collected.order.push(evidence.skill);
            }
            entry.push(te);
        }
    }
    collected
}

/// How one target's either/or groups stand against the profile.
#[derive(Debug, Default, PartialEq, Eq)]
struct Resolved {
    /// The groups the CV answers, by id.
    answered_groups: Vec<u32>,
    /// For each group the CV answers, each member the CV does not show with the closest member it does show.
    answered: Vec<(u32, SkillIdx, SkillIdx)>,
    /// For each group the CV does not answer: its id, its first name (which carries the gap), and the names
    /// folded into it (those the target asks for nowhere else).
    carried: Vec<(u32, SkillIdx, Vec<SkillIdx>)>,
}

impl Resolved {
    /// Whether the CV answers the group `group`.
    fn is_answered(&self, group: u32) -> bool {
        self.answered_groups.contains(&group)
    }

    /// The member of the answered group `group` that answers `skill` for the CV.
    fn answered_by(&self, group: u32, skill: SkillIdx) -> Option<SkillIdx> {
        self.answered.iter().find(|(g, m, _)| *g == group && *m == skill).map(|(_, _, held)| *held)
    }

    /// The first name of the unanswered group `group`.
    fn carrier_of(&self, group: u32) -> Option<SkillIdx> {
        self.carried.iter().find(|(g, ..)| *g == group).map(|(_, carrier, _)| *carrier)
    }
}

/// Step 1a: "Kafka or Kinesis" is one requirement. When the CV shows one of the names, the others weigh nothing
/// there; when it shows none, the first name carries the gap and lists the others. A name's mentions outside the
/// group still ask on their own.
/// Years of dated work that stand in for a degree or credential the target takes "or equivalent experience" for:
/// about as long as a bachelor's degree takes.
pub const EQUIVALENT_EXPERIENCE_YEARS: u32 = 4;

fn resolve_alternatives(taxonomy: &Taxonomy, profile: &Profile, held: &HeldIndex<'_>, doc: &Document) -> Resolved {
    let mut resolved = Resolved {
        answered_groups: doc
            .alternatives
            .iter()
            .filter(|a| a.skills.iter().any(|&m| held.shows(m)))
            .map(|a| a.id)
            .collect(),
        ..Resolved::default()
    };
    // "A BA or equivalent experience": years of dated work stand in for a credential. The members then
    // ask nothing of this CV (no gap, no weight).
    // Worked out only for a target that offers experience (batch scores most postings without one).
    let mut worked_years = None;
    for alternatives in doc.alternatives.iter().filter(|a| a.experience) {
        let credentials =
            alternatives.skills.iter().all(|&m| matches!(taxonomy.skill(m).kind, Kind::Degree | Kind::Certification));
        let years = *worked_years.get_or_insert_with(|| union_months(profile.roles.iter().map(|r| r.period)) / 12);
        if credentials && years >= EQUIVALENT_EXPERIENCE_YEARS && !resolved.is_answered(alternatives.id) {
            resolved.answered_groups.push(alternatives.id);
        }
    }
    for alternatives in &doc.alternatives {
        let g = alternatives.id;
        // "ServiceTitan, Housecall Pro or similar": a held product or credential of the same kind, related to a
        // member and filed under the same broader category (Jobber beside ServiceTitan, field service software),
        // answers the group as if the target had named it. Areas and methods are too loose for it (delivery
        // driving is not "another defensive-driving certification"), and so is a relative of another sort (Spark
        // is related to Kafka, but it is no "similar streaming technology").
        let similar = || {
            alternatives.skills.iter().find_map(|&m| {
                let skill = taxonomy.skill(m);
                let product = matches!(
                    skill.kind,
                    Kind::Tool | Kind::Language | Kind::Framework | Kind::Certification | Kind::Degree
                );
                // The shared parent is a category (field service software, SQL), not a platform whose parts do
                // different jobs (AWS Lambda is no "similar streaming technology" to Kinesis).
                let sibling = |h: SkillIdx| {
                    let other = taxonomy.skill(h);
                    other.kind == skill.kind
                        && taxonomy.are_related(m, h)
                        && other
                            .broader
                            .iter()
                            .any(|b| skill.broader.contains(b) && taxonomy.skill(*b).kind != Kind::Tool)
                };
                held_skills(profile).find(|&h| product && sibling(h)).map(|h| (m, h))
            })
        };
        if alternatives.open && !resolved.is_answered(g) {
            if let Some((_, h)) = similar() {
                resolved.answered_groups.push(g);
                for &m in &alternatives.skills {
                    resolved.answered.push((g, m, h));
                }
                continue;
            }
        }
        if resolved.is_answered(g) {
            for &m in alternatives.skills.iter().filter(|&&m| !held.shows(m)) {
                // Name the closest alternative the CV shows: Redshift for Snowflake, not "cloud computing".
                // Prefer what the CV names itself, then an explicitly related skill, then any relation.
                let listed =
                    |h: SkillIdx| taxonomy.skill(h).related.contains(&m) || taxonomy.skill(m).related.contains(&h);
                let closest = alternatives
                    .skills
                    .iter()
                    .copied()
                    .filter(|&h| held.shows(h))
                    .min_by_key(|&h| (!profile.holds(h), !listed(h), !taxonomy.are_related(h, m)));
                if let Some(h) = closest {
                    resolved.answered.push((g, m, h));
                }
            }
        } else if let Some((&carrier, rest)) = alternatives.skills.split_first() {
            // A name the target also asks for on its own (outside any group the CV answers) is a requirement of
            // its own, not an alternative.
            let answered = &resolved.answered_groups;
            let asked_elsewhere = |m: SkillIdx| {
                doc.get(m).is_some_and(|e| {
                    e.mentions
                        .iter()
                        .any(|x| is_asked(x) && x.group != Some(g) && x.group.is_none_or(|h| !answered.contains(&h)))
                })
            };
            let rest: Vec<SkillIdx> = rest.iter().copied().filter(|&m| !asked_elsewhere(m)).collect();
            resolved.carried.push((g, carrier, rest));
        }
    }
    resolved
}

/// Whether the CV shows `skill` as held, itself or through a narrower skill it holds at any distance (PostgreSQL
/// for SQL; a master's degree for a bachelor's, a higher rung of a credential ladder for a lower one).
pub(crate) fn shows(taxonomy: &Taxonomy, profile: &Profile, skill: SkillIdx) -> bool {
    profile.holds(skill)
        || profile.written_in(taxonomy, skill)
        || held_skills(profile).any(|h| taxonomy.is_under(h, skill))
}

/// [`shows`] with the CV's held skills and their chains read already; [`HeldIndex::shows`] remembers the answer.
fn shows_with(taxonomy: &Taxonomy, profile: &Profile, held: &[HeldChain], skill: SkillIdx) -> bool {
    profile.holds(skill)
        || profile.written_in(taxonomy, skill)
        || held.iter().any(|(h, above)| *h != skill && above.contains(&skill))
}

/// The skills the CV shows as held ([`Profile::holds`]), in its order. Read off each skill's evidence directly:
/// asking `holds` of each would find every skill's evidence again, for every skill a target names.
fn held_skills(profile: &Profile) -> impl Iterator<Item = SkillIdx> + '_ {
    profile.document.skills.iter().filter(|e| e.mentions.iter().any(|m| !m.in_progress)).map(|e| e.skill)
}

/// Step 2: where one skill stands. `covered_by` is the name of an either/or group that the CV shows in its
/// place, if any: it answers the skill when every mention was answered that way (`weight` 0).
fn classify(held: &HeldIndex<'_>, skill: SkillIdx, weight: u32, covered_by: Option<SkillIdx>) -> Status {
    match covered_by {
        Some(answer) if weight == 0 && !held.shows(skill) => Status::Alternative(answer),
        _ => held.status(skill),
    }
}

/// Step 3: the share of its weight a skill earns, in percent: all of it for a match ([`YEARS_SHORT_CREDIT_PERCENT`]
/// when the CV shows fewer years than asked), [`RELATED_CREDIT_PERCENT`] or [`IN_PROGRESS_CREDIT_PERCENT`] of it
/// for partial credit, none for a missing skill.
pub fn credit_percent(status: Status, years_short: bool) -> u32 {
    match status {
        Status::Matched if years_short => YEARS_SHORT_CREDIT_PERCENT,
        Status::Matched | Status::MatchedNarrower(_) | Status::Alternative(_) => 100,
        Status::Related(_) => RELATED_CREDIT_PERCENT,
        Status::InProgress => IN_PROGRESS_CREDIT_PERCENT,
        Status::Missing => 0,
    }
}

/// Step 4: the score, 0-100: earned over possible weight, rounded half up; 0 when nothing is asked.
pub(crate) fn score(earned_centi: u32, possible: u32) -> u8 {
    (earned_centi + possible / 2).checked_div(possible).map_or(0, |s| s.min(100) as u8)
}

/// The evidence one target gives for a skill from `asked`, the mentions that ask for it there; `None` when
/// there are none. A bio asks for no years: its years are the person's, never a requirement.
fn target_evidence(
    taxonomy: &Taxonomy,
    target: usize,
    kind: TargetKind,
    skill: SkillIdx,
    asked: &[&Mention],
    wording: Wording,
) -> Option<TargetEvidence> {
    let best =
        asked.iter().copied().max_by(|a, b| a.requirement.cmp(&b.requirement).then(b.span.start.cmp(&a.span.start)))?;
    let requirement = best.requirement;
    let mut prominence: Vec<Prominence> = Vec::new();
    if kind == TargetKind::Bio {
        for &p in asked.iter().flat_map(|m| &m.prominence) {
            if !prominence.contains(&p) {
                prominence.push(p);
            }
        }
    }
    Some(TargetEvidence {
        target,
        kind,
        requirement,
        years: match kind {
            TargetKind::Posting => asked.iter().filter_map(|m| m.years).max(),
            TargetKind::Bio => None,
        },
        text: match wording {
            Wording::Kept => best.text.clone(),
            Wording::Dropped => String::new(),
        },
        sentence: best.sentence,
        span: best.span,
        prominence,
        weight: skill_weight(taxonomy.skill(skill).kind, requirement),
        mentions: asked.len(),
        words: match wording {
            Wording::Kept => asked.iter().fold(Vec::new(), |mut words, m| {
                if !words.contains(&m.text) {
                    words.push(m.text.clone());
                }
                words
            }),
            Wording::Dropped => Vec::new(),
        },
    })
}

/// Whether a mention asks something of the candidate: not in the benefits or the company blurb, and not said to
/// be unneeded ("German is not required").
fn is_asked(mention: &Mention) -> bool {
    !matches!(mention.section, SectionKind::Benefits | SectionKind::About)
        && mention.requirement != Requirement::NotRequired
}

/// A skill the CV holds, with every skill above it in the broader chain.
pub(crate) type HeldChain = (SkillIdx, Vec<SkillIdx>);

/// The CV's held skills ([`held_skills`]) with their broader chains, read once per comparison: [`status_with`]
/// asks, for every skill a target names, whether it lies above or below any of them.
pub(crate) fn held_chains(taxonomy: &Taxonomy, profile: &Profile) -> Vec<HeldChain> {
    held_skills(profile).map(|h| (h, broader_chain(taxonomy, h))).collect()
}

/// Every skill above `skill` in the broader chain, at any distance: `b` is in it exactly when
/// `taxonomy.is_under(skill, b)`, or `b == skill` on a cycle (which `is_under` answers `false`).
fn broader_chain(taxonomy: &Taxonomy, skill: SkillIdx) -> Vec<SkillIdx> {
    let mut seen: Vec<SkillIdx> = Vec::new();
    let mut stack: Vec<SkillIdx> = taxonomy.skill(skill).broader.clone();
    while let Some(next) = stack.pop() {
        if !seen.contains(&next) {
            seen.push(next);
            stack.extend(taxonomy.skill(next).broader.iter().copied().filter(|b| !seen.contains(b)));
        }
    }
    seen
}

/// `taxonomy.is_under(skill, broader)`, walked only for a skill that has a broader one: most skills have none, and
/// the walk sets up its fixed arrays before it finds that out. Gap grouping and the lift rescoring ask it for every
/// pair of a posting's skills. (The check belongs in `Taxonomy::is_under` itself.)
pub(crate) fn is_under(taxonomy: &Taxonomy, skill: SkillIdx, broader: SkillIdx) -> bool {
    !taxonomy.skill(skill).broader.is_empty() && taxonomy.is_under(skill, broader)
}

/// Where a skill stands by the CV alone: held, in progress, implied by a narrower skill, related, or missing. The
/// CV's held skills and their chains are read already; [`HeldIndex::status`] remembers the answer.
fn status_with(taxonomy: &Taxonomy, profile: &Profile, held: &[HeldChain], skill: SkillIdx) -> Status {
    if profile.holds(skill) || profile.written_in(taxonomy, skill) {
        return Status::Matched;
    }
    if profile.get(skill).is_some() {
        return Status::InProgress;
    }
    // A held skill under this one: `is_under(h, skill)`.
    if let Some(&(narrower, _)) = held.iter().find(|(h, above)| *h != skill && above.contains(&skill)) {
        return Status::MatchedNarrower(narrower);
    }
    // For a credential, a lower rung of its ladder (a bachelor's for a master's, OSHA 10 for OSHA 30): the highest
    // the CV shows. Else a related skill, or a broader one (first in the CV): `is_under(skill, h)`.
    let above = broader_chain(taxonomy, skill);
    if matches!(taxonomy.skill(skill).kind, Kind::Certification | Kind::Degree) {
        let rungs: Vec<&HeldChain> = held.iter().filter(|(h, _)| *h != skill && above.contains(h)).collect();
        // The highest rung: no other rung the CV shows stands above it.
        if let Some(&&(top, _)) = rungs.iter().find(|(h, _)| !rungs.iter().any(|(_, over)| over.contains(h))) {
            return Status::Related(top);
        }
    }
    // The closest first: a skill listed beside it (AWS CloudFormation for Terraform, Docker for Amazon ECS,
    // Tableau for Looker), then any relation, then a broader area (DevOps for Terraform) or the platform it is part
    // of (AWS for Amazon ECS), each in CV order. Broad areas first made near misses vaguer ("you have CRM" for
    // Salesforce beside HubSpot CRM; "Nursing" for Critical Care).
    let listed = |h: SkillIdx| taxonomy.skill(skill).related.contains(&h) || taxonomy.skill(h).related.contains(&skill);
    let near = held
        .iter()
        .find(|(h, _)| listed(*h))
        .or_else(|| held.iter().find(|(h, _)| taxonomy.are_related(skill, *h)))
        .or_else(|| held.iter().find(|(h, _)| *h != skill && above.contains(h)));
    match near {
        Some(&(near, _)) => Status::Related(near),
        None => Status::Missing,
    }
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
    fn a_second_name_beside_an_answered_group_asks_nothing_more() {
        let ex = setup();
        let profile = Profile::from_text(&ex, "Skills: Kafka");
        let target = ex.extract("Requirements\n- Experience with PostgreSQL (Postgres) or Kafka.\n");
        let c = compare(ex.taxonomy(), &profile, &[target]);
        let postgres = ex.taxonomy().get("postgresql").expect("id");
        assert!(c.gaps().iter().all(|g| g.skill != postgres), "{:?}", c.gaps());
    }

    #[test]
    fn years_of_work_stand_in_for_a_degree_the_target_takes_equivalent_experience_for() {
        let ex = Extractor::new(Taxonomy::builtin());
        let bachelors = ex.taxonomy().get("bachelors-degree").expect("id");
        let target = || ex.extract("Requirements\n- A BA or equivalent experience.\n- Excel\n");
        let asks_degree = |cv: &str| {
            let c = compare(ex.taxonomy(), &Profile::from_text(&ex, cv), &[target()]);
            c.gaps().iter().any(|g| g.skill == bachelors)
        };
        let worked = |from: u32, to: u32| format!("Experience\nAnalyst, Acme, Jan {from} – Dec {to}\n- Excel\n");
        // Enough years answer it; fewer leave the degree a gap.
        assert!(!asks_degree(&worked(2026 - EQUIVALENT_EXPERIENCE_YEARS - 1, 2025)));
        assert!(asks_degree(&worked(2024, 2025)));
        // Without "equivalent experience" the degree is asked of anyone.
        let plain = ex.extract("Requirements\n- Bachelor's degree.\n- Excel\n");
        let c = compare(ex.taxonomy(), &Profile::from_text(&ex, &worked(2010, 2025)), &[plain]);
        assert!(c.gaps().iter().any(|g| g.skill == bachelors));
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
    fn dropping_the_wording_changes_nothing_else() {
        fn blank(r: &mut SkillResult) {
            for e in &mut r.evidence {
                e.text.clear();
                e.words.clear();
            }
        }
        let ex = setup();
        let profile = Profile::from_text(&ex, "Python and MySQL. Teamwork.");
        let target =
            ex.extract("Teamwork matters.\nRequirements\n- Python\n- Postgres, PostgreSQL\n- Kafka or Terraform\n");
        let held = HeldIndex::new(ex.taxonomy(), &profile);
        let targets = std::slice::from_ref(&target);
        let mut kept = compare_held(ex.taxonomy(), &profile, &held, targets, Wording::Kept);
        let dropped = compare_held(ex.taxonomy(), &profile, &held, targets, Wording::Dropped);
        assert!(kept.related.iter().any(|r| r.evidence.iter().any(|e| e.words.len() == 2)), "{kept:?}");
        kept.matched.iter_mut().chain(&mut kept.related).chain(&mut kept.missing).for_each(blank);
        for gap in &mut kept.gaps {
            blank(&mut gap.result);
            gap.members.iter_mut().for_each(blank);
        }
        assert_eq!(kept, dropped);
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
        assert!(c.missing.is_empty(), "{c:?}");
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
    fn credit_percent_step() {
        let held = SkillIdx(0);
        let cases = [
            (Status::Matched, false, 100),
            (Status::Matched, true, YEARS_SHORT_CREDIT_PERCENT),
            (Status::MatchedNarrower(held), false, 100),
            (Status::Alternative(held), false, 100),
            (Status::Related(held), false, RELATED_CREDIT_PERCENT),
            (Status::InProgress, false, IN_PROGRESS_CREDIT_PERCENT),
            (Status::Missing, false, 0),
        ];
        for (status, years_short, expected) in cases {
            assert_eq!(credit_percent(status, years_short), expected, "{status:?} {years_short}");
        }
    }

    #[test]
    fn score_step() {
        const CASES: &[(u32, u32, u8)] =
            &[(0, 0, 0), (600, 6, 100), (300, 6, 50), (249, 5, 50), (250, 6, 42), (99, 1, 99)];
        for &(earned, possible, expected) in CASES {
            assert_eq!(score(earned, possible), expected, "{earned}/{possible}");
        }
    }

    #[test]
    fn classify_step() {
        let ex = setup();
        let id = |id: &str| ex.taxonomy().get(id).expect("id");
        let profile = Profile::from_text(&ex, "PostgreSQL and Terraform");
        struct Case {
            skill: &'static str,
            weight: u32,
            covered_by: Option<&'static str>,
            expected: Status,
        }
        let cases = [
            Case { skill: "terraform", weight: 6, covered_by: None, expected: Status::Matched },
            Case { skill: "sql", weight: 6, covered_by: None, expected: Status::MatchedNarrower(id("postgresql")) },
            Case { skill: "mysql", weight: 6, covered_by: None, expected: Status::Related(id("postgresql")) },
            Case { skill: "kafka", weight: 6, covered_by: None, expected: Status::Missing },
            Case {
                skill: "kafka",
                weight: 0,
                covered_by: Some("terraform"),
                expected: Status::Alternative(id("terraform")),
            },
            // Asked for on its own elsewhere too: the alternative does not answer it.
            Case { skill: "kafka", weight: 6, covered_by: Some("terraform"), expected: Status::Missing },
        ];
        for case in cases {
            let held = HeldIndex::new(ex.taxonomy(), &profile);
            let status = classify(&held, id(case.skill), case.weight, case.covered_by.map(id));
            assert_eq!(status, case.expected, "{}", case.skill);
        }
    }

    #[test]
    fn shows_step() {
        let ex = setup();
        let id = |id: &str| ex.taxonomy().get(id).expect("id");
        let profile = Profile::from_text(&ex, "PostgreSQL");
        for (skill, expected) in [("postgresql", true), ("sql", true), ("mysql", false), ("kafka", false)] {
            assert_eq!(shows(ex.taxonomy(), &profile, id(skill)), expected, "{skill}");
        }
    }

    #[test]
    fn resolve_alternatives_step() {
        let ex = setup();
        let id = |id: &str| ex.taxonomy().get(id).expect("id");
        struct Case {
            cv: &'static str,
            target: &'static str,
            answered: &'static [(&'static str, &'static str)],
            carried: &'static [(&'static str, &'static [&'static str])],
        }
        const CASES: &[Case] = &[
            Case { cv: "Terraform", target: "Kafka or Terraform.", answered: &[("kafka", "terraform")], carried: &[] },
            Case { cv: "Python", target: "Kafka or Terraform.", answered: &[], carried: &[("kafka", &["terraform"])] },
            // Terraform is asked for on its own too: it is not folded into Kafka.
            Case {
                cv: "Python",
                target: "Kafka or Terraform.\nTerraform, always.",
                answered: &[],
                carried: &[("kafka", &[])],
            },
            Case { cv: "Python", target: "Kafka and Terraform.", answered: &[], carried: &[] },
        ];
        for case in CASES {
            let profile = Profile::from_text(&ex, case.cv);
            let held = HeldIndex::new(ex.taxonomy(), &profile);
            let resolved = resolve_alternatives(ex.taxonomy(), &profile, &held, &ex.extract(case.target));
            let answered: Vec<(SkillIdx, SkillIdx)> = resolved.answered.iter().map(|&(_, m, h)| (m, h)).collect();
            let carried: Vec<(SkillIdx, Vec<SkillIdx>)> =
                resolved.carried.iter().map(|(_, c, rest)| (*c, rest.clone())).collect();
            let expected_answered: Vec<(SkillIdx, SkillIdx)> =
                case.answered.iter().map(|&(m, h)| (id(m), id(h))).collect();
            let expected_carried: Vec<(SkillIdx, Vec<SkillIdx>)> =
                case.carried.iter().map(|&(c, rest)| (id(c), rest.iter().map(|&m| id(m)).collect())).collect();
            assert_eq!((answered, carried), (expected_answered, expected_carried), "{:?} / {:?}", case.cv, case.target);
        }
    }

    #[test]
    fn or_similar_takes_a_related_tool_of_the_same_kind() {
        let ex = setup();
        let mysql = ex.taxonomy().get("mysql").expect("id");
        let postgres = ex.taxonomy().get("postgresql").expect("id");
        for (target, answered) in [
            ("Requirements\n- PostgreSQL or similar.\n", true),
            ("Requirements\n- PostgreSQL or a comparable database.\n", true),
            ("Requirements\n- PostgreSQL.\n", false),
        ] {
            let profile = Profile::from_text(&ex, "Skills: MySQL");
            let c = compare(ex.taxonomy(), &profile, &[ex.extract(target)]);
            let status = c.matched.iter().chain(&c.related).find(|r| r.skill == postgres).map(|r| r.status);
            let expected = if answered { Status::Alternative(mysql) } else { Status::Related(mysql) };
            assert_eq!(status, Some(expected), "{target:?}");
        }
    }

    #[test]
    fn empty_targets_score_zero() {
        let ex = setup();
        let c = compare(ex.taxonomy(), &Profile::default(), &[]);
        assert_eq!((c.score, c.possible), (0, 0));
    }
}
