//! The simulated Adobe IMS: `POST /ims/exchange/jwt` (Service Credentials), `POST /ims/token/v3`
//! (OAuth Server-to-Server), the registry of credentials and the store of issued tokens.
//!
//! Wire formats: JWT-exchange `expires_in` is in milliseconds
//! (<https://experienceleague.adobe.com/en/docs/experience-platform/tags/api/getting-started>),
//! v3's in seconds
//! (<https://developer.adobe.com/developer-console/docs/guides/authentication/ServerToServerAuthentication/ims>),
//! errors are `{error, error_description}` with the codes of
//! <https://github.com/adobe-apiplatform/umapi-documentation/blob/HEAD/docs/api/ConnectAPIRef.md>.
//! How AEM endpoints *use* a token (which API family accepts which kind) is decided in `auth.rs`.

use std::collections::{HashMap, HashSet};
use std::time::{SystemTime, UNIX_EPOCH};

use axum::extract::{FromRequest, Multipart, Request, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use rand::{Rng, SeedableRng};
use rsa::RsaPublicKey;
use rsa::pkcs1v15::{Signature, VerifyingKey};
use rsa::signature::Verifier;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use sha2::Sha256;

use crate::{Shared, lock};

/// IMS allows this much clock skew on `exp` (a docstring in an earlier version of
/// <https://github.com/adobe/aemcs-api-client-lib>).
const SKEW_SECS: i64 = 30;
/// The longest JWT lifetime the sandbox accepts.
const MAX_JWT_AHEAD_SECS: i64 = 24 * 3600;
const FORMAT_ERROR: &str = "JWT token is incorrectly formatted, and can not be decoded.";
const SCOPE_ERROR: &str =
    "The metascopes in the JWT are not a subset of the metascopes in the binding.";
const BINDING_ERROR: &str = "Could not match JWT signature to any of the bindings";

/// An AEM Developer Console technical account the IMS knows (its "binding").
#[derive(Debug, Clone)]
pub struct ServiceCredentialSpec {
    /// `integration.technicalAccount.clientId`, e.g. `cm-p12345-e67890-integration`.
    pub client_id: String,
    /// `integration.technicalAccount.clientSecret`.
    pub client_secret: String,
    /// `integration.org` (`…@AdobeOrg`), the JWT `iss`.
    pub org_id: String,
    /// `integration.id` (`…@techacct.adobe.com`), the JWT `sub`.
    pub technical_account_id: String,
    /// `integration.email`, the AEM user the token acts as.
    pub technical_account_email: String,
    /// Metascopes the binding allows, without the `https://host/s/` prefix.
    pub metascopes: Vec<String>,
    /// PEM certificates (or public keys) whose private keys may sign the JWT.
    pub certificates_pem: Vec<String>,
    /// Whether AEM answers writes with 403, as for a fresh technical account.
    pub read_only: bool,
}

/// An Adobe Developer Console OAuth Server-to-Server credential the IMS knows.
#[derive(Debug, Clone)]
pub struct OAuthClientSpec {
    /// The credential's client id (also the `X-Api-Key` for `/adobe/*`).
    pub client_id: String,
    /// Up to two valid secrets, as in the Developer Console.
    pub client_secrets: Vec<String>,
    /// Scopes the credential has, e.g. `AdobeID`, `openid`, `aem.assets.author`.
    pub scopes: Vec<String>,
    /// `…@AdobeOrg`.
    pub org_id: String,
    /// `…@techacct.adobe.com`.
    pub technical_account_id: String,
    /// The AEM user the token acts as.
    pub technical_account_email: String,
    /// Whether `/adobe/*` writes answer 403 (Adobe's default for a new S2S credential).
    pub read_only: bool,
}

/// The kind of credential a token was issued for; decides which API family accepts it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TokenKind {
    /// From `/ims/exchange/jwt` with AEM Service Credentials: classic API, GraphQL.
    ServiceCredential,
    /// From `/ims/token/v3`: the OpenAPI-based `/adobe/*` APIs.
    OAuthServerToServer,
    /// An AEM Developer Console Local Development Token: classic API, GraphQL.
    LocalDevelopment,
}

