//! Every word the program shows outside the question bank, in Dutch (the default) and English.
//! The legal texts are in the bank; what is here is the frame around them: the screens, the
//! plain mode's lines, the commands' output, and the sentences the lower layers' typed
//! errors and events become. No layer below this one builds a sentence for a person.
/// `Display` in Dutch, the interface's default language, for a type the locale says in either
/// language with `said(lang)`: what a log, a test or `{}` shows without asking for a language.
macro_rules! dutch_display {
    ($($t:ty),+ $(,)?) => {$(
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(&self.said($crate::text::Lang::Nl))
            }
        }
    )+};
}

pub mod advice;
pub mod answer;
pub mod answers;
pub mod bank;
pub mod campaign;
pub mod commands;
pub mod compare;
pub mod document;
pub mod documents;
pub mod guard;
pub mod json;
pub mod keys;
pub mod lines;
pub mod lint;
pub mod listing;
pub mod plain_documents;
pub mod plan;
pub mod profile;
pub mod recheck;
pub mod record;
pub mod register;
pub mod screen;
pub mod signature;
pub mod signoff;
pub mod store;
pub mod verify;
pub mod when;
