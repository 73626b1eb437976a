//! Output made safe: text from an input that may reach a terminal ([`printable`]) or a spreadsheet
//! ([`csv_safe`]). Every renderer (compare, extract, batch, journal; text, Markdown and CSV) goes through these.

use std::borrow::Cow;

/// Text from an input made safe to print on a terminal: control characters (C0 but newline, DEL, C1) become
/// visible pictures (␛ for ESC, ␇ for BEL) or U+FFFD, a tab a space, and characters that reorder text (bidi
/// overrides, embeddings, isolates and marks) U+FFFD, so an input can neither clear the screen, set the window
/// title, ring the bell, hide a link, nor run text backwards.
///
/// ```
/// assert_eq!(skillgap::printable("a\u{1b}[2J\u{7}b\u{202e}c"), "a\u{241b}[2J\u{2407}b\u{fffd}c");
/// ```
pub fn printable(s: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && c != '\n')
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{061C}' | '\u{200E}' | '\u{200F}')
    };
    if !s.chars().any(unsafe_char) {
        return Cow::Borrowed(s);
    }
    Cow::Owned(
        s.chars()
            .map(|c| match c {
                '\t' => ' ',
                '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32).unwrap_or('\u{FFFD}'),
                '\u{7f}' => '\u{2421}',
                c if unsafe_char(c) => '\u{FFFD}',
                c => c,
            })
            .collect(),
    )
}

/// A CSV cell a spreadsheet will not run as a formula: a cell starting with `=`, `+`, `-`, `@`, a tab or a carriage
/// return gets a leading `'`.
pub fn csv_safe(cell: &str) -> Cow<'_, str> {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{cell}"))
    } else {
        Cow::Borrowed(cell)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_that_could_run_as_formulas_are_neutralised() {
        const CASES: &[(&str, &str)] = &[
            ("=HYPERLINK(\"x\")", "'=HYPERLINK(\"x\")"),
            ("+1", "'+1"),
            ("-2", "'-2"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("\rx", "'\rx"),
            ("Data Engineer", "Data Engineer"),
            ("", ""),
            ("a=b", "a=b"),
        ];
        for &(input, expected) in CASES {
            assert_eq!(csv_safe(input), expected, "{input:?}");
        }
    }

    #[test]
    fn printable_takes_out_control_and_bidi_characters() {
        const CASES: &[(&str, &str)] = &[
            ("plain", "plain"),
            ("a\x1b[31mred", "a\u{241b}[31mred"),
            ("line\nbreak", "line\nbreak"),
            ("tab\there", "tab here"),
            ("\u{202E}txt.exe", "\u{fffd}txt.exe"),
            ("c1\u{9b}x", "c1\u{fffd}x"),
            ("del\u{7f}", "del\u{2421}"),
            ("caf\u{e9}", "caf\u{e9}"),
            ("clear\u{1b}[2J", "clear\u{241b}[2J"),
            ("title\u{1b}]0;pwned\u{7}", "title\u{241b}]0;pwned\u{2407}"),
        ];
        for &(input, expected) in CASES {
            assert_eq!(printable(input), expected, "{input:?}");
        }
    }
}
