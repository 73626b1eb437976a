//! Fuzzy normalisation: the alias a person meant when they wrote it another way.
//!
//! People write "Kubernets", "ReactJS", "Postgre SQL", "MS-Excel", "Javascript ES6", "Salesforce.com" and
//! "Adobe Photoshop CC 2020". A CV skill that is not recognised shows up as a false gap, the worst thing this
//! tool can show, so [`FuzzyIndex::lookup`] tries, from the most to the least certain:
//!
//! 1. [`FuzzyHow::Exact`]: the folded term equals a folded alias ([`fold`](crate::fold): case, diacritics, width,
//!    spacing).
//! 2. [`FuzzyHow::Variant`]: the term equals an alias once both are rewritten in ways that keep the meaning:
//!    punctuation and spacing ("React.js" = "ReactJS" = "React JS", "Postgre SQL" = "PostgreSQL"), a vendor
//!    prefix ("MS-Excel", "Adobe Photoshop", "Apache Kafka"), version suffixes ("Python 3.11", "Photoshop CC
//!    2020", "JavaScript ES6"), a `.com` or `js` suffix ("Salesforce.com", "ExpressJS") and plural endings
//!    ("APIs", "technologies").
//! 3. [`FuzzyHow::Typo`]: the term is within a small edit distance of an alias, with guards that keep distinct
//!    skills apart (Java/JavaScript, C/C++/C#, React/React Native, SQL/NoSQL, Python 2/Python 3).
//!
//! The index keeps the shape of every alias key (its length, its set of characters and its first byte) and
//! writes out only the keys whose shape can match: for a variant, keys of the same length, characters and first
//! byte; for a typo, keys whose length and characters are within the edit budget, which are then verified with
//! [`strsim::osa_distance`].
//!
//! The rooms: `keys` turns a term or an alias into lookup keys (tokens, vendor words, versions, suffixes,
//! plurals) and measures alias keys, `typo` holds the typo budget and guards, `index` the shapes and the lookups,
//! and this file the public types, the scores and the ranking.

mod index;
mod keys;
#[cfg(test)]
mod tests;
mod typo;

use std::cmp::Reverse;

use serde::Serialize;

use crate::taxonomy::AliasRef;

pub use index::FuzzyIndex;

/// The score of an alias equal to the term after folding.
const EXACT_SCORE: u8 = 100;

/// The score of a variant that differs from the alias only in punctuation and spacing ("React.js" for
/// "ReactJS"). Below exact, so that an alias written as the term was wins a tie between skills.
const VARIANT_SCORE: u8 = 96;

/// What a variant loses for each rewriting step beyond punctuation and spacing (vendor prefix, version suffix,
/// `.com`/`js` suffix, plural ending): every step is a guess, and fewer guesses are more certain.
const VARIANT_STEP_PENALTY: u8 = 2;

/// The most rewriting steps one variant can take: vendor, version, suffix and plural, one each.
const MAX_VARIANT_STEPS: u8 = 4;

/// The score of a typo with no edits, the ceiling of every typo score. It sits below the lowest variant score
/// (checked below), so that a variant always outranks a typo: a rewriting the rules know beats a guess.
///
/// A typo scores `TYPO_SCORE_MAX * (longer - edits) / longer - TYPO_STEP_PENALTY * steps`, where `longer` is the
/// length in characters of the longer compact key and `steps` the rewriting steps taken before the edit-distance
/// search: one edit in "Kubernets" (10 characters against "kubernetes") leaves more of the word than one edit
/// in a four-letter word, and should score higher.
const TYPO_SCORE_MAX: u8 = 85;

/// What a typo loses for each rewriting step taken before the edit-distance search ("Adobe Photshop CC" is a
/// typo of "photoshop" after two steps), for the same reason as [`VARIANT_STEP_PENALTY`].
const TYPO_STEP_PENALTY: u8 = 2;

const _: () = assert!(VARIANT_SCORE - MAX_VARIANT_STEPS * VARIANT_STEP_PENALTY > TYPO_SCORE_MAX);
const _: () = assert!(VARIANT_SCORE < EXACT_SCORE);

/// How a [`FuzzyMatch`] was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FuzzyHow {
    /// The term equals the alias after folding (case, diacritics, width, spacing).
    Exact,
    /// The term equals the alias after rewriting that keeps the meaning: punctuation and spacing, a vendor
    /// prefix, version suffixes, a `.com` or `js` suffix, a plural ending.
    Variant,
    /// The term is a few character edits away from the alias.
    Typo,
}

/// One candidate alias for a term.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FuzzyMatch {
    /// The alias found.
    pub alias: AliasRef,
    /// How sure the match is, from 0 to 100: 100 is exact after folding, variants score from 88 to 96 (96 less 2
    /// per rewriting step), typos at most 85 (85 times the share of the longer key left unedited, less 2 per
    /// rewriting step).
    pub score: u8,
    /// Character edits (insertions, deletions, substitutions, transpositions) between the compact term and the
    /// compact alias; 0 for exact and variant matches.
    pub edits: u8,
    /// How it was found.
    pub how: FuzzyHow,
}

/// Sorts by score, edits and taxonomy order, keeps the best alias of each skill, and cuts to `limit`.
fn rank(mut found: Vec<FuzzyMatch>, limit: usize) -> Vec<FuzzyMatch> {
    let order = |m: &FuzzyMatch| (Reverse(m.score), m.edits, m.alias.skill, m.alias.alias);
    found.sort_unstable_by_key(|m| (m.alias.skill, order(m)));
    found.dedup_by_key(|m| m.alias.skill);
    found.sort_unstable_by_key(order);
    found.truncate(limit);
    found
}

/// See [`VARIANT_SCORE`].
const fn variant_score(steps: u8) -> u8 {
    VARIANT_SCORE - VARIANT_STEP_PENALTY * steps
}

/// See [`TYPO_SCORE_MAX`]. `longer` is at least one more than `edits`: the typo budget is 0 below four
/// characters.
const fn typo_score(edits: usize, longer: usize, steps: u8) -> u8 {
    let kept = TYPO_SCORE_MAX as usize * longer.saturating_sub(edits) / if longer == 0 { 1 } else { longer };
    (kept as u8).saturating_sub(TYPO_STEP_PENALTY * steps)
}

fn typo_match(alias: AliasRef, edits: usize, longer: usize, steps: u8) -> FuzzyMatch {
    FuzzyMatch { alias, score: typo_score(edits, longer, steps), edits: edits as u8, how: FuzzyHow::Typo }
}
