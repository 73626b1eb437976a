//! Lookup tables: what the index answers for terms people write, over small taxonomies written for each rule.
//! The index is held to a brute-force scan over the built-in taxonomy in `tests/fuzzy_oracle.rs`.
use std::cmp::Reverse;
use std::fmt;

use super::*;
use crate::taxonomy::Taxonomy;

const HEAD: &str = "id,name,family,kind,aliases,related,broader\n";

const TAXONOMY: &str = "\
adobe-photoshop,Adobe Photoshop,design,tool,Photoshop,,
api,API,software,domain,,,
apache-kafka,Apache Kafka,software,tool,Kafka,,
c,C,software,language,^C,,
cpp,C++,software,language,,,
csharp,C#,software,language,,,
data-analytics,Data Analytics,data,domain,Analytics,,
excel,Microsoft Excel,data,tool,?Excel,,
express,Express,software,framework,?Express,,
go,Go,software,language,^?Go;Golang,,
google-analytics,Google Analytics,marketing,tool,GA4,,
information-technology,Information Technology,it,domain,,,
java,Java,software,language,,,
javascript,JavaScript,software,language,JS,,
kubernetes,Kubernetes,cloud,tool,K8s,,
nosql,NoSQL,data,domain,,,
nursing,Nursing,healthcare,domain,,,
osha-30,OSHA 30,construction,certification,OSHA 30-Hour,,
postgresql,PostgreSQL,data,tool,Postgres,,
python,Python,software,language,Python 3,,
python-2,Python 2,software,language,,,
react,React,software,framework,React.js,,
react-native,React Native,software,framework,,,
rest-api,REST APIs,software,method,,,
resume-writing,Resume Writing,general,soft,,,
salesforce,Salesforce,sales,tool,,,
sql,SQL,data,language,,,
swift,Swift,software,language,^?Swift,,
visual-cpp,Visual C++,software,language,,,
visual-csharp,Visual C#,software,language,,,
";

/// Only one side of every pair that must never merge: a match here is a false merge.
const LONE_HALVES: &str = "\
c,C,software,language,,,
go,Go,software,language,Go,,
java,Java,software,language,,,
osha-30,OSHA 30,construction,certification,,,
python-3,Python 3,software,language,,,
ray,Ray,software,framework,,,
react,React,software,framework,,,
sql,SQL,data,language,,,
sql-server,SQL Server,data,tool,,,
visual-cpp,Visual C++,software,language,,,
";

fn load(rows: &str) -> Taxonomy {
    let mut builder = Taxonomy::builder();
    builder.add_csv("test.csv", &format!("{HEAD}{rows}")).expect("test taxonomy parses");
    builder.build().expect("test taxonomy is valid")
}

