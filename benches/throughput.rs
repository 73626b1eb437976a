//! Per-posting throughput of the batch hot path over generated postings of about 4 KB (see
//! `crates/skillgap/examples/support/postings.rs`): extraction with kind detection, and extraction plus `compare`
//! against a fixed CV.
//!
//! `cargo bench --bench throughput`
//!
//! The batch target is 20,000 postings per second end to end on 2 cores, so about 100 µs per posting per core for
//! everything: reading, extraction, comparison and output. The bare alias scan takes about 77 µs (DESIGN.md).

use divan::counter::{BytesCount, ItemsCount};
use divan::{black_box, Bencher};
use skillgap::{compare, ContextRule, Extractor, Profile, Scratch, Taxonomy};

#[path = "../crates/skillgap/examples/support/postings.rs"]
mod postings;

/// Counts allocations per iteration, beside the time.
#[global_allocator]
static ALLOC: divan::AllocProfiler = divan::AllocProfiler::system();

fn main() {
    divan::main();
}

/// How many postings one benchmark iteration reads: enough to mix fields and heading styles.
const POSTINGS: u64 = 200;
const SEED: u64 = 1;
const CV: &str = include_str!("../data/examples/cv_data_engineer.md");

/// The generator's view of a taxonomy: each skill's name and the aliases that need no context to count.
fn terms(taxonomy: &Taxonomy) -> Vec<postings::Term> {
    taxonomy
        .skills()
        .iter()
        .map(|skill| postings::Term {
            name: skill.name.clone(),
            family: skill.family.clone(),
            kind: skill.kind.as_str().to_owned(),
            aliases: skill
                .aliases
                .iter()
                .skip(1)
                .filter(|a| a.context == ContextRule::Free)
                .map(|a| a.text.clone())
                .collect(),
        })
        .collect()
}

fn generated(taxonomy: &Taxonomy) -> Vec<String> {
    let generator = postings::Generator::new(terms(taxonomy));
    (0..POSTINGS).map(|n| generator.posting(SEED, n).text).collect()
}

/// Extraction of one posting at a time, with its kind read from the text, reusing scratch buffers as batch does.
#[divan::bench]
fn extract(bencher: Bencher) {
    let extractor = Extractor::new(Taxonomy::builtin());
    let texts = generated(extractor.taxonomy());
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut scratch = Scratch::default();
    bencher.counter(BytesCount::new(bytes)).counter(ItemsCount::new(texts.len())).bench_local(|| {
        for text in &texts {
            black_box(extractor.extract_with(black_box(text), &mut scratch));
        }
    });
}

/// Extraction and comparison with a fixed CV, one posting at a time: the per-posting work of `batch`.
#[divan::bench]
fn extract_and_compare(bencher: Bencher) {
    let extractor = Extractor::new(Taxonomy::builtin());
    let texts = generated(extractor.taxonomy());
    let profile = Profile::from_text(&extractor, CV);
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut scratch = Scratch::default();
    bencher.counter(BytesCount::new(bytes)).counter(ItemsCount::new(texts.len())).bench_local(|| {
        for text in &texts {
            let document = extractor.extract_with(black_box(text), &mut scratch);
            black_box(compare(extractor.taxonomy(), &profile, std::slice::from_ref(&document)));
        }
    });
}
