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
        self.text.clear();
        self.runs.clear();
        self.text.reserve(input.len());
        // A whitespace run (kept as one space) or a non-ASCII character each start a run.
        let mut pending_space: Option<Pending> = None;
        let bytes = input.as_bytes();
        // Whether the previous byte was an ASCII byte written in place, so that the current run already predicts
        // where the next one comes from.
        let mut in_run = false;
        let mut at = 0;
        while let Some(&byte) = bytes.get(at) {
            let offset = at as u32;
            // Most text is ASCII: fold it a byte at a time, without decoding characters. The same steps as
            // `fold_char`, which a test checks, with `map` called only where a run may break: once a byte has been
            // mapped in place, the next byte's origin follows from the run, so `map` would change nothing.
            if byte.is_ascii() {
                at += 1;
                if is_ascii_space(byte) {
                    in_run = false;
                    if pending_space.is_none() && !self.text.is_empty() {
                        pending_space = Some(Pending { at: offset, len: 1 });
                    }
                    continue;
                }
                if let Some(space) = pending_space.take() {
                    self.map(1, space.at, space.len);
                    self.text.push(' ');
                    in_run = false;
                }
                if !in_run {
                    self.map(1, offset, 1);
                    in_run = true;
                }
                self.text.push(char::from(byte.to_ascii_lowercase()));
                continue;
            }
            in_run = false;
            let Some(c) = input[at..].chars().next() else { break };
            at += c.len_utf8();
            self.fold_char(c, Pending { at: offset, len: c.len_utf8() as u8 }, &mut pending_space);
        }
    }

    /// Folds one character that came from `source` (any character; [`Normalized::refill`] takes ASCII text a run
    /// at a time and only the rest here).
    fn fold_char(&mut self, c: char, source: Pending, pending_space: &mut Option<Pending>) {
        if c.is_whitespace() {
            if pending_space.is_none() && !self.text.is_empty() {
                *pending_space = Some(source);
            }
            return;
        }
        if is_invisible(c) {
            return;
        }
        if let Some(mapped) = fold_punctuation(c) {
            self.push_after_space(mapped, source, pending_space);
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
                Some(text) => text.chars().for_each(|f| self.push_after_space(f, source, pending_space)),
                // A character that expands beyond the cap (U+FDFA: 3 bytes to 33) stays itself.
                None => c.to_lowercase().for_each(|lower| self.push_after_space(lower, source, pending_space)),
            }
        }
    }

    /// Pushes a folded character: a space becomes the pending space (written only before the next character), and
    /// any other character writes the pending space first.
    fn push_after_space(&mut self, c: char, source: Pending, pending_space: &mut Option<Pending>) {
        if c.is_whitespace() {
            if pending_space.is_none() && !self.text.is_empty() {
                *pending_space = Some(source);
            }
            return;
        }
        if let Some(space) = pending_space.take() {
            self.map(1, space.at, space.len);
            self.text.push(' ');
        }
        self.map(c.len_utf8(), source.at, source.len);
        self.text.push(c);
    }

    /// Records that the next `len` folded bytes come from the original character of `original_len` bytes at
    /// `original`: the current run goes on when it predicts exactly that, else a new one starts.
    fn map(&mut self, len: usize, original: u32, original_len: u8) {
        let folded = self.text.len() as u32;
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
    matches!(byte, b' ' | b'\t' | b'\n' | b'\x0B' | b'\x0C' | b'\r')
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
        let mut normalized = Normalized::default();
        let mut pending_space = None;
        for (at, c) in input.char_indices() {
            normalized.fold_char(c, Pending { at: at as u32, len: c.len_utf8() as u8 }, &mut pending_space);
        }
        normalized
    }

    #[test]
    fn ascii_runs_fold_as_each_character_would() {
        const PIECES: &[&str] = &[
            "Python", " ", "  ", "\t", "\r\n", "\u{000B}", "C++", "É", "ﬁ", "\u{200B}", "\u{00A0}", "½", "SQL.", "-",
            "a", "Ж", "\u{0301}", "\u{00A8}", "\u{FDFA}", "x1_Y", "\u{2019}", ",",
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
