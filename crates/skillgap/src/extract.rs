//! Extraction: one Aho-Corasick pass over the folded text, word-boundary checks at the match edges, case and
//! context rules for ambiguous aliases, then sections, requirement levels and years for every mention.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind as AcMatchKind};
use serde::Serialize;

use crate::error::{Error, ErrorKind};
use crate::fuzzy::FuzzyIndex;
use crate::normalize::{is_word_char, Normalized};
use crate::phrase::{PhraseIndex, PhraseMatching};
use crate::structure::{requirement_cue, sentence_around, years_in, Requirement, SectionKind, Structure};
use crate::taxonomy::{AliasRef, CaseRule, ContextRule, Kind, SkillIdx, Taxonomy};

/// How a mention matched its skill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum MatchKind {
    /// The display name.
    Exact,
    /// Another alias.
    Alias,
    /// A near spelling (a typo or variant), found by the fuzzy index.
    Fuzzy,
}

/// One place a skill is named.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    /// Byte offset of the first byte, in the text given to [`Extractor::extract`].
    pub start: usize,
    /// Byte offset after the last byte (exclusive).
    pub end: usize,
    /// `text[start..end]`.
    pub text: String,
    /// How it matched.
    #[serde(rename = "match")]
    pub match_kind: MatchKind,
    /// The fuzzy score (0-100) when `match_kind` is fuzzy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
    /// The section the mention sits in.
    pub section: SectionKind,
    /// How strongly the text asks for the skill there.
    pub requirement: Requirement,
    /// Years of experience attached ("5+ years of Python" gives 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<u8>,
    /// For a certification or degree: the text says it is being worked towards, not held ("CPA candidate",
    /// "studying for the PMP", "MSc expected 2026").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_progress: bool,
    /// The sentence the mention sits in, as byte offsets.
    #[serde(skip)]
    pub sentence: (usize, usize),
}

/// A skill found in a document, with every mention.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SkillEvidence {
    /// The skill.
    pub skill: SkillIdx,
    /// Its mentions, in text order.
    pub mentions: Vec<Mention>,
}

impl SkillEvidence {
    /// The strongest requirement over all mentions.
    pub fn requirement(&self) -> Requirement {
        self.mentions.iter().map(|m| m.requirement).max().unwrap_or(Requirement::Mentioned)
    }

    /// The largest number of years attached to any mention.
    pub fn years(&self) -> Option<u8> {
        self.mentions.iter().filter_map(|m| m.years).max()
    }

    /// The strongest mention: highest requirement, then earliest.
    pub fn best_mention(&self) -> &Mention {
        let mut best = &self.mentions[0];
        for m in &self.mentions[1..] {
            if m.requirement > best.requirement {
                best = m;
            }
        }
        best
    }
}

/// The skills found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// The skills, in order of first mention.
    pub skills: Vec<SkillEvidence>,
    /// Skills offered as alternatives to each other ("Kafka or Kinesis", "Snowflake (BigQuery or Redshift also
    /// fine)"): showing one of a group answers the others.
    pub alternatives: Vec<Alternatives>,
}

/// Skills one sentence offers as alternatives to each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternatives {
    /// The skills, in text order.
    pub skills: Vec<SkillIdx>,
    /// The sentence, as byte offsets.
    pub sentence: (usize, usize),
}

impl Document {
    /// The evidence for `skill`, if the document names it.
    pub fn get(&self, skill: SkillIdx) -> Option<&SkillEvidence> {
        self.skills.iter().find(|s| s.skill == skill)
    }

    /// Maps every span through `map`, where `map[i]` is the offset in some outer text of byte `i` of the text that
    /// was extracted (with one extra entry for the end), and resets each mention's text from `outer`.
    pub fn remap(&mut self, map: &[u32], outer: &str) {
        for evidence in &mut self.skills {
            for m in &mut evidence.mentions {
                let end_inner = m.end.saturating_sub(1).max(m.start);
                let start = map[m.start] as usize;
                let last = map[end_inner] as usize;
                // The last character may stand for an entity in the outer text ("C&#43;&#43;"): cover all of it.
                let end = match outer[last..]
                    .strip_prefix('&')
                    .and_then(|rest| rest.bytes().take(12).position(|b| b == b';'))
                {
                    Some(semicolon) => last + semicolon + 2,
                    None => last + outer[last..].chars().next().map_or(0, char::len_utf8),
                };
                let end = end.max(start);
                m.start = start;
                m.end = end;
                m.text = outer[start..end].to_owned();
                m.sentence = (map[m.sentence.0] as usize, map[m.sentence.1.min(map.len() - 1)] as usize);
            }
        }
    }
}

/// Whether every word of `key` is in `vocabulary`.
fn all_words_in(key: &str, vocabulary: &rustc_hash::FxHashSet<String>) -> bool {
    key.split(|c: char| !is_word_char(c)).all(|w| w.is_empty() || vocabulary.contains(w))
}

