//! The user's side: a CV extracted like any other document, plus fuzzy reading of its skill lists.

use crate::extract::{
    block_end, BlockDocument, Document, Extractor, MatchKind, Mention, Scratch, SkillEvidence, BLOCK_BYTES,
};
use crate::fuzzy::FuzzyHow;
use crate::source::{detect_kind_only, TargetKind};
use crate::span::Span;
use crate::structure::roles::{date_range, line_infos, roles, union_months, Month, Role};
use crate::structure::{Requirement, SectionKind, Structure};
use crate::taxonomy::{CaseRule, ContextRule, Kind, SkillIdx, Taxonomy};

/// The lowest fuzzy score accepted for a skill-list item. Variants score 88 and up, typos at most 85; a typo
/// budget already bounds the edits, so any scored candidate is a plausible reading, and the user sees it marked.
pub const MIN_FUZZY_SCORE: u8 = 70;
/// Skill-list items longer than this many words are sentences, not skill names.
const MAX_ITEM_WORDS: usize = 4;

/// The skills a CV shows, with where it shows them.
///
/// ```
/// use skillgap::{Extractor, MatchKind, Profile, Taxonomy};
///
/// let extractor = Extractor::new(Taxonomy::builtin());
/// let cv = "Experience\n- Built dashboards in Tableau.\n\nSkills\nKubernets, Tableau, CPA candidate\n";
/// let profile = Profile::from_text(&extractor, cv);
/// let id = |id: &str| extractor.taxonomy().get(id).expect("built in");
///
/// // A typo in the skills list is read by near spelling, and marked as such.
/// let (skill, mention) = profile.fuzzy_mentions().next().expect("one fuzzy reading");
/// assert_eq!((skill, mention.text.as_str(), mention.match_kind), (id("kubernetes"), "Kubernets", MatchKind::Fuzzy));
/// // Tableau is shown in an experience bullet, not only listed.
/// assert!(profile.holds(id("tableau")) && !profile.only_in_skills_list(id("tableau")));
/// // A credential being worked towards is named, but not held.
/// assert!(profile.get(id("cpa")).is_some() && !profile.holds(id("cpa")));
/// ```
///
/// Dated roles give years of use, overlapping roles counted once:
///
/// ```
/// use skillgap::{Extractor, Month, Profile, Taxonomy};
///
/// let extractor = Extractor::new(Taxonomy::builtin());
/// let cv = "Experience\nAnalyst, Acme, Jan 2019 – Mar 2023\n- Tableau dashboards for sales\n";
/// let profile = Profile::from_text_at(&extractor, cv, Month::new(2026, 12).expect("a month"));
/// let tableau = extractor.taxonomy().get("tableau").expect("built in");
/// let years = profile.years_of(tableau).expect("dated");
/// assert_eq!((years.months, years.whole_years()), (51, 4));
/// assert_eq!(profile.roles[years.roles[0]].period.to_string(), "2019–2023");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Profile {
    /// The extracted CV.
    pub document: Document,
    /// The CV's dated roles, in text order.
    pub roles: Vec<Role>,
    /// The CV's text, which the roles' and mentions' byte offsets index.
    pub cv_text: String,
}

/// How long a CV shows a skill used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillYears {
    /// Months over the dated roles that name the skill, overlaps counted once.
    pub months: u32,
    /// Years the CV states itself ("6 years of Xero"), if any.
    pub stated: Option<u8>,
    /// The roles (indices into [`Profile::roles`]) that name it.
    pub roles: Vec<usize>,
}

impl SkillYears {
    /// Whole years, the larger of the dated roles' (rounded down) and the CV's own statement.
    pub fn whole_years(&self) -> u32 {
        (self.months / 12).max(self.stated.map_or(0, u32::from))
    }
}

impl Profile {
    /// Extracts a profile from CV text. Items of skill lists ("Skills: Kubernets, ReactJS, Postgre SQL") that no
    /// alias matches exactly are read by the fuzzy index, and marked [`MatchKind::Fuzzy`] with their score. Roles
    /// running "to present" end at the latest month any date in the CV names (the library has no clock: use
    /// [`Profile::from_text_at`] to give today's date).
    pub fn from_text(extractor: &Extractor, cv: &str) -> Profile {
        let latest = latest_month(cv);
        Profile::from_text_at(extractor, cv, latest)
    }

