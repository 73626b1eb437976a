//! Fuzzy normalisation: the alias a person meant when they wrote it another way.
//!
//! People write "Kubernets", "ReactJS", "Postgre SQL", "MS-Excel", "Javascript ES6", "Salesforce.com" and
//! "Adobe Photoshop CC 2020". A CV skill that is not recognised shows up as a false gap, the worst thing this
//! tool can show, so [`FuzzyIndex::lookup`] tries, from the most to the least certain:
//!
//! 1. [`FuzzyHow::Exact`]: the folded term equals a folded alias ([`fold`]: case, diacritics, width, spacing).
//! 2. [`FuzzyHow::Variant`]: the term equals an alias once both are rewritten in ways that keep the meaning:
//!    punctuation and spacing ("React.js" = "ReactJS" = "React JS", "Postgre SQL" = "PostgreSQL"), a vendor
//!    prefix ("MS-Excel", "Adobe Photoshop", "Apache Kafka"), version suffixes ("Python 3.11", "Photoshop CC
//!    2020", "JavaScript ES6"), a `.com` or `js` suffix ("Salesforce.com", "ExpressJS") and plural endings
//!    ("APIs", "technologies").
//! 3. [`FuzzyHow::Typo`]: the term is within a small edit distance of an alias, with guards that keep distinct
//!    skills apart (Java/JavaScript, C/C++/C#, React/React Native, SQL/NoSQL, Python 2/Python 3).
//!
//! Typo candidates come from a trigram index with count filtering over aliases of a compatible length, and are
//! verified with [`strsim::osa_distance`]. Nothing here scans the taxonomy per lookup.

use std::borrow::Cow;
use std::cmp::Reverse;
use std::fmt;
use std::hash::Hasher;

use serde::Serialize;

use crate::normalize::fold;
use crate::taxonomy::{Alias, AliasRef, CaseRule, ContextRule, SkillIdx, Taxonomy};

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

/// Compact terms up to this many characters get no typo budget: in "SQL", "Go", "C#" or "AWS" a single edit
/// makes another word or another skill ("NoSQL", "Golf", "C++", "AWK").
const NO_TYPO_MAX_CHARS: usize = 3;

/// Compact terms up to this many characters get one edit ("Pyhton", "Kotiln"); longer ones get
/// [`MAX_TYPO_EDITS`]. Two edits in a seven-letter word change almost a third of it.
const ONE_TYPO_MAX_CHARS: usize = 7;

/// The typo budget of long terms ("Kuberentes", "Javascirpt", "Postgressql"). A third edit lets unrelated long
/// names meet ("Salesforce" and "Salesforge"-like product names are common).
const MAX_TYPO_EDITS: usize = 2;

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

/// A compact key that extends another by this many characters or more, at either end, adds a word ("NoSQL" and
/// "SQL", "AngularJS" and "Angular"): that is another skill, not a typo. One character is still a typo
/// ("Kubernete").
const GLUED_WORD_MIN_CHARS: usize = 2;

/// The fewest characters a token keeps when a glued suffix is cut ("python3" to "python", "reactjs" to
/// "react"), so that "S3", "EC2", "ES6" and "D3js" stay whole.
const MIN_STRIPPED_CHARS: usize = 3;

/// Tokens shorter than this keep their plural ending: "iOS", "AWS", "GIS" and "ops" are not plurals.
const MIN_PLURAL_CHARS: usize = 4;

/// Vendor words that people put before a product name or leave out, with a group number: words in one group
/// name the same vendor ("MS" and "Microsoft", "AWS" and "Amazon"). A vendor word is only dropped from a term
/// when the skill found also has an alias with a vendor word of that group, so that "MS Nursing" (a degree) is
/// not Nursing and "Google Analytic" is not a generic Analytics skill.
const VENDORS: &[(&str, u8)] = &[
    ("adobe", 0),
    ("amazon", 1),
    ("aws", 1),
    ("apache", 2),
    ("atlassian", 3),
    ("autodesk", 4),
    ("google", 5),
    ("ibm", 6),
    ("microsoft", 7),
    ("ms", 7),
    ("oracle", 8),
    ("sap", 9),
];

/// Marks a posting made from the alias as written, with no vendor word dropped.
const NO_VENDOR: u8 = u8::MAX;

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
    /// How sure the match is, from 0 to 100: 100 is exact after folding, variants score from 88 to 96 (fewer
    /// rewriting steps score higher), typos at most 85 (see the module constants for the formula).
    pub score: u8,
    /// Character edits (insertions, deletions, substitutions, transpositions) between the compact term and the
    /// compact alias; 0 for exact and variant matches.
    pub edits: u8,
    /// How it was found.
    pub how: FuzzyHow,
}

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

impl FuzzyIndex {
    /// Indexes every alias of `taxonomy`.
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
        for (i, skill) in taxonomy.skills().iter().enumerate() {
            for (j, alias_def) in skill.aliases.iter().enumerate() {
                let text = if alias_def.text.is_ascii() {
                    Cow::Borrowed(alias_def.text.as_str())
                } else {
                    Cow::Owned(fold(&alias_def.text))
                };
                let Some(key) = push_compact(&mut arena, &text) else { continue };
                let stem = push_stem(&mut arena, &key, &mut scratch);
                let vendor = vendor_group(&arena[key.start..key.start + key.first_len]).filter(|_| key.tokens >= 2);
                let alias = AliasRef { skill: SkillIdx(i as u32), alias: j as u32 };
                let posting = Posting {
                    alias,
                    starts: key.starts,
                    vendor: NO_VENDOR,
                    typo_ok: allows_typos(alias_def),
                    stem_fixed: stem.is_none(),
                };
                keyed.push(KeyedPosting { text: key.range(0), chars: key.chars as u32, posting });
                if let Some(stem) = stem {
                    stemmed.push(KeyedPosting { text: stem.range(0), chars: stem.chars as u32, posting });
                }
                let Some(group) = vendor else { continue };
                if let Some(mask) = skill_vendors.get_mut(alias.skill.index()) {
                    *mask |= 1 << group;
                }
                // Dropping the first token keeps every later token, the stemmed last one included.
                let posting = Posting { starts: key.rest_starts, vendor: group, ..posting };
                let chars = (key.chars - key.first_chars) as u32;
                keyed.push(KeyedPosting { text: key.range(key.first_len), chars, posting });
                if let Some(stem) = stem {
                    let chars = (stem.chars - key.first_chars) as u32;
                    stemmed.push(KeyedPosting { text: stem.range(key.first_len), chars, posting });
                }
            }
        }

        let (mut keys, postings, mut key_table) = group_keys(&arena, &keyed);
        // Renumber keys by length (a stable counting sort), so that a length range is an id range.
        let max_chars = keys.iter().map(|k| k.chars as usize).max().unwrap_or(0);
        let mut len_start = vec![0u32; max_chars + 2];
        for key in &keys {
            len_start[key.chars as usize + 1] += 1;
        }
        for n in 1..len_start.len() {
            len_start[n] += len_start[n - 1];
        }
        let mut cursor = len_start.clone();
        let mut new_id = vec![0u32; keys.len()];
        for (old, key) in keys.iter().enumerate() {
            new_id[old] = cursor[key.chars as usize];
            cursor[key.chars as usize] += 1;
        }
        let mut sorted = keys.clone();
        for (old, key) in keys.iter().enumerate() {
            sorted[new_id[old] as usize] = *key;
        }
        keys = sorted;
        key_table.renumber(&new_id);
        let (stems, stem_postings, stem_table) = group_keys(&arena, &stemmed);

