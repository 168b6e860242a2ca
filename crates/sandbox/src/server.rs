//! The HTTP server: the accept loop (hyper, so a connection can be dropped without a response)
//! and the request pipeline that applies faults and counts requests.
//!
//! Order for AEM requests mirrors the real path: the CDN throttle first, then waiting for a
//! capacity slot on the "author", latency while holding it, then drops and failed writes, and
//! once a write is done, its answer lost (`lost_write_answers`).
//! IMS requests (`/ims/*`) only see `ims_outage` and `ims_latency_ms`; control requests (`/__sandbox/*`) see nothing.

use axum::Router;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper::body::Incoming;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio::task::JoinSet;
use tower::ServiceExt;

use crate::Shared;
use crate::faults::Throttle;

/// Marks a response whose connection must be closed without sending it.
#[derive(Clone, Copy)]
pub(crate) struct DropConnection;

#[derive(Debug)]
struct Dropped;

impl std::fmt::Display for Dropped {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("connection dropped by fault injection")
    }
}

impl std::error::Error for Dropped {}

/// Serves `router` on `listener` until `shutdown` flips (or its sender is dropped).
pub(crate) async fn serve(
    listener: TcpListener,
    router: Router,
    mut shutdown: watch::Receiver<bool>,
) {
    let mut conns = JoinSet::new();
    loop {
        tokio::select! {
            changed = shutdown.changed() => {
                if changed.is_err() || *shutdown.borrow() {
                    break;
                }
            }
            accepted = listener.accept() => {
                let Ok((stream, _)) = accepted else { continue };
                let _ = stream.set_nodelay(true);
                let router = router.clone();
                let service = hyper::service::service_fn(move |req: Request<Incoming>| {
                    let router = router.clone();
                    async move {
                        let resp = match router.oneshot(req.map(Body::new)).await {
                            Ok(r) => r,
                            Err(never) => match never {},
                        };
                        // An error from the service makes hyper close the connection unanswered.
                        if resp.extensions().get::<DropConnection>().is_some() {
                            return Err(Dropped);
                        }
                        Ok::<_, Dropped>(resp)
                    }
                });
                conns.spawn(async move {
                    let _ = hyper::server::conn::http1::Builder::new()
                        .keep_alive(true)
                        .serve_connection(TokioIo::new(stream), service)
                        .await;
                });
            }
        }
        while conns.try_join_next().is_some() {}
    }
    conns.abort_all();
}

fn is_write(method: &Method, path: &str) -> bool {
    match *method {
        Method::PUT | Method::PATCH | Method::DELETE => true,
        // GraphQL POSTs are queries, not writes.
        Method::POST => !path.starts_with("/content/_cq_graphql/"),
        _ => false,
    }
}

fn injected_error(status: u16, path: &str) -> Response {
    match status {
        500 if path.starts_with("/api/") => {
            crate::core_response::core_response(500, path, "Internal Server Error: injected fault")
        }
        500 if path.starts_with("/adobe/") => crate::openapi::problem(500, "Internal Server Error"),
        s => {
            let code = StatusCode::from_u16(s).unwrap_or(StatusCode::SERVICE_UNAVAILABLE);
            let reason = code.canonical_reason().unwrap_or("Error");
            (
                code,
                [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
                format!("<html><head><title>{s} {reason}</title></head><body><h1>{reason}</h1></body></html>"),
            )
                .into_response()
        }
    }
}

/// The middleware every request passes through.
pub(crate) async fn pipeline(State(shared): State<Shared>, req: Request, next: Next) -> Response {
    let path = req.uri().path().to_owned();
    if path.starts_with("/__sandbox/") || path == "/__sandbox" {
        return next.run(req).await;
    }
    let method = req.method().clone();
    let kind = crate::request_kinds::kind(method.as_str(), &path, req.uri().query().unwrap_or(""));
    let _in_flight = shared.counters.enter();
    let arrived = std::time::Instant::now();
    let mut slot = None;
    let resp = if path.starts_with("/ims/") {
        let latency = shared.faults.ims_latency();
        if !latency.is_zero() {
            tokio::time::sleep(latency).await;
        }
        next.run(req).await
    } else {
        aem(&shared, &method, &path, req, next, &mut slot).await
    };
    // Logged once the slot is given back: a request that held one, throttled ones not.
    if let Some(started) = slot {
        shared.counters.served.record(kind, arrived, started);
    }
    if resp.extensions().get::<DropConnection>().is_some() {
        shared.counters.bump(|c| c.dropped_connections += 1);
    } else {
        shared
            .counters
            .record(method.as_str(), resp.status().as_u16(), kind);
    }
    resp
}

/// An AEM request's way through the faults; `slot` says when it got a capacity slot, if it
/// got one (held until the answer is sent back to `pipeline`).
async fn aem(
    shared: &Shared,
    method: &Method,
    path: &str,
    req: Request,
    next: Next,
    slot: &mut Option<std::time::Instant>,
) -> Response {
    if let Throttle::Reject(status, retry_after) = shared.faults.throttle() {
        shared.counters.bump(|c| c.throttled += 1);
        let code = StatusCode::from_u16(status).unwrap_or(StatusCode::TOO_MANY_REQUESTS);
        let mut r = (
            code,
            [(header::CONTENT_TYPE, "text/plain;charset=utf-8")],
            code.canonical_reason().unwrap_or("Throttled"),
        )
            .into_response();
        if let Some(secs) = retry_after {
            r.headers_mut().insert(header::RETRY_AFTER, secs.into());
        }
        return r;
    }
    let _permit = shared.faults.acquire().await;
    *slot = Some(std::time::Instant::now());
    let _in_service = shared.counters.enter_service();
    let latency = shared.faults.latency();
    if !latency.is_zero() {
        tokio::time::sleep(latency).await;
    }
    if shared.faults.should_drop() {
        let mut r = Response::new(Body::empty());
        r.extensions_mut().insert(DropConnection);
        return r;
    }
    if let Some(status) = shared.faults.switched_off(path) {
        return injected_error(status, path);
    }
    if method == Method::GET && shared.faults.listing_fails(path) {
        shared.counters.bump(|c| c.injected_errors += 1);
        return injected_error(500, path);
    }
    if is_write(method, path)
        && let Some(status) = shared
            .faults
            .write_error(path.ends_with(".completeUpload.json"))
    {
        shared.counters.bump(|c| c.injected_errors += 1);
        return injected_error(status, path);
    }
    let write = is_write(method, path);
    let resp = next.run(req).await;
    if write && shared.faults.take_lost_answer() {
        let mut lost = Response::new(Body::empty());
        lost.extensions_mut().insert(DropConnection);
        return lost;
    }
    resp
}
