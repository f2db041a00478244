//! The import rules of design.md that the compiler cannot check: app never reaches into ui.

use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn app_does_not_import_ui() {
    let mut files = Vec::new();
    rust_files(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app"), &mut files);
    assert!(files.len() > 10, "src/app was not found");
    let offenders: Vec<String> = files
        .iter()
        .filter(|path| {
            let text = std::fs::read_to_string(path).unwrap();
            text.contains("crate::ui") || text.contains("super::ui") || text.contains("tiltak::ui")
        })
        .map(|path| path.display().to_string())
        .collect();
    assert!(offenders.is_empty(), "app imports ui in {offenders:?}");
}
