//! The command line: arguments, and the headless subcommands. Each subcommand reads its input,
//! asks the engine, and prints; errors go to stderr with nothing on stdout.
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::builder::{EnumValueParser, TypedValueParser};
use clap::{Parser, Subcommand, ValueEnum};

use crate::advice::Advice;
use crate::app::{self, Workflow};
use crate::bank::Bank;
use crate::locale::commands;
use crate::record::Decision;
use crate::store::Store;
use crate::text::{self, Lang};
use crate::{answers, export, plain, store};

mod checks;
mod compare;
mod document;
mod failure;
mod library;
mod lint;
mod plan;
mod recheck;
mod records;
mod register;
mod verify;

use failure::bad;
pub use failure::{Failure, Message};

/// The store's directory: `--store`, `AVG_WIJZER_STORE`, or the user's data directory.
pub fn store_dir(args: &Args) -> Result<PathBuf, Failure> {
    match &args.store {
        Some(d) => Ok(d.clone()),
        None => Store::default_dir()
            .ok_or_else(|| Failure::bad_input(commands::no_store_dir(args.lang))),
    }
}

/// The workflow on `bank` and the store of the arguments.
fn workflow<'b>(args: &Args, bank: &'b Bank) -> Result<Workflow<'b>, Failure> {
    Ok(Workflow::new(
        bank,
        Some(open_store(args)?),
        args.accept_altered,
    ))
}

