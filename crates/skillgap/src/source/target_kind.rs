//! Targets have a kind: a job posting, which asks for skills, or a bio, a person's profile (a LinkedIn "About"
//! section, a company's team page), which shows them. The kind is read from the text; the user may set it.
//!
//! Each signal is a rule of its own with a weight, listed in [`POSTING_SIGNALS`] and [`BIO_SIGNALS`]; the kind
//! with more points wins, and a tie is a posting (the reading that asks the CV for more, so nothing is missed).

use serde::Serialize;

use crate::structure::SectionKind;

/// What a target is.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    /// A job posting: it asks for skills, with requirement levels.
    #[default]
    Posting,
    /// A person's profile: it shows skills, with prominence.
    Bio,
}

impl TargetKind {
    /// `posting` or `bio`.
    pub fn as_str(self) -> &'static str {
        match self {
            TargetKind::Posting => "posting",
            TargetKind::Bio => "bio",
        }
    }

    /// How messages name a single target of this kind: "the posting" or "the bio".
    pub fn label(self) -> &'static str {
        match self {
            TargetKind::Posting => "the posting",
            TargetKind::Bio => "the bio",
        }
    }
}

/// A signal: its name (for `--explain`), its points, and the test.
type Signal = (&'static str, u32, fn(&Signals<'_>) -> bool);

/// What the rules look at, computed once per text.
#[derive(Debug)]
pub struct Signals<'a> {
    lower: String,
    /// The text's first non-blank line.
    first_line: &'a str,
    /// Section kinds opened by the text's headings.
    sections: Vec<SectionKind>,
    /// Words in the first person ("i", "my", ...) and about a person in the third ("she", "his", ...): counted on
    /// first use, since splitting the text into words is most of the work and a clear posting never needs them.
    persons: std::cell::OnceCell<(usize, usize)>,
}

impl<'a> Signals<'a> {
    /// Reads the signals of `text`.
    pub fn new(text: &'a str) -> Signals<'a> {
        let first_line = text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("");
        // Headings only: bullets and sentences open no section, and most lines are one or the other.
        let sections = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty() && l.len() <= 60 && !l.starts_with(['-', '•', '+', '·']) && !l.ends_with('.'))
            .map(|l| l.trim_start_matches('#').trim().trim_matches(['*', '_', ':', ' ']))
            .filter(|l| !l.is_empty() && l.split_whitespace().count() <= 6)
            .filter_map(SectionKind::classify)
            .collect();
        // One lowered copy of the text serves every rule; words are counted in it without allocating.
        let mut lower = text.to_lowercase();
        if lower.contains('’') {
            lower = lower.replace('’', "'");
        }
        Signals { lower, first_line, sections, persons: std::cell::OnceCell::new() }
    }

    /// Words in the first person and in the third, both counted in one pass.
    fn persons(&self) -> (usize, usize) {
        *self.persons.get_or_init(|| {
            let (mut first_person, mut third_person) = (0, 0);
            // Pronouns are short and start with one of few letters: most words are ruled out before any comparison.
            let may_be_pronoun =
                |w: &str| w.len() <= 7 && matches!(w.as_bytes().first(), Some(b'i' | b'm' | b's' | b'h' | b't'));
            for word in words(&self.lower).filter(|w| may_be_pronoun(w)) {
                if FIRST_PERSON.contains(&word) {
                    first_person += 1;
                } else if THIRD_PERSON.contains(&word) {
                    third_person += 1;
                }
            }
            (first_person, third_person)
        })
    }

    fn has_section(&self, kinds: &[SectionKind]) -> bool {
        self.sections.iter().any(|s| kinds.contains(s))
    }

    fn has_phrase(&self, set: &[&str]) -> bool {
        set.iter().any(|p| self.lower.contains(p))
    }
}

