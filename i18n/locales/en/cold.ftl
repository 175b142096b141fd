## cold: cold signing: review, pairing, QR CLI messages (en)
