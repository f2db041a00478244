//! Command-line parsing (clap) and the non-interactive subcommands.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Duration;

use clap::{ArgMatches, CommandFactory, FromArgMatches, Parser, Subcommand};
use unicode_width::UnicodeWidthStr;

use crate::clock::Clock;
use crate::domain::lookup::UnknownName;
use crate::domain::text::visible;
use crate::domain::{Backlog, MeasureDraft, Status};
use crate::i18n::{Lang, Msg};
use crate::search::{self, DueFilter, MeasureFilter, SortKey};
use crate::store::{self, Lock, paths};

mod backups;
mod export;
// issue 16: glossary
mod glossary;
mod json;
mod measure;
mod meetings;
// issue 11/16: the backlog's settings on the command line
mod settings;
pub mod share;
mod stress;

use json::MeasureJson;

#[derive(Debug, Parser)]
#[command(name = "tiltak", version)]
pub struct Cli {
    /// Data file
    #[arg(long, global = true, value_name = "PATH")]
    pub data: Option<PathBuf>,
    /// Language
    #[arg(long, global = true, value_name = "nb|en", value_parser = ["nb", "en"])]
    pub lang: Option<String>,
    /// Demo
    #[arg(long)]
    pub demo: bool,
    // issue 14: the user's config file
    /// Config file
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// Test-only: save N changes in a row (for kill tests).
    #[arg(long, hide = true, value_name = "N")]
    pub stress_save: Option<u32>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Path
    Path,
    /// Add
    Add {
        title: String,
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        #[arg(long, value_name = "NAME")]
        sector: Vec<String>,
        #[arg(long, value_name = "TITLE")]
        priority: Vec<String>,
        #[arg(long, value_name = "KEY")]
        status: Option<String>,
        #[arg(long, value_name = "YYYY-MM-DD")]
        due: Option<String>,
    },
    /// List
    List {
        #[arg(long, value_name = "KEY")]
        status: Option<String>,
        #[arg(long, value_name = "NAME")]
        owner: Option<String>,
        #[arg(long)]
        json: bool,
        #[arg(long, requires = "json")]
        log: bool,
        #[arg(long, value_name = "TEXT")]
        query: Option<String>,
        #[arg(long, value_name = "NAME")]
        sector: Option<String>,
        #[arg(long, value_name = "TITLE")]
        priority: Option<String>,
        #[arg(long, value_name = "TAG")]
        tag: Option<String>,
        #[arg(long)]
        overdue: bool,
        #[arg(long, value_name = "KEY")]
        sort: Option<String>,
    },
    /// Backups
    Backups,
    /// Restore
    Restore { which: String },
    /// Export
    Export {
        #[arg(long, value_name = "csv|xlsx|md|json|html", default_value = "csv")]
        format: String,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
        #[arg(long, value_name = "; | ,", default_value = ";", allow_hyphen_values = true)]
        delimiter: String,
    },
    /// Import
    Import {
        #[arg(long, value_name = "csv|xlsx")]
        format: Option<String>,
        file: PathBuf,
        #[arg(long)]
        dry_run: bool,
    },
    /// Minutes
    Minutes {
        meeting: String,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Report
    Report {
        #[arg(long, value_name = "text|md", default_value = "text")]
        format: String,
    },
    // Issue 10: the agenda handout and what changed since the last meeting
    /// Agenda
    Agenda {
        meeting: String,
        #[arg(long, value_name = "md|text", default_value = "md")]
        format: String,
        #[arg(long, value_name = "FILE")]
        out: Option<PathBuf>,
    },
    /// Changes
    Changes {
        #[arg(long, value_name = "M-n|YYYY-MM-DD")]
        since: Option<String>,
    },
    /// Set
    Set {
        id: String,
        #[arg(required = true, value_name = "FIELD=VALUE", allow_hyphen_values = true)]
        assignments: Vec<String>,
    },
    /// Show
    Show {
        id: String,
        #[arg(long)]
        json: bool,
    },
    /// Note
    Note {
        id: String,
        #[arg(required = true, value_name = "TEXT", allow_hyphen_values = true)]
        text: Vec<String>,
    },
    /// Rm
    Rm {
        id: String,
        #[arg(long)]
        yes: bool,
    },
    /// Schema
    Schema,
    // Issue 11: sharing the backlog through git
    /// Merge file
    MergeFile {
        base: PathBuf,
        ours: PathBuf,
        theirs: PathBuf,
        path: Option<PathBuf>,
    },
    /// Share
    Share {
        #[command(subcommand)]
        action: ShareCommand,
    },
    /// Sync
    Sync,
    // issue 14: the user's config file
    /// Config
    Config {
        #[arg(long)]
        print_default: bool,
    },
    // issue 16: glossary
    /// Glossary
    Glossary {
        #[arg(long)]
        json: bool,
    },
    // issue 11/16: the backlog's settings on the command line
    /// Settings
    Settings {
        #[command(subcommand)]
        action: Option<SettingsCommand>,
    },
}

// issue 11/16: the backlog's settings on the command line
#[derive(Debug, Subcommand)]
pub enum SettingsCommand {
    /// Set
    Set {
        key: String,
        #[arg(allow_hyphen_values = true)]
        value: String,
    },
}

#[derive(Debug, Subcommand)]
pub enum ShareCommand {
    /// Init
    Init {
        #[arg(long, value_name = "URL")]
        remote: Option<String>,
    },
    /// Clone
    Clone { url: String },
}

/// The built-in demo backlog, written to the demo file the first time `--demo` is used.
pub const DEMO_BACKLOG: &str = include_str!("../assets/demo-backlog.json");

/// The JSON Schema of the data file, printed by `tiltak schema`.
pub const SCHEMA: &str = include_str!("../assets/backlog.schema.json");

/// With `--demo`, the demo file is created from the built-in demo backlog when it does not
/// exist yet, for the app and every command alike. The caller holds the lock.
pub fn write_demo_if_missing(path: &Path, lang: Lang) -> Result<(), Failure> {
    if path.exists() {
        return Ok(());
    }
    store::save::write_atomically(path, DEMO_BACKLOG.as_bytes()).map_err(|e| save_failure(path, lang, &e))
}

/// The language a run speaks, found before clap parses, so `--help` can use it.
pub fn early_lang(args: &[String]) -> Lang {
    let flag = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    });
    Lang::detect(flag.as_deref())
}

