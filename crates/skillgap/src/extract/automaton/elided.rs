//! Elided coordination: two names that share words written once. "Journeyman or Master Electrician license"
//! names two licences, "local anesthesia and nitrous oxide permits" two permits, "AWS D1.1 or D1.5" two welding
//! codes, "Microsoft Excel and Word" two programs. The scan finds the written name; this pass rebuilds the
//! other one from the shared words and keeps it when it is an alias in its own right.
//!
//! Three shapes, around a joiner ("or", "and", "&", "/") inside one clause:
//! - a shared tail: `X or <M>`, where `M` is an alias whose first words `X` replaces ("Journeyman or Master
//!   Electrician license" → "journeyman electrician license");
//! - a shared head word after the last conjunct: `X and Y permits` → "X permit" ("local anesthesia and nitrous
//!   oxide permits" → "local anesthesia permit");
//! - a shared front: `<M> or X`, where `X` replaces the last words of the alias `M` ("AWS D1.1 or D1.5" → "aws
//!   d1.5", "Microsoft Excel and Word" → "microsoft word").
//!
//! A rebuilt name counts only when it is a whole alias of a skill the written words do not already name, and it is
//! given the span of the words that were written for it.

#![deny(clippy::indexing_slicing)]
#![cfg_attr(test, allow(clippy::indexing_slicing))]

use super::{AliasAutomaton, RawMatch};
use crate::normalize::{is_word_char, Normalized};
use crate::span::Span;
use crate::structure::cues::CueSet;
use crate::taxonomy::{AliasRef, CaseRule, ContextRule, Taxonomy};

/// Words that join two conjuncts.
const JOINERS: &[&str] = &["or", "and", "&", "/"];

/// Head words a list of areas of work shares ("diary and inbox management"). Each is also its own stem in
/// [`has_head_stem`].
const AREA_HEADS: &[&str] = &["management", "planning", "analysis", "reporting", "administration", "maintenance"];

/// Head words a list of credentials shares ("… and … permits"); see also [`AREA_HEADS`].
const HEADS: &[&str] = &[
    "permit",
    "permits",
    "license",
    "licenses",
    "licence",
    "licences",
    "certification",
    "certifications",
    "certificate",
    "certificates",
    "endorsement",
    "endorsements",
    "card",
    "cards",
    "rating",
    "ratings",
];

/// Bytes of text read on each side of a joiner: enough for [`MAX_CONJUNCT_WORDS`] long words.
const WINDOW: usize = 48;

/// At most this many words on each side of a joiner are read as a conjunct.
const MAX_CONJUNCT_WORDS: usize = 3;

/// One word of the folded text, as a byte range.
type Word = (usize, usize);

impl AliasAutomaton {
    /// Adds to `raw` the names that elided coordination implies (see the module docs), in text order. A written
    /// match that lies inside a rebuilt name's span gives way to it ("anesthesia" inside "local anesthesia", read
    /// as the permit).
    pub(in crate::extract) fn find_elided(
        &self,
        taxonomy: &Taxonomy,
        text: &str,
        normalized: &Normalized,
        raw: &mut Vec<RawMatch>,
    ) {
        let folded = normalized.as_str();
        let mut found: Vec<Found> = Vec::new();
        // Only the few words around each joiner are read: most of a text is never tokenised twice.
        let mut joiners = Joiners::new(folded);
        let mut words: Vec<Word> = Vec::new();
        while let Some((at, joiner)) = joiners.next_at() {
            let end = at + joiner.len();
            // Most joiners join nothing this pass can rebuild: no alias starts right after them, none ends right
            // before them, and no credential word follows. Those are passed over before any tokenising.
            let right_start = end + usize::from(folded.as_bytes().get(end) == Some(&b' '));
            let head_near = folded.get(end..ceil_boundary(folded, end + WINDOW)).is_some_and(has_head_stem);
            // A shared tail or front needs an alias of two words or more beside the joiner.
            let alias_after = self
                .trie
                .longest_at_where(folded.as_bytes(), right_start, |e| word_ends_at(folded, e))
                .is_some_and(|(e, _)| folded.get(right_start..e).is_some_and(|m| m.contains(' ')));
            if !alias_after && !head_near && !self.alias_ends_at(folded, at) {
                continue;
            }
            let window =
                Span::new(floor_boundary(folded, at.saturating_sub(WINDOW)), ceil_boundary(folded, end + WINDOW));
            words.clear();
            push_words(folded.get(window.range()).unwrap_or_default(), window.start, &mut words);
            let Some(j) = words.iter().position(|&(s, e)| s == at && e == end) else { continue };
            let left = conjunct_before(folded, &words, j);
            let right = conjunct_after(folded, &words, j);
            if left.is_empty() || right.is_empty() {
                continue;
            }
            self.shared_tail(taxonomy, folded, left, right, &mut found);
            self.shared_head(taxonomy, folded, left, right, &mut found);
            self.shared_front(taxonomy, folded, left, right, &mut found);
        }
        if found.is_empty() {
            return;
        }
        for (folded_span, alias, pattern, replace) in found {
            let span = normalized.original_span(text, folded_span);
            let overlaps = |m: &RawMatch| m.span.start < span.end && span.start < m.span.end;
            // A rebuilt name for a skill the same words already name adds nothing; only a shared head may take
            // words another match has read.
            if raw.iter().any(|m| overlaps(m) && (m.alias.skill == alias.skill || !replace)) {
                continue;
            }
            raw.retain(|m| !(span.start <= m.span.start && m.span.end <= span.end));
            let at = raw.partition_point(|m| m.span.start < span.start);
            raw.insert(at, RawMatch { span, alias, ambiguous: false, loose: false, pattern });
        }
    }

