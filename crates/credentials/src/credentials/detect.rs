//! Which kind of credential a JSON object is (told apart by the keys each kind alone has), or a
//! refusal that says what the file looks like instead.
//!
//! Not here: validating the fields; each kind's module does that.

use serde_json::{Map, Value};

use super::Refusal;

pub enum Shape {
    ServiceCredentials,
    DevToken,
    DeveloperConsoleProject,
    FlatOauth,
}

pub fn detect(object: &Map<String, Value>) -> Result<Shape, Refusal> {
    if object.get("ok") == Some(&Value::Bool(false)) {
        return Err(Refusal::new("refusal-console-error", Vec::new()));
    }
    let has = |key: &str| object.contains_key(key);
    if has("accessToken") {
        return Ok(Shape::DevToken);
    }
    // The envelope, the bare `integration` object, or its inner fields without a wrapper.
    // (`technicalAccount` without `privateKey` is the newer OAuth form: `service.rs` says so.)
    if has("integration") || has("technicalAccount") || has("privateKey") && has("metascopes") {
        return Ok(Shape::ServiceCredentials);
    }
    if has("project") {
        return Ok(Shape::DeveloperConsoleProject);
    }
    let lower: Vec<String> = object.keys().map(|k| k.to_ascii_lowercase()).collect();
    let has_lower = |key: &str| lower.iter().any(|k| k == key);
    if has_lower("client_id") {
        if has_lower("private_key") || has_lower("jwt_private_key") || has_lower("meta_scopes") {
            return Err(retired_jwt());
        }
        return Ok(Shape::FlatOauth);
    }
    if has("access_token") {
        return Err(Refusal::new("refusal-token-answer", Vec::new()));
    }
    Err(Refusal::new("refusal-unknown-file", Vec::new()))
}

/// Adobe Developer Console JWT (service account) credentials reached end of life in 2025;
/// AEM Developer Console service credentials are a different thing and still work.
pub fn retired_jwt() -> Refusal {
    Refusal::new("refusal-retired-jwt", Vec::new())
}
