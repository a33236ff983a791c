//! Reading part 二: splits the region into 第二十条 blocks, decides each block's variant from
//! its header (falling back on the row width), and reads each row by its label.

use super::columns::{align, columns_of, Columns};
use super::outline::line_key_into;
use super::stream::{trim_padding, Stream};
use super::tokens::Line;
use super::value::parse;
use crate::bytes::{find, rfind};
use crate::format::part2::{Block, Variant, BLOCKS};
use crate::format::{CellId, FormatId};
use crate::model::{Finding, Rule, Severity, Sheet};

pub struct Read {
    /// The variant each block present was read as.
    pub blocks: Vec<(&'static Block, FormatId)>,
}

impl Read {
    /// The part's variant: the one most of its blocks have (ties go to F2021).
    pub fn variant(&self) -> Option<FormatId> {
        let n19 = self
            .blocks
            .iter()
            .filter(|b| b.1 == FormatId::F2019)
            .count();
        let n21 = self.blocks.len() - n19;
        match (n19, n21) {
            (0, 0) => None,
            (a, b) if a > b => Some(FormatId::F2019),
            _ => Some(FormatId::F2021),
        }
    }

    pub fn mixed(&self) -> bool {
        self.blocks.iter().any(|b| b.1 != self.blocks[0].1)
    }
}

/// The block a caption line (第二十条第（X）项) opens.
fn caption(line: &Line, key: &mut String) -> Option<&'static Block> {
    // most lines are rows of figures: no 条, no caption
    if !line
        .tokens
        .iter()
        .any(|t| crate::bytes::find(t.text, "条").is_some())
    {
        return None;
    }
    if !line_key_into(line, 40, key) {
        return None;
    }
    let rest = &key[find(key, "第二十条")? + "第二十条".len()..];
    let rest = rest.strip_prefix('第').unwrap_or(rest);
    let rest = rest.strip_prefix('(')?;
    let numeral = rest.chars().next()?;
    BLOCKS.iter().find(|b| b.item.starts_with(numeral))
}

pub fn read(
    lines: &[Line],
    sheet: &mut Sheet,
    findings: &mut Vec<Finding>,
    hint: Option<FormatId>,
) -> Read {
    let mut read = Read { blocks: Vec::new() };
    // each block runs from its caption line to the next
    let mut key = String::new();
    let captions: Vec<(usize, &'static Block)> = lines
        .iter()
        .enumerate()
        .filter_map(|(i, l)| caption(l, &mut key).map(|b| (i, b)))
        .collect();
    let mut stream = Stream::build(&[]);
    for (k, &(i, block)) in captions.iter().enumerate() {
        let end = captions.get(k + 1).map_or(lines.len(), |&(j, _)| j);
        stream.rebuild(&lines[i + 1..end]);
        if stream.value_count() > 0 {
            let variant = choose_variant(block, &stream, hint);
            read_block(block, variant, &stream, sheet, findings);
            read.blocks.push((block, variant.format));
        }
    }
    // blocks the format has that were not found
    if let Some(format) = read.variant() {
        for (block, variant) in crate::format::part2::blocks(format) {
            if !read.blocks.iter().any(|(b, _)| b.item == block.item) {
                let cells = variant
                    .rows
                    .iter()
                    .flat_map(|r| row_keys(variant, r.id))
                    .collect();
                findings.push(
                    Finding::new(
                        Rule::TableMissing,
                        Severity::Error,
                        format!("第二部分未找到「{}」", block.zh),
                        format!(
                            "Part 2: block “Article 20, item ({})” not found",
                            block.item
                        ),
                    )
                    .with_cells(cells),
                );
            }
        }
    }
    read
}

fn choose_variant(
    block: &'static Block,
    stream: &Stream,
    hint: Option<FormatId>,
) -> &'static Variant {
    // row widths without trailing empty cells (a one-column block padded under a wider header)
    let widths = || {
        stream.groups.iter().map(|g| {
            g.tokens
                .iter()
                .rposition(|t| !t.text.is_empty())
                .map_or(0, |i| i + 1)
        })
    };
    let score = |v: &Variant| {
        let matched = v
            .columns
            .iter()
            .filter(|c| c.keys.iter().any(|k| find(&stream.keys, k).is_some()))
            .count();
        // the share of the variant's columns the header names, not the count
        let header = matched * 100 / v.columns.len().max(1);
        let width = widths().filter(|&w| w == v.columns.len()).count();
        let hinted = usize::from(Some(v.format) == hint);
        (
            header,
            width,
            hinted,
            usize::from(v.format == FormatId::F2021),
        )
    };
    block
        .variants
        .iter()
        .max_by_key(|v| score(v))
        .unwrap_or(&block.variants[0])
}

