//! Use case: **a proven subchain state value**: the value under a key in
//! an audited subchain's state, proven against the audited header (never a
//! header the audit did not check).

use jifen_protocol::subchain::SubchainId;
use jifen_protocol::subchain::entries::valid_key;

use super::book::AuditBook;
use super::error::SubchainFlowError;
use super::views::SubchainValueView;
use crate::chain::{ChainError, ChainSession};

/// The value under `key` in subchain `id`'s state at the audited tip (or
/// at audited subchain height `height`).
///
/// # Errors
/// `subchain-key-invalid`, `lc-client-subchain-unknown`,
/// `subchain-not-audited` (audit first),
/// `lc-client-subchain-not-audited` (that height is not audited),
/// `lc-client-no-peer` (no node proves it).
pub fn value(
    session: &mut ChainSession,
    id: SubchainId,
    key: &str,
    height: Option<u64>,
) -> Result<SubchainValueView, SubchainFlowError> {
    if !valid_key(key) {
        return Err(SubchainFlowError::KeyInvalid {
            key: key.to_owned(),
        });
    }
    let name = session
        .subchain_record(id)?
        .ok_or_else(|| {
            ChainError::from(jifen_light_client::ClientError::SubchainUnknown { subchain: id })
        })?
        .value
        .name;
    let audit = AuditBook::of(session)
        .checkpoint(id)
        .ok_or(SubchainFlowError::NotAudited { subchain: id.get() })?;
    let proven = session.subchain_value(&audit, key, height)?;
    let text = proven
        .value
        .as_deref()
        .and_then(|bytes| core::str::from_utf8(bytes).ok())
        .filter(|text| !text.chars().any(char::is_control))
        .map(str::to_owned);
    Ok(SubchainValueView {
        subchain: id.get(),
        name,
        key: proven.key,
        found: proven.value.is_some(),
        text,
        hex: proven.value.as_deref().map(hex::encode),
        height: proven.height,
        header: proven.header_hash.to_string(),
        main_height: proven.main_height,
    })
}
