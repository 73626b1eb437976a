//! The ESCO and O*NET importers: over small fixtures written for these tests (`tests/fixtures/esco/`,
//! `tests/fixtures/onet/`, in the real column layout), over broken input, and over the real downloads in
//! `../shared/data` when that folder exists.

use std::path::{Path, PathBuf};

use skillgap::{
    esco_records, onet_records, ErrorKind, EscoFiles, Extractor, Kind, PhraseMatching, SkillRecord, Taxonomy,
    ESCO_BROADER_FILE, ESCO_HIERARCHY_FILE, ESCO_RELATIONS_FILE, ESCO_SKILLS_FILE, ONET_TECHNOLOGY_FILE,
};

fn fixture(dir: &str, name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(dir).join(name);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The shared data folder, which sits beside the project (`../shared/data` from the project root).
fn shared_data() -> Option<PathBuf> {
    let crate_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../../shared/data", "../../../shared/data"].iter().map(|p| crate_dir.join(p)).find(|p| p.is_dir())
}

/// The four ESCO files' contents.
struct Esco {
    skills: String,
    broader: String,
    hierarchy: String,
    relations: String,
}

impl Esco {
    fn fixture() -> Esco {
        Esco {
            skills: fixture("esco", ESCO_SKILLS_FILE),
            broader: fixture("esco", ESCO_BROADER_FILE),
            hierarchy: fixture("esco", ESCO_HIERARCHY_FILE),
            relations: fixture("esco", ESCO_RELATIONS_FILE),
        }
    }

    fn read(dir: &Path) -> Esco {
        let read = |name: &str| std::fs::read_to_string(dir.join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
        Esco {
            skills: read(ESCO_SKILLS_FILE),
            broader: read(ESCO_BROADER_FILE),
            hierarchy: read(ESCO_HIERARCHY_FILE),
            relations: read(ESCO_RELATIONS_FILE),
        }
    }

    fn files(&self) -> EscoFiles<'_> {
        EscoFiles {
            skills: (ESCO_SKILLS_FILE, &self.skills),
            broader_relations: Some((ESCO_BROADER_FILE, &self.broader)),
            hierarchy: Some((ESCO_HIERARCHY_FILE, &self.hierarchy)),
            skill_relations: Some((ESCO_RELATIONS_FILE, &self.relations)),
        }
    }
}

fn record<'r>(records: &'r [SkillRecord], name: &str) -> &'r SkillRecord {
    records.iter().find(|r| r.name == name).unwrap_or_else(|| panic!("no record named {name:?}"))
}

fn uri(local: &str) -> String {
    format!("http://example.org/esco-fixture/skill/{local}")
}

#[test]
fn esco_fixture_records() {
    let esco = Esco::fixture();
    let records = esco_records(&esco.files()).unwrap();
    assert_eq!(records.len(), 8);
    // (name, family, kind, aliases)
    let expected: &[(&str, &str, Kind, &[&str])] = &[
        // The bare form of the qualified name; "Ferris" is unrelated to the name (rule 8), and multi-word
        // labels survive because a named knowledge concept keeps them (rule 1).
        (
            "Rust (computer programming)",
            "information-and-communication-technologies",
            Kind::Domain,
            &["Rust", "Rustlang", "Rust programming language"],
        ),
        // Paraphrases of a competence go (rule 1); "bakery" repeats an ordinary word of the name (rule 9).
        ("manage a bakery", "management-skills", Kind::Method, &[]),
        // "sourdough fermentation" without its generic head (rule 13); "levain" is unrelated (rule 8).
        (
            "sourdough fermentation techniques",
            "manufacturing-food-and-processing",
            Kind::Domain,
            &["sourdough fermentation"],
        ),
        // "cooperate" is a one-word label unrelated to the name (rule 8); "team-working" is a variant.
        ("work in teams", "social-skills", Kind::Soft, &["team-working"]),
        // "Frysk" shares nothing with the name (rule 8).
        ("Frisian", "languages", Kind::Spoken, &["West Frisian"]),
        // Found through its broader skill, Frisian; language skills keep no subject forms.
        ("speak Frisian", "languages", Kind::Spoken, &[]),
        // "whisk" is an ordinary word in the prose: the name matches in capitals only (rule 10). No group
        // above it: family `esco`.
        ("WHISK", "esco", Kind::Domain, &["^WHISK", "WHISK templating"]),
        // Five product names under a lowercase competence are a list (rule 5). The family comes through the
        // broader skill.
        ("operate industrial baking ovens", "management-skills", Kind::Method, &[]),
    ];
    for (r, (name, family, kind, aliases)) in records.iter().zip(expected) {
        assert_eq!(
            (r.name.as_str(), r.family.as_str(), r.kind, r.aliases.as_slice()),
            (*name, *family, Some(*kind), &aliases.iter().map(|a| (*a).to_owned()).collect::<Vec<_>>()[..]),
        );
        assert!(!r.hot);
    }
    let bakery = record(&records, "manage a bakery");
    assert_eq!(bakery.id, uri("bakery"));
    assert_eq!(bakery.related, [uri("sourdough"), uri("teams")]);
    assert_eq!(bakery.line, line_of(&esco.skills, "manage a bakery"), "the line where the row starts");
    assert_eq!(record(&records, "speak Frisian").broader, [uri("frisian")]);
    assert_eq!(record(&records, "operate industrial baking ovens").broader, [uri("bakery")]);
    assert!(record(&records, "operate industrial baking ovens").related.is_empty(), "unknown ids are skipped");
}

