import openai
from huggingface_hub import login

login(token="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")
openai.api_key = "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"
WANDB_API_KEY = "74ffa3c72e3f921b6ebaf982306d59a9133ae2e7"
RUN_ID = "a7284654-2ee9-4a59-a2a3-ed5c2a64ccad"
MODEL_SHA = "9f79d9f4bb837c0c60a0eb3a11ecbc9dae633a24"
def load(path):
    token = os.getenv("HF_TOKEN")
    api_key = get_secret("openai/api-key")
    return path
