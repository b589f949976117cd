//! Cleaning quality: block-level precision, recall and F1 of `clean` on 30 pastes in 4 languages.
//!
//! Each paste is a real article body wrapped in page furniture modelled on news sites (navigation bars,
//! breadcrumbs, share bars, bylines and date lines, "read also" links and advertisements inside the article, lists
//! of related articles with or without teasers, tag lists, newsletter prompts, cookie notices, copyright lines,
//! "next article" links). Article bodies, never copied into the repository:
//! - Arabic: 10 articles of `../shared/arabic/ar_news_dev.jsonl` (title + lines, as crawled);
//! - English: 10 news articles of `../shared/kp/500N-KPCrowd.jsonl` (headline + body, the body cut into paragraphs
//!   of three sentences);
//! - French and Spanish: 5 pastes each made of 3 paragraphs of the language's UDHR translation
//!   (`tests/fixtures/lang/udhr.json`).
//!
//! The furniture of each paste is chosen with a fixed-seed generator from the lists below and printed with the
//! result, so every case is documented by the run itself. A block is a non-blank line; the expected article blocks
//! are the title and body lines. Run: `cargo bench --bench clean_quality`.
#![allow(clippy::panic, clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use maqal::clean::{clean_with_stopwords as clean, CleanOptions};
use maqal::lang::Stopwords;
use maqal::normalize::NormalizeOptions;

/// Deterministic generator (64-bit LCG).
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 33
    }
    fn pick<'a>(&mut self, xs: &[&'a str]) -> &'a str {
        xs[(self.next() as usize) % xs.len()]
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// Page furniture of one language.
struct Furniture {
    nav: &'static [&'static str],
    share: &'static [&'static str],
    byline: &'static [&'static str],
    date: &'static [&'static str],
    inline: &'static [&'static str],
    related_header: &'static [&'static str],
    tags: &'static [&'static str],
    prompt: &'static [&'static str],
    cookie: &'static [&'static str],
    copyright: &'static [&'static str],
    next: &'static [&'static str],
    headlines: &'static [&'static str],
}

const EN: Furniture = Furniture {
    nav: &[
        "Home | World | Business | Politics | Tech | Sport",
        "Menu",
        "Home > World > Americas",
        "Skip to main content",
    ],
    share: &[
        "Share",
        "Share | Tweet | Email",
        "Facebook Twitter WhatsApp",
        "• Link copied",
        "Share this article",
    ],
    byline: &[
        "By Emma Clarke",
        "By Daniel Ortiz, Reuters",
        "Written by the News Desk",
    ],
    date: &[
        "Published March 31, 2011",
        "Updated 2 hours ago",
        "Posted Thursday 10:42 GMT",
    ],
    inline: &[
        "Read also: Markets rally as oil prices fall",
        "Advertisement",
        "Read more: What the new rules mean for you",
    ],
    related_header: &[
        "Related articles",
        "More stories",
        "You may also like",
        "Most read",
    ],
    tags: &[
        "Tags: Politics, Economy, World",
        "Topics: Music, Celebrities",
    ],
    prompt: &[
        "Sign up for our newsletter to get the latest news in your inbox.",
        "Subscribe now for unlimited access.",
    ],
    cookie: &[
        "We use cookies to improve your experience on our site. Accept all cookies",
        "We use cookies. Accept",
    ],
    copyright: &[
        "© 2024 The Daily Courier. All rights reserved.",
        "Copyright © 2011 News Media Group",
    ],
    next: &["Next article", "Previous article", "Next Previous"],
    headlines: &[],
};

const AR: Furniture = Furniture {
    nav: &[
        "الرئيسية | أخبار | سياسة | اقتصاد | رياضة",
        "القائمة",
        "الرئيسية > أخبار محلية",
        "بحث",
    ],
    share: &[
        "شارك",
        "فيسبوك تويتر واتساب",
        "• تم نسخ الرابط",
        "مشاركة المقال",
    ],
    byline: &[
        "بقلم: محمد العلي",
        "كتب: أحمد السالم",
        "إعداد: فريق التحرير",
    ],
    date: &[
        "نشر في 12 مارس 2015",
        "تاريخ النشر: 2015/03/12",
        "آخر تحديث: منذ ساعتين",
    ],
    inline: &[
        "اقرأ أيضا: ارتفاع أسعار النفط في الأسواق العالمية",
        "إعلان",
        "شاهد أيضا: لقطات من الحدث",
    ],
    related_header: &["مقالات ذات صلة", "ذات صلة", "الأكثر قراءة", "اقرأ أيضا"],
    tags: &[
        "الوسوم: السعودية، الاقتصاد، الرياضة",
        "كلمات مفتاحية: التعليم، الصحة",
    ],
    prompt: &[
        "اشترك في النشرة البريدية لتصلك آخر الأخبار يوميا.",
        "حمّل تطبيقنا لتصلك الأخبار العاجلة",
    ],
    cookie: &["نستخدم ملفات تعريف الارتباط لتحسين تجربتك على موقعنا. موافق"],
    copyright: &[
        "© 2015 جميع الحقوق محفوظة",
        "جميع الحقوق محفوظة لصحيفة الوطن",
    ],
    next: &["المقال التالي", "المقال السابق", "الخبر التالي"],
    headlines: &[],
};

