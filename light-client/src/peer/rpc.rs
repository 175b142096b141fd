//! [`RpcPeer`]: a [`JsonRpcPeer`] over blocking HTTP with reqwest
//! ([`HttpTransport`]).
//!
//! What a hostile node cannot do to it (`docs/security.md#hostile-nodes`):
//! - **hold it**: every request has one total deadline
//!   ([`RpcOptions::timeout`]) covering connect, send, the status line and
//!   the whole body, checked between reads as well as by the HTTP client;
//!   a node that trickles its answer a byte at a time ends in
//!   [`PeerError::Timeout`];
//! - **swell it**: an answer is refused from its `Content-Length` when that
//!   is over the method's bound ([`SMALL_ANSWER_BYTES`] for calls with a
//!   few fields, [`HISTORY_ANSWER_BYTES`] for a history page,
//!   [`RpcOptions::max_response_bytes`] for the rest), and otherwise never
//!   read past the bound plus one byte ([`PeerError::ResponseTooLarge`]);
//! - **send it elsewhere**: redirects are not followed; a 3xx answer is
//!   [`PeerError::Redirect`] and nothing is sent to the other address.
//!
//! A node that sheds load (`503 Service Unavailable`, the reference node's
//! answer when its connection or request limits are full) is asked again
//! after a short pause with jitter, at most [`BUSY_RETRIES`] times and
//! always within the request's deadline; only then is the 503 an error
//! ([`PeerError::HttpStatus`], a transport failure).
//!
//! `https://` endpoints use rustls with the `ring` provider (no OpenSSL) and
//! the platform's root certificates (`rustls-platform-verifier`: the
//! system store on Linux, the OS verifier on macOS and Windows), plus the
//! network's [`TrustedCertificates`] (a self-hosted node's own CA). A
//! refused certificate is [`PeerError::Tls`] (`lc-peer-tls`), told apart
//! from an unreachable node (`docs/adr/0023-tls-for-rpc.md`).
//!
//! Ranges of light blocks are asked for with
//! `Accept: application/vnd.jifen.light-blocks.v1` and told apart by the
//! answer's `Content-Type` (older nodes ignore the `Accept` and answer JSON).

use std::io::Read;
use std::sync::Arc;
use std::time::{Duration, Instant};

use jifen_protocol::message::{Arg, Coded};
use jifen_rpc_types::{LIGHT_BLOCKS_CONTENT_TYPE, names_light_blocks_type};
use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::{self, PemObject};

use super::jsonrpc::{Answer, JsonRpcPeer, RpcOptions, Transport};
#[cfg(doc)]
use super::jsonrpc::{HISTORY_ANSWER_BYTES, SMALL_ANSWER_BYTES};
use super::{PeerError, TlsProblem};

/// How long an idle kept-alive connection is reused: shorter than the
/// reference node's idle timeout (10 s), so the client never sends on a
/// connection the node is closing.
const POOL_IDLE: Duration = Duration::from_secs(5);

/// Bytes read at a time, so the deadline is checked between reads.
const READ_CHUNK: usize = 64 << 10;

/// Times a request answered `503 Service Unavailable` is asked again (each
/// within the request's deadline): 50 ms, then twice as long each time up
/// to 1 s, with jitter (about 2.5 s in all).
pub const BUSY_RETRIES: u32 = 6;
/// The first pause after a 503.
const BUSY_PAUSE_FIRST: Duration = Duration::from_millis(50);
/// The longest pause after a 503.
const BUSY_PAUSE_MAX: Duration = Duration::from_secs(1);

/// How long to wait before asking again after an answer of `status`, the
/// `retried`-th busy answer in a row (`None`: do not ask again). The pause
/// is drawn between half and all of the backoff, so that clients refused
/// together do not come back together; it must end before `deadline`.
fn busy_pause(status: reqwest::StatusCode, retried: u32, deadline: Instant) -> Option<Duration> {
    if status != reqwest::StatusCode::SERVICE_UNAVAILABLE || retried >= BUSY_RETRIES {
        return None;
    }
    let backoff = BUSY_PAUSE_FIRST
        .checked_mul(1u32.checked_shl(retried).unwrap_or(u32::MAX))
        .unwrap_or(BUSY_PAUSE_MAX)
        .min(BUSY_PAUSE_MAX);
    let pause = backoff / 2 + backoff.mul_f64(jitter() / 2.0);
    (Instant::now() + pause < deadline).then_some(pause)
}

