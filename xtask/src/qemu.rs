//! [`Session`]: the emulated handheld, for the `firmware` commands and for end-to-end tests.
//!
//! ```no_run
//! use std::time::Duration;
//! use xtask::qemu::{BootOptions, Input, Session};
//!
//! # fn main() -> xtask::Result<()> {
//! let mut hh = Session::boot(&BootOptions::new("firmware.elf", "target/xtask/run").sd_image("sd.img"))?;
//! hh.wait_for_first_frame(Duration::from_secs(2))?;
//! hh.press(Input::Down)?;
//! let screen = hh.screenshot("after-down.png".as_ref())?;
//! hh.press(Input::Select)?;
//! let status = hh.wait_exit(Duration::from_secs(10))?;
//! # Ok(()) }
//! ```
//!
//! QEMU runs headless (`-display none`), with semihosting on (the firmware's output is
//! collected, its exit call ends QEMU with the firmware's status) and QMP on a unix socket
//! for keys (`send-key`) and screenshots (`screendump`).

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, ExitStatus, Stdio};
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use serde_json::json;

use crate::error::{Context as _, Error, Result};
use crate::qmp::Qmp;
use crate::screen::Screen;

/// How long QEMU holds a key down for one press (`send-key`'s `hold-time`).
pub const KEY_HOLD: Duration = Duration::from_millis(50);
/// Extra wait after a key's release, covering the firmware's 10 ms debounce.
const AFTER_RELEASE: Duration = Duration::from_millis(40);

/// A button of the handheld, as the firmware's `Input`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Input {
    /// Up (QEMU key `up`).
    Up,
    /// Down (QEMU key `down`).
    Down,
    /// Left (QEMU key `left`).
    Left,
    /// Right (QEMU key `right`).
    Right,
    /// Select (QEMU key `ctrl`).
    Select,
}

impl Input {
    /// The QEMU `qcode` of the key wired to this button on the lm3s6965evb model.
    pub fn qcode(self) -> &'static str {
        match self {
            Input::Up => "up",
            Input::Down => "down",
            Input::Left => "left",
            Input::Right => "right",
            Input::Select => "ctrl",
        }
    }

    /// Parses `up`, `down`, `left`, `right`, `select` (or `ctrl`).
    pub fn parse(name: &str) -> Option<Input> {
        match name.trim().to_ascii_lowercase().as_str() {
            "up" => Some(Input::Up),
            "down" => Some(Input::Down),
            "left" => Some(Input::Left),
            "right" => Some(Input::Right),
            "select" | "ctrl" => Some(Input::Select),
            _ => None,
        }
    }
}

/// Where the firmware's semihosting output goes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Output {
    /// Kept, readable with [`Session::output`].
    Capture,
    /// Kept and copied to this process's stdout as it comes.
    Echo,
    /// Piped through `defmt-print -e ELF` (for images built with the `defmt` feature).
    Defmt(PathBuf),
}

/// How to boot the handheld.
#[derive(Clone, Debug)]
pub struct BootOptions {
    /// The firmware ELF (`-kernel`).
    pub kernel: PathBuf,
    /// SD card image, if a card is inserted.
    pub sd_image: Option<PathBuf>,
    /// Directory for the QMP socket and temporary screendumps (created if missing); sessions
    /// running at the same time need one each. Keep its path short: a unix socket path is
    /// limited to about 100 bytes.
    pub run_dir: PathBuf,
    /// Semihosting output handling.
    pub output: Output,
}

impl BootOptions {
    /// Boot `kernel`, no SD card, output captured, scratch files in `run_dir`.
    pub fn new(kernel: impl Into<PathBuf>, run_dir: impl Into<PathBuf>) -> BootOptions {
        BootOptions {
            kernel: kernel.into(),
            sd_image: None,
            run_dir: run_dir.into(),
            output: Output::Capture,
        }
    }

    /// With the SD card image `image` inserted.
    pub fn sd_image(mut self, image: impl Into<PathBuf>) -> BootOptions {
        self.sd_image = Some(image.into());
        self
    }

    /// With semihosting output handled as `output`.
    pub fn output(mut self, output: Output) -> BootOptions {
        self.output = output;
        self
    }

