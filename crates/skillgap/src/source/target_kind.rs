//! Whether a target is a job posting or a hired person's bio, guessed from what was extracted from it.

use crate::extract::{Document, Mention};
use crate::structure::{Requirement, SectionKind};

/// What a target is: what an employer asks, or what a person who got such a job shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TargetKind {
    /// A job posting: requirement levels, either/or groups, asked-for years.
    Posting,
    /// A hired person's bio or profile: no requirements, only what they show.
    Bio,
}

impl TargetKind {
    /// How messages name a single target of this kind: "the posting" or "the bio".
    pub fn label(self) -> &'static str {
        match self {
            TargetKind::Posting => "the posting",
            TargetKind::Bio => "the bio",
        }
    }
}

/// Guesses the kind of a target from its extracted document: a posting when any mention reads as a posting's
/// (see [`is_posting_cue`]), else a bio. A document with no skills is a bio, which never claims requirements.
pub fn guess_target_kind(doc: &Document) -> TargetKind {
    if doc.skills.iter().flat_map(|e| &e.mentions).any(is_posting_cue) {
        TargetKind::Posting
    } else {
        TargetKind::Bio
    }
}

/// A mention only a posting has: one with a requirement level ("required", "preferred"), or one in a
/// requirements, preferred-qualifications or responsibilities section.
fn is_posting_cue(m: &Mention) -> bool {
    m.requirement != Requirement::Mentioned
        || matches!(m.section, SectionKind::Requirements | SectionKind::Preferred | SectionKind::Responsibilities)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Extractor, Taxonomy};

    #[test]
    fn posting_cues() {
        let extractor = Extractor::new(Taxonomy::builtin());
        // (name, text, the first mention is a posting cue)
        const CASES: &[(&str, &str, bool)] = &[
            ("a requirements section", "Requirements\n- Python\n", true),
            ("a responsibilities section", "Responsibilities\n- Build dashboards in Tableau\n", true),
            ("a preferred section", "Nice to have\n- Terraform\n", true),
            ("a required phrase in prose", "Experience with Kubernetes is required.", true),
            ("first-person prose", "I moved our reporting to Tableau last spring.", false),
            ("an experience section", "Experience\nData engineer at a bank: Python and SQL.\n", false),
        ];
        for &(name, text, expected) in CASES {
            let doc = extractor.extract(text);
            let first = doc.skills.iter().flat_map(|e| &e.mentions).next();
            assert_eq!(first.map(is_posting_cue), Some(expected), "{name}: {doc:?}");
        }
    }

    #[test]
    fn guesses_the_kind_of_a_document() {
        let extractor = Extractor::new(Taxonomy::builtin());
        const CASES: &[(&str, &str, TargetKind)] = &[
            ("posting", "About the role\nRequirements\n- 3+ years of SQL\n- Excel\n", TargetKind::Posting),
            ("bio", "Maria leads the finance team. She rebuilt month-end close in Excel and SQL.", TargetKind::Bio),
            ("nothing recognised", "Hello there.", TargetKind::Bio),
        ];
        for &(name, text, expected) in CASES {
            assert_eq!(guess_target_kind(&extractor.extract(text)), expected, "{name}");
        }
        assert_eq!((TargetKind::Posting.label(), TargetKind::Bio.label()), ("the posting", "the bio"));
    }
}
