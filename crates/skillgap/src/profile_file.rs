//! The editable profile file: what a CV was read as, written as TOML for the user to correct, and read back as a
//! [`Profile`] exactly as it stands.
//!
//! ```toml
//! version = 1
//! source = "cv.pdf"
//!
//! [[skill]]
//! id = "tableau"
//! name = "Tableau"
//! years = 4
//! strength = true
//! evidence = ["Built Tableau dashboards used by 40 managers"]
//!
//! [[credential]]
//! id = "cpa"
//! name = "CPA"
//! in_progress = true
//! evidence = ["CPA candidate, exams 2026"]
//!
//! [read]
//! tableau = 4
//! cpa = 0
//! ```
//!
//! `[read]` records what `profile init` read from the CV (skill id and years, 0 for none). `profile update` uses it
//! to tell the user's edits from the CV's readings: a skill read once and since deleted stays deleted, years that
//! differ from what was read stay as the user wrote them.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;

use serde::Deserialize;

use crate::error::{Error, ErrorKind};
use crate::extract::{Document, MatchKind, Mention, SkillEvidence};
use crate::profile::Profile;
use crate::source::TargetKind;
use crate::span::Span;
use crate::structure::{Requirement, SectionKind};
use crate::taxonomy::{Kind, SkillIdx, Taxonomy};

/// The profile file format's version; a file with another is refused.
pub const PROFILE_VERSION: u32 = 1;
/// Evidence lines kept per skill: enough to recognise the reading, few enough to edit.
const MAX_EVIDENCE: usize = 3;

/// A profile file: the skills, credentials and spoken languages a CV shows, as the user may edit them.
///
/// ```
/// use skillgap::{Extractor, Profile, ProfileFile, Taxonomy};
///
/// let extractor = Extractor::new(Taxonomy::builtin());
/// let profile = Profile::from_text(&extractor, "Experience\n- Built Tableau dashboards\n\nSkills\nSQL\n");
/// let file = ProfileFile::from_profile(extractor.taxonomy(), &profile, "cv.txt");
/// let text = file.to_toml();
/// assert!(text.starts_with("# skillgap profile"));
///
/// // The user removes a reading; the profile read back no longer has it.
/// let mut edited = ProfileFile::parse("profile.toml", &text).expect("valid");
/// edited.skill.retain(|s| s.id.as_deref() != Some("sql"));
/// let profile = edited.to_profile(extractor.taxonomy(), "profile.toml").expect("valid");
/// let id = |id: &str| extractor.taxonomy().get(id).expect("built in");
/// assert!(profile.holds(id("tableau")) && !profile.holds(id("sql")));
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileFile {
    /// The format's version, [`PROFILE_VERSION`].
    pub version: u32,
    /// The CV it was read from, for the user's reference.
    #[serde(default)]
    pub source: Option<String>,
    /// Skills (tools, methods, domains, soft skills).
    #[serde(default)]
    pub skill: Vec<ProfileEntry>,
    /// Certifications, licences and degrees.
    #[serde(default)]
    pub credential: Vec<ProfileEntry>,
    /// Spoken languages.
    #[serde(default)]
    pub language: Vec<ProfileEntry>,
    /// What was read from the CV: skill id to years (0 for none). Not for editing: `profile update` compares the
    /// entries with it to keep the user's edits.
    #[serde(default)]
    pub read: BTreeMap<String, u32>,
}

/// One skill of a profile file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfileEntry {
    /// The taxonomy id. A skill the user adds may give `name` instead.
    #[serde(default)]
    pub id: Option<String>,
    /// The display name; when `id` is missing it is looked up as a name or alias.
    #[serde(default)]
    pub name: Option<String>,
    /// Years of use.
    #[serde(default)]
    pub years: Option<u32>,
    /// A skill the user wants counted as shown prominently, not only listed.
    #[serde(default)]
    pub strength: bool,
    /// The CV names it only in a skills list, never in experience.
    #[serde(default)]
    pub only_listed: bool,
    /// A credential being worked towards, not held.
    #[serde(default)]
    pub in_progress: bool,
    /// The CV's lines that show it (or the user's own words for a skill the CV puts unusually).
    #[serde(default)]
    pub evidence: Vec<String>,
}