#[test]
fn esco_fixture_extracts_with_loose_matching() {
    let esco = Esco::fixture();
    let mut builder = Taxonomy::builder();
    builder.add_records(ESCO_SKILLS_FILE, esco_records(&esco.files()).unwrap()).unwrap();
    let taxonomy = builder.build().unwrap();
    let extractor = Extractor::builder().phrase_matching(PhraseMatching::Loose).build(taxonomy).unwrap();
    let found = |text: &str| -> Vec<String> {
        let doc = extractor.extract(text);
        doc.skills.iter().map(|e| extractor.taxonomy().skill(e.skill).name.clone()).collect()
    };
    assert_eq!(
        found("You will be managing our bakery and working in small teams. We write Rust."),
        ["manage a bakery", "work in teams", "Rust (computer programming)"]
    );
    assert_eq!(
        found("Sourdough fermentation is our craft; we operate the industrial baking ovens."),
        ["sourdough fermentation techniques", "operate industrial baking ovens"]
    );
    assert!(found("Whisk the eggs, then cooperate with the baker.").is_empty());
    assert_eq!(found("Templates in WHISK."), ["WHISK"]);
}

/// The 1-based line holding `needle`.
fn line_of(text: &str, needle: &str) -> u64 {
    text.lines().position(|l| l.contains(needle)).map_or(0, |i| i as u64 + 1)
}

/// The fixture with one line replaced.
fn with_line(text: &str, line: usize, replacement: &str) -> String {
    let mut lines: Vec<&str> = text.lines().collect();
    lines[line - 1] = replacement;
    lines.join("\n") + "\n"
}

#[test]
fn esco_bad_input_names_file_line_and_column() {
    let esco = Esco::fixture();
    let load = |skills: &str| esco_records(&EscoFiles { skills: (ESCO_SKILLS_FILE, skills), ..esco.files() });

    // A broken row: an unbalanced quote swallows the rest of the file into one field.
    let broken = with_line(&esco.skills, 2, "KnowledgeSkillCompetence,http://example.org/x,knowledge,x,\"Rust,\"Rust");
    let e = load(&broken).unwrap_err();
    assert_eq!((e.kind(), e.source_name(), e.line(), e.column()), (ErrorKind::Csv, ESCO_SKILLS_FILE, Some(2), Some(6)));
    assert!(e.to_string().starts_with("skills_en.csv:2:6: expected 13 fields"), "{e}");

    // A row with a field too many.
    let line = line_of(&esco.skills, "speak Frisian");
    let long = with_line(&esco.skills, line as usize, "K,http://example.org/x,knowledge,x,a,,,released,,,,,a,extra");
    let e = load(&long).unwrap_err();
    assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Csv, Some(line), Some(14)));

    // A missing column.
    let missing = esco.skills.replacen("preferredLabel", "prefLabel", 1);
    let e = load(&missing).unwrap_err();
    assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Header, Some(1), None));
    assert!(e.message().contains("missing column `preferredLabel`"), "{e}");

    // The wrong delimiter.
    let semicolons = "conceptType;conceptUri;skillType;reuseLevel;preferredLabel;altLabels\nK;u:1;knowledge;x;Rust;\n";
    let e = load(semicolons).unwrap_err();
    assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Header, Some(1), Some(1)));
    assert!(e.message().contains("`;`"), "{e}");

    // An empty id.
    let e =
        load(&with_line(&esco.skills, line as usize, "K,,knowledge,x,name,,,released,,,,,description")).unwrap_err();
    assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Field, Some(line), Some(2)));

    // A broken relation file is named as such.
    let relations = with_line(&esco.relations, 3, "http://example.org/x,skill/competence,optional");
    let e = esco_records(&EscoFiles { skill_relations: Some((ESCO_RELATIONS_FILE, &relations)), ..esco.files() })
        .unwrap_err();
    assert_eq!((e.source_name(), e.line(), e.column()), (ESCO_RELATIONS_FILE, Some(3), Some(4)));

    // The hierarchy may leave out empty trailing cells, as ESCO writes it, but not the ones that are read.
    let hierarchy = with_line(&esco.hierarchy, 3, "http://example.org/esco-fixture/group/k,knowledge,http://x");
    let e =
        esco_records(&EscoFiles { hierarchy: Some((ESCO_HIERARCHY_FILE, &hierarchy)), ..esco.files() }).unwrap_err();
    assert_eq!((e.source_name(), e.line(), e.column()), (ESCO_HIERARCHY_FILE, Some(3), Some(4)));
}

