//! Pending imports: credentials that were recognised and validated but need the user's choice
//! first (which of several credentials; the AEM address). They stay in this process's memory
//! only, under a short id the page sends back, and are dropped (and their secrets wiped) when
//! completed, discarded, or pushed out by newer ones.

use std::collections::VecDeque;
use std::sync::{Mutex, MutexGuard};

use metadesk_credentials::credentials::Recognised;

/// How many undecided files are kept; older ones are forgotten (the user can drop them again).
const MAX_PENDING: usize = 16;

#[derive(Default)]
pub struct PendingImports {
    inner: Mutex<Inner>,
}

#[derive(Default)]
struct Inner {
    next: u64,
    items: VecDeque<(String, Recognised)>,
}

impl PendingImports {
    /// Keeps `recognised` and returns its id.
    pub fn insert(&self, recognised: Recognised) -> String {
        let mut inner = self.lock();
        inner.next += 1;
        let id = format!("pending-{}", inner.next);
        inner.items.push_back((id.clone(), recognised));
        while inner.items.len() > MAX_PENDING {
            inner.items.pop_front();
        }
        id
    }

    /// Takes the pending import out; put it back with [`Self::restore`] if it must be retried.
    pub fn take(&self, id: &str) -> Option<Recognised> {
        let mut inner = self.lock();
        let index = inner.items.iter().position(|(key, _)| key == id)?;
        inner.items.remove(index).map(|(_, recognised)| recognised)
    }

    /// Puts a taken import back under the same id (after a failed attempt).
    pub fn restore(&self, id: String, recognised: Recognised) {
        self.lock().items.push_back((id, recognised));
    }

    /// Runs `read` on the pending import, if it is still there.
    pub fn with<T>(&self, id: &str, read: impl FnOnce(&Recognised) -> T) -> Option<T> {
        let inner = self.lock();
        inner
            .items
            .iter()
            .find(|(key, _)| key == id)
            .map(|(_, recognised)| read(recognised))
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panic while holding the lock leaves the list itself consistent.
        self.inner
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use metadesk_credentials::credentials::local_sdk;
    use metadesk_credentials::secrets::Secret;

    fn sdk() -> Recognised {
        local_sdk(None, "admin", Secret::new("admin")).unwrap()
    }

    #[test]
    fn take_restore_and_the_size_limit() {
        let pending = PendingImports::default();
        let first = pending.insert(sdk());
        assert!(pending.with(&first, |_| ()).is_some());
        let taken = pending.take(&first).unwrap();
        assert!(pending.take(&first).is_none());
        pending.restore(first.clone(), taken);
        assert!(pending.with(&first, |_| ()).is_some());

        for _ in 0..MAX_PENDING {
            pending.insert(sdk());
        }
        assert!(
            pending.with(&first, |_| ()).is_none(),
            "the oldest is forgotten"
        );
    }
}
