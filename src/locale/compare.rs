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
    /// The campaign's parts, where they differ, and the column naming them.
    pub campaign_part: &'static str,
    pub campaign_parts: [&'static str; 3],
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
    campaign_part: "Onderdeel",
    campaign_parts: ["Naam", "Korte omschrijving", "Deelnemers"],
    findings: "Bevindingen",
    finding: "Bevinding",
    one_has_advice: "maar één van beide heeft al een advies",
    required: "Verplichte acties",
    recommended: "Aanbevolen acties",
    remedies: "Zo kan het wel",
    verdict_then: "oordeel dan",
    added: "Erbij in B",
    dropped: "Niet meer in B",
    no_differences: "Geen verschillen in campagne, antwoorden, bevindingen of acties.",
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
    campaign_part: "Part",
    campaign_parts: ["Name", "Short description", "Participants"],
    findings: "Findings",
    finding: "Finding",
    one_has_advice: "only one of them has advice yet",
    required: "Required actions",
    recommended: "Recommended actions",
    remedies: "How it can be done",
    verdict_then: "verdict then",
    added: "New in B",
    dropped: "No longer in B",
    no_differences: "No differences in the campaign, answers, findings or actions.",
    same: "the same",
    none: "-",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// The comparison in the full-screen interface: the start screen's mark, the screen itself and
/// its export.
pub struct ScreenWords {
    /// The screen's name in the header.
    pub screen: &'static str,
    /// "gemarkeerd: <campaign> — <then_compare>".
    pub marked: &'static str,
    pub then_compare: &'static str,
    pub unmarked: &'static str,
    pub mark_first: &'static str,
    /// `c`, `m` or `v` on the line of a new assessment.
    pub choose_record: &'static str,
    /// `c` on the marked record itself.
    pub other_record: &'static str,
    /// `v` on a record that continues none: what to do instead, in this front end's keys.
    pub no_previous: &'static str,
    /// The sides' headings: "A (uitgangspunt)".
    pub side_a: &'static str,
    pub side_b: &'static str,
    pub export_title: &'static str,
    pub format_md: &'static str,
    pub format_html: &'static str,
    pub export_note: &'static str,
    pub written: &'static str,
    /// The start of the file name an export suggests.
    pub file_stem: &'static str,
}

const SCREEN_NL: ScreenWords = ScreenWords {
    screen: "Vergelijking",
    marked: "gemarkeerd",
    then_compare: "kies een tweede verslag en druk c",
    unmarked: "Markering weggehaald.",
    mark_first: "Markeer eerst een verslag met m, kies dan een tweede en druk c.",
    choose_record: "Kies eerst een verslag in de lijst.",
    other_record: "Kies een ander verslag dan het gemarkeerde en druk c.",
    no_previous: "Dit verslag heeft geen vorige revisie: het is de eerste. Vergelijk het met een ander verslag: m op het ene, c op het andere.",
    side_a: "A (uitgangspunt)",
    side_b: "B",
    export_title: "Vergelijking exporteren",
    format_md: "Markdown (.md)",
    format_html: "HTML (.html), om af te drukken",
    export_note: "Enter schrijft het bestand. Een bestaand bestand wordt alleen na bevestiging vervangen. Het bestand is alleen voor jou leesbaar.",
    written: "Vergelijking geschreven naar",
    file_stem: "vergelijking",
};

const SCREEN_EN: ScreenWords = ScreenWords {
    screen: "Comparison",
    marked: "marked",
    then_compare: "choose a second record and press c",
    unmarked: "Mark removed.",
    mark_first: "First mark a record with m, then choose a second one and press c.",
    choose_record: "First choose a record in the list.",
    other_record: "Choose another record than the marked one and press c.",
    no_previous: "This record has no previous revision: it is the first. Compare it with another record: m on the one, c on the other.",
    side_a: "A (starting point)",
    side_b: "B",
    export_title: "Export the comparison",
    format_md: "Markdown (.md)",
    format_html: "HTML (.html), to print",
    export_note: "Enter writes the file. An existing file is replaced only after you confirm. The file is readable by you only.",
    written: "Comparison written to",
    file_stem: "comparison",
};

pub fn screen_words(lang: Lang) -> &'static ScreenWords {
    match lang {
        Lang::Nl => &SCREEN_NL,
        Lang::En => &SCREEN_EN,
    }
}

/// The status line after `m`: which record is A, and what to do next.
pub fn marked(campaign: &str, lang: Lang) -> String {
    let w = screen_words(lang);
    let name = match campaign.trim() {
        "" => crate::locale::record::untitled(lang),
        _ => campaign,
    };
    // A campaign's name is a record's text: it may hold anything.
    let name = crate::json::escape_controls(name);
    format!("{}: {name} — {}", w.marked, w.then_compare)
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
