//! Compiling bank files into a [`Bank`]: parse, merge, resolve every id, and refuse a broken
//! bank with the file, the place and the reason of each defect.
use std::collections::{BTreeMap, HashMap};
use std::fmt;

use serde_json::Value;
use sha2::{Digest, Sha256};

mod conditions;
mod conflict;
mod documents;
mod question;

use super::source::{self, Part};
use super::*;

/// Every defect found while loading a bank, one line each.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LoadError {
    pub defects: Vec<String>,
}

impl LoadError {
    /// The defects, each kept on one clean line: ids, keys and file names in them come from
    /// the bank's files, and a control character in one must not steer the terminal.
    pub fn new(defects: Vec<String>) -> LoadError {
        LoadError {
            defects: defects
                .iter()
                .map(|d| crate::json::escape_controls(d))
                .collect(),
        }
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.defects.join("\n"))
    }
}

impl std::error::Error for LoadError {}

pub(super) fn compile<N: AsRef<str>, C: AsRef<str>>(
    files: &[(N, C)],
    origin: &str,
    known_sha256: Option<&str>,
) -> Result<Bank, LoadError> {
    let mut defects = Vec::new();
    let mut parts: Vec<(&str, Part)> = Vec::new();
    if files.is_empty() {
        return Err(LoadError::new(vec![format!(
            "{origin}: geen .json-bestanden gevonden"
        )]));
    }
    for (name, content) in files {
        let (name, content) = (name.as_ref(), content.as_ref());
        if content.trim().is_empty() {
            defects.push(format!("{name}: het bestand is leeg; verwacht een JSON-object met secties als \"questions\""));
            continue;
        }
        // A bank from outside is first read strictly, so a key given twice is caught; the
        // embedded bank is checked by the tests and skips this at start-up.
        if known_sha256.is_none()
            && let Err(e) = crate::json::parse_strict(content)
        {
            defects.push(format!("{name}:{}:{}: {}", e.line(), e.column(), e));
            continue;
        }
        match serde_json::from_str::<Part>(content) {
            Ok(p) => parts.push((name, p)),
            Err(e) => defects.push(format!(
                "{name}:{}:{}: {}",
                e.line(),
                e.column(),
                crate::json::describe(&e)
            )),
        }
    }
    if !defects.is_empty() {
        return Err(LoadError::new(defects));
    }
    let mut c = Compiler {
        defects,
        ..Default::default()
    };
    let bank = c.run(parts, files, origin, known_sha256);
    match bank {
        Some(b) if c.defects.is_empty() => Ok(b),
        _ => Err(LoadError::new(c.defects)),
    }
}

#[derive(Default)]
struct Compiler {
    defects: Vec<String>,
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
    fn defect(&mut self, msg: String) {
        self.defects.push(msg);
    }

