//! Every word the program shows outside the question bank, in Dutch (the default) and English.
//! The legal texts are in the bank; what is here is the frame around them: the screens, the
//! plain mode's lines, the commands' output, and the sentences the lower layers' typed
//! errors and events become. No layer below this one builds a sentence for a person.
pub mod advice;
pub mod answer;
pub mod answers;
pub mod bank;
pub mod commands;
pub mod compare;
pub mod document;
pub mod guard;
pub mod json;
pub mod keys;
pub mod lines;
pub mod lint;
pub mod profile;
pub mod plan;
pub mod record;
pub mod register;
pub mod screen;
pub mod signature;
pub mod store;
pub mod verify;
pub mod when;
