//! The start screen's rows as a list of campaigns: each chain of revisions kept together,
//! newest first, its older revisions folded under the newest; and which rows are in view
//! under the fold marks and the filter typed. Nothing here allocates per row when a key is
//! pressed: a filter is matched against the row's own text.
use crate::bank::Bank;
use crate::store::{Listing, Store, Summary};
use crate::text::Lang;

use super::{Chain, Row, Start};

/// The records of `store` as the start screen lists them: every chain of revisions together,
/// ordered by its newest revision, the older ones folded under it (see [`chain_rows`]).
pub fn list_rows(store: &Store) -> anyhow::Result<Listing<Row>> {
    // Only a revision's link is kept aside while the store is read (a store without
    // revisions keeps nothing), by id: the rows are sorted after they are made.
    let mut links: Vec<(Box<str>, Box<str>)> = Vec::new();
    let mut listing = crate::app::list(store, |s: Summary| {
        if let Some(previous) = &s.previous {
            links.push((s.id.as_str().into(), previous.as_str().into()));
        }
        Row::from(s)
    })?;
    chain_rows(&mut listing.records, &links);
    Ok(listing)
}

/// Puts the revisions of each chain together under their newest, given the rows newest first
/// and each revision's (id, previous id). A chain is ordered by its newest revision, its rows
/// newest first; a link to a record not in the list starts a chain of its own, and a chain
/// whose links loop is cut where it would come round again.
pub fn chain_rows(rows: &mut [Row], links: &[(Box<str>, Box<str>)]) {
    for row in rows.iter_mut() {
        row.chain = Chain::Alone;
    }
    if links.is_empty() || rows.len() > u32::MAX as usize {
        return;
    }
    let n = rows.len();
    // The rows by id, to find a link's ends without a map of strings.
    let mut by_id: Vec<u32> = (0..n as u32).collect();
    by_id.sort_unstable_by(|&a, &b| rows[a as usize].id().cmp(rows[b as usize].id()));
    let find = |id: &str| {
        by_id
            .binary_search_by(|&i| rows[i as usize].id().cmp(id))
            .ok()
            .map(|at| by_id[at])
    };
    const NONE: u32 = u32::MAX;
    let mut parent = vec![NONE; n];
    for (id, previous) in links {
        if let (Some(i), Some(p)) = (find(id), find(previous))
            && i != p
        {
            parent[i as usize] = p;
        }
    }
    drop(by_id);
    // Each row's chain, by its first record; at most n steps, so a loop ends.
    let root: Vec<u32> = (0..n)
        .map(|i| {
            let mut at = i as u32;
            for _ in 0..n {
                match parent[at as usize] {
                    NONE => break,
                    p => at = p,
                }
            }
            at
        })
        .collect();
    drop(parent);
    // Where each chain's newest row stands: the rows are newest first.
    let mut first = vec![NONE; n];
    for (i, &r) in root.iter().enumerate() {
        if first[r as usize] == NONE {
            first[r as usize] = i as u32;
        }
    }
    let mut order: Vec<u32> = (0..n as u32).collect();
    order.sort_by_key(|&i| (first[root[i as usize] as usize], i));
    // How many rows each chain has, counted by its first record.
    let mut size = vec![0u32; n];
    for &r in &root {
        size[r as usize] += 1;
    }
    let heads: Vec<bool> = (0..n)
        .map(|i| first[root[i] as usize] == i as u32 && size[root[i] as usize] > 1)
        .collect();
    drop(size);
    permute(rows, &mut order);
    let mut in_chain = false;
    for (row, &i) in rows.iter_mut().zip(&order) {
        let i = i as usize;
        row.chain = if heads[i] {
            in_chain = true;
            Chain::Head
        } else if in_chain && first[root[i] as usize] != i as u32 {
            Chain::Older
        } else {
            in_chain = false;
            Chain::Alone
        };
    }
}

/// Puts `rows` in the order `order` gives (the row that goes to place k is `order[k]`), in
/// place: no second list of rows. `order` is left as it was.
fn permute(rows: &mut [Row], order: &mut [u32]) {
    const DONE: u32 = u32::MAX;
    let mut taken = order.to_vec();
    for start in 0..rows.len() {
        if taken[start] == DONE {
            continue;
        }
        let mut at = start;
        loop {
            let from = taken[at] as usize;
            taken[at] = DONE;
            if from == start {
                break;
            }
            rows.swap(at, from);
            at = from;
        }
    }
}

