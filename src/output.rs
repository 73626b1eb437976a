//! Where reports go: standard output, or a file the user names with `-o FILE`, which is never written over unless
//! asked (`--force`) and never seen half-written.
//!
//! A file is written through a temporary file in the same folder (`.NAME.skillgap-tmp-PID-N`, made with
//! `create_new`), through a [`BufWriter`], so that `extract` and `batch` stream into it as they do to standard
//! output. [`Output::finish`] flushes, syncs and moves it onto `FILE`: with `--force` by a rename, which replaces
//! any file there in one step; without it by a hard link, which fails when a file of that name has appeared since
//! the check at the start, so a file made meanwhile is never clobbered (on a file system without hard links, by a
//! second check and a rename). Until then `FILE` is untouched; on an error, or any return before
//! [`Output::finish`], the temporary file is removed when the [`Output`] is dropped. (A process killed by a signal
//! leaves its temporary file, hidden and named as above, for the user to delete.)
//!
//! A device or a pipe named with `-o` (`/dev/null`, a FIFO) is written to directly: it cannot be replaced, and a
//! rename onto it would swap the device for a file.

use std::fs::{self, File};
use std::io::{self, BufWriter, StdoutLock, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use anyhow::{bail, Context, Result};

/// Output is written in blocks of this many bytes, as it is produced: memory stays flat in the size of the output.
const BUFFER_BYTES: usize = 1 << 16;

/// How many temporary names are tried before giving up (another run, or a killed one, may hold a name).
const TEMP_ATTEMPTS: usize = 100;

/// Numbers the temporary files of one process.
static TEMP_COUNTER: AtomicUsize = AtomicUsize::new(0);

/// Where a command's report goes, as the user asked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Destination {
    /// Standard output (no `-o`, or `-o -`).
    Stdout,
    /// A file, replaced only with `force`.
    File { path: PathBuf, force: bool },
}

impl Destination {
    /// The destination `-o` and `--force` name: `-` (or none) is standard output.
    pub fn from_flags(output: Option<&Path>, force: bool) -> Destination {
        match output {
            Some(path) if path.as_os_str() != "-" => Destination::File { path: path.to_owned(), force },
            _ => Destination::Stdout,
        }
    }
}

/// An open destination. Write to it, then call [`Output::finish`]; dropped before that, a file is not written.
#[derive(Debug)]
pub struct Output {
    kind: Kind,
}

#[derive(Debug)]
enum Kind {
    Stdout(BufWriter<StdoutLock<'static>>),
    /// A device or pipe, written to directly.
    Direct(BufWriter<File>),
    File(PendingFile),
}

/// A temporary file on its way to `target`.
#[derive(Debug)]
struct PendingFile {
    target: PathBuf,
    /// `None` once it has been moved onto the target (or removed).
    temp: Option<PathBuf>,
    force: bool,
    writer: Option<BufWriter<File>>,
}

impl Output {
    /// Opens `destination`: for a file, checks that it may be written and makes the temporary file, so that a
    /// refusal comes before any work.
    pub fn open(destination: &Destination) -> Result<Output> {
        let kind = match destination {
            Destination::Stdout => Kind::Stdout(BufWriter::with_capacity(BUFFER_BYTES, io::stdout().lock())),
            Destination::File { path, force } => open_file(path, *force)?,
        };
        Ok(Output { kind })
    }

    /// Whether this is standard output (where a progress bar must not draw over a piped report).
    pub fn is_stdout(&self) -> bool {
        matches!(self.kind, Kind::Stdout(_))
    }

    /// Flushes everything written; for a file, syncs it to disk and moves it onto the name the user gave.
    pub fn finish(self) -> Result<()> {
        match self.kind {
            Kind::Stdout(mut out) => Ok(out.flush()?),
            Kind::Direct(mut out) => Ok(out.flush()?),
            Kind::File(mut pending) => pending.commit(),
        }
    }
}

impl Write for Output {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match &mut self.kind {
            Kind::Stdout(out) => out.write(buf),
            Kind::Direct(out) => out.write(buf),
            Kind::File(pending) => pending.writer()?.write(buf),
        }
    }

