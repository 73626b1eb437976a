//! CVs as people keep them: PDF and Word files, and the editable profile file, through the real `skillgap` binary.
//! Every fixture is written here, by lopdf (PDF, with the standard Helvetica font) and zip (Word), so the tests
//! need no office suite.

#![cfg(all(feature = "pdf", feature = "docx"))]

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use lopdf::content::{Content, Operation};
use lopdf::{dictionary, Document, EncryptionState, EncryptionVersion, Object, Permissions, Stream, StringFormat};
use serde_json::Value;

const TODAY: &str = "2026-06-15";

fn scratch(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cv_formats").join(name);
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

fn skillgap(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_skillgap"))
        .env("SKILLGAP_TODAY", TODAY)
        .env_remove("SKILLGAP_TAXONOMY")
        .env("NO_COLOR", "1")
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .expect("run skillgap")
}

fn stdout(dir: &Path, args: &[&str]) -> String {
    let out = skillgap(dir, args);
    assert!(out.status.success(), "{args:?} failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8")
}

fn json(dir: &Path, args: &[&str]) -> Value {
    serde_json::from_str(&stdout(dir, args)).expect("json")
}

/// The ids of a compare report's list (`matched`, `missing`, `related`), sorted.
fn ids(report: &Value, list: &str) -> Vec<String> {
    let mut ids: Vec<String> = report[list]
        .as_array()
        .unwrap_or(&Vec::new())
        .iter()
        .filter_map(|e| e["id"].as_str().or_else(|| e["skill"]["id"].as_str()).map(str::to_owned))
        .collect();
    ids.sort();
    ids
}

/// A line of text on a PDF page: x, y (points from the bottom left), font size, text.
type Placed<'a> = (f64, f64, f64, &'a str);

/// WinAnsi bytes for the Latin text the fixtures use (the standard fonts' encoding).
fn win_ansi(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '•' => 0x95,
            '–' => 0x96,
            c if (c as u32) < 256 => c as u8,
            _ => b'?',
        })
        .collect()
}

/// A one-page PDF with each line set in Helvetica where it is placed.
fn pdf(lines: &[Placed<'_>]) -> Document {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let mut operations = Vec::new();
    for &(x, y, size, text) in lines {
        operations.push(Operation::new("BT", vec![]));
        operations.push(Operation::new("Tf", vec!["F1".into(), size.into()]));
        operations.push(Operation::new("Td", vec![x.into(), y.into()]));
        operations.push(Operation::new("Tj", vec![Object::String(win_ansi(text), StringFormat::Literal)]));
        operations.push(Operation::new("ET", vec![]));
    }
    finish_pdf(doc, pages_id, resources_id, Content { operations })
}

fn finish_pdf(
    mut doc: Document,
    pages_id: lopdf::ObjectId,
    resources_id: lopdf::ObjectId,
    content: Content,
) -> Document {
    let content_id = doc.add_object(Stream::new(dictionary! {}, content.encode().expect("content")));
    let page_id = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content_id, "Resources" => resources_id,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => vec![page_id.into()], "Count" => 1 }),
    );
    let catalog_id = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog_id);
    doc
}

fn save(doc: &mut Document, path: &Path) {
    let mut bytes = Vec::new();
    doc.save_to(&mut bytes).expect("pdf");
    fs::write(path, bytes).expect("write pdf");
}

/// Lines set one below the other in one column, 14 points apart, with a blank line where the text has one.
fn one_column(text: &str) -> Vec<Placed<'_>> {
    let mut y = 800.0;
    let mut placed = Vec::new();
    for line in text.lines() {
        if !line.is_empty() {
            placed.push((50.0, y, 10.0, line));
        }
        y -= 14.0;
    }
    placed
}

/// A minimal .docx: one paragraph per line, `# ` lines as headings, `- ` lines as list items, `a | b` lines as a
/// one-row table.
fn docx(text: &str) -> Vec<u8> {
    let escape = |s: &str| s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;");
    let run = |s: &str| format!("<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", escape(s));
    let mut body = String::new();
    for line in text.lines() {
        if let Some(heading) = line.strip_prefix("# ") {
            body += &format!("<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>{}</w:p>", run(heading));
        } else if let Some(item) = line.strip_prefix("- ") {
            body += &format!(
                "<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>{}</w:p>",
                run(item)
            );
        } else if line.contains(" | ") {
            let cells: String = line.split(" | ").map(|c| format!("<w:tc><w:p>{}</w:p></w:tc>", run(c))).collect();
            body += &format!("<w:tbl><w:tr>{cells}</w:tr></w:tbl>");
        } else {
            body += &format!("<w:p>{}</w:p>", run(line));
        }
    }
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>{body}</w:body></w:document>"
    );
    let mut bytes = std::io::Cursor::new(Vec::new());
    {
        use std::io::Write;
        let mut zip = zip::ZipWriter::new(&mut bytes);
        let options = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        zip.start_file("[Content_Types].xml", options).expect("zip");
        zip.write_all(br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#).expect("zip");
        zip.start_file("word/document.xml", options).expect("zip");
        zip.write_all(document.as_bytes()).expect("zip");
        zip.finish().expect("zip");
    }
    bytes.into_inner()
}