    /// The QEMU command line (headless, semihosting, QMP on `qmp_socket`).
    pub fn command(&self, qmp_socket: &Path) -> Command {
        let mut cmd = Command::new("qemu-system-arm");
        cmd.args(["-M", "lm3s6965evb", "-cpu", "cortex-m3"])
            .args(["-display", "none", "-monitor", "none", "-serial", "none"])
            .args(["-semihosting-config", "enable=on,target=native"])
            .arg("-qmp")
            .arg(format!("unix:{},server=on,wait=off", qmp_socket.display()))
            .arg("-kernel")
            .arg(&self.kernel);
        if let Some(sd) = &self.sd_image {
            cmd.arg("-drive")
                .arg(format!("if=sd,format=raw,file={}", sd.display()));
        }
        cmd
    }
}

/// A running emulated handheld. Dropping it kills QEMU if it still runs.
pub struct Session {
    child: Child,
    decoder: Option<Child>,
    qmp: Option<Qmp>,
    started: Instant,
    run_dir: PathBuf,
    stdout: Arc<Mutex<Vec<u8>>>,
    stderr: Arc<Mutex<Vec<u8>>>,
    readers: Vec<JoinHandle<()>>,
    status: Option<ExitStatus>,
}

fn collect(
    mut from: impl Read + Send + 'static,
    into: Arc<Mutex<Vec<u8>>>,
    echo: bool,
) -> JoinHandle<()> {
    std::thread::spawn(move || {
        let mut buf = [0u8; 4096];
        loop {
            match from.read(&mut buf) {
                Ok(0) | Err(_) => break,
                Ok(n) => {
                    if echo {
                        use std::io::Write;
                        let mut out = std::io::stdout().lock();
                        let _ = out.write_all(&buf[..n]);
                        let _ = out.flush();
                    }
                    if let Ok(mut v) = into.lock() {
                        v.extend_from_slice(&buf[..n]);
                    }
                }
            }
        }
    })
}

