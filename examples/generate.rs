//! Writes a generated backlog (the benches' own: log entries, ~400-character descriptions) to a
//! file, for the end-to-end benchmark and for trying the app on a large backlog by hand.
//!
//! Run: `cargo run --release --example generate -- 100000 /tmp/backlog-100k.json`

#[path = "../benches/support/mod.rs"]
mod support;

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(count), Some(path)) = (args.next(), args.next()) else {
        eprintln!("usage: generate <measures> <file>");
        std::process::exit(2);
    };
    let Ok(count) = count.parse::<usize>() else {
        eprintln!("generate: not a number of measures: {count}");
        std::process::exit(2);
    };
    if let Err(error) = tiltak::store::save(&support::generated(count), std::path::Path::new(&path)) {
        eprintln!("generate: could not write {path}: {error}");
        std::process::exit(1);
    }
}
