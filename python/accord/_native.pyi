"""Type stubs of the native module (Rust, PyO3). Use the wrappers in ``accord``."""

from typing import Dict, List, Optional, Tuple, Union

import pyarrow

__version__: str

class AccordError(Exception):
    """A usage or environment error, with the message ``accord`` prints after ``error:``.
    Raised by ``ingest`` or ``extract`` for one input, it also has ``path``, ``stage``,
    ``size`` and ``sha256``."""

    path: str
    stage: str
    size: int
    sha256: str


def run(
    pipeline: Optional[str],
    input: Optional[str],
    out: str,
    *,
    threads: Optional[int] = None,
    cache: bool = True,
    cache_dir: Optional[str] = None,
    build: Optional[str] = None,
) -> Dict[str, object]: ...
def map_shard(
    pipeline: Optional[str],
    input: Optional[str],
    out: str,
    index: int,
    count: int,
    *,
    threads: Optional[int] = None,
    cache: bool = True,
    cache_dir: Optional[str] = None,
    build: Optional[str] = None,
) -> bytes: ...
def map_given(
    pipeline: Optional[str],
    out: str,
    index: int,
    count: int,
    all: List[str],
    given: List[Tuple[str, Optional[bytes], int, Optional[str]]],
    *,
    threads: Optional[int] = None,
    cache: bool = True,
    cache_dir: Optional[str] = None,
    build: Optional[str] = None,
) -> bytes: ...
def merge_shards(first: bytes, second: bytes) -> bytes: ...
def reduce(pipeline: Optional[str], shards: str, out: str) -> Dict[str, object]: ...
def check(pipeline: Optional[str], input: Optional[str], out: str) -> None: ...

class Pipeline:
    """A pipeline file (``None``: the bundled one) with its gazetteer and stages set up."""
    def __init__(self, pipeline: Optional[str] = None) -> None: ...
    @property
    def name(self) -> str: ...
    @property
    def exclude(self) -> List[str]: ...
    @property
    def max_file_bytes(self) -> int: ...

class Document:
    """One ingested document."""
    @property
    def doc_id(self) -> str: ...
    @property
    def path(self) -> str: ...
    @property
    def format(self) -> str: ...
    @property
    def title(self) -> Optional[str]: ...
    @property
    def text(self) -> str: ...
    @property
    def sha256(self) -> str: ...
    @property
    def size(self) -> int: ...
    @property
    def warnings(self) -> List[str]: ...
    def to_json(self) -> str: ...

class Dataset:
    """Normalized tables, ready to publish."""
    def counts(self) -> Dict[str, int]: ...

def ingest(pipeline: Pipeline, source: Union[str, bytes], path: Optional[str] = None) -> Document: ...
def extract(pipeline: Pipeline, document: Document) -> pyarrow.RecordBatch: ...
def normalize(
    pipeline: Pipeline,
    documents: List[Tuple[Document, pyarrow.RecordBatch]],
    failures: List[Tuple[str, str, str, int, str]] = ...,
) -> Dataset: ...
def publish(pipeline: Pipeline, dataset: Dataset, out: str) -> Dict[str, int]: ...
def mentions_schema() -> pyarrow.Schema: ...