        let buckets = 1usize << GRAM_BUCKET_BITS;
        const _: () = assert!(GRAM_BUCKET_BITS <= u16::BITS, "buckets are kept as u16 during the build");
        let mut gram_offsets = vec![0u32; buckets + 1];
        let mut key_buckets: Vec<u16> = Vec::new();
        for key in &keys {
            for_each_gram(&arena[key.text.0 as usize..key.text.1 as usize], |bucket| {
                gram_offsets[bucket + 1] += 1;
                key_buckets.push(bucket as u16);
            });
        }
        for b in 0..buckets {
            gram_offsets[b + 1] += gram_offsets[b];
        }
        let mut cursor = gram_offsets.clone();
        let mut gram_keys = vec![0u32; key_buckets.len()];
        let mut next = key_buckets.iter();
        for (id, key) in keys.iter().enumerate() {
            for _ in 0..gram_count(key.chars as usize) {
                let Some(&bucket) = next.next() else { break };
                gram_keys[cursor[bucket as usize] as usize] = id as u32;
                cursor[bucket as usize] += 1;
            }
        }

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
                for p in postings_of(&self.postings, &self.keys[id as usize]) {
                    if !key.stemmed || p.stem_fixed {
                        push(p);
                    }
                }
            }
            if key.stemmed {
                if let Some(id) = self.stem_table.get(text, |id| self.key_text(&self.stems, id) == text) {
                    postings_of(&self.stem_postings, &self.stems[id as usize]).iter().for_each(&mut push);
                }
            }
        }
        for key in query.iter().filter(|k| k.typo) {
            self.typo_matches(key, &mut found);
        }
        rank(found, limit)
    }

    fn key_text(&self, keys: &[IndexKey], id: u32) -> &str {
        keys.get(id as usize).map_or("", |k| &self.arena[k.text.0 as usize..k.text.1 as usize])
    }

    fn vendor_ok(&self, posting: &Posting, vendor: Option<u8>) -> bool {
        let mask = self.skill_vendors.get(posting.alias.skill.index()).copied().unwrap_or(0);
        vendor_ok(posting.vendor, mask, vendor)
    }

    /// The first key id with at least `chars` characters.
    fn first_key_with_chars(&self, chars: usize) -> usize {
        self.len_start.get(chars).map_or(self.keys.len(), |&id| id as usize)
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
        let mut counts = vec![0u16; hi - lo];
        let mut touched: Vec<u32> = Vec::new();
        for_each_gram(&query.key.text, |bucket| {
            let list = &self.gram_keys[self.gram_offsets[bucket] as usize..self.gram_offsets[bucket + 1] as usize];
            let from = list.partition_point(|&id| (id as usize) < lo);
            let to = from + list[from..].partition_point(|&id| (id as usize) < hi);
            for &id in &list[from..to] {
                let count = &mut counts[id as usize - lo];
                if *count == 0 {
                    touched.push(id);
                }
                *count = count.saturating_add(1);
            }
        });
        for id in touched {
            let key = &self.keys[id as usize];
            let longer = n.max(key.chars as usize);
            // q-gram lemma: each edit destroys at most GRAMS_PER_EDIT grams; counts only over-estimate.
            let needed = gram_count(longer).saturating_sub(budget * GRAMS_PER_EDIT).min(u16::MAX as usize);
            if (counts[id as usize - lo] as usize) < needed {
                continue;
            }
            let text = self.key_text(&self.keys, id);
            let edits = strsim::osa_distance(&query.key.text, text);
            if edits == 0 || edits > budget {
                continue;
            }
            for p in postings_of(&self.postings, key) {
                if p.typo_ok && self.vendor_ok(p, query.vendor) && typo_allowed(&query.key, text, p.starts) {
                    found.push(typo_match(p.alias, edits, longer, query.steps));
                }
            }
        }
    }
}

fn postings_of<'a>(postings: &'a [Posting], key: &IndexKey) -> &'a [Posting] {
    postings.get(key.postings.0 as usize..key.postings.1 as usize).unwrap_or_default()
}

/// Groups postings by key text: the distinct keys (in order of first appearance), their postings, and a table
/// from text to key id.
fn group_keys(arena: &str, keyed: &[KeyedPosting]) -> (Vec<IndexKey>, Vec<Posting>, TextTable) {
    let text = |range: (u32, u32)| &arena[range.0 as usize..range.1 as usize];
    let mut table = TextTable::with_capacity(keyed.len());
    let mut keys: Vec<IndexKey> = Vec::new();
    let mut key_of = Vec::with_capacity(keyed.len());
    for k in keyed {
        let wanted = text(k.text);
        let id = match table.find(wanted, |id| text(keys[id as usize].text) == wanted) {
            Ok(id) => id,
            Err(slot) => {
                let id = keys.len() as u32;
                table.insert(slot, id);
                keys.push(IndexKey { text: k.text, chars: k.chars, postings: (0, 0) });
                id
            }
        };
        keys[id as usize].postings.1 += 1;
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
        let key = &mut keys[id as usize];
        postings[key.postings.1 as usize] = k.posting;
        key.postings.1 += 1;
    }
    (keys, postings, table)
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
        let mut slot = hash_text(text) as usize & mask;
        loop {
            match self.slots[slot] {
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
        self.slots[slot] = id + 1;
    }

    /// Replaces every id with `new_id[id]`.
    fn renumber(&mut self, new_id: &[u32]) {
        for slot in &mut self.slots {
            if *slot != 0 {
                *slot = new_id[*slot as usize - 1] + 1;
            }
        }
    }
}

fn hash_text(text: &str) -> u64 {
    let mut hasher = FxHasher::default();
    hasher.write(text.as_bytes());
    hasher.finish()
}

/// Where [`push_compact`] wrote a compact key in the arena.
#[derive(Debug, Clone, Copy)]
struct CompactAt {
    /// Byte range in the arena.
    start: usize,
    end: usize,
    chars: usize,
    /// Token starts, as in [`Compact`].
    starts: u64,
    /// Token starts of the key without its first token.
    rest_starts: u64,
    tokens: usize,
    /// Bytes and characters of the first token.
    first_len: usize,
    first_chars: usize,
    /// Byte offset (in the arena) where the last token starts.
    last_start: usize,
}

impl CompactAt {
    /// The byte range without its first `skip` bytes.
    fn range(&self, skip: usize) -> (u32, u32) {
        ((self.start + skip) as u32, self.end as u32)
    }
}

/// Appends the compact key of a folded alias to `arena` (the same key as `compact(tokenize(folded))`). ASCII
/// letters are lowercased, so an ASCII alias gives the key of its folded form without being folded.
fn push_compact(arena: &mut String, folded: &str) -> Option<CompactAt> {
    let start = arena.len();
    let mut at = CompactAt {
        start,
        end: start,
        chars: 0,
        starts: 0,
        rest_starts: 0,
        tokens: 0,
        first_len: 0,
        first_chars: 0,
        last_start: start,
    };
    let mut in_token = false;
    for c in folded.chars() {
        if is_separator(c) {
            in_token = false;
            continue;
        }
        if !in_token {
            in_token = true;
            if at.tokens == 1 {
                at.first_len = arena.len() - start;
                at.first_chars = at.chars;
            }
            at.tokens += 1;
            at.last_start = arena.len();
            if at.chars < 64 {
                at.starts |= 1 << at.chars;
            }
            if at.tokens > 1 && at.chars - at.first_chars < 64 {
                at.rest_starts |= 1 << (at.chars - at.first_chars);
            }
        }
        arena.push(c.to_ascii_lowercase());
        at.chars += 1;
    }
    if at.tokens == 1 {
        at.first_len = arena.len() - start;
        at.first_chars = at.chars;
    }
    at.end = arena.len();
    (at.tokens > 0).then_some(at)
}

/// Appends the plural-stemmed form of a compact key to `arena` when stemming changes it.
fn push_stem(arena: &mut String, key: &CompactAt, scratch: &mut String) -> Option<CompactAt> {
    let last = &arena[key.last_start..key.end];
    let stem = stem_plural(last);
    if stem == last {
        return None;
    }
    let chars = key.chars - last.chars().count() + stem.chars().count();
    scratch.clear();
    scratch.push_str(&arena[key.start..key.last_start]);
    scratch.push_str(&stem);
    let start = arena.len();
    arena.push_str(scratch);
    Some(CompactAt { start, end: arena.len(), chars, last_start: start + (key.last_start - key.start), ..*key })
}

/// The same lookup as [`FuzzyIndex`] by scanning every alias: the reference the index is tested against, and the
/// baseline of the `fuzzy` benchmark. Not for production use.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct FuzzyScan {
    aliases: Vec<ScanAlias>,
    skill_vendors: Vec<u16>,
}

