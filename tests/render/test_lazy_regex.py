"""reportlab's URI pattern is compiled on first use, not at import (issue 14 goal 2), and then
behaves exactly like the real one; nothing else about ``re`` or reportlab changes."""

from __future__ import annotations

import json
import subprocess
import sys

PROBE = r"""
import json, re, sys
real_compile = re.compile
import composer.render
import reportlab.platypus.paragraph as paragraph
from composer.render import _lazy_regex
uri = paragraph.uri_pat
out = {"lazy": type(uri).__name__, "compiled_at_import": uri._compiled is not None,
       "re_restored": re.compile is real_compile,
       "others_real": all(isinstance(getattr(paragraph, n), re.Pattern)
                          for n in ("_hy_letters_pat", "_hy_shy_pat", "_scheme_re"))}
real = re.compile(uri.pattern, re.I)
samples = ["http://example.com/a?b#c", "https://user:pw@203.0.113.7:8443/x", "ftp://[::1]/",
           "mailto:x@example.com", "www.example.com", "HTTP://EXAMPLE.COM", "http://例子.中国/路径",
           "http://-bad-.com", "localhost", "http://localhost:80", ""]
out["same_matches"] = all(bool(uri.match(s)) == bool(real.match(s)) and
                          (uri.match(s) and uri.match(s).groups()) ==
                          (real.match(s) and real.match(s).groups()) for s in samples)
out["same_flags"] = uri.flags == real.flags and uri.pattern == real.pattern
out["compiled_after_use"] = uri._compiled is not None
print(json.dumps(out))
"""


def test_uri_pattern_is_compiled_on_first_use_and_matches_like_the_real_one():
    done = subprocess.run([sys.executable, "-c", PROBE], capture_output=True, text=True,
                          timeout=120, check=True)
    got = json.loads(done.stdout.strip().splitlines()[-1])
    assert got == {"lazy": "LazyPattern", "compiled_at_import": False, "re_restored": True,
                   "others_real": True, "same_matches": True, "same_flags": True,
                   "compiled_after_use": True}


def test_only_the_uri_pattern_is_deferred():
    from composer.render import _lazy_regex

    plain = _lazy_regex._lazy_compile("[a-z]+", 0)
    assert plain.match("abc")
    assert type(plain).__name__ == "Pattern"
    assert type(_lazy_regex._lazy_compile(_lazy_regex.URI_PREFIX + "x", 0)).__name__ == "Pattern"
    lazy = _lazy_regex._lazy_compile(_lazy_regex.URI_PREFIX + "x", 2)
    assert isinstance(lazy, _lazy_regex.LazyPattern)
    assert lazy.match("http://x") and not lazy.match("x")
