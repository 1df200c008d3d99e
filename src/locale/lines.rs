//! The plain mode's lines, in Dutch and English.
use crate::plain::{PlanSyntax, Unclear};
use crate::text::Lang;

/// Why a typed line is not an answer, in `lang`.
pub fn unclear(u: &Unclear, lang: Lang) -> String {
    match (u, lang) {
        (Unclear::Answer(e), _) => e.said(lang),
        (Unclear::Token { token, n }, Lang::Nl) => {
            format!("\"{token}\"; kies een nummer van 1 tot {n}")
        }
        (Unclear::Token { token, n }, Lang::En) => {
            format!("\"{token}\"; choose a number from 1 to {n}")
        }
        (Unclear::Nothing { n }, Lang::Nl) => format!("kies een nummer van 1 tot {n}"),
        (Unclear::Nothing { n }, Lang::En) => format!("choose a number from 1 to {n}"),
        (Unclear::OneOnly, Lang::Nl) => "kies één nummer".into(),
        (Unclear::OneOnly, Lang::En) => "choose one number".into(),
    }
}

pub struct Words {
    pub intro: &'static str,
    pub question: &'static str,
    pub remaining: &'static str,
    pub pick_one: &'static str,
    pub pick_many: &'static str,
    pub type_text: &'static str,
    pub commands: &'static str,
    pub current: &'static str,
    pub keep: &'static str,
    pub first: &'static str,
    pub not_understood: &'static str,
    pub help: &'static str,
    pub reasoning: &'static str,
    pub sources: &'static str,
    pub summary: &'static str,
    pub summary_prompt: &'static str,
    pub stopped: &'static str,
    pub ended: &'static str,
    pub empty: &'static str,
    pub unfinished: &'static str,
    pub resume_prompt: &'static str,
    /// The start menu without records to continue: Enter starts a new assessment.
    pub new_prompt: &'static str,
    /// The start menu's line for the processing register, when there is something for it.
    pub register_prompt: &'static str,
    pub answers_given: &'static str,
    pub campaign_name: &'static str,
    pub participants: &'static str,
    pub saved_as: &'static str,
    pub resumed: &'static str,
    pub revised: &'static str,
    pub revised_altered: &'static str,
    pub opened_signed: &'static str,
    pub opened_altered: &'static str,
    pub bank_unseen: &'static str,
    pub bank_changed: &'static str,
    pub bank_updated: &'static str,
    pub bank_asks: &'static str,
    pub save_failed: &'static str,
    pub note_failed: &'static str,
    pub note_saved: &'static str,
    pub note_removed: &'static str,
    /// The justification a question asks for besides its answer: asked after the answer.
    pub justify: &'static str,
    pub justification: &'static str,
    pub justification_keep: &'static str,
    pub justification_saved: &'static str,
    pub justification_removed: &'static str,
    pub justification_failed: &'static str,
    pub signoff_prompt: &'static str,
    pub signoff_name: &'static str,
    pub signoff_date: &'static str,
    pub signoff_decision: &'static str,
    pub signoff_remarks: &'static str,
    /// The first signer's role; `{role}` is the FG's role, given with Enter.
    pub signoff_role: &'static str,
    /// Asked for "approved with conditions" only.
    pub signoff_conditions: &'static str,
    /// Further signers: a name, or Enter for none; then their role (`{name}`).
    pub signoff_also: &'static str,
    pub signoff_also_role: &'static str,
    pub signoff_key: &'static str,
    pub fingerprint: &'static str,
    pub signed_with: &'static str,
    pub not_signed_with_key: &'static str,
    pub signed: &'static str,
    pub signoff_failed: &'static str,
    pub not_all_saved: &'static str,
}

