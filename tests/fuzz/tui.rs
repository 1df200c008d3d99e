//! The interface target: random keys (as actions and as key presses through the keymap),
//! typed characters, pastes and clicks fed to `update`, on a store with the test records and
//! sometimes a hostile one, each step drawn into a `TestBackend` of a random size (tiny ones
//! and zero width included). No control character may be drawn, and afterwards every record
//! in the store must still read (the hostile one only if it did before).
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{LazyLock, Mutex};

use crossterm::event::{KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use proptest::prelude::*;
use ratatui::Terminal;
use ratatui::backend::TestBackend;

use avg_wijzer::app::{self, Workflow};
use avg_wijzer::store::{Store, read_record};
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::{Model, Overlay, Row, Run, Screen};
use avg_wijzer::tui::driver::Driver;
use avg_wijzer::tui::effect::{Effect, Then};
use avg_wijzer::tui::keymap::{self, Action};
use avg_wijzer::tui::message::Message;
use avg_wijzer::tui::theme::Theme;
use avg_wijzer::tui::view as screen;

use super::common::fixed_clock;
use super::mutate::{self, Input, ODD_TEXT};
use super::{BANK, RECORD_SEEDS, json_files};

const ACTIONS: [Action; 32] = [
    Action::Up,
    Action::Down,
    Action::Left,
    Action::Right,
    Action::PageUp,
    Action::PageDown,
    Action::Top,
    Action::Bottom,
    Action::Select,
    Action::Toggle,
    Action::NextPanel,
    Action::PrevPanel,
    Action::Explain,
    Action::Help,
    Action::Back,
    Action::Forward,
    Action::Edit,
    Action::Note,
    Action::Export,
    Action::SignOff,
    Action::Documents,
    Action::Mark,
    Action::Compare,
    Action::Previous,
    Action::Leave,
    Action::Exit,
    Action::Erase,
    Action::EraseForward,
    Action::Clear,
    Action::Yes,
    Action::No,
    Action::Theme,
];

/// The file name of the hostile record: its id sorts among the test records.
const HOSTILE: &str = "20261122-000000-00000000ee";

#[derive(Debug, Clone)]
pub enum Step {
    Key(Action),
    /// A key press (or release) through the keymap, in the context of the moment.
    Press(KeyCode, KeyModifiers, bool),
    Input(char),
    Paste(String),
    Click(usize),
    /// A click at a place of the screen, on whatever was drawn there last.
    ClickAt(u16, u16),
    /// The store listed now (the list arrives after the first frame, or again).
    Listed,
    ListedErr(String),
    Resume(String),
    View(String),
}

#[derive(Debug, Clone)]
pub struct Case {
    lang: Lang,
    color: bool,
    /// A record file put in the store beside the test records.
    hostile: Option<Input>,
    steps: Vec<(Step, (u16, u16))>,
}

fn odd_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => any::<char>(),
        3 => proptest::char::range(' ', '~'),
        2 => proptest::sample::select(vec![
            '\0', '\n', '\r', '\t', '\u{1b}', '\u{7f}', '\u{85}', '\u{ad}', '\u{200b}',
            '\u{200d}', '\u{202e}', '\u{2028}', '\u{301}', '\u{fe0f}', '\u{ffff}', '\u{10ffff}',
            '漢', '👩', '\u{3164}', '﷽', '@', '0', '9',
        ]),
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => proptest::collection::vec(odd_char(), 0..80).prop_map(|c| c.into_iter().collect()),
        2 => any::<usize>().prop_map(|i| ODD_TEXT[i % ODD_TEXT.len()].to_string()),
        // Longer than any field takes.
        1 => (any::<usize>(), 1..12_000usize)
            .prop_map(|(i, n)| ODD_TEXT[i % ODD_TEXT.len()].repeat(n).chars().take(12_000).collect()),
    ]
}

fn key_code() -> impl Strategy<Value = KeyCode> {
    prop_oneof![
        4 => odd_char().prop_map(KeyCode::Char),
        4 => proptest::sample::select(vec![
            KeyCode::Enter, KeyCode::Esc, KeyCode::Backspace, KeyCode::Tab, KeyCode::BackTab,
            KeyCode::Up, KeyCode::Down, KeyCode::Left, KeyCode::Right, KeyCode::Home,
            KeyCode::End, KeyCode::PageUp, KeyCode::PageDown, KeyCode::Delete, KeyCode::Insert,
            KeyCode::Null, KeyCode::F(1), KeyCode::F(2), KeyCode::F(12),
        ]),
        2 => proptest::sample::select(vec!['j', 'k', 'h', 'l', 'g', 'G', ' ', 'u', '?', 'b', 'f', 'e', 'n', 'x', 's', 'q', 'c', 'j', 'y'])
            .prop_map(KeyCode::Char),
    ]
}

/// An id to resume or view: one in the store, a prefix of one, or anything.
fn id() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(HOSTILE.to_string()),
        Just("20261120-090000-00000000a1".to_string()),
        Just("20261123".to_string()),
        Just("2026".to_string()),
        "[0-9a-f./\\- ]{0,30}",
        text(),
    ]
}

