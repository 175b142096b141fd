## app: the desktop app screens messages (zh-TW)

app-title = 積分 Jifen
app-loading = 載入中…
app-language = 語言
app-language-zh-CN = 简体中文
app-language-zh-TW = 繁體中文
app-language-en = English
app-error-unexpected = 發生非預期的錯誤：{ $detail }
app-error-unknown-code = 發生錯誤（代碼「{ $code }」）。
app-network-line = 網路：{ $network }
app-back = 返回
app-continue = 繼續
app-wallet = 錢包
app-wallet-name = 錢包名稱
app-password = 密碼
app-password-repeat = 再次輸入密碼
app-password-mismatch = 兩次輸入的密碼不一致。

## Errors raised by the app itself
app-engine-start = 應用程式無法啟動錢包服務。
app-engine-stopped = 錢包服務已停止，請重新啟動應用程式。
app-no-data-dir = 找不到資料目錄，請設定 JIFEN_DATA_DIR。
app-settings-io = 無法儲存應用程式設定。
app-locked = 請先解鎖錢包。
app-unknown-language = 未知的語言「{ $tag }」。

## First run
app-welcome-title = 歡迎使用積分錢包
app-welcome-lead = 每一筆餘額都以簽章區塊標頭與默克爾證明驗證，無須信任任何伺服器。
app-welcome-create = 建立新錢包
app-welcome-create-hint = 產生新的助記詞，抄寫並核對。
app-welcome-restore = 復原錢包
app-welcome-restore-hint = 使用您抄下的 12 或 24 個助記詞復原。
app-welcome-have-wallet = 本機已有錢包：前往解鎖

## Create and backup
app-create-title = 建立錢包
app-create-words = 助記詞數量
app-create-word-list = 助記詞語言
app-word-list-zh-hans = 簡體中文
app-word-list-zh-hant = 繁體中文
app-word-list-en = 英文
app-create-kdf-note = 密碼經 Argon2id 強化，強度依本機效能調校（約一秒）。
app-create-submit = 建立
app-create-working = 正在依本機效能調校密碼保護並寫入錢包…
app-backup-title = 抄寫助記詞
app-backup-auth-lead = 請再次輸入密碼以顯示助記詞。助記詞只會顯示這一次：請依序抄在紙上。
app-backup-later = 稍後
app-backup-reveal = 顯示助記詞
app-backup-warning = 任何人取得這些詞就擁有這個錢包。切勿拍照，也不要輸入任何網站。
app-backup-written = 我已抄好
app-backup-check-title = 核對備份
app-backup-word-n = 第 { $n } 個詞
app-backup-check-submit = 核對
app-backup-done = 備份核對無誤。請妥善保管這張紙。

## Restore
app-restore-title = 復原錢包
app-restore-words = 助記詞
app-restore-words-hint = 詞與詞之間以空格分隔；可辨識中文與英文詞表。
app-restore-passphrase = BIP39 附加密碼（僅在您設定過時填寫）
app-restore-submit = 復原

## Unlock
app-unlock-title = 解鎖
app-unlock-working = 正在解鎖…
app-unlock-submit = 解鎖

## Home and navigation
app-nav-home = 首頁
app-nav-receive = 收款
app-nav-settings = 設定
app-home-title = 錢包「{ $name }」
app-home-backup-missing = 此錢包的助記詞尚未核對。
app-home-backup-now = 立即備份
app-home-address = 您的地址

## Receive
app-receive-title = 收款
app-receive-lead = 請向付款方出示此 QR Code 或地址。
app-receive-index = 第 { $index } 號地址
app-receive-previous = 上一個地址
app-receive-next = 下一個地址

## Settings
app-settings-title = 設定
app-settings-working = 處理中…
app-settings-calibrating = 正在測量本機效能…
app-settings-password-changed = 密碼已變更。
app-settings-kdf-done = 密碼保護已重新調校。
app-settings-keyring-on = 現在可以用系統鑰匙圈解鎖此錢包。
app-settings-keyring-off = 已刪除系統鑰匙圈中的項目。
app-settings-language = 語言
app-settings-backup = 備份
app-settings-backup-ok = 助記詞已核對。
app-settings-backup-check = 核對我抄寫的助記詞
app-settings-password = 變更密碼
app-settings-old-password = 目前的密碼
app-settings-new-password = 新密碼
app-settings-password-submit = 變更密碼
app-settings-keyring = 系統鑰匙圈
app-settings-keyring-lead = 在作業系統的鑰匙圈中保存一把金鑰，在本機開啟錢包時無須輸入密碼。
app-settings-keyring-present = 已有鑰匙圈金鑰槽。
app-settings-keyring-remove = 刪除鑰匙圈金鑰槽
app-settings-keyring-add = 新增鑰匙圈金鑰槽
app-settings-kdf = 密碼保護（Argon2id）
app-settings-kdf-params = 記憶體 { $memory } MiB，{ $passes } 輪，{ $lanes } 條通道
app-settings-kdf-measured = 在本機解鎖一次約需 { $millis } 毫秒。
app-settings-kdf-submit = 依本機效能重新調校
app-settings-lock = 鎖定錢包

