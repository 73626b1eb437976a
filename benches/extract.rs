//! Benchmarks over the project's own example documents (`data/examples/`).
//!
//! `cargo bench --bench extract`

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use skillgap::{compare, suggest, Extractor, Profile, Scratch, Taxonomy};

fn main() {
    divan::main();
}

const POSTINGS: &[&str] = &[
    include_str!("../data/examples/posting_data_engineer.md"),
    include_str!("../data/examples/posting_nurse.txt"),
    include_str!("../data/examples/posting_accountant.txt"),
    include_str!("../data/examples/posting_sales_rep.txt"),
    include_str!("../data/examples/bio_hired_data_engineer.txt"),
    include_str!("../data/examples/bio_hired_marketing_manager.txt"),
];
const CV: &str = include_str!("../data/examples/cv_data_engineer.md");

/// Loading the built-in taxonomy: CSV parse and index.
#[divan::bench]
fn load_taxonomy() -> Taxonomy {
    Taxonomy::builtin()
}

/// Building the extractor (the alias trie) over the built-in taxonomy.
#[divan::bench]
fn build_extractor(bencher: Bencher) {
    bencher.with_inputs(Taxonomy::builtin).bench_values(Extractor::new);
}

/// Extraction of one posting at a time, all example postings in turn, reusing scratch buffers as batch does.
#[divan::bench]
fn extract_postings(bencher: Bencher) {
    let extractor = Extractor::new(Taxonomy::builtin());
    let bytes: usize = POSTINGS.iter().map(|p| p.len()).sum();
    let mut scratch = Scratch::default();
    bencher.counter(BytesCount::new(bytes)).counter(ItemsCount::new(POSTINGS.len())).bench_local(|| {
        for posting in POSTINGS {
            black_box(extractor.extract_with(black_box(posting), &mut scratch));
        }
    });
}

/// One `compare` as the CLI runs it: taxonomy load, the automaton over the aliases these documents can contain,
/// the CV (with its skill list read by the fuzzy index), the posting, the comparison and the suggestions.
#[divan::bench(sample_count = 30)]
fn compare_end_to_end() {
    let taxonomy = Taxonomy::builtin();
    let extractor =
        Extractor::builder().restrict_to_words_of(&[CV, POSTINGS[0]]).build(taxonomy).expect("the automaton builds");
    let profile = Profile::from_text(&extractor, CV);
    let target = extractor.extract(POSTINGS[0]);
    let comparison = compare(extractor.taxonomy(), &profile, &[target]);
    black_box(suggest(extractor.taxonomy(), &profile, &comparison, &["the posting".to_owned()]));
}
