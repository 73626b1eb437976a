#!/usr/bin/env python3
"""Scores skillgap's verdicts on scenario folders whose true gaps were written down before any run.

Each scenario folder holds cv.md, its targets (bio*.txt, posting.*) and truth.toml ([[gap]] and [[not_gap]] with
`skill` and optional `aka`). For each one this runs `skillgap compare --format json` and reports:
  recall@10  the share of true gaps (up to 10) found among the first 10 entries of `gaps`
  false      not_gap skills that appear anywhere in `gaps`
Names match loosely (case, punctuation, one name containing the other, or most words shared), so read the
misses yourself before trusting a number.

usage: scripts/eval_scenarios.py [--bin target/release/skillgap] DIR...   (DIR: a scenario or a folder of them,
       e.g. tests/scenarios); runs with SKILLGAP_TODAY=2026-12-07 unless it is set
"""
import json, os, re, subprocess, sys, tomllib

def norm(s):
    return re.sub(r"[^a-z0-9+#]+", " ", s.lower()).strip()

def same(a, b):
    a, b = norm(a), norm(b)
    if not a or not b:
        return False
    if a == b or (len(a) > 3 and a in b.split(" ") ) or (len(b) > 3 and b in a.split(" ")):
        return True
    if (len(a) >= 5 and a in b) or (len(b) >= 5 and b in a):
        return True
    wa, wb = set(a.split()), set(b.split())
    return len(wa & wb) / max(1, min(len(wa), len(wb))) >= 0.67 and len(wa & wb) >= 2

def names_of(entry):
    out = [entry.get("name", "")]
    for m in entry.get("members", []) or []:
        out.append(m.get("name", "") if isinstance(m, dict) else str(m))
    for m in entry.get("alternatives", []) or []:
        out.append(m.get("name", "") if isinstance(m, dict) else str(m))
    return [n for n in out if n]

def scenario_dirs(paths):
    for p in paths:
        if os.path.exists(os.path.join(p, "truth.toml")):
            yield p
        else:
            for d in sorted(os.listdir(p)):
                if os.path.exists(os.path.join(p, d, "truth.toml")):
                    yield os.path.join(p, d)

def main():
    args = sys.argv[1:]
    binary = "target/release/skillgap"
    if args[:1] == ["--bin"]:
        binary, args = args[1], args[2:]
    total_found = total_gaps = total_false = 0
    for d in scenario_dirs(args):
        truth = tomllib.load(open(os.path.join(d, "truth.toml"), "rb"))
        targets = sorted(f for f in os.listdir(d) if re.match(r"(bio\d*|posting)\.", f))
        cmd = [binary, "compare", "--cv", os.path.join(d, "cv.md")] + [os.path.join(d, t) for t in targets] + ["--format", "json"]
        env = dict(os.environ, SKILLGAP_TODAY=os.environ.get("SKILLGAP_TODAY", "2026-12-07"))
        run = subprocess.run(cmd, capture_output=True, text=True, env=env)
        if run.returncode != 0:
            print(f"{d}: exit {run.returncode}: {run.stderr.strip()[:200]}")
            continue
        report = json.loads(run.stdout)
        gaps = report.get("gaps") or (report.get("missing", []) + report.get("related", []))
        top = [names_of(g) for g in gaps[:10]]
        every = [names_of(g) for g in gaps]
        true_gaps = truth.get("gap", [])[:10]
        found, missed = [], []
        for g in true_gaps:
            keys = [g["skill"]] + g.get("aka", [])
            (found if any(same(k, n) for names in top for n in names for k in keys) else missed).append(g["skill"])
        false = []
        for ng in truth.get("not_gap", []):
            keys = [ng["skill"]] + ng.get("aka", [])
            if any(same(k, n) for names in every for n in names[:1] for k in keys):
                false.append(ng["skill"])
        total_found += len(found); total_gaps += len(true_gaps); total_false += len(false)
        print(f"{os.path.basename(d)}: recall@10 {len(found)}/{len(true_gaps)}  false {len(false)}  score {report.get('score')}")
        if missed:
            print(f"    missed: {'; '.join(missed)}")
        if false:
            print(f"    false gaps: {'; '.join(false)}")
        print(f"    top: {' | '.join(n[0] for n in top)}")
    if total_gaps:
        print(f"overall recall@10 {total_found}/{total_gaps} = {total_found/total_gaps:.2f}, false gaps {total_false}")

if __name__ == "__main__":
    main()