/// The clap command with every help text taken from the catalogue.
pub fn command(lang: Lang) -> clap::Command {
    let tr = |msg: Msg| lang.tr(msg);
    Cli::command()
        .about(tr(Msg::AboutCli))
        .mut_arg("data", |a| a.help(tr(Msg::CliHelpData)))
        .mut_arg("lang", |a| a.help(tr(Msg::CliHelpLang)))
        .mut_arg("demo", |a| a.help(tr(Msg::CliHelpDemo)))
        .mut_subcommand("path", |c| c.about(tr(Msg::CliHelpPath)))
        .mut_subcommand("add", |c| {
            c.about(tr(Msg::CliHelpAdd))
                .mut_arg("title", |a| a.help(tr(Msg::CliHelpTitle)))
                .mut_arg("owner", |a| a.help(tr(Msg::CliHelpOwner)))
                .mut_arg("sector", |a| a.help(tr(Msg::CliHelpSector)))
                .mut_arg("priority", |a| a.help(tr(Msg::CliHelpPriority)))
                .mut_arg("status", |a| a.help(tr(Msg::CliHelpStatus)))
                .mut_arg("due", |a| a.help(tr(Msg::CliHelpDue)))
        })
        .mut_subcommand("list", |c| {
            c.about(tr(Msg::CliHelpList))
                .mut_arg("status", |a| a.help(tr(Msg::CliHelpFilterStatus)))
                .mut_arg("owner", |a| a.help(tr(Msg::CliHelpFilterOwner)))
                .mut_arg("json", |a| a.help(tr(Msg::CliHelpJson)))
                .mut_arg("log", |a| a.help(tr(Msg::CliHelpLog)))
                .mut_arg("query", |a| a.help(tr(Msg::CliHelpQuery)))
                .mut_arg("sector", |a| a.help(tr(Msg::CliHelpFilterSector)))
                .mut_arg("priority", |a| a.help(tr(Msg::CliHelpFilterPriority)))
                .mut_arg("tag", |a| a.help(tr(Msg::CliHelpTag)))
                .mut_arg("overdue", |a| a.help(tr(Msg::CliHelpOverdue)))
                .mut_arg("sort", |a| a.help(tr(Msg::CliHelpSort)))
        })
        .mut_subcommand("backups", |c| c.about(tr(Msg::CliHelpBackups)))
        .mut_subcommand("restore", |c| {
            c.about(tr(Msg::CliHelpRestore))
                .mut_arg("which", |a| a.help(tr(Msg::CliHelpWhich)))
        })
        .mut_subcommand("export", |c| {
            c.about(tr(Msg::CliHelpExport))
                .mut_arg("format", |a| a.help(tr(Msg::CliHelpExportFormat)))
                .mut_arg("out", |a| a.help(tr(Msg::CliHelpOut)))
                .mut_arg("delimiter", |a| a.help(tr(Msg::CliHelpDelimiter)))
        })
        .mut_subcommand("import", |c| {
            c.about(tr(Msg::CliHelpImport))
                .mut_arg("format", |a| a.help(tr(Msg::CliHelpImportFormat)))
                .mut_arg("file", |a| a.help(tr(Msg::CliHelpImportFile)))
                .mut_arg("dry_run", |a| a.help(tr(Msg::CliHelpDryRun)))
        })
        .mut_subcommand("minutes", |c| {
            c.about(tr(Msg::CliHelpMinutes))
                .mut_arg("meeting", |a| a.help(tr(Msg::CliHelpMeetingId)))
                .mut_arg("out", |a| a.help(tr(Msg::CliHelpOut)))
        })
        .mut_subcommand("report", |c| {
            c.about(tr(Msg::CliHelpReport))
                .mut_arg("format", |a| a.help(tr(Msg::CliHelpFormat)))
        })
        .mut_subcommand("agenda", |c| {
            c.about(tr(Msg::CliHelpAgenda))
                .mut_arg("meeting", |a| a.help(tr(Msg::CliHelpMeetingId)))
                .mut_arg("format", |a| a.help(tr(Msg::CliHelpAgendaFormat)))
                .mut_arg("out", |a| a.help(tr(Msg::CliHelpOut)))
        })
        .mut_subcommand("changes", |c| {
            c.about(tr(Msg::CliHelpChanges))
                .mut_arg("since", |a| a.help(tr(Msg::CliHelpSince)))
        })
        .mut_subcommand("set", |c| {
            c.about(tr(Msg::CliHelpSet))
                .mut_arg("id", |a| a.help(tr(Msg::CliHelpMeasureId)))
                .mut_arg("assignments", |a| a.help(tr(Msg::CliHelpAssignments)))
        })
        .mut_subcommand("show", |c| {
            c.about(tr(Msg::CliHelpShow))
                .mut_arg("id", |a| a.help(tr(Msg::CliHelpMeasureId)))
                .mut_arg("json", |a| a.help(tr(Msg::CliHelpShowJson)))
        })
        .mut_subcommand("note", |c| {
            c.about(tr(Msg::CliHelpNote))
                .mut_arg("id", |a| a.help(tr(Msg::CliHelpMeasureId)))
                .mut_arg("text", |a| a.help(tr(Msg::CliHelpNoteText)))
        })
        .mut_subcommand("rm", |c| {
            c.about(tr(Msg::CliHelpRm))
                .mut_arg("id", |a| a.help(tr(Msg::CliHelpMeasureId)))
                .mut_arg("yes", |a| a.help(tr(Msg::CliHelpYes)))
        })
        .mut_subcommand("schema", |c| c.about(tr(Msg::CliHelpSchema)))
        .mut_subcommand("merge-file", |c| {
            c.about(tr(Msg::CliHelpMergeFile))
                .mut_arg("base", |a| a.help(tr(Msg::CliHelpMergeBase)))
                .mut_arg("ours", |a| a.help(tr(Msg::CliHelpMergeOurs)))
                .mut_arg("theirs", |a| a.help(tr(Msg::CliHelpMergeTheirs)))
                .mut_arg("path", |a| a.help(tr(Msg::CliHelpMergePath)))
        })
        .mut_subcommand("share", |c| {
            c.about(tr(Msg::CliHelpShare))
                .mut_subcommand("init", |c| {
                    c.about(tr(Msg::CliHelpShareInit))
                        .mut_arg("remote", |a| a.help(tr(Msg::CliHelpRemote)))
                })
                .mut_subcommand("clone", |c| {
                    c.about(tr(Msg::CliHelpShareClone))
                        .mut_arg("url", |a| a.help(tr(Msg::CliHelpUrl)))
                })
        })
        .mut_subcommand("sync", |c| c.about(tr(Msg::CliHelpSync)))
        // issue 14: the user's config file
        .mut_arg("config", |a| a.help(tr(Msg::CliHelpConfigFile)))
        .mut_subcommand("config", |c| {
            c.about(tr(Msg::CliHelpConfig))
                .mut_arg("print_default", |a| a.help(tr(Msg::CliHelpPrintDefault)))
        })
        // issue 16: glossary
        .mut_subcommand("glossary", |c| {
            c.about(tr(Msg::CliHelpGlossary))
                .mut_arg("json", |a| a.help(tr(Msg::CliHelpGlossaryJson)))
        })
        // issue 11/16: the backlog's settings on the command line
        .mut_subcommand("settings", |c| {
            c.about(tr(Msg::CliHelpSettings)).mut_subcommand("set", |c| {
                c.about(tr(Msg::CliHelpSettingsSet))
                    .mut_arg("key", |a| a.help(tr(Msg::CliHelpSettingKey)))
                    .mut_arg("value", |a| a.help(tr(Msg::CliHelpSettingValue)))
            })
        })
}

