//! Compiling bank files into a [`Bank`]: parse, merge, resolve every id, and refuse a broken
//! bank with the file, the place and the reason of each defect.
use std::collections::{BTreeMap, HashMap};

use serde_json::Value;
use sha2::{Digest, Sha256};

mod conditions;
mod conflict;
mod defect;
mod documents;
mod question;
mod rule;

pub use defect::{Defect, DefectKind, Named, Noun, Origin, Place};

use super::source::{self, Part};
use super::*;
use crate::json::Problem;

/// Every defect found while loading a bank; said one a line (`crate::locale::bank`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub defects: Vec<Defect>,
}

impl LoadError {
    pub fn new(defects: Vec<Defect>) -> LoadError {
        LoadError { defects }
    }
}

impl std::error::Error for LoadError {}

/// Compiles the bank in `files`; with `documents` false their section is read over and the
/// bank has none yet (see `Bank::embedded`).
pub(super) fn compile<N: AsRef<str>, C: AsRef<str>>(
    files: &[(N, C)],
    origin: &Origin,
    known_sha256: Option<&str>,
    documents: bool,
) -> Result<Bank, LoadError> {
    let mut defects = Vec::new();
    let mut parts: Vec<(&str, Part)> = Vec::new();
    if files.is_empty() {
        return Err(LoadError::new(vec![Defect {
            place: Place::of(origin.clone()),
            kind: DefectKind::NoFiles,
        }]));
    }
    for (name, content) in files {
        let (name, content) = (name.as_ref(), content.as_ref());
        if content.trim().is_empty() {
            defects.push(Defect {
                place: Place::file(name),
                kind: DefectKind::EmptyFile,
            });
            continue;
        }
        // A bank from outside is first read strictly, so a key given twice is caught; the
        // embedded bank is checked by the tests and skips this at start-up.
        if known_sha256.is_none()
            && let Err(e) = crate::json::parse_strict(content)
        {
            defects.push(Defect {
                place: Place::file(name).line(e.line(), e.column()),
                kind: DefectKind::Json(e.problem()),
            });
            continue;
        }
        let part = if documents {
            serde_json::from_str::<Part>(content)
        } else {
            serde_json::from_str::<Part<source::Skipped>>(content).map(Part::without_documents)
        };
        match part {
            Ok(p) => parts.push((name, p)),
            Err(e) => defects.push(Defect {
                place: Place::file(name).line(e.line(), e.column()),
                kind: DefectKind::Json(Problem::of(&e)),
            }),
        }
    }
    if !defects.is_empty() {
        return Err(LoadError::new(defects));
    }
    let mut c = Compiler {
        defects,
        ..Default::default()
    };
    let bank = c.run(parts, files, origin, known_sha256, documents);
    match bank {
        Some(b) if c.defects.is_empty() => Ok(b),
        _ => Err(LoadError::new(c.defects)),
    }
}

#[derive(Default)]
struct Compiler {
    defects: Vec<Defect>,
    questions: HashMap<String, QId>,
    findings: HashMap<String, FId>,
    actions: HashMap<String, AId>,
    warnings: HashMap<String, WId>,
    notes: HashMap<String, NId>,
    defs: HashMap<String, (String, Value)>,
    /// Compiled defs, and the ones being compiled (to catch a def that refers to itself).
    compiled_defs: HashMap<String, Cond>,
    def_stack: Vec<String>,
    used_defs: std::collections::HashSet<String>,
    /// Options per question, for resolving conditions.
    options: Ids<QId, (Kind, Vec<String>)>,
}

impl Compiler {
    fn defect(&mut self, place: &Place, kind: DefectKind) {
        self.defects.push(Defect {
            place: place.clone(),
            kind,
        });
    }

