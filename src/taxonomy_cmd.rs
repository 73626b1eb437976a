//! `skillgap taxonomy ...`: lookup, show, stats, check and export.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::Path;
use std::process::ExitCode;

use anyhow::{bail, Result};
use serde_json::{json, Value};
use skillgap::{check_layer, FuzzyHow, FuzzyIndex, Severity, SkillIdx, Taxonomy};

use crate::args::{Format, TaxonomyCommand};
use crate::input::Inputs;
use crate::render::{category, csv_row, Style};

/// How many "did you mean" candidates a lookup shows.
const LOOKUP_CANDIDATES: usize = 5;

pub fn run(
    taxonomy: &Taxonomy,
    action: &TaxonomyCommand,
    inputs: Inputs,
    format: Format,
    style: Style,
) -> Result<(String, ExitCode)> {
    let ok = |s: String| Ok((s, ExitCode::SUCCESS));
    match action {
        TaxonomyCommand::Lookup { terms } => ok(lookup(taxonomy, terms, format, style)),
        TaxonomyCommand::Show { id } => ok(show(taxonomy, id, format, style)?),
        TaxonomyCommand::Stats => ok(stats(taxonomy, format)),
        TaxonomyCommand::Check { file } => check(taxonomy, file, inputs, format),
        TaxonomyCommand::Export { .. } => ok(export(taxonomy, format)?),
    }
}

/// One lookup answer.
struct Answer {
    skill: SkillIdx,
    score: u8,
    kind: &'static str,
    alias: String,
}

/// Exact and alias answers first, then fuzzy ones ("did you mean"), one per skill.
fn answers(taxonomy: &Taxonomy, fuzzy: &FuzzyIndex, term: &str) -> Vec<Answer> {
    fuzzy
        .lookup(taxonomy, term, LOOKUP_CANDIDATES)
        .into_iter()
        .map(|m| {
            let kind = match (m.how, m.alias.alias) {
                (FuzzyHow::Exact, 0) => "exact",
                (FuzzyHow::Exact, _) => "alias",
                _ => "fuzzy",
            };
            Answer { skill: m.alias.skill, score: m.score, kind, alias: taxonomy.alias(m.alias).text.clone() }
        })
        .collect()
}

