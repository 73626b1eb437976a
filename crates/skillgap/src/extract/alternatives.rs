//! Recording either/or groups: skills one sentence offers as alternatives to each other ("Kafka or Kinesis").
//!
//! The extractor only records the groups in the [`Document`](super::Document); whether a skill the CV shows
//! answers a group is decided by [`compare`](crate::compare()).

use super::Alternatives;
use crate::span::Span;
use crate::taxonomy::SkillIdx;

/// A kept mention, as the grouping sees it.
#[derive(Debug, Clone, Copy)]
pub(super) struct Kept {
    /// The mention.
    pub span: Span,
    /// Its sentence.
    pub sentence: Span,
    /// Its skill.
    pub skill: SkillIdx,
    /// Whether the skill is a spoken language ("Bilingual French/English" asks for both).
    pub spoken: bool,
}

/// Words that may stand between two alternatives ("Java or Python", "Snowflake (BigQuery also fine)").
const LINK_WORDS: &[&str] = &[
    "or",
    "either",
    "nor",
    "ideally",
    "preferably",
    "e.g",
    "eg",
    "such",
    "as",
    "like",
    "also",
    "fine",
    "similar",
    "equivalent",
    "a",
    "an",
    "another",
    "other",
    "comparable",
    "any",
    // A category word between a name and its alternatives: "Looker or a similar BI tool such as Tableau".
    "tool",
    "tools",
    "platform",
    "platforms",
    "system",
    "systems",
    "software",
    "solution",
    "solutions",
];
/// Endings that make a list a set of alternatives even without "or" between its items ("Java, Python or
/// similar").
const TAILS: &[&str] = &[
    "or similar",
    "or a similar",
    "or equivalent",
    "or an equivalent",
    "or comparable",
    "or a comparable",
    "or other",
    "or another",
    "or any",
    // A field of study: "a degree in accounting, economics or a related field".
    "or a related",
    "or related",
    "or a relevant",
    "or relevant",
];
/// Words before a list that make it a set of alternatives ("one of Xero, Sage, QuickBooks").
const LEADS: &[&str] = &["one of", "any of", "either", "one or more of", "at least one of"];
/// Words before a slash pair of languages that ask for both ("Bilingual French/English").
const BOTH_LEADS: &[&str] = &["bilingual", "fluent in both", "both"];

/// An either/or group found in a text: the group, and the kept mentions (by index) that belong to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Group {
    pub alternatives: Alternatives,
    pub members: Vec<usize>,
}

/// The either/or groups of a text, and the mentions that only illustrate a platform.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(super) struct Grouping {
    /// Groups of alternatives.
    pub groups: Vec<Group>,
    /// Kept mentions (by index) listed in brackets as parts of the platform before them ("AWS (S3, IAM, ECS or
    /// similar)"): examples of what the platform means, not requirements of their own, nor alternatives to it.
    pub parts: Vec<usize>,
}

