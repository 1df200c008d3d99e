//! The model: everything the interface shows, and nothing it does. Screens are an enum; each
//! holds only its own state (cursor, fields, focus). The open assessment lives beside the
//! screen, so question, review, advice, sign-off and export all work on the same record.
use crate::bank::{Bank, Kind, QId};
use crate::record::{Assessment, Record, Status};
use crate::store::{Dated, Listing, Summary};

use super::keymap::Ctx;
use crate::text::Lang;

mod campaign;
mod compare;
mod documents;
mod field;
mod plan;
mod register;
mod rows;
mod screens;
pub use campaign::{CampaignFocus, CampaignForm};
pub use compare::{CompareExport, CompareView, default_compare_path};
pub use documents::*;
pub use field::{TextField, cursor_row, rows as text_rows};
pub use plan::{PlanField, PlanForm};
pub use register::{RegisterForm, RegisterFormat, default_register_path};
pub use rows::{Hits, chain_new_revision, chain_rows, letters, list_rows};
pub use screens::*;

/// How wide the note editor's text is in a window `columns` wide: the popup leaves 4 columns
/// each side and is at most 90 wide; inside its borders the text is indented by 2 with 1
/// column to spare.
pub fn note_width(columns: u16) -> usize {
    usize::from(columns.saturating_sub(8).min(90)).saturating_sub(2 + 3)
}

/// The whole state of the interface.
pub struct Model<'b> {
    pub bank: &'b Bank,
    pub lang: Lang,
    /// The store's location as shown on the start screen.
    pub store_shown: String,
    pub records: Records,
    pub screen: Screen,
    pub work: Option<Work<'b>>,
    pub overlay: Overlay,
    pub status: Option<Notice>,
    pub run: Run,
    /// The terminal's size as last reported (columns, rows); `None` until it is, as in tests
    /// that never draw.
    pub window: Option<(u16, u16)>,
    /// The clock, as RFC 3339 text, for the date a sign-off form starts with; fixed in tests.
    pub clock: fn() -> String,
    pub theme: super::theme::Theme,
}

/// The list of records on the start screen, read after the first frame.
pub enum Records {
    Loading,
    Loaded(Listing<Row>),
    Failed(String),
}

/// A record as the start screen lists it: what a row shows and what opens it. A store may
/// hold ten thousand records, so a row keeps no more of a record's summary than this: with the
/// whole `Summary` per record a session with 10,000 records peaked at 13.1 MiB, with a row of
/// four boxed strings at 10.0 MiB (benches/perf.rs, group tui; the bar is 10 MiB). Those four
/// strings (id, campaign, update time, verdict) are now one allocation: with the allocator's
/// bookkeeping and rounding per block, four blocks took about 216 bytes a row (massif: 0.72 MB
/// of rows and 0.79 MB of their strings, plus the blocks' overhead, for 10,000 records), one
/// block and a 40-byte row 136. With the tighter list of record files (`store::listing`) the
/// session's peak went from 11.4 to 10.6 MiB. Who signed went into the same block, and the
/// revision and the place in its chain into the bytes the row had spare: still 40 bytes.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The id, the campaign, the update time, the verdict and who signed, one after the other.
    text: Box<str>,
    /// Where the update time, the verdict and the signers start in `text`.
    cuts: [u32; 3],
    /// Where the campaign starts: the id's length (an id is at most 64 bytes).
    id_len: u8,
    /// Whether the record has a verdict (an empty one is still one).
    has_verdict: bool,
    pub status: Status,
    /// The action plan's required actions, done and in all, and its earliest open due date:
    /// a few bytes, in the room the status leaves before the row's end.
    pub plan: PlanRow,
    /// The revision: 1 for a record without a previous one, n for the n-th of its chain.
    pub revision: u16,
    /// Where the row stands in its chain (see [`Chain`]).
    pub chain: Chain,
    /// For the newest revision of a chain: whether its older revisions are shown under it.
    pub unfolded: bool,
}

/// A row's place among the revisions of one campaign. The list keeps a chain together, newest
/// first, so an older revision's head is the nearest [`Chain::Head`] above it: no id is kept.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Chain {
    /// A record with no other revision in the list.
    #[default]
    Alone,
    /// The newest revision of a chain; older ones follow it.
    Head,
    /// An older revision, folded under the head above it.
    Older,
}

