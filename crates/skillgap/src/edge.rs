//! The hired person's edge beyond skills: what a bio shows that a list of skills does not (seniority, years in the
//! field, leading people, quantified results, the level of their degree), set against the CV.
//!
//! Each side is read into [`PersonSignals`]; each rule compares one signal and, where the bio shows more, becomes a
//! [`Suggestion`] of kind [`SuggestionKind::HiredEdge`] that quotes the bio. Only bios are read: a posting has no
//! person to compare with.

use crate::extract::Document;
use crate::profile::Profile;
use crate::source::TargetKind;
use crate::structure::roles::union_months;
use crate::structure::{wraps_a_sentence, years_in};
use crate::suggest::{Suggestion, SuggestionKind};
use crate::taxonomy::{Kind, Taxonomy};

/// Title words by seniority, lowest first. A headline's level is the highest it names.
const SENIORITY: &[(&str, u8)] = &[
    ("intern", 0),
    ("trainee", 0),
    ("apprentice", 0),
    ("junior", 1),
    ("assistant", 1),
    ("associate", 2),
    ("senior", 4),
    ("lead", 5),
    ("principal", 5),
    ("manager", 5),
    ("head", 6),
    ("director", 7),
    ("vp", 8),
    ("vice president", 8),
    ("chief", 9),
];

/// A headline with no seniority word reads as a practitioner in the middle.
const PLAIN_LEVEL: u8 = 3;

/// Phrases that show someone leads or develops people.
const LEADERSHIP: &[&str] = &[
    "led a team",
    "leads a team",
    "lead a team",
    "managed a team",
    "manages a team",
    "manage a team",
    "direct reports",
    "coached",
    "line-managed",
    "line managed",
    "hired and",
    "built a team",
    "built the team",
    // "I mentor the five field adjusters", "a mentor to new hires".
    "mentor",
    "supervise",
    "team lead",
    "crew lead",
    "led a crew",
    "leads a crew",
    "leading a team",
    "managing a team",
];

/// Words that end a headline line with a full stop without making it prose: "Meridian Life & Property Insurance
/// Co.", "Acme Ltd.".
const ABBREVIATED_ENDINGS: &[&str] = &["co.", "inc.", "ltd.", "corp.", "llc.", "plc.", "jr.", "sr.", "bros."];

/// What follows "N years" when it counts years in a field ("12 years as a nurse", "8 years' experience"), not
/// the years of one skill ("5 years of Figma") or an age.
const YEARS_IN_FIELD: &[&str] = &["in ", "as ", "of experience", "experience", "of professional", "in the"];

/// Whether a first line that ends in a full stop is prose rather than a headline: not when the stop belongs to an
/// abbreviation ("… Insurance Co.") or the line is cut into headline parts ("Title · Company").
fn is_prose_line(line: &str) -> bool {
    if !line.ends_with('.') {
        return false;
    }
    let lower = line.to_lowercase();
    let abbreviated = ABBREVIATED_ENDINGS.iter().any(|e| lower.ends_with(e));
    !abbreviated && !line.contains(['|', '·', '—', '–'])
}

/// What one person's text shows beyond skills.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonSignals {
    /// The headline's seniority level and the words that gave it.
    pub seniority: Option<(u8, String)>,
    /// Years in the field the person states or their dated roles show.
    pub years: Option<u32>,
    /// The words of a sentence that shows them leading or developing people.
    pub leadership: Option<String>,
    /// Sentences that put a number on a result ("cut churn 18%").
    pub quantified: Vec<String>,
    /// The highest degree level (1 associate, 2 bachelor's, 3 master's, 4 doctorate) and its name.
    pub degree: Option<(u8, String)>,
}

