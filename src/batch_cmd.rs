//! `skillgap batch`: the CV against every posting under the given paths, scored in parallel, ranked, with the
//! skills that would lift the most postings.
//!
//! The engine streams, as a pipeline of chunks of bounded size. A reader thread walks the paths lazily and gathers
//! inputs into chunks (see [`Reader`]). Each chunk then goes through four steps: read and parse (parallel), find
//! repeated texts (in input order), score (parallel, one [`Scratch`] per worker), and add to the tally and write
//! JSON Lines (in input order, see [`Sink::finish`]). The steps of neighbouring chunks overlap: while the workers
//! parse one chunk and score the one before, this thread tallies and writes the one before that, so no core waits
//! for the serial steps. Only the tally's bounded rows and totals outlive a chunk, and every step that decides
//! anything runs in input order, so the output is the same bytes whatever `--jobs` is.

use std::io::{self, IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::mpsc::{sync_channel, SyncSender};
use std::time::Duration;

use anyhow::{bail, Context, Result};
use indicatif::{ProgressBar, ProgressStyle};
use rayon::prelude::*;
use skillgap::{
    csv_postings, decode_text, document_posting_read, json_line_posting, json_lines, json_postings, json_postings_each,
    text_key, BatchRecord, BatchScorer, BatchTally, Encoding, Error, Extractor, InputShape, Posting, Scored, Scratch,
    Taxonomy, TextKey,
};

use crate::args::FormatArg;
use crate::config::BatchConfig;
use crate::input::Inputs;
use crate::output::Output;
use crate::render::{self, Style};
use crate::walk::{walk, Walked};

/// A chunk is scored once it holds this many inputs...
const CHUNK_INPUTS: usize = 512;
/// ...or this many bytes of them: enough work to keep every core busy (about 0.2 s of it for 512 postings of 4 KB
/// on 2 cores), little enough that memory stays flat (2,048 inputs and 16 MB held about 10 MB more at the peak).
const CHUNK_BYTES: usize = 4 << 20;
/// Chunks the reader may gather ahead of the engine: enough that the next chunk is ready when the workers are, few
/// enough that memory stays bounded (three more chunks are in the pipeline's steps).
const CHUNKS_AHEAD: usize = 2;
/// JSON files this large are parsed as they are read, one posting at a time ([`Reader::read_large_json`]).
const STREAM_JSON_BYTES: usize = 4 << 20;
/// JSON Lines output is written once this much is waiting (and at the end of every chunk).
const FLUSH_BYTES: usize = 1 << 16;

/// One input waiting in a chunk, before it is parsed.
enum Unit {
    /// A .txt, .md, .html, .pdf, .docx or .odt file, read by the worker that parses it (so that reading
    /// overlaps reading and parsing on the other workers): one posting. `len` is its size when the walk saw it.
    Document { name: String, path: PathBuf, len: u64, inputs: Inputs },
    /// A .json file's bytes: one posting or several.
    Json { name: String, bytes: Vec<u8> },
    /// One line of a .jsonl file, named `file:LINE`.
    JsonLine { name: String, line: String },
    /// A CSV row, already read.
    Ready(Posting),
    /// An input that failed before it reached the chunk.
    Failed { name: String, reason: String },
}

impl Unit {
    fn size(&self) -> usize {
        match self {
            Unit::Document { len, inputs, .. } => (*len).min(inputs.max_bytes).try_into().unwrap_or(usize::MAX),
            Unit::Json { bytes, .. } => bytes.len(),
            Unit::JsonLine { line, .. } => line.len(),
            Unit::Ready(p) => p.text.len(),
            Unit::Failed { .. } => 0,
        }
    }
}

/// A parsed input: a posting with the key of its text and the encoding it was read in, or a failure (name,
/// reason).
type Parsed = Result<(Posting, TextKey, Encoding), (String, String)>;

/// What became of one input, in input order.
enum Slot {
    Scored(usize),
    Duplicate { name: String, of: String },
    Failed { name: String, reason: String },
}

/// The name and reason of a library error: `file:LINE` (or `file#N`) and the message.
fn failure_of(err: &Error) -> (String, String) {
    let name = match (err.line(), err.column()) {
        (Some(line), Some(column)) => format!("{}:{line}:{column}", err.source_name()),
        (Some(line), None) => format!("{}:{line}", err.source_name()),
        _ => err.source_name().to_owned(),
    };
    (name, err.message().to_owned())
}

fn parse(unit: Unit) -> Vec<Parsed> {
    let keyed_in = |r: Result<(Posting, Encoding), Error>| -> Parsed {
        r.map(|(p, encoding)| {
            let key = text_key(&p.text);
            (p, key, encoding)
        })
        .map_err(|e| failure_of(&e))
    };
    // Data files (JSON, JSON Lines, CSV) are read as UTF-8 only, never guessed.
    let keyed = |r: Result<Posting, Error>| keyed_in(r.map(|p| (p, Encoding::Utf8)));
    match unit {
        Unit::Document { name, path, inputs, .. } => match inputs.file_bytes(&path) {
            Ok(bytes) => vec![keyed_in(document_posting_read(&name, bytes))],
            Err(reason) => vec![Err((name, reason))],
        },
        Unit::Json { name, bytes } => match json_postings(&name, bytes) {
            Ok(postings) => postings.into_iter().map(keyed).collect(),
            Err(e) => vec![Err(failure_of(&e))],
        },
        Unit::JsonLine { name, line } => vec![keyed(json_line_posting(&name, &line))],
        Unit::Ready(posting) => vec![keyed(Ok(posting))],
        Unit::Failed { name, reason } => vec![Err((name, reason))],
    }
}

/// What the walk gathered for one chunk: its inputs, what it counted, and the messages it had for standard error
/// while it gathered them (printed before the chunk's own, where a walk on this thread printed them).
struct Chunk<U> {
    inputs: Vec<U>,
    /// Files opened.
    files: usize,
    /// Files skipped for their extension or type.
    skipped: usize,
    notes: Vec<String>,
}

impl<U> Default for Chunk<U> {
    fn default() -> Chunk<U> {
        Chunk { inputs: Vec::new(), files: 0, skipped: 0, notes: Vec::new() }
    }
}

impl<U> Chunk<U> {
    /// The same chunk with its inputs replaced.
    fn with<V>(self, inputs: Vec<V>) -> Chunk<V> {
        Chunk { inputs, files: self.files, skipped: self.skipped, notes: self.notes }
    }
}

/// A chunk with its repeats found: the postings left to score, and what became of every input.
struct Sorted {
    chunk: Chunk<Slot>,
    to_score: Vec<Posting>,
    /// Documents read as Windows-1252, in input order.
    windows_1252: Vec<String>,
}

/// Walks the paths on a thread of its own and sends the inputs on in chunks: a JSON file whole, a JSON Lines file
/// line by line, a CSV row by row (so that a large file is scored in several chunks). A document goes in unread,
/// for a worker to read.
struct Reader<'a> {
    options: &'a BatchConfig,
    inputs: Inputs,
    progress: ProgressBar,
    chunk: Chunk<Unit>,
    chunk_bytes: usize,
    to_engine: SyncSender<Chunk<Unit>>,
}

