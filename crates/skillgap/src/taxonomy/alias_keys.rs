//! The alias index: folded alias key -> every alias with that key.
//!
//! A hash map of (key, aliases) pairs kept its pairs in the buckets themselves: for the built-in taxonomy's
//! 33,800 keys, 65,536 buckets of 48 bytes, 3 MB that a start wrote all over and so faulted in page by page. Here
//! the pairs are one dense list in insertion order, and the open-addressing table holds only their positions:
//! 1.9 MB, written front to back.

use std::borrow::Cow;
use std::hash::BuildHasher;

use rustc_hash::FxBuildHasher;

use super::{AliasRef, AliasRefs};

#[derive(Debug, Clone, Default)]
pub(super) struct AliasKeys {
    /// Every key with its aliases, in the order keys were first added.
    entries: Vec<(Cow<'static, str>, AliasRefs)>,
    /// `position + 1` in `entries`, or 0 for an empty slot. A power of two at least twice the number of entries
    /// (or empty), so that a probe always ends at an empty slot.
    slots: Vec<u32>,
}

impl AliasKeys {
    /// Room for `keys` keys without growing.
    pub(super) fn with_capacity(keys: usize) -> AliasKeys {
        AliasKeys { entries: Vec::with_capacity(keys), slots: vec![0; slot_count(keys)] }
    }

    /// The aliases of `key`.
    pub(super) fn get(&self, key: &str) -> Option<&AliasRefs> {
        let at = self.find(key).ok()?;
        self.entries.get(at).map(|(_, refs)| refs)
    }

    /// Adds `alias` under `key`, after the aliases already there.
    ///
    /// # Panics
    ///
    /// With more than `u32::MAX - 1` keys.
    pub(super) fn insert(&mut self, key: Cow<'static, str>, alias: AliasRef) {
        if self.slots.len() < slot_count(self.entries.len() + 1) {
            self.grow();
        }
        match self.find(&key) {
            Ok(at) => {
                if let Some((_, refs)) = self.entries.get_mut(at) {
                    refs.push(alias);
                }
            }
            Err(slot) => {
                let position = u32::try_from(self.entries.len() + 1).expect("fewer than 4 G alias keys");
                if let Some(slot) = self.slots.get_mut(slot) {
                    *slot = position;
                }
                self.entries.push((key, AliasRefs::One(alias)));
            }
        }
    }

    /// Every key and its aliases, in the order keys were first added.
    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, &AliasRefs)> {
        self.entries.iter().map(|(key, refs)| (key.as_ref(), refs))
    }

    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The position of `key` in `entries` (`Ok`), or the empty slot where it belongs (`Err`).
    fn find(&self, key: &str) -> Result<usize, usize> {
        if self.slots.is_empty() {
            return Err(0);
        }
        let mask = self.slots.len() - 1;
        let mut slot = FxBuildHasher.hash_one(key) as usize & mask;
        loop {
            match self.slots.get(slot).copied().unwrap_or(0) {
                0 => return Err(slot),
                position => {
                    let at = position as usize - 1;
                    if self.entries.get(at).is_some_and(|(k, _)| k == key) {
                        return Ok(at);
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
    }

    /// Doubles the slots and places every entry again.
    fn grow(&mut self) {
        let slots = slot_count((self.entries.len() + 1) * 2);
        let mut table = AliasKeys { entries: std::mem::take(&mut self.entries), slots: vec![0; slots] };
        let mask = slots - 1;
        for (at, (key, _)) in table.entries.iter().enumerate() {
            let mut slot = FxBuildHasher.hash_one(key.as_ref()) as usize & mask;
            while table.slots.get(slot).is_some_and(|&s| s != 0) {
                slot = (slot + 1) & mask;
            }
            if let Some(slot) = table.slots.get_mut(slot) {
                *slot = at as u32 + 1;
            }
        }
        *self = table;
    }
}

/// Slots for `keys` keys: a power of two, at least twice as many.
fn slot_count(keys: usize) -> usize {
    (keys * 2).next_power_of_two().max(16)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::taxonomy::SkillIdx;

    fn alias(skill: u32, alias: u32) -> AliasRef {
        AliasRef { skill: SkillIdx(skill), alias }
    }

    #[test]
    fn keys_keep_their_aliases_in_order_through_growth() {
        // No capacity given: the table grows from empty, many times over.
        let mut keys = AliasKeys::default();
        assert_eq!(keys.get("sql"), None);
        for i in 0..1000u32 {
            keys.insert(Cow::Owned(format!("key {i}")), alias(i, 0));
            keys.insert(Cow::Borrowed("shared"), alias(i, 1));
        }
        assert_eq!(keys.len(), 1001);
        assert_eq!(keys.get("key 0"), Some(&AliasRefs::One(alias(0, 0))));
        assert_eq!(keys.get("key 999"), Some(&AliasRefs::One(alias(999, 0))));
        assert_eq!(keys.get("key 1000"), None);
        let shared = keys.get("shared").expect("held").as_slice();
        assert_eq!((shared.len(), shared.first(), shared.last()), (1000, Some(&alias(0, 1)), Some(&alias(999, 1))));
        let order: Vec<&str> = keys.iter().map(|(k, _)| k).take(3).collect();
        assert_eq!(order, ["key 0", "shared", "key 1"]);
    }

    #[test]
    fn sized_tables_hold_what_they_were_sized_for() {
        let mut keys = AliasKeys::with_capacity(3);
        let slots = keys.slots.len();
        for (i, key) in ["python", "sql", "日本語"].into_iter().enumerate() {
            keys.insert(Cow::Borrowed(key), alias(i as u32, 0));
        }
        assert_eq!(keys.slots.len(), slots, "no growth within the capacity");
        assert_eq!(keys.get("日本語"), Some(&AliasRefs::One(alias(2, 0))));
    }
}
