//! The sign-off form: keys, and submitting it.
use super::*;
use crate::tui::effect::SignOffFields;

pub(super) fn sign_off_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    if edit_key(m, action) {
        return None;
    }
    let Screen::SignOff(f) = &mut m.screen else {
        return None;
    };
    let n = Decision::ALL.len();
    match action {
        Action::NextPanel | Action::Down => f.focus = cycle(&SignField::ALL, f.focus, 1),
        Action::PrevPanel | Action::Up => f.focus = cycle(&SignField::ALL, f.focus, -1),
        Action::Left if f.focus == SignField::Decision => f.decision = (f.decision + n - 1) % n,
        Action::Right | Action::Toggle if f.focus == SignField::Decision => {
            f.decision = (f.decision + 1) % n
        }
        // Enter signs off from the remarks on (the key is optional).
        Action::Select
            if matches!(
                f.focus,
                SignField::Name | SignField::Date | SignField::Decision
            ) =>
        {
            f.focus = cycle(&SignField::ALL, f.focus, 1)
        }
        Action::Select => return submit(m),
        Action::Leave | Action::Back => {
            if f.name.text.trim().is_empty() && f.remarks.text.trim().is_empty() {
                to_advice(m);
            } else {
                m.overlay = Overlay::Confirm(Confirm::Discard);
            }
        }
        _ => {}
    }
    None
}

fn submit<'b>(m: &mut Model<'b>) -> Step<'b> {
    let Screen::SignOff(f) = &mut m.screen else {
        return None;
    };
    let form = SignOffFields {
        name: f.name.text.clone(),
        date: f.date.text.trim().to_string(),
        decision: Decision::ALL[f.decision.min(Decision::ALL.len() - 1)],
        remarks: f.remarks.text.trim().to_string(),
        key: f.key.text.trim().to_string(),
        // The passphrase leaves the form at once: it is used for this one signature only.
        passphrase: std::mem::take(&mut f.passphrase).text,
    };
    Some(Effect::SignOff {
        work: take_work(m)?,
        form,
        lang: m.lang,
    })
}