/// After a new revision of `previous` was listed at the top (`app::keep_listed`): its older
/// revisions are moved under it, and it heads their chain, folded as the chain was.
pub fn chain_new_revision(rows: &mut [Row], previous: &str) {
    let Some(p) = rows.iter().position(|r| r.id() == previous) else {
        return;
    };
    let head = (1..=p)
        .rev()
        .find(|&i| rows[i].chain != Chain::Older)
        .unwrap_or(p);
    let end = (head + 1..rows.len())
        .find(|&i| rows[i].chain != Chain::Older)
        .unwrap_or(rows.len());
    if head == 0 {
        return;
    }
    let unfolded = rows[head].unfolded;
    rows[1..end].rotate_right(end - head);
    for row in &mut rows[1..1 + end - head] {
        row.chain = Chain::Older;
        row.unfolded = false;
    }
    rows[0].chain = Chain::Head;
    rows[0].unfolded = unfolded;
}

impl Start {
    /// The filter as it is matched: in lower case, `None` when there is none.
    pub fn needle(&self) -> Option<String> {
        let text = self.filter.as_ref()?.text.trim();
        (!text.is_empty()).then(|| text.to_lowercase())
    }

    /// The rows in view, by index: those the filter matches, or else every campaign's newest
    /// revision and the older ones of an unfolded chain. `needle` is [`Start::needle`].
    pub fn shown<'r>(
        needle: Option<&'r str>,
        rows: &'r [Row],
        bank: Option<&'r Bank>,
        lang: Lang,
    ) -> impl Iterator<Item = usize> + 'r {
        let mut open = false;
        rows.iter().enumerate().filter_map(move |(i, r)| {
            let shown = match needle {
                Some(n) => matches(r, n, bank, lang),
                None => match r.chain {
                    Chain::Alone => {
                        open = false;
                        true
                    }
                    Chain::Head => {
                        open = r.unfolded;
                        true
                    }
                    Chain::Older => open,
                },
            };
            shown.then_some(i)
        })
    }
}

/// The rows a filter lets through, by index, worked out when the filter or the rows change
/// rather than at every key and draw. With 10,000 records a key while typing a filter matched
/// every row three times (the key, the heading's count, the table): about 1 ms a key, where
/// the key bar is 1.5 times a minimal ratatui app's 0.15 ms (benches/perf.rs, group tui).
/// A filter that grew looks only among the rows the shorter one let through.
#[derive(Debug, Default)]
pub struct Hits {
    needle: String,
    rows: Vec<u32>,
}

impl Hits {
    /// The rows of `rows` that `needle` (in lower case) lets through; `before`, the hits of an
    /// earlier filter over the same rows, narrows the search when `needle` holds its filter.
    /// `letters` are the rows' [`letters`] (or none).
    pub fn of(
        needle: String,
        before: Option<Hits>,
        rows: &[Row],
        letters: &[u64],
        (bank, lang): (Option<&Bank>, Lang),
    ) -> Hits {
        // Only an ASCII filter is looked for byte by byte (see `contains_folded`), so only its
        // letters must all be in a row it lets through.
        let need = needle.is_ascii().then(|| letters_of(&needle));
        // Whether a verdict's label lets the filter through, worked out once per verdict.
        let mut labels: Vec<(&str, bool)> = Vec::new();
        let mut hit = |i: u32| {
            let Some(r) = rows.get(i as usize) else {
                return false;
            };
            // The letters hold the label's too: a row without the filter's is passed over.
            if let (Some(need), Some(has)) = (need, letters.get(i as usize))
                && has & need != need
            {
                return false;
            }
            // The row's block of text holds its parts one after the other: two searches (not
            // of the update time between) before the parts one by one.
            let [before_time, after_time] = searched(r);
            if (contains_folded(before_time, &needle) || contains_folded(after_time, &needle))
                && matches_own(r, &needle)
            {
                return true;
            }
            let Some(v) = r.verdict() else {
                return false;
            };
            if let Some(&(_, known)) = labels.iter().find(|(value, _)| *value == v) {
                return known;
            }
            let label = bank.and_then(|b| b.verdict_label(v, lang));
            let fits = label.is_some_and(|l| contains_folded(l, &needle));
            labels.push((v, fits));
            fits
        };
        let found = match before {
            Some(b) if needle.contains(b.needle.as_str()) => {
                b.rows.into_iter().filter(|&i| hit(i)).collect()
            }
            // A store of more than 4 billion records is not listed whole.
            _ => (0..u32::try_from(rows.len()).unwrap_or(u32::MAX))
                .filter(|&i| hit(i))
                .collect(),
        };
        Hits {
            needle,
            rows: found,
        }
    }
}

