//! An in-memory output, used by `serve` and by tests.

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex, PoisonError};

use super::Output;

/// URL path (`plans/x/index.html`) → bytes. Cheap to clone: clones share the map.
#[derive(Clone, Default)]
pub struct Memory {
    files: Arc<Mutex<BTreeMap<String, Arc<Vec<u8>>>>>,
}

impl Memory {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn get(&self, path: &str) -> Option<Arc<Vec<u8>>> {
        self.lock().get(path).cloned()
    }

    pub fn contains(&self, path: &str) -> bool {
        self.lock().contains_key(path)
    }

    pub fn remove(&self, path: &str) {
        self.lock().remove(path);
    }

    pub fn paths(&self) -> Vec<String> {
        self.lock().keys().cloned().collect()
    }

    pub fn len(&self) -> usize {
        self.lock().len()
    }

    pub fn is_empty(&self) -> bool {
        self.lock().is_empty()
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, BTreeMap<String, Arc<Vec<u8>>>> {
        // A panic while holding the lock cannot leave the map half-updated
        // (every operation is one insert or remove), so poisoning is ignored.
        self.files.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Output for Memory {
    fn put(&self, path: &str, bytes: &[u8]) -> anyhow::Result<()> {
        if !super::is_safe_path(path) {
            anyhow::bail!("refusing a path outside the site: `{path}`");
        }
        self.lock()
            .insert(path.to_string(), Arc::new(bytes.to_vec()));
        Ok(())
    }
}
