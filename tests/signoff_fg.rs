//! The FG's sign-off as the FG trusts it: every field checked as it is typed in plain mode (and
//! asked again alone), today's date offered, conditions required with "approved with
//! conditions", further signers with their roles; a record with two signers verifies and
//! round-trips, and the records signed before all this still verify.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::io::Cursor;
use std::process::ExitCode;

use avg_wijzer::app::{SignOffError, SignOffInput};
use avg_wijzer::plain;
use avg_wijzer::record::{self, Decision, Event, Refusal, Signer, Verification};
use avg_wijzer::text::Lang;

mod common;
use common::plan::{jan20, started, workflow};
use common::{EXAMPLE, Scratch};

fn resumed(s: &Scratch, id: &str, lines: &[&str]) -> (ExitCode, String) {
    let wf = workflow(s, jan20);
    let input = lines.iter().map(|l| format!("{l}\n")).collect::<String>();
    let mut out = Vec::new();
    let code = plain::run_with(
        &wf,
        Lang::Nl,
        plain::Opening::Resume(id),
        &mut Cursor::new(input.into_bytes()),
        &mut out,
    )
    .unwrap();
    (code, String::from_utf8(out).unwrap())
}

fn json_of(s: &Scratch, id: &str) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(s.record_path(id)).unwrap()).unwrap()
}

#[test]
fn plain_mode_asks_again_for_the_one_field_that_is_wrong_and_offers_today() {
    let s = Scratch::new("plain-signoff-fields");
    let id = started(&workflow(&s, jan20), EXAMPLE).record().id.clone();
    let (code, out) = resumed(
        &s,
        &id,
        &[
            "",
            "aftekenen",
            "",
            "B. Jansen",
            "",
            "gisteren",
            "",
            "9",
            "2",
            "",
            "Eerst de privacyverklaring aanpassen",
            "",
            "Jan Smit",
            "",
            "directeur",
            "",
            "j",
            "",
        ],
    );
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    // Today (on the fixed clock) is the default and the example.
    assert!(
        out.contains("Datum (JJJJ-MM-DD, Enter = vandaag, 2027-01-20):"),
        "{out}"
    );
    assert!(out.contains("Rol (Enter = functionaris gegevensbescherming (FG)):"));
    // Each slip is said and only its own field asked again: the name twice, not more.
    assert_eq!(out.matches("Naam van de FG:").count(), 2, "{out}");
    assert_eq!(out.matches("Datum (JJJJ").count(), 2, "{out}");
    assert_eq!(out.matches("Besluit: 1.").count(), 2, "{out}");
    assert_eq!(out.matches("Voorwaarden waaronder").count(), 2, "{out}");
    assert_eq!(out.matches("Rol van Jan Smit:").count(), 2, "{out}");
    for said in [
        "Dat begrijp ik niet: de naam van de FG ontbreekt",
        "Dat begrijp ik niet: \"gisteren\" is geen datum als 2026-11-23",
        "Dat begrijp ik niet: kies een besluit",
        "Dat begrijp ik niet: bij goedgekeurd met voorwaarden horen de voorwaarden",
        "Dat begrijp ik niet: de rol van ondertekenaar 2 ontbreekt",
    ] {
        assert!(out.contains(said), "{said}\n{out}");
    }
    assert!(
        out.contains("Afgetekend; het verslag staat nu vast."),
        "{out}"
    );
    let r = record::from_value(json_of(&s, &id)).unwrap();
    let so = r.signoff.expect("signed");
    assert_eq!(
        (so.name.as_str(), so.role.as_str(), so.date.as_str()),
        (
            "B. Jansen",
            "functionaris gegevensbescherming (FG)",
            "2027-01-20"
        )
    );
    assert_eq!(so.decision, Decision::ApprovedWithConditions);
    assert_eq!(so.conditions, "Eerst de privacyverklaring aanpassen");
    assert_eq!(
        so.also,
        [Signer {
            name: "Jan Smit".into(),
            role: "directeur".into()
        }]
    );
}

