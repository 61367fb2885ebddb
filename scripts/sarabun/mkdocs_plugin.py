"""The mkdocs adapter: the only module that imports mkdocs.

It loads the corpus once per build from the folder of ``mkdocs.yml``, stops the build with the
problems listed when ``sarabun check`` would fail, and adds the pages ``sarabun.render`` makes as
generated files. All the page content is decided in ``render``; nothing else happens here.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, get_plugin_logger
from mkdocs.structure.files import File, Files, InclusionLevel

from .corpus import load_corpus
from .render import missing_sources, render_site

log = get_plugin_logger(__name__)


class SarabunOptions(Config):  # type: ignore[no-untyped-call]
    """The plugin has no options (yet)."""


class SarabunPlugin(BasePlugin[SarabunOptions]):  # type: ignore[no-untyped-call]
    """``plugins: [sarabun]`` in mkdocs.yml: generate document and index pages from the corpus."""

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        root = Path(config.config_file_path).resolve().parent
        corpus = load_corpus(root)
        if corpus.problems:
            for p in corpus.problems:
                log.error(p.text())
            raise PluginError(f"คลังเอกสารมี {len(corpus.problems)} ปัญหา "
                              "แก้ตามรายการข้างบนก่อน (ตรวจได้ด้วย sarabun check)")
        pages = render_site(corpus, directory_urls=config.use_directory_urls)
        for src_uri, content in pages.items():
            if files.get_file_from_path(src_uri) is not None:
                raise PluginError(f"docs/{src_uri} ชนกับหน้าที่สร้างจากคลังเอกสาร ให้ลบหรือย้ายไฟล์นี้")
            files.append(File.generated(config, src_uri, content=content,
                                        inclusion=InclusionLevel.NOT_IN_NAV))
        for message in missing_sources(corpus, (f.src_uri for f in files)):
            log.warning(message)
        return files