/// Groups of skills a text offers as alternatives: runs of mentions in one sentence joined only by separators
/// and short "or" phrases, where at least one joint says "or" (or `/`), the run ends in "or similar", or a lead
/// such as "one of" opens it. Two readings break a run: a parenthesised list of a platform's own parts ("GCP
/// (BigQuery, Pub/Sub or similar)" names parts of GCP, which `is_part` tells: they are examples, see
/// [`Grouping::parts`]), and a slash between two languages after "bilingual" (both are asked). `kept` is in text
/// order.
pub(super) fn alternative_groups(text: &str, kept: &[Kept], is_part: &dyn Fn(SkillIdx, SkillIdx) -> bool) -> Grouping {
    let mut grouping = Grouping::default();
    let mut run: Vec<usize> = Vec::new();
    let mut run_has_or = false;
    // Inside a bracket that lists a platform's parts: the parts so far, and the platform's run, set aside until
    // the bracket closes ("Looker (LookML) or a similar tool such as Tableau" goes on after it).
    let mut parts: Option<(Vec<usize>, Vec<usize>, bool)> = None;
    for (i, k) in kept.iter().enumerate() {
        if run.is_empty() && parts.is_none() {
            run.push(i);
            run_has_or = led_by_either(text, k);
        }
        // Two readings of overlapping words name one item: "Bachelor's degree in business or equivalent retail
        // management experience" reads "Bachelor's degree" and "degree in business", and both belong to the run
        // the item is in.
        let overlapping = kept.get(i + 1).is_some_and(|n| n.sentence == k.sentence && n.span.start < k.span.end);
        if overlapping && parts.is_none() {
            run.push(i + 1);
            continue;
        }
        let next = kept.get(i + 1).filter(|n| n.sentence == k.sentence && n.span.start >= k.span.end);
        let Some(next) = next else {
            // An "or similar" that closes a bracket of parts speaks of the parts, not of the platform.
            let in_parts = parts.is_some();
            if let Some((mut inside, platform, platform_or)) = parts.take() {
                inside.push(i);
                grouping.parts.extend(inside);
                run = platform;
                run_has_or = platform_or;
            }
            let tail_end = k.sentence.end.max(k.span.end).min(text.len());
            let tail = text.get(k.span.end..tail_end).unwrap_or("");
            let open = !in_parts && ends_in_or_similar(tail);
            let experience = open && offers_experience(tail);
            grouping.groups.extend(close_run(kept, &mut run, run_has_or || ends_in_or_similar(tail), open, experience));
            continue;
        };
        let gap = text.get(k.span.end..next.span.start).unwrap_or("");
        if let Some((inside, platform, platform_or)) = parts.as_mut() {
            inside.push(i);
            let Some(close) = gap.find(')') else { continue };
            // The bracket closes: its parts are examples; the platform's run goes on if what follows joins.
            grouping.parts.append(inside);
            run = std::mem::take(platform);
            run_has_or = *platform_or;
            parts = None;
            match joint(gap.get(close + 1..).unwrap_or_default()) {
                Some(says_or) => {
                    run_has_or |= says_or;
                    run.push(i + 1);
                }
                None => {
                    // What the bracket said ("… or similar)") was about its parts.
                    let after = gap.get(close + 1..).unwrap_or_default();
                    let open = ends_in_or_similar(after);
                    let experience = open && offers_experience(after);
                    grouping.groups.extend(close_run(
                        kept,
                        &mut run,
                        run_has_or || ends_in_or_similar(gap),
                        open,
                        experience,
                    ));
                    run.push(i + 1);
                    run_has_or = led_by_either(text, next);
                }
            }
            continue;
        }
        // A bracket that opens right before the next mention and is still open there: "(3+ years), SQL" closed
        // its bracket before SQL and lists nothing.
        let opens_parts = gap.trim_start().starts_with('(')
            && !gap.contains(')')
            && !opens_with_or(gap)
            && (is_part(k.skill, next.skill)
                || !offers_alternatives(text.get(next.span.start..k.sentence.end).unwrap_or("")));
        if opens_parts {
            parts = Some((Vec::new(), std::mem::take(&mut run), run_has_or));
            continue;
        }
        let both_languages = k.spoken && next.spoken && gap.trim() == "/" && led_by_both(text, k);
        match joint(gap) {
            Some(says_or) => {
                run_has_or |= says_or && !both_languages;
                run.push(i + 1);
            }
            None => {
                let open = ends_in_or_similar(gap);
                let experience = open && offers_experience(gap);
                grouping.groups.extend(close_run(kept, &mut run, run_has_or || open, open, experience));
            }
        }
    }
    grouping
}

/// Whether a lead such as "one of" stands right before the mention, in its sentence.
fn led_by_either(text: &str, k: &Kept) -> bool {
    let from = k.sentence.start.max(k.span.start.saturating_sub(24));
    let before = text.get(from..k.span.start).or_else(|| text.get(k.sentence.start..k.span.start)).unwrap_or("");
    let before = before.trim_end().trim_end_matches(':').trim_end().to_ascii_lowercase();
    LEADS.iter().any(|lead| before.ends_with(lead))
}

/// Whether "bilingual" (or "both") stands right before the mention `k` ("Bilingual French/English").
fn led_by_both(text: &str, k: &Kept) -> bool {
    let from = k.sentence.start.max(k.span.start.saturating_sub(30));
    let before = text.get(from..k.span.start).unwrap_or("").to_ascii_lowercase();
    let before = before.trim_end_matches([' ', ':', '(']);
    BOTH_LEADS.iter().any(|lead| before.ends_with(lead) || before.ends_with(&format!("{lead} in")))
}

/// Words inside brackets that offer their contents in place of what stands before ("Snowflake (BigQuery or
/// Redshift also fine)"). Brackets without them list examples or parts ("GCP (BigQuery, Pub/Sub or similar)").
const OFFER_WORDS: &[&str] =
    &["also fine", "also ok", "also acceptable", "also welcome", "acceptable", "instead", "equally"];

/// Whether the bracketed text starting at `inside` (up to its `)`) offers alternatives to what stands before it.
fn offers_alternatives(inside: &str) -> bool {
    let inside = inside.split(')').next().unwrap_or("").to_ascii_lowercase();
    OFFER_WORDS.iter().any(|w| inside.contains(w))
}

/// Whether a bracket opens with "or" ("Python (or Scala)"): what it holds replaces what stands before it.
fn opens_with_or(gap: &str) -> bool {
    let inside = gap.trim_start().trim_start_matches('(').trim_start().to_ascii_lowercase();
    inside == "or" || inside.starts_with("or ")
}

