//! The request-response codec: length-prefixed frames with bounds checked
//! before anything is allocated (`docs/p2p.md#requests`).
//!
//! Request: one flags byte (bit 0: a binary light-block range is accepted
//! as the answer, what `Accept: application/vnd.jifen.light-blocks.v1`
//! says over HTTP; other bits must be 0), a `u32` big-endian length, then
//! the JSON-RPC request body.
//! Answer: one kind byte ([`Reply::frame`]: 0 JSON, 1 a binary light-block
//! range), a `u32` big-endian length, then the body. A length over the
//! bound, an unknown kind or a stream that ends early is an
//! [`std::io::ErrorKind::InvalidData`] error: libp2p reports it as a
//! failure of that request, and the network drops the peer that sent it.

use std::io;

use futures::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};
use libp2p::StreamProtocol;
use libp2p::request_response;

/// One answer: a body and whether it is a binary light-block range.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reply {
    /// Kind 1: a `JLB1` light-block range (`application/vnd.jifen.light-blocks.v1`).
    pub frame: bool,
    /// The body.
    pub body: Vec<u8>,
}

/// One request and the largest answer its sender accepts (the bound is
/// the sender's, never sent).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Request {
    /// The JSON-RPC request body.
    pub body: Vec<u8>,
    /// The largest answer body read.
    pub answer_limit: u32,
    /// A binary light-block range is accepted as the answer.
    pub accepts_frame: bool,
}

/// What a node reads from a request stream: a request, or the reason the
/// stream broke the codec. libp2p reports a request that fails to *read*
/// to nobody, so the codec hands the failure up as a message instead, and
/// the network drops the peer that sent it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inbound {
    /// A well-formed request.
    Request(Request),
    /// What was wrong (the rest of the stream is not read).
    Refused(CodecError),
}

/// The codec; `max_request` bounds what a node reads, `max_response` what
/// a client reads at most (each request may lower it).
#[derive(Debug, Clone)]
pub struct RpcCodec {
    max_request: u32,
    max_response: u32,
    /// The bound of the request this stream carries (set when it is written).
    answer_limit: u32,
}

impl RpcCodec {
    /// A codec with these bounds.
    #[must_use]
    pub const fn new(max_request: u32, max_response: u32) -> Self {
        Self {
            max_request,
            max_response,
            answer_limit: max_response,
        }
    }
}

/// What is wrong with a frame (inside the [`io::Error`] of kind
/// `InvalidData` the codec returns; [`crate::network`] reads it back).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum CodecError {
    /// A body over its bound (refused from the length alone).
    #[error("{what} of {length} bytes is over the bound of {limit}")]
    TooLarge {
        /// `request` or `answer`.
        what: &'static str,
        /// The length announced.
        length: u32,
        /// The bound.
        limit: u32,
    },
    /// An answer kind other than 0 (JSON) or 1 (frame).
    #[error("answer of unknown kind {0}")]
    UnknownKind(u8),
    /// Request flags with bits other than bit 0.
    #[error("request flags {0:#04x} have unknown bits")]
    UnknownFlags(u8),
}

impl CodecError {
    /// The codec error inside `error`, if it is one.
    #[must_use]
    pub fn of(error: &io::Error) -> Option<&Self> {
        error
            .get_ref()
            .and_then(|inner| inner.downcast_ref::<Self>())
    }
}

fn invalid(error: CodecError) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, error)
}

async fn read_body<T: AsyncRead + Unpin + Send>(
    io: &mut T,
    limit: u32,
    what: &'static str,
) -> io::Result<Vec<u8>> {
    let mut length = [0u8; 4];
    io.read_exact(&mut length).await?;
    let length = u32::from_be_bytes(length);
    if length > limit {
        return Err(invalid(CodecError::TooLarge {
            what,
            length,
            limit,
        }));
    }
    let mut body = vec![0u8; usize::try_from(length).unwrap_or(usize::MAX)];
    io.read_exact(&mut body).await?;
    Ok(body)
}

async fn write_body<T: AsyncWrite + Unpin + Send>(io: &mut T, body: &[u8]) -> io::Result<()> {
    let length = u32::try_from(body.len())
        .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "body over 4 GiB"))?;
    io.write_all(&length.to_be_bytes()).await?;
    io.write_all(body).await?;
    io.close().await
}

impl request_response::Codec for RpcCodec {
    type Protocol = StreamProtocol;
    type Request = Inbound;
    type Response = Reply;

    async fn read_request<T>(&mut self, _: &StreamProtocol, io: &mut T) -> io::Result<Inbound>
    where
        T: AsyncRead + Unpin + Send,
    {
        let mut flags = [0u8; 1];
        io.read_exact(&mut flags).await?;
        let accepts_frame = match flags {
            [0] => false,
            [1] => true,
            [other] => return Ok(Inbound::Refused(CodecError::UnknownFlags(other))),
        };
        match read_body(io, self.max_request, "request").await {
            Ok(body) => Ok(Inbound::Request(Request {
                body,
                answer_limit: self.max_response,
                accepts_frame,
            })),
            Err(error) => match CodecError::of(&error) {
                Some(refused) => Ok(Inbound::Refused(refused.clone())),
                None => Err(error),
            },
        }
    }

