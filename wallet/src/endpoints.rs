//! Use case: **choose the nodes and the root of trust** of a network: the
//! primary, the witnesses it is cross-checked with (each an RPC URL or a
//! P2P peer address), a checkpoint to trust instead of genesis, and
//! certificates to trust for `https://` nodes besides the system's
//! (`docs/cli-chain.md#endpoints`).

use jifen_light_client::TrustedCertificates;
use jifen_protocol::Network;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::chain::{ChainError, ChainSettings};
use crate::context::WalletContext;
use crate::views::NetworkView;

/// A network's chain settings, as shown.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EndpointsView {
    /// Network name.
    pub network: NetworkView,
    /// The chain id the nodes must serve.
    pub chain_id: String,
    /// The primary node, if any.
    pub primary: Option<String>,
    /// The witnesses.
    pub witnesses: Vec<String>,
    /// The checkpoint trusted first (`height:hash`); none: genesis on first
    /// use.
    pub checkpoint: Option<String>,
    /// The nodes this run uses instead of the saved ones (primary first),
    /// when `JIFEN_ENDPOINTS` overrides them.
    pub in_use: Option<Vec<String>>,
    /// The PEM text of the certificates trusted for `https://` nodes
    /// besides the system's roots; none: the system's only.
    pub trusted_certificates: Option<String>,
    /// How many certificates that text holds.
    pub trusted_certificate_count: u32,
}

impl EndpointsView {
    /// The view of `settings`.
    #[must_use]
    pub fn of(settings: &ChainSettings) -> Self {
        Self {
            network: settings.network().into(),
            chain_id: settings.chain_id().as_str().to_owned(),
            primary: settings.primary().map(|e| e.as_str().to_owned()),
            witnesses: settings
                .witnesses()
                .iter()
                .map(|e| e.as_str().to_owned())
                .collect(),
            checkpoint: settings.checkpoint().map(|c| c.to_string()),
            in_use: None,
            trusted_certificates: settings.trusted_certificates_pem().map(str::to_owned),
            trusted_certificate_count: u32::try_from(settings.trusted_certificates().len())
                .unwrap_or(u32::MAX),
        }
    }

    /// The view of `settings` as this run of `ctx` uses them.
    #[must_use]
    pub fn in_context(settings: &ChainSettings, ctx: &WalletContext) -> Self {
        Self {
            in_use: ctx.endpoints_override.clone(),
            ..Self::of(settings)
        }
    }
}

/// A change to a network's settings; every part is optional and applied in
/// this order: reset, primary, witnesses (replace, clear, add), checkpoint,
/// trusted certificates (clear, add).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
pub struct EndpointsChange {
    /// Back to the network's defaults first.
    #[serde(default)]
    pub reset: bool,
    /// The new primary.
    pub primary: Option<String>,
    /// Replace every endpoint (primary first) at once.
    pub replace_all: Option<Vec<String>>,
    /// Remove every witness.
    #[serde(default)]
    pub clear_witnesses: bool,
    /// Witnesses to add.
    #[serde(default)]
    pub add_witnesses: Vec<String>,
    /// A checkpoint to trust first (`height:hash`).
    pub checkpoint: Option<String>,
    /// Go back to trusting genesis on first use.
    #[serde(default)]
    pub clear_checkpoint: bool,
    /// Trust no certificate besides the system's roots (before any added).
    #[serde(default)]
    pub untrust_certificates: bool,
    /// PEM certificates to trust for `https://` nodes, added to those
    /// trusted already (with `untrust_certificates`: instead of them).
    pub trust_certificates: Option<String>,
}

impl EndpointsChange {
    /// Whether it changes anything.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }
}

/// The saved settings of `network` (defaults when none were saved).
///
/// # Errors
/// `chain-settings-*`.
pub fn show(ctx: &WalletContext, network: Network) -> Result<EndpointsView, ChainError> {
    Ok(EndpointsView::in_context(
        &ChainSettings::load(&ctx.data_dir, network)?,
        ctx,
    ))
}

/// Applies `change` to the saved settings of `network` and saves them
/// (nothing is saved when any part is refused).
///
/// # Errors
/// `chain-endpoint-*` or `p2p-address-*` for a refused endpoint,
/// `lc-checkpoint-*` for a bad checkpoint, `lc-cert-*` for certificates
/// that cannot be trusted, `chain-settings-*`.
pub fn change(
    ctx: &WalletContext,
    network: Network,
    change: &EndpointsChange,
) -> Result<EndpointsView, ChainError> {
    if change.is_empty() {
        return show(ctx, network);
    }
    // Read, changed and saved under the settings' lock: a change made by
    // another process meanwhile is kept, not overwritten.
    let settings = ChainSettings::update(&ctx.data_dir, network, |settings| {
        apply(settings, network, change)?;
        Ok(true)
    })?;
    Ok(EndpointsView::in_context(&settings, ctx))
}

