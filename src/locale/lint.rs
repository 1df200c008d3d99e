//! The lint's words: what is wrong with a bank, the report around it, and the notes not checked
//! for a while. The bank's ids, fields, values and texts are shown as the lint has always shown
//! them (between plain quotes, as written); the command line cleans them on the way to the
//! terminal.
use std::fmt;

use crate::bank::lint::stale::{Month, Stale};
use crate::bank::lint::{
    Answers, Defect, Field, FromLoader, Named, Place, Report, Section, Within,
};
use crate::text::Lang;

/// `n` with the English noun in the singular or plural as `n` asks.
fn count(n: u128, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

impl Section {
    pub fn said(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Section::Question, Lang::Nl) => "vraag",
            (Section::Question, Lang::En) => "question",
            (Section::Finding, Lang::Nl) => "bevinding",
            (Section::Finding, Lang::En) => "finding",
            (Section::Action, Lang::Nl) => "actie",
            (Section::Action, Lang::En) => "action",
            (Section::Warning, Lang::Nl) => "waarschuwing",
            (Section::Warning, Lang::En) => "warning",
            (Section::Note, Lang::Nl) => "notitie",
            (Section::Note, Lang::En) => "note",
            (Section::RegisterField, Lang::Nl) => "registerveld",
            (Section::RegisterField, Lang::En) => "register field",
            (Section::Conflict, _) => "conflict",
            (Section::Rule, Lang::Nl) => "regel",
            (Section::Rule, Lang::En) => "rule",
        }
    }
}

impl Place {
    /// `file: vraag "id", optie "o"`.
    pub fn said(&self, lang: Lang) -> String {
        let item = format!("{}: {} \"{}\"", self.file, self.section.said(lang), self.id);
        match (&self.within, lang) {
            (None, _) => item,
            (Some(Within::Option(o)), Lang::Nl) => format!("{item}, optie \"{o}\""),
            (Some(Within::Option(o)), Lang::En) => format!("{item}, option \"{o}\""),
            (Some(Within::Value(v)), Lang::Nl) => format!("{item}, waarde {v}"),
            (Some(Within::Value(v)), Lang::En) => format!("{item}, value {v}"),
            (Some(Within::Part(list, i)), _) => format!("{item}, {list}[{i}]"),
        }
    }
}

/// A field as the file names it, with the language of a text as its code: `prompt (en)`.
impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.lang {
            Some(lang) => write!(f, "{} ({})", self.path, lang.code()),
            None => f.write_str(&self.path),
        }
    }
}

impl Named {
    /// As `bank::Item::describe` names it in Dutch: `actie "x" (verplicht)`, `bevinding "f" = v`.
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (Named::Action { id, required: true }, Lang::Nl) => {
                format!("actie \"{id}\" (verplicht)")
            }
            (Named::Action { id, required: true }, Lang::En) => {
                format!("action \"{id}\" (required)")
            }
            (Named::Action { id, .. }, _) => format!("{} \"{id}\"", Section::Action.said(lang)),
            (Named::Warning(id), _) => format!("{} \"{id}\"", Section::Warning.said(lang)),
            (Named::Note(id), _) => format!("{} \"{id}\"", Section::Note.said(lang)),
            (Named::Finding { id, value }, _) => {
                format!("{} \"{id}\" = {value}", Section::Finding.said(lang))
            }
        }
    }
}

impl Answers {
    /// Where on the way a defect shows, with its preposition: `bij use_case="area_map"`, or
    /// `bij het begin` before any answer.
    pub fn said(&self, lang: Lang) -> String {
        if self.0.is_empty() {
            return match lang {
                Lang::Nl => "bij het begin",
                Lang::En => "at the start",
            }
            .to_string();
        }
        let answers = self
            .0
            .iter()
            .map(|(id, answer)| format!("{id}={answer}"))
            .collect::<Vec<_>>()
            .join(", ");
        match lang {
            Lang::Nl => format!("bij {answers}"),
            Lang::En => format!("after {answers}"),
        }
    }
}

