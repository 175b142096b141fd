//! The online side's pending sign requests, kept in the wallet directory so
//! that making a request and accepting its signature can be separate runs:
//! `<wallets>/cold/pending/<wallet>/<request id>.json`.
//!
//! Cold-signing records (these and the cold device's pairings) go through
//! `jifen-files`: folders 0700, files 0600 written crash-safely (temporary
//! file, fsync, rename, fsync of the folder) while holding the folder's
//! lock (`<folder>.lock`), reads bounded by [`MAX_RECORD_BYTES`] and refused
//! for anything but a regular file, so a FIFO cannot hang a listing.

use std::fs;
use std::path::{Path, PathBuf};
use std::time::Duration;

use jifen_files::{
    FileError, Lock, create_private_dir_all, lock_path, read_bounded, remove_leftover_temps,
};

use jifen_protocol::{Decode, Encode, Transaction};
use jifen_qr::{Payload, RequestId, SignRequest, UrType};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::cold::error::ColdError;
use crate::cold::fingerprint::RequestFingerprint;
use crate::store::{WalletStore, file_error};

/// Largest record read: a request's CBOR is at most 128 KiB
/// (`jifen_qr`'s message limit), stored as hex with its signed transaction
/// beside it; 1 MiB leaves room and refuses anything else before reading.
pub const MAX_RECORD_BYTES: u64 = 1024 * 1024;

/// How long a write waits for another process's write in the same folder.
const RECORD_LOCK_WAIT: Duration = Duration::from_secs(5);

/// One pending request as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PendingRequest {
    /// Layout version (1).
    pub format: u32,
    /// The watch-only wallet that asked.
    pub wallet: String,
    /// The request id (hyphenated UUID).
    pub request_id: String,
    /// When it was made, seconds since the Unix epoch.
    pub created_at: u64,
    /// Hex of the request's deterministic CBOR (`docs/qr.md#jifen-sign-request`):
    /// exactly what was shown to the cold device.
    pub request_cbor: String,
    /// Hex of the signed transaction, once a signature was accepted.
    pub signed_transaction: Option<String>,
    /// Hex of the transaction id, once broadcast.
    pub broadcast_tx_id: Option<String>,
}

impl PendingRequest {
    /// A new pending request of `wallet`.
    #[must_use]
    pub fn new(wallet: &str, request: &SignRequest, created_at: u64) -> Self {
        Self {
            format: 1,
            wallet: wallet.to_owned(),
            request_id: request.request_id.to_string(),
            created_at,
            request_cbor: hex::encode(Payload::SignRequest(request.clone()).to_cbor()),
            signed_transaction: None,
            broadcast_tx_id: None,
        }
    }

    /// The request, decoded strictly from the stored CBOR.
    ///
    /// # Errors
    /// [`ColdError::CorruptRecord`] if the stored bytes are not a request.
    pub fn request(&self) -> Result<SignRequest, ColdError> {
        let corrupt = |detail: String| ColdError::CorruptRecord {
            path: self.request_id.clone(),
            detail,
        };
        let bytes = hex::decode(&self.request_cbor).map_err(|e| corrupt(e.to_string()))?;
        let request = Payload::from_cbor(UrType::SignRequest, &bytes)
            .and_then(|p| p.into_sign_request().map_err(|_| unreachable_type()))
            .map_err(|e| corrupt(e.to_string()))?;
        if request.request_id.to_string() != self.request_id {
            return Err(corrupt("request id differs from the file's".to_owned()));
        }
        Ok(request)
    }

    /// The request's fingerprint.
    ///
    /// # Errors
    /// As [`PendingRequest::request`].
    pub fn fingerprint(&self) -> Result<RequestFingerprint, ColdError> {
        Ok(RequestFingerprint::of(&self.request()?))
    }

