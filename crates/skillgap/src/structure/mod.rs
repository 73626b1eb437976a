//! Document structure: lines, headings, sections, sentences, requirement cues and years of experience.
//!
//! All offsets are byte offsets into the original text. The reading rules around a mention live in rooms of their
//! own: [`negation`] (what is not asked), [`years`] (which skills a years phrase governs), [`names`] (organisation
//! names that hold a skill word) and [`roles`] (a CV's dated roles, for years of use). The cue phrase lists are read
//! in one pass per list by a `CueSet` (`cues`).

pub(crate) mod cues;
pub(crate) mod names;
pub(crate) mod negation;
pub(crate) mod roles;
pub(crate) mod years;

use serde::Serialize;

use self::cues::{lowercases_to_ascii_alone, CueSet};
use crate::span::Span;

/// The kind of section a line sits in, from the nearest heading above it (or an inline label such as
/// `Skills: ...`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum SectionKind {
    /// Before any heading.
    Body,
    /// A summary, profile or "about me".
    Summary,
    /// A skills list ("Skills", "Technical skills", "Tools").
    Skills,
    /// Work experience or employment history.
    Experience,
    /// Education.
    Education,
    /// Certifications and licences.
    Certifications,
    /// A posting's requirements ("Requirements", "What you bring", "Must have").
    Requirements,
    /// A posting's nice-to-haves ("Nice to have", "Preferred", "Bonus points").
    Preferred,
    /// A posting's responsibilities ("What you'll do").
    Responsibilities,
    /// Benefits and perks: skills named here are not asked of the candidate.
    Benefits,
    /// About the company.
    About,
    /// A heading that is none of the above.
    Other,
}

/// Heading words of preferred sections.
const PREFERRED_HEADINGS: CueSet = CueSet::new(&[
    "nice to have",
    "nice-to-have",
    "preferred",
    "bonus",
    "desirable",
    "good to have",
    "plus if",
    "extra credit",
    "ideally",
]);

/// Heading words of benefits sections.
const BENEFITS_HEADINGS: CueSet = CueSet::new(&[
    "benefit",
    "perks",
    "what we offer",
    "we offer",
    "compensation",
    "why join",
    "why you'll love",
    "in it for you",
    "what you get",
    "what you'll get",
    "salary",
]);

/// Heading words of requirements sections.
const REQUIREMENTS_HEADINGS: CueSet = CueSet::new(&[
    "requirement",
    "qualification",
    "must have",
    "must-have",
    "what you bring",
    "what you'll bring",
    "what we're looking for",
    "what we are looking for",
    "looking for",
    "who you are",
    "about you",
    "your profile",
    "you have",
    "you bring",
    "you'll need",
    "what you need",
    "essential",
]);

/// Heading words of certifications sections.
const CERTIFICATIONS_HEADINGS: CueSet =
    CueSet::new(&["certification", "certificate", "licens", "licenc", "credential"]);

/// Heading words of skills sections.
const SKILLS_HEADINGS: CueSet = CueSet::new(&[
    "skill",
    "competenc",
    "technolog",
    "tools",
    "tech stack",
    "toolbox",
    "expertise",
    "proficienc",
    "languages",
]);

/// Heading words of responsibilities sections.
const RESPONSIBILITIES_HEADINGS: CueSet = CueSet::new(&[
    "responsibilit",
    "what you'll do",
    "what you will do",
    "the role",
    "your role",
    "duties",
    "day to day",
    "day-to-day",
    "you will",
]);

/// Heading words of experience sections.
const EXPERIENCE_HEADINGS: CueSet =
    CueSet::new(&["experience", "employment", "work history", "career", "professional background", "positions"]);

/// Heading words of education sections.
const EDUCATION_HEADINGS: CueSet = CueSet::new(&["education", "academic", "degree", "training"]);

/// Heading words of summary sections.
const SUMMARY_HEADINGS: CueSet = CueSet::new(&["summary", "profile", "about me", "objective", "overview"]);

/// Heading words of about sections.
const ABOUT_HEADINGS: CueSet =
    CueSet::new(&["about us", "about the company", "who we are", "our company", "company", "about "]);

impl SectionKind {
    /// Classifies a heading or label text.
    pub fn classify(heading: &str) -> Option<SectionKind> {
        let h = heading.to_lowercase();
        // Each list is read in one pass over the heading (classify runs on every plain line, twice).
        let has = |words: &CueSet| words.any_in(&h);
        // Order matters: "preferred qualifications" is Preferred, "skills & experience" is Skills.
        let kind = if has(&PREFERRED_HEADINGS) {
            SectionKind::Preferred
        } else if has(&BENEFITS_HEADINGS) {
            SectionKind::Benefits
        } else if has(&REQUIREMENTS_HEADINGS) {
            SectionKind::Requirements
        } else if has(&CERTIFICATIONS_HEADINGS) {
            SectionKind::Certifications
        } else if has(&SKILLS_HEADINGS) {
            SectionKind::Skills
        } else if has(&RESPONSIBILITIES_HEADINGS) {
            SectionKind::Responsibilities
        } else if has(&EXPERIENCE_HEADINGS) {
            SectionKind::Experience
        } else if has(&EDUCATION_HEADINGS) {
            SectionKind::Education
        } else if has(&SUMMARY_HEADINGS) {
            SectionKind::Summary
        } else if has(&ABOUT_HEADINGS) {
            SectionKind::About
        } else {
            return None;
        };
        Some(kind)
    }
}

