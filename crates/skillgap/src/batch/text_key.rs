//! The key batch finds repeated postings by: a hash of a posting's words, so that postings that differ only in
//! spacing or line breaks are one.
//!
//! Every posting's key is worked out while it is read, over text as long as the posting, so it is built for speed:
//! the text is read eight bytes at a time, and a lane of plain words and single spaces is hashed as it stands,
//! its spaces turned into the word separator on the way; only around other whitespace, runs of spaces and
//! non-ASCII characters is a character looked at on its own.

/// Identifies a posting's text for finding duplicates: two hashes of its words. (Two 64-bit hashes with
/// constants of their own make a false duplicate vanishingly unlikely.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextKey(u64, u64);

/// The [`TextKey`] of a posting's text: the hashes of its words (runs of characters that are not
/// `char::is_whitespace`, as `str::split_whitespace` finds them), each followed by `0xFF` (a byte UTF-8 never
/// uses). The words are never copied out: the bytes are hashed as they are read.
pub fn text_key(text: &str) -> TextKey {
    let bytes = text.as_bytes();
    let mut hasher = LaneHasher::default();
    // At the start, as after whitespace, more whitespace adds nothing.
    let mut after_space = true;
    let mut i = 0;
    while i < bytes.len() {
        if let Some(plain) = plain_run(bytes, i, after_space) {
            hasher.push_run(plain.words, plain.len);
            i += plain.len;
            if plain.len > 0 {
                after_space = plain.ends_in_space;
            }
            if plain.len == LANE {
                continue;
            }
        }
        let Some(&b) = bytes.get(i) else { break };
        let (len, space) = if b.is_ascii() {
            (1, matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r'))
        } else if may_begin_whitespace(b) {
            let c = text.get(i..).and_then(|rest| rest.chars().next());
            c.map_or((1, false), |c| (c.len_utf8(), c.is_whitespace()))
        } else {
            // Another lead byte, or a continuation byte: part of a word.
            (1, false)
        };
        if space {
            if !after_space {
                hasher.push_byte(WORD_END);
            }
            after_space = true;
        } else {
            for &b in bytes.get(i..i + len).unwrap_or_default() {
                hasher.push_byte(b);
            }
            after_space = false;
        }
        i += len;
    }
    if !after_space {
        hasher.push_byte(WORD_END);
    }
    let (first, second) = hasher.finish();
    TextKey(first, second)
}

/// Follows every word in the hashed stream.
const WORD_END: u8 = 0xFF;
/// Bytes read at a time, in the scan and in the hash.
const LANE: usize = 8;
/// Each byte's high bit.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// Each byte's low seven bits.
const LOW_BITS: u64 = 0x7F7F_7F7F_7F7F_7F7F;
/// A space in every byte.
const SPACES: u64 = 0x2020_2020_2020_2020;

/// The plain start of a lane, as it is hashed.
struct PlainRun {
    /// Its bytes, the first in the low byte, each space turned into [`WORD_END`], and zero past `len`.
    words: u64,
    /// How many bytes it holds, up to [`LANE`].
    len: usize,
    /// Whether its last byte was a space.
    ends_in_space: bool,
}

/// The bytes of the lane at `at` up to the first that is not plain: plain bytes are printable ASCII and single
/// spaces (none right after whitespace, `after_space`), whose canonical form is themselves with each space turned
/// into [`WORD_END`]. A control character (tabs and line breaks among them), a non-ASCII byte or the first space of
/// a run ends the run. `None` within the last eight bytes of the text.
fn plain_run(bytes: &[u8], at: usize, after_space: bool) -> Option<PlainRun> {
    let lane = bytes.get(at..at + LANE)?;
    let x = u64::from_le_bytes(lane.try_into().ok()?);
    // A byte below a space borrows in the subtraction and so sets its high bit, which `!x` keeps only for an
    // ASCII byte (a borrow only marks bytes above one already marked, so the lowest mark is exact); non-ASCII
    // bytes have their high bit set already.
    let unusual = (x.wrapping_sub(SPACES) & !x & HIGH_BITS) | (x & HIGH_BITS);
    // The high bit of each byte that is a space, exactly: a byte of `y` is zero only for a space, and adding
    // `0x7F` to its low bits sets the high bit of every other byte without carrying into the next.
    let y = x ^ SPACES;
    let spaces = !(((y & LOW_BITS) + LOW_BITS) | y) & HIGH_BITS;
    let run = spaces & (spaces >> 8);
    let leading = if after_space { spaces & 0x80 } else { 0 };
    let len = ((unusual | run | leading).trailing_zeros() / 8) as usize;
    let kept = if len == LANE { u64::MAX } else { (1u64 << (8 * len)) - 1 };
    let words = (x | ((spaces >> 7) * 0xFF)) & kept;
    let ends_in_space = len > 0 && (spaces >> (8 * len - 1)) & 1 != 0;
    Some(PlainRun { words, len, ends_in_space })
}

/// Whether `b` may be the first byte of a character that `char::is_whitespace` accepts: the ASCII ones, and the
/// lead bytes of U+0085 and U+00A0 (`C2`), U+1680 (`E1`), U+2000 to U+205F (`E2`) and U+3000 (`E3`).
fn may_begin_whitespace(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r' | 0xC2 | 0xE1 | 0xE2 | 0xE3)
}

/// Seeds and multipliers of the two hashes: digits of pi, odd and with bits well spread, as wyhash and foldhash
/// take theirs.
const SEEDS: [u64; 2] = [0x243f_6a88_85a3_08d3, 0x1319_8a2e_0370_7345];
const MULTIPLIERS: [u64; 2] = [0xa409_3822_299f_31d1, 0x082e_fa98_ec4e_6c89];

/// The full 128-bit product of `x` and `y`, folded to 64 bits: the mixing step of wyhash and foldhash.
fn folded_multiply(x: u64, y: u64) -> u64 {
    let product = u128::from(x) * u128::from(y);
    (product as u64) ^ ((product >> 64) as u64)
}

/// Two 64-bit hashes of a stream of bytes, each a chain of folded multiplications over its 8-byte words with
/// constants of its own, the zero-padded tail and then the length mixed in at the end. Keyless, and a few
/// instructions per word: SipHash and FxHash over the words cost as much as reading the posting.
#[derive(Debug)]
struct LaneHasher {
    first: u64,
    second: u64,
    /// Bytes not yet hashed, the first in the low byte.
    pending: u64,
    pending_len: u32,
    len: u64,
}

impl Default for LaneHasher {
    fn default() -> LaneHasher {
        LaneHasher { first: SEEDS[0], second: SEEDS[1], pending: 0, pending_len: 0, len: 0 }
    }
}

impl LaneHasher {
    fn mix(&mut self, word: u64) {
        self.first = folded_multiply(self.first ^ word, MULTIPLIERS[0]);
        self.second = folded_multiply(self.second ^ word.rotate_left(32), MULTIPLIERS[1]);
    }

    /// `len` bytes (up to [`LANE`]), the first in the low byte, zero above them.
    fn push_run(&mut self, run: u64, len: usize) {
        if len == 0 {
            return;
        }
        self.len += len as u64;
        // The pending bytes, then the run's first ones; what does not fit waits.
        let shift = 8 * self.pending_len;
        let joined = self.pending | (run << shift);
        let total = self.pending_len as usize + len;
        if total < LANE {
            self.pending = joined;
            self.pending_len = total as u32;
            return;
        }
        self.mix(joined);
        self.pending = if shift == 0 { 0 } else { run >> (64 - shift) };
        self.pending_len = (total - LANE) as u32;
    }

    fn push_byte(&mut self, b: u8) {
        self.len += 1;
        self.pending |= u64::from(b) << (8 * self.pending_len);
        self.pending_len += 1;
        if self.pending_len as usize == LANE {
            let word = std::mem::take(&mut self.pending);
            self.pending_len = 0;
            self.mix(word);
        }
    }

    fn finish(mut self) -> (u64, u64) {
        let tail = self.pending;
        self.mix(tail);
        (folded_multiply(self.first ^ self.len, SEEDS[1]), folded_multiply(self.second ^ self.len, SEEDS[0]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The words of `text`, each followed by `0xFF`: the stream [`text_key`] hashes, written out.
    fn words_joined(text: &str) -> Vec<u8> {
        text.split_whitespace().flat_map(|w| w.bytes().chain([WORD_END])).collect()
    }

    /// The two hashes of `bytes` in the plainest way: whole 8-byte words, then the zero-padded tail, then the
    /// length.
    fn hash_pair(bytes: &[u8]) -> (u64, u64) {
        let (mut first, mut second) = (SEEDS[0], SEEDS[1]);
        let mut mix = |word: u64| {
            first = folded_multiply(first ^ word, MULTIPLIERS[0]);
            second = folded_multiply(second ^ word.rotate_left(32), MULTIPLIERS[1]);
        };
        let mut lanes = bytes.chunks_exact(LANE);
        for lane in &mut lanes {
            mix(u64::from_le_bytes(lane.try_into().unwrap()));
        }
        let mut tail = [0u8; LANE];
        tail[..lanes.remainder().len()].copy_from_slice(lanes.remainder());
        mix(u64::from_le_bytes(tail));
        let len = bytes.len() as u64;
        (folded_multiply(first ^ len, SEEDS[1]), folded_multiply(second ^ len, SEEDS[0]))
    }

    const TEXTS: &[&str] = &[
        "",
        "  ",
        "one",
        " two  words\r\n",
        "tab\tand\u{85}next\u{2028}line",
        "é\u{A0}ü x",
        "vt\u{B}ff\u{C}fs\u{1C}us\u{1F}",
        "\u{3000}ideographic\u{205F}",
        "a longer line of words, well past one lane\tof eight bytes\u{2003}and\u{1680}more\u{0}nul ",
        "Ünïcode wörds ŝpread över lanes: naïve café résumé \u{20AC}100 \u{E000}\u{1F600} end",
        "Staff Accountant (Manchester)\nEmployer: Halcyon Partners\n\nWHO WE ARE\nWe run on a simple idea: treat \
         others the way you would like to be treated.  Two spaces.   Three.\n- Bullet one\r\n- Bullet two ",
        "1234567 1234567  12345678 123456789        x",
        "        leading spaces, a whole lane of them, and trailing ones                ",
    ];

    #[test]
    fn the_key_is_the_hash_of_the_words_each_followed_by_ff() {
        for text in TEXTS {
            let (first, second) = hash_pair(&words_joined(text));
            assert_eq!(text_key(text), TextKey(first, second), "{text:?}");
            // Every starting offset, so that lanes fall everywhere.
            for (at, _) in text.char_indices() {
                let rest = &text[at..];
                let (first, second) = hash_pair(&words_joined(rest));
                assert_eq!(text_key(rest), TextKey(first, second), "{rest:?}");
            }
        }
    }

    #[test]
    fn text_keys_ignore_spacing_only() {
        assert_eq!(text_key("Python and\r\n SQL"), text_key("Python  and SQL\n"));
        assert_ne!(text_key("Python and SQL"), text_key("Python or SQL"));
        assert_ne!(text_key("ab c"), text_key("a bc"));
        assert_eq!(text_key("Ünïcode\u{00A0}words\u{3000} é"), text_key("Ünïcode words é"));
        assert_ne!(text_key("a b"), text_key("a\u{200B}b"), "a zero-width space is not whitespace");
        assert_eq!(text_key("eight by tes and more"), text_key("eight\tby\ntes  and more "));
        // Texts that differ only past the last full lane, or by a trailing zero byte.
        assert_ne!(text_key("abcdefgh ij"), text_key("abcdefgh ik"));
        assert_ne!(text_key("abcdefg"), text_key("abcdefg\0"));
    }

    #[test]
    fn plain_lanes_are_printable_ascii_and_single_spaces() {
        let plain = |text: &str, after_space: bool| {
            plain_run(text.as_bytes(), 0, after_space).filter(|r| r.len == LANE).map(|r| r.words)
        };
        let spaced = |text: &str| {
            let bytes: Vec<u8> = text.bytes().map(|b| if b == b' ' { WORD_END } else { b }).collect();
            u64::from_le_bytes(bytes.try_into().unwrap())
        };
        assert_eq!(plain("abcdefgh", true), Some(spaced("abcdefgh")));
        assert_eq!(plain("ab cd ef", false), Some(spaced("ab cd ef")));
        assert!(plain_run(b"abcdefg ", 0, false).is_some_and(|run| run.ends_in_space));
        assert!(plain_run(b" abcdefg", 0, false).is_some_and(|run| !run.ends_in_space));
        // A run ends before the first byte that is not plain.
        let run = |text: &[u8], after_space: bool| plain_run(text, 0, after_space).map(|r| (r.len, r.ends_in_space));
        assert_eq!(run(b"ab \tcdef", false), Some((3, true)));
        assert_eq!(run(b"abc  def", false), Some((3, false)));
        assert_eq!(run(b" abcdefg", true), Some((0, false)));
        assert_eq!(run("abcdéfgh".as_bytes(), false), Some((4, false)));
        assert_eq!(plain_run(b"ab\ncdefg", 0, false).map(|r| r.words), Some(u64::from(b'a') | u64::from(b'b') << 8));
        for unusual in ["ab  cdef", " abcdefg", "abc\tdefg", "abcdefg\n", "abcdéf", "short"] {
            assert_eq!(plain(unusual, true), None, "{unusual:?}");
        }
        assert!(plain(" abcdefg", false).is_some(), "a single space after a word");
        // Every byte value, at every position of a lane.
        for b in 0..=u8::MAX {
            for at in 0..LANE {
                let mut bytes = *b"abcdefgh";
                bytes[at] = b;
                let expected = if (b' '..=0x7F).contains(&b) { LANE } else { at };
                assert_eq!(plain_run(&bytes, 0, false).map(|r| r.len), Some(expected), "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn every_whitespace_character_begins_with_a_byte_no_plain_lane_holds() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32).filter(|c| c.is_whitespace()) {
            let mut buf = [0; 4];
            let first = c.encode_utf8(&mut buf).as_bytes()[0];
            assert!(may_begin_whitespace(first), "{c:?}");
            assert!(first <= b' ' || !first.is_ascii(), "{c:?}");
        }
    }

    #[test]
    fn the_two_hashes_differ_and_see_every_byte() {
        let base = b"twenty-four bytes, three lanes".to_vec();
        let (a, b) = hash_pair(&base);
        assert_ne!(a, b);
        for i in 0..base.len() {
            let mut changed = base.clone();
            changed[i] ^= 1;
            let (x, y) = hash_pair(&changed);
            assert!(x != a && y != b, "byte {i}");
        }
        assert_ne!(hash_pair(&base[..base.len() - 1]), hash_pair(&base));
        // Bytes pushed one at a time, or in runs of any length at any offset, hash as the plain version does.
        for split in 0..base.len() {
            for run_len in 0..=LANE {
                let mut hasher = LaneHasher::default();
                base[..split].iter().for_each(|&b| hasher.push_byte(b));
                let mut runs = base[split..].chunks_exact(run_len.max(1));
                for run in &mut runs {
                    let mut word = [0u8; LANE];
                    word[..run.len()].copy_from_slice(run);
                    hasher.push_run(u64::from_le_bytes(word), run.len());
                }
                runs.remainder().iter().for_each(|&b| hasher.push_byte(b));
                assert_eq!(hasher.finish(), hash_pair(&base), "{split} {run_len}");
            }
        }
    }
}