    /// Registers ids of one namespace, reporting duplicates with both files. An item's id is
    /// its place among the items of its kind.
    fn index<'a, I: Copy + From<usize> + Into<usize>>(
        &mut self,
        what: Noun,
        items: impl Iterator<Item = (&'a str, &'a str)>,
    ) -> HashMap<String, I> {
        let mut map: HashMap<String, I> = HashMap::new();
        let mut files: Vec<&str> = Vec::new();
        for (file, id) in items {
            if let Some(&first) = map.get(id) {
                let other = files[first.into()];
                self.defect(
                    &Place::item(file, what, id),
                    DefectKind::Duplicate {
                        also_in: other.to_string(),
                    },
                );
            } else {
                map.insert(id.to_string(), I::from(files.len()));
            }
            files.push(file);
        }
        map
    }

    fn run<N: AsRef<str>, C: AsRef<str>>(
        &mut self,
        parts: Vec<(&str, Part)>,
        files: &[(N, C)],
        origin: &Origin,
        known_sha256: Option<&str>,
        with_documents: bool,
    ) -> Option<Bank> {
        // Merge the parts, remembering which file each item came from.
        let mut meta: Option<(&str, source::Meta)> = None;
        let mut qs = Vec::new();
        let mut fs = Vec::new();
        let mut acts = Vec::new();
        let mut warns = Vec::new();
        let mut notes = Vec::new();
        let mut rules = Vec::new();
        let mut register = Vec::new();
        let mut conflicts = Vec::new();
        let mut docs = Vec::new();
        let mut defs: Vec<(&str, String, Value)> = Vec::new();
        for (file, p) in parts {
            if let Some(m) = p.bank {
                if let Some((first, _)) = &meta {
                    self.defect(
                        &Place::file(file),
                        DefectKind::BankTwice {
                            also_in: first.to_string(),
                        },
                    );
                } else {
                    meta = Some((file, m));
                }
            }
            qs.extend(p.questions.into_iter().map(|x| (file, x)));
            fs.extend(p.findings.into_iter().map(|x| (file, x)));
            acts.extend(p.actions.into_iter().map(|x| (file, x)));
            warns.extend(p.warnings.into_iter().map(|x| (file, x)));
            notes.extend(p.notes.into_iter().map(|x| (file, x)));
            rules.extend(p.rules.into_iter().map(|x| (file, x)));
            register.extend(p.register.into_iter().map(|x| (file, x)));
            conflicts.extend(p.conflicts.into_iter().map(|x| (file, x)));
            docs.extend(p.documents.into_iter().map(|x| (file, x)));
            defs.extend(p.defs.into_iter().map(|(k, v)| (file, k, v)));
        }
        let Some((meta_file, meta)) = meta else {
            self.defect(&Place::of(origin.clone()), DefectKind::NoBankSection);
            return None;
        };

        self.questions = self.index(Noun::Question, qs.iter().map(|(f, q)| (*f, q.id.as_str())));
        for (file, q) in &qs {
            if q.id == "end" {
                self.defect(
                    &Place::item(file, Noun::Question, &q.id),
                    DefectKind::ReservedEnd,
                );
            }
        }
        self.findings = self.index(Noun::Finding, fs.iter().map(|(f, x)| (*f, x.id.as_str())));
        self.actions = self.index(Noun::Action, acts.iter().map(|(f, x)| (*f, x.id.as_str())));
        self.warnings = self.index(
            Noun::Warning,
            warns.iter().map(|(f, x)| (*f, x.id.as_str())),
        );
        self.notes = self.index(Noun::Note, notes.iter().map(|(f, x)| (*f, x.id.as_str())));
        let _: HashMap<_, RId> =
            self.index(Noun::Rule, rules.iter().map(|(f, x)| (*f, x.id.as_str())));
        let _: HashMap<_, usize> = self.index(
            Noun::Definition,
            defs.iter().map(|(f, k, _)| (*f, k.as_str())),
        );
        for (f, k, v) in defs {
            self.defs.entry(k).or_insert((f.to_string(), v));
        }

        // Options first: conditions anywhere may refer to any question's options.
        self.options = qs
            .iter()
            .map(|(file, q)| {
                let kind = match q.kind.as_str() {
                    "single" => Kind::Single,
                    "multiple" => Kind::Multiple,
                    "yes_no" => Kind::YesNo,
                    "yes_no_unknown" => Kind::YesNoUnknown,
                    "text" => Kind::Text,
                    other => {
                        self.defect(
                            &Place::item(file, Noun::Question, &q.id),
                            DefectKind::UnknownQuestionKind {
                                kind: other.to_string(),
                            },
                        );
                        Kind::Text
                    }
                };
                let ids = match kind {
                    Kind::YesNo => vec!["yes".into(), "no".into()],
                    Kind::YesNoUnknown => vec!["yes".into(), "no".into(), "unknown".into()],
                    _ => q.options.iter().map(|o| o.id.clone()).collect(),
                };
                (kind, ids)
            })
            .collect();

        let findings: Ids<FId, Finding> = fs
            .into_iter()
            .map(|(file, f)| self.finding(file, f))
            .collect();
        let questions: Ids<QId, Question> = qs
            .into_iter()
            .enumerate()
            .map(|(i, (file, q))| self.question(QId::from(i), file, q))
            .collect();
        let rules: Ids<RId, Rule> = rules
            .into_iter()
            .map(|(file, r)| self.rule(file, r, &findings))
            .collect();
        let _: HashMap<_, usize> = self.index(
            Noun::RegisterField,
            register.iter().map(|(f, x)| (*f, x.id.as_str())),
        );
        let register: Vec<RegisterField> = register
            .into_iter()
            .map(|(file, f)| self.register_field(file, f))
            .collect();
        let documents = self.documents(docs, &register);
        let actions = acts
            .into_iter()
            .map(|(file, a)| Action {
                parts: self.text_parts(a.parts, &Place::item(file, Noun::Action, &a.id)),
                file: file.to_string(),
                id: a.id,
                title: a.title,
                rationale: a.rationale,
                sources: a.sources,
            })
            .collect();
        let warnings = warns
            .into_iter()
            .map(|(file, w)| Warning {
                parts: self.text_parts(w.parts, &Place::item(file, Noun::Warning, &w.id)),
                file: file.to_string(),
                id: w.id,
                title: w.title,
                text: w.text,
                sources: w.sources,
            })
            .collect();
        let notes = notes
            .into_iter()
            .map(|(file, n)| Note {
                parts: self.text_parts(n.parts, &Place::item(file, Noun::Note, &n.id)),
                file: file.to_string(),
                id: n.id,
                title: n.title,
                text: n.text,
                sources: n.sources,
                checked: n.checked,
            })
            .collect();

        let _: HashMap<_, usize> = self.index(
            Noun::Conflict,
            conflicts.iter().map(|(f, x)| (*f, x.id.as_str())),
        );
        let conflicts = conflicts
            .into_iter()
            .filter_map(|(file, c)| self.conflict(file, c, &findings))
            .collect();

        let start = self.questions.get(&meta.start).copied();
        if start.is_none() {
            self.defect(
                &Place::file(meta_file).then("bank.start"),
                DefectKind::Unknown {
                    noun: Noun::Question,
                    id: meta.start.clone(),
                    known: None,
                },
            );
        }
        let verdict = self.verdict(meta_file, &meta.verdict, &findings);
        self.check_cycles(&questions);
        let unused_defs = self.unused_defs();

        let sha256 = match known_sha256 {
            Some(h) => h.to_string(),
            None => hash_files(files),
        };

        Some(Bank {
            id: meta.id,
            version: meta.version,
            title: meta.title,
            sha256,
            origin: origin.clone(),
            start: start?,
            questions,
            findings,
            actions,
            warnings,
            notes,
            rules,
            verdict: verdict?,
            unused_defs,
            register,
            conflicts,
            documents: match with_documents {
                true => std::sync::OnceLock::from(documents),
                false => std::sync::OnceLock::new(),
            },
            question_index: std::mem::take(&mut self.questions),
        })
    }

    fn text_parts(&mut self, parts: Vec<source::TextPart>, place: &Place) -> Vec<TextPart> {
        parts
            .into_iter()
            .enumerate()
            .map(|(i, p)| TextPart {
                when: match &p.when {
                    Some(v) => self.cond(v, &place.then(format!("parts[{i}]")).key("when")),
                    None => Cond::True,
                },
                text: p.text,
                sources: p.sources,
            })
            .collect()
    }

    fn register_field(&mut self, file: &str, f: source::RegisterField) -> RegisterField {
        let place = Place::item(file, Noun::RegisterField, &f.id);
        let parts = f
            .parts
            .into_iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let at = place.then(format!("parts[{i}]"));
                let when = match &p.when {
                    Some(v) => self.cond(v, &at.key("when")),
                    None => Cond::True,
                };
                let content = match (p.text, p.answer) {
                    (Some(t), None) => RegisterContent::Text(t),
                    (None, Some(q)) => match self.questions.get(&q) {
                        Some(&qid) => RegisterContent::Answer(qid),
                        None => {
                            self.defect(
                                &at.key("answer"),
                                DefectKind::Unknown {
                                    noun: Noun::Question,
                                    id: q,
                                    known: None,
                                },
                            );
                            return None;
                        }
                    },
                    _ => {
                        self.defect(&at, DefectKind::TextOrAnswer);
                        return None;
                    }
                };
                Some(RegisterPart {
                    when,
                    content,
                    sources: p.sources,
                })
            })
            .collect();
        RegisterField {
            id: f.id,
            label: f.label,
            parts,
            file: file.to_string(),
        }
    }
}

/// SHA-256 over the bank's files: name, NUL, content, NUL, in the order of their names. The
/// build script computes the embedded bank's hash the same way.
pub fn hash_files<N: AsRef<str>, C: AsRef<str>>(files: &[(N, C)]) -> String {
    let mut sorted: Vec<(&str, &str)> = files
        .iter()
        .map(|(n, c)| (n.as_ref(), c.as_ref()))
        .collect();
    sorted.sort_by(|a, b| a.0.cmp(b.0));
    let mut hasher = Sha256::new();
    for (name, content) in sorted {
        hasher.update(name.as_bytes());
        hasher.update([0]);
        hasher.update(content.as_bytes());
        hasher.update([0]);
    }
    hasher
        .finalize()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}
