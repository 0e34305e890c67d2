"""The extraction bench's corpus reader and seed report, on small made-up inputs."""

from __future__ import annotations

import dataclasses
import json

from atlas.records import Extraction
from bench import bench_extraction
from extraction.lexicon import load_lexicon
from tests.factories import make_document, make_event, make_mention

LGL_LIKE = """<?xml version="1.0" encoding="utf-8"?>
<articles>
  <article docid="7"><title>A</title><text><![CDATA[Floods hit Quetta.]]></text></article>
  <article docid="8"><title>B</title><text>Nothing here.</text></article>
</articles>"""
GWN_LIKE = """<?xml version="1.0" ?>
<articles><article file="0"><title>C</title><text>Rain in Kabul.</text></article></articles>"""


def test_corpus_texts_reads_both_benchmark_layouts(tmp_path):
    lgl, gwn = tmp_path / "lgl.xml", tmp_path / "GWN.xml"
    lgl.write_text(LGL_LIKE, encoding="utf-8")
    gwn.write_text(GWN_LIKE, encoding="utf-8")
    assert bench_extraction.corpus_texts([lgl, gwn]) == [
        ("lgl-7.txt", "Floods hit Quetta."), ("lgl-8.txt", "Nothing here."),
        ("GWN-0.txt", "Rain in Kabul."),
    ]


def write_gold(folder):
    (folder / "seed_places.csv").write_text(
        "doc_id,start,end,surface,place,place_id,lat,lon,feature_type,country_code,section,"
        "radius_km,coord_source\n"
        "a.txt,26,31,Khost,Khowst,gn:1444362,33.363,69.8211,admin1,AF,,161,x\n"
        "b.txt,26,31,Khost,Khowst,gn:1444362,33.363,69.8211,admin1,AF,,161,x\n",
        encoding="utf-8")
    (folder / "seed_non_places.csv").write_text(
        "doc_id,start,end,surface,kind,strict,note\na.txt,0,3,TTP,group,1,\n", encoding="utf-8")
    (folder / "seed_events.csv").write_text(
        "doc_id,group,group_short,group_id,place,place_id,lat,lon,feature_type,radius_km,year,"
        "year_end,year_source,link,evidence,evidence_start,evidence_end,note\n"
        "a.txt,Tehrik-e-Taliban Pakistan,TTP,,Khowst,gn:1444362,33.363,69.8211,admin1,161,"
        "2016,,publication,sentence,TTP,0,3,\n"
        "b.txt,Tehrik-e-Taliban Pakistan,TTP,ttp,Khowst,gn:1444362,33.363,69.8211,admin1,161,"
        "2016,,publication,sentence,TTP,0,3,\n", encoding="utf-8")
    (folder / "seed_documents.csv").write_text(
        "doc_id,published,duplicate_of,note\na.txt,2016-06-03,,\nb.txt,,a.txt,\n",
        encoding="utf-8")


def test_seed_report_scores_originals_and_checks_the_copy(tmp_path):
    write_gold(tmp_path)
    original = make_document("TTP fighters were seen in Khost.", doc_id="a.txt")
    copy = dataclasses.replace(make_document("TTP fighters were seen in Khost!", doc_id="b.txt"),
                               duplicate_of=original.doc_hash)
    on_group = make_mention(original, text="TTP", start=0, end=3, place_id="gn:1", lat=0.0,
                            lon=0.0)
    extractions = [
        Extraction(
            document=doc,
            mentions=(make_mention(doc, start=26, end=31), *extra),
            events=(make_event(doc, year=2016),),
        )
        for doc, extra in ((original, (on_group,)), (copy, ()))
    ]
    report = bench_extraction.seed_report(extractions, tmp_path, load_lexicon())
    assert report["place_recall"] == 1.0
    assert [n["surface"] for n in report["non_places_taken"]] == ["TTP"]
    assert (report["triples_found"], report["gold_triples"]) == (1, 1)
    assert report["duplicates"]["b.txt"] == {"expected": "a.txt", "got": "a.txt"}
    assert report["corpus_triples"] == report["corpus_triples_counting_copies"] == 1
    json.dumps(report, default=str)


def test_repeated_runs_give_the_median_and_range_per_share():
    def row(fraction, rate, rss):
        return {"fraction": fraction, "documents": 10, "mb": 0.5, "mb_per_cpu_s": rate,
                "peak_rss_mb": rss}

    runs = [[row(0.1, 1.5, 280.0), row(1.0, 2.0, 281.0)],
            [row(0.1, 2.1, 279.0), row(1.0, 1.9, 290.0)],
            [row(0.1, 1.7, 282.0), row(1.0, 2.2, 285.0)]]
    summary = bench_extraction.summarize_runs(runs)
    assert [(r["fraction"], r["median_mb_per_cpu_s"], r["min_mb_per_cpu_s"],
             r["max_mb_per_cpu_s"], r["peak_rss_mb"], r["runs"]) for r in summary] == [
        (0.1, 1.7, 1.5, 2.1, 282.0, 3), (1.0, 2.0, 1.9, 2.2, 290.0, 3)]
