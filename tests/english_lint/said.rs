//! In-process: every defect the lint can give, said in English and in Dutch as its `Display`;
//! the report's own lines; the Dutch lines the report keeps for callers that read lines.

use serde_json::json;

use avg_wijzer::bank::lint::{Answers, Defect, Field, Named, Place, Report, Section, Within, lint};
use avg_wijzer::bank::{Bank, Item};
use avg_wijzer::text::{Lang, Text};

use super::common::english::english;
use super::{quoted_parts, unquoted};

fn place(section: Section, id: &str) -> Place {
    Place::new("f.json", section, id)
}

/// Every variant of the lint's defects, with the ids each must name.
fn every_defect() -> Vec<(Defect, Vec<&'static str>)> {
    let field = || Field::new("parts[2].text", Some(Lang::En));
    let path = || {
        Answers(vec![
            ("qa".into(), json!("oa")),
            ("qb".into(), json!(["ob"])),
        ])
    };
    vec![
        (
            Defect::Missing {
                place: place(Section::Question, "q1").within(Within::Option("o1".into())),
                field: Field::new("label", Some(Lang::Nl)),
            },
            vec!["\"q1\"", "\"o1\"", "label (nl)"],
        ),
        (
            Defect::Todo {
                place: place(Section::Finding, "f1").within(Within::Value(json!("v1"))),
                field: field(),
            },
            vec!["\"f1\"", "\"v1\"", "parts[2].text (en)", "TODO"],
        ),
        (
            Defect::NoSource {
                place: place(Section::RegisterField, "r1").within(Within::Part("parts", 3)),
            },
            vec!["register field \"r1\", parts[3]", "sources"],
        ),
        (
            Defect::CheckedNotAMonth {
                place: place(Section::Note, "n1"),
                found: "2026-13".into(),
            },
            vec!["note \"n1\"", "\"2026-13\""],
        ),
        (
            Defect::CitesCurrentLaw {
                place: place(Section::Rule, "r2"),
                field: Field::new("reason.sources[1]", None),
                citations: vec!["C-621/22".into(), "ECLI:EU:C:2024:824".into()],
            },
            vec![
                "rule \"r2\", reason.sources[1] ",
                "\"C-621/22\", \"ECLI:EU:C:2024:824\"",
            ],
        ),
        (
            Defect::StableIdsUnreadable("EOF while parsing".into()),
            vec!["assets/stable-ids.json", "EOF while parsing"],
        ),
        (
            Defect::StableQuestionMissing { id: "q2".into() },
            vec!["\"q2\""],
        ),
        (
            Defect::StableQuestionKind {
                file: "f.json".into(),
                id: "q3".into(),
                kind: "single".into(),
                is: "multiple".into(),
            },
            vec!["\"q3\"", "single", "multiple"],
        ),
        (
            Defect::StableOptionMissing {
                file: "f.json".into(),
                id: "q4".into(),
                option: "o4".into(),
            },
            vec!["\"q4\"", "\"o4\""],
        ),
        (
            Defect::DefaultNeeded {
                file: "f.json".into(),
                id: "q5".into(),
            },
            vec!["\"q5\"", "\"default\""],
        ),
        (
            Defect::StableFindingMissing { id: "f2".into() },
            vec!["\"f2\""],
        ),
        (
            Defect::StableValueMissing {
                id: "f3".into(),
                value: json!(true),
            },
            vec!["\"f3\"", "value true"],
        ),
        (
            Defect::StableActionMissing { id: "a1".into() },
            vec!["\"a1\""],
        ),
        (
            Defect::TooManyTestedOptions {
                place: place(Section::Question, "q6"),
                tested: 17,
                most: 16,
            },
            vec!["\"q6\"", "17", "16"],
        ),
        (
            Defect::LooksAhead {
                place: place(Section::Question, "q7"),
                branch: 2,
                later: vec!["q8".into(), "q9".into()],
            },
            vec!["\"q7\", next[2].when", "\"q8\", \"q9\""],
        ),
        (
            Defect::DeadEnd {
                place: place(Section::Question, "q10"),
                path: Answers(Vec::new()),
            },
            vec!["\"q10\"", "\"next\"", "at the start"],
        ),
        (
            Defect::NoValue {
                file: "f.json".into(),
                finding: "f4".into(),
                path: path(),
            },
            vec!["\"f4\"", "qa=\"oa\", qb=[\"ob\"]"],
        ),
        (
            Defect::Conflict {
                place: place(Section::Conflict, "c1"),
                items: Box::new([
                    Named::Action {
                        id: "a2".into(),
                        required: true,
                    },
                    Named::Finding {
                        id: "f5".into(),
                        value: json!("v5"),
                    },
                ]),
                path: path(),
                why: Text {
                    nl: "Dat kan niet samen.".into(),
                    en: "Those two cannot go together.".into(),
                },
            },
            vec![
                "conflict \"c1\"",
                "action \"a2\" (required)",
                "finding \"f5\" = \"v5\"",
                "Those two cannot go together.",
            ],
        ),
        (
            Defect::NeverAsked {
                place: place(Section::Question, "q11"),
            },
            vec!["question \"q11\""],
        ),
        (
            Defect::NeverApplies {
                place: place(Section::Rule, "r3"),
            },
            vec!["rule \"r3\""],
        ),
        (
            Defect::NeverAdvised {
                place: place(Section::Action, "a3"),
            },
            vec!["action \"a3\""],
        ),
        (
            Defect::NeverGiven {
                place: place(Section::Warning, "w1"),
            },
            vec!["warning \"w1\""],
        ),
        (
            Defect::NeverGiven {
                place: place(Section::Note, "n2"),
            },
            vec!["note \"n2\""],
        ),
    ]
}