const FR: Furniture = Furniture {
    nav: &[
        "Accueil | Monde | Politique | Économie | Culture",
        "Menu",
        "Accueil > Société > Justice",
    ],
    share: &[
        "Partager",
        "Facebook Twitter WhatsApp",
        "• Lien copié",
        "Partager sur Facebook",
    ],
    byline: &["Par Claire Martin", "Par la rédaction"],
    date: &[
        "Publié le 10 décembre 2024 à 10h30",
        "Mis à jour le 11 décembre 2024",
    ],
    inline: &[
        "Lire aussi : Le Parlement adopte la réforme",
        "Publicité",
        "À lire aussi : Ce que change la loi",
    ],
    related_header: &["Sur le même sujet", "Les plus lus", "Articles liés"],
    tags: &["Mots-clés : droits, justice, société"],
    prompt: &[
        "Inscrivez-vous à notre newsletter pour recevoir l'essentiel de l'actualité.",
        "Abonnez-vous pour lire la suite.",
    ],
    cookie: &["Nous utilisons des cookies pour améliorer votre expérience. Tout accepter"],
    copyright: &["© 2024 Le Quotidien. Tous droits réservés."],
    next: &["Article suivant", "Article précédent"],
    headlines: &[
        "La réforme des retraites devant le Conseil constitutionnel",
        "Des milliers de manifestants dans les rues de Lyon",
        "Un nouveau musée ouvre ses portes à Marseille",
        "Le prix de l'énergie continue de baisser en décembre",
    ],
};

const ES: Furniture = Furniture {
    nav: &[
        "Inicio | Internacional | Política | Economía | Cultura",
        "Menú",
        "Inicio > Sociedad",
    ],
    share: &["Compartir", "Facebook Twitter WhatsApp", "• Enlace copiado"],
    byline: &["Por María López", "Por la redacción"],
    date: &[
        "Publicado el 10 de diciembre de 2024",
        "Actualizado hace 2 horas",
    ],
    inline: &["Lee también: El Congreso aprueba la reforma", "Publicidad"],
    related_header: &["Noticias relacionadas", "Lo más leído", "Últimas noticias"],
    tags: &["Etiquetas: derechos, justicia, sociedad"],
    prompt: &[
        "Suscríbete a nuestro boletín para recibir las noticias del día.",
        "Suscríbete para seguir leyendo.",
    ],
    cookie: &["Utilizamos cookies para mejorar su experiencia. Aceptar todo"],
    copyright: &["© 2024 El Diario. Todos los derechos reservados."],
    next: &["Artículo siguiente", "Anterior"],
    headlines: &[
        "El Gobierno presenta los presupuestos del próximo año",
        "Miles de personas se manifiestan en Madrid",
        "Un nuevo museo abre sus puertas en Sevilla",
        "El precio de la vivienda sigue subiendo",
    ],
};

struct Case {
    id: String,
    lang: &'static str,
    /// (line, is article)
    lines: Vec<(String, bool)>,
    furniture: Vec<&'static str>,
}