/// A number in [0, 1), different for every call (no randomness needed
/// beyond spreading retries: `RandomState` is seeded per process and per
/// hasher).
fn jitter() -> f64 {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write_u128(Instant::now().elapsed().as_nanos());
    // The top 53 bits, as a fraction.
    #[allow(clippy::cast_precision_loss)]
    let fraction = (hasher.finish() >> 11) as f64 / (1u64 << 53) as f64;
    fraction
}

/// A node reached over JSON-RPC on HTTP.
pub type RpcPeer = JsonRpcPeer<HttpTransport>;

/// HTTP POSTs to one node's URL.
#[derive(Debug)]
pub struct HttpTransport {
    url: String,
    http: reqwest::blocking::Client,
    timeout: Duration,
}

/// Most bytes of PEM text a network may trust (a few CA certificates).
pub const MAX_TRUSTED_PEM_BYTES: usize = 32 * 1024;

/// Most certificates a network may trust besides the system's.
pub const MAX_TRUSTED_CERTIFICATES: usize = 8;

/// Certificates trusted as roots for `https://` nodes besides the system's
/// (a self-hosted node's own CA, or its self-signed certificate), read from
/// PEM text. Public data: certificates, never keys.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TrustedCertificates {
    certificates: Vec<CertificateDer<'static>>,
}

/// Why PEM text cannot be trusted (codes `lc-cert-*`).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum TrustedCertificateError {
    /// More text than [`MAX_TRUSTED_PEM_BYTES`].
    #[error("the certificate text is {size} bytes; at most {limit} are accepted")]
    TooLarge {
        /// Its size.
        size: usize,
        /// The limit.
        limit: usize,
    },
    /// No `-----BEGIN CERTIFICATE-----` block.
    #[error("no PEM certificate (-----BEGIN CERTIFICATE-----) in the text")]
    NoCertificate,
    /// A private key among the certificates: refused, keys are not trust.
    #[error("the text holds a private key; give the certificate only")]
    PrivateKey,
    /// A PEM block that does not decode.
    #[error("the PEM text does not decode: {reason}")]
    Unreadable {
        /// The decoder's message.
        reason: String,
    },
    /// More than [`MAX_TRUSTED_CERTIFICATES`] certificates.
    #[error("{count} certificates; at most {max} are accepted")]
    TooMany {
        /// How many.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// A certificate that is not a usable X.509 root.
    #[error("certificate {index} is not a usable X.509 certificate: {reason}")]
    Invalid {
        /// Its position (1 = first).
        index: usize,
        /// The parser's message.
        reason: String,
    },
}

impl TrustedCertificateError {
    /// The stable error code.
    #[must_use]
    pub fn code(&self) -> &'static str {
        match self {
            Self::TooLarge { .. } => "lc-cert-too-large",
            Self::NoCertificate => "lc-cert-none",
            Self::PrivateKey => "lc-cert-private-key",
            Self::Unreadable { .. } => "lc-cert-unreadable",
            Self::TooMany { .. } => "lc-cert-too-many",
            Self::Invalid { .. } => "lc-cert-invalid",
        }
    }
}

impl Coded for TrustedCertificateError {
    fn code(&self) -> &'static str {
        TrustedCertificateError::code(self)
    }

    fn args(&self) -> Vec<(&'static str, Arg)> {
        match self {
            Self::TooLarge { size, limit } => {
                vec![("size", (*size).into()), ("limit", (*limit).into())]
            }
            Self::NoCertificate | Self::PrivateKey => Vec::new(),
            Self::Unreadable { reason } => vec![("reason", reason.into())],
            Self::TooMany { count, max } => {
                vec![("count", (*count).into()), ("max", (*max).into())]
            }
            Self::Invalid { index, reason } => {
                vec![("index", (*index).into()), ("reason", reason.into())]
            }
        }
    }
}

impl TrustedCertificates {
    /// No extra certificate: the system's roots only.
    #[must_use]
    pub const fn none() -> Self {
        Self {
            certificates: Vec::new(),
        }
    }

