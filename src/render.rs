pub fn html(_r: &crate::result::CheckResult) -> String { String::new() }
