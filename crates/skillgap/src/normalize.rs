//! Normalisation: compatibility decomposition, diacritic and case folding, whitespace folding, with a map back
//! to the original byte offsets.
//!
//! Matching runs on the folded text; every mention is reported in offsets of the original text. Punctuation is
//! kept as it is, so tokens such as `C++`, `C#`, `.NET`, `Node.js`, `CI/CD` and `A/B testing` survive.

use unicode_normalization::char::{decompose_compatible, is_combining_mark};

use crate::span::Span;

/// Text folded for matching, with the original byte offset of every folded byte.
#[derive(Debug, Default, Clone)]
pub struct Normalized {
    text: String,
    /// Where each folded byte came from, as runs in folded order (see [`Run`]): over most text, folding only
    /// lowercases, so one run covers everything between two whitespace runs or two non-ASCII characters. A
    /// four-byte offset per folded byte took 4 bytes of memory per input byte: 400 MB for a 100 MB document.
    runs: Vec<Run>,
}

/// A stretch of folded text and where it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Run {
    /// The folded offset where the run starts.
    folded: u32,
    /// The original offset of the character that produced its first byte.
    original: u32,
    /// Whether each folded byte comes from the original byte at the same distance (folded characters as long as
    /// the characters they fold, as lowercasing ASCII is). Otherwise every byte of the run comes from the one
    /// character at `original` (an expansion such as `ﬁ` to `fi`, or `É` to `e`).
    parallel: bool,
}

impl Normalized {
    /// Folds `input` (see the module docs).
    pub fn new(input: &str) -> Normalized {
        let mut normalized = Normalized::default();
        normalized.refill(input);
        normalized
    }

    /// Folds `input` into this value, reusing its buffers.
    pub fn refill(&mut self, input: &str) {
        // Folded as bytes and checked once at the end: a `String::push` per byte cost more than the folding.
        let mut out = std::mem::take(&mut self.text).into_bytes();
        out.clear();
        out.reserve(input.len());
        self.runs.clear();
        let mut folder = Folder { out, runs: &mut self.runs, pending_space: None };
        let bytes = input.as_bytes();
        // Whether the previous byte was an ASCII byte written in place, so that the current run already predicts
        // where the next one comes from.
        let mut in_run = false;
        let mut at = 0;
        loop {
            if in_run {
                // Eight bytes at a time while they fold in place (see `fold_in_place`): most of a posting.
                while let Some(lowered) = bytes.get(at..at + CHUNK).and_then(fold_in_place) {
                    folder.out.extend_from_slice(&lowered);
                    at += CHUNK;
                }
            }
            let Some(&byte) = bytes.get(at) else { break };
            let offset = at as u32;
            // Most text is ASCII: fold it a byte at a time, without decoding characters. The same steps as
            // `Folder::fold_char`, which a test checks, with `map` called only where a run may break: once a byte
            // has been mapped in place, the next byte's origin follows from the run, so `map` would change nothing.
            if byte.is_ascii() {
                at += 1;
                if is_ascii_space(byte) {
                    in_run = false;
                    if folder.pending_space.is_none() && !folder.out.is_empty() {
                        folder.pending_space = Some(Pending { at: offset, len: 1 });
                    }
                    continue;
                }
                if let Some(space) = folder.pending_space.take() {
                    folder.map(1, space.at, space.len);
                    folder.out.push(b' ');
                    in_run = false;
                }
                if !in_run {
                    folder.map(1, offset, 1);
                    in_run = true;
                }
                folder.out.push(byte.to_ascii_lowercase());
                continue;
            }
            in_run = false;
            let Some(c) = input.get(at..).and_then(|rest| rest.chars().next()) else { break };
            at += c.len_utf8();
            folder.fold_char(c, Pending { at: offset, len: c.len_utf8() as u8 });
        }
        // Only whole characters were written, so this never fails; were it to, the text would still be valid.
        self.text =
            String::from_utf8(folder.out).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    }

