"""Sets of record ids as Python integers, one bit per id: intersections and counts over 100,000 records take
microseconds."""

from collections.abc import Iterable


def from_ids(ids: Iterable[int]) -> int:
    ids = list(ids)
    if not ids:
        return 0
    buffer = bytearray(max(ids) // 8 + 1)
    for i in ids:
        buffer[i >> 3] |= 1 << (i & 7)
    return int.from_bytes(buffer, "little")


def to_ids(bits: int) -> list[int]:
    """The ids in the set, smallest first."""
    found = []
    data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
    for index, byte in enumerate(data):
        if byte:
            base = index * 8
            found.extend(base + k for k in range(8) if byte >> k & 1)
    return found


class Members:
    """Quick membership tests for one set."""

    def __init__(self, bits: int):
        self.data = bits.to_bytes((bits.bit_length() + 7) // 8, "little")
        self.size = len(self.data)

    def __contains__(self, i: int) -> bool:
        index = i >> 3
        return index < self.size and bool(self.data[index] >> (i & 7) & 1)
