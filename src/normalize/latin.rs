//! Latin accent folding: é → e, ß → ss, æ → ae, ø → o, ł → l and the like.
//!
//! A Latin letter whose canonical decomposition is an ASCII letter followed by marks becomes that letter; the
//! letters that have no decomposition but are commonly written without their stroke or ligature in plain text get
//! explicit replacements. Only Latin letters are touched: Cyrillic й or Greek ά keep their marks.

use unicode_normalization::char::decompose_canonical;

/// Replacement of a Latin letter that has no canonical decomposition.
fn special(c: char) -> Option<&'static str> {
    Some(match c {
        'ß' => "ss",
        'ẞ' => "SS",
        'æ' => "ae",
        'Æ' => "AE",
        'œ' => "oe",
        'Œ' => "OE",
        'ø' => "o",
        'Ø' => "O",
        'ł' => "l",
        'Ł' => "L",
        'đ' => "d",
        'Đ' => "D",
        'ð' => "d",
        'Ð' => "D",
        'þ' => "th",
        'Þ' => "TH",
        'ı' => "i",
        'ĳ' => "ij",
        'Ĳ' => "IJ",
        'ħ' => "h",
        'Ħ' => "H",
        'ŧ' => "t",
        'Ŧ' => "T",
        'ŀ' => "l",
        'Ŀ' => "L",
        _ => return None,
    })
}

fn is_latin_block(c: char) -> bool {
    matches!(c, '\u{00C0}'..='\u{024F}' | '\u{1E00}'..='\u{1EFF}' | '\u{2C60}'..='\u{2C7F}' | '\u{A720}'..='\u{A7FF}')
}

/// The ASCII letter `c` decomposes to, when it is a Latin letter with marks.
fn base(c: char) -> Option<char> {
    if !is_latin_block(c) {
        return None;
    }
    let mut first = None;
    decompose_canonical(c, |d| {
        if first.is_none() {
            first = Some(d);
        }
    });
    first.filter(|b| b.is_ascii_alphabetic() && *b != c)
}

/// Whether accent folding changes `c` (a Latin letter with marks or a special letter, or a combining mark of
/// U+0300–U+036F, which is removed after a Latin letter).
pub fn is_foldable(c: char) -> bool {
    special(c).is_some() || base(c).is_some() || is_latin_mark(c)
}

/// Combining diacritical marks, removed after Latin letters.
pub fn is_latin_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Whether `c` is a Latin letter (ASCII or from the Latin blocks), for deciding whether a following combining
/// mark is an accent to remove.
pub fn is_latin_letter(c: char) -> bool {
    c.is_ascii_alphabetic() || (is_latin_block(c) && c.is_alphabetic())
}

/// Push the folded form of `c` onto `out`.
pub fn fold(c: char, out: &mut String) {
    if let Some(s) = special(c) {
        out.push_str(s);
    } else if let Some(b) = base(c) {
        out.push(b);
    } else if !is_latin_mark(c) {
        out.push(c);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn f(s: &str) -> String {
        let mut out = String::new();
        for c in s.chars() {
            fold(c, &mut out);
        }
        out
    }

    #[test]
    fn folds() {
        assert_eq!(f("Crème brûlée"), "Creme brulee");
        assert_eq!(f("Straße"), "Strasse");
        assert_eq!(f("Ærøskøbing"), "AEroskobing");
        assert_eq!(f("Łódź"), "Lodz");
        assert_eq!(f("İstanbul ığdır"), "Istanbul igdir");
        assert_eq!(f("йогурт ά"), "йогурт ά");
    }
}
