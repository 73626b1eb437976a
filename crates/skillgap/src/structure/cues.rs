//! Cue lists read in one pass: which of a fixed list of ASCII phrases a lowercased sentence holds.
//!
//! The reading rules ask of every sentence that names a skill whether it holds any of a few dozen cue phrases
//! ("nice to have", "at least", "studying"...). A `str::contains` per phrase sets up a substring searcher and reads
//! the sentence again for each one; a [`CueSet`] reads the sentence once and compares a phrase only where its
//! first two bytes stand.

/// Up to 64 phrases of two bytes or more, indexed by their first two bytes.
#[derive(Debug)]
pub(crate) struct CueSet {
    phrases: &'static [&'static str],
    /// Per byte, the phrases whose first byte it is, one bit each.
    by_first: [u64; 256],
    /// Per byte, the phrases whose second byte it is: a place where neither bit is set cannot start a phrase, and
    /// a byte pair is rare enough that the phrase is compared at few places.
    by_second: [u64; 256],
}

impl CueSet {
    /// The set of `phrases` (at most 64, each two bytes or more), built at compile time.
    pub(crate) const fn new(phrases: &'static [&'static str]) -> CueSet {
        assert!(phrases.len() <= 64, "a cue set holds at most 64 phrases");
        let mut by_first = [0u64; 256];
        let mut by_second = [0u64; 256];
        let mut i = 0;
        while i < phrases.len() {
            let Some((phrase, _)) = phrases.split_at(i).1.split_first() else { break };
            let [first, second, ..] = *phrase.as_bytes() else { panic!("a cue phrase has two bytes or more") };
            // Under both ASCII cases, for `any_in_any_case`; a place where only the other case fits is compared
            // and found wanting, which is rare in the lowercased text the other queries read.
            let mut byte = 0;
            while byte < 256 {
                let lower = (byte as u8).to_ascii_lowercase();
                if lower == first.to_ascii_lowercase() {
                    if let Some(slot) = by_first.split_at_mut(byte).1.first_mut() {
                        *slot |= 1 << i;
                    }
                }
                if lower == second.to_ascii_lowercase() {
                    if let Some(slot) = by_second.split_at_mut(byte).1.first_mut() {
                        *slot |= 1 << i;
                    }
                }
                byte += 1;
            }
            i += 1;
        }
        CueSet { phrases, by_first, by_second }
    }

    /// The phrases that start at byte `i` of `bytes`.
    fn at<'s>(&'s self, bytes: &'s [u8], i: usize) -> impl Iterator<Item = &'static str> + 's {
        let (first, second) = (bytes.get(i).copied(), bytes.get(i + 1).copied());
        let mut candidates = match (first, second) {
            (Some(first), Some(second)) => {
                self.by_first.get(usize::from(first)).copied().unwrap_or(0)
                    & self.by_second.get(usize::from(second)).copied().unwrap_or(0)
            }
            _ => 0,
        };
        let rest = bytes.get(i..).unwrap_or_default();
        std::iter::from_fn(move || {
            while candidates != 0 {
                let k = candidates.trailing_zeros();
                candidates &= candidates - 1;
                let phrase = self.phrases.get(k as usize).copied().unwrap_or_default();
                if rest.starts_with(phrase.as_bytes()) {
                    return Some(phrase);
                }
            }
            None
        })
    }

    /// The phrases of the set.
    #[cfg(test)]
    pub(crate) fn phrases(&self) -> &'static [&'static str] {
        self.phrases
    }

    /// Whether `text` holds any of the phrases (`phrases.iter().any(|p| text.contains(p))`).
    pub(crate) fn any_in(&self, text: &str) -> bool {
        self.any_where(text, |bytes, i| self.at(bytes, i).next().is_some())
    }

    /// Whether a phrase starts at some byte `i` of `text` where `starts(bytes, i)` holds. One pass over the byte
    /// pairs, carrying each byte's first-byte bits to the next step: `starts` is asked only where both bytes fit,
    /// which is rare. Through `at` for every byte this cost 10 instructions a byte.
    fn any_where(&self, text: &str, starts: impl Fn(&[u8], usize) -> bool) -> bool {
        let bytes = text.as_bytes();
        let Some((&first, rest)) = bytes.split_first() else { return false };
        let bits = |table: &[u64; 256], byte: u8| table.get(usize::from(byte)).copied().unwrap_or(0);
        let mut firsts = bits(&self.by_first, first);
        for (i, &second) in rest.iter().enumerate() {
            if firsts & bits(&self.by_second, second) != 0 && starts(bytes, i) {
                return true;
            }
            firsts = bits(&self.by_first, second);
        }
        false
    }

    /// Whether `text.to_lowercase()` holds any of the phrases, which must be lowercase ASCII, when
    /// [`lowercases_to_ascii_alone`] holds for `text`: one pass over `text` as written, with no lowercased copy.
    ///
    /// A phrase of ASCII bytes can only match ASCII characters, which lowercase one to one, and no other
    /// character lowercases to ASCII (but the two that [`lowercases_to_ascii_alone`] rules out), so the phrase
    /// is in the lowercased text exactly where it is in `text` in any ASCII case.
    pub(crate) fn any_in_any_case(&self, text: &str) -> bool {
        self.any_where(text, |bytes, i| self.at_any_case(bytes, i))
    }

    /// Whether a phrase starts at byte `i` of `bytes`, in any ASCII case.
    fn at_any_case(&self, bytes: &[u8], i: usize) -> bool {
        let bits = |table: &[u64; 256], at: usize| {
            bytes.get(at).and_then(|&b| table.get(usize::from(b))).copied().unwrap_or(0)
        };
        let mut candidates = bits(&self.by_first, i) & bits(&self.by_second, i + 1);
        let rest = bytes.get(i..).unwrap_or_default();
        while candidates != 0 {
            let k = candidates.trailing_zeros();
            candidates &= candidates - 1;
            let phrase = self.phrases.get(k as usize).copied().unwrap_or_default().as_bytes();
            if rest.get(..phrase.len()).is_some_and(|r| r.eq_ignore_ascii_case(phrase)) {
                return true;
            }
        }
        false
    }

    /// The first place a phrase starts in `text`, with the least phrase that starts there (as
    /// `phrases.iter().filter_map(|p| text.find(p).map(|i| (i, *p))).min()`).
    pub(crate) fn first_in(&self, text: &str) -> Option<(usize, &'static str)> {
        let bytes = text.as_bytes();
        (0..bytes.len()).find_map(|i| self.at(bytes, i).min().map(|p| (i, p)))
    }

    /// The last place a phrase starts in `text`, with the greatest phrase that starts there (as
    /// `phrases.iter().filter_map(|p| text.rfind(p).map(|i| (i, *p))).max()`).
    pub(crate) fn last_in(&self, text: &str) -> Option<(usize, &'static str)> {
        let bytes = text.as_bytes();
        (0..bytes.len()).rev().find_map(|i| self.at(bytes, i).max().map(|p| (i, p)))
    }

    /// The last place a phrase ends in `text` (as `phrases.iter().filter_map(|p| text.rfind(p).map(|i| i +
    /// p.len())).max()`).
    pub(crate) fn last_end_in(&self, text: &str) -> Option<usize> {
        let bytes = text.as_bytes();
        let longest = self.phrases.iter().map(|p| p.len()).max().unwrap_or(0);
        let mut best: Option<usize> = None;
        for i in (0..bytes.len()).rev() {
            // No phrase starting here or before can end past a phrase found already.
            if best.is_some_and(|b| i + longest <= b) {
                break;
            }
            if let Some(end) = self.at(bytes, i).map(|p| i + p.len()).max() {
                best = Some(best.map_or(end, |b| b.max(end)));
            }
        }
        best
    }
}

