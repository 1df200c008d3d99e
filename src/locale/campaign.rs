//! The campaign's form and the notes, in words: the interface's form of the campaign (name,
//! short description, participants), the note editor's keys, the notes on the review and the
//! advice, and the plain mode's `campagne` and multi-line `notitie`.
use crate::text::Lang;

pub struct Words {
    pub title: &'static str,
    pub intro: &'static str,
    pub participants: &'static str,
    pub none: &'static str,
    pub person: &'static str,
    pub role: &'static str,
    pub saved: &'static str,
    pub unchanged: &'static str,
    pub full: &'static str,
    pub no_row: &'static str,
    /// Under the note editor: which keys save, break a line and cancel.
    pub note_keys: &'static str,
    /// On the editor's border when the note goes on below the rows shown.
    pub note_more: &'static str,
    /// The heading of the advice's notes section, and of the notes in an export.
    pub notes: &'static str,
    pub session: &'static str,
    /// The plain mode.
    pub plain_intro: &'static str,
    pub plain_name: &'static str,
    pub plain_description: &'static str,
    pub plain_participants: &'static str,
    pub plain_keep: &'static str,
    pub plain_note_start: &'static str,
}

const NL: Words = Words {
    title: "Campagne",
    intro: "Wat de campagne is en wie meedoen. Het doel staat bij de eerste vraag. Een wijziging komt in de geschiedenis van het verslag; na het aftekenen wordt het een nieuwe revisie.",
    participants: "Deelnemers (naam en rol)",
    none: "(nog geen deelnemers: Ctrl-N voegt er een toe)",
    person: "Naam",
    role: "Rol",
    saved: "Campagne gewijzigd.",
    unchanged: "Niets gewijzigd.",
    full: "Meer deelnemers passen niet in het verslag.",
    no_row: "Zet de cursor op een deelnemer om die weg te halen.",
    note_keys: "Enter: nieuwe regel · Ctrl-S: bewaren · Esc: annuleren",
    note_more: "meer: ↓",
    notes: "Notities",
    session: "Bij de hele sessie",
    plain_intro: "De campagne wijzigen. Enter houdt wat er staat; een streepje (-) maakt een veld leeg.",
    plain_name: "Naam van de campagne",
    plain_description: "Korte omschrijving: wat, voor wie en wanneer",
    plain_participants: "Deelnemers, gescheiden door komma's, elk als naam (rol)",
    plain_keep: "nu",
    plain_note_start: "Typ de notitie; een lege regel sluit haar af.",
};

const EN: Words = Words {
    title: "Campaign",
    intro: "What the campaign is and who take part. The aim is asked by the first question. A change goes into the record's history; after the sign-off it makes a new revision.",
    participants: "Participants (name and role)",
    none: "(no participants yet: Ctrl-N adds one)",
    person: "Name",
    role: "Role",
    saved: "Campaign changed.",
    unchanged: "Nothing changed.",
    full: "The record holds no more participants.",
    no_row: "Put the cursor on a participant to remove them.",
    note_keys: "Enter: new line · Ctrl-S: save · Esc: cancel",
    note_more: "more: ↓",
    notes: "Notes",
    session: "On the whole session",
    plain_intro: "Changing the campaign. Enter keeps what is there; a dash (-) empties a field.",
    plain_name: "Name of the campaign",
    plain_description: "Short description: what, for whom and when",
    plain_participants: "Participants, separated by commas, each as name (role)",
    plain_keep: "now",
    plain_note_start: "Type the note; an empty line ends it.",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}
