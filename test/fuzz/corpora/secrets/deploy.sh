#!/usr/bin/env bash
set -euo pipefail
export VAULT_TOKEN=hvs.BExpVNOpmjYmpxidaSZIZoRUxOpciWgbA_ckTsjy_B7ugjb-pnBIbrPosaR4ejBTNMijrzM-5xK70rkkXzUIiL6iWDE3C59R
sshpass -p '2TG1dDh8dO1A#G' ssh deploy@10.0.0.12 'sudo systemctl restart shop'
mysqldump -u root -px8^yENoAOae40BjV shop > /backup/shop.sql
curl -u deploy:sQbTDXJX6LIWkQBs!U https://ci.acme.io/job/shop/build
curl -H "Authorization: Bearer hQxTuVRyLIt3GmrjKkWEvTt45s49_tAD7Ie7vJThW3hBGxIQ" https://api.acme.io/v1/deploy
curl -H 'Authorization: Basic YWRtaW46NUZ4ZCNDTFFvVjNweU5Ocw==' https://grafana.acme.io/api/health
curl -H "Authorization: Bearer $API_TOKEN" https://api.acme.io/v1/status
echo 'a0f31e12ab02cda1b3b73e69e81a67d5d47f5ead25820c40bc592950320c3935  shop.tar.gz' | sha256sum -c
git checkout 5410f7fa1e56a3cc1ff153dced3cbdf17872a436
kubeadm join 10.0.0.1:6443 --token 265wma.3xslb4t6j4e5s341 --discovery-token-ca-cert-hash sha256:81b7f7b67c07cb21d9afe5caca72ec60479c8c1b0687c2ea83e27f429b4a6414
