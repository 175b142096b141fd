//! Prints the CBV 2.0 event hash of every event of EPCIS 2.0 JSON files, one
//! per line in document order (with `-p`, each pre-hash string first):
//! `cargo run -p jifen-gs1 --example epcis_hash -- [-p] FILE...`.
#![allow(clippy::print_stdout)]

use std::process::ExitCode;

fn main() -> ExitCode {
    let mut prehash = false;
    let mut status = ExitCode::SUCCESS;
    for arg in std::env::args().skip(1) {
        if arg == "-p" {
            prehash = true;
            continue;
        }
        let events = std::fs::read(&arg)
            .map_err(|e| e.to_string())
            .and_then(|bytes| jifen_gs1::parse_events(&bytes).map_err(|e| e.to_string()));
        match events {
            Ok(events) => {
                for event in events {
                    if prehash {
                        println!("{}", jifen_gs1::pre_hash(&event));
                    }
                    println!("{}", event.hash());
                }
            }
            Err(error) => {
                eprintln!("{arg}: {error}");
                status = ExitCode::FAILURE;
            }
        }
    }
    status
}
