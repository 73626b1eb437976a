//! The index: every alias key and stem in hash tables for variants, and a trigram index over the keys for typos,
//! whose candidates are verified by edit distance and the typo guards.

use std::borrow::Cow;
use std::fmt;
use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

use super::keys::{push_compact, push_stem, query_keys, vendor_group, vendor_ok, QueryKey, NO_VENDOR};
use super::typo::{allows_typos, typo_allowed, typo_budget, MAX_TYPO_EDITS, NO_TYPO_MAX_CHARS, ONE_TYPO_MAX_CHARS};
use super::{rank, typo_match, variant_score, FuzzyHow, FuzzyMatch, EXACT_SCORE};
use crate::normalize::fold;
use crate::taxonomy::{AliasRef, SkillIdx, Taxonomy};

/// Gram length of the candidate index. Trigrams are selective enough that the count filter keeps few
/// candidates, and short enough that a four-letter term with one edit keeps two of its six padded grams.
const GRAM: usize = 3;

/// Padding on each side of a key before cutting grams, so that edits at the ends cost grams too and every key of
/// `n` characters has `n + GRAM - 1` grams.
const GRAM_PAD: usize = GRAM - 1;

/// One edit (insertion, deletion, substitution or transposition of neighbours) destroys at most this many grams
/// of a key: a transposition touches two characters, and each gram that covers either of them.
const GRAMS_PER_EDIT: usize = GRAM + 1;

// The count filter only holds if every key within budget shares at least one gram with the term: a key with no
// shared gram is never looked at.
const _: () = assert!(gram_count(NO_TYPO_MAX_CHARS + 1) > GRAMS_PER_EDIT);
const _: () = assert!(gram_count(ONE_TYPO_MAX_CHARS + 1) > MAX_TYPO_EDITS * GRAMS_PER_EDIT);

/// Log2 of the number of gram buckets. Grams are hashed into buckets (a collision only adds candidates, which
/// verification removes); the built-in taxonomy has about 10,000 distinct padded trigrams, so 16,384 buckets
/// keep collisions uncommon, at 64 KB of offsets.
const GRAM_BUCKET_BITS: u32 = 14;

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
    /// The text of every key, back to back: compact aliases, their vendor-less suffixes, and stems.
    arena: String,
    /// Every compact alias key and vendor-less key, sorted by length in characters, so that the keys of one
    /// length range are one range of ids.
    keys: Vec<IndexKey>,
    /// The postings of every key, key by key.
    postings: Vec<Posting>,
    /// Key text to key id.
    key_table: TextTable,
    /// Plural-stemmed keys that stemming changes (a stem equal to its key is a key with `stem_fixed` postings).
    stems: Vec<IndexKey>,
    /// The postings of every stem, stem by stem.
    stem_postings: Vec<Posting>,
    /// Stem text to stem id.
    stem_table: TextTable,
    /// `len_start[n]` is the first key id with at least `n` characters.
    len_start: Vec<u32>,
    /// `gram_keys[gram_offsets[b]..gram_offsets[b + 1]]` holds the ids of keys with a gram in bucket `b`,
    /// ascending (so by length), once per occurrence.
    gram_offsets: Vec<u32>,
    /// See `gram_offsets`.
    gram_keys: Vec<u32>,
    /// Per skill, a bit per vendor group named by any of its aliases.
    skill_vendors: Vec<u16>,
}

impl fmt::Debug for FuzzyIndex {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FuzzyIndex")
            .field("keys", &self.keys.len())
            .field("postings", &self.postings.len())
            .field("stems", &self.stems.len())
            .field("gram_postings", &self.gram_keys.len())
            .field("arena_bytes", &self.arena.len())
            .finish()
    }
}

/// One distinct key (or stem) of the index.
#[derive(Debug, Clone, Copy)]
struct IndexKey {
    /// Byte range of the text in the arena.
    text: (u32, u32),
    chars: u32,
    /// Range of the postings.
    postings: (u32, u32),
}

