//! Query keys: how a term or an alias becomes the keys the index is looked up by.
//!
//! A key is a token list with its separators removed ("React.js", "React JS" and "react-js" all give
//! "reactjs"). A term also gives rewritten keys, each rewriting one step further from what was written: a leading
//! vendor word dropped, trailing version tokens dropped, a `.com` or `js` suffix dropped, and the plural ending of
//! the last token stemmed. Nothing here knows about the index; the index only compares keys.

use std::borrow::Cow;

/// The fewest characters a token keeps when a glued suffix is cut ("python3" to "python", "reactjs" to
/// "react"), so that "S3", "EC2", "ES6" and "D3js" stay whole.
const MIN_STRIPPED_CHARS: usize = 3;

/// Tokens shorter than this keep their plural ending: "iOS", "AWS", "GIS" and "ops" are not plurals.
const MIN_PLURAL_CHARS: usize = 4;

/// Vendor words that people put before a product name or leave out, with a group number: words in one group
/// name the same vendor ("MS" and "Microsoft", "AWS" and "Amazon"). A vendor word is only dropped from a term
/// when the skill found also has an alias with a vendor word of that group (see [`vendor_ok`]), so that "MS
/// Nursing" (a degree) is not Nursing and "Google Analytic" is not a generic Analytics skill.
const VENDORS: &[(&str, u8)] = &[
    ("adobe", 0),
    ("amazon", 1),
    ("aws", 1),
    ("apache", 2),
    ("atlassian", 3),
    ("autodesk", 4),
    ("google", 5),
    ("ibm", 6),
    ("microsoft", 7),
    ("ms", 7),
    ("oracle", 8),
    ("sap", 9),
];

/// Marks a key made from the alias as written, with no vendor word dropped.
pub(super) const NO_VENDOR: u8 = u8::MAX;

// Vendor groups are bits of a `u16` mask per skill.
const _: () = {
    let mut rest = VENDORS;
    while let [(_, bit), tail @ ..] = rest {
        assert!(*bit < u16::BITS as u8);
        rest = tail;
    }
};

/// Characters that separate tokens and are left out of compact keys: "React.js", "React JS", "react-js" and
/// "react_js" all compact to "reactjs", "CI/CD" to "cicd". `+` and `#` stay: they tell C, C++ and C# apart.
fn is_separator(c: char) -> bool {
    c.is_whitespace() || matches!(c, '.' | '-' | '_' | '/')
}

/// [`is_separator`] for a byte of ASCII text, as one range test: the index build asks it of every byte of every
/// alias.
const fn is_ascii_separator(b: u8) -> bool {
    matches!(b, b'\t'..=b'\r' | b' ' | b'-' | b'.' | b'/' | b'_')
}

/// The tokens of a folded term: the runs between separators.
pub(super) fn tokenize(folded: &str) -> Vec<&str> {
    folded.split(is_separator).filter(|t| !t.is_empty()).collect()
}

/// A key with its separators removed, with the character positions where its tokens start.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Compact {
    /// The tokens, back to back.
    pub(super) text: String,
    /// Bit `i` is set when a token starts at character `i` (up to 64 characters).
    pub(super) starts: u64,
    /// Length of `text` in characters.
    pub(super) chars: usize,
}

/// The compact key of `tokens`.
pub(super) fn compact<'a>(tokens: impl IntoIterator<Item = &'a str>) -> Compact {
    let mut key = Compact { text: String::new(), starts: 0, chars: 0 };
    for token in tokens {
        if key.chars < 64 {
            key.starts |= 1 << key.chars;
        }
        key.text.push_str(token);
        key.chars += token.chars().count();
    }
    key
}

/// The compact key of `tokens` with the last token's plural ending stemmed.
fn compact_stemmed(tokens: &[&str]) -> Compact {
    match tokens.split_last() {
        Some((last, rest)) => {
            let stem = stem_plural(last);
            compact(rest.iter().copied().chain(std::iter::once(stem.as_ref())))
        }
        None => compact([]),
    }
}

