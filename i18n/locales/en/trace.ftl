# Product provenance: lookups (trace), verdicts, reasons, business steps,
# roles, merchant actions (receiving, sale) and their errors.

## Verdicts
verdict-authentic = Authentic
verdict-tampered = Tampered
verdict-signer-not-registered = Signer not registered
verdict-suspected-clone = Suspected copy (cloned tag)
verdict-unanchored = Not fully anchored
verdict-unknown-product = Unknown product

## Reasons (a record is numbered from 1)
trace-reason-unknown-product = The chain has no anchor and no records for this item: no tag issuer registered it.
trace-reason-not-anchored = The item has records but no tag issuer anchored it on the main chain.
trace-reason-unreadable = Record { $record } cannot be read ({ $reason }).
trace-reason-hash-mismatch = Record { $record } was changed: its event no longer matches the hash its party signed.
trace-reason-bad-signature = Record { $record }: the signature does not verify.
trace-reason-broken-link = Record { $record } does not link to the record before it (or names another item).
trace-reason-anchor-mismatch = The anchor at main-chain block { $height } over { $count } records does not match them: records from { $first } on were changed after anchoring.
trace-reason-missing-records = The anchor covers { $anchored } records but the subchain holds only { $found }: records are missing.
trace-reason-signer-unknown = Record { $record } is signed by a key that is not a registered party.
trace-reason-signer-out-of-period = Record { $record } is signed by a party that was not registered at that time.
trace-reason-signer-lacks-role = Record { $record }: the signing party may not record "{ $step }" in its roles.
trace-reason-time-backwards = Record { $record } is dated before the record before it.
trace-reason-no-commissioning = The history does not start with the producer's commissioning.
trace-reason-sold-twice = The item was recorded as sold { $sales } times: this serial's tag has been copied.
trace-reason-sold-before = This item was already sold (main-chain block { $height }): a tag scanned at a counter after its sale is a copy.
trace-reason-after-sale = Record { $record } comes after the item was sold.
trace-reason-two-places = Record { $record }: the item is at { $place } while it never left { $previous }: one serial in two places.
trace-reason-unanchored = { $count } of { $total } records are not yet anchored on the main chain.

## Checks of a record
trace-check-hash = hash
trace-check-signature = signature
trace-check-link = link
trace-check-signer = registered
trace-check-anchored = anchored
trace-check-order = order

## Business steps (CBV 2.0)
step-none = (no step)
step-commissioning = Produced (commissioning)
step-creating_class_instance = Batch produced
step-packing = Packed
step-unpacking = Unpacked
step-transforming = Processed
step-inspecting = Inspected
step-sampling = Sampled
step-holding = Held
step-releasing = Released
step-storing = Stored
step-picking = Picked
step-loading = Loaded
step-unloading = Unloaded
step-shipping = Shipped
step-departing = Departed
step-transporting = In transport (handover)
step-arriving = Arrived
step-receiving = Received
step-accepting = Accepted
step-stocking = Stocked on shelf
step-retail_selling = Sold at retail

## Roles
role-producer = producer
role-warehouse = warehouse
role-carrier = carrier
role-inspector = inspector
role-retailer = retailer
role-tag-issuer = tag issuer

