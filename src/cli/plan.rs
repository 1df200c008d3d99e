//! `plan`: a record's action plan, and changing one item of it.
use std::process::ExitCode;

use super::{Failure, bad, print_out, warn};
use crate::app::{self, Event, PlanChange, Saved, Workflow};
use crate::bank::Bank;
use crate::guard;
use crate::locale::commands;
use crate::locale::plan::{changed, plan_text};
use crate::record::plan::{Field, PlanView};
use crate::store::Store;
use crate::text::Lang;

/// `plan ID`: every item with its number, the progress today, and what is past due. The
/// record is read as it was saved (one that fails verification is shown with a warning).
pub(super) fn show(store: &Store, bank: &Bank, id: &str, lang: Lang) -> Result<ExitCode, Failure> {
    let viewed = app::read(store, id).map_err(bad)?;
    super::warn_unverified(&viewed, lang);
    let r = &viewed.record;
    let words = crate::locale::plan::words(lang);
    let view = in_lang(r.plan_view(), bank, lang);
    if view.is_empty() {
        return print_out(&format!(
            "{}\n",
            match r.outcome {
                None => words.no_advice,
                Some(_) => words.no_actions,
            }
        ));
    }
    let today = crate::record::time::today();
    print_out(&plan_text(&r.id, r.title(lang), &view, &today, lang))
}

/// `plan ID ACTION --…`: changes one item, and says what changed. On a signed-off record only
/// the plan is written; the fingerprint stays as it was, and is printed to show it.
pub(super) fn change(
    wf: &Workflow,
    id: &str,
    action: &str,
    change: &PlanChange,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    for (field, text) in [(Field::Note, &change.note), (Field::Reason, &change.reason)] {
        if let Some(w) = text.as_deref().and_then(|t| guard::warning(t, lang)) {
            warn(&format!("{}: {w}", field.label(lang)));
        }
    }
    let mut work = wf.open(id).map_err(bad)?.work;
    let done = wf.plan(&mut work, action, change).map_err(|e| {
        Failure::bad_input(commands::about_record(
            &work.record().id,
            &e.said(lang),
            lang,
        ))
    })?;
    for e in &done.events {
        if let Event::Revised { from, to, .. } = e {
            warn(&commands::revised(from, to, lang));
        }
    }
    if let Saved::Failed(why) = &done.saved {
        return Err(Failure::bad_input(why.said(lang)));
    }
    let r = work.record();
    let view = in_lang(work.plan(), wf.bank, lang);
    let Some(line) = view.lines.iter().find(|l| l.action == done.action) else {
        return Ok(ExitCode::SUCCESS);
    };
    let kept = (r.is_frozen() && !done.changes.is_empty()).then_some(r.integrity.hash.as_str());
    print_out(&changed(&r.id, line, &done.changes, kept, lang))
}

/// The plan with the titles of the actions the bank knows in `lang`, the language of this
/// run; the others keep the title the record gives them.
fn in_lang(mut view: PlanView, bank: &Bank, lang: Lang) -> PlanView {
    for line in &mut view.lines {
        if let Some(a) = bank.actions.iter().find(|a| a.id == line.action) {
            line.title = a.title.get(lang).to_string();
        }
    }
    view
}
