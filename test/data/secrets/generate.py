#!/usr/bin/env python3
"""Writes the labelled secret-scanning corpus (files/ and labels.json) used by
test/unit/secrets/corpus_quality_test.cpp. Run once and commit the output; the test never
generates anything. Every credential is synthetic (a fixed-seed PRNG) but has the published
format of its provider, checksums included where the provider publishes one. Decoys are what
naive scanners flag: UUIDs, git SHAs, checksums, lock-file integrity strings, base64 images,
placeholders, documentation examples, test fixtures marked with custody:allow, random ids.

Labels: {"positives": [{file, line, family}], "decoys": [{file, line, kind}]}; `family` is a
rule-id prefix ("aws", "private-key", ...), several separated by '|'; `line` is the line of the
secret's first character.
"""
import base64
import json
import os
import random
import shutil
import zlib

R = random.Random(20261124)
HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "files")
UP, LO, DI = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz", "0123456789"
ALNUM = UP + LO + DI
HEX = "0123456789abcdef"
B64 = ALNUM + "+/"
B64URL = ALNUM + "-_"


def rnd(alphabet, n):
    return "".join(R.choice(alphabet) for _ in range(n))


def password(n=16):
    # a human-ish strong password: letters, digits, a symbol
    s = list(rnd(ALNUM, n - 2) + R.choice(DI) + R.choice("!@#%^*+=?~"))
    R.shuffle(s)
    return "".join(s)


def base62(v, width):
    out = ""
    while True:
        out = ALPH62[v % 62] + out
        v //= 62
        if v == 0:
            break
    return out.rjust(width, "0")


ALPH62 = DI + UP + LO


def crc_token(prefix):
    body = rnd(ALNUM, 30)
    return prefix + body + base62(zlib.crc32(body.encode()) & 0xFFFFFFFF, 6)


def b64url(data):
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def jwt():
    header = b64url(b'{"alg":"HS256","typ":"JWT"}')
    payload = b64url(json.dumps({"sub": str(R.randint(10**5, 10**6)), "iat": R.randint(1.6e9, 1.8e9),
                                 "role": "service"}).encode())
    return f"{header}.{payload}.{rnd(B64URL, 43)}"


def pem_body(lines, first="MII"):
    out = [first + rnd(B64, 64 - len(first))]
    out += [rnd(B64, 64) for _ in range(lines - 1)]
    return out