    /// The original offset of the character that produced folded byte `i`; past the folded text, `end`.
    fn origin(&self, original: &str, i: usize) -> usize {
        if i >= self.text.len() {
            return original.len();
        }
        let after = self.runs.partition_point(|run| run.folded as usize <= i);
        let Some(run) = after.checked_sub(1).and_then(|r| self.runs.get(r)) else { return 0 };
        let start = run.original as usize;
        if !run.parallel {
            return start;
        }
        // Inside a multi-byte character, its start: folded and original characters have the same lengths here.
        let mut at = start + (i - run.folded as usize);
        while at > start && !original.is_char_boundary(at) {
            at -= 1;
        }
        at
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a folded span back to the original text. `original` must be the text this value was built from.
    ///
    /// The end is exclusive and covers the whole original character that produced the last folded byte.
    pub fn original_span(&self, original: &str, folded: Span) -> Span {
        // A folded span always lies within the folded text, whose every offset has an origin; its end, and
        // anything past it, maps to the original's end.
        let original_start = self.origin(original, folded.start);
        if folded.is_empty() {
            return Span::new(original_start, original_start);
        }
        let last = self.origin(original, folded.end - 1);
        let last_len = original.get(last..).and_then(|rest| rest.chars().next()).map_or(0, char::len_utf8);
        Span::new(original_start, last + last_len)
    }
}

/// The ASCII bytes that are whitespace to `char::is_whitespace` (`u8::is_ascii_whitespace` leaves out the vertical
/// tab).
fn is_ascii_space(byte: u8) -> bool {
    // Tab, line feed, vertical tab, form feed and carriage return are 9 to 13.
    byte == b' ' || (b'\t'..=b'\r').contains(&byte)
}

/// The folded text being written by [`Normalized::refill`], as bytes, with its runs and the whitespace not yet
/// written (a run of whitespace becomes one space, written only before the next character).
struct Folder<'a> {
    out: Vec<u8>,
    runs: &'a mut Vec<Run>,
    pending_space: Option<Pending>,
}

impl Folder<'_> {
    /// Folds one character that came from `source` (any character; [`Normalized::refill`] folds ASCII itself and
    /// only the rest here).
    fn fold_char(&mut self, c: char, source: Pending) {
        if c.is_whitespace() {
            if self.pending_space.is_none() && !self.out.is_empty() {
                self.pending_space = Some(source);
            }
            return;
        }
        if is_invisible(c) {
            return;
        }
        if let Some(mapped) = fold_punctuation(c) {
            self.push_after_space(mapped, source);
        } else {
            let mut folded = Folded::default();
            decompose_compatible(c, |d| {
                if is_combining_mark(d) {
                    return;
                }
                if d.is_ascii() {
                    folded.push(d.to_ascii_lowercase());
                } else if let Some(mapped) = fold_punctuation(d) {
                    folded.push(mapped);
                } else {
                    d.to_lowercase().for_each(|lower| folded.push(lower));
                }
            });
            // A decomposition may hold a space (U+00A8 is a space and a combining diaeresis), folded like any
            // other space, so that folding folded text changes nothing; one that is only combining marks adds
            // nothing, not even the space before it.
            match folded.as_str(c) {
                Some(text) => text.chars().for_each(|f| self.push_after_space(f, source)),
                // A character that expands beyond the cap (U+FDFA: 3 bytes to 33) stays itself.
                None => c.to_lowercase().for_each(|lower| self.push_after_space(lower, source)),
            }
        }
    }

    /// Pushes a folded character: a space becomes the pending space (written only before the next character), and
    /// any other character writes the pending space first.
    fn push_after_space(&mut self, c: char, source: Pending) {
        if c.is_whitespace() {
            if self.pending_space.is_none() && !self.out.is_empty() {
                self.pending_space = Some(source);
            }
            return;
        }
        if let Some(space) = self.pending_space.take() {
            self.map(1, space.at, space.len);
            self.out.push(b' ');
        }
        self.map(c.len_utf8(), source.at, source.len);
        let mut buffer = [0; 4];
        self.out.extend_from_slice(c.encode_utf8(&mut buffer).as_bytes());
    }

    /// Records that the next `len` folded bytes come from the original character of `original_len` bytes at
    /// `original`: the current run goes on when it predicts exactly that, else a new one starts.
    fn map(&mut self, len: usize, original: u32, original_len: u8) {
        let folded = self.out.len() as u32;
        let parallel = len == usize::from(original_len);
        if let Some(last) = self.runs.last() {
            let goes_on = if last.parallel {
                parallel && last.original + (folded - last.folded) == original
            } else {
                // Another piece of the same expanded character ("ﬁ": 'f', then 'i').
                last.original == original
            };
            if goes_on {
                return;
            }
        }
        self.runs.push(Run { folded, original, parallel });
    }
}

/// The bytes [`fold_in_place`] reads at once.
const CHUNK: usize = 8;

