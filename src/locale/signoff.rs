//! The words of the sign-off's further fields (roles, conditions, further signers) and of the
//! summary shown before signing, in the interface and wherever a sign-off is shown.
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
};

pub fn words(lang: Lang) -> &'static SignOffWords {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}
