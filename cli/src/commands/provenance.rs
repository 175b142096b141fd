//! `trace`, `tag parse`, `epcis hash`, `record-receiving`, `record-sale`:
//! the provenance use cases of `jifen_wallet` rendered for a terminal (a
//! timeline with verified marks, a verdict) or as JSON.

use std::io::Read;
use std::path::Path;

use jifen_protocol::message::Arg;
use jifen_wallet::action::ActionReview;
use jifen_wallet::chain::{ChainError, ChainReader};
use jifen_wallet::provenance::receiving::{self, ReceivingRequest};
use jifen_wallet::provenance::sale::{self, SaleRequest};
use jifen_wallet::provenance::views::{
    PartyView, TagView, TraceProgressView, TracePurpose, TraceRecordView, TraceView, VerdictView,
};
use jifen_wallet::provenance::{ProvenanceFlowError, bundle, tag as tags, trace as lookup};
use jifen_wallet::{CancelToken, WalletContext};

use super::chain::{amount, peers_failed, short, synced_session};
use super::points::{confirm_sign_send, confirmed, wallet_session};
use super::print_json;
use super::security::unlock;
use crate::error::{Failure, Result, UserError, describe_view};
use crate::provenance_args::{
    EpcisCommand, RecordReceivingArgs, RecordSaleArgs, TagCommand, TraceArgs,
};
use crate::ui::Ui;

/// A provenance error, saying first what each node did when none answered.
fn failed(ui: &Ui, reader: &ChainReader, error: ProvenanceFlowError) -> Failure {
    match error {
        ProvenanceFlowError::Chain(error) => peers_failed(ui, reader, error),
        other => other.into(),
    }
}

/// The tag text: the argument, or the product tag in a picture of a QR code.
fn tag_text(ctx: &WalletContext, given: &str) -> Result<String> {
    let path = Path::new(given);
    if given.contains("://") || !path.is_file() {
        return Ok(given.to_owned());
    }
    let bytes = std::fs::read(path).map_err(|source| ChainError::FileIo {
        path: path.to_owned(),
        source,
    })?;
    jifen_wallet::scan::scan_image(&bytes, ctx.network)?
        .into_iter()
        .find(|code| code.kind == jifen_wallet::scan::ScannedKind::ProductTag)
        .map(|code| code.text)
        .ok_or_else(|| UserError::new("cli-trace-no-tag-in-picture").into())
}

fn say_tag(ui: &Ui, tag: &TagView) {
    let none = || "—".to_owned();
    ui.data(&ui.text(
        "tag-parsed",
        &[
            ("gtin", tag.gtin.clone().into()),
            ("serial", tag.serial.clone().into()),
            ("lot", tag.lot.clone().unwrap_or_else(none).into()),
            ("expiry", tag.expiry.clone().unwrap_or_else(none).into()),
            ("network", tag.network.clone().unwrap_or_else(none).into()),
            ("resolver", tag.resolver.clone().into()),
            ("canonical", tag.canonical.clone().into()),
        ],
    ));
}

/// `jifen tag parse`.
pub fn tag(ui: &Ui, command: &TagCommand) -> Result<()> {
    match command {
        TagCommand::Parse { uri, json } => {
            let view = tags::parse(uri)?;
            if *json {
                return print_json(ui, &view);
            }
            say_tag(ui, &view);
            Ok(())
        }
    }
}

/// `jifen epcis hash`.
pub fn epcis(ui: &Ui, command: &EpcisCommand) -> Result<()> {
    match command {
        EpcisCommand::Hash { file, json } => {
            let mut bytes = Vec::new();
            if file.as_os_str() == "-" {
                std::io::stdin()
                    .take(16 << 20)
                    .read_to_end(&mut bytes)
                    .map_err(|source| ChainError::FileIo {
                        path: file.clone(),
                        source,
                    })?;
            } else {
                bytes = jifen_wallet::chain::offline::read_text(file)?.into_bytes();
            }
            let hashes = tags::event_hashes(&bytes)?;
            if *json {
                return print_json(ui, &hashes);
            }
            for hash in &hashes {
                ui.data(&hash.hash);
            }
            Ok(())
        }
    }
}

fn party_text(ui: &Ui, party: &PartyView) -> String {
    match &party.name {
        Some(name) => {
            let roles: Vec<String> = party
                .roles
                .iter()
                .map(|role| ui.text(&format!("role-{role}"), &[]))
                .collect();
            format!("{name} ({})", roles.join(", "))
        }
        None => ui.text(
            "trace-party-unregistered",
            &[("address", short_address(&party.address))],
        ),
    }
}

fn short_address(address: &str) -> Arg {
    address
        .get(..14)
        .map_or_else(|| address.to_owned(), |s| format!("{s}…"))
        .into()
}

fn step_text(ui: &Ui, step: Option<&str>) -> String {
    match step {
        Some(step) => {
            let id = format!("step-{step}");
            if ui.catalog().has(&id) {
                ui.text(&id, &[])
            } else {
                step.to_owned()
            }
        }
        None => ui.text("step-none", &[]),
    }
}

