//! Which webhook URLs and addresses Cadre may call
//! (docs/adr/0009-outbound-webhooks-untrusted-urls.md). Pure logic: the URL check at
//! registration and the address filter that the delivery client's DNS resolver applies to every
//! connection, so a host that later resolves to an internal address (DNS rebinding) is still
//! refused.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use url::{Host, Url};

/// What the configuration allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// Plain `http://` URLs (tests, on-premise receivers).
    pub allow_http: bool,
    /// Loopback, private, link-local and other internal addresses.
    pub allow_private: bool,
}

/// Whether `ip` is a public unicast address: not loopback, private (RFC 1918, unique
/// local), shared (CGNAT), link-local (including the cloud metadata address), unspecified,
/// broadcast, multicast, documentation, benchmarking or reserved. IPv4-mapped, IPv4-
/// compatible and NAT64 IPv6 addresses are judged by the IPv4 address they carry.
pub fn is_public(ip: IpAddr) -> bool {
    match ip {
        IpAddr::V4(v4) => is_public_v4(v4),
        IpAddr::V6(v6) => is_public_v6(v6),
    }
}

fn is_public_v4(ip: Ipv4Addr) -> bool {
    let [a, b, c, _] = ip.octets();
    !(a == 0                                    // "this network"
        || a == 10                              // private
        || a == 127                             // loopback
        || (a == 100 && (64..128).contains(&b)) // shared address space (CGNAT)
        || (a == 169 && b == 254)               // link-local, cloud metadata
        || (a == 172 && (16..32).contains(&b))  // private
        || (a == 192 && b == 0 && c == 0)       // IETF protocol assignments
        || (a == 192 && b == 0 && c == 2)       // TEST-NET-1
        || (a == 192 && b == 88 && c == 99)     // 6to4 relay anycast
        || (a == 192 && b == 168)               // private
        || (a == 198 && (18..20).contains(&b))  // benchmarking
        || (a == 198 && b == 51 && c == 100)    // TEST-NET-2
        || (a == 203 && b == 0 && c == 113)     // TEST-NET-3
        || a >= 224) // multicast, reserved, broadcast
}

fn is_public_v6(ip: Ipv6Addr) -> bool {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return is_public_v4(v4);
    }
    let s = ip.segments();
    // IPv4-compatible (deprecated ::a.b.c.d) and NAT64 (64:ff9b::/96) carry an IPv4 address.
    if (s[..6] == [0, 0, 0, 0, 0, 0] && !ip.is_loopback() && !ip.is_unspecified())
        || s[..6] == [0x64, 0xff9b, 0, 0, 0, 0]
    {
        let [a, b] = s[6].to_be_bytes();
        let [c, d] = s[7].to_be_bytes();
        return is_public_v4(Ipv4Addr::new(a, b, c, d));
    }
    // Only global unicast (2000::/3) can be public.
    if (s[0] & 0xe000) != 0x2000 {
        return false;
    }
    !(ip.is_unspecified()
        || ip.is_loopback()
        || ip.is_multicast()
        || (s[0] & 0xfe00) == 0xfc00         // unique local fc00::/7
        || (s[0] & 0xffc0) == 0xfe80         // link-local fe80::/10
        || (s[0] & 0xffc0) == 0xfec0         // site-local (deprecated) fec0::/10
        || (s[0] == 0x2001 && s[1] == 0xdb8) // documentation
        || (s[0] & 0xfff0) == 0x3ff0 // documentation 3fff::/20
        || (s[0] == 0x0100 && s[1..4] == [0, 0, 0]) // discard-only 100::/64
        || s[0] == 0x2002 // 6to4: may embed any IPv4 address
        || (s[0] == 0x2001 && s[1] == 0) // Teredo: tunnels to any IPv4 address
        || (s[0] == 0x2001 && (s[1] & 0xfe00) == 0)) // 2001::/23 IETF protocol assignments
}

/// Whether the policy lets Cadre connect to `ip`.
pub fn allowed(policy: Policy, ip: IpAddr) -> bool {
    policy.allow_private || is_public(ip)
}

/// A webhook URL that passed the static checks; its host still has to resolve to allowed
/// addresses (see [`check_resolved`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    pub url: Url,
    /// The host name to resolve, or `None` when the URL names an IP address.
    pub host: Option<String>,
    pub port: u16,
}

/// Checks a URL before anything is resolved: absolute `https://` (or `http://` when
/// allowed), a host, no user name or password, no fragment, at most 2048 characters, and,
/// when the host is an IP address, an allowed one.
pub fn check_url(policy: Policy, raw: &str) -> Result<Target, String> {
    if raw.len() > 2048 {
        return Err("must be at most 2048 characters".into());
    }
    let url = Url::parse(raw).map_err(|e| format!("is not an absolute URL ({e})"))?;
    match url.scheme() {
        "https" => {}
        "http" if policy.allow_http => {}
        "http" => return Err("must use https".into()),
        other => return Err(format!("must use https, not `{other}`")),
    }
    if !url.username().is_empty() || url.password().is_some() {
        return Err("must not contain a user name or password".into());
    }
    if url.fragment().is_some() {
        return Err("must not contain a fragment".into());
    }
    let port = url
        .port_or_known_default()
        .ok_or_else(|| "must have a port".to_string())?;
    let host = match url.host() {
        None => return Err("must have a host".into()),
        Some(Host::Ipv4(ip)) => {
            refuse_ip(policy, IpAddr::V4(ip))?;
            None
        }
        Some(Host::Ipv6(ip)) => {
            refuse_ip(policy, IpAddr::V6(ip))?;
            None
        }
        Some(Host::Domain(d)) => Some(d.trim_end_matches('.').to_ascii_lowercase()),
    };
    Ok(Target { url, host, port })
}