/// The engine has stopped (on an error of its own, which it reports): the walk stops too.
struct Stopped;

impl Reader<'_> {
    fn run(mut self) {
        if self.walk().is_ok() {
            // The last chunk, even empty: it carries the walk's last counts and messages.
            let _ = self.to_engine.send(std::mem::take(&mut self.chunk));
        }
    }

    fn walk(&mut self) -> Result<(), Stopped> {
        for walked in walk(&self.options.paths, self.options.hidden) {
            match walked {
                Walked::File { path, explicit, len } => match InputShape::from_name(&path.display().to_string()) {
                    Some(shape) => self.read_file(path, len, shape)?,
                    None => {
                        self.chunk.skipped += 1;
                        if explicit {
                            self.chunk.notes.push(format!(
                                "skillgap: {}: skipped; batch reads .txt, .md, .html, .pdf, .docx, .odt, .json, .jsonl and .csv files",
                                skillgap::printable(&path.display().to_string())
                            ));
                        }
                    }
                },
                Walked::Special(path) => {
                    self.chunk.skipped += 1;
                    self.chunk.notes.push(format!(
                        "skillgap: {}: skipped; not a regular file",
                        skillgap::printable(&path.display().to_string())
                    ));
                }
                Walked::Loop(path) => self.chunk.notes.push(format!(
                    "skillgap: {}: a link to a folder already read; not followed",
                    skillgap::printable(&path.display().to_string())
                )),
                Walked::Failed { path, reason } => self.fail(path.display().to_string(), reason)?,
            }
        }
        Ok(())
    }

    fn push(&mut self, unit: Unit) -> Result<(), Stopped> {
        // Counted as inputs are read, on this thread alone: the workers never contend for the bar.
        self.progress.inc(1);
        self.chunk_bytes += unit.size();
        self.chunk.inputs.push(unit);
        if self.chunk.inputs.len() >= CHUNK_INPUTS || self.chunk_bytes >= CHUNK_BYTES {
            self.chunk_bytes = 0;
            self.to_engine.send(std::mem::take(&mut self.chunk)).map_err(|_| Stopped)?;
        }
        Ok(())
    }

    fn fail(&mut self, name: String, reason: String) -> Result<(), Stopped> {
        self.push(Unit::Failed { name, reason })
    }

    /// Reads one file into the chunk.
    fn read_file(&mut self, path: PathBuf, len: u64, shape: InputShape) -> Result<(), Stopped> {
        let (options, inputs) = (self.options, self.inputs);
        let name = path.display().to_string();
        self.chunk.files += 1;
        let bytes = match shape {
            InputShape::Json | InputShape::JsonLines | InputShape::Csv => inputs.file_bytes(&path),
            _ => return self.push(Unit::Document { name, path, len, inputs }),
        };
        let bytes = match bytes {
            Ok(bytes) => bytes,
            Err(reason) => return self.fail(name, reason),
        };
        match shape {
            InputShape::Json if bytes.len() >= STREAM_JSON_BYTES => self.read_large_json(name, bytes),
            InputShape::Json => self.push(Unit::Json { name, bytes }),
            InputShape::JsonLines | InputShape::Csv => {
                let text = match decode_text(&name, bytes) {
                    Ok(text) => text,
                    Err(e) => {
                        let (name, reason) = failure_of(&e);
                        return self.fail(name, reason);
                    }
                };
                if shape == InputShape::JsonLines {
                    for (line_name, line) in json_lines(&name, &text) {
                        self.push(Unit::JsonLine { name: line_name, line: line.to_owned() })?;
                    }
                    return Ok(());
                }
                let rows = match csv_postings(&name, &text, options.text_column.as_deref()) {
                    Ok(rows) => rows,
                    Err(e) => {
                        let (name, reason) = failure_of(&e);
                        return self.fail(name, reason);
                    }
                };
                for row in rows {
                    match row {
                        Ok(posting) => self.push(Unit::Ready(posting))?,
                        Err(e) => {
                            let (name, reason) = failure_of(&e);
                            self.fail(name, reason)?;
                        }
                    }
                }
                Ok(())
            }
            // Pushed above, unread.
            _ => Ok(()),
        }
    }

    /// A large JSON file's postings go into the chunk as they are parsed, here on the reading thread, so that a
    /// list of 50,000 postings is scored chunk by chunk instead of held whole (small files are parsed in parallel).
    fn read_large_json(&mut self, name: String, bytes: Vec<u8>) -> Result<(), Stopped> {
        let mut pushed = Ok(());
        let read = json_postings_each(&name, bytes, |posting| {
            if pushed.is_ok() {
                pushed = self.push(match posting {
                    Ok(posting) => Unit::Ready(posting),
                    Err(e) => {
                        let (name, reason) = failure_of(&e);
                        Unit::Failed { name, reason }
                    }
                });
            }
        });
        pushed?;
        if let Err(e) = read {
            let (name, reason) = failure_of(&e);
            self.fail(name, reason)?;
        }
        Ok(())
    }
}

