//! The report of an extraction: each skill found, with its mentions.

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
        let original = source.original_text();
        ExtractReport {
            kind: doc.kind,
            line: None,
            skills: skills(taxonomy, doc, |m| line_in(original, mention_span(m).0)),
            source: source.name.clone(),
        }
    }

    /// The report of `doc`, extracted from line `line` (1-based) of the input named `source`.
    pub fn for_line(taxonomy: &Taxonomy, doc: &Document, source: &str, line: usize) -> ExtractReport {
        ExtractReport {
            kind: doc.kind,
            line: Some(line),
            skills: skills(taxonomy, doc, |_| line),
            source: source.to_owned(),
        }
    }
}

fn skills(taxonomy: &Taxonomy, doc: &Document, line_of: impl Fn(&Mention) -> usize) -> Vec<SkillMentions> {
    doc.skills
        .iter()
        .map(|e: &SkillEvidence| {
            let s = taxonomy.skill(e.skill);
            SkillMentions {
                category: category(taxonomy, e.skill),
                id: s.id.clone(),
                mentions: e.mentions.iter().map(|m| mention_report(m, doc.kind, line_of(m))).collect(),
                name: s.name.clone(),
                requirement: e.requirement(),
                years: e.years(),
            }
        })
        .collect()
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
    fn a_line_report_carries_its_line() {
        let extractor = Extractor::new(Taxonomy::builtin());
        let doc = extractor.extract("We use SQL");
        let report = ExtractReport::for_line(extractor.taxonomy(), &doc, "stdin", 7);
        assert_eq!(report.skills[0].mentions[0].line, 7);
        let json = serde_json::to_string(&report).expect("json");
        assert!(json.starts_with(r#"{"kind":"posting","line":7,"skills":["#), "{json}");
    }
}