/// English plural endings, in the manner of Porter's step 1a, with a final `y` as `i` so that singular and
/// plural meet: "APIs" and "API" at "api", "technologies" and "technology" at "technologi", "processes" and
/// "process" at "process". Applied the same way to terms and aliases, so only equality of stems matters.
pub(super) fn stem_plural(token: &str) -> Cow<'_, str> {
    if token.chars().count() < MIN_PLURAL_CHARS {
        return Cow::Borrowed(token);
    }
    let stem = if ["sses", "xes", "ches", "shes"].iter().any(|s| token.ends_with(s)) {
        token.strip_suffix("es").unwrap_or(token)
    } else if let Some(stem) = token.strip_suffix("ies") {
        return Cow::Owned(format!("{stem}i"));
    } else if token.ends_with("ss") {
        token
    } else {
        token.strip_suffix('s').unwrap_or(token)
    };
    match stem.strip_suffix('y') {
        Some(rest) => Cow::Owned(format!("{rest}i")),
        None => Cow::Borrowed(stem),
    }
}

/// The vendor group of a token that names a vendor, in any ASCII letter case.
pub(super) fn vendor_group(token: &str) -> Option<u8> {
    VENDORS.iter().find(|(word, _)| word.eq_ignore_ascii_case(token)).map(|&(_, group)| group)
}

/// Whether a key with the vendor `key_vendor` dropped (or [`NO_VENDOR`]) may answer a term key with the vendor
/// `term_vendor` dropped, for a skill whose aliases name the vendors in `skill_mask`. A term key with no vendor
/// dropped only meets keys as written; "MS Excel" with "MS" dropped meets "Excel" only when the skill also has
/// a Microsoft alias, and meets "Excel" from "Microsoft Excel" (a key with the same group dropped).
pub(super) fn vendor_ok(key_vendor: u8, skill_mask: u16, term_vendor: Option<u8>) -> bool {
    match term_vendor {
        None => key_vendor == NO_VENDOR,
        Some(group) if key_vendor == NO_VENDOR => skill_mask & (1 << group) != 0,
        Some(group) => key_vendor == group,
    }
}

/// Version tokens that may trail a name: numbers ("3", "2020", "365"), `v2`, `es6`, `cs6`, `cc`, a `+` after any
/// of them ("ES6+"), and `x` ("1.x", "Mac OS X").
fn is_version_token(token: &str) -> bool {
    let token = token.strip_suffix('+').unwrap_or(token);
    if token == "x" || token == "cc" {
        return true;
    }
    let number = ["v", "es", "cs"].iter().find_map(|p| token.strip_prefix(p)).unwrap_or(token);
    !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit())
}

/// Drops trailing version tokens (never the first token), then digits glued to the last token ("python3").
/// `None` when nothing is dropped.
fn strip_versions<'a>(tokens: &[&'a str]) -> Option<Vec<&'a str>> {
    let mut out = tokens.to_vec();
    while out.len() > 1 && out.last().is_some_and(|t| is_version_token(t)) {
        out.pop();
    }
    if let Some(last) = out.last_mut() {
        let trimmed = last.trim_end_matches(|c: char| c.is_ascii_digit());
        if trimmed.len() < last.len()
            && trimmed.chars().count() >= MIN_STRIPPED_CHARS
            && trimmed.chars().last().is_some_and(char::is_alphabetic)
        {
            *last = trimmed;
        }
    }
    (out != tokens).then_some(out)
}

/// Drops a `.com` ("Salesforce.com") or a `js` ("Express.js", "ExpressJS") suffix. `None` when there is none.
fn strip_suffix<'a>(tokens: &[&'a str]) -> Option<Vec<&'a str>> {
    let (&last, rest) = tokens.split_last()?;
    if !rest.is_empty() && (last == "com" || last == "js") {
        return Some(rest.to_vec());
    }
    let stem = last.strip_suffix("js")?;
    if stem.chars().count() < MIN_STRIPPED_CHARS {
        return None;
    }
    let mut out = rest.to_vec();
    out.push(stem);
    Some(out)
}

/// One key to look a term up by.
#[derive(Debug, Clone)]
pub(super) struct QueryKey {
    /// The key.
    pub(super) key: Compact,
    /// Rewriting steps taken (vendor, version, suffix, plural).
    pub(super) steps: u8,
    /// The vendor group dropped from the term.
    pub(super) vendor: Option<u8>,
    /// The key is plural-stemmed: it matches alias stems.
    pub(super) stemmed: bool,
    /// The key is also searched for typos.
    pub(super) typo: bool,
}

