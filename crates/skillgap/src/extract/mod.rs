//! Extraction: one pass of an alias trie over the folded text with word-boundary checks at the match edges
//! ([`automaton`]), context rules for ambiguous aliases ([`context`]), then sections, requirement levels, years and
//! either/or groups ([`alternatives`]) for every mention.

mod alternatives;
mod automaton;
mod context;

use serde::Serialize;

use self::alternatives::{alternative_groups, Kept};
use self::automaton::{AliasAutomaton, RawMatch, NO_PATTERN};
pub use self::automaton::{ExtractorBuilder, Scratch};
use self::context::{context_score, CONTEXT_THRESHOLD};
use crate::fuzzy::FuzzyIndex;
use crate::phrase::PhraseIndex;
use crate::profile::goal_before;
use crate::source::{detect_kind_only, TargetKind};
use crate::span::Span;
use crate::structure::names::{mentions_in_names, organisation_names};
use crate::structure::negation::{may_negate, negation_cue};
use crate::structure::roles::{line_infos, roles, Month};
use crate::structure::{
    clause_around, in_progress_cue, may_hold_years, requirement_cue, sentence_around, years_for, Requirement,
    SectionKind, Structure,
};
use crate::taxonomy::{Kind, SkillIdx, Taxonomy};
use rustc_hash::FxHashMap;

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
    /// Byte offsets in the text given to [`Extractor::extract`], end exclusive. Serialised as `start` and `end`.
    #[serde(flatten)]
    pub span: Span,
    /// `text[span.range()]`.
    pub text: String,
    /// How it matched.
    #[serde(rename = "match")]
    pub match_kind: MatchKind,
    /// The fuzzy score (0-100) when `match_kind` is fuzzy.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
    /// The section the mention sits in.
    pub section: SectionKind,
    /// How strongly the text asks for the skill there. A bio asks for nothing: its mentions are
    /// [`Requirement::Mentioned`] and carry [`Mention::prominence`] instead.
    pub requirement: Requirement,
    /// The words that say the skill is not asked, when `requirement` is [`Requirement::NotRequired`] ("not
    /// required", "No ... needed").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// The either/or group the mention belongs to ("Tableau or Looker"): an id shared by the alternatives, unique
    /// within the document, from 1.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<u32>,
    /// For a bio: why the mention stands out (in the headline, among certifications, with years, repeated, in the
    /// current role).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub prominence: Vec<Prominence>,
    /// Years of experience attached ("5+ years of Python" gives 5).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<u8>,
    /// For a certification or degree: the text says it is being worked towards, not held ("CPA candidate",
    /// "studying for the PMP", "MSc expected 2026").
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub in_progress: bool,
    /// The sentence the mention sits in.
    #[serde(skip)]
    pub sentence: Span,
}

/// Why a skill stands out in a bio: these raise its importance when a CV lacks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Prominence {
    /// In the headline or title, the bio's first line.
    Headline,
    /// Listed among certifications, or a certification itself.
    Certification,
    /// Said with years ("six years of Xero").
    Years,
    /// Named more than once.
    Repeated,
    /// In the person's current role ("currently leads ...", a role running to the present).
    CurrentRole,
}

impl Prominence {
    /// The name JSON and CSV use: `headline`, `certification`, `years`, `repeated`, `current_role`.
    pub fn as_str(self) -> &'static str {
        match self {
            Prominence::Headline => "headline",
            Prominence::Certification => "certification",
            Prominence::Years => "years",
            Prominence::Repeated => "repeated",
            Prominence::CurrentRole => "current_role",
        }
    }
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
}

/// The skills found in one text.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Document {
    /// A posting or a bio: read from the text, or set with [`Extractor::extract_as`].
    pub kind: TargetKind,
    /// The skills, in order of first mention.
    pub skills: Vec<SkillEvidence>,
    /// The lines that ask for something and so should name a skill: a posting's requirement and nice-to-have
    /// lines, a bio's certification lines.
    pub asking_lines: Vec<Span>,
    /// The [`Document::asking_lines`] in which no skill was recognised: "not recognised: read these yourself".
    pub unrecognised: Vec<Span>,
    /// Skills offered as alternatives to each other ("Kafka or Kinesis", "Snowflake (BigQuery or Redshift also
    /// fine)"). Recorded here; [`compare`](crate::compare()) decides whether the CV answers them.
    pub alternatives: Vec<Alternatives>,
}

/// Skills one sentence offers as alternatives to each other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Alternatives {
    /// The group's id, as its mentions carry it in [`Mention::group`].
    pub id: u32,
    /// The skills, in text order.
    pub skills: Vec<SkillIdx>,
    /// The sentence.
    pub sentence: Span,
    /// Whether the target also takes something similar ("ServiceTitan, Housecall Pro or similar"): a CV that
    /// shows a tool (or language, credential…) related to one of them answers the group.
    pub open: bool,
    /// Whether the target takes experience in place of the group ("a BA or equivalent experience"):
    /// a CV with enough years of work answers it.
    pub experience: bool,
}

impl Document {
    /// The evidence for `skill`, if the document names it.
    pub fn get(&self, skill: SkillIdx) -> Option<&SkillEvidence> {
        self.skills.iter().find(|s| s.skill == skill)
    }

    /// Maps every span through `map`, where `map[i]` is the offset in some outer text of byte `i` of the text that
    /// was extracted (with one extra entry for the end), and resets each mention's text from `outer`.
    pub fn remap(&mut self, map: &[u32], outer: &str) {
        // Every offset of the extracted text is in `map`; one past it would stand for the outer text's end.
        let at = |i: usize| map.get(i).map_or(outer.len(), |&o| o as usize);
        for evidence in &mut self.skills {
            for m in &mut evidence.mentions {
                let end_inner = m.span.end.saturating_sub(1).max(m.span.start);
                let start = at(m.span.start);
                let last = at(end_inner);
                // The last character may stand for an entity in the outer text ("C&#43;&#43;"): cover all of it.
                let end = match outer[last..]
                    .strip_prefix('&')
                    .and_then(|rest| rest.bytes().take(12).position(|b| b == b';'))
                {
                    Some(semicolon) => last + semicolon + 2,
                    None => last + outer[last..].chars().next().map_or(0, char::len_utf8),
                };
                let end = end.max(start);
                m.span = Span::new(start, end);
                m.text = outer[m.span.range()].to_owned();
                m.sentence = Span::new(at(m.sentence.start), at(m.sentence.end.min(map.len().saturating_sub(1))));
            }
        }
    }
}

