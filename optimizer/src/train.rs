//! Training: fsrs-rs 6.6's `compute_parameters`, step for step, on carnet's own model.
//!
//! 1. Outlier filter over each card's first interval ([`crate::pretrain`]).
//! 2. Small-data rules: fewer than 8 predictions left → the defaults; no first interval to fit
//!    → the defaults (fsrs-rs returns an error there); fewer than 64 predictions, or only first
//!    intervals → fitted w0–w3 with the other defaults.
//! 3. Recency weights 0.25 + 0.75·(i/(n − 1))³ over the predictions in time order; predictions
//!    with more than `max_seq_len` reviews dropped.
//! 4. Cards grouped into batches of at most `batch_size` predictions (cards sorted by history
//!    length), batch order shuffled each epoch; per batch: summed weighted log loss gradient,
//!    plus the L2 pull γ·(batch/total)·Σ((w − w_start)/σ)², one Adam step at the cosine-annealed
//!    learning rate, then clipping into fsrs-rs's ranges.
//! 5. w0–w3 made increasing and filled (`smooth_and_fill`) as after pretraining.
//!
//! Each batch's gradient is split over threads by cards when the data is large enough for it to
//! pay; the workers are kept in a pool between trainings, claim parts of each batch from a
//! shared counter, and the main thread does any part no worker took or handed back in time
//! (and goes on alone when the workers are often late: the machine is busy).

use std::sync::atomic::{AtomicBool, AtomicU64, AtomicUsize, Ordering};
use std::sync::{mpsc, Arc, Mutex};

use carnet_engine::DEFAULT_PARAMETERS;

use crate::adam::{cosine_lr, Adam};
use crate::clip::clip;
use crate::dataset::{Dataset, Target};
use crate::model::{cards_loss, CardSeq, Gradient, Weights};
use crate::pretrain::{filter_outliers, initial_stability, smooth_and_fill, FirstInterval};

/// fsrs-rs's standard deviation of each parameter across users, the scale of the L2 pull.
const PARAMS_STDDEV: [f64; 21] = [
    6.43, 9.66, 17.58, 27.85, 0.57, 0.28, 0.6, 0.12, 0.39, 0.18, 0.33, 0.3, 0.09, 0.16, 0.57, 0.25,
    1.03, 0.31, 0.32, 0.14, 0.27,
];

/// Training settings; the defaults are fsrs-rs 6.6's.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TrainingConfig {
    /// Passes over the data (5).
    pub epochs: usize,
    /// Predictions per batch, at most (512); a card's predictions stay in one batch.
    pub batch_size: usize,
    /// Adam's initial learning rate (0.04), annealed to 0 over the run.
    pub learning_rate: f64,
    /// Predictions with more reviews than this are left out (256).
    pub max_seq_len: usize,
    /// Strength of the pull towards the starting parameters (1.0).
    pub gamma: f64,
    /// Seed of the batch shuffle.
    pub seed: u64,
    /// Train the short-term (same-day) parameters w17–w19 and w0–w3 (true). When false they
    /// are frozen, w17–w19 at 0, as fsrs-rs does.
    pub short_term: bool,
    /// Relearning steps the deck uses (1); above 1, w17·w18 is bounded as in fsrs-rs.
    pub relearning_steps: usize,
    /// Threads for the gradient: 0 picks by data size (at most the available cores).
    pub threads: usize,
    /// Where training counts its steps, for a progress bar (none by default).
    pub progress: Option<&'static Progress>,
}

/// The Adam steps of the trainings under way, counted as they are taken: a front end
/// shows `done / total` while [`optimize`] or [`crate::evaluate_time_series`] runs in
/// another thread. Each training adds its steps to `total` when it starts.
#[derive(Debug, Default)]
pub struct Progress {
    done: AtomicUsize,
    total: AtomicUsize,
}

impl Progress {
    /// A counter at zero (usable in a `static`).
    pub const fn new() -> Progress {
        Progress {
            done: AtomicUsize::new(0),
            total: AtomicUsize::new(0),
        }
    }

    /// Steps taken and steps announced so far.
    pub fn get(&self) -> (usize, usize) {
        (
            self.done.load(Ordering::Relaxed),
            self.total.load(Ordering::Relaxed),
        )
    }

