//! Writes a synthetic but realistic planportal site for benchmarks.
//!
//! ```text
//! cargo run --release --example gen_corpus -- --out DIR --plans N [--seed S] [--hugo DIR]
//! ```
//!
//! `--out DIR` gets a complete planportal site: `site.yaml`, `content/plans/*.md`
//! (N plans), `content/documents/*.md` (the chain of higher documents the plans
//! implement: national documents, then per-province Party and People's Committee
//! documents whose basis cites the national ones) and `content/campaigns/*.md`.
//! `--hugo DIR` gets the same plans and documents as a Hugo site, using the
//! skeleton in `bench/hugo-site/` (`--hugo-skeleton DIR` to use another).
//! The same arguments always give byte-identical files (own PRNG, no clock).

#![allow(clippy::type_complexity)]

use std::fmt::Write as _;
use std::fs;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use chrono::{Datelike, Duration, NaiveDate};

// ---------------------------------------------------------------- PRNG

/// splitmix64: tiny, fast, and good enough for test data.
struct Rng(u64);

impl Rng {
    fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 11) as u128 * n as u128) >> 53) as usize
    }
    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + self.below((hi - lo + 1) as usize) as i64
    }
    fn chance(&mut self, p: f64) -> bool {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64 <= p
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    /// `k` distinct indices of `0..n`, in random order.
    fn sample(&mut self, n: usize, k: usize) -> Vec<usize> {
        let mut idx: Vec<usize> = (0..n).collect();
        let k = k.min(n);
        for i in 0..k {
            let j = i + self.below(n - i);
            idx.swap(i, j);
        }
        idx.truncate(k);
        idx
    }
}

// ---------------------------------------------------------------- places

/// The 34 provincial-level units after the 2025 reorganisation: (name, is a city, a few wards/communes).
const PROVINCES: &[(&str, bool, &[&str])] = &[
    (
        "Hà Nội",
        true,
        &["phường Ba Đình", "phường Hoàn Kiếm", "phường Cầu Giấy"],
    ),
    (
        "Hải Phòng",
        true,
        &["phường Hưng Đạo", "phường Lê Chân", "phường Hồng Bàng"],
    ),
    ("Huế", true, &["phường Thuận Hóa", "phường Phú Xuân"]),
    ("Đà Nẵng", true, &["phường Hải Châu", "phường Hòa Cường"]),
    (
        "Thành phố Hồ Chí Minh",
        true,
        &["phường Sài Gòn", "phường Bến Thành", "phường Chợ Lớn"],
    ),
    ("Cần Thơ", true, &["phường Ninh Kiều", "phường Cái Khế"]),
    ("Tuyên Quang", false, &["phường Minh Xuân", "xã Tân Lập"]),
    ("Cao Bằng", false, &["phường Thục Phán", "xã Quang Trung"]),
    ("Lai Châu", false, &["phường Tân Phong", "phường Đoàn Kết"]),
    (
        "Lào Cai",
        false,
        &["phường Cam Đường", "phường Lào Cai", "phường Yên Bái"],
    ),
    (
        "Thái Nguyên",
        false,
        &["phường Phan Đình Phùng", "xã Đại Phúc"],
    ),
    (
        "Điện Biên",
        false,
        &["phường Điện Biên Phủ", "xã Mường Phăng"],
    ),
    (
        "Lạng Sơn",
        false,
        &["phường Lương Văn Tri", "phường Tam Thanh"],
    ),
    ("Sơn La", false, &["phường Tô Hiệu", "phường Chiềng An"]),
    ("Phú Thọ", false, &["phường Việt Trì", "phường Hòa Bình"]),
    ("Bắc Ninh", false, &["phường Kinh Bắc", "phường Bắc Giang"]),
    ("Quảng Ninh", false, &["phường Hạ Long", "phường Bãi Cháy"]),
    ("Hưng Yên", false, &["phường Phố Hiến", "phường Thái Bình"]),
    ("Ninh Bình", false, &["phường Hoa Lư", "phường Nam Định"]),
    ("Thanh Hóa", false, &["phường Hạc Thành", "phường Sầm Sơn"]),
    (
        "Nghệ An",
        false,
        &["phường Thành Vinh", "phường Trường Vinh"],
    ),
    ("Hà Tĩnh", false, &["phường Thành Sen", "xã Thạch Hà"]),
    ("Quảng Trị", false, &["phường Đồng Hới", "phường Đông Hà"]),
    ("Quảng Ngãi", false, &["phường Cẩm Thành", "phường Kon Tum"]),
    ("Gia Lai", false, &["phường Pleiku", "phường Quy Nhơn"]),
    (
        "Khánh Hòa",
        false,
        &["phường Nha Trang", "phường Phan Rang"],
    ),
    (
        "Lâm Đồng",
        false,
        &["phường Xuân Hương - Đà Lạt", "phường Bảo Lộc"],
    ),
    (
        "Đắk Lắk",
        false,
        &["phường Buôn Ma Thuột", "phường Tuy Hòa"],
    ),
    (
        "Đồng Nai",
        false,
        &["phường Trấn Biên", "phường Bình Phước"],
    ),
    ("Tây Ninh", false, &["phường Tân Ninh", "phường Long An"]),
    ("Vĩnh Long", false, &["phường Thanh Đức", "phường Bến Tre"]),
    ("Đồng Tháp", false, &["phường Cao Lãnh", "phường Mỹ Tho"]),
    ("Cà Mau", false, &["phường An Xuyên", "phường Bạc Liêu"]),
    ("An Giang", false, &["phường Long Xuyên", "phường Rạch Giá"]),
];

struct Province {
    name: &'static str,
    city: bool,
    wards: &'static [&'static str],
    signers: Vec<String>,
}

impl Province {
    /// "tỉnh Lào Cai", "thành phố Hải Phòng", "Thành phố Hồ Chí Minh".
    fn phrase(&self) -> String {
        if self.name.starts_with("Thành phố") {
            self.name.to_string()
        } else if self.city {
            format!("thành phố {}", self.name)
        } else {
            format!("tỉnh {}", self.name)
        }
    }
    fn ubnd(&self) -> String {
        format!("Ủy ban nhân dân {}", self.phrase())
    }
    fn party(&self) -> String {
        if self.city {
            format!("Thành ủy {}", self.name)
        } else {
            format!("Tỉnh ủy {}", self.name)
        }
    }
    fn standing_party(&self) -> String {
        format!("Ban Thường vụ {}", self.party())
    }
}

const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý",
];
const MIDDLE: &[&str] = &[
    "Văn",
    "Thị",
    "Đức",
    "Minh",
    "Thanh",
    "Quang",
    "Hồng",
    "Ngọc",
    "Xuân",
    "Hữu",
    "Thị Thu",
    "Công",
];
const GIVEN: &[&str] = &[
    "Hùng", "Lan", "Hạnh", "Dũng", "Hà", "Tuấn", "Phương", "Long", "Hải", "Thắng", "Hiền", "Bình",
    "Sơn", "Trang", "Khánh", "Nam", "Yến", "Thành", "Quân", "Hương",
];

