//! The action plan in words, in Dutch and English: its items and progress (for `plan`, `show`
//! and the exports), the events of its history, what a change did, and why one was refused.

use crate::engine::Level;
use crate::json::quoted;
use crate::record::plan::{
    Field, FieldChange, ItemStatus, Line, PlanError, PlanEvent, PlanView, Progress, Tally, Text,
};
use crate::record::time;
use crate::text::{Lang, one_line, wrap};

impl ItemStatus {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (ItemStatus::Open, Lang::Nl) => "open",
            (ItemStatus::InProgress, Lang::Nl) => "bezig",
            (ItemStatus::Done, Lang::Nl) => "klaar",
            (ItemStatus::NotApplicable, Lang::Nl) => "niet van toepassing",
            (ItemStatus::Open, Lang::En) => "open",
            (ItemStatus::InProgress, Lang::En) => "in progress",
            (ItemStatus::Done, Lang::En) => "done",
            (ItemStatus::NotApplicable, Lang::En) => "not applicable",
        }
    }
}

impl Field {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Field::Owner, Lang::Nl) => "eigenaar",
            (Field::Due, Lang::Nl) => "uiterlijk",
            (Field::Status, Lang::Nl) => "status",
            (Field::Reason, Lang::Nl) => "reden",
            (Field::Note, Lang::Nl) => "notitie",
            (Field::Owner, Lang::En) => "owner",
            (Field::Due, Lang::En) => "due",
            (Field::Status, Lang::En) => "status",
            (Field::Reason, Lang::En) => "reason",
            (Field::Note, Lang::En) => "note",
        }
    }
}

impl Text {
    fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Text::Owner, Lang::Nl) => "de eigenaar",
            (Text::Reason, Lang::Nl) => "de reden",
            (Text::Note, Lang::Nl) => "de notitie",
            (Text::By, Lang::Nl) => "wie de wijziging maakt",
            (Text::Owner, Lang::En) => "the owner",
            (Text::Reason, Lang::En) => "the reason",
            (Text::Note, Lang::En) => "the note",
            (Text::By, Lang::En) => "who makes the change",
        }
    }
}

/// Where a refusal is read: the sentence says how to find an action's id or number there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Front {
    /// The command line: `avg-wijzer plan ID` lists the items.
    Cli,
    /// The full-screen interface: the form opens on an action of the advice.
    Tui,
    /// The plain mode: the plan is shown as numbered lines after the advice.
    Plain,
}

impl PlanError {
    /// Why the change was refused, in `lang`, as the command line says it.
    pub fn said(&self, lang: Lang) -> String {
        self.said_in(Front::Cli, lang)
    }

    /// Why the change was refused, in `lang`, in the words of the front end `front`.
    pub fn said_in(&self, front: Front, lang: Lang) -> String {
        match (self, front, lang) {
            (PlanError::UnknownAction(a), Front::Tui, Lang::Nl) => format!(
                "geen actie {} in het actieplan van dit verslag: het actieplan volgt het advies zoals het is afgetekend, en daarin staat deze actie niet; kies in het advies een actie van het actieplan en druk op a",
                quoted(a)
            ),
            (PlanError::UnknownAction(a), Front::Tui, Lang::En) => format!(
                "no action {} in this record's action plan: the plan follows the advice as it was signed off, which does not have this action; choose an action of the plan in the advice and press a",
                quoted(a)
            ),
            (PlanError::UnknownAction(a), Front::Plain, Lang::Nl) => format!(
                "geen actie {} in het actieplan; geef het nummer van een actie uit het actieplan hierboven (typ plan om het opnieuw te zien)",
                quoted(a)
            ),
            (PlanError::UnknownAction(a), Front::Plain, Lang::En) => format!(
                "no action {} in the action plan; give the number of an action in the plan above (type plan to see it again)",
                quoted(a)
            ),
            _ => self.said_anywhere(lang),
        }
    }

