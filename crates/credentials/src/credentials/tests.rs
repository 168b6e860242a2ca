//! Every credential shape and every bad input of the issue, end to end through `inspect`.

use proptest::prelude::*;
use rsa::pkcs1::LineEnding;
use rsa::pkcs8::EncodePrivateKey;
use serde_json::{Value, json};
use time::{Duration, OffsetDateTime};

use super::testing::{self, TestKey};
use super::*;

const CLIENT_ID: &str = "cm-p7603-e12614-integration";

fn bytes(value: &Value) -> Vec<u8> {
    serde_json::to_vec(value).unwrap()
}

fn service(days: i64) -> (TestKey, Value) {
    let key = TestKey::small();
    let json = testing::service_credentials(&key, CLIENT_ID, "ims-na1.adobelogin.com", days);
    (key, json)
}

/// The problems in English.
fn refused(value: &Value) -> Vec<String> {
    inspect(&bytes(value))
        .unwrap_err()
        .problems
        .iter()
        .map(Text::to_string)
        .collect()
}

#[test]
fn service_credentials_envelope_is_explained() {
    let (_, json) = service(365);
    let recognised = inspect(&bytes(&json)).unwrap();
    let p = &recognised.preview;
    assert_eq!(p.kind, CredentialKind::ServiceCredentials);
    assert_eq!(p.kind_label, "AEM service credentials");
    assert_eq!(p.suggested_name, "Program 7603 · environment 12614");
    assert_eq!(
        p.aem_url.as_deref(),
        Some("https://author-p7603-e12614.adobeaemcloud.com")
    );
    assert!(!p.needs_aem_url);
    assert!(
        p.summary
            .to_string()
            .contains("program 7603, environment 12614"),
        "{}",
        p.summary
    );
    assert!(
        p.capabilities
            .iter()
            .any(|c| c.to_string().contains("/api/assets"))
    );
    assert!(
        p.capabilities
            .iter()
            .any(|c| c.to_string().contains("@techacct.adobe.com"))
    );
    assert_eq!(
        p.secret_hints,
        ["client secret ••••1d47", "private key (1024-bit RSA)"]
    );
    assert!(p.warnings.is_empty(), "{:?}", p.warnings);
    assert!(p.expires_at.is_some());
    let draft = recognised.draft(None).unwrap();
    assert_eq!(
        draft.ims_base.as_deref(),
        Some("https://ims-na1.adobelogin.com")
    );
    assert_eq!(draft.scopes, ["ent_aem_cloud_api"]);
    assert_eq!(
        draft.org.as_deref(),
        Some("907136ED5D35CBF50A495CD4@AdobeOrg")
    );
    assert_eq!(
        draft.technical_account_id.as_deref(),
        Some("D8E157165FC0EAE10A495E8C@techacct.adobe.com")
    );
}

#[test]
fn service_credentials_variants_are_accepted() {
    let (key, json) = service(365);
    let integration = json["integration"].clone();
    let mut variants = vec![
        json!({ "integration": integration.clone() }),
        integration.clone(),
    ];
    // PKCS#8, LF, and literal "\n" escapes.
    let mut pkcs8 = json.clone();
    pkcs8["integration"]["privateKey"] = json!(
        key.private
            .to_pkcs8_pem(LineEnding::LF)
            .unwrap()
            .to_string()
    );
    variants.push(pkcs8);
    let mut escaped = json.clone();
    for field in ["privateKey", "publicKey"] {
        let text = escaped["integration"][field]
            .as_str()
            .unwrap()
            .replace("\r\n", "\\n");
        escaped["integration"][field] = json!(text);
    }
    variants.push(escaped);
    let mut spaces = json.clone();
    spaces["integration"]["metascopes"] = json!(" ent_aem_cloud_api , ent_cloudmgr_sdk ,");
    variants.push(spaces);
    for variant in &variants {
        let recognised = inspect(&bytes(variant)).unwrap_or_else(|r| panic!("{r}: {variant}"));
        assert_eq!(recognised.preview.kind, CredentialKind::ServiceCredentials);
        let pem = recognised.draft(None).unwrap().secrets[1]
            .1
            .expose()
            .to_string();
        assert!(pem.starts_with("-----BEGIN RSA PRIVATE KEY-----\n"));
    }
    let spaced = inspect(&bytes(&variants[4])).unwrap();
    assert_eq!(
        spaced.draft(None).unwrap().scopes,
        ["ent_aem_cloud_api", "ent_cloudmgr_sdk"]
    );
    // A UTF-8 byte-order mark.
    let mut with_bom = b"\xEF\xBB\xBF".to_vec();
    with_bom.extend(serde_json::to_vec_pretty(&json).unwrap());
    assert!(inspect(&with_bom).is_ok());
}

