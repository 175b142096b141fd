//! A node's persisted libp2p identity (`<data dir>/p2p/identity.key`).
//!
//! An Ed25519 key in libp2p's protobuf encoding, written once, crash-safely
//! and 0600 through `jifen-files`, in a 0700 folder. A wallet does not
//! persist one: each session has a fresh identity, so nodes cannot link a
//! person's sessions by peer id (ADR 0022).

use std::path::Path;

use libp2p::identity::Keypair;

use crate::P2pError;

/// Largest identity file read (an Ed25519 keypair is 68 bytes).
const MAX_IDENTITY_BYTES: u64 = 4096;

/// The identity stored in `dir/identity.key`, created on first use.
///
/// # Errors
/// [`P2pError::Identity`] when the file cannot be read or written, or does
/// not hold a key.
pub fn load_or_create(dir: &Path) -> Result<Keypair, P2pError> {
    let path = dir.join("identity.key");
    let failed = |reason: String| P2pError::Identity {
        path: path.display().to_string(),
        reason,
    };
    if path.exists() {
        let bytes = jifen_files::read_bounded(&path, MAX_IDENTITY_BYTES)
            .map_err(|error| failed(error.to_string()))?;
        return Keypair::from_protobuf_encoding(&bytes).map_err(|error| failed(error.to_string()));
    }
    jifen_files::create_private_dir_all(dir).map_err(|error| failed(error.to_string()))?;
    let keypair = Keypair::generate_ed25519();
    let bytes = keypair
        .to_protobuf_encoding()
        .map_err(|error| failed(error.to_string()))?;
    match jifen_files::write_new(&path, &bytes) {
        Ok(()) => Ok(keypair),
        // Another process created it first: use theirs.
        Err(jifen_files::FileError::AlreadyExists { .. }) => load_or_create(dir),
        Err(error) => Err(failed(error.to_string())),
    }
}

/// A fresh identity, kept nowhere (a wallet session's).
#[must_use]
pub fn fresh() -> Keypair {
    Keypair::generate_ed25519()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_identity_is_created_once_and_kept() {
        let dir = tempfile::tempdir().unwrap();
        let first = load_or_create(&dir.path().join("p2p")).unwrap();
        let again = load_or_create(&dir.path().join("p2p")).unwrap();
        assert_eq!(first.public().to_peer_id(), again.public().to_peer_id());
    }

    #[test]
    fn a_corrupt_identity_is_an_error_not_a_new_key() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("identity.key"), b"not a key").unwrap();
        let error = load_or_create(dir.path()).unwrap_err();
        assert!(matches!(error, P2pError::Identity { .. }), "{error}");
        assert_eq!(
            std::fs::read(dir.path().join("identity.key")).unwrap(),
            b"not a key"
        );
    }
}
