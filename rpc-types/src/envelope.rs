//! The JSON-RPC 2.0 envelope: requests, responses, error objects and the
//! node's error codes (`docs/rpc.md#errors`).

use jifen_protocol::message::{Arg, Coded};
use jifen_protocol::points::PointsCode;
use jifen_protocol::provenance::ProvenanceCode;
use jifen_protocol::subchain::SubchainCode;
use serde_json::{Map, Number, Value};

use crate::Call;

/// The protocol version every request and response carries.
pub const VERSION: &str = "2.0";

/// A request id: a number, a string or null (JSON-RPC 2.0). Numbers are
/// kept as written so that the response echoes them exactly.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Id {
    /// `null`.
    Null,
    /// A number.
    Number(Number),
    /// A string.
    String(String),
}

impl Id {
    /// The id as JSON.
    #[must_use]
    pub fn to_json(&self) -> Value {
        match self {
            Self::Null => Value::Null,
            Self::Number(number) => Value::Number(number.clone()),
            Self::String(text) => Value::String(text.clone()),
        }
    }

    /// An id from JSON; `None` for a value that cannot be an id (an object,
    /// an array, a boolean).
    #[must_use]
    pub fn from_json(value: &Value) -> Option<Self> {
        match value {
            Value::Null => Some(Self::Null),
            Value::Number(number) => Some(Self::Number(number.clone())),
            Value::String(text) => Some(Self::String(text.clone())),
            Value::Bool(_) | Value::Array(_) | Value::Object(_) => None,
        }
    }
}

impl From<u64> for Id {
    fn from(number: u64) -> Self {
        Self::Number(Number::from(number))
    }
}

/// A request: `{"jsonrpc": "2.0", "id": .., "method": .., "params": {..}}`.
/// Parameters are always by name (an object).
#[derive(Debug, Clone, PartialEq)]
pub struct Request {
    /// The id; `None` makes the request a notification (no response).
    pub id: Option<Id>,
    /// The method name (see [`crate::method`]).
    pub method: String,
    /// The parameters by name.
    pub params: Map<String, Value>,
}

impl Request {
    /// The request for a typed call.
    #[must_use]
    pub fn call<C: Call>(id: Id, params: &C) -> Self {
        let params = match params.to_json() {
            Value::Object(map) => map,
            // Every params type writes an object (see `crate::WireObject`).
            _ => Map::new(),
        };
        Self {
            id: Some(id),
            method: C::METHOD.to_owned(),
            params,
        }
    }

    /// The request as JSON.
    #[must_use]
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("jsonrpc".to_owned(), Value::from(VERSION));
        if let Some(id) = &self.id {
            object.insert("id".to_owned(), id.to_json());
        }
        object.insert("method".to_owned(), Value::from(self.method.clone()));
        object.insert("params".to_owned(), Value::Object(self.params.clone()));
        Value::Object(object)
    }

    /// Reads a request object (a server's view). Absent or null `params`
    /// are no parameters.
    ///
    /// # Errors
    /// [`RequestError`]: what the server answers instead of running it.
    pub fn from_json(value: &Value) -> Result<Self, RequestError> {
        let Value::Object(object) = value else {
            return Err(RequestError::NotAnObject);
        };
        let id = object.get("id").map(Id::from_json);
        let method = object.get("method").and_then(Value::as_str);
        let version_ok = object.get("jsonrpc").and_then(Value::as_str) == Some(VERSION);
        let (Some(method), true, None | Some(Some(_))) = (method, version_ok, &id) else {
            return Err(RequestError::Invalid { id: id.flatten() });
        };
        let id = id.flatten();
        let params = match object.get("params") {
            None | Some(Value::Null) => Map::new(),
            Some(Value::Object(map)) => map.clone(),
            Some(_) => return Err(RequestError::ParamsNotObject { id }),
        };
        Ok(Self {
            id,
            method: method.to_owned(),
            params,
        })
    }
}

/// Why a request is not run.
///
/// Codes: `rpc-request-not-an-object`, `rpc-request-invalid`,
/// `rpc-request-params-not-object`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RequestError {
    /// The request is not a JSON object.
    #[error("not an object")]
    NotAnObject,
    /// No method, a version other than "2.0", or an id that is not a number,
    /// string or null.
    #[error("invalid request")]
    Invalid {
        /// The request's id, if it had a valid one.
        id: Option<Id>,
    },
    /// `params` is neither an object nor null (parameters are by name).
    #[error("params must be an object (by name)")]
    ParamsNotObject {
        /// The request's id (`None`: a notification, no answer).
        id: Option<Id>,
    },
}

