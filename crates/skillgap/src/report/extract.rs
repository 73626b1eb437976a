//! The report of an extraction: each skill found, with its mentions, as a value ([`ExtractReport`]) or produced
//! as it is written ([`ExtractStream`]).

use serde::ser::{SerializeSeq, SerializeStruct, Serializer};
use serde::Serialize;

use super::category;
use crate::extract::{Document, MatchKind, Mention, Prominence, SkillEvidence};
use crate::source::{line_in, Source, TargetKind};
use crate::structure::{Requirement, SectionKind};
use crate::taxonomy::Taxonomy;

/// What `extract` reports for one document (or, with `--lines`, one line). Fields are in the order JSON writes
/// them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExtractReport {
    /// A posting or a bio.
    pub kind: TargetKind,
    /// With `--lines`, the 1-based input line this document is.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<usize>,
    /// Every skill found, in order of first mention.
    pub skills: Vec<SkillMentions>,
    /// The input's name. Not in JSON.
    #[serde(skip)]
    pub source: String,
}

/// A skill and its mentions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkillMentions {
    /// `family/kind`.
    pub category: String,
    /// The skill's id.
    pub id: String,
    /// Every mention, in text order.
    pub mentions: Vec<MentionReport>,
    /// The skill's display name.
    pub name: String,
    /// The strongest requirement over its mentions. Not in JSON (each mention has its own).
    #[serde(skip)]
    pub requirement: Requirement,
    /// The most years attached to any mention. Not in JSON (each mention has its own).
    #[serde(skip)]
    pub years: Option<u8>,
    /// How many mentions the skill has: `mentions.len()`, or more when [`ExtractStream::skills`] kept only the
    /// first few. Not in JSON.
    #[serde(skip)]
    pub mention_count: usize,
}

/// One mention of a skill.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct MentionReport {
    /// The words that say the skill is not asked (with `requirement` `not_required`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cue: Option<String>,
    /// End byte offset, exclusive, into the input (for HTML the file, for JSON postings the assembled text, with
    /// `--lines` the line).
    pub end: usize,
    /// The either/or group it belongs to: an id shared by the alternatives ("Tableau or Looker").
    #[serde(skip_serializing_if = "Option::is_none")]
    pub group: Option<u32>,
    /// The 1-based line of the mention in the input. Not in JSON.
    #[serde(skip)]
    pub line: usize,
    /// How it matched.
    #[serde(rename = "match")]
    pub match_kind: MatchKind,
    /// For a bio: why the mention stands out.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub prominence: Vec<Prominence>,
    /// The requirement level, for a posting (a bio asks for nothing).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub requirement: Option<Requirement>,
    /// For a fuzzy match, its similarity in percent.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
    /// The section it sits in.
    pub section: SectionKind,
    /// Start byte offset into the input.
    pub start: usize,
    /// The matched text.
    pub text: String,
    /// Years of experience attached to it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub years: Option<u8>,
}

impl ExtractReport {
    /// The report of `doc`, extracted from `source` with its spans already mapped to the source's own text (see
    /// [`crate::Document::remap`]): lines count in [`Source::original_text`].
    pub fn new(taxonomy: &Taxonomy, doc: &Document, source: &Source) -> ExtractReport {
        ExtractReport {
            kind: doc.kind,
            line: None,
            skills: ExtractStream::new(taxonomy, doc, source).skills(usize::MAX).collect(),
            source: source.name.clone(),
        }
    }

    /// The report of `doc`, extracted from line `line` (1-based) of the input named `source`.
    pub fn for_line(taxonomy: &Taxonomy, doc: &Document, source: &str, line: usize) -> ExtractReport {
        ExtractReport {
            kind: doc.kind,
            line: Some(line),
            skills: ExtractStream::for_line(taxonomy, doc, line).skills(usize::MAX).collect(),
            source: source.to_owned(),
        }
    }
}

