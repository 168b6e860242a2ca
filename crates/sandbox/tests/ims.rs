//! IMS: JWT exchange and OAuth S2S token endpoints, every documented IMS error code, token
//! expiry and revocation.
#![allow(clippy::unwrap_used)] // helpers outside #[test] fns unwrap too

mod common;

use std::time::Duration;

use common::*;
use metadesk_sandbox::keys::{self, KeyOptions};
use metadesk_sandbox::{Faults, Sandbox, ServiceCredentialSpec};
use serde_json::{Value, json};

#[tokio::test]
async fn jwt_exchange_succeeds_urlencoded_multipart_and_trailing_slash() {
    let sb = Sandbox::start(config().with_token_ttl(Duration::from_secs(3600)))
        .await
        .unwrap();
    let creds = sb.credentials().clone();
    let i = integration(&creds.service_credentials_json);
    assert!(
        i["privateKey"]
            .as_str()
            .unwrap()
            .starts_with("-----BEGIN RSA PRIVATE KEY-----\r\n")
    );
    assert!(
        i["publicKey"]
            .as_str()
            .unwrap()
            .ends_with("-----END CERTIFICATE-----\r\n")
    );
    assert_eq!(i["imsEndpoint"], json!(sb.base_url()));
    let jwt = sign(
        &private_key(&creds.service_credentials_json),
        &rs256(),
        &claims(&creds.service_credentials_json),
    );
    let (status, body) = exchange(
        &sb,
        &creds.service_client_id,
        &creds.service_client_secret,
        &jwt,
    )
    .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["token_type"], "bearer");
    assert_eq!(
        body["expires_in"],
        json!(3_599_999),
        "milliseconds, one less than the TTL"
    );
    let p = payload(body["access_token"].as_str().unwrap());
    assert_eq!(p["expires_in"], json!("3600000"));
    assert_eq!(p["client_id"], json!(creds.service_client_id));
    let created: u64 = p["created_at"].as_str().unwrap().parse().unwrap();
    assert!(created > 1_700_000_000_000);

    let form = reqwest::multipart::Form::new()
        .text("client_id", creds.service_client_id.clone())
        .text("client_secret", creds.service_client_secret.clone())
        .text("jwt_token", jwt.clone());
    let r = client()
        .post(format!("{}/ims/exchange/jwt/", sb.base_url()))
        .multipart(form)
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert!(r.json::<Value>().await.unwrap()["access_token"].is_string());
    assert_eq!(sb.counters().tokens_issued[&creds.service_client_id], 2);
}

