//! The one ranked list of gaps: how important each gap is, which gaps collapse into one, and which skills the CV
//! shows for fewer years than a posting asks.
//!
//! Importance is an integer made of the constants below, in this order:
//! `((level + share) × specificity% + years) × standing%`, where `level` and `share` are averaged over all targets
//! (a target that does not name the skill adds 0). Ties break on the number of targets that name the skill, then on
//! how often they name it, then on taxonomy order, so the order never depends on anything but the input.

use std::cmp::Ordering;

use serde::Serialize;

use super::{is_under, HeldIndex, SkillResult, Status, TargetEvidence};
use crate::extract::Prominence;
use crate::field::{self, Field};
use crate::profile::Profile;
use crate::source::TargetKind;
use crate::structure::Requirement;
use crate::taxonomy::{Kind, SkillIdx, Taxonomy};

/// Level of a skill a posting requires: a screen fails on it, so it is the top of the scale.
pub const IMPORTANCE_REQUIRED: u32 = 30;
/// Level of a skill a posting prefers: a little more than half of a requirement, since it decides between
/// candidates who pass the screen.
pub const IMPORTANCE_PREFERRED: u32 = 18;
/// Level of a skill a posting only names (a duty, the team's stack): worth knowing, rarely screened on.
pub const IMPORTANCE_MENTIONED: u32 = 8;
/// Level of a skill a bio names at all: a hired person showing it is a little more telling than a posting's
/// passing mention, and much less than a requirement.
pub const IMPORTANCE_BIO_BASE: u32 = 10;
/// Added per prominence reason (headline, certification, years, repeated, current role): what a person puts
/// forward is what got them hired. Capped at [`IMPORTANCE_REQUIRED`]: a bio never outweighs a requirement.
pub const IMPORTANCE_PER_PROMINENCE: u32 = 5;
/// Points for the share of targets that name the skill (all of them for every target). As large as a requirement,
/// so that a skill 3 of 4 hired people show outranks one that only one of them puts in a headline.
pub const IMPORTANCE_SHARE: u32 = 30;
/// Specificity, in percent, of a specific tool, language, framework, credential, or a domain or method with no
/// narrower skills: what a screen checks and a CV can show.
pub const SPECIFIC_PERCENT: u32 = 100;
/// Specificity of a generic domain or method (one with narrower skills in the taxonomy, such as "Compliance"):
/// real, but met in many ways and hard to show as such.
pub const GENERIC_PERCENT: u32 = 70;
/// Specificity of a generic domain or method from another line of work than the targets' own ("risk assessment",
/// filed under banking, in a dental hygienist's bio), unless a posting requires it: in such a text it is most often
/// a passing phrase of the field's own work ("periodontal risk assessment"), so it weighs less than that field's
/// specific skills.
pub const OFF_FIELD_PERCENT: u32 = 60;
/// The share, in percent, of the targets' skills that must fall in one line of work for it to be theirs (see
/// [`target_field`]); below it the targets are mixed and nothing counts as off-field.
pub const FIELD_SHARE_PERCENT: u32 = 60;
/// Specificity of a soft skill: every CV claims it, so it separates candidates least.
pub const SOFT_PERCENT: u32 = 40;
/// Specificity of a spoken language: a screen when a target asks for it ("bilingual Spanish"), and the CV's own
/// language is never a gap (a CV in English shows English), so between a generic area and a specific tool.
pub const SPOKEN_PERCENT: u32 = 85;
/// Points per year a posting asks beyond what the CV shows (or asks at all, for a missing skill): years are a
/// screen of their own.
pub const IMPORTANCE_PER_YEAR_SHORT: u32 = 2;
/// At most this many years of shortfall count: "10+ years" is not five times "2+ years" harder to answer.
pub const YEARS_COUNTED_MAX: u32 = 5;
/// Standing of an outright miss, in percent: the whole importance.
pub const MISSING_PERCENT: u32 = 100;
/// Standing of a near miss (the CV shows a related skill): a little below an outright miss of equal weight, since
/// it is still a gap to a screen, but a shorter step for the person.
pub const NEAR_MISS_PERCENT: u32 = 85;
/// Standing of a credential the CV shows in progress: below a near miss, the work is already under way.
pub const IN_PROGRESS_PERCENT: u32 = 70;
/// Standing of a skill the CV shows for fewer years than asked: half, the skill itself is there.
pub const YEARS_SHORT_PERCENT: u32 = 50;
/// Added per extra member of a collapsed gap: four employment laws are a bigger gap than one.
pub const IMPORTANCE_PER_MEMBER: u32 = 2;
/// At most this many extra members count.
pub const MEMBERS_COUNTED_MAX: u32 = 3;

