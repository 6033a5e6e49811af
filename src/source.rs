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
}

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
            _ => None,
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
        }
    }

    /// Whether this is a Japanese or Chinese encoding, which only builds
    /// with the feature `cjk` decode.
    pub fn is_cjk(self) -> bool {
        matches!(
            self,
            TextEncoding::ShiftJis | TextEncoding::EucJp | TextEncoding::Gbk | TextEncoding::Big5
        )
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
