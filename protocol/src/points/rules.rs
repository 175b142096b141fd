//! Why a points transaction is refused: [`PointsError`] (with the values a
//! person needs) and its stable number and code ([`PointsCode`]), shared
//! by the node (at submission and execution) and the wallet (before it
//! signs).

use super::council::CouncilAction;
use super::merchant::MerchantStatus;
use crate::MerchantId;
use crate::message::{Arg, Coded};

/// The stable number and code of a points rule, as the node reports it
/// (JSON-RPC error code and block result code, `docs/rpc.md#errors`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PointsCode {
    /// 1101 `point-not-issuer`.
    NotIssuer,
    /// 1102 `withdraw-below-fee`.
    WithdrawBelowFee,
    /// 1103 `points-insufficient-balance`.
    PointsInsufficient,
    /// 1104 `merchant-unknown`.
    MerchantUnknown,
    /// 1105 `merchant-not-owner`.
    NotOwner,
    /// 1106 `merchant-not-approved`.
    NotApproved,
    /// 1107 `merchant-deposit-too-small`.
    DepositTooSmall,
    /// 1108 `merchant-deposit-below-required`.
    DepositBelowRequired,
    /// 1109 `merchant-registry-full`.
    RegistryFull,
    /// 1110 `council-not-member`.
    NotCouncilMember,
    /// 1111 `council-already-voted`.
    AlreadyVoted,
    /// 1112 `council-action-not-applicable`.
    ActionNotApplicable,
    /// 1113 `rate-valid-until-past`.
    ValidUntilPast,
    /// 1114 `points-overflow`.
    Overflow,
    /// 1121 `swap-not-quoting`.
    NotQuoting,
    /// 1122 `swap-deadline-passed`.
    DeadlinePassed,
    /// 1123 `swap-rate-stale`.
    RateStale,
    /// 1124 `swap-rate-expired`.
    RateExpired,
    /// 1125 `swap-below-minimum`.
    BelowMinimum,
    /// 1126 `swap-not-increment`.
    NotIncrement,
    /// 1127 `swap-below-min-out`.
    BelowMinOut,
    /// 1128 `swap-deposit-insufficient`.
    DepositInsufficient,
}

impl PointsCode {
    /// Every code.
    pub const ALL: [Self; 22] = [
        Self::NotIssuer,
        Self::WithdrawBelowFee,
        Self::PointsInsufficient,
        Self::MerchantUnknown,
        Self::NotOwner,
        Self::NotApproved,
        Self::DepositTooSmall,
        Self::DepositBelowRequired,
        Self::RegistryFull,
        Self::NotCouncilMember,
        Self::AlreadyVoted,
        Self::ActionNotApplicable,
        Self::ValidUntilPast,
        Self::Overflow,
        Self::NotQuoting,
        Self::DeadlinePassed,
        Self::RateStale,
        Self::RateExpired,
        Self::BelowMinimum,
        Self::NotIncrement,
        Self::BelowMinOut,
        Self::DepositInsufficient,
    ];

    /// The number (1101-1199).
    #[must_use]
    pub const fn number(&self) -> u16 {
        match self {
            Self::NotIssuer => 1101,
            Self::WithdrawBelowFee => 1102,
            Self::PointsInsufficient => 1103,
            Self::MerchantUnknown => 1104,
            Self::NotOwner => 1105,
            Self::NotApproved => 1106,
            Self::DepositTooSmall => 1107,
            Self::DepositBelowRequired => 1108,
            Self::RegistryFull => 1109,
            Self::NotCouncilMember => 1110,
            Self::AlreadyVoted => 1111,
            Self::ActionNotApplicable => 1112,
            Self::ValidUntilPast => 1113,
            Self::Overflow => 1114,
            Self::NotQuoting => 1121,
            Self::DeadlinePassed => 1122,
            Self::RateStale => 1123,
            Self::RateExpired => 1124,
            Self::BelowMinimum => 1125,
            Self::NotIncrement => 1126,
            Self::BelowMinOut => 1127,
            Self::DepositInsufficient => 1128,
        }
    }