/// Ids of the bank between quotes, in a list: `"a", "b"`.
fn quoted_list(ids: &[String]) -> String {
    ids.iter()
        .map(|id| format!("\"{id}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The loader's defect, said as the loader gives it (its Dutch line, for now): the one place
/// to change when the loader's defects are typed.
fn loader(d: &FromLoader, lang: Lang) -> String {
    d.said(lang)
}

impl Defect {
    pub fn said(&self, lang: Lang) -> String {
        use Defect as D;
        use Lang::{En, Nl};
        match (self, lang) {
            (D::Missing { place, field }, Nl) => format!("{}: {field} ontbreekt", place.said(Nl)),
            (D::Missing { place, field }, En) => {
                format!("{}: {field} is missing", place.said(En))
            }
            (D::Todo { place, field }, Nl) => {
                format!("{}: {field} is nog niet geschreven (TODO)", place.said(Nl))
            }
            (D::Todo { place, field }, En) => {
                format!("{}: {field} is not written yet (TODO)", place.said(En))
            }
            (D::NoSource { place }, Nl) => {
                format!("{}: geen bron (sources is leeg)", place.said(Nl))
            }
            (D::NoSource { place }, En) => {
                format!("{}: no source (sources is empty)", place.said(En))
            }
            (D::CheckedNotAMonth { place, found }, Nl) => format!(
                "{}: checked moet een maand zijn als \"2026-11\", gevonden \"{found}\"",
                place.said(Nl)
            ),
            (D::CheckedNotAMonth { place, found }, En) => format!(
                "{}: checked must be a month like \"2026-11\", found \"{found}\"",
                place.said(En)
            ),
            (
                D::CitesCurrentLaw {
                    place,
                    field,
                    citations,
                },
                Nl,
            ) => format!(
                "{}, {field} noemt een uitspraak of de datum van een wetswijziging: {}; zet die bewering in een gedateerde notitie (notes, met \"checked\") en verwijs daarnaar",
                place.said(Nl),
                quoted_list(citations)
            ),
            (
                D::CitesCurrentLaw {
                    place,
                    field,
                    citations,
                },
                En,
            ) => format!(
                "{}, {field} cites a judgment or the date a law changed: {}; put that statement in a dated note (notes, with \"checked\") and refer to it",
                place.said(En),
                quoted_list(citations)
            ),
            (D::StableIdsUnreadable(e), Nl) => {
                format!("assets/stable-ids.json is onleesbaar: {e}")
            }
            (D::StableIdsUnreadable(e), En) => {
                format!("assets/stable-ids.json cannot be read: {e}")
            }
            (D::StableQuestionMissing { id }, Nl) => {
                format!("vaste vraag \"{id}\" (docs/stable-ids.md) ontbreekt")
            }
            (D::StableQuestionMissing { id }, En) => {
                format!("stable question \"{id}\" (docs/stable-ids.md) is missing")
            }
            (D::StableQuestionKind { file, id, kind, is }, Nl) => {
                format!("{file}: vraag \"{id}\" moet van soort {kind} zijn, is {is}")
            }
            (D::StableQuestionKind { file, id, kind, is }, En) => {
                format!("{file}: question \"{id}\" must be of kind {kind}, is {is}")
            }
            (D::StableOptionMissing { file, id, option }, Nl) => {
                format!("{file}: vraag \"{id}\" mist de vaste optie \"{option}\"")
            }
            (D::StableOptionMissing { file, id, option }, En) => {
                format!("{file}: question \"{id}\" lacks the stable option \"{option}\"")
            }
            (D::DefaultNeeded { file, id }, Nl) => format!(
                "{file}: vraag \"{id}\" staat niet in docs/stable-ids.md en heeft dus een \"default\" nodig, zodat een antwoordbestand met alleen de vaste vragen altijd werkt"
            ),
            (D::DefaultNeeded { file, id }, En) => format!(
                "{file}: question \"{id}\" is not in docs/stable-ids.md and so needs a \"default\", so that an answers file with only the stable questions always works"
            ),
            (D::StableFindingMissing { id }, Nl) => {
                format!("vaste bevinding \"{id}\" (docs/stable-ids.md) ontbreekt")
            }
            (D::StableFindingMissing { id }, En) => {
                format!("stable finding \"{id}\" (docs/stable-ids.md) is missing")
            }
            (D::StableValueMissing { id, value }, Nl) => {
                format!("bevinding \"{id}\" mist de vaste waarde {value}")
            }
            (D::StableValueMissing { id, value }, En) => {
                format!("finding \"{id}\" lacks the stable value {value}")
            }
            (D::StableActionMissing { id }, Nl) => {
                format!("vaste actie \"{id}\" (docs/stable-ids.md) ontbreekt")
            }
            (D::StableActionMissing { id }, En) => {
                format!("stable action \"{id}\" (docs/stable-ids.md) is missing")
            }
            (
                D::TooManyTestedOptions {
                    place,
                    tested,
                    most,
                },
                Nl,
            ) => format!(
                "{}: voorwaarden testen {tested} opties; de lint kan hoogstens {most} combineren",
                place.said(Nl)
            ),
            (
                D::TooManyTestedOptions {
                    place,
                    tested,
                    most,
                },
                En,
            ) => format!(
                "{}: conditions test {tested} options; the lint can combine at most {most}",
                place.said(En)
            ),
            (
                D::LooksAhead {
                    place,
                    branch,
                    later,
                },
                Nl,
            ) => format!(
                "{}, next[{branch}].when kijkt naar {}, die pas later gesteld wordt",
                place.said(Nl),
                quoted_list(later)
            ),
            (
                D::LooksAhead {
                    place,
                    branch,
                    later,
                },
                En,
            ) => format!(
                "{}, next[{branch}].when looks at {}, asked only later",
                place.said(En),
                quoted_list(later)
            ),
            (D::DeadEnd { place, path }, Nl) => format!(
                "{}: geen enkele tak van \"next\" past (doodlopend pad) {}",
                place.said(Nl),
                path.said(Nl)
            ),
            (D::DeadEnd { place, path }, En) => format!(
                "{}: no branch of \"next\" fits (dead end) {}",
                place.said(En),
                path.said(En)
            ),
            (
                D::NoValue {
                    file,
                    finding,
                    path,
                },
                Nl,
            ) => format!(
                "{file}: pad zonder uitkomst: bevinding \"{finding}\" krijgt geen waarde (geen regel zet haar en er is geen default) {}",
                path.said(Nl)
            ),
            (
                D::NoValue {
                    file,
                    finding,
                    path,
                },
                En,
            ) => format!(
                "{file}: path without an outcome: finding \"{finding}\" gets no value (no rule sets it and it has no default) {}",
                path.said(En)
            ),
            (
                D::Conflict {
                    place,
                    items,
                    path,
                    why,
                },
                Nl,
            ) => format!(
                "{}: {} en {} staan samen in één advies {}; dat kan niet: {}",
                place.said(Nl),
                items[0].said(Nl),
                items[1].said(Nl),
                path.said(Nl),
                why.nl.trim()
            ),
            (
                D::Conflict {
                    place,
                    items,
                    path,
                    why,
                },
                En,
            ) => format!(
                "{}: {} and {} stand together in one piece of advice {}; that cannot be: {}",
                place.said(En),
                items[0].said(En),
                items[1].said(En),
                path.said(En),
                why.get(En).trim()
            ),
            (D::NeverAsked { place }, Nl) => {
                format!("{} wordt op geen enkel pad gesteld", place.said(Nl))
            }
            (D::NeverAsked { place }, En) => {
                format!("{} is not asked on any path", place.said(En))
            }
            (D::NeverApplies { place }, Nl) => {
                format!("{} is op geen enkel pad van toepassing", place.said(Nl))
            }
            (D::NeverApplies { place }, En) => {
                format!("{} does not apply on any path", place.said(En))
            }
            (D::NeverAdvised { place }, Nl) => {
                format!("{} wordt op geen enkel pad geadviseerd", place.said(Nl))
            }
            (D::NeverAdvised { place }, En) => {
                format!("{} is not advised on any path", place.said(En))
            }
            (D::NeverGiven { place }, Nl) => {
                format!("{} wordt op geen enkel pad gegeven", place.said(Nl))
            }
            (D::NeverGiven { place }, En) => {
                format!("{} is not given on any path", place.said(En))
            }
            (D::Loader(d), _) => loader(d, lang),
        }
    }
}

dutch_display!(Defect);

/// What the lint calls the bank built into the program.
pub fn embedded_bank(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "ingebouwde vragenbank",
        Lang::En => "built-in question bank",
    }
}

/// The heading of a bank that does not load (its defects follow).
pub fn does_not_load(origin: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{origin}: de vragenbank laadt niet"),
        Lang::En => format!("{origin}: the question bank does not load"),
    }
}

/// The last line after a list of defects.
pub fn defects_found(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{n} gebrek(en) gevonden."),
        Lang::En => format!("{} found.", count(n as u128, "defect", "defects")),
    }
}

