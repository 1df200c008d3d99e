//! The words of the sign-off's further fields (roles, conditions, further signers) and of the
//! summary shown before signing, in the interface and wherever a sign-off is shown.
use crate::advice::Advice;
use crate::app::SignOffDraft;
use crate::engine::Level;
use crate::record::{Decision, Signer};
use crate::text::Lang;

pub struct SignOffWords {
    pub role: &'static str,
    pub conditions_field: &'static str,
    /// `{n}`: the signer's number, the FG being 1.
    pub signer_name: &'static str,
    pub signer_role: &'static str,
    pub add_signer: &'static str,
    pub choose_decision: &'static str,
    pub confirm_title: &'static str,
    pub confirm_intro: &'static str,
    pub verdict: &'static str,
    pub required: &'static str,
    pub signers: &'static str,
    pub date: &'static str,
    pub decision: &'static str,
    /// The conditions, wherever a sign-off is shown.
    pub conditions: &'static str,
    pub remarks: &'static str,
    pub none: &'static str,
    pub key: &'static str,
    pub no_key: &'static str,
    pub confirm_keys: &'static str,
    /// Plain mode's question after the summary.
    pub confirm_line: &'static str,
}

const NL: SignOffWords = SignOffWords {
    role: "Rol",
    conditions_field: "Voorwaarden (verplicht bij goedgekeurd met voorwaarden)",
    signer_name: "Naam van ondertekenaar {n}",
    signer_role: "Rol van ondertekenaar {n}",
    add_signer: "+ Nog iemand tekent mee, bijvoorbeeld de directeur (Enter)",
    choose_decision: "Nog niet gekozen: kies met ← of →.",
    confirm_title: "Controleer wat je aftekent",
    confirm_intro: "Dit wordt vastgelegd. Daarna staat het verslag vast; een wijziging wordt een nieuwe revisie.",
    verdict: "Oordeel",
    required: "Verplichte acties",
    signers: "Ondertekend door",
    date: "Datum",
    decision: "Besluit",
    conditions: "Voorwaarden",
    remarks: "Opmerkingen",
    none: "geen",
    key: "SSH-sleutel",
    no_key: "zonder sleutel",
    confirm_keys: "Druk op j om af te tekenen. Met n of Esc ga je terug naar het formulier; alles blijft staan.",
    confirm_line: "Aftekenen? j = ja, n = de velden opnieuw invullen.",
};

const EN: SignOffWords = SignOffWords {
    role: "Role",
    conditions_field: "Conditions (required with approved with conditions)",
    signer_name: "Name of signer {n}",
    signer_role: "Role of signer {n}",
    add_signer: "+ Someone else signs too, the director say (Enter)",
    choose_decision: "Not chosen yet: choose with ← or →.",
    confirm_title: "Check what you sign off",
    confirm_intro: "This is recorded. The record is then frozen; a change becomes a new revision.",
    verdict: "Verdict",
    required: "Required actions",
    signers: "Signed off by",
    date: "Date",
    decision: "Decision",
    conditions: "Conditions",
    remarks: "Remarks",
    none: "none",
    key: "SSH key",
    no_key: "no key",
    confirm_keys: "Press y to sign off. With n or Esc you go back to the form; everything stays.",
    confirm_line: "Sign off? y = yes, n = fill in the fields again.",
};

pub fn words(lang: Lang) -> &'static SignOffWords {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// What a sign-off freezes, as (label, value, weighty) lines: the advice's verdict and its
/// number of required actions, the signers, the date, the decision, the conditions where the
/// decision has them, and the remarks. The interface's summary and plain mode's show these.
pub fn summary(
    d: &SignOffDraft,
    advice: Option<&Advice>,
    lang: Lang,
) -> Vec<(&'static str, String, bool)> {
    let s = words(lang);
    let mut parts = Vec::new();
    if let Some(a) = advice {
        parts.push((s.verdict, a.verdict.label.clone(), true));
        let required = a.actions.iter().filter(|x| x.level == Level::Required);
        parts.push((s.required, required.count().to_string(), false));
    }
    let signer = |name: &str, role: &str| Signer {
        name: name.trim().to_string(),
        role: role.trim().to_string(),
    };
    let also = d.also.iter().map(|a| signer(&a.name, &a.role));
    let signers = Signer::line(std::iter::once(signer(d.name, d.role)).chain(also));
    parts.push((s.signers, signers, true));
    let date = crate::record::time::date_in_words(d.date.trim(), lang);
    parts.push((s.date, date, false));
    let decision = d.decision.map_or("", |x| x.label(lang));
    parts.push((s.decision, decision.to_string(), true));
    if d.decision == Some(Decision::ApprovedWithConditions) {
        parts.push((s.conditions, d.conditions.trim().to_string(), false));
    }
    let remarks = match d.remarks.trim() {
        "" => s.none,
        r => r,
    };
    parts.push((s.remarks, remarks.to_string(), false));
    parts
}
