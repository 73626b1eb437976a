//! Saved job postings in JSON: schema.org `JobPosting`, a list of them, or any object with a description.

use serde_json::Value;

use crate::error::{Error, ErrorKind};
use crate::html::html_to_text;

/// The posting fields that are read, in order, with the heading each is put under so that sections are
/// recognised (none for the title and description, which carry their own).
const FIELDS: &[(&str, &str)] = &[
    ("title", ""),
    ("description", ""),
    ("responsibilities", "Responsibilities"),
    ("qualifications", "Qualifications"),
    ("skills", "Skills"),
    ("educationRequirements", "Education requirements"),
    ("experienceRequirements", "Experience requirements"),
];

/// The text of a saved job posting in JSON. Title, description (HTML allowed), responsibilities, qualifications,
/// skills and education and experience requirements are joined, each on its own lines, under a heading. `name`
/// names the file in errors.
pub(crate) fn json_posting_text(name: &str, json: &str) -> Result<String, Error> {
    let mut out = String::new();
    // A list is read one posting at a time: only the text is kept, not a parsed value of the whole list.
    if let Some(value) = stream_json(name, json, |_, item| collect_posting(&item, &mut out))? {
        collect_posting(&value, &mut out);
    }
    if out.trim().is_empty() {
        return Err(no_posting_text(name));
    }
    Ok(out)
}

/// The error for JSON that holds none of the posting fields.
pub(crate) fn no_posting_text(name: &str) -> Error {
    Error::new(
        ErrorKind::Json,
        name,
        "found no posting text; expected a JSON object with a \"description\" (schema.org JobPosting)",
    )
}

/// The text of one posting object, assembled as [`json_posting_text`] does (empty when it has none of the fields).
pub(crate) fn posting_object_text(value: &Value) -> String {
    let mut out = String::new();
    collect_posting(value, &mut out);
    out
}

/// Parses JSON, with an error that names the file, line and column and says what to check.
pub(crate) fn parse_json(name: &str, json: &str) -> Result<Value, Error> {
    serde_json::from_str(json).map_err(|e| json_error(name, &e))
}

/// A JSON syntax error as an [`Error`] that names the file, line and column and says what to check.
fn json_error(name: &str, e: &serde_json::Error) -> Error {
    // serde_json ends its message with the location, which the error shows as `name:line:column` instead.
    let message = e.to_string();
    let message = message.rsplit_once(" at line ").map_or(message.as_str(), |(head, _)| head);
    Error::new(
        ErrorKind::Json,
        name,
        format!("cannot read it as a JSON job posting: {message}; check that the file is valid JSON"),
    )
    .at(Some(e.line() as u64), Some(e.column() as u64))
}

/// Reads JSON whose top level may be a long list of postings. A list is handed to `each` one element at a time
/// (with its index), each dropped before the next is parsed, and `None` is returned; any other top level is
/// returned whole. A list parsed whole into a [`Value`] took 8 bytes of memory per byte of file (50,000
/// postings, 205 MB: 1.6 GB).
///
/// The file is checked first, without building anything, so that malformed JSON is an error before `each` sees
/// any element: a file is read whole or not at all.
pub(crate) fn stream_json(name: &str, json: &str, each: impl FnMut(usize, Value)) -> Result<Option<Value>, Error> {
    serde_json::from_str::<serde::de::IgnoredAny>(json).map_err(|e| json_error(name, &e))?;
    let mut deserializer = serde_json::Deserializer::from_str(json);
    let top = serde::de::DeserializeSeed::deserialize(TopLevel { each }, &mut deserializer)
        .and_then(|top| deserializer.end().map(|()| top))
        .map_err(|e| json_error(name, &e))?;
    Ok(top)
}

/// The top level of a JSON posting file: see [`stream_json`].
struct TopLevel<F> {
    each: F,
}

impl<'de, F: FnMut(usize, Value)> serde::de::DeserializeSeed<'de> for TopLevel<F> {
    type Value = Option<Value>;

    fn deserialize<D: serde::Deserializer<'de>>(self, deserializer: D) -> Result<Option<Value>, D::Error> {
        deserializer.deserialize_any(self)
    }
}