    /// The stable kebab-case code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self {
            Self::NotIssuer => "point-not-issuer",
            Self::WithdrawBelowFee => "withdraw-below-fee",
            Self::PointsInsufficient => "points-insufficient-balance",
            Self::MerchantUnknown => "merchant-unknown",
            Self::NotOwner => "merchant-not-owner",
            Self::NotApproved => "merchant-not-approved",
            Self::DepositTooSmall => "merchant-deposit-too-small",
            Self::DepositBelowRequired => "merchant-deposit-below-required",
            Self::RegistryFull => "merchant-registry-full",
            Self::NotCouncilMember => "council-not-member",
            Self::AlreadyVoted => "council-already-voted",
            Self::ActionNotApplicable => "council-action-not-applicable",
            Self::ValidUntilPast => "rate-valid-until-past",
            Self::Overflow => "points-overflow",
            Self::NotQuoting => "swap-not-quoting",
            Self::DeadlinePassed => "swap-deadline-passed",
            Self::RateStale => "swap-rate-stale",
            Self::RateExpired => "swap-rate-expired",
            Self::BelowMinimum => "swap-below-minimum",
            Self::NotIncrement => "swap-not-increment",
            Self::BelowMinOut => "swap-below-min-out",
            Self::DepositInsufficient => "swap-deposit-insufficient",
        }
    }

    /// The code with this number, if any.
    #[must_use]
    pub fn from_number(number: u16) -> Option<Self> {
        Self::ALL.into_iter().find(|code| code.number() == number)
    }
}

/// A points transaction breaks a rule. Amounts are base units.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum PointsError {
    /// Only the alliance's issuer mints POINT.
    #[error("only the issuer mints POINT")]
    NotIssuer,
    /// A withdrawal must be more than its fee.
    #[error("withdrawing {amount} does not cover the fee {fee}")]
    WithdrawBelowFee {
        /// Amount withdrawn.
        amount: u128,
        /// The fee.
        fee: u128,
    },
    /// The POINT balance does not cover the amount (the chain's general
    /// code 1006 `tx-insufficient-balance`).
    #[error("insufficient POINT: need {needed}, have {available}")]
    PointInsufficient {
        /// Needed.
        needed: u128,
        /// Available.
        available: u128,
    },
    /// The points balance does not cover the amount.
    #[error("insufficient points of merchant {merchant}: need {needed}, have {available}")]
    PointsInsufficient {
        /// Whose points.
        merchant: MerchantId,
        /// Needed.
        needed: u128,
        /// Available.
        available: u128,
    },
    /// No merchant has this number.
    #[error("no merchant {merchant}")]
    MerchantUnknown {
        /// The number asked.
        merchant: u32,
    },
    /// Only the merchant's owner may do this.
    #[error("only the owner of merchant {merchant} may do this")]
    NotOwner {
        /// The merchant.
        merchant: MerchantId,
    },
    /// The merchant is not approved (proposed or suspended).
    #[error("merchant {merchant} is {status}, not approved")]
    NotApproved {
        /// The merchant.
        merchant: MerchantId,
        /// Its status.
        status: MerchantStatus,
    },
    /// A registration's deposit is below the alliance's minimum.
    #[error("deposit {got} is below the minimum {minimum}")]
    DepositTooSmall {
        /// The minimum.
        minimum: u128,
        /// The deposit offered.
        got: u128,
    },
    /// Withdrawing would leave less than the required deposit.
    #[error("withdrawing {amount} from deposit {deposit} leaves less than the required {required}")]
    DepositBelowRequired {
        /// The required deposit.
        required: u128,
        /// The deposit now.
        deposit: u128,
        /// The amount asked.
        amount: u128,
    },
    /// Every merchant number is taken.
    #[error("the merchant registry is full")]
    RegistryFull,
    /// Only validators of the current set vote in the council.
    #[error("the sender is not a validator of the current set")]
    NotCouncilMember,
    /// The validator already voted for this decision.
    #[error("already voted to {action} merchant {merchant}")]
    AlreadyVoted {
        /// The merchant.
        merchant: MerchantId,
        /// The action.
        action: CouncilAction,
    },
    /// The action does not apply to the merchant's status.
    #[error("cannot {action} merchant {merchant}: it is {status}")]
    ActionNotApplicable {
        /// The merchant.
        merchant: MerchantId,
        /// The action.
        action: CouncilAction,
        /// Its status.
        status: MerchantStatus,
    },
    /// A new rate must be valid beyond the block that sets it.
    #[error("a rate valid until height {valid_until} is already expired at height {height}")]
    ValidUntilPast {
        /// The rate's last height.
        valid_until: u64,
        /// The block's height.
        height: u64,
    },
    /// A result does not fit in 128 bits.
    #[error("{what} overflows")]
    Overflow {
        /// What overflowed.
        what: &'static str,
    },
    /// The merchant has set no rate yet.
    #[error("merchant {merchant} has no rate")]
    NotQuoting {
        /// The merchant.
        merchant: MerchantId,
    },
    /// The swap's deadline passed.
    #[error("the swap's deadline {deadline} passed (height {height})")]
    DeadlinePassed {
        /// The swap's deadline.
        deadline: u64,
        /// The block's height.
        height: u64,
    },
    /// The rate changed since the quote.
    #[error("the swap accepted rate version {accepted}, the current one is {current}")]
    RateStale {
        /// The version the swap accepted.
        accepted: u32,
        /// The current version.
        current: u32,
    },
    /// The current rate is no longer valid.
    #[error("the rate was valid until height {valid_until} (height {height})")]
    RateExpired {
        /// The rate's last height.
        valid_until: u64,
        /// The block's height.
        height: u64,
    },
    /// The amount is below the rate's minimum.
    #[error("{amount} is below the minimum {minimum}")]
    BelowMinimum {
        /// The minimum.
        minimum: u128,
        /// The amount.
        amount: u128,
    },
    /// The amount is not a multiple of the rate's increment.
    #[error("{amount} is not a multiple of {increment}")]
    NotIncrement {
        /// The increment.
        increment: u128,
        /// The amount.
        amount: u128,
    },
    /// The swap would give less than its minimum out.
    #[error("the swap gives {out}, below its minimum {min_out}")]
    BelowMinOut {
        /// The swap's minimum.
        min_out: u128,
        /// What it would give.
        out: u128,
    },
    /// The merchant's deposit cannot pay this conversion.
    #[error("the deposit {deposit} cannot pay {needed}")]
    DepositInsufficient {
        /// POINT the conversion takes from the deposit.
        needed: u128,
        /// The deposit.
        deposit: u128,
    },
}

