//! The main text of an HTML page or fragment (what a browser puts on the clipboard as `text/html`, or a saved
//! `.html` file), without executing or rendering anything.
//!
//! The markup is read with `html5gum`, a WHATWG-conformant tokenizer; a light element stack stands in for the
//! tree. Left out, as in Readability-style extractors: scripts, styles and other non-text elements; `nav`, `aside`,
//! `footer`, forms and buttons; elements whose `class` or `id` names page furniture (menus, sidebars, comments,
//! share bars, related lists, cookie notices...) unless it also names content (`article`, `content`, `main`...);
//! and blocks that are almost all link text (lists of links). What remains becomes one block (line) per block-level
//! element, with blank lines between blocks, ready for [`super::clean`].

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// The text of an HTML document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Extracted {
    /// Blocks of text separated by blank lines.
    pub text: String,
    /// The document's `<title>`, if any.
    pub title: Option<String>,
}

/// Elements whose content is never text to read.
fn is_skipped(name: &str) -> bool {
    matches!(
        name,
        "script"
            | "style"
            | "noscript"
            | "template"
            | "svg"
            | "math"
            | "iframe"
            | "object"
            | "embed"
            | "canvas"
            | "video"
            | "audio"
            | "select"
            | "button"
            | "form"
            | "textarea"
            | "nav"
            | "aside"
            | "footer"
            | "head"
            | "dialog"
    )
}

/// Elements that start and end a block of text.
fn is_block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "blockquote"
            | "pre"
            | "section"
            | "article"
            | "header"
            | "main"
            | "table"
            | "tr"
            | "td"
            | "th"
            | "figure"
            | "figcaption"
            | "address"
            | "details"
            | "summary"
            | "hr"
            | "br"
            | "body"
            | "html"
            | "caption"
            | "center"
    )
}

fn is_void(name: &str) -> bool {
    matches!(
        name,
        "area"
            | "base"
            | "br"
            | "col"
            | "embed"
            | "hr"
            | "img"
            | "input"
            | "link"
            | "meta"
            | "param"
            | "source"
            | "track"
            | "wbr"
    )
}

/// Whether a `class` or `id` value names page furniture (and not content).
fn is_furniture_name(value: &str) -> bool {
    let v = value.to_ascii_lowercase();
    const FURNITURE: &[&str] = &[
        "menu",
        "navbar",
        "breadcrumb",
        "sidebar",
        "comment",
        "share",
        "social",
        "related",
        "recommend",
        "newsletter",
        "subscribe",
        "cookie",
        "consent",
        "gdpr",
        "banner",
        "advert",
        "sponsor",
        "promo",
        "popup",
        "modal",
        "footer",
        "masthead",
        "pagination",
        "pager",
        "tags",
        "widget",
        "skip-link",
        "outbrain",
        "taboola",
    ];
    const CONTENT: &[&str] = &[
        "article",
        "content",
        "main",
        "story",
        "entry-content",
        "post-body",
        "body",
    ];
    FURNITURE.iter().any(|f| v.contains(f)) && !CONTENT.iter().any(|c| v.contains(c))
}

struct Block {
    text: String,
    link_chars: usize,
}

impl Block {
    fn push(&mut self, s: &str, in_link: bool, pre: bool) {
        for c in s.chars() {
            let c = if c == '\u{00A0}' { ' ' } else { c };
            if c.is_whitespace() && !(pre && c == '\n') {
                if !self.text.is_empty() && !self.text.ends_with([' ', '\n']) {
                    self.text.push(' ');
                }
                continue;
            }
            self.text.push(c);
            if in_link {
                self.link_chars += 1;
            }
        }
    }
}

