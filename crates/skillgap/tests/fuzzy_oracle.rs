//! The fuzzy index against a brute-force scan of every alias (`support/fuzzy_scan.rs`): the index prunes its
//! candidates by key length, character set and first byte, and must never prune a right answer.

#[path = "support/fuzzy_scan.rs"]
mod fuzzy_scan;

use fuzzy_scan::FuzzyScan;
use skillgap::{FuzzyHow, FuzzyIndex, FuzzyMatch, Taxonomy};

/// xorshift64*: a tiny deterministic generator for the property test.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }
}

const ALPHABET: &[char] = &[
    'a', 'b', 'c', 'd', 'e', 'g', 'i', 'k', 'l', 'n', 'o', 'r', 's', 't', 'u', 'y', '0', '1', '2', '3', ' ', '.', '-',
    '+', '#', 'é', 'S',
];

/// One random edit: insertion, deletion, substitution or transposition.
fn mutate(rng: &mut Rng, text: &str) -> String {
    let mut chars: Vec<char> = text.chars().collect();
    let at = rng.below(chars.len() + 1);
    match rng.below(4) {
        0 => chars.insert(at, *rng.pick(ALPHABET)),
        1 if at < chars.len() => {
            chars.remove(at);
        }
        2 if at < chars.len() => chars[at] = *rng.pick(ALPHABET),
        _ if at + 1 < chars.len() => chars.swap(at, at + 1),
        _ => chars.push(*rng.pick(ALPHABET)),
    }
    chars.into_iter().collect()
}

fn random_query(rng: &mut Rng, aliases: &[&str]) -> String {
    const PREFIXES: &[&str] = &["MS ", "Microsoft ", "Adobe ", "Google ", "AWS ", "Apache-"];
    const SUFFIXES: &[&str] = &[" 2020", " 3.11", " CC", " ES6", ".js", "JS", ".com", "s", "es", " 2", " x"];
    match rng.below(10) {
        0..=4 => {
            let mut query = rng.pick(aliases).to_string();
            for _ in 0..rng.below(3) {
                query = mutate(rng, &query);
            }
            query
        }
        5 | 6 => {
            let mut query = rng.pick(aliases).to_string();
            if rng.below(2) == 0 {
                query = format!("{}{query}", rng.pick(PREFIXES));
            }
            if rng.below(2) == 0 {
                query.push_str(rng.pick::<&str>(SUFFIXES));
            }
            if rng.below(2) == 0 {
                query = mutate(rng, &query);
            }
            query
        }
        7 => rng.pick(aliases).to_uppercase().replace(' ', "-"),
        _ => (0..1 + rng.below(16)).map(|_| *rng.pick(ALPHABET)).collect(),
    }
}

/// What must agree: the skill found, its score, its edits and how it was found. Which alias of one skill is
/// returned may differ between two aliases of equal score only through taxonomy order, which both sides share,
/// but the alias is not what a caller acts on.
fn answers(taxonomy: &Taxonomy, found: &[FuzzyMatch]) -> Vec<(String, u8, u8, FuzzyHow)> {
    found.iter().map(|m| (taxonomy.skill(m.alias.skill).id.clone(), m.score, m.edits, m.how)).collect()
}

/// Queries in the property test: enough to hit every path hundreds of times, few enough that the scan keeps the
/// test to seconds in a debug build.
const QUERIES: usize = 2000;

/// The index against the scan over the built-in taxonomy: the same skills, scores, edits and kinds in the same
/// order, for random aliases with up to two random edits, vendors and versions added, and random strings.
#[test]
fn index_agrees_with_a_brute_force_scan() {
    let taxonomy = Taxonomy::builtin();
    let index = FuzzyIndex::new(&taxonomy);
    let scan = FuzzyScan::new(&taxonomy);
    let aliases: Vec<&str> = taxonomy.skills().iter().flat_map(|s| s.aliases.iter().map(|a| a.text.as_str())).collect();
    let mut rng = Rng(0x5EED_CAFE_F00D_D00D);
    let (mut typos, mut variants, mut misses) = (0, 0, 0);
    let mut disagreements = Vec::new();
    for _ in 0..QUERIES {
        let query = random_query(&mut rng, &aliases);
        let found = answers(&taxonomy, &index.lookup(&taxonomy, &query, 3));
        let expected = answers(&taxonomy, &scan.lookup(&query, 3));
        if found != expected {
            disagreements.push(format!("{query:?}: index {found:?}, scan {expected:?}"));
        }
        match found.first().map(|m| m.3) {
            Some(FuzzyHow::Typo) => typos += 1,
            Some(FuzzyHow::Variant) => variants += 1,
            Some(FuzzyHow::Exact) => {}
            None => misses += 1,
        }
    }
    assert!(disagreements.is_empty(), "{} disagreements:\n{}", disagreements.len(), disagreements.join("\n"));
    // The queries exercise every path, not only exact hits and misses.
    assert!(typos > 300 && variants > 100 && misses > 100, "{typos} typos, {variants} variants, {misses} misses");
}

/// Inputs at the edges of tokenising, stemming and stripping: both sides give the same answer, and neither
/// panics.
#[test]
fn odd_inputs_agree_with_the_scan() {
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
        "MS Excel 2019 x",
        "Adobe-Photoshop-CC-2020.com",
        "Pythonjs3",
    ];
    let taxonomy = Taxonomy::builtin();
    let (index, scan) = (FuzzyIndex::new(&taxonomy), FuzzyScan::new(&taxonomy));
    let long_word = "Kubernetes".repeat(1000);
    let long_text = "a ".repeat(5000);
    let emoji_wall = "🙂".repeat(2500);
    let inputs = ODD_INPUTS.iter().copied().chain([long_word.as_str(), long_text.as_str(), emoji_wall.as_str()]);
    for input in inputs {
        let found = index.lookup(&taxonomy, input, 5);
        assert!(found.len() <= 5, "{input:?}");
        assert_eq!(answers(&taxonomy, &found), answers(&taxonomy, &scan.lookup(input, 5)), "{input:?}");
    }
}
