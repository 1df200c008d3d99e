//! `compare`: two records of different use cases, and a revision against the one it continues,
//! pinned as text, Markdown and HTML in Dutch and English (`tests/snapshots/`); a record whose
//! campaign, notes and answers hold controls and markup; texts from a record made with another
//! bank; writing to a file; `--previous`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use serde_json::json;

use avg_wijzer::compare::{Comparison, Format, TextSource, render};
use avg_wijzer::record::{Assessment, Campaign, Participant, Record};
use avg_wijzer::text::{Lang, steers};

mod common;
use common::compare::{
    A_ID, B_ID, R2_ID, address_selection, enrichment, example_answers, revision_pair,
};
use common::english::english;
use common::records::answer_all;
use common::{BANK, Scratch};

fn compared(a: &Record, b: &Record, lang: Lang) -> Comparison {
    Comparison::new(a, b, Some(&BANK), lang)
}

/// Every form in both languages, pinned; the English ones free of Dutch words.
fn pin(name: &str, a: &Record, b: &Record) {
    for lang in [Lang::Nl, Lang::En] {
        let c = compared(a, b, lang);
        for format in Format::ALL {
            let out = render(&c, format, lang);
            if lang == Lang::En {
                english(&format!("{name} {format:?}"), &out);
            }
            insta::assert_snapshot!(format!("{name}_{}_{}", lang.code(), format.ext()), out);
        }
    }
}

#[test]
fn two_use_cases() {
    pin("use_cases", &address_selection(), &enrichment());
}

#[test]
fn a_revision_against_the_one_it_continues() {
    let (a, b) = revision_pair();
    assert_eq!(b.previous.as_ref().map(|p| p.id.as_str()), Some(A_ID));
    pin("revision", &a, &b);
}

/// A revision that changed only the campaign says so: the parts that differ, by name, with A's
/// and B's, and not "no differences".
#[test]
fn a_change_of_the_campaign_alone_is_a_difference() {
    let (a, _) = revision_pair();
    let mut b = a.clone();
    b.campaign.description = "Brief aan oud-leden in april".into();
    b.participants = Participant::parse_list("Anna (marketing), Bert (FG)");
    let c = compared(&a, &b, Lang::Nl);
    assert!(!c.is_same());
    let parts: Vec<usize> = c.campaign.iter().map(|d| d.part).collect();
    assert_eq!(parts, [1, 2], "{:?}", c.campaign);
    let md = render(&c, Format::Md, Lang::Nl);
    assert!(md.contains("Korte omschrijving"), "{md}");
    assert!(md.contains("Brief aan oud-leden in april"), "{md}");
    assert!(md.contains("Anna (marketing), Bert (FG)"), "{md}");
    assert!(!md.contains("Geen verschillen"), "{md}");
    // The same campaign: no campaign section.
    assert!(compared(&a, &a, Lang::Nl).campaign.is_empty());
}

#[test]
fn the_questions_come_in_the_order_they_are_asked() {
    let (a, b) = (address_selection(), enrichment());
    let c = compared(&a, &b, Lang::Nl);
    let ids: Vec<&str> = c.answers.iter().map(|d| d.question.id.as_str()).collect();
    // Each record's own path keeps its order in the union.
    for r in [&a, &b] {
        let path = &r.outcome.as_ref().unwrap().path;
        let places: Vec<usize> = path
            .iter()
            .map(|q| ids.iter().position(|x| x == q).unwrap())
            .collect();
        assert!(places.is_sorted(), "{path:?} in {ids:?}");
    }
    assert_eq!(ids[0], "campaign_purpose");
    let d = c.answers.iter().find(|d| d.question.id == "crm_coupling");
    let d = d.unwrap();
    assert!(!d.on_a && d.on_b && d.a.is_none());
    // The same record: nothing differs.
    assert!(compared(&a, &a, Lang::Nl).is_same());
    assert!(!c.is_same());
}