impl RequestError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotAnObject => "rpc-request-not-an-object",
            Self::Invalid { .. } => "rpc-request-invalid",
            Self::ParamsNotObject { .. } => "rpc-request-params-not-object",
        }
    }

    /// The response the server sends, `None` for a notification (a request
    /// without id whose params are wrong gets no answer, like any
    /// notification; an unreadable request is answered with id null).
    #[must_use]
    pub fn response(&self) -> Option<Response> {
        let (id, code) = match self {
            Self::NotAnObject => (Id::Null, ErrorCode::InvalidRequest),
            Self::Invalid { id } => (id.clone().unwrap_or(Id::Null), ErrorCode::InvalidRequest),
            Self::ParamsNotObject { id } => (id.clone()?, ErrorCode::InvalidParams),
        };
        Some(Response::error(
            id,
            ErrorObject::new(code, self.to_string()),
        ))
    }
}

impl Coded for RequestError {
    fn code(&self) -> &'static str {
        RequestError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::NotAnObject | Self::Invalid { .. } | Self::ParamsNotObject { .. } => Vec::new(),
        }
    }
}

/// A response: the request's id and its result or error.
#[derive(Debug, Clone, PartialEq)]
pub struct Response {
    /// The request's id (null when the request could not be read).
    pub id: Id,
    /// The result, or the error.
    pub outcome: Result<Value, ErrorObject>,
}

impl Response {
    /// A successful response.
    #[must_use]
    pub fn result(id: Id, result: Value) -> Self {
        Self {
            id,
            outcome: Ok(result),
        }
    }

    /// An error response.
    #[must_use]
    pub fn error(id: Id, error: ErrorObject) -> Self {
        Self {
            id,
            outcome: Err(error),
        }
    }

    /// The response as JSON.
    #[must_use]
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("jsonrpc".to_owned(), Value::from(VERSION));
        object.insert("id".to_owned(), self.id.to_json());
        match &self.outcome {
            Ok(result) => object.insert("result".to_owned(), result.clone()),
            Err(error) => object.insert("error".to_owned(), error.to_json()),
        };
        Value::Object(object)
    }

    /// Reads a response body (a client's view).
    ///
    /// # Errors
    /// [`EnvelopeError::NotJson`], and those of [`Response::from_json`].
    pub fn parse(body: &[u8]) -> Result<Self, EnvelopeError> {
        let value: Value =
            serde_json::from_slice(body).map_err(|error| EnvelopeError::NotJson {
                message: error.to_string(),
            })?;
        Self::from_json(&value)
    }

    /// Reads a response object.
    ///
    /// # Errors
    /// [`EnvelopeError`]: not an object, another version, an id that is not
    /// an id, neither result nor error, or a malformed error object.
    pub fn from_json(value: &Value) -> Result<Self, EnvelopeError> {
        let Value::Object(object) = value else {
            return Err(EnvelopeError::NotAnObject);
        };
        if object.get("jsonrpc").and_then(Value::as_str) != Some(VERSION) {
            return Err(EnvelopeError::WrongVersion);
        }
        let id = object
            .get("id")
            .and_then(Id::from_json)
            .ok_or(EnvelopeError::WrongId)?;
        let outcome = match (object.get("error"), object.get("result")) {
            (Some(error), _) => Err(ErrorObject::from_json(error)?),
            (None, Some(result)) => Ok(result.clone()),
            (None, None) => return Err(EnvelopeError::NoOutcome),
        };
        Ok(Self { id, outcome })
    }

    /// The outcome, if this is the response to the request with `id`.
    ///
    /// # Errors
    /// [`EnvelopeError::WrongId`].
    pub fn outcome_for(self, id: &Id) -> Result<Result<Value, ErrorObject>, EnvelopeError> {
        if &self.id == id {
            Ok(self.outcome)
        } else {
            Err(EnvelopeError::WrongId)
        }
    }
}