/// Actions weighted towards moving on (choose, down, check), so that random keys get through
/// the questions to the advice, the export and the sign-off; `Exit` ends a case, so it is rare.
fn action() -> impl Strategy<Value = Action> {
    use Action::*;
    let mut weighted = vec![Select; 8];
    weighted.extend([Down; 5]);
    weighted.extend([Toggle; 3]);
    weighted.extend([Up, Up, NextPanel, NextPanel, Forward, Forward]);
    weighted.extend(ACTIONS.iter().copied().filter(|&a| a != Exit));
    prop_oneof![
        200 => proptest::sample::select(weighted),
        1 => Just(Exit),
    ]
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![
        30 => action().prop_map(Step::Key),
        10 => (key_code(), any::<u8>(), proptest::bool::weighted(0.95))
            .prop_map(|(c, m, press)| Step::Press(c, KeyModifiers::from_bits_truncate(m), press)),
        8 => odd_char().prop_map(Step::Input),
        2 => text().prop_map(Step::Paste),
        3 => (0..40usize).prop_map(Step::Click),
        1 => any::<usize>().prop_map(Step::Click),
        4 => (any::<u16>(), any::<u16>()).prop_map(|(x, y)| Step::ClickAt(x, y)),
        1 => Just(Step::Listed),
        1 => text().prop_map(Step::ListedErr),
        1 => id().prop_map(Step::Resume),
        1 => id().prop_map(Step::View),
    ]
}

/// Where a case starts: the start screen, the first question of a new assessment (the steps
/// the form takes), or a record of the store opened.
fn start() -> impl Strategy<Value = Vec<Step>> {
    let new = (text(), text()).prop_map(|(name, who)| {
        vec![
            Step::Key(Action::Select),
            Step::Paste(name),
            Step::Key(Action::Select),
            Step::Key(Action::Select),
            Step::Paste(who),
            Step::Key(Action::Select),
        ]
    });
    let open = (0..5usize).prop_map(|n| {
        let mut steps = vec![Step::Key(Action::Down); n];
        steps.push(Step::Key(Action::Select));
        steps
    });
    prop_oneof![1 => Just(Vec::new()), 2 => new, 1 => open]
}

fn size() -> impl Strategy<Value = (u16, u16)> {
    prop_oneof![
        2 => (0..4u16, 0..4u16),
        1 => (0..80u16, 0..24u16),
        3 => Just((80, 24)),
        2 => (80..=200u16, 24..=60u16),
        1 => Just((120, 40)),
    ]
}

pub fn case() -> impl Strategy<Value = Case> {
    (
        any::<bool>(),
        any::<bool>(),
        proptest::option::weighted(0.5, mutate::input()),
        start(),
        size(),
        proptest::collection::vec((step(), size()), 1..60),
    )
        .prop_map(|(en, color, hostile, start, at, mut steps)| {
            steps.splice(0..0, start.into_iter().map(|s| (s, at)));
            Case {
                lang: if en { Lang::En } else { Lang::Nl },
                color,
                hostile,
                steps,
            }
        })
}

/// Where the stores of the cases are made, and exports are written (the working directory):
/// in memory where the system has it, since every answer is saved with an fsync. Removed when
/// dropped.
pub fn base() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    let mut builder = tempfile::Builder::new();
    builder.prefix("avg-wijzer-fuzz-");
    let base = if shm.is_dir() {
        builder.tempdir_in(shm)
    } else {
        builder.tempdir()
    };
    let base = base.expect("a temporary directory");
    // An export names a file relative to the working directory: keep those in here.
    std::env::set_current_dir(base.path()).unwrap();
    base
}

static RECORDS: LazyLock<Vec<(String, Vec<u8>)>> = LazyLock::new(|| {
    ["tests/records/v1", "tests/records/v2"]
        .into_iter()
        .flat_map(json_files)
        .collect()
});

/// In how many cases each screen and overlay was reached: that random keys get past the
/// start screen, into the questions, the advice, the export and the sign-off.
pub static REACHED: Mutex<BTreeMap<&'static str, u32>> = Mutex::new(BTreeMap::new());

fn place(m: &Model) -> &'static str {
    match (&m.overlay, &m.screen) {
        (Overlay::Help { .. }, _) => "help",
        (Overlay::Note { .. }, _) => "note",
        (Overlay::Confirm(_), _) => "confirm",
        (_, Screen::Start(_)) => "start",
        (_, Screen::NewForm(_)) => "new",
        (_, Screen::Question(_)) => "question",
        (_, Screen::Review(_)) => "review",
        (_, Screen::Advice(_)) => "advice",
        (_, Screen::SignOff(_)) => "sign-off",
        (_, Screen::Export(_)) => "export",
        (_, Screen::Documents(_)) => "documents",
        (_, Screen::Register(_)) => "register",
        (_, Screen::Compare(_)) => "compare",
    }
}