/// Reads a person's text (a bio, or a CV with its `profile`) into signals.
pub fn person_signals(taxonomy: &Taxonomy, text: &str, doc: &Document, profile: Option<&Profile>) -> PersonSignals {
    // A CV or profile often opens with the name, then the title: read the first three lines as the headline.
    // A CV or profile often opens with the name, then the title ("**Marketing Manager** | Brighton | email"): the
    // headline is the first three lines, less any that end in a full stop (prose, not a title).
    let headline = text
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .take(3)
        .filter(|l| !is_prose_line(l))
        .collect::<Vec<_>>()
        .join(" | ");
    let sentences = sentences_of(text);
    // Years in the field: "9 years in product design", "12 years as a nurse", "8 years' experience", not the
    // years of one skill ("5 years of Figma") or an age ("pupils aged 11–16 years").
    let stated_years = years_in(text)
        .filter(|&(_, end, _)| {
            let after = text.get(end..).unwrap_or("").trim_start_matches(['\'', '’']).trim_start().to_lowercase();
            YEARS_IN_FIELD.iter().any(|w| after.starts_with(w))
        })
        .map(|(_, _, n)| u32::from(n))
        .max();
    let dated_years = profile.map(|p| union_months(p.roles.iter().map(|r| r.period)) / 12).filter(|&y| y > 0);
    PersonSignals {
        seniority: seniority(&headline),
        years: stated_years.max(dated_years),
        leadership: sentences.iter().find_map(|s| leadership_quote(s)),
        quantified: sentences.iter().filter(|s| quantifies(s)).map(|s| (*s).to_owned()).collect(),
        degree: doc
            .skills
            .iter()
            .filter(|e| taxonomy.skill(e.skill).kind == Kind::Degree)
            .filter_map(|e| {
                degree_level(&taxonomy.skill(e.skill).name).map(|l| (l, taxonomy.skill(e.skill).name.clone()))
            })
            .max_by_key(|(l, _)| *l),
    }
}

/// The sentences of a text: split at a full stop, question or exclamation mark followed by a space or the end, at
/// semicolons and at line breaks that do not only wrap a sentence (so "$1.2M" and "3.5%" stay whole), each
/// without its list bullet.
fn sentences_of(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let bytes = text.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let stop = match b {
            b'\n' => !wraps_a_sentence(text.get(..i).unwrap_or_default(), text.get(i + 1..).unwrap_or_default()),
            b';' => true,
            b'.' | b'!' | b'?' => bytes.get(i + 1).is_none_or(|n| n.is_ascii_whitespace()),
            _ => false,
        };
        if stop {
            out.push(text.get(start..i).unwrap_or_default());
            start = i + 1;
        }
    }
    out.push(text.get(start..).unwrap_or_default());
    // A quote starts at the words, not at a bullet ("• Mentor three designers").
    out.into_iter()
        .map(|s| s.trim().trim_start_matches(['•', '-', '*', '·', '–', '—']).trim_start())
        .filter(|s| s.chars().any(char::is_alphabetic))
        .collect()
}

/// The seniority a headline names.
fn seniority(headline: &str) -> Option<(u8, String)> {
    if headline.is_empty() {
        return None;
    }
    let lower = headline.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let found = SENIORITY
        .iter()
        .filter(|(word, _)| {
            if word.contains(' ') {
                lower.contains(word)
            } else {
                // "Lead generation" and "lead nurturing" are marketing, not a lead's title.
                let titled = |w: &[&str]| match w {
                    [first, next] => first == word && !matches!(*next, "generation" | "gen" | "nurturing"),
                    _ => false,
                };
                words.windows(2).any(titled) || words.last() == Some(word)
            }
        })
        .max_by_key(|(_, level)| *level);
    // The title is the headline's part that names the seniority ("Marcus Lund — Marketing Manager at Orbitask |
    // B2B SaaS" gives "Marketing Manager at Orbitask"), else its first part.
    let parts: Vec<&str> = headline.split(['|', '—', '–', ',', '·']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let title = found
        .and_then(|(word, _)| parts.iter().find(|p| p.to_lowercase().contains(word)))
        .or(parts.first())
        .map_or_else(|| headline.trim().to_owned(), |p| (*p).to_owned());
    Some((found.map_or(PLAIN_LEVEL, |&(_, level)| level), title))
}

/// How long a quote of the bio's words in the edge advice may be.
const EDGE_QUOTE_CHARS: usize = 90;

/// When a sentence shows someone leading or developing people, the words around the phrase that shows it ("…and I
/// mentor the five field adjusters on our large-loss team.").
fn leadership_quote(sentence: &str) -> Option<String> {
    let lower = sentence.to_lowercase();
    let (at, phrase) = LEADERSHIP.iter().filter_map(|p| Some((lower.find(p)?, p))).min()?;
    // Lower-casing kept every byte offset when the lengths agree; otherwise quote from the start.
    let mention = if lower.len() == sentence.len() { (at, at + phrase.len()) } else { (0, 0) };
    Some(crate::report::quote(sentence, (0, sentence.len()), mention, EDGE_QUOTE_CHARS))
}

/// Whether a sentence puts a number on a result: a percentage, a currency amount or a multiple.
fn quantifies(sentence: &str) -> bool {
    let has_digit = sentence.chars().any(|c| c.is_ascii_digit());
    let marked = sentence.contains('%')
        || sentence.contains(['$', '£', '€'])
        || sentence.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            w.len() >= 2
                && w.ends_with('x')
                && w.get(..w.len() - 1).unwrap_or_default().chars().all(|c| c.is_ascii_digit())
        });
    has_digit && marked
}

