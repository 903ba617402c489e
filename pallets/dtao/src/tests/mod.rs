//! Pallet tests, by theme. Every test runs through `ExtBuilder::build_and_execute`, which
//! checks all invariants when the test ends.
mod childkeys;
mod coinbase;
mod epoch;
mod extension;
mod genesis;
mod registration;
mod staking;
mod subnets;
