//! Output: text, JSON, CSV and Markdown for every command.

use std::fmt::Write as _;

use serde_json::{json, Value};
use skillgap::{
    Comparison, Document, Mention, Profile, Requirement, SkillResult, Span, Status, Suggestion, Taxonomy,
    HARD_SKILL_FACTOR, MENTIONED_WEIGHT, PREFERRED_WEIGHT, RELATED_CREDIT_PERCENT, REQUIRED_WEIGHT, SOFT_SKILL_FACTOR,
};

use crate::input::Input;

/// Terminal styling, on or off.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub color: bool,
}

impl Style {
    fn paint(self, code: &str, s: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_owned()
        }
    }
    pub fn bold(self, s: &str) -> String {
        self.paint("1", s)
    }
    pub fn red(self, s: &str) -> String {
        self.paint("31", s)
    }
    pub fn green(self, s: &str) -> String {
        self.paint("32", s)
    }
    pub fn yellow(self, s: &str) -> String {
        self.paint("33", s)
    }
    pub fn dim(self, s: &str) -> String {
        self.paint("2", s)
    }
}

/// The width text output is wrapped to.
const WIDTH: usize = 80;

/// `family/kind`, the category shown for a skill.
pub fn category(taxonomy: &Taxonomy, skill: skillgap::SkillIdx) -> String {
    let s = taxonomy.skill(skill);
    format!("{}/{}", s.family, s.kind)
}

fn requirement_str(r: Requirement) -> &'static str {
    match r {
        Requirement::Required => "required",
        Requirement::Preferred => "preferred",
        Requirement::Mentioned => "mentioned",
    }
}

/// The 1-based line, in the input's own file, of a byte offset into `Input::text`.
pub fn line_of(input: &Input, offset: usize) -> usize {
    match &input.original {
        Some((original, map)) => line_in(original, map.get(offset).copied().unwrap_or(0) as usize),
        None => line_in(&input.text, offset),
    }
}

/// The 1-based line of a byte offset in `text`.
pub fn line_in(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text.as_bytes()[..offset].iter().filter(|&&b| b == b'\n').count() + 1
}

/// The sentence around a mention, whitespace folded and cut to about `max` characters around the mention.
fn quote(text: &str, sentence: Span, max: usize) -> String {
    let (s, e) = (sentence.start.min(text.len()), sentence.end.min(text.len()));
    let Some(raw) = text.get(s..e) else { return String::new() };
    let folded: String = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    let folded = folded.trim_start_matches(['-', '*', '•', ' ']).to_owned();
    if folded.chars().count() <= max {
        return folded;
    }
    let cut: String = folded.chars().take(max.saturating_sub(1)).collect();
    let cut = cut.rsplit_once(' ').map_or(cut.as_str(), |(head, _)| head).to_owned();
    format!("{cut}…")
}

/// Word-wraps `text` to `width`, indenting every line by `indent` and continuation lines by `hang` more.
fn wrap(text: &str, indent: usize, hang: usize, width: usize) -> String {
    let mut out = String::new();
    let mut line = " ".repeat(indent);
    let mut empty = true;
    for word in text.split_whitespace() {
        if !empty && line.chars().count() + 1 + word.chars().count() > width {
            out.push_str(line.trim_end());
            out.push('\n');
            line = " ".repeat(indent + hang);
            empty = true;
        }
        if !empty {
            line.push(' ');
        }
        line.push_str(word);
        empty = false;
    }
    out.push_str(line.trim_end());
    out.push('\n');
    out
}

/// What `compare` hands to the renderers.
pub struct CompareView<'a> {
    pub taxonomy: &'a Taxonomy,
    pub cv: &'a Input,
    pub profile: &'a Profile,
    pub targets: &'a [Input],
    pub comparison: &'a Comparison,
    pub suggestions: &'a [Suggestion],
    pub top: usize,
}