/// One alias behind a key.
#[derive(Debug, Clone, Copy)]
struct Posting {
    alias: AliasRef,
    /// Bit `i` is set when a token starts at character `i` of the key (up to 64 characters).
    starts: u64,
    /// The vendor group dropped from the alias to make this key, or [`NO_VENDOR`].
    vendor: u8,
    /// The alias may be reached by a typo: it needs neither exact case nor context.
    typo_ok: bool,
    /// Plural stemming leaves this key as it is, so a stemmed term key equal to it matches.
    stem_fixed: bool,
}

/// A key text (a byte range of the arena) with one alias behind it, before keys are grouped.
#[derive(Debug, Clone, Copy)]
struct KeyedPosting {
    text: (u32, u32),
    chars: u32,
    posting: Posting,
}

/// A position or count of the index as stored: every offset is a `u32`, which halves the index against `usize`.
///
/// # Panics
///
/// When `n` does not fit, that is when a taxonomy's keys take 4 GiB or more.
fn stored(n: usize) -> u32 {
    u32::try_from(n).expect("a fuzzy index holds less than 4 GiB of keys")
}

fn stored_range(range: std::ops::Range<usize>) -> (u32, u32) {
    (stored(range.start), stored(range.end))
}

impl FuzzyIndex {
    /// Indexes every alias of `taxonomy`.
    ///
    /// # Panics
    ///
    /// When the keys of the taxonomy's aliases take 4 GiB or more: the index stores its offsets as `u32`.
    pub fn new(taxonomy: &Taxonomy) -> FuzzyIndex {
        // The build runs at every CLI start, so it allocates per key as little as it can: key texts go to one
        // arena, a vendor-less key is a suffix of its compact key, and grouping uses open-addressing tables.
        // Sized for the built-in taxonomy's shape (a few percent of aliases have a vendor form, a quarter a stem,
        // and keys take about 19 bytes each with their stems), so that the vectors rarely grow and copy.
        let aliases: usize = taxonomy.skills().iter().map(|s| s.aliases.len()).sum();
        let mut arena = String::with_capacity(aliases * 20);
        let mut skill_vendors = vec![0u16; taxonomy.len()];
        let mut keyed: Vec<KeyedPosting> = Vec::with_capacity(aliases + aliases / 8);
        let mut stemmed: Vec<KeyedPosting> = Vec::with_capacity(aliases / 3);
        let mut scratch = String::new();
        // Aliases are read in taxonomy order, straight from the skills: memory is read forwards, and the key ids
        // come out the same at every run. The taxonomy's folded-alias map would give the same keys, but in hash
        // order, which costs a cache miss or two per alias: half the build. An ASCII alias needs no folding here
        // (`push_compact` lowercases, and drops the whitespace that folding would collapse); others are folded.
        for (skill, skill_idx) in taxonomy.skills().iter().zip(0u32..) {
            for (alias_def, alias_idx) in skill.aliases.iter().zip(0u32..) {
                let text = if alias_def.text.is_ascii() {
                    Cow::Borrowed(alias_def.text.as_str())
                } else {
                    Cow::Owned(fold(&alias_def.text))
                };
                let Some(key) = push_compact(&mut arena, &text) else { continue };
                let stem = push_stem(&mut arena, &key, &mut scratch);
                let vendor = arena.get(key.start..key.start + key.first_len).and_then(vendor_group);
                let vendor = vendor.filter(|_| key.tokens >= 2);
                let alias = AliasRef { skill: SkillIdx(skill_idx), alias: alias_idx };
                let posting = Posting {
                    alias,
                    starts: key.starts,
                    vendor: NO_VENDOR,
                    typo_ok: allows_typos(alias_def),
                    stem_fixed: stem.is_none(),
                };
                keyed.push(KeyedPosting { text: stored_range(key.range(0)), chars: stored(key.chars), posting });
                if let Some(stem) = stem {
                    stemmed.push(KeyedPosting {
                        text: stored_range(stem.range(0)),
                        chars: stored(stem.chars),
                        posting,
                    });
                }
                let Some(group) = vendor else { continue };
                if let Some(mask) = skill_vendors.get_mut(alias.skill.index()) {
                    *mask |= 1 << group;
                }
                // Dropping the first token keeps every later token, the stemmed last one included.
                let posting = Posting { starts: key.rest_starts, vendor: group, ..posting };
                let chars = stored(key.chars - key.first_chars);
                keyed.push(KeyedPosting { text: stored_range(key.range(key.first_len)), chars, posting });
                if let Some(stem) = stem {
                    let chars = stored(stem.chars - key.first_chars);
                    stemmed.push(KeyedPosting { text: stored_range(stem.range(key.first_len)), chars, posting });
                }
            }
        }

        let (keys, postings, mut key_table) = group_keys(&arena, &keyed);
        let (keys, new_id, len_start) = sort_by_length(keys);
        key_table.renumber(&new_id);
        let (stems, stem_postings, stem_table) = group_keys(&arena, &stemmed);
        let (gram_offsets, gram_keys) = gram_index(&arena, &keys);
        FuzzyIndex {
            arena,
            keys,
            postings,
            key_table,
            stems,
            stem_postings,
            stem_table,
            len_start,
            gram_offsets,
            gram_keys,
            skill_vendors,
        }
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
        let query = query_keys(&folded);
        for key in &query {
            let score = variant_score(key.steps);
            let text = key.key.text.as_str();
            let mut push = |p: &Posting| {
                if self.vendor_ok(p, key.vendor) {
                    found.push(FuzzyMatch { alias: p.alias, score, edits: 0, how: FuzzyHow::Variant });
                }
            };
            if let Some(id) = self.key_table.get(text, |id| self.key_text(&self.keys, id) == text) {
                for p in self.postings_of(&self.postings, &self.keys, id) {
                    if !key.stemmed || p.stem_fixed {
                        push(p);
                    }
                }
            }
            if key.stemmed {
                if let Some(id) = self.stem_table.get(text, |id| self.key_text(&self.stems, id) == text) {
                    self.postings_of(&self.stem_postings, &self.stems, id).iter().for_each(&mut push);
                }
            }
        }
        for key in query.iter().filter(|k| k.typo) {
            self.typo_matches(key, &mut found);
        }
        rank(found, limit)
    }

