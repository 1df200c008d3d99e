//! The state of each screen: only its own (cursor, fields, focus); the open record lives in
//! the model beside it.
use std::collections::BTreeSet;

use crate::bank::{Bank, Kind, QId};
use crate::engine::Answer;
use crate::profile::{Field, Profile, Refused};
use crate::store::LoadedProfile;
use crate::text::Lang;

use super::TextField;

/// The start screen: row 0 is "new assessment", the rows after it the records.
#[derive(Debug, Default)]
pub struct Start {
    /// 0 for "new assessment", n for the n-th row in view.
    pub cursor: usize,
    /// The id of the record marked (`m`) as A of a comparison: `c` on another compares them.
    pub marked: Option<String>,
    /// The filter (`/`): `None` when there is none.
    pub filter: Option<TextField>,
    /// Whether the filter is being typed (Enter keeps it, Esc clears it).
    pub typing: bool,
    /// The archive, when it is shown instead of the records (Tab); empty while it is read.
    pub archive: Option<Vec<super::Row>>,
    /// The rows the filter lets through, worked out when the filter or the rows change.
    pub hits: Option<super::Hits>,
    /// The letters of the rows in view, made when a filter is first typed over them.
    pub letters: Option<Vec<u64>>,
}

/// The form of the library's profile: one field per item, filled with what was read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileForm {
    /// The profile as it was read (or last saved), and what its file held then: what a save
    /// replaces, and what leaving compares with.
    pub from: LoadedProfile,
    /// One field per item, in the order of [`Field::ALL`].
    pub fields: [TextField; 8],
    pub focus: Field,
}

impl ProfileForm {
    pub fn new(from: LoadedProfile, lang: Lang) -> ProfileForm {
        let fields =
            Field::ALL.map(|f| TextField::with_text(from.profile.get(f).unwrap_or(""), lang));
        ProfileForm {
            from,
            fields,
            focus: Field::Name,
        }
    }

    pub fn field(&self, f: Field) -> &TextField {
        &self.fields[Self::place(f)]
    }

    pub fn field_mut(&mut self, f: Field) -> &mut TextField {
        &mut self.fields[Self::place(f)]
    }

    /// The profile as the form holds it, or the first value it refuses.
    pub fn profile(&self) -> Result<Profile, Refused> {
        let mut p = Profile::default();
        for f in Field::ALL {
            p.set(f, &self.field(f).text)?;
        }
        Ok(p)
    }

    /// Whether leaving would lose what was typed: the form holds another profile than it was
    /// opened with (or a value it cannot hold).
    pub fn is_changed(&self) -> bool {
        self.profile().map_or(true, |p| p != self.from.profile)
    }

    fn place(f: Field) -> usize {
        Field::ALL.iter().position(|&x| x == f).unwrap_or(0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewField {
    Name,
    Description,
    Participants,
}

impl NewField {
    pub const ALL: [NewField; 3] = [
        NewField::Name,
        NewField::Description,
        NewField::Participants,
    ];
}

#[derive(Debug)]
pub struct NewForm {
    pub name: TextField,
    pub description: TextField,
    pub participants: TextField,
    pub focus: NewField,
}

impl NewForm {
    pub fn new() -> NewForm {
        NewForm {
            name: TextField::default(),
            description: TextField::default(),
            participants: TextField::default(),
            focus: NewField::Name,
        }
    }

    pub fn field(&self, f: NewField) -> &TextField {
        match f {
            NewField::Name => &self.name,
            NewField::Description => &self.description,
            NewField::Participants => &self.participants,
        }
    }

    pub fn field_mut(&mut self, f: NewField) -> &mut TextField {
        match f {
            NewField::Name => &mut self.name,
            NewField::Description => &mut self.description,
            NewField::Participants => &mut self.participants,
        }
    }

    pub fn is_touched(&self) -> bool {
        NewField::ALL
            .iter()
            .any(|&f| !self.field(f).text.is_empty())
    }
}

impl Default for NewForm {
    fn default() -> Self {
        NewForm::new()
    }
}

/// Which panel of the question screen has the keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Options,
    /// The justification a question asks for besides its answer (under the options).
    Justification,
    Explanation,
    Answers,
}

/// Whether the explanation panel (help text, reasoning, sources) is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Explain {
    Shown,
    Hidden,
}

/// How the question was reached: in order, or by jumping back to change an answer. After a
/// jump, answering goes on to the first open question (or the review), not through every
/// answered one again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Origin {
    Flow,
    Jump,
}

/// One question on screen, with what is being chosen or typed before it is confirmed.
#[derive(Debug)]
pub struct Asking {
    pub q: QId,
    pub cursor: usize,
    /// The checkboxes of a multiple-choice question, before Enter confirms them.
    pub marks: u64,
    /// The text of a free-text question, before Enter saves it.
    pub text: TextField,
    /// The justification, for a question that asks for one: saved with the answer (Enter).
    pub justification: TextField,
    pub focus: Pane,
    pub explain: Explain,
    pub explain_scroll: u16,
    /// The selected row in the list of questions answered so far.
    pub answers_cursor: usize,
    pub origin: Origin,
}