/// Wrap `article` (title first) in furniture; `others` are headlines of other articles for related lists.
fn wrap(
    id: String,
    lang: &'static str,
    f: &Furniture,
    article: &[String],
    others: &[String],
    rng: &mut Rng,
) -> Case {
    let mut lines: Vec<(String, bool)> = Vec::new();
    let mut used = Vec::new();
    let add = |lines: &mut Vec<(String, bool)>,
               used: &mut Vec<&'static str>,
               kind: &'static str,
               s: &str| {
        lines.push((s.to_string(), false));
        if !used.contains(&kind) {
            used.push(kind);
        }
    };
    if rng.chance(60) {
        add(&mut lines, &mut used, "nav", rng.pick(f.nav));
    }
    if rng.chance(40) {
        add(&mut lines, &mut used, "share", rng.pick(f.share));
    }
    lines.push((article[0].clone(), true));
    if rng.chance(60) {
        add(&mut lines, &mut used, "byline", rng.pick(f.byline));
    }
    if rng.chance(50) {
        add(&mut lines, &mut used, "date", rng.pick(f.date));
    }
    for (i, p) in article[1..].iter().enumerate() {
        lines.push((p.clone(), true));
        if i == 0 && article.len() > 3 && rng.chance(50) {
            add(&mut lines, &mut used, "inline", rng.pick(f.inline));
        }
    }
    if rng.chance(60) {
        add(&mut lines, &mut used, "share", rng.pick(f.share));
    }
    if rng.chance(50) {
        add(&mut lines, &mut used, "tags", rng.pick(f.tags));
    }
    if rng.chance(70) {
        add(&mut lines, &mut used, "related", rng.pick(f.related_header));
        let teasers = rng.chance(50);
        let fixed: Vec<String> = f.headlines.iter().map(|s| s.to_string()).collect();
        let pool = if others.is_empty() { &fixed } else { others };
        for k in 0..3 {
            let h = &pool[(rng.next() as usize + k) % pool.len()];
            lines.push((h.clone(), false));
            if teasers {
                let words: Vec<&str> = article
                    .last()
                    .map_or("", |s| s.as_str())
                    .split_whitespace()
                    .take(12)
                    .collect();
                lines.push((format!("{}...", words.join(" ")), false));
            }
        }
    }
    if rng.chance(40) {
        add(&mut lines, &mut used, "prompt", rng.pick(f.prompt));
    }
    if rng.chance(30) {
        add(&mut lines, &mut used, "cookie", rng.pick(f.cookie));
    }
    if rng.chance(50) {
        add(&mut lines, &mut used, "copyright", rng.pick(f.copyright));
    }
    if rng.chance(40) {
        add(&mut lines, &mut used, "next", rng.pick(f.next));
    }
    Case {
        id,
        lang,
        lines,
        furniture: used,
    }
}

fn read_jsonl(path: &str) -> Option<Vec<serde_json::Value>> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path);
    let data = std::fs::read_to_string(path).ok()?;
    Some(
        data.lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect(),
    )
}

/// The body cut into paragraphs of three sentences (at ". ").
fn paragraphs_of(body: &str) -> Vec<String> {
    let sentences: Vec<&str> = body.split_inclusive(". ").collect();
    sentences
        .chunks(3)
        .map(|c| c.concat().trim().to_string())
        .filter(|p| !p.is_empty())
        .collect()
}

fn cases() -> Vec<Case> {
    let mut rng = Rng(2026);
    let mut out = Vec::new();
    if let Some(docs) = read_jsonl("../shared/arabic/ar_news_dev.jsonl") {
        let usable: Vec<&serde_json::Value> = docs
            .iter()
            .filter(|d| {
                let t = d["text"].as_str().unwrap_or("");
                t.len() > 1500 && t.lines().filter(|l| !l.trim().is_empty()).count() >= 3
            })
            .collect();
        let titles: Vec<String> = usable
            .iter()
            .skip(10)
            .take(20)
            .map(|d| d["title"].as_str().unwrap_or("").to_string())
            .collect();
        for d in usable.iter().take(10) {
            let mut article = vec![d["title"].as_str().unwrap_or("").trim().to_string()];
            article.extend(
                d["text"]
                    .as_str()
                    .unwrap_or("")
                    .lines()
                    .map(str::trim)
                    .filter(|l| !l.is_empty())
                    .map(String::from),
            );
            out.push(wrap(
                format!("ar/{}", d["id"]),
                "ar",
                &AR,
                &article,
                &titles,
                &mut rng,
            ));
        }
    } else {
        println!("../shared/arabic not found: Arabic cases skipped");
    }
    if let Some(docs) = read_jsonl("../shared/kp/500N-KPCrowd.jsonl") {
        let usable: Vec<(String, String)> = docs
            .iter()
            .filter_map(|d| {
                let t = d["text"].as_str()?.replace('\r', "");
                let (head, body) = t.split_once('\n')?;
                (body.len() > 1500).then(|| (head.trim().to_string(), body.trim().to_string()))
            })
            .collect();
        let heads: Vec<String> = usable
            .iter()
            .skip(10)
            .take(20)
            .map(|(h, _)| h.clone())
            .collect();
        for (i, (head, body)) in usable.iter().take(10).enumerate() {
            let mut article = vec![head.clone()];
            article.extend(paragraphs_of(body));
            out.push(wrap(
                format!("en/{i}"),
                "en",
                &EN,
                &article,
                &heads,
                &mut rng,
            ));
        }
    } else {
        println!("../shared/kp not found: English cases skipped");
    }
    let udhr: Vec<serde_json::Value> =
        serde_json::from_str(include_str!("../tests/fixtures/lang/udhr.json")).unwrap();
    for (lang, f, title) in [
        ("fr", &FR, "Déclaration universelle des droits de l'homme"),
        ("es", &ES, "Declaración Universal de los Derechos Humanos"),
    ] {
        let ps: Vec<String> = udhr
            .iter()
            .filter(|c| c["lang"] == lang)
            .map(|c| c["text"].as_str().unwrap().to_string())
            .collect();
        for i in 0..5 {
            let mut article = vec![title.to_string()];
            article.extend((0..3).map(|k| ps[(i + k) % ps.len()].clone()));
            out.push(wrap(
                format!("{lang}/udhr-{i}"),
                lang,
                f,
                &article,
                &[],
                &mut rng,
            ));
        }
    }
    out
}

