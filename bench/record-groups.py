#!/usr/bin/env python3
"""Bytes a phone downloads for the document records of one results page, by records per file (issue #6).

Reads a built site's search index and the first results page of each query (from `publisher search --json`),
groups the index's records R to a file the way IndexWriter does (file k = JSON array of the records of ids
[k*R, (k+1)*R), compact, so joining the record texts is writing the array) and prints, for each R, the record
files and their gzipped bytes (level 6, per file, as a host serves them) that the page needs, and the number
of record files; and the same plus the term shards the query reads (Chinese-only queries). Works on an index of any R: it takes the records out of the arrays first.

    python3 bench/record-groups.py <site>/_site/search/index <publisher binary> <site dir> [R ...] -- query ...
"""
import gzip
import json
import os
import subprocess
import sys


def records(index):
    meta = json.load(open(os.path.join(index, "meta.json"), encoding="utf-8"))
    r = meta.get("r", 1)
    out = []
    for k in range((meta["n"] + r - 1) // r):
        text = open(os.path.join(index, "d", f"{k}.json"), encoding="utf-8").read().rstrip("\n")
        group = json.loads(text)
        for record in group if isinstance(group, list) else [group]:
            out.append(json.dumps(record, ensure_ascii=False, separators=(",", ":")))
    return out


def shards(index, query):
    """The term shards a Chinese-only query reads (its character bigrams, or the character), as search.js names them."""
    bits = json.load(open(os.path.join(index, "meta.json"), encoding="utf-8"))["bits"]
    terms = [query] if len(query) == 1 else {query[i:i + 2] for i in range(len(query) - 1)}
    names = set()
    for term in terms:
        h = 2166136261
        for b in term.encode():
            h = ((h ^ b) * 16777619) & 0xFFFFFFFF
        names.add(format(0 if bits == 0 else h >> (32 - bits), "x").zfill(max(1, (bits + 3) // 4)))
    return sum(len(gzip.compress(open(os.path.join(index, "t", n + ".json"), "rb").read(), 6)) for n in names)


def main():
    args = sys.argv[1:]
    split = args.index("--")
    index, binary, site, sizes = args[0], args[1], args[2], [int(a) for a in args[3:split]] or [1, 4, 8, 16]
    queries = args[split + 1:]
    texts = records(index)
    hits = {}
    for query in queries:
        result = json.loads(subprocess.run([binary, "search", query, "--json", "--site", os.path.join(site, "_site")],
                                           cwd=site, check=True, capture_output=True, text=True).stdout)
        hits[query] = [h["id"] for h in result["hits"]]
    print(f"{len(texts)} documents; gzipped bytes of the first results page: records (files), and with the term shards")
    shard_bytes = {query: shards(index, query) for query in queries}
    print("| R | record files | " + " | ".join(queries) + " |")
    print("|---|---|" + "---|" * len(queries))
    for r in sizes:
        cells = []
        for query in queries:
            groups = sorted({i // r for i in hits[query]})
            size = sum(len(gzip.compress(("[" + ",".join(texts[k * r:(k + 1) * r]) + "]\n").encode(), 6)) for k in groups)
            cells.append(f"{size / 1024:.1f} KB ({len(groups)}); {(size + shard_bytes[query]) / 1024:.1f} KB")
        print(f"| {r} | {(len(texts) + r - 1) // r:,} | " + " | ".join(cells) + " |")


main()
