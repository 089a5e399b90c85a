#!/usr/bin/env python3
# Extracts the true and false examples of every gitleaks rule from a gitleaks checkout's rule
# generators (cmd/generate/config/rules/*.go) without a Go toolchain: a small evaluator for the
# expressions those generators use (string literals and `+`, []string{...}, append, the
# utils.* pattern helpers, utils.GenerateSampleSecret(s), secrets.NewSecret(regex), which draws a
# random string from the regex as gitleaks' reggen does). Statements it cannot evaluate (loops,
# helpers it does not know) are skipped and counted, never guessed.
#   gitleaks_examples.py GITLEAKS_CHECKOUT > examples.json
# Output: [{"rule": id, "kind": "tp"|"fp", "text": example}, ...] and, on stderr, the counts.
# GITLEAKS_CHECKOUT is a work tree or a bare/mirror git directory (read with `git show`).
import json, os, random, re, subprocess, sys

try:
    import re._parser as sre_parse
    import re._constants as sre_c
except ImportError:  # Python < 3.11
    import sre_parse
    import sre_constants as sre_c

RNG = random.Random(12)  # fixed: the same checkout gives the same examples


class Unevaluable(Exception):
    pass


# ---- reading the checkout -----------------------------------------------------------------------
def rule_sources(root):
    sub = "cmd/generate/config/rules"
    if os.path.isdir(os.path.join(root, sub)):
        d = os.path.join(root, sub)
        for n in sorted(os.listdir(d)):
            if n.endswith(".go") and not n.endswith("_test.go"):
                yield n, open(os.path.join(d, n), encoding="utf-8").read()
        return
    names = subprocess.run(["git", "-C", root, "ls-tree", "--name-only", f"HEAD:{sub}"],
                           check=True, capture_output=True, text=True).stdout.split()
    for n in sorted(names):
        if n.endswith(".go") and not n.endswith("_test.go"):
            yield n, subprocess.run(["git", "-C", root, "show", f"HEAD:{sub}/{n}"], check=True,
                                    capture_output=True, text=True).stdout


# ---- regex -> random string ---------------------------------------------------------------------
def go_regex_to_python(p):
    p = p.replace(r"\z", r"\Z").replace("(?-i:", "(?-i:")
    p = re.sub(r"\[\[:alnum:\]\]", "[A-Za-z0-9]", p)
    p = re.sub(r"\[:alnum:\]", "A-Za-z0-9", p)
    p = re.sub(r"\[:alpha:\]", "A-Za-z", p)
    p = re.sub(r"\[:digit:\]", "0-9", p)
    p = re.sub(r"\\p\{[A-Za-z]+\}", "a", p)
    return p


def gen_regex(pattern, limit=1):
    try:
        tree = sre_parse.parse(go_regex_to_python(pattern))
    except Exception as e:
        raise Unevaluable(f"regex {pattern!r}: {e}")
    return gen_tree(tree, limit)


CAT = {
    sre_c.CATEGORY_DIGIT: "0123456789",
    sre_c.CATEGORY_WORD: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_",
    sre_c.CATEGORY_SPACE: " ",
    sre_c.CATEGORY_NOT_DIGIT: "abcdefghij",
    sre_c.CATEGORY_NOT_WORD: "-.",
    sre_c.CATEGORY_NOT_SPACE: "abcdefghij0123456789",
}


def gen_in(items):
    chars, negate = [], False
    for op, av in items:
        if op == sre_c.NEGATE:
            negate = True
        elif op == sre_c.LITERAL:
            chars.append(chr(av))
        elif op == sre_c.RANGE:
            chars.extend(chr(c) for c in range(av[0], av[1] + 1))
        elif op == sre_c.CATEGORY:
            chars.extend(CAT.get(av, "a"))
    if negate:
        pool = [c for c in "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
                if c not in chars]
        return RNG.choice(pool or ["a"])
    return RNG.choice(chars or ["a"])