/// A record made with another bank keeps the texts it showed then: they are used, in its
/// language, and the head says where they come from.
#[test]
fn a_record_of_another_bank_speaks_in_its_own_words() {
    let (a, mut b) = (address_selection(), enrichment());
    b.bank.sha256 = "5a".repeat(32);
    b.bank.version = "0.9.0".into();
    let c = compared(&a, &b, Lang::En);
    assert_eq!(c.a.texts, TextSource::Bank);
    assert_eq!(c.b.texts, TextSource::Record(Lang::Nl));
    assert!(c.bank_differs);
    let out = render(&c, Format::Text, Lang::En);
    assert!(
        out.contains("Note, different question banks: A avg-wijzer-whize "),
        "{out}"
    );
    assert!(out.contains("B avg-wijzer-whize 0.9.0 (texts as the record showed them, nl)"));
    // B's answers and actions as the record showed them: in Dutch.
    assert!(
        out.contains(
            "  How do the Whize profiles end up with your data?\n    A: (not asked) | B: Als vast veld in het SMP of een ander klantsysteem (CRM) (toepassing 4A)\n"
        ),
        "{out}"
    );
    assert!(out.contains("  New in B:\n    - DPIA uitvoeren voordat je begint\n"));
    // Without any bank, ids and values.
    let c = Comparison::new(&a, &b, None, Lang::En);
    assert_eq!(c.a.texts, TextSource::Record(Lang::Nl));
    let mut bare = b.clone();
    bare.outcome = None;
    let c = Comparison::new(&a, &bare, None, Lang::En);
    assert_eq!(c.b.texts, TextSource::Ids);
    let out = render(&c, Format::Text, Lang::En);
    assert!(
        out.contains("  crm_coupling\n    A: (not asked) | B: crm_structural\n"),
        "{out}"
    );
}