#[test]
fn sandbox_credentials_keep_their_loopback_ims() {
    let key = TestKey::small();
    let json = testing::service_credentials(&key, CLIENT_ID, "http://127.0.0.1:41234", 365);
    let recognised = inspect(&bytes(&json)).unwrap();
    assert_eq!(
        recognised.draft(None).unwrap().ims_base.as_deref(),
        Some("http://127.0.0.1:41234")
    );
    let mut remote_http = json.clone();
    remote_http["integration"]["imsEndpoint"] = json!("http://ims-na1.adobelogin.com");
    assert!(refused(&remote_http)[0].contains("https"));
}

#[test]
fn every_missing_field_is_named_at_once() {
    let (_, mut json) = service(365);
    let integration = json["integration"].as_object_mut().unwrap();
    integration.remove("privateKey");
    integration.remove("org");
    integration["technicalAccount"]
        .as_object_mut()
        .unwrap()
        .remove("clientSecret");
    integration["metascopes"] = json!(" , ");
    let problems = refused(&json);
    assert_eq!(
        problems,
        [
            "The metascopes (integration.metascopes) is empty.",
            "The file has no client secret (integration.technicalAccount.clientSecret).",
            "The file has no organisation id (integration.org).",
            "The file has no private key (integration.privateKey).",
        ]
    );
    let message = inspect(&bytes(&json)).unwrap_err().to_string();
    assert!(message.contains("no private key (integration.privateKey)."));
}

#[test]
fn a_key_from_another_download_is_refused() {
    let (_, mut json) = service(365);
    let other = TestKey::small();
    json["integration"]["privateKey"] = json!(other.pkcs1_pem());
    let problems = refused(&json);
    assert!(
        problems[0].contains("does not belong to the certificate"),
        "{problems:?}"
    );
}

#[test]
fn malformed_key_and_certificate_are_named() {
    let (_, mut json) = service(365);
    json["integration"]["privateKey"] = json!("not a key");
    json["integration"]["publicKey"] = json!(42);
    let problems = refused(&json);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("The private key (integration.privateKey) has no"))
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("certificate (integration.publicKey) should be text"))
    );
}

#[test]
fn certificate_expiry_refuses_or_warns() {
    let key = TestKey::small();
    let now = OffsetDateTime::now_utc();
    let mut json = testing::service_credentials(&key, CLIENT_ID, "ims-na1.adobelogin.com", 365);
    json["integration"]["publicKey"] =
        json!(key.certificate(now - Duration::days(400), now - Duration::days(2)));
    let problems = refused(&json);
    assert!(
        problems[0].starts_with("The certificate expired on"),
        "{problems:?}"
    );

    let soon = testing::service_credentials(&key, CLIENT_ID, "ims-na1.adobelogin.com", 10);
    let recognised = inspect(&bytes(&soon)).unwrap();
    let warning = &recognised.preview.warnings[0];
    assert!(
        warning
            .to_string()
            .starts_with("The certificate expires in 9 days")
            || warning
                .to_string()
                .starts_with("The certificate expires in 10 days"),
        "{warning}"
    );
}

#[test]
fn missing_certificate_is_a_warning_with_optional_date() {
    let (_, mut json) = service(365);
    json["integration"]
        .as_object_mut()
        .unwrap()
        .remove("publicKey");
    let recognised = inspect(&bytes(&json)).unwrap();
    assert!(
        recognised.preview.warnings[0]
            .to_string()
            .contains("no certificate")
    );
    json["integration"]["certificateExpirationDate"] = json!("2020-02-14T07:35:37.000Z");
    assert!(refused(&json)[0].starts_with("The certificate expired on 14 Feb 2020"));
}

