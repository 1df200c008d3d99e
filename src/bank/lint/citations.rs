//! Current law only in dated notes. A judgment or the date a law changed is true as of a month:
//! such a statement belongs in a note, which says when it was last checked (`checked`), and
//! other texts refer to that note. This finds such statements everywhere else, sources
//! included (a source citing a judgment outside a note is the same statement).
use std::sync::LazyLock;

use regex::Regex;

use super::{Defect, Field, Place, Section, Within};
use crate::bank::{Bank, RegisterContent, TextPart};
use crate::text::{Lang, Text};

/// What a citation of current law looks like. Word boundaries are ASCII (`(?-u:\b)`) so the
/// regex runs on the fast automaton even in texts with accents and typographic dashes.
const PATTERN: &str = r"(?x)
    # A judgment's European Case Law Identifier: ECLI:NL:RVS:2022:3077.
    (?-u:\b) ECLI:[A-Z]{2}:[A-Za-z0-9]+:[0-9]{4}:[A-Za-z0-9.]+
    # A case of the EU Court of Justice or General Court: C-654/23, zaak C‑621/22 (any dash).
  | (?i:(?-u:\b)(?:zaak|zaken|case|cases)\s+)? (?-u:\b)[CT]\s?[-\u{2010}-\u{2013}]\s?[0-9]{1,4}/[0-9]{2}(?-u:\b)
    # Parliamentary papers, with what follows of the reference: Kamerstukken II 2019/20, 35 421.
  | (?i:(?-u:\b)Kamerstukken(?-u:\b))
        (?:\s+I{1,2}(?-u:\b))? (?:\s+[0-9]{4}[/-][0-9]{2,4})? (?:,?\s+[0-9]{2}\s?[0-9]{3}(?-u:\b))?
    # The Government Gazette: Stcrt. 2019, 64418; Staatscourant.
  | (?i:(?-u:\b)Stcrt(?-u:\b)) \.? (?:\s+[0-9]{4},?\s+(?:nr\.\s*)?[0-9]+)?
  | (?i:(?-u:\b)Staatscourant(?-u:\b))
    # A full date with the month's name, Dutch or English: 1 juli 2021, 13 November 2025,
    # 1st July 2021, November 13, 2025.
  | (?i:(?-u:\b)[0-9]{1,2}(?:e|ste|de|st|nd|rd|th)?\s+
        (?:januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november
          |december|january|february|march|may|june|july|august|october)
        \s+[0-9]{4}(?-u:\b))
  | (?i:(?-u:\b)(?:january|february|march|april|may|june|july|august|september|october
          |november|december)
        \s+[0-9]{1,2}(?:st|nd|rd|th)?,?\s+[0-9]{4}(?-u:\b))
";

/// Compiled once: the lint may run many times in one process (tests, the benchmark).
#[expect(
    clippy::expect_used,
    reason = "a constant pattern, compiled by the tests: it cannot fail on any input"
)]
static CITATION: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(PATTERN).expect("PATTERN is a valid regex (see the tests)"));

/// The citations of current law in `s`, as written there.
pub(super) fn citations(s: &str) -> Vec<&str> {
    CITATION.find_iter(s).map(|m| m.as_str()).collect()
}

/// Reports every text and source outside the notes that cites current law.
pub(super) fn check(bank: &Bank, d: &mut Vec<Defect>) {
    let mut c = Checker { d };
    for q in &bank.questions {
        let place = Place::new(&q.file, Section::Question, &q.id);
        c.text(&q.prompt, &place, "prompt");
        c.text(&q.help, &place, "help");
        c.parts(&q.help_parts, &place, "help_parts");
        c.text(&q.reasoning, &place, "reasoning");
        c.sources(&q.sources, &place, "sources");
        if let Some(j) = &q.justification {
            c.text(&j.prompt, &place, "justification.prompt");
            c.text(&j.help, &place, "justification.help");
        }
        for o in &q.options {
            c.text(
                &o.label,
                &place.within(Within::Option(o.id.clone())),
                "label",
            );
        }
    }
    for f in &bank.findings {
        let place = Place::new(&f.file, Section::Finding, &f.id);
        c.text(&f.title, &place, "title");
        c.text(&f.rationale, &place, "rationale");
        c.sources(&f.sources, &place, "sources");
        for v in &f.values {
            c.text(
                &v.label,
                &place.within(Within::Value(v.value.clone())),
                "label",
            );
        }
    }
    for a in &bank.actions {
        let place = Place::new(&a.file, Section::Action, &a.id);
        c.text(&a.title, &place, "title");
        c.text(&a.rationale, &place, "rationale");
        c.sources(&a.sources, &place, "sources");
        c.parts(&a.parts, &place, "parts");
    }
    for w in &bank.warnings {
        let place = Place::new(&w.file, Section::Warning, &w.id);
        c.text(&w.title, &place, "title");
        c.text(&w.text, &place, "text");
        c.sources(&w.sources, &place, "sources");
        c.parts(&w.parts, &place, "parts");
    }
    for r in &bank.rules {
        if let Some(reason) = &r.reason {
            let place = Place::new(&r.file, Section::Rule, &r.id);
            c.text(&reason.text, &place, "reason.text");
            c.sources(&reason.sources, &place, "reason.sources");
            c.parts(&reason.parts, &place, "reason.parts");
        }
    }
    for f in &bank.register {
        let place = Place::new(&f.file, Section::RegisterField, &f.id);
        c.text(&f.label, &place, "label");
        for (i, p) in f.parts.iter().enumerate() {
            if let RegisterContent::Text(t) = &p.content {
                c.text(t, &place, &format!("parts[{i}].text"));
            }
            c.sources(&p.sources, &place, &format!("parts[{i}].sources"));
        }
    }
}

