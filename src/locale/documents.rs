//! The words around the generated documents (the texts themselves are the bank's): the frame
//! of a document in every format, what is missing, why a document is not offered, and the
//! `document` command's lines. Not to be confused with `locale::document`, the words of a
//! record's exports.
use crate::app::DocumentError;
use crate::documents::{LibraryItem, Missing, Refusal};
use crate::json::quoted;
use crate::text::Lang;

/// The kinds of document `avg-wijzer document --help` lists: the stable ids
/// (docs/stable-ids.md). The command line's help is Dutch, like the rest of it.
pub const KINDS_HELP: &str = "Soorten documenten (KIND), elk alleen aangeboden waar het advies erom vraagt:
  privacy_paragraph   paragraaf voor de privacyverklaring over segmentatie met Whize
  consent_request     de tekst voor een apart toestemmingsvakje (opt-in), voor nieuwe en bestaande klanten
  reminder_emails     de twee herinneringen van het transitieplan voor de toestemming
  public_page         de publiekspagina 'Wij werken met Whize', in gewone taal
  staff_briefing      een korte instructie voor medewerkers: wat zeg je aan de balie
  li_worksheet        het werkblad voor de belangenafweging (gerechtvaardigd belang) met de FG
  register_entry      een concept voor het verwerkingsregister (AVG art. 30)
Zonder KIND: de documenten die voor dit verslag worden aangeboden.";

pub struct Words {
    pub sources: &'static str,
    pub law_notes: &'static str,
    pub checked: &'static str,
    pub to_fill: &'static str,
    pub draft: &'static str,
    pub record: &'static str,
    pub bank: &'static str,
    pub made: &'static str,
}

const NL: Words = Words {
    sources: "Bronnen",
    law_notes: "Waar het actuele recht verder gaat dan de bronnen",
    checked: "gecontroleerd",
    to_fill: "Nog in te vullen",
    draft: "Concept van AVG-wijzer: lees het na en pas het aan voordat je het gebruikt.",
    record: "Verslag",
    bank: "vragenbank",
    made: "gemaakt op",
};

const EN: Words = Words {
    sources: "Sources",
    law_notes: "Where current law goes further than the sources",
    checked: "checked",
    to_fill: "Still to fill in",
    draft: "Draft by AVG-wijzer: read it through and adapt it before you use it.",
    record: "Record",
    bank: "question bank",
    made: "made on",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

impl LibraryItem {
    /// What the fact is, as a person is asked to fill it in.
    pub fn said(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (LibraryItem::Name, Lang::Nl) => "naam van de bibliotheek",
            (LibraryItem::Name, Lang::En) => "library name",
            (LibraryItem::Address, Lang::Nl) => "adres van de bibliotheek",
            (LibraryItem::Address, Lang::En) => "library address",
            (LibraryItem::Kvk, Lang::Nl) => "KvK-nummer van de bibliotheek",
            (LibraryItem::Kvk, Lang::En) => "the library's Chamber of Commerce (KvK) number",
            (LibraryItem::FgName, Lang::Nl) => "naam van de FG",
            (LibraryItem::FgName, Lang::En) => "name of the data protection officer (FG)",
            (LibraryItem::FgContact, Lang::Nl) => "contactgegevens van de FG",
            (LibraryItem::FgContact, Lang::En) => {
                "contact details of the data protection officer (FG)"
            }
            (LibraryItem::PrivacyContact, Lang::Nl) => "contactadres voor privacyvragen",
            (LibraryItem::PrivacyContact, Lang::En) => "contact address for privacy questions",
            (LibraryItem::SecurityMeasures, Lang::Nl) => "beveiligingsmaatregelen",
            (LibraryItem::SecurityMeasures, Lang::En) => "security measures",
            (LibraryItem::Retention, Lang::Nl) => "bewaartermijn van de bibliotheek",
            (LibraryItem::Retention, Lang::En) => "the library's retention period",
        }
    }
}

