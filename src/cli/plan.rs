//! `plan`: a record's action plan, and changing one item of it.
use std::process::ExitCode;

use clap::ValueEnum;

use super::{Args, Failure, bad, load_bank, open_store, print_out, warn, workflow};
use crate::app::{self, Event, PlanChange, Saved, Workflow};
use crate::bank::Bank;
use crate::guard;
use crate::locale::commands;
use crate::locale::plan::{changed, plan_text};
use crate::record::plan::{Field, ItemStatus, PlanView};
use crate::store::Store;
use crate::text::Lang;

/// What `plan` is given: the record, and to change one item, the item and what changes.
#[derive(Debug, clap::Args)]
pub struct PlanArgs {
    /// Het id van het verslag (of een uniek begin ervan)
    id: String,
    /// De actie om te wijzigen: haar id of haar nummer in het actieplan
    #[arg(value_name = "ACTIE")]
    action: Option<String>,
    /// Wie de actie uitvoert: een deelnemer of een andere naam ("" maakt het leeg)
    #[arg(long, value_name = "NAAM")]
    owner: Option<String>,
    /// Uiterlijke datum (JJJJ-MM-DD); "" haalt de datum weg
    #[arg(long, value_name = "DATUM")]
    due: Option<String>,
    /// Hoe ver de actie is; not_applicable vraagt om --reason
    #[arg(long, value_enum)]
    status: Option<StatusArg>,
    /// Waarom de actie hier niet van toepassing is (bij --status not_applicable)
    #[arg(long, value_name = "REDEN")]
    reason: Option<String>,
    /// Korte notitie als bewijs, bijvoorbeeld "privacyverklaring v3 gepubliceerd 12-01"
    #[arg(long, value_name = "TEKST")]
    note: Option<String>,
    /// Wie de wijziging maakt, voor de geschiedenis van het actieplan
    #[arg(long, value_name = "NAAM")]
    by: Option<String>,
}

/// The statuses `--status` accepts, spelled as the record keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
#[value(rename_all = "snake_case")]
pub enum StatusArg {
    Open,
    InProgress,
    Done,
    NotApplicable,
}

impl From<StatusArg> for ItemStatus {
    fn from(s: StatusArg) -> ItemStatus {
        match s {
            StatusArg::Open => ItemStatus::Open,
            StatusArg::InProgress => ItemStatus::InProgress,
            StatusArg::Done => ItemStatus::Done,
            StatusArg::NotApplicable => ItemStatus::NotApplicable,
        }
    }
}

/// `plan`: the plan shown, or one item changed; options without an item are refused.
pub(super) fn run(args: &Args, plan: &PlanArgs) -> Result<ExitCode, Failure> {
    let bank = load_bank(args)?;
    let change = PlanChange {
        owner: plan.owner.clone(),
        due: plan.due.clone(),
        status: plan.status.map(Into::into),
        reason: plan.reason.clone(),
        note: plan.note.clone(),
        by: plan.by.clone(),
    };
    match &plan.action {
        Some(action) => self::change(
            &workflow(args, &bank)?,
            &plan.id,
            action,
            &change,
            args.lang,
        ),
        None if change == PlanChange::default() => {
            show(&open_store(args)?, &bank, &plan.id, args.lang)
        }
        None => Err(Failure::bad_input(commands::about_record(
            &plan.id,
            crate::locale::plan::words(args.lang).which_action,
            args.lang,
        ))),
    }
}

/// `plan ID`: every item with its number, the progress today, and what is past due. The
/// record is read as it was saved (one that fails verification is shown with a warning).
fn show(store: &Store, bank: &Bank, id: &str, lang: Lang) -> Result<ExitCode, Failure> {
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
fn change(
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
