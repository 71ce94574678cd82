#!/bin/sh
# Regenerates golden/ from the reference scorer: for each case of cases.tsv,
# golden/NAME.json is `score.py GOLD SYS --json` and golden/NAME.txt its
# plain report. Several gold files are concatenated first, as `newsgraph
# eval --gold A --gold B` reads them. Needs python3 and the shared tree;
# the Go tests need neither. Run from this directory:
#   ./mkgolden.sh /work/shared/tools/score.py
# The noisy system files were made with perturb.py (see its usage line):
#   ./perturb.py 1 gold-seed.jsonl gold-bbc.jsonl > sys-noisy-1.jsonl
#   ./perturb.py 2 gold-seed.jsonl gold-bbc.jsonl > sys-noisy-2.jsonl
#   ./perturb.py 3 gold-bbc.jsonl > sys-noisy-3.jsonl
#   ./perturb.py 4 gold-edge.jsonl > sys-noisy-edge.jsonl
set -eu
score=${1:?usage: mkgolden.sh path/to/score.py}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
mkdir -p golden
grep -v '^#' cases.tsv | while IFS='	' read -r name golds sys; do
	: > "$tmp"
	for g in $(echo "$golds" | tr + ' '); do
		cat "$g" >> "$tmp"
		# a gold file need not end in a newline; keep records on their own lines
		[ -z "$(tail -c1 "$g")" ] || echo >> "$tmp"
	done
	python3 "$score" "$tmp" "$sys" --json > "golden/$name.json"
	python3 "$score" "$tmp" "$sys" > "golden/$name.txt"
done
