//! Compiling the documents: every action, note, question and register field they name
//! resolved, every placeholder one of the closed set, every text in both languages with the
//! same placeholders, and every document citing a source; each defect with its file and place.
use super::*;
use crate::bank::documents::{
    self as doc, Document, LibraryItem, Part as DocPart, Piece, Raw, Section, Slot, Template,
    TemplateError,
};

/// What can be wrong with a document, said by [`said`].
enum Defect<'a> {
    NotOffered,
    UnknownAction(&'a str),
    UnknownNote(&'a str),
    NoSections,
    NoParts,
    NoSources,
    MissingLanguage(&'static str),
    Template(TemplateError),
    UnknownPlaceholder(&'a str),
    UnknownQuestion(&'a str),
    UnknownRegisterField(&'a str),
    PlaceholdersDiffer,
    PlaceholderNotAllowed,
}

/// The one place a document's defect becomes a sentence, so the loader's messages can become
/// typed in one step.
fn said(place: &str, d: Defect) -> String {
    let what = match d {
        Defect::NotOffered => "\"offered_with\" is leeg: een document wordt alleen aangeboden bij acties van het advies".to_string(),
        Defect::UnknownAction(a) => format!("offered_with: onbekende actie \"{a}\""),
        Defect::UnknownNote(n) => format!("notes: onbekende notitie \"{n}\""),
        Defect::NoSections => "heeft geen secties".to_string(),
        Defect::NoParts => "heeft geen delen (parts)".to_string(),
        Defect::NoSources => "geen bron: geen enkele sectie of deel heeft \"sources\"".to_string(),
        Defect::MissingLanguage(lang) => format!("de tekst in \"{lang}\" ontbreekt"),
        Defect::Template(TemplateError::Unclosed) => "een { zonder }; schrijf {{ voor een accolade".to_string(),
        Defect::Template(TemplateError::Unopened) => "een } zonder {; schrijf }} voor een accolade".to_string(),
        Defect::Template(TemplateError::BadName(n)) => {
            format!("{{{n}}} is geen plaatshouder: gebruik letters, cijfers, _ en .")
        }
        Defect::UnknownPlaceholder(p) => format!(
            "onbekende plaatshouder {{{p}}}; bekend: {}, {{campaign.name}}, {{answer.VRAAG}}, {{justification.VRAAG}}, {{register.VELD}}, {{participants.fg}}, {{date}}",
            LibraryItem::ALL.map(|i| format!("{{{}}}", i.key())).join(", ")
        ),
        Defect::UnknownQuestion(q) => format!("plaatshouder met onbekende vraag \"{q}\""),
        Defect::UnknownRegisterField(f) => format!("plaatshouder met onbekend registerveld \"{f}\""),
        Defect::PlaceholdersDiffer => {
            "de Nederlandse en de Engelse tekst hebben niet dezelfde plaatshouders".to_string()
        }
        Defect::PlaceholderNotAllowed => "een titel of kop heeft geen plaatshouders".to_string(),
    };
    format!("{place}: {what}")
}

impl Compiler {
    pub(super) fn documents(
        &mut self,
        sources: Vec<(&str, doc::Source)>,
        register: &[RegisterField],
    ) -> Vec<Document> {
        let _: HashMap<_, usize> =
            self.index("document", sources.iter().map(|(f, d)| (*f, d.id.as_str())));
        sources
            .into_iter()
            .map(|(file, d)| self.document(file, d, register))
            .collect()
    }

    fn document(&mut self, file: &str, d: doc::Source, register: &[RegisterField]) -> Document {
        let place = format!("{file}: document \"{}\"", d.id);
        self.plain_text(&d.title, &format!("{place}, title"));
        if d.offered_with.is_empty() {
            self.defect(said(&place, Defect::NotOffered));
        }
        let offered_with = d
            .offered_with
            .iter()
            .filter_map(|a| {
                let id = self.actions.get(a).copied();
                if id.is_none() {
                    self.defect(said(&place, Defect::UnknownAction(a)));
                }
                id
            })
            .collect();
        let when = self.when(d.when.as_ref(), &format!("{place}, when"));
        if d.sections.is_empty() {
            self.defect(said(&place, Defect::NoSections));
        }
        let cited = d
            .sections
            .iter()
            .any(|s| !s.sources.is_empty() || s.parts.iter().any(|p| !p.sources.is_empty()));
        if !cited {
            self.defect(said(&place, Defect::NoSources));
        }
        let sections = d
            .sections
            .into_iter()
            .enumerate()
            .map(|(i, s)| self.section(s, &format!("{place}, sections[{i}]"), register))
            .collect();
        Document {
            id: d.id,
            title: d.title,
            offered_with,
            when,
            sections,
            file: file.to_string(),
        }
    }

    fn section(
        &mut self,
        s: doc::SectionSource,
        place: &str,
        register: &[RegisterField],
    ) -> Section {
        if let Some(h) = &s.heading {
            self.plain_text(h, &format!("{place}.heading"));
        }
        if s.parts.is_empty() {
            self.defect(said(place, Defect::NoParts));
        }
        let parts = s
            .parts
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let at = format!("{place}.parts[{i}]");
                DocPart {
                    when: self.when(p.when.as_ref(), &format!("{at}.when")),
                    text: self.template(&p.text, &format!("{at}.text"), register),
                    continues: p.continues,
                    notes: self.note_refs(&p.notes, &at),
                    sources: p.sources,
                }
            })
            .collect();
        Section {
            when: self.when(s.when.as_ref(), &format!("{place}.when")),
            notes: self.note_refs(&s.notes, place),
            heading: s.heading,
            parts,
            sources: s.sources,
        }
    }

    fn when(&mut self, v: Option<&Value>, at: &str) -> Cond {
        match v {
            Some(v) => self.cond(v, at),
            None => Cond::True,
        }
    }

    fn note_refs(&mut self, ids: &[String], place: &str) -> Vec<NId> {
        ids.iter()
            .filter_map(|n| {
                let id = self.notes.get(n).copied();
                if id.is_none() {
                    self.defect(said(place, Defect::UnknownNote(n)));
                }
                id
            })
            .collect()
    }

    /// A title or heading: both languages, no placeholders.
    fn plain_text(&mut self, t: &Text, place: &str) {
        for (lang, s) in [("nl", &t.nl), ("en", &t.en)] {
            if s.trim().is_empty() {
                self.defect(said(place, Defect::MissingLanguage(lang)));
            } else if doc::split(s)
                .map_or(true, |r| r.iter().any(|p| matches!(p, Raw::Placeholder(_))))
            {
                self.defect(said(place, Defect::PlaceholderNotAllowed));
            }
        }
    }

    /// A text with placeholders, resolved; both languages with the same placeholders.
    fn template(&mut self, t: &Text, place: &str, register: &[RegisterField]) -> Template {
        let mut pieces = [Vec::new(), Vec::new()];
        // Whether both languages were read whole, so that comparing them means something.
        let mut whole = true;
        for (i, (lang, s)) in [("nl", &t.nl), ("en", &t.en)].into_iter().enumerate() {
            let at = format!("{place} ({lang})");
            if s.trim().is_empty() {
                self.defect(said(&at, Defect::MissingLanguage(lang)));
                whole = false;
                continue;
            }
            match doc::split(s) {
                Err(e) => {
                    self.defect(said(&at, Defect::Template(e)));
                    whole = false;
                }
                Ok(raw) => {
                    pieces[i] = raw
                        .into_iter()
                        .filter_map(|r| match r {
                            Raw::Text(t) => Some(Piece::Text(t)),
                            Raw::Placeholder(name) => self
                                .slot(&name, register)
                                .map_err(|d| {
                                    self.defect(said(&at, d));
                                    whole = false;
                                })
                                .ok()
                                .map(Piece::Slot),
                        })
                        .collect();
                }
            }
        }
        let [nl, en] = pieces;
        let slots = |ps: &[Piece]| {
            let mut v: Vec<String> = ps
                .iter()
                .filter_map(|p| match p {
                    Piece::Slot(s) => Some(format!("{s:?}")),
                    Piece::Text(_) => None,
                })
                .collect();
            v.sort();
            v.dedup();
            v
        };
        if whole && slots(&nl) != slots(&en) {
            self.defect(said(place, Defect::PlaceholdersDiffer));
        }
        Template { nl, en }
    }

    fn slot<'a>(&self, name: &'a str, register: &[RegisterField]) -> Result<Slot, Defect<'a>> {
        if let Some(item) = LibraryItem::ALL.into_iter().find(|i| i.key() == name) {
            return Ok(Slot::Library(item));
        }
        match name {
            "campaign.name" => return Ok(Slot::CampaignName),
            "participants.fg" => return Ok(Slot::FgParticipants),
            "date" => return Ok(Slot::Date),
            _ => {}
        }
        let question = |q: &'a str| self.question_ref(q).map_err(|_| Defect::UnknownQuestion(q));
        match name.split_once('.') {
            Some(("answer", q)) => question(q).map(Slot::Answer),
            Some(("justification", q)) => question(q).map(Slot::Justification),
            Some(("register", f)) => register
                .iter()
                .position(|r| r.id == f)
                .map(Slot::Register)
                .ok_or(Defect::UnknownRegisterField(f)),
            _ => Err(Defect::UnknownPlaceholder(name)),
        }
    }
}
