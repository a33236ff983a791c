//! The `gouji` binary: see the crate's library (`gouji_cli`).

fn main() -> std::process::ExitCode {
    gouji_cli::main()
}