#[test]
fn controls_and_markup_from_a_record_stay_text() {
    let hostile = "Actie \x1b]0;titel\x07 <script>alert(1)</script> | *vet* \u{202e}x\u{9b}";
    let mut a = Assessment::start(
        &BANK,
        A_ID.into(),
        Campaign {
            name: hostile.into(),
            ..Campaign::default()
        },
        vec![],
        Lang::Nl,
        "2027-01-01T09:00:00Z",
    );
    let mut answers = example_answers();
    answers["campaign_purpose"] = json!("doel\x1b[2J <img src=x>");
    let src = json!({ "campaign": { "name": "x" }, "answers": answers }).to_string();
    answer_all(&mut a, &src, "2027-01-01T09:00:00Z");
    a.note(
        Some("channel"),
        "notitie\x1b[31m <b>vet</b>",
        "2027-01-01T09:01:00Z",
    )
    .unwrap();
    a.note(None, "regel 1\nB: nep | <i>\r", "2027-01-01T09:02:00Z")
        .unwrap();
    let (a, b) = (a.record, address_selection());
    for lang in [Lang::Nl, Lang::En] {
        let c = compared(&a, &b, lang);
        for format in Format::ALL {
            let out = render(&c, format, lang);
            let what = format!("{format:?} {lang:?}");
            assert!(!out.chars().any(steers), "{what}: {out:?}");
            let bracket = if format == Format::Md { "\\]" } else { "]" };
            assert!(
                out.contains(&format!("\\u{{1b}}{bracket}0;titel\\u{{7}}")),
                "{what}: {out}"
            );
            assert!(out.contains("\\u{202e}x\\u{9b}"), "{what}: {out}");
            match format {
                Format::Text => {
                    // On one line: a note cannot make a line of its own.
                    assert!(
                        out.contains("A: regel 1\\nB: nep | <i>\\u{d} | B: -"),
                        "{out}"
                    );
                    assert!(!out.lines().any(|l| l.starts_with("B: nep")), "{out}");
                    assert!(out.contains("notitie\\u{1b}[31m <b>vet</b>"), "{out}");
                }
                Format::Md => {
                    assert!(out.contains("\\<script\\>alert(1)\\</script\\> \\| \\*vet\\*"));
                    assert!(out.contains("regel 1 B: nep \\| \\<i\\>"), "{out}");
                    assert!(out.contains("doel\\u{1b}\\[2J \\<img src=x\\>"), "{out}");
                    // Every angle bracket of a record's text is escaped.
                    let bare = out
                        .match_indices('<')
                        .any(|(i, _)| !out[..i].ends_with('\\'));
                    assert!(!bare, "{out}");
                }
                Format::Html => {
                    assert!(!out.contains("<script") && !out.contains("<img"), "{out}");
                    assert!(!out.contains("<b>vet") && !out.contains("<i>"), "{out}");
                    assert!(out.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
                    assert!(!out.contains("http") && !out.contains("<link"), "{out}");
                }
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// The command

/// A store with the revision pair and the enrichment record.
fn store_with_records() -> Scratch {
    let s = Scratch::new("compare");
    let store = s.open_store();
    let (mut a, mut b) = revision_pair();
    store.create(&mut a).unwrap();
    store.create(&mut b).unwrap();
    store.create(&mut enrichment()).unwrap();
    s
}

#[test]
fn previous_compares_a_revision_with_the_one_it_continues() {
    let s = store_with_records();
    let out = s.run(&["compare", R2_ID, "--previous"]);
    out.assert_ok();
    let both = s.run(&["compare", A_ID, R2_ID]);
    assert_eq!(out.stdout, both.stdout);
    assert!(
        out.stdout.starts_with(&format!(
            "A: {A_ID} — Voorjaarsactie 2027 (revisie 1, afgetekend: goedgekeurd)\nB: {R2_ID} — Voorjaarsactie 2027 (revisie 2, afgerond)\n"
        )),
        "{}",
        out.stdout
    );
    // By a unique beginning, as every command.
    let out = s.run(&["compare", "20270103", "--previous"]);
    assert_eq!(out.stdout, both.stdout);

    s.run(&["compare", A_ID, "--previous"]).assert_error(
        2,
        &format!("verslag {A_ID} heeft geen vorige revisie: het is de eerste; vergelijk het met een ander verslag (compare {A_ID} ID)"),
    );
    s.run(&["--lang", "en", "compare", B_ID, "--previous"]).assert_error(
        2,
        &format!("record {B_ID} has no previous revision: it is the first; compare it with another record (compare {B_ID} ID)"),
    );
    fs::remove_file(s.record_path(A_ID)).unwrap();
    s.run(&["compare", R2_ID, "--previous"]).assert_error(
        2,
        &format!("de vorige revisie van verslag {R2_ID}, {A_ID}, staat niet (meer) in de opslag"),
    );
    // Two ids, or one with --previous; not both, not neither.
    let out = s.run(&["compare", R2_ID, B_ID, "--previous"]);
    assert_eq!(out.code, 2, "{}", out.stderr);
    let out = s.run(&["compare", R2_ID]);
    assert_eq!(out.code, 2, "{}", out.stderr);
}

#[test]
fn a_file_is_never_replaced_unasked() {
    let s = store_with_records();
    let out = s.run(&["compare", A_ID, B_ID, "-o", "vergelijking.md"]);
    out.assert_ok();
    assert_eq!(out.stdout, "");
    let path = s.path("vergelijking.md");
    let written = fs::read_to_string(&path).unwrap();
    assert!(
        written.starts_with("# Vergelijking van twee verslagen\n"),
        "{written}"
    );
    #[cfg(unix)]
    assert_eq!(common::mode(&path), 0o600);

    s.run(&["compare", B_ID, A_ID, "-o", "vergelijking.md"])
        .assert_error(
            2,
            "vergelijking.md: bestaat al; gebruik --force om het te vervangen",
        );
    s.run(&[
        "--lang",
        "en",
        "compare",
        B_ID,
        A_ID,
        "-o",
        "vergelijking.md",
    ])
    .assert_error(
        2,
        "vergelijking.md: exists already; use --force to replace it",
    );
    assert_eq!(fs::read_to_string(&path).unwrap(), written);
    s.run(&["compare", B_ID, A_ID, "-o", "vergelijking.md", "--force"])
        .assert_ok();
    assert_ne!(fs::read_to_string(&path).unwrap(), written);

    // The format follows the file's extension unless --format says otherwise.
    s.run(&["compare", A_ID, B_ID, "-o", "v.html"]).assert_ok();
    let html = fs::read_to_string(s.path("v.html")).unwrap();
    assert!(
        html.starts_with("<!DOCTYPE html>\n<html lang=\"nl\">"),
        "{html}"
    );
    s.run(&[
        "compare", A_ID, B_ID, "-o", "v.txt", "--format", "md", "--mode", "640",
    ])
    .assert_ok();
    assert!(
        fs::read_to_string(s.path("v.txt"))
            .unwrap()
            .starts_with("# ")
    );
    #[cfg(unix)]
    assert_eq!(common::mode(&s.path("v.txt")), 0o640);
    let out = s.run(&["compare", A_ID, B_ID, "--format", "html"]);
    out.assert_ok();
    assert_eq!(out.stdout, html);
}

/// A record is hostile input: a path and labels in the hundreds of thousands are
/// compared in about the time it takes to read them, not searched through for every question.
#[test]
fn a_long_path_is_compared_in_time() {
    let (a, mut b) = (address_selection(), enrichment());
    let o = b.outcome.as_mut().unwrap();
    let n = 100_000;
    for i in 0..n {
        let q = format!("q{i}");
        o.answers.insert(q.clone(), json!("x"));
        o.answer_labels.push(avg_wijzer::advice::AnswerLabel {
            id: q.clone(),
            question: "?".into(),
            answer: "x".into(),
            justification: None,
        });
        o.path.push(q);
    }
    let started = std::time::Instant::now();
    for bank in [None, Some(&*BANK)] {
        let c = Comparison::new(&a, &b, bank, Lang::Nl);
        assert!(c.answers.len() > n);
        let _ = render(&c, Format::Html, Lang::Nl);
    }
    assert!(started.elapsed().as_secs() < 20, "{:?}", started.elapsed());
}
