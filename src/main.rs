use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let args = avg_wijzer::cli::Args::parse();
    match avg_wijzer::cli::run(args) {
        Ok(code) => code,
        Err(f) => {
            eprintln!("avg-wijzer: {}", f.message);
            ExitCode::from(f.code)
        }
    }
}
