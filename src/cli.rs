//! The command line: arguments, and the headless subcommands. Each subcommand reads its input,
//! asks the engine, and prints; errors go to stderr with nothing on stdout.
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::advice::Advice;
use crate::bank::{Bank, lint};
use crate::text::Lang;
use crate::{answers, plain, store};

#[derive(Debug, Parser)]
#[command(
    name = "avg-wijzer",
    version,
    about = "AVG-wijzer: is deze marketingcampagne met Whize AVG-proof? / GDPR advice for library marketing with Whize",
    long_about = None
)]
pub struct Args {
    /// Toegankelijke modus: vraag voor vraag op gewone regels, zonder volledig scherm
    /// (ook vanzelf als de uitvoer geen terminal is of TERM=dumb)
    #[arg(long, global = true)]
    pub plain: bool,
    /// Map met de verslagen (records); ook via AVG_WIJZER_STORE
    #[arg(long, global = true, value_name = "DIR", env = "AVG_WIJZER_STORE")]
    pub store: Option<PathBuf>,
    /// Gebruik deze vragenbank in plaats van de ingebouwde
    #[arg(long, global = true, value_name = "DIR")]
    pub questions: Option<PathBuf>,
    /// Taal van de uitvoer
    #[arg(long, global = true, value_enum, default_value_t = Lang::Nl)]
    pub lang: Lang,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Geef advies bij een antwoordbestand (slaat niets op)
    Advise {
        /// Het antwoordbestand (JSON); - leest standaardinvoer
        #[arg(long, value_name = "FILE")]
        answers: String,
        /// Vorm van het advies
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
    /// Controleer een vragenbank: elk pad, elke bron, elke vaste id
    Lint {
        /// De map met de vragenbank (standaard: de ingebouwde)
        dir: Option<PathBuf>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Md,
    Json,
}

/// A failure to report: the exit code and one message for stderr.
pub struct Failure {
    pub code: u8,
    pub message: String,
}

impl Failure {
    pub fn bad_input(message: impl Into<String>) -> Failure {
        Failure {
            code: 2,
            message: message.into(),
        }
    }
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    match &args.command {
        Some(Command::Lint { dir }) => lint_command(dir.as_ref().or(args.questions.as_ref())),
        Some(Command::Advise { answers, format }) => {
            let bank = load_bank(&args)?;
            advise(&bank, answers, *format, args.lang)
        }
        None => {
            let bank = load_bank(&args)?;
            plain::run(
                &bank,
                args.lang,
                &mut std::io::stdin().lock(),
                &mut std::io::stdout().lock(),
            )
            .map_err(|e| Failure {
                code: 1,
                message: format!("{e:#}"),
            })
        }
    }
}

/// Whether to use the plain mode when no front end was asked for.
pub fn wants_plain(args: &Args) -> bool {
    args.plain
        || !std::io::stdout().is_terminal()
        || std::env::var("TERM").is_ok_and(|t| t == "dumb")
}

pub fn load_bank(args: &Args) -> Result<Bank, Failure> {
    match &args.questions {
        None => Bank::embedded().map_err(|e| Failure {
            code: 1,
            message: format!("ingebouwde vragenbank is kapot:\n{e}"),
        }),
        Some(dir) => {
            let files =
                store::read_bank_dir(dir).map_err(|e| Failure::bad_input(format!("{e:#}")))?;
            Bank::from_bytes(&files, &dir.display().to_string()).map_err(|e| {
                Failure::bad_input(format!("vragenbank {} geweigerd:\n{e}", dir.display()))
            })
        }
    }
}

fn advise(bank: &Bank, path: &str, format: Format, lang: Lang) -> Result<ExitCode, Failure> {
    let src = store::read_input(path).map_err(|e| Failure::bad_input(format!("{e:#}")))?;
    let name = if path == "-" { "standaardinvoer" } else { path };
    let a = answers::assess(bank, name, &src).map_err(Failure::bad_input)?;
    for n in &a.notices {
        eprintln!("avg-wijzer: let op: {n}");
    }
    let advice = Advice::new(
        bank,
        &a.session,
        &a.outcome,
        a.campaign.name.as_deref(),
        lang,
    );
    let out = match format {
        Format::Text => advice.to_text(),
        Format::Md => advice.to_markdown(),
        Format::Json => advice.to_json() + "\n",
    };
    print_out(&out)
}

fn lint_command(dir: Option<&PathBuf>) -> Result<ExitCode, Failure> {
    let (files, origin) = match dir {
        Some(d) => (
            store::read_bank_dir(d).map_err(|e| Failure::bad_input(format!("{e:#}")))?,
            d.display().to_string(),
        ),
        None => (
            crate::bank::EMBEDDED
                .iter()
                .map(|(n, c)| (n.to_string(), c.as_bytes().to_vec()))
                .collect(),
            "ingebouwde vragenbank".to_string(),
        ),
    };
    let bank = match Bank::from_bytes(&files, &origin) {
        Ok(b) => b,
        Err(e) => {
            let mut out = format!("{origin}: de vragenbank laadt niet\n");
            for d in &e.defects {
                out.push_str(&format!("  - {d}\n"));
            }
            out.push_str(&format!("{} gebrek(en) gevonden.\n", e.defects.len()));
            print_out(&out)?;
            return Ok(ExitCode::from(1));
        }
    };
    let report = lint::lint(&bank);
    let mut out = format!(
        "{origin}: vragenbank \"{}\" versie {}\n",
        bank.id, bank.version
    );
    if report.states > 0 {
        out.push_str(&format!(
            "  {} vragen, {} paden, {} verschillende uitkomsten ({} toestanden verkend)\n",
            report.questions, report.paths, report.outcomes, report.states
        ));
    } else {
        out.push_str(&format!(
            "  {} vragen; de paden zijn niet verkend door de gebreken hieronder\n",
            report.questions
        ));
    }
    if report.is_sound() {
        out.push_str("In orde: elke vraag is bereikbaar en elk pad eindigt in een volledig advies met bronnen.\n");
        print_out(&out)?;
        Ok(ExitCode::SUCCESS)
    } else {
        for d in &report.defects {
            out.push_str(&format!("  - {d}\n"));
        }
        out.push_str(&format!("{} gebrek(en) gevonden.\n", report.defects.len()));
        print_out(&out)?;
        Ok(ExitCode::from(1))
    }
}

/// Prints to stdout; a closed pipe (`| head`) is not an error worth a message.
fn print_out(s: &str) -> Result<ExitCode, Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure {
            code: 1,
            message: format!("uitvoer niet te schrijven: {e}"),
        }),
    }
}