fn mark(ui: &Ui, ok: bool, id: &str) -> String {
    let sign = if ok { "✓" } else { "✗" };
    format!("{sign}{}", ui.text(id, &[]))
}

fn say_record(ui: &Ui, record: &TraceRecordView) {
    let checks = &record.checks;
    let marks = [
        mark(ui, checks.hash, "trace-check-hash"),
        mark(ui, checks.signature, "trace-check-signature"),
        mark(ui, checks.link, "trace-check-link"),
        mark(ui, checks.signer, "trace-check-signer"),
        mark(ui, checks.anchored, "trace-check-anchored"),
        mark(ui, checks.order, "trace-check-order"),
    ]
    .join(" ");
    ui.data(&ui.text(
        "trace-record",
        &[
            ("number", (u64::from(record.index) + 1).into()),
            ("time", record.local_time.clone().into()),
            ("zone", record.time_zone.clone().into()),
            ("step", step_text(ui, record.biz_step.as_deref()).into()),
            (
                "place",
                record.place.clone().unwrap_or_else(|| "—".into()).into(),
            ),
            ("party", party_text(ui, &record.party).into()),
            ("marks", marks.into()),
        ],
    ));
    for detail in &record.details {
        ui.data(&format!("      {}: {}", detail.name, detail.value));
    }
    if let Some(whom) = &record.sealed_for {
        ui.data(&ui.text("trace-sealed-for", &[("party", whom.clone().into())]));
    }
    if let Some(problem) = &record.problem {
        ui.data(&format!("      ✗ {}", describe_view(ui.catalog(), problem)));
    }
}

fn verdict_id(verdict: VerdictView) -> &'static str {
    match verdict {
        VerdictView::UnknownProduct => "verdict-unknown-product",
        VerdictView::Tampered => "verdict-tampered",
        VerdictView::SignerNotRegistered => "verdict-signer-not-registered",
        VerdictView::SuspectedClone => "verdict-suspected-clone",
        VerdictView::Unanchored => "verdict-unanchored",
        VerdictView::Authentic => "verdict-authentic",
    }
}

/// Prints a lookup: the item, the timeline, the anchor and sales, the
/// verdict with its reasons and where it was proven.
pub fn show_trace(ui: &Ui, view: &TraceView) {
    ui.data(&ui.text(
        "trace-head",
        &[
            ("gtin", view.tag.gtin.clone().into()),
            ("serial", view.tag.serial.clone().into()),
            ("records", (view.records.len() as u64).into()),
        ],
    ));
    for record in &view.records {
        say_record(ui, record);
    }
    if let Some(anchor) = &view.anchor {
        ui.data(&ui.text(
            "trace-anchor",
            &[
                ("issuer", party_text(ui, &anchor.issuer).into()),
                ("count", u64::from(anchor.count).into()),
                ("height", anchor.main_height.into()),
                ("subchain", u64::from(anchor.subchain).into()),
            ],
        ));
    }
    for sale in &view.sales {
        ui.data(&ui.text(
            "trace-sale",
            &[
                ("seller", party_text(ui, &sale.seller).into()),
                ("height", sale.main_height.into()),
            ],
        ));
    }
    ui.data(&ui.text(
        "trace-verdict",
        &[("verdict", ui.text(verdict_id(view.verdict), &[]).into())],
    ));
    for reason in &view.reasons {
        ui.data(&format!("  • {}", describe_view(ui.catalog(), reason)));
    }
    ui.data(&ui.text(
        "trace-proven",
        &[
            ("height", view.proven_at.height.into()),
            ("hash", short(&view.proven_at.header_hash).into()),
            ("subchain_height", view.subchain_height.into()),
            ("fetch", view.fetch_ms.into()),
            ("verify", view.verify_ms.into()),
        ],
    ));
}

fn show_progress(ui: &Ui, progress: &TraceProgressView, last: &mut String) {
    if progress.stage != *last {
        ui.say(&format!("trace-stage-{}", progress.stage), &[]);
        last.clone_from(&progress.stage);
    }
}

/// `jifen trace`.
pub fn trace(ui: &Ui, ctx: &WalletContext, args: &TraceArgs) -> Result<()> {
    let text = tag_text(ctx, &args.tag)?;
    let mut session = synced_session(ui, ctx)?;
    let purpose = if args.counter {
        TracePurpose::Counter
    } else {
        TracePurpose::Inspect
    };
    let mut last = String::new();
    let traced = lookup::trace(
        &mut session,
        &text,
        purpose,
        &mut |p| show_progress(ui, p, &mut last),
        &CancelToken::new(),
    )
    .map_err(|e| failed(ui, &session.reader(), e))?;
    if let Some(dir) = &args.bundle {
        let path = bundle::save(&traced.bundle, dir)?;
        ui.say(
            "trace-bundle-saved",
            &[("path", path.display().to_string().into())],
        );
    }
    if args.json {
        return print_json(ui, &traced.view);
    }
    show_trace(ui, &traced.view);
    Ok(())
}

