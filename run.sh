#!/usr/bin/env bash
# The main job of README.md: analyse the seed article and print the report,
# ingest the bundled sample into ./newsgraph.db, then serve the web UI.
set -euo pipefail
cd "$(dirname "$0")"
mkdir -p bin
go build -o bin/newsgraph ./cmd/newsgraph
bin/newsgraph analyze --format text --published 2022-03-30 testdata/sample/russia-regrouping-2022-03-30.txt
echo
bin/newsgraph ingest --db newsgraph.db --published 2022-03-30 testdata/sample/russia-regrouping-2022-03-30.txt
bin/newsgraph ingest --db newsgraph.db --published 2005-01-01 testdata/sample/bbc
echo "serving http://127.0.0.1:8080 (Ctrl-C stops)"
exec bin/newsgraph serve --db newsgraph.db --addr 127.0.0.1:8080