#[derive(Debug, Clone)]
struct ScanAlias {
    alias: AliasRef,
    folded: String,
    forms: Vec<AliasForm>,
    /// [`char_signature`] of each form's key.
    signatures: Vec<u64>,
    typo_ok: bool,
}

impl FuzzyScan {
    /// Folds and splits every alias of `taxonomy`, in taxonomy order.
    pub fn new(taxonomy: &Taxonomy) -> FuzzyScan {
        let mut aliases = Vec::new();
        let mut skill_vendors = vec![0u16; taxonomy.len()];
        for (i, skill) in taxonomy.skills().iter().enumerate() {
            for (j, alias) in skill.aliases.iter().enumerate() {
                let folded = fold(&alias.text);
                if folded.is_empty() {
                    continue;
                }
                let alias_ref = AliasRef { skill: SkillIdx(i as u32), alias: j as u32 };
                let forms = alias_forms(&folded);
                for form in &forms {
                    if form.vendor != NO_VENDOR {
                        skill_vendors[i] |= 1 << form.vendor;
                    }
                }
                let signatures = forms.iter().map(|f| char_signature(&f.key.text)).collect();
                aliases.push(ScanAlias { alias: alias_ref, folded, forms, signatures, typo_ok: allows_typos(alias) });
            }
        }
        FuzzyScan { aliases, skill_vendors }
    }

    /// The same answer as [`FuzzyIndex::lookup`], up to which alias of equal score is returned.
    pub fn lookup(&self, term: &str, limit: usize) -> Vec<FuzzyMatch> {
        let folded = fold(term);
        if limit == 0 || folded.is_empty() {
            return Vec::new();
        }
        let query = query_keys(&folded);
        let signatures: Vec<u64> = query.iter().map(|k| char_signature(&k.key.text)).collect();
        // A form whose key and stem lengths match no query key can only be a typo: check the typo keys alone.
        let lengths = query.iter().fold(0u64, |lengths, k| lengths | 1 << (k.key.text.len() % 64));
        let all: Vec<usize> = (0..query.len()).collect();
        let typo_keys: Vec<usize> = (0..query.len()).filter(|&i| query[i].typo).collect();
        let mut found = Vec::new();
        for a in &self.aliases {
            if a.folded == folded {
                found.push(FuzzyMatch { alias: a.alias, score: EXACT_SCORE, edits: 0, how: FuzzyHow::Exact });
            }
            let mask = self.skill_vendors.get(a.alias.skill.index()).copied().unwrap_or(0);
            for (form, &form_signature) in a.forms.iter().zip(&a.signatures) {
                let form_lengths = 1 << (form.key.text.len() % 64) | 1 << (form.stem.len() % 64);
                let keys = if lengths & form_lengths != 0 { &all } else { &typo_keys };
                for &k in keys {
                    let (key, signature) = (&query[k], signatures[k]);
                    let target = if key.stemmed { &form.stem } else { &form.key.text };
                    let variant = target.len() == key.key.text.len() && *target == key.key.text;
                    if !(variant || key.typo) || !vendor_ok(form.vendor, mask, key.vendor) {
                        continue;
                    }
                    if variant {
                        found.push(FuzzyMatch {
                            alias: a.alias,
                            score: variant_score(key.steps),
                            edits: 0,
                            how: FuzzyHow::Variant,
                        });
                    }
                    let budget = typo_budget(key.key.chars);
                    if !key.typo || !a.typo_ok || budget == 0 || key.key.chars.abs_diff(form.key.chars) > budget {
                        continue;
                    }
                    // Each edit adds at most one character the other side lacks and removes at most one, so
                    // characters present on one side only bound the distance from below (hashed to 64 bits,
                    // which only lowers the bound). Cheaper than the distance, and it skips most aliases.
                    let only_one_side =
                        (signature & !form_signature).count_ones().max((form_signature & !signature).count_ones());
                    if only_one_side as usize > budget {
                        continue;
                    }
                    let edits = strsim::osa_distance(&key.key.text, &form.key.text);
                    if (1..=budget).contains(&edits) && typo_allowed(&key.key, &form.key.text, form.key.starts) {
                        found.push(typo_match(a.alias, edits, key.key.chars.max(form.key.chars), key.steps));
                    }
                }
            }
        }
        rank(found, limit)
    }
}

/// The set of characters in `text`, hashed to 64 bits.
fn char_signature(text: &str) -> u64 {
    text.chars().fold(0, |signature, c| signature | 1 << (c as u32 % 64))
}

/// Whether an alias may be reached by a typo. Aliases that need exact case (`^IT`) or context (`?Excel`) are
/// short or ordinary words: a near spelling of them is more likely another word than a misspelt skill.
fn allows_typos(alias: &Alias) -> bool {
    alias.case == CaseRule::Insensitive && alias.context == ContextRule::Free
}