fn person(rng: &mut Rng) -> String {
    format!(
        "{} {} {}",
        rng.pick(FAMILY),
        rng.pick(MIDDLE),
        rng.pick(GIVEN)
    )
}

// ---------------------------------------------------------------- documents

/// How a document is cited: enough to write a citation sentence or a mapping.
#[derive(Clone)]
struct Ref {
    typ: &'static str,
    number: String,
    date: NaiveDate,
    issuer: String,
    /// Unique without a date in the citing scope (national, or a per-province Party number).
    bare_ok: bool,
}

impl Ref {
    fn sentence(&self) -> String {
        format!(
            "{} số {} ngày {} của {}",
            self.typ,
            self.number,
            vi(self.date),
            self.issuer
        )
    }
}

enum Basis {
    Sentence(String),
    Bare(String),
    Map(String, NaiveDate),
}

struct Doc {
    slug: String,
    title: String,
    number: String,
    typ: &'static str,
    issuer: String,
    jurisdiction: String,
    date: NaiveDate,
    signer: Option<String>,
    basis: Vec<Basis>,
    campaigns: Vec<usize>,
    campaign_forms: Vec<u8>,
    body: String,
}

impl Doc {
    fn as_ref(&self, bare_ok: bool) -> Ref {
        Ref {
            typ: self.typ,
            number: self.number.clone(),
            date: self.date,
            issuer: self.issuer.clone(),
            bare_ok,
        }
    }
}

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).expect("valid date")
}

/// Vietnamese day/month/year without leading zeros: 15/8/2025.
fn vi(date: NaiveDate) -> String {
    format!("{}/{}/{}", date.day(), date.month(), date.year())
}

struct National {
    slug: &'static str,
    typ: &'static str,
    number: &'static str,
    date: (i32, u32, u32),
    issuer: &'static str,
    signer: Option<&'static str>,
    title: &'static str,
    /// Index into NATIONAL of what it implements.
    basis: Option<usize>,
    summary: &'static str,
}

const NATIONAL: &[National] = &[
    National {
        slug: "nq-21-tw-2017",
        typ: "Nghị quyết",
        number: "21-NQ/TW",
        date: (2017, 10, 25),
        issuer: "Ban Chấp hành Trung ương Đảng",
        signer: Some("Nguyễn Phú Trọng"),
        title: "Nghị quyết Hội nghị lần thứ sáu Ban Chấp hành Trung ương Đảng khóa XII về công tác dân số trong tình hình mới",
        basis: None,
        summary: "Nghị quyết chuyển trọng tâm chính sách dân số từ kế hoạch hóa gia đình sang dân số và phát triển, giải quyết toàn diện, đồng bộ các vấn đề về quy mô, cơ cấu, phân bố và chất lượng dân số.",
    },
    National {
        slug: "qd-1679-ttg-2019",
        typ: "Quyết định",
        number: "1679/QĐ-TTg",
        date: (2019, 11, 22),
        issuer: "Thủ tướng Chính phủ",
        signer: None,
        title: "Phê duyệt Chiến lược Dân số Việt Nam đến năm 2030",
        basis: Some(0),
        summary: "Quyết định phê duyệt Chiến lược Dân số Việt Nam đến năm 2030 với các mục tiêu về mức sinh, tỷ số giới tính khi sinh, chất lượng dân số và thích ứng với già hóa dân số.",
    },
    National {
        slug: "qd-496-ttg-2021",
        typ: "Quyết định",
        number: "496/QĐ-TTg",
        date: (2021, 3, 30),
        issuer: "Thủ tướng Chính phủ",
        signer: None,
        title: "Phê duyệt Đề án nghiên cứu, xây dựng mô hình tổ chức bộ máy, mạng lưới và cơ chế phối hợp liên ngành làm công tác dân số và phát triển các cấp",
        basis: None,
        summary: "Đề án về tổ chức bộ máy, mạng lưới và cơ chế phối hợp liên ngành làm công tác dân số và phát triển ở các cấp.",
    },
    National {
        slug: "qd-520-ttg-2021",
        typ: "Quyết định",
        number: "520/QĐ-TTg",
        date: (2021, 4, 1),
        issuer: "Thủ tướng Chính phủ",
        signer: None,
        title: "Phê duyệt Đề án đào tạo, bồi dưỡng, nâng cao năng lực đội ngũ cán bộ làm công tác dân số các cấp giai đoạn 2021-2030",
        basis: None,
        summary: "Đề án đào tạo, bồi dưỡng đội ngũ cán bộ làm công tác dân số các cấp.",
    },
    National {
        slug: "kl-149-tw-2025",
        typ: "Kết luận",
        number: "149-KL/TW",
        date: (2025, 4, 10),
        issuer: "Bộ Chính trị",
        signer: None,
        title: "Kết luận của Bộ Chính trị về đẩy mạnh thực hiện Nghị quyết 21-NQ/TW về công tác dân số trong tình hình mới",
        basis: Some(0),
        summary: "Bộ Chính trị yêu cầu tiếp tục quán triệt sâu sắc các quan điểm, mục tiêu, nhiệm vụ, giải pháp của Nghị quyết 21-NQ/TW, nhất là quan điểm chuyển trọng tâm chính sách dân số sang dân số và phát triển.",
    },
    National {
        slug: "qd-1745-ttg-2025",
        typ: "Quyết định",
        number: "1745/QĐ-TTg",
        date: (2025, 8, 15),
        issuer: "Thủ tướng Chính phủ",
        signer: Some("Lê Thành Long"),
        title: "Ban hành Kế hoạch thực hiện Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị",
        basis: Some(4),
        summary: "Kế hoạch của Chính phủ cụ thể hóa Kết luận số 149-KL/TW, giao nhiệm vụ cho các bộ, ngành và Ủy ban nhân dân các tỉnh, thành phố.",
    },
    National {
        slug: "nq-72-tw-2025",
        typ: "Nghị quyết",
        number: "72-NQ/TW",
        date: (2025, 9, 9),
        issuer: "Bộ Chính trị",
        signer: Some("Tô Lâm"),
        title: "Nghị quyết của Bộ Chính trị về một số giải pháp đột phá, tăng cường bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân",
        basis: None,
        summary: "Nghị quyết đề ra các giải pháp đột phá về bảo vệ, chăm sóc và nâng cao sức khỏe Nhân dân, trong đó có khám sức khỏe định kỳ và nâng cao chất lượng dân số.",
    },
    National {
        slug: "qd-3472-byt-2025",
        typ: "Quyết định",
        number: "3472/QĐ-BYT",
        date: (2025, 11, 7),
        issuer: "Bộ Y tế",
        signer: None,
        title: "Quyết định của Bộ Y tế hướng dẫn về tư vấn, khám sức khỏe trước khi kết hôn",
        basis: None,
        summary: "Hướng dẫn chuyên môn về tư vấn, khám sức khỏe trước khi kết hôn.",
    },
    National {
        slug: "luat-dan-so-113-2025-qh15",
        typ: "Luật",
        number: "113/2025/QH15",
        date: (2025, 12, 10),
        issuer: "Quốc hội",
        signer: Some("Trần Thanh Mẫn"),
        title: "Luật Dân số",
        basis: None,
        summary: "Luật quy định về quy mô, cơ cấu, phân bố và chất lượng dân số, thích ứng với già hóa dân số và các biện pháp bảo đảm thực hiện công tác dân số.",
    },
];

