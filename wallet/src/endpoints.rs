//! Use case: **choose the nodes and the root of trust** of a network: the
//! primary, the witnesses it is cross-checked with, and a checkpoint to
//! trust instead of genesis (`docs/cli-chain.md#endpoints`).

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
/// this order: reset, primary, witnesses (replace, clear, add), checkpoint.
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
/// `chain-endpoint-*` for a refused endpoint, `lc-checkpoint-*` for a bad
/// checkpoint, `chain-settings-*`.
pub fn change(
    ctx: &WalletContext,
    network: Network,
    change: &EndpointsChange,
) -> Result<EndpointsView, ChainError> {
    let mut settings = ChainSettings::load(&ctx.data_dir, network)?;
    if change.reset {
        settings = ChainSettings::defaults(network)?;
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
    if !change.is_empty() {
        settings.save(&ctx.data_dir)?;
    }
    Ok(EndpointsView::in_context(&settings, ctx))
}