    fn key_text(&self, keys: &[IndexKey], id: u32) -> &str {
        keys.get(id as usize).and_then(|k| self.arena.get(k.text.0 as usize..k.text.1 as usize)).unwrap_or("")
    }

    fn postings_of<'a>(&self, postings: &'a [Posting], keys: &[IndexKey], id: u32) -> &'a [Posting] {
        keys.get(id as usize)
            .and_then(|key| postings.get(key.postings.0 as usize..key.postings.1 as usize))
            .unwrap_or_default()
    }

    fn vendor_ok(&self, posting: &Posting, vendor: Option<u8>) -> bool {
        let mask = self.skill_vendors.get(posting.alias.skill.index()).copied().unwrap_or(0);
        vendor_ok(posting.vendor, mask, vendor)
    }

    /// The first key id with at least `chars` characters.
    fn first_key_with_chars(&self, chars: usize) -> usize {
        self.len_start.get(chars).map_or(self.keys.len(), |&id| id as usize)
    }

    /// The ids of the keys with a gram in `bucket`, ascending.
    fn gram_list(&self, bucket: usize) -> &[u32] {
        let range = match self.gram_offsets.get(bucket..bucket + 2) {
            Some(&[start, end]) => start as usize..end as usize,
            _ => 0..0,
        };
        self.gram_keys.get(range).unwrap_or_default()
    }

    /// Keys within the typo budget of `query`: a count filter over the trigram index, restricted to keys whose
    /// length is within the budget, then an edit distance check and the guards.
    fn typo_matches(&self, query: &QueryKey, found: &mut Vec<FuzzyMatch>) {
        let n = query.key.chars;
        let budget = typo_budget(n);
        if budget == 0 {
            return;
        }
        let lo = self.first_key_with_chars(n - budget);
        let hi = self.first_key_with_chars(n + budget + 1);
        if lo >= hi {
            return;
        }
        // Shared grams per key of the length range, by id - lo.
        let mut counts = vec![0u16; hi - lo];
        let mut touched: Vec<u32> = Vec::new();
        for_each_gram(&query.key.text, |bucket| {
            let list = self.gram_list(bucket);
            let from = list.partition_point(|&id| (id as usize) < lo);
            let to = list.partition_point(|&id| (id as usize) < hi);
            for &id in list.get(from..to).unwrap_or_default() {
                let Some(count) = counts.get_mut(id as usize - lo) else { continue };
                if *count == 0 {
                    touched.push(id);
                }
                *count = count.saturating_add(1);
            }
        });
        for id in touched {
            let (Some(key), Some(&count)) = (self.keys.get(id as usize), counts.get(id as usize - lo)) else {
                continue;
            };
            let longer = n.max(key.chars as usize);
            // q-gram lemma: each edit destroys at most GRAMS_PER_EDIT grams; counts only over-estimate.
            let needed = gram_count(longer).saturating_sub(budget * GRAMS_PER_EDIT).min(u16::MAX as usize);
            if (count as usize) < needed {
                continue;
            }
            let text = self.key_text(&self.keys, id);
            let edits = strsim::osa_distance(&query.key.text, text);
            if edits == 0 || edits > budget {
                continue;
            }
            for p in self.postings_of(&self.postings, &self.keys, id) {
                if p.typo_ok && self.vendor_ok(p, query.vendor) && typo_allowed(&query.key, text, p.starts) {
                    found.push(typo_match(p.alias, edits, longer, query.steps));
                }
            }
        }
    }
}