#[test]
fn every_defect_is_said_in_english_and_its_display_is_the_dutch() {
    for (defect, names) in every_defect() {
        let en = defect.said(Lang::En);
        english(&format!("{defect:?}"), &en);
        for name in names {
            assert!(en.contains(name), "{name} not in {en}");
        }
        let nl = defect.said(Lang::Nl);
        assert_eq!(defect.to_string(), nl);
        assert_ne!(nl, en);
        assert!(!en.contains('\n') && !nl.contains('\n'), "one line: {en}");
    }
}

/// The Dutch names of a conflict's items are the bank's own (`Item::describe`), which the
/// existing tests build their expected lines from; the English ones name the same ids.
#[test]
fn conflict_items_are_named_as_the_bank_names_them() {
    let bank = Bank::embedded().unwrap();
    let mut items: Vec<Item> = bank.conflicts.iter().flat_map(|c| c.items).collect();
    items.extend([
        Item::Action(0.into(), true),
        Item::Action(0.into(), false),
        Item::Warning(0.into()),
        Item::Note(0.into()),
        Item::Finding(0.into(), 0),
    ]);
    for item in items {
        let named = Named::of(item, &bank);
        assert_eq!(named.said(Lang::Nl), item.describe(&bank));
        let en = named.said(Lang::En);
        english("item", &unquoted(&en));
        assert_eq!(quoted_parts(&en), quoted_parts(&item.describe(&bank)));
    }
}

/// The report's own lines, and the Dutch lines it keeps for callers that read lines.
#[test]
fn reports_are_said_in_english() {
    let bank = Bank::embedded().unwrap();
    let report = lint(&bank);
    assert!(report.defects.is_empty());
    let en = report.said(Lang::En);
    english("sound report", &en);
    assert!(en.ends_with("\nSound: every question is reachable and every path ends in complete advice with sources.\n"));

    // A report whose paths were not explored, with one defect and then two.
    let mut report = Report {
        questions: 1,
        defects: vec![Defect::NeverAsked {
            place: place(Section::Question, "q1"),
        }],
        ..Default::default()
    };
    assert_eq!(
        report.said(Lang::En),
        "  1 question; the paths were not explored because of the defects below\n  - f.json: question \"q1\" is not asked on any path\n1 defect found.\n"
    );
    assert_eq!(
        report.said(Lang::Nl),
        "  1 vragen; de paden zijn niet verkend door de gebreken hieronder\n  - f.json: vraag \"q1\" wordt op geen enkel pad gesteld\n1 gebrek(en) gevonden.\n"
    );
    report
        .defects
        .push(Defect::StableActionMissing { id: "a1".into() });
    report.states = 1;
    report.paths = 1;
    report.outcomes = 2;
    let en = report.said(Lang::En);
    assert!(
        en.starts_with("  1 question, 1 path, 2 distinct outcomes (1 state explored)\n"),
        "{en}"
    );
    assert!(en.ends_with("\n2 defects found.\n"), "{en}");
    english("report", &unquoted(&en));
}
