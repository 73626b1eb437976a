//! Writing files the user names (`-o FILE`): never over an existing file unless asked, and never half-written.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context, Result};

/// Writes `contents` to `path` through a temporary file beside it and a rename, so a reader never sees half a
/// file and a failed write leaves any old file as it was. An existing `path` is refused unless `force` is set.
pub fn write_new_file(path: &Path, force: bool, contents: &[u8]) -> Result<()> {
    let name = path.display().to_string();
    if path.is_dir() {
        bail!("{name} is a folder; give the path of a file to write");
    }
    if !force && path.symlink_metadata().is_ok() {
        bail!("{name} already exists; give --force to replace it, or another file name");
    }
    let temp = temp_path(path);
    let written = (|| -> std::io::Result<()> {
        let mut file = fs::OpenOptions::new().write(true).create_new(true).open(&temp)?;
        file.write_all(contents)?;
        file.sync_all()
    })();
    if let Err(err) = written {
        let _ = fs::remove_file(&temp);
        return Err(err).with_context(|| format!("cannot write {name}; check that its folder exists and is writable"));
    }
    if !force && path.symlink_metadata().is_ok() {
        // Someone made the file while this one was written: theirs stays.
        let _ = fs::remove_file(&temp);
        bail!("{name} already exists; give --force to replace it, or another file name");
    }
    fs::rename(&temp, path).map_err(|err| {
        let _ = fs::remove_file(&temp);
        anyhow::Error::from(err).context(format!("cannot write {name}"))
    })
}

/// `.NAME.PID.tmp` in the same folder, so the rename stays on one file system.
fn temp_path(path: &Path) -> PathBuf {
    let file_name = path.file_name().map_or_else(|| "output".into(), |n| n.to_string_lossy().into_owned());
    path.with_file_name(format!(".{file_name}.{}.tmp", std::process::id()))
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

    #[test]
    fn writes_a_new_file_and_refuses_to_replace_one_without_force() {
        let dir = scratch("replace");
        let path = dir.join("profile.toml");
        write_new_file(&path, false, b"first").expect("a new file");
        let err = write_new_file(&path, false, b"second").expect_err("exists");
        assert!(err.to_string().contains("already exists; give --force"), "{err}");
        assert_eq!(fs::read(&path).expect("read"), b"first");
        write_new_file(&path, true, b"second").expect("forced");
        assert_eq!(fs::read(&path).expect("read"), b"second");
        let leftovers: Vec<_> =
            fs::read_dir(&dir).expect("dir").flatten().filter(|e| e.file_name() != "profile.toml").collect();
        assert!(leftovers.is_empty(), "no temporary file is left behind");
    }

    #[test]
    fn a_missing_folder_is_an_error_naming_the_file() {
        let dir = scratch("missing");
        let path = dir.join("no/such/folder/out.toml");
        let err = write_new_file(&path, false, b"x").expect_err("no folder");
        assert!(err.to_string().contains("out.toml"), "{err}");
    }
}
