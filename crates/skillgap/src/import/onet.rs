//!
//! The O*NET importer: one record per technology example of `Technology Skills.txt`, with aliases derived
//! from the example's name.
//!
//! Input: `Technology Skills.txt`, tab-separated with a header row (`O*NET-SOC Code`, `Example`,
//! `Commodity Code`, `Commodity Title`, `Hot Technology`, `In Demand`). The file lists one row per occupation
//! and example; the importer keeps one skill per distinct `Example`, in order of first appearance:
//!
//! - **id** `onet-` followed by a slug of the example (`+` as `plus`, `#` as `sharp`; a numeric suffix keeps
//!   ids unique); **name** the example; **kind** [`Kind::Tool`].
//! - **family** is the slug of the example's Commodity Title (`spreadsheet-software`): the product's category
//!   is more use to a reader than `onet` for all 8,000 of them. When an example appears under several titles,
//!   the most frequent wins, then the first seen.
//! - **hot** is set when any row marks the example as a Hot Technology.
//!
//! Aliases are derived from the name by these rules, one function each ([`software_stripped`],
//! [`acronym_expanded`], [`vendor_dropped`], [`unique_aliases`]):
//!
//! 1. A trailing word "software" is stripped: "Slido interaction software" is also "Slido interaction". A
//!    single remaining word gets `?` (it is usually an ordinary word: "Transcription").
//! 2. A trailing acronym whose letters are the initials of the words before it (skipping "of", "and", "for",
//!    "the", "to", "in", "&") gives two aliases: the acronym with `^` (exact case: "ATOP" is also a word) and
//!    the words before it. "Amazon Web Services AWS software" gives "^AWS" and "Amazon Web Services".
//! 3. A vendor prefix is dropped: when the first word is capitalised, is not a generic word, and is followed
//!    by at least [`VENDOR_MIN_PRODUCTS`] different capitalised words across the examples, and the next word
//!    here is capitalised too, the rest of the name is an alias ("Microsoft Excel" gives "?Excel"). A
//!    one-word rest gets `?`, because it is often an ordinary word (Excel, Teams, Notes); a rest made only of
//!    generic words, or of several words starting with one, is dropped ("Chempute Software EstPro"). Generic

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use super::table::Table;
use super::{initials_match, slug, Markers, SHORT_LABEL_CHARS};
use crate::error::{Error, ErrorKind};
use crate::normalize::fold;
use crate::taxonomy::{Kind, SkillRecord};

/// A first word followed by this many different capitalised words across O*NET's examples is a vendor
/// ("Microsoft", "Oracle", "Adobe"); one always followed by the same word is the start of a longer name ("Blue
/// Ridge Numerics"). Two would catch chance pairs; three is where the list turns into real vendors.
const VENDOR_MIN_PRODUCTS: usize = 3;

// O*NET.

/// One distinct example while the file is read.
struct OnetExample {
    name: String,
    line: u64,
    /// Commodity titles with their row counts, in order of first appearance.
    titles: Vec<(String, u32)>,
    hot: bool,
}

/// Reads O*NET's `Technology Skills.txt` into records, one per distinct example (see the module docs).
pub fn onet_records(source_name: &str, text: &str) -> Result<Vec<SkillRecord>, Error> {
    let mut table = Table::open(source_name, text, b'\t')?;
    let example = table.column("Example")?;
    let title = table.column("Commodity Title")?;
    let hot = table.column("Hot Technology")?;
    let mut examples: Vec<OnetExample> = Vec::new();
    let mut by_name: HashMap<String, usize> = HashMap::default();
    while table.next_row()? {
        let name = table.required(example)?;
        let commodity = table.cell(title);
        let is_hot = match table.cell(hot) {
            "Y" | "y" => true,
            "N" | "n" | "" => false,
            other => {
                return Err(Error::new(
                    ErrorKind::Field,
                    source_name,
                    format!("`Hot Technology` must be Y or N, found `{other}`"),
                )
                .at(Some(table.line), Some(hot as u64 + 1)))
            }
        };
        let i = match by_name.get(name) {
            Some(&i) => i,
            None => {
                by_name.insert(name.to_owned(), examples.len());
                examples.push(OnetExample { name: name.to_owned(), line: table.line, titles: Vec::new(), hot: false });
                examples.len() - 1
            }
        };
        let Some(entry) = examples.get_mut(i) else { continue };
        entry.hot |= is_hot;
        if !commodity.is_empty() {
            match entry.titles.iter_mut().find(|(t, _)| t == commodity) {
                Some((_, n)) => *n += 1,
                None => entry.titles.push((commodity.to_owned(), 1)),
            }
        }
    }
    let aliases = onet_aliases(&examples);
    let mut ids: HashSet<String> = HashSet::default();
    let mut records = Vec::with_capacity(examples.len());
    for (e, aliases) in examples.into_iter().zip(aliases) {
        let base = format!("onet-{}", slug(&e.name));
        let mut id = base.clone();
        let mut n = 2;
        while !ids.insert(id.clone()) {
            id = format!("{base}-{n}");
            n += 1;
        }
        // The most frequent title; `max_by_key` keeps the last of equals, so search from the back.
        let family = e.titles.iter().rev().max_by_key(|(_, n)| *n).map_or_else(|| "onet".to_owned(), |(t, _)| slug(t));
        records.push(SkillRecord {
            id,
            name: e.name,
            family,
            kind: Some(Kind::Tool),
            aliases,
            related: Vec::new(),
            broader: Vec::new(),
            hot: e.hot,
            line: e.line,
        });
    }
    Ok(records)
}

