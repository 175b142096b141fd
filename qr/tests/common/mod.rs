//! Fixed payloads shared by the integration tests (the values of the test
//! vectors in docs/qr.md).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use jifen_protocol::{
    Address, ChainId, Network, PublicKey, Signature, Transfer, TxPayload, UnsignedTransaction,
};
use jifen_qr::{AccountExport, DerivationPath, Payload, RequestId, SignRequest, SignatureResponse};

/// The public key of secret key 1 (the secp256k1 generator).
pub const GENERATOR: [u8; 33] = [
    0x02, 0x79, 0xbe, 0x66, 0x7e, 0xf9, 0xdc, 0xbb, 0xac, 0x55, 0xa0, 0x62, 0x95, 0xce, 0x87, 0x0b,
    0x07, 0x02, 0x9b, 0xfc, 0xdb, 0x2d, 0xce, 0x28, 0xd9, 0x59, 0xf2, 0x81, 0x5b, 0x16, 0xf8, 0x17,
    0x98,
];

pub const REQUEST_ID: [u8; 16] = [
    0x00, 0x11, 0x22, 0x33, 0x44, 0x55, 0x46, 0x77, 0x88, 0x99, 0xaa, 0xbb, 0xcc, 0xdd, 0xee, 0xff,
];

/// BIP32 test vector 1, chain m/0H.
pub const XPUB: &str = "xpub68Gmy5EdvgibQVfPdqkBBCHxA5htiqg55crXYuXoQRKfDBFA1WEjWgP6LHhwBZeNK1VTsfTFUHCdrfp1bgwQ9xv5ski8PX9rL2dZXvgGDnw";

pub fn account() -> AccountExport {
    AccountExport {
        network: Network::Mainnet,
        master_fingerprint: [0x34, 0x42, 0x19, 0x3e],
        path: "m/0'".parse().unwrap(),
        xpub: XPUB.to_owned(),
        app_version: "0.1.0".to_owned(),
        max_fragment_len: 200,
        chain_id: None,
    }
}

pub fn transaction() -> UnsignedTransaction {
    UnsignedTransaction::new(
        ChainId::new("jifen-devnet").unwrap(),
        PublicKey::from_bytes(&GENERATOR).unwrap(),
        7,
        1_000,
        TxPayload::Transfer(Transfer {
            to: Address::from_bytes([0x22; 20]),
            amount: 12_500_000,
        }),
    )
}

pub fn sign_request() -> SignRequest {
    SignRequest {
        request_id: RequestId(REQUEST_ID),
        transaction: transaction(),
        path: "m/44'/19014'/0'/0/0".parse::<DerivationPath>().unwrap(),
        origin: Some("jifen-cli 0.1.0".to_owned()),
        context: None,
    }
}

pub fn signature() -> SignatureResponse {
    let mut bytes = [0u8; 64];
    for (i, b) in bytes.iter_mut().enumerate() {
        *b = u8::try_from(i + 1).unwrap();
    }
    SignatureResponse {
        request_id: RequestId(REQUEST_ID),
        signature: Signature::from_array(bytes),
    }
}

pub fn payloads() -> [Payload; 3] {
    [
        Payload::Account(account()),
        Payload::SignRequest(sign_request()),
        Payload::Signature(signature()),
    ]
}

/// A deterministic pseudo-random stream (xorshift64*), so tests repeat.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }

    /// Uniform in 0..n (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    pub fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next_u64() as u8).collect()
    }
}
