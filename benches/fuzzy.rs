//! Fuzzy lookup against the built-in taxonomy: the index (alias key shapes by length) beside a brute-force strsim
//! scan over every alias, and the index build (which runs at CLI start-up).
//!
//! The scan is the test oracle in `crates/skillgap/tests/support/fuzzy_scan.rs`, outside the library's API.
//!
//! `cargo bench --bench fuzzy`

use std::sync::OnceLock;

use divan::counter::ItemsCount;
use divan::{black_box, Bencher};
use skillgap::{FuzzyIndex, Taxonomy};

#[path = "../crates/skillgap/tests/support/fuzzy_scan.rs"]
mod fuzzy_scan;

use fuzzy_scan::FuzzyScan;

fn main() {
    divan::main();
}

/// What people write in a skills list: typos, variants, correct names, and text that is no skill at all.
const QUERIES: &[&str] = &[
    // Typos.
    "Kubernets",
    "Pyhton",
    "Javascrpt",
    "Terrafrom",
    "Project Managment",
    // Variants.
    "Postgre SQL",
    "MS-Excel",
    "Javascript ES6",
    "Salesforce.com",
    "Adobe Photoshop CC 2020",
    "ReactJS",
    "REST APIs",
    // Correct names.
    "Kubernetes",
    "Python",
    "Microsoft Excel",
    "Accounts Payable",
    "Wound Care",
    // Garbage.
    "xqzvbnm",
    "Lorem ipsum dolor sit amet",
    "🙂🙂",
];

/// How many candidates the CLI asks for ("did you mean ...").
const LIMIT: usize = 5;

struct Fixture {
    taxonomy: Taxonomy,
    index: FuzzyIndex,
    scan: FuzzyScan,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let taxonomy = Taxonomy::builtin();
        let index = FuzzyIndex::new(&taxonomy);
        let scan = FuzzyScan::new(&taxonomy);
        Fixture { taxonomy, index, scan }
    })
}

/// Building the index over the built-in taxonomy (taxonomy load excluded).
#[divan::bench(sample_count = 200)]
fn build_index(bencher: Bencher) {
    let taxonomy = &fixture().taxonomy;
    bencher.bench(|| FuzzyIndex::new(black_box(taxonomy)));
}

/// One lookup through the index.
#[divan::bench(args = QUERIES)]
fn lookup_index(bencher: Bencher, query: &str) {
    let f = fixture();
    bencher.bench(|| f.index.lookup(&f.taxonomy, black_box(query), LIMIT));
}

/// The same lookup by scanning every alias with strsim.
#[divan::bench(args = QUERIES, sample_count = 30)]
fn lookup_scan(bencher: Bencher, query: &str) {
    let f = fixture();
    bencher.bench(|| f.scan.lookup(black_box(query), LIMIT));
}

/// Every query once through the index, as `compare` runs over a skills list.
#[divan::bench]
fn lookup_index_all(bencher: Bencher) {
    let f = fixture();
    bencher.counter(ItemsCount::new(QUERIES.len())).bench(|| {
        for query in QUERIES {
            black_box(f.index.lookup(&f.taxonomy, black_box(query), LIMIT));
        }
    });
}

/// Every query once by scanning.
#[divan::bench(sample_count = 10)]
fn lookup_scan_all(bencher: Bencher) {
    let f = fixture();
    bencher.counter(ItemsCount::new(QUERIES.len())).bench(|| {
        for query in QUERIES {
            black_box(f.scan.lookup(black_box(query), LIMIT));
        }
    });
}