#[test]
fn esco_without_the_optional_files() {
    let esco = Esco::fixture();
    let records = esco_records(&EscoFiles::new((ESCO_SKILLS_FILE, &esco.skills))).unwrap();
    assert_eq!(records.len(), 8);
    assert!(records.iter().all(|r| r.family == "esco" && r.related.is_empty() && r.broader.is_empty()));
    // Without the hierarchy nothing is known to be a language.
    assert_eq!(record(&records, "Frisian").kind, Some(Kind::Domain));
}

#[test]
fn onet_fixture_records() {
    let text = fixture("onet", ONET_TECHNOLOGY_FILE);
    let records = onet_records(ONET_TECHNOLOGY_FILE, &text).unwrap();
    let got: Vec<(&str, &str, &str, Vec<&str>, bool)> = records
        .iter()
        .map(|r| {
            (r.id.as_str(), r.name.as_str(), r.family.as_str(), r.aliases.iter().map(String::as_str).collect(), r.hot)
        })
        .collect();
    assert_eq!(
        got,
        [
            // Twice under accounting, once under inventory: the most frequent title wins. Hot on one row.
            ("onet-contoso-ledger", "Contoso Ledger", "accounting-software", vec!["?Ledger"], true),
            ("onet-contoso-planner", "Contoso Planner", "project-management-software", vec!["?Planner"], false),
            ("onet-contoso-menus", "Contoso Menus", "word-processing-software", vec!["?Menus"], false),
            (
                "onet-bakery-resource-planning-brp-software",
                "Bakery resource planning BRP software",
                "enterprise-resource-planning-erp-software",
                vec!["Bakery resource planning BRP", "^BRP", "Bakery resource planning"],
                true
            ),
            (
                "onet-kitchen-inventory-software",
                "Kitchen inventory software",
                "inventory-management-software",
                vec!["Kitchen inventory"],
                false
            ),
            // "Fabrikam" starts one example only: not a vendor.
            (
                "onet-fabrikam-dough-designer",
                "Fabrikam Dough Designer",
                "analytical-or-scientific-software",
                vec![],
                false
            ),
            ("onet-c-plus-plus", "C++", "object-or-component-oriented-development-software", vec![], false),
        ]
    );
    assert!(records.iter().all(|r| r.kind == Some(Kind::Tool)));
    assert_eq!(records[1].line, 3);
    let mut builder = Taxonomy::builder();
    builder.add_records(ONET_TECHNOLOGY_FILE, records).unwrap();
    let extractor = Extractor::new(builder.build().unwrap());
    let doc = extractor.extract("Skills: Contoso Ledger, BRP, C++");
    let names: Vec<&str> = doc.skills.iter().map(|e| extractor.taxonomy().skill(e.skill).name.as_str()).collect();
    assert_eq!(names, ["Contoso Ledger", "Bakery resource planning BRP software", "C++"]);
}

#[test]
fn onet_bad_input_names_file_line_and_column() {
    let text = fixture("onet", ONET_TECHNOLOGY_FILE);
    let broken = with_line(&text, 4, "35-1011.00\tContoso Ledger\t43231604");
    let e = onet_records(ONET_TECHNOLOGY_FILE, &broken).unwrap_err();
    assert_eq!(
        (e.kind(), e.source_name(), e.line(), e.column()),
        (ErrorKind::Csv, ONET_TECHNOLOGY_FILE, Some(4), Some(4))
    );
    let e = onet_records(ONET_TECHNOLOGY_FILE, &text.replace('\t', ",")).unwrap_err();
    assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Header, Some(1), Some(1)));
    assert!(e.message().contains("tab"), "{e}");
    let e = onet_records(ONET_TECHNOLOGY_FILE, &text.replacen("Hot Technology", "Hot", 1)).unwrap_err();
    assert_eq!((e.kind(), e.line()), (ErrorKind::Header, Some(1)));
    assert!(e.message().contains("`Hot Technology`"), "{e}");
    let e = onet_records(
        ONET_TECHNOLOGY_FILE,
        &with_line(&text, 3, "1\tContoso Planner\t1\tProject management software\tyes\tN"),
    )
    .unwrap_err();
    assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Field, Some(3), Some(5)));
}