impl ProfileEntry {
    /// How the entry names its skill, for messages.
    fn label(&self) -> String {
        self.id.clone().or_else(|| self.name.clone()).unwrap_or_else(|| "(an entry with no id or name)".to_owned())
    }
}

/// Which list of the file a skill goes in.
fn list_of(kind: Kind) -> usize {
    match kind {
        Kind::Certification | Kind::Degree => 1,
        Kind::Spoken => 2,
        _ => 0,
    }
}

impl ProfileFile {
    /// What `profile` read from a CV named `source`.
    pub fn from_profile(taxonomy: &Taxonomy, profile: &Profile, source: &str) -> ProfileFile {
        let mut file = ProfileFile { version: PROFILE_VERSION, source: Some(source.to_owned()), ..Default::default() };
        for evidence in &profile.document.skills {
            let skill = taxonomy.skill(evidence.skill);
            let years = profile.years_of(evidence.skill).map(|y| y.whole_years()).filter(|&y| y > 0);
            let mut lines: Vec<String> = Vec::new();
            for mention in &evidence.mentions {
                let line = line_around(&profile.cv_text, mention.span).trim().to_owned();
                if !line.is_empty() && !lines.contains(&line) && lines.len() < MAX_EVIDENCE {
                    lines.push(line);
                }
            }
            let entry = ProfileEntry {
                id: Some(skill.id.clone()),
                name: Some(skill.name.clone()),
                years,
                strength: false,
                only_listed: profile.only_in_skills_list(evidence.skill),
                in_progress: !profile.holds(evidence.skill),
                evidence: lines,
            };
            file.read.insert(skill.id.clone(), years.unwrap_or(0));
            file.list_mut(list_of(skill.kind)).push(entry);
        }
        file
    }

    fn list_mut(&mut self, list: usize) -> &mut Vec<ProfileEntry> {
        match list {
            1 => &mut self.credential,
            2 => &mut self.language,
            _ => &mut self.skill,
        }
    }

    /// Every entry, skills first.
    pub fn entries(&self) -> impl Iterator<Item = &ProfileEntry> {
        self.skill.iter().chain(&self.credential).chain(&self.language)
    }

    /// Parses a profile file; `name` names it in errors (with the line, for TOML syntax errors).
    pub fn parse(name: &str, text: &str) -> Result<ProfileFile, Error> {
        let file: ProfileFile = toml::from_str(text.trim_start_matches('\u{FEFF}')).map_err(|e| {
            let line = e
                .span()
                .map(|s| text.get(..s.start.min(text.len())).unwrap_or_default().matches('\n').count() as u64 + 1);
            Error::new(ErrorKind::Profile, name, format!("not a valid profile file: {}", e.message().trim()))
                .at(line, None)
        })?;
        if file.version != PROFILE_VERSION {
            return Err(Error::new(
                ErrorKind::Profile,
                name,
                format!(
                    "profile version {} is not one this skillgap reads (it reads version {PROFILE_VERSION}); write it again with `skillgap profile init`",
                    file.version
                ),
            ));
        }
        Ok(file)
    }

    /// The profile as it stands in the file: its skills exactly (nothing is extracted again), with the evidence
    /// lines as the CV's text, the years as stated years, strengths as shown in a summary.
    pub fn to_profile(&self, taxonomy: &Taxonomy, name: &str) -> Result<Profile, Error> {
        let mut cv_text = String::new();
        let mut skills: Vec<SkillEvidence> = Vec::new();
        for entry in self.entries() {
            let skill = resolve(taxonomy, entry, name)?;
            let display = &taxonomy.skill(skill).name;
            let section = if entry.strength {
                SectionKind::Summary
            } else if entry.only_listed {
                SectionKind::Skills
            } else {
                SectionKind::Experience
            };
            let lines: Vec<&str> = if entry.evidence.is_empty() {
                vec![display.as_str()]
            } else {
                entry.evidence.iter().map(|l| l.as_str()).collect()
            };
            let mut mentions = Vec::new();
            for line in lines {
                let line = line.replace(['\n', '\r'], " ");
                let start = cv_text.len();
                cv_text.push_str(&line);
                cv_text.push('\n');
                let sentence = Span::new(start, start + line.len());
                let span = find_name(taxonomy, skill, &line).map_or(sentence, |(s, e)| Span::new(start + s, start + e));
                mentions.push(Mention {
                    span,
                    text: cv_text.get(span.start..span.end).unwrap_or_default().to_owned(),
                    match_kind: MatchKind::Exact,
                    score: None,
                    section,
                    requirement: Requirement::Mentioned,
                    cue: None,
                    group: None,
                    prominence: Vec::new(),
                    years: None,
                    in_progress: entry.in_progress,
                    sentence,
                });
            }
            if let Some(first) = mentions.first_mut() {
                first.years = entry.years.map(|y| y.min(u32::from(u8::MAX)) as u8);
            }
            match skills.iter_mut().find(|e| e.skill == skill) {
                Some(existing) => existing.mentions.extend(mentions),
                None => skills.push(SkillEvidence { skill, mentions }),
            }
        }
        let document = Document { kind: TargetKind::Bio, skills, ..Default::default() };
        Ok(Profile { document, roles: Vec::new(), cv_text })
    }