/// Which ASCII letters, digits and marks a text holds, in any case, one bit each (marks
/// share bits; bit 63 stands for anything outside ASCII). A filter's first character matched
/// all 10,000 rows' texts: about 1 ms a key, most of it searching short texts (perf). With
/// a row's letters, made when a filter is first typed (8 bytes a row), most rows are passed
/// over without reading their text.
pub fn letters_of(text: &str) -> u64 {
    text.bytes().fold(0, |m, b| {
        m | match b.to_ascii_lowercase() {
            b @ b'a'..=b'z' => 1 << (b - b'a'),
            b @ b'0'..=b'9' => 1 << (26 + b - b'0'),
            b @ 0x20..=0x7e => 1 << (36 + b % 27),
            _ => 1 << 63,
        }
    })
}

/// The [`letters_of`] each row's text that a filter searches, its verdict's label in `lang`
/// included.
pub fn letters(rows: &[Row], bank: Option<&Bank>, lang: Lang) -> Vec<u64> {
    rows.iter()
        .map(|r| {
            let label = r
                .verdict()
                .and_then(|v| bank.and_then(|b| b.verdict_label(v, lang)));
            let own = searched(r).iter().fold(0, |m, part| m | letters_of(part));
            own | label.map_or(0, letters_of)
        })
        .collect()
}

/// The parts of a row's text a filter searches: the id and the campaign, and the verdict and
/// the signers. Not the update time between them, whose "T" and "Z" every row has.
fn searched(r: &Row) -> [&str; 2] {
    [r.part(0, 2), r.part(3, 5)]
}

impl Start {
    /// [`Start::shown`], through the hits when they are of this filter.
    pub fn filtered<'r>(
        needle: Option<&'r str>,
        hits: Option<&'r Hits>,
        rows: &'r [Row],
        bank: Option<&'r Bank>,
        lang: Lang,
    ) -> impl Iterator<Item = usize> + 'r {
        let hits = hits.filter(|h| needle == Some(h.needle.as_str()));
        let kept = hits.map(|h| {
            h.rows
                .iter()
                .map(|&i| i as usize)
                .filter(move |&i| i < rows.len())
        });
        let worked_out = hits
            .is_none()
            .then(|| Start::shown(needle, rows, bank, lang));
        kept.into_iter()
            .flatten()
            .chain(worked_out.into_iter().flatten())
    }
}

/// Whether the filter `needle` (in lower case) is in the row's campaign, id, verdict (its
/// value or its label in `lang`) or signers.
pub fn matches(r: &Row, needle: &str, bank: Option<&Bank>, lang: Lang) -> bool {
    let label = r
        .verdict()
        .and_then(|v| bank.and_then(|b| b.verdict_label(v, lang)));
    matches_own(r, needle) || label.is_some_and(|l| contains_folded(l, needle))
}

/// [`matches`] without the verdict's label: the row's own parts.
fn matches_own(r: &Row, needle: &str) -> bool {
    [
        Some(r.campaign()),
        Some(r.id()),
        r.verdict(),
        Some(r.signers()),
    ]
    .into_iter()
    .flatten()
    .any(|hay| contains_folded(hay, needle))
}

