//! The peer-to-peer request-response codec (`docs/p2p.md#requests`) and
//! peer addresses.
//!
//! The codec is reached through libp2p's `request_response::Codec` trait,
//! exactly as the swarm drives it, over an in-memory stream.

use futures::executor::block_on;
use futures::io::Cursor;
use jifen_p2p::codec::RpcCodec;
use jifen_p2p::{Inbound, Limits, Multiaddr, PeerAddress, Reply, Request};
use libp2p::StreamProtocol;
use libp2p::request_response::Codec as _;

/// Small bounds so that bodies over them are reached; the node's own bounds too.
const BOUNDS: [(u32, u32); 2] = [(64, 64), (256 * 1024, 8 * 1024 * 1024)];

/// Request and answer frames and peer addresses, fed `data`.
pub fn p2p(data: &[u8]) {
    let limits = Limits::default();
    for (max_request, max_response) in BOUNDS
        .into_iter()
        .chain([(limits.max_request_bytes, limits.max_response_bytes)])
    {
        request(data, max_request, max_response);
        answer(data, max_request, max_response);
    }
    addresses(data);
}

fn protocol_name() -> StreamProtocol {
    StreamProtocol::new("/jifen/fuzz/rpc/1")
}

/// A node reading a request stream.
fn request(data: &[u8], max_request: u32, max_response: u32) {
    let mut codec = RpcCodec::new(max_request, max_response);
    let mut stream = Cursor::new(data.to_vec());
    let Ok(inbound) = block_on(codec.read_request(&protocol_name(), &mut stream)) else {
        return;
    };
    let Inbound::Request(read) = inbound else {
        return;
    };
    assert!(
        read.body.len() <= usize::try_from(max_request).unwrap_or(usize::MAX),
        "a request body over the bound was read"
    );
    // Written again, the request is the bytes read.
    let mut written = Cursor::new(Vec::new());
    let mut writer = RpcCodec::new(max_request, max_response);
    block_on(writer.write_request(
        &protocol_name(),
        &mut written,
        Inbound::Request(Request {
            body: read.body.clone(),
            answer_limit: read.answer_limit,
            accepts_frame: read.accepts_frame,
        }),
    ))
    .expect("writing a request to memory");
    let written = written.into_inner();
    assert_eq!(
        data.get(..written.len()),
        Some(written.as_slice()),
        "a request read does not write back to its bytes"
    );
}

/// A client reading an answer stream.
fn answer(data: &[u8], max_request: u32, max_response: u32) {
    let mut codec = RpcCodec::new(max_request, max_response);
    let mut stream = Cursor::new(data.to_vec());
    let Ok(reply) = block_on(codec.read_response(&protocol_name(), &mut stream)) else {
        return;
    };
    assert!(
        reply.body.len() <= usize::try_from(max_response).unwrap_or(usize::MAX),
        "an answer body over the bound was read"
    );
    let mut written = Cursor::new(Vec::new());
    let mut writer = RpcCodec::new(max_request, max_response);
    block_on(writer.write_response(
        &protocol_name(),
        &mut written,
        Reply {
            frame: reply.frame,
            body: reply.body.clone(),
        },
    ))
    .expect("writing an answer to memory");
    let written = written.into_inner();
    assert_eq!(
        data.get(..written.len()),
        Some(written.as_slice()),
        "an answer read does not write back to its bytes"
    );
}

/// Peer addresses as typed (text) and multiaddrs as peers send them (binary).
fn addresses(data: &[u8]) {
    for text in crate::texts(data) {
        if let Ok(address) = PeerAddress::parse(&text) {
            let again = PeerAddress::parse(&address.to_string()).expect("re-reading an address");
            assert_eq!(again, address);
            let _ = address.is_loopback();
        }
        let _ = PeerAddress::looks_like(&text);
    }
    if let Ok(address) = Multiaddr::try_from(data.to_vec()) {
        let _ = address.to_string().parse::<Multiaddr>();
    }
}
