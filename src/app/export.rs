//! Exports of a record: the stored record by id (the command line), or the record on screen.
//! JSON is the record file's own bytes, so that the export verifies as the file does.
use std::path::Path;

use anyhow::Result;

use super::Workflow;
use crate::export::{self, Format};
use crate::record::{self, Record};
use crate::store;
use crate::text::Lang;

/// Where an export goes.
#[derive(Debug, Clone, Copy)]
pub enum Target<'a> {
    /// Returned, for standard output.
    Out,
    /// A file; an existing one is replaced only when `force` is given.
    File {
        path: &'a Path,
        force: bool,
        mode: u32,
    },
}

/// Why an export was not made.
#[derive(Debug)]
pub enum ExportError {
    /// The file exists and was not to be replaced: the interface asks, the command line says
    /// how to replace it.
    Exists(store::AlreadyExists),
    /// The record failed verification: only a record that holds goes to the register.
    Altered(record::Altered),
    /// A signature was asked of a record that was signed off without a key.
    NoSignature {
        id: String,
    },
    Other(anyhow::Error),
}

impl From<anyhow::Error> for ExportError {
    fn from(e: anyhow::Error) -> ExportError {
        match e.downcast::<store::AlreadyExists>() {
            Ok(exists) => ExportError::Exists(exists),
            Err(e) => ExportError::Other(e),
        }
    }
}

impl Workflow<'_> {
    /// Exports the stored record `id` (or the start of one). Only a record that holds is
    /// exported: an export would pass an altered one on as if it were the one that was saved.
    /// The file is read once, so what is checked is what is exported. Returns the content
    /// when the target is [`Target::Out`].
    pub fn export_stored(
        &self,
        id: &str,
        format: Format,
        lang: Lang,
        target: Target,
    ) -> Result<Option<Vec<u8>>, ExportError> {
        self.export_stored_with(id, format, lang, target, export::SEPARATOR)
    }

    /// [`Workflow::export_stored`], with `separator` between the cells of a CSV.
    pub fn export_stored_with(
        &self,
        id: &str,
        format: Format,
        lang: Lang,
        target: Target,
        separator: char,
    ) -> Result<Option<Vec<u8>>, ExportError> {
        let path = self.store_or_fail()?.resolve(id)?;
        let (loaded, text) = store::read_checked_text(&path)?;
        let record = loaded.intact(self.bank).map_err(ExportError::Altered)?;
        let stored = Some(text.into_bytes());
        self.write(&record, format, lang, stored, target, separator)
    }

    /// Exports a record on screen; JSON is its file in the store when it has one.
    pub fn export(
        &self,
        record: &Record,
        format: Format,
        lang: Lang,
        target: Target,
    ) -> Result<Option<Vec<u8>>, ExportError> {
        let stored = match (format, &self.store) {
            (Format::Json, Some(s)) => match s.resolve(&record.id) {
                Ok(file) => Some(store::read_bytes(&file)?),
                // Not saved (yet): written as it would be saved.
                Err(_) => None,
            },
            _ => None,
        };
        self.write(record, format, lang, stored, target, export::SEPARATOR)
    }

    fn write(
        &self,
        record: &Record,
        format: Format,
        lang: Lang,
        stored: Option<Vec<u8>>,
        target: Target,
        separator: char,
    ) -> Result<Option<Vec<u8>>, ExportError> {
        if format == Format::Sig && record.signature.is_none() {
            return Err(ExportError::NoSignature {
                id: record.id.clone(),
            });
        }
        let content = export::render_with(record, format, lang, stored, separator);
        match target {
            Target::Out => Ok(Some(content)),
            Target::File { path, force, mode } => {
                store::write_export(path, &content, force, mode)?;
                Ok(None)
            }
        }
    }
}