/// An [`ExtractReport`] produced as it is written: it borrows the document, and makes each skill's and each
/// mention's report only when a serializer or a renderer asks for it, so that writing the report takes memory for
/// one mention at a time, not for all of them ("SQL, SQL, ..." with half a million mentions, as JSON).
///
/// It serialises to the same JSON as the [`ExtractReport`] of the same document:
///
/// ```
/// use skillgap::{read_source, ExtractReport, ExtractStream, Extractor, Taxonomy};
///
/// let extractor = Extractor::new(Taxonomy::builtin());
/// let source = read_source("job.txt", b"Requirements\n- SQL and Python\n- More SQL\n".to_vec())?;
/// let doc = extractor.extract(&source.text);
/// let stream = ExtractStream::new(extractor.taxonomy(), &doc, &source);
/// let report = ExtractReport::new(extractor.taxonomy(), &doc, &source);
/// assert_eq!(serde_json::to_string(&stream)?, serde_json::to_string(&report)?);
/// // Renderers take one skill at a time, with as many mentions as they show.
/// let first = stream.skills(1).next().expect("SQL");
/// assert_eq!((first.name.as_str(), first.mentions.len(), first.mention_count), ("SQL", 1, 2));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone)]
pub struct ExtractStream<'a> {
    taxonomy: &'a Taxonomy,
    doc: &'a Document,
    line: Option<usize>,
    lines: Lines<'a>,
}

/// How a mention's line is found.
#[derive(Debug, Clone)]
enum Lines<'a> {
    /// Every mention is on this line (`--lines`).
    Fixed(usize),
    /// Mentions are numbered in this text.
    In(LineStarts<'a>),
}

/// Where the lines of a text start, to number a mention's line by binary search. Counting newlines from the start
/// for each mention made writing 40,000 mentions take 2.3 s, nearly all of it counting.
#[derive(Debug, Clone)]
struct LineStarts<'a> {
    /// The text, when it is at hand; past 4 GiB the `u32` starts cannot say, and lines are counted in it.
    text: Option<&'a str>,
    /// The text's length in bytes.
    len: usize,
    /// The byte offset after each newline. `u32`, as the normaliser's offsets are.
    starts: Vec<u32>,
}

impl<'a> LineStarts<'a> {
    fn new(text: &'a str) -> LineStarts<'a> {
        let starts = text.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| (i + 1) as u32).collect();
        LineStarts { text: Some(text), len: text.len(), starts }
    }

    /// The same number as [`line_in`]: one more than the newlines before `offset`.
    fn line_of(&self, offset: usize) -> usize {
        if let Some(text) = self.text.filter(|t| t.len() > u32::MAX as usize) {
            return line_in(text, offset);
        }
        let offset = offset.min(self.len);
        self.starts.partition_point(|&start| start as usize <= offset) + 1
    }
}

/// Where the lines of a text read as a stream start, gathered block by block, for [`ExtractStream::streamed`].
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    len: usize,
    starts: Vec<u32>,
}

impl LineIndex {
    /// Adds the next block of the text. `None` once the text passes 4 GiB, which `u32` offsets cannot index.
    pub fn push(&mut self, block: &str) -> Option<()> {
        let base = self.len;
        let end = base.checked_add(block.len()).filter(|&end| end <= u32::MAX as usize)?;
        self.starts.extend(block.bytes().enumerate().filter(|&(_, b)| b == b'\n').map(|(i, _)| (base + i + 1) as u32));
        self.len = end;
        Some(())
    }
}

impl<'a> ExtractStream<'a> {
    /// The report of `doc`, as for [`ExtractReport::new`].
    pub fn new(taxonomy: &'a Taxonomy, doc: &'a Document, source: &'a Source) -> ExtractStream<'a> {
        let lines = Lines::In(LineStarts::new(source.original_text()));
        ExtractStream { taxonomy, doc, line: None, lines }
    }

    /// The report of `doc`, extracted from a text read as a stream, whose lines `lines` indexes.
    pub fn streamed(taxonomy: &'a Taxonomy, doc: &'a Document, lines: LineIndex) -> ExtractStream<'a> {
        let lines = Lines::In(LineStarts { text: None, len: lines.len, starts: lines.starts });
        ExtractStream { taxonomy, doc, line: None, lines }
    }

