//! Writes realistic job postings, about 4 KB each, from the built-in taxonomy and the templates in
//! `support/postings.rs`: for batch runs, throughput and memory measurements.
//!
//! `cargo run --release -p skillgap --example gen_postings -- --count 20000 --out /tmp/postings --seed 1
//! [--jsonl /tmp/postings.jsonl]`
//!
//! With `--out DIR`, each posting is `DIR/posting_NNNNNN.txt`; with `--jsonl FILE`, one JSON object per line
//! (`{"id","title","company","description"}`). The same seed writes the same bytes.

use std::io::{BufWriter, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use skillgap::{ContextRule, Taxonomy};

#[path = "support/postings.rs"]
mod postings;

use postings::{Generator, Term};

/// The generator's view of a taxonomy: each skill's name and the aliases that need no context to count.
fn terms(taxonomy: &Taxonomy) -> Vec<Term> {
    taxonomy
        .skills()
        .iter()
        .map(|skill| Term {
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

struct Options {
    count: u64,
    seed: u64,
    out: Option<PathBuf>,
    jsonl: Option<PathBuf>,
}

fn parse(args: impl Iterator<Item = String>) -> Result<Options, String> {
    let mut options = Options { count: 1000, seed: 1, out: None, jsonl: None };
    let mut args = args.peekable();
    while let Some(flag) = args.next() {
        let mut value = || args.next().ok_or_else(|| format!("{flag} needs a value"));
        match flag.as_str() {
            "--count" => options.count = value()?.parse().map_err(|e| format!("--count: {e}"))?,
            "--seed" => options.seed = value()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "--out" => options.out = Some(PathBuf::from(value()?)),
            "--jsonl" => options.jsonl = Some(PathBuf::from(value()?)),
            other => return Err(format!("unknown argument {other:?}")),
        }
    }
    if options.out.is_none() && options.jsonl.is_none() {
        return Err("give --out DIR, --jsonl FILE or both".to_owned());
    }
    Ok(options)
}

fn run(options: &Options) -> std::io::Result<()> {
    let generator = Generator::new(terms(&Taxonomy::builtin()));
    if let Some(dir) = &options.out {
        std::fs::create_dir_all(dir)?;
    }
    let mut jsonl = match &options.jsonl {
        Some(path) => Some(BufWriter::new(std::fs::File::create(path)?)),
        None => None,
    };
    let mut bytes = 0usize;
    for n in 0..options.count {
        let posting = generator.posting(options.seed, n);
        bytes += posting.text.len();
        if let Some(dir) = &options.out {
            std::fs::write(dir.join(format!("posting_{n:06}.txt")), &posting.text)?;
        }
        if let Some(out) = &mut jsonl {
            let record = serde_json::json!({
                "id": n,
                "title": posting.title,
                "company": posting.company,
                "description": posting.text,
            });
            writeln!(out, "{record}")?;
        }
    }
    if let Some(mut out) = jsonl {
        out.flush()?;
    }
    eprintln!("{} postings, {} bytes on average", options.count, bytes / options.count.max(1) as usize);
    Ok(())
}

fn main() -> ExitCode {
    let options = match parse(std::env::args().skip(1)) {
        Ok(options) => options,
        Err(e) => {
            eprintln!("gen_postings: {e}");
            eprintln!("usage: gen_postings --count N [--seed S] [--out DIR] [--jsonl FILE]");
            return ExitCode::from(2);
        }
    };
    match run(&options) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_postings: {e}");
            ExitCode::FAILURE
        }
    }
}