#[test]
fn real_esco_download() {
    let Some(dir) = shared_data().map(|d| d.join("esco-v1.1.1")).filter(|d| d.is_dir()) else {
        println!("skipped: ../shared/data/esco-v1.1.1 not found");
        return;
    };
    let esco = Esco::read(&dir);
    let records = esco_records(&esco.files()).unwrap();
    assert_eq!(records.len(), 13_896);
    let aliases: usize = records.iter().map(|r| r.aliases.len()).sum();
    assert!((1_000..3_000).contains(&aliases), "{aliases} aliases");

    let python = record(&records, "Python (computer programming)");
    assert_eq!(
        (python.family.as_str(), python.kind),
        ("information-and-communication-technologies", Some(Kind::Domain))
    );
    assert!(python.aliases.iter().any(|a| a == "Python"), "{:?}", python.aliases);
    let javascript = record(&records, "JavaScript");
    assert!(!javascript.aliases.iter().any(|a| a.contains("Mocha") || a.starts_with('?')), "{:?}", javascript.aliases);
    let sql = record(&records, "SQL");
    assert!(!sql.aliases.iter().any(|a| a.contains("Subquery")), "{:?}", sql.aliases);
    let spreadsheets = record(&records, "use spreadsheets software");
    assert!(!spreadsheets.aliases.iter().any(|a| a.contains("Gnumeric")), "{:?}", spreadsheets.aliases);
    assert_eq!(record(&records, "English").kind, Some(Kind::Spoken));
    assert_eq!(record(&records, "work in teams").kind, Some(Kind::Soft));
    assert_eq!(record(&records, "LESS").aliases.first().map(String::as_str), Some("^LESS"));
    assert!(records.iter().filter(|r| !r.related.is_empty()).count() > 1_000);
    assert!(records.iter().filter(|r| !r.broader.is_empty()).count() > 1_000);
    assert!(records.iter().all(|r| r.family != "esco"), "every real skill has a top group");

    let mut builder = Taxonomy::builder();
    builder.add_records(ESCO_SKILLS_FILE, records).unwrap();
    let taxonomy = builder.build().unwrap();
    let extractor = Extractor::builder().phrase_matching(PhraseMatching::Loose).build(taxonomy).unwrap();
    let doc = extractor.extract("We need Python and JavaScript, and you will work in a compact agile team.");
    let names: Vec<&str> = doc.skills.iter().map(|e| extractor.taxonomy().skill(e.skill).name.as_str()).collect();
    assert_eq!(names, ["Python (computer programming)", "JavaScript", "work in teams"]);
}

#[test]
fn real_onet_download() {
    let Some(path) = shared_data().map(|d| d.join("onet-29.2").join(ONET_TECHNOLOGY_FILE)).filter(|p| p.is_file())
    else {
        println!("skipped: ../shared/data/onet-29.2/{ONET_TECHNOLOGY_FILE} not found");
        return;
    };
    let text = std::fs::read_to_string(&path).unwrap();
    let records = onet_records(ONET_TECHNOLOGY_FILE, &text).unwrap();
    assert_eq!(records.len(), 8_768);
    assert_eq!(records.iter().filter(|r| r.hot).count(), 170);
    let excel = record(&records, "Microsoft Excel");
    assert_eq!(
        (excel.id.as_str(), excel.family.as_str(), excel.hot),
        ("onet-microsoft-excel", "spreadsheet-software", true)
    );
    assert_eq!(excel.aliases, ["?Excel"]);
    let aws = record(&records, "Amazon Web Services AWS software");
    assert!(aws.aliases.iter().any(|a| a == "^AWS"), "{:?}", aws.aliases);
    assert!(record(&records, "Microsoft Word").aliases.is_empty(), "\"Word\" is a generic word");
    let mut builder = Taxonomy::builder();
    builder.add_records(ONET_TECHNOLOGY_FILE, records).unwrap();
    assert_eq!(builder.build().unwrap().len(), 8_768);
}
