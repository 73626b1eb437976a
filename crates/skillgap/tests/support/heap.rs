//! Peak heap of a piece of work, read from dhat's statistics, for the memory tests (the workspace forbids the
//! `unsafe` a counting allocator of our own would need; DESIGN.md, Decisions). Each test binary that includes this
//! sets `dhat::Alloc` as its global allocator.

/// The peak heap, in bytes, of the blocks `f` allocates (blocks allocated before it are not counted).
pub fn peak_of(f: impl FnOnce()) -> f64 {
    let _profiler = dhat::Profiler::builder().testing().trim_backtraces(Some(4)).build();
    f();
    dhat::HeapStats::get().max_bytes as f64
}
