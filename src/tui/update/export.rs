//! The export form: a format and a file.
use super::*;

fn default_export_path(id: &str, format: ExportFormat) -> String {
    format!("{id}.{}", format.ext())
}

/// The keys every form of a format and a file shares: the arrows choose among the `n`
/// formats, Tab goes between the two fields. True when `action` was one of them.
pub(super) fn format_or_field(
    format: &mut usize,
    focus: &mut ExportField,
    n: usize,
    action: Action,
) -> bool {
    match action {
        Action::Up | Action::Left if *focus == ExportField::Format => {
            *format = (*format + n - 1) % n
        }
        Action::Down | Action::Right | Action::Toggle if *focus == ExportField::Format => {
            *format = (*format + 1) % n
        }
        Action::NextPanel | Action::PrevPanel => {
            *focus = match *focus {
                ExportField::Format => ExportField::Path,
                ExportField::Path => ExportField::Format,
            }
        }
        _ => return false,
    }
    true
}

pub(super) fn open_export(m: &mut Model) {
    let id = m.record().map(|r| r.id.clone()).unwrap_or_default();
    m.screen = Screen::Export(ExportForm {
        format: 0,
        path: TextField::with_text(&default_export_path(&id, ExportFormat::Md), m.lang),
        path_edited: false,
        focus: ExportField::Format,
    });
}

pub(super) fn export_key<'b>(m: &mut Model<'b>, action: Action) -> Step<'b> {
    if edit_key(m, action) {
        return None;
    }
    let id = m.record().map(|r| r.id.clone()).unwrap_or_default();
    let lang = m.lang;
    let Screen::Export(f) = &mut m.screen else {
        return None;
    };
    let n = ExportFormat::ALL.len();
    match action {
        _ if format_or_field(&mut f.format, &mut f.focus, n, action) => {}
        Action::Select => {
            let format = ExportFormat::ALL[f.format.min(n - 1)];
            let path = f.path.text.trim().to_string();
            return write_export(m, &path, format, false);
        }
        Action::Leave | Action::Back => {
            to_advice(m);
            return None;
        }
        _ => {}
    }
    if !f.path_edited {
        let format = ExportFormat::ALL[f.format.min(n - 1)];
        f.path.set(&default_export_path(&id, format), lang);
    }
    None
}

pub(super) fn write_export<'b>(
    m: &mut Model<'b>,
    path: &str,
    format: ExportFormat,
    force: bool,
) -> Step<'b> {
    if path.is_empty() {
        error(m, words(m.lang).no_path);
        return None;
    }
    Some(Effect::Export {
        record: Box::new(m.record()?.clone()),
        format,
        path: path.to_string(),
        force,
        lang: m.lang,
    })
}
