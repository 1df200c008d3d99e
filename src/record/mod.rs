//! The accountability record (verantwoordingsplicht, AVG art. 5(2)): what was assessed, when,
//! by whom, on which version of the rules, with what advice — and proof it was not altered.
//!
//! A record is plain data; [`Assessment`] pairs it with the engine's session and keeps the two
//! in step. Nothing here touches the disk (that is `store`) or reads the clock (times are
//! passed in), so every rule about records is testable.
mod assessment;
pub mod audit;
mod campaign;
pub(crate) mod chain;
mod check;
mod integrity;
mod loaded;
pub mod plan;
pub mod signature;
mod signoff;
pub mod time;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};
use serde_json::Value;

pub use assessment::{Assessment, bank_ref, check_sign_off, session_of};
pub use campaign::{CampaignEdit, MAX_PARTICIPANTS};
pub use check::is_plain_id;
pub use integrity::{Integrity, Verification, canonical, verify_value};
pub use loaded::{Altered, Loaded, Unverified};
pub use plan::{Plan, PlanCheck, verify_plan};
pub use signoff::{SignOff, Signer};

/// The fingerprint of a record file's content as it is (its integrity hash if intact).
pub fn fingerprint_of(value: &Value) -> String {
    integrity::seal(value).hash
}

use crate::advice::{Advice, BankRef};
use crate::engine::AnswerError;
use crate::text::Lang;

/// What every record file says it is.
pub const FORMAT: &str = "avg-wijzer-record";
/// The format version this program writes. Older versions are read and migrated.
///
/// Version 2 (tool 0.2): `previous` names the previous revision's fingerprint as well as its
/// id, every history event carries its chain hash, and the FG's SSH signature may follow.
///
/// Version 3: the action plan (`plan`), outside the sealed content and sealed on its own. A
/// record signed off in version 1 or 2 keeps its version when its plan changes: the version is
/// part of what was signed. Its plan part is the same in every version. Also the
/// justifications (`justifications`, sealed; left out while empty, so a version 3 record
/// without them still reads and keeps its fingerprint).
pub const VERSION: u32 = 3;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    pub format: String,
    pub format_version: u32,
    pub id: String,
    /// 1 for a new assessment; a change after sign-off makes revision n + 1 in a new record.
    pub revision: u32,
    /// The record this revision continues.
    pub previous: Option<Previous>,
    pub status: Status,
    pub created: String,
    pub updated: String,
    pub completed: Option<String>,
    pub tool: Tool,
    pub bank: BankRef,
    pub lang: Lang,
    pub campaign: Campaign,
    pub participants: Vec<Participant>,
    /// Every answer given, by question id — also those no longer on the path, so they come
    /// back if the path returns. The outcome counts only the ones on the path.
    pub answers: BTreeMap<String, GivenAnswer>,
    /// Notes per question id, and on the whole session under [`SESSION_NOTE`].
    pub notes: BTreeMap<String, String>,
    /// The justification in free text per question id, for the questions that ask for one
    /// besides the answer (the legitimate interest's conditions). Sealed like the answers: it
    /// is part of what the FG signs. Left out while empty, so a record without one keeps the
    /// bytes (and the fingerprint) it had before the field.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub justifications: BTreeMap<String, String>,
    /// In order; on disk each event also carries its chain hash (see [`integrity`]).
    #[serde(with = "chain")]
    pub history: Vec<Event>,
    /// The advice exactly as it was shown, once the path is complete.
    pub outcome: Option<Advice>,
    pub signoff: Option<SignOff>,
    pub integrity: integrity::Integrity,
    /// The FG's SSH signature over the record's fingerprint (optional). Outside the hash it
    /// signs, like `integrity`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signature: Option<signature::Signature>,
    /// Who does which action of the advice by when, and that it was done. Outside the hash
    /// too: it goes on after the sign-off, sealed on its own. Left out while untouched.
    #[serde(default, skip_serializing_if = "Plan::is_empty")]
    pub plan: Plan,
}

/// The record a revision continues, and the fingerprint it had when it was continued, so a
/// chain of revisions can be checked end to end.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Previous {
    pub id: String,
    /// `None` in records migrated from format 1, which did not keep it.
    pub hash: Option<String>,
}

/// The key of the note on the whole session in [`Record::notes`].
pub const SESSION_NOTE: &str = "_sessie";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    InProgress,
    Completed,
    SignedOff,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Campaign {
    pub name: String,
    pub description: String,
    pub organisation: String,
}

/// What of the campaign a [`Event::CampaignChanged`] changed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CampaignField {
    Name,
    Description,
    Participants,
}

