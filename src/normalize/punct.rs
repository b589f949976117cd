//! Typographic punctuation unified to ASCII: curly and angle quotes, apostrophes, dashes, the ellipsis.

/// ASCII replacement of a typographic quote, apostrophe, dash or ellipsis.
#[inline]
pub fn fold(c: char) -> Option<&'static str> {
    Some(match c {
        '“' | '”' | '„' | '‟' | '«' | '»' | '″' | '‶' | '〝' | '〞' | '＂' | '‹' | '›' => {
            "\""
        }
        '‘' | '’' | '‚' | '‛' | '′' | '‵' | 'ʼ' | '＇' => "'",
        '‐' | '‑' | '‒' | '–' | '—' | '―' | '−' | '⁃' | '﹘' | '﹣' | '－' => {
            "-"
        }
        '…' => "...",
        _ => return None,
    })
}
