//! The alias automaton: every folded alias of a taxonomy in one byte trie, walked from each place a match may start
//! (leftmost-longest over the folded text), with word-boundary and case checks at the match edges.
//!
//! What a match means in its context (a verb "excel" or the tool "Excel") is decided later, in
//! [`context`](super::context); this file only finds where an alias is written as a whole word.

use rustc_hash::FxHashSet;

use super::Extractor;

mod elided;
use crate::error::{Error, ErrorKind};
use crate::normalize::{is_word_char, Normalized};
use crate::phrase::{PhraseIndex, PhraseMatching};
use crate::span::Span;
use crate::structure::Structure;
use crate::taxonomy::{AliasRef, CaseRule, ContextRule, SkillIdx, Taxonomy};

/// [`ExtractorBuilder::restrict_to_words_of`] folds a text this many bytes at a time: a folded copy with its offset
/// map takes five bytes per input byte, which for a 100 MB input was 500 MB at once (`extract --lines`).
const FOLD_PIECE_BYTES: usize = 1 << 20;

/// `text` in consecutive pieces of about `max` bytes, each cut just after an ASCII whitespace byte (a piece runs
/// past `max` only when it has no whitespace before). Whitespace always separates words in the folded text, and
/// folding is otherwise character by character, so the pieces hold the same words as the whole.
fn whitespace_pieces(text: &str, max: usize) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        if rest.is_empty() {
            return None;
        }
        let bytes = rest.as_bytes();
        let cut = if bytes.len() <= max {
            bytes.len()
        } else {
            let head = bytes.get(..max).unwrap_or(bytes);
            head.iter()
                .rposition(u8::is_ascii_whitespace)
                .or_else(|| bytes.iter().skip(max).position(u8::is_ascii_whitespace).map(|p| p + max))
                .map_or(bytes.len(), |p| p + 1)
        };
        // A cut after an ASCII byte is a character boundary; the fallback only guards the impossible.
        let (piece, tail) = rest.split_at_checked(cut).unwrap_or((rest, ""));
        rest = tail;
        Some(piece)
    })
}

/// Options for building an [`Extractor`].
#[derive(Debug, Clone, Default)]
pub struct ExtractorBuilder {
    phrases: PhraseMatching,
    /// When set, only aliases whose every word occurs among these folded words are compiled.
    vocabulary: Option<FxHashSet<String>>,
}

impl ExtractorBuilder {
    /// Compiles only the aliases that can occur in `texts`: those whose every word is a word of some text.
    ///
    /// The automaton over a whole taxonomy takes tens of milliseconds to build; over the few hundred aliases
    /// that a handful of documents can contain, well under one. Extraction from `texts` gives exactly the
    /// result of an unrestricted extractor (a match starts and ends at word boundaries, so each of its words is a
    /// whole word of the text); extraction from other texts may miss skills. For one-off comparisons.
    pub fn restrict_to_words_of(&mut self, texts: &[&str]) -> &mut ExtractorBuilder {
        let vocabulary = self.vocabulary.get_or_insert_with(Default::default);
        let mut folded = Normalized::default();
        for text in texts {
            for piece in whitespace_pieces(text, FOLD_PIECE_BYTES) {
                folded.refill(piece);
                for word in folded.as_str().split(|c: char| !is_word_char(c)).filter(|w| !w.is_empty()) {
                    // A plural's singular too: elided coordination rebuilds "local anesthesia permit" from
                    // "local anesthesia and nitrous oxide permits" (see `elided`).
                    for word in [Some(word), word.strip_suffix('s').filter(|w| w.len() >= 3)].into_iter().flatten() {
                        if !vocabulary.contains(word) {
                            vocabulary.insert(word.to_owned());
                        }
                    }
                }
            }
        }
        self
    }

    /// Whether phrase labels also match loosely (stemmed, any order, small gaps). Off by default.
    pub fn phrase_matching(&mut self, phrases: PhraseMatching) -> &mut ExtractorBuilder {
        self.phrases = phrases;
        self
    }

    /// Builds the automaton (and the phrase index, when on) over every alias of `taxonomy`.
    ///
    /// # Errors
    ///
    /// [`ErrorKind::Automaton`] when the automaton needs more states than a 32-bit id can name: gigabytes of
    /// alias text, far beyond any taxonomy that fits in memory.
    pub fn build(&self, taxonomy: Taxonomy) -> Result<Extractor, Error> {
        let automaton = AliasAutomaton::build(&taxonomy, self.vocabulary.as_ref())?;
        let phrases = (self.phrases == PhraseMatching::Loose).then(|| PhraseIndex::new(&taxonomy));
        Ok(Extractor { taxonomy, automaton, phrases, fuzzy: std::sync::OnceLock::new() })
    }
}

