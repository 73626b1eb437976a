//! Batch: one CV against many postings, each scored on its own and ranked, with an aggregate of the skills that
//! would lift the most postings.
//!
//! The library part is sequential and does no I/O: [`BatchScorer::score`] turns one [`Posting`] into a small
//! [`Scored`] summary (the comparison and the document are dropped), and [`BatchTally`] folds summaries, in input
//! order, into the ranked table and the aggregate while keeping only a bounded number of rows. Reading files,
//! threads and progress are the caller's: the CLI scores chunks of postings in parallel, each worker with its own
//! [`Scratch`], and adds the summaries to the tally in input order, so the output is the same whatever the thread
//! count.

mod lift;
mod report;
mod tally;

pub use lift::{lift_candidates, score_with, LIFT_MIN_POINTS};
pub use report::{
    BatchCsvRow, BatchGap, BatchRecord, BatchReport, BatchSummary, DuplicateReport, FailureReport, LiftTo,
    OneSkillAway, PostingReport, SkillLiftReport,
};
pub use tally::BatchTally;

use std::hash::Hasher;

use crate::compare::{compare_held, GapStatus, HeldIndex};
use crate::extract::{Extractor, Scratch};
use crate::profile::Profile;
use crate::source::{Posting, TargetKind};
use crate::structure::Requirement;
use crate::taxonomy::SkillIdx;

/// The score from which a posting counts as a good fit: three quarters of what it asks, weighted, and above the
/// band where a missing requirement usually sits. "One skill away" means one skill brings a posting here.
pub const GOOD_FIT: u8 = 75;

/// Scores postings against one CV.
#[derive(Debug, Clone)]
pub struct BatchScorer<'a> {
    extractor: &'a Extractor,
    profile: &'a Profile,
    /// What every comparison asks of the CV: read once, not per posting.
    held: HeldIndex<'a>,
    gaps_shown: usize,
}

/// What batch keeps of one scored posting: its score, its first gaps, and what each skill it lacks would do to
/// its score. A few hundred bytes, whatever the posting's size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Scored {
    /// The score, 0-100.
    pub score: u8,
    /// The first gaps, in rank order.
    pub gaps: Vec<ScoredGap>,
    /// Every skill that would lift the score by at least [`LIFT_MIN_POINTS`], with the score it would bring.
    pub lifts: Vec<(SkillIdx, u8)>,
    /// Every skill the posting asks for that the CV does not fully show (see [`lift_candidates`]).
    pub gap_skills: Vec<SkillIdx>,
    /// How many lines of the posting ask for something.
    pub asking_lines: usize,
    /// How many of those had a skill recognised.
    pub lines_read: usize,
}

/// One gap of a scored posting.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoredGap {
    /// The skill that names it.
    pub skill: SkillIdx,
    /// How it stands.
    pub status: GapStatus,
    /// How strongly the posting asks for it.
    pub requirement: Requirement,
    /// What the posting accepts in its place.
    pub alternatives: Vec<SkillIdx>,
}

impl<'a> BatchScorer<'a> {
    /// A scorer that keeps the first `gaps_shown` gaps of each posting.
    pub fn new(extractor: &'a Extractor, profile: &'a Profile, gaps_shown: usize) -> BatchScorer<'a> {
        BatchScorer { extractor, profile, held: HeldIndex::new(extractor.taxonomy(), profile), gaps_shown }
    }

    /// Extracts `posting` (read as a posting, whatever its wording), compares it with the CV, and keeps the summary.
    pub fn score(&self, posting: &Posting, scratch: &mut Scratch) -> Scored {
        let taxonomy = self.extractor.taxonomy();
        let doc = self.extractor.extract_as_with(&posting.text, TargetKind::Posting, scratch);
        let asking_lines = doc.asking_lines.len();
        let lines_read = asking_lines - doc.unrecognised.len().min(asking_lines);
        let comparison = compare_held(taxonomy, self.profile, &self.held, std::slice::from_ref(&doc));
        let gaps = comparison
            .gaps()
            .iter()
            .take(self.gaps_shown)
            .map(|g| ScoredGap {
                skill: g.skill,
                status: g.status,
                requirement: g.result.requirement(),
                alternatives: g.result.alternatives.clone(),
            })
            .collect();
        let gap_skills = lift_candidates(&comparison);
        let lifts = gap_skills
            .iter()
            .map(|&skill| (skill, score_with(taxonomy, &comparison, skill)))
            .filter(|&(_, with)| with >= comparison.score.saturating_add(LIFT_MIN_POINTS))
            .collect();
        Scored { score: comparison.score, gaps, lifts, gap_skills, asking_lines, lines_read }
    }
}