    /// Like [`Profile::from_text`], with `today` ending the roles that run to the present.
    pub fn from_text_at(extractor: &Extractor, cv: &str, today: Month) -> Profile {
        let mut document = extractor.extract_as(cv, TargetKind::Bio);
        drop_goals(cv, &mut document);
        read_credential_nouns(extractor.taxonomy(), cv, &mut document);
        add_fuzzy_list_items(extractor, cv, &mut document);
        let mut structure = Structure::default();
        structure.refill(cv);
        let lines = line_infos(&structure.lines);
        Profile { document, roles: roles(cv, &lines, today), cv_text: cv.to_owned() }
    }

    /// Wraps an already extracted document (with no dated roles).
    pub fn from_document(document: Document) -> Profile {
        Profile { document, roles: Vec::new(), cv_text: String::new() }
    }

    /// How long the CV shows `skill` used: over the dated roles whose text names it, and any years it states.
    /// `None` when it shows neither.
    pub fn years_of(&self, skill: SkillIdx) -> Option<SkillYears> {
        let evidence = self.get(skill)?;
        let roles: Vec<usize> = (self.roles.iter().enumerate())
            .filter(|(_, role)| {
                let (start, end) = role.span;
                evidence.mentions.iter().any(|m| start <= m.span.start && m.span.end <= end)
            })
            .map(|(r, _)| r)
            .collect();
        let months = union_months(roles.iter().filter_map(|&r| self.roles.get(r)).map(|role| role.period));
        let stated = evidence.years();
        (months > 0 || stated.is_some()).then_some(SkillYears { months, stated, roles })
    }

    /// The evidence for `skill`, if the CV names it.
    pub fn get(&self, skill: SkillIdx) -> Option<&SkillEvidence> {
        self.document.get(skill)
    }

    /// Whether the CV shows `skill` as held: named at least once other than as in progress ("CPA candidate").
    pub fn holds(&self, skill: SkillIdx) -> bool {
        self.get(skill).is_some_and(|e| e.mentions.iter().any(|m| !m.in_progress))
    }

    /// Whether the CV is written in the spoken language `skill`: a CV in English shows English, named or not, so a
    /// posting's "fluent English" is no gap for it. Only English is recognised (the only language the extractor
    /// reads), by the share of its most common words.
    pub fn written_in(&self, taxonomy: &Taxonomy, skill: SkillIdx) -> bool {
        taxonomy.skill(skill).id == "english" && reads_as_english(&self.cv_text)
    }

    /// Whether the CV names `skill` only in a skills list, never in experience, summary or elsewhere.
    pub fn only_in_skills_list(&self, skill: SkillIdx) -> bool {
        self.get(skill).is_some_and(|e| e.mentions.iter().all(|m| m.section == SectionKind::Skills))
    }

    /// Mentions read by near spelling, with the skill they were read as: for "Kubernets → Kubernetes?".
    pub fn fuzzy_mentions(&self) -> impl Iterator<Item = (SkillIdx, &Mention)> {
        self.document
            .skills
            .iter()
            .flat_map(|e| e.mentions.iter().filter(|m| m.match_kind == MatchKind::Fuzzy).map(move |m| (e.skill, m)))
    }
}

/// Extracts `text` as a target of `kind` (read from its content when `None`), and reads its skill lists by near
/// spelling too, as for a CV ("Kubernets" becomes Kubernetes, marked fuzzy): what `skillgap extract` shows.
///
/// A text longer than [`BLOCK_BYTES`] (a file of many postings, not one) is read a block at a time, in memory that
/// does not grow with it beyond the mentions (see [`BlockDocument`]); its kind is then read from its first block.
pub fn extract_reading_lists(extractor: &Extractor, text: &str, kind: Option<TargetKind>) -> Document {
    let mut reading = BlockReading::new(extractor, kind);
    let mut rest = text;
    loop {
        let (block, tail) = rest.split_at_checked(block_end(rest, BLOCK_BYTES)).unwrap_or((rest, ""));
        reading.push(block);
        if tail.is_empty() {
            return reading.finish();
        }
        rest = tail;
    }
}