struct Checker<'d> {
    d: &'d mut Vec<Defect>,
}

impl Checker<'_> {
    fn text(&mut self, t: &Text, place: &Place, field: &str) {
        self.one(&t.nl, place, field, Some(Lang::Nl));
        self.one(&t.en, place, field, Some(Lang::En));
    }

    fn sources(&mut self, sources: &[String], place: &Place, field: &str) {
        for (i, s) in sources.iter().enumerate() {
            self.one(s, place, &format!("{field}[{i}]"), None);
        }
    }

    fn parts(&mut self, parts: &[TextPart], place: &Place, field: &str) {
        for (i, p) in parts.iter().enumerate() {
            self.text(&p.text, place, &format!("{field}[{i}].text"));
            self.sources(&p.sources, place, &format!("{field}[{i}].sources"));
        }
    }

    /// One defect per text, naming every citation in it.
    fn one(&mut self, s: &str, place: &Place, field: &str, lang: Option<Lang>) {
        let found = citations(s);
        if found.is_empty() {
            return;
        }
        self.d.push(Defect::CitesCurrentLaw {
            place: place.clone(),
            field: Field::new(field, lang),
            citations: found.into_iter().map(str::to_string).collect(),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::citations;

    #[test]
    fn finds_judgments_papers_and_dated_changes() {
        let cases: &[(&str, &[&str])] = &[
            ("ECLI:NL:RVS:2022:3077 zegt", &["ECLI:NL:RVS:2022:3077"]),
            ("(ECLI:EU:C:2024:824).", &["ECLI:EU:C:2024:824"]),
            ("het Hof in C-654/23 en", &["C-654/23"]),
            ("zaak C\u{2011}621/22 (KNLTB)", &["zaak C\u{2011}621/22"]),
            ("In Zaak C–252/21 oordeelde", &["Zaak C–252/21"]),
            ("case T-557/20", &["case T-557/20"]),
            ("Kamerstukken 35 421", &["Kamerstukken 35 421"]),
            (
                "Kamerstukken II 2019/20, 35 421, nr. 3",
                &["Kamerstukken II 2019/20, 35 421"],
            ),
            ("de kamerstukken", &["kamerstukken"]),
            ("(Stcrt. 2019, 64418)", &["Stcrt. 2019, 64418"]),
            ("Stcrt 2019 nr. 5", &["Stcrt 2019 nr. 5"]),
            ("in de Staatscourant", &["Staatscourant"]),
            ("sinds 1 juli 2021 geldt", &["1 juli 2021"]),
            ("vanaf 1\u{a0}juli\u{a0}2021", &["1\u{a0}juli\u{a0}2021"]),
            ("On 13 November 2025 the", &["13 November 2025"]),
            ("1st July 2021", &["1st July 2021"]),
            ("November 13, 2025", &["November 13, 2025"]),
            (
                "26 oktober 2022 en 4 October 2024",
                &["26 oktober 2022", "4 October 2024"],
            ),
            ("1 mei 2018", &["1 mei 2018"]),
        ];
        for (text, want) in cases {
            assert_eq!(citations(text), *want, "{text}");
        }
    }

    #[test]
    fn leaves_ordinary_references_alone() {
        for text in [
            "Handreiking, Gebruikstoepassing 3A, p.11",
            "AVG art. 6 lid 1 sub f",
            "Telecommunicatiewet art. 11.7",
            "AVG art. 6(4)",
            "FAQ Probiblio 2018",
            "in juli 2021",
            "1 juli",
            "C-1234",
            "ABC-654/23",
            "overweging 47",
            "13 Novembers 2025",
            "de krant van 2021",
            "opt-in",
            "Handreiking p.12–13",
        ] {
            assert_eq!(citations(text), Vec::<&str>::new(), "{text}");
        }
    }
}
