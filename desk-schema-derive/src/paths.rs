//! The type paths written in a type, for the checks that read a field's
//! type as written (a set in it, a `Cow` or a map key in it, a parameter's
//! associated type): one walk, so that each looks in the same places. The
//! questions a `skip` field's types are asked of rustc walk the type on
//! their own (`emit::checks::schema_types`): they also ask type macros and
//! each map key by its place (in parentheses, a macro's `$k:ty`, a tuple),
//! which a walk of paths alone cannot tell.

/// Calls `visit` on each type path written in `ty`, outermost first:
/// through references, slices, arrays, tuples, parentheses, invisible
/// groups and each path's generic type arguments, not into what a
/// `PhantomData` holds (it holds every type and reads none), nor into a
/// qualified path's self type. `visit(path, above)` gets what the nearest
/// path around it returned (`above` for an outermost one) and returns what
/// the paths in its arguments get, or `None` to pass over them.
pub(crate) fn each_path<'a, A: Copy>(
    ty: &'a syn::Type,
    above: A,
    visit: &mut impl FnMut(&'a syn::TypePath, A) -> Option<A>,
) {
    match ty {
        syn::Type::Path(p) => {
            if p.path
                .segments
                .last()
                .is_some_and(|s| s.ident == "PhantomData")
            {
                return;
            }
            let Some(inside) = visit(p, above) else {
                return;
            };
            for seg in &p.path.segments {
                if let syn::PathArguments::AngleBracketed(args) = &seg.arguments {
                    for arg in &args.args {
                        if let syn::GenericArgument::Type(t) = arg {
                            each_path(t, inside, visit);
                        }
                    }
                }
            }
        }
        syn::Type::Reference(r) => each_path(&r.elem, above, visit),
        syn::Type::Slice(s) => each_path(&s.elem, above, visit),
        syn::Type::Array(a) => each_path(&a.elem, above, visit),
        syn::Type::Paren(p) => each_path(&p.elem, above, visit),
        syn::Type::Group(g) => each_path(&g.elem, above, visit),
        syn::Type::Tuple(t) => t.elems.iter().for_each(|t| each_path(t, above, visit)),
        _ => {}
    }
}

/// Whether `found` holds for a type path written in `ty`, where
/// [`each_path`] looks, a qualified path (`<A as Trait<B>>::Out`) asked
/// whole, not inside.
pub(crate) fn any_path(ty: &syn::Type, mut found: impl FnMut(&syn::TypePath) -> bool) -> bool {
    let mut any = false;
    each_path(ty, (), &mut |p, ()| {
        any = any || found(p);
        (!any && p.qself.is_none()).then_some(())
    });
    any
}

/// The type arguments of a path segment (`Vec<T>` gives `T`; lifetimes and
/// constants are left out), in order.
pub(crate) fn type_args(segment: &syn::PathSegment) -> Vec<&syn::Type> {
    match &segment.arguments {
        syn::PathArguments::AngleBracketed(a) => a
            .args
            .iter()
            .filter_map(|a| match a {
                syn::GenericArgument::Type(t) => Some(t),
                _ => None,
            })
            .collect(),
        _ => Vec::new(),
    }
}

/// Whether `path` names a standard item by its name alone (`u8`,
/// `String`) or by its path from one of `roots` through `module`
/// (`core::primitive::u8`, `std::string::String`).
pub(crate) fn std_named(path: &syn::Path, roots: &[&str], module: &str) -> bool {
    let names: Vec<String> = path.segments.iter().map(|s| s.ident.to_string()).collect();
    match names.as_slice() {
        [_] => path.leading_colon.is_none(),
        [root, m, _] => roots.contains(&root.as_str()) && m == module,
        _ => false,
    }
}

/// A type as a person writes it (`std::vec::Vec<&'static str>`), from the
/// tokens' spacing (`std :: vec :: Vec < & 'static str >`): for messages
/// that quote a type the user wrote.
pub(crate) fn shown(ty: &syn::Type) -> String {
    let mut text = quote::ToTokens::to_token_stream(ty).to_string();
    for (from, to) in [
        (" :: ", "::"),
        (":: ", "::"),
        (" ::", "::"),
        (" <", "<"),
        ("< ", "<"),
        (" >", ">"),
        (" ,", ","),
        ("& '", "&'"),
        ("& ", "&"),
        ("[ ", "["),
        (" ]", "]"),
        (" ;", ";"),
        ("( ", "("),
        (" )", ")"),
    ] {
        text = text.replace(from, to);
    }
    text
}