/// A national document the plans cite in their text but the corpus does not hold:
/// one stub page, so the stub path is exercised without flooding warnings.
const STUB_CITATION: &str = "Nghị định số 39/2015/NĐ-CP ngày 27/4/2015 của Chính phủ";

// ---------------------------------------------------------------- campaigns

/// (name, day, month); day 0 = the whole month.
const CAMPAIGNS: &[(&str, u32, u32, &str)] = &[
    (
        "Ngày Thalassemia Thế giới",
        8,
        5,
        "ngay-thalassemia-the-gioi",
    ),
    (
        "Ngày truyền thống người cao tuổi Việt Nam",
        6,
        6,
        "ngay-truyen-thong-nguoi-cao-tuoi-viet-nam",
    ),
    ("Ngày Dân số thế giới", 11, 7, "ngay-dan-so-the-gioi"),
    (
        "Ngày tránh thai thế giới",
        26,
        9,
        "ngay-tranh-thai-the-gioi",
    ),
    (
        "Ngày Quốc tế người cao tuổi",
        1,
        10,
        "ngay-quoc-te-nguoi-cao-tuoi",
    ),
    ("Ngày Quốc tế trẻ em gái", 11, 10, "ngay-quoc-te-tre-em-gai"),
    (
        "Tháng hành động quốc gia về Dân số",
        0,
        12,
        "thang-hanh-dong-quoc-gia-ve-dan-so",
    ),
    ("Ngày Dân số Việt Nam", 26, 12, "ngay-dan-so-viet-nam"),
];

fn campaign_when(c: usize) -> String {
    let (_, day, month, _) = CAMPAIGNS[c];
    if day == 0 {
        format!("tháng {month}")
    } else {
        format!("{day}/{month}")
    }
}

/// The front matter item in one of the three contract forms.
fn campaign_yaml(c: usize, form: u8) -> String {
    let (name, day, month, _) = CAMPAIGNS[c];
    match (day, form % 2) {
        (0, _) => format!("{{ name: {name}, month: {month} }}"),
        (_, 0) => format!("{name} ({day}/{month})"),
        _ => format!("{{ name: {name}, date: {day}/{month} }}"),
    }
}

// ---------------------------------------------------------------- text

const PURPOSE: &[&str] = &[
    "Triển khai đầy đủ, kịp thời các chủ trương của Đảng, chính sách, pháp luật của Nhà nước về công tác dân số trong tình hình mới trên địa bàn {P}.",
    "Nâng cao nhận thức, thay đổi hành vi của cán bộ, đảng viên và Nhân dân về dân số và phát triển, tạo sự đồng thuận và ủng hộ tích cực của toàn xã hội.",
    "Tăng cường sự lãnh đạo, chỉ đạo của cấp ủy đảng, chính quyền; phát huy vai trò của Mặt trận Tổ quốc và các đoàn thể trong thực hiện công tác dân số.",
    "Góp phần nâng cao chất lượng dân số, chất lượng nguồn nhân lực, đáp ứng yêu cầu phát triển kinh tế - xã hội của {P} năm {Y} và những năm tiếp theo.",
    "Giải quyết đồng bộ các vấn đề về quy mô, cơ cấu, phân bố và chất lượng dân số, đặt trong mối quan hệ hữu cơ với phát triển kinh tế - xã hội.",
];

const REQUIREMENTS: &[&str] = &[
    "Xác định rõ nội dung công việc, thời gian thực hiện và trách nhiệm của các cơ quan, đơn vị, địa phương.",
    "Bảo đảm sự phối hợp chặt chẽ, đồng bộ giữa các cấp, các ngành; huy động Nhân dân tích cực tham gia, hưởng ứng.",
    "Huy động, quản lý và sử dụng hiệu quả các nguồn lực; thường xuyên kiểm tra, giám sát, đánh giá kết quả thực hiện.",
    "Các hoạt động được tổ chức thiết thực, hiệu quả, phù hợp với điều kiện thực tế của từng địa phương, tránh hình thức, lãng phí.",
    "Lồng ghép nội dung dân số với các chương trình, đề án phát triển kinh tế - xã hội, xây dựng nông thôn mới và đô thị văn minh.",
];

const GOAL_GENERAL: &str = "Duy trì vững chắc mức sinh thay thế; đưa tỷ số giới tính khi sinh về mức cân bằng tự nhiên; tận dụng hiệu quả cơ cấu dân số vàng, thích ứng với già hóa dân số; nâng cao chất lượng dân số, góp phần phát triển nhanh và bền vững {P}.";

/// (indicator, unit, low, high, decimals)
const INDICATORS: &[(&str, &str, i64, i64, u32)] = &[
    ("Tổng tỷ suất sinh", "con", 19, 24, 1),
    (
        "Tỷ số giới tính khi sinh",
        "bé trai trên 100 bé gái",
        106,
        112,
        0,
    ),
    (
        "Tỷ lệ phụ nữ mang thai được sàng lọc trước sinh",
        "%",
        50,
        92,
        0,
    ),
    ("Tỷ lệ trẻ sơ sinh được sàng lọc", "%", 60, 96, 0),
    (
        "Tỷ lệ nam, nữ thanh niên được tư vấn, khám sức khỏe trước khi kết hôn",
        "%",
        30,
        70,
        0,
    ),
    (
        "Tỷ lệ người cao tuổi được khám sức khỏe định kỳ ít nhất một lần trong năm",
        "%",
        70,
        95,
        0,
    ),
    (
        "Tỷ lệ cặp vợ chồng sử dụng biện pháp tránh thai hiện đại",
        "%",
        65,
        78,
        0,
    ),
    ("Tuổi thọ trung bình", "tuổi", 720, 765, 1),
];

const TASKS: &[&str] = &[
    "Tăng cường sự lãnh đạo, chỉ đạo của các cấp ủy, chính quyền",
    "Đẩy mạnh công tác truyền thông, vận động về dân số và phát triển",
    "Duy trì mức sinh thay thế, điều chỉnh mức sinh phù hợp",
    "Kiểm soát tình trạng mất cân bằng giới tính khi sinh",
    "Nâng cao chất lượng dân số",
    "Chăm sóc sức khỏe người cao tuổi, thích ứng với già hóa dân số",
    "Nâng cao chất lượng dịch vụ kế hoạch hóa gia đình và sức khỏe sinh sản",
    "Hoàn thiện hệ thống thông tin, số liệu chuyên ngành dân số",
    "Kiện toàn tổ chức bộ máy, nâng cao năng lực đội ngũ làm công tác dân số",
    "Xã hội hóa, huy động nguồn lực cho công tác dân số",
];

