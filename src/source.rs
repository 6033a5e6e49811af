//! Where a budget came from and how it was read: the format, the text
//! encoding, the delimiter, the lines above the header and, of a
//! spreadsheet, the sheet.

use serde::{Deserialize, Serialize, Serializer};

/// A text encoding yesan reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum TextEncoding {
    #[serde(rename = "utf-8")]
    Utf8,
    #[serde(rename = "utf-16le")]
    Utf16Le,
    #[serde(rename = "utf-16be")]
    Utf16Be,
    /// CP949 (Windows' superset of EUC-KR), the WHATWG `EUC-KR`.
    #[serde(rename = "cp949")]
    Cp949,
    /// Windows-1252, which the WHATWG standard also reads for `latin1` and
    /// `iso-8859-1`: Western European text with accents (Públicos, Bürger).
    #[serde(rename = "windows-1252")]
    Windows1252,
    /// Shift_JIS (Windows' code page 932), in which Japanese public CSV
    /// files are mostly written.
    #[serde(rename = "shift_jis")]
    ShiftJis,
    /// EUC-JP, older Japanese text.
    #[serde(rename = "euc-jp")]
    EucJp,
    /// GBK (GB 2312's superset; decoded as the WHATWG `gb18030`),
    /// simplified Chinese.
    #[serde(rename = "gbk")]
    Gbk,
    /// Big5, traditional Chinese.
    #[serde(rename = "big5")]
    Big5,
    /// Windows-1250: Central European (Polish, Czech, Hungarian, Croatian).
    #[serde(rename = "windows-1250")]
    Windows1250,
    /// Windows-1251: Cyrillic (Russian, Ukrainian, Bulgarian, Serbian).
    #[serde(rename = "windows-1251")]
    Windows1251,
    /// Windows-1253: Greek.
    #[serde(rename = "windows-1253")]
    Windows1253,
    /// Windows-1254: Turkish.
    #[serde(rename = "windows-1254")]
    Windows1254,
    /// Windows-1255: Hebrew.
    #[serde(rename = "windows-1255")]
    Windows1255,
    /// Windows-1256: Arabic.
    #[serde(rename = "windows-1256")]
    Windows1256,
    /// Windows-1257: Baltic (Lithuanian, Latvian, Estonian).
    #[serde(rename = "windows-1257")]
    Windows1257,
    /// Windows-1258: Vietnamese.
    #[serde(rename = "windows-1258")]
    Windows1258,
    /// Windows-874 (TIS-620): Thai.
    #[serde(rename = "windows-874")]
    Windows874,
    /// KOI8-U: Russian and Ukrainian, older.
    #[serde(rename = "koi8-u")]
    Koi8U,
    /// IBM866: Russian in DOS.
    #[serde(rename = "ibm866")]
    Ibm866,
    /// ISO-8859-2: Central European.
    #[serde(rename = "iso-8859-2")]
    Iso8859_2,
    /// ISO-8859-4: Baltic.
    #[serde(rename = "iso-8859-4")]
    Iso8859_4,
    /// ISO-8859-5: Cyrillic.
    #[serde(rename = "iso-8859-5")]
    Iso8859_5,
    /// ISO-8859-6: Arabic.
    #[serde(rename = "iso-8859-6")]
    Iso8859_6,
    /// ISO-8859-7: Greek.
    #[serde(rename = "iso-8859-7")]
    Iso8859_7,
    /// ISO-8859-8: Hebrew.
    #[serde(rename = "iso-8859-8")]
    Iso8859_8,
    /// ISO-8859-13: Baltic.
    #[serde(rename = "iso-8859-13")]
    Iso8859_13,
}

