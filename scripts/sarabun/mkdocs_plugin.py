"""The mkdocs adapter: the only module that imports mkdocs.

It loads the corpus once per build from the folder of ``mkdocs.yml``, stops the build with the
problems listed when ``sarabun check`` would fail, and adds the pages ``sarabun.render`` makes as
generated files, with the feeds, JSON files and redirect pages of ``sarabun.publish``. All the
content is decided in ``render`` and ``publish``; nothing else happens here. So that two builds of
one commit are byte-identical, the build date (sitemap, sitemap.xml.gz) is the last commit's time
unless SOURCE_DATE_EPOCH is set. Under ``mkdocs serve`` (``make preview``) it also builds the
search index (``sarabun.search.build_index``) after every build, so that search works there too;
``make site`` builds the index itself, after the strict build.
"""

from __future__ import annotations

import os
from pathlib import Path

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .corpus import load_corpus
from .gitcmd import last_commit_time
from .problems import errors
from .publish import Heads, accessible, publish_files
from .render import Site, missing_sources, render_site
from .render_history import (
    HISTORY_CSS,
    SiteHistory,
    history_css,
    load_site_history,
    page_change,
    with_last_updated,
)
from .render_pointintime import SCRIPT as PIT_SCRIPT
from .search import build_index

log = get_plugin_logger(__name__)
SCRIPT = "assets/sarabun.js"


class SarabunOptions(Config):  # type: ignore[no-untyped-call]
    """The plugin has no options (yet)."""


class SarabunPlugin(BasePlugin[SarabunOptions]):  # type: ignore[no-untyped-call]
    """``plugins: [sarabun]`` in mkdocs.yml: generate document and index pages from the corpus."""

    heads: Heads | None = None
    history: SiteHistory | None = None
    command = ""

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.command = command  # build, gh-deploy or serve

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        # mkdocs serve builds into a folder of its own after every change: index it there.
        if self.command == "serve":
            stats = build_index(Path(config.site_dir))
            log.info(f"ดัชนีค้นหา: {stats.documents} หน้า ใน {stats.seconds:.1f} วินาที")

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # Keyboard access to wide tables (docs/assets/sarabun.js), with the plugin's other
        # accessibility fixes; listing it in mkdocs.yml's extra_javascript works as well.
        if SCRIPT not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(SCRIPT)
        if PIT_SCRIPT not in [str(s) for s in config.extra_javascript]:
            config.extra_javascript.append(PIT_SCRIPT)  # the point-in-time form
        if HISTORY_CSS not in [str(s) for s in config.extra_css]:
            config.extra_css.append(HISTORY_CSS)  # generated in on_files (diff styles)
        if "SOURCE_DATE_EPOCH" not in os.environ:
            when = last_commit_time(Path(config.config_file_path).resolve().parent)
            if when is not None:
                os.environ["SOURCE_DATE_EPOCH"] = str(when)
        return config

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).resolve().parent
        corpus = load_corpus(root)
        for p in corpus.problems:  # warnings as info: --strict counts logged warnings
            (log.error if p.severity == "error" else log.info)(p.text())
        if errors(corpus.problems):
            raise PluginError(f"คลังเอกสารมี {len(errors(corpus.problems))} ปัญหา "
                              "แก้ตามรายการข้างบนก่อน (ตรวจได้ด้วย sarabun check)")
        history = load_site_history(root, corpus)  # once per build; none from a tarball
        self.history = history
        for message in history.warnings:  # info: a shallow clone still builds (--strict)
            log.info(message)
        pages = render_site(corpus, directory_urls=config.use_directory_urls, history=history)
        pages[HISTORY_CSS] = history_css()
        for src_uri, content in pages.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"docs/{src_uri} ชนกับหน้าที่สร้างจากคลังเอกสาร ให้ลบหรือย้ายไฟล์นี้")
            files.append(File.generated(config, src_uri, content=content,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        site = Site(corpus, config.use_directory_urls)
        for path, text in publish_files(site, config.site_url, config.site_name).items():
            if files.get_file_from_path(path) is not None:
                raise PluginError(f"docs/{path} ชนกับไฟล์ที่สร้างจากคลังเอกสาร ให้ลบหรือย้ายไฟล์นี้")
            files.append(File.generated(config, path, content=text))
        self.heads = Heads(site, config.site_url, config.site_name)
        for message in missing_sources(corpus, (f.src_uri for f in files)):
            log.warning(message)
        return files

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        # "ปรับปรุงล่าสุด" on hand-written, staff and listing pages (documents have theirs)
        root = Path(config.config_file_path).resolve().parent
        docs_dir = Path(config.docs_dir).resolve()
        rel = docs_dir.relative_to(root).as_posix() if docs_dir.is_relative_to(root) else ""
        generated = page.file.generated_by is not None
        return with_last_updated(markdown, page_change(self.history, page.file.src_uri,
                                                       generated, rel))

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        output = accessible(output)
        if self.heads is None or "</head>" not in output:
            return output
        head, rest = output.split("</head>", 1)
        return head + self.heads.html(page.file.src_uri) + "</head>" + rest