const TASK_ITEMS: &[&str] = &[
    "Tổ chức các hoạt động truyền thông trên báo chí, đài phát thanh, truyền hình, cổng thông tin điện tử và mạng xã hội; biên soạn, cung cấp tài liệu truyền thông phù hợp với từng nhóm đối tượng.",
    "Duy trì và nhân rộng các mô hình, đề án về dân số và phát triển đang triển khai có hiệu quả; lồng ghép nội dung dân số vào các buổi sinh hoạt cộng đồng, sinh hoạt chi bộ.",
    "Tăng cường tư vấn, cung cấp dịch vụ chăm sóc sức khỏe sinh sản, kế hoạch hóa gia đình tại các trạm y tế xã, phường và tại cộng đồng, ưu tiên vùng sâu, vùng xa.",
    "Triển khai sàng lọc trước sinh và sơ sinh; mở rộng danh mục bệnh được sàng lọc, bảo đảm chất lượng dịch vụ và quyền lợi của người dân.",
    "Nghiêm cấm và xử lý nghiêm các hành vi lựa chọn giới tính thai nhi; tăng cường thanh tra, kiểm tra các cơ sở cung cấp dịch vụ siêu âm, phá thai.",
    "Vận động người cao tuổi tham gia các câu lạc bộ liên thế hệ tự giúp nhau; khám sức khỏe định kỳ và lập hồ sơ theo dõi sức khỏe người cao tuổi.",
    "Cập nhật thường xuyên cơ sở dữ liệu chuyên ngành dân số, kết nối với Cơ sở dữ liệu quốc gia về dân cư; bảo đảm số liệu đầy đủ, chính xác, kịp thời.",
    "Tập huấn, bồi dưỡng kiến thức, kỹ năng cho cán bộ làm công tác dân số và cộng tác viên dân số ở thôn, tổ dân phố.",
    "Đưa các chỉ tiêu dân số vào kế hoạch phát triển kinh tế - xã hội hằng năm; định kỳ sơ kết, tổng kết, đánh giá kết quả thực hiện.",
    "Khuyến khích các tổ chức, doanh nghiệp và cá nhân tham gia cung cấp dịch vụ, phương tiện tránh thai, chăm sóc sức khỏe sinh sản theo hướng xã hội hóa.",
    "Tư vấn, khám sức khỏe trước khi kết hôn cho nam, nữ thanh niên; phòng, chống tảo hôn và hôn nhân cận huyết thống trong vùng đồng bào dân tộc thiểu số.",
    "Vận động mỗi cặp vợ chồng sinh đủ hai con, nuôi dạy con tốt; thực hiện các chính sách hỗ trợ, khuyến khích tại các địa bàn có mức sinh thấp.",
];

const CITING: &[&str] = &[
    "Tổ chức quán triệt, triển khai có hiệu quả {C} đến cán bộ, đảng viên và Nhân dân.",
    "Thực hiện đúng, đầy đủ các nhiệm vụ được giao tại {C}, bảo đảm tiến độ và chất lượng.",
    "Tiếp tục thực hiện {C}; rà soát, đánh giá kết quả đạt được, làm rõ nguyên nhân của những hạn chế, tồn tại.",
    "Bám sát các mục tiêu, giải pháp của {C} để cụ thể hóa thành các hoạt động phù hợp với địa phương.",
];

/// (agency, duty) for provinces; the ward variants replace "tỉnh" wording.
const AGENCIES: &[(&str, &str)] = &[
    ("Sở Y tế", "Là cơ quan thường trực, chủ trì, phối hợp với các sở, ngành, địa phương tổ chức triển khai thực hiện Kế hoạch; hướng dẫn, kiểm tra, giám sát và định kỳ tổng hợp, báo cáo kết quả thực hiện theo quy định."),
    ("Sở Tài chính", "Chủ trì, phối hợp với Sở Y tế tham mưu bố trí kinh phí thực hiện Kế hoạch theo phân cấp ngân sách hiện hành và khả năng cân đối ngân sách."),
    ("Sở Văn hóa, Thể thao và Du lịch", "Chỉ đạo các cơ quan báo chí, hệ thống thông tin cơ sở đẩy mạnh tuyên truyền về công tác dân số; lồng ghép nội dung dân số trong phong trào xây dựng gia đình văn hóa."),
    ("Sở Giáo dục và Đào tạo", "Chỉ đạo các cơ sở giáo dục lồng ghép nội dung giáo dục dân số, sức khỏe sinh sản, bình đẳng giới phù hợp với từng cấp học."),
    ("Công an tỉnh", "Phối hợp cập nhật, chia sẻ dữ liệu dân cư phục vụ quản lý nhà nước về dân số; bảo đảm an toàn, bảo mật thông tin theo quy định."),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh và các tổ chức chính trị - xã hội", "Tăng cường tuyên truyền, vận động hội viên, đoàn viên và Nhân dân thực hiện tốt chính sách dân số; tham gia giám sát việc thực hiện Kế hoạch."),
];

const WARD_AGENCIES: &[(&str, &str)] = &[
    ("Trạm Y tế", "Là đơn vị thường trực, tham mưu tổ chức triển khai các hoạt động của Kế hoạch; tổng hợp, báo cáo kết quả thực hiện theo quy định."),
    ("Phòng Văn hóa - Xã hội", "Phối hợp tuyên truyền về công tác dân số trên hệ thống thông tin cơ sở; lồng ghép nội dung dân số vào các phong trào tại khu dân cư."),
    ("Công an", "Phối hợp cập nhật dữ liệu dân cư, bảo đảm an ninh, trật tự trong các hoạt động truyền thông, ra quân hưởng ứng các ngày truyền thông về dân số."),
    ("Ủy ban Mặt trận Tổ quốc Việt Nam và các đoàn thể", "Vận động hội viên, đoàn viên và Nhân dân tích cực tham gia, hưởng ứng các hoạt động của Kế hoạch."),
];

fn fill(t: &str, place: &str, year: i32) -> String {
    t.replace("{P}", place).replace("{Y}", &year.to_string())
}

fn number_text(v: i64, decimals: u32) -> String {
    if decimals == 0 {
        v.to_string()
    } else {
        format!("{},{}", v / 10, v % 10)
    }
}

// ---------------------------------------------------------------- plans

struct PlanCtx<'a> {
    prov: &'a Province,
    /// Ward or commune, for ward-level plans.
    ward: Option<&'static str>,
    date: NaiveDate,
    number: String,
    signer: String,
}

impl PlanCtx<'_> {
    fn place(&self) -> String {
        match self.ward {
            Some(w) => format!("{w}, {}", self.prov.phrase()),
            None => self.prov.phrase(),
        }
    }
    fn short_place(&self) -> String {
        match self.ward {
            Some(w) => w.to_string(),
            None => self.prov.phrase(),
        }
    }
    fn issuer(&self) -> String {
        match self.ward {
            Some(w) => format!("Ủy ban nhân dân {w}"),
            None => self.prov.ubnd(),
        }
    }
    fn jurisdiction(&self) -> String {
        match self.ward {
            Some(w) => format!("{}/{}", self.prov.name, w),
            None => self.prov.name.to_string(),
        }
    }
}

