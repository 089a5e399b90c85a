# This file is maintained automatically by "terraform init".
provider "registry.terraform.io/hashicorp/aws" {
  version = "5.31.0"
  hashes = [
    "h1:gZ1cJAmIYBKYlNLFhz399aPwEi40bZJiimYxOfjeMBh=",
    "zh:dc3225250d4e912f299ca1b4f5769d9862c5e23bc845f2a3c4e1ad5389e23886",
    "zh:c38c8358aef943b3545dd82f5c9ecb4fcc5fda723e237c1caf3400c54bfb9575",
    "zh:fc5d5bdca54e2bafc2dc2f47aa4e7944e5e2f7791e6a729edac14accd86e99df",
  ]
}
provider "registry.terraform.io/digitalocean/digitalocean" {
  version = "5.31.0"
  hashes = [
    "h1:rP9h47cGlCb5j0oPhhwZYFUeIakxmppiVekTCSp3mUM=",
    "zh:da45eb62cbb28e74e85ceef7f3640e2a01f175ecf2c3b5a881da68707d05e410",
    "zh:0b7cf5b2b05d5c1e3e8c6e60a8a36927ae9c002e458178c51a107daa35b41926",
    "zh:7178cd14aac57fea62d8c9a9e30cfdd14c6f2604b489b168b2b617317f2ad014",
  ]
}
provider "registry.terraform.io/cloudflare/cloudflare" {
  version = "5.31.0"
  hashes = [
    "h1:yXXG/7XNSurtbhAuX7JaJhjGyUNdsgYqM2VTKkyHIY5=",
    "zh:b8c3666b6d858a912e4ac9b3c1f6441ef442f91e9b422923255f6a919ca4cad4",
    "zh:fe8e32fb5dc61948b2e4fc1755003eadb1890e4e26a2a8d68da2e566442bcad6",
    "zh:677c1c8e617beb6970b0d5911ce994097c5085fdca3c1b580683bd64b741c26c",
  ]
}
