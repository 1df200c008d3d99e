//! The comparison of two records in words: the frame around the bank's and the records' texts.
use crate::app::CompareError;
use crate::text::Lang;

pub struct Words {
    /// The heading of an exported comparison.
    pub title: &'static str,
    pub record: &'static str,
    pub campaign: &'static str,
    pub revision: &'static str,
    pub status: &'static str,
    pub bank: &'static str,
    pub other_bank: &'static str,
    /// Where a record's texts come from, when not from the current bank.
    pub texts_of_record: &'static str,
    pub texts_ids: &'static str,
    pub not_asked: &'static str,
    pub not_answered: &'static str,
    pub no_advice: &'static str,
    pub verdict: &'static str,
    pub answers: &'static str,
    pub question: &'static str,
    pub justification: &'static str,
    pub note: &'static str,
    pub session_note: &'static str,
    pub findings: &'static str,
    pub finding: &'static str,
    pub one_has_advice: &'static str,
    pub required: &'static str,
    pub recommended: &'static str,
    pub remedies: &'static str,
    pub verdict_then: &'static str,
    /// What B has and A has not, and the other way round.
    pub added: &'static str,
    pub dropped: &'static str,
    pub no_differences: &'static str,
    pub same: &'static str,
    /// A justification or note not given.
    pub none: &'static str,
}

const NL: Words = Words {
    title: "Vergelijking van twee verslagen",
    record: "Verslag",
    campaign: "Campagne",
    revision: "revisie",
    status: "Status",
    bank: "Vragenbank",
    other_bank: "Let op, andere vragenbank:",
    texts_of_record: "teksten zoals het verslag ze toonde",
    texts_ids: "alleen de ids: de vragenbank van dit verslag is niet geladen",
    not_asked: "(niet gevraagd)",
    not_answered: "(nog niet beantwoord)",
    no_advice: "(nog geen advies)",
    verdict: "Oordeel",
    answers: "Antwoorden",
    question: "Vraag",
    justification: "Toelichting",
    note: "Notitie",
    session_note: "Notitie bij de hele beoordeling",
    findings: "Bevindingen",
    finding: "Bevinding",
    one_has_advice: "maar één van beide heeft al een advies",
    required: "Verplichte acties",
    recommended: "Aanbevolen acties",
    remedies: "Zo kan het wel",
    verdict_then: "oordeel dan",
    added: "Erbij in B",
    dropped: "Niet meer in B",
    no_differences: "Geen verschillen in antwoorden, bevindingen of acties.",
    same: "gelijk",
    none: "-",
};

const EN: Words = Words {
    title: "Comparison of two records",
    record: "Record",
    campaign: "Campaign",
    revision: "revision",
    status: "Status",
    bank: "Question bank",
    other_bank: "Note, different question banks:",
    texts_of_record: "texts as the record showed them",
    texts_ids: "ids only: the question bank of this record is not loaded",
    not_asked: "(not asked)",
    not_answered: "(not answered yet)",
    no_advice: "(no advice yet)",
    verdict: "Verdict",
    answers: "Answers",
    question: "Question",
    justification: "Justification",
    note: "Note",
    session_note: "Note on the whole assessment",
    findings: "Findings",
    finding: "Finding",
    one_has_advice: "only one of them has advice yet",
    required: "Required actions",
    recommended: "Recommended actions",
    remedies: "How it can be done",
    verdict_then: "verdict then",
    added: "New in B",
    dropped: "No longer in B",
    no_differences: "No differences in answers, findings or actions.",
    same: "the same",
    none: "-",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

impl CompareError {
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (CompareError::NoPrevious { id }, Lang::Nl) => format!(
                "verslag {id} heeft geen vorige revisie: het is de eerste; vergelijk het met een ander verslag (compare {id} ID)"
            ),
            (CompareError::NoPrevious { id }, Lang::En) => format!(
                "record {id} has no previous revision: it is the first; compare it with another record (compare {id} ID)"
            ),
            (CompareError::PreviousGone { id, previous }, Lang::Nl) => format!(
                "de vorige revisie van verslag {id}, {previous}, staat niet (meer) in de opslag"
            ),
            (CompareError::PreviousGone { id, previous }, Lang::En) => format!(
                "the previous revision of record {id}, {previous}, is not in the store (any more)"
            ),
            (CompareError::Exists(path), _) => crate::store::AlreadyExists(path.clone()).said(lang),
            (CompareError::Other(e), _) => crate::locale::store::said(e, lang),
        }
    }
}
