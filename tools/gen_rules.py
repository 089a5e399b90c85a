#!/usr/bin/env python3
# Authoring-time generator for config/rules.toml (not run by the build). It turns the compact
# rule table below into the TOML file, with synthetic true-positive examples drawn from a fixed
# seed (and checksummed where the format publishes a checksum). The committed config/rules.toml
# is the source of truth; rerunning this script reproduces it byte for byte.
#   python3 tools/gen_rules.py > config/rules.toml
import base64, binascii, json, random, string, zlib

R = random.Random(20240604)
B62 = string.ascii_uppercase + string.ascii_lowercase + string.digits
HEXL = "0123456789abcdef"
B64 = B62 + "+/"
B64U = B62 + "-_"
LOWN = string.ascii_lowercase + string.digits
UPN = string.ascii_uppercase + string.digits

def rnd(cs, n):
    return "".join(R.choice(cs) for _ in range(n))

def base62(v, w):
    s = ""
    while True:
        s = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"[v % 62] + s
        v //= 62
        if v == 0:
            break
    return s.rjust(w, "0")

def crc_token(prefix):
    body = rnd(B62, 30)
    return prefix + body + base62(zlib.crc32(body.encode()) & 0xFFFFFFFF, 6)

def bad_crc_token(prefix):
    t = crc_token(prefix)
    last = t[-1]
    return t[:-1] + ("A" if last != "A" else "B")

def uuid():
    h = rnd(HEXL, 32)
    return f"{h[:8]}-{h[8:12]}-4{h[13:16]}-a{h[17:20]}-{h[20:32]}"

RULES = []

def rule(id, desc, regex, keywords, tp, fp, group=1, entropy=3.0, control="CC6.1", accepts=None,
         validate=None, generic=False, window=0, allow=None, min_length=0):
    RULES.append(dict(id=id, desc=desc, regex=regex, keywords=keywords, tp=tp, fp=fp, group=group,
                      entropy=entropy, control=control, accepts=accepts or [], validate=validate,
                      generic=generic, window=window, allow=allow, min_length=min_length))

B32L = string.ascii_lowercase + "234567"
NOT_AFTER = {B32L: "a-z2-7", string.ascii_letters: "A-Za-z", B62: "A-Za-z0-9", HEXL: "a-f0-9", B64U: "A-Za-z0-9_-", B64: "A-Za-z0-9+/", LOWN: "a-z0-9",
             UPN: "A-Z0-9"}

def prefixed(id, desc, prefix, cs, n, var, entropy=3.0, accepts=None, control="CC6.1", validate=None,
             regex_prefix=None, gen=None, keyword=None):
    """A token that is a fixed prefix plus `n` characters of one charset."""
    cls = NOT_AFTER[cs]
    rp = regex_prefix or prefix.replace(".", r"\.").replace("$", r"\$").replace("+", r"\+")
    count = f"{{{n}}}" if isinstance(n, int) else f"{{{n[0]},{n[1]}}}"
    regex = rf"(?<![A-Za-z0-9_-])({rp}[{cls}]{count})(?![{cls}])"
    length = n if isinstance(n, int) else n[0] + min(4, n[1] - n[0])
    tok = gen() if gen else prefix + rnd(cs, length)
    tp = [f'{var}={tok}', f'  "{var.lower()}": "{gen() if gen else prefix + rnd(cs, length)}",']
    fp = [f'{var}="{prefix}{"X" * length}"', f'# set {var} in the environment: {var}=${{{var}}}',
          f'Tokens look like "{prefix}" followed by {length} characters.']
    rule(id, desc, regex, [keyword or prefix.lower()], tp, fp, entropy=entropy, accepts=accepts,
         control=control, validate=validate)

def context(id, desc, word, cs, n, var, entropy=3.0, accepts=None, keywords=None, tok=None):
    """A provider secret with no prefix: only recognised next to the provider's name."""
    cls = NOT_AFTER[cs]
    count = f"{{{n}}}" if isinstance(n, int) else f"{{{n[0]},{n[1]}}}"
    regex = (rf"(?i){word}[\w.-]{{0,25}}(?:key|secret|token|password|pat|auth)[\w.-]{{0,12}}[\"']?\s*(?::|=|=>|:=)\s*"
             rf"[\"'`]?([{cls}]{count})(?![{cls}])")
    length = n if isinstance(n, int) else n[0]
    gen = tok or (lambda: rnd(cs, length))
    tp = [f'{var}={gen()}', f'{var.lower()}: "{gen()}"']
    fp = [f'{var}=${{{var}}}', f'{var.lower()}: "<your-{word.lower()}-key>"',
          f'# {word} integration: read {var} from the vault']
    rule(id, desc, regex, keywords or [word.lower()], tp, fp, entropy=entropy, accepts=accepts)

# ---------------------------------------------------------------- cloud providers
akid = lambda p="AKIA": p + rnd("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567", 16)
rule("aws-access-key-id", "AWS access key id", r"(?<![A-Z0-9])((?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})(?![A-Z0-9])",
     ["akia", "asia", "abia", "acca"], [f"aws_access_key_id = {akid()}", f'"AccessKeyId": "{akid("ASIA")}"'],
     ["aws_access_key_id = AKIAIOSFODNN7EXAMPLE", "AKIAXXXXXXXXXXXXXXXX is the format", "ASIAN markets"])
sec40 = lambda: rnd(B64, 40)
rule("aws-secret-access-key", "AWS secret access key next to its name",
     r"(?i)aws[\w.-]{0,20}?(?:secret|sk)[\w.-]{0,20}[\"']?\s*(?::|=|=>)\s*[\"']?([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
     ["aws"], [f"aws_secret_access_key = {sec40()}", f'AWS_SECRET_ACCESS_KEY="{sec40()}"'],
     ["aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = ${AWS_SECRET}"],
     entropy=4.0)
rule("aws-key-pair", "AWS access key id followed by its secret within a few lines",
     r"(?s)((?:AKIA|ASIA)[A-Z2-7]{16})(?![A-Z0-9]).{1,300}?(?<![A-Za-z0-9/+])([A-Za-z0-9/+]{40})(?![A-Za-z0-9/+=])",
     ["akia", "asia"], [f"[default]\nkey = {akid()}\nsecret = {sec40()}\n", f"id: {akid()}\nvalue: {sec40()}"],
     ["key = AKIAIOSFODNN7EXAMPLE\nsecret = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"], group=2, window=5, entropy=4.0)
rule("aws-session-token", "AWS session token",
     r"(?i)(?:aws[_-]?session[_-]?token|x-amz-security-token)[\"']?\s*(?::|=)\s*[\"']?([A-Za-z0-9/+=]{100,})",
     ["session_token", "session-token", "security-token"],
     [f"aws_session_token = IQoJb3JpZ2luX2Vj{rnd(B64, 300)}", f"X-Amz-Security-Token: FwoGZXIvYXdzE{rnd(B64, 200)}"],
     ["aws_session_token = ${AWS_SESSION_TOKEN}"], entropy=4.5)
rule("aws-mws-key", "Amazon MWS auth token", r"(amzn\.mws\.[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})",
     ["amzn.mws."], [f"MWS_AUTH_TOKEN=amzn.mws.{uuid()}"], ["MWS_AUTH_TOKEN=amzn.mws.<token>"])
rule("gcp-service-account-key-id", "GCP service account JSON key (private_key_id)",
     r"\"private_key_id\"\s*:\s*\"([a-f0-9]{40})\"", ["private_key_id"],
     [f'  "private_key_id": "{rnd(HEXL, 40)}",'], ['  "private_key_id": "",', '  "private_key_id": "KEY_ID",'],
     accepts=["hex"])
rule("gcp-service-account-key", "GCP service account JSON private key (escaped PEM)",
     r"\"private_key\"\s*:\s*\"-----BEGIN PRIVATE KEY-----\\n([A-Za-z0-9+/=]{40,})", ["\"private_key\""],
     [f'  "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC{rnd(B64, 32)}\\n{rnd(B64, 64)}\\n",'],
     ['  "private_key": "-----BEGIN PRIVATE KEY-----\\n...\\n-----END PRIVATE KEY-----\\n",'], entropy=4.0)
prefixed("gcp-api-key", "Google Cloud / Firebase / Gemini API key", "AIza", B64U, 35, "GOOGLE_API_KEY", entropy=3.5)
prefixed("gcp-oauth-client-secret", "Google OAuth client secret", "GOCSPX-", B64U, 28, "GOOGLE_CLIENT_SECRET")
prefixed("google-oauth-access-token", "Google OAuth access token", "ya29.", B64U, (60, 200), "GOOGLE_ACCESS_TOKEN",
         entropy=3.5)
rule("firebase-cloud-messaging-key", "Firebase Cloud Messaging server key",
     r"(AAAA[A-Za-z0-9_-]{7}:APA91b[A-Za-z0-9_-]{134})", ["apa91b"],
     [f"FCM_SERVER_KEY=AAAA{rnd(B64U, 7)}:APA91b{rnd(B64U, 134)}"], ["FCM_SERVER_KEY=AAAA...:APA91b..."])
azkey = lambda: rnd(B64, 86) + "=="
rule("azure-storage-connection-string", "Azure storage account connection string with AccountKey",
     r"(?i)DefaultEndpointsProtocol=https?;AccountName=[^;\s]+;AccountKey=([A-Za-z0-9+/]{86}==)",
     ["accountkey="], [f"AZURE_STORAGE=DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey={azkey()};EndpointSuffix=core.windows.net"],
     ["UseDevelopmentStorage=true", "DefaultEndpointsProtocol=https;AccountName=x;AccountKey=<key>;"], entropy=4.5)
rule("azure-storage-account-key", "Azure storage account key next to its name",
     r"(?i)(?:account|storage)[_-]?key[\"']?\s*(?::|=)\s*[\"']?([A-Za-z0-9+/]{86}==)", ["accountkey", "account_key", "storage_key", "storagekey", "account-key", "storage-key"],
     [f'AZURE_STORAGE_KEY="{azkey()}"', f"storage_key: {azkey()}"], ["storage_key: ${AZURE_STORAGE_KEY}"], entropy=4.5)