    /// `X or <M>`: `X` (the last words of the left conjunct) with the tail of the alias `M` that opens the right
    /// conjunct.
    fn shared_tail(&self, taxonomy: &Taxonomy, folded: &str, left: &[Word], right: &[Word], out: &mut Vec<Found>) {
        let Some(m_end) = self.alias_end_at(folded, right) else { return };
        let m_words: Vec<Word> = right.iter().copied().take_while(|&(_, e)| e <= m_end).collect();
        let m_start = right.first().map_or(m_end, |w| w.0);
        let written = self.skill_of(taxonomy, folded.get(m_start..m_end).unwrap_or_default());
        let mut candidate = String::new();
        for x in 1..=left.len().min(2) {
            let x_words = left.get(left.len() - x..).unwrap_or_default();
            for k in 1..m_words.len() {
                join(folded, x_words.iter().chain(m_words.get(k..).unwrap_or_default()), &mut candidate);
                if self.push_if_alias(taxonomy, &candidate, span_of(x_words), written, false, out) {
                    return;
                }
            }
        }
    }

    /// `X and Y permits`: `X` (the last words of the left conjunct) with the head word after the right conjunct.
    fn shared_head(&self, taxonomy: &Taxonomy, folded: &str, left: &[Word], right: &[Word], out: &mut Vec<Found>) {
        // The head is a word after the first right-conjunct word, within the clause; the nearest that makes an
        // alias wins ("nitrous oxide administration permits": "administration" makes none, "permits" does).
        let heads = right.iter().skip(1).filter(|&&(s, e)| {
            let word = folded.get(s..e).unwrap_or_default();
            HEADS.contains(&word) || AREA_HEADS.contains(&word)
        });
        let mut candidate = String::new();
        for &(hs, he) in heads {
            let head = folded.get(hs..he).unwrap_or_default();
            let singular = head.strip_suffix('s').unwrap_or(head);
            for x in (1..=left.len()).rev() {
                let x_words = left.get(left.len() - x..).unwrap_or_default();
                for h in [singular, head] {
                    join(folded, x_words.iter(), &mut candidate);
                    candidate.push(' ');
                    candidate.push_str(h);
                    if self.push_if_alias(taxonomy, &candidate, span_of(x_words), None, true, out) {
                        return;
                    }
                }
            }
        }
    }

    /// `<M> or X`: the alias `M` that closes the left conjunct, its last words replaced by `X` (the first words of
    /// the right conjunct).
    fn shared_front(&self, taxonomy: &Taxonomy, folded: &str, left: &[Word], right: &[Word], out: &mut Vec<Found>) {
        // The alias that ends where the left conjunct ends, longest first.
        let left_end = left.last().map_or(0, |&(_, e)| e);
        let Some(m_words) = (0..left.len())
            .filter_map(|i| left.get(i..))
            .find(|words| self.alias_end_at(folded, words) == Some(left_end))
        else {
            return;
        };
        let Some(&(m_start, _)) = m_words.first().filter(|_| m_words.len() >= 2) else { return };
        let written = self.skill_of(taxonomy, folded.get(m_start..left_end).unwrap_or_default());
        let mut candidate = String::new();
        for x in (1..=right.len().min(2)).rev() {
            let x_words = right.get(..x).unwrap_or_default();
            for k in (1..m_words.len()).rev() {
                join(folded, m_words.get(..k).unwrap_or_default().iter().chain(x_words), &mut candidate);
                if self.push_if_alias(taxonomy, &candidate, span_of(x_words), written, false, out) {
                    return;
                }
            }
        }
    }

