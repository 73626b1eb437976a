//! Suggestions: honest, concrete changes to the CV, derived from a [`Comparison`].
//!
//! Nothing here invents a skill. Gaps become "add it if it is true", wording differences become "use their
//! words", and true gaps get a learning step from a related skill the CV already shows.

use serde::Serialize;

use crate::compare::{Comparison, SkillResult, Status};
use crate::normalize::fold;
use crate::profile::Profile;
use crate::structure::Requirement;
use crate::taxonomy::{Kind, SkillIdx, Taxonomy};

/// What a suggestion asks the user to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SuggestionKind {
    /// Use the target's name for a skill the CV already shows under another name.
    AlignWording,
    /// State years of experience that a target asks for.
    StateYears,
    /// Show a skill that sits only in the skills list in an experience bullet.
    Surface,
    /// A gap: add it only if true.
    AddIfTrue,
    /// A certification, degree or licence the target holds or asks for.
    Credential,
    /// A gap close to something the CV shows: name the overlap, or learn it from there.
    BuildOnRelated,
}

/// One suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// What to do.
    pub kind: SuggestionKind,
    /// The skill it is about.
    #[serde(skip)]
    pub skill: SkillIdx,
    /// The advice, in one or two sentences.
    pub message: String,
    /// The weight of the skill in the comparison: suggestions are ordered by it.
    pub weight: u32,
}

/// How many gaps get an add-if-true suggestion; the rest are in the ranked gap list.
pub const MAX_GAP_SUGGESTIONS: usize = 8;

/// Builds suggestions, most important first: by the weight of the skill they are about, then gaps before
/// years, wording and surfacing. Skills that sit only in the skills list are grouped into one suggestion. `labels` names each target ("the posting", a file name).
pub fn suggest(taxonomy: &Taxonomy, profile: &Profile, comparison: &Comparison, labels: &[String]) -> Vec<Suggestion> {
    let mut out = Vec::new();
    let mut buried = Vec::new();
    let who = |r: &SkillResult| who_asks(r, labels, comparison.targets);
    for r in &comparison.matched {
        let skill = taxonomy.skill(r.skill);
        let Some(cv) = profile.get(r.skill) else { continue };
        let cv_forms: Vec<String> = cv.mentions.iter().map(|m| fold(&m.text)).collect();
        // "BLS for Healthcare Providers" already says "BLS": only a wording the CV does not contain is worth a change.
        let says = |target: &str| {
            let target = fold(target);
            cv_forms.iter().any(|cv| contains_words(cv, &target) || contains_words(&target, cv))
        };
        if let Some(target) = r.evidence.iter().find(|e| !says(&e.text)) {
            if r.evidence.iter().all(|e| !says(&e.text)) {
                out.push(Suggestion {
                    kind: SuggestionKind::AlignWording,
                    skill: r.skill,
                    weight: r.weight,
                    message: format!(
                        "Your CV says \"{}\"; {} says \"{}\". Use their wording (or both) so that screening software and recruiters match it.",
                        cv.mentions[0].text, who(r), target.text
                    ),
                });
            }
        }
        if let Some(years) = r.years() {
            let stated = cv.years();
            if stated.is_none_or(|s| s < years) {
                let have = match stated {
                    Some(s) => format!("your CV shows {s}"),
                    None => "your CV does not say how long".to_owned(),
                };
                out.push(Suggestion {
                    kind: SuggestionKind::StateYears,
                    skill: r.skill,
                    weight: r.weight,
                    message: format!(
                        "{} asks for {years}+ years of {}; {have}. Count every role where you used it, and state the true total (\"N years of {}\"); do not round up.",
                        capitalise(&who(r)), skill.name, skill.name
                    ),
                });
            }
        }
        if r.requirement() == Requirement::Required && profile.only_in_skills_list(r.skill) {
            buried.push(r);
        }
    }
    if let Some(heaviest) = buried.iter().map(|r| r.weight).max() {
        let names: Vec<&str> = buried.iter().map(|r| taxonomy.skill(r.skill).name.as_str()).collect();
        let (list, them, each) =
            if names.len() == 1 { (names[0].to_owned(), "it", "it") } else { (join_and(&names), "them", "each") };
        out.push(Suggestion {
            kind: SuggestionKind::Surface,
            skill: buried[0].skill,
            weight: heaviest,
            message: format!(
                "{list} {} only in your skills list, but {} {them}. Show {each} in an experience bullet: what you did with {it}, and the result.",
                if names.len() == 1 { "is" } else { "are" },
                if comparison.targets > 1 { "the targets require".to_owned() } else { format!("{} requires", labels.first().map_or("the target", String::as_str)) },
                it = if names.len() == 1 { "it" } else { "each" },
            ),
        });
    }
    for r in comparison.gaps().into_iter().take(MAX_GAP_SUGGESTIONS) {
        let skill = taxonomy.skill(r.skill);
        let named = if r.alternatives.is_empty() {
            skill.name.clone()
        } else {
            let others: Vec<&str> = r.alternatives.iter().map(|&a| taxonomy.skill(a).name.as_str()).collect();
            format!("{} (or {})", skill.name, others.join(" or "))
        };
        let years = r.years().map(|y| format!(" ({y}+ years)")).unwrap_or_default();
        let weight = match r.requirement() {
            Requirement::Required => "requires",
            Requirement::Preferred => "prefers",
            Requirement::Mentioned => "names",
        };
        let who = capitalise(&who(r));
        let credential = matches!(skill.kind, Kind::Certification | Kind::Degree);
        let (kind, message) = match (r.status, credential) {
            (Status::InProgress, _) => (
                SuggestionKind::Credential,
                format!(
                    "{who} {weight} {named}{years}; your CV shows it in progress. Say where you stand and when you expect to finish (\"{} expected June 2026\"), so a screen that requires it can still read you as close.",
                    skill.name
                ),
            ),
            (Status::Related(have), true) => (
                SuggestionKind::Credential,
                format!(
                    "{who} {weight} {named}{years}. You show {}, which is related: if you hold {}, list it with the year; if not, it is the credential to earn next.",
                    taxonomy.skill(have).name, skill.name
                ),
            ),
            (Status::Related(have), false) => {
                let have = &taxonomy.skill(have).name;
                let next_step = if matches!(skill.kind, Kind::Tool | Kind::Language | Kind::Framework) {
                    format!("if not, a small project with it, building on {have}, gives you something true to write")
                } else {
                    format!("your {have} is related experience worth naming beside it")
                };
                (
                    SuggestionKind::BuildOnRelated,
                    format!(
                        "{who} {weight} {named}{years}; you show {have}, which transfers. If you have any experience with {} (at work, in training, on a placement), say so with one concrete example; {next_step}.",
                        skill.name
                    ),
                )
            }
            (_, true) => (
                SuggestionKind::Credential,
                format!(
                    "{who} {weight} {named}{years}. If you hold it, list it under Education or Certifications with the year; if not, weigh whether it is worth earning for roles like this."
                ),
            ),
            (_, false) => (
                SuggestionKind::AddIfTrue,
                format!(
                    "{who} {weight} {named}{years}. If you have experience with it, say so: add it to your skills and to the bullet where you used it. If you have not, do not claim it."
                ),
            ),
        };
        out.push(Suggestion { kind, skill: r.skill, message, weight: r.weight });
    }
    // Heaviest first; at equal weight, gaps before wording fixes.
    out.sort_by(|a, b| b.weight.cmp(&a.weight).then(priority(a.kind).cmp(&priority(b.kind))));
    out
}