/// How strongly a target asks for a skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Requirement {
    /// Named, but said not to be needed ("German is not required", "No Java needed"): not asked.
    NotRequired,
    /// Named, with no stated weight (a bio, a responsibility).
    Mentioned,
    /// Preferred, nice to have, a plus.
    Preferred,
    /// Required, must have, or listed under requirements.
    Required,
}

/// One line of the original text.
#[derive(Debug, Clone)]
pub(crate) struct Line {
    /// The line's bytes, without its line break.
    pub span: Span,
    /// The section the line belongs to.
    pub section: SectionKind,
    /// Whether the line is a heading.
    pub heading: bool,
}

/// The lines of a document, with their sections.
#[derive(Debug, Default, Clone)]
pub(crate) struct Structure {
    pub lines: Vec<Line>,
}

impl Structure {
    pub fn refill(&mut self, text: &str) {
        self.lines.clear();
        let mut section = SectionKind::Body;
        // The markdown level of the heading that opened `section` (1 for other heading styles).
        let mut level = 0;
        let mut start = 0;
        for raw in text.split_inclusive('\n') {
            let end = start + raw.len();
            let content = raw.trim_end_matches(['\n', '\r']);
            let line_end = start + content.len();
            let (heading, kind) = heading_kind(content);
            let line_section = if heading {
                let this_level = content.trim_start().bytes().take_while(|&b| b == b'#').count().max(1);
                match kind {
                    Some(kind) => {
                        section = kind;
                        level = this_level;
                    }
                    // "### Data Engineer, Acme" under "## Experience" stays in Experience.
                    None if this_level > level && level > 0 => {}
                    None => {
                        section = SectionKind::Other;
                        level = this_level;
                    }
                }
                section
            } else {
                inline_label(content).unwrap_or(section)
            };
            self.lines.push(Line { span: Span::new(start, line_end), section: line_section, heading });
            start = end;
        }
    }

    /// The line holding byte `offset`.
    pub fn line_at(&self, offset: usize) -> Option<&Line> {
        let i = self.lines.partition_point(|l| l.span.end < offset);
        self.lines.get(i)
    }

    /// The span of the line at `offset` together with the lines a hard wrap split from it: a sentence of a
    /// summary or a bullet wrapped at a fixed width ("…and to start\nthe CPCU.") is read whole, so a goal, a
    /// negation or a requirement cue on one line governs the skill on the next. See [`continues`].
    pub fn wrapped_line_at(&self, text: &str, offset: usize) -> Option<Span> {
        let i = self.lines.partition_point(|l| l.span.end < offset);
        let line = self.lines.get(i)?;
        // No further than a sentence may reach (see `sentence_around`): a long unpunctuated text stays linear.
        let near = |l: Option<&Line>| {
            l.is_some_and(|l| l.span.end + MAX_SENTENCE_REACH >= offset && l.span.start <= offset + MAX_SENTENCE_REACH)
        };
        let mut first = i;
        while first > 0 && near(self.lines.get(first - 1)) && self.continues(text, first) {
            first -= 1;
        }
        let mut last = i;
        while near(self.lines.get(last + 1)) && self.continues(text, last + 1) {
            last += 1;
        }
        let start = self.lines.get(first).map_or(line.span.start, |l| l.span.start);
        let end = self.lines.get(last).map_or(line.span.end, |l| l.span.end);
        Some(Span::new(start, end))
    }

    /// Whether line `i` continues the sentence of line `i - 1`, which a hard wrap broke: neither is a heading or
    /// blank, both are in one section, the earlier one stops mid-sentence (no closing punctuation) and the later one
    /// starts in lower case, not as a list item, outside a skills section. A capitalised next line is left alone: it may be a new item of an
    /// unpunctuated list.
    fn continues(&self, text: &str, i: usize) -> bool {
        let (Some(previous), Some(line)) = (i.checked_sub(1).and_then(|p| self.lines.get(p)), self.lines.get(i)) else {
            return false;
        };
        // A skills list written one item a line ("python\nsql") is a list, not a sentence.
        if previous.heading || line.heading || previous.section != line.section || line.section == SectionKind::Skills {
            return false;
        }
        let before = text.get(previous.span.range()).unwrap_or_default();
        let after = text.get(line.span.range()).unwrap_or_default();
        wraps_a_sentence(before, after)
    }
}

