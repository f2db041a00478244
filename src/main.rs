use std::io::IsTerminal;
use std::process::ExitCode;

use tiltak::app::{App, Message};
use tiltak::cli::{self, Failure};
use tiltak::config::Config;
use tiltak::i18n::{Lang, Msg};
use tiltak::share;
use tiltak::store::writer::Writer;
use tiltak::store::{FileStore, Lock, save::remove_stale_temp_files};
use tiltak::ui::Theme;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let lang = cli::early_lang(&args);
    let parsed = cli::parse(lang, args);
    let lang = Lang::detect(parsed.lang.as_deref());
    if let Some(count) = parsed.stress_save {
        return cli::run_stress(&parsed, count, lang);
    }
    // `tiltak config` says itself what is wrong with the file; git's merge driver never
    // fails over one person's settings.
    let config = match &parsed.command {
        Some(cli::Command::Config { .. } | cli::Command::MergeFile { .. }) => Config::default(),
        _ => match cli::config(&parsed, lang) {
            Ok(config) => config,
            Err(failure) => {
                failure.print();
                return ExitCode::from(failure.code);
            }
        },
    };
    // --lang first, then the config file, then (in the app) the backlog's default, then the
    // environment.
    let chosen = parsed.lang.as_deref().and_then(Lang::parse).or(config.lang);
    share::author::set_from_config(config.author.clone());
    let lang = chosen.unwrap_or(lang);
    match &parsed.command {
        Some(command) => cli::run(&parsed, command, lang),
        None => match interactive(&parsed, lang, chosen, config) {
            Ok(()) => ExitCode::SUCCESS,
            Err(failure) => {
                failure.print();
                ExitCode::from(failure.code)
            }
        },
    }
}

fn interactive(parsed: &cli::Cli, lang: Lang, chosen: Option<Lang>, config: Config) -> Result<(), Failure> {
    let clock = cli::clock(lang)?;
    let path = cli::data_path(parsed, lang)?;
    let fail = |message: String| Failure { message, code: 1 };
    // Without a terminal (`tiltak | less`, `tiltak > file`, cron) the screen setup would panic
    // or write escape codes into a pipe: refuse before touching any file.
    if !std::io::stdout().is_terminal() {
        return Err(fail(
            lang.fill(Msg::ErrTerminal, &[("error", "standard output is not a terminal")]),
        ));
    }
    // A second window on a file that is open elsewhere shows it read only; so does a folder in
    // which not even the lock can be created (a read-only mount, no permission).
    let (mut lock, unwritable) = match Lock::try_acquire(&path) {
        Ok(lock) => (lock, None),
        Err(error) => (None, Some(error.to_string())),
    };
    if lock.is_some() {
        remove_stale_temp_files(&path);
        if parsed.demo {
            cli::write_demo_if_missing(&path, lang)?;
        }
    }
    let (store, loaded) = FileStore::open(path.clone()).map_err(|error| fail(error.message(lang)))?;
    let backlog = loaded.map_or_else(|| cli::new_backlog(lang), |loaded| loaded.backlog);
    let group_default = backlog.settings.language.as_deref().and_then(Lang::parse);
    let lang = chosen.or(group_default).unwrap_or(lang);
    let shown_path = path.display().to_string();
    let previous_hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        previous_hook(info);
        eprintln!("{}", lang.fill(Msg::PanicMessage, &[("path", &shown_path)]));
    }));
    // Saves run on the writer's thread, so no edit waits for the disk.
    let writer = Writer::spawn(store, None).map_err(|error| fail(error.to_string()))?;
    let mut app = App::new(backlog, lang, Box::new(writer), clock);
    app.demo = parsed.demo;
    // issue 11: the member's name for the log, and whether automatic sync applies here
    let dir = tiltak::store::paths::dir_of(&path);
    app.author = share::author::resolve(share::author::from_env(), &dir);
    app.shared = share::git::Git::find(&dir).is_ok_and(|git| share::setup::is_shared(&git));
    app.read_only = lock.is_none();
    app.keymap = config.keymap;
    app.mouse = config.mouse;
    app.osc52 = config.osc52;
    app.dates = config.dates;
    app.config_author = config.author;
    app.config_path = tiltak::config::path(parsed.config.as_deref());
    if unwritable.is_some() {
        app.unwritable = unwritable;
        app.message = Some(Message {
            text: tiltak::app::update::read_only_text(&app),
            is_error: true,
        });
    }
    if lock.is_some() {
        let conflicts = tiltak::share::remembered::take(&path);
        tiltak::app::outside::show_synced_conflicts(&mut app, conflicts);
    }
    tiltak::app::start::offer(&mut app);
    tiltak::app::auto_sync::at_start(&mut app);
    let result = tiltak::tui::run(&mut app, Theme::from_env(config.palette), &mut lock);
    drop(lock);
    result.map_err(|e| fail(lang.fill(Msg::ErrTerminal, &[("error", &e.to_string())])))
}
