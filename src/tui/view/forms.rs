//! The forms: a new assessment, the FG's sign-off, an export, and the processing register.
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};

use super::{panel, plain_lines, render_lines, text_field, wrap_lines};
use crate::locale::screen::{doc_words, words};
use crate::record::Decision;
use crate::tui::app::{
    CompareExport, DocExport, ExportField, ExportForm, ExportFormat, Model, NewField, NewForm,
    RegisterForm, RegisterFormat, SignField, SignOffForm, TextField,
};
use crate::tui::theme::Theme;

/// Lines of a form and, if a field has the cursor, where it goes.
struct FormLines {
    lines: Vec<Line<'static>>,
    cursor: Option<(u16, u16)>,
    /// The line of a focused choice or button, which has no cursor but must be in view.
    anchor: Option<u16>,
}

impl FormLines {
    fn new() -> FormLines {
        FormLines {
            lines: Vec::new(),
            cursor: None,
            anchor: None,
        }
    }

    fn field(&mut self, label: &str, f: &TextField, focused: bool, width: usize, t: Theme) {
        let (lines, cursor) = text_field(label, f, focused, width, t);
        if let Some((x, y)) = cursor {
            self.cursor = Some((x, y + self.lines.len() as u16));
        }
        self.lines.extend(lines);
        self.lines.push(Line::from(""));
    }

    /// A format to choose and the file to write it to, then a note: what the record's export
    /// and a document's export both ask.
    #[expect(
        clippy::too_many_arguments,
        reason = "the two forms' fields, each named rather than bundled"
    )]
    fn format_and_path<'a>(
        &mut self,
        labels: impl IntoIterator<Item = &'a str>,
        format: usize,
        path: &TextField,
        focus: ExportField,
        note: &str,
        m: &Model,
        width: usize,
    ) {
        let (w, t) = (words(m.lang), m.theme);
        self.choice(
            w.export_format,
            labels,
            Some(format),
            focus == ExportField::Format,
            t,
        );
        self.field(w.export_path, path, focus == ExportField::Path, width, t);
        self.text(note, width, t);
    }

    /// A heading and one choice of several, as radio buttons; the chosen one is highlighted
    /// while the choice has the focus.
    fn choice(
        &mut self,
        heading: &str,
        labels: impl IntoIterator<Item = impl std::fmt::Display>,
        chosen: Option<usize>,
        focused: bool,
        t: Theme,
    ) {
        self.lines.push(Line::from(Span::styled(
            format!("{}{heading}", if focused { "▶ " } else { "  " }),
            t.bold(),
        )));
        for (i, label) in labels.into_iter().enumerate() {
            let mark = if Some(i) == chosen { "(•)" } else { "( )" };
            let style = if focused && Some(i) == chosen {
                t.selected()
            } else {
                t.plain()
            };
            self.lines
                .push(Line::from(Span::styled(format!("  {mark} {label}"), style)));
        }
        self.lines.push(Line::from(""));
    }

    /// A line that does something on Enter, marked and highlighted while it has the focus; a
    /// form scrolls to it as to a field.
    fn button(&mut self, label: &str, focused: bool, t: Theme) {
        if focused {
            self.anchor = Some(self.lines.len() as u16);
        }
        let (mark, style) = match focused {
            true => ("▶ ", t.selected()),
            false => ("  ", t.plain()),
        };
        self.lines
            .push(Line::from(Span::styled(format!("{mark}{label}"), style)));
        self.lines.push(Line::from(""));
    }

    fn text(&mut self, text: &str, width: usize, t: Theme) {
        self.lines
            .extend(plain_lines(wrap_lines(text, width, "", ""), t.plain()));
    }

    /// Draws the lines in `inner` from where the cursor is in view; the bottom border of
    /// `outer` says when fields follow below (Tab goes to them) or that the form ends there.
    fn render(self, frame: &mut Frame, (inner, outer): (Rect, Rect), m: &Model) {
        let h = inner.height as usize;
        let offset = self
            .cursor
            .map(|(_, y)| y)
            .or(self.anchor)
            .map_or(0, |y| (y as usize + 3).saturating_sub(h));
        if let Some((x, y)) = self.cursor
            && (y as usize) >= offset
        {
            frame.set_cursor_position((inner.x + x, inner.y + y - offset as u16));
        }
        let total = self.lines.len();
        render_lines(frame, self.lines, offset, inner);
        let w = words(m.lang);
        let sign = (w.more_fields, w.end_of_text);
        super::scroll_sign(frame, (offset, total, inner.height), outer, sign, m.theme);
    }
}

