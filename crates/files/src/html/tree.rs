//! The command line's own HTML parser: tags, attributes, entities, comments, raw-text elements,
//! the implied ends of `p`, `li`, `td`, `tr` and the table sections, and foster parenting of
//! stray table content — enough to read a saved page as Chromium's DOMParser does (a DOM test
//! compares the two on every HTML fixture).

use super::{block, grid, Dom, Node};
use std::borrow::Cow;

/// A parsed document: nodes in one arena, children by index.
#[derive(Debug, Default)]
pub struct Tree {
    nodes: Vec<TreeNode>,
}

#[derive(Debug)]
struct TreeNode {
    kind: Kind,
    children: Vec<usize>,
}

#[derive(Debug)]
enum Kind {
    Root,
    Element {
        /// upper case, as the DOM's `tagName` (a known tag's name static: a page of many small
        /// elements costs no allocation per tag)
        tag: Tag,
        attrs: Vec<(String, String)>,
    },
    Text(String),
}

impl Dom for Tree {
    type Id = usize;
    fn children(&self, id: &usize) -> Vec<usize> {
        self.nodes[*id].children.clone()
    }
    fn node(&self, id: &usize) -> Node<'_> {
        match &self.nodes[*id].kind {
            Kind::Text(t) => Node::Text(Cow::Borrowed(t)),
            Kind::Element { tag, .. } => Node::Element(Cow::Borrowed(tag)),
            Kind::Root => Node::Other,
        }
    }
    fn attr(&self, id: &usize, name: &str) -> Option<String> {
        match &self.nodes[*id].kind {
            Kind::Element { attrs, .. } => attrs
                .iter()
                .find(|(k, _)| k.eq_ignore_ascii_case(name))
                .map(|(_, v)| v.clone()),
            _ => None,
        }
    }
}

/// The deepest nesting kept: deeper elements are read as their parent's content (a hostile
/// page cannot make the reading recurse without end).
const MAX_DEPTH: usize = 256;

/// HTML to the grid, as the page reads it: [`parse`] then [`grid`] over the body.
pub fn read(html: &str) -> Vec<Vec<String>> {
    let tree = parse(html);
    let body = tree.body();
    grid(&tree, &body)
}

impl Tree {
    /// The `BODY` element, or the root where there is none.
    pub fn body(&self) -> usize {
        self.nodes
            .iter()
            .position(|n| matches!(&n.kind, Kind::Element { tag, .. } if tag == "BODY"))
            .unwrap_or(0)
    }

    fn push(&mut self, parent: usize, kind: Kind) -> usize {
        let id = self.nodes.len();
        self.nodes.push(TreeNode {
            kind,
            children: Vec::new(),
        });
        self.nodes[parent].children.push(id);
        id
    }

    /// Inserts a node where HTML's tree construction puts it: as the open element's child,
    /// or — text or an element that has no place in a table's structure, met inside that
    /// structure (`<table><p>…`, a CMS's stray `<tdead>`) — before the table ("foster
    /// parenting"). White space between rows is dropped.
    fn insert(&mut self, open: &[usize], kind: Kind) -> Option<usize> {
        let top = *open.last().unwrap_or(&0);
        let in_structure = matches!(self.tag(top), "TABLE" | "TBODY" | "THEAD" | "TFOOT" | "TR");
        let belongs = match &kind {
            Kind::Text(_) => false,
            Kind::Element { tag, .. } => matches!(
                tag.as_ref(),
                "TR" | "TD"
                    | "TH"
                    | "TBODY"
                    | "THEAD"
                    | "TFOOT"
                    | "CAPTION"
                    | "COLGROUP"
                    | "COL"
                    | "SCRIPT"
                    | "STYLE"
                    | "TEMPLATE"
                    | "FORM"
                    | "INPUT"
            ),
            Kind::Root => false,
        };
        if !in_structure || belongs {
            return Some(self.push(top, kind));
        }
        if matches!(&kind, Kind::Text(t) if t.trim().is_empty()) {
            return None;
        }
        // before the innermost open table, in the table's parent
        let k = open.iter().rposition(|&id| self.tag(id) == "TABLE")?;
        let (table, parent) = (open[k], open[k.checked_sub(1)?]);
        let id = self.nodes.len();
        self.nodes.push(TreeNode {
            kind,
            children: Vec::new(),
        });
        // the table is its parent's last child but for what was fostered before it: looked for
        // from the end (a hostile page fostering thousands of nodes costs linear time, not
        // quadratic)
        let siblings = &mut self.nodes[parent].children;
        let at = siblings
            .iter()
            .rposition(|&c| c == table)
            .unwrap_or(siblings.len());
        siblings.insert(at, id);
        Some(id)
    }