impl Document {
    /// Appends `other`, extracted from the text that starts `offset` bytes into this document's text and after
    /// everything extracted so far: its spans move by `offset`, its groups are numbered after this document's,
    /// and its skills join the evidence already here (`index`: where each skill's evidence is in `skills`).
    fn append_block(&mut self, other: Document, offset: usize, index: &mut FxHashMap<SkillIdx, usize>) {
        let shift = |span: Span| Span::new(span.start + offset, span.end + offset);
        let first_group = self.alternatives.iter().map(|a| a.id).max().unwrap_or(0);
        for mut evidence in other.skills {
            for m in &mut evidence.mentions {
                m.span = shift(m.span);
                m.sentence = shift(m.sentence);
                m.group = m.group.map(|g| g + first_group);
            }
            match index.get(&evidence.skill).and_then(|&at| self.skills.get_mut(at)) {
                Some(held) => {
                    // Grow by an eighth, not by doubling: in a large text the mentions are most of the memory,
                    // and doubling leaves up to half of it unused.
                    let (len, more) = (held.mentions.len(), evidence.mentions.len());
                    if held.mentions.capacity() < len + more {
                        held.mentions.reserve_exact(more.max(len / 8));
                    }
                    held.mentions.append(&mut evidence.mentions);
                }
                None => {
                    index.insert(evidence.skill, self.skills.len());
                    self.skills.push(evidence);
                }
            }
        }
        self.asking_lines.extend(other.asking_lines.into_iter().map(shift));
        self.unrecognised.extend(other.unrecognised.into_iter().map(shift));
        self.alternatives.extend(other.alternatives.into_iter().map(|mut group| {
            group.id += first_group;
            group.sentence = shift(group.sentence);
            group
        }));
    }
}

/// Texts longer than this are read a block at a time (see [`BlockDocument`]). No posting, bio or CV comes near
/// it; a file of many postings saved as one does.
pub const BLOCK_BYTES: usize = 1 << 20;

/// One document read a block at a time, so that the working memory of extraction (the folded copy, the matches,
/// the lines) stays that of one block whatever the size of the text. Blocks end where [`block_end`] says: each is
/// read as a document of its own, so a section heading or an either/or group more than a block away from a
/// mention no longer reaches it, and an ambiguous name is settled by the field of its own block.
#[derive(Debug, Default)]
pub struct BlockDocument {
    document: Document,
    /// Where each skill's evidence is in `document.skills`.
    index: FxHashMap<SkillIdx, usize>,
    /// Where the next block starts in the whole text.
    offset: usize,
}

impl BlockDocument {
    /// Adds `part`, read from the next `len` bytes of the text.
    pub fn push(&mut self, len: usize, part: Document) {
        self.document.kind = part.kind;
        self.document.append_block(part, self.offset, &mut self.index);
        self.offset += len;
    }

    /// The document of every block pushed, with spans in offsets of the whole text.
    pub fn finish(self) -> Document {
        self.document
    }
}

/// Where the block at the start of `rest` ends: all of it when it is `max` bytes or shorter, else after a blank
/// line in the second half of its first `max` bytes where there is one, else after the last line break or
/// whitespace there, else at a character boundary. The cut depends only on the first `max + 1` bytes of `rest`,
/// so a reader of a stream finds the same blocks as a reader of the whole text. Never 0 for a non-empty `rest`.
pub fn block_end(rest: &str, max: usize) -> usize {
    if rest.len() <= max {
        return rest.len();
    }
    let mut limit = max;
    while !rest.is_char_boundary(limit) {
        limit -= 1;
    }
    let head = rest.get(..limit).unwrap_or(rest);
    let half = limit / 2;
    let after_half = |at: &usize| *at >= half;
    let mut cut = head
        .rfind("\n\n")
        .map(|at| at + 2)
        .filter(after_half)
        .or_else(|| head.rfind('\n').map(|at| at + 1).filter(after_half))
        .or_else(|| head.rfind(char::is_whitespace).map(|at| at + 1).filter(after_half))
        .unwrap_or(limit)
        .max(1);
    while !rest.is_char_boundary(cut) {
        cut += 1;
    }
    cut
}

/// Finds skills in text. Build once per taxonomy, then share between threads.
///
/// ```
/// use skillgap::{Extractor, MatchKind, Requirement, Taxonomy};
///
/// let extractor = Extractor::new(Taxonomy::builtin());
/// let text = "Requirements\n- 3+ years of Python\n- Kubernetes (k8s)\n";
/// let document = extractor.extract(text);
///
/// let python = extractor.taxonomy().get("python").expect("built in");
/// let evidence = document.get(python).expect("found");
/// let mention = &evidence.mentions[0];
/// assert_eq!(&text[mention.span.range()], "Python");
/// assert_eq!((mention.match_kind, mention.requirement, mention.years), (MatchKind::Exact, Requirement::Required, Some(3)));
/// ```
#[derive(Debug, Clone)]
pub struct Extractor {
    taxonomy: Taxonomy,
    automaton: AliasAutomaton,
    phrases: Option<PhraseIndex>,
    /// Built on first use: only CV skill lists and lookups need it.
    fuzzy: std::sync::OnceLock<FuzzyIndex>,
}