#[test]
fn development_token_says_who_and_until_when() {
    let now = OffsetDateTime::now_utc();
    let json = testing::dev_token(
        "jane@example.com",
        now - Duration::hours(1),
        Duration::hours(24),
    );
    let recognised = inspect(&bytes(&json)).unwrap();
    let p = &recognised.preview;
    assert_eq!(p.kind, CredentialKind::LocalDevToken);
    assert_eq!(p.acts_as.as_deref(), Some("jane@example.com"));
    assert!(p.needs_aem_url);
    assert!(
        p.summary
            .to_string()
            .contains("acts as jane@example.com for about 22 more hours"),
        "{}",
        p.summary
    );
    assert!(
        p.capabilities
            .iter()
            .any(|c| c.to_string().starts_with("Acts as jane@example.com"))
    );
    assert_eq!(p.suggested_name, "Development token (jane@example.com)");
    assert_eq!(
        recognised.draft(None).unwrap().ims_base.as_deref(),
        Some("https://ims-na1.adobelogin.com")
    );
    let expires = OffsetDateTime::parse(
        p.expires_at.as_deref().unwrap(),
        &time::format_description::well_known::Rfc3339,
    )
    .unwrap();
    assert!((expires - (now + Duration::hours(23))).abs() < Duration::seconds(2));

    // Bare `{accessToken}` works too.
    let bare = json!({ "accessToken": json["accessToken"] });
    assert!(inspect(&bytes(&bare)).is_ok());
}

#[test]
fn expired_or_unreadable_development_tokens_are_refused() {
    let now = OffsetDateTime::now_utc();
    let old = testing::dev_token(
        "jane@example.com",
        now - Duration::hours(30),
        Duration::hours(24),
    );
    assert!(refused(&old)[0].starts_with("This development token has expired"));
    assert!(refused(&json!({"accessToken": "not-a-jwt"}))[0].contains("not a readable token"));
    assert!(refused(&json!({"accessToken": ""}))[0].contains("is empty"));
}

#[test]
fn project_json_offers_its_oauth_credentials() {
    let json = testing::project(vec![
        testing::oauth_credential("111", "Metadesk", "0a1b2c3d"),
        json!({"id": "222", "name": "Old JWT", "integration_type": "service", "jwt": {}}),
        testing::oauth_credential("333", "Reports", "9f8e7d6c"),
    ]);
    let recognised = inspect(&bytes(&json)).unwrap();
    let p = &recognised.preview;
    assert_eq!(p.kind, CredentialKind::OauthServerToServer);
    assert_eq!(p.choices.len(), 2);
    assert_eq!(p.choice.as_deref(), Some("111"));
    assert_eq!(p.choices[1].label, "Reports (client id 9f8e7d6c)");
    assert_eq!(p.client_id.as_deref(), Some("0a1b2c3d"));
    assert_eq!(p.suggested_name, "Metadesk test project (Metadesk)");
    assert!(p.needs_aem_url);
    assert!(
        p.capabilities
            .iter()
            .any(|c| c.to_string().contains("Does not work with the classic"))
    );
    assert_eq!(
        recognised.preview_of("333").unwrap().client_id.as_deref(),
        Some("9f8e7d6c")
    );
    assert!(recognised.preview_of("999").is_err());
    let draft = recognised.draft(Some("333")).unwrap();
    assert_eq!(
        draft.scopes,
        ["AdobeID", "openid", "aem.assets.author", "aem.folders"]
    );
    assert_eq!(
        draft.org.as_deref(),
        Some("907136ED5D35CBF50A495CD4@AdobeOrg")
    );
    assert_eq!(
        draft.ims_base, None,
        "a project never names IMS: the import decides"
    );
}

#[test]
fn project_json_problems_are_named() {
    let mut broken = testing::oauth_credential("1", "A", "abc");
    broken["oauth_server_to_server"]["client_secrets"] = json!([]);
    let json = testing::project(vec![broken.clone()]);
    assert_eq!(
        refused(&json),
        [
            "The file has no client secret (project.workspace.details.credentials[0].oauth_server_to_server.client_secrets[0])."
        ]
    );
    // One usable, one broken: importable with a warning.
    let mixed = testing::project(vec![broken, testing::oauth_credential("2", "B", "def")]);
    let recognised = inspect(&bytes(&mixed)).unwrap();
    assert!(recognised.preview.choices.is_empty());
    assert!(
        recognised.preview.warnings[0]
            .to_string()
            .contains("cannot be used")
    );
    let jwt_only = testing::project(vec![json!({"id": "1", "jwt": {"client_id": "x"}})]);
    assert!(refused(&jwt_only)[0].contains("retired"));
    let none = testing::project(vec![]);
    assert!(refused(&none)[0].contains("no OAuth Server-to-Server credential"));
}