    /// Back to zero, for the next phase.
    pub fn reset(&self) {
        self.done.store(0, Ordering::Relaxed);
        self.total.store(0, Ordering::Relaxed);
    }
}

impl PartialEq for Progress {
    /// Two counters are the same counter.
    fn eq(&self, other: &Progress) -> bool {
        std::ptr::eq(self, other)
    }
}

impl TrainingConfig {
    /// fsrs-rs's settings with batches of 128 predictions instead of 512: four times the
    /// Adam steps for the same passes over the data, which reach fsrs-rs's log loss or
    /// better (the josh log and synthetic histories, in-sample and on the time-series split,
    /// tested against fsrs-rs) in well under half of its time (benchmark `train`: 2.7×
    /// faster in the median of 24 runs on a busy 2-core machine, 2.1–4.3× run by run).
    pub fn fast() -> TrainingConfig {
        TrainingConfig {
            batch_size: 128,
            ..TrainingConfig::default()
        }
    }
}

impl Default for TrainingConfig {
    fn default() -> Self {
        TrainingConfig {
            epochs: 5,
            batch_size: 512,
            learning_rate: 0.04,
            max_seq_len: 256,
            gamma: 1.0,
            seed: 2023,
            short_term: true,
            relearning_steps: 1,
            threads: 0,
            progress: None,
        }
    }
}

/// Which of the small-data rules applied.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Fit {
    /// Too little data (fewer than 8 predictions after the outlier filter, or no first interval
    /// to fit w0–w3 on): the default parameters.
    Defaults,
    /// Few predictions (fewer than 64) or only first intervals: w0–w3 fitted to the first
    /// intervals, the other parameters default.
    InitialStability,
    /// All 21 parameters trained.
    Trained,
}

/// The result of training.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Optimized {
    /// The parameters; always within the engine's bounds
    /// ([`carnet_engine::Parameters::new`] accepts them).
    pub parameters: [f32; 21],
    /// Which rule produced them.
    pub fit: Fit,
    /// Predictions left after the outlier filter (before the `max_seq_len` cut).
    pub predictions: usize,
}

impl Optimized {
    fn defaults(predictions: usize) -> Optimized {
        Optimized {
            parameters: DEFAULT_PARAMETERS,
            fit: Fit::Defaults,
            predictions,
        }
    }
}

/// Trains parameters on every prediction in `dataset`.
pub fn optimize(dataset: &Dataset, config: &TrainingConfig) -> Optimized {
    optimize_targets(dataset, &dataset.targets(), config)
}

/// Trains on the oldest `predictions` predictions only (in [`Dataset::targets`] order): the
/// past of a time-series split.
pub fn optimize_prefix(
    dataset: &Dataset,
    predictions: usize,
    config: &TrainingConfig,
) -> Optimized {
    let targets = dataset.targets();
    optimize_targets(dataset, &targets[..predictions.min(targets.len())], config)
}

