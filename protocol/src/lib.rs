//! The Jifen chain's data model and its one canonical binary encoding.
//!
//! Everything here is pure: no IO, no clock, no async. The byte-level
//! specification lives in `docs/protocol.md`; the test vectors in
//! `tests/vectors/protocol.json` are checked by `protocol/tests/vectors.rs`.
//!
//! | module | holds |
//! |---|---|
//! | [`hash`] | SHA-256, [`tagged_hash`], [`Hash32`], the domain tags, [`message_digest`] |
//! | [`encoding`] | [`Encode`]/[`Decode`], the strict [`Reader`], [`DecodeError`], limits |
//! | [`network`], [`chain_id`] | [`Network`] (address prefixes), [`ChainId`] |
//! | [`keys`] | [`PublicKey`], [`Signature`], low-S ECDSA verification |
//! | [`address`] | [`Address`] and its bech32m text form |
//! | [`asset`] | [`AssetId`] (POINT or a merchant's points), [`MerchantId`] |
//! | [`merkle`] | the RFC 6962 tree and [`InclusionProof`] |
//! | [`validator`] | [`Validator`], [`ValidatorSet`] and its hash |
//! | [`header`] | the block [`Header`] (its hash is the block id) |
//! | [`commit`] | [`Commit`], vote sign bytes, the [`Tally`] of a commit |
//! | [`transaction`] | the [`Transaction`] envelope and the [`Transfer`] payload |
//! | [`tx_result`] | the result leaf `id \|\| code` and a block's `results_root` |
//! | [`state`] | state keys, [`Account`], the sparse Merkle tree, [`verify_state_proof`] |
//! | [`message`] | [`Coded`](message::Coded): every error's message id and arguments |
//! | [`payment_request`] | [`PaymentRequest`]: the `jifen:` URI a merchant shows to be paid |
//! | [`staking`] | the [`Bond`]/[`Unbond`] payloads and the [`StakeRecord`] |
//! | [`points`] | merchants, rates, the quote, swaps, POINT mint and withdrawal, the council |
//! | [`history`] | the account history hash chain and [`verify_history`](history::verify_history) |
//! | [`subchain`] | subchain registration, header reports, [`apply_report`](subchain::apply_report), the XOR fork choice |
//!
//! Every error enum has a `code()` returning a stable kebab-case code that
//! front ends map to translated messages.
//!
//! ```
//! use jifen_protocol::{
//!     Address, ChainId, Decode, Encode, Network, PublicKey, Transfer, TxPayload,
//!     UnsignedTransaction,
//! };
//!
//! // The public key of secret key 1 (the secp256k1 generator).
//! let key = PublicKey::from_bytes(&[
//!     0x02, 0x79, 0xbe, 0x66, 0x7e, 0xf9, 0xdc, 0xbb, 0xac, 0x55, 0xa0, 0x62, 0x95, 0xce, 0x87,
//!     0x0b, 0x07, 0x02, 0x9b, 0xfc, 0xdb, 0x2d, 0xce, 0x28, 0xd9, 0x59, 0xf2, 0x81, 0x5b, 0x16,
//!     0xf8, 0x17, 0x98,
//! ])?;
//! let text = key.address().encode(Network::Mainnet);
//! assert_eq!(text, "jf1f2n59jjvq3gpser8w5q26255qtya7pzmdvrunp");
//! assert_eq!(Address::decode(&text, Network::Testnet).unwrap_err().code(), "address-wrong-network");
//!
//! let unsigned = UnsignedTransaction::new(
//!     ChainId::new("jifen-devnet")?,
//!     key,
//!     0,
//!     1_000,
//!     TxPayload::Transfer(Transfer { to: key.address(), amount: 12_500_000 }),
//! );
//! let digest: [u8; 32] = unsigned.signing_digest(); // sign this with `sign_prehash`
//! assert_eq!(UnsignedTransaction::decode(&unsigned.encode())?, unsigned);
//! # let _ = digest;
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```

pub mod address;
pub mod asset;
pub mod chain_id;
pub mod commit;
pub mod encoding;
pub mod hash;
pub mod header;
pub mod history;
pub mod keys;
pub mod merkle;
pub mod message;
pub mod network;
pub mod payment_request;
pub mod points;
pub mod provenance;
pub mod staking;
pub mod state;
pub mod subchain;
pub mod transaction;
pub mod tx_result;
pub mod validator;

pub use address::{Address, AddressError};
pub use asset::{AssetError, AssetId, MerchantId, POINT_DECIMALS};
pub use chain_id::{ChainId, ChainIdError};
pub use commit::{Commit, CommitError, CommitSignature, Tally, TrustThreshold, VoteKind};
pub use encoding::{Decode, DecodeError, Encode, Reader};
pub use hash::{Hash32, ParseHashError, message_digest, sha256, tagged_hash, tags};
pub use header::{Header, HeaderError};
pub use keys::{KeyError, PublicKey, Signature, SignatureError};
pub use merkle::{InclusionProof, MerkleError};
pub use network::{Network, NetworkError};
pub use payment_request::{DecimalAmount, DecimalAmountError, PaymentRequest, PaymentRequestError};
pub use points::{PointsCode, PointsError};
pub use staking::{Bond, StakeRecord, Unbond};
pub use state::{
    Account, RecordKind, StateMap, StateProof, StateProofError, StateTree, account_key, stake_key,
    state_key, verify_state_proof,
};
pub use transaction::{Transaction, Transfer, TxKind, TxPayload, UnsignedTransaction, tx_root};
pub use validator::{Validator, ValidatorSet, ValidatorSetError};