#[test]
fn plain_mode_shows_what_will_be_frozen_and_signs_only_on_yes() {
    let s = Scratch::new("plain-signoff-confirm");
    let id = started(&workflow(&s, jan20), EXAMPLE).record().id.clone();
    let first = ["B. Jansen", "", "", "2", "Eerst de verklaring", "", ""];
    // A slip, then n: the fields again, now approved; then y; no key.
    let again = ["C. de Wit", "", "", "1", "", ""];
    let mut lines = vec!["", "aftekenen"];
    lines.extend(first);
    lines.extend(["misschien", "n"]);
    lines.extend(again);
    lines.extend(["j", ""]);
    let (code, out) = resumed(&s, &id, &lines);
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    for said in [
        "Dit wordt vastgelegd.",
        "  Oordeel: ",
        "  Verplichte acties: ",
        "  Ondertekend door: B. Jansen, functionaris gegevensbescherming (FG)",
        "  Datum: 20 januari 2027",
        "  Besluit: goedgekeurd met voorwaarden",
        "  Voorwaarden: Eerst de verklaring",
        "  Opmerkingen: geen",
        "  Ondertekend door: C. de Wit",
    ] {
        assert!(out.contains(said), "{said}\n{out}");
    }
    assert_eq!(out.matches("Aftekenen? j = ja").count(), 3, "{out}");
    assert_eq!(out.matches("Naam van de FG:").count(), 2, "{out}");
    let so = record::from_value(json_of(&s, &id)).unwrap().signoff;
    assert_eq!(so.expect("signed").name, "C. de Wit");

    // The input ends at the summary: nothing is signed.
    let s = Scratch::new("plain-signoff-unconfirmed");
    let id = started(&workflow(&s, jan20), EXAMPLE).record().id.clone();
    let mut lines = vec!["", "aftekenen"];
    lines.extend(first);
    let (_, out) = resumed(&s, &id, &lines);
    assert!(out.contains("Aftekenen? j = ja"), "{out}");
    assert!(!out.contains("Afgetekend;"), "{out}");
    assert!(json_of(&s, &id)["signoff"].is_null());
}

#[test]
fn plain_mode_asks_no_conditions_for_a_plain_approval() {
    let s = Scratch::new("plain-signoff-approved");
    let id = started(&workflow(&s, jan20), EXAMPLE).record().id.clone();
    let lines = [
        "",
        "aftekenen",
        "B. Jansen",
        "FG",
        "2027-01-19",
        "1",
        "",
        "",
        "j",
        "",
    ];
    let (code, out) = resumed(&s, &id, &lines);
    assert_eq!(code, ExitCode::SUCCESS, "{out}");
    assert!(!out.contains("Voorwaarden waaronder"), "{out}");
    let v = json_of(&s, &id);
    assert_eq!(v["signoff"]["role"], "FG");
    // Left out while empty, as a record without them was.
    assert!(v["signoff"].get("conditions").is_none(), "{v}");
    assert!(v["signoff"].get("also").is_none(), "{v}");
}

fn two_signers() -> [Signer; 1] {
    [Signer {
        name: "J. Smit".into(),
        role: "directeur".into(),
    }]
}

fn input<'a>(decision: Decision, conditions: &'a str, also: &'a [Signer]) -> SignOffInput<'a> {
    SignOffInput {
        name: "B. Jansen",
        role: "functionaris gegevensbescherming (FG)",
        date: "2027-01-20",
        decision,
        conditions,
        remarks: "",
        also,
    }
}

