//! `planportal new DIR`: a site that builds and serves at once, for an
//! officer starting a portal: `site.yaml`, `content/plans/`,
//! `content/documents/`, one example plan and the document it implements.
//! It only ever creates: a folder that holds anything is refused, so no file
//! of the user's is overwritten.

use std::path::{Path, PathBuf};

const SITE_YAML: &str = "\
# Cài đặt của cổng (mọi khóa đều có giá trị mặc định; xem docs/content-format.md).
title: Cổng thông tin Kế hoạch
language: vi
# Địa chỉ cổng khi đã đưa lên mạng, ví dụ https://kehoach.example.gov.vn/
base_url: /
";

const EXAMPLE_DOCUMENT: &str = "\
---
title: Kết luận của Bộ Chính trị về tiếp tục thực hiện Nghị quyết số 21-NQ/TW về công tác dân số trong tình hình mới
short_title: Kết luận 149-KL/TW về công tác dân số
number: 149-KL/TW
issuer: Bộ Chính trị
jurisdiction: Trung ương
date: 10/4/2025
---
";

const EXAMPLE_PLAN: &str = "\
---
# Một kế hoạch ví dụ: sửa các dòng dưới đây cho kế hoạch của mình,
# hoặc xóa tệp này và dùng `planportal import <tệp PDF>`.
title: Kế hoạch ví dụ về công tác dân số năm 2026
number: 1/KH-UBND
issuer: Ủy ban nhân dân tỉnh Ví Dụ
jurisdiction: Ví Dụ
date: 15/1/2026
basis:
  - Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị
campaigns:
  - Ngày Dân số thế giới (11/7)
  - { name: Tháng hành động quốc gia về Dân số, month: 12 }
draft: false
---
## I. MỤC ĐÍCH, YÊU CẦU

Thực hiện Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị, Ủy ban nhân
dân tỉnh ban hành Kế hoạch này. Nội dung là văn bản Markdown: tiêu đề bắt đầu
bằng `#`, danh sách bằng `-`.
";

/// Why a site could not be started.
#[derive(Debug)]
pub enum NewError {
    /// The folder exists and holds something.
    NotEmpty(PathBuf),
    Io(PathBuf, std::io::Error),
}

impl NewError {
    pub fn message(&self, vi: bool) -> String {
        match (self, vi) {
            (NewError::NotEmpty(p), true) => format!(
                "thư mục `{}` đã có nội dung; `planportal new` chỉ tạo cổng mới trong thư mục trống \
                 hoặc chưa có (không ghi đè tệp nào). Hãy chọn tên khác, ví dụ: planportal new cong-moi",
                p.display()
            ),
            (NewError::NotEmpty(p), false) => format!(
                "`{}` is not empty; `planportal new` only starts a site in an empty or new folder \
                 (it overwrites nothing). Choose another name, e.g. planportal new my-portal",
                p.display()
            ),
            (NewError::Io(p, e), true) => format!("không tạo được `{}`: {e}", p.display()),
            (NewError::Io(p, e), false) => format!("cannot create `{}`: {e}", p.display()),
        }
    }
}

/// Creates the starter site in `dir` and returns the files written, relative to it.
pub fn new_site(dir: &Path) -> Result<Vec<&'static str>, NewError> {
    if let Ok(mut entries) = std::fs::read_dir(dir) {
        if entries.next().is_some() {
            return Err(NewError::NotEmpty(dir.to_path_buf()));
        }
    } else if dir.exists() {
        return Err(NewError::NotEmpty(dir.to_path_buf()));
    }
    let files: [(&str, &str); 3] = [
        ("site.yaml", SITE_YAML),
        ("content/documents/kl-149-tw-2025.md", EXAMPLE_DOCUMENT),
        ("content/plans/vi-du-2026.md", EXAMPLE_PLAN),
    ];
    for sub in ["content/plans", "content/documents"] {
        let p = dir.join(sub);
        std::fs::create_dir_all(&p).map_err(|e| NewError::Io(p, e))?;
    }
    for (rel, text) in files {
        let p = dir.join(rel);
        // create_new: never replace a file, even one made since the check above.
        std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&p)
            .and_then(|mut f| std::io::Write::write_all(&mut f, text.as_bytes()))
            .map_err(|e| NewError::Io(p, e))?;
    }
    Ok(files.iter().map(|(rel, _)| *rel).collect())
}
