//! The command line's own words: the list, the sign-off, and the warnings and refusals of the
//! commands on records.
use crate::advice::BankRef;
use crate::text::Lang;

pub struct Words {
    /// The name of standard input in messages.
    pub stdin: &'static str,
    /// Before the message of a panic: a fault of the program itself.
    pub internal_error: &'static str,
    pub notice: &'static str,
    pub question: &'static str,
    pub no_records: &'static str,
    pub heads: [&'static str; 6],
    pub unreadable: &'static str,
    pub signed_off: &'static str,
    pub signed_with_key: &'static str,
    pub fingerprint: &'static str,
    pub remarks: &'static str,
}

pub const NL: Words = Words {
    stdin: "standaardinvoer",
    internal_error: "interne fout",
    notice: "let op",
    question: "vraag",
    no_records: "Nog geen verslagen in",
    heads: [
        "ID",
        "CAMPAGNE",
        "STATUS",
        "OORDEEL",
        "ACTIEPLAN",
        "BIJGEWERKT",
    ],
    unreadable: "Onleesbaar:",
    signed_off: "afgetekend",
    signed_with_key: "ondertekend met SSH-sleutel",
    fingerprint: "vingerafdruk (sha256)",
    remarks: "opmerkingen",
};

pub const EN: Words = Words {
    stdin: "standard input",
    internal_error: "internal error",
    notice: "note",
    question: "question",
    no_records: "No records yet in",
    heads: [
        "ID",
        "CAMPAIGN",
        "STATUS",
        "VERDICT",
        "ACTION PLAN",
        "UPDATED",
    ],
    unreadable: "Unreadable:",
    signed_off: "signed off",
    signed_with_key: "signed with SSH key",
    fingerprint: "fingerprint (sha256)",
    remarks: "remarks",
};

pub fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Nl => &NL,
        Lang::En => &EN,
    }
}

/// A signed-off record (or an altered one) went on as a new revision.
pub fn revised(from: &str, to: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("verslag {from} wordt voortgezet als nieuwe revisie {to}"),
        Lang::En => format!("record {from} is continued as new revision {to}"),
    }
}

/// A sign-off refused because the bank changed since the advice was made.
pub fn bank_changed_unseen(id: &str, from: &BankRef, lang: Lang) -> String {
    let (bank, version, hash) = (&from.id, &from.version, from.short_hash());
    match lang {
        Lang::Nl => format!(
            "verslag {id}: gemaakt met vragenbank {bank} {version} (sha256 {hash}), niet met de huidige; open het eerst met avg-wijzer --resume {id} zodat het advies wordt bijgewerkt, en teken dan af"
        ),
        Lang::En => format!(
            "record {id}: made with question bank {bank} {version} (sha256 {hash}), not with the current one; open it with avg-wijzer --resume {id} first so that the advice is brought up to date, then sign off"
        ),
    }
}

/// A signature asked of a record signed off without a key.
/// A `--separator` that is not one character a CSV can use.
pub fn not_a_separator(given: &str, lang: Lang) -> String {
    let given = crate::json::quoted(given);
    match lang {
        Lang::Nl => format!(
            "{given} is geen scheidingsteken: geef één teken dat geen letter, cijfer, spatie of aanhalingsteken is, bijvoorbeeld ; of , (of tab)"
        ),
        Lang::En => format!(
            "{given} is not a separator: give one character that is not a letter, digit, space or quote, for example ; or , (or tab)"
        ),
    }
}

pub fn no_signature(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!(
            "verslag {id}: de aftekening is niet met een SSH-sleutel ondertekend; er is geen handtekening om te exporteren"
        ),
        Lang::En => format!(
            "record {id}: the sign-off was not signed with an SSH key; there is no signature to export"
        ),
    }
}

/// A record read although it failed verification.
pub fn read_altered(id: &str, parts: &[String], lang: Lang) -> String {
    let parts = parts.join(", ");
    match lang {
        Lang::Nl => format!(
            "LET OP: verslag {id} is gewijzigd na het opslaan (wat niet meer klopt: {parts}); controleer het met avg-wijzer verify {id}"
        ),
        Lang::En => format!(
            "WARNING: record {id} was altered after it was saved (what no longer holds: {parts}); check it with avg-wijzer verify {id}"
        ),
    }
}

/// A refusal about record `id`.
pub fn about_record(id: &str, why: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("verslag {id}: {why}"),
        Lang::En => format!("record {id}: {why}"),
    }
}

/// No directory for the records could be found.
pub fn no_store_dir(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => {
            "geen map voor de verslagen gevonden; geef er een met --store of AVG_WIJZER_STORE"
        }
        Lang::En => "no directory for the records found; give one with --store or AVG_WIJZER_STORE",
    }
}

/// The bank built into the program does not load (what follows says why).
pub fn embedded_bank_broken(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "ingebouwde vragenbank is kapot",
        Lang::En => "the built-in question bank is broken",
    }
}

/// A bank given with --questions is refused (what follows says why).
pub fn bank_refused(dir: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("vragenbank {dir} geweigerd"),
        Lang::En => format!("question bank {dir} refused"),
    }
}

/// Standard output cannot be written (what follows says why).
pub fn output_failed(lang: Lang) -> &'static str {
    match lang {
        Lang::Nl => "uitvoer niet te schrijven",
        Lang::En => "output cannot be written",
    }
}

/// `--mode` given something else than file permissions.
pub fn not_a_mode(given: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{given:?} zijn geen bestandsrechten als 600 of 640 (octaal)"),
        Lang::En => format!("{given:?} is not a set of file permissions like 600 or 640 (octal)"),
    }
}

/// `--stale` given something else than a number of months.
pub fn not_months(given: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("\"{given}\" is geen aantal maanden; geef een heel getal, zoals 12"),
        Lang::En => format!("\"{given}\" is not a number of months; give a whole number, like 12"),
    }
}

/// `archive`: the record put in the archive.
pub fn archived(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{id} staat nu in het archief (terugzetten: avg-wijzer restore {id})"),
        Lang::En => format!("{id} is now in the archive (to restore: avg-wijzer restore {id})"),
    }
}

/// `restore`: the record back in the store.
pub fn restored(id: &str, lang: Lang) -> String {
    match lang {
        Lang::Nl => format!("{id} staat weer in de opslag"),
        Lang::En => format!("{id} is back in the store"),
    }
}
