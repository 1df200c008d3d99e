use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = avg_wijzer::cli::Args::parse();
    match avg_wijzer::cli::run(args) {
        Ok(code) => code,
        Err(f) => {
            // Messages quote file names and file content; the one way out to stderr cleans them.
            eprintln!("avg-wijzer: {}", avg_wijzer::text::for_terminal(&f.message));
            ExitCode::from(f.code)
        }
    }
}
