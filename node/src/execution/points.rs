//! Execution of the points kinds (`docs/protocol.md#points-transactions`):
//! POINT mint and withdrawal, asset transfers, merchants and their
//! deposits, the council, rates and swaps. Each function checks its rules
//! in the documented order and writes to an [`Overlay`]; the caller keeps
//! the writes only if it returns `Ok`.

use jifen_protocol::points::{
    CouncilAction, CouncilVote, DepositTopUp, DepositWithdraw, MerchantRecord, MerchantRegister,
    MerchantRegistry, MerchantStatus, Mint, PointsError, PointsIssue, RateRecord, RateSet, Swap,
    SwapCheck, SwapDirection, TransferAsset, Withdraw, check_swap, council_passes,
    required_deposit, withdrawal_fee,
};
use jifen_protocol::{Address, AssetId, MerchantId};

use super::overlay::Overlay;
use super::{BlockContext, TxError};

fn rule(error: PointsError) -> TxError {
    TxError::from(error)
}

fn overflow(what: &'static str) -> TxError {
    rule(PointsError::Overflow { what })
}

/// The merchant `merchant`, which `sender` must own.
fn owned(
    ov: &Overlay<'_>,
    merchant: MerchantId,
    sender: &Address,
) -> Result<MerchantRecord, TxError> {
    let record = ov.merchant(merchant)?;
    if record.owner != *sender {
        return Err(rule(PointsError::NotOwner { merchant }));
    }
    Ok(record)
}

/// `mint`: only the issuer; credits `to` and counts the POINT as minted.
pub fn mint(ov: &mut Overlay<'_>, sender: &Address, mint: &Mint) -> Result<(), TxError> {
    if ov.alliance()?.issuer != *sender {
        return Err(rule(PointsError::NotIssuer));
    }
    let mut supply = ov.supply()?;
    supply.minted = supply
        .minted
        .checked_add(mint.amount)
        .ok_or_else(|| overflow("POINT minted"))?;
    ov.put_supply(supply);
    ov.credit_point(&mint.to, mint.amount)
}

/// `withdraw`: the fee to the platform, the rest burned.
pub fn withdraw(
    ov: &mut Overlay<'_>,
    sender: &Address,
    withdraw: &Withdraw,
) -> Result<(), TxError> {
    let alliance = ov.alliance()?;
    let fee = withdrawal_fee(&alliance, withdraw.amount).map_err(rule)?;
    if withdraw.amount <= fee {
        return Err(rule(PointsError::WithdrawBelowFee {
            amount: withdraw.amount,
            fee,
        }));
    }
    ov.debit_point(sender, withdraw.amount)?;
    ov.credit_point(&alliance.platform, fee)?;
    let mut supply = ov.supply()?;
    supply.burned = supply
        .burned
        .checked_add(withdraw.amount - fee)
        .ok_or_else(|| overflow("POINT burned"))?;
    ov.put_supply(supply);
    Ok(())
}

/// `transfer-asset`: POINT or a registered merchant's points.
pub fn transfer_asset(
    ov: &mut Overlay<'_>,
    sender: &Address,
    transfer: &TransferAsset,
) -> Result<(), TxError> {
    match transfer.asset {
        AssetId::Point => {
            ov.debit_point(sender, transfer.amount)?;
            ov.credit_point(&transfer.to, transfer.amount)
        }
        AssetId::Points(merchant) => {
            ov.merchant(merchant)?;
            ov.debit_points(sender, merchant, transfer.amount)?;
            ov.credit_points(&transfer.to, merchant, transfer.amount)
        }
    }
}

/// `merchant-register`: a new proposed merchant numbered `count + 1`.
pub fn register(
    ov: &mut Overlay<'_>,
    sender: &Address,
    register: &MerchantRegister,
    ctx: &BlockContext<'_>,
) -> Result<(), TxError> {
    let alliance = ov.alliance()?;
    if register.deposit < alliance.min_deposit {
        return Err(rule(PointsError::DepositTooSmall {
            minimum: alliance.min_deposit,
            got: register.deposit,
        }));
    }
    let registry = ov.registry()?;
    let id = registry
        .count
        .checked_add(1)
        .and_then(MerchantId::new)
        .ok_or_else(|| rule(PointsError::RegistryFull))?;
    ov.debit_point(sender, register.deposit)?;
    ov.put_merchant(&MerchantRecord {
        id,
        owner: *sender,
        status: MerchantStatus::Proposed,
        decimals: register.decimals,
        name: register.name.clone(),
        symbol: register.symbol.clone(),
        deposit: register.deposit,
        outstanding: 0,
        rate_version: 0,
        registered_at: ctx.height,
    });
    ov.put_registry(MerchantRegistry { count: id.get() });
    Ok(())
}

/// `council-vote`: records the vote; when the voters hold more than 2/3
/// of the block's validator set, applies the decision and clears the votes
/// of both actions.
pub fn council_vote(
    ov: &mut Overlay<'_>,
    sender: &Address,
    vote: &CouncilVote,
    ctx: &BlockContext<'_>,
) -> Result<(), TxError> {
    if ctx.validators.find(sender).is_none() {
        return Err(rule(PointsError::NotCouncilMember));
    }
    let mut merchant = ov.merchant(vote.merchant)?;
    let Some(outcome) = vote.action.outcome(merchant.status) else {
        return Err(rule(PointsError::ActionNotApplicable {
            merchant: merchant.id,
            action: vote.action,
            status: merchant.status,
        }));
    };
    let mut votes = ov.votes(vote.merchant, vote.action)?;
    votes.retain_members(ctx.validators);
    if votes.contains(sender) {
        return Err(rule(PointsError::AlreadyVoted {
            merchant: merchant.id,
            action: vote.action,
        }));
    }
    votes.insert(*sender);
    if council_passes(&votes, ctx.validators) {
        merchant.status = outcome;
        ov.put_merchant(&merchant);
        let none = jifen_protocol::points::CouncilVotes::default();
        for action in [CouncilAction::Approve, CouncilAction::Suspend] {
            ov.put_votes(vote.merchant, action, &none);
        }
    } else {
        ov.put_votes(vote.merchant, vote.action, &votes);
    }
    Ok(())
}