    /// The signed transaction, if a signature was accepted.
    ///
    /// # Errors
    /// [`ColdError::CorruptRecord`] if the stored bytes are not a transaction.
    pub fn signed(&self) -> Result<Option<Transaction>, ColdError> {
        let Some(hex_tx) = &self.signed_transaction else {
            return Ok(None);
        };
        let corrupt = |detail: String| ColdError::CorruptRecord {
            path: self.request_id.clone(),
            detail,
        };
        let bytes = hex::decode(hex_tx).map_err(|e| corrupt(e.to_string()))?;
        Transaction::decode(&bytes)
            .map(Some)
            .map_err(|e| corrupt(e.to_string()))
    }

    /// Records the accepted signed transaction.
    pub fn set_signed(&mut self, transaction: &Transaction) {
        self.signed_transaction = Some(hex::encode(transaction.encode()));
    }

    /// Whether the request can never be used: its transaction's nonce is
    /// below `proven_nonce`, the sender's next nonce proven on chain, so
    /// another transaction already took that nonce and no signature for this
    /// one could be included.
    ///
    /// # Errors
    /// As [`PendingRequest::request`].
    pub fn superseded(&self, proven_nonce: u64) -> Result<bool, ColdError> {
        Ok(self.request()?.transaction.nonce < proven_nonce)
    }
}

/// A request id as a person or a screen gives it: 32 hex digits, with or
/// without the hyphens of the UUID form, surrounding blanks ignored.
///
/// # Errors
/// [`ColdError::BadRequestId`] (carrying at most 64 characters of `text`).
pub fn parse_request_id(text: &str) -> Result<RequestId, ColdError> {
    let hex_text: String = text.trim().chars().filter(|c| *c != '-').collect();
    let mut bytes = [0u8; 16];
    hex::decode_to_slice(&hex_text, &mut bytes).map_err(|_| ColdError::BadRequestId {
        id: text.chars().take(64).collect(),
    })?;
    Ok(RequestId(bytes))
}

/// The payload type is fixed by `from_cbor`; a mismatch cannot happen.
fn unreachable_type() -> jifen_qr::PayloadError {
    jifen_qr::PayloadError::MissingField {
        ur_type: UrType::SignRequest,
        field: "request",
    }
}

/// One stored request: its id (the file's name) and the record, or why it
/// cannot be read.
pub type PendingEntry = (String, Result<PendingRequest, ColdError>);

/// The pending requests of one wallet.
#[derive(Debug, Clone)]
pub struct PendingStore {
    /// `<wallets>/cold`: the folders from here down are private.
    root: PathBuf,
    dir: PathBuf,
    wallet: String,
}

impl PendingStore {
    /// The pending requests of `wallet` in `store`'s directory.
    #[must_use]
    pub fn new(store: &WalletStore, wallet: &str) -> Self {
        let root = cold_root(store);
        Self {
            dir: root.join("pending").join(wallet),
            root,
            wallet: wallet.to_owned(),
        }
    }

    /// The wallet these requests belong to.
    #[must_use]
    pub fn wallet(&self) -> &str {
        &self.wallet
    }

    fn path(&self, id: &RequestId) -> PathBuf {
        self.dir.join(format!("{id}.json"))
    }

    /// Stores (or replaces) a pending request.
    ///
    /// # Errors
    /// `files-*` errors.
    pub fn save(&self, pending: &PendingRequest) -> Result<PathBuf, ColdError> {
        let path = self.dir.join(format!("{}.json", pending.request_id));
        let bytes = serde_json::to_vec_pretty(pending).unwrap_or_default();
        write_record(&self.root, &path, &bytes)?;
        Ok(path)
    }

    /// The pending request with this id, if any.
    ///
    /// # Errors
    /// `files-*` errors or [`ColdError::CorruptRecord`].
    pub fn load(&self, id: &RequestId) -> Result<Option<PendingRequest>, ColdError> {
        read_record(&self.path(id))
    }

