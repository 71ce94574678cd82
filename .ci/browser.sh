#!/usr/bin/env bash
# Installs Debian's chromium for the browser tests (server/browser_test.go)
# when it is missing. Idempotent; prints the binary's path.
set -euo pipefail
if ! command -v chromium >/dev/null 2>&1; then
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi
command -v chromium
