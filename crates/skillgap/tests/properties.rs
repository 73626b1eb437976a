//! Properties on arbitrary Unicode and on text biased towards what the reading rules look at (`support/text_gen.rs`):
//! mention spans index the text they quote, normalisation is idempotent, the whole compare pipeline never panics,
//! and batch scoring does not depend on the order or the thread postings are scored in.
//!
//! The case count is modest so that `cargo test --workspace` stays fast; raise it with `PROPTEST_CASES` (see
//! CONTRIBUTING.md). Linear memory is measured in `tests/linear_memory.rs` (dhat's profiler is global to a process).

#[path = "support/text_gen.rs"]
mod text_gen;

use std::sync::OnceLock;
use std::thread;

use proptest::prelude::*;
use skillgap::{
    block_end, compare, extract_reading_lists, fold, hired_edge, html_to_text, learning_paths, read_source, suggest,
    BatchScorer, BatchTally, BlockDocument, CompareReport, Document, ExtractReport, ExtractStream, Extractor, Month,
    Normalized, Posting, Profile, Scored, Scratch, Span, TargetKind, Taxonomy,
};
use text_gen::{any_text, realistic_text, unicode_text};

/// The cases each property runs unless `PROPTEST_CASES` says otherwise.
const DEFAULT_CASES: u32 = 64;

fn config() -> ProptestConfig {
    // `ProptestConfig::default()` reads PROPTEST_CASES; only its built-in default of 256 is lowered here.
    let from_env = std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok());
    // Failures are kept as named regression tests beside the code they broke, not in a regressions file.
    ProptestConfig { cases: from_env.unwrap_or(DEFAULT_CASES), failure_persistence: None, ..ProptestConfig::default() }
}

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(|| Extractor::new(Taxonomy::builtin()))
}

/// A date for CV roles "to present", so that runs agree.
fn today() -> Month {
    Month::new(2026, 6).expect("a month")
}

/// `span` lies in `text` and on character boundaries.
fn check_span(text: &str, span: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(span.start <= span.end && span.end <= text.len(), "{what} {span:?} outside {} bytes", text.len());
    prop_assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what} {span:?} cuts a character in {text:?}"
    );
    Ok(())
}

/// Every span of `doc` indexes `text`, and every mention's text is what its span covers.
fn check_document(text: &str, doc: &Document) -> Result<(), TestCaseError> {
    for evidence in &doc.skills {
        prop_assert!(!evidence.mentions.is_empty(), "a skill with no mention");
        for m in &evidence.mentions {
            check_span(text, m.span, "mention")?;
            prop_assert_eq!(&text[m.span.range()], m.text.as_str(), "mention text at {:?} in {:?}", m.span, text);
            check_span(text, m.sentence, "sentence")?;
        }
    }
    for &line in doc.asking_lines.iter().chain(&doc.unrecognised) {
        check_span(text, line, "asking line")?;
    }
    for group in &doc.alternatives {
        check_span(text, group.sentence, "either/or sentence")?;
        prop_assert!(group.skills.iter().all(|s| doc.get(*s).is_some()), "an alternative the document does not name");
    }
    Ok(())
}