/// The single-byte encodings besides Windows-1252: each with its WHATWG
/// name and labels, and the Windows names (`cp1251`).
const SINGLE_BYTE: [(TextEncoding, &str, &[&str]); 18] = [
    (
        TextEncoding::Windows1250,
        "Windows-1250",
        &["windows-1250", "cp1250", "x-cp1250"],
    ),
    (
        TextEncoding::Windows1251,
        "Windows-1251",
        &["windows-1251", "cp1251", "x-cp1251"],
    ),
    (
        TextEncoding::Windows1253,
        "Windows-1253",
        &["windows-1253", "cp1253", "x-cp1253"],
    ),
    (
        TextEncoding::Windows1254,
        "Windows-1254",
        &["windows-1254", "cp1254", "x-cp1254", "iso-8859-9", "latin5"],
    ),
    (
        TextEncoding::Windows1255,
        "Windows-1255",
        &["windows-1255", "cp1255", "x-cp1255"],
    ),
    (
        TextEncoding::Windows1256,
        "Windows-1256",
        &["windows-1256", "cp1256", "x-cp1256"],
    ),
    (
        TextEncoding::Windows1257,
        "Windows-1257",
        &["windows-1257", "cp1257", "x-cp1257"],
    ),
    (
        TextEncoding::Windows1258,
        "Windows-1258",
        &["windows-1258", "cp1258", "x-cp1258"],
    ),
    (
        TextEncoding::Windows874,
        "Windows-874",
        &["windows-874", "tis-620", "iso-8859-11", "dos-874"],
    ),
    (TextEncoding::Koi8U, "KOI8-U", &["koi8-u", "koi8-ru"]),
    (
        TextEncoding::Ibm866,
        "IBM866",
        &["ibm866", "cp866", "866", "csibm866"],
    ),
    (
        TextEncoding::Iso8859_2,
        "ISO-8859-2",
        &["iso-8859-2", "iso8859-2", "latin2", "l2"],
    ),
    (
        TextEncoding::Iso8859_4,
        "ISO-8859-4",
        &["iso-8859-4", "iso8859-4", "latin4", "l4"],
    ),
    (
        TextEncoding::Iso8859_5,
        "ISO-8859-5",
        &["iso-8859-5", "iso8859-5", "cyrillic"],
    ),
    (
        TextEncoding::Iso8859_6,
        "ISO-8859-6",
        &["iso-8859-6", "iso8859-6", "arabic"],
    ),
    (
        TextEncoding::Iso8859_7,
        "ISO-8859-7",
        &["iso-8859-7", "iso8859-7", "greek"],
    ),
    (
        TextEncoding::Iso8859_8,
        "ISO-8859-8",
        &["iso-8859-8", "iso8859-8", "hebrew"],
    ),
    (
        TextEncoding::Iso8859_13,
        "ISO-8859-13",
        &["iso-8859-13", "iso8859-13"],
    ),
];

impl TextEncoding {
    /// Reads an encoding's name as a user would write it: `utf-8`, `cp949`,
    /// `euc-kr`, `ms949`, `utf-16le`, … (WHATWG labels, plus the Windows names).
    pub fn from_label(label: &str) -> Option<TextEncoding> {
        let label = label.trim().to_ascii_lowercase();
        if matches!(label.as_str(), "cp949" | "ms949" | "uhc" | "x-windows-949") {
            return Some(TextEncoding::Cp949);
        }
        // The WHATWG labels of the encodings, plus the Windows names.
        match label.as_str() {
            "unicode-1-1-utf-8" | "unicode11utf8" | "unicode20utf8" | "utf-8" | "utf8"
            | "x-unicode20utf8" => Some(TextEncoding::Utf8),
            "csunicode" | "iso-10646-ucs-2" | "ucs-2" | "unicode" | "unicodefeff" | "utf-16"
            | "utf-16le" => Some(TextEncoding::Utf16Le),
            "unicodefffe" | "utf-16be" => Some(TextEncoding::Utf16Be),
            "cseuckr" | "csksc56011987" | "euc-kr" | "iso-ir-149" | "korean" | "ks_c_5601-1987"
            | "ks_c_5601-1989" | "ksc5601" | "ksc_5601" | "windows-949" => {
                Some(TextEncoding::Cp949)
            }
            "windows-1252" | "cp1252" | "x-cp1252" | "latin1" | "iso-8859-1" | "iso8859-1"
            | "iso_8859-1" | "l1" | "cp819" | "ibm819" | "ascii" | "us-ascii" | "iso-ir-100" => {
                Some(TextEncoding::Windows1252)
            }
            "shift_jis" | "shift-jis" | "sjis" | "csshiftjis" | "ms932" | "cp932" | "ms_kanji"
            | "windows-31j" | "x-sjis" => Some(TextEncoding::ShiftJis),
            "euc-jp" | "cseucpkdfmtjapanese" | "x-euc-jp" => Some(TextEncoding::EucJp),
            "gbk" | "gb2312" | "gb18030" | "chinese" | "csgb2312" | "csiso58gb231280"
            | "gb_2312" | "gb_2312-80" | "iso-ir-58" | "x-gbk" | "cp936" | "ms936" => {
                Some(TextEncoding::Gbk)
            }
            "big5" | "big5-hkscs" | "cn-big5" | "csbig5" | "x-x-big5" | "cp950" | "ms950" => {
                Some(TextEncoding::Big5)
            }
            _ => SINGLE_BYTE
                .iter()
                .find(|(_, _, labels)| labels.contains(&label.as_str()))
                .map(|(encoding, _, _)| *encoding),
        }
    }

