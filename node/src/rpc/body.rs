//! One HTTP body: a request or a batch, within its budgets (the JSON values
//! it may hold, the bytes its answers may take), answered in JSON or, for a
//! single `jifen_lightBlocks` call that accepts it, as a binary frame.

use jifen_rpc_types::{
    ErrorCode, ErrorObject, Id, LIGHT_BLOCKS_CONTENT_TYPE, LightBlocksParams, MAX_BATCH,
    MAX_JSON_VALUES, MAX_RESPONSE_BYTES, Request, Response, WireObject, json_values, method,
};
use serde_json::Value;

use super::http::{Accepts, Reply};
use super::{
    Fault, RangeEncoding, RpcContext, RpcError, call_within, invalid_params, light_blocks,
};

/// Handles one HTTP body as [`handle_body`] does, except that a single
/// `jifen_lightBlocks` call (not a notification, not in a batch) from a
/// request that accepts [`LIGHT_BLOCKS_CONTENT_TYPE`] is answered with the
/// frame of its blocks (`jifen_rpc_types::binary`). Its errors, and every
/// other request, are answered in JSON. The frame is held to
/// [`MAX_RESPONSE_BYTES`] like any answer.
#[must_use]
pub fn handle(ctx: &RpcContext, body: &[u8], accepts: Accepts) -> Option<Reply> {
    if let Some(delay) = ctx.fault.and_then(Fault::delay) {
        std::thread::sleep(delay);
    }
    // Lies that rewrite whole bodies are lies about JSON: such a node
    // answers JSON only.
    let frames = accepts.light_blocks_frame && !ctx.fault.is_some_and(Fault::rewrites_bodies);
    if frames && let Some(reply) = frame_answer(ctx, body) {
        return Some(reply);
    }
    json_answer(ctx, body).map(Reply::json)
}

/// The answer to `body` when it is a single `jifen_lightBlocks` call with
/// an id: the frame, or the call's error in JSON. `None` for anything else.
fn frame_answer(ctx: &RpcContext, body: &[u8]) -> Option<Reply> {
    if json_values(body, MAX_JSON_VALUES) > MAX_JSON_VALUES {
        return None;
    }
    let value = serde_json::from_slice::<Value>(body).ok()?;
    if !value.is_object() {
        return None;
    }
    let request = Request::from_json(&value).ok()?;
    if request.method != method::LIGHT_BLOCKS {
        return None;
    }
    let id = request.id?;
    let outcome = LightBlocksParams::from_json(&Value::Object(request.params))
        .map_err(invalid_params)
        .and_then(|params| {
            let blocks = light_blocks(ctx, params, MAX_RESPONSE_BYTES, RangeEncoding::Frame)?;
            let frame = blocks.to_frame(params.from);
            // The size counted while building leaves out the frame's
            // 20-byte head: check what is sent.
            if frame.len() > MAX_RESPONSE_BYTES {
                return Err(too_large(MAX_RESPONSE_BYTES));
            }
            Ok(frame)
        });
    match outcome {
        Ok(frame) => Some(Reply {
            body: match ctx.fault {
                Some(fault) => fault.mangle_frame(frame),
                None => frame,
            },
            content_type: LIGHT_BLOCKS_CONTENT_TYPE,
        }),
        Err(error) => {
            let response = Response {
                id,
                outcome: Err(error),
            };
            serde_json::to_vec(&response.to_json())
                .ok()
                .map(Reply::json)
        }
    }
}

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
    handle(ctx, body, Accepts::default()).map(|reply| reply.body)
}

/// [`handle_body`] after the fault's delay.
fn json_answer(ctx: &RpcContext, body: &[u8]) -> Option<Vec<u8>> {
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
