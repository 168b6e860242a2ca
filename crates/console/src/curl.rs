//! "Copy as curl": a command line that repeats a console request, with `$AEM_TOKEN` where the
//! token would be (the person exports it themselves; Metadesk never shows it). Quoting is
//! `shlex`'s POSIX quoting (picked because it is the well-kept quoting crate the build already
//! has), so any path, header or body round-trips through a POSIX shell.

use super::request::{ConsoleRequest, check_body, check_headers, check_method, check_path};
use metadesk_clients::error::{Error, ErrorCode, Result};
use metadesk_credentials::credentials::CredentialKind;

fn quote(s: &str) -> Result<String> {
    shlex::try_quote(s)
        .map(|q| q.into_owned())
        .map_err(|_| Error::message(ErrorCode::InvalidInput, "error-console-nul", vec![]))
}

/// The curl line for `request` on `base` (the connection's AEM origin) with `kind`'s
/// credentials as variables: `$AEM_TOKEN` (and `$AEM_API_KEY` for OAuth Server-to-Server), or
/// `$AEM_USER:$AEM_PASSWORD` for a local SDK.
pub fn curl_command(
    base: &url::Url,
    kind: CredentialKind,
    request: &ConsoleRequest,
) -> Result<String> {
    let method = check_method(&request.method)?;
    let path = check_path(&request.path)?;
    let url = base.join(path).map_err(|e| {
        Error::message(
            ErrorCode::InvalidInput,
            "error-console-invalid-path",
            vec![("path", path.into()), ("detail", e.to_string().into())],
        )
    })?;
    check_headers(&request.headers)?;
    let mut parts = vec!["curl".to_owned()];
    if method == reqwest::Method::HEAD {
        parts.push("--head".into());
    } else if method != reqwest::Method::GET {
        parts.push(format!("-X {method}"));
    }
    parts.push(quote(url.as_str())?);
    // Double quotes so the shell expands the variables; their names hold nothing to escape.
    match kind {
        CredentialKind::LocalSdk => parts.push("-u \"$AEM_USER:$AEM_PASSWORD\"".into()),
        CredentialKind::OauthServerToServer => {
            parts.push("-H \"Authorization: Bearer $AEM_TOKEN\"".into());
            parts.push("-H \"X-Api-Key: $AEM_API_KEY\"".into());
        }
        CredentialKind::ServiceCredentials | CredentialKind::LocalDevToken => {
            parts.push("-H \"Authorization: Bearer $AEM_TOKEN\"".into());
        }
    }
    for h in request.headers.iter().filter(|h| !h.name.trim().is_empty()) {
        parts.push(format!(
            "-H {}",
            quote(&format!("{}: {}", h.name.trim(), h.value.trim()))?
        ));
    }
    if let Some((bytes, content_type)) = check_body(request)? {
        if let Some(t) = content_type {
            parts.push(format!("-H {}", quote(&format!("Content-Type: {t}"))?));
        }
        parts.push(format!(
            "--data-binary {}",
            quote(&String::from_utf8_lossy(&bytes))?
        ));
    }
    Ok(parts.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::Header;

    #[test]
    fn the_token_is_a_variable_and_everything_else_is_quoted() {
        let base = url::Url::parse("https://author-p1-e2.adobeaemcloud.com/").unwrap();
        let req = ConsoleRequest {
            method: "post".into(),
            path: "/content/dam/it's here.json?a=1&b=$(rm)".replace(' ', "%20"),
            headers: vec![Header {
                name: "Accept".into(),
                value: "application/json".into(),
            }],
            body: Some("{\"t\": \"it's\"}".into()),
            form: None,
        };
        let line = curl_command(&base, CredentialKind::ServiceCredentials, &req).unwrap();
        // What a POSIX shell passes to curl (shlex splits as sh does, without expanding).
        assert_eq!(
            shlex::split(&line).unwrap(),
            [
                "curl",
                "-X",
                "POST",
                "https://author-p1-e2.adobeaemcloud.com/content/dam/it's%20here.json?a=1&b=$(rm)",
                "-H",
                "Authorization: Bearer $AEM_TOKEN",
                "-H",
                "Accept: application/json",
                "-H",
                "Content-Type: application/json",
                "--data-binary",
                "{\"t\": \"it's\"}",
            ]
        );
        assert!(line.contains("-H \"Authorization: Bearer $AEM_TOKEN\""));
        assert!(
            !line.contains("\"$(rm)") && !line.contains("=$(rm)\""),
            "{line}"
        );
        let get = ConsoleRequest {
            method: "GET".into(),
            path: "/x".into(),
            headers: vec![],
            body: None,
            form: None,
        };
        assert_eq!(
            curl_command(&base, CredentialKind::LocalSdk, &get).unwrap(),
            "curl https://author-p1-e2.adobeaemcloud.com/x -u \"$AEM_USER:$AEM_PASSWORD\""
        );
        let evil = ConsoleRequest {
            path: "//evil.test/x".into(),
            ..get
        };
        assert!(curl_command(&base, CredentialKind::LocalSdk, &evil).is_err());
    }
}
