//! The sign-off and export forms: keys, and what submitting them does.
use super::*;

// --- sign-off --------------------------------------------------------------------------------

pub(super) fn sign_off_key(m: &mut Model, action: Action) {
    if edit_key(m, action) {
        return;
    }
    let Screen::SignOff(f) = &mut m.screen else {
        return;
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
        Action::Select => submit_sign_off(m),
        Action::Leave | Action::Back => {
            if f.name.text.trim().is_empty() && f.remarks.text.trim().is_empty() {
                to_advice(m);
            } else {
                m.overlay = Overlay::Confirm(Confirm::Discard);
            }
        }
        _ => {}
    }
}

fn submit_sign_off(m: &mut Model) {
    let Screen::SignOff(f) = &mut m.screen else {
        return;
    };
    let decision = Decision::ALL[f.decision.min(Decision::ALL.len() - 1)];
    let (name, date, remarks, key) = (
        f.name.text.clone(),
        f.date.text.trim().to_string(),
        f.remarks.text.trim().to_string(),
        f.key.text.trim().to_string(),
    );
    // The passphrase leaves the form at once: it is used for this one signature only.
    let mut passphrase = std::mem::take(&mut f.passphrase);
    let now = (m.clock)();
    let lang = m.lang;
    let Some(Work::Editing(a)) = &mut m.work else {
        return;
    };
    // Kept to take the sign-off back if it cannot be signed or saved: the screen must never
    // show a sign-off that is not on disk.
    let before = a.record.clone();
    if let Err(e) = a.sign_off(&name, &date, decision, &remarks, &now) {
        error(m, e.to_string());
        return;
    }
    if !key.is_empty() {
        let signed =
            crate::keyfile::sign(
                &mut a.record,
                std::path::Path::new(&key),
                |_| match passphrase.text.is_empty() {
                    true => Err(anyhow::anyhow!(words(lang).passphrase_needed)),
                    false => Ok(passphrase.text.clone()),
                },
            );
        zeroize::Zeroize::zeroize(&mut passphrase.text);
        if let Err(e) = signed {
            a.record = before;
            error(m, format!("{e:#}"));
            return;
        }
    }
    if !save(m) {
        // The form stays, filled in, with the error: Enter tries again.
        if let Some(Work::Editing(a)) = &mut m.work {
            a.record = before;
        }
        let why = m.status.take().map(|n| n.text).unwrap_or_default();
        error(m, format!("{} — {why}", words(m.lang).signoff_failed));
        return;
    }
    // The key's fingerprint is on the advice screen; the status line stays short.
    let signed_with = match m.record().is_some_and(|r| r.signature.is_some()) {
        true => format!(", {}", words(m.lang).signed_with),
        false => String::new(),
    };
    info(
        m,
        format!(
            "{} ({}){signed_with}",
            words(m.lang).signed,
            decision.label(m.lang)
        ),
    );
    to_advice(m);
}

// --- export ----------------------------------------------------------------------------------

fn default_export_path(id: &str, format: ExportFormat) -> String {
    format!("{id}.{}", format.ext())
}

pub(super) fn open_export(m: &mut Model) {
    let id = work_id(m);
    m.screen = Screen::Export(ExportForm {
        format: 0,
        path: TextField::with_text(&default_export_path(&id, ExportFormat::Md), m.lang),
        path_edited: false,
        focus: ExportField::Format,
    });
}

pub(super) fn export_key(m: &mut Model, action: Action) {
    if edit_key(m, action) {
        return;
    }
    let id = work_id(m);
    let lang = m.lang;
    let Screen::Export(f) = &mut m.screen else {
        return;
    };
    let n = ExportFormat::ALL.len();
    match action {
        Action::Up | Action::Left if f.focus == ExportField::Format => {
            f.format = (f.format + n - 1) % n
        }
        Action::Down | Action::Right | Action::Toggle if f.focus == ExportField::Format => {
            f.format = (f.format + 1) % n
        }
        Action::NextPanel | Action::PrevPanel => {
            f.focus = match f.focus {
                ExportField::Format => ExportField::Path,
                ExportField::Path => ExportField::Format,
            }
        }
        Action::Select => {
            let format = ExportFormat::ALL[f.format.min(n - 1)];
            let path = f.path.text.trim().to_string();
            write_export(m, &path, format, false);
            return;
        }
        Action::Leave | Action::Back => {
            to_advice(m);
            return;
        }
        _ => {}
    }
    if !f.path_edited {
        let format = ExportFormat::ALL[f.format.min(n - 1)];
        f.path.set(&default_export_path(&id, format), lang);
    }
}

pub(super) fn write_export(m: &mut Model, path: &str, format: ExportFormat, force: bool) {
    let w = words(m.lang);
    if path.is_empty() {
        error(m, w.no_path);
        return;
    }
    let Some(r) = m.record() else { return };
    // JSON is the record file itself, when there is one.
    let file = match (format, &m.store) {
        (ExportFormat::Json, Some(s)) => s.resolve(&r.id).ok(),
        _ => None,
    };
    let stored = match file.map(|p| store::read_bytes(&p)) {
        Some(Err(e)) => {
            error(m, format!("{e:#}"));
            return;
        }
        read => read.and_then(Result::ok),
    };
    let content = crate::export::render(r, format, m.lang, stored);
    match store::write_export(
        std::path::Path::new(path),
        &content,
        force,
        store::EXPORT_MODE,
    ) {
        Ok(()) => {
            info(m, format!("{}: {path}", w.exported));
            to_advice(m);
        }
        // The store never replaces a file unasked: ask.
        Err(e) if e.is::<store::AlreadyExists>() => {
            let path = path.to_string();
            m.overlay = Overlay::Confirm(Confirm::Overwrite { path, format });
        }
        Err(e) => error(m, format!("{e:#}")),
    }
}
