//! Memory of reading a large text ([`extract_reading_lists`] over more than [`BLOCK_BYTES`]): it is read a block
//! at a time, so the heap it takes beyond the mentions it finds does not grow with the text. Heap use is read from
//! dhat's statistics (the workspace forbids the `unsafe` a counting allocator of our own would need; DESIGN.md,
//! Decisions).
//!
//! The input that broke it: `extract` of one 100 MB file of postings peaked at 962 MB, from a folded copy of the
//! whole text with a four-byte offset for every byte, and the extraction's lists over the whole text.
//!
//! One test function: dhat's profiler is global to the process.

use skillgap::{extract_reading_lists, Extractor, Taxonomy, BLOCK_BYTES};

#[path = "support/heap.rs"]
mod heap;

use heap::peak_of;

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// What an extra input byte may add to the peak beyond the mentions: nothing, give or take allocator rounding and
/// the growth of the evidence lists. Reading the text whole added about five.
const SLOPE_MAX: f64 = 0.25;

#[test]
fn a_large_text_is_read_in_memory_of_one_block() {
    let extractor = Extractor::new(Taxonomy::builtin());
    // Few mentions, so that the text, not the mentions, would make the working lists grow.
    let paragraph = "We are a friendly team in a bright office near the river, and we like to share lunch on \
                     Fridays. Requirements:\n- SQL\n\n";
    let texts =
        [paragraph.repeat(2 * BLOCK_BYTES / paragraph.len()), paragraph.repeat(4 * BLOCK_BYTES / paragraph.len())];
    let peak = |text: &str| {
        peak_of(|| {
            let document = extract_reading_lists(&extractor, text, None);
            assert!(document.skills.iter().all(|e| e.mentions.iter().all(|m| text[m.span.range()] == m.text)));
            drop(document);
        })
    };
    let (small, large) = (peak(&texts[0]), peak(&texts[1]));
    // The mentions themselves: one `SQL` per paragraph.
    let mentions = (texts[1].len() - texts[0].len()) / paragraph.len();
    let per_mention = 200.0;
    let slope = (large - small - per_mention * mentions as f64) / (texts[1].len() - texts[0].len()) as f64;
    assert!(slope < SLOPE_MAX, "reading grows by {slope:.2} bytes per input byte ({small} → {large})");
}
