//! accord-normalize