#[derive(Debug, Clone)]
pub(crate) struct TokenRecord {
    pub kind: TokenKind,
    pub client_id: String,
    /// The AEM user id requests run as.
    pub user: String,
    pub read_only: bool,
    pub expires_at_ms: u64,
    pub revoked: bool,
    pub uses: u64,
}

struct ServiceBinding {
    spec: ServiceCredentialSpec,
    keys: Vec<(RsaPublicKey, Option<SystemTime>)>,
}

/// Everything the IMS remembers.
pub(crate) struct ImsState {
    service: HashMap<String, ServiceBinding>,
    oauth: HashMap<String, OAuthClientSpec>,
    pub tokens: HashMap<String, TokenRecord>,
    used_jtis: HashSet<String>,
    rng: rand::rngs::StdRng,
}

impl ImsState {
    pub(crate) fn new(seed: u64) -> Self {
        Self {
            service: HashMap::new(),
            oauth: HashMap::new(),
            tokens: HashMap::new(),
            used_jtis: HashSet::new(),
            rng: rand::rngs::StdRng::seed_from_u64(seed ^ 0x1A5_7E57),
        }
    }

    pub(crate) fn register_service(&mut self, spec: ServiceCredentialSpec) -> Result<(), String> {
        let mut keys = Vec::new();
        for pem in &spec.certificates_pem {
            let key = crate::keys::public_key_from_pem(pem).map_err(|e| e.to_string())?;
            let not_after = crate::keys::certificate_validity(pem)
                .ok()
                .map(|(_, na)| na);
            keys.push((key, not_after));
        }
        if keys.is_empty() {
            return Err("a service credential needs at least one certificate".into());
        }
        self.service
            .insert(spec.client_id.clone(), ServiceBinding { spec, keys });
        Ok(())
    }

    pub(crate) fn register_oauth(&mut self, spec: OAuthClientSpec) {
        self.oauth.insert(spec.client_id.clone(), spec);
    }

    /// Mints a JWT-shaped IMS access token and remembers it.
    pub(crate) fn mint(
        &mut self,
        kind: TokenKind,
        client_id: &str,
        user: &str,
        scope: &str,
        read_only: bool,
        ttl_ms: u64,
    ) -> String {
        let now = now_ms();
        let id: u64 = self.rng.r#gen();
        let header = json!({"alg": "RS256", "x5u": "ims_na1-key-at-1.cer", "kid": "ims_na1-key-at-1", "itt": "at"});
        let payload = json!({
            "id": format!("{now}_{id:016x}_ue1"),
            "type": "access_token",
            "client_id": client_id,
            "user_id": user,
            "as": "ims-na1",
            "aa_id": user,
            "ctp": 0,
            "fg": "ZSANDBOX000000000000000000",
            "moi": format!("{:08x}", id as u32),
            "pba": "MedSecNoEV,LowSec",
            "scope": scope,
            "created_at": now.to_string(),
            "expires_in": ttl_ms.to_string(),
        });
        // Clients never verify IMS signatures (aio-lib-ims reads the payload only), so random
        // bytes of the right length stand in for one.
        let mut sig = [0u8; 256];
        self.rng.fill(&mut sig[..]);
        let token = format!(
            "{}.{}.{}",
            URL_SAFE_NO_PAD.encode(header.to_string()),
            URL_SAFE_NO_PAD.encode(payload.to_string()),
            URL_SAFE_NO_PAD.encode(sig)
        );
        self.tokens.insert(
            token.clone(),
            TokenRecord {
                kind,
                client_id: client_id.to_owned(),
                user: user.to_owned(),
                read_only,
                expires_at_ms: now + ttl_ms,
                revoked: false,
                uses: 0,
            },
        );
        token
    }
}

pub(crate) fn now_ms() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_millis() as u64)
        .unwrap_or(0)
}

/// An IMS error answer: `{error, error_description}`.
#[derive(Debug)]
pub(crate) struct ImsError {
    status: StatusCode,
    code: &'static str,
    description: String,
}

impl ImsError {
    fn new(status: u16, code: &'static str, description: impl Into<String>) -> Self {
        Self {
            status: StatusCode::from_u16(status).unwrap_or(StatusCode::BAD_REQUEST),
            code,
            description: description.into(),
        }
    }
}