/// Whether a line break between `before` and `after` only wraps a sentence: the text before stops mid-sentence
/// (a letter, digit or comma) and the text after starts in lower case.
pub(crate) fn wraps_a_sentence(before: &str, after: &str) -> bool {
    // Spaces only: a blank line between them ends the sentence.
    let open_end =
        before.trim_end_matches([' ', '\t', '\r']).chars().next_back().is_some_and(|c| c.is_alphanumeric() || c == ',');
    open_end && after.trim_start_matches([' ', '\t']).chars().next().is_some_and(char::is_lowercase)
}

/// Whether a line is a heading, and which section it opens.
fn heading_kind(line: &str) -> (bool, Option<SectionKind>) {
    let t = line.trim();
    if t.is_empty() || t.len() > 80 {
        return (false, None);
    }
    let stripped = t.trim_start_matches('#').trim();
    let markdown = t.starts_with('#') && stripped.len() < t.len();
    let bold = (t.starts_with("**") && t.ends_with("**") && t.len() > 4)
        || (t.starts_with("__") && t.ends_with("__") && t.len() > 4);
    let inner = stripped.trim_matches(['*', '_', ' ']);
    // The tests below compare the count with 8 at most: counting stops there, and only when a test needs it.
    let words_up_to_9 = || inner.split_whitespace().take(9).count();
    let colon = inner.ends_with(':');
    let inner = inner.trim_end_matches(':').trim();
    // Cheapest tests first: most lines are too long, or have a lowercase letter early on.
    let caps = || {
        inner.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
            && words_up_to_9() <= 6
            && inner.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && !is_unnamed_list(inner)
    };
    if markdown || bold || (colon && words_up_to_9() <= 8) || caps() {
        return (true, SectionKind::classify(inner));
    }
    // A short line with no sentence punctuation that names a known section ("Requirements", "Nice to have").
    let plain =
        !inner.ends_with(['.', ',', ';', '!', '?']) && !t.starts_with(['-', '*', '+', '•']) && words_up_to_9() <= 5;
    // Most lines are bullets or sentences: only a plain line is worth classifying.
    match plain.then(|| SectionKind::classify(inner)).flatten() {
        Some(kind) => (true, Some(kind)),
        None => (false, None),
    }
}

/// Whether a line is a comma (or semicolon, or pipe) separated list that names no section: "SQL, AWS, GCP,
/// ETL" is a list of skills written in capitals, not a heading, while "SKILLS, TOOLS & TECHNOLOGIES" still names
/// one.
fn is_unnamed_list(line: &str) -> bool {
    let items = line.split([',', ';', '|']).filter(|item| !item.trim().is_empty()).count();
    items >= 2 && SectionKind::classify(line).is_none()
}

/// A label at the start of a line ("Skills: Python, SQL", "Nice to have: Go").
fn inline_label(line: &str) -> Option<SectionKind> {
    let t = line.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '+' | '•' | '#'));
    let (label, rest) = t.split_once(':')?;
    if label.len() > 40 {
        return None;
    }
    let label = label.trim_matches(|c: char| c == '*' || c == '_' || c.is_whitespace());
    if rest.trim().is_empty() || label.is_empty() || label.split_whitespace().count() > 4 {
        return None;
    }
    SectionKind::classify(label)
}

/// How far a sentence reaches either side of a mention, in bytes.
const MAX_SENTENCE_REACH: usize = 400;

/// The largest char boundary at or below `i`.
fn floor_char_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

/// The sentence around `mention` within `line`: split at `. `, `! `, `? ` and `; `.
pub(crate) fn sentence_around(text: &str, line: Span, mention: Span) -> Span {
    let (line_start, line_end) = (line.start, line.end);
    let (start, end) = (mention.start, mention.end);
    let bytes = text.as_bytes();
    let is_stop = |i: usize| {
        matches!(bytes.get(i), Some(b'.' | b'!' | b'?' | b';'))
            && (i + 1 >= line_end || matches!(bytes.get(i + 1), Some(b' ' | b'\t')))
    };
    // A "sentence" longer than this either way is a wall of text with no stops: cut it, so that work per mention
    // stays bounded (a 20 MB file with no full stops would otherwise be quadratic).
    let floor = floor_char_boundary(text, start.saturating_sub(MAX_SENTENCE_REACH)).max(line_start);
    let ceiling = floor_char_boundary(text, end.saturating_add(MAX_SENTENCE_REACH).min(line_end)).max(end);
    let mut s = start;
    while s > floor && !is_stop(s - 1) {
        s -= 1;
    }
    let mut e = end;
    while e < ceiling && !is_stop(e) {
        e += 1;
    }
    if e < ceiling {
        e += 1;
    }
    // Land on character boundaries (the scan moves byte by byte; stops and spaces are ASCII).
    while !text.is_char_boundary(s) {
        s += 1;
    }
    while !text.is_char_boundary(e) {
        e += 1;
    }
    // Trim the spaces left by the split.
    while s < e && bytes.get(s).is_some_and(u8::is_ascii_whitespace) {
        s += 1;
    }
    Span::new(s, e)
}

