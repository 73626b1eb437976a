//! Memory and work linear in the input (issue 12, Properties): each stage runs on inputs of 1, 2 and 4 units, and
//! its peak heap and its number of allocations (an operation count: a stage that rescans by building strings or
//! lists shows up in it) must grow by no more per unit from 2 to 4 than from 1 to 2. A quadratic stage doubles that
//! slope; a linear one keeps it. No timings: heap statistics come from dhat (the workspace forbids the `unsafe` a
//! counting allocator of our own would need; DESIGN.md, Decisions).
//!
//! Doubling keeps every growable buffer at the same fill ratio, so allocator rounding does not bend the slopes.
//! What allocation counts cannot see is a scan that rescans without allocating (the HTML reader's search for a `>`
//! that never comes, issue 12): that needs the input bounds of the `input-bounds` work, and the fuzz runs
//! (CONTRIBUTING.md) watch for hangs.
//!
//! One test function: dhat's profiler is global to the process, so the measurements run one after another.

use skillgap::{
    compare, html_to_text, json_postings, suggest, CompareReport, Extractor, Month, Profile, Source, SourceFormat,
    Taxonomy,
};

#[global_allocator]
static ALLOC: dhat::Alloc = dhat::Alloc;

/// How much steeper the second slope may be than the first before growth counts as worse than linear: a quadratic
/// stage doubles it (2.0).
const SLOPE_RATIO_MAX: f64 = 1.3;

/// The scales each stage runs at. The peak heap of a stage is the largest of its steps' peaks, so at the smallest
/// scale a step of fixed size (building a report for a posting of 16 units) can set it where, from the next scale
/// on, the per-input step does: that reads as a flatter first slope. Starting at 2 keeps every measured peak in the
/// per-input step.
const SCALES: [usize; 3] = [2, 4, 8];

/// Peak heap bytes and allocation count of the blocks `f` allocates.
fn measure(f: impl FnOnce()) -> (f64, f64) {
    let _profiler = dhat::Profiler::builder().testing().trim_backtraces(Some(4)).build();
    f();
    let stats = dhat::HeapStats::get();
    (stats.max_bytes as f64, stats.total_blocks as f64)
}

/// Runs `stage` at every scale: the per-unit growth of its peak heap and of its allocation count, from 1 to 2 units
/// and from 2 to 4, as `[(first, second); 2]`.
fn slopes(name: &str, stage: impl Fn(usize)) -> [(f64, f64); 2] {
    // Once unmeasured first: what is built once and kept (the fuzzy index, on first use) is not per-input cost.
    stage(1);
    let measured = SCALES.map(|scale| measure(|| stage(scale)));
    [("peak heap bytes", 0), ("allocations", 1)].map(|(what, pick)| {
        let at = |i: usize| if pick == 0 { measured[i].0 } else { measured[i].1 };
        let first = (at(1) - at(0)) / (SCALES[1] - SCALES[0]) as f64;
        let second = (at(2) - at(1)) / (SCALES[2] - SCALES[1]) as f64;
        eprintln!("{name}: {what} {:.0} / {:.0} / {:.0}, per unit {first:.0} then {second:.0}", at(0), at(1), at(2));
        (first, second)
    })
}

/// Whether growth with these slopes is linear. A stage that allocates nothing per unit is linear too: a slope of a
/// few dozen bytes or blocks is allocator noise.
fn is_linear((first, second): (f64, f64)) -> bool {
    second <= first.max(64.0) * SLOPE_RATIO_MAX
}

/// Checks that `stage`'s peak heap and allocation count grow linearly.
fn assert_linear(name: &str, stage: impl Fn(usize)) {
    let [heap, allocations] = slopes(name, stage);
    assert!(is_linear(heap), "{name}: peak heap grows faster than the input: {heap:?} bytes per unit");
    assert!(is_linear(allocations), "{name}: allocations grow faster than the input: {allocations:?} per unit");
}

/// One unit of a posting: requirement lines with skill names and either/or groups, years, a skills list, and
/// characters that expand or vanish under normalisation. About 1 KB.
const POSTING_UNIT: &str = "Requirements\n\
- 5+ years of Python and SQL; PostgreSQL or MySQL\n\
- Kubernetes (k8s), Terraform, AWS \u{2013} not Azure\n\
- Excel, Tableau or Power BI; A/B testing, CI/CD, C++ and C#\n\
Nice to have: Spark, Kafka, \u{FF30}\u{FF39}\u{FF34}\u{FF28}\u{FF2F}\u{FF2E}, Kuber\u{200B}netes, R\u{e9}sum\u{e9}\n\
\u{FDFA}\u{FDFA} \u{202E}SQL\u{202C} \u{1b}[2J\n\
## Skills\n\
* Docker, Jenkins, Git, Jira, Salesforce, HubSpot, SEO, Google Analytics\n\
* Registered nurse (RN), BLS, ACLS, patient care, EHR, Epic\n\
Responsibilities\n\
- Lead a team of 6; cut costs by 20%; report to the CFO\n\
- Build dashboards in Looker and dbt models on Snowflake or BigQuery\n\
Education: BSc in Computer Science; PMP or PRINCE2 preferred\n\
\n";

