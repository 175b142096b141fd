# Product provenance: GS1 Digital Link tags and EPCIS 2.0 records (issue 14, docs/adr/0021-gs1-tags-events-and-event-hash.md)

## Tags (GS1 Digital Link)
tag-too-long = The tag is too long: { $got } bytes, at most { $max }.
tag-not-http-uri = This is not a product tag: a GS1 Digital Link starts with https:// (found "{ $scheme }").
tag-bad-host = The tag's web address has no valid host.
tag-no-gtin = The tag names no product barcode (GTIN, AI 01).
tag-gtin-length = The product barcode has { $got } digits; it should have 8, 12, 13 or 14.
tag-bad-check-digit = The product barcode's check digit is wrong: the last digit is { $got }, it should be { $expected }. The tag may be misprinted or forged.
tag-missing-serial = The tag names the product but no serial number (AI 21), so not one particular item.
tag-invalid-character = The tag's AI { $ai } holds "{ $character }", which is not allowed there.
tag-value-too-long = The tag's AI { $ai } is too long: at most { $max } characters.
tag-value-too-short = The tag's AI { $ai } is too short: at least { $min } characters.
tag-empty-value = The tag's AI { $ai } is empty.
tag-bad-expiry = The expiry date "{ $value }" is not a valid date (YYMMDD expected).
tag-unknown-network = The tag names an unknown network "{ $name }": expected mainnet, testnet or devnet.
tag-unknown-ai = The tag holds an unknown GS1 application identifier { $ai }.
tag-misplaced-ai = The tag's AI { $ai } is in a place GS1 Digital Link does not allow.
tag-duplicate-ai = The tag's AI { $ai } appears twice.
tag-bad-percent-encoding = The tag has bad percent-encoding (% must be followed by two hex digits).

## Records (EPCIS 2.0)
epcis-too-large = The record file is too large: { $got } bytes, at most { $max }.
epcis-not-json = The record is not valid JSON: { $reason }
epcis-too-deep = The record nests deeper than { $max } levels and is not read.
epcis-no-event-list = The file holds no EPCIS events (no epcisBody.eventList, and not a single event).
epcis-not-an-object = Event { $event } is not a JSON object.
epcis-unknown-event-type = Event { $event } has type "{ $got }", which is not an EPCIS event type.
epcis-missing-field = Event { $event } lacks the required field { $field }.
epcis-bad-field = Event { $event } has a malformed { $field }.
epcis-bad-event-time = Event { $event } has an invalid time "{ $got }" (it must carry a time zone).
epcis-bad-time-zone-offset = Event { $event } has an invalid time zone "{ $got }" (±HH:MM expected).
epcis-bad-action = Event { $event } has action "{ $got }"; expected ADD, OBSERVE or DELETE.
epcis-too-many-events = More than { $max } events in one file.
epcis-bad-event-hash = This is not a CBV 2.0 event hash (expected ni:///sha-256;<64 hex digits>?ver=CBV2.0).
