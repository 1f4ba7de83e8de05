"""Realistic made-up records in bulk, for trying the register and the search at volume (`generate_records`).

Records are built from the field definition: every field a record's standard version has is filled in, with text
put together from sentences about one of a dozen kinds of council tool. The same seed always gives the same records.
About a fifth of the records are about housing, so 'housing' is a broad search; 'lidar' appears in about one record
in a thousand.
"""

import random
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

from django.db import connection, transaction
from django.utils.text import slugify

from algoreg.organisations.models import Organisation
from algoreg.organisations.seeding import seed_councils
from algoreg.records.models import PUBLIC_ID_ALPHABET, Record, RecordVersion
from algoreg.standard import vocabularies as vocab
from algoreg.standard.fields import FieldType, sections_for
from algoreg.transfer.layout import Shape

from .indexing import index_in_bulk

START = datetime(2021, 1, 4, 9, 0, tzinfo=UTC)
SPAN_SECONDS = int((datetime(2026, 10, 30, tzinfo=UTC) - START).total_seconds())
VERSIONS = (("4.0", 70), ("3.0", 15), ("2.1", 10), ("1.1", 5))
CHUNK = 2_000

# Each kind of tool: weight (per 1,000 records), service areas, kinds of tool, what it is called, what it does,
# what goes in, and a few sentences only this kind of tool uses.
TOPICS = [
    dict(weight=200, function=["housing-and-community-amenities"], capability=["forecasting", "analysis"],
         names=["Housing repairs triage", "Homelessness prevention model", "Housing allocations checker",
                "Rent arrears early warning", "Damp and mould risk finder", "Temporary accommodation planner"],
         does=["predicts which tenants are likely to fall behind on rent", "sorts housing repair requests by urgency",
               "flags homes at risk of damp and mould from repair history", "helps housing officers prioritise "
               "homelessness prevention visits", "checks housing register applications for missing evidence"],
         data=["housing register records", "repair requests from tenants", "rent account histories",
               "housing benefit claims", "stock condition surveys of council homes"],
         extra=["Housing officers review every case before contact is made.", "The housing team meets monthly "
                "to review the list.", "Tenants can ask the housing service to explain any decision."]),
    dict(weight=120, function=["social-protection", "health"], capability=["forecasting", "management"],
         names=["Adult social care demand forecast", "Care package review scheduler", "Falls risk predictor",
                "Home care rostering assistant", "Carers assessment prioritiser"],
         does=["forecasts demand for adult social care", "schedules reviews of care packages",
               "estimates the risk of falls for older residents receiving care", "plans home care visits"],
         data=["adult social care case records", "hospital discharge notifications", "care provider invoices",
               "assessment outcomes"],
         extra=["Social workers make every decision about care.", "The model never sees names or addresses."]),
    dict(weight=120, function=["social-protection", "education"], capability=["forecasting", "analysis"],
         names=["Early help family support indicator", "Children's services referral triage",
                "School attendance risk model", "NEET risk indicator", "Missing from education checker"],
         does=["identifies families who may benefit from early help", "triages referrals to children's social care",
               "predicts which pupils may become persistently absent", "finds young people at risk of becoming "
               "not in education, employment or training"],
         data=["school attendance records", "children's social care referrals", "early help assessments",
               "youth service contacts"],
         extra=["Practitioners use the score only as a prompt to look at a family's needs.",
                "No family is contacted because of the score alone."]),
    dict(weight=150, function=["general-public-services", "social-protection"], capability=["analysis", "discovery"],
         names=["Council tax single person discount review", "Benefits fraud risk scorer",
                "Business rates relief checker", "Council tax reduction evidence reader", "Debt recovery prioritiser"],
         does=["finds council tax discounts that may no longer apply", "scores benefit claims for fraud risk",
               "reads evidence uploaded with council tax reduction claims", "orders debt cases by ability to pay"],
         data=["council tax accounts", "electoral register extracts", "credit reference data",
               "benefit claim forms"],
         extra=["A revenue officer checks every flagged account.", "Fraud investigators decide whether to act."]),
    dict(weight=100, function=["environmental-protection"], capability=["forecasting", "computer-vision"],
         names=["Fly-tipping hotspot forecast", "Waste round optimiser", "Street cleanliness camera",
                "Recycling contamination detector", "Tree health survey model"],
         does=["forecasts where fly-tipping is likely", "plans bin collection rounds",
               "spots contaminated recycling bins from lorry cameras", "finds diseased street trees from photos"],
         data=["reports of fly-tipping", "bin lorry telematics", "camera images from collection vehicles",
               "tree survey records"],
         extra=["Crews check each flagged bin before leaving a tag.", "Images are deleted after thirty days."]),
    dict(weight=80, function=["economic-affairs", "public-order-and-safety"], capability=["computer-vision"],
         names=["Parking permit camera checks", "Bus lane enforcement camera", "Traffic signal timing model",
                "Pothole detection from vehicle cameras"],
         does=["reads number plates to check parking permits", "detects vehicles driving in bus lanes",
               "adjusts traffic signal timings", "finds potholes in footage from council vehicles"],
         data=["number plate images", "parking permit records", "traffic counts", "road inspection footage"],
         extra=["A civil enforcement officer reviews every image before a penalty is issued."]),
    dict(weight=100, function=["general-public-services"], capability=["computer-linguistics", "creation"],
         names=["Resident webchat assistant", "Contact centre call summariser", "Letter drafting assistant",
                "Complaints classifier", "Freedom of information request sorter"],
         does=["answers common questions from residents through a chatbot", "summarises contact centre calls",
               "drafts letters for officers to check", "sorts complaints by service and urgency"],
         data=["questions typed by residents", "call recordings", "published council web pages",
               "complaint forms"],
         extra=["The assistant uses a large language model hosted in the UK.", "Residents can ask for a person "
                "at any point in the conversation.", "Generative AI drafts are always checked before sending."]),
    dict(weight=60, function=["housing-and-community-amenities", "regulation"], capability=["analysis", "planning"],
         names=["Planning application validation checker", "Planning consultation summariser",
                "Local plan evidence search", "Building control risk triage"],
         does=["checks planning applications for missing documents", "summarises consultation responses",
               "sorts building control inspections by risk"],
         data=["planning applications", "consultation responses", "site plans and drawings"],
         extra=["Planning officers make every decision on an application."]),
    dict(weight=50, function=["education"], capability=["creation", "analysis"],
         names=["School place planning model", "Special educational needs transport planner",
                "EHCP drafting assistant", "Admissions appeals scheduler"],
         does=["forecasts demand for school places", "plans home to school transport for pupils with special "
               "educational needs", "helps draft education, health and care plans"],
         data=["pupil census returns", "birth rates", "school capacity data", "transport routes"],
         extra=["Caseworkers check every draft with the family."]),
    dict(weight=19, function=["health"], capability=["forecasting"],
         names=["Public health needs model", "Winter pressures forecast", "Smoking cessation outreach planner"],
         does=["estimates local health needs", "forecasts winter pressures on services"],
         data=["hospital admissions", "public health surveys"],
         extra=["Only anonymised, aggregate data is used."]),
    dict(weight=1, function=["environmental-protection", "regulation"], capability=["computer-vision", "planning"],
         names=["Lidar flood mapping", "Lidar tree canopy survey"],
         does=["maps flood risk from lidar surveys", "measures tree canopy cover from lidar scans"],
         data=["lidar point clouds", "flood incident reports"],
         extra=["The lidar surveys are flown every two years."]),
]
WEIGHTS = [t["weight"] for t in TOPICS]

