//! AVG-wijzer: GDPR advice for Dutch public libraries planning marketing with Whize data.
//!
//! The legal knowledge is data (the [`bank`]); the [`engine`] is a pure function of the bank and
//! the answers; the command line ([`cli`]) and the plain mode ([`plain`]) are thin front ends
//! over it, and [`store`] is the one module that touches the disk.
pub mod advice;
pub mod answers;
pub mod app;
pub mod bank;
pub mod cli;
pub mod compare;
pub mod documents;
pub mod engine;
pub mod export;
pub mod guard;
pub mod json;
pub mod keyfile;
pub mod locale;
pub mod plain;
pub mod profile;
pub mod recheck;
pub mod record;
pub mod store;
pub mod text;
pub mod tui;
