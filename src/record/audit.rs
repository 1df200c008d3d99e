//! What `verify` checks in one record file, beyond reading it: the integrity hash, the chain of
//! history events, and whether the stored advice still follows from the stored answers with the
//! bank the record names. Pure: the caller reads the files and the bank.
use serde_json::Value;

use super::integrity::{self, Verification};
use super::{Assessment, PlanCheck, Record, Unreadable, bank_ref};
use crate::bank::Bank;

/// The findings of `verify` on one record.
#[derive(Debug, Clone)]
pub struct Audit {
    pub record: Record,
    pub check: Verification,
    /// The fingerprint of the content as it is (equal to the stored hash when intact).
    pub fingerprint: String,
    /// The first history event (from 1) whose chain hash is missing or wrong; `None` when the
    /// chain holds or the format has none.
    pub broken_link: Option<usize>,
    /// Whether the record's format chains its history (format 1 did not).
    pub chained: bool,
    pub advice: AdviceCheck,
    /// The action plan, checked against its own seal.
    pub plan: PlanCheck,
}

/// Whether the stored advice follows from the stored answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AdviceCheck {
    /// Evaluated again with the record's own bank: the same advice.
    Follows,
    /// Evaluated again with the record's own bank: other advice than the one stored.
    Differs,
    /// The bank the record was made with is not the one at hand, so it was not evaluated.
    BankUnavailable,
}

impl Audit {
    /// Whether everything that was checked holds.
    pub fn holds(&self) -> bool {
        self.check == Verification::Intact
            && self.broken_link.is_none()
            && self.advice != AdviceCheck::Differs
            && !self.plan.is_altered()
    }
}

/// Audits a record file's JSON, whose integrity check `check` ([`super::verify_value`]) the
/// caller made first (it decides between unreadable and altered when the content is invalid).
pub fn audit(value: Value, check: Verification, bank: &Bank) -> Result<Audit, Unreadable> {
    let fingerprint = integrity::seal(&value).hash;
    let plan = super::verify_plan(&value);
    // Format 1 had no chain; its events carry no hash.
    let chained = value.get("format_version").and_then(Value::as_u64) != Some(1);
    let broken_link = if chained {
        integrity::broken_link(&value)
    } else {
        None
    };
    let record = super::from_value(value)?;
    let advice = advice_check(bank, &record);
    Ok(Audit {
        record,
        check,
        fingerprint,
        broken_link,
        chained,
        advice,
        plan,
    })
}

/// Evaluates the record's answers again with `bank`, if it is the bank the record names.
pub(super) fn advice_check(bank: &Bank, record: &Record) -> AdviceCheck {
    if record.bank != bank_ref(bank) {
        return AdviceCheck::BankUnavailable;
    }
    let again = Assessment::resume(bank, record.clone(), &record.updated);
    let (now, stored) = (again.record.outcome.as_ref(), record.outcome.as_ref());
    // Made by this version of the program, the advice must come out the same to the letter. A
    // later version may word the same advice otherwise (the texts it draws from the same bank),
    // so then what the advice decides must be the same: verdict, findings, which actions at
    // which level, which warnings, notes and reasons, along which path.
    let same = if record.tool.version == env!("CARGO_PKG_VERSION") {
        now == stored
    } else {
        now.map(substance) == stored.map(substance)
    };
    if same {
        AdviceCheck::Follows
    } else {
        AdviceCheck::Differs
    }
}

/// What an advice decides, without its wording.
fn substance(a: &crate::advice::Advice) -> impl PartialEq + use<'_> {
    (
        (&a.findings, &a.verdict.value, &a.path, &a.answers),
        a.actions
            .iter()
            .map(|x| (x.id.as_str(), x.level))
            .collect::<Vec<_>>(),
        a.warnings.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
        a.notes.iter().map(|x| x.id.as_str()).collect::<Vec<_>>(),
        a.reasons
            .iter()
            .map(|x| x.rule.as_str())
            .collect::<Vec<_>>(),
    )
}
