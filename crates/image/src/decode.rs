//! Pictures to gray pixels: JPEG (a scan's pages, a phone's photo), PNG (a screenshot), and the
//! raw samples a PDF stores with `FlateDecode`.
//!
//! Invariant: the size a picture states is checked against [`MAX_PIXELS`] before anything is
//! allocated for it; a picture that cannot be decoded is an [`ImageError`] saying what to do,
//! never a panic.

use zune_core::colorspace::ColorSpace;
use zune_core::options::DecoderOptions;

/// A picture in gray, one byte a pixel (0 black … 255 white), row by row.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Gray {
    pub w: usize,
    pub h: usize,
    pub px: Vec<u8>,
}

impl Gray {
    pub fn new(w: usize, h: usize, fill: u8) -> Gray {
        Gray {
            w,
            h,
            px: vec![fill; w * h],
        }
    }

    #[inline]
    pub fn at(&self, x: usize, y: usize) -> u8 {
        self.px[y * self.w + x]
    }
}

/// The most pixels a picture may have: a 5-page A4 scan at 300 dpi has 8.7 million a page, a
/// long screenshot of a report's three tables 1920 × 12,000 = 23 million.
pub const MAX_PIXELS: usize = 40_000_000;
/// The longest side accepted.
pub const MAX_SIDE: usize = 30_000;

/// Why a picture could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ImageError {
    pub zh: String,
    pub en: String,
}

impl std::fmt::Display for ImageError {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

impl ImageError {
    fn damaged(what: &str, why: impl std::fmt::Display) -> ImageError {
        ImageError {
            zh: format!("图片已损坏或不完整（{what}：{why}）：请重新截图或另存一份再试"),
            en: format!(
                "the {what} picture is damaged or incomplete ({why}): take or save it again"
            ),
        }
    }