    /// Reads every `CERTIFICATE` block of `text` (other PEM blocks and text
    /// around them are ignored, a private key is refused). Each must parse
    /// as an X.509 certificate usable as a root.
    ///
    /// # Errors
    /// [`TrustedCertificateError`].
    pub fn from_pem(text: &str) -> Result<Self, TrustedCertificateError> {
        if text.len() > MAX_TRUSTED_PEM_BYTES {
            return Err(TrustedCertificateError::TooLarge {
                size: text.len(),
                limit: MAX_TRUSTED_PEM_BYTES,
            });
        }
        let mut certificates = Vec::new();
        for section in <(pem::SectionKind, Vec<u8>)>::pem_slice_iter(text.as_bytes()) {
            let (kind, der) = section.map_err(|error| TrustedCertificateError::Unreadable {
                reason: error.to_string(),
            })?;
            match kind {
                pem::SectionKind::Certificate => {
                    certificates.push(CertificateDer::from(der));
                    if certificates.len() > MAX_TRUSTED_CERTIFICATES {
                        return Err(TrustedCertificateError::TooMany {
                            count: certificates.len(),
                            max: MAX_TRUSTED_CERTIFICATES,
                        });
                    }
                }
                pem::SectionKind::RsaPrivateKey
                | pem::SectionKind::PrivateKey
                | pem::SectionKind::EcPrivateKey => {
                    return Err(TrustedCertificateError::PrivateKey);
                }
                _ => {}
            }
        }
        if certificates.is_empty() {
            return Err(TrustedCertificateError::NoCertificate);
        }
        for (position, certificate) in certificates.iter().enumerate() {
            rustls::RootCertStore::empty()
                .add(certificate.clone())
                .map_err(|error| TrustedCertificateError::Invalid {
                    index: position + 1,
                    reason: error.to_string(),
                })?;
        }
        Ok(Self { certificates })
    }

    /// How many certificates.
    #[must_use]
    pub fn len(&self) -> usize {
        self.certificates.len()
    }

    /// Whether there is none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.certificates.is_empty()
    }
}

/// rustls's `ring` provider: deprecated since rustls 0.23.48 because it has
/// no post-quantum key exchange; kept for its build cost (ADR 0023: what TLS
/// protects here is privacy and availability, never correctness).
#[allow(deprecated)]
fn ring_provider() -> Arc<rustls::crypto::CryptoProvider> {
    Arc::new(rustls::crypto::ring::default_provider())
}

/// The TLS configuration of a client: `ring`, the platform's roots plus
/// `trusted` for `https://`; for `http://` an empty root store (no TLS is
/// ever spoken: redirects are not followed).
fn tls_config(
    https: bool,
    trusted: &TrustedCertificates,
) -> Result<rustls::ClientConfig, (TlsProblem, String)> {
    let provider = ring_provider();
    let builder = rustls::ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|error| (TlsProblem::Other, error.to_string()))?;
    if !https {
        return Ok(builder
            .with_root_certificates(rustls::RootCertStore::empty())
            .with_no_client_auth());
    }
    let verifier = rustls_platform_verifier::Verifier::new_with_extra_roots(
        trusted.certificates.iter().cloned(),
        provider,
    )
    .map_err(|error| (TlsProblem::NoRoots, error.to_string()))?;
    Ok(builder
        .dangerous()
        .with_custom_certificate_verifier(Arc::new(verifier))
        .with_no_client_auth())
}

