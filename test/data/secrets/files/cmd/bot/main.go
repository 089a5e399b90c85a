package main

import "os"

const (
	telegramToken = "1186384924:AAODCzPypuI85YPGG6NZTMd9RmhFm1v2Dza"
	discordToken  = "OHtTnKv5ssEpKppSFCVckvad.IFDiFt.rUfZ8oMgjMGFTXlVSVz1wPllkQCu3T3HZrjSqr"
	discordHook   = "https://discord.com/api/webhooks/040242896878030474/BJRBQ7nVHJVee7Az5Krm8fzP9dT1AnlCe1qv9lSwvykk8UUMpbbNGUV7xbTR-ABNw0Xz"
	githubApp     = "ghs_nkpnp5owIrKdEwHrS70qcOulurTDJL0WpV1a"
	apiKey        = "QYDEaW8ABWuoiY4nbFkhAK4iM=GKkjRg"
	buildCommit   = "753b1f363eb4d8ff19e5ed1add3175c9710ab5ad"
	traceID       = "413d6b3c6dadca924b7255d0c7216583"
)

func token() string { return os.Getenv("BOT_TOKEN") }