def gen_tree(tree, limit):
    out = []
    for op, av in tree:
        if op == sre_c.LITERAL:
            out.append(chr(av))
        elif op == sre_c.NOT_LITERAL:
            out.append("a" if chr(av) != "a" else "b")
        elif op == sre_c.ANY:
            out.append(RNG.choice("abcdefghijklmnopqrstuvwxyz0123456789"))
        elif op == sre_c.IN:
            out.append(gen_in(av))
        elif op in (sre_c.MAX_REPEAT, sre_c.MIN_REPEAT, getattr(sre_c, "POSSESSIVE_REPEAT", None)):
            lo, hi, sub = av
            if hi == sre_c.MAXREPEAT:
                hi = lo + limit
            n = RNG.randint(lo, hi)
            out.extend(gen_tree(sub, limit) for _ in range(n))
        elif op == sre_c.SUBPATTERN:
            out.append(gen_tree(av[-1], limit))
        elif op == sre_c.BRANCH:
            out.append(gen_tree(RNG.choice(av[1]), limit))
        elif op in (sre_c.AT, sre_c.ASSERT, sre_c.ASSERT_NOT):
            pass
        elif op == getattr(sre_c, "ATOMIC_GROUP", None):
            out.append(gen_tree(av, limit))
        else:
            raise Unevaluable(f"regex construct {op}")
    return "".join(out)


# ---- Go tokens ----------------------------------------------------------------------------------
TOKEN = re.compile(r"""
    (?P<ws>[ \t\r]+) | (?P<nl>\n) | (?P<comment>//[^\n]*|/\*.*?\*/) |
    (?P<raw>`[^`]*`) | (?P<str>"(?:\\.|[^"\\\n])*") | (?P<char>'(?:\\.|[^'\\\n])+') |
    (?P<num>\d+(?:\.\d+)?) | (?P<ident>[A-Za-z_][A-Za-z0-9_]*) |
    (?P<op>\.\.\.|:=|\+=|==|!=|<=|>=|&&|\|\||\+\+|--|[-+*/%=<>!&|^(){}\[\],;.:])
""", re.S | re.X)


def tokenize(src):
    toks, pos = [], 0
    while pos < len(src):
        m = TOKEN.match(src, pos)
        if not m:
            toks.append(("op", src[pos]))
            pos += 1
            continue
        pos = m.end()
        kind = m.lastgroup
        if kind in ("ws",):
            continue
        if kind == "comment":
            if "\n" in m.group() and toks and ends_statement(toks[-1]):
                toks.append(("op", ";"))
            continue
        if kind == "nl":
            if toks and ends_statement(toks[-1]):
                toks.append(("op", ";"))
            continue
        toks.append((kind, m.group()))
    return toks


def ends_statement(t):
    kind, v = t
    return kind in ("ident", "str", "raw", "num", "char") or v in (")", "]", "}", "++", "--")


def go_string(kind, v):
    if kind == "raw":
        return v[1:-1].replace("\r", "")
    body = v[1:-1]
    return re.sub(r"\\(x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|[0-7]{3}|.)",
                  lambda m: unescape(m.group(1)), body)


def unescape(e):
    simple = {"n": "\n", "t": "\t", "r": "\r", "\\": "\\", '"': '"', "'": "'", "a": "\a",
              "b": "\b", "f": "\f", "v": "\v"}
    if e in simple:
        return simple[e]
    if e[0] in "xu":
        return chr(int(e[1:], 16))
    if e[0].isdigit():
        return chr(int(e, 8))
    return e