impl Extractor {
    /// Builds an extractor with the default options (exact alias matching only).
    ///
    /// # Panics
    ///
    /// Only when the automaton needs more states than a 32-bit id can name, which takes gigabytes of alias text:
    /// memory runs out long before. [`Extractor::builder`] returns that case as an error instead.
    pub fn new(taxonomy: Taxonomy) -> Extractor {
        match Extractor::builder().build(taxonomy) {
            Ok(extractor) => extractor,
            Err(e) => panic!("{e}"),
        }
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

    /// Finds every skill named in `text`, reading it as a posting or a bio by its content ([`detect_kind`](crate::detect_kind)).
    pub fn extract(&self, text: &str) -> Document {
        self.extract_with(text, &mut Scratch::default())
    }

    /// Like [`Extractor::extract`], reusing `scratch` between calls.
    pub fn extract_with(&self, text: &str, scratch: &mut Scratch) -> Document {
        self.extract_as_with(text, detect_kind_only(text), scratch)
    }

    /// Finds every skill named in `text`, read as a target of `kind`: a posting's mentions get requirement levels,
    /// a bio's get prominence.
    pub fn extract_as(&self, text: &str, kind: TargetKind) -> Document {
        self.extract_as_with(text, kind, &mut Scratch::default())
    }

    /// Like [`Extractor::extract_as`], reusing `scratch` between calls.
    pub fn extract_as_with(&self, text: &str, kind: TargetKind, scratch: &mut Scratch) -> Document {
        scratch.normalized.refill(text);
        scratch.structure.refill(text);
        scratch.raw.clear();
        self.automaton.find(&self.taxonomy, text, &scratch.normalized, &mut scratch.raw);
        if let Some(phrases) = &self.phrases {
            add_phrases(phrases, text, scratch);
        }
        self.automaton.choose_by_field(&self.taxonomy, text, &mut scratch.raw);
        let mut doc = self.resolve(text, scratch, kind);
        if kind == TargetKind::Bio {
            mark_prominence(&self.taxonomy, text, &scratch.structure, &mut doc);
        }
        mark_unrecognised(text, &scratch.structure, &mut doc);
        doc
    }

    /// The context pass, names that are not skills, then sections, requirements (or nothing, for a bio), years
    /// and either/or groups; groups mentions by skill.
    fn resolve(&self, text: &str, scratch: &Scratch, kind: TargetKind) -> Document {
        let structure = &scratch.structure;
        let candidates = self.confident_matches(text, scratch);
        let kept = drop_organisation_names(text, structure, candidates);
        let mut doc = Document { kind, ..Document::default() };
        let mut sentence_cue: (Span, Option<Requirement>) = (Span::new(usize::MAX, 0), None);
        // Whether the sentence of `sentence_cue` may hold a negation at all.
        let mut sentence_negates = false;
        // Most sentences hold no "N years" at all: found once for all their mentions.
        let mut sentence_years: (Span, bool) = (Span::new(usize::MAX, 0), false);
        let mut mentions: Vec<(SkillIdx, Mention)> = Vec::with_capacity(kept.len());
        // Mentions in one sentence share its reading: read each sentence once.
        let mut personal: (Span, bool) = (Span::new(usize::MAX, 0), false);
        // A tool a bio disowns anywhere ("I haven't opened CorelDRAW since", "I don't miss drywall") is left behind
        // everywhere it names it, its old role's header included.
        let disowned: Vec<SkillIdx> = if kind == TargetKind::Bio {
            kept.iter().filter(|c| disowns(text, c.sentence, c.raw.span)).map(|c| c.raw.alias.skill).collect()
        } else {
            Vec::new()
        };
        for candidate in &kept {
            let m = &candidate.raw;
            let sentence = candidate.sentence;
            if disowned.contains(&m.alias.skill) {
                continue;
            }
            if kind == TargetKind::Bio && personal.0 != sentence {
                personal = (sentence, is_personal_life(&text[sentence.range()]));
            }
            if kind == TargetKind::Bio && personal.1 {
                // "Outside work, you'll find her climbing or baking sourdough": a hobby, not the job.
                continue;
            }
            if kind == TargetKind::Bio
                && (goal_before(text, sentence, m.span, candidate.section) || left_behind(text, sentence, m.span))
            {
                // "My career goal is to train in MRI": not what they have. "Puppet, until we migrated to
                // Ansible": what they left, not what got them hired.
                continue;
            }
            let clause = clause_around(text, sentence, m.span);
            let (requirement, cue) = match kind {
                TargetKind::Bio => (Requirement::Mentioned, None),
                TargetKind::Posting => {
                    // Mentions in one sentence share its cue: read it once.
                    if sentence_cue.0 != sentence {
                        let sentence_text = &text[sentence.range()];
                        sentence_cue = (sentence, requirement_cue(sentence_text));
                        sentence_negates = may_negate(sentence_text);
                    }
                    let level = SentenceLevel { cue: sentence_cue.1, may_negate: sentence_negates };
                    asked_level(text, clause, sentence, level, candidate.section, m.span)
                }
            };
            if sentence_years.0 != sentence {
                sentence_years = (sentence, may_hold_years(&text[sentence.range()]));
            }
            let years = if sentence_years.1 { years_for(text, sentence, m.span) } else { None };
            let credential = matches!(self.taxonomy.skill(m.alias.skill).kind, Kind::Certification | Kind::Degree);
            let in_progress = credential && in_progress_cue(clause, &text[sentence.range()]);
            let match_kind = match (m.loose, m.alias.alias) {
                (true, _) => MatchKind::Fuzzy,
                (false, 0) => MatchKind::Exact,
                (false, _) => MatchKind::Alias,
            };
            let mention = Mention {
                span: m.span,
                text: text[m.span.range()].to_owned(),
                match_kind,
                score: None,
                section: candidate.section,
                requirement,
                cue,
                group: None,
                prominence: Vec::new(),
                years,
                in_progress,
                sentence,
            };
            mentions.push((m.alias.skill, mention));
        }
        doc.alternatives = self.record_groups(text, &mut mentions);
        for (skill, mention) in mentions {
            match doc.skills.iter_mut().find(|s| s.skill == skill) {
                Some(evidence) => evidence.mentions.push(mention),
                None => doc.skills.push(SkillEvidence { skill, mentions: vec![mention] }),
            }
        }
        doc
    }

    /// The candidate matches that survive the context pass, with their line's section and their sentence.
    fn confident_matches(&self, text: &str, scratch: &Scratch) -> Vec<Candidate> {
        let raw = &scratch.raw;
        let structure = &scratch.structure;
        let mut out = Vec::with_capacity(raw.len());
        for (i, m) in raw.iter().enumerate() {
            let Some(line) = structure.line_at(m.span.start) else { continue };
            // A multi-word alias may run over a hard line break ("machine\nlearning"); its context then spans
            // both lines.
            let line_end = structure
                .line_at(m.span.end.saturating_sub(1))
                .map_or(line.span.end, |l| l.span.end)
                .max(line.span.end);
            let line_span = Span::new(line.span.start, line_end);
            // The sentence may run over a hard wrap; the context check still reads the mention's own line.
            let wrapped = structure.wrapped_line_at(text, m.span.start).unwrap_or(line_span);
            let sentence = sentence_around(
                text,
                Span::new(wrapped.start.min(line_span.start), wrapped.end.max(line_span.end)),
                m.span,
            );
            if m.ambiguous && context_score(text, raw, i, line.section, line_span, sentence) < CONTEXT_THRESHOLD {
                continue;
            }
            out.push(Candidate { raw: *m, section: line.section, sentence });
        }
        out
    }

    /// Records the either/or groups among `mentions` (in text order): each member mention gets the group's id. A
    /// platform's parts in brackets become mentions of no requirement of their own.
    fn record_groups(&self, text: &str, mentions: &mut [(SkillIdx, Mention)]) -> Vec<Alternatives> {
        let kept: Vec<Kept> = mentions
            .iter()
            .map(|(skill, m)| Kept {
                span: m.span,
                sentence: m.sentence,
                skill: *skill,
                spoken: self.taxonomy.skill(*skill).kind == Kind::Spoken,
            })
            .collect();
        let is_part = |platform: SkillIdx, part: SkillIdx| self.taxonomy.is_under(part, platform);
        let grouping = alternative_groups(text, &kept, &is_part);
        for &i in &grouping.parts {
            if let Some((_, m)) = mentions.get_mut(i) {
                // An example of what a platform means asks nothing of its own beyond the platform.
                m.requirement = m.requirement.min(Requirement::Mentioned);
            }
        }
        let mut groups = Vec::new();
        for (n, group) in grouping.groups.into_iter().enumerate() {
            let id = n as u32 + 1;
            for &i in &group.members {
                if let Some((_, m)) = mentions.get_mut(i) {
                    m.group = Some(id);
                }
            }
            groups.push(Alternatives { id, ..group.alternatives });
        }
        groups
    }
}

/// A match that passed the context pass, before it becomes a [`Mention`].
#[derive(Debug, Clone, Copy)]
struct Candidate {
    raw: RawMatch,
    section: SectionKind,
    sentence: Span,
}

/// What a posting's sentence says for all its mentions, read once.
#[derive(Debug, Clone, Copy)]
struct SentenceLevel {
    /// Its requirement cue ([`requirement_cue`]).
    cue: Option<Requirement>,
    /// Whether it may hold a negation ([`may_negate`]): when not, no mention in it is negated.
    may_negate: bool,
}

/// How strongly a posting asks for the mention at `span`: a negation in its sentence says not at all (with the
/// cue's words); otherwise the clause's own words, then the sentence's, then the section's default.
fn asked_level(
    text: &str,
    clause: &str,
    sentence: Span,
    sentence_level: SentenceLevel,
    section: SectionKind,
    span: Span,
) -> (Requirement, Option<String>) {
    let sentence_text = &text[sentence.range()];
    let negation = || negation_cue(sentence_text, span.start - sentence.start, span.end - sentence.start);
    if let Some(cue) = sentence_level.may_negate.then(negation).flatten() {
        return (Requirement::NotRequired, sentence_text.get(cue.0..cue.1).map(str::to_owned));
    }
    let sentence_level = sentence_level.cue;
    // The clause's own words win over the sentence's: "(Google Ads essential), ideally in SaaS". A clause can
    // only hold a cue when its sentence does, and a clause that is the whole sentence holds the sentence's.
    let whole = clause.len() == sentence_text.len();
    let clause_level = |sentence_level| if whole { Some(sentence_level) } else { requirement_cue(clause) };
    let level = sentence_level
        .and_then(|sentence_level| clause_level(sentence_level).or(Some(sentence_level)))
        .unwrap_or(match section {
            SectionKind::Requirements => Requirement::Required,
            SectionKind::Preferred => Requirement::Preferred,
            _ => Requirement::Mentioned,
        });
    (level, None)
}

/// A date far enough ahead that no role is cut by it: extraction reads roles only for their employer slots.
fn far_future() -> Month {
    Month::new(2199, 12).unwrap_or_else(|| unreachable!("2199-12 is in range"))
}

/// Drops the candidates whose words name an organisation or a school rather than a skill: inside a name such as
/// "Summit Logistics" or "Oakridge High School", or in the employer slot of a dated role ("Analyst, Tableau
/// Software, Seattle, 2019 – 2021"). A skill named elsewhere in the text keeps its other mentions.
fn drop_organisation_names(text: &str, structure: &Structure, candidates: Vec<Candidate>) -> Vec<Candidate> {
    // Only a name that holds a candidate matters, and a name lies on one line: read just the lines that hold a
    // candidate (the candidates are in text order).
    let mut names = Vec::new();
    let mut read_up_to = 0;
    for candidate in &candidates {
        let Some(line) = structure.line_at(candidate.raw.span.start) else { continue };
        if line.span.start < read_up_to {
            continue;
        }
        read_up_to = line.span.end.max(line.span.start + 1);
        let at = line.span.start;
        names.extend(organisation_names(&text[line.span.range()]).into_iter().map(|(s, e)| (at + s, at + e)));
    }
    let roles = roles(text, &line_infos(&structure.lines), far_future());
    names.extend(roles.iter().filter_map(|r| r.employer));
    // A slot that is surely the employer ("Title, Employer, Place", "Title at Employer") is a name even when it
    // is exactly a skill's name: "Data Analyst, Snowflake, Remote" worked at Snowflake.
    let sure_slots: Vec<(usize, usize)> = roles
        .iter()
        .filter(|r| r.header.split(',').count() >= 3 || r.header.contains(" at "))
        .filter_map(|r| r.employer)
        .collect();
    names.retain(|&(s, e)| {
        // A skills list written in Title Case ("Warehouse Logistics, Forklift") is not an employer.
        structure.line_at(s).is_none_or(|l| l.section != SectionKind::Skills) && s < e
    });
    if names.is_empty() {
        return candidates;
    }
    // A name read as an organisation once is one wherever the text repeats it: "Ironwood CNC Machining, LLC" in
    // the headline, then "the weld side of Ironwood CNC Machining" in a sentence. Names of two words or more only.
    let mut repeated: Vec<(usize, usize)> = Vec::new();
    for &(s, e) in &names {
        // A place ("Austin, TX") is no organisation to look for again.
        let Some(name) = text.get(s..e).filter(|n| n.split_whitespace().count() >= 2 && !n.contains(',')) else {
            continue;
        };
        if repeated.iter().chain(&names).any(|&(a, b)| (a, b) != (s, e) && text.get(a..b) == Some(name) && a < s) {
            continue;
        }
        for (at, _) in text.match_indices(name) {
            let whole = !text.get(..at).and_then(|b| b.chars().next_back()).is_some_and(char::is_alphanumeric)
                && !text.get(at + name.len()..).and_then(|a| a.chars().next()).is_some_and(char::is_alphanumeric);
            if whole && at != s {
                repeated.push((at, at + name.len()));
            }
        }
    }
    repeated.retain(|&(s, _)| structure.line_at(s).is_none_or(|l| l.section != SectionKind::Skills));
    names.extend(repeated);
    names.sort_unstable();
    names.dedup();
    let spans: Vec<(usize, usize)> = candidates.iter().map(|c| (c.raw.span.start, c.raw.span.end)).collect();
    let dropped = mentions_in_names(text, &names, &spans);
    // A word that needed context to be a skill is, inside a name, the name's word ("Riverside Academy").
    let weak_in_name = |c: &Candidate| {
        c.raw.ambiguous
            && names.iter().any(|&(s, e)| {
                s <= c.raw.span.start && c.raw.span.end <= e && (s, e) != (c.raw.span.start, c.raw.span.end)
            })
    };
    candidates
        .into_iter()
        .enumerate()
        .filter(|(i, c)| {
            dropped.binary_search(i).is_err()
                && !weak_in_name(c)
                && !sure_slots.contains(&(c.raw.span.start, c.raw.span.end))
        })
        .map(|(_, c)| c)
        .collect()
}

/// Finds the lines that ask for something ([`Document::asking_lines`]) and those among them in which no skill was
/// recognised, not even a negated one ([`Document::unrecognised`]). A line needs two words of letters to ask.
fn mark_unrecognised(text: &str, structure: &Structure, doc: &mut Document) {
    let asking = |section: SectionKind| match doc.kind {
        TargetKind::Posting => matches!(section, SectionKind::Requirements | SectionKind::Preferred),
        TargetKind::Bio => section == SectionKind::Certifications,
    };
    let mut starts: Vec<usize> = doc.skills.iter().flat_map(|e| e.mentions.iter().map(|m| m.span.start)).collect();
    starts.sort_unstable();
    let mut previous: Option<&str> = None;
    for line in structure.lines.iter().filter(|l| !l.heading && asking(l.section)) {
        let content = text[line.span.range()].trim();
        // A bullet wrapped onto the next line ("...ACLS must be obtained within 6 months" / "of hire") goes on
        // the bullet's line, which was counted already.
        let bullet = |l: &str| l.starts_with(['-', '*', '•', '·', '+']);
        let continues = previous.is_some_and(|p| bullet(p) && !p.ends_with(['.', ':', ';']))
            && !bullet(content)
            && !content.is_empty();
        if !content.is_empty() && !continues {
            previous = Some(content);
        }
        let words = content.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
        if words < 2 || continues {
            continue;
        }
        doc.asking_lines.push(line.span);
        let first = starts.partition_point(|&s| s < line.span.start);
        if starts.get(first).is_none_or(|&s| s >= line.span.end) {
            doc.unrecognised.push(line.span);
        }
    }
}

/// Words that put a bio's sentence in the person's life outside work.
const PERSONAL_LIFE: &[&str] = &[
    "outside work",
    "outside of work",
    "spare time",
    "free time",
    "hobbies",
    "hobby",
    "weekends",
    "away from work",
    "when not at work",
    "off the clock",
    "when she's not",
    "when he's not",
    "when they're not",
    "when i'm not",
    "when she isn't",
    "when he isn't",
    "you'll find her",
    "you'll find him",
    "you'll find them",
    "you'll find me",
];

/// Whether a bio's sentence is about the person's life outside work.
fn is_personal_life(sentence: &str) -> bool {
    let lower = sentence.to_lowercase().replace('’', "'");
    PERSONAL_LIFE.iter().any(|cue| has_phrase(&lower, cue))
}

/// Verbs that say a team left one tool for another. Whole words: stems took "portfolio" and "movie" for moves.
const MOVE_WORDS: &[&str] = &[
    "migrate",
    "migrated",
    "migrating",
    "migration",
    "moved",
    "moving",
    "switched",
    "switching",
    "transitioned",
    "transitioning",
    "ported",
    "porting",
    "converted",
    "converting",
    "replaced",
    "replacing",
];

/// Whether a bio names the tool at `span` as one it left behind: "migrated our monitoring from Nagios to
/// Prometheus", "moved off Jenkins", "replaced Chef with Terraform", "Puppet, until we migrated those teams to
/// Ansible". The tool moved to is kept.
fn left_behind(text: &str, sentence: Span, span: Span) -> bool {
    let lower = |a: usize, b: usize| text.get(a..b).unwrap_or_default().to_lowercase();
    let before = lower(sentence.start.min(span.start), span.start);
    let after = lower(span.end, sentence.end.max(span.end));
    let words_before: Vec<&str> = before.split_whitespace().rev().take(6).collect();
    let is_move = |w: &&str| MOVE_WORDS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric()));
    // "from X to Y", "off X", "away from X", after a verb of moving a few words back.
    let from = matches!(words_before.first(), Some(&"from" | &"off")) && words_before.iter().skip(1).any(is_move);
    // "replaced X with Y".
    let replaced =
        words_before.first().is_some_and(|w| matches!(*w, "replaced" | "replacing")) && has_phrase(&after, "with");
    // "X, until we migrated … to Y".
    let words_after: Vec<&str> = after.split_whitespace().take(8).collect();
    let until = words_after
        .iter()
        .position(|w| *w == "until")
        .is_some_and(|at| words_after.iter().skip(at + 1).take(3).any(is_move));
    from || replaced || until
}

