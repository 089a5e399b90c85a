#!/usr/bin/env python3
# gitleaks parity: every true and false example of every gitleaks rule (extracted from a gitleaks
# checkout by gitleaks_examples.py, never fetched here) committed as one file each into a scratch
# repository, scanned with `custody scan --all --format json` and the builtin rules.
#   test/bench/gitleaks_parity.py GITLEAKS_CHECKOUT [BUILD_DIR] [--per-rule] [--mapping FILE]
# Prints: true examples found (any tier), false examples flagged at block tier and at any tier;
# --per-rule adds each gitleaks rule's figures; --mapping writes, per gitleaks rule id, the custody
# rules that found its true examples (the docs/secrets.md table is built from it).
# Goals (issue 12): >= 90% of true examples found, <= 3% of false examples flagged at block tier.
import collections, hashlib, json, os, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))


def blob_id(data):
    return hashlib.sha1(b"blob %d\0" % len(data) + data).hexdigest()


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    per_rule = "--per-rule" in sys.argv
    mapping = None
    if "--mapping" in sys.argv:
        mapping = sys.argv[sys.argv.index("--mapping") + 1]
        args.remove(mapping)
    if not args:
        sys.exit(__doc__ if __doc__ else "usage: gitleaks_parity.py GITLEAKS_CHECKOUT [BUILD_DIR]")
    checkout = args[0]
    build = args[1] if len(args) > 1 else os.path.join(here, "..", "..", "build")
    custody = os.path.join(build, "bin", "custody")
    examples = json.loads(subprocess.run(
        [sys.executable, os.path.join(here, "gitleaks_examples.py"), checkout], check=True,
        capture_output=True, text=True).stdout)

    with tempfile.TemporaryDirectory(prefix="custody-gitleaks-") as work:
        env = dict(os.environ, HOME=work, GIT_CONFIG_NOSYSTEM="1",
                   CUSTODY_SYSTEM_CONFIG="/nonexistent")
        repo = os.path.join(work, "examples.git")
        subprocess.run(["git", "init", "-q", "--bare", repo], check=True, env=env)
        by_blob = collections.defaultdict(list)
        stream = [b"commit refs/heads/main\n", b"committer t <t@t> 0 +0000\n", b"data 1\nx\n"]
        for i, e in enumerate(examples):
            data = e["text"].encode() + b"\n"
            by_blob[blob_id(data)].append(i)
            path = f"{e['kind']}/{e['rule']}/{i}".encode()
            stream.append(b"M 100644 inline %s\ndata %d\n%s\n" % (path, len(data), data))
        subprocess.run(["git", "--git-dir", repo, "fast-import", "--quiet"], check=True, env=env,
                       input=b"".join(stream))
        out = subprocess.run([custody, "scan", "--repo", repo, "--all", "--format", "json"],
                             env=env, capture_output=True)
        if out.returncode not in (0, 1):
            sys.exit(f"custody scan failed ({out.returncode}): {out.stderr.decode()}")
        findings = json.loads(out.stdout)

    rules_of = collections.defaultdict(set)  # example index -> custody rules (any tier)
    block_of = collections.defaultdict(set)
    for f in findings:
        for i in by_blob.get(f["blob"], []):
            rules_of[i].add(f["rule"])
            if f.get("tier", "block") == "block":
                block_of[i].add(f["rule"])

    per = collections.defaultdict(lambda: collections.Counter())
    found_by = collections.defaultdict(collections.Counter)
    for i, e in enumerate(examples):
        c = per[e["rule"]]
        c[e["kind"]] += 1
        if e["kind"] == "tp" and rules_of[i]:
            c["tp_found"] += 1
            for r in rules_of[i]:
                found_by[e["rule"]][r] += 1
        if e["kind"] == "fp":
            c["fp_block"] += bool(block_of[i])
            c["fp_any"] += bool(rules_of[i])
    tot = collections.Counter()
    for c in per.values():
        tot.update(c)
    print(f"gitleaks rules with examples: {len(per)}")
    print(f"true examples found (any tier): {tot['tp_found']}/{tot['tp']} "
          f"= {100 * tot['tp_found'] / max(1, tot['tp']):.1f}%")
    print(f"false examples flagged at block tier: {tot['fp_block']}/{tot['fp']} "
          f"= {100 * tot['fp_block'] / max(1, tot['fp']):.1f}%; at any tier: {tot['fp_any']}")
    if per_rule:
        for rid in sorted(per, key=lambda r: per[r]["tp_found"] / max(1, per[r]["tp"])):
            c = per[rid]
            print(f"  {rid:45} tp {c['tp_found']:4}/{c['tp']:<4} fp block {c['fp_block']}/"
                  f"{c['fp']} any {c['fp_any']}  by {','.join(r for r, _ in found_by[rid].most_common(3))}")
            if "--show-misses" in sys.argv:
                shown = 0
                for i, e in enumerate(examples):
                    if e["rule"] == rid and ((e["kind"] == "tp" and not rules_of[i]) or
                                             (e["kind"] == "fp" and block_of[i])) and shown < 2:
                        print(f"      {e['kind']} {sorted(block_of[i])} {e['text'][:150]!r}")
                        shown += 1
    if mapping:
        with open(mapping, "w") as f:
            json.dump({rid: [r for r, _ in found_by[rid].most_common(2)] for rid in sorted(per)},
                      f, indent=1)


if __name__ == "__main__":
    main()