fn read_block(
    block: &Block,
    variant: &Variant,
    stream: &Stream,
    sheet: &mut Sheet,
    findings: &mut Vec<Finding>,
) {
    let width = variant.columns.len();
    // complete space-aligned rows: where the columns are, for a row printed with a blank cell
    // (worked out only if a row needs them)
    let mut columns: Option<Vec<Columns>> = None;
    // the rows read, by their place in the variant (a block has a few)
    let mut seen = 0u64;
    // where figures without a label stood, and the findings of this block so far
    let mut unlabeled = Vec::new();
    let before = findings.len();
    // the block's cells, stored once the block is known to be readable
    let mut read = Vec::new();
    let mut label_from = 0;
    for g in &stream.groups {
        let label = &stream.keys[label_from..g.anchor];
        label_from = g.anchor;
        // the row whose key stands last in the label text before the figures
        let row = variant
            .rows
            .iter()
            .enumerate()
            .filter_map(|(i, r)| {
                r.keys
                    .iter()
                    .filter_map(|k| rfind(label, k))
                    .max()
                    .map(|p| (p, i, r))
            })
            .max_by_key(|&(p, _, _)| p)
            .map(|(_, i, r)| (1u64 << i.min(63), r));
        let tokens = trim_padding(&g.tokens, width);
        match row {
            Some((bit, row)) if seen & bit == 0 => {
                seen |= bit;
                if tokens.len() < width {
                    let columns = columns.get_or_insert_with(|| {
                        stream
                            .groups
                            .iter()
                            .filter_map(|g| columns_of(g, width))
                            .collect()
                    });
                    if let Some(cells) = align(std::slice::from_ref(g), columns, width) {
                        for (c, (t, pos)) in variant.columns.iter().zip(cells) {
                            let raw = t.map_or("", |t| t.text);
                            if let Some(id) = CellId::of(row.id, c.id) {
                                read.push((id, raw, parse(raw, c.kind), Some(pos)));
                            }
                        }
                        continue;
                    }
                }
                if tokens.len() != width {
                    findings.push(
                        Finding::new(
                            Rule::TableMissing,
                            Severity::Error,
                            format!(
                                "第二部分「{}」「{}」行读到{}个数字，应为{}个",
                                block.zh,
                                row.zh,
                                tokens.len(),
                                width
                            ),
                            format!(
                                "Part 2, row “{}”: {} figures found, {} expected",
                                row.en,
                                tokens.len(),
                                width
                            ),
                        )
                        .with_cells(row_keys(variant, row.id))
                        .at(tokens.first().map(|t| t.pos))
                        .reading(),
                    );
                    continue;
                }
                for (c, t) in variant.columns.iter().zip(tokens) {
                    if let Some(id) = CellId::of(row.id, c.id) {
                        read.push((id, t.text, parse(t.text, c.kind), Some(t.pos)));
                    }
                }
            }
            _ => {
                if tokens.iter().all(|t| t.text.is_empty()) {
                    continue;
                }
                let label = extra_label(label, variant);
                let figures: Vec<&str> = tokens.iter().map(|t| t.text).collect();
                if label.is_empty() {
                    // figures with no label of their own: perhaps a row's, its label elsewhere
                    unlabeled.push(tokens.first().map(|t| t.pos));
                }
                findings.push(
                    Finding::new(
                        Rule::TableExtra,
                        Severity::Info,
                        format!(
                            "第二部分「{}」有格式之外的行「{}」（{}），未计入",
                            block.zh,
                            label,
                            figures.join(" ")
                        ),
                        format!(
                            "Part 2, {}: a row not in the format, “{}” ({}), was not counted",
                            block.zh,
                            label,
                            figures.join(" ")
                        ),
                    )
                    .at(tokens.first().map(|t| t.pos)),
                );
            }
        }
    }
    // rows the drafter left blank: their label and a cell for each column, all empty (not when
    // figures without a label stand in the block: then the labels and figures came apart)
    for (i, row) in variant.rows.iter().enumerate() {
        if seen & (1u64 << i.min(63)) != 0 || !unlabeled.is_empty() {
            continue;
        }
        let blank = stream.blank_rows.iter().find_map(|&(from, to, cells)| {
            let label = &stream.keys[from..to];
            row.keys
                .iter()
                .any(|k| rfind(label, k).is_some())
                .then(|| super::stream::blank_cells(cells, width))
                .flatten()
        });
        if let Some(cells) = blank {
            seen |= 1u64 << i.min(63);
            for (c, pos) in variant.columns.iter().zip(cells) {
                if let Some(id) = CellId::of(row.id, c.id) {
                    read.push((id, "", parse("", c.kind), Some(*pos)));
                }
            }
        }
    }
    let missing = variant
        .rows
        .iter()
        .enumerate()
        .filter(|&(i, _)| seen & (1u64 << i.min(63)) == 0);
    // rows not found while figures without a label stand in the block: the labels and the
    // figures were copied apart (a PDF's text in block order), not rows left out of the report
    if !unlabeled.is_empty() && missing.clone().next().is_some() {
        // nothing of the block is stored: a row may have taken another's figures
        findings.truncate(before);
        let names: Vec<&str> = missing.map(|(_, r)| r.zh).collect();
        findings.push(
            Finding::new(
                Rule::TableMissing,
                Severity::Error,
                format!(
                    "第二部分「{}」的数字与行标签（{}）在复制时分开了，无法确定哪个数字属于哪一行：请拖入 PDF 文件本身，或直接粘贴网页、Word 中的表格",
                    block.zh,
                    names.join("、")
                ),
                format!(
                    "Part 2, {}: its figures and row labels were copied apart, so which figure belongs to which row cannot be told: drop the PDF file itself, or paste the table from the web page or Word",
                    block.zh
                ),
            )
            .with_cells(variant.rows.iter().flat_map(|r| row_keys(variant, r.id)).collect())
            .at(unlabeled[0])
            .reading(),
        );
        return;
    }
    for (id, raw, parsed, pos) in read {
        sheet.insert(id, raw, parsed, pos);
    }
    for (i, row) in variant.rows.iter().enumerate() {
        if seen & (1u64 << i.min(63)) == 0 {
            // a row left out of part 二 breaks no relation, and bodies without rule-making
            // power (departments, districts, towns) commonly drop 「规章」: a warning
            // (docs/formats.md §6, TABLE-MISSING)
            findings.push(
                Finding::new(
                    Rule::TableMissing,
                    Severity::Warning,
                    format!(
                        "第二部分「{}」未列「{}」行（格式中有此行，可填0）",
                        block.zh, row.zh
                    ),
                    format!(
                        "Part 2, {}: row “{}” is left out (the format has it: write 0)",
                        block.zh, row.en
                    ),
                )
                .with_cells(row_keys(variant, row.id)),
            );
        }
    }
}

/// The label of an unknown row: the text after the block's header, if the header is in it.
fn extra_label(label: &str, variant: &Variant) -> String {
    let after_header = variant
        .columns
        .iter()
        .flat_map(|c| {
            c.keys
                .iter()
                .filter_map(|k| rfind(label, k).map(|p| p + k.len()))
        })
        .max()
        .unwrap_or(0);
    let rest = &label[after_header..];
    // the rest of the last column label (e.g. 数量, 件数) is not part of the row label
    let rest = ["数量", "件数", "(单位:万元)"]
        .iter()
        .fold(rest, |r, s| r.strip_prefix(s).unwrap_or(r));
    rest.chars().take(40).collect()
}

/// The cells of a row of a block's variant.
fn row_keys(variant: &Variant, row: &'static str) -> Vec<CellId> {
    variant
        .columns
        .iter()
        .filter_map(|c| CellId::of(row, c.id))
        .collect()
}
