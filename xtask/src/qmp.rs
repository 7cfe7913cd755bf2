//! A small QMP (QEMU Machine Protocol) client over a unix socket: one JSON object a line,
//! a greeting, `qmp_capabilities`, then commands answered by `return` or `error`, with
//! asynchronous `event`s in between.

use std::io::{BufRead, BufReader, Write};
use std::os::unix::net::UnixStream;
use std::path::Path;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

use crate::error::{Context as _, Error, Result};

/// A connected QMP session in command mode.
pub struct Qmp {
    reader: BufReader<UnixStream>,
    writer: UnixStream,
    events: Vec<Value>,
}

impl Qmp {
    /// Connects to `socket`, retrying until `timeout` while `alive()` says QEMU still runs
    /// (QEMU creates the socket a moment after it starts), and enters command mode.
    pub fn connect(
        socket: &Path,
        timeout: Duration,
        mut alive: impl FnMut() -> bool,
    ) -> Result<Qmp> {
        let deadline = Instant::now() + timeout;
        let stream = loop {
            match UnixStream::connect(socket) {
                Ok(s) => break s,
                Err(e) => {
                    if !alive() {
                        return Err(Error::new("QEMU exited before its QMP socket opened"));
                    }
                    if Instant::now() > deadline {
                        return Err(Error::new(format!(
                            "connecting to QMP at {}: {e}",
                            socket.display()
                        )));
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
            }
        };
        stream.set_read_timeout(Some(Duration::from_secs(20)))?;
        let writer = stream.try_clone()?;
        let mut qmp = Qmp {
            reader: BufReader::new(stream),
            writer,
            events: Vec::new(),
        };
        // An event can come first (seen: a `RESUME` before the greeting, under load): kept
        // with the others, the greeting is the first message that is not one.
        let mut greeting = qmp.read_message()?;
        while greeting.get("event").is_some() {
            qmp.events.push(greeting);
            greeting = qmp.read_message()?;
        }
        if greeting.get("QMP").is_none() {
            return Err(Error::new(format!("unexpected QMP greeting: {greeting}")));
        }
        qmp.execute("qmp_capabilities", json!({}))?;
        Ok(qmp)
    }

    fn read_message(&mut self) -> Result<Value> {
        let mut line = String::new();
        let n = self
            .reader
            .read_line(&mut line)
            .context("reading from QMP")?;
        if n == 0 {
            return Err(Error::new("QMP connection closed (QEMU exited?)"));
        }
        serde_json::from_str(&line).context(format!("QMP sent invalid JSON {line:?}"))
    }

    /// Runs `command` with `arguments` and returns its `return` value; events that arrive
    /// meanwhile are kept (see [`Qmp::events`]).
    pub fn execute(&mut self, command: &str, arguments: Value) -> Result<Value> {
        let mut msg = json!({ "execute": command });
        if arguments.as_object().is_some_and(|a| !a.is_empty()) {
            msg["arguments"] = arguments;
        }
        let mut line = msg.to_string();
        line.push('\n');
        self.writer
            .write_all(line.as_bytes())
            .context(format!("sending QMP {command}"))?;
        loop {
            let reply = self.read_message()?;
            if let Some(ret) = reply.get("return") {
                return Ok(ret.clone());
            }
            if let Some(err) = reply.get("error") {
                let desc = err.get("desc").and_then(Value::as_str).unwrap_or("?");
                return Err(Error::new(format!("QMP {command}: {desc}")));
            }
            if reply.get("event").is_some() {
                self.events.push(reply);
            }
        }
    }

    /// Events received so far (`SHUTDOWN`, …).
    pub fn events(&self) -> &[Value] {
        &self.events
    }
}