impl IntoResponse for ImsError {
    fn into_response(self) -> Response {
        (
            self.status,
            [(header::CACHE_CONTROL, "no-cache, no-store")],
            axum::Json(json!({"error": self.code, "error_description": self.description})),
        )
            .into_response()
    }
}

/// Reads form fields from an urlencoded or multipart body, plus the query string (v3 allows
/// parameters there).
async fn read_form(req: Request) -> Result<HashMap<String, String>, ImsError> {
    let mut fields: HashMap<String, String> = req
        .uri()
        .query()
        .map(|q| {
            url::form_urlencoded::parse(q.as_bytes())
                .into_owned()
                .collect()
        })
        .unwrap_or_default();
    let content_type = req
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .unwrap_or("")
        .to_ascii_lowercase();
    if content_type.starts_with("multipart/form-data") {
        let mut mp = Multipart::from_request(req, &()).await.map_err(|e| {
            ImsError::new(
                400,
                "invalid_request",
                format!("malformed multipart body: {e}"),
            )
        })?;
        loop {
            match mp.next_field().await {
                Ok(Some(field)) => {
                    let name = field.name().unwrap_or("").to_owned();
                    let value = field.text().await.map_err(|e| {
                        ImsError::new(
                            400,
                            "invalid_request",
                            format!("malformed multipart body: {e}"),
                        )
                    })?;
                    fields.insert(name, value);
                }
                Ok(None) => break,
                Err(e) => {
                    return Err(ImsError::new(
                        400,
                        "invalid_request",
                        format!("malformed multipart body: {e}"),
                    ));
                }
            }
        }
    } else {
        let body = axum::body::to_bytes(req.into_body(), 1 << 20)
            .await
            .map_err(|e| ImsError::new(400, "invalid_request", format!("unreadable body: {e}")))?;
        fields.extend(url::form_urlencoded::parse(&body).into_owned());
    }
    Ok(fields)
}

/// The `ims_outage` fault: IMS answers every token request with its 500.
fn ims_available(shared: &Shared) -> Result<(), ImsError> {
    if shared.faults.ims_outage() {
        return Err(ImsError::new(
            500,
            "internal_error",
            "Please try again later",
        ));
    }
    Ok(())
}

fn non_empty<'a>(form: &'a HashMap<String, String>, key: &str) -> Option<&'a str> {
    form.get(key).map(String::as_str).filter(|s| !s.is_empty())
}

/// `POST /ims/exchange/jwt[/]`.
pub(crate) async fn exchange_jwt(
    State(shared): State<Shared>,
    req: Request,
) -> Result<Response, ImsError> {
    let shared = &shared;
    ims_available(shared)?;
    let form = read_form(req).await?;
    let client_id = non_empty(&form, "client_id")
        .ok_or_else(|| ImsError::new(400, "invalid_client", "missing client_id parameter"))?;
    let ttl_ms = shared.config.token_ttl.as_millis() as u64;
    let mut ims = lock(&shared.ims);
    let binding = ims
        .service
        .get(client_id)
        .ok_or_else(|| ImsError::new(400, "invalid_client", "invalid client_id parameter"))?;
    if non_empty(&form, "client_secret") != Some(binding.spec.client_secret.as_str()) {
        return Err(ImsError::new(
            401,
            "invalid_client",
            "invalid client_secret parameter",
        ));
    }
    let jwt = non_empty(&form, "jwt_token")
        .ok_or_else(|| ImsError::new(400, "invalid_token", "missing jwt_token parameter"))?;
    let claims = verify_jwt(shared, binding, client_id, jwt, &ims.used_jtis)?;
    let (user, read_only) = (
        binding.spec.technical_account_email.clone(),
        binding.spec.read_only,
    );
    let scope = binding.spec.metascopes.join(",");
    if let Some(jti) = claims.jti {
        ims.used_jtis.insert(jti);
    }
    let token = ims.mint(
        TokenKind::ServiceCredential,
        client_id,
        &user,
        &scope,
        read_only,
        ttl_ms,
    );
    drop(ims);
    shared.counters.token_issued(client_id);
    Ok((
        [(header::CACHE_CONTROL, "no-cache, no-store")],
        axum::Json(json!({
            "token_type": "bearer",
            "access_token": token,
            // Milliseconds, one less than the lifetime, exactly like IMS's 86399999.
            "expires_in": ttl_ms.saturating_sub(1),
        })),
    )
        .into_response())
}

