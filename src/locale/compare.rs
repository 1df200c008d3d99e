//! The comparison of two records in words.
use crate::text::Lang;

pub struct Words {
    pub other_bank: &'static str,
    pub not_asked: &'static str,
    pub answers: &'static str,
    pub justifications: &'static str,
    pub findings: &'static str,
    pub one_has_advice: &'static str,
    pub actions: &'static str,
    pub no_differences: &'static str,
    pub same: &'static str,
}

const NL: Words = Words {
    other_bank: "Let op, andere vragenbank:",
    not_asked: "(niet gevraagd)",
    answers: "Antwoorden",
    justifications: "Toelichtingen",
    findings: "Bevindingen",
    one_has_advice: "maar één van beide heeft al een advies",
    actions: "Acties",
    no_differences: "Geen verschillen in antwoorden, bevindingen of acties.",
    same: "gelijk",
};

const EN: Words = Words {
    other_bank: "Note, different question banks:",
    not_asked: "(not asked)",
    answers: "Answers",
    justifications: "Justifications",
    findings: "Findings",
    one_has_advice: "only one of them has advice yet",
    actions: "Actions",
    no_differences: "No differences in answers, findings or actions.",
    same: "the same",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}
