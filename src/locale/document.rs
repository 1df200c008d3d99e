//! The words of the documents made of a record: the text `show` prints, the Markdown, HTML and
//! CSV exports, and the history's events told in sentences.
use crate::record::{DropReason, Event};
use crate::text::Lang;

pub struct Words {
    pub record: &'static str,
    pub revision: &'static str,
    pub campaign: &'static str,
    pub description: &'static str,
    pub organisation: &'static str,
    pub status: &'static str,
    pub created: &'static str,
    pub updated: &'static str,
    pub completed: &'static str,
    pub participants: &'static str,
    pub bank: &'static str,
    pub tool: &'static str,
    pub previous: &'static str,
    pub signoff: &'static str,
    pub not_signed: &'static str,
    pub key: &'static str,
    pub no_key: &'static str,
    pub name: &'static str,
    pub date: &'static str,
    pub decision: &'static str,
    pub remarks: &'static str,
    pub notes: &'static str,
    pub whole_session: &'static str,
    pub at_question: &'static str,
    pub unfinished: &'static str,
    pub history: &'static str,
    pub register: &'static str,
    pub integrity: &'static str,
    pub check_with: &'static str,
    pub none: &'static str,
}

const NL: Words = Words {
    record: "Verslag",
    revision: "revisie",
    campaign: "Campagne",
    description: "Omschrijving",
    organisation: "Organisatie",
    status: "Status",
    created: "Aangemaakt",
    updated: "Bijgewerkt",
    completed: "Afgerond",
    participants: "Deelnemers",
    bank: "Vragenbank",
    tool: "Programma",
    previous: "Vorige revisie",
    signoff: "Aftekening door de FG",
    not_signed: "Nog niet afgetekend.",
    key: "SSH-sleutel",
    no_key: "niet ondertekend (aftekening zonder sleutel)",
    name: "Naam",
    date: "Datum",
    decision: "Besluit",
    remarks: "Opmerkingen",
    notes: "Notities",
    whole_session: "Bij de hele sessie",
    at_question: "Bij",
    unfinished: "Nog niet alle vragen zijn beantwoord; er is nog geen advies.",
    history: "Geschiedenis",
    register: "Concept voor het verwerkingsregister (AVG art. 30)",
    integrity: "Vingerafdruk (sha256)",
    check_with: "Schrijf de vingerafdruk in het verwerkingsregister. Zo is het verslagbestand er later mee te controleren:",
    none: "geen",
};

const EN: Words = Words {
    record: "Record",
    revision: "revision",
    campaign: "Campaign",
    description: "Description",
    organisation: "Organisation",
    status: "Status",
    created: "Created",
    updated: "Updated",
    completed: "Completed",
    participants: "Participants",
    bank: "Question bank",
    tool: "Program",
    previous: "Previous revision",
    signoff: "Sign-off by the DPO (FG)",
    not_signed: "Not signed off yet.",
    key: "SSH key",
    no_key: "not signed (sign-off without a key)",
    name: "Name",
    date: "Date",
    decision: "Decision",
    remarks: "Remarks",
    notes: "Notes",
    whole_session: "On the whole session",
    at_question: "At",
    unfinished: "Not all questions are answered yet; there is no advice yet.",
    history: "History",
    register: "Draft processing-register entry (GDPR art. 30)",
    integrity: "Fingerprint (sha256)",
    check_with: "Write the fingerprint into the processing register, so the record file can later be checked against it:",
    none: "none",
};

pub fn words(lang: Lang) -> &'static Words {
    if lang == Lang::En { &EN } else { &NL }
}