/// [`extract_reading_lists`] for a text that arrives a block at a time (a large file read as a stream): push each
/// block as [`block_end`] cuts it, in order, and the document is the one `extract_reading_lists` gives for the
/// whole text.
#[derive(Debug)]
pub struct BlockReading<'a> {
    extractor: &'a Extractor,
    /// Given, or read from the first block.
    kind: Option<TargetKind>,
    scratch: Scratch,
    document: BlockDocument,
}

impl<'a> BlockReading<'a> {
    /// A reading of a text as a target of `kind` (read from its first block when `None`).
    pub fn new(extractor: &'a Extractor, kind: Option<TargetKind>) -> BlockReading<'a> {
        BlockReading { extractor, kind, scratch: Scratch::default(), document: BlockDocument::default() }
    }

    /// Reads the next block of the text.
    pub fn push(&mut self, block: &str) {
        let kind = *self.kind.get_or_insert_with(|| detect_kind_only(block));
        let mut part = self.extractor.extract_as_with(block, kind, &mut self.scratch);
        add_fuzzy_list_items(self.extractor, block, &mut part);
        self.document.push(block.len(), part);
    }

    /// The document of the whole text, with spans in its offsets.
    pub fn finish(self) -> Document {
        self.document.finish()
    }
}

/// The most common English words: a text in which they make up at least [`ENGLISH_MIN_PERCENT`] of the words is
/// written in English.
const ENGLISH_WORDS: &[&str] = &[
    "the", "and", "of", "to", "in", "for", "with", "a", "an", "on", "at", "by", "from", "as", "is", "was", "our", "my",
    "i", "we", "that", "this", "over", "across",
];
/// See [`ENGLISH_WORDS`]; ordinary English prose runs at 25–40%, a CV's terse bullets at 10–20%.
const ENGLISH_MIN_PERCENT: usize = 6;
/// Fewer words than this say nothing about the language.
const ENGLISH_MIN_WORDS: usize = 40;

fn reads_as_english(text: &str) -> bool {
    let (mut words, mut common) = (0usize, 0usize);
    for word in text.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        common += usize::from(ENGLISH_WORDS.iter().any(|e| word.eq_ignore_ascii_case(e)));
    }
    words >= ENGLISH_MIN_WORDS && common * 100 >= words * ENGLISH_MIN_PERCENT
}

/// Words after a credential that make it name an organisation or other people, not something the writer holds:
/// "our outside CPA firm", "CPA firms", "RN staff".
const CREDENTIAL_AS_OTHERS: &[&str] =
    &["firm", "firms", "society", "societies", "clients", "staff", "colleagues", "partner", "partners", "crews"];
/// Words right before a credential that make it someone else's, whom the writer works under or beside: "under the
/// direction of the company officer", "reporting to the charge nurse", "alongside paramedics".
const CREDENTIAL_UNDER_OTHERS: &[&str] = &[
    "direction of the",
    "supervision of the",
    "supervision of a",
    "supervision of",
    "reporting to the",
    "reporting to a",
    "reports to the",
    "report to the",
    "alongside",
    "assisted the",
    "assist the",
    "assisting the",
];
/// Words after a credential that make it the writer's goal: "CPA exam", "Becker CPA Review", "PMP prep course",
/// "ATPL written exams", "ATPL theory".
const CREDENTIAL_AS_GOAL: &[&str] = &[
    "exam",
    "exams",
    "review",
    "course",
    "courses",
    "prep",
    "preparation",
    "program",
    "track",
    "study",
    "studies",
    "written",
    "theory",
];

/// A credential named as a modifier or as a person the writer works under is not held: "our outside CPA firm" and
/// "under the direction of the company officer" name someone else, "CPA exam" the writer's goal (read as in
/// progress).
fn read_credential_nouns(taxonomy: &Taxonomy, cv: &str, document: &mut Document) {
    for evidence in &mut document.skills {
        if !matches!(taxonomy.skill(evidence.skill).kind, Kind::Certification | Kind::Degree) {
            continue;
        }
        let next_word = |m: &Mention| {
            let after = cv.get(m.span.end..).unwrap_or("");
            let word: String = after
                .trim_start_matches(['\'', '’', 's'])
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphabetic())
                .collect();
            word.to_lowercase()
        };
        let under_others = |m: &Mention| {
            let from = (m.span.start.saturating_sub(32)..m.span.start).find(|&i| cv.is_char_boundary(i));
            let before = cv.get(from.unwrap_or(m.span.start)..m.span.start).unwrap_or_default().to_lowercase();
            let before = before.trim_end();
            CREDENTIAL_UNDER_OTHERS.iter().any(|w| before.ends_with(w))
        };
        evidence.mentions.retain(|m| !CREDENTIAL_AS_OTHERS.contains(&next_word(m).as_str()) && !under_others(m));
        for m in &mut evidence.mentions {
            if CREDENTIAL_AS_GOAL.contains(&next_word(m).as_str()) {
                m.in_progress = true;
            }
        }
    }
    document.skills.retain(|e| !e.mentions.is_empty());
}