pub fn parse(lang: Lang, args: Vec<String>) -> Cli {
    let matches: ArgMatches = command(lang).get_matches_from(args);
    match Cli::from_arg_matches(&matches) {
        Ok(cli) => cli,
        Err(error) => error.exit(),
    }
}

/// A failed command: what to print and which exit code to use.
pub struct Failure {
    pub message: String,
    pub code: u8,
}

impl Failure {
    /// Bad input from the user (unknown name, bad date): exit code 2.
    pub(crate) fn usage(message: String) -> Failure {
        Failure { message, code: 2 }
    }

    /// The file could not be read or written: exit code 1.
    pub(crate) fn io(message: String) -> Failure {
        Failure { message, code: 1 }
    }

    /// Prints the message on stderr; names and titles in it show control characters visibly.
    pub fn print(&self) {
        eprintln!("tiltak: {}", visible(&self.message));
    }
}

/// Where "today" comes from for the app and every command: `TILTAK_TODAY` or the wall clock.
pub fn clock(lang: Lang) -> Result<Clock, Failure> {
    Clock::from_env().map_err(|text| Failure::usage(lang.fill(Msg::ErrBadToday, &[("text", &text)])))
}

pub fn data_path(cli: &Cli, lang: Lang) -> Result<PathBuf, Failure> {
    let env = std::env::var(paths::ENV_VAR).ok();
    paths::resolve(cli.data.as_deref(), env.as_deref(), cli.demo)
        .map(|path| paths::follow_links(&path))
        .ok_or_else(|| Failure::io(lang.tr(Msg::ErrNoDataDir).to_string()))
}