struct Case {
    name: &'static str,
    input: &'static str,
    /// Skill id, how, score, edits of the best match.
    expected: Option<(&'static str, FuzzyHow, u8, u8)>,
}

const fn case(name: &'static str, input: &'static str, id: &'static str, how: FuzzyHow, score: u8, edits: u8) -> Case {
    Case { name, input, expected: Some((id, how, score, edits)) }
}

const fn none(name: &'static str, input: &'static str) -> Case {
    Case { name, input, expected: None }
}

use FuzzyHow::{Exact, Typo, Variant};

const EXACT: &[Case] = &[
    case("name", "Kubernetes", "kubernetes", Exact, EXACT_SCORE, 0),
    case("alias with a dot", "React.js", "react", Exact, EXACT_SCORE, 0),
    case("case and spacing", "  postgres ", "postgresql", Exact, EXACT_SCORE, 0),
    case("diacritics", "Résumé Writing", "resume-writing", Exact, EXACT_SCORE, 0),
    case("fullwidth", "ＳＱＬ", "sql", Exact, EXACT_SCORE, 0),
    case("exact-case alias folds", "GO", "go", Exact, EXACT_SCORE, 0),
];

const VARIANTS: &[Case] = &[
    case("glued", "reactjs", "react", Variant, variant_score(0), 0),
    case("spaced", "React JS", "react", Variant, variant_score(0), 0),
    case("space inside", "Postgre SQL", "postgresql", Variant, variant_score(0), 0),
    case("hyphenated", "apache-kafka", "apache-kafka", Variant, variant_score(0), 0),
    case("vendor with hyphen", "MS-Excel", "excel", Variant, variant_score(1), 0),
    case("vendor abbreviation", "MS Excel", "excel", Variant, variant_score(1), 0),
    case("vendor kept, version dropped", "Adobe Photoshop CC 2020", "adobe-photoshop", Variant, variant_score(1), 0),
    case("version dropped", "Photoshop CC 2020", "adobe-photoshop", Variant, variant_score(1), 0),
    case("dotted version", "Python 3.11", "python", Variant, variant_score(1), 0),
    case("glued version", "Python3", "python", Variant, variant_score(0), 0),
    case("ecmascript version", "Javascript ES6", "javascript", Variant, variant_score(1), 0),
    case("dot com", "Salesforce.com", "salesforce", Variant, variant_score(1), 0),
    case("js suffix", "Express.js", "express", Variant, variant_score(1), 0),
    case("glued js suffix", "ExpressJS", "express", Variant, variant_score(1), 0),
    case("plural", "APIs", "api", Variant, variant_score(1), 0),
    case("singular of a plural alias", "REST API", "rest-api", Variant, variant_score(1), 0),
    case("ies plural", "Information Technologies", "information-technology", Variant, variant_score(1), 0),
    case("plural of a vendor name", "Google Analytic", "google-analytics", Variant, variant_score(1), 0),
    case("vendor and plural", "MS Excels", "excel", Variant, variant_score(2), 0),
    case("version on a cloud tool", "Kubernetes 1.28", "kubernetes", Variant, variant_score(1), 0),
];

const TYPOS: &[Case] = &[
    case("missing letter", "Kubernets", "kubernetes", Typo, typo_score(1, 10, 0), 1),
    case("transposition", "Kuberentes", "kubernetes", Typo, typo_score(1, 10, 0), 1),
    case("two edits in a long word", "Kubrenets", "kubernetes", Typo, typo_score(2, 10, 0), 2),
    case("extra letter", "Postgress", "postgresql", Typo, typo_score(1, 9, 0), 1),
    case("short word", "Pyhton", "python", Typo, typo_score(1, 6, 0), 1),
    case("javascript", "Javascrpt", "javascript", Typo, typo_score(1, 10, 0), 1),
    case("plain alias of a flagged skill", "Golnag", "go", Typo, typo_score(1, 6, 0), 1),
    case("vendor kept", "Adobe Photshop", "adobe-photoshop", Typo, typo_score(1, 14, 0), 1),
    case("typo after stripping", "Photshop CC 2020", "adobe-photoshop", Typo, typo_score(1, 9, 1), 1),
    case("numbers equal", "Pyhton 2", "python-2", Typo, typo_score(1, 7, 0), 1),
];

const GUARDS: &[Case] = &[
    none("java is not javascript", "JavaScript"),
    none("java is not javascript, misspelt", "Javascrpt"),
    none("c is not c++", "C++"),
    none("c is not c#", "C#"),
    none("c is not objective-c", "Objective-C"),
    none("sql is not nosql", "NoSQL"),
    none("sql is not mysql", "MySQL"),
    none("react is not react native", "React Native"),
    none("react is not react native, glued", "ReactNative"),
    none("go is not golf", "Golf"),
    none("a word glued on: mysql server is not sql server", "MySQL Server"),
    none("a one-letter word: x-ray is not ray", "X-Ray"),
    none("c++ is not c#", "Visual C#"),
    none("python 3 is not python 2", "Python 2"),
    none("python 3 is not python 2, misspelt", "Pyhton 2"),
    none("osha 30 is not osha 10", "OSHA 10"),
    none("too short for a typo", "Jav"),
    none("garbage", "qzxwv"),
];

const FLAGS: &[Case] = &[
    none("no typo to a context alias", "Exel"),
    none("no typo to an exact-case alias", "Swfit"),
    none("a vendor the skill does not name", "MS Nursing"),
    none("a vendor word alone", "Microsoft"),
    case("variant of a context alias", "Express.js", "express", Variant, variant_score(1), 0),
    case("exact of an exact-case alias", "swift", "swift", Exact, EXACT_SCORE, 0),
];

fn check(taxonomy: &Taxonomy, cases: &[Case]) {
    let index = FuzzyIndex::new(taxonomy);
    for case in cases {
        let found = index.lookup(taxonomy, case.input, 5);
        let best = found.first().map(|m| (taxonomy.skill(m.alias.skill).id.as_str(), m.how, m.score, m.edits));
        assert_eq!(best, case.expected, "{}: {:?} gave {found:?}", case.name, case.input);
    }
}

#[test]
fn exact() {
    check(&load(TAXONOMY), EXACT);
}

#[test]
fn variants() {
    check(&load(TAXONOMY), VARIANTS);
}

#[test]
fn typos() {
    check(&load(TAXONOMY), TYPOS);
}

#[test]
fn guards_keep_distinct_skills_apart() {
    check(&load(LONE_HALVES), GUARDS);
}

#[test]
fn flagged_aliases_and_vendors() {
    check(&load(TAXONOMY), FLAGS);
}

/// Both halves of a pair present: the other half never shows up among the candidates.
#[test]
fn pairs_never_merge() {
    const PAIRS: &[(&str, &str)] = &[
        ("Java", "javascript"),
        ("JavaScript", "java"),
        ("C", "cpp"),
        ("C", "csharp"),
        ("C++", "c"),
        ("React", "react-native"),
        ("React Native", "react"),
        ("SQL", "nosql"),
        ("NoSQL", "sql"),
        ("Go", "golf"),
        ("Visual C++", "visual-csharp"),
        ("Visual C#", "visual-cpp"),
    ];
    let taxonomy = load(&format!("{TAXONOMY}golf,Golf,general,domain,,,\n"));
    let index = FuzzyIndex::new(&taxonomy);
    for (term, other) in PAIRS {
        let found = index.lookup(&taxonomy, term, 10);
        assert!(!found.is_empty(), "{term}");
        assert!(found.iter().all(|m| taxonomy.skill(m.alias.skill).id != *other), "{term}: {found:?}");
    }
}

#[test]
fn variants_outrank_typos() {
    assert!(variant_score(MAX_VARIANT_STEPS) > typo_score(1, 1000, 0));
    assert!(typo_score(0, 10, 0) == TYPO_SCORE_MAX);
    assert!(typo_score(1, 10, 0) > typo_score(1, 5, 0), "one edit costs less in a longer word");
    assert!(typo_score(1, 10, 0) > typo_score(2, 10, 0));
}

#[test]
fn candidates_are_ordered_and_one_per_skill() {
    let taxonomy = load(TAXONOMY);
    let index = FuzzyIndex::new(&taxonomy);
    // "Postgres" is exact; "PostgreSQL" is the same skill; nothing else is near.
    let found = index.lookup(&taxonomy, "Postgres", 10);
    assert_eq!(found.len(), 1, "{found:?}");
    let found = index.lookup(&taxonomy, "Pythn 2", 10);
    let ids: Vec<&str> = found.iter().map(|m| taxonomy.skill(m.alias.skill).id.as_str()).collect();
    assert_eq!(ids, ["python-2", "python"], "{found:?}");
    assert!(found.windows(2).all(|w| (Reverse(w[0].score), w[0].edits) <= (Reverse(w[1].score), w[1].edits)));
    assert_eq!(index.lookup(&taxonomy, "Pythn 2", 1).len(), 1);
    assert!(index.lookup(&taxonomy, "Python", 0).is_empty());
}

const ODD_INPUTS: &[&str] = &[
    "",
    "   ",
    "\u{FEFF}",
    "🙂",
    "🙂🙂🙂🙂🙂🙂🙂🙂",
    "كوبرنيتس",
    "\u{202B}عربي",
    "日本語のスキル",
    "\0\0\0\0",
    "++++",
    "####",
    "....",
    "- - - -",
    "C+++++++",
    "v2",
    "ms",
    "ms ms ms ms",
    "1.2.3.4.5",
    "2020",
    "js",
    "com",
    "ies",
    "x x x",
    "Ǆǅǆ ﬁﬂ",
    "ss sses",
];

#[test]
fn odd_inputs_do_not_panic() {
    let taxonomy = load(TAXONOMY);
    let index = FuzzyIndex::new(&taxonomy);
    let long_word = "Kubernetes".repeat(1000);
    let long_text = "a ".repeat(5000);
    let emoji_wall = "🙂".repeat(2500);
    let inputs = ODD_INPUTS.iter().copied().chain([long_word.as_str(), long_text.as_str(), emoji_wall.as_str()]);
    for input in inputs {
        let found = index.lookup(&taxonomy, input, 5);
        assert!(found.len() <= 5);
    }
    assert!(index.lookup(&taxonomy, "", 5).is_empty());
}

#[test]
fn empty_taxonomy() {
    let taxonomy = load("");
    let index = FuzzyIndex::new(&taxonomy);
    assert!(index.lookup(&taxonomy, "Kubernetes", 5).is_empty());
}

#[test]
fn deterministic() {
    let taxonomy = load(TAXONOMY);
    let (a, b) = (FuzzyIndex::new(&taxonomy), FuzzyIndex::new(&taxonomy));
    for term in ["Kubernets", "Pythn 2", "MS-Excel", "APIs", "Postgre SQL", "Javs"] {
        assert_eq!(a.lookup(&taxonomy, term, 10), b.lookup(&taxonomy, term, 10), "{term}");
        assert_eq!(a.lookup(&taxonomy, term, 10), a.lookup(&taxonomy, term, 10), "{term}");
    }
}

#[test]
fn index_is_send_sync_debug_clone() {
    fn assert_traits<T: Send + Sync + Clone + fmt::Debug>() {}
    assert_traits::<FuzzyIndex>();
    assert_traits::<FuzzyMatch>();
    assert_traits::<FuzzyHow>();
}
