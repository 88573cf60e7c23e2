//! Runs one benchmark case a given number of times, for an instruction
//! counter: `python3 bench/instructions.py` runs it under callgrind twice
//! per case and takes the difference, so that setting up costs nothing.
//!
//! `target/release/examples/instructions <group> <side> <iterations>`
#![allow(
    missing_docs,
    reason = "the shared module is the benchmark's, documented there"
)]

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [group, side, iterations] = &args[..] else {
        eprintln!("usage: instructions <group> <side> <iterations>");
        std::process::exit(2);
    };
    let iterations: u32 = iterations.parse().expect("a count of iterations");
    let inputs = common::Inputs::new();
    let mut cases = common::cases(&inputs);
    cases.extend(common::floors(&inputs));
    let Some((.., run)) = cases.iter().find(|(g, s, _)| g == group && s == side) else {
        eprintln!("no case {group}/{side}");
        std::process::exit(2);
    };
    for _ in 0..iterations {
        run();
    }
}
