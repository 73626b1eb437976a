//! Privacy: skillgap has no network code. Nothing it reads (a CV, a bio, a journal) leaves the machine, and it
//! writes only what the user asks for. These checks keep that true as dependencies change.

use std::path::PathBuf;

/// Crates that open network connections (HTTP clients and servers, TLS, async sockets, DNS).
const NETWORK_CRATES: &[&str] = &[
    "reqwest",
    "hyper",
    "ureq",
    "curl",
    "curl-sys",
    "isahc",
    "surf",
    "attohttpc",
    "h2",
    "h3",
    "quinn",
    "tokio",
    "async-std",
    "smol",
    "mio",
    "socket2",
    "native-tls",
    "openssl",
    "openssl-sys",
    "rustls",
    "tungstenite",
    "trust-dns-resolver",
    "hickory-resolver",
    "lettre",
];

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn no_networking_crate_is_in_the_dependency_tree() {
    let lock = std::fs::read_to_string(root().join("Cargo.lock")).expect("Cargo.lock");
    let names: Vec<&str> =
        lock.lines().filter_map(|l| l.strip_prefix("name = \"")).filter_map(|l| l.strip_suffix('"')).collect();
    assert!(names.contains(&"skillgap"), "read the lock file's package names");
    let found: Vec<&&str> = names.iter().filter(|n| NETWORK_CRATES.contains(n)).collect();
    assert!(found.is_empty(), "networking crates in the dependency tree: {found:?}");
}

#[test]
fn no_source_file_opens_a_socket() {
    let mut files = Vec::new();
    for dir in ["src", "crates/skillgap/src"] {
        let mut stack = vec![root().join(dir)];
        while let Some(path) = stack.pop() {
            for entry in std::fs::read_dir(&path).expect("a source folder").flatten() {
                let p = entry.path();
                if p.is_dir() {
                    stack.push(p);
                } else if p.extension().is_some_and(|e| e == "rs") {
                    files.push(p);
                }
            }
        }
    }
    assert!(files.len() > 20, "found the sources");
    for file in files {
        let text = std::fs::read_to_string(&file).expect("a source file");
        for needle in ["std::net", "TcpStream", "UdpSocket", "TcpListener", "ToSocketAddrs"] {
            assert!(!text.contains(needle), "{} uses {needle}", file.display());
        }
    }
}