/// The TLS failure somewhere in `error`'s causes, if any (an `io::Error`
/// hides its inner error from `source()`: it is looked into).
fn tls_cause<'a>(error: &'a (dyn std::error::Error + 'static)) -> Option<&'a rustls::Error> {
    let mut current = Some(error);
    // Bounded: cause chains are short, and a cycle must not hang.
    for _ in 0..16 {
        let error = current?;
        if let Some(tls) = error.downcast_ref::<rustls::Error>() {
            return Some(tls);
        }
        current = match error.downcast_ref::<std::io::Error>() {
            Some(io) => match io.get_ref() {
                Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
                None => std::error::Error::source(io),
            },
            None => error.source(),
        };
    }
    None
}

/// `error` and its innermost cause ("error sending request for url (…)"
/// alone does not say whether the connection was refused, reset or closed).
fn with_cause(error: &(dyn std::error::Error + 'static)) -> String {
    let mut innermost = None;
    let mut current = error.source();
    // Bounded: cause chains are short, and a cycle must not hang.
    for _ in 0..16 {
        let Some(cause) = current else { break };
        innermost = Some(cause);
        current = cause.source();
    }
    match innermost {
        // The node's words are bounded like any detail.
        Some(cause) => format!(
            "{error}: {}",
            cause.to_string().chars().take(200).collect::<String>()
        ),
        None => error.to_string(),
    }
}

/// What kind of TLS failure `error` is.
fn problem_of(error: &rustls::Error) -> TlsProblem {
    use rustls::CertificateError;
    match error {
        rustls::Error::InvalidCertificate(certificate) => match certificate {
            CertificateError::UnknownIssuer => TlsProblem::UnknownIssuer,
            CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. } => {
                TlsProblem::WrongName
            }
            CertificateError::Expired | CertificateError::ExpiredContext { .. } => {
                TlsProblem::Expired
            }
            CertificateError::NotValidYet | CertificateError::NotValidYetContext { .. } => {
                TlsProblem::NotYetValid
            }
            CertificateError::Revoked => TlsProblem::Revoked,
            CertificateError::Other(other)
                if matches!(
                    other.0.downcast_ref::<webpki::Error>(),
                    Some(webpki::Error::CaUsedAsEndEntity)
                ) =>
            {
                TlsProblem::CaAsServer
            }
            _ => TlsProblem::Other,
        },
        rustls::Error::InvalidMessage(_) | rustls::Error::InappropriateHandshakeMessage { .. } => {
            TlsProblem::NotTls
        }
        _ => TlsProblem::Other,
    }
}

impl JsonRpcPeer<HttpTransport> {
    /// A peer for the node at `url` (e.g. `http://127.0.0.1:26657`), trusting
    /// the platform's root certificates for `https://`. No request is made
    /// until the first call.
    ///
    /// # Errors
    /// As [`JsonRpcPeer::connect_trusting`].
    pub fn connect(url: &str, options: RpcOptions) -> Result<Self, PeerError> {
        Self::connect_trusting(url, options, &TrustedCertificates::none())
    }

    /// [`JsonRpcPeer::connect`], trusting `trusted` besides the platform's
    /// roots for an `https://` node.
    ///
    /// # Errors
    /// [`PeerError::Unreachable`] when the URL is not an `http://` or
    /// `https://` URL or the HTTP client cannot be built;
    /// [`PeerError::Tls`] (`no-roots`) for `https://` when there is no root
    /// certificate to trust at all.
    pub fn connect_trusting(
        url: &str,
        options: RpcOptions,
        trusted: &TrustedCertificates,
    ) -> Result<Self, PeerError> {
        let url = url.trim().to_owned();
        let unreachable = |message: String| PeerError::Unreachable {
            peer: url.clone(),
            message,
        };
        let parsed = reqwest::Url::parse(&url).map_err(|error| unreachable(error.to_string()))?;
        if !matches!(parsed.scheme(), "http" | "https") || parsed.host_str().is_none() {
            return Err(unreachable("not an http:// URL".to_owned()));
        }
        let tls =
            tls_config(parsed.scheme() == "https", trusted).map_err(|(problem, reason)| {
                PeerError::Tls {
                    peer: url.clone(),
                    problem,
                    reason,
                }
            })?;
        let http = reqwest::blocking::Client::builder()
            .tls_backend_preconfigured(tls)
            .connect_timeout(options.connect_timeout)
            .timeout(options.timeout)
            .pool_idle_timeout(POOL_IDLE)
            // A redirect would send the request to an address the user did
            // not configure (past the endpoint rules): refused, not followed.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .map_err(|error| unreachable(error.to_string()))?;
        Ok(Self::over(
            HttpTransport {
                url,
                http,
                timeout: options.timeout,
            },
            options,
        ))
    }

    /// The node's URL.
    #[must_use]
    pub fn url(&self) -> &str {
        &self.transport().url
    }
}

impl HttpTransport {
    fn transport_error(&self, error: &reqwest::Error) -> PeerError {
        if let Some(tls) = tls_cause(error) {
            PeerError::Tls {
                peer: self.url.clone(),
                problem: problem_of(tls),
                // The node's certificate names its hosts: bounded.
                reason: tls.to_string().chars().take(300).collect(),
            }
        } else if error.is_timeout() {
            self.timeout_error()
        } else {
            PeerError::Unreachable {
                peer: self.url.clone(),
                message: with_cause(error),
            }
        }
    }

    fn timeout_error(&self) -> PeerError {
        PeerError::Timeout {
            peer: self.url.clone(),
            timeout_ms: u64::try_from(self.timeout.as_millis()).unwrap_or(u64::MAX),
        }
    }

    fn read_error(&self, error: &std::io::Error) -> PeerError {
        let timed_out = error.kind() == std::io::ErrorKind::TimedOut
            || error
                .get_ref()
                .and_then(|inner| inner.downcast_ref::<reqwest::Error>())
                .is_some_and(reqwest::Error::is_timeout);
        if timed_out {
            self.timeout_error()
        } else {
            PeerError::Unreachable {
                peer: self.url.clone(),
                message: error.to_string(),
            }
        }
    }
}

impl Transport for HttpTransport {
    fn id(&self) -> &str {
        &self.url
    }

    /// Posts `body`, returns the answer's bytes: at most `limit` of them,
    /// all within the request's total deadline. With `frame`, the request
    /// accepts a binary light-block range besides JSON.
    fn post(&self, body: Vec<u8>, limit: u64, frame: bool) -> Result<Answer, PeerError> {
        let deadline = Instant::now() + self.timeout;
        let accept = if frame {
            // JSON stays acceptable: errors, and nodes without frames.
            format!("{LIGHT_BLOCKS_CONTENT_TYPE}, application/json")
        } else {
            "application/json".to_owned()
        };
        let mut busy = 0u32;
        let mut response = loop {
            let left = deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(self.timeout_error());
            }
            let response = self
                .http
                .post(&self.url)
                .header(reqwest::header::CONTENT_TYPE, "application/json")
                .header(reqwest::header::ACCEPT, &accept)
                // The whole request, body included (reqwest's client-wide
                // timeout in blocking mode bounds each read, not the
                // answer); a retry gets what is left of the deadline.
                .timeout(left)
                .body(body.clone())
                .send()
                .map_err(|error| self.transport_error(&error))?;
            // A busy node (503: the reference node's connection or
            // request limit) is asked again a little later, within the
            // deadline: under load a wallet waits instead of failing.
            match busy_pause(response.status(), busy, deadline) {
                Some(pause) => {
                    drop(response);
                    std::thread::sleep(pause);
                    busy += 1;
                }
                None => break response,
            }
        };
        let status = response.status();
        if status.is_redirection() {
            let location = response
                .headers()
                .get(reqwest::header::LOCATION)
                .and_then(|value| value.to_str().ok())
                .unwrap_or_default();
            return Err(PeerError::Redirect {
                status: status.as_u16(),
                location: location.chars().take(200).collect(),
            });
        }
        if status != reqwest::StatusCode::OK {
            return Err(PeerError::HttpStatus {
                status: status.as_u16(),
            });
        }
        let is_frame = response
            .headers()
            .get_all(reqwest::header::CONTENT_TYPE)
            .iter()
            .filter_map(|value| value.to_str().ok())
            .any(names_light_blocks_type);
        if is_frame && !frame {
            return Err(PeerError::BadEnvelope {
                reason: format!(
                    "a binary answer ({LIGHT_BLOCKS_CONTENT_TYPE}) to a request that did not ask for one"
                ),
            });
        }
        let declared = response.content_length();
        if declared.is_some_and(|length| length > limit) {
            return Err(PeerError::ResponseTooLarge { limit });
        }
        // At most the bound plus one byte is ever read (the extra byte tells
        // an answer over the bound from one exactly at it).
        let most = usize::try_from(limit.saturating_add(1)).unwrap_or(usize::MAX);
        let mut bytes = Vec::with_capacity(
            declared
                .and_then(|length| usize::try_from(length).ok())
                .unwrap_or(0)
                .min(most),
        );
        let mut chunk = vec![0u8; READ_CHUNK];
        loop {
            if Instant::now() >= deadline {
                return Err(self.timeout_error());
            }
            let want = READ_CHUNK.min(most - bytes.len());
            let read = response
                .read(chunk.get_mut(..want).unwrap_or_default())
                .map_err(|error| self.read_error(&error))?;
            if read == 0 {
                break;
            }
            bytes.extend_from_slice(chunk.get(..read).unwrap_or_default());
            if bytes.len() >= most {
                return Err(PeerError::ResponseTooLarge { limit });
            }
        }
        // The deadline also covers the last read.
        if Instant::now() > deadline {
            return Err(self.timeout_error());
        }
        Ok(Answer {
            bytes,
            frame: is_frame,
        })
    }
}