/// Writes one plan's title and body; `basis` are the refs listed in front matter,
/// `extra` further refs the text cites.
fn plan_text(
    rng: &mut Rng,
    cx: &PlanCtx<'_>,
    basis: &[Ref],
    extra: &[Ref],
    campaigns: &[usize],
    stub: bool,
) -> (String, String) {
    let year = cx.date.year();
    let place = cx.short_place();
    let topic_i = rng.below(6);
    let title = match (topic_i, campaigns.first()) {
        (0, Some(&c)) => format!(
            "Kế hoạch tổ chức các hoạt động hưởng ứng {} năm {year} trên địa bàn {place}",
            CAMPAIGNS[c].0
        ),
        (1, _) if !basis.is_empty() => format!(
            "Kế hoạch thực hiện {} {} trên địa bàn {place}",
            basis[0].typ, basis[0].number
        ),
        (2, _) => {
            format!("Kế hoạch truyền thông về dân số và phát triển năm {year} trên địa bàn {place}")
        }
        (3, _) => {
            format!("Kế hoạch chăm sóc sức khỏe người cao tuổi trên địa bàn {place} năm {year}")
        }
        (4, _) => format!(
            "Kế hoạch triển khai sàng lọc trước sinh và sơ sinh trên địa bàn {place} năm {year}"
        ),
        _ => format!("Kế hoạch thực hiện công tác dân số trên địa bàn {place} năm {year}"),
    };
    let target = rng.range(3000, 10000) as usize;
    let mut b = String::with_capacity(target + 1500);
    let full_place = cx.place();

    // Preamble: the basis as the text writes it.
    let mut lead: Vec<String> = basis.iter().map(Ref::sentence).collect();
    if lead.is_empty() {
        lead.push("chỉ đạo của cấp trên về công tác dân số".into());
    }
    let _ = write!(
        b,
        "Thực hiện {}. {} ban hành {} như sau:\n\n",
        lead.join("; "),
        cx.issuer(),
        title
    );

    b.push_str("## I. MỤC ĐÍCH, YÊU CẦU\n\n### 1. Mục đích\n\n");
    for i in rng.sample(PURPOSE.len(), 3) {
        b.push_str(&fill(PURPOSE[i], &full_place, year));
        b.push(' ');
    }
    b.pop();
    b.push_str("\n\n### 2. Yêu cầu\n\n");
    for i in rng.sample(REQUIREMENTS.len(), 3) {
        let _ = writeln!(b, "- {}", REQUIREMENTS[i]);
    }

    b.push_str("\n## II. MỤC TIÊU\n\n### 1. Mục tiêu chung\n\n");
    b.push_str(&fill(GOAL_GENERAL, &full_place, year));
    b.push_str("\n\n### 2. Mục tiêu cụ thể\n\n");
    let nrows = 4 + rng.below(3);
    let rows = rng.sample(INDICATORS.len(), nrows);
    let _ = writeln!(
        b,
        "| STT | Chỉ tiêu | Đơn vị tính | Thực hiện năm {} | Kế hoạch năm {year} |",
        year - 1
    );
    b.push_str("| ---: | --- | --- | ---: | ---: |\n");
    for (k, &i) in rows.iter().enumerate() {
        let (name, unit, lo, hi, dec) = INDICATORS[i];
        let plan = rng.range(lo, hi);
        let done = (plan - rng.range(0, 3)).max(lo);
        let _ = writeln!(
            b,
            "| {} | {name} | {unit} | {} | {} |",
            k + 1,
            number_text(done, dec),
            number_text(plan, dec)
        );
    }
    b.push_str("\n(Chi tiết tại phụ lục kèm theo)\n\n## III. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU\n\n");

    let mut cites: Vec<&Ref> = basis.iter().chain(extra).collect();
    let tasks = rng.sample(TASKS.len(), TASKS.len());
    let mut k = 0;
    for &t in &tasks {
        if k > 0 && b.len() + 1800 > target {
            break;
        }
        k += 1;
        let _ = write!(b, "### {k}. {}\n\n", TASKS[t]);
        if let Some(r) = (!cites.is_empty()).then(|| cites.remove(rng.below(cites.len()))) {
            let cite = if rng.chance(0.5) {
                r.sentence()
            } else {
                format!("{} số {}", r.typ, r.number)
            };
            let cite = if r.bare_ok { cite } else { r.sentence() };
            b.push_str(&rng.pick(CITING).replace("{C}", &cite));
            b.push_str("\n\n");
        }
        if stub && k == 1 {
            let _ = write!(
                b,
                "Thực hiện chính sách hỗ trợ theo {STUB_CITATION} cho phụ nữ thuộc hộ nghèo là người dân tộc thiểu số khi sinh con đúng chính sách dân số.\n\n"
            );
        }
        let nitems = 2 + rng.below(3);
        let items = rng.sample(TASK_ITEMS.len(), nitems);
        if rng.chance(0.5) {
            for (j, &i) in items.iter().enumerate() {
                let _ = write!(b, "{}) {}\n\n", (b'a' + j as u8) as char, TASK_ITEMS[i]);
            }
        } else {
            for &i in &items {
                let _ = writeln!(b, "- {}", TASK_ITEMS[i]);
            }
            b.push('\n');
        }
    }
    if !campaigns.is_empty() {
        k += 1;
        let _ = write!(
            b,
            "### {k}. Tổ chức các hoạt động hưởng ứng các ngày, tháng truyền thông\n\n"
        );
        for &c in campaigns {
            let _ = writeln!(
                b,
                "- Hưởng ứng {} ({}): tổ chức mít tinh, treo băng rôn, khẩu hiệu, phát thanh tuyên truyền và cung cấp dịch vụ tư vấn tại cộng đồng.",
                CAMPAIGNS[c].0,
                campaign_when(c)
            );
        }
        b.push('\n');
    }

    let budget = rng.range(150, 9_500);
    let _ = write!(
        b,
        "## IV. KINH PHÍ THỰC HIỆN\n\nKinh phí thực hiện Kế hoạch được bố trí từ nguồn ngân sách nhà nước theo phân cấp hiện hành, nguồn Chương trình mục tiêu quốc gia và các nguồn huy động hợp pháp khác. Tổng kinh phí dự kiến {}.{:03} nghìn đồng.\n\n## V. TỔ CHỨC THỰC HIỆN\n\n",
        budget / 1000 + 1,
        budget % 1000
    );
    let agencies = if cx.ward.is_some() {
        WARD_AGENCIES
    } else {
        AGENCIES
    };
    let mut j = 0;
    for (name, duty) in agencies {
        if j >= 2 && b.len() + 600 > target {
            break;
        }
        j += 1;
        let _ = write!(b, "### {j}. {name}\n\n{duty}\n\n");
    }
    let _ = writeln!(
        b,
        "Trên đây là {} của {}. Trong quá trình triển khai thực hiện, nếu có khó khăn, vướng mắc, các cơ quan, đơn vị kịp thời báo cáo để xem xét, chỉ đạo./.",
        title,
        cx.issuer()
    );
    (title, b)
}