impl Row {
    /// A row of these parts; a part longer than 4 GiB (no record file is allowed near that)
    /// is cut short rather than misread.
    pub fn new(
        id: &str,
        campaign: &str,
        status: Status,
        verdict: Option<&str>,
        updated: &str,
        plan: PlanRow,
    ) -> Row {
        Row::with(id, campaign, status, verdict, updated, plan, "")
    }

    /// [`Row::new`] with who signed, their names joined.
    fn with(
        id: &str,
        campaign: &str,
        status: Status,
        verdict: Option<&str>,
        updated: &str,
        plan: PlanRow,
        signers: &str,
    ) -> Row {
        // An id is a plain id of at most 64 bytes; a longer one (no record has one) is cut.
        let mut end = id.len().min(usize::from(u8::MAX));
        while !id.is_char_boundary(end) {
            end -= 1;
        }
        let id = &id[..end];
        let parts = [id, campaign, updated, verdict.unwrap_or(""), signers];
        let mut text = String::with_capacity(parts.iter().map(|p| p.len()).sum());
        let mut cuts = [0u32; 3];
        for (i, part) in parts.iter().enumerate() {
            if i >= 2 {
                cuts[i - 2] = u32::try_from(text.len()).unwrap_or(u32::MAX);
            }
            text.push_str(part);
        }
        Row {
            text: text.into_boxed_str(),
            cuts,
            id_len: u8::try_from(id.len()).unwrap_or(u8::MAX),
            has_verdict: verdict.is_some(),
            status,
            plan,
            revision: 1,
            chain: Chain::Alone,
            unfolded: false,
        }
    }

    /// The same row with who signed (their names, joined), for a row made by hand.
    pub fn signed_by(self, signers: &str) -> Row {
        let mut row = Row::with(
            self.id(),
            self.campaign(),
            self.status,
            self.verdict(),
            self.updated(),
            self.plan,
            signers,
        );
        row.revision = self.revision;
        row.chain = self.chain;
        row.unfolded = self.unfolded;
        row
    }

    /// The part of `text` from cut `from` (0 for the start) to cut `to` (the end for 5).
    fn part(&self, from: usize, to: usize) -> &str {
        let at = |i: usize| match i {
            0 => 0,
            1 => usize::from(self.id_len),
            2..=4 => self.cuts[i - 2] as usize,
            _ => self.text.len(),
        };
        self.text.get(at(from)..at(to)).unwrap_or("")
    }

    pub fn id(&self) -> &str {
        self.part(0, 1)
    }

    pub fn campaign(&self) -> &str {
        self.part(1, 2)
    }

    /// When the record was last written (RFC 3339).
    pub fn updated(&self) -> &str {
        self.part(2, 3)
    }

    /// The verdict's value ("not_allowed"): the list shows its label in the interface's
    /// language.
    pub fn verdict(&self) -> Option<&str> {
        self.has_verdict.then(|| self.part(3, 4))
    }

    /// Who signed the record off, their names joined ("" before the sign-off).
    pub fn signers(&self) -> &str {
        self.part(4, 5)
    }
}

/// What a row keeps of the action plan (see [`crate::record::plan::Tally`]): four bytes, so
/// that with the status the row stays 40 bytes. The counts stop at 255, more actions than any
/// bank gives; `due` is the earliest open due date packed in 16 bits ([`packed_date`]), 0 for
/// none.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlanRow {
    pub done: u8,
    pub total: u8,
    pub due: u16,
}

impl PlanRow {
    pub fn of(tally: Option<&crate::record::plan::Tally>) -> PlanRow {
        let Some(t) = tally else {
            return PlanRow::default();
        };
        let count = |n: usize| u8::try_from(n).unwrap_or(u8::MAX);
        PlanRow {
            done: count(t.required_done),
            total: count(t.required_total),
            due: t.first_due.as_deref().map_or(0, packed_date),
        }
    }

    /// Whether an open item is past its due date on `today` (`YYYY-MM-DD`).
    pub fn is_past_due(&self, today: &str) -> bool {
        self.due != 0 && self.due < packed_date(today)
    }
}