    /// Whether an alias ends right before the joiner at `at` (after its space), starting at one of the three word
    /// starts before it: the cheap test for a shared front.
    fn alias_ends_at(&self, folded: &str, at: usize) -> bool {
        let bytes = folded.as_bytes();
        let end = at.saturating_sub(usize::from(at > 0 && bytes.get(at - 1) == Some(&b' ')));
        let mut i = end;
        let mut starts = 0;
        while i > 0 && starts < MAX_CONJUNCT_WORDS && end - i < WINDOW {
            i -= 1;
            let Some(&b) = bytes.get(i) else { break };
            let before_is_space = i == 0 || bytes.get(i - 1).is_some_and(|c| *c == b' ' || *c == b'\n');
            if b != b' ' && before_is_space && folded.is_char_boundary(i) {
                starts += 1;
                // From the second word back: a one-word alias has no front to share.
                if starts >= 2 && self.trie.longest_at_where(bytes, i, |e| e == end).is_some() {
                    return true;
                }
            }
        }
        false
    }

    /// The end of the longest alias that starts at the first of `words`, when it ends at the end of one of them.
    fn alias_end_at(&self, folded: &str, words: &[Word]) -> Option<usize> {
        let &(start, _) = words.first()?;
        let (end, _) = self.trie.longest_at_where(folded.as_bytes(), start, |e| words.iter().any(|&(_, w)| w == e))?;
        Some(end)
    }

    /// The skill an exact alias names, if it is one.
    fn skill_of(&self, taxonomy: &Taxonomy, key: &str) -> Option<crate::taxonomy::SkillIdx> {
        let pattern = self.patterns.get(self.pattern_for(key)?)?;
        pattern.targets.iter().find(|t| taxonomy.alias(**t).case == CaseRule::Insensitive).map(|t| t.skill)
    }

    /// Pushes `candidate` at `span` when it is a whole alias (any letter case) of a skill other than `written`;
    /// returns whether it did.
    fn push_if_alias(
        &self,
        taxonomy: &Taxonomy,
        candidate: &str,
        span: Span,
        written: Option<crate::taxonomy::SkillIdx>,
        replace: bool,
        out: &mut Vec<Found>,
    ) -> bool {
        let Some(id) = self.pattern_for(candidate) else { return false };
        let Some(pattern) = self.patterns.get(id) else { return false };
        let target = pattern.targets.iter().copied().find(|&t| {
            let alias = taxonomy.alias(t);
            alias.case == CaseRule::Insensitive && alias.context == ContextRule::Free && Some(t.skill) != written
        });
        let Some(target) = target else { return false };
        out.push((span, target, pattern.id, replace));
        true
    }
}

/// A rebuilt name: its folded span, the alias it is, and the pattern that holds that alias.
/// Whether it may replace written matches inside its span (a shared head makes "local anesthesia" the permit,
/// not the area); a rebuilt front or tail may not: "skilled nursing or long-term care" keeps "skilled nursing".
type Found = (Span, AliasRef, u32, bool);

/// The words of `folded` (runs of word characters, with the joiners `&` and `/` as words of their own), as byte
/// ranges. A clause break (`,`, `;`, `:`, brackets, a full stop followed by a space, a line break) is kept as an
/// empty word, so that conjuncts never reach across it.
fn push_words(folded: &str, offset: usize, out: &mut Vec<Word>) {
    if folded.is_ascii() {
        push_ascii_words(folded.as_bytes(), offset, out);
        return;
    }
    push_words_by_char(folded, offset, out);
}

/// [`push_words`] over ASCII text, a byte at a time: the same rules, without decoding characters (a test checks
/// that both read the same words).
fn push_ascii_words(folded: &[u8], offset: usize, out: &mut Vec<Word>) {
    let is_word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut start: Option<usize> = None;
    for (i, &b) in folded.iter().enumerate() {
        let inner_dot = b == b'.' && start.is_some() && folded.get(i + 1).is_some_and(|&n| is_word(n));
        if is_word(b) || inner_dot || (start.is_some() && matches!(b, b'+' | b'#')) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((offset + s, offset + i));
        }
        match b {
            b'&' | b'/' => out.push((offset + i, offset + i + 1)),
            b',' | b';' | b':' | b'(' | b')' | b'[' | b']' | b'.' | b'\n' | b'|' => out.push((offset + i, offset + i)),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((offset + s, offset + folded.len()));
    }
}

