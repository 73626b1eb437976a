//! skillgap finds the skills a job posting or a hired candidate's bio names that a CV does not show, ranks those
//! gaps by importance, and suggests honest, concrete changes to the CV.
//!
//! The pipeline is `text -> normalise -> extract -> Document -> compare(profile, targets) -> Comparison ->
//! suggestions`. The library does no I/O and keeps no global state: load a [`Taxonomy`], build an
//! [`Extractor`] once, and share it between threads.
//!
//! # The house, room by room
//!
//! Each stage of the pipeline is a module, and data flows one way through them:
//!
//! | module | what it does |
//! |---|---|
//! | `source` | bytes and a file name in, text out: encodings (`source/decode.rs`), HTML (via `html`), schema.org JSON postings (`source/json_posting.rs`), and whether a target is a posting or a bio (`source/target_kind.rs`) |
//! | `normalize` | case folding, width and accent folding, invisible characters, with a map back to the original bytes |
//! | `structure` | lines, headings, sections, sentences and the reading rules around a mention: requirement, negation (`structure/negation.rs`), years (`structure/years.rs`), organisation names (`structure/names.rs`) and a CV's dated roles (`structure/roles.rs`) |
//! | `extract` | the alias automaton (`extract/automaton.rs`), context rules for ambiguous aliases (`extract/context.rs`) and either/or groups (`extract/alternatives.rs`) into a [`Document`] |
//! | `phrase` | loose phrase matching for ESCO-style labels |
//! | `fuzzy` | near spellings: query keys (`fuzzy/keys.rs`), the trigram index (`fuzzy/index.rs`), typo guards (`fuzzy/typo.rs`) |
//! | `profile` | the CV as a [`Profile`]: its document, skill lists read by near spelling, and years from dated roles |
//! | `compare` | targets against the profile, in named steps, into a [`Comparison`]; `compare/gaps.rs` ranks the gaps and collapses relatives |
//! | `suggest` | one rule per [`SuggestionKind`] |
//! | `edge` | the hired person's edge beyond skills: seniority, years, leading people, quantified results, degree |
//! | `learning` | learning paths: from a skill the CV shows to a true gap, through related and broader links, and credential ladders |
//! | `safe` | output made safe: [`printable`] for terminals, [`csv_safe`] for spreadsheets |
//! | `report` | the output values ([`CompareReport`], [`ExtractReport`], CSV rows) that JSON and CSV serialise and the CLI renders |
//! | `journal` | the journal of applications as pure functions over its records: gaps that recur across rejections (ranked with `compare`'s importance model), gaps a current CV has closed, themes in the notes, open questions, the follow-up email |
//! | `batch` | one CV against many postings: a small summary per posting ([`BatchScorer`]), "learning X lifts N postings" from the comparison already made (`batch/lift.rs`), and the bounded tally into a [`BatchReport`] (`batch/tally.rs`) |
//! | `taxonomy`, `check`, `import` | the taxonomy, its layers and canonical form; `taxonomy check`; the ESCO and O*NET importers (`import/`) |
//! | `span`, `error` | byte ranges; the one error type |
//!
//! ```
//! use skillgap::{compare, suggest, Extractor, Profile, Taxonomy};
//!
//! let extractor = Extractor::new(Taxonomy::builtin());
//! let profile = Profile::from_text(&extractor, "Skills: Python, Postgres, Docker");
//! let posting = extractor.extract("Requirements\n- 5+ years of Python\n- PostgreSQL\n- Kubernetes (k8s)\n");
//! let comparison = compare(extractor.taxonomy(), &profile, &[posting]);
//!
//! // Gaps: skills the CV lacks, ranked; a near miss (Docker for Kubernetes) stays a gap, with half credit.
//! let gaps: Vec<&str> = comparison.gaps().iter().map(|gap| extractor.taxonomy().skill(gap.skill).name.as_str()).collect();
//! assert_eq!(gaps, ["Kubernetes"]);
//! assert!(comparison.score < 100);
//!
//! let advice = suggest(extractor.taxonomy(), &profile, &comparison, &["the posting".to_owned()]);
//! assert!(advice.iter().any(|s| s.message.contains("Kubernetes")));
//! ```
#![deny(missing_docs)]
// No panicking index or slice on input-derived data (issue 12); tests may index freely.
#![deny(clippy::indexing_slicing)]
#![cfg_attr(test, allow(clippy::indexing_slicing))]

mod batch;
mod check;
mod compare;
mod edge;
mod error;
mod extract;
pub mod field;
mod fuzzy;
mod html;
mod import;
mod journal;
mod learning;
mod normalize;
mod phrase;
mod profile;
mod profile_file;
mod report;
mod safe;
mod source;
mod span;
mod structure;
mod suggest;
mod taxonomy;

