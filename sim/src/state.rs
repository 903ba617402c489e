//! The simulated chain's storage: every key and value in one flat map, with the nested
//! storage transactions FRAME opens around each dispatch, behind the `Externalities` interface
//! that `sp_io` calls natively.
//!
//! `sp_io::TestExternalities` keeps the same state as a trie backend under an overlay of
//! changes: a read that misses the overlay walks and decodes trie nodes, and clearing a prefix
//! scans the whole overlay. The simulator never needs a proof or an intermediate root, so it
//! keeps the flat map only and computes a root on request ([`State::root`], also what
//! `sp_io::storage::root` returns). What the runtime reads and writes is the same byte for
//! byte: values, `storage_append` (the overlay's rule: append under a valid compact length,
//! otherwise start a one-item list), `next_key` order, `clear_prefix` with its limit and
//! cursor, transactions that commit or roll back. `sim/tests/state.rs` runs the same
//! scenario on both and compares every pair.
//!
//! Child tries are kept, each in its own map, for completeness; the runtime has none.
use codec::{Compact, CompactLen, Decode, Encode};
use sp_core::storage::{well_known_keys, ChildInfo, StateVersion, Storage, TrackedStorageKey};
use sp_externalities::{Extension, Extensions, ExtensionStore, Externalities, MultiRemovalResults, TransactionType};
use sp_trie::{LayoutV0, LayoutV1, TrieConfiguration};
use std::any::{Any, TypeId};
use std::collections::{BTreeMap, BTreeSet, HashMap, VecDeque};
use std::ops::Bound;

/// One trie's pairs: the values in a hash map (a read is one hash and one comparison), the
/// keys also in a sorted set for `next_key` and prefix removal (touched only when a key
/// appears or goes; most writes change a value under an existing key).
#[derive(Default, Clone)]
struct Map {
    values: HashMap<Vec<u8>, Vec<u8>, foldhash::fast::FixedState>,
    keys: BTreeSet<Vec<u8>>,
    /// Keys read ahead for an iteration: the keys after `cursor`, in order, while no key has
    /// been added or removed since (a `next_key` loop then costs one set search per
    /// [`READ_AHEAD`] keys instead of one per key).
    ahead: VecDeque<Vec<u8>>,
    cursor: Vec<u8>,
}

/// Keys read ahead by one search of the sorted set.
const READ_AHEAD: usize = 32;

impl Map {
    fn get(&self, key: &[u8]) -> Option<&Vec<u8>> {
        self.values.get(key)
    }

    fn insert(&mut self, key: Vec<u8>, value: Vec<u8>) -> Option<Vec<u8>> {
        match self.values.get_mut(&key) {
            Some(old) => Some(std::mem::replace(old, value)),
            None => {
                self.ahead.clear();
                self.keys.insert(key.clone());
                self.values.insert(key, value)
            }
        }
    }

    fn remove(&mut self, key: &[u8]) -> Option<Vec<u8>> {
        let old = self.values.remove(key)?;
        self.ahead.clear();
        self.keys.remove(key);
        Some(old)
    }

    /// The first key after `key`.
    fn next_after(&mut self, key: &[u8]) -> Option<Vec<u8>> {
        if self.ahead.is_empty() || self.cursor != key {
            self.ahead.clear();
            self.ahead.extend(self.keys.range::<[u8], _>((Bound::Excluded(key), Bound::Unbounded)).take(READ_AHEAD).cloned());
        }
        let next = self.ahead.pop_front()?;
        self.cursor.clone_from(&next);
        Some(next)
    }

    /// Keys from `from` on, in order.
    fn keys_from<'a>(&'a self, from: Bound<&'a [u8]>) -> impl Iterator<Item = &'a Vec<u8>> + 'a {
        self.keys.range::<[u8], _>((from, Bound::Unbounded))
    }

    /// Pairs in key order.
    fn iter(&self) -> impl Iterator<Item = (&Vec<u8>, &Vec<u8>)> {
        self.keys.iter().filter_map(|k| self.values.get_key_value(k))
    }

    fn len(&self) -> usize {
        self.values.len()
    }

    fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

impl FromIterator<(Vec<u8>, Vec<u8>)> for Map {
    fn from_iter<I: IntoIterator<Item = (Vec<u8>, Vec<u8>)>>(pairs: I) -> Self {
        let mut map = Map::default();
        for (k, v) in pairs {
            map.insert(k, v);
        }
        map
    }
}