/// Why a body is not a JSON-RPC 2.0 response to the request.
///
/// Codes: `rpc-not-json`, `rpc-not-an-object`, `rpc-wrong-version`,
/// `rpc-wrong-id`, `rpc-no-outcome`, `rpc-bad-error-object`.
///
/// Not `#[non_exhaustive]`, for the same reason as [`crate::WireError`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EnvelopeError {
    /// The body is not JSON.
    #[error("not JSON: {message}")]
    NotJson {
        /// The parser's message.
        message: String,
    },
    /// The response is not an object.
    #[error("not an object")]
    NotAnObject,
    /// `jsonrpc` is not "2.0".
    #[error("jsonrpc is not \"2.0\"")]
    WrongVersion,
    /// The id is not the request's.
    #[error("id is not the request's")]
    WrongId,
    /// Neither `result` nor `error`.
    #[error("neither result nor error")]
    NoOutcome,
    /// The error object lacks its integer `code` or its string `message`.
    #[error("error object without {missing}")]
    BadErrorObject {
        /// What it lacks.
        missing: &'static str,
    },
}

impl EnvelopeError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::NotJson { .. } => "rpc-not-json",
            Self::NotAnObject => "rpc-not-an-object",
            Self::WrongVersion => "rpc-wrong-version",
            Self::WrongId => "rpc-wrong-id",
            Self::NoOutcome => "rpc-no-outcome",
            Self::BadErrorObject { .. } => "rpc-bad-error-object",
        }
    }
}

impl Coded for EnvelopeError {
    fn code(&self) -> &'static str {
        EnvelopeError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::NotJson { message } => vec![("detail", message.into())],
            Self::BadErrorObject { missing } => vec![("missing", (*missing).into())],
            Self::NotAnObject | Self::WrongVersion | Self::WrongId | Self::NoOutcome => Vec::new(),
        }
    }
}

/// An error object: `{"code": <number>, "message": .., "data": {"code": <name>}}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorObject {
    /// The numeric code ([`ErrorCode::number`] for the node's own).
    pub code: i64,
    /// The message, for people.
    pub message: String,
    /// The stable kebab-case name (`data.code`), if any.
    pub name: Option<String>,
}

impl ErrorObject {
    /// An error of the node's with its code, name and `message`.
    #[must_use]
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        Self {
            code: code.number(),
            message: message.into(),
            name: Some(code.name().to_owned()),
        }
    }

    /// The known code this error has, if it is one of the node's.
    #[must_use]
    pub fn known(&self) -> Option<ErrorCode> {
        ErrorCode::from_number(self.code)
    }

    /// Whether this is the error `code`.
    #[must_use]
    pub fn is(&self, code: ErrorCode) -> bool {
        self.code == code.number()
    }

    /// The error object as JSON.
    #[must_use]
    pub fn to_json(&self) -> Value {
        let mut object = Map::new();
        object.insert("code".to_owned(), Value::from(self.code));
        object.insert("message".to_owned(), Value::from(self.message.clone()));
        if let Some(name) = &self.name {
            let mut data = Map::new();
            data.insert("code".to_owned(), Value::from(name.clone()));
            object.insert("data".to_owned(), Value::Object(data));
        }
        Value::Object(object)
    }

    /// Reads an error object. `data.code` is optional (other servers may
    /// not name their errors); `code` and `message` are required.
    ///
    /// # Errors
    /// [`EnvelopeError::BadErrorObject`].
    pub fn from_json(value: &Value) -> Result<Self, EnvelopeError> {
        let code =
            value
                .get("code")
                .and_then(Value::as_i64)
                .ok_or(EnvelopeError::BadErrorObject {
                    missing: "an integer code",
                })?;
        let message =
            value
                .get("message")
                .and_then(Value::as_str)
                .ok_or(EnvelopeError::BadErrorObject {
                    missing: "a string message",
                })?;
        let name = value
            .get("data")
            .and_then(|data| data.get("code"))
            .and_then(Value::as_str)
            .map(str::to_owned);
        Ok(Self {
            code,
            message: message.to_owned(),
            name,
        })
    }
}