/// What one automaton pattern can mean.
#[derive(Debug, Clone)]
struct Pattern {
    targets: Vec<AliasRef>,
    /// The folded pattern's length in chars: short aliases get stricter boundary rules.
    chars: usize,
}

/// Reusable buffers for extraction, one per worker thread.
#[derive(Debug, Default)]
pub struct Scratch {
    normalized: Normalized,
    structure: Structure,
    raw: Vec<RawMatch>,
}

#[derive(Debug, Clone, Copy)]
struct RawMatch {
    /// Original-text span.
    start: usize,
    end: usize,
    alias: AliasRef,
    /// Whether the alias needs context before it counts.
    ambiguous: bool,
    /// Found by loose phrase matching rather than as written.
    loose: bool,
}

/// Minimum context evidence for an ambiguous alias to count (see `context_score`).
const CONTEXT_THRESHOLD: i32 = 2;

/// Finds skills in text. Build once per taxonomy, then share between threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    taxonomy: Taxonomy,
    automaton: AhoCorasick,
    patterns: Vec<Pattern>,
    phrases: Option<PhraseIndex>,
    /// Built on first use: only CV skill lists and lookups need it.
    fuzzy: std::sync::OnceLock<FuzzyIndex>,
}

/// Options for building an [`Extractor`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    phrases: PhraseMatching,
    /// When set, only aliases whose first word occurs among these folded words are compiled.
    vocabulary: Option<rustc_hash::FxHashSet<String>>,
}

impl ExtractorBuilder {
    /// Compiles only the aliases that can occur in `texts`: those whose every word is a word of some text.
    ///
    /// The automaton over a whole taxonomy takes tens of milliseconds to build; over the few hundred aliases
    /// that a handful of documents can contain, well under one. Extraction from `texts` gives exactly the
    /// result of an unrestricted extractor (a match starts and ends at word boundaries, so each of its words is a
    /// whole word of the text); extraction from other texts may miss skills. For one-off comparisons.
    pub fn restrict_to_words_of(&mut self, texts: &[&str]) -> &mut ExtractorBuilder {
        let vocabulary = self.vocabulary.get_or_insert_with(Default::default);
        for text in texts {
            let folded = Normalized::new(text);
            for word in folded.as_str().split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()) {
                if !vocabulary.contains(word) {
                    vocabulary.insert(word.to_owned());
                }
            }
        }
        self
    }

    /// Whether phrase labels also match loosely (stemmed, any order, small gaps). Off by default.
    pub fn phrase_matching(&mut self, phrases: PhraseMatching) -> &mut ExtractorBuilder {
        self.phrases = phrases;
        self
    }

    /// Builds the automaton (and the phrase index, when on) over every alias of `taxonomy`.
    pub fn build(&self, taxonomy: Taxonomy) -> Result<Extractor, Error> {
        let mut keyed: Vec<(&str, &[AliasRef])> = taxonomy.folded_aliases().collect();
        if let Some(vocabulary) = &self.vocabulary {
            // Every word of an alias is delimited by non-word characters on both sides, so it can only match
            // where the text has each of its words as a whole word.
            keyed.retain(|(key, _)| all_words_in(key, vocabulary));
        }
        // Deterministic pattern ids, whatever the hash map's order.
        keyed.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let patterns: Vec<Pattern> =
            keyed.iter().map(|(k, refs)| Pattern { targets: refs.to_vec(), chars: k.chars().count() }).collect();
        let automaton = AhoCorasick::builder()
            .match_kind(AcMatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(keyed.iter().map(|(k, _)| k))
            .map_err(|e| Error::new(ErrorKind::Automaton, "taxonomy", format!("cannot build the matcher: {e}")))?;
        let phrases = (self.phrases == PhraseMatching::Loose).then(|| PhraseIndex::new(&taxonomy));
        Ok(Extractor { taxonomy, automaton, patterns, phrases, fuzzy: std::sync::OnceLock::new() })
    }
}

impl Extractor {
    /// Builds an extractor with the default options (exact alias matching only).
    pub fn new(taxonomy: Taxonomy) -> Extractor {
        // The automaton only fails past size limits far beyond any taxonomy (hundreds of MB of patterns).
        Extractor::builder().build(taxonomy).expect("the automaton builds")
    }

    /// Options for building an extractor.
    pub fn builder() -> ExtractorBuilder {
        ExtractorBuilder::default()
    }

    /// The taxonomy this extractor matches.
    pub fn taxonomy(&self) -> &Taxonomy {
        &self.taxonomy
    }

    /// The fuzzy index over the taxonomy's aliases, built on first use.
    pub fn fuzzy(&self) -> &FuzzyIndex {
        self.fuzzy.get_or_init(|| FuzzyIndex::new(&self.taxonomy))
    }

    /// Finds every skill named in `text`.
    pub fn extract(&self, text: &str) -> Document {
        self.extract_with(text, &mut Scratch::default())
    }