/// The backlog at `path`, or a new one when there is no file yet.
pub fn open(path: &Path, lang: Lang) -> Result<(Backlog, bool), Failure> {
    match store::load(path) {
        Ok(Some(backlog)) => Ok((backlog, true)),
        Ok(None) => Ok((new_backlog(lang), false)),
        Err(error) => Err(Failure::io(error.message(lang))),
    }
}

pub fn new_backlog(lang: Lang) -> Backlog {
    Backlog::new(lang.tr(Msg::DefaultBacklogName), &lang.default_sectors())
}

/// `tiltak --stress-save N`: see [`stress::run`].
pub fn run_stress(cli: &Cli, count: u32, lang: Lang) -> ExitCode {
    finish(data_path(cli, lang).and_then(|path| stress::run(&path, lang, count)))
}

pub fn run(cli: &Cli, command: &Command, lang: Lang) -> ExitCode {
    let clock = match clock(lang) {
        Ok(clock) => clock,
        Err(failure) => return finish(Err(failure)),
    };
    let demo_ready = |path: &Path| -> Result<(), Failure> {
        if cli.demo && !matches!(command, Command::Path | Command::Schema | Command::Config { .. }) && !path.exists() {
            let _lock = lock_for_writing(path, lang)?;
            write_demo_if_missing(path, lang)?;
        }
        Ok(())
    };
    let result = data_path(cli, lang)
        .and_then(|path| demo_ready(&path).map(|()| path))
        .and_then(|path| match command {
            Command::Path => {
                println!("{}", path.display());
                Ok(())
            }
            Command::Add {
                title,
                owner,
                sector,
                priority,
                status,
                due,
            } => add(
                &path,
                lang,
                clock,
                title,
                owner.as_deref(),
                sector,
                priority,
                status.as_deref(),
                due.as_deref(),
            ),
            Command::List {
                status,
                owner,
                json,
                log,
                query,
                sector,
                priority,
                tag,
                overdue,
                sort,
            } => list(
                &path,
                lang,
                clock,
                &ListArgs {
                    status: status.as_deref(),
                    owner: owner.as_deref(),
                    sector: sector.as_deref(),
                    priority: priority.as_deref(),
                    tag: tag.as_deref(),
                    overdue: *overdue,
                    query: query.as_deref().unwrap_or(""),
                    sort: sort.as_deref(),
                },
                *json,
                *log,
            ),
            Command::Backups => backups::list(&path, lang),
            Command::Restore { which } => backups::restore(&path, lang, which),
            Command::Export { format, out, delimiter } => {
                export::export(&path, lang, clock, format, out.as_deref(), delimiter)
            }
            Command::Import { format, file, dry_run } => {
                export::import(&path, lang, clock, format.as_deref(), file, *dry_run)
            }
            Command::Minutes { meeting, out } => export::minutes(&path, lang, meeting, out.as_deref()),
            Command::Report { format } => report(&path, lang, clock, format),
            Command::Agenda { meeting, format, out } => {
                meetings::agenda(&path, lang, clock, meeting, format, out.as_deref())
            }
            Command::Changes { since } => meetings::changes(&path, lang, clock, since.as_deref()),
            Command::Set { id, assignments } => measure::set(&path, lang, clock, id, assignments),
            Command::Show { id, json } => measure::show(&path, lang, id, *json),
            Command::Note { id, text } => measure::note(&path, lang, clock, id, &text.join(" ")),
            Command::Rm { id, yes } => measure::remove(&path, lang, id, *yes),
            Command::Schema => write_stdout(SCHEMA.as_bytes()),
            Command::MergeFile {
                base,
                ours,
                theirs,
                path,
            } => share::merge_file(lang, clock, [base, ours, theirs], path.as_deref()),
            Command::Share {
                action: ShareCommand::Init { remote },
            } => share::init(&path, lang, clock, remote.as_deref()),
            Command::Share {
                action: ShareCommand::Clone { url },
            } => share::clone(&path, lang, url),
            Command::Sync => share::sync(&path, lang, clock),
            Command::Config { print_default } => config_command(cli, lang, *print_default),
            Command::Glossary { json } => glossary::list(&path, lang, *json),
            Command::Settings { action: None } => settings::show(&path, lang),
            Command::Settings {
                action: Some(SettingsCommand::Set { key, value }),
            } => settings::set(&path, lang, key, value),
        });
    finish(result)
}

