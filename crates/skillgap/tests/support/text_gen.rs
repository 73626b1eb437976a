//! proptest strategies for the property tests: arbitrary Unicode, and text biased towards what the reading rules
//! look at (skill names and aliases from the built-in taxonomy, separators, "or", brackets, headings, bullets,
//! years, negation) mixed with what breaks byte arithmetic (control and bidi characters, zero-width characters,
//! combining marks, characters that expand under normalisation such as U+FDFA, fullwidth letters).
//!
//! Shared by `crates/skillgap/tests/properties.rs` and the CLI's `tests/batch.rs` (through `#[path]`).

#![allow(dead_code)]

use std::sync::OnceLock;

use proptest::prelude::*;
use proptest::sample::select;
use skillgap::Taxonomy;

/// Every skill name and alias of the built-in taxonomy, in taxonomy order.
pub fn skill_terms() -> &'static [String] {
    static TERMS: OnceLock<Vec<String>> = OnceLock::new();
    TERMS.get_or_init(|| {
        let taxonomy = Taxonomy::builtin();
        let mut terms = Vec::new();
        for skill in taxonomy.skills() {
            terms.push(skill.name.clone());
            terms.extend(skill.aliases.iter().map(|a| a.text.clone()));
        }
        terms
    })
}

/// Pieces that separate or frame skill names.
const SEPARATORS: &[&str] = &[
    ", ", ",", "; ", " / ", "/", " | ", " and ", " or ", " or\n", " & ", "\n", "\r\n", "\n\n", "\t", "  ", " ", ": ",
    ". ", "(", ")", " (", ") ", "[", "]", "{", "}", "\"", "'", "-", "+", "#", ".", "e.g. ", "such as ", " etc.",
];

/// Lines and words that the structure rules read: headings, bullets, requirement and negation cues, years, dates.
const FRAMES: &[&str] = &[
    "Requirements\n",
    "## Skills\n",
    "# Experience\n",
    "SKILLS:",
    "Skills: ",
    "Nice to have:\n",
    "Preferred qualifications\n",
    "Responsibilities\n",
    "Education\n",
    "Certifications\n",
    "About me\n",
    "Summary\n",
    "- ",
    "* ",
    "\u{2022} ",
    "\u{00B7} ",
    "1. ",
    "> ",
    "**",
    "5+ years of ",
    "3 years ",
    " years",
    "at least 2 years' experience with ",
    "2019 \u{2013} present",
    "Jan 2020 - Mar 2023",
    "Analyst, Acme, 2018-2021\n",
    "not ",
    "no ",
    "without ",
    "is not required",
    "required",
    "preferred",
    "a plus",
    "either ",
    "one of ",
    "excel at ",
    "Lead ",
    "Go ",
    "R ",
    "C ",
    "I led a team of 12 and cut costs by 30%.\n",
    "Senior ",
    "BSc ",
    "MSc in ",
    "certified ",
    "studying for the ",
    "http://example.invalid/x ",
];

