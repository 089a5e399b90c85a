#!/usr/bin/env python3
# Block-tier precision on real repositories (issue 12): scan the full history of each repository
# with `custody scan --all --format json`, draw a fixed-seed random sample of the block-tier
# findings, and write a labelling sheet; after a person has labelled it, report the rate.
#
#   real_repo_sample.py sample SHEET.tsv N REPO_GIT_DIR...   [--build BUILD_DIR]
#       scans each repository, prints per-repository counts, writes N sampled findings to
#       SHEET.tsv (repo, commit, path, line, rule, tier, redacted, label, note) with label empty;
#       rows already labelled in SHEET.tsv (same repo, commit, path, line, rule) are kept.
#   real_repo_sample.py context SHEET.tsv REPO_GIT_DIR...
#       prints each unlabelled row's line and two lines around it, for the person labelling.
#   real_repo_sample.py report SHEET.tsv
#       counts labels: tp (a real-looking credential), test (a test/example credential in a
#       credential format), fp (clear false positive: not a credential at all).
#
# The sheet holds only redacted forms (custody's own), never a secret. The repositories are
# fetched by the person measuring and never committed.
import collections, csv, json, os, random, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIELDS = ["repo", "commit", "path", "line", "rule", "tier", "redacted", "label", "note"]


def repo_name(git_dir):
    # /work/.mirror/owner+name/repo -> owner/name
    parts = os.path.abspath(git_dir).rstrip("/").split("/")
    for p in reversed(parts):
        if "+" in p:
            return p.replace("+", "/", 1)
    return parts[-1]


def read_sheet(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def write_sheet(path, rows):
    with open(path, "w", newline="") as f:
        w = csv.DictWriter(f, FIELDS, delimiter="\t", lineterminator="\n")
        w.writeheader()
        for r in rows:
            w.writerow({k: r.get(k, "") for k in FIELDS})


def key(r):
    return (r["repo"], r["commit"], r["path"], str(r["line"]), r["rule"])


def sample(sheet, n, repos, build):
    custody = os.path.join(build, "bin", "custody")
    env = dict(os.environ, CUSTODY_SYSTEM_CONFIG="/nonexistent", GIT_CONFIG_NOSYSTEM="1")
    block = []
    for git_dir in repos:
        out = subprocess.run([custody, "scan", "--repo", git_dir, "--all", "--format", "json"],
                             capture_output=True, env=env)
        if out.returncode not in (0, 1):
            sys.exit(f"{git_dir}: custody scan failed: {out.stderr.decode()}")
        findings = json.loads(out.stdout)
        tiers = collections.Counter(f.get("tier", "block") for f in findings)
        rules = collections.Counter(f["rule"] for f in findings if f.get("tier") == "block")
        print(f"{repo_name(git_dir)}: {len(findings)} findings ({tiers['block']} block, "
              f"{tiers['warn']} warn); {out.stderr.decode().strip().splitlines()[-1]}")
        print("   block by rule:", dict(rules.most_common(8)))
        for f in findings:
            if f.get("tier", "block") == "block":
                block.append({"repo": repo_name(git_dir), "commit": f["commit"], "path": f["path"],
                              "line": f["line"], "rule": f["rule"], "tier": f.get("tier", "block"),
                              "redacted": f["redacted"]})
    print(f"block-tier findings in all: {len(block)}")
    old = {key(r): r for r in read_sheet(sheet)}
    picked = random.Random(12).sample(block, min(n, len(block)))
    rows = [old.get(key(r), r) for r in picked]
    write_sheet(sheet, rows)


def context(sheet, repos):
    dirs = {repo_name(d): d for d in repos}
    for r in read_sheet(sheet):
        if r["label"] or r["repo"] not in dirs:
            continue
        text = subprocess.run(["git", "--git-dir", dirs[r["repo"]], "show",
                               f"{r['commit']}:{r['path']}"], capture_output=True).stdout
        lines = text.decode(errors="replace").splitlines()
        n = int(r["line"])
        print(f"== {r['repo']} {r['commit'][:12]} {r['path']}:{n} {r['rule']} {r['redacted']}")
        for i in range(max(1, n - 2), min(len(lines), n + 2) + 1):
            print(f"   {i:5}{'>' if i == n else ' '} {lines[i - 1][:220]}")


def report(sheet):
    rows = read_sheet(sheet)
    labels = collections.Counter(r["label"] for r in rows)
    labelled = sum(v for k, v in labels.items() if k)
    print(f"{len(rows)} sampled block-tier findings, {labelled} labelled: {dict(labels)}")
    if labelled:
        print(f"clear false positives: {labels['fp']}/{labelled} = "
              f"{100 * labels['fp'] / labelled:.1f}%")
    by_rule = collections.Counter((r["rule"], r["label"]) for r in rows)
    for (rule, label), c in sorted(by_rule.items()):
        print(f"   {rule:40} {label or '-':5} {c}")


def main():
    args = sys.argv[1:]
    build = os.path.join(HERE, "..", "..", "build")
    if "--build" in args:
        build = args[args.index("--build") + 1]
        del args[args.index("--build"):args.index("--build") + 2]
    if len(args) >= 4 and args[0] == "sample":
        sample(args[1], int(args[2]), args[3:], build)
    elif len(args) >= 3 and args[0] == "context":
        context(args[1], args[2:])
    elif len(args) == 2 and args[0] == "report":
        report(args[1])
    else:
        sys.exit(__doc__ or "see the header of this script")


if __name__ == "__main__":
    main()
