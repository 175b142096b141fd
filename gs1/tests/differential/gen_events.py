# Random EPCIS 2.0 documents for a differential check against the reference
# implementation (see README.md). Usage: python3 gen_events.py SEED (writes f00-f39.jsonld here).
import json, random, sys
random.seed(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
ids = ["urn:epc:id:sgtin:4012345.011111.%s", "https://id.gs1.org/01/04012345111118/21/%s", "https://brand.example/x/01/4012345111118/10/LOT/21/%s?17=290101",
       "urn:epc:id:sscc:4012345.0000000%03d", "urn:epc:class:lgtin:4012345.011111.%s", "https://example.com/8004/4012345%s"]
serials = ["1","A-1","x.y","98'7","Z_9","abc","007","12.50"]
steps = ["receiving","shipping","urn:epcglobal:cbv:bizstep:packing","https://ref.gs1.org/cbv/BizStep-retail_selling","http://ex.example/step/custom"]
disps = ["in_progress","urn:epcglobal:cbv:disp:sold","active", None]
times = ["2024-03-01T10:00:00Z","2024-03-01T10:00:00.1+01:00","2024-03-01T10:00:00.12345-05:30","2024-12-31T23:59:59.9994+00:00","2024-02-29T12:00:00.000+14:00"]
def epc():
    t = random.choice(ids)
    if '%03d' in t: return t % random.randint(0,999)
    return t % random.choice(serials)
def ev():
    kind = random.choice(["ObjectEvent","AggregationEvent","TransactionEvent","TransformationEvent"])
    e = {"type": kind, "eventTime": random.choice(times), "eventTimeZoneOffset": random.choice(["+01:00","-05:30","+00:00","+08:00"])}
    if kind == "AggregationEvent":
        e["parentID"] = "urn:epc:id:sscc:4012345.0000000%03d" % random.randint(0,999)
        e["childEPCs"] = [epc() for _ in range(random.randint(0,3))]
    elif kind == "TransformationEvent":
        e["inputEPCList"] = [epc() for _ in range(random.randint(1,3))]
        e["outputEPCList"] = [epc() for _ in range(random.randint(1,3))]
        e["outputQuantityList"] = [{"epcClass": "urn:epc:class:lgtin:4012345.011111.L%d" % i, "quantity": random.choice([1, 2.5, 10.0, 0.125]), "uom": "KGM"} for i in range(random.randint(0,2))]
    else:
        e["epcList"] = [epc() for _ in range(random.randint(1,4))]
        if random.random() < .4:
            e["quantityList"] = [{"epcClass": "urn:epc:idpat:sgtin:4012345.011111.*", "quantity": random.choice([3, 4.75, 100])}]
    if kind != "TransformationEvent": e["action"] = random.choice(["ADD","OBSERVE","DELETE"])
    e["bizStep"] = random.choice(steps)
    d = random.choice(disps)
    if d: e["disposition"] = d
    e["readPoint"] = {"id": random.choice(["urn:epc:id:sgln:4012345.00001.0","https://id.gs1.org/414/4012345000016/254/x1","geo:1,2"])}
    if random.random() < .5: e["bizLocation"] = {"id": "urn:epc:id:sgln:4012345.00002.0"}
    if random.random() < .5:
        e["bizTransactionList"] = [{"type": random.choice(["po","inv","desadv"]), "bizTransaction": "urn:epcglobal:cbv:bt:4012345000009:%d" % random.randint(1,99)} for _ in range(random.randint(1,2))]
    if random.random() < .4:
        e["sourceList"] = [{"type": "owning_party", "source": "urn:epc:id:pgln:4012345.00000"}]
        e["destinationList"] = [{"type": "location", "destination": "urn:epc:id:sgln:4012345.00012.0"}]
    if random.random() < .5:
        e["ilmd"] = {"ex:lot": random.choice(["L1","0042","3.10"]), "ex:made": "2024-01-01", "ex:nested": {"ex:a": "1", "ex:b": ["z","y"]}}
    if random.random() < .5:
        e["ex:ext"] = random.choice(["v", 5, 1.25, {"ex:inner": "q", "ex:list": ["2","1"]}])
    if random.random() < .3:
        e["sensorElementList"] = [{"sensorMetadata": {"time": "2024-03-01T09:00:00+01:00", "deviceID": "urn:epc:id:giai:4000001.111"},
            "sensorReport": [{"type": "Temperature", "value": random.choice([26, 26.5, -3.25]), "uom": "CEL"}, {"type": "RelativeHumidity", "value": 40, "uom": "A93", "ex:note": "ok"}]}]
    if random.random() < .2: e["persistentDisposition"] = {"set": ["recalled"], "unset": ["completeness_verified"]}
    if random.random() < .3: e["certificationInfo"] = "https://cert.example/c/1"
    if random.random() < .3: e["eventID"] = "urn:uuid:1"; e["recordTime"] = "2025-01-01T00:00:00Z"
    return e
for n in range(40):
    doc = {"@context": ["https://ref.gs1.org/standards/epcis/2.0.0/epcis-context.jsonld", {"ex": "https://ns.example.com/epcis/"}],
           "type": "EPCISDocument", "schemaVersion": "2.0", "creationDate": "2024-01-01T00:00:00Z",
           "epcisBody": {"eventList": [ev() for _ in range(5)]}}
    json.dump(doc, open("f%02d.jsonld" % n, "w"))
