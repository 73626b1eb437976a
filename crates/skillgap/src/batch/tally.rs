//! The running result of a batch: the best rows for the table, the postings one skill away, per-skill lift totals,
//! duplicates and failures. Postings are added in input order; what is kept is bounded by `--top`, not by the
//! number of postings (the duplicate check keeps one small key per distinct text).

use std::cmp::{Ordering, Reverse};
use std::collections::{BinaryHeap, HashMap};

use super::report::tenths;
use super::{
    BatchReport, BatchSummary, DuplicateReport, FailureReport, LiftTo, OneSkillAway, PostingReport, Scored,
    SkillLiftReport, TextKey, GOOD_FIT,
};
use crate::report::SkillRef;
use crate::source::Posting;
use crate::taxonomy::{SkillIdx, Taxonomy};

/// A value ranked by a key, for the bounded heaps: a larger key ranks higher, and the key ends with the input
/// position (reversed), so that ties go to the earlier posting.
#[derive(Debug)]
struct Ranked<K: Ord, T> {
    key: K,
    value: T,
}

impl<K: Ord, T> PartialEq for Ranked<K, T> {
    fn eq(&self, other: &Self) -> bool {
        self.key == other.key
    }
}
impl<K: Ord, T> Eq for Ranked<K, T> {}
impl<K: Ord, T> PartialOrd for Ranked<K, T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl<K: Ord, T> Ord for Ranked<K, T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.key.cmp(&other.key)
    }
}

/// The best `limit` values seen (all of them with no limit): a min-heap that drops its worst when full.
#[derive(Debug)]
struct Best<K: Ord, T> {
    limit: Option<usize>,
    heap: BinaryHeap<Reverse<Ranked<K, T>>>,
}

impl<K: Ord, T> Best<K, T> {
    fn new(limit: Option<usize>) -> Best<K, T> {
        Best { limit, heap: BinaryHeap::new() }
    }

    fn offer(&mut self, key: K, value: impl FnOnce() -> T) {
        if let Some(limit) = self.limit {
            if limit == 0 {
                return;
            }
            if self.heap.len() >= limit {
                match self.heap.peek() {
                    Some(Reverse(worst)) if worst.key < key => {
                        self.heap.pop();
                    }
                    _ => return,
                }
            }
        }
        self.heap.push(Reverse(Ranked { key, value: value() }));
    }

    /// Best first.
    fn into_sorted(self) -> Vec<T> {
        // `into_sorted_vec` is ascending by `Reverse`, so best first.
        self.heap.into_sorted_vec().into_iter().map(|Reverse(r)| r.value).collect()
    }
}

/// Per skill, over every scored posting.
#[derive(Debug, Default, Clone, Copy)]
struct SkillTotals {
    gap_in: usize,
    lifts: usize,
    points: u64,
}

/// Folds scored postings, in input order, into a [`BatchReport`].
#[derive(Debug)]
pub struct BatchTally {
    min_score: u8,
    seq: u64,
    table: Best<(bool, u8, Reverse<u64>), PostingReport>,
    one_away: Best<(u8, u8, Reverse<u64>), OneSkillAway>,
    skills: HashMap<SkillIdx, SkillTotals>,
    /// Per distinct text, where the first posting with it is named in `seen_names` (start, end). The key is
    /// already a hash, so the map takes it as it is; the names share one buffer instead of one allocation each.
    seen: HashMap<TextKey, (usize, usize), rustc_hash::FxBuildHasher>,
    seen_names: String,
    summary: BatchSummary,
    duplicates: Vec<DuplicateReport>,
    failures: Vec<FailureReport>,
}

impl BatchTally {
    /// A tally whose table keeps the best `top` postings (every one with `None`) scoring at least `min_score`, and
    /// as many postings one skill away.
    pub fn new(top: Option<usize>, min_score: u8) -> BatchTally {
        BatchTally {
            min_score,
            seq: 0,
            table: Best::new(top),
            one_away: Best::new(top),
            skills: HashMap::new(),
            seen: HashMap::default(),
            seen_names: String::new(),
            summary: BatchSummary {
                files: 0,
                scored: 0,
                duplicates: 0,
                failed: 0,
                skipped: 0,
                windows_1252: 0,
                shown: 0,
                above_min_score: 0,
                good_fit: GOOD_FIT,
                good_fits: 0,
            },
            duplicates: Vec::new(),
            failures: Vec::new(),
        }
    }