// ---------------------------------------------------------------- output

/// A YAML scalar: plain when safe, double-quoted otherwise.
fn yq(s: &str) -> String {
    let risky = s.contains(": ")
        || s.contains(" #")
        || s.ends_with(':')
        || s.starts_with(|c: char| "[]{}&*!|>'\"%@`#,?-".contains(c));
    if risky {
        format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
    } else {
        s.to_string()
    }
}

fn basis_plain(b: &Basis) -> String {
    match b {
        Basis::Sentence(s) | Basis::Bare(s) => s.clone(),
        Basis::Map(n, date) => format!("{n} ({})", vi(*date)),
    }
}

/// planportal front matter + body.
fn write_planportal(doc: &Doc, is_plan: bool) -> String {
    let mut s = String::with_capacity(doc.body.len() + 600);
    s.push_str("---\n");
    let _ = writeln!(s, "title: {}", yq(&doc.title));
    let _ = writeln!(s, "number: {}", doc.number);
    if !is_plan {
        let _ = writeln!(s, "type: {}", doc.typ);
    }
    let _ = writeln!(s, "issuer: {}", yq(&doc.issuer));
    let _ = writeln!(s, "jurisdiction: {}", yq(&doc.jurisdiction));
    let _ = writeln!(s, "date: {}", doc.date.format("%Y-%m-%d"));
    if let Some(signer) = &doc.signer {
        let _ = writeln!(s, "signer: {signer}");
    }
    if !doc.basis.is_empty() {
        s.push_str("basis:\n");
        for b in &doc.basis {
            match b {
                Basis::Sentence(t) | Basis::Bare(t) => {
                    let _ = writeln!(s, "  - {}", yq(t));
                }
                Basis::Map(n, date) => {
                    let _ = writeln!(
                        s,
                        "  - {{ number: {n}, date: {} }}",
                        date.format("%Y-%m-%d")
                    );
                }
            }
        }
    }
    if !doc.campaigns.is_empty() {
        s.push_str("campaigns:\n");
        for (&c, &form) in doc.campaigns.iter().zip(&doc.campaign_forms) {
            let _ = writeln!(s, "  - {}", campaign_yaml(c, form));
        }
    }
    s.push_str("---\n");
    s.push_str(&doc.body);
    s
}

/// Hugo front matter (title, ISO date, the rest as page params) + the same body.
fn write_hugo(doc: &Doc) -> String {
    let mut s = String::with_capacity(doc.body.len() + 600);
    s.push_str("---\n");
    let _ = writeln!(s, "title: {}", yq(&doc.title));
    let _ = writeln!(s, "date: {}", doc.date.format("%Y-%m-%d"));
    let _ = writeln!(s, "number: {}", doc.number);
    let _ = writeln!(s, "doctype: {}", doc.typ);
    let _ = writeln!(s, "issuer: {}", yq(&doc.issuer));
    let _ = writeln!(s, "jurisdiction: {}", yq(&doc.jurisdiction));
    if let Some(signer) = &doc.signer {
        let _ = writeln!(s, "signer: {signer}");
    }
    if !doc.basis.is_empty() {
        s.push_str("basis:\n");
        for b in &doc.basis {
            let _ = writeln!(s, "  - {}", yq(&basis_plain(b)));
        }
    }
    if !doc.campaigns.is_empty() {
        s.push_str("campaigns:\n");
        for &c in &doc.campaigns {
            let _ = writeln!(
                s,
                "  - {}",
                yq(&format!("{} ({})", CAMPAIGNS[c].0, campaign_when(c)))
            );
        }
    }
    s.push_str("---\n");
    s.push_str(&doc.body);
    s
}

/// Where generated files go: a planportal site, a Hugo site, and/or a callback
/// receiving `(section, slug, planportal text)` (the criterion benches use it).
struct Sinks<'a> {
    pp: Option<PathBuf>,
    hugo: Option<PathBuf>,
    each: Option<&'a mut dyn FnMut(&str, &str, &str)>,
}

impl Sinks<'_> {
    fn put(&mut self, section: &str, doc: &Doc, is_plan: bool) -> std::io::Result<()> {
        if self.pp.is_some() || self.each.is_some() {
            self.put_planportal(section, &doc.slug, &write_planportal(doc, is_plan))?;
        }
        if let Some(root) = &self.hugo {
            write_file(
                &root
                    .join("content")
                    .join(section)
                    .join(format!("{}.md", doc.slug)),
                &write_hugo(doc),
            )?;
        }
        Ok(())
    }

    fn put_planportal(&mut self, section: &str, slug: &str, text: &str) -> std::io::Result<()> {
        if let Some(f) = self.each.as_mut() {
            f(section, slug, text);
        }
        if let Some(root) = &self.pp {
            write_file(
                &root
                    .join("content")
                    .join(section)
                    .join(format!("{slug}.md")),
                text,
            )?;
        }
        Ok(())
    }
}

/// The corpus without touching the disk: `each(section, slug, text)` gets every
/// planportal file (`section` is `plans`, `documents` or `campaigns`).
pub fn in_memory(plans: usize, seed: u64, each: &mut dyn FnMut(&str, &str, &str)) {
    let args = Args {
        out: None,
        hugo: None,
        skeleton: PathBuf::new(),
        plans,
        seed,
    };
    generate(&args, Some(each)).expect("nothing is written to disk");
}

fn write_file(path: &Path, text: &str) -> std::io::Result<()> {
    let mut f = BufWriter::new(fs::File::create(path)?);
    f.write_all(text.as_bytes())?;
    f.flush()
}

fn copy_dir(from: &Path, to: &Path) -> std::io::Result<()> {
    fs::create_dir_all(to)?;
    for e in fs::read_dir(from)? {
        let e = e?;
        let target = to.join(e.file_name());
        if e.file_type()?.is_dir() {
            copy_dir(&e.path(), &target)?;
        } else {
            fs::copy(e.path(), target)?;
        }
    }
    Ok(())
}

/// Empties the generated parts of a site folder (content/ and the Hugo layouts), keeping the rest.
fn prepare(root: &Path, sections: &[&str]) -> std::io::Result<()> {
    let content = root.join("content");
    if content.exists() {
        fs::remove_dir_all(&content)?;
    }
    for s in sections {
        fs::create_dir_all(content.join(s))?;
    }
    Ok(())
}

/// The portal's own slug rule, so generated file names match its URLs.
fn slug(s: &str) -> String {
    planportal::text::slugify(s)
}

// ---------------------------------------------------------------- the corpus

struct Args {
    out: Option<PathBuf>,
    hugo: Option<PathBuf>,
    skeleton: PathBuf,
    plans: usize,
    seed: u64,
}