## Balance, sync and audit
app-nav-send = 轉帳
app-nav-audit = 同步與稽核
app-balance-title = 餘額
app-balance-proven = 已於第 { $height } 個區塊證明
app-balance-waiting = 正在驗證鏈，驗證後顯示餘額…
app-balance-unknown = 尚無已驗證的餘額。
app-sync-phase-bootstrapping = 正在檢查信任根
app-sync-phase-syncing = 正在驗證區塊標頭
app-sync-phase-cross-checking = 正在與見證節點交叉核對
app-sync-phase-done = 已驗證
app-sync-heights = 第 { $current } / { $target } 個區塊
app-sync-eta = 約剩 { $seconds } 秒
app-sync-cancel = 取消
app-sync-now = 立即同步
app-sync-trusted = 已驗證至第 { $height } 個區塊
app-sync-tip-old = 最新的已驗證區塊簽署於{ $age }：餘額可能已過時。請再次同步；若仍然過舊，表示鏈已停滯或節點已停止回應。
app-sync-never = 尚未同步
app-sync-peers = { $total } 個節點中 { $active } 個使用中
app-faucet = 領取 100 個測試 POINT（開發網）
app-faucet-working = 正在傳送測試 POINT…
app-faucet-note = 僅限開發網：測試 POINT 來自公開的開發網帳戶 0，沒有任何價值。
app-peer-role-primary = 主節點
app-peer-role-witness = 見證節點
app-peer-state-active = 使用中
app-peer-state-unreachable = 無法連線
app-peer-state-demoted = 已停用（傳送了無效資料）
app-audit-title = 同步與稽核
app-audit-trusted = 可信區塊
app-audit-trusted-line = 第 { $height } 個區塊，簽署於 { $time }
app-audit-chain = 鏈 { $chain }（{ $network }）
app-audit-peers = 節點
app-audit-cross-check = 見證節點於第 { $height } 個區塊一致（{ $agreed } 個一致）
app-audit-evidence = 節點不當行為證據
app-audit-no-evidence = 無：沒有節點互相矛盾。
app-audit-bundle = 稽核包
app-audit-bundle-lead = 匯出您的餘額背後的區塊標頭與證明，任何人都能離線驗證。
app-audit-export = 匯出稽核包
app-audit-exported = 已儲存至 { $path }

## Send
app-send-title = 轉出 POINT
app-send-to = 收款地址
app-send-from = 付款地址
app-send-amount = 金額（POINT）
app-send-fee = 手續費（POINT）
app-send-fee-hint = 留空則使用網路的最低手續費（開發網為 0.001 POINT）。
app-send-review = 核對
app-send-review-title = 傳送前請核對
app-send-total = 合計
app-send-remaining = 傳送後餘額
app-send-confirm = 簽署並傳送
app-send-stage-signing = 正在簽署…
app-send-stage-submitted = 已傳送至節點…
app-send-stage-waiting = 正在等待區塊及其包含證明…
app-send-stage-included = 已上鏈。
app-send-tx-id = 交易 { $id }
app-send-included = 已包含於第 { $height } 個區塊，並已證明。
app-send-included-detail = 區塊內第 { $index } 筆；區塊標頭 { $hash }…
app-send-new-balance = 新餘額 { $points } POINT，已於第 { $height } 個區塊證明
app-send-another = 再轉一筆
app-settings-endpoints = 網路與節點
app-settings-endpoints-lead = 第一個節點提供區塊標頭，其餘為交叉核對的見證節點。每行一個地址。
app-settings-endpoints-save = 儲存節點
app-settings-endpoints-saved = 節點已儲存。

## Scan
app-nav-scan = 掃碼
app-scan-title = 掃描 QR Code
app-scan-lead = 請選擇一張 QR Code 的照片或螢幕截圖（PNG 或 JPEG）。手機上則使用相機。
app-scan-choose = 圖片檔案
app-scan-kind-address = 一個地址
app-scan-kind-sign-request = 一個冷簽署請求
app-scan-kind-signature = 一個冷簽署結果
app-scan-kind-account = 一個冷錢包帳戶（配對）
app-scan-kind-unknown = 不是積分的 QR Code
app-scan-send-to = 轉帳至此地址

## 離線簽章：應用程式本身的錯誤
app-cold-offline = 本裝置是離線簽章裝置，不建立任何網路連線。如需連網，請在「設定」中退出離線簽章模式。
app-not-watch-only = 錢包「{ $name }」有自己的私鑰，請用密碼解鎖。
app-watch-only-needs-request = 唯讀錢包無法簽章：請為它的離線裝置產生簽章請求。
app-bad-mode = 未知的模式「{ $mode }」。
app-too-many-images = 圖片太多：一次最多 { $max } 張（收到 { $got } 張）。

## 離線簽章：首次使用與模式
app-welcome-pair = 配對離線裝置（唯讀錢包）
app-welcome-pair-hint = 匯入離線簽章裝置的帳戶 QR 碼：在這裡查看餘額、產生簽章請求，在那裡簽章。
app-welcome-cold = 將本裝置用作離線簽章裝置
app-welcome-cold-hint = 私鑰保存在這台不連網的裝置上；它審核並簽署以 QR 碼出示的請求。
app-cold-banner = 離線簽章裝置：本應用程式不建立任何網路連線。
app-cold-welcome-lead = 本裝置是離線簽章裝置。請建立或復原私鑰將保存在這裡的錢包。
app-cold-leave-lead = 不打算把本裝置用作離線簽章裝置？
app-cold-leave = 退出離線簽章模式
app-cold-start-title = 將本裝置用作離線簽章裝置
app-cold-start-lead = 離線簽章裝置把錢包的私鑰保存在一台從不連網的裝置上。另一台裝置上的唯讀錢包負責產生交易，本裝置只負責簽章。
app-cold-start-offline = 本應用程式將不建立任何網路連線：不能在這裡同步、查看餘額或傳送交易。
app-cold-start-keys = 私鑰始終留在本裝置上；離開本裝置的只有公鑰和簽章，以 QR 碼的形式傳遞。
app-cold-start-review = 簽章前會逐行顯示每筆請求及其指紋；請與線上錢包顯示的指紋核對。
app-cold-start-codes = QR 碼以圖片傳遞：在螢幕上出示，或儲存為圖片檔，透過隨身碟或紙本傳遞。
app-cold-start-leave = 之後可以在「設定」中退出離線簽章模式。
app-cold-start-create-hint = 為簽章裝置產生新的助記詞，抄寫並核對。
app-cold-start-unlock = 使用本機已有的錢包
app-cold-start-unlock-hint = 用密碼開啟本機已有的某個錢包。
app-cold-start-use-open = 使用目前開啟的錢包「{ $name }」
app-cold-start-use-open-hint = 目前開啟的錢包將作為簽章裝置的錢包。
app-settings-mode = 本裝置的用途
app-settings-mode-wallet = 線上錢包：應用程式與網路同步，並自行傳送交易。
app-settings-mode-watch-only = 已與離線裝置配對的唯讀錢包（鏈 { $chain }）：交易在那台裝置上簽章。
app-settings-mode-cold = 離線簽章裝置：應用程式不建立任何網路連線，只在您審核後簽署出示給它的請求。
app-settings-mode-leave-lead = 退出離線簽章模式後，本應用程式將重新連上網路（同步、餘額、轉帳）。只有在本裝置不再保持離線時才這樣做；無論如何，私鑰都保留在錢包中。