/// The aliases of every example (O*NET rules 1 to 4).
fn onet_aliases(examples: &[OnetExample]) -> Vec<Vec<String>> {
    let mut generic: HashSet<String> = HashSet::default();
    for e in examples {
        for (t, _) in &e.titles {
            generic.extend(t.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(str::to_lowercase));
        }
        generic.extend(e.name.split_whitespace().filter(|w| !w.chars().any(char::is_uppercase)).map(fold));
    }
    // First word -> the distinct capitalised words that follow it: "Microsoft" -> Excel, Word, Visual, ...;
    // "Blue" -> only Ridge, since the vendor there is "Blue Ridge Numerics".
    let mut starts: HashMap<&str, HashSet<&str>> = HashMap::default();
    for e in examples {
        let mut words = e.name.split_whitespace();
        if let (Some(first), Some(second)) = (words.next(), words.next()) {
            if second.chars().next().is_some_and(char::is_uppercase) {
                starts.entry(first).or_default().insert(second);
            }
        }
    }
    let is_vendor = |w: &str| {
        starts.get(w).map_or(0, HashSet::len) >= VENDOR_MIN_PRODUCTS
            && w.chars().next().is_some_and(char::is_uppercase)
            && !generic.contains(&fold(w))
    };
    let derived: Vec<Vec<(String, Markers)>> =
        examples.iter().map(|e| derive_onet(&e.name, &is_vendor, &generic)).collect();
    unique_aliases(examples, derived)
}

/// Rule 4: an alias that several examples derive, or that is another example's name, is dropped from all.
fn unique_aliases(examples: &[OnetExample], derived: Vec<Vec<(String, Markers)>>) -> Vec<Vec<String>> {
    let names: HashSet<String> = examples.iter().map(|e| fold(&e.name)).collect();
    let mut claims: HashMap<String, u32> = HashMap::default();
    for aliases in &derived {
        let mut own: Vec<String> = aliases.iter().map(|(a, _)| fold(a)).collect();
        own.sort_unstable();
        own.dedup();
        for a in own {
            *claims.entry(a).or_default() += 1;
        }
    }
    derived
        .into_iter()
        .map(|aliases| {
            aliases
                .into_iter()
                .filter(|(a, _)| {
                    let f = fold(a);
                    claims.get(&f).copied().unwrap_or(0) == 1 && !names.contains(&f)
                })
                .map(|(a, m)| m.cell(&a))
                .collect()
        })
        .collect()
}

/// Rules 1 to 3 for one example name, in order; each rule sees the words the rules before it left.
fn derive_onet(name: &str, is_vendor: &dyn Fn(&str) -> bool, generic: &HashSet<String>) -> Vec<(String, Markers)> {
    let mut out: Vec<(String, Markers)> = Vec::new();
    let push = |text: &str, markers: Markers, out: &mut Vec<(String, Markers)>| {
        let text = text.trim().trim_start_matches(['!', '^', '?']).trim();
        if !text.is_empty() && fold(text) != fold(name) && !out.iter().any(|(a, _)| fold(a) == fold(text)) {
            out.push((text.to_owned(), markers));
        }
    };
    let mut words: Vec<&str> = name.split_whitespace().collect();
    if let Some(alias) = software_stripped(&mut words) {
        push(&alias.0, alias.1, &mut out);
    }
    for (alias, markers) in acronym_expanded(&mut words) {
        push(&alias, markers, &mut out);
    }
    if let Some(alias) = vendor_dropped(&words, is_vendor, generic) {
        push(&alias.0, alias.1, &mut out);
    }
    out
}