/// A change to undo if its transaction rolls back.
enum Undo {
    /// A value set or removed: which trie (`None`: the top), the key, the value before.
    Put(Option<Vec<u8>>, Vec<u8>, Option<Vec<u8>>),
    /// An item appended in place to the top trie's list under the key: the list's compact
    /// length before, and its length in bytes before.
    Append(Vec<u8>, Vec<u8>, usize),
}

/// The state: the top trie's pairs, the child tries' pairs, the undo journal of the open
/// transactions.
#[derive(Default)]
pub struct State {
    top: Map,
    children: BTreeMap<Vec<u8>, Map>,
    /// Every change made while a transaction is open, oldest first.
    journal: Vec<Undo>,
    /// For each open transaction, the journal's length when it opened.
    open: Vec<usize>,
    extensions: Extensions,
}

impl State {
    /// A state holding `storage`.
    pub fn new(storage: Storage) -> Self {
        let children = storage
            .children_default
            .into_values()
            .map(|child| (child.child_info.storage_key().to_vec(), child.data.into_iter().collect()))
            .collect();
        State { top: storage.top.into_iter().collect(), children, ..Default::default() }
    }

    /// A state holding exactly `pairs` in its top trie.
    pub fn from_pairs(pairs: impl IntoIterator<Item = (Vec<u8>, Vec<u8>)>) -> Self {
        State { top: pairs.into_iter().collect(), ..Default::default() }
    }

    /// Runs `f` with this state as the externalities `sp_io` reads and writes.
    pub fn execute_with<R>(&mut self, f: impl FnOnce() -> R) -> R {
        sp_externalities::set_and_run_with_externalities(self, f)
    }

    /// The top trie's pairs, in key order.
    pub fn pairs(&self) -> impl Iterator<Item = (&Vec<u8>, &Vec<u8>)> {
        self.top.iter()
    }

    /// The number of keys in the top trie.
    pub fn len(&self) -> usize {
        self.top.len()
    }

    /// Whether the top trie is empty.
    pub fn is_empty(&self) -> bool {
        self.top.is_empty()
    }

    /// The state root (the trie root a block header would hold) under `version`.
    pub fn root(&self, version: StateVersion) -> Vec<u8> {
        let child_roots: Vec<(Vec<u8>, Vec<u8>)> = self
            .children
            .iter()
            .filter(|(_, data)| !data.is_empty())
            .map(|(key, data)| {
                let pairs = data.iter().map(|(k, v)| (k.as_slice(), v.as_slice()));
                (ChildInfo::new_default(key).prefixed_storage_key().into_inner(), trie_root(version, pairs))
            })
            .collect();
        let top = self.top.iter().map(|(k, v)| (k.as_slice(), v.as_slice()));
        trie_root(version, top.chain(child_roots.iter().map(|(k, v)| (k.as_slice(), v.as_slice()))))
    }

    fn map(&mut self, child: Option<&[u8]>) -> &mut Map {
        match child {
            None => &mut self.top,
            Some(key) => self.children.entry(key.to_vec()).or_default(),
        }
    }

    fn get(&self, child: Option<&[u8]>, key: &[u8]) -> Option<&Vec<u8>> {
        match child {
            None => self.top.get(key),
            Some(c) => self.children.get(c).and_then(|m| m.get(key)),
        }
    }

    /// Sets (`Some`) or removes (`None`) one value, journalled while a transaction is open.
    fn put(&mut self, child: Option<&[u8]>, key: Vec<u8>, value: Option<Vec<u8>>) {
        if self.open.is_empty() {
            let map = self.map(child);
            match value {
                Some(v) => map.insert(key, v),
                None => map.remove(&key),
            };
            return;
        }
        let map = self.map(child);
        let before = match value {
            Some(v) => map.insert(key.clone(), v),
            None => map.remove(&key),
        };
        self.journal.push(Undo::Put(child.map(<[u8]>::to_vec), key, before));
    }

    fn next_key(&mut self, child: Option<&[u8]>, key: &[u8]) -> Option<Vec<u8>> {
        match child {
            None => self.top.next_after(key),
            Some(c) => self.children.get_mut(c)?.next_after(key),
        }
    }