impl CampaignField {
    pub const ALL: [CampaignField; 3] = [
        CampaignField::Name,
        CampaignField::Description,
        CampaignField::Participants,
    ];
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Participant {
    pub name: String,
    pub role: String,
}

impl Participant {
    /// The participants as one line, "Anna (marketing), Piet (FG)": what [`Participant::parse_list`]
    /// reads back.
    pub fn list_line(participants: &[Participant]) -> String {
        let shown: Vec<String> = participants
            .iter()
            .map(|p| match p.role.as_str() {
                "" => p.name.clone(),
                role => format!("{} ({role})", p.name),
            })
            .collect();
        shown.join(", ")
    }

    /// "Anna (marketing), Piet (FG)" → participants with names and roles, as both the
    /// interface's form and the plain mode ask for them.
    pub fn parse_list(line: &str) -> Vec<Participant> {
        line.split(',')
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(Participant::parse_one)
            .collect()
    }

    /// "Anna (marketing)" → one participant; "Anna" has no role.
    pub fn parse_one(p: &str) -> Participant {
        let p = p.trim();
        match p.split_once('(') {
            Some((name, role)) => Participant {
                name: name.trim().to_string(),
                role: role.trim_end_matches(')').trim().to_string(),
            },
            None => Participant {
                name: p.to_string(),
                role: String::new(),
            },
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GivenAnswer {
    /// In the answers-file form: a string, or a list for multiple choice.
    pub value: Value,
    pub at: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Decision {
    Approved,
    ApprovedWithConditions,
    Rejected,
}

impl Decision {
    pub const ALL: [Decision; 3] = [
        Decision::Approved,
        Decision::ApprovedWithConditions,
        Decision::Rejected,
    ];

    pub fn id(self) -> &'static str {
        match self {
            Decision::Approved => "approved",
            Decision::ApprovedWithConditions => "approved_with_conditions",
            Decision::Rejected => "rejected",
        }
    }

    pub fn parse(s: &str) -> Option<Decision> {
        Decision::ALL.into_iter().find(|d| d.id() == s)
    }
}

/// One step in the history of a record, in order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "event", rename_all = "snake_case", deny_unknown_fields)]
pub enum Event {
    Created {
        at: String,
    },
    Answered {
        at: String,
        question: String,
        value: Value,
    },
    Changed {
        at: String,
        question: String,
        from: Value,
        to: Value,
    },
    /// A note added or changed, or (with empty text) removed.
    Note {
        at: String,
        question: Option<String>,
        text: String,
    },
    /// The campaign's name or description, or the list of participants, changed after the
    /// start. Only records changed so are written with it: older ones keep their seal.
    CampaignChanged {
        at: String,
        field: CampaignField,
        /// A text for the name and the description; a list of `{name, role}` for the
        /// participants.
        from: Value,
        to: Value,
    },
    /// A justification given, changed or (with empty text) taken away.
    Justified {
        at: String,
        question: String,
        text: String,
    },
    Completed {
        at: String,
        verdict: Value,
    },
    /// The sign-off: the FG's name and role, and everyone who signed with them.
    SignedOff {
        at: String,
        name: String,
        #[serde(default, skip_serializing_if = "String::is_empty")]
        role: String,
        decision: Decision,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        also: Vec<Signer>,
    },
    /// This record continues a signed-off one (a change after sign-off is a new revision), or
    /// one that failed verification and was continued knowingly (`--accept-altered`).
    Revision {
        at: String,
        previous: String,
        /// The fingerprint of the previous revision's content when it was continued.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        previous_hash: Option<String>,
        /// The parts of the previous record that failed verification; empty when it was
        /// intact.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        altered: Vec<String>,
    },
    /// The question bank changed since the record was saved: what still fits is kept.
    BankChanged {
        at: String,
        from: BankRef,
        to: BankRef,
        dropped: Vec<Dropped>,
        /// Questions the current bank asks on this record's path that the record had not been
        /// asked (a completed record that now needs an answer more, e.g. a question that now
        /// applies to youth members too).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        asks: Vec<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Dropped {
    pub question: String,
    pub value: Value,
    /// Why, as [`Dropped::why`] reads it: a code the locale says in either language, or a
    /// sentence kept as it was written.
    pub reason: String,
}

impl Dropped {
    /// Why the answer was dropped, read from `reason`.
    pub fn why(&self) -> DropReason<'_> {
        DropReason::of(&self.reason)
    }
}

/// Why an answer was dropped when the bank changed. The record keeps it as text (the format's
/// `reason` is a string): a reason with no details of its own as a stable code, which
/// `locale::document` says in either language; an answer that no longer fits as the sentence
/// that says why, in the record's language, with the value and the options as they were then.
/// Records saved before the code hold a Dutch sentence for every reason: shown as it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DropReason<'a> {
    /// The question is no longer in the bank.
    QuestionRemoved,
    /// A sentence, shown as it was written.
    Written(&'a str),
}

/// How [`DropReason::QuestionRemoved`] is kept.
const QUESTION_REMOVED: &str = "question_removed";

impl<'a> DropReason<'a> {
    /// The reason `reason` keeps.
    pub fn of(reason: &'a str) -> DropReason<'a> {
        match reason {
            QUESTION_REMOVED => DropReason::QuestionRemoved,
            written => DropReason::Written(written),
        }
    }

    /// The reason as a record keeps it.
    pub fn kept(self) -> &'a str {
        match self {
            DropReason::QuestionRemoved => QUESTION_REMOVED,
            DropReason::Written(s) => s,
        }
    }
}

/// Why a change to a record was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Signed off: a change needs a new revision.
    Frozen,
    Answer(AnswerError),
    UnknownQuestion(String),
    /// The question (its id) asks for no justification.
    NoJustification(String),
    /// A sign-off needs advice: every question on the path answered.
    Incomplete,
    /// A sign-off needs the FG's name.
    NoName,
    /// A sign-off's date is not a date like 2026-11-23.
    BadDate(String),
    /// A sign-off needs a decision chosen.
    NoDecision,
    /// A sign-off needs the FG's role.
    NoRole,
    /// "Approved with conditions" needs the conditions.
    NoConditions,
    /// A further signer (their number among the signers, the FG being 1) has no name.
    NoSignerName(usize),
    /// A further signer (their number) has no role.
    NoSignerRole(usize),
}

/// Why a record file cannot be read; said by `locale::record`. Serialisable, so the store's
/// list cache can keep it as it is and say it in the language of each run.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Unreadable {
    Empty,
    Json(BadJson),
    Foreign,
    Future(u32),
    /// `format_version` is missing or not a whole number.
    NoVersion,
    /// The file's content does not fit the format.
    Invalid(Malformed),
    /// The record's id is not its file's name: a copy or a renamed file.
    Renamed {
        id: String,
    },
}

/// Where a record file stops being JSON, and what is wrong there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BadJson {
    pub line: usize,
    pub column: usize,
    pub problem: crate::json::Problem,
}

/// How a record's content does not fit the format.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Malformed {
    /// Where in the file (the serde path, control characters escaped) and serde's own words,
    /// which are English in either language, as [`crate::json::Problem`] keeps them.
    Format(String),
    /// A `format_version` below the first (there is no migration from it).
    UnknownVersion(u64),
    /// The answer to this question (its id, escaped) is nested deeper than `most` levels.
    TooDeep { question: String, most: usize },
    /// `field` (`id` or `previous.id`) is not a plain id: `shown` is its start, quoted, and
    /// an id has at most `most` characters.
    NotAnId {
        field: String,
        shown: String,
        most: usize,
    },
}