/// Reusable buffers for extraction, one per worker thread.
#[derive(Debug, Default)]
pub struct Scratch {
    pub(super) normalized: Normalized,
    pub(super) structure: Structure,
    pub(super) raw: Vec<RawMatch>,
}

/// A candidate mention: an alias written as a whole word, before the context pass.
#[derive(Debug, Clone, Copy)]
pub(super) struct RawMatch {
    /// Original-text span.
    pub span: Span,
    pub alias: AliasRef,
    /// Whether the alias needs context before it counts.
    pub ambiguous: bool,
    /// Found by loose phrase matching rather than as written.
    pub loose: bool,
    /// The automaton pattern that matched, for reading an alias two skills share by the document's field
    /// ([`NO_PATTERN`] for a loose phrase match).
    pub pattern: u32,
}

/// The pattern id of a match that no automaton pattern made.
pub(super) const NO_PATTERN: u32 = u32::MAX;

/// What one automaton pattern can mean.
#[derive(Debug, Clone)]
struct Pattern {
    /// Its index in the automaton.
    id: u32,
    targets: Vec<AliasRef>,
    /// The folded pattern's length in chars: short aliases get stricter boundary rules.
    chars: usize,
}

/// Every folded alias of a taxonomy in one automaton, with what each pattern can mean.
#[derive(Debug, Clone)]
pub(super) struct AliasAutomaton {
    trie: Trie,
    patterns: Vec<Pattern>,
}

impl AliasAutomaton {
    /// Compiles the aliases of `taxonomy` (only those whose every word is in `vocabulary`, when given).
    fn build(taxonomy: &Taxonomy, vocabulary: Option<&FxHashSet<String>>) -> Result<AliasAutomaton, Error> {
        // Every word of an alias is delimited by non-word characters on both sides, so it can only match where
        // the text has each of its words as a whole word. Filtered as the aliases are read: collecting all 25,000
        // first, to keep a few hundred, touched 800 KB of fresh memory at every start.
        let mut keyed: Vec<(&str, &[AliasRef])> = taxonomy
            .folded_aliases()
            .filter(|(key, _)| vocabulary.is_none_or(|vocabulary| all_words_in(key, vocabulary)))
            .collect();
        // Deterministic pattern ids, whatever the hash map's order; the trie is built from keys in byte order.
        keyed.sort_unstable_by(|a, b| a.0.cmp(b.0));
        let patterns: Vec<Pattern> = keyed
            .iter()
            .enumerate()
            .map(|(id, (k, refs))| Pattern { id: id as u32, targets: refs.to_vec(), chars: k.chars().count() })
            .collect();
        let trie = Trie::from_sorted(keyed.iter().map(|(k, _)| k.as_bytes())).ok_or_else(|| {
            Error::new(ErrorKind::Automaton, "taxonomy", "cannot build the matcher: too many aliases")
        })?;
        Ok(AliasAutomaton { trie, patterns })
    }

    /// The number of compiled patterns (distinct folded aliases).
    #[cfg(test)]
    pub(super) fn pattern_count(&self) -> usize {
        self.patterns.len()
    }

    /// The leftmost-longest scan: pushes to `raw`, in text order, every alias match that passes the boundary and
    /// case checks, in original-text offsets.
    pub(super) fn find(&self, taxonomy: &Taxonomy, text: &str, normalized: &Normalized, raw: &mut Vec<RawMatch>) {
        // The keys the last walk passed, shortest first: the longest is the match, the others the shorter aliases
        // at the same start.
        let mut keys: Vec<(usize, u32)> = Vec::new();
        self.scan(taxonomy, text, normalized, raw, &mut keys);
        self.find_elided(taxonomy, text, normalized, raw);
    }

    /// The matches as written (see [`AliasAutomaton::find`]), with `keys` as a buffer for [`Trie::keys_at`].
    fn scan(
        &self,
        taxonomy: &Taxonomy,
        text: &str,
        normalized: &Normalized,
        raw: &mut Vec<RawMatch>,
        keys: &mut Vec<(usize, u32)>,
    ) {
        let folded = normalized.as_str();
        let mut at = 0;
        while at < folded.len() {
            let Some(start) = self.next_match(folded, at, keys) else { break };
            let Some(&(end, id)) = keys.last() else { break };
            let Some(pattern) = self.patterns.get(id as usize) else { break };
            if accept_at(taxonomy, text, normalized, raw, Span::new(start, end), pattern) {
                at = end;
                continue;
            }
            // The longest alias here failed its boundary at the end: a shorter alias at the same start may
            // still fit ("react native" inside "react nativeness" leaves "react").
            if boundary_before(folded, start, pattern.chars) {
                if let Some(shorter_end) = self.shorter_match(taxonomy, text, normalized, raw, start, keys) {
                    at = shorter_end;
                    continue;
                }
            }
            // No match can start inside a word (the start boundary would fail), so skip to the end of the word
            // this one started in; a match that starts with punctuation (".net") starts after it.
            let rest = folded.get(start..).unwrap_or_default();
            let first = rest.chars().next();
            at = if first.is_some_and(is_word_char) {
                word_end(folded, start)
            } else {
                start + first.map_or(1, char::len_utf8)
            };
        }
    }