/// `jifen record-receiving`.
pub fn record_receiving(ui: &Ui, ctx: &WalletContext, args: &RecordReceivingArgs) -> Result<()> {
    let (ctx, mut open, mut session) = wallet_session(ui, ctx, &args.wallet)?;
    let facts = open.facts()?;
    if facts.watch_only {
        return Err(UserError::new("cli-record-needs-keys").into());
    }
    let request = ReceivingRequest {
        tag: args.tag.clone(),
        location: args.location.clone(),
        place: args.place.clone(),
        time_zone: Some(args.time_zone.clone()),
        from_index: args.index,
    };
    let mut last = String::new();
    let cancel = CancelToken::new();
    let prepared = receiving::prepare(
        &mut session,
        &facts,
        &request,
        &mut |p| show_progress(ui, p, &mut last),
        &cancel,
    )
    .map_err(|e| failed(ui, &session.reader(), e))?;
    let review = prepared.review();
    ui.say(
        "receiving-review",
        &[
            ("gtin", review.tag.gtin.clone().into()),
            ("serial", review.tag.serial.clone().into()),
            ("party", review.party.clone().into()),
            ("location", review.location.clone().into()),
            (
                "place",
                review.place.clone().unwrap_or_else(|| "—".into()).into(),
            ),
            ("number", (u64::from(review.index) + 1).into()),
            ("hash", review.event_hash.clone().into()),
        ],
    );
    if !confirmed(ui, args.yes, "receiving-confirm")? {
        ui.say("receiving-cancelled", &[]);
        return Ok(());
    }
    let keys = unlock(ui, &ctx, &mut open, &args.password, args.no_keyring)?;
    let signed = prepared.sign(keys);
    open.lock();
    let signed = signed?;
    let recorded = receiving::submit_and_prove(
        &mut session,
        &signed,
        &mut |p| show_progress(ui, p, &mut last),
        &cancel,
    )
    .map_err(|e| failed(ui, &session.reader(), e))?;
    ui.data(&ui.text(
        "receiving-recorded",
        &[
            (
                "number",
                (u64::from(recorded.index.unwrap_or(0)) + 1).into(),
            ),
            ("height", recorded.proven_at.height.into()),
            (
                "hash",
                recorded.event_hash.clone().unwrap_or_default().into(),
            ),
        ],
    ));
    Ok(())
}

/// `jifen record-sale`.
pub fn record_sale(ui: &Ui, ctx: &WalletContext, args: &RecordSaleArgs) -> Result<()> {
    let (ctx, mut open, mut session) = wallet_session(ui, ctx, &args.wallet)?;
    let reader = session.reader();
    let request = SaleRequest {
        tag: args.tag.clone(),
        from_index: args.index,
        fee: args.sign.fee.clone(),
    };
    let prepared =
        sale::review(&reader, &open.facts()?, &request).map_err(|e| failed(ui, &reader, e))?;
    let ActionReview::Sale(review) = prepared.review() else {
        return Err(UserError::new("error-unexpected")
            .arg("detail", "not a sale")
            .into());
    };
    ui.say(
        "sale-review",
        &[
            ("gtin", review.tag.gtin.clone().into()),
            ("serial", review.tag.serial.clone().into()),
            ("seller", review.seller.clone().into()),
            ("records", u64::from(review.anchored_records).into()),
            ("network_fee", amount(&review.network_fee)),
            ("height", review.proven.height.into()),
        ],
    );
    let review_id = review.review_id.clone();
    confirm_sign_send(
        ui,
        &ctx,
        &mut open,
        &mut session,
        &prepared,
        &args.sign,
        (&review_id, "sale-confirm", "sale-cancelled"),
    )
}

/// `jifen verify-trace-bundle`.
pub fn verify_bundle(
    ui: &Ui,
    ctx: &WalletContext,
    file: &Path,
    checkpoint: Option<&str>,
    json: bool,
) -> Result<()> {
    let view = bundle::verify(
        ctx,
        jifen_wallet::audit::RootOf::Disk,
        jifen_wallet::audit::Source::File(file),
        checkpoint,
    )?;
    if json {
        return print_json(ui, &view);
    }
    ui.data(&ui.text(
        "trace-bundle-checked",
        &[
            ("item", view.item.clone().into()),
            ("verdict", ui.text(verdict_id(view.verdict), &[]).into()),
            ("records", u64::from(view.records).into()),
            ("height", view.main_height.into()),
            ("subchain_height", view.subchain_height.into()),
        ],
    ));
    for reason in &view.reasons {
        ui.data(&format!("  • {reason}"));
    }
    if !view.matches {
        return Err(UserError::new("trace-bundle-verdict-differs").into());
    }
    Ok(())
}
