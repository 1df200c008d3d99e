//! The HTML export links to nothing outside itself: a register keeper opens it offline, prints
//! it, mails it on, and it must neither fetch anything (a tracking pixel, a font, a script) nor
//! send a reader elsewhere — whatever people typed into the record.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::export;
use avg_wijzer::text::Lang;

mod common;
use common::records::{example_record, fixed_record};

/// Attributes that make a browser fetch or follow something.
const LINKING: [&str; 10] = [
    "href",
    "src",
    "srcset",
    "action",
    "formaction",
    "poster",
    "data",
    "background",
    "cite",
    "xlink:href",
];

/// Every tag of `html` as (name, attributes text), lower case.
fn tags(html: &str) -> Vec<(String, String)> {
    let lower = html.to_lowercase();
    let mut out = Vec::new();
    let mut rest = lower.as_str();
    while let Some(open) = rest.find('<') {
        let after = &rest[open + 1..];
        let end = after.find('>').expect("every tag is closed");
        let inside = &after[..end];
        let name: String = inside
            .trim_start_matches('/')
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '!')
            .collect();
        out.push((name, inside.to_string()));
        rest = &after[end..];
    }
    out
}

/// Fails where the page would fetch or link to anything outside itself.
fn assert_self_contained(what: &str, html: &str) {
    for (name, inside) in tags(html) {
        assert!(
            !matches!(
                name.as_str(),
                "script"
                    | "link"
                    | "img"
                    | "iframe"
                    | "object"
                    | "embed"
                    | "base"
                    | "form"
                    | "video"
                    | "audio"
                    | "source"
                    | "svg"
                    | "a"
            ),
            "{what}: a <{name}> tag: <{inside}>"
        );
        for attr in LINKING {
            for (i, _) in inside.match_indices(&format!("{attr}=")) {
                let before = inside[..i].chars().last();
                if before.is_some_and(|c| c.is_whitespace()) {
                    let value = inside[i + attr.len() + 1..].trim_start_matches(['"', '\'']);
                    assert!(
                        value.starts_with('#'),
                        "{what}: <{name}> links outside the file: {inside}"
                    );
                }
            }
        }
        assert!(
            !(name == "meta" && inside.contains("http-equiv")),
            "{what}: {inside}"
        );
    }
    let lower = html.to_lowercase();
    let style = lower
        .split("<style>")
        .nth(1)
        .and_then(|s| s.split("</style>").next())
        .unwrap_or_default();
    assert!(
        !style.contains("url("),
        "{what}: the style fetches: {style}"
    );
    assert!(
        !style.contains("@import"),
        "{what}: the style imports: {style}"
    );
}

#[test]
fn the_html_export_links_to_nothing_outside_itself() {
    for lang in [Lang::Nl, Lang::En] {
        let page = export::html(&fixed_record(), lang);
        assert!(page.contains("<style>"), "the check reads a real page");
        assert_self_contained(&format!("fixed record ({lang:?})"), &page);
    }
}

#[test]
fn what_people_typed_cannot_add_a_link() {
    let mut r = example_record("20270101-000000-aaaaaaaaaa", "2027-01-01T10:00:00Z");
    r.campaign.name =
        r#"<a href="https://evil.invalid">klik</a><img src="https://evil.invalid/p.gif">"#.into();
    r.campaign.description =
        "<link rel=stylesheet href=//evil.invalid/x.css><script src=x></script>".into();
    r.campaign.organisation = "<style>@import url(https://evil.invalid)</style>".into();
    r.notes.insert(
        "_sessie".into(),
        "\"><iframe src=\"https://evil.invalid\"></iframe>".into(),
    );
    for lang in [Lang::Nl, Lang::En] {
        let page = export::html(&r, lang);
        assert!(
            page.contains("&lt;a href=&quot;https://evil.invalid&quot;&gt;"),
            "{page}"
        );
        assert_self_contained(&format!("hostile record ({lang:?})"), &page);
    }
}

/// The check itself finds what it looks for.
#[test]
fn the_check_finds_a_link() {
    for bad in [
        "<html><a href=\"https://x\">x</a></html>",
        "<html><p  src='//x'></p></html>",
        "<html><style>b{background:url(x)}</style></html>",
    ] {
        assert!(
            std::panic::catch_unwind(|| assert_self_contained("sample", bad)).is_err(),
            "{bad}"
        );
    }
    assert_self_contained("anchor", "<html><p id=x><span href=\"#x\"></span></html>");
}
