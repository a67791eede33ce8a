"""The CBOR subset Pagefind 1.5 writes (minicbor: definite lengths, minimal ints).

Pagefind's page list, fragments and index chunks are gzip + "pagefind_dcd" +
CBOR; vanban/search/bundle.py reads and rewrites them with these helpers.
"""
from __future__ import annotations


class BundleError(RuntimeError):
    """The bundle is not the Pagefind output this project knows how to finish."""


def cbor_decode(data: bytes):
    value, end = _decode(data, 0)
    if end != len(data):
        raise BundleError(f"{len(data) - end} trailing bytes after CBOR value")
    return value


def _decode(data: bytes, i: int):
    major, info = data[i] >> 5, data[i] & 31
    i += 1
    if info < 24:
        n = info
    elif info <= 27:
        size = 1 << (info - 24)
        n, i = int.from_bytes(data[i:i + size], "big"), i + size
    elif major == 7 and info in (20, 21, 22):
        n = info
    else:
        raise BundleError(f"unsupported CBOR item {data[i - 1]:#x}")
    if major == 0:
        return n, i
    if major == 1:
        return -1 - n, i
    if major == 2:
        return bytes(data[i:i + n]), i + n
    if major == 3:
        return data[i:i + n].decode("utf-8"), i + n
    if major == 4:
        items = []
        for _ in range(n):
            item, i = _decode(data, i)
            items.append(item)
        return items, i
    if major == 7 and info in (20, 21, 22):
        return {20: False, 21: True, 22: None}[info], i
    raise BundleError(f"unsupported CBOR major type {major}")


def cbor_head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if n < 1 << (8 * size):
            return bytes([major << 5 | info]) + n.to_bytes(size, "big")
    raise BundleError(f"integer too large: {n}")


def cbor_encode(value) -> bytes:
    if value is False or value is True or value is None:
        return bytes([0xF4 + [False, True, None].index(value)])
    if isinstance(value, int):
        return cbor_head(0, value) if value >= 0 else cbor_head(1, -1 - value)
    if isinstance(value, bytes):
        return cbor_head(2, len(value)) + value
    if isinstance(value, str):
        raw = value.encode("utf-8")
        return cbor_head(3, len(raw)) + raw
    if isinstance(value, list):
        return cbor_head(4, len(value)) + b"".join(cbor_encode(v) for v in value)
    raise BundleError(f"cannot encode {type(value).__name__}")


def read_cbor_head(data: bytes, i: int, major: int) -> tuple[int, int]:
    """(argument, next offset) of the item at offset i, which must be of type `major`."""
    first = data[i]
    info = first & 31
    if first >> 5 != major or info > 27:
        raise BundleError(f"expected CBOR major type {major} at byte {i}, found {first:#x}")
    if info < 24:
        return info, i + 1
    end = i + 1 + (1 << (info - 24))
    return int.from_bytes(data[i + 1:end], "big"), end


def read_cbor_text(data: bytes, i: int) -> tuple[str, int]:
    n, i = read_cbor_head(data, i, 3)
    return data[i:i + n].decode("utf-8"), i + n