    fn tag(&self, id: usize) -> &str {
        match &self.nodes[id].kind {
            Kind::Element { tag, .. } => tag,
            _ => "",
        }
    }
}

fn void(tag: &str) -> bool {
    matches!(
        tag,
        "AREA"
            | "BASE"
            | "BR"
            | "COL"
            | "EMBED"
            | "HR"
            | "IMG"
            | "INPUT"
            | "LINK"
            | "META"
            | "PARAM"
            | "SOURCE"
            | "TRACK"
            | "WBR"
    )
}

/// Elements whose content is text up to their end tag.
fn raw_text(tag: &str) -> bool {
    matches!(
        tag,
        "SCRIPT" | "STYLE" | "TEXTAREA" | "TITLE" | "XMP" | "IFRAME" | "NOEMBED" | "NOFRAMES"
    )
}

/// Start tags that end an open `P` (HTML's "close a p element").
fn closes_p(tag: &str) -> bool {
    block(tag) && tag != "TR" && tag != "LI" && tag != "DT" && tag != "DD"
        || matches!(tag, "TABLE" | "HR" | "P" | "UL" | "OL" | "DL" | "PRE")
}

/// Parses HTML into a [`Tree`]: never fails; whatever cannot be read as markup is text.
pub fn parse(html: &str) -> Tree {
    let mut tree = Tree::default();
    tree.nodes.push(TreeNode {
        kind: Kind::Root,
        children: Vec::new(),
    });
    let mut open: Vec<usize> = vec![0];
    let b = html.as_bytes();
    let mut i = 0;
    let mut text = String::new();
    let flush_text = |tree: &mut Tree, open: &[usize], text: &mut String| {
        if !text.is_empty() {
            tree.insert(open, Kind::Text(std::mem::take(text)));
        }
    };
    while i < b.len() {
        if b[i] != b'<' {
            let end = memchr(b'<', &b[i..]).map_or(b.len(), |k| i + k);
            decode_entities(&html[i..end], &mut text);
            i = end;
            continue;
        }
        // a comment, a doctype, a conditional comment (`<![if …]>`): skipped
        if b[i..].starts_with(b"<!--") {
            flush_text(&mut tree, &open, &mut text);
            i = find(b, i + 4, b"-->").map_or(b.len(), |k| k + 3);
            continue;
        }
        if b[i..].starts_with(b"<!") || b[i..].starts_with(b"<?") {
            flush_text(&mut tree, &open, &mut text);
            i = memchr(b'>', &b[i..]).map_or(b.len(), |k| i + k + 1);
            continue;
        }
        let closing = b.get(i + 1) == Some(&b'/');
        let name_at = i + 1 + usize::from(closing);
        if !b.get(name_at).is_some_and(u8::is_ascii_alphabetic) {
            // `<` that starts no tag is text
            text.push('<');
            i += 1;
            continue;
        }
        flush_text(&mut tree, &open, &mut text);
        let Some((tag, attrs, self_closing, end)) = tag_at(html, name_at) else {
            i = b.len();
            continue;
        };
        i = end;
        if closing {
            close(&tree, &mut open, &tag);
            continue;
        }
        implied_ends(&mut tree, &mut open, &tag);
        let raw = raw_text(&tag);
        let is_void = void(&tag);
        let Some(id) = tree.insert(
            &open,
            Kind::Element {
                tag: tag.clone(),
                attrs,
            },
        ) else {
            continue;
        };
        if raw {
            // the content up to `</tag`, as text (a script's or a style's, skipped when read)
            let close_at = find_ci(b, i, &format!("</{tag}")).unwrap_or(b.len());
            if close_at > i {
                tree.push(id, Kind::Text(html[i..close_at].to_owned()));
            }
            i = memchr(b'>', &b[close_at..]).map_or(b.len(), |k| close_at + k + 1);
        } else if !is_void && !self_closing && open.len() < MAX_DEPTH {
            open.push(id);
        }
    }
    flush_text(&mut tree, &open, &mut text);
    tree
}