/// Whether lowercasing `text` makes ASCII of no character but an ASCII one, which holds for every text without
/// the Kelvin sign or the capital I with a dot (the only other characters whose lowercase holds ASCII: see the
/// test). Such a text holds a lowercase ASCII phrase after `str::to_lowercase` exactly where it holds it in any
/// ASCII case before ([`CueSet::any_in_any_case`]).
pub(crate) fn lowercases_to_ascii_alone(text: &str) -> bool {
    text.is_ascii() || !text.contains(['\u{212A}', '\u{130}'])
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHRASES: &[&str] = &["nice to have", "a plus", "at least", "must ", "n't", "é ok", "ab"];

    #[test]
    fn each_query_agrees_with_substring_search() {
        const SET: CueSet = CueSet::new(PHRASES);
        for text in [
            "",
            "a",
            "python is a plus",
            "at least 3 years; must know sql",
            "nice to hav",
            "you mustn't",
            "must",
            "a pluS",
            "café ok, at leas",
            "aat least",
            "ab",
            "xab",
            "xa",
            "a plus or a plus, must  must ",
            "é ok",
        ] {
            assert_eq!(SET.any_in(text), PHRASES.iter().any(|p| text.contains(p)), "{text:?}");
            let first = PHRASES.iter().filter_map(|p| text.find(p).map(|i| (i, *p))).min();
            assert_eq!(SET.first_in(text), first, "{text:?}");
            let last = PHRASES.iter().filter_map(|p| text.rfind(p).map(|i| (i, *p))).max();
            assert_eq!(SET.last_in(text), last, "{text:?}");
            let last_end = PHRASES.iter().filter_map(|p| text.rfind(p).map(|i| i + p.len())).max();
            assert_eq!(SET.last_end_in(text), last_end, "{text:?}");
        }
    }

    #[test]
    fn ties_break_on_the_phrase() {
        // "not a" and "not a must" both start at 0: `min` picks the shorter, `max` the longer, as the tuple
        // comparisons over `str::find` did.
        const SET: CueSet = CueSet::new(&["not a must", "not a"]);
        assert_eq!(SET.first_in("not a must"), Some((0, "not a")));
        assert_eq!(SET.last_in("not a must"), Some((0, "not a must")));
        assert_eq!(SET.last_end_in("not a must"), Some(10));
    }

    #[test]
    fn only_two_non_ascii_characters_lowercase_to_ascii() {
        let to_ascii: Vec<char> = (0..=u32::from(char::MAX))
            .filter_map(char::from_u32)
            .filter(|c| !c.is_ascii() && c.to_lowercase().any(|l| l.is_ascii()))
            .collect();
        assert_eq!(to_ascii, ['\u{130}', '\u{212A}']);
        assert!(!lowercases_to_ascii_alone("5 \u{212A}m"));
        assert!(!lowercases_to_ascii_alone("\u{130}stanbul"));
        assert!(lowercases_to_ascii_alone("Caf\u{E9} \u{2022} NICE TO HAVE"));
    }

    #[test]
    fn any_case_agrees_with_lowercasing_first() {
        // The phrases of `PHRASES` but the non-ASCII one, which `any_in_any_case` does not take.
        const ASCII: CueSet = CueSet::new(&["nice to have", "a plus", "at least", "must ", "n't", "ab"]);
        let pieces = [
            "Nice", " to ", "HAVE", "a", " ", "Plus", "AT LEAST", "must", "N'T", "\u{C9}", "\u{2022}", "aB", "x",
            "\u{130}",
        ];
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..20_000 {
            let mut text = String::new();
            for _ in 0..(state % 9) {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                text.push_str(pieces[(state >> 33) as usize % pieces.len()]);
            }
            state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
            if !lowercases_to_ascii_alone(&text) {
                continue;
            }
            assert_eq!(ASCII.any_in_any_case(&text), ASCII.any_in(&text.to_lowercase()), "{text:?}");
        }
    }
}
