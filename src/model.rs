//! The internal model between the phases: the cells read (a [`Sheet`]) and [`Finding`]s.
//!
//! Invariant: a sheet holds at most one cell per [`CellId`]; cells keep their raw text and
//! where they came from. Nothing here knows about JSON or HTML (see `result` and `render`).

use crate::format::{CellId, FormatId, Part};

/// Where a cell came from: a line and column of the text (1-based, columns in Unicode
/// characters) or a row and cell of a grid (0-based, after rowspan/colspan expansion).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pos {
    Text { line: u32, col: u32 },
    Grid { row: u32, cell: u32 },
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Value {
    /// An integer figure.
    Int(i64),
    /// A figure with a fractional part.
    Dec(f64),
    /// Blank, `/`, `-`, `—`, `无`: no figure given.
    Blank,
    /// Not a figure at all.
    Text,
}

impl Value {
    /// The value used in arithmetic: blank counts as 0; text and fractions take no part.
    pub fn arith(self) -> Option<i64> {
        match self {
            Value::Int(v) => Some(v),
            Value::Blank => Some(0),
            Value::Dec(_) | Value::Text => None,
        }
    }
}

/// What is wrong with a cell's text, if anything.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    /// Not a number (`约20`, `二十`, `12人`).
    NotANumber,
    /// A negative count.
    Negative,
    /// A fraction where a whole count is required.
    Fraction,
    /// A count with a unit suffix (`12件`): accepted, noted.
    UnitSuffix(Unit),
    /// A count too large to be real.
    TooLarge,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Parsed {
    pub value: Value,
    pub unit: Option<Unit>,
    pub problem: Option<Problem>,
}

/// Units that may follow a figure in a cell.
pub const UNITS: [&str; 9] = ["万元", "亿元", "元", "件", "条", "个", "项", "次", "起"];

/// A unit written after a figure: one of [`UNITS`], kept as its place there (a byte, where a
/// string would make every cell 15 bytes bigger).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Unit(u8);

impl Unit {
    pub fn as_str(self) -> &'static str {
        UNITS[usize::from(self.0)]
    }

    /// The unit `UNITS[i]` (`i` below its length).
    pub(crate) fn at(i: usize) -> Unit {
        // UNITS has fewer than 256 entries
        Unit(i as u8)
    }
}

impl std::fmt::Display for Unit {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[derive(Clone, Debug)]
pub struct Cell {
    pub id: CellId,
    pub raw: Raw,
    pub value: Value,
    pub unit: Option<Unit>,
    pub problem: Option<Problem>,
    pub pos: Option<Pos>,
    /// Recovered from figures run together, where the tables' relations leave one reading
    /// (`read: "split"` in the result).
    pub split: bool,
}

/// The cells read from a report, in reading order, with an index by cell.
#[derive(Clone, Debug, Default)]
pub struct Sheet {
    cells: Vec<Cell>,
    /// Where each cell is in `cells`, by [`CellId::index`] (`NONE`: not read).
    by_id: Vec<u32>,
}

const NONE: u32 = u32::MAX;

impl Sheet {
    /// An empty sheet with room for every cell of a report, so it never grows mid-read.
    pub fn with_room() -> Self {
        Sheet {
            cells: Vec::with_capacity(256),
            by_id: vec![NONE; CellId::count()],
        }
    }

    /// Stores a cell read; a cell read again replaces the first reading, where it stood.
    #[inline(always)]
    pub fn insert(&mut self, id: CellId, raw: &str, parsed: Parsed, pos: Option<Pos>) {
        // built where it is stored (pushed or put in place), not built and then moved
        let cell = || Cell {
            id,
            raw: Raw::default(),
            value: parsed.value,
            unit: parsed.unit,
            problem: parsed.problem,
            pos,
            split: false,
        };
        if self.by_id.len() <= id.index() {
            self.by_id.resize(CellId::count(), NONE);
        }
        let i = match self.by_id[id.index()] {
            NONE => {
                let at = self.cells.len();
                self.by_id[id.index()] = u32::try_from(at).unwrap_or(NONE);
                self.cells.push(cell());
                at
            }
            old => {
                let old = old as usize;
                self.cells[old] = cell();
                old
            }
        };
        // the text is copied into the cell where it lies (see `Raw::assign`)
        self.cells[i].raw.assign(raw);
    }

