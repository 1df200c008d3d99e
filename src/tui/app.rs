//! The model: everything the interface shows, and nothing it does. Screens are an enum; each
//! holds only its own state (cursor, fields, focus). The open assessment lives beside the
//! screen, so question, review, advice, sign-off and export all work on the same record.
use std::collections::BTreeSet;

use crate::bank::{Bank, Kind, QId};
use crate::engine::Answer;
use crate::guard;
use crate::record::{Assessment, Record, Status};
use crate::store::{Dated, Listing, Store, Summary};
use crate::text::Lang;

/// The whole state of the interface.
pub struct Model<'b> {
    pub bank: &'b Bank,
    pub lang: Lang,
    /// Where records are saved; `None` saves nothing (tests, trying out).
    pub store: Option<Store>,
    /// The store's location as shown on the start screen.
    pub store_shown: String,
    pub records: Records,
    pub screen: Screen,
    pub work: Option<Work<'b>>,
    pub overlay: Overlay,
    pub status: Option<Notice>,
    pub run: Run,
    /// The clock, as RFC 3339 text; fixed in tests.
    pub clock: fn() -> String,
    pub theme: super::theme::Theme,
    /// A record that fails verification is continued as a new revision instead of refused
    /// (`--accept-altered`).
    pub accept_altered: bool,
}

/// The list of records on the start screen, read after the first frame.
pub enum Records {
    Loading,
    Loaded(Listing<Row>),
    Failed(String),
}

/// A record as the start screen lists it: what a row shows and what opens it. A store may
/// hold ten thousand records, so a row keeps no more of a record's summary than this: with the
/// whole `Summary` per record a session with 10,000 records peaked at 13.1 MiB, with this row
/// at 10.0 MiB (benches/perf.rs, group tui; the bar is 10 MiB).
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub id: Box<str>,
    pub campaign: Box<str>,
    pub status: Status,
    /// The verdict as it was shown, in the record's language.
    pub verdict: Option<Box<str>>,
    pub updated: Box<str>,
}

impl From<Summary> for Row {
    fn from(s: Summary) -> Row {
        Row {
            id: s.id.into(),
            campaign: s.campaign.into(),
            status: s.status,
            verdict: s.verdict_label.map(Into::into),
            updated: s.updated.into(),
        }
    }
}

impl Row {
    pub fn of(r: &Record) -> Row {
        Row::from(Summary::of(r, ""))
    }
}

impl Dated for Row {
    fn updated(&self) -> &str {
        &self.updated
    }
    fn id(&self) -> &str {
        &self.id
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Run {
    Running,
    Done,
}

/// A line in the status bar: what just happened, or what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    pub kind: NoticeKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NoticeKind {
    Info,
    Error,
}

/// The record being worked on: an assessment open for answers, or a saved record opened to read.
pub enum Work<'b> {
    Editing(Assessment<'b>),
    /// Read-only: the record exactly as saved, its advice as it was shown then.
    Viewing(Record),
}

impl Work<'_> {
    pub fn record(&self) -> &Record {
        match self {
            Work::Editing(a) => &a.record,
            Work::Viewing(r) => r,
        }
    }

    pub fn is_read_only(&self) -> bool {
        matches!(self, Work::Viewing(_))
    }
}

pub enum Screen {
    Start(Start),
    NewForm(NewForm),
    Question(Asking),
    Review(Review),
    Advice(AdviceView),
    SignOff(SignOffForm),
    Export(ExportForm),
}

/// The start screen: row 0 is "new assessment", the rows after it the records.
#[derive(Debug, Default)]
pub struct Start {
    pub cursor: usize,
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
            focus: Pane::Options,
            explain: Explain::Shown,
            explain_scroll: 0,
            answers_cursor: 0,
            origin,
        }
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
    Date,
    Decision,
    Remarks,
    /// The path of the FG's own SSH key, to sign the sign-off with (optional).
    Key,
    /// Its passphrase, shown masked, when the key is protected.
    Passphrase,
}

impl SignField {
    pub const ALL: [SignField; 6] = [
        SignField::Name,
        SignField::Date,
        SignField::Decision,
        SignField::Remarks,
        SignField::Key,
        SignField::Passphrase,
    ];
}

