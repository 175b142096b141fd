# 命令列錢包：jifen 對使用者說的每一句話。
# 三種語言（zh-CN、zh-TW、en）的訊息 id 與變數必須一致（由測試檢查）。

## 說明

help-jifen = 積分錢包：積分商盟鏈的金鑰、地址與簽章工具。
help-global-lang = 訊息語言：zh-CN（預設）、zh-TW 或 en。也可設定 JIFEN_LANG。
help-global-data_dir = 存放錢包的目錄（預設 ~/.local/share/jifen）。也可設定 JIFEN_DATA_DIR。
help-global-interactive = 即使標準輸入不是終端機，也在標準輸入上提問。
help-create = 以新的助記詞建立錢包（只顯示一次，隨後核對）。
help-create-name = 新錢包的名稱。
help-create-network = 地址所屬網路：devnet（預設）、testnet 或 mainnet。
help-create-passphrase = 為助記詞另設 BIP39 密語。
help-create-passphrase_fd = 從此檔案描述符讀取 BIP39 密語。
help-create-password_fd = 從此檔案描述符讀取新錢包密碼（或設定 JIFEN_PASSWORD）。
help-create-keyring = 同時在作業系統鑰匙圈中保存解鎖金鑰。
help-create-words = 助記詞個數：12 或 24。
help-create-mnemonic_lang = 助記詞詞表：zh-hans（預設）、zh-hant 或 en。
help-create-skip_backup_check = 略過備份核對（錢包將標記為未備份）。
help-restore = 以助記詞還原錢包。
help-restore-name = 還原後錢包的名稱。
help-restore-network = 地址所屬網路：devnet（預設）、testnet 或 mainnet。
help-restore-passphrase = 此助記詞設有 BIP39 密語。
help-restore-passphrase_fd = 從此檔案描述符讀取 BIP39 密語。
help-restore-password_fd = 從此檔案描述符讀取新錢包密碼（或設定 JIFEN_PASSWORD）。
help-restore-keyring = 同時在作業系統鑰匙圈中保存解鎖金鑰。
help-restore-mnemonic_lang = 無法自動辨識時指定助記詞詞表：en、zh-hans 或 zh-hant。
help-restore-mnemonic_fd = 從此檔案描述符讀取助記詞（否則從標準輸入或提示讀取）。
help-list = 列出錢包。
help-list-json = 機器可讀的輸出。
help-addresses = 顯示收款（或找零）地址，不需密碼。
help-addresses-wallet = 錢包名稱（只有一個錢包時可省略）。
help-addresses-start = 起始地址序號。
help-addresses-count = 地址個數。
help-addresses-change = 顯示找零地址而非收款地址。
help-addresses-json = 機器可讀的輸出。
help-export-watch-only = 匯出唯讀帳戶（延伸公鑰）。
help-export-watch-only-wallet = 錢包名稱（只有一個錢包時可省略）。
help-export-watch-only-json = 機器可讀的輸出。
help-change-password = 變更錢包密碼（只重寫金鑰槽）。
help-change-password-wallet = 錢包名稱（只有一個錢包時可省略）。
help-change-password-password_fd = 從此檔案描述符讀取目前密碼（或設定 JIFEN_PASSWORD）。
help-change-password-new_password_fd = 從此檔案描述符讀取新密碼（或設定 JIFEN_NEW_PASSWORD）。
help-backup-check = 核對助記詞是否抄寫正確。
help-backup-check-wallet = 錢包名稱（只有一個錢包時可省略）。
help-backup-check-password_fd = 從此檔案描述符讀取密碼（或設定 JIFEN_PASSWORD）。
help-keyring = 在作業系統鑰匙圈中新增（enable）或移除（disable）解鎖金鑰。
help-keyring-wallet = 錢包名稱（只有一個錢包時可省略）。
help-keyring-password_fd = 從此檔案描述符讀取密碼（或設定 JIFEN_PASSWORD）。
help-keyring-action = enable 或 disable。
help-sign-message = 以某個收款地址的金鑰簽署一則訊息。
help-sign-message-wallet = 錢包名稱（只有一個錢包時可省略）。
help-sign-message-password_fd = 從此檔案描述符讀取密碼（或設定 JIFEN_PASSWORD）。
help-sign-message-index = 用於簽章的收款地址序號。
help-sign-message-no_keyring = 不使用作業系統鑰匙圈，直接詢問密碼。
help-sign-message-message = 要簽署的訊息。
help-verify-message = 依地址驗證一則已簽署的訊息。
help-verify-message-address = 應當簽署的地址。
help-verify-message-signature = sign-message 輸出的簽章。
help-verify-message-message = 被簽署的訊息。

## 提示

prompt-password = 錢包密碼：{" "}
prompt-new-password = 新錢包密碼（至少 8 個字元）：{" "}
prompt-new-password-again = 再輸入一次新密碼：{" "}
prompt-passphrase = BIP39 密語：{" "}
prompt-passphrase-again = 再輸入一次密語：{" "}
prompt-mnemonic = 請輸入助記詞，詞與詞之間以空格分隔：{" "}

## 進度與結果