fn parse_args() -> Result<Args, String> {
    let mut a = Args {
        out: None,
        hugo: None,
        skeleton: Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/hugo-site"),
        plans: 1000,
        seed: 1,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut val = || it.next().ok_or_else(|| format!("`{flag}` needs a value"));
        match flag.as_str() {
            "--out" => a.out = Some(val()?.into()),
            "--hugo" => a.hugo = Some(val()?.into()),
            "--hugo-skeleton" => a.skeleton = val()?.into(),
            "--plans" => {
                a.plans = val()?
                    .replace('_', "")
                    .parse()
                    .map_err(|e| format!("--plans: {e}"))?
            }
            "--seed" => a.seed = val()?.parse().map_err(|e| format!("--seed: {e}"))?,
            "-h" | "--help" => return Err(String::new()),
            other => return Err(format!("unknown argument `{other}`")),
        }
    }
    if a.out.is_none() && a.hugo.is_none() {
        return Err("give `--out DIR` (planportal site), `--hugo DIR` (Hugo site), or both".into());
    }
    Ok(a)
}

const USAGE: &str =
    "usage: gen_corpus [--out DIR] [--hugo DIR] --plans N [--seed S] [--hugo-skeleton DIR]";

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("error: {e}");
            }
            eprintln!("{USAGE}");
            return if e.is_empty() {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(2)
            };
        }
    };
    match generate(&args, None) {
        Ok(s) => {
            eprintln!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(1)
        }
    }
}

fn generate(
    args: &Args,
    each: Option<&mut dyn FnMut(&str, &str, &str)>,
) -> std::io::Result<String> {
    let mut rng = Rng::new(args.seed);
    let mut sinks = Sinks {
        pp: args.out.clone(),
        hugo: args.hugo.clone(),
        each,
    };
    if let Some(root) = &args.out {
        prepare(root, &["plans", "documents", "campaigns"])?;
        write_file(
            &root.join("site.yaml"),
            "title: Cổng thông tin Kế hoạch dân số (dữ liệu thử nghiệm)\ndescription: Kho kế hoạch sinh tự động để đo hiệu năng planportal.\npublisher: planportal bench\nper_page: 50\n",
        )?;
    }
    for (i, &(name, _, _, slug)) in CAMPAIGNS.iter().enumerate() {
        let text = format!(
            "---\ntitle: {name}\ncampaigns:\n  - {}\n---\n{name} ({}) là dịp truyền thông về dân số và phát triển trên cả nước.\n",
            campaign_yaml(i, 1),
            campaign_when(i)
        );
        sinks.put_planportal("campaigns", slug, &text)?;
    }
    if let Some(root) = &args.hugo {
        prepare(root, &["plans", "documents"])?;
        copy_dir(&args.skeleton, root).map_err(|e| {
            std::io::Error::new(
                e.kind(),
                format!(
                    "cannot copy the Hugo skeleton `{}`: {e}",
                    args.skeleton.display()
                ),
            )
        })?;
    }

    // National documents.
    let national: Vec<Ref> = NATIONAL
        .iter()
        .map(|n| Ref {
            typ: n.typ,
            number: n.number.into(),
            date: d(n.date.0, n.date.1, n.date.2),
            issuer: n.issuer.into(),
            bare_ok: true,
        })
        .collect();
    for (n, r) in NATIONAL.iter().zip(&national) {
        let basis = n
            .basis
            .map(|b| Basis::Sentence(national[b].sentence()))
            .into_iter()
            .collect();
        let doc = Doc {
            slug: n.slug.into(),
            title: n.title.into(),
            number: n.number.into(),
            typ: n.typ,
            issuer: n.issuer.into(),
            jurisdiction: "Trung ương".into(),
            date: r.date,
            signer: n.signer.map(str::to_string),
            basis,
            campaigns: vec![],
            campaign_forms: vec![],
            body: format!(
                "*Trang tóm tắt; toàn văn xem trên Công báo hoặc cổng thông tin của cơ quan ban hành.*\n\n{}\n",
                n.summary
            ),
        };
        sinks.put("documents", &doc, false)?;
    }
    let mut n_docs = NATIONAL.len();

    // Per province: signers, number counters and the local chain.
    let provinces: Vec<Province> = PROVINCES
        .iter()
        .map(|&(name, city, wards)| Province {
            name,
            city,
            wards,
            signers: (0..3).map(|_| person(&mut rng)).collect(),
        })
        .collect();
    // Next administrative number per (province, year), shared by the province and its wards.
    let mut counters: std::collections::HashMap<(usize, i32), u32> = Default::default();
    let mut next_number = |rng: &mut Rng, p: usize, y: i32| -> u32 {
        let c = counters
            .entry((p, y))
            .or_insert_with(|| 1 + rng.below(20) as u32);
        let n = *c;
        *c += 1 + rng.below(4) as u32;
        n
    };
    let mut local: Vec<Vec<Ref>> = Vec::with_capacity(provinces.len());
    for (pi, p) in provinces.iter().enumerate() {
        let mut party_no = 5 + rng.below(40) as u32;
        let mut party_next = |rng: &mut Rng| {
            party_no += 1 + rng.below(60) as u32;
            party_no
        };
        let day_after = |rng: &mut Rng, after: NaiveDate, within: i64| {
            after + Duration::days(rng.range(20, within))
        };
        let nq21 = &national[0];
        let mut refs: Vec<Ref> = Vec::new();
        // (type, code, issuer, date, implements, title)
        let specs: Vec<(
            &'static str,
            &'static str,
            String,
            NaiveDate,
            Vec<Ref>,
            String,
        )> = {
            let t1 = day_after(&mut rng, nq21.date, 150);
            let t4 = d(2022, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32);
            let t5 = day_after(&mut rng, national[4].date, 120);
            let t7 = day_after(&mut rng, national[6].date, 80);
            vec![
                ("Kế hoạch", "TU", p.party(), t1, vec![nq21.clone()],
                 format!("Kế hoạch thực hiện Nghị quyết số 21-NQ/TW ngày 25/10/2017 về công tác dân số trong tình hình mới trên địa bàn {}", p.phrase())),
                ("Nghị quyết", "TU", p.standing_party(), t4, vec![nq21.clone()],
                 format!("Nghị quyết về nâng cao chất lượng dân số {} đến năm 2030, tầm nhìn đến năm 2045", p.phrase())),
                ("Kế hoạch", "TU", p.standing_party(), t5, vec![national[4].clone()],
                 format!("Kế hoạch thực hiện Kết luận số 149-KL/TW ngày 10/4/2025 của Bộ Chính trị trên địa bàn {}", p.phrase())),
                ("Kế hoạch", "TU", p.party(), t7, vec![national[6].clone()],
                 format!("Kế hoạch thực hiện Nghị quyết số 72-NQ/TW ngày 09/9/2025 của Bộ Chính trị trên địa bàn {}", p.phrase())),
            ]
        };
        for (typ, code, issuer, date, implements, title) in specs {
            let short = if typ == "Kế hoạch" { "KH" } else { "NQ" };
            let number = format!("{}-{short}/{code}", party_next(&mut rng));
            let doc = local_doc(p, typ, &number, &issuer, date, &implements, title, &mut rng);
            sinks.put("documents", &doc, false)?;
            refs.push(doc.as_ref(true));
        }
        // People's Committee plans implementing the Party ones and the Government's.
        let ubnd_specs = [
            (refs[0].clone(), 30, format!("Kế hoạch thực hiện Kế hoạch số {} của {} về công tác dân số trong tình hình mới", refs[0].number, refs[0].issuer)),
            (national[1].clone(), 120, format!("Kế hoạch hành động thực hiện Chiến lược Dân số Việt Nam đến năm 2030 trên địa bàn {}", p.phrase())),
            (national[5].clone(), 40, format!("Kế hoạch thực hiện Quyết định số 1745/QĐ-TTg ngày 15/8/2025 của Thủ tướng Chính phủ trên địa bàn {}", p.phrase())),
        ];
        for (implements, within, title) in ubnd_specs {
            let date = day_after(&mut rng, implements.date, within);
            let number = format!("{}/KH-UBND", next_number(&mut rng, pi, date.year()));
            let doc = local_doc(
                p,
                "Kế hoạch",
                &number,
                &p.ubnd(),
                date,
                &[implements],
                title,
                &mut rng,
            );
            sinks.put("documents", &doc, false)?;
            refs.push(doc.as_ref(false));
        }
        n_docs += 7;
        local.push(refs);
    }

    // Plans: dates first, sorted, so numbers grow with dates and a plan only cites earlier plans.
    let start = d(2024, 1, 2);
    let span = (d(2026, 12, 30) - start).num_days();
    let mut dates: Vec<(NaiveDate, usize, Option<usize>)> = (0..args.plans)
        .map(|_| {
            let p = rng.below(provinces.len());
            let ward = rng.chance(0.2).then(|| rng.below(provinces[p].wards.len()));
            (start + Duration::days(rng.range(0, span)), p, ward)
        })
        .collect();
    dates.sort();
    let mut recent: Vec<Vec<Ref>> = vec![Vec::new(); provinces.len()];
    let mut bytes = 0usize;
    let mut stub_cited = 0;
    for (i, &(date, pi, ward)) in dates.iter().enumerate() {
        let prov = &provinces[pi];
        let number = format!("{}/KH-UBND", next_number(&mut rng, pi, date.year()));
        let cx = PlanCtx {
            prov,
            ward: ward.map(|w| prov.wards[w]),
            date,
            number,
            signer: if ward.is_some() {
                person(&mut rng)
            } else {
                rng.pick(&prov.signers).clone()
            },
        };
        // What it may implement: everything issued before it.
        let mut pool: Vec<&Ref> = national
            .iter()
            .chain(&local[pi])
            .filter(|r| r.date < date)
            .collect();
        let ward_parent = if ward.is_some() {
            recent[pi].last().filter(|r| r.date < date).cloned()
        } else {
            None
        };
        let k = 1 + rng.below(3);
        let mut basis_refs: Vec<Ref> = Vec::new();
        if let Some(r) = &ward_parent {
            basis_refs.push(r.clone());
        }
        while basis_refs.len() < k && !pool.is_empty() {
            basis_refs.push(pool.remove(rng.below(pool.len())).clone());
        }
        // Extra refs the body cites: another document, and sometimes an earlier plan of the province.
        let mut extra: Vec<Ref> = Vec::new();
        if !pool.is_empty() {
            extra.push(pool.remove(rng.below(pool.len())).clone());
        }
        if ward.is_none() && rng.chance(0.15) {
            if let Some(r) = recent[pi].iter().rev().nth(rng.below(3)) {
                extra.push(r.clone());
            }
        }
        let ncamp = [0, 1, 1, 2, 2, 3][rng.below(6)];
        let mut campaigns = rng.sample(CAMPAIGNS.len(), ncamp);
        campaigns.sort();
        let campaign_forms = campaigns.iter().map(|_| rng.below(2) as u8).collect();
        let stub = i % 97 == 5;
        stub_cited += stub as usize;
        let (title, body) = plan_text(&mut rng, &cx, &basis_refs, &extra, &campaigns, stub);
        let basis = basis_refs
            .iter()
            .map(|r| match rng.below(4) {
                0 | 1 => Basis::Sentence(r.sentence()),
                2 if r.bare_ok => Basis::Bare(r.number.clone()),
                _ => Basis::Map(r.number.clone(), r.date),
            })
            .collect();
        let slug = match ward {
            Some(w) => format!(
                "{}-{}-kh-{}-{}",
                slug(prov.name),
                slug(prov.wards[w]),
                cx.number.split('/').next().unwrap_or("0"),
                date.year()
            ),
            None => format!(
                "{}-kh-{}-{}",
                slug(prov.name),
                cx.number.split('/').next().unwrap_or("0"),
                date.year()
            ),
        };
        let doc = Doc {
            slug,
            title,
            number: cx.number.clone(),
            typ: "Kế hoạch",
            issuer: cx.issuer(),
            jurisdiction: cx.jurisdiction(),
            date,
            signer: Some(cx.signer.clone()),
            basis,
            campaigns,
            campaign_forms,
            body,
        };
        bytes += doc.body.len();
        sinks.put("plans", &doc, true)?;
        if ward.is_none() {
            let r = &mut recent[pi];
            r.push(doc.as_ref(false));
            if r.len() > 8 {
                r.remove(0);
            }
        }
    }
    Ok(format!(
        "wrote {} plans (bodies {:.1} MB, mean {:.1} KB), {} documents, {} campaign pages; {} plans cite one missing document (1 stub page)",
        args.plans,
        bytes as f64 / 1e6,
        bytes as f64 / 1e3 / args.plans.max(1) as f64,
        n_docs,
        CAMPAIGNS.len(),
        stub_cited
    ))
}

