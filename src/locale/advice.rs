//! The frame around the advice (headings, labels), wherever it is shown: screen, plain mode,
//! command output and exports. The legal texts themselves are in the bank.
use crate::text::Lang;

/// The interface's own words (headings, prompts), in both languages. The legal texts are in
/// the bank; these are only the frame around them.
pub struct Ui {
    pub advice: &'static str,
    pub campaign: &'static str,
    pub verdict: &'static str,
    pub findings: &'static str,
    pub why: &'static str,
    pub required: &'static str,
    pub recommended: &'static str,
    pub warnings: &'static str,
    pub law_notes: &'static str,
    pub checked: &'static str,
    pub sources: &'static str,
    pub answers: &'static str,
    /// Before the justification given with an answer.
    pub justification: &'static str,
    pub bank: &'static str,
    pub none: &'static str,
    pub no_actions: &'static str,
    /// What blocks a plan the bank does not allow, and what must be decided before it can judge.
    pub blocking: &'static str,
    pub to_decide: &'static str,
    /// The remedies, and what is said where none was found.
    pub remedies: &'static str,
    pub no_remedy: &'static str,
    /// Above the actions of a blocked advice: they apply to the changed plan.
    pub once_changed: &'static str,
    pub once_decided: &'static str,
    /// How a change reads: "<question> — leave out: <option>", "<new> instead of <old>".
    pub leave_out: &'static str,
    pub instead_of: &'static str,
    /// Before the second change of a remedy.
    pub and: &'static str,
    pub verdict_then: &'static str,
    pub adds: &'static str,
    pub drops: &'static str,
    /// A question the changed plan asks, and the answers it needs: a fact ("only if") or the
    /// library's own choice ("choose").
    pub then_asked: &'static str,
    pub only_if: &'static str,
    pub choose: &'static str,
    pub or: &'static str,
    pub any_answer: &'static str,
}

pub const UI_NL: Ui = Ui {
    advice: "Advies",
    campaign: "Campagne",
    verdict: "Oordeel",
    findings: "Bevindingen",
    why: "Waarom",
    required: "Verplichte acties",
    recommended: "Aanbevolen acties",
    warnings: "Waarschuwingen",
    law_notes: "Wat de huidige wet daaraan toevoegt",
    checked: "gecontroleerd",
    sources: "Bronnen",
    answers: "Antwoorden",
    justification: "Toelichting",
    bank: "Vragenbank",
    none: "geen",
    no_actions: "Geen acties nodig.",
    blocking: "Wat het plan tegenhoudt",
    to_decide: "Wat nog beslist moet worden",
    remedies: "Zo kan het wel",
    no_remedy: "Geen plan gevonden dat met één of twee wijzigingen wel kan.",
    once_changed: "Zodra het plan is aangepast",
    once_decided: "Zodra dat beslist is",
    leave_out: "weglaten",
    instead_of: "in plaats van",
    and: "En daarnaast",
    verdict_then: "Oordeel dan",
    adds: "Komt er in elk geval bij",
    drops: "Vervalt",
    then_asked: "Daarna gevraagd",
    only_if: "alleen bij",
    choose: "kies",
    or: "of",
    any_answer: "met elk antwoord blijft het plan toegestaan; welke acties erbij komen, kan van je antwoord afhangen",
};

pub const UI_EN: Ui = Ui {
    advice: "Advice",
    campaign: "Campaign",
    verdict: "Verdict",
    findings: "Findings",
    why: "Why",
    required: "Required actions",
    recommended: "Recommended actions",
    warnings: "Warnings",
    law_notes: "What current law adds",
    checked: "checked",
    sources: "Sources",
    answers: "Answers",
    justification: "Justification",
    bank: "Question bank",
    none: "none",
    no_actions: "No actions needed.",
    blocking: "What blocks the plan",
    to_decide: "What must still be decided",
    remedies: "How it can be done",
    no_remedy: "No plan found that one or two changes would make allowed.",
    once_changed: "Once the plan is changed",
    once_decided: "Once that is decided",
    leave_out: "leave out",
    instead_of: "instead of",
    and: "And also",
    verdict_then: "Verdict then",
    adds: "Adds in any case",
    drops: "No longer needed",
    then_asked: "Then asked",
    only_if: "only if",
    choose: "choose",
    or: "or",
    any_answer: "any answer keeps the plan allowed; which actions it adds may depend on your answer",
};

impl Lang {
    pub fn ui(self) -> &'static Ui {
        match self {
            Lang::Nl => &UI_NL,
            Lang::En => &UI_EN,
        }
    }
}
