//! Pallet tests, by theme. Every test runs through `ExtBuilder::build_and_execute`, which
//! checks all invariants when the test ends.
mod childkeys;
mod client_info;
mod coinbase;
mod dtao_api;
mod epoch;
mod extension;
mod extreme;
mod genesis;
mod neuron_info;
mod registration;
mod serving;
mod staking;
mod subnets;