// issue 14: the user's config file
/// The config file for this run (`--config`, `TILTAK_CONFIG`, the config directory), read;
/// a missing file at the usual place is the defaults.
pub fn config(cli: &Cli, lang: Lang) -> Result<crate::config::Config, Failure> {
    let explicit = cli.config.is_some() || std::env::var_os(crate::config::ENV_VAR).is_some_and(|v| !v.is_empty());
    match crate::config::path(cli.config.as_deref()) {
        Some(path) => crate::config::load(&path, explicit, lang).map_err(|error| Failure::usage(error.message(lang))),
        None => Ok(crate::config::Config::default()),
    }
}

/// `tiltak config`: the commented default (`--print-default`), or where the config file is
/// and whether it reads.
fn config_command(cli: &Cli, lang: Lang, print_default: bool) -> Result<(), Failure> {
    if print_default {
        return write_stdout(crate::config::default_file::text(lang).as_bytes());
    }
    let path = crate::config::path(cli.config.as_deref())
        .ok_or_else(|| Failure::io(lang.tr(Msg::ErrNoDataDir).to_string()))?;
    config(cli, lang)?;
    let shown = path.display().to_string();
    let msg = if path.exists() {
        Msg::ConfigReadsFine
    } else {
        Msg::ConfigMissing
    };
    println!("{}", lang.fill(msg, &[("path", &shown)]));
    Ok(())
}