/// The end tags a start tag implies, as HTML's tree construction does for the elements that
/// matter here: a table's row, cell or section ends what is open inside the table's
/// structure (a cell, a row, a stray element); an item ends the open item; a block the open
/// paragraph. A cell outside any row opens the row it implies.
fn implied_ends(tree: &mut Tree, open: &mut Vec<usize>, tag: &str) {
    // the innermost open element among `names`, not past the innermost table
    let innermost = |tree: &Tree, open: &Vec<usize>, names: &[&str]| {
        for (k, &id) in open.iter().enumerate().rev() {
            let t = tree.tag(id);
            if names.contains(&t) {
                return Some(k);
            }
            if t == "TABLE" {
                return None;
            }
        }
        None
    };
    match tag {
        "TD" | "TH" => match innermost(tree, open, &["TR", "TBODY", "THEAD", "TFOOT", "TABLE"]) {
            Some(k) if tree.tag(open[k]) == "TR" => open.truncate(k + 1),
            Some(k) => {
                open.truncate(k + 1);
                if let Some(tr) = tree.insert(open, element("TR")) {
                    open.push(tr);
                }
            }
            None => {}
        },
        "TR" => {
            if let Some(k) = innermost(tree, open, &["TBODY", "THEAD", "TFOOT", "TABLE"]) {
                open.truncate(k + 1);
            }
        }
        "TBODY" | "THEAD" | "TFOOT" | "CAPTION" | "COLGROUP" => {
            if let Some(k) = open.iter().rposition(|&id| tree.tag(id) == "TABLE") {
                open.truncate(k + 1);
            }
        }
        "LI" => {
            for (k, &id) in open.iter().enumerate().rev() {
                match tree.tag(id) {
                    "LI" => {
                        open.truncate(k);
                        break;
                    }
                    "UL" | "OL" | "TABLE" | "TD" | "TH" => break,
                    _ => {}
                }
            }
        }
        "DT" | "DD" => {
            if let Some(k) = innermost(tree, open, &["DT", "DD"]) {
                open.truncate(k);
            }
        }
        _ => {}
    }
    if closes_p(tag) && tree.tag(*open.last().unwrap_or(&0)) == "P" {
        open.pop();
    }
}

fn element(tag: &str) -> Kind {
    Kind::Element {
        tag: tag_named(tag),
        attrs: Vec::new(),
    }
}

/// An end tag: closes the innermost open element of its name (and those inside it); one that
/// matches nothing open is ignored, and none reaches past a table it is not in.
fn close(tree: &Tree, open: &mut Vec<usize>, tag: &str) {
    for (k, &id) in open.iter().enumerate().rev().take_while(|&(k, _)| k > 0) {
        let t = tree.tag(id);
        if t == tag {
            open.truncate(k);
            return;
        }
        if t == "TABLE" && !matches!(tag, "TABLE") {
            return;
        }
    }
}

/// A tag read from its name on: its name in upper case, its attributes, whether it closes
/// itself, and the index after its `>`.
/// A tag's name in upper case.
type Tag = Cow<'static, str>;

/// The tags a page is made of, by name: a tag read is one of these (borrowed), or its own name.
const KNOWN: [&str; 44] = [
    "TABLE", "TR", "TD", "TH", "TBODY", "THEAD", "TFOOT", "CAPTION", "COL", "COLGROUP", "P", "DIV",
    "SPAN", "BR", "A", "B", "I", "U", "FONT", "STRONG", "EM", "IMG", "LI", "UL", "OL", "H1", "H2",
    "H3", "H4", "H5", "H6", "BODY", "HTML", "HEAD", "META", "TITLE", "SCRIPT", "STYLE", "CENTER",
    "SECTION", "ARTICLE", "LINK", "INPUT", "FORM",
];

fn tag_named(name: &str) -> Tag {
    // upper-cased on the stack (a known name is at most 8 bytes), then looked up
    let mut buf = [0u8; 8];
    if name.len() <= buf.len() {
        let up = &mut buf[..name.len()];
        up.copy_from_slice(name.as_bytes());
        up.make_ascii_uppercase();
        if let Some(k) = KNOWN.iter().find(|k| k.as_bytes() == &*up) {
            return Cow::Borrowed(k);
        }
    }
    Cow::Owned(name.to_ascii_uppercase())
}

type TagAt = (Tag, Vec<(String, String)>, bool, usize);