/// Groups postings by key text: the distinct keys (in order of first appearance), their postings, and a table
/// from text to key id.
fn group_keys(arena: &str, keyed: &[KeyedPosting]) -> (Vec<IndexKey>, Vec<Posting>, TextTable) {
    let text = |range: (u32, u32)| arena.get(range.0 as usize..range.1 as usize).unwrap_or_default();
    let mut table = TextTable::with_capacity(keyed.len());
    // Room for every posting to be a key of its own: most are, and growing by doubling copies the keys and
    // touches fresh pages each time (page faults are much of a cold start).
    let mut keys: Vec<IndexKey> = Vec::with_capacity(keyed.len());
    let mut key_of = Vec::with_capacity(keyed.len());
    for k in keyed {
        let wanted = text(k.text);
        let id = match table.find(wanted, |id| keys.get(id as usize).is_some_and(|k| text(k.text) == wanted)) {
            Ok(id) => id,
            Err(slot) => {
                let id = stored(keys.len());
                table.insert(slot, id);
                keys.push(IndexKey { text: k.text, chars: k.chars, postings: (0, 0) });
                id
            }
        };
        if let Some(key) = keys.get_mut(id as usize) {
            key.postings.1 += 1;
        }
        key_of.push(id);
    }
    let mut at = 0;
    for key in &mut keys {
        let count = key.postings.1;
        key.postings = (at, at);
        at += count;
    }
    let mut postings = vec![keyed.first().map(|k| k.posting).unwrap_or(EMPTY_POSTING); keyed.len()];
    for (k, &id) in keyed.iter().zip(&key_of) {
        let Some(key) = keys.get_mut(id as usize) else { continue };
        if let Some(posting) = postings.get_mut(key.postings.1 as usize) {
            *posting = k.posting;
        }
        key.postings.1 += 1;
    }
    (keys, postings, table)
}

