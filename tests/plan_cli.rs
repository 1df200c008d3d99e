//! `avg-wijzer plan`: the plan of a record with its progress and what is past due, changing one
//! item (by its number or its action's id) before and after the sign-off, every refusal as one
//! line, in Dutch and English; and the plan in `show` and the Markdown and HTML exports, with
//! its history beside the assessment's.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;

use serde_json::Value;

mod common;
use common::english::english;
use common::{EXAMPLE, Scratch, check_store_records};

/// The example answers in English, for a record made in English.
const ANSWERS_EN: &str = r#"{
  "campaign": { "name": "Spring campaign" },
  "answers": {
    "use_case": "address_selection",
    "postcode_granularity": "pc6_house_number",
    "envisia_access": "poi_license",
    "distribution": "direct_marketing",
    "audience": ["existing_customers", "former_customers"],
    "channel": ["email"],
    "uses_lending_history": "no",
    "legal_basis": "consent",
    "existing_consent": "some"
  }
}"#;

fn fingerprint(s: &Scratch, id: &str) -> String {
    let v: Value = serde_json::from_str(&fs::read_to_string(s.record_path(id)).unwrap()).unwrap();
    v["integrity"]["hash"].as_str().unwrap().to_string()
}

#[test]
fn plan_shows_every_action_with_its_number_progress_and_what_is_past_due() {
    let s = Scratch::new("plan-cli-show");
    let id = s.new_record("answers.json", EXAMPLE);
    let out = s.run(&["plan", &id[..20]]);
    out.assert_ok();
    assert!(
        out.stdout.starts_with(&format!(
            "Actieplan van verslag {id} (Voorjaarsactie 2027)\n\n\
             1. Verwerking opnemen in het verwerkingsregister\n   \
             verplicht · status: open · eigenaar: nog niemand · uiterlijk: geen datum\n\
             2. Privacyverklaring aanpassen\n"
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "10. Publiceer een begrijpelijk bericht 'Wij werken met Whize'\n    aanbevolen · status: open"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .ends_with("\n0/8 verplicht klaar, 0/3 aanbevolen klaar\nTe laat: geen\n"),
        "{}",
        out.stdout
    );
    // Nothing was written for looking.
    assert!(
        !fs::read_to_string(s.record_path(&id))
            .unwrap()
            .contains("\"plan\"")
    );

    // An item past its date (long ago), one not yet (far ahead), and one done.
    s.run(&["plan", &id, "2", "--due", "2020-01-01", "--owner", "Anna"])
        .assert_ok();
    s.run(&["plan", &id, "3", "--due", "2099-12-31"])
        .assert_ok();
    s.run(&["plan", &id, "1", "--status", "done", "--due", "2020-01-01"])
        .assert_ok();
    s.run(&[
        "plan",
        &id,
        "4",
        "--status",
        "not_applicable",
        "--reason",
        "geen bestaande klanten",
    ])
    .assert_ok();
    let out = s.run(&["plan", &id]);
    out.assert_ok();
    assert!(
        out.stdout.contains(
            "2. Privacyverklaring aanpassen\n   verplicht · status: open · eigenaar: Anna · uiterlijk: 1 januari 2020\n"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.contains(
            "4. Bestaande klanten om uitdrukkelijke toestemming vragen\n   verplicht · status: niet van toepassing: geen bestaande klanten ·"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with(
            "\n2/8 verplicht klaar, 0/3 aanbevolen klaar\nTe laat: 2. Privacyverklaring aanpassen (uiterlijk 1 januari 2020)\n"
        ),
        "{}",
        out.stdout
    );
    let out = s.run(&["--lang", "en", "plan", &id]);
    out.assert_ok();
    assert!(
        out.stdout.starts_with(&format!(
            "Action plan of record {id} (Voorjaarsactie 2027)\n\n1. Record the processing in the processing register\n   required · status: done · owner: nobody yet · due: 1 January 2020\n"
        )),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout.ends_with(
            "\n2/8 required done, 0/3 recommended done\nPast due: 2. Update the privacy statement (due 1 January 2020)\n"
        ),
        "{}",
        out.stdout
    );
    english(
        "plan --lang en",
        &out.stdout.replace("geen bestaande klanten", ""),
    );
    check_store_records(&s, &[]);
}

#[test]
fn a_change_says_what_changed_and_after_the_sign_off_that_the_fingerprint_stands() {
    let s = Scratch::new("plan-cli-change");
    let id = s.new_record("answers.json", EXAMPLE);
    let out = s.run(&[
        "plan",
        &id,
        "update_privacy_statement",
        "--owner",
        "A. de Vries",
        "--due",
        "2027-01-15",
        "--status",
        "in_progress",
        "--by",
        "A. de Vries",
    ]);
    out.assert_ok();
    assert_eq!(
        out.stdout,
        format!(
            "verslag {id}, actie 2 (Privacyverklaring aanpassen):\n  \
             eigenaar nog niemand → \"A. de Vries\"\n  \
             uiterlijk geen datum → 15 januari 2027\n  \
             status open → bezig\n"
        )
    );
    // The same again: nothing changed, nothing written.
    let before = fs::read(s.record_path(&id)).unwrap();
    let out = s.run(&["plan", &id, "2", "--owner", "A. de Vries"]);
    out.assert_ok();
    assert_eq!(
        out.stdout,
        format!("verslag {id}, actie 2 (Privacyverklaring aanpassen): niets gewijzigd\n")
    );
    assert_eq!(fs::read(s.record_path(&id)).unwrap(), before);

    s.run(&[
        "signoff",
        &id,
        "--name",
        "B. Jansen",
        "--decision",
        "approved",
        "--date",
        "2027-01-05",
    ])
    .assert_ok();
    let hash = fingerprint(&s, &id);
    let out = s.run(&[
        "plan",
        &id,
        "2",
        "--status",
        "done",
        "--note",
        "privacyverklaring v3 gepubliceerd 12-01",
    ]);
    out.assert_ok();
    assert_eq!(
        out.stdout,
        format!(
            "verslag {id}, actie 2 (Privacyverklaring aanpassen):\n  \
             status bezig → klaar\n  \
             notitie leeg → \"privacyverklaring v3 gepubliceerd 12-01\"\n\
             de aftekening en de vingerafdruk blijven zoals ze waren: sha256 {hash}\n"
        )
    );
    assert_eq!(fingerprint(&s, &id), hash);
    assert_eq!(s.store_files().len(), 1, "no revision");
    // A note that looks like personal data is taken, with the usual warning.
    let out = s.run(&[
        "plan",
        &id,
        "5",
        "--note",
        "gemaild aan jan.jansen@voorbeeld.nl",
    ]);
    out.assert_ok();
    assert!(
        out.stderr.starts_with("avg-wijzer: notitie: Let op:"),
        "{}",
        out.stderr
    );
    s.run(&["verify", &id]).assert_ok();
    check_store_records(&s, &[]);
}

#[test]
fn an_english_run_speaks_english() {
    let s = Scratch::new("plan-cli-english");
    s.write("answers.json", ANSWERS_EN);
    let en = |args: &[&str]| {
        let mut all = vec!["--lang", "en"];
        all.extend_from_slice(args);
        let out = s.run(&all);
        out.assert_ok();
        english(
            &format!("{args:?}"),
            &format!("{}\n{}", out.stdout, out.stderr),
        );
        out.stdout
    };
    let id = en(&["new", "--answers", "answers.json"]).trim().to_string();
    en(&["plan", &id]);
    let out = en(&[
        "plan",
        &id,
        "2",
        "--owner",
        "Jane Smith",
        "--due",
        "2027-01-15",
    ]);
    assert_eq!(
        out,
        format!(
            "record {id}, action 2 (Update the privacy statement):\n  owner nobody yet → \"Jane Smith\"\n  due no date → 15 January 2027\n"
        )
    );
    en(&[
        "plan",
        &id,
        "3",
        "--status",
        "not_applicable",
        "--reason",
        "assessed last year",
    ]);
    en(&[
        "signoff",
        &id,
        "--name",
        "Jane Smith",
        "--decision",
        "approved",
    ]);
    let out = en(&[
        "plan",
        &id,
        "2",
        "--status",
        "done",
        "--note",
        "statement v3 published",
    ]);
    assert!(
        out.ends_with(&format!(
            "the sign-off and the fingerprint stay as they were: sha256 {}\n",
            fingerprint(&s, &id)
        )),
        "{out}"
    );
    let out = en(&["plan", &id]);
    assert!(
        out.contains("2/8 required done, 0/3 recommended done\n"),
        "{out}"
    );
    let shown = en(&["show", &id]);
    assert!(
        shown.contains("\nAction plan\n  1. Record the processing"),
        "{shown}"
    );
    // Wrapped as the rest of the history is.
    let spaced = shown.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        spaced.contains("action plan, action update_privacy_statement: status open → done; note empty → \"statement v3 published\""),
        "{shown}"
    );
    for format in ["md", "html"] {
        en(&["export", &id, "--format", format]);
    }
    let out = en(&["verify", &id]);
    assert!(out.contains("  action plan: intact, 3 events,"), "{out}");
    // The refusals too.
    for (args, wanted) in [
        (
            vec!["plan", &id, "99", "--owner", "x"],
            "no action \"99\" in the action plan",
        ),
        (
            vec!["plan", &id, "4", "--status", "not_applicable"],
            "\"not applicable\" needs a reason",
        ),
        (vec!["plan", &id, "--owner", "x"], "which action?"),
        (
            vec!["plan", &id, "4", "--due", "tomorrow"],
            "\"tomorrow\" is not a date",
        ),
    ] {
        let mut all = vec!["--lang", "en"];
        all.extend(args);
        let out = s.run(&all);
        assert_eq!(out.code, 2, "{all:?}");
        assert!(out.stderr.contains(wanted), "{all:?}: {}", out.stderr);
        english(&format!("{all:?}"), &out.stderr);
    }
}

#[test]
fn every_refusal_is_one_line_and_writes_nothing() {
    let s = Scratch::new("plan-cli-refusals");
    let id = s.new_record("answers.json", EXAMPLE);
    let before = fs::read(s.record_path(&id)).unwrap();
    let about = |why: &str| format!("verslag {id}: {why}");
    let long = "x".repeat(301);
    let cases: Vec<(Vec<&str>, String)> = vec![
        (
            vec!["99", "--owner", "x"],
            about(
                "geen actie \"99\" in het actieplan; geef haar id of haar nummer uit avg-wijzer plan",
            ),
        ),
        (
            vec!["geen_actie", "--owner", "x"],
            about(
                "geen actie \"geen_actie\" in het actieplan; geef haar id of haar nummer uit avg-wijzer plan",
            ),
        ),
        (
            vec!["2"],
            about("niets te wijzigen: geef een eigenaar, datum, status, reden of notitie"),
        ),
        (
            vec!["2", "--status", "not_applicable"],
            about(
                "\"niet van toepassing\" vraagt om een reden: waarom geldt deze actie hier niet?",
            ),
        ),
        (
            vec!["2", "--reason", "omdat"],
            about("een reden hoort alleen bij de status \"niet van toepassing\" (not_applicable)"),
        ),
        (
            vec!["2", "--due", "15-01-2027"],
            about("\"15-01-2027\" is geen datum als 2027-01-15"),
        ),
        (
            vec!["2", "--note", &long],
            about("de notitie is langer dan 300 tekens"),
        ),
        (
            vec!["2", "--owner", "Anna\nPiet"],
            about(
                "de eigenaar bevat een regeleinde, tab of ander stuurteken; het moet één regel tekst zijn",
            ),
        ),
        (
            vec!["--status", "done"],
            format!(
                "verslag {}: welke actie? Geef haar id of nummer na het id van het verslag, bijvoorbeeld avg-wijzer plan ID 2 --status done",
                &id
            ),
        ),
    ];
    for (args, line) in cases {
        let mut all = vec!["plan", id.as_str()];
        all.extend(args);
        s.run(&all).assert_error(2, &line);
    }
    assert_eq!(fs::read(s.record_path(&id)).unwrap(), before);

    // A record without advice has no plan yet.
    let half = "20270201-100000-00000000b1";
    s.open_store()
        .create(&mut common::records::in_progress_record(half))
        .unwrap();
    let out = s.run(&["plan", half]);
    out.assert_ok();
    assert_eq!(
        out.stdout,
        "Nog geen actieplan: er is nog geen advies (niet alle vragen zijn beantwoord).\n"
    );
    s.run(&["plan", half, "1", "--status", "done"]).assert_error(
        2,
        &format!(
            "verslag {half}: er is nog geen advies, dus nog geen actieplan (niet alle vragen zijn beantwoord)"
        ),
    );
    s.run(&["plan", "2099", "1", "--status", "done"])
        .assert_error(2, "geen verslag met id \"2099\" in store");
}

#[test]
fn show_and_the_exports_hold_the_plan_and_its_history() {
    let s = Scratch::new("plan-cli-exports");
    let id = s.new_record("answers.json", EXAMPLE);
    s.run(&[
        "plan",
        &id,
        "2",
        "--owner",
        "<script>alert(1)</script>",
        "--note",
        "v3 | *klaar* & <b>gepubliceerd</b>",
        "--status",
        "done",
        "--by",
        "Piet",
    ])
    .assert_ok();

    let out = s.run(&["show", &id]);
    out.assert_ok();
    assert!(
        out.stdout.contains(
            "\nActieplan\n  1. Verwerking opnemen in het verwerkingsregister\n     verplicht · status: open"
        ),
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains("\n  1/8 verplicht klaar, 0/3 aanbevolen klaar\n"),
        "{}",
        out.stdout
    );
    // The plan's event in the history, after the assessment's (it came later).
    let history = out.stdout.split("\nGeschiedenis\n").nth(1).unwrap();
    let plan_event = history
        .find("actieplan, actie update_privacy_statement:")
        .unwrap();
    assert!(
        history.find("advies gegeven").unwrap() < plan_event,
        "{history}"
    );
    assert!(history.contains("(door Piet)"), "{history}");

    let md = s.run(&["export", &id, "--format", "md"]);
    md.assert_ok();
    let md = md.stdout;
    assert!(
        md.contains(
            "\n## Actieplan\n\n| Nr. | Actie | Niveau | Eigenaar | Uiterlijk | Status | Notitie |\n"
        ),
        "{md}"
    );
    assert!(
        md.contains(
            r"| 2 | Privacyverklaring aanpassen | verplicht | \<script\>alert(1)\</script\> | geen datum | klaar | v3 \| \*klaar\* & \<b\>gepubliceerd\</b\> |"
        ),
        "{md}"
    );
    assert!(
        md.contains("\n**1/8 verplicht klaar, 0/3 aanbevolen klaar**\n"),
        "{md}"
    );

    let html = s.run(&["export", &id, "--format", "html"]);
    html.assert_ok();
    let html = html.stdout;
    assert!(html.contains("<h2>Actieplan</h2>"), "{html}");
    assert!(
        html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"),
        "{html}"
    );
    assert!(
        html.contains("<td>v3 | *klaar* &amp; &lt;b&gt;gepubliceerd&lt;/b&gt;</td>"),
        "{html}"
    );
    assert!(
        !html.contains("<script>") && !html.contains("<b>"),
        "{html}"
    );
    let lower = html.to_lowercase();
    for banned in [
        "http:", "https:", "src=", "<link", "url(", "@import", "<img",
    ] {
        assert!(!lower.contains(banned), "the HTML holds {banned}");
    }
    assert!(html.contains("<p><strong>1/8 verplicht klaar, 0/3 aanbevolen klaar</strong></p>"));
    // JSON is the record as it is stored, plan and all.
    let json = s.run(&["export", &id, "--format", "json"]);
    json.assert_ok();
    let v: Value = serde_json::from_str(&json.stdout).unwrap();
    assert_eq!(
        v["plan"]["items"]["update_privacy_statement"]["owner"],
        "<script>alert(1)</script>"
    );
}

#[test]
fn the_help_is_in_the_language_of_the_other_commands() {
    let s = Scratch::new("plan-cli-help");
    let out = s.run(&["plan", "--help"]);
    out.assert_ok();
    for dutch in [
        "Het actieplan van een verslag",
        "[ACTIE]",
        "Uiterlijke datum (JJJJ-MM-DD)",
        "open, in_progress, done, not_applicable",
    ] {
        assert!(out.stdout.contains(dutch), "{dutch}: {}", out.stdout);
    }
    let out = s.run(&["--help"]);
    assert!(out.stdout.contains("plan "), "{}", out.stdout);
}