/// The level of a degree by its name: 4 doctorate, 3 master's, 2 bachelor's, 1 associate.
fn degree_level(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    let has = |w: &str| lower.contains(w);
    if has("phd") || has("doctor") || has("doctorate") {
        Some(4)
    } else if has("master") || has("mba") || has("msc") || has("m.ed") {
        Some(3)
    } else if has("bachelor") || has("bsc") || has("b.a") {
        Some(2)
    } else if has("associate") {
        Some(1)
    } else {
        None
    }
}

/// The edge each bio's person has over the CV, as suggestions that quote the bio. `targets` are each target's
/// text with its document, in the order of the comparison; `labels` name them ("the bio", a file name). Each kind
/// of edge is one suggestion: when several bios show it, it quotes each of them.
pub fn hired_edge(
    taxonomy: &Taxonomy,
    cv: &str,
    profile: &Profile,
    targets: &[(&str, &Document)],
    labels: &[String],
) -> Vec<Suggestion> {
    let yours = person_signals(taxonomy, cv, &profile.document, Some(profile));
    let bios: Vec<(&str, PersonSignals)> = targets
        .iter()
        .enumerate()
        .filter(|(_, (_, doc))| doc.kind == TargetKind::Bio)
        .map(|(t, (text, doc))| {
            (labels.get(t).map_or("the bio", String::as_str), person_signals(taxonomy, text, doc, None))
        })
        .collect();
    let mut out: Vec<Suggestion> = Vec::new();
    for rule in RULES {
        let shown: Vec<(&str, String)> =
            bios.iter().filter_map(|(who, theirs)| Some((*who, (rule.finds)(theirs, &yours)?))).collect();
        let message = match shown.as_slice() {
            [] => continue,
            [(who, detail)] => (rule.one)(who, detail, &yours),
            many => {
                let people = format!("{} of the {} hired people", many.len(), bios.len());
                let details: Vec<String> = many.iter().map(|(who, detail)| format!("{detail} ({who})")).collect();
                (rule.many)(&people, &details.join("; "), &yours)
            }
        };
        out.push(edge_suggestion(message));
    }
    out
}

fn edge_suggestion(message: String) -> Suggestion {
    Suggestion {
        kind: SuggestionKind::HiredEdge,
        skill: crate::taxonomy::SkillIdx(0),
        skills: Vec::new(),
        evidence: Vec::new(),
        message,
        weight: 0,
    }
}

/// One kind of edge: what a bio shows beyond the CV, and the advice about it.
struct EdgeRule {
    /// What one bio shows, in its words, when it shows more than the CV (theirs, yours).
    finds: fn(&PersonSignals, &PersonSignals) -> Option<String>,
    /// The advice when one bio shows it: who, what it shows, your signals.
    one: fn(&str, &str, &PersonSignals) -> String,
    /// The advice when several do: "2 of the 3 hired people", what each shows, your signals.
    many: fn(&str, &str, &PersonSignals) -> String,
}