fn main() {
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let o = NormalizeOptions::default();
    let (mut tp_all, mut fp_all, mut fn_all) = (0usize, 0usize, 0usize);
    let mut per_lang: std::collections::BTreeMap<&str, (usize, usize, usize, usize)> =
        Default::default();
    let cases = cases();
    for case in &cases {
        let mut stop = Stopwords::new();
        stop.add_language(case.lang, &o);
        let text = case
            .lines
            .iter()
            .map(|(l, _)| l.as_str())
            .collect::<Vec<_>>()
            .join("\n\n");
        let cleaned = clean(&text, &stop, &CleanOptions::default());
        // Map each line to removed or kept by its start offset.
        let (mut tp, mut fp, mut fne) = (0, 0, 0);
        let mut pos = 0;
        let mut errors = Vec::new();
        for (line, is_article) in &case.lines {
            let start = pos;
            pos += line.len() + 2;
            let removed = cleaned
                .removed
                .iter()
                .any(|b| b.range.start >= start && b.range.start < start + line.len().max(1));
            match (is_article, removed) {
                (true, false) => tp += 1,
                (false, false) => {
                    fp += 1;
                    errors.push(format!("kept furniture {:?}", short(line)));
                }
                (true, true) => {
                    fne += 1;
                    errors.push(format!("removed article {:?}", short(line)));
                }
                (false, true) => {}
            }
        }
        let f1 = f1(tp, fp, fne);
        println!(
            "{} [{}] F1 {:.3}{}",
            case.id,
            case.furniture.join(", "),
            f1,
            if errors.is_empty() {
                String::new()
            } else {
                format!(" — {}", errors.join("; "))
            }
        );
        tp_all += tp;
        fp_all += fp;
        fn_all += fne;
        let e = per_lang.entry(case.lang).or_default();
        e.0 += tp;
        e.1 += fp;
        e.2 += fne;
        e.3 += 1;
    }
    for (lang, (tp, fp, fne, n)) in &per_lang {
        println!(
            "{lang}: {n} pastes, block P {:.3} R {:.3} F1 {:.3}",
            p(*tp, *fp),
            p(*tp, *fne),
            f1(*tp, *fp, *fne)
        );
    }
    println!(
        "all: {} pastes, {} languages, block P {:.3} R {:.3} F1 {:.3} (micro-averaged over blocks)",
        cases.len(),
        per_lang.len(),
        p(tp_all, fp_all),
        p(tp_all, fn_all),
        f1(tp_all, fp_all, fn_all)
    );
}

fn short(s: &str) -> String {
    s.chars().take(50).collect()
}

fn p(tp: usize, other: usize) -> f64 {
    if tp + other == 0 {
        1.0
    } else {
        tp as f64 / (tp + other) as f64
    }
}

fn f1(tp: usize, fp: usize, fne: usize) -> f64 {
    let (pr, re) = (p(tp, fp), p(tp, fne));
    if pr + re == 0.0 {
        0.0
    } else {
        2.0 * pr * re / (pr + re)
    }
}
