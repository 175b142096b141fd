//! The app's points commands against an in-process devnet (its demo
//! merchants TEA, MALL, FUEL and NEW), on the mock runtime: proven holdings
//! and merchants with their rate history, a swap both ways (quote, confirm
//! only that review, the receipt as quoted), a payment request made, paid
//! and found in the payee's proven history, the payment review's refusals, a
//! withdrawal, a merchant action refused to a wallet that does not own the
//! merchant, and TEA's owner (restored from its public devnet words) issuing
//! points, topping up its deposit and publishing a rate.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

mod support;

use jifen_node::devnet::Devnet;
use serde_json::{Value, json};
use support::{app, channel, code, create, invoke, window};
use tauri::WebviewWindow;
use tauri::test::MockRuntime;

fn start_devnet(dir: &std::path::Path) -> Devnet {
    jifen_testenv::devnet::DevnetBuilder::new(dir.join("node"))
        .block_time_ms(200)
        .start()
        .unwrap()
}

type Window = WebviewWindow<MockRuntime>;

fn confirm(main: &Window, review: &Value) -> Result<Value, Value> {
    invoke(
        main,
        "confirm_action",
        json!({"args": {"review_id": review["review_id"]}, "onProgress": channel()}),
    )
}

fn holding<'a>(holdings: &'a Value, symbol: &str) -> &'a Value {
    holdings["assets"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["asset"]["symbol"] == symbol)
        .unwrap()
}

