"""OLE compound files (what .doc, .wps, .xls are): their streams by name, every read bounded —
sector chains followed at most once per sector, no stream longer than the file."""

from __future__ import annotations

import struct

from plantui.read.base import ReadError

OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
CONVERT = "save it as .docx, or run: soffice --headless --convert-to docx FILE"
_FREE, _END = 0xFFFFFFFF, 0xFFFFFFFE


class Compound:
    """The streams of an OLE compound file, by name."""

    def __init__(self, data: bytes) -> None:
        if len(data) < 512 or not data.startswith(OLE):
            raise ReadError(f"not an OLE compound file: {CONVERT}")
        self.data = data
        shift, mini_shift = struct.unpack_from("<HH", data, 0x1E)
        if not 7 <= shift <= 16 or mini_shift >= shift:
            raise ReadError(f"a damaged Word file (sector size 2^{shift}): {CONVERT}")
        self.size, self.mini_size = 1 << shift, 1 << mini_shift
        n_fat, first_dir = struct.unpack_from("<II", data, 0x2C)
        self.cutoff, first_mini_fat, n_mini_fat, first_difat, n_difat = struct.unpack_from(
            "<IIIII", data, 0x38
        )
        difat = list(struct.unpack_from("<109I", data, 0x4C))
        sector, seen = first_difat, set[int]()
        while sector not in (_FREE, _END) and len(seen) < n_difat and sector not in seen:
            seen.add(sector)
            words = struct.unpack_from(f"<{self.size // 4}I", self._sector(sector))
            difat.extend(words[:-1])
            sector = words[-1]
        fat_bytes = b"".join(self._sector(s) for s in difat[:n_fat] if s not in (_FREE, _END))
        self.fat = struct.unpack(f"<{len(fat_bytes) // 4}I", fat_bytes[: len(fat_bytes) // 4 * 4])
        directory = self._chain(first_dir)
        self.entries: dict[str, tuple[int, int]] = {}
        root: tuple[int, int] | None = None
        for at in range(0, len(directory) - 127, 128):
            entry = directory[at : at + 128]
            name_len, kind = struct.unpack_from("<HB", entry, 0x40)
            if kind not in (2, 5) or not 2 <= name_len <= 64:
                continue
            name = entry[: name_len - 2].decode("utf-16-le", "replace")
            start, size = struct.unpack_from("<II", entry, 0x74)
            if kind == 5:
                root = (start, size)
            else:
                self.entries.setdefault(name, (start, size))
        self.names = set(self.entries)
        mini_fat = self._chain(first_mini_fat) if n_mini_fat else b""
        self.mini_fat = struct.unpack(f"<{len(mini_fat) // 4}I", mini_fat[: len(mini_fat) // 4 * 4])
        self.mini_stream = self._chain(root[0])[: root[1]] if root else b""

    def _sector(self, index: int) -> bytes:
        at = (index + 1) * self.size
        if at >= len(self.data) or index >= 1 << 28:
            raise ReadError(f"a damaged Word file (sector {index} beyond its end): {CONVERT}")
        # the last sector may be cut short (a writer that does not pad the file): the rest is zeros
        return self.data[at : at + self.size].ljust(self.size, b"\0")

    def _chain(self, start: int) -> bytes:
        out, sector, seen = [], start, set()
        while sector not in (_FREE, _END) and sector < len(self.fat) and sector not in seen:
            seen.add(sector)
            out.append(self._sector(sector))
            sector = self.fat[sector]
        return b"".join(out)

    def stream(self, name: str) -> bytes | None:
        if name not in self.entries:
            return None
        start, size = self.entries[name]
        size = min(size, len(self.data))
        if size >= self.cutoff:
            return self._chain(start)[:size]
        out, sector, seen = [], start, set()
        while sector not in (_FREE, _END) and sector < len(self.mini_fat) and sector not in seen:
            seen.add(sector)
            at = sector * self.mini_size
            out.append(self.mini_stream[at : at + self.mini_size])
            sector = self.mini_fat[sector]
        return b"".join(out)[:size]
