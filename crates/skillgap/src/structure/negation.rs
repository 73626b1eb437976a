//! Negation: words that say a skill is not asked ("German is not required", "No Java needed", "Prior Salesforce
//! experience is not necessary", "Spanish is a plus but not essential").
//!
//! Each cue is a rule of its own, tried in [`RULES`] order on the sentence around a mention; the first that fires
//! gives the cue's words, which the mention keeps so that a reader can see why it was not counted.

use super::cues::CueSet;

/// Words after a skill that say it is not asked.
const AFTER: CueSet = CueSet::new(&[
    "not required",
    "not necessary",
    "not needed",
    "not essential",
    "not a must",
    "not mandatory",
    "not compulsory",
    "not expected",
    "not a requirement",
    "not a prerequisite",
    "isn't required",
    "isn't necessary",
    "isn't needed",
    "isn't essential",
    "aren't required",
    "aren't necessary",
    "aren't needed",
    "no longer required",
]);

/// Words before a skill that say it is not asked, on their own ("no need for Java", "you don't need Java").
const BEFORE: CueSet = CueSet::new(&[
    "no need for",
    "no need to know",
    "no need to have",
    "don't need",
    "do not need",
    "doesn't need",
    "does not need",
    "don't have to know",
    "do not have to know",
    "need not",
    "needn't",
    "without any",
    "no prior",
    "no previous",
]);

/// Words after "no ... " that close the cue: "No Java needed", "No prior experience with Excel required".
const NO_CLOSERS: &[&str] = &["needed", "required", "necessary", "expected", "essential"];

/// Words between a skill and a negation that show the negation belongs to another clause: "SQL is required and
/// Java is not necessary" asks for SQL.
const ASKING: &[&str] = &["required", "must", "essential", "mandatory", "need", "needs", "needed", "necessary"];

/// Words after a negation that take it back: "not required but preferred" still asks, as a preference.
const TAKEN_BACK: &[&str] =
    &["but preferred", "but a plus", "but desirable", "but an advantage", "but helpful", "but nice"];

/// The farthest a cue may stand from the skill it negates, in bytes.
const MAX_REACH: usize = 60;

/// A negation rule: given the lowercased sentence, the mention's span in it and the mention's clause, the cue's
/// span in the sentence.
type Rule = fn(&Around<'_>) -> Option<(usize, usize)>;

/// A mention in its sentence, as the rules read it.
#[derive(Debug)]
struct Around<'a> {
    /// The sentence, lowercased (ASCII only, so offsets hold).
    lower: &'a str,
    start: usize,
    end: usize,
    /// The clause the mention sits in (see [`clause`]), found once for the rules that need it.
    clause: (usize, usize),
}

/// Every negation rule, in the order they are tried.
const RULES: &[(&str, Rule)] = &[
    ("negated after", negated_after),
    ("no ... needed", no_needed),
    ("negated before", negated_before),
    ("elliptic", elliptic),
];

/// The negation cue for the mention at `[start, end)` of `sentence` (offsets relative to it), as a span of the
/// sentence, or `None` when nothing negates it.
pub fn negation_cue(sentence: &str, start: usize, end: usize) -> Option<(usize, usize)> {
    if !sentence.is_char_boundary(start) || !sentence.is_char_boundary(end) || start > end {
        return None;
    }
    // Every cue holds "no", "n't" or "without" ("not", "no need", "don't"): most sentences have none, and cost
    // no copy.
    if !may_negate(sentence) {
        return None;
    }
    let lower = sentence.to_ascii_lowercase();
    let around = Around { lower: &lower, start, end, clause: clause(&lower, start, end) };
    RULES.iter().find_map(|(_, rule)| rule(&around))
}

/// Whether `sentence` holds "no" (in any ASCII case), "without" (likewise), "n't" or "n’t": one pass over its bytes,
/// stopping only at an "n" or a "w". When not, [`negation_cue`] finds nothing in it for any mention, and a caller
/// that reads many mentions of one sentence may ask once.
pub(crate) fn may_negate(sentence: &str) -> bool {
    let bytes = sentence.as_bytes();
    (0..bytes.len()).any(|i| {
        let Some((&first, after)) = bytes.get(i..).and_then(<[u8]>::split_first) else { return false };
        match first {
            b'n' | b'N' => {
                after.first().is_some_and(|b| b.eq_ignore_ascii_case(&b'o'))
                    || (first == b'n' && (after.starts_with(b"'t") || after.starts_with("’t".as_bytes())))
            }
            b'w' | b'W' => bytes.get(i..i + 7).is_some_and(|w| w.eq_ignore_ascii_case(b"without")),
            _ => false,
        }
    })
}