    async fn read_response<T>(&mut self, _: &StreamProtocol, io: &mut T) -> io::Result<Reply>
    where
        T: AsyncRead + Unpin + Send,
    {
        let mut kind = [0u8; 1];
        io.read_exact(&mut kind).await?;
        let frame = match kind {
            [0] => false,
            [1] => true,
            [other] => return Err(invalid(CodecError::UnknownKind(other))),
        };
        let body = read_body(io, self.answer_limit.min(self.max_response), "answer").await?;
        Ok(Reply { frame, body })
    }

    async fn write_request<T>(
        &mut self,
        _: &StreamProtocol,
        io: &mut T,
        request: Inbound,
    ) -> io::Result<()>
    where
        T: AsyncWrite + Unpin + Send,
    {
        let Inbound::Request(request) = request else {
            return Err(io::Error::new(
                io::ErrorKind::InvalidInput,
                "a refused request is not sent",
            ));
        };
        self.answer_limit = request.answer_limit;
        io.write_all(&[u8::from(request.accepts_frame)]).await?;
        write_body(io, &request.body).await
    }

    async fn write_response<T>(
        &mut self,
        _: &StreamProtocol,
        io: &mut T,
        reply: Reply,
    ) -> io::Result<()>
    where
        T: AsyncWrite + Unpin + Send,
    {
        io.write_all(&[u8::from(reply.frame)]).await?;
        write_body(io, &reply.body).await
    }
}

#[cfg(test)]
mod tests {
    use futures::executor::block_on;
    use futures::io::Cursor;
    use request_response::Codec as _;

    use super::*;

    fn protocol() -> StreamProtocol {
        StreamProtocol::new("/jifen/test/rpc/1")
    }

    #[test]
    fn requests_and_answers_round_trip() {
        let mut codec = RpcCodec::new(100, 100);
        let mut wire = Cursor::new(Vec::new());
        let request = Request {
            body: b"{\"jsonrpc\":\"2.0\"}".to_vec(),
            answer_limit: 50,
            accepts_frame: true,
        };
        block_on(codec.write_request(&protocol(), &mut wire, Inbound::Request(request.clone())))
            .unwrap();
        let mut read = Cursor::new(wire.into_inner());
        let Inbound::Request(got) = block_on(codec.read_request(&protocol(), &mut read)).unwrap()
        else {
            panic!("refused")
        };
        assert_eq!(got.body, request.body);
        assert!(got.accepts_frame);

        let reply = Reply {
            frame: true,
            body: vec![7; 50],
        };
        let mut wire = Cursor::new(Vec::new());
        block_on(codec.write_response(&protocol(), &mut wire, reply.clone())).unwrap();
        let mut read = Cursor::new(wire.into_inner());
        assert_eq!(
            block_on(codec.read_response(&protocol(), &mut read)).unwrap(),
            reply
        );
    }

    #[test]
    fn bodies_over_the_bound_are_refused_before_reading() {
        let mut codec = RpcCodec::new(10, 100);
        // Says 4 GiB - 1: refused from the length alone.
        let mut read = Cursor::new(vec![0, 0xff, 0xff, 0xff, 0xff]);
        assert_eq!(
            block_on(codec.read_request(&protocol(), &mut read)).unwrap(),
            Inbound::Refused(CodecError::TooLarge {
                what: "request",
                length: u32::MAX,
                limit: 10
            })
        );

        // The answer bound is the request's.
        let mut codec = RpcCodec::new(10, 100);
        let mut sink = Cursor::new(Vec::new());
        block_on(codec.write_request(
            &protocol(),
            &mut sink,
            Inbound::Request(Request {
                body: vec![],
                answer_limit: 3,
                accepts_frame: false,
            }),
        ))
        .unwrap();
        let mut read = Cursor::new(vec![0, 0, 0, 0, 4, 1, 2, 3, 4]);
        let error = block_on(codec.read_response(&protocol(), &mut read)).unwrap_err();
        assert_eq!(
            CodecError::of(&error),
            Some(&CodecError::TooLarge {
                what: "answer",
                length: 4,
                limit: 3
            })
        );
    }

    #[test]
    fn unknown_kinds_and_short_streams_are_refused() {
        let mut codec = RpcCodec::new(10, 100);
        let mut read = Cursor::new(vec![2, 0, 0, 0, 0]);
        assert!(block_on(codec.read_response(&protocol(), &mut read)).is_err());
        let mut read = Cursor::new(vec![0, 0, 0, 5, 1]);
        assert!(block_on(codec.read_response(&protocol(), &mut read)).is_err());
        let mut read = Cursor::new(vec![2, 0, 0, 0, 0]);
        assert_eq!(
            block_on(codec.read_request(&protocol(), &mut read)).unwrap(),
            Inbound::Refused(CodecError::UnknownFlags(2))
        );
    }
}