rule("azure-cosmosdb-connection-string", "Azure Cosmos DB connection string",
     r"AccountEndpoint=https://[^;\s]+;AccountKey=([A-Za-z0-9+/]{86}==)", ["accountendpoint="],
     [f"COSMOS=AccountEndpoint=https://acme.documents.azure.com:443/;AccountKey={azkey()};"],
     ["COSMOS=AccountEndpoint=https://localhost:8081/;AccountKey=<emulator key>;"], entropy=4.5)
rule("azure-service-bus-connection-string", "Azure Service Bus / Event Hubs shared access key",
     r"Endpoint=sb://[^;\s]+;SharedAccessKeyName=[^;\s]+;SharedAccessKey=([A-Za-z0-9+/]{43}=)", ["sharedaccesskey="],
     [f"SB=Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=RootManageSharedAccessKey;SharedAccessKey={rnd(B64, 43)}="],
     ["SB=Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey=<key>"], entropy=4.0)
sig = lambda: rnd(B64, 43).replace("+", "%2B").replace("/", "%2F") + "%3D"
rule("azure-sas-token", "Azure shared access signature (SAS) with a signature",
     r"(?i)[?&]sv=\d{4}-\d{2}-\d{2}&[^\s\"'<>]*?sig=([A-Za-z0-9%+/]{40,}(?:%3D|=){0,2})", ["sig="],
     [f"https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&srt=sco&sp=rl&se=2030-01-01T00:00:00Z&sig={sig()}"],
     ["https://acme.blob.core.windows.net/backups?sv=2022-11-02&ss=b&sig=<signature>"], entropy=4.0)
rule("azure-ad-client-secret", "Microsoft Entra ID (Azure AD) client secret",
     r"(?<![A-Za-z0-9_~.-])([A-Za-z0-9_~.]{3}\dQ~[A-Za-z0-9_~.-]{31,34})(?![A-Za-z0-9_~.-])", ["q~"],
     [f"AZURE_CLIENT_SECRET={rnd(B62, 3)}8Q~{rnd(B62, 34)}"], ["AZURE_CLIENT_SECRET=abc8Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"], entropy=3.5)
context("azure-devops-pat", "Azure DevOps personal access token", "(?:azure|devops|vsts)", B32L, 52, "AZURE_DEVOPS_PAT",
        keywords=["azure", "devops", "vsts"])
for kind, pfx in [("pat", "dop_v1_"), ("oauth-token", "doo_v1_"), ("refresh-token", "dor_v1_")]:
    prefixed(f"digitalocean-{kind}", f"DigitalOcean {kind.replace('-', ' ')}", pfx, HEXL, 64, "DIGITALOCEAN_TOKEN", accepts=["hex"])