    /// Counts a file opened.
    pub fn add_file(&mut self) {
        self.summary.files += 1;
    }

    /// Counts a file read as Windows-1252 because it was not UTF-8.
    pub fn add_windows_1252(&mut self) {
        self.summary.windows_1252 += 1;
    }

    /// Counts a file skipped for its extension.
    pub fn add_skipped(&mut self) {
        self.summary.skipped += 1;
    }

    /// The earlier posting with the same text as `name`'s, if there is one; otherwise `name` is remembered as the
    /// first with this text. Call in input order, before scoring, so that a repeat is never scored.
    pub fn earlier_with_text(&mut self, key: TextKey, name: &str) -> Option<String> {
        match self.seen.get(&key) {
            Some(&(start, end)) => Some(self.seen_names.get(start..end).unwrap_or_default().to_owned()),
            None => {
                let start = self.seen_names.len();
                self.seen_names.push_str(name);
                self.seen.insert(key, (start, self.seen_names.len()));
                None
            }
        }
    }

    /// Records a repeat.
    pub fn add_duplicate(&mut self, name: &str, duplicate_of: &str) -> DuplicateReport {
        let report = DuplicateReport::new(name, duplicate_of);
        self.summary.duplicates += 1;
        self.duplicates.push(report.clone());
        report
    }

    /// Records an input that could not be read or parsed.
    pub fn add_failure(&mut self, name: &str, reason: &str) -> FailureReport {
        let report = FailureReport::new(name, reason);
        self.summary.failed += 1;
        self.failures.push(report.clone());
        report
    }

    /// Adds a scored posting, and returns its row (for output that streams rows as they come).
    pub fn add_posting(&mut self, taxonomy: &Taxonomy, posting: &Posting, scored: &Scored) -> PostingReport {
        let seq = self.seq;
        self.seq += 1;
        self.summary.scored += 1;
        let row = PostingReport::new(taxonomy, posting, scored);
        // A posting batch mostly could not read is neither called a good fit nor one skill away from one.
        let trusted = !row.poorly_covered;
        if trusted && scored.score >= GOOD_FIT {
            self.summary.good_fits += 1;
        }
        for &skill in &scored.gap_skills {
            self.skills.entry(skill).or_default().gap_in += 1;
        }
        for &(skill, with) in &scored.lifts {
            let totals = self.skills.entry(skill).or_default();
            totals.lifts += 1;
            totals.points += u64::from(with.saturating_sub(scored.score));
        }
        if scored.score >= self.min_score {
            self.summary.above_min_score += 1;
            // A posting whose requirement lines were mostly not recognised ranks after the others: its score says
            // little, and a 100 with no gaps at the top of the table would mislead.
            self.table.offer((!row.poorly_covered, scored.score, Reverse(seq)), || row.clone());
        }
        if trusted && scored.score < GOOD_FIT {
            let mut reaching: Vec<(SkillIdx, u8)> =
                scored.lifts.iter().copied().filter(|&(_, with)| with >= GOOD_FIT).collect();
            reaching.sort_by_key(|&(skill, with)| (Reverse(with), taxonomy.skill(skill).name.clone(), skill));
            if let Some(&(_, best)) = reaching.first() {
                self.one_away.offer((best, scored.score, Reverse(seq)), || OneSkillAway {
                    name: row.name.clone(),
                    title: row.title.clone(),
                    company: row.company.clone(),
                    score: scored.score,
                    skills: reaching
                        .iter()
                        .map(|&(skill, score)| LiftTo { skill: skill_ref(taxonomy, skill), score })
                        .collect(),
                });
            }
        }
        row
    }

    /// The report: the table ranked (best score first, ties in input order; postings whose requirement lines were
    /// mostly not recognised after the others), the skills ranked by how many
    /// postings they lift (then by how many they are a gap in, by total lift, and by name).
    pub fn finish(self, taxonomy: &Taxonomy, cv: &str) -> BatchReport {
        let mut postings = self.table.into_sorted();
        for (i, p) in postings.iter_mut().enumerate() {
            p.rank = Some(i + 1);
        }
        let mut skills: Vec<SkillLiftReport> = self
            .skills
            .iter()
            .map(|(&skill, t)| {
                let s = taxonomy.skill(skill);
                SkillLiftReport {
                    id: s.id.clone(),
                    name: s.name.clone(),
                    gap_in: t.gap_in,
                    lifts: t.lifts,
                    average_lift: tenths(t.points, t.lifts),
                    total_lift: t.points,
                }
            })
            .collect();
        skills.sort_by(|a, b| {
            b.lifts
                .cmp(&a.lifts)
                .then(b.gap_in.cmp(&a.gap_in))
                .then(b.total_lift.cmp(&a.total_lift))
                .then(a.name.cmp(&b.name))
                .then(a.id.cmp(&b.id))
        });
        let summary = BatchSummary { shown: postings.len(), ..self.summary };
        BatchReport {
            cv: cv.to_owned(),
            summary,
            postings,
            skills,
            one_skill_away: self.one_away.into_sorted(),
            duplicates: self.duplicates,
            failures: self.failures,
        }
    }
}

