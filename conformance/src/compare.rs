//! Reading vector values and comparing them with ours, exactly.
use serde_json::Value;

/// A u64 field (amounts are JSON integers up to u64::MAX).
pub fn u64_of(v: &Value, key: &str) -> Result<u64, String> {
    v.get(key).and_then(Value::as_u64).ok_or_else(|| format!("field `{key}` is not a u64"))
}

/// An optional u64 field (`null` reads as `None`).
pub fn opt_u64_of(v: &Value, key: &str) -> Result<Option<u64>, String> {
    match v.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(x) => x.as_u64().map(Some).ok_or_else(|| format!("field `{key}` is not a u64")),
    }
}

/// A bool field.
pub fn bool_of(v: &Value, key: &str) -> Result<bool, String> {
    v.get(key).and_then(Value::as_bool).ok_or_else(|| format!("field `{key}` is not a bool"))
}

/// Raw fixed-point bits: `{"bits": "..."}` or a bare decimal string.
pub fn bits_of(v: &Value) -> Result<i128, String> {
    let s = match v {
        Value::Object(o) => o.get("bits").and_then(Value::as_str),
        Value::String(s) => Some(s.as_str()),
        _ => None,
    }
    .ok_or_else(|| format!("not fixed-point bits: {v}"))?;
    s.parse::<i128>().map_err(|e| format!("bad bits `{s}`: {e}"))
}

/// The bits of field `key`.
pub fn field_bits(v: &Value, key: &str) -> Result<i128, String> {
    bits_of(v.get(key).ok_or_else(|| format!("missing field `{key}`"))?)
}

/// Collects mismatches between expected and actual values.
#[derive(Default)]
pub struct Diff(pub Vec<String>);

impl Diff {
    /// Compares two displayable values.
    pub fn eq<A: PartialEq + std::fmt::Debug>(&mut self, what: &str, expected: A, actual: A) {
        if expected != actual {
            self.0.push(format!("{what}: expected {expected:?}, got {actual:?}"));
        }
    }

    /// Compares a u64 field of `expected` (if present) with `actual`.
    pub fn u64_field(&mut self, expected: &Value, key: &str, actual: u64) {
        match expected.get(key) {
            None => {},
            Some(v) => match v.as_u64() {
                Some(e) => self.eq(key, e, actual),
                None => self.0.push(format!("{key}: expected {v}, got {actual}")),
            },
        }
    }

    /// Compares a fixed-point field of `expected` (if present) with `actual` bits.
    pub fn bits_field(&mut self, expected: &Value, key: &str, actual: i128) {
        if let Some(v) = expected.get(key) {
            match bits_of(v) {
                Ok(e) => self.eq(key, e, actual),
                Err(e) => self.0.push(e),
            }
        }
    }
}