/// Trains on `targets` (in time order, as [`Dataset::targets`] gives them, or a prefix of it).
pub(crate) fn optimize_targets(
    dataset: &Dataset,
    targets: &[Target],
    config: &TrainingConfig,
) -> Optimized {
    let cards = dataset.card_count();
    // Each card's first interval: its first review with delta_t > 0, if it is a target here.
    let mut first_index = vec![u32::MAX; cards];
    for t in targets {
        let f = &mut first_index[t.card as usize];
        *f = (*f).min(t.index);
    }
    let firsts: Vec<Option<FirstInterval>> = (0..cards)
        .map(|c| {
            let (_, reviews) = dataset.card(c);
            let first = reviews.iter().skip(1).position(|r| r.delta_t > 0)? + 1;
            if first_index[c] as usize != first {
                return None;
            }
            Some(FirstInterval {
                first_rating: reviews[0].rating.as_u8(),
                delta_t: reviews[first].delta_t,
                recalled: reviews[first].rating.as_u8() > 1,
            })
        })
        .collect();
    let filter = filter_outliers(&firsts);
    let train: Vec<Target> = targets
        .iter()
        .copied()
        .filter(|t| filter.keep_card[t.card as usize])
        .collect();
    let n = train.len();
    if n < 8 {
        return Optimized::defaults(n);
    }
    let recalls = train
        .iter()
        .filter(|t| {
            dataset.card(t.card as usize).1[t.index as usize]
                .rating
                .as_u8()
                > 1
        })
        .count();
    let average_recall = recalls as f64 / n as f64;
    let pretrain_firsts = firsts
        .iter()
        .zip(&filter.pretrain)
        .filter_map(|(f, &p)| if p { *f } else { None });
    let pretrain_count = filter.pretrain.iter().filter(|&&p| p).count();
    let Some((s0, rating_counts)) = initial_stability(pretrain_firsts, average_recall) else {
        return Optimized::defaults(n);
    };
    let mut start = DEFAULT_PARAMETERS.map(f64::from);
    start[..4].copy_from_slice(&s0);
    if n == pretrain_count || n < 64 {
        return Optimized {
            parameters: to_f32(&start, config),
            fit: Fit::InitialStability,
            predictions: n,
        };
    }
    if !config.short_term {
        start[17..20].fill(0.0);
    }

    let set = TrainSet::new(dataset, &train, config);
    let mut w = start;
    if set.predictions > 0 {
        w = run(set, &start, config);
    }
    if w.iter().any(|x| !x.is_finite()) {
        // Cannot happen with finite data (every step is clipped); never hand out NaN.
        w = start;
    }
    let s = smooth_and_fill(
        [Some(w[0]), Some(w[1]), Some(w[2]), Some(w[3])],
        rating_counts,
    )
    .unwrap_or(s0);
    w[..4].copy_from_slice(&s);
    Optimized {
        parameters: to_f32(&w, config),
        fit: Fit::Trained,
        predictions: n,
    }
}

fn to_f32(w: &[f64; 21], config: &TrainingConfig) -> [f32; 21] {
    let mut w = *w;
    clip(&mut w, config.short_term, config.relearning_steps);
    w.map(|x| x as f32)
}

/// The training predictions as flat per-card sequences, cards sorted by length and packed
/// into batches.
struct TrainSet {
    delta_t: Vec<f32>,
    rating: Vec<u8>,
    weight: Vec<f32>,
    /// Start of each card's sequence in the flat arrays; one more entry at the end.
    card_start: Vec<usize>,
    /// Batches as ranges of cards: batch b is cards `batch_start[b]..batch_start[b + 1]`.
    batch_start: Vec<usize>,
    /// Predictions in each batch.
    batch_predictions: Vec<usize>,
    predictions: usize,
}

impl TrainSet {
    fn new(dataset: &Dataset, train: &[Target], config: &TrainingConfig) -> TrainSet {
        let n = train.len();
        let denominator = (n as f32 - 1.0).max(1.0);
        // The weight of each prediction (by its place among the dataset's reviews; 0 for a
        // review that is not a prediction), recency-weighted over all training predictions in
        // time order as fsrs-rs computes it in f32; per card, its predictions and the length
        // of history up to its last one.
        let mut weights = vec![0.0f32; dataset.review_count()];
        let mut predictions = vec![0u32; dataset.card_count()];
        let mut len = vec![0u32; dataset.card_count()];
        for (i, t) in train.iter().enumerate() {
            if t.index as usize + 1 > config.max_seq_len {
                continue;
            }
            let c = t.card as usize;
            weights[dataset.card_offset(c) + t.index as usize] =
                0.25 + 0.75 * (i as f32 / denominator).powi(3);
            predictions[c] += 1;
            len[c] = len[c].max(t.index + 1);
        }
        // fsrs-rs: cards by id, then (stably) by the length of their longest prediction; one
        // sort by (length, id, card) gives that order, packed in one integer to sort quickly.
        let mut keys: Vec<u128> = (0..dataset.card_count())
            .filter(|&c| predictions[c] > 0)
            .map(|c| u128::from(len[c]) << 96 | u128::from(dataset.card(c).0) << 32 | c as u128)
            .collect();
        keys.sort_unstable();
        let cards: Vec<(u32, usize)> = keys
            .iter()
            .map(|&k| ((k >> 96) as u32, k as u32 as usize))
            .collect();
        let total: usize = cards.iter().map(|&(l, _)| l as usize).sum();
        let mut set = TrainSet {
            delta_t: Vec::with_capacity(total),
            rating: Vec::with_capacity(total),
            weight: Vec::with_capacity(total),
            card_start: Vec::with_capacity(cards.len() + 1),
            batch_start: vec![0],
            batch_predictions: Vec::new(),
            predictions: 0,
        };
        let mut in_batch = 0;
        for (k, &(len, c)) in cards.iter().enumerate() {
            let len = len as usize;
            let reviews = &dataset.card(c).1[..len];
            let at = dataset.card_offset(c);
            set.card_start.push(set.delta_t.len());
            set.delta_t.extend(reviews.iter().map(|r| r.delta_t as f32));
            set.rating.extend(reviews.iter().map(|r| r.rating.as_u8()));
            set.weight.extend_from_slice(&weights[at..at + len]);
            let preds = predictions[c] as usize;
            if in_batch > 0 && in_batch + preds > config.batch_size {
                set.batch_start.push(k);
                set.batch_predictions.push(in_batch);
                in_batch = 0;
            }
            in_batch += preds;
            set.predictions += preds;
        }
        set.card_start.push(set.delta_t.len());
        if in_batch > 0 {
            set.batch_start.push(cards.len());
            set.batch_predictions.push(in_batch);
        }
        set
    }

