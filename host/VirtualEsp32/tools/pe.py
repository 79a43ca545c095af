#!/usr/bin/env python3
"""Reads nanoFramework .pe files (the metadata processor's output, what nanoCLR loads) for the virtual ESP32's build.

  pe.py STRINGS info FILE.pe...            one line per file: name, version, native checksum, references
  pe.py STRINGS closure APP.pe PEDIR       the assemblies APP needs, dependencies first, one name a line; missing
                                           ones (no NAME.pe in PEDIR) or a major.minor that differs (nanoCLR matches
                                           references on major and minor) are errors naming them (exit 1)

STRINGS: nf-interpreter's src/CLR/Core/StringTableData.cpp, nanoCLR's own strings, which a .pe refers to by index
(e.g. "mscorlib" is one of them).

The header is CLR_RECORD_ASSEMBLY (nf-interpreter src/CLR/Include/nanoCLR_Types.h): nativeMethodsChecksum at 0x14,
version at 0x1C, the assembly's name (a TBL_Strings index) at 0x24, startOfTables[16] at 0x28, paddingOfTables at
0x6C. TBL_AssemblyRef (table 0) holds 12-byte records: name, pad, version (4 x uint16).
"""
import os
import re
import struct
import sys

TBL_ASSEMBLYREF = 0
TBL_STRINGS = 11
BUILTIN = []  # nanoCLR's own strings, read from StringTableData.cpp


def read_builtin_strings(path):
    """c_CLR_StringTable_Data's entries in order: index i of a .pe at or above 0xFFFF - count is entry 0xFFFF - i."""
    text = open(path, encoding='utf-8').read()
    data = text[text.index('c_CLR_StringTable_Data[]'):]
    return [m.group(1) for m in re.finditer(r'/\* [0-9A-Fa-f]{4} \*/ "((?:[^"\\]|\\.)*?)\\0"', data)]


class Pe:
    def __init__(self, path):
        with open(path, 'rb') as f:
            self.data = f.read()
        d = self.data
        if len(d) < 0x7C or not d.startswith(b'NFMRK'):
            raise ValueError(f'{path} is not a nanoFramework .pe')
        self.checksum = struct.unpack_from('<I', d, 0x14)[0]
        self.version = struct.unpack_from('<4H', d, 0x1C)
        self.start = struct.unpack_from('<16I', d, 0x28)
        self.padding = d[0x6C:0x6C + 16]
        self.name = self.string(struct.unpack_from('<H', d, 0x24)[0])
        self.refs = []
        base = self.start[TBL_ASSEMBLYREF]
        size = self.start[TBL_ASSEMBLYREF + 1] - base - self.padding[TBL_ASSEMBLYREF]
        for off in range(base, base + size - size % 12, 12):
            name = struct.unpack_from('<H', d, off)[0]
            self.refs.append((self.string(name), struct.unpack_from('<4H', d, off + 4)))

    def string(self, index):
        if index >= 0xFFFF - len(BUILTIN):
            return BUILTIN[0xFFFF - index]
        at = self.start[TBL_STRINGS] + index
        return self.data[at:self.data.index(b'\0', at)].decode('utf-8')


def ver(v):
    return '.'.join(str(x) for x in v)


def closure(app, pedir):
    loaded, order, errors = {}, [], []

    def visit(path, by):
        pe = Pe(path)
        loaded[pe.name] = pe
        for name, want in pe.refs:
            if name not in loaded:
                f = os.path.join(pedir, name + '.pe')
                if not os.path.isfile(f):
                    errors.append(f'{by or pe.name} needs {name} {ver(want)}, which has no .pe')
                    loaded[name] = None
                    continue
                visit(f, pe.name)
            have = loaded[name]
            if have is not None and have.version[:2] != want[:2]:
                errors.append(f'{pe.name} needs {name} {ver(want)} but {name} is {ver(have.version)} '
                              '(nanoCLR matches major.minor)')
        order.append(pe.name)

    visit(app, None)
    return order, errors


def main(argv):
    if len(argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    BUILTIN.extend(read_builtin_strings(argv[0]))
    argv = argv[1:]
    if len(argv) >= 2 and argv[0] == 'info':
        for path in argv[1:]:
            pe = Pe(path)
            refs = ' '.join(f'{n}@{ver(v)}' for n, v in pe.refs)
            print(f'{pe.name}\t{ver(pe.version)}\t0x{pe.checksum:08X}\t{refs}')
        return 0
    if len(argv) == 3 and argv[0] == 'closure':
        order, errors = closure(argv[1], argv[2])
        for e in errors:
            print(f'error: {e}', file=sys.stderr)
        print('\n'.join(order))
        return 1 if errors else 0
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