impl CompareView<'_> {
    fn name(&self, r: &SkillResult) -> &str {
        &self.taxonomy.skill(r.skill).name
    }

    /// The name, with the alternatives a target offers in its place: "Apache Kafka (or Amazon Kinesis)".
    fn gap_name(&self, r: &SkillResult) -> String {
        if r.alternatives.is_empty() {
            return self.name(r).to_owned();
        }
        let others: Vec<&str> = r.alternatives.iter().map(|&a| self.taxonomy.skill(a).name.as_str()).collect();
        format!("{} (or {})", self.name(r), others.join(" or "))
    }

    fn cv_text(&self, r: &SkillResult) -> Option<String> {
        let via = match r.status {
            Status::MatchedNarrower(n) | Status::Related(n) | Status::Alternative(n) => n,
            _ => r.skill,
        };
        self.profile.get(via).map(|e| e.mentions[0].text.clone())
    }

    fn points(&self) -> String {
        format!("{}.{:02}", self.comparison.earned_centi / 100, self.comparison.earned_centi % 100)
    }

    pub fn text(&self, style: Style) -> String {
        let c = self.comparison;
        let mut out = String::new();
        let against = if self.targets.len() == 1 {
            self.targets[0].label.clone()
        } else {
            format!("{} targets", self.targets.len())
        };
        let _ = writeln!(
            out,
            "{} {}",
            style.bold(&format!("Match score: {}/100", c.score)),
            style.dim(&format!("({} vs {against})", self.cv.label))
        );
        let summary = format!(
            "{} of {} points: {} skills matched, {} transferable (half credit), {} missing. Required skills weigh {REQUIRED_WEIGHT}, preferred {PREFERRED_WEIGHT}, mentioned {MENTIONED_WEIGHT}; hard skills count {HARD_SKILL_FACTOR}x, soft skills {SOFT_SKILL_FACTOR}x.",
            self.points(),
            c.possible,
            c.matched.len(),
            c.related.len(),
            c.missing.len()
        );
        out.push_str(&wrap(&summary, 2, 0, WIDTH));
        if c.possible == 0 {
            out.push_str("\nNo skills from the taxonomy were found in the target, so there is nothing to compare.\nCheck the file with `skillgap extract FILE`.\n");
            return out;
        }
        out.push('\n');
        let gaps = c.gaps();
        if gaps.is_empty() {
            let _ = writeln!(out, "{}", style.green("No gaps: your CV shows every skill the targets name."));
        } else {
            let _ = writeln!(out, "{}", style.bold("Gaps, most important first"));
            for (i, r) in gaps.iter().take(self.top).enumerate() {
                let mut facts = vec![requirement_str(r.requirement()).to_owned()];
                if let Some(y) = r.years() {
                    facts.push(format!("{y}+ years"));
                }
                if c.targets > 1 {
                    facts.push(format!("{} of {} targets", r.target_count(), c.targets));
                }
                let head = format!("{:>3}. {}", i + 1, self.gap_name(r));
                let tail = format!("{} [{}]", facts.join(", "), category(self.taxonomy, r.skill));
                let pad = WIDTH.saturating_sub(head.chars().count() + tail.chars().count()).max(2);
                let painted = if r.status == Status::Missing { style.red(&head) } else { style.yellow(&head) };
                let _ = writeln!(out, "{painted}{}{}", " ".repeat(pad), style.dim(&tail));
                let e = &r.evidence[0];
                let target = &self.targets[e.target];
                let quoted = format!(
                    "\"{}\" ({}:{})",
                    quote(&target.text, e.sentence, 60),
                    target.label,
                    line_of(target, e.sentence.start)
                );
                out.push_str(&wrap(&quoted, 6, 1, WIDTH));
                let note = match r.status {
                    Status::Related(have) => Some(format!(
                        "near miss: you have {} (transferable, half credit)",
                        self.taxonomy.skill(have).name
                    )),
                    Status::InProgress => Some("in progress on your CV (half credit)".to_owned()),
                    _ => None,
                };
                if let Some(note) = note {
                    out.push_str(&style.yellow(&wrap(&note, 6, 1, WIDTH)));
                }
            }
            if gaps.len() > self.top {
                let _ = writeln!(
                    out,
                    "     … and {} more (--top N shows more; --format json shows all)",
                    gaps.len() - self.top
                );
            }
        }
        out.push('\n');
        if !c.matched.is_empty() {
            let names: Vec<String> = c
                .matched
                .iter()
                .map(|r| match r.status {
                    Status::MatchedNarrower(n) => format!("{} (via {})", self.name(r), self.taxonomy.skill(n).name),
                    Status::Alternative(n) => {
                        format!("{} (or {}, which you have)", self.name(r), self.taxonomy.skill(n).name)
                    }
                    _ => self.name(r).to_owned(),
                })
                .collect();
            let _ = writeln!(out, "{}", style.bold(&format!("You share ({})", c.matched.len())));
            out.push_str(&style.green(&wrap(&names.join(", "), 2, 0, WIDTH)));
            out.push('\n');
        }
        let fuzzy: Vec<String> = self
            .profile
            .fuzzy_mentions()
            .map(|(skill, m)| format!("{} → {}?", m.text, self.taxonomy.skill(skill).name))
            .collect();
        if !fuzzy.is_empty() {
            let _ = writeln!(out, "{}", style.bold("Read from your CV by near spelling (check these)"));
            out.push_str(&wrap(&fuzzy.join(", "), 2, 0, WIDTH));
            out.push('\n');
        }
        if c.related.iter().any(|r| matches!(r.status, Status::Related(_))) {
            let _ = writeln!(out, "{}", style.bold("Near misses (transferable, not counted as matches)"));
            for r in &c.related {
                let Status::Related(have) = r.status else { continue };
                let line = format!("- you have {}; they have {}", self.taxonomy.skill(have).name, self.name(r));
                out.push_str(&style.yellow(&wrap(&line, 2, 2, WIDTH)));
            }
            out.push('\n');
        }
        if !self.suggestions.is_empty() {
            let _ = writeln!(out, "{}", style.bold("Suggestions"));
            for (i, s) in self.suggestions.iter().take(self.top).enumerate() {
                out.push_str(&wrap(&format!("{:>2}. {}", i + 1, s.message), 2, 4, WIDTH));
            }
            if self.suggestions.len() > self.top {
                let _ = writeln!(out, "  … and {} more (--top N shows more)", self.suggestions.len() - self.top);
            }
        }
        out
    }

    pub fn markdown(&self) -> String {
        let c = self.comparison;
        let mut out = String::new();
        let _ = writeln!(out, "# Skill gap: {}\n", self.cv.label);
        let labels: Vec<&str> = self.targets.iter().map(|t| t.label.as_str()).collect();
        let _ = writeln!(out, "**Match score: {}/100** against {}  ", c.score, labels.join(", "));
        let _ = writeln!(
            out,
            "{} of {} points; required skills weigh {REQUIRED_WEIGHT}, preferred {PREFERRED_WEIGHT}, mentioned {MENTIONED_WEIGHT}; hard skills count {HARD_SKILL_FACTOR}x, soft skills {SOFT_SKILL_FACTOR}x; related skills earn {RELATED_CREDIT_PERCENT}%.\n",
            self.points(),
            c.possible
        );
        let gaps = c.gaps();
        if !gaps.is_empty() {
            let _ = writeln!(out, "## Gaps\n\n| # | Skill | Category | Requirement | Years | Targets | Evidence |\n|---|---|---|---|---|---|---|");
            for (i, r) in gaps.iter().take(self.top).enumerate() {
                let e = &r.evidence[0];
                let target = &self.targets[e.target];
                let _ = writeln!(
                    out,
                    "| {} | {} | {} | {} | {} | {} | {} ({}:{}) |",
                    i + 1,
                    md_escape(&self.gap_name(r)),
                    category(self.taxonomy, r.skill),
                    requirement_str(r.requirement()),
                    r.years().map(|y| format!("{y}+")).unwrap_or_default(),
                    r.target_count(),
                    md_escape(&quote(&target.text, e.sentence, 80)),
                    md_escape(&target.label),
                    line_of(target, e.sentence.start)
                );
            }
            out.push('\n');
        }
        if !c.matched.is_empty() {
            let _ = writeln!(out, "## You share\n");
            for r in &c.matched {
                let _ = writeln!(
                    out,
                    "- {} ({})",
                    md_escape(self.name(r)),
                    self.cv_text(r).map(|t| md_escape(&t)).unwrap_or_default()
                );
            }
            out.push('\n');
        }
        if !c.related.is_empty() {
            let _ = writeln!(out, "## Near misses\n");
            for r in &c.related {
                if let Status::Related(have) = r.status {
                    let _ = writeln!(
                        out,
                        "- you have {}; they have {}",
                        md_escape(&self.taxonomy.skill(have).name),
                        md_escape(self.name(r))
                    );
                }
            }
            out.push('\n');
        }
        if !self.suggestions.is_empty() {
            let _ = writeln!(out, "## Suggestions\n");
            for (i, s) in self.suggestions.iter().take(self.top).enumerate() {
                let _ = writeln!(out, "{}. {}", i + 1, md_escape(&s.message));
            }
        }
        out
    }

    fn result_json(&self, r: &SkillResult, rank: Option<usize>) -> Value {
        let mut v = json!({
            "id": self.taxonomy.skill(r.skill).id,
            "name": self.name(r),
            "category": category(self.taxonomy, r.skill),
            "weight": r.weight,
            "targets": r.target_count(),
            "requirement": r.requirement(),
            "years": r.years(),
            "evidence": r.evidence.iter().map(|e| {
                let target = &self.targets[e.target];
                json!({
                    "target": target.label,
                    "text": e.text,
                    "requirement": e.requirement,
                    "years": e.years,
                    "sentence": quote(&target.text, e.sentence, 400),
                    "line": line_of(target, e.sentence.start),
                })
            }).collect::<Vec<_>>(),
        });
        if let Some(rank) = rank {
            v["rank"] = json!(rank);
        }
        if !r.alternatives.is_empty() {
            v["alternatives"] =
                json!(r.alternatives.iter().map(|&a| self.taxonomy.skill(a).id.as_str()).collect::<Vec<_>>());
        }
        if let Some(cv) = self.cv_text(r) {
            v["cv_text"] = json!(cv);
        }
        match r.status {
            Status::MatchedNarrower(n) => v["via"] = json!(self.taxonomy.skill(n).id),
            Status::Alternative(n) => v["alternative"] = json!(self.taxonomy.skill(n).id),
            Status::Related(n) => {
                v["have"] = json!({"id": self.taxonomy.skill(n).id, "name": self.taxonomy.skill(n).name})
            }
            Status::InProgress => v["in_progress"] = json!(true),
            _ => {}
        }
        v
    }

    pub fn json(&self) -> Value {
        let c = self.comparison;
        json!({
            "score": c.score,
            "points": {"earned": c.earned_centi as f64 / 100.0, "possible": c.possible},
            "cv": self.cv.label,
            "targets": self.targets.iter().map(|t| t.label.as_str()).collect::<Vec<_>>(),
            "matched": c.matched.iter().map(|r| self.result_json(r, None)).collect::<Vec<_>>(),
            "related": c.related.iter().map(|r| self.result_json(r, None)).collect::<Vec<_>>(),
            "missing": c.missing.iter().enumerate().map(|(i, r)| self.result_json(r, Some(i + 1))).collect::<Vec<_>>(),
            "suggestions": self.suggestions.iter().map(|s| json!({
                "kind": s.kind,
                "skill": self.taxonomy.skill(s.skill).id,
                "message": s.message,
            })).collect::<Vec<_>>(),
            "weights": {
                "required": REQUIRED_WEIGHT,
                "preferred": PREFERRED_WEIGHT,
                "mentioned": MENTIONED_WEIGHT,
                "hard_skill_factor": HARD_SKILL_FACTOR,
                "soft_skill_factor": SOFT_SKILL_FACTOR,
                "related_credit_percent": RELATED_CREDIT_PERCENT,
            },
        })
    }

    pub fn csv(&self) -> String {
        let c = self.comparison;
        let mut out =
            String::from("status,rank,id,name,category,weight,targets,requirement,years,cv_text,target_text\n");
        let rows = c
            .missing
            .iter()
            .enumerate()
            .map(|(i, r)| ("missing", Some(i + 1), r))
            .chain(c.related.iter().map(|r| ("related", None, r)))
            .chain(c.matched.iter().map(|r| ("matched", None, r)));
        for (status, rank, r) in rows {
            let fields = [
                status.to_owned(),
                rank.map(|r| r.to_string()).unwrap_or_default(),
                self.taxonomy.skill(r.skill).id.clone(),
                self.name(r).to_owned(),
                category(self.taxonomy, r.skill),
                r.weight.to_string(),
                r.target_count().to_string(),
                requirement_str(r.requirement()).to_owned(),
                r.years().map(|y| y.to_string()).unwrap_or_default(),
                self.cv_text(r).unwrap_or_default(),
                r.evidence[0].text.clone(),
            ];
            out.push_str(&csv_row(&fields));
        }
        out
    }
}