/// The node's error codes and their names (`docs/rpc.md#errors`). The
/// transaction codes 1001-1011, the points rules 1101-1199
/// ([`ErrorCode::Points`]), the subchain rules 1201-1299
/// ([`ErrorCode::Subchain`]) and the provenance rules 1301-1312
/// ([`ErrorCode::Provenance`]) are also the result codes a block records
/// (`jifen_protocol::tx_result`); 1320-1324 refuse a submitted
/// provenance record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ErrorCode {
    /// -32700 `parse-error`: the body is not JSON.
    ParseError,
    /// -32600 `invalid-request`: not a request object, or an empty batch.
    InvalidRequest,
    /// -32601 `method-not-found`.
    MethodNotFound,
    /// -32602 `invalid-params`: a missing or ill-typed parameter.
    InvalidParams,
    /// -32603 `internal`: the node failed (storage).
    Internal,
    /// 1001 `tx-malformed`.
    TxMalformed,
    /// 1002 `tx-bad-signature`.
    TxBadSignature,
    /// 1003 `tx-wrong-chain-id`.
    TxWrongChainId,
    /// 1004 `tx-nonce-too-low`.
    TxNonceTooLow,
    /// 1005 `tx-nonce-gap`.
    TxNonceGap,
    /// 1006 `tx-insufficient-balance`.
    TxInsufficientBalance,
    /// 1007 `tx-fee-too-low`.
    TxFeeTooLow,
    /// 1008 `tx-insufficient-stake` (block result code only).
    TxInsufficientStake,
    /// 1009 `tx-already-known`.
    TxAlreadyKnown,
    /// 1010 `mempool-full`.
    MempoolFull,
    /// 1011 `tx-overflow` (block result code only).
    TxOverflow,
    /// 1101-1199: a points rule (`jifen_protocol::points::PointsCode`).
    Points(PointsCode),
    /// 1201-1299: a subchain rule (`jifen_protocol::subchain::SubchainCode`);
    /// 1201 `subchain-unknown` also answers a read about an unregistered
    /// subchain.
    Subchain(SubchainCode),
    /// 1301-1399: a provenance rule
    /// (`jifen_protocol::provenance::ProvenanceCode`): 1301-1312 refuse a
    /// transaction, 1320-1324 a record given to `jifen_provenanceSubmit`.
    Provenance(ProvenanceCode),
    /// 1099 `state-corrupt`: a stored state record does not decode (the
    /// node's storage is damaged).
    StateCorrupt,
    /// 2001 `height-not-available`.
    HeightNotAvailable,
    /// 2002 `range-too-large`.
    RangeTooLarge,
    /// 2003 `tx-not-found`.
    TxNotFound,
    /// 2004 `batch-too-large`.
    BatchTooLarge,
    /// 2005 `response-too-large`: the answer would pass the node's budget
    /// for one request or one batch ([`crate::MAX_RESPONSE_BYTES`]); ask
    /// for less (a shorter range, fewer requests in a batch).
    ResponseTooLarge,
    /// 2006 `subchain-not-kept`: the node does not keep that subchain's
    /// blocks and states (it anchors its headers only), so it cannot prove
    /// a subchain state value.
    SubchainNotKept,
}

impl ErrorCode {
    /// Every code but the points, subchain and provenance rules (those are
    /// [`PointsCode::ALL`], [`SubchainCode::ALL`] and
    /// [`ProvenanceCode::ALL`]).
    pub const ALL: [Self; 23] = [
        Self::ParseError,
        Self::InvalidRequest,
        Self::MethodNotFound,
        Self::InvalidParams,
        Self::Internal,
        Self::TxMalformed,
        Self::TxBadSignature,
        Self::TxWrongChainId,
        Self::TxNonceTooLow,
        Self::TxNonceGap,
        Self::TxInsufficientBalance,
        Self::TxFeeTooLow,
        Self::TxInsufficientStake,
        Self::TxAlreadyKnown,
        Self::MempoolFull,
        Self::TxOverflow,
        Self::StateCorrupt,
        Self::HeightNotAvailable,
        Self::RangeTooLarge,
        Self::TxNotFound,
        Self::BatchTooLarge,
        Self::ResponseTooLarge,
        Self::SubchainNotKept,
    ];

