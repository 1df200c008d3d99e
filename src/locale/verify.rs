//! `verify`'s report on a record file, for the register keeper.
use crate::record::plan::PlanAltered;
use crate::record::signature::VerifyError;
use crate::text::Lang;

/// The report's sentences, in Dutch and English.
pub struct Verify(pub Lang);

impl Verify {
    fn nl(&self) -> bool {
        self.0 == Lang::Nl
    }

    pub fn intact(&self, shown: &str, id: &str, revision: u32, hash: &str) -> String {
        match self.nl() {
            true => format!("{shown}: intact — verslag {id} (revisie {revision}), sha256 {hash}\n"),
            false => {
                format!("{shown}: intact — record {id} (revision {revision}), sha256 {hash}\n")
            }
        }
    }

    pub fn unsealed(&self, shown: &str) -> String {
        match self.nl() {
            true => format!("{shown}: heeft geen (geldig) integriteitsblok; niet te controleren"),
            false => format!("{shown}: has no (valid) integrity block; cannot be checked"),
        }
    }

    pub fn altered(&self, shown: &str, parts: Option<&str>) -> String {
        match (self.nl(), parts) {
            (true, Some(p)) => {
                format!("{shown}: GEWIJZIGD na het opslaan; wat niet meer klopt: {p}\n")
            }
            (true, None) => format!(
                "{shown}: GEWIJZIGD na het opslaan; wat niet meer klopt: het integriteitsblok zelf\n"
            ),
            (false, Some(p)) => {
                format!("{shown}: ALTERED after it was saved; what no longer holds: {p}\n")
            }
            (false, None) => format!(
                "{shown}: ALTERED after it was saved; what no longer holds: the integrity block itself\n"
            ),
        }
    }

    pub fn expect(&self, expected: &str, found: Option<&str>) -> String {
        match (self.nl(), found) {
            (true, None) => "  vingerafdruk uit het register (--expect): klopt\n".into(),
            (true, Some(f)) => format!(
                "  vingerafdruk uit het register (--expect): KLOPT NIET; verwacht {expected}, dit verslag heeft {f}\n"
            ),
            (false, None) => "  fingerprint from the register (--expect): holds\n".into(),
            (false, Some(f)) => format!(
                "  fingerprint from the register (--expect): DOES NOT HOLD; expected {expected}, this record has {f}\n"
            ),
        }
    }

