//! `cargo run -p gouji-image --example check -- PAGE.jpg…`: the pages read and checked.
fn main() {
    let pages: Vec<_> = std::env::args()
        .skip(1)
        .map(|f| {
            let b = std::fs::read(&f).expect("read");
            if b.starts_with(b"\x89PNG") {
                gouji_image::decode::png(&b)
            } else {
                gouji_image::decode::jpeg(&b)
            }
            .expect("decode")
        })
        .collect();
    let t = std::time::Instant::now();
    let p = gouji_image::read(pages);
    let r = gouji::seen::check_seen(&p);
    eprintln!("{:?}", t.elapsed());
    println!("{}", serde_json::to_string_pretty(&r).unwrap());
}