pub const NL: Words = Words {
    intro: "Beantwoord de vragen één voor één. Typ het nummer van je antwoord en druk op Enter.",
    question: "Vraag",
    remaining: "daarna nog",
    pick_one: "Typ één nummer.",
    pick_many: "Typ een of meer nummers, gescheiden door spaties of komma's.",
    type_text: "Typ je antwoord; Enter zonder tekst laat het leeg.",
    commands: "? = uitleg, terug = vorige vraag, notitie <tekst> = notitie bij de vraag (notitie alleen: een notitie van meer regels, een lege regel sluit af), campagne = naam, omschrijving en deelnemers wijzigen, stop = stoppen.",
    current: "Huidig antwoord",
    keep: "Enter = houden",
    first: "Dit is de eerste vraag.",
    not_understood: "Dat begrijp ik niet",
    help: "Uitleg",
    reasoning: "Waarom deze vraag",
    sources: "Bronnen",
    summary: "Je antwoorden",
    summary_prompt: "Enter = advies tonen; typ het nummer van een antwoord om het te wijzigen; terug = laatste vraag; notitie <tekst> = notitie bij de hele sessie (notitie alleen: meer regels); campagne = de campagne wijzigen.",
    stopped: "Gestopt.",
    ended: "De invoer hield op voordat alle vragen beantwoord waren.",
    empty: "(leeg)",
    unfinished: "Beoordelingen die nog niet zijn afgetekend:",
    resume_prompt: "Typ een nummer om verder te gaan, of Enter voor een nieuwe beoordeling.",
    new_prompt: "Druk op Enter voor een nieuwe beoordeling.",
    register_prompt: "Typ register om het verwerkingsregister (AVG art. 30) over alle verslagen te schrijven.",
    answers_given: "antwoorden",
    campaign_name: "Naam van de campagne (Enter = zonder naam):",
    participants: "Deelnemers, gescheiden door komma's, elk als naam (rol) (Enter = geen):",
    saved_as: "Elk antwoord wordt meteen bewaard in het verslag",
    resumed: "Verder met",
    revised: "Dit verslag is afgetekend en blijft zoals het is. Wijzigingen komen in een nieuwe revisie:",
    revised_altered: "Dit verslag is na het opslaan gewijzigd en blijft zoals het is. Je werkt verder in een nieuwe revisie, waarvan de geschiedenis dat vermeldt:",
    opened_signed: "Dit verslag is afgetekend en blijft zoals het is. Wijzig je iets, dan komt dat in een nieuwe revisie.",
    opened_altered: "Dit verslag is na het opslaan gewijzigd en blijft zoals het is. Wijzig je iets, dan komt dat in een nieuwe revisie, waarvan de geschiedenis dat vermeldt.",
    bank_unseen: "De vragenbank is gewijzigd; bekijk eerst het advies met de huidige vragenbank en teken dan af.",
    bank_changed: "De vragenbank is gewijzigd sinds dit verslag. Deze antwoorden passen niet meer en worden opnieuw gevraagd:",
    bank_updated: "De vragenbank is bijgewerkt sinds dit verslag; je antwoorden blijven staan waar ze nog passen. Vragenbank:",
    bank_asks: "Nieuw voor dit plan, en daarom nu gevraagd:",
    save_failed: "Opslaan mislukt; dit antwoord staat nog niet op schijf",
    note_failed: "Opslaan mislukt; deze notitie staat nog niet op schijf",
    note_saved: "Notitie bewaard.",
    note_removed: "Notitie verwijderd.",
    justify: "Toelichting (optioneel, Enter om over te slaan)",
    justification: "Toelichting",
    justification_keep: "Enter houdt haar, typ - om haar weg te halen",
    justification_saved: "Toelichting bewaard.",
    justification_removed: "Toelichting weggehaald.",
    justification_failed: "Opslaan mislukt; deze toelichting staat nog niet op schijf",
    signoff_prompt: "Typ aftekenen om als functionaris gegevensbescherming (FG) af te tekenen, of Enter om af te sluiten.",
    signoff_name: "Naam van de FG:",
    signoff_date: "Datum (JJJJ-MM-DD, Enter = vandaag, {today}):",
    signoff_decision: "Besluit: 1. goedgekeurd  2. goedgekeurd met voorwaarden  3. afgekeurd",
    signoff_remarks: "Opmerkingen (Enter = geen):",
    signoff_role: "Rol (Enter = {role}):",
    signoff_conditions: "Voorwaarden waaronder het plan mag (verplicht):",
    signoff_also: "Tekent nog iemand mee, bijvoorbeeld de directeur? Typ de naam, of Enter = niemand meer:",
    signoff_also_role: "Rol van {name}:",
    signoff_key: "Onderteken de aftekening met je eigen SSH-sleutel, zodat de registerbeheerder haar met ssh-keygen kan controleren: typ het pad naar je privésleutel (Ed25519), of Enter = zonder sleutel.",
    signed: "Afgetekend; het verslag staat nu vast.",
    fingerprint: "Vingerafdruk (sha256), voor het verwerkingsregister",
    signed_with: "Ondertekend met SSH-sleutel",
    not_signed_with_key: "Niet ondertekend",
    signoff_failed: "Aftekenen niet bewaard; het verslag is NIET afgetekend",
    not_all_saved: "Niet alles is bewaard: de laatste wijzigingen staan niet op schijf (zie de melding hierboven).",
};

