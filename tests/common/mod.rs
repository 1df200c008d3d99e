//! What the integration tests share: temporary directories (a scratch directory with a store of
//! its own), running the binary, the embedded bank, the FG's test key, the interface's clock,
//! checking and resealing a record the way someone without the program's help would; records
//! made in-process in [`records`], and the kill tests' checks in [`kill`].
//! The bank tests' temporary banks and `lint` output checks are in [`banks`], the interface's
//! update tests' ways through the screens in [`tui`], and the record-trust tests' access to a
//! record file behind the program's back in [`trust`]. The small valid bank broken one thing at a
//! time, its defects said in both languages, is in [`small_bank`]; a library profile with every
//! item given in [`profile`]; the interface drawn into a test terminal, and its snapshots, in
//! [`screens`]; the register's tests' store in [`register`].
#![allow(dead_code)]
// Each test binary uses its own part of this.
// Test helpers stop the test where something is not as it must be.
#![allow(clippy::unwrap_used, clippy::expect_used)]

pub mod banks;
pub mod compare;
pub mod documents;
pub mod english;
pub mod kill;
pub mod plan;
pub mod profile;
pub mod records;
pub mod register;
pub mod screens;
pub mod small_bank;
pub mod trust;
pub mod tui;

use std::collections::BTreeMap;
use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::sync::LazyLock;

use serde_json::{Value, json};
use sha2::{Digest, Sha256};
use tempfile::TempDir;

use avg_wijzer::bank::Bank;
use avg_wijzer::record::{self, Verification};
use avg_wijzer::store::Store;

pub const BIN: &str = env!("CARGO_BIN_EXE_avg-wijzer");
/// The repository, where the fixtures are.
pub const ROOT: &str = env!("CARGO_MANIFEST_DIR");
pub const EXAMPLE: &str = include_str!("../../examples/voorjaarsactie.json");

/// The time the interface tests run at (their model's clock).
pub const NOW: &str = "2026-11-23T10:15:00Z";

pub fn fixed_clock() -> String {
    NOW.to_string()
}

/// A fresh copy of the bank built into the program.
pub fn bank() -> Bank {
    Bank::embedded().expect("the embedded bank loads")
}

/// The bank built into the program, loaded once per test binary.
pub static BANK: LazyLock<Bank> =
    LazyLock::new(|| Bank::embedded().expect("the embedded bank loads"));

/// The FG's test key (`tests/keys/`, see the README there), its public half, and the name the
/// register keeper allows it for.
pub const KEY: &str = include_str!("../keys/fg_ed25519");
pub const KEY_PUB: &str = include_str!("../keys/fg_ed25519.pub");
pub const PRINCIPAL: &str = "fg@bibliotheek.nl";

/// The key part of a `.pub` line ("ssh-ed25519 AAAA…"), without its comment.
pub fn key_of(public: &str) -> String {
    public
        .split_whitespace()
        .take(2)
        .collect::<Vec<_>>()
        .join(" ")
}

pub const SCHEMA: &str = include_str!("../../docs/record.schema.json");
/// The schema of format version 1, kept for the fixtures of that version.
pub const SCHEMA_V1: &str = include_str!("../../docs/record.schema.v1.json");
/// The schema of format version 2, kept for the fixtures of that version.
pub const SCHEMA_V2: &str = include_str!("../../docs/record.schema.v2.json");

/// A temporary directory of one test, named after it, removed when dropped (also when the test
/// fails).
pub fn temp_dir(test: &str) -> TempDir {
    tempfile::Builder::new()
        .prefix(&format!("avg-wijzer-{test}-"))
        .tempdir()
        .expect("a temporary directory")
}

/// A scratch directory of one test (a [`temp_dir`]).
pub struct Scratch {
    pub dir: PathBuf,
    _removed_on_drop: TempDir,
}

impl Scratch {
    pub fn new(test: &str) -> Scratch {
        let tmp = temp_dir(test);
        Scratch {
            dir: tmp.path().to_path_buf(),
            _removed_on_drop: tmp,
        }
    }

    /// The store of this test: `store/` in the scratch directory (made by the binary or by
    /// [`Scratch::open_store`]).
    pub fn store(&self) -> PathBuf {
        self.dir.join("store")
    }

    pub fn open_store(&self) -> Store {
        Store::open(&self.store()).unwrap()
    }