/// The form's panel; the room inside it and the panel itself.
fn framed(frame: &mut Frame, title: &str, area: Rect, t: Theme) -> (Rect, Rect) {
    let block = panel(title, true, t);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    (inner, area)
}

pub fn new_form(frame: &mut Frame, m: &Model, f: &NewForm, area: Rect) {
    let w = words(m.lang);
    let t = m.theme;
    let rooms = framed(frame, w.new_assessment, area, t);
    let width = rooms.0.width as usize;
    let mut form = FormLines::new();
    form.text(w.new_intro, width, t);
    form.lines.push(Line::from(""));
    for (field, label) in [
        (NewField::Name, w.field_name),
        (NewField::Description, w.field_description),
        (NewField::Participants, w.field_participants),
    ] {
        form.field(label, f.field(field), f.focus == field, width, t);
    }
    form.text(w.no_personal_data, width, t);
    form.render(frame, rooms, m);
}

pub fn sign_off(frame: &mut Frame, m: &Model, f: &SignOffForm, area: Rect) {
    if f.confirming {
        return super::signoff::summary(frame, m, f, area);
    }
    let (w, s) = (words(m.lang), crate::locale::signoff::words(m.lang));
    let t = m.theme;
    let rooms = framed(frame, w.screen_sign_off, area, t);
    let width = rooms.0.width as usize;
    let mut form = FormLines::new();
    let on = |field: SignField| f.focus == field;
    form.text(w.sign_intro, width, t);
    form.lines.push(Line::from(""));
    form.field(w.sign_name, &f.name, on(SignField::Name), width, t);
    form.field(s.role, &f.role, on(SignField::Role), width, t);
    form.field(w.sign_date, &f.date, on(SignField::Date), width, t);
    if on(SignField::Decision) {
        // The whole choice in view: its heading and its three options.
        form.anchor = Some(form.lines.len() as u16 + 3);
    }
    let chosen = f
        .decision
        .and_then(|d| Decision::ALL.iter().position(|&x| x == d));
    form.choice(
        w.sign_decision,
        Decision::ALL.iter().map(|d| d.label(m.lang)),
        chosen,
        on(SignField::Decision),
        t,
    );
    if chosen.is_none() {
        // Said under the options, before the blank line that ends the choice.
        let hint = plain_lines(wrap_lines(s.choose_decision, width, "  ", "  "), t.plain());
        let at = form.lines.len().saturating_sub(1);
        form.lines.splice(at..at, hint);
    }
    if f.asks_conditions() {
        let field = SignField::Conditions;
        form.field(s.conditions_field, &f.conditions, on(field), width, t);
    }
    form.field(w.sign_remarks, &f.remarks, on(SignField::Remarks), width, t);
    for (i, signer) in f.also.iter().enumerate() {
        let n = (i + 2).to_string();
        let (name, role) = (SignField::SignerName(i), SignField::SignerRole(i));
        let name_label = s.signer_name.replace("{n}", &n);
        form.field(&name_label, &signer.name, on(name), width, t);
        let role_label = s.signer_role.replace("{n}", &n);
        form.field(&role_label, &signer.role, on(role), width, t);
    }
    form.button(s.add_signer, on(SignField::AddSigner), t);
    form.field(w.sign_key, &f.key, on(SignField::Key), width, t);
    form.field(
        w.sign_passphrase,
        &f.passphrase.masked(),
        on(SignField::Passphrase),
        width,
        t,
    );
    form.text(w.sign_frozen, width, t);
    form.render(frame, rooms, m);
}