pub const EN: Words = Words {
    intro: "Answer the questions one by one. Type the number of your answer and press Enter.",
    question: "Question",
    remaining: "then",
    pick_one: "Type one number.",
    pick_many: "Type one or more numbers, separated by spaces or commas.",
    type_text: "Type your answer; Enter without text leaves it empty.",
    commands: "? = explanation, back = previous question, note <text> = note on the question (note alone: a note of several lines, ended by an empty line), campaign = change the name, description and participants, stop = quit.",
    current: "Current answer",
    keep: "Enter = keep",
    first: "This is the first question.",
    not_understood: "I don't understand that",
    help: "Explanation",
    reasoning: "Why this question",
    sources: "Sources",
    summary: "Your answers",
    summary_prompt: "Enter = show the advice; type the number of an answer to change it; back = last question; note <text> = note on the whole session (note alone: several lines); campaign = change the campaign.",
    stopped: "Stopped.",
    ended: "The input ended before all questions were answered.",
    empty: "(empty)",
    unfinished: "Assessments not yet signed off:",
    resume_prompt: "Type a number to continue one, or Enter for a new assessment.",
    new_prompt: "Press Enter for a new assessment.",
    register_prompt: "Type register to write the processing register (GDPR art. 30) over all records.",
    answers_given: "answers",
    campaign_name: "Name of the campaign (Enter = no name):",
    participants: "Participants, separated by commas, each as name (role) (Enter = none):",
    saved_as: "Every answer is saved at once in the record",
    resumed: "Continuing",
    revised: "This record is signed off and stays as it is. Changes go into a new revision:",
    revised_altered: "This record was altered after it was saved and stays as it is. You go on in a new revision, whose history says so:",
    opened_signed: "This record is signed off and stays as it is. If you change anything, that goes into a new revision.",
    opened_altered: "This record was altered after it was saved and stays as it is. If you change anything, that goes into a new revision, whose history says so.",
    bank_unseen: "The question bank has changed; look at the advice with the current bank first, then sign off.",
    bank_changed: "The question bank has changed since this record. These answers no longer fit and will be asked again:",
    bank_updated: "The question bank was updated since this record; your answers stay wherever they still fit. Question bank:",
    bank_asks: "New for this plan, and so asked now:",
    save_failed: "Saving failed; this answer is not on disk yet",
    note_failed: "Saving failed; this note is not on disk yet",
    note_saved: "Note saved.",
    note_removed: "Note removed.",
    justify: "Justification (optional, Enter to skip)",
    justification: "Justification",
    justification_keep: "Enter keeps it, type - to remove it",
    justification_saved: "Justification saved.",
    justification_removed: "Justification removed.",
    justification_failed: "Saving failed; this justification is not on disk yet",
    signoff_prompt: "Type sign to sign off as the data protection officer (FG), or Enter to finish.",
    signoff_name: "Name of the FG:",
    signoff_date: "Date (YYYY-MM-DD, Enter = today, {today}):",
    signoff_decision: "Decision: 1. approved  2. approved with conditions  3. rejected",
    signoff_remarks: "Remarks (Enter = none):",
    signoff_role: "Role (Enter = {role}):",
    signoff_conditions: "Conditions the plan must meet (required):",
    signoff_also: "Does anyone else sign, the director say? Type their name, or Enter = no one else:",
    signoff_also_role: "Role of {name}:",
    signoff_key: "Sign the sign-off with your own SSH key, so the register keeper can check it with ssh-keygen: type the path of your private key (Ed25519), or Enter = no key.",
    signed: "Signed off; the record is now frozen.",
    fingerprint: "Fingerprint (sha256), for the processing register",
    signed_with: "Signed with SSH key",
    not_signed_with_key: "Not signed",
    signoff_failed: "Sign-off not saved; the record is NOT signed off",
    not_all_saved: "Not everything was saved: the latest changes are not on disk (see the message above).",
};