/// Identifies a posting's text for finding duplicates: two hashes of its words, so that postings that differ only
/// in spacing or line breaks are one. (Two independent 64-bit hashes make a false duplicate vanishingly unlikely.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextKey(u64, u64);

/// The [`TextKey`] of a posting's text.
///
/// The words (runs of characters that are not `char::is_whitespace`, as `str::split_whitespace` finds them) are
/// written once into one buffer, each followed by `0xFF` (a byte UTF-8 never uses), and both hashes read that
/// buffer in a single call: hashing word by word cost more than scoring's alias scan.
pub fn text_key(text: &str) -> TextKey {
    let words = words_joined(text);
    let mut sip = std::collections::hash_map::DefaultHasher::new();
    let mut fx = rustc_hash::FxHasher::default();
    sip.write(&words);
    fx.write(&words);
    TextKey(sip.finish(), fx.finish())
}

/// The words of `text`, each followed by `0xFF`. The text is read in runs of bytes that cannot begin whitespace
/// (a tight scan); only at a byte that may is a character decoded, and each word is copied whole. (Walking
/// `char_indices` and pushing character by character cost twice as much.)
fn words_joined(text: &str) -> Vec<u8> {
    const END: u8 = 0xFF;
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut word_start: Option<usize> = None;
    let mut i = 0;
    while i < bytes.len() {
        let rest = bytes.get(i..).unwrap_or_default();
        let run = rest.iter().position(|&b| may_begin_whitespace(b)).unwrap_or(rest.len());
        if run > 0 {
            word_start.get_or_insert(i);
            i += run;
            continue;
        }
        let (len, space) = match rest.first() {
            Some(b) if b.is_ascii() => (1, true),
            _ => {
                let c = text.get(i..).and_then(|rest| rest.chars().next());
                c.map_or((1, false), |c| (c.len_utf8(), c.is_whitespace()))
            }
        };
        match (space, word_start) {
            (true, Some(start)) => {
                out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
                out.push(END);
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word_start {
        out.extend_from_slice(bytes.get(start..).unwrap_or_default());
        out.push(END);
    }
    out
}

/// Whether `b` may be the first byte of a character that `char::is_whitespace` accepts: the ASCII ones, and the
/// lead bytes of U+0085 and U+00A0 (`C2`), U+1680 (`E1`), U+2000 to U+205F (`E2`) and U+3000 (`E3`).
fn may_begin_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keys_ignore_spacing_only() {
        assert_eq!(text_key("Python and\r\n SQL"), text_key("Python  and SQL\n"));
        assert_ne!(text_key("Python and SQL"), text_key("Python or SQL"));
        assert_ne!(text_key("ab c"), text_key("a bc"));
        assert_eq!(text_key("Ünïcode\u{00A0}words\u{3000} é"), text_key("Ünïcode words é"));
        assert_ne!(text_key("a b"), text_key("a\u{200B}b"), "a zero-width space is not whitespace");
    }

    #[test]
    fn words_are_those_split_whitespace_finds() {
        for text in [
            "",
            "  ",
            "one",
            " two  words\r\n",
            "tab\tand\u{85}next\u{2028}line",
            "é\u{A0}ü x",
            "vt\u{B}ff\u{C}fs\u{1C}us\u{1F}",
            "\u{3000}ideographic\u{205F}",
        ] {
            let expected: Vec<u8> = text.split_whitespace().flat_map(|w| w.bytes().chain([0xFF])).collect();
            assert_eq!(words_joined(text), expected, "{text:?}");
        }
    }

    #[test]
    fn every_whitespace_character_begins_with_a_byte_the_scan_stops_at() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32).filter(|c| c.is_whitespace()) {
            let mut buf = [0; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(may_begin_whitespace(first), "{c:?}");
        }
    }

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn batch_types_are_send_and_sync() {
        assert_send_sync::<BatchScorer<'_>>();
        assert_send_sync::<Scored>();
        assert_send_sync::<BatchTally>();
        assert_send_sync::<Posting>();
    }
}
