## app: the desktop app screens messages (zh-CN)