/// Every edge rule, in the order their advice is shown.
const RULES: &[EdgeRule] = &[
    EdgeRule {
        finds: seniority_edge,
        one: |who, title, _| {
            format!(
            "In {who} the hired person is \"{title}\", a more senior title than your CV's headline. If you have done work at that level (owned decisions, led projects, set direction), make it the first thing your summary says."
        )
        },
        many: |people, titles, _| {
            format!(
            "{people} hold more senior titles than your CV's headline: {titles}. If you have done work at that level (owned decisions, led projects, set direction), make it the first thing your summary says."
        )
        },
    },
    EdgeRule {
        finds: years_edge,
        one: |who, years, yours| {
            format!(
            "In {who} the hired person has {years} in the field; your CV shows about {}. Years cannot be added, but depth can be shown: lead with your hardest problems and their results.",
            yours.years.unwrap_or(0)
        )
        },
        many: |people, years, yours| {
            format!(
            "{people} show more years in the field than your CV's about {}: {years}. Years cannot be added, but depth can be shown: lead with your hardest problems and their results.",
            yours.years.unwrap_or(0)
        )
        },
    },
    EdgeRule {
        finds: leadership_edge,
        one: |who, said, _| {
            format!(
            "In {who} the hired person leads or develops people ({said}); your CV shows no one you led, trained or mentored. If you have (a new starter you trained, a project team you ran), say how many and what came of it."
        )
        },
        many: |people, said, _| {
            format!(
            "{people} lead or develop people: {said}. Your CV shows no one you led, trained or mentored. If you have (a new starter you trained, a project team you ran), say how many and what came of it."
        )
        },
    },
    EdgeRule {
        finds: quantified_edge,
        one: |who, example, _| {
            format!(
            "{} puts numbers on results ({example}); your CV's bullets hardly do. Add the true number behind each achievement you have one for: time saved, cost, volume, growth.",
            capitalise(who)
        )
        },
        many: |people, examples, _| {
            format!(
            "{people} put numbers on results: {examples}. Your CV's bullets hardly do. Add the true number behind each achievement you have one for: time saved, cost, volume, growth."
        )
        },
    },
    EdgeRule {
        finds: degree_edge,
        one: |who, degree, _| {
            format!(
            "In {who} the hired person holds {} {degree}, a higher degree than your CV shows. Unless the roles you apply for require it, experience can stand in for it: name the courses, certificates or projects that taught you the same.",
            article(degree)
        )
        },
        many: |people, degrees, _| {
            format!(
            "{people} hold a higher degree than your CV shows: {degrees}. Unless the roles you apply for require it, experience can stand in for it: name the courses, certificates or projects that taught you the same."
        )
        },
    },
];

/// The bio's headline names a more senior title than the CV's: the title.
fn seniority_edge(theirs: &PersonSignals, yours: &PersonSignals) -> Option<String> {
    let (their_level, their_title) = theirs.seniority.as_ref()?;
    let your_level = yours.seniority.as_ref().map_or(PLAIN_LEVEL, |(l, _)| *l);
    (*their_level > your_level).then(|| their_title.clone())
}

/// The bio states more years in the field than the CV shows: "about N years".
fn years_edge(theirs: &PersonSignals, yours: &PersonSignals) -> Option<String> {
    let their_years = theirs.years?;
    let your_years = yours.years.unwrap_or(0);
    (their_years >= your_years + 2).then(|| format!("about {their_years} years"))
}

/// The bio shows leading or developing people; the CV does not: the bio's words, quoted.
fn leadership_edge(theirs: &PersonSignals, yours: &PersonSignals) -> Option<String> {
    let said = theirs.leadership.as_ref()?;
    yours.leadership.is_none().then(|| format!("\"{said}\""))
}