/// The keys of a folded term: every combination of dropping a vendor word, version tokens and a suffix, each
/// with and without plural stemming. The typo search runs on the term as written and with every strip applied.
pub(super) fn query_keys(folded: &str) -> Vec<QueryKey> {
    let tokens = tokenize(folded);
    if tokens.is_empty() {
        return Vec::new();
    }
    // (tokens, vendor dropped, steps); `full` is the shape with every applicable strip.
    let mut shapes: Vec<(Vec<&str>, Option<u8>, u8)> = vec![(tokens.clone(), None, 0)];
    let mut full = 0;
    if let [first, rest @ ..] = tokens.as_slice() {
        if let Some(group) = vendor_group(first).filter(|_| !rest.is_empty()) {
            shapes.push((rest.to_vec(), Some(group), 1));
            full = 1;
        }
    }
    for strip in [strip_versions, strip_suffix] {
        for i in 0..shapes.len() {
            let Some((shape, vendor, steps)) = shapes.get(i) else { break };
            if let Some(stripped) = strip(shape) {
                let (vendor, steps) = (*vendor, *steps);
                shapes.push((stripped, vendor, steps + 1));
                if i == full {
                    full = shapes.len() - 1;
                }
            }
        }
    }
    let mut keys: Vec<QueryKey> = Vec::with_capacity(shapes.len() * 2);
    for (i, (tokens, vendor, steps)) in shapes.iter().enumerate() {
        let key = compact(tokens.iter().copied());
        let typo = i == 0 || (i == full && keys.first().is_some_and(|written| written.key.text != key.text));
        keys.push(QueryKey { key, steps: *steps, vendor: *vendor, stemmed: false, typo });
        keys.push(QueryKey {
            key: compact_stemmed(tokens),
            steps: steps + 1,
            vendor: *vendor,
            stemmed: true,
            typo: false,
        });
    }
    keys
}

/// Where [`push_compact`] wrote a compact key in the arena.
#[derive(Debug, Clone, Copy)]
pub(super) struct CompactAt {
    /// Byte range in the arena.
    pub(super) start: usize,
    pub(super) end: usize,
    pub(super) chars: usize,
    /// Token starts, as in [`Compact`].
    pub(super) starts: u64,
    /// Token starts of the key without its first token.
    pub(super) rest_starts: u64,
    pub(super) tokens: usize,
    /// Bytes and characters of the first token.
    pub(super) first_len: usize,
    pub(super) first_chars: usize,
    /// Byte offset (in the arena) where the last token starts.
    last_start: usize,
}

impl CompactAt {
    /// The byte range in the arena without its first `skip` bytes.
    pub(super) fn range(&self, skip: usize) -> std::ops::Range<usize> {
        self.start + skip..self.end
    }
}

/// Appends the compact key of a folded alias to `arena` (the same key as `compact(tokenize(folded))`). ASCII
/// letters are lowercased, so an ASCII alias gives the key of its folded form without being folded. The index
/// build runs at every CLI start, and writing keys straight into one arena saves an allocation per alias.
pub(super) fn push_compact(arena: &mut String, folded: &str) -> Option<CompactAt> {
    let start = arena.len();
    let mut at = CompactAt {
        start,
        end: start,
        chars: 0,
        starts: 0,
        rest_starts: 0,
        tokens: 0,
        first_len: 0,
        first_chars: 0,
        last_start: start,
    };
    if folded.is_ascii() {
        // Nearly every alias is ASCII: its tokens are copied whole and the key lowercased at the end, with no
        // character decoding (a lookup writes out a few hundred alias keys this way).
        let bytes = folded.as_bytes();
        let mut from = 0;
        while let Some(rest) = bytes.get(from..) {
            from += rest.iter().position(|&b| !is_ascii_separator(b)).unwrap_or(rest.len());
            let rest = bytes.get(from..).unwrap_or_default();
            let len = rest.iter().position(|&b| is_ascii_separator(b)).unwrap_or(rest.len());
            if len == 0 {
                break;
            }
            at.start_token(arena.len() - start);
            arena.push_str(folded.get(from..from + len).unwrap_or_default());
            at.chars += len;
            from += len;
        }
        if let Some(key) = arena.get_mut(start..) {
            key.make_ascii_lowercase();
        }
    } else {
        let mut in_token = false;
        for c in folded.chars() {
            if is_separator(c) {
                in_token = false;
                continue;
            }
            if !in_token {
                in_token = true;
                at.start_token(arena.len() - start);
            }
            arena.push(c.to_ascii_lowercase());
            at.chars += 1;
        }
    }
    if at.tokens == 1 {
        at.first_len = arena.len() - start;
        at.first_chars = at.chars;
    }
    at.end = arena.len();
    (at.tokens > 0).then_some(at)
}