/// [`push_words`] over any text, a character at a time.
fn push_words_by_char(folded: &str, offset: usize, out: &mut Vec<Word>) {
    let mut start: Option<usize> = None;
    let mut chars = folded.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        // A dot between word characters ("d1.1", "asp.net") stays inside the word.
        let inner_dot = c == '.' && start.is_some() && chars.peek().is_some_and(|&(_, n)| is_word_char(n));
        if is_word_char(c) || inner_dot || (start.is_some() && matches!(c, '+' | '#')) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            out.push((offset + s, offset + i));
        }
        match c {
            '&' | '/' => out.push((offset + i, offset + i + c.len_utf8())),
            ',' | ';' | ':' | '(' | ')' | '[' | ']' | '.' | '\n' | '|' | '·' | '•' => {
                out.push((offset + i, offset + i))
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((offset + s, offset + folded.len()));
    }
}

/// Up to [`MAX_CONJUNCT_WORDS`] words before the joiner `words[j]`, back to the clause break or another joiner.
fn conjunct_before<'a>(folded: &str, words: &'a [Word], j: usize) -> &'a [Word] {
    let stop = (0..j)
        .rev()
        .take(MAX_CONJUNCT_WORDS)
        .find(|&i| words.get(i).is_some_and(|&w| stops(folded, w)))
        .map_or(j.saturating_sub(MAX_CONJUNCT_WORDS), |i| i + 1);
    words.get(stop..j).unwrap_or_default()
}

/// Up to [`MAX_CONJUNCT_WORDS`] + 1 words after the joiner `words[j]` (one more, for a shared head word), up to
/// the clause break or another joiner.
fn conjunct_after<'a>(folded: &str, words: &'a [Word], j: usize) -> &'a [Word] {
    let from = j + 1;
    let end = (from..words.len())
        .take(MAX_CONJUNCT_WORDS + 1)
        .find(|&i| words.get(i).is_some_and(|&w| stops(folded, w)))
        .unwrap_or_else(|| (from + MAX_CONJUNCT_WORDS + 1).min(words.len()));
    words.get(from..end).unwrap_or_default()
}

/// The starts of the head words of [`HEADS`], and the [`AREA_HEADS`], to look for cheaply after a joiner (a test
/// keeps them in step).
const HEAD_STEM_SET: CueSet = CueSet::new(&[
    "permit",
    "licen",
    "certific",
    "endorsement",
    "card",
    "rating",
    "management",
    "planning",
    "analysis",
    "reporting",
    "administration",
    "maintenance",
]);

/// Whether one of [`HEAD_STEM_SET`] occurs in `window`, in one pass that compares a stem only where
/// its first two bytes stand: a `str::contains` per stem set up a substring searcher six times for every joiner,
/// and a `starts_with` per stem wherever a stem's first letter stood still cost 0.1 M instructions a posting.
fn has_head_stem(window: &str) -> bool {
    HEAD_STEM_SET.any_in(window)
}

/// The joiners of a text in order: " or ", " and " and " & " (the joiner is the word between the spaces) and
/// any "/". One forward pass over the bytes finds them all; searching the text once per pattern with `str::find`
/// cost more than the rest of this pass (0.14 M instructions a posting against 0.02 M).
struct Joiners<'a> {
    folded: &'a [u8],
    from: usize,
}

impl<'a> Joiners<'a> {
    fn new(folded: &'a str) -> Joiners<'a> {
        Joiners { folded: folded.as_bytes(), from: 0 }
    }

    /// The next joiner, as a word of its own: its byte offset and text.
    fn next_at(&mut self) -> Option<(usize, &'static str)> {
        let bytes = self.folded;
        let mut i = self.from;
        while let Some(&b) = bytes.get(i) {
            let found = match b {
                b'/' => Some((i, "/")),
                b' ' => {
                    let rest = bytes.get(i + 1..).unwrap_or_default();
                    if rest.starts_with(b"or ") {
                        Some((i + 1, "or"))
                    } else if rest.starts_with(b"and ") {
                        Some((i + 1, "and"))
                    } else if rest.starts_with(b"& ") {
                        Some((i + 1, "&"))
                    } else {
                        None
                    }
                }
                _ => None,
            };
            if let Some((at, joiner)) = found {
                self.from = at + joiner.len();
                return Some((at, joiner));
            }
            i += 1;
        }
        self.from = bytes.len();
        None
    }
}

/// Whether a word ends at byte `at`: the text ends there or a character that is not a word character follows.
fn word_ends_at(folded: &str, at: usize) -> bool {
    folded.get(at..).is_some_and(|rest| !rest.chars().next().is_some_and(is_word_char))
}

/// The nearest char boundary at or before `at`.
fn floor_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest char boundary at or after `at`.
fn ceil_boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Whether a word ends a conjunct: a clause break or another joiner.
fn stops(folded: &str, (s, e): Word) -> bool {
    s == e || JOINERS.contains(&folded.get(s..e).unwrap_or_default())
}

/// The words joined by single spaces, as the folded aliases are written, into `out` (cleared first; one buffer
/// serves every candidate a shape tries).
fn join<'a>(folded: &str, words: impl Iterator<Item = &'a Word>, out: &mut String) {
    out.clear();
    for &(s, e) in words {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(folded.get(s..e).unwrap_or_default());
    }
}