    /// Removes the keys under `prefix` from `cursor` on (or from the prefix), at most `limit`
    /// of them; the cursor is the first key left when the limit stopped it.
    fn remove_prefix(
        &mut self,
        child: Option<&[u8]>,
        prefix: &[u8],
        limit: Option<u32>,
        cursor: Option<&[u8]>,
    ) -> MultiRemovalResults {
        let start = cursor.filter(|c| c.starts_with(prefix)).unwrap_or(prefix).to_vec();
        let map = match child {
            None => &self.top,
            Some(c) => match self.children.get(c) {
                Some(m) => m,
                None => return MultiRemovalResults { maybe_cursor: None, backend: 0, unique: 0, loops: 0 },
            },
        };
        let mut keys = map.keys_from(Bound::Included(&start[..])).take_while(|k| k.starts_with(prefix));
        let limit = limit.map_or(usize::MAX, |l| l as usize);
        let doomed: Vec<Vec<u8>> = keys.by_ref().take(limit).cloned().collect();
        let maybe_cursor = keys.next().cloned();
        drop(keys);
        let removed = u32::try_from(doomed.len()).unwrap_or(u32::MAX);
        for key in doomed {
            self.put(child, key, None);
        }
        let loops = removed.saturating_add(u32::from(maybe_cursor.is_some()));
        MultiRemovalResults { maybe_cursor, backend: removed, unique: removed, loops }
    }
}

/// Blocks between two commits of the trie backend's overlay (see [`Chain::end_block`]).
pub const COMMIT_EVERY: u64 = 50;

/// Where the simulated chain's state lives: the flat [`State`] (the default), or, to check it
/// against, `sp_io::TestExternalities` (a trie backend under an overlay, as the pallet's unit
/// tests run).
pub enum Chain {
    /// One flat map ([`State`]).
    Flat(Box<State>),
    /// A trie backend under an overlay.
    Trie(Box<sp_io::TestExternalities>),
}

impl Chain {
    /// Runs `f` with this state as the externalities.
    pub fn execute_with<R>(&mut self, f: impl FnOnce() -> R) -> R {
        match self {
            Chain::Flat(s) => s.execute_with(f),
            Chain::Trie(t) => t.execute_with(f),
        }
    }

    /// After block `block`: the trie backend moves the overlay's changes into the trie every
    /// [`COMMIT_EVERY`] blocks (clearing a prefix scans the whole overlay, which would
    /// otherwise hold every change since genesis); the flat state has nothing to do.
    pub fn end_block(&mut self, block: u64) -> Result<(), String> {
        match self {
            Chain::Trie(t) if block.is_multiple_of(COMMIT_EVERY) => {
                t.commit_all().map_err(|e| format!("block {block}: committing the state failed: {e}"))
            }
            _ => Ok(()),
        }
    }

    /// A chain holding `storage`, in a trie backend (`trie`) or flat. Both also hold the
    /// empty `:code` that `TestExternalities::new` stores (the simulator runs the runtime
    /// natively), so that they hold the same pairs.
    pub fn new(mut storage: Storage, trie: bool) -> Chain {
        if trie {
            return Chain::Trie(Box::new(sp_io::TestExternalities::new(storage)));
        }
        storage.top.insert(well_known_keys::CODE.to_vec(), Vec::new());
        Chain::Flat(Box::new(State::new(storage)))
    }
}

fn trie_root<'a>(version: StateVersion, pairs: impl Iterator<Item = (&'a [u8], &'a [u8])>) -> Vec<u8> {
    match version {
        StateVersion::V0 => LayoutV0::<sp_core::Blake2Hasher>::trie_root(pairs).encode(),
        StateVersion::V1 => LayoutV1::<sp_core::Blake2Hasher>::trie_root(pairs).encode(),
    }
}

/// `value` appended to the SCALE list `current` as the overlay appends: after a valid compact
/// length the count goes up by one and the item goes at the end; anything else (nothing, or
/// bytes that do not start with a compact length) becomes the one-item list `[value]`.
pub fn appended(current: Option<&[u8]>, value: &[u8]) -> Vec<u8> {
    let length = current.and_then(|c| Compact::<u32>::decode(&mut &c[..]).ok().map(|n| (c, n.0)));
    let mut out = Vec::new();
    match length {
        Some((c, n)) => {
            Compact(n.saturating_add(1)).encode_to(&mut out);
            out.extend_from_slice(&c[Compact::<u32>::compact_len(&n)..]);
        }
        None => Compact(1u32).encode_to(&mut out),
    }
    out.extend_from_slice(value);
    out
}