/// The clause a mention sits in, as (start, end): the sentence cut at `;`, `:` and words that open a contrast.
fn clause(lower: &str, start: usize, end: usize) -> (usize, usize) {
    // With ";", which a character search finds.
    const BREAKS: CueSet = CueSet::new(&[": ", " but ", " however", " although", " whereas", " while ", " though "]);
    let before = lower.get(..start).unwrap_or_default();
    let s = before.rfind(';').map(|i| i + 1).max(BREAKS.last_end_in(before)).unwrap_or(0);
    let after = lower.get(end..).unwrap_or_default();
    let first = match (after.find(';'), BREAKS.first_in(after).map(|(i, _)| i)) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    let e = first.map_or(lower.len(), |i| end + i);
    (s, e)
}

/// Whether `between` holds a word that asks for something.
fn asks(between: &str) -> bool {
    between.split(|c: char| !c.is_alphanumeric()).any(|w| ASKING.contains(&w))
}

/// "German is not required", "Prior Salesforce experience is not necessary", "Spanish is a plus but not
/// essential": a negation after the skill, with nothing between that asks for it.
fn negated_after(around: &Around<'_>) -> Option<(usize, usize)> {
    let &Around { lower, end, .. } = around;
    let window_end = floor_boundary(lower, (end + MAX_REACH).min(lower.len()));
    let window = lower.get(end..window_end)?;
    let (at, cue) = AFTER.first_in(window)?;
    let between = window.get(..at)?;
    // A new sentence or a clause that asks for something else stands between; so does a comma or "however",
    // unless it only leads to "but not" ("Spanish is a plus, but not essential").
    let leads_to_but = [" but", ",but", " though", " although", " yet"].iter().any(|w| between.trim_end().ends_with(w));
    let new_clause = between.contains(',') || between.contains(" however");
    if between.contains(['.', ';']) || asks(between) || (new_clause && !leads_to_but) {
        return None;
    }
    let cue_end = end + at + cue.len();
    let rest = lower.get(cue_end..)?.trim_start_matches([' ', ',']);
    if TAKEN_BACK.iter().any(|t| rest.starts_with(t)) {
        return None;
    }
    Some((end + at, cue_end))
}

/// "No Java needed", "No prior experience with Excel required": "no" before the skill and a closing word after
/// it, within one clause.
fn no_needed(around: &Around<'_>) -> Option<(usize, usize)> {
    let &Around { lower, start, end, clause: (cs, ce) } = around;
    // The clause may open with a bullet or dash: "- No Java needed".
    let before = lower.get(cs..start)?;
    let bare = before.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '+' | '•' | '·' | '–'));
    let no_at = bare.split_whitespace().next().filter(|w| *w == "no").map(|_| start - bare.len())?;
    // "No weekend work, Excel required": the "no" belongs to another item of the clause.
    if start - no_at > MAX_REACH || lower.get(no_at..start)?.contains(',') {
        return None;
    }
    let after = lower.get(end..ce)?;
    let words: Vec<&str> = after.split(|ch: char| !ch.is_alphanumeric()).collect();
    let (at, closer) =
        NO_CLOSERS.iter().filter(|c| words.contains(c)).filter_map(|c| after.find(c).map(|i| (i, *c))).min()?;
    (at <= MAX_REACH).then_some((no_at, end + at + closer.len()))
}

/// "No need for Java", "you don't need Python for this role": a negation before the skill, in its clause.
fn negated_before(around: &Around<'_>) -> Option<(usize, usize)> {
    let &Around { lower, start, clause: (cs, _), .. } = around;
    let window_start = floor_boundary(lower, start.saturating_sub(MAX_REACH)).max(cs);
    let window = lower.get(window_start..start)?;
    let (at, cue) = BEFORE.last_in(window)?;
    let between = without_brackets(window.get(at + cue.len()..)?);
    if between.contains([',', '.', ';', '(']) || asks(&between) {
        return None;
    }
    Some((window_start + at, window_start + at + cue.len()))
}

/// `between` without its closed bracketed asides, and without a bracket opened right before the skill: "You do not
/// need a scaffolding (CISRS) or plant operator (CPCS/NPORS) card" negates all four names. A bracket left open
/// elsewhere stays, and still stops the negation.
fn without_brackets(between: &str) -> String {
    let mut out = String::with_capacity(between.len());
    let mut depth = 0usize;
    let mut held = String::new();
    for c in between.chars() {
        match c {
            '(' => {
                depth += 1;
                held.push(c);
            }
            ')' if depth > 0 => {
                depth -= 1;
                if depth == 0 {
                    held.clear();
                }
            }
            _ if depth > 0 => held.push(c),
            _ => out.push(c),
        }
    }
    // An aside still open at the skill: what it held before the skill counts, its bracket does not.
    out.push_str(held.trim_start_matches('('));
    out
}