    /// The encoding's usual name, e.g. `CP949`.
    pub fn name(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf16Le => "UTF-16LE",
            TextEncoding::Utf16Be => "UTF-16BE",
            TextEncoding::Cp949 => "CP949",
            TextEncoding::Windows1252 => "Windows-1252",
            TextEncoding::ShiftJis => "Shift_JIS",
            TextEncoding::EucJp => "EUC-JP",
            TextEncoding::Gbk => "GBK",
            TextEncoding::Big5 => "Big5",
            other => SINGLE_BYTE
                .iter()
                .find(|(encoding, _, _)| *encoding == other)
                .map_or("", |(_, name, _)| name),
        }
    }

    /// Whether only builds with the feature `encodings` decode this
    /// encoding (with encoding_rs): the Japanese, Chinese and single-byte
    /// ones other than Windows-1252. The core module has UTF-8, UTF-16,
    /// Windows-1252 and (its index installed) CP949.
    pub fn needs_encoding_rs(self) -> bool {
        !matches!(
            self,
            TextEncoding::Utf8
                | TextEncoding::Utf16Le
                | TextEncoding::Utf16Be
                | TextEncoding::Cp949
                | TextEncoding::Windows1252
        )
    }

    /// The single-byte encodings other than Windows-1252.
    pub fn single_byte() -> impl Iterator<Item = TextEncoding> {
        SINGLE_BYTE.iter().map(|(encoding, _, _)| *encoding)
    }
}

/// Where the budget came from and how it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Source {
    /// `csv` or `tsv` (or `text` for other delimiters), `html`, `basis`,
    /// `report`, or the spreadsheet's `xlsx`, `xls`, `xlsb`, `ods`.
    pub format: &'static str,
    /// Detected or forced encoding; `None` when the input was already text.
    pub encoding: Option<TextEncoding>,
    #[serde(serialize_with = "serialize_char")]
    pub delimiter: Option<char>,
    /// 1-based line of the header row.
    pub header_row: usize,
    /// Title and caption lines above the header, as read.
    pub caption: Vec<String>,
    /// The sheet read, when the file is a spreadsheet.
    pub sheet: Option<String>,
    /// Every sheet of the spreadsheet, in order (empty for other formats).
    pub sheets: Vec<String>,
    /// The files of a series, in the order of their years (empty for one file).
    pub files: Vec<SeriesFile>,
}

/// One file of a series and the year it was read as.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SeriesFile {
    pub name: String,
    pub year: i32,
}

fn serialize_char<S: Serializer>(value: &Option<char>, serializer: S) -> Result<S::Ok, S::Error> {
    match value {
        Some(c) => serializer.serialize_str(&c.to_string()),
        None => serializer.serialize_none(),
    }
}