impl ExtensionStore for State {
    fn extension_by_type_id(&mut self, type_id: TypeId) -> Option<&mut dyn Any> {
        self.extensions.get_mut(type_id)
    }

    fn register_extension_with_type_id(
        &mut self,
        type_id: TypeId,
        extension: Box<dyn Extension>,
    ) -> Result<(), sp_externalities::Error> {
        self.extensions.register_with_type_id(type_id, extension)
    }

    fn deregister_extension_by_type_id(&mut self, type_id: TypeId) -> Result<(), sp_externalities::Error> {
        if self.extensions.deregister(type_id) {
            Ok(())
        } else {
            Err(sp_externalities::Error::ExtensionIsNotRegistered(type_id))
        }
    }
}

impl Externalities for State {
    fn set_offchain_storage(&mut self, _key: &[u8], _value: Option<&[u8]>) {}

    fn storage(&mut self, key: &[u8]) -> Option<Vec<u8>> {
        self.top.get(key).cloned()
    }

    fn storage_hash(&mut self, key: &[u8]) -> Option<Vec<u8>> {
        self.top.get(key).map(|v| sp_io::hashing::blake2_256(v).to_vec())
    }

    fn child_storage_hash(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
        self.get(Some(child_info.storage_key()), key).map(|v| sp_io::hashing::blake2_256(v).to_vec())
    }

    fn child_storage(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
        self.get(Some(child_info.storage_key()), key).cloned()
    }

    fn next_storage_key(&mut self, key: &[u8]) -> Option<Vec<u8>> {
        self.next_key(None, key)
    }

    fn next_child_storage_key(&mut self, child_info: &ChildInfo, key: &[u8]) -> Option<Vec<u8>> {
        self.next_key(Some(child_info.storage_key()), key)
    }

    fn kill_child_storage(
        &mut self,
        child_info: &ChildInfo,
        maybe_limit: Option<u32>,
        maybe_cursor: Option<&[u8]>,
    ) -> MultiRemovalResults {
        self.remove_prefix(Some(child_info.storage_key()), &[], maybe_limit, maybe_cursor)
    }

    fn clear_prefix(&mut self, prefix: &[u8], maybe_limit: Option<u32>, maybe_cursor: Option<&[u8]>) -> MultiRemovalResults {
        // As the real externalities: a prefix inside the child tries' roots is refused.
        if well_known_keys::starts_with_child_storage_key(prefix) {
            return MultiRemovalResults { maybe_cursor: None, backend: 0, unique: 0, loops: 0 };
        }
        self.remove_prefix(None, prefix, maybe_limit, maybe_cursor)
    }

    fn clear_child_prefix(
        &mut self,
        child_info: &ChildInfo,
        prefix: &[u8],
        maybe_limit: Option<u32>,
        maybe_cursor: Option<&[u8]>,
    ) -> MultiRemovalResults {
        self.remove_prefix(Some(child_info.storage_key()), prefix, maybe_limit, maybe_cursor)
    }

    fn place_storage(&mut self, key: Vec<u8>, value: Option<Vec<u8>>) {
        // As the real externalities: child roots in the top trie are not written directly.
        if well_known_keys::is_child_storage_key(&key) {
            return;
        }
        self.put(None, key, value);
    }

    fn place_child_storage(&mut self, child_info: &ChildInfo, key: Vec<u8>, value: Option<Vec<u8>>) {
        self.put(Some(child_info.storage_key()), key, value);
    }

    fn storage_root(&mut self, state_version: StateVersion) -> Vec<u8> {
        self.root(state_version)
    }

    fn child_storage_root(&mut self, child_info: &ChildInfo, state_version: StateVersion) -> Vec<u8> {
        let empty = Map::default();
        let data = self.children.get(child_info.storage_key()).unwrap_or(&empty);
        trie_root(state_version, data.iter().map(|(k, v)| (k.as_slice(), v.as_slice())))
    }