/// Whether a key with the vendor `posting_vendor` dropped (or [`NO_VENDOR`]) may answer a term key with the
/// vendor `query_vendor` dropped, for a skill whose aliases name the vendors in `skill_mask`.
fn vendor_ok(posting_vendor: u8, skill_mask: u16, query_vendor: Option<u8>) -> bool {
    match query_vendor {
        None => posting_vendor == NO_VENDOR,
        Some(group) if posting_vendor == NO_VENDOR => skill_mask & (1 << group) != 0,
        Some(group) => posting_vendor == group,
    }
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

const fn variant_score(steps: u8) -> u8 {
    VARIANT_SCORE - VARIANT_STEP_PENALTY * steps
}

/// See [`TYPO_SCORE_MAX`].
const fn typo_score(edits: usize, longer: usize, steps: u8) -> u8 {
    let kept = TYPO_SCORE_MAX as usize * (longer - edits) / longer;
    (kept as u8).saturating_sub(TYPO_STEP_PENALTY * steps)
}

fn typo_match(alias: AliasRef, edits: usize, longer: usize, steps: u8) -> FuzzyMatch {
    FuzzyMatch { alias, score: typo_score(edits, longer, steps), edits: edits as u8, how: FuzzyHow::Typo }
}

/// The typo budget of a compact term of `chars` characters.
const fn typo_budget(chars: usize) -> usize {
    if chars <= NO_TYPO_MAX_CHARS {
        0
    } else if chars <= ONE_TYPO_MAX_CHARS {
        1
    } else {
        MAX_TYPO_EDITS
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

/// The typo guards, beyond the edit budget: whether `query` may be a misspelling of the alias key `alias`
/// (whose tokens start at the bits of `alias_starts`).
fn typo_allowed(query: &Compact, alias: &str, alias_starts: u64) -> bool {
    // Version and number tokens never count as typos: "Python 2" is not "Python 3", "OSHA 10" is not "OSHA 30".
    digit_runs(&query.text).eq(digit_runs(alias))
        // "C", "C++" and "C#" are three languages.
        && query.text.matches('+').count() == alias.matches('+').count()
        && query.text.matches('#').count() == alias.matches('#').count()
        && !differs_by_glued_word(&query.text, alias)
        && !differs_by_whole_tokens(query, alias, alias_starts)
}

fn digit_runs(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_ascii_digit()).filter(|run| !run.is_empty())
}

/// "SQL" and "NoSQL", "Angular" and "AngularJS": one key is the other with a word glued to an end.
fn differs_by_glued_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    long.chars().count() >= short.chars().count() + GLUED_WORD_MIN_CHARS
        && (long.starts_with(short) || long.ends_with(short))
}

/// "React" and "React Native", "Objective C" and "Objective": one side is the other with whole tokens added.
fn differs_by_whole_tokens(query: &Compact, alias: &str, alias_starts: u64) -> bool {
    let a = tokens_of(&query.text, query.starts);
    let b = tokens_of(alias, alias_starts);
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    if short.len() == long.len() {
        return false;
    }
    let mut rest = long.iter();
    short.iter().all(|token| rest.any(|t| t == token))
}

/// Splits a compact key at the token starts in `starts` (tokens past character 63 stay joined).
fn tokens_of(text: &str, starts: u64) -> Vec<&str> {
    let mut tokens = Vec::new();
    let mut from = 0;
    for (i, (at, _)) in text.char_indices().enumerate() {
        if i > 0 && i < 64 && starts & (1 << i) != 0 {
            tokens.push(&text[from..at]);
            from = at;
        }
    }
    tokens.push(&text[from..]);
    tokens
}

/// Characters that separate tokens and are left out of compact keys: "React.js", "React JS", "react-js" and
/// "react_js" all compact to "reactjs", "CI/CD" to "cicd". `+` and `#` stay: they tell C, C++ and C# apart.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | '-' | '_' | '/')
}

fn tokenize(folded: &str) -> Vec<&str> {
    folded.split(is_separator).filter(|t| !t.is_empty()).collect()
}

/// A key with its separators removed, with the character positions where its tokens start.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Compact {
    text: String,
    starts: u64,
    chars: usize,
}

fn compact<'a>(tokens: impl IntoIterator<Item = &'a str>) -> Compact {
    let mut key = Compact { text: String::new(), starts: 0, chars: 0 };
    for token in tokens {
        if key.chars < 64 {
            key.starts |= 1 << key.chars;
        }
        key.text.push_str(token);
        key.chars += token.chars().count();
    }
    key
}

/// The compact key of `tokens` with the last token's plural ending stemmed.
fn compact_stemmed(tokens: &[&str]) -> Compact {
    match tokens.split_last() {
        Some((last, rest)) => {
            let stem = stem_plural(last);
            compact(rest.iter().copied().chain(std::iter::once(stem.as_ref())))
        }
        None => compact([]),
    }
}

/// English plural endings, in the manner of Porter's step 1a, with a final `y` as `i` so that singular and
/// plural meet: "APIs" and "API" at "api", "technologies" and "technology" at "technologi", "processes" and
/// "process" at "process". Applied the same way to terms and aliases, so only equality of stems matters.
fn stem_plural(token: &str) -> Cow<'_, str> {
    if token.chars().count() < MIN_PLURAL_CHARS {
        return Cow::Borrowed(token);
    }
    let stem = if ["sses", "xes", "ches", "shes"].iter().any(|s| token.ends_with(s)) {
        &token[..token.len() - 2]
    } else if let Some(stem) = token.strip_suffix("ies") {
        return Cow::Owned(format!("{stem}i"));
    } else if token.ends_with("ss") {
        token
    } else {
        token.strip_suffix('s').unwrap_or(token)
    };
    match stem.strip_suffix('y') {
        Some(rest) => Cow::Owned(format!("{rest}i")),
        None => Cow::Borrowed(stem),
    }
}

fn vendor_group(token: &str) -> Option<u8> {
    VENDORS.iter().find(|(word, _)| *word == token).map(|&(_, group)| group)
}

/// Version tokens that may trail a name: numbers ("3", "2020", "365"), `v2`, `es6`, `cs6`, `cc`, a `+` after any
/// of them ("ES6+"), and `x` ("1.x", "Mac OS X").
fn is_version_token(token: &str) -> bool {
    let token = token.strip_suffix('+').unwrap_or(token);
    if token == "x" || token == "cc" {
        return true;
    }
    let number = ["v", "es", "cs"].iter().find_map(|p| token.strip_prefix(p)).unwrap_or(token);
    !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
}

/// Drops trailing version tokens (never the first token), then digits glued to the last token ("python3").
fn strip_versions<'a>(tokens: &[&'a str]) -> Option<Vec<&'a str>> {
    let mut out = tokens.to_vec();
    while out.len() > 1 && out.last().is_some_and(|t| is_version_token(t)) {
        out.pop();
    }
    if let Some(last) = out.last_mut() {
        let trimmed = last.trim_end_matches(|c: char| c.is_ascii_digit());
        if trimmed.len() < last.len()
            && trimmed.chars().count() >= MIN_STRIPPED_CHARS
            && trimmed.chars().last().is_some_and(char::is_alphabetic)
        {
            *last = trimmed;
        }
    }
    (out != tokens).then_some(out)
}