    pub fn get(&self, id: CellId) -> Option<&Cell> {
        self.index_of(id).map(|i| &self.cells[i])
    }

    /// Marks a cell read as recovered from figures run together.
    pub fn mark_split(&mut self, id: CellId) {
        if let Some(i) = self.index_of(id) {
            self.cells[i].split = true;
        }
    }

    /// The cell of `row` and `col` (ids of the format tables), if it was read.
    pub fn at(&self, row: &str, col: &str) -> Option<&Cell> {
        CellId::of(row, col).and_then(|id| self.get(id))
    }

    /// The position of a cell in `cells()`.
    #[inline]
    pub fn index_of(&self, id: CellId) -> Option<usize> {
        self.by_id
            .get(id.index())
            .filter(|&&i| i != NONE)
            .map(|&i| i as usize)
    }

    pub fn cells(&self) -> &[Cell] {
        &self.cells
    }

    pub fn into_cells(self) -> Vec<Cell> {
        self.cells
    }

    pub fn len(&self) -> usize {
        self.cells.len()
    }

    pub fn is_empty(&self) -> bool {
        self.cells.is_empty()
    }

    pub fn has_part(&self, part: Part) -> bool {
        self.cells.iter().any(|c| c.id.part() == part)
    }
}

/// A cell's text as written: short (a figure, a blank mark) so kept inline, without an
/// allocation per cell; longer text goes to the heap. Reads as a `&str`.
#[derive(Clone)]
pub struct Raw(RawRepr);

#[derive(Clone)]
enum RawRepr {
    Inline { len: u8, bytes: [u8; RAW_INLINE] },
    Heap(Box<str>),
}

/// What fits beside the length byte in the size of a `Box<str>` and its tag.
pub const RAW_INLINE: usize = 22;

impl Raw {
    pub fn as_str(&self) -> &str {
        match &self.0 {
            // always whole characters copied from a `&str`: the check cannot fail
            RawRepr::Inline { len, bytes } => {
                std::str::from_utf8(&bytes[..usize::from(*len)]).unwrap_or_default()
            }
            RawRepr::Heap(s) => s,
        }
    }
}

impl Raw {
    /// The text's bytes in a fixed-size array (the rest zero) and its length, when inline:
    /// for writers that copy a fixed size and then cut.
    pub fn padded(&self) -> Option<(&[u8; RAW_INLINE], usize)> {
        match &self.0 {
            RawRepr::Inline { len, bytes } => Some((bytes, usize::from(*len))),
            RawRepr::Heap(_) => None,
        }
    }
}

impl Raw {
    /// Sets the text, in place where it fits.
    #[inline]
    pub fn assign(&mut self, s: &str) {
        match &mut self.0 {
            RawRepr::Inline { len, bytes } if s.len() <= RAW_INLINE => {
                crate::bytes::copy_short(bytes, s.as_bytes());
                *len = s.len() as u8;
            }
            _ => *self = Raw::from(s),
        }
    }
}

impl From<&str> for Raw {
    fn from(s: &str) -> Self {
        if s.len() <= RAW_INLINE {
            let mut bytes = [0; RAW_INLINE];
            crate::bytes::copy_short(&mut bytes, s.as_bytes());
            // fits in a u8: RAW_INLINE < 256
            Raw(RawRepr::Inline {
                len: s.len() as u8,
                bytes,
            })
        } else {
            Raw(RawRepr::Heap(s.into()))
        }
    }
}

impl From<String> for Raw {
    fn from(s: String) -> Self {
        if s.len() <= RAW_INLINE {
            Raw::from(s.as_str())
        } else {
            Raw(RawRepr::Heap(s.into_boxed_str()))
        }
    }
}

impl Default for Raw {
    fn default() -> Self {
        Raw(RawRepr::Inline {
            len: 0,
            bytes: [0; RAW_INLINE],
        })
    }
}

impl std::ops::Deref for Raw {
    type Target = str;
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for Raw {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for Raw {
    fn eq(&self, other: &Raw) -> bool {
        self.as_str() == other.as_str()
    }
}

impl PartialEq<str> for Raw {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

impl PartialEq<&str> for Raw {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl std::fmt::Debug for Raw {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

impl std::fmt::Display for Raw {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for Raw {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Raw {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Raw::from)
    }
}

/// Rule ids: part of the output contract (docs/formats.md §6), spelled once, by [`Rule::id`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Rule {
    P3Row,
    P3Sum,
    P3Bal,
    P4Sum,
    P2Pub,
    P2Neg,
    P2InForce,
    P2Unit,
    CellValue,
    CellBlank,
    TableMissing,
    TableExtra,
    FmtMix,
    TxtNum,
    Year,
    XCarry,
    XPrev,
    XText,
    XMatch,
    DocParts,
    DocTemplate,
    DocP5,
    DocFees,
}

impl Rule {
    pub const ALL: [Rule; 23] = [
        Rule::P3Row,
        Rule::P3Sum,
        Rule::P3Bal,
        Rule::P4Sum,
        Rule::P2Pub,
        Rule::P2Neg,
        Rule::P2InForce,
        Rule::P2Unit,
        Rule::CellValue,
        Rule::CellBlank,
        Rule::TableMissing,
        Rule::TableExtra,
        Rule::FmtMix,
        Rule::TxtNum,
        Rule::Year,
        Rule::XCarry,
        Rule::XPrev,
        Rule::XText,
        Rule::XMatch,
        Rule::DocParts,
        Rule::DocTemplate,
        Rule::DocP5,
        Rule::DocFees,
    ];

    /// The rule of a wire id (`P3-ROW`).
    pub fn from_id(id: &str) -> Option<Rule> {
        Rule::ALL.into_iter().find(|r| r.id() == id)
    }

    pub fn id(self) -> &'static str {
        match self {
            Rule::P3Row => "P3-ROW",
            Rule::P3Sum => "P3-SUM",
            Rule::P3Bal => "P3-BAL",
            Rule::P4Sum => "P4-SUM",
            Rule::P2Pub => "P2-PUB",
            Rule::P2Neg => "P2-NEG",
            Rule::P2InForce => "P2-INFORCE",
            Rule::P2Unit => "P2-UNIT",
            Rule::CellValue => "CELL-VALUE",
            Rule::CellBlank => "CELL-BLANK",
            Rule::TableMissing => "TABLE-MISSING",
            Rule::TableExtra => "TABLE-EXTRA",
            Rule::FmtMix => "FMT-MIX",
            Rule::TxtNum => "TXT-NUM",
            Rule::Year => "YEAR",
            Rule::XCarry => "X-CARRY",
            Rule::XPrev => "X-PREV",
            Rule::XText => "X-TEXT",
            Rule::XMatch => "X-MATCH",
            Rule::DocParts => "DOC-PARTS",
            Rule::DocTemplate => "DOC-TEMPLATE",
            Rule::DocP5 => "DOC-P5",
            Rule::DocFees => "DOC-FEES",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub const ALL: [Severity; 3] = [Severity::Error, Severity::Warning, Severity::Info];

    /// The severity of a wire name (`error`).
    pub fn from_name(name: &str) -> Option<Severity> {
        Severity::ALL.into_iter().find(|s| s.as_str() == name)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Whose a finding is (docs/result.md, `source`): the report's (the arithmetic or the format forces
/// it), or the reading's (gouji could not read or place something: the report may be right).
/// Only the report's findings count as its errors, warnings and notes; the reading's are counted
/// apart (`summary.unread`) and never decide the verdict or the exit status.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Source {
    #[default]
    Report,
    Reading,
}

impl Source {
    pub const ALL: [Source; 2] = [Source::Report, Source::Reading];

    pub fn as_str(self) -> &'static str {
        match self {
            Source::Report => "report",
            Source::Reading => "reading",
        }
    }

    pub fn from_name(name: &str) -> Option<Source> {
        Source::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// How the input was read (the result's `input`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Input {
    /// Text: one cell per line, or space-aligned (a web page's or a PDF's copy).
    #[default]
    Text,
    /// Tab-separated rows (Excel, WPS, Word, a browser's table copy).
    Tsv,
    /// `|`-separated rows.
    Pipe,
    /// Figures alone.
    Figures,
    /// Rows of cells (from HTML, or an array of rows).
    Grid,
    /// HTML read into a grid.
    Html,
    /// The empty official form, filled in.
    Form,
    /// A Word .docx file, its tables read into a grid.
    Docx,
    /// A PDF file, its text rebuilt from glyph positions.
    Pdf,
    /// Text whose tables' figures run together (a crawler's `textContent`), split by the
    /// tables' relations.
    Glued,
    /// A picture (a scanned PDF's pages, a screenshot): its tables' figures recognised.
    Image,
}

impl Input {
    pub const ALL: [Input; 11] = [
        Input::Text,
        Input::Tsv,
        Input::Pipe,
        Input::Figures,
        Input::Grid,
        Input::Html,
        Input::Form,
        Input::Docx,
        Input::Pdf,
        Input::Glued,
        Input::Image,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Input::Text => "text",
            Input::Tsv => "tsv",
            Input::Pipe => "pipe",
            Input::Figures => "figures",
            Input::Grid => "grid",
            Input::Html => "html",
            Input::Form => "form",
            Input::Docx => "docx",
            Input::Pdf => "pdf",
            Input::Glued => "glued",
            Input::Image => "image",
        }
    }

    pub fn from_name(name: &str) -> Option<Input> {
        Input::ALL.into_iter().find(|i| i.as_str() == name)
    }
}

crate::wire::wire_name!(Rule, id, from_id, "rule");
crate::wire::wire_name!(Severity, as_str, from_name, "severity");
crate::wire::wire_name!(Input, as_str, from_name, "input");
crate::wire::wire_name!(Source, as_str, from_name, "source");

/// A one-cell fix: setting `cell` to `fix` satisfies every failing relation through it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Suspect {
    pub cell: CellId,
    pub fix: i64,
}

#[derive(Clone, Debug)]
pub struct Finding {
    pub rule: Rule,
    pub severity: Severity,
    pub source: Source,
    pub cells: Vec<CellId>,
    pub expected: Option<i64>,
    pub actual: Option<i64>,
    pub suspects: Vec<Suspect>,
    pub message: String,
    pub message_en: String,
    /// Where to point the user: the suspect's or the relation's key cell, or a prose figure.
    pub pos: Option<Pos>,
    /// The relations one wrong cell breaks, when this finding stands for several (one cause,
    /// one finding); empty for a finding of one relation.
    pub relations: Vec<Broken>,
    /// Every suspect's fix is needed (one cause, several cells to fill: a 总计 column left
    /// unfilled), not one of them.
    pub fix_all: bool,
}

/// One failing relation inside a finding that stands for several.
#[derive(Clone, Debug)]
pub struct Broken {
    pub rule: Rule,
    pub cells: Vec<CellId>,
    pub expected: i64,
    pub actual: i64,
    pub message: String,
    pub message_en: String,
}

impl Finding {
    pub fn new(rule: Rule, severity: Severity, message: String, message_en: String) -> Self {
        Finding {
            rule,
            severity,
            source: Source::Report,
            cells: Vec::new(),
            expected: None,
            actual: None,
            suspects: Vec::new(),
            message,
            message_en,
            pos: None,
            relations: Vec::new(),
            fix_all: false,
        }
    }

    pub fn with_cells(mut self, cells: Vec<CellId>) -> Self {
        self.cells = cells;
        self
    }

    pub fn at(mut self, pos: Option<Pos>) -> Self {
        self.pos = pos;
        self
    }

    /// A finding of what gouji could not read (see [`Source`]).
    pub fn reading(mut self) -> Self {
        self.source = Source::Reading;
        self
    }
}

/// Which variant each table was read as.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Variants {
    pub p2: Option<FormatId>,
    /// F2019 when part 三 has the single （六） row, F2021 when it has the three sub-rows.
    pub p3: Option<FormatId>,
    pub p4: bool,
}

#[cfg(test)]
mod tests {
    use super::{Cell, Input, Raw, Rule, Severity, Source, RAW_INLINE};

    #[test]
    fn wire_names_are_written_and_read_back() {
        let json = |v: &dyn erased::Ser| v.json();
        for r in Rule::ALL {
            assert_eq!(json(&r), format!("\"{}\"", r.id()));
            assert_eq!(Rule::from_id(r.id()), Some(r));
        }
        for s in Severity::ALL {
            assert_eq!(json(&s), format!("\"{s}\""));
            assert_eq!(Severity::from_name(s.as_str()), Some(s));
        }
        for s in Source::ALL {
            assert_eq!(json(&s), format!("\"{s}\""));
            assert_eq!(Source::from_name(s.as_str()), Some(s));
        }
        for i in Input::ALL {
            assert_eq!(json(&i), format!("\"{i}\""));
            assert_eq!(Input::from_name(i.as_str()), Some(i));
        }
    }

    mod erased {
        pub trait Ser {
            fn json(&self) -> String;
        }
        impl<T: serde::Serialize> Ser for T {
            fn json(&self) -> String {
                serde_json::to_string(self).expect("JSON")
            }
        }
    }

    #[test]
    fn short_copies_write_exactly_the_source() {
        for n in 0..=RAW_INLINE {
            let src: Vec<u8> = (1..=n as u8).collect();
            let mut dst = [0xAA; RAW_INLINE];
            crate::bytes::copy_short(&mut dst, &src);
            assert_eq!(&dst[..n], &src[..], "{n}");
            assert!(dst[n..].iter().all(|&b| b == 0xAA), "{n}");
        }
    }

    #[test]
    fn a_cell_stays_within_80_bytes() {
        // a sheet holds some 200 cells, written and read by every stage: its unit is a byte
        // and its id two (a smaller cell measured faster)
        assert!(
            std::mem::size_of::<Cell>() <= 80,
            "{}",
            std::mem::size_of::<Cell>()
        );
    }

    #[test]
    fn a_cell_read_again_replaces_the_first_reading() {
        use super::Value;
        use crate::format::CellId;
        use crate::read::value::parse;
        let key = CellId::of(
            crate::format::part3::NEW.id,
            crate::format::part3::COLUMNS[0].id,
        )
        .expect("a cell");
        let long = "一个超过二十二个字节的很长的文字";
        let mut sheet = super::Sheet::with_room();
        sheet.insert(
            key,
            long,
            parse(long, crate::format::ValueKind::Count),
            None,
        );
        sheet.insert(
            key,
            "12",
            parse("12", crate::format::ValueKind::Count),
            None,
        );
        assert_eq!(sheet.len(), 1);
        let cell = sheet.get(key).expect("the cell");
        assert_eq!((cell.raw.as_str(), cell.value), ("12", Value::Int(12)));
    }

    #[test]
    fn raw_text_reads_back_inline_and_on_the_heap() {
        // 22 bytes fit inline; 23 do not; multi-byte characters are kept whole either way
        for s in [
            "",
            "21",
            "—",
            "1234567890123456789012",
            "12345678901234567890123",
            "一二三四五六七八",
        ] {
            let raw = Raw::from(s);
            assert_eq!(raw.as_str(), s);
            assert_eq!(Raw::from(s.to_owned()), raw);
            assert_eq!(format!("{raw}"), s);
        }
    }
}