# ---- evaluator ----------------------------------------------------------------------------------
class Eval:
    def __init__(self, toks, env, helpers):
        self.t, self.i, self.env, self.helpers = toks, 0, env, helpers

    def peek(self, k=0):
        return self.t[self.i + k] if self.i + k < len(self.t) else ("eof", "")

    def take(self, v=None):
        tok = self.peek()
        if v is not None and tok[1] != v:
            raise Unevaluable(f"expected {v}, got {tok[1]}")
        self.i += 1
        return tok

    def expr(self):
        v = self.unary()
        while self.peek()[1] == "+":
            self.take()
            w = self.unary()
            if not isinstance(v, str) or not isinstance(w, str):
                raise Unevaluable("+ on non-strings")
            v = v + w
        return v

    def args(self):
        self.take("(")
        out, spread = [], False
        while self.peek()[1] != ")":
            if self.peek()[0] == "eof":
                raise Unevaluable("eof in call")
            out.append(self.expr())
            if self.peek()[1] == "...":
                self.take()
                spread = True
            if self.peek()[1] == ",":
                self.take()
            while self.peek()[1] == ";":
                self.take()
        self.take(")")
        return out, spread

    def unary(self):
        kind, v = self.peek()
        if kind in ("str", "raw"):
            self.take()
            return go_string(kind, v)
        if kind == "num":
            self.take()
            return v
        if v == "[":  # []string{...}
            self.take("[")
            self.take("]")
            typ = self.take()[1]
            if typ != "string":
                raise Unevaluable(f"[]{typ}")
            return self.brace_list()
        if v == "(":
            self.take()
            e = self.expr()
            self.take(")")
            return e
        if kind == "ident":
            name = self.take()[1]
            while self.peek()[1] == ".":
                self.take()
                name += "." + self.take()[1]
            if self.peek()[1] == "(":
                a, spread = self.args()
                return self.call(name, a, spread)
            if self.peek()[1] == "[":
                raise Unevaluable("indexing")
            if name in self.env:
                return self.env[name]
            raise Unevaluable(f"unknown name {name}")
        raise Unevaluable(f"unexpected {v!r}")

    def brace_list(self):
        self.take("{")
        out = []
        while self.peek()[1] != "}":
            if self.peek()[1] in (",", ";"):
                self.take()
                continue
            if self.peek()[0] == "eof":
                raise Unevaluable("eof in list")
            start = self.i
            try:
                out.append(self.expr())
            except Unevaluable:
                self.i = start
                self.skip_element()
                self.helpers["skipped"] += 1
        self.take("}")
        return out

    def skip_element(self):
        depth = 0
        while True:
            v = self.peek()[1]
            if self.peek()[0] == "eof":
                return
            if v in "([{":
                depth += 1
            elif v in ")]}":
                if depth == 0:
                    return
                depth -= 1
            elif v == "," and depth == 0:
                return
            self.take()

    def call(self, name, a, spread):
        short = name.split(".")[-1]
        pat = {"Numeric": "[0-9]{%s}", "Hex": "[a-f0-9]{%s}", "AlphaNumeric": "[a-z0-9]{%s}",
               "AlphaNumericExtendedShort": "[a-z0-9_-]{%s}",
               "AlphaNumericExtended": "[a-z0-9=_\\-]{%s}",
               "AlphaNumericExtendedLong": "[a-z0-9\\/=_\\+\\-]{%s}"}
        if short in pat and len(a) == 1:
            return pat[short] % a[0]
        if short == "Hex8_4_4_4_12":
            return "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}"
        if short == "NewSecret" and len(a) == 1:
            return gen_regex(a[0])
        if short == "GenerateSampleSecret" and len(a) == 2:
            return f'{a[0]}_api_token = "{a[1]}"'
        if short == "GenerateSampleSecrets" and len(a) == 2:
            return [s.replace("{i}", a[0]).replace("{I}", a[0].upper()).replace("{s}", a[1])
                    for s in self.helpers["samples"]]
        if short == "append" and a:
            base = a[0] if isinstance(a[0], list) else []
            rest = []
            for x in a[1:]:
                rest.extend(x if isinstance(x, list) else [x])
            return base + rest
        if name == "strings.Repeat" and len(a) == 2:
            return a[0] * int(a[1])
        if name in ("strings.ToUpper",) and len(a) == 1:
            return a[0].upper()
        if name in ("strings.ToLower",) and len(a) == 1:
            return a[0].lower()
        if name == "fmt.Sprintf" and a:
            args = list(a[1:])
            return re.sub(r"%[sdv]", lambda m: str(args.pop(0)) if args else "", a[0])
        raise Unevaluable(f"call {name}")


