#!/usr/bin/env python3
"""Turns the Hugo side of the benchmark corpus into a Zola site.

    bench/to_zola.py HUGO_SITE ZOLA_SITE

gen_corpus writes the Hugo site (YAML front matter from its own writer: plain
or double-quoted scalars, lists of scalars); Zola wants TOML front matter with
the metadata under [extra]. Same pages, same bodies, the skeleton of
bench/zola-site/ (config.toml, templates). No third-party modules.
"""
import json
import os
import shutil
import sys


def scalar(v):
    v = v.strip()
    if len(v) >= 2 and v[0] == '"' and v[-1] == '"':
        return v[1:-1].replace('\\"', '"').replace("\\\\", "\\")
    return v


def front_matter(text):
    assert text.startswith("---\n"), "YAML front matter expected"
    end = text.index("\n---\n", 3)
    fm, body = text[4:end], text[end + 5 :]
    meta, key = {}, None
    for line in fm.splitlines():
        if line.startswith("  - "):
            meta[key].append(scalar(line[4:]))
        elif line.endswith(":") and ": " not in line:
            key = line[:-1]
            meta[key] = []
        else:
            key, _, value = line.partition(": ")
            meta[key] = scalar(value)
    return meta, body


def toml_value(v):
    if isinstance(v, list):
        return "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in v) + "]"
    return json.dumps(v, ensure_ascii=False)  # a JSON string is a TOML basic string


def convert(src, dst):
    meta, body = front_matter(src)
    lines = ["+++", f"title = {toml_value(meta.pop('title'))}", f"date = {meta.pop('date')}", "[extra]"]
    lines += [f"{k} = {toml_value(v)}" for k, v in meta.items()]
    with open(dst, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n+++\n" + body)


def main():
    hugo, zola = sys.argv[1], sys.argv[2]
    skeleton = os.path.join(os.path.dirname(os.path.abspath(__file__)), "zola-site")
    shutil.rmtree(zola, ignore_errors=True)
    shutil.copytree(skeleton, zola)
    if os.path.isdir(os.path.join(hugo, "static")):
        shutil.copytree(os.path.join(hugo, "static"), os.path.join(zola, "static"))
    titles = {"plans": "Kế hoạch", "documents": "Văn bản căn cứ"}
    pages = 0
    for section in sorted(os.listdir(os.path.join(hugo, "content"))):
        sdir = os.path.join(hugo, "content", section)
        if not os.path.isdir(sdir):
            continue
        out = os.path.join(zola, "content", section)
        os.makedirs(out, exist_ok=True)
        with open(os.path.join(out, "_index.md"), "w", encoding="utf-8") as f:
            title = titles.get(section, section)
            f.write(f'+++\ntitle = "{title}"\nsort_by = "date"\npaginate_by = 50\n+++\n')
        for name in os.listdir(sdir):
            if name.endswith(".md") and name != "_index.md":
                with open(os.path.join(sdir, name), encoding="utf-8") as f:
                    convert(f.read(), os.path.join(out, name))
                pages += 1
    with open(os.path.join(zola, "content", "_index.md"), "w", encoding="utf-8") as f:
        f.write("+++\n+++\n")
    print(f"zola site: {pages} pages → {zola}", file=sys.stderr)


if __name__ == "__main__":
    main()
