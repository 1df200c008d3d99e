//! The command line: arguments, and the headless subcommands. Each subcommand reads its input,
//! asks the engine, and prints; errors go to stderr with nothing on stdout.
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use crate::advice::Advice;
use crate::bank::{Bank, lint};
use crate::record::{self, Assessment, Campaign, Decision, Participant, Verification};
use crate::store::Store;
use crate::text::Lang;
use crate::{answers, compare, export, guard, plain, store};

fn bad(e: anyhow::Error) -> Failure {
    Failure::bad_input(format!("{e:#}"))
}

/// The store's directory: `--store`, `AVG_WIJZER_STORE`, or the user's data directory.
pub fn store_dir(args: &Args) -> Result<PathBuf, Failure> {
    match &args.store {
        Some(d) => Ok(d.clone()),
        None => Store::default_dir().ok_or_else(|| {
            Failure::bad_input(
                "geen map voor de verslagen gevonden; geef er een met --store of AVG_WIJZER_STORE",
            )
        }),
    }
}

/// The store from `--store`, `AVG_WIJZER_STORE`, or the user's data directory.
pub fn open_store(args: &Args) -> Result<Store, Failure> {
    Store::open(&store_dir(args)?).map_err(bad)
}

fn new_record(bank: &Bank, store: &Store, path: &str, lang: Lang) -> Result<ExitCode, Failure> {
    let src = store::read_input(path).map_err(bad)?;
    let name = if path == "-" { "standaardinvoer" } else { path };
    let parsed = answers::assess(bank, name, &src).map_err(Failure::bad_input)?;
    for n in &parsed.notices {
        eprintln!("avg-wijzer: let op: {n}");
    }
    let c = &parsed.campaign;
    for (field, text) in [
        ("campaign.name", &c.name),
        ("campaign.description", &c.description),
        ("campaign.organisation", &c.organisation),
    ] {
        if let Some(w) = text.as_deref().and_then(|t| guard::warning(t, lang)) {
            eprintln!("avg-wijzer: {name}: {field}: {w}");
        }
    }
    let now = record::time::now();
    let campaign = Campaign {
        name: c.name.clone().unwrap_or_default(),
        description: c.description.clone().unwrap_or_default(),
        organisation: c.organisation.clone().unwrap_or_default(),
    };
    let participants = parsed
        .participants
        .iter()
        .map(|p| Participant {
            name: p.name.clone(),
            role: p.role.clone(),
        })
        .collect();
    let mut a = Assessment::start(bank, store.new_id(&now), campaign, participants, lang, &now);
    a.answer_all(&parsed.session, &now).map_err(|(q, e)| {
        Failure::bad_input(format!("{name}: vraag \"{}\": {e}", bank.questions[q].id))
    })?;
    store.create(&mut a.record).map_err(bad)?;
    print_out(&format!("{}\n", a.record.id))
}

fn list(store: &Store, json: bool, lang: Lang) -> Result<ExitCode, Failure> {
    let listing = store.list().map_err(bad)?;
    if json {
        let v = serde_json::json!({
            "store": store.dir.display().to_string(),
            "records": listing.records,
            "unreadable": listing.unreadable.iter().map(|(f, why)| serde_json::json!({ "file": f, "reason": why })).collect::<Vec<_>>(),
        });
        return print_out(&(serde_json::to_string_pretty(&v).unwrap_or_default() + "\n"));
    }
    let nl = lang == Lang::Nl;
    let mut out = String::new();
    if listing.records.is_empty() {
        out.push_str(if nl {
            "Nog geen verslagen"
        } else {
            "No records yet"
        });
        out.push_str(&format!(" in {}.\n", store.dir.display()));
    } else {
        let head = if nl {
            ["ID", "CAMPAGNE", "STATUS", "OORDEEL", "BIJGEWERKT"]
        } else {
            ["ID", "CAMPAIGN", "STATUS", "VERDICT", "UPDATED"]
        };
        let rows: Vec<[String; 5]> = listing
            .records
            .iter()
            .map(|s| {
                let campaign: String = if s.campaign.is_empty() {
                    "(zonder naam)".into()
                } else {
                    s.campaign.chars().take(40).collect()
                };
                [
                    s.id.clone(),
                    campaign,
                    s.status.label(lang).to_string(),
                    s.verdict_label.clone().unwrap_or_else(|| "-".into()),
                    s.updated.clone(),
                ]
            })
            .collect();
        let widths: Vec<usize> = (0..5)
            .map(|i| {
                rows.iter()
                    .map(|r| r[i].chars().count())
                    .chain([head[i].len()])
                    .max()
                    .unwrap_or(0)
            })
            .collect();
        let line = |cells: &[String]| {
            cells
                .iter()
                .zip(&widths)
                .map(|(c, w)| format!("{c:<w$}"))
                .collect::<Vec<_>>()
                .join("  ")
                .trim_end()
                .to_string()
                + "\n"
        };
        out.push_str(&line(&head.map(str::to_string)));
        for r in &rows {
            out.push_str(&line(r));
        }
    }
    for (file, why) in &listing.unreadable {
        out.push_str(&format!(
            "{} {file}: {why}\n",
            if nl { "Onleesbaar:" } else { "Unreadable:" }
        ));
    }
    print_out(&out)
}

