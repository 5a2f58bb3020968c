//! accord-publish
