//! Human-readable record ids such as `T-12`: a fixed letter per record kind and a number
//! that is never reused. The letter lives in the type, so an owner id cannot be passed where
//! a measure id is expected.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Id<const P: char>(pub u32);

pub type MeasureId = Id<'T'>;
pub type OwnerId = Id<'E'>;
pub type PriorityId = Id<'P'>;
pub type SectorId = Id<'S'>;
pub type MeetingId = Id<'M'>;
// issue 16: glossary
/// A glossary term (begrep).
pub type TermId = Id<'B'>;

impl<const P: char> fmt::Display for Id<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{P}-{}", self.0)
    }
}

impl<const P: char> fmt::Debug for Id<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(self, f)
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadId(pub String);

impl fmt::Display for BadId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "not a valid id: {:?}", self.0)
    }
}

impl std::error::Error for BadId {}

impl<const P: char> FromStr for Id<P> {
    type Err = BadId;

    /// Accepts `T-12`, `t-12` and `12`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let trimmed = text.trim();
        let digits = match trimmed.split_once('-') {
            Some((prefix, rest)) if prefix.eq_ignore_ascii_case(&P.to_string()) => rest,
            Some(_) => return Err(BadId(text.to_string())),
            None => trimmed,
        };
        digits
            .parse::<u32>()
            .ok()
            .filter(|n| *n > 0)
            .map(Id)
            .ok_or_else(|| BadId(text.to_string()))
    }
}

impl<const P: char> Serialize for Id<P> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl<'de, const P: char> Deserialize<'de> for Id<P> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_with_and_without_prefix() {
        assert_eq!("T-12".parse::<MeasureId>(), Ok(Id(12)));
        assert_eq!("t-3".parse::<MeasureId>(), Ok(Id(3)));
        assert_eq!("7".parse::<MeasureId>(), Ok(Id(7)));
        assert!("E-3".parse::<MeasureId>().is_err());
        assert!("T-0".parse::<MeasureId>().is_err());
        assert!("T-x".parse::<MeasureId>().is_err());
    }

    #[test]
    fn serializes_as_prefixed_string() {
        let json = serde_json::to_string(&OwnerId::from(Id(4))).unwrap();
        assert_eq!(json, "\"E-4\"");
        let back: OwnerId = serde_json::from_str(&json).unwrap();
        assert_eq!(back, Id(4));
    }
}
