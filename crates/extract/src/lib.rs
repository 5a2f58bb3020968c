//! accord extract stage: `Document` → `Vec<Mention>`.

mod dates;
mod money;

pub use dates::{DateMatch, find_dates};
pub use money::{MoneyMatch, MoneyOptions, find_money};
