//! What the tests of the interface's update function (`tui_update_*`) share: the interface on
//! the embedded bank in Dutch, keys and typing sent as messages, which screen is shown, and the
//! ways through the forms and questions that many tests begin with.
use avg_wijzer::bank::Bank;
use avg_wijzer::engine::Answer;
use avg_wijzer::store::Store;
use avg_wijzer::text::Lang;
use avg_wijzer::tui::app::{Model, Screen};
use avg_wijzer::tui::keymap::{Action, Ctx};
use avg_wijzer::tui::message::Message;

use super::{Ui, fixed_clock};

/// The interface in Dutch on `bank` over `store` (none: nothing is saved), at the fixed clock.
pub fn model(bank: &Bank, store: Option<Store>) -> Ui<'_> {
    Ui::new(bank, Lang::Nl, store, false, fixed_clock)
}

/// One key, as the keymap gives it.
pub fn key(m: &mut Ui, a: Action) {
    m.send(Message::Key(a));
}

pub fn keys(m: &mut Ui, actions: &[Action]) {
    for &a in actions {
        key(m, a);
    }
}

/// Text typed into the field that has the focus, a character at a time.
pub fn typed(m: &mut Ui, text: &str) {
    for c in text.chars() {
        m.send(Message::Input(c));
    }
}

/// The id of the question on screen.
pub fn on<'a>(m: &'a Model) -> &'a str {
    match &m.screen {
        Screen::Question(s) => &m.bank.questions[s.q].id,
        Screen::Review(_) => "review",
        Screen::Advice(_) => "advice",
        Screen::Start(_) => "start",
        Screen::NewForm(_) => "new",
        Screen::SignOff(_) => "sign-off",
        Screen::Export(_) => "export",
        Screen::Documents(_) => "documents",
        Screen::Register(_) => "register",
        Screen::Compare(_) => "compare",
    }
}

/// The answer the open record holds for the question `id`.
pub fn answer_of(m: &Model, id: &str) -> Option<Answer> {
    let q = m.bank.question_id(id)?;
    m.assessment()?.session.answer(q).cloned()
}

/// The answer `option` of the single-choice question `question`, as the record would hold it.
pub fn choice(bank: &Bank, question: &str, option: &str) -> Option<Answer> {
    bank.questions[bank.question_id(question).unwrap()]
        .choice(option)
        .ok()
}

/// From the start screen through the new-assessment form to the first question.
pub fn begin(m: &mut Ui) {
    key(m, Action::Select);
    assert_eq!(on(m), "new");
    assert_eq!(m.context(), Ctx::Typing);
    typed(m, "Voorjaarsactie 2027");
    keys(m, &[Action::Select, Action::Select]);
    typed(m, "Anna (marketing), Piet (FG)");
    key(m, Action::Select);
    assert_eq!(on(m), "campaign_purpose");
}

/// From the start screen to the audience question (multiple choice) of a direct-marketing
/// campaign.
pub fn to_audience(m: &mut Ui) {
    use Action::*;
    begin(m);
    typed(m, "Doel");
    key(m, Select);
    keys(m, &[Down, Down, Select, Down, Select, Select, Down, Select]);
    assert_eq!(on(m), "audience");
}

/// Answers the example campaign from the first question to the review.
pub fn answer_all(m: &mut Ui) {
    use Action::*;
    typed(m, "Meer jonge gezinnen");
    key(m, Select);
    keys(m, &[Down, Down, Select]); // use_case: address_selection
    keys(m, &[Down, Select]); // pc6_house_number
    key(m, Select); // poi_license
    keys(m, &[Down, Select]); // direct_marketing
    keys(m, &[Toggle, Down, Down, Toggle, Select]); // existing + former customers
    keys(m, &[Down, Toggle, Select]); // e-mail
    keys(m, &[Down, Select]); // lending history: no
    key(m, Select); // consent
    keys(m, &[Down, Select]); // some
}
