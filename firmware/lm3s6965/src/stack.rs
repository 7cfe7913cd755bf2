//! RAM budget figures: static RAM and the stack's high-water mark.
//!
//! cortex-m-rt (feature `paint-stack`) fills everything between the end of the statics
//! (`_stack_end`) and the top of RAM (`_stack_start`) with `0xCCCC_CCCC` before `main`. The
//! stack grows down from the top; the lowest word that no longer holds the paint is the
//! deepest the stack has been.

use cortex_m_rt::STACK_PAINT_VALUE;

extern "C" {
    static _stack_start: u32;
    static _stack_end: u32;
    static _ram_start: u32;
}

fn addr_of_stack_start() -> usize {
    // Only the address of the linker symbol is taken (safe since Rust 1.82); it is never read.
    core::ptr::addr_of!(_stack_start) as usize
}

fn addr_of_stack_end() -> usize {
    // Only the address of the linker symbol is taken (safe since Rust 1.82); it is never read.
    core::ptr::addr_of!(_stack_end) as usize
}

fn addr_of_ram_start() -> usize {
    // Only the address of the linker symbol is taken (safe since Rust 1.82); it is never read.
    core::ptr::addr_of!(_ram_start) as usize
}

/// Bytes of RAM taken by statics (`.data`, `.bss`, `.uninit`).
pub fn static_ram_bytes() -> usize {
    addr_of_stack_end() - addr_of_ram_start()
}

/// Bytes of RAM the stack may grow into.
pub fn stack_capacity_bytes() -> usize {
    addr_of_stack_start() - addr_of_stack_end()
}

/// The deepest the stack has been since boot, in bytes.
pub fn stack_peak_bytes() -> usize {
    let start = addr_of_stack_end();
    let end = addr_of_stack_start();
    // Only the free part of the stack, below the stack pointer, is scanned: no live frame owns
    // it. The high-water mark is at or below the current stack pointer anyway.
    let sp = (cortex_m::register::msp::read() as usize) & !3;
    let scan_end = sp.clamp(start, end);
    let mut addr = start;
    while addr < scan_end {
        // SAFETY: `addr` is word aligned (both linker symbols are 4-aligned, asserted by
        // cortex-m-rt's link.x, and `sp` is rounded down) and lies in always-mapped RAM
        // between the statics and the stack pointer, which no Rust object owns (an interrupt
        // may push a frame there meanwhile; a volatile read of it is still just a read).
        let word = unsafe { core::ptr::read_volatile(addr as *const u32) };
        if word != STACK_PAINT_VALUE {
            break;
        }
        addr += 4;
    }
    end - addr
}