/// "SQL is required; Java is not.": "is not" closing the skill's clause.
fn elliptic(around: &Around<'_>) -> Option<(usize, usize)> {
    let &Around { lower, end, clause: (_, ce), .. } = around;
    let tail = lower.get(end..ce)?.trim_end_matches(['.', ' ', ')', '!']);
    ["is not", "isn't", "are not", "aren't"]
        .iter()
        .find(|cue| tail.ends_with(*cue) && tail.len() - cue.len() <= 12)
        .map(|cue| (end + tail.len() - cue.len(), end + tail.len()))
}

/// The largest char boundary at or below `i`.
fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_negation_prefilter_agrees_with_substring_search() {
        const TEXTS: &[&str] = &[
            "",
            "n",
            "No",
            "nO Java",
            "knowledge",
            "WITHOUT",
            "with out",
            "don't",
            "DON'T",
            "won’t",
            "Java",
            "Wn",
            "ñ no",
            "ends with w",
            "N'T",
        ];
        for text in TEXTS {
            let bytes = text.as_bytes();
            let expected = bytes.windows(2).any(|w| w.eq_ignore_ascii_case(b"no"))
                || bytes.windows(7).any(|w| w.eq_ignore_ascii_case(b"without"))
                || text.contains("n't")
                || text.contains("n’t");
            assert_eq!(may_negate(text), expected, "{text:?}");
        }
    }

    struct Case {
        sentence: &'static str,
        skill: &'static str,
        cue: Option<&'static str>,
    }

    const CASES: &[Case] = &[
        Case { sentence: "Welsh is not required for this post.", skill: "Welsh", cue: Some("not required") },
        Case {
            sentence: "No forklift licence needed, we train you.",
            skill: "forklift licence",
            cue: Some("No forklift licence needed"),
        },
        Case {
            sentence: "Previous Workday experience is not necessary.",
            skill: "Workday",
            cue: Some("not necessary"),
        },
        Case { sentence: "Mandarin is a plus but not essential.", skill: "Mandarin", cue: Some("not essential") },
        Case {
            sentence: "Mandarin would be a plus, though not essential.",
            skill: "Mandarin",
            cue: Some("not essential"),
        },
        Case { sentence: "There is no need for Python in this role.", skill: "Python", cue: Some("no need for") },
        Case { sentence: "You don't need AutoCAD on day one.", skill: "AutoCAD", cue: Some("don't need") },
        // Bracketed asides inside the negated list.
        Case {
            sentence: "You do not need a scaffolding (CISRS) or plant operator (CPCS/NPORS) card.",
            skill: "CISRS",
            cue: Some("do not need"),
        },
        Case {
            sentence: "You do not need a scaffolding (CISRS) or plant operator (CPCS/NPORS) card.",
            skill: "NPORS",
            cue: Some("do not need"),
        },
        Case {
            sentence: "You do not need a scaffolding (CISRS) or plant operator (CPCS/NPORS) card.",
            skill: "plant operator",
            cue: Some("do not need"),
        },
        // A bracket that opens a new thought still stops it.
        Case { sentence: "You don't need Java (but Python, SQL and Go are required).", skill: "Go", cue: None },
        Case {
            sentence: "No prior experience with QuickBooks required.",
            skill: "QuickBooks",
            cue: Some("No prior experience with QuickBooks required"),
        },
        Case { sentence: "Excel is required; Tableau is not.", skill: "Tableau", cue: Some("is not") },
        Case { sentence: "Excel is required; Tableau is not.", skill: "Excel", cue: None },
        Case { sentence: "SQL is required and Kotlin is not necessary.", skill: "SQL", cue: None },
        Case { sentence: "SQL is required and Kotlin is not necessary.", skill: "Kotlin", cue: Some("not necessary") },
        Case { sentence: "Scrum is not required but preferred.", skill: "Scrum", cue: None },
        Case { sentence: "A CDL is required, no exceptions.", skill: "CDL", cue: None },
        Case { sentence: "Strong Excel skills are essential.", skill: "Excel", cue: None },
        Case { sentence: "Experience with Jira or Asana is not required.", skill: "Jira", cue: Some("not required") },
        Case {
            sentence: "No degree required, but first aid certification is essential.",
            skill: "first aid",
            cue: None,
        },
    ];

    #[test]
    fn negation_cues() {
        for case in CASES {
            let start = case.sentence.find(case.skill).unwrap();
            let got = negation_cue(case.sentence, start, start + case.skill.len()).map(|(s, e)| &case.sentence[s..e]);
            assert_eq!(got, case.cue, "{} / {}", case.sentence, case.skill);
        }
    }

    #[test]
    fn odd_spans_do_not_panic() {
        for s in ["", "no", "é not required", "not required é", "No é needed"] {
            for start in 0..=s.len() {
                for end in start..=s.len() {
                    let _ = negation_cue(s, start, end);
                }
            }
        }
    }
}
