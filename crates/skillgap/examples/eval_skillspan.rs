//! Measures extraction against the SkillSpan annotations (`skillspan-train/train.json`).
//!
//! A gold "knowledge" span counts as found when a mention overlaps it (recall); a mention counts as correct when
//! it overlaps any gold span, skill or knowledge (precision). Postings are rebuilt from their sentences, one per
//! line, tokens joined by spaces, and extracted whole, so that context rules see what a real posting gives them.
//!
//! `cargo run --release -p skillgap --example eval_skillspan -- ../shared/data [--taxonomy FILE.csv] [--misses]`
//!
//! With `SKILLSPAN_SAMPLE=1`, every mention outside the gold spans that is neither a job title nor a language or
//! degree is printed to stderr with its line, for reading what the taxonomy gets wrong.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::ExitCode;

use skillgap::{Extractor, Kind, Taxonomy};

/// Words that make the mention before them part of a job title or role.
const ROLE_WORDS: &[&str] = &[
    "developer",
    "developers",
    "engineer",
    "engineers",
    "engineering",
    "programmer",
    "architect",
    "consultant",
    "specialist",
    "manager",
    "analyst",
    "administrator",
    "team",
    "lead",
    "expert",
    "tester",
    "designer",
    "scientist",
    "student",
    "students",
    "position",
    "role",
    "department",
];

#[derive(Default)]
struct Tally {
    mentions: usize,
    correct: usize,
    gold_knowledge: usize,
    found_knowledge: usize,
}

struct Sentence {
    tokens: Vec<String>,
    skill: Vec<String>,
    knowledge: Vec<String>,
}

fn spans(tags: &[String]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, t) in tags.iter().enumerate() {
        match t.as_str() {
            "B" => {
                if let Some(s) = start.take() {
                    out.push((s, i));
                }
                start = Some(i);
            }
            "I" if start.is_some() => {}
            "I" => start = Some(i),
            _ => {
                if let Some(s) = start.take() {
                    out.push((s, i));
                }
            }
        }
    }
    if let Some(s) = start {
        out.push((s, tags.len()));
    }
    out
}