    /// The leftmost match that starts at or after `from` where a match may start at all: its start, with the keys
    /// that start there in `keys` (shortest first; the last is the longest).
    ///
    /// A match whose first character and the character before it are both word characters fails
    /// [`boundary_before`] whatever the alias, and [`AliasAutomaton::find`] then skips to the end of that word, past
    /// every other such place. So trying only the other places (a word's start, or a character that is not a word
    /// character) finds what an unanchored leftmost-longest scan would have accepted, and walking the trie there
    /// needs no failure transitions.
    fn next_match(&self, folded: &str, from: usize, keys: &mut Vec<(usize, u32)>) -> Option<usize> {
        let bytes = folded.as_bytes();
        let mut after_word = folded.get(..from)?.chars().next_back().is_some_and(is_word_char);
        let mut at = from;
        while let Some(&byte) = bytes.get(at) {
            if byte.is_ascii() {
                let word = is_ascii_word_byte(byte);
                if after_word && word {
                    // The rest of this word: no match starts inside it.
                    at = word_end(folded, at);
                    continue;
                }
                after_word = word;
                // Most places (spaces, most punctuation) start no key at all: seen from the root's table alone.
                if self.trie.starts_some_key(byte) && self.trie.keys_at(bytes, at, keys) {
                    return Some(at);
                }
                at += 1;
                continue;
            }
            let c = folded.get(at..)?.chars().next()?;
            let word = is_word_char(c);
            if !(after_word && word) && self.trie.keys_at(bytes, at, keys) {
                return Some(at);
            }
            after_word = word;
            at += c.len_utf8();
        }
        None
    }

    /// Tries the aliases that start at `start` and end at an earlier word edge than the longest of `keys` (the
    /// keys that start there, shortest first), longest first; returns the end of the one accepted.
    ///
    /// A shorter alias ends at a word's edge: before punctuation ("react" in "react nativeness") or after it
    /// ("c++" in "c++2019", where the longest alias was "c++20"), never between two word characters. Every alias
    /// that ends there is a prefix of the longest, so the walk that found the longest passed it already.
    fn shorter_match(
        &self,
        taxonomy: &Taxonomy,
        text: &str,
        normalized: &Normalized,
        raw: &mut Vec<RawMatch>,
        start: usize,
        keys: &[(usize, u32)],
    ) -> Option<usize> {
        let folded = normalized.as_str();
        let (_, shorter) = keys.split_last()?;
        for &(cut, id) in shorter.iter().rev() {
            let inside_word = folded.get(..cut).and_then(|before| before.chars().next_back()).is_some_and(is_word_char)
                && folded.get(cut..).and_then(|after| after.chars().next()).is_some_and(is_word_char);
            if inside_word {
                continue;
            }
            if let Some(pattern) = self.patterns.get(id as usize) {
                if accept_at(taxonomy, text, normalized, raw, Span::new(start, cut), pattern) {
                    return Some(cut);
                }
            }
        }
        None
    }

