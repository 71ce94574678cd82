#!/usr/bin/env python3
"""Make a noisy system output from gold files, for the agreement tests.

usage: perturb.py SEED GOLD.jsonl... > SYS.jsonl

Each gold quote, entity and time is kept, dropped, cut, re-attributed,
duplicated or re-typed at random (seeded), in the shapes a system may use
(speaker as a string or an object, mention-only speakers, content objects),
so that matching near the 0.5 threshold, tie-breaking and speaker rules are
all exercised. Some articles are left out; one extra article is added.
"""
import json
import random
import sys


def quote(rng, q, speakers):
    words = q["content"].split()
    r = rng.random()
    content = q["content"]
    if r < 0.25 and len(words) > 2:
        content = " ".join(words[: rng.randint(1, len(words) - 1)])
    elif r < 0.35:
        content = content + " " + " ".join(rng.sample(words, min(len(words), 4)))
    sp = q.get("speaker") or ""
    r = rng.random()
    if r < 0.15:
        sp = rng.choice(speakers) if speakers else sp
    if sp:
        last = sp.split()[-1]
        shape = rng.random()
        if shape < 0.2:
            speaker = {"entity": "E1", "name": sp, "kind": "person", "mention": {"start": 0, "end": 1, "text": last}}
        elif shape < 0.3:
            speaker = {"entity": None, "name": "", "kind": "unknown", "mention": {"text": last}}
        elif shape < 0.4:
            speaker = {"name": "he", "mention": "Mr " + last}
        elif shape < 0.5:
            speaker = "Mr " + last + "'s"
        elif shape < 0.55:
            speaker = None
        else:
            speaker = sp
    else:
        speaker = rng.choice([None, "", "a spokesman"])
    if rng.random() < 0.3:
        content = {"start": 0, "end": len(content), "text": content}
    return {"kind": q["kind"] if rng.random() < 0.9 else rng.choice(["direct", "indirect", "mixed"]),
            "content": content, "speaker": speaker, "confidence": 0.5}


def entity(rng, e):
    name, typ = e["name"], e["type"]
    r = rng.random()
    if r < 0.1:
        typ = {"GPE": "LOC", "LOC": "GPE", "ORG": "PERSON"}.get(typ, typ)
    elif r < 0.2 and typ == "PERSON":
        name = name.split()[-1]
    elif r < 0.25:
        name = "the " + name
    elif r < 0.3:
        name = name + "'s"
    return {"id": "E", "type": typ, "name": name, "roles": [], "aliases": [], "mentions": []}


def main(argv):
    rng = random.Random(int(argv[1]))
    golds = [json.loads(l) for p in argv[2:] for l in open(p, encoding="utf-8") if l.strip()]
    for g in golds:
        if rng.random() < 0.15:
            continue  # missing from the system output
        gq = g.get("quotes") or []
        speakers = sorted({q["speaker"] for q in gq if q.get("speaker")})
        quotes = []
        for q in gq:
            r = rng.random()
            if r < 0.1:
                continue
            quotes.append(quote(rng, q, speakers))
            if r > 0.9:
                quotes.append(quote(rng, q, speakers))
        if len(gq) > 1 and rng.random() < 0.5:
            a, b = rng.sample(gq, 2)
            quotes.append({"kind": "indirect", "content": a["content"] + " " + b["content"], "speaker": a.get("speaker")})
        rng.shuffle(quotes)
        ents = [entity(rng, e) for e in g.get("entities") or [] if rng.random() > 0.1]
        times = []
        for t in g.get("times") or []:
            r = rng.random()
            if r < 0.1:
                continue
            v = t["value"] if r < 0.8 else rng.choice([None, "2022", "P1Y"])
            times.append({"text": t["text"], "value": v, "type": "DATE"})
        rec = {"id": g["id"], "quotes": quotes, "entities": ents, "times": times}
        print(json.dumps(rec, ensure_ascii=False))
    print(json.dumps({"id": "extra/not-in-gold.txt", "quotes": [{"kind": "direct", "content": "ignored"}]}))


if __name__ == "__main__":
    main(sys.argv)