    /// Like [`Extractor::extract`], reusing `scratch` between calls.
    pub fn extract_with(&self, text: &str, scratch: &mut Scratch) -> Document {
        scratch.normalized.refill(text);
        scratch.structure.refill(text);
        scratch.raw.clear();
        self.find_raw(text, scratch);
        if let Some(phrases) = &self.phrases {
            self.add_phrases(phrases, text, scratch);
        }
        self.resolve(text, scratch)
    }

    /// The automaton pass: candidate matches that pass the boundary and case checks.
    fn find_raw(&self, text: &str, scratch: &mut Scratch) {
        let Scratch { normalized, raw, .. } = scratch;
        let folded = normalized.as_str();
        let mut at = 0;
        while at < folded.len() {
            let Some(m) = self.automaton.find(Input::new(folded).span(at..folded.len())) else { break };
            let (start, end) = (m.start(), m.end());
            let pattern = &self.patterns[m.pattern().as_usize()];
            if self.accept_at(text, normalized, raw, start, end, pattern) {
                at = end;
                continue;
            }
            // The longest alias here failed its boundary at the end: a shorter alias at the same start may
            // still fit ("react native" inside "react nativeness" leaves "react").
            if boundary_before(folded, start, pattern.chars) {
                if let Some(shorter_end) = self.shorter_match(text, normalized, raw, start, end) {
                    at = shorter_end;
                    continue;
                }
            }
            // No match can start inside a word (the start boundary would fail), so skip to the end of the word
            // this one started in; a match that starts with punctuation (".net") starts after it.
            let first = folded[start..].chars().next();
            at = if first.is_some_and(is_word_char) {
                folded[start..].find(|c: char| !is_word_char(c)).map_or(folded.len(), |i| start + i)
            } else {
                start + first.map_or(1, char::len_utf8)
            };
        }
    }

    fn accept_at(
        &self,
        text: &str,
        normalized: &Normalized,
        raw: &mut Vec<RawMatch>,
        start: usize,
        end: usize,
        pattern: &Pattern,
    ) -> bool {
        let folded = normalized.as_str();
        if !boundary_before(folded, start, pattern.chars) || !boundary_after(folded, end, pattern.chars) {
            return false;
        }
        let (os, oe) = normalized.original_span(text, start, end);
        let original = &text[os..oe];
        // Prefer an alias that stands on its own; keep an ambiguous one for the context pass.
        let mut chosen: Option<(AliasRef, bool)> = None;
        for &target in &pattern.targets {
            let alias = self.taxonomy.alias(target);
            if alias.case == CaseRule::Exact && !same_text(original, &alias.text) {
                continue;
            }
            let ambiguous = alias.context == ContextRule::Needed;
            match chosen {
                None => chosen = Some((target, ambiguous)),
                Some((_, true)) if !ambiguous => chosen = Some((target, false)),
                _ => {}
            }
        }
        let Some((alias, ambiguous)) = chosen else { return false };
        raw.push(RawMatch { start: os, end: oe, alias, ambiguous, loose: false });
        true
    }

    /// Adds loose phrase matches that do not overlap an exact one, keeping the matches in text order.
    fn add_phrases(&self, phrases: &PhraseIndex, text: &str, scratch: &mut Scratch) {
        let mut found = Vec::new();
        phrases.find(scratch.normalized.as_str(), &mut found);
        let before = scratch.raw.len();
        for (start, end, alias) in found {
            let (os, oe) = scratch.normalized.original_span(text, start, end);
            if scratch.raw[..before].iter().all(|m| oe <= m.start || os >= m.end) {
                scratch.raw.push(RawMatch { start: os, end: oe, alias, ambiguous: false, loose: true });
            }
        }
        scratch.raw.sort_by_key(|m| (m.start, m.end));
    }

    /// Tries the aliases that start at `start` and end at an earlier word end than `end`.
    fn shorter_match(
        &self,
        text: &str,
        normalized: &Normalized,
        raw: &mut Vec<RawMatch>,
        start: usize,
        end: usize,
    ) -> Option<usize> {
        let folded = normalized.as_str();
        let mut candidates: Vec<usize> = folded[start..end]
            .char_indices()
            .filter(|&(i, c)| i > 0 && !is_word_char(c))
            .map(|(i, _)| start + i)
            .collect();
        candidates.reverse();
        for cut in candidates {
            let piece = folded[start..cut].trim_end();
            let cut = start + piece.len();
            if piece.is_empty() {
                continue;
            }
            if let Some(id) = self.pattern_for(piece) {
                let pattern = &self.patterns[id];
                if self.accept_at(text, normalized, raw, start, cut, pattern) {
                    return Some(cut);
                }
            }
        }
        None
    }

    fn pattern_for(&self, folded: &str) -> Option<usize> {
        let m = self.automaton.find(Input::new(folded).anchored(aho_corasick::Anchored::No))?;
        (m.start() == 0 && m.end() == folded.len()).then(|| m.pattern().as_usize())
    }

