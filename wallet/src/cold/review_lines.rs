//! Each transaction kind's own review lines, and the check of a request's
//! context (the online wallet's claims) against its transaction.
//!
//! What the transaction binds is shown plainly (`cold-review-*`); what only
//! the online wallet says (symbols and decimals, a swap's expected output,
//! rate and fee, a withdrawal's fee and payout) is shown as its claim
//! (`cold-review-claim-*`, [`ReviewLine::claimed`]). A claim the device can
//! recompute is recomputed and a request whose claim disagrees is refused
//! ([`ColdError::ContextMismatch`]): the person must never be shown a number
//! that the carried terms contradict.

use jifen_protocol::points::{
    CouncilAction, FeeMode, RateTerms, Swap, SwapDirection, quote as quote_swap,
};
use jifen_protocol::{Address, AssetId, MerchantId, Network, TxPayload, UnsignedTransaction};
use jifen_qr::{SignContext, SwapContext};

use crate::cold::error::ColdError;
use crate::cold::review::{Asset, AssetAmount, ReviewLine, ReviewValue};

fn mismatch(field: &'static str) -> ColdError {
    ColdError::ContextMismatch { field }
}

/// The lines of `tx`'s kind, after checking `context` against it.
///
/// # Errors
/// [`ColdError::ContextMismatch`].
pub(crate) fn kind_lines(
    tx: &UnsignedTransaction,
    context: Option<&SignContext>,
    network: Network,
) -> Result<Vec<ReviewLine>, ColdError> {
    let empty = SignContext::default();
    let context = context.unwrap_or(&empty);
    check_context(tx, context)?;
    let lines = Lines {
        context,
        network,
        out: Vec::new(),
    };
    Ok(lines.of(&tx.payload))
}

/// Refuses a context that names what the transaction does not, or whose
/// claims its own terms contradict.
fn check_context(tx: &UnsignedTransaction, context: &SignContext) -> Result<(), ColdError> {
    let named = assets_named(&tx.payload);
    for asset in &context.assets {
        if !named.contains(&asset.asset) {
            return Err(mismatch("asset"));
        }
        if asset.asset == AssetId::Point && (asset.symbol != "POINT" || asset.decimals != 6) {
            return Err(mismatch("POINT"));
        }
    }
    match (&tx.payload, &context.swap) {
        (TxPayload::Swap(swap), Some(claimed)) => check_swap(swap, claimed)?,
        (_, Some(_)) => return Err(mismatch("swap")),
        _ => {}
    }
    match (&tx.payload, &context.withdrawal) {
        (TxPayload::Withdraw(withdraw), Some(claimed))
            if claimed.fee.checked_add(claimed.payout) != Some(withdraw.amount) =>
        {
            return Err(mismatch("fee and payout"));
        }
        (TxPayload::Withdraw(_), Some(_)) => {}
        (_, Some(_)) => return Err(mismatch("withdrawal")),
        _ => {}
    }
    Ok(())
}

/// The rate terms a swap context carries (limits and expiry are the
/// chain's checks, not the quote's arithmetic).
const fn terms_of(claimed: &SwapContext) -> RateTerms {
    RateTerms {
        bid: claimed.bid,
        ask: claimed.ask,
        den: claimed.den,
        fee_mode: claimed.fee_mode,
        fee_bps: claimed.fee_bps,
        sell_min: 0,
        sell_increment: 0,
        buy_min: 0,
        buy_increment: 0,
        valid_until: 0,
    }
}

/// Recomputes the claimed quote from the claimed terms with the chain's
/// own arithmetic.
fn check_swap(swap: &Swap, claimed: &SwapContext) -> Result<(), ColdError> {
    if claimed.rate_version != swap.rate_version {
        return Err(mismatch("rate version"));
    }
    let quote = quote_swap(&terms_of(claimed), swap.direction, swap.amount_in)
        .map_err(|_| mismatch("quoted output"))?;
    if quote.amount_out != claimed.quoted_out {
        return Err(mismatch("quoted output"));
    }
    if quote.platform_fee != claimed.exchange_fee {
        return Err(mismatch("exchange fee"));
    }
    if claimed.quoted_out < swap.min_out {
        return Err(mismatch("minimum out"));
    }
    Ok(())
}

