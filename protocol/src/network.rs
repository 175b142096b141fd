//! The three Jifen networks and their address prefixes.

use core::fmt;
use core::str::FromStr;

/// A Jifen network. Its bech32m human-readable part (HRP) prefixes addresses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Network {
    /// The production network, prefix `jf`.
    Mainnet,
    /// The public test network, prefix `jft`.
    Testnet,
    /// Local development networks, prefix `jfd`.
    Devnet,
}

impl Network {
    /// Every network.
    pub const ALL: [Self; 3] = [Self::Mainnet, Self::Testnet, Self::Devnet];

    /// The bech32m human-readable part of this network's addresses.
    #[must_use]
    pub const fn hrp(self) -> &'static str {
        match self {
            Self::Mainnet => "jf",
            Self::Testnet => "jft",
            Self::Devnet => "jfd",
        }
    }

    /// The network whose HRP is `hrp` (lower case).
    #[must_use]
    pub fn from_hrp(hrp: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|network| network.hrp() == hrp)
    }

    /// The name used in configuration and on the command line.
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::Mainnet => "mainnet",
            Self::Testnet => "testnet",
            Self::Devnet => "devnet",
        }
    }
}

impl fmt::Display for Network {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// A network name that is not `mainnet`, `testnet` or `devnet`.
///
/// Codes: `network-unknown`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum NetworkError {
    /// Not a known network name.
    #[error("unknown network {got:?}: expected mainnet, testnet or devnet")]
    Unknown {
        /// The name given.
        got: String,
    },
}

impl NetworkError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::Unknown { .. } => "network-unknown",
        }
    }
}

impl FromStr for Network {
    type Err = NetworkError;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::ALL
            .into_iter()
            .find(|network| network.name() == s)
            .ok_or_else(|| NetworkError::Unknown { got: s.to_owned() })
    }
}

impl crate::message::Coded for NetworkError {
    fn code(&self) -> &'static str {
        NetworkError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, crate::message::Arg)> {
        match self {
            NetworkError::Unknown { got } => vec![("given", got.into())],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_prefixes() {
        for (network, name, hrp) in [
            (Network::Mainnet, "mainnet", "jf"),
            (Network::Testnet, "testnet", "jft"),
            (Network::Devnet, "devnet", "jfd"),
        ] {
            assert_eq!(network.to_string(), name);
            assert_eq!(name.parse::<Network>(), Ok(network));
            assert_eq!(network.hrp(), hrp);
            assert_eq!(Network::from_hrp(hrp), Some(network));
        }
        let err = "Mainnet".parse::<Network>().unwrap_err();
        assert_eq!(err.code(), "network-unknown");
        assert_eq!(Network::from_hrp("bc"), None);
    }
}
