import os
from pathlib import Path
from typing import Any, Dict, Iterable, List, Literal, Optional, Tuple, Union, overload

import pandas
import polars

import pyarrow

from ._native import AccordError as AccordError
from ._native import Dataset as Dataset
from ._native import Document as Document
from ._native import Pipeline as Pipeline

__version__: str
PathLike = Union[str, os.PathLike[str]]
TABLES: Tuple[str, ...]

class Failure:
    path: str
    stage: str
    error: str
    def __init__(self, path: str, stage: str, error: str) -> None: ...

class RunSummary:
    out: Path
    inputs: int
    documents: int
    failed: int
    mentions: int
    cached: int
    rows: Dict[str, int]
    failures: List[Failure]
    @property
    def ok(self) -> bool: ...

def run(
    input: Optional[PathLike],
    out: PathLike,
    pipeline: Optional[PathLike] = None,
    *,
    threads: Optional[int] = None,
    cache: bool = True,
    cache_dir: Optional[PathLike] = None,
) -> RunSummary: ...
@overload
def load(
    out: PathLike, *, backend: Literal["polars"] = "polars", tables: Iterable[str] = ...
) -> Dict[str, polars.DataFrame]: ...
@overload
def load(
    out: PathLike, *, backend: Literal["pandas"], tables: Iterable[str] = ...
) -> Dict[str, pandas.DataFrame]: ...
def pipeline(path: Optional[PathLike] = None) -> Pipeline: ...
def ingest(
    source: Union[PathLike, bytes], *, path: Optional[str] = None, pipeline: Union[Pipeline, PathLike, None] = None
) -> Document: ...
def extract(document: Document, *, pipeline: Union[Pipeline, PathLike, None] = None) -> pyarrow.RecordBatch: ...
FailureLike = Union[AccordError, Failure, Tuple[str, str, str], Tuple[str, str, str, int, str]]

def mentions_schema() -> pyarrow.Schema: ...
def normalize(
    documents: Iterable[Tuple[Document, pyarrow.RecordBatch]],
    *,
    failures: Iterable[FailureLike] = (),
    pipeline: Union[Pipeline, PathLike, None] = None,
) -> Dataset: ...
def publish(dataset: Dataset, out: PathLike, *, pipeline: Union[Pipeline, PathLike, None] = None) -> Dict[str, int]: ...