#[test]
fn a_record_with_two_signers_and_conditions_verifies_and_round_trips() {
    let s = Scratch::new("two-signers");
    let wf = workflow(&s, jan20);
    let mut work = started(&wf, EXAMPLE);
    let also = two_signers();
    // The workflow refuses approval with conditions without them, for every front.
    let refused = wf.sign_off(
        &mut work,
        input(Decision::ApprovedWithConditions, " ", &also),
        None,
        |_| unreachable!(),
    );
    assert!(matches!(
        refused,
        Err(SignOffError::Refused(Refusal::NoConditions))
    ));
    assert!(work.record().signoff.is_none());
    let conditions = "Eerst de privacyverklaring aanpassen";
    let ok = input(Decision::ApprovedWithConditions, conditions, &also);
    wf.sign_off(&mut work, ok, None, |_| unreachable!())
        .unwrap();
    let id = work.record().id.clone();
    let v = json_of(&s, &id);
    assert_eq!(record::verify_value(&v), Verification::Intact);
    let errors = common::schema_errors(&v);
    assert!(errors.is_empty(), "{}", errors.join("\n"));
    assert_eq!(v["signoff"]["conditions"], conditions);
    assert_eq!(v["signoff"]["also"][0]["role"], "directeur");
    // The history names each signer with their role.
    let r = record::from_value(v.clone()).unwrap();
    let signed = r.history.iter().find_map(|e| match e {
        Event::SignedOff {
            name, role, also, ..
        } => Some((name, role, also)),
        _ => None,
    });
    let (name, role, more) = signed.expect("signed off in the history");
    assert_eq!(
        (name.as_str(), role.as_str()),
        ("B. Jansen", "functionaris gegevensbescherming (FG)")
    );
    assert_eq!(more, &also);
    // Read and written again, it is the same record, byte for byte.
    let mut again = r.clone();
    let text = again.to_json();
    assert_eq!(text, std::fs::read_to_string(s.record_path(&id)).unwrap());
    assert_eq!(record::parse(&text).unwrap(), r);
    // `verify` says so, and the export names both signers and the conditions.
    let out = s.run(&["verify", &id]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let out = s.run(&["export", &id, "--format", "md"]);
    assert!(
        out.stdout
            .contains("B. Jansen, functionaris gegevensbescherming (FG); J. Smit, directeur"),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(&format!("- Voorwaarden: {conditions}")),
        "{}",
        out.stdout
    );
    // The list names everyone who signed.
    let listed = wf.list().unwrap();
    let summary = listed.records.iter().find(|r| r.id == id).unwrap();
    assert_eq!(summary.signers, ["B. Jansen", "J. Smit"]);
}

#[test]
fn the_command_line_takes_roles_conditions_and_further_signers() {
    let s = Scratch::new("cli-signers");
    let id = started(&workflow(&s, jan20), EXAMPLE).record().id.clone();
    let base = [
        "signoff",
        &id,
        "--name",
        "B. Jansen",
        "--decision",
        "approved-with-conditions",
    ];
    let out = s.run(&base);
    assert_ne!(out.code, 0, "conditions are required");
    assert!(out.stderr.contains("voorwaarden"), "{}", out.stderr);
    let mut args = base.to_vec();
    args.extend([
        "--conditions",
        "Eerst de verklaring",
        "--also",
        "J. Smit (directeur)",
    ]);
    let out = s.run(&args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let v = json_of(&s, &id);
    assert_eq!(
        v["signoff"]["role"],
        "functionaris gegevensbescherming (FG)"
    );
    assert_eq!(v["signoff"]["conditions"], "Eerst de verklaring");
    assert_eq!(
        v["signoff"]["also"],
        serde_json::json!([{"name": "J. Smit", "role": "directeur"}])
    );
}

#[test]
fn records_signed_before_roles_and_conditions_still_verify() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/records");
    let mut signed = 0;
    for version in ["v2", "v3"] {
        for entry in std::fs::read_dir(format!("{dir}/{version}")).unwrap() {
            let text = std::fs::read_to_string(entry.unwrap().path()).unwrap();
            let v: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(record::verify_value(&v), Verification::Intact);
            let mut r = record::parse(&text).unwrap();
            if r.signoff.is_some() {
                signed += 1;
                let so = r.signoff.as_ref().unwrap();
                assert!(so.role.is_empty() && so.conditions.is_empty() && so.also.is_empty());
                // Its canonical form, and so its seal, is what it was.
                let hash = r.integrity.hash.clone();
                r.seal();
                assert_eq!(r.integrity.hash, hash);
            }
        }
    }
    assert!(signed > 0, "a fixture signed off");
}