/// The serial end of the pipeline: the tally, the output and the progress bar, on this thread alone.
struct Sink<'a> {
    out: &'a mut Output,
    taxonomy: &'a Taxonomy,
    tally: BatchTally,
    jsonl: Option<String>,
    progress: ProgressBar,
}

impl Sink<'_> {
    /// Finds the repeats of a parsed chunk, in input order, before it is scored: a repeat is never scored.
    fn sort(&mut self, mut parsed: Chunk<Vec<Parsed>>) -> Sorted {
        let mut slots = Vec::new();
        let mut to_score: Vec<Posting> = Vec::new();
        let mut windows_1252 = Vec::new();
        for item in std::mem::take(&mut parsed.inputs).into_iter().flatten() {
            match item {
                Ok((posting, key, encoding)) => {
                    if encoding == Encoding::Windows1252 {
                        windows_1252.push(posting.name.clone());
                    }
                    match self.tally.earlier_with_text(key, &posting.name) {
                        Some(of) => slots.push(Slot::Duplicate { name: posting.name, of }),
                        None => {
                            slots.push(Slot::Scored(to_score.len()));
                            to_score.push(posting);
                        }
                    }
                }
                Err((name, reason)) => slots.push(Slot::Failed { name, reason }),
            }
        }
        Sorted { chunk: parsed.with(slots), to_score, windows_1252 }
    }

    /// Adds a scored chunk to the tally and writes its JSON Lines, with the walk's messages and the encoding
    /// warnings first, as they came.
    fn finish(&mut self, sorted: Sorted, scored: &[Scored]) -> Result<()> {
        let Sorted { chunk, to_score, windows_1252 } = sorted;
        for _ in 0..chunk.files {
            self.tally.add_file();
        }
        for _ in 0..chunk.skipped {
            self.tally.add_skipped();
        }
        for note in &chunk.notes {
            self.progress.suspend(|| eprintln!("{note}"));
        }
        for name in &windows_1252 {
            self.warn_windows_1252(name);
        }
        for slot in chunk.inputs {
            match slot {
                Slot::Scored(i) => {
                    let (Some(posting), Some(scored)) = (to_score.get(i), scored.get(i)) else { continue };
                    let row = self.tally.add_posting(self.taxonomy, posting, scored);
                    self.write_record(&BatchRecord::Posting(&row))?;
                }
                Slot::Duplicate { name, of } => {
                    let dup = self.tally.add_duplicate(&name, &of);
                    self.write_record(&BatchRecord::Duplicate(&dup))?;
                }
                Slot::Failed { name, reason } => {
                    let failure = self.tally.add_failure(&name, &reason);
                    self.progress.suspend(|| eprintln!("skillgap: {}: {}", failure.name, failure.reason));
                    self.write_record(&BatchRecord::Failure(&failure))?;
                }
            }
        }
        self.write_pending(0)
    }

    /// Tells the user, once per file and in input order, that a document was not UTF-8 and was read as
    /// Windows-1252 (a guess that fits its bytes), and counts it in the summary.
    fn warn_windows_1252(&mut self, name: &str) {
        self.tally.add_windows_1252();
        self.progress.suspend(|| {
            eprintln!(
                "skillgap: warning: {}: not UTF-8, so read as Windows-1252; if some characters look wrong, save the file as UTF-8",
                skillgap::printable(name)
            )
        });
    }

    fn write_record(&mut self, record: &BatchRecord<'_>) -> Result<()> {
        if let Some(out) = &mut self.jsonl {
            out.push_str(&serde_json::to_string(record)?);
            out.push('\n');
        }
        self.write_pending(FLUSH_BYTES)
    }

    /// Writes the waiting JSON Lines once more than `at_least` bytes wait (with the progress bar out of the way,
    /// should both be on one terminal).
    fn write_pending(&mut self, at_least: usize) -> Result<()> {
        if let Some(pending) = &mut self.jsonl {
            if pending.len() > at_least {
                let out = &mut *self.out;
                self.progress.suspend(|| out.write_all(pending.as_bytes()).and_then(|()| out.flush()))?;
                pending.clear();
            }
        }
        Ok(())
    }
}

