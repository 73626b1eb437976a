//! HTML to text, for saved job pages: tags dropped, scripts and styles skipped, entities decoded, block elements
//! turned into line breaks, with a map back to the HTML's byte offsets.

/// Text taken from an HTML page, with the HTML offset of every text byte.
#[derive(Debug, Clone, Default)]
pub struct HtmlText {
    /// The visible text.
    pub text: String,
    /// `map[i]` is the byte offset in the HTML of text byte `i`; one extra entry maps the end.
    pub map: Vec<u32>,
}

/// Elements whose content is not posting text: invisible, or site navigation ("Teams", "Accessibility" links).
const SKIPPED: &[&str] =
    &["script", "style", "noscript", "template", "head", "svg", "iframe", "object", "nav", "footer"];
/// Elements that break lines.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "br",
    "li",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "tr",
    "table",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "dd",
    "dt",
    "dl",
    "blockquote",
    "pre",
    "hr",
    "main",
    "aside",
    "title",
    "td",
    "th",
];

/// Converts `html` to text (see the module docs). Never fails: malformed markup degrades to text. Linear time,
/// however the markup is broken: each byte is looked at a bounded number of times.
pub fn html_to_text(html: &str) -> HtmlText {
    convert(html).0
}

/// Where the next `>` is, remembered between searches. Without it, a page with many `<` that never close (or
/// that close only at its end) searches to the end from each of them: quadratic time, 57 s for 2 MB.
struct NextClose<'a> {
    bytes: &'a [u8],
    /// The last search: where it started and what it found (`None`: no `>` from there to the end).
    last: Option<(usize, Option<usize>)>,
    /// Bytes looked at by searches, for the linearity test.
    scanned: usize,
}

impl NextClose<'_> {
    /// The offset of the first `>` at or after `from`. Calls come with `from` never decreasing, so each byte is
    /// searched at most once.
    fn at_or_after(&mut self, from: usize) -> Option<usize> {
        if let Some((start, found)) = self.last {
            match found {
                None if from >= start => return None,
                Some(p) if from >= start && from <= p => return Some(p),
                _ => {}
            }
        }
        let rest = self.bytes.get(from..).unwrap_or_default();
        let found = rest.iter().position(|&b| b == b'>').map(|p| from + p);
        self.scanned += found.map_or(rest.len(), |p| p - from + 1);
        self.last = Some((from, found));
        found
    }
}

/// [`html_to_text`], with the number of bytes its searches for `>` looked at.
fn convert(html: &str) -> (HtmlText, usize) {
    let mut next_close = NextClose { bytes: html.as_bytes(), last: None, scanned: 0 };
    let mut out = HtmlText { text: String::with_capacity(html.len() / 2), map: Vec::with_capacity(html.len() / 2) };
    let bytes = html.as_bytes();
    let mut i = 0;
    let mut skipping: Option<String> = None;
    while let Some(&c) = bytes.get(i) {
        if c == b'<' {
            if html.get(i..).unwrap_or_default().starts_with("<!--") {
                i = html.get(i + 4..).unwrap_or_default().find("-->").map_or(html.len(), |e| i + 4 + e + 3);
                continue;
            }
            let Some(close) = next_close.at_or_after(i).map(|p| p - i) else {
                // A lone '<' is text.
                push(&mut out, "<", i);
                i += 1;
                continue;
            };
            let tag = html.get(i + 1..i + close).unwrap_or_default();
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            let tag_end = i + close + 1;
            if let Some(open) = &skipping {
                if closing && &name == open {
                    skipping = None;
                }
                i = tag_end;
                continue;
            }
            if name.is_empty() {
                if tag.starts_with('!') || tag.starts_with('?') {
                    i = tag_end;
                    continue;
                }
                push(&mut out, "<", i);
                i += 1;
                continue;
            }
            if !closing && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
                skipping = Some(name);
            } else if BLOCKS.contains(&name.as_str()) {
                push(&mut out, "\n", i);
                if name == "li" && !closing {
                    push(&mut out, "- ", i);
                }
            } else {
                // Inline elements separate words only where the markup had spaces.
            }
            i = tag_end;
            continue;
        }
        if skipping.is_some() {
            i += html.get(i..).unwrap_or_default().chars().next().map_or(1, char::len_utf8);
            continue;
        }
        if c == b'&' {
            if let Some((decoded, len)) = decode_entity(html.get(i..).unwrap_or_default()) {
                let mut buf = [0u8; 4];
                push(&mut out, decoded.encode_utf8(&mut buf), i);
                i += len;
                continue;
            }
        }
        let ch = html.get(i..).unwrap_or_default().chars().next().unwrap_or(' ');
        let mut buf = [0u8; 4];
        push(&mut out, ch.encode_utf8(&mut buf), i);
        i += ch.len_utf8();
    }
    out.map.push(html.len() as u32);
    (out, next_close.scanned)
}

