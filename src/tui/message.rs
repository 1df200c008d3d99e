//! What can happen to the model: a key's action, a typed character, or news from outside.
use crate::store::Listing;

use super::action::Action;
use super::app::Row;
use super::effect::Done;

pub enum Message<'b> {
    /// A key from the keymap, in the context it was pressed in.
    Key(Action),
    /// A character typed into a text field.
    Input(char),
    /// Text pasted into a text field (bracketed paste): typed as if character by character.
    Paste(String),
    /// A click on an item of the list on screen, by its place in the list.
    Click(usize),
    /// The terminal's size in columns and rows: at the start and after every resize.
    Resize(u16, u16),
    /// The record list, read in the background after the first frame.
    Listed(Result<Listing<Row>, String>),
    /// What came of an effect `update` asked for (boxed: it holds the open record).
    Done(Box<Done<'b>>),
}
