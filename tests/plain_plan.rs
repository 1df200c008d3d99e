//! The action plan in the plain mode: shown after the advice as plain numbered lines, and
//! changed at the prompt after it (the item's number and `field=value` pairs), before and after
//! the sign-off, with refusals and the personal-data warning said in lines, in Dutch and
//! English.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::io::Cursor;
use std::process::ExitCode;

use avg_wijzer::app::PlanChange;
use avg_wijzer::plain::{self, PlanSyntax, parse_change};
use avg_wijzer::record::plan::ItemStatus;
use avg_wijzer::text::Lang;

mod common;
use common::english::english;
use common::plan::{file, jan5, jan20, signed_with_plan, started, without_plan, workflow};
use common::{EXAMPLE, Scratch};

/// The plain mode resuming the record `id` on 20 January 2027, fed `lines`.
fn resumed(s: &Scratch, id: &str, lang: Lang, lines: &[&str]) -> (ExitCode, String) {
    let wf = workflow(s, jan20);
    let input = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
    let mut out = Vec::new();
    let code = plain::run_with(
        &wf,
        lang,
        plain::Opening::Resume(id),
        &mut Cursor::new(input.into_bytes()),
        &mut out,
    )
    .unwrap();
    (code, String::from_utf8(out).unwrap())
}

fn record(s: &Scratch) -> String {
    started(&workflow(s, jan5), EXAMPLE).record().id.clone()
}

#[test]
fn the_plan_follows_the_advice_and_an_item_changes_by_its_number() {
    let s = Scratch::new("plain-plan-change");
    let id = record(&s);
    let (code, out) = resumed(
        &s,
        &id,
        Lang::Nl,
        &[
            "",
            "2 eigenaar=Anna Jansen uiterlijk=2027-01-15 status=bezig notitie=concept v2 = klaar",
            "plan",
            "",
        ],
    );
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    // After the advice: the plan, its progress and what is past due, then how to change it.
    let plan = out.find("\nActieplan\n1. Verwerking opnemen in het verwerkingsregister\n   verplicht · status: open · eigenaar: nog niemand · uiterlijk: geen datum\n").expect(&out);
    assert!(
        out[..plan].contains("Oordeel: TOEGESTAAN, MET ACTIES"),
        "{out}"
    );
    assert!(
        out.contains("0/8 verplicht klaar, 0/3 aanbevolen klaar\nTe laat: geen\n"),
        "{out}"
    );
    assert!(out.contains("Actieplan bijwerken: typ het nummer"), "{out}");
    // The change, field by field.
    assert!(
        out.contains(&format!(
            "verslag {id}, actie 2 (Privacyverklaring aanpassen):\n  eigenaar nog niemand → \"Anna Jansen\"\n  uiterlijk geen datum → 15 januari 2027\n  status open → bezig\n  notitie leeg → \"concept v2 = klaar\"\n"
        )),
        "{out}"
    );
    // "plan" shows it again: on 20 January item 2 is past due.
    assert!(
        out.contains("Te laat: 2. Privacyverklaring aanpassen (uiterlijk 15 januari 2027)"),
        "{out}"
    );
    let item = &file(&s, &id)["plan"]["items"]["update_privacy_statement"];
    assert_eq!(item["owner"], "Anna Jansen");
    assert_eq!(item["status"], "in_progress");
    assert_eq!(item["note"], "concept v2 = klaar");
}