fn refuse_ip(policy: Policy, ip: IpAddr) -> Result<(), String> {
    if allowed(policy, ip) {
        Ok(())
    } else {
        Err(format!(
            "points at an internal address ({ip}); webhooks go to public addresses only"
        ))
    }
}

/// Checks the addresses a host resolved to, at registration: every one must be allowed
/// (a host that resolves to any internal address is refused outright).
pub fn check_resolved(policy: Policy, host: &str, addrs: &[IpAddr]) -> Result<(), String> {
    if addrs.is_empty() {
        return Err(format!("host `{host}` does not resolve"));
    }
    match addrs.iter().find(|ip| !allowed(policy, **ip)) {
        Some(ip) => Err(format!(
            "host `{host}` resolves to an internal address ({ip}); webhooks go to public addresses only"
        )),
        None => Ok(()),
    }
}

/// The addresses a delivery may connect to, out of those the host resolved to.
pub fn connectable(policy: Policy, addrs: Vec<IpAddr>) -> Vec<IpAddr> {
    addrs
        .into_iter()
        .filter(|ip| allowed(policy, *ip))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    const STRICT: Policy = Policy {
        allow_http: false,
        allow_private: false,
    };

    fn ip(s: &str) -> IpAddr {
        s.parse().unwrap()
    }

    #[test]
    fn internal_addresses_are_not_public() {
        for s in [
            "0.0.0.0",
            "10.1.2.3",
            "127.0.0.1",
            "127.255.0.9",
            "100.64.0.1",
            "169.254.169.254",
            "172.16.0.1",
            "172.31.255.255",
            "192.168.1.1",
            "192.0.2.10",
            "198.18.0.1",
            "224.0.0.1",
            "255.255.255.255",
            "::",
            "::1",
            "fc00::1",
            "fd12:3456::1",
            "fe80::1",
            "ff02::1",
            "2001:db8::1",
            "::ffff:127.0.0.1",
            "::ffff:10.0.0.1",
            "::ffff:169.254.169.254",
            "64:ff9b::a9fe:a9fe",
            "::127.0.0.1",
            "2002:7f00:1::",
            "2001::1",
            "2001:0:4136:e378::1",
            "64:ff9b:1::a9fe:a9fe",
            "100::1",
            "3fff::1",
            "4000::1",
        ] {
            assert!(!is_public(ip(s)), "{s} must not count as public");
        }
    }

    #[test]
    fn public_addresses_are_public() {
        for s in [
            "1.1.1.1",
            "8.8.8.8",
            "93.184.216.34",
            "172.32.0.1",
            "100.128.0.1",
            "192.169.0.1",
            "2606:4700:4700::1111",
            "2a00:1450:4001::200e",
            "::ffff:8.8.8.8",
            "64:ff9b::808:808",
        ] {
            assert!(is_public(ip(s)), "{s} is public");
        }
    }

    #[test]
    fn urls_are_checked_before_resolution() {
        assert!(check_url(STRICT, "https://hooks.example.com/cadre").is_ok());
        let t = check_url(STRICT, "https://Hooks.Example.com.:8443/x?y=1").unwrap();
        assert_eq!(t.host.as_deref(), Some("hooks.example.com"));
        assert_eq!(t.port, 8443);
        for (url, why) in [
            ("http://hooks.example.com/", "https"),
            ("ftp://hooks.example.com/", "https"),
            ("https://user:pw@hooks.example.com/", "user name"),
            ("https://hooks.example.com/#frag", "fragment"),
            ("https://127.0.0.1/", "internal"),
            ("https://[::1]:8080/", "internal"),
            ("https://169.254.169.254/latest/meta-data", "internal"),
            ("https://0x7f000001/", "internal"),
            ("https://2130706433/", "internal"),
            ("not a url", "absolute"),
        ] {
            let e = check_url(STRICT, url).unwrap_err();
            assert!(e.contains(why), "{url}: {e}");
        }
        let open = Policy {
            allow_http: true,
            allow_private: true,
        };
        let t = check_url(open, "http://127.0.0.1:9000/hook").unwrap();
        assert_eq!((t.host, t.port), (None, 9000));
    }

    #[test]
    fn a_host_resolving_to_any_internal_address_is_refused_at_registration() {
        let good = [ip("93.184.216.34")];
        assert!(check_resolved(STRICT, "example.com", &good).is_ok());
        let mixed = [ip("93.184.216.34"), ip("10.0.0.7")];
        assert!(
            check_resolved(STRICT, "example.com", &mixed)
                .unwrap_err()
                .contains("10.0.0.7")
        );
        assert!(check_resolved(STRICT, "example.com", &[]).is_err());
        assert_eq!(
            connectable(STRICT, mixed.to_vec()),
            vec![ip("93.184.216.34")]
        );
    }

    proptest! {
        #[test]
        fn mapped_ipv6_is_judged_like_its_ipv4(a: u8, b: u8, c: u8, d: u8) {
            let v4 = Ipv4Addr::new(a, b, c, d);
            prop_assert_eq!(is_public(IpAddr::V6(v4.to_ipv6_mapped())), is_public(IpAddr::V4(v4)));
        }

        #[test]
        fn the_private_switch_allows_everything(bits: u128) {
            let open = Policy { allow_http: false, allow_private: true };
            prop_assert!(allowed(open, IpAddr::V6(Ipv6Addr::from(bits))));
        }
    }
}
