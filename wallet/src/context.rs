//! [`WalletContext`]: where the wallet keeps its files and how it behaves on
//! this device. Every use case starts from one; front ends build it from
//! their arguments, environment and settings.

use std::path::{Path, PathBuf};

use jifen_crypto::keystore::KdfPolicy;
use jifen_protocol::Network;

use crate::chain::{ChainError, ChainSession, ChainSettings};
use crate::error::WalletError;
use crate::store::WalletStore;

/// Which front end runs the use cases: named in what the wallet tells other
/// devices (the origin of a sign request, the app version of a pairing).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrontEnd {
    /// The `jifen` command line.
    Cli,
    /// The desktop (or phone) app.
    App,
}

impl FrontEnd {
    /// `jifen-cli/0.1.0` or `jifen-app/0.1.0`: the version a cold device
    /// announces in its account export.
    #[must_use]
    pub fn app_version(self) -> String {
        format!("{}/{}", self.name(), env!("CARGO_PKG_VERSION"))
    }

    /// `jifen-cli 0.1.0` or `jifen-app 0.1.0`: who asks, shown on the cold
    /// device's review of a sign request.
    #[must_use]
    pub fn origin(self) -> String {
        format!("{} {}", self.name(), env!("CARGO_PKG_VERSION"))
    }

    fn name(self) -> &'static str {
        match self {
            FrontEnd::Cli => "jifen-cli",
            FrontEnd::App => "jifen-app",
        }
    }
}

/// Where and how the wallet works.
#[derive(Clone, Debug)]
pub struct WalletContext {
    /// The data directory: `wallets/`, `chain/<network>/`, `exports/`, `app/`.
    pub data_dir: PathBuf,
    /// Network of new wallets, and of chain use cases that name none.
    pub network: Network,
    /// Argon2id policy for new passwords and for upgrading weak files.
    pub kdf_policy: KdfPolicy,
    /// Endpoints for this run only (primary first), overriding the saved
    /// chain settings without changing them.
    pub endpoints_override: Option<Vec<String>>,
    /// The front end running the use cases.
    pub front_end: FrontEnd,
}

impl WalletContext {
    /// A context over `data_dir` for `network`, with the desktop KDF policy
    /// and no endpoint override.
    #[must_use]
    pub fn new(data_dir: &Path, network: Network, front_end: FrontEnd) -> Self {
        Self {
            data_dir: data_dir.to_owned(),
            network,
            kdf_policy: KdfPolicy::desktop(),
            endpoints_override: None,
            front_end,
        }
    }

    /// The context a front end starts from on this machine: the data
    /// directory `data_dir` if given, else `$JIFEN_DATA_DIR`, else
    /// `$XDG_DATA_HOME/jifen`, else `~/.local/share/jifen` (the CLI and the
    /// app see the same wallets); `JIFEN_ENDPOINTS` (comma-separated, primary
    /// first) as this run's endpoints; the desktop KDF policy.
    ///
    /// # Errors
    /// [`WalletError::NoDataDir`] when no directory can be found.
    pub fn from_env(
        front_end: FrontEnd,
        network: Network,
        data_dir: Option<PathBuf>,
    ) -> Result<Self, WalletError> {
        let non_empty = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty());
        let data_dir = match data_dir {
            Some(dir) => dir,
            None => {
                if let Some(dir) = non_empty("JIFEN_DATA_DIR") {
                    PathBuf::from(dir)
                } else if let Some(dir) = non_empty("XDG_DATA_HOME") {
                    PathBuf::from(dir).join("jifen")
                } else if let Some(home) = non_empty("HOME") {
                    PathBuf::from(home)
                        .join(".local")
                        .join("share")
                        .join("jifen")
                } else {
                    return Err(WalletError::NoDataDir);
                }
            }
        };
        let mut ctx = Self::new(&data_dir, network, front_end);
        ctx.endpoints_override = std::env::var("JIFEN_ENDPOINTS").ok().map(|list| {
            list.split(',')
                .map(str::trim)
                .filter(|e| !e.is_empty())
                .map(str::to_owned)
                .collect()
        });
        Ok(ctx)
    }

    /// The directory of wallet files.
    #[must_use]
    pub fn store(&self) -> WalletStore {
        WalletStore::new(&self.data_dir)
    }

    /// The chain settings of `network` (saved, else defaults), with this
    /// run's endpoint override applied.
    ///
    /// # Errors
    /// Settings and endpoint errors.
    pub fn chain_settings(&self, network: Network) -> Result<ChainSettings, ChainError> {
        let mut settings = ChainSettings::load(&self.data_dir, network)?;
        if let Some(endpoints) = &self.endpoints_override {
            settings.set_endpoints(endpoints)?;
        }
        Ok(settings)
    }

    /// Opens the verifying chain session of `network` (no network request
    /// until the first sync or read).
    ///
    /// # Errors
    /// As [`WalletContext::chain_settings`] and [`ChainSession::open`].
    pub fn open_chain(&self, network: Network) -> Result<ChainSession, ChainError> {
        ChainSession::open(&self.data_dir, &self.chain_settings(network)?)
    }

    /// Where exported files (audit bundles, QR frames) go.
    #[must_use]
    pub fn exports_dir(&self) -> PathBuf {
        self.data_dir.join("exports")
    }
}