/// serde's words, with where they apply ("answers.channel: missing field `at`").
impl From<&str> for Malformed {
    fn from(s: &str) -> Malformed {
        Malformed::Format(s.to_string())
    }
}

/// Reads a record from its file content, migrating older format versions.
pub fn parse(src: &str) -> Result<Record, Unreadable> {
    from_value(parse_value(src)?)
}

/// A record file's content as JSON, not yet checked against the format.
pub fn parse_value(src: &str) -> Result<Value, Unreadable> {
    if src.trim().is_empty() {
        return Err(Unreadable::Empty);
    }
    crate::json::parse_strict(src).map_err(|e| {
        Unreadable::Json(BadJson {
            line: e.line(),
            column: e.column(),
            problem: e.problem(),
        })
    })
}

/// A record from parsed JSON: the format is checked, older versions migrated.
pub fn from_value(mut v: Value) -> Result<Record, Unreadable> {
    if v.get("format").and_then(Value::as_str) != Some(FORMAT) {
        return Err(Unreadable::Foreign);
    }
    let version = v
        .get("format_version")
        .and_then(Value::as_u64)
        .ok_or(Unreadable::NoVersion)?;
    if version > u64::from(VERSION) {
        return Err(Unreadable::Future(version.min(u64::from(u32::MAX)) as u32));
    }
    // Older versions are migrated one step at a time, each kept as a fixture under
    // tests/records/.
    match version {
        1 => migrate_v1(&mut v),
        // Version 3 only added the plan, which a record of version 2 may carry too (one
        // signed off before it, whose plan changed since). A version 2 record is read as it
        // is, so that its fingerprint is still what was signed; one being worked on is written
        // in the current version (`Assessment::resume`).
        2 | 3 => {}
        v => return Err(Unreadable::Invalid(Malformed::UnknownVersion(v))),
    }
    serde_path_to_error::deserialize(v)
        .map_err(|e| {
            // The path holds the file's own keys, which may hold control characters.
            let at = crate::json::escape_controls(&e.path().to_string());
            let why = crate::json::message(e.inner());
            Unreadable::Invalid(Malformed::Format(if at == "." {
                why
            } else {
                format!("{at}: {why}")
            }))
        })
        .and_then(check::plain_id)
        .and_then(check::shallow_answers)
}