    fn batches(&self) -> usize {
        self.batch_predictions.len()
    }

    fn card(&self, c: usize) -> CardSeq<'_> {
        let (a, b) = (self.card_start[c], self.card_start[c + 1]);
        CardSeq {
            delta_t: &self.delta_t[a..b],
            rating: &self.rating[a..b],
            weight: &self.weight[a..b],
        }
    }

    /// The gradient of cards `cards`' loss, added to `grad`.
    fn gradient(&self, p: &Weights, cards: std::ops::Range<usize>, grad: &mut Gradient) {
        let mut c = cards.start;
        while c + LANES <= cards.end {
            let seqs: [CardSeq<'_>; LANES] = std::array::from_fn(|i| self.card(c + i));
            cards_loss::<true, false, LANES>(p, &seqs, grad);
            c += LANES;
        }
        for c in c..cards.end {
            cards_loss::<true, false, 1>(p, &[self.card(c)], grad);
        }
    }

    /// Splits batch `b`'s cards into `parts` runs of about equal review counts.
    fn split(&self, b: usize, parts: usize, out: &mut Vec<usize>) {
        let (first, last) = (self.batch_start[b], self.batch_start[b + 1]);
        out.clear();
        out.push(first);
        let reviews = self.card_start[last] - self.card_start[first];
        let mut c = first;
        for k in 1..parts {
            let goal = self.card_start[first] + reviews * k / parts;
            while c < last && self.card_start[c] < goal {
                c += 1;
            }
            out.push(c);
        }
        out.push(last);
    }
}

/// Cards walked in lockstep by the gradient ([`cards_loss`]).
const LANES: usize = 3;