    /// Reads each alias that several skills share (with the right letter case) as the skill of the document's own
    /// field: "EMT" among conduit and switchgear is the conduit, among triage and BLS the medical technician. The
    /// field is the families of the matches that mean one skill only; a tie keeps the first reading.
    pub(super) fn choose_by_field(&self, taxonomy: &Taxonomy, text: &str, raw: &mut [RawMatch]) {
        let candidates = |m: &RawMatch| -> Vec<AliasRef> {
            let Some(pattern) = self.patterns.get(m.pattern as usize) else { return Vec::new() };
            // Most aliases mean one skill: no reading to choose, and nothing to allocate.
            if pattern.targets.windows(2).all(|pair| pair.first().map(|t| t.skill) == pair.last().map(|t| t.skill)) {
                return Vec::new();
            }
            let original = &text[m.span.range()];
            let mut out: Vec<AliasRef> = Vec::new();
            for &target in &pattern.targets {
                let alias = taxonomy.alias(target);
                if alias.case == CaseRule::Exact && !same_text(original, &alias.text) {
                    continue;
                }
                if !out.iter().any(|o| o.skill == target.skill) {
                    out.push(target);
                }
            }
            out
        };
        let shared: Vec<(usize, Vec<AliasRef>)> =
            raw.iter().enumerate().map(|(i, m)| (i, candidates(m))).filter(|(_, c)| c.len() > 1).collect();
        if shared.is_empty() {
            return;
        }
        let mut is_shared = vec![false; raw.len()];
        for (i, _) in &shared {
            if let Some(flag) = is_shared.get_mut(*i) {
                *flag = true;
            }
        }
        let mut votes: Vec<(&str, u32)> = Vec::new();
        for (m, &shared) in raw.iter().zip(&is_shared) {
            if m.ambiguous || shared {
                continue;
            }
            let family = taxonomy.skill(m.alias.skill).family.as_str();
            match votes.iter_mut().find(|(f, _)| *f == family) {
                Some((_, n)) => *n += 1,
                None => votes.push((family, 1)),
            }
        }
        let vote = |skill: SkillIdx| {
            let family = taxonomy.skill(skill).family.as_str();
            votes.iter().find(|(f, _)| *f == family).map_or(0, |(_, n)| *n)
        };
        for (i, options) in shared {
            let Some(m) = raw.get_mut(i) else { continue };
            let current = vote(m.alias.skill);
            let best = options.iter().copied().max_by_key(|o| (vote(o.skill), std::cmp::Reverse(o.skill)));
            if let Some(best) = best.filter(|b| vote(b.skill) > current) {
                m.alias = best;
                m.ambiguous = taxonomy.alias(best).context == ContextRule::Needed;
            }
        }
    }

    /// The pattern that is exactly `folded`, if any.
    fn pattern_for(&self, folded: &str) -> Option<usize> {
        self.trie.exact(folded.as_bytes())
    }
}

/// The folded aliases as a byte trie. Nodes are numbered breadth first, so a node's children are consecutive:
/// `first_child..first_child + children`, each labelled with its byte in `labels`, in byte order. Node 0 is the
/// root, whose children are also in a table by first byte. A node with many children (a word's first letters, where
/// most walks pass) also has a row of them by byte class, so that no walk scans a long list.
///
/// Built from the sorted keys in one pass, with no failure transitions: about 12 times fewer instructions to
/// build than the Aho-Corasick automaton it replaced (which spent most of its 150 ms on failure transitions), and
/// a walk starts only where a word may start.
#[derive(Debug, Clone)]
struct Trie {
    /// The child of the root for each first byte (0: none).
    root: Box<[u32; 256]>,
    nodes: Vec<Node>,
    /// Per node, the byte on the edge into it.
    labels: Vec<u8>,
    /// Per byte, its class: 0 for a byte no key holds, else 1 and up.
    classes: Box<[u8; 256]>,
    /// The rows of the nodes that have them, by class (0: no child).
    rows: Vec<u32>,
}

/// Nodes with more children than this get a row: a short list is scanned faster than a row is fetched.
const ROW_FROM_CHILDREN: u32 = 6;

/// One trie node.
#[derive(Debug, Clone, Copy)]
struct Node {
    first_child: u32,
    children: u32,
    /// The pattern that ends here ([`NO_PATTERN`] for none).
    end: u32,
    /// Where its row starts in `rows` ([`NO_ROW`] for none).
    row: u32,
}

/// The row of a node with few children.
const NO_ROW: u32 = u32::MAX;