## 離線簽章：唯讀錢包
app-watch-only = 唯讀
app-watch-only-badge = 唯讀錢包 · 已與離線裝置配對（鏈 { $chain }）
app-home-pending = 簽章請求與簽章
app-unlock-watch-only = 唯讀錢包
app-unlock-watch-only-cold = 離線簽章裝置不能使用唯讀錢包：它們沒有私鑰。
app-unlock-open = 開啟
app-pair-title = 配對離線裝置
app-pair-lead = 請在離線裝置上開啟「與線上錢包配對」。它的帳戶 QR 碼只包含公鑰。
app-pair-step-cold = 在離線裝置上顯示帳戶 QR 碼（或把各影格儲存為圖片）。
app-pair-step-pictures = 在這裡選擇 QR 碼的圖片：一張，或動畫的多個影格，順序不限。
app-pair-step-import = 為唯讀錢包命名並匯入。
app-pair-import = 匯入
app-pair-working = 正在讀取 QR 碼…
app-pair-missing = QR 碼還缺少 { $missing } 個分片。
app-pair-watch-only-note = 匯入的錢包是唯讀錢包：它顯示已證明的餘額並產生簽章請求，由離線裝置簽章。
app-send-watch-only-note = 這是唯讀錢包：最後一步會為它的離線裝置產生簽章請求。
app-request-make = 產生簽章請求
app-request-working = 正在證明餘額和序號，並產生請求…
app-request-title = 給離線裝置的簽章請求
app-request-lead = 請向離線裝置出示此 QR 碼（或把各影格儲存為圖片）。請求指紋：
app-request-compare = 離線裝置簽章前，請核對它顯示的指紋與此一致。
app-request-id = 請求 { $id }
app-request-signature-title = 離線裝置的簽章
app-request-signature-lead = 請選擇離線裝置顯示的簽章 QR 碼的圖片。
app-accept-title = 接受簽章
app-accept-pending = 待簽請求
app-accept-pending-none = 沒有待簽請求。
app-accept-new-request = 產生新請求
app-accept-submit = 接受並廣播
app-accept-working = 正在用配對的公鑰驗證簽章…
app-accept-another = 接受另一個簽章
app-accept-discard = 捨棄
app-accept-discard-confirm = 要捨棄指紋為 { $fingerprint } 的請求嗎？捨棄後，它的簽章將被拒絕。
app-accept-discard-yes = 確認捨棄
app-accept-discard-keep = 保留
app-accept-discarded = 已捨棄請求 { $fingerprint }。
app-accept-superseded = 已失效：它的序號（nonce）已在鏈上使用，無法再廣播，請捨棄

## 離線簽章：簽章裝置
app-nav-cold-pair = 與線上錢包配對
app-nav-cold-sign = 簽署請求
app-cold-home-title = 離線簽章裝置「{ $name }」
app-cold-home-pair-hint = 向線上錢包出示本錢包的帳戶 QR 碼（只需一次）。
app-cold-home-sign-hint = 從圖片讀取簽章請求，審核後簽章。
app-cold-home-scan-hint = 是別的 QR 碼的圖片？
app-cold-pair-title = 與線上錢包配對
app-cold-pair-lead = 線上錢包會把此 QR 碼匯入為唯讀錢包。它只包含公鑰，絕不包含任何機密。
app-cold-pair-chain = 簽章的鏈
app-cold-pair-chain-hint = 本裝置會拒絕其他鏈的請求。
app-cold-pair-submit = 顯示配對 QR 碼
app-cold-pair-working = 正在推導帳戶…
app-cold-pair-done = 已配對鏈 { $chain }。請在線上錢包中選擇「配對離線裝置」並讀取此 QR 碼。
app-cold-pair-master = 主金鑰指紋：
app-cold-pair-next = 匯入後，線上錢包顯示的地址與本裝置相同。
app-cold-sign-title = 簽署請求
app-cold-sign-lead = 請選擇線上錢包顯示的簽章請求的圖片：一張，或動畫的多個影格，順序不限。
app-cold-sign-review = 審核
app-cold-sign-reading = 正在讀取並檢查請求…
app-cold-sign-pair-first = 錢包「{ $wallet }」尚未配對：請先與線上錢包配對。
app-cold-sign-check = 請逐行核對：確認前不會簽章
app-cold-sign-fingerprint = 請求指紋
app-cold-sign-match = 請核對它與線上錢包一致：線上錢包上必須顯示相同的指紋。
app-cold-sign-reject = 拒絕
app-cold-sign-confirm = 確認並簽章
app-cold-sign-signing = 正在簽章…
app-cold-sign-done = 已簽章。請向線上錢包出示此 QR 碼（或把各影格儲存為圖片）。
app-cold-sign-another = 簽署另一筆請求