#[derive(Debug)]
pub struct SignOffForm {
    pub name: TextField,
    pub date: TextField,
    /// Index into [`crate::record::Decision::ALL`].
    pub decision: usize,
    pub remarks: TextField,
    pub key: TextField,
    pub passphrase: TextField,
    pub focus: SignField,
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

/// What lies over the screen.
#[derive(Debug)]
pub enum Overlay {
    None,
    Help {
        scroll: u16,
    },
    /// The note on a question (`Some`) or on the whole session (`None`).
    Note {
        question: Option<QId>,
        field: TextField,
    },
    Confirm(Confirm),
}

/// A yes/no question before something is lost or replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Leave a screen with typed or chosen input that is not saved yet.
    Discard,
    /// Replace an existing export file.
    Overwrite { path: String, format: ExportFormat },
}

/// A one-line text field: the text, the cursor (in characters) and the personal-data guard's
/// warning for what is typed, kept up to date on every edit.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TextField {
    pub text: String,
    pub cursor: usize,
    pub warning: Option<String>,
}

impl TextField {
    /// The field as it is shown when what is typed must not be seen (a passphrase): a dot per
    /// character, the cursor where it is.
    pub fn masked(&self) -> TextField {
        TextField {
            text: "•".repeat(self.text.chars().count()),
            cursor: self.cursor,
            warning: None,
        }
    }

    pub fn with_text(text: &str, lang: Lang) -> TextField {
        let mut f = TextField {
            text: text.to_string(),
            cursor: text.chars().count(),
            warning: None,
        };
        f.check(lang);
        f
    }

    fn byte_at(&self, char_index: usize) -> usize {
        self.text
            .char_indices()
            .nth(char_index)
            .map_or(self.text.len(), |(i, _)| i)
    }

    pub fn insert(&mut self, c: char, lang: Lang) {
        if c.is_control() || self.text.chars().count() >= crate::engine::MAX_TEXT {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert(at, c);
        self.cursor += 1;
        self.check(lang);
    }

    /// Pasted text at the cursor, as if typed character by character, but checked once at
    /// the end: checking after every character made pasting 10,000 characters take seconds.
    pub fn insert_str(&mut self, text: &str, lang: Lang) {
        let room = crate::engine::MAX_TEXT.saturating_sub(self.text.chars().count());
        let added: String = text
            .chars()
            .filter(|c| !c.is_control())
            .take(room)
            .collect();
        if added.is_empty() {
            return;
        }
        let at = self.byte_at(self.cursor);
        self.text.insert_str(at, &added);
        self.cursor += added.chars().count();
        self.check(lang);
    }

    /// Backspace: removes the character before the cursor.
    pub fn erase(&mut self, lang: Lang) {
        if self.cursor == 0 {
            return;
        }
        self.cursor -= 1;
        let at = self.byte_at(self.cursor);
        self.text.remove(at);
        self.check(lang);
    }

    /// Delete: removes the character under the cursor.
    pub fn erase_forward(&mut self, lang: Lang) {
        if self.cursor < self.text.chars().count() {
            self.cursor += 1;
            self.erase(lang);
        }
    }

    pub fn left(&mut self) {
        self.cursor = self.cursor.saturating_sub(1);
    }

    pub fn right(&mut self) {
        self.cursor = (self.cursor + 1).min(self.text.chars().count());
    }

    pub fn home(&mut self) {
        self.cursor = 0;
    }

    pub fn end(&mut self) {
        self.cursor = self.text.chars().count();
    }

    pub fn set(&mut self, text: &str, lang: Lang) {
        *self = TextField::with_text(text, lang);
    }

    fn check(&mut self, lang: Lang) {
        self.warning = guard::warning(&self.text, lang);
    }
}

impl<'b> Model<'b> {
    pub fn new(bank: &'b Bank, lang: Lang, store: Option<Store>) -> Model<'b> {
        let store_shown = store
            .as_ref()
            .map(|s| s.dir.display().to_string())
            .unwrap_or_default();
        Model {
            bank,
            lang,
            store,
            store_shown,
            records: Records::Loading,
            screen: Screen::Start(Start::default()),
            work: None,
            overlay: Overlay::None,
            status: None,
            run: Run::Running,
            clock: crate::record::time::now,
            theme: super::theme::Theme::from_env(),
            accept_altered: false,
        }
    }

    /// The assessment open for changes, if any.
    pub fn assessment(&self) -> Option<&Assessment<'b>> {
        match &self.work {
            Some(Work::Editing(a)) => Some(a),
            _ => None,
        }
    }

    pub fn record(&self) -> Option<&Record> {
        self.work.as_ref().map(Work::record)
    }

    /// The records listed on the start screen (empty while loading).
    pub fn listed(&self) -> &[Row] {
        match &self.records {
            Records::Loaded(l) => &l.records,
            _ => &[],
        }
    }
}