/// The bio puts numbers on its results; the CV hardly does: the first of them, quoted.
fn quantified_edge(theirs: &PersonSignals, yours: &PersonSignals) -> Option<String> {
    let example = theirs.quantified.first()?;
    (theirs.quantified.len() >= 2 && yours.quantified.len() <= 1)
        .then(|| format!("\"{}\"", crate::report::shorten(example, EDGE_QUOTE_CHARS)))
}

/// The bio names a higher degree than the CV: the degree.
fn degree_edge(theirs: &PersonSignals, yours: &PersonSignals) -> Option<String> {
    let (their_level, their_degree) = theirs.degree.as_ref()?;
    let your_level = yours.degree.as_ref().map_or(0, |(l, _)| *l);
    (*their_level > your_level).then(|| their_degree.clone())
}

/// "a" or "an" before `name`, by its sound: "an MBA", "an MSc", "a Bachelor's Degree", "an Associate Degree".
fn article(name: &str) -> &'static str {
    let mut chars = name.chars();
    let first = chars.next().unwrap_or('x');
    let acronym = chars.next().is_some_and(char::is_uppercase);
    let vowel_sound = if acronym { "AEFHILMNORSX".contains(first) } else { "AEIOUaeiou".contains(first) };
    if vowel_sound {
        "an"
    } else {
        "a"
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map_or_else(String::new, |first| first.to_uppercase().chain(chars).collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Extractor;

    #[test]
    fn signals() {
        let ex = Extractor::new(Taxonomy::builtin());
        let bio =
            "Senior Product Designer | Fintech\nShe has 9 years in product design and leads a team of 4 designers. \
                   Her onboarding redesign cut drop-off by 23%. The new checkout lifted revenue by $1.2M. \
                   She holds an MSc in Human-Computer Interaction.";
        let doc = ex.extract_as(bio, TargetKind::Bio);
        let s = person_signals(ex.taxonomy(), bio, &doc, None);
        assert_eq!(s.seniority.as_ref().map(|(l, _)| *l), Some(4));
        assert_eq!(s.years, Some(9));
        assert!(s.leadership.as_deref().is_some_and(|l| l.contains("team of 4")));
        assert_eq!(s.quantified.len(), 2);
        assert_eq!(s.degree.as_ref().map(|(l, _)| *l), Some(3), "{:?}", s.degree);
    }

    #[test]
    fn sentences_run_over_a_wrap_but_not_over_a_list() {
        let text =
            "Losses for the region, and I mentor the five\nfield adjusters on our team.\n- Closed $48M\n- Cut time 22%";
        assert_eq!(
            sentences_of(text),
            [
                "Losses for the region, and I mentor the five\nfield adjusters on our team",
                "Closed $48M",
                "Cut time 22%"
            ]
        );
        // A blank line ends a sentence even when the next paragraph starts in lower case.
        assert_eq!(sentences_of("She leads the team\n\nmentoring aside"), ["She leads the team", "mentoring aside"]);
    }

    #[test]
    fn signals_in_other_words() {
        let ex = Extractor::new(Taxonomy::builtin());
        // A headline that ends in "Co.", years in words, and mentoring.
        let bio = "Corinne Haldane\nSenior Property Claims Adjuster · Meridian Life & Property Insurance Co.\n\n\
                   Fourteen years in claims, the last nine on the property side. I mentor the five field adjusters.";
        let doc = ex.extract_as(bio, TargetKind::Bio);
        let s = person_signals(ex.taxonomy(), bio, &doc, None);
        assert_eq!(s.seniority.as_ref().map(|(l, t)| (*l, t.as_str())), Some((4, "Senior Property Claims Adjuster")));
        assert_eq!(s.years, Some(14));
        assert!(s.leadership.as_deref().is_some_and(|l| l.contains("mentor the five")));
        // Prose on the first line is no headline; a skill's years are not years in the field.
        let prose = "She joined us in 2019 as a senior analyst.\nShe has five years of Python.";
        let s = person_signals(ex.taxonomy(), prose, &ex.extract_as(prose, TargetKind::Bio), None);
        assert_eq!(s.years, None);
        assert!(s.seniority.as_ref().is_none_or(|(l, _)| *l == PLAIN_LEVEL), "{:?}", s.seniority);
    }

    #[test]
    fn the_hired_person_s_edge_is_advice_with_their_words() {
        let ex = Extractor::new(Taxonomy::builtin());
        let bio =
            "Senior Product Designer | Fintech\nShe has 9 years in product design and leads a team of 4 designers. \
                   Her onboarding redesign cut drop-off by 23%. The new checkout lifted revenue by $1.2M.";
        let cv = "Product Designer\nExperience\nDesigner, Acme, 2021 – 2024\n- Designed onboarding flows in Figma\n";
        let profile = Profile::from_text(&ex, cv);
        let doc = ex.extract_as(bio, TargetKind::Bio);
        let advice = hired_edge(ex.taxonomy(), cv, &profile, &[(bio, &doc)], &["the bio".to_owned()]);
        let text: Vec<&str> = advice.iter().map(|s| s.message.as_str()).collect();
        assert_eq!(advice.len(), 4, "{text:#?}");
        assert!(text[0].contains("\"Senior Product Designer\""));
        assert!(text[1].contains("about 9 years") && text[1].contains("about 3"));
        assert!(text[2].contains("team of 4"));
        assert!(text[3].contains("23%"));
        // Several bios that show the same edge make one suggestion that quotes each.
        let bio2 = "Lead Product Designer\nShe leads a team of 6 designers.";
        let doc2 = ex.extract_as(bio2, TargetKind::Bio);
        let labels = ["bio1.txt".to_owned(), "bio2.txt".to_owned()];
        let advice = hired_edge(ex.taxonomy(), cv, &profile, &[(bio, &doc), (bio2, &doc2)], &labels);
        let seniority: Vec<&str> =
            advice.iter().map(|s| s.message.as_str()).filter(|m| m.contains("senior title")).collect();
        assert_eq!(seniority.len(), 1, "{advice:#?}");
        assert!(seniority[0].starts_with("2 of the 2 hired people hold more senior titles"), "{}", seniority[0]);
        assert!(seniority[0].contains("Senior Product Designer (bio1.txt); Lead Product Designer (bio2.txt)"));
        // A posting has no person to compare with.
        let posting = ex.extract_as(bio, TargetKind::Posting);
        assert!(hired_edge(ex.taxonomy(), cv, &profile, &[(bio, &posting)], &["the posting".to_owned()]).is_empty());
    }

    #[test]
    fn rules_compare_like_with_like() {
        // (their headline, your headline, an edge)
        const CASES: &[(&str, &str, bool)] = &[
            ("Head of Marketing", "Marketing Manager", true),
            ("Marketing Manager", "Senior Marketing Manager", false),
            ("Data Engineer", "Data Engineer", false),
            ("Lead Electrician", "Apprentice Electrician", true),
        ];
        for &(theirs, yours, edge) in CASES {
            let t = PersonSignals { seniority: seniority(theirs), ..PersonSignals::default() };
            let y = PersonSignals { seniority: seniority(yours), ..PersonSignals::default() };
            assert_eq!(seniority_edge(&t, &y).is_some(), edge, "{theirs} / {yours}");
        }
        assert!(
            quantifies("Cut churn 18% in a year") && quantifies("Grew pipeline 3x") && !quantifies("Led 3 projects")
        );
        assert_eq!(
            sentences_of("Lifted revenue by $1.2M. Cut cost 3.5%"),
            ["Lifted revenue by $1.2M", "Cut cost 3.5%"]
        );
        assert_eq!(seniority("Lead generation specialist").map(|(l, _)| l), Some(PLAIN_LEVEL));
        assert_eq!(seniority("Staff Nurse").map(|(l, _)| l), Some(PLAIN_LEVEL));
        assert_eq!(
            seniority("Marcus Lund — Marketing Manager at Orbitask | B2B SaaS"),
            Some((5, "Marketing Manager at Orbitask".to_owned()))
        );
        assert_eq!(
            [article("MBA"), article("Master's Degree"), article("Associate Degree"), article("BSc")],
            ["an", "a", "an", "a"]
        );
    }
}