## QR 碼
app-qr-frame = 第 { $index } / { $count } 個影格
app-qr-fragments = { $count } 個分片
app-qr-static = 單一 QR 碼：讀取一次即可。
app-qr-pause = 暫停
app-qr-resume = 繼續播放
app-qr-speed = 速度：每秒 { $fps } 個影格
app-qr-animated-hint = 對方裝置需要收齊所有分片：請讓相機對準 QR 碼，直到讀取足夠的影格（順序不限）。
app-qr-save = 儲存為圖片
app-qr-saved = 各影格已儲存至 { $dir }
app-qr-images-choose = QR 碼圖片（PNG 或 JPEG）
app-qr-images-count = 已選擇 { $count } 張圖片
app-qr-images-clear = 清除
app-qr-add-more = 請加入動畫的更多圖片（其他影格）後重試；已選擇的圖片會保留。
app-scan-account-lead = 把它匯入為與該離線裝置配對的唯讀錢包。
app-scan-account-on-online = 請在線上錢包上匯入此 QR 碼（「配對離線裝置」），而不是在簽章裝置上。
app-scan-pair = 配對為唯讀錢包
app-scan-request-lead = 簽章前請逐行審核這筆請求。
app-scan-request-on-cold = 請把這筆請求出示給保存私鑰的離線裝置（處於離線簽章模式的裝置）。
app-scan-review-sign = 審核並簽章
app-scan-signature-lead = 把它作為本錢包某筆待簽請求的回應接受，並廣播交易。
app-scan-signature-on-online = 請在產生該請求的唯讀錢包中接受此簽章。

## 錢包用例（應用程式）
app-qr-no-parts = 沒有可顯示的 QR 碼。
app-settings-corrupt = 應用程式的設定檔已損毀（{ $reason }）：應用程式以離線冷簽名裝置的方式啟動。請重新選擇本裝置的用途。

## 備份檢查（答案一起提交；答錯時不指出是哪個詞）
app-backup-tries = 這組詞還可以嘗試 { $left } 次。
app-backup-mismatch-left = 這些詞與您的備份不符。請核對紙上的記錄後重試（還剩 { $left } 次）。
app-backup-no-tries = 這組詞的嘗試次數已用完。請輸入密碼，換幾個詞再檢查。
app-backup-recheck-lead = 輸入密碼後，會請您寫出紙上記錄中的幾個詞。
app-backup-recheck-start = 開始提問

## 解鎖提示
app-kdf-upgraded = 密碼保護已升級為本機目前的參數。
app-kdf-upgrade-failed = 密碼保護未能升級；錢包仍以原有參數開啟。
app-dismiss = 關閉
app-unlock-damaged = 無法讀取的錢包

## 設定損壞（應用程式以離線簽署裝置啟動）
app-settings-problem-title = 無法使用應用程式設定
app-settings-problem-lead = 在您選擇之前，應用程式保持為離線簽署裝置，不連線網路。您的選擇會儲存為新的設定。
app-settings-problem-cold = 繼續作為離線簽署裝置
app-settings-problem-wallet = 作為線上錢包使用
app-settings-checkpoint = 信任起點：檢查點 { $checkpoint }
app-settings-checkpoint-genesis = 信任起點：首次使用時的創世區塊

## 轉帳
app-send-balance = 餘額
app-send-nonce = 序號（nonce）
app-send-chain = 鏈
app-send-reviewing = 正在證明餘額和序號…
app-send-review-again = 這次核對已失效（被新的核對取代，或錢包已鎖定）。發送前請重新核對轉帳。

## 同步提示
app-sync-note-peer-demoted = 已停用 { $peer }：{ $reason }
app-sync-note-primary-changed = 現在從 { $peer } 取得區塊頭
app-sync-note-evidence-written = 分叉證據已儲存到 { $path }
app-peer-state-lagging-at = 落後（在區塊 { $height }）

## 同步與稽核：最新區塊、信任起點、工作、證據、稽核包
app-audit-tip-age = 簽署於{ $age }
app-audit-trust-expires = 對此區塊的信任持續到 { $time }；之後需要新的檢查點。
app-audit-root-checkpoint = 信任起點：已設定的檢查點
app-audit-root-genesis = 信任起點：首次使用時取得的創世區塊
app-audit-root-genesis-agreed = 信任起點：首次使用時取得的創世區塊（{ $agreed } 個見證節點提供了相同的區塊）
app-audit-root-genesis-unwitnessed = 信任起點：首次使用時僅從主節點取得的創世區塊，沒有見證節點提供相同的區塊。請在設定中新增見證節點或設定檢查點。
app-audit-cross-check-lagging = { $lagging } 個落後
app-audit-jobs = 工作
app-audit-jobs-none = 沒有正在執行或等待的工作。
app-job-kind-sync = 同步
app-job-kind-send = 轉帳
app-job-kind-faucet = 水龍頭
app-job-kind-broadcast = 廣播已簽署的請求
app-job-kind-audit = 稽核
app-job-kind-session = 連線節點
app-job-kind-subchain-audit = 子鏈稽核
app-job-state-queued = 等待中
app-job-state-running = 執行中
app-job-cancelled = 已要求取消
app-audit-checking = 正在檢查…
app-audit-exporting = 正在收集區塊頭和證明…
app-audit-exported-detail = 共 { $headers } 個已驗證的區塊頭；帳戶在區塊 { $height } 得到證明。
app-audit-evidence-verify-lead = 用本錢包驗證過的驗證者集合，檢查一個證據檔案（來自本裝置或其他裝置）。
app-audit-evidence-file = 證據檔案（JSON）
app-audit-evidence-verify = 檢查證據
app-audit-evidence-valid = 區塊 { $height } 的分叉證據有效：{ $count } 個驗證者（投票權 { $power } / { $total }）簽署了兩個區塊。
app-audit-evidence-blocks = 兩個區塊：
app-audit-evidence-accountable = 兩個都簽署了的驗證者：
app-audit-verify-title = 檢查稽核包
app-audit-verify-lead = 無需網路，檢查在本裝置或其他裝置匯出的稽核包：從信任起點驗證每個區塊頭，再驗證帳戶證明。
app-audit-verify-file = 稽核包（JSON）
app-audit-verify-checkpoint = 要信任的檢查點（選填）
app-audit-verify-checkpoint-hint = 格式為 高度:雜湊。留空則使用本錢包自己的信任起點。
app-audit-verify-submit = 檢查稽核包
app-audit-verify-valid = 有效：已驗證 { $headers } 個區塊頭，直到區塊 { $height }。
app-audit-verify-root = 檢查起點（信任起點）：
app-audit-verify-time = 最後一個區塊頭簽署於 { $time }
app-audit-verify-account = 該帳戶持有 { $points } { $asset }（下一個序號 { $nonce }），已證明。