/// Order among suggestions of equal weight: closing a gap matters more than polishing what is there.
fn priority(kind: SuggestionKind) -> u8 {
    match kind {
        SuggestionKind::AddIfTrue | SuggestionKind::Credential => 0,
        SuggestionKind::BuildOnRelated => 1,
        SuggestionKind::StateYears => 2,
        SuggestionKind::AlignWording => 3,
        SuggestionKind::Surface => 4,
    }
}

/// Whether `needle` occurs in `haystack` as whole words.
fn contains_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + needle.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

fn join_and(names: &[&str]) -> String {
    match names {
        [] => String::new(),
        [one] => (*one).to_owned(),
        [head @ .., last] => format!("{} and {last}", head.join(", ")),
    }
}

/// "the posting", "2 of 3 targets", or the one target's label.
fn who_asks(r: &SkillResult, labels: &[String], targets: usize) -> String {
    if targets > 1 {
        if r.evidence.len() == 1 {
            return labels.get(r.evidence[0].target).cloned().unwrap_or_else(|| "one target".to_owned());
        }
        return format!("{} of {targets} targets", r.evidence.len());
    }
    labels.first().cloned().unwrap_or_else(|| "the target".to_owned())
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compare::compare;
    use crate::extract::Extractor;

    const TAXONOMY: &str = "id,name,family,kind,aliases,related,broader
aws-saa,AWS Certified Solutions Architect,cloud,certification,,,
mysql,MySQL,data,tool,,postgresql,
postgresql,PostgreSQL,data,tool,Postgres,,
python,Python,software,language,,,
terraform,Terraform,cloud,tool,,,
";

    #[test]
    fn every_kind_of_suggestion() {
        let mut b = Taxonomy::builder();
        b.add_csv("t.csv", TAXONOMY).expect("parses");
        let ex = Extractor::new(b.build().expect("builds"));
        let profile = Profile::from_text(&ex, "Skills\nPython, Postgres\nExperience\nBuilt things.\n");
        let target = ex.extract(
            "Requirements\n- 5+ years of Python\n- PostgreSQL\n- Terraform\n- AWS Certified Solutions Architect\n",
        );
        let profile_mysql = Profile::from_text(&ex, "MySQL");
        let c = compare(ex.taxonomy(), &profile, std::slice::from_ref(&target));
        let labels = ["the posting".to_owned()];
        let kinds: Vec<SuggestionKind> = suggest(ex.taxonomy(), &profile, &c, &labels).iter().map(|s| s.kind).collect();
        use SuggestionKind::*;
        assert_eq!(kinds, [Credential, AddIfTrue, StateYears, AlignWording, Surface]);
        let c = compare(ex.taxonomy(), &profile_mysql, &[target]);
        let s = suggest(ex.taxonomy(), &profile_mysql, &c, &labels);
        assert!(s.iter().any(|s| s.kind == BuildOnRelated && s.message.contains("MySQL")));
        assert!(s.iter().all(|s| !s.message.is_empty()));
    }
}