/// The assets whose amounts a payload shows.
fn assets_named(payload: &TxPayload) -> Vec<AssetId> {
    let merchant = |m: MerchantId| vec![AssetId::Point, AssetId::Points(m)];
    match payload {
        TxPayload::Transfer(_)
        | TxPayload::Bond(_)
        | TxPayload::Unbond(_)
        | TxPayload::Mint(_)
        | TxPayload::Withdraw(_)
        | TxPayload::MerchantRegister(_)
        | TxPayload::SubchainRegister(_)
        | TxPayload::SubchainReport(_)
        | TxPayload::SubchainRetire(_)
        | TxPayload::PartyRegister(_)
        | TxPayload::ItemAnchor(_)
        | TxPayload::ItemSale(_) => vec![AssetId::Point],
        TxPayload::TransferAsset(t) => vec![AssetId::Point, t.asset],
        TxPayload::CouncilVote(v) => merchant(v.merchant),
        TxPayload::RateSet(r) => merchant(r.merchant),
        TxPayload::PointsIssue(p) => merchant(p.merchant),
        TxPayload::DepositTopUp(d) => merchant(d.merchant),
        TxPayload::DepositWithdraw(d) => merchant(d.merchant),
        TxPayload::Swap(s) => merchant(s.merchant),
    }
}

/// Bytes shown as text when they are printable UTF-8, else as hex.
fn shown_bytes(bytes: &[u8]) -> String {
    match core::str::from_utf8(bytes) {
        Ok(text) if !text.chars().any(char::is_control) => text.to_owned(),
        _ => format!("0x{}", hex::encode(bytes)),
    }
}

/// Unix ms as `YYYY-MM-DD HH:MM:SS UTC` (integer civil-date arithmetic).
fn utc_text(ms: u64) -> String {
    let secs = ms / 1_000;
    let (days, rem) = (secs / 86_400, secs % 86_400);
    // Howard Hinnant's days-to-civil, on unsigned days since 1970-01-01.
    let z = days + 719_468;
    let era = z / 146_097;
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1_460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + u64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}:{:02} UTC",
        rem / 3_600,
        rem % 3_600 / 60,
        rem % 60
    )
}

const fn fee_mode_message(mode: FeeMode) -> &'static str {
    match mode {
        FeeMode::Settlement => "cold-fee-mode-settlement",
        FeeMode::Spread => "cold-fee-mode-spread",
    }
}

struct Lines<'a> {
    context: &'a SignContext,
    network: Network,
    out: Vec<ReviewLine>,
}