pub fn export(frame: &mut Frame, m: &Model, f: &ExportForm, area: Rect) {
    let w = words(m.lang);
    let t = m.theme;
    let rooms = framed(frame, w.screen_export, area, t);
    let width = rooms.0.width as usize;
    let mut form = FormLines::new();
    let label = |x: &ExportFormat| match x {
        ExportFormat::Md => w.format_md,
        ExportFormat::Html => w.format_html,
        ExportFormat::Json => w.format_json,
        ExportFormat::Csv => w.format_csv,
        ExportFormat::Sig => w.format_sig,
    };
    let labels = ExportFormat::ALL.iter().map(label);
    form.format_and_path(labels, f.format, &f.path, f.focus, w.export_note, m, width);
    form.render(frame, rooms, m);
}

/// The processing register's form: what it holds, a format and a file, then what the last
/// write said (the rows, and each record left out with why).
pub fn register(frame: &mut Frame, m: &Model, f: &RegisterForm, area: Rect) {
    let (r, t) = (crate::locale::register::form_words(m.lang), m.theme);
    let rooms = framed(frame, r.title, area, t);
    let width = rooms.0.width as usize;
    let mut form = FormLines::new();
    form.text(r.intro, width, t);
    form.lines.push(Line::from(""));
    let labels = RegisterFormat::ALL
        .iter()
        .map(|&x| crate::locale::register::format_label(x, m.lang));
    form.format_and_path(labels, f.format, &f.path, f.focus, r.note, m, width);
    if !f.report.is_empty() {
        form.lines.push(Line::from(""));
        for line in &f.report {
            let (first, rest) = if line.starts_with("- ") {
                ("", "  ")
            } else {
                ("", "")
            };
            form.lines
                .extend(plain_lines(wrap_lines(line, width, first, rest), t.plain()));
        }
    }
    form.render(frame, rooms, m);
}

/// The form that writes a document, over the document: a format and a file.
pub fn document_export(frame: &mut Frame, m: &Model, e: &DocExport, area: Rect) {
    use crate::documents::Format;
    let (d, t) = (doc_words(m.lang), m.theme);
    let rect = super::centered(area, area.width.min(72), area.height.min(14));
    let rooms = (super::popup(frame, rect, d.export_title, t), rect);
    let width = rooms.0.width as usize;
    let mut form = FormLines::new();
    let label = |f: &Format| match f {
        Format::Md => d.format_md,
        Format::Html => d.format_html,
        Format::Txt => d.format_txt,
    };
    let labels = Format::ALL.iter().map(label);
    form.format_and_path(labels, e.format, &e.path, e.focus, d.export_note, m, width);
    form.render(frame, rooms, m);
}

/// The form that writes a comparison, over it: Markdown or HTML, and a file.
pub fn compare_export(frame: &mut Frame, m: &Model, e: &CompareExport, area: Rect) {
    use crate::compare::Format;
    let (s, t) = (crate::locale::compare::screen_words(m.lang), m.theme);
    let rect = super::centered(area, area.width.min(72), area.height.min(14));
    let rooms = (super::popup(frame, rect, s.export_title, t), rect);
    let width = rooms.0.width as usize;
    let mut form = FormLines::new();
    let label = |f: &Format| match f {
        Format::Html => s.format_html,
        Format::Md | Format::Text => s.format_md,
    };
    let labels = CompareExport::FORMATS.iter().map(label);
    form.format_and_path(labels, e.format, &e.path, e.focus, s.export_note, m, width);
    form.render(frame, rooms, m);
}
