#!/usr/bin/env python3
"""Puts French typography into a .ftl file typed with plain spaces: a no-break space (U+00A0)
before ':' and inside « », a narrow no-break space (U+202F) before ; ! ?. Message ids, comments'
leading '#', Fluent syntax and `time` patterns ([hour]:[minute]) are left alone because only a
plain space followed by the mark is rewritten. Usage: fr-typography.py IN OUT"""
import re
import sys

text = open(sys.argv[1], encoding="utf-8").read()
text = re.sub(r" ([:])", "\u00a0\\1", text)
text = re.sub(r" ([;!?])", "\u202f\\1", text)
text = text.replace("« ", "«\u00a0").replace(" »", "\u00a0»")
open(sys.argv[2], "w", encoding="utf-8").write(text)
