//! Prints where each allocation of one check of a file is made, by the two innermost gouji
//! frames of its backtrace (a tracing global allocator around the system one):
//! `CARGO_PROFILE_RELEASE_DEBUG=true cargo run --release -p gouji-tools --bin alloc_sites -- FILE 2>&1 |
//! sort | uniq -c | sort -rn`. A developer tool; `--bin allocs` counts them per phase.
use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
struct Tracing;
thread_local! { static ON: Cell<bool> = const { Cell::new(false) }; }
fn note(size: usize) {
    if ON.with(|o| o.get()) {
        ON.with(|o| o.set(false));
        let bt = std::backtrace::Backtrace::force_capture().to_string();
        let frames: Vec<&str> = bt
            .lines()
            .filter(|l| l.contains("gouji::") && !l.contains("alloc_sites"))
            .map(|l| l.trim())
            .take(2)
            .collect();
        eprintln!("ALLOC {size} {}", frames.join(" <- "));
        ON.with(|o| o.set(true));
    }
}
unsafe impl GlobalAlloc for Tracing {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        note(l.size());
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        note(n);
        unsafe { System.realloc(p, l, n) }
    }
}
#[global_allocator]
static A: Tracing = Tracing;
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let o = gouji::Options::default();
    drop(gouji::check(&text, &o));
    let mut warm = Vec::new();
    drop(gouji_cli::json::check_json(&text, &o, &mut warm));
    ON.with(|x| x.set(true));
    let mut out = Vec::with_capacity(1 << 20);
    let r = gouji_cli::json::check_json(&text, &o, &mut out);
    ON.with(|x| x.set(false));
    drop(r);
}