prefixed("alibaba-access-key-id", "Alibaba Cloud AccessKey id", "LTAI", B62, 20, "ALIBABA_ACCESS_KEY_ID")
context("alibaba-access-key-secret", "Alibaba Cloud AccessKey secret", "alibaba", B62, 30, "ALIBABA_ACCESS_KEY_SECRET")
context("ibm-cloud-api-key", "IBM Cloud API key", "ibm", B64U, 44, "IBM_CLOUD_API_KEY")
context("heroku-api-key", "Heroku API key (UUID next to 'heroku')", "heroku", HEXL, 36, "HEROKU_API_KEY", accepts=["uuid"], tok=uuid)
RULES[-1]["regex"] = RULES[-1]["regex"].replace("[a-f0-9]{36}", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
prefixed("heroku-api-key-v2", "Heroku API key (HRKU- format)", "HRKU-AA", B64U, 58, "HEROKU_API_KEY")
context("linode-api-token", "Linode API token", "linode", HEXL, 64, "LINODE_TOKEN", accepts=["hex"])
context("cloudflare-api-token", "Cloudflare API token", "cloudflare", B64U, 40, "CLOUDFLARE_API_TOKEN")
context("cloudflare-global-api-key", "Cloudflare global API key", "(?:cloudflare|cf)[_-]?(?:global|api)", HEXL, 37, "CLOUDFLARE_GLOBAL_API_KEY", keywords=["cloudflare", "cf_global", "cf_api", "cf-api", "cf-global"], accepts=["hex"])
prefixed("cloudflare-origin-ca-key", "Cloudflare Origin CA key", "v1.0-", HEXL, 171, "CF_ORIGIN_CA_KEY", accepts=["hex"],
         gen=lambda: "v1.0-" + rnd(HEXL, 24) + "-" + rnd(HEXL, 146), regex_prefix=r"v1\.0-[a-f0-9]{24}-", keyword="v1.0-")
RULES[-1]["regex"] = RULES[-1]["regex"].replace("{171}", "{146}")
context("fastly-api-token", "Fastly API token", "fastly", B64U, 32, "FASTLY_API_TOKEN")
prefixed("netlify-pat", "Netlify personal access token", "nfp_", B62, 36, "NETLIFY_AUTH_TOKEN")
context("netlify-access-token", "Netlify access token (legacy)", "netlify", B64U, 43, "NETLIFY_ACCESS_TOKEN")
context("vercel-token", "Vercel access token", "vercel", B62, 24, "VERCEL_TOKEN")
prefixed("flyio-access-token", "Fly.io access token", "fo1_", B64U, 43, "FLY_ACCESS_TOKEN")
prefixed("render-api-key", "Render API key", "rnd_", B62, 32, "RENDER_API_KEY")
prefixed("supabase-service-token", "Supabase access token", "sbp_", HEXL, 40, "SUPABASE_ACCESS_TOKEN", accepts=["hex"])
for kind, pfx in [("api-token", "pscale_tkn_"), ("password", "pscale_pw_"), ("oauth-token", "pscale_oauth_")]:
    prefixed(f"planetscale-{kind}", f"PlanetScale {kind.replace('-', ' ')}", pfx, B64U, 43, "PLANETSCALE_TOKEN")
prefixed("doppler-token", "Doppler service/personal token", "dp.pt.", LOWN, 43, "DOPPLER_TOKEN")
prefixed("doppler-service-token", "Doppler service token", "dp.st.", B62, (40, 60), "DOPPLER_TOKEN")
prefixed("pulumi-access-token", "Pulumi access token", "pul-", HEXL, 40, "PULUMI_ACCESS_TOKEN", accepts=["hex"])
rule("terraform-cloud-token", "Terraform Cloud / Enterprise API token", r"(?<![A-Za-z0-9])([A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70})(?![A-Za-z0-9_=-])",
     ["atlasv1"], [f"TFE_TOKEN={rnd(B62, 14)}.atlasv1.{rnd(B64U, 67)}", f'credentials "app.terraform.io" {{ token = "{rnd(B62, 14)}.atlasv1.{rnd(B64U, 67)}" }}'],
     ["TFE_TOKEN=xxxxxxxxxxxxxx.atlasv1.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"], entropy=4.0, control="CC6.1")
prefixed("vault-service-token", "HashiCorp Vault service token", "hvs.", B64U, (90, 120), "VAULT_TOKEN", entropy=4.0)
prefixed("vault-batch-token", "HashiCorp Vault batch token", "hvb.", B64U, (138, 300), "VAULT_TOKEN", entropy=4.0)
prefixed("vault-recovery-token", "HashiCorp Vault recovery token", "hvr.", B64U, (90, 120), "VAULT_RECOVERY_TOKEN", entropy=4.0)
rule("vault-legacy-token", "HashiCorp Vault token (legacy s. format)",
     r"(?i)vault[\w.-]{0,20}[\"']?\s*(?::|=)\s*[\"']?(s\.[A-Za-z0-9]{24})(?![A-Za-z0-9])", ["vault"],
     [f"VAULT_TOKEN=s.{rnd(B62, 24)}"], ["VAULT_TOKEN=s.xxxxxxxxxxxxxxxxxxxxxxxx", "vault_addr = s.example.com"])
# ---------------------------------------------------------------- source hosts
for kind, pfx in [("pat", "ghp_"), ("oauth-token", "gho_"), ("user-to-server-token", "ghu_"),
                  ("server-to-server-token", "ghs_"), ("refresh-token", "ghr_")]:
    desc = {"pat": "GitHub personal access token (classic)", "oauth-token": "GitHub OAuth access token",
            "user-to-server-token": "GitHub App user-to-server token",
            "server-to-server-token": "GitHub App installation (server-to-server) token",
            "refresh-token": "GitHub App refresh token"}[kind]
    rule(f"github-{kind}", desc + ", CRC32-checked", rf"(?<![A-Za-z0-9_])({pfx}[A-Za-z0-9]{{36}})(?![A-Za-z0-9])", [pfx],
         [f"GITHUB_TOKEN={crc_token(pfx)}", f"git clone https://x-access-token:{crc_token(pfx)}@github.com/acme/app.git"],
         [f"commit {bad_crc_token(pfx)} (checksum does not verify)", f"GITHUB_TOKEN={pfx}{'x' * 36}", "GITHUB_TOKEN=${{ secrets.GITHUB_TOKEN }}"],
         validate="crc32-base62", entropy=3.5)
rule("github-fine-grained-pat", "GitHub fine-grained personal access token",
     r"(?<![A-Za-z0-9_])(github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59})(?![A-Za-z0-9])", ["github_pat_"],
     [f"GH_TOKEN=github_pat_{rnd(B62, 22)}_{rnd(B62, 59)}"], ["GH_TOKEN=github_pat_<token>", f"GH_TOKEN=github_pat_{'X' * 22}_{'X' * 59}"], entropy=4.0)
context("github-oauth-client-secret", "GitHub OAuth app client secret", "github", HEXL, 40, "GITHUB_CLIENT_SECRET", accepts=["hex"])
for kind, pfx, cs, n in [("pat", "glpat-", B64U, 20), ("runner-token", "glrt-", B64U, 20), ("deploy-token", "gldt-", B64U, 20),
                         ("feed-token", "glft-", B64U, 20), ("oauth-app-secret", "gloas-", B64U, 64), ("scim-token", "glsoat-", B64U, 20),
                         ("incoming-mail-token", "glimt-", B64U, 25), ("agent-token", "glagent-", B64U, 50),
                         ("feature-flags-token", "glffct-", B64U, 20), ("pipeline-trigger-token", "glptt-", HEXL, 40)]:
    prefixed(f"gitlab-{kind}", f"GitLab {kind.replace('-', ' ')}", pfx, cs, n, "GITLAB_TOKEN", accepts=["hex"] if cs == HEXL else None)
prefixed("gitlab-runner-registration-token", "GitLab runner registration token", "GR1348941", B64U, 20, "REGISTRATION_TOKEN")
rule("gitlab-cicd-job-token", "GitLab CI/CD job token", r"(?<![A-Za-z0-9_-])(glcbt-[0-9a-zA-Z]{1,5}_[0-9a-zA-Z_-]{20})(?![A-Za-z0-9_-])",
     ["glcbt-"], [f"CI_JOB_TOKEN=glcbt-64_{rnd(B64U, 20)}"], ["CI_JOB_TOKEN=$CI_JOB_TOKEN"])
prefixed("bitbucket-app-password", "Bitbucket app password", "ATBB", B62, 32, "BITBUCKET_APP_PASSWORD")
context("bitbucket-client-secret", "Bitbucket OAuth consumer secret", "bitbucket", B62, 32, "BITBUCKET_CLIENT_SECRET")
prefixed("atlassian-api-token", "Atlassian API token", "ATATT3", B64U, 186, "ATLASSIAN_API_TOKEN", entropy=4.0)
context("atlassian-api-token-legacy", "Atlassian API token (legacy, 24 chars)", "(?:atlassian|jira|confluence)", B62, 24, "JIRA_API_TOKEN", keywords=["atlassian", "jira", "confluence"])
# ---------------------------------------------------------------- AI providers
def openai(kind):
    mid = {"": "", "proj-": "proj-", "svcacct-": "svcacct-", "admin-": "admin-"}[kind]
    n = 20 if kind == "" else 74
    cs = B62 if kind == "" else B64U
    return f"sk-{mid}{rnd(cs, n)}T3BlbkFJ{rnd(cs, n)}"
rule("openai-api-key", "OpenAI API key (legacy user key)", r"(?<![A-Za-z0-9_-])(sk-[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9])",
     ["t3blbkfj"], [f"OPENAI_API_KEY={openai('')}"], ["OPENAI_API_KEY=sk-...", "OPENAI_API_KEY=sk-XXXXXXXXXXXXXXXXXXXXT3BlbkFJXXXXXXXXXXXXXXXXXXXX"], entropy=4.0)
for kind in ["proj", "svcacct", "admin"]:
    rule(f"openai-{kind}-key", f"OpenAI {kind} API key", rf"(?<![A-Za-z0-9_-])(sk-{kind}-[A-Za-z0-9_-]{{20,200}}T3BlbkFJ[A-Za-z0-9_-]{{20,200}})(?![A-Za-z0-9_-])",
         ["t3blbkfj"], [f"OPENAI_API_KEY={openai(kind + '-')}"], [f"OPENAI_API_KEY=sk-{kind}-..."], entropy=4.0)
for kind, pfx in [("api-key", "sk-ant-api03-"), ("admin-key", "sk-ant-admin01-")]:
    rule(f"anthropic-{kind}", f"Anthropic {kind.replace('-', ' ')}", rf"(?<![A-Za-z0-9_-])({pfx}[A-Za-z0-9_-]{{93}}AA)(?![A-Za-z0-9_-])",
         [pfx[:-1].lower()], [f"ANTHROPIC_API_KEY={pfx}{rnd(B64U, 93)}AA", f'client = Anthropic(api_key="{pfx}{rnd(B64U, 93)}AA")'],
         [f"ANTHROPIC_API_KEY={pfx}...", "ANTHROPIC_API_KEY=${ANTHROPIC_API_KEY}"], entropy=4.0)
prefixed("huggingface-access-token", "Hugging Face access token", "hf_", string.ascii_letters, 34, "HF_TOKEN") if False else None
rule("huggingface-access-token", "Hugging Face access token", r"(?<![A-Za-z0-9_-])(hf_[A-Za-z]{34})(?![A-Za-z0-9])", ["hf_"],
     [f"HF_TOKEN=hf_{rnd(string.ascii_letters, 34)}", f'login(token="hf_{rnd(string.ascii_letters, 34)}")'],
     ["HF_TOKEN=hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx", "HF_TOKEN=${HF_TOKEN}"], entropy=3.5)
rule("huggingface-org-token", "Hugging Face organization API token", r"(?<![A-Za-z0-9_-])(api_org_[A-Za-z]{34})(?![A-Za-z0-9])", ["api_org_"],
     [f"HF_ORG_TOKEN=api_org_{rnd(string.ascii_letters, 34)}"], ["HF_ORG_TOKEN=api_org_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"], entropy=3.5)
context("cohere-api-key", "Cohere API key", "cohere", B62, 40, "COHERE_API_KEY")
prefixed("replicate-api-token", "Replicate API token", "r8_", B62, 37, "REPLICATE_API_TOKEN")
prefixed("groq-api-key", "Groq API key", "gsk_", B62, 52, "GROQ_API_KEY")
prefixed("perplexity-api-key", "Perplexity API key", "pplx-", B62, 48, "PERPLEXITY_API_KEY")
prefixed("xai-api-key", "xAI API key", "xai-", B62, 80, "XAI_API_KEY")
context("mistral-api-key", "Mistral AI API key", "mistral", B62, 32, "MISTRAL_API_KEY")
context("deepseek-api-key", "DeepSeek API key", "deepseek", HEXL, 32, "DEEPSEEK_API_KEY", accepts=["hex"], tok=lambda: "sk-" + rnd(HEXL, 32))
RULES[-1]["regex"] = RULES[-1]["regex"].replace("([a-f0-9]{32})", "(sk-[a-f0-9]{32})")
rule("langsmith-api-key", "LangSmith API key", r"(?<![A-Za-z0-9_])(lsv2_(?:pt|sk)_[a-f0-9]{32}_[a-f0-9]{10})(?![A-Za-z0-9])", ["lsv2_"],
     [f"LANGCHAIN_API_KEY=lsv2_pt_{rnd(HEXL, 32)}_{rnd(HEXL, 10)}"], ["LANGCHAIN_API_KEY=lsv2_pt_..."], accepts=["hex"])
rule("pinecone-api-key", "Pinecone API key", r"(?<![A-Za-z0-9_])(pcsk_[A-Za-z0-9]{4,6}_[A-Za-z0-9]{60,70})(?![A-Za-z0-9])", ["pcsk_"],
     [f"PINECONE_API_KEY=pcsk_{rnd(B62, 5)}_{rnd(B62, 65)}"], ["PINECONE_API_KEY=pcsk_..."], entropy=4.0)
context("wandb-api-key", "Weights & Biases API key", "wandb", HEXL, 40, "WANDB_API_KEY", accepts=["hex"])
context("elevenlabs-api-key", "ElevenLabs API key", "(?:elevenlabs|xi)", HEXL, 32, "ELEVENLABS_API_KEY", accepts=["hex"], keywords=["elevenlabs", "xi-api-key", "xi_api_key"])
prefixed("together-api-key", "Together AI API key", "tgp_v1_", B64U, 43, "TOGETHER_API_KEY")
# ---------------------------------------------------------------- payment
for kind, pfx in [("secret-key-live", "sk_live_"), ("restricted-key-live", "rk_live_"), ("secret-key-test", "sk_test_"),
                  ("restricted-key-test", "rk_test_")]:
    prefixed(f"stripe-{kind}", f"Stripe {kind.replace('-', ' ')}", pfx, B62, (24, 99), "STRIPE_SECRET_KEY")
prefixed("stripe-webhook-secret", "Stripe webhook signing secret", "whsec_", B62, (32, 64), "STRIPE_WEBHOOK_SECRET")
prefixed("square-access-token", "Square access token", "EAAA", B64U, 60, "SQUARE_ACCESS_TOKEN", entropy=3.5)
prefixed("square-oauth-secret", "Square OAuth application secret", "sq0csp-", B64U, 43, "SQUARE_APP_SECRET")
prefixed("square-legacy-access-token", "Square access token (legacy sq0atp)", "sq0atp-", B64U, 22, "SQUARE_ACCESS_TOKEN")
rule("braintree-access-token", "PayPal Braintree access token", r"(access_token\$production\$[0-9a-z]{16}\$[0-9a-f]{32})", ["access_token$production$"],
     [f"BRAINTREE_TOKEN=access_token$production${rnd(LOWN, 16)}${rnd(HEXL, 32)}"], ["BRAINTREE_TOKEN=access_token$production$<merchant>$<token>"])
context("paypal-client-secret", "PayPal REST client secret", "paypal", B64U, 80, "PAYPAL_CLIENT_SECRET")
for kind, pfx in [("access-token", "shpat_"), ("custom-app-token", "shpca_"), ("private-app-token", "shppa_"), ("shared-secret", "shpss_")]:
    prefixed(f"shopify-{kind}", f"Shopify {kind.replace('-', ' ')}", pfx, HEXL, 32, "SHOPIFY_TOKEN", accepts=["hex"])
rule("plaid-access-token", "Plaid access token", r"(access-(?:sandbox|development|production)-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})",
     ["access-sandbox-", "access-development-", "access-production-"], [f"PLAID_ACCESS_TOKEN=access-production-{uuid()}"], ["PLAID_ACCESS_TOKEN=access-production-<uuid>"])
context("plaid-secret", "Plaid client secret", "plaid", HEXL, 30, "PLAID_SECRET", accepts=["hex"])
rule("flutterwave-secret-key", "Flutterwave secret key", r"(FLWSECK(?:_TEST)?-[a-h0-9]{32}-X)", ["flwseck"],
     [f"FLW_SECRET=FLWSECK_TEST-{rnd('abcdefgh0123456789', 32)}-X"], ["FLW_SECRET=FLWSECK-xxxxxxxx-X"])
rule("razorpay-key-secret", "Razorpay key secret next to a key id", r"(?is)rzp_(?:live|test)_[A-Za-z0-9]{14}.{1,80}?[\"'=:\s]([A-Za-z0-9]{24})(?![A-Za-z0-9])",
     ["rzp_live_", "rzp_test_"], [f"RAZORPAY_KEY_ID=rzp_live_{rnd(B62, 14)}\nRAZORPAY_KEY_SECRET={rnd(B62, 24)}"], ["RAZORPAY_KEY_ID=rzp_live_xxxxxxxxxxxxxx"], window=3)
prefixed("coinbase-cdp-key", "Coinbase CDP API key name", "organizations/", HEXL, 36, "COINBASE_KEY", accepts=["uuid", "hex"], gen=lambda: f"organizations/{uuid()}/apiKeys/{uuid()}",
         regex_prefix=r"organizations/[0-9a-f-]{36}/apiKeys/", keyword="/apikeys/")
RULES[-1]["regex"] = RULES[-1]["regex"].replace("[a-f0-9]{36}", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}").replace("(?![a-f0-9])", "(?![a-f0-9-])")
RULES[-1]["fp"] = ["COINBASE_KEY=organizations/{org_id}/apiKeys/{key_id}"]
# ---------------------------------------------------------------- messaging
slack_ids = lambda: f"{R.randint(10**10, 10**12)}-{R.randint(10**10, 10**12)}"
rule("slack-bot-token", "Slack bot token", r"(?<![A-Za-z0-9])(xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24})(?![A-Za-z0-9])", ["xoxb-"],
     [f"SLACK_BOT_TOKEN=xoxb-{slack_ids()}-{rnd(B62, 24)}"], ["SLACK_BOT_TOKEN=xoxb-your-token", "SLACK_BOT_TOKEN=xoxb-0000000000-0000000000-xxxxxxxxxxxxxxxxxxxxxxxx"])
rule("slack-user-token", "Slack user token", r"(?<![A-Za-z0-9])(xox[pe]-[0-9]{10,13}-[0-9]{10,13}-[0-9]{10,13}-[a-f0-9]{32})(?![A-Za-z0-9])", ["xoxp-", "xoxe-"],
     [f"SLACK_USER_TOKEN=xoxp-{slack_ids()}-{R.randint(10**10, 10**12)}-{rnd(HEXL, 32)}"], ["SLACK_USER_TOKEN=xoxp-..."], accepts=["hex"])
rule("slack-app-token", "Slack app-level token", r"(?i)(?<![A-Za-z0-9])(xapp-\d-[A-Z0-9]+-\d+-[a-f0-9]{64})(?![A-Za-z0-9])", ["xapp-"],
     [f"SLACK_APP_TOKEN=xapp-1-A0{rnd(UPN, 9)}-{R.randint(10**12, 10**13)}-{rnd(HEXL, 64)}"], ["SLACK_APP_TOKEN=xapp-1-..."], accepts=["hex"])
prefixed("slack-config-access-token", "Slack configuration access token", "xoxe.xoxp-1-", B62, (163, 166), "SLACK_CONFIG_TOKEN", entropy=4.0)
prefixed("slack-config-refresh-token", "Slack configuration refresh token", "xoxe-1-", B62, 146, "SLACK_CONFIG_REFRESH_TOKEN", entropy=4.0)
rule("slack-legacy-token", "Slack legacy workspace/bot token", r"(?<![A-Za-z0-9])(xox[aors]-(?:\d+-){1,3}[A-Za-z0-9]{8,48})(?![A-Za-z0-9-])", ["xoxa-", "xoxo-", "xoxr-", "xoxs-"],
     [f"SLACK_TOKEN=xoxs-{R.randint(10**9, 10**10)}-{R.randint(10**9, 10**10)}-{rnd(B62, 32)}"], ["SLACK_TOKEN=xoxs-your-token-here"])
rule("slack-webhook-url", "Slack incoming webhook URL", r"(https://hooks\.slack\.com/(?:services|workflows|triggers)/[A-Za-z0-9+/]{43,56})",
     ["hooks.slack.com"], [f"SLACK_WEBHOOK=https://hooks.slack.com/services/T{rnd(UPN, 8)}/B{rnd(UPN, 10)}/{rnd(B62, 24)}"],
     ["SLACK_WEBHOOK=https://hooks.slack.com/services/T00000000/B00000000/XXXXXXXXXXXXXXXXXXXXXXXX", "see https://hooks.slack.com/services/"], entropy=4.0)
rule("twilio-api-key", "Twilio API key SID", r"(?<![A-Za-z0-9])(SK[0-9a-f]{32})(?![A-Za-z0-9])", ["twilio"],
     [f"TWILIO_API_KEY=SK{rnd(HEXL, 32)}"], ["TWILIO_API_KEY=SKxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"], window=2, accepts=["hex"])
context("twilio-auth-token", "Twilio auth token", "twilio", HEXL, 32, "TWILIO_AUTH_TOKEN", accepts=["hex"])
rule("sendgrid-api-key", "SendGrid API key", r"(?<![A-Za-z0-9])(SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43})(?![A-Za-z0-9_-])", ["sg."],
     [f"SENDGRID_API_KEY=SG.{rnd(B64U, 22)}.{rnd(B64U, 43)}"], ["SENDGRID_API_KEY=SG.xxxxxxxxxxxxxxxxxxxxxx.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"], entropy=4.0)
rule("mailgun-private-api-key", "Mailgun private API key", r"(?i)mailgun[\s\S]{0,40}?(key-[a-f0-9]{32})(?![a-f0-9])", ["mailgun"],
     [f"MAILGUN_API_KEY=key-{rnd(HEXL, 32)}"], ["MAILGUN_API_KEY=key-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"], accepts=["hex"])
rule("mailgun-public-key", "Mailgun public validation key", r"(pubkey-[a-f0-9]{32})(?![a-f0-9])", ["pubkey-"],
     [f"MAILGUN_PUBKEY=pubkey-{rnd(HEXL, 32)}"], ["MAILGUN_PUBKEY=pubkey-<key>"], accepts=["hex"])
context("mailgun-signing-key", "Mailgun webhook signing key", "mailgun[_-]?(?:webhook|signing)", HEXL, 32, "MAILGUN_SIGNING_KEY", accepts=["hex"], keywords=["mailgun"],
        tok=lambda: rnd(HEXL, 32) + "-" + rnd(HEXL, 8) + "-" + rnd(HEXL, 8))
RULES[-1]["regex"] = RULES[-1]["regex"].replace("([a-f0-9]{32})", "([a-f0-9]{32}-[a-f0-9]{8}-[a-f0-9]{8})")
rule("mailchimp-api-key", "Mailchimp API key", r"(?<![A-Za-z0-9])([a-f0-9]{32}-us\d{1,2})(?![A-Za-z0-9])", ["-us"],
     [f"MAILCHIMP_API_KEY={rnd(HEXL, 32)}-us{R.randint(1, 21)}"], ["MAILCHIMP_API_KEY=<key>-us6"], accepts=["hex"])
context("mandrill-api-key", "Mandrill API key", "mandrill", B64U, 22, "MANDRILL_API_KEY")
context("postmark-server-token", "Postmark server token", "postmark", HEXL, 36, "POSTMARK_SERVER_TOKEN", accepts=["uuid"], tok=uuid)
RULES[-1]["regex"] = RULES[-1]["regex"].replace("[a-f0-9]{36}", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
rule("brevo-api-key", "Brevo (Sendinblue) API key", r"(xkeysib-[a-f0-9]{64}-[A-Za-z0-9]{16})", ["xkeysib-"],
     [f"BREVO_API_KEY=xkeysib-{rnd(HEXL, 64)}-{rnd(B62, 16)}"], ["BREVO_API_KEY=xkeysib-..."])
rule("discord-bot-token", "Discord bot token", r"(?<![A-Za-z0-9_-])([MNO][A-Za-z0-9_-]{23,25}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38})(?![A-Za-z0-9_-])",
     ["discord"], [f"DISCORD_BOT_TOKEN=M{rnd(B64U, 25)}.{rnd(B64U, 6)}.{rnd(B64U, 38)}"], ["DISCORD_BOT_TOKEN=<token>"], window=2, entropy=4.0)
rule("discord-webhook-url", "Discord webhook URL", r"(https://(?:ptb\.|canary\.)?discord(?:app)?\.com/api/webhooks/\d{17,20}/[A-Za-z0-9_-]{60,68})",
     ["discord"], [f"DISCORD_WEBHOOK=https://discord.com/api/webhooks/{R.randint(10**17, 10**18)}/{rnd(B64U, 68)}"], ["DISCORD_WEBHOOK=https://discord.com/api/webhooks/<id>/<token>"], entropy=4.0)
context("discord-client-secret", "Discord OAuth client secret", "discord", B64U, 32, "DISCORD_CLIENT_SECRET")
rule("telegram-bot-token", "Telegram bot token", r"(?<![A-Za-z0-9])(\d{8,10}:AA[A-Za-z0-9_-]{33})(?![A-Za-z0-9_-])", [":aa"],
     [f"TELEGRAM_BOT_TOKEN={R.randint(10**8, 10**9)}:AA{rnd(B64U, 33)}"], ["TELEGRAM_BOT_TOKEN=123456789:AAxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"])
rule("microsoft-teams-webhook", "Microsoft Teams incoming webhook", r"(https://[a-z0-9-]+\.webhook\.office\.com/webhookb2/[a-z0-9-]{36}@[a-z0-9-]{36}/IncomingWebhook/[a-z0-9]{32}/[a-z0-9-]{36})",
     ["webhook.office.com"], [f"TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/{uuid()}@{uuid()}/IncomingWebhook/{rnd(HEXL, 32)}/{uuid()}"], ["TEAMS_WEBHOOK=https://acme.webhook.office.com/webhookb2/..."])
context("mattermost-access-token", "Mattermost personal access token", "mattermost", LOWN, 26, "MATTERMOST_TOKEN")
prefixed("zulip-api-key", "Zulip API key", "", B62, 32, "ZULIP_API_KEY") if False else None
context("zulip-api-key", "Zulip API key", "zulip", B62, 32, "ZULIP_API_KEY")
context("pusher-secret", "Pusher channels secret", "pusher", HEXL, 20, "PUSHER_APP_SECRET", accepts=["hex"])
context("vonage-api-secret", "Vonage (Nexmo) API secret", "(?:vonage|nexmo)", B62, 16, "VONAGE_API_SECRET", keywords=["vonage", "nexmo"])
context("messagebird-api-key", "MessageBird API key", "messagebird", B62, 25, "MESSAGEBIRD_API_KEY")
context("intercom-access-token", "Intercom access token", "intercom", B64U, 60, "INTERCOM_ACCESS_TOKEN")
# ---------------------------------------------------------------- package registries
rule("npm-access-token", "npm access token, CRC32-checked", r"(?<![A-Za-z0-9_])(npm_[A-Za-z0-9]{36})(?![A-Za-z0-9])", ["npm_"],
     [f"//registry.npmjs.org/:_authToken={crc_token('npm_')}", f"NPM_TOKEN={crc_token('npm_')}"],
     [f"build id {bad_crc_token('npm_')}", "NPM_TOKEN=${NPM_TOKEN}", "//registry.npmjs.org/:_authToken=${NPM_TOKEN}"], validate="crc32-base62", entropy=3.5)
rule("npmrc-auth-token", "npm registry auth token in .npmrc (legacy UUID form)", r"(?i)//[^\s/]+(?:/[^\s]*)?/:_authToken=([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})",
     ["_authtoken="], [f"//registry.npmjs.org/:_authToken={uuid()}"], ["//registry.npmjs.org/:_authToken=${NPM_TOKEN}"], accepts=["uuid"])
rule("npmrc-auth-password", "npm registry _auth / _password in .npmrc", r"(?im)^\s*(?://[^\s]+:)?_(?:auth|password)\s*=\s*([A-Za-z0-9+/]{16,}={0,2})\s*$",
     ["_auth", "_password"], [f"_auth = {base64.b64encode(('ci:' + rnd(B62, 20)).encode()).decode()}"], ["_auth = ${NPM_AUTH}", "_auth=xxxxxxxxxxxxxxxxxxxxxxxx"], entropy=3.5)
rule("pypi-upload-token", "PyPI upload token", r"(pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,})", ["pypi-ageichlwas5vcmc"],
     [f"password = pypi-AgEIcHlwaS5vcmc{rnd(B64U, 120)}"], ["password = pypi-AgEIcHlwaS5vcmc<rest-of-token>"], entropy=4.0)
rule("testpypi-upload-token", "TestPyPI upload token", r"(pypi-AgENdGVzdC5weXBpLm9yZw[A-Za-z0-9_-]{50,})", ["pypi-agendgvzdc5wexbplm9yzw"],
     [f"password = pypi-AgENdGVzdC5weXBpLm9yZw{rnd(B64U, 120)}"], ["password = pypi-AgENdGVzdC5weXBpLm9yZw<token>"], entropy=4.0)
prefixed("rubygems-api-key", "RubyGems API key", "rubygems_", HEXL, 48, "GEM_HOST_API_KEY", accepts=["hex"])
prefixed("nuget-api-key", "NuGet API key", "oy2", LOWN, 43, "NUGET_API_KEY")
prefixed("dockerhub-pat", "Docker Hub personal access token", "dckr_pat_", B64U, 27, "DOCKERHUB_TOKEN")
prefixed("dockerhub-oat", "Docker Hub organization access token", "dckr_oat_", B64U, (27, 40), "DOCKERHUB_TOKEN")
rule("docker-config-auth", "Registry credentials in a Docker config.json", r"\"auth\"\s*:\s*\"([A-Za-z0-9+/]{20,}={0,2})\"", ["\"auth\""],
     [f'{{"auths": {{"registry.acme.io": {{"auth": "{base64.b64encode(("deploy:" + rnd(B62, 24)).encode()).decode()}"}}}}}}'], ['{"auths": {"registry.acme.io": {"auth": ""}}}', '"auth": "${REGISTRY_AUTH}"'], entropy=3.5)
prefixed("jfrog-api-key", "JFrog Artifactory API key", "AKCp", B62, 69, "ARTIFACTORY_API_KEY", entropy=4.0)
prefixed("jfrog-reference-token", "JFrog Artifactory reference token", "cmVmdGtu", B62, 56, "ARTIFACTORY_TOKEN", keyword="cmvmdgtu")
for kind, pfx in [("project-token", "sqp_"), ("user-token", "squ_"), ("analysis-token", "sqa_")]:
    prefixed(f"sonarqube-{kind}", f"SonarQube {kind.replace('-', ' ')}", pfx, HEXL, 40, "SONAR_TOKEN", accepts=["hex"])
rule("cargo-registry-token", "Cargo (crates.io) registry token", r"(?<![A-Za-z0-9])(cio[A-Za-z0-9]{32})(?![A-Za-z0-9])", ["cio"],
     [f'token = "cio{rnd(B62, 32)}"'], ['token = "cioxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"'], entropy=3.5)
rule("hex-pm-api-key", "Hex.pm API key", r"(?i)hex[\w.-]{0,20}(?:key|secret)[\w.-]{0,10}\s*[=:]\s*[\"']?([a-f0-9]{32})(?![a-f0-9])", ["hex_api", "hex-api", "hexpm"],
     [f"HEX_API_KEY={rnd(HEXL, 32)}"], ["HEX_API_KEY=${HEX_API_KEY}"], accepts=["hex"])
context("packagist-token", "Packagist API token", "packagist", B64U, 20, "PACKAGIST_TOKEN")
context("cocoapods-trunk-token", "CocoaPods trunk token", "cocoapods", HEXL, 32, "COCOAPODS_TRUNK_TOKEN", accepts=["hex"])
# ---------------------------------------------------------------- private keys
def pem(kind, body_prefix):
    return f"-----BEGIN {kind}-----\n{body_prefix}{rnd(B64, 64 - len(body_prefix))}\n{rnd(B64, 64)}\n{rnd(B64, 40)}=\n-----END {kind}-----\n"
for id, kind, bp in [("rsa", "RSA PRIVATE KEY", "MIIEowIBAAKCAQEA"), ("ec", "EC PRIVATE KEY", "MHcCAQEEI"), ("dsa", "DSA PRIVATE KEY", "MIIBuwIBAAKBgQD"),
                     ("openssh", "OPENSSH PRIVATE KEY", "b3BlbnNzaC1rZXktdjEAAAAA"), ("pkcs8", "PRIVATE KEY", "MIIEvgIBADANBgkqhkiG9w0BAQEFAASC"),
                     ("pkcs8-encrypted", "ENCRYPTED PRIVATE KEY", "MIIFHDBOBgkqhkiG9w0BBQ0wQTApBgkq"), ("ssh2-encrypted", "SSH2 ENCRYPTED PRIVATE KEY", "P2/56wAAA"),
                     ("pgp", "PGP PRIVATE KEY BLOCK", "lQOYBF")]:
    header = r"(?:[A-Za-z-]+: [^\n]*\r?\n)*\r?\n?" if id in ("rsa", "ec", "dsa", "pgp") else ""
    rule(f"private-key-{id}", f"{kind.title()} (PEM)", rf"-----BEGIN {kind}-----(?:\r?\n|\\n){header}([A-Za-z0-9+/=]{{40,}})", [f"-----begin {kind.lower()}"],
         [pem(kind, bp), "key = \"" + pem(kind, bp).replace("\n", "\\n") + "\""],
         [f"-----BEGIN {kind}-----\n<your key here>\n-----END {kind}-----", f"if line.startswith('-----BEGIN {kind}-----'):"],
         entropy=4.0, window=4)
rule("putty-private-key", "PuTTY private key file", r"(?s)PuTTY-User-Key-File-\d: [^\n]+\n.{0,400}?Private-Lines: \d+\r?\n([A-Za-z0-9+/=]{40,})", ["putty-user-key-file-"],
     [f"PuTTY-User-Key-File-3: ssh-ed25519\nEncryption: none\nComment: deploy\nPublic-Lines: 2\n{rnd(B64, 64)}\n{rnd(B64, 20)}\nPrivate-Lines: 1\n{rnd(B64, 44)}\n"],
     ["PuTTY-User-Key-File-3: ssh-ed25519\nPrivate-Lines: 1\n<private part>"], entropy=4.0, window=12)
rule("age-secret-key", "age encryption secret key", r"(AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})", ["age-secret-key-1"],
     [f"# created: 2024-01-01\nAGE-SECRET-KEY-1{rnd('QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L', 58)}"], ["AGE-SECRET-KEY-1<key>"])
rule("jwk-private-key", "JSON Web Key with a private exponent", r"\"d\"\s*:\s*\"([A-Za-z0-9_-]{40,})\"", ["\"kty\""],
     [f'{{"kty":"EC","crv":"P-256","x":"{rnd(B64U, 43)}","y":"{rnd(B64U, 43)}","d":"{rnd(B64U, 43)}"}}'], ['{"kty":"EC","crv":"P-256","x":"abc","y":"def"}'], entropy=4.0, window=10)
# ---------------------------------------------------------------- tokens with structure
def b64u(s):
    return base64.urlsafe_b64encode(s.encode()).decode().rstrip("=")
jwt = lambda: f"{b64u(json.dumps({'alg': 'HS256', 'typ': 'JWT'}))}.{b64u(json.dumps({'sub': str(R.randint(1, 10**6)), 'iat': 1700000000 + R.randint(0, 10**7)}))}.{rnd(B64U, 43)}"
rule("jwt", "JSON Web Token (signed)", r"(?<![A-Za-z0-9_-])(eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{20,})(?![A-Za-z0-9_-])", ["eyj"],
     [f"Authorization: Bearer {jwt()}", f'const token = "{jwt()}";'],
     [f"unsigned = \"{b64u(json.dumps({'alg': 'none'}))}.{b64u(json.dumps({'sub': '1'}))}.\"", "JWTs start with eyJ"], entropy=4.0, control="CC6.1")
rule("kubernetes-secret-data", "Kubernetes Secret manifest with data", r"(?s)kind:\s*Secret\b.{0,600}?\n(?:data|stringData):\s*\r?\n\s+[\w.-]+:\s*[\"']?([A-Za-z0-9+/]{12,}={0,2})",
     ["kind: secret"], [f"apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ntype: Opaque\ndata:\n  password: {base64.b64encode(rnd(B62, 18).encode()).decode()}\n"],
     ["apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\ndata:\n  password: \"{{ .Values.password | b64enc }}\"\n"], entropy=3.5, window=15)
rule("kubernetes-secret-data-reversed", "Kubernetes Secret manifest (data before kind)", r"(?s)(?:data|stringData):\s*\r?\n\s+[\w.-]+:\s*[\"']?([A-Za-z0-9+/]{12,}={0,2})[\"']?\s*\r?\n.{0,600}?kind:\s*Secret\b",
     ["kind: secret"], [f"apiVersion: v1\ndata:\n  token: {base64.b64encode(rnd(B62, 24).encode()).decode()}\nkind: Secret\nmetadata:\n  name: api\n"],
     ["data:\n  token: \"{{ .Values.token }}\"\nkind: Secret\n"], entropy=3.5, window=15)
rule("kubeconfig-client-key-data", "kubeconfig client key", r"client-key-data:\s*([A-Za-z0-9+/]{40,}={0,2})", ["client-key-data"],
     [f"    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVktLS0tLQo{rnd(B64, 200)}"], ["    client-key-data: ${CLIENT_KEY_DATA}", "    client-key-data: REDACTED"], entropy=4.0)
rule("kubeconfig-user-token", "kubeconfig user bearer token", r"(?s)\buser:\s*\r?\n\s+token:\s*[\"']?([A-Za-z0-9._~+/-]{20,}=*)", ["user:"],
     [f"users:\n- name: ci\n  user:\n    token: {rnd(B64U, 40)}\n"], ["users:\n- name: ci\n  user:\n    token: ${K8S_TOKEN}\n"], entropy=4.0, window=2)
rule("basic-auth-header", "HTTP Basic authorization header", r"(?i)authorization:\s*basic\s+([A-Za-z0-9+/]{16,}={0,2})", ["basic "],
     [f"curl -H 'Authorization: Basic {base64.b64encode(('api:' + rnd(B62, 20)).encode()).decode()}' https://api.acme.io"], ["curl -H 'Authorization: Basic $CREDS' https://api.acme.io"], entropy=3.5)
rule("bearer-token-header", "HTTP Bearer authorization header with a literal token", r"(?i)authorization:\s*bearer\s+([A-Za-z0-9._~+/-]{30,}=*)", ["bearer "],
     [f"curl -H \"Authorization: Bearer {rnd(B64U, 40)}\" https://api.acme.io"], ["curl -H \"Authorization: Bearer $TOKEN\" https://api.acme.io", "Authorization: Bearer <token>"], entropy=4.0)
# ---------------------------------------------------------------- URLs with passwords
URL_ALLOW = [r"(?i)^(?:password|passwd|pass|pwd|secret|changeme|guest|admin|root|test|user|postgres|mysql|redis|example|\*+|x+)$"]
def url_rule(id, desc, scheme_re, keyword, sample_scheme, host):
    regex = rf"(?i)\b{scheme_re}://[^:\s/@\"'<>]+:([^@\s\"'<>/]{{4,}})@[^\s\"'<>/]+"
    pw = rnd(B62, 12) + R.choice("!*-_") + rnd(B62, 4)
    rule(id, desc, regex, keyword, [f"DATABASE_URL={sample_scheme}://app:{pw}@{host}/prod", f'url: "{sample_scheme}://svc:{rnd(B62, 20)}@{host}"'],
         [f"DATABASE_URL={sample_scheme}://user:password@localhost/dev", f"DATABASE_URL={sample_scheme}://app:${{DB_PASSWORD}}@{host}/prod",
          f"{sample_scheme}://guest:guest@localhost"], entropy=2.5, allow=URL_ALLOW, control="CC6.1")
url_rule("postgres-url-password", "PostgreSQL connection URL with a password", r"postgres(?:ql)?(?:\+\w+)?", ["postgres"], "postgresql", "db.acme.internal:5432")
url_rule("mysql-url-password", "MySQL / MariaDB connection URL with a password", r"(?:mysql|mariadb)(?:\+\w+)?", ["mysql", "mariadb"], "mysql", "mysql.acme.internal:3306")
url_rule("mongodb-url-password", "MongoDB connection URL with a password", r"mongodb(?:\+srv)?", ["mongodb"], "mongodb+srv", "cluster0.ab1cd.mongodb.net")
url_rule("redis-url-password", "Redis connection URL with a password", r"rediss?", ["redis"], "rediss", "cache.acme.internal:6380")
url_rule("amqp-url-password", "AMQP (RabbitMQ) URL with a password", r"amqps?", ["amqp"], "amqps", "mq.acme.internal:5671")
url_rule("mssql-url-password", "SQL Server connection URL with a password", r"(?:mssql|sqlserver)", ["mssql", "sqlserver"], "mssql", "sql.acme.internal:1433")
url_rule("clickhouse-url-password", "ClickHouse connection URL with a password", r"clickhouse", ["clickhouse"], "clickhouse", "ch.acme.internal:9440")
url_rule("cockroachdb-url-password", "CockroachDB connection URL with a password", r"cockroachdb", ["cockroachdb"], "cockroachdb", "crdb.acme.internal:26257")
url_rule("nats-url-password", "NATS URL with a password", r"nats", ["nats://"], "nats", "nats.acme.internal:4222")
url_rule("mqtt-url-password", "MQTT URL with a password", r"mqtts?", ["mqtt"], "mqtts", "broker.acme.internal:8883")
url_rule("kafka-url-password", "Kafka SASL URL with a password", r"kafka(?:\+ssl)?", ["kafka://", "kafka+ssl://"], "kafka", "kafka.acme.internal:9093")
url_rule("ldap-url-password", "LDAP URL with a bind password", r"ldaps?", ["ldap"], "ldaps", "ldap.acme.internal:636")
url_rule("smtp-url-password", "SMTP URL with a password", r"smtps?", ["smtp"], "smtps", "smtp.acme.io:465")
url_rule("ftp-url-password", "FTP/SFTP URL with a password", r"s?ftp", ["ftp://", "sftp://"], "sftp", "files.acme.io")
url_rule("http-url-password", "HTTP(S) URL with embedded credentials", r"https?", ["http://", "https://"], "https", "registry.acme.io")
RULES[-1]["allow"] = URL_ALLOW + [r"^x-access-token$"]
rule("jdbc-password", "JDBC URL with a password parameter", r"(?i)jdbc:[a-z0-9]+:[^\s\"']*?[;?&]password=([^;&\s\"']{4,})", ["jdbc:"],
     [f"spring.datasource.url=jdbc:sqlserver://sql.acme.internal:1433;databaseName=prod;user=app;password={rnd(B62, 14)}!"],
     ["spring.datasource.url=jdbc:sqlserver://localhost;user=sa;password=${SA_PASSWORD}"], entropy=2.5, allow=URL_ALLOW)
rule("ado-connection-string-password", "ADO.NET / ODBC connection string with a password", r"(?i)(?:server|data source|host)=[^;\"'\n]+;[^\"'\n]*?\b(?:password|pwd)=([^;\"'\s]{4,})",
     ["password=", "pwd="], [f"\"Default\": \"Server=sql.acme.internal;Database=prod;User Id=app;Password={rnd(B62, 14)}#;\""],
     ["\"Default\": \"Server=(localdb)\\\\mssqllocaldb;Database=dev;Trusted_Connection=True;\"", "Server=db;User Id=app;Password=${DB_PASSWORD};"], entropy=2.5, allow=URL_ALLOW)
# ---------------------------------------------------------------- observability and SaaS
context("datadog-api-key", "Datadog API key", "(?:datadog|dd)[_-]?api", HEXL, 32, "DD_API_KEY", accepts=["hex"], keywords=["datadog", "dd_api", "dd-api"])
context("datadog-app-key", "Datadog application key", "(?:datadog|dd)[_-]?app(?:lication)?", HEXL, 40, "DD_APP_KEY", accepts=["hex"], keywords=["datadog", "dd_app", "dd-app"])
prefixed("newrelic-user-api-key", "New Relic user API key", "NRAK-", UPN, 27, "NEW_RELIC_API_KEY")
prefixed("newrelic-insert-key", "New Relic insert key", "NRII-", B64U, 32, "NEW_RELIC_INSERT_KEY")
prefixed("newrelic-browser-key", "New Relic browser API key", "NRJS-", HEXL, 19, "NEW_RELIC_BROWSER_KEY", accepts=["hex"])
prefixed("grafana-cloud-token", "Grafana Cloud API token", "glc_", B62, (32, 200), "GRAFANA_CLOUD_TOKEN", entropy=4.0)
rule("grafana-service-account-token", "Grafana service account token", r"(glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8})", ["glsa_"],
     [f"GRAFANA_TOKEN=glsa_{rnd(B62, 32)}_{rnd(HEXL, 8)}"], ["GRAFANA_TOKEN=glsa_..."])
prefixed("grafana-api-key", "Grafana API key (legacy)", "eyJrIjoi", B62, (70, 400), "GRAFANA_API_KEY", entropy=4.0, keyword="eyjrijoi")
rule("dynatrace-api-token", "Dynatrace API token", r"(dt0c01\.[A-Z0-9]{24}\.[A-Z0-9]{64})", ["dt0c01."],
     [f"DT_API_TOKEN=dt0c01.{rnd(UPN, 24)}.{rnd(UPN, 64)}"], ["DT_API_TOKEN=dt0c01.<id>.<secret>"])
prefixed("sentry-org-token", "Sentry organization auth token", "sntrys_", B64U, (60, 200), "SENTRY_AUTH_TOKEN", entropy=4.0)
prefixed("sentry-user-token", "Sentry user auth token", "sntryu_", HEXL, 64, "SENTRY_AUTH_TOKEN", accepts=["hex"])
context("sentry-auth-token-legacy", "Sentry auth token (legacy)", "sentry", HEXL, 64, "SENTRY_AUTH_TOKEN", accepts=["hex"])
context("honeycomb-api-key", "Honeycomb API key", "honeycomb", B62, 22, "HONEYCOMB_API_KEY")
context("splunk-hec-token", "Splunk HTTP event collector token", "(?:splunk|hec)", HEXL, 36, "SPLUNK_HEC_TOKEN", accepts=["uuid"], keywords=["splunk", "hec_", "hec-"], tok=uuid)
RULES[-1]["regex"] = RULES[-1]["regex"].replace("[a-f0-9]{36}", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
context("pagerduty-api-key", "PagerDuty API key", "pagerduty", B64U, 20, "PAGERDUTY_API_KEY")
context("opsgenie-api-key", "Opsgenie API key", "opsgenie", HEXL, 36, "OPSGENIE_API_KEY", accepts=["uuid"], tok=uuid)
RULES[-1]["regex"] = RULES[-1]["regex"].replace("[a-f0-9]{36}", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
context("algolia-admin-key", "Algolia admin API key", "algolia", HEXL, 32, "ALGOLIA_ADMIN_KEY", accepts=["hex"])
context("snyk-api-token", "Snyk API token", "snyk", HEXL, 36, "SNYK_TOKEN", accepts=["uuid"], tok=uuid)
RULES[-1]["regex"] = RULES[-1]["regex"].replace("[a-f0-9]{36}", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
context("codecov-token", "Codecov upload token", "codecov", HEXL, 36, "CODECOV_TOKEN", accepts=["uuid"], tok=uuid)
RULES[-1]["regex"] = RULES[-1]["regex"].replace("[a-f0-9]{36}", "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")
rule("asana-pat", "Asana personal access token", r"(?<![A-Za-z0-9/])([0-9]/[0-9]{13,16}:[a-f0-9]{32})(?![A-Za-z0-9])", ["asana"],
     [f"ASANA_TOKEN=1/{R.randint(10**14, 10**15)}:{rnd(HEXL, 32)}"], ["ASANA_TOKEN=1/<user>:<token>"], window=1, accepts=["hex"])
prefixed("linear-api-key", "Linear API key", "lin_api_", B62, 40, "LINEAR_API_KEY")
prefixed("notion-integration-token", "Notion integration token (secret_)", "secret_", B62, 43, "NOTION_TOKEN")
rule("notion-token", "Notion integration token (ntn_)", r"(ntn_[0-9]{11}[A-Za-z0-9]{35})", ["ntn_"],
     [f"NOTION_TOKEN=ntn_{R.randint(10**10, 10**11)}{rnd(B62, 35)}"], ["NOTION_TOKEN=ntn_..."])
prefixed("figma-pat", "Figma personal access token", "figd_", B64U, 40, "FIGMA_TOKEN")
prefixed("contentful-pat", "Contentful personal access token", "CFPAT-", B64U, 43, "CONTENTFUL_TOKEN")
rule("hubspot-private-app-token", "HubSpot private app token", r"(pat-(?:na|eu)1-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})", ["pat-na1-", "pat-eu1-"],
     [f"HUBSPOT_TOKEN=pat-na1-{uuid()}"], ["HUBSPOT_TOKEN=pat-na1-<uuid>"])
context("zendesk-api-token", "Zendesk API token", "zendesk", B62, 40, "ZENDESK_API_TOKEN")
context("okta-api-token", "Okta API token", "okta", B64U, 42, "OKTA_API_TOKEN", tok=lambda: "00" + rnd(B64U, 40))
context("auth0-client-secret", "Auth0 client secret", "auth0", B64U, 64, "AUTH0_CLIENT_SECRET")
rule("shippo-api-token", "Shippo API token", r"(shippo_(?:live|test)_[a-f0-9]{40})", ["shippo_"],
     [f"SHIPPO_TOKEN=shippo_live_{rnd(HEXL, 40)}"], ["SHIPPO_TOKEN=shippo_live_<token>"], accepts=["hex"])
prefixed("easypost-api-key", "EasyPost production API key", "EZAK", HEXL, 54, "EASYPOST_API_KEY", accepts=["hex"])
prefixed("easypost-test-key", "EasyPost test API key", "EZTK", HEXL, 54, "EASYPOST_TEST_KEY", accepts=["hex"])
rule("mapbox-secret-token", "Mapbox secret access token", r"(sk\.eyJ1Ijoi[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{22})", ["sk.eyj1ijoi"],
     [f"MAPBOX_TOKEN=sk.eyJ1Ijoi{rnd(B64U, 40)}.{rnd(B64U, 22)}"], ["MAPBOX_TOKEN=<sk.token>"])
rule("twitter-bearer-token", "Twitter/X API bearer token", r"(AAAAAAAAAAAAAAAAAAAAA[A-Za-z0-9%]{60,120})", ["aaaaaaaaaaaaaaaaaaaaa"],
     [f"TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA{rnd(B62, 80)}"], ["TWITTER_BEARER_TOKEN=AAAAAAAAAAAAAAAAAAAAA..."], entropy=3.5)
prefixed("facebook-access-token", "Facebook / Meta access token", "EAAC", B62, (100, 250), "FB_ACCESS_TOKEN", entropy=4.0)
context("facebook-app-secret", "Facebook app secret", "(?:facebook|fb)[_-]?app", HEXL, 32, "FACEBOOK_APP_SECRET", accepts=["hex"], keywords=["facebook", "fb_app", "fb-app"])
context("twitch-client-secret", "Twitch client secret", "twitch", LOWN, 30, "TWITCH_CLIENT_SECRET")
context("linkedin-client-secret", "LinkedIn client secret", "linkedin", B62, 16, "LINKEDIN_CLIENT_SECRET")
context("spotify-client-secret", "Spotify client secret", "spotify", HEXL, 32, "SPOTIFY_CLIENT_SECRET", accepts=["hex"])
prefixed("dropbox-short-lived-token", "Dropbox short-lived access token", "sl.", B64U, (130, 152), "DROPBOX_TOKEN", entropy=4.0)
prefixed("onepassword-service-token", "1Password service account token", "ops_eyJ", B64U, (250, 400), "OP_SERVICE_ACCOUNT_TOKEN", entropy=4.0, keyword="ops_eyj")
prefixed("prefect-api-key", "Prefect API key", "pnu_", B62, 36, "PREFECT_API_KEY")
prefixed("readme-api-key", "ReadMe API key", "rdme_", LOWN, 70, "README_API_KEY")
prefixed("scalingo-api-token", "Scalingo API token", "tk-us-", B64U, 48, "SCALINGO_API_TOKEN")
prefixed("postman-api-key", "Postman API key", "PMAK-", HEXL, 59, "POSTMAN_API_KEY", accepts=["hex"], gen=lambda: "PMAK-" + rnd(HEXL, 24) + "-" + rnd(HEXL, 34),
         regex_prefix=r"PMAK-[a-f0-9]{24}-", keyword="pmak-")
RULES[-1]["regex"] = RULES[-1]["regex"].replace("{59}", "{34}")
prefixed("launchdarkly-access-token", "LaunchDarkly access token", "api-", HEXL, 36, "LD_ACCESS_TOKEN", gen=lambda: "api-" + uuid(), accepts=["uuid"], keyword="launchdarkly")
RULES[-1]["regex"] = r"(?i)(?:launchdarkly|ld)[\w.-]{0,20}\s*[=:]\s*[\"']?(api-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})"
RULES[-1]["keywords"] = ["launchdarkly", "ld_", "ld-"]
RULES[-1]["tp"] = [f"LD_ACCESS_TOKEN=api-{uuid()}"]
prefixed("beamer-api-token", "Beamer API token", "b_", B64U, 44, "BEAMER_API_KEY", keyword="beamer")
RULES[-1]["regex"] = r"(?i)beamer[\w.-]{0,20}[\"']?\s*[=:]\s*[\"']?(b_[A-Za-z0-9=_-]{44})"
prefixed("clojars-api-token", "Clojars deploy token", "CLOJARS_", LOWN, 60, "CLOJARS_TOKEN")
prefixed("defined-networking-token", "Defined Networking API token", "dnkey-", B64U, 26, "DN_API_KEY", gen=lambda: f"dnkey-{rnd(B64U, 26)}-{rnd(B64U, 52)}", regex_prefix="dnkey-[A-Za-z0-9=_-]{26}-")
RULES[-1]["regex"] = RULES[-1]["regex"].replace("{26}", "{52}", 1) if False else RULES[-1]["regex"].replace(r"[A-Za-z0-9_-]{26}", r"[A-Za-z0-9_-]{52}")
prefixed("duffel-api-token", "Duffel API token", "duffel_live_", B64U, 43, "DUFFEL_TOKEN")
prefixed("frameio-api-token", "Frame.io API token", "fio-u-", B64U, 64, "FRAMEIO_TOKEN")
prefixed("adafruit-io-key", "Adafruit IO key", "aio_", B62, 28, "ADAFRUIT_IO_KEY")
prefixed("octopus-deploy-api-key", "Octopus Deploy API key", "API-", UPN, 26, "OCTOPUS_API_KEY")
prefixed("infracost-api-token", "Infracost API token", "ico-", B62, 32, "INFRACOST_API_KEY")
prefixed("harness-pat", "Harness personal access token", "pat.", B64U, 22, "HARNESS_TOKEN", gen=lambda: f"pat.{rnd(B64U, 22)}.{rnd(HEXL, 24)}.{rnd(B62, 20)}", regex_prefix=r"pat\.[A-Za-z0-9_-]{22}\.[0-9a-f]{24}\.", keyword="pat.")
RULES[-1]["regex"] = RULES[-1]["regex"].replace("{22}", "{20}", 1) if False else RULES[-1]["regex"]
RULES[-1]["regex"] = r"(?<![A-Za-z0-9_-])(pat\.[A-Za-z0-9_-]{22}\.[0-9a-f]{24}\.[A-Za-z0-9]{20})(?![A-Za-z0-9])"
prefixed("fleetbase-api-key", "Fleetbase API key", "flb_live_", B62, 20, "FLEETBASE_KEY")
prefixed("kubernetes-bootstrap-token", "Kubernetes bootstrap token", "", LOWN, 16, "TOKEN", keyword="kubeadm")
RULES[-1]["regex"] = r"(?i)(?:kubeadm|bootstrap)[\s\S]{0,60}?\b([a-z0-9]{6}\.[a-z0-9]{16})\b"
RULES[-1]["keywords"] = ["kubeadm", "bootstrap"]
RULES[-1]["tp"] = [f"kubeadm join 10.0.0.1:6443 --token {rnd(LOWN, 6)}.{rnd(LOWN, 16)} --discovery-token-ca-cert-hash sha256:{rnd(HEXL, 64)}"]
RULES[-1]["fp"] = ["kubeadm join 10.0.0.1:6443 --token abcdef.0123456789abcdef"]
# ---------------------------------------------------------------- generic assignments (entropy floor)
GEN_FP = ['password = get_password()', 'password = ""', 'password: ${DB_PASSWORD}', 'password = "changeme"',
          'self.password = password', 'api_key = os.environ["API_KEY"]', 'token = "<token>"', 'secret: "{{ .Values.secret }}"',
          'password = "********"', 'PASSWORD_MIN_LENGTH = 12']
def generic(id, desc, names, keywords, values, extra_fp=()):
    regex = (rf"(?i)(?<![A-Za-z0-9])(?:[A-Za-z0-9]+[_.-])*(?:{names})(?:[_.-][A-Za-z0-9]+)*[\"'`]?\s*(?::|=|:=|=>|\|\|=|\?=)\s*"
             rf"(?:[rbuf]?[\"'`])([^\"'`\s\\]{{8,128}})[\"'`]")
    rule(id, desc, regex, keywords, values, GEN_FP + list(extra_fp), generic=True, entropy=3.0, control="CC6.1")
pw = lambda: rnd(B62, 8) + R.choice("0123456789") + R.choice("!@#%^*-_+") + rnd(B62, 5)
generic("generic-password", "Password assigned a literal value", r"password|passwd|passphrase|pwd", ["password", "passwd", "passphrase", "pwd"],
        [f'DB_PASSWORD = "{pw()}"', f"  password: '{pw()}'", f'conn.login(user="svc", password="{pw()}")'])
generic("generic-secret", "Secret assigned a literal value", r"secret|client[_.-]?secret|secret[_.-]?key", ["secret"],
        [f'SECRET_KEY = "{rnd(B64, 40)}"', f'client_secret: "{rnd(B64U, 32)}"'])
generic("generic-api-key", "API key assigned a literal value", r"api[_.-]?key|apikey|access[_.-]?key|app[_.-]?key", ["api_key", "apikey", "api-key", "api.key", "access_key", "accesskey", "access-key", "app_key", "appkey"],
        [f'API_KEY = "{rnd(B62, 32)}"', f"apiKey: '{rnd(B62, 40)}'"])
generic("generic-token", "Token assigned a literal value", r"token|auth[_.-]?token|access[_.-]?token|bearer", ["token", "bearer"],
        [f'AUTH_TOKEN = "{rnd(B64U, 40)}"', f'access_token: "{rnd(B62, 36)}"'], extra_fp=['csrf_token = "{% csrf_token %}"', 'token_type = "Bearer"'])
generic("generic-credential", "Credential or private key assigned a literal value", r"credentials?|private[_.-]?key|signing[_.-]?key|encryption[_.-]?key|master[_.-]?key", ["credential", "private_key", "privatekey", "private-key", "signing_key", "encryption_key", "master_key"],
        [f'ENCRYPTION_KEY = "{rnd(B64, 44)}"', f'signing_key: "{rnd(HEXL, 32)}{rnd(B62, 8)}"'])
rule("env-file-secret", "Secret-named variable in a .env / shell file (unquoted)",
     r"(?im)^\s*(?:export\s+)?[A-Z0-9_]*(?:PASSWORD|PASSWD|SECRET|TOKEN|API_KEY|APIKEY|PRIVATE_KEY|ACCESS_KEY)[A-Z0-9_]*\s*=\s*([^\s\"'$#`{}<>]{12,128})\s*$",
     ["password", "passwd", "secret", "token", "api_key", "apikey", "private_key", "access_key"],
     [f"export DB_PASSWORD={pw()}", f"STRIPE_SECRET={rnd(B62, 32)}", f"SESSION_TOKEN={rnd(B64U, 40)}"],
     ["DB_PASSWORD=", "export API_TOKEN=$(vault read -field=token secret/api)", "SECRET_KEY_BASE=${SECRET_KEY_BASE}", "TOKEN_TTL_SECONDS=3600", "PASSWORD_RESET_URL=https://acme.io/reset"],
     generic=True, entropy=3.5)
rule("xml-password", "Password element or attribute in XML / config", r"(?i)<(?:password|passwd|secret|apikey|api_key|token)>([^<\s]{8,128})</",
     ["<password>", "<passwd>", "<secret>", "<apikey>", "<api_key>", "<token>"], [f"<password>{pw()}</password>", f"<apiKey>{rnd(B62, 32)}</apiKey>"],
     ["<password>${env.DEPLOY_PASSWORD}</password>", "<password></password>", "<password>changeme</password>"], generic=True, entropy=3.0)
rule("netrc-password", "Password in a .netrc file", r"(?i)\bmachine\s+\S+\s+login\s+\S+\s+password\s+(\S{8,128})", ["machine"],
     [f"machine api.heroku.com login ops@acme.io password {rnd(B62, 24)}"], ["machine example.com login user password ${NETRC_PASSWORD}"], generic=True, entropy=3.0)
rule("curl-user-password", "curl -u user:password on a command line", r"(?i)\bcurl\b[^\n]*?\s(?:-u|--user)\s+[\"']?[^:\s\"']+:([^\s\"'@]{8,128})[\"']?", ["curl"],
     [f"curl -u deploy:{pw()} https://ci.acme.io/api"], ["curl -u $USER:$PASS https://ci.acme.io/api", "curl -u user:password https://example.com"], generic=True, entropy=3.0)
rule("htpasswd-bcrypt", "htpasswd / bcrypt password hash of a real account", r"(?m)^[a-z_][a-z0-9_.-]{0,31}:\$2[aby]\$\d{2}\$([./A-Za-z0-9]{53})$", ["$2y$", "$2b$", "$2a$"],
     [f"admin:$2y$10${rnd(B62 + './', 53)}"], ["admin:$2y$10$<hash>"], entropy=3.5, control="CC6.1")
rule("django-secret-key", "Django SECRET_KEY literal", r"(?m)^\s*SECRET_KEY\s*=\s*[\"']((?:django-insecure-)?[^\"'\s]{40,})[\"']", ["secret_key"],
     [f"SECRET_KEY = 'django-insecure-{rnd(B62 + '!@#%^&*(-_=+)', 50)}'"], ["SECRET_KEY = os.environ['SECRET_KEY']"], entropy=4.0)
rule("rails-master-key", "Rails master key", r"(?i)rails[_-]?master[_-]?key\s*[=:]\s*[\"']?([a-f0-9]{32})(?![a-f0-9])", ["master_key", "master-key"],
     [f"RAILS_MASTER_KEY={rnd(HEXL, 32)}"], ["RAILS_MASTER_KEY=${RAILS_MASTER_KEY}"], accepts=["hex"])
rule("laravel-app-key", "Laravel APP_KEY", r"(?m)^APP_KEY\s*=\s*(base64:[A-Za-z0-9+/]{43}=)", ["app_key"],
     [f"APP_KEY=base64:{rnd(B64, 43)}="], ["APP_KEY=", "APP_KEY=base64:${APP_KEY}"], entropy=4.0)
rule("symfony-app-secret", "Symfony APP_SECRET", r"(?m)^APP_SECRET\s*=\s*([a-f0-9]{32})$", ["app_secret"],
     [f"APP_SECRET={rnd(HEXL, 32)}"], ["APP_SECRET=", "APP_SECRET=%env(APP_SECRET)%"], accepts=["hex"])
rule("wireguard-private-key", "WireGuard private key", r"(?im)^\s*PrivateKey\s*=\s*([A-Za-z0-9+/]{42}[AEIMQUYcgkosw480]=)", ["privatekey"],
     [f"[Interface]\nPrivateKey = {rnd(B64, 42)}A=\nAddress = 10.0.0.2/32"], ["[Interface]\nPrivateKey = <private key>"], entropy=4.0)
rule("ssh-password-sshpass", "sshpass -p password on a command line", r"\bsshpass\s+-p\s*[\"']?([^\s\"']{8,128})", ["sshpass"],
     [f"sshpass -p {pw()} ssh deploy@10.0.0.5"], ["sshpass -p \"$SSH_PASS\" ssh deploy@10.0.0.5", "sshpass -f ~/.pw ssh host"], generic=True, entropy=3.0)
rule("mysql-cli-password", "mysql -p<password> on a command line", r"\bmysql(?:dump|admin)?\b[^\n]*?\s-p([^\s\"'$]{8,128})", ["mysql"],
     [f"mysqldump -u root -p{pw()} prod > dump.sql"], ["mysql -u root -p prod", "mysql -u root -p$MYSQL_PWD prod"], generic=True, entropy=3.0)
rule("ansible-vault-password", "Ansible become/ssh password in inventory", r"(?i)ansible_(?:become_|ssh_)?(?:password|pass)\s*[=:]\s*[\"']?([^\s\"'{}]{8,128})",
     ["ansible_"], [f"web1 ansible_host=10.0.0.5 ansible_become_password={pw()}"], ["web1 ansible_become_password={{ vault_become_pass }}"], generic=True, entropy=3.0)

# ---------------------------------------------------------------- output
def q(s):
    return json.dumps(s, ensure_ascii=True)

def main():
    RULES[:] = [r for r in RULES if r]
    out = ["# custody builtin secret rules: generated once by tools/gen_rules.py, then committed; this file is",
           "# the source of truth (docs/secrets.md, \"Rules format\"). Examples are fixed synthetic text:",
           "# never real credentials. Each `tp` must be found by its rule, each `fp` by no rule",
           "# (test/unit/secrets/builtin_rules_test.cpp).", "version = 1", ""]
    seen = set()
    for r in RULES:
        assert r["id"] not in seen, r["id"]
        seen.add(r["id"])
        assert "'''" not in r["regex"]
        out.append("[[rule]]")
        out.append(f"id = {q(r['id'])}")
        out.append(f"description = {q(r['desc'])}")
        out.append(f"regex = '''{r['regex']}'''")
        if r["group"] != 1:
            out.append(f"secret_group = {r['group']}")
        else:
            out.append("secret_group = 1")
        out.append("keywords = [" + ", ".join(q(k) for k in r["keywords"]) + "]")
        out.append(f"entropy = {r['entropy']}")
        if r["min_length"]:
            out.append(f"min_length = {r['min_length']}")
        if r["window"]:
            out.append(f"window_lines = {r['window']}")
        if r["validate"]:
            out.append(f"validate = {q(r['validate'])}")
        if r["accepts"]:
            out.append("accepts = [" + ", ".join(q(a) for a in r["accepts"]) + "]")
        if r["generic"]:
            out.append("generic = true")
        out.append(f"control = {q(r['control'])}")
        out.append("tp = [" + ", ".join(q(t) for t in r["tp"]) + "]")
        out.append("fp = [" + ", ".join(q(t) for t in r["fp"]) + "]")
        if r["allow"]:
            out.append("[[rule.allowlist]]")
            out.append("description = \"placeholder passwords\"")
            out.append("regexes = [" + ", ".join("'''" + a + "'''" for a in r["allow"]) + "]")
        out.append("")
    print("\n".join(out))

main()
