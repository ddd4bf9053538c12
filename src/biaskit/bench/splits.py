"""Fixed train/dev/test splits from a seeded hash of each example's key.

A hash, not the order of a file or a random draw, so that the split of an example never
changes between runs, machines or versions of a dataset that add or remove other examples.
"""

from __future__ import annotations

import hashlib

from biaskit.bench.model import Split

SEED = "biaskit-split-v1"
# Out of 100 buckets: 70 train, 10 dev, 20 test.
TRAIN_BUCKETS = 70
DEV_BUCKETS = 10


def split_of(key: str, seed: str = SEED) -> Split:
    bucket = int.from_bytes(hashlib.sha256(f"{seed}\x00{key}".encode()).digest()[:8]) % 100
    if bucket < TRAIN_BUCKETS:
        return "train"
    if bucket < TRAIN_BUCKETS + DEV_BUCKETS:
        return "dev"
    return "test"
