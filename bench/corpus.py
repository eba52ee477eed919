"""A deterministic benchmark corpus: one network written for sitegen, Hugo and Pelican.

Same units, same articles, same shared pages; each generator builds one site
per unit with feeds on. Text is generated Indonesian-like prose from a seeded
random generator (600–900 words, headings, lists, a table, internal links).

    python bench/corpus.py network     # writes bench/corpus/network/{sitegen,hugo,pelican}
"""

from __future__ import annotations

import argparse
import random
import shutil
import textwrap
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent


@dataclass(frozen=True)
class Preset:
    units: int
    shared: int
    news: int


PRESETS = {
    "network": Preset(units=9, shared=60, news=300),
    "national": Preset(units=130, shared=60, news=100),
    "single": Preset(units=1, shared=5, news=5000),
    "thousand": Preset(units=1, shared=5, news=1000),  # the case: 1,000 news items in one unit
    "tiny": Preset(units=3, shared=5, news=10),  # for a quick check of the runner itself
}

WORDS = (
    "paspor pemohon layanan kantor imigrasi petugas berkas persyaratan jadwal antrean wawancara foto "
    "sidik jari biaya kode billing pembayaran penerbitan hari kerja masyarakat warga negara asing izin "
    "tinggal kunjungan terbatas tetap pengawasan perbatasan pelintas batas sosialisasi sekolah desa "
    "kecamatan kabupaten kota provinsi wilayah kerja pelayanan publik integritas zona bebas korupsi "
    "informasi pengaduan keberatan permohonan dokumen identitas kartu keluarga akta kelahiran buku nikah "
    "surat keterangan kepolisian kehilangan kerusakan penggantian percepatan prioritas lansia balita "
    "disabilitas ibu hamil menyusui aplikasi daring pendaftaran kuota tanggal kedatangan loket ruang tunggu"
).split()
CONNECT = (
    "dan yang untuk dengan pada dalam di ke dari oleh bagi agar sehingga serta atau namun karena".split()
)


def sentence(rng: random.Random) -> str:
    words = [rng.choice(WORDS if i % 3 else CONNECT + WORDS) for i in range(rng.randint(8, 16))]
    return " ".join(words).capitalize() + "."


def paragraph(rng: random.Random) -> str:
    return " ".join(sentence(rng) for _ in range(rng.randint(3, 6)))


def article_body(rng: random.Random, links: list[tuple[str, str]]) -> str:
    """600–900 words with headings, a list, a table and two internal links."""
    parts: list[str] = []
    words = 0
    target = rng.randint(600, 900)
    section = 0
    while words < target:
        section += 1
        parts.append(f"## Bagian {section}: {rng.choice(WORDS).capitalize()} {rng.choice(WORDS)}")
        for _ in range(2):
            text = paragraph(rng)
            words += len(text.split())
            parts.append(text)
        if section == 1:
            parts.append("\n".join(f"- {sentence(rng)}" for _ in range(4)))
        if section == 2:
            rows = "\n".join(
                f"| {rng.choice(WORDS)} | {rng.randint(1, 30)} hari | Rp{rng.randint(1, 99)}0.000 |"
                for _ in range(4)
            )
            parts.append("| Layanan | Waktu | Biaya |\n|---|---|---|\n" + rows)
    for title, url in links:
        parts.append(f"Informasi terkait: [{title}]({url}).")
    return "\n\n".join(parts) + "\n"


@dataclass(frozen=True)
class Article:
    unit: str
    slug: str
    title: str
    date: datetime
    tags: tuple[str, ...]
    body: str  # links are root-relative: /layanan/<slug>/ and /berita/<slug>/


def generate(preset: Preset, seed: int = 2026) -> tuple[list[str], list[tuple[str, str, str]], list[Article]]:
    rng = random.Random(seed)
    units = [f"unit{n:03d}" for n in range(1, preset.units + 1)]
    shared = []
    for n in range(1, preset.shared + 1):
        slug = f"layanan-{n:02d}"
        title = f"Layanan {rng.choice(WORDS).capitalize()} {n}"
        body = article_body(rng, [])
        shared.append((slug, title, body))
    articles = []
    start = datetime(2020, 1, 1, 8, 0)  # every item in the past, so every generator publishes all of them
    step = timedelta(hours=4) if preset.news > 1000 else timedelta(hours=7)
    for unit in units:
        for n in range(preset.news):
            slug = f"berita-{n:05d}"
            links = [("layanan", f"/layanan/{shared[rng.randrange(len(shared))][0]}/")]
            if n:
                links.append(("berita sebelumnya", f"/berita/berita-{n - 1:05d}/"))
            articles.append(
                Article(
                    unit,
                    slug,
                    f"{rng.choice(WORDS).capitalize()} {rng.choice(WORDS)} {rng.choice(WORDS)} {n}",
                    start + step * n + timedelta(minutes=units.index(unit)),
                    tuple(
                        sorted(
                            rng.sample(["paspor", "pengawasan", "sosialisasi", "perbatasan", "inovasi"], 2)
                        )
                    ),
                    article_body(rng, links),
                )
            )
    return units, shared, articles


