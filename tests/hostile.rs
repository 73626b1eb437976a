//! Hostile input against the CLI: nothing from an input may drive a terminal, format a Markdown viewer or run as a
//! spreadsheet formula.

use std::path::PathBuf;
use std::process::Command;

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("hostile");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir.join(name)
}

fn skillgap(args: &[&str]) -> (bool, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .env("SKILLGAP_TODAY", "2026-12-07")
        .env_remove("NO_COLOR")
        .env_remove("SKILLGAP_TAXONOMY")
        .args(args)
        .output()
        .expect("run skillgap");
    (out.status.success(), String::from_utf8_lossy(&out.stdout).into_owned())
}

/// A posting whose lines carry terminal escapes, C1 controls, a right-to-left override, HTML, a script, an image
/// and a `javascript:` link around real skills, and a skill name from a layer that a spreadsheet would run.
/// Each test writes its own copies (`test` names them): tests run in parallel, and a file another test is
/// rewriting can be read empty.
fn inputs(test: &str) -> (String, String, String) {
    let posting = scratch(&format!("{test}-posting.txt"));
    std::fs::write(
        &posting,
        "Requirements\n\
         - \u{1b}[2J\u{1b}]0;pwned\u{7}Kubernetes and Terraform required\n\
         - Python \u{9b}31m and \u{202e}SQL\u{202c} required\n\
         - <script>alert(1)</script> Docker ![x](javascript:alert(1)) `rm -rf` **Go** required\n\
         - \u{1b}]8;;http://evil.example\u{7}Ansible\u{1b}]8;;\u{7} required\n\
         - Formulaskill required\n",
    )
    .expect("write posting");
    let cv = scratch(&format!("{test}-cv.md"));
    std::fs::write(&cv, "Skills: Python, Docker\n").expect("write cv");
    let layer = scratch(&format!("{test}-layer.csv"));
    std::fs::write(
        &layer,
        "id,name,family,kind,aliases,related,broader\nformula-skill,=HYPERLINK(\"http://evil.example\"),general,tool,Formulaskill,,\n",
    )
    .expect("write layer");
    let path = |p: PathBuf| p.display().to_string();
    (path(posting), path(cv), path(layer))
}

/// Control characters other than a newline, and characters that reorder text.
fn unsafe_chars(s: &str) -> Vec<char> {
    s.chars()
        .filter(|&c| (c.is_control() && c != '\n') || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'))
        .collect()
}

#[test]
fn no_control_character_from_an_input_reaches_text_or_markdown() {
    let (posting, cv, layer) = inputs("no_control_character_from_an_input_reaches_text_or_markdown");
    for format in ["text", "md", "csv"] {
        for command in [
            vec!["compare", "--taxonomy", "builtin", "--taxonomy", &layer, "--cv", &cv, &posting],
            vec!["extract", "--taxonomy", "builtin", "--taxonomy", &layer, &posting],
        ] {
            let mut args = command.clone();
            args.extend(["--format", format, "--color", "never"]);
            let (ok, out) = skillgap(&args);
            assert!(ok, "{args:?}");
            assert_eq!(unsafe_chars(&out), Vec::<char>::new(), "{args:?}:\n{out}");
            assert!(out.contains("Kubernetes"), "{args:?}: the skills are still read:\n{out}");
        }
    }
}

#[test]
fn markdown_quotes_no_html_link_image_or_code() {
    let (posting, cv, layer) = inputs("markdown_quotes_no_html_link_image_or_code");
    for command in [
        vec!["compare", "--taxonomy", "builtin", "--taxonomy", &layer, "--cv", &cv, &posting, "--format", "md"],
        vec!["extract", &posting, "--format", "md"],
    ] {
        let (ok, out) = skillgap(&command);
        assert!(ok);
        // Each of these is harmless once its first character is escaped with a backslash.
        for raw in ["<script>", "](javascript:", "![x]", "`rm", "**Go**"] {
            let unescaped = out.match_indices(raw).any(|(i, _)| !out[..i].ends_with('\\'));
            assert!(!unescaped, "{command:?} prints {raw:?} raw:\n{out}");
        }
    }
}

#[test]
fn csv_cells_never_start_a_formula() {
    let (posting, cv, layer) = inputs("csv_cells_never_start_a_formula");
    let (ok, out) =
        skillgap(&["compare", "--taxonomy", "builtin", "--taxonomy", &layer, "--cv", &cv, &posting, "--format", "csv"]);
    assert!(ok);
    let mut reader = csv::Reader::from_reader(out.as_bytes());
    let mut seen = false;
    for record in reader.records() {
        for cell in record.expect("a CSV record").iter() {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "{cell:?}");
            seen |= cell.starts_with("'=HYPERLINK");
        }
    }
    assert!(seen, "the layer's skill is listed, neutralised:\n{out}");
}