impl Session {
    /// Starts QEMU and connects to its QMP socket.
    pub fn boot(options: &BootOptions) -> Result<Session> {
        if !options.kernel.exists() {
            return Err(Error::new(format!(
                "no firmware at {}",
                options.kernel.display()
            )));
        }
        std::fs::create_dir_all(&options.run_dir)
            .context(format!("creating {}", options.run_dir.display()))?;
        let run_dir = options
            .run_dir
            .canonicalize()
            .context(format!("resolving {}", options.run_dir.display()))?;
        let socket = run_dir.join("qmp.sock");
        let _ = std::fs::remove_file(&socket);
        let mut cmd = options.command(&socket);
        cmd.stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped());
        let started = Instant::now();
        let mut child = cmd
            .spawn()
            .context("starting qemu-system-arm (apt-get install -y qemu-system-arm)")?;
        let stdout = Arc::new(Mutex::new(Vec::new()));
        let stderr = Arc::new(Mutex::new(Vec::new()));
        let mut readers = Vec::new();
        let mut decoder = None;
        if let Some(out) = child.stdout.take() {
            match &options.output {
                Output::Capture => readers.push(collect(out, stdout.clone(), false)),
                Output::Echo => readers.push(collect(out, stdout.clone(), true)),
                Output::Defmt(elf) => {
                    let spawned = Command::new("defmt-print")
                        .arg("-e")
                        .arg(elf)
                        .stdin(Stdio::from(out))
                        .spawn();
                    match spawned {
                        Ok(d) => decoder = Some(d),
                        Err(e) => {
                            let _ = child.kill();
                            let _ = child.wait();
                            return Err(Error::new(format!(
                                "starting defmt-print: {e} (cargo install defmt-print)"
                            )));
                        }
                    }
                }
            }
        }
        if let Some(err) = child.stderr.take() {
            readers.push(collect(err, stderr.clone(), false));
        }
        let mut session = Session {
            child,
            decoder,
            qmp: None,
            started,
            run_dir,
            stdout,
            stderr,
            readers,
            status: None,
        };
        let qmp = {
            let child = &mut session.child;
            Qmp::connect(&socket, Duration::from_secs(10), || {
                matches!(child.try_wait(), Ok(None))
            })
        };
        match qmp {
            Ok(q) => session.qmp = Some(q),
            Err(e) => return Err(e.context(session.stderr_text().trim().to_owned())),
        }
        Ok(session)
    }

    /// When QEMU was started.
    pub fn started(&self) -> Instant {
        self.started
    }

    fn qmp(&mut self) -> Result<&mut Qmp> {
        self.qmp
            .as_mut()
            .ok_or_else(|| Error::new("QMP is not connected"))
    }

    /// Presses `input` for [`KEY_HOLD`] and returns once it is released and debounced.
    pub fn press(&mut self, input: Input) -> Result<()> {
        let hold = KEY_HOLD.as_millis() as u64;
        self.qmp()?.execute(
            "send-key",
            json!({ "keys": [{ "type": "qcode", "data": input.qcode() }], "hold-time": hold }),
        )?;
        std::thread::sleep(KEY_HOLD + AFTER_RELEASE);
        Ok(())
    }

    /// Starts a press of `input` (held [`KEY_HOLD`]) and returns at once, without waiting
    /// for the release: for power-cut tests that kill QEMU while the press is handled.
    pub fn press_nowait(&mut self, input: Input) -> Result<()> {
        let hold = KEY_HOLD.as_millis() as u64;
        self.qmp()?.execute(
            "send-key",
            json!({ "keys": [{ "type": "qcode", "data": input.qcode() }], "hold-time": hold }),
        )?;
        Ok(())
    }

    /// Presses `input`, then waits up to `timeout` for the screen to change; returns the new
    /// screen. Use it when the press must show, so a slow machine cannot race the test.
    pub fn press_and_wait_for_change(&mut self, input: Input, timeout: Duration) -> Result<Screen> {
        let before = self.screen()?;
        self.press(input)?;
        self.wait_for_change(&before, timeout)
            .map_err(|e| e.context(format!("after pressing {input:?}")))
    }

    /// Saves QEMU's screendump of the panel (512×256 PNG) to `path` and returns its content.
    pub fn screenshot(&mut self, path: &Path) -> Result<Screen> {
        if let Some(dir) = path.parent() {
            if !dir.as_os_str().is_empty() {
                std::fs::create_dir_all(dir)?;
            }
        }
        // QEMU writes the file itself, relative to its own working directory: pass it whole.
        let abs = if path.is_absolute() {
            path.to_path_buf()
        } else {
            std::env::current_dir()?.join(path)
        };
        self.qmp()?.execute(
            "screendump",
            json!({ "filename": abs.display().to_string(), "format": "png" }),
        )?;
        Screen::from_png_file(&abs)
    }

    /// What the panel shows now.
    pub fn screen(&mut self) -> Result<Screen> {
        let path = self.run_dir.join("screen.png");
        self.screenshot(&path)
    }

    /// Waits up to `timeout` for the first non-black frame and returns the time since QEMU
    /// was started (QEMU's own start-up included).
    pub fn wait_for_first_frame(&mut self, timeout: Duration) -> Result<Duration> {
        let deadline = Instant::now() + timeout;
        loop {
            if !self.screen()?.is_blank() {
                return Ok(self.started.elapsed());
            }
            if Instant::now() > deadline {
                return Err(Error::new(format!(
                    "no frame on the panel within {timeout:?}{}",
                    self.output_hint()
                )));
            }
            std::thread::sleep(Duration::from_millis(2));
        }
    }

    /// Waits up to `timeout` for the panel to differ from `before`; returns the new screen.
    pub fn wait_for_change(&mut self, before: &Screen, timeout: Duration) -> Result<Screen> {
        let deadline = Instant::now() + timeout;
        loop {
            let now = self.screen()?;
            if &now != before {
                return Ok(now);
            }
            if Instant::now() > deadline {
                return Err(Error::new(format!(
                    "the screen did not change within {timeout:?}{}",
                    self.output_hint()
                )));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Waits up to `timeout` for the panel to stay unchanged for `quiet`; returns it.
    pub fn wait_for_still(&mut self, quiet: Duration, timeout: Duration) -> Result<Screen> {
        let deadline = Instant::now() + timeout;
        let mut last = self.screen()?;
        let mut since = Instant::now();
        loop {
            std::thread::sleep(Duration::from_millis(10));
            let now = self.screen()?;
            if now != last {
                last = now;
                since = Instant::now();
            } else if since.elapsed() >= quiet {
                return Ok(last);
            }
            if Instant::now() > deadline {
                return Err(Error::new(format!(
                    "the screen kept changing for {timeout:?}"
                )));
            }
        }
    }

    /// Waits up to `timeout` for QEMU to exit and returns its status (the firmware's
    /// semihosting exit status). On timeout QEMU is killed and this fails.
    pub fn wait_exit(&mut self, timeout: Duration) -> Result<ExitStatus> {
        if let Some(status) = self.status {
            return Ok(status);
        }
        let deadline = Instant::now() + timeout;
        loop {
            if let Some(status) = self.child.try_wait()? {
                self.finish(status);
                return Ok(status);
            }
            if Instant::now() > deadline {
                let _ = self.child.kill();
                let status = self.child.wait()?;
                self.finish(status);
                return Err(Error::new(format!(
                    "QEMU still running after {timeout:?}; killed{}",
                    self.output_hint()
                )));
            }
            std::thread::sleep(Duration::from_millis(10));
        }
    }

    /// Whether QEMU is still running.
    pub fn is_running(&mut self) -> bool {
        if self.status.is_some() {
            return false;
        }
        match self.child.try_wait() {
            Ok(Some(status)) => {
                self.finish(status);
                false
            }
            Ok(None) => true,
            Err(_) => false,
        }
    }

    /// Kills QEMU at once (SIGKILL): a power cut. The SD image keeps whatever QEMU had
    /// written to it; nothing is flushed on the way out.
    pub fn kill(&mut self) -> Result<ExitStatus> {
        if let Some(status) = self.status {
            return Ok(status);
        }
        let _ = self.child.kill();
        let status = self.child.wait()?;
        self.finish(status);
        Ok(status)
    }

    /// Waits up to `timeout` for the firmware's output to satisfy `done`; returns the output.
    pub fn wait_for_output(
        &mut self,
        what: &str,
        timeout: Duration,
        done: impl Fn(&str) -> bool,
    ) -> Result<String> {
        let deadline = Instant::now() + timeout;
        loop {
            let out = self.output();
            if done(&out) {
                return Ok(out);
            }
            if !self.is_running() {
                let out = self.output();
                if done(&out) {
                    return Ok(out);
                }
                return Err(Error::new(format!(
                    "QEMU exited before {what}{}",
                    self.output_hint()
                )));
            }
            if Instant::now() > deadline {
                return Err(Error::new(format!(
                    "no {what} within {timeout:?}{}",
                    self.output_hint()
                )));
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    /// Asks QEMU to quit (QMP `quit`) and waits for it.
    pub fn quit(mut self) -> Result<ExitStatus> {
        if self.status.is_none() {
            if let Some(qmp) = self.qmp.as_mut() {
                // QEMU may close the socket before answering.
                let _ = qmp.execute("quit", json!({}));
            }
        }
        self.wait_exit(Duration::from_secs(5))
    }

    fn finish(&mut self, status: ExitStatus) {
        self.status = Some(status);
        self.qmp = None;
        for reader in self.readers.drain(..) {
            let _ = reader.join();
        }
        if let Some(mut d) = self.decoder.take() {
            let _ = d.wait();
        }
    }

    /// The firmware's semihosting output so far (empty with [`Output::Defmt`]).
    pub fn output(&self) -> String {
        self.stdout
            .lock()
            .map(|v| String::from_utf8_lossy(&v).into_owned())
            .unwrap_or_default()
    }

    /// QEMU's own messages (stderr) so far.
    pub fn stderr_text(&self) -> String {
        self.stderr
            .lock()
            .map(|v| String::from_utf8_lossy(&v).into_owned())
            .unwrap_or_default()
    }

    fn output_hint(&self) -> String {
        let out = self.output();
        let err = self.stderr_text();
        let mut hint = String::new();
        if !out.trim().is_empty() {
            hint.push_str(&format!("\nfirmware output:\n{}", out.trim_end()));
        }
        if !err.trim().is_empty() {
            hint.push_str(&format!("\nQEMU stderr:\n{}", err.trim_end()));
        }
        hint
    }
}

impl Drop for Session {
    fn drop(&mut self) {
        if self.status.is_none() {
            if let Ok(None) = self.child.try_wait() {
                let _ = self.child.kill();
            }
            let _ = self.child.wait();
        }
        if let Some(mut d) = self.decoder.take() {
            let _ = d.wait();
        }
    }
}