    pub fn path(&self, name: &str) -> PathBuf {
        self.dir.join(name)
    }

    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
        let p = self.path(name);
        if let Some(parent) = p.parent() {
            fs::create_dir_all(parent).unwrap();
        }
        fs::write(&p, bytes).unwrap();
        p
    }

    /// Runs the binary in the scratch directory with `--store store` and `args`.
    pub fn run(&self, args: &[&str]) -> Out {
        self.run_with(args, &[])
    }

    /// [`Scratch::run`] with these environment variables set.
    pub fn run_with(&self, args: &[&str], env: &[(&str, &str)]) -> Out {
        let mut command = self.command(args);
        let out = command
            .envs(env.iter().copied())
            .stdin(Stdio::null())
            .output()
            .expect("the binary starts");
        Out::of(out)
    }

    /// [`Scratch::run`] with `input` on stdin, as the plain mode reads it.
    pub fn run_fed(&self, args: &[&str], input: &[u8]) -> Out {
        let mut child = self
            .command(args)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the binary starts");
        // The plain mode may stop reading early; a closed pipe is not the test's concern.
        let _ = child.stdin.take().expect("stdin is piped").write_all(input);
        Out::of(child.wait_with_output().expect("the binary ends"))
    }

    /// The binary with `--store store` and `args`, run in the scratch directory.
    pub fn command(&self, args: &[&str]) -> Command {
        let mut command = Command::new(BIN);
        command
            .arg("--store")
            .arg("store")
            .args(args)
            .current_dir(&self.dir)
            .env_remove("AVG_WIJZER_STORE")
            .env("TERM", "dumb");
        command
    }

    /// `new --answers FILE` with `answers` written to FILE; the new record's id.
    pub fn new_record(&self, file: &str, answers: &str) -> String {
        self.write(file, answers);
        let out = self.run(&["new", "--answers", file]);
        assert_eq!(out.code, 0, "new failed: {}", out.stderr);
        out.stdout.trim().to_string()
    }

    pub fn record_path(&self, id: &str) -> PathBuf {
        self.store().join(format!("{id}.json"))
    }

    /// Every `*.json` file of the store (not the hidden cache), by name, with its bytes.
    pub fn store_files(&self) -> BTreeMap<String, Vec<u8>> {
        fs::read_dir(self.store())
            .unwrap()
            .map(|e| e.unwrap())
            .filter(|e| !e.file_name().to_string_lossy().starts_with('.'))
            .filter(|e| e.file_type().unwrap().is_file())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    fs::read(e.path()).unwrap(),
                )
            })
            .collect()
    }
}

#[derive(Debug)]
pub struct Out {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Out {
    fn of(out: Output) -> Out {
        Out {
            code: out.status.code().expect("exited, not killed"),
            stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
            stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
        }
    }

    /// A failure as the command line gives it: the exit code, exactly one line on stderr, nothing
    /// on stdout.
    pub fn assert_error(&self, code: i32, line: &str) {
        assert_eq!(self.code, code, "exit code; stderr: {}", self.stderr);
        assert_eq!(self.stdout, "", "nothing on stdout on error");
        assert_eq!(self.stderr, format!("avg-wijzer: {line}\n"));
    }

    pub fn assert_ok(&self) {
        assert_eq!(self.code, 0, "stderr: {}", self.stderr);
    }
}

/// The permission bits of a file or directory.
#[cfg(unix)]
pub fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    fs::metadata(path).unwrap().permissions().mode() & 0o777
}

