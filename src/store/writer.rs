//! The background writer: the file is written on a thread of its own, so the screen never waits
//! for the disk. After each change the screen hands over a snapshot of the backlog and goes on;
//! snapshots that arrive while a write runs are written once, as the newest of them. Every
//! write keeps the guarantees of [`FileStore::save`]: a look for outside changes first, the
//! session's backup, a temp file with fsync and rename, and a look again right before the
//! rename. A file another program changed is never written over: the change goes back to the
//! screen to be merged, and until the screen says it has merged it ([`Writer::accept_outside`])
//! the writer drops the snapshots taken before the merge.

use std::collections::VecDeque;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

use super::watch::{Outside, is_changed_outside};
use super::{FaultHook, FileStore, Persist, SaveStep};
use crate::domain::Backlog;

/// A fault hook that may run on the writer's thread (tests: a slow or failing disk).
pub type SendFaultHook = Box<dyn FnMut(SaveStep) -> io::Result<()> + Send>;

/// What the writer has to tell the screen.
#[derive(Debug)]
pub enum Done {
    /// The snapshot handed over as `generation` is in the file.
    Saved { generation: u64 },
    /// Writing `generation` failed; the file is as it was.
    Failed { generation: u64, error: io::Error },
    /// The file changed outside (or no longer reads): found before writing `generation`, or at
    /// an idle look (`None`). Nothing was written.
    Outside { generation: Option<u64>, outside: Outside },
    /// The backup asked for with [`Writer::back_up`] could not be made.
    BackUpFailed(io::Error),
}

enum Job {
    Save { generation: u64, backlog: Arc<Backlog> },
    Look,
    Accept,
    BackUp,
}

#[derive(Default)]
struct Queue {
    jobs: VecDeque<Job>,
    /// A job is being carried out.
    busy: bool,
    closing: bool,
    /// The newest snapshot handed over that is not known to be in the file: what a rescue has
    /// to write if the process must end now.
    unsaved: Option<(u64, Arc<Backlog>)>,
}

#[derive(Default)]
struct Shared {
    queue: Mutex<Queue>,
    /// Rung when a job arrives or one is finished.
    changed: Condvar,
}

impl Shared {
    fn lock(&self) -> MutexGuard<'_, Queue> {
        self.queue.lock().unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The screen's side of the writer.
pub struct Writer {
    path: PathBuf,
    shared: Arc<Shared>,
    answers: Receiver<Done>,
    thread: Option<JoinHandle<()>>,
    /// The generation of the newest snapshot handed over.
    newest: u64,
}

/// Lets another thread (the signal handler) wait for the last write.
#[derive(Clone)]
pub struct Finisher(Arc<Shared>);

impl Finisher {
    /// Waits at most `patience` until the writer has nothing left to do; true when it has not.
    pub fn wait(&self, patience: Duration) -> bool {
        let started = Instant::now();
        let mut queue = self.0.lock();
        while queue.busy || !queue.jobs.is_empty() {
            let Some(left) = patience.checked_sub(started.elapsed()) else {
                return false;
            };
            queue = match self.0.changed.wait_timeout(queue, left) {
                Ok((queue, _)) => queue,
                Err(poisoned) => poisoned.into_inner().0,
            };
        }
        true
    }

    /// The newest snapshot handed over, if it is not in the file: what a rescue must keep.
    pub fn unsaved(&self) -> Option<Arc<Backlog>> {
        self.0.lock().unsaved.as_ref().map(|(_, backlog)| Arc::clone(backlog))
    }
}

impl Writer {
    /// Starts the writer thread for `store` (its fault hook stays behind: it may not be
    /// movable to another thread); `fault` is called before each step of a save on the writer's
    /// thread.
    pub fn spawn(store: FileStore, fault: Option<SendFaultHook>) -> io::Result<Writer> {
        let path = store.path.clone();
        let parts = store.into_parts();
        let shared = Arc::new(Shared::default());
        let (tell, answers) = channel();
        let thread = {
            let shared = Arc::clone(&shared);
            std::thread::Builder::new()
                .name("tiltak-writer".into())
                .spawn(move || {
                    let mut store = FileStore::from_parts(parts);
                    store.fault = fault.map(|hook| hook as FaultHook);
                    work(&shared, &mut store, &tell);
                })?
        };
        Ok(Writer {
            path,
            shared,
            answers,
            thread: Some(thread),
            newest: 0,
        })
    }

    /// Hands over the backlog as it is now; returns its generation. A snapshot still waiting
    /// from before is replaced (it would be written over at once anyway).
    pub fn save(&mut self, backlog: Arc<Backlog>) -> u64 {
        self.newest += 1;
        let generation = self.newest;
        let mut queue = self.shared.lock();
        queue.unsaved = Some((generation, Arc::clone(&backlog)));
        if let Some(Job::Save { .. }) = queue.jobs.back() {
            queue.jobs.pop_back();
        }
        queue.jobs.push_back(Job::Save { generation, backlog });
        drop(queue);
        self.shared.changed.notify_all();
        generation
    }

