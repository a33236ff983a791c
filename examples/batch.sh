#!/usr/bin/env bash
# The command line over a batch: every report of a folder checked, one JSON result per line,
# then a count of the reports with errors (jq-free: the summary's "errors" field is read with
# grep). Usage: examples/batch.sh DIR   (after ./scripts/run.sh or cargo build --release)
set -euo pipefail
dir=${1:?usage: examples/batch.sh DIR}
gouji="$(dirname "$0")/../target/release/gouji"
status=0
"$gouji" check --json "$dir"/*.txt > results.jsonl || status=$?
echo "$(wc -l < results.jsonl) reports checked, $(grep -c '"summary":{"errors":[1-9]' results.jsonl || true) with errors (exit status $status)"
