//! The index: the shape of every alias key (its length, its set of characters and its first byte), by length,
//! from which a lookup picks the few aliases worth writing out, then compares them with the term's keys: by
//! equality for variants, by edit distance and the typo guards for typos.
//!
//! It keeps shapes, not keys, because a CLI start builds it to look up a handful of terms. Writing every alias's
//! key, with hash tables for variants and a trigram index for typos, cost half the instructions of a `compare`;
//! measuring the aliases costs a third of that, and a lookup writes out a few hundred keys.

use std::fmt;

use super::keys::{
    char_mask, measure_ascii, push_compact, push_stem, query_keys, shape_of, stem_chars, vendor_ok, KeyShape, QueryKey,
    NO_VENDOR,
};
use super::typo::{allows_typos, typo_allowed, typo_budget};
use super::{rank, typo_match, variant_score, FuzzyHow, FuzzyMatch, EXACT_SCORE};
use crate::normalize::fold;
use crate::taxonomy::{Alias, AliasRef, SkillIdx, Taxonomy};

/// Fuzzy lookup over every alias of a taxonomy.
///
/// Build it once per taxonomy (a few milliseconds for the built-in one) and share it between threads.
///
/// ```
/// use skillgap::{FuzzyHow, FuzzyIndex, Taxonomy};
///
/// let mut builder = Taxonomy::builder();
/// builder.add_csv("mine.csv", "id,name,family,kind,aliases,related,broader\n\
///     kubernetes,Kubernetes,cloud,tool,K8s,,\n\
///     excel,Microsoft Excel,data,tool,?Excel,,\n").expect("parses");
/// let taxonomy = builder.build().expect("valid");
/// let index = FuzzyIndex::new(&taxonomy);
///
/// let best = index.lookup(&taxonomy, "Kubernets", 3)[0];
/// assert_eq!((taxonomy.skill(best.alias.skill).name.as_str(), best.how), ("Kubernetes", FuzzyHow::Typo));
/// let best = index.lookup(&taxonomy, "MS-Excel", 3)[0];
/// assert_eq!((taxonomy.skill(best.alias.skill).name.as_str(), best.how), ("Microsoft Excel", FuzzyHow::Variant));
/// assert!(index.lookup(&taxonomy, "Knitting", 3).is_empty());
/// ```
#[derive(Clone)]
pub struct FuzzyIndex {
    /// Every key of every alias (as written, and without a leading vendor word), by the key's length.
    keys: ByLength,
    /// Every plural stem that differs from its key, by the stem's length.
    stems: ByLength,
    /// Per skill, a bit per vendor group named by any of its aliases.
    skill_vendors: Vec<u16>,
}

impl fmt::Debug for FuzzyIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FuzzyIndex").field("keys", &self.keys.len()).field("stems", &self.stems.len()).finish()
    }
}

/// One key of an alias: as written, or without its leading vendor word.
#[derive(Debug, Clone, Copy)]
struct Entry {
    alias: AliasRef,
    /// [`char_mask`] of the key (0 for a stem: stems are only compared for equality, and few share a length and a
    /// first byte).
    mask: u64,
    /// Characters of the key (or the stem).
    chars: u32,
    /// The vendor group dropped from the alias to make the key, or [`NO_VENDOR`].
    vendor: u8,
    /// The first byte of the key.
    first: u8,
}

/// Entries by their length in characters: `by_chars[n]` holds those of `n` characters, in taxonomy order.
#[derive(Debug, Clone, Default)]
struct ByLength {
    by_chars: Vec<Vec<Entry>>,
}

impl ByLength {
    fn push(&mut self, entry: Entry) {
        let chars = entry.chars as usize;
        if self.by_chars.len() <= chars {
            self.by_chars.resize_with(chars + 1, Vec::new);
        }
        if let Some(entries) = self.by_chars.get_mut(chars) {
            entries.push(entry);
        }
    }

    /// The entries of `chars` characters.
    fn of(&self, chars: usize) -> &[Entry] {
        self.by_chars.get(chars).map_or(&[], Vec::as_slice)
    }

    fn len(&self) -> usize {
        self.by_chars.iter().map(Vec::len).sum()
    }
}

/// A position or count of the index as stored.
///
/// # Panics
///
/// When `n` does not fit in a `u32`, that is for a key of 4 G characters.
fn stored(n: usize) -> u32 {
    u32::try_from(n).expect("an alias key is shorter than 4 G characters")
}

/// Writes the compact key of `alias` to `arena`. An ASCII alias needs no folding (`push_compact` lowercases, and
/// drops the whitespace that folding would collapse); others are folded first.
fn push_alias_key(arena: &mut String, alias: &Alias) -> Option<super::keys::CompactAt> {
    if alias.text.is_ascii() {
        push_compact(arena, &alias.text)
    } else {
        push_compact(arena, &fold(&alias.text))
    }
}