impl CompactAt {
    /// Notes a token that starts `offset` bytes into the key, at character `self.chars`.
    fn start_token(&mut self, offset: usize) {
        if self.tokens == 1 {
            self.first_len = offset;
            self.first_chars = self.chars;
        }
        self.tokens += 1;
        self.last_start = self.start + offset;
        if self.chars < 64 {
            self.starts |= 1 << self.chars;
        }
        if self.tokens > 1 && self.chars - self.first_chars < 64 {
            self.rest_starts |= 1 << (self.chars - self.first_chars);
        }
    }
}

/// What the fuzzy index keeps of an alias's compact key instead of the key: its lengths, a letter set and its
/// first byte, enough to pick the few aliases worth writing out for a lookup.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct KeyShape {
    /// Characters of the compact key.
    pub(super) chars: usize,
    /// Characters of its first token.
    pub(super) first_chars: usize,
    /// The vendor group named by the first token, when more tokens follow it.
    pub(super) vendor: Option<u8>,
    /// Characters of the plural-stemmed key, when stemming changes the key.
    pub(super) stem_chars: Option<usize>,
    /// [`char_mask`] of the key, and of the key without its first token.
    pub(super) mask: u64,
    pub(super) rest_mask: u64,
    /// The first byte of the key, and of the key without its first token (0 when it has one token).
    pub(super) first: u8,
    pub(super) rest_first: u8,
}

/// The bit of a character in a [`char_mask`]: letters and digits have their own, other characters share the rest.
const fn char_bit(c: char) -> u64 {
    let bit = match c {
        'a'..='z' => c as u32 - 'a' as u32,
        '0'..='9' => 26 + (c as u32 - '0' as u32),
        _ => 36 + c as u32 % 28,
    };
    1 << bit
}

/// Per byte of ASCII text, the [`char_bit`] of the byte lowercased, or 0 for a separator: what
/// [`measure_ascii`] needs of a byte, in one load.
const BYTE_BITS: [u64; 256] = {
    let mut bits = [0u64; 256];
    let mut b = 0;
    while b < 128 {
        if !is_ascii_separator(b as u8) {
            bits[b] = char_bit((b as u8).to_ascii_lowercase() as char);
        }
        b += 1;
    }
    bits
};

/// The set of characters of a key, as bits. An edit adds at most one character to a key and takes at most one
/// away, so a key within `n` edits of another has at most `n` bits that the other lacks, each way.
pub(super) fn char_mask(key: &str) -> u64 {
    key.chars().fold(0, |mask, c| mask | char_bit(c))
}

/// The shape of a compact key written at `key` in `arena`.
pub(super) fn shape_of(arena: &str, key: &CompactAt) -> KeyShape {
    let text = arena.get(key.range(0)).unwrap_or_default();
    let rest = if key.tokens >= 2 { arena.get(key.range(key.first_len)).unwrap_or_default() } else { "" };
    KeyShape {
        chars: key.chars,
        first_chars: key.first_chars,
        vendor: arena.get(key.start..key.start + key.first_len).and_then(vendor_group).filter(|_| key.tokens >= 2),
        stem_chars: stem_chars(arena, key),
        mask: char_mask(text),
        rest_mask: char_mask(rest),
        first: text.bytes().next().unwrap_or(0),
        rest_first: rest.bytes().next().unwrap_or(0),
    }
}