impl Asking {
    /// The question `q` with the given answer (if any) preselected.
    pub fn new(bank: &Bank, q: QId, given: Option<&Answer>, origin: Origin, lang: Lang) -> Asking {
        let question = &bank.questions[q];
        let (cursor, marks, text) = match given {
            Some(Answer::Choice(m)) => (
                (m.trailing_zeros() as usize).min(question.options.len().saturating_sub(1)),
                *m,
                TextField::default(),
            ),
            Some(Answer::Text(t)) => (0, 0, TextField::with_text(t, lang)),
            None => (0, 0, TextField::default()),
        };
        Asking {
            q,
            cursor,
            marks,
            text,
            justification: TextField::default(),
            focus: Pane::Options,
            explain: Explain::Shown,
            explain_scroll: 0,
            answers_cursor: 0,
            origin,
        }
    }
}

impl Asking {
    /// The justification given before (if any) in its field.
    pub fn with_justification(mut self, given: Option<&str>, lang: Lang) -> Asking {
        self.justification = TextField::with_text(given.unwrap_or_default(), lang);
        self
    }
}

/// The bit of option `i` in a choice mask; none past the 64th (a bank that large is refused
/// by the engine, not by a crash here).
pub fn bit(i: usize) -> u64 {
    u32::try_from(i)
        .ok()
        .and_then(|i| 1u64.checked_shl(i))
        .unwrap_or(0)
}

/// Whether the justification typed differs from the one saved (`None`: none), so leaving
/// would lose it. White space around it is no part of it.
pub fn is_unsaved_justification(typed: &str, saved: Option<&str>) -> bool {
    typed.trim() != saved.unwrap_or_default()
}

/// Whether what is on screen (checked boxes, typed text) differs from the saved answer, so
/// leaving would lose it.
pub fn is_unconfirmed(kind: Kind, marks: u64, typed: &str, given: Option<&Answer>) -> bool {
    match kind {
        Kind::Multiple => marks != 0 && given != Some(&Answer::Choice(marks)),
        Kind::Text => match given {
            Some(Answer::Text(t)) => t != typed,
            _ => !typed.is_empty(),
        },
        _ => false,
    }
}

#[derive(Debug, Default)]
pub struct Review {
    /// Rows 0..n are the answers on the path; row n is "show the advice".
    pub cursor: usize,
}

#[derive(Debug, Default)]
pub struct AdviceView {
    pub cursor: usize,
    pub expanded: BTreeSet<usize>,
    /// Extra lines scrolled with Page Up/Down, for texts longer than the screen.
    pub scroll: u16,
}

/// The expandable entries of the advice screen, in the order shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AdviceItem {
    /// A warning and a required action that block the plan (indexes into `warnings` and
    /// `actions`), shown first with the remedies, and not again in their usual place.
    BlockingWarning(usize),
    BlockingAction(usize),
    Remedy(usize),
    Required(usize),
    Recommended(usize),
    Warning(usize),
    Reason(usize),
    Note(usize),
}

impl AdviceItem {
    /// Whether the item leads the advice: what blocks the plan and the remedies.
    pub fn leads(self) -> bool {
        matches!(
            self,
            AdviceItem::BlockingWarning(_) | AdviceItem::BlockingAction(_) | AdviceItem::Remedy(_)
        )
    }
}

