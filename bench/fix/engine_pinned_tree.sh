#!/bin/sh
# Build a source tree for `bench/fix/run.py --check` / timing: this checkout's src/, with the ZWNJ
# engine (zwnj.py, lexicon.py, data/lexicon) of COMMIT, so that a change of the engine made
# meanwhile by someone else does not show up as a change of the fix machinery's outputs.
#
#   sh bench/fix/engine_pinned_tree.sh 089990f /tmp/pinned
#   KHABAR_SRC=/tmp/pinned/src .venv/bin/python bench/fix/run.py --check /tmp/x_before --docs 5000
set -eu
commit=$1
out=$2
root=$(git -C "$(dirname "$0")" rev-parse --show-toplevel)
rm -rf "$out" && mkdir -p "$out/base"
cp -r "$root/src" "$out/src"
git -C "$root" archive "$commit" src/khabar/text/zwnj.py src/khabar/text/lexicon.py \
    src/khabar/data/lexicon | tar -x -C "$out/base"
cp "$out/base/src/khabar/text/zwnj.py" "$out/base/src/khabar/text/lexicon.py" "$out/src/khabar/text/"
rm -rf "$out/src/khabar/data/lexicon"
cp -r "$out/base/src/khabar/data/lexicon" "$out/src/khabar/data/lexicon"
rm -rf "$out/base"
echo "$out/src: $(git -C "$root" rev-parse --short HEAD) with the ZWNJ engine of $commit"