    /// The context pass, then sections, requirements and years; groups mentions by skill.
    fn resolve(&self, text: &str, scratch: &mut Scratch) -> Document {
        let raw = &scratch.raw;
        let structure = &scratch.structure;
        let mut doc = Document::default();
        // Kept mentions in text order, for finding alternatives: (start, end, sentence, skill).
        let mut kept: Vec<(usize, usize, (usize, usize), SkillIdx)> = Vec::new();
        let mut sentence_cue: ((usize, usize), Option<Requirement>) = ((usize::MAX, 0), None);
        for (i, m) in raw.iter().enumerate() {
            let Some(line) = structure.line_at(m.start) else { continue };
            // A multi-word alias may run over a hard line break ("machine\nlearning"); its context then spans
            // both lines.
            let line_end = structure.line_at(m.end.saturating_sub(1)).map_or(line.end, |l| l.end).max(line.end);
            let sentence = sentence_around(text, line.start, line_end, m.start, m.end);
            if m.ambiguous
                && context_score(text, raw, i, line.section, line.start, line_end, sentence) < CONTEXT_THRESHOLD
            {
                continue;
            }
            // The clause's own words win over the sentence's: "(Google Ads essential), ideally in SaaS".
            let clause = clause_around(text, sentence, m.start, m.end);
            // Mentions in one sentence share its cue: read it once.
            if sentence_cue.0 != sentence {
                sentence_cue = (sentence, requirement_cue(&text[sentence.0..sentence.1]));
            }
            // A clause can only hold a cue when its sentence does.
            let requirement = sentence_cue
                .1
                .and_then(|sentence_level| requirement_cue(clause).or(Some(sentence_level)))
                .unwrap_or(match line.section {
                    SectionKind::Requirements => Requirement::Required,
                    SectionKind::Preferred => Requirement::Preferred,
                    _ => Requirement::Mentioned,
                });
            let years = years_for(text, sentence, m.start, m.end);
            let credential = matches!(self.taxonomy.skill(m.alias.skill).kind, Kind::Certification | Kind::Degree);
            let in_progress = credential && in_progress_cue(clause, &text[sentence.0..sentence.1]);
            let match_kind = match (m.loose, m.alias.alias) {
                (true, _) => MatchKind::Fuzzy,
                (false, 0) => MatchKind::Exact,
                (false, _) => MatchKind::Alias,
            };
            kept.push((m.start, m.end, sentence, m.alias.skill));
            let mention = Mention {
                start: m.start,
                end: m.end,
                text: text[m.start..m.end].to_owned(),
                match_kind,
                score: None,
                section: line.section,
                requirement,
                years,
                in_progress,
                sentence,
            };
            match doc.skills.iter_mut().find(|s| s.skill == m.alias.skill) {
                Some(evidence) => evidence.mentions.push(mention),
                None => doc.skills.push(SkillEvidence { skill: m.alias.skill, mentions: vec![mention] }),
            }
        }
        doc.alternatives = alternative_groups(text, &kept);
        doc
    }
}

/// Words that say a credential is being worked towards rather than held.
const IN_PROGRESS_CUES: &[&str] = &[
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
];

/// Whether the clause (or, failing a cue there, the sentence) says a credential is not yet held.
fn in_progress_cue(clause: &str, sentence: &str) -> bool {
    let has = |s: &str| {
        let s = s.to_lowercase();
        IN_PROGRESS_CUES.iter().any(|cue| s.contains(cue))
    };
    has(clause) || has(sentence)
}

/// The clause around `[start, end)` within its sentence: split at commas, brackets, colons and semicolons.
fn clause_around(text: &str, sentence: (usize, usize), start: usize, end: usize) -> &str {
    const DELIMITERS: &[char] = &[',', '(', ')', ';', ':', '[', ']'];
    let s = text[sentence.0..start].rfind(DELIMITERS).map_or(sentence.0, |i| sentence.0 + i + 1);
    let e = text[end..sentence.1].find(DELIMITERS).map_or(sentence.1, |i| end + i);
    &text[s..e]
}

