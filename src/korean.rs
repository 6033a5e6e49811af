//! Korean particles (조사) that fit the word before them: `'소계'는`,
//! `'인건비'은`, `14805000은`, `'Total'은(는)`. A particle's form follows
//! the last sound of the word: a final consonant (받침) takes `은`, `이`,
//! `과`, `을`, `으로`; none takes `는`, `가`, `와`, `를`, `로` (as does a
//! final ㄹ for `로`). Where the word ends in a letter whose Korean reading
//! is not known (Latin script), both forms are written: `은(는)`.

/// A particle, by what it marks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Particle {
    /// 은/는: the topic.
    Topic,
    /// 이/가: the subject.
    Subject,
    /// 과/와: and, with.
    With,
    /// 을/를: the object.
    Object,
    /// (으)로: as, into.
    Into,
}

/// How a word ends when read in Korean.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Ending {
    Open,
    /// A final consonant other than ㄹ.
    Closed,
    /// A final ㄹ.
    Rieul,
}

/// How `word` ends, from its last letter or digit (quotes, brackets and
/// dots after it are passed over); `None` where its reading is not known.
fn ending(word: &str) -> Option<Ending> {
    let last = word.chars().rev().find(|c| c.is_alphanumeric())?;
    if ('가'..='힣').contains(&last) {
        return Some(match (last as u32 - '가' as u32) % 28 {
            0 => Ending::Open,
            8 => Ending::Rieul,
            _ => Ending::Closed,
        });
    }
    // 영, 일, 이, 삼, 사, 오, 육, 칠, 팔, 구.
    match last {
        '0' | '3' | '6' => Some(Ending::Closed),
        '1' | '7' | '8' => Some(Ending::Rieul),
        '2' | '4' | '5' | '9' => Some(Ending::Open),
        _ => None,
    }
}

/// The form of `particle` that fits after `word`.
pub fn after(word: &str, particle: Particle) -> &'static str {
    let (closed, open, both) = match particle {
        Particle::Topic => ("은", "는", "은(는)"),
        Particle::Subject => ("이", "가", "이(가)"),
        Particle::With => ("과", "와", "과(와)"),
        Particle::Object => ("을", "를", "을(를)"),
        Particle::Into => ("으로", "로", "(으)로"),
    };
    match (ending(word), particle) {
        (Some(Ending::Rieul), Particle::Into) | (Some(Ending::Open), _) => open,
        (Some(_), _) => closed,
        (None, _) => both,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn particles_follow_the_last_sound() {
        assert_eq!(after("'소계'", Particle::Topic), "는");
        assert_eq!(after("'인건비 합계'", Particle::Topic), "는");
        assert_eq!(after("'일반회계'", Particle::Subject), "가");
        assert_eq!(after("'운영비'", Particle::Into), "로");
        assert_eq!(after("'인건비 (2–3)'", Particle::Into), "으로");
        assert_eq!(after("'시설물'", Particle::Into), "로");
        assert_eq!(after("'사업'", Particle::Into), "으로");
        assert_eq!(after("'사업'", Particle::Topic), "은");
        assert_eq!(after("14805000", Particle::Topic), "은");
        assert_eq!(after("16225000", Particle::With), "과");
        assert_eq!(after("12809656.49", Particle::With), "와");
        assert_eq!(after("'Total Capital Outlay'", Particle::Topic), "은(는)");
        assert_eq!(after("'Capital Outlay'", Particle::Into), "(으)로");
        assert_eq!(after("", Particle::Object), "을(를)");
    }
}