    /// The sentences that are the same in every front end.
    fn said_anywhere(&self, lang: Lang) -> String {
        match (self, lang) {
            (PlanError::NoAdvice, Lang::Nl) => {
                "er is nog geen advies, dus nog geen actieplan (niet alle vragen zijn beantwoord)"
                    .into()
            }
            (PlanError::NoAdvice, Lang::En) => {
                "there is no advice yet, so no action plan (not every question is answered)".into()
            }
            (PlanError::UnknownAction(a), Lang::Nl) => format!(
                "geen actie {} in het actieplan; geef haar id of haar nummer uit avg-wijzer plan",
                quoted(a)
            ),
            (PlanError::UnknownAction(a), Lang::En) => format!(
                "no action {} in the action plan; give its id or its number from avg-wijzer plan",
                quoted(a)
            ),
            (PlanError::NothingGiven, Lang::Nl) => {
                "niets te wijzigen: geef een eigenaar, datum, status, reden of notitie".into()
            }
            (PlanError::NothingGiven, Lang::En) => {
                "nothing to change: give an owner, due date, status, reason or note".into()
            }
            (PlanError::BadDate(d), Lang::Nl) => {
                format!("{} is geen datum als 2027-01-15", quoted(d))
            }
            (PlanError::BadDate(d), Lang::En) => {
                format!("{} is not a date like 2027-01-15", quoted(d))
            }
            (PlanError::NoReason, Lang::Nl) => {
                "\"niet van toepassing\" vraagt om een reden: waarom geldt deze actie hier niet?"
                    .into()
            }
            (PlanError::NoReason, Lang::En) => {
                "\"not applicable\" needs a reason: why does this action not apply here?".into()
            }
            (PlanError::ReasonWithoutNotApplicable, Lang::Nl) => {
                "een reden hoort alleen bij de status \"niet van toepassing\" (not_applicable)"
                    .into()
            }
            (PlanError::ReasonWithoutNotApplicable, Lang::En) => {
                "a reason goes only with the status \"not applicable\" (not_applicable)".into()
            }
            (PlanError::TooLong { text, max }, Lang::Nl) => {
                format!("{} is langer dan {max} tekens", text.label(lang))
            }
            (PlanError::TooLong { text, max }, Lang::En) => {
                format!("{} is longer than {max} characters", text.label(lang))
            }
            (PlanError::Control(text), Lang::Nl) => format!(
                "{} bevat een regeleinde, tab of ander stuurteken; het moet één regel tekst zijn",
                text.label(lang)
            ),
            (PlanError::Control(text), Lang::En) => format!(
                "{} holds a line break, tab or other control character; it must be one line of text",
                text.label(lang)
            ),
        }
    }
}

dutch_display!(PlanError);

/// The words around the plan.
pub struct Words {
    pub heading: &'static str,
    pub of_record: &'static str,
    pub number: &'static str,
    pub action: &'static str,
    pub level: &'static str,
    pub required: &'static str,
    pub recommended: &'static str,
    pub gone: &'static str,
    pub nobody: &'static str,
    pub no_date: &'static str,
    pub past_due: &'static str,
    pub none: &'static str,
    pub no_advice: &'static str,
    pub no_actions: &'static str,
    pub done: &'static str,
    pub nothing_changed: &'static str,
    pub fingerprint_kept: &'static str,
    pub by: &'static str,
    /// Options to change an item given without the item.
    pub which_action: &'static str,
}

const NL: Words = Words {
    heading: "Actieplan",
    of_record: "van verslag",
    number: "Nr.",
    action: "Actie",
    level: "Niveau",
    required: "verplicht",
    recommended: "aanbevolen",
    gone: "niet meer nodig",
    nobody: "nog niemand",
    no_date: "geen datum",
    past_due: "Te laat",
    none: "geen",
    no_advice: "Nog geen actieplan: er is nog geen advies (niet alle vragen zijn beantwoord).",
    no_actions: "Geen acties nodig; het actieplan is leeg.",
    done: "klaar",
    nothing_changed: "niets gewijzigd",
    fingerprint_kept: "de aftekening en de vingerafdruk blijven zoals ze waren",
    by: "door",
    which_action: "welke actie? Geef haar id of nummer na het id van het verslag, bijvoorbeeld avg-wijzer plan ID 2 --status done",
};

