//! The documents the advice calls for, in the plain mode: listed after the advice and the
//! plan (the same list as the interface's documents view, `Workflow::drafts`), and at the
//! prompt after it `document N` shows one as text, `document N FILE` writes it (Markdown, HTML
//! or text by the file's extension; never over a file). Commands, not a menu of their own, so
//! the lines a script pipes in after the advice keep their meaning.
use super::*;
use crate::documents::{Format, Rendered, format};
use crate::locale::plain_documents::words as doc_lines;

/// The documents offered for the record of `work`, listed; none without a store, or when the
/// record is not on disk or cannot give documents (said).
pub(super) fn offer(
    wf: &Workflow,
    work: &Work,
    lang: Lang,
    out: &mut impl Write,
) -> Result<Vec<Rendered>> {
    if wf.store().is_none() || work.is_unsaved() {
        return Ok(Vec::new());
    }
    let d = doc_lines(lang);
    match wf.drafts(&work.record().id, lang) {
        Ok(drafts) if drafts.docs.is_empty() => {
            if let Some(why) = drafts.blocked {
                let line = format!("{} {}", d.none, why.said(lang));
                writeln!(out, "\n{}", wrap(&line, W, "", ""))?;
            }
            Ok(Vec::new())
        }
        Ok(drafts) => {
            writeln!(out, "\n{}", d.heading)?;
            for (i, doc) in drafts.docs.iter().enumerate() {
                let line = format!("{}. {}", i + 1, doc.title);
                writeln!(out, "{}", wrap(&line, W, "", "   "))?;
            }
            writeln!(out, "{}", wrap(d.how, W, "", ""))?;
            Ok(drafts.docs)
        }
        Err(e) => {
            let line = format!("{} {}", d.none, e.said(lang));
            writeln!(out, "\n{}", wrap(&line, W, "", ""))?;
            Ok(Vec::new())
        }
    }
}

/// Whether `line` is a documents command: `document N` (shown), `document N FILE` (written),
/// `documenten`/`documents` (the list again). Any other line is for the caller.
pub(super) fn document_command(
    docs: &[Rendered],
    line: &str,
    lang: Lang,
    words: &Words,
    out: &mut impl Write,
) -> Result<bool> {
    if docs.is_empty() {
        return Ok(false);
    }
    let d = doc_lines(lang);
    let trimmed = line.trim();
    let lower = trimmed.to_lowercase();
    if matches!(
        lower.as_str(),
        "document" | "documenten" | "documents" | "doc"
    ) {
        writeln!(out, "{}", d.heading)?;
        for (i, doc) in docs.iter().enumerate() {
            writeln!(
                out,
                "{}",
                wrap(&format!("{}. {}", i + 1, doc.title), W, "", "   ")
            )?;
        }
        return Ok(true);
    }
    let Some(rest) = ["document ", "doc "]
        .iter()
        .find_map(|p| lower.starts_with(p).then(|| trimmed[p.len()..].trim()))
    else {
        return Ok(false);
    };
    let (number, file) = match rest.split_once(char::is_whitespace) {
        Some((n, f)) => (n, f.trim()),
        None => (rest, ""),
    };
    let Some(doc) = number
        .parse::<usize>()
        .ok()
        .and_then(|n| n.checked_sub(1))
        .and_then(|i| docs.get(i))
    else {
        let line = format!("{}: \"{number}\". {}", words.not_understood, d.which);
        writeln!(out, "{}", wrap(&line, W, "", "  "))?;
        return Ok(true);
    };
    if file.is_empty() {
        let text = format::render(doc, Format::Txt);
        writeln!(out)?;
        out.write_all(&text)?;
        writeln!(out)?;
        return Ok(true);
    }
    let format = Format::of_file(file).unwrap_or(Format::Md);
    // As every export: `~` expanded, and the path said is where it went.
    let path = crate::store::export_path(file);
    let said = match crate::app::write_document(&path, &format::render(doc, format)) {
        Ok(()) => format!(
            "{}: {}",
            crate::locale::screen::doc_words(lang).written,
            crate::text::for_terminal(&path.display().to_string())
        ),
        Err(e) => format!("{} {}", d.not_written, e.said(lang)),
    };
    writeln!(out, "{}", wrap(&said, W, "", "  "))?;
    Ok(true)
}