/// Measures the compact key of an ASCII alias without writing it, in one pass over its bytes: the same as
/// [`shape_of`] after [`push_compact`] (a test checks every built-in alias). The fuzzy index measures every alias
/// at start. `None` when the alias is not ASCII or has no token. `scratch` holds the last token while it is
/// stemmed.
pub(super) fn measure_ascii(alias: &str, scratch: &mut String) -> Option<KeyShape> {
    if !alias.is_ascii() {
        return None;
    }
    let (mut chars, mut tokens, mut first_chars, mut last_end) = (0, 0, 0, 0);
    let (mut first_start, mut rest_start, mut last_start) = (0, 0, 0);
    let (mut mask, mut rest_mask, mut in_rest) = (0u64, 0u64, 0u64);
    let mut in_token = false;
    let bytes = alias.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        let bit = BYTE_BITS.get(usize::from(b)).copied().unwrap_or(0);
        if bit == 0 {
            in_token = false;
            continue;
        }
        if !in_token {
            in_token = true;
            tokens += 1;
            last_start = i;
            if tokens == 1 {
                first_start = i;
            } else if tokens == 2 {
                (first_chars, rest_start, in_rest) = (chars, i, u64::MAX);
            }
        }
        mask |= bit;
        rest_mask |= bit & in_rest;
        chars += 1;
        last_end = i + 1;
    }
    let byte_at = |i: usize| bytes.get(i).map_or(0, u8::to_ascii_lowercase);
    let (first, rest_first) = (byte_at(first_start), if tokens >= 2 { byte_at(rest_start) } else { 0 });
    if tokens == 0 {
        return None;
    }
    if tokens == 1 {
        first_chars = chars;
    }
    let vendor = (tokens >= 2).then(|| alias.get(first_start..first_start + first_chars)).flatten();
    let last = alias.get(last_start..last_end)?;
    // Stemming only changes a token that ends in `s` or `y` (see `stem_plural`).
    let stem_chars = if last.ends_with(['s', 'S', 'y', 'Y']) {
        scratch.clear();
        scratch.push_str(last);
        scratch.make_ascii_lowercase();
        let stem = stem_plural(scratch);
        (stem != scratch.as_str()).then(|| chars - last.len() + stem.chars().count())
    } else {
        None
    };
    let vendor = vendor.and_then(vendor_group);
    Some(KeyShape { chars, first_chars, vendor, stem_chars, mask, rest_mask, first, rest_first })
}

/// The length in characters of the plural-stemmed form of a compact key (in `arena`), when stemming changes it.
pub(super) fn stem_chars(arena: &str, key: &CompactAt) -> Option<usize> {
    let last = arena.get(key.last_start..key.end)?;
    let stem = stem_plural(last);
    (stem != last).then(|| key.chars - last.chars().count() + stem.chars().count())
}

