//! What a key asks for, in a module of its own: the key table ([`super::keymap`]) maps keys to
//! actions and a [`super::message::Message`] carries one to `update`, so neither needs the other.

/// What a key asks for. What it means on a screen is decided in `update`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    Up,
    Down,
    Left,
    Right,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Select,
    Toggle,
    NextPanel,
    PrevPanel,
    Explain,
    Help,
    Back,
    Forward,
    Edit,
    Note,
    Export,
    SignOff,
    /// The action plan's item of the chosen action (from the advice).
    Plan,
    /// The next of the offered choices, in a field that offers some (the plan's owner).
    Choose,
    /// The library's profile (from the start screen).
    Profile,
    /// The documents the advice calls for (from the advice screen).
    Documents,
    /// The processing register over every record (from the start screen).
    Register,
    /// Mark the record under the cursor as the first of a comparison (start screen).
    Mark,
    /// Compare the marked record with the one under the cursor (start screen).
    Compare,
    /// Compare a record with its previous revision (start screen, advice).
    Previous,
    /// Type a filter over the record list (start screen).
    Filter,
    /// Show the older revisions under a campaign's newest (start screen).
    Unfold,
    /// Hide them again (start screen).
    Fold,
    /// Put a draft in the archive, or one in the archive back (start screen): the key of
    /// [`Action::Plan`], which means nothing there (see `keymap::SHARED`).
    Archive,
    /// Between the record list and the archive (start screen): the key of
    /// [`Action::NextPanel`].
    ShowArchive,
    Leave,
    Exit,
    Erase,
    EraseForward,
    Clear,
    /// A line break, in a field that holds several lines.
    NewLine,
    /// The campaign's form: its name, description and participants (question and review).
    EditCampaign,
    /// A new row in a form's list (a participant in the campaign's form).
    AddRow,
    /// Removes the row under the cursor from a form's list.
    RemoveRow,
    Yes,
    No,
    /// The other theme: the high-contrast one for a projector, or back (any screen, any
    /// time; F2, which no text field takes).
    Theme,
}
