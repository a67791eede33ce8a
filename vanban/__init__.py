"""Core of the directive archive: domain model, schema and pure parsing/rendering.

Nothing in this package imports MkDocs: the converter (scripts/), the MkDocs
hooks (hooks/) and the check command all call into it.
"""