impl<'de, F: FnMut(usize, Value)> serde::de::Visitor<'de> for TopLevel<F> {
    type Value = Option<Value>;

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a JSON job posting or a list of them")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(mut self, mut seq: A) -> Result<Option<Value>, A::Error> {
        let mut index = 0;
        while let Some(item) = seq.next_element::<Value>()? {
            (self.each)(index, item);
            index += 1;
        }
        Ok(None)
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, map: A) -> Result<Option<Value>, A::Error> {
        serde::Deserialize::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(Some)
    }

    // Any other top level holds no posting: it is read as nothing, and the caller says so.
    fn visit_bool<E: serde::de::Error>(self, _: bool) -> Result<Option<Value>, E> {
        Ok(Some(Value::Null))
    }

    fn visit_i64<E: serde::de::Error>(self, _: i64) -> Result<Option<Value>, E> {
        Ok(Some(Value::Null))
    }

    fn visit_u64<E: serde::de::Error>(self, _: u64) -> Result<Option<Value>, E> {
        Ok(Some(Value::Null))
    }

    fn visit_f64<E: serde::de::Error>(self, _: f64) -> Result<Option<Value>, E> {
        Ok(Some(Value::Null))
    }

    fn visit_str<E: serde::de::Error>(self, _: &str) -> Result<Option<Value>, E> {
        Ok(Some(Value::Null))
    }

    fn visit_unit<E: serde::de::Error>(self) -> Result<Option<Value>, E> {
        Ok(Some(Value::Null))
    }
}

/// Appends the posting text of `value`: every object in an array or `@graph`, and the [`FIELDS`] of an object.
fn collect_posting(value: &Value, out: &mut String) {
    match value {
        Value::Array(items) => items.iter().for_each(|item| collect_posting(item, out)),
        Value::Object(map) => {
            if let Some(graph) = map.get("@graph") {
                collect_posting(graph, out);
            }
            for (field, heading) in FIELDS {
                let Some(v) = map.get(*field) else { continue };
                let text = flatten(v);
                if text.trim().is_empty() {
                    continue;
                }
                if !heading.is_empty() {
                    out.push_str(heading);
                    out.push('\n');
                }
                if text.contains('<') {
                    out.push_str(&html_to_text(&text).text);
                } else {
                    out.push_str(&text);
                }
                out.push_str("\n\n");
            }
        }
        _ => {}
    }
}

/// A field's text: strings as they are, lists and objects one value per line, numbers written out.
fn flatten(value: &Value) -> String {
    match value {
        Value::String(s) => s.clone(),
        Value::Array(items) => items.iter().map(flatten).collect::<Vec<_>>().join("\n"),
        Value::Object(map) => map.values().map(flatten).collect::<Vec<_>>().join("\n"),
        Value::Number(n) => n.to_string(),
        _ => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn posting_text_from_json() {
        const CASES: &[(&str, &str, &[&str])] = &[
            (
                "schema.org posting with HTML description and a skills list",
                r#"{"@type":"JobPosting","title":"Data Engineer","description":"<p>Kafka &amp; SQL</p>","skills":["dbt","Airflow"]}"#,
                &["Data Engineer", "Kafka & SQL", "Skills\ndbt\nAirflow"],
            ),
            (
                "a @graph holding the posting",
                r#"{"@graph":[{"@type":"JobPosting","qualifications":"Licensed RN"}]}"#,
                &["Qualifications\nLicensed RN"],
            ),
            ("a list of postings", r#"[{"title":"Nurse"},{"title":"Welder"}]"#, &["Nurse\n\n", "Welder\n\n"]),
        ];
        for (name, json, parts) in CASES {
            let text = json_posting_text("p.json", json).unwrap_or_default();
            for part in *parts {
                assert!(text.contains(part), "{name}: {part:?} not in {text:?}");
            }
        }
    }

    #[test]
    fn bad_json_is_a_json_error_with_its_location() {
        const CASES: &[(&str, &str, &str)] = &[
            ("truncated", "{\n", "p.json:2:0: cannot read it as a JSON job posting: EOF while parsing an object;"),
            ("no posting fields", r#"{"x":1}"#, "p.json: found no posting text"),
        ];
        for (name, json, message) in CASES {
            let err = json_posting_text("p.json", json).err();
            assert_eq!(err.as_ref().map(Error::kind), Some(ErrorKind::Json), "{name}");
            let shown = err.map(|e| e.to_string()).unwrap_or_default();
            assert!(shown.starts_with(message), "{name}: {shown}");
        }
    }
}