    /// This file brought up to date with `fresh`, a reading of a new CV, keeping the user's edits: a reading the
    /// user deleted stays deleted, years the user changed stay, strengths stay, skills the user added stay. A
    /// reading the new CV no longer shows goes, unless the user had edited it.
    pub fn updated(&self, fresh: &ProfileFile) -> ProfileFile {
        let kept_ids: BTreeSet<&str> = self.entries().filter_map(|e| e.id.as_deref()).collect();
        let removed: BTreeSet<&str> =
            self.read.keys().map(String::as_str).filter(|id| !kept_ids.contains(id)).collect();
        let old_entry = |id: &str| self.entries().find(|e| e.id.as_deref() == Some(id));
        let user_years = |entry: &ProfileEntry| {
            let read = entry.id.as_deref().and_then(|id| self.read.get(id)).copied();
            match read {
                Some(read) => entry.years.unwrap_or(0) != read,
                None => entry.years.is_some(),
            }
        };
        let edited = |entry: &ProfileEntry| {
            entry.strength || user_years(entry) || entry.id.as_deref().is_none_or(|id| !self.read.contains_key(id))
        };
        let mut out = ProfileFile {
            version: PROFILE_VERSION,
            source: fresh.source.clone(),
            read: fresh.read.clone(),
            ..Default::default()
        };
        for (list, entries) in [(0, &fresh.skill), (1, &fresh.credential), (2, &fresh.language)] {
            for entry in entries {
                let Some(id) = entry.id.as_deref() else { continue };
                if removed.contains(id) {
                    continue;
                }
                let mut entry = entry.clone();
                if let Some(old) = old_entry(id) {
                    entry.strength = old.strength;
                    if user_years(old) {
                        entry.years = old.years;
                    }
                }
                out.list_mut(list).push(entry);
            }
        }
        let fresh_ids: BTreeSet<&str> = fresh.entries().filter_map(|e| e.id.as_deref()).collect();
        for (list, entries) in [(0, &self.skill), (1, &self.credential), (2, &self.language)] {
            for entry in entries {
                let in_fresh = entry.id.as_deref().is_some_and(|id| fresh_ids.contains(id));
                if !in_fresh && edited(entry) {
                    out.list_mut(list).push(entry.clone());
                }
            }
        }
        out
    }

    /// The file as TOML, with comments saying how to edit it.
    pub fn to_toml(&self) -> String {
        let mut out = String::from(HEADER);
        let _ = writeln!(out, "version = {}", self.version);
        if let Some(source) = &self.source {
            let _ = writeln!(out, "source = {}", quote(source));
        }
        for (table, entries) in [("skill", &self.skill), ("credential", &self.credential), ("language", &self.language)]
        {
            for entry in entries {
                let _ = write!(out, "\n[[{table}]]\n");
                if let Some(id) = &entry.id {
                    let _ = writeln!(out, "id = {}", quote(id));
                }
                if let Some(name) = &entry.name {
                    let _ = writeln!(out, "name = {}", quote(name));
                }
                if let Some(years) = entry.years {
                    let _ = writeln!(out, "years = {years}");
                }
                for (flag, on) in [
                    ("strength", entry.strength),
                    ("only_listed", entry.only_listed),
                    ("in_progress", entry.in_progress),
                ] {
                    if on {
                        let _ = writeln!(out, "{flag} = true");
                    }
                }
                let lines: Vec<String> = entry.evidence.iter().map(|l| quote(l)).collect();
                match lines.as_slice() {
                    [] => {}
                    [line] => {
                        let _ = writeln!(out, "evidence = [{line}]");
                    }
                    _ => {
                        let _ = writeln!(out, "evidence = [\n    {},\n]", lines.join(",\n    "));
                    }
                }
            }
        }
        out.push_str("\n# What skillgap read from the CV (skill id = years, 0 for none). `profile update` compares your\n# entries with it to keep your edits: leave it as it is.\n[read]\n");
        for (id, years) in &self.read {
            let _ = writeln!(out, "{} = {years}", key(id));
        }
        out
    }
}