    pub fn signed_unsigned(&self) -> &'static str {
        match self.nl() {
            true => {
                "  handtekening: KLOPT NIET; er staat een handtekening in een verslag dat niet is afgetekend\n"
            }
            false => {
                "  signature: DOES NOT HOLD; there is a signature in a record that is not signed off\n"
            }
        }
    }

    /// No signature; `required` when the register keeper asked for the check.
    pub fn no_signature(&self, required: bool) -> &'static str {
        match (self.nl(), required) {
            (true, true) => {
                "  handtekening: GEEN; deze aftekening is niet met een SSH-sleutel ondertekend\n"
            }
            (true, false) => {
                "  handtekening: geen; de aftekening is niet met een SSH-sleutel ondertekend\n"
            }
            (false, true) => "  signature: NONE; this sign-off was not signed with an SSH key\n",
            (false, false) => "  signature: none; the sign-off was not signed with an SSH key\n",
        }
    }

    pub fn signed_by(&self, key: &str, principals: &str, line: usize, file: &str) -> String {
        match self.nl() {
            true => format!(
                "  handtekening: klopt; gezet met sleutel {key} van {principals} (regel {line} van {file})\n"
            ),
            false => format!(
                "  signature: holds; made with key {key} of {principals} (line {line} of {file})\n"
            ),
        }
    }

    pub fn signed_with(&self, key: &str) -> String {
        match self.nl() {
            true => format!(
                "  handtekening: past bij dit verslag, gezet met sleutel {key}; van wie die sleutel is, controleer je met --allowed-signers\n"
            ),
            false => format!(
                "  signature: fits this record, made with key {key}; whose key that is, check with --allowed-signers\n"
            ),
        }
    }

    pub fn signature_fails(&self, why: &VerifyError) -> String {
        let why = why.said(self.0);
        match self.nl() {
            true => format!("  handtekening: KLOPT NIET; {why}\n"),
            false => format!("  signature: DOES NOT HOLD; {why}\n"),
        }
    }

    /// The history: `broken` is the first event whose link does not hold; `chained` is false
    /// for a format 1 record, which had no chain.
    pub fn history(&self, n: usize, chained: bool, broken: Option<usize>) -> String {
        let events = match (self.nl(), n == 1) {
            (true, true) => "gebeurtenis",
            (true, false) => "gebeurtenissen",
            (false, true) => "event",
            (false, false) => "events",
        };
        match (self.nl(), broken) {
            (true, None) if !chained => {
                format!("  geschiedenis: {n} {events} (formaat 1, nog zonder hashketen)\n")
            }
            (true, None) => format!("  geschiedenis: {n} {events}, de hashketen klopt\n"),
            (true, Some(k)) => format!(
                "  geschiedenis: de hashketen is GEBROKEN bij gebeurtenis {k} van {n}; de geschiedenis is na het opslaan bewerkt\n"
            ),
            (false, None) if !chained => {
                format!("  history: {n} {events} (format 1, before the hash chain)\n")
            }
            (false, None) => format!("  history: {n} {events}, the hash chain holds\n"),
            (false, Some(k)) => format!(
                "  history: the hash chain is BROKEN at event {k} of {n}; the history was edited after saving\n"
            ),
        }
    }

    pub fn no_advice(&self) -> &'static str {
        match self.nl() {
            true => "  advies: nog geen (niet alle vragen beantwoord)\n",
            false => "  advice: none yet (not every question answered)\n",
        }
    }

    pub fn advice_follows(&self, bank: &str, version: &str) -> String {
        match self.nl() {
            true => format!(
                "  advies: volgt uit de opgeslagen antwoorden met vragenbank {bank} {version}\n"
            ),
            false => format!(
                "  advice: follows from the saved answers with question bank {bank} {version}\n"
            ),
        }
    }

    pub fn advice_differs(&self, bank: &str, version: &str) -> String {
        match self.nl() {
            true => format!(
                "  advies: volgt NIET uit de opgeslagen antwoorden met vragenbank {bank} {version}; het opgeslagen advies is niet het advies dat de antwoorden geven\n"
            ),
            false => format!(
                "  advice: does NOT follow from the saved answers with question bank {bank} {version}; the saved advice is not the advice the answers give\n"
            ),
        }
    }

    pub fn advice_unchecked(&self, bank: &str, version: &str, hash: &str) -> String {
        match self.nl() {
            true => format!(
                "  advies: niet nagerekend; vragenbank {bank} {version} (sha256 {hash}) is hier niet beschikbaar (geef die met --questions)\n"
            ),
            false => format!(
                "  advice: not checked; question bank {bank} {version} (sha256 {hash}) is not available here (give it with --questions)\n"
            ),
        }
    }

    pub fn previous_not_kept(&self, id: &str) -> String {
        match self.nl() {
            true => format!(
                "  vorige revisie {id}: vingerafdruk niet bewaard (formaat 1); niet te controleren\n"
            ),
            false => format!(
                "  previous revision {id}: fingerprint not kept (format 1); cannot be checked\n"
            ),
        }
    }

    pub fn previous_missing(&self, id: &str) -> String {
        match self.nl() {
            true => format!("  vorige revisie {id}: niet gevonden naast dit bestand\n"),
            false => format!("  previous revision {id}: not found beside this file\n"),
        }
    }

    pub fn previous_unreadable(&self, id: &str) -> String {
        match self.nl() {
            true => format!("  vorige revisie {id}: ONLEESBAAR; de keten is niet te controleren\n"),
            false => format!("  previous revision {id}: UNREADABLE; the chain cannot be checked\n"),
        }
    }

    pub fn previous_differs(&self, id: &str, expected: &str, found: &str) -> String {
        match self.nl() {
            true => format!(
                "  vorige revisie {id}: vingerafdruk KLOPT NIET; verwacht {expected}, gevonden {found}\n"
            ),
            false => format!(
                "  previous revision {id}: fingerprint DOES NOT HOLD; expected {expected}, found {found}\n"
            ),
        }
    }

    pub fn previous_holds(&self, id: &str) -> String {
        match self.nl() {
            true => format!("  vorige revisie {id}: vingerafdruk klopt\n"),
            false => format!("  previous revision {id}: fingerprint holds\n"),
        }
    }

    /// The action plan holds: its seal and its chain from this record's fingerprint.
    pub fn plan_intact(&self, events: usize) -> String {
        let plural = events != 1;
        match self.nl() {
            true => format!(
                "  actieplan: intact, {events} {}, de hashketen vanaf deze vingerafdruk klopt\n",
                if plural {
                    "gebeurtenissen"
                } else {
                    "gebeurtenis"
                }
            ),
            false => format!(
                "  action plan: intact, {events} {}, the hash chain from this fingerprint holds\n",
                if plural { "events" } else { "event" }
            ),
        }
    }

    /// The action plan does not match its own seal: which items, which event.
    pub fn plan_altered(&self, a: &PlanAltered) -> String {
        let nl = self.nl();
        let items: Vec<String> = a
            .items
            .iter()
            .map(|i| crate::json::escape_controls(i))
            .collect();
        let mut what = Vec::new();
        if !items.is_empty() {
            what.push(match (nl, items.len() == 1) {
                (true, true) => format!("actie {}", items[0]),
                (true, false) => format!("acties {}", items.join(", ")),
                (false, true) => format!("action {}", items[0]),
                (false, false) => format!("actions {}", items.join(", ")),
            });
        }
        if let Some(k) = a.event {
            let n = a.events;
            what.push(match nl {
                true => format!("de hashketen is gebroken bij gebeurtenis {k} van {n}"),
                false => format!("the hash chain is broken at event {k} of {n}"),
            });
        }
        if a.foreign {
            what.push(match nl {
                true => {
                    "het is verzegeld bij een andere vingerafdruk dan die van dit verslag".into()
                }
                false => "it was sealed with another fingerprint than this record's".into(),
            });
        }
        if what.is_empty() {
            what.push(match nl {
                true => "het zegel van het actieplan zelf".into(),
                false => "the action plan's seal itself".into(),
            });
        }
        match nl {
            true => format!(
                "  actieplan: GEWIJZIGD na het opslaan; wat niet meer klopt: {}\n",
                what.join("; ")
            ),
            false => format!(
                "  action plan: ALTERED after it was saved; what no longer holds: {}\n",
                what.join("; ")
            ),
        }
    }
}