impl Missing {
    /// What is missing, as a person is asked to fill it in.
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (Missing::Fact(item), _) => item.said(lang).to_string(),
            (Missing::CampaignName, Lang::Nl) => "naam van de campagne".into(),
            (Missing::CampaignName, Lang::En) => "campaign name".into(),
            (Missing::Answer { prompt, .. }, Lang::Nl) => {
                format!("antwoord op de vraag {}", quoted(prompt))
            }
            (Missing::Answer { prompt, .. }, Lang::En) => {
                format!("answer to the question {}", quoted(prompt))
            }
            (Missing::Justification { prompt, .. }, Lang::Nl) => {
                format!("toelichting bij de vraag {}", quoted(prompt))
            }
            (Missing::Justification { prompt, .. }, Lang::En) => {
                format!("justification of the answer to {}", quoted(prompt))
            }
            (Missing::Register { label, .. }, Lang::Nl) => {
                format!("registerveld {}", quoted(label))
            }
            (Missing::Register { label, .. }, Lang::En) => {
                format!("register field {}", quoted(label))
            }
            (Missing::FgParticipant, Lang::Nl) => {
                "de FG onder de deelnemers van het verslag".into()
            }
            (Missing::FgParticipant, Lang::En) => {
                "the data protection officer (FG) among the record's participants".into()
            }
        }
    }

    /// How the gap shows in the document itself.
    pub fn marker(&self, lang: Lang) -> String {
        match (self, lang) {
            (Missing::Justification { .. }, Lang::Nl) => "[toelichting ontbreekt]".into(),
            (Missing::Justification { .. }, Lang::En) => "[justification missing]".into(),
            (_, Lang::Nl) => format!("[ontbreekt: {}]", self.said(lang)),
            (_, Lang::En) => format!("[missing: {}]", self.said(lang)),
        }
    }
}

impl Refusal {
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (Refusal::Blocked { decided: true }, Lang::Nl) => {
                "het plan mag volgens het advies niet zoals het is beantwoord; pas het eerst aan (zie het advies)".into()
            }
            (Refusal::Blocked { decided: true }, Lang::En) => {
                "the advice does not allow the plan as answered; change it first (see the advice)".into()
            }
            (Refusal::Blocked { decided: false }, Lang::Nl) => {
                "het advies kan het plan nog niet beoordelen; kies eerst wat nog open staat, zoals de grondslag (zie het advies)".into()
            }
            (Refusal::Blocked { decided: false }, Lang::En) => {
                "the advice cannot judge the plan yet; first decide what is still open, such as the legal basis (see the advice)".into()
            }
            (Refusal::NotCalledFor(actions), _) => {
                let titles: Vec<String> = actions.iter().map(|t| quoted(t.get(lang))).collect();
                match lang {
                    Lang::Nl => format!(
                        "het advies vraagt er niet om: het hoort bij {} {}, en die staat niet in het advies",
                        if titles.len() == 1 { "de actie" } else { "de acties" },
                        titles.join(" of ")
                    ),
                    Lang::En => format!(
                        "the advice does not call for it: it belongs with the action{} {}, which the advice does not give",
                        if titles.len() == 1 { "" } else { "s" },
                        titles.join(" or ")
                    ),
                }
            }
            (Refusal::OtherCase, Lang::Nl) => {
                "het is geschreven voor andere gevallen dan dat van dit verslag".into()
            }
            (Refusal::OtherCase, Lang::En) => {
                "it is written for other cases than this record's".into()
            }
        }
    }
}