/// Groups of skills a text offers as alternatives: runs of mentions in one sentence joined only by separators
/// and short "or" phrases, where at least one joint says "or" (or `/`), or the run ends in "or similar".
fn alternative_groups(text: &str, kept: &[(usize, usize, (usize, usize), SkillIdx)]) -> Vec<Alternatives> {
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
    ];
    const TAILS: &[&str] = &["or similar", "or equivalent", "or comparable", "or other", "or another", "or any"];
    let mut groups: Vec<Alternatives> = Vec::new();
    let mut run: Vec<SkillIdx> = Vec::new();
    let mut run_has_or = false;
    let mut flush = |run: &mut Vec<SkillIdx>, has_or: bool, tail: &str, sentence: (usize, usize)| {
        let tail = tail.trim_start_matches([' ', ',', '(']).to_ascii_lowercase();
        let tail_or = TAILS.iter().any(|t| tail.starts_with(t));
        let mut members: Vec<SkillIdx> = Vec::new();
        for &s in run.iter() {
            if !members.contains(&s) {
                members.push(s);
            }
        }
        if members.len() > 1 && (has_or || tail_or) {
            groups.push(Alternatives { skills: members, sentence });
        }
        run.clear();
    };
    for (i, &(_, end, sentence, skill)) in kept.iter().enumerate() {
        if run.is_empty() {
            run.push(skill);
            run_has_or = false;
        }
        let next = kept.get(i + 1).filter(|n| n.2 == sentence && n.0 >= end);
        let Some(&(next_start, ..)) = next else {
            let tail_end = sentence.1.max(end).min(text.len());
            flush(&mut run, run_has_or, text.get(end..tail_end).unwrap_or(""), sentence);
            continue;
        };
        let gap = text.get(end..next_start).unwrap_or("").to_ascii_lowercase();
        let words: Vec<&str> =
            gap.split(|c: char| !c.is_alphanumeric() && c != '.').filter(|w| !w.is_empty()).collect();
        let only_links = gap.len() <= 40 && words.iter().all(|w| LINK_WORDS.contains(&w.trim_end_matches('.')));
        let linked = only_links
            && gap.chars().all(|c| c.is_alphanumeric() || matches!(c, ' ' | ',' | '(' | ')' | '/' | '.' | ':'));
        if linked {
            run_has_or |= words.contains(&"or") || gap.contains('/');
            run.push(kept[i + 1].3);
        } else {
            flush(&mut run, run_has_or, &gap, sentence);
        }
    }
    groups
}

/// Whether the folded text at `start` may begin a match: no word character before it, and for short aliases
/// no joiner such as `-` or `'` glued to a word before it ("T-SQL" is not "SQL"... but "e-commerce" isn't "commerce").
fn boundary_before(folded: &str, start: usize, chars: usize) -> bool {
    let mut before = folded[..start].chars().rev();
    let first = folded[start..].chars().next();
    match before.next() {
        None => true,
        Some(c) if is_word_char(c) => !first.is_some_and(is_word_char),
        Some(c) if chars <= 2 && is_joiner(c) => !before.next().is_some_and(is_word_char),
        Some(_) => true,
    }
}

/// Whether the folded text at `end` may end a match (see [`boundary_before`]).
fn boundary_after(folded: &str, end: usize, chars: usize) -> bool {
    let mut after = folded[end..].chars();
    let last = folded[..end].chars().next_back();
    match after.next() {
        None => true,
        Some(c) if is_word_char(c) => !last.is_some_and(is_word_char),
        // "C+" or "C#" written without an alias of their own are not C.
        Some('+' | '#') if last.is_some_and(is_word_char) => false,
        Some(c) if chars <= 2 && is_joiner(c) => !after.next().is_some_and(is_word_char),
        Some(_) => true,
    }
}

/// Characters that glue two words into one for short aliases: "C-suite", "go-to", "it's", "R&D", "A.I".
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '.' | '&' | '@')
}

/// Whether `original` reads exactly as `alias`, whitespace runs aside.
fn same_text(original: &str, alias: &str) -> bool {
    original.split_whitespace().eq(alias.split_whitespace())
}

/// The word right before an ambiguous alias that shows it is meant as a skill ("using Excel", "strong
/// communication").
const CUES_BEFORE: &[&str] = &[
    "with",
    "using",
    "in",
    "of",
    "advanced",
    "strong",
    "solid",
    "excellent",
    "good",
    "great",
    "clear",
    "effective",
    "written",
    "verbal",
    "proven",
    "including",
    "such",
    "like",
    "use",
    "used",
    "certified",
    "fluent",
    "native",
    "expert",
    "basic",
    "intermediate",
    "hands-on",
];
/// Words up to three before an ambiguous alias that show a skill is being named ("experience with dbt",
/// "knowledge of Excel").
const CUES_NEAR: &[&str] = &[
    "knowledge",
    "experience",
    "experienced",
    "proficient",
    "proficiency",
    "expertise",
    "skilled",
    "skills",
    "familiarity",
    "familiar",
    "competency",
    "competence",
    "understanding",
    "background",
    "fluency",
];
/// Words after an ambiguous alias that show it is meant as a skill ("Excel skills", "Go developer").
const CUES_AFTER: &[&str] = &[
    "skills",
    "skill",
    "experience",
    "programming",
    "developer",
    "developers",
    "development",
    "engineer",
    "engineers",
    "language",
    "certification",
    "certified",
    "expert",
    "expertise",
    "proficiency",
    "knowledge",
    "spreadsheets",
    "macros",
    "formulas",
    "dashboards",
    "framework",
    "stack",
    "code",
    "services",
    "speaker",
    "fluency",
    "abilities",
];
/// Words after an alias that show it is a verb or an ordinary word ("excel at", "lead the team", "go to").
const ANTI_AFTER: &[&str] = &[
    "at",
    "to",
    "the",
    "a",
    "an",
    "our",
    "your",
    "their",
    "his",
    "her",
    "beyond",
    "ahead",
    "through",
    "into",
    "up",
    "out",
    "forward",
    "this",
    "that",
    "these",
    "those",
    "it",
    "them",
    "you",
    "we",
    "us",
    "in",
    "by",
    "back",
    // An organisation, not a skill: "the IT department", "Sales team", "Research staff".
    "department",
    "departments",
    "team",
    "teams",
    "staff",
    "professionals",
    "colleagues",
    "organisation",
    "organization",
    "function",
    "leadership",
];
/// Words before an alias that show it is a verb ("you will excel", "ability to lead").
const ANTI_BEFORE: &[&str] = &[
    "to", "will", "can", "could", "must", "should", "would", "you'll", "you", "we", "i", "they", "who", "help",
    "let's", "let", "may", "might", "we'll", "i'll",
];

