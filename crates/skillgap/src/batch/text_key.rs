//! The key batch finds repeated postings by: a hash of a posting's words, so that postings that differ only in
//! spacing or line breaks are one.
//!
//! Every posting's key is worked out while it is read, over text as long as the posting, so both steps are built
//! for speed: the words are found eight bytes at a time, and hashed eight bytes at a time.

/// Identifies a posting's text for finding duplicates: two hashes of its words. (Two 64-bit hashes with
/// constants of their own make a false duplicate vanishingly unlikely.)
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TextKey(u64, u64);

/// The [`TextKey`] of a posting's text.
///
/// The words (runs of characters that are not `char::is_whitespace`, as `str::split_whitespace` finds them) are
/// written once into one buffer, each followed by `0xFF` (a byte UTF-8 never uses), and both hashes read that
/// buffer in one pass: hashing word by word cost more than scoring's alias scan.
pub fn text_key(text: &str) -> TextKey {
    let (first, second) = hash_pair(&words_joined(text));
    TextKey(first, second)
}

/// Bytes read at a time, in the scan for words and in the hash.
const LANE: usize = 8;
/// Each byte's high bit.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;
/// `!` (the first printable ASCII character) in every byte.
const PRINTABLE_FLOOR: u64 = 0x2121_2121_2121_2121;

/// The words of `text`, each followed by `0xFF`. The text is scanned for bytes that may begin whitespace (a
/// space or control character, or any non-ASCII byte), eight at a time; only at such a byte is a character
/// looked at, and each word is copied whole. (Walking `char_indices` and pushing character by character cost
/// twice as much as a byte loop, and the byte loop four times as much as this.)
fn words_joined(text: &str) -> Vec<u8> {
    const END: u8 = 0xFF;
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(text.len() + 1);
    let mut word_start: Option<usize> = None;
    let mut i = 0;
    loop {
        let stop = next_stop(bytes, i);
        if stop > i {
            word_start.get_or_insert(i);
        }
        i = stop;
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
        match (space, word_start) {
            (true, Some(start)) => {
                out.extend_from_slice(bytes.get(start..i).unwrap_or_default());
                out.push(END);
                word_start = None;
            }
            (false, None) => word_start = Some(i),
            _ => {}
        }
        i += len;
    }
    if let Some(start) = word_start {
        out.extend_from_slice(bytes.get(start..).unwrap_or_default());
        out.push(END);
    }
    out
}

/// The position of the first byte from `from` on that is below `!` or not ASCII (`bytes.len()` when there is
/// none): every whitespace character begins with such a byte.
fn next_stop(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while let Some(lane) = bytes.get(i..i + LANE) {
        let x = u64::from_le_bytes(lane.try_into().unwrap_or_default());
        // A byte below `!` borrows in the subtraction and so sets its high bit, which `!x` keeps only for an ASCII
        // byte; a borrow can only mark bytes above one already marked, so the lowest mark is exact. Non-ASCII
        // bytes have their high bit set already.
        let stops = (x.wrapping_sub(PRINTABLE_FLOOR) & !x & HIGH_BITS) | (x & HIGH_BITS);
        if stops != 0 {
            return i + (stops.trailing_zeros() / 8) as usize;
        }
        i += LANE;
    }
    while bytes.get(i).is_some_and(|&b| b > b' ' && b.is_ascii()) {
        i += 1;
    }
    i
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

/// Two 64-bit hashes of `bytes`, each a chain of folded multiplications over its 8-byte words with constants of
/// its own, the length mixed in at the start. Two keyless hashes of a few instructions per word: SipHash and
/// FxHash over the words cost as much as reading the posting.
fn hash_pair(bytes: &[u8]) -> (u64, u64) {
    let len = bytes.len() as u64;
    let [mut first, mut second] = SEEDS.map(|seed| seed ^ len);
    let mut mix = |word: u64| {
        first = folded_multiply(first ^ word, MULTIPLIERS[0]);
        second = folded_multiply(second ^ word.rotate_left(32), MULTIPLIERS[1]);
    };
    let mut lanes = bytes.chunks_exact(LANE);
    for lane in &mut lanes {
        mix(u64::from_le_bytes(lane.try_into().unwrap_or_default()));
    }
    let mut tail = [0u8; LANE];
    for (slot, &b) in tail.iter_mut().zip(lanes.remainder()) {
        *slot = b;
    }
    mix(u64::from_le_bytes(tail));
    (folded_multiply(first, SEEDS[1]), folded_multiply(second, SEEDS[0]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_keys_ignore_spacing_only() {
        assert_eq!(text_key("Python and\r\n SQL"), text_key("Python  and SQL\n"));
        assert_ne!(text_key("Python and SQL"), text_key("Python or SQL"));
        assert_ne!(text_key("ab c"), text_key("a bc"));
        assert_eq!(text_key("Ünïcode\u{00A0}words\u{3000} é"), text_key("Ünïcode words é"));
        assert_ne!(text_key("a b"), text_key("a\u{200B}b"), "a zero-width space is not whitespace");
        // Texts that differ only past the last full lane, or by a trailing zero byte.
        assert_ne!(text_key("abcdefgh ij"), text_key("abcdefgh ik"));
        assert_ne!(text_key("abcdefg"), text_key("abcdefg\0"));
    }

    #[test]
    fn words_are_those_split_whitespace_finds() {
        for text in [
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
        ] {
            let expected: Vec<u8> = text.split_whitespace().flat_map(|w| w.bytes().chain([0xFF])).collect();
            assert_eq!(words_joined(text), expected, "{text:?}");
        }
    }

    #[test]
    fn the_scan_stops_at_the_first_space_control_or_non_ascii_byte() {
        let text = "abcdefghijklmnop q";
        for from in 0..text.len() {
            let expected = (from..text.len()).find(|&i| text.as_bytes()[i] <= b' ').unwrap_or(text.len());
            assert_eq!(next_stop(text.as_bytes(), from), expected, "{from}");
        }
        for (text, stop) in [("abcdefgh\u{1}", 8), ("abcdefghé", 8), ("!~!~!~!~!~", 10), ("a\u{7F}", 2), ("", 0)] {
            assert_eq!(next_stop(text.as_bytes(), 0), stop, "{text:?}");
        }
        // Every byte value, at every position of a lane.
        for b in 0..=u8::MAX {
            for at in 0..LANE + 1 {
                let mut bytes = vec![b'x'; LANE * 2];
                bytes[at] = b;
                let expected = if b <= b' ' || !b.is_ascii() { at } else { bytes.len() };
                assert_eq!(next_stop(&bytes, 0), expected, "{b:#x} at {at}");
            }
        }
    }

    #[test]
    fn every_whitespace_character_begins_with_a_byte_the_scan_stops_at() {
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
    }
}
