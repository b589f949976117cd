//! The Arabic grouping key on a hand-checked table of seed words (tests/fixtures/arabic_keys.tsv), pairs that must
//! stay apart, and the document-context rules of the keyword stage.
#![allow(clippy::expect_used)]

use maqal::lang::arabic::key;
use maqal::normalize::{normalize, NormalizeOptions};

fn norm(w: &str) -> String {
    normalize(w, &NormalizeOptions::default()).text.into_owned()
}

#[test]
fn hand_checked_table() {
    let mut n = 0;
    let mut wrong = Vec::new();
    for line in include_str!("fixtures/arabic_keys.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
    {
        let mut cols = line.split('\t');
        let word = cols.next().expect("word");
        let expected = cols.next().expect("key");
        let got = key(&norm(word)).to_string();
        if got != expected {
            wrong.push(format!("{word}: {got} (expected {expected})"));
        }
        n += 1;
    }
    assert!(n >= 100, "{n} entries");
    assert!(wrong.is_empty(), "{wrong:?}");
}

#[test]
fn unrelated_words_stay_apart() {
    for (a, b) in [
        ("إلى", "إلا"),
        ("أمريكي", "أمريكا"),
        ("لبنان", "لبن"),
        ("إيران", "إير"),
        ("تعيين", "تعي"),
        ("قانون", "قان"),
        ("فلسطين", "فلسط"),
        ("مكان", "مكانه"),
        ("بنات", "بن"),
        ("الله", "اله"),
        // Three letters after the article stay whole: ألف is not ف, الآلة not ة.
        ("الألف", "ف"),
        ("الآلة", "لة"),
    ] {
        assert_ne!(key(&norm(a)), key(&norm(b)), "{a} / {b}");
    }
}

#[test]
fn forms_that_group() {
    for group in [
        &["المغرب", "بالمغرب", "للمغرب", "والمغرب", "فالمغرب"][..],
        &["الإسرائيلي", "الإسرائيلية", "الإسرائيليين", "إسرائيليون"][..],
        &["قرار", "القرارات", "قرارات"][..],
        &["مفاوضات", "المفاوضة"][..],
        &["الطائرات", "طائرة", "للطائرات"][..],
        // A word that starts with أل or إل: its ل is no article's, with or without one before it.
        &["ألعاب", "الألعاب", "للألعاب", "بالألعاب"][..],
        &["ألماني", "الألمانية", "الألماني"][..],
        &["إلغاء", "الإلغاء"][..],
        &["التزام", "الالتزام", "بالالتزام"][..],
        &["إلكترونية", "الإلكترونية", "الإلكتروني"][..],
    ] {
        let k = key(&norm(group[0])).to_string();
        for w in group {
            assert_eq!(key(&norm(w)), k, "{w} in {group:?}");
        }
    }
}

#[test]
fn document_context_resolves_lam_lam_and_lone_proclitics() {
    // "اللجنة" stands between punctuation, so that no longer phrase containing it outranks it.
    let text = "اجتمعت، في الرباط، اللجنة. وقدمت، كما قيل، اللجنة، تقريرا مفصلا. \
                وقال رئيس، للجنة: التقرير جاهز. ونقلت الوكالة: اللجنة، ستجتمع مجددا. \
                وأكدت بالإعادة أن الإعادة ضرورية، وأن الإعادة ستتم.";
    let a = maqal::analyze(text, &maqal::Options::default()).expect("analysis");
    let committee = a
        .keywords
        .iter()
        .find(|k| k.key == "لجن")
        .expect("لجنة is a keyword");
    let forms: std::collections::BTreeSet<&str> = committee
        .spans
        .iter()
        .map(|s| &text[s.byte_start..s.byte_end])
        .collect();
    assert!(
        forms.contains("للجنة") && forms.contains("اللجنة"),
        "{forms:?}"
    );
    assert!(!a.keywords.iter().any(|k| k.key == "جنة"));
}