/// The words of `text`: runs of letters, digits and `'`. ASCII is read a byte at a time through a table (every
/// target is split this way, and this is most of kind detection's work), other characters decoded.
fn words(text: &str) -> impl Iterator<Item = &str> {
    const ASCII_WORD: [bool; 128] = {
        let mut table = [false; 128];
        let mut b = 0;
        while b < 128 {
            table[b] = (b as u8).is_ascii_alphanumeric() || b == b'\'' as usize;
            b += 1;
        }
        table
    };
    let bytes = text.as_bytes();
    let mut at = 0;
    std::iter::from_fn(move || {
        // Skip to the next word.
        let start = loop {
            let &b = bytes.get(at)?;
            if b < 128 {
                if ASCII_WORD.get(usize::from(b)) == Some(&true) {
                    break at;
                }
                at += 1;
            } else {
                let c = text.get(at..)?.chars().next()?;
                if c.is_alphanumeric() {
                    break at;
                }
                at += c.len_utf8();
            }
        };
        while let Some(&b) = bytes.get(at) {
            if b < 128 {
                if ASCII_WORD.get(usize::from(b)) != Some(&true) {
                    break;
                }
                at += 1;
            } else {
                match text.get(at..).unwrap_or_default().chars().next() {
                    Some(c) if c.is_alphanumeric() => at += c.len_utf8(),
                    _ => break,
                }
            }
        }
        Some(text.get(start..at).unwrap_or_default())
    })
}

/// Words that put a text in the first person.
const FIRST_PERSON: &[&str] = &["i", "i'm", "i've", "my", "me"];
/// Words that write about a person in the third person.
const THIRD_PERSON: &[&str] = &["she", "he", "her", "his", "they've", "she's", "he's"];

/// Signals that a text is a posting.
pub const POSTING_SIGNALS: &[Signal] = &[
    ("job-ad sections (requirements, responsibilities, benefits)", 3, |s| {
        s.has_section(&[
            SectionKind::Requirements,
            SectionKind::Preferred,
            SectionKind::Responsibilities,
            SectionKind::Benefits,
        ])
    }),
    ("addresses the reader as a candidate", 2, |s| {
        s.has_phrase(&[
            "you will ",
            "you'll ",
            "you’ll ",
            "we are looking for",
            "we're looking for",
            "we’re looking for",
            "the ideal candidate",
            "successful candidate",
            "the right candidate",
            "you have ",
            "you bring",
            "join our",
            "join us",
        ])
    }),
    ("requirement cues", 2, |s| {
        s.has_phrase(&["must have", "required", "requirements", "qualifications", "nice to have", "preferred"])
    }),
    ("how to apply, pay or contract terms", 2, |s| {
        s.has_phrase(&[
            "apply now",
            "to apply",
            "how to apply",
            "salary",
            "per hour",
            "per annum",
            "full-time",
            "full time",
            "part-time",
            "equal opportunity",
            "job type",
            "closing date",
        ])
    }),
];

/// Signals that a text is a bio.
pub const BIO_SIGNALS: &[Signal] = &[
    ("written in the first person", 3, |s| s.persons().0 >= 2),
    ("a line in the first person", 1, |s| s.persons().0 == 1),
    ("written about a person in the third person", 3, |s| s.persons().1 >= 2),
    ("a profile headline (\"Title at Company\", \"Title | Field\")", 2, |s| {
        let line = s.first_line;
        line.len() <= 140
            && (line.contains(" | ") || line.contains(" at ") || line.contains(" @ ") || line.contains(" — "))
            && !line.to_lowercase().contains("job")
    }),
    ("a career story (joined, previously, spent N years)", 2, |s| {
        s.has_phrase(&[
            "joined ",
            "previously",
            "prior to joining",
            "before joining",
            "spent ",
            "has led",
            "has worked",
            "she leads",
            "he leads",
            "i lead",
            "currently leads",
            "holds a",
            "graduated",
        ])
    }),
];