def write_sitegen(root: Path, units: list[str], shared, articles: list[Article]) -> None:
    lines = [
        "network:",
        "  name: Jaringan Uji Kinerja",
        "  organisation: Kementerian Uji",
        "  directorate: Direktorat Jenderal Uji",
        "units:",
    ]
    for unit in units:
        lines += [
            f"  - id: {unit}",
            f"    name: Kantor Imigrasi {unit}",
            f"    short_name: Kanim {unit}",
            "    kind: kanim",
            f"    base_url: https://{unit}.example.go.id/",
            "    timezone: Asia/Pontianak",
            f"    address: Jl. Contoh No. 1, {unit}",
            "    services: [paspor]",
        ]
    write(root / "offices.yaml", "\n".join(lines) + "\n")
    content = root / "content"
    for slug, title, body in shared:
        write(
            content / "shared/layanan" / f"{slug}.md",
            f"---\ntitle: {title}\n---\nLayanan ini tersedia di {{{{ office.name }}}}.\n\n{body}",
        )
    for a in articles:
        write(
            content / "offices" / a.unit / "berita" / f"{a.slug}.md",
            f"---\ntitle: {a.title}\ndate: {a.date:%Y-%m-%d %H:%M}\ntags: [{', '.join(a.tags)}]\n"
            f"author: Humas\n---\n{a.body}",
        )
    shutil.copytree(HERE.parent / "themes", root / "themes")


HUGO_LAYOUT = {
    "_default/baseof.html": '<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>{{ .Title }}</title>'
    '</head><body><nav><a href="{{ "/" | relURL }}">Beranda</a></nav>'
    '{{ block "main" . }}{{ end }}</body></html>',
    "_default/single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2 January 2006" }}'
    "</time>{{ .Content }}</article>{{ end }}",
    "_default/list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">'
    "{{ .Title }}</a></li>{{ end }}</ul>{{ end }}",
    "index.html": '{{ define "main" }}<h1>{{ .Site.Title }}</h1><ul>{{ range first 5 (where .Site.RegularPages "Section" '
    '"berita") }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul>{{ end }}',
}


def write_hugo(root: Path, units: list[str], shared, articles: list[Article]) -> None:
    for rel, text in HUGO_LAYOUT.items():
        write(root / "layouts" / rel, text)
    for unit in units:
        site = root / unit
        write(
            site / "config.toml",
            textwrap.dedent(f"""\
            baseURL = "https://{unit}.example.go.id/"
            title = "Kantor Imigrasi {unit}"
            languageCode = "id"
            layoutDir = "../layouts"
            disableKinds = []
            [outputs]
              home = ["HTML", "RSS"]
              section = ["HTML", "RSS"]
              taxonomy = ["HTML", "RSS"]
              term = ["HTML", "RSS"]
            [services.rss]
              limit = 20
            """),
        )
        for slug, title, body in shared:
            write(
                site / "content/layanan" / f"{slug}.md",
                f'---\ntitle: "{title}"\n---\nLayanan ini tersedia di Kantor Imigrasi {unit}.\n\n'
                + body.replace("](/", ']({{< ref "/" >}}/').replace('{{< ref "/" >}}/', "/"),
            )
        for a in (a for a in articles if a.unit == unit):
            write(
                site / "content/berita" / f"{a.slug}.md",
                f'---\ntitle: "{a.title}"\ndate: {a.date:%Y-%m-%dT%H:%M:00}+07:00\ntags: [{", ".join(a.tags)}]\n'
                f"author: Humas\n---\n{a.body}",
            )


def write_pelican(root: Path, units: list[str], shared, articles: list[Article]) -> None:
    for unit in units:
        site = root / unit
        write(
            site / "pelicanconf.py",
            textwrap.dedent(f"""\
            SITENAME = "Kantor Imigrasi {unit}"
            SITEURL = "https://{unit}.example.go.id"
            PATH = "content"
            TIMEZONE = "Asia/Pontianak"
            DEFAULT_LANG = "id"
            FEED_DOMAIN = SITEURL
            FEED_ALL_ATOM = "feeds/all.atom.xml"
            FEED_ALL_RSS = "feeds/all.rss.xml"
            CATEGORY_FEED_ATOM = "feeds/{{slug}}.atom.xml"
            TAG_FEED_ATOM = "feeds/tag-{{slug}}.atom.xml"
            TAG_FEED_RSS = "feeds/tag-{{slug}}.rss.xml"
            FEED_MAX_ITEMS = 20
            DEFAULT_PAGINATION = False
            ARTICLE_URL = "berita/{{slug}}/"
            ARTICLE_SAVE_AS = "berita/{{slug}}/index.html"
            PAGE_URL = "layanan/{{slug}}/"
            PAGE_SAVE_AS = "layanan/{{slug}}/index.html"
            RELATIVE_URLS = True
            """),
        )
        for slug, title, body in shared:
            write(
                site / "content/pages" / f"{slug}.md",
                f"Title: {title}\nSlug: {slug}\n\nLayanan ini tersedia di Kantor Imigrasi {unit}.\n\n{body}",
            )
        for a in (a for a in articles if a.unit == unit):
            write(
                site / "content" / f"{a.slug}.md",
                f"Title: {a.title}\nDate: {a.date:%Y-%m-%d %H:%M}\nSlug: {a.slug}\nCategory: berita\n"
                f"Tags: {', '.join(a.tags)}\nAuthor: Humas\n\n{a.body}",
            )


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def make(preset_name: str, out: Path | None = None) -> Path:
    """Write the corpus for one preset (replacing an earlier one) and return its folder."""
    folder = out or HERE / "corpus" / preset_name
    if folder.exists():
        shutil.rmtree(folder)
    units, shared, articles = generate(PRESETS[preset_name])
    write_sitegen(folder / "sitegen", units, shared, articles)
    write_hugo(folder / "hugo", units, shared, articles)
    write_pelican(folder / "pelican", units, shared, articles)
    return folder


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("preset", choices=sorted(PRESETS))
    args = parser.parse_args()
    folder = make(args.preset)
    print(folder)


if __name__ == "__main__":
    main()