/// A small deterministic generator for the batch shuffle (SplitMix64).
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    fn shuffle(&mut self, v: &mut [usize]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Reviews per thread below which a second thread does not pay for its synchronisation.
const REVIEWS_PER_THREAD: usize = 4_000;

fn thread_count(set: &TrainSet, config: &TrainingConfig) -> usize {
    // Asking the system reads cgroup files, a good part of training's fixed cost on a small
    // log: ask once.
    static CORES: std::sync::OnceLock<usize> = std::sync::OnceLock::new();
    let cores = *CORES.get_or_init(|| std::thread::available_parallelism().map_or(1, |n| n.get()));
    let wanted = if config.threads == 0 {
        (set.delta_t.len() / REVIEWS_PER_THREAD).clamp(1, cores)
    } else {
        config.threads
    };
    wanted.clamp(1, 64)
}

/// The training loop: epochs × batches of Adam steps.
fn run(set: TrainSet, start: &[f64; 21], config: &TrainingConfig) -> [f64; 21] {
    let set = Arc::new(set);
    let total = set.predictions;
    let iterations = (total / config.batch_size.max(1) + 1) * config.epochs;
    let mut w = *start;
    let mut adam = Adam::new();
    let mut rng = SplitMix(config.seed);
    let mut order: Vec<usize> = (0..set.batches()).collect();
    let mut step = 0;
    let threads = thread_count(&set, config);
    let steps = set.batches() * config.epochs;
    if let Some(p) = config.progress {
        p.total.fetch_add(steps, Ordering::Relaxed);
    }

    let mut update = |w: &mut [f64; 21], b: usize, grad: &mut Gradient| {
        let lr = cosine_lr(config.learning_rate, step, iterations);
        step += 1;
        if let Some(p) = config.progress {
            p.done.fetch_add(1, Ordering::Relaxed);
        }
        let scale = config.gamma * set.batch_predictions[b] as f64 / total as f64;
        for i in 0..21 {
            let s = PARAMS_STDDEV[i];
            grad[i] += 2.0 * (w[i] - start[i]) / (s * s) * scale;
        }
        if !config.short_term {
            grad[..4].fill(0.0);
            grad[17..20].fill(0.0);
        }
        adam.step(w, grad, lr);
        clip(w, config.short_term, config.relearning_steps);
    };

    if threads == 1 {
        for _ in 0..config.epochs {
            rng.shuffle(&mut order);
            for &b in &order {
                let p = Weights::new(&w);
                let mut grad = [0.0; 21];
                set.gradient(&p, set.batch_start[b]..set.batch_start[b + 1], &mut grad);
                update(&mut w, b, &mut grad);
            }
        }
        return w;
    }

    // Several threads. Each batch is cut into one part per thread; the main thread publishes
    // the parameters and the batch under a new generation, and it and the workers claim parts
    // from one counter tagged with the generation. Each worker hands its parts back through
    // slots of its own (atomics, one cache line apart, read under a sequence tag), so a
    // hand-off costs a few cache-line transfers and no lock. A worker that is not running
    // (the machine is busy) costs little: a part nobody claimed is the main thread's, and
    // one claimed but not handed back soon after the main thread's own work is done is
    // worked out again by the main thread. The result is the same whoever computes a part,
    // and parts are summed in order, so it does not depend on the threads.
    let parts = threads;
    let shared = Arc::new(Shared {
        set: Arc::clone(&set),
        parts,
        job: Line(Job {
            generation: AtomicU64::new(0),
            batch: AtomicUsize::new(0),
            w: atomic_array(&w),
        }),
        claim: Line(AtomicU64::new(0)),
        stop: Line(AtomicBool::new(false)),
        started: Line(AtomicBool::new(false)),
        slots: (1..threads)
            .map(|_| (0..parts).map(|_| Line(Slot::new())).collect())
            .collect(),
    });
    hand_to_workers(&shared, threads - 1);
    {
        let mut bounds = Vec::with_capacity(parts + 1);
        let mut mine: Vec<Option<Gradient>> = vec![None; parts];
        let mut generation = 0u64;
        let mut part_time = std::time::Duration::from_micros(50);
        let (mut lateness, mut retired) = (0u32, false);
        for _ in 0..config.epochs {
            rng.shuffle(&mut order);
            for &b in &order {
                generation += 1;
                let job = &shared.job.0;
                for (a, x) in job.w.iter().zip(&w) {
                    a.store(x.to_bits(), Ordering::Relaxed);
                }
                job.batch.store(b, Ordering::Relaxed);
                shared.claim.0.store(generation << 32, Ordering::Release);
                job.generation.store(generation, Ordering::Release);
                set.split(b, parts, &mut bounds);
                let p = Weights::new(&w);
                let started = std::time::Instant::now();
                mine.fill(None);
                let mut done = 0u32;
                while let Some(part) = shared.claim(generation, parts) {
                    let mut grad = [0.0; 21];
                    set.gradient(&p, bounds[part]..bounds[part + 1], &mut grad);
                    mine[part] = Some(grad);
                    done += 1;
                }
                let waited = std::time::Instant::now();
                if done > 0 {
                    part_time = (waited - started) / done;
                }
                // Half the time a part takes the main thread is how long a worker's part may
                // be late before the main thread works it out itself.
                let patience = part_time / 2;
                let mut grad = [0.0; 21];
                for (part, own) in mine.iter().enumerate() {
                    let part_grad = match own {
                        Some(g) => *g,
                        None => loop {
                            if let Some(g) = shared.handed_back(generation, part) {
                                break g;
                            }
                            if waited.elapsed() > patience {
                                // Worked out a few cards at a time, taking the worker's
                                // result if it comes meanwhile. The cards are walked in
                                // the same groups as in one go (a chunk is a whole number
                                // of groups of LANES cards), so the sum is the same.
                                let mut g = [0.0; 21];
                                let (mut c, end) = (bounds[part], bounds[part + 1]);
                                while c < end {
                                    let next = (c + STEAL_CHUNK).min(end);
                                    set.gradient(&p, c..next, &mut g);
                                    c = next;
                                    if let Some(h) = shared.handed_back(generation, part) {
                                        g = h;
                                        break;
                                    }
                                }
                                break g;
                            }
                            std::hint::spin_loop();
                        },
                    };
                    for (g, x) in grad.iter_mut().zip(part_grad) {
                        *g += x;
                    }
                }
                // Workers that have started but do not make batches quicker are not getting
                // a core of their own (the machine is busy): they would only take time from
                // this thread, so they stop and it goes on alone, with the same result. A
                // batch that took more than 90 % of the time the main thread would have
                // taken alone (its own time per part, times the parts) counts two, a quicker
                // one takes one off; the workers stop when the count reaches RETIRE_AT.
                let slow = started.elapsed() * 10 > part_time * (9 * parts as u32);
                if shared.started.0.load(Ordering::Relaxed) && !retired {
                    if slow {
                        lateness += 2;
                    } else {
                        lateness = lateness.saturating_sub(1);
                    }
                    if lateness >= RETIRE_AT {
                        shared.stop.0.store(true, Ordering::Release);
                        retired = true;
                    }
                }
                update(&mut w, b, &mut grad);
            }
        }
    }
    // The workers go back to waiting for work on their own; nothing waits for them.
    shared.stop.0.store(true, Ordering::Release);
    w
}

/// What a worker is handed: a training under way and the worker's number in it (from 1).
type Task = (Arc<Shared>, usize);

/// The workers, kept between trainings: starting a thread, and above all waiting for it to
/// finish on a busy machine (it may wait for a core to see that it is done), costs more than
/// training on a small log.
static POOL: Mutex<Vec<mpsc::Sender<Task>>> = Mutex::new(Vec::new());

/// Hands `shared` to `workers` workers of the pool, starting those it lacks (as many as the
/// system lets it; the main thread does whatever no worker does).
fn hand_to_workers(shared: &Arc<Shared>, workers: usize) {
    let mut pool = POOL.lock().unwrap_or_else(|e| e.into_inner());
    while pool.len() < workers {
        let (sender, receiver) = mpsc::channel::<Task>();
        let spawned = std::thread::Builder::new()
            .name("carnet-optimizer".into())
            .spawn(move || {
                for (shared, worker) in receiver {
                    shared.serve(worker);
                }
            });
        if spawned.is_err() {
            break;
        }
        pool.push(sender);
    }
    for (i, sender) in pool.iter().take(workers).enumerate() {
        // A worker that is gone only means the main thread does its parts.
        let _ = sender.send((Arc::clone(shared), i + 1));
    }
}

/// Cards the main thread works out between looks at a late worker's slot (a multiple of
/// [`LANES`], so that the cards are grouped as in one go).
const STEAL_CHUNK: usize = 2 * LANES * 4;

/// The count of slow batches (two each, one off for each quick one) at which the workers stop.
const RETIRE_AT: u32 = 16;

/// A value on a cache line of its own.
#[repr(align(128))]
struct Line<T>(T);

/// What the workers read to compute their part of a batch.
struct Job {
    /// Bumped (last) each time a batch is published.
    generation: AtomicU64,
    batch: AtomicUsize,
    /// The parameters, as bits.
    w: [AtomicU64; 21],
}

struct Shared {
    set: Arc<TrainSet>,
    /// Parts each batch is cut into.
    parts: usize,
    job: Line<Job>,
    /// Generation (high 32 bits) and next unclaimed part (low 32 bits).
    claim: Line<AtomicU64>,
    stop: Line<AtomicBool>,
    /// Set by the first worker to run.
    started: Line<AtomicBool>,
    /// Per worker, per part: the gradient it handed back.
    slots: Vec<Vec<Line<Slot>>>,
}

/// A part's gradient handed back by the one worker that writes it, under a sequence tag:
/// (generation << 32 | 1) once written, 0 while being written.
struct Slot {
    tag: AtomicU64,
    grad: [AtomicU64; 21],
}

impl Slot {
    fn new() -> Slot {
        Slot {
            tag: AtomicU64::new(0),
            grad: atomic_array(&[0.0; 21]),
        }
    }

    fn write(&self, generation: u64, grad: &Gradient) {
        self.tag.store(0, Ordering::Relaxed);
        std::sync::atomic::fence(Ordering::Release);
        for (a, x) in self.grad.iter().zip(grad) {
            a.store(x.to_bits(), Ordering::Relaxed);
        }
        self.tag.store(generation << 32 | 1, Ordering::Release);
    }

    /// The gradient of generation `generation`, if it is there whole.
    fn read(&self, generation: u64) -> Option<Gradient> {
        let want = generation << 32 | 1;
        if self.tag.load(Ordering::Acquire) != want {
            return None;
        }
        let grad = read_array(&self.grad);
        std::sync::atomic::fence(Ordering::Acquire);
        (self.tag.load(Ordering::Relaxed) == want).then_some(grad)
    }
}

fn atomic_array(v: &[f64; 21]) -> [AtomicU64; 21] {
    v.map(|x| AtomicU64::new(x.to_bits()))
}

fn read_array(v: &[AtomicU64; 21]) -> [f64; 21] {
    std::array::from_fn(|i| f64::from_bits(v[i].load(Ordering::Relaxed)))
}

impl Shared {
    /// A worker's loop for one training: waits for each batch, claims parts of it and hands
    /// them back, until the training stops.
    fn serve(&self, worker: usize) {
        let (set, parts) = (&*self.set, self.parts);
        let mut seen = 0u64;
        let mut spins = 0u32;
        let mut bounds = Vec::with_capacity(parts + 1);
        let Some(slots) = self.slots.get(worker.wrapping_sub(1)) else {
            return;
        };
        self.started.0.store(true, Ordering::Relaxed);
        while !self.stop.0.load(Ordering::Acquire) {
            let generation = self.job.0.generation.load(Ordering::Acquire);
            if generation == seen {
                spins += 1;
                if spins < 5_000 {
                    std::hint::spin_loop();
                } else {
                    std::thread::yield_now();
                }
                continue;
            }
            spins = 0;
            seen = generation;
            let b = self.job.0.batch.load(Ordering::Relaxed);
            let w = read_array(&self.job.0.w);
            // The job may have moved on while it was read: then no part is claimed.
            set.split(b, parts, &mut bounds);
            let p = Weights::new(&w);
            while let Some(part) = self.claim(generation, parts) {
                let mut grad = [0.0; 21];
                set.gradient(&p, bounds[part]..bounds[part + 1], &mut grad);
                slots[part].0.write(generation, &grad);
            }
        }
    }

    /// The next unclaimed part of generation `generation`, claimed; `None` when none is left
    /// (or the generation is over).
    fn claim(&self, generation: u64, parts: usize) -> Option<usize> {
        loop {
            let v = self.claim.0.load(Ordering::Acquire);
            let part = (v & 0xffff_ffff) as usize;
            if v >> 32 != generation || part >= parts {
                return None;
            }
            if self
                .claim
                .0
                .compare_exchange(v, v + 1, Ordering::AcqRel, Ordering::Acquire)
                .is_err()
            {
                continue;
            }
            return Some(part);
        }
    }

    /// Part `part` of generation `generation` if a worker has handed it back.
    fn handed_back(&self, generation: u64, part: usize) -> Option<Gradient> {
        self.slots.iter().find_map(|s| s[part].0.read(generation))
    }
}
