//! Pages as an office scanner's bilevel PDF: each PNG made black and white (a fixed threshold,
//! as a scanner's "text" mode does) and coded CCITT Group 4, one image a page — a fixture for
//! the picture reader's fax decoding (tests/fixtures/images):
//!
//! ```text
//! pdftoppm -r 200 -gray -png REPORT.pdf /tmp/p
//! cargo run --release -p gouji-tools --bin fax_pdf -- OUT.pdf /tmp/p-*.png
//! ```
use fax::{encoder::Encoder, Color, VecWriter};

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (out, pages) = args.split_first().expect("OUT.pdf PAGE.png…");
    let mut objects: Vec<Vec<u8>> = Vec::new();
    // 1 catalog, 2 pages; then per page: page, content, image
    let n = pages.len();
    let kids: Vec<String> = (0..n).map(|i| format!("{} 0 R", 3 + i * 3)).collect();
    objects.push(b"<< /Type /Catalog /Pages 2 0 R >>".to_vec());
    objects.push(format!("<< /Type /Pages /Kids [{}] /Count {n} >>", kids.join(" ")).into_bytes());
    for (i, path) in pages.iter().enumerate() {
        let bytes = std::fs::read(path).expect("read");
        let g = gouji_image::decode::png(&bytes).expect("a PNG");
        let mut enc = Encoder::new(VecWriter::new());
        for y in 0..g.h {
            let row = &g.px[y * g.w..(y + 1) * g.w];
            let pels = row
                .iter()
                .map(|&v| if v < 160 { Color::Black } else { Color::White });
            enc.encode_line(pels, g.w as u32).expect("code");
        }
        let code = enc.finish().expect("finish").finish();
        let (page, content, image) = (3 + i * 3, 4 + i * 3, 5 + i * 3);
        // A4 at the picture's size: 595 × 842 points
        objects.push(
            format!("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Im0 {image} 0 R >> >> /Contents {content} 0 R >>")
                .into_bytes(),
        );
        let draw = b"q 595 0 0 842 0 0 cm /Im0 Do Q";
        let mut c = format!("<< /Length {} >>\nstream\n", draw.len()).into_bytes();
        c.extend_from_slice(draw);
        c.extend_from_slice(b"\nendstream");
        objects.push(c);
        let mut im = format!(
            "<< /Type /XObject /Subtype /Image /Width {} /Height {} /ColorSpace /DeviceGray /BitsPerComponent 1 /Filter /CCITTFaxDecode /DecodeParms << /K -1 /Columns {} /Rows {} >> /Length {} >>\nstream\n",
            g.w, g.h, g.w, g.h, code.len()
        )
        .into_bytes();
        im.extend_from_slice(&code);
        im.extend_from_slice(b"\nendstream");
        objects.push(im);
        let _ = (page, content);
    }
    let mut pdf = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(pdf.len());
        pdf.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        pdf.extend_from_slice(o);
        pdf.extend_from_slice(b"\nendobj\n");
    }
    let xref = pdf.len();
    pdf.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for off in offsets {
        pdf.extend_from_slice(format!("{off:010} 00000 n \n").as_bytes());
    }
    pdf.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    std::fs::write(out, pdf).expect("write");
    println!("{out}: {n} pages");
}
