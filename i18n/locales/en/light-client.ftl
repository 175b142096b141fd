## light-client: light client errors (lc-*), sync/status/balance/send CLI messages (en)
