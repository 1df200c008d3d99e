//! The list of functions the release build's linker places together (`build.rs`), as
//! `scripts/startup-functions` writes it: link names only, one per line, sorted, and the
//! interface's own start among them. A list cut short or of the wrong lines would still build
//! (the linker passes over what it does not know) and only show in the benchmark's memory.
#![allow(clippy::unwrap_used, clippy::expect_used)] // A test stops where it fails.

const LIST: &str = include_str!("../assets/startup-functions.txt");

fn names() -> Vec<&'static str> {
    LIST.lines().filter(|l| !l.starts_with('#')).collect()
}

#[test]
fn every_line_is_one_link_name_in_order() {
    let names = names();
    assert!(names.len() > 500, "only {} names", names.len());
    assert!(
        names
            .iter()
            .filter(|n| n.starts_with("_ZN") || n.starts_with("_R"))
            .count()
            > 500
    );
    for name in &names {
        // Rust's link names, and a few C ones (`main`, `round`): never a readable name.
        assert!(
            !name.is_empty() && name.chars().all(|c| c.is_ascii_graphic() && c != ':'),
            "not a link name: {name:?}"
        );
    }
    assert!(
        names.windows(2).all(|w| w[0] < w[1]),
        "not sorted or not unique"
    );
}

#[test]
fn the_interface_start_and_the_listing_are_in_it() {
    // Legacy-mangled paths: each part is its length, then its name.
    for part in [
        "10avg_wijzer3tui",
        "10avg_wijzer5store7listing",
        "10avg_wijzer4bank",
        "10avg_wijzer6engine",
    ] {
        assert!(
            names().iter().any(|n| n.contains(part)),
            "no function of {part} in the list"
        );
    }
}