impl PointsError {
    /// The rule's [`PointsCode`]; `None` for [`PointsError::PointInsufficient`],
    /// which is the chain's general 1006.
    #[must_use]
    pub const fn points_code(&self) -> Option<PointsCode> {
        Some(match self {
            Self::PointInsufficient { .. } => return None,
            Self::NotIssuer => PointsCode::NotIssuer,
            Self::WithdrawBelowFee { .. } => PointsCode::WithdrawBelowFee,
            Self::PointsInsufficient { .. } => PointsCode::PointsInsufficient,
            Self::MerchantUnknown { .. } => PointsCode::MerchantUnknown,
            Self::NotOwner { .. } => PointsCode::NotOwner,
            Self::NotApproved { .. } => PointsCode::NotApproved,
            Self::DepositTooSmall { .. } => PointsCode::DepositTooSmall,
            Self::DepositBelowRequired { .. } => PointsCode::DepositBelowRequired,
            Self::RegistryFull => PointsCode::RegistryFull,
            Self::NotCouncilMember => PointsCode::NotCouncilMember,
            Self::AlreadyVoted { .. } => PointsCode::AlreadyVoted,
            Self::ActionNotApplicable { .. } => PointsCode::ActionNotApplicable,
            Self::ValidUntilPast { .. } => PointsCode::ValidUntilPast,
            Self::Overflow { .. } => PointsCode::Overflow,
            Self::NotQuoting { .. } => PointsCode::NotQuoting,
            Self::DeadlinePassed { .. } => PointsCode::DeadlinePassed,
            Self::RateStale { .. } => PointsCode::RateStale,
            Self::RateExpired { .. } => PointsCode::RateExpired,
            Self::BelowMinimum { .. } => PointsCode::BelowMinimum,
            Self::NotIncrement { .. } => PointsCode::NotIncrement,
            Self::BelowMinOut { .. } => PointsCode::BelowMinOut,
            Self::DepositInsufficient { .. } => PointsCode::DepositInsufficient,
        })
    }

