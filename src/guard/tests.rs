use super::*;
use proptest::prelude::*;
use std::time::{Duration, Instant};

fn kinds(text: &str) -> Vec<Suspect> {
    scan(text)
}

fn has(text: &str, kind: Suspect) -> bool {
    scan(text).contains(&kind)
}

fn assert_all(texts: &[&str], kind: Suspect, expect: bool) {
    for t in texts {
        assert_eq!(
            has(t, kind),
            expect,
            "{kind:?} expected {expect} for {t:?}: {:?}",
            scan(t)
        );
    }
}

#[test]
fn emails_are_found() {
    assert_all(
        &[
            "jan.jansen@example.nl",
            "a+b@sub.bieb.nl",
            "Gesprek met Jan, mail hem op jan.jansen@example.nl.",
            "Contact: (p.devries@gmail.com)",
            "Stuur naar <m_bakker-2@hotmail.co.uk> graag",
            "mailadres lid: Annemiek.VanDijk@ziggo.nl, bellen mag niet",
            "e-mail:piet@kpnmail.nl",
            "Reactie van lid 'karin@xs4all.nl' op de enquête",
            "Aanmelding via info@bibliotheek-utrecht.nl ontvangen",
            "jürgen.müller@bücher.de schreef ons",
            "Zie JAN@EXAMPLE.COM",
            "x1@a.io",
        ],
        Suspect::Email,
        true,
    );
}

#[test]
fn email_lookalikes_are_not() {
    assert_all(
        &[
            "Volg ons op Instagram: @bibliotheek",
            "Tag @bibliotheek.utrecht in je post",
            "user@localhost",
            "Mail naar info@bieb voor vragen",
            "info@bieb. Daarna verder",
            "Versie 2@3.4 is onzin",
            "jan@example.1",
            "jan@-example.nl",
            "jan@example..nl",
            "@ home werken",
            "We mailen 8 miljoen leden @ 2027",
            "Campagne 2027 voor 8 miljoen verbonden gebruikers",
        ],
        Suspect::Email,
        false,
    );
}

#[test]
fn postcodes_with_house_numbers_are_found() {
    assert_all(
        &[
            "1234 AB 12",
            "1234AB12",
            "1234 ab, 5",
            "Adres lid: 3511 AZ 167",
            "Woont op 2511 CV 12a in Den Haag",
            "Bezorgen bij 9711 LM, 14-2",
            "Dorpsstraat 12, 1234 AB",
            "Dorpsstraat 12, 1234 AB Utrecht",
            "Kerklaan 3a\n1234 AB Ons Dorp",
            "Mevrouw woont Hoofdweg 145-2, 1017 AB Amsterdam",
            "Molenstraat 7 bis 5211 AB 's-Hertogenbosch",
            "Spui 1, 2511 BL",
            "Breestraat 2027, 2311 CS Leiden",
            "Oude Gracht 12-II, 3511 AB",
            "postcode 1234AB, huisnummer 12",
            "1234 AB nr. 7",
        ],
        Suspect::PostcodeHouseNumber,
        true,
    );
}

#[test]
fn bare_postcodes_and_lookalikes_are_not() {
    assert_all(
        &[
            "1234 AB",
            "Actie voor postcodegebied 1234 AB",
            "Postcodes 1234 AB, 1235 AC en 1236 AD krijgen een folder",
            "Wijk 1234AB en omgeving",
            "Campagne 2027 en 2028 voor alle leden",
            "In 2027 op 5 locaties",
            "Campagne 2027 voor 8 miljoen verbonden gebruikers",
            "Campagne 2027, 1234 AB en omgeving",
            "1234 AB 2027",
            "Postbus 1234, 1000 AB Amsterdam",
            "PC4 gebied 1234 heeft 500 leden",
            "1234 AB 1,5 km verderop",
            "0123 AB 12",
            "12345 AB 12",
            "Groei 1500 km 12 dagen",
            "1234 AB 5 weken lang",
            "In 1234 AB 40% bereikt",
            "Kinderen uit groep 8, 1234 AB",
            "Lid 12, 1234 AB",
        ],
        Suspect::PostcodeHouseNumber,
        false,
    );
}

#[test]
fn phones_are_found() {
    assert_all(
        &[
            "Gesprek met Jan, bel hem op 06-12345678",
            "06 1234 5678",
            "0612345678",
            "(010) 123 45 67",
            "020-1234567",
            "tel. 0299-123456 (na 18 uur)",
            "06 - 12 34 56 78",
            "06.12.34.56.78",
            "+31 6 12345678",
            "+31 (0)20 1234567",
            "+31(0)6-12345678",
            "0031 6 12345678",
            "+32 2 123 45 67",
            "+44 20 7946 0958",
            "Terugbellen: 06-12345678, 06-87654321",
            "bel 06\u{a0}1234\u{a0}5678 na vijven",
            "06–12345678",
            "Telefoon +31-6-1234-5678",
            "088 - 123 45 67",
        ],
        Suspect::Phone,
        true,
    );
}

#[test]
fn phone_lookalikes_are_not() {
    assert_all(
        &[
            "Campagne 2027 voor 8 miljoen verbonden gebruikers",
            "Actie voor postcodegebied 1234 AB",
            "Start 15-11-2024, einde 05-12-2024",
            "Op 01-02-2024 12.30 uur in de zaal",
            "Versie 1.0.0 van de wijzer",
            "Budget € 1.250 voor flyers",
            "Omzet +1.250.000.000 in 2027",
            "Tijden: 09.30 10.30 11.30 12.30",
            "Open 09:00 - 17:00, 0,5 fte",
            "ISBN 0-306-40615-2 en ISBN 0306406152",
            "Bestelnummer A0612345678",
            "123456789012",
            "06-1234567",
            "06-123456789",
            "Groep 0 1 2 3 4 5 6 7 8 9",
            "+31",
            "2024-2025 seizoen",
            "Lidnummer 0012345678",
            "Datum 05/11/2024 06 12 34 56",
            "0800-1234 en 0900-1234567",
        ],
        Suspect::Phone,
        false,
    );
}

