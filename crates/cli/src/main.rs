//! `metadesk-cli`: the command-line face of Metadesk's core, for automation.

fn main() {
    println!("metadesk-cli {}", env!("CARGO_PKG_VERSION"));
}
