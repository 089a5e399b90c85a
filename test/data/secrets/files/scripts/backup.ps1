$ErrorActionPreference = 'Stop'
$env:AZURE_STORAGE_KEY = "T5qNjG+PUMF9JiY+VSRMwVvtdKaiVqyV0+jV5QXH4/atY4E263G7HOGWdzUbhAgMrsP4LFT+kfm7Fzpw555o6Q=="
$password = Read-Host -AsSecureString "Password"
Write-Host 'backup done'