/// The main text of `html`.
///
/// ```
/// use maqal::clean::html_to_text;
/// let html = r#"<html><head><title>Plan</title><script>var x = "<p>no</p>";</script></head><body>
///   <nav><a href="/">Home</a> <a href="/world">World</a></nav>
///   <article><h1>The council agrees a plan</h1><p>The council met on Monday &amp; agreed a plan.</p></article>
///   <div class="related"><a href="/a">Another story</a></div>
///   <footer>© 2024 The Courier</footer></body></html>"#;
/// let e = html_to_text(html);
/// assert_eq!(e.text, "The council agrees a plan\n\nThe council met on Monday & agreed a plan.");
/// assert_eq!(e.title.as_deref(), Some("Plan"));
/// ```
pub fn html_to_text(html: &str) -> Extracted {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    let tokenizer = Tokenizer::new_with_emitter(html, emitter);
    // Open elements: (name, whether it hides its content).
    let mut stack: Vec<(String, bool)> = Vec::new();
    let mut hidden = 0usize;
    let mut links = 0usize;
    let mut pre = 0usize;
    let mut in_title = false;
    let mut title = String::new();
    let mut blocks: Vec<String> = Vec::new();
    let mut block = Block {
        text: String::new(),
        link_chars: 0,
    };
    let flush = |block: &mut Block, blocks: &mut Vec<String>| {
        let text = block.text.trim();
        let chars = text.chars().filter(|c| !c.is_whitespace()).count();
        // A block that is almost all link text is a list of links.
        let link_list =
            chars > 0 && block.link_chars * 10 >= chars * 8 && text.split_whitespace().count() < 30;
        if !text.is_empty() && !link_list {
            blocks.push(text.to_string());
        }
        block.text.clear();
        block.link_chars = 0;
    };
    for token in tokenizer {
        let Ok(token) = token;
        match token {
            Token::StartTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "title" && hidden <= 1 {
                    in_title = true;
                }
                let furniture = ["class", "id", "role"].iter().any(|a| {
                    tag.attributes.get(a.as_bytes()).is_some_and(|v| {
                        let v = String::from_utf8_lossy(&v.value);
                        is_furniture_name(&v)
                            || (*a == "role"
                                && matches!(
                                    v.as_ref(),
                                    "navigation" | "banner" | "contentinfo" | "complementary"
                                ))
                    })
                });
                let hides = is_skipped(&name)
                    || furniture
                    || tag.attributes.contains_key(b"hidden".as_slice());
                if is_block(&name) && hidden == 0 {
                    flush(&mut block, &mut blocks);
                }
                if is_void(&name) || tag.self_closing {
                    continue;
                }
                if hides {
                    hidden += 1;
                }
                if name == "a" {
                    links += 1;
                }
                if name == "pre" {
                    pre += 1;
                }
                stack.push((name, hides));
            }
            Token::EndTag(tag) => {
                let name = String::from_utf8_lossy(&tag.name).to_ascii_lowercase();
                if name == "title" {
                    in_title = false;
                }
                // Close up to the matching element, if it is open (stray end tags are ignored).
                if let Some(at) = stack.iter().rposition(|(n, _)| *n == name) {
                    for (n, hides) in stack.drain(at..) {
                        hidden -= usize::from(hides);
                        links -= usize::from(n == "a");
                        pre -= usize::from(n == "pre");
                    }
                }
                if is_block(&name) && hidden == 0 {
                    flush(&mut block, &mut blocks);
                }
            }
            Token::String(s) => {
                let s = String::from_utf8_lossy(&s.value);
                if in_title {
                    title.push_str(&s);
                } else if hidden == 0 {
                    block.push(&s, links > 0, pre > 0);
                }
            }
            Token::Comment(_) | Token::Doctype(_) | Token::Error(_) => {}
        }
    }
    flush(&mut block, &mut blocks);
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    Extracted {
        text: blocks.join("\n\n"),
        title: (!title.is_empty()).then_some(title),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn news_page() {
        let html = r##"<!doctype html><html lang="ar" dir="rtl"><head><meta charset="utf-8"><title>خبر</title>
<style>p { color: red }</style></head><body>
<header class="site-header"><div class="menu"><a href="/">الرئيسية</a> | <a href="/s">سياسة</a></div></header>
<div class="share-bar"><button>شارك</button><a href="#">فيسبوك</a></div>
<main><article><h1>أعلن الجيش عن خطة عمل</h1>
<p class="byline">بقلم: محمد</p>
<p>أعلن الجيش،&nbsp;أمس، عن توقيع <a href="/x">خطة عمل</a> عسكرية مشتركة.</p>
<p>وحسب ما أوردته الصحافة، فقد تزامن هذا الاجتماع مع زيارة.<br>سطر ثان.</p>
<ul class="links"><li><a href="/1">رابط أول</a></li><li><a href="/2">رابط ثان</a></li></ul>
</article></main>
<aside><h3>ذات صلة</h3><p>خبر آخر</p></aside>
<div id="comments">تعليق</div>
<script>document.write("<p>لا</p>")</script>
<footer><p>© 2024</p></footer></body></html>"##;
        let e = html_to_text(html);
        assert_eq!(
            e.text,
            "أعلن الجيش عن خطة عمل\n\nبقلم: محمد\n\nأعلن الجيش، أمس، عن توقيع خطة عمل عسكرية مشتركة.\n\n\
             وحسب ما أوردته الصحافة، فقد تزامن هذا الاجتماع مع زيارة.\n\nسطر ثان."
        );
        assert_eq!(e.title.as_deref(), Some("خبر"));
    }

    #[test]
    fn fragments_and_broken_markup() {
        assert_eq!(html_to_text("").text, "");
        assert_eq!(html_to_text("plain text").text, "plain text");
        assert_eq!(html_to_text("<p>a<p>b</div></span>c").text, "a\n\nb\n\nc");
        assert_eq!(html_to_text("<pre>x\n  y</pre>").text, "x\ny");
        assert_eq!(html_to_text("<p>x &lt;b&gt; &#x41;</p>").text, "x <b> A");
        assert_eq!(html_to_text("<div hidden>no</div><p>yes</p>").text, "yes");
    }
}
