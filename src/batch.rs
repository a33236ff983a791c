//! What a batch of many reports makes of each file — one rule for every host (the command
//! line's folder walk, the page's batch), so that the same folder gives the same summary.

/// A file of a batch: a row of the summary, or passed over.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Disposition {
    /// A report: checked, or a report's file that could not be read (a damaged, encrypted or
    /// scanned PDF, a broken .docx) — a row, unreadable, so that a reviewer sees it.
    Row,
    /// A file of a folder that is no report: an image, an archive, an old binary Office file,
    /// a text or page with no report in it. Said, not counted.
    Skip(&'static str),
}

/// The rule: `kind` is what the file's bytes say it is (`gouji_files::Kind::as_str`: "pdf",
/// "docx", "zip", "doc", "html", "text", "binary"); `cells_read` is `None` for a file the
/// readers refused, else how many cells its check read; `walked` says it was found in a
/// folder (a file named on its own is always a row: its user asked for it).
pub fn disposition(kind: &str, cells_read: Option<usize>, walked: bool) -> Disposition {
    if !walked {
        return Disposition::Row;
    }
    match (kind, cells_read) {
        ("zip" | "doc" | "binary", _) => Disposition::Skip("not a report file"),
        ("text" | "html", Some(0)) => Disposition::Skip("no report in it"),
        ("text" | "html", None) => Disposition::Skip("not text gouji reads"),
        // a folder's picture: a scan or screenshot of a report is a row; a logo, a photo,
        // a picture that cannot be decoded are passed over
        ("image", Some(0)) => Disposition::Skip("no table in it"),
        ("image", None) => Disposition::Skip("not a picture gouji reads"),
        _ => Disposition::Row,
    }
}

#[cfg(test)]
mod tests {
    use super::{disposition, Disposition::*};

    #[test]
    fn a_folders_reports_are_rows_and_its_other_files_passed_over() {
        assert_eq!(
            disposition("pdf", None, true),
            Row,
            "a scanned PDF is a report unread"
        );
        assert_eq!(disposition("docx", None, true), Row);
        assert_eq!(disposition("text", Some(0), true), Skip("no report in it"));
        assert_eq!(disposition("binary", None, true), Skip("not a report file"));
        assert_eq!(disposition("doc", None, true), Skip("not a report file"));
        assert_eq!(disposition("text", Some(200), true), Row);
        assert_eq!(disposition("image", Some(0), true), Skip("no table in it"));
        assert_eq!(disposition("image", Some(40), true), Row);
        assert_eq!(
            disposition("image", None, true),
            Skip("not a picture gouji reads")
        );
        assert_eq!(
            disposition("binary", None, false),
            Row,
            "named on its own: a row"
        );
    }
}
