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
    Folder { path: PathBuf, names: std::vec::IntoIter<OsString> },
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
            self.pending.push(Level::Folder { path, names: names.into_iter() });
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
