//! Starting the CLI from a test: `Command::output`, asked again when Wine's CreateProcess fails
//! at once with ERROR_INTERNAL_ERROR (1359), as it now and then does while many tests start
//! processes together (nothing was started, so nothing is done twice). Every test that runs a
//! process goes through it.

use std::io;
use std::process::{Command, Output};

pub trait OutputRetried {
    /// [`Command::output`], retried up to three times on Windows' error 1359.
    fn output_retried(&mut self) -> io::Result<Output>;
}

impl OutputRetried for Command {
    fn output_retried(&mut self) -> io::Result<Output> {
        let mut tries = 0;
        loop {
            match self.output() {
                Err(e) if e.raw_os_error() == Some(1359) && cfg!(windows) && tries < 3 => {
                    tries += 1;
                }
                other => return other,
            }
        }
    }
}