pub fn sha256(s: &str) -> String {
    Sha256::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Seals a record given as JSON the way the program does (for a record whose content is wrong
/// but whose hash is right). The action plan is outside the seal, as in the program.
pub fn reseal(v: &mut Value) {
    let mut body = v.as_object().unwrap().clone();
    body.remove("integrity");
    body.remove("signature");
    body.remove("plan");
    let parts: serde_json::Map<String, Value> = body
        .iter()
        .map(|(k, x)| (k.clone(), json!(sha256(&record::canonical(x)))))
        .collect();
    // The whole: the canonical record, a newline, the canonical part hashes.
    let whole = format!(
        "{}\n{}",
        record::canonical(&Value::Object(body)),
        record::canonical(&Value::Object(parts.clone()))
    );
    v["integrity"] = json!({
        "algorithm": "sha256-canonical-json",
        "parts": parts,
        "hash": sha256(&whole),
    });
}

/// Runs ssh-keygen with `stdin` as its input, in UTC so times in allowed_signers read alike.
pub fn ssh_keygen(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = match Command::new("ssh-keygen")
        .args(args)
        .env("TZ", "UTC")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
    {
        Ok(child) => child,
        Err(e) => panic!(
            "ssh-keygen could not be started ({e}): these tests check our signatures against \
             OpenSSH; install it (Debian: apt-get install openssh-client)"
        ),
    };
    if let Some(mut input) = child.stdin.take() {
        input.write_all(stdin).unwrap();
    }
    child.wait_with_output().unwrap()
}

pub fn validator(src: &str) -> jsonschema::Validator {
    let schema: Value = serde_json::from_str(src).expect("the record schema is JSON");
    jsonschema::draft202012::new(&schema).expect("the record schema compiles")
}

pub static VALIDATOR: LazyLock<jsonschema::Validator> = LazyLock::new(|| validator(SCHEMA));

pub static VALIDATOR_V1: LazyLock<jsonschema::Validator> = LazyLock::new(|| validator(SCHEMA_V1));

pub static VALIDATOR_V2: LazyLock<jsonschema::Validator> = LazyLock::new(|| validator(SCHEMA_V2));

/// Checks every record file in the store against the schema, except the `bad` ones a test
/// put there on purpose.
pub fn check_store_records(s: &Scratch, bad: &[&str]) {
    for (name, bytes) in s.store_files() {
        if !name.ends_with(".json") || bad.contains(&name.as_str()) {
            continue;
        }
        let text = String::from_utf8(bytes).unwrap();
        assert_record_file(&text, &name);
    }
}

/// What the schema of the record's own format version finds wrong with it.
pub fn schema_errors(v: &Value) -> Vec<String> {
    let validator = match v["format_version"].as_u64() {
        Some(1) => &VALIDATOR_V1,
        Some(2) => &VALIDATOR_V2,
        _ => &VALIDATOR,
    };
    validator
        .iter_errors(v)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// A record file as the program writes it: valid against the schema, readable, intact.
pub fn assert_record_file(text: &str, what: &str) {
    let v: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{what}: {e}"));
    let errors = schema_errors(&v);
    assert!(
        errors.is_empty(),
        "{what} does not match docs/record.schema.json:\n{}",
        errors.join("\n")
    );
    assert_eq!(record::verify_value(&v), Verification::Intact, "{what}");
    record::parse(text).unwrap_or_else(|e| panic!("{what}: {e}"));
}

/// What a run of the binary in the project directory left behind.
pub struct Run {
    pub code: Option<i32>,
    pub stdout: String,
    pub stderr: String,
}

/// Runs the binary in the project directory, so relative fixture paths appear as written.
pub fn run_in_root(args: &[&str]) -> Run {
    let out = Command::new(BIN)
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .env_remove("AVG_WIJZER_STORE")
        .output()
        .expect("the avg-wijzer binary runs");
    Run {
        code: out.status.code(),
        stdout: String::from_utf8(out.stdout).expect("stdout is UTF-8"),
        stderr: String::from_utf8(out.stderr).expect("stderr is UTF-8"),
    }
}

/// The full-screen interface as the event loop drives it, without a terminal: each message
/// goes into `update`, and the effects it asks for are performed through the workflow. Reads
/// as its model.
pub struct Ui<'b>(pub avg_wijzer::tui::driver::Driver<'b>);

impl<'b> Ui<'b> {
    /// The interface on `bank` over `store` (none: nothing is saved), on the fixed `clock`.
    pub fn new(
        bank: &'b avg_wijzer::bank::Bank,
        lang: avg_wijzer::text::Lang,
        store: Option<Store>,
        accept_altered: bool,
        clock: fn() -> String,
    ) -> Ui<'b> {
        use avg_wijzer::tui::app::Model;
        let shown = store
            .as_ref()
            .map(|s| s.dir.display().to_string())
            .unwrap_or_default();
        let mut model = Model::new(bank, lang, shown);
        model.clock = clock;
        let workflow =
            avg_wijzer::app::Workflow::new(bank, store, accept_altered).with_clock(clock);
        Ui(avg_wijzer::tui::driver::Driver::new(model, workflow))
    }

    pub fn send(&mut self, msg: avg_wijzer::tui::message::Message<'b>) {
        self.0.send(msg);
    }

    /// Continues the record `id`, as `--resume` does.
    pub fn open(&mut self, id: &str) {
        self.0.perform(avg_wijzer::tui::effect::Effect::Open {
            id: id.to_string(),
            then: avg_wijzer::tui::effect::Then::Continue,
            lang: self.0.model.lang,
        });
    }

    /// Opens the record `id` to read, as Enter on its row does.
    pub fn read(&mut self, id: &str) {
        self.0
            .perform(avg_wijzer::tui::effect::Effect::Read { id: id.to_string() });
    }
}

impl<'b> std::ops::Deref for Ui<'b> {
    type Target = avg_wijzer::tui::app::Model<'b>;
    fn deref(&self) -> &Self::Target {
        &self.0.model
    }
}

impl std::ops::DerefMut for Ui<'_> {
    fn deref_mut(&mut self) -> &mut Self::Target {
        &mut self.0.model
    }
}