/// Which key of an entry to write out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Written {
    Key,
    Stem,
}

/// An entry's key, written out to be compared.
#[derive(Debug)]
struct EntryKey<'a> {
    text: &'a str,
    /// Bit `i` is set when a token starts at character `i` of the key (up to 64 characters).
    starts: u64,
    /// Plural stemming leaves the key as it is, so a stemmed term key equal to it matches.
    stem_fixed: bool,
}

/// Writes out the key (or the stem) of `entry` in `arena`, which it clears first.
fn write_entry<'a>(
    arena: &'a mut String,
    scratch: &mut String,
    alias: &Alias,
    entry: &Entry,
    written: Written,
) -> Option<EntryKey<'a>> {
    arena.clear();
    let key = push_alias_key(arena, alias)?;
    let vendorless = entry.vendor != NO_VENDOR;
    let skip = if vendorless { key.first_len } else { 0 };
    let starts = if vendorless { key.rest_starts } else { key.starts };
    let (range, stem_fixed) = match written {
        Written::Key => (key.range(skip), stem_chars(arena, &key).is_none()),
        Written::Stem => (push_stem(arena, &key, scratch)?.range(skip), false),
    };
    Some(EntryKey { text: arena.get(range)?, starts, stem_fixed })
}

impl FuzzyIndex {
    /// Indexes every alias of `taxonomy`.
    pub fn new(taxonomy: &Taxonomy) -> FuzzyIndex {
        // Aliases are read in taxonomy order, straight from the skills, so memory is read forwards.
        let mut skill_vendors = vec![0u16; taxonomy.len()];
        // Entries go straight to the list of their length: sorting them by length afterwards took a seventh of the
        // build.
        let (mut keys, mut stems) = (ByLength::default(), ByLength::default());
        let (mut arena, mut scratch) = (String::new(), String::new());
        for (skill, skill_idx) in taxonomy.skills().iter().zip(0u32..) {
            for (alias_def, alias_idx) in skill.aliases.iter().zip(0u32..) {
                let shape = measure_ascii(&alias_def.text, &mut scratch).or_else(|| {
                    // Folding may change the length of an alias that is not ASCII (a few dozen are not): these
                    // are written out to be measured.
                    arena.clear();
                    push_alias_key(&mut arena, alias_def).map(|key| shape_of(&arena, &key))
                });
                let Some(KeyShape { chars, first_chars, vendor, stem_chars, mask, rest_mask, first, rest_first }) =
                    shape
                else {
                    continue;
                };
                let alias = AliasRef { skill: SkillIdx(skill_idx), alias: alias_idx };
                keys.push(Entry { alias, mask, chars: stored(chars), vendor: NO_VENDOR, first });
                if let Some(stem) = stem_chars {
                    stems.push(Entry { alias, mask: 0, chars: stored(stem), vendor: NO_VENDOR, first });
                }
                let Some(group) = vendor else { continue };
                if let Some(skill_mask) = skill_vendors.get_mut(alias.skill.index()) {
                    *skill_mask |= 1 << group;
                }
                // Dropping the first token keeps every later token, the stemmed last one included.
                let (vendor, first) = (group, rest_first);
                keys.push(Entry { alias, mask: rest_mask, chars: stored(chars - first_chars), vendor, first });
                if let Some(stem) = stem_chars {
                    stems.push(Entry { alias, mask: 0, chars: stored(stem - first_chars), vendor, first });
                }
            }
        }
        FuzzyIndex { keys, stems, skill_vendors }
    }