/// The entries of an advice, in screen order: what blocks the plan and the remedies (for a plan
/// that is not allowed), required and recommended actions (indexes into `actions`), warnings,
/// the reasons for the verdict, the notes on current law.
pub fn advice_items(advice: &crate::advice::Advice) -> Vec<AdviceItem> {
    use crate::engine::Level;
    let mut items: Vec<AdviceItem> = Vec::new();
    let warnings = || 0..advice.warnings.len();
    let blocking_warning = |&i: &usize| advice.blocks_warning(&advice.warnings[i]);
    let blocking_action = |&i: &usize| advice.blocks_action(&advice.actions[i]);
    items.extend(
        warnings()
            .filter(blocking_warning)
            .map(AdviceItem::BlockingWarning),
    );
    items.extend(
        (0..advice.actions.len())
            .filter(blocking_action)
            .map(AdviceItem::BlockingAction),
    );
    items.extend((0..advice.remedies.len()).map(AdviceItem::Remedy));
    for level in [Level::Required, Level::Recommended] {
        for (i, a) in advice.actions.iter().enumerate() {
            if a.level == level && !blocking_action(&i) {
                items.push(match level {
                    Level::Required => AdviceItem::Required(i),
                    Level::Recommended => AdviceItem::Recommended(i),
                });
            }
        }
    }
    items.extend(
        warnings()
            .filter(|i| !blocking_warning(i))
            .map(AdviceItem::Warning),
    );
    items.extend((0..advice.reasons.len()).map(AdviceItem::Reason));
    items.extend((0..advice.notes.len()).map(AdviceItem::Note));
    items
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SignField {
    Name,
    /// The first signer's role (the FG's, unless changed).
    Role,
    Date,
    Decision,
    /// Shown only for "approved with conditions", which needs them.
    Conditions,
    Remarks,
    /// The name and the role of further signer `i`.
    SignerName(usize),
    SignerRole(usize),
    /// The line that adds a further signer (Enter).
    AddSigner,
    /// The path of the FG's own SSH key, to sign the sign-off with (optional).
    Key,
    /// Its passphrase, shown masked, when the key is protected.
    Passphrase,
}

impl SignField {
    /// Whether the field takes typing (the decision and the line that adds a signer do not).
    pub fn is_text(self) -> bool {
        !matches!(self, SignField::Decision | SignField::AddSigner)
    }
}

/// A further signer as typed.
#[derive(Debug, Default)]
pub struct SignerFields {
    pub name: TextField,
    pub role: TextField,
}

#[derive(Debug)]
pub struct SignOffForm {
    pub name: TextField,
    pub role: TextField,
    pub date: TextField,
    /// Nothing chosen until the FG chooses: no decision is made for them.
    pub decision: Option<crate::record::Decision>,
    pub conditions: TextField,
    pub remarks: TextField,
    pub also: Vec<SignerFields>,
    pub key: TextField,
    pub passphrase: TextField,
    pub focus: SignField,
    /// The summary of what will be frozen is shown, waiting for the explicit confirmation.
    pub confirming: bool,
}

impl SignOffForm {
    /// An empty form: the FG's role in `lang` and today filled in, nothing chosen.
    pub fn new(today: &str, lang: Lang) -> SignOffForm {
        SignOffForm {
            name: TextField::default(),
            role: TextField::with_text(crate::locale::record::fg_role(lang), lang),
            date: TextField::with_text(today, lang),
            decision: None,
            conditions: TextField::default(),
            remarks: TextField::default(),
            also: Vec::new(),
            key: TextField::default(),
            passphrase: TextField::default(),
            focus: SignField::Name,
            confirming: false,
        }
    }

    /// The form's fields as the workflow checks them, with the further signers `also`.
    pub fn draft<'a>(&'a self, also: &'a [crate::record::Signer]) -> crate::app::SignOffDraft<'a> {
        crate::app::SignOffDraft {
            name: &self.name.text,
            role: &self.role.text,
            date: &self.date.text,
            decision: self.decision,
            conditions: &self.conditions.text,
            remarks: &self.remarks.text,
            also,
        }
    }

    /// Whether the conditions are asked for: only with "approved with conditions".
    pub fn asks_conditions(&self) -> bool {
        self.decision == Some(crate::record::Decision::ApprovedWithConditions)
    }

    /// The fields in the order shown (and Tab goes through).
    pub fn fields(&self) -> Vec<SignField> {
        use SignField as F;
        let mut v = vec![F::Name, F::Role, F::Date, F::Decision];
        if self.asks_conditions() {
            v.push(F::Conditions);
        }
        v.push(F::Remarks);
        for i in 0..self.also.len() {
            v.extend([F::SignerName(i), F::SignerRole(i)]);
        }
        v.extend([F::AddSigner, F::Key, F::Passphrase]);
        v
    }

    pub fn field_mut(&mut self, f: SignField) -> Option<&mut TextField> {
        match f {
            SignField::Name => Some(&mut self.name),
            SignField::Role => Some(&mut self.role),
            SignField::Date => Some(&mut self.date),
            SignField::Conditions => Some(&mut self.conditions),
            SignField::Remarks => Some(&mut self.remarks),
            SignField::SignerName(i) => self.also.get_mut(i).map(|s| &mut s.name),
            SignField::SignerRole(i) => self.also.get_mut(i).map(|s| &mut s.role),
            SignField::Key => Some(&mut self.key),
            SignField::Passphrase => Some(&mut self.passphrase),
            SignField::Decision | SignField::AddSigner => None,
        }
    }

    /// Drops the further signers left wholly empty: a line added by mistake is no signer.
    pub fn drop_empty_signers(&mut self) {
        self.also
            .retain(|s| !(s.name.text.trim().is_empty() && s.role.text.trim().is_empty()));
    }

    /// The further signers as typed.
    pub fn signers(&self) -> Vec<crate::record::Signer> {
        self.also
            .iter()
            .map(|s| crate::record::Signer {
                name: s.name.text.clone(),
                role: s.role.text.clone(),
            })
            .collect()
    }

    /// Whether leaving would lose what was typed or chosen.
    pub fn is_touched(&self) -> bool {
        !self.name.text.trim().is_empty()
            || self.decision.is_some()
            || !self.remarks.text.trim().is_empty()
            || !self.conditions.text.trim().is_empty()
            || self
                .signers()
                .iter()
                .any(|s| !s.name.trim().is_empty() || !s.role.trim().is_empty())
    }
}

pub use crate::export::Format as ExportFormat;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportField {
    Format,
    Path,
}

#[derive(Debug)]
pub struct ExportForm {
    pub format: usize,
    pub path: TextField,
    /// Whether the person typed the path; if not, it follows the format.
    pub path_edited: bool,
    pub focus: ExportField,
}