/// A data analyst's CV, as plain text. `# ` marks headings for the Word version; the PDF and text versions drop it.
const CV: &str = "# José Müller-Núñez
Data analyst, Göteborg

# Experience
Senior Data Analyst, Nordlys AB, Jan 2020 – present
- Built Tableau dashboards for the finance team
- Wrote SQL models on Snowflake, scheduled with Airflow

# Skills
Python, Excel, Power BI
";

/// A hired person's bio with skills the CV has and some it lacks.
const BIO: &str = "Priya Raman is a senior data analyst at Kestrel.
She builds Tableau and Looker dashboards, models data in dbt on Snowflake, and writes Python and SQL every day.
She holds a Google Data Analytics Certificate and mentors two analysts.
";

fn plain(cv: &str) -> String {
    cv.lines().map(|l| l.strip_prefix("# ").unwrap_or(l)).map(|l| format!("{l}\n")).collect()
}

fn write_cv_versions(dir: &Path) {
    fs::write(dir.join("cv.txt"), plain(CV)).expect("cv.txt");
    let text = plain(CV);
    save(&mut pdf(&one_column(&text)), &dir.join("cv.pdf"));
    fs::write(dir.join("cv.docx"), docx(CV)).expect("cv.docx");
    fs::write(dir.join("bio.txt"), BIO).expect("bio");
}

#[test]
fn pdf_and_docx_cvs_give_the_same_skills_as_the_text_version() {
    let dir = scratch("same_skills");
    write_cv_versions(&dir);
    let text = json(&dir, &["compare", "--format", "json", "--cv", "cv.txt", "bio.txt"]);
    assert!(!ids(&text, "matched").is_empty(), "the CV shares skills with the bio: {text}");
    assert!(!ids(&text, "gaps").is_empty(), "and lacks some");
    for cv in ["cv.pdf", "cv.docx"] {
        let other = json(&dir, &["compare", "--format", "json", "--cv", cv, "bio.txt"]);
        for list in ["matched", "gaps", "missing", "related"] {
            assert_eq!(ids(&other, list), ids(&text, list), "{cv}: {list}");
        }
        assert_eq!(other["score"], text["score"], "{cv}");
    }
}

#[test]
fn extract_offsets_index_the_text_show_text_prints() {
    let dir = scratch("offsets");
    write_cv_versions(&dir);
    for cv in ["cv.pdf", "cv.docx"] {
        let shown = stdout(&dir, &["extract", "--show-text", cv]);
        assert!(shown.contains("José Müller-Núñez\n"), "{cv}: non-ASCII names survive: {shown}");
        let report = json(&dir, &["extract", "--format", "json", cv]);
        let mut checked = 0;
        for skill in report["skills"].as_array().expect("skills") {
            for mention in skill["mentions"].as_array().expect("mentions") {
                let (start, end) = (mention["start"].as_u64().expect("start"), mention["end"].as_u64().expect("end"));
                assert_eq!(&shown[start as usize..end as usize], mention["text"].as_str().expect("text"), "{cv}");
                checked += 1;
            }
        }
        assert!(checked >= 5, "{cv}: {report}");
    }
}

