"""Old Word (.doc) style sheet and list numbering, for read/doc.py: each style's properties
merged down its base styles (STSH), and Word's lists (PlfLst, PlfLfo) rendered as Word shows
their numbers, the way the .docx reader renders a numbering definition."""

from __future__ import annotations

import struct

from plantui.read.docx import _format

ISTD = 0x10000  # not a sprm: where a paragraph's runs keep its style's index


def sprms(grpprl: bytes) -> dict[int, bytes]:
    out: dict[int, bytes] = {}
    i = 0
    while i + 2 <= len(grpprl):
        sprm = struct.unpack_from("<H", grpprl, i)[0]
        i += 2
        spra = sprm >> 13
        length = (grpprl[i] + 1 if i < len(grpprl) else 1) if spra == 6 else _OPERAND[spra]
        out.setdefault(sprm, grpprl[i : i + length])
        i += length
    return out


_OPERAND = (1, 1, 2, 4, 2, 2, 0, 3)


class Styles:
    """The style sheet (STSH): each style's paragraph and character sprms, merged down its chain
    of base styles (a heading style's numbering, type size and alignment)."""

    def __init__(self, word: bytes, table: bytes) -> None:
        self.paragraph: dict[int, dict[int, bytes]] = {}
        self.character: dict[int, dict[int, bytes]] = {}
        fc, lcb = struct.unpack_from("<II", word, 0x00A2)
        stsh = table[fc : fc + lcb]
        if len(stsh) < 6:
            return
        cb_stshi = struct.unpack_from("<H", stsh, 0)[0]
        cstd, cb_base = struct.unpack_from("<HH", stsh, 2)
        own: dict[int, tuple[int, dict[int, bytes], dict[int, bytes]]] = {}
        at = 2 + cb_stshi
        for istd in range(min(cstd, 4096)):
            if at + 2 > len(stsh):
                break
            cb = struct.unpack_from("<H", stsh, at)[0]
            std = stsh[at + 2 : at + 2 + cb]
            at += 2 + cb
            if cb < max(cb_base, 10) + 2:
                continue
            stk, base = std[2] & 0x0F, struct.unpack_from("<H", std, 2)[0] >> 4
            name_chars = struct.unpack_from("<H", std, cb_base)[0]
            upx = cb_base + 2 + 2 * name_chars + 2
            papx: dict[int, bytes] = {}
            chpx: dict[int, bytes] = {}
            for kind in (1, 2) if stk == 1 else (2,) if stk == 2 else ():
                upx += upx % 2
                if upx + 2 > len(std):
                    break
                size = struct.unpack_from("<H", std, upx)[0]
                body = std[upx + 2 : upx + 2 + size]
                if kind == 1:
                    papx = sprms(body[2:])  # after the style's own index
                else:
                    chpx = sprms(body)
                upx += 2 + size
            own[istd] = (base, papx, chpx)
        for istd in own:
            chain: list[int] = []
            at_style = istd
            while at_style in own and at_style not in chain and len(chain) < 16:
                chain.append(at_style)
                at_style = own[at_style][0]
            merged_p: dict[int, bytes] = {}
            merged_c: dict[int, bytes] = {}
            for step in reversed(chain):
                merged_p.update(own[step][1])
                merged_c.update(own[step][2])
            self.paragraph[istd], self.character[istd] = merged_p, merged_c

    def of(self, props: dict[int, bytes]) -> tuple[dict[int, bytes], dict[int, bytes]]:
        """A paragraph's style's sprms (paragraph, character) from its runs' style index."""
        istd = struct.unpack("<H", props[ISTD])[0] if len(props.get(ISTD, b"")) == 2 else 0
        return self.paragraph.get(istd, {}), self.character.get(istd, {})


