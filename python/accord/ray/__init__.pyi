from typing import Optional

from accord import PathLike, RunSummary

def run(
    input: Optional[PathLike],
    out: PathLike,
    pipeline: Optional[PathLike] = None,
    *,
    num_cpus: Optional[int] = None,
    shards: Optional[int] = None,
    cache: bool = True,
    cache_dir: Optional[PathLike] = None,
) -> RunSummary: ...
