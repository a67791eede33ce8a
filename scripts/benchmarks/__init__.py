"""The parts of scripts/bench.py, one measurement per module.

generate.py  a realistic archive of N documents from the bundled seeds
build.py     the three builds (full, without search hooks, bare Material) with time and peak memory
transfer.py  what a browser downloads for a search (served from 127.0.0.1, headless Chromium)
convert.py   the converter's speed over the seeds
pages.py     site and document page sizes
accuracy.py  per-field accuracy of the converter on a labelled folder (labels format there)
preview.py   seconds of scripts/preview.py after one edit
"""
