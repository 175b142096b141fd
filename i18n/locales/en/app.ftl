## app: the desktop app screens messages (en)
