//! The contract in the repository (issue 21): what `docs/formats.md`, `docs/result.md` and the
//! TypeScript types say is what the code does — each tied to the code by a test that fails
//! when they drift apart.

use gouji::format::CellId;
use gouji::model::{Input, Rule};
use std::collections::BTreeSet;
use std::path::PathBuf;

fn repo(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(rel)
}

/// The string literals of a TypeScript union, from the line `field:` on up to its `;`.
fn union(ts: &str, field: &str) -> BTreeSet<String> {
    let start = ts
        .find(&format!("  {field}:"))
        .unwrap_or_else(|| panic!("no {field} in the types"));
    let body = &ts[start..start + ts[start..].find(';').unwrap()];
    body.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

#[test]
fn the_typescript_unions_are_the_cores_names() {
    let ts = std::fs::read_to_string(repo("www/gouji-types.d.ts")).unwrap();
    let rules: BTreeSet<String> = Rule::ALL.iter().map(|r| r.id().to_owned()).collect();
    assert_eq!(
        union(&ts, "rule"),
        rules,
        "www/gouji-types.d.ts: Finding.rule against Rule::ALL"
    );
    let inputs: BTreeSet<String> = Input::ALL.iter().map(|i| i.as_str().to_owned()).collect();
    assert_eq!(
        union(&ts, "input"),
        inputs,
        "www/gouji-types.d.ts: CheckResult.input against Input::ALL"
    );
}

/// docs/formats.md's table of every cell id, as the format's tables in `src/format` give it.
fn cell_table() -> String {
    let mut t = String::from("| cell id | 中文 | English |\n|---|---|---|\n");
    for c in CellId::all() {
        let (zh, en) = gouji::rules::describe(c);
        t.push_str(&format!("| `{}` | {zh} | {en} |\n", c.id()));
    }
    t
}

const BEGIN: &str = "<!-- every cell id: generated from src/format by tests/it/contract.rs -->\n";
const END: &str = "<!-- end of the generated table -->";

#[test]
fn the_cell_table_of_docs_formats_md_is_the_formats_own() {
    // GOUJI_BLESS=1 rewrites it from the code (then read the diff)
    let path = repo("docs/formats.md");
    let doc = std::fs::read_to_string(&path).unwrap();
    let (Some(a), Some(b)) = (doc.find(BEGIN), doc.find(END)) else {
        panic!("docs/formats.md has no generated cell table");
    };
    let want = cell_table();
    let have = &doc[a + BEGIN.len()..b];
    if std::env::var_os("GOUJI_BLESS").is_some() && have != want {
        std::fs::write(&path, format!("{}{BEGIN}{want}{}", &doc[..a], &doc[b..])).unwrap();
        return;
    }
    assert!(
        have == want,
        "docs/formats.md's cell table is stale: run `GOUJI_BLESS=1 cargo test --test it contract` and read the diff"
    );
    assert!(want.lines().count() > 2 + 250, "every cell of both formats");
}

#[test]
fn every_rule_of_the_contract_has_its_fixtures() {
    // the rule cases of rules.rs, and the cross-year rules' pairs of cross.rs: every rule of
    // Rule::ALL, no rule left without a passing and a failing fixture
    let cross = ["X-CARRY", "X-PREV", "X-TEXT", "X-MATCH"];
    let cases: BTreeSet<&str> = super::rules::CASE_RULES
        .iter()
        .copied()
        .chain(cross)
        .collect();
    let all: BTreeSet<&str> = Rule::ALL.iter().map(|r| r.id()).collect();
    assert_eq!(cases, all);
    let tests = std::fs::read_to_string(repo("tests/it/cross.rs")).unwrap();
    for (rule, test) in cross
        .iter()
        .zip(["fn x_carry_", "fn x_prev_", "fn x_text_", "fn x_match_"])
    {
        assert!(
            tests.contains(test),
            "{rule}: its pair in tests/it/cross.rs"
        );
    }
}

#[test]
fn every_cell_or_row_id_the_code_spells_names_one_of_the_format() {
    // an id spelt by hand that names no cell is looked up as nothing, silently (X-CARRY once
    // skipped two columns so): every "p2.…", "p3.…", "p4.…" the core's code spells outside the
    // format tables (and the other crates' code) must be a cell id or a row id of the format
    let rows: BTreeSet<&str> = CellId::all().map(|c| c.row()).collect();
    let mut files = vec![repo("src"), repo("crates")];
    let mut checked = 0;
    while let Some(p) = files.pop() {
        if p.is_dir() {
            files.extend(std::fs::read_dir(&p).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        let skip = |c: std::path::Component| {
            ["format", "tests", "target", "benches"]
                .iter()
                .any(|d| c.as_os_str() == *d)
        };
        if p.extension().is_none_or(|x| x != "rs") || p.components().any(skip) {
            continue;
        }
        let text = std::fs::read_to_string(&p).unwrap();
        for (i, _) in text.match_indices("\"p") {
            let lit = &text[i + 1..];
            let Some(end) = lit.find('"') else { continue };
            let lit = &lit[..end];
            let b = lit.as_bytes();
            if !(b.len() > 3 && matches!(b[1], b'2' | b'3' | b'4') && b[2] == b'.')
                || lit.contains(['{', ' '])
            {
                continue;
            }
            assert!(
                CellId::parse(lit).is_some() || rows.contains(lit),
                "{}: \"{lit}\" names no cell or row of the format",
                p.display()
            );
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked} ids checked");
}