/// Appends the plural-stemmed form of a compact key to `arena` when stemming changes it.
pub(super) fn push_stem(arena: &mut String, key: &CompactAt, scratch: &mut String) -> Option<CompactAt> {
    let (head, last) = (arena.get(key.start..key.last_start)?, arena.get(key.last_start..key.end)?);
    let stem = stem_plural(last);
    if stem == last {
        return None;
    }
    let chars = key.chars - last.chars().count() + stem.chars().count();
    scratch.clear();
    scratch.push_str(head);
    scratch.push_str(&stem);
    let start = arena.len();
    arena.push_str(scratch);
    Some(CompactAt { start, end: arena.len(), chars, last_start: start + (key.last_start - key.start), ..*key })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::fold;
    use crate::taxonomy::Taxonomy;

    #[test]
    fn tokens_and_compact_keys() {
        const KEYS: &[(&str, &str, u64)] = &[
            ("react.js", "reactjs", 0b10_0001),
            ("ci/cd", "cicd", 0b101),
            ("  postgre  sql ", "postgresql", 0b1000_0001),
            ("c++ / c#", "c++c#", 0b1001),
            ("under_score", "underscore", 0b10_0001),
            ("...", "", 0),
        ];
        for &(folded, text, starts) in KEYS {
            let key = compact(tokenize(folded));
            assert_eq!((key.text.as_str(), key.starts, key.chars), (text, starts, text.chars().count()), "{folded:?}");
        }
    }

    #[test]
    fn ascii_separators() {
        for b in 0..=127u8 {
            assert_eq!(is_ascii_separator(b), is_separator(char::from(b)), "{b:#x}");
        }
    }

    #[test]
    fn stems() {
        const STEMS: &[(&str, &str)] = &[
            ("apis", "api"),
            ("api", "api"),
            ("technologies", "technologi"),
            ("technology", "technologi"),
            ("processes", "process"),
            ("process", "process"),
            ("boxes", "box"),
            ("branches", "branch"),
            ("sales", "sale"),
            ("aws", "aws"),
            ("ios", "ios"),
            ("émigrés", "émigré"),
        ];
        for (word, stem) in STEMS {
            assert_eq!(stem_plural(word), *stem, "{word}");
        }
    }

    #[test]
    fn version_tokens() {
        const VERSIONS: &[(&str, bool)] = &[
            ("3", true),
            ("2020", true),
            ("v2", true),
            ("es6", true),
            ("es6+", true),
            ("cs6", true),
            ("cc", true),
            ("x", true),
            ("s3", false),
            ("es", false),
            ("excel", false),
            ("+", false),
        ];
        for (token, version) in VERSIONS {
            assert_eq!(is_version_token(token), *version, "{token}");
        }
    }

    #[test]
    fn versions_stripped() {
        const STRIPS: &[(&str, Option<&str>)] = &[
            ("python 3.11", Some("python")),
            ("photoshop cc 2020", Some("photoshop")),
            ("python3", Some("python")),
            ("javascript es6+", Some("javascript")),
            ("2020", None),
            ("aws s3", None),
            ("ec2", None),
            ("d3", None),
            ("web3", Some("web")),
        ];
        for &(folded, expected) in STRIPS {
            let stripped = strip_versions(&tokenize(folded)).map(|t| t.join(" "));
            assert_eq!(stripped.as_deref(), expected, "{folded:?}");
        }
    }

    #[test]
    fn suffixes_stripped() {
        const STRIPS: &[(&str, Option<&str>)] = &[
            ("salesforce.com", Some("salesforce")),
            ("express.js", Some("express")),
            ("expressjs", Some("express")),
            ("d3js", None),
            ("js", None),
            ("com", None),
            ("react", None),
        ];
        for &(folded, expected) in STRIPS {
            let stripped = strip_suffix(&tokenize(folded)).map(|t| t.join(" "));
            assert_eq!(stripped.as_deref(), expected, "{folded:?}");
        }
    }

    #[test]
    fn vendor_rule() {
        const MICROSOFT: u16 = 1 << 7;
        // (key vendor, skill mask, term vendor, allowed)
        const VENDOR_RULES: &[(&str, u8, u16, Option<u8>, bool)] = &[
            ("as written meets as written", NO_VENDOR, 0, None, true),
            ("a vendor-less key needs a term that dropped a vendor", 7, MICROSOFT, None, false),
            ("dropped vendor, skill names it", NO_VENDOR, MICROSOFT, Some(7), true),
            ("dropped vendor, skill does not name it", NO_VENDOR, 0, Some(7), false),
            ("same vendor dropped on both sides", 7, MICROSOFT, Some(7), true),
            ("another vendor dropped", 5, 1 << 5, Some(7), false),
        ];
        for &(name, key, mask, term, allowed) in VENDOR_RULES {
            assert_eq!(vendor_ok(key, mask, term), allowed, "{name}");
        }
        assert_eq!((vendor_group("ms"), vendor_group("microsoft"), vendor_group("excel")), (Some(7), Some(7), None));
    }

    #[test]
    fn keys_of_a_term() {
        // (term, [(key, steps, vendor dropped, stemmed, typo)]) in the order `query_keys` gives them.
        type Row = (&'static str, u8, Option<u8>, bool, bool);
        const QUERIES: &[(&str, &[Row])] = &[
            ("kubernets", &[("kubernets", 0, None, false, true), ("kubernet", 1, None, true, false)]),
            (
                "ms excel 2019",
                &[
                    ("msexcel2019", 0, None, false, true),
                    ("msexcel2019", 1, None, true, false),
                    ("excel2019", 1, Some(7), false, false),
                    ("excel2019", 2, Some(7), true, false),
                    ("msexcel", 1, None, false, false),
                    ("msexcel", 2, None, true, false),
                    ("excel", 2, Some(7), false, true),
                    ("excel", 3, Some(7), true, false),
                ],
            ),
            ("", &[]),
        ];
        for &(term, expected) in QUERIES {
            let keys: Vec<_> =
                query_keys(term).into_iter().map(|k| (k.key.text, k.steps, k.vendor, k.stemmed, k.typo)).collect();
            let expected: Vec<_> = expected
                .iter()
                .map(|&(text, steps, vendor, stemmed, typo)| (text.to_owned(), steps, vendor, stemmed, typo))
                .collect();
            assert_eq!(keys, expected, "{term:?}");
        }
    }

    /// The index skips folding for ASCII aliases: `push_compact` must give them the key of their folded form.
    #[test]
    fn ascii_aliases_need_no_folding() {
        let taxonomy = Taxonomy::builtin();
        let builtin = taxonomy.skills().iter().flat_map(|s| &s.aliases).map(|a| a.text.as_str());
        let odd = ["  Tab\tSeparated \r\n", "MiXeD-CaSe", "under_score", "\u{0}nul", "  ", "C++ / C#"];
        let (mut raw, mut folded) = (String::new(), String::new());
        for text in builtin.chain(odd).filter(|t| t.is_ascii()) {
            let (r, f) = (push_compact(&mut raw, text), push_compact(&mut folded, &fold(text)));
            let key = |arena: &String, at: Option<CompactAt>| at.map(|at| (arena[at.range(0)].to_owned(), at.starts));
            assert_eq!(key(&raw, r), key(&folded, f), "{text:?}");
        }
    }

    /// The index measures ASCII aliases without writing their keys: the lengths must be those of the keys it
    /// writes later.
    #[test]
    fn measured_shapes_equal_written_keys() {
        let taxonomy = Taxonomy::builtin();
        let builtin = taxonomy.skills().iter().flat_map(|s| &s.aliases).map(|a| a.text.as_str());
        let odd = [
            "  Tab\tSeparated \r\n",
            "\u{b}Vertical\u{c}Feeds",
            "MS",
            "MS Office Suites",
            "Microsoft.Technologies",
            "AWS / S3",
            "Boys",
            "PROCESSES",
            "ss",
            "sky",
            "x y",
            "--",
            "",
        ];
        let (mut arena, mut scratch) = (String::new(), String::new());
        for text in builtin.chain(odd).filter(|t| t.is_ascii()) {
            arena.clear();
            let written = push_compact(&mut arena, text).map(|key| shape_of(&arena, &key));
            assert_eq!(measure_ascii(text, &mut scratch), written, "{text:?}");
        }
        assert_eq!(measure_ascii("Gestión", &mut scratch), None);
    }

    /// The index writes alias keys into its arena without allocating; they must equal the keys built token by
    /// token: as written, stemmed, and with a leading vendor word dropped.
    #[test]
    fn arena_keys_equal_token_keys() {
        const FOLDED: &[&str] = &[
            "microsoft excel",
            "react.js",
            "  ci/cd -- pipelines ",
            "apis",
            "rest apis",
            "information technologies",
            "ms-sql server 2019",
            "c++",
            "ünïcödé wörds",
            "日本語 テスト",
            "\u{b}vertical\u{c}feed\r\ntabs\t",
            "x",
            "...",
            "",
        ];
        for folded in FOLDED {
            let mut arena = String::from("prefix");
            let tokens = tokenize(folded);
            let Some(key) = push_compact(&mut arena, folded) else {
                assert!(tokens.is_empty(), "{folded:?}");
                continue;
            };
            let written = compact(tokens.iter().copied());
            assert_eq!(&arena[key.range(0)], written.text, "{folded:?}");
            assert_eq!((key.chars, key.starts), (written.chars, written.starts), "{folded:?}");
            let stem_len = stem_chars(&arena, &key);
            let stem = push_stem(&mut arena, &key, &mut String::new());
            assert_eq!(stem_len, stem.map(|s| s.chars), "{folded:?}");
            let stem_text = stem.map_or(&arena[key.range(0)], |s| &arena[s.range(0)]);
            assert_eq!(stem_text, compact_stemmed(&tokens).text, "{folded:?}");
            if let [first, rest @ ..] = tokens.as_slice() {
                if vendor_group(first).is_some() && !rest.is_empty() {
                    let vendorless = compact(rest.iter().copied());
                    assert_eq!(&arena[key.range(key.first_len)], vendorless.text, "{folded:?}");
                    assert_eq!(key.rest_starts, vendorless.starts, "{folded:?}");
                    assert_eq!(key.chars - key.first_chars, vendorless.chars, "{folded:?}");
                }
            }
        }
    }
}
