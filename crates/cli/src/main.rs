//! The `accord` binary: see `accord --help`.

use clap::Parser;
use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = accord_cli::Cli::parse();
    accord_cli::init_logging(&cli);
    match accord_cli::dispatch(&cli) {
        Ok(code) => code,
        Err(err) => {
            if err.chain().any(|e| {
                e.downcast_ref::<std::io::Error>()
                    .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            }) {
                return ExitCode::SUCCESS;
            }
            if let Some(stop) = err.downcast_ref::<accord_cli::Interrupted>() {
                eprintln!("{stop}");
                return ExitCode::from(130);
            }
            eprintln!("error: {err:#}");
            ExitCode::from(2)
        }
    }
}
