//! What the CLI shows: translated messages on stderr, data on stdout, prompts.
//!
//! Data a script may consume (addresses, signatures, the mnemonic in scripted mode,
//! JSON) goes to stdout; everything addressed to a person goes to stderr, translated.

use std::io::{self, BufRead, IsTerminal, Write};

use jifen_i18n::{Arg, Catalog, Locale};

/// The terminal session: catalog plus whether prompts may be shown.
pub struct Ui {
    catalog: Catalog,
    interactive: bool,
}

impl Ui {
    /// A UI in `locale`; `force_interactive` reads prompts from stdin even when it is
    /// not a terminal (for scripted answers).
    pub fn new(locale: Locale, force_interactive: bool) -> Self {
        Ui {
            catalog: Catalog::new(locale),
            interactive: force_interactive || io::stdin().is_terminal(),
        }
    }

    /// The message catalog.
    pub fn catalog(&self) -> &Catalog {
        &self.catalog
    }

    /// Whether the person can be asked questions.
    pub fn interactive(&self) -> bool {
        self.interactive
    }

    /// Formats a message.
    pub fn text(&self, id: &str, args: &[(&str, Arg)]) -> String {
        self.catalog.format(id, args)
    }

    /// Tells the person something (stderr).
    pub fn say(&self, id: &str, args: &[(&str, Arg)]) {
        let mut err = io::stderr().lock();
        let _ = writeln!(err, "{}", self.text(id, args));
    }

    /// Tells the person an already formatted text (stderr).
    pub fn say_text(&self, text: &str) {
        let mut err = io::stderr().lock();
        let _ = writeln!(err, "{text}");
    }

    /// Writes data for scripts (stdout).
    pub fn data(&self, line: &str) {
        let mut out = io::stdout().lock();
        let _ = writeln!(out, "{line}");
    }

    /// Asks a question and reads one line (visible input).
    pub fn ask(&self, id: &str, args: &[(&str, Arg)]) -> io::Result<String> {
        {
            let mut err = io::stderr().lock();
            write!(err, "{}", self.text(id, args))?;
            err.flush()?;
        }
        let mut line = zeroize::Zeroizing::new(String::new());
        if read_line_bounded(&mut io::stdin().lock(), &mut line)? == 0 {
            return Err(io::Error::new(io::ErrorKind::UnexpectedEof, "end of input"));
        }
        Ok(line.trim_end_matches(['\r', '\n']).to_owned())
    }

    /// Asks for hidden input (passwords). Falls back to a visible line when stdin is
    /// not a terminal but interaction was requested.
    pub fn ask_hidden(
        &self,
        id: &str,
        args: &[(&str, Arg)],
    ) -> io::Result<zeroize::Zeroizing<String>> {
        if io::stdin().is_terminal() {
            let prompt = self.text(id, args);
            rpassword::prompt_password(prompt).map(zeroize::Zeroizing::new)
        } else {
            self.ask(id, args).map(zeroize::Zeroizing::new)
        }
    }

    /// Waits for Enter, then clears the screen and its scrollback (after showing a
    /// mnemonic on a terminal).
    pub fn wait_and_clear(&self, id: &str) -> io::Result<()> {
        let _ = self.ask(id, &[])?;
        if io::stderr().is_terminal() {
            let mut err = io::stderr().lock();
            write!(err, "\x1b[2J\x1b[3J\x1b[H")?;
            err.flush()?;
        }
        Ok(())
    }
}

/// The longest line read from stdin: far above any answer or mnemonic, low
/// enough that a stream without newlines cannot grow memory without bound.
pub const MAX_LINE_BYTES: u64 = 64 * 1024;

/// Reads one line into `line`, at most [`MAX_LINE_BYTES`]; returns the bytes
/// read (0 at end of input).
///
/// # Errors
/// I/O errors, and `InvalidData` for a longer line (nothing of it is kept).
pub fn read_line_bounded(input: &mut impl BufRead, line: &mut String) -> io::Result<usize> {
    let read = io::Read::take(input, MAX_LINE_BYTES + 1).read_line(line)?;
    if read as u64 > MAX_LINE_BYTES {
        zeroize::Zeroize::zeroize(line);
        return Err(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("a line longer than {MAX_LINE_BYTES} bytes"),
        ));
    }
    Ok(read)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_line_is_read_up_to_the_bound_and_no_further() {
        let mut line = String::new();
        let mut input = io::Cursor::new(b"abandon ability\nnext".to_vec());
        assert_eq!(read_line_bounded(&mut input, &mut line).unwrap(), 16);
        assert_eq!(line, "abandon ability\n");

        let endless = vec![b'x'; usize::try_from(MAX_LINE_BYTES).unwrap() * 4];
        let mut line = String::new();
        let error = read_line_bounded(&mut io::Cursor::new(endless), &mut line).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        assert!(line.is_empty());
    }
}