## 待簽署請求
app-accept-damaged = 無法讀取此請求的記錄：{ $reason } 仍可以捨棄它。
app-accept-discard-confirm-damaged = 捨棄無法讀取的請求 { $id }？

## 簽署和驗證訊息
app-message-title = 簽署訊息
app-message-lead = 用地址的私鑰簽署一段文字，證明您控制這個地址；任何人都可以在這裡或用「jifen verify-message」檢查簽章。
app-message-sign = 簽署
app-message-index = 地址編號
app-message-text = 訊息
app-message-sign-hint = 只簽署您理解的文字：簽章表示此地址的持有人同意了它。
app-message-sign-submit = 簽署訊息
app-message-signed-by = 簽署地址
app-message-signature = 簽章
app-message-check-this = 檢查這個簽章
app-message-watch-only = 這是唯讀錢包：私鑰在離線裝置上，由離線裝置簽署訊息。可以在這裡檢查簽章。
app-message-verify = 檢查簽章
app-message-address = 地址
app-message-verify-submit = 檢查簽章
app-message-valid = 簽章有效，簽署地址 { $address }（{ $network }）。
app-receive-message-lead = 證明這個地址屬於您：
app-cold-home-message-hint = 要證明某個地址屬於您？
app-settings-endpoints-override = 本次執行使用 { $nodes }（由 JIFEN_ENDPOINTS 指定）。下面的列表會被儲存，在不設定該變數啟動時使用。

## 簽名前再次確認密碼
app-reauth-lead = 距離上次輸入密碼已過去幾分鐘。請再次輸入密碼以簽署此操作。
app-reauth-submit = 確認並簽名

## 點數（issue 12）：資產、商家、兌換、付款、收款碼、提領、商家工具
app-nav-points = 點數
app-nav-swap = 兌換
app-nav-pay = 付款
app-nav-collect = 收款碼
app-nav-more = 更多
app-action-confirm = 確認
app-scan-kind-payment-request = 一個付款請求
app-scan-pay = 核對並付款
app-scan-payment-request-elsewhere = 付款請求需要用本裝置上持有金鑰的錢包支付。
app-points-title = 點數
app-points-lead = 本錢包的 POINT 和各商家點數。每筆餘額都依據已驗證的區塊證明，絕不輕信節點。
app-points-loading = 正在證明餘額和商家…
app-points-assets = 我的資產
app-points-point-name = 聯盟通用代幣
app-points-registry = 已登記 { $count } 個商家（已於第 { $height } 個區塊證明）。點選商家可查看其紀錄和匯率歷史。
app-points-refresh = 重新證明
app-points-merchant-tools = 商家工具
app-points-merchant-tools-lead = 本錢包擁有以下商家：可發布匯率、發行點數、管理保證金。
app-points-manage = 管理
app-merchant-title = 商家
app-merchant-back = ← 點數
app-merchant-status-approved = 已核准
app-merchant-status-proposed = 待理事會審核
app-merchant-status-suspended = 已被理事會暫停
app-merchant-asset = 點數資產
app-merchant-decimals = { $decimals } 位小數
app-merchant-status = 狀態
app-merchant-owner = 擁有者
app-merchant-owner-you = 本錢包
app-merchant-deposit = 保證金
app-merchant-outstanding = 流通中的點數
app-merchant-registered = 登記於
app-merchant-genesis = 創世區塊
app-merchant-block = 第 { $height } 個區塊
app-merchant-swap = 兌換 { $symbol }
app-merchant-rates = 匯率歷史
app-merchant-rates-lead = 該商家發布過的每個匯率版本，最新在前，單位為每 1 { $symbol } 的 POINT。版本一經設定永不更改，因此兌換所用的匯率始終可以證明。
app-merchant-no-rate = 尚未發布匯率：該商家目前不兌換點數。
app-rate-version = 版本
app-rate-set-at = 設定於
app-rate-bid = 買入價（您賣出）
app-rate-ask = 賣出價（您買入）
app-rate-fee = 費用
app-rate-limits = 限額
app-rate-valid-until = 有效至
app-rate-current = 目前
app-rate-expired = 已過期
app-rate-per-point = 每 1 { $symbol } { $price } POINT
app-rate-limit-sell = 賣出：最少 { $min }，級距 { $step }
app-rate-limit-buy = 買入：最少 { $min }，級距 { $step }
app-fee-mode-settlement = 結算模式
app-fee-mode-spread = 價差模式
app-fee-mode-settlement-detail = 商家與平台定期結算：不收兌換費，按商家自己的買入價和賣出價成交。
app-fee-mode-spread-detail = 平台圍繞商家的中間價雙向報價，並收取 POINT 一側的 { $percent }。