impl Trie {
    /// The trie of `keys`, given in byte order and distinct; `None` past 4 billion nodes.
    fn from_sorted<'k>(keys: impl Iterator<Item = &'k [u8]>) -> Option<Trie> {
        // First in creation order: nodes numbered as created, each edge recorded as (parent, byte, child). Keys
        // in byte order create each node's children in byte order.
        let mut ends: Vec<u32> = vec![NO_PATTERN];
        let mut edges: Vec<(u32, u8, u32)> = Vec::new();
        // The nodes along the previous key, from the root.
        let mut path: Vec<u32> = vec![0];
        let mut previous: &[u8] = &[];
        for (id, key) in keys.enumerate() {
            let shared = previous.iter().zip(key).take_while(|(a, b)| a == b).count();
            path.truncate(shared + 1);
            for &byte in key.get(shared..).unwrap_or_default() {
                let parent = *path.last()?;
                let child = u32::try_from(ends.len()).ok()?;
                ends.push(NO_PATTERN);
                edges.push((parent, byte, child));
                path.push(child);
            }
            let last = *path.last()?;
            *ends.get_mut(last as usize)? = u32::try_from(id).ok()?;
            previous = key;
        }
        // Each node's edges, together and in byte order (a counting sort by parent).
        let mut edges_from = vec![0usize; ends.len() + 1];
        for &(parent, _, _) in &edges {
            *edges_from.get_mut(parent as usize + 1)? += 1;
        }
        for i in 1..edges_from.len() {
            let before = *edges_from.get(i - 1)?;
            *edges_from.get_mut(i)? += before;
        }
        let mut grouped: Vec<(u8, u32)> = vec![(0, 0); edges.len()];
        let mut next_slot = edges_from.clone();
        for &(parent, byte, child) in &edges {
            let slot = next_slot.get_mut(parent as usize)?;
            *grouped.get_mut(*slot)? = (byte, child);
            *slot += 1;
        }
        // Then breadth first: `order` lists the creation ids in the new order, so a node's children, appended
        // together, get consecutive new ids.
        let mut order: Vec<u32> = Vec::with_capacity(ends.len());
        let mut labels: Vec<u8> = Vec::with_capacity(ends.len());
        order.push(0);
        labels.push(0);
        let mut nodes: Vec<Node> = Vec::with_capacity(ends.len());
        let mut root = Box::new([0u32; 256]);
        let mut next = 0;
        while let Some(&old) = order.get(next) {
            let from = *edges_from.get(old as usize)?;
            let to = *edges_from.get(old as usize + 1)?;
            let first_child = u32::try_from(order.len()).ok()?;
            for &(byte, child) in grouped.get(from..to)? {
                if next == 0 {
                    *root.get_mut(usize::from(byte))? = u32::try_from(order.len()).ok()?;
                }
                order.push(child);
                labels.push(byte);
            }
            let children = u32::try_from(to - from).ok()?;
            nodes.push(Node { first_child, children, end: *ends.get(old as usize)?, row: NO_ROW });
            next += 1;
        }
        let mut classes = Box::new([0u8; 256]);
        let mut width = 1;
        for &(_, byte, _) in &edges {
            let class = classes.get_mut(usize::from(byte))?;
            if *class == 0 {
                // UTF-8 never holds 0xC0, 0xC1 or 0xF5 to 0xFF, so the classes fit in a byte.
                *class = u8::try_from(width).ok()?;
                width += 1;
            }
        }
        let mut rows: Vec<u32> = Vec::new();
        for node in nodes.iter_mut().filter(|n| n.children > ROW_FROM_CHILDREN) {
            node.row = u32::try_from(rows.len()).ok()?;
            let start = rows.len();
            rows.resize(start + width, 0);
            for child in node.first_child..node.first_child + node.children {
                let class = *classes.get(usize::from(*labels.get(child as usize)?))?;
                *rows.get_mut(start + usize::from(class))? = child;
            }
        }
        Some(Trie { root, nodes, labels, classes, rows })
    }

    /// The child of `node` along `byte`.
    #[inline]
    fn child(&self, node: &Node, byte: u8) -> Option<u32> {
        if node.row != NO_ROW {
            // Class 0 (a byte no key holds) has no child in any row, so its slot is 0 like every other empty one.
            let class = *self.classes.get(usize::from(byte))?;
            let child = *self.rows.get(node.row as usize + usize::from(class))?;
            return (child != 0).then_some(child);
        }
        let first = node.first_child as usize;
        // Deep in the trie most nodes have one child: the rest of a long alias.
        if node.children == 1 {
            return (self.labels.get(first) == Some(&byte)).then_some(node.first_child);
        }
        let labels = self.labels.get(first..first + node.children as usize)?;
        let i = labels.iter().position(|&b| b == byte)?;
        Some((first + i) as u32)
    }

    /// The longest key that `text` holds at `start` whose end passes `ok`: its end and pattern id. A shorter key
    /// counts when a longer one runs into the middle of a word, so that the answer does not depend on which
    /// longer keys were compiled (a restricted trie lacks them).
    fn longest_at_where(&self, text: &[u8], start: usize, ok: impl Fn(usize) -> bool) -> Option<(usize, usize)> {
        let first = *self.root.get(usize::from(*text.get(start)?))?;
        if first == 0 {
            return None;
        }
        let mut node = self.nodes.get(first as usize)?;
        let mut longest = None;
        let mut at = start + 1;
        loop {
            if node.end != NO_PATTERN && ok(at) {
                longest = Some((at, node.end as usize));
            }
            let Some(&byte) = text.get(at) else { break };
            let Some(next) = self.child(node, byte) else { break };
            let Some(next) = self.nodes.get(next as usize) else { break };
            node = next;
            at += 1;
        }
        longest
    }

    /// Whether some key starts with `byte`.
    #[inline]
    fn starts_some_key(&self, byte: u8) -> bool {
        self.root.get(usize::from(byte)).is_some_and(|&child| child != 0)
    }

    /// Every key that `text` holds at `start`, as (end, pattern id) into `keys`, shortest first; whether there is
    /// one. The same walk as [`Trie::longest_at_where`] with every end allowed, which gives the last of them.
    #[inline]
    fn keys_at(&self, text: &[u8], start: usize, keys: &mut Vec<(usize, u32)>) -> bool {
        keys.clear();
        let Some(&first) = text.get(start).and_then(|&byte| self.root.get(usize::from(byte))) else { return false };
        if first == 0 {
            return false;
        }
        let Some(mut node) = self.nodes.get(first as usize) else { return false };
        let mut at = start + 1;
        loop {
            if node.end != NO_PATTERN {
                keys.push((at, node.end));
            }
            let Some(&byte) = text.get(at) else { break };
            let Some(next) = self.child(node, byte).and_then(|next| self.nodes.get(next as usize)) else { break };
            node = next;
            at += 1;
        }
        !keys.is_empty()
    }

    /// The pattern id of the key that is exactly `key`.
    fn exact(&self, key: &[u8]) -> Option<usize> {
        let mut node = self.nodes.first()?;
        for &byte in key {
            node = self.nodes.get(self.child(node, byte)? as usize)?;
        }
        (!key.is_empty() && node.end != NO_PATTERN).then_some(node.end as usize)
    }
}