/// Renumbers keys by length (a stable counting sort), so that a length range is an id range. Returns the sorted
/// keys, the new id of every old id, and the first id of every length (see `FuzzyIndex::len_start`).
fn sort_by_length(keys: Vec<IndexKey>) -> (Vec<IndexKey>, Vec<u32>, Vec<u32>) {
    let max_chars = keys.iter().map(|k| k.chars as usize).max().unwrap_or(0);
    let mut len_start = vec![0u32; max_chars + 2];
    for key in &keys {
        if let Some(count) = len_start.get_mut(key.chars as usize + 1) {
            *count += 1;
        }
    }
    prefix_sums(&mut len_start);
    let mut cursor = len_start.clone();
    let mut new_id = vec![0u32; keys.len()];
    for (new, key) in new_id.iter_mut().zip(&keys) {
        if let Some(next) = cursor.get_mut(key.chars as usize) {
            *new = *next;
            *next += 1;
        }
    }
    let mut sorted = keys.clone();
    for (&new, key) in new_id.iter().zip(&keys) {
        if let Some(slot) = sorted.get_mut(new as usize) {
            *slot = *key;
        }
    }
    (sorted, new_id, len_start)
}

/// The trigram index over `keys` (see `FuzzyIndex::gram_offsets`): a counting sort of (bucket, key id) pairs.
fn gram_index(arena: &str, keys: &[IndexKey]) -> (Vec<u32>, Vec<u32>) {
    let buckets = 1usize << GRAM_BUCKET_BITS;
    const _: () = assert!(GRAM_BUCKET_BITS <= u16::BITS, "buckets are kept as u16 during the build");
    let mut gram_offsets = vec![0u32; buckets + 1];
    // Sized exactly: 423,000 grams for the built-in taxonomy, which doubling would copy and fault in twice over.
    let mut key_buckets: Vec<u16> = Vec::with_capacity(keys.iter().map(|k| gram_count(k.chars as usize)).sum());
    for key in keys {
        let text = arena.get(key.text.0 as usize..key.text.1 as usize).unwrap_or_default();
        for_each_gram(text, |bucket| {
            if let Some(count) = gram_offsets.get_mut(bucket + 1) {
                *count += 1;
            }
            key_buckets.push(bucket as u16);
        });
    }
    prefix_sums(&mut gram_offsets);
    let mut cursor = gram_offsets.clone();
    let mut gram_keys = vec![0u32; key_buckets.len()];
    let mut next = key_buckets.iter();
    for (id, key) in keys.iter().enumerate() {
        for _ in 0..gram_count(key.chars as usize) {
            let Some(&bucket) = next.next() else { break };
            let Some(next) = cursor.get_mut(bucket as usize) else { continue };
            if let Some(slot) = gram_keys.get_mut(*next as usize) {
                *slot = id as u32;
            }
            *next += 1;
        }
    }
    (gram_offsets, gram_keys)
}

/// Turns counts into running totals, in place: each entry becomes the sum of it and all before it.
fn prefix_sums(counts: &mut [u32]) {
    let mut total = 0;
    for count in counts {
        total += *count;
        *count = total;
    }
}

/// A placeholder to fill a postings vector before it is written.
const EMPTY_POSTING: Posting = Posting {
    alias: AliasRef { skill: SkillIdx(0), alias: 0 },
    starts: 0,
    vendor: NO_VENDOR,
    typo_ok: false,
    stem_fixed: false,
};

/// An open-addressing hash table from key text to id. The texts live in the index's arena, so the table stores
/// only ids: no allocation per key, which keeps the build within its start-up budget.
///
/// Hashing is rustc-hash's FxHash: the keys are short, where SipHash's setup costs more than the probe, and they
/// are the taxonomy's aliases, not untrusted input, so flooding is no concern. A raw table (hashbrown's
/// `HashTable`) would give the same no-allocation-per-key shape, but this table needs only find, insert and
/// renumber, and a dependency for forty lines does not earn its place.
#[derive(Debug, Clone)]
struct TextTable {
    /// `id + 1`, or 0 for an empty slot. The length is a power of two at least twice the number of keys, so a
    /// probe always ends at an empty slot.
    slots: Vec<u32>,
}

