//! The Jifen reference full node and local devnet.
//!
//! | module | holds |
//! |---|---|
//! | [`keys`] | signing keys and the public devnet keys |
//! | [`genesis`] | chain parameters and the genesis state |
//! | [`execution`] | the state machine: checks, execution, validator election |
//! | [`consensus`] | proposer selection and commit signing |
//! | [`log`] | stderr logging through `tracing-subscriber` (`JIFEN_LOG`) |
//! | [`store`] | redb persistence, one write transaction per block |
//! | [`chain`] | the chain: state, history, mempool, block production, queries |
//! | [`rpc`] | the JSON-RPC 2.0 server over HTTP and a small client |
//! | [`devnet`] | running a devnet: producer thread plus RPC server |
//! | [`follow`] | a full node: importing blocks from sources, relaying transactions, RPC server |
//! | [`launch`] | `jifen-node network`: validator and full nodes as separate processes on loopback |
//! | [`p2p`] | the node on libp2p: requests served by the RPC dispatcher, blocks gossiped and judged, Kademlia |
//! | [`subchains`] | the devnet's `bft` and `pow-xor` subchains, produced and reported beside the main chain |
//! | [`provenance`] | the provenance records ledger, the checks of submitted records, the devnet's demo parties and products |
//! | [`bench`](mod@bench) | the node benchmark behind `jifen-node bench` |
//!
//! See `docs/rpc.md` for the RPC methods and `docs/protocol.md` for the
//! consensus and state rules.

pub mod bench;
pub mod chain;
pub mod consensus;
pub mod devnet;
pub mod execution;
pub mod follow;
pub mod genesis;
pub mod keys;
pub mod launch;
pub mod log;
pub mod p2p;
pub mod provenance;
pub mod rpc;
pub mod store;
pub mod subchains;