fn push(out: &mut HtmlText, s: &str, origin: usize) {
    out.text.push_str(s);
    out.map.extend(std::iter::repeat_n(origin as u32, s.len()));
}

/// Decodes the entity at the start of `s` ("&amp;", "&#8217;", "&#x2019;"): the character and the entity's length.
fn decode_entity(s: &str) -> Option<(char, usize)> {
    // Bytes, not a str slice: the 12th byte may fall inside a multibyte character.
    let end = s.as_bytes().iter().take(12).position(|&b| b == b';')?;
    let body = s.get(1..end).unwrap_or_default();
    let c = if let Some(num) = body.strip_prefix('#') {
        let code = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        char::from_u32(code).unwrap_or('\u{FFFD}')
    } else {
        match body {
            "amp" => '&',
            "lt" => '<',
            "gt" => '>',
            "quot" => '"',
            "apos" => '\'',
            "nbsp" => '\u{00A0}',
            "rsquo" | "lsquo" => '\'',
            "rdquo" | "ldquo" => '"',
            "ndash" => '\u{2013}',
            "mdash" => '\u{2014}',
            "hellip" => '\u{2026}',
            "bull" | "middot" => '\u{2022}',
            "pound" => '£',
            "euro" => '€',
            "copy" => '©',
            "reg" => '®',
            "trade" => '™',
            "rarr" => '→',
            "eacute" => 'é',
            "times" => '×',
            "sharp" => '♯',
            _ => return None,
        }
    };
    Some((c, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_scripts_and_decodes() {
        let html = "<html><head><title>x</title><script>var Java = 1;</script></head><body><nav><a>Teams</a></nav><p>R&amp;D &rsquo;n Kafka&#8217;s</p><ul><li>SQL</li></ul><style>.a{}</style><footer>Accessibility</footer></body></html>";
        let t = html_to_text(html);
        assert!(
            !t.text.contains("Java") && !t.text.contains("Teams") && !t.text.contains("Accessibility"),
            "{:?}",
            t.text
        );
        assert!(t.text.contains("R&D 'n Kafka\u{2019}s"), "{:?}", t.text);
        assert!(t.text.contains("\n- SQL"), "{:?}", t.text);
        assert_eq!(t.map.len(), t.text.len() + 1);
        let at = t.text.find("Kafka").unwrap_or_default();
        assert_eq!(&html[t.map[at] as usize..t.map[at] as usize + 5], "Kafka");
    }

    /// Regression: many `<` that never close took quadratic time (2 MB: 57 s). Searches for `>` now look at each
    /// byte once, so doubling the input doubles the bytes looked at.
    #[test]
    fn unclosed_tags_scan_in_linear_time() {
        let pages: [fn(usize) -> String; 4] = [
            |n| "<".repeat(n),
            |n| "a < b ".repeat(n),
            |n| format!("{}>", "<".repeat(n)),
            |n| format!("<script>{}", "< x ".repeat(n)),
        ];
        for (k, page) in pages.iter().enumerate() {
            let (small, big) = (page(20_000), page(40_000));
            let (text, scanned_small) = convert(&small);
            assert_eq!(text.map.len(), text.text.len() + 1);
            let (_, scanned_big) = convert(&big);
            assert!(scanned_small <= small.len() + 1, "page {k}: {scanned_small} bytes looked at for {}", small.len());
            assert!(scanned_big <= big.len() + 1, "page {k}: {scanned_big} bytes looked at for {}", big.len());
        }
        // The text is what it was: a lone '<' is text, a closed tag is dropped.
        assert_eq!(html_to_text("a < b").text, "a < b");
        assert_eq!(html_to_text("<<b>x").text, "<x");
    }

    #[test]
    fn malformed_markup_degrades() {
        // Regression: "&aaaaaaaaaaé" cut the 12-byte entity window inside "é".
        for html in [
            "<",
            "a < b",
            "<p",
            "&",
            "&#xZZ;",
            "&#99999999;",
            "<script>never closed",
            "<!-- open",
            "&aaaaaaaaaa\u{e9}",
            "&\u{4e2d}\u{6587}\u{5b57}\u{7b26}",
        ] {
            let t = html_to_text(html);
            assert_eq!(t.map.len(), t.text.len() + 1, "{html}");
        }
    }
}
