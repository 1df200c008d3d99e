//! Text from other people never steers the terminal, and a CSV export never runs a formula.
//!
//! A record on a shared drive, an answers file and a question bank are written by others. Every
//! text field of a record here holds terminal escapes (OSC 52 to the clipboard, an OSC 8 link,
//! clearing the screen, moving the cursor up, C1 controls, bidirectional overrides, a lone
//! carriage return, BEL, backspace, DEL), saved through the library as a valid, sealed record.
//! Every command that prints is run on it, and no byte of stdout or stderr may be a control
//! that a terminal obeys. Whatever was there must still show, escaped, so tampering is seen.
//!
//! The CSV export is read back by a real CSV parser with every separator a spreadsheet might
//! use, honouring the quotes and not: no cell may start a formula.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use std::fs;
use std::io::Write;
use std::process::Stdio;

use serde_json::{Value, json};

use avg_wijzer::answers;
use avg_wijzer::record::{Assessment, Campaign, Decision, Participant};
use avg_wijzer::store::Store;
use avg_wijzer::text::Lang;

mod common;
use common::{BANK, EXAMPLE, Scratch};

/// Every kind of control a hostile text could carry.
const HOSTILE: &str = concat!(
    "<\x1b]52;c;aGFjaw==\x07>", // OSC 52: write the clipboard
    "<\x1b]8;;https://evil.example/\x1b\\klik\x1b]8;;\x1b\\>", // OSC 8: a hidden link
    "<\x1b]0;titel\x07>",       // the window title
    "<\x1b[2J\x1b[1A\x1b[31m>", // clear, cursor up, colour
    "<\u{9b}31m\u{9d}0;t\u{9c}\u{85}>", // C1: CSI, OSC, ST, NEL
    "<\u{202e}\u{202a}\u{2066}\u{2069}\u{200e}\u{200f}\u{61c}>", // bidi
    "<echt\rnep>",              // overwrites the line
    "<\x07\x08\x7f\x00\x0b\x0c>"  // BEL, BS, DEL, NUL, VT, FF
);

fn hostile(field: &str) -> String {
    format!("{field}:{HOSTILE}")
}

/// What a run left, as bytes: a byte that is not UTF-8 is one of the things looked for.
struct Out {
    code: i32,
    stdout: Vec<u8>,
    stderr: Vec<u8>,
}

/// Runs the binary in the scratch directory with `--store store`, feeding it `input`.
fn run_with(s: &Scratch, args: &[&str], input: &[u8]) -> Out {
    let mut child = s
        .command(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the binary starts");
    // The plain mode may stop reading early; a closed pipe is not the test's concern.
    let _ = child.stdin.take().unwrap().write_all(input);
    let out = child.wait_with_output().unwrap();
    Out {
        code: out.status.code().expect("exited, not killed"),
        stdout: out.stdout,
        stderr: out.stderr,
    }
}

fn run(s: &Scratch, args: &[&str]) -> Out {
    run_with(s, args, b"")
}

/// Fails on anything a terminal would obey or that reorders what it shows: C0 controls but
/// newline and tab (a carriage return only right before a newline, where `crlf`), DEL, C1,
/// and the bidirectional controls. Bytes that are not UTF-8 fail too (a lone 0x9b is a CSI to
/// some terminals).
fn assert_clean(what: &str, bytes: &[u8], crlf: bool) {
    let text = std::str::from_utf8(bytes).unwrap_or_else(|e| panic!("{what}: not UTF-8: {e}"));
    let chars: Vec<char> = text.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        let ok = match c {
            '\n' | '\t' => true,
            '\r' => crlf && chars.get(i + 1) == Some(&'\n'),
            '\0'..='\x1f' | '\x7f'..='\u{9f}' => false,
            '\u{61c}'
            | '\u{200e}'
            | '\u{200f}'
            | '\u{202a}'..='\u{202e}'
            | '\u{2066}'..='\u{2069}' => false,
            _ => true,
        };
        assert!(
            ok,
            "{what}: {c:?} at character {i} of:\n{}",
            text.escape_debug()
        );
    }
}

