//! `lede [FILE|-] [--pretty] [--offsets utf16|utf8|chars]`: annotates a UTF-8 text and prints the JSON contract.

use std::io::{Read, Write};
use std::process::ExitCode;

use lede::{annotate, Output, Unit};

const USAGE: &str = "usage: lede [FILE|-] [--pretty] [--offsets utf16|utf8|chars]

Finds the people, countries, figures and quotes in a UTF-8 text (FILE, or standard input when FILE is - or absent)
and prints {\"version\": 1, \"annotations\": [...], \"entities\": [...]} as JSON.

  --pretty            indent the JSON
  --offsets UNIT      what start/end count: utf16 (JavaScript string index, the default), utf8 (bytes), chars (code points)
  -h, --help          this text
  -V, --version       the version";

struct Args {
    path: Option<String>,
    pretty: bool,
    unit: Unit,
}

fn parse_args() -> Result<Option<Args>, String> {
    let mut args = Args {
        path: None,
        pretty: false,
        unit: Unit::Utf16,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(None);
            }
            "-V" | "--version" => {
                println!("lede {}", env!("CARGO_PKG_VERSION"));
                return Ok(None);
            }
            "--pretty" => args.pretty = true,
            "--offsets" => {
                let v = it
                    .next()
                    .ok_or("--offsets needs a value: utf16, utf8 or chars")?;
                args.unit = v.parse()?;
            }
            _ if a.starts_with("--offsets=") => args.unit = a["--offsets=".len()..].parse()?,
            "-" => args.path = None,
            _ if a.starts_with('-') => return Err(format!("unknown option {a:?} (see --help)")),
            _ => {
                if args.path.is_some() {
                    return Err("only one FILE may be given (see --help)".into());
                }
                args.path = Some(a);
            }
        }
    }
    Ok(Some(args))
}

fn read_input(path: Option<&str>) -> Result<String, String> {
    let (bytes, name) = match path {
        None => {
            let mut buf = Vec::new();
            std::io::stdin()
                .read_to_end(&mut buf)
                .map_err(|e| format!("cannot read standard input: {e}"))?;
            (buf, "standard input".to_string())
        }
        Some(p) => {
            let meta =
                std::fs::metadata(p).map_err(|e| format!("cannot read {p}: {}", describe(&e)))?;
            if meta.is_dir() {
                return Err(format!("cannot read {p}: it is a directory, not a file"));
            }
            (
                std::fs::read(p).map_err(|e| format!("cannot read {p}: {}", describe(&e)))?,
                p.to_string(),
            )
        }
    };
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("{name} is not UTF-8 text: invalid byte sequence at byte offset {at}")
    })
}

fn describe(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".into(),
        std::io::ErrorKind::PermissionDenied => "permission denied".into(),
        _ => e.to_string(),
    }
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(Some(a)) => a,
        Ok(None) => return ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("lede: {msg}");
            return ExitCode::from(2);
        }
    };
    let text = match read_input(args.path.as_deref()) {
        Ok(t) => t,
        Err(msg) => {
            eprintln!("lede: {msg}");
            return ExitCode::from(2);
        }
    };
    let doc = annotate(&text);
    let mut json = Output::new(&text, &doc, args.unit).to_json(args.pretty);
    // One write ending in the newline: standard output's line buffer then finds the newline at once from the end
    // instead of scanning the whole (one-line) JSON for one.
    json.push('\n');
    let mut out = std::io::stdout().lock();
    if out
        .write_all(json.as_bytes())
        .and_then(|_| out.flush())
        .is_err()
    {
        // A closed pipe (`lede big.txt | head`) is not an error worth a message.
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
