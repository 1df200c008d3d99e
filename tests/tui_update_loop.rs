//! The interface's update function as its loop sees it: `update` asks for effects and does no
//! I/O itself, and Ctrl-C always ends the run. What these tests share is in `common::tui`.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.
use avg_wijzer::record::{Assessment, Campaign};
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::*;
use avg_wijzer::tui::keymap::Action;
use avg_wijzer::tui::message::Message;

mod common;
use common::bank;
use common::tui::{begin, key, model};

/// `update` itself touches nothing outside the model: it hands back what it wants done, and
/// an answer takes the open record along with the effect, to come back with the result.
#[test]
fn update_asks_for_effects_and_does_no_io() {
    use avg_wijzer::tui::effect::Effect;
    use avg_wijzer::tui::update::update;
    let bank = bank();
    let mut m = Model::new(&bank, Lang::Nl, String::new());
    assert!(update(&mut m, Message::Key(Action::Select)).is_none());
    for c in "Actie".chars() {
        assert!(update(&mut m, Message::Input(c)).is_none());
    }
    update(&mut m, Message::Key(Action::Select));
    update(&mut m, Message::Key(Action::Select));
    match update(&mut m, Message::Key(Action::Select)) {
        Some(Effect::Start { campaign, .. }) => assert_eq!(campaign.name, "Actie"),
        _ => panic!("a new record is asked for"),
    }
    assert!(
        m.work.is_none(),
        "nothing is made before the effect's result"
    );

    let a = Assessment::start(
        &bank,
        "x".into(),
        Campaign::default(),
        vec![],
        Lang::Nl,
        "now",
    );
    m.work = Some(Work::Editing(avg_wijzer::app::Work::unsaved(a)));
    m.screen = Screen::Question(Asking::new(&bank, bank.start, None, Origin::Flow, Lang::Nl));
    for c in "Lezen".chars() {
        update(&mut m, Message::Input(c));
    }
    match update(&mut m, Message::Key(Action::Select)) {
        Some(Effect::Answer { work, q, .. }) => {
            assert_eq!(q, bank.start);
            assert!(
                work.record().answers.is_empty(),
                "answered by the workflow, not here"
            );
        }
        _ => panic!("an answer is asked for"),
    }
    assert!(m.work.is_none(), "the record went with the effect");
}

#[test]
fn ctrl_c_always_exits() {
    let bank = bank();
    let mut m = model(&bank, None);
    begin(&mut m);
    key(&mut m, Action::Note);
    key(&mut m, Action::Exit);
    assert_eq!(m.run, Run::Done);
}
