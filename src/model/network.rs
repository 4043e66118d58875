use std::collections::{HashMap, HashSet};

/// The owner's first-degree connections, as far as an export lists them:
/// enough to tell "already a connection" and "works where my connections work".
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Network {
    /// How many connections were listed.
    pub count: usize,
    /// Profile URLs in the form invitation ids take (`linkedin.com/in/ann-lee`).
    pub urls: HashSet<String>,
    /// Lower-cased full names of the connections listed without a URL (older
    /// exports). Connections with a URL are matched by it alone, since names
    /// are not unique.
    pub names_without_url: HashSet<String>,
    /// Connections per company, keyed by the lower-cased company name.
    pub companies: HashMap<String, u32>,
}

impl Network {
    /// Adds one connection; `url` is already normalized like an invitation id.
    pub fn add(&mut self, url: Option<String>, name: &str, company: Option<&str>) {
        self.count += 1;
        match url {
            Some(url) => {
                self.urls.insert(url);
            }
            None => {
                self.names_without_url.insert(name.to_lowercase());
            }
        }
        if let Some(company) = company.map(str::trim).filter(|c| !c.is_empty()) {
            *self.companies.entry(company.to_lowercase()).or_default() += 1;
        }
    }

    /// Whether the person with this normalized profile URL, else this full
    /// name, is already a connection.
    pub fn knows(&self, url: Option<&str>, name: &str) -> bool {
        url.is_some_and(|url| self.urls.contains(url))
            || self.names_without_url.contains(&name.to_lowercase())
    }

    /// How many connections work at `company` (compared without case).
    pub fn connections_at(&self, company: &str) -> u32 {
        self.companies
            .get(&company.trim().to_lowercase())
            .copied()
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_by_url_else_by_the_name_of_a_connection_without_url() {
        let mut network = Network::default();
        network.add(
            Some("linkedin.com/in/ann-lee".into()),
            "Ann Lee",
            Some("Acme"),
        );
        network.add(None, "Bo Chen", Some(" acme "));
        assert!(network.knows(Some("linkedin.com/in/ann-lee"), "Someone Else"));
        assert!(network.knows(None, "bo chen"));
        assert!(
            !network.knows(None, "Ann Lee"),
            "Ann is matched by her URL only"
        );
        assert_eq!(network.connections_at("ACME"), 2);
        assert_eq!(network.connections_at("Initech"), 0);
        assert_eq!(network.count, 2);
    }
}
