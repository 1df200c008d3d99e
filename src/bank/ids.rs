//! Ids of the bank's items, one type per kind, so that a question's id cannot index the
//! actions: each of the bank's collections is indexed by its own kind of id only. An id is
//! the item's place in the bank, as loaded; the bank's files name items by their string ids.
use typed_index_collections::{TiSlice, TiVec};

/// A vector indexed by one kind of id only (`Ids<QId, Question>`): `ids[q]`, `iter_enumerated`,
/// `keys`, `position` and the like all speak of that kind of id.
///
/// ```
/// # use avg_wijzer::bank::Bank;
/// let bank = Bank::embedded().unwrap();
/// let a = bank.action_id("dpia").unwrap();
/// assert_eq!(bank.actions[a].id, "dpia");
/// ```
///
/// A question's id does not index the actions:
///
/// ```compile_fail
/// # use avg_wijzer::bank::Bank;
/// let bank = Bank::embedded().unwrap();
/// let q = bank.question_id("audience").unwrap();
/// let _ = &bank.actions[q];
/// ```
pub type Ids<I, T> = TiVec<I, T>;

/// A slice of an [`Ids`].
pub type IdSlice<I, T> = TiSlice<I, T>;

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Copy, Clone, Eq, PartialEq, Ord, PartialOrd, Hash, Debug)]
        pub struct $name(usize);

        impl $name {
            /// The place in the bank, for bit sets and messages that count.
            pub const fn index(self) -> usize {
                self.0
            }
        }

        impl From<usize> for $name {
            fn from(i: usize) -> $name {
                $name(i)
            }
        }

        impl From<$name> for usize {
            fn from(id: $name) -> usize {
                id.0
            }
        }
    )*};
}

ids! {
    /// A question.
    QId;
    /// A finding.
    FId;
    /// An action.
    AId;
    /// A warning.
    WId;
    /// A note about current law.
    NId;
    /// A rule.
    RId;
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_index_their_own_collection() {
        let mut questions: Ids<QId, &str> = Ids::new();
        let a = questions.push_and_get_key("a");
        let b = questions.push_and_get_key("b");
        assert_eq!((questions[a], questions[b]), ("a", "b"));
        assert_eq!(b.index(), 1);
        assert_eq!(questions.position(|&q| q == "b"), Some(b));
        assert_eq!(questions.keys().collect::<Vec<_>>(), [a, b]);
    }
}
