"""File-system chores without file objects: the same answers as pathlib and buffered reads."""

from __future__ import annotations

import os
import threading
from pathlib import Path

from hypothesis import example, given
from hypothesis import strategies as st

from extraction.fileio import _read_up_to, name_parts, read_descriptor

_PIECES = ["a", "b", ".", "..", "/", "//", "x.txt", ".txt", "txt.", " ", "\u00e9", "~$x.md"]


@example("/x.txt")
@example("x.txt")
@example("a/b.tar.gz")
@example("a/./b.txt")
@example("a/b.txt/")
@example("./b.txt")
@example("")
@given(st.lists(st.sampled_from(_PIECES) | st.text(max_size=3), max_size=8).map("".join))
def test_name_parts_are_pathlibs(name):
    where = Path(name)
    assert name_parts(name) == (where.name, where.suffix, str(where.parent))


def test_reads_the_whole_file_and_what_it_grew_by_up_to_the_limit(tmp_path):
    path = tmp_path / "a.txt"
    path.write_bytes(b"0123456789")
    assert read_descriptor(str(path), 11, 100) == b"0123456789"
    assert read_descriptor(str(path), 5, 100) == b"0123456789"  # grew since stat said 4
    assert read_descriptor(str(path), 5, 8) == b"01234567"  # cut at the limit


def test_a_short_read_is_followed_by_more_until_the_end():
    read, write = os.pipe()  # a pipe hands out what has been written so far
    os.write(write, b"abc")

    def rest():
        os.write(write, b"defg")
        os.close(write)

    later = threading.Timer(0.05, rest)
    later.start()
    try:
        assert _read_up_to(read, 100) == b"abcdefg"
    finally:
        later.join()
        os.close(read)