/// Runs the pipeline over the chunks the reader sends, until it sends no more. Each round, the workers parse the
/// newest chunk and score the one before while this thread tallies and writes the one before that; then this
/// thread finds the repeats of the newly parsed chunk.
fn run_pipeline(
    sink: &mut Sink<'_>,
    scorer: &BatchScorer<'_>,
    pool: &rayon::ThreadPool,
    chunks: impl Iterator<Item = Chunk<Unit>>,
) -> Result<()> {
    let mut chunks = chunks.fuse();
    let mut to_parse = chunks.next();
    let mut to_score: Option<Sorted> = None;
    let mut to_finish: Option<(Sorted, Vec<Scored>)> = None;
    while to_parse.is_some() || to_score.is_some() || to_finish.is_some() {
        let (parsing, scoring, finishing) = (to_parse.take(), to_score.take(), to_finish.take());
        let mut parsed = None;
        let mut scored = None;
        let mut finished = Ok(());
        pool.in_place_scope(|scope| {
            scope.spawn(|_| {
                (parsed, scored) = rayon::join(
                    || {
                        parsing.map(|mut chunk| {
                            let units = std::mem::take(&mut chunk.inputs);
                            chunk.with(units.into_par_iter().map(parse).collect())
                        })
                    },
                    || {
                        scoring.map(|sorted| {
                            let scored = sorted
                                .to_score
                                .par_iter()
                                .map_init(Scratch::default, |scratch, posting| scorer.score(posting, scratch))
                                .collect();
                            (sorted, scored)
                        })
                    },
                );
            });
            if let Some((sorted, scored)) = finishing {
                finished = sink.finish(sorted, &scored);
            }
        });
        finished?;
        to_finish = scored;
        to_score = parsed.map(|parsed| sink.sort(parsed));
        to_parse = chunks.next();
    }
    Ok(())
}