GENERIC = {
    "benefits": ["It saves officer time, so staff can spend longer with residents who need help.",
                 "Cases are dealt with sooner and more consistently.", "The council expects to save money within "
                 "two years.", "Residents get an answer more quickly."],
    "previous_process": ["Before the tool, officers worked through cases in the order they arrived.",
                         "The work was done by hand using spreadsheets.", "This is a new service."],
    "alternatives_considered": ["We considered hiring more staff, which would have cost more.",
                                "We looked at a simpler rules-based checklist.", "We considered doing nothing."],
    "appeals_and_review": ["Residents can ask for a review by contacting the service; a different officer "
                           "looks at the case.", "Anyone unhappy with a decision can use the council's "
                           "complaints procedure and then the Local Government and Social Care Ombudsman."],
    "required_training": ["Staff complete a half-day course on the tool and its limits.",
                          "Users receive training on data protection and on when not to rely on the output."],
    "maintenance": ["The model is retrained every six months and checked for bias.",
                    "The supplier updates the system quarterly; the council reviews it each year."],
    "human_review": ["An officer checks every output before any action is taken.",
                     "A sample of decisions is checked each month by a senior officer."],
}
FILLER = ["The tool was designed with input from residents and front-line staff.",
          "Accuracy is checked against a sample of cases each quarter.", "Results are reported to the cabinet member.",
          "The data is held on council servers in the UK.", "Records are kept for no longer than needed.",
          "Equality impacts were assessed before launch.", "The system logs every use for audit.",
          "Performance is similar for different age groups and ethnic groups.",
          "A machine learning model was trained on five years of historical cases.",
          "The council will publish an evaluation after the first year."]
