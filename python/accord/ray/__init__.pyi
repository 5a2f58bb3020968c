from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence

from accord import PathLike, RunSummary

def is_url(input: Any) -> bool: ...
@dataclass(frozen=True)
class Listing:
    url: str
    rels: List[str]
    storage_options: Dict[str, Any]

def list_inputs(
    url: str, pipeline: Optional[PathLike] = None, *, storage_options: Optional[Dict[str, Any]] = None
) -> Listing: ...
def map_shard(
    listing: Listing,
    index: int,
    count: int,
    out: PathLike,
    pipeline: Optional[PathLike] = None,
    *,
    threads: Optional[int] = 1,
    cache: bool = True,
    cache_dir: Optional[PathLike] = None,
) -> bytes: ...
TREE_FROM: int

def merge_shards(first: bytes, second: bytes) -> bytes: ...
def reduce_shards(shards: Sequence[bytes], out: PathLike, pipeline: Optional[PathLike] = None) -> RunSummary: ...
def run(
    input: Optional[PathLike],
    out: PathLike,
    pipeline: Optional[PathLike] = None,
    *,
    num_cpus: Optional[int] = None,
    shards: Optional[int] = None,
    cache: bool = True,
    cache_dir: Optional[PathLike] = None,
    storage_options: Optional[Dict[str, Any]] = None,
    tree: Optional[bool] = None,
) -> RunSummary: ...
