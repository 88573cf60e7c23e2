//! Runs one benchmark case a given number of times, for an instruction
//! counter: `python3 bench/instructions.py` runs it under callgrind twice
//! per case and takes the difference, so that setting up costs nothing.
//!
//! `target/release/examples/instructions <group> <side> <iterations> [--time]`
//!
//! With `--time`, it runs the case a tenth as many times to warm up, then
//! times `iterations` runs in the process and prints one run's mean time in
//! nanoseconds (`python3 bench/instructions.py --time`).
#![allow(
    missing_docs,
    reason = "the shared module is the benchmark's, documented there"
)]

#[path = "../benches/common/mod.rs"]
mod common;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (group, side, iterations, time) = match &args[..] {
        [group, side, iterations] => (group, side, iterations, false),
        [group, side, iterations, flag] if flag == "--time" => (group, side, iterations, true),
        _ => {
            eprintln!("usage: instructions <group> <side> <iterations> [--time]");
            std::process::exit(2);
        }
    };
    let iterations: u32 = iterations.parse().expect("a count of iterations");
    let inputs = common::Inputs::new();
    let mut cases = common::cases(&inputs);
    cases.extend(common::floors(&inputs));
    let Some((.., run)) = cases.iter().find(|(g, s, _)| g == group && s == side) else {
        eprintln!("no case {group}/{side}");
        std::process::exit(2);
    };
    if time {
        for _ in 0..iterations / 10 {
            run();
        }
        let start = std::time::Instant::now();
        for _ in 0..iterations {
            run();
        }
        println!(
            "{}",
            start.elapsed().as_nanos() / u128::from(iterations.max(1))
        );
        return;
    }
    for _ in 0..iterations {
        run();
    }
}
