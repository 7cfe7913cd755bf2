//! What happens when the firmware panics or faults: under QEMU, a report line and exit status
//! 1 so a test fails at once; on the board, a system reset (a handheld that restarts is better
//! than one that freezes).

use core::panic::PanicInfo;

#[panic_handler]
fn panic(info: &PanicInfo) -> ! {
    #[cfg(all(feature = "qemu", not(feature = "defmt")))]
    {
        cortex_m_semihosting::hprintln!("carnet-panic {}", info);
        crate::qemu::exit(false);
    }
    #[cfg(feature = "defmt")]
    {
        defmt::error!("panic: {}", defmt::Display2Format(info));
        crate::qemu::exit(false);
    }
    #[cfg(not(feature = "qemu"))]
    {
        let _ = info;
        cortex_m::peripheral::SCB::sys_reset();
    }
}

// `unsafe fn` because cortex-m-rt requires it for this handler; only the hardware calls it.
#[cortex_m_rt::exception]
unsafe fn HardFault(frame: &cortex_m_rt::ExceptionFrame) -> ! {
    #[cfg(all(feature = "qemu", not(feature = "defmt")))]
    {
        cortex_m_semihosting::hprintln!("carnet-hardfault pc={:#010x}", frame.pc());
        crate::qemu::exit(false);
    }
    #[cfg(feature = "defmt")]
    {
        defmt::error!("hard fault at pc={=u32:#010x}", frame.pc());
        crate::qemu::exit(false);
    }
    #[cfg(not(feature = "qemu"))]
    {
        let _ = frame;
        cortex_m::peripheral::SCB::sys_reset();
    }
}
