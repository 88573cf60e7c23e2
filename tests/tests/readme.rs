//! The README's snippets that no doctest or CLI test runs: the Rust
//! example that sends (run against the loopback server), the dependencies it
//! asks for, and every shell line (run here, or by `.ci/run`, or by the npm
//! package's README test).

mod support;

use std::process::Command;

use desk_schema_tests::workspace::{cargo_build, root};

fn read(path: &str) -> String {
    std::fs::read_to_string(root().join(path)).unwrap()
}

/// The fenced blocks whose info string is `info`, in order.
fn blocks(info: &str) -> Vec<String> {
    let readme = read("README.md");
    let fence = format!("```{info}\n");
    readme
        .split(&fence)
        .skip(1)
        .map(|rest| rest[..rest.find("```").unwrap()].to_owned())
        .collect()
}

#[test]
fn the_send_example_is_the_file_and_creates_a_group() {
    let example = read("desk-schema/examples/send.rs");
    // The one `no_run` block that sends (the other writes schemas).
    let sending: Vec<String> = blocks("rust,no_run")
        .into_iter()
        .filter(|b| b.contains("create_group"))
        .collect();
    assert_eq!(
        sending,
        [example],
        "README and desk-schema/examples/send.rs differ"
    );

    let send = cargo_build(
        &[
            "-p",
            "desk-schema",
            "--features",
            "client",
            "--example",
            "send",
        ],
        "examples/send",
    );
    let (endpoint, server) =
        support::serve_in_thread(vec![support::api_error(10_002), support::CREATED]);
    let out = Command::new(send)
        .args([
            &support::SDKAPPID.to_string(),
            support::ADMIN,
            &endpoint.to_string(),
        ])
        .env("DESK_SCHEMA_SECRET_KEY", support::KEY)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        "created team-a after 2 attempt(s)\n"
    );
    assert_eq!(server.requests(), 2);
}

#[test]
fn the_toml_block_asks_for_what_the_example_builds_with() {
    let toml = blocks("toml").concat();
    let manifest = read("desk-schema/Cargo.toml");
    // The example's required features, and the runtime's features.
    let required = manifest
        .split("[[example]]")
        .nth(1)
        .and_then(|e| e.lines().find(|l| l.starts_with("required-features")))
        .unwrap();
    let features = required.split_once('=').unwrap().1.trim();
    assert!(
        toml.contains(&format!("features = {features} }}")),
        "README asks for other features than {features}:\n{toml}"
    );
    let tokio = manifest
        .split("[dev-dependencies]")
        .nth(1)
        .and_then(|d| d.lines().find(|l| l.starts_with("tokio =")))
        .unwrap();
    assert!(toml.contains(tokio), "README's tokio is not `{tokio}`");
}

#[test]
fn every_shell_line_is_run_here_or_by_ci_or_by_the_npm_tests() {
    let ci = read(".ci/run");
    let npm_readme_test = read("npm/desk-schema/test/readme.test.js");
    let mut lines = 0;
    for block in blocks("sh") {
        for line in block.lines() {
            lines += 1;
            let command = line.split(" #").next().unwrap().trim();
            if let Some(rest) =
                command.strip_prefix("cargo run -q -p desk-schema --features cli -- ")
            {
                // Run it; a `> FILE` redirect must find FILE's bytes.
                let (args, file) = match rest.split_once(" > ") {
                    Some((args, file)) => (args, Some(file)),
                    None => (rest, None),
                };
                let out = Command::new(env!("CARGO"))
                    .args(["run", "-q", "-p", "desk-schema", "--features", "cli", "--"])
                    .args(args.split_whitespace())
                    .env_remove("DESK_SCHEMA_LANG")
                    .env_remove("LC_ALL")
                    .env_remove("LC_MESSAGES")
                    .env_remove("LANG")
                    .env_remove("LANGUAGE")
                    .current_dir(root())
                    .output()
                    .unwrap();
                assert!(out.status.success(), "{line}");
                let expected = file.map_or_else(|| "valid\n".to_owned(), read);
                assert_eq!(String::from_utf8_lossy(&out.stdout), expected, "{line}");
            } else if command.starts_with("npm install --save-dev ajv")
                || command.starts_with("npx desk-schema compile")
            {
                // The compile flow, run in a fresh app by the package's test.
                assert!(
                    npm_readme_test.contains("shellLines()"),
                    "{line}: not run by npm/desk-schema/test/readme.test.js"
                );
            } else if command.starts_with("cd npm/desk-schema")
                || command.starts_with("mkdir ~/my-app && cd ~/my-app")
            {
                // npm pack, then npm install of the tarball in a fresh app.
                assert!(
                    npm_readme_test.contains("\"pack\"") && npm_readme_test.contains("\"install\""),
                    "{line}"
                );
            } else {
                assert!(
                    ci.lines().any(|l| l.trim() == command),
                    "`{command}` is not in .ci/run"
                );
            }
        }
    }
    assert!(lines >= 6, "{lines} shell lines");
}

/// The number the README writes just before `words` (`64 zoo types`), with
/// its thousands separators.
fn figure_before(readme: &str, words: &str) -> usize {
    let at = readme
        .find(words)
        .unwrap_or_else(|| panic!("the README no longer says {words:?}"));
    let digits: String = readme[..at]
        .trim_end()
        .chars()
        .rev()
        .take_while(|c| c.is_ascii_digit() || *c == ',')
        .collect::<Vec<_>>()
        .into_iter()
        .rev()
        .filter(char::is_ascii_digit)
        .collect();
    digits
        .parse()
        .unwrap_or_else(|_| panic!("no figure before {words:?}"))
}

#[test]
fn the_readmes_counts_of_the_zoo_and_its_corpus_are_current() {
    let readme = read("README.md");
    let mut zoo = 0;
    macro_rules! count {
        ($($t:tt)+) => {
            zoo += 1;
        };
    }
    desk_schema_tests::for_each_zoo_type!(count);
    let mut matrix = 0;
    macro_rules! count_matrix {
        ($($t:tt)+) => {
            matrix += 1;
        };
    }
    desk_schema_tests::for_each_matrix_type!(count_matrix);
    let corpus: serde_json::Value = serde_json::from_str(&read("corpus/zoo.json")).unwrap();
    let cases = corpus["cases"].as_array().unwrap().len();
    assert_eq!(figure_before(&readme, "zoo types"), zoo);
    assert_eq!(
        figure_before(&readme, "types of the generated shape matrix"),
        matrix
    );
    assert_eq!(figure_before(&readme, "cases of `corpus/zoo.json`"), cases);
}