impl Lines<'_> {
    fn asset(&self, asset: AssetId) -> Asset {
        match asset {
            AssetId::Point => Asset::Point,
            AssetId::Points(merchant) => Asset::Points {
                merchant: merchant.get(),
                shown: self
                    .context
                    .asset(asset)
                    .map(|a| (a.symbol.clone(), a.decimals)),
            },
        }
    }

    fn amount(&self, asset: AssetId, base_units: u128) -> ReviewValue {
        ReviewValue::Amount(AssetAmount {
            base_units,
            asset: self.asset(asset),
        })
    }

    fn bound(&mut self, label: &'static str, value: ReviewValue) {
        self.out.push(ReviewLine::new(label, value));
    }

    fn claim(&mut self, label: &'static str, value: ReviewValue) {
        self.out.push(ReviewLine::claim(label, value));
    }

    fn address(&mut self, label: &'static str, address: &Address) {
        let value = ReviewValue::Address(address.encode(self.network));
        self.bound(label, value);
    }

    /// The merchant's number (bound) and, if claimed, its symbol and name.
    fn merchant(&mut self, merchant: MerchantId) {
        self.bound(
            "cold-review-merchant",
            ReviewValue::Text(AssetId::Points(merchant).to_string()),
        );
        if let Some(a) = self.context.asset(AssetId::Points(merchant)) {
            let text = match &a.name {
                Some(name) => format!("{} · {name}", a.symbol),
                None => a.symbol.clone(),
            };
            self.claim("cold-review-claim-merchant", ReviewValue::Text(text));
        }
    }

    fn of(mut self, payload: &TxPayload) -> Vec<ReviewLine> {
        let point = |n| ReviewValue::Amount(AssetAmount::point(n));
        match payload {
            TxPayload::Transfer(t) => {
                self.bound("cold-review-amount", point(t.amount));
                self.address("cold-review-recipient", &t.to);
            }
            TxPayload::Bond(b) => self.bound("cold-review-bond-amount", point(b.amount)),
            TxPayload::Unbond(u) => self.bound("cold-review-unbond-amount", point(u.amount)),
            TxPayload::Mint(m) => {
                self.bound("cold-review-amount", point(m.amount));
                self.address("cold-review-recipient", &m.to);
                self.bound(
                    "cold-review-reference",
                    ReviewValue::Text(shown_bytes(&m.reference)),
                );
            }
            TxPayload::Withdraw(w) => {
                self.bound("cold-review-withdraw-amount", point(w.amount));
                self.bound(
                    "cold-review-reference",
                    ReviewValue::Text(shown_bytes(&w.reference)),
                );
                if let Some(claimed) = &self.context.withdrawal {
                    self.claim("cold-review-claim-withdrawal-fee", point(claimed.fee));
                    self.claim("cold-review-claim-payout", point(claimed.payout));
                }
            }
            TxPayload::TransferAsset(t) => {
                self.bound("cold-review-asset", ReviewValue::Text(t.asset.to_string()));
                if let (AssetId::Points(m), Some(_)) = (t.asset, self.context.asset(t.asset)) {
                    self.merchant_claim_only(m);
                }
                self.bound("cold-review-amount", self.amount(t.asset, t.amount));
                self.address("cold-review-recipient", &t.to);
                if !t.memo.is_empty() {
                    self.bound("cold-review-memo", ReviewValue::Text(shown_bytes(&t.memo)));
                }
            }
            TxPayload::MerchantRegister(r) => {
                self.bound(
                    "cold-review-merchant-name",
                    ReviewValue::Text(r.name.clone()),
                );
                self.bound("cold-review-symbol", ReviewValue::Text(r.symbol.clone()));
                self.bound(
                    "cold-review-decimals",
                    ReviewValue::Number(u64::from(r.decimals)),
                );
                self.bound("cold-review-deposit-amount", point(r.deposit));
            }
            TxPayload::CouncilVote(v) => {
                self.merchant(v.merchant);
                let action = match v.action {
                    CouncilAction::Approve => "cold-council-approve",
                    CouncilAction::Suspend => "cold-council-suspend",
                };
                self.bound("cold-review-council-action", ReviewValue::Message(action));
            }
            TxPayload::RateSet(r) => {
                self.merchant(r.merchant);
                let t = &r.terms;
                self.bound(
                    "cold-review-rate-terms",
                    ReviewValue::Text(format!("{} / {} / {}", t.bid, t.ask, t.den)),
                );
                self.bound(
                    "cold-review-fee-mode",
                    ReviewValue::Message(fee_mode_message(t.fee_mode)),
                );
                self.bound(
                    "cold-review-fee-bps",
                    ReviewValue::Number(u64::from(t.fee_bps)),
                );
                let points = AssetId::Points(r.merchant);
                self.bound("cold-review-sell-min", self.amount(points, t.sell_min));
                self.bound(
                    "cold-review-sell-increment",
                    self.amount(points, t.sell_increment),
                );
                self.bound("cold-review-buy-min", point(t.buy_min));
                self.bound("cold-review-buy-increment", point(t.buy_increment));
                self.bound(
                    "cold-review-valid-until",
                    ReviewValue::Number(t.valid_until),
                );
            }
            TxPayload::PointsIssue(p) => {
                self.merchant(p.merchant);
                let points = AssetId::Points(p.merchant);
                self.bound("cold-review-amount", self.amount(points, p.amount));
                self.address("cold-review-recipient", &p.to);
            }
            TxPayload::DepositTopUp(d) => {
                self.merchant(d.merchant);
                self.bound("cold-review-deposit-amount", point(d.amount));
            }
            TxPayload::DepositWithdraw(d) => {
                self.merchant(d.merchant);
                self.bound("cold-review-deposit-amount", point(d.amount));
            }
            TxPayload::Swap(s) => self.swap(s),
            TxPayload::SubchainRegister(r) => {
                self.bound(
                    "cold-review-subchain-name",
                    ReviewValue::Text(r.name.clone()),
                );
                self.bound(
                    "cold-review-subchain-consensus",
                    ReviewValue::Text(r.consensus.params().kind().as_str().to_owned()),
                );
                self.bound("cold-review-subchain-stake", point(r.stake));
            }
            TxPayload::SubchainReport(r) => {
                self.bound(
                    "cold-review-subchain",
                    ReviewValue::Number(u64::from(r.header.subchain.get())),
                );
                self.bound(
                    "cold-review-subchain-height",
                    ReviewValue::Number(r.header.height),
                );
                self.bound(
                    "cold-review-subchain-header",
                    ReviewValue::Text(r.header.hash().to_string()),
                );
            }
            TxPayload::SubchainRetire(r) => self.bound(
                "cold-review-subchain",
                ReviewValue::Number(u64::from(r.subchain.get())),
            ),
            TxPayload::PartyRegister(r) => {
                self.bound(
                    "cold-review-party",
                    ReviewValue::Address(r.party.encode(self.network)),
                );
                self.bound("cold-review-party-name", ReviewValue::Text(r.name.clone()));
                let roles: Vec<&str> = r.roles.iter().map(|role| role.as_str()).collect();
                self.bound(
                    "cold-review-party-roles",
                    ReviewValue::Text(roles.join(", ")),
                );
            }
            TxPayload::ItemAnchor(a) => {
                self.bound("cold-review-item", ReviewValue::Text(a.item.to_string()));
                self.bound(
                    "cold-review-subchain",
                    ReviewValue::Number(u64::from(a.subchain.get())),
                );
                self.bound(
                    "cold-review-item-records",
                    ReviewValue::Number(u64::from(a.count)),
                );
                self.bound(
                    "cold-review-item-root",
                    ReviewValue::Text(a.root.to_string()),
                );
            }
            TxPayload::ItemSale(sale) => {
                self.bound("cold-review-item", ReviewValue::Text(sale.item.to_string()));
                self.bound(
                    "cold-review-item-sale",
                    ReviewValue::Message("cold-review-item-sale-note"),
                );
            }
        }
        if self.out.iter().any(|l| l.claimed) {
            self.out.push(ReviewLine::new(
                "cold-review-claims-note",
                ReviewValue::Message("cold-claims-note"),
            ));
        }
        self.out
    }

    fn merchant_claim_only(&mut self, merchant: MerchantId) {
        let before = self.out.len();
        self.merchant(merchant);
        // Keep only the claim: the asset line already shows the number.
        self.out.remove(before);
    }

    fn swap(&mut self, s: &Swap) {
        let points = AssetId::Points(s.merchant);
        let (input, output, direction) = match s.direction {
            SwapDirection::PointsToPoint => (points, AssetId::Point, "cold-direction-sell"),
            SwapDirection::PointToPoints => (AssetId::Point, points, "cold-direction-buy"),
        };
        self.merchant(s.merchant);
        self.bound("cold-review-direction", ReviewValue::Message(direction));
        self.bound("cold-review-swap-pay", self.amount(input, s.amount_in));
        if let Some(claimed) = self.context.swap {
            self.claim(
                "cold-review-claim-swap-receive",
                self.amount(output, claimed.quoted_out),
            );
        }
        self.bound(
            "cold-review-swap-min-receive",
            self.amount(output, s.min_out),
        );
        self.bound(
            "cold-review-rate-version",
            ReviewValue::Number(u64::from(s.rate_version)),
        );
        self.bound("cold-review-deadline", ReviewValue::Number(s.deadline));
        if let Some(claimed) = self.context.swap {
            self.claim(
                "cold-review-claim-rate",
                ReviewValue::Text(format!(
                    "{} / {} / {}",
                    claimed.bid, claimed.ask, claimed.den
                )),
            );
            self.claim(
                "cold-review-claim-fee-mode",
                ReviewValue::Message(fee_mode_message(claimed.fee_mode)),
            );
            self.claim(
                "cold-review-claim-fee-bps",
                ReviewValue::Number(u64::from(terms_of(&claimed).effective_fee_bps())),
            );
            self.claim(
                "cold-review-claim-exchange-fee",
                ReviewValue::Amount(AssetAmount::point(claimed.exchange_fee)),
            );
            self.claim(
                "cold-review-claim-quote-expires",
                ReviewValue::Text(utc_text(claimed.quote_expires_ms)),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::utc_text;

    #[test]
    fn utc_text_is_the_civil_date() {
        assert_eq!(utc_text(0), "1970-01-01 00:00:00 UTC");
        assert_eq!(utc_text(951_782_400_000), "2000-02-29 00:00:00 UTC");
        assert_eq!(utc_text(1_765_000_000_000), "2025-12-06 05:46:40 UTC");
    }
}
