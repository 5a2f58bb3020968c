"""Type stubs of the native module (Rust, PyO3). Use the wrappers in ``accord``."""

from typing import Dict, Optional

__version__: str

class AccordError(Exception):
    """A usage or environment error, with the message ``accord`` prints after ``error:``."""


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
def reduce(pipeline: Optional[str], shards: str, out: str) -> Dict[str, object]: ...
def check(pipeline: Optional[str], input: Optional[str], out: str) -> None: ...
