//! Start-up: what every `skillgap compare` or `extract` builds before it reads a word, on the project's example
//! documents (`data/examples/`).
//!
//! `cargo bench --bench startup`. The whole process, as a user runs it, is measured with hyperfine (README,
//! "Speed").

use divan::{black_box, Bencher};
use skillgap::{Extractor, FuzzyIndex, Taxonomy, BUILTIN};

fn main() {
    divan::main();
}

const CV: &str = include_str!("../data/examples/cv_data_engineer.md");
const POSTING: &str = include_str!("../data/examples/posting_data_engineer.md");

/// The built-in taxonomy from its precomputed form (`crates/skillgap/data/builtin-taxonomy.tsv`), as every start
/// loads it.
#[divan::bench]
fn taxonomy_precomputed() -> Taxonomy {
    Taxonomy::builtin()
}

/// The built-in taxonomy parsed from its CSV files, as every start loaded it before, and as it still loads when
/// a layer of the user's goes on top.
#[divan::bench]
fn taxonomy_from_csv() -> Taxonomy {
    let mut builder = Taxonomy::builder();
    for (family, text) in BUILTIN {
        builder.add_csv(&format!("builtin:{family}"), text).expect("the built-in taxonomy parses");
    }
    builder.build().expect("the built-in taxonomy is valid")
}

/// Taxonomy load and extractor build, as `compare` does them: the automaton over only the aliases the CV and the
/// posting can contain.
#[divan::bench]
fn taxonomy_and_extractor() -> Extractor {
    Extractor::builder()
        .restrict_to_words_of(&[black_box(CV), black_box(POSTING)])
        .build(Taxonomy::builtin())
        .expect("the automaton builds")
}

/// The fuzzy index over every alias, built on the first CV skill-list item that no alias matches exactly.
#[divan::bench]
fn fuzzy_index(bencher: Bencher) {
    bencher.with_inputs(Taxonomy::builtin).bench_local_refs(|taxonomy| FuzzyIndex::new(taxonomy));
}

/// Everything a start builds for `compare` of the examples: taxonomy, extractor and fuzzy index.
#[divan::bench]
fn startup_for_compare() -> Extractor {
    let extractor = taxonomy_and_extractor();
    black_box(extractor.fuzzy());
    extractor
}
