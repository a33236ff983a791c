//! The integration tests, in one binary (the machine has two cores): data-driven over the
//! fixtures in `tests/fixtures`, plus property tests. The command line's own tests are in crates/cli/tests.

mod contract;
mod cross;
mod fuzz_corpus;
mod glued;
mod hostile;
mod mutation;
mod props;
mod published;
mod render;
mod rules;
mod samples;
mod support;
mod unusable;
mod variants;
