//! HTML to grid: the browser parses (`DOMParser`: no script runs, nothing loads); the reading of
//! the tree is `gouji_files::html::grid`, the one the command line runs over its own parser.

use crate::*;

pub(crate) const ELEMENT: u16 = 1;
pub(crate) const TEXT: u16 = 3;

pub(crate) fn grid_of_html(html: &str) -> Result<Vec<Vec<String>>, JsError> {
    let parser = DomParser::new().map_err(|_| JsError::new("this browser has no DOMParser"))?;
    let doc = parser
        .parse_from_string(html, SupportedType::TextHtml)
        .map_err(|_| JsError::new("the HTML could not be parsed"))?;
    Ok(match doc.body() {
        Some(body) => gouji_files::html::grid(&BrowserDom, &Node::from(body)),
        None => Vec::new(),
    })
}

/// The browser's DOM as the reading sees it.
pub(crate) struct BrowserDom;

impl gouji_files::html::Dom for BrowserDom {
    type Id = Node;

    fn children(&self, node: &Node) -> Vec<Node> {
        let kids = node.child_nodes();
        (0..kids.length()).filter_map(|i| kids.item(i)).collect()
    }

    fn node(&self, node: &Node) -> gouji_files::html::Node<'_> {
        use gouji_files::html::Node as N;
        match node.node_type() {
            TEXT => N::Text(node.text_content().unwrap_or_default().into()),
            ELEMENT => match node.dyn_ref::<Element>() {
                Some(e) => N::Element(e.tag_name().to_ascii_uppercase().into()),
                None => N::Other,
            },
            _ => N::Other,
        }
    }

    fn attr(&self, node: &Node, name: &str) -> Option<String> {
        node.dyn_ref::<Element>()?.get_attribute(name)
    }
}