#[test]
fn phones_end_at_a_loose_separator() {
    assert_all(
        &[
            "06-12345678 12",
            "06-12345678, 12",
            "06-12345678--- 5",
            "06-12345678----5",
        ],
        Suspect::Phone,
        true,
    );
    assert_all(
        &[
            "06-12345678-12",
            "06-12345678--12",
            "06-12345678---5",
            "06-12345678a",
        ],
        Suspect::Phone,
        false,
    );
}

#[test]
fn ibans_are_found() {
    assert_all(
        &[
            "NL91 ABNA 0417 1643 00",
            "NL91ABNA0417164300",
            "BE68 5390 0754 7034",
            "Terugstorten op NL91 ABNA 0417 1643 00 graag",
            "Rekening: BE68539007547034.",
            "DE89 3704 0044 0532 0130 00 voor de Duitse leden",
            "GB82 WEST 1234 5698 7654 32",
            "nl91abna0417164300",
            "IBAN:NL91ABNA0417164300",
            "FR14 2004 1010 0505 0001 3M02 606",
            "BE68 5390 0754 7034 voor het lidmaatschap",
            "CH93 0076 2011 6238 5295 7",
        ],
        Suspect::Iban,
        true,
    );
}

#[test]
fn iban_lookalikes_are_not() {
    assert_all(
        &[
            "NL92 ABNA 0417 1643 00",
            "NL91ABNA0417164301",
            "BE68 5390 0754 7035",
            "AB12 campagne loopt tot eind 2027",
            "Code XX12345678901234 is ongeldig",
            "NL91 ABNA 0417 1643",
            "ANL91ABNA0417164300",
            "NL91ABNA0417164300X",
            "NL91ABNA041716430",
            "Campagne 2027 voor 8 miljoen verbonden gebruikers",
            "PC12 ruimte 34 van de bibliotheek",
        ],
        Suspect::Iban,
        false,
    );
}

#[test]
fn iban_digits_are_no_phone_and_email_digits_no_postcode() {
    assert_eq!(kinds("NL91 ABNA 0417 1643 00"), vec![Suspect::Iban]);
    assert_eq!(kinds("0612345678@example.nl"), vec![Suspect::Email]);
    assert_eq!(kinds("1234ab12@example.nl"), vec![Suspect::Email]);
}

#[test]
fn kinds_come_once_and_in_order() {
    let t = "Bel 06-12345678 of 020-1234567, mail a@b.nl of c@d.nl, \
             rekening NL91ABNA0417164300, adres 1234 AB 5";
    assert_eq!(
        kinds(t),
        vec![
            Suspect::Email,
            Suspect::PostcodeHouseNumber,
            Suspect::Phone,
            Suspect::Iban
        ]
    );
    assert!(kinds("Een gewone notitie over de campagne.").is_empty());
    assert!(kinds("").is_empty());
}

#[test]
fn warnings_read_well() {
    assert_eq!(warning("Niets bijzonders", Lang::Nl), None);
    assert_eq!(
        warning("jan@example.nl, 06-12345678", Lang::Nl).unwrap(),
        "Let op: dit lijkt op een e-mailadres en een telefoonnummer van een lid. \
         Een verslag hoort geen persoonsgegevens van leden te bevatten."
    );
    assert_eq!(
        warning("06-12345678", Lang::En).unwrap(),
        "Note: this looks like a phone number of a member. \
         A record should not hold personal data of members."
    );
    assert_eq!(
        warning("jan@example.nl, 1234 AB 5, NL91ABNA0417164300", Lang::Nl).unwrap(),
        "Let op: dit lijkt op een e-mailadres, een postcode met huisnummer en een \
         bankrekeningnummer (IBAN) van een lid. \
         Een verslag hoort geen persoonsgegevens van leden te bevatten."
    );
}

#[test]
fn long_input_is_linear() {
    let patterns = [
        "a",
        "0",
        "06-",
        "0 ",
        "+3",
        "@",
        "a@",
        "a@b.",
        "a.",
        "NL91 ",
        "NL91",
        "1234 AB ",
        "1234 ",
        "12, ",
        "Dorpsstraat 12, ",
        "é€😀 ",
    ];
    for p in patterns {
        let text = p.repeat(100_000 / p.len() + 1);
        let start = Instant::now();
        let _ = scan(&text);
        let took = start.elapsed();
        assert!(took < Duration::from_secs(2), "{p:?} took {took:?}");
    }
}

proptest! {
    #[test]
    fn scan_never_panics(s in "\\PC*") {
        let _ = scan(&s);
    }

    #[test]
    fn scan_never_panics_on_near_misses(
        parts in prop::collection::vec(
            prop_oneof![
                Just("0"), Just("06"), Just("1234"), Just("12"), Just(" "), Just("-"),
                Just("("), Just(")"), Just("+"), Just("."), Just(","), Just("@"), Just("a"),
                Just("AB"), Just("NL91"), Just("\n"), Just("é"), Just("😀"), Just("\u{a0}"),
                Just("isbn"), Just("straat"), Just(":"), Just("/"),
            ],
            0..80,
        )
    ) {
        let s: String = parts.concat();
        let found = scan(&s);
        let mut sorted = found.clone();
        sorted.dedup();
        prop_assert_eq!(found.len(), sorted.len());
        let _ = warning(&s, Lang::En);
    }
}