struct VerifiedClaims {
    jti: Option<String>,
}

fn decode_part(part: &str) -> Option<Value> {
    let bytes = URL_SAFE_NO_PAD.decode(part.trim_end_matches('=')).ok()?;
    serde_json::from_slice(&bytes).ok()
}

/// Checks a Service Credentials JWT the way IMS does (claims as
/// <https://github.com/adobe/aemcs-api-client-lib> sends them; error codes of
/// <https://github.com/adobe-apiplatform/umapi-documentation/blob/HEAD/docs/api/ConnectAPIRef.md>).
fn verify_jwt(
    shared: &Shared,
    binding: &ServiceBinding,
    client_id: &str,
    jwt: &str,
    used_jtis: &HashSet<String>,
) -> Result<VerifiedClaims, ImsError> {
    let format_err = || ImsError::new(400, "invalid_token", FORMAT_ERROR);
    let parts: Vec<&str> = jwt.trim().split('.').collect();
    let [h, p, s] = parts.as_slice() else {
        return Err(format_err());
    };
    let header = decode_part(h)
        .filter(Value::is_object)
        .ok_or_else(format_err)?;
    let payload = decode_part(p)
        .filter(Value::is_object)
        .ok_or_else(format_err)?;
    let signature = URL_SAFE_NO_PAD
        .decode(s.trim_end_matches('='))
        .map_err(|_| format_err())?;

    // `exp` and `jti` must be integers; anything else cannot be decoded by IMS.
    let exp = payload.get("exp").ok_or_else(format_err)?;
    let exp = match exp {
        Value::Number(n) if n.is_i64() || n.is_u64() => n.as_i64().ok_or_else(format_err)?,
        _ => return Err(format_err()),
    };
    let jti = match payload.get("jti") {
        None => None,
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => Some(n.to_string()),
        Some(Value::String(s)) if !s.is_empty() => Some(s.clone()),
        Some(_) => return Err(format_err()),
    };
    let iss = payload
        .get("iss")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty());
    let sub = payload
        .get("sub")
        .and_then(Value::as_str)
        .filter(|s| !s.is_empty());
    let (Some(iss), Some(sub)) = (iss, sub) else {
        return Err(ImsError::new(
            400,
            "bad_request",
            "JWT payload must carry string iss and sub claims",
        ));
    };
    if !iss.ends_with("@AdobeOrg") || !sub.contains('@') {
        return Err(ImsError::new(
            400,
            "bad_request",
            "JWT iss must be an IMS org id (…@AdobeOrg) and sub a technical account id",
        ));
    }

    let bases = shared.ims_bases();
    let aud = match payload.get("aud") {
        Some(Value::String(s)) => Some(s.clone()),
        Some(Value::Array(a)) if a.len() == 1 => a[0].as_str().map(str::to_owned),
        _ => None,
    };
    let aud =
        aud.ok_or_else(|| ImsError::new(400, "invalid_client", "JWT aud claim is missing"))?;
    if !bases.iter().any(|b| aud == format!("{b}/c/{client_id}")) {
        let other_ims = !bases.iter().any(|b| aud.starts_with(&format!("{b}/c/")));
        return Err(ImsError::new(
            400,
            "invalid_client",
            if other_ims {
                "JWT aud points to a different IMS environment"
            } else {
                "JWT aud does not match client_id"
            },
        ));
    }

    if iss != binding.spec.org_id || sub != binding.spec.technical_account_id {
        return Err(ImsError::new(400, "invalid_token", BINDING_ERROR));
    }
    if header.get("alg").and_then(Value::as_str) != Some("RS256") {
        return Err(ImsError::new(
            400,
            "invalid_signature",
            "JWT must be signed with RS256",
        ));
    }
    let signed = format!("{h}.{p}");
    let now = SystemTime::now();
    let sig = Signature::try_from(signature.as_slice())
        .map_err(|_| ImsError::new(400, "invalid_signature", BINDING_ERROR))?;
    let verified = binding.keys.iter().any(|(key, not_after)| {
        // An expired certificate is no longer a valid binding (IMS's exact error for it is
        // UNCONFIRMED).
        not_after.is_none_or(|na| na > now)
            && VerifyingKey::<Sha256>::new(key.clone())
                .verify(signed.as_bytes(), &sig)
                .is_ok()
    });
    if !verified {
        return Err(ImsError::new(400, "invalid_signature", BINDING_ERROR));
    }

    let now_s = (now_ms() / 1000) as i64;
    if exp < now_s - SKEW_SECS {
        return Err(ImsError::new(400, "invalid_token", "JWT token has expired"));
    }
    if exp > now_s + MAX_JWT_AHEAD_SECS + SKEW_SECS {
        return Err(ImsError::new(
            400,
            "invalid_token",
            "JWT token expiry is more than 24 hours in the future",
        ));
    }
    if let Some(j) = &jti
        && used_jtis.contains(j)
    {
        return Err(ImsError::new(
            400,
            "invalid_jti",
            "JWT jti has already been used",
        ));
    }

    let mut found = 0;
    for (claim, value) in payload.as_object().into_iter().flatten() {
        if !(claim.starts_with("http://") || claim.starts_with("https://"))
            || !claim.contains("/s/")
        {
            continue;
        }
        found += 1;
        let bound = value.as_bool() == Some(true)
            && bases.iter().any(|b| {
                claim
                    .strip_prefix(&format!("{b}/s/"))
                    .is_some_and(|scope| binding.spec.metascopes.iter().any(|m| m == scope))
            });
        if !bound {
            return Err(ImsError::new(400, "invalid_scope", SCOPE_ERROR));
        }
    }
    if found == 0 {
        return Err(ImsError::new(
            400,
            "invalid_scope",
            "No metascopes were found in the JWT",
        ));
    }
    Ok(VerifiedClaims { jti })
}