/// The tag from its name on; `None` when the input ends inside it.
fn tag_at(html: &str, from: usize) -> Option<TagAt> {
    let b = html.as_bytes();
    let mut i = from;
    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' && b[i] != b'/' {
        i += 1;
    }
    let tag = tag_named(&html[from..i]);
    let mut attrs = Vec::new();
    let mut self_closing = false;
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            self_closing = b[i] == b'/';
            i += 1;
        }
        if i >= b.len() {
            return None;
        }
        if b[i] == b'>' {
            return Some((tag, attrs, self_closing, i + 1));
        }
        self_closing = false;
        let name_from = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = html[name_from..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = String::new();
        if b.get(i) == Some(&b'=') {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let (from, to, next) = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr(q, &b[i + 1..]).map_or(b.len(), |k| i + 1 + k);
                    (i + 1, end, (end + 1).min(b.len()))
                }
                _ => {
                    let mut e = i;
                    while e < b.len() && !b[e].is_ascii_whitespace() && b[e] != b'>' {
                        e += 1;
                    }
                    (i, e, e)
                }
            };
            decode_entities(&html[from..to], &mut value);
            i = next;
        }
        attrs.push((name, value));
    }
}

fn memchr(x: u8, b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == x)
}

/// Where `needle` next occurs from `from` (the project's one substring search).
fn find(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    gouji::bytes::find_bytes(b.get(from..)?, needle).map(|k| from + k)
}

/// Where `needle` (ASCII) next occurs from `from`, ignoring ASCII case.
fn find_ci(b: &[u8], from: usize, needle: &str) -> Option<usize> {
    let n = needle.as_bytes();
    b.get(from..)?
        .windows(n.len())
        .position(|w| w.eq_ignore_ascii_case(n))
        .map(|k| from + k)
}

/// Text with its character references decoded (the named ones reports use, and numeric ones);
/// an unknown one is kept as written, as browsers do.
fn decode_entities(s: &str, out: &mut String) {
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let end = rest[1..]
            .find(|c: char| !c.is_ascii_alphanumeric() && c != '#')
            .map_or(rest.len(), |e| e + 1);
        let name = &rest[1..end];
        let semi = rest[end..].starts_with(';');
        let decoded: Option<std::borrow::Cow<'static, str>> =
            if let Some(num) = name.strip_prefix('#') {
                let v = match num.strip_prefix(['x', 'X']) {
                    Some(hex) => u32::from_str_radix(hex, 16).ok(),
                    None => num.parse::<u32>().ok(),
                };
                v.map(|v| {
                    let c = char::from_u32(v)
                        .filter(|&c| c != '\0')
                        .unwrap_or('\u{FFFD}');
                    std::borrow::Cow::Owned(c.to_string())
                })
            } else {
                named(name, semi).map(std::borrow::Cow::Borrowed)
            };
        match decoded {
            Some(c) if !name.is_empty() => {
                out.push_str(&c);
                rest = &rest[end..];
                if semi {
                    rest = &rest[1..];
                }
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
}

/// A named character reference (`name` without its `;`; `semi`: whether one followed), by
/// the whole table of HTML's: with its `;` any name; without it, only the legacy few.
fn named(name: &str, semi: bool) -> Option<&'static str> {
    use super::entities::{COUNT, NAMES, NAME_AT, TEXTS, TEXT_AT};
    let at = |v: &[u16], i: usize| usize::from(v[i])..usize::from(v[i + 1]);
    let find = |key: &str| {
        let (mut lo, mut hi) = (0, COUNT);
        while lo < hi {
            let mid = (lo + hi) / 2;
            match NAMES[at(&NAME_AT, mid)].cmp(key) {
                std::cmp::Ordering::Less => lo = mid + 1,
                std::cmp::Ordering::Greater => hi = mid,
                std::cmp::Ordering::Equal => return Some(&TEXTS[at(&TEXT_AT, mid)]),
            }
        }
        None
    };
    if semi {
        let mut key = String::with_capacity(name.len() + 1);
        key.push_str(name);
        key.push(';');
        find(&key)
    } else {
        find(name)
    }
}

#[cfg(test)]
mod tests {
    use super::decode_entities;

    /// The whole table of named references, as a browser decodes them: with their `;` any
    /// name (one or two characters), without it only the legacy few; numeric ones; anything
    /// else left as written.
    #[test]
    fn character_references_decode_as_a_browser_decodes_them() {
        let decode = |s: &str| {
            let mut out = String::new();
            decode_entities(s, &mut out);
            out
        };
        assert_eq!(decode("1&frac12; &rarr; &le;&ge;"), "1½ → ≤≥");
        assert_eq!(decode("&NotEqualTilde;"), "\u{2242}\u{338}");
        assert_eq!(decode("&amp &nbsp;&copy"), "& \u{a0}©");
        assert_eq!(
            decode("&ensp x"),
            "&ensp x",
            "not a legacy name: as written"
        );
        assert_eq!(decode("&#12288;&#x4E00;&#0;"), "\u{3000}一\u{FFFD}");
        assert_eq!(decode("&unknown; & &;"), "&unknown; & &;");
    }
}