/// Every span of a CV's dated roles indexes the CV.
fn check_roles(profile: &Profile) -> Result<(), TestCaseError> {
    let text = profile.cv_text.as_str();
    for role in &profile.roles {
        for (what, (start, end)) in
            [("role", role.span), ("dates", role.dates)].into_iter().chain(role.employer.map(|e| ("employer", e)))
        {
            check_span(text, Span::new(start, end), what)?;
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(config())]

    /// (a) Spans index the text, for every way a text is read.
    #[test]
    fn mention_spans_index_the_text(text in any_text(60)) {
        let extractor = extractor();
        check_document(&text, &extractor.extract(&text))?;
        check_document(&text, &extractor.extract_as(&text, TargetKind::Posting))?;
        check_document(&text, &extractor.extract_as(&text, TargetKind::Bio))?;
        check_document(&text, &extract_reading_lists(extractor, &text, None))?;
        let profile = Profile::from_text_at(extractor, &text, today());
        prop_assert_eq!(&profile.cv_text, &text);
        check_document(&text, &profile.document)?;
        check_roles(&profile)?;
    }

    /// A large text is read in blocks (`block_end`, `BlockDocument`): blocks cover the text, end on character
    /// boundaries, are never empty, and are cut the same way from a prefix of `max + 4` bytes, as a reader of a
    /// stream sees it; the document read block by block indexes the whole text.
    #[test]
    fn blocks_cover_the_text_and_index_it(text in any_text(60), max in 1usize..200) {
        let mut rest = text.as_str();
        let mut document = BlockDocument::default();
        let mut covered = 0;
        while !rest.is_empty() {
            let cut = block_end(rest, max);
            prop_assert!(cut > 0 && rest.is_char_boundary(cut), "cut {} in {:?}", cut, rest);
            let mut seen = (max + 4).min(rest.len());
            while !rest.is_char_boundary(seen) {
                seen -= 1;
            }
            if seen < rest.len() && seen > max {
                prop_assert_eq!(block_end(&rest[..seen], max), cut, "a stream's prefix cuts elsewhere");
            }
            let (block, tail) = rest.split_at(cut);
            document.push(block.len(), extractor().extract_as(block, TargetKind::Posting));
            covered += block.len();
            rest = tail;
        }
        prop_assert_eq!(covered, text.len());
        let document = document.finish();
        check_document(&text, &document)?;
        let ids: Vec<u32> = document.alternatives.iter().map(|a| a.id).collect();
        prop_assert_eq!(ids, (1..=document.alternatives.len() as u32).collect::<Vec<_>>());
    }

    /// The CLI's compare builds an automaton over only the aliases its documents' words allow: on those documents it
    /// must read exactly what the full automaton reads (`ExtractorBuilder::restrict_to_words_of`).
    #[test]
    fn a_restricted_extractor_reads_its_texts_like_the_full_one(cv in any_text(40), target in any_text(40)) {
        let full = extractor();
        let restricted = Extractor::builder()
            .restrict_to_words_of(&[&cv, &target])
            .build(full.taxonomy().clone())
            .expect("builds");
        prop_assert_eq!(restricted.extract(&target), full.extract(&target));
        prop_assert_eq!(restricted.extract_as(&target, TargetKind::Bio), full.extract_as(&target, TargetKind::Bio));
        prop_assert_eq!(
            Profile::from_text_at(&restricted, &cv, today()),
            Profile::from_text_at(full, &cv, today())
        );
    }

    /// (a) Through HTML: spans index the HTML file (DESIGN.md, offsets for converted inputs).
    #[test]
    fn html_mention_spans_index_the_html(body in any_text(60)) {
        let html = format!("<html><body><h1>Job</h1><p>{body}</p><ul><li>{body}</li></ul></body></html>");
        let converted = html_to_text(&html);
        prop_assert_eq!(converted.map.len(), converted.text.len() + 1);
        prop_assert!(converted.map.windows(2).all(|w| w[0] <= w[1]), "the map goes backwards");
        let mut doc = extractor().extract(&converted.text);
        doc.remap(&converted.map, &html);
        for m in doc.skills.iter().flat_map(|e| &e.mentions) {
            check_span(&html, m.span, "mention")?;
            prop_assert_eq!(&html[m.span.range()], m.text.as_str());
        }
    }

    /// (b) Folding twice is folding once, for terms and documents alike.
    #[test]
    fn normalisation_is_idempotent(text in any_text(30)) {
        let once = fold(&text);
        prop_assert_eq!(fold(&once), once.clone(), "fold of {:?}", text);
        let folded = Normalized::new(&text);
        let twice = Normalized::new(folded.as_str());
        prop_assert_eq!(twice.as_str(), folded.as_str(), "Normalized of {:?}", text);
        // An alias is folded by `fold` and looked for in `Normalized` text: they must agree on a term.
        prop_assert_eq!(folded.as_str().trim_matches(' '), once.as_str(), "fold and Normalized of {:?}", text);
    }

    /// (b) The map back from folded text lands on the original's character boundaries.
    #[test]
    fn folded_spans_map_to_character_boundaries(text in any_text(30)) {
        let normalized = Normalized::new(&text);
        let folded = normalized.as_str();
        let boundaries: Vec<usize> = folded.char_indices().map(|(i, _)| i).chain([folded.len()]).collect();
        for (k, &start) in boundaries.iter().enumerate() {
            for &end in &boundaries[k..] {
                let span = normalized.original_span(&text, Span::new(start, end));
                check_span(&text, span, "original span")?;
            }
        }
    }

    /// (c) Compare, suggest, the hired person's edge, learning paths and every report format, for any CV and
    /// targets, never panic, and the score stays in 0..=100.
    #[test]
    fn the_compare_pipeline_never_panics(
        cv in any_text(60),
        target in any_text(60),
        second in any_text(30),
        as_html in any::<bool>(),
    ) {
        let extractor = extractor();
        let taxonomy = extractor.taxonomy();
        let name = if as_html { "target.html" } else { "target.txt" };
        let targets: Vec<_> = [(name, target), ("second.md", second)]
            .into_iter()
            .filter_map(|(name, text)| read_source(name, text.into_bytes()).ok())
            .collect();
        let profile = Profile::from_text_at(extractor, &cv, today());
        let docs: Vec<Document> = targets
            .iter()
            .map(|t| {
                let mut doc = extractor.extract(&t.text);
                if let Some(original) = &t.original {
                    doc.remap(&original.map, &original.text);
                }
                doc
            })
            .collect();
        let comparison = compare(taxonomy, &profile, &docs);
        prop_assert!(comparison.score <= 100);
        let labels: Vec<String> = targets.iter().map(|t| t.name.clone()).collect();
        let mut suggestions = suggest(taxonomy, &profile, &comparison, &labels);
        let texts: Vec<(&str, &Document)> = targets.iter().map(|t| t.original_text()).zip(&docs).collect();
        suggestions.extend(hired_edge(taxonomy, &cv, &profile, &texts, &labels));
        let _ = learning_paths(taxonomy, &profile, &comparison);
        let report = CompareReport::new(taxonomy, "cv.txt", &profile, &targets, &comparison, &suggestions)
            .with_explain(taxonomy, &comparison);
        serde_json::to_string(&report).expect("the report serialises");
        let mut csv = csv::Writer::from_writer(Vec::new());
        for row in report.csv_rows() {
            csv.serialize(row).expect("a CSV row");
        }
        for (target, doc) in targets.iter().zip(&docs) {
            serde_json::to_string(&ExtractReport::new(taxonomy, doc, target)).expect("the extract report serialises");
            serde_json::to_string(&ExtractStream::new(taxonomy, doc, target)).expect("the extract stream writes");
        }
    }

    /// (d) A posting's summary is the same whatever was scored before it with the same scratch, and whatever
    /// thread scored it; the tally of summaries added in input order is then the same report. (The CLI's thread
    /// pool is tested through the binary, in the CLI's `tests/batch.rs`.)
    #[test]
    fn batch_scores_do_not_depend_on_order_or_thread(
        cv in realistic_text(60),
        postings in prop::collection::vec(any_text(40), 1..8),
    ) {
        let extractor = extractor();
        let taxonomy = extractor.taxonomy();
        let profile = Profile::from_text_at(extractor, &cv, today());
        // A shared reference, which each worker thread copies.
        let scorer = &BatchScorer::new(extractor, &profile, 3);
        let postings: Vec<Posting> = postings
            .into_iter()
            .enumerate()
            .map(|(i, text)| Posting { name: format!("p{i}.txt"), title: None, company: None, url: None, text })
            .collect();

        let mut shared = Scratch::default();
        let in_order: Vec<Scored> = postings.iter().map(|p| scorer.score(p, &mut shared)).collect();
        let reversed: Vec<Scored> = postings.iter().rev().map(|p| scorer.score(p, &mut shared)).collect();
        let fresh: Vec<Scored> = postings.iter().map(|p| scorer.score(p, &mut Scratch::default())).collect();
        let threaded: Vec<Scored> = thread::scope(|s| {
            let handles: Vec<_> = postings
                .chunks(2)
                .map(|chunk| s.spawn(move || {
                    let mut scratch = Scratch::default();
                    chunk.iter().map(|p| scorer.score(p, &mut scratch)).collect::<Vec<_>>()
                }))
                .collect();
            handles.into_iter().flat_map(|h| h.join().expect("a worker")).collect()
        });
        prop_assert_eq!(&in_order, &fresh);
        prop_assert_eq!(&in_order, &threaded);
        prop_assert_eq!(in_order.iter().rev().cloned().collect::<Vec<_>>(), reversed);

        let report = |scored: &[Scored]| {
            let mut tally = BatchTally::new(Some(20), 0);
            for (posting, scored) in postings.iter().zip(scored) {
                tally.add_file();
                tally.add_posting(taxonomy, posting, scored);
            }
            serde_json::to_string(&tally.finish(taxonomy, "cv.txt")).expect("the batch report serialises")
        };
        prop_assert_eq!(report(&in_order), report(&threaded));
    }

    /// (c) Arbitrary Unicode as a CV against itself: the pipeline's edge case of everything matching.
    #[test]
    fn a_text_against_itself_never_panics(text in unicode_text(200)) {
        let extractor = extractor();
        let profile = Profile::from_text_at(extractor, &text, today());
        let doc = extractor.extract(&text);
        let comparison = compare(extractor.taxonomy(), &profile, std::slice::from_ref(&doc));
        prop_assert!(comparison.score <= 100);
        let _ = suggest(extractor.taxonomy(), &profile, &comparison, &["the posting".to_owned()]);
    }
}
