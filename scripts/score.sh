#!/usr/bin/env bash
# Scores the release CLI against hand-made gold annotations, the way ../shared/eval/score.py measures it.
#
#   scripts/score.sh [--each] [--no-conll] [score.py options: --show-errors --kinds=person,quote ...]
#
# 1. Builds target/release/lede (cargo only rebuilds what changed).
# 2. Annotates every tests/eval/NAME.txt (gold: tests/eval/NAME.tsv) and the seed article (tests/fixtures/seed.txt,
#    gold tests/fixtures/seed.gold.tsv), and scores them pooled with score.py: one table, per kind precision, recall,
#    F1 (overlap and exact) and attribute accuracy, and last the line `macro-F1 <overlap> strict <exact>`.
#    --each also prints a table for each document first.
# 3. If the CoNLL-2003 dev split ($LEDE_EVAL/conll2003/eng.testa) is there, turns it into running text with conll.py,
#    annotates it, and scores the person mentions against its PER spans (skip with --no-conll).
#
# $LEDE_EVAL is the folder holding score.py, conll.py and conll2003/ (default ../shared/eval, from the repository root).
# $LEDE_BIN scores another build of the CLI instead (nothing is built then), e.g. an older commit's, to compare.
# The gold format and the annotation rules are those of $LEDE_EVAL/README.md and GUIDELINES.md.
set -euo pipefail
cd "$(dirname "$0")/.."

EVAL=${LEDE_EVAL:-../shared/eval}
PY=${PYTHON:-python3}
each=0 conll=1 opts=()
for a in "$@"; do
  case $a in
    --each) each=1 ;;
    --no-conll) conll=0 ;;
    -h | --help) awk 'NR > 1 && !/^#/ { exit } NR > 1 { sub(/^# ?/, ""); print }' "$0"; exit 0 ;;
    *) opts+=("$a") ;;
  esac
done

[[ -f $EVAL/score.py ]] || { echo "score: no score.py in $EVAL (set LEDE_EVAL)" >&2; exit 1; }
if [[ -n ${LEDE_BIN:-} ]]; then
  LEDE=$LEDE_BIN
else
  export PATH="$HOME/.cargo/bin:$PATH"
  cargo build --release --quiet
  LEDE=target/release/lede
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# GOLD TEXT OUTPUT triples, the seed first.
triples=()
add() { # add NAME GOLD TEXT
  "$LEDE" "$3" > "$out/$1.json"
  triples+=("$2" "$3" "$out/$1.json")
}
add seed tests/fixtures/seed.gold.tsv tests/fixtures/seed.txt
for txt in tests/eval/*.txt; do
  gold=${txt%.txt}.tsv
  [[ -f $gold ]] || { echo "score: $txt has no gold file $gold" >&2; exit 1; }
  add "$(basename "${txt%.txt}")" "$gold" "$txt"
done

if ((each)); then
  for ((i = 0; i < ${#triples[@]}; i += 3)); do
    echo "== ${triples[i + 1]}"
    "$PY" "$EVAL/score.py" "${triples[@]:i:3}" ${opts[@]+"${opts[@]}"}
    echo
  done
fi
echo "== pooled: $((${#triples[@]} / 3)) documents (tests/fixtures/seed.txt, tests/eval/*.txt)"
"$PY" "$EVAL/score.py" "${triples[@]}" ${opts[@]+"${opts[@]}"}

testa=$EVAL/conll2003/eng.testa
if ((conll)) && [[ -f $testa ]]; then
  echo
  echo "== CoNLL-2003 dev (eng.testa), person"
  "$PY" "$EVAL/conll.py" text "$testa" "$out/testa.txt" > /dev/null
  "$LEDE" "$out/testa.txt" > "$out/testa.json"
  "$PY" "$EVAL/conll.py" score "$testa" "$out/testa.json"
fi
