//! How a command fails: an exit code and one message, said in the run's language only when
//! `main` prints it.
use crate::locale::commands;
use crate::text::Lang;

/// A failure of the input (exit 2), said when it is printed, in the run's language.
pub(super) fn bad(e: anyhow::Error) -> Failure {
    Failure {
        code: 2,
        message: Message::Error(e),
    }
}

/// A failure to report: the exit code and one message for stderr.
pub struct Failure {
    pub code: u8,
    pub message: Message,
}

/// What a failure says: a sentence made already, or an error said in the run's language
/// only when it is printed (so no command needs to pass the language down for it).
pub enum Message {
    Text(String),
    Error(anyhow::Error),
    /// Standard output could not be written.
    Output(std::io::Error),
}

impl Failure {
    pub fn bad_input(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: Message::Text(message.into()),
        }
    }

    /// A failure of the program's own work (exit 1).
    pub fn failed(e: anyhow::Error) -> Failure {
        Failure {
            code: 1,
            message: Message::Error(e),
        }
    }

    /// The message in `lang`.
    pub fn said(&self, lang: Lang) -> String {
        match &self.message {
            Message::Text(t) => t.clone(),
            Message::Error(e) => crate::locale::store::said(e, lang),
            Message::Output(e) => format!("{}: {e}", commands::output_failed(lang)),
        }
    }
}
