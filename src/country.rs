//! Countries: ISO 3166-1 alpha-2 codes (an expert's profile, the countries Stripe Connect
//! opens payout accounts in). Pure.

/// The officially assigned ISO 3166-1 alpha-2 codes (249), sorted.
const ISO_3166_1_ALPHA_2: [&str; 249] = [
    "AD", "AE", "AF", "AG", "AI", "AL", "AM", "AO", "AQ", "AR", "AS", "AT", "AU", "AW", "AX", "AZ",
    "BA", "BB", "BD", "BE", "BF", "BG", "BH", "BI", "BJ", "BL", "BM", "BN", "BO", "BQ", "BR", "BS",
    "BT", "BV", "BW", "BY", "BZ", "CA", "CC", "CD", "CF", "CG", "CH", "CI", "CK", "CL", "CM", "CN",
    "CO", "CR", "CU", "CV", "CW", "CX", "CY", "CZ", "DE", "DJ", "DK", "DM", "DO", "DZ", "EC", "EE",
    "EG", "EH", "ER", "ES", "ET", "FI", "FJ", "FK", "FM", "FO", "FR", "GA", "GB", "GD", "GE", "GF",
    "GG", "GH", "GI", "GL", "GM", "GN", "GP", "GQ", "GR", "GS", "GT", "GU", "GW", "GY", "HK", "HM",
    "HN", "HR", "HT", "HU", "ID", "IE", "IL", "IM", "IN", "IO", "IQ", "IR", "IS", "IT", "JE", "JM",
    "JO", "JP", "KE", "KG", "KH", "KI", "KM", "KN", "KP", "KR", "KW", "KY", "KZ", "LA", "LB", "LC",
    "LI", "LK", "LR", "LS", "LT", "LU", "LV", "LY", "MA", "MC", "MD", "ME", "MF", "MG", "MH", "MK",
    "ML", "MM", "MN", "MO", "MP", "MQ", "MR", "MS", "MT", "MU", "MV", "MW", "MX", "MY", "MZ", "NA",
    "NC", "NE", "NF", "NG", "NI", "NL", "NO", "NP", "NR", "NU", "NZ", "OM", "PA", "PE", "PF", "PG",
    "PH", "PK", "PL", "PM", "PN", "PR", "PS", "PT", "PW", "PY", "QA", "RE", "RO", "RS", "RU", "RW",
    "SA", "SB", "SC", "SD", "SE", "SG", "SH", "SI", "SJ", "SK", "SL", "SM", "SN", "SO", "SR", "SS",
    "ST", "SV", "SX", "SY", "SZ", "TC", "TD", "TF", "TG", "TH", "TJ", "TK", "TL", "TM", "TN", "TO",
    "TR", "TT", "TV", "TW", "TZ", "UA", "UG", "UM", "US", "UY", "UZ", "VA", "VC", "VE", "VG", "VI",
    "VN", "VU", "WF", "WS", "YE", "YT", "ZA", "ZM", "ZW",
];

/// The countries in which Stripe lets a platform open Express connected accounts under
/// the full service agreement (the accounts Cadre creates): Stripe's published list of
/// self-serve countries, without those it offers by invitation or in preview (India,
/// Indonesia) and without cross-border "recipient" accounts, which need a service
/// agreement Cadre does not request. The default of `payments.stripe.connect_countries`; an
/// installation narrows or extends it in its configuration when Stripe's list changes.
pub const STRIPE_CONNECT_DEFAULT: [&str; 44] = [
    "AE", "AT", "AU", "BE", "BG", "BR", "CA", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR",
    "GB", "GI", "GR", "HK", "HR", "HU", "IE", "IT", "JP", "LI", "LT", "LU", "LV", "MT", "MX", "MY",
    "NL", "NO", "NZ", "PL", "PT", "RO", "SE", "SG", "SI", "SK", "TH", "US",
];

/// True for an officially assigned ISO 3166-1 alpha-2 code, in upper case (`DE`, not `de`
/// or `DEU`).
pub fn is_country_code(s: &str) -> bool {
    ISO_3166_1_ALPHA_2.binary_search(&s).is_ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_sorted_and_has_no_duplicates() {
        assert!(ISO_3166_1_ALPHA_2.windows(2).all(|w| w[0] < w[1]));
    }

    #[test]
    fn assigned_codes_pass_and_everything_else_fails() {
        for ok in ["DE", "JP", "US", "GB", "AX", "ZW", "SS"] {
            assert!(is_country_code(ok), "{ok}");
        }
        // UK and EU are reserved, XK is user-assigned, the rest are not codes at all.
        for bad in [
            "de", "DEU", "D", "", "UK", "EU", "XK", "ZZ", "AA", "Germany", "D1",
        ] {
            assert!(!is_country_code(bad), "{bad}");
        }
    }

    #[test]
    fn stripes_default_list_is_made_of_country_codes() {
        for c in STRIPE_CONNECT_DEFAULT {
            assert!(is_country_code(c), "{c}");
        }
    }
}
