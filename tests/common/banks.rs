//! What the bank tests (`banks_sound`, `banks_load`, `banks_lint`) share: a temporary bank (a
//! copy of the shipped one, edited), running `lint` on it, and the whole output `lint` gives for a
//! bank that does not load, one that loads but is not sound, and the counts line of one that loads.
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use super::{ROOT, Run, run_in_root, temp_dir};

pub fn lint(dir: &str) -> Run {
    run_in_root(&["lint", dir])
}

/// A copy of the shipped bank (or an empty directory) in a [`temp_dir`].
pub struct TempBank {
    dir: tempfile::TempDir,
}

impl TempBank {
    pub fn empty(case: &str) -> TempBank {
        TempBank {
            dir: temp_dir(&format!("bank-{case}")),
        }
    }

    /// The shipped bank, `questions/*.json`, copied file by file.
    pub fn shipped(case: &str) -> TempBank {
        let bank = TempBank::empty(case);
        let src = Path::new(ROOT).join("questions");
        let mut copied = 0;
        for entry in fs::read_dir(&src).expect("questions/ readable") {
            let path = entry.expect("questions/ entry").path();
            if path.extension().is_some_and(|x| x == "json") {
                fs::copy(
                    &path,
                    bank.file(&path.file_name().unwrap().to_string_lossy()),
                )
                .expect("copy");
                copied += 1;
            }
        }
        assert!(copied > 0, "the shipped bank has no files");
        bank
    }

    pub fn path(&self) -> String {
        self.dir.path().display().to_string()
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    pub fn read(&self, name: &str) -> Value {
        let text = fs::read_to_string(self.file(name)).expect("bank file readable");
        serde_json::from_str(&text).expect("bank file is JSON")
    }

    pub fn write(&self, name: &str, v: &Value) {
        let text = serde_json::to_string_pretty(v).expect("serialisable");
        fs::write(self.file(name), text + "\n").expect("bank file writable");
    }

    /// A JSON patch: reads `name`, lets `f` change it, writes it back.
    pub fn edit(&self, name: &str, f: impl FnOnce(&mut Value)) {
        let mut v = self.read(name);
        f(&mut v);
        self.write(name, &v);
    }

    pub fn remove(&self, name: &str) {
        fs::remove_file(self.file(name)).expect("bank file removable");
    }

    pub fn lint(&self) -> Run {
        lint(&self.path())
    }
}

/// The item with this id in a section (`questions`, `rules`, …) of a bank file.
pub fn item<'a>(file: &'a mut Value, section: &str, id: &str) -> &'a mut Value {
    file[section]
        .as_array_mut()
        .unwrap_or_else(|| panic!("no section {section}"))
        .iter_mut()
        .find(|x| x["id"] == id)
        .unwrap_or_else(|| panic!("no {section} item {id}"))
}

pub fn remove_key(v: &mut Value, key: &str) {
    v.as_object_mut()
        .expect("an object")
        .remove(key)
        .unwrap_or_else(|| panic!("no key {key}"));
}

/// The whole output of `lint` on a bank that does not load: a heading, one line per defect and
/// the count. Nothing on stderr, exit code 1.
pub fn assert_load_defects(run: &Run, origin: &str, defects: &[&str]) {
    let mut want = format!("{origin}: de vragenbank laadt niet\n");
    for d in defects {
        want.push_str(&format!("  - {d}\n"));
    }
    want.push_str(&format!("{} gebrek(en) gevonden.\n", defects.len()));
    assert_eq!(run.stdout, want, "stderr: {}", run.stderr);
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, Some(1));
}

/// The id and version of the shipped bank, as `lint` names it.
pub fn shipped_heading() -> String {
    let text = fs::read_to_string(Path::new(ROOT).join("questions/bank.json")).unwrap();
    let v: Value = serde_json::from_str(&text).unwrap();
    format!(
        "vragenbank \"{}\" versie {}",
        v["bank"]["id"].as_str().unwrap(),
        v["bank"]["version"].as_str().unwrap()
    )
}

/// The whole output of `lint` on a copy of the shipped bank that loads but is not sound: the
/// heading, the counts line, exactly these defect lines and the count. Exit code 1.
pub fn assert_lint_defects(run: &Run, origin: &str, defects: &[&str]) {
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert!(
        lines.len() >= 3,
        "stdout: {}\nstderr: {}",
        run.stdout,
        run.stderr
    );
    assert_eq!(lines[0], format!("{origin}: {}", shipped_heading()));
    assert_counts_line(lines[1]);
    assert_eq!(&lines[2..lines.len() - 1], defects_as_lines(defects));
    assert_eq!(
        lines[lines.len() - 1],
        format!("{} gebrek(en) gevonden.", defects.len())
    );
    assert_eq!(run.stderr, "");
    assert_eq!(run.code, Some(1));
}

pub fn defects_as_lines(defects: &[&str]) -> Vec<String> {
    defects.iter().map(|d| format!("  - {d}")).collect()
}

/// "  20 vragen, 310663 paden, 8580 verschillende uitkomsten (2303 toestanden verkend)".
pub fn assert_counts_line(line: &str) {
    let words: Vec<&str> = line.split(' ').collect();
    let number = |i: usize| {
        words
            .get(i)
            .is_some_and(|w| w.trim_start_matches('(').parse::<u128>().is_ok())
    };
    assert!(
        line.starts_with("  ")
            && words.len() == 12
            && number(2)
            && words[3] == "vragen,"
            && number(4)
            && words[5] == "paden,"
            && number(6)
            && words[7] == "verschillende"
            && words[8] == "uitkomsten"
            && number(9)
            && words[10] == "toestanden"
            && words[11] == "verkend)",
        "not a counts line: {line:?}"
    );
}

/// The shipped bank with the option "phone" removed from `channel` (and what refers to it), as
/// version 2.0.0: a bank under which an answer given before no longer fits.
pub fn bank_without_phone() -> avg_wijzer::bank::Bank {
    let mut files: Vec<(String, String)> = avg_wijzer::bank::EMBEDDED
        .iter()
        .map(|(n, c)| (n.to_string(), c.to_string()))
        .collect();
    for (name, content) in files.iter_mut() {
        let mut v: Value = serde_json::from_str(content).unwrap();
        if name == "bank.json" {
            v["bank"]["version"] = serde_json::json!("2.0.0");
        }
        if name == "questions.json" {
            for q in v["questions"].as_array_mut().unwrap() {
                if q["id"] == "channel" {
                    q["options"]
                        .as_array_mut()
                        .unwrap()
                        .retain(|o| o["id"] != "phone");
                    q["next"]
                        .as_array_mut()
                        .unwrap()
                        .retain(|b| b["to"] != "external_agency");
                }
                if q["id"] == "uses_lending_history" {
                    q["next"] = serde_json::json!([{ "to": "legal_basis" }]);
                }
            }
        }
        *content = v.to_string();
    }
    // Rules that test for "phone" would no longer load; rewrite them to test e-mail instead.
    for (_, content) in files.iter_mut() {
        *content = content.replace("\"includes\":\"phone\"", "\"includes\":\"email\"");
    }
    avg_wijzer::bank::Bank::from_files(&files, "bank zonder telefoon")
        .expect("the changed bank loads")
}