    /// Whether `generation` is the newest snapshot handed over.
    pub fn is_newest(&self, generation: u64) -> bool {
        generation == self.newest
    }

    /// Asks for a look at the file (answered with [`Done::Outside`]) unless the writer is busy:
    /// every write looks first anyway.
    pub fn look(&mut self) {
        let mut queue = self.shared.lock();
        if queue.busy || !queue.jobs.is_empty() {
            return;
        }
        queue.jobs.push_back(Job::Look);
        drop(queue);
        self.shared.changed.notify_all();
    }

    /// Whether a write or a look is waiting or running.
    pub fn is_busy(&self) -> bool {
        let queue = self.shared.lock();
        queue.busy || !queue.jobs.is_empty()
    }

    fn push(&mut self, job: Job) {
        self.shared.lock().jobs.push_back(job);
        self.shared.changed.notify_all();
    }

    /// The answers that arrived since the last call.
    pub fn answers(&self) -> Vec<Done> {
        self.answers.try_iter().collect()
    }

    pub fn finisher(&self) -> Finisher {
        Finisher(Arc::clone(&self.shared))
    }
}

impl Drop for Writer {
    /// Quitting waits for the last write.
    fn drop(&mut self) {
        self.shared.lock().closing = true;
        self.shared.changed.notify_all();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The writer is also a store that waits: what is not done in the background (a read-only
/// window's reload) still works, one answer at a time.
impl Persist for Writer {
    fn save(&mut self, backlog: &Backlog) -> io::Result<()> {
        let generation = Writer::save(self, Arc::new(backlog.clone()));
        loop {
            match self.answers.recv() {
                Ok(Done::Saved { generation: g }) if g == generation => return Ok(()),
                Ok(Done::Failed { generation: g, error }) if g == generation => return Err(error),
                Ok(Done::Outside {
                    generation: Some(g), ..
                }) if g == generation => {
                    return Err(io::Error::other(super::watch::ChangedOutside));
                }
                Ok(_) => {}
                Err(_) => return Err(io::Error::other("the writer stopped")),
            }
        }
    }

    fn location(&self) -> &Path {
        &self.path
    }

    fn outside(&mut self) -> Outside {
        self.push(Job::Look);
        loop {
            match self.answers.recv() {
                Ok(Done::Outside {
                    generation: None,
                    outside,
                }) => return outside,
                Ok(_) => {}
                Err(_) => return Outside::Unchanged,
            }
        }
    }

    fn accept_outside(&mut self) {
        self.push(Job::Accept);
    }

    fn back_up(&mut self) -> io::Result<()> {
        self.push(Job::BackUp);
        Ok(())
    }

    fn background(&mut self) -> Option<&mut Writer> {
        Some(self)
    }
}

/// The writer thread: carries out jobs in order until the screen's side is dropped.
fn work(shared: &Shared, store: &mut FileStore, tell: &Sender<Done>) {
    // An outside change was reported and not merged yet: snapshots from before the merge would
    // write over it.
    let mut merging = false;
    loop {
        let job = {
            let mut queue = shared.lock();
            loop {
                if let Some(job) = queue.jobs.pop_front() {
                    queue.busy = true;
                    break job;
                }
                if queue.closing {
                    return;
                }
                queue = shared
                    .changed
                    .wait(queue)
                    .unwrap_or_else(|poisoned| poisoned.into_inner());
            }
        };
        let answer = match job {
            Job::Save { .. } if merging => None,
            Job::Save { generation, backlog } => Some(write(store, generation, &backlog)),
            Job::Look => Some(Done::Outside {
                generation: None,
                outside: store.outside(),
            }),
            Job::Accept => {
                store.accept_outside();
                merging = false;
                None
            }
            Job::BackUp => store.back_up().err().map(Done::BackUpFailed),
        };
        if let Some(Done::Outside {
            outside: Outside::Changed { .. },
            ..
        }) = &answer
        {
            merging = true;
        }
        let mut queue = shared.lock();
        if let Some(Done::Saved { generation }) = &answer
            && queue.unsaved.as_ref().is_some_and(|(newest, _)| newest == generation)
        {
            queue.unsaved = None;
        }
        queue.busy = false;
        drop(queue);
        shared.changed.notify_all();
        if let Some(answer) = answer {
            // The screen's side is gone only while it waits in drop: nobody to tell then.
            let _ = tell.send(answer);
        }
    }
}

/// One write: look, then save; a change that slips in during the save is looked at again.
fn write(store: &mut FileStore, generation: u64, backlog: &Backlog) -> Done {
    loop {
        match store.outside() {
            Outside::Unchanged => {}
            outside => {
                return Done::Outside {
                    generation: Some(generation),
                    outside,
                };
            }
        }
        match store.save(backlog) {
            Ok(()) => return Done::Saved { generation },
            Err(error) if is_changed_outside(&error) => continue,
            Err(error) => return Done::Failed { generation, error },
        }
    }
}