#[test]
fn refusals_and_the_personal_data_warning_are_said_in_lines() {
    let s = Scratch::new("plain-plan-refused");
    let id = record(&s);
    let before = std::fs::read(s.record_path(&id)).unwrap();
    let (_, out) = resumed(
        &s,
        &id,
        Lang::Nl,
        &[
            "",
            "2 wie=Anna",
            "2 status=misschien",
            "2",
            "3 uiterlijk=morgen",
            "1 status=nvt",
            "99 status=klaar",
            "",
        ],
    );
    for said in [
        // Lines are wrapped at 78 characters, the rest indented.
        "Dat begrijp ik niet: \"wie\" is geen veld; gebruik eigenaar=, uiterlijk=,\n  status=",
        "Dat begrijp ik niet: \"misschien\" is geen status; kies open, bezig, klaar of",
        "Dat begrijp ik niet: geef na het nummer wat verandert, bijvoorbeeld 2",
        "Actieplan niet gewijzigd: \"morgen\" is geen datum als 2027-01-15",
        "Actieplan niet gewijzigd: \"niet van toepassing\" vraagt om een reden",
        "Actieplan niet gewijzigd: geen actie \"99\" in het actieplan",
    ] {
        assert!(out.contains(said), "{said}\n{out}");
    }
    // The plain mode's own way to find an action, not the command line's.
    assert!(
        out.replace("\n  ", " ").contains(
            "geen actie \"99\" in het actieplan; geef het nummer van een actie uit het actieplan hierboven (typ plan om het opnieuw te zien)"
        ),
        "{out}"
    );
    assert!(!out.contains("avg-wijzer plan"), "{out}");
    assert_eq!(
        std::fs::read(s.record_path(&id)).unwrap(),
        before,
        "nothing written"
    );

    let (_, out) = resumed(
        &s,
        &id,
        Lang::Nl,
        &["", "1 notitie=gebeld met 06-12345678", ""],
    );
    assert!(
        out.contains("notitie: Let op: dit lijkt op een telefoonnummer"),
        "{out}"
    );
}

#[test]
fn after_the_sign_off_the_plan_changes_without_a_revision() {
    let s = Scratch::new("plain-plan-signed");
    let id = signed_with_plan(&s);
    let before = without_plan(file(&s, &id));
    let hash = before["integrity"]["hash"].as_str().unwrap().to_string();
    let (code, out) = resumed(
        &s,
        &id,
        Lang::Nl,
        &["", "2 status=klaar notitie=gepubliceerd", ""],
    );
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    assert!(
        out.contains(&format!(
            "  status bezig → klaar\n  notitie leeg → \"gepubliceerd\"\nde aftekening en de vingerafdruk blijven zoals ze waren: sha256 {hash}\n"
        )),
        "{out}"
    );
    assert!(!out.contains("nieuwe revisie:"), "{out}");
    let after = file(&s, &id);
    assert_eq!(
        without_plan(after.clone()),
        before,
        "the sealed part as it was"
    );
    assert_eq!(
        after["plan"]["items"]["update_privacy_statement"]["status"],
        "done"
    );
}

#[test]
fn in_english() {
    let s = Scratch::new("plain-plan-en");
    let id = record(&s);
    let (_, out) = resumed(
        &s,
        &id,
        Lang::En,
        &[
            "",
            "2 owner=Jane due=2027-01-15 status=in progress",
            "2 colour=red",
            "99 status=done",
            "",
        ],
    );
    let plan = &out[out.find("\nAction plan\n").expect(&out)..];
    assert!(plan.contains("  status open → in progress\n"), "{plan}");
    assert!(
        plan.contains("I don't understand that: \"colour\" is not a field; use owner=, due=, status=,\n  reason= or note="),
        "{plan}"
    );
    assert!(
        plan.replace("\n  ", " ").contains(
            "no action \"99\" in the action plan; give the number of an action in the plan above (type plan to see it again)"
        ),
        "{plan}"
    );
    english("the plain mode's plan", plan);
}

#[test]
fn a_line_of_pairs_reads_as_a_change() {
    let change =
        parse_change(" owner=Anna de Vries  due=  status=nvt reason=geen leden, alleen=adressen")
            .unwrap();
    assert_eq!(
        change,
        PlanChange {
            owner: Some("Anna de Vries".into()),
            due: Some(String::new()),
            status: Some(ItemStatus::NotApplicable),
            reason: Some("geen leden, alleen=adressen".into()),
            ..PlanChange::default()
        }
    );
    for (status, is) in [
        ("klaar", ItemStatus::Done),
        ("done", ItemStatus::Done),
        ("in_progress", ItemStatus::InProgress),
        ("In Progress", ItemStatus::InProgress),
        ("niet van toepassing", ItemStatus::NotApplicable),
        ("open", ItemStatus::Open),
    ] {
        assert_eq!(
            parse_change(&format!("status={status}")).unwrap().status,
            Some(is),
            "{status}"
        );
    }
    assert_eq!(parse_change("Anna"), Err(PlanSyntax::NoFields));
    assert_eq!(
        parse_change("kleur=rood"),
        Err(PlanSyntax::UnknownField("kleur".into()))
    );
}
