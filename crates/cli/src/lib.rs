//! accord-cli
