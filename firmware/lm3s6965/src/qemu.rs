//! Semihosting services used when running under QEMU (feature `qemu`): host time, report
//! lines on QEMU's standard output, and the exit status QEMU exits with.
//!
//! Never enable this on a board without a debugger attached: a semihosting call then traps
//! into a breakpoint nobody answers and the CPU stops.

use cortex_m_semihosting::{debug, nr, syscall, syscall1};

/// Host monotonic time in ns since QEMU started (`SYS_ELAPSED`).
pub fn elapsed_ns() -> u64 {
    let mut words = [0u32; 2];
    // SAFETY: SYS_ELAPSED writes two 32-bit words (low, high) at the address passed, and
    // `words` is a live, writable, aligned [u32; 2] for the whole call.
    let status = unsafe { syscall1(nr::ELAPSED, words.as_mut_ptr() as usize) };
    if status != 0 {
        return 0;
    }
    (words[1] as u64) << 32 | words[0] as u64
}

/// Host wall time, seconds since 1970 (`SYS_TIME`).
pub fn unix_time() -> u32 {
    // SAFETY: SYS_TIME takes no argument block (the zero is ignored) and only returns a value.
    unsafe { syscall!(TIME) as u32 }
}

/// Exits QEMU with status 0 (`success`) or 1.
pub fn exit(success: bool) -> ! {
    debug::exit(if success {
        debug::EXIT_SUCCESS
    } else {
        debug::EXIT_FAILURE
    });
    // Only reached if the host ignored the exit request.
    loop {
        cortex_m::asm::wfi();
    }
}

/// Writes `args` and a newline to QEMU's standard output: plain text without the `defmt`
/// feature, a defmt frame with it (so the two never interleave on one stream).
#[macro_export]
macro_rules! report {
    ($($arg:tt)*) => {{
        #[cfg(not(feature = "defmt"))]
        { cortex_m_semihosting::hprintln!($($arg)*); }
        #[cfg(feature = "defmt")]
        { defmt::println!($($arg)*); }
    }};
}
