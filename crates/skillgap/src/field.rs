//! Lines of work: groups of taxonomy families whose skills meet in one job. A text's line of work is the group
//! that holds most of its skills; a skill from another group is "off-field" there, and the gap ranking weighs an
//! off-field area less ([`crate::compare`]).

/// The lines of work ("product" sits in two). A family in none of them ("general", or a user's own) is never
/// off-field.
const FIELDS: &[&[&str]] = &[
    &["software", "data", "cloud", "security", "it", "product", "design"],
    &["marketing", "sales", "customer", "media", "product"],
    &["finance", "banking", "hr", "legal"],
    &["healthcare", "pharma"],
    &["engineering", "construction", "supply-chain"],
    &["education"],
    &["hospitality"],
];

/// A line of work: an index into the groups.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Field(usize);

/// The line of work that holds at least `share_percent` of `families` (counting only families in some line of
/// work); `None` when they are mixed or none counts.
pub fn dominant<'a>(families: impl IntoIterator<Item = &'a str>, share_percent: u32) -> Option<Field> {
    let mut counts = [0u32; FIELDS.len()];
    let mut total = 0u32;
    for family in families {
        let mut any = false;
        for (count, field) in counts.iter_mut().zip(FIELDS) {
            if field.contains(&family) {
                *count += 1;
                any = true;
            }
        }
        total += u32::from(any);
    }
    let (best, &count) = counts.iter().enumerate().max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(&a.0)))?;
    (total > 0 && count * 100 >= total * share_percent).then_some(Field(best))
}

/// Whether `family` belongs to some line of work, but not to `field`.
pub fn is_off(family: &str, field: Field) -> bool {
    FIELDS.get(field.0).is_some_and(|own| !own.contains(&family)) && FIELDS.iter().any(|f| f.contains(&family))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_field_needs_its_share() {
        let tech = dominant(["software", "data", "cloud", "legal", "general"], 60).expect("a field");
        assert!(is_off("legal", tech) && !is_off("data", tech) && !is_off("general", tech));
        assert_eq!(dominant(["software", "legal"], 60), None);
        assert_eq!(dominant(["general"], 60), None);
        // "product" is at home in both tech and business.
        let business = dominant(["sales", "marketing", "product"], 60).expect("a field");
        assert!(!is_off("product", business) && is_off("software", business));
    }
}