pub use batch::{
    lift_candidates, score_with, text_key, BatchCsvRow, BatchGap, BatchRecord, BatchReport, BatchScorer, BatchSummary,
    BatchTally, DuplicateReport, FailureReport, LiftTo, OneSkillAway, PostingReport, Scored, ScoredGap,
    SkillLiftReport, TextKey, GOOD_FIT, LIFT_MIN_POINTS,
};
pub use check::{check_layer, Problem, Severity};
pub use compare::{
    compare, credit_percent, gap_status, importance, importance_parts, prominence_level, requirement_level,
    skill_weight, specificity_percent, standing_percent, target_field, target_level, years_points, years_short,
    Comparison, Gap, GapStatus, ImportanceParts, SkillResult, Status, TargetEvidence, TargetScore, YearsShort,
    FIELD_SHARE_PERCENT, GENERIC_PERCENT, HARD_SKILL_FACTOR, IMPORTANCE_BIO_BASE, IMPORTANCE_MENTIONED,
    IMPORTANCE_PER_MEMBER, IMPORTANCE_PER_PROMINENCE, IMPORTANCE_PER_YEAR_SHORT, IMPORTANCE_PREFERRED,
    IMPORTANCE_REQUIRED, IMPORTANCE_SHARE, IN_PROGRESS_CREDIT_PERCENT, IN_PROGRESS_PERCENT, MEMBERS_COUNTED_MAX,
    MENTIONED_WEIGHT, MISSING_PERCENT, NEAR_MISS_PERCENT, OFF_FIELD_PERCENT, PREFERRED_WEIGHT, RELATED_CREDIT_PERCENT,
    REQUIRED_WEIGHT, SCORE_CAP_WITH_MISSING_REQUIRED, SOFT_PERCENT, SOFT_SKILL_FACTOR, SPECIFIC_PERCENT,
    SPOKEN_PERCENT, YEARS_COUNTED_MAX, YEARS_SHORT_CREDIT_PERCENT, YEARS_SHORT_PERCENT,
};
pub use edge::{hired_edge, person_signals, PersonSignals};
pub use error::{Error, ErrorKind};
pub use extract::{
    block_end, Alternatives, BlockDocument, Document, Extractor, ExtractorBuilder, MatchKind, Mention, Prominence,
    Scratch, SkillEvidence, BLOCK_BYTES,
};
pub use fuzzy::{FuzzyHow, FuzzyIndex, FuzzyMatch};
pub use html::{html_to_text, HtmlText};
pub use import::{
    esco_records, onet_records, EscoFiles, ESCO_BROADER_FILE, ESCO_HIERARCHY_FILE, ESCO_RELATIONS_FILE,
    ESCO_SKILLS_FILE, ONET_TECHNOLOGY_FILE,
};
pub use journal::{
    feedback_themes, followup_email, gap_records, journal_report, long_date, open_questions, parse_date,
    recurring_gaps, split_closed, EntryRecord, FeedbackTheme, FollowupEmail, FollowupFields, GapRecord, JournalReport,
    NoteRecord, OpenQuestion, Outcome, QuestionRecord, RecurringGap, ReportInput, FEEDBACK_QUOTE_CHARS,
};
pub use learning::{ladder, learning_paths, LearningPath, MAX_LEARNING_PATHS, MAX_PATH_LINKS};
pub use normalize::{fold, Normalized};
pub use phrase::PhraseMatching;
pub use profile::{extract_reading_lists, BlockReading, Profile, SkillYears};
pub use profile_file::{ProfileEntry, ProfileFile, PROFILE_VERSION};
pub use report::{
    category, shorten, CompareCsvRow, CompareReport, CsvStatus, CvEvidence, EvidenceReport, Explain, ExplainRow,
    ExtractCsvRow, ExtractReport, ExtractStream, FuzzyReading, GapReport, ImportanceRow, LearningPathReport, LineIndex,
    MentionReport, PathStep, Points, SkillMentions, SkillRef, SkillReport, SuggestionReport, TargetScoreReport,
    UnrecognisedLine, Weights, QUOTE_MAX_CHARS, QUOTE_WINDOW_CHARS,
};
pub use safe::{csv_safe, printable};
pub use source::{
    csv_postings, decode_text, detect_kind, document_posting, document_posting_read, json_line_posting, json_lines,
    json_postings, json_postings_each, line_in, read_source, Encoding, InputShape, Original, Posting, Source,
    SourceFormat, TargetKind, DEFAULT_TEXT_COLUMNS,
};
pub use span::Span;
pub use structure::roles::{Month, Period, Role};
pub use structure::{Requirement, SectionKind};
pub use suggest::{suggest, Suggestion, SuggestionKind, MAX_GAP_SUGGESTIONS};
pub use taxonomy::{
    canonical_csv, is_slug, parse_records, Alias, AliasRef, CaseRule, ContextRule, Kind, Skill, SkillIdx, SkillRecord,
    Taxonomy, TaxonomyBuilder, BUILTIN, HEADER,
};

/// The README's Rust examples, compiled and run as doctests.
#[doc = include_str!("../../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn public_types_are_send_and_sync() {
        assert_send_sync::<Taxonomy>();
        assert_send_sync::<Extractor>();
        assert_send_sync::<Document>();
        assert_send_sync::<Profile>();
        assert_send_sync::<Comparison>();
        assert_send_sync::<Error>();
        assert_send_sync::<Source>();
        assert_send_sync::<CompareReport>();
        assert_send_sync::<ExtractReport>();
        assert_send_sync::<ExtractStream<'static>>();
    }
}
