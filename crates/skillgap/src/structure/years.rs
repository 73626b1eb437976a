//! Which skills a stated number of years governs: "6+ years of Java, and exposure to Kafka and Redis" asks six
//! years of Java only; "5 years of experience with Python and SQL" asks five of both.

/// Words that open the object of a years phrase: "5 years of", "in", "with", "using".
const OBJECT_OPENERS: &[&str] =
    &["of", "in", "with", "using", "on", "across", "doing", "working", "as", "within", "at"];

/// Words that may stand between "years" and its object: "5+ years' professional experience in".
const FILLERS: &[&str] = &[
    "experience",
    "professional",
    "relevant",
    "hands-on",
    "practical",
    "proven",
    "industry",
    "commercial",
    "post-qualification",
    "post-qualified",
    "working",
    "of",
    "in",
    "with",
    "as",
    "a",
    "an",
    "the",
];

/// Words that start a new requirement and so end what the years govern: "and exposure to", "plus knowledge of".
const NEW_HEADS: &[&str] = &[
    "exposure",
    "familiarity",
    "familiar",
    "knowledge",
    "understanding",
    "awareness",
    "plus",
    "ideally",
    "preferably",
    "bonus",
    "some",
    "basic",
    "also",
    "appreciation",
    "interest",
];

/// Whether a years phrase governs a skill, given the text between the end of "years" and the skill: it opens
/// with an object word ("of", "in", "with") and no new requirement or clause starts before the skill.
pub fn years_govern(between: &str) -> bool {
    // A new sentence or clause starts before the skill ("7 years in teaching; a PGCE").
    if [";", ". ", ": "].iter().any(|stop| between.contains(stop)) {
        return false;
    }
    let lower = between.to_ascii_lowercase();
    let words: Vec<&str> =
        lower.split(|c: char| !(c.is_alphanumeric() || c == '-')).filter(|w| !w.is_empty()).collect();
    // The years phrase touches the skill ("3 years Python") or opens its object first.
    let Some(first_object) = words.iter().position(|w| OBJECT_OPENERS.contains(w)) else { return words.is_empty() };
    let (fillers, object) = words.split_at(first_object);
    if !fillers.iter().all(|w| FILLERS.contains(w)) {
        return false;
    }
    !object.iter().any(|w| NEW_HEADS.contains(w)) && !lower.contains("as well as")
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Case {
        phrase: &'static str,
        skill: &'static str,
        governed: bool,
    }

    const CASES: &[Case] = &[
        Case { phrase: "4+ years of Go, and exposure to Kafka and Redis", skill: "Go", governed: true },
        Case { phrase: "4+ years of Go, and exposure to Kafka and Redis", skill: "Kafka", governed: false },
        Case { phrase: "4+ years of Go, and exposure to Kafka and Redis", skill: "Redis", governed: false },
        Case { phrase: "3 years' experience with Xero and Sage", skill: "Sage", governed: true },
        Case { phrase: "5 years of experience in payroll, plus knowledge of ADP", skill: "ADP", governed: false },
        Case { phrase: "2 years as a charge nurse in ICU", skill: "ICU", governed: true },
        Case { phrase: "7 years in teaching; a PGCE", skill: "PGCE", governed: false },
        Case { phrase: "six years Python", skill: "Python", governed: true },
        Case { phrase: "3 years in retail and basic Excel", skill: "Excel", governed: false },
        Case { phrase: "10 years managing teams who use Salesforce", skill: "Salesforce", governed: false },
    ];

    #[test]
    fn governed_skills() {
        for case in CASES {
            let years_end = case.phrase.find("years").map(|i| i + 5).unwrap();
            let skill = case.phrase.rfind(case.skill).unwrap();
            let between = case.phrase[years_end..skill].trim_start_matches(['\'', '’']);
            assert_eq!(years_govern(between), case.governed, "{} / {}", case.phrase, case.skill);
        }
    }
}
