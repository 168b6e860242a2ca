//! Helpers shared by the sandbox's integration tests: starting a sandbox with small keys,
//! signing Service-Credential JWTs by hand, getting tokens, the seeded assets' paths, and a
//! form POST as AEM's servlets take it.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use metadesk_sandbox::{Sandbox, SandboxConfig};
use rsa::RsaPrivateKey;
use rsa::pkcs1::DecodeRsaPrivateKey;
use rsa::pkcs1v15::SigningKey;
use rsa::signature::{SignatureEncoding, Signer};
use serde_json::{Value, json};
use sha2::Sha256;

/// Small and fast: 1024-bit keys, 120 assets.
pub fn config() -> SandboxConfig {
    SandboxConfig::default()
        .with_key_bits(1024)
        .with_assets(120)
        .with_seed(7)
}

pub async fn start() -> Sandbox {
    Sandbox::start(config()).await.unwrap()
}

pub fn client() -> reqwest::Client {
    reqwest::Client::new()
}

/// `GET path` with the development token: the status and the JSON body (`Null` when it is not
/// JSON).
pub async fn get_as_dev(sb: &Sandbox, path: &str) -> (u16, Value) {
    let r = client()
        .get(format!("{}{path}", sb.base_url()))
        .bearer_auth(&sb.credentials().dev_token)
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap_or(Value::Null))
}

pub fn now() -> i64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

pub fn integration(cred_json: &str) -> Value {
    serde_json::from_str::<Value>(cred_json).unwrap()["integration"].clone()
}

pub fn private_key(cred_json: &str) -> RsaPrivateKey {
    let pem = integration(cred_json)["privateKey"]
        .as_str()
        .unwrap()
        .replace("\r\n", "\n");
    RsaPrivateKey::from_pkcs1_pem(&pem).unwrap()
}

pub fn sign(key: &RsaPrivateKey, header: &Value, claims: &Value) -> String {
    let h = URL_SAFE_NO_PAD.encode(header.to_string());
    let p = URL_SAFE_NO_PAD.encode(claims.to_string());
    let sig = SigningKey::<Sha256>::new(key.clone()).sign(format!("{h}.{p}").as_bytes());
    format!("{h}.{p}.{}", URL_SAFE_NO_PAD.encode(sig.to_bytes()))
}

/// The claims the reference libraries send for a Service Credential JSON.
pub fn claims(cred_json: &str) -> Value {
    let i = integration(cred_json);
    let ims = i["imsEndpoint"].as_str().unwrap();
    let client_id = i["technicalAccount"]["clientId"].as_str().unwrap();
    let mut c = json!({
        "exp": now() + 300,
        "iss": i["org"],
        "sub": i["id"],
        "aud": format!("{ims}/c/{client_id}"),
    });
    for scope in i["metascopes"].as_str().unwrap().split(',') {
        c[format!("{ims}/s/{scope}")] = json!(true);
    }
    c
}

pub fn rs256() -> Value {
    json!({"alg": "RS256", "typ": "JWT"})
}

/// Posts an urlencoded JWT exchange; returns status and body.
pub async fn exchange(sb: &Sandbox, client_id: &str, secret: &str, jwt: &str) -> (u16, Value) {
    let r = client()
        .post(format!("{}/ims/exchange/jwt", sb.base_url()))
        .form(&[
            ("client_id", client_id),
            ("client_secret", secret),
            ("jwt_token", jwt),
        ])
        .send()
        .await
        .unwrap();
    let status = r.status().as_u16();
    (status, r.json().await.unwrap())
}

/// A token for the given Service Credential JSON via the JWT exchange.
pub async fn jwt_token(sb: &Sandbox, cred_json: &str) -> String {
    let i = integration(cred_json);
    let jwt = sign(&private_key(cred_json), &rs256(), &claims(cred_json));
    let (status, body) = exchange(
        sb,
        i["technicalAccount"]["clientId"].as_str().unwrap(),
        i["technicalAccount"]["clientSecret"].as_str().unwrap(),
        &jwt,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    body["access_token"].as_str().unwrap().to_owned()
}

/// A token for the sandbox's OAuth S2S client via /ims/token/v3.
pub async fn s2s_token(sb: &Sandbox) -> String {
    let c = sb.credentials();
    let r = client()
        .post(format!("{}/ims/token/v3", sb.base_url()))
        .form(&[
            ("grant_type", "client_credentials"),
            ("client_id", c.oauth_client_id.as_str()),
            ("client_secret", c.oauth_client_secret.as_str()),
            ("scope", "AdobeID,openid,aem.assets.author,aem.folders"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    r.json::<Value>().await.unwrap()["access_token"]
        .as_str()
        .unwrap()
        .to_owned()
}

pub fn payload(token: &str) -> Value {
    let p = token.split('.').nth(1).unwrap();
    serde_json::from_slice(&URL_SAFE_NO_PAD.decode(p).unwrap()).unwrap()
}

/// Every asset's path, as the sandbox's dump lists them.
pub fn asset_paths(sb: &Sandbox) -> Vec<String> {
    sb.dump(false)["assets"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["path"].as_str().unwrap().to_owned())
        .collect()
}

/// POSTs `fields` form-encoded (after `_charset_=utf-8`) to `path` with `token`: the status and
/// the body.
pub async fn post_form(
    sb: &Sandbox,
    token: &str,
    path: &str,
    fields: &[(&str, &str)],
) -> (u16, String) {
    let mut form = url::form_urlencoded::Serializer::new(String::new());
    form.append_pair("_charset_", "utf-8");
    for (k, v) in fields {
        form.append_pair(k, v);
    }
    let r = client()
        .post(format!("{}{path}", sb.base_url()))
        .bearer_auth(token)
        .header("content-type", "application/x-www-form-urlencoded")
        .body(form.finish())
        .send()
        .await
        .unwrap();
    (r.status().as_u16(), r.text().await.unwrap())
}
