//! Message catalogs for every Jifen front end, in zh-CN (primary), zh-TW and en.
//!
//! Catalogs are [Fluent](https://projectfluent.org) files under `i18n/locales/<locale>/`,
//! compiled into the binary. Front ends never build sentences themselves: they ask for a
//! message by id with named arguments, and errors cross into the UI as a code plus
//! arguments that are formatted here (`docs/adr/0003-i18n.md`).
//!
//! ```
//! use jifen_i18n::{Catalog, Locale};
//! let catalog = Catalog::new(Locale::En);
//! assert_eq!(catalog.format("wallet-created", &[("name", "shop".into())]), "Wallet “shop” created.");
//! ```

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;
use std::str::FromStr;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use fluent_syntax::ast;
use unic_langid::LanguageIdentifier;

/// A language the catalogs are written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Default)]
pub enum Locale {
    /// Simplified Chinese (mainland China); the default.
    #[default]
    ZhCn,
    /// Traditional Chinese (Taiwan).
    ZhTw,
    /// English.
    En,
}

impl Locale {
    /// Every locale, primary first.
    pub const ALL: [Locale; 3] = [Locale::ZhCn, Locale::ZhTw, Locale::En];

    /// BCP 47 tag: `zh-CN`, `zh-TW`, `en`.
    pub fn tag(self) -> &'static str {
        match self {
            Locale::ZhCn => "zh-CN",
            Locale::ZhTw => "zh-TW",
            Locale::En => "en",
        }
    }

    fn sources(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Locale::ZhCn => &[
                ("cli.ftl", include_str!("../locales/zh-CN/cli.ftl")),
                ("errors.ftl", include_str!("../locales/zh-CN/errors.ftl")),
                (
                    "light-client.ftl",
                    include_str!("../locales/zh-CN/light-client.ftl"),
                ),
                ("cold.ftl", include_str!("../locales/zh-CN/cold.ftl")),
                ("points.ftl", include_str!("../locales/zh-CN/points.ftl")),
                ("app.ftl", include_str!("../locales/zh-CN/app.ftl")),
                (
                    "subchain.ftl",
                    include_str!("../locales/zh-CN/subchain.ftl"),
                ),
                ("trace.ftl", include_str!("../locales/zh-CN/trace.ftl")),
                (
                    "provenance.ftl",
                    include_str!("../locales/zh-CN/provenance.ftl"),
                ),
                ("p2p.ftl", include_str!("../locales/zh-CN/p2p.ftl")),
            ],
            Locale::ZhTw => &[
                ("cli.ftl", include_str!("../locales/zh-TW/cli.ftl")),
                ("errors.ftl", include_str!("../locales/zh-TW/errors.ftl")),
                (
                    "light-client.ftl",
                    include_str!("../locales/zh-TW/light-client.ftl"),
                ),
                ("cold.ftl", include_str!("../locales/zh-TW/cold.ftl")),
                ("points.ftl", include_str!("../locales/zh-TW/points.ftl")),
                ("app.ftl", include_str!("../locales/zh-TW/app.ftl")),
                (
                    "subchain.ftl",
                    include_str!("../locales/zh-TW/subchain.ftl"),
                ),
                ("trace.ftl", include_str!("../locales/zh-TW/trace.ftl")),
                (
                    "provenance.ftl",
                    include_str!("../locales/zh-TW/provenance.ftl"),
                ),
                ("p2p.ftl", include_str!("../locales/zh-TW/p2p.ftl")),
            ],
            Locale::En => &[
                ("cli.ftl", include_str!("../locales/en/cli.ftl")),
                ("errors.ftl", include_str!("../locales/en/errors.ftl")),
                (
                    "light-client.ftl",
                    include_str!("../locales/en/light-client.ftl"),
                ),
                ("cold.ftl", include_str!("../locales/en/cold.ftl")),
                ("points.ftl", include_str!("../locales/en/points.ftl")),
                ("app.ftl", include_str!("../locales/en/app.ftl")),
                ("subchain.ftl", include_str!("../locales/en/subchain.ftl")),
                ("trace.ftl", include_str!("../locales/en/trace.ftl")),
                (
                    "provenance.ftl",
                    include_str!("../locales/en/provenance.ftl"),
                ),
                ("p2p.ftl", include_str!("../locales/en/p2p.ftl")),
            ],
        }
    }
}

