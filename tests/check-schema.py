#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks data/plan.schema.json, the schema of the jalons-plan format.

- the schema is a valid JSON Schema (draft 2020-12), and every definition
  and property has a title and a description;
- it says what the C field tables say (src/core/jln-*.c): the same
  members, types, bounds, required fields, enum values and child lists;
- the bundled plans in data/plans/ validate, with their members in the
  order the reader needs and Jalons writes (which a schema cannot say);
- small documents that Jalons reads validate;
- documents that Jalons refuses (a status "finished", a semester
  "2022-S3", an unknown member, a missing id…) are rejected, for the
  right reason.

Usage: check-schema.py SOURCE_ROOT. Exits 77 (skipped) when the Debian
package python3-jsonschema is not installed.
"""

import copy
import glob
import json
import os
import re
import sys

try:
    import jsonschema
    from jsonschema import Draft202012Validator
except ImportError:
    print("SKIP: python3-jsonschema (with draft 2020-12 support) is not installed; "
          "install it with: apt-get install python3-jsonschema")
    sys.exit(77)

failures = []
n_bad = 0


def fail(message):
    failures.append(message)
    print("FAIL: " + message)


def path_of(error):
    return "$" + "".join(f"[{p}]" if isinstance(p, int) else f".{p}" for p in error.absolute_path)


# --- The schema itself -------------------------------------------------------

def check_documented(schema):
    for name, definition in schema["$defs"].items():
        for key in ("title", "description"):
            if not definition.get(key):
                fail(f"$defs/{name} has no {key}")
        for prop, sub in definition.get("properties", {}).items():
            for key in ("title", "description"):
                if not sub.get(key):
                    fail(f"$defs/{name}/properties/{prop} has no {key}")


# --- The schema against the C field tables ----------------------------------

FIELD_RE = re.compile(r'\{\s*"(?P<name>[a-z_]+)",\s*"[a-z_]+",\s*JLN_FIELD_(?P<type>[A-Z]+),'
                      r'\s*JLN_FIELD_OF\s*\([^)]*\)(?P<rest>[^}]*)\}')
INFO_RE = re.compile(r'const JlnKindInfo _jln_(?P<var>[a-z_]+)_info\s*=\s*\{(?P<body>.*?)\n\};', re.S)
ENUM_RE = re.compile(r'typedef enum\s*\{(?P<body>[^}]*)\}\s*(?P<name>Jln\w+);')

SIMPLE_REFS = {
    "TEXT": "#/$defs/text",
    "STRING": "#/$defs/code",
    "DOUBLE": "#/$defs/decimal",
    "SEMESTER": "#/$defs/semester",
    "COMPLETION": "#/$defs/completion",
    "DATE": "#/$defs/date",
}


def camel(snake):
    head, *rest = snake.split("_")
    return head + "".join(word.capitalize() for word in rest)


def enum_nicks(types_h):
    """Enum type function (jln_status_get_type) → nicks, as glib-mkenums makes them."""
    result = {}
    for match in ENUM_RE.finditer(types_h):
        values = re.findall(r'\b(JLN_[A-Z0-9_]+)\b', match.group("body"))
        prefix = os.path.commonprefix(values)
        prefix = prefix[:prefix.rfind("_") + 1]
        snake = re.sub(r'(?<!^)([A-Z])', r'_\1', match.group("name")).lower()
        result[snake + "_get_type"] = [v[len(prefix):].lower().replace("_", "-") for v in values]
    return result


def resolve(schema, ref):
    node = schema
    for part in ref.lstrip("#/").split("/"):
        node = node[part]
    return node


def check_against_c(schema, root):
    core = os.path.join(root, "src", "core")
    with open(os.path.join(core, "jln-types.h"), encoding="utf-8") as f:
        enums = enum_nicks(f.read())

    kinds = {}   # JLN_KIND_X → (def name, list key)
    tables = {}  # def name → (fields, children)
    for path in sorted(glob.glob(os.path.join(core, "jln-*.c"))):
        with open(path, encoding="utf-8") as f:
            source = f.read()
        # A file may declare several kinds with one field table (jln-note.c).
        for info in INFO_RE.finditer(source):
            body = info.group("body")
            definition = camel(info.group("var"))
            kind = re.search(r'\.kind\s*=\s*(JLN_KIND_\w+)', body).group(1)
            list_key = re.search(r'\.list_key\s*=\s*(NULL|"[a-z_]+")', body).group(1).strip('"')
            children = re.findall(r'JLN_KIND_\w+', re.search(r'\.children\s*=\s*\{([^}]*)\}', body).group(1))
            table = re.search(r'static const JlnField fields\[\]\s*=\s*\{(.*?)\n\};', source, re.S)
            fields = [m.groupdict() for m in FIELD_RE.finditer(table.group(1))] if table else []
            if table and len(fields) != table.group(1).count("JLN_FIELD_OF"):
                fail(f"{os.path.basename(path)}: could not read every line of fields[]")
            kinds[kind] = (definition, list_key)
            tables[definition] = (fields, children)

    if len(tables) != 13:
        fail(f"found {len(tables)} record kinds in src/core, expected 13")

    for definition, (fields, children) in tables.items():
        where = f"$defs/{definition}"
        record = schema["$defs"].get(definition)
        if record is None:
            fail(f"{where} is missing (a record kind of src/core)")
            continue
        props = record.get("properties", {})
        if record.get("additionalProperties") is not False:
            fail(f"{where}: additionalProperties must be false (the reader refuses unknown members)")
        expected_props = ["id"] + [f["name"] for f in fields] + [kinds[c][1] for c in children]
        required = ["id"] + [f["name"] for f in fields if "JLN_FIELD_REQUIRED" in f["rest"]]
        if definition == "plan":
            expected_props = ["format", "version"] + expected_props
            required = ["format", "version"] + required
        if list(props) != expected_props:
            fail(f"{where}: members {list(props)}, but the C table gives {expected_props} (in writing order)")
        if sorted(record.get("required", [])) != sorted(required):
            fail(f"{where}: required {record.get('required')}, but the C table gives {required}")
        if props.get("id", {}).get("$ref") != "#/$defs/uuid":
            fail(f"{where}/id must be a #/$defs/uuid")

        for field in fields:
            name, ftype, rest = field["name"], field["type"], field["rest"]
            prop = props.get(name)
            if prop is None:
                continue
            at = f"{where}/properties/{name}"
            if ftype in SIMPLE_REFS:
                if prop.get("$ref") != SIMPLE_REFS[ftype]:
                    fail(f"{at}: a {ftype} field should be {SIMPLE_REFS[ftype]}")
            elif ftype == "INT":
                low = int(re.search(r'\.min\s*=\s*(-?\d+)', rest).group(1))
                high = int(re.search(r'\.max\s*=\s*(-?\d+)', rest).group(1))
                if (prop.get("type"), prop.get("minimum"), prop.get("maximum")) != ("integer", low, high):
                    fail(f"{at}: should be an integer from {low} to {high}")
            elif ftype == "ENUM":
                function = re.search(r'\.enum_type\s*=\s*(\w+)', rest).group(1)
                values = resolve(schema, prop["$ref"]).get("enum") if "$ref" in prop else prop.get("enum")
                if values != enums.get(function):
                    fail(f"{at}: values {values}, but {function} has {enums.get(function)}")
            elif ftype == "STRV":
                if prop.get("type") != "array" or prop.get("items", {}).get("type") != "string":
                    fail(f"{at}: a STRV field should be an array of strings")
            elif ftype == "REFS":
                if prop.get("type") != "array" or prop.get("items", {}).get("$ref") != "#/$defs/uuid" \
                        or prop.get("uniqueItems") is not True:
                    fail(f"{at}: a REFS field should be an array of unique #/$defs/uuid")
            else:
                fail(f"{at}: field type {ftype} is not known to this test")

        for child in children:
            child_def, list_key = kinds[child]
            prop = props.get(list_key, {})
            if prop.get("type") != "array" or prop.get("items", {}).get("$ref") != f"#/$defs/{child_def}":
                fail(f"{where}/properties/{list_key}: should be an array of #/$defs/{child_def}")


# --- Documents ---------------------------------------------------------------

UUIDS = iter(f"00000000-0000-4000-8000-{n:012x}" for n in range(1, 1000))


def minimal_plan():
    return {"format": "jalons-plan", "version": 1, "id": next(UUIDS), "title": {"en": "Plan"}}


def full_plan():
    """Every kind and every member, as Jalons would write them."""
    unit = {"id": next(UUIDS), "code": "RH", "name": {"fr": "Ressources humaines", "en": "Human resources"}}
    principle = {"id": next(UUIDS), "number": 27, "area": "conditions", "name": {"en": "Gender balance"}}
    item = {"id": next(UUIDS), "label": "a", "title": {"fr": "pour les CRCN"}, "status": "done",
            "completion": "2022-S1", "due": "2022-S1", "units": [unit["id"]],
            "progress_notes": [{"id": next(UUIDS), "date": "2022-05", "author": "DR Paris",
                                "text": {"fr": "Fait pour les CRCN", "en": "Done for CRCN"}}]}
    action = {"id": next(UUIDS), "number": "4.5", "title": {"fr": "Former les DU"}, "theme": {"fr": "Égalité"},
              "description": {"en": "Line one\nline two"}, "status": "superseded", "completion": "2019-2020",
              "start": "2021-S1", "due": "2022-S1", "recurrence": "yearly", "next": "2023-S2",
              "references": ["4.9-4.10", "7.2"], "extension": {"fr": "page dédiée"}, "note": {"fr": "Mise à jour"},
              "actors": {"en": "HR"}, "follow_up": {"en": "yearly count"}, "schedule": {"en": "2022, 2023"},
              "units": [unit["id"]], "principles": [principle["id"]], "items": [item],
              "progress_notes": [{"id": next(UUIDS), "date": "2024-06-30", "author": "RH",
                                  "text": {"fr": "S1 2024 : appel publié", "en": "S1 2024: call published"}}]}
    indicator = {"id": next(UUIDS), "number": 1, "title": {"en": "Equality unit"}, "kind": "count",
                 "measure": {"en": "% cells"}, "actors": {"en": "Regional Offices"}, "follow_up": {"en": "monitoring"},
                 "remark": {"en": "Then 80%"}, "actions": [action["id"]],
                 "targets": [{"id": next(UUIDS), "year": 2022, "series": {"en": "Unit directors"}, "value": 30},
                             {"id": next(UUIDS), "year": 2023, "text": {"en": "Other committees"}}],
                 "measurements": [{"id": next(UUIDS), "date": "2022-12-31", "series": {"en": "Unit directors"},
                                   "value": 27.5, "note": {"en": "first count"}, "source": {"en": "social report"}}]}
    plan = minimal_plan()
    plan.update({"start": "2021-S1", "end": "2024-S2", "notes": {"fr": "Notes"},
                 "units": [unit], "principles": [principle],
                 "milestones": [{"id": next(UUIDS), "date": "2022-03", "kind": "renewal", "title": {"en": "Renewal"}}],
                 "objectives": [{"id": next(UUIDS), "programme": "gep", "number": "IV", "title": {"en": "Axis"},
                                 "description": {"en": "About it"}, "actions": [action]}],
                 "indicators": [indicator],
                 "sections": [{"id": next(UUIDS), "title": {"fr": "1. Présentation", "en": "1. Presentation"},
                               "body": {"fr": "Un *paragraphe*.\n\n- un point", "en": "A *paragraph*.\n\n- a point"}}]})
    return plan


def first_action(plan):
    return plan["objectives"][0]["actions"][0]


def mutations(base):
    """(what, the JSON path the error must be at, a function that spoils a copy of base)."""
    def status(p): first_action(p)["status"] = "finished"
    def semester(p): first_action(p)["due"] = "2022-S3"
    def unknown(p): first_action(p)["owner"] = "RH"
    def missing_id(p): del first_action(p)["id"]
    def missing_required(p): del p["units"][0]["code"]
    def completion(p): first_action(p)["completion"] = "2017-S3"
    def date(p): p["milestones"][0]["date"] = "2022-13"
    def language(p): p["title"]["de"] = "Plan"
    def empty_text(p): p["title"] = {}
    def bad_id(p): p["units"][0]["id"] = "RH"
    def bad_ref(p): first_action(p)["units"] = ["RH"]
    def twice(p): first_action(p)["units"] = first_action(p)["units"] * 2
    def out_of_range(p): p["principles"][0]["number"] = 41
    def not_integer(p): p["indicators"][0]["targets"][0]["year"] = "2022"
    def too_large(p): p["indicators"][0]["targets"][0]["value"] = 1e16
    def wrong_format(p): p["format"] = "jalons"
    def newer(p): p["version"] = 2
    def no_version(p): del p["version"]
    def milestone_kind(p): p["milestones"][0]["kind"] = "deadline"
    def child_member(p): p["objectives"][0]["items"] = []
    def number_not_text(p): first_action(p)["number"] = 4.5

    return [
        ("a status “finished”", "$.objectives[0].actions[0].status", status),
        ("a semester “2022-S3”", "$.objectives[0].actions[0].due", semester),
        ("an unknown member", "$.objectives[0].actions[0]", unknown),
        ("a missing id", "$.objectives[0].actions[0]", missing_id),
        ("a unit without its code", "$.units[0]", missing_required),
        ("a completion “2017-S3”", "$.objectives[0].actions[0].completion", completion),
        ("a date “2022-13”", "$.milestones[0].date", date),
        ("a third language", "$.title", language),
        ("an empty title", "$.title", empty_text),
        ("an id that is not a UUID", "$.units[0].id", bad_id),
        ("a reference that is not a UUID", "$.objectives[0].actions[0].units[0]", bad_ref),
        ("a unit listed twice", "$.objectives[0].actions[0].units", twice),
        ("principle 41", "$.principles[0].number", out_of_range),
        ("a year as a string", "$.indicators[0].targets[0].year", not_integer),
        ("a value of 1e16", "$.indicators[0].targets[0].value", too_large),
        ("another format", "$.format", wrong_format),
        ("version 2", "$.version", newer),
        ("no version", "$", no_version),
        ("a milestone kind “deadline”", "$.milestones[0].kind", milestone_kind),
        ("items in an objective", "$.objectives[0]", child_member),
        ("an action number as a number", "$.objectives[0].actions[0].number", number_not_text),
    ]


def check_rejected(validator, base, label):
    global n_bad
    n_bad += len(mutations(base)) + 1
    for what, where, spoil in mutations(base):
        document = copy.deepcopy(base)
        spoil(document)
        errors = list(validator.iter_errors(document))
        if not errors:
            fail(f"{label} with {what} is accepted")
        elif where not in {path_of(e) for e in errors}:
            fail(f"{label} with {what} is rejected, but not at {where}: "
                 + "; ".join(f"{path_of(e)}: {e.message}" for e in errors))

    # All at once, as in an obviously bad document.
    document = copy.deepcopy(base)
    for what, where, spoil in mutations(base)[:4]:
        spoil(document)
    if validator.is_valid(document):
        fail(f"{label} with a status “finished”, a semester “2022-S3”, an unknown member "
             "and a missing id is accepted")


def check_order(schema, document, label):
    """Member order, which JSON Schema cannot check: the reader wants
    format, version and id first; Jalons writes the order of the schema."""
    def walk(record, definition, path):
        props = list(schema["$defs"][definition]["properties"])
        keys = list(record)
        first = ["format", "version", "id"] if definition == "plan" else ["id"]
        if keys[:len(first)] != first:
            fail(f"{label}: {path} begins with {keys[:len(first)]}, not {first}")
        known = [k for k in keys if k in props]
        if known != sorted(known, key=props.index):
            fail(f"{label}: {path}: members {known} are not in the order of the schema, {props}")
        for key in known:
            ref = schema["$defs"][definition]["properties"][key].get("items", {}).get("$ref", "")
            child = ref.rsplit("/", 1)[-1]
            if ref and "properties" in schema["$defs"][child] and isinstance(record[key], list):
                for i, element in enumerate(record[key]):
                    if isinstance(element, dict):
                        walk(element, child, f"{path}.{key}[{i}]")

    walk(document, "plan", "$")


def check_valid(validator, document, label):
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    for error in errors[:20]:
        fail(f"{label}: {path_of(error)}: {error.message}")
    return not errors


def main():
    if len(sys.argv) != 2:
        print(f"usage: {sys.argv[0]} SOURCE_ROOT", file=sys.stderr)
        return 2
    root = sys.argv[1]

    with open(os.path.join(root, "data", "plan.schema.json"), encoding="utf-8") as f:
        schema = json.load(f)
    try:
        Draft202012Validator.check_schema(schema)
    except jsonschema.exceptions.SchemaError as error:
        fail(f"data/plan.schema.json is not a valid draft 2020-12 schema: {error.message}")
        return 1
    validator = Draft202012Validator(schema)

    check_documented(schema)
    check_against_c(schema, root)

    plans = sorted(glob.glob(os.path.join(root, "data", "plans", "*.json")))
    if not plans:
        fail("no plan in data/plans/")
    for path in plans:
        with open(path, encoding="utf-8") as f:
            plan = json.load(f)
        label = os.path.relpath(path, root)
        check_order(schema, plan, label)
        if check_valid(validator, plan, label) and plan.get("objectives") and \
                first_action(plan).get("units") and plan.get("milestones") and plan.get("indicators"):
            check_rejected(validator, plan, label)

    check_valid(validator, minimal_plan(), "a plan with only format, version, id and title")
    full = full_plan()
    check_order(schema, full, "a plan with every kind and member")
    if check_valid(validator, full, "a plan with every kind and member"):
        check_rejected(validator, full, "a plan with every kind and member")

    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print(f"plan.schema.json: schema, C tables, {len(plans)} bundled plan(s), "
          f"2 good and {n_bad} bad documents checked")
    return 0


if __name__ == "__main__":
    sys.exit(main())