    /// The numeric code.
    #[must_use]
    pub const fn number(self) -> i64 {
        match self {
            Self::ParseError => -32700,
            Self::InvalidRequest => -32600,
            Self::MethodNotFound => -32601,
            Self::InvalidParams => -32602,
            Self::Internal => -32603,
            Self::TxMalformed => 1001,
            Self::TxBadSignature => 1002,
            Self::TxWrongChainId => 1003,
            Self::TxNonceTooLow => 1004,
            Self::TxNonceGap => 1005,
            Self::TxInsufficientBalance => 1006,
            Self::TxFeeTooLow => 1007,
            Self::TxInsufficientStake => 1008,
            Self::TxAlreadyKnown => 1009,
            Self::MempoolFull => 1010,
            Self::TxOverflow => 1011,
            Self::Points(code) => code.number() as i64,
            Self::Subchain(code) => code.number() as i64,
            Self::Provenance(code) => code.number() as i64,
            Self::StateCorrupt => 1099,
            Self::HeightNotAvailable => 2001,
            Self::RangeTooLarge => 2002,
            Self::TxNotFound => 2003,
            Self::BatchTooLarge => 2004,
            Self::ResponseTooLarge => 2005,
            Self::SubchainNotKept => 2006,
        }
    }

    /// The stable kebab-case name (`data.code`).
    #[must_use]
    pub const fn name(self) -> &'static str {
        match self {
            Self::ParseError => "parse-error",
            Self::InvalidRequest => "invalid-request",
            Self::MethodNotFound => "method-not-found",
            Self::InvalidParams => "invalid-params",
            Self::Internal => "internal",
            Self::TxMalformed => "tx-malformed",
            Self::TxBadSignature => "tx-bad-signature",
            Self::TxWrongChainId => "tx-wrong-chain-id",
            Self::TxNonceTooLow => "tx-nonce-too-low",
            Self::TxNonceGap => "tx-nonce-gap",
            Self::TxInsufficientBalance => "tx-insufficient-balance",
            Self::TxFeeTooLow => "tx-fee-too-low",
            Self::TxInsufficientStake => "tx-insufficient-stake",
            Self::TxAlreadyKnown => "tx-already-known",
            Self::MempoolFull => "mempool-full",
            Self::TxOverflow => "tx-overflow",
            Self::Points(code) => code.code(),
            Self::Subchain(code) => code.as_str(),
            Self::Provenance(code) => code.as_str(),
            Self::StateCorrupt => "state-corrupt",
            Self::HeightNotAvailable => "height-not-available",
            Self::RangeTooLarge => "range-too-large",
            Self::TxNotFound => "tx-not-found",
            Self::BatchTooLarge => "batch-too-large",
            Self::ResponseTooLarge => "response-too-large",
            Self::SubchainNotKept => "subchain-not-kept",
        }
    }

    /// The code with this number, if the node defines one.
    #[must_use]
    pub fn from_number(number: i64) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|code| code.number() == number)
            .or_else(|| {
                let number = u16::try_from(number).ok()?;
                PointsCode::from_number(number)
                    .map(Self::Points)
                    .or_else(|| SubchainCode::from_number(number).map(Self::Subchain))
                    .or_else(|| ProvenanceCode::from_number(number).map(Self::Provenance))
            })
    }

    /// Whether the node refused a transaction with this code (1001-1099):
    /// the transaction's fault, not the node's.
    #[must_use]
    pub const fn is_transaction_refusal(self) -> bool {
        matches!(self.number(), 1000..=1999)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;

    #[test]
    fn codes_and_names_are_unique() {
        let all: Vec<ErrorCode> = ErrorCode::ALL
            .into_iter()
            .chain(PointsCode::ALL.into_iter().map(ErrorCode::Points))
            .chain(SubchainCode::ALL.into_iter().map(ErrorCode::Subchain))
            .chain(ProvenanceCode::ALL.into_iter().map(ErrorCode::Provenance))
            .collect();
        let mut numbers: Vec<i64> = all.iter().map(|c| c.number()).collect();
        let mut names: Vec<&str> = all.iter().map(|c| c.name()).collect();
        numbers.sort_unstable();
        numbers.dedup();
        names.sort_unstable();
        names.dedup();
        assert_eq!(numbers.len(), all.len());
        assert_eq!(names.len(), all.len());
        for code in all {
            assert_eq!(
                code.is_transaction_refusal(),
                (1000..2000).contains(&code.number())
            );
            assert_eq!(ErrorCode::from_number(code.number()), Some(code));
        }
        assert_eq!(ErrorCode::from_number(7), None);
    }

    #[test]
    fn requests_are_read_as_the_server_always_did() {
        let ok = Request::from_json(&json!({"jsonrpc": "2.0", "id": "a", "method": "m"})).unwrap();
        assert_eq!(ok.id, Some(Id::String("a".into())));
        assert!(ok.params.is_empty());
        let notification =
            Request::from_json(&json!({"jsonrpc": "2.0", "method": "m", "params": {"x": 1}}))
                .unwrap();
        assert_eq!(notification.id, None);
        assert_eq!(notification.params["x"], 1);
        let cases = [
            (json!([1]), RequestError::NotAnObject),
            (
                json!({"jsonrpc": "1.0", "id": 1, "method": "m"}),
                RequestError::Invalid {
                    id: Some(Id::from(1)),
                },
            ),
            (
                json!({"jsonrpc": "2.0", "id": {}, "method": "m"}),
                RequestError::Invalid { id: None },
            ),
            (
                json!({"jsonrpc": "2.0", "id": 2}),
                RequestError::Invalid {
                    id: Some(Id::from(2)),
                },
            ),
            (
                json!({"jsonrpc": "2.0", "id": 3, "method": "m", "params": [1]}),
                RequestError::ParamsNotObject {
                    id: Some(Id::from(3)),
                },
            ),
        ];
        for (request, expected) in cases {
            assert_eq!(Request::from_json(&request).unwrap_err(), expected);
        }
        let silent = RequestError::ParamsNotObject { id: None };
        assert_eq!(silent.response(), None);
        let answer = RequestError::NotAnObject.response().unwrap().to_json();
        assert_eq!(
            answer,
            json!({"jsonrpc": "2.0", "id": null, "error": {"code": -32600,
                "message": "not an object", "data": {"code": "invalid-request"}}})
        );
    }

    #[test]
    fn request_json_has_the_documented_shape() {
        let request = Request {
            id: Some(Id::from(7)),
            method: "jifen_status".into(),
            params: Map::new(),
        };
        assert_eq!(
            request.to_json(),
            json!({"jsonrpc": "2.0", "id": 7, "method": "jifen_status", "params": {}})
        );
    }

    #[test]
    fn responses_are_checked() {
        let cases: [(Value, &str); 6] = [
            (json!([1]), "rpc-not-an-object"),
            (
                json!({"jsonrpc": "1.0", "id": 1, "result": 1}),
                "rpc-wrong-version",
            ),
            (
                json!({"jsonrpc": "2.0", "id": {}, "result": 1}),
                "rpc-wrong-id",
            ),
            (json!({"jsonrpc": "2.0", "id": 1}), "rpc-no-outcome"),
            (
                json!({"jsonrpc": "2.0", "id": 1, "error": {"message": "x"}}),
                "rpc-bad-error-object",
            ),
            (
                json!({"jsonrpc": "2.0", "id": 1, "error": {"code": 1}}),
                "rpc-bad-error-object",
            ),
        ];
        for (answer, code) in cases {
            assert_eq!(Response::from_json(&answer).unwrap_err().code(), code);
        }
        assert_eq!(
            Response::parse(b"{\"jsonrpc\"").unwrap_err().code(),
            "rpc-not-json"
        );
        let answer = json!({"jsonrpc": "2.0", "id": 2, "result": 7});
        let response = Response::from_json(&answer).unwrap();
        assert_eq!(response.to_json(), answer);
        assert_eq!(
            response.clone().outcome_for(&Id::from(1)).unwrap_err(),
            EnvelopeError::WrongId
        );
        assert_eq!(response.outcome_for(&Id::from(2)).unwrap(), Ok(json!(7)));
        let error = json!({"jsonrpc": "2.0", "id": 1, "error": {"code": 2001,
            "message": "height 9 is not available (tip 8)",
            "data": {"code": "height-not-available"}}});
        let response = Response::from_json(&error).unwrap();
        assert_eq!(response.to_json(), error);
        let Err(object) = response.outcome else {
            panic!("an error response")
        };
        assert_eq!(object.known(), Some(ErrorCode::HeightNotAvailable));
        assert!(object.is(ErrorCode::HeightNotAvailable));
    }
}