impl fmt::Display for Locale {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.tag())
    }
}

/// The locale name was not recognised.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown language {given:?}; use zh-CN, zh-TW or en")]
pub struct UnknownLocale {
    /// What was given.
    pub given: String,
}

impl FromStr for Locale {
    type Err = UnknownLocale;

    /// Accepts BCP 47 tags and POSIX locale names (`zh_CN.UTF-8`, `zh-Hant`, `en_US`).
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let lower = s.trim().to_ascii_lowercase().replace('_', "-");
        let base = lower.split('.').next().unwrap_or_default();
        match base {
            "zh-cn" | "zh" | "zh-hans" | "zh-hans-cn" | "zh-sg" => Ok(Locale::ZhCn),
            "zh-tw" | "zh-hant" | "zh-hant-tw" | "zh-hk" | "zh-mo" => Ok(Locale::ZhTw),
            _ if base == "en" || base.starts_with("en-") => Ok(Locale::En),
            _ => Err(UnknownLocale {
                given: s.to_owned(),
            }),
        }
    }
}

/// An argument value for a message (defined with the errors that carry them:
/// [`jifen_protocol::message`]).
pub use jifen_protocol::message::Arg;

/// The messages of one locale.
pub struct Catalog {
    locale: Locale,
    bundle: FluentBundle<FluentResource>,
}

impl fmt::Debug for Catalog {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Catalog")
            .field("locale", &self.locale)
            .finish_non_exhaustive()
    }
}

impl Catalog {
    /// Loads the catalog of `locale`.
    ///
    /// The catalogs are compiled in and checked by this crate's tests, so loading cannot
    /// fail at run time; a resource that did not parse would lose only its broken entries.
    pub fn new(locale: Locale) -> Self {
        let langid: LanguageIdentifier = locale.tag().parse().unwrap_or_default();
        let mut bundle = FluentBundle::new_concurrent(vec![langid]);
        // Terminals and logs show Unicode isolation marks as garbage; the UI re-enables them.
        bundle.set_use_isolating(false);
        for (_, source) in locale.sources() {
            let resource = match FluentResource::try_new((*source).to_owned()) {
                Ok(resource) => resource,
                Err((partial, _)) => partial,
            };
            // Duplicate ids are reported by the tests; keep the first definition.
            let _ = bundle.add_resource(resource);
        }
        Catalog { locale, bundle }
    }

    /// The locale of this catalog.
    pub fn locale(&self) -> Locale {
        self.locale
    }

    /// Whether a message exists.
    pub fn has(&self, id: &str) -> bool {
        self.bundle.has_message(id)
    }

    /// Formats message `id` with named arguments.
    ///
    /// A missing message yields `⟨id⟩` rather than failing: the person still sees
    /// something, and the tests make sure it never happens.
    pub fn format(&self, id: &str, args: &[(&str, Arg)]) -> String {
        let Some(pattern) = self.bundle.get_message(id).and_then(|m| m.value()) else {
            return format!("⟨{id}⟩");
        };
        let mut fluent_args = FluentArgs::new();
        for (name, value) in args {
            match value {
                Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
                Arg::Int(n) => fluent_args.set(*name, FluentValue::from(*n)),
            }
        }
        let mut errors = Vec::new();
        self.bundle
            .format_pattern(pattern, Some(&fluent_args), &mut errors)
            .into_owned()
    }
}