fn lookup(taxonomy: &Taxonomy, terms: &[String], format: Format, style: Style) -> String {
    let fuzzy = FuzzyIndex::new(taxonomy);
    let mut out = String::new();
    if format == Format::Csv {
        out.push_str("query,id,name,category,score,kind\n");
    }
    for term in terms {
        let found = answers(taxonomy, &fuzzy, term);
        match format {
            Format::Json => {
                let entry = |a: &Answer| json!({"id": taxonomy.skill(a.skill).id, "name": taxonomy.skill(a.skill).name, "score": a.score, "kind": a.kind, "alias": a.alias});
                let v = json!({
                    "query": term,
                    "match": found.first().map(entry),
                    "candidates": found.iter().skip(1).map(entry).collect::<Vec<_>>(),
                });
                let _ = writeln!(out, "{v}");
            }
            Format::Csv => {
                if found.is_empty() {
                    out.push_str(&csv_row(&[
                        term.clone(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                        String::new(),
                    ]));
                }
                for a in &found {
                    let s = taxonomy.skill(a.skill);
                    out.push_str(&csv_row(&[
                        term.clone(),
                        s.id.clone(),
                        s.name.clone(),
                        category(taxonomy, a.skill),
                        a.score.to_string(),
                        a.kind.to_owned(),
                    ]));
                }
            }
            Format::Text | Format::Md => match found.first() {
                None => {
                    let _ = writeln!(out, "{term}: no skill by that name; try another spelling, or add it in your own taxonomy file (see README)");
                }
                Some(best) => {
                    let s = taxonomy.skill(best.skill);
                    let how = match best.kind {
                        "fuzzy" => format!("did you mean {}? ({}%)", s.name, best.score),
                        kind => kind.to_owned(),
                    };
                    let _ = writeln!(
                        out,
                        "{term} → {} ({}) [{}] {}",
                        style.bold(&s.name),
                        s.id,
                        category(taxonomy, best.skill),
                        style.dim(&how)
                    );
                    for a in found.iter().skip(1) {
                        let s = taxonomy.skill(a.skill);
                        let _ = writeln!(
                            out,
                            "    or {} ({}) [{}] {} {}%",
                            s.name,
                            s.id,
                            category(taxonomy, a.skill),
                            a.kind,
                            a.score
                        );
                    }
                }
            },
        }
    }
    out
}

fn show(taxonomy: &Taxonomy, id: &str, format: Format, style: Style) -> Result<String> {
    let Some(idx) = taxonomy.get(id) else {
        let hint = taxonomy
            .lookup_alias(id)
            .first()
            .map(|a| format!(" `{id}` is an alias of `{}`.", taxonomy.skill(a.skill).id))
            .unwrap_or_default();
        bail!("no skill with id `{id}`.{hint} Find ids with `skillgap taxonomy lookup TERM`");
    };
    let s = taxonomy.skill(idx);
    let ids = |v: &[SkillIdx]| v.iter().map(|&i| taxonomy.skill(i).id.clone()).collect::<Vec<_>>();
    let narrow: Vec<SkillIdx> = taxonomy.narrower(idx).collect();
    // As the taxonomy writes the skill back: a name that needs exact case or context shows as a marked alias.
    let aliases = taxonomy.record(idx).aliases;
    Ok(match format {
        Format::Json | Format::Csv => {
            let v = json!({
                "id": s.id, "name": s.name, "family": s.family, "kind": s.kind, "category": category(taxonomy, idx),
                "aliases": aliases, "related": ids(&s.related), "broader": ids(&s.broader), "narrower": ids(&narrow),
                "layer": s.layer, "hot": s.hot,
            });
            format!("{}\n", serde_json::to_string_pretty(&v)?)
        }
        Format::Text | Format::Md => {
            let mut out = String::new();
            let _ = writeln!(out, "{} ({})", style.bold(&s.name), s.id);
            let _ = writeln!(out, "  category: {}", category(taxonomy, idx));
            let _ =
                writeln!(out, "  aliases:  {}", if aliases.is_empty() { "-".to_owned() } else { aliases.join("; ") });
            let names = |v: &[SkillIdx]| {
                if v.is_empty() {
                    "-".to_owned()
                } else {
                    v.iter()
                        .map(|&i| format!("{} ({})", taxonomy.skill(i).name, taxonomy.skill(i).id))
                        .collect::<Vec<_>>()
                        .join(", ")
                }
            };
            let _ = writeln!(out, "  related:  {}", names(&s.related));
            let _ = writeln!(out, "  broader:  {}", names(&s.broader));
            let _ = writeln!(out, "  narrower: {}", names(&narrow));
            let _ = writeln!(out, "  layer:    {}", s.layer);
            if s.hot {
                let _ = writeln!(out, "  hot:      yes (a Hot Technology in O*NET: often asked for)");
            }
            let _ = writeln!(out, "  (alias markers: ^ exact case only, ? needs context)");
            out
        }
    })
}

fn stats(taxonomy: &Taxonomy, format: Format) -> String {
    let mut by_family: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    let mut by_kind: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
    for s in taxonomy.skills() {
        let aliases = s.aliases.len() - 1;
        let f = by_family.entry(s.family.as_str()).or_default();
        f.0 += 1;
        f.1 += aliases;
        let k = by_kind.entry(s.kind.as_str()).or_default();
        k.0 += 1;
        k.1 += aliases;
    }
    let total_aliases: usize = by_family.values().map(|v| v.1).sum();
    match format {
        Format::Json => {
            let table = |m: &BTreeMap<&str, (usize, usize)>| -> Value {
                m.iter()
                    .map(|(k, (s, a))| ((*k).to_owned(), json!({"skills": s, "aliases": a})))
                    .collect::<serde_json::Map<_, _>>()
                    .into()
            };
            format!(
                "{}\n",
                json!({"skills": taxonomy.len(), "aliases": total_aliases, "families": table(&by_family), "kinds": table(&by_kind)})
            )
        }
        Format::Csv => {
            let mut out = String::from("group,name,skills,aliases\n");
            for (k, (s, a)) in &by_family {
                let _ = writeln!(out, "family,{k},{s},{a}");
            }
            for (k, (s, a)) in &by_kind {
                let _ = writeln!(out, "kind,{k},{s},{a}");
            }
            out
        }
        Format::Text | Format::Md => {
            let w = by_family.keys().chain(by_kind.keys()).map(|k| k.chars().count()).max().unwrap_or(6).max(6);
            let mut out = format!("{} skills, {} aliases\n\n", taxonomy.len(), total_aliases);
            let _ = writeln!(out, "{:<w$} {:>7} {:>8}", "family", "skills", "aliases");
            for (k, (s, a)) in &by_family {
                let _ = writeln!(out, "{k:<w$} {s:>7} {a:>8}");
            }
            let _ = writeln!(out, "\n{:<w$} {:>7} {:>8}", "kind", "skills", "aliases");
            for (k, (s, a)) in &by_kind {
                let _ = writeln!(out, "{k:<w$} {s:>7} {a:>8}");
            }
            out
        }
    }
}

fn check(taxonomy: &Taxonomy, file: &Path, inputs: Inputs, format: Format) -> Result<(String, ExitCode)> {
    let label = file.display().to_string();
    let text = inputs.taxonomy_text(file)?;
    let problems = check_layer(taxonomy, &label, &text);
    let errors = problems.iter().filter(|p| p.severity == Severity::Error).count();
    let mut out = String::new();
    match format {
        Format::Json => {
            let v = json!({"file": label, "errors": errors, "warnings": problems.len() - errors, "problems": problems});
            out = format!("{}\n", serde_json::to_string_pretty(&v)?);
        }
        Format::Csv => {
            out.push_str("file,line,severity,message\n");
            for p in &problems {
                let severity = if p.severity == Severity::Error { "error" } else { "warning" };
                out.push_str(&csv_row(&[
                    label.clone(),
                    p.line.map(|l| l.to_string()).unwrap_or_default(),
                    severity.to_owned(),
                    p.message.clone(),
                ]));
            }
        }
        Format::Text | Format::Md => {
            for p in &problems {
                let severity = if p.severity == Severity::Error { "error" } else { "warning" };
                let at = p.line.map(|l| format!("{label}:{l}")).unwrap_or_else(|| label.clone());
                let _ = writeln!(out, "{at}: {severity}: {}", p.message);
            }
            let _ = writeln!(out, "{label}: {errors} error(s), {} warning(s)", problems.len() - errors);
        }
    }
    Ok((out, if errors > 0 { ExitCode::from(2) } else { ExitCode::SUCCESS }))
}

fn export(taxonomy: &Taxonomy, format: Format) -> Result<String> {
    match format {
        Format::Json => {
            // The same records as the CSV, so that both formats round-trip the markers on names.
            let skills: Vec<Value> = taxonomy
                .records()
                .zip(taxonomy.skills())
                .map(|(r, s)| {
                    json!({
                        "id": r.id, "name": r.name, "family": r.family, "kind": s.kind, "aliases": r.aliases,
                        "related": r.related, "broader": r.broader, "layer": s.layer, "hot": r.hot,
                    })
                })
                .collect();
            Ok(format!("{}\n", serde_json::to_string_pretty(&json!({"skills": skills}))?))
        }
        Format::Csv | Format::Text | Format::Md => Ok(taxonomy.to_csv()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use skillgap::{SkillRecord, HEADER};

    const PLAIN: Style = Style { color: false };

    fn with_hot_skill() -> Taxonomy {
        let mut builder = Taxonomy::builder();
        builder.add_builtin();
        let ledger = SkillRecord {
            id: "onet-contoso-ledger".into(),
            name: "Contoso Ledger".into(),
            family: "accounting-software".into(),
            kind: Some(skillgap::Kind::Tool),
            aliases: vec!["?Ledger".into()],
            hot: true,
            ..SkillRecord::default()
        };
        builder.add_records("onet.txt", [ledger]).expect("adds");
        builder.build().expect("builds")
    }

    #[test]
    fn show_keeps_the_markers_on_the_name() {
        let taxonomy = Taxonomy::builtin();
        let text = show(&taxonomy, "go", Format::Text, PLAIN).expect("shows");
        assert!(text.contains("aliases:  ^?Go; "), "{text}");
        let json: Value =
            serde_json::from_str(&show(&taxonomy, "r", Format::Json, PLAIN).expect("shows")).expect("json");
        assert!(json["aliases"].as_array().expect("list").iter().any(|a| a == "^?R"), "{json}");
        assert_eq!(json["hot"], false);
    }

    #[test]
    fn show_and_export_carry_hot() {
        let taxonomy = with_hot_skill();
        let text = show(&taxonomy, "onet-contoso-ledger", Format::Text, PLAIN).expect("shows");
        assert!(text.contains("hot:      yes"), "{text}");
        assert!(!show(&taxonomy, "go", Format::Text, PLAIN).expect("shows").contains("hot:"));
        let json: Value =
            serde_json::from_str(&show(&taxonomy, "onet-contoso-ledger", Format::Json, PLAIN).expect("shows"))
                .expect("json");
        assert_eq!(json["hot"], true);
        let export: Value = serde_json::from_str(&export(&taxonomy, Format::Json).expect("exports")).expect("json");
        let skills = export["skills"].as_array().expect("list");
        assert_eq!(skills.last().map(|s| (&s["id"], &s["hot"])), Some((&json!("onet-contoso-ledger"), &json!(true))));
        assert!(skills.iter().any(|s| s["id"] == "go" && s["aliases"][0] == "^?Go"));
    }

    #[test]
    fn csv_export_loads_back_to_the_same_aliases() {
        let taxonomy = Taxonomy::builtin();
        let csv = export(&taxonomy, Format::Csv).expect("exports");
        assert!(csv.starts_with(&format!("{}\n", HEADER.join(","))));
        assert!(csv.lines().any(|l| l.starts_with("go,Go,software,language,^?Go;")), "the name keeps its markers");
        let mut builder = Taxonomy::builder();
        builder.add_csv("export.csv", &csv).expect("parses");
        let again = builder.build().expect("builds");
        assert_eq!(again.len(), taxonomy.len());
        for (a, b) in taxonomy.skills().iter().zip(again.skills()) {
            assert_eq!((&a.id, &a.aliases), (&b.id, &b.aliases));
        }
    }
}