/// Words right before a skill in which a bio disowns it: "I don't miss drywall", "has not worked in SAS since".
const DISOWN_BEFORE: &[&str] = &[
    "don't miss",
    "do not miss",
    "hasn't worked in",
    "has not worked in",
    "haven't worked in",
    "have not worked in",
    "no longer uses",
    "no longer use",
    "stopped using",
    "moved on from",
];
/// Words soon after a skill in which a bio disowns it: "CorelDRAW, which I haven't opened since", "AngularJS, a
/// stack she happily left behind".
const DISOWN_AFTER: &[&str] = &[
    "haven't opened",
    "have not opened",
    "hasn't opened",
    "haven't used",
    "have not used",
    "hasn't used",
    "has not used",
    "haven't touched",
    "hasn't touched",
    "left behind",
    "no longer use",
];
/// How many words after a skill [`DISOWN_AFTER`] may stand and still speak of it.
const DISOWN_AFTER_WORDS: usize = 10;

/// Whether a bio disowns the skill at `span` in its `sentence` (see [`DISOWN_BEFORE`], [`DISOWN_AFTER`]).
fn disowns(text: &str, sentence: Span, span: Span) -> bool {
    let lower = |a: usize, b: usize| text.get(a..b).unwrap_or_default().to_lowercase().replace('’', "'");
    let before = lower(sentence.start.min(span.start), span.start);
    let before = before.trim_end();
    if DISOWN_BEFORE.iter().any(|p| before.ends_with(p)) {
        return true;
    }
    let after = lower(span.end, sentence.end.max(span.end));
    let near: String = after.split_whitespace().take(DISOWN_AFTER_WORDS).collect::<Vec<_>>().join(" ");
    DISOWN_AFTER.iter().any(|p| has_phrase(&near, p))
}