error-prefix = 錯誤：{ $message }
kdf-calibrating = 正在測量本機效能，以決定密碼保護強度……
kdf-calibrated = 密碼保護：Argon2id，{ $memory } MiB，{ $passes } 輪，本機解鎖約需 { $millis } 毫秒。
kdf-upgraded = 此錢包的密碼保護低於目前最低標準，已自動加強。
kdf-upgrade-failed = 此錢包的密碼保護低於目前最低標準，但未能加強（可能有其他積分視窗或命令正在使用它，或錢包目錄為唯讀；下次解鎖時會再試）。錢包已解鎖。
mnemonic-multiplexer-warning = 注意：您正在 tmux 或 screen 中執行，它們會保留自己的歷史紀錄；抄寫完成後請清除歷史（或關閉視窗）。
mnemonic-intro = 請依序將這 { $count } 個詞抄寫在紙上。它們是還原錢包的唯一憑據。
mnemonic-warning = 任何看到這些詞的人都能轉走錢包中的全部資產。切勿拍照，切勿輸入任何網站。
mnemonic-continue = 抄寫完成後按 Enter 鍵，螢幕將被清除。
backup-skipped = 已略過備份核對：錢包標記為未備份。稍後請執行「jifen backup-check」。
backup-check-intro = 現在核對您的抄寫：請輸入其中 { $count } 個詞。
backup-check-word = 第 { $position } 個詞：{" "}
backup-check-wrong = 這個詞不對。{ $left ->
   *[other] 還可以再試 { $left } 次。
}
backup-check-passed = 備份核對通過：助記詞一致。
backup-failed-not-created = 助記詞不一致，錢包未建立。請重新執行 create，並仔細抄寫。
backup-failed = 助記詞不一致。請找出您的紙本備份再試一次。
wallet-created = 錢包「{ $name }」已建立。
wallet-first-address = 第一個收款地址：{ $address }
password-changed = 錢包「{ $name }」的密碼已變更。
keyring-enabled = 作業系統鑰匙圈已保存此錢包的解鎖金鑰。
keyring-disabled = 已從作業系統鑰匙圈移除解鎖金鑰。
keyring-not-enabled = 無法使用作業系統鑰匙圈（{ $reason }）；仍可用密碼解鎖錢包。
keyring-fallback = 無法以作業系統鑰匙圈解鎖（{ $reason }），改為詢問密碼。
list-empty = { $dir } 中還沒有錢包。請以「jifen create」或「jifen restore」建立。
list-row = { $name }  [{ $network }]  { $address }
list-row-broken = { $name }  無法讀取：{ $reason }
list-not-backed-up =     ⚠ 尚未核對助記詞備份
watch-only-details = 唯讀帳戶 —— 網路 { $network }，路徑 { $path }，主金鑰指紋 { $fingerprint }。下方的延伸公鑰可查看所有地址，但無法動用任何資產：
message-signed = 由 { $address } 簽署。簽章：
message-valid = 簽章有效，簽署者為 { $address }。

## 命令列本身的拒絕

cli-secrets-differ = 兩次輸入不一致，請重新輸入。
cli-no-secret-source = 沒有可提問的終端機：請透過檔案描述符選項或環境變數 { $env } 提供。
cli-bad-fd = 無法從檔案描述符 { $fd } 讀取。
cli-password-too-short = 密碼只有 { $got } 個字元，至少需要 { $min } 個。
cli-unknown-network = 未知網路「{ $given }」；請使用 devnet、testnet 或 mainnet。
cli-unknown-mnemonic-language = 未知詞表「{ $given }」；請使用 zh-hans、zh-hant 或 en。
cli-word-count = 新助記詞只能是 12 或 24 個詞，不能是 { $got } 個。
cli-backup-check-needs-terminal = 備份核對需要有人在終端機前操作：請互動執行、加上 --interactive，或加上 --skip-backup-check。
cli-no-data-dir = 沒有資料目錄：請設定 --data-dir 或 JIFEN_DATA_DIR。
cli-randomness = 系統亂數產生器發生錯誤。
cli-keyring-action = 未知操作「{ $given }」；請使用 enable 或 disable。
error-unexpected = 意外錯誤：{ $detail }

## 錢包用例（命令列）
passphrase-from-env = 使用 { $env } 中的 BIP39 密語。
cli-env-not-unicode = { $env } 不是有效的文字（UTF-8）。
cli-terminal-io = 無法讀寫終端機：{ $reason }
cli-json = 無法輸出 JSON：{ $reason }
help-faucet = 僅限開發網：從開發網的公開帳戶領取 100 個測試 POINT，並證明已到帳。
help-faucet-wallet = 錢包名稱（只有一個錢包時可省略）。
help-faucet-index = 接收 POINT 的收款地址序號。
help-faucet-timeout = 等待打包證明的秒數。
help-faucet-json = 輸出機器可讀的格式。
help-verify-bundle-json = 輸出機器可讀的格式。
help-verify-evidence-json = 輸出機器可讀的格式。
help-endpoints-json = 輸出機器可讀的格式。
help-online-pending-online = 先同步，並指出哪些請求的 nonce 已在鏈上被使用。