/// A date in 16 bits that keep the order of dates: the year from 2000 (a date before 2000 is
/// 1, long past; one after 2127 the largest), the month and the day. 0 for what is not a date.
pub fn packed_date(date: &str) -> u16 {
    if !crate::record::time::is_date(date) {
        return 0;
    }
    let part = |r: std::ops::Range<usize>| date.get(r).and_then(|p| p.parse::<u16>().ok());
    let (Some(y), Some(m), Some(d)) = (part(0..4), part(5..7), part(8..10)) else {
        return 0;
    };
    match y {
        ..2000 => 1,
        2128.. => u16::MAX,
        _ => (y - 2000) * 512 + m * 32 + d,
    }
}

impl From<Summary> for Row {
    fn from(s: Summary) -> Row {
        let mut row = Row::with(
            &s.id,
            &s.campaign,
            s.status,
            s.verdict.as_deref(),
            &s.updated,
            PlanRow::of(s.plan.as_ref()),
            &s.signers.join(", "),
        );
        row.revision = u16::try_from(s.revision).unwrap_or(u16::MAX);
        row
    }
}

impl Row {
    pub fn of(r: &Record) -> Row {
        Row::from(Summary::of(r, ""))
    }
}

impl Dated for Row {
    fn updated(&self) -> &str {
        Row::updated(self)
    }
    fn id(&self) -> &str {
        Row::id(self)
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
    Editing(crate::app::Work<'b>),
    /// Read-only: the record exactly as saved, its advice as it was shown then.
    Viewing(Record),
}

impl Work<'_> {
    pub fn record(&self) -> &Record {
        match self {
            Work::Editing(w) => w.record(),
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
    // Boxed: its fields (signers, conditions, a key) make it the largest screen by far.
    SignOff(Box<SignOffForm>),
    Export(ExportForm),
    /// The documents the advice calls for (from the advice screen).
    Documents(DocumentsView),
    /// The processing register over the whole store (from the start screen).
    Register(RegisterForm),
    /// Two records compared (from the start screen or the advice).
    Compare(Box<CompareView>),
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
    /// The form of the library's profile: it covers the start screen it is opened from.
    Profile(Box<ProfileForm>),
    /// One item of the action plan: it covers the advice it is opened from.
    Plan(Box<PlanForm>),
    /// The campaign's name, description and participants: it covers the question or review
    /// it is opened from.
    Campaign(Box<CampaignForm>),
    /// What the advice of a record just opened would be under the current rules, when it was
    /// made with another bank: over the screen opening led to, until it is closed.
    Recheck {
        recheck: Box<crate::recheck::Recheck>,
        scroll: u16,
    },
}

/// A yes/no question before something is lost or replaced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Confirm {
    /// Leave a screen with typed or chosen input that is not saved yet.
    Discard,
    /// Replace an existing export file.
    Overwrite { path: String, format: ExportFormat },
    /// Replace an existing file with the processing register.
    OverwriteRegister {
        path: String,
        format: RegisterFormat,
    },
    /// Replace an existing file with the comparison in view.
    OverwriteComparison {
        path: String,
        format: crate::compare::Format,
    },
    /// Leave the profile's form with changes that are not saved; "no" goes back to it.
    DiscardProfile(Box<ProfileForm>),
    /// Leave the plan's form with changes that are not saved; "no" goes back to it.
    DiscardPlan(Box<PlanForm>),
    /// Leave the campaign's form with changes that are not saved; "no" goes back to it.
    DiscardCampaign(Box<CampaignForm>),
    /// Put the draft `id` in the archive, or (`restore`) the archived one back.
    Archive {
        id: String,
        title: String,
        restore: bool,
    },
}

impl<'b> Model<'b> {
    /// The model of a new session; `store_shown` is where records are saved, as the start
    /// screen says it.
    pub fn new(bank: &'b Bank, lang: Lang, store_shown: String) -> Model<'b> {
        Model {
            bank,
            lang,
            store_shown,
            records: Records::Loading,
            screen: Screen::Start(Start::default()),
            work: None,
            overlay: Overlay::None,
            status: None,
            run: Run::Running,
            window: None,
            clock: crate::record::time::now,
            theme: super::theme::Theme::from_env(),
        }
    }

    /// The keys that apply now: typing in a field, a yes/no question, or moving around.
    pub fn context(&self) -> Ctx {
        match &self.overlay {
            Overlay::Confirm(_) => return Ctx::Dialog,
            Overlay::Note { .. } => return Ctx::Lines,
            Overlay::Profile(_) | Overlay::Campaign(_) => return Ctx::Typing,
            // The status is chosen with the arrows, as a sign-off's decision is.
            Overlay::Plan(f) if f.focus == PlanField::Status => return Ctx::Nav,
            Overlay::Plan(_) => return Ctx::Typing,
            Overlay::Help { .. } | Overlay::Recheck { .. } => return Ctx::Nav,
            Overlay::None => {}
        }
        match &self.screen {
            Screen::NewForm(_) => Ctx::Typing,
            Screen::Start(s) if s.typing => Ctx::Typing,
            Screen::Question(s)
                if s.focus == Pane::Options && self.bank.questions[s.q].kind == Kind::Text =>
            {
                Ctx::Typing
            }
            Screen::Question(s) if s.focus == Pane::Justification => Ctx::Typing,
            Screen::SignOff(f) if f.confirming => Ctx::Dialog,
            Screen::SignOff(f) if f.focus.is_text() => Ctx::Typing,
            Screen::Export(f) if f.focus == ExportField::Path => Ctx::Typing,
            Screen::Register(f) if f.focus == ExportField::Path => Ctx::Typing,
            Screen::Compare(v)
                if v.export
                    .as_ref()
                    .is_some_and(|e| e.focus == ExportField::Path) =>
            {
                Ctx::Typing
            }
            Screen::Documents(v)
                if v.reading
                    .as_ref()
                    .and_then(|r| r.export.as_ref())
                    .is_some_and(|e| e.focus == ExportField::Path) =>
            {
                Ctx::Typing
            }
            _ => Ctx::Nav,
        }
    }

    /// How wide the note editor's text is in the window as last reported (80 columns before
    /// one is): the view draws the text so, and Up and Down move by its rows.
    pub fn note_width(&self) -> usize {
        note_width(self.window.map_or(super::view::MIN_WIDTH, |(w, _)| w))
    }

    /// Whether the window is too small for the screens: only the request to enlarge it shows,
    /// so no key may act on a screen no one sees.
    pub fn too_small(&self) -> bool {
        self.window.is_some_and(|(w, h)| !super::view::fits(w, h))
    }

    /// The profile's form, when it is in view (also under the question whether to leave it).
    pub fn profile_form(&self) -> Option<&ProfileForm> {
        match &self.overlay {
            Overlay::Profile(f) | Overlay::Confirm(Confirm::DiscardProfile(f)) => Some(f),
            _ => None,
        }
    }

    /// The plan's form, when it is in view (also under the question whether to leave it).
    pub fn plan_form(&self) -> Option<&PlanForm> {
        match &self.overlay {
            Overlay::Plan(f) | Overlay::Confirm(Confirm::DiscardPlan(f)) => Some(f),
            _ => None,
        }
    }

    /// The action plan of the open record as it is shown (empty without advice).
    pub fn plan_view(&self) -> crate::record::plan::PlanView {
        match &self.work {
            Some(Work::Editing(w)) => w.plan(),
            Some(Work::Viewing(r)) => r.plan_view(),
            None => Default::default(),
        }
    }

    /// Today in Dutch local time by the model's clock: what due dates are measured by.
    pub fn today(&self) -> String {
        crate::record::time::local_date(&(self.clock)())
    }

    /// The assessment open for changes, if any.
    pub fn assessment(&self) -> Option<&Assessment<'b>> {
        match &self.work {
            Some(Work::Editing(w)) => Some(w.assessment()),
            _ => None,
        }
    }

    pub fn record(&self) -> Option<&Record> {
        self.work.as_ref().map(Work::record)
    }

    /// The rows the start screen lists now: the archive's when it is shown, else the
    /// records'.
    pub fn start_rows(&self) -> &[Row] {
        match &self.screen {
            Screen::Start(Start {
                archive: Some(rows),
                ..
            }) => rows,
            _ => self.listed(),
        }
    }

    /// The records listed on the start screen (empty while loading).
    pub fn listed(&self) -> &[Row] {
        match &self.records {
            Records::Loaded(l) => &l.records,
            _ => &[],
        }
    }
}
