//! desk-schema against the other contenders, on the same data in the same run.
//! `python3 bench/ratios.py` prints the ratios from criterion's estimates;
//! `python3 bench/instructions.py` counts the same cases' instructions.
#![allow(
    missing_docs,
    reason = "`criterion_main!` writes an undocumented `main`"
)]

mod common;

use criterion::{Criterion, criterion_group, criterion_main};

fn contenders(c: &mut Criterion) {
    let inputs = common::Inputs::new();
    let cases = common::cases(&inputs);
    for pair in cases.chunks(2) {
        let mut g = c.benchmark_group(pair[0].0);
        for (_, side, run) in pair {
            g.bench_function(*side, |b| b.iter(run));
        }
        g.finish();
    }
}

criterion_group!(benches, contenders);
criterion_main!(benches);