fn finish(result: Result<(), Failure>) -> ExitCode {
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(failure) => {
            failure.print();
            ExitCode::from(failure.code)
        }
    }
}

// issue 11: who did what
/// The member's name for the log entries a command writes: resolved once per command.
pub(crate) fn author(path: &Path) -> String {
    crate::share::author::resolve(crate::share::author::from_env(), &crate::store::paths::dir_of(path))
}

pub(crate) fn unknown(lang: Lang, msg: Msg, err: UnknownName) -> Failure {
    let mut text = lang.fill(msg, &[("name", &err.given)]);
    text.push(' ');
    if err.closest.is_empty() {
        text.push_str(lang.tr(Msg::ErrNoneKnown));
    } else {
        text.push_str(&lang.fill(Msg::ErrClosest, &[("names", &err.closest.join(", "))]));
    }
    text.push(' ');
    text.push_str(lang.tr(Msg::CliNothingWritten));
    Failure::usage(text)
}

pub(crate) fn parse_status(lang: Lang, key: &str) -> Result<Status, Failure> {
    Status::from_key(key).ok_or_else(|| {
        let valid: Vec<&str> = Status::ALL.iter().map(|s| s.key()).collect();
        Failure::usage(lang.fill(Msg::ErrUnknownStatus, &[("status", key), ("valid", &valid.join(", "))]))
    })
}

#[allow(clippy::too_many_arguments)]
fn add(
    path: &Path,
    lang: Lang,
    clock: Clock,
    title: &str,
    owner: Option<&str>,
    sectors: &[String],
    priorities: &[String],
    status: Option<&str>,
    due: Option<&str>,
) -> Result<(), Failure> {
    if crate::domain::text::single_line(title).is_empty() {
        return Err(Failure::usage(format!(
            "{} {}",
            lang.tr(Msg::ErrCliEmptyTitle),
            lang.tr(Msg::CliNothingWritten)
        )));
    }
    let status = status.map(|s| parse_status(lang, s)).transpose()?;
    let due = match due {
        Some(text) => crate::human::parse_date(text)
            .map_err(|_| Failure::usage(lang.fill(Msg::ErrCliBadDate, &[("text", text)])))?,
        None => None,
    };
    let _lock = lock_for_writing(path, lang)?;
    store::save::remove_stale_temp_files(path);
    let mut backlog = open_for_writing(path, lang)?;
    let mut draft = MeasureDraft::titled(title);
    if let Some(status) = status {
        draft.status = status;
    }
    draft.due = due;
    draft.owner = owner
        .map(|name| {
            backlog
                .owner_by_name(name)
                .map_err(|e| unknown(lang, Msg::ErrUnknownOwner, e))
        })
        .transpose()?;
    for name in sectors {
        draft.sectors.push(
            backlog
                .sector_by_name(name)
                .map_err(|e| unknown(lang, Msg::ErrUnknownSector, e))?,
        );
    }
    for name in priorities {
        draft.priorities.push(
            backlog
                .priority_by_title(name)
                .map_err(|e| unknown(lang, Msg::ErrUnknownPriority, e))?,
        );
    }
    let now = clock.now();
    let (id, _) = backlog.add_measure(draft, now).map_err(|e| match e {
        crate::domain::DomainError::IdsExhausted(_) => Failure::usage(format!(
            "{} {}",
            lang.tr(Msg::ErrIdsExhausted),
            lang.tr(Msg::CliNothingWritten)
        )),
        other => Failure::usage(other.to_string()),
    })?;
    store::backup::make_daily(path, now).map_err(|e| save_failure(path, lang, &e))?;
    store::save(&backlog, path).map_err(|e| {
        Failure::io(lang.fill(
            Msg::ErrSave,
            &[("path", &path.display().to_string()), ("error", &e.to_string())],
        ))
    })?;
    println!("{id}");
    Ok(())
}