/// What a catalog declares: message ids and, for each, the variables it uses.
///
/// Used by tests (here and in front ends) to check that catalogs agree.
pub fn catalog_shape(locale: Locale) -> Result<BTreeMap<String, BTreeSet<String>>, String> {
    let mut shape = BTreeMap::new();
    for (file, source) in locale.sources() {
        let resource = fluent_syntax::parser::parse(*source)
            .map_err(|(_, errors)| format!("{}/{file}: {errors:?}", locale.tag()))?;
        for entry in resource.body {
            if let ast::Entry::Message(message) = entry {
                let mut variables = BTreeSet::new();
                if let Some(pattern) = &message.value {
                    collect_variables(pattern, &mut variables);
                }
                for attribute in &message.attributes {
                    collect_variables(&attribute.value, &mut variables);
                }
                let id = message.id.name.to_owned();
                if shape.insert(id.clone(), variables).is_some() {
                    return Err(format!("{}/{file}: duplicate message {id}", locale.tag()));
                }
            }
        }
    }
    Ok(shape)
}

fn collect_variables(pattern: &ast::Pattern<&str>, out: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let ast::PatternElement::Placeable { expression } = element {
            collect_expression(expression, out);
        }
    }
}

fn collect_expression(expression: &ast::Expression<&str>, out: &mut BTreeSet<String>) {
    match expression {
        ast::Expression::Select { selector, variants } => {
            collect_inline(selector, out);
            for variant in variants {
                collect_variables(&variant.value, out);
            }
        }
        ast::Expression::Inline(inline) => collect_inline(inline, out),
    }
}

fn collect_inline(inline: &ast::InlineExpression<&str>, out: &mut BTreeSet<String>) {
    match inline {
        ast::InlineExpression::VariableReference { id } => {
            out.insert(id.name.to_owned());
        }
        ast::InlineExpression::FunctionReference { arguments, .. } => {
            for argument in &arguments.positional {
                collect_inline(argument, out);
            }
        }
        ast::InlineExpression::Placeable { expression } => collect_expression(expression, out),
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_locale_parses_without_errors_or_duplicates() {
        for locale in Locale::ALL {
            catalog_shape(locale).unwrap();
        }
    }

    #[test]
    fn every_message_exists_in_every_locale_with_the_same_variables() {
        let reference = catalog_shape(Locale::En).unwrap();
        assert!(reference.len() > 20, "catalog unexpectedly small");
        for locale in Locale::ALL {
            let shape = catalog_shape(locale).unwrap();
            let missing: Vec<_> = reference
                .keys()
                .filter(|id| !shape.contains_key(*id))
                .collect();
            let extra: Vec<_> = shape
                .keys()
                .filter(|id| !reference.contains_key(*id))
                .collect();
            assert!(missing.is_empty(), "{locale}: missing messages {missing:?}");
            assert!(extra.is_empty(), "{locale}: messages not in en {extra:?}");
            for (id, variables) in &reference {
                assert_eq!(
                    shape.get(id),
                    Some(variables),
                    "{locale}: variables of {id} differ"
                );
            }
        }
    }

    #[test]
    fn formatting_substitutes_arguments_in_each_locale() {
        for locale in Locale::ALL {
            let catalog = Catalog::new(locale);
            let text = catalog.format("wallet-created", &[("name", "店铺".into())]);
            assert!(text.contains("店铺"), "{locale}: {text}");
            assert!(!text.contains('⟨'), "{locale}: {text}");
        }
    }

    #[test]
    fn missing_message_is_visible_not_fatal() {
        assert_eq!(
            Catalog::new(Locale::En).format("no-such-message", &[]),
            "⟨no-such-message⟩"
        );
    }

    #[test]
    fn locale_names_are_parsed_leniently() {
        let cases = [
            ("zh-CN", Locale::ZhCn),
            ("zh_CN.UTF-8", Locale::ZhCn),
            ("zh-Hans", Locale::ZhCn),
            ("zh-TW", Locale::ZhTw),
            ("zh_HK", Locale::ZhTw),
            ("en", Locale::En),
            ("en_US.UTF-8", Locale::En),
        ];
        for (given, expected) in cases {
            assert_eq!(given.parse::<Locale>().unwrap(), expected, "{given}");
        }
        assert!("fr".parse::<Locale>().is_err());
    }
}