## 兌換
app-swap-title = 兌換點數
app-swap-lead = 按商家已證明的匯率，把商家點數賣出換成 POINT，或用 POINT 買入點數。
app-swap-merchant = 商家
app-swap-direction = 方向
app-swap-buy = 用 POINT 買入 { $symbol }
app-swap-sell = 賣出 { $symbol } 換 POINT
app-swap-amount = 支付數量（{ $asset }）
app-swap-limits = 最少 { $min }，級距 { $step }
app-swap-limits-title = 最少數量和級距
app-swap-get-quote = 取得報價
app-swap-quoting = 正在證明匯率和餘額…
app-swap-quote-title = 報價
app-swap-valid-for = 有效期還剩 { $seconds } 秒
app-swap-expired = 已過期
app-swap-quote-gone = 已失效
app-swap-pay = 您支付
app-swap-receive = 您得到
app-swap-min-receive = 最少得到
app-swap-no-slippage = 此次兌換指定了這個匯率版本：鏈上要麼按此數量支付，要麼拒絕兌換。
app-swap-slippage = 最多接受少 { $percent }。
app-swap-rate = 匯率
app-swap-side-bid = 商家買入價：商家為點數支付的價格
app-swap-side-ask = 商家賣出價：商家出售點數的價格
app-swap-effective = 扣除費用後：每 1 { $symbol } { $price } POINT
app-swap-vs-mid = 相對中間價的成本
app-swap-vs-mid-value = { $cost }（{ $percent }）；按中間價且不收費時您將得到 { $mid }
app-swap-exchange-fee = 兌換費
app-swap-fee-mode = 收費模式
app-swap-network-fee = 網路手續費
app-swap-withdrawal-fee = 提領費
app-swap-withdrawal-fee-value = 如隨後將 POINT 提領為法幣，需 { $fee }
app-swap-round-trip = 往返成本
app-swap-round-trip-value = 立即換回將得到 { $back }：往返成本 { $cost }（{ $percent }）
app-swap-source = 匯率來源
app-swap-source-value = { $name }（{ $id }），匯率版本 { $version }，設定於{ $set }；已於第 { $height } 個區塊證明
app-swap-balance = 您的餘額
app-swap-deadline = 截止區塊
app-swap-deadline-value = 須在第 { $deadline } 個區塊前執行，否則不執行（報價於第 { $height } 個區塊）
app-swap-final = 兌換一經執行無法撤銷。確認前請核對數量。
app-swap-quote-expiring = 此報價剩餘不足 5 秒：請取得新報價後再確認。
app-swap-quote-expired = 錢包已捨棄此報價：剩餘時間不足以確認。請取得新報價。
app-swap-quote-replaced = 錢包已不再保留此報價（被新的核對取代，或錢包已鎖定）。請取得新報價。
app-swap-fresh-quote = 取得新報價
app-swap-confirm = 確認兌換
app-swap-done = 兌換完成：已包含於第 { $height } 個區塊，並已證明。
app-swap-received = 實際得到
app-swap-as-quoted = 與報價一致
app-swap-not-as-quoted = 報價為 { $quoted }
app-swap-quoted = 報價
app-swap-paid = 已支付
app-swap-rate-version = 匯率版本
app-swap-balances-after = 兌換後餘額
app-swap-another = 再兌換一筆

## 支付付款請求
app-pay-title = 付款
app-pay-lead = 貼上付款請求（以「jifen:」開頭）、選擇其 QR 碼圖片，或在「掃碼」頁面掃描。
app-pay-request = 付款請求
app-pay-picture = 或選擇其 QR 碼圖片
app-pay-no-request = 這張圖片中沒有積分錢包的付款請求。
app-pay-amount = 金額
app-pay-review = 核對付款
app-pay-reviewing = 正在檢查請求並證明餘額…
app-pay-review-title = 付款前請核對
app-pay-merchant = 已登記商家：{ $name }（{ $symbol }，{ $id }），已在鏈上證明。
app-pay-not-merchant = 此地址不是任何已登記商家的擁有者。付款請求沒有簽章：只有在您確知此地址屬於誰時才付款。
app-pay-to = 收款方
app-pay-label = 請求中的名稱
app-pay-label-unproven = 商家自己填寫的文字，未經證明。
app-pay-memo = 訂單編號或備註
app-pay-no-memo = 無
app-pay-expires = 到期時間
app-pay-no-expiry = 不過期
app-pay-confirm = 付款
app-pay-done = 已付款：已包含於第 { $height } 個區塊，並已證明。
app-pay-balance-after = 付款後餘額
app-pay-another = 支付其他請求

## 收款碼（請求付款）
app-collect-title = 收款碼
app-collect-lead = 請求對方付款：付款方掃碼（或開啟連結）後，其錢包會準確顯示您請求的內容。
app-collect-asset = 資產
app-collect-amount = 金額
app-collect-amount-hint = 留空則由付款方輸入金額。
app-collect-amount-any = 由付款方輸入
app-collect-memo = 訂單編號或備註（記錄在鏈上，公開可見）
app-collect-label = 付款方看到的您的名稱
app-collect-label-hint = 作為您自己的文字顯示給付款方：對方錢包只能證明您的地址是否擁有已登記的商家。
app-collect-expiry = 有效期
app-collect-expiry-none = 不過期
app-collect-expiry-minutes = { $minutes ->
    [60] 1 小時
    [1440] 1 天
   *[other] { $minutes } 分鐘
  }
app-collect-create = 產生收款碼
app-collect-creating = 正在產生請求…
app-collect-show-amount = 掃碼支付 { $amount }
app-collect-show-any = 掃碼以 { $asset } 支付
app-collect-scan-hint = 請用積分錢包掃描，或複製下方連結。
app-collect-copy = 複製連結
app-collect-copied = 已複製
app-collect-watch-title = 等待付款
app-collect-watching = 每次同步後，都會在您自此請求以來已證明的歷史紀錄中查找這筆付款；節點無法隱瞞。
app-collect-checking = 正在檢查…
app-collect-not-yet = 尚未收到付款（已檢查至第 { $height } 個區塊）。
app-collect-check-now = 立即檢查
app-collect-paid = 已收到付款：{ $amount }，來自 { $from }，已包含於第 { $height } 個區塊，並已證明。
app-collect-paid-memo = 訂單編號或備註：{ $memo }
app-collect-watch-from = 這筆付款將出現在您已證明的歷史紀錄第 { $entry } 筆及之後（歷史已於第 { $height } 個區塊證明）。
app-collect-another = 新的收款請求

## 將 POINT 提領為法幣
app-withdraw-title = 提領為法幣
app-withdraw-lead = 聯盟銷毀 POINT，並在鏈外將扣除提領費後的金額支付到您的收款憑據。
app-withdraw-amount = 提領的 POINT
app-withdraw-reference = 收款憑據
app-withdraw-reference-hint = 款項去向（發行方能識別的憑據）。它會記錄在鏈上，任何人都能看到：請勿填寫個人資料。
app-withdraw-review-title = 提領前請核對
app-withdraw-burned = 從餘額中銷毀
app-withdraw-fee = 提領費
app-withdraw-fee-terms = 聯盟的費率：{ $percent }，最低 { $min }
app-withdraw-payout = 實際支付
app-withdraw-final = 提領一經執行無法撤銷。支付在鏈外進行：錢包無法證明。
app-withdraw-confirm = 提領