#[allow(clippy::too_many_arguments)]
fn local_doc(
    p: &Province,
    typ: &'static str,
    number: &str,
    issuer: &str,
    date: NaiveDate,
    implements: &[Ref],
    title: String,
    rng: &mut Rng,
) -> Doc {
    let mut body = String::from(
        "*Trang tóm tắt; toàn văn xem trên Công báo hoặc cổng thông tin của cơ quan ban hành.*\n\n",
    );
    let _ = write!(
        body,
        "Thực hiện {}, {} ban hành {} với các nhiệm vụ chủ yếu:\n\n",
        implements
            .iter()
            .map(Ref::sentence)
            .collect::<Vec<_>>()
            .join("; "),
        issuer,
        typ.to_lowercase()
    );
    for i in rng.sample(TASKS.len(), 4) {
        let _ = writeln!(body, "- {};", TASKS[i].to_lowercase());
    }
    Doc {
        slug: format!("{}-{}-{}", slug(number), slug(p.name), date.year()),
        title,
        number: number.into(),
        typ,
        issuer: issuer.into(),
        jurisdiction: p.name.into(),
        date,
        signer: Some(rng.pick(&p.signers).clone()),
        basis: implements
            .iter()
            .map(|r| Basis::Sentence(r.sentence()))
            .collect(),
        campaigns: vec![],
        campaign_forms: vec![],
        body,
    }
}
