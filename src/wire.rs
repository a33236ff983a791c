//! The one way a wire enum (`Rule`, `Severity`, `Input`, `FormatId`, `ReportFormat`, `CellId`) is named
//! on the wire: see [`wire_name`].

/// A wire enum: its names are spelled once (by `$name`, read back by `$from`); it is written
/// and read by serde as that name (a manual impl: one call where a derive writes one per
/// variant, which the WebAssembly module pays for), compares with its name
/// (`f.rule == "P3-ROW"`) and prints as it.
macro_rules! wire_name {
    ($t:ty, $name:ident, $from:ident, $what:literal) => {
        impl serde::Serialize for $t {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.$name())
            }
        }
        impl<'de> serde::Deserialize<'de> for $t {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let name = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                <$t>::$from(&name)
                    .ok_or_else(|| serde::de::Error::custom(format!("unknown {} “{name}”", $what)))
            }
        }
        impl PartialEq<&str> for $t {
            fn eq(&self, other: &&str) -> bool {
                self.$name() == *other
            }
        }
        impl PartialEq<str> for $t {
            fn eq(&self, other: &str) -> bool {
                self.$name() == other
            }
        }
        impl std::fmt::Display for $t {
            fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str(self.$name())
            }
        }
    };
}
pub(crate) use wire_name;