/// `POST /ims/token/v3` (`grant_type=client_credentials`).
pub(crate) async fn token_v3(
    State(shared): State<Shared>,
    req: Request,
) -> Result<Response, ImsError> {
    let shared = &shared;
    ims_available(shared)?;
    let form = read_form(req).await?;
    match non_empty(&form, "grant_type") {
        Some("client_credentials") => {}
        Some(_) => {
            return Err(ImsError::new(
                400,
                "unsupported_grant_type",
                "unsupported grant_type parameter",
            ));
        }
        None => {
            return Err(ImsError::new(
                400,
                "invalid_request",
                "missing grant_type parameter",
            ));
        }
    }
    let client_id = non_empty(&form, "client_id")
        .ok_or_else(|| ImsError::new(400, "invalid_client", "missing client_id parameter"))?;
    let ttl_ms = shared.config.token_ttl.as_millis() as u64;
    let mut ims = lock(&shared.ims);
    let client = ims
        .oauth
        .get(client_id)
        .cloned()
        .ok_or_else(|| ImsError::new(400, "invalid_client", "invalid client_id parameter"))?;
    let secret = non_empty(&form, "client_secret");
    if !client
        .client_secrets
        .iter()
        .any(|s| Some(s.as_str()) == secret)
    {
        return Err(ImsError::new(
            401,
            "invalid_client",
            "invalid client_secret parameter",
        ));
    }
    let requested: Vec<String> = match non_empty(&form, "scope") {
        Some(s) => s
            .split(',')
            .map(|x| x.trim().to_owned())
            .filter(|x| !x.is_empty())
            .collect(),
        None => client.scopes.clone(),
    };
    if let Some(bad) = requested.iter().find(|s| !client.scopes.contains(s)) {
        return Err(ImsError::new(
            400,
            "invalid_scope",
            format!("invalid scope {bad}"),
        ));
    }
    let token = ims.mint(
        TokenKind::OAuthServerToServer,
        client_id,
        &client.technical_account_email,
        &requested.join(","),
        client.read_only,
        ttl_ms,
    );
    drop(ims);
    shared.counters.token_issued(client_id);
    Ok((
        [(header::CACHE_CONTROL, "no-cache, no-store")],
        axum::Json(json!({
            "access_token": token,
            "token_type": "bearer",
            // Seconds here, unlike the JWT exchange.
            "expires_in": (ttl_ms / 1000).saturating_sub(1),
        })),
    )
        .into_response())
}