/// Words that open what a CV's writer wants next rather than what they have done: "Looking to move into
/// in-plant maintenance", "Seeking a move into hospital social work".
const GOAL_OPENERS: &[&str] = &[
    "looking to",
    "looking for",
    "seeking",
    "hoping to",
    "aiming to",
    "aim to",
    "keen to",
    "eager to",
    "ready to",
    "want to",
    "would like to",
    "i'd like to",
    "aspire to",
    "aspiring to",
    "my goal",
    "career goal",
    "next step",
    "plan to",
    "planning to",
    "intend to",
    "hope to",
    // The same goals told of someone else, as a bio does: "She hopes to complete a Diploma of Leadership".
    "hopes to",
    "plans to",
    "aims to",
    "intends to",
    "wants to",
    "aspires to",
    "goal is to",
    // Learning on one's own is not yet having it: "I'm currently teaching myself Python".
    "teaching myself",
    "teaching himself",
    "teaching herself",
    "currently learning",
    "i'm learning",
    "i am learning",
    "next on my list",
];

/// Verbs that make "my" a goal's, not a claim: "build my seismic design experience" is what the writer wants.
const GROWTH_WORDS: &[&str] = &["build", "grow", "gain", "develop", "broaden", "strengthen", "deepen"];

/// Words right before a skill that claim it as the writer's own, even inside a goal: "keen to bring my SQL to a
/// larger team".
const OWN_WORDS: &[&str] = &["my", "our"];
/// Words after a goal opener that make it a continuation of what the writer already does: "looking to take on more
/// financial reporting".
const MORE_WORDS: &[&str] = &["more", "further", "continue", "continuing", "keep", "deepen", "expand"];

/// Drops the CV's mentions that name a goal, not experience: a skill after a goal opener in the same sentence
/// ("Looking to move into demand generation") is what the writer wants, and counting it as shown would hide the
/// very gap they are trying to close. A skill the writer calls their own ("bring my SQL") stays.
fn drop_goals(cv: &str, document: &mut Document) {
    for evidence in &mut document.skills {
        evidence.mentions.retain(|m| !names_a_goal(cv, m));
    }
    document.skills.retain(|e| !e.mentions.is_empty());
}

/// Whether `mention` follows a goal opener in its sentence, outside a skills list.
fn names_a_goal(cv: &str, mention: &Mention) -> bool {
    goal_before(cv, mention.sentence, mention.span, mention.section)
}

/// Whether the skill named at `span` of `text` follows a goal opener in its `sentence` ("Looking to move into
/// demand generation", "My career goal is to train in MRI"), outside a skills list, and is not claimed as the
/// writer's own ("keen to bring my SQL") or as more of what they do ("looking to take on more reporting").
pub(crate) fn goal_before(text: &str, sentence: Span, span: Span, section: SectionKind) -> bool {
    if section == SectionKind::Skills || sentence.start > span.start {
        return false;
    }
    let before = text.get(sentence.start..span.start).unwrap_or_default().to_lowercase().replace('’', "'");
    let opener = GOAL_OPENERS.iter().filter_map(|cue| find_words(&before, cue)).min();
    let Some(at) = opener else { return false };
    let last: Vec<&str> = before.get(at..).unwrap_or_default().split_whitespace().rev().take(3).collect();
    let own = last
        .iter()
        .take(2)
        .enumerate()
        .any(|(i, w)| OWN_WORDS.contains(w) && !last.get(i + 1).is_some_and(|verb| GROWTH_WORDS.contains(verb)));
    let more = before.get(at..).unwrap_or_default().split_whitespace().any(|w| MORE_WORDS.contains(&w));
    !own && !more
}