fn apply(
    settings: &mut ChainSettings,
    network: Network,
    change: &EndpointsChange,
) -> Result<(), ChainError> {
    if change.reset {
        *settings = ChainSettings::defaults(network)?;
    }
    if let Some(primary) = &change.primary {
        settings.set_primary(primary)?;
    }
    if let Some(all) = &change.replace_all {
        settings.set_endpoints(all)?;
    }
    if change.clear_witnesses {
        settings.set_witnesses(&[])?;
    }
    if !change.add_witnesses.is_empty() {
        let mut witnesses: Vec<String> = settings
            .witnesses()
            .iter()
            .map(|w| w.as_str().to_owned())
            .collect();
        witnesses.extend(change.add_witnesses.iter().cloned());
        settings.set_witnesses(&witnesses)?;
    }
    if let Some(checkpoint) = &change.checkpoint {
        settings.set_checkpoint(Some(checkpoint))?;
    }
    if change.clear_checkpoint {
        settings.set_checkpoint(None)?;
    }
    if change.untrust_certificates {
        settings.set_trusted_certificates(None)?;
    }
    if let Some(pem) = &change.trust_certificates {
        // The added text must hold certificates of its own (text around
        // PEM blocks is otherwise ignored, and would be kept).
        TrustedCertificates::from_pem(pem)?;
        let all = match settings.trusted_certificates_pem() {
            Some(trusted) => format!("{trusted}{}", pem.trim()),
            None => pem.clone(),
        };
        settings.set_trusted_certificates(Some(&all))?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::panic, clippy::indexing_slicing)]

    use super::*;
    use crate::context::FrontEnd;

    fn ca(name: &str) -> String {
        let mut params = rcgen::CertificateParams::new(vec![name.to_owned()]).unwrap();
        params.is_ca = rcgen::IsCa::Ca(rcgen::BasicConstraints::Unconstrained);
        let key = rcgen::KeyPair::generate().unwrap();
        params.self_signed(&key).unwrap().pem()
    }

    #[test]
    fn certificates_are_added_cleared_and_refused_without_saving() {
        let dir = tempfile::tempdir().unwrap();
        let ctx = WalletContext::new(dir.path(), Network::Testnet, FrontEnd::Cli);
        let view = show(&ctx, Network::Testnet).unwrap();
        assert_eq!(view.trusted_certificate_count, 0);
        assert!(view.trusted_certificates.is_none());
        let trust = |pem: &str| EndpointsChange {
            trust_certificates: Some(pem.to_owned()),
            ..EndpointsChange::default()
        };
        let view = change(&ctx, Network::Testnet, &trust(&ca("a.example.org"))).unwrap();
        assert_eq!(view.trusted_certificate_count, 1);
        // Added to those trusted already.
        let view = change(&ctx, Network::Testnet, &trust(&ca("b.example.org"))).unwrap();
        assert_eq!(view.trusted_certificate_count, 2);
        assert_eq!(show(&ctx, Network::Testnet).unwrap(), view);
        // A refused part saves nothing (the primary neither).
        let refused = EndpointsChange {
            primary: Some("https://node.example.org".to_owned()),
            trust_certificates: Some("junk".to_owned()),
            ..EndpointsChange::default()
        };
        assert_eq!(
            change(&ctx, Network::Testnet, &refused).unwrap_err().code(),
            "lc-cert-none"
        );
        assert_eq!(show(&ctx, Network::Testnet).unwrap(), view);
        // Cleared, then replaced in one change.
        let replaced = EndpointsChange {
            untrust_certificates: true,
            trust_certificates: Some(ca("c.example.org")),
            ..EndpointsChange::default()
        };
        assert_eq!(
            change(&ctx, Network::Testnet, &replaced)
                .unwrap()
                .trusted_certificate_count,
            1
        );
        let cleared = EndpointsChange {
            untrust_certificates: true,
            ..EndpointsChange::default()
        };
        let view = change(&ctx, Network::Testnet, &cleared).unwrap();
        assert_eq!(view.trusted_certificate_count, 0);
        assert!(view.trusted_certificates.is_none());
    }
}