#[test]
fn flat_oauth_objects_are_recognised() {
    let recognised = inspect(&bytes(&testing::flat_oauth("0a1b2c3d"))).unwrap();
    assert_eq!(recognised.preview.kind, CredentialKind::OauthServerToServer);
    assert_eq!(recognised.preview.secret_hints, ["client secret ••••77aa"]);
    let upper = json!({"CLIENT_ID": "abc", "CLIENT_SECRET": "s3cr3t-value-long-enough", "SCOPES": "AdobeID, openid"});
    let recognised = inspect(&bytes(&upper)).unwrap();
    assert_eq!(
        recognised.draft(None).unwrap().scopes,
        ["AdobeID", "openid"]
    );
    let no_scopes = json!({"client_id": "abc", "client_secret": "x"});
    assert_eq!(refused(&no_scopes), ["The file has no scopes (scopes)."]);
    let jwt = json!({"client_id": "abc", "client_secret": "x", "meta_scopes": ["ent_x"], "private_key": "k"});
    assert!(refused(&jwt)[0].contains("retired"));
}

#[test]
fn oauth_credentials_use_their_own_ims_address_when_they_name_one() {
    let default = inspect(&bytes(&testing::flat_oauth("0a1b2c3d"))).unwrap();
    assert_eq!(
        default.draft(None).unwrap().ims_base,
        None,
        "the import chooses"
    );
    let mut local = testing::flat_oauth("0a1b2c3d");
    local["imsEndpoint"] = json!("http://127.0.0.1:4502");
    let recognised = inspect(&bytes(&local)).unwrap();
    assert_eq!(
        recognised.draft(None).unwrap().ims_base.as_deref(),
        Some("http://127.0.0.1:4502")
    );
    let mut stage = testing::flat_oauth("0a1b2c3d");
    stage["ims_endpoint"] = json!("ims-na1-stg1.adobelogin.com");
    let recognised = inspect(&bytes(&stage)).unwrap();
    assert_eq!(
        recognised.draft(None).unwrap().ims_base.as_deref(),
        Some("https://ims-na1-stg1.adobelogin.com")
    );
    let mut plain_http = testing::flat_oauth("0a1b2c3d");
    plain_http["imsEndpoint"] = json!("http://ims.example.com");
    let problems = refused(&plain_http);
    assert!(
        problems[0].starts_with("The IMS address (imsendpoint) is not usable"),
        "{problems:?}"
    );
    assert!(
        problems[0].contains("only sends credentials over https"),
        "{problems:?}"
    );
    let mut project = testing::project(vec![testing::oauth_credential("c1", "Main", "abc123")]);
    project["project"]["workspace"]["details"]["credentials"][0]["oauth_server_to_server"]["imsEndpoint"] =
        json!("http://127.0.0.1:4502");
    let recognised = inspect(&bytes(&project)).unwrap();
    assert_eq!(
        recognised.draft(None).unwrap().ims_base.as_deref(),
        Some("http://127.0.0.1:4502")
    );
}

#[test]
fn unknown_and_error_files_are_refused_in_words() {
    assert!(
        refused(&json!({"hello": "world"}))[0].starts_with("Metadesk does not recognise this file")
    );
    assert!(refused(&json!({"ok": false, "statusCode": 403}))[0].contains("error answer"));
    assert!(
        refused(&json!({"access_token": "x", "expires_in": 1}))[0]
            .contains("access token from a token request")
    );
    assert!(refused(&json!({"integration": "text"}))[0].contains("group of fields"));
}

#[test]
fn local_sdk_connection_is_checked() {
    let recognised = local_sdk(None, "admin", crate::secrets::Secret::new("admin")).unwrap();
    assert_eq!(
        recognised.preview.aem_url.as_deref(),
        Some("http://localhost:4502")
    );
    assert_eq!(
        recognised.preview.suggested_name,
        "Local AEM SDK (localhost:4502)"
    );
    let problems = local_sdk(
        Some("http://aem.example.com"),
        " ",
        crate::secrets::Secret::new(""),
    )
    .unwrap_err()
    .problems;
    assert_eq!(problems.len(), 3, "{problems:?}");
}

