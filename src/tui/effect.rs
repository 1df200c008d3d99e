//! What `update` asks of the world, and what came of it. `update` does no I/O: it returns an
//! [`Effect`]; [`perform`] carries it out through the workflow layer and the result comes back
//! into `update` as a [`Done`] message. A change hands the open record over with the effect and
//! gets it back with the result, so the model changes in `update` only.
use std::path::PathBuf;

use zeroize::Zeroize;

use crate::app::{
    self, Changed, CompareError, DocumentError, Drafts, ExportError, Opened, PlanChange,
    PlanChanged, PlanError, ProfileError, ProfileSaved, Saved, SignOffError, Target, Viewed,
};
use crate::bank::QId;
use crate::engine::Answer;
use crate::profile::Profile;
use crate::record::{Campaign, Decision, Participant, Record, Refusal};
use crate::store::{EXPORT_MODE, LoadedProfile};
use crate::text::Lang;

use super::app::{ExportFormat, Origin, RegisterFormat};

/// What a screen goes to once a record is opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Then {
    /// The first open question, or the review.
    Continue,
    /// The sign-off form (asked for on a record opened to read).
    SignOff,
    /// The advice with this entry under the cursor, and the action plan's form on it (asked
    /// for on a record opened to read).
    Plan(usize),
}

pub enum Effect<'b> {
    Start {
        campaign: Campaign,
        participants: Vec<Participant>,
        lang: Lang,
    },
    Open {
        id: String,
        then: Then,
        /// The interface's language, which the advice is given in from now on.
        lang: Lang,
    },
    Read {
        id: String,
    },
    Answer {
        work: app::Work<'b>,
        q: QId,
        answer: Answer,
        /// The justification to save with the answer, when it changed (empty: taken away).
        justification: Option<String>,
        origin: Origin,
    },
    Note {
        work: app::Work<'b>,
        question: Option<QId>,
        text: String,
    },
    /// Change the campaign's name, description and participants.
    Campaign {
        work: app::Work<'b>,
        edit: crate::record::CampaignEdit,
    },
    SignOff {
        work: app::Work<'b>,
        form: SignOffFields,
        lang: Lang,
    },
    Export {
        record: Box<Record>,
        format: ExportFormat,
        path: String,
        force: bool,
        lang: Lang,
    },
    /// Change one item of the action plan.
    Plan {
        work: app::Work<'b>,
        action: String,
        change: PlanChange,
    },
    /// Read the library's profile, for its form.
    LoadProfile,
    /// Make the documents the advice of a stored record calls for.
    Documents {
        id: String,
        lang: Lang,
    },
    /// Write a document, rendered already, to a new file (never over one).
    WriteDocument {
        path: String,
        content: Vec<u8>,
    },
    /// Save the profile as the form edited it from `from`.
    SaveProfile {
        from: LoadedProfile,
        profile: Profile,
    },
    /// Write the processing register over the whole store to a file.
    Register {
        path: String,
        format: RegisterFormat,
        force: bool,
        lang: Lang,
    },
    /// Put the draft `id` in the archive, or (`restore`) the archived `id` back.
    Archive {
        id: String,
        restore: bool,
    },
    /// Read the archive's list.
    ListArchive,
    /// Compare two stored records, in the interface's language.
    Compare {
        which: Which,
        lang: Lang,
    },
    /// Write a comparison, rendered already, to a file (over one only when `force`).
    WriteComparison {
        path: String,
        content: Vec<u8>,
        format: crate::compare::Format,
        force: bool,
    },
}

/// Which two records to compare.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Which {
    /// A (the starting point) and B, by id.
    Two { a: String, b: String },
    /// The record and the revision it continues (which is A).
    Previous(String),
}

/// A comparison made, and the records in it that fail verification (said, not refused: a
/// comparison changes nothing).
pub struct Compared {
    pub comparison: Box<crate::compare::Comparison>,
    pub altered: Vec<crate::record::Altered>,
}

/// The sign-off form's fields as submitted. The passphrase is wiped once used.
pub struct SignOffFields {
    pub name: String,
    pub date: String,
    pub role: String,
    pub decision: Decision,
    pub conditions: String,
    pub remarks: String,
    pub also: Vec<crate::record::Signer>,
    pub key: String,
    pub passphrase: String,
}

impl Drop for SignOffFields {
    fn drop(&mut self) {
        self.passphrase.zeroize();
    }
}

