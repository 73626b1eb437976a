//! The batch walk: files and folders as given, folders read recursively in sorted order (the same order on every
//! run and machine), hidden entries skipped unless asked for, and each folder read once, so a symbolic link that
//! loops back is not followed.

use std::collections::HashSet;
use std::ffi::OsString;
use std::fs;
use std::path::PathBuf;

/// One thing the walk found.
#[derive(Debug, PartialEq, Eq)]
pub enum Walked {
    /// A regular file (or a link to one), `len` bytes long when the walk saw it; `explicit` when the user named it.
    File { path: PathBuf, explicit: bool, len: u64 },
    /// Neither a file nor a folder (a device, a pipe, a socket): never read, since it might not end.
    Special(PathBuf),
    /// A link to a folder already read (a loop, or a second way into one): not followed.
    Loop(PathBuf),
    /// A path or folder that could not be read.
    Failed { path: PathBuf, reason: String },
}

/// A depth-first walk over `roots`, lazily: memory follows the depth and the width of one folder, not the number
/// of files.
#[derive(Debug)]
pub struct Walk {
    /// Per level, the entries still to visit.
    pending: Vec<Level>,
    hidden: bool,
    /// Folders read, by canonical path.
    visited: HashSet<PathBuf>,
}

/// One level of the walk: the paths the user named, or the names in one folder. A folder holds its entries' names
/// only, joined to its path as they are visited: a folder of 100,000 postings held each one's whole path twice
/// (about 10 MB at the peak of a batch).
#[derive(Debug)]
enum Level {
    Named(std::vec::IntoIter<PathBuf>),
    Folder { path: PathBuf, names: Names },
}

/// A folder's entry names in order, compactly: the names that are UTF-8 (nearly all) in one buffer, the others
/// (kept as they are) beside it. An `OsString` each cost about 56 bytes for an 18-byte name, which made the
/// listing most of what a batch's memory grows by with the number of files.
#[derive(Debug, Default)]
struct Names {
    text: String,
    /// Per name in order: where it ends in `text`, or, with [`OTHER`] set, its index in `other`.
    ends: Vec<u32>,
    other: Vec<OsString>,
    /// The next name to hand out, and where it starts in `text`.
    next: usize,
    start: usize,
}

/// Marks an entry of [`Names::ends`] that indexes [`Names::other`].
const OTHER: u32 = 1 << 31;

impl Names {
    /// The names, given sorted.
    fn new(sorted: Vec<OsString>) -> Names {
        let total: usize = sorted.iter().map(|n| n.len()).sum();
        let mut names =
            Names { text: String::with_capacity(total), ends: Vec::with_capacity(sorted.len()), ..Names::default() };
        for name in sorted {
            match name.to_str() {
                // Offsets fit in 31 bits; a name past 2 GB of names is kept whole.
                Some(utf8) if names.text.len() + utf8.len() < OTHER as usize => {
                    names.text.push_str(utf8);
                    names.ends.push(names.text.len() as u32);
                }
                _ => {
                    names.ends.push(OTHER | names.other.len() as u32);
                    names.other.push(name);
                }
            }
        }
        names
    }
}

impl Iterator for Names {
    type Item = OsString;

    fn next(&mut self) -> Option<OsString> {
        let &entry = self.ends.get(self.next)?;
        self.next += 1;
        if entry & OTHER != 0 {
            return self.other.get_mut((entry & !OTHER) as usize).map(std::mem::take);
        }
        let end = entry as usize;
        let name = self.text.get(self.start..end).unwrap_or_default();
        self.start = end;
        Some(OsString::from(name))
    }
}

/// Walks `roots` in the order given; inside folders, entries in byte order of their names.
pub fn walk(roots: &[PathBuf], hidden: bool) -> Walk {
    let named: Vec<PathBuf> = roots.to_vec();
    Walk { pending: vec![Level::Named(named.into_iter())], hidden, visited: HashSet::new() }
}

