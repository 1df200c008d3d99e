//! The generated documents: each kind offered exactly where the advice calls for it, on a case
//! of every use; their texts pinned by snapshots in Dutch and English (`tests/snapshots/`);
//! placeholders filled or marked missing, never made up; hostile record text escaped in every
//! format; and a broken documents section refused at load time with its file and place. The
//! `document` command is tested in `tests/documents_cli.rs`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use serde_json::{Value, json};

use avg_wijzer::bank::Bank;
use avg_wijzer::documents::{Format, LibraryItem, Missing, Refusal, format};
use avg_wijzer::text::Lang;

mod common;
use common::BANK;
use common::documents::*;
use common::english::english;

// ---------------------------------------------------------------------------------------------
// Offered where the advice calls for them

#[test]
fn each_case_is_offered_exactly_its_documents() {
    for (name, answers, want) in cases() {
        assert_eq!(offered(&parsed(&answers)), want, "{name}");
    }
    // Together the cases offer every kind.
    let all: Vec<&str> = cases().into_iter().flat_map(|(_, _, k)| k).collect();
    for kind in KINDS {
        assert!(all.contains(&kind), "no case offers {kind}");
    }
}

/// A document is offered when, and only when, the advice has one of the actions it belongs with
/// (and its condition holds): checked on every case against the advice itself.
#[test]
fn a_document_follows_its_actions() {
    for (name, answers, _) in cases() {
        let p = parsed(&answers);
        let none = |_: &str| None;
        let c = case(&p, &no_facts, &none);
        for doc in BANK.documents() {
            let called = doc
                .offered_with
                .iter()
                .any(|a| p.outcome.actions.iter().any(|x| x.action == *a));
            match c.refusal(doc) {
                None => assert!(called, "{name}: {} offered uncalled", doc.id),
                Some(Refusal::NotCalledFor(titles)) => {
                    assert!(!called, "{name}: {}", doc.id);
                    assert_eq!(titles.len(), doc.offered_with.len());
                }
                Some(r) => assert!(matches!(r, Refusal::OtherCase), "{name}: {r:?}"),
            }
        }
    }
}

#[test]
fn no_document_is_offered_for_a_plan_that_cannot_go_ahead() {
    let not_allowed = json!({
        "use_case": "address_selection", "postcode_granularity": "pc6_house_number",
        "envisia_access": "poi_license", "distribution": "direct_marketing",
        "audience": ["school_library_members"], "channel": ["email"],
        "uses_lending_history": "no", "legal_basis": "consent"
    });
    let undecided = json!({
        "use_case": "coverage_analysis", "postcode_granularity": "pc6_house_number",
        "envisia_access": "poi_license", "legal_basis": "undecided"
    });
    for (answers, decided) in [(not_allowed, true), (undecided, false)] {
        let p = parsed(&answers);
        assert_eq!(offered(&p), Vec::<String>::new());
        let none = |_: &str| None;
        let c = case(&p, &no_facts, &none);
        let privacy = &BANK.documents()[0];
        assert_eq!(c.refusal(privacy), Some(Refusal::Blocked { decided }));
        // Said so, in either language.
        let why = Refusal::Blocked { decided };
        assert!(why.said(Lang::Nl).contains("zie het advies"));
        english("blocked", &why.said(Lang::En));
    }
}