    /// The number the node records (1006 for a POINT shortage).
    #[must_use]
    pub const fn number(&self) -> u16 {
        match self.points_code() {
            Some(code) => code.number(),
            None => 1006,
        }
    }

    /// The stable error code.
    #[must_use]
    pub const fn code(&self) -> &'static str {
        match self.points_code() {
            Some(code) => code.code(),
            None => "tx-insufficient-balance",
        }
    }
}

impl Coded for PointsError {
    fn code(&self) -> &'static str {
        PointsError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        let m = |merchant: &MerchantId| ("merchant", Arg::from(merchant.get()));
        match self {
            PointsError::NotIssuer | PointsError::RegistryFull | PointsError::NotCouncilMember => {
                Vec::new()
            }
            PointsError::WithdrawBelowFee { amount, fee } => {
                vec![("amount", (*amount).into()), ("fee", (*fee).into())]
            }
            PointsError::PointInsufficient { needed, available } => {
                vec![
                    ("needed", (*needed).into()),
                    ("available", (*available).into()),
                ]
            }
            PointsError::PointsInsufficient {
                merchant,
                needed,
                available,
            } => vec![
                m(merchant),
                ("needed", (*needed).into()),
                ("available", (*available).into()),
            ],
            PointsError::MerchantUnknown { merchant } => vec![("merchant", (*merchant).into())],
            PointsError::NotOwner { merchant } | PointsError::NotQuoting { merchant } => {
                vec![m(merchant)]
            }
            PointsError::NotApproved { merchant, status } => {
                vec![m(merchant), ("status", status.as_str().into())]
            }
            PointsError::DepositTooSmall { minimum, got } => {
                vec![("minimum", (*minimum).into()), ("got", (*got).into())]
            }
            PointsError::DepositBelowRequired {
                required,
                deposit,
                amount,
            } => vec![
                ("required", (*required).into()),
                ("deposit", (*deposit).into()),
                ("amount", (*amount).into()),
            ],
            PointsError::AlreadyVoted { merchant, action } => {
                vec![m(merchant), ("action", action.as_str().into())]
            }
            PointsError::ActionNotApplicable {
                merchant,
                action,
                status,
            } => vec![
                m(merchant),
                ("action", action.as_str().into()),
                ("status", status.as_str().into()),
            ],
            PointsError::ValidUntilPast {
                valid_until,
                height,
            }
            | PointsError::RateExpired {
                valid_until,
                height,
            } => vec![
                ("valid_until", (*valid_until).into()),
                ("height", (*height).into()),
            ],
            PointsError::Overflow { what } => vec![("what", (*what).into())],
            PointsError::DeadlinePassed { deadline, height } => {
                vec![
                    ("deadline", (*deadline).into()),
                    ("height", (*height).into()),
                ]
            }
            PointsError::RateStale { accepted, current } => {
                vec![
                    ("accepted", (*accepted).into()),
                    ("current", (*current).into()),
                ]
            }
            PointsError::BelowMinimum { minimum, amount } => {
                vec![("minimum", (*minimum).into()), ("amount", (*amount).into())]
            }
            PointsError::NotIncrement { increment, amount } => {
                vec![
                    ("increment", (*increment).into()),
                    ("amount", (*amount).into()),
                ]
            }
            PointsError::BelowMinOut { min_out, out } => {
                vec![("min_out", (*min_out).into()), ("out", (*out).into())]
            }
            PointsError::DepositInsufficient { needed, deposit } => {
                vec![("needed", (*needed).into()), ("deposit", (*deposit).into())]
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_numbers_are_unique_and_in_range() {
        let mut numbers: Vec<u16> = PointsCode::ALL.iter().map(PointsCode::number).collect();
        let mut codes: Vec<&str> = PointsCode::ALL.iter().map(PointsCode::code).collect();
        numbers.sort_unstable();
        numbers.dedup();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(numbers.len(), PointsCode::ALL.len());
        assert_eq!(codes.len(), PointsCode::ALL.len());
        for code in PointsCode::ALL {
            assert!((1101..=1199).contains(&code.number()));
            assert_eq!(PointsCode::from_number(code.number()), Some(code));
        }
        let shortage = PointsError::PointInsufficient {
            needed: 2,
            available: 1,
        };
        assert_eq!(shortage.number(), 1006);
        assert_eq!(shortage.code(), "tx-insufficient-balance");
    }
}
