"""MkDocs adapter: the office that runs the archive (vanban/office.py), from mkdocs.yml `extra:`.

on_config  an error for each value of the wrong shape; every identity key present for the templates (header, footer, the accessibility
           statement and the open-data page), and one info line while the office has not
           filled them in (info: a --strict build does not fail on it)
on_env     kho_chua_dien(value) for the templates: is this value still to be filled in?
"""
from __future__ import annotations

import logging
import sys
from pathlib import Path

_ROOT = str(Path(__file__).resolve().parent.parent)
if _ROOT not in sys.path:  # hooks are loaded by file path; the core package sits beside them
    sys.path.insert(0, _ROOT)

from vanban import office  # noqa: E402

log = logging.getLogger("mkdocs.hooks.office")


def on_config(config):
    for problem in office.problems(config.extra):   # the site shows the placeholder instead
        log.error(problem.format("mkdocs.yml"))
    message = office.notice(config.extra)
    if message:
        log.info(message)
    config.extra.update(office.with_defaults(config.extra))
    return config


def on_env(env, config, files):
    env.globals["kho_chua_dien"] = office.is_unfilled
    return env
