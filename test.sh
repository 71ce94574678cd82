#!/usr/bin/env bash
# The test command of README.md: vet, staticcheck and test every package. Where it can,
# it first starts a throwaway PostgreSQL (so the store tests run against both
# backends) and installs Chromium (for the browser tests); without them those
# tests skip and the rest still runs.
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${NEWSGRAPH_TEST_PG:-}" ]; then
	if dsn=$(bash .ci/postgres.sh 2>/tmp/newsgraph-pg.err); then
		export NEWSGRAPH_TEST_PG="$dsn"
	else
		echo "test.sh: no PostgreSQL ($(tail -n 1 /tmp/newsgraph-pg.err)); PostgreSQL store tests will skip" >&2
	fi
fi
if [ -f .ci/browser.sh ] && [ -z "${NEWSGRAPH_NO_BROWSER:-}" ]; then
	bash .ci/browser.sh >/dev/null 2>&1 || echo "test.sh: no Chromium; browser tests will skip" >&2
fi
go vet ./...
go run honnef.co/go/tools/cmd/staticcheck@v0.8.2 ./...
go test -count=1 ./...
