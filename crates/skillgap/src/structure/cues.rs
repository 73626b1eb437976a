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
            if let Some(slot) = by_first.split_at_mut(first as usize).1.first_mut() {
                *slot |= 1 << i;
            }
            if let Some(slot) = by_second.split_at_mut(second as usize).1.first_mut() {
                *slot |= 1 << i;
            }
            i += 1;
        }
        CueSet { phrases, by_first, by_second }
    }

    /// Whether `text` holds any of the phrases (`phrases.iter().any(|p| text.contains(p))`).
    pub(crate) fn any_in(&self, text: &str) -> bool {
        let bytes = text.as_bytes();
        bytes.windows(2).enumerate().any(|(i, pair)| {
            let [first, second] = *pair else { return false };
            let mut candidates = self.by_first.get(usize::from(first)).copied().unwrap_or(0)
                & self.by_second.get(usize::from(second)).copied().unwrap_or(0);
            while candidates != 0 {
                let k = candidates.trailing_zeros();
                candidates &= candidates - 1;
                let phrase = self.phrases.get(k as usize).map_or(&[][..], |p| p.as_bytes());
                if bytes.get(i..).is_some_and(|rest| rest.starts_with(phrase)) {
                    return true;
                }
            }
            false
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const PHRASES: &[&str] = &["nice to have", "a plus", "at least", "must ", "n't", "é ok", "ab"];

    #[test]
    fn any_in_agrees_with_contains() {
        const SET: CueSet = CueSet::new(PHRASES);
        let set = &SET;
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
        ] {
            let expected = PHRASES.iter().any(|p| text.contains(p));
            assert_eq!(set.any_in(text), expected, "{text:?}");
            for phrase in PHRASES {
                let one: &'static [&'static str] = std::slice::from_ref(phrase);
                assert_eq!(CueSet::new(one).any_in(text), text.contains(phrase), "{text:?} {phrase:?}");
            }
        }
    }
}