/// One unit of a CV: a dated role, bullets, and a skills list with near spellings.
const CV_UNIT: &str = "Experience\n\
Data Engineer, Acme, Jan 2019 \u{2013} Mar 2023\n\
- Built Spark pipelines on AWS; Postgres and Airflow\n\
- Led a team of 4; cut run time by 40%\n\
Skills: Postgres, Kubernets, ReactJS, Excel, Tablea, Terraform\n\
Certifications: AWS Certified Solutions Architect\n\
\n";

fn source(name: &str, text: String) -> Source {
    Source {
        name: name.to_owned(),
        text,
        original: None,
        format: SourceFormat::Text,
        encoding: skillgap::Encoding::Utf8,
    }
}

#[test]
fn memory_and_allocations_grow_linearly() {
    let extractor = Extractor::new(Taxonomy::builtin());
    let taxonomy = extractor.taxonomy();
    let today = Month::new(2026, 6).expect("a month");
    // Units per scale: enough that the per-unit cost dwarfs the fixed cost of each stage.
    const UNITS: usize = 16;

    // The check can fail: a stage that keeps every prefix of its input is quadratic in heap and not in allocations.
    let [heap, allocations] = slopes("every prefix (quadratic control)", |scale| {
        let text = POSTING_UNIT.repeat(scale);
        let prefixes: Vec<&str> = text.char_indices().map(|(i, _)| &text[..i]).collect();
        let kept: Vec<String> = prefixes.iter().map(|p| (*p).to_owned()).collect();
        assert_eq!(kept.len(), text.chars().count());
    });
    assert!(!is_linear(heap) && is_linear(allocations), "the control: {heap:?}, {allocations:?}");

    assert_linear("extract a posting", |scale| {
        let text = POSTING_UNIT.repeat(UNITS * scale);
        let doc = extractor.extract(&text);
        assert!(doc.skills.len() > 20);
    });

    assert_linear("read a CV", |scale| {
        let cv = CV_UNIT.repeat(UNITS * scale);
        let profile = Profile::from_text_at(&extractor, &cv, today);
        assert!(!profile.document.skills.is_empty());
    });

    let cv = CV_UNIT.repeat(2);
    let profile = Profile::from_text_at(&extractor, &cv, today);
    assert_linear("compare, suggest and report", |scale| {
        let target = source("posting.txt", POSTING_UNIT.repeat(UNITS * scale));
        let doc = extractor.extract(&target.text);
        let comparison = compare(taxonomy, &profile, std::slice::from_ref(&doc));
        let suggestions = suggest(taxonomy, &profile, &comparison, &["the posting".to_owned()]);
        let report =
            CompareReport::new(taxonomy, "cv.txt", &profile, std::slice::from_ref(&target), &comparison, &suggestions)
                .with_explain(taxonomy, &comparison);
        serde_json::to_writer(std::io::sink(), &report).expect("writes");
    });

    assert_linear("read HTML", |scale| {
        let page = format!("<p>{}</p><ul><li>SQL &amp; C&#43;&#43;</li></ul><script>x</script>", POSTING_UNIT);
        let html = page.repeat(UNITS * scale);
        let converted = html_to_text(&html);
        assert!(converted.text.len() > html.len() / 2);
    });

    assert_linear("read a JSON array of postings", |scale| {
        let one = serde_json::json!({"@type": "JobPosting", "title": "Data Engineer", "description": POSTING_UNIT});
        let all = serde_json::Value::Array(vec![one; UNITS * scale]);
        let postings = json_postings("jobs.json", serde_json::to_vec(&all).expect("json")).expect("reads");
        assert_eq!(postings.len(), UNITS * scale);
    });

    assert_linear("a taxonomy layer adding many aliases to one skill", |scale| {
        let aliases: Vec<String> = (0..UNITS * 64 * scale).map(|i| format!("tool {i}")).collect();
        let layer = format!("{}\nmany,Many,x,tool,{},,\n", skillgap::HEADER.join(","), aliases.join(";"));
        let taxonomy = Taxonomy::builder().add_csv("layer.csv", &layer).expect("parses").build().expect("builds");
        assert_eq!(taxonomy.len(), 1);
    });

    assert_linear("check a layer with a long chain of broader links", |scale| {
        let rows: Vec<String> = (0..UNITS * 8 * scale).map(|i| format!("s{i},S {i},x,tool,,,s{}", i + 1)).collect();
        let layer =
            format!("{}\n{}\ns{},Last,x,tool,,,\n", skillgap::HEADER.join(","), rows.join("\n"), UNITS * 8 * scale);
        let _ = skillgap::check_layer(taxonomy, "layer.csv", &layer);
    });
}