/// The kind the text reads as, with the names of the signals that decided it.
pub fn detect_kind(text: &str) -> (TargetKind, Vec<&'static str>) {
    let signals = Signals::new(text);
    // Each signal is tested once.
    let score = |set: &[Signal]| {
        let fired: Vec<(&'static str, u32)> =
            set.iter().filter(|(_, _, test)| test(&signals)).map(|(n, p, _)| (*n, *p)).collect();
        (fired.iter().map(|(_, p)| p).sum::<u32>(), fired.into_iter().map(|(n, _)| n).collect::<Vec<_>>())
    };
    let (posting, posting_why) = score(POSTING_SIGNALS);
    let (bio, bio_why) = score(BIO_SIGNALS);
    if bio > posting {
        (TargetKind::Bio, bio_why)
    } else {
        (TargetKind::Posting, posting_why)
    }
}

/// The kind `text` reads as: [`detect_kind`]'s answer, without naming the signals. Bio signals are tested from
/// the last (the cheapest) and only while they could still outweigh the posting's points, so a clear posting is
/// never split into words.
pub(crate) fn detect_kind_only(text: &str) -> TargetKind {
    let signals = Signals::new(text);
    let posting: u32 = POSTING_SIGNALS.iter().filter(|(_, _, test)| test(&signals)).map(|(_, p, _)| p).sum();
    let mut bio = 0;
    let mut untested: u32 = BIO_SIGNALS.iter().map(|(_, p, _)| p).sum();
    for (_, points, test) in BIO_SIGNALS.iter().rev() {
        if bio + untested <= posting {
            break;
        }
        untested -= points;
        if test(&signals) {
            bio += points;
        }
    }
    if bio > posting {
        TargetKind::Bio
    } else {
        TargetKind::Posting
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        name: &'static str,
        text: &'static str,
        kind: TargetKind,
    }

    const CASES: &[Case] = &[
        Case {
            name: "posting with sections",
            text:
                "Warehouse Team Leader\n\nWhat you'll do\n- Run the night shift\n\nRequirements\n- Forklift licence\n\n\
                   Benefits\n- Pension\n",
            kind: TargetKind::Posting,
        },
        Case {
            name: "posting without headings",
            text: "We're looking for a maths teacher to join our department. You will teach KS3 and KS4. A PGCE is \
                   required. Salary on the MPS.",
            kind: TargetKind::Posting,
        },
        Case {
            name: "first-person about section",
            text: "Product designer | Fintech | Accessibility\n\nI design onboarding flows for banking apps. Before \
                   that I spent four years in agency work, where my focus was research. I'm happiest in a workshop.",
            kind: TargetKind::Bio,
        },
        Case {
            name: "team page in the third person",
            text: "Dana Okafor, Head of People\nDana joined us in 2022 from a logistics firm, where she built the HR \
                   function from scratch. She holds a CIPD Level 7 and her focus is employee relations.",
            kind: TargetKind::Bio,
        },
        Case {
            name: "bio that says 'required'",
            text: "Sam Patel — Site Electrician at Northline\nSam has worked on commercial fit-outs for nine years. \
                   He holds the qualifications required for inspection and testing, and he leads apprentices.",
            kind: TargetKind::Bio,
        },
        Case { name: "empty text is a posting", text: "", kind: TargetKind::Posting },
    ];

    #[test]
    fn pronouns_pass_the_quick_test() {
        for word in FIRST_PERSON.iter().chain(THIRD_PERSON) {
            assert!(word.len() <= 7 && matches!(word.as_bytes()[0], b'i' | b'm' | b's' | b'h' | b't'), "{word}");
        }
    }

    #[test]
    fn words_split_as_the_char_predicate_does() {
        const TEXTS: &[&str] =
            &["", "i'm here", "She—he, his: Her!", "  naïve café ｆｕｌｌ  ", "x\u{00A0}y’z", "a1 b2'c3 …", "'"];
        for text in TEXTS {
            let expected: Vec<&str> =
                text.split(|c: char| !(c.is_alphanumeric() || c == '\'')).filter(|w| !w.is_empty()).collect();
            assert_eq!(words(text).collect::<Vec<_>>(), expected, "{text:?}");
        }
    }

    #[test]
    fn kinds() {
        for case in CASES {
            let (kind, why) = detect_kind(case.text);
            assert_eq!(kind, case.kind, "{}: {why:?}", case.name);
            assert_eq!(detect_kind_only(case.text), kind, "{}", case.name);
        }
    }
}