def sample_templates(root):
    """The GenerateSampleSecrets templates, read from the checkout's utils/generate.go."""
    path = "cmd/generate/config/utils/generate.go"
    if os.path.isdir(os.path.join(root, "cmd")):
        src = open(os.path.join(root, path), encoding="utf-8").read()
    else:
        src = subprocess.run(["git", "-C", root, "show", f"HEAD:{path}"], check=True,
                             capture_output=True, text=True).stdout
    body = src[src.index("func GenerateSampleSecrets"):]
    body = body[body.index("map[string]string{"):body.index("replacer")]
    out = []
    for line in body.splitlines():
        line = line.strip()
        if line.startswith("//"):
            continue
        toks = tokenize(line)
        # "name": template,
        if len(toks) >= 3 and toks[0][0] in ("str", "raw") and toks[1][1] == ":":
            out.append(go_string(*toks[2]))
    return out


def functions(src):
    for m in re.finditer(r"^func (\w+)\(\) \*config\.Rule \{\n(.*?)^\}", src, re.S | re.M):
        yield m.group(1), m.group(2)


def statements(toks):
    """Top-level statements of a function body (nested blocks kept whole)."""
    out, cur, depth = [], [], 0
    for tok in toks:
        if tok[1] in "({[" and tok[0] == "op":
            depth += 1
        elif tok[1] in ")}]" and tok[0] == "op":
            depth -= 1
        if tok == ("op", ";") and depth == 0:
            if cur:
                out.append(cur)
            cur = []
            continue
        cur.append(tok)
    if cur:
        out.append(cur)
    return out


def run_function(name, body, helpers):
    rule_id = re.search(r'RuleID:\s*"([^"]+)"', body)
    if not rule_id:
        return None
    env, stats = {}, {"skipped": 0}
    h = dict(helpers, skipped=0)
    toks = tokenize(body)
    for st in statements(toks):
        if st[0][1] == "var" and len(st) > 1 and st[1][1] == "(":
            inner = st[2:-1]
            for sub in statements(inner):
                assign(sub, env, h)
            continue
        if st[0][1] == "var":
            st = st[1:]
        if st[0][1] in ("for", "if", "return", "r", "switch", "func"):
            if st[0][1] in ("for", "if", "switch"):
                h["skipped"] += 1
            continue
        assign(st, env, h)
    ret = re.search(r"utils\.Validate\(\s*\w+\s*,\s*(\w+)\s*,\s*(\w+)\s*\)", body)
    if not ret:
        return None
    tps = env.get(ret.group(1), [])
    fps = env.get(ret.group(2), []) if ret.group(2) != "nil" else []
    return rule_id.group(1), [s for s in tps if isinstance(s, str)], \
        [s for s in fps if isinstance(s, str)], h["skipped"]


def assign(st, env, h):
    # name[, name] := expr  |  name = expr  |  name type = expr
    for i, tok in enumerate(st):
        if tok[1] in (":=", "=") and tok[0] == "op":
            names = [t[1] for t in st[:i] if t[0] == "ident"]
            if not names:
                return
            try:
                ev = Eval(st[i + 1:], env, h)
                v = ev.expr()
                env[names[0]] = v
            except Unevaluable:
                h["skipped"] += 1
            return
        if tok[1] == "+=":
            return


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: gitleaks_examples.py GITLEAKS_CHECKOUT")
    root = sys.argv[1]
    helpers = {"samples": sample_templates(root)}
    out, rules, skipped = [], [], 0
    for fname, src in rule_sources(root):
        for fn, body in functions(src):
            r = run_function(fn, body, helpers)
            if not r:
                continue
            rid, tps, fps, sk = r
            rules.append(rid)
            skipped += sk
            out += [{"rule": rid, "kind": "tp", "text": s} for s in tps]
            out += [{"rule": rid, "kind": "fp", "text": s} for s in fps]
    json.dump(out, sys.stdout, indent=0)
    ntp = sum(1 for e in out if e["kind"] == "tp")
    print(f"{len(set(rules))} rules, {ntp} true and {len(out) - ntp} false examples; "
          f"{skipped} statements or elements not evaluated", file=sys.stderr)


if __name__ == "__main__":
    main()