/// The clause around `mention` within its `sentence`: split at commas, brackets, colons and semicolons.
pub(crate) fn clause_around(text: &str, sentence: Span, mention: Span) -> &str {
    // Punctuation, and the separators of a one-line list ("RDH · BLS · ACLS", "SQL | Python").
    let delimiter = |c: char| matches!(c, ',' | '(' | ')' | ';' | ':' | '[' | ']' | '·' | '•' | '|');
    let before = text.get(sentence.start..mention.start).unwrap_or_default();
    let after = text.get(mention.end..sentence.end).unwrap_or_default();
    let s = before
        .char_indices()
        .rev()
        .find(|&(_, c)| delimiter(c))
        .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8());
    let e = after.find(delimiter).map_or(sentence.end, |i| mention.end + i);
    text.get(s..e).unwrap_or_default()
}

/// Words that say a sentence asks for something as a preference.
const PREFERRED_CUES: CueSet = CueSet::new(&[
    "nice to have",
    "nice-to-have",
    "preferred",
    "a plus",
    "is a bonus",
    "bonus point",
    "ideally",
    "desirable",
    "advantageous",
    "an advantage",
    "good to have",
    "would be great",
    "optional",
]);

/// Words that say a sentence asks for something as a requirement.
const REQUIRED_CUES: CueSet = CueSet::new(&[
    "required",
    "requirement",
    "must ",
    "must-have",
    "essential",
    "mandatory",
    "minimum",
    "at least",
    "you have",
    "you bring",
    "you'll need",
    "you will need",
    "we need",
    "need to have",
]);

/// The requirement a sentence states by its own words, if any: a preference cue wins over a requirement cue.
pub(crate) fn requirement_cue(sentence: &str) -> Option<Requirement> {
    // Most sentences are read as written, with no lowercased copy: the cue lists are lowercase ASCII, and a
    // number of years needs a unit first, which `find_years_unit` finds in any case.
    if lowercases_to_ascii_alone(sentence) {
        return if PREFERRED_CUES.any_in_any_case(sentence) {
            Some(Requirement::Preferred)
        } else if REQUIRED_CUES.any_in_any_case(sentence)
            || (find_years_unit(sentence).is_some() && years_in(&lowercase(sentence)).next().is_some())
        {
            Some(Requirement::Required)
        } else {
            None
        };
    }
    requirement_cue_lowercased(sentence)
}

/// [`requirement_cue`] as it reads a lowercased copy of `sentence`, which every sentence once took.
fn requirement_cue_lowercased(sentence: &str) -> Option<Requirement> {
    let s = lowercase(sentence);
    if PREFERRED_CUES.any_in(&s) {
        Some(Requirement::Preferred)
    } else if REQUIRED_CUES.any_in(&s) || years_in(&s).next().is_some() {
        Some(Requirement::Required)
    } else {
        None
    }
}

/// `text` lowercased: `str::to_lowercase`, which decodes every character (about six instructions a byte), or for
/// ASCII text, which most is, the same bytes lowercased a byte at a time.
fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        text.to_ascii_lowercase()
    } else {
        text.to_lowercase()
    }
}

/// Whether `sentence` may hold an "N years" phrase: when not, [`years_for`] finds none in it, and a caller that
/// reads many mentions of one sentence need not ask for each.
pub(crate) fn may_hold_years(sentence: &str) -> bool {
    find_years_unit(sentence).is_some()
}

/// Words that say a credential is being worked towards rather than held.
const IN_PROGRESS_CUES: CueSet = CueSet::new(&[
    "candidate",
    "studying",
    "pursuing",
    "in progress",
    "in-progress",
    "expected",
    "working towards",
    "working toward",
    "preparing for",
    "enrolled",
    "currently completing",
    "anticipated",
    "sections passed",
    "parts passed",
    "exams passed",
    "due to complete",
    "completing my",
    "ongoing",
]);

/// Separators between the items of a one-line list ("RDH · BLS · Local anesthesia course: enrolled").
const LIST_ITEM_SEPARATORS: &[char] = &['·', '•', '|', ';'];

/// Whether the clause (or, failing a cue there, the rest of its list item or sentence) says a credential is not
/// yet held. When the sentence is a one-line list, only the item holding the clause counts: "BLS · Local
/// anesthesia course: enrolled" shows BLS held and the course in progress.
pub(crate) fn in_progress_cue(clause: &str, sentence: &str) -> bool {
    let has = |s: &str| {
        if lowercases_to_ascii_alone(s) {
            IN_PROGRESS_CUES.any_in_any_case(s)
        } else {
            IN_PROGRESS_CUES.any_in(&lowercase(s))
        }
    };
    has(clause) || has(list_item_around(clause, sentence))
}