/// A path typed into the export form (or a document's, or the register's) stays a file name
/// in the working directory.
fn confined<'b>(m: &Model, msg: Message<'b>) -> Message<'b> {
    if !matches!(
        m.screen,
        Screen::Export(_) | Screen::Documents(_) | Screen::Register(_) | Screen::Compare(_)
    ) {
        return msg;
    }
    let plain = |c: char| if matches!(c, '/' | '\\') { '_' } else { c };
    match msg {
        Message::Input(c) => Message::Input(plain(c)),
        Message::Paste(t) => Message::Paste(t.chars().map(plain).collect()),
        other => other,
    }
}

/// Runs a case; it counts as accepted when it got past the start screen.
pub fn run(base: &Path, case: &Case) -> Result<bool, String> {
    static N: AtomicU32 = AtomicU32::new(0);
    let dir = base.join(format!("store-{}", N.fetch_add(1, Ordering::Relaxed)));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).map_err(|e| e.to_string())?;
    for (name, bytes) in RECORDS.iter() {
        std::fs::write(dir.join(name), bytes).map_err(|e| e.to_string())?;
    }
    let hostile = dir.join(format!("{HOSTILE}.json"));
    if let Some(input) = &case.hostile {
        let bytes = RECORD_SEEDS.bytes(input, None);
        std::fs::write(&hostile, bytes).map_err(|e| e.to_string())?;
    }
    let unreadable_before = hostile.exists() && read_record(&hostile).is_err();
    let result = steps(case, &dir).and_then(|accepted| {
        // Whatever was done, every record the program wrote reads back.
        let listing = Store::open(&dir)
            .and_then(|s| s.list())
            .map_err(|e| format!("{e:#}"))?;
        let hostile_name = format!("{HOSTILE}.json");
        match listing
            .unreadable
            .iter()
            .find(|(file, _)| !(unreadable_before && *file == hostile_name))
        {
            Some((file, why)) => Err(format!("{file} no longer reads: {why}")),
            None => Ok(accepted),
        }
    });
    let _ = std::fs::remove_dir_all(&dir);
    result
}

fn steps(case: &Case, dir: &Path) -> Result<bool, String> {
    let store = Store::open(dir).map_err(|e| format!("{e:#}"))?;
    let mut model = Model::new(&BANK, case.lang, dir.display().to_string());
    model.clock = fixed_clock;
    model.theme = Theme::with_color(case.color);
    let wf = Workflow::new(&BANK, Some(store), false).with_clock(fixed_clock);
    let mut d = Driver::new(model, wf);
    let list = || -> Message {
        let listed = Store::open(dir).and_then(|s| app::list(&s, Row::from));
        Message::Listed(listed.map_err(|e| format!("{e:#}")))
    };
    d.send(list());
    let mut targets = screen::Targets::new();
    let mut reached = BTreeSet::new();
    for (i, (step, (w, h))) in case.steps.iter().enumerate() {
        reached.insert(place(&d.model));
        if d.model.run != Run::Running {
            break;
        }
        let msg = match step {
            Step::Key(a) => Some(Message::Key(*a)),
            Step::Press(code, mods, press) => {
                let kind = if *press {
                    KeyEventKind::Press
                } else {
                    KeyEventKind::Release
                };
                keymap::message(
                    KeyEvent::new_with_kind(*code, *mods, kind),
                    d.model.context(),
                )
            }
            Step::Input(c) => Some(Message::Input(*c)),
            Step::Paste(t) => Some(Message::Paste(t.clone())),
            Step::Click(i) => Some(Message::Click(*i)),
            Step::ClickAt(x, y) => targets
                .iter()
                .find(|(r, _)| r.contains((*x % (*w).max(1), *y % (*h).max(1)).into()))
                .map(|&(_, i)| Message::Click(i)),
            Step::Listed => Some(list()),
            Step::ListedErr(e) => Some(Message::Listed(Err(e.clone()))),
            Step::Resume(id) => {
                d.perform(Effect::Open {
                    id: id.clone(),
                    then: Then::Continue,
                    lang: d.model.lang,
                });
                None
            }
            Step::View(id) => {
                d.perform(Effect::Read { id: id.clone() });
                None
            }
        };
        if let Some(msg) = msg {
            let msg = confined(&d.model, msg);
            d.send(msg);
        }
        let mut terminal =
            Terminal::new(TestBackend::new(*w, *h)).map_err(|e| format!("terminal: {e}"))?;
        terminal
            .draw(|f| targets = screen::draw(f, &d.model))
            .map_err(|e| format!("draw: {e}"))?;
        // What is drawn goes to the terminal as it is: a control character from a record or
        // a paste would steer it.
        let buffer = terminal.backend().buffer();
        if let Some(cell) = buffer
            .content()
            .iter()
            .find(|c| c.symbol().chars().any(char::is_control))
        {
            return Err(format!(
                "step {i}: control character drawn: {:?}",
                cell.symbol()
            ));
        }
    }
    let beyond_start = reached.len() > 1;
    if let Ok(mut all) = REACHED.lock() {
        for p in reached {
            *all.entry(p).or_default() += 1;
        }
    }
    Ok(beyond_start)
}