/// Where `phrase` first stands in `haystack` as whole words.
fn find_words(haystack: &str, phrase: &str) -> Option<usize> {
    haystack.match_indices(phrase).map(|(i, _)| i).find(|&i| {
        let before = haystack.get(..i).unwrap_or_default().chars().next_back();
        let after = haystack.get(i + phrase.len()..).unwrap_or_default().chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// "Present" for a CV read without a clock: January of the latest year the CV writes anywhere (a finished role's
/// end, a certificate's year), so an ongoing role counts no more than the CV itself shows.
fn latest_month(cv: &str) -> Month {
    let far = Month::new(2199, 12).unwrap_or_default();
    let ended =
        cv.lines().filter_map(|line| date_range(line, far)).filter(|(_, _, p)| !p.ongoing).map(|(_, _, p)| p.last());
    let years = cv
        .as_bytes()
        .windows(4)
        .filter(|w| w.iter().all(u8::is_ascii_digit))
        .filter_map(|w| std::str::from_utf8(w).ok()?.parse::<u32>().ok())
        .filter(|y| (1950..2100).contains(y))
        .filter_map(|y| Month::new(y, 1));
    ended.chain(years).max().unwrap_or_default()
}

/// Items of skill lists: comma-, semicolon-, pipe-, slash- or bullet-separated pieces of lines in a skills section
/// (or after a `Skills:` label), with brackets opening items of their own ("Python (pandas, PySpark)").
fn skill_list_items(text: &str) -> Vec<Span> {
    let mut items = Vec::new();
    let mut section = crate::structure::Structure::default();
    section.refill(text);
    for line in section.lines.iter().filter(|l| l.section == SectionKind::Skills) {
        let line_start = line.span.start;
        let content = &text[line.span.range()];
        // A short "Skills: Go, SQL" also reads as a heading (it opens the section below it), but its items count.
        if line.heading && !labelled_list(content) {
            continue;
        }
        // After a "Skills:" label, the items start after the colon.
        let body_start = match content.find(':') {
            Some(i) if content.get(..i).unwrap_or_default().split_whitespace().count() <= 4 => i + 1,
            _ => 0,
        };
        let mut start = body_start;
        let bytes = content.as_bytes();
        for (i, c) in content.char_indices().skip_while(|(i, _)| *i < body_start) {
            let separator = matches!(c, ',' | ';' | '|' | '•' | '·' | '(' | ')' | '/' | '*')
                || (c == '-'
                    && i.checked_sub(1).and_then(|b| bytes.get(b)).is_none_or(|&b| b == b' ')
                    && bytes.get(i + 1) == Some(&b' '));
            if separator {
                items.push(Span::new(line_start + start, line_start + i));
                start = i + c.len_utf8();
            }
        }
        items.push(Span::new(line_start + start, line_start + content.len()));
    }
    items
        .into_iter()
        .filter_map(|item| {
            let piece = &text[item.range()];
            let trimmed = piece.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ':' | '-' | '_' | '`'));
            if trimmed.is_empty() {
                return None;
            }
            let start = item.start + piece.find(trimmed).unwrap_or(0);
            Some(Span::new(start, start + trimmed.len()))
        })
        .filter(|&item| {
            let words = text[item.range()].split_whitespace().count();
            (1..=MAX_ITEM_WORDS).contains(&words) && text[item.range()].chars().any(char::is_alphabetic)
        })
        .collect()
}

/// Whether a line is a label with items after it ("Skills: Kubernets, SQL"), not a bare heading ("Skills:").
fn labelled_list(line: &str) -> bool {
    line.split_once(':').is_some_and(|(label, rest)| label.split_whitespace().count() <= 4 && !rest.trim().is_empty())
}

/// Whether a typo reading is plausible: the edit may not be a word that is simply longer ("fluent" is a word,
/// not a misspelt "Fluentd"), nor fall in a short word, where one letter makes another acronym ("IEP" is not
/// "ERP").
fn plausible_typo(item: &str, alias: &str) -> bool {
    let (item, alias) = (crate::normalize::fold(item), crate::normalize::fold(alias));
    if alias.starts_with(&item) || item.starts_with(&alias) {
        return false;
    }
    let item_words: Vec<&str> = item.split_whitespace().collect();
    let alias_words: Vec<&str> = alias.split_whitespace().collect();
    if item_words.len() == alias_words.len() {
        let short_word_differs = item_words.iter().zip(&alias_words).any(|(a, b)| a != b && a.len().min(b.len()) <= 3);
        if short_word_differs {
            return false;
        }
    }
    true
}

fn add_fuzzy_list_items(extractor: &Extractor, text: &str, document: &mut Document) {
    let items = skill_list_items(text);
    if items.is_empty() {
        return;
    }
    read_items(extractor, text, &items, document);
    // Skills stay in order of first mention, fuzzy ones included.
    document.skills.sort_by_key(|e| e.mentions.first().map_or(usize::MAX, |m| m.span.start));
}

/// Reads each skill-list item that no exact mention covers with the fuzzy index, and adds the plausible readings
/// to `document`.
fn read_items(extractor: &Extractor, text: &str, items: &[Span], document: &mut Document) {
    let taxonomy = extractor.taxonomy();
    // Every exact mention by start, to find the ones that touch an item without scanning them all per item.
    let mut spans: Vec<(Span, SkillIdx)> =
        document.skills.iter().flat_map(|e| e.mentions.iter().map(move |m| (m.span, e.skill))).collect();
    spans.sort_unstable();
    let longest = spans.iter().map(|s| s.0.len()).max().unwrap_or(0);
    for &span in items {
        let from = spans.partition_point(|s| s.0.start + longest < span.start);
        let touching = spans
            .get(from..)
            .unwrap_or_default()
            .iter()
            .take_while(|s| s.0.start < span.end)
            .filter(|s| span.start < s.0.end);
        // An exact mention of the whole item settles it; one inside it ("SQL" in "Postgre SQL") does not.
        let inside: Vec<SkillIdx> = touching.clone().map(|s| s.1).collect();
        let whole = touching.clone().any(|s| s.0.start <= span.start && span.end <= s.0.end);
        if whole {
            continue;
        }
        let item = &text[span.range()];
        let Some(best) = extractor.fuzzy().lookup(taxonomy, item, 1).into_iter().next() else { continue };
        if inside.contains(&best.alias.skill) {
            continue;
        }
        let alias = taxonomy.alias(best.alias);
        // In a skills list, an ambiguous alias written as such is meant as the skill ("Excel"), but a typo of one
        // is too weak a reading.
        let ambiguous = alias.case == CaseRule::Exact || alias.context == ContextRule::Needed;
        if best.score < MIN_FUZZY_SCORE || (ambiguous && best.how == FuzzyHow::Typo) {
            continue;
        }
        if best.how == FuzzyHow::Typo && !plausible_typo(item, &alias.text) {
            continue;
        }
        let mention = Mention {
            span,
            text: item.to_owned(),
            match_kind: MatchKind::Fuzzy,
            score: Some(best.score),
            section: SectionKind::Skills,
            requirement: Requirement::Mentioned,
            cue: None,
            group: None,
            prominence: Vec::new(),
            years: None,
            in_progress: false,
            sentence: span,
        };
        match document.skills.iter_mut().find(|e| e.skill == best.alias.skill) {
            Some(evidence) => {
                let at = evidence.mentions.partition_point(|m| m.span.start < span.start);
                evidence.mentions.insert(at, mention);
            }
            None => document.skills.push(SkillEvidence { skill: best.alias.skill, mentions: vec![mention] }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::Taxonomy;

    const TAXONOMY: &str = "id,name,family,kind,aliases,related,broader
cpa,CPA,finance,certification,CPAs,,
excel,Microsoft Excel,data,tool,?Excel;MS Excel,,
javascript,JavaScript,software,language,JS,,
kubernetes,Kubernetes,cloud,tool,k8s,,
postgresql,PostgreSQL,data,tool,Postgres,,sql
sql,SQL,data,language,,,
react,React,software,framework,React.js,,
salesforce,Salesforce,sales,tool,,,
";

    fn extractor() -> Extractor {
        let mut b = Taxonomy::builder();
        b.add_csv("t.csv", TAXONOMY).expect("parses");
        Extractor::new(b.build().expect("builds"))
    }

    #[test]
    fn skill_list_typos_are_read_and_marked() {
        let ex = extractor();
        let cv = "Summary\nI like Kubernets.\n\nSkills: Kubernets, ReactJS, Postgre SQL, MS-Excel, Salesforce.com, Quilting\n";
        let profile = Profile::from_text(&ex, cv);
        let read: Vec<(String, String)> = profile
            .fuzzy_mentions()
            .map(|(skill, m)| (m.text.clone(), ex.taxonomy().skill(skill).id.clone()))
            .collect();
        assert_eq!(
            read,
            [
                ("Kubernets".to_owned(), "kubernetes".to_owned()),
                ("ReactJS".to_owned(), "react".to_owned()),
                ("Postgre SQL".to_owned(), "postgresql".to_owned()),
            ]
        );
        // "MS-Excel" and "Salesforce.com" contain an alias as written, so the automaton finds them.
        for id in ["excel", "salesforce"] {
            assert!(profile.get(ex.taxonomy().get(id).expect("id")).is_some(), "{id}");
        }
        assert_eq!(profile.document.skills.len(), 6, "Quilting is nothing; SQL is read inside Postgre SQL");
        // Prose is not read fuzzily: only the skills line gave Kubernetes.
        let k8s = profile.get(ex.taxonomy().get("kubernetes").expect("id")).expect("found");
        assert_eq!(k8s.mentions.len(), 1);
        for (_, m) in profile.fuzzy_mentions() {
            assert_eq!(&cv[m.span.range()], m.text);
            assert!(m.score.is_some());
        }
    }

    #[test]
    fn a_cv_in_english_shows_english() {
        let mut b = Taxonomy::builder();
        b.add_csv("t.csv", "id,name,family,kind,aliases,related,broader\nenglish,English,general,spoken,,,\nspanish,Spanish,general,spoken,,,\n").expect("parses");
        let ex = Extractor::new(b.build().expect("builds"));
        let id = |id: &str| ex.taxonomy().get(id).expect("id");
        let prose = "Summary\nWarehouse lead with six years in the business. I run the night shift for a team of twelve and \
            look after the inventory counts, the cycle counts and the carrier schedule. Experience\n- Cut the time to load \
            a truck by a third over two years.\n- Trained new starters on the scanners and on safety.\n";
        let profile = Profile::from_text(&ex, prose);
        assert!(profile.written_in(ex.taxonomy(), id("english")));
        assert!(!profile.written_in(ex.taxonomy(), id("spanish")), "only English is read this way");
        // A bare list of names says nothing about the language it is written in.
        let list = Profile::from_text(&ex, "Skills: SAP, WMS, Excel, Power BI, SQL, Tableau, Kronos, OSHA");
        assert!(!list.written_in(ex.taxonomy(), id("english")));
    }

    #[test]
    fn a_credential_as_a_modifier_is_not_held() {
        let ex = extractor();
        let cpa = ex.taxonomy().get("cpa").expect("id");
        let profile = |cv: &str| Profile::from_text(&ex, cv);
        // Someone else's credential, and a goal.
        assert!(profile("Experience\n- Worked with our outside CPA firm on the tax package.\n").get(cpa).is_none());
        let exam = profile("Education\nBecker CPA Review, 2025\n");
        assert!(exam.get(cpa).is_some() && !exam.holds(cpa));
        // Someone the writer works under or beside.
        assert!(profile("Experience\n- Prepared workpapers under the supervision of a CPA.\n").get(cpa).is_none());
        assert!(profile("Experience\n- Reconciled accounts alongside CPA partners.\n").get(cpa).is_none());
        let written = profile("Certifications\n- CPA written exams (FAR and AUD) passed, 2025\n");
        assert!(written.get(cpa).is_some() && !written.holds(cpa));
        // Held.
        assert!(profile("Certifications\nCPA, Colorado, 2022\n").holds(cpa));
    }

    #[test]
    fn a_goal_is_not_experience() {
        let ex = extractor();
        let held = |cv: &str, id: &str| Profile::from_text(&ex, cv).get(ex.taxonomy().get(id).expect("id")).is_some();
        // What the writer wants next is a gap to close, not a skill shown.
        assert!(!held("Summary\nSupport analyst. Looking to move into a Kubernetes role.\n", "kubernetes"));
        assert!(!held("Summary\nSeeking a team that runs Salesforce at scale.\n", "salesforce"));
        assert!(!held("Summary\nMy goal: a React position.\n", "react"));
        assert!(!held("Summary\nI plan to build my Kubernetes experience there.\n", "kubernetes"));
        assert!(!held("Summary\nI'm currently teaching myself Kubernetes.\n", "kubernetes"));
        assert!(!held("Summary\nNext on my list is learning Kubernetes.\n", "kubernetes"));
        assert!(!held("Summary\nAims to move into React work.\n", "react"));
        assert!(!held("Summary\nHopes to complete a Salesforce course next year.\n", "salesforce"));
        // A skill before the opener, one the writer calls their own, or one in a skills list is shown.
        assert!(held("Summary\nFive years of React; looking to lead a team.\n", "react"));
        assert!(held("Summary\nLooking to bring my Kubernetes work to a larger team.\n", "kubernetes"));
        assert!(held("Summary\nLooking to take on more of the Salesforce admin work.\n", "salesforce"));
        assert!(held("Summary\nLooking to grow.\n\nSkills: Kubernetes, React\n", "kubernetes"));
        // Other people's moves are not the writer's goals.
        assert!(held("Experience\n- Helped 19 clients move into housing tracked in Salesforce.\n", "salesforce"));
    }

    #[test]
    fn implausible_typos_are_not_read() {
        // Regression (review): "fluent" read as Fluentd and "IEP implementation" as ERP implementation.
        assert!(!plausible_typo("fluent", "Fluentd"));
        assert!(!plausible_typo("IEP implementation", "ERP implementation"));
        assert!(plausible_typo("Kubernets", "Kubernetes"));
        assert!(plausible_typo("Pyhton", "Python"));
    }

    #[test]
    fn items_split_on_separators_and_brackets() {
        let text = "## Skills\n- Python (pandas, PySpark) / SQL | Go\nSkills: a b c d e f, Kafka\n";
        let items: Vec<&str> = skill_list_items(text).into_iter().map(|item| &text[item.range()]).collect();
        assert_eq!(items, ["Python", "pandas", "PySpark", "SQL", "Go", "Kafka"]);
    }

    #[test]
    fn labelled_lists() {
        const CASES: &[(&str, bool)] = &[
            ("Skills: Kubernets, Tableau", true),
            ("**Tools:** Excel", true),
            ("Skills:", false),
            ("## Skills", false),
            ("Technical skills: ", false),
            ("Things I picked up over many years: Go", false),
        ];
        for &(line, expected) in CASES {
            assert_eq!(labelled_list(line), expected, "{line}");
        }
    }

    #[test]
    fn a_short_labelled_list_is_read() {
        // Regression: "Skills: Kubernets, ReactJS" is short enough to count as a heading, and its items were skipped.
        let ex = extractor();
        let cv = "Experience\n- Built things.\nSkills: Kubernets, ReactJS\n";
        let profile = Profile::from_text(&ex, cv);
        let read: Vec<(&str, &str)> = profile
            .fuzzy_mentions()
            .map(|(skill, m)| (m.text.as_str(), ex.taxonomy().skill(skill).id.as_str()))
            .collect();
        assert_eq!(read, [("Kubernets", "kubernetes"), ("ReactJS", "react")]);
    }

    #[test]
    fn a_list_in_capitals_does_not_end_the_skills_section() {
        // Regression: "SQL, AWS, GCP, ETL" was taken for a heading, and the typos on the line after it went unread.
        let mut b = Taxonomy::builder();
        b.add_csv(
            "t.csv",
            "id,name,family,kind,aliases,related,broader
aws,AWS,cloud,tool,,,
etl,ETL,data,method,,,
gcp,GCP,cloud,tool,,,
kubernetes,Kubernetes,cloud,tool,,,
python,Python,software,language,,,
sql,SQL,data,language,,,
",
        )
        .expect("parses");
        let ex = Extractor::new(b.build().expect("builds"));
        let cv = "SKILLS\nSQL, AWS, GCP, ETL\nKubernets, Pyhton\n";
        let profile = Profile::from_text(&ex, cv);
        let read: Vec<(&str, &str)> = profile
            .fuzzy_mentions()
            .map(|(skill, m)| (m.text.as_str(), ex.taxonomy().skill(skill).id.as_str()))
            .collect();
        assert_eq!(read, [("Kubernets", "kubernetes"), ("Pyhton", "python")]);
        let sql = profile.get(ex.taxonomy().get("sql").expect("id")).expect("found");
        assert_eq!(sql.mentions[0].section, SectionKind::Skills);
    }
}
