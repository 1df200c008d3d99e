//! The check that a text is English: it fails on any word of a known list of Dutch words,
//! with the titles of the Dutch documents the bank cites left out (they stay Dutch as cited).
use std::sync::LazyLock;

use regex::Regex;

/// Words of Dutch that no English sentence of the program uses (not "de", "en" or "van",
/// which occur in names and language codes).
static DUTCH: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(het|een|niet|geen|wordt|voor|naar|ook|moet|deze|dit|verslag|verslagen|vraag|vragen|antwoord|antwoorden|afgetekend|aftekenen|bezig|afgerond|zonder|naam|opslaan|bewaard|wijzig|wijzigen|nieuwe|advies|campagne|oordeel|vragenbank|bijgewerkt|toegestaan|kiezen|terug|verlaten|omhoog|omlaag|hulp|notitie|uitleg|bronnen|waarschuwing|actie|acties|goedgekeurd|afgekeurd|opmerkingen|vingerafdruk|revisie|gemaakt|alleen|lezen|verder|vrije|tekst|standaardinvoer|ontbreekt)\b",
    )
    .expect("a valid pattern")
});

/// Every source the bank cites, longest first: the titles of Dutch documents stay Dutch
/// in any language, as cited. Collected from the bank files themselves.
static SOURCES: LazyLock<Vec<String>> = LazyLock::new(|| {
    fn collect(v: &serde_json::Value, out: &mut Vec<String>) {
        match v {
            serde_json::Value::Object(o) => {
                for (k, v) in o {
                    match (k.as_str(), v) {
                        ("sources", serde_json::Value::Array(a)) => {
                            out.extend(a.iter().filter_map(|s| s.as_str()).map(spaced))
                        }
                        _ => collect(v, out),
                    }
                }
            }
            serde_json::Value::Array(a) => a.iter().for_each(|v| collect(v, out)),
            _ => {}
        }
    }
    let mut out = Vec::new();
    for entry in std::fs::read_dir("questions").expect("the bank") {
        let text = std::fs::read_to_string(entry.expect("an entry").path()).expect("a file");
        collect(&serde_json::from_str(&text).expect("JSON"), &mut out);
    }
    out.sort_by_key(|s| std::cmp::Reverse(s.len()));
    out.dedup();
    out
});

/// Whitespace (line breaks and indentation of wrapped text) as single spaces.
fn spaced(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Fails with every Dutch word found in `text`, said with where it was found; the cited
/// sources left out.
pub fn english(what: &str, text: &str) {
    let mut rest = spaced(text);
    for source in SOURCES.iter() {
        for cited in [
            source.clone(),
            avg_wijzer::text::md_escape(source),
            source.replace('&', "&amp;"),
        ] {
            rest = rest.replace(&cited, "");
        }
    }
    let found: Vec<&str> = DUTCH.find_iter(&rest).map(|m| m.as_str()).collect();
    assert!(
        found.is_empty(),
        "{what}: Dutch words {found:?} in:\n{text}"
    );
}
