//! Phone numbers: Dutch numbers of ten digits starting with 0 ("06-12345678", "(010) 123 45 67"),
//! and international numbers with + or 00 and 8 to 15 digits ("+31 (0)20 1234567").
use super::*;

/// No phone number has more digits; the walk along a candidate stops there.
const MAX_PHONE_DIGITS: usize = 17;

fn is_phone_sep(ch: char) -> bool {
    is_inline_space(ch) || is_dash(ch) || matches!(ch, '.' | '/' | '(' | ')')
}

pub(super) fn has_phone(c: &[char]) -> bool {
    (0..c.len()).any(|i| phone_at(c, i))
}

/// Whether a phone number starts at `i`.
fn phone_at(c: &[char], i: usize) -> bool {
    let ch = c[i];
    if !matches!(ch, '(' | '+' | '0') || !number_starts_at(c, i) {
        return false;
    }
    let mut j = i;
    if ch == '(' {
        j += 1;
    }
    let plus = get(c, j) == '+';
    if plus {
        j += 1;
    }
    if !get(c, j).is_ascii_digit() {
        return false;
    }
    let double_zero = !plus && get(c, j) == '0' && get(c, j + 1) == '0';
    let international = plus || double_zero;
    let national = get(c, j) == '0' && matches!(get(c, j + 1), '1'..='9');
    if !international && !national {
        return false;
    }
    if double_zero && !matches!(get(c, j + 2), '1'..='9') {
        return false;
    }
    // After 00 a country code and number: at least ten digits, so "0012345678" (a code) is not.
    let (min, max) = match (plus, double_zero) {
        (true, _) => (8, 15),
        (false, true) => (10, 15),
        (false, false) => (10, 10),
    };

    let mut count = 0; // digits that count: not the 00 prefix, not a trunk "(0)"
    let mut groups = 0;
    let mut lens = [0usize; 3];
    let mut seps = ['\0'; 2];
    let mut dots: Option<bool> = None;
    let mut all_three_after_first = true;
    loop {
        let gs = j;
        while get(c, j).is_ascii_digit() {
            j += 1;
            if j - gs > MAX_PHONE_DIGITS {
                return false;
            }
        }
        let glen = j - gs;
        let trunk = international
            && groups > 0
            && glen == 1
            && c[gs] == '0'
            && back(c, gs, 1) == '('
            && get(c, j) == ')';
        if groups == 0 {
            if (double_zero && glen < 3) || (!international && glen < 2) {
                return false;
            }
            count += if double_zero { glen - 2 } else { glen };
        } else if !trunk {
            count += glen;
        }
        if groups > 0 && glen != 3 {
            all_three_after_first = false;
        }
        if groups < lens.len() {
            lens[groups] = glen;
        }
        groups += 1;
        if count > max {
            return false;
        }

        let next = get(c, j);
        if next.is_alphanumeric() {
            // Glued to a letter: a code, not a phone number.
            return false;
        }
        let ends_here = count >= min
            && !(dots == Some(true) && all_three_after_first && groups >= 2 && lens[0] <= 3)
            && !(!international && groups >= 3 && is_date(lens, seps));
        if matches!(next, ',' | ':') && get(c, j + 1).is_ascii_digit() {
            // "06-12345678,06-87654321" ends here; "0,5" and "09:30" are no phone numbers.
            return ends_here && !after_isbn(c, i);
        }
        let ss = j;
        while j - ss < 3 && is_phone_sep(get(c, j)) {
            j += 1;
        }
        let sep = &c[ss..j];
        let continues = !sep.is_empty() && get(c, j).is_ascii_digit();
        let tight = continues && !sep.iter().any(|&ch| is_inline_space(ch));
        if ends_here && !tight {
            return !after_isbn(c, i);
        }
        if !continues {
            return false;
        }
        // Dots only on their own and throughout ("06.12.34.56.78"): "09.30 10.30 11.30" is a
        // timetable, not a phone number.
        let has_dot = sep.contains(&'.');
        if (has_dot && sep != ['.']) || dots.is_some_and(|d| d != has_dot) {
            return false;
        }
        dots = Some(has_dot);
        if groups <= seps.len() {
            seps[groups - 1] = if sep.len() == 1 { sep[0] } else { '\0' };
        }
    }
}

/// Whether "ISBN" stands shortly before `i`: "ISBN 0306406152" is a book, not a phone.
fn after_isbn(c: &[char], i: usize) -> bool {
    let before: String = c[i.saturating_sub(12)..i].iter().collect();
    before.to_ascii_lowercase().contains("isbn")
}

/// Whether the first three groups are a date: "05-11-2024", "5/11/2024", "05.11.2024".
fn is_date(lens: [usize; 3], seps: [char; 2]) -> bool {
    (1..=2).contains(&lens[0])
        && (1..=2).contains(&lens[1])
        && lens[2] == 4
        && seps[0] == seps[1]
        && matches!(seps[0], '-' | '/' | '.')
}
