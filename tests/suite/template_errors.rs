//! Broken themes: recursion is an error naming the templates, never a crash,
//! and `check` fails on every template `build` would fail on, naming its file.

use crate::support::*;

/// A site with one plan citing a missing document (a stub), a campaign page,
/// and `templates` written into `themes/default/templates/`.
fn site(templates: &[(&str, &str)]) -> Site {
    let s = Site::new();
    s.plan(
        "a",
        &format!("{PLAN_FM}basis:\n  - 149-KL/TW\ncampaigns:\n  - Ngày Dân số thế giới (11/7)\n"),
        "Nội dung.\n",
    );
    s.write(
        "content/campaigns/dstg.md",
        "---\ntitle: Ngày Dân số thế giới\ncampaigns:\n  - { name: Ngày Dân số thế giới, date: 11/7 }\n---\nMô tả.\n",
    );
    for (name, text) in templates {
        s.write(&format!("themes/default/templates/{name}"), text);
    }
    s
}

/// Both commands fail with exit 1 (not a crash) and say `needle`.
#[track_caller]
fn both_fail(s: &Site, needle: &str) -> (Run, Run) {
    let b = s.build();
    b.fails().says(needle);
    let c = s.check();
    c.fails().says(needle);
    (b, c)
}

#[test]
fn a_partial_including_itself_is_an_error_naming_it() {
    let s = site(&[(
        "partials/doc_item.html",
        "<li>\n{% include \"partials/doc_item.html\" %}</li>",
    )]);
    let (b, _) = both_fail(&s, "partials/doc_item.html → partials/doc_item.html");
    b.located("themes/default/templates/partials/doc_item.html", 2);
}

#[test]
fn an_extends_cycle_is_an_error_naming_both_templates() {
    let s = site(&[
        ("x.html", "{% extends \"y.html\" %}"),
        ("y.html", "{% extends \"x.html\" %}"),
    ]);
    both_fail(&s, "x.html → y.html → x.html");
}

#[test]
fn endless_macro_recursion_is_an_error_naming_the_macro() {
    let s = site(&[
        ("loop.html", "{% macro f(n) %}\n{{ self::f(n=n) }}{% endmacro f %}"),
        (
            "404.html",
            "{% import \"loop.html\" as l %}{% extends \"base.html\" %}{% block content %}{{ l::f(n=1) }}{% endblock content %}",
        ),
    ]);
    let (b, c) = both_fail(&s, "macro `loop.html::f`");
    b.located("themes/default/templates/loop.html", 1);
    c.located("themes/default/templates/loop.html", 1);
}

#[test]
fn the_default_themes_recursive_tree_still_renders() {
    // The basis tree macro recurses on purpose: a chain of three documents.
    let s = Site::new();
    s.doc(
        "kl",
        "title: Kết luận\nnumber: 149-KL/TW\ndate: 2025-04-10\n",
        "x\n",
    );
    s.doc(
        "qd",
        "title: Quyết định\nnumber: 1745/QĐ-TTg\ndate: 2025-08-15\nbasis:\n  - 149-KL/TW\n",
        "x\n",
    );
    s.plan("a", &format!("{PLAN_FM}basis:\n  - 1745/QĐ-TTg\n"), "x\n");
    s.built();
    let p = s.page("/plans/a/");
    assert!(p.matches("class=\"tree\"").count() >= 2, "nested tree: {p}");
}

#[test]
fn check_fails_on_every_page_template_build_fails_on() {
    for template in [
        "index.html",
        "document.html",
        "stub.html",
        "campaign.html",
        "list.html",
        "calendar.html",
        "search.html",
        "404.html",
        "taxonomy.html",
        "partials/doc_item.html",
    ] {
        let broken = if template.starts_with("partials/") {
            "{{ d.no_such_field }}".to_string()
        } else {
            "{% extends \"base.html\" %}{% block content %}\n<p>{{ page.no_such_field }}</p>{% endblock content %}"
                .to_string()
        };
        let s = site(&[(template, &broken)]);
        let b = s.build();
        b.fails();
        let c = s.check();
        c.fails().says("no_such_field");
        let file = format!("themes/default/templates/{template}");
        assert!(
            c.stderr.contains(&file),
            "{template}: check names the file\n{}",
            c.stderr
        );
        if !template.starts_with("partials/") {
            c.located(&file, 2);
        }
    }
}
