//! The model and the workflow it works through: a message goes into `update`, the effect it
//! asks for is performed through the workflow, and the result goes back into `update`, until
//! nothing more is asked. The event loop and the tests both drive the interface through this.
use crate::app::Workflow;

use super::app::Model;
use super::effect::{Effect, perform};
use super::message::Message;
use super::update::update;

pub struct Driver<'b> {
    pub model: Model<'b>,
    pub workflow: Workflow<'b>,
}

impl<'b> Driver<'b> {
    pub fn new(model: Model<'b>, workflow: Workflow<'b>) -> Driver<'b> {
        Driver { model, workflow }
    }

    /// Hands `msg` to `update` and performs what it asks.
    pub fn send(&mut self, msg: Message<'b>) {
        if let Some(effect) = update(&mut self.model, msg) {
            self.perform(effect);
        }
    }

    /// Performs `effect` and every effect its result asks for in turn.
    pub fn perform(&mut self, effect: Effect<'b>) {
        let mut next = Some(effect);
        while let Some(effect) = next {
            let done = perform(&self.workflow, effect);
            next = update(&mut self.model, Message::Done(Box::new(done)));
        }
    }
}