RISKS = [("data", "Out-of-date data", "Records may be out of date.", "Data is refreshed weekly."),
         ("algorithm", "Bias in the model", "Some groups may be scored unfairly.", "Bias is tested each quarter."),
         ("outputs", "Over-reliance on scores", "Staff may rely on the score.", "Training stresses judgement."),
         ("public-engagement", "Loss of trust", "Residents may distrust the tool.", "We publish this record.")]
ASSESSMENTS = ["Data protection impact assessment", "Equality impact assessment", "Algorithmic impact assessment"]
SUPPLIERS = ["Northgate Public Services", "Civica", "Capita", "Xantura", "Microsoft", "Council data team"]


def public_ids(rng: random.Random, taken: set[str]) -> Iterator[str]:
    while True:
        candidate = "".join(rng.choice(PUBLIC_ID_ALPHABET) for _ in range(7))
        if candidate not in taken:
            taken.add(candidate)
            yield candidate


def sentences(rng: random.Random, pool: list[str], low: int, high: int) -> str:
    return " ".join(rng.sample(pool, min(len(pool), rng.randint(low, high))))


def record_data(rng: random.Random, topic: dict, organisation: Organisation, version: str) -> dict:
    name = rng.choice(topic["names"])
    does = rng.choice(topic["does"])
    data_words = rng.sample(topic["data"], min(2, len(topic["data"])))
    local = topic["extra"] + FILLER
    data: dict = {}
    for section in sections_for(version):
        for f in section.fields:
            if f.type in (FieldType.TEXT, FieldType.LONG_TEXT):
                data[f.key] = text_for(rng, f.key, f.type, name, does, data_words, local, organisation)
            elif f.type == FieldType.CHOICE:
                data[f.key] = choice_for(rng, f)
            elif f.type == FieldType.MULTI_CHOICE:
                data[f.key] = multi_for(rng, f.key, topic, organisation)
            elif f.type == FieldType.URL:
                data[f.key] = f"https://www.{organisation.slug}.gov.uk/algorithms/{slugify(name)}"
            elif f.type == FieldType.EMAIL:
                data[f.key] = f"data.ethics@{organisation.slug}.gov.uk"
            elif f.type == FieldType.DATE:
                data[f.key] = f"202{rng.randint(6, 8)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}"
            elif f.type == FieldType.NUMBER:
                data[f.key] = rng.choice([300, 1_200, 5_000, 24_000, 150_000])
            elif f.is_group:
                data[f.key] = items_for(rng, f, version, organisation, local)
    data["name"] = name
    data["organisation_or_department"] = organisation.name
    return data


def text_for(rng, key, kind, name, does, data_words, local, organisation) -> str:
    if key == "one_sentence_description":
        return f"This tool {does}."
    if key == "description":
        return (f"{name} {does}. It uses {data_words[0]} and {data_words[-1]}. "
                + sentences(rng, local, 1, 2))
    if key in GENERIC:
        return sentences(rng, GENERIC[key], 1, 2) + " " + sentences(rng, local, 0, 1)
    if key in ("team", "senior_responsible_owner", "task", "tags", "model_name", "model_version"):
        return {"team": "Data and insight team", "senior_responsible_owner": "Director of Resources",
                "task": does, "tags": ", ".join(data_words)}.get(key, name)
    if key in ("system_level_input", "operational_data_description", "model_input"):
        return f"It takes in {data_words[0]} and {data_words[-1]}. " + sentences(rng, local, 0, 1)
    if kind == FieldType.TEXT:
        return name
    return sentences(rng, local, 1, 3)


