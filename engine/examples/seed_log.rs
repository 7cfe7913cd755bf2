//! Writes a small, valid review log (reviews, an undo, a suspension, a torn tail) to the path
//! given: the fuzzers' seed.

use carnet_engine::review_log::{encode_frame, LogEntry, Review, MAX_FRAME_LEN};
use carnet_engine::{CardId, Rating};

fn main() -> std::io::Result<()> {
    let path = std::env::args().nth(1).expect("usage: seed_log OUTPUT");
    let mut out = Vec::new();
    let mut buf = [0u8; MAX_FRAME_LEN];
    let entries = [
        LogEntry::Review(Review {
            card: CardId(1),
            time_ms: 1_700_000_000_000,
            rating: Rating::Good,
            duration_ms: 5_000,
        }),
        LogEntry::Review(Review {
            card: CardId(u64::MAX),
            time_ms: -1,
            rating: Rating::Again,
            duration_ms: u32::MAX,
        }),
        LogEntry::Undo {
            card: CardId(1),
            review_time_ms: 1_700_000_000_000,
        },
        LogEntry::Suspend {
            card: CardId(7),
            time_ms: 1_700_000_100_000,
        },
        LogEntry::Unsuspend {
            card: CardId(7),
            time_ms: 1_700_000_200_000,
        },
    ];
    for e in &entries {
        let n = encode_frame(e, &mut buf);
        out.extend_from_slice(&buf[..n]);
    }
    let n = encode_frame(&entries[0], &mut buf);
    out.extend_from_slice(&buf[..n / 2]);
    std::fs::write(path, out)
}
