//! Counts heap allocations per phase of a check: `cargo run --release -p gouji-tools --bin allocs -- FILE`.
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};
struct Counting;
static COUNT: AtomicUsize = AtomicUsize::new(0);
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        COUNT.fetch_add(1, Relaxed);
        unsafe { System.alloc(l) }
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        unsafe { System.dealloc(p, l) }
    }
    unsafe fn realloc(&self, p: *mut u8, l: Layout, n: usize) -> *mut u8 {
        COUNT.fetch_add(1, Relaxed);
        unsafe { System.realloc(p, l, n) }
    }
}
#[global_allocator]
static A: Counting = Counting;
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).expect("a file")).unwrap();
    let count = |name: &str, f: &mut dyn FnMut()| {
        let before = COUNT.load(Relaxed);
        f();
        println!("{name:<10} {:>5} allocations", COUNT.load(Relaxed) - before);
    };
    count("lines", &mut || {
        drop(gouji::read::tokens::lines_of_text(&text))
    });
    let doc = gouji::read::tokens::lines_of_text(&text);
    let lines = doc.lines();
    count("outline", &mut || {
        drop(gouji::read::outline::outline(&lines))
    });
    let o = gouji::read::outline::outline(&lines);
    count("prose", &mut || {
        drop(gouji::read::outline::Prose::from_lines(&lines, |i| {
            o.in_region(i)
        }))
    });
    let prose = gouji::read::outline::Prose::from_lines(&lines, |i| o.in_region(i));
    count("meta", &mut || {
        drop(gouji::read::outline::meta(&lines, &o, &prose))
    });
    count("figures", &mut || drop(gouji::read::prose::figures(&prose)));
    use gouji::format::Part;
    for (name, part) in [
        ("part2", Part::P2),
        ("part3", Part::P3),
        ("part4", Part::P4),
    ] {
        let Some(range) = o.region(part) else {
            continue;
        };
        let region = &lines[range];
        let mut sheet = gouji::model::Sheet::with_room();
        let mut findings = Vec::new();
        count(name, &mut || match part {
            Part::P2 => drop(gouji::read::part2::read(
                region,
                &mut sheet,
                &mut findings,
                None,
            )),
            Part::P3 => drop(gouji::read::part3::read(region, &mut sheet, &mut findings)),
            Part::P4 => drop(gouji::read::part4::read(region, &mut sheet, &mut findings)),
        });
    }
    count("read_text", &mut || {
        drop(gouji::read::read_text(&text, None))
    });
    let report = gouji::read::read_text(&text, None);
    count("rules", &mut || drop(gouji::rules::check(&report, None)));
    drop(gouji::check(&text, &gouji::Options::default())); // once-only tables built
    count("check", &mut || {
        drop(gouji::check(&text, &gouji::Options::default()))
    });
    let r = gouji::check(&text, &gouji::Options::default());
    count("json", &mut || drop(serde_json::to_string(&r).unwrap()));
    println!("cells {}", r.cells.0.len());
}