#[test]
fn the_bank_has_every_stable_kind_and_the_docs_list_them() {
    let ids: Vec<&str> = BANK.documents().iter().map(|d| d.id.as_str()).collect();
    assert_eq!(ids, KINDS);
    let list: Value = serde_json::from_str(include_str!("../assets/stable-ids.json")).unwrap();
    let listed: Vec<&str> = list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(listed, KINDS);
    let page = include_str!("../docs/stable-ids.md");
    let section = page
        .split("\n## Documents\n")
        .nth(1)
        .expect("a Documents section");
    let rows: Vec<&str> = section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .map(|r| r.split('`').next().unwrap())
        .collect();
    assert_eq!(rows, KINDS);
    // The command's help lists them too.
    for kind in KINDS {
        assert!(
            avg_wijzer::locale::documents::KINDS_HELP.contains(kind),
            "{kind}"
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The texts, pinned

/// Every document offered for a case, in Markdown, one after the other.
fn all_documents(answers: &Value, lang: Lang) -> String {
    let p = parsed(answers);
    offered(&p)
        .iter()
        .map(|kind| text_of(format::render(&render(&p, kind, lang), Format::Md)))
        .collect::<Vec<_>>()
        .join("\n\n----------------------------------------------------------------\n\n")
}

#[test]
fn snapshots_of_every_document_on_a_case_of_each_use() {
    for (name, answers, kinds) in cases() {
        if kinds.is_empty() {
            continue;
        }
        for lang in [Lang::Nl, Lang::En] {
            let docs = all_documents(&answers, lang);
            if lang == Lang::En {
                english(name, &docs);
            }
            insta::assert_snapshot!(format!("{name}_{}", lang.code()), docs);
        }
    }
}

#[test]
fn snapshots_of_html_and_text() {
    let all = cases();
    let p = parsed(&all[4].1);
    let doc = render(&p, "reminder_emails", Lang::Nl);
    insta::assert_snapshot!(
        "reminder_emails_html_nl",
        text_of(format::render(&doc, Format::Html))
    );
    let p = parsed(&all[1].1);
    let doc = render(&p, "li_worksheet", Lang::En);
    let txt = text_of(format::render(&doc, Format::Txt));
    english("li_worksheet txt", &txt);
    insta::assert_snapshot!("li_worksheet_txt_en", txt);
}

// ---------------------------------------------------------------------------------------------
// Placeholders: filled, or marked missing, never made up

#[test]
fn placeholders_are_filled_from_the_facts_and_the_record() {
    let p = parsed(&cases()[1].1);
    let doc = render(&p, "register_entry", Lang::Nl);
    assert_eq!(doc.missing, []);
    let md = text_of(format::render(&doc, Format::Md));
    for value in [
        "Bibliotheek Voorbeeldstad, Stationsplein 1, 1234 AB Voorbeeldstad, KvK 12345678",
        "B. Jansen, fg@bibliotheek-voorbeeldstad.nl",
        "Campagne 'Voorjaarsactie 2027' met Whize-segmentatie van Whooz",
        // The bank's register field, and the answer it quotes.
        "Dekking en potentie: het eigen gebruikersbestand vergelijken met het werkgebied in Envisia; Meer jonge gezinnen bereiken",
        "Versleuteling, toegangsbeheer per rol, logging",
        "Beleid van de bibliotheek: 2 jaar na einde lidmaatschap",
        "Datum van dit concept: 15 januari 2027.",
    ] {
        assert!(md.contains(value), "{value} not in:\n{md}");
    }
    assert!(!md.contains("ontbreekt"), "{md}");
}

#[test]
fn a_value_nobody_gave_is_marked_missing_and_listed() {
    let p = parsed(&cases()[1].1);
    let doc = BANK
        .documents()
        .iter()
        .find(|d| d.id == "register_entry")
        .unwrap();
    let none = |_: &str| None;
    for (lang, marker, listed) in [
        (
            Lang::Nl,
            "[ontbreekt: naam van de bibliotheek]",
            "## Nog in te vullen",
        ),
        (Lang::En, "[missing: library name]", "## Still to fill in"),
    ] {
        let r = case(&p, &no_facts, &none).render(doc, lang);
        assert_eq!(
            r.missing,
            [
                Missing::Fact(LibraryItem::Name),
                Missing::Fact(LibraryItem::Address),
                Missing::Fact(LibraryItem::Kvk),
                Missing::Fact(LibraryItem::FgName),
                Missing::Fact(LibraryItem::FgContact),
                Missing::Fact(LibraryItem::Retention),
                Missing::Fact(LibraryItem::SecurityMeasures),
            ]
        );
        let md = text_of(format::render(&r, Format::Md));
        assert!(md.contains(&avg_wijzer::text::md_escape(marker)), "{md}");
        assert!(md.contains(listed), "{md}");
        let txt = text_of(format::render(&r, Format::Txt));
        assert!(txt.replace('\n', " ").contains(marker), "{txt}");
        let html = text_of(format::render(&r, Format::Html));
        assert!(html.contains(&format!("<mark>{marker}</mark>")), "{html}");
    }
}

#[test]
fn the_worksheet_shows_each_justification_or_that_it_is_missing() {
    let p = parsed(&cases()[1].1);
    let nl = render(&p, "li_worksheet", Lang::Nl);
    let md = text_of(format::render(&nl, Format::Md));
    assert!(md.contains("Toelichting: Bereik onder jonge gezinnen daalt nu"));
    assert!(md.contains("Antwoord in de beoordeling: Ja."));
    // The balancing test has no justification.
    let txt = text_of(format::render(&nl, Format::Txt));
    assert_eq!(txt.matches("[toelichting ontbreekt]").count(), 1, "{txt}");
    assert_eq!(
        nl.missing,
        [Missing::Justification {
            question: "li_balance".into(),
            prompt: BANK.question("li_balance").unwrap().prompt.nl.clone(),
        }]
    );
    // The FG among the participants, and the date.
    assert!(
        md.contains("Datum: 15 januari 2027. Functionaris gegevensbescherming (FG): B. Jansen.")
    );
    let en = render(&p, "li_worksheet", Lang::En);
    let md = text_of(format::render(&en, Format::Md));
    assert!(md.contains("\\[justification missing\\]"), "{md}");
    assert!(md.contains("Date: 15 January 2027. Data protection officer (FG): B. Jansen."));

    // Without an FG among the participants, that is missing too.
    let mut p = parsed(&cases()[1].1);
    p.participants.retain(|x| x.role != "FG");
    let just = |q: &str| some_justifications(q);
    let r = case(&p, &full_facts, &just).render(
        BANK.documents()
            .iter()
            .find(|d| d.id == "li_worksheet")
            .unwrap(),
        Lang::Nl,
    );
    assert!(r.missing.contains(&Missing::FgParticipant));
    assert!(
        text_of(format::render(&r, Format::Txt))
            .replace('\n', " ")
            .contains("[ontbreekt: de FG onder de deelnemers van het verslag]")
    );
}

/// Texts speak only of the case: a door-to-door page says nothing of e-mail, a case without
/// consent nothing of withdrawing it.
#[test]
fn texts_speak_only_of_the_case() {
    let door = parsed(&cases()[2].1);
    for kind in ["privacy_paragraph", "public_page", "staff_briefing"] {
        for lang in [Lang::Nl, Lang::En] {
            let md = text_of(format::render(&render(&door, kind, lang), Format::Md)).to_lowercase();
            assert!(!md.contains("e-mail"), "{kind} {lang:?}:\n{md}");
            assert!(
                !md.contains("intrekken") && !md.contains("withdraw"),
                "{kind}"
            );
        }
    }
    let mail = parsed(&cases()[4].1);
    let md = text_of(format::render(
        &render(&mail, "reminder_emails", Lang::Nl),
        Format::Md,
    ));
    // The second reminder's notice, and what it does not stop.
    assert!(md.contains("Actie benodigd: als u niets doet"));
    assert!(md.contains("gewone nieuwsbrief"));
    let post = parsed(&json!({
        "use_case": "address_selection", "postcode_granularity": "pc6_house_number",
        "envisia_access": "poi_license", "distribution": "direct_marketing",
        "audience": ["existing_customers"], "channel": ["addressed_post"],
        "uses_lending_history": "no", "legal_basis": "consent", "existing_consent": "none"
    }));
    let md = text_of(format::render(
        &render(&post, "reminder_emails", Lang::Nl),
        Format::Md,
    ));
    assert!(
        !md.to_lowercase().contains("e-mail") && md.contains("als brief"),
        "{md}"
    );
}

/// The consent request never asks consent by accepting the terms, and the privacy paragraph
/// never reproduces the handreiking's sample sentence.
#[test]
fn consent_is_asked_apart_from_the_terms() {
    for (name, answers, kinds) in cases() {
        let p = parsed(&answers);
        for kind in kinds {
            let md = text_of(format::render(&render(&p, kind, Lang::Nl), Format::Md));
            assert!(
                !md.contains("Door akkoord te gaan met onze privacyverklaring geeft u toestemming"),
                "{name} {kind}"
            );
        }
    }
    let p = parsed(&cases()[4].1);
    let md = text_of(format::render(
        &render(&p, "consent_request", Lang::Nl),
        Format::Md,
    ));
    assert!(
        md.contains("☐ Ja,") && md.contains("niet vooraf is aangevinkt"),
        "{md}"
    );
    let privacy = text_of(format::render(
        &render(&p, "privacy_paragraph", Lang::Nl),
        Format::Md,
    ));
    // The source named, and the right to object under a heading of its own.
    assert!(privacy.contains("niet van u, maar van Whooz"));
    assert!(privacy.contains("## Uw recht van bezwaar"));
}

// ---------------------------------------------------------------------------------------------
// Hostile text from a record

#[test]
fn hostile_record_text_is_escaped_in_every_format() {
    let mut p = parsed(&cases()[4].1);
    p.campaign.name = "<script>alert(1)</script>\u{1b}[31m & \u{202e}x".into();
    let hostile = |i: LibraryItem| {
        Some(match i {
            LibraryItem::Name => "Bieb <img src=x onerror=alert(1)> \"Noord\"".to_string(),
            other => format!("{} \u{9b}2J", other.key()),
        })
    };
    let none = |_: &str| None;
    let c = case(&p, &hostile, &none);
    for doc in c.offered() {
        let r = c.render(doc, Lang::Nl);
        let html = text_of(format::render(&r, Format::Html));
        assert!(
            !html.contains("<script") && !html.contains("<img"),
            "{html}"
        );
        assert_only_own_tags(&html);
        assert!(
            !html.contains("url(") && !html.contains("http"),
            "{}",
            doc.id
        );
        assert!(html.starts_with("<!DOCTYPE html>") && html.ends_with("</html>\n"));
        let md = text_of(format::render(&r, Format::Md));
        // Every angle bracket in Markdown is escaped, so none starts a tag.
        assert!(
            md.match_indices('<').all(|(i, _)| md[..i].ends_with('\\')),
            "{md}"
        );
        for out in [&html, &md, &text_of(format::render(&r, Format::Txt))] {
            assert!(
                !out.contains('\u{1b}') && !out.contains('\u{9b}') && !out.contains('\u{202e}'),
                "{}: a control character reached the output",
                doc.id
            );
        }
        if doc.id == "staff_briefing" {
            assert!(
                html.contains("&lt;script&gt;alert(1)&lt;/script&gt;\\u{1b}[31m &amp; \\u{202e}x"),
                "{html}"
            );
            assert!(md.contains("\\<script\\>alert(1)\\</script\\>"), "{md}");
        }
        if doc.id == "privacy_paragraph" {
            assert!(
                html.contains(
                    "Bieb &lt;img src=x onerror=alert(1)&gt; &quot;Noord&quot; werkt met Whize"
                ),
                "{html}"
            );
        }
    }
}

/// Every tag of a document's page is one the page itself writes: nothing from a record or the
/// library's facts became a tag, and nothing links outside the page.
fn assert_only_own_tags(html: &str) {
    const OWN: &[&str] = &[
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "h2", "p", "br", "ul",
        "li", "mark",
    ];
    for tag in html.split('<').skip(1) {
        let name = tag
            .split(|c: char| c.is_whitespace() || c == '>')
            .next()
            .unwrap()
            .trim_start_matches('/');
        assert!(OWN.contains(&name), "<{name}> in:\n{html}");
    }
}

// ---------------------------------------------------------------------------------------------
// Refused at load time

/// The shipped bank with `edit` applied to its documents file; the defects it is refused with.
fn refused(edit: impl FnOnce(&mut Value)) -> Vec<String> {
    let mut edit = Some(edit);
    let files: Vec<(String, String)> = avg_wijzer::bank::EMBEDDED
        .iter()
        .map(|(name, content)| {
            let mut content = content.to_string();
            if *name == "documents.json" {
                let mut v: Value = serde_json::from_str(&content).unwrap();
                (edit.take().unwrap())(&mut v);
                content = serde_json::to_string_pretty(&v).unwrap();
            }
            (name.to_string(), content)
        })
        .collect();
    let refusal = Bank::from_files(&files, "test").expect_err("refused");
    // Said in English too, never empty and never the Dutch.
    for d in &refusal.defects {
        let (nl, en) = (d.said(Lang::Nl), d.said(Lang::En));
        assert!(en.starts_with("documents.json") && nl != en, "{nl}\n{en}");
        // The one case with a Dutch word of its own: the misspelt placeholder the file holds.
        if !en.contains("{library.naam}") {
            english("document defect", &en);
        }
    }
    refusal.defects.iter().map(|d| d.said(Lang::Nl)).collect()
}

/// A change to the documents file.
type Edit = Box<dyn FnOnce(&mut Value)>;

fn part(v: &mut Value, doc: usize, section: usize, part: usize) -> &mut Value {
    &mut v["documents"][doc]["sections"][section]["parts"][part]
}

#[test]
fn a_broken_document_is_refused_with_its_place() {
    let at = "documents.json: document \"privacy_paragraph\"";
    let cases: Vec<(Edit, String)> = vec![
        (
            Box::new(|v| part(v, 0, 0, 0)["text"]["en"] = json!("{library.naam} works with Whize.")),
            format!("{at}, sections[0].parts[0].text (en): onbekende plaatshouder {{library.naam}}; bekend: {{library.name}}, {{library.address}}, {{library.kvk}}, {{fg.name}}, {{fg.contact}}, {{privacy_contact}}, {{security_measures}}, {{retention}}, {{campaign.name}}, {{answer.VRAAG}}, {{justification.VRAAG}}, {{register.VELD}}, {{participants.fg}}, {{date}}"),
        ),
        (
            Box::new(|v| v["documents"][0]["offered_with"] = json!(["update_privacy_statment"])),
            format!("{at}: offered_with: onbekende actie \"update_privacy_statment\""),
        ),
        (
            Box::new(|v| v["documents"][0]["offered_with"] = json!([])),
            format!("{at}: \"offered_with\" is leeg: een document wordt alleen aangeboden bij acties van het advies"),
        ),
        (
            Box::new(|v| part(v, 0, 1, 0)["text"]["en"] = json!("")),
            format!("{at}, sections[1].parts[0].text (en): de tekst in \"en\" ontbreekt"),
        ),
        (
            Box::new(|v| v["documents"][0]["sections"][2]["heading"]["nl"] = json!(" ")),
            format!("{at}, sections[2].heading: de tekst in \"nl\" ontbreekt"),
        ),
        (
            Box::new(|v| {
                for s in v["documents"][6]["sections"].as_array_mut().unwrap() {
                    s.as_object_mut().unwrap().remove("sources");
                    for p in s["parts"].as_array_mut().unwrap() {
                        p.as_object_mut().unwrap().remove("sources");
                    }
                }
            }),
            "documents.json: document \"register_entry\": geen bron: geen enkele sectie of deel heeft \"sources\"".to_string(),
        ),
        (
            Box::new(|v| part(v, 0, 0, 0)["text"]["nl"] = json!("{answer.campagne_doel} werkt met Whize.")),
            format!("{at}, sections[0].parts[0].text (nl): plaatshouder met onbekende vraag \"campagne_doel\""),
        ),
        (
            Box::new(|v| part(v, 0, 0, 0)["text"]["nl"] = json!("{register.doel} werkt met Whize.")),
            format!("{at}, sections[0].parts[0].text (nl): plaatshouder met onbekend registerveld \"doel\""),
        ),
        (
            Box::new(|v| part(v, 0, 0, 0)["text"]["nl"] = json!("{campaign.name} werkt met Whize.")),
            format!("{at}, sections[0].parts[0].text: de Nederlandse en de Engelse tekst hebben niet dezelfde plaatshouders"),
        ),
        (
            Box::new(|v| v["documents"][0]["sections"][0]["heading"]["en"] = json!("Segmentation at {library.name}")),
            format!("{at}, sections[0].heading: een titel of kop heeft geen plaatshouders"),
        ),
        (
            Box::new(|v| part(v, 0, 0, 0)["text"]["en"] = json!("{library.name works with Whize.")),
            format!("{at}, sections[0].parts[0].text (en): een {{ zonder }}; schrijf {{{{ voor een accolade"),
        ),
        (
            Box::new(|v| part(v, 0, 1, 0)["notes"] = json!(["right_to_objekt"])),
            format!("{at}, sections[1].parts[0]: notes: onbekende notitie \"right_to_objekt\""),
        ),
        (
            Box::new(|v| part(v, 0, 1, 0)["when"] = json!({ "answer": "channel", "is": "email" })),
            format!("{at}, sections[1].parts[0].when: vraag \"channel\" is een meerkeuzevraag: gebruik \"includes\" of \"includes_any\""),
        ),
    ];
    for (edit, want) in cases {
        let defects = refused(edit);
        assert_eq!(defects, std::slice::from_ref(&want), "want: {want}");
    }
    // An unknown key is refused like anywhere in the bank.
    let defects = refused(|v| part(v, 0, 0, 0)["continue"] = json!(true));
    assert!(
        defects.len() == 1
            && defects[0].starts_with("documents.json:")
            && defects[0].contains("continue"),
        "{defects:?}"
    );
}

/// The embedded bank compiles its documents when first asked for; they are the documents the
/// same files give when compiled whole, as a bank from a directory is.
#[test]
fn the_embedded_banks_documents_compiled_later_are_the_ones_compiled_with_it() {
    let files: Vec<(String, String)> = avg_wijzer::bank::EMBEDDED
        .iter()
        .map(|(n, c)| (n.to_string(), c.to_string()))
        .collect();
    let whole = Bank::from_files(&files, "questions").expect("the shipped bank loads");
    let later = Bank::embedded().expect("the embedded bank loads");
    assert!(!whole.documents().is_empty());
    assert_eq!(
        format!("{:?}", later.documents()),
        format!("{:?}", whole.documents())
    );
}