def uuid():
    h = rnd(HEX, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{R.choice('89ab')}{h[17:20]}-{h[20:32]}"


def aws_id(prefix="AKIA"):
    return prefix + rnd(UP + "234567", 16)


# --- token makers, by family -----------------------------------------------------------------
T = {
    "aws_id": aws_id,
    "aws_secret": lambda: rnd(B64, 40),
    "gcp_api": lambda: "AIza" + rnd(B64URL, 35),
    "gcp_oauth": lambda: "GOCSPX-" + rnd(B64URL, 28),
    "azure_storage": lambda: rnd(B64, 86) + "==",
    "azure_ad": lambda: rnd(ALNUM, 3) + R.choice(DI) + "Q~" + rnd(ALNUM + "_~.-", 34),
    "do_pat": lambda: "dop_v1_" + rnd(HEX, 64),
    "ghp": lambda: crc_token("ghp_"),
    "gho": lambda: crc_token("gho_"),
    "ghs": lambda: crc_token("ghs_"),
    "gh_fine": lambda: "github_pat_" + rnd(ALNUM, 22) + "_" + rnd(ALNUM, 59),
    "glpat": lambda: "glpat-" + rnd(ALNUM + "_-", 20),
    "glrt": lambda: "glrt-" + rnd(ALNUM + "_-", 20),
    "gldt": lambda: "gldt-" + rnd(ALNUM + "_-", 20),
    "atbb": lambda: "ATBB" + rnd(ALNUM, 32),
    "openai_proj": lambda: "sk-proj-" + rnd(B64URL, 74) + "T3BlbkFJ" + rnd(B64URL, 74),
    "openai": lambda: "sk-" + rnd(ALNUM, 20) + "T3BlbkFJ" + rnd(ALNUM, 20),
    "anthropic": lambda: "sk-ant-api03-" + rnd(B64URL, 93) + "AA",
    "hf": lambda: "hf_" + rnd(UP + LO, 34),
    "stripe_live": lambda: "sk_live_" + rnd(ALNUM, 24 + R.randint(0, 75)),
    "stripe_rk": lambda: "rk_live_" + rnd(ALNUM, 24 + R.randint(0, 75)),
    "whsec": lambda: "whsec_" + rnd(ALNUM, 32),
    "square": lambda: "EAAA" + rnd(B64URL, 60),
    "shpat": lambda: "shpat_" + rnd(HEX, 32),
    "xoxb": lambda: f"xoxb-{rnd(DI, 12)}-{rnd(DI, 13)}-{rnd(ALNUM, 24)}",
    "xoxp": lambda: f"xoxp-{rnd(DI, 12)}-{rnd(DI, 12)}-{rnd(DI, 12)}-{rnd(HEX, 32)}",
    "slack_hook": lambda: f"https://hooks.slack.com/services/T{rnd(UP + DI, 8)}/B{rnd(UP + DI, 10)}/{rnd(ALNUM, 24)}",
    "twilio_sk": lambda: "SK" + rnd(HEX, 32),
    "twilio_auth": lambda: rnd(HEX, 32),
    "sendgrid": lambda: "SG." + rnd(B64URL, 22) + "." + rnd(B64URL, 43),
    "mailgun": lambda: "key-" + rnd(HEX, 32),
    "discord_bot": lambda: R.choice("MNO") + rnd(B64URL, 23) + "." + rnd(B64URL, 6) + "." + rnd(B64URL, 38),
    "discord_hook": lambda: f"https://discord.com/api/webhooks/{rnd(DI, 18)}/{rnd(B64URL, 68)}",
    "telegram": lambda: f"{rnd('123456789', 1)}{rnd(DI, 9)}:AA{rnd(B64URL, 33)}",
    "npm": lambda: crc_token("npm_"),
    "pypi": lambda: "pypi-AgEIcHlwaS5vcmc" + rnd(B64URL, 140),
    "rubygems": lambda: "rubygems_" + rnd(HEX, 48),
    "nuget": lambda: "oy2" + rnd(LO + DI, 43),
    "dckr": lambda: "dckr_pat_" + rnd(B64URL, 27),
    "jwt": jwt,
    "nrak": lambda: "NRAK-" + rnd(UP + DI, 27),
    "sntryu": lambda: "sntryu_" + rnd(HEX, 64),
    "glsa": lambda: "glsa_" + rnd(ALNUM, 32) + "_" + rnd(HEX, 8),
    "hvs": lambda: "hvs." + rnd(B64URL, 96),
    "tfe": lambda: rnd(ALNUM, 14) + ".atlasv1." + rnd(B64URL, 67),
    "linear": lambda: "lin_api_" + rnd(ALNUM, 40),
    "figma": lambda: "figd_" + rnd(B64URL, 40),
    "pmak": lambda: f"PMAK-{rnd(HEX, 24)}-{rnd(HEX, 34)}",
    "age": lambda: "AGE-SECRET-KEY-1" + rnd("QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L", 58),
    "wg": lambda: rnd(B64, 42) + R.choice("AEIMQUYcgkosw480") + "=",
    "laravel": lambda: "base64:" + rnd(B64, 43) + "=",
    "datadog": lambda: rnd(HEX, 32),
    "mailchimp": lambda: rnd(HEX, 32) + "-us" + str(R.randint(1, 21)),
    "azdo": lambda: rnd(LO + "234567", 52),
    "cloudflare": lambda: rnd(B64URL, 40),
    "doppler": lambda: "dp.st.prd." + rnd(ALNUM, 43),
}


class File:
    def __init__(self, path):
        self.path = path
        self.lines = []
        self.pos = []   # (line, family)
        self.dec = []   # (line, kind)

    def add(self, text="", family=None, decoy=None):
        for i, ln in enumerate(text.split("\n")):
            self.lines.append(ln)
            n = len(self.lines)
            if i == 0 and family:
                self.pos.append((n, family))
            if i == 0 and decoy:
                self.dec.append((n, decoy))
        return self

    def pem(self, kind, family, lines=6, headers=()):
        self.add(f"-----BEGIN {kind}-----")
        for h in headers:
            self.add(h)
        if headers:
            self.add("")
        body = pem_body(lines)
        self.add(body[0], family)
        for b in body[1:]:
            self.add(b)
        self.add(rnd(B64, 20) + "==")
        self.add(f"-----END {kind}-----")


FILES = []


def new(path):
    f = File(path)
    FILES.append(f)
    return f


# ---------------------------------------------------------------------------------------------
def env_files():
    f = new("webapp/.env")
    f.add("# production settings for the web app; loaded by dotenv")
    f.add("NODE_ENV=production")
    f.add("PORT=3000")
    f.add("LOG_LEVEL=info")
    f.add(f"REQUEST_ID_SEED={uuid()}", decoy="uuid")
    f.add(f"STRIPE_SECRET_KEY={T['stripe_live']()}", "stripe")
    f.add(f"STRIPE_PUBLISHABLE_KEY=pk_live_{rnd(ALNUM, 99)}", decoy="public-key")
    f.add(f"STRIPE_WEBHOOK_SECRET={T['whsec']()}", "stripe")
    f.add(f"DATABASE_URL=postgres://webapp:{password(20)}@db.internal.acme.io:5432/webapp", "postgres")
    f.add(f"REDIS_URL=rediss://default:{password(24)}@cache.internal.acme.io:6380/0", "redis")
    f.add(f"SENDGRID_API_KEY={T['sendgrid']()}", "sendgrid")
    f.add(f"SESSION_SECRET={rnd(ALNUM, 48)}", "env-file|generic")
    f.add(f"GITHUB_TOKEN={T['ghp']()}", "github")
    f.add(f"OPENAI_API_KEY={T['openai_proj']()}", "openai")
    f.add(f"ANTHROPIC_API_KEY={T['anthropic']()}", "anthropic")
    f.add(f"SENTRY_RELEASE={rnd(HEX, 40)}", decoy="git-sha")
    f.add("FEATURE_FLAGS=new-checkout,dark-mode")

    f = new("webapp/.env.example")
    f.add("# copy to .env and fill in; never commit real values")
    f.add("STRIPE_SECRET_KEY=sk_live_xxxxxxxxxxxxxxxxxxxxxxxx", decoy="placeholder")
    f.add("STRIPE_WEBHOOK_SECRET=whsec_XXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", decoy="placeholder")
    f.add("DATABASE_URL=postgres://user:password@localhost:5432/webapp", decoy="placeholder")
    f.add("REDIS_URL=redis://localhost:6379/0", decoy="no-credential")
    f.add("SENDGRID_API_KEY=<your-sendgrid-key>", decoy="placeholder")
    f.add("SESSION_SECRET=changeme", decoy="placeholder")
    f.add("GITHUB_TOKEN=${GITHUB_TOKEN}", decoy="placeholder")
    f.add("OPENAI_API_KEY=your-openai-api-key-here", decoy="placeholder")
    f.add("ANTHROPIC_API_KEY=", decoy="empty")

    f = new("services/billing/.env.production")
    f.add(f"export AWS_ACCESS_KEY_ID={T['aws_id']()}", "aws")
    f.add(f"export AWS_SECRET_ACCESS_KEY={T['aws_secret']()}", "aws")
    f.add("export AWS_REGION=eu-west-1")
    f.add(f"export SQUARE_ACCESS_TOKEN={T['square']()}", "square")
    f.add(f"export TWILIO_ACCOUNT_SID=AC{rnd(HEX, 32)}")
    f.add(f"export TWILIO_AUTH_TOKEN={T['twilio_auth']()}", "twilio")
    f.add(f"export MAILGUN_API_KEY={T['mailgun']()}", "mailgun")
    f.add(f"export DD_API_KEY={T['datadog']()}", "datadog")
    f.add(f"export RAILS_MASTER_KEY={rnd(HEX, 32)}", "rails")
    f.add(f"export BILLING_DB_PASSWORD={password(18)}", "env-file|generic")

    f = new("laravel/.env")
    f.add("APP_NAME=Shop")
    f.add("APP_ENV=production")
    f.add(f"APP_KEY={T['laravel']()}", "laravel")
    f.add("APP_DEBUG=false")
    f.add("DB_CONNECTION=mysql")
    f.add("DB_HOST=127.0.0.1")
    f.add(f"DB_PASSWORD={password(16)}", "env-file|generic")
    f.add(f"MAILCHIMP_KEY={T['mailchimp']()}", "mailchimp")
    f.add("MAIL_PASSWORD=null", decoy="null")


def python_files():
    f = new("backend/settings/production.py")
    f.add('"""Django settings for production."""')
    f.add("import os")
    f.add("")
    f.add(f"SECRET_KEY = 'django-insecure-{rnd(ALNUM + '!@#%^&*(-_=+)', 50)}'", "django|generic")
    f.add("DEBUG = False")
    f.add('ALLOWED_HOSTS = ["shop.acme.io"]')
    f.add("DATABASES = {")
    f.add("    'default': {")
    f.add("        'ENGINE': 'django.db.backends.postgresql',")
    f.add("        'NAME': 'shop',")
    f.add("        'USER': 'shop',")
    f.add(f"        'PASSWORD': '{password(20)}',", "generic")
    f.add("        'HOST': 'db.internal',")
    f.add("    }")
    f.add("}")
    f.add(f"AWS_ACCESS_KEY_ID = '{T['aws_id']()}'", "aws")
    f.add(f"AWS_SECRET_ACCESS_KEY = '{T['aws_secret']()}'", "aws")
    f.add("AWS_STORAGE_BUCKET_NAME = 'acme-shop-media'")
    f.add("EMAIL_HOST_PASSWORD = os.environ['EMAIL_HOST_PASSWORD']", decoy="env-lookup")
    f.add("CSRF_COOKIE_SECURE = True")
    f.add("PASSWORD_RESET_TIMEOUT = 259200", decoy="code")
    f.add("AUTH_PASSWORD_VALIDATORS = [{'NAME': 'django.contrib.auth.password_validation.MinimumLengthValidator'}]", decoy="code")

    f = new("ml/train.py")
    f.add("import openai")
    f.add("from huggingface_hub import login")
    f.add("")
    f.add(f'login(token="{T["hf"]()}")', "huggingface|generic")
    f.add(f'openai.api_key = "{T["openai"]()}"', "openai")
    f.add(f'WANDB_API_KEY = "{rnd(HEX, 40)}"', "wandb|generic")
    f.add('RUN_ID = "' + uuid() + '"', decoy="uuid")
    f.add('MODEL_SHA = "' + rnd(HEX, 40) + '"', decoy="git-sha")
    f.add("def load(path):")
    f.add('    token = os.getenv("HF_TOKEN")', decoy="env-lookup")
    f.add('    api_key = get_secret("openai/api-key")', decoy="code")
    f.add("    return path")

    f = new("tools/slack_notify.py")
    f.add("import requests")
    f.add(f'SLACK_WEBHOOK = "{T["slack_hook"]()}"', "slack")
    f.add(f'SLACK_BOT_TOKEN = "{T["xoxb"]()}"', "slack")
    f.add(f'USER_TOKEN = "{T["xoxp"]()}"', "slack")
    f.add('DEFAULT_CHANNEL = "C0' + rnd(UP + DI, 9) + '"', decoy="random-id")
    f.add("def notify(text):")
    f.add('    requests.post(SLACK_WEBHOOK, json={"text": text}, timeout=5)')

    f = new("tests/fixtures/tokens.py")
    f.add('"""Fixtures for the token parser tests: synthetic, never valid anywhere."""')
    f.add(f'GITHUB_FIXTURE = "{T["ghp"]()}"  # custody:allow test fixture', decoy="fixture-allowed")
    f.add(f'STRIPE_FIXTURE = "{T["stripe_live"]()}"  # gitleaks:allow', decoy="fixture-allowed")
    f.add(f'SLACK_FIXTURE = "{T["xoxb"]()}"  # custody:allow', decoy="fixture-allowed")
    f.add(f'AWS_FIXTURE = "{aws_id()}"  # custody:allow fixture', decoy="fixture-allowed")
    f.add('EXAMPLE_KEY = "AKIAIOSFODNN7EXAMPLE"', decoy="aws-example")
    f.add('EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"', decoy="aws-example")


def js_files():
    f = new("frontend/src/payments.js")
    f.add("// server-side payment helpers")
    f.add(f"const stripe = require('stripe')('{T['stripe_rk']()}');", "stripe")
    f.add(f"const paypalClientSecret = '{rnd(B64URL, 80)}';", "paypal|generic")
    f.add(f"const SHOPIFY_TOKEN = '{T['shpat']()}';", "shopify")
    f.add("const customerId = 'cus_" + rnd(ALNUM, 14) + "';", decoy="random-id")
    f.add("const paymentIntent = 'pi_" + rnd(ALNUM, 24) + "';", decoy="random-id")
    f.add("const apiKey = process.env.PAYMENTS_API_KEY;", decoy="env-lookup")
    f.add("const password = req.body.password;", decoy="code")
    f.add("const passwordField = 'password_confirmation';", decoy="code")
    f.add("const token = localStorage.getItem('token');", decoy="code")
    f.add("const nonce = '" + rnd(ALNUM, 32) + "';", decoy="random-id")
    f.add("module.exports = { stripe };")

    f = new("frontend/src/config.ts")
    f.add("export const config = {")
    f.add(f"  mapboxToken: 'sk.eyJ1Ijoi{rnd(B64URL, 40)}.{rnd(B64URL, 22)}',", "mapbox")
    f.add(f"  sentryToken: '{T['sntryu']()}',", "sentry")
    f.add(f"  linearKey: '{T['linear']()}',", "linear")
    f.add(f"  figmaToken: '{T['figma']()}',", "figma")
    f.add(f"  postmanKey: '{T['pmak']()}',", "postman")
    f.add("  buildId: '" + rnd(HEX, 40) + "',", decoy="git-sha")
    f.add("  sessionId: '" + uuid() + "',", decoy="uuid")
    f.add("  apiBase: 'https://api.acme.io/v2',")
    f.add("  apiKey: 'YOUR_API_KEY',", decoy="placeholder")
    f.add("  authToken: '<token>',", decoy="placeholder")
    f.add("};")

    f = new("frontend/src/auth.test.js")
    f.add("// unit tests for the JWT middleware")
    f.add(f"const validJwt = '{T['jwt']()}';", "jwt|generic")
    f.add("const malformed = 'eyJhbGciOi.not-a-jwt';", decoy="malformed")
    f.add("const hashed = '$2b$12$" + rnd(B64URL.replace("-", ".").replace("_", "/"), 53) + "'; // bcrypt of 'hunter2'", decoy="password-hash")

    f = new("frontend/public/logo.html")
    f.add("<!doctype html>")
    for i in range(3):
        f.add(f'<img alt="logo {i}" src="data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAA{rnd(B64, 400)}=">', decoy="base64-image")
    f.add(f'<link rel="stylesheet" href="/app.css" integrity="sha384-{rnd(B64, 64)}" crossorigin="anonymous">', decoy="integrity")
    f.add(f'<script src="/app.js" integrity="sha256-{rnd(B64, 43)}=" ></script>', decoy="integrity")


def go_files():
    f = new("cmd/bot/main.go")
    f.add("package main")
    f.add("")
    f.add('import "os"')
    f.add("")
    f.add("const (")
    f.add(f'\ttelegramToken = "{T["telegram"]()}"', "telegram")
    f.add(f'\tdiscordToken  = "{T["discord_bot"]()}"', "discord")
    f.add(f'\tdiscordHook   = "{T["discord_hook"]()}"', "discord")
    f.add(f'\tgithubApp     = "{T["ghs"]()}"', "github")
    f.add(f'\tapiKey        = "{password(32)}"', "generic")
    f.add('\tbuildCommit   = "' + rnd(HEX, 40) + '"', decoy="git-sha")
    f.add('\ttraceID       = "' + rnd(HEX, 32) + '"', decoy="random-id")
    f.add(")")
    f.add("")
    f.add("func token() string { return os.Getenv(\"BOT_TOKEN\") }", decoy="env-lookup")

    f = new("go.sum")
    for mod in ["github.com/stretchr/testify v1.8.4", "golang.org/x/crypto v0.17.0", "golang.org/x/net v0.19.0",
                "github.com/google/uuid v1.5.0", "gopkg.in/yaml.v3 v3.0.1", "github.com/spf13/cobra v1.8.0"]:
        f.add(f"{mod} h1:{rnd(B64, 43)}=", decoy="go-sum")
        f.add(f"{mod}/go.mod h1:{rnd(B64, 43)}=", decoy="go-sum")


def yaml_files():
    f = new("deploy/helm/values-prod.yaml")
    f.add("replicaCount: 3")
    f.add("image:")
    f.add("  repository: registry.acme.io/shop")
    f.add(f"  digest: sha256:{rnd(HEX, 64)}", decoy="sha256")
    f.add("datadog:")
    f.add(f"  apiKey: {T['datadog']()}", "datadog|generic")
    f.add("newrelic:")
    f.add(f"  licenseKey: {T['nrak']()}", "newrelic")
    f.add("postgresql:")
    f.add("  auth:")
    f.add(f'    password: "{password(22)}"', "generic")
    f.add('    existingSecret: ""')
    f.add("grafana:")
    f.add(f"  serviceAccountToken: {T['glsa']()}", "grafana")
    f.add("podAnnotations:")
    f.add(f"  checksum/config: {rnd(HEX, 64)}", decoy="sha256")
    f.add(f"  deploy-id: {uuid()}", decoy="uuid")

    f = new("deploy/k8s/secret.yaml")
    f.add("apiVersion: v1")
    f.add("kind: Secret")
    f.add("metadata:")
    f.add("  name: shop-db")
    f.add("type: Opaque")
    f.add("data:")
    f.add(f"  password: {base64.b64encode(password(20).encode()).decode()}", "kubernetes")

    f = new("deploy/k8s/configmap.yaml")
    f.add("apiVersion: v1")
    f.add("kind: ConfigMap")
    f.add("metadata:")
    f.add("  name: shop-config")
    f.add("data:")
    f.add(f"  request-id-salt: {uuid()}", decoy="uuid")
    f.add("  password-policy: min-length-12", decoy="config-word")
    f.add("  token-ttl: 3600s", decoy="config-word")

    f = new("deploy/kubeconfig")
    f.add("apiVersion: v1")
    f.add("clusters:")
    f.add("- cluster:")
    f.add(f"    certificate-authority-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t{rnd(B64, 200)}", decoy="ca-certificate")
    f.add("    server: https://k8s.acme.io:6443")
    f.add("  name: prod")
    f.add("users:")
    f.add("- name: admin")
    f.add("  user:")
    f.add(f"    client-certificate-data: LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t{rnd(B64, 200)}", decoy="certificate")
    f.add(f"    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo{rnd(B64, 200)}", "kubeconfig")
    f.add("- name: ci")
    f.add("  user:")
    f.add(f"    token: {rnd(B64URL, 52)}", "kubeconfig")

    f = new("docker-compose.yml")
    f.add("services:")
    f.add("  db:")
    f.add("    image: postgres:16@sha256:" + rnd(HEX, 64), decoy="sha256")
    f.add("    environment:")
    f.add(f"      POSTGRES_PASSWORD: {password(18)}", "generic|env-file")
    f.add("  mongo:")
    f.add("    image: mongo:7")
    f.add("    environment:")
    f.add(f'      MONGO_URL: "mongodb+srv://shop:{password(16)}@cluster0.x1y2z.mongodb.net/shop"', "mongodb")
    f.add("  queue:")
    f.add(f"    command: celery -b amqp://shop:{password(16)}@rabbit:5672// worker", "amqp")
    f.add("  dev-db:")
    f.add("    environment:")
    f.add("      POSTGRES_PASSWORD: ${POSTGRES_PASSWORD:-postgres}", decoy="placeholder")

    f = new("ansible/inventory/group_vars/all.yml")
    f.add("ansible_user: deploy")
    f.add(f"ansible_become_password: {password(16)}", "ansible|generic")
    f.add('db_password: "{{ vault_db_password }}"', decoy="placeholder")
    f.add("api_token: !vault |", decoy="vault-ref")
    f.add("  $ANSIBLE_VAULT;1.1;AES256")
    f.add("  " + rnd(DI + "abcdef", 80), decoy="vault-ciphertext")

    f = new("config/application.yml")
    f.add("spring:")
    f.add("  datasource:")
    f.add(f"    url: jdbc:postgresql://db.acme.io:5432/orders?user=orders&password={password(16)}", "jdbc|postgres")
    f.add("  mail:")
    f.add("    host: smtp.sendgrid.net")
    f.add(f"    password: '{T['sendgrid']()}'", "sendgrid")
    f.add("  security:")
    f.add("    oauth2:")
    f.add("      client:")
    f.add("        registration:")
    f.add("          google:")
    f.add(f"            client-secret: {T['gcp_oauth']()}", "gcp")
    f.add("            client-id: 1234567890-" + rnd(LO + DI, 32) + ".apps.googleusercontent.com", decoy="public-id")
    f.add("management:")
    f.add("  endpoint.health.show-details: always")


def json_files():
    f = new("secrets/gcp-sa.json")
    f.add("{")
    f.add('  "type": "service_account",')
    f.add('  "project_id": "acme-prod-42",')
    f.add(f'  "private_key_id": "{rnd(HEX, 40)}",', "gcp")
    body = "\\n".join(pem_body(5))
    f.add(f'  "private_key": "-----BEGIN PRIVATE KEY-----\\n{body}\\n-----END PRIVATE KEY-----\\n",', "gcp|private-key")
    f.add('  "client_email": "deployer@acme-prod-42.iam.gserviceaccount.com",')
    f.add('  "client_id": "' + rnd(DI, 21) + '",', decoy="public-id")
    f.add('  "auth_uri": "https://accounts.google.com/o/oauth2/auth"')
    f.add("}")

    f = new("home/.docker/config.json")
    f.add("{")
    f.add('  "auths": {')
    f.add('    "registry.acme.io": {')
    auth = base64.b64encode(f"deploy:{password(20)}".encode()).decode()
    f.add(f'      "auth": "{auth}"', "docker")
    f.add("    },")
    f.add('    "https://index.docker.io/v1/": {')
    f.add(f'      "auth": "{base64.b64encode(("ci:" + T["dckr"]()).encode()).decode()}"', "docker")
    f.add("    }")
    f.add("  }")
    f.add("}")

    f = new("webapp/package-lock.json")
    f.add("{")
    f.add('  "name": "webapp",')
    f.add('  "lockfileVersion": 3,')
    f.add('  "packages": {')
    for pkg in ["react", "react-dom", "lodash", "express", "axios", "jsonwebtoken", "bcrypt", "dotenv", "stripe",
                "uuid", "zod", "pg"]:
        f.add(f'    "node_modules/{pkg}": {{ "version": "1.{R.randint(0, 20)}.{R.randint(0, 9)}",')
        f.lines[-1] += f' "resolved": "https://registry.npmjs.org/{pkg}/-/{pkg}-1.0.0.tgz",'
        f.add(f'      "integrity": "sha512-{rnd(B64, 86)}==" }},', decoy="integrity")
    f.add('    "": {}')
    f.add("  }")
    f.add("}")

    f = new("data/fixtures/orders.json")
    f.add("[")
    for i in range(12):
        f.add(f'  {{"id": "{uuid()}", "customer": "cus_{rnd(ALNUM, 14)}", "sku": "SKU-{rnd(UP + DI, 8)}"}},', decoy="uuid")
    f.add(f'  {{"id": "{uuid()}", "token": "tok_visa", "last4": "4242"}}', decoy="test-card")
    f.add("]")

    f = new("i18n/en.json")
    f.add("{")
    f.add('  "password": "Password",', decoy="i18n")
    f.add('  "password_hint": "At least 12 characters",', decoy="i18n")
    f.add('  "token_expired": "Your session has expired",', decoy="i18n")
    f.add('  "api_key_label": "API key",', decoy="i18n")
    f.add('  "secret_question": "What was your first pet?"', decoy="i18n")
    f.add("}")


def infra_files():
    f = new("terraform/main.tf")
    f.add('provider "aws" {')
    f.add('  region     = "us-east-1"')
    f.add(f'  access_key = "{T["aws_id"]()}"', "aws")
    f.add(f'  secret_key = "{T["aws_secret"]()}"', "aws")
    f.add("}")
    f.add("")
    f.add('provider "digitalocean" {')
    f.add(f'  token = "{T["do_pat"]()}"', "digitalocean")
    f.add("}")
    f.add("")
    f.add('provider "cloudflare" {')
    f.add(f'  api_token = "{T["cloudflare"]()}"', "cloudflare|generic")
    f.add("}")
    f.add("")
    f.add('resource "aws_db_instance" "main" {')
    f.add('  engine   = "postgres"')
    f.add(f'  password = "{password(24)}"', "generic")
    f.add('  username = "app"')
    f.add("}")
    f.add('variable "db_password" {')
    f.add("  type      = string")
    f.add("  sensitive = true")
    f.add("}")
    f.add('resource "aws_db_instance" "replica" {')
    f.add("  password = var.db_password", decoy="variable-ref")
    f.add('  kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/' + uuid() + '"', decoy="uuid")
    f.add("}")

    f = new("terraform/.terraform.lock.hcl")
    f.add("# This file is maintained automatically by \"terraform init\".")
    for prov in ["hashicorp/aws", "digitalocean/digitalocean", "cloudflare/cloudflare"]:
        f.add(f'provider "registry.terraform.io/{prov}" {{')
        f.add('  version = "5.31.0"')
        f.add("  hashes = [")
        f.add(f'    "h1:{rnd(B64, 43)}=",', decoy="lock-hash")
        for _ in range(3):
            f.add(f'    "zh:{rnd(HEX, 64)}",', decoy="lock-hash")
        f.add("  ]")
        f.add("}")

    f = new("home/.terraformrc")
    f.add('credentials "app.terraform.io" {')
    f.add(f'  token = "{T["tfe"]()}"', "terraform")
    f.add("}")

    f = new("infra/vault.hcl")
    f.add('storage "raft" { path = "/vault/data" }')
    f.add(f'# root token for bootstrap: {T["hvs"]()}', "vault")

    f = new("infra/wg0.conf")
    f.add("[Interface]")
    f.add(f"PrivateKey = {T['wg']()}", "wireguard")
    f.add("Address = 10.8.0.1/24")
    f.add("[Peer]")
    f.add(f"PublicKey = {rnd(B64, 43)}=", decoy="public-key")

    f = new("infra/age-keys.txt")
    f.add("# created: 2026-01-02T03:04:05Z")
    f.add(f"# public key: age1{rnd('qpzry9x8gf2tvdw0s3jn54khce6mua7l', 58)}", decoy="public-key")
    f.add(T["age"](), "age")

    f = new("infra/azure/storage.env")
    f.add(f"AZURE_STORAGE_CONNECTION_STRING=DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey={T['azure_storage']()};EndpointSuffix=core.windows.net", "azure")
    f.add(f"AZURE_CLIENT_SECRET={T['azure_ad']()}", "azure")
    f.add(f"AZURE_TENANT_ID={uuid()}", decoy="uuid")
    f.add(f"AZURE_CLIENT_ID={uuid()}", decoy="uuid")
    f.add(f"BACKUP_URL=https://acmeprod.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&st=2026-01-01T00:00:00Z&spr=https&sig={rnd(ALNUM, 43)}%3D", "azure")
    f.add(f"AZURE_DEVOPS_PAT={T['azdo']()}", "azure")

    f = new("infra/gcp.tfvars")
    f.add(f'maps_api_key = "{T["gcp_api"]()}"', "gcp|generic")
    f.add('project      = "acme-prod-42"')


def ci_files():
    f = new(".github/workflows/deploy.yml")
    f.add("name: deploy")
    f.add("on: [push]")
    f.add("jobs:")
    f.add("  deploy:")
    f.add("    runs-on: ubuntu-latest")
    f.add("    steps:")
    f.add(f"      - uses: actions/checkout@{rnd(HEX, 40)} # v4.1.1", decoy="git-sha")
    f.add(f"      - uses: actions/setup-node@{rnd(HEX, 40)} # v4", decoy="git-sha")
    f.add(f"      - uses: docker/login-action@{rnd(HEX, 40)}", decoy="git-sha")
    f.add("        with:")
    f.add("          username: acmeci")
    f.add("          password: ${{ secrets.DOCKERHUB_TOKEN }}", decoy="placeholder")
    f.add("      - run: npm publish")
    f.add("        env:")
    f.add("          NODE_AUTH_TOKEN: ${{ secrets.NPM_TOKEN }}", decoy="placeholder")
    f.add("      - run: |")
    f.add(f"          echo {T['dckr']()} | docker login -u acmeci --password-stdin", "dockerhub")
    f.add(f"          curl -X POST -H 'Content-type: application/json' --data '{{\"text\":\"deployed\"}}' {T['slack_hook']()}", "slack")

    f = new(".gitlab-ci.yml")
    f.add("stages: [build, release]")
    f.add("variables:")
    f.add(f'  RELEASE_TOKEN: "{T["glpat"]()}"', "gitlab")
    f.add(f'  DEPLOY_TOKEN: "{T["gldt"]()}"', "gitlab")
    f.add("  DOCKER_DRIVER: overlay2")
    f.add("release:")
    f.add("  script:")
    f.add('    - curl --header "PRIVATE-TOKEN: $GITLAB_TOKEN" https://gitlab.acme.io/api/v4/projects', decoy="variable-ref")
    f.add(f"    - gitlab-runner register --token {T['glrt']()}", "gitlab")

    f = new("bitbucket-pipelines.yml")
    f.add("pipelines:")
    f.add("  default:")
    f.add("    - step:")
    f.add("        script:")
    f.add(f"          - git push https://acme-bot:{T['atbb']()}@bitbucket.org/acme/shop.git", "bitbucket|http-url")
    f.add(f"          - export SONAR_TOKEN=$SONAR_TOKEN", decoy="variable-ref")

    f = new(".circleci/config.yml")
    f.add("version: 2.1")
    f.add("jobs:")
    f.add("  publish:")
    f.add("    docker:")
    f.add("      - image: cimg/python:3.12")
    f.add("    steps:")
    f.add(f"      - run: twine upload -u __token__ -p {T['pypi']()} dist/*", "pypi")
    f.add(f"      - run: gem push pkg/*.gem --key {T['rubygems']()}", "rubygems")
    f.add(f"      - run: dotnet nuget push *.nupkg -k {T['nuget']()} -s https://api.nuget.org/v3/index.json", "nuget")


def shell_files():
    f = new("scripts/deploy.sh")
    f.add("#!/usr/bin/env bash")
    f.add("set -euo pipefail")
    f.add(f"export VAULT_TOKEN={T['hvs']()}", "vault")
    f.add(f"sshpass -p '{password(14)}' ssh deploy@10.0.0.12 'sudo systemctl restart shop'", "ssh-password|generic")
    f.add(f"mysqldump -u root -p{password(16)} shop > /backup/shop.sql", "mysql")
    f.add(f"curl -u deploy:{password(18)} https://ci.acme.io/job/shop/build", "curl")
    f.add(f'curl -H "Authorization: Bearer {rnd(B64URL, 48)}" https://api.acme.io/v1/deploy', "bearer")
    f.add(f"curl -H 'Authorization: Basic {base64.b64encode(('admin:' + password(16)).encode()).decode()}' https://grafana.acme.io/api/health", "basic-auth")
    f.add('curl -H "Authorization: Bearer $API_TOKEN" https://api.acme.io/v1/status', decoy="variable-ref")
    f.add(f"echo '{rnd(HEX, 64)}  shop.tar.gz' | sha256sum -c", decoy="sha256")
    f.add(f"git checkout {rnd(HEX, 40)}", decoy="git-sha")
    f.add(f"kubeadm join 10.0.0.1:6443 --token {rnd(LO + DI, 6)}.{rnd(LO + DI, 16)} --discovery-token-ca-cert-hash sha256:{rnd(HEX, 64)}", "kubernetes")

    f = new("scripts/backup.ps1")
    f.add("$ErrorActionPreference = 'Stop'")
    f.add(f'$env:AZURE_STORAGE_KEY = "{T["azure_storage"]()}"', "azure")
    f.add('$password = Read-Host -AsSecureString "Password"', decoy="code")
    f.add("Write-Host 'backup done'")

    f = new("scripts/release_npm.sh")
    f.add("#!/bin/sh")
    f.add(f"npm config set //registry.npmjs.org/:_authToken={T['npm']()}", "npm")
    f.add("npm publish --access public")

    f = new("SHA256SUMS")
    for name in ["custody-1.0.0-linux-amd64.tar.gz", "custody-1.0.0-linux-arm64.tar.gz", "custody-1.0.0.deb",
                 "custody-1.0.0.rpm", "custody-1.0.0-src.tar.gz", "custody-1.0.0.sbom.json"]:
        f.add(f"{rnd(HEX, 64)}  {name}", decoy="sha256")

    f = new("requirements.txt")
    for pkg in ["requests==2.31.0", "django==5.0.1", "boto3==1.34.11", "stripe==7.9.0"]:
        f.add(f"{pkg} \\")
        f.add(f"    --hash=sha256:{rnd(HEX, 64)}", decoy="sha256")


def config_files():
    f = new("home/.npmrc")
    f.add(f"//registry.npmjs.org/:_authToken={T['npm']()}", "npm")
    f.add(f"//npm.acme.io/:_authToken={uuid()}", "npm")
    f.add("always-auth=true")

    f = new("home/.pypirc")
    f.add("[distutils]")
    f.add("index-servers = pypi")
    f.add("[pypi]")
    f.add("username = __token__")
    f.add(f"password = {T['pypi']()}", "pypi")

    f = new("home/.netrc")
    f.add(f"machine api.github.com login acme-bot password {T['gho']()}", "github|netrc")
    f.add(f"machine ftp.acme.io login backup password {password(16)}", "netrc")

    f = new("home/.git-credentials")
    f.add(f"https://acme-bot:{T['gh_fine']()}@github.com", "github|http-url")

    f = new("home/.ssh/id_ed25519")
    f.add("-----BEGIN OPENSSH PRIVATE KEY-----")
    f.add("b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW", "private-key")
    for _ in range(4):
        f.add(rnd(B64, 70))
    f.add("-----END OPENSSH PRIVATE KEY-----")

    f = new("home/.ssh/id_ed25519.pub")
    f.add(f"ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAI{rnd(B64, 43)} alice@laptop", decoy="public-key")

    f = new("certs/server.key")
    f.pem("RSA PRIVATE KEY", "private-key", lines=12)
    f = new("certs/legacy.key")
    f.pem("RSA PRIVATE KEY", "private-key", lines=8, headers=("Proc-Type: 4,ENCRYPTED", "DEK-Info: AES-128-CBC," + rnd(HEX, 32).upper()))
    f = new("certs/ec.key")
    f.pem("EC PRIVATE KEY", "private-key", lines=3)
    f = new("certs/service.pem")
    f.pem("PRIVATE KEY", "private-key", lines=10)
    f = new("certs/signing.asc")
    f.pem("PGP PRIVATE KEY BLOCK", "private-key", lines=10, headers=("Comment: release signing key",))
    f = new("certs/ca.crt")
    f.add("-----BEGIN CERTIFICATE-----")
    f.add("MII" + rnd(B64, 61), decoy="certificate")
    for _ in range(8):
        f.add(rnd(B64, 64))
    f.add("-----END CERTIFICATE-----")

    f = new("config/settings.xml")
    f.add("<settings>")
    f.add("  <servers>")
    f.add("    <server>")
    f.add("      <id>acme-releases</id>")
    f.add("      <username>deployer</username>")
    f.add(f"      <password>{password(18)}</password>", "xml")
    f.add("    </server>")
    f.add("    <server>")
    f.add("      <id>snapshots</id>")
    f.add("      <password>${env.MAVEN_PASSWORD}</password>", decoy="placeholder")
    f.add("    </server>")
    f.add("  </servers>")
    f.add("</settings>")

    f = new("config/database.ini")
    f.add("[production]")
    f.add("host = db.acme.io")
    f.add(f"password = {password(16)}", "generic|env-file")
    f.add("[development]")
    f.add("password = postgres", decoy="placeholder")

    f = new("config/htpasswd")
    f.add(f"admin:$2y$10${rnd('./' + ALNUM, 53)}", "htpasswd")

    f = new("config/app.properties")
    f.add("server.port=8080")
    f.add(f"spring.datasource.url=jdbc:sqlserver://sql.acme.io:1433;databaseName=orders;user=orders;password={password(16)}", "jdbc|mssql")
    f.add(f"spring.rabbitmq.password={password(16)}", "generic|env-file")
    f.add(f"okta.oauth2.client-secret={rnd(B64URL, 40)}", "okta|generic|env-file")
    f.add(f"encryption.key={rnd(B64, 44)}", "generic|env-file")
    f.add("spring.datasource.password=${DB_PASSWORD}", decoy="placeholder")

    f = new("config/php/config.php")
    f.add("<?php")
    f.add("return [")
    f.add(f"    'db_password' => '{password(16)}',", "generic")
    f.add(f"    'mailchimp_key' => '{T['mailchimp']()}',", "mailchimp")
    f.add(f"    'stripe_secret' => '{T['stripe_live']()}',", "stripe")
    f.add("    'api_key' => getenv('API_KEY'),", decoy="env-lookup")
    f.add("    'password' => 'xxxxxxxxxxxx',", decoy="placeholder")
    f.add("];")

    f = new("config/ruby/secrets.rb")
    f.add("Rails.application.configure do")
    f.add(f"  config.x.twilio_api_key = '{T['twilio_sk']()}'", "twilio")
    f.add(f"  config.x.slack_app_token = 'xapp-1-A{rnd(UP + DI, 10)}-{rnd(DI, 13)}-{rnd(HEX, 64)}'", "slack")
    f.add(f"  config.x.hubspot_token = 'pat-na1-{uuid()}'", "hubspot|generic")
    f.add("  config.x.api_key = ENV.fetch('API_KEY')", decoy="env-lookup")
    f.add("end")


def doc_files():
    f = new("docs/setup.md")
    f.add("# Setting up credentials")
    f.add("")
    f.add("Configure the AWS CLI with your own key:")
    f.add("")
    f.add("    aws_access_key_id = AKIAIOSFODNN7EXAMPLE", decoy="aws-example")
    f.add("    aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", decoy="aws-example")
    f.add("")
    f.add("Then export a token (replace the placeholder):")
    f.add("")
    f.add("    export GITHUB_TOKEN=ghp_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", decoy="placeholder")
    f.add("    export SLACK_TOKEN=xoxb-your-token-here", decoy="placeholder")
    f.add('    password = "<your-password>"', decoy="placeholder")
    f.add('    api_key: "REPLACE_ME_WITH_YOUR_KEY"', decoy="placeholder")
    f.add('    token = "${TOKEN}"', decoy="placeholder")
    f.add('    secret = "changeme"', decoy="placeholder")
    f.add("    DATABASE_URL=postgres://USER:PASSWORD@HOST:5432/DB", decoy="placeholder")
    f.add('    client_secret: "********"', decoy="placeholder")
    f.add('    API_KEY = "sample-api-key-for-docs"', decoy="placeholder")
    f.add("")
    f.add(f"Release {rnd(HEX, 7)} fixed the login bug (see commit {rnd(HEX, 40)}).", decoy="git-sha")
    f.add(f"Build provenance digest: sha256:{rnd(HEX, 64)}", decoy="sha256")

    f = new("CHANGELOG.md")
    f.add("# Changelog")
    for i in range(8):
        f.add(f"- {rnd(HEX, 40)} release 1.{i}.0: fixes and improvements", decoy="git-sha")
    f.add(f"- md5 of the installer: {rnd(HEX, 32)}", decoy="md5")

    f = new("webapp/yarn.lock")
    f.add("# THIS IS AN AUTOGENERATED FILE. DO NOT EDIT THIS FILE DIRECTLY.")
    for pkg in ["ansi-regex", "chalk", "debug", "ms", "semver", "tslib"]:
        f.add(f'{pkg}@^1.0.0:')
        f.add('  version "1.0.0"')
        f.add(f'  resolved "https://registry.yarnpkg.com/{pkg}/-/{pkg}-1.0.0.tgz#{rnd(HEX, 40)}"', decoy="git-sha")
        f.add(f"  integrity sha512-{rnd(B64, 86)}==", decoy="integrity")

    f = new("Cargo.lock")
    for pkg in ["serde", "tokio", "rand", "regex"]:
        f.add("[[package]]")
        f.add(f'name = "{pkg}"')
        f.add('version = "1.0.0"')
        f.add('source = "registry+https://github.com/rust-lang/crates.io-index"')
        f.add(f'checksum = "{rnd(HEX, 64)}"', decoy="sha256")


# --- issue 12: recall causes (hex and base64 behind a telling key, current vendor formats, URLs
# with an empty user, `pass:` keys) and precision causes (code that names a secret, placeholders,
# names of secrets, fixtures, documentation examples). Generated last so the files above keep
# their bytes.
def issue12_files():
    f = new("rails-app/.env.production")
    f.add("RAILS_ENV=production")
    f.add(f"SECRET_KEY_BASE={rnd(HEX, 128)}", "rails")
    f.add(f"REDIS_URL=redis://:{password(18)}@cache.acme.internal:6379/1", "redis")
    f.add(f"BUNDLE_ENTERPRISE__CONTRIBSYS__COM={rnd(HEX, 8)}:{rnd(HEX, 8)}", "sidekiq")
    f.add(f"ASSET_DIGEST={rnd(HEX, 64)}", decoy="sha256")

    f = new("charts/monitoring/values-prod.yaml")
    f.add("datadog:")
    f.add(f"  apiKey: {rnd(HEX, 32)}", "datadog")
    f.add(f"  appKey: {rnd(HEX, 40)}", "datadog")
    f.add("  site: datadoghq.eu")
    f.add("  apiKeyExistingSecret: datadog-secret-v2", decoy="secret-name")
    f.add("tls:")
    f.add("  secretName: acme-tls-cert-2024", decoy="secret-name")
    f.add("postgresql:")
    f.add("  auth:")
    f.add("    existingSecret: postgres-credentials-v2", decoy="secret-name")
    f.add("    secretKeys:")
    f.add("      adminPasswordKey: postgres-password-01", decoy="secret-name")

    f = new("ansible/group_vars/db.yml")
    f.add("db_host: db1.acme.internal")
    f.add("db_user: app")
    f.add(f"pass: {password(16)}", "generic")
    f.add(f"db_pass: \"{password(18)}\"", "generic")

    f = new("ci/vendor-tokens.env")
    at = "ATATT3xFfGF0" + rnd(B64URL, 171) + "=" + rnd("0123456789ABCDEF", 8)
    f.add(f"JIRA_API_TOKEN={at}", "atlassian")
    f.add(f"TELEGRAM_BOT_TOKEN={rnd('123456789', 1)}{rnd(DI, 9)}:A{R.choice('BCDEFGH')}{rnd(B64URL, 33)}", "telegram")
    f.add(f"ETSY_API_KEY={rnd(LO + DI, 24)}", "etsy")
    f.add(f"PLANETSCALE_PASSWORD=pscale_pw_{rnd(B64URL, 30)}={rnd(ALNUM, 12)}", "planetscale")
    f.add(f"MESSAGE_BIRD_API_KEY={rnd(ALNUM, 25)}", "messagebird")
    f.add(f"FLY_API_TOKEN=\"FlyV1 fm2_{rnd(B64, 160)}==\"", "flyio")
    f.add(f"OP_SECRET_KEY=A3-{rnd(UP + DI, 6)}-{rnd(UP + DI, 11)}-{rnd(UP + DI, 5)}-{rnd(UP + DI, 5)}-{rnd(UP + DI, 5)}", "onepassword")
    f.add(f"SNYK_TOKEN={uuid()}", "snyk")
    f.add(f"SONAR_TOKEN={rnd(HEX, 40)}", "sonarqube")
    f.add(f"CLICKHOUSE_KEY_SECRET=4b1d{rnd(ALNUM, 38)}", "clickhouse")
    f.add(f"GH_APP_INSTALLATION_TOKEN={crc_token('ghs_')}", "github")
    f.add(f"HARNESS_API_KEY=sat.{rnd(B64URL, 22)}.{rnd(ALNUM, 24)}.{rnd(ALNUM, 20)}", "harness")
    f.add(f"ARTIFACTORY_ACCESS_TOKEN={rnd(LO + DI, 64)}", "jfrog")

    f = new("accounts/forms.py")
    f.add("from django import forms")
    f.add("from rest_framework.authtoken.models import Token")
    f.add("")
    f.add("class LoginForm(forms.Form):")
    f.add("    username = forms.CharField(max_length=150)")
    f.add("    password = forms.CharField(widget=forms.PasswordInput)", decoy="form-field")
    f.add("")
    f.add("def issue_token(user):")
    f.add("    token = Token.objects.get_or_create(user=user)[0]", decoy="orm-call")
    f.add("    secret_key = settings.SIGNING_BACKEND_2", decoy="code")
    f.add("    return token.key")
    f.add("")
    f.add('DUMMY_API_KEY = "test_api_key_123"', decoy="fixture")
    f.add('MOCK_TOKEN = "mock-token-0001"', decoy="fixture")

    f = new("docs/contributing.md")
    f.add("Clone with a token:")
    f.add("    git clone https://USERNAME:PERSONAL_ACCESS_TOKEN@github.com/acme/app.git", decoy="placeholder")
    f.add("Connect with `mongodb://DB_USER:DB_PASS@localhost:27017/app`.", decoy="placeholder")
    f.add("<pre>curl -H 'Authorization: token &lt;token&gt;' https://api.acme.io</pre>", decoy="placeholder")
    f.add("The jwt.io example, `eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c`, decodes to John Doe.", decoy="docs-example")
    f.add("Stripe's docs use `sk_test_4eC39HqLyjWDarjtT1zdp7dc` in every sample.", decoy="docs-example")

    f = new("auth/client_secret.json")
    f.add("{")
    f.add('  "installed": {')
    f.add('    "auth_uri": "https://accounts.google.com/o/oauth2/auth",')
    f.add('    "token_uri": "https://oauth2.googleapis.com/token",', decoy="token-uri")
    f.add('    "redirect_uris": ["http://localhost"]')
    f.add("  }")
    f.add("}")

    f = new("Jenkinsfile")
    f.add("pipeline {")
    f.add("  environment {")
    f.add("    REGISTRY_CREDENTIALS = credentials('dockerhub-creds-2024')", decoy="credential-id")
    f.add("  }")
    f.add("  stages { stage('push') { steps {")
    f.add("    withCredentials([string(credentialsId: 'github-deploy-token-01', variable: 'TOKEN')]) { sh 'make push' }", decoy="credential-id")
    f.add("  } } }")
    f.add("}")

    f = new("web/static/logo.svg")
    png = base64.b64encode(b"\x89PNG\r\n\x1a\n" + bytes(60) + bytes(R.randrange(256) for _ in range(90)) + bytes(40)).decode()
    f.add('<svg xmlns="http://www.w3.org/2000/svg" width="64" height="64">')
    f.add(f'  <image width="64" height="64" href="data:image/png;base64,{png}"/>', decoy="base64-image")
    f.add("</svg>")


def main():
    env_files()
    python_files()
    js_files()
    go_files()
    yaml_files()
    json_files()
    infra_files()
    ci_files()
    shell_files()
    config_files()
    doc_files()
    issue12_files()
    if os.path.isdir(OUT):
        shutil.rmtree(OUT)
    labels = {"positives": [], "decoys": []}
    for f in FILES:
        p = os.path.join(OUT, f.path)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w") as fh:
            fh.write("\n".join(f.lines) + "\n")
        labels["positives"] += [{"file": f.path, "line": n, "family": fam} for n, fam in f.pos]
        labels["decoys"] += [{"file": f.path, "line": n, "kind": k} for n, k in f.dec]
    with open(os.path.join(HERE, "labels.json"), "w") as fh:
        json.dump(labels, fh, indent=1)
        fh.write("\n")
    fams = {p["family"].split("|")[0] for p in labels["positives"]}
    print(f"{len(FILES)} files, {len(labels['positives'])} positives in {len(fams)} families, "
          f"{len(labels['decoys'])} decoys")


if __name__ == "__main__":
    main()
