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
mod text_key;

pub use lift::{lift_candidates, score_with, LIFT_MIN_POINTS};
pub use report::{
    BatchCsvRow, BatchGap, BatchRecord, BatchReport, BatchSummary, DuplicateReport, FailureReport, LiftTo,
    OneSkillAway, PostingReport, SkillLiftReport,
};
pub use tally::BatchTally;
pub use text_key::{text_key, TextKey};

use crate::compare::{compare_held, GapStatus, HeldIndex, Wording};
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
        // Batch keeps scores and skills, never the postings' own words.
        let comparison = compare_held(taxonomy, self.profile, &self.held, std::slice::from_ref(&doc), Wording::Dropped);
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
        let rescorer = lift::Rescorer::new(taxonomy, &comparison);
        let lifts = gap_skills
            .iter()
            .map(|&skill| (skill, rescorer.score_with(skill)))
            .filter(|&(_, with)| with >= comparison.score.saturating_add(LIFT_MIN_POINTS))
            .collect();
        Scored { score: comparison.score, gaps, lifts, gap_skills, asking_lines, lines_read }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn assert_send_sync<T: Send + Sync>() {}

    #[test]
    fn batch_types_are_send_and_sync() {
        assert_send_sync::<BatchScorer<'_>>();
        assert_send_sync::<Scored>();
        assert_send_sync::<BatchTally>();
        assert_send_sync::<Posting>();
    }
}
