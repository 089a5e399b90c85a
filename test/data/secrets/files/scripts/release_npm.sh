#!/bin/sh
npm config set //registry.npmjs.org/:_authToken=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
npm publish --access public
