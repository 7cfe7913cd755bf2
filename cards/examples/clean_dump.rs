//! Prints the cleaned text of each document given, block by block, for eyeballing.

fn main() {
    for path in std::env::args().skip(1) {
        let text = std::fs::read_to_string(&path).expect("readable UTF-8 file");
        let doc = carnet_cards::clean::clean(&text);
        println!("===== {path} ({})", doc.format.name());
        for b in &doc.blocks {
            println!("[{:?} L{}] {}", b.kind, b.first_line(), b.text);
        }
    }
}