## 商家工具
app-admin-title = 商家工具
app-admin-back = ← 商家
app-admin-not-owner = 本錢包不擁有該商家：錢包會拒絕這些操作。
app-admin-action = 操作
app-admin-action-set-rate = 發布新匯率
app-admin-action-issue = 向顧客發行點數
app-admin-action-top-up = 增加保證金
app-admin-action-withdraw-deposit = 從保證金中取回
app-admin-bid = 買入價：每收回 1 點支付的 POINT
app-admin-ask = 賣出價：每售出 1 點收取的 POINT
app-admin-mid = 中間價：每 1 點的 POINT
app-admin-fee-bps = 平台費（基點，1 至 1000）
app-admin-price-hint = 價格以每 1 { $symbol } 的 POINT 計，最多 12 位小數。
app-admin-sell-min = 最少賣出（{ $symbol }）
app-admin-sell-step = 賣出級距（{ $symbol }）
app-admin-buy-min = 最少買入（POINT）
app-admin-buy-step = 買入級距（POINT）
app-admin-valid-for = 有效期（區塊數）
app-admin-issue-to = 顧客地址
app-admin-issue-amount = 發行的點數（{ $symbol }）
app-admin-deposit-amount = POINT
app-admin-withdraw-hint = 保證金至少須保留聯盟規定的最低額，以及流通點數所需的準備金。
app-admin-deposit-after = 操作後保證金
app-admin-deposit-required = 保證金須保留

## 歷史與收據
app-nav-history = 歷史
app-history-title = 交易歷史
app-history-lead = 本錢包歷史中的每一筆紀錄，都已對照已證明的帳戶核對完整：節點無法遺漏任何一筆。顯示的每筆紀錄都已證明包含在其區塊中。
app-history-loading = 正在證明歷史紀錄…
app-history-complete = 共 { $total } 筆紀錄，已於第 { $height } 個區塊證明完整。
app-history-empty = 本錢包還沒有任何紀錄。
app-history-to = 付給 { $who }
app-history-from = 來自 { $who }
app-history-included = 已證明包含在第 { $height } 個區塊。
app-history-failed = 失敗
app-history-failed-note = 失敗（結果 { $code }）：只扣除了網路手續費。
app-history-position = 第 { $index } 筆，共 { $total } 筆。
app-history-older = 另有 { $older } 筆較早的紀錄已核對，未顯示。
app-history-more = 顯示更多
app-history-refresh = 同步並重新整理
app-history-kind-transfer = 轉帳
app-history-kind-transfer-asset = 付款
app-history-kind-swap = 兌換
app-history-kind-withdraw = 提領
app-history-kind-mint = 鑄造
app-history-kind-points-issue = 發放點數
app-history-kind-deposit-top-up = 補充保證金
app-history-kind-deposit-withdraw = 取回保證金
app-history-kind-rate-set = 設定匯率
app-history-kind-council-vote = 理事會投票
app-history-kind-merchant-register = 商家註冊
app-history-kind-bond = 質押
app-history-kind-unbond = 解除質押
app-history-kind-other = 其他交易
app-receipt-save = 儲存收據（稽核包）
app-receipt-saving = 正在儲存收據…
app-receipt-saved = 收據已儲存（{ $headers } 個已驗證區塊頭）；任何人都可以用「檢查稽核包」離線核對：
app-collect-paid-at = 在第 { $height } 個區塊，第 { $index } 位。
app-audit-verify-tx = 交易
app-audit-verify-tx-kind = 類型
app-audit-verify-tx-sender = 發送方
app-audit-verify-tx-place = 位置
app-audit-verify-tx-at = 第 { $height } 個區塊，第 { $index } 位
app-audit-verify-tx-result = 結果
app-audit-verify-tx-ok = 成功，已證明

app-store-title = 已儲存的區塊標頭
app-store-lead = 開啟錢包時只檢查最新儲存的區塊標頭。可在此從信任根出發離線重新驗證所有儲存的區塊標頭。
app-store-verify = 驗證儲存的區塊標頭
app-store-empty = 尚未儲存任何內容（尚未同步）。
app-store-valid = 儲存的 { $blocks } 個區塊從信任根到高度 { $height } 全部驗證通過（核對了 { $commits } 組簽章；{ $pivots } 個為必要的銜接區塊；共 { $kib } KiB）。
app-store-no-pins = 沒有為分叉證據或匯出的稽核包保留的區塊。
app-store-pins = 為分叉證據與匯出的稽核包保留：
app-store-pin-evidence = 分叉證據，{ $count } 個區塊
app-store-pin-bundle = 稽核包，{ $count } 個區塊
app-store-unpin = 釋放
app-store-unpinned = 已釋放 { $id }（{ $count } 個區塊）；下次同步時可能被清除。

