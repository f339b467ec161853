#!/usr/bin/env bash
# Times an earlier release and this checkout side by side, in one run, on the same generated
# policies, so that the ratios hold on a noisy machine:
#   - `bench` of both builds, alternating (old, new, old, new), same sizes and seed;
#   - the command line: `compile` and `authorize` of one transaction, and of a 20,000-transaction
#     batch, against one generated policy, alternating, each run as a whole process (JVM included):
#     both builds with `java -jar`, and this checkout through its launcher `src/bin/quorate` (the
#     class-data sharing archive and the JVM options it gives a short command).
# Usage: src/bench/compare-with-release.sh [REF] [ACCOUNTS_FOR_BENCH] [ROUNDS]
#   REF defaults to v0.1.0, ACCOUNTS_FOR_BENCH to 1000,10000, ROUNDS to 3.
# Needs git, Maven and Java 17; prints Markdown to standard output.
set -euo pipefail
# v0.1.0 is the last release built through DRL and ECJ; a clone without the tag uses its commit.
ref=${1:-v0.1.0}
if ! git rev-parse -q --verify "$ref^{commit}" >/dev/null; then
  [[ $ref == v0.1.0 ]] && ref=73c10789adf068af7be723bd241f78d91ad94efe || { echo "no commit \`$ref\`" >&2; exit 2; }
fi
sizes=${2:-1000,10000}
rounds=${3:-3}
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/old" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

git -C "$root" worktree add --detach "$work/old" "$ref" >/dev/null 2>&1
(cd "$work/old" && mvn -B -ntp -q package -DskipTests) >&2
(cd "$root" && mvn -B -ntp -q package -DskipTests) >&2
old="$work/old/target/quorate.jar"
new="$root/target/quorate.jar"

echo "## bench, $ref against $(git -C "$root" rev-parse --short HEAD), ${rounds} rounds alternating"
for r in $(seq 1 "$rounds"); do
  for side in old new; do
    jar=$old; [[ $side == new ]] && jar=$new
    echo; echo "### round $r: $side"
    java -jar "$jar" bench --accounts "$sizes" --threads 1 --no-reference 2>/dev/null | grep -E '^\||^- [0-9,]+ accounts:'
  done
done

files="$work/files"
java -jar "$new" bench --accounts 1000 --write "$files" 2>/dev/null
# seconds of wall time of one whole process
wall() { local s e; s=$(date +%s%N); "$@" >/dev/null 2>&1 || true; e=$(date +%s%N); awk -v ns=$((e - s)) 'BEGIN { printf "%.2f", ns / 1e9 }'; }
echo; echo "## command line, 1,000-account policy (wall seconds, JVM included; $rounds rounds alternating)"
echo; echo "| command | $ref \`java -jar\` | this checkout \`java -jar\` | this checkout \`src/bin/quorate\` |"; echo "|---|--:|--:|--:|"
for cmd in "compile $files/policy" "authorize --policy $files/policy --format json $files/one.json" \
           "authorize --policy $files/policy --format json $files/batch.json"; do
  o=(); n=(); l=()
  for r in $(seq 1 "$rounds"); do
    # shellcheck disable=SC2086
    o+=("$(wall java -jar "$old" $cmd)"); n+=("$(wall java -jar "$new" $cmd)")
    # shellcheck disable=SC2086
    l+=("$(QUORATE_JAR=$new wall "$root/src/bin/quorate" $cmd)")
  done
  label=${cmd//$files\//}
  echo "| \`$label\` | ${o[*]} | ${n[*]} | ${l[*]} |"
done