/// `rate-set`: a new version, current from this block on.
pub fn rate_set(
    ov: &mut Overlay<'_>,
    sender: &Address,
    set: &RateSet,
    ctx: &BlockContext<'_>,
) -> Result<(), TxError> {
    let mut merchant = owned(ov, set.merchant, sender)?;
    if set.terms.valid_until < ctx.height {
        return Err(rule(PointsError::ValidUntilPast {
            valid_until: set.terms.valid_until,
            height: ctx.height,
        }));
    }
    let version = merchant
        .rate_version
        .checked_add(1)
        .ok_or_else(|| overflow("rate version"))?;
    merchant.rate_version = version;
    ov.put_rate(&RateRecord {
        merchant: merchant.id,
        version,
        terms: set.terms,
        set_at: ctx.height,
    });
    ov.put_merchant(&merchant);
    Ok(())
}

/// `points-issue`: an approved merchant mints points to a customer.
pub fn issue(ov: &mut Overlay<'_>, sender: &Address, issue: &PointsIssue) -> Result<(), TxError> {
    let mut merchant = owned(ov, issue.merchant, sender)?;
    if merchant.status != MerchantStatus::Approved {
        return Err(rule(PointsError::NotApproved {
            merchant: merchant.id,
            status: merchant.status,
        }));
    }
    merchant.outstanding = merchant
        .outstanding
        .checked_add(issue.amount)
        .ok_or_else(|| overflow("points outstanding"))?;
    ov.put_merchant(&merchant);
    ov.credit_points(&issue.to, issue.merchant, issue.amount)
}

/// `deposit-top-up`: POINT from the owner into the deposit.
pub fn top_up(
    ov: &mut Overlay<'_>,
    sender: &Address,
    top_up: &DepositTopUp,
) -> Result<(), TxError> {
    let mut merchant = owned(ov, top_up.merchant, sender)?;
    ov.debit_point(sender, top_up.amount)?;
    merchant.deposit = merchant
        .deposit
        .checked_add(top_up.amount)
        .ok_or_else(|| overflow("deposit"))?;
    ov.put_merchant(&merchant);
    Ok(())
}

/// `deposit-withdraw`: POINT back to the owner, never below the required
/// deposit.
pub fn deposit_withdraw(
    ov: &mut Overlay<'_>,
    sender: &Address,
    take: &DepositWithdraw,
) -> Result<(), TxError> {
    let mut merchant = owned(ov, take.merchant, sender)?;
    let alliance = ov.alliance()?;
    let rate = ov.current_rate(&merchant)?;
    let required =
        required_deposit(&alliance, &merchant, rate.as_ref().map(|r| &r.terms)).map_err(rule)?;
    let left = merchant.deposit.checked_sub(take.amount);
    if left.is_none_or(|left| left < required) {
        return Err(rule(PointsError::DepositBelowRequired {
            required,
            deposit: merchant.deposit,
            amount: take.amount,
        }));
    }
    merchant.deposit = left.unwrap_or_default();
    ov.put_merchant(&merchant);
    ov.credit_point(sender, take.amount)
}

/// `swap`: [`check_swap`] against the block's state, then the quote's
/// amounts moved exactly.
pub fn swap(
    ov: &mut Overlay<'_>,
    sender: &Address,
    swap: &Swap,
    ctx: &BlockContext<'_>,
) -> Result<(), TxError> {
    let mut merchant = ov.merchant(swap.merchant)?;
    let rate = ov.current_rate(&merchant)?;
    let balance_in = match swap.direction {
        SwapDirection::PointsToPoint => ov.points(sender, merchant.id)?,
        SwapDirection::PointToPoints => ov.account(sender)?.balance,
    };
    let check = SwapCheck {
        merchant: &merchant,
        rate: rate.as_ref(),
        height: ctx.height,
        balance_in,
    };
    let quote = check_swap(&check, swap).map_err(rule)?;
    let platform = ov.alliance()?.platform;
    match swap.direction {
        SwapDirection::PointsToPoint => {
            ov.debit_points(sender, merchant.id, quote.amount_in)?;
            merchant.outstanding = merchant
                .outstanding
                .checked_sub(quote.amount_in)
                .ok_or_else(|| {
                    TxError::CorruptState("points outstanding below a balance".into())
                })?;
            merchant.deposit = merchant
                .deposit
                .checked_sub(quote.deposit_change)
                .ok_or_else(|| overflow("deposit"))?;
            ov.credit_point(sender, quote.amount_out)?;
        }
        SwapDirection::PointToPoints => {
            ov.debit_point(sender, quote.amount_in)?;
            merchant.deposit = merchant
                .deposit
                .checked_add(quote.deposit_change)
                .ok_or_else(|| overflow("deposit"))?;
            merchant.outstanding = merchant
                .outstanding
                .checked_add(quote.amount_out)
                .ok_or_else(|| overflow("points outstanding"))?;
            ov.credit_points(sender, merchant.id, quote.amount_out)?;
        }
    }
    ov.credit_point(&platform, quote.platform_fee)?;
    ov.put_merchant(&merchant);
    Ok(())
}