fn md_escape(s: &str) -> String {
    s.replace('|', "\\|").replace('\n', " ")
}

pub fn csv_row(fields: &[String]) -> String {
    let mut row = String::new();
    for (i, f) in fields.iter().enumerate() {
        if i > 0 {
            row.push(',');
        }
        if f.contains([',', '"', '\n', '\r']) {
            row.push('"');
            row.push_str(&f.replace('"', "\"\""));
            row.push('"');
        } else {
            row.push_str(f);
        }
    }
    row.push('\n');
    row
}

/// `extract`'s JSON for one document, as the CLI contract gives it.
pub fn extract_json(taxonomy: &Taxonomy, doc: &Document) -> Value {
    json!({
        "skills": doc.skills.iter().map(|e| {
            let s = taxonomy.skill(e.skill);
            json!({
                "id": s.id,
                "name": s.name,
                "category": category(taxonomy, e.skill),
                "mentions": e.mentions.iter().map(mention_json).collect::<Vec<_>>(),
            })
        }).collect::<Vec<_>>(),
    })
}

fn mention_json(m: &Mention) -> Value {
    let mut v = json!({
        "start": m.span.start,
        "end": m.span.end,
        "text": m.text,
        "match": m.match_kind,
        "section": m.section,
        "requirement": m.requirement,
    });
    if let Some(y) = m.years {
        v["years"] = json!(y);
    }
    if let Some(score) = m.score {
        v["score"] = json!(score);
    }
    v
}