    /// The report of `doc`, extracted from line `line` (1-based) of an input, as for [`ExtractReport::for_line`].
    pub fn for_line(taxonomy: &'a Taxonomy, doc: &'a Document, line: usize) -> ExtractStream<'a> {
        ExtractStream { taxonomy, doc, line: Some(line), lines: Lines::Fixed(line) }
    }

    /// With `--lines`, the 1-based input line of the document.
    pub fn line(&self) -> Option<usize> {
        self.line
    }

    /// The number of skills found.
    pub fn len(&self) -> usize {
        self.doc.skills.len()
    }

    /// Whether no skill was found.
    pub fn is_empty(&self) -> bool {
        self.doc.skills.is_empty()
    }

    /// Each skill's report in turn, with at most its first `keep` mentions ([`SkillMentions::mention_count`]
    /// counts them all).
    pub fn skills(&self, keep: usize) -> impl Iterator<Item = SkillMentions> + '_ {
        self.doc.skills.iter().map(move |e| self.skill(e, keep))
    }

    /// Calls `write` with each CSV row in turn, one per mention, skills in order: the rows of
    /// [`ExtractReport::csv_rows`], made one at a time.
    ///
    /// # Errors
    ///
    /// The first error `write` returns.
    pub fn try_for_each_csv_row<E>(
        &self,
        mut write: impl FnMut(&super::ExtractCsvRow<'_>) -> Result<(), E>,
    ) -> Result<(), E> {
        for evidence in &self.doc.skills {
            let skill = self.skill(evidence, 0);
            for mention in &evidence.mentions {
                let mention = self.mention(mention);
                write(&super::csv_rows::extract_row(self.line, &skill, &mention))?;
            }
        }
        Ok(())
    }

    fn skill(&self, e: &SkillEvidence, keep: usize) -> SkillMentions {
        let s = self.taxonomy.skill(e.skill);
        SkillMentions {
            category: category(self.taxonomy, e.skill),
            id: s.id.clone(),
            mentions: e.mentions.iter().take(keep).map(|m| self.mention(m)).collect(),
            name: s.name.clone(),
            requirement: e.requirement(),
            years: e.years(),
            mention_count: e.mentions.len(),
        }
    }

    fn mention(&self, m: &Mention) -> MentionReport {
        let line = match &self.lines {
            Lines::Fixed(line) => *line,
            Lines::In(starts) => starts.line_of(mention_span(m).0),
        };
        mention_report(m, self.doc.kind, line)
    }
}

/// The fields and order of [`ExtractReport`]'s derived `Serialize`, with skills and mentions made as they are
/// written.
impl Serialize for ExtractStream<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("ExtractReport", 2 + usize::from(self.line.is_some()))?;
        out.serialize_field("kind", &self.doc.kind)?;
        match self.line {
            Some(line) => out.serialize_field("line", &line)?,
            None => out.skip_field("line")?,
        }
        out.serialize_field("skills", &SkillsOf(self))?;
        out.end()
    }
}

/// The skills of an [`ExtractStream`], serialised one at a time.
struct SkillsOf<'s, 'a>(&'s ExtractStream<'a>);

impl Serialize for SkillsOf<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let stream = self.0;
        let mut seq = serializer.serialize_seq(Some(stream.doc.skills.len()))?;
        for evidence in &stream.doc.skills {
            let skill = stream.skill(evidence, 0);
            seq.serialize_element(&SkillOf { stream, evidence, skill: &skill })?;
        }
        seq.end()
    }
}

