"""Parsing of raw directives: one concept per module, all pure functions.

readers (bytes -> NFC text) -> noise (portal chrome out) -> header / article /
signature / copyblock (blocks that become metadata) -> citations -> body.
"""