fn strings(v: &serde_json::Value, key: &str) -> Vec<String> {
    v[key].as_array().map(|a| a.iter().filter_map(|s| s.as_str().map(str::to_owned)).collect()).unwrap_or_default()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let data = PathBuf::from(args.first().map_or("../shared/data", String::as_str));
    let file = data.join("skillspan-train/train.json");
    let Ok(text) = std::fs::read_to_string(&file) else {
        println!(
            "skipped: {} not found; pass the folder that holds skillspan-train/ (e.g. ../shared/data)",
            file.display()
        );
        return ExitCode::SUCCESS;
    };
    let show_misses = args.iter().any(|a| a == "--misses");
    let mut builder = Taxonomy::builder();
    builder.add_builtin();
    if let Some(i) = args.iter().position(|a| a == "--taxonomy") {
        let Some(path) = args.get(i + 1) else {
            eprintln!("--taxonomy needs a CSV path");
            return ExitCode::from(2);
        };
        let layer = std::fs::read_to_string(path).unwrap_or_default();
        if let Err(e) = builder.add_csv(path, &layer) {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    }
    let taxonomy = match builder.build() {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    let extractor = Extractor::new(taxonomy);
    // (source, idx) -> sentences, in file order.
    let mut postings: BTreeMap<(String, u64), Vec<Sentence>> = BTreeMap::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let Ok(v) = serde_json::from_str::<serde_json::Value>(line) else { continue };
        let source = v["source"].as_str().unwrap_or_default().to_owned();
        let idx = v["idx"].as_u64().unwrap_or_default();
        postings.entry((source, idx)).or_default().push(Sentence {
            tokens: strings(&v, "tokens"),
            skill: strings(&v, "tags_skill"),
            knowledge: strings(&v, "tags_knowledge"),
        });
    }
    let mut tallies: BTreeMap<String, Tally> = BTreeMap::new();
    let mut false_positives: BTreeMap<String, usize> = BTreeMap::new();
    let mut misses: BTreeMap<String, usize> = BTreeMap::new();
    let mut fp_categories: BTreeMap<&str, usize> = BTreeMap::new();
    for ((source, _), sentences) in &postings {
        // Rebuild the posting: one sentence per line, with each token's byte span.
        let mut doc = String::new();
        let mut token_spans: Vec<Vec<(usize, usize)>> = Vec::new();
        for s in sentences {
            let mut spans_here = Vec::new();
            for (i, t) in s.tokens.iter().enumerate() {
                if i > 0 {
                    doc.push(' ');
                }
                spans_here.push((doc.len(), doc.len() + t.len()));
                doc.push_str(t);
            }
            doc.push('\n');
            token_spans.push(spans_here);
        }
        let found = extractor.extract(&doc);
        let mentions: Vec<(usize, usize, String)> = found
            .skills
            .iter()
            .flat_map(|e| e.mentions.iter().map(|m| (m.span.start, m.span.end, m.text.clone())))
            .collect();
        let kinds: Vec<Kind> = found
            .skills
            .iter()
            .flat_map(|e| e.mentions.iter().map(|_| extractor.taxonomy().skill(e.skill).kind))
            .collect();
        let tally = tallies.entry(source.clone()).or_default();
        let byte_span = |sent: usize, (a, b): (usize, usize)| (token_spans[sent][a].0, token_spans[sent][b - 1].1);
        let overlaps = |(s, e): (usize, usize), m: &(usize, usize, String)| m.0 < e && s < m.1;
        let mut gold_any = Vec::new();
        for (si, s) in sentences.iter().enumerate() {
            for sp in spans(&s.knowledge) {
                let bs = byte_span(si, sp);
                gold_any.push(bs);
                tally.gold_knowledge += 1;
                if mentions.iter().any(|m| overlaps(bs, m)) {
                    tally.found_knowledge += 1;
                } else {
                    *misses.entry(s.tokens[sp.0..sp.1].join(" ")).or_default() += 1;
                }
            }
            for sp in spans(&s.skill) {
                gold_any.push(byte_span(si, sp));
            }
        }
        for (m, kind) in mentions.iter().zip(&kinds) {
            tally.mentions += 1;
            if gold_any.iter().any(|&g| overlaps(g, m)) {
                tally.correct += 1;
            } else {
                *false_positives.entry(m.2.to_lowercase()).or_default() += 1;
                // Why the annotators may have left it out: a job title ("Java Developer"), or a language or
                // degree, which SkillSpan does not annotate as knowledge.
                let next_word: String = doc[m.1..].split_whitespace().next().unwrap_or("").to_lowercase();
                let category = if matches!(kind, Kind::Spoken | Kind::Degree) {
                    "spoken language or degree"
                } else if ROLE_WORDS.contains(&next_word.trim_matches(|c: char| !c.is_alphanumeric())) {
                    "job title or role (\"Java Developer\")"
                } else {
                    "other"
                };
                *fp_categories.entry(category).or_default() += 1;
                if std::env::var_os("SKILLSPAN_SAMPLE").is_some() && category == "other" {
                    let line_start = doc[..m.0].rfind('\n').map_or(0, |i| i + 1);
                    let line_end = doc[m.1..].find('\n').map_or(doc.len(), |i| m.1 + i);
                    eprintln!("FP [{}] {}", m.2, &doc[line_start..line_end]);
                }
            }
        }
    }
    let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!("SkillSpan train ({} postings): span precision = mentions overlapping any gold span; knowledge recall = gold knowledge spans overlapped by a mention", postings.len());
    let mut all = Tally::default();
    for (source, t) in &tallies {
        println!(
            "  {source:<5}  precision {:.3} ({}/{})  knowledge recall {:.3} ({}/{})",
            ratio(t.correct, t.mentions),
            t.correct,
            t.mentions,
            ratio(t.found_knowledge, t.gold_knowledge),
            t.found_knowledge,
            t.gold_knowledge
        );
        all.mentions += t.mentions;
        all.correct += t.correct;
        all.gold_knowledge += t.gold_knowledge;
        all.found_knowledge += t.found_knowledge;
    }
    println!(
        "  all    precision {:.3} ({}/{})  knowledge recall {:.3} ({}/{})",
        ratio(all.correct, all.mentions),
        all.correct,
        all.mentions,
        ratio(all.found_knowledge, all.gold_knowledge),
        all.found_knowledge,
        all.gold_knowledge
    );
    println!("mentions outside any gold span, by kind:");
    for (category, n) in &fp_categories {
        println!("  {n:>5}  {category}");
    }
    if show_misses {
        let mut fp: Vec<_> = false_positives.into_iter().collect();
        fp.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        println!("\nmost frequent mentions outside any gold span:");
        for (text, n) in fp.iter().take(60) {
            println!("  {n:>4}  {text}");
        }
        let mut ms: Vec<_> = misses.into_iter().collect();
        ms.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        println!("\nmost frequent missed knowledge spans:");
        for (text, n) in ms.iter().take(100) {
            println!("  {n:>4}  {text}");
        }
    }
    ExitCode::SUCCESS
}
