//! Any bytes given to the review-log readers: every record the streaming decoder (the
//! device's) reads, the slice reader reads too, in the same order; the slice reader may read
//! more (it also recovers two frames joined by a damaged delimiter, which the device's
//! fixed buffer does not). Re-encoding a decoded record gives a frame that decodes to it.
#![no_main]

use carnet_engine::review_log::{
    decode_frame, encode_frame, FrameDecoder, LogReader, MAX_FRAME_LEN,
};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let from_slice: Vec<_> = LogReader::new(data)
        .filter_map(|r| r.ok().map(|(_, e)| e))
        .collect();
    let mut decoder = FrameDecoder::default();
    let streamed: Vec<_> = data
        .iter()
        .filter_map(|&b| decoder.push(b))
        .filter_map(|r| r.ok())
        .collect();
    let mut rest = from_slice.iter();
    for e in &streamed {
        assert!(
            rest.any(|x| x == e),
            "a streamed record the slice reader lacks: {e:?}"
        );
    }
    for entry in from_slice {
        let mut buf = [0u8; MAX_FRAME_LEN];
        let n = encode_frame(&entry, &mut buf);
        assert_eq!(decode_frame(&buf[..n - 1]), Ok(entry));
    }
});