/// Drops a `.com` ("Salesforce.com") or a `js` ("Express.js", "ExpressJS") suffix.
fn strip_suffix<'a>(tokens: &[&'a str]) -> Option<Vec<&'a str>> {
    let (&last, rest) = tokens.split_last()?;
    if !rest.is_empty() && (last == "com" || last == "js") {
        return Some(rest.to_vec());
    }
    let stem = last.strip_suffix("js")?;
    if stem.chars().count() < MIN_STRIPPED_CHARS {
        return None;
    }
    let mut out = rest.to_vec();
    out.push(stem);
    Some(out)
}

/// One indexed form of an alias: as written (compact), or with a leading vendor word dropped.
#[derive(Debug, Clone)]
struct AliasForm {
    key: Compact,
    /// The vendor group dropped, or [`NO_VENDOR`].
    vendor: u8,
    /// The key with the plural ending of its last token stemmed.
    stem: String,
}

fn alias_forms(folded: &str) -> Vec<AliasForm> {
    let tokens = tokenize(folded);
    if tokens.is_empty() {
        return Vec::new();
    }
    let mut forms = vec![AliasForm {
        key: compact(tokens.iter().copied()),
        vendor: NO_VENDOR,
        stem: compact_stemmed(&tokens).text,
    }];
    if tokens.len() >= 2 {
        if let Some(group) = vendor_group(tokens[0]) {
            forms.push(AliasForm {
                key: compact(tokens[1..].iter().copied()),
                vendor: group,
                stem: compact_stemmed(&tokens[1..]).text,
            });
        }
    }
    forms
}

/// One key to look a term up by.
#[derive(Debug, Clone)]
struct QueryKey {
    key: Compact,
    /// Rewriting steps taken (vendor, version, suffix, plural).
    steps: u8,
    /// The vendor group dropped from the term.
    vendor: Option<u8>,
    /// The key is plural-stemmed: it matches alias stems.
    stemmed: bool,
    /// The key is also searched for typos.
    typo: bool,
}

/// The keys of a folded term: every combination of dropping a vendor word, version tokens and a suffix, each
/// with and without plural stemming. The typo search runs on the term as written and with every strip applied.
fn query_keys(folded: &str) -> Vec<QueryKey> {
    let tokens = tokenize(folded);
    if tokens.is_empty() {
        return Vec::new();
    }
    // (tokens, vendor dropped, steps); `full` is the shape with every applicable strip.
    let mut shapes: Vec<(Vec<&str>, Option<u8>, u8)> = vec![(tokens.clone(), None, 0)];
    let mut full = 0;
    if tokens.len() >= 2 {
        if let Some(group) = vendor_group(tokens[0]) {
            shapes.push((tokens[1..].to_vec(), Some(group), 1));
            full = 1;
        }
    }
    for strip in [strip_versions, strip_suffix] {
        for i in 0..shapes.len() {
            if let Some(stripped) = strip(&shapes[i].0) {
                let (_, vendor, steps) = shapes[i];
                shapes.push((stripped, vendor, steps + 1));
                if i == full {
                    full = shapes.len() - 1;
                }
            }
        }
    }
    let mut keys: Vec<QueryKey> = Vec::with_capacity(shapes.len() * 2);
    for (i, (tokens, vendor, steps)) in shapes.iter().enumerate() {
        let key = compact(tokens.iter().copied());
        let typo = i == 0 || (i == full && keys.first().is_some_and(|written| written.key.text != key.text));
        keys.push(QueryKey { key, steps: *steps, vendor: *vendor, stemmed: false, typo });
        keys.push(QueryKey {
            key: compact_stemmed(tokens),
            steps: steps + 1,
            vendor: *vendor,
            stemmed: true,
            typo: false,
        });
    }
    keys
}