    fn storage_append(&mut self, key: Vec<u8>, value: Vec<u8>) {
        // In place under a valid compact length (what `appended` computes, without copying
        // the list: a block's events are appended one by one); otherwise through `appended`.
        if let Some(list) = self.top.values.get_mut(&key) {
            if let Ok(Compact(n)) = Compact::<u32>::decode(&mut &list[..]) {
                let (prefix_len, bytes) = (Compact::<u32>::compact_len(&n), list.len());
                let before = list[..prefix_len].to_vec();
                list.splice(0..prefix_len, Compact(n.saturating_add(1)).encode());
                list.extend_from_slice(&value);
                if !self.open.is_empty() {
                    self.journal.push(Undo::Append(key, before, bytes));
                }
                return;
            }
        }
        let new = appended(self.top.get(&key).map(Vec::as_slice), &value);
        self.put(None, key, Some(new));
    }

    fn storage_start_transaction(&mut self) {
        self.open.push(self.journal.len());
        self.extensions.start_transaction(TransactionType::Runtime);
    }

    fn storage_rollback_transaction(&mut self) -> Result<(), ()> {
        let at = self.open.pop().ok_or(())?;
        for undo in self.journal.drain(at..).rev().collect::<Vec<_>>() {
            match undo {
                Undo::Put(child, key, before) => {
                    let map = match child {
                        None => &mut self.top,
                        Some(c) => self.children.entry(c).or_default(),
                    };
                    match before {
                        Some(v) => map.insert(key, v),
                        None => map.remove(&key),
                    };
                }
                Undo::Append(key, before, bytes) => {
                    if let Some(list) = self.top.values.get_mut(&key) {
                        let now = Compact::<u32>::decode(&mut &list[..]).map_or(0, |Compact(n)| Compact::<u32>::compact_len(&n));
                        list.splice(0..now, before);
                        list.truncate(bytes);
                    }
                }
            }
        }
        self.extensions.rollback_transaction(TransactionType::Runtime);
        Ok(())
    }

    fn storage_commit_transaction(&mut self) -> Result<(), ()> {
        self.open.pop().ok_or(())?;
        if self.open.is_empty() {
            self.journal.clear();
        }
        self.extensions.commit_transaction(TransactionType::Runtime);
        Ok(())
    }

    // Benchmarking only: the simulator counts nothing and has no database to wipe.
    fn wipe(&mut self) {}

    fn commit(&mut self) {}

    fn read_write_count(&self) -> (u32, u32, u32, u32) {
        (0, 0, 0, 0)
    }

    fn reset_read_write_count(&mut self) {}

    fn get_whitelist(&self) -> Vec<TrackedStorageKey> {
        Vec::new()
    }

    fn set_whitelist(&mut self, _new: Vec<TrackedStorageKey>) {}

