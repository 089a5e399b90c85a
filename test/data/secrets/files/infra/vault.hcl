storage "raft" { path = "/vault/data" }
# root token for bootstrap: hvs.bY46sQqJX56p3JPIE8yjyLQEr16rEztA9JxmUiWe7maOas0M61Eky9AyxCxEeH2EpZVUlmBEfX-8VAqV2N1m9nHINj06je5i