impl DocumentError {
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (DocumentError::Altered(a), _) => a.said(lang),
            (DocumentError::Unfinished { id }, Lang::Nl) => format!(
                "verslag {id}: nog niet alle vragen zijn beantwoord; documenten komen uit het advies"
            ),
            (DocumentError::Unfinished { id }, Lang::En) => format!(
                "record {id}: not all questions are answered yet; documents come from the advice"
            ),
            (DocumentError::UnknownKind { kind, known }, Lang::Nl) => format!(
                "onbekende soort document {}; bekend: {}",
                quoted(kind),
                known.join(", ")
            ),
            (DocumentError::UnknownKind { kind, known }, Lang::En) => format!(
                "unknown kind of document {}; known: {}",
                quoted(kind),
                known.join(", ")
            ),
            (DocumentError::NotOffered { id, kind, why }, Lang::Nl) => format!(
                "verslag {id}: het document {kind} wordt niet aangeboden: {}",
                why.said(lang)
            ),
            (DocumentError::NotOffered { id, kind, why }, Lang::En) => format!(
                "record {id}: the document {kind} is not offered: {}",
                why.said(lang)
            ),
            (DocumentError::Exists(path), Lang::Nl) => format!(
                "{path}: bestaat al; een document overschrijft nooit een bestand, kies een andere naam"
            ),
            (DocumentError::Exists(path), Lang::En) => format!(
                "{path}: exists already; a document never replaces a file, choose another name"
            ),
            (DocumentError::Other(e), _) => crate::locale::store::said(e, lang),
        }
    }
}

/// `document ID` without a kind: the documents offered for the record, one a line.
pub fn offered(id: &str, kinds: &[(String, String)], lang: Lang) -> String {
    let mut s = match lang {
        Lang::Nl => format!("Documenten voor verslag {id}:\n"),
        Lang::En => format!("Documents for record {id}:\n"),
    };
    let width = kinds.iter().map(|(k, _)| k.len()).max().unwrap_or(0);
    for (kind, title) in kinds {
        s.push_str(&format!("  {kind:<width$}  {title}\n"));
    }
    s.push_str(match lang {
        Lang::Nl => "Maak er een met: avg-wijzer document ID SOORT [-o BESTAND]\n",
        Lang::En => "Make one with: avg-wijzer document ID KIND [-o FILE]\n",
    });
    s
}

/// `document ID` when no document is offered, and why.
pub fn none_offered(id: &str, why: Option<&Refusal>, lang: Lang) -> String {
    match (why, lang) {
        (Some(r @ Refusal::Blocked { .. }), Lang::Nl) => {
            format!("Geen documenten voor verslag {id}: {}.\n", r.said(lang))
        }
        (Some(r @ Refusal::Blocked { .. }), Lang::En) => {
            format!("No documents for record {id}: {}.\n", r.said(lang))
        }
        (_, Lang::Nl) => format!(
            "Geen documenten voor verslag {id}: het advies vraagt om geen van de acties waar een document bij hoort.\n"
        ),
        (_, Lang::En) => format!(
            "No documents for record {id}: the advice gives none of the actions a document belongs with.\n"
        ),
    }
}

/// The warning that a document still has gaps.
pub fn still_missing(items: &[Missing], lang: Lang) -> String {
    let list: Vec<String> = items.iter().map(|m| m.said(lang)).collect();
    match lang {
        Lang::Nl => format!("nog in te vullen in het document: {}", list.join("; ")),
        Lang::En => format!("still to fill in in the document: {}", list.join("; ")),
    }
}

/// The warning that the record was made with another bank than the one the document follows.
pub fn other_bank(id: &str, from: &crate::advice::BankRef, lang: Lang) -> String {
    let (version, hash) = (&from.version, from.short_hash());
    match lang {
        Lang::Nl => format!(
            "verslag {id} is gemaakt met vragenbank {version} (sha256 {hash}); het document volgt het advies van de huidige vragenbank. Open het verslag met avg-wijzer --resume {id} om ook het verslag bij te werken"
        ),
        Lang::En => format!(
            "record {id} was made with question bank {version} (sha256 {hash}); the document follows the advice of the current question bank. Open the record with avg-wijzer --resume {id} to bring the record up to date too"
        ),
    }
}