#[tokio::test]
async fn every_jwt_exchange_error_code() {
    let sb = start().await;
    let c = sb.credentials().clone();
    let cred = c.service_credentials_json.clone();
    let key = private_key(&cred);
    let good = claims(&cred);
    let with = |k: &str, v: Value| {
        let mut x = good.clone();
        x[k] = v;
        x
    };
    let without = |k: &str| {
        let mut x = good.clone();
        x.as_object_mut().unwrap().remove(k);
        x
    };
    let base = sb.base_url();
    let mut other_scope = good.clone();
    other_scope[format!("{base}/s/ent_cloudmgr_sdk")] = json!(true);
    let mut no_scope = good.clone();
    no_scope
        .as_object_mut()
        .unwrap()
        .remove(&format!("{base}/s/ent_aem_cloud_api"));
    let other_key = keys::generate(&KeyOptions::with_bits(1024))
        .unwrap()
        .private_key;
    let hs256 = sign(&key, &json!({"alg": "HS256"}), &good);
    let cases: Vec<(&str, String, String, u16, &str)> = vec![
        (
            "unknown client",
            "cm-p1-e1-integration".into(),
            c.service_client_secret.clone(),
            400,
            "invalid_client",
        ),
        (
            "wrong secret",
            c.service_client_id.clone(),
            "nope".into(),
            401,
            "invalid_client",
        ),
        (
            "missing secret",
            c.service_client_id.clone(),
            String::new(),
            401,
            "invalid_client",
        ),
    ];
    let jwt = sign(&key, &rs256(), &good);
    for (name, id, secret, status, code) in cases {
        let (s, b) = exchange(&sb, &id, &secret, &jwt).await;
        assert_eq!(
            (s, b["error"].as_str().unwrap()),
            (status, code),
            "{name}: {b}"
        );
        assert!(b["error_description"].is_string());
    }
    let jwt_cases: Vec<(&str, String, u16, &str)> = vec![
        ("garbage", "not-a-jwt".into(), 400, "invalid_token"),
        ("missing jwt", String::new(), 400, "invalid_token"),
        (
            "expired",
            sign(&key, &rs256(), &with("exp", json!(now() - 120))),
            400,
            "invalid_token",
        ),
        (
            "string exp",
            sign(
                &key,
                &rs256(),
                &with("exp", json!((now() + 300).to_string())),
            ),
            400,
            "invalid_token",
        ),
        (
            "float exp",
            sign(&key, &rs256(), &with("exp", json!(now() as f64 + 300.5))),
            400,
            "invalid_token",
        ),
        (
            "missing exp",
            sign(&key, &rs256(), &without("exp")),
            400,
            "invalid_token",
        ),
        (
            "exp > 24h",
            sign(&key, &rs256(), &with("exp", json!(now() + 25 * 3600))),
            400,
            "invalid_token",
        ),
        (
            "other sub",
            sign(
                &key,
                &rs256(),
                &with("sub", json!("ABC@techacct.adobe.com")),
            ),
            400,
            "invalid_token",
        ),
        (
            "missing iss",
            sign(&key, &rs256(), &without("iss")),
            400,
            "bad_request",
        ),
        (
            "malformed iss",
            sign(&key, &rs256(), &with("iss", json!(42))),
            400,
            "bad_request",
        ),
        (
            "aud other client",
            sign(
                &key,
                &rs256(),
                &with("aud", json!(format!("{base}/c/other"))),
            ),
            400,
            "invalid_client",
        ),
        (
            "aud other ims",
            sign(
                &key,
                &rs256(),
                &with(
                    "aud",
                    json!(format!(
                        "https://ims-na1.adobelogin.com/c/{}",
                        c.service_client_id
                    )),
                ),
            ),
            400,
            "invalid_client",
        ),
        (
            "wrong key",
            sign(&other_key, &rs256(), &good),
            400,
            "invalid_signature",
        ),
        ("HS256 header", hs256, 400, "invalid_signature"),
        (
            "unbound metascope",
            sign(&key, &rs256(), &other_scope),
            400,
            "invalid_scope",
        ),
        (
            "no metascope",
            sign(&key, &rs256(), &no_scope),
            400,
            "invalid_scope",
        ),
    ];
    for (name, jwt, status, code) in jwt_cases {
        let (s, b) = exchange(&sb, &c.service_client_id, &c.service_client_secret, &jwt).await;
        assert_eq!(
            (s, b["error"].as_str().unwrap()),
            (status, code),
            "{name}: {b}"
        );
    }
    let (_, b) = exchange(
        &sb,
        &c.service_client_id,
        &c.service_client_secret,
        &sign(&key, &rs256(), &other_scope),
    )
    .await;
    assert_eq!(
        b["error_description"],
        "The metascopes in the JWT are not a subset of the metascopes in the binding."
    );
    // Within the 30 s skew an expired exp is still fine.
    let (s, _) = exchange(
        &sb,
        &c.service_client_id,
        &c.service_client_secret,
        &sign(&key, &rs256(), &with("exp", json!(now() - 10))),
    )
    .await;
    assert_eq!(s, 200);
    // A reused jti is refused.
    let with_jti = sign(&key, &rs256(), &with("jti", json!(12345)));
    assert_eq!(
        exchange(
            &sb,
            &c.service_client_id,
            &c.service_client_secret,
            &with_jti
        )
        .await
        .0,
        200
    );
    let (s, b) = exchange(
        &sb,
        &c.service_client_id,
        &c.service_client_secret,
        &with_jti,
    )
    .await;
    assert_eq!((s, b["error"].as_str().unwrap()), (400, "invalid_jti"));
    // IMS outage.
    sb.set_faults(Faults {
        ims_outage: true,
        ..Faults::default()
    })
    .unwrap();
    let (s, b) = exchange(&sb, &c.service_client_id, &c.service_client_secret, &jwt).await;
    assert_eq!((s, b["error"].as_str().unwrap()), (500, "internal_error"));
}

#[tokio::test]
async fn oauth_v3_uses_seconds_and_rejects_bad_requests() {
    let sb = Sandbox::start(config().with_token_ttl(Duration::from_secs(600)))
        .await
        .unwrap();
    let c = sb.credentials().clone();
    let url = format!("{}/ims/token/v3", sb.base_url());
    let post = |fields: Vec<(&'static str, String)>| {
        let url = url.clone();
        async move {
            let r = client().post(url).form(&fields).send().await.unwrap();
            (r.status().as_u16(), r.json::<Value>().await.unwrap())
        }
    };
    let ok = vec![
        ("grant_type", "client_credentials".to_owned()),
        ("client_id", c.oauth_client_id.clone()),
        ("client_secret", c.oauth_client_secret.clone()),
        ("scope", "openid,AdobeID,aem.assets.author".to_owned()),
    ];
    let (s, b) = post(ok.clone()).await;
    assert_eq!(s, 200, "{b}");
    assert_eq!(b["expires_in"], json!(599), "seconds");
    assert_eq!(b["token_type"], "bearer");
    let mut bad_secret = ok.clone();
    bad_secret[2].1 = "wrong".into();
    assert_eq!(
        post(bad_secret).await,
        (
            401,
            json!({"error": "invalid_client", "error_description": "invalid client_secret parameter"})
        )
    );
    let mut unknown = ok.clone();
    unknown[1].1 = "nobody".into();
    assert_eq!(post(unknown).await.1["error"], "invalid_client");
    let mut scope = ok.clone();
    scope[3].1 = "openid,aem.sites".into();
    assert_eq!(post(scope).await.0, 400);
    let mut grant = ok.clone();
    grant[0].1 = "password".into();
    assert_eq!(post(grant).await.1["error"], "unsupported_grant_type");
}