fn assert_out_clean(what: &str, out: &Out) {
    assert_clean(&format!("{what} (stdout)"), &out.stdout, false);
    assert_clean(&format!("{what} (stderr)"), &out.stderr, false);
}

/// Builds a completed record with escapes in every text a person gives (campaign, participants,
/// the free-text answer, notes, and with `sign` the sign-off), and saves it through the store.
fn hostile_record(store: &Store, now: &str, purpose: &str, sign: bool) -> String {
    let bank = &*BANK;
    let mut a = Assessment::start(
        bank,
        store.new_id(now),
        Campaign {
            name: hostile("campagne"),
            description: hostile("omschrijving"),
            organisation: hostile("organisatie"),
        },
        vec![Participant {
            name: hostile("deelnemer"),
            role: hostile("rol"),
        }],
        Lang::Nl,
        now,
    );
    let parsed = answers::assess(bank, "voorbeeld", EXAMPLE).unwrap();
    a.answer_all(&parsed.session, now).unwrap();
    let q = bank.question_id("campaign_purpose").unwrap();
    let answer = bank.questions[q].text_answer(purpose).unwrap();
    a.answer(q, answer, now).unwrap();
    a.note(Some("channel"), &hostile("notitie"), now).unwrap();
    a.note(None, &hostile("sessienotitie"), now).unwrap();
    if sign {
        a.sign_off(
            &hostile("fg"),
            "2027-01-02",
            Decision::ApprovedWithConditions,
            &hostile("opmerkingen"),
            now,
        )
        .unwrap();
    }
    store.create(&mut a.record).unwrap();
    a.record.id
}

