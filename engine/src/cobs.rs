//! Consistent Overhead Byte Stuffing: frames without zero bytes, so 0x00 can end a frame.

/// Encodes `src` into `dst` (no trailing zero); returns the encoded length, or `None` if `dst`
/// is too small (it needs `src.len() + src.len() / 254 + 1` bytes).
pub(crate) fn encode(src: &[u8], dst: &mut [u8]) -> Option<usize> {
    let mut code_at = 0;
    let mut out = 1;
    let mut code: u8 = 1;
    *dst.get_mut(code_at)? = 0;
    for &byte in src {
        if byte == 0 {
            dst[code_at] = code;
            code_at = out;
            *dst.get_mut(out)? = 0;
            out += 1;
            code = 1;
        } else {
            *dst.get_mut(out)? = byte;
            out += 1;
            code += 1;
            if code == 0xFF {
                dst[code_at] = code;
                code_at = out;
                *dst.get_mut(out)? = 0;
                out += 1;
                code = 1;
            }
        }
    }
    dst[code_at] = code;
    Some(out)
}

/// Decodes one frame (no zero bytes, delimiter removed) into `dst`; `None` if the frame is not
/// valid COBS or `dst` is too small.
pub(crate) fn decode(src: &[u8], dst: &mut [u8]) -> Option<usize> {
    let mut i = 0;
    let mut out = 0;
    while i < src.len() {
        let code = src[i] as usize;
        if code == 0 || i + code > src.len() {
            return None;
        }
        for &b in &src[i + 1..i + code] {
            if b == 0 {
                return None;
            }
            *dst.get_mut(out)? = b;
            out += 1;
        }
        i += code;
        if code != 0xFF && i < src.len() {
            *dst.get_mut(out)? = 0;
            out += 1;
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn known_vectors() {
        // From the COBS paper / Wikipedia examples.
        let cases: [(&[u8], &[u8]); 4] = [
            (&[0x00], &[0x01, 0x01]),
            (&[0x00, 0x00], &[0x01, 0x01, 0x01]),
            (&[0x11, 0x22, 0x00, 0x33], &[0x03, 0x11, 0x22, 0x02, 0x33]),
            (&[0x11, 0x00, 0x00, 0x00], &[0x02, 0x11, 0x01, 0x01, 0x01]),
        ];
        for (raw, enc) in cases {
            let mut buf = [0u8; 16];
            let n = encode(raw, &mut buf).unwrap();
            assert_eq!(&buf[..n], enc);
            let mut back = [0u8; 16];
            let m = decode(enc, &mut back).unwrap();
            assert_eq!(&back[..m], raw);
        }
    }

    proptest! {
        #[test]
        fn round_trips(data in proptest::collection::vec(any::<u8>(), 0..700)) {
            let mut enc = [0u8; 720];
            let n = encode(&data, &mut enc).unwrap();
            prop_assert!(!enc[..n].contains(&0));
            let mut dec = [0u8; 720];
            let m = decode(&enc[..n], &mut dec).unwrap();
            prop_assert_eq!(&dec[..m], &data[..]);
        }

        #[test]
        fn decode_never_panics(data in proptest::collection::vec(any::<u8>(), 0..300)) {
            let mut dec = [0u8; 64];
            let _ = decode(&data, &mut dec);
        }
    }
}