/// The span from the first word's start to the last word's end.
fn span_of(words: &[Word]) -> Span {
    Span::new(words.first().map_or(0, |w| w.0), words.last().map_or(0, |w| w.1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(folded: &str) -> Vec<&str> {
        let mut words = Vec::new();
        push_words(folded, 0, &mut words);
        words.iter().map(|&(s, e)| &folded[s..e]).collect()
    }

    #[test]
    fn joiners_are_found_as_words() {
        let folded = "a or b and c/d & e or f";
        let mut joiners = Joiners::new(folded);
        let mut seen = Vec::new();
        while let Some((at, joiner)) = joiners.next_at() {
            assert_eq!(&folded[at..at + joiner.len()], joiner);
            seen.push(joiner);
        }
        assert_eq!(seen, ["or", "and", "/", "&", "or"]);
    }

    #[test]
    fn head_stems_are_found_anywhere_in_the_window() {
        for (window, expected) in [
            ("", false),
            ("nitrous oxide permits.", true),
            ("master electrician licence", true),
            ("cpr cards", true),
            ("type ratings", true),
            ("a cert", false),
            ("cloud endorsements", true),
            ("cars certified", false),
            ("inbox management", true),
            ("risk analysis", true),
            ("an analyst", false),
        ] {
            assert_eq!(has_head_stem(window), expected, "{window:?}");
            let by_contains = HEAD_STEM_SET.phrases().iter().any(|h| window.contains(h));
            assert_eq!(by_contains, expected, "{window:?}");
        }
        let stems = HEAD_STEM_SET.phrases();
        for head in HEADS {
            assert!(stems.iter().any(|stem| head.starts_with(stem)), "{head}: no stem");
        }
        for head in AREA_HEADS {
            assert!(stems.contains(head), "{head}: not a stem");
        }
    }

    #[test]
    fn ascii_words_are_the_words_by_char() {
        const PIECES: &[&str] = &[
            "aws", " ", "d1", ".", "1", "/", "&", "c++", "#", ",", ";", ":", "(", ")", "[", "]", "\n", "|", "_", "-",
            "x.y", "'", "+", "or", "..", "9",
        ];
        let mut state: u64 = 0xDA94_2042_E4DD_58B5;
        for _ in 0..5000 {
            let mut text = String::new();
            for _ in 0..12 {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
            }
            let (mut fast, mut reference) = (Vec::new(), Vec::new());
            push_ascii_words(text.as_bytes(), 7, &mut fast);
            push_words_by_char(&text, 7, &mut reference);
            assert_eq!(fast, reference, "{text:?}");
        }
    }

    #[test]
    fn words_keep_codes_and_breaks() {
        assert_eq!(texts("aws d1.1 or d1.5."), ["aws", "d1.1", "or", "d1.5", ""]);
        assert_eq!(texts("journeyman/master, c++"), ["journeyman", "/", "master", "", "c++"]);
    }

    #[test]
    fn conjuncts_stop_at_breaks_and_joiners() {
        let folded = "valid, ohio journeyman or master electrician license here";
        let mut words = Vec::new();
        push_words(folded, 0, &mut words);
        let j = words.iter().position(|&(s, e)| &folded[s..e] == "or").expect("joiner");
        let left: Vec<&str> = conjunct_before(folded, &words, j).iter().map(|&(s, e)| &folded[s..e]).collect();
        let right: Vec<&str> = conjunct_after(folded, &words, j).iter().map(|&(s, e)| &folded[s..e]).collect();
        assert_eq!(left, ["ohio", "journeyman"]);
        assert_eq!(right, ["master", "electrician", "license", "here"]);
    }
}