#[test]
fn no_command_passes_a_control_from_a_file_to_the_terminal() {
    let s = Scratch::new("commands");
    let store = s.open_store();
    let signed = hostile_record(&store, "2027-01-01T10:00:00Z", &hostile("doel"), true);
    let open = hostile_record(
        &store,
        "2027-01-01T11:00:00Z",
        &hostile("ander doel"),
        false,
    );
    // A file in the store that is no record, with escapes in its name and in a key.
    fs::write(
        s.path("store").join("kapot\x1b]0;titel\x07.json"),
        r#"{"format": "avg-wijzer-record", "\u001b]52;c;eA==\u0007": 1}"#,
    )
    .unwrap();

    let mut outs = Vec::new();
    for args in [
        vec!["list"],
        vec!["--lang", "en", "list"],
        vec!["show", &signed],
        vec!["--lang", "en", "show", &signed],
        vec!["show", &open],
        vec!["compare", &signed, &open],
        vec!["--lang", "en", "compare", &open, &signed],
        vec!["export", &signed, "--format", "md"],
        vec!["export", &signed, "--format", "html"],
        vec!["verify", &signed],
        vec!["verify", "store/kapot\x1b]0;titel\x07.json"],
    ] {
        let out = run(&s, &args);
        assert_out_clean(&format!("{args:?}"), &out);
        outs.push(out);
    }
    // What was there is shown, escaped: a tampered text looks tampered with.
    let show = String::from_utf8_lossy(&outs[2].stdout);
    for field in [
        "campagne",
        "omschrijving",
        "organisatie",
        "deelnemer",
        "rol",
        "doel",
    ] {
        assert!(show.contains(&format!("{field}:<\\u{{1b}}]52;c;aGFjaw==\\u{{7}}>")));
    }
    for field in ["notitie", "sessienotitie", "fg", "opmerkingen"] {
        assert!(show.contains(&format!("{field}:<")), "{field} in {show}");
    }
    assert!(show.contains("<echt\\u{d}nep>") && show.contains("\\u{202e}\\u{202a}"));
    let unreadable = String::from_utf8_lossy(&outs[0].stdout);
    assert!(
        unreadable.contains("kapot\\u{1b}]0;titel\\u{7}.json"),
        "{unreadable}"
    );
    assert_eq!(outs[10].code, 2);

    // The CSV keeps its line ends, and nothing else.
    let csv = run(&s, &["export", &signed, "--format", "csv"]);
    assert_clean("export csv (stdout)", &csv.stdout, true);
    assert_clean("export csv (stderr)", &csv.stderr, false);

    // JSON on stdout is escaped, but the same value: the record as it is stored.
    let stored: Value =
        serde_json::from_slice(&fs::read(s.path(&format!("store/{signed}.json"))).unwrap())
            .unwrap();
    let out = run(&s, &["export", &signed, "--format", "json"]);
    assert_out_clean("export json", &out);
    assert_eq!(
        serde_json::from_slice::<Value>(&out.stdout).unwrap(),
        stored
    );
    let out = run(&s, &["list", "--json"]);
    assert_out_clean("list --json", &out);
    let listed: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(
        listed["records"]
            .as_array()
            .unwrap()
            .iter()
            .all(|r| r["campaign"] == json!(hostile("campagne")))
    );
    // Written to a file, the JSON export is the record's exact bytes (its hash covers them);
    // the Markdown file is cleaned like the terminal, since it is read with `cat`.
    for (format, file) in [("json", "uit.json"), ("md", "uit.md"), ("csv", "uit.csv")] {
        let out = run(&s, &["export", &signed, "--format", format, "-o", file]);
        assert_eq!(
            (out.code, out.stdout.len()),
            (0, 0),
            "export {format} -o {file}"
        );
    }
    assert_eq!(
        fs::read(s.path("uit.json")).unwrap(),
        fs::read(s.path(&format!("store/{signed}.json"))).unwrap()
    );
    assert_clean("uit.md", &fs::read(s.path("uit.md")).unwrap(), false);
    assert_clean("uit.csv", &fs::read(s.path("uit.csv")).unwrap(), true);
    assert_out_clean("verify uit.json", &run(&s, &["verify", "uit.json"]));

    // A record altered on the drive: the report of what no longer matches is clean too.
    let tampered = fs::read_to_string(s.path(&format!("store/{signed}.json")))
        .unwrap()
        .replace("campagne:", "\\u009bcampagne:");
    fs::write(s.path("gewijzigd.json"), tampered).unwrap();
    let out = run(&s, &["verify", "gewijzigd.json"]);
    assert_eq!(out.code, 1);
    assert_out_clean("verify gewijzigd.json", &out);

    // The plain mode: the list of records to resume, a typed line echoed back, "Verder met",
    // the summary with the answers, the advice. Then straight into a record with --resume.
    let out = run_with(&s, &["--plain"], b"\x1b]52;c;eA==\x07 \xc2\x9b2J\n1\n\n\n");
    assert_out_clean("--plain (resume list)", &out);
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("campagne:<"), "{shown}");
    assert!(
        shown.contains("\\u{1b}]52;c;eA==\\u{7} \\u{9b}2J"),
        "{shown}"
    );
    let out = run_with(&s, &["--plain", "--resume", &open], b"\n\n");
    assert_out_clean("--plain --resume", &out);
    let out = run_with(&s, &["--plain", "--resume", &signed], b"stop\n");
    assert_out_clean("--plain --resume (signed)", &out);
}

#[test]
fn an_answers_file_cannot_steer_the_terminal_either() {
    let s = Scratch::new("answers");
    let mut v: Value = serde_json::from_str(EXAMPLE).unwrap();
    v["campaign"] = json!({
        "name": hostile("campagne"),
        "description": hostile("omschrijving"),
        "organisation": hostile("organisatie"),
    });
    v["answers"]["campaign_purpose"] = json!(hostile("doel"));
    fs::write(s.path("antwoorden.json"), v.to_string()).unwrap();
    for format in ["text", "md", "json"] {
        let out = run(
            &s,
            &["advise", "--answers", "antwoorden.json", "--format", format],
        );
        assert_eq!(out.code, 0);
        assert_out_clean(&format!("advise {format}"), &out);
        if format == "json" {
            let advice: Value = serde_json::from_slice(&out.stdout).unwrap();
            assert!(advice.to_string().contains("campagne:<"));
        }
    }
    let out = run(&s, &["new", "--answers", "antwoorden.json"]);
    assert_eq!(out.code, 0);
    assert_out_clean("new", &out);
    // Keys and values an answers file gets wrong are quoted in the error, cleanly.
    v["answers"][hostile("vraag")] = json!(hostile("antwoord"));
    fs::write(s.path("fout.json"), v.to_string()).unwrap();
    let out = run(&s, &["advise", "--answers", "fout.json"]);
    assert_eq!(out.code, 2);
    assert!(!out.stderr.is_empty());
    assert_out_clean("advise fout.json", &out);
    fs::write(
        s.path("stuk.json"),
        r#"{"campaign": {"name": "x"}, "answers": {"use_case": "\u009b2J\u202e"}}"#,
    )
    .unwrap();
    let out = run(&s, &["advise", "--answers", "stuk.json"]);
    assert_eq!(out.code, 2);
    assert_out_clean("advise stuk.json", &out);
}

