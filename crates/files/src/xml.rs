//! Enough XML for WordprocessingML: start, end and empty tags with their attributes, and text
//! with its references decoded. Comments, processing instructions, doctypes are skipped; CDATA
//! is text. Never fails: a document cut short simply ends.

pub enum Event<'a> {
    /// A start tag (`empty`: `<x/>`), its name as written (`w:tc`) and its attributes' source.
    Start {
        name: &'a str,
        attrs: &'a str,
        empty: bool,
    },
    End {
        name: &'a str,
    },
    Text(std::borrow::Cow<'a, str>),
}

pub struct Reader<'a> {
    s: &'a str,
    at: usize,
}

impl<'a> Reader<'a> {
    pub fn new(s: &'a str) -> Self {
        Reader { s, at: 0 }
    }
}

impl<'a> Iterator for Reader<'a> {
    type Item = Event<'a>;

    fn next(&mut self) -> Option<Event<'a>> {
        let s = self.s;
        let b = s.as_bytes();
        loop {
            if self.at >= b.len() {
                return None;
            }
            if b[self.at] != b'<' {
                let end = s[self.at..].find('<').map_or(s.len(), |k| self.at + k);
                let raw = &s[self.at..end];
                self.at = end;
                return Some(Event::Text(unescape(raw)));
            }
            let rest = &s[self.at..];
            if let Some(r) = rest.strip_prefix("<![CDATA[") {
                let end = r.find("]]>").unwrap_or(r.len());
                self.at += 9 + end + 3;
                return Some(Event::Text(std::borrow::Cow::Borrowed(&r[..end])));
            }
            if rest.starts_with("<!--") {
                self.at = rest.find("-->").map_or(s.len(), |k| self.at + k + 3);
                continue;
            }
            if rest.starts_with("<?") || rest.starts_with("<!") {
                self.at = rest.find('>').map_or(s.len(), |k| self.at + k + 1);
                continue;
            }
            // a tag: its end is the first `>` outside a quoted attribute value
            let mut i = 1;
            let mut quote = None;
            let rb = rest.as_bytes();
            while i < rb.len() {
                match (quote, rb[i]) {
                    (None, b'"' | b'\'') => quote = Some(rb[i]),
                    (Some(q), c) if c == q => quote = None,
                    (None, b'>') => break,
                    _ => {}
                }
                i += 1;
            }
            if i >= rb.len() {
                self.at = s.len();
                return None;
            }
            let inner = &rest[1..i];
            self.at += i + 1;
            if let Some(name) = inner.strip_prefix('/') {
                return Some(Event::End { name: name.trim() });
            }
            let (inner, empty) = match inner.strip_suffix('/') {
                Some(x) => (x, true),
                None => (inner, false),
            };
            let name_end = inner
                .find(|c: char| c.is_ascii_whitespace())
                .unwrap_or(inner.len());
            return Some(Event::Start {
                name: &inner[..name_end],
                attrs: &inner[name_end..],
                empty,
            });
        }
    }
}

/// An attribute's value by its name as written (`w:val`), decoded.
pub fn attr<'a>(attrs: &'a str, name: &str) -> Option<std::borrow::Cow<'a, str>> {
    let mut rest = attrs;
    loop {
        let eq = rest.find('=')?;
        let key = rest[..eq].trim();
        let after = rest[eq + 1..].trim_start();
        let q = after.chars().next()?;
        if q != '"' && q != '\'' {
            return None;
        }
        let end = after[1..].find(q)? + 1;
        if key == name {
            return Some(unescape(&after[1..end]));
        }
        rest = &after[end + 1..];
    }
}

/// Text with XML's references decoded (`&lt;`, `&#12;`, …); an unknown one kept as written.
pub fn unescape(s: &str) -> std::borrow::Cow<'_, str> {
    if !s.contains('&') {
        return std::borrow::Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(k) = rest.find('&') {
        out.push_str(&rest[..k]);
        rest = &rest[k..];
        let Some(semi) = rest.find(';').filter(|&e| e <= 12) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..semi];
        let c = match name {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => name.strip_prefix('#').and_then(|n| {
                match n.strip_prefix('x') {
                    Some(h) => u32::from_str_radix(h, 16).ok(),
                    None => n.parse().ok(),
                }
                .and_then(char::from_u32)
            }),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[semi + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::{attr, Event, Reader};

    #[test]
    fn tags_attributes_and_text() {
        let xml = r#"<?xml version="1.0"?><w:p a="x>y"><w:t xml:space="preserve">1 &amp; 2</w:t><w:tab/><!-- c --><![CDATA[<z>]]></w:p>"#;
        let mut seen = Vec::new();
        for e in Reader::new(xml) {
            seen.push(match e {
                Event::Start { name, attrs, empty } => {
                    format!(
                        "<{name}{}{}>",
                        attr(attrs, "a")
                            .map(|v| format!(" a={v}"))
                            .unwrap_or_default(),
                        if empty { "/" } else { "" }
                    )
                }
                Event::End { name } => format!("</{name}>"),
                Event::Text(t) => t.into_owned(),
            });
        }
        assert_eq!(
            seen,
            [
                "<w:p a=x>y>",
                "<w:t>",
                "1 & 2",
                "</w:t>",
                "<w:tab/>",
                "<z>",
                "</w:p>"
            ]
        );
    }
}