fn skill_ref(taxonomy: &Taxonomy, skill: SkillIdx) -> SkillRef {
    let s = taxonomy.skill(skill);
    SkillRef { id: s.id.clone(), name: s.name.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::batch::LIFT_MIN_POINTS;

    fn taxonomy() -> Taxonomy {
        let mut b = Taxonomy::builder();
        b.add_csv(
            "t.csv",
            "id,name,family,kind,aliases,related,broader\ndbt,dbt,data,tool,,,\nkafka,Apache Kafka,data,tool,,,\n",
        )
        .expect("parses");
        b.build().expect("builds")
    }

    fn posting(name: &str) -> Posting {
        Posting { name: name.to_owned(), title: None, company: None, url: None, text: String::new() }
    }

    fn scored(score: u8, lifts: &[(SkillIdx, u8)], gap_skills: &[SkillIdx]) -> Scored {
        Scored {
            score,
            gaps: Vec::new(),
            lifts: lifts.to_vec(),
            gap_skills: gap_skills.to_vec(),
            asking_lines: 4,
            lines_read: 4,
        }
    }

    #[test]
    fn the_aggregate_counts_every_posting_and_the_table_only_the_best() {
        let t = taxonomy();
        let (dbt, kafka) = (t.get("dbt").expect("dbt"), t.get("kafka").expect("kafka"));
        let mut tally = BatchTally::new(Some(1), 50);
        let below_good_fit = GOOD_FIT - 5;
        tally.add_posting(&t, &posting("a"), &scored(below_good_fit, &[(kafka, GOOD_FIT + 1)], &[kafka, dbt]));
        tally.add_posting(&t, &posting("b"), &scored(40, &[(kafka, 40 + LIFT_MIN_POINTS)], &[kafka]));
        tally.add_posting(&t, &posting("c"), &scored(90, &[(dbt, 97)], &[dbt]));
        let report = tally.finish(&t, "cv.md");
        assert_eq!(report.postings.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(), ["c"], "--top 1");
        assert_eq!((report.summary.scored, report.summary.above_min_score, report.summary.good_fits), (3, 2, 1));
        let skills: Vec<(&str, usize, usize, u64)> =
            report.skills.iter().map(|s| (s.id.as_str(), s.gap_in, s.lifts, s.total_lift)).collect();
        let kafka_total = u64::from((GOOD_FIT + 1 - below_good_fit) + LIFT_MIN_POINTS);
        assert_eq!(skills, [("kafka", 2, 2, kafka_total), ("dbt", 2, 1, 7)]);
        assert_eq!(report.skills[0].average_lift, tenths(kafka_total, 2));
        let away: Vec<(&str, u8)> =
            report.one_skill_away.iter().map(|o| (o.name.as_str(), o.skills[0].score)).collect();
        assert_eq!(away, [("a", GOOD_FIT + 1)]);
    }

    #[test]
    fn best_keeps_the_top_with_ties_to_the_earlier() {
        let mut best: Best<(u8, Reverse<u64>), &str> = Best::new(Some(3));
        for (seq, (score, name)) in [(50, "a"), (80, "b"), (50, "c"), (90, "d"), (80, "e")].into_iter().enumerate() {
            best.offer((score, Reverse(seq as u64)), || name);
        }
        assert_eq!(best.into_sorted(), ["d", "b", "e"]);
        let mut all: Best<(u8, Reverse<u64>), &str> = Best::new(None);
        for (seq, (score, name)) in [(50, "a"), (50, "b"), (60, "c")].into_iter().enumerate() {
            all.offer((score, Reverse(seq as u64)), || name);
        }
        assert_eq!(all.into_sorted(), ["c", "a", "b"]);
        let mut none: Best<u8, &str> = Best::new(Some(0));
        none.offer(1, || "x");
        assert!(none.into_sorted().is_empty());
    }
}
