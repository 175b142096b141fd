//! An in-process devnet with test defaults, as the node, light-client,
//! wallet, CLI and app tests start it.
//!
//! Two ways to get blocks, and which to pick:
//! - [`DevnetBuilder::manual`] and [`produce_blocks`]: blocks exist exactly
//!   when the test makes them. Use it whenever a test compares what a node
//!   (or a liar) serves with what it served a moment ago: nothing can move
//!   between two calls, however slow the machine.
//! - the default, a producer thread on a timer: for tests that submit a
//!   transaction and wait for it to be included, as a wallet does.

use std::fmt;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use jifen_node::chain::ChainError;
use jifen_node::devnet::{Devnet, DevnetConfig, DevnetError};
use jifen_node::rpc::Fault;

/// Block time of a test devnet unless set: fast enough that a transfer is
/// included within a second, slow enough that a light client syncing behind
/// it on a loaded machine is not outrun.
pub const TEST_BLOCK_TIME_MS: u64 = 200;

/// Validators of a test devnet unless set: the smallest set where one
/// faulty signer is tolerated (3f + 1 with f = 1).
pub const TEST_VALIDATORS: u32 = 4;

/// Options of a test devnet; [`DevnetBuilder::start`] starts it.
#[derive(Debug, Clone)]
pub struct DevnetBuilder {
    config: DevnetConfig,
}

impl DevnetBuilder {
    /// A devnet whose chain lives in `data_dir`: [`TEST_VALIDATORS`]
    /// validators, no rotation, epochs of 100 blocks, a block every
    /// [`TEST_BLOCK_TIME_MS`], RPC on 127.0.0.1 with a free port, honest.
    #[must_use]
    pub fn new(data_dir: impl Into<PathBuf>) -> Self {
        let mut config = DevnetConfig::new(data_dir.into());
        config.validators = TEST_VALIDATORS;
        config.block_time_ms = TEST_BLOCK_TIME_MS;
        Self { config }
    }

    /// Active validators.
    #[must_use]
    pub const fn validators(mut self, count: u32) -> Self {
        self.config.validators = count;
        self
    }

    /// Standby validators rotated in at each epoch (0: none).
    #[must_use]
    pub const fn rotate(mut self, count: u32) -> Self {
        self.config.rotate = count;
        self
    }

    /// Blocks per epoch (validator-set changes happen at epoch ends).
    #[must_use]
    pub const fn epoch_length(mut self, blocks: u64) -> Self {
        self.config.epoch_length = blocks;
        self
    }

    /// Time between produced blocks (0: as fast as possible).
    #[must_use]
    pub const fn block_time_ms(mut self, ms: u64) -> Self {
        self.config.block_time_ms = ms;
        self
    }

    /// No producer thread: the chain grows only by [`produce_blocks`].
    #[must_use]
    pub const fn manual(mut self) -> Self {
        self.config.produce = false;
        self
    }

    /// Run the devnet's subchains (`trace-consortium`, `xor-demo`) beside
    /// the main chain, also in [`DevnetBuilder::manual`] mode (each block
    /// of [`produce_blocks`] is followed by the producers' step).
    #[must_use]
    pub const fn subchains(mut self) -> Self {
        self.config.subchains = true;
        self
    }

    /// The main RPC endpoint tells `fault`'s lie (further endpoints, honest
    /// or lying, come from `Devnet::add_rpc`).
    #[must_use]
    pub const fn fault(mut self, fault: Fault) -> Self {
        self.config.fault = Some(fault);
        self
    }

    /// The node's configuration, for a test that needs a field not covered here.
    #[must_use]
    pub fn config(&self) -> &DevnetConfig {
        &self.config
    }

    /// Start it.
    ///
    /// # Errors
    /// [`DevnetError`] if the chain cannot be opened or the RPC port bound.
    pub fn start(&self) -> Result<Devnet, DevnetError> {
        Devnet::start(&self.config)
    }
}

/// Produce `count` blocks now, one after the other (for a [`DevnetBuilder::manual`]
/// devnet); returns the new height.
///
/// # Errors
/// [`ChainError`] if a block cannot be produced or stored.
pub fn produce_blocks(devnet: &Devnet, count: u64) -> Result<u64, ChainError> {
    devnet.produce_blocks(count)
}

/// The devnet's current height.
#[must_use]
pub fn height(devnet: &Devnet) -> u64 {
    let chain = devnet.chain();
    let chain = chain
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner);
    chain.height()
}

/// A chain that did not reach a height in time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stalled {
    /// The height awaited.
    pub target: u64,
    /// The height reached.
    pub reached: u64,
    /// How long the wait lasted.
    pub waited: Duration,
}

impl fmt::Display for Stalled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "the devnet reached height {} of {} in {:.1?}",
            self.reached, self.target, self.waited
        )
    }
}

impl std::error::Error for Stalled {}

/// Wait until a producing devnet reaches `target`; returns the height then.
///
/// # Errors
/// [`Stalled`] if it is not reached within `within`.
pub fn wait_for_height(devnet: &Devnet, target: u64, within: Duration) -> Result<u64, Stalled> {
    let started = Instant::now();
    loop {
        let reached = height(devnet);
        if reached >= target {
            return Ok(reached);
        }
        if started.elapsed() >= within {
            return Err(Stalled {
                target,
                reached,
                waited: started.elapsed(),
            });
        }
        std::thread::sleep(Duration::from_millis(10));
    }
}