/// Words in a sentence that put it in the person's current role.
const CURRENT_ROLE_WORDS: &[&str] = &["currently", "now", "today", "at present", "these days", "current role"];

/// Whether `phrase` stands in `haystack` as whole words.
fn has_phrase(haystack: &str, phrase: &str) -> bool {
    haystack.match_indices(phrase).any(|(i, _)| {
        let before = haystack[..i].chars().next_back();
        let after = haystack[i + phrase.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Marks why each of a bio's mentions stands out ([`Prominence`]).
fn mark_prominence(taxonomy: &Taxonomy, text: &str, structure: &Structure, doc: &mut Document) {
    let headline = structure.lines.iter().find(|l| !text[l.span.range()].trim().is_empty()).map(|l| l.span);
    let ongoing: Vec<Span> = roles(text, &line_infos(&structure.lines), far_future())
        .into_iter()
        .filter(|r| r.period.ongoing)
        .map(|r| Span::new(r.span.0, r.span.1))
        .collect();
    // Each sentence is read once for current-role words, however many skills it names.
    let mut current: Vec<(Span, bool)> = Vec::new();
    for evidence in &mut doc.skills {
        let certification = taxonomy.skill(evidence.skill).kind == Kind::Certification;
        let repeated = evidence.mentions.len() > 1;
        for m in &mut evidence.mentions {
            let mut why = Vec::new();
            if headline.is_some_and(|h| h.covers(m.span) && h.len() <= 160) {
                why.push(Prominence::Headline);
            }
            if certification || m.section == SectionKind::Certifications {
                why.push(Prominence::Certification);
            }
            if m.years.is_some() {
                why.push(Prominence::Years);
            }
            if repeated {
                why.push(Prominence::Repeated);
            }
            let says_current = match current.iter().find(|(span, _)| *span == m.sentence) {
                Some(&(_, says)) => says,
                None => {
                    let sentence = text[m.sentence.range()].to_lowercase();
                    let says = CURRENT_ROLE_WORDS.iter().any(|w| has_phrase(&sentence, w));
                    current.push((m.sentence, says));
                    says
                }
            };
            if says_current || ongoing.iter().any(|r| r.covers(m.span)) {
                why.push(Prominence::CurrentRole);
            }
            m.prominence = why;
        }
    }
}

/// Adds loose phrase matches that do not overlap an exact one, keeping the matches in text order.
fn add_phrases(phrases: &PhraseIndex, text: &str, scratch: &mut Scratch) {
    let mut found = Vec::new();
    phrases.find(scratch.normalized.as_str(), &mut found);
    let before = scratch.raw.len();
    for (start, end, alias) in found {
        let span = scratch.normalized.original_span(text, Span::new(start, end));
        if scratch.raw.get(..before).unwrap_or_default().iter().all(|m| !m.span.overlaps(span)) {
            scratch.raw.push(RawMatch { span, alias, ambiguous: false, loose: true, pattern: NO_PATTERN });
        }
    }
    scratch.raw.sort_by_key(|m| m.span);
}

#[cfg(test)]
mod tests {
    use super::*;

    const TAXONOMY: &str = "id,name,family,kind,aliases,related,broader
c,C,software,language,^?C,,
cpp,C++,software,language,cpp;C++20,,
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

    #[test]
    fn a_bio_does_not_claim_what_it_disowns() {
        let ex = extractor();
        let bio = "Jo Park is a designer.\n\
                   Junior Designer, Acme Print (2012 – 2015): SQL reports and Python.\n\
                   I learned on SQL, which I haven't used since 2016. I don't miss Java either. \
                   She writes React, a stack she has not left.\n";
        let doc = ex.extract_as(bio, TargetKind::Bio);
        let mut ids: Vec<String> = doc.skills.iter().map(|s| ex.taxonomy().skill(s.skill).id.clone()).collect();
        ids.sort();
        assert!(!ids.contains(&"sql".to_owned()) && !ids.contains(&"java".to_owned()), "{ids:?}");
        assert!(ids.contains(&"python".to_owned()) && ids.contains(&"react".to_owned()), "{ids:?}");
    }

    #[test]
    fn a_bio_does_not_claim_what_it_left_or_only_hopes_for() {
        let ex = extractor();
        let bio = "Jo Park is a backend engineer.\n\
                   We migrated the billing service from Java to C++ last year. Earlier she wrote reports in SQL, until \
                   we moved that team to React dashboards. She replaced C# with Python for tooling. Her career goal is \
                   to run Kubernetes in production. She grew the portfolio from JavaScript clients.\n";
        let found = |kind: TargetKind| -> Vec<String> {
            let doc = ex.extract_as(bio, kind);
            let mut ids: Vec<String> = doc.skills.iter().map(|s| ex.taxonomy().skill(s.skill).id.clone()).collect();
            ids.sort();
            ids
        };
        assert_eq!(found(TargetKind::Bio), ["cpp", "javascript", "python", "react"]);
        // A posting that names a migration asks for both sides of it.
        assert!(found(TargetKind::Posting).contains(&"java".to_owned()));
    }

    #[test]
    fn blocks_end_at_a_blank_line_then_a_line_then_whitespace() {
        // (text, max, the blocks)
        const CASES: &[(&str, usize, &[&str])] = &[
            ("", 8, &[]),
            ("short", 8, &["short"]),
            ("aaaa\n\nbbb\ncc dd", 10, &["aaaa\n\n", "bbb\ncc dd"]),
            ("aaaaaa\nbbbbbbbbb", 10, &["aaaaaa\n", "bbbbbbbbb"]),
            ("aaaaaa bbbbbbbbbb", 10, &["aaaaaa ", "bbbbbbbbbb"]),
            // A blank line early in the block is passed over for a line break in its second half.
            ("a\n\nbbbbb\ncccccc", 10, &["a\n\nbbbbb\n", "cccccc"]),
            ("abcdefghijklmnop", 10, &["abcdefghij", "klmnop"]),
            // A cut never splits a character.
            ("ééééééé", 5, &["éé", "éé", "éé", "é"]),
        ];
        for &(text, max, expected) in CASES {
            let mut rest = text;
            let mut got = Vec::new();
            while !rest.is_empty() {
                let (block, tail) = rest.split_at(block_end(rest, max));
                // Only the first `max + 1` bytes decide, as a reader of a stream sees them.
                let seen = rest.get(..max + 1).map_or(rest.len(), |_| max + 1);
                let mut prefix_end = seen;
                while !rest.is_char_boundary(prefix_end) {
                    prefix_end += 1;
                }
                if prefix_end < rest.len() {
                    assert_eq!(block_end(&rest[..prefix_end], max), block.len(), "{text:?}");
                }
                got.push(block);
                rest = tail;
            }
            assert_eq!(got, expected, "{text:?} in blocks of {max}");
        }
    }

    #[test]
    fn a_document_read_in_blocks_indexes_the_whole_text() {
        let ex = extractor();
        let text = "Requirements:\n- Python or Go\n- SQL\n\nNice to have: Kubernetes or k8s, React\n\n".repeat(6);
        let mut document = BlockDocument::default();
        let mut rest = text.as_str();
        let mut blocks = 0;
        while !rest.is_empty() {
            let (block, tail) = rest.split_at(block_end(rest, 100));
            document.push(block.len(), ex.extract_as(block, TargetKind::Posting));
            rest = tail;
            blocks += 1;
        }
        let document = document.finish();
        assert!(blocks > 3, "{blocks} blocks");
        let whole = ex.extract_as(&text, TargetKind::Posting);
        // Every block here is whole paragraphs with their heading: the same mentions as reading it whole.
        let spans = |d: &Document| {
            let mut spans: Vec<(usize, usize, Requirement, Option<u32>)> = d
                .skills
                .iter()
                .flat_map(|e| e.mentions.iter().map(|m| (m.span.start, m.span.end, m.requirement, m.group)))
                .collect();
            spans.sort_unstable();
            spans
        };
        assert_eq!(spans(&document), spans(&whole));
        assert!(document.skills.iter().all(|e| e.mentions.iter().all(|m| text[m.span.range()] == m.text)));
        let ids: Vec<u32> = document.alternatives.iter().map(|a| a.id).collect();
        assert_eq!(ids, (1..=ids.len() as u32).collect::<Vec<_>>(), "groups numbered once across blocks");
        assert_eq!(document.skills.len(), whole.skills.len());
    }

    #[test]
    fn coordinated_names_that_share_words_are_both_read() {
        const SHARED: &str = "id,name,family,kind,aliases,related,broader
journeyman,Journeyman Electrician License,construction,certification,journeyman electrician license,,
master,Master Electrician License,construction,certification,master electrician license,,
excel,Microsoft Excel,data,tool,,,
word,Microsoft Word,it,tool,,,
anesthesia,Local Anesthesia Permit,healthcare,certification,local anesthesia permit,,
nitrous,Nitrous Oxide Permit,healthcare,certification,nitrous oxide,,
nursing,Nursing,healthcare,domain,nursing care,,
long-term,Long-Term Care,healthcare,domain,skilled nursing;long-term care,,
diary,Calendar Management,general,method,diary management,,
";
        let mut b = Taxonomy::builder();
        b.add_csv("shared.csv", SHARED).expect("parses");
        let ex = Extractor::new(b.build().expect("builds"));
        let read = |text: &str| {
            let mut ids: Vec<String> = ids(&ex, text);
            ids.sort();
            ids
        };
        // A shared tail, a shared front, a shared head word.
        assert_eq!(read("Journeyman or Master Electrician license."), ["journeyman", "master"]);
        assert_eq!(read("Microsoft Excel and Word."), ["excel", "word"]);
        assert_eq!(read("Local anesthesia and nitrous oxide permits."), ["anesthesia", "nitrous"]);
        // A head word of an area, and the head that makes a name past one that does not.
        assert_eq!(read("Diary and inbox management for the CEO."), ["diary"]);
        assert_eq!(read("Local anesthesia and nitrous oxide administration permits."), ["anesthesia", "nitrous"]);
        // Words another match has read are not rebuilt into a third name ("nursing care").
        assert_eq!(read("Skilled nursing or long-term care."), ["long-term"]);
        // Names that share no words stay as written.
        assert_eq!(read("Microsoft Excel and Journeyman."), ["excel"]);
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
        // Regression found by tests/properties.rs (a restricted extractor read it, the full one did not): the longest
        // alias "C++20" failed its end boundary, and the shorter "C++", which ends after punctuation, was never tried.
        Case { name: "c++ glued to a year", input: "C++2019 to present", expected: &["cpp"] },
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
        Case { name: "it side", input: "On the IT side I use Sectra PACS and the RIS.", expected: &[] },
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
        // Regression: the bidi isolates U+2066-U+2069 were kept inside the word.
        Case { name: "bidi isolate", input: "Kuber\u{2069}netes", expected: &["kubernetes"] },
        Case {
            name: "isolated list",
            input: "\u{2068}k8s\u{2069}, \u{200F}Python\u{200E}",
            expected: &["kubernetes", "python"],
        },
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
                assert_eq!(&text[m.span.range()], m.text);
            }
        }
        assert_eq!(doc.skills[0].mentions[0].text, "Ｐython");
        let k8s = &doc.skills[1].mentions;
        assert_eq!((k8s[0].match_kind, k8s[1].match_kind), (MatchKind::Exact, MatchKind::Alias));
    }

    #[test]
    fn spans_keep_invisible_characters_of_the_original() {
        let ex = extractor();
        let text = "Ops: \u{2066}Kuber\u{2069}netes\u{202C} and Py\u{200E}thon";
        let doc = ex.extract(text);
        let found: Vec<&str> = doc.skills.iter().map(|s| s.mentions[0].text.as_str()).collect();
        assert_eq!(found, ["Kuber\u{2069}netes", "Py\u{200E}thon"]);
        for m in doc.skills.iter().flat_map(|s| &s.mentions) {
            assert_eq!(&text[m.span.range()], m.text);
        }
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
        assert!(restricted.automaton.pattern_count() < full.automaton.pattern_count());
        for text in &texts {
            assert_eq!(restricted.extract(text), full.extract(text));
        }
    }

    #[test]
    fn lines_that_ask_for_something_unknown_are_listed() {
        let ex = extractor();
        let text =
            "Requirements\n- Python and SQL\n- A calm manner with grieving families\n- Go\n\nAbout us\nWe are kind.\n";
        let doc = ex.extract_as(text, TargetKind::Posting);
        let lines: Vec<&str> = doc.unrecognised.iter().map(|s| &text[s.range()]).collect();
        assert_eq!(lines, ["- A calm manner with grieving families"]);
        assert_eq!(doc.asking_lines.len(), 2, "a one-word line asks too little to count");
    }

    #[test]
    fn a_bio_s_hobbies_are_not_skills() {
        let ex = extractor();
        let bio = "Dana leads our data team and writes Python daily. Outside work she is learning Go and R.";
        let doc = ex.extract_as(bio, TargetKind::Bio);
        let found: Vec<&str> = doc.skills.iter().map(|e| ex.taxonomy().skill(e.skill).id.as_str()).collect();
        assert_eq!(found, ["python"]);
        // The same sentence in a posting is read as written.
        let posting = ex.extract_as("Outside work hours you may use Python.", TargetKind::Posting);
        assert_eq!(posting.skills.len(), 1);
    }

    #[test]
    fn a_shared_abbreviation_is_read_in_the_document_s_field() {
        const FIELDS: &str = "id,name,family,kind,aliases,related,broader
conduit,Conduit Bending,construction,method,?EMT,,
emt,Emergency Medical Technician,healthcare,certification,?EMT,,
nec,National Electrical Code,construction,domain,NEC,,
switchgear,Switchgear,construction,tool,,,
triage,Triage,healthcare,method,,,
bls,BLS,healthcare,certification,,,
";
        let mut b = Taxonomy::builder();
        b.add_csv("fields.csv", FIELDS).expect("parses");
        let ex = Extractor::new(b.build().expect("builds"));
        let ids = |text: &str| -> Vec<String> {
            let doc = ex.extract(text);
            doc.skills.iter().map(|e| ex.taxonomy().skill(e.skill).id.clone()).collect()
        };
        assert_eq!(ids("Skills: EMT, NEC, switchgear"), ["conduit", "nec", "switchgear"]);
        assert_eq!(ids("Skills: EMT, triage, BLS"), ["emt", "triage", "bls"]);
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
                assert_eq!(&text[m.span.range()], m.text, "{text:?}");
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