/// `chunk` lowercased, when every byte of it folds to itself or its lowercase at the same distance, whatever came
/// before, given that the byte before it did: printable ASCII and single spaces, with no space last (a space at
/// the end of the text, or before more whitespace, folds otherwise). `None` otherwise, or when `chunk` is not
/// [`CHUNK`] bytes. The tests for all eight bytes at once, on a `u64`, are the usual bit tricks: adding a byte
/// constant to each byte sets its high bit exactly when the byte is at least some bound, and no byte carries into
/// the next one because every byte is below 0x80.
fn fold_in_place(chunk: &[u8]) -> Option<[u8; CHUNK]> {
    const ONES: u64 = u64::from_le_bytes([1; CHUNK]);
    const HIGH: u64 = ONES * 0x80;
    let x = u64::from_le_bytes(chunk.try_into().ok()?);
    // ASCII; none below the space (the high bit of `x + (0x80 - 0x20)`); none above '~' (`x + 1` stays below 0x80).
    if x & HIGH != 0 || (x + ONES * (0x80 - 0x20)) & HIGH != HIGH || (x + ONES) & HIGH != 0 {
        return None;
    }
    // The spaces: bytes that are zero after XOR with spaces (the exact zero-byte test).
    let unspaced = x ^ (ONES * u64::from(b' '));
    let spaces = !(((unspaced & !HIGH) + !HIGH) | unspaced | !HIGH);
    // Two spaces in a row, or a space last (little-endian: the last byte is the highest).
    if spaces & (spaces >> 8) != 0 || spaces >> 56 != 0 {
        return None;
    }
    // The capitals: at least 'A' and not above 'Z'; each gets 0x20 added (its high bit shifted down by 2).
    let at_least_a = x + ONES * (0x80 - u64::from(b'A'));
    let above_z = x + ONES * (0x80 - u64::from(b'Z') - 1);
    let capitals = at_least_a & !above_z & HIGH;
    Some((x | (capitals >> 2)).to_le_bytes())
}

/// The original character a folded character comes from: its offset and length in bytes.
#[derive(Debug, Clone, Copy)]
struct Pending {
    at: u32,
    len: u8,
}

/// The most bytes one character may fold to, beyond its own length: ligatures (`ﬁ`), units (`㎏`), Roman
/// numerals (`Ⅻ`) and fractions (`½`) fit; U+FDFA, which decomposes to 18 Arabic letters (33 bytes, with a
/// 4-byte offset each), does not. Without a cap, 20 MB of it took 1.08 GB to fold.
const EXPANSION_MAX_EXTRA: usize = 4;

/// One character's folded form, gathered before it is kept, so that an expansion past the cap is never stored.
#[derive(Default)]
struct Folded {
    bytes: [u8; 4 + EXPANSION_MAX_EXTRA],
    len: usize,
    over: bool,
}

impl Folded {
    fn push(&mut self, c: char) {
        let end = self.len + c.len_utf8();
        match self.bytes.get_mut(self.len..end) {
            Some(slot) if !self.over => {
                c.encode_utf8(slot);
                self.len = end;
            }
            _ => self.over = true,
        }
    }

    /// The folded text of `original`, or `None` when it grew more than [`EXPANSION_MAX_EXTRA`] bytes.
    fn as_str(&self, original: char) -> Option<&str> {
        if self.over || self.len > original.len_utf8() + EXPANSION_MAX_EXTRA {
            return None;
        }
        std::str::from_utf8(self.bytes.get(..self.len)?).ok()
    }
}

/// Folds a short term (an alias, a query) the same way as [`Normalized`] folds a document, with surrounding
/// spaces trimmed.
pub fn fold(term: &str) -> String {
    let term = term.trim();
    if term.is_ascii() {
        // The common case, without the offset map: lowercase and fold whitespace runs.
        let mut out = String::with_capacity(term.len());
        let mut space = false;
        for b in term.bytes() {
            // `char::is_whitespace`, as `Normalized` uses: `u8::is_ascii_whitespace` leaves out the vertical tab.
            if (b as char).is_whitespace() {
                space = true;
                continue;
            }
            if space && !out.is_empty() {
                out.push(' ');
            }
            space = false;
            out.push(b.to_ascii_lowercase() as char);
        }
        return out;
    }
    let normalized = Normalized::new(term);
    normalized.text.trim_end().to_owned()
}

/// Zero-width and formatting characters that must not split or join words: the soft hyphen, zero-width
/// spaces and joiners, the bidi marks (U+061C, U+200E/F), embeddings and overrides (U+202A-U+202E) and isolates
/// (U+2066-U+2069), the invisible operators (U+2060-U+2064), the deprecated format characters (U+206A-U+206F)
/// and the byte order mark. Text pasted from right-to-left pages or word processors carries them inside words.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
    )
}

