use std::process::ExitCode;

fn main() -> ExitCode {
    let args = avg_wijzer::cli::Args::from_command_line();
    let lang = args.lang;
    // A panic's message may quote text from a file: it goes out cleaned, as every message does.
    std::panic::set_hook(Box::new(move |info| {
        eprintln!(
            "avg-wijzer: {}: {}",
            avg_wijzer::locale::commands::words(lang).internal_error,
            avg_wijzer::text::for_terminal(&info.to_string())
        );
    }));
    match avg_wijzer::cli::run(args) {
        Ok(code) => code,
        Err(f) => {
            // Messages quote file names and file content; the one way out to stderr cleans them.
            eprintln!(
                "avg-wijzer: {}",
                avg_wijzer::text::for_terminal(&f.said(lang))
            );
            ExitCode::from(f.code)
        }
    }
}