/// UTF-16, UTF-32 and Windows-1252 inputs: offsets index the decoded text as UTF-8 (no byte-order mark), which is
/// what `extract --show-text` prints, not the file's bytes (README, "JSON").
#[test]
fn offsets_of_a_converted_encoding_index_the_decoded_text() {
    let dir = scratch("encodings");
    let text = "Café team, Zürich: Python and SQL daily.\n";
    let utf16: Vec<u8> = [0xFF, 0xFE].into_iter().chain(text.encode_utf16().flat_map(u16::to_le_bytes)).collect();
    let utf32: Vec<u8> =
        [0xFF, 0xFE, 0, 0].into_iter().chain(text.chars().flat_map(|c| u32::from(c).to_le_bytes())).collect();
    let cp1252: Vec<u8> = text.chars().map(|c| u8::try_from(u32::from(c)).expect("Latin-1")).collect();
    for (name, bytes) in [("utf16.txt", utf16), ("utf32.txt", utf32), ("cp1252.txt", cp1252)] {
        fs::write(dir.join(name), bytes).expect("write");
        assert_eq!(stdout(&dir, &["extract", "--show-text", name]), text, "{name}");
        let report = json(&dir, &["extract", "--format", "json", name]);
        let python =
            &report["skills"].as_array().expect("skills").iter().find(|s| s["name"] == "Python").expect("Python")
                ["mentions"][0];
        let start = text.find("Python").expect("in the text");
        assert_eq!(
            (python["start"].as_u64(), python["end"].as_u64()),
            (Some(start as u64), Some(start as u64 + 6)),
            "{name}"
        );
    }
}

#[test]
fn two_columns_are_read_one_after_the_other() {
    let dir = scratch("two_columns");
    // A full-width name, a narrow sidebar in smaller type, and a main column with a different line pitch.
    let mut lines: Vec<Placed<'_>> = vec![(50.0, 800.0, 18.0, "Åsa Lindqvist-Øberg, Site Reliability Engineer")];
    let sidebar = ["Skills", "Kubernetes", "Terraform", "PostgreSQL", "", "Languages", "Swedish, English"];
    let main = [
        "Experience",
        "Senior SRE, Fintrail, 2020 – present",
        "• Moved 120 services to Kubernetes on AWS",
        "• Cut pager alerts by 60% with Prometheus",
        "Systems Engineer, Banba, 2016 – 2020",
        "• Ran PostgreSQL clusters and wrote Go tools",
        "• Built CI/CD pipelines in Jenkins",
    ];
    for (i, line) in sidebar.iter().enumerate().filter(|(_, l)| !l.is_empty()) {
        lines.push((50.0, 760.0 - 12.0 * i as f64, 9.0, line));
    }
    for (i, line) in main.iter().enumerate() {
        lines.push((220.0, 760.0 - 15.0 * i as f64, 10.5, line));
    }
    save(&mut pdf(&lines), &dir.join("cv.pdf"));
    let shown = stdout(&dir, &["extract", "--show-text", "cv.pdf"]);
    assert!(shown.starts_with("Åsa Lindqvist-Øberg, Site Reliability Engineer\n"), "{shown}");
    assert!(shown.contains("Skills\nKubernetes\nTerraform\nPostgreSQL\n"), "the sidebar in one piece: {shown}");
    let main_text = main.join("\n");
    assert!(shown.contains(&main_text), "the main column in one piece: {shown}");
    assert!(shown.find("Swedish, English").expect("sidebar") < shown.find("Experience").expect("main"), "{shown}");
}

#[test]
fn bullets_tables_and_dates_on_the_right_stay_on_their_lines() {
    let dir = scratch("bullets_tables");
    let lines: Vec<Placed<'_>> = vec![
        (50.0, 800.0, 10.0, "Experience"),
        (50.0, 786.0, 10.0, "Analyst, Acme"),
        (450.0, 786.0, 10.0, "2019 – 2023"),
        (50.0, 772.0, 10.0, "•"),
        (64.0, 772.0, 10.0, "Built Tableau dashboards"),
        (50.0, 740.0, 10.0, "Skills"),
        (50.0, 726.0, 10.0, "Python"),
        (200.0, 726.0, 10.0, "5 years"),
        (50.0, 712.0, 10.0, "SQL"),
        (200.0, 712.0, 10.0, "3 years"),
    ];
    save(&mut pdf(&lines), &dir.join("cv.pdf"));
    let shown = stdout(&dir, &["extract", "--show-text", "cv.pdf"]);
    assert_eq!(
        shown,
        "Experience\nAnalyst, Acme 2019 – 2023\n• Built Tableau dashboards\n\nSkills\nPython 5 years\nSQL 3 years\n"
    );
    fs::write(dir.join("cv.docx"), docx("# Skills\n- Kubernetes\nPython | 5 years\n")).expect("docx");
    assert_eq!(stdout(&dir, &["extract", "--show-text", "cv.docx"]), "Skills\n• Kubernetes\nPython 5 years\n");
}

