//! The native command: `maqal keywords --jsonl` on standard input, and its errors.
#![cfg(feature = "cli")]
#![allow(clippy::expect_used)]

use std::io::Write;
use std::process::{Command, Stdio};

fn run(args: &[&str], input: &str) -> (i32, String, String) {
    run_bytes(args, input.as_bytes())
}

fn run_bytes(args: &[&str], input: &[u8]) -> (i32, String, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_maqal"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the maqal binary runs");
    // A command that stops at a usage error exits without reading its input: the pipe may then be closed.
    let written = child.stdin.take().expect("stdin").write_all(input);
    assert!(
        written
            .as_ref()
            .map_or_else(|e| e.kind() == std::io::ErrorKind::BrokenPipe, |()| true),
        "input not written: {written:?}"
    );
    let out = child.wait_with_output().expect("the command ends");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn jsonl_in_jsonl_out() {
    let seed = include_str!("fixtures/004_8936998626512ca3.txt");
    let input = format!(
        "{}\n{}\n",
        serde_json::json!({ "id": "004", "text": seed }),
        serde_json::json!({ "id": 7, "lang": "en", "text": "Solar power is now the cheapest source of electricity. Solar power plants are built faster than wind farms." })
    );
    let (code, out, err) = run(&["keywords", "--jsonl", "--top", "5"], &input);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["id"], "004");
    let k0: Vec<&str> = lines[0]["keywords"]
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|v| v.as_str())
        .collect();
    assert_eq!(k0.len(), 5);
    assert!(k0.contains(&"المغرب"), "{k0:?}");
    assert!(!k0.iter().any(|k| k.contains("Link")), "{k0:?}");
    assert_eq!(lines[1]["id"], 7);
    assert_eq!(lines[1]["keywords"][0], "Solar power");
}

#[test]
fn bad_lines_are_reported_and_the_rest_is_done() {
    let input = "not json\n{\"id\": 1}\n{\"id\": 2, \"text\": \"Solar power is cheap. Solar power is fast to build.\"}\n";
    let (code, out, err) = run(&["keywords", "--jsonl"], input);
    assert_eq!(code, 1);
    assert!(err.contains("line 1") && err.contains("line 2"), "{err}");
    assert_eq!(out.lines().count(), 1);
}

#[test]
fn lines_that_are_not_utf8_are_reported_and_blank_ones_skipped() {
    let mut input =
        b"{\"id\": 1, \"text\": \"Solar power is cheap. Solar power plants.\"}\n".to_vec();
    input.extend_from_slice(b"\xff\xfe{\"id\": 2}\n\n \xc2\xa0\t\r\n{\"id\": 3, \"text\": \"x\"}");
    let (code, out, err) = run_bytes(&["keywords", "--jsonl"], &input);
    assert_eq!(code, 1);
    assert!(err.contains("line 2: not UTF-8"), "{err}");
    assert!(!err.contains("line 3") && !err.contains("line 4"), "{err}");
    let ids: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str::<serde_json::Value>(l).expect("JSON line")["id"].clone())
        .collect();
    assert_eq!(ids, [1, 3]);
}

#[test]
fn plain_text_and_usage_errors() {
    let (code, out, _) = run(
        &["keywords", "--top", "3"],
        "Solar power is cheap. Solar power is fast to build. Solar power wins.",
    );
    assert_eq!(code, 0);
    assert!(
        out.lines().count() <= 3 && out.contains("Solar power"),
        "{out}"
    );
    for args in [
        &["keywords", "--top", "x"][..],
        &["keywords", "--algorithm", "nope"],
        &["frobnicate"],
        &["keywords", "--bogus"],
    ] {
        let (code, _, err) = run(args, "");
        assert_eq!(code, 2, "{args:?}");
        assert!(!err.is_empty());
    }
    let (code, _, err) = run(&["keywords", "--lang", "xx-invalid"], "text");
    assert_eq!(code, 1, "{err}");
}

#[test]
fn algorithms_and_corpus_mode() {
    let docs = [
        "Daily Planet report. The harbour bridge reopened after repairs; the harbour bridge carries trams.",
        "Daily Planet report. The city council approved the budget; the council budget rises by a tenth.",
        "Daily Planet report. Heavy rain flooded the old market; market stalls stayed closed all week.",
    ];
    let input: String = docs
        .iter()
        .enumerate()
        .map(|(i, t)| {
            format!(
                "{}\n",
                serde_json::json!({ "id": i, "lang": "en", "text": t })
            )
        })
        .collect();
    for algorithm in ["combined", "yake", "tfidf", "positionrank"] {
        let (code, out, err) = run(&["keywords", "--jsonl", "--algorithm", algorithm], &input);
        assert_eq!(code, 0, "{algorithm}: {err}");
        assert_eq!(out.lines().count(), 3, "{algorithm}");
    }
    let (code, out, err) = run(&["keywords", "--jsonl", "--corpus", "--top", "3"], &input);
    assert_eq!(code, 0, "{err}");
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).expect("JSON line"))
        .collect();
    // Input order, and what every document shares is not what any of them is about.
    assert_eq!(
        lines.iter().map(|l| l["id"].clone()).collect::<Vec<_>>(),
        [0, 1, 2]
    );
    for l in &lines {
        let first = l["keywords"][0].as_str().expect("a keyphrase");
        assert!(!first.contains("Daily Planet"), "{l}");
    }
    assert_eq!(lines[0]["keywords"][0], "harbour bridge");
    let (code, _, _) = run(&["keywords", "--corpus"], "text");
    assert_eq!(code, 2, "--corpus without --jsonl");
}