## The CLI's lookup
trace-head = Item GTIN { $gtin }, serial { $serial }: { $records } records
trace-record = { $number }. { $time } ({ $zone })  { $step }  @ { $place }  by { $party }  [{ $marks }]
trace-sealed-for = {"      "}Personal data in this record is encrypted for { $party }.
trace-party-unregistered = unregistered key { $address }
trace-anchor = Anchored by { $issuer }: { $count } records, main-chain block { $height } (records on subchain #{ $subchain })
trace-sale = Sold by { $seller } (main-chain block { $height })
trace-verdict = Verdict: { $verdict }
trace-proven = Proven at main-chain block { $height } ({ $hash }), subchain height { $subchain_height }; fetched in { $fetch } ms, verified in { $verify } ms.
trace-stage-sync = Syncing the main chain…
trace-stage-audit = Auditing the records' subchain…
trace-stage-records = Fetching the records with their proofs…
trace-stage-verify = Checking every record…
trace-bundle-saved = Lookup bundle saved: { $path }
tag-parsed = GTIN { $gtin }  serial { $serial }  lot { $lot }  expiry { $expiry }  network { $network }  resolver { $resolver }  canonical { $canonical }
cli-trace-no-tag-in-picture = The picture holds no product tag (a GS1 Digital Link QR code).
cli-record-needs-keys = Receiving records are signed with this wallet's keys; a watch-only wallet cannot sign them yet.

## Merchant actions
receiving-review = Record receiving of GTIN { $gtin } serial { $serial } by { $party } at { $place } ({ $location }) as record { $number }; event hash { $hash }.
receiving-confirm = Sign and record it? Type y to confirm:{" "}
receiving-cancelled = Nothing was recorded.
receiving-recorded = Record { $number } is on the subchain, proven at subchain height { $height } (event hash { $hash }).
sale-review = Record the sale of GTIN { $gtin } serial { $serial } by { $seller } ({ $records } records anchored); network fee { $network_fee }; proven at block { $height }.
sale-confirm = Sign and record the sale? Type y to confirm:{" "}
sale-cancelled = No sale was recorded.

## Errors of the provenance use cases
trace-wrong-network = The tag is for { $tag }; this wallet is on { $wallet }.
trace-record-malformed = The proven { $what } does not decode ({ $detail }): the chain's data is broken.
trace-subchain-untrusted = Subchain #{ $subchain } failed its audit or halted: its records are not trusted.
trace-not-a-party = This account is not a registered { $role } at this time.
trace-not-anchored = This item is not anchored on the chain: it cannot be received or sold.
trace-already-sold = This item was already sold (main-chain block { $height }).
trace-record-timeout = The record did not appear on the subchain within { $waited } ms; look it up later with trace.
trace-location-invalid = "{ $text }" is not a location: give a 13-digit GLN or a GS1 Digital Link with /414/.
trace-bundle-invalid = The provenance bundle is not valid: { $detail }
provenance-records-invalid = { $peer } served an item's records that do not check against the audited subchain ({ $reason }).

## Chain rules (node refusals 1301-1324)
provenance-not-platform = Only the alliance's platform account registers parties.
provenance-not-a-party = The sender is not a registered party.
provenance-party-out-of-period = The party is outside its registered validity period.
provenance-party-lacks-role = The party is not registered as { $role }.
provenance-subchain-unknown = Subchain #{ $subchain } is not registered.
provenance-subchain-not-bft = Subchain #{ $subchain } is not a bft subchain: records live on a committee-signed subchain.
provenance-not-item-issuer = Another tag issuer anchored this item; only it may extend the anchor.
provenance-subchain-changed = The item's records live on subchain #{ $subchain }.
provenance-count-not-greater = The anchor already covers { $anchored } records; an extension must cover more than { $got }.
provenance-anchor-full = The item's anchor cannot be extended any further.
provenance-item-not-anchored = The item is not anchored.
provenance-sales-full = The item's sales record is full.
provenance-record-bad-signature = The record's signature does not verify.
provenance-record-wrong-index = The item's next record is number { $expected }, this one is { $got } (someone recorded first: try again).
provenance-record-broken-link = The record does not link to the item's last record.
provenance-record-bad-event = The record's event is not valid: { $reason }
provenance-record-step-not-allowed = A party with these roles may not record "{ $step }".
provenance-records-bad-count = The item's record count on the subchain is malformed.
provenance-records-wrong-indices = A node served the wrong records of an item.

## Help of the provenance commands
help-trace = Look up a product by its tag: its verified history (timeline) and a verdict.
help-trace-tag = The tag: a GS1 Digital Link, or a picture of its QR code.
help-trace-counter = At a merchant's counter: an item already sold is a copied tag.
help-trace-bundle = Also save the lookup's bundle (records and proven values) into this folder.
help-trace-json = Machine-readable output.
help-tag = Product tags (GS1 Digital Link): parse one.
help-tag-parse = Parse a product tag: print its identifiers, or the specific error (and exit non-zero).
help-tag-parse-uri = The tag (a GS1 Digital Link URI).
help-tag-parse-json = Machine-readable output.
help-epcis = EPCIS 2.0 documents: the CBV 2.0 hash of each event.
help-epcis-hash = Print the CBV 2.0 event hash of every event of an EPCIS 2.0 JSON document (or one event), one per line, in document order.
help-epcis-hash-file = The JSON file (- for standard input).
help-epcis-hash-json = Machine-readable output.
help-record-receiving = Receive goods: append your signed receiving record to an item's history.
help-record-receiving-wallet = Wallet name (may be omitted when there is only one).
help-record-receiving-tag = The item's tag (a GS1 Digital Link).
help-record-receiving-location = Where: a 13-digit GLN or a location Digital Link (.../414/<GLN>).
help-record-receiving-place = A readable name of the place.
help-record-receiving-time_zone = The local time zone offset of the event.
help-record-receiving-index = The party's receive address index.
help-record-receiving-password_fd = Read the wallet password from this file descriptor.
help-record-receiving-yes = Do not ask for confirmation.
help-record-receiving-no_keyring = Do not try the OS keyring.
help-record-sale = Record on the main chain that you sold an item (a second sale marks a copied tag).
help-record-sale-wallet = Wallet name (may be omitted when there is only one).
help-record-sale-tag = The item's tag (a GS1 Digital Link).
help-record-sale-index = The retailer's receive address index.
help-record-sale-password_fd = Read the wallet password from this file descriptor.
help-record-sale-fee = Network fee in POINT (default: the minimum, 0.001).
help-record-sale-yes = Do not ask for confirmation.
help-record-sale-timeout = Seconds to wait for proven inclusion.
help-record-sale-no_keyring = Do not try the OS keyring.
help-record-sale-out = A watch-only wallet's sign request: write its QR frames as PNG files into this directory.
help-record-sale-terminal = A watch-only wallet's sign request: draw its QR code in the terminal.
trace-bundle-checked = Bundle of { $item } checked: { $verdict }; { $records } records proven at subchain height { $subchain_height }, main-chain block { $height }.
trace-bundle-verdict-differs = The proofs in the bundle lead to another verdict than the one it states.
help-verify-trace-bundle = Re-check a product lookup's bundle offline and recompute its verdict.
help-verify-trace-bundle-network = Which network.
help-verify-trace-bundle-checkpoint = Trust this header (height:hash) instead of the light store's root.
help-verify-trace-bundle-file = The bundle file.
help-verify-trace-bundle-json = Machine-readable output.
provenance-records-wrong-header = The records are proven against another subchain header than the anchored one.