#[test]
fn nothing_secret_leaks_through_debug_or_the_preview() {
    let (_, json) = service(365);
    let recognised = inspect(&bytes(&json)).unwrap();
    let debug = format!("{recognised:?}");
    let preview = serde_json::to_string(&recognised.preview).unwrap();
    for text in [&debug, &preview] {
        assert!(!text.contains("p8e-TEST-client-secret"), "{text}");
        assert!(!text.contains("PRIVATE KEY"), "{text}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arbitrary_bytes_never_panic(data in proptest::collection::vec(any::<u8>(), 0..2048)) {
        let _ = inspect(&data);
    }

    #[test]
    fn arbitrary_json_text_never_panics(text in "[{}\\[\\]\",:a-zA-Z0-9 \\\\.-]{0,400}") {
        let _ = inspect(text.as_bytes());
    }

    #[test]
    fn mangled_pem_never_panics(body in "[-A-Za-z0-9+/= \\r\\n\\\\]{0,600}") {
        let pem = format!("-----BEGIN RSA PRIVATE KEY-----{body}-----END RSA PRIVATE KEY-----");
        let _ = pem::parse_private_key(&pem);
        let _ = cert::parse(&pem.replace("RSA PRIVATE KEY", "CERTIFICATE"));
    }

    #[test]
    fn known_shapes_with_arbitrary_field_values_never_panic(
        value in proptest::prop_oneof![
            Just(Value::Null), any::<bool>().prop_map(Value::Bool), any::<i64>().prop_map(|n| json!(n)),
            ".{0,40}".prop_map(Value::String), Just(json!([])), Just(json!({}))
        ],
        field in 0usize..6,
    ) {
        let keys = ["accessToken", "integration", "project", "client_id", "technicalAccount", "privateKey"];
        let mut object = serde_json::Map::new();
        object.insert(keys[field].to_string(), value.clone());
        object.insert("metascopes".into(), value);
        let _ = inspect(&serde_json::to_vec(&object).unwrap());
    }
}

/// An AEM Developer Console technical account in the newer OAuth form: client id, secret and
/// scopes, no private key or certificate (its exact shape is UNCONFIRMED: Adobe publishes no
/// example).
fn aem_oauth_form() -> Value {
    let (_, mut json) = service(365);
    let integration = json["integration"].as_object_mut().unwrap();
    integration.remove("privateKey");
    integration.remove("publicKey");
    integration.remove("metascopes");
    integration.insert(
        "scopes".into(),
        json!([
            "openid",
            "AdobeID",
            "read_organizations",
            "additional_info.projectedProductContext"
        ]),
    );
    json
}

#[test]
fn an_aem_technical_account_without_a_private_key_is_taken_as_oauth() {
    for json in [
        aem_oauth_form(),
        // The integration object alone, and scopes as one comma-separated string.
        {
            let mut inner = aem_oauth_form()["integration"].clone();
            inner["scopes"] = json!("openid,AdobeID,read_organizations");
            inner
        },
    ] {
        let recognised = inspect(&bytes(&json)).unwrap();
        let p = &recognised.preview;
        assert_eq!(p.kind, CredentialKind::OauthServerToServer);
        assert!(
            p.summary
                .to_string()
                .contains("no private key: the newer OAuth form"),
            "{}",
            p.summary
        );
        assert!(
            p.summary.to_string().contains("ims-na1.adobelogin.com"),
            "{}",
            p.summary
        );
        assert_eq!(
            p.aem_url.as_deref(),
            Some("https://author-p7603-e12614.adobeaemcloud.com")
        );
        assert_eq!(p.secret_hints, ["client secret ••••1d47"]);
        let draft = recognised.draft(None).unwrap();
        assert!(
            draft.scopes.contains(&"AdobeID".to_owned()),
            "{:?}",
            draft.scopes
        );
        assert_eq!(draft.secrets.len(), 1);
        assert_eq!(draft.secrets[0].0, SecretSlot::ClientSecret);
        assert_eq!(draft.client_id.as_deref(), Some(CLIENT_ID));
    }
}

#[test]
fn an_oauth_form_missing_its_secret_or_scopes_is_refused_naming_each() {
    let mut no_secret = aem_oauth_form();
    no_secret["integration"]["technicalAccount"]
        .as_object_mut()
        .unwrap()
        .remove("clientSecret");
    let problems = refused(&no_secret);
    assert!(
        problems.iter().any(|p| p.contains("no client secret")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.contains("the private key is missing")),
        "{problems:?}"
    );

    let mut no_scopes = aem_oauth_form();
    no_scopes["integration"]
        .as_object_mut()
        .unwrap()
        .remove("scopes");
    let problems = refused(&no_scopes);
    assert!(
        problems.iter().any(|p| p.contains("no scopes")),
        "{problems:?}"
    );

    let mut bad_ims = aem_oauth_form();
    bad_ims["integration"]["imsEndpoint"] = json!("http://evil.example.com");
    let problems = refused(&bad_ims);
    assert!(
        problems.iter().any(|p| p.contains("IMS address")),
        "{problems:?}"
    );

    // A JWT download with its key but a broken certificate is still read as JWT.
    let (_, mut jwt) = service(365);
    jwt["integration"]["publicKey"] = json!("not a certificate");
    let problems = refused(&jwt);
    assert!(
        problems.iter().any(|p| p.contains("certificate")),
        "{problems:?}"
    );
}

/// A French user reads every refusal and the import preview in French (issue 17).
mod in_french {
    use super::*;
    use metadesk_base::i18n::checks::assert_reads_french;
    use metadesk_base::i18n::{Lang, Localizer};

    fn fr() -> Localizer {
        Localizer::new(Lang::Fr)
    }

    /// Every problem of the refusal of `bytes`, in French (each checked).
    fn refusal_fr(bytes: &[u8]) -> Vec<String> {
        let fr = fr();
        let problems: Vec<String> = inspect(bytes)
            .unwrap_err()
            .problems
            .iter()
            .map(|p| p.localized(&fr))
            .collect();
        for problem in &problems {
            assert_reads_french(problem);
        }
        problems
    }

    #[test]
    fn bad_json_an_empty_file_and_a_binary_one_are_refused_in_french() {
        assert_eq!(
            refusal_fr(b"{\"a\": "),
            [
                "Le fichier n’est pas du JSON valide (ligne 1, colonne 6). Les fichiers \
              d’identifiants sont en JSON\u{202f}; téléchargez-le à nouveau plutôt que de le \
              modifier à la main."
            ]
        );
        assert_eq!(refusal_fr(b"  \n"), ["Le fichier est vide."]);
        let png = refusal_fr(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
        assert!(
            png[0].starts_with("Le fichier n’est pas un fichier texte"),
            "{png:?}"
        );
        let utf16 = refusal_fr(b"\xFF\xFE{\0\"\0");
        assert!(
            utf16[0].contains("UTF-16 («\u{a0}Unicode\u{a0}»)"),
            "{utf16:?}"
        );
        assert!(refusal_fr(b"[1]")[0].contains("une liste"));
        assert!(refusal_fr(br#"{"ok": false}"#)[0].contains("réponse d’erreur"));
        assert!(refusal_fr(br#"{"hello": 1}"#)[0].starts_with("Metadesk ne reconnaît pas"));
    }

    #[test]
    fn a_file_too_large_a_folder_and_a_missing_file_are_refused_in_french() {
        let dir = tempfile::tempdir().unwrap();
        let huge = dir.path().join("enorme.json");
        std::fs::File::create(&huge)
            .unwrap()
            .set_len(MAX_FILE_BYTES * 3 / 2)
            .unwrap();
        let fr = fr();
        let said = |path: &std::path::Path| {
            let text = read_credential_file(path).unwrap_err().localized(&fr);
            assert_reads_french(&text);
            text
        };
        assert_eq!(
            said(&huge),
            "Le fichier est trop volumineux pour être un fichier d’identifiants \
             (1,5\u{a0}Mo\u{202f}; un fichier d’identifiants fait quelques kilo-octets)."
        );
        assert!(said(dir.path()).starts_with("C’est un dossier, pas un fichier."));
        assert_eq!(
            said(&dir.path().join("absent.json")),
            "Le fichier n’existe pas."
        );
    }

    #[test]
    fn every_missing_field_is_named_in_french() {
        let (_, mut json) = service(365);
        let integration = json["integration"].as_object_mut().unwrap();
        integration.remove("privateKey");
        integration.remove("org");
        integration["technicalAccount"]
            .as_object_mut()
            .unwrap()
            .remove("clientSecret");
        integration["metascopes"] = json!(" , ");
        assert_eq!(
            refusal_fr(&bytes(&json)),
            [
                "Le champ integration.metascopes (métaportées) est vide.",
                "Il manque au fichier le champ integration.technicalAccount.clientSecret \
                 (secret client).",
                "Il manque au fichier le champ integration.org (identifiant d’organisation).",
                "Il manque au fichier le champ integration.privateKey (clé privée).",
            ]
        );
    }

    #[test]
    fn pem_and_address_problems_are_explained_in_french() {
        let (key, mut json) = service(365);
        json["integration"]["privateKey"] = json!("hello");
        json["integration"]["publicKey"] = json!(key.pkcs1_pem());
        json["integration"]["imsEndpoint"] = json!("http://ims-na1.adobelogin.com");
        assert_eq!(
            refusal_fr(&bytes(&json)),
            [
                "L’adresse IMS (integration.imsEndpoint) est inutilisable\u{a0}: \
                 «\u{a0}http://ims-na1.adobelogin.com/\u{a0}» utilise http simple\u{202f}; \
                 Metadesk n’envoie d’identifiants que par https (http simple n’est admis que \
                 pour les adresses de cet ordinateur, comme un SDK AEM local).",
                "Le champ integration.privateKey (clé privée) n’a pas de ligne \
                 «\u{a0}-----BEGIN\u{a0}».",
                "Le champ integration.publicKey (certificat) ne contient pas de certificat.",
            ]
        );
        let (_, mut mismatched) = service(365);
        mismatched["integration"]["privateKey"] = json!(TestKey::small().pkcs1_pem());
        let (_, mut expired) = service(365);
        expired["integration"]["publicKey"] = json!(key.certificate(
            OffsetDateTime::now_utc() - Duration::days(400),
            OffsetDateTime::now_utc() - Duration::days(3),
        ));
        expired["integration"]["privateKey"] = json!(key.pkcs1_pem());
        let said = refusal_fr(&bytes(&expired));
        assert!(
            said[0].starts_with("Le certificat a expiré le "),
            "{said:?}"
        );
        let said = refusal_fr(&bytes(&mismatched));
        assert!(
            said[0].starts_with("La clé privée (integration.privateKey) ne correspond pas"),
            "{said:?}"
        );
    }

    #[test]
    fn the_import_preview_is_in_french() {
        let (_, json) = service(20);
        let mut preview = inspect(&bytes(&json)).unwrap().preview;
        preview.localize(&fr());
        let words = serde_json::to_value(&preview).unwrap();
        let mut texts = vec![words["summary"].as_str().unwrap().to_string()];
        for list in ["capabilities", "warnings", "secretHints"] {
            for text in words[list].as_array().unwrap() {
                texts.push(text.as_str().unwrap().to_string());
            }
        }
        for text in &texts {
            assert_reads_french(text);
        }
        assert_eq!(
            texts[0],
            "Identifiants de service AEM pour le programme 7603, environnement 12614, issus de \
             la Console développeur AEM."
        );
        assert!(
            texts
                .iter()
                .any(|t| t.starts_with("Le certificat expire dans 19 jours (le ")),
            "{texts:?}"
        );
        assert!(
            texts.iter().any(|t| t.starts_with("secret client ••••")),
            "{texts:?}"
        );
        assert_eq!(words["kindLabel"], "identifiants de service AEM");

        let token = testing::dev_token(
            "ana@example.com",
            OffsetDateTime::now_utc() - Duration::hours(1),
            Duration::hours(24),
        );
        let mut preview = inspect(&bytes(&token)).unwrap().preview;
        preview.localize(&fr());
        let summary = preview.summary.to_string();
        assert!(
            summary.starts_with(
                "Un jeton de développement local AEM. Il agit en tant que ana@example.com \
                 pendant encore environ 22 heures (jusqu’au "
            ),
            "{summary}"
        );
    }

    #[test]
    fn a_retired_jwt_project_and_a_project_without_s2s_are_refused_in_french() {
        let jwt = json!({"CLIENT_ID": "x", "JWT_PRIVATE_KEY": "y"});
        assert!(refusal_fr(&bytes(&jwt))[0].contains("Adobe les a retirés en 2025"));
        let empty = testing::project(Vec::new());
        assert!(refusal_fr(&bytes(&empty))[0].contains("serveur à serveur"));
    }
}