    /// Every pending request, oldest first.
    ///
    /// # Errors
    /// [`ColdError::Storage`], `files-*` errors or [`ColdError::CorruptRecord`]
    /// for the first record that cannot be read ([`PendingStore::entries`]
    /// lists the others beside it).
    pub fn list(&self) -> Result<Vec<PendingRequest>, ColdError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(storage("list", &self.dir, &e)),
        };
        let mut out = Vec::new();
        for entry in entries {
            let path = entry.map_err(|e| storage("list", &self.dir, &e))?.path();
            if path.extension().and_then(|e| e.to_str()) == Some("json")
                && let Some(record) = read_record::<PendingRequest>(&path)?
            {
                out.push(record);
            }
        }
        out.sort_by(|a, b| (a.created_at, &a.request_id).cmp(&(b.created_at, &b.request_id)));
        Ok(out)
    }

    /// Every stored request with its id (the file's name), each readable or
    /// with the error that keeps it from being read, oldest first (damaged
    /// records last): one damaged file does not hide the others.
    ///
    /// # Errors
    /// [`ColdError::Storage`] when the folder cannot be listed.
    pub fn entries(&self) -> Result<Vec<PendingEntry>, ColdError> {
        let entries = match fs::read_dir(&self.dir) {
            Ok(entries) => entries,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
            Err(e) => return Err(storage("list", &self.dir, &e)),
        };
        let mut out = Vec::new();
        for entry in entries {
            let path = entry.map_err(|e| storage("list", &self.dir, &e))?.path();
            if path.extension().and_then(|e| e.to_str()) != Some("json") {
                continue;
            }
            let id = path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or_default()
                .to_owned();
            let record = match read_record::<PendingRequest>(&path) {
                Ok(Some(record)) if record.request_id == id => Ok(record),
                Ok(Some(_)) => Err(ColdError::CorruptRecord {
                    path: path.display().to_string(),
                    detail: "the request id differs from the file name".to_owned(),
                }),
                // Removed between the listing and the read.
                Ok(None) => continue,
                Err(error) => Err(error),
            };
            out.push((id, record));
        }
        out.sort_by(|(a_id, a), (b_id, b)| {
            let key = |r: &Result<PendingRequest, ColdError>| {
                r.as_ref().map_or(u64::MAX, |p| p.created_at)
            };
            (key(a), a_id).cmp(&(key(b), b_id))
        });
        Ok(out)
    }

    /// Discards the pending request `id` that will never be signed (the
    /// person changed their mind, the cold device is lost, or its nonce was
    /// used by another transaction) and returns the record it removed.
    ///
    /// # Errors
    /// [`ColdError::UnknownRequest`] when no request `id` of this wallet is
    /// pending; [`ColdError::Storage`] / [`ColdError::CorruptRecord`].
    pub fn discard(&self, id: &RequestId) -> Result<PendingRequest, ColdError> {
        let unknown = || ColdError::UnknownRequest { id: id.to_string() };
        let Some(_lock) = self.lock_existing()? else {
            return Err(unknown());
        };
        let record = self.load(id)?.ok_or_else(unknown)?;
        if record.wallet != self.wallet || record.request_id != id.to_string() {
            return Err(unknown());
        }
        self.remove_locked(id)?;
        Ok(record)
    }

    /// Records `transaction` as the signed form of the pending request `id`,
    /// reading the record again under the folder's lock: a request another
    /// process discarded meanwhile stays discarded (it is not written back).
    ///
    /// # Errors
    /// [`ColdError::UnknownRequest`] when `id` is no longer pending;
    /// [`ColdError::Storage`] / [`ColdError::CorruptRecord`], `files-*`.
    pub fn mark_signed(&self, id: &RequestId, transaction: &Transaction) -> Result<(), ColdError> {
        let unknown = || ColdError::UnknownRequest { id: id.to_string() };
        let Some(_lock) = self.lock_existing()? else {
            return Err(unknown());
        };
        let mut record = self.load(id)?.ok_or_else(unknown)?;
        if record.wallet != self.wallet {
            return Err(unknown());
        }
        record.set_signed(transaction);
        let bytes = serde_json::to_vec_pretty(&record).unwrap_or_default();
        write_locked(&self.path(id), &bytes)
    }

    /// Forgets a request (after its inclusion was proven).
    ///
    /// # Errors
    /// [`ColdError::Storage`], `files-*`.
    pub fn remove(&self, id: &RequestId) -> Result<(), ColdError> {
        match self.lock_existing()? {
            Some(_lock) => self.remove_locked(id),
            None => Ok(()),
        }
    }

    /// The folder's lock, or `None` when the folder does not exist (then
    /// nothing is pending).
    fn lock_existing(&self) -> Result<Option<Lock>, ColdError> {
        if !self.dir.is_dir() {
            return Ok(None);
        }
        Lock::acquire_within(lock_path(&self.dir), RECORD_LOCK_WAIT)
            .map(Some)
            .map_err(cold_file_error)
    }

    fn remove_locked(&self, id: &RequestId) -> Result<(), ColdError> {
        let path = self.path(id);
        match fs::remove_file(&path) {
            Ok(()) => sync_dir(&self.dir).map_err(|e| storage("sync", &self.dir, &e)),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
            Err(e) => Err(storage("remove", &path, &e)),
        }
    }
}

