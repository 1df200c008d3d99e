//! The library's profile as its tests (`profile_store`, `profile_cli`, `tui_profile`) use it.
use avg_wijzer::profile::{Field, Profile};

/// A profile with every item given; the security measures on two lines.
pub fn full() -> Profile {
    let mut p = Profile::default();
    for (field, value) in [
        (Field::Name, "Bibliotheek Rivierenland"),
        (Field::Address, "Markt 1, 4001 AA Tiel"),
        (Field::Kvk, "4012 3456"),
        (Field::FgName, "M. de Vries"),
        (Field::FgContact, "fg@bibliotheek-rivierenland.nl"),
        (Field::PrivacyContact, "Postbus 12, 4000 AA Tiel"),
        (
            Field::Security,
            "Versleutelde laptops\nTweestapsverificatie",
        ),
        (Field::Retention, "Deelnemerslijsten: 1 jaar"),
    ] {
        p.set(field, value).unwrap();
    }
    p
}
