//! The sign-off form: keys, the summary of what will be frozen, and submitting it. What a
//! sign-off must hold is checked by the workflow's rules (`app::SignOffDraft`), as plain mode
//! checks it.
use super::*;
use crate::app::SignOffField;
use crate::tui::effect::SignOffFields;

pub(super) fn sign_off_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    if edit_key(m, action) {
        return None;
    }
    let Screen::SignOff(f) = &mut m.screen else {
        return None;
    };
    // The summary: only the explicit yes signs; no goes back with everything kept.
    if f.confirming {
        match action {
            Action::Yes => return submit(m),
            Action::No | Action::Leave | Action::Back => f.confirming = false,
            _ => {}
        }
        return None;
    }
    let fields = f.fields();
    let n = Decision::ALL.len();
    let chosen = f
        .decision
        .and_then(|d| Decision::ALL.iter().position(|&x| x == d));
    match action {
        Action::NextPanel | Action::Down => f.focus = cycle(&fields, f.focus, 1),
        Action::PrevPanel | Action::Up => f.focus = cycle(&fields, f.focus, -1),
        // Nothing is chosen until an arrow chooses: → the first, ← the last.
        Action::Left if f.focus == SignField::Decision => {
            f.decision = Some(Decision::ALL[chosen.map_or(n - 1, |i| (i + n - 1) % n)])
        }
        Action::Right | Action::Toggle if f.focus == SignField::Decision => {
            f.decision = Some(Decision::ALL[chosen.map_or(0, |i| (i + 1) % n)])
        }
        Action::Select if f.focus == SignField::AddSigner => {
            f.also.push(SignerFields::default());
            f.focus = SignField::SignerName(f.also.len() - 1);
        }
        // Enter goes on to the next field up to the remarks; from there on it shows what will
        // be signed (the key is optional).
        Action::Select
            if !matches!(
                f.focus,
                SignField::Remarks | SignField::Key | SignField::Passphrase
            ) =>
        {
            f.focus = cycle(&fields, f.focus, 1)
        }
        Action::Select => review(m),
        Action::Leave | Action::Back => {
            if f.is_touched() {
                m.overlay = Overlay::Confirm(Confirm::Discard);
            } else {
                to_advice(m);
            }
        }
        _ => {}
    }
    None
}

/// Shows the summary of what will be frozen, or says what is missing or wrong and puts the
/// focus on that field.
fn review(m: &mut Model) {
    let Screen::SignOff(f) = &mut m.screen else {
        return;
    };
    f.drop_empty_signers();
    if !f.fields().contains(&f.focus) {
        f.focus = SignField::AddSigner;
    }
    let also = f.signers();
    let wrong = f.draft(&also).check().err();
    match wrong {
        None => f.confirming = true,
        Some((field, why)) => {
            f.focus = match field {
                SignOffField::Name => SignField::Name,
                SignOffField::Role => SignField::Role,
                SignOffField::Date => SignField::Date,
                SignOffField::Decision => SignField::Decision,
                SignOffField::Conditions => SignField::Conditions,
                SignOffField::SignerName(i) => SignField::SignerName(i),
                SignOffField::SignerRole(i) => SignField::SignerRole(i),
            };
            let text = why.said(m.lang);
            error(m, text);
        }
    }
}

fn submit<'b>(m: &mut Model<'b>) -> Step<'b> {
    let Screen::SignOff(f) = &mut m.screen else {
        return None;
    };
    // Should the sign-off fail (a key, a save), the form is back, filled in.
    f.confirming = false;
    let also = f.signers();
    let input = f.draft(&also).check().ok()?;
    let form = SignOffFields {
        name: input.name.to_string(),
        role: input.role.to_string(),
        date: input.date.to_string(),
        decision: input.decision,
        conditions: input.conditions.to_string(),
        remarks: input.remarks.to_string(),
        also: also.clone(),
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
