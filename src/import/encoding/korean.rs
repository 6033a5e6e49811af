//! Whether text decoded as CP949 is Korean. Japanese and Chinese text in
//! their own encodings often decode as CP949 without an error, into Hangul
//! syllables and Hanja, so that decoding alone does not tell. What does:
//! Korean text is written mostly in a few hundred syllables; the syllables
//! other text turns into are spread over all 11,172 (the Unified Hangul
//! Code's rare ones too), and come with Hanja and kana.

/// The syllables that make most of Korean text, 263: the 256 most frequent
/// in Korean budget documents and the national budget's open data (98.7 %
/// of the syllables of this project's own Korean files, which were not
/// counted), with the most frequent of everyday Korean. Sorted, for
/// a binary search.
const COMMON: [char; 263] = [
    '가', '간', '감', '강', '개', '거', '건', '검', '것', '게', '격', '결', '경', '계', '고', '곡',
    '공', '과', '관', '광', '교', '구', '국', '군', '권', '규', '그', '근', '금', '급', '기', '나',
    '난', '내', '너', '년', '노', '농', '는', '능', '니', '다', '단', '달', '담', '당', '대', '도',
    '동', '드', '들', '등', '디', '라', '래', '랜', '량', '력', '련', '령', '로', '록', '료', '류',
    '를', '리', '림', '립', '마', '만', '말', '망', '매', '면', '명', '모', '목', '무', '문', '물',
    '미', '민', '밀', '및', '바', '박', '반', '발', '방', '범', '법', '변', '별', '병', '보', '복',
    '본', '부', '북', '분', '브', '비', '사', '산', '상', '색', '생', '서', '석', '선', '설', '성',
    '세', '센', '셜', '소', '속', '손', '송', '수', '순', '술', '스', '시', '식', '신', '실', '심',
    '아', '안', '앙', '애', '액', '약', '양', '어', '업', '없', '에', '여', '역', '연', '영', '예',
    '오', '외', '요', '용', '우', '운', '울', '원', '월', '위', '유', '육', '율', '융', '으', '을',
    '응', '의', '이', '익', '인', '일', '임', '입', '있', '자', '작', '장', '재', '쟁', '저', '적',
    '전', '점', '정', '제', '조', '족', '종', '주', '준', '중', '증', '지', '직', '진', '질', '집',
    '차', '찰', '참', '창', '책', '처', '천', '철', '청', '체', '초', '촌', '총', '추', '축', '춘',
    '출', '충', '취', '츠', '층', '치', '친', '콘', '타', '터', '텐', '템', '토', '통', '투', '트',
    '특', '판', '편', '평', '폐', '포', '표', '품', '프', '하', '학', '한', '함', '합', '항', '해',
    '행', '향', '허', '헌', '험', '혁', '현', '협', '형', '호', '홍', '화', '확', '환', '활', '황',
    '회', '획', '효', '후', '훈', '휴', '흥',
];

/// Whether `text` (UTF-8, its head is enough) is Korean: at least half of
/// its letters beyond ASCII are common Hangul syllables. Text without such
/// letters (numbers, symbols such as △ and ㎡) is taken for Korean, the
/// encoding of most files that reach this question.
pub fn looks_korean(text: &[u8]) -> bool {
    let (common, other) = letters(text);
    common >= other
}

/// Whether `text` shows itself Korean: some of its letters are common
/// Hangul syllables, and at least half.
pub fn is_korean(text: &[u8]) -> bool {
    let (common, other) = letters(text);
    common > 0 && common >= other
}

/// How many of the letters of `text` beyond ASCII are common Hangul
/// syllables, and how many are other letters.
fn letters(text: &[u8]) -> (usize, usize) {
    let (mut common, mut other) = (0usize, 0usize);
    for c in String::from_utf8_lossy(text).chars() {
        if c.is_ascii() || !c.is_alphabetic() {
            continue;
        }
        if COMMON.binary_search(&c).is_ok() {
            common += 1;
        } else {
            other += 1;
        }
    }
    (common, other)
}
