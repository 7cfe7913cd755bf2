//! `carnet generate FILES-OR-DIRS… -o DECK`: a deck from a corpus, by the deck generator.

use crate::args::GenerateArgs;
use crate::error::{CliError, Result};

/// Builds the deck.
pub fn execute(args: &GenerateArgs) -> Result<()> {
    let _ = args;
    Err(CliError::failure(
        "`carnet generate` needs the deck generator (crate carnet-cards), whose entry point is not \
         available yet in this build",
    ))
}
