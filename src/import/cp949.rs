//! The index of CP949 (the WHATWG `EUC-KR` index: 23,750 code points for
//! KS X 1001 and the Unified Hangul Code), which turns a two-byte code into
//! a character. With the feature `cp949` it is built in, from the
//! encoding-index-korean crate. Without it (the core WebAssembly module,
//! which UTF-8 files do not need it in) it is installed at run time from
//! the bytes [`index_bytes`] gives where it is built in: the npm package
//! ships those bytes as `cp949.js` and loads it on the first CP949 file.

use crate::error::{Error, ErrorKind};
use std::sync::OnceLock;

/// How many code points the index holds.
pub const POINTERS: usize = 23_750;
/// The index as bytes: each code point as a little-endian `u16`
/// (0xFFFF where a pointer has none).
pub const INDEX_BYTES: usize = POINTERS * 2;

static INDEX: OnceLock<Box<[u16]>> = OnceLock::new();

/// The index, if it is at hand: built in, or installed.
fn index() -> Option<&'static [u16]> {
    #[cfg(feature = "cp949")]
    return Some(INDEX.get_or_init(|| {
        (0..POINTERS)
            .map(|p| {
                let code = encoding_index_korean::euc_kr::forward(p as u16);
                u16::try_from(code).unwrap_or(u16::MAX)
            })
            .collect()
    }));
    #[cfg(not(feature = "cp949"))]
    INDEX.get().map(|index| &index[..])
}

/// The character of a pointer (`(lead − 0x81) × 190 + trail − 0x41`), if
/// it has one.
#[inline]
pub fn forward(index: &[u16], pointer: u16) -> Option<u32> {
    index
        .get(usize::from(pointer))
        .filter(|&&code| code != u16::MAX)
        .map(|&code| u32::from(code))
}

/// The index, or the error that asks for it to be loaded.
pub fn loaded() -> Result<&'static [u16], Error> {
    index().ok_or_else(|| Error::new(ErrorKind::Cp949NotLoaded))
}

/// Installs the index from its bytes ([`index_bytes`] of a build that has
/// it). Installing it again, or where it is built in, changes nothing.
pub fn install(bytes: &[u8]) -> Result<(), Error> {
    if bytes.len() != INDEX_BYTES {
        return Err(Error::new(ErrorKind::InvalidOption).with_detail(
            format!(
                "CP949 표는 {INDEX_BYTES} 바이트여야 합니다 ({} 바이트)",
                bytes.len()
            ),
            format!(
                "the CP949 index must be {INDEX_BYTES} bytes, not {}",
                bytes.len()
            ),
        ));
    }
    let codes = bytes
        .chunks_exact(2)
        .map(|pair| u16::from_le_bytes([pair[0], pair[1]]))
        .collect();
    let _ = INDEX.set(codes);
    Ok(())
}

/// The index as bytes, for [`install`] in a build without it.
#[cfg(feature = "cp949")]
pub fn index_bytes() -> Vec<u8> {
    index()
        .unwrap_or_default()
        .iter()
        .flat_map(|code| code.to_le_bytes())
        .collect()
}

#[cfg(all(test, feature = "cp949"))]
mod tests {
    use super::*;

    #[test]
    fn the_index_crosses_as_bytes_unchanged() {
        let bytes = index_bytes();
        assert_eq!(bytes.len(), INDEX_BYTES);
        // 0xB0 0xA1 is 가 (pointer (0xB0-0x81)*190 + 0xA1-0x41 = 9026).
        assert_eq!(forward(loaded().unwrap(), 9026), Some(0xAC00));
        // 0x81 0x41 is 갂, of the Unified Hangul Code.
        assert_eq!(forward(loaded().unwrap(), 0), Some(0xAC02));
        assert_eq!(forward(loaded().unwrap(), POINTERS as u16), None);
        assert!(install(&bytes).is_ok());
        assert!(install(&bytes[1..]).is_err());
    }
}