fn export_record(
    store: &Store,
    id: &str,
    format: export::Format,
    output: Option<&std::path::Path>,
    force: bool,
    lang: Lang,
) -> Result<ExitCode, Failure> {
    let path = store.resolve(id).map_err(bad)?;
    let record = store::read_record(&path).map_err(bad)?;
    let stored = match format {
        export::Format::Json => Some(store::read_bytes(&path).map_err(bad)?),
        _ => None,
    };
    let content = export::render(&record, format, lang, stored);
    match output {
        None => {
            let text = String::from_utf8_lossy(&content);
            print_out(&text)
        }
        Some(p) => {
            store::write_export(p, &content, force).map_err(bad)?;
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn verify(args: &Args, file: &str) -> Result<ExitCode, Failure> {
    // A path, or else an id in the store. Something that looks like a path is read as one, so
    // a missing file is called missing rather than an unknown id.
    let looks_like_path = file.contains(['/', '\\']) || file.ends_with(".json");
    let path = if looks_like_path || std::path::Path::new(file).is_file() {
        PathBuf::from(file)
    } else {
        open_store(args)?.resolve(file).map_err(bad)?
    };
    let shown = path.display().to_string();
    let text = store::read_record_text(&path).map_err(bad)?;
    if text.trim().is_empty() {
        return Err(Failure::bad_input(format!(
            "{shown}: {}",
            record::Unreadable::Empty
        )));
    }
    let value = crate::json::parse_strict(&text).map_err(|e| {
        Failure::bad_input(format!(
            "{shown}: {}",
            record::Unreadable::Json(format!(
                "regel {} kolom {}: {}",
                e.line(),
                e.column(),
                crate::json::describe(&e)
            ))
        ))
    })?;
    // The format is checked first: a foreign or future file is unreadable, not altered.
    let check = record::verify_value(&value);
    let parsed = record::from_value(value);
    if let Err(e) = &parsed
        && !matches!(e, record::Unreadable::Invalid(_))
    {
        return Err(Failure::bad_input(format!("{shown}: {e}")));
    }
    match check {
        Verification::Intact => match parsed {
            Ok(r) => print_out(&format!(
                "{shown}: intact — verslag {} (revisie {}), sha256 {}\n",
                r.id, r.revision, r.integrity.hash
            )),
            Err(e) => Err(Failure::bad_input(format!("{shown}: {e}"))),
        },
        Verification::Altered { parts } => {
            let what = if parts.is_empty() {
                "het integriteitsblok zelf".to_string()
            } else {
                parts.join(", ")
            };
            print_out(&format!(
                "{shown}: GEWIJZIGD na het opslaan; wat niet meer klopt: {what}\n"
            ))?;
            Ok(ExitCode::from(1))
        }
        Verification::Unsealed => Err(Failure::bad_input(format!(
            "{shown}: heeft geen (geldig) integriteitsblok; niet te controleren"
        ))),
    }
}

fn sign_off(
    bank: &Bank,
    store: &Store,
    id: &str,
    name: &str,
    decision: Decision,
    date: Option<&str>,
    remarks: &str,
) -> Result<ExitCode, Failure> {
    let record = store.load(id).map_err(bad)?;
    // The FG signs the advice that was shown; if the bank changed since, the advice must be
    // looked at again first rather than silently replaced at sign-off.
    if record.bank != record::bank_ref(bank) {
        return Err(Failure::bad_input(format!(
            "verslag {}: gemaakt met vragenbank {} {} (sha256 {}), niet met de huidige; open het eerst met avg-wijzer --resume {} zodat het advies wordt bijgewerkt, en teken dan af",
            record.id,
            record.bank.id,
            record.bank.version,
            record.bank.short_hash(),
            record.id
        )));
    }
    let now = record::time::now();
    let date = date
        .map(str::to_string)
        .unwrap_or_else(|| now[..10].to_string());
    if let Some(w) = guard::warning(remarks, Lang::Nl) {
        eprintln!("avg-wijzer: opmerkingen: {w}");
    }
    let mut a = Assessment::resume(bank, record, &now);
    a.sign_off(name, &date, decision, remarks, &now)
        .map_err(|e| Failure::bad_input(format!("verslag {}: {e}", a.record.id)))?;
    store.save(&mut a.record).map_err(bad)?;
    print_out(&format!(
        "{}: afgetekend ({})\n",
        a.record.id,
        decision.label(Lang::Nl)
    ))
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
        /// md (Markdown), html (één printbare pagina), json (het verslag zelf), csv (één rij met de velden van art. 30)
        #[arg(long, value_enum)]
        format: export::Format,
        /// Schrijf naar dit bestand in plaats van naar de standaarduitvoer
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// Vervang een bestaand bestand
        #[arg(long)]
        force: bool,
    },
    /// Controleer of een verslag sinds het opslaan ongewijzigd is (0 intact, 1 gewijzigd, 2 onleesbaar)
    Verify {
        /// Het verslagbestand (of een id uit de opslag)
        file: String,
    },
    /// Welke antwoorden, bevindingen en acties verschillen tussen twee verslagen
    Compare { id_a: String, id_b: String },
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
        /// Opmerkingen of voorwaarden
        #[arg(long, default_value = "")]
        remarks: String,
    },
    /// A minimal ratatui app: the baseline for the interface's benchmark
    #[command(hide = true)]
    BenchMinimal,
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
        Some(Command::New { answers }) => {
            let bank = load_bank(&args)?;
            new_record(&bank, &open_store(&args)?, answers, args.lang)
        }
        Some(Command::List { json }) => list(&open_store(&args)?, *json, args.lang),
        Some(Command::Show { id }) => {
            let record = open_store(&args)?.load(id).map_err(bad)?;
            print_out(&export::text(&record, args.lang))
        }
        Some(Command::Export {
            id,
            format,
            output,
            force,
        }) => export_record(
            &open_store(&args)?,
            id,
            *format,
            output.as_deref(),
            *force,
            args.lang,
        ),
        Some(Command::Verify { file }) => verify(&args, file),
        Some(Command::Compare { id_a, id_b }) => {
            let store = open_store(&args)?;
            let (a, b) = (
                store.load(id_a).map_err(bad)?,
                store.load(id_b).map_err(bad)?,
            );
            print_out(&compare::describe(&a, &b, args.lang))
        }
        Some(Command::Signoff {
            id,
            name,
            decision,
            date,
            remarks,
        }) => {
            let bank = load_bank(&args)?;
            sign_off(
                &bank,
                &open_store(&args)?,
                id,
                name,
                (*decision).into(),
                date.as_deref(),
                remarks,
            )
        }
        Some(Command::BenchMinimal) => crate::tui::minimal::run().map_err(|e| Failure {
            code: 1,
            message: format!("{e:#}"),
        }),
        None if !wants_plain(&args) => {
            let dir = store_dir(&args)?;
            match crate::tui::run(|| load_bank(&args), args.lang, dir, args.resume.as_deref()) {
                Ok(done) => done,
                Err(e) => Err(Failure {
                    code: 1,
                    message: format!("{e:#}"),
                }),
            }
        }
        None => {
            let bank = load_bank(&args)?;
            let store = open_store(&args)?;
            plain::run_with_store(
                &bank,
                args.lang,
                Some(&store),
                args.resume.as_deref(),
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
