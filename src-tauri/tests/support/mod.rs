//! Test support for the app's command tests: the app on Tauri's mock runtime
//! (the real IPC path: argument parsing, the ACL from `capabilities/`,
//! `{code, args}` errors), and a loopback HTTP proxy in front of a node that
//! can hold back light-block answers (to keep a sync running on purpose).
#![allow(
    dead_code,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use jifen_app::{AppConfig, builder, context};
use jifen_protocol::Network;
use jifen_wallet::{FrontEnd, WalletContext};
use serde_json::{Value, json};
use tauri::test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder};
use tauri::webview::InvokeRequest;
use tauri::{App, WebviewWindow, WebviewWindowBuilder};

/// The password of test wallets.
pub const PASSWORD: &str = "test password 积分";

/// The app's configuration over `dir`, with tiny Argon2id parameters (the app
/// uses the desktop policy) and `endpoints` for this run.
pub fn config(dir: &Path, endpoints: Option<Vec<String>>) -> AppConfig {
    let mut context = WalletContext::new(dir, Network::Devnet, FrontEnd::App);
    context.kdf_policy = jifen_testenv::kdf::fast_kdf_policy();
    context.endpoints_override = endpoints;
    AppConfig { context }
}

/// The app on the mock runtime.
pub fn app(dir: &Path, endpoints: Option<Vec<String>>) -> App<MockRuntime> {
    builder(mock_builder(), config(dir, endpoints))
        .unwrap()
        .build(context())
        .unwrap()
}

/// A window of the app (`main` is the one the capability allows).
pub fn window(app: &App<MockRuntime>, label: &str) -> WebviewWindow<MockRuntime> {
    WebviewWindowBuilder::new(app, label, Default::default())
        .build()
        .unwrap()
}

/// Invokes a command as the webview would; a channel argument is given as
/// `"__CHANNEL__:1"` (its messages go nowhere on the mock runtime).
pub fn invoke(
    webview: &WebviewWindow<MockRuntime>,
    cmd: &str,
    args: Value,
) -> Result<Value, Value> {
    get_ipc_response(
        webview,
        InvokeRequest {
            cmd: cmd.into(),
            callback: tauri::ipc::CallbackFn(0),
            error: tauri::ipc::CallbackFn(1),
            url: "tauri://localhost".parse().unwrap(),
            body: tauri::ipc::InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        },
    )
    .map(|body| body.deserialize::<Value>().unwrap())
}

/// A channel argument.
pub fn channel() -> Value {
    json!("__CHANNEL__:1")
}

/// The code of an expected error.
pub fn code(result: Result<Value, Value>) -> String {
    let error = result.expect_err("expected an error");
    error["code"]
        .as_str()
        .unwrap_or_else(|| panic!("not an app error: {error}"))
        .to_owned()
}

/// Creates a 12-word English wallet with [`PASSWORD`] and returns its view.
pub fn create(main: &WebviewWindow<MockRuntime>, name: &str) -> Value {
    invoke(
        main,
        "create_wallet",
        json!({"args": {"name": name, "password": PASSWORD, "words": 12, "mnemonic_language": "en"}}),
    )
    .unwrap()
}

/// PNG files of UR parts, as a person would save or photograph them.
pub fn pngs(parts: &Value) -> Vec<Vec<u8>> {
    parts
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            jifen_qr::QrSymbol::for_ur(p.as_str().unwrap())
                .unwrap()
                .to_png(4)
                .unwrap()
        })
        .collect()
}

/// A gate that holds requests while closed.
#[derive(Clone, Default)]
pub struct Gate(Arc<(Mutex<bool>, Condvar)>);

impl Gate {
    /// Closes the gate: matching requests wait.
    pub fn close(&self) {
        *self.0.0.lock().unwrap() = true;
    }

    /// Opens it: waiting requests go on.
    pub fn open(&self) {
        *self.0.0.lock().unwrap() = false;
        self.0.1.notify_all();
    }

    fn pass(&self) {
        let mut closed = self.0.0.lock().unwrap();
        while *closed {
            closed = self.0.1.wait(closed).unwrap();
        }
    }
}

/// A loopback HTTP proxy in front of `upstream` that holds every JSON-RPC
/// request whose body contains `held` while `gate` is closed. Other
/// requests pass at once. Runs until the test process ends.
pub fn gated_proxy(upstream: SocketAddr, held: &'static str, gate: Gate) -> SocketAddr {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for client in listener.incoming() {
            let Ok(client) = client else { continue };
            let gate = gate.clone();
            std::thread::spawn(move || serve(client, upstream, held, &gate));
        }
    });
    addr
}

/// Reads one HTTP request (headers and a `Content-Length` body).
fn read_request(reader: &mut BufReader<TcpStream>) -> Option<(Vec<String>, Vec<u8>)> {
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).ok()? == 0 {
            return None;
        }
        let line = line.trim_end().to_owned();
        if line.is_empty() {
            break;
        }
        headers.push(line);
    }
    let length = headers
        .iter()
        .find_map(|h| {
            let (name, value) = h.split_once(':')?;
            name.eq_ignore_ascii_case("content-length")
                .then(|| value.trim().parse::<usize>().ok())?
        })
        .unwrap_or(0);
    let mut body = vec![0u8; length];
    reader.read_exact(&mut body).ok()?;
    Some((headers, body))
}

/// Serves one client connection: one request, forwarded upstream with
/// `Connection: close`, and the whole answer back (which says
/// `connection: close`, so the client opens a new connection next time).
fn serve(client: TcpStream, upstream: SocketAddr, held: &str, gate: &Gate) {
    let mut writer = client.try_clone().unwrap();
    let mut reader = BufReader::new(client);
    let Some((headers, body)) = read_request(&mut reader) else {
        return;
    };
    if String::from_utf8_lossy(&body).contains(held) {
        gate.pass();
    }
    let Ok(mut up) = TcpStream::connect(upstream) else {
        return;
    };
    up.set_read_timeout(Some(Duration::from_secs(30))).unwrap();
    let mut request = Vec::new();
    for header in headers
        .iter()
        .filter(|h| !h.to_ascii_lowercase().starts_with("connection:"))
    {
        request.extend_from_slice(header.as_bytes());
        request.extend_from_slice(b"\r\n");
    }
    request.extend_from_slice(b"Connection: close\r\n\r\n");
    request.extend_from_slice(&body);
    if up.write_all(&request).is_err() {
        return;
    }
    let mut answer = Vec::new();
    if up.read_to_end(&mut answer).is_ok() {
        let _ = writer.write_all(&answer);
    }
}
