//! What the tests of a broken question bank said in both languages (`english_bank_*`) share:
//! the small valid bank (`tests/banks/valid_small`) copied into a scratch directory to be broken
//! one thing at a time, loaded in-process or run with `--questions`, and the check that its
//! defects are said exactly alike in Dutch and in English.
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use avg_wijzer::bank::{Bank, LoadError};
use avg_wijzer::text::Lang;

use super::english::english;
use super::{Out, ROOT, Scratch};

/// The small valid bank copied into `bank/` of a scratch directory.
pub struct TestBank {
    pub scratch: Scratch,
}

impl TestBank {
    pub fn new(case: &str) -> TestBank {
        let scratch = Scratch::new(&format!("english-bank-{case}"));
        let src = Path::new(ROOT).join("tests/banks/valid_small");
        for entry in fs::read_dir(&src).unwrap() {
            let path = entry.unwrap().path();
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            scratch.write(&format!("bank/{name}"), fs::read(&path).unwrap());
        }
        TestBank { scratch }
    }

    pub fn dir(&self) -> PathBuf {
        self.scratch.path("bank")
    }

    /// Writes a file of the bank as it is, bytes and all.
    pub fn raw(&self, name: &str, bytes: impl AsRef<[u8]>) -> &TestBank {
        self.scratch.write(&format!("bank/{name}"), bytes);
        self
    }

    /// Reads a bank file as JSON, lets `f` change it, writes it back.
    pub fn edit(&self, name: &str, f: impl FnOnce(&mut Value)) -> &TestBank {
        let path = self.dir().join(name);
        let mut v: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
        f(&mut v);
        fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
        self
    }

    pub fn remove(&self, name: &str) -> &TestBank {
        fs::remove_file(self.dir().join(name)).unwrap();
        self
    }

    /// The bank as the program loads it from disk.
    pub fn load(&self) -> Result<Bank, LoadError> {
        let files = avg_wijzer::store::read_bank_dir(&self.dir()).unwrap();
        Bank::from_bytes(&files, "bank")
    }

    pub fn refused(&self) -> LoadError {
        match self.load() {
            Ok(_) => panic!("the broken bank loads"),
            Err(e) => e,
        }
    }

    /// `avg-wijzer --lang LANG --questions bank ARGS…` in the scratch directory.
    pub fn run(&self, lang: &str, args: &[&str]) -> Out {
        let mut all = vec!["--lang", lang, "--questions", "bank"];
        all.extend_from_slice(args);
        self.scratch.run(&all)
    }
}

/// The quoted parts of a line (`"media"`), as the files wrote them.
pub fn quoted(line: &str) -> Vec<&str> {
    line.split('"').skip(1).step_by(2).collect()
}

/// The defects said in Dutch are exactly `nl` (as before: Display and `said(Nl)` alike) and in
/// English exactly `en`: English throughout, and naming the same file, ids and keys.
pub fn assert_said(e: &LoadError, nl: &[&str], en: &[&str]) {
    assert_eq!(e.to_string(), nl.join("\n"));
    assert_eq!(e.said(Lang::Nl), nl.join("\n"));
    assert_eq!(e.said(Lang::En), en.join("\n"));
    assert_eq!(e.defects.len(), en.len());
    for (d, (nl, en)) in e.defects.iter().zip(nl.iter().zip(en)) {
        assert_eq!(d.to_string(), *nl);
        assert_eq!(d.said(Lang::En), *en);
        english(nl, en);
        let file = |s: &str| s.split(':').next().unwrap_or("").to_string();
        assert_eq!(file(en), file(nl), "the file is named alike");
        for q in quoted(nl) {
            assert!(
                en.contains(&format!("\"{q}\"")),
                "{en}: lost \"{q}\" of {nl}"
            );
        }
    }
}