    pub fn too_big(w: usize, h: usize) -> ImageError {
        ImageError {
            zh: format!(
                "图片过大（{w} × {h} 像素，最多 {} 万像素、边长 {MAX_SIDE}）：请分页截图，或降低扫描分辨率（200 dpi 即可）",
                MAX_PIXELS / 10_000
            ),
            en: format!(
                "the picture is too large ({w} × {h} pixels; at most {} million pixels, {MAX_SIDE} a side): take it in parts, or scan at a lower resolution (200 dpi is enough)",
                MAX_PIXELS / 1_000_000
            ),
        }
    }
}

/// Whether a stated size may be decoded.
pub fn check_size(w: usize, h: usize) -> Result<(), ImageError> {
    if w == 0 || h == 0 {
        return Err(ImageError::damaged("", "it states no pixels"));
    }
    if w > MAX_SIDE || h > MAX_SIDE || w.saturating_mul(h) > MAX_PIXELS {
        return Err(ImageError::too_big(w, h));
    }
    Ok(())
}

fn options() -> DecoderOptions {
    // the decoders' own limits above ours: the size a picture states is judged by
    // `check_size` after its header is read and before anything is decoded, in our words
    DecoderOptions::new_safe()
        .set_max_width(1 << 24)
        .set_max_height(1 << 24)
        .png_set_strip_to_8bit(true)
        .jpeg_set_out_colorspace(ColorSpace::Luma)
}

/// A JPEG in gray.
pub fn jpeg(bytes: &[u8]) -> Result<Gray, ImageError> {
    let mut d = zune_jpeg::JpegDecoder::new_with_options(bytes, options());
    d.decode_headers()
        .map_err(|e| ImageError::damaged("JPEG", format!("{e:?}")))?;
    let info = d
        .info()
        .ok_or_else(|| ImageError::damaged("JPEG", "no header"))?;
    let (w, h) = (usize::from(info.width), usize::from(info.height));
    check_size(w, h)?;
    let px = d
        .decode()
        .map_err(|e| ImageError::damaged("JPEG", format!("{e:?}")))?;
    let comps = d.get_output_colorspace().map_or(1, |c| c.num_components());
    to_gray(w, h, comps, px, "JPEG")
}

/// A PNG in gray (palette, gray, RGB, with or without alpha; alpha composed over white).
pub fn png(bytes: &[u8]) -> Result<Gray, ImageError> {
    let mut d = zune_png::PngDecoder::new_with_options(bytes, options());
    d.decode_headers()
        .map_err(|e| ImageError::damaged("PNG", format!("{e:?}")))?;
    let (w, h) = d
        .get_dimensions()
        .ok_or_else(|| ImageError::damaged("PNG", "no header"))?;
    check_size(w, h)?;
    let colors = d.get_colorspace().unwrap_or(ColorSpace::Luma);
    let px = d
        .decode()
        .map_err(|e| ImageError::damaged("PNG", format!("{e:?}")))?
        .u8()
        .ok_or_else(|| ImageError::damaged("PNG", "16-bit samples"))?;
    let comps = colors.num_components();
    if colors.has_alpha() {
        return Ok(over_white(w, h, comps, &px));
    }
    to_gray(w, h, comps, px, "PNG")
}

/// A fax-coded bilevel picture (a PDF image's `CCITTFaxDecode` data, as office scanners make
/// them): `k` < 0 is Group 4, `k` = 0 Group 3 one-dimensional (the `fax` crate decodes both);
/// Group 3 two-dimensional (`k` > 0) is refused by name. `ink` is the colour the code calls
/// black when the picture shows it dark (a PDF's `BlackIs1` and `Decode` can swap them).
pub fn fax(
    w: usize,
    h: usize,
    k: i32,
    black_is_ink: bool,
    data: &[u8],
) -> Result<Gray, ImageError> {
    check_size(w, h)?;
    if k > 0 {
        return Err(ImageError {
            zh: "这份扫描件的图片用 CCITT 第三组二维编码压缩，gouji 尚不能读取：请用扫描软件另存为 JPEG 或 PNG 图片（或以 JPEG 压缩的 PDF）再试，或在「填写表格」中录入".to_owned(),
            en: "this scan's pictures are compressed with CCITT Group 3 two-dimensional coding, which gouji cannot read yet: save the scan as JPEG or PNG pictures (or a JPEG PDF) and try again, or fill in the form".to_owned(),
        });
    }
    let mut out = Gray::new(w, h, 255);
    let mut y = 0usize;
    let mut line = |transitions: &[u32]| {
        if y >= h {
            return;
        }
        let row = &mut out.px[y * w..(y + 1) * w];
        for (x, c) in ::fax::decoder::pels(transitions, w as u32).enumerate() {
            let black = c == ::fax::Color::Black;
            if black == black_is_ink {
                row[x] = 0;
            }
        }
        y += 1;
    };
    let done = if k < 0 {
        ::fax::decoder::decode_g4(data.iter().copied(), w as u32, Some(h as u32), &mut line)
    } else {
        ::fax::decoder::decode_g3(data.iter().copied(), &mut line)
    };
    if done.is_none() && y == 0 {
        return Err(ImageError::damaged(
            "CCITT fax",
            "its code cannot be decoded",
        ));
    }
    // a code cut short leaves the rest of the page white: what was decoded is read
    Ok(out)
}

/// Raw samples (a PDF image's `FlateDecode` data): `comps` components of `bits` bits a pixel,
/// rows padded to a byte, `DeviceGray` (0 = black) or `DeviceRGB`.
pub fn raw(w: usize, h: usize, comps: usize, bits: usize, data: &[u8]) -> Result<Gray, ImageError> {
    check_size(w, h)?;
    if !matches!(comps, 1 | 3 | 4) || !matches!(bits, 1 | 2 | 4 | 8 | 16) {
        return Err(ImageError::damaged(
            "PDF image",
            format!("{comps} components of {bits} bits"),
        ));
    }
    let row = (w * comps * bits).div_ceil(8);
    if data.len() < row * h {
        return Err(ImageError::damaged(
            "PDF image",
            "fewer samples than it states",
        ));
    }
    let mut out = Gray::new(w, h, 255);
    let max = (1u32 << bits.min(8)) - 1;
    for y in 0..h {
        let line = &data[y * row..(y + 1) * row];
        let sample = |i: usize| -> u32 {
            match bits {
                16 => u32::from(line[i * 2]),
                8 => u32::from(line[i]),
                _ => {
                    let bit = i * bits;
                    let byte = line[bit / 8];
                    (u32::from(byte) >> (8 - bits - bit % 8)) & max
                }
            }
        };
        for x in 0..w {
            let v = if comps == 1 {
                sample(x) * 255 / max
            } else {
                let (r, g, b) = (
                    sample(x * comps),
                    sample(x * comps + 1),
                    sample(x * comps + 2),
                );
                if comps == 4 {
                    // CMYK: ink, so the more of it the darker
                    let k = sample(x * comps + 3);
                    255u32.saturating_sub(((r + g + b) / 3 + k) * 255 / max)
                } else {
                    ((r * 77 + g * 150 + b * 29) >> 8) * 255 / max
                }
            };
            out.px[y * w + x] = v.min(255) as u8;
        }
    }
    Ok(out)
}

fn to_gray(w: usize, h: usize, comps: usize, px: Vec<u8>, what: &str) -> Result<Gray, ImageError> {
    if px.len() < w * h * comps {
        return Err(ImageError::damaged(what, "fewer pixels than it states"));
    }
    if comps == 1 {
        let mut px = px;
        px.truncate(w * h);
        return Ok(Gray { w, h, px });
    }
    let px = px
        .chunks_exact(comps)
        .take(w * h)
        .map(|c| {
            let (r, g, b) = (u32::from(c[0]), u32::from(c[1]), u32::from(c[2]));
            ((r * 77 + g * 150 + b * 29) >> 8) as u8
        })
        .collect();
    Ok(Gray { w, h, px })
}

fn over_white(w: usize, h: usize, comps: usize, px: &[u8]) -> Gray {
    let px = px
        .chunks_exact(comps)
        .take(w * h)
        .map(|c| {
            let (l, a) = if comps >= 4 {
                let (r, g, b) = (u32::from(c[0]), u32::from(c[1]), u32::from(c[2]));
                ((r * 77 + g * 150 + b * 29) >> 8, u32::from(c[3]))
            } else {
                (u32::from(c[0]), u32::from(c[comps - 1]))
            };
            ((l * a + 255 * (255 - a)) / 255) as u8
        })
        .collect();
    Gray { w, h, px }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_stated_size_too_big_is_refused_before_decoding() {
        assert!(check_size(100_000, 100_000).is_err());
        assert!(check_size(1653, 2339).is_ok());
        assert!(check_size(0, 5).is_err());
    }

    #[test]
    fn raw_gray_bits() {
        // 1-bit gray: 0 black, 1 white
        let g = raw(8, 1, 1, 1, &[0b1010_0000]).unwrap();
        assert_eq!(g.px, vec![255, 0, 255, 0, 0, 0, 0, 0]);
        assert!(raw(8, 2, 1, 8, &[0; 8]).is_err());
    }
}
