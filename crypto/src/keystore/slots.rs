//! Key slots: each one wraps the same data key under a different key-encryption key.

use super::cipher::{Key32, open_key, random_array, seal};
use super::error::{KeystoreError, Result};
use super::format::{
    ID_LEN, KeyringSlot, PasswordSlot, SALT_LEN, WRAPPED_LEN, descriptor_keyring,
    descriptor_password, slot_aad,
};
use super::kdf::{KdfParams, derive_kek};
use super::password::Password;

/// Wrap `data_key` under a fresh password slot (new salt, new nonce).
/// Returns the slot and its key-encryption key (kept for read-back verification).
pub(crate) fn new_password_slot(
    id: &[u8; ID_LEN],
    password: &Password,
    params: KdfParams,
    data_key: &Key32,
) -> Result<(PasswordSlot, Key32)> {
    params.check_bounds()?;
    let salt: [u8; SALT_LEN] = random_array()?;
    let kek = derive_kek(password, &salt, &params)?;
    let descriptor = descriptor_password(&params, &salt);
    let nonce = random_array()?;
    let wrapped = wrap(&kek, &nonce, &slot_aad(id, &descriptor), data_key)?;
    let slot = PasswordSlot {
        params,
        salt: salt.to_vec(),
        nonce,
        wrapped,
    };
    Ok((slot, kek))
}

/// Derive the slot's key from `password` and unwrap the data key.
///
/// # Errors
/// [`KeystoreError::WrongPassword`] if the wrap does not authenticate;
/// KDF errors as [`derive_kek`].
pub(crate) fn unwrap_password_slot(
    id: &[u8; ID_LEN],
    slot: &PasswordSlot,
    password: &Password,
) -> Result<(Key32, Key32)> {
    let kek = derive_kek(password, &slot.salt, &slot.params)?;
    let data_key = unwrap_password_with_kek(id, slot, &kek).ok_or(KeystoreError::WrongPassword)?;
    Ok((data_key, kek))
}

/// Unwrap with a key-encryption key already in hand.
pub(crate) fn unwrap_password_with_kek(
    id: &[u8; ID_LEN],
    slot: &PasswordSlot,
    kek: &Key32,
) -> Option<Key32> {
    open_key(
        kek,
        &slot.nonce,
        &slot_aad(id, &slot.descriptor()),
        &slot.wrapped,
    )
}

/// Wrap `data_key` under a keyring slot whose key is `kek`.
pub(crate) fn new_keyring_slot(
    id: &[u8; ID_LEN],
    service: &str,
    user: &str,
    kek: &Key32,
    data_key: &Key32,
) -> Result<KeyringSlot> {
    let nonce = random_array()?;
    let aad = slot_aad(id, &descriptor_keyring(service, user));
    Ok(KeyringSlot {
        service: service.to_owned(),
        user: user.to_owned(),
        nonce,
        wrapped: wrap(kek, &nonce, &aad, data_key)?,
    })
}

/// Unwrap a keyring slot with the key fetched from the OS store.
pub(crate) fn unwrap_keyring_slot(
    id: &[u8; ID_LEN],
    slot: &KeyringSlot,
    kek: &Key32,
) -> Option<Key32> {
    open_key(
        kek,
        &slot.nonce,
        &slot_aad(id, &slot.descriptor()),
        &slot.wrapped,
    )
}

fn wrap(kek: &Key32, nonce: &[u8; 12], aad: &[u8], data_key: &Key32) -> Result<[u8; WRAPPED_LEN]> {
    let sealed = seal(kek, nonce, aad, data_key.as_slice())?;
    <[u8; WRAPPED_LEN]>::try_from(sealed.as_slice()).map_err(|_| KeystoreError::Crypto {
        detail: "wrapped key has an unexpected length",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::keystore::cipher::random_key;

    const SMALL: KdfParams = KdfParams {
        m_cost_kib: 256,
        t_cost: 1,
        p_cost: 1,
    };

    #[test]
    fn password_slot_round_trip_and_wrong_password() {
        let id = [1; ID_LEN];
        let dk = random_key().unwrap();
        let pw = Password::new("right").unwrap();
        let (slot, _) = new_password_slot(&id, &pw, SMALL, &dk).unwrap();
        let (got, _) = unwrap_password_slot(&id, &slot, &pw).unwrap();
        assert_eq!(*got, *dk);
        let wrong = Password::new("wrong").unwrap();
        assert!(matches!(
            unwrap_password_slot(&id, &slot, &wrong),
            Err(KeystoreError::WrongPassword)
        ));
    }

    #[test]
    fn slot_is_bound_to_keystore_id_and_parameters() {
        let id = [1; ID_LEN];
        let dk = random_key().unwrap();
        let pw = Password::new("right").unwrap();
        let (slot, kek) = new_password_slot(&id, &pw, SMALL, &dk).unwrap();
        assert!(unwrap_password_with_kek(&[2; ID_LEN], &slot, &kek).is_none());
        let mut other = slot.clone();
        other.params.t_cost = 2;
        assert!(unwrap_password_with_kek(&id, &other, &kek).is_none());
    }

    #[test]
    fn keyring_slot_round_trip() {
        let id = [1; ID_LEN];
        let dk = random_key().unwrap();
        let kek = random_key().unwrap();
        let slot = new_keyring_slot(&id, "jifen", "user", &kek, &dk).unwrap();
        assert_eq!(*unwrap_keyring_slot(&id, &slot, &kek).unwrap(), *dk);
        let mut renamed = slot.clone();
        renamed.user = "other".into();
        assert!(unwrap_keyring_slot(&id, &renamed, &kek).is_none());
    }
}