# A level's number format (MSONFC) as the .docx reader names it
_NFC = {
    0: "decimal",
    1: "upperRoman",
    2: "lowerRoman",
    3: "upperLetter",
    4: "lowerLetter",
    18: "decimalEnclosedCircle",
    19: "decimalFullWidth",
    22: "decimalZero",
    23: "bullet",
    27: "decimalEnclosedParen",
    28: "decimalEnclosedCircleChinese",
    30: "ideographTraditional",
    33: "chineseCounting",
    35: "chineseCountingThousand",
    37: "chineseCounting",
    38: "chineseLegalSimplified",
    39: "chineseCountingThousand",
    255: "none",
}


class Lists:
    """Word's list numbering (PlfLst, PlfLfo), rendered as Word shows it (一、 （一） 1. …), the
    way the .docx reader renders a numbering definition."""

    def __init__(self, word: bytes, table: bytes) -> None:
        self.lfos: list[list[tuple[str, str, int]]] = []  # per LFO: per level (format, text, start)
        self.counters: dict[int, list[int]] = {}
        if len(word) < 0x02F2:
            return
        fc_lst, lcb_lst, fc_lfo, lcb_lfo = struct.unpack_from("<IIII", word, 0x02E2)
        if not lcb_lst or not lcb_lfo or fc_lst + 2 > len(table):
            return
        count = struct.unpack_from("<h", table, fc_lst)[0]
        lists: dict[int, list[tuple[str, str, int]]] = {}
        at = fc_lst + 2 + 28 * max(count, 0)
        for i in range(max(count, 0)):
            lstf = fc_lst + 2 + 28 * i
            if lstf + 28 > len(table):
                return
            lsid, simple = struct.unpack_from("<i", table, lstf)[0], table[lstf + 26] & 1
            levels = []
            for _ in range(1 if simple else 9):
                level, at = _level(table, at)
                if level is None:
                    return
                levels.append(level)
            lists[lsid] = levels
        if fc_lfo + 4 > len(table):
            return
        n_lfo = struct.unpack_from("<i", table, fc_lfo)[0]
        for i in range(min(max(n_lfo, 0), 4096)):
            lfo = fc_lfo + 4 + 16 * i
            if lfo + 16 > len(table):
                break
            self.lfos.append(list(lists.get(struct.unpack_from("<i", table, lfo)[0], [])))

    def label(self, ilfo: int, ilvl: int) -> str:
        if not 1 <= ilfo <= len(self.lfos) or not 0 <= ilvl < len(self.lfos[ilfo - 1]):
            return ""
        levels = self.lfos[ilfo - 1]
        counts = self.counters.setdefault(ilfo, [0] * 9)
        fmt, text, start = levels[ilvl]
        counts[ilvl] = counts[ilvl] + 1 if counts[ilvl] else start
        for deeper in range(ilvl + 1, 9):
            counts[deeper] = 0
        if fmt in ("bullet", "none"):
            return ""
        out = []
        for char in text:
            at = ord(char)
            if at < 9:  # a placeholder: that level's number
                lfmt, _, lstart = levels[at] if at < len(levels) else ("decimal", "", 1)
                out.append(_format(counts[at] or lstart, lfmt))
            else:
                out.append(char)
        return "".join(out)


def _level(table: bytes, at: int) -> tuple[tuple[str, str, int] | None, int]:
    """One LVL (LVLF, its sprms, its number text) at ``at``: (format, text, start), next offset."""
    if at + 28 > len(table):
        return None, at
    start, nfc = struct.unpack_from("<iB", table, at)
    cb_chpx, cb_papx = table[at + 24], table[at + 25]
    text_at = at + 28 + cb_papx + cb_chpx
    if text_at + 2 > len(table):
        return None, at
    cch = struct.unpack_from("<H", table, text_at)[0]
    text = table[text_at + 2 : text_at + 2 + 2 * cch].decode("utf-16-le", "replace")
    return (_NFC.get(nfc, "decimal"), text, start), text_at + 2 + 2 * cch
