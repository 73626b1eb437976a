//! Memory of [`ExtractorBuilder::restrict_to_words_of`]: the text is folded a piece at a time, so the heap it takes
//! beyond its vocabulary does not grow with the text. Heap use is read from dhat's statistics (the workspace
//! forbids the `unsafe` a counting allocator of our own would need; DESIGN.md, Decisions).
//!
//! The input that broke it: `extract --lines` over 100 MB of postings peaked at 618 MB, from a folded copy of the
//! whole text with a four-byte offset for every byte, made only to collect its words.
//!
//! One test function: dhat's profiler is global to the process.

use skillgap::Extractor;

#[path = "support/heap.rs"]
mod heap;

use heap::peak_of;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// The smaller text, in bytes; the larger is four times as long.
const SMALL_BYTES: usize = 4 << 20;

/// What an extra input byte may add to the peak: nothing, give or take allocator rounding. Folding the whole text
/// at once added five (one for the folded copy, four for its offset map).
const SLOPE_MAX: f64 = 0.25;

#[test]
fn restricting_to_a_text_does_not_copy_the_whole_text() {
    let line = "Senior engineer: Kubernetes, PostgreSQL and Apache Kafka; Python preferred.\n";
    let texts = [line.repeat(SMALL_BYTES / line.len()), line.repeat(4 * SMALL_BYTES / line.len())];
    let peak = |text: &str| {
        peak_of(|| {
            let mut builder = Extractor::builder();
            builder.restrict_to_words_of(&[text]);
            drop(builder);
        })
    };
    let (small, large) = (peak(&texts[0]), peak(&texts[1]));
    let slope = (large - small) / (texts[1].len() - texts[0].len()) as f64;
    assert!(slope < SLOPE_MAX, "restricting grows by {slope:.2} bytes per input byte ({small} → {large})");
}