    /// Best candidates for `term`, best first, at most `limit`. Empty when nothing is within budget.
    ///
    /// `taxonomy` must be the one the index was built from. Each skill appears once, with its best alias.
    /// Candidates are ordered by score (highest first), then edits (fewest first), then taxonomy order, so the
    /// same term always gives the same answer.
    pub fn lookup(&self, taxonomy: &Taxonomy, term: &str, limit: usize) -> Vec<FuzzyMatch> {
        let folded = fold(term);
        if limit == 0 || folded.is_empty() {
            return Vec::new();
        }
        let mut found: Vec<FuzzyMatch> = taxonomy
            .lookup_alias(term)
            .iter()
            .map(|&alias| FuzzyMatch { alias, score: EXACT_SCORE, edits: 0, how: FuzzyHow::Exact })
            .collect();
        let (mut arena, mut scratch) = (String::new(), String::new());
        let query = query_keys(&folded);
        for key in &query {
            let score = variant_score(key.steps);
            let text = key.key.text.as_str();
            let (mask, first) = (char_mask(text), text.bytes().next().unwrap_or(0));
            let mut push = |e: &Entry| {
                if self.vendor_ok(e, key.vendor) {
                    found.push(FuzzyMatch { alias: e.alias, score, edits: 0, how: FuzzyHow::Variant });
                }
            };
            // An equal key has the same length, characters and first byte: only those are written out.
            for e in self.keys.of(key.key.chars).iter().filter(|e| e.mask == mask && e.first == first) {
                let alias = taxonomy.alias(e.alias);
                let Some(written) = write_entry(&mut arena, &mut scratch, alias, e, Written::Key) else { continue };
                if written.text == text && (!key.stemmed || written.stem_fixed) {
                    push(e);
                }
            }
            if key.stemmed {
                for e in self.stems.of(key.key.chars).iter().filter(|e| e.first == first) {
                    let alias = taxonomy.alias(e.alias);
                    let Some(written) = write_entry(&mut arena, &mut scratch, alias, e, Written::Stem) else {
                        continue;
                    };
                    if written.text == text {
                        push(e);
                    }
                }
            }
        }
        for key in query.iter().filter(|k| k.typo) {
            self.typo_matches(taxonomy, key, &mut found, &mut arena, &mut scratch);
        }
        rank(found, limit)
    }

    fn vendor_ok(&self, entry: &Entry, vendor: Option<u8>) -> bool {
        let mask = self.skill_vendors.get(entry.alias.skill.index()).copied().unwrap_or(0);
        vendor_ok(entry.vendor, mask, vendor)
    }

    /// Keys within the typo budget of `query`: keys whose length and characters are within the budget are
    /// written out, then checked by edit distance and the guards.
    fn typo_matches(
        &self,
        taxonomy: &Taxonomy,
        query: &QueryKey,
        found: &mut Vec<FuzzyMatch>,
        arena: &mut String,
        scratch: &mut String,
    ) {
        let n = query.key.chars;
        let budget = typo_budget(n);
        if budget == 0 {
            return;
        }
        let mask = char_mask(&query.key.text);
        // Each edit adds at most one character and takes away at most one (see `char_mask`).
        let within = |e: &&Entry| {
            (mask & !e.mask).count_ones() as usize <= budget && (e.mask & !mask).count_ones() as usize <= budget
        };
        for chars in n - budget..=n + budget {
            let longer = n.max(chars);
            for e in self.keys.of(chars).iter().filter(within) {
                let alias = taxonomy.alias(e.alias);
                if !allows_typos(alias) || !self.vendor_ok(e, query.vendor) {
                    continue;
                }
                let Some(written) = write_entry(arena, scratch, alias, e, Written::Key) else { continue };
                let edits = strsim::osa_distance(&query.key.text, written.text);
                if edits == 0 || edits > budget {
                    continue;
                }
                if typo_allowed(&query.key, written.text, written.starts) {
                    found.push(typo_match(e.alias, edits, longer, query.steps));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the index keeps of a key must let through every key within budget: the character-set filter is the
    /// only one between the term and the edit distance.
    #[test]
    fn char_masks_let_keys_within_budget_through() {
        const PAIRS: &[(&str, &str)] = &[
            ("kubernets", "kubernetes"),
            ("kuberentes", "kubernetes"),
            ("kubrnetis", "kubernetes"),
            ("pyhton", "python"),
            ("javascirpt", "javascript"),
            ("postgressql", "postgresql"),
            ("xqzv", "abcd"),
            ("aab", "abb"),
            ("c++builder", "cbuilder"),
            ("日本語", "日本人"),
        ];
        for &(a, b) in PAIRS {
            let edits = strsim::osa_distance(a, b);
            let (ma, mb) = (char_mask(a), char_mask(b));
            assert!((ma & !mb).count_ones() as usize <= edits && (mb & !ma).count_ones() as usize <= edits, "{a} {b}");
        }
    }

    #[test]
    fn entries_by_length() {
        let entry =
            |chars| Entry { alias: AliasRef { skill: SkillIdx(0), alias: chars }, mask: 0, chars, vendor: 0, first: 0 };
        let mut by = ByLength::default();
        [3, 1, 3, 5].into_iter().for_each(|chars| by.push(entry(chars)));
        let lengths = |n| by.of(n).iter().map(|e| e.chars).collect::<Vec<_>>();
        assert_eq!(
            (lengths(0), lengths(1), lengths(3), lengths(4), lengths(5), lengths(9)),
            (vec![], vec![1], vec![3, 3], vec![], vec![5], vec![])
        );
        assert_eq!(by.len(), 4);
    }
}