/// Rule 1: a trailing "software" is stripped ("Slido interaction software" is also "Slido interaction"); a
/// single remaining word gets `?`, as it is usually an ordinary word.
fn software_stripped(words: &mut Vec<&str>) -> Option<(String, Markers)> {
    if words.len() < 2 || !words.last().is_some_and(|w| w.eq_ignore_ascii_case("software")) {
        return None;
    }
    words.pop();
    let markers = if words.len() == 1 { Markers::Context } else { Markers::Plain };
    Some((words.join(" "), markers))
}

/// Rule 2: a trailing acronym spelling the initials of the words before it gives the acronym (with `^`: "ATOP"
/// is also a word) and the words before it, and is stripped.
fn acronym_expanded(words: &mut Vec<&str>) -> Vec<(String, Markers)> {
    let Some((&last, before)) = words.split_last() else { return Vec::new() };
    let is_acronym = last.chars().filter(char::is_ascii_alphabetic).count() >= 2
        && last.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit());
    if !is_acronym || before.is_empty() {
        return Vec::new();
    }
    let letters: Vec<char> = last.chars().filter(char::is_ascii_alphabetic).map(|c| c.to_ascii_lowercase()).collect();
    let lower: Vec<String> = before.iter().map(|w| w.to_lowercase()).collect();
    // The initials of the last few words before the acronym.
    if !(0..lower.len()).any(|from| lower.get(from..).is_some_and(|tail| initials_match(&letters, tail))) {
        return Vec::new();
    }
    let aliases = vec![(last.to_owned(), Markers::Case), (before.join(" "), Markers::Plain)];
    words.pop();
    aliases
}

