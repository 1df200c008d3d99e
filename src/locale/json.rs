//! What is wrong with a JSON text someone wrote: cut short, not JSON, not in the format, or a
//! key given twice. serde's own words stay as they are behind the prefix; they name the value
//! and what was expected, and are English in either language.
use crate::json::{Problem, quoted};
use crate::text::Lang;

impl Problem {
    pub fn said(&self, lang: Lang) -> String {
        match (self, lang) {
            (Problem::CutShort, Lang::Nl) => {
                "het bestand houdt op voordat de JSON af is (afgekapt?)".to_string()
            }
            (Problem::CutShort, Lang::En) => {
                "the file ends before the JSON is complete (cut off?)".to_string()
            }
            (Problem::Syntax(m), Lang::Nl) => format!("ongeldige JSON: {m}"),
            (Problem::Syntax(m), Lang::En) => format!("invalid JSON: {m}"),
            (Problem::Format(m), Lang::Nl) => format!("klopt niet met het formaat: {m}"),
            (Problem::Format(m), Lang::En) => format!("does not fit the format: {m}"),
            (Problem::Duplicate(key), Lang::Nl) => {
                format!("de sleutel {} staat er twee keer in", quoted(key))
            }
            (Problem::Duplicate(key), Lang::En) => {
                format!("the key {} is given twice", quoted(key))
            }
        }
    }
}