/// How much the surroundings support reading an ambiguous alias as a skill. Each signal is worth one point,
/// a skills section two, and a verb-like neighbour costs two; [`CONTEXT_THRESHOLD`] points are needed.
fn context_score(
    text: &str,
    raw: &[RawMatch],
    i: usize,
    section: SectionKind,
    line_start: usize,
    line_end: usize,
    sentence: (usize, usize),
) -> i32 {
    let m = &raw[i];
    let mut score = 0;
    if section == SectionKind::Skills {
        score += 2;
    }
    let matched = &text[m.start..m.end];
    let left = text[line_start..m.start].trim_end();
    let right = text[m.end..line_end].trim_start();
    // First word of its line, bullet or sentence: a capital there says nothing ("Lead negotiations with buyers").
    let bare_left = left.trim_start_matches(|c: char| c.is_whitespace() || matches!(c, '-' | '*' | '+' | '•' | '·'));
    let initial = bare_left.is_empty() || bare_left.ends_with(['.', '!', '?']);
    let capitalised = matched.chars().any(char::is_uppercase) && !matched.chars().all(char::is_uppercase)
        || matched.len() <= 3 && matched.chars().all(|c| !c.is_lowercase());
    if capitalised && !initial {
        // Written with capitals like a name ("Excel", "Go", "R"), not as an ordinary lowercase word.
        score += 1;
    }
    const SEPARATORS: &[char] = &[',', ';', '/', '|', '(', ')', '•', '·'];
    let left_sep = bare_left.ends_with(SEPARATORS) || bare_left.ends_with(':');
    // A bullet or line that is nothing but the alias is a list item too.
    let right_sep = right.starts_with(SEPARATORS) || (right.is_empty() && (left_sep || initial));
    if initial && right_sep {
        // The first item of a bullet or line, set off by a separator ("- Go, for our ingestion services") or
        // standing alone ("* Excel"): an item of a list, one more point.
        score += 1;
    }
    if left_sep || right_sep {
        score += 1;
    }
    let is_word = |c: char| c.is_alphanumeric() || c == '\'' || c == '-';
    let words_before: Vec<String> =
        left.rsplit(|c: char| !is_word(c)).filter(|w| !w.is_empty()).take(3).map(str::to_lowercase).collect();
    let word_before = words_before.first().cloned().unwrap_or_default();
    let word_after = right.split(|c: char| !is_word(c)).next().unwrap_or("").to_lowercase();
    if !left_sep {
        if CUES_BEFORE.contains(&word_before.as_str()) {
            score += 1;
        }
        if words_before.iter().any(|w| CUES_NEAR.contains(&w.as_str())) {
            score += 1;
        }
        if ANTI_BEFORE.contains(&word_before.as_str()) {
            score -= 2;
        }
    }
    if !right_sep {
        if CUES_AFTER.contains(&word_after.as_str()) {
            score += 1;
        }
        if ANTI_AFTER.contains(&word_after.as_str()) {
            score -= 2;
        }
    }
    // Another confident skill in the same sentence.
    // `raw` is in text order: look only at the matches inside the sentence (linear in a huge text otherwise).
    let first = raw.partition_point(|other| other.start < sentence.0);
    let neighbour = raw[first..]
        .iter()
        .take_while(|other| other.start < sentence.1)
        .enumerate()
        .any(|(k, other)| first + k != i && !other.ambiguous && other.end <= sentence.1);
    if neighbour {
        score += 1;
    }
    score
}

