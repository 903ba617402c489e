//! `dtao-node`: a Substrate dev node for the dTAO runtime.
//!
//! Blocks are authored by manual seal, in one of three modes chosen with `--sealing`:
//! `manual` (only the `engine_createBlock` / `engine_finalizeBlock` RPCs), `instant` (a block
//! for every transaction), or `interval=<ms>` (a block every `ms`, the first one at start-up;
//! the default, at mainnet's 12 000 ms). The engine RPCs work in every mode.
#![warn(missing_docs)]
// The CLI and service errors are sc-cli's and sc-service's own types, returned as they are.
#![allow(clippy::result_large_err)]

mod chain_spec;
mod cli;
mod command;
mod dev_import;
mod network;
mod rpc;
mod sealing;
mod service;

fn main() -> sc_cli::Result<()> {
    command::run()
}