/// Runs the batch and writes the report; the exit code says whether some (1) or all (2) inputs failed.
pub fn run(
    taxonomy: Taxonomy,
    options: &BatchConfig,
    inputs: Inputs,
    phrases: skillgap::PhraseMatching,
    style: Style,
    out: &mut Output,
) -> Result<ExitCode> {
    let cv = inputs.cv(&options.cv)?;
    // Every alias: the postings are not known before the walk, so the matcher cannot be cut down to their words.
    let extractor = Extractor::builder().phrase_matching(phrases).build(taxonomy)?;
    let profile = cv.profile(&extractor, options.today)?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(options.jobs.unwrap_or(0))
        .build()
        .context("cannot start the worker threads")?;
    let progress = progress_bar(out.is_stdout());
    let mut sink = Sink {
        out,
        taxonomy: extractor.taxonomy(),
        tally: BatchTally::new(options.top, options.min_score),
        jsonl: (options.format == FormatArg::Jsonl).then(String::new),
        progress: progress.clone(),
    };
    let scorer = BatchScorer::new(&extractor, &profile, options.gaps);
    std::thread::scope(|threads| {
        let (to_engine, from_reader) = sync_channel(CHUNKS_AHEAD);
        let reader = Reader { options, inputs, progress, chunk: Chunk::default(), chunk_bytes: 0, to_engine };
        threads.spawn(move || reader.run());
        // On an error, `from_reader` is dropped here, and the reader stops at its next chunk.
        run_pipeline(&mut sink, &scorer, &pool, from_reader.into_iter())
    })?;
    sink.progress.finish_and_clear();
    let report = sink.tally.finish(sink.taxonomy, cv.name());
    let summary = report.summary;
    if summary.scored + summary.duplicates + summary.failed == 0 {
        let paths: Vec<String> = options.paths.iter().map(|p| p.display().to_string()).collect();
        let files = if summary.skipped == 1 { "file" } else { "files" };
        bail!(
            "found no postings in {} ({} {files} skipped); batch reads .txt, .md, .html, .pdf, .docx, .odt, .json, .jsonl and .csv files",
            paths.join(", "),
            summary.skipped
        );
    }
    let rendered = match options.format {
        FormatArg::Jsonl => {
            let aggregate =
                BatchRecord::Aggregate { summary, skills: &report.skills, one_skill_away: &report.one_skill_away };
            format!("{}\n", serde_json::to_string(&aggregate)?)
        }
        FormatArg::Json => render::json_pretty(&report)?,
        FormatArg::Csv => render::batch::csv(&report)?,
        FormatArg::Md => render::batch::md(&report),
        FormatArg::Text => render::batch::text(&report, style),
    };
    sink.out.write_all(rendered.as_bytes())?;
    // The process ends here: skip freeing the taxonomy's many small allocations.
    std::mem::forget(extractor);
    Ok(if summary.scored == 0 {
        eprintln!("skillgap: error: no posting could be read ({} failed)", summary.failed);
        ExitCode::from(2)
    } else if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// A spinner with a count on standard error, drawn only when standard error is a terminal and the report does not
/// go down a pipe into another program (whose screen it would draw over): `to_stdout` is false when it goes to an
/// `-o` file.
fn progress_bar(to_stdout: bool) -> ProgressBar {
    if !io::stderr().is_terminal() || (to_stdout && stdout_is_pipe()) {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::new_spinner();
    if let Ok(style) = ProgressStyle::with_template("{spinner} {human_pos} inputs read ({elapsed})") {
        bar.set_style(style);
    }
    bar.enable_steady_tick(Duration::from_millis(120));
    bar
}

#[cfg(unix)]
fn stdout_is_pipe() -> bool {
    use std::os::fd::AsFd;
    use std::os::unix::fs::FileTypeExt;
    let Ok(fd) = io::stdout().as_fd().try_clone_to_owned() else { return true };
    std::fs::File::from(fd).metadata().is_ok_and(|m| m.file_type().is_fifo() || m.file_type().is_socket())
}

#[cfg(not(unix))]
fn stdout_is_pipe() -> bool {
    !io::stdout().is_terminal()
}