/// What came of an effect.
pub enum Done<'b> {
    Started(app::Work<'b>, Saved),
    Opened(anyhow::Result<Opened<'b>>, Then),
    Read(anyhow::Result<Viewed>),
    Answered {
        work: app::Work<'b>,
        q: QId,
        origin: Origin,
        result: Result<Changed, Refusal>,
    },
    Noted {
        work: app::Work<'b>,
        /// Whether the note was cleared, to be said as removed.
        removed: bool,
        result: Result<Changed, Refusal>,
    },
    Campaigned {
        work: app::Work<'b>,
        result: Result<Changed, Refusal>,
    },
    Signed {
        work: app::Work<'b>,
        decision: Decision,
        result: Result<Changed, SignOffError>,
    },
    Exported {
        path: String,
        format: ExportFormat,
        result: Result<(), ExportError>,
    },
    Planned {
        work: app::Work<'b>,
        result: Result<PlanChanged, PlanError>,
    },
    ProfileLoaded(anyhow::Result<LoadedProfile>),
    ProfileSaved(Result<ProfileSaved, ProfileError>),
    Documents(Result<Drafts, DocumentError>),
    DocumentWritten {
        path: String,
        result: Result<(), DocumentError>,
    },
    Registered {
        path: String,
        format: RegisterFormat,
        result: Result<app::Registered, ExportError>,
    },
    Compared(Result<Compared, CompareError>),
    ComparisonWritten {
        path: String,
        format: crate::compare::Format,
        result: Result<(), CompareError>,
    },
    /// The record's full id, moved into the archive or (`restore`) out of it.
    Archived {
        restore: bool,
        result: anyhow::Result<String>,
    },
    ArchiveListed(anyhow::Result<Vec<super::app::Row>>),
}

/// Carries out `effect` through the workflow.
pub fn perform<'b>(wf: &app::Workflow<'b>, effect: Effect<'b>) -> Done<'b> {
    match effect {
        Effect::Start {
            campaign,
            participants,
            lang,
        } => {
            let (work, saved) = wf.start(campaign, participants, lang);
            Done::Started(work, saved)
        }
        Effect::Open { id, then, lang } => Done::Opened(wf.open_in(&id, lang), then),
        Effect::Read { id } => Done::Read(wf.read(&id)),
        Effect::Answer {
            mut work,
            q,
            answer,
            justification,
            origin,
        } => {
            let id = wf.bank.questions[q].id.as_str();
            let result = wf
                .answer(&mut work, q, answer)
                .and_then(|answered| match justification {
                    Some(text) => wf
                        .justify(&mut work, id, &text)
                        .map(|justified| answered.and(justified)),
                    None => Ok(answered),
                });
            Done::Answered {
                work,
                q,
                origin,
                result,
            }
        }
        Effect::Note {
            mut work,
            question,
            text,
        } => {
            let id = question.map(|q| wf.bank.questions[q].id.as_str());
            let result = wf.note(&mut work, id, &text);
            let removed = text.trim().is_empty();
            Done::Noted {
                work,
                removed,
                result,
            }
        }
        Effect::Campaign { mut work, edit } => {
            let result = wf.campaign(&mut work, &edit);
            Done::Campaigned { work, result }
        }
        Effect::SignOff {
            mut work,
            form,
            lang,
        } => {
            let input = app::SignOffInput {
                name: &form.name,
                role: &form.role,
                date: &form.date,
                decision: form.decision,
                conditions: &form.conditions,
                remarks: &form.remarks,
                also: &form.also,
            };
            let key = PathBuf::from(&form.key);
            let key = (!form.key.is_empty()).then_some(key.as_path());
            let result = wf.sign_off(&mut work, input, key, |_| {
                match form.passphrase.is_empty() {
                    true => Err(anyhow::anyhow!(
                        crate::locale::screen::words(lang).passphrase_needed
                    )),
                    false => Ok(form.passphrase.clone()),
                }
            });
            Done::Signed {
                work,
                decision: form.decision,
                result,
            }
        }
        Effect::Export {
            record,
            format,
            path,
            force,
            lang,
        } => {
            // `~` expanded and made absolute: what is said on success is where it went.
            let file = crate::store::export_path(&path);
            let target = Target::File {
                path: &file,
                force,
                mode: EXPORT_MODE,
            };
            let result = wf.export(&record, format, lang, target).map(|_| ());
            Done::Exported {
                path: file.display().to_string(),
                format,
                result,
            }
        }
        Effect::Plan {
            mut work,
            action,
            change,
        } => {
            let result = wf.plan(&mut work, &action, &change);
            Done::Planned { work, result }
        }
        Effect::LoadProfile => Done::ProfileLoaded(wf.profile()),
        Effect::Documents { id, lang } => Done::Documents(wf.drafts(&id, lang)),
        Effect::WriteDocument { path, content } => {
            let file = crate::store::export_path(&path);
            Done::DocumentWritten {
                result: app::write_document(&file, &content),
                path: file.display().to_string(),
            }
        }
        Effect::SaveProfile { from, profile } => {
            Done::ProfileSaved(wf.save_profile(&from, profile))
        }
        Effect::Register {
            path,
            format,
            force,
            lang,
        } => {
            let how = app::RegisterAs {
                format,
                lang,
                separator: ';',
            };
            // As every export: `~` expanded, and the path said is where it went.
            let file = crate::store::export_path(&path);
            let target = Target::File {
                path: &file,
                force,
                mode: EXPORT_MODE,
            };
            Done::Registered {
                result: wf.register(how, target),
                path: file.display().to_string(),
                format,
            }
        }
        Effect::Compare { which, lang } => {
            let read = match &which {
                Which::Two { a, b } => wf.compare_pair(a, b),
                Which::Previous(id) => wf.compare_previous(id),
            };
            Done::Compared(read.map(|read| {
                Compared {
                    comparison: Box::new(wf.comparison(&read, lang)),
                    altered: [read.a.altered, read.b.altered]
                        .into_iter()
                        .flatten()
                        .collect(),
                }
            }))
        }
        Effect::WriteComparison {
            path,
            content,
            format,
            force,
        } => {
            // As every export: `~` expanded, and the path said is where it went.
            let file = crate::store::export_path(&path);
            Done::ComparisonWritten {
                result: app::write_comparison(&file, &content, force, EXPORT_MODE),
                path: file.display().to_string(),
                format,
            }
        }
        Effect::Archive { id, restore } => {
            let result = in_store(wf).and_then(|store| match restore {
                true => app::restore(store, &id),
                false => app::archive(store, &id),
            });
            Done::Archived { restore, result }
        }
        Effect::ListArchive => Done::ArchiveListed(in_store(wf).and_then(|store| {
            let listing = app::list_archived(store)?;
            Ok(listing
                .records
                .into_iter()
                .map(super::app::Row::from)
                .collect())
        })),
    }
}

/// The workflow's store; none when trying the questions out.
fn in_store<'w>(wf: &'w app::Workflow) -> anyhow::Result<&'w crate::store::Store> {
    wf.store()
        .ok_or_else(|| crate::store::StoreError::NoStore.into())
}