/// Whether the text between two mentions joins them into one run (only separators and [`LINK_WORDS`]), and if
/// so whether it says "or" (or `/`).
fn joint(gap: &str) -> Option<bool> {
    let gap = gap.to_ascii_lowercase();
    let words: Vec<&str> = gap.split(|c: char| !c.is_alphanumeric() && c != '.').filter(|w| !w.is_empty()).collect();
    let only_links = gap.len() <= 40 && words.iter().all(|w| LINK_WORDS.contains(&w.trim_end_matches('.')));
    let linked =
        only_links && gap.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | ',' | '(' | ')' | '/' | '.' | ':'));
    linked.then(|| words.contains(&"or") || gap.contains('/'))
}

/// Whether the text after a run starts with one of the [`TAILS`] ("or similar"), perhaps after a few names the
/// taxonomy does not know ("ServiceTitan, BuildOps or similar": BuildOps is no skill here, but the list is still
/// open).
fn ends_in_or_similar(tail: &str) -> bool {
    let starts_open = |rest: &str| {
        let rest = rest.trim_start_matches([' ', ',', '(']).to_ascii_lowercase();
        TAILS.iter().any(|t| rest.starts_with(t))
    };
    let mut rest = tail.trim_start_matches([' ', ',', '(']);
    for _ in 0..=UNKNOWN_NAMES_MAX {
        rest = rest.trim_start_matches([' ', ',']);
        if starts_open(rest) {
            return true;
        }
        // The next item: a name of a few words, capitalised, up to a comma or an "or".
        if !rest.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()) {
            return false;
        }
        let end = [rest.find(','), rest.find(" or ")].into_iter().flatten().min().unwrap_or(rest.len());
        let item = rest.get(..end).unwrap_or_default();
        if item.split_whitespace().count() > 3 || item.contains(['.', ';', ':', ')']) {
            return false;
        }
        rest = rest.get(end..).unwrap_or_default();
    }
    false
}

/// How far into an "or equivalent …" tail the word "experience" may stand: "or equivalent professional
/// experience", "or an equivalent combination of education and experience".
const EXPERIENCE_REACH: usize = 60;

/// Whether an open tail offers experience in place of the list ("a BA or equivalent experience").
fn offers_experience(tail: &str) -> bool {
    let lower = tail.to_ascii_lowercase();
    lower
        .find("experience")
        .is_some_and(|at| at <= EXPERIENCE_REACH && !lower.get(..at).unwrap_or_default().contains(['.', ';', ':', '(']))
}

/// At most this many names the taxonomy does not know may stand between a list and its "or similar".
const UNKNOWN_NAMES_MAX: usize = 3;