/// Characters that stress offsets and folding.
const HOSTILE: &[&str] = &[
    "\0",
    "\u{1b}[2J",
    "\u{1b}]0;title\u{7}",
    "\u{7}",
    "\u{8}",
    "\u{7f}",
    "\u{85}",
    "\u{9b}",
    "\u{9c}",
    "\u{202E}",
    "\u{202A}",
    "\u{202C}",
    "\u{2066}",
    "\u{2069}",
    "\u{200E}",
    "\u{200F}",
    "\u{061C}",
    "\u{200B}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{00AD}",
    "\u{0301}",
    "\u{0308}",
    "\u{0327}",
    "\u{20DD}",
    "\u{FDFA}",
    "\u{FDFA}\u{FDFA}",
    "\u{00A8}",
    "\u{00B4}",
    "\u{02DC}",
    "\u{0130}",
    "\u{00DF}",
    "\u{1E9E}",
    "\u{212A}",
    "\u{2126}",
    "\u{FB01}",
    "\u{FB03}",
    "\u{2460}",
    "\u{2474}",
    "\u{3000}",
    "\u{00A0}",
    "\u{2028}",
    "\u{2029}",
    "\u{FF30}\u{FF39}\u{FF34}\u{FF28}\u{FF2F}\u{FF2E}",
    "\u{FF23}\u{FF0B}\u{FF0B}",
    "\u{1D40F}\u{1D432}",
    "\u{2013}",
    "\u{2019}",
    "\u{201C}",
    "\u{2212}",
    "\u{0627}\u{0644}\u{0639}\u{0631}\u{0628}\u{064A}\u{0629}",
    "\u{05E2}\u{05D1}\u{05E8}\u{05D9}\u{05EA}",
    "\u{4E2D}\u{6587}",
    "\u{1F600}",
    "\u{1F469}\u{200D}\u{1F4BB}",
    "\u{FFFD}",
    "\u{E000}",
    "\u{10FFFF}",
    "&amp;",
    "&#27;",
    "<p>",
    "</li>",
];

/// A skill term as people misspell it: a character dropped, doubled or swapped with the next (or left alone).
fn misspelt_term() -> impl Strategy<Value = String> {
    (select(skill_terms()), any::<prop::sample::Index>(), 0..4u8).prop_map(|(term, at, how)| {
        let mut chars: Vec<char> = term.chars().collect();
        let i = at.index(chars.len().max(1));
        match how {
            0 if chars.len() > 3 => {
                chars.remove(i);
            }
            1 if !chars.is_empty() => chars.insert(i, chars[i]),
            2 if i + 1 < chars.len() => chars.swap(i, i + 1),
            _ => {}
        }
        chars.into_iter().collect()
    })
}

/// A skills list line, as a CV has one: "Skills: Postgres, Kubernets, ReactJS".
fn skills_line() -> impl Strategy<Value = String> {
    (
        select(&["Skills: ", "SKILLS\n", "Technical skills: ", "Tools - "][..]),
        prop::collection::vec(misspelt_term(), 1..6),
    )
        .prop_map(|(head, terms)| format!("{head}{}\n", terms.join(", ")))
}

/// A requirement bullet: "- 5+ years of Python or SQL (required)".
fn bullet_line() -> impl Strategy<Value = String> {
    (select(FRAMES), select(skill_terms()), select(SEPARATORS), select(skill_terms()), select(FRAMES))
        .prop_map(|(lead, a, sep, b, tail)| format!("- {lead}{a}{sep}{b} {tail}\n"))
}

/// One piece of realistic text.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        2 => skills_line(),
        2 => bullet_line(),
        6 => select(skill_terms()),
        2 => select(skill_terms()).prop_map(|t| t.to_uppercase()),
        1 => select(skill_terms()).prop_map(|t| t.to_lowercase()),
        6 => select(SEPARATORS).prop_map(str::to_owned),
        4 => select(FRAMES).prop_map(str::to_owned),
        3 => select(HOSTILE).prop_map(str::to_owned),
        2 => any::<char>().prop_map(String::from),
        1 => prop::collection::vec(prop_oneof![prop::char::range('a', 'z'), prop::char::range('A', 'Z')], 1..12)
            .prop_map(String::from_iter),
    ]
}

/// Text made of realistic pieces: up to `max_pieces` of them.
pub fn realistic_text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(piece(), 0..max_pieces).prop_map(|pieces| pieces.concat())
}

/// Arbitrary Unicode: any scalar values (proptest biases them towards the edges of the ranges).
pub fn unicode_text(max_chars: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..max_chars).prop_map(String::from_iter)
}

/// Either kind of text, realistic more often.
pub fn any_text(max_pieces: usize) -> impl Strategy<Value = String> {
    prop_oneof![3 => realistic_text(max_pieces), 1 => unicode_text(max_pieces * 4)]
}