/// The heading of a bank that loads: where it is from, its id and version.
pub fn heading(origin: &str, id: &str, version: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{origin}: vragenbank \"{id}\" versie {version}"),
        Lang::En => format!("{origin}: question bank \"{id}\" version {version}"),
    }
}

/// A defect as a line of the list.
fn item(d: &str) -> String {
    format!("  - {d}\n")
}

/// The lines of a list of defects said as is (the loader's), with the count.
pub fn listed(defects: &[String], lang: Lang) -> String {
    let mut out: String = defects.iter().map(|d| item(d)).collect();
    out.push_str(&defects_found(defects.len(), lang));
    out.push('\n');
    out
}

impl Report {
    /// Each defect on a line of its own, in `lang`.
    pub fn lines(&self, lang: Lang) -> Vec<String> {
        self.defects.iter().map(|d| d.said(lang)).collect()
    }

    /// The report under the heading: the counts, then each defect and how many, or that the
    /// bank is sound. Each line ends in a line break.
    pub fn said(&self, lang: Lang) -> String {
        let mut out = match (self.states > 0, lang) {
            (true, Lang::Nl) => format!(
                "  {} vragen, {} paden, {} verschillende uitkomsten ({} toestanden verkend)\n",
                self.questions, self.paths, self.outcomes, self.states
            ),
            (true, Lang::En) => format!(
                "  {}, {}, {} ({} explored)\n",
                count(self.questions as u128, "question", "questions"),
                count(self.paths, "path", "paths"),
                count(
                    self.outcomes as u128,
                    "distinct outcome",
                    "distinct outcomes"
                ),
                count(self.states as u128, "state", "states")
            ),
            (false, Lang::Nl) => format!(
                "  {} vragen; de paden zijn niet verkend door de gebreken hieronder\n",
                self.questions
            ),
            (false, Lang::En) => format!(
                "  {}; the paths were not explored because of the defects below\n",
                count(self.questions as u128, "question", "questions")
            ),
        };
        if self.is_sound() {
            out.push_str(match lang {
                Lang::Nl => "In orde: elke vraag is bereikbaar en elk pad eindigt in een volledig advies met bronnen.\n",
                Lang::En => "Sound: every question is reachable and every path ends in complete advice with sources.\n",
            });
        } else {
            let said = self.lines(lang);
            out.push_str(&listed(&said, lang));
        }
        out
    }
}

