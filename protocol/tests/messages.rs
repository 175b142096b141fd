//! Every points and history error has a message in every language, and
//! gives every argument its message uses (`jifen_protocol::message::Coded`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use jifen_i18n::{Catalog, Locale, catalog_shape};
use jifen_protocol::history::HistoryError;
use jifen_protocol::message::Coded;
use jifen_protocol::points::{CouncilAction, MerchantStatus, PointsCode, PointsError};
use jifen_protocol::{Hash32, MerchantId};

fn points_errors() -> Vec<PointsError> {
    let merchant = MerchantId::new(3).unwrap();
    let errors = vec![
        PointsError::NotIssuer,
        PointsError::WithdrawBelowFee { amount: 1, fee: 2 },
        PointsError::PointInsufficient {
            needed: 2,
            available: 1,
        },
        PointsError::PointsInsufficient {
            merchant,
            needed: 2,
            available: 1,
        },
        PointsError::MerchantUnknown { merchant: 9 },
        PointsError::NotOwner { merchant },
        PointsError::NotApproved {
            merchant,
            status: MerchantStatus::Suspended,
        },
        PointsError::DepositTooSmall { minimum: 5, got: 1 },
        PointsError::DepositBelowRequired {
            required: 5,
            deposit: 6,
            amount: 2,
        },
        PointsError::RegistryFull,
        PointsError::NotCouncilMember,
        PointsError::AlreadyVoted {
            merchant,
            action: CouncilAction::Approve,
        },
        PointsError::ActionNotApplicable {
            merchant,
            action: CouncilAction::Suspend,
            status: MerchantStatus::Proposed,
        },
        PointsError::ValidUntilPast {
            valid_until: 3,
            height: 4,
        },
        PointsError::Overflow { what: "deposit" },
        PointsError::NotQuoting { merchant },
        PointsError::DeadlinePassed {
            deadline: 3,
            height: 4,
        },
        PointsError::RateStale {
            accepted: 1,
            current: 2,
        },
        PointsError::RateExpired {
            valid_until: 3,
            height: 4,
        },
        PointsError::BelowMinimum {
            minimum: 100,
            amount: 5,
        },
        PointsError::NotIncrement {
            increment: 10,
            amount: 15,
        },
        PointsError::BelowMinOut { min_out: 7, out: 6 },
        PointsError::DepositInsufficient {
            needed: 9,
            deposit: 8,
        },
    ];
    // One error per code, and every code has its error.
    let codes: BTreeSet<Option<PointsCode>> = errors.iter().map(PointsError::points_code).collect();
    assert_eq!(codes.len(), errors.len());
    assert_eq!(codes.len(), PointsCode::ALL.len() + 1);
    errors
}

fn history_errors() -> Vec<HistoryError> {
    vec![
        HistoryError::LengthMismatch {
            expected: 2,
            got: 1,
        },
        HistoryError::HeadMismatch {
            expected: Hash32([1; 32]),
            got: Hash32([2; 32]),
        },
        HistoryError::HeightOrder {
            index: 1,
            height: 2,
            previous: 3,
        },
        HistoryError::AfterProvenHeight {
            height: 9,
            proven: 8,
        },
        HistoryError::TooLong,
    ]
}

fn check(locale: Locale, error: &dyn Coded) {
    let catalog = Catalog::new(locale);
    let shape = catalog_shape(locale).unwrap();
    let message = error.message();
    assert!(catalog.has(message.code), "{locale}: {}", message.code);
    let names: BTreeSet<&str> = message.args.iter().map(|(name, _)| *name).collect();
    assert_eq!(
        names.len(),
        message.args.len(),
        "{}: repeated argument",
        message.code
    );
    for variable in &shape[message.code] {
        assert!(
            names.contains(variable.as_str()),
            "{locale}: {} uses ${variable}, not among {names:?}",
            message.code
        );
    }
    let text = catalog.format(message.code, &message.args);
    assert!(!text.contains('⟨') && !text.contains('{'), "{text}");
}

#[test]
fn every_points_and_history_error_has_a_message_with_its_arguments() {
    for locale in Locale::ALL {
        for error in points_errors() {
            check(locale, &error);
        }
        for error in history_errors() {
            check(locale, &error);
        }
    }
}
