//! Pallet tests, by theme. Every test runs through `ExtBuilder::build_and_execute`, which
//! checks all invariants when the test ends.
mod coinbase;
mod genesis;
mod staking;
mod subnets;
