//! Reading a sheet or a list file the person dropped or chose: a regular file only, up to a
//! limit, without waiting on a pipe or reading a device forever
//! (`credentials::regular_file`, shared with credential files), refused in words naming it.
//!
//! Not here: what the bytes mean (`sheets`, `list_files`).

use std::path::Path;

use crate::app::sheet_files::file_name_of;
use metadesk_base::error_code::ErrorCode;
use metadesk_clients::error::{Error, Result};
use metadesk_credentials::regular_file::{FileRefusal, read_regular_file};

/// The bytes of `path`, at most `limit`; `too_large(file name, size)` words a file over it.
pub(crate) fn read_user_file(
    path: &Path,
    limit: u64,
    too_large: impl FnOnce(&str, u64) -> Error,
) -> Result<Vec<u8>> {
    let name = file_name_of(path);
    read_regular_file(path, limit).map_err(|refusal| match refusal {
        FileRefusal::TooLarge { size } => too_large(&name, size),
        FileRefusal::Folder => Error::message(
            ErrorCode::InvalidInput,
            "error-file-is-folder",
            vec![("file", name.as_str().into())],
        ),
        FileRefusal::NotRegular => Error::message(
            ErrorCode::InvalidInput,
            "error-file-not-regular",
            vec![("file", name.as_str().into())],
        ),
        FileRefusal::Io(e) => Error::io_doing("io-read", vec![("path", name.as_str().into())], e),
    })
}