/// Typographic punctuation that people paste from word processors, folded to its ASCII form.
fn fold_punctuation(c: char) -> Option<char> {
    match c {
        '\u{2010}'..='\u{2015}' | '\u{2212}' => Some('-'),
        '\u{2018}' | '\u{2019}' | '\u{201B}' | '\u{2032}' => Some('\''),
        '\u{201C}' | '\u{201D}' | '\u{201F}' | '\u{2033}' => Some('"'),
        '\u{2022}' | '\u{00B7}' | '\u{2023}' | '\u{25AA}' | '\u{25CF}' => Some('*'),
        _ => None,
    }
}

/// Whether `c` continues a word (so a match may not start or end next to it).
pub(crate) fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        name: &'static str,
        input: &'static str,
        folded: &'static str,
    }

    const CASES: &[Case] = &[
        Case { name: "ascii case", input: "Python and SQL", folded: "python and sql" },
        Case { name: "c plus plus", input: "C++ and C#", folded: "c++ and c#" },
        Case { name: "dotnet", input: ".NET Core", folded: ".net core" },
        Case { name: "node", input: "Node.js, CI/CD", folded: "node.js, ci/cd" },
        Case { name: "ab testing", input: "A/B testing", folded: "a/b testing" },
        Case { name: "whitespace runs", input: "  machine\r\n\t learning  ", folded: "machine learning" },
        Case { name: "nbsp", input: "Power\u{00A0}BI", folded: "power bi" },
        Case { name: "fullwidth", input: "ＰＹＴＨＯＮ", folded: "python" },
        Case { name: "zero width", input: "Kuber\u{200B}netes", folded: "kubernetes" },
        Case { name: "diacritics", input: "Résumé café", folded: "resume cafe" },
        Case { name: "typographic", input: "don\u{2019}t \u{2013} ok", folded: "don't - ok" },
        Case { name: "ligature", input: "ﬁnance", folded: "finance" },
        Case { name: "rtl", input: "\u{202B}عربي", folded: "عربي" },
        // Regression: the bidi isolates were kept, so "Kuber\u{2069}netes" was not Kubernetes.
        Case { name: "first strong isolate", input: "Kuber\u{2068}netes", folded: "kubernetes" },
        Case { name: "pop directional isolate", input: "Kuber\u{2069}netes", folded: "kubernetes" },
        Case { name: "isolates around", input: "\u{2066}Go\u{2069} \u{2067}SQL\u{2069}", folded: "go sql" },
        Case { name: "lrm rlm", input: "Post\u{200E}gre\u{200F}SQL", folded: "postgresql" },
        Case { name: "arabic letter mark", input: "Ex\u{061C}cel", folded: "excel" },
        Case { name: "embeddings", input: "\u{202A}Java\u{202C}\u{202D}Script\u{202E}", folded: "javascript" },
        Case { name: "units", input: "5 \u{338F} of \u{2162}", folded: "5 kg of iii" },
        Case { name: "fraction", input: "\u{BD} FTE", folded: "1\u{2044}2 fte" },
        // Regression: U+FDFA decomposes to 18 letters (33 bytes); 20 MB of it took 1.08 GB. It stays itself.
        Case { name: "expansion past the cap", input: "\u{FDFA} SQL", folded: "\u{FDFA} sql" },
        // Regressions found by the idempotence property (tests/properties.rs): U+00A8 decomposes to a space and a
        // combining diaeresis, and that space was written as it was, so "¨" folded to " " and " " to "".
        Case { name: "spacing diaeresis alone", input: "\u{00A8}", folded: "" },
        Case { name: "spacing diaeresis twice", input: "SQL\u{00A8}\u{00A8}Server", folded: "sql server" },
        Case { name: "spacing diaeresis after a space", input: "SQL \u{00A8}Server", folded: "sql server" },
        Case { name: "spacing diaeresis at the end", input: "SQL\u{00A8}", folded: "sql" },
        // ...and a space followed only by a combining mark was written at the end.
        Case { name: "space then a lone combining mark", input: "SQL \u{0301}", folded: "sql" },
    ];

    /// No character folds to more than its own length plus the cap, so memory is linear in the input with a small
    /// factor, whatever the text.
    #[test]
    fn expansion_is_capped() {
        for c in ['\u{FDFA}', '\u{FDFB}', '\u{3304}', '\u{33FF}', '\u{2474}', '\u{FB03}', '\u{2177}', '\u{1F12B}'] {
            let input: String = std::iter::repeat_n(c, 1000).collect();
            let normalized = Normalized::new(&input);
            let most = 1000 * (c.len_utf8() + EXPANSION_MAX_EXTRA);
            assert!(
                normalized.as_str().len() <= most,
                "{c:?}: {} bytes from {}",
                normalized.as_str().len(),
                input.len()
            );
            assert!(normalized.runs.len() <= normalized.as_str().len());
        }
    }

    #[test]
    fn folds() {
        for case in CASES {
            assert_eq!(Normalized::new(case.input).as_str(), case.folded, "{}", case.name);
        }
    }

    #[test]
    fn spans_map_back_to_the_original() {
        for case in CASES {
            let normalized = Normalized::new(case.input);
            let folded = normalized.as_str();
            // Every folded character boundary maps to an original character boundary.
            for (i, _) in folded.char_indices() {
                let span = normalized.original_span(case.input, Span::new(i, folded.len()));
                assert!(case.input.is_char_boundary(span.start), "{}: {span:?}", case.name);
                assert!(case.input.is_char_boundary(span.end), "{}: {span:?}", case.name);
                assert!(span.start <= span.end, "{}", case.name);
            }
        }
    }

    /// Each folded character maps back to exactly the one original character that folds to it, across runs that
    /// lowercase in place (ASCII, Cyrillic), shrink (`É` to `e`), expand (`ﬁ` to `fi`, `½`), and skip (invisible
    /// characters, combining marks, whitespace runs).
    #[test]
    fn every_folded_character_maps_to_the_character_it_came_from() {
        let input = "  Ünïcode ЖУРНАЛ\u{200B}ﬁle  \u{3000}½ ＰＹ  Ça\u{0301}va\r\n\t¨x ДжаваScript\u{FDFA}end ";
        let normalized = Normalized::new(input);
        let folded = normalized.as_str();
        for (i, c) in folded.char_indices() {
            let span = normalized.original_span(input, Span::new(i, i + c.len_utf8()));
            let original = &input[span.range()];
            assert_eq!(original.chars().count(), 1, "{c:?} at {i} maps to {original:?}");
            if c == ' ' {
                assert!(original.chars().all(char::is_whitespace) || original == "¨", "{c:?} at {i}: {original:?}");
            } else {
                assert!(Normalized::new(original).as_str().contains(c), "{c:?} at {i} maps to {original:?}");
            }
        }
    }

    #[test]
    fn fullwidth_span_covers_original_bytes() {
        let input = "I use ＰＹＴＨＯＮ daily";
        let normalized = Normalized::new(input);
        let start = normalized.as_str().find("python").unwrap_or_default();
        let span = normalized.original_span(input, Span::new(start, start + "python".len()));
        assert_eq!(&input[span.range()], "ＰＹＴＨＯＮ");
    }

    #[test]
    fn invisible_characters() {
        const INVISIBLE: &[char] = &[
            '\u{00AD}', '\u{061C}', '\u{200B}', '\u{200C}', '\u{200D}', '\u{200E}', '\u{200F}', '\u{202A}', '\u{202B}',
            '\u{202C}', '\u{202D}', '\u{202E}', '\u{2060}', '\u{2064}', '\u{2066}', '\u{2067}', '\u{2068}', '\u{2069}',
            '\u{206A}', '\u{206F}', '\u{FEFF}',
        ];
        const VISIBLE: &[char] = &['a', ' ', '-', '\u{00A0}', '\u{2010}', '\u{2070}', 'ع', '\u{0301}'];
        for &c in INVISIBLE {
            assert!(is_invisible(c), "U+{:04X}", c as u32);
        }
        for &c in VISIBLE {
            assert!(!is_invisible(c), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn spans_around_invisible_characters_cover_the_original_bytes() {
        let input = "Use \u{2066}Kuber\u{2069}netes\u{200F} daily";
        let normalized = Normalized::new(input);
        let start = normalized.as_str().find("kubernetes").unwrap_or_default();
        let span = normalized.original_span(input, Span::new(start, start + "kubernetes".len()));
        assert_eq!(&input[span.range()], "Kuber\u{2069}netes");
    }

    #[test]
    fn ascii_fast_path_agrees() {
        for term in ["  Postgre   SQL ", "C++", "A/B\ttesting", "x", "", "Node.js\r\n"] {
            assert_eq!(fold(term), Normalized::new(term.trim()).as_str().trim_end(), "{term:?}");
        }
    }

    #[test]
    fn folding_folded_text_changes_nothing() {
        // Regressions found by tests/properties.rs: folding was not idempotent for these.
        const INPUTS: &[&str] = &["\u{00A8}", "a\u{00A8}\u{00A8}b", "a \u{0301}", "x\u{000B}y", "\u{FDFA}\u{00B4}"];
        for &input in INPUTS {
            let once = Normalized::new(input);
            assert_eq!(Normalized::new(once.as_str()).as_str(), once.as_str(), "{input:?}");
            assert_eq!(fold(&fold(input)), fold(input), "{input:?}");
        }
    }

    #[test]
    fn fold_agrees_with_normalized_on_the_vertical_tab() {
        // Regression found by tests/properties.rs: the ASCII fast path kept U+000B, which `Normalized` folds to a
        // space, so an alias holding one could never match.
        assert_eq!(fold("Power\u{000B}BI"), "power bi");
        assert_eq!(Normalized::new("Power\u{000B}BI").as_str(), "power bi");
    }

    /// The reference the ASCII fast path of [`Normalized::refill`] must agree with: every character, ASCII or not,
    /// through [`Normalized::fold_char`].
    fn refill_char_by_char(input: &str) -> Normalized {
        let mut runs = Vec::new();
        let mut folder = Folder { out: Vec::new(), runs: &mut runs, pending_space: None };
        for (at, c) in input.char_indices() {
            folder.fold_char(c, Pending { at: at as u32, len: c.len_utf8() as u8 });
        }
        let text = String::from_utf8(folder.out).expect("whole characters");
        Normalized { text, runs }
    }

    #[test]
    fn chunks_fold_in_place_exactly_when_each_byte_would() {
        const BYTES: &[u8] = b"aZ@[`{ ~\x7F\x1F\t09_-AzM ";
        let mut state: u64 = 0x853C_49E6_748F_EA9B;
        for _ in 0..20_000 {
            let mut chunk = [0u8; CHUNK];
            for byte in &mut chunk {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                *byte = BYTES[(state >> 33) as usize % BYTES.len()];
            }
            let in_place = chunk.iter().all(|&b| (b' '..=b'~').contains(&b))
                && !chunk.windows(2).any(|pair| pair == b"  ")
                && chunk.last() != Some(&b' ');
            let expected = in_place.then(|| chunk.map(|b| b.to_ascii_lowercase()));
            assert_eq!(fold_in_place(&chunk), expected, "{:?}", String::from_utf8_lossy(&chunk));
        }
        assert_eq!(fold_in_place(b"short"), None);
    }

    #[test]
    fn ascii_spaces_are_the_ascii_whitespace_characters() {
        for byte in 0..=0x7F_u8 {
            assert_eq!(is_ascii_space(byte), char::from(byte).is_whitespace(), "{byte:#04x}");
        }
    }

    #[test]
    fn ascii_runs_fold_as_each_character_would() {
        const PIECES: &[&str] = &[
            "Python",
            " ",
            "  ",
            "\t",
            "\r\n",
            "\u{000B}",
            "C++",
            "É",
            "ﬁ",
            "\u{200B}",
            "\u{00A0}",
            "½",
            "SQL.",
            "-",
            "a",
            "\u{0001}",
            "\u{007F}",
            "Machine Learning",
            "KUBERNETES and SQL, ",
            "Ж",
            "\u{0301}",
            "\u{00A8}",
            "\u{FDFA}",
            "x1_Y",
            "\u{2019}",
            ",",
        ];
        let mut inputs: Vec<String> = CASES.iter().map(|case| case.input.to_owned()).collect();
        // Pseudo-random sequences of up to eight pieces (a fixed seed), so that the pieces meet on both sides.
        let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..5000 {
            let mut input = String::new();
            for _ in 0..(state % 8 + 1) {
                state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1_442_695_040_888_963_407);
                input.push_str(PIECES[(state >> 33) as usize % PIECES.len()]);
            }
            inputs.push(input);
        }
        for input in &inputs {
            let fast = Normalized::new(input);
            let reference = refill_char_by_char(input);
            assert_eq!(fast.text, reference.text, "{input:?}");
            assert_eq!(fast.runs, reference.runs, "{input:?}");
        }
    }

    #[test]
    fn fold_trims() {
        assert_eq!(fold("  Postgre SQL "), "postgre sql");
        assert_eq!(fold("\u{FEFF}Go"), "go");
    }
}