/// Format 1 → 2: `previous` was the id alone (its fingerprint was not kept); the history had
/// no chain hashes (they are added when the record is next saved).
fn migrate_v1(v: &mut Value) {
    if let Some(id) = v
        .get("previous")
        .and_then(Value::as_str)
        .map(str::to_string)
    {
        v["previous"] = serde_json::json!({ "id": id, "hash": null });
    }
    v["format_version"] = Value::from(VERSION);
}

impl Record {
    /// The record as JSON, sealed with its integrity hash.
    pub fn to_json(&mut self) -> String {
        self.seal();
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }

    /// The fingerprint of the record's content as it is now: the integrity hash a save would
    /// give it, without sealing this copy (whose stored hash a save still checks the file
    /// against).
    pub fn fingerprint(&self) -> String {
        let v = serde_json::to_value(self).unwrap_or(Value::Null);
        integrity::seal(&v).hash
    }

    /// Signs the sign-off with the FG's SSH key: a signature over the fingerprint, which it
    /// does not change. Only a signed-off record is signed, so the signature covers the FG's
    /// name, date, decision and remarks.
    pub fn sign(
        &mut self,
        private_key_openssh: &str,
        passphrase: Option<&str>,
    ) -> Result<(), signature::SignError> {
        if self.signoff.is_none() {
            return Err(signature::SignError::NotSignedOff);
        }
        let fingerprint = self.fingerprint();
        self.signature = Some(signature::sign(
            private_key_openssh,
            passphrase,
            fingerprint.as_bytes(),
        )?);
        Ok(())
    }

    /// Checks the FG's signature against the record as it is and the keys the register keeper
    /// allows (the text of an allowed_signers file).
    pub fn check_signature(
        &self,
        allowed_signers: &str,
        at: signature::VerifyTime,
        identity: Option<&str>,
    ) -> Option<Result<signature::Signer, signature::VerifyError>> {
        let s = self.signature.as_ref()?;
        Some(signature::verify_as(
            s,
            self.fingerprint().as_bytes(),
            allowed_signers,
            at,
            identity,
        ))
    }

    /// Computes the integrity block over everything else, then seals the plan to it.
    pub fn seal(&mut self) {
        self.integrity = integrity::Integrity::default();
        let v = serde_json::to_value(&*self).unwrap_or(Value::Null);
        self.integrity = integrity::seal(&v);
        if !self.plan.is_empty() {
            self.plan.seal_to(&self.integrity.hash);
        }
    }

    /// What tells one saved state of the record file from another, as this copy was last read
    /// or saved: its integrity hash, and its plan's seal (which changes without the integrity
    /// hash after a sign-off); `None` for a plan never saved.
    pub fn saved_as(&self) -> (String, Option<String>) {
        let plan = &self.plan.seal.hash;
        (
            self.integrity.hash.clone(),
            (!plan.is_empty()).then(|| plan.clone()),
        )
    }

    /// The advice's actions, which the plan follows; `None` before there is advice.
    pub fn actions(&self) -> Option<&[crate::advice::ActionView]> {
        self.outcome.as_ref().map(|o| o.actions.as_slice())
    }

    /// The plan along the record's own advice; without advice there is no plan to show (what
    /// was recorded is kept, for when the advice is there again).
    pub fn plan_view(&self) -> plan::PlanView {
        self.actions()
            .map(|a| self.plan.view(a))
            .unwrap_or_default()
    }

    /// The justification given for question `id`, if any.
    pub fn justification(&self, id: &str) -> Option<&str> {
        self.justifications.get(id).map(String::as_str)
    }

    pub fn is_frozen(&self) -> bool {
        self.signoff.is_some()
    }
}