/// FxHash (from rustc): the index's tables hash short keys, where SipHash's setup costs more than the lookup.
/// The keys stored are the taxonomy's aliases, not untrusted input, so flooding is no concern.
#[derive(Debug, Default, Clone, Copy)]
struct FxHasher {
    hash: u64,
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for chunk in &mut chunks {
            let mut word = [0u8; 8];
            word.copy_from_slice(chunk);
            self.add(u64::from_le_bytes(word));
        }
        let mut word = [0u8; 8];
        let rest = chunks.remainder();
        word[..rest.len()].copy_from_slice(rest);
        self.add(u64::from_le_bytes(word) ^ rest.len() as u64);
    }

    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const HEAD: &str = "id,name,family,kind,aliases,related,broader\n";

    const TAXONOMY: &str = "\
adobe-photoshop,Adobe Photoshop,design,tool,Photoshop,,
api,API,software,domain,,,
apache-kafka,Apache Kafka,software,tool,Kafka,,
c,C,software,language,^C,,
cpp,C++,software,language,,,
csharp,C#,software,language,,,
data-analytics,Data Analytics,data,domain,Analytics,,
excel,Microsoft Excel,data,tool,?Excel,,
express,Express,software,framework,?Express,,
go,Go,software,language,^?Go;Golang,,
google-analytics,Google Analytics,marketing,tool,GA4,,
information-technology,Information Technology,it,domain,,,
java,Java,software,language,,,
javascript,JavaScript,software,language,JS,,
kubernetes,Kubernetes,cloud,tool,K8s,,
nosql,NoSQL,data,domain,,,
nursing,Nursing,healthcare,domain,,,
osha-30,OSHA 30,construction,certification,OSHA 30-Hour,,
postgresql,PostgreSQL,data,tool,Postgres,,
python,Python,software,language,Python 3,,
python-2,Python 2,software,language,,,
react,React,software,framework,React.js,,
react-native,React Native,software,framework,,,
rest-api,REST APIs,software,method,,,
resume-writing,Resume Writing,general,soft,,,
salesforce,Salesforce,sales,tool,,,
sql,SQL,data,language,,,
swift,Swift,software,language,^?Swift,,
visual-cpp,Visual C++,software,language,,,
visual-csharp,Visual C#,software,language,,,
";

    /// Only one side of every pair that must never merge: a match here is a false merge.
    const LONE_HALVES: &str = "\
c,C,software,language,,,
go,Go,software,language,Go,,
java,Java,software,language,,,
osha-30,OSHA 30,construction,certification,,,
python-3,Python 3,software,language,,,
ray,Ray,software,framework,,,
react,React,software,framework,,,
sql,SQL,data,language,,,
sql-server,SQL Server,data,tool,,,
visual-cpp,Visual C++,software,language,,,
";

    fn load(rows: &str) -> Taxonomy {
        let mut builder = Taxonomy::builder();
        builder.add_csv("test.csv", &format!("{HEAD}{rows}")).expect("test taxonomy parses");
        builder.build().expect("test taxonomy is valid")
    }

    struct Case {
        name: &'static str,
        input: &'static str,
        /// Skill id, how, score, edits of the best match.
        expected: Option<(&'static str, FuzzyHow, u8, u8)>,
    }

    const fn case(
        name: &'static str,
        input: &'static str,
        id: &'static str,
        how: FuzzyHow,
        score: u8,
        edits: u8,
    ) -> Case {
        Case { name, input, expected: Some((id, how, score, edits)) }
    }

    const fn none(name: &'static str, input: &'static str) -> Case {
        Case { name, input, expected: None }
    }

    use FuzzyHow::{Exact, Typo, Variant};

    const EXACT: &[Case] = &[
        case("name", "Kubernetes", "kubernetes", Exact, EXACT_SCORE, 0),
        case("alias with a dot", "React.js", "react", Exact, EXACT_SCORE, 0),
        case("case and spacing", "  postgres ", "postgresql", Exact, EXACT_SCORE, 0),
        case("diacritics", "Résumé Writing", "resume-writing", Exact, EXACT_SCORE, 0),
        case("fullwidth", "ＳＱＬ", "sql", Exact, EXACT_SCORE, 0),
        case("exact-case alias folds", "GO", "go", Exact, EXACT_SCORE, 0),
    ];

    const VARIANTS: &[Case] = &[
        case("glued", "reactjs", "react", Variant, variant_score(0), 0),
        case("spaced", "React JS", "react", Variant, variant_score(0), 0),
        case("space inside", "Postgre SQL", "postgresql", Variant, variant_score(0), 0),
        case("hyphenated", "apache-kafka", "apache-kafka", Variant, variant_score(0), 0),
        case("vendor with hyphen", "MS-Excel", "excel", Variant, variant_score(1), 0),
        case("vendor abbreviation", "MS Excel", "excel", Variant, variant_score(1), 0),
        case(
            "vendor kept, version dropped",
            "Adobe Photoshop CC 2020",
            "adobe-photoshop",
            Variant,
            variant_score(1),
            0,
        ),
        case("version dropped", "Photoshop CC 2020", "adobe-photoshop", Variant, variant_score(1), 0),
        case("dotted version", "Python 3.11", "python", Variant, variant_score(1), 0),
        case("glued version", "Python3", "python", Variant, variant_score(0), 0),
        case("ecmascript version", "Javascript ES6", "javascript", Variant, variant_score(1), 0),
        case("dot com", "Salesforce.com", "salesforce", Variant, variant_score(1), 0),
        case("js suffix", "Express.js", "express", Variant, variant_score(1), 0),
        case("glued js suffix", "ExpressJS", "express", Variant, variant_score(1), 0),
        case("plural", "APIs", "api", Variant, variant_score(1), 0),
        case("singular of a plural alias", "REST API", "rest-api", Variant, variant_score(1), 0),
        case("ies plural", "Information Technologies", "information-technology", Variant, variant_score(1), 0),
        case("plural of a vendor name", "Google Analytic", "google-analytics", Variant, variant_score(1), 0),
        case("vendor and plural", "MS Excels", "excel", Variant, variant_score(2), 0),
        case("version on a cloud tool", "Kubernetes 1.28", "kubernetes", Variant, variant_score(1), 0),
    ];

    const TYPOS: &[Case] = &[
        case("missing letter", "Kubernets", "kubernetes", Typo, typo_score(1, 10, 0), 1),
        case("transposition", "Kuberentes", "kubernetes", Typo, typo_score(1, 10, 0), 1),
        case("two edits in a long word", "Kubrenets", "kubernetes", Typo, typo_score(2, 10, 0), 2),
        case("extra letter", "Postgress", "postgresql", Typo, typo_score(1, 9, 0), 1),
        case("short word", "Pyhton", "python", Typo, typo_score(1, 6, 0), 1),
        case("javascript", "Javascrpt", "javascript", Typo, typo_score(1, 10, 0), 1),
        case("plain alias of a flagged skill", "Golnag", "go", Typo, typo_score(1, 6, 0), 1),
        case("vendor kept", "Adobe Photshop", "adobe-photoshop", Typo, typo_score(1, 14, 0), 1),
        case("typo after stripping", "Photshop CC 2020", "adobe-photoshop", Typo, typo_score(1, 9, 1), 1),
        case("numbers equal", "Pyhton 2", "python-2", Typo, typo_score(1, 7, 0), 1),
    ];

    const GUARDS: &[Case] = &[
        none("java is not javascript", "JavaScript"),
        none("java is not javascript, misspelt", "Javascrpt"),
        none("c is not c++", "C++"),
        none("c is not c#", "C#"),
        none("c is not objective-c", "Objective-C"),
        none("sql is not nosql", "NoSQL"),
        none("sql is not mysql", "MySQL"),
        none("react is not react native", "React Native"),
        none("react is not react native, glued", "ReactNative"),
        none("go is not golf", "Golf"),
        none("a word glued on: mysql server is not sql server", "MySQL Server"),
        none("a one-letter word: x-ray is not ray", "X-Ray"),
        none("c++ is not c#", "Visual C#"),
        none("python 3 is not python 2", "Python 2"),
        none("python 3 is not python 2, misspelt", "Pyhton 2"),
        none("osha 30 is not osha 10", "OSHA 10"),
        none("too short for a typo", "Jav"),
        none("garbage", "qzxwv"),
    ];

    const FLAGS: &[Case] = &[
        none("no typo to a context alias", "Exel"),
        none("no typo to an exact-case alias", "Swfit"),
        none("a vendor the skill does not name", "MS Nursing"),
        none("a vendor word alone", "Microsoft"),
        case("variant of a context alias", "Express.js", "express", Variant, variant_score(1), 0),
        case("exact of an exact-case alias", "swift", "swift", Exact, EXACT_SCORE, 0),
    ];

    fn check(taxonomy: &Taxonomy, cases: &[Case]) {
        let index = FuzzyIndex::new(taxonomy);
        for case in cases {
            let found = index.lookup(taxonomy, case.input, 5);
            let best = found.first().map(|m| (taxonomy.skill(m.alias.skill).id.as_str(), m.how, m.score, m.edits));
            assert_eq!(best, case.expected, "{}: {:?} gave {found:?}", case.name, case.input);
        }
    }

    #[test]
    fn exact() {
        check(&load(TAXONOMY), EXACT);
    }

    #[test]
    fn variants() {
        check(&load(TAXONOMY), VARIANTS);
    }

    #[test]
    fn typos() {
        check(&load(TAXONOMY), TYPOS);
    }

    #[test]
    fn guards_keep_distinct_skills_apart() {
        check(&load(LONE_HALVES), GUARDS);
    }

    #[test]
    fn flagged_aliases_and_vendors() {
        check(&load(TAXONOMY), FLAGS);
    }

    /// Both halves of a pair present: the other half never shows up among the candidates.
    #[test]
    fn pairs_never_merge() {
        const PAIRS: &[(&str, &str)] = &[
            ("Java", "javascript"),
            ("JavaScript", "java"),
            ("C", "cpp"),
            ("C", "csharp"),
            ("C++", "c"),
            ("React", "react-native"),
            ("React Native", "react"),
            ("SQL", "nosql"),
            ("NoSQL", "sql"),
            ("Go", "golf"),
            ("Visual C++", "visual-csharp"),
            ("Visual C#", "visual-cpp"),
        ];
        let taxonomy = load(&format!("{TAXONOMY}golf,Golf,general,domain,,,\n"));
        let index = FuzzyIndex::new(&taxonomy);
        for (term, other) in PAIRS {
            let found = index.lookup(&taxonomy, term, 10);
            assert!(!found.is_empty(), "{term}");
            assert!(found.iter().all(|m| taxonomy.skill(m.alias.skill).id != *other), "{term}: {found:?}");
        }
    }

    /// The index skips folding for ASCII aliases: `push_compact` must give them the key of their folded form.
    #[test]
    fn ascii_aliases_need_no_folding() {
        let taxonomy = Taxonomy::builtin();
        let builtin = taxonomy.skills().iter().flat_map(|s| &s.aliases).map(|a| a.text.as_str());
        let odd = ["  Tab\tSeparated \r\n", "MiXeD-CaSe", "under_score", "\u{0}nul", "  ", "C++ / C#"];
        let (mut raw, mut folded) = (String::new(), String::new());
        for text in builtin.chain(odd).filter(|t| t.is_ascii()) {
            let (r, f) = (push_compact(&mut raw, text), push_compact(&mut folded, &fold(text)));
            let key =
                |arena: &String, at: Option<CompactAt>| at.map(|at| (arena[at.start..at.end].to_owned(), at.starts));
            assert_eq!(key(&raw, r), key(&folded, f), "{text:?}");
        }
    }

    struct GuardCase {
        name: &'static str,
        query: &'static str,
        alias: &'static str,
        allowed: bool,
    }

    /// Each guard on its own: every blocked row is blocked by one guard only.
    const TYPO_GUARDS: &[GuardCase] = &[
        GuardCase { name: "same shape", query: "kubernets", alias: "kubernetes", allowed: true },
        GuardCase { name: "one glued letter is a typo", query: "kubernete", alias: "kubernetes", allowed: true },
        GuardCase { name: "numbers differ", query: "python 2", alias: "python 3", allowed: false },
        GuardCase { name: "number added", query: "python", alias: "python 3", allowed: false },
        GuardCase { name: "equal numbers", query: "pyhton 3", alias: "python 3", allowed: true },
        GuardCase { name: "plus signs", query: "c++builder", alias: "cbuilder", allowed: false },
        GuardCase { name: "sharp sign", query: "f#script", alias: "fscript", allowed: false },
        GuardCase { name: "glued word at the start", query: "nosql", alias: "sql", allowed: false },
        GuardCase { name: "glued word at the end", query: "angularjs", alias: "angular", allowed: false },
        GuardCase { name: "whole one-letter word", query: "x ray", alias: "ray", allowed: false },
        GuardCase { name: "whole word in the middle", query: "data q science", alias: "data science", allowed: false },
        GuardCase { name: "words split differently", query: "power bi", alias: "powerbi", allowed: true },
    ];

    #[test]
    fn typo_guards() {
        for case in TYPO_GUARDS {
            let query = compact(tokenize(case.query));
            let alias = compact(tokenize(case.alias));
            assert_eq!(typo_allowed(&query, &alias.text, alias.starts), case.allowed, "{}", case.name);
        }
    }

    #[test]
    fn budgets() {
        const BUDGETS: &[(usize, usize)] = &[(0, 0), (3, 0), (4, 1), (7, 1), (8, 2), (40, 2)];
        for &(chars, budget) in BUDGETS {
            assert_eq!(typo_budget(chars), budget, "{chars}");
        }
    }

    #[test]
    fn variants_outrank_typos() {
        assert!(variant_score(MAX_VARIANT_STEPS) > typo_score(1, 1000, 0));
        assert!(typo_score(0, 10, 0) == TYPO_SCORE_MAX);
        assert!(typo_score(1, 10, 0) > typo_score(1, 5, 0), "one edit costs less in a longer word");
        assert!(typo_score(1, 10, 0) > typo_score(2, 10, 0));
    }

    #[test]
    fn candidates_are_ordered_and_one_per_skill() {
        let taxonomy = load(TAXONOMY);
        let index = FuzzyIndex::new(&taxonomy);
        // "Postgres" is exact; "PostgreSQL" is the same skill; nothing else is near.
        let found = index.lookup(&taxonomy, "Postgres", 10);
        assert_eq!(found.len(), 1, "{found:?}");
        let found = index.lookup(&taxonomy, "Pythn 2", 10);
        let ids: Vec<&str> = found.iter().map(|m| taxonomy.skill(m.alias.skill).id.as_str()).collect();
        assert_eq!(ids, ["python-2", "python"], "{found:?}");
        assert!(found.windows(2).all(|w| (Reverse(w[0].score), w[0].edits) <= (Reverse(w[1].score), w[1].edits)));
        assert_eq!(index.lookup(&taxonomy, "Pythn 2", 1).len(), 1);
        assert!(index.lookup(&taxonomy, "Python", 0).is_empty());
    }

    const ODD_INPUTS: &[&str] = &[
        "",
        "   ",
        "\u{FEFF}",
        "🙂",
        "🙂🙂🙂🙂🙂🙂🙂🙂",
        "كوبرنيتس",
        "\u{202B}عربي",
        "日本語のスキル",
        "\0\0\0\0",
        "++++",
        "####",
        "....",
        "- - - -",
        "C+++++++",
        "v2",
        "ms",
        "ms ms ms ms",
        "1.2.3.4.5",
        "2020",
        "js",
        "com",
        "ies",
        "x x x",
        "Ǆǅǆ ﬁﬂ",
        "ss sses",
    ];

    #[test]
    fn odd_inputs_do_not_panic() {
        let taxonomy = load(TAXONOMY);
        let index = FuzzyIndex::new(&taxonomy);
        let scan = FuzzyScan::new(&taxonomy);
        let long_word = "Kubernetes".repeat(1000);
        let long_text = "a ".repeat(5000);
        let emoji_wall = "🙂".repeat(2500);
        let inputs = ODD_INPUTS.iter().copied().chain([long_word.as_str(), long_text.as_str(), emoji_wall.as_str()]);
        for input in inputs {
            let found = index.lookup(&taxonomy, input, 5);
            assert!(found.len() <= 5);
            assert_eq!(found, scan.lookup(input, 5), "{input:?}");
        }
        assert!(index.lookup(&taxonomy, "", 5).is_empty());
    }

    #[test]
    fn empty_taxonomy() {
        let taxonomy = load("");
        let index = FuzzyIndex::new(&taxonomy);
        assert!(index.lookup(&taxonomy, "Kubernetes", 5).is_empty());
    }

    #[test]
    fn deterministic() {
        let taxonomy = load(TAXONOMY);
        let (a, b) = (FuzzyIndex::new(&taxonomy), FuzzyIndex::new(&taxonomy));
        for term in ["Kubernets", "Pythn 2", "MS-Excel", "APIs", "Postgre SQL", "Javs"] {
            assert_eq!(a.lookup(&taxonomy, term, 10), b.lookup(&taxonomy, term, 10), "{term}");
            assert_eq!(a.lookup(&taxonomy, term, 10), a.lookup(&taxonomy, term, 10), "{term}");
        }
    }

    #[test]
    fn stems() {
        const STEMS: &[(&str, &str)] = &[
            ("apis", "api"),
            ("api", "api"),
            ("technologies", "technologi"),
            ("technology", "technologi"),
            ("processes", "process"),
            ("process", "process"),
            ("boxes", "box"),
            ("sales", "sale"),
            ("aws", "aws"),
            ("ios", "ios"),
            ("émigrés", "émigré"),
        ];
        for (word, stem) in STEMS {
            assert_eq!(stem_plural(word), *stem, "{word}");
        }
    }

    #[test]
    fn version_tokens() {
        const VERSIONS: &[(&str, bool)] = &[
            ("3", true),
            ("2020", true),
            ("v2", true),
            ("es6", true),
            ("es6+", true),
            ("cs6", true),
            ("cc", true),
            ("x", true),
            ("s3", false),
            ("es", false),
            ("excel", false),
            ("+", false),
        ];
        for (token, version) in VERSIONS {
            assert_eq!(is_version_token(token), *version, "{token}");
        }
    }

    #[test]
    fn index_is_send_sync_debug_clone() {
        fn assert_traits<T: Send + Sync + Clone + fmt::Debug>() {}
        assert_traits::<FuzzyIndex>();
        assert_traits::<FuzzyMatch>();
        assert_traits::<FuzzyHow>();
    }

    /// The index writes alias keys into its arena without allocating; they must equal the keys the scan and the
    /// term side build token by token.
    #[test]
    fn arena_keys_equal_token_keys() {
        const FOLDED: &[&str] = &[
            "microsoft excel",
            "react.js",
            "  ci/cd -- pipelines ",
            "apis",
            "rest apis",
            "information technologies",
            "ms-sql server 2019",
            "c++",
            "ünïcödé wörds",
            "日本語 テスト",
            "...",
            "",
        ];
        for folded in FOLDED {
            let mut arena = String::from("prefix");
            let forms = alias_forms(folded);
            let Some(key) = push_compact(&mut arena, folded) else {
                assert!(forms.is_empty(), "{folded:?}");
                continue;
            };
            assert_eq!(&arena[key.start..key.end], forms[0].key.text, "{folded:?}");
            assert_eq!((key.chars, key.starts), (forms[0].key.chars, forms[0].key.starts), "{folded:?}");
            let stem = push_stem(&mut arena, &key, &mut String::new());
            let stem_text = stem.map_or(&arena[key.start..key.end], |s| &arena[s.start..s.end]);
            assert_eq!(stem_text, forms[0].stem, "{folded:?}");
            if let Some(vendorless) = forms.get(1) {
                assert_eq!(&arena[key.start + key.first_len..key.end], vendorless.key.text, "{folded:?}");
                assert_eq!(key.rest_starts, vendorless.key.starts, "{folded:?}");
                assert_eq!(key.chars - key.first_chars, vendorless.key.chars, "{folded:?}");
            }
        }
    }

    /// xorshift64*: a tiny deterministic generator for the property test.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: usize) -> usize {
            (self.next() % n as u64) as usize
        }

        fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
            &items[self.below(items.len())]
        }
    }

    const ALPHABET: &[char] = &[
        'a', 'b', 'c', 'd', 'e', 'g', 'i', 'k', 'l', 'n', 'o', 'r', 's', 't', 'u', 'y', '0', '1', '2', '3', ' ', '.',
        '-', '+', '#', 'é', 'S',
    ];

    /// One random edit: insertion, deletion, substitution or transposition.
    fn mutate(rng: &mut Rng, text: &str) -> String {
        let mut chars: Vec<char> = text.chars().collect();
        let at = rng.below(chars.len() + 1);
        match rng.below(4) {
            0 => chars.insert(at, *rng.pick(ALPHABET)),
            1 if at < chars.len() => {
                chars.remove(at);
            }
            2 if at < chars.len() => chars[at] = *rng.pick(ALPHABET),
            _ if at + 1 < chars.len() => chars.swap(at, at + 1),
            _ => chars.push(*rng.pick(ALPHABET)),
        }
        chars.into_iter().collect()
    }

    fn random_query(rng: &mut Rng, aliases: &[&str]) -> String {
        const PREFIXES: &[&str] = &["MS ", "Microsoft ", "Adobe ", "Google ", "AWS ", "Apache-"];
        const SUFFIXES: &[&str] = &[" 2020", " 3.11", " CC", " ES6", ".js", "JS", ".com", "s", "es", " 2", " x"];
        match rng.below(10) {
            0..=4 => {
                let mut query = rng.pick(aliases).to_string();
                for _ in 0..rng.below(3) {
                    query = mutate(rng, &query);
                }
                query
            }
            5 | 6 => {
                let mut query = rng.pick(aliases).to_string();
                if rng.below(2) == 0 {
                    query = format!("{}{query}", rng.pick(PREFIXES));
                }
                if rng.below(2) == 0 {
                    query.push_str(rng.pick::<&str>(SUFFIXES));
                }
                if rng.below(2) == 0 {
                    query = mutate(rng, &query);
                }
                query
            }
            7 => rng.pick(aliases).to_uppercase().replace(' ', "-"),
            _ => (0..1 + rng.below(16)).map(|_| *rng.pick(ALPHABET)).collect(),
        }
    }

    /// Queries in the property test: enough to hit every path hundreds of times, few enough that the scan (about
    /// 5 ms a query in a debug build) keeps the test around ten seconds.
    const QUERIES: usize = 2000;

    /// The index against a scan of every alias with strsim, over the built-in taxonomy: the same candidates in the
    /// same order, for random aliases with up to two random edits, vendors and versions added, and random strings.
    #[test]
    fn index_agrees_with_a_brute_force_scan() {
        let taxonomy = Taxonomy::builtin();
        let index = FuzzyIndex::new(&taxonomy);
        let scan = FuzzyScan::new(&taxonomy);
        let aliases: Vec<&str> =
            taxonomy.skills().iter().flat_map(|s| s.aliases.iter().map(|a| a.text.as_str())).collect();
        let mut rng = Rng(0x5EED_CAFE_F00D_D00D);
        let (mut typos, mut variants) = (0, 0);
        for _ in 0..QUERIES {
            let query = random_query(&mut rng, &aliases);
            let found = index.lookup(&taxonomy, &query, 3);
            let expected = scan.lookup(&query, 3);
            let key = |m: &FuzzyMatch| (m.alias.skill, m.score, m.edits, m.how);
            assert_eq!(found.first().map(key), expected.first().map(key), "{query:?}: {found:?} vs {expected:?}");
            assert_eq!(
                found.iter().map(key).collect::<Vec<_>>(),
                expected.iter().map(key).collect::<Vec<_>>(),
                "{query:?}"
            );
            match found.first().map(|m| m.how) {
                Some(Typo) => typos += 1,
                Some(Variant) => variants += 1,
                _ => {}
            }
        }
        // The queries exercise every path, not only exact hits and misses.
        assert!(typos > 300 && variants > 100, "{typos} typos, {variants} variants");
    }
}