const EN: Words = Words {
    heading: "Action plan",
    of_record: "of record",
    number: "No.",
    action: "Action",
    level: "Level",
    required: "required",
    recommended: "recommended",
    gone: "no longer needed",
    nobody: "nobody yet",
    no_date: "no date",
    past_due: "Past due",
    none: "none",
    no_advice: "No action plan yet: there is no advice yet (not every question is answered).",
    no_actions: "No actions needed; the action plan is empty.",
    done: "done",
    nothing_changed: "nothing changed",
    fingerprint_kept: "the sign-off and the fingerprint stay as they were",
    by: "by",
    which_action: "which action? Give its id or number after the record's id, for example avg-wijzer plan ID 2 --status done",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// An item's level: required, recommended, or no longer needed.
pub fn level(level: Option<Level>, lang: Lang) -> &'static str {
    let w = words(lang);
    match level {
        Some(Level::Required) => w.required,
        Some(Level::Recommended) => w.recommended,
        None => w.gone,
    }
}

/// The owner as shown: the name, or that nobody has it yet.
pub fn owner(line: &Line, lang: Lang) -> String {
    match line.item.owner.as_str() {
        "" => words(lang).nobody.to_string(),
        o => one_line(o).into_owned(),
    }
}

/// The due date in words, or that there is none.
pub fn due(line: &Line, lang: Lang) -> String {
    match &line.item.due {
        Some(d) => time::date_in_words(d, lang),
        None => words(lang).no_date.to_string(),
    }
}

/// The status, with the reason when the action does not apply.
pub fn status(line: &Line, lang: Lang) -> String {
    let label = line.item.status.label(lang);
    match (line.item.status, line.item.reason.as_str()) {
        (ItemStatus::NotApplicable, r) if !r.is_empty() => format!("{label}: {}", one_line(r)),
        _ => label.to_string(),
    }
}

/// "4/9 verplicht klaar, 1/3 aanbevolen klaar"; the recommended part only when there are.
pub fn progress(p: &Progress, lang: Lang) -> String {
    let w = words(lang);
    let mut s = format!(
        "{}/{} {} {}",
        p.required_done, p.required_total, w.required, w.done
    );
    if p.recommended_total > 0 {
        s.push_str(&format!(
            ", {}/{} {} {}",
            p.recommended_done, p.recommended_total, w.recommended, w.done
        ));
    }
    s
}

/// The plan in the list: "4/9 verplicht klaar", with ", te laat" when an item is past its
/// due date on `today`.
pub fn tally(t: &Tally, today: &str, lang: Lang) -> String {
    let w = words(lang);
    let mut s = format!(
        "{}/{} {} {}",
        t.required_done, t.required_total, w.required, w.done
    );
    if t.is_past_due(today) {
        s.push_str(&format!(", {}", w.past_due.to_lowercase()));
    }
    s
}

/// "Te laat: 2. Privacyverklaring aanpassen (uiterlijk 10 januari 2027)", or "Te laat: geen".
pub fn past_due(view: &PlanView, p: &Progress, lang: Lang) -> String {
    let w = words(lang);
    let items: Vec<String> = view
        .lines
        .iter()
        .filter(|l| p.past_due.contains(&l.number))
        .map(|l| {
            format!(
                "{}. {} ({} {})",
                l.number,
                one_line(&l.title),
                Field::Due.label(lang),
                due(l, lang)
            )
        })
        .collect();
    match items.is_empty() {
        true => format!("{}: {}", w.past_due, w.none),
        false => format!("{}: {}", w.past_due, items.join("; ")),
    }
}

/// The plan's items as numbered lines of text, indented by `indent`, at most 78 wide.
pub fn items_text(view: &PlanView, indent: &str, lang: Lang) -> String {
    const W: usize = 78;
    let mut s = String::new();
    for l in &view.lines {
        // Under the title, after its number.
        let more = format!("{indent}{}", " ".repeat(l.number.to_string().len() + 2));
        s.push_str(&wrap(
            &format!("{}. {}", l.number, one_line(&l.title)),
            W,
            indent,
            &more,
        ));
        s.push('\n');
        let facts = format!(
            "{} · {}: {} · {}: {} · {}: {}",
            level(l.level, lang),
            Field::Status.label(lang),
            status(l, lang),
            Field::Owner.label(lang),
            owner(l, lang),
            Field::Due.label(lang),
            due(l, lang)
        );
        s.push_str(&wrap(&facts, W, &more, &more));
        s.push('\n');
        if !l.item.note.is_empty() {
            let note = format!("{}: {}", Field::Note.label(lang), one_line(&l.item.note));
            s.push_str(&wrap(&note, W, &more, &more));
            s.push('\n');
        }
    }
    s
}