#[test]
fn scanned_and_encrypted_pdfs_get_clear_messages() {
    let dir = scratch("scanned_encrypted");
    // A scan: one page holding an image and no text.
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let image = Stream::new(
        dictionary! {
            "Type" => "XObject", "Subtype" => "Image", "Width" => 2, "Height" => 2,
            "ColorSpace" => "DeviceGray", "BitsPerComponent" => 8,
        },
        vec![0, 255, 255, 0],
    );
    let image_id = doc.add_object(image);
    let resources_id = doc.add_object(dictionary! { "XObject" => dictionary! { "Im1" => image_id } });
    let content = Content {
        operations: vec![
            Operation::new("q", vec![]),
            Operation::new("cm", vec![500.into(), 0.into(), 0.into(), 700.into(), 40.into(), 60.into()]),
            Operation::new("Do", vec!["Im1".into()]),
            Operation::new("Q", vec![]),
        ],
    };
    save(&mut finish_pdf(doc, pages_id, resources_id, content), &dir.join("scan.pdf"));

    let mut locked = pdf(&one_column(&plain(CV)));
    let file_id = Object::String(b"skillgap-test-id".to_vec(), StringFormat::Hexadecimal);
    locked.trailer.set("ID", vec![file_id.clone(), file_id]);
    let version = EncryptionVersion::V2 {
        document: &locked,
        owner_password: "owner",
        user_password: "secret",
        key_length: 128,
        permissions: Permissions::default(),
    };
    let state = EncryptionState::try_from(version).expect("encryption");
    locked.encrypt(&state).expect("encrypt");
    save(&mut locked, &dir.join("locked.pdf"));
    fs::write(dir.join("bio.txt"), BIO).expect("bio");

    for (file, message) in [
        ("scan.pdf", "scan.pdf: no text layer: this looks like a scanned PDF; export it as text or run OCR"),
        ("locked.pdf", "locked.pdf: this PDF is encrypted (password-protected)"),
    ] {
        let out = skillgap(&dir, &["compare", "--cv", file, "bio.txt"]);
        assert_eq!(out.status.code(), Some(2), "{file}");
        assert!(out.stdout.is_empty(), "{file}: nothing on stdout");
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(message), "{file}: {stderr}");
    }
}

#[test]
fn a_broken_pdf_is_an_error_naming_the_file_not_a_crash() {
    let dir = scratch("broken");
    // A font whose encoding pdf-extract does not know: it panics on this, and the panic is caught.
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let descendant = dictionary! {
        "Type" => "Font", "Subtype" => "CIDFontType2", "BaseFont" => "Odd",
        "CIDSystemInfo" => dictionary! { "Registry" => Object::string_literal("Adobe"), "Ordering" => Object::string_literal("Identity"), "Supplement" => 0 },
        "FontDescriptor" => dictionary! { "Type" => "FontDescriptor", "FontName" => "Odd", "Flags" => 32 },
    };
    let font_id = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type0", "BaseFont" => "Odd", "Encoding" => "No-Such-Encoding",
        "DescendantFonts" => vec![Object::Dictionary(descendant)],
    });
    let resources_id = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font_id } });
    let content = Content {
        operations: vec![
            Operation::new("BT", vec![]),
            Operation::new("Tf", vec!["F1".into(), 10.into()]),
            Operation::new("Td", vec![50.into(), 800.into()]),
            Operation::new("Tj", vec![Object::String(vec![0, 42], StringFormat::Hexadecimal)]),
            Operation::new("ET", vec![]),
        ],
    };
    save(&mut finish_pdf(doc, pages_id, resources_id, content), &dir.join("odd.pdf"));
    fs::write(dir.join("truncated.pdf"), b"%PDF-1.7\n1 0 obj << /Type /Catalog").expect("truncated");
    for file in ["odd.pdf", "truncated.pdf"] {
        let out = skillgap(&dir, &["extract", file]);
        assert_eq!(out.status.code(), Some(2), "{file}: {}", String::from_utf8_lossy(&out.stderr));
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert!(stderr.contains(&format!("skillgap: error: {file}: ")), "{file}: {stderr}");
    }
}

#[test]
fn content_wins_over_the_name() {
    let dir = scratch("content");
    write_cv_versions(&dir);
    fs::copy(dir.join("cv.pdf"), dir.join("cv-saved-as.txt")).expect("copy");
    fs::copy(dir.join("cv.docx"), dir.join("cv-no-extension")).expect("copy");
    let pdf_text = stdout(&dir, &["extract", "--show-text", "cv.pdf"]);
    assert_eq!(stdout(&dir, &["extract", "--show-text", "cv-saved-as.txt"]), pdf_text);
    let docx_text = stdout(&dir, &["extract", "--show-text", "cv.docx"]);
    assert_eq!(stdout(&dir, &["extract", "--show-text", "cv-no-extension"]), docx_text);
}