/// The part of `sentence` between the list separators on either side of `clause` (the whole sentence when the
/// clause is not found in it or the sentence has no separators).
fn list_item_around<'a>(clause: &str, sentence: &'a str) -> &'a str {
    let Some(at) = sentence.find(clause) else { return sentence };
    let (before, after) = sentence.split_at(at);
    let start = before
        .char_indices()
        .rev()
        .find(|(_, c)| LIST_ITEM_SEPARATORS.contains(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let end = after
        .get(clause.len()..)
        .and_then(|rest| rest.find(LIST_ITEM_SEPARATORS))
        .map_or(sentence.len(), |i| at + clause.len() + i);
    sentence.get(start..end).unwrap_or(sentence)
}

/// Years attached to `mention`: the nearest "N years" phrase before it in its `sentence` that governs it (see
/// [`years::years_govern`]: "6+ years of Java, and exposure to Kafka" gives Kafka none), or one right after it in
/// brackets or after a dash ("Python (5 years)", "SQL - 3 yrs").
pub(crate) fn years_for(text: &str, sentence: Span, mention: Span) -> Option<u8> {
    let mut before = None;
    for (number_at, unit_end, n) in years_in(&text[sentence.range()]) {
        let (number_at, unit_end) = (sentence.start + number_at, sentence.start + unit_end);
        if unit_end <= mention.start {
            let between = text.get(unit_end..mention.start).unwrap_or_default().trim_start_matches(['\'', '’']);
            before = years::years_govern(between).then_some(n);
        } else if number_at >= mention.end {
            let gap = text.get(mention.end..number_at).unwrap_or_default().trim();
            if gap.is_empty() || gap == "(" || gap == "-" || gap == "–" || gap == ":" || gap == "," {
                return Some(n);
            }
            break;
        }
    }
    before
}

/// Numbers written as words before a unit: "five years", "Fourteen years in claims".
const NUMBER_WORDS: &[(&str, u8)] = &[
    ("one", 1),
    ("two", 2),
    ("three", 3),
    ("four", 4),
    ("five", 5),
    ("six", 6),
    ("seven", 7),
    ("eight", 8),
    ("nine", 9),
    ("ten", 10),
    ("eleven", 11),
    ("twelve", 12),
    ("thirteen", 13),
    ("fourteen", 14),
    ("fifteen", 15),
    ("sixteen", 16),
    ("seventeen", 17),
    ("eighteen", 18),
    ("nineteen", 19),
    ("twenty", 20),
    ("thirty", 30),
];

/// Every "N years" phrase in `s`: (byte offset of the number, byte offset after the unit, N). For ranges ("3-5
/// years", "3 to 5 years") N is the lower bound.
pub(crate) fn years_in(s: &str) -> impl Iterator<Item = (usize, usize, u8)> + '_ {
    let lower = s.as_bytes();
    let mut from = 0;
    std::iter::from_fn(move || {
        while from < lower.len() {
            let at = from + find_years_unit(s.get(from..).unwrap_or_default())?;
            let unit_end =
                s.get(at..).unwrap_or_default().find(|c: char| !c.is_ascii_alphabetic()).map_or(s.len(), |e| at + e);
            from = unit_end.max(at + 1);
            if let Some((number_at, n)) = number_before(s, at) {
                return Some((number_at, unit_end, n));
            }
        }
        None
    })
}

/// Where the first of "year", "yrs" or "yr " starts in `haystack`, in any ASCII case: a tight scan for a "y" (this
/// runs on every sentence that names a skill), then the units compared there.
fn find_years_unit(haystack: &str) -> Option<usize> {
    let h = haystack.as_bytes();
    let mut from = 0;
    // `b | 0x20` is `b'y'` exactly for "y" and "Y".
    while let Some(offset) = h.get(from..)?.iter().position(|&b| b | 0x20 == b'y') {
        let at = from + offset;
        let rest = h.get(at..).unwrap_or_default();
        if ["year", "yrs", "yr "]
            .iter()
            .any(|unit| rest.get(..unit.len()).is_some_and(|w| w.eq_ignore_ascii_case(unit.as_bytes())))
        {
            return Some(at);
        }
        from = at + 1;
    }
    None
}

/// The number just before `at` ("5+ ", "3-5 ", "3 to 5 ", "five "), skipping a range's upper bound.
fn number_before(s: &str, at: usize) -> Option<(usize, u8)> {
    let head = s.get(..at)?.trim_end();
    let head = head.trim_end_matches(['+', ' ']);
    // Take the last number, then see whether a range precedes it ("3-5", "3 to 5").
    let (start, n) = trailing_number(head)?;
    let before = head.get(..start)?.trim_end();
    let before_range =
        before.strip_suffix('-').or_else(|| before.strip_suffix('–')).or_else(|| before.strip_suffix(" to"));
    if let Some(range_head) = before_range {
        if let Some((range_start, low)) = trailing_number(range_head.trim_end()) {
            return Some((range_start, low));
        }
    }
    Some((start, n))
}