/// One skill of an [`ExtractStream`]: [`SkillMentions`]' fields, with the mentions made as they are written.
struct SkillOf<'s, 'a> {
    stream: &'s ExtractStream<'a>,
    evidence: &'a SkillEvidence,
    /// The skill's report without its mentions.
    skill: &'s SkillMentions,
}

impl Serialize for SkillOf<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut out = serializer.serialize_struct("SkillMentions", 4)?;
        out.serialize_field("category", &self.skill.category)?;
        out.serialize_field("id", &self.skill.id)?;
        out.serialize_field("mentions", &MentionsOf { stream: self.stream, mentions: &self.evidence.mentions })?;
        out.serialize_field("name", &self.skill.name)?;
        out.end()
    }
}

/// A skill's mentions, each made as it is written.
struct MentionsOf<'s, 'a> {
    stream: &'s ExtractStream<'a>,
    mentions: &'a [Mention],
}

impl Serialize for MentionsOf<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.mentions.len()))?;
        for mention in self.mentions {
            seq.serialize_element(&self.stream.mention(mention))?;
        }
        seq.end()
    }
}

/// A mention's byte span: the one place reports read mention offsets.
fn mention_span(m: &Mention) -> (usize, usize) {
    (m.span.start, m.span.end)
}

fn mention_report(m: &Mention, kind: TargetKind, line: usize) -> MentionReport {
    let (start, end) = mention_span(m);
    MentionReport {
        cue: m.cue.clone(),
        end,
        group: m.group,
        line,
        match_kind: m.match_kind,
        prominence: m.prominence.clone(),
        requirement: (kind == TargetKind::Posting).then_some(m.requirement),
        score: m.score,
        section: m.section,
        start,
        text: m.text.clone(),
        years: m.years,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{read_source, Extractor, Taxonomy};

    #[test]
    fn mentions_carry_offsets_and_lines_into_the_original() {
        let extractor = Extractor::new(Taxonomy::builtin());
        let source = read_source("job.html", b"<h2>Requirements</h2>\n<ul><li>5+ years of Python</li></ul>".to_vec())
            .expect("html");
        let mut doc = extractor.extract(&source.text);
        if let Some(original) = &source.original {
            doc.remap(&original.map, &original.text);
        }
        let report = ExtractReport::new(extractor.taxonomy(), &doc, &source);
        let python = report.skills.iter().find(|s| s.id == "python").expect("python");
        let m = &python.mentions[0];
        assert_eq!((&source.original_text()[m.start..m.end], m.line), ("Python", 2));
        assert_eq!((python.requirement, python.years), (Requirement::Required, Some(5)));
        let json = serde_json::to_string(&report).expect("json");
        assert!(
            json.starts_with(
                r#"{"kind":"posting","skills":[{"category":"software/language","id":"python","mentions":[{"end":"#
            ),
            "{json}"
        );
        assert!(!json.contains("\"line\"") && !json.contains("job.html"));
    }

    #[test]
    fn line_starts_number_lines_as_line_in_does() {
        const TEXTS: &[&str] = &["", "one line", "a\nb", "\n\nthird\n", "crlf\r\nline two\r\n", "é\nü"];
        for text in TEXTS {
            let starts = LineStarts::new(text);
            for offset in 0..=text.len() + 2 {
                assert_eq!(starts.line_of(offset), line_in(text, offset), "{text:?} at {offset}");
            }
        }
    }

    #[test]
    fn a_line_report_carries_its_line() {
        let extractor = Extractor::new(Taxonomy::builtin());
        let doc = extractor.extract("We use SQL");
        let report = ExtractReport::for_line(extractor.taxonomy(), &doc, "stdin", 7);
        assert_eq!(report.skills[0].mentions[0].line, 7);
        let json = serde_json::to_string(&report).expect("json");
        assert!(json.starts_with(r#"{"kind":"posting","line":7,"skills":["#), "{json}");
    }
}