/// The backlog to change and save. An older schema is migrated, and the original file is kept
/// as a backup before it is written over.
pub fn open_for_writing(path: &Path, lang: Lang) -> Result<Backlog, Failure> {
    match store::load::load_file(path) {
        Ok(Some(loaded)) => {
            if let Some(found) = loaded.migrated_from {
                let backup =
                    store::backup::make(path, jiff::Timestamp::now()).map_err(|e| save_failure(path, lang, &e))?;
                let backup = backup.map(|b| b.display().to_string()).unwrap_or_default();
                eprintln!(
                    "{}",
                    lang.fill(
                        Msg::CliMigrated,
                        &[
                            ("path", &path.display().to_string()),
                            ("found", &found.to_string()),
                            ("backup", &backup)
                        ]
                    )
                );
            }
            Ok(loaded.backlog)
        }
        Ok(None) => Ok(new_backlog(lang)),
        Err(error) => Err(Failure::io(error.message(lang))),
    }
}

pub(crate) fn save_failure(path: &Path, lang: Lang, error: &std::io::Error) -> Failure {
    Failure::io(lang.fill(
        Msg::ErrSave,
        &[("path", &path.display().to_string()), ("error", &error.to_string())],
    ))
}

/// CLI writes wait a moment for a running app or another command to finish.
pub(crate) fn lock_for_writing(path: &Path, lang: Lang) -> Result<Lock, Failure> {
    match Lock::acquire_within(path, Duration::from_secs(2)) {
        Ok(Some(lock)) => Ok(lock),
        Ok(None) => Err(Failure::io(
            lang.fill(Msg::ErrLocked, &[("path", &path.display().to_string())]),
        )),
        Err(error) => Err(Failure::io(lang.fill(
            Msg::ErrSave,
            &[("path", &path.display().to_string()), ("error", &error.to_string())],
        ))),
    }
}

/// What `tiltak list` narrows and orders by; the same filter, matcher and order as the app.
struct ListArgs<'a> {
    status: Option<&'a str>,
    owner: Option<&'a str>,
    sector: Option<&'a str>,
    priority: Option<&'a str>,
    tag: Option<&'a str>,
    overdue: bool,
    query: &'a str,
    sort: Option<&'a str>,
}

fn parse_sort(lang: Lang, key: &str) -> Result<SortKey, Failure> {
    SortKey::from_key(key).ok_or_else(|| {
        let valid: Vec<&str> = SortKey::ALL.iter().map(|k| k.key()).collect();
        Failure::usage(lang.fill(Msg::ErrUnknownSort, &[("key", key), ("valid", &valid.join(", "))]))
    })
}