def choice_for(rng, f) -> str:
    if f.key == "phase":
        return rng.choices(["production", "public-beta", "private-beta", "pre-deployment", "retired"],
                           [55, 15, 10, 15, 5])[0]
    if f.key == "human_involvement":
        return rng.choices([v for v, _ in vocab.HUMAN_INVOLVEMENT], [10, 35, 40, 15])[0]
    return rng.choice(f.choices)[0]


def multi_for(rng, key, topic, organisation) -> list[str]:
    if key == "function":
        return topic["function"][: rng.randint(1, len(topic["function"]))]
    if key == "capability":
        return topic["capability"][: rng.randint(1, len(topic["capability"]))]
    return [organisation.region] if organisation.region else ["england"]


def items_for(rng, f, version, organisation, local) -> list[dict]:
    if f.key == "impact_assessments":
        chosen = rng.sample(ASSESSMENTS, rng.randint(1, 2))
        return [{"name": n, "date": "2025-03-01", "summary": sentences(rng, local, 1, 1),
                 **({"url": f"https://www.{organisation.slug}.gov.uk/dpia-{i}"} if rng.random() < 0.5 else {})}
                for i, n in enumerate(chosen)]
    if f.key == "risks":
        return [{"category": c, "name": n, "description": d, "mitigation": m}
                for c, n, d, m in rng.sample(RISKS, rng.randint(1, 3))]
    if f.key == "suppliers":
        return [{"third_party": rng.choice(SUPPLIERS), "third_party_role": "Built and hosts the system."}]
    if f.key == "legal_basis":
        return [{"title": "Local Government Act 1972, section 111", "url": "https://www.legislation.gov.uk/"}]
    item = {}
    for sub in f.fields:
        if sub.applies_to(version) and sub.type in (FieldType.TEXT, FieldType.LONG_TEXT):
            item[sub.key] = sentences(rng, local, 1, 2) if sub.type == FieldType.LONG_TEXT else f.item_name.title()
    return [item]


def organisations() -> list[Organisation]:
    if Organisation.objects.filter(org_type="local-authority").count() < 100:
        seed_councils()
    return list(Organisation.objects.filter(org_type="local-authority").order_by("slug"))


def generate(count: int, seed: int = 1) -> int:
    """Create `count` published records across the register's councils and index them, in one transaction."""
    rng = random.Random(seed)
    with transaction.atomic():
        councils = organisations()
        taken = set(Record.objects.values_list("public_id", flat=True))
        pairs = _create(rng, count, councils, public_ids(random.Random(f"{seed} ids"), taken))
        made = index_in_bulk(pairs)
    return made


def _create(rng, count, councils, ids) -> Iterator[tuple[Record, RecordVersion]]:
    next_record = (Record.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    next_version = (RecordVersion.objects.order_by("-pk").values_list("pk", flat=True).first() or 0) + 1
    for start in range(0, count, CHUNK):
        records, versions = [], []
        for n in range(start, min(count, start + CHUNK)):
            organisation = rng.choice(councils)
            topic = rng.choices(TOPICS, WEIGHTS)[0]
            version_number = rng.choices([v for v, _ in VERSIONS], [w for _, w in VERSIONS])[0]
            data = record_data(rng, topic, organisation, version_number)
            published = START + timedelta(seconds=rng.randrange(SPAN_SECONDS))
            record_id, version_id = next_record + n, next_version + n
            shape = Shape.of(data).key
            record = Record(
                pk=record_id, public_id=next(ids), slug=slugify(data["name"])[:120], organisation=organisation,
                status=Record.Status.PUBLISHED, current_version_id=version_id, name=data["name"],
                one_sentence_description=data.get("one_sentence_description") or data["description"],
                phase=data.get("phase", ""), standard_version=version_number, first_published_at=published,
                last_published_at=published, content_shape=shape, history_shape=shape,
            )
            version = RecordVersion(pk=version_id, record_id=record_id, number=1, standard_version=version_number,
                                    data=data, change_note="First published.", published_at=published)
            records.append(record)
            versions.append(version)
        Record.objects.bulk_create(records, batch_size=500)
        RecordVersion.objects.bulk_create(versions, batch_size=500)
        yield from zip(records, versions, strict=True)
    _reset_sequences()


def _reset_sequences() -> None:
    if connection.vendor != "postgresql":
        return
    from django.core.management.color import no_style

    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), [Record, RecordVersion]):
            cursor.execute(sql)