    fn get_read_and_written_keys(&self) -> Vec<(Vec<u8>, u32, u32, bool)> {
        Vec::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn append_follows_the_overlay_rule() {
        // Nothing yet: a one-item list.
        assert_eq!(appended(None, &7u32.encode()), vec![7u32].encode());
        // A valid list: one more item.
        assert_eq!(appended(Some(&vec![1u32, 2].encode()), &3u32.encode()), vec![1u32, 2, 3].encode());
        // 63 → 64 items: the compact length grows from one byte to two.
        let long: Vec<u8> = (0..63).collect();
        assert_eq!(appended(Some(&long.encode()), &[63]), (0..64u8).collect::<Vec<u8>>().encode());
        // Bytes without a compact length (0b11 marks a big-integer mode, which a u32
        // cannot take with only these bytes): reset to `[value]`.
        assert_eq!(appended(Some(&[0xff]), &9u32.encode()), vec![9u32].encode());
    }

    #[test]
    fn rollback_restores_and_commit_keeps() {
        let mut s = State::from_pairs([(b"a".to_vec(), b"1".to_vec())]);
        s.storage_start_transaction();
        s.place_storage(b"a".to_vec(), Some(b"2".to_vec()));
        s.storage_start_transaction();
        s.place_storage(b"b".to_vec(), Some(b"3".to_vec()));
        s.place_storage(b"a".to_vec(), None);
        assert_eq!(s.storage_rollback_transaction(), Ok(()));
        assert_eq!(s.storage(b"a"), Some(b"2".to_vec()));
        assert_eq!(s.storage(b"b"), None);
        s.storage_start_transaction();
        s.place_storage(b"c".to_vec(), Some(b"4".to_vec()));
        assert_eq!(s.storage_commit_transaction(), Ok(()));
        // The outer transaction rolls back what the committed inner one wrote, too.
        assert_eq!(s.storage_rollback_transaction(), Ok(()));
        assert_eq!(s.pairs().collect::<Vec<_>>(), vec![(&b"a".to_vec(), &b"1".to_vec())]);
        assert_eq!(s.storage_rollback_transaction(), Err(()));
        assert_eq!(s.storage_commit_transaction(), Err(()));
    }

    #[test]
    fn an_append_rolls_back_across_a_length_byte_boundary() {
        let list: Vec<u8> = (0..63).collect();
        let mut s = State::from_pairs([(b"l".to_vec(), list.encode())]);
        s.storage_start_transaction();
        s.storage_append(b"l".to_vec(), vec![63]);
        s.storage_append(b"l".to_vec(), vec![64]);
        s.storage_append(b"new".to_vec(), vec![1]);
        assert_eq!(s.storage(b"l"), Some((0..65u8).collect::<Vec<u8>>().encode()));
        assert_eq!(s.storage(b"new"), Some(vec![1u8].encode()));
        assert_eq!(s.storage_rollback_transaction(), Ok(()));
        assert_eq!(s.storage(b"l"), Some(list.encode()));
        assert_eq!(s.storage(b"new"), None);
    }

    #[test]
    fn clear_prefix_limit_and_cursor() {
        let mut s = State::from_pairs([b"p1", b"p2", b"p3", b"q1"].map(|k| (k.to_vec(), vec![0])));
        let r = s.clear_prefix(b"p", Some(2), None);
        assert_eq!((r.maybe_cursor.clone(), r.backend, r.unique, r.loops), (Some(b"p3".to_vec()), 2, 2, 3));
        let r = s.clear_prefix(b"p", Some(2), r.maybe_cursor.as_deref());
        assert_eq!((r.maybe_cursor, r.backend, r.loops), (None, 1, 1));
        assert_eq!(s.next_storage_key(b""), Some(b"q1".to_vec()));
        assert_eq!(s.next_storage_key(b"q1"), None);
    }

    #[test]
    fn next_key_reads_ahead_and_sees_every_change() {
        let keys: Vec<Vec<u8>> = (0u16..100).map(|i| i.to_be_bytes().to_vec()).collect();
        let mut s = State::from_pairs(keys.iter().map(|k| (k.clone(), vec![1])));
        // A full walk returns every key once, in order, across several read-aheads.
        let mut walked = Vec::new();
        let mut at = Vec::new();
        while let Some(k) = s.next_storage_key(&at) {
            walked.push(k.clone());
            at = k;
        }
        assert_eq!(walked, keys);
        // Mid-walk, a key added after the cursor and one removed are seen at once.
        assert_eq!(s.next_storage_key(&keys[9]), Some(keys[10].clone()));
        s.place_storage(vec![0, 10, 5], Some(vec![2]));
        s.place_storage(keys[11].clone(), None);
        assert_eq!(s.next_storage_key(&keys[10]), Some(vec![0, 10, 5]));
        assert_eq!(s.next_storage_key(&[0, 10, 5]), Some(keys[12].clone()));
        // A changed value under an existing key keeps the read-ahead; a jump elsewhere works.
        s.place_storage(keys[13].clone(), Some(vec![3]));
        assert_eq!(s.next_storage_key(&keys[12]), Some(keys[13].clone()));
        assert_eq!(s.next_storage_key(&keys[50]), Some(keys[51].clone()));
        assert_eq!(s.next_storage_key(&keys[99]), None);
    }

    #[test]
    fn the_root_is_the_trie_root() {
        let pairs = vec![(b"key".to_vec(), b"value".to_vec()), (b"other".to_vec(), vec![0; 40])];
        let mut t = sp_io::TestExternalities::new(Storage { top: pairs.iter().cloned().collect(), children_default: Default::default() });
        let expected = t.execute_with(|| sp_io::storage::root(StateVersion::V1));
        // `TestExternalities::new` also stores an empty `:code`.
        let with_code = pairs.into_iter().chain([(well_known_keys::CODE.to_vec(), Vec::new())]);
        assert_eq!(State::from_pairs(with_code).root(StateVersion::V1), expected);
    }
}
