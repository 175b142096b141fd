## app: the desktop app screens messages (zh-TW)