    fn write_all(&mut self, buf: &[u8]) -> io::Result<()> {
        match &mut self.kind {
            Kind::Stdout(out) => out.write_all(buf),
            Kind::Direct(out) => out.write_all(buf),
            Kind::File(pending) => pending.writer()?.write_all(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match &mut self.kind {
            Kind::Stdout(out) => out.flush(),
            Kind::Direct(out) => out.flush(),
            Kind::File(pending) => pending.writer()?.flush(),
        }
    }
}

/// The message for a file that exists.
fn exists_error(name: &str) -> anyhow::Error {
    anyhow::anyhow!("{name} already exists; pass --force to replace it, or choose another -o path")
}

fn open_file(path: &Path, force: bool) -> Result<Kind> {
    let name = path.display().to_string();
    if let Ok(meta) = fs::metadata(path) {
        if meta.is_dir() {
            bail!("{name} is a folder; give -o the path of a file to write");
        }
        if !meta.is_file() {
            let file = fs::OpenOptions::new()
                .write(true)
                .open(path)
                .with_context(|| format!("cannot write to {name}; check its permissions, or choose another -o path"))?;
            return Ok(Kind::Direct(BufWriter::with_capacity(BUFFER_BYTES, file)));
        }
    }
    let Some(file_name) = path.file_name() else {
        bail!("{name} is not a file name; give -o the path of a file to write");
    };
    // `symlink_metadata`: a link counts as a file there, even one to nowhere.
    if !force && path.symlink_metadata().is_ok() {
        return Err(exists_error(&name));
    }
    let folder = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    if !folder.is_dir() {
        bail!(
            "cannot write {name}: the folder {} does not exist; create it first, or choose another -o path",
            folder.display()
        );
    }
    let pid = std::process::id();
    let file_name = file_name.to_string_lossy();
    for _ in 0..TEMP_ATTEMPTS {
        let n = TEMP_COUNTER.fetch_add(1, Ordering::Relaxed);
        let temp = folder.join(format!(".{file_name}.skillgap-tmp-{pid}-{n}"));
        match fs::OpenOptions::new().write(true).create_new(true).open(&temp) {
            Ok(file) => {
                return Ok(Kind::File(PendingFile {
                    target: path.to_owned(),
                    temp: Some(temp),
                    force,
                    writer: Some(BufWriter::with_capacity(BUFFER_BYTES, file)),
                }))
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => {
                return Err(e).with_context(|| {
                    format!(
                        "cannot write {name}: cannot create a file in {}; check that the folder is writable, or choose another -o path",
                        folder.display()
                    )
                })
            }
        }
    }
    bail!(
        "cannot write {name}: no free temporary file name in {}; remove old .{file_name}.skillgap-tmp-* files there",
        folder.display()
    )
}

impl PendingFile {
    fn writer(&mut self) -> io::Result<&mut BufWriter<File>> {
        self.writer.as_mut().ok_or_else(|| io::Error::other("the output file is already closed"))
    }

    /// Flushes and syncs the temporary file and moves it onto the target.
    fn commit(&mut self) -> Result<()> {
        let name = self.target.display().to_string();
        let cannot = || format!("cannot write {name}; check the free space and permissions, or choose another -o path");
        let writer = self.writer.take().ok_or_else(|| anyhow::anyhow!("{name}: written twice"))?;
        let file = writer.into_inner().map_err(|e| e.into_error()).with_context(cannot)?;
        file.sync_all().with_context(cannot)?;
        drop(file);
        let Some(temp) = self.temp.clone() else { bail!("{name}: written twice") };
        if self.force {
            fs::rename(&temp, &self.target).with_context(cannot)?;
        } else {
            match fs::hard_link(&temp, &self.target) {
                Ok(()) => {
                    // The target is complete; a temporary name left behind would only be a second link to it.
                    let _ = fs::remove_file(&temp);
                }
                Err(e) if e.kind() == io::ErrorKind::AlreadyExists => return Err(exists_error(&name)),
                Err(_) => {
                    // No hard links here (some network and FAT file systems): check again, then rename.
                    if self.target.symlink_metadata().is_ok() {
                        return Err(exists_error(&name));
                    }
                    fs::rename(&temp, &self.target).with_context(cannot)?;
                }
            }
        }
        self.temp = None;
        sync_folder(&self.target);
        Ok(())
    }
}

impl Drop for PendingFile {
    fn drop(&mut self) {
        // Close before removing, for file systems that refuse to remove an open file.
        self.writer = None;
        if let Some(temp) = self.temp.take() {
            let _ = fs::remove_file(temp);
        }
    }
}

/// Makes the rename durable where the platform allows syncing a folder; a failure only loses durability.
fn sync_folder(target: &Path) {
    if let Some(folder) = target.parent().filter(|p| !p.as_os_str().is_empty()) {
        if let Ok(dir) = File::open(folder) {
            let _ = dir.sync_all();
        }
    }
}

/// Writes `contents` to `path` as [`Output`] does: through a temporary file and a rename, refusing an existing file
/// unless `force` is set.
pub fn write_new_file(path: &Path, force: bool, contents: &[u8]) -> Result<()> {
    let mut out = Output::open(&Destination::File { path: path.to_owned(), force })?;
    out.write_all(contents).with_context(|| format!("cannot write {}", path.display()))?;
    out.finish()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scratch(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("skillgap-output-{name}-{}", std::process::id()));
        let _ = fs::remove_dir_all(&dir);
        fs::create_dir_all(&dir).expect("scratch dir");
        dir
    }

    fn others(dir: &Path, keep: &str) -> Vec<String> {
        fs::read_dir(dir)
            .expect("dir")
            .flatten()
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|n| n != keep)
            .collect()
    }

    #[test]
    fn writes_a_new_file_and_refuses_to_replace_one_without_force() {
        let dir = scratch("replace");
        let path = dir.join("profile.toml");
        write_new_file(&path, false, b"first").expect("a new file");
        let err = write_new_file(&path, false, b"second").expect_err("exists");
        assert!(err.to_string().contains("already exists; pass --force"), "{err}");
        assert_eq!(fs::read(&path).expect("read"), b"first");
        write_new_file(&path, true, b"second").expect("forced");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        assert!(others(&dir, "profile.toml").is_empty(), "no temporary file is left behind");
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_file() {
        let dir = scratch("missing");
        let path = dir.join("no/such/folder/out.toml");
        let err = write_new_file(&path, false, b"x").expect_err("no folder");
        assert!(err.to_string().contains("out.toml") && err.to_string().contains("does not exist"), "{err}");
    }

    #[test]
    fn nothing_appears_until_finish_and_a_dropped_output_leaves_nothing() {
        let dir = scratch("drop");
        let path = dir.join("report.json");
        let mut out = Output::open(&Destination::File { path: path.clone(), force: false }).expect("open");
        out.write_all(b"half a rep").expect("write");
        out.flush().expect("flush");
        assert!(!path.exists(), "the name appears only when the output is complete");
        drop(out);
        assert!(others(&dir, "").is_empty(), "the temporary file is removed");
    }

    #[test]
    fn a_file_made_while_writing_is_kept() {
        let dir = scratch("race");
        let path = dir.join("report.csv");
        let mut out = Output::open(&Destination::File { path: path.clone(), force: false }).expect("open");
        out.write_all(b"ours").expect("write");
        fs::write(&path, b"theirs").expect("someone else's file");
        let err = out.finish().expect_err("exists now");
        assert!(err.to_string().contains("already exists"), "{err}");
        assert_eq!(fs::read(&path).expect("read"), b"theirs");
        assert!(others(&dir, "report.csv").is_empty(), "the temporary file is removed");
    }

    #[test]
    fn a_folder_and_a_dash() {
        let dir = scratch("folder");
        let err = Output::open(&Destination::File { path: dir.clone(), force: true }).expect_err("a folder");
        assert!(err.to_string().contains("is a folder"), "{err}");
        assert_eq!(Destination::from_flags(Some(Path::new("-")), true), Destination::Stdout);
        assert_eq!(Destination::from_flags(None, false), Destination::Stdout);
    }
}