/// How a gap stands against the CV.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum GapStatus {
    /// The CV shows nothing for it.
    Missing,
    /// The CV shows a related skill: a near miss.
    Related,
    /// The CV shows it in progress (a certification or degree being worked towards).
    InProgress,
    /// The CV shows the skill, for fewer years than a posting asks.
    YearsShort,
}

impl GapStatus {
    /// The name JSON and CSV use.
    pub fn as_str(self) -> &'static str {
        match self {
            GapStatus::Missing => "missing",
            GapStatus::Related => "related",
            GapStatus::InProgress => "in_progress",
            GapStatus::YearsShort => "years_short",
        }
    }
}

/// Years a posting asks for a skill the CV shows, against the years the CV shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearsShort {
    /// The most years a posting asks.
    pub asked: u8,
    /// Whole years the CV shows (dated roles naming the skill, or years it states).
    pub shown: u32,
}

/// One entry of the ranked gap list: a skill, or several related skills collapsed under one.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Gap {
    /// Its position in the list, from 1.
    pub rank: usize,
    /// The skill that names the gap: the broadest of its members, or a broader skill they share.
    pub skill: SkillIdx,
    /// How it stands.
    pub status: GapStatus,
    /// How important it is (see the module docs); the list is sorted by it.
    pub importance: u32,
    /// The terms `importance` is made of, from the most important of its skills.
    pub why: ImportanceParts,
    /// The head skill's result. For a broader skill the targets do not name themselves, it gathers its members'
    /// weight and (per target, the strongest) evidence.
    pub result: SkillResult,
    /// Whether a target names the head skill itself (false for a broader skill only its members stand for).
    pub named: bool,
    /// The other skills collapsed into it, most important first.
    pub members: Vec<SkillResult>,
}

impl Gap {
    /// Every skill of the gap: the head (when a target names it) and its members.
    pub fn skills(&self) -> impl Iterator<Item = SkillIdx> + '_ {
        let head = self.named.then_some(self.skill);
        head.into_iter().chain(self.members.iter().map(|m| m.skill))
    }
}

/// The level one target gives a skill: by requirement for a posting, by prominence for a bio.
pub fn target_level(e: &TargetEvidence) -> u32 {
    match e.kind {
        TargetKind::Posting => requirement_level(e.requirement),
        TargetKind::Bio => prominence_level(&e.prominence),
    }
}

/// A posting's requirement level as importance.
pub fn requirement_level(requirement: Requirement) -> u32 {
    match requirement {
        Requirement::Required => IMPORTANCE_REQUIRED,
        Requirement::Preferred => IMPORTANCE_PREFERRED,
        Requirement::Mentioned => IMPORTANCE_MENTIONED,
        Requirement::NotRequired => 0,
    }
}

/// A bio's prominence as importance: a base, plus points per distinct reason, capped at a requirement's level.
pub fn prominence_level(reasons: &[Prominence]) -> u32 {
    let mut distinct: Vec<Prominence> = reasons.to_vec();
    distinct.sort_by_key(|p| p.as_str());
    distinct.dedup();
    (IMPORTANCE_BIO_BASE + IMPORTANCE_PER_PROMINENCE * distinct.len() as u32).min(IMPORTANCE_REQUIRED)
}

/// How specific a skill is, in percent: soft skills and spoken languages least, then domains and methods that have
/// narrower skills in the taxonomy (the proxy for "generic"), then everything else.
pub fn specificity_percent(taxonomy: &Taxonomy, skill: SkillIdx) -> u32 {
    match taxonomy.skill(skill).kind {
        Kind::Soft => SOFT_PERCENT,
        Kind::Spoken => SPOKEN_PERCENT,
        Kind::Domain | Kind::Method if taxonomy.narrower(skill).next().is_some() => GENERIC_PERCENT,
        _ => SPECIFIC_PERCENT,
    }
}

/// The line of work that holds at least [`FIELD_SHARE_PERCENT`] of the skills the targets name (see
/// [`crate::field`]); `None` when the targets are mixed.
pub fn target_field(taxonomy: &Taxonomy, results: &[&SkillResult]) -> Option<Field> {
    field::dominant(results.iter().map(|r| taxonomy.skill(r.skill).family.as_str()), FIELD_SHARE_PERCENT)
}

/// Whether `skill` is a generic area from another line of work than `field` (see [`OFF_FIELD_PERCENT`]): a
/// domain or method whose family is in some line of work, but not in that one.
fn off_field(taxonomy: &Taxonomy, skill: SkillIdx, field: Option<Field>) -> bool {
    let s = taxonomy.skill(skill);
    matches!(s.kind, Kind::Domain | Kind::Method) && field.is_some_and(|f| field::is_off(&s.family, f))
}

/// Points for a years shortfall, capped at [`YEARS_COUNTED_MAX`] years.
pub fn years_points(shortfall: u32) -> u32 {
    IMPORTANCE_PER_YEAR_SHORT * shortfall.min(YEARS_COUNTED_MAX)
}

