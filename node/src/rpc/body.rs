//! One HTTP body: a request or a batch, within its budgets (the JSON values
//! it may hold, the bytes its answers may take).

use jifen_rpc_types::{
    ErrorCode, ErrorObject, Id, MAX_BATCH, MAX_JSON_VALUES, MAX_RESPONSE_BYTES, Request, Response,
    json_values, method,
};
use serde_json::Value;

use super::{Fault, RpcContext, RpcError, call_within};

/// Handles one HTTP body: a request or a batch. `None` when every request
/// was a notification.
///
/// Budgets (`docs/adr/0011-hostile-nodes.md`): a body holding more than
/// [`MAX_JSON_VALUES`] JSON values is refused before it is parsed
/// (`invalid-request`); the answer to one request, and the whole answer to
/// a batch, hold at most [`MAX_RESPONSE_BYTES`]: a request whose answer
/// would not fit (a `jifen_lightBlocks` range of very large blocks, the
/// rest of a batch once the budget is spent) is answered
/// `response-too-large` (2005) instead, so a 9.5 KB batch can no longer ask
/// for 80 MB.
#[must_use]
pub fn handle_body(ctx: &RpcContext, body: &[u8]) -> Option<Vec<u8>> {
    if let Some(delay) = ctx.fault.and_then(Fault::delay) {
        std::thread::sleep(delay);
    }
    let response = if json_values(body, MAX_JSON_VALUES) > MAX_JSON_VALUES {
        Some(
            Response::error(
                Id::Null,
                ErrorObject::new(
                    ErrorCode::InvalidRequest,
                    format!("more than {MAX_JSON_VALUES} JSON values"),
                ),
            )
            .to_json(),
        )
    } else {
        match serde_json::from_slice::<Value>(body) {
            Err(err) => Some(
                Response::error(
                    Id::Null,
                    ErrorObject::new(ErrorCode::ParseError, err.to_string()),
                )
                .to_json(),
            ),
            Ok(Value::Array(requests)) => batch(ctx, &requests),
            Ok(request) => handle_request(ctx, &request, MAX_RESPONSE_BYTES)
                .map(|response| within_budget(response, MAX_RESPONSE_BYTES).0),
        }
    };
    let mut bytes = serde_json::to_vec(&response?).ok()?;
    if let Some(fault) = ctx.fault {
        let blocks = [method::LIGHT_BLOCK, method::LIGHT_BLOCKS]
            .iter()
            .any(|name| {
                let quoted = format!("\"{name}\"");
                body.windows(quoted.len())
                    .any(|window| window == quoted.as_bytes())
            });
        bytes = fault.mangle_body(bytes, blocks);
    }
    Some(bytes)
}

/// The answers to a batch, within one [`MAX_RESPONSE_BYTES`] budget.
fn batch(ctx: &RpcContext, requests: &[Value]) -> Option<Value> {
    if requests.is_empty() {
        return Some(
            Response::error(
                Id::Null,
                ErrorObject::new(ErrorCode::InvalidRequest, "empty batch"),
            )
            .to_json(),
        );
    }
    if requests.len() > MAX_BATCH {
        return Some(
            Response::error(
                Id::Null,
                ErrorObject::new(
                    ErrorCode::BatchTooLarge,
                    format!("at most {MAX_BATCH} requests per batch"),
                ),
            )
            .to_json(),
        );
    }
    let mut left = MAX_RESPONSE_BYTES;
    let mut responses = Vec::new();
    for request in requests {
        let Some(response) = handle_request(ctx, request, left) else {
            continue;
        };
        let (response, size) = within_budget(response, left);
        left = left.saturating_sub(size);
        responses.push(response);
    }
    (!responses.is_empty()).then_some(Value::Array(responses))
}

/// `response` as JSON with its size, or a `response-too-large` error in its
/// place if it is larger than `budget` bytes.
fn within_budget(response: Response, budget: usize) -> (Value, usize) {
    let json = response.to_json();
    let size = serde_json::to_vec(&json).map_or(usize::MAX, |bytes| bytes.len());
    if size <= budget {
        return (json, size);
    }
    let refused = Response {
        id: response.id,
        outcome: Err(too_large(budget)),
    }
    .to_json();
    (refused, 0)
}

pub(super) fn too_large(budget: usize) -> RpcError {
    ErrorObject::new(
        ErrorCode::ResponseTooLarge,
        format!(
            "the answer would be over the {budget} bytes left of the {MAX_RESPONSE_BYTES}-byte budget"
        ),
    )
}

fn handle_request(ctx: &RpcContext, request: &Value, budget: usize) -> Option<Response> {
    let request = match Request::from_json(request) {
        Ok(request) => request,
        Err(error) => return error.response(),
    };
    let outcome = call_within(ctx, &request.method, &request.params, budget);
    // A request without "id" is a notification: run, but no response.
    Some(Response {
        id: request.id?,
        outcome,
    })
}
