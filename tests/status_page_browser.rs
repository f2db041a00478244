//! The demo's status page in a real browser: headless Chromium takes a 1280×900 screenshot and
//! prints the page to PDF, in Norwegian and English; a second screenshot asks for the dark
//! scheme. The PNG must hold a real page (many colours, not a blank or an error page), the PDF
//! an A4 document of a plausible number of pages with the page number in its footer. The files
//! stay in `target/tmp/status-page/` to be looked at.
//!
//! `.ci/run` installs Debian's `chromium` and `poppler-utils` when missing and sets
//! `TILTAK_REQUIRE_BROWSER=1`, so there a missing browser fails the test. Elsewhere the test
//! says that it was skipped and why.

mod common;

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use jiff::civil::date;
use tiltak::export::html::status_page;
use tiltak::i18n::Lang;

const BROWSERS: [&str; 3] = ["chromium", "chromium-browser", "google-chrome"];

fn on_path(program: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(program))
        .find(|candidate| candidate.is_file())
}

fn browser() -> Option<PathBuf> {
    BROWSERS.iter().find_map(|name| on_path(name))
}

/// Runs `command` to its end, or kills it after `limit`; true when it exited with success.
fn run(mut command: Command, limit: Duration) -> bool {
    let mut child = command
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start the browser");
    let started = Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("wait for the browser") {
            return status.success();
        }
        if started.elapsed() > limit {
            let _ = child.kill();
            let _ = child.wait();
            panic!("the browser took longer than {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Headless Chromium with nothing that reaches the network and a profile of its own.
fn chromium(binary: &Path, profile: &Path) -> Command {
    let mut command = Command::new(binary);
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--hide-scrollbars",
    ]);
    command.arg(format!("--user-data-dir={}", profile.display()));
    command
}

/// The screenshot's pixels: width, height, bytes per pixel and the bytes.
fn pixels(png_file: &Path) -> (u32, u32, usize, Vec<u8>) {
    let decoder = png::Decoder::new(std::io::BufReader::new(std::fs::File::open(png_file).unwrap()));
    let mut reader = decoder.read_info().unwrap();
    let mut pixels = vec![0; reader.output_buffer_size().unwrap()];
    let frame = reader.next_frame(&mut pixels).unwrap();
    pixels.truncate(frame.buffer_size());
    (frame.width, frame.height, frame.color_type.samples(), pixels)
}

/// How many different colours the screenshot holds.
fn colours(png_file: &Path) -> (u32, u32, usize) {
    let (width, height, step, pixels) = pixels(png_file);
    let distinct: HashSet<&[u8]> = pixels.chunks(step).collect();
    (width, height, distinct.len())
}

/// The page's background: the top-left pixel's RGB.
fn background(png_file: &Path) -> [u8; 3] {
    let (_, _, _, pixels) = pixels(png_file);
    [pixels[0], pixels[1], pixels[2]]
}

fn pdf_pages(pdf: &Path) -> Option<(usize, String)> {
    let pdfinfo = on_path("pdfinfo")?;
    let output = Command::new(pdfinfo).arg(pdf).output().ok()?;
    let info = String::from_utf8_lossy(&output.stdout).to_string();
    let pages = info
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())?;
    Some((pages, info))
}

fn pdf_text(pdf: &Path) -> Option<String> {
    let pdftotext = on_path("pdftotext")?;
    let output = Command::new(pdftotext).arg(pdf).arg("-").output().ok()?;
    Some(String::from_utf8_lossy(&output.stdout).to_string())
}

#[test]
fn the_demo_page_renders_and_prints_in_headless_chromium() {
    let Some(binary) = browser() else {
        let message = format!(
            "SKIPPED: no headless browser ({}) on PATH, so the status page was not checked in a \
             real browser. `.ci/run` installs Debian's chromium; or run `apt-get install chromium \
             poppler-utils`.",
            BROWSERS.join(", ")
        );
        assert!(std::env::var_os("TILTAK_REQUIRE_BROWSER").is_none(), "{message}");
        eprintln!("{message}");
        return;
    };
    let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("status-page");
    let _ = std::fs::remove_dir_all(&out);
    std::fs::create_dir_all(&out).unwrap();
    let backlog = common::demo();
    for (lang, code, footer) in [(Lang::Nb, "nb", "side 1 av "), (Lang::En, "en", "page 1 of ")] {
        let page = out.join(format!("status-{code}.html"));
        std::fs::write(&page, status_page(&backlog, lang, date(2026, 11, 29))).unwrap();
        let url = format!("file://{}", page.display());

        let png = out.join(format!("status-{code}.png"));
        let mut shot = chromium(&binary, &out.join(format!("profile-shot-{code}")));
        shot.arg("--window-size=1280,900")
            .arg(format!("--screenshot={}", png.display()))
            .arg(&url);
        assert!(
            run(shot, Duration::from_secs(120)),
            "chromium --screenshot failed ({code})"
        );
        let (width, height, distinct) = colours(&png);
        assert_eq!((width, height), (1280, 900), "{}", png.display());
        assert!(
            distinct > 50,
            "the screenshot is a real page, not blank: {distinct} colours"
        );

        assert_eq!(background(&png), [0xff, 0xff, 0xff], "light by default");
        let dark = out.join(format!("status-{code}-dark.png"));
        let mut shot = chromium(&binary, &out.join(format!("profile-dark-{code}")));
        shot.args(["--window-size=1280,900", "--force-dark-mode"])
            .arg(format!("--screenshot={}", dark.display()))
            .arg(&url);
        assert!(
            run(shot, Duration::from_secs(120)),
            "chromium --force-dark-mode failed ({code})"
        );
        assert_eq!(background(&dark), [0x14, 0x17, 0x1b], "prefers-color-scheme: dark");

        let pdf = out.join(format!("status-{code}.pdf"));
        let mut print = chromium(&binary, &out.join(format!("profile-pdf-{code}")));
        print
            .arg("--no-pdf-header-footer")
            .arg(format!("--print-to-pdf={}", pdf.display()))
            .arg(&url);
        assert!(
            run(print, Duration::from_secs(120)),
            "chromium --print-to-pdf failed ({code})"
        );
        let bytes = std::fs::read(&pdf).unwrap();
        assert!(bytes.starts_with(b"%PDF"), "{}", pdf.display());
        match pdf_pages(&pdf) {
            Some((pages, info)) => {
                assert!((4..=16).contains(&pages), "{pages} pages:\n{info}");
                assert!(info.contains("594.96 x 841.92"), "A4:\n{info}");
                let text = pdf_text(&pdf).unwrap_or_default();
                assert!(
                    text.contains(&format!("{footer}{pages}")),
                    "page number in the footer:\n{text}"
                );
                assert!(text.contains(&backlog.name), "the page's content is in the PDF");
                eprintln!("{code}: {pages} A4 pages");
            }
            None => {
                assert!(
                    std::env::var_os("TILTAK_REQUIRE_BROWSER").is_none(),
                    "pdfinfo is missing"
                );
                eprintln!("pdfinfo (poppler-utils) is missing: checked the PDF's size only");
                assert!(bytes.len() > 20_000, "{} bytes", bytes.len());
            }
        }
        eprintln!(
            "{code}: {} ({distinct} colours), {} ({} bytes)",
            png.display(),
            pdf.display(),
            bytes.len()
        );
    }
}