fn months(n: i64, lang: Lang) -> &'static str {
    match (n == 1, lang) {
        (true, Lang::Nl) => "maand",
        (false, Lang::Nl) => "maanden",
        (true, Lang::En) => "month",
        (false, Lang::En) => "months",
    }
}

impl Stale<'_> {
    /// One stale note: where, which, its title, when it was checked and how long ago.
    pub fn said(&self, lang: Lang) -> String {
        let (note, ago) = (self.note, self.months_ago);
        let title = note.title.get(lang).trim();
        match lang {
            Lang::Nl => format!(
                "{}: notitie \"{}\" ({title}): gecontroleerd in {}, {ago} {} geleden",
                note.file,
                note.id,
                note.checked,
                months(ago, lang)
            ),
            Lang::En => format!(
                "{}: note \"{}\" ({title}): checked in {}, {ago} {} ago",
                note.file,
                note.id,
                note.checked,
                months(ago, lang)
            ),
        }
    }
}

/// The lines about the notes `found` checked more than `limit` months before `now`, or that
/// there are none. Each line ends in a line break.
pub fn stale_list(found: &[Stale], now: Month, limit: u32, lang: Lang) -> String {
    let since = now.minus(limit);
    let limit_months = months(limit.into(), lang);
    if found.is_empty() {
        return match lang {
            Lang::Nl => format!(
                "Geen verouderde notities: elke notitie is in {since} of later gecontroleerd (hoogstens {limit} {limit_months} voor {now}).\n"
            ),
            Lang::En => format!(
                "No stale notes: every note was checked in {since} or later (at most {limit} {limit_months} before {now}).\n"
            ),
        };
    }
    let mut out = match lang {
        Lang::Nl => format!(
            "Verouderde notities, gecontroleerd voor {since} (meer dan {limit} {limit_months} voor {now}):\n"
        ),
        Lang::En => format!(
            "Stale notes, checked before {since} (more than {limit} {limit_months} before {now}):\n"
        ),
    };
    for s in found {
        out.push_str(&item(&s.said(lang)));
    }
    out.push_str(&match (found.len(), lang) {
        (n, Lang::Nl) => format!(
            "{n} verouderde notitie(s) gevonden; controleer ze tegen het actuele recht en zet \"checked\" op de maand van controle.\n"
        ),
        (1, Lang::En) => "1 stale note found; check it against current law and set \"checked\" to the month it was checked.\n".to_string(),
        (n, Lang::En) => format!(
            "{n} stale notes found; check them against current law and set \"checked\" to the month they were checked.\n"
        ),
    });
    out
}