/// Checks a match of `pattern` at the folded span `at` and, when its boundaries and case hold, pushes it to `raw`.
fn accept_at(
    taxonomy: &Taxonomy,
    text: &str,
    normalized: &Normalized,
    raw: &mut Vec<RawMatch>,
    at: Span,
    pattern: &Pattern,
) -> bool {
    let folded = normalized.as_str();
    if !boundary_before(folded, at.start, pattern.chars) || !boundary_after(folded, at.end, pattern.chars) {
        return false;
    }
    let span = normalized.original_span(text, at);
    let original = &text[span.range()];
    // Prefer an alias that stands on its own; keep an ambiguous one for the context pass.
    let mut chosen: Option<(AliasRef, bool)> = None;
    for &target in &pattern.targets {
        let alias = taxonomy.alias(target);
        if alias.case == CaseRule::Exact && !same_text(original, &alias.text) {
            continue;
        }
        let ambiguous = alias.context == ContextRule::Needed;
        match chosen {
            None => chosen = Some((target, ambiguous)),
            Some((_, true)) if !ambiguous => chosen = Some((target, false)),
            _ => {}
        }
    }
    let Some((alias, ambiguous)) = chosen else { return false };
    raw.push(RawMatch { span, alias, ambiguous, loose: false, pattern: pattern.id });
    true
}

/// Whether `byte`, an ASCII byte, is a word character ([`is_word_char`]).
#[inline]
fn is_ascii_word_byte(byte: u8) -> bool {
    ASCII_WORD_BYTES.get(usize::from(byte)) == Some(&true)
}

/// Per byte, whether it is an ASCII word character: ASCII letters and digits, and `_` ([`is_word_char`]). A table,
/// because the scan asks this of almost every byte of a text.
const ASCII_WORD_BYTES: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 128 {
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric() || b == b'_';
        byte += 1;
    }
    table
};

/// The end of the run of word characters at `at` in `folded` (`at` itself when none is there).
#[inline]
fn word_end(folded: &str, at: usize) -> usize {
    let bytes = folded.as_bytes();
    let mut end = at;
    while let Some(&byte) = bytes.get(end) {
        if byte.is_ascii() {
            if !is_ascii_word_byte(byte) {
                break;
            }
            end += 1;
            continue;
        }
        match folded.get(end..).and_then(|rest| rest.chars().next()) {
            Some(c) if is_word_char(c) => end += c.len_utf8(),
            _ => break,
        }
    }
    end
}

/// Whether every word of `key` is in `vocabulary`.
fn all_words_in(key: &str, vocabulary: &FxHashSet<String>) -> bool {
    key.split(|c: char| !is_word_char(c)).all(|w| w.is_empty() || vocabulary.contains(w))
}

/// Whether the folded text at `start` may begin a match: no word character before it, and for short aliases
/// no joiner such as `-` or `'` glued to a word before it ("T-SQL" is not "SQL"... but "e-commerce" isn't "commerce").
fn boundary_before(folded: &str, start: usize, chars: usize) -> bool {
    let mut before = folded[..start].chars().rev();
    let first = folded[start..].chars().next();
    match before.next() {
        None => true,
        Some(c) if is_word_char(c) => !first.is_some_and(is_word_char),
        Some(c) if chars <= 2 && is_joiner(c) => !before.next().is_some_and(is_word_char),
        Some(_) => true,
    }
}

/// Whether the folded text at `end` may end a match (see [`boundary_before`]).
fn boundary_after(folded: &str, end: usize, chars: usize) -> bool {
    let mut after = folded[end..].chars();
    let last = folded[..end].chars().next_back();
    match after.next() {
        None => true,
        Some(c) if is_word_char(c) => !last.is_some_and(is_word_char),
        // "C+" or "C#" written without an alias of their own are not C.
        Some('+' | '#') if last.is_some_and(is_word_char) => false,
        Some(c) if chars <= 2 && is_joiner(c) => !after.next().is_some_and(is_word_char),
        Some(_) => true,
    }
}

