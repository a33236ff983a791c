//! What gouji's tests, fuzz targets and benchmarks share (not part of any shipped build):
//! consistent synthetic reports in every layout ([`synth`]) and what must hold of every result
//! and rendering ([`invariants`]).

pub mod invariants;
pub mod synth;