/// Why a plan line is not a change, in `lang`.
pub fn plan_syntax(e: &PlanSyntax, lang: Lang) -> String {
    match (e, lang) {
        (PlanSyntax::UnknownField(f), Lang::Nl) => format!(
            "{} is geen veld; gebruik eigenaar=, uiterlijk=, status=, reden= of notitie=",
            crate::json::quoted(f)
        ),
        (PlanSyntax::UnknownField(f), Lang::En) => format!(
            "{} is not a field; use owner=, due=, status=, reason= or note=",
            crate::json::quoted(f)
        ),
        (PlanSyntax::BadStatus(s), Lang::Nl) => format!(
            "{} is geen status; kies open, bezig, klaar of nvt (niet van toepassing)",
            crate::json::quoted(s)
        ),
        (PlanSyntax::BadStatus(s), Lang::En) => format!(
            "{} is not a status; choose open, in progress, done or n/a (not applicable)",
            crate::json::quoted(s)
        ),
        (PlanSyntax::NoFields, Lang::Nl) => {
            "geef na het nummer wat verandert, bijvoorbeeld 2 eigenaar=Anna status=bezig".into()
        }
        (PlanSyntax::NoFields, Lang::En) => {
            "give what changes after the number, for example 2 owner=Anna status=in progress".into()
        }
    }
}

/// The plain mode's lines about the action plan.
pub struct PlanLines {
    /// How to change the plan, said before the sign-off's question.
    pub prompt: &'static str,
    pub not_changed: &'static str,
    pub save_failed: &'static str,
}

const PLAN_NL: PlanLines = PlanLines {
    prompt: "Actieplan bijwerken: typ het nummer van een actie en wat verandert, bijvoorbeeld 2 eigenaar=Anna uiterlijk=2027-01-15 status=bezig notitie=concept klaar. Status: open, bezig, klaar of nvt (met reden=). plan = het actieplan opnieuw tonen.",
    not_changed: "Actieplan niet gewijzigd",
    save_failed: "Opslaan mislukt; deze wijziging van het actieplan staat nog niet op schijf",
};

const PLAN_EN: PlanLines = PlanLines {
    prompt: "Update the action plan: type the number of an action and what changes, for example 2 owner=Anna due=2027-01-15 status=in progress note=draft ready. Status: open, in progress, done or n/a (with reason=). plan = show the action plan again.",
    not_changed: "Action plan not changed",
    save_failed: "Saving failed; this change to the action plan is not on disk yet",
};

pub fn plan_lines(lang: Lang) -> &'static PlanLines {
    match lang {
        Lang::Nl => &PLAN_NL,
        Lang::En => &PLAN_EN,
    }
}