/// Whether `hay` holds `needle` (in lower case) in any case, without making a lower-case copy.
/// An ASCII filter (the usual one) is looked for byte by byte, from each place its first
/// letter occurs in either case: a filter is matched against every row at every key. (A
/// character outside ASCII whose lower case is ASCII, such as the Kelvin sign, is then not
/// taken for that letter.)
fn contains_folded(hay: &str, needle: &str) -> bool {
    if needle.is_empty() {
        return true;
    }
    if needle.is_ascii() {
        let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
        let (first, rest) = (needle[0], &needle[1..]);
        let mut at = 0;
        while let Some(i) = memchr::memchr2(first, first.to_ascii_uppercase(), &hay[at..]) {
            let start = at + i;
            match hay.get(start + 1..start + needle.len()) {
                Some(next) if next.eq_ignore_ascii_case(rest) => return true,
                Some(_) => at = start + 1,
                None => return false,
            }
        }
        return false;
    }
    let folded = |s: &str| -> bool {
        let mut hay = s.chars().flat_map(char::to_lowercase);
        needle.chars().all(|n| hay.next() == Some(n))
    };
    hay.char_indices().any(|(i, _)| folded(&hay[i..]))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::record::Status;

    fn row(id: &str, updated: &str) -> Row {
        Row::new(id, id, Status::Completed, None, updated, Default::default())
    }

    #[test]
    fn chains_are_kept_together_newest_first() {
        // c3 → c2 → c1 is one chain; a and b stand alone; x links to a record not listed.
        let mut rows = vec![
            row("c3", "2026-11-05"),
            row("a", "2026-11-04"),
            row("c2", "2026-11-03"),
            row("x", "2026-11-02"),
            row("c1", "2026-11-01"),
        ];
        let links: Vec<(Box<str>, Box<str>)> = [("c3", "c2"), ("c2", "c1"), ("x", "gone")]
            .iter()
            .map(|(a, b)| ((*a).into(), (*b).into()))
            .collect();
        chain_rows(&mut rows, &links);
        let got: Vec<(&str, Chain)> = rows.iter().map(|r| (r.id(), r.chain)).collect();
        assert_eq!(
            got,
            [
                ("c3", Chain::Head),
                ("c2", Chain::Older),
                ("c1", Chain::Older),
                ("a", Chain::Alone),
                ("x", Chain::Alone),
            ]
        );
        let start = Start::default();
        let shown: Vec<usize> = Start::shown(None, &rows, None, Lang::Nl).collect();
        assert_eq!(shown, [0, 3, 4]);
        rows[0].unfolded = true;
        let shown: Vec<usize> = Start::shown(None, &rows, None, Lang::Nl).collect();
        assert_eq!(shown, [0, 1, 2, 3, 4]);
        assert!(start.needle().is_none());
    }

    #[test]
    fn links_that_loop_end() {
        let mut rows = vec![row("a", "2"), row("b", "1")];
        let links: Vec<(Box<str>, Box<str>)> = [("a", "b"), ("b", "a")]
            .iter()
            .map(|(a, b)| ((*a).into(), (*b).into()))
            .collect();
        chain_rows(&mut rows, &links);
        assert_eq!(rows.len(), 2);
    }

    /// The hits of a filter, narrowed from a shorter one's or worked out anew, are the rows
    /// `matches` lets through, and they are used only for their own filter.
    #[test]
    fn hits_are_the_rows_a_filter_matches() {
        let rows: Vec<Row> = ["Zomerlezen", "Winter", "zomer jeugd", "Lente", "ZOMERACTIE"]
            .iter()
            .enumerate()
            .map(|(i, c)| {
                Row::new(
                    &format!("id-{i}"),
                    c,
                    Status::Completed,
                    None,
                    "2026",
                    Default::default(),
                )
            })
            .collect();
        let every = |n: &str| -> Vec<usize> {
            (0..rows.len())
                .filter(|&i| matches(&rows[i], n, None, Lang::Nl))
                .collect()
        };
        let of = |h: &Hits, n: &str| -> Vec<usize> {
            Start::filtered(Some(n), Some(h), &rows, None, Lang::Nl).collect()
        };
        let zo = Hits::of("zo".into(), None, &rows, &[], (None, Lang::Nl));
        assert_eq!(of(&zo, "zo"), [0, 2, 4]);
        let zomer_j = Hits::of(
            "zomer j".into(),
            Some(zo),
            &rows,
            &letters(&rows, None, Lang::Nl),
            (None, Lang::Nl),
        );
        assert_eq!(of(&zomer_j, "zomer j"), every("zomer j"));
        assert_eq!(of(&zomer_j, "zomer j"), [2]);
        // Not a longer form of the last filter: every row is looked at again.
        let en = Hits::of(
            "en".into(),
            Some(zomer_j),
            &rows,
            &letters(&rows, None, Lang::Nl),
            (None, Lang::Nl),
        );
        assert_eq!(of(&en, "en"), every("en"));
        assert_eq!(of(&en, "en"), [0, 3]);
        // A row's letters pass over a row only when the filter cannot be in its text.
        for n in ["d-3", "ZOMER", "er j", "2026", "q", "zomeractie"] {
            let n = n.to_lowercase();
            let h = Hits::of(
                n.clone(),
                None,
                &rows,
                &letters(&rows, None, Lang::Nl),
                (None, Lang::Nl),
            );
            assert_eq!(of(&h, &n), every(&n), "{n}");
        }
        // The update time is not searched: every row's has a "T" and a "Z".
        let timed = [Row::new(
            "a",
            "Winter",
            Status::Completed,
            None,
            "2026-11-30T05:48:58Z",
            Default::default(),
        )];
        let z = Hits::of(
            "z".into(),
            None,
            &timed,
            &letters(&timed, None, Lang::Nl),
            (None, Lang::Nl),
        );
        assert_eq!(
            Start::filtered(Some("z"), Some(&z), &timed, None, Lang::Nl).count(),
            0
        );
        // Hits of another filter are not used for this one.
        assert_eq!(of(&en, "winter"), [1]);
    }

    #[test]
    fn a_filter_matches_in_any_case() {
        assert!(contains_folded("Zomerlezen Jeugd", "jeugd"));
        assert!(contains_folded("ÉÉN actie", "één"));
        assert!(!contains_folded("Zomer", "winter"));
        assert!(contains_folded("a Zomer", "zomer"));
        assert!(contains_folded("zzomer", "zomer"));
        assert!(!contains_folded("Zome", "zomer"));
        assert!(contains_folded("ID-20261123", "-2026"));
    }
}