/// The store from `--store`, `AVG_WIJZER_STORE`, or the user's data directory.
pub fn open_store(args: &Args) -> Result<Store, Failure> {
    let store = Store::open(&store_dir(args)?).map_err(bad)?;
    if let Some(w) = store.exposure_warning(args.lang) {
        warn(&w);
    }
    Ok(store)
}

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
    /// Ga verder met dit verslag (id of een uniek begin ervan); een afgetekend verslag wordt
    /// voortgezet als nieuwe revisie
    #[arg(long, global = true, value_name = "ID")]
    pub resume: Option<String>,
    /// Begin meteen een nieuwe beoordeling, zonder te vragen of je een onafgemaakte wilt
    /// voortzetten: zo betekent dezelfde invoer van een script altijd hetzelfde
    #[arg(long, global = true, conflicts_with = "resume")]
    pub new: bool,
    /// Zet een verslag dat de controle (verify) niet doorstaat toch voort, als nieuwe revisie
    /// waarvan de geschiedenis dat vermeldt; zonder deze vlag wordt zo'n verslag geweigerd
    #[arg(long, global = true)]
    pub accept_altered: bool,
    /// Taal van de uitvoer
    #[arg(
        long,
        global = true,
        value_parser = EnumValueParser::<LangArg>::new().map(Lang::from),
        default_value = "nl"
    )]
    pub lang: Lang,
    /// Kleuren van het volledige scherm: default (de kleuren van de terminal) of contrast
    /// (zwart op wit en vet, goed leesbaar op een projector); F2 wisselt tijdens het werk.
    /// NO_COLOR blijft gelden
    #[arg(long, global = true, value_enum, default_value_t = ThemeArg::Default)]
    pub theme: ThemeArg,
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
    /// Controleer een vragenbank: elk pad, elke bron, elke vaste id, elk conflict (0 in orde,
    /// 1 gebreken of verouderde notities)
    Lint {
        /// De map met de vragenbank (standaard: de ingebouwde)
        dir: Option<PathBuf>,
        /// Noem ook de notities over het actuele recht waarvan de maand "checked" meer dan
        /// MAANDEN maanden voor deze maand ligt: elk met bestand, id, titel, maand en hoe lang
        /// geleden; zijn er zulke notities, dan is de uitkomst 1, net als bij gebreken
        #[arg(
            long,
            value_name = "MAANDEN",
            value_parser = |s: &str| parse_months(s, Lang::Nl),
            allow_negative_numbers = true
        )]
        stale: Option<u32>,
    },
    /// Maak een afgerond verslag van een antwoordbestand en sla het op; drukt het id af
    New {
        /// Het antwoordbestand (JSON); - leest standaardinvoer
        #[arg(long, value_name = "FILE")]
        answers: String,
    },
    /// De verslagen in de opslag: id, campagne, status, oordeel, datum
    List {
        /// Als JSON, voor scripts
        #[arg(long)]
        json: bool,
        /// De gearchiveerde verslagen (in de map archive/ van de opslag)
        #[arg(long)]
        archived: bool,
    },
    /// Zet een concept (een verslag dat niet is afgetekend) in het archief: het verdwijnt uit
    /// de lijst, het register en de herbeoordeling; een afgetekend verslag weigert het (1)
    Archive {
        /// Het id van het verslag (of een uniek begin ervan)
        id: String,
    },
    /// Zet een gearchiveerd verslag terug in de opslag
    Restore {
        /// Het id van het verslag (of een uniek begin ervan)
        id: String,
    },
    /// Eén verslag als tekst
    Show {
        /// Het id van het verslag (of een uniek begin ervan)
        id: String,
    },
    /// Een verslag voor het verwerkingsregister
    Export {
        /// Het id van het verslag (of een uniek begin ervan)
        id: String,
        /// md (Markdown), html (één printbare pagina), json (het verslag zelf), csv (één rij met
        /// de velden van art. 30), sig (de SSH-handtekening van de FG, voor ssh-keygen -Y verify)
        #[arg(long, value_parser = EnumValueParser::<ExportFormatArg>::new().map(export::Format::from))]
        format: export::Format,
        /// Schrijf naar dit bestand in plaats van naar de standaarduitvoer
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Vervang een bestaand bestand
        #[arg(long)]
        force: bool,
        /// Rechten van het bestand, octaal (standaard 600: alleen voor jezelf leesbaar, zoals
        /// de verslagen); bijvoorbeeld 640 om je groep te laten lezen
        #[arg(long, value_name = "OCTAAL", value_parser = |s: &str| parse_mode(s, Lang::Nl), default_value = "600")]
        mode: u32,
        /// Het scheidingsteken tussen de cellen van een csv (standaard ; zoals Nederlandse
        /// Excel het leest); "tab" voor een tab
        #[arg(long, value_name = "TEKEN", value_parser = register::parse_separator, default_value = ";")]
        separator: char,
    },
    /// Het verwerkingsregister (AVG art. 30) van de hele opslag: één rij per afgerond of
    /// afgetekend verslag (de nieuwste revisie), met de gegevens uit het profiel van de
    /// bibliotheek
    Register(register::RegisterArgs),
    /// Na een wijziging van de regels: welke verslagen onder de huidige vragenbank een ander
    /// advies zouden krijgen (oordeel, acties erbij en eraf, vragen die opnieuw gesteld worden)
    ///
    /// Bekijkt de nieuwste afgeronde of afgetekende revisie van elk verslag, afgetekende eerst,
    /// dan de nieuwste eerst; verslagen die nog bezig zijn en oudere revisies worden geteld,
    /// een verslag dat de controle (verify) niet doorstaat wordt genoemd. Schrijft niets: de
    /// verslagen blijven zoals ze zijn. Uitkomst 0 als elk verslag gecontroleerd is, ook als
    /// er verschillen zijn (met --exit-code 1 bij een verschil); 1 als een verslag de
    /// controle niet doorstaat of onleesbaar is.
    Recheck(recheck::RecheckArgs),
    /// Controleer of een verslag sinds het opslaan ongewijzigd is, of de geschiedenis en de
    /// vorige revisies kloppen en of het advies uit de antwoorden volgt (0 in orde, 1 gewijzigd
    /// of klopt niet, 2 onleesbaar)
    Verify {
        /// Het verslagbestand (of een id uit de opslag)
        file: String,
        /// De vingerafdruk (sha256) die in het verwerkingsregister staat
        #[arg(long, value_name = "SHA256")]
        expect: Option<String>,
        /// Controleer de handtekening van de FG tegen deze lijst met toegestane sleutels (het
        /// allowed_signers-formaat van ssh-keygen)
        #[arg(long, value_name = "FILE")]
        allowed_signers: Option<PathBuf>,
        /// Wie getekend moet hebben, zoals in de lijst (bijv. fg@bibliotheek.nl), als -I bij
        /// ssh-keygen -Y verify: alleen regels van die persoon tellen
        #[arg(long, value_name = "PRINCIPAL", requires = "allowed_signers")]
        principal: Option<String>,
    },
    /// Een document dat het advies van een verslag vraagt (privacyparagraaf, toestemmingsvraag,
    /// registervermelding…), of zonder SOORT: welke documenten voor het verslag worden aangeboden
    #[command(after_help = crate::locale::documents::KINDS_HELP)]
    Document {
        /// Het id van het verslag (of een uniek begin ervan)
        id: String,
        /// De soort document (zie hieronder)
        kind: Option<String>,
        /// Schrijf naar dit bestand in plaats van naar de standaarduitvoer; een bestaand bestand
        /// wordt nooit vervangen
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// md (Markdown), html (één printbare pagina) of txt (platte tekst); standaard volgens de
        /// extensie van -o, anders md
        #[arg(long, value_parser = EnumValueParser::<document::FormatArg>::new().map(crate::documents::Format::from))]
        format: Option<crate::documents::Format>,
    },
    /// Twee verslagen naast elkaar, of een verslag en zijn vorige revisie: de antwoorden die
    /// verschillen (de vragen in de volgorde waarin ze gesteld worden), het oordeel, de
    /// bevindingen, de verplichte en aanbevolen acties en de oplossingen die erbij komen of
    /// vervallen
    Compare(compare::CompareArgs),
    /// Het actieplan van een verslag: wie welke actie uit het advies wanneer doet, en of die
    /// gedaan is. Met ACTIE en een of meer opties wijzig je die actie, ook na de aftekening:
    /// het verslag en zijn vingerafdruk blijven dan zoals ze zijn
    Plan(plan::PlanArgs),
    /// Aftekening door de functionaris gegevensbescherming (FG); daarna staat het verslag vast
    Signoff {
        /// Het id van het verslag (of een uniek begin ervan)
        id: String,
        /// Naam van de FG
        #[arg(long)]
        name: String,
        /// Besluit
        #[arg(long, value_enum)]
        decision: DecisionArg,
        /// Datum van het besluit (JJJJ-MM-DD); standaard vandaag
        #[arg(long)]
        date: Option<String>,
        /// Rol van de FG; standaard "functionaris gegevensbescherming (FG)"
        #[arg(long)]
        role: Option<String>,
        /// De voorwaarden; verplicht bij approved-with-conditions
        #[arg(long, default_value = "")]
        conditions: String,
        /// Opmerkingen
        #[arg(long, default_value = "")]
        remarks: String,
        /// Nog iemand die mee aftekent, als "naam (rol)", bijvoorbeeld "Jan Smit (directeur)";
        /// mag vaker
        #[arg(long, value_name = "NAAM (ROL)")]
        also: Vec<String>,
        /// Onderteken de aftekening met je eigen SSH-sleutel (Ed25519, privésleutel), zodat
        /// iedereen haar met ssh-keygen -Y verify kan controleren; de sleutel blijft waar hij is
        #[arg(long, value_name = "FILE")]
        key: Option<PathBuf>,
    },
    /// Het bibliotheekprofiel: de gegevens van de bibliotheek zelf, één keer per opslag
    ///
    /// Wat de documenten en het register over de bibliotheek zelf nodig hebben: naam, adres en
    /// KvK-nummer, de FG, het contactadres voor privacyvragen, de standaard
    /// beveiligingsmaatregelen en bewaartermijnen. Zonder opties toont het wat er is en wat
    /// ontbreekt; een optie vult een gegeven in of wijzigt het, een lege waarde ("") wist het.
    Library(library::LibraryArgs),
}

