//! Suggestions: honest, concrete changes to the CV, derived from a [`Comparison`].
//!
//! Nothing here invents a skill. Gaps become "add it if it is true", wording differences become "use their
//! words", and true gaps get a learning step from a related skill the CV already shows.

use serde::Serialize;

use crate::compare::{Comparison, GapStatus, SkillResult, Status};
use crate::extract::MatchKind;
use crate::learning::ladder;
use crate::normalize::fold;
use crate::profile::Profile;
use crate::source::TargetKind;
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
    /// What a hired person's bio shows beyond skills (seniority, years, leading people, quantified results, degree):
    /// see [`hired_edge`](crate::hired_edge).
    HiredEdge,
}

impl SuggestionKind {
    /// The name JSON and CSV use.
    pub fn as_str(self) -> &'static str {
        match self {
            SuggestionKind::AlignWording => "align-wording",
            SuggestionKind::StateYears => "state-years",
            SuggestionKind::Surface => "surface",
            SuggestionKind::AddIfTrue => "add-if-true",
            SuggestionKind::Credential => "credential",
            SuggestionKind::BuildOnRelated => "build-on-related",
            SuggestionKind::HiredEdge => "hired-edge",
        }
    }
}

/// One suggestion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Suggestion {
    /// What to do.
    pub kind: SuggestionKind,
    /// The skill it is about (the first, when it covers several).
    #[serde(skip)]
    pub skill: SkillIdx,
    /// Every skill it covers, in rank order (one for most suggestions; several for a grouped one).
    #[serde(skip)]
    pub skills: Vec<SkillIdx>,
    /// For a grouped suggestion, the words each target used for each skill, in `skills` order.
    #[serde(skip)]
    pub evidence: Vec<String>,
    /// The advice, in one or two sentences.
    pub message: String,
    /// The weight of the skill in the comparison: suggestions are ordered by it.
    pub weight: u32,
}

/// How many gaps get a suggestion; the rest are in the ranked gap list.
pub const MAX_GAP_SUGGESTIONS: usize = 8;

/// How many gaps one rule words on its own before the rest are grouped into one suggestion: the same sentence
/// with another skill name in it, again and again, is noise.
pub const MAX_SINGLE_SUGGESTIONS_PER_RULE: usize = 2;

/// What every suggestion rule reads: the taxonomy, the profile, the comparison and the targets' labels.
struct Context<'a> {
    taxonomy: &'a Taxonomy,
    profile: &'a Profile,
    comparison: &'a Comparison,
    labels: &'a [String],
}

impl Context<'_> {
    /// Who asks for a result's skill: "the posting", "the bio bio_anna.txt", "2 of the 3 hired people".
    fn who(&self, r: &SkillResult) -> String {
        who_asks(r, self.labels, self.comparison)
    }

    /// Whether [`Context::who`] names several targets, so that its verb takes the plural ("2 of the 3 postings
    /// require").
    fn plural(&self, r: &SkillResult) -> bool {
        self.comparison.targets > 1 && r.evidence.len() > 1
    }

    /// The kinds of every target, for naming them as postings or hired people.
    fn kinds(&self) -> Vec<TargetKind> {
        self.comparison.per_target.iter().map(|t| t.kind).collect()
    }
}

