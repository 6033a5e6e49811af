//! A ZIP archive that is not a workbook (feature `spreadsheet`, whose ZIP
//! reader it shares): a Fiscal Data Package zipped with its CSV, or the
//! files of a series. Its files come out with their bytes, counted against
//! the size limit as they are inflated, so that an archive that inflates
//! far beyond what it says (a ZIP bomb) is stopped, not followed.

use crate::error::{Error, ErrorKind};
use crate::options::Options;
use std::io::{Cursor, Read};

/// The most files an archive may hold.
pub const MAX_ENTRIES: usize = 1_000;

/// A file of the archive.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    pub name: String,
    pub data: Vec<u8>,
}

/// A ZIP archive whose files make a workbook (.xlsx, .xlsb, .ods) rather
/// than hold files of their own.
pub fn is_workbook(bytes: &[u8]) -> bool {
    let Ok(archive) = zip::ZipArchive::new(Cursor::new(bytes)) else {
        return false;
    };
    let workbook = archive
        .file_names()
        .filter_map(Result::ok)
        .any(|name| name == "[Content_Types].xml" || name == "mimetype");
    workbook
}

fn unreadable(error: impl std::fmt::Display) -> Error {
    let detail = error.to_string();
    Error::new(ErrorKind::BadSpreadsheet).with_detail(detail.clone(), detail)
}

/// The files of the archive (folders and hidden files left out), with at
/// most `limits.maxBytes` inflated in all.
pub fn entries(bytes: &[u8], options: &Options) -> Result<Vec<Entry>, Error> {
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).map_err(unreadable)?;
    if archive.len() > MAX_ENTRIES {
        return Err(Error::new(ErrorKind::TooComplex).with_detail(
            format!(
                "압축 파일에 파일이 {}개 있습니다 (최대 {MAX_ENTRIES}개)",
                archive.len()
            ),
            format!(
                "the archive holds {} files (at most {MAX_ENTRIES})",
                archive.len()
            ),
        ));
    }
    let mut left = options.limits.max_bytes;
    let mut found = Vec::new();
    for index in 0..archive.len() {
        let file = archive.by_index(index).map_err(unreadable)?;
        let name = file.name().map_err(unreadable)?.to_string();
        let base = name.rsplit('/').next().unwrap_or(&name).to_string();
        if file.is_dir() || base.is_empty() || base.starts_with('.') || name.starts_with("__MACOSX")
        {
            continue;
        }
        let mut data = Vec::new();
        file.take(left as u64 + 1)
            .read_to_end(&mut data)
            .map_err(unreadable)?;
        if data.len() > left {
            return Err(Error::new(ErrorKind::TooLarge).with_detail(
                format!("압축을 풀면 {} 바이트를 넘습니다", options.limits.max_bytes),
                format!(
                    "the archive inflates to more than {} bytes",
                    options.limits.max_bytes
                ),
            ));
        }
        left -= data.len();
        found.push(Entry { name: base, data });
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_archive_that_inflates_past_the_limit_is_stopped() {
        let mut zipped = Vec::new();
        {
            let mut writer = zip::ZipWriter::new(Cursor::new(&mut zipped));
            let deflated = zip::write::SimpleFileOptions::default();
            writer.start_file("zeros.csv", deflated).unwrap();
            std::io::Write::write_all(&mut writer, &vec![b'0'; 1 << 20]).unwrap();
            writer.finish().unwrap();
        }
        assert!(zipped.len() < 10_000, "{}", zipped.len());
        let mut options = Options::default();
        options.limits.max_bytes = 100_000;
        assert_eq!(entries(&zipped, &options).unwrap_err().code(), "too_large");
        options.limits.max_bytes = 2 << 20;
        let found = entries(&zipped, &options).unwrap();
        assert_eq!(
            (found[0].name.as_str(), found[0].data.len()),
            ("zeros.csv", 1 << 20)
        );
        assert!(!is_workbook(&zipped));
    }
}