/// Years attached to the mention at `[start, end)`: the nearest "N years" phrase before it in its sentence, or
/// one right after it in brackets or after a dash ("Python (5 years)", "SQL - 3 yrs").
fn years_for(text: &str, sentence: (usize, usize), start: usize, end: usize) -> Option<u8> {
    let s = &text[sentence.0..sentence.1];
    let mut before = None;
    for (number_at, unit_end, n) in years_in(s) {
        let number_at = sentence.0 + number_at;
        if number_at < start {
            before = Some(n);
        } else if number_at >= end {
            let gap = text[end..number_at].trim();
            if gap.is_empty() || gap == "(" || gap == "-" || gap == "–" || gap == ":" || gap == "," {
                return Some(n);
            }
            let _ = unit_end;
            break;
        }
    }
    before
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAXONOMY: &str = "id,name,family,kind,aliases,related,broader
c,C,software,language,^?C,,
cpp,C++,software,language,cpp,,
csharp,C#,software,language,C Sharp,,
dotnet,.NET,software,framework,dotnet,,
excel,Microsoft Excel,data,tool,?Excel;MS Excel,,
go,Go,software,language,^?Go;Golang,,
it,Information Technology,it,domain,^?IT,,
java,Java,software,language,,,
javascript,JavaScript,software,language,JS;^?Javascript ES6,,
kubernetes,Kubernetes,cloud,tool,k8s,,
leadership,Leadership,general,soft,^?Lead,,
nodejs,Node.js,software,framework,NodeJS;Node,,
python,Python,software,language,Python 3,,
r,R,data,language,^?R,,
react,React,software,framework,ReactJS;React.js,,
react-native,React Native,software,framework,,,
sql,SQL,data,language,,,
cicd,CI/CD,cloud,method,,,
ab-testing,A/B testing,marketing,method,,,
";

    fn extractor() -> Extractor {
        let mut b = Taxonomy::builder();
        b.add_csv("test.csv", TAXONOMY).expect("test taxonomy parses");
        Extractor::new(b.build().expect("test taxonomy builds"))
    }

    fn ids(ex: &Extractor, text: &str) -> Vec<String> {
        let doc = ex.extract(text);
        doc.skills.iter().map(|s| ex.taxonomy().skill(s.skill).id.clone()).collect()
    }

    struct Case {
        name: &'static str,
        input: &'static str,
        expected: &'static [&'static str],
    }

    const CASES: &[Case] = &[
        Case { name: "c family kept apart", input: "We use C, C++ and C# daily.", expected: &["c", "cpp", "csharp"] },
        Case {
            name: "java vs javascript",
            input: "Java and JavaScript are different.",
            expected: &["java", "javascript"],
        },
        Case {
            name: "react vs react native",
            input: "React Native apps and React sites.",
            expected: &["react-native", "react"],
        },
        Case { name: "react nativeness", input: "Our react nativeness is odd.", expected: &["react"] },
        Case { name: "go the verb", input: "Let's go to market and go beyond.", expected: &[] },
        Case { name: "go sentence start", input: "Go to the office.", expected: &[] },
        Case { name: "go the language", input: "Backend services in Go and Python.", expected: &["go", "python"] },
        Case { name: "golang", input: "golang microservices", expected: &["go"] },
        Case {
            name: "excel the verb",
            input: "You will excel at this role. Excel at building relationships.",
            expected: &[],
        },
        Case { name: "excel the tool", input: "Advanced Excel skills and MS Excel macros.", expected: &["excel"] },
        Case { name: "excel in list", input: "Tools: Excel, SQL", expected: &["excel", "sql"] },
        Case { name: "it the pronoun", input: "Make it work; it is fun.", expected: &[] },
        Case { name: "it department", input: "Support the IT department.", expected: &[] },
        Case { name: "it support", input: "Skills: IT, networking", expected: &["it"] },
        Case { name: "r language", input: "Statistics in R, Python and SQL.", expected: &["r", "python", "sql"] },
        Case { name: "r and d", input: "Our R&D team.", expected: &[] },
        Case { name: "c suite", input: "Present to the C-suite.", expected: &[] },
        Case { name: "dotnet forms", input: "Built on .NET and dotnet core", expected: &["dotnet"] },
        Case { name: "node", input: "Node.js or NodeJS", expected: &["nodejs"] },
        Case { name: "ci cd", input: "CI/CD pipelines, A/B testing", expected: &["cicd", "ab-testing"] },
        Case { name: "word boundary", input: "Pythonic code, sqlite, k8sx", expected: &[] },
        Case { name: "python 3", input: "Python 3 and k8s", expected: &["python", "kubernetes"] },
        Case { name: "fullwidth", input: "ＰＹＴＨＯＮ experience", expected: &["python"] },
        Case { name: "zero width", input: "Kuber\u{200B}netes", expected: &["kubernetes"] },
        Case { name: "hyphenated", input: "Python-based tooling", expected: &["python"] },
        Case { name: "bullet verb", input: "- Lead negotiation on pricing with Python teams", expected: &["python"] },
        Case { name: "line-initial list", input: "Go, Python", expected: &["go", "python"] },
        Case { name: "bullet item", input: "Tools\n* Excel\n* SQL", expected: &["excel", "sql"] },
    ];

    #[test]
    fn extraction_table() {
        let ex = extractor();
        for case in CASES {
            assert_eq!(ids(&ex, case.input), case.expected, "{}: {:?}", case.name, case.input);
        }
    }

    #[test]
    fn spans_index_the_original() {
        let ex = extractor();
        let text = "Ｐython? No: Kubernetes (k8s), C#, and Node.js\r\n";
        let doc = ex.extract(text);
        for evidence in &doc.skills {
            for m in &evidence.mentions {
                assert_eq!(&text[m.start..m.end], m.text);
            }
        }
        assert_eq!(doc.skills[0].mentions[0].text, "Ｐython");
        let k8s = &doc.skills[1].mentions;
        assert_eq!((k8s[0].match_kind, k8s[1].match_kind), (MatchKind::Exact, MatchKind::Alias));
    }

    #[test]
    fn requirements_and_years() {
        let ex = extractor();
        let text = "Requirements\n- 5+ years of Python\n- SQL (3 years)\nNice to have\n- Kubernetes\nTeam of 5 (Java essential), ideally in SaaS.\n";
        let doc = ex.extract(text);
        let got: Vec<(String, Requirement, Option<u8>)> =
            doc.skills.iter().map(|s| (ex.taxonomy().skill(s.skill).id.clone(), s.requirement(), s.years())).collect();
        assert_eq!(
            got,
            [
                ("python".into(), Requirement::Required, Some(5)),
                ("sql".into(), Requirement::Required, Some(3)),
                ("kubernetes".into(), Requirement::Preferred, None),
                ("java".into(), Requirement::Required, None),
            ]
        );
    }

    #[test]
    fn a_restricted_extractor_finds_the_same_skills() {
        let full = extractor();
        let texts = [
            CASES.iter().map(|c| c.input).collect::<Vec<_>>().join("\n"),
            "Ｐython? Kubernetes (k8s), C#, .NET".to_owned(),
        ];
        let mut builder = Extractor::builder();
        builder.restrict_to_words_of(&[texts[0].as_str(), texts[1].as_str()]);
        let restricted = builder.build(full.taxonomy().clone()).expect("builds");
        assert!(restricted.patterns.len() < full.patterns.len());
        for text in &texts {
            assert_eq!(restricted.extract(text), full.extract(text));
        }
    }

    #[test]
    fn alternatives() {
        let ex = extractor();
        let groups = |text: &str| -> Vec<Vec<String>> {
            ex.extract(text)
                .alternatives
                .iter()
                .map(|g| g.skills.iter().map(|&s| ex.taxonomy().skill(s).id.clone()).collect())
                .collect()
        };
        assert_eq!(groups("Experience with Java or Python."), [["java", "python"]]);
        assert_eq!(groups("Ideally Java (Python or SQL also fine)."), [["java", "python", "sql"]]);
        assert_eq!(groups("Kubernetes, k8s, Java, Python or similar"), [["kubernetes", "java", "python"]]);
        assert!(groups("Java, Python and SQL.").is_empty());
        assert!(groups("Java. Python or nothing.").is_empty());
    }

    #[test]
    fn random_text_never_panics_and_spans_hold() {
        // Regression: an alias starting with punctuation (". net") matched across a line break and the context
        // pass sliced past the end of its line.
        let mut b = Taxonomy::builder();
        b.add_csv("t.csv", &format!("{TAXONOMY}dotnet-spaced,Spaced,software,tool,?. net;?c ++,,\n")).expect("parses");
        let ex = Extractor::new(b.build().expect("builds"));
        const PIECES: &[&str] = &[
            "C",
            "C#",
            "C++",
            ".",
            " ",
            "\n",
            "\r\n",
            "Net",
            "net",
            "Go",
            "go",
            "to",
            "Excel",
            "at",
            "R",
            "&",
            "D",
            "-",
            "suite",
            "5+",
            "years",
            "of",
            "Python",
            "ü",
            "\u{95}",
            "é",
            "Ｐ",
            "\u{200B}",
            "(",
            ")",
            ",",
            "Skills:",
            "#",
            "react",
            "native",
            "IT",
            "it",
            "k8s",
            "/",
            "CI",
            "CD",
            "A/B",
            "testing",
            "Requirements",
            "or",
            "ideally",
        ];
        let mut state = 0x9E37_79B9_7F4A_7C15u64;
        for _ in 0..3000 {
            let mut text = String::new();
            for _ in 0..24 {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(PIECES[(state % PIECES.len() as u64) as usize]);
            }
            let doc = ex.extract(&text);
            for m in doc.skills.iter().flat_map(|e| &e.mentions) {
                assert_eq!(&text[m.start..m.end], m.text, "{text:?}");
            }
        }
    }

    #[test]
    fn empty_and_odd_input_do_not_panic() {
        let ex = extractor();
        for text in ["", " ", "\n\n", "\u{FEFF}", "C", "c++", "#", "é", "\u{202B}C#\u{202C}", "ＣＩ／ＣＤ"] {
            let _ = ex.extract(text);
        }
    }
}
