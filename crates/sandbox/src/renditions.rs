//! Thumbnail renditions (`{asset}/_jcr_content/renditions/cq5dam.thumbnail.W.H.png`; sizes:
//! <https://experienceleague.adobe.com/en/docs/experience-manager-cloud-service/content/assets/manage/asset-microservices-configure-and-use>):
//! a small PNG drawn at request time for images (a sky and a hill in a colour of the asset's
//! own), 404 for what AEM makes no thumbnail of here (videos, PDFs, content fragments).
//! Each one served is counted by asset path, so tests can see how often a row asked.

use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

use crate::dam::{Dam, Kind, Node};

/// The largest thumbnail drawn (AEM's own are 48, 140 and 319 pixels).
const MAX_SIDE: u32 = 400;

/// `Some(asset path, width, height)` when `path` names a thumbnail rendition.
pub(crate) fn parse(path: &str) -> Option<(&str, u32, u32)> {
    let (asset, name) = path
        .rsplit_once("/_jcr_content/renditions/")
        .or_else(|| path.rsplit_once("/jcr:content/renditions/"))?;
    let size = name
        .strip_prefix("cq5dam.thumbnail.")?
        .strip_suffix(".png")?;
    let (w, h) = size.split_once('.')?;
    let (w, h) = (w.parse().ok()?, h.parse().ok()?);
    ((1..=MAX_SIDE).contains(&w) && (1..=MAX_SIDE).contains(&h)).then_some((asset, w, h))
}

/// The rendition of `asset` at `w`×`h`, or 404.
pub(crate) fn serve(dam: &Dam, asset: &str, w: u32, h: u32) -> Response {
    let Some(Node::Asset(idx)) = dam.lookup(asset) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let a = &dam.assets[idx as usize];
    if !matches!(a.kind, Kind::Jpeg | Kind::Png | Kind::Tiff) {
        return StatusCode::NOT_FOUND.into_response();
    }
    match draw(a.uuid, w, h) {
        Ok(png) => ([(header::CONTENT_TYPE, "image/png")], png).into_response(),
        Err(_) => StatusCode::INTERNAL_SERVER_ERROR.into_response(),
    }
}

/// A landscape in the asset's colour: sky, sun, hill.
fn draw(uuid: u128, w: u32, h: u32) -> Result<Vec<u8>, png::EncodingError> {
    let seed = uuid.to_le_bytes();
    let base = [seed[0] / 2 + 64, seed[1] / 2 + 64, seed[2] / 2 + 64];
    let hill = base.map(|c| c / 2);
    let sun = [250, 220, 120];
    let (sx, sy, r) = (w as i64 * 2 / 3, h as i64 / 3, (h as i64 / 6).max(2));
    let mut pixels = Vec::with_capacity((w * h * 3) as usize);
    for y in 0..h as i64 {
        for x in 0..w as i64 {
            let horizon = h as i64 * 2 / 3 - (x * (h as i64) / (4 * w as i64));
            let px = if y > horizon {
                hill
            } else if (x - sx).pow(2) + (y - sy).pow(2) <= r * r {
                sun
            } else {
                base
            };
            pixels.extend_from_slice(&px);
        }
    }
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.write_header()?.write_image_data(&pixels)?;
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_thumbnail_rendition_names_are_recognised() {
        assert_eq!(
            parse("/content/dam/a b/x.jpg/_jcr_content/renditions/cq5dam.thumbnail.140.100.png"),
            Some(("/content/dam/a b/x.jpg", 140, 100))
        );
        assert_eq!(
            parse("/content/dam/x.jpg/jcr:content/renditions/cq5dam.thumbnail.48.48.png"),
            Some(("/content/dam/x.jpg", 48, 48))
        );
        for other in [
            "/content/dam/x.jpg/_jcr_content/renditions/original",
            "/content/dam/x.jpg/_jcr_content/renditions/cq5dam.web.1280.1280.jpeg",
            "/content/dam/x.jpg/_jcr_content/renditions/cq5dam.thumbnail.9999.100.png",
            "/content/dam/x.jpg/_jcr_content/renditions/cq5dam.thumbnail.0.100.png",
            "/content/dam/x.jpg.json",
        ] {
            assert_eq!(parse(other), None, "{other}");
        }
    }

    #[test]
    fn a_drawn_thumbnail_is_a_png_of_the_asked_size() {
        let png = draw(42, 140, 100).unwrap();
        let info = png::Decoder::new(std::io::Cursor::new(png))
            .read_info()
            .unwrap();
        assert_eq!((info.info().width, info.info().height), (140, 100));
    }
}
