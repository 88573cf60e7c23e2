use std::borrow::Cow;

/// The customer service account ID that Tencent's Desk uses by default.
pub const DEFAULT_CUSTOMER_SERVICE_ACCOUNT: &str = "@customer_service_account";

/// Configuration for the create-group rules: which accounts are customer
/// service accounts.
///
/// The default holds [`DEFAULT_CUSTOMER_SERVICE_ACCOUNT`] only, and building
/// it allocates nothing.
///
/// ```
/// use desk_schema::create_group::DeskContext;
/// let ctx = DeskContext::with_accounts(["@cs_a", "@cs_b", "@cs_a"]);
/// assert!(ctx.is_customer_service("@cs_b"));
/// assert_eq!(ctx.accounts().collect::<Vec<_>>(), ["@cs_a", "@cs_b"]);
/// assert!(!DeskContext::default().is_customer_service("@cs_b"));
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DeskContext {
    accounts: Cow<'static, [Cow<'static, str>]>,
}

const DEFAULT_ACCOUNTS: &[Cow<'static, str>] = &[Cow::Borrowed(DEFAULT_CUSTOMER_SERVICE_ACCOUNT)];

impl Default for DeskContext {
    fn default() -> Self {
        DeskContext {
            accounts: Cow::Borrowed(DEFAULT_ACCOUNTS),
        }
    }
}

impl DeskContext {
    /// A context whose customer service accounts are `accounts`, each once
    /// (a repeat is dropped, so that the schema's `enum` lists each once).
    /// Each should be a Chat UserID, as `Member_Account` is (1 to 32 bytes
    /// of printable ASCII): any other text never matches a valid request's
    /// member. The CLI refuses one.
    pub fn with_accounts<I, S>(accounts: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<Cow<'static, str>>,
    {
        let mut kept: Vec<Cow<'static, str>> = Vec::new();
        for account in accounts {
            let account = account.into();
            if !kept.contains(&account) {
                kept.push(account);
            }
        }
        DeskContext {
            accounts: Cow::Owned(kept),
        }
    }

    /// The customer service account IDs.
    pub fn accounts(&self) -> impl Iterator<Item = &str> {
        self.accounts.iter().map(std::convert::AsRef::as_ref)
    }

    /// True when `account` is a customer service account.
    #[must_use]
    pub fn is_customer_service(&self, account: &str) -> bool {
        self.accounts.iter().any(|a| a == account)
    }
}