impl TextTable {
    fn with_capacity(keys: usize) -> TextTable {
        TextTable { slots: vec![0; (keys * 2).next_power_of_two().max(16)] }
    }

    /// The id of `text` (`Ok`), or the empty slot where it belongs (`Err`). `is(id)` says whether the key with
    /// that id has this text.
    fn find(&self, text: &str, is: impl Fn(u32) -> bool) -> Result<u32, usize> {
        let mask = self.slots.len() - 1;
        let mut slot = FxBuildHasher.hash_one(text) as usize & mask;
        loop {
            match self.slots.get(slot).copied().unwrap_or(0) {
                0 => return Err(slot),
                id if is(id - 1) => return Ok(id - 1),
                _ => slot = (slot + 1) & mask,
            }
        }
    }

    fn get(&self, text: &str, is: impl Fn(u32) -> bool) -> Option<u32> {
        self.find(text, is).ok()
    }

    fn insert(&mut self, slot: usize, id: u32) {
        if let Some(slot) = self.slots.get_mut(slot) {
            *slot = id + 1;
        }
    }

    /// Replaces every id with `new_id[id]`.
    fn renumber(&mut self, new_id: &[u32]) {
        for slot in &mut self.slots {
            if *slot != 0 {
                if let Some(&id) = new_id.get(*slot as usize - 1) {
                    *slot = id + 1;
                }
            }
        }
    }
}

/// The number of padded grams of a key of `chars` characters.
const fn gram_count(chars: usize) -> usize {
    chars + 2 * GRAM_PAD + 1 - GRAM
}

/// Calls `f` with the bucket of every padded trigram of `text`, [`gram_count`] of them.
fn for_each_gram(text: &str, mut f: impl FnMut(usize)) {
    const PAD: char = '\0';
    let bucket = |a: char, b: char, c: char| {
        let packed = (a as u64) << 42 | (b as u64) << 21 | c as u64;
        (packed.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - GRAM_BUCKET_BITS)) as usize
    };
    // The window below is written for trigrams with two characters of padding.
    const _: () = assert!(GRAM == 3 && GRAM_PAD == 2);
    let (mut a, mut b) = (PAD, PAD);
    for c in text.chars() {
        f(bucket(a, b, c));
        (a, b) = (b, c);
    }
    f(bucket(a, b, PAD));
    f(bucket(b, PAD, PAD));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn gram_counts() {
        const COUNTS: &[(&str, usize)] = &[("", 2), ("a", 3), ("sql", 5), ("kubernetes", 12), ("日本語", 5)];
        for &(text, count) in COUNTS {
            let mut grams = 0;
            for_each_gram(text, |bucket| {
                assert!(bucket < 1 << GRAM_BUCKET_BITS);
                grams += 1;
            });
            assert_eq!((grams, gram_count(text.chars().count())), (count, count), "{text:?}");
        }
    }

    #[test]
    fn text_table_finds_what_it_holds() {
        let texts = ["kubernetes", "k8s", "python", "", "日本語"];
        let mut table = TextTable::with_capacity(texts.len());
        for (id, text) in texts.iter().enumerate() {
            let slot = table.find(text, |id| texts[id as usize] == *text).expect_err("not yet held");
            table.insert(slot, id as u32);
        }
        for (id, text) in texts.iter().enumerate() {
            assert_eq!(table.get(text, |id| texts[id as usize] == *text), Some(id as u32), "{text:?}");
        }
        assert_eq!(table.get("pyhton", |id| texts[id as usize] == "pyhton"), None);
        // Renumbering reverses the ids; the lookups follow.
        let reversed: Vec<u32> = (0..texts.len() as u32).rev().collect();
        table.renumber(&reversed);
        assert_eq!(table.get("kubernetes", |id| texts[texts.len() - 1 - id as usize] == "kubernetes"), Some(4));
    }
}