fn is_hidden(path: &std::path::Path) -> bool {
    path.file_name().is_some_and(|n| n.as_encoded_bytes().starts_with(b"."))
}

impl Iterator for Walk {
    type Item = Walked;

    fn next(&mut self) -> Option<Walked> {
        loop {
            let next = match self.pending.last_mut()? {
                Level::Named(paths) => paths.next().map(|path| (path, true)),
                Level::Folder { path, names } => names.next().map(|name| (path.join(name), false)),
            };
            let Some((path, explicit)) = next else {
                self.pending.pop();
                continue;
            };
            if !explicit && !self.hidden && is_hidden(&path) {
                continue;
            }
            let meta = match fs::metadata(&path) {
                Ok(meta) => meta,
                Err(e) => return Some(Walked::Failed { reason: format!("cannot read it: {e}"), path }),
            };
            if meta.is_file() {
                return Some(Walked::File { path, explicit, len: meta.len() });
            }
            if !meta.is_dir() {
                return Some(Walked::Special(path));
            }
            let canonical = fs::canonicalize(&path).unwrap_or_else(|_| path.clone());
            if !self.visited.insert(canonical) {
                let is_link = fs::symlink_metadata(&path).is_ok_and(|m| m.file_type().is_symlink());
                if is_link {
                    return Some(Walked::Loop(path));
                }
                continue;
            }
            let entries = match fs::read_dir(&path) {
                Ok(entries) => entries,
                Err(e) => return Some(Walked::Failed { reason: format!("cannot read the folder: {e}"), path }),
            };
            let mut names: Vec<OsString> = Vec::new();
            for entry in entries {
                match entry {
                    Ok(entry) => names.push(entry.file_name()),
                    Err(e) => return Some(Walked::Failed { reason: format!("cannot read the folder: {e}"), path }),
                }
            }
            names.sort_unstable();
            self.pending.push(Level::Folder { path, names: Names::new(names) });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder in the temporary directory, removed first if a previous run left it.
    fn scratch_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("skillgap-{}-{name}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("create dir");
        dir
    }

    fn names(dir: &std::path::Path, items: Vec<Walked>) -> Vec<String> {
        items
            .into_iter()
            .map(|w| match w {
                Walked::File { path, .. } => path.strip_prefix(dir).unwrap_or(&path).display().to_string(),
                other => format!("{other:?}"),
            })
            .collect()
    }

    #[test]
    fn compact_names_come_back_in_order() {
        let given: Vec<OsString> = ["a.txt", "b é.md", "", "c"].into_iter().map(OsString::from).collect();
        assert_eq!(Names::new(given.clone()).collect::<Vec<_>>(), given);
        #[cfg(unix)]
        {
            use std::os::unix::ffi::OsStringExt;
            let mixed = vec![OsString::from("a"), OsString::from_vec(vec![b'b', 0xFF]), OsString::from("c")];
            assert_eq!(Names::new(mixed.clone()).collect::<Vec<_>>(), mixed);
        }
    }

    #[test]
    fn sorted_recursive_and_hidden_skipped() {
        let dir = scratch_dir("walk_sorted");
        for file in ["b.txt", "a/z.md", "a/c.txt", ".hidden/x.txt", "a/.secret.txt", "c.txt"] {
            let path = dir.join(file);
            fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            fs::write(path, "x").expect("write");
        }
        let found = names(&dir, walk(std::slice::from_ref(&dir), false).collect());
        assert_eq!(found, ["a/c.txt", "a/z.md", "b.txt", "c.txt"]);
        let found = names(&dir, walk(std::slice::from_ref(&dir), true).collect());
        assert_eq!(found, [".hidden/x.txt", "a/.secret.txt", "a/c.txt", "a/z.md", "b.txt", "c.txt"]);
        // A hidden file named on the command line is read.
        let explicit = dir.join("a/.secret.txt");
        assert_eq!(names(&dir, walk(&[explicit], false).collect()), ["a/.secret.txt"]);
    }
}