/// Closes a run of mentions: a group when its joints say "or" (`says_or`) or it ends in "or similar" (`open`,
/// which also makes one name a group: "ServiceTitan or similar" is answered by a similar tool). `experience`: the
/// tail offers experience in its place ("or equivalent experience").
fn close_run(kept: &[Kept], run: &mut Vec<usize>, says_or: bool, open: bool, experience: bool) -> Option<Group> {
    let mut skills: Vec<SkillIdx> = Vec::new();
    for skill in run.iter().filter_map(|&i| kept.get(i)).map(|k| k.skill) {
        if !skills.contains(&skill) {
            skills.push(skill);
        }
    }
    let members = std::mem::take(run);
    let sentence = kept.get(*members.first()?)?.sentence;
    let group = (skills.len() > 1 && (says_or || open)) || (open && !skills.is_empty());
    group.then_some(Group { alternatives: Alternatives { id: 0, skills, sentence, open, experience }, members })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn or_similar_tails() {
        const CASES: &[(&str, bool)] = &[
            (" or similar", true),
            (", or a comparable expense platform.", true),
            (", BuildOps or similar).", true),
            (", BuildOps, FieldPulse or a similar app", true),
            (" or a related field.", true),
            (" and a clean driving record.", false),
            (", Kubernetes is a plus, or similar", false),
            (". Or similar roles elsewhere", false),
        ];
        for &(tail, expected) in CASES {
            assert_eq!(ends_in_or_similar(tail), expected, "{tail:?}");
        }
    }

    #[test]
    fn joints() {
        const CASES: &[(&str, Option<bool>)] = &[
            (" or ", Some(true)),
            (", ", Some(false)),
            ("/", Some(true)),
            (" (", Some(false)),
            (", or ideally ", Some(true)),
            (" and ", None),
            (" for our ", None),
            (" - ", None),
        ];
        for &(gap, expected) in CASES {
            assert_eq!(joint(gap), expected, "{gap:?}");
        }
    }

    fn groups_of(text: &str, words: &[(&str, u32, bool)], parts: &[(u32, u32)]) -> Vec<Vec<u32>> {
        let sentence = Span::new(0, text.len());
        let kept: Vec<Kept> = words
            .iter()
            .map(|&(w, skill, spoken)| {
                let at = text.find(w).unwrap();
                Kept { span: Span::new(at, at + w.len()), sentence, skill: SkillIdx(skill), spoken }
            })
            .collect();
        let is_part = |platform: SkillIdx, part: SkillIdx| parts.contains(&(platform.0, part.0));
        alternative_groups(text, &kept, &is_part)
            .groups
            .into_iter()
            .map(|g| g.alternatives.skills.iter().map(|s| s.0).collect())
            .collect()
    }

    #[test]
    fn groups() {
        // "or" joins; "and" does not.
        assert_eq!(
            groups_of("Xero or Sage and Excel", &[("Xero", 1, false), ("Sage", 2, false), ("Excel", 3, false)], &[]),
            [vec![1, 2]]
        );
        // Overlapping readings of one item stay in its run.
        assert_eq!(
            groups_of(
                "Bachelor's degree in business or equivalent retail management experience",
                &[("Bachelor's degree", 1, false), ("degree in business", 2, false), ("retail management", 3, false)],
                &[]
            ),
            [vec![1, 2, 3]]
        );
        // A lead makes a comma list an either/or.
        assert_eq!(
            groups_of(
                "one of Revit, ArchiCAD, Vectorworks",
                &[("Revit", 1, false), ("ArchiCAD", 2, false), ("Vectorworks", 3, false)],
                &[]
            ),
            [vec![1, 2, 3]]
        );
        // A platform's parts in brackets are examples: no alternatives to the platform, nor to each other; the
        // platform's own alternatives go on after the bracket.
        assert_eq!(
            groups_of(
                "Azure (Synapse, Data Factory or similar), or AWS",
                &[("Azure", 1, false), ("Synapse", 2, false), ("Data Factory", 3, false), ("AWS", 4, false)],
                &[(1, 2), (1, 3)]
            ),
            [vec![1, 4]]
        );
        // Brackets that offer other products are alternatives.
        assert_eq!(
            groups_of(
                "Snowflake (BigQuery or Redshift also fine)",
                &[("Snowflake", 1, false), ("BigQuery", 2, false), ("Redshift", 3, false)],
                &[]
            ),
            [vec![1, 2, 3]]
        );
        // A bracket that opens with "or" offers what it holds instead.
        assert_eq!(groups_of("Python (or Scala)", &[("Python", 1, false), ("Scala", 2, false)], &[]), [vec![1, 2]]);
        // Brackets with no words that offer alternatives list parts, even when the taxonomy does not link them.
        assert_eq!(
            groups_of(
                "GCP (Dataflow, Dataproc or similar)",
                &[("GCP", 1, false), ("Dataflow", 2, false), ("Dataproc", 3, false)],
                &[]
            ),
            Vec::<Vec<u32>>::new()
        );
        // Parts at the end of a sentence are parts too.
        assert_eq!(
            groups_of(
                "AWS (S3 or Lambda)",
                &[("AWS", 1, false), ("S3", 2, false), ("Lambda", 3, false)],
                &[(1, 2), (1, 3)]
            ),
            Vec::<Vec<u32>>::new()
        );
        // After a platform's parts, the run goes on: "Looker (LookML) or a similar BI tool such as Tableau".
        assert_eq!(
            groups_of(
                "Looker (LookML) or a similar BI tool such as Tableau or Qlik",
                &[
                    ("Looker", 1, false),
                    ("LookML", 2, false),
                    ("BI", 3, false),
                    ("Tableau", 4, false),
                    ("Qlik", 5, false)
                ],
                &[(1, 2)]
            ),
            [vec![1, 3, 4, 5]]
        );
        // "Bilingual Welsh/English" asks for both.
        assert_eq!(
            groups_of("Bilingual Welsh/English", &[("Welsh", 1, true), ("English", 2, true)], &[]),
            Vec::<Vec<u32>>::new()
        );
        assert_eq!(groups_of("Welsh/English", &[("Welsh", 1, true), ("English", 2, true)], &[]), [vec![1, 2]]);
    }

    #[test]
    fn experience_in_place_of_a_credential() {
        for (tail, expected) in [
            (" or equivalent experience.", true),
            (", or an equivalent combination of education and experience", true),
            (" or equivalent professional experience", true),
            (" or similar. 5+ years of experience", false),
            (" or equivalent", false),
        ] {
            assert_eq!(offers_experience(tail), expected, "{tail:?}");
        }
    }

    #[test]
    fn tails() {
        const CASES: &[(&str, bool)] = &[
            (" or similar.", true),
            (", or equivalent", true),
            (" (or comparable)", true),
            (" or a comparable system", true),
            (" and more", false),
            ("", false),
        ];
        for &(tail, expected) in CASES {
            assert_eq!(ends_in_or_similar(tail), expected, "{tail:?}");
        }
    }
}
