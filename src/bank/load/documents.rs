//! Compiling the documents: every action, note, question and register field they name
//! resolved, every placeholder one of the closed set, every text in both languages with the
//! same placeholders, and every document citing a source; each defect with its file and place
//! (said by `crate::locale::bank`).
use super::*;
use crate::bank::documents::{
    self as doc, Document, LibraryItem, Part as DocPart, Piece, Raw, Section, Slot, Template,
};

impl Compiler {
    pub(super) fn documents(
        &mut self,
        sources: Vec<(&str, doc::Source)>,
        register: &[RegisterField],
    ) -> Vec<Document> {
        let _: HashMap<_, usize> = self.index(
            Noun::Document,
            sources.iter().map(|(f, d)| (*f, d.id.as_str())),
        );
        sources
            .into_iter()
            .map(|(file, d)| self.document(file, d, register))
            .collect()
    }

    fn document(&mut self, file: &str, d: doc::Source, register: &[RegisterField]) -> Document {
        let place = Place::item(file, Noun::Document, &d.id);
        self.plain_text(&d.title, &place.then("title"));
        if d.offered_with.is_empty() {
            self.defect(&place, DefectKind::NotOffered);
        }
        let offered_with = d
            .offered_with
            .iter()
            .filter_map(|a| {
                let id = self.actions.get(a).copied();
                if id.is_none() {
                    self.defect(&place, DefectKind::UnknownOfferedWith { action: a.clone() });
                }
                id
            })
            .collect();
        let when = self.when(d.when.as_ref(), &place.then("when"));
        if d.sections.is_empty() {
            self.defect(&place, DefectKind::NoSections);
        }
        let cited = d
            .sections
            .iter()
            .any(|s| !s.sources.is_empty() || s.parts.iter().any(|p| !p.sources.is_empty()));
        if !cited {
            self.defect(&place, DefectKind::NoSources);
        }
        let sections = d
            .sections
            .into_iter()
            .enumerate()
            .map(|(i, s)| self.section(s, &place.then(format!("sections[{i}]")), register))
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
        place: &Place,
        register: &[RegisterField],
    ) -> Section {
        if let Some(h) = &s.heading {
            self.plain_text(h, &place.key("heading"));
        }
        if s.parts.is_empty() {
            self.defect(place, DefectKind::NoParts);
        }
        let parts = s
            .parts
            .into_iter()
            .enumerate()
            .map(|(i, p)| {
                let at = place.key("parts").index(i);
                DocPart {
                    when: self.when(p.when.as_ref(), &at.key("when")),
                    text: self.template(&p.text, &at.key("text"), register),
                    continues: p.continues,
                    notes: self.note_refs(&p.notes, &at),
                    sources: p.sources,
                }
            })
            .collect();
        Section {
            when: self.when(s.when.as_ref(), &place.key("when")),
            notes: self.note_refs(&s.notes, place),
            heading: s.heading,
            parts,
            sources: s.sources,
        }
    }

    fn when(&mut self, v: Option<&Value>, at: &Place) -> Cond {
        match v {
            Some(v) => self.cond(v, at),
            None => Cond::True,
        }
    }

    fn note_refs(&mut self, ids: &[String], place: &Place) -> Vec<NId> {
        ids.iter()
            .filter_map(|n| {
                let id = self.notes.get(n).copied();
                if id.is_none() {
                    self.defect(place, DefectKind::UnknownNoteRef { note: n.clone() });
                }
                id
            })
            .collect()
    }

    /// A title or heading: both languages, no placeholders.
    fn plain_text(&mut self, t: &Text, place: &Place) {
        for (lang, s) in [("nl", &t.nl), ("en", &t.en)] {
            if s.trim().is_empty() {
                self.defect(place, DefectKind::MissingLanguage { lang });
            } else if doc::split(s)
                .map_or(true, |r| r.iter().any(|p| matches!(p, Raw::Placeholder(_))))
            {
                self.defect(place, DefectKind::PlaceholderNotAllowed);
            }
        }
    }

    /// A text with placeholders, resolved; both languages with the same placeholders.
    fn template(&mut self, t: &Text, place: &Place, register: &[RegisterField]) -> Template {
        let mut pieces = [Vec::new(), Vec::new()];
        // Whether both languages were read whole, so that comparing them means something.
        let mut whole = true;
        for (i, (lang, s)) in [("nl", &t.nl), ("en", &t.en)].into_iter().enumerate() {
            let at = place.in_language(lang);
            if s.trim().is_empty() {
                self.defect(&at, DefectKind::MissingLanguage { lang });
                whole = false;
                continue;
            }
            match doc::split(s) {
                Err(e) => {
                    self.defect(&at, DefectKind::Template(e));
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
                                    self.defect(&at, d);
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
            self.defect(place, DefectKind::PlaceholdersDiffer);
        }
        Template { nl, en }
    }

    fn slot(&self, name: &str, register: &[RegisterField]) -> Result<Slot, DefectKind> {
        if let Some(item) = LibraryItem::ALL.into_iter().find(|i| i.key() == name) {
            return Ok(Slot::Library(item));
        }
        match name {
            "campaign.name" => return Ok(Slot::CampaignName),
            "participants.fg" => return Ok(Slot::FgParticipants),
            "date" => return Ok(Slot::Date),
            _ => {}
        }
        let unknown = |noun, id: &str| DefectKind::UnknownInPlaceholder {
            noun,
            id: id.to_string(),
        };
        let question = |q: &str| self.question_ref(q).map_err(|_| unknown(Noun::Question, q));
        match name.split_once('.') {
            Some(("answer", q)) => question(q).map(Slot::Answer),
            Some(("justification", q)) => question(q).map(Slot::Justification),
            Some(("register", f)) => register
                .iter()
                .position(|r| r.id == f)
                .map(Slot::Register)
                .ok_or_else(|| unknown(Noun::RegisterField, f)),
            _ => Err(DefectKind::UnknownPlaceholder {
                name: name.to_string(),
            }),
        }
    }
}