#[test]
fn batch_reads_postings_saved_as_pdf_and_docx() {
    let dir = scratch("batch");
    write_cv_versions(&dir);
    fs::create_dir_all(dir.join("postings")).expect("postings");
    let posting = "Data Analyst\n\nRequirements\n- 3+ years of SQL\n- Tableau or Looker\n- dbt experience\n";
    save(&mut pdf(&one_column(posting)), &dir.join("postings/a.pdf"));
    fs::write(dir.join("postings/b.docx"), docx(posting)).expect("docx");
    fs::write(dir.join("postings/c.txt"), posting).expect("txt");
    let out = stdout(&dir, &["batch", "--format", "jsonl", "--cv", "cv.pdf", "postings"]);
    let records: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).expect("json line")).collect();
    let scored = records.iter().filter(|r| r.get("score").is_some()).count();
    assert!(scored >= 1, "{out}");
    assert!(!out.contains("\"error\""), "no input failed: {out}");
}

/// The profile file: init writes it, an edit changes the comparison, init never overwrites, update keeps edits.
#[test]
fn profile_init_edit_and_run() {
    let dir = scratch("profile");
    write_cv_versions(&dir);
    let posting = "Data Analyst\n\nRequirements\n- Tableau\n- Kubernetes\n- Python\n";
    fs::write(dir.join("posting.txt"), posting).expect("posting");
    let before = json(&dir, &["compare", "--format", "json", "--cv", "cv.pdf", "posting.txt"]);
    assert!(ids(&before, "missing").contains(&"kubernetes".to_owned()), "{before}");
    assert!(ids(&before, "matched").contains(&"python".to_owned()), "{before}");

    let out = skillgap(&dir, &["profile", "init", "--cv", "cv.pdf", "-o", "profile.toml"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let written = fs::read_to_string(dir.join("profile.toml")).expect("profile");
    assert!(written.contains("version = 1\n") && written.contains("id = \"tableau\""), "{written}");

    // Used as it is, the profile gives the same comparison as the CV.
    let as_is = json(&dir, &["compare", "--format", "json", "--cv", "profile.toml", "posting.txt"]);
    assert_eq!(ids(&as_is, "matched"), ids(&before, "matched"));
    assert_eq!(ids(&as_is, "missing"), ids(&before, "missing"));

    // The user adds a skill the CV words unusually, and removes a reading.
    let python_block = written
        .split("\n[[")
        .find(|block| block.contains("id = \"python\""))
        .map(|block| format!("\n[[{block}"))
        .expect("a python block");
    let edited = written.replacen(&python_block, "", 1).replacen(
        "\n[read]",
        "\n[[skill]]\nname = \"Kubernetes\"\nyears = 2\nevidence = [\"Ran our container platform\"]\n\n[read]",
        1,
    );
    fs::write(dir.join("profile.toml"), &edited).expect("edit");
    let after = json(&dir, &["compare", "--format", "json", "--cv", "profile.toml", "posting.txt"]);
    assert!(ids(&after, "matched").contains(&"kubernetes".to_owned()), "{after}");
    assert!(ids(&after, "missing").contains(&"python".to_owned()), "{after}");

    // init never overwrites without --force.
    let refused = skillgap(&dir, &["profile", "init", "--cv", "cv.pdf", "-o", "profile.toml"]);
    assert_eq!(refused.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("already exists; pass --force to replace it"));
    assert_eq!(fs::read_to_string(dir.join("profile.toml")).expect("kept"), edited);

    // A new CV version: the edits stay (Python stays removed, Kubernetes stays), the new skill comes in.
    fs::write(dir.join("cv2.txt"), format!("{}- Modelled data in dbt\n", plain(CV))).expect("cv2");
    let out = skillgap(&dir, &["profile", "update", "--cv", "cv2.txt", "profile.toml"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let updated = json(&dir, &["compare", "--format", "json", "--cv", "profile.toml", "posting.txt"]);
    assert!(ids(&updated, "matched").contains(&"kubernetes".to_owned()), "{updated}");
    assert!(ids(&updated, "missing").contains(&"python".to_owned()), "{updated}");
    assert!(fs::read_to_string(dir.join("profile.toml")).expect("updated").contains("id = \"dbt\""));

    let forced = skillgap(&dir, &["profile", "init", "--cv", "cv.txt", "-o", "profile.toml", "--force"]);
    assert!(forced.status.success());
    assert!(!fs::read_to_string(dir.join("profile.toml")).expect("forced").contains("container platform"));
}
