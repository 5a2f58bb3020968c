//! accord-ingest
