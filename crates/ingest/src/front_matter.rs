//! YAML front matter (the `---` block that opens a Markdown file, as Jekyll, Hugo and
//! pandoc write it), read with yaml-rust2 (YAML 1.2).
//!
//! Only the document title is taken: the top-level `title` key when it is a string (its
//! YAML escapes decoded: `"\_"` is a no-break space) or a number. The block itself stays
//! furniture.

use yaml_rust2::{Yaml, YamlLoader};

/// The `title` of a front-matter block, whitespace collapsed; `Ok(None)` when the block has
/// no title, or an empty one.
///
/// # Errors
/// The YAML parser's message (with its line and column) when the block is not valid YAML.
pub(crate) fn title(yaml: &str) -> Result<Option<String>, String> {
    let docs = YamlLoader::load_from_str(yaml).map_err(|e| e.to_string())?;
    let Some(Yaml::Hash(map)) = docs.first() else {
        return Ok(None);
    };
    let title = match map.get(&Yaml::String("title".to_owned())) {
        Some(Yaml::String(s)) => s.clone(),
        Some(Yaml::Integer(n)) => n.to_string(),
        Some(Yaml::Real(r)) => r.clone(),
        _ => return Ok(None),
    };
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    Ok((!title.is_empty()).then_some(title))
}

#[cfg(test)]
mod tests {
    use super::title;

    #[test]
    fn reads_a_quoted_title_and_decodes_its_escapes() {
        let yaml = "tags: notes\ndate: '2020-01-02'\ntitle: \"Plan for a Shared\\_Border\"\n";
        assert_eq!(title(yaml), Ok(Some("Plan for a Shared Border".to_owned())));
        assert_eq!(
            title("title: 'It''s a plan'"),
            Ok(Some("It's a plan".to_owned()))
        );
        assert_eq!(
            title("title: >\n  A folded\n  title\n"),
            Ok(Some("A folded title".to_owned()))
        );
    }

    #[test]
    fn no_title_or_a_non_string_title_is_none() {
        assert_eq!(title("date: 2020-01-02\n"), Ok(None));
        assert_eq!(title("title: [a, b]\n"), Ok(None));
        assert_eq!(title("title: ''\n"), Ok(None));
        assert_eq!(title(""), Ok(None));
        // A nested title is not the document's.
        assert_eq!(title("meta:\n  title: Inner\n"), Ok(None));
    }

    #[test]
    fn invalid_yaml_is_an_error_with_its_position() {
        let err = title("title: [unclosed\n").expect_err("invalid");
        assert!(err.contains("line"), "{err}");
    }
}