const HEADER: &str = "# skillgap profile: what your CV was read as. Edit it, then give it as --cv in place of the CV.
# - Remove a false reading: delete its [[skill]] block.
# - Add years: `years = 5`. Mark a strength: `strength = true` (counted as shown, not only listed).
# - Add a skill the CV words unusually: a new [[skill]] block with `name = \"Kubernetes\"` (or its `id`, see
#   `skillgap taxonomy lookup`) and, if you like, `evidence = [\"the line that shows it\"]`.
# - `skillgap profile update --cv NEW_CV THIS_FILE` reads a new CV and keeps these edits.

";

/// The skill an entry names: by id, else by a name or alias that leads to exactly one skill.
fn resolve(taxonomy: &Taxonomy, entry: &ProfileEntry, file: &str) -> Result<SkillIdx, Error> {
    if let Some(id) = &entry.id {
        return taxonomy.get(id).ok_or_else(|| {
            Error::new(
                ErrorKind::Profile,
                file,
                format!("no skill has the id {id:?}; find the id with `skillgap taxonomy lookup NAME`, or give `name` instead"),
            )
        });
    }
    let Some(name) = &entry.name else {
        return Err(Error::new(ErrorKind::Profile, file, "an entry has neither `id` nor `name`; give one of them"));
    };
    let mut skills: Vec<SkillIdx> = taxonomy.lookup_alias(name).iter().map(|a| a.skill).collect();
    skills.dedup();
    match skills.as_slice() {
        [one] => Ok(*one),
        [] => Err(Error::new(
            ErrorKind::Profile,
            file,
            format!("no skill is called {name:?}; find it with `skillgap taxonomy lookup {name:?}` and give its `id` (entry {})", entry.label()),
        )),
        _ => Err(Error::new(
            ErrorKind::Profile,
            file,
            format!("{name:?} names several skills; give the `id` you mean (see `skillgap taxonomy lookup {name:?}`)"),
        )),
    }
}

/// Where the skill's name or one of its aliases sits in `line` (ASCII case folded), if it does.
fn find_name(taxonomy: &Taxonomy, skill: SkillIdx, line: &str) -> Option<(usize, usize)> {
    let lower = line.to_ascii_lowercase();
    taxonomy.skill(skill).aliases.iter().filter(|a| !a.text.is_empty()).find_map(|alias| {
        let needle = alias.text.to_ascii_lowercase();
        lower
            .find(&needle)
            .filter(|&at| line.is_char_boundary(at) && line.is_char_boundary(at + needle.len()))
            .map(|at| (at, at + needle.len()))
    })
}

/// The line of `text` that holds `span`.
fn line_around(text: &str, span: Span) -> &str {
    let start = text.get(..span.start.min(text.len())).unwrap_or_default().rfind('\n').map_or(0, |i| i + 1);
    let end = text.get(span.end.min(text.len())..).unwrap_or_default().find('\n').map_or(text.len(), |i| span.end + i);
    text.get(start..end).unwrap_or_default()
}