pub const EXTRACT_CSV_HEADER: &str = "line,id,name,category,start,end,text,match,section,requirement,years\n";

pub fn extract_csv_rows(taxonomy: &Taxonomy, doc: &Document, line: Option<usize>, out: &mut String) {
    for e in &doc.skills {
        let s = taxonomy.skill(e.skill);
        for m in &e.mentions {
            out.push_str(&csv_row(&[
                line.map(|l| l.to_string()).unwrap_or_default(),
                s.id.clone(),
                s.name.clone(),
                category(taxonomy, e.skill),
                m.span.start.to_string(),
                m.span.end.to_string(),
                m.text.clone(),
                json_str(&json!(m.match_kind)),
                json_str(&json!(m.section)),
                json_str(&json!(m.requirement)),
                m.years.map(|y| y.to_string()).unwrap_or_default(),
            ]));
        }
    }
}

fn json_str(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// `extract`'s text output for one document.
pub fn extract_text(taxonomy: &Taxonomy, input: &Input, doc: &Document, style: Style) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "{}", style.bold(&format!("{} skills found in {}", doc.skills.len(), input.label)));
    for e in &doc.skills {
        let s = taxonomy.skill(e.skill);
        let mut facts = vec![format!("{} mention{}", e.mentions.len(), if e.mentions.len() == 1 { "" } else { "s" })];
        if e.requirement() != Requirement::Mentioned {
            facts.push(requirement_str(e.requirement()).to_owned());
        }
        if let Some(y) = e.years() {
            facts.push(format!("{y}+ years"));
        }
        let head = format!("  {}", s.name);
        let tail = format!("{} [{}]", facts.join(", "), category(taxonomy, e.skill));
        let pad = WIDTH.saturating_sub(head.chars().count() + tail.chars().count()).max(2);
        let _ = writeln!(out, "{}{}{}", style.green(&head), " ".repeat(pad), style.dim(&tail));
        for m in e.mentions.iter().take(3) {
            let how = match m.match_kind {
                skillgap::MatchKind::Exact => "exact".to_owned(),
                skillgap::MatchKind::Alias => "alias".to_owned(),
                skillgap::MatchKind::Fuzzy => match m.score {
                    Some(score) => format!("fuzzy {score}%: {} → {}?", m.text, s.name),
                    None => format!("fuzzy: the words of \"{}\", reworded", s.name),
                },
            };
            let line = format!("line {}: \"{}\" ({how})", line_in(input.own_text(), m.span.start), m.text);
            out.push_str(&wrap(&line, 6, 2, WIDTH));
        }
        if e.mentions.len() > 3 {
            let _ = writeln!(out, "      … {} more", e.mentions.len() - 3);
        }
    }
    out
}

/// Markdown table for `extract`.
pub fn extract_markdown(taxonomy: &Taxonomy, input: &Input, doc: &Document) -> String {
    let mut out = format!("# Skills in {}\n\n| Skill | Category | Mentions | Requirement | Years | First seen |\n|---|---|---|---|---|---|\n", md_escape(&input.label));
    for e in &doc.skills {
        let s = taxonomy.skill(e.skill);
        let m = &e.mentions[0];
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | line {}: \"{}\" |",
            md_escape(&s.name),
            category(taxonomy, e.skill),
            e.mentions.len(),
            requirement_str(e.requirement()),
            e.years().map(|y| format!("{y}+")).unwrap_or_default(),
            line_in(input.own_text(), m.span.start),
            md_escape(&m.text)
        );
    }
    out
}