/// The share of its importance a gap keeps for how it stands.
pub fn standing_percent(status: GapStatus) -> u32 {
    match status {
        GapStatus::Missing => MISSING_PERCENT,
        GapStatus::Related => NEAR_MISS_PERCENT,
        GapStatus::InProgress => IN_PROGRESS_PERCENT,
        GapStatus::YearsShort => YEARS_SHORT_PERCENT,
    }
}

/// How a gap result stands; `None` for a skill the CV shows in full.
pub fn gap_status(r: &SkillResult) -> Option<GapStatus> {
    match r.status {
        Status::Missing => Some(GapStatus::Missing),
        Status::Related(_) => Some(GapStatus::Related),
        Status::InProgress => Some(GapStatus::InProgress),
        Status::Matched if r.years_short.is_some() => Some(GapStatus::YearsShort),
        Status::Matched | Status::MatchedNarrower(_) | Status::Alternative(_) => None,
    }
}

/// The importance of one skill's gap among `targets` targets (see the module docs).
pub fn importance(
    taxonomy: &Taxonomy,
    r: &SkillResult,
    targets: usize,
    status: GapStatus,
    field: Option<Field>,
) -> u32 {
    importance_parts(taxonomy, r, targets, status, field).total
}

/// Every term of a gap's importance, as `--explain` prints it:
/// `((level + share) / targets × specificity% + years) × standing% + members`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct ImportanceParts {
    /// The targets' levels, summed: [`IMPORTANCE_REQUIRED`] and the like per posting, prominence per bio.
    pub level: u32,
    /// [`IMPORTANCE_SHARE`] per target that names the skill, summed.
    pub share: u32,
    /// How many targets the sums are averaged over (every target, also those that do not name the skill).
    pub targets: u32,
    /// `(level + share) / targets`, rounded.
    pub base: u32,
    /// [`specificity_percent`].
    pub specificity_percent: u32,
    /// Years asked beyond what the CV shows (all years asked, for a skill the CV lacks).
    pub years_short: u32,
    /// [`years_points`] of them.
    pub years_points: u32,
    /// [`standing_percent`].
    pub standing_percent: u32,
    /// [`IMPORTANCE_PER_MEMBER`] per collapsed member, up to [`MEMBERS_COUNTED_MAX`].
    pub member_points: u32,
    /// The importance: the list is sorted by it.
    #[serde(rename = "importance")]
    pub total: u32,
}

/// [`importance`], term by term.
pub fn importance_parts(
    taxonomy: &Taxonomy,
    r: &SkillResult,
    targets: usize,
    status: GapStatus,
    field: Option<Field>,
) -> ImportanceParts {
    let targets = targets.max(1) as u32;
    let asked: Vec<&TargetEvidence> = r.evidence.iter().filter(|e| e.weight > 0).collect();
    let level: u32 = asked.iter().map(|e| target_level(e)).sum();
    let share = IMPORTANCE_SHARE * asked.len() as u32;
    let base = (level + share + targets / 2) / targets;
    let years_short = match (status, r.years_short) {
        (GapStatus::YearsShort, Some(y)) => u32::from(y.asked).saturating_sub(y.shown),
        (GapStatus::YearsShort, None) => 0,
        _ => r.years().map_or(0, u32::from),
    };
    // A requirement a posting states outright keeps its weight whatever its field ("experience managing a P&L").
    let specificity_percent = match specificity_percent(taxonomy, r.skill) {
        p if r.requirement() < Requirement::Required && off_field(taxonomy, r.skill, field) => p.min(OFF_FIELD_PERCENT),
        p => p,
    };
    let standing_percent = standing_percent(status);
    let years_points = years_points(years_short);
    let total = (base * specificity_percent / 100 + years_points) * standing_percent / 100;
    ImportanceParts {
        level,
        share,
        targets,
        base,
        specificity_percent,
        years_short,
        years_points,
        standing_percent,
        member_points: 0,
        total,
    }
}

/// Rule: a skill the CV shows (itself) that a posting asks more years of than the CV's dated roles or stated years
/// show. A CV that shows no years for it at all is not judged: the suggestions ask the user to count.
pub fn years_short(profile: &Profile, r: &SkillResult) -> Option<YearsShort> {
    if r.status != Status::Matched {
        return None;
    }
    let asked =
        r.evidence.iter().filter(|e| e.kind == TargetKind::Posting && e.weight > 0).filter_map(|e| e.years).max()?;
    let shown = profile.years_of(r.skill)?.whole_years();
    (shown < u32::from(asked)).then_some(YearsShort { asked, shown })
}