#[tokio::test]
async fn tokens_expire_and_can_be_revoked() {
    let sb = Sandbox::start(config().with_token_ttl(Duration::from_millis(1500)))
        .await
        .unwrap();
    let cred = sb.credentials().service_credentials_json.clone();
    let token = jwt_token(&sb, &cred).await;
    let url = format!("{}/libs/granite/security/currentuser.json", sb.base_url());
    let get = |t: String| {
        let url = url.clone();
        async move {
            client()
                .get(url)
                .bearer_auth(t)
                .send()
                .await
                .unwrap()
                .status()
                .as_u16()
        }
    };
    assert_eq!(get(token.clone()).await, 200);
    // Letting the token (1.5 s) expire is the behaviour under test.
    tokio::time::sleep(Duration::from_millis(1700)).await;
    assert_eq!(get(token).await, 401, "expired");
    let fresh = jwt_token(&sb, &cred).await;
    assert_eq!(get(fresh.clone()).await, 200, "renewal works");
    assert!(sb.revoke_token(&fresh));
    assert_eq!(get(fresh.clone()).await, 401, "revoked");
    assert!(!sb.revoke_token(&fresh));
    // Revocation over the control API too.
    let dev = sb.issue_dev_token("someone@example.com", false);
    assert_eq!(get(dev.clone()).await, 200);
    let r = client()
        .post(format!("{}/__sandbox/revoke", sb.base_url()))
        .json(&json!({"token": dev}))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    assert_eq!(get(dev).await, 401);
    assert_eq!(sb.counters().tokens_revoked, 2);
}

#[tokio::test]
async fn registered_credentials_with_own_certificate_are_accepted() {
    let sb = start().await;
    let km = keys::generate(&KeyOptions::with_bits(1024)).unwrap();
    let org = sb.credentials().org_id.clone();
    sb.register_service_credential(ServiceCredentialSpec {
        client_id: "cm-p1-e2-integration".into(),
        client_secret: "s3cret".into(),
        org_id: org.clone(),
        technical_account_id: "AAAA@techacct.adobe.com".into(),
        technical_account_email: "aaaa@techacct.adobe.com".into(),
        metascopes: vec!["ent_aem_cloud_api".into(), "ent_cloudmgr_sdk".into()],
        certificates_pem: vec![keys::crlf(&km.certificate_pem)],
        read_only: false,
    })
    .unwrap();
    let base = sb.base_url();
    let claims = json!({
        "exp": now() + 300, "iss": org, "sub": "AAAA@techacct.adobe.com",
        "aud": format!("{base}/c/cm-p1-e2-integration"),
        format!("{base}/s/ent_cloudmgr_sdk"): true,
    });
    let (s, b) = exchange(
        &sb,
        "cm-p1-e2-integration",
        "s3cret",
        &sign(&km.private_key, &rs256(), &claims),
    )
    .await;
    assert_eq!(s, 200, "{b}");
    let user: Value = client()
        .get(format!("{base}/libs/granite/security/currentuser.json"))
        .bearer_auth(b["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(user["authorizableId"], "aaaa@techacct.adobe.com");

    // An expired certificate is no valid binding any more.
    let old = keys::generate(&KeyOptions {
        bits: 1024,
        not_before: std::time::SystemTime::now() - Duration::from_secs(400 * 86400),
        validity: Duration::from_secs(365 * 86400),
        common_name: "old".into(),
    })
    .unwrap();
    sb.register_service_credential(ServiceCredentialSpec {
        client_id: "cm-p1-e3-integration".into(),
        client_secret: "s".into(),
        org_id: org.clone(),
        technical_account_id: "BBBB@techacct.adobe.com".into(),
        technical_account_email: "bbbb@techacct.adobe.com".into(),
        metascopes: vec!["ent_aem_cloud_api".into()],
        certificates_pem: vec![old.certificate_pem.clone()],
        read_only: false,
    })
    .unwrap();
    let claims = json!({
        "exp": now() + 300, "iss": org, "sub": "BBBB@techacct.adobe.com",
        "aud": format!("{base}/c/cm-p1-e3-integration"),
        format!("{base}/s/ent_aem_cloud_api"): true,
    });
    let (s, b) = exchange(
        &sb,
        "cm-p1-e3-integration",
        "s",
        &sign(&old.private_key, &rs256(), &claims),
    )
    .await;
    assert_eq!(
        (s, b["error"].as_str().unwrap()),
        (400, "invalid_signature")
    );
}