/// The languages `--lang` accepts. The command line spells its values itself, so the domain's
/// [`Lang`] knows nothing of clap.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    Nl,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Nl => Lang::Nl,
            LangArg::En => Lang::En,
        }
    }
}

use checks::{parse_mode, parse_months};

/// The themes `--theme` accepts; see [`crate::tui::theme::Theme`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ThemeArg {
    Default,
    Contrast,
}

impl ThemeArg {
    /// The theme, with `NO_COLOR` as the environment says.
    pub fn theme(self) -> crate::tui::theme::Theme {
        crate::tui::theme::Theme::chosen(self == ThemeArg::Contrast)
    }
}

/// The formats `export --format` accepts; see [`export::Format`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormatArg {
    Md,
    Html,
    Json,
    Csv,
    // Only for a signed record, so not among the formats every record offers
    // (`export::Format::ALL`). The doc comment below is this value's help, in Dutch as all of
    // the help is.
    /// De SSH-handtekening van de FG als los bestand, zoals ssh-keygen -Y verify -s die leest;
    /// alleen voor een ondertekend verslag
    Sig,
}

impl From<ExportFormatArg> for export::Format {
    fn from(f: ExportFormatArg) -> export::Format {
        match f {
            ExportFormatArg::Md => export::Format::Md,
            ExportFormatArg::Html => export::Format::Html,
            ExportFormatArg::Json => export::Format::Json,
            ExportFormatArg::Csv => export::Format::Csv,
            ExportFormatArg::Sig => export::Format::Sig,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DecisionArg {
    Approved,
    ApprovedWithConditions,
    Rejected,
}

impl From<DecisionArg> for Decision {
    fn from(d: DecisionArg) -> Decision {
        match d {
            DecisionArg::Approved => Decision::Approved,
            DecisionArg::ApprovedWithConditions => Decision::ApprovedWithConditions,
            DecisionArg::Rejected => Decision::Rejected,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Md,
    Json,
}

pub fn run(args: Args) -> Result<ExitCode, Failure> {
    match &args.command {
        Some(Command::Lint { dir, stale }) => {
            lint::lint(dir.as_ref().or(args.questions.as_ref()), *stale, args.lang)
        }
        Some(Command::Advise { answers, format }) => {
            let bank = load_bank(&args)?;
            advise(&bank, answers, *format, args.lang)
        }
        Some(Command::New { answers }) => {
            let bank = load_bank(&args)?;
            records::new_record(&workflow(&args, &bank)?, answers, args.lang)
        }
        // JSON gives each record's verdict as it was shown; only the table needs the bank,
        // for the verdict's label in this run's language.
        Some(Command::List {
            json: true,
            archived,
        }) => records::list_json(&open_store(&args)?, *archived, args.lang),
        Some(Command::List {
            json: false,
            archived,
        }) => records::list(
            &open_store(&args)?,
            &load_bank(&args)?,
            *archived,
            args.lang,
        ),
        Some(Command::Archive { id }) => records::archive(&open_store(&args)?, id, args.lang),
        Some(Command::Restore { id }) => records::restore(&open_store(&args)?, id, args.lang),
        Some(Command::Show { id }) => {
            let viewed = app::read(&open_store(&args)?, id).map_err(bad)?;
            warn_unverified(&viewed, args.lang);
            print_out(&export::text(&viewed.record, args.lang))
        }
        Some(Command::Export {
            id,
            format,
            output,
            force,
            mode,
            separator,
        }) => records::export_record(
            &workflow(&args, &load_bank(&args)?)?,
            &records::ExportRequest {
                id,
                format: *format,
                output: output.as_deref(),
                force: *force,
                mode: *mode,
                separator: *separator,
            },
            args.lang,
        ),
        Some(Command::Register(r)) => register::run(&args, r),
        Some(Command::Recheck(r)) => recheck::run(&args, r),
        Some(Command::Verify {
            file,
            expect,
            allowed_signers,
            principal,
        }) => verify::verify(
            &args,
            file,
            expect.as_deref(),
            allowed_signers.as_deref(),
            principal.as_deref(),
        ),
        Some(Command::Document {
            id,
            kind,
            output,
            format,
        }) => document::document(
            &workflow(&args, &load_bank(&args)?)?,
            &document::Request {
                id,
                kind: kind.as_deref(),
                output: output.as_deref(),
                format: *format,
            },
            args.lang,
        ),
        Some(Command::Compare(c)) => compare::run(&args, c),
        Some(Command::Plan(plan)) => plan::run(&args, plan),
        Some(Command::Signoff {
            id,
            name,
            decision,
            date,
            role,
            conditions,
            remarks,
            also,
            key,
        }) => {
            let bank = load_bank(&args)?;
            records::sign_off(
                &workflow(&args, &bank)?,
                &records::SignOffRequest {
                    id,
                    name,
                    decision: (*decision).into(),
                    date: date.as_deref(),
                    role: role.as_deref(),
                    conditions,
                    remarks,
                    also,
                    key: key.as_deref(),
                },
                args.lang,
            )
        }
        Some(Command::Library(a)) => library::library(&open_store(&args)?, a, args.lang),
        None if !wants_plain(&args) => {
            let dir = store_dir(&args)?;
            match crate::tui::run(
                || load_bank(&args),
                args.lang,
                dir,
                app::Opening::of(args.new, args.resume.as_deref()),
                args.accept_altered,
                args.theme.theme(),
            ) {
                Ok(done) => done,
                Err(e) => Err(Failure::failed(e)),
            }
        }
        None => {
            let bank = load_bank(&args)?;
            plain::run_with(
                &workflow(&args, &bank)?,
                args.lang,
                app::Opening::of(args.new, args.resume.as_deref()),
                &mut std::io::stdin().lock(),
                &mut std::io::stdout().lock(),
            )
            .map_err(Failure::failed)
        }
    }
}

/// A record that failed verification may be read, with a warning that it is not the one that
/// was saved.
fn warn_unverified(viewed: &app::Viewed, lang: Lang) {
    if let Some(u) = &viewed.altered {
        warn(&crate::locale::commands::read_altered(
            &u.id, &u.parts, lang,
        ));
    }
}

/// Whether to use the plain mode when no front end was asked for.
pub fn wants_plain(args: &Args) -> bool {
    args.plain
        || !std::io::stdout().is_terminal()
        || std::env::var("TERM").is_ok_and(|t| t == "dumb")
}

/// The bank of `--questions`, or the built-in one; a bank that does not load is refused with
/// every defect, said in the run's language.
pub fn load_bank(args: &Args) -> Result<Bank, Failure> {
    match &args.questions {
        None => Bank::embedded().map_err(|e| Failure {
            code: 1,
            message: Message::Text(format!(
                "{}:\n{}",
                commands::embedded_bank_broken(args.lang),
                e.said(args.lang)
            )),
        }),
        Some(dir) => {
            let files = store::read_bank_dir(dir).map_err(bad)?;
            Bank::from_bytes(&files, &dir.display().to_string()).map_err(|e| {
                Failure::bad_input(format!(
                    "{}:\n{}",
                    commands::bank_refused(&dir.display().to_string(), args.lang),
                    e.said(args.lang)
                ))
            })
        }
    }
}

fn advise(bank: &Bank, path: &str, format: Format, lang: Lang) -> Result<ExitCode, Failure> {
    let w = crate::locale::commands::words(lang);
    let src = store::read_input(path, w.stdin).map_err(bad)?;
    let name = if path == "-" { w.stdin } else { path };
    let a = answers::assess(bank, name, &src).map_err(|e| Failure::bad_input(e.said(lang)))?;
    for n in &a.notices {
        warn(&format!("{}: {}", w.notice, n.said(lang)));
    }
    let advice = Advice::new(
        bank,
        &a.session,
        &a.outcome,
        Some(a.campaign.name.as_str()).filter(|n| !n.is_empty()),
        lang,
    )
    .justified(&a.justifications);
    match format {
        Format::Text => print_out(&advice.to_text()),
        Format::Md => print_out(&advice.to_markdown()),
        Format::Json => print_json(&(advice.to_json() + "\n")),
    }
}

/// Prints text to stdout, cleaned for the terminal: records, answers files and banks come from
/// other people, and every text output passes here (see [`text::for_terminal`]).
fn print_out(s: &str) -> Result<ExitCode, Failure> {
    write_stdout(&text::for_terminal(s))
}

/// Prints JSON to stdout, escaped where a terminal would obey it; the value is unchanged.
fn print_json(s: &str) -> Result<ExitCode, Failure> {
    write_stdout(&text::json_for_terminal(s))
}

/// A warning on stderr, cleaned like everything else that may quote a file.
fn warn(s: &str) {
    eprintln!("avg-wijzer: {}", text::for_terminal(s));
}

/// Writes to stdout; a closed pipe (`| head`) is not an error worth a message.
fn write_stdout(s: &str) -> Result<ExitCode, Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(s.as_bytes()).and_then(|_| out.flush()) {
        Ok(()) => Ok(ExitCode::SUCCESS),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(ExitCode::SUCCESS),
        Err(e) => Err(Failure {
            code: 1,
            message: Message::Output(e),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(args: &[&str]) -> Args {
        Args::try_parse_from(std::iter::once("avg-wijzer").chain(args.iter().copied()))
            .unwrap_or_else(|e| panic!("{args:?}: {e}"))
    }

    /// Every language the interface speaks is accepted by its code, and reaches the domain as
    /// itself; Dutch without the option.
    #[test]
    fn lang_values_map_to_the_domain() {
        assert_eq!(parse(&[]).lang, Lang::Nl);
        for lang in [Lang::Nl, Lang::En] {
            assert_eq!(parse(&["--lang", lang.code()]).lang, lang);
        }
        assert!(Args::try_parse_from(["avg-wijzer", "--lang", "de"]).is_err());
    }

    /// Every export format is accepted by its file extension, and reaches the domain as itself.
    #[test]
    fn export_formats_map_to_the_domain() {
        let all = export::Format::ALL.iter().chain(&[export::Format::Sig]);
        for &format in all {
            let args = parse(&["export", "x", "--format", format.ext()]);
            assert!(
                matches!(args.command, Some(Command::Export { format: f, .. }) if f == format),
                "{format:?}"
            );
        }
        assert!(Args::try_parse_from(["avg-wijzer", "export", "x", "--format", "pdf"]).is_err());
    }
}