/// An event of the history as (when, as the record keeps it; what happened, in words).
pub fn event_text(e: &Event, lang: Lang) -> (String, String) {
    let nl = lang == Lang::Nl;
    let pick = |a: &str, b: &str| if nl { a.to_string() } else { b.to_string() };
    match e {
        Event::Created { at } => (at.clone(), pick("aangemaakt", "created")),
        Event::Answered {
            at,
            question,
            value,
        } => (
            at.clone(),
            format!("{} {question} = {value}", pick("beantwoord:", "answered:")),
        ),
        Event::Changed {
            at,
            question,
            from,
            to,
        } => (
            at.clone(),
            format!(
                "{} {question}: {from} → {to}",
                pick("gewijzigd:", "changed:")
            ),
        ),
        Event::Note { at, question, text } => {
            let on = question.as_deref().unwrap_or(if nl {
                "bij de sessie"
            } else {
                "on the session"
            });
            // Empty text records a removal (older records may hold blanks).
            let said = match text.trim().is_empty() {
                true => format!("{} {on}", pick("notitie weggehaald:", "note removed:")),
                false => format!(
                    "{} {on}: {}",
                    pick("notitie", "note"),
                    crate::json::quoted(text)
                ),
            };
            (at.clone(), said)
        }
        Event::CampaignChanged {
            at,
            field,
            from,
            to,
        } => (
            at.clone(),
            format!(
                "{} {}: {} → {}",
                pick("campagne gewijzigd:", "campaign changed:"),
                campaign_field(*field, lang),
                campaign_value(from),
                campaign_value(to)
            ),
        ),
        Event::Justified { at, question, text } if text.is_empty() => (
            at.clone(),
            format!(
                "{} {question}",
                pick("toelichting weggehaald:", "justification removed:")
            ),
        ),
        Event::Justified { at, question, text } => (
            at.clone(),
            format!(
                "{} {question}: {}",
                pick("toelichting", "justification"),
                crate::json::quoted(text)
            ),
        ),
        Event::Completed { at, verdict } => (
            at.clone(),
            format!(
                "{} {verdict}",
                pick("advies gegeven, oordeel", "advice given, verdict")
            ),
        ),
        Event::SignedOff {
            at,
            name,
            role,
            decision,
            also,
        } => {
            // Each signer with their role, as the sign-off names them.
            let first = crate::record::Signer {
                name: name.clone(),
                role: role.clone(),
            };
            let by =
                crate::record::Signer::line(std::iter::once(first).chain(also.iter().cloned()));
            (
                at.clone(),
                format!(
                    "{} {by}: {}",
                    pick("afgetekend door", "signed off by"),
                    decision.label(lang)
                ),
            )
        }
        Event::Revision {
            at,
            previous,
            altered,
            ..
        } => {
            let mut s = format!(
                "{} {previous}",
                pick("nieuwe revisie van", "new revision of")
            );
            if !altered.is_empty() {
                s.push_str(&format!(
                    " — {} {}",
                    pick(
                        "voortgezet hoewel het de controle niet doorstond; gewijzigd:",
                        "continued although it failed verification; altered:"
                    ),
                    altered.join(", ")
                ));
            }
            (at.clone(), s)
        }
        Event::BankChanged {
            at,
            from,
            to,
            dropped,
            asks,
        } => {
            // The same version with other content is told apart by the hash.
            let name =
                |b: &crate::advice::BankRef| format!("{} (sha256 {})", b.version, b.short_hash());
            let mut s = format!(
                "{} {} {} → {}",
                pick("vragenbank gewijzigd:", "question bank changed:"),
                from.id,
                name(from),
                name(to)
            );
            if !dropped.is_empty() {
                let list: Vec<String> = dropped
                    .iter()
                    .map(|d| format!("{} ({})", d.question, d.why().said(lang)))
                    .collect();
                s.push_str(&format!(
                    "; {} {}",
                    pick("opnieuw te beantwoorden:", "to be answered again:"),
                    list.join(", ")
                ));
            }
            if !asks.is_empty() {
                s.push_str(&format!(
                    "; {} {}",
                    pick("nieuw gevraagd:", "newly asked:"),
                    asks.join(", ")
                ));
            }
            (at.clone(), s)
        }
    }
}

/// What of the campaign changed, in `lang`.
pub fn campaign_field(field: crate::record::CampaignField, lang: Lang) -> &'static str {
    use crate::record::CampaignField as F;
    match (field, lang) {
        (F::Name, Lang::Nl) => "naam",
        (F::Name, Lang::En) => "name",
        (F::Description, Lang::Nl) => "omschrijving",
        (F::Description, Lang::En) => "description",
        (F::Participants, Lang::Nl) => "deelnemers",
        (F::Participants, Lang::En) => "participants",
    }
}

/// A campaign's text quoted (control characters escaped), or its participants as the form
/// takes them ("Anna (marketing), Piet").
fn campaign_value(v: &serde_json::Value) -> String {
    match v {
        serde_json::Value::String(s) => crate::json::quoted(s),
        serde_json::Value::Array(list) => {
            let people: Vec<String> = list
                .iter()
                .map(|p| {
                    let part = |k: &str| p.get(k).and_then(|x| x.as_str()).unwrap_or("");
                    match part("role") {
                        "" => part("name").to_string(),
                        role => format!("{} ({role})", part("name")),
                    }
                })
                .collect();
            crate::json::quoted(&people.join(", "))
        }
        other => crate::json::escape_controls(&other.to_string()),
    }
}

impl DropReason<'_> {
    /// Why the answer was dropped, in `lang`; a sentence as it was written.
    pub fn said(self, lang: Lang) -> String {
        match (self, lang) {
            (DropReason::QuestionRemoved, Lang::Nl) => "deze vraag bestaat niet meer".into(),
            (DropReason::QuestionRemoved, Lang::En) => "this question no longer exists".into(),
            (DropReason::Written(s), _) => s.to_string(),
        }
    }
}
