//! A scripted HTTP server on loopback for unit tests of the IMS requests: it answers each
//! request with the next scripted answer (or drops the connection) and records what it got.
//! The sandbox (crates/sandbox) is the full simulation; this exists for exact control of
//! retries, `Retry-After` and odd answers. Built for tests here and, with the `test-support`
//! feature, in the crates above.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::VecDeque;
use std::sync::{Arc, Mutex};

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpListener;

/// One scripted answer.
#[derive(Debug, Clone)]
pub enum Scripted {
    Respond {
        status: u16,
        headers: Vec<(String, String)>,
        body: String,
    },
    /// Close the connection without answering.
    Drop,
}

impl Scripted {
    pub fn json(status: u16, body: serde_json::Value) -> Self {
        Scripted::Respond {
            status,
            headers: Vec::new(),
            body: body.to_string(),
        }
    }

    pub fn with_header(self, name: &str, value: &str) -> Self {
        match self {
            Scripted::Respond {
                status,
                mut headers,
                body,
            } => {
                headers.push((name.into(), value.into()));
                Scripted::Respond {
                    status,
                    headers,
                    body,
                }
            }
            Scripted::Drop => Scripted::Drop,
        }
    }
}

/// A request as received.
#[derive(Debug, Clone)]
pub struct Received {
    pub request_line: String,
    pub body: String,
}

impl Received {
    /// The urlencoded form fields of the body.
    pub fn form(&self) -> Vec<(String, String)> {
        url::form_urlencoded::parse(self.body.as_bytes())
            .into_owned()
            .collect()
    }
}

pub struct ScriptedServer {
    pub base: String,
    received: Arc<Mutex<Vec<Received>>>,
    task: tokio::task::JoinHandle<()>,
}

impl ScriptedServer {
    pub async fn start(script: Vec<Scripted>) -> Self {
        let listener = TcpListener::bind("127.0.0.1:0").await.unwrap();
        let base = format!("http://{}", listener.local_addr().unwrap());
        let received = Arc::new(Mutex::new(Vec::new()));
        let script = Arc::new(Mutex::new(VecDeque::from(script)));
        let log = Arc::clone(&received);
        let task = tokio::spawn(async move {
            loop {
                let Ok((mut socket, _)) = listener.accept().await else {
                    return;
                };
                let mut buffer = Vec::new();
                let mut chunk = [0u8; 4096];
                let (head, body) = loop {
                    let n = socket.read(&mut chunk).await.unwrap_or(0);
                    if n == 0 {
                        break (String::new(), String::new());
                    }
                    buffer.extend_from_slice(&chunk[..n]);
                    let text = String::from_utf8_lossy(&buffer).to_string();
                    if let Some(end) = text.find("\r\n\r\n") {
                        let head = text[..end].to_string();
                        let length = head
                            .lines()
                            .find_map(|l| {
                                let (k, v) = l.split_once(':')?;
                                k.eq_ignore_ascii_case("content-length")
                                    .then(|| v.trim().parse::<usize>().ok())?
                            })
                            .unwrap_or(0);
                        if buffer.len() >= end + 4 + length {
                            let body = String::from_utf8_lossy(&buffer[end + 4..end + 4 + length])
                                .to_string();
                            break (head, body);
                        }
                    }
                };
                log.lock().unwrap().push(Received {
                    request_line: head.lines().next().unwrap_or_default().to_string(),
                    body,
                });
                let next = script.lock().unwrap().pop_front();
                match next {
                    None | Some(Scripted::Drop) => drop(socket),
                    Some(Scripted::Respond {
                        status,
                        headers,
                        body,
                    }) => {
                        let mut out = format!(
                            "HTTP/1.1 {status} Scripted\r\nContent-Type: application/json\r\n\
                             Content-Length: {}\r\nConnection: close\r\n",
                            body.len()
                        );
                        for (k, v) in headers {
                            out.push_str(&format!("{k}: {v}\r\n"));
                        }
                        out.push_str("\r\n");
                        out.push_str(&body);
                        let _ = socket.write_all(out.as_bytes()).await;
                        let _ = socket.shutdown().await;
                    }
                }
            }
        });
        ScriptedServer {
            base,
            received,
            task,
        }
    }

    pub fn received(&self) -> Vec<Received> {
        self.received.lock().unwrap().clone()
    }
}

impl Drop for ScriptedServer {
    fn drop(&mut self) {
        self.task.abort();
    }
}
