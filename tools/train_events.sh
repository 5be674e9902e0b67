#!/usr/bin/env bash
# Trains the learned event models shipped as data/models/events.model (docs/events.md):
# the participant models and the decision over the grammar's candidates of the
# annotation train split. The decision threshold was chosen on the dev split,
# where the model's probabilities are then calibrated (OUT's _calibration.tsv).
# Usage: tools/train_events.sh [RASD_BINARY] [OUT]   (needs ../shared/corpus)
set -euo pipefail
cd "$(dirname "$0")/.."
rasd=${1:-build/rasd} out=${2:-data/models/events.model}
threshold=0.15
orders=5  # the mean of five example orders: one retraining moves borderline decisions less
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
python3 tools/annotation/annot.py articles data/annotations/train.jsonl --out "$tmp/train-articles.jsonl"
python3 tools/annotation/gsr.py train --out "$tmp/gsr-train.jsonl"
"$rasd" train events --gold data/annotations/train.jsonl --articles "$tmp/train-articles.jsonl" \
  --gsr "$tmp/gsr-train.jsonl" --threshold "$threshold" --orders "$orders" --out "$out"
python3 tools/annotation/calibrate.py --rasd "$rasd" --event-model "$out" --out "${out%.model}_calibration.tsv" \
  > /dev/null