#[test]
fn holdings_merchants_swap_pay_request_withdraw_and_merchant_tools() {
    let dir = tempfile::tempdir().unwrap();
    let mut devnet = start_devnet(dir.path());
    jifen_testenv::devnet::wait_for_height(&devnet, 3, jifen_testenv::DEADLINE).unwrap();
    let app = app(
        &dir.path().join("app"),
        Some(vec![format!("http://{}", devnet.rpc_addr())]),
    );
    let main = window(&app, "main");
    let wallet = create(&main, "shop");
    let address = wallet["address"].as_str().unwrap().to_owned();
    invoke(&main, "sync", json!({"onProgress": channel()})).unwrap();
    invoke(&main, "faucet", json!({"onProgress": channel()})).unwrap();

    // Every asset, each proven: POINT first, then the four demo merchants.
    let holdings = invoke(&main, "holdings", json!({})).unwrap();
    assert_eq!(holdings["address"], address.as_str());
    assert_eq!(holdings["merchants"], 4);
    let symbols: Vec<&str> = holdings["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["asset"]["symbol"].as_str().unwrap())
        .collect();
    assert_eq!(symbols, ["POINT", "TEA", "MALL", "FUEL", "NEW"]);
    assert_eq!(holding(&holdings, "POINT")["balance"]["text"], "100");
    assert_eq!(holding(&holdings, "POINT")["held"], true);
    assert_eq!(holding(&holdings, "TEA")["held"], false);
    assert_eq!(holding(&holdings, "TEA")["status"], "approved");
    assert_eq!(holding(&holdings, "NEW")["status"], "proposed");
    assert!(
        holding(&holdings, "TEA")["proven"]["height"]
            .as_u64()
            .unwrap()
            >= 1
    );

    let merchants = invoke(&main, "merchants", json!({})).unwrap();
    assert_eq!(merchants.as_array().unwrap().len(), 4);
    assert_eq!(merchants[0]["asset"]["id"], "M1");
    assert_eq!(merchants[0]["rate"]["bid_per_point"], "0.0092");
    // The whole rate history, newest first, the current one marked.
    let tea = invoke(
        &main,
        "merchant",
        json!({"args": {"id": 1, "history": 100}}),
    )
    .unwrap();
    let versions: Vec<u64> = tea["rates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["version"].as_u64().unwrap())
        .collect();
    assert_eq!(versions, [3, 2, 1]);
    assert_eq!(tea["rates"][0]["current"], true);
    assert_eq!(tea["rates"][1]["current"], false);
    assert_eq!(tea["rates"][2]["bid_per_point"], "0.008");
    assert_eq!(tea["rate"]["fee_mode"], "settlement");
    assert_eq!(
        code(invoke(
            &main,
            "merchant",
            json!({"args": {"id": 9, "history": null}})
        )),
        "merchant-unknown"
    );

    // Buy 500 TEA with 5 POINT at the ask (0.01 POINT per TEA).
    let buy = json!({"merchant": "M1", "direction": "buy", "amount": "5",
        "slippage_bps": null, "fee": null, "from_index": 0});
    let quote = invoke(&main, "quote_swap", json!({"args": buy})).unwrap();
    assert_eq!(quote["kind"], "swap");
    assert_eq!(quote["receive"]["text"], "500");
    assert_eq!(quote["receive"]["asset"], "TEA");
    assert_eq!(quote["side"], "ask");
    assert_eq!(quote["rate"]["version"], 3);
    assert_eq!(
        quote["expires_at_ms"].as_u64().unwrap() - quote["quoted_at_ms"].as_u64().unwrap(),
        30_000
    );
    assert_eq!(
        code(invoke(
            &main,
            "confirm_action",
            json!({"args": {"review_id": "0000"}, "onProgress": channel()})
        )),
        "chain-no-such-review"
    );
    let bought = confirm(&main, &quote).unwrap();
    assert_eq!(bought["kind"], "swap");
    assert_eq!(bought["as_quoted"], true);
    assert_eq!(bought["received"]["text"], "500");
    assert_eq!(bought["balance_out_after"]["text"], "500");
    // Used up: the same review is not signed twice.
    assert_eq!(code(confirm(&main, &quote)), "chain-no-such-review");

    // Sell 100 TEA back at the bid (0.0092).
    let sell = json!({"merchant": "TEA", "direction": "sell", "amount": "100",
        "slippage_bps": null, "fee": null, "from_index": 0});
    let quote = invoke(&main, "quote_swap", json!({"args": sell})).unwrap();
    assert_eq!(quote["receive"]["text"], "0.92");
    assert_eq!(quote["side"], "bid");
    assert!(quote["withdrawal_fee"].is_object());
    let sold = confirm(&main, &quote).unwrap();
    assert_eq!(sold["as_quoted"], true);
    assert_eq!(sold["balance_in_after"]["text"], "400");
    // The chain's own minimum, with the amounts in the merchant's unit.
    let small = json!({"merchant": "TEA", "direction": "sell", "amount": "5",
        "slippage_bps": null, "fee": null, "from_index": 0});
    let refused = invoke(&main, "quote_swap", json!({"args": small})).unwrap_err();
    assert_eq!(refused["code"], "swap-below-minimum");

    // Ask to be paid 20 TEA with an order id, then pay it from the same wallet.
    let asked = invoke(
        &main,
        "request_payment",
        json!({"args": {"asset": "TEA", "amount": "20", "memo": "order 42",
            "label": "茶香咖啡 counter 1", "expires_in_s": 600, "index": 0}}),
    )
    .unwrap();
    assert!(asked["uri"].as_str().unwrap().starts_with("jifen:"));
    assert!(asked["qr_text"].as_str().unwrap().starts_with("JIFEN:"));
    assert_eq!(asked["to"], address.as_str());
    let svg = invoke(
        &main,
        "render_text_qr",
        json!({"args": {"text": asked["qr_text"]}}),
    )
    .unwrap();
    assert!(svg.as_str().unwrap().starts_with("<svg"));
    // Not paid yet: nothing after the history point the request recorded.
    let watch = json!({"len": asked["history_from"], "head": null, "last_height": 0});
    let find = json!({"args": {"request": asked["uri"], "watch": watch}});
    let first = invoke(&main, "find_payment", find.clone()).unwrap();
    assert!(first["seen"].is_null());
    // The next check reads on from the watch this one returned.
    let find = json!({"args": {"request": asked["uri"], "watch": first["watch"]}});
    let review = invoke(
        &main,
        "review_pay",
        json!({"args": {"request": asked["qr_text"], "amount": null, "fee": null, "from_index": 0}}),
    )
    .unwrap();
    assert_eq!(review["kind"], "pay");
    assert_eq!(review["amount"]["text"], "20");
    assert_eq!(review["memo"], "order 42");
    assert_eq!(review["label"], "茶香咖啡 counter 1");
    // The payee is this wallet, not a registered merchant's owner.
    assert!(review["payee"].is_null());
    let paid = confirm(&main, &review).unwrap();
    assert_eq!(paid["kind"], "pay");
    assert_eq!(paid["memo"], "order 42");
    assert_eq!(paid["balance_after"]["text"], "400");
    // Found among the payee's proven history, with its order id.
    let check = invoke(&main, "find_payment", find).unwrap();
    let seen = &check["seen"];
    assert_eq!(seen["tx_id"], paid["tx_id"]);
    assert!(seen["index"].is_u64());
    assert!(check["watch"]["len"].as_u64().unwrap() > first["watch"]["len"].as_u64().unwrap());
    assert_eq!(seen["memo"], "order 42");
    assert_eq!(seen["amount"]["text"], "20");
    assert_eq!(seen["from"], address.as_str());

    // The history, proven complete: the payment newest, then the swaps.
    let shown = invoke(&main, "history", json!({"args": {"limit": 3}})).unwrap();
    assert_eq!(shown["address"], address.as_str());
    let entries = shown["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 3);
    assert_eq!(
        shown["total"].as_u64().unwrap(),
        shown["older"].as_u64().unwrap() + 3
    );
    assert_eq!(entries[0]["tx_id"], paid["tx_id"]);
    assert_eq!(entries[0]["kind"], "transfer-asset");
    assert_eq!(entries[0]["memo"], "order 42");
    assert_eq!(entries[1]["tx_id"], sold["tx_id"]);
    assert_eq!(entries[1]["kind"], "swap");
    assert_eq!(entries[1]["result_code"], 0);
    assert!(entries[1]["height"].as_u64().unwrap() <= entries[0]["height"].as_u64().unwrap());
    // The swap's receipt saved as an audit bundle and checked offline.
    let saved = invoke(
        &main,
        "export_receipt",
        json!({"args": {"tx_id": sold["tx_id"]}}),
    )
    .unwrap();
    assert_eq!(saved["tx_id"], sold["tx_id"]);
    let bundle_path = saved["path"].as_str().unwrap();
    assert!(bundle_path.contains("receipt-"));
    let text = std::fs::read_to_string(bundle_path).unwrap();
    let report = invoke(
        &main,
        "verify_audit_bundle",
        json!({"args": {"text": text, "checkpoint": null}}),
    )
    .unwrap();
    assert_eq!(report["transaction"]["tx_id"], sold["tx_id"]);
    assert_eq!(report["transaction"]["kind"], "swap");
    let bad = invoke(&main, "export_receipt", json!({"args": {"tx_id": "abc"}})).unwrap_err();
    assert_eq!(bad["code"], "hash-wrong-length");

    // Refusals, each with its own message.
    let pay_error = |request: String| {
        invoke(
            &main,
            "review_pay",
            json!({"args": {"request": request, "amount": null, "fee": null, "from_index": 0}}),
        )
        .unwrap_err()["code"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let uri = asked["uri"].as_str().unwrap();
    assert_eq!(
        pay_error(uri.replace("chain=jifen-devnet", "chain=other-chain")),
        "payment-request-wrong-chain"
    );
    let expired = uri
        .split('&')
        .filter(|p| !p.starts_with("expires="))
        .collect::<Vec<_>>()
        .join("&");
    assert_eq!(
        pay_error(format!("{expired}&expires=1000")),
        "payment-request-expired"
    );
    assert!(pay_error("jifen:nothing".into()).starts_with("payment-request-"));
    assert_eq!(
        pay_error(uri.replace("amount=20", "amount=5000")),
        "points-insufficient-balance"
    );

    // Withdraw 10 POINT to fiat.
    let review = invoke(
        &main,
        "review_withdraw",
        json!({"args": {"amount": "10", "reference": "bank-ref-7", "fee": null, "from_index": 0}}),
    )
    .unwrap();
    assert_eq!(review["kind"], "withdraw");
    assert_eq!(review["withdrawal_fee"]["text"], "0.1");
    assert_eq!(review["payout"]["text"], "9.9");
    let withdrawn = confirm(&main, &review).unwrap();
    assert_eq!(withdrawn["kind"], "withdraw");
    assert_eq!(withdrawn["result_code"], 0);

    // A merchant's administration is refused to a wallet that does not own it.
    let not_mine = invoke(
        &main,
        "review_merchant_action",
        json!({"args": {"merchant": "TEA", "action": {"action": "top-up", "amount": "1"},
            "fee": null, "from_index": 0}}),
    )
    .unwrap_err();
    assert_eq!(not_mine["code"], "merchant-not-yours");

    // TEA's owner (the demo role restored from its public devnet words) runs it
    // from the app: issue points to the first wallet, top up the deposit,
    // publish a new rate version.
    let words = jifen_node::keys::NodeKey::devnet_role_words("merchant-1").unwrap();
    let owner = invoke(
        &main,
        "restore_wallet",
        json!({"args": {"name": "tea-owner", "phrase": words, "passphrase": "",
            "password": support::PASSWORD}}),
    )
    .unwrap();
    assert_eq!(owner["address"], merchants[0]["owner"]);
    let act = |action: Value| {
        invoke(
            &main,
            "review_merchant_action",
            json!({"args": {"merchant": "M1", "action": action, "fee": null, "from_index": 0}}),
        )
        .unwrap()
    };
    let issue = act(json!({"action": "issue", "to": address, "amount": "10"}));
    assert_eq!(issue["kind"], "merchant");
    assert_eq!(issue["action"], "issue");
    assert_eq!(issue["amount"]["text"], "10");
    assert_eq!(confirm(&main, &issue).unwrap()["kind"], "merchant");
    let top_up = act(json!({"action": "top-up", "amount": "1"}));
    assert_eq!(top_up["deposit"]["text"], "5004.08");
    assert_eq!(top_up["deposit_after"]["text"], "5005.08");
    confirm(&main, &top_up).unwrap();
    let rate = act(
        json!({"action": "set-rate", "fee_mode": "settlement", "bid": "0.0093",
        "ask": "0.01", "fee_bps": 0, "sell_min": "100", "sell_increment": "10", "buy_min": "1",
        "buy_increment": "0.01", "valid_for_blocks": 1000}),
    );
    assert_eq!(rate["rate"]["version"], 4);
    assert_eq!(rate["rate"]["bid_per_point"], "0.0093");
    confirm(&main, &rate).unwrap();
    let tea = invoke(
        &main,
        "merchant",
        json!({"args": {"id": 1, "history": 100}}),
    )
    .unwrap();
    assert_eq!(tea["rate"]["version"], 4);
    assert_eq!(tea["rates"].as_array().unwrap().len(), 4);
    devnet.stop();
}
