"""The MLflow pyfunc adapter ("models from code"): one `predict` for every classifier kind.

MLflow copies this file into each saved model. `predict` takes a DataFrame with `title` and `body` (or `text`)
and returns `stance` plus one `p_<label>` column per configured label.
"""

from __future__ import annotations

import mlflow
import pandas as pd
from mlflow.pyfunc import PythonModel


class StanceModel(PythonModel):
    def load_context(self, context) -> None:
        from pipeline.classifiers import load_classifier

        self.classifier, self.config = load_classifier(context.artifacts["classifier"])

    def predict(self, context, model_input: pd.DataFrame, params=None) -> pd.DataFrame:
        from pipeline.classifiers import predict_frame

        return predict_frame(self.classifier, self.config["text_fields"], model_input)


mlflow.models.set_model(StanceModel())
