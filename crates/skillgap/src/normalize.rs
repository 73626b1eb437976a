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
    /// `origin[i]` is the byte offset, in the original text, of the character that produced folded byte `i`.
    /// One extra entry at the end holds the original length, so that an exclusive end maps too.
    origin: Vec<u32>,
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
        self.origin.clear();
        self.text.reserve(input.len());
        self.origin.reserve(input.len() + 1);
        let mut pending_space: Option<u32> = None;
        for (offset, c) in input.char_indices() {
            let offset = offset as u32;
            if c.is_ascii() || c.is_whitespace() || is_invisible(c) || fold_punctuation(c).is_some() {
                self.fold_char(c, offset, &mut pending_space);
            } else {
                // A decomposition may hold a space (U+00A8 is a space and a combining diaeresis, U+FDFA a phrase of
                // words), which is folded like any other space, so that folding folded text changes nothing.
                decompose_compatible(c, |d| {
                    if !is_combining_mark(d) {
                        self.fold_char(d, offset, &mut pending_space);
                    }
                });
            }
        }
        self.origin.push(input.len() as u32);
    }

    /// Folds one character (of the input, or of a decomposition) that came from the input character at `origin`.
    /// A run of whitespace becomes one space, written only once a visible character follows it.
    #[inline]
    fn fold_char(&mut self, c: char, origin: u32, pending_space: &mut Option<u32>) {
        if c.is_whitespace() {
            if pending_space.is_none() && !self.text.is_empty() {
                *pending_space = Some(origin);
            }
            return;
        }
        if is_invisible(c) {
            return;
        }
        if let Some(space_at) = pending_space.take() {
            self.push(' ', space_at);
        }
        if c.is_ascii() {
            self.push(c.to_ascii_lowercase(), origin);
        } else if let Some(mapped) = fold_punctuation(c) {
            self.push(mapped, origin);
        } else {
            for lower in c.to_lowercase() {
                self.push(lower, origin);
            }
        }
    }

    fn push(&mut self, c: char, origin: u32) {
        let before = self.text.len();
        self.text.push(c);
        for _ in before..self.text.len() {
            self.origin.push(origin);
        }
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Maps a folded span back to the original text. `original` must be the text this value was built from.
    ///
    /// The end is exclusive and covers the whole original character that produced the last folded byte.
    pub fn original_span(&self, original: &str, folded: Span) -> Span {
        let original_start = self.origin[folded.start] as usize;
        if folded.is_empty() {
            return Span::new(original_start, original_start);
        }
        let last = self.origin[folded.end - 1] as usize;
        let last_len = original[last..].chars().next().map_or(0, char::len_utf8);
        Span::new(original_start, last + last_len)
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
        // Regressions found by the idempotence property (tests/properties.rs): U+00A8 decomposes to a space and a
        // combining diaeresis, and that space was written as it was, so "¨" folded to " " and " " to "".
        Case { name: "spacing diaeresis alone", input: "\u{00A8}", folded: "" },
        Case { name: "spacing diaeresis twice", input: "SQL\u{00A8}\u{00A8}Server", folded: "sql server" },
        Case { name: "spacing diaeresis after a space", input: "SQL \u{00A8}Server", folded: "sql server" },
        Case { name: "spacing diaeresis at the end", input: "SQL\u{00A8}", folded: "sql" },
        // ...and a space followed only by a combining mark was written at the end.
        Case { name: "space then a lone combining mark", input: "SQL \u{0301}", folded: "sql" },
        Case { name: "arabic ligature keeps its spaces", input: "\u{FDFA}", folded: "\u{0635}\u{0644}\u{0649} \u{0627}\u{0644}\u{0644}\u{0647} \u{0639}\u{0644}\u{064A}\u{0647} \u{0648}\u{0633}\u{0644}\u{0645}" },
    ];

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

    #[test]
    fn fold_trims() {
        assert_eq!(fold("  Postgre SQL "), "postgre sql");
        assert_eq!(fold("\u{FEFF}Go"), "go");
    }
}