/// What `plan ID` prints: the items, the progress on `today`, and what is past due.
pub fn plan_text(id: &str, title: &str, view: &PlanView, today: &str, lang: Lang) -> String {
    let w = words(lang);
    let mut s = format!("{} {} {id} ({title})\n\n", w.heading, w.of_record);
    let p = view.progress(today);
    s.push_str(&items_text(view, "", lang));
    s.push_str(&format!(
        "\n{}\n{}\n",
        progress(&p, lang),
        past_due(view, &p, lang)
    ));
    s
}

/// A field's value as the history and a change tell it: texts quoted, a date in words, a
/// status by its label.
fn value(field: Field, v: &str, lang: Lang) -> String {
    match field {
        Field::Status => ItemStatus::parse(v).map_or_else(|| quoted(v), |s| s.label(lang).into()),
        Field::Due if v.is_empty() => words(lang).no_date.to_string(),
        Field::Due => time::date_in_words(v, lang),
        Field::Owner if v.is_empty() => words(lang).nobody.to_string(),
        Field::Reason | Field::Note if v.is_empty() => match lang {
            Lang::Nl => "leeg",
            Lang::En => "empty",
        }
        .to_string(),
        Field::Owner | Field::Reason | Field::Note => quoted(v),
    }
}

/// One change, from → to: `eigenaar nog niemand → "Anna"`.
pub fn change(c: &FieldChange, lang: Lang) -> String {
    format!(
        "{} {} → {}",
        c.field.label(lang),
        value(c.field, &c.from, lang),
        value(c.field, &c.to, lang)
    )
}

/// An event of the plan's history as (when, as the record keeps it; what happened, in words).
pub fn event_text(e: &PlanEvent, lang: Lang) -> (String, String) {
    let at = e.at().to_string();
    let what = match (e, lang) {
        (
            PlanEvent::Changed {
                by,
                action,
                changes,
                ..
            },
            _,
        ) => {
            let list: Vec<String> = changes.iter().map(|c| change(c, lang)).collect();
            let head = match lang {
                Lang::Nl => "actieplan, actie",
                Lang::En => "action plan, action",
            };
            let mut s = format!("{head} {action}: {}", list.join("; "));
            if let Some(by) = by {
                s.push_str(&format!(" ({} {by})", words(lang).by));
            }
            s
        }
        (PlanEvent::Added { action, .. }, Lang::Nl) => {
            format!("actieplan: actie {action} toegevoegd (nieuw in het advies)")
        }
        (PlanEvent::Added { action, .. }, Lang::En) => {
            format!("action plan: action {action} added (new in the advice)")
        }
        (PlanEvent::Dropped { action, .. }, Lang::Nl) => format!(
            "actieplan: actie {action} niet meer nodig (niet meer in het advies); wat erbij stond blijft bewaard"
        ),
        (PlanEvent::Dropped { action, .. }, Lang::En) => format!(
            "action plan: action {action} no longer needed (no longer in the advice); what was recorded is kept"
        ),
        (PlanEvent::Restored { action, .. }, Lang::Nl) => {
            format!("actieplan: actie {action} weer nodig (weer in het advies)")
        }
        (PlanEvent::Restored { action, .. }, Lang::En) => {
            format!("action plan: action {action} needed again (back in the advice)")
        }
    };
    (at, what)
}

/// What a change to item `line` of record `id` did: each field from → to, or that nothing
/// changed; `kept` (a signed-off record's fingerprint) says the sign-off stands.
pub fn changed(
    id: &str,
    line: &Line,
    changes: &[FieldChange],
    kept: Option<&str>,
    lang: Lang,
) -> String {
    let w = words(lang);
    let record = match lang {
        Lang::Nl => "verslag",
        Lang::En => "record",
    };
    let head = format!(
        "{record} {id}, {} {} ({})",
        w.action.to_lowercase(),
        line.number,
        one_line(&line.title)
    );
    if changes.is_empty() {
        return format!("{head}: {}\n", w.nothing_changed);
    }
    let mut s = format!("{head}:\n");
    for c in changes {
        s.push_str(&format!("  {}\n", change(c, lang)));
    }
    if let Some(hash) = kept {
        s.push_str(&format!("{}: sha256 {hash}\n", w.fingerprint_kept));
    }
    s
}
