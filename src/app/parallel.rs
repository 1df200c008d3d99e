//! Work on every core: reading and verifying records is most of the work of a command over
//! the whole store (the register, the recheck).

use anyhow::Result;

use crate::bank::Bank;
use crate::record::Record;
use crate::store::Store;

/// The record `id` of `store`, read and verified as `export` verifies it (against `bank`): what
/// a pass over the whole store takes from each record, or why it cannot.
pub(super) fn intact_record(store: &Store, bank: &Bank, id: &str) -> Result<Record> {
    Ok(store.load(id)?.intact(bank)?)
}

/// `make` of every item, in order, made on every core: reading and verifying a record is most of
/// a register's work (10,000 records took 5.5 s on one core of two). A batch at a time, so
/// that only a batch of rows is ever held, and the rows are written in the list's order.
pub(super) fn in_parallel<'a, T: Sync, R: Send + 'a, F: Fn(&T) -> R + Sync>(
    items: &'a [T],
    make: &'a F,
) -> impl Iterator<Item = R> + 'a {
    const BATCH: usize = 256;
    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    items.chunks(BATCH).flat_map(move |batch| {
        let share = batch.len().div_ceil(cores).max(1);
        std::thread::scope(|scope| {
            let mut shares = batch.chunks(share);
            let own = shares.next().unwrap_or_default();
            let others: Vec<_> = shares
                .map(|part| scope.spawn(move || part.iter().map(make).collect::<Vec<R>>()))
                .collect();
            let mut made: Vec<R> = own.iter().map(make).collect();
            for other in others {
                match other.join() {
                    Ok(part) => made.extend(part),
                    // A panic is the program's fault; it goes on where it was meant to go.
                    Err(panic) => std::panic::resume_unwind(panic),
                }
            }
            made
        })
    })
}

#[cfg(test)]
mod tests {
    use super::in_parallel;

    /// The rows come out in the list's order, across batches and cores, each made once.
    #[test]
    fn made_in_parallel_in_order() {
        let made = std::sync::atomic::AtomicUsize::new(0);
        let items: Vec<usize> = (0..1_000).collect();
        let double = |i: &usize| {
            made.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            i * 2
        };
        let out: Vec<usize> = in_parallel(&items, &double).collect();
        assert_eq!(out, items.iter().map(|i| i * 2).collect::<Vec<_>>());
        assert_eq!(in_parallel(&[] as &[usize], &double).count(), 0);
        assert_eq!(made.into_inner(), items.len());
    }
}