fn trailing_number(s: &str) -> Option<(usize, u8)> {
    let digits = s.bytes().rev().take_while(u8::is_ascii_digit).count();
    if digits > 0 {
        let start = s.len() - digits;
        if start.checked_sub(1).and_then(|b| s.as_bytes().get(b)).is_some_and(u8::is_ascii_alphabetic) {
            return None;
        }
        let n: u32 = s.get(start..)?.parse().ok()?;
        return (1..=50).contains(&n).then_some((start, n as u8));
    }
    // Letters are ASCII, so the byte after the last non-letter's start is a char boundary only for ASCII; step
    // over the whole character instead.
    let word_start =
        s.char_indices().rev().find(|(_, c)| !c.is_ascii_alphabetic()).map_or(0, |(i, c)| i + c.len_utf8());
    let word = s.get(word_start..).unwrap_or_default();
    NUMBER_WORDS.iter().find(|(w, _)| word.eq_ignore_ascii_case(w)).map(|&(_, n)| (word_start, n))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headings() {
        struct Case {
            line: &'static str,
            heading: bool,
            kind: Option<SectionKind>,
        }
        const CASES: &[Case] = &[
            Case { line: "## Requirements", heading: true, kind: Some(SectionKind::Requirements) },
            Case { line: "Nice to have:", heading: true, kind: Some(SectionKind::Preferred) },
            Case { line: "**Preferred Qualifications**", heading: true, kind: Some(SectionKind::Preferred) },
            Case { line: "WHAT WE OFFER", heading: true, kind: Some(SectionKind::Benefits) },
            Case { line: "Technical Skills", heading: true, kind: Some(SectionKind::Skills) },
            Case { line: "Experience", heading: true, kind: Some(SectionKind::Experience) },
            Case { line: "We build data pipelines.", heading: false, kind: None },
            Case { line: "- Strong SQL skills", heading: false, kind: None },
            Case { line: "SQL, AWS, GCP, ETL", heading: false, kind: None },
            Case { line: "SKILLS, TOOLS & TECHNOLOGIES", heading: true, kind: Some(SectionKind::Skills) },
            Case { line: "CERTIFICATIONS", heading: true, kind: Some(SectionKind::Certifications) },
            Case { line: "ACME CORP", heading: true, kind: None },
        ];
        for case in CASES {
            assert_eq!(heading_kind(case.line), (case.heading, case.kind), "{}", case.line);
        }
    }

    /// [`heading_kind`] as it was before its tests were reordered to count words only when one needs them.
    fn heading_kind_reference(line: &str) -> (bool, Option<SectionKind>) {
        let t = line.trim();
        if t.is_empty() || t.len() > 80 {
            return (false, None);
        }
        let stripped = t.trim_start_matches('#').trim();
        let markdown = t.starts_with('#') && stripped.len() < t.len();
        let bold = (t.starts_with("**") && t.ends_with("**") && t.len() > 4)
            || (t.starts_with("__") && t.ends_with("__") && t.len() > 4);
        let inner = stripped.trim_matches(['*', '_', ' ']);
        let words = inner.split_whitespace().count();
        let colon = inner.ends_with(':');
        let inner = inner.trim_end_matches(':').trim();
        let caps = words <= 6
            && inner.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
            && inner.chars().filter(|c| c.is_alphabetic()).count() >= 4
            && !is_unnamed_list(inner);
        if markdown || bold || caps || (colon && words <= 8) {
            return (true, SectionKind::classify(inner));
        }
        let plain = words <= 5 && !inner.ends_with(['.', ',', ';', '!', '?']) && !t.starts_with(['-', '*', '+', '•']);
        match plain.then(|| SectionKind::classify(inner)).flatten() {
            Some(kind) => (true, Some(kind)),
            None => (false, None),
        }
    }

    #[test]
    fn heading_kind_agrees_with_the_reference() {
        const PIECES: &[&str] = &[
            "# ",
            "## ",
            "**",
            "__",
            ":",
            " ",
            "  ",
            "Skills",
            "REQUIREMENTS",
            "Nice to have",
            "SQL, AWS",
            "GCP",
            "ETL",
            "we",
            "use",
            "Python",
            ".",
            ",",
            "- ",
            "\u{2022} ",
            "About us",
            "BENEFITS",
            "\u{C9}COLE",
            "x",
            "Experience",
            "|",
            "; ",
            "Data Engineer",
            "\t",
            "EDUCATION & TRAINING",
            "responsibilities",
        ];
        let mut state: u64 = 0x5851_F42D_4C95_7F2D;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        for _ in 0..50_000 {
            let line: String = (0..next(14)).map(|_| PIECES[next(PIECES.len())]).collect();
            assert_eq!(heading_kind(&line), heading_kind_reference(&line), "{line:?}");
        }
    }

    #[test]
    fn sections_follow_headings_and_labels() {
        let text = "Intro line\nRequirements\n- Python\nNice to have:\n- Go\nSkills: Rust, C\n## Experience\n### Engineer, Acme\n- Built\n## Hobbies\n";
        let mut s = Structure::default();
        s.refill(text);
        let kinds: Vec<SectionKind> = s.lines.iter().map(|l| l.section).collect();
        use SectionKind::*;
        assert_eq!(
            kinds,
            [Body, Requirements, Requirements, Preferred, Preferred, Skills, Experience, Experience, Experience, Other]
        );
        assert_eq!(s.line_at(text.find("Go").unwrap_or_default()).map(|l| l.section), Some(Preferred));
    }

    #[test]
    fn unnamed_lists() {
        const CASES: &[(&str, bool)] = &[
            ("SQL, AWS, GCP, ETL", true),
            ("HTML; CSS | SASS", true),
            ("SKILLS, TOOLS & TECHNOLOGIES", false),
            ("ACME CORP", false),
            ("SQL,", false),
        ];
        for &(line, expected) in CASES {
            assert_eq!(is_unnamed_list(line), expected, "{line}");
        }
    }

    #[test]
    fn a_list_in_capitals_stays_in_its_skills_section() {
        // Regression: "SQL, AWS, GCP, ETL" was read as a heading, which closed the skills section above it.
        let text = "SKILLS\nSQL, AWS, GCP, ETL\nKubernets, Pyhton\n";
        let mut s = Structure::default();
        s.refill(text);
        let lines: Vec<(SectionKind, bool)> = s.lines.iter().map(|l| (l.section, l.heading)).collect();
        use SectionKind::*;
        assert_eq!(lines, [(Skills, true), (Skills, false), (Skills, false)]);
    }

    #[test]
    fn years_attached_to_a_mention() {
        struct Case {
            sentence: &'static str,
            skill: &'static str,
            expected: Option<u8>,
        }
        const CASES: &[Case] = &[
            Case { sentence: "5+ years of Python", skill: "Python", expected: Some(5) },
            Case { sentence: "Python (5 years)", skill: "Python", expected: Some(5) },
            Case { sentence: "SQL - 3 yrs", skill: "SQL", expected: Some(3) },
            Case { sentence: "Go: 2 years", skill: "Go", expected: Some(2) },
            Case { sentence: "Python and then 4 years of Java", skill: "Python", expected: None },
            Case { sentence: "3 years of Java, 6 years of Go", skill: "Go", expected: Some(6) },
            Case { sentence: "Rust", skill: "Rust", expected: None },
        ];
        for case in CASES {
            let at = case.sentence.find(case.skill).unwrap_or_default();
            let mention = Span::new(at, at + case.skill.len());
            let sentence = Span::new(0, case.sentence.len());
            assert_eq!(years_for(case.sentence, sentence, mention), case.expected, "{}", case.sentence);
        }
    }

    #[test]
    fn hard_wrapped_sentences_are_read_whole() {
        let text =
            "## Summary\nAdjuster with four years of claims. Looking to move into property, and to start\nthe CPCU. \
                    Fair and fast.\n- Lead a team\n- Xactimate estimates\nEnds here.\n## Skills\nnegotiation\n";
        let mut structure = Structure::default();
        structure.refill(text);
        let around = |needle: &str| {
            let at = text.find(needle).expect("in the text");
            structure.wrapped_line_at(text, at).map(|span| &text[span.range()])
        };
        // A lower-case line after one that stops mid-sentence continues it, both ways.
        let summary =
            "Adjuster with four years of claims. Looking to move into property, and to start\nthe CPCU. Fair and fast.";
        assert_eq!(around("CPCU"), Some(summary));
        assert_eq!(around("Adjuster"), Some(summary));
        // A capitalised line, a list item, a heading and a new section each stand alone.
        assert_eq!(around("Xactimate"), Some("- Xactimate estimates"));
        assert_eq!(around("Ends"), Some("Ends here."));
        assert_eq!(around("negotiation"), Some("negotiation"));
    }

    #[test]
    fn in_progress_cues() {
        const CASES: &[(&str, &str, bool)] = &[
            ("CPA candidate", "CPA candidate, Big Four audit", true),
            ("studying for the PMP", "studying for the PMP", true),
            ("MSc", "MSc, expected 2026", true),
            ("CPA (2019)", "CPA (2019)", false),
            ("PMP certified", "PMP certified since 2018", false),
            ("BLS", "RDH (2024) · BLS · Local anesthesia course: enrolled, exam 2027", false),
            (" Local anesthesia course", "RDH · BLS · Local anesthesia course: enrolled", true),
            ("CPA", "CPA | CIA (in progress)", false),
            ("CIA ", "CPA | CIA (in progress)", true),
        ];
        for &(clause, sentence, expected) in CASES {
            assert_eq!(in_progress_cue(clause, sentence), expected, "{clause} / {sentence}");
        }
    }

    #[test]
    fn clauses() {
        const CASES: &[(&str, &str, &str)] = &[
            ("Team of 5 (Java essential), ideally in SaaS.", "Java", "Java essential"),
            ("We use Go, Rust; and SQL", "Rust", " Rust"),
            ("Python", "Python", "Python"),
        ];
        for &(sentence, skill, expected) in CASES {
            let at = sentence.find(skill).unwrap_or_default();
            let clause = clause_around(sentence, Span::new(0, sentence.len()), Span::new(at, at + skill.len()));
            assert_eq!(clause, expected, "{sentence}");
        }
    }

    #[test]
    fn years() {
        let found: Vec<u8> = years_in("5+ years of Python, 3-5 yrs SQL, three years Go, 2 to 4 years, Java8 years")
            .map(|y| y.2)
            .collect();
        assert_eq!(found, [5, 3, 3, 2]);
        assert_eq!(years_in("years of practice").count(), 0);
    }

    #[test]
    fn years_units_are_found_where_a_naive_search_finds_them() {
        let naive = |h: &str| {
            (0..h.len()).find(|&i| {
                ["year", "yrs", "yr "]
                    .iter()
                    .any(|u| h.as_bytes().get(i..i + u.len()).is_some_and(|w| w.eq_ignore_ascii_case(u.as_bytes())))
            })
        };
        for h in ["", "y", "yr", "yr ", "Yearly", "every 5 YRS", "my yard, 3 yr stint", "yyyear", "üyrs", "YR 2"] {
            assert_eq!(find_years_unit(h), naive(h), "{h:?}");
        }
    }

    #[test]
    fn multibyte_text_before_years_does_not_panic() {
        // Regression: "\u{95}" before "years" made `trailing_number` slice inside a character (SkillSpan data).
        for s in ["x \u{95}years", "\u{95}five years", "ünf years", "５ years", "€3 years"] {
            let _ = years_in(s).count();
        }
        assert_eq!(years_in("naïve five years").map(|y| y.2).collect::<Vec<_>>(), [5]);
    }

    /// Sentences built from cue words, years, numbers and characters that lowercase unevenly, for comparing a
    /// fast reading with the lowercased one.
    fn cue_sentences() -> Vec<String> {
        const PIECES: &[&str] = &[
            "Nice to HAVE",
            "a plus",
            "A PLUS",
            "Preferred",
            "ideally",
            "Required",
            "MUST ",
            "must-have",
            "at least",
            "You'll need",
            "5+ Years",
            "FIVE YEARS",
            "3-5 yrs",
            "3 to 5 yr ",
            "yr",
            "Y",
            "Studying",
            "ENROLLED",
            "in-progress",
            " ",
            ", ",
            "\u{2022} ",
            "\u{C9}",
            "\u{130}",
            "\u{212A}",
            "\u{1E9E}",
            "\u{3A3}",
            "\u{2019}",
            "SQL",
            "experience",
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        (0..20_000).map(|_| (0..next(8)).map(|_| PIECES[next(PIECES.len())]).collect::<Vec<_>>().join("")).collect()
    }

    #[test]
    fn requirement_cue_agrees_with_reading_a_lowercased_copy() {
        for sentence in cue_sentences() {
            assert_eq!(requirement_cue(&sentence), requirement_cue_lowercased(&sentence), "{sentence:?}");
        }
    }

    #[test]
    fn in_progress_cue_agrees_with_reading_a_lowercased_copy() {
        for sentence in cue_sentences() {
            let lowercased = IN_PROGRESS_CUES.any_in(&lowercase(&sentence));
            assert_eq!(in_progress_cue(&sentence, &sentence), lowercased, "{sentence:?}");
        }
    }

    #[test]
    fn cues() {
        assert_eq!(requirement_cue("Experience with Go is a plus"), Some(Requirement::Preferred));
        assert_eq!(requirement_cue("5+ years of Python"), Some(Requirement::Required));
        assert_eq!(requirement_cue("You must know SQL"), Some(Requirement::Required));
        assert_eq!(requirement_cue("We use Kafka"), None);
    }

    #[test]
    fn sentences() {
        let text = "We use Kafka. You know SQL; also Go.";
        let at = text.find("SQL").unwrap_or_default();
        let sentence = sentence_around(text, Span::new(0, text.len()), Span::new(at, at + 3));
        assert_eq!(&text[sentence.range()], "You know SQL;");
    }
}
