//! Reading an input file's bytes, bounded by the size limit whatever the file claims.

use std::io::Read as _;
use std::path::Path;

use crate::{Error, Result};

/// Reads the bytes of the input at `path` (`rel_path` names it in errors), refusing what is
/// not a regular file and stopping at `max_bytes`.
///
/// The file type is checked before the file is opened (a FIFO would block the open) and
/// again on the open handle; the read is capped at `max_bytes + 1` bytes, so a file that
/// grows while it is read, or a device that reports size 0, cannot make the read unbounded.
/// Symlinks are followed (the caller decides which symlinks to accept).
///
/// # Errors
/// [`Error::NotRegularFile`] for FIFOs, devices, sockets and directories;
/// [`Error::TooLarge`] when the file holds more than `max_bytes` bytes; [`Error::Io`] when it
/// cannot be opened or read (including paths longer than the system allows).
pub fn read_input(path: &Path, rel_path: &str, max_bytes: u64) -> Result<Vec<u8>> {
    let io = |source| Error::Io {
        path: rel_path.to_owned(),
        source,
    };
    let meta = fs_err::metadata(path).map_err(io)?;
    if let Some(kind) = irregular_kind(&meta.file_type()) {
        return Err(Error::NotRegularFile {
            path: rel_path.to_owned(),
            kind,
        });
    }
    if meta.len() > max_bytes {
        return Err(Error::TooLarge {
            path: rel_path.to_owned(),
            size: meta.len(),
            limit: max_bytes,
        });
    }
    let file = fs_err::File::open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    if let Some(kind) = irregular_kind(&meta.file_type()) {
        return Err(Error::NotRegularFile {
            path: rel_path.to_owned(),
            kind,
        });
    }
    let capacity = usize::try_from(meta.len().min(max_bytes)).unwrap_or(0);
    let mut bytes = Vec::with_capacity(capacity);
    file.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > max_bytes {
        return Err(Error::TooLarge {
            path: rel_path.to_owned(),
            size: bytes.len() as u64,
            limit: max_bytes,
        });
    }
    Ok(bytes)
}

/// What a non-regular file is ("FIFO", "character device", …); `None` for a regular file.
pub fn irregular_kind(file_type: &std::fs::FileType) -> Option<&'static str> {
    if file_type.is_file() {
        return None;
    }
    if file_type.is_dir() {
        return Some("directory");
    }
    if file_type.is_symlink() {
        return Some("symbolic link");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt as _;
        if file_type.is_fifo() {
            return Some("FIFO (named pipe)");
        }
        if file_type.is_char_device() {
            return Some("character device");
        }
        if file_type.is_block_device() {
            return Some("block device");
        }
        if file_type.is_socket() {
            return Some("socket");
        }
    }
    Some("special file")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_regular_files_up_to_the_limit() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        fs_err::write(&file, "abcd").unwrap();
        assert_eq!(read_input(&file, "a.txt", 4).unwrap(), b"abcd");
        let err = read_input(&file, "a.txt", 3).unwrap_err();
        assert!(
            matches!(
                err,
                Error::TooLarge {
                    size: 4,
                    limit: 3,
                    ..
                }
            ),
            "{err}"
        );
        let err = read_input(dir.path(), "d", 3).unwrap_err();
        assert_eq!(
            err.to_string(),
            "d: not a regular file (directory); only regular files are read"
        );
    }

    #[cfg(unix)]
    #[test]
    fn devices_are_refused_and_never_read() {
        let err = read_input(Path::new("/dev/zero"), "zero.txt", 1 << 20).unwrap_err();
        assert!(
            matches!(
                err,
                Error::NotRegularFile {
                    kind: "character device",
                    ..
                }
            ),
            "{err}"
        );
    }
}