/// `verb` agreeing with a plural subject: "requires" becomes "require".
fn agree(verb: &'static str, plural: bool) -> &'static str {
    match (verb, plural) {
        ("requires", true) => "require",
        ("prefers", true) => "prefer",
        ("names", true) => "name",
        ("says", true) => "say",
        ("asks for", true) => "ask for",
        (verb, _) => verb,
    }
}

/// Builds suggestions, most important first: by the weight of the skill they are about, then gaps before
/// years, wording and surfacing. Skills that sit only in the skills list are grouped into one suggestion. `labels`
/// names each target ("the posting", a file name).
///
/// Every [`SuggestionKind`] has its own rule: wording, years and surfacing for skills the CV shows, and for
/// each of the first [`MAX_GAP_SUGGESTIONS`] gaps one of credential, build-on-related and add-if-true.
///
/// ```
/// use skillgap::{compare, suggest, Extractor, Profile, SuggestionKind, Taxonomy};
///
/// let extractor = Extractor::new(Taxonomy::builtin());
/// let profile = Profile::from_text(&extractor, "Skills: Postgres, Python");
/// let posting = extractor.extract("Requirements\n- PostgreSQL\n- Terraform\n");
/// let comparison = compare(extractor.taxonomy(), &profile, &[posting]);
/// let advice = suggest(extractor.taxonomy(), &profile, &comparison, &["the posting".to_owned()]);
///
/// let kinds: Vec<SuggestionKind> = advice.iter().map(|s| s.kind).collect();
/// assert_eq!(kinds[0], SuggestionKind::AddIfTrue); // Terraform: only if true
/// assert!(kinds.contains(&SuggestionKind::AlignWording)); // "Postgres" -> "PostgreSQL"
/// ```
pub fn suggest(taxonomy: &Taxonomy, profile: &Profile, comparison: &Comparison, labels: &[String]) -> Vec<Suggestion> {
    let cx = Context { taxonomy, profile, comparison, labels };
    let mut out = Vec::new();
    for r in &comparison.matched {
        out.extend(align_wording(&cx, r));
        out.extend(state_years(&cx, r));
    }
    out.extend(surface(&cx));
    out.extend(gap_suggestions(&cx));
    // Heaviest first; at equal weight, gaps before wording fixes.
    out.sort_by(|a, b| b.weight.cmp(&a.weight).then(priority(a.kind).cmp(&priority(b.kind))));
    out
}

/// Words that claim a level of a skill rather than name it.
const LEVEL_WORDS: &[&str] =
    &["advanced", "expert", "senior", "fluent", "native", "certified", "proficient", "master", "lead", "principal"];

/// [`SuggestionKind::AlignWording`]: the CV names a matched skill, but never in words the targets use.
fn align_wording(cx: &Context, r: &SkillResult) -> Option<Suggestion> {
    // A credential's name is a fact: "BSc" and "BA", "CPR" and "First Aid" may share a skill, but renaming one as
    // the other would make a true CV false.
    if matches!(cx.taxonomy.skill(r.skill).kind, Kind::Certification | Kind::Degree) {
        return None;
    }
    let cv = cx.profile.get(r.skill)?;
    // (form, misspelt): a near spelling ("Kubernets") is never another form of the word, it is a typo to fix.
    let cv_forms: Vec<(String, bool)> =
        cv.mentions.iter().map(|m| (singular(&fold(&m.text)), m.match_kind == MatchKind::Fuzzy)).collect();
    // "BLS for Healthcare Providers" already says "BLS", and "IEP" says "IEPs": only a wording the CV does not
    // contain is worth a change.
    let says = |target: &str| {
        let target = singular(&fold(target));
        cv_forms.iter().any(|(cv, misspelt)| {
            contains_words(cv, &target) || contains_words(&target, cv) || (!misspelt && same_stem(cv, &target))
        })
    };
    // `words` holds every wording a target uses, `text` (its strongest mention) among them.
    if r.evidence.iter().flat_map(|e| &e.words).any(|t| says(t)) {
        return None;
    }
    let target = r.evidence.first()?;
    let cv_said = cv.mentions.first()?;
    // "Advanced Excel", "fluent Spanish", "certified scrum master" claim a level, not only a name: taking that
    // wording is only honest if the level is true, which the CV does not tell.
    if fold(&target.text).split(|c: char| !c.is_alphanumeric()).any(|w| LEVEL_WORDS.contains(&w)) {
        return None;
    }
    // "Eventbrite" and "badge printing" may sit under one skill, but one names a product and the other an
    // activity: writing either in place of the other claims something the CV does not say.
    if names_a_different_thing(&cv_said.text, &target.text) {
        return None;
    }
    // "GA4", "Python 3", "ITIL 4" name a version: only honest if the CV's own words say it.
    let digits = |s: &str| s.chars().filter(char::is_ascii_digit).collect::<String>();
    if !digits(&target.text).is_empty() && cv.mentions.iter().all(|m| digits(&m.text) != digits(&target.text)) {
        return None;
    }
    Some(Suggestion {
        kind: SuggestionKind::AlignWording,
        skill: r.skill,
        skills: vec![r.skill],
        evidence: vec![target.text.clone()],
        weight: r.weight,
        message: format!(
            "Your CV says \"{}\"; {} {} \"{}\". Use their wording (or both) so that screening software and recruiters match it.",
            cv_said.text,
            cx.who(r),
            agree("says", cx.plural(r)),
            target.text
        ),
    })
}

/// [`SuggestionKind::StateYears`]: a target asks for more years of a matched skill than the CV states. The CV's
/// dated roles that name the skill say how long it was used: enough years is a fact worth stating; fewer is a
/// shortfall to face honestly; none dated leaves the counting to the user.
fn state_years(cx: &Context, r: &SkillResult) -> Option<Suggestion> {
    let cv = cx.profile.get(r.skill)?;
    let asked = r.years()?;
    let stated = cv.years();
    if stated.is_some_and(|s| s >= asked) {
        return None;
    }
    let name = &cx.taxonomy.skill(r.skill).name;
    let who = capitalise(&cx.who(r));
    let asks = agree("asks for", cx.plural(r));
    let dated = cx.profile.years_of(r.skill).filter(|y| y.months > 0);
    let message = match dated {
        Some(y) if y.months / 12 >= u32::from(asked) => {
            let n = y.months / 12;
            let says = match stated {
                Some(s) => format!("your CV says {s}"),
                None => "your CV never says so".to_owned(),
            };
            format!(
                "{who} {asks} {asked}+ years of {name}; your roles {} show about {n} years of it, but {says}. State the true total where a screen looks first, in your summary (\"{n} years of {name}\").",
                role_periods(cx, &y.roles)
            )
        }
        Some(y) => format!(
            "{who} {asks} {asked}+ years of {name}; the dated roles that name it ({}) come to {}. If you used it in other roles too, name it in their bullets (and in study, freelance or volunteer work, with dates); if not, the shortfall is real: lead with what you achieved with {name} rather than the years.",
            role_periods(cx, &y.roles),
            plain_duration(y.months)
        ),
        None => {
            let have = match stated {
                Some(s) => format!("your CV shows {s}"),
                None => "your CV does not say how long".to_owned(),
            };
            format!(
                "{who} {asks} {asked}+ years of {name}; {have}. Count every role where you used it, and state the true total (\"N years of {name}\"); do not round up."
            )
        }
    };
    Some(Suggestion {
        kind: SuggestionKind::StateYears,
        skill: r.skill,
        skills: vec![r.skill],
        evidence: Vec::new(),
        weight: r.weight,
        message,
    })
}

/// The roles as a reader would name them: "2019–2023 at Acme Corp and 2023–present at Birch Ltd".
fn role_periods(cx: &Context, roles: &[usize]) -> String {
    let named: Vec<String> = roles
        .iter()
        .filter_map(|&i| cx.profile.roles.get(i))
        .map(|role| {
            let employer = role.employer.and_then(|(s, e)| cx.profile.cv_text.get(s..e));
            match employer {
                Some(employer) => format!("{} at {employer}", role.period),
                None => format!("{} ({})", role.period, role.header),
            }
        })
        .collect();
    let named: Vec<&str> = named.iter().map(String::as_str).collect();
    join_and(&named)
}

/// A duration in plain words, never rounded up: "under a year", "1 year", "about 2 years".
fn plain_duration(months: u32) -> String {
    match months / 12 {
        0 => "under a year".to_owned(),
        1 if months == 12 => "1 year".to_owned(),
        1 => "just over 1 year".to_owned(),
        n if months % 12 == 0 => format!("{n} years"),
        n => format!("just over {n} years"),
    }
}

/// [`SuggestionKind::Surface`]: required skills the CV names only in its skills list, grouped into one suggestion.
fn surface(cx: &Context) -> Option<Suggestion> {
    let buried: Vec<&SkillResult> = cx
        .comparison
        .matched
        .iter()
        .filter(|r| {
            cx.profile.get(r.skill).is_some()
                && r.requirement() == Requirement::Required
                && cx.profile.only_in_skills_list(r.skill)
        })
        .collect();
    let heaviest = buried.iter().map(|r| r.weight).max()?;
    let names: Vec<&str> = buried.iter().map(|r| cx.taxonomy.skill(r.skill).name.as_str()).collect();
    let (list, them, each) = match names.as_slice() {
        [one] => ((*one).to_owned(), "it", "it"),
        _ => (join_and(&names), "them", "each"),
    };
    Some(Suggestion {
        kind: SuggestionKind::Surface,
        skill: buried.first()?.skill,
        skills: buried.iter().map(|r| r.skill).collect(),
        evidence: Vec::new(),
        weight: heaviest,
        message: format!(
            "{list} {} only in your skills list, but {} {them}. Show {each} in an experience bullet: what you did with {it}, and the result.",
            if names.len() == 1 { "is" } else { "are" },
            if cx.comparison.targets > 1 {
                "the targets require".to_owned()
            } else {
                format!("{} requires", cx.labels.first().map_or("the target", String::as_str))
            },
            it = if names.len() == 1 { "it" } else { "each" },
        ),
    })
}

/// How a target asks for a gap, worded for a suggestion.
struct Asked {
    /// "Recruiters at Acme", "2 of 3 targets", capitalised.
    who: String,
    /// "requires", "prefers" or "names".
    verb: &'static str,
    /// The skill's name, with the alternatives that would close it too.
    named: String,
    /// " (5+ years)", or nothing.
    years: String,
}

/// The suggestions for the first [`MAX_GAP_SUGGESTIONS`] gaps. Plain gaps ("add it if it is true") become one
/// suggestion that lists them with the words each target used; near misses and credentials get a suggestion each
/// up to [`MAX_SINGLE_SUGGESTIONS_PER_RULE`], and the rest of each are grouped too.
fn gap_suggestions(cx: &Context) -> Vec<Suggestion> {
    let mut singles: Vec<Suggestion> = Vec::new();
    let mut plain: Vec<&SkillResult> = Vec::new();
    let mut overflow: Vec<(SuggestionKind, &SkillResult)> = Vec::new();
    // Years-short items are skills the CV shows: `state_years` speaks to them.
    let gaps = cx.comparison.gaps().iter().filter(|g| g.status != GapStatus::YearsShort);
    for r in gaps.map(|g| &g.result).take(MAX_GAP_SUGGESTIONS) {
        let one = gap_suggestion(cx, r);
        let same_rule = singles.iter().filter(|s| s.kind == one.kind).count();
        match one.kind {
            SuggestionKind::AddIfTrue => plain.push(r),
            kind if same_rule >= MAX_SINGLE_SUGGESTIONS_PER_RULE => overflow.push((kind, r)),
            _ => singles.push(one),
        }
    }
    match plain.as_slice() {
        [] => {}
        [one] => singles.push(gap_suggestion(cx, one)),
        many => singles.extend(grouped_add_if_true(cx, many)),
    }
    // A credential is never "named beside" a related one: it is held or earned.
    let (credentials, near): (Vec<_>, Vec<_>) =
        overflow.into_iter().partition(|(kind, _)| *kind == SuggestionKind::Credential);
    if !near.is_empty() {
        singles.extend(grouped_near_misses(cx, &near));
    }
    if !credentials.is_empty() {
        singles.extend(grouped_credentials(cx, &credentials));
    }
    singles
}

/// Credentials past [`MAX_SINGLE_SUGGESTIONS_PER_RULE`], in one suggestion: each with where the CV stands on it.
fn grouped_credentials(cx: &Context, gaps: &[(SuggestionKind, &SkillResult)]) -> Option<Suggestion> {
    let (_, first) = gaps.first()?;
    let items: Vec<String> = gaps
        .iter()
        .map(|(_, r)| {
            let name = &cx.taxonomy.skill(r.skill).name;
            match r.status {
                Status::Related(have) if ladder(cx.taxonomy, have, r.skill).is_some() => {
                    format!("{name} (a step up from your {})", cx.taxonomy.skill(have).name)
                }
                Status::InProgress => format!("{name} (in progress on your CV: say when you expect it)"),
                _ => name.clone(),
            }
        })
        .collect();
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    Some(Suggestion {
        kind: SuggestionKind::Credential,
        skill: first.skill,
        skills: gaps.iter().map(|(_, r)| r.skill).collect(),
        evidence: gaps.iter().map(|(_, r)| r.evidence.first().map_or(String::new(), |e| e.text.clone())).collect(),
        weight: gaps.iter().map(|(_, r)| r.weight).max().unwrap_or(0),
        message: match items.as_slice() {
            [one] => format!(
                "Also asked: {one}. If you hold it, list it under Certifications with the year; if not, it is a credential to weigh earning, never to imply."
            ),
            many => format!(
                "Also asked: {}. List each one you hold under Certifications with the year; the others are credentials to weigh earning, never to imply.",
                join_and(many)
            ),
        },
    })
}

/// [`SuggestionKind::AddIfTrue`] for several plain gaps at once: each with the words the target used.
fn grouped_add_if_true(cx: &Context, gaps: &[&SkillResult]) -> Option<Suggestion> {
    let first = gaps.first()?;
    let evidence: Vec<String> =
        gaps.iter().map(|r| r.evidence.first().map_or(String::new(), |e| e.text.clone())).collect();
    let items: Vec<String> = gaps
        .iter()
        .zip(&evidence)
        .map(|(r, said)| {
            let name = &cx.taxonomy.skill(r.skill).name;
            if fold(said) == fold(name) || said.is_empty() {
                name.clone()
            } else {
                format!("{name} (\"{said}\")")
            }
        })
        .collect();
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    let kinds = cx.kinds();
    let (who, verb) = match (kinds.len(), kinds.iter().all(|&k| k == TargetKind::Bio), kinds.contains(&TargetKind::Bio))
    {
        (0 | 1, true, _) => ("The bio".to_owned(), "names"),
        (0 | 1, false, _) => (capitalise(&cx.who(first)), "asks for"),
        (_, true, _) => ("The hired people".to_owned(), "list"),
        (_, false, false) => ("The postings".to_owned(), "ask for"),
        (_, false, true) => ("The targets".to_owned(), "name"),
    };
    Some(Suggestion {
        kind: SuggestionKind::AddIfTrue,
        skill: first.skill,
        skills: gaps.iter().map(|r| r.skill).collect(),
        evidence,
        weight: gaps.iter().map(|r| r.weight).max().unwrap_or(0),
        message: format!(
            "{who} also {verb} {}. Go through them one by one: for each you have really used, add it to your skills and to the bullet where you used it, with what came of it. Leave out the rest; a screen or an interview will ask.",
            join_and(&items)
        ),
    })
}

/// Near misses and credentials past [`MAX_SINGLE_SUGGESTIONS_PER_RULE`], in one suggestion.
fn grouped_near_misses(cx: &Context, gaps: &[(SuggestionKind, &SkillResult)]) -> Option<Suggestion> {
    let &(kind, first) = gaps.first()?;
    let items: Vec<String> = gaps
        .iter()
        .map(|(_, r)| {
            let name = &cx.taxonomy.skill(r.skill).name;
            match r.status {
                Status::Related(have) => format!("{name} (you show {})", cx.taxonomy.skill(have).name),
                Status::InProgress => format!("{name} (in progress on your CV)"),
                _ => name.clone(),
            }
        })
        .collect();
    let items: Vec<&str> = items.iter().map(String::as_str).collect();
    Some(Suggestion {
        kind,
        skill: first.skill,
        skills: gaps.iter().map(|(_, r)| r.skill).collect(),
        evidence: gaps.iter().map(|(_, r)| r.evidence.first().map_or(String::new(), |e| e.text.clone())).collect(),
        weight: gaps.iter().map(|(_, r)| r.weight).max().unwrap_or(0),
        message: format!(
            "Also asked, and close to what you have: {}. Where the related experience really covers the skill, name the skill beside it in that bullet; where it does not, these are the next things to learn or earn.",
            join_and(&items)
        ),
    })
}

/// The one suggestion for a gap: which rule applies depends on its status and on whether it is a credential.
fn gap_suggestion(cx: &Context, r: &SkillResult) -> Suggestion {
    let skill = cx.taxonomy.skill(r.skill);
    let named = if r.alternatives.is_empty() {
        skill.name.clone()
    } else {
        let others: Vec<&str> = r.alternatives.iter().map(|&a| cx.taxonomy.skill(a).name.as_str()).collect();
        format!("{} (or {})", skill.name, others.join(" or "))
    };
    let asked = Asked {
        who: capitalise(&cx.who(r)),
        verb: agree(
            match r.requirement() {
                Requirement::Required => "requires",
                Requirement::Preferred => "prefers",
                Requirement::Mentioned | Requirement::NotRequired => "names",
            },
            cx.plural(r),
        ),
        named,
        years: r.years().map(|y| format!(" ({y}+ years)")).unwrap_or_default(),
    };
    let is_credential = matches!(skill.kind, Kind::Certification | Kind::Degree);
    let (kind, message) = match (r.status, is_credential) {
        (Status::Related(have), false) => build_on_related(cx, r, have, &asked),
        (status, true) | (status @ Status::InProgress, false) => credential(cx, r, status, &asked),
        (_, false) => add_if_true(&asked),
    };
    Suggestion { kind, skill: r.skill, skills: vec![r.skill], evidence: Vec::new(), message, weight: r.weight }
}

/// [`SuggestionKind::Credential`]: a certification, degree or licence gap (or any skill the CV shows in progress):
/// say where you stand, list it with the year, or weigh earning it.
fn credential(cx: &Context, r: &SkillResult, status: Status, asked: &Asked) -> (SuggestionKind, String) {
    let Asked { who, verb, named, years } = asked;
    let name = &cx.taxonomy.skill(r.skill).name;
    let message = match status {
        Status::InProgress => format!(
            "{who} {verb} {named}{years}; your CV shows it in progress. Say where you stand and when you expect to finish (\"{name}, expected [month year]\"), so a screen that requires it can still read you as close."
        ),
        Status::Related(have) => match ladder(cx.taxonomy, have, r.skill) {
            Some(rungs) => {
                let have = &cx.taxonomy.skill(have).name;
                let steps: Vec<&str> = rungs.iter().map(|&s| cx.taxonomy.skill(s).name.as_str()).collect();
                let up = match rungs.len() {
                    0..=2 => "the next step up".to_owned(),
                    n => format!("{} steps up", n - 1),
                };
                format!(
                    "{who} {verb} {named}{years}: {up} from the {have} you show ({}). If you hold {name}, list it with the year; if not, it is the credential to earn next.",
                    steps.join(" → ")
                )
            }
            None => format!(
                "{who} {verb} {named}{years}. You show {}, which is related: if you hold {name}, list it with the year; if not, weigh whether it is worth earning for roles like this.",
                cx.taxonomy.skill(have).name
            ),
        },
        _ => format!(
            "{who} {verb} {named}{years}. If you hold it, list it under Education or Certifications with the year; if not, weigh whether it is worth earning for roles like this."
        ),
    };
    (SuggestionKind::Credential, message)
}

/// [`SuggestionKind::BuildOnRelated`]: a gap next to a skill the CV shows: name any real experience, or learn it
/// from there.
fn build_on_related(cx: &Context, r: &SkillResult, have: SkillIdx, asked: &Asked) -> (SuggestionKind, String) {
    let Asked { who, verb, named, years } = asked;
    let skill = cx.taxonomy.skill(r.skill);
    let have = &cx.taxonomy.skill(have).name;
    let next_step = if matches!(skill.kind, Kind::Tool | Kind::Language | Kind::Framework) {
        format!("if not, a small project with it, building on {have}, gives you something true to write")
    } else {
        format!("your {have} is related experience worth naming beside it")
    };
    (
        SuggestionKind::BuildOnRelated,
        format!(
            "{who} {verb} {named}{years}; you show {have}, which transfers. If you have any experience with {} (at work, in training, on a placement), say so with one concrete example; {next_step}.",
            skill.name
        ),
    )
}

/// [`SuggestionKind::AddIfTrue`]: a plain gap: add it only if it is true.
fn add_if_true(asked: &Asked) -> (SuggestionKind, String) {
    let Asked { who, verb, named, years } = asked;
    (
        SuggestionKind::AddIfTrue,
        format!(
            "{who} {verb} {named}{years}. If you have experience with it, say so: add it to your skills and to the bullet where you used it. If you have not, do not claim it."
        ),
    )
}

/// Order among suggestions of equal weight: closing a gap matters more than polishing what is there.
fn priority(kind: SuggestionKind) -> u8 {
    match kind {
        SuggestionKind::AddIfTrue | SuggestionKind::Credential => 0,
        SuggestionKind::BuildOnRelated => 1,
        SuggestionKind::StateYears => 2,
        SuggestionKind::AlignWording => 3,
        SuggestionKind::Surface => 4,
        SuggestionKind::HiredEdge => 5,
    }
}

/// Whether exactly one of two wordings of a skill is a proper name (a product, a brand, an acronym) and the
/// other a common phrase it does not abbreviate: "Eventbrite" and "badge printing" name different things, while
/// "LOTO" and "lockout/tagout", or "Postgres" and "PostgreSQL", name one.
fn names_a_different_thing(a: &str, b: &str) -> bool {
    match (is_proper_name(a), is_proper_name(b)) {
        (true, false) => !abbreviates(a, b),
        (false, true) => !abbreviates(b, a),
        _ => false,
    }
}

/// A wording written as a name: every word capitalised ("Eventbrite", "Google Analytics", "GA4"), or a word with a
/// capital inside it ("HubSpot", "iPhone"). "Badge printing" at the start of a line and "PBC schedules" are common
/// phrases.
fn is_proper_name(text: &str) -> bool {
    let words: Vec<&str> = text.split(|c: char| c.is_whitespace() || c == '/').filter(|w| !w.is_empty()).collect();
    let capitalised = |w: &&str| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let inner_capital = |w: &&str| w.chars().any(char::is_lowercase) && w.chars().skip(1).any(char::is_uppercase);
    (!words.is_empty() && words.iter().all(capitalised)) || words.iter().any(inner_capital)
}

/// Whether `short`, written in capitals and digits, takes its letters in order from `long`, starting with its first
/// letter: "LOTO" from "lockout/tagout", "CPR" from "cardiopulmonary resuscitation".
fn abbreviates(short: &str, long: &str) -> bool {
    let letters: Vec<char> = short.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect();
    if letters.is_empty() || short.chars().any(char::is_lowercase) {
        return false;
    }
    let long: Vec<char> = long.chars().flat_map(char::to_lowercase).collect();
    if long.first() != letters.first() {
        return false;
    }
    let mut rest = long.iter();
    letters.iter().all(|l| rest.any(|c| c == l))
}

/// Each word without a plural `s` ("IEPs" → "iep", "dashboards" → "dashboard"), for comparing wordings.
fn singular(text: &str) -> String {
    text.split(' ')
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if stem.len() >= 3 && !stem.ends_with('s') => stem,
            _ => w,
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether two one-word wordings are forms of one word ("dentist" and "dentistry", "nurse" and "nursing"): past a
/// shared stem of at least four letters, each ends in nothing or a common English ending. "Postgres" and
/// "PostgreSQL" are not: "ql" is no ending, and a screen that looks for one may miss the other.
fn same_stem(a: &str, b: &str) -> bool {
    const ENDINGS: &[&str] = &["", "e", "y", "ry", "ing", "ist", "er", "ion", "al", "ic", "ics", "ive"];
    if a == b || a.contains(' ') || b.contains(' ') {
        return false;
    }
    let shared: usize = a.chars().zip(b.chars()).take_while(|(x, y)| x == y).map(|(x, _)| x.len_utf8()).sum();
    let ending = |w: &str| w.get(shared..).is_some_and(|rest| ENDINGS.contains(&rest));
    shared >= 4 && ending(a) && ending(b)
}

/// Whether `needle` occurs in `haystack` as whole words.
fn contains_words(haystack: &str, needle: &str) -> bool {
    haystack.match_indices(needle).any(|(i, _)| {
        let before = haystack.get(..i).unwrap_or_default().chars().next_back();
        let after = haystack.get(i + needle.len()..).unwrap_or_default().chars().next();
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
fn who_asks(r: &SkillResult, labels: &[String], comparison: &Comparison) -> String {
    let targets = comparison.targets;
    if targets <= 1 {
        return labels.first().cloned().unwrap_or_else(|| "the target".to_owned());
    }
    let kind_of = |t: usize| comparison.per_target.get(t).map_or(TargetKind::Posting, |s| s.kind);
    if let [only] = r.evidence.as_slice() {
        let label = labels.get(only.target).map_or("one target", String::as_str);
        return match kind_of(only.target) {
            TargetKind::Bio => format!("the bio {label}"),
            TargetKind::Posting => format!("the posting {label}"),
        };
    }
    let bios = (0..targets).filter(|&t| kind_of(t) == TargetKind::Bio).count();
    let noun = match bios {
        0 => "postings",
        b if b == targets => "hired people",
        _ => "targets",
    };
    format!("{} of the {targets} {noun}", r.evidence.len())
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
aws-dev,AWS Certified Developer,cloud,certification,,aws-saa,
aws-saa,AWS Certified Solutions Architect,cloud,certification,,,
mysql,MySQL,data,tool,,postgresql,
postgresql,PostgreSQL,data,tool,Postgres,,
python,Python,software,language,,,
terraform,Terraform,cloud,tool,,,
event-registration,Event Registration,hospitality,method,Eventbrite;badge printing,,
lockout-tagout,Lockout/Tagout,construction,method,LOTO,,
";

    fn extractor() -> Extractor {
        let mut b = Taxonomy::builder();
        b.add_csv("t.csv", TAXONOMY).expect("parses");
        Extractor::new(b.build().expect("builds"))
    }

    /// Runs `rule` over the comparison of `cv` with `posting`.
    fn with_context<R>(cv: &str, posting: &str, rule: impl FnOnce(&Context) -> R) -> R {
        let ex = extractor();
        let profile = Profile::from_text(&ex, cv);
        let comparison = compare(ex.taxonomy(), &profile, &[ex.extract(posting)]);
        let labels = ["the posting".to_owned()];
        rule(&Context { taxonomy: ex.taxonomy(), profile: &profile, comparison: &comparison, labels: &labels })
    }

    struct Case {
        cv: &'static str,
        posting: &'static str,
        /// A phrase of the message, or `None` when the rule makes no suggestion.
        expected: Option<&'static str>,
    }

    /// Checks a rule that looks at each matched skill in turn.
    fn check_matched(rule: fn(&Context, &SkillResult) -> Option<Suggestion>, name: &str, cases: &[Case]) {
        for case in cases {
            let got = with_context(case.cv, case.posting, |cx| {
                cx.comparison.matched.iter().find_map(|r| rule(cx, r)).map(|s| s.message)
            });
            match (case.expected, got) {
                (None, None) => {}
                (Some(phrase), Some(message)) => assert!(message.contains(phrase), "{name}: {message}"),
                (expected, got) => {
                    panic!("{name}: {:?} against {:?}: expected {expected:?}, got {got:?}", case.cv, case.posting)
                }
            }
        }
    }

    #[test]
    fn forms_of_one_word() {
        for (a, b, same) in [
            ("dentist", "dentistry", true),
            ("nurse", "nursing", true),
            ("therapist", "therapy", true),
            ("postgres", "postgresql", false),
            ("java", "javascript", false),
            ("sql", "sqlite", false),
            ("excel", "excel", false),
        ] {
            assert_eq!(same_stem(a, b), same, "{a} / {b}");
            assert_eq!(same_stem(b, a), same, "{b} / {a}");
        }
    }

    #[test]
    fn a_product_and_an_activity_are_different_things() {
        for (a, b, different) in [
            ("Eventbrite", "badge printing", true),
            ("badge printing", "Eventbrite", true),
            ("HubSpot", "marketing automation", true),
            ("LOTO", "lockout/tagout", false),
            ("CPR", "cardiopulmonary resuscitation", false),
            ("Postgres", "PostgreSQL", false),
            ("GA4", "Google Analytics", false),
            ("Badge printing", "badge print runs", false),
            ("PBC schedules", "audit support", false),
        ] {
            assert_eq!(names_a_different_thing(a, b), different, "{a} / {b}");
        }
    }

    #[test]
    fn align_wording_rule() {
        check_matched(
            align_wording,
            "align_wording",
            &[
                Case {
                    cv: "Postgres",
                    posting: "Requirements\n- PostgreSQL\n",
                    expected: Some("Your CV says \"Postgres\"; the posting says \"PostgreSQL\""),
                },
                Case { cv: "PostgreSQL", posting: "Requirements\n- PostgreSQL\n", expected: None },
                Case { cv: "Postgres", posting: "Postgres or PostgreSQL, both fine", expected: None },
                // A plural is the same wording.
                Case { cv: "Skills: IEP", posting: "Requirements\n- Writing IEPs\n", expected: None },
                // A product and an activity under one skill are different things.
                Case {
                    cv: "Ran ticketing through Eventbrite.",
                    posting: "Requirements\n- badge printing\n",
                    expected: None,
                },
                // An acronym and its long form are one name.
                Case {
                    cv: "Skills: LOTO",
                    posting: "Requirements\n- lockout/tagout\n",
                    expected: Some("Your CV says \"LOTO\"; the posting says \"lockout/tagout\""),
                },
            ],
        );
    }

    #[test]
    fn state_years_rule() {
        check_matched(
            state_years,
            "state_years",
            &[
                Case { cv: "Python", posting: "5+ years of Python", expected: Some("your CV does not say how long") },
                Case { cv: "3 years of Python", posting: "5+ years of Python", expected: Some("your CV shows 3") },
                Case { cv: "6 years of Python", posting: "5+ years of Python", expected: None },
                Case {
                    cv: "Analyst, Acme Corp, Jan 2019 – Mar 2023\n- Built Python services\n",
                    posting: "3+ years of Python",
                    expected: Some("your roles 2019–2023 at Acme Corp show about 4 years of it"),
                },
                Case {
                    cv: "Analyst, Acme Corp, Jan 2022 – Mar 2023\n- Built Python services\n",
                    posting: "3+ years of Python",
                    expected: Some("(2022–2023 at Acme Corp) come to just over 1 year"),
                },
                Case { cv: "Python", posting: "Requirements\n- Python\n", expected: None },
            ],
        );
    }

    #[test]
    fn surface_rule() {
        const CASES: &[Case] = &[
            Case {
                cv: "Skills\nPython\n",
                posting: "Requirements\n- Python\n",
                expected: Some("Python is only in your skills list, but the posting requires it"),
            },
            Case {
                cv: "Skills\nPython, Terraform\n",
                posting: "Requirements\n- Python\n- Terraform\n",
                expected: Some("Python and Terraform are only in your skills list"),
            },
            Case { cv: "Experience\nBuilt Python services.\n", posting: "Requirements\n- Python\n", expected: None },
            Case { cv: "Skills\nPython\n", posting: "We use Python.", expected: None },
        ];
        for case in CASES {
            let got = with_context(case.cv, case.posting, |cx| surface(cx).map(|s| s.message));
            match (case.expected, got) {
                (None, None) => {}
                (Some(phrase), Some(message)) => assert!(message.contains(phrase), "{message}"),
                (expected, got) => panic!("{:?}: expected {expected:?}, got {got:?}", case.cv),
            }
        }
    }

    #[test]
    fn gap_rules() {
        struct GapCase {
            cv: &'static str,
            posting: &'static str,
            kind: SuggestionKind,
            phrase: &'static str,
        }
        const CASES: &[GapCase] = &[
            GapCase {
                cv: "Python",
                posting: "Requirements\n- Terraform\n",
                kind: SuggestionKind::AddIfTrue,
                phrase: "The posting requires Terraform. If you have experience with it, say so",
            },
            GapCase {
                cv: "MySQL",
                posting: "Requirements\n- PostgreSQL\n",
                kind: SuggestionKind::BuildOnRelated,
                phrase: "you show MySQL, which transfers",
            },
            GapCase {
                cv: "Python",
                posting: "Requirements\n- AWS Certified Solutions Architect\n",
                kind: SuggestionKind::Credential,
                phrase: "list it under Education or Certifications",
            },
            GapCase {
                cv: "AWS Certified Developer",
                posting: "Requirements\n- AWS Certified Solutions Architect\n",
                kind: SuggestionKind::Credential,
                phrase: "You show AWS Certified Developer, which is related",
            },
            GapCase {
                cv: "Currently studying for the AWS Certified Solutions Architect.",
                posting: "Requirements\n- AWS Certified Solutions Architect\n",
                kind: SuggestionKind::Credential,
                phrase: "your CV shows it in progress",
            },
            GapCase {
                cv: "Python",
                posting: "Nice to have\n- Terraform or MySQL\n",
                kind: SuggestionKind::AddIfTrue,
                phrase: "The posting prefers Terraform (or MySQL).",
            },
        ];
        for case in CASES {
            let got = with_context(case.cv, case.posting, |cx| {
                cx.comparison.gaps().first().map(|g| gap_suggestion(cx, &g.result))
            });
            let got = got.unwrap_or_else(|| panic!("{:?}: no gap", case.cv));
            assert_eq!(got.kind, case.kind, "{:?}: {}", case.cv, got.message);
            assert!(got.message.contains(case.phrase), "{:?}: {}", case.cv, got.message);
        }
    }

    #[test]
    fn every_kind_of_suggestion() {
        let ex = extractor();
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

    #[test]
    fn plain_gaps_are_one_suggestion_and_no_template_repeats_more_than_twice() {
        let ex = Extractor::new(Taxonomy::builtin());
        let profile = Profile::from_text(&ex, "Skills: Excel, MySQL, BLS");
        let posting = ex.extract(
            "Requirements\n- Terraform\n- Kubernetes\n- Snowflake\n- PostgreSQL\n- SQL Server\n- Oracle Database\n\
             - Jira\n- ACLS\n",
        );
        let comparison = compare(ex.taxonomy(), &profile, &[posting]);
        let advice = suggest(ex.taxonomy(), &profile, &comparison, &["the posting".to_owned()]);
        let add_if_true: Vec<&Suggestion> = advice.iter().filter(|s| s.kind == SuggestionKind::AddIfTrue).collect();
        assert_eq!(add_if_true.len(), 1, "{advice:#?}");
        assert!(add_if_true[0].skills.len() >= 2 && add_if_true[0].message.contains("Terraform"));
        // No sentence opening appears more than twice.
        let mut openings: Vec<String> = advice.iter().map(|s| s.message.chars().take(40).collect()).collect();
        openings.sort();
        for w in openings.windows(3) {
            assert!(!(w[0] == w[1] && w[1] == w[2]), "repeated: {:?}", w[0]);
        }
    }

    #[test]
    fn wording_that_claims_a_level_is_not_suggested() {
        let ex = Extractor::new(Taxonomy::builtin());
        let profile = Profile::from_text(&ex, "Skills: MS Excel");
        let posting = ex.extract("Requirements\n- Advanced Excel\n");
        let comparison = compare(ex.taxonomy(), &profile, &[posting]);
        let advice = suggest(ex.taxonomy(), &profile, &comparison, &["the posting".to_owned()]);
        assert!(advice.iter().all(|s| s.kind != SuggestionKind::AlignWording), "{advice:#?}");
    }

    #[test]
    fn a_credential_is_never_reworded_as_another() {
        let ex = Extractor::new(Taxonomy::builtin());
        let profile = Profile::from_text(&ex, "Education\nBSc in Biology, 2018\n");
        let posting = ex.extract("Requirements\n- A bachelor's degree\n");
        let comparison = compare(ex.taxonomy(), &profile, &[posting]);
        let advice = suggest(ex.taxonomy(), &profile, &comparison, &["the posting".to_owned()]);
        assert!(advice.iter().all(|s| s.kind != SuggestionKind::AlignWording), "{advice:#?}");
    }
}
