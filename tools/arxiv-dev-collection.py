#!/usr/bin/env python3
"""Builds a judged development collection in BEIR format from the shared arXiv listings.

Why: search settings that quality depends on (fusion function and weights) must not be chosen on SciFact's
test queries. This collection is a second, disjoint set to choose them on: the inverse cloze task (Lee et al.,
2019, "Latent Retrieval for Weakly Supervised Open Domain QA"): a sentence is cut out of a paper's abstract
and becomes the query; the relevant document is that paper with the sentence removed. Sentences come from
the second half of the abstract, where papers state their findings, so queries read like SciFact's claims.

Usage: tools/arxiv-dev-collection.py LISTINGS_DIR OUT_DIR [--from 2025-06-02] [--docs 5000] [--queries 500]
Writes OUT_DIR/corpus.jsonl, queries.jsonl, qrels/test.tsv. Deterministic (fixed seed).
"""
import argparse, gzip, json, os, random, re

SENTENCE_END = re.compile(r'(?<=[.!?])\s+(?=[A-Z])')
SKIP = re.compile(r'http|github|code (is|and)|available at|\$', re.I)


def sentences(text):
    return [s.strip() for s in SENTENCE_END.split(' '.join(text.split())) if s.strip()]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('listings')
    ap.add_argument('out')
    ap.add_argument('--from', dest='start', default='2025-06-02')
    ap.add_argument('--docs', type=int, default=5000)
    ap.add_argument('--queries', type=int, default=500)
    ap.add_argument('--seed', type=int, default=20261129)
    a = ap.parse_args()
    papers = {}
    for name in sorted(os.listdir(a.listings)):
        if not name.endswith('.jsonl.gz') or name[:10] < a.start or len(papers) >= a.docs:
            continue
        with gzip.open(os.path.join(a.listings, name), 'rt', encoding='utf-8') as f:
            for line in f:
                p = json.loads(line)
                if p['id'] not in papers and len(papers) < a.docs:
                    papers[p['id']] = (' '.join(p['title'].split()), ' '.join(p['summary'].split()))
    rng = random.Random(a.seed)
    ids = sorted(papers)
    candidates = []
    for pid in ids:
        sents = sentences(papers[pid][1])
        if len(sents) < 5:
            continue
        half = [i for i in range(len(sents) // 2, len(sents))
                if 8 <= len(sents[i].split()) <= 60 and not SKIP.search(sents[i])]
        if half:
            candidates.append((pid, sents, half))
    chosen = rng.sample(candidates, min(a.queries, len(candidates)))
    queries, cut = [], {}
    for n, (pid, sents, half) in enumerate(sorted(chosen)):
        i = rng.choice(half)
        queries.append({'_id': 'q%d' % n, 'text': sents[i], 'metadata': {}})
        cut[pid] = (' '.join(sents[:i] + sents[i + 1:]), 'q%d' % n)
    os.makedirs(os.path.join(a.out, 'qrels'), exist_ok=True)
    with open(os.path.join(a.out, 'corpus.jsonl'), 'w', encoding='utf-8') as f:
        for pid in ids:
            title, abstract = papers[pid]
            text = cut[pid][0] if pid in cut else abstract
            f.write(json.dumps({'_id': pid, 'title': title, 'text': text, 'metadata': {}}, ensure_ascii=False) + '\n')
    with open(os.path.join(a.out, 'queries.jsonl'), 'w', encoding='utf-8') as f:
        for q in queries:
            f.write(json.dumps(q, ensure_ascii=False) + '\n')
    with open(os.path.join(a.out, 'qrels', 'test.tsv'), 'w', encoding='utf-8') as f:
        f.write('query-id\tcorpus-id\tscore\n')
        for pid, (_, qid) in sorted(cut.items(), key=lambda x: int(x[1][1][1:])):
            f.write('%s\t%s\t1\n' % (qid, pid))
    print('%d documents, %d queries -> %s' % (len(ids), len(queries), a.out))


if __name__ == '__main__':
    main()
