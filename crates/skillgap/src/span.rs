//! Byte ranges into a text.

use serde::Serialize;

/// A byte range `[start, end)` into a text: a mention, a sentence, a line.
///
/// It serialises as `{"start": .., "end": ..}`, the shape of the JSON contract for mentions.
///
/// ```
/// use skillgap::Span;
///
/// let text = "Python and SQL";
/// let sql = Span::new(11, 14);
/// assert_eq!(&text[sql.range()], "SQL");
/// assert_eq!(sql.len(), 3);
/// assert!(sql.contains(12) && !sql.contains(14));
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub struct Span {
    /// Byte offset of the first byte.
    pub start: usize,
    /// Byte offset after the last byte (exclusive).
    pub end: usize,
}

impl Span {
    /// The span `[start, end)`.
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Its length in bytes (0 when `end` is not past `start`).
    pub const fn len(self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether it covers no byte.
    pub const fn is_empty(self) -> bool {
        self.end <= self.start
    }

    /// The range `start..end`, for slicing: `&text[span.range()]`.
    pub const fn range(self) -> std::ops::Range<usize> {
        self.start..self.end
    }

    /// Whether byte `offset` lies inside it.
    pub const fn contains(self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }

    /// Whether `other` lies wholly inside it.
    pub const fn covers(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<std::ops::Range<usize>> for Span {
    fn from(range: std::ops::Range<usize>) -> Span {
        Span::new(range.start, range.end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        struct Case {
            span: Span,
            len: usize,
            empty: bool,
            contains: &'static [(usize, bool)],
        }
        const CASES: &[Case] = &[
            Case {
                span: Span::new(2, 5),
                len: 3,
                empty: false,
                contains: &[(1, false), (2, true), (4, true), (5, false)],
            },
            Case { span: Span::new(4, 4), len: 0, empty: true, contains: &[(4, false)] },
            Case { span: Span::new(5, 2), len: 0, empty: true, contains: &[(3, false)] },
        ];
        for case in CASES {
            assert_eq!(case.span.len(), case.len, "{:?}", case.span);
            assert_eq!(case.span.is_empty(), case.empty, "{:?}", case.span);
            for &(offset, inside) in case.contains {
                assert_eq!(case.span.contains(offset), inside, "{:?} {offset}", case.span);
            }
        }
    }

    #[test]
    fn overlaps() {
        let a = Span::new(2, 5);
        assert!(a.overlaps(Span::new(4, 9)));
        assert!(a.overlaps(Span::new(0, 3)));
        assert!(!a.overlaps(Span::new(5, 9)), "end is exclusive");
        assert!(!a.overlaps(Span::new(0, 2)));
    }

    #[test]
    fn serialises_as_start_and_end() {
        let json = serde_json::to_string(&Span::new(3, 7)).expect("serialises");
        assert_eq!(json, r#"{"start":3,"end":7}"#);
        assert_eq!(Span::from(3..7), Span::new(3, 7));
    }
}
