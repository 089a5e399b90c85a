provider "aws" {
  region     = "us-east-1"
  access_key = "AKIAXHIF6XXMU46BRT4Z"
  secret_key = "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"
}

provider "digitalocean" {
  token = "dop_v1_3a85f05b49f7bbffcc480000cf1ea961d4e3c9948673c2dfe847e55a1f44ce60"
}

provider "cloudflare" {
  api_token = "9FjlTfXBE0d4431-ecBvlLiIHF7_7DOHI75-kCR1"
}

resource "aws_db_instance" "main" {
  engine   = "postgres"
  password = "pMT8Yf0VgsJwVJfBxINDXv?z"
  username = "app"
}
variable "db_password" {
  type      = string
  sensitive = true
}
resource "aws_db_instance" "replica" {
  password = var.db_password
  kms_key_id = "arn:aws:kms:us-east-1:123456789012:key/6c7930d7-67be-4d2f-a04b-ceee9cd5fbdc"
}
