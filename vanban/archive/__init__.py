"""The archive site's core: catalog, relations, indexes and page rendering.

Pure functions over page texts; the MkDocs hooks in hooks/ are thin adapters.
Nothing here imports MkDocs.
"""