/// The order of the list: more important first, then named by more targets, then named more often, then taxonomy
/// order.
fn order(a: &Gap, b: &Gap) -> Ordering {
    let mentions = |g: &Gap| g.result.evidence.iter().map(|e| e.mentions).sum::<usize>();
    b.importance
        .cmp(&a.importance)
        .then(b.result.target_count().cmp(&a.result.target_count()))
        .then(mentions(b).cmp(&mentions(a)))
        .then(a.skill.cmp(&b.skill))
}

/// Builds the ranked list from every result that is a gap: relatives collapse into one gap, then the list is
/// sorted and numbered.
pub(crate) fn ranked_gaps(
    taxonomy: &Taxonomy,
    held: &HeldIndex<'_>,
    results: &[&SkillResult],
    targets: usize,
) -> Vec<Gap> {
    let field = target_field(taxonomy, results);
    let parts: Vec<ImportanceParts> = results
        .iter()
        .map(|&r| {
            gap_status(r).map_or_else(ImportanceParts::default, |s| importance_parts(taxonomy, r, targets, s, field))
        })
        .collect();
    let scored: Vec<(&SkillResult, GapStatus, u32)> =
        results.iter().zip(&parts).filter_map(|(&r, p)| gap_status(r).map(|s| (r, s, p.total))).collect();
    let parts: Vec<ImportanceParts> =
        results.iter().zip(parts).filter(|(&r, _)| gap_status(r).is_some()).map(|(_, p)| p).collect();
    let mut groups = collapse_relatives(taxonomy, &scored);
    groups = collapse_under_shared_broader(taxonomy, held, &scored, groups);
    let mut gaps: Vec<Gap> = groups.into_iter().filter_map(|g| gap_of(&scored, &parts, g)).collect();
    gaps.sort_by(order);
    for (i, gap) in gaps.iter_mut().enumerate() {
        gap.rank = i + 1;
    }
    gaps
}

/// A group of scored results (by index) and the skill that heads it; `head == None` when the head is the
/// broader skill `parent` that no target names.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Group {
    head: Option<usize>,
    parent: Option<SkillIdx>,
    members: Vec<usize>,
    /// For a broader skill no target names: a skill the CV shows that is related to it (copywriting for content
    /// writing), so the gap reads as a near miss rather than as missing.
    parent_near: Option<SkillIdx>,
}

/// A gap's scored result, its status and its importance.
type Scored<'a> = (&'a SkillResult, GapStatus, u32);

/// The scored result at `i`. Groups hold only indices into `scored`: `collapse_relatives` makes them from
/// `0..scored.len()`, and the later steps only move them between groups, so `i` is always in range.
#[allow(clippy::indexing_slicing)]
fn at<'s, 'a>(scored: &'s [Scored<'a>], i: usize) -> &'s Scored<'a> {
    &scored[i]
}

