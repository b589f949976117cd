use maqal::normalize::*;
use std::time::Instant;
fn main() {
    let t = std::fs::read_to_string("/tmp/ar100.txt").unwrap();
    let o = NormalizeOptions::default();
    println!(
        "needs composition: {}",
        needs_composition(&t, UnicodeForm::Nfc)
    );
    let n = normalize(&t, &o);
    println!(
        "edits {} out {} in {}",
        n.map.edit_count(),
        n.text.len(),
        t.len()
    );
    for form in [UnicodeForm::None, UnicodeForm::Nfc] {
        let mut o2 = o.clone();
        o2.form = form;
        let s = Instant::now();
        for _ in 0..20 {
            std::hint::black_box(normalize(&t, &o2));
        }
        println!("{form:?} {:?}", s.elapsed() / 20);
    }
    let s = Instant::now();
    for _ in 0..20 {
        std::hint::black_box(needs_composition(&t, UnicodeForm::Nfc));
    }
    println!("qc {:?}", s.elapsed() / 20);
    let mut o3 = NormalizeOptions::none();
    o3.form = UnicodeForm::Nfc;
    let c = normalize(&t, &o3);
    println!("compose-only edits {}", c.map.edit_count());
    let s = Instant::now();
    for _ in 0..20 {
        std::hint::black_box(normalize(&t, &o3));
    }
    println!("compose only {:?}", s.elapsed() / 20);
    let n2 = normalize(&c.text, &o);
    let s = Instant::now();
    for _ in 0..20 {
        std::hint::black_box(c.map.then(&n2.map));
    }
    println!("then {:?}", s.elapsed() / 20);
    println!(
        "after: needs {}",
        needs_composition(&n.text, UnicodeForm::Nfc)
    );
    let mut counts = std::collections::BTreeMap::new();
    for c in t.chars() {
        if (c as u32) >= 0x800 {
            *counts.entry(c as u32 >> 8).or_insert(0) += 1;
        }
    }
    println!("{:x?}", counts);
}
#[allow(dead_code)]
fn extra() {}