/// A TOML basic string.
fn quote(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A TOML key: bare when it can be, quoted otherwise.
fn key(s: &str) -> String {
    if !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_') {
        s.to_owned()
    } else {
        quote(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::Extractor;

    fn extractor() -> Extractor {
        Extractor::new(Taxonomy::builtin())
    }

    const CV: &str = "Summary\nAnalyst.\n\nExperience\nAnalyst, Acme, Jan 2019 – Mar 2023\n- Tableau dashboards for sales\n- SQL reports\n\nSkills\nExcel, Python\n";

    fn read(extractor: &Extractor, cv: &str) -> ProfileFile {
        let profile = Profile::from_text(extractor, cv);
        ProfileFile::from_profile(extractor.taxonomy(), &profile, "cv.txt")
    }

    #[test]
    fn round_trips_through_toml() {
        let extractor = extractor();
        let file = read(&extractor, CV);
        let ids: Vec<&str> = file.skill.iter().filter_map(|e| e.id.as_deref()).collect();
        assert!(ids.contains(&"tableau") && ids.contains(&"excel"), "{ids:?}");
        let tableau = file.skill.iter().find(|e| e.id.as_deref() == Some("tableau")).expect("tableau");
        assert_eq!((tableau.years, tableau.only_listed), (Some(4), false));
        assert!(file.skill.iter().find(|e| e.id.as_deref() == Some("excel")).expect("excel").only_listed);
        let again = ProfileFile::parse("p.toml", &file.to_toml()).expect("parses");
        assert_eq!(again, file);
    }

    #[test]
    fn reads_the_file_as_it_stands() {
        let extractor = extractor();
        let taxonomy = extractor.taxonomy();
        let id = |id: &str| taxonomy.get(id).expect("built in");
        let mut file = read(&extractor, CV);
        file.skill.retain(|e| e.id.as_deref() != Some("excel"));
        file.skill.push(ProfileEntry {
            name: Some("Kubernetes".into()),
            years: Some(3),
            evidence: vec!["Ran our container platform".into()],
            ..Default::default()
        });
        let profile = file.to_profile(taxonomy, "p.toml").expect("valid");
        assert!(!profile.holds(id("excel")), "a removed reading stays out, though Excel is in no evidence line");
        assert!(profile.holds(id("kubernetes")));
        assert_eq!(profile.years_of(id("kubernetes")).expect("years").whole_years(), 3);
        assert_eq!(profile.years_of(id("tableau")).expect("years").whole_years(), 4);
        assert!(profile.only_in_skills_list(id("python")));
        let tableau = profile.get(id("tableau")).expect("tableau");
        assert_eq!(tableau.mentions[0].text, "Tableau");
    }

    #[test]
    fn update_keeps_the_users_edits() {
        let extractor = extractor();
        let mut file = read(&extractor, CV);
        file.skill.retain(|e| e.id.as_deref() != Some("excel"));
        for e in &mut file.skill {
            if e.id.as_deref() == Some("python") {
                e.years = Some(6);
                e.strength = true;
            }
        }
        file.skill.push(ProfileEntry { id: Some("kubernetes".into()), ..Default::default() });
        let new_cv = format!("{CV}- Terraform modules\n");
        let updated = file.updated(&read(&extractor, &new_cv));
        let get = |id: &str| updated.skill.iter().find(|e| e.id.as_deref() == Some(id));
        assert!(get("excel").is_none(), "removed stays removed");
        assert!(get("terraform").is_some(), "new skills come in");
        assert!(get("kubernetes").is_some(), "the user's own skill stays");
        let python = get("python").expect("python");
        assert_eq!((python.years, python.strength), (Some(6), true));
    }

    #[test]
    fn bad_files_are_errors_naming_the_file_and_line() {
        const CASES: &[(&str, &str)] = &[
            ("version = 1\n[[skill]]\nid = \n", "p.toml:3: not a valid profile file"),
            ("version = 2\n", "p.toml: profile version 2"),
            ("version = 1\n[[skill]]\nid = \"no-such-skill\"\n", "p.toml: no skill has the id"),
            ("version = 1\n[[skill]]\ncolour = \"red\"\n", "p.toml:3: not a valid profile file"),
        ];
        let taxonomy = Taxonomy::builtin();
        for &(text, message) in CASES {
            let err = ProfileFile::parse("p.toml", text).and_then(|f| f.to_profile(&taxonomy, "p.toml").map(|_| f));
            let err = err.expect_err(text);
            assert!(err.to_string().starts_with(message), "{text:?}: {err}");
        }
    }
}