/// Rule: a gap and its narrower or broader gaps become one, headed by the broadest (WCAG under Accessibility).
/// Years-short items stay on their own: the CV shows them, they are not a part of a missing area.
fn collapse_relatives(taxonomy: &Taxonomy, scored: &[Scored<'_>]) -> Vec<Group> {
    let n = scored.len();
    let mut root: Vec<usize> = (0..n).collect();
    fn find(root: &mut [usize], mut i: usize) -> usize {
        while let Some(&up) = root.get(i).filter(|&&up| up != i) {
            let grand = root.get(up).copied().unwrap_or(up);
            if let Some(slot) = root.get_mut(i) {
                *slot = grand;
            }
            i = grand;
        }
        i
    }
    let joinable = |i: usize| at(scored, i).1 != GapStatus::YearsShort;
    for a in (0..n).filter(|&a| joinable(a)) {
        for b in (0..n).filter(|&b| b != a && joinable(b)) {
            if is_under(taxonomy, at(scored, a).0.skill, at(scored, b).0.skill) {
                let (ra, rb) = (find(&mut root, a), find(&mut root, b));
                if let Some(slot) = root.get_mut(ra.max(rb)) {
                    *slot = ra.min(rb);
                }
            }
        }
    }
    let mut groups: Vec<Group> = Vec::new();
    let mut of_root: Vec<Option<usize>> = vec![None; n];
    for i in 0..n {
        let r = find(&mut root, i);
        let Some(slot) = of_root.get_mut(r) else { continue };
        match slot.and_then(|g| groups.get_mut(g)) {
            Some(group) => group.members.push(i),
            None => {
                *slot = Some(groups.len());
                groups.push(Group { head: None, parent: None, members: vec![i], parent_near: None });
            }
        }
    }
    for group in &mut groups {
        // The head: the member asked most strongly, so the gap leads with what the target asks ("Apache Kafka,
        // with Stream Processing" when Kafka is required and stream processing only a duty); at an equal level the
        // broader one (WCAG under Accessibility), then the more important, then the first in taxonomy order.
        // A language is asked for itself: "Bilingual English/Spanish" is a Spanish gap, with Multilingual under it.
        let top =
            |i: usize| !group.members.iter().any(|&j| is_under(taxonomy, at(scored, i).0.skill, at(scored, j).0.skill));
        let level = |i: usize| at(scored, i).0.requirement();
        let language = |i: usize| {
            let skill = at(scored, i).0.skill;
            taxonomy.skill(skill).kind == Kind::Spoken && taxonomy.narrower(skill).next().is_none()
        };
        let Some(head) = group.members.iter().copied().min_by(|&a, &b| {
            language(b)
                .cmp(&language(a))
                .then(level(b).cmp(&level(a)))
                .then(top(b).cmp(&top(a)))
                .then(at(scored, b).2.cmp(&at(scored, a).2))
                .then(at(scored, a).0.skill.cmp(&at(scored, b).0.skill))
        }) else {
            continue;
        };
        group.members.retain(|&i| i != head);
        group.head = Some(head);
    }
    groups
}

/// Rule: several gaps in a domain or method that share one broader domain or method collapse under it, even when
/// no target names it (FMLA, FLSA, ADA and Title VII under Employment Law). When the CV shows the broader skill
/// itself, the most important of them heads the gap instead, so the list never names a skill the CV shows. Tools,
/// languages and credentials stay separate: each is a thing to learn or earn on its own.
fn collapse_under_shared_broader(
    taxonomy: &Taxonomy,
    held: &HeldIndex<'_>,
    scored: &[Scored<'_>],
    groups: Vec<Group>,
) -> Vec<Group> {
    let is_area = |skill: SkillIdx| matches!(taxonomy.skill(skill).kind, Kind::Domain | Kind::Method);
    let head_skill = |g: &Group| g.head.map(|h| at(scored, h).0.skill);
    let candidates = |g: &Group| -> Vec<SkillIdx> {
        match (head_skill(g), g.head.map(|h| at(scored, h).1)) {
            (Some(skill), Some(status)) if status != GapStatus::YearsShort && is_area(skill) => {
                taxonomy.skill(skill).broader.iter().copied().filter(|&p| is_area(p)).collect()
            }
            _ => Vec::new(),
        }
    };
    let mut parents: Vec<(SkillIdx, usize)> = Vec::new();
    for g in &groups {
        for p in candidates(g) {
            match parents.iter_mut().find(|(q, _)| *q == p) {
                Some((_, count)) => *count += 1,
                None => parents.push((p, 1)),
            }
        }
    }
    // The broader skill that gathers most gaps first; then taxonomy order.
    parents.retain(|&(_, count)| count >= 2);
    parents.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut taken = vec![false; groups.len()];
    let mut out: Vec<Group> = Vec::new();
    for (parent, _) in parents {
        let joining: Vec<usize> = (groups.iter().zip(&taken).enumerate())
            .filter(|(_, (g, &t))| !t && candidates(g).contains(&parent))
            .map(|(i, _)| i)
            .collect();
        if joining.len() < 2 {
            continue;
        }
        let mut members = Vec::new();
        for i in joining {
            if let (Some(t), Some(g)) = (taken.get_mut(i), groups.get(i)) {
                *t = true;
                members.extend(g.head);
                members.extend(g.members.iter().copied());
            }
        }
        if held.shows(parent) {
            let head = members.iter().copied().min_by(|&a, &b| {
                at(scored, b).2.cmp(&at(scored, a).2).then(at(scored, a).0.skill.cmp(&at(scored, b).0.skill))
            });
            members.retain(|&i| Some(i) != head);
            out.push(Group { head, parent: None, members, parent_near: None });
        } else {
            let parent_near = match held.status(parent) {
                Status::Related(have) => Some(have),
                _ => None,
            };
            out.push(Group { head: None, parent: Some(parent), members, parent_near });
        }
    }
    out.extend(groups.into_iter().zip(taken).filter(|(_, t)| !t).map(|(g, _)| g));
    out
}

/// The gap a group stands for, unranked; `None` for a group with neither a head nor members (which no rule makes).
fn gap_of(scored: &[Scored<'_>], parts: &[ImportanceParts], group: Group) -> Option<Gap> {
    let mut members: Vec<usize> = group.members;
    members.sort_by(|&a, &b| {
        at(scored, b).2.cmp(&at(scored, a).2).then(at(scored, a).0.skill.cmp(&at(scored, b).0.skill))
    });
    let extra = members.len() as u32 - u32::from(group.head.is_none());
    // The most important of its skills sets the terms; the first of equals, head first.
    let mut top: Option<usize> = None;
    for &i in group.head.iter().chain(&members) {
        if top.is_none_or(|t| at(scored, i).2 > at(scored, t).2) {
            top = Some(i);
        }
    }
    let mut why = top.and_then(|t| parts.get(t).copied()).unwrap_or_default();
    why.member_points = IMPORTANCE_PER_MEMBER * extra.min(MEMBERS_COUNTED_MAX);
    why.total += why.member_points;
    let importance = why.total;
    let member_results: Vec<SkillResult> = members.iter().map(|&i| at(scored, i).0.clone()).collect();
    let first = members.first().map(|&i| at(scored, i));
    Some(match (group.head, group.parent) {
        (Some(h), _) => Gap {
            rank: 0,
            skill: at(scored, h).0.skill,
            status: at(scored, h).1,
            importance,
            why,
            result: at(scored, h).0.clone(),
            named: true,
            members: member_results,
        },
        (None, parent) => {
            let parent = parent.or(first.map(|f| f.0.skill))?;
            let mut status = if members.iter().any(|&i| at(scored, i).1 == GapStatus::Missing) {
                GapStatus::Missing
            } else {
                first.map_or(GapStatus::Missing, |f| f.1)
            };
            let mut result = gathered(parent, &member_results);
            if let (GapStatus::Missing, Some(have)) = (status, group.parent_near) {
                status = GapStatus::Related;
                result.status = Status::Related(have);
            }
            Gap { rank: 0, skill: parent, status, importance, why, result, named: false, members: member_results }
        }
    })
}

/// The result of a broader skill that stands for `members`: their weight and credit, and per target the strongest
/// of their evidence.
fn gathered(parent: SkillIdx, members: &[SkillResult]) -> SkillResult {
    let mut evidence: Vec<TargetEvidence> = Vec::new();
    for e in members.iter().flat_map(|m| &m.evidence) {
        match evidence.iter_mut().find(|x| x.target == e.target) {
            Some(x) if (e.requirement, e.weight) > (x.requirement, x.weight) => *x = e.clone(),
            Some(_) => {}
            None => evidence.push(e.clone()),
        }
    }
    evidence.sort_by_key(|e| e.target);
    let status = if members.iter().any(|m| m.status == Status::Missing) {
        Status::Missing
    } else {
        members.first().map_or(Status::Missing, |m| m.status)
    };
    SkillResult {
        skill: parent,
        status,
        weight: members.iter().map(|m| m.weight).sum(),
        earned_centi: members.iter().map(|m| m.earned_centi).sum(),
        evidence,
        alternatives: Vec::new(),
        years_short: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::{compare, Comparison, SCORE_CAP_WITH_MISSING_REQUIRED};
    use crate::extract::Extractor;
    use crate::structure::roles::Month;

    const TAXONOMY: &str = "id,name,family,kind,aliases,related,broader
accessibility,Accessibility,design,domain,,,
ada,ADA,hr,domain,,,employment-law
employment-law,Employment Law,legal,domain,,,
flsa,FLSA,hr,domain,,,employment-law
fmla,FMLA,hr,domain,,,employment-law
kafka,Apache Kafka,data,tool,Kafka,,
mysql,MySQL,data,tool,,postgresql,
postgresql,PostgreSQL,data,tool,Postgres,mysql,
python,Python,software,language,,,
spanish,Spanish,general,spoken,,,
teamwork,Teamwork,general,soft,,,
terraform,Terraform,cloud,tool,,,
wcag,WCAG,design,framework,,,accessibility
";

    fn setup() -> Extractor {
        let mut b = Taxonomy::builder();
        b.add_csv("t.csv", TAXONOMY).expect("parses");
        Extractor::new(b.build().expect("builds"))
    }

    /// Compares `cv` with `targets`, read as postings.
    fn run(ex: &Extractor, cv: &str, targets: &[&str]) -> Comparison {
        run_as(ex, cv, targets, TargetKind::Posting)
    }

    fn run_as(ex: &Extractor, cv: &str, targets: &[&str], kind: TargetKind) -> Comparison {
        let profile = Profile::from_text_at(ex, cv, Month::new(2025, 6).expect("month"));
        let docs: Vec<_> = targets.iter().map(|t| ex.extract_as(t, kind)).collect();
        compare(ex.taxonomy(), &profile, &docs)
    }

    fn ids(ex: &Extractor, c: &Comparison) -> Vec<String> {
        c.gaps().iter().map(|g| ex.taxonomy().skill(g.skill).id.clone()).collect()
    }

    #[test]
    fn requirement_level_rule() {
        const CASES: &[(Requirement, u32)] = &[
            (Requirement::Required, IMPORTANCE_REQUIRED),
            (Requirement::Preferred, IMPORTANCE_PREFERRED),
            (Requirement::Mentioned, IMPORTANCE_MENTIONED),
            (Requirement::NotRequired, 0),
        ];
        for &(r, expected) in CASES {
            assert_eq!(requirement_level(r), expected, "{r:?}");
        }
    }

    #[test]
    fn prominence_level_rule() {
        use Prominence::*;
        let cases: &[(&[Prominence], u32)] = &[
            (&[], IMPORTANCE_BIO_BASE),
            (&[Headline], IMPORTANCE_BIO_BASE + IMPORTANCE_PER_PROMINENCE),
            // A reason counts once however many mentions carry it.
            (&[Repeated, Repeated], IMPORTANCE_BIO_BASE + IMPORTANCE_PER_PROMINENCE),
            (&[Headline, Certification, Years, Repeated, CurrentRole], IMPORTANCE_REQUIRED),
        ];
        for (reasons, expected) in cases {
            assert_eq!(prominence_level(reasons), *expected, "{reasons:?}");
        }
    }

    #[test]
    fn specificity_rule() {
        let ex = setup();
        let cases = [
            ("teamwork", SOFT_PERCENT),
            ("spanish", SPOKEN_PERCENT),
            ("accessibility", GENERIC_PERCENT), // a domain with a narrower skill
            ("fmla", SPECIFIC_PERCENT),         // a domain with none
            ("terraform", SPECIFIC_PERCENT),
        ];
        for (id, expected) in cases {
            let skill = ex.taxonomy().get(id).expect("id");
            assert_eq!(specificity_percent(ex.taxonomy(), skill), expected, "{id}");
        }
    }

    #[test]
    fn an_area_from_another_line_of_work_weighs_less() {
        let ex = setup();
        let spec = |c: &Comparison, id: &str| {
            let skill = ex.taxonomy().get(id).expect("id");
            c.gaps().iter().find(|g| g.skill == skill).map(|g| g.why.specificity_percent)
        };
        // Four of five skills are software, data or cloud: employment law, a legal area, is off-field there,
        // unless the posting requires it.
        let tech = run(
            &ex,
            "Skills: Excel",
            &["Requirements\n- Python\n- Terraform\n- Kafka\n- Postgres\n\nNice to have\n- Employment Law\n"],
        );
        assert_eq!(spec(&tech, "employment-law"), Some(GENERIC_PERCENT.min(OFF_FIELD_PERCENT)));
        let required = run(
            &ex,
            "Skills: Excel",
            &["Requirements\n- Python\n- Terraform\n- Kafka\n- Postgres\n- Employment Law\n"],
        );
        assert_eq!(spec(&required, "employment-law"), Some(GENERIC_PERCENT));
        assert_eq!(spec(&tech, "python"), Some(SPECIFIC_PERCENT));
        // In an HR posting it is the field's own area, and a tool from elsewhere keeps its weight.
        let hr = run(&ex, "Skills: Excel", &["Requirements\n- Employment Law\n- FMLA\n- ADA\n- Python\n"]);
        assert_eq!(spec(&hr, "employment-law"), Some(GENERIC_PERCENT));
        assert_eq!(spec(&hr, "python"), Some(SPECIFIC_PERCENT));
        // Mixed targets have no field of their own: nothing is off-field.
        let mixed = run(&ex, "Skills: Excel", &["Requirements\n- Python\n- Employment Law\n"]);
        assert_eq!(spec(&mixed, "employment-law"), Some(GENERIC_PERCENT));
    }

    #[test]
    fn years_points_and_standing_rules() {
        const YEARS: &[(u32, u32)] =
            &[(0, 0), (1, IMPORTANCE_PER_YEAR_SHORT), (9, IMPORTANCE_PER_YEAR_SHORT * YEARS_COUNTED_MAX)];
        for &(years, expected) in YEARS {
            assert_eq!(years_points(years), expected, "{years}");
        }
        const STANDING: &[(GapStatus, u32)] = &[
            (GapStatus::Missing, MISSING_PERCENT),
            (GapStatus::Related, NEAR_MISS_PERCENT),
            (GapStatus::InProgress, IN_PROGRESS_PERCENT),
            (GapStatus::YearsShort, YEARS_SHORT_PERCENT),
        ];
        for &(status, expected) in STANDING {
            assert_eq!(standing_percent(status), expected, "{status:?}");
        }
    }

    #[test]
    fn importance_is_an_expression_over_the_constants() {
        let ex = setup();
        let c = run(&ex, "Skills: Python, MySQL", &["Requirements\n- Terraform\n- PostgreSQL\n- Teamwork\n"]);
        let single = IMPORTANCE_REQUIRED + IMPORTANCE_SHARE;
        let expected = [
            ("terraform", single * SPECIFIC_PERCENT / 100 * MISSING_PERCENT / 100),
            ("postgresql", single * SPECIFIC_PERCENT / 100 * NEAR_MISS_PERCENT / 100),
            ("teamwork", single * SOFT_PERCENT / 100 * MISSING_PERCENT / 100),
        ];
        let got: Vec<(String, u32)> =
            c.gaps().iter().map(|g| (ex.taxonomy().skill(g.skill).id.clone(), g.importance)).collect();
        let expected: Vec<(String, u32)> = expected.iter().map(|&(id, i)| (id.to_owned(), i)).collect();
        assert_eq!(got, expected);
        assert_eq!(c.gaps().iter().map(|g| g.rank).collect::<Vec<_>>(), [1, 2, 3]);
    }

    #[test]
    fn a_gap_more_bios_share_ranks_first() {
        let ex = setup();
        let bios =
            ["Data engineer. Kafka pipelines.", "Engineer. Built Kafka jobs.", "Engineer. Terraform, Terraform."];
        let c = run_as(&ex, "Python", &bios, TargetKind::Bio);
        assert_eq!(ids(&ex, &c), ["kafka", "terraform"]);
        let kafka = &c.gaps()[0];
        let base = (2 * (target_level(&kafka.result.evidence[0]) + IMPORTANCE_SHARE) + 1) / 3;
        assert_eq!(kafka.importance, base * SPECIFIC_PERCENT / 100);
    }

    #[test]
    fn relatives_collapse_into_one_gap() {
        let ex = setup();
        // WCAG under Accessibility, both named.
        let c = run(&ex, "Python", &["Requirements\n- Accessibility, to WCAG\n"]);
        assert_eq!(ids(&ex, &c), ["accessibility"]);
        assert_eq!(
            c.gaps()[0].members.iter().map(|m| m.skill).collect::<Vec<_>>(),
            [ex.taxonomy().get("wcag").expect("id")]
        );
        // Three laws under a broader skill no target names.
        let c = run(
            &ex,
            "Python",
            &["Requirements:\n- Experience with FMLA\n- Knowledge of FLSA\n- Experience with ADA\n"],
        );
        assert_eq!(ids(&ex, &c), ["employment-law"]);
        let gap = &c.gaps()[0];
        assert!(!gap.named);
        assert_eq!(gap.members.len(), 3);
        let one = (IMPORTANCE_REQUIRED + IMPORTANCE_SHARE) * SPECIFIC_PERCENT / 100;
        assert_eq!(gap.importance, one + 2 * IMPORTANCE_PER_MEMBER);
        // Tools never collapse under a shared broader skill.
        let c = run(&ex, "Python", &["Requirements\n- Terraform\n- Kafka\n"]);
        assert_eq!(c.gaps().len(), 2);
    }

    #[test]
    fn years_short_is_a_gap_never_a_missing_skill() {
        let ex = setup();
        let cv = "Experience\nAnalyst, Acme, Jan 2022 – Dec 2023\n- Python scripts\n";
        let c = run(&ex, cv, &["Requirements\n- 5+ years of Python\n"]);
        assert!(c.missing.is_empty());
        let gap = &c.gaps()[0];
        assert_eq!(gap.status, GapStatus::YearsShort);
        assert_eq!(gap.result.years_short, Some(YearsShort { asked: 5, shown: 2 }));
        let single = IMPORTANCE_REQUIRED + IMPORTANCE_SHARE;
        assert_eq!(gap.importance, (single + years_points(3)) * YEARS_SHORT_PERCENT / 100);
        // A bio's years are the person's, never asked.
        let c = run_as(&ex, cv, &["Senior engineer with 9 years of Python."], TargetKind::Bio);
        assert!(c.gaps().is_empty(), "{:?}", c.gaps());
    }

    #[test]
    fn a_required_skill_missing_outright_caps_the_score() {
        let ex = setup();
        let many = "Requirements:\n- Experience with Python\n- Experience with Postgres\n- Experience with Kafka\n- Fluent Spanish\n- Teamwork\n- Experience with Accessibility\n- Experience with WCAG\n- Knowledge of FMLA\n- Knowledge of FLSA\n- Knowledge of ADA\n- Experience with Terraform\n";
        let cv = "Python, PostgreSQL, Kafka, Spanish, Teamwork, Accessibility, WCAG, FMLA, FLSA, ADA";
        let c = run(&ex, cv, &[many]);
        assert_eq!(c.per_target[0].capped_by, ex.taxonomy().get("terraform"));
        assert!(c.per_target[0].uncapped > SCORE_CAP_WITH_MISSING_REQUIRED);
        assert_eq!(
            (c.score, c.per_target[0].score),
            (SCORE_CAP_WITH_MISSING_REQUIRED, SCORE_CAP_WITH_MISSING_REQUIRED)
        );
        // A near miss does not cap; nor does a bio.
        let c = run(&ex, &cv.replace("PostgreSQL", "MySQL"), &[&many.replace("- Experience with Terraform\n", "")]);
        assert_eq!(c.per_target[0].capped_by, None);
        let c = run_as(&ex, cv, &["Engineer. Terraform, Python."], TargetKind::Bio);
        assert_eq!(c.per_target[0].capped_by, None);
    }
}
