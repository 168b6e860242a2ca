//! The GraphQL configurations a connection can query ([`Endpoints`]): the children of
//! `/content/_cq_graphql` and the configurations the persisted-query listing names.
//!
//! Not here: running a query (`graphql.rs`), persisted queries themselves (`persisted.rs`).

use reqwest::Method;
use serde::Serialize;
use serde_json::Value;
use ts_rs::TS;

use super::persisted;
use metadesk_base::i18n::Text;
use metadesk_clients::aem::AemClient;
use metadesk_clients::error::{Error, Result};

/// The GraphQL configurations a connection can query.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct Endpoints {
    /// Configuration names, `global` first when present.
    pub configs: Vec<String>,
    /// False when AEM could not list them: the names are a guess (`global`) and the user may
    /// type another.
    pub listed: bool,
    /// Why they could not be listed, in words (sent in the reader's language: see
    /// [`Endpoints::localize`]).
    #[ts(type = "string | null")]
    pub note: Option<Text>,
}

impl Endpoints {
    /// The note in `l`'s language, before it is sent to the window.
    pub fn localize(&mut self, l: &metadesk_base::i18n::Localizer) {
        if let Some(note) = &mut self.note {
            note.localize(l);
        }
    }
}

/// The configurations with a GraphQL endpoint: the children of `/content/_cq_graphql`
/// (Sling JSON) and the configurations the persisted-query listing names. There is no
/// documented listing (UNCONFIRMED): when neither answers, `global` is offered and the user may
/// type another name.
pub async fn list_endpoints(client: &AemClient) -> Result<Endpoints> {
    let mut configs: Vec<String> = Vec::new();
    let mut notes = Vec::new();
    match get_json(client, "/content/_cq_graphql.1.json").await {
        Ok(Value::Object(o)) => configs.extend(
            o.iter()
                .filter(|(k, v)| v.is_object() && !k.contains(':'))
                .map(|(k, _)| k.clone()),
        ),
        Ok(_) => {}
        Err(e) => notes.push(e),
    }
    match persisted::list(client).await {
        Ok(list) => {
            for q in list {
                if !configs.contains(&q.config) {
                    configs.push(q.config);
                }
            }
        }
        Err(Error::Aem(e)) => notes.push(e.text()),
        Err(Error::Message { message, .. }) => notes.push(message),
        // Not raised by the listing; its English words rather than none.
        Err(other) => notes.push(Text::from(other.to_string())),
    }
    let listed = !configs.is_empty();
    if !listed {
        configs.push("global".into());
    }
    configs.sort_by_key(|c| (c != "global", c.clone()));
    configs.dedup();
    Ok(Endpoints {
        configs,
        listed,
        note: (!listed).then(|| {
            Text::new(
                "console-endpoints-unlisted",
                vec![("why", metadesk_base::i18n::Part::List(notes))],
            )
        }),
    })
}

/// GETs `path` as JSON; the error is in words (status or transport).
async fn get_json(client: &AemClient, path: &str) -> std::result::Result<Value, Text> {
    let url = client.url(path).map_err(|e| e.text())?;
    let response = client
        .send(Method::GET, url, |r| r)
        .await
        .map_err(|e| e.text())?;
    let status = response.status().as_u16();
    if !(200..300).contains(&status) {
        return Err(Text::new(
            "console-endpoints-status",
            vec![("path", path.into()), ("status", f64::from(status).into())],
        ));
    }
    response.json().await.map_err(|e| {
        Text::new(
            "console-endpoints-not-json",
            vec![("path", path.into()), ("detail", e.to_string().into())],
        )
    })
}