## 子鏈（第 13 號議題，docs/adr/0019-subchains-and-their-audit.md）
app-nav-subchains = 子鏈
app-subchains-title = 子鏈
app-subchains-lead = 子鏈執行自己的共識，並把每個區塊頭報告給主鏈。本錢包只有在稽核過這些報告之後才信任子鏈的資料：每份報告都符合子鏈自己的規則，並錨定在本錢包核驗過的主鏈區塊中。
app-subchains-loading = 正在證明子鏈記錄…
app-subchains-none = 這條鏈上還沒有註冊任何子鏈。
app-subchains-proven = 已註冊 { $count } 條子鏈，在第 { $height } 個區塊證明。
app-subchains-refresh = 重新整理
app-subchain-name = #{ $id } { $name }
app-subchain-state-clean = 健康
app-subchain-state-behind = 落後：上次稽核後有新的報告
app-subchain-state-alert = 警報
app-subchain-state-failed = 稽核失敗
app-subchain-state-not-audited = 尚未稽核
app-subchain-kind-bft = BFT（委員會簽章）
app-subchain-kind-pow-xor = 工作量證明（XOR 分叉選擇）
app-subchain-consensus = 共識
app-subchain-consensus-bft = 委員會 { $members } 人
app-subchain-consensus-bft-unknown = 委員會人數在稽核後可知
app-subchain-consensus-pow = 難度 { $bits } 位元
app-subchain-standing = 主鏈上的狀態
app-subchain-status-active = 運作中
app-subchain-status-halted = 已在高度 { $height } 停止：其委員會在該高度簽署了兩個區塊頭，質押維持鎖定。
app-subchain-status-retired = 已由擁有者退役
app-subchain-anchored = 已錨定高度
app-subchain-anchored-line = { $height }（{ $reports } 份報告）
app-subchain-last-anchor = 最近錨定
app-subchain-last-anchor-line = 主鏈第 { $height } 個區塊
app-subchain-no-anchor = 尚無
app-subchain-audited = 已稽核到
app-subchain-audited-line = 高度 { $height }（主鏈第 { $main } 個區塊），已檢查 { $reports } 份報告
app-subchain-audited-never = 本裝置尚未稽核
app-subchain-follow-on = 每次同步時稽核
app-subchain-follow-off = 同步時不稽核
app-subchain-follow = 每次同步時稽核
app-subchain-unfollow = 不再隨同步稽核
app-subchain-audit-now = 立即稽核
app-subchain-audit-cancel = 取消
app-subchain-audit-headers = 正在證明主鏈第 { $from } 至 { $to } 個區塊…
app-subchain-audit-reports = 已檢查 { $checked } / { $total } 份報告
app-subchain-audit-starting = 正在稽核…
app-subchain-audit-by-sync = 正隨同步稽核…
app-subchain-audit-done = 對照 { $headers } 個主鏈區塊檢查了 { $new } 份新報告，用時 { $millis } 毫秒。
app-subchain-alerts = 發現的問題
app-subchain-alert-equivocation = 雙重簽署：委員會在高度 { $height } 簽署了兩個不同的區塊頭（主鏈第 { $main } 個區塊）。
app-subchain-alert-lost-fork-choice = 高度 { $height } 錨定了一個在 XOR 分叉選擇中落敗的區塊頭（主鏈第 { $main } 個區塊）。
app-subchain-alert-invalid-report = 錨定在主鏈第 { $main } 個區塊的報告在高度 { $height } 違反了子鏈規則；此後的內容都不被信任。
app-subchain-alert-record-mismatch = 已證明的記錄與節點提供的報告不符（主鏈第 { $main } 個區塊）：有報告被隱瞞或竄改。
app-subchain-alert-other = 高度 { $height } 出現問題（主鏈第 { $main } 個區塊）。
app-subchain-alert-evidence = 證據檔案（可在下方離線核驗）：
app-subchain-value-title = 讀取已證明的值
app-subchain-value-lead = 子鏈狀態中的一個值，對照本錢包稽核過的區塊頭證明。請先稽核該子鏈。
app-subchain-value-subchain = 子鏈
app-subchain-value-key = 鍵
app-subchain-value-height = 子鏈高度（留空：已稽核的最新高度）
app-subchain-value-read = 讀取並證明
app-subchain-value-reading = 正在證明該值…
app-subchain-value-found = #{ $id } { $name } 在高度 { $height } 的 { $key }：
app-subchain-value-absent = #{ $id } { $name } 在高度 { $height } 沒有 { $key } 的值（已證明不存在）。
app-subchain-value-text = 文字
app-subchain-value-hex = 位元組（十六進位）
app-subchain-value-header = 已稽核的區塊頭
app-subchain-value-anchor = 錨定於
app-subchain-value-anchor-line = 主鏈第 { $height } 個區塊
app-subchain-form-pick = 請選擇一條子鏈。
app-subchain-form-key = 「{ $key }」不是有效的子鏈鍵（1 至 64 位元組，不含控制字元）。
app-subchain-form-height = 「{ $height }」不是有效的高度（整數，或留空表示已稽核的最新高度）。
app-subchain-form-audit-first = 請先稽核 #{ $id } { $name }（其卡片上的「立即稽核」）：值只對照本錢包稽核過的區塊頭證明。
app-subchain-evidence-title = 核驗子鏈證據
app-subchain-evidence-lead = 證據檔案證明某條子鏈有不當行為（在同一高度簽署了兩個區塊頭，或錨定了分叉選擇中落敗的區塊頭）。這裡只用檔案本身的內容核驗，不詢問任何節點。
app-subchain-evidence-file = 證據檔案（.json）
app-subchain-evidence-verify = 核驗證據
app-subchain-evidence-equivocation = 證據有效：子鏈 #{ $id } 的委員會在高度 { $height } 簽署了兩個區塊頭；{ $count } 名成員兩個都簽了。
app-subchain-evidence-lost-fork-choice = 證據有效：在子鏈 #{ $id } 的高度 { $height }，主鏈錨定了一個在 XOR 分叉選擇中落敗的區塊頭。
app-subchain-evidence-headers = 兩個區塊頭（先列已錨定的）
app-subchain-evidence-main = 分別錨定在主鏈第 { $first } 和第 { $second } 個區塊
app-subchain-evidence-signers = 兩個都簽署的成員
app-subchain-evidence-chain = 主鏈 { $chain }
app-sync-subchain = 正在稽核子鏈 #{ $id }：
app-subchain-sync-stopped = 同步後的子鏈稽核已停止：{ $reason }
app-home-subchain-alert = { $count ->
    [1] 子鏈稽核發現了問題。
   *[other] 子鏈稽核在 { $count } 條子鏈中發現了問題。
}
app-home-subchain-alert-open = 開啟子鏈
