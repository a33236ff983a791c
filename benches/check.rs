//! `cargo bench`: parse + check of each sample, check + render, and a batch of 10,000
//! generated reports through the command line (throughput and peak memory as the batch grows),
//! and 10,000 copies of the samples (real text with its prose) for contrast; the batch as a
//! folder on one core (`taskset -c 0`) and on all (the scaling). Each batch is the
//! median of three runs, in wall-clock time (the target's figure) and beside it in the CPU time
//! the run used (which the machine's other work and its disk do not inflate).
//! Figures are printed, not asserted: speed is measured here, never in timed tests.

use gouji::{check, render_html, Options};
use gouji_testkit::synth;
use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

const SAMPLES: [&str; 3] = ["guidong-2020", "hongze-2023", "huaian-2024"];

fn median_us(mut f: impl FnMut()) -> f64 {
    for _ in 0..50 {
        f();
    }
    let mut batches = Vec::new();
    for _ in 0..25 {
        let n = 200;
        let t = Instant::now();
        for _ in 0..n {
            f();
        }
        batches.push(t.elapsed().as_secs_f64() * 1e6 / n as f64);
    }
    batches.sort_by(|a, b| a.total_cmp(b));
    batches[batches.len() / 2]
}

fn main() {
    // `cargo bench -- --quick` skips the batch (used by the test script to check it still runs)
    let quick = std::env::args().any(|a| a == "--quick");
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    println!("gouji {} benchmarks", gouji::VERSION);
    for name in SAMPLES {
        let text = std::fs::read_to_string(root.join(format!("tests/fixtures/samples/{name}.txt")))
            .unwrap();
        let opts = Options::default();
        let check_us = median_us(|| {
            black_box(check(black_box(&text), &opts));
        });
        let result = check(&text, &opts);
        let render_us = median_us(|| {
            black_box(render_html(black_box(&result)));
        });
        let mbs = text.len() as f64 / check_us;
        println!(
            "sample {name:<13} {:>6} bytes  parse+check {check_us:>7.1} µs ({mbs:>6.1} MB/s)  render {render_us:>6.1} µs",
            text.len()
        );
    }
    // figures run together (a crawler's textContent), decoded by the tables' relations
    for name in ["huaian-2024", "guidong-2020", "hongze-2023"] {
        let path = root.join(format!("tests/published/{name}-crawled/report.txt"));
        let text = std::fs::read_to_string(path).unwrap();
        let opts = Options::default();
        let us = median_us(|| {
            black_box(check(black_box(&text), &opts));
        });
        let r = check(&text, &opts);
        let split = r.cells.0.iter().filter(|(_, c)| c.read.is_some()).count();
        println!(
            "run together {name:<13} {:>6} bytes  split+check {us:>8.1} µs  ({split} cells split, {} left open)",
            text.len(),
            r.summary.unread
        );
    }
    if quick {
        return;
    }
    let exe = root.join("target/release/gouji");
    let built = Command::new(env!("CARGO"))
        .args([
            "build",
            "--release",
            "--quiet",
            "-p",
            "gouji-cli",
            "--bin",
            "gouji",
        ])
        .current_dir(&root)
        .status();
    if !built.is_ok_and(|s| s.success()) || !exe.exists() {
        eprintln!("could not build the release binary; batch skipped");
        return;
    }
    let dir = std::env::temp_dir().join(format!("gouji-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut files = Vec::new();
    let mut bytes = 0usize;
    for seed in 0..10_000u64 {
        let text = synth::report(seed);
        bytes += text.len();
        let path = dir.join(format!("r{seed:05}.txt"));
        std::fs::write(&path, text).unwrap();
        files.push(path);
    }
    for &(n, flag) in &[(1_000usize, "--json"), (10_000, "--json"), (10_000, "")] {
        let batch_bytes: usize = files[..n]
            .iter()
            .map(|p| std::fs::metadata(p).map_or(0, |m| m.len() as usize))
            .sum();
        let Run { secs, cpu, peak_kb } = run_batch(&exe, flag, &files[..n]);
        println!(
            "batch {n:>6} reports {:>5.1} MB {:<7} {secs:>6.2} s  {:>7.1} MB/s  {:>8.0} reports/s  peak RSS {peak_kb} KB  (CPU {cpu:.2} s: {:.1} MB/s)",
            batch_bytes as f64 / 1e6,
            if flag.is_empty() { "(human)" } else { flag },
            batch_bytes as f64 / 1e6 / secs,
            n as f64 / secs,
            batch_bytes as f64 / 1e6 / cpu,
        );
    }
    let _ = bytes;
    // scaling with cores: the same 10,000 reports as a folder (walked), on one core
    // (`taskset -c 0`) and on all of them
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    if cores > 1 && Command::new("taskset").arg("-V").output().is_ok() {
        let one = run_batch_in(
            &["taskset", "-c", "0"],
            &exe,
            "--json",
            std::slice::from_ref(&dir),
        );
        let all = run_batch_in(&[], &exe, "--json", std::slice::from_ref(&dir));
        println!(
            "batch folder of 10,000 reports --json: one core {:.2} s, {cores} cores {:.2} s: {:.2}× (CPU {:.2} s and {:.2} s)",
            one.secs,
            all.secs,
            one.secs / all.secs,
            one.cpu,
            all.cpu
        );
    }
    // the same batch size of real published text (the samples, with their prose), for contrast:
    // generated reports are tables only, the densest text per byte
    let mut real = Vec::new();
    for i in 0..10_000 {
        let name = SAMPLES[i % SAMPLES.len()];
        let path = dir.join(format!("s{i:05}-{name}.txt"));
        std::fs::copy(
            root.join(format!("tests/fixtures/samples/{name}.txt")),
            &path,
        )
        .unwrap();
        real.push(path);
    }
    let real_bytes: usize = real
        .iter()
        .map(|p| std::fs::metadata(p).map_or(0, |m| m.len() as usize))
        .sum();
    let Run { secs, cpu, peak_kb } = run_batch(&exe, "--json", &real);
    println!(
        "batch {:>6} samples {:>5.1} MB --json  {secs:>6.2} s  {:>7.1} MB/s  {:>8.0} reports/s  peak RSS {peak_kb} KB  (CPU {cpu:.2} s: {:.1} MB/s)",
        real.len(),
        real_bytes as f64 / 1e6,
        real_bytes as f64 / 1e6 / secs,
        real.len() as f64 / secs,
        real_bytes as f64 / 1e6 / cpu,
    );
    std::fs::remove_dir_all(&dir).ok();
}

/// Runs `gouji check` over the files three times, output discarded; returns the median
/// (seconds, peak RSS in KB) of the three runs (a single run of a fraction of a second is at
/// the mercy of the machine's other work).
fn run_batch(exe: &Path, flag: &str, files: &[PathBuf]) -> Run {
    run_batch_in(&[], exe, flag, files)
}

/// [`run_batch`] under a wrapper command (`taskset -c 0`).
fn run_batch_in(wrap: &[&str], exe: &Path, flag: &str, files: &[PathBuf]) -> Run {
    let mut runs: Vec<Run> = (0..3).map(|_| run_once(wrap, exe, flag, files)).collect();
    runs.sort_by(|a, b| a.secs.total_cmp(&b.secs));
    runs.swap_remove(1)
}

/// One run of the command line: wall-clock seconds (the figure the target is about), the CPU
/// seconds it used (user + system: what the machine's other work does not inflate), and its
/// peak memory.
struct Run {
    secs: f64,
    cpu: f64,
    peak_kb: i64,
}

fn run_once(wrap: &[&str], exe: &Path, flag: &str, files: &[PathBuf]) -> Run {
    let mut cmd = match wrap.split_first() {
        Some((first, rest)) => {
            let mut c = Command::new(first);
            c.args(rest).arg(exe);
            c
        }
        None => Command::new(exe),
    };
    cmd.arg("check");
    if !flag.is_empty() {
        cmd.arg(flag);
    }
    cmd.args(files)
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    let t = Instant::now();
    let child = cmd.spawn().expect("gouji runs");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is valid; wait4 fills it for our own child, which std has not reaped.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    let r = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    let secs = t.elapsed().as_secs_f64();
    assert_eq!(r, pid, "wait4 failed");
    std::mem::forget(child);
    let seconds = |t: libc::timeval| t.tv_sec as f64 + t.tv_usec as f64 / 1e6;
    Run {
        secs,
        cpu: seconds(usage.ru_utime) + seconds(usage.ru_stime),
        peak_kb: usage.ru_maxrss,
    }
}