/// Rule 3: a vendor's name before a capitalised product name is dropped ("Microsoft Excel" is also "?Excel"),
/// unless what is left is generic, starts generic, or is too short.
fn vendor_dropped(
    words: &[&str],
    is_vendor: &dyn Fn(&str) -> bool,
    generic: &HashSet<String>,
) -> Option<(String, Markers)> {
    let (vendor, rest) = words.split_first()?;
    let product = rest.first()?;
    if !is_vendor(vendor) || !product.chars().next().is_some_and(char::is_uppercase) {
        return None;
    }
    let all_generic = rest.iter().all(|w| generic.contains(&fold(w)));
    // "Chempute Software EstPro" is not "Software EstPro".
    let generic_start = generic.contains(&fold(product)) && rest.len() > 1;
    let alias = rest.join(" ");
    if all_generic || generic_start || alias.chars().count() <= SHORT_LABEL_CHARS {
        return None;
    }
    Some((alias, if rest.len() == 1 { Markers::Context } else { Markers::Plain }))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorKind;

    const ONET_HEAD: &str = "O*NET-SOC Code\tExample\tCommodity Code\tCommodity Title\tHot Technology\tIn Demand\n";

    #[test]
    fn onet_aliases_and_fields() {
        let text = format!(
            "{ONET_HEAD}1\tMicrosoft Excel\t1\tSpreadsheet software\tY\tN\n2\tMicrosoft Excel\t1\tSpreadsheet software\tN\tN\n\
             1\tMicrosoft Word\t2\tWord processing software\tN\tN\n1\tMicrosoft Visual Basic for Applications VBA\t3\tDevelopment environment software\tN\tN\n\
             1\tAmazon Web Services AWS software\t4\tPlatform interconnectivity software\tY\tN\n1\tTranscription software\t5\tWord processing software\tN\tN\n\
             1\tC++\t3\tObject or component oriented development software\tN\tN\n1\tC#\t3\tObject or component oriented development software\tN\tN\n"
        );
        let records = onet_records("tech.txt", &text).unwrap();
        let got: Vec<(&str, &str, &[String], bool)> =
            records.iter().map(|r| (r.id.as_str(), r.family.as_str(), r.aliases.as_slice(), r.hot)).collect();
        let strings = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let expected = [
            ("onet-microsoft-excel", "spreadsheet-software", strings(&["?Excel"]), true),
            ("onet-microsoft-word", "word-processing-software", strings(&[]), false),
            (
                "onet-microsoft-visual-basic-for-applications-vba",
                "development-environment-software",
                strings(&["^VBA", "Microsoft Visual Basic for Applications", "Visual Basic for Applications"]),
                false,
            ),
            (
                "onet-amazon-web-services-aws-software",
                "platform-interconnectivity-software",
                strings(&["Amazon Web Services AWS", "^AWS", "Amazon Web Services"]),
                true,
            ),
            ("onet-transcription-software", "word-processing-software", strings(&["?Transcription"]), false),
            ("onet-c-plus-plus", "object-or-component-oriented-development-software", strings(&[]), false),
            ("onet-c-sharp", "object-or-component-oriented-development-software", strings(&[]), false),
        ];
        assert_eq!(got.len(), expected.len());
        for (g, e) in got.iter().zip(&expected) {
            assert_eq!((g.0, g.1, g.2, g.3), (e.0, e.1, e.2.as_slice(), e.3));
        }
        assert!(records.iter().all(|r| r.kind == Some(Kind::Tool)));
        assert_eq!(records[1].line, 4);
    }

    #[test]
    fn onet_errors() {
        let e = onet_records("tech.txt", &format!("{ONET_HEAD}1\tExcel\t1\n")).unwrap_err();
        assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Csv, Some(2), Some(4)));
        let e = onet_records("tech.txt", "O*NET-SOC Code,Example,Commodity Title,Hot Technology\n").unwrap_err();
        assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Header, Some(1), Some(1)));
        assert!(e.message().contains("tab"), "{e}");
        let e = onet_records("tech.txt", "Example\tHot Technology\n").unwrap_err();
        assert!(e.message().contains("Commodity Title"), "{e}");
        let e =
            onet_records("tech.txt", &format!("{ONET_HEAD}1\tExcel\t1\tSpreadsheet software\tmaybe\tN\n")).unwrap_err();
        assert_eq!((e.kind(), e.line(), e.column()), (ErrorKind::Field, Some(2), Some(5)));
    }

    #[test]
    fn odd_input_does_not_panic() {
        for text in ["", "\u{FEFF}", "\n\n", "a", "\"", "Example\tHot Technology\n\"", "é,ü\n\u{0}"] {
            let _ = onet_records("t", text);
        }
    }

    #[test]
    fn rule_1_software_stripped() {
        for (name, expected) in [
            ("Slido interaction software", Some(("Slido interaction", Markers::Plain))),
            ("Transcription software", Some(("Transcription", Markers::Context))),
            ("Software", None),
            ("Contoso Ledger", None),
        ] {
            let mut words: Vec<&str> = name.split_whitespace().collect();
            let got = software_stripped(&mut words);
            assert_eq!(got.as_ref().map(|(a, m)| (a.as_str(), *m)), expected, "{name}");
        }
    }

    #[test]
    fn rule_2_acronym_expanded() {
        for (name, expected) in [
            ("Amazon Web Services AWS", &[("AWS", Markers::Case), ("Amazon Web Services", Markers::Plain)][..]),
            ("Bakery resource planning BRP", &[("BRP", Markers::Case), ("Bakery resource planning", Markers::Plain)]),
            (
                "Microsoft Visual Basic for Applications VBA",
                &[("VBA", Markers::Case), ("Microsoft Visual Basic for Applications", Markers::Plain)],
            ),
            ("Contoso XYZ", &[]),
            ("ATOP", &[]),
        ] {
            let mut words: Vec<&str> = name.split_whitespace().collect();
            let got = acronym_expanded(&mut words);
            let got: Vec<(&str, Markers)> = got.iter().map(|(a, m)| (a.as_str(), *m)).collect();
            assert_eq!(got, expected, "{name}");
        }
    }

    #[test]
    fn rule_3_vendor_dropped() {
        let generic: HashSet<String> = ["software", "word", "planner"].iter().map(|w| (*w).to_owned()).collect();
        let is_vendor = |w: &str| w == "Contoso" || w == "Chempute";
        for (name, expected) in [
            ("Contoso Ledger", Some(("Ledger", Markers::Context))),
            ("Contoso Ledger Cloud", Some(("Ledger Cloud", Markers::Plain))),
            ("Contoso Word", None),
            ("Chempute Software EstPro", None),
            ("Contoso QA", None),
            ("Fabrikam Dough Designer", None),
            ("Contoso ledger", None),
        ] {
            let words: Vec<&str> = name.split_whitespace().collect();
            let got = vendor_dropped(&words, &is_vendor, &generic);
            assert_eq!(got.as_ref().map(|(a, m)| (a.as_str(), *m)), expected, "{name}");
        }
    }

    #[test]
    fn rule_4_unique_aliases() {
        let example = |name: &str| OnetExample { name: name.to_owned(), line: 2, titles: Vec::new(), hot: false };
        let examples = [example("Contoso Ledger"), example("Fabrikam Ledger"), example("Ledger Pro"), example("Pro")];
        let derived = vec![
            vec![("Ledger".to_owned(), Markers::Context), ("Contoso".to_owned(), Markers::Plain)],
            vec![("Ledger".to_owned(), Markers::Context)],
            vec![("Pro".to_owned(), Markers::Context), ("LP".to_owned(), Markers::Case)],
            vec![],
        ];
        let got = unique_aliases(&examples, derived);
        assert_eq!(got, [vec!["Contoso".to_owned()], vec![], vec!["^LP".to_owned()], vec![]]);
    }
}