/// The cells of `bytes` read as CSV with `delimiter`, honouring the quotes or not.
fn cells(bytes: &[u8], delimiter: u8, quoting: bool) -> Vec<Vec<String>> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter)
        .quoting(quoting)
        .from_reader(bytes)
        .records()
        .map(|r| r.unwrap().iter().map(str::to_string).collect())
        .collect()
}

#[test]
fn the_csv_export_runs_no_formula_in_any_spreadsheet() {
    let s = Scratch::new("csv");
    let store = s.open_store();
    let texts = [
        ("Actie;=1+1;x", "a,=HYPERLINK(\"x\")", "+31"),
        ("@SUM(1)", "-2", "x\t=1"),
        ("x\t=1", "+31 6", "-2;@SUM(1)|=3, \"=4\""),
    ];
    for (i, (name, organisation, purpose)) in texts.into_iter().enumerate() {
        let bank = &*BANK;
        let now = format!("2027-01-0{}T10:00:00Z", i + 1);
        let mut a = Assessment::start(
            bank,
            store.new_id(&now),
            Campaign {
                name: name.into(),
                description: String::new(),
                organisation: organisation.into(),
            },
            Vec::new(),
            Lang::Nl,
            &now,
        );
        let parsed = answers::assess(bank, "voorbeeld", EXAMPLE).unwrap();
        a.answer_all(&parsed.session, &now).unwrap();
        let q = bank.question_id("campaign_purpose").unwrap();
        let answer = bank.questions[q].text_answer(purpose).unwrap();
        a.answer(q, answer, &now).unwrap();
        a.sign_off("=FG", "2027-01-02", Decision::Approved, "", &now)
            .unwrap();
        store.create(&mut a.record).unwrap();
        let file = format!("register{i}.csv");
        let out = run(
            &s,
            &["export", &a.record.id, "--format", "csv", "-o", &file],
        );
        assert_eq!(out.code, 0, "{}", String::from_utf8_lossy(&out.stderr));
        let bytes = fs::read(s.path(&file)).unwrap();

        // RFC 4180 with `;` (Dutch Excel's separator), after the byte order mark: two rows
        // of equal length; the texts come back with only `'` added.
        let bytes = bytes.strip_prefix("\u{feff}".as_bytes()).unwrap().to_vec();
        let rows = cells(&bytes, b';', true);
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].len(), rows[1].len());
        assert_eq!(rows[1][1].replace('\'', ""), name);
        assert_eq!(rows[1][2].replace('\'', ""), organisation);
        assert!(
            rows[1]
                .iter()
                .any(|c| c.replace('\'', "").contains(purpose))
        );

        for delimiter in [b',', b';', b'\t', b'|'] {
            for quoting in [true, false] {
                for cell in cells(&bytes, delimiter, quoting).iter().flatten() {
                    // A quote a reading left at the start, and spaces, are skipped by some
                    // spreadsheets; what follows must not start a formula.
                    let start = cell.trim_start_matches([' ', '"']);
                    assert!(
                        !start.starts_with(['=', '+', '-', '@', '\t', '\r']),
                        "{:?} read with {:?} (quotes honoured: {quoting}) gives the cell {cell:?}",
                        name,
                        delimiter as char
                    );
                }
            }
        }
    }
}