fn storage(op: &'static str, path: &Path, e: &std::io::Error) -> ColdError {
    ColdError::Storage {
        op,
        path: path.display().to_string(),
        reason: e.to_string(),
    }
}

fn sync_dir(dir: &Path) -> std::io::Result<()> {
    fs::File::open(dir)?.sync_all()
}

/// `<wallets>/cold`, the root of the cold-signing records.
pub(crate) fn cold_root(store: &WalletStore) -> PathBuf {
    store.dir().join("cold")
}

/// Replaces the record at `path` (below `root`) with `bytes`: the folders
/// from `root` down are created 0700 (or tightened from an earlier 0755),
/// and the file is written 0600 and crash-safely while the folder's lock is
/// held, which also makes a leftover temporary file of that name a killed
/// writer's, removed here.
pub(crate) fn write_record(root: &Path, path: &Path, bytes: &[u8]) -> Result<(), ColdError> {
    let dir = path.parent().unwrap_or(Path::new("."));
    let mut folders: Vec<&Path> = dir
        .ancestors()
        .take_while(|a| a.starts_with(root))
        .collect();
    if folders.is_empty() {
        folders.push(dir);
    }
    folders.reverse();
    for folder in folders {
        create_private_dir_all(folder).map_err(cold_file_error)?;
    }
    let _lock = Lock::acquire_within(lock_path(dir), RECORD_LOCK_WAIT).map_err(cold_file_error)?;
    write_locked(path, bytes)
}

/// The write of [`write_record`], with the folder's lock in hand (its
/// folders exist): a leftover temporary file of this name is a killed
/// writer's, removed here.
fn write_locked(path: &Path, bytes: &[u8]) -> Result<(), ColdError> {
    remove_leftover_temps(path).map_err(cold_file_error)?;
    jifen_files::write_atomic(path, bytes).map_err(cold_file_error)
}

/// Reads a JSON record; `None` when the file does not exist.
pub(crate) fn read_record<T: DeserializeOwned>(path: &Path) -> Result<Option<T>, ColdError> {
    let bytes = match read_bounded(path, MAX_RECORD_BYTES) {
        Ok(bytes) => bytes,
        Err(FileError::NotFound { .. }) => return Ok(None),
        Err(e) => return Err(cold_file_error(e)),
    };
    serde_json::from_slice(&bytes)
        .map(Some)
        .map_err(|e| ColdError::CorruptRecord {
            path: path.display().to_string(),
            detail: e.to_string(),
        })
}

/// A file error as a cold-signing error, keeping its `files-*` code.
pub(crate) fn cold_file_error(error: FileError) -> ColdError {
    ColdError::Wallet(file_error(error))
}