    /// Registers ids of one namespace, reporting duplicates with both files. An item's id is
    /// its place among the items of its kind.
    fn index<'a, I: Copy + From<usize> + Into<usize>>(
        &mut self,
        what: &str,
        items: impl Iterator<Item = (&'a str, &'a str)>,
    ) -> HashMap<String, I> {
        let mut map: HashMap<String, I> = HashMap::new();
        let mut files: Vec<&str> = Vec::new();
        for (file, id) in items {
            if let Some(&first) = map.get(id) {
                let other = files[first.into()];
                self.defect(format!(
                    "{file}: {what} \"{id}\" is dubbel gedefinieerd (ook in {other})"
                ));
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
        origin: &str,
        known_sha256: Option<&str>,
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
                    self.defect(format!(
                        "{file}: de sectie \"bank\" staat er twee keer in (ook in {first})"
                    ));
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
            self.defect(format!("{origin}: geen enkel bestand heeft de sectie \"bank\" (id, version, title, start, verdict)"));
            return None;
        };

        self.questions = self.index("vraag", qs.iter().map(|(f, q)| (*f, q.id.as_str())));
        for (file, q) in &qs {
            if q.id == "end" {
                self.defects.push(format!(
                    "{file}: vraag \"end\": die id is gereserveerd voor het einde van een pad"
                ));
            }
        }
        self.findings = self.index("bevinding", fs.iter().map(|(f, x)| (*f, x.id.as_str())));
        self.actions = self.index("actie", acts.iter().map(|(f, x)| (*f, x.id.as_str())));
        self.warnings = self.index(
            "waarschuwing",
            warns.iter().map(|(f, x)| (*f, x.id.as_str())),
        );
        self.notes = self.index("notitie", notes.iter().map(|(f, x)| (*f, x.id.as_str())));
        let _: HashMap<_, RId> =
            self.index("regel", rules.iter().map(|(f, x)| (*f, x.id.as_str())));
        let _: HashMap<_, usize> =
            self.index("definitie", defs.iter().map(|(f, k, _)| (*f, k.as_str())));
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
                        self.defects.push(format!(
                            "{file}: vraag \"{}\": onbekend soort \"{other}\"; toegestaan: single, multiple, yes_no, yes_no_unknown, text",
                            q.id
                        ));
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
            "registerveld",
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
                parts: self.text_parts(a.parts, &format!("{file}: actie \"{}\"", a.id)),
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
                parts: self.text_parts(w.parts, &format!("{file}: waarschuwing \"{}\"", w.id)),
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
                parts: self.text_parts(n.parts, &format!("{file}: notitie \"{}\"", n.id)),
                file: file.to_string(),
                id: n.id,
                title: n.title,
                text: n.text,
                sources: n.sources,
                checked: n.checked,
            })
            .collect();

        let _: HashMap<_, usize> = self.index(
            "conflict",
            conflicts.iter().map(|(f, x)| (*f, x.id.as_str())),
        );
        let conflicts = conflicts
            .into_iter()
            .filter_map(|(file, c)| self.conflict(file, c, &findings))
            .collect();

        let start = self.questions.get(&meta.start).copied();
        if start.is_none() {
            self.defect(format!(
                "{meta_file}: bank.start: onbekende vraag \"{}\"",
                meta.start
            ));
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
            origin: origin.to_string(),
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
            documents,
            question_index: std::mem::take(&mut self.questions),
        })
    }

    fn finding(&mut self, file: &str, f: source::Finding) -> Finding {
        if f.values.is_empty() {
            self.defect(format!("{file}: bevinding \"{}\" heeft geen waarden", f.id));
        }
        for (i, v) in f.values.iter().enumerate() {
            if f.values[..i].iter().any(|w| w.value == v.value) {
                self.defect(format!(
                    "{file}: bevinding \"{}\": waarde {} staat er twee keer in",
                    f.id, v.value
                ));
            }
        }
        let default = f.default.as_ref().and_then(|d| {
            let i = f.values.iter().position(|v| &v.value == d);
            if i.is_none() {
                self.defect(format!(
                    "{file}: bevinding \"{}\": standaardwaarde {d} is geen van de waarden ({})",
                    f.id,
                    f.values
                        .iter()
                        .map(|v| v.value.to_string())
                        .collect::<Vec<_>>()
                        .join(", ")
                ));
            }
            i.map(|i| i as u8)
        });
        Finding {
            file: file.to_string(),
            id: f.id,
            title: f.title,
            values: f
                .values
                .into_iter()
                .map(|v| FindingValue {
                    value: v.value,
                    label: v.label,
                })
                .collect(),
            default,
            rationale: f.rationale,
            sources: f.sources,
        }
    }

    fn rule(&mut self, file: &str, r: source::Rule, findings: &IdSlice<FId, Finding>) -> Rule {
        let place = format!("{file}: regel \"{}\"", r.id);
        let when = match &r.when {
            Some(v) => self.cond(v, &format!("{place}, when")),
            None => Cond::True,
        };
        let mut set = Vec::new();
        for (fid, value) in &r.set {
            match self.findings.get(fid) {
                None => self.defect(format!("{place}, set: onbekende bevinding \"{fid}\"")),
                Some(&f) => match findings[f].values.iter().position(|v| &v.value == value) {
                    Some(i) => set.push((f, i as u8)),
                    None => self.defect(format!(
                        "{place}, set.{fid}: waarde {value} is niet toegestaan; toegestaan: {}",
                        findings[f]
                            .values
                            .iter()
                            .map(|v| v.value.to_string())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )),
                },
            }
        }
        let require = self.ids(&r.require, "actie", &place, "require", |c| &c.actions);
        let recommend = self.ids(&r.recommend, "actie", &place, "recommend", |c| &c.actions);
        let warn = self.ids(&r.warn, "waarschuwing", &place, "warn", |c| &c.warnings);
        let notes = self.ids(&r.notes, "notitie", &place, "notes", |c| &c.notes);
        Rule {
            id: r.id,
            from: r.from,
            when,
            set,
            require,
            recommend,
            warn,
            notes,
            reason: r.reason.map(|x| Reason {
                parts: self.text_parts(x.parts, &format!("{place}, reason")),
                text: x.text,
                sources: x.sources,
            }),
            file: file.to_string(),
        }
    }

    fn text_parts(&mut self, parts: Vec<source::TextPart>, place: &str) -> Vec<TextPart> {
        parts
            .into_iter()
            .enumerate()
            .map(|(i, p)| TextPart {
                when: match &p.when {
                    Some(v) => self.cond(v, &format!("{place}, parts[{i}].when")),
                    None => Cond::True,
                },
                text: p.text,
                sources: p.sources,
            })
            .collect()
    }

    fn register_field(&mut self, file: &str, f: source::RegisterField) -> RegisterField {
        let place = format!("{file}: registerveld \"{}\"", f.id);
        let parts = f
            .parts
            .into_iter()
            .enumerate()
            .filter_map(|(i, p)| {
                let at = format!("{place}, parts[{i}]");
                let when = match &p.when {
                    Some(v) => self.cond(v, &format!("{at}.when")),
                    None => Cond::True,
                };
                let content = match (p.text, p.answer) {
                    (Some(t), None) => RegisterContent::Text(t),
                    (None, Some(q)) => match self.questions.get(&q) {
                        Some(&qid) => RegisterContent::Answer(qid),
                        None => {
                            self.defect(format!("{at}.answer: onbekende vraag \"{q}\""));
                            return None;
                        }
                    },
                    _ => {
                        self.defect(format!("{at}: geef precies één van \"text\" en \"answer\""));
                        return None;
                    }
                };
                Some(RegisterPart { when, content })
            })
            .collect();
        RegisterField {
            id: f.id,
            label: f.label,
            parts,
            file: file.to_string(),
        }
    }

    fn ids<I: Copy>(
        &mut self,
        ids: &[String],
        what: &str,
        place: &str,
        field: &str,
        map: impl Fn(&Compiler) -> &HashMap<String, I>,
    ) -> Vec<I> {
        let mut out = Vec::new();
        for id in ids {
            match map(self).get(id) {
                Some(&i) => out.push(i),
                None => {
                    let known: BTreeMap<&String, ()> = map(self).keys().map(|k| (k, ())).collect();
                    let known: Vec<&str> = known.keys().map(|k| k.as_str()).collect();
                    self.defect(format!(
                        "{place}, {field}: onbekende {what} \"{id}\"; bekend: {}",
                        known.join(", ")
                    ))
                }
            }
        }
        out
    }

    fn verdict(
        &mut self,
        file: &str,
        v: &source::VerdictSpec,
        findings: &IdSlice<FId, Finding>,
    ) -> Option<Verdict> {
        let Some(&f) = self.findings.get(&v.finding) else {
            self.defect(format!(
                "{file}: bank.verdict.finding: onbekende bevinding \"{}\"",
                v.finding
            ));
            return None;
        };
        let mut value = |field: &str, want: &Value| {
            let i = findings[f].values.iter().position(|x| &x.value == want);
            if i.is_none() {
                self.defects.push(format!(
                    "{file}: bank.verdict.{field}: {want} is geen waarde van bevinding \"{}\"",
                    v.finding
                ));
            }
            i.map(|i| i as u8)
        };
        let without = value("without_required_actions", &v.without_required_actions);
        let with = value("with_required_actions", &v.with_required_actions);
        Some(Verdict {
            finding: f,
            without_required_actions: without?,
            with_required_actions: with?,
        })
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
