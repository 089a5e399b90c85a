maps_api_key = "AIza7kst-CESjPz4UNoSGurJkg_0klXj2wAjgmH"
project      = "acme-prod-42"