/// Characters that glue two words into one for short aliases: "C-suite", "go-to", "it's", "R&D", "A.I".
fn is_joiner(c: char) -> bool {
    matches!(c, '-' | '\'' | '.' | '&' | '@')
}

/// Whether `original` reads exactly as `alias`, whitespace runs aside.
fn same_text(original: &str, alias: &str) -> bool {
    original.split_whitespace().eq(alias.split_whitespace())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The scan as it was before [`Trie::keys_at`] (a walk per start for the longest key, then a trie lookup per
    /// word edge for the shorter ones), kept as the reference the faster scan must agree with.
    fn find_reference(
        automaton: &AliasAutomaton,
        taxonomy: &Taxonomy,
        text: &str,
        normalized: &Normalized,
        raw: &mut Vec<RawMatch>,
    ) {
        let folded = normalized.as_str();
        let bytes = folded.as_bytes();
        let mut at = 0;
        'scan: while at < folded.len() {
            // The leftmost start where a match may start, with the longest key there.
            let mut after_word = folded[..at].chars().next_back().is_some_and(is_word_char);
            let mut found = None;
            for (i, c) in folded[at..].char_indices() {
                let word = is_word_char(c);
                if !(after_word && word) {
                    if let Some((end, id)) = automaton.trie.longest_at_where(bytes, at + i, |_| true) {
                        found = Some((at + i, end, id));
                        break;
                    }
                }
                after_word = word;
            }
            let Some((start, end, id)) = found else { break };
            let pattern = &automaton.patterns[id];
            if accept_at(taxonomy, text, normalized, raw, Span::new(start, end), pattern) {
                at = end;
                continue;
            }
            if boundary_before(folded, start, pattern.chars) {
                let mut after_word = false;
                let mut candidates: Vec<usize> = Vec::new();
                for (i, c) in folded[start..end].char_indices() {
                    let word = is_word_char(c);
                    if i > 0 && (!word || !after_word) {
                        candidates.push(start + i);
                    }
                    after_word = word;
                }
                for &cut in candidates.iter().rev() {
                    let piece = folded[start..cut].trim_end();
                    let cut = start + piece.len();
                    if piece.is_empty() {
                        continue;
                    }
                    if let Some(pattern) = automaton.pattern_for(piece).map(|id| &automaton.patterns[id]) {
                        if accept_at(taxonomy, text, normalized, raw, Span::new(start, cut), pattern) {
                            at = cut;
                            continue 'scan;
                        }
                    }
                }
            }
            let rest = &folded[start..];
            let first = rest.chars().next();
            at = if first.is_some_and(is_word_char) {
                rest.find(|c: char| !is_word_char(c)).map_or(folded.len(), |i| start + i)
            } else {
                start + first.map_or(1, char::len_utf8)
            };
        }
    }

    /// Texts where aliases meet each other, words, punctuation and non-ASCII text in every way: inside words,
    /// across hyphens and dots, cut short, run on.
    fn scan_texts(taxonomy: &Taxonomy) -> Vec<String> {
        let aliases: Vec<&str> = taxonomy.folded_aliases().map(|(key, _)| key).step_by(7).collect();
        const GLUE: &[&str] = &[
            " ", "", "-", ".", "/", ", ", "ness", "s", " and ", " or ", "(", ")", "+", "#", "é", "\u{00A0}", "'", "\n",
            "2019", "_", "ﬁ", "Ж",
        ];
        let mut state: u64 = 0x2545_F491_4F6C_DD1D;
        let mut next = |n: usize| {
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            (state >> 33) as usize % n
        };
        (0..3000)
            .map(|_| {
                let mut text = String::new();
                for _ in 0..(1 + next(12)) {
                    let alias = aliases[next(aliases.len())];
                    match next(4) {
                        // Part of an alias: a key cut short, or its first word.
                        0 => text.push_str(alias.get(..alias.len() / 2 + 1).unwrap_or(alias)),
                        1 => text.push_str(&alias.to_uppercase()),
                        _ => text.push_str(alias),
                    }
                    text.push_str(GLUE[next(GLUE.len())]);
                }
                text
            })
            .collect()
    }

    #[test]
    fn scan_agrees_with_the_reference() {
        let taxonomy = Taxonomy::builtin();
        let automaton = AliasAutomaton::build(&taxonomy, None).expect("builds");
        let mut normalized = Normalized::default();
        for text in scan_texts(&taxonomy) {
            normalized.refill(&text);
            let (mut fast, mut reference) = (Vec::new(), Vec::new());
            let mut keys = Vec::new();
            automaton.scan(&taxonomy, &text, &normalized, &mut fast, &mut keys);
            find_reference(&automaton, &taxonomy, &text, &normalized, &mut reference);
            assert_eq!(format!("{fast:?}"), format!("{reference:?}"), "{text:?}");
        }
    }

    /// Splits `marked` at `[` and `]` into the folded text and the bracketed span.
    fn marked(marked: &str) -> (String, Span) {
        let start = marked.find('[').unwrap_or_default();
        let end = marked.find(']').unwrap_or_default() - 1;
        (marked.replace(['[', ']'], ""), Span::new(start, end))
    }

    #[test]
    fn boundaries() {
        struct Case {
            name: &'static str,
            /// Folded text with the candidate match in brackets.
            text: &'static str,
            before: bool,
            after: bool,
        }
        const CASES: &[Case] = &[
            Case { name: "whole word", text: "we use [sql] daily", before: true, after: true },
            Case { name: "inside a word", text: "my[sql]ite", before: false, after: false },
            Case { name: "t-sql", text: "t-[sql] and more", before: true, after: true },
            Case { name: "short alias after a joiner", text: "c-[it] is", before: false, after: true },
            Case { name: "c-suite", text: "[c]-suite", before: true, after: false },
            Case { name: "r&d", text: "[r]&d", before: true, after: false },
            Case { name: "c plus", text: "[c]+ and", before: true, after: false },
            Case { name: "c sharp", text: "[c]# dev", before: true, after: false },
            Case { name: "text edges", text: "[go]", before: true, after: true },
            Case { name: "punctuation-led alias", text: "asp[.net]", before: true, after: true },
            Case { name: "sentence end", text: "use [go].", before: true, after: true },
        ];
        for case in CASES {
            let (text, span) = marked(case.text);
            let chars = text[span.range()].chars().count();
            assert_eq!(boundary_before(&text, span.start, chars), case.before, "{}: before", case.name);
            assert_eq!(boundary_after(&text, span.end, chars), case.after, "{}: after", case.name);
        }
    }

    #[test]
    fn whitespace_pieces_cover_the_text_and_cut_at_whitespace() {
        // (text, max, pieces)
        const CASES: &[(&str, usize, &[&str])] = &[
            ("", 4, &[]),
            ("abc", 4, &["abc"]),
            ("ab cd ef", 4, &["ab ", "cd ", "ef"]),
            ("ab\ncdefgh ij", 4, &["ab\n", "cdefgh ", "ij"]),
            ("abcdefgh", 4, &["abcdefgh"]),
            ("Kuber\u{AD}netes \u{E9}t\u{E9} x", 6, &["Kuber\u{AD}netes ", "\u{E9}t\u{E9} ", "x"]),
        ];
        for &(text, max, expected) in CASES {
            let pieces: Vec<&str> = whitespace_pieces(text, max).collect();
            assert_eq!(pieces, expected, "{text:?} by {max}");
        }
    }

    #[test]
    fn a_long_text_restricts_to_the_same_words_as_its_pieces() {
        let text = "Kubernetes and PostgreSQL\n".repeat(FOLD_PIECE_BYTES / 20);
        let mut builder = ExtractorBuilder::default();
        builder.restrict_to_words_of(&[&text]);
        let mut words: Vec<&String> = builder.vocabulary.iter().flatten().collect();
        words.sort();
        // With each plural's singular (see `restrict_to_words_of`).
        assert_eq!(words, ["and", "kubernete", "kubernetes", "postgresql"]);
    }

    #[test]
    fn joiners() {
        for c in ['-', '\'', '.', '&', '@'] {
            assert!(is_joiner(c), "{c}");
        }
        for c in ['/', ',', ' ', '+', '#', 'a'] {
            assert!(!is_joiner(c), "{c}");
        }
    }

    #[test]
    fn same_text_ignores_whitespace_runs_only() {
        const CASES: &[(&str, &str, bool)] =
            &[("Go", "Go", true), ("go", "Go", false), ("Power  BI", "Power BI", true), ("PowerBI", "Power BI", false)];
        for &(original, alias, expected) in CASES {
            assert_eq!(same_text(original, alias), expected, "{original:?} {alias:?}");
        }
    }

    #[test]
    fn vocabulary_filter() {
        let vocabulary: FxHashSet<String> =
            ["machine", "learning", "sql", "c"].iter().map(|w| (*w).to_owned()).collect();
        const CASES: &[(&str, bool)] =
            &[("machine learning", true), ("sql", true), ("c++", true), ("deep learning", false), ("", true)];
        for &(key, expected) in CASES {
            assert_eq!(all_words_in(key, &vocabulary), expected, "{key:?}");
        }
    }
}
