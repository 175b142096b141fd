## cold: cold signing: review, pairing, QR CLI messages (zh-TW)