fn list(path: &Path, lang: Lang, clock: Clock, args: &ListArgs, json: bool, log: bool) -> Result<(), Failure> {
    let status = args.status.map(|s| parse_status(lang, s)).transpose()?;
    let sort = args.sort.map(|s| parse_sort(lang, s)).transpose()?.unwrap_or_default();
    let (backlog, _) = open(path, lang)?;
    let filter = MeasureFilter {
        statuses: status.into_iter().collect(),
        owner: args
            .owner
            .map(|name| {
                backlog
                    .owner_by_name(name)
                    .map_err(|e| unknown(lang, Msg::ErrUnknownOwner, e))
            })
            .transpose()?,
        sector: args
            .sector
            .map(|name| {
                backlog
                    .sector_by_name(name)
                    .map_err(|e| unknown(lang, Msg::ErrUnknownSector, e))
            })
            .transpose()?,
        priority: args
            .priority
            .map(|title| {
                backlog
                    .priority_by_title(title)
                    .map_err(|e| unknown(lang, Msg::ErrUnknownPriority, e))
            })
            .transpose()?,
        tag: args.tag.map(|t| t.trim().trim_start_matches('#').to_string()),
        due: args.overdue.then_some(DueFilter::Overdue),
        ..Default::default()
    };
    let found = search::select(&backlog, None, &filter, args.query, sort, clock.today());
    if found.mode == search::Mode::Fuzzy {
        eprintln!("{}", lang.tr(Msg::CliFuzzyMatches));
    }
    let rows: Vec<_> = found.rows.into_iter().filter_map(|i| backlog.measures.get(i)).collect();
    // One write per buffer-full, not one per line.
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    let written = if json {
        let measures = json::MeasuresJson {
            backlog: &backlog,
            measures: &rows,
            with_log: log,
        };
        measures.write(&mut out).and_then(|()| writeln!(out))
    } else {
        write_table(&mut out, lang, &backlog, &rows, clock.today())
    };
    let result = match written.and_then(|()| out.flush()) {
        Ok(()) => Ok(()),
        // A closed pipe (`tiltak list | head`) is not an error worth reporting.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::io(e.to_string())),
    };
    drop((out, rows));
    // The process ends right after this: the system takes the memory back at once, instead of
    // every measure being freed one by one first (90 ms at 100k measures).
    std::mem::forget(backlog);
    result
}

fn pad(text: &str, width: usize) -> String {
    let shown = text.width();
    if shown >= width {
        text.to_string()
    } else {
        format!("{text}{}", " ".repeat(width - shown))
    }
}

fn write_table(
    out: &mut impl Write,
    lang: Lang,
    backlog: &Backlog,
    rows: &[&crate::domain::Measure],
    today: jiff::civil::Date,
) -> std::io::Result<()> {
    if rows.is_empty() {
        return writeln!(out, "{}", lang.tr(Msg::CliNoMeasures));
    }
    let cells: Vec<[String; 5]> = rows
        .iter()
        .map(|m| {
            [
                m.id.to_string(),
                lang.status(m.status).to_string(),
                m.owner
                    .and_then(|o| backlog.owner(o))
                    .map(|o| o.name.clone())
                    .unwrap_or_else(|| lang.tr(Msg::None).to_string()),
                crate::ui::due_text(lang, crate::i18n::DateStyle::Language, m, today),
                m.title.clone(),
            ]
            .map(|cell| visible(&cell).into_owned())
        })
        .collect();
    let header = [
        lang.tr(Msg::ColId),
        lang.tr(Msg::ColStatus),
        lang.tr(Msg::ColOwner),
        lang.tr(Msg::ColDue),
        lang.tr(Msg::ColTitle),
    ]
    .map(str::to_string);
    let mut widths = [0usize; 4];
    for row in std::iter::once(&header).chain(cells.iter()) {
        for (w, cell) in widths.iter_mut().zip(row.iter()) {
            *w = (*w).max(cell.width());
        }
    }
    for row in std::iter::once(&header).chain(cells.iter()) {
        let line: Vec<String> = row.iter().take(4).zip(widths).map(|(c, w)| pad(c, w)).collect();
        writeln!(out, "{}  {}", line.join("  "), row[4])?;
    }
    Ok(())
}

fn report(path: &Path, lang: Lang, clock: Clock, format: &str) -> Result<(), Failure> {
    use crate::insight::report::{self, Format};
    let format = Format::from_key(format)
        .ok_or_else(|| Failure::usage(lang.fill(Msg::ErrUnknownFormat, &[("format", format)])))?;
    let (backlog, _) = open(path, lang)?;
    let text = report::render(&backlog, lang, clock.today(), format);
    write_stdout(visible(&text).as_bytes())
}

/// Writes to standard output; a closed pipe (`| head`) is not an error worth reporting.
pub(crate) fn write_stdout(bytes: &[u8]) -> Result<(), Failure> {
    match std::io::stdout().lock().write_all(bytes) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        Err(e) => Err(Failure::io(e.to_string())),
    }
}
