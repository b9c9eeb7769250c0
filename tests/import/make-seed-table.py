#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Types the action table of the bundled plan's source document (its HRS4R
actions, objectives 1 to 8) as people keep it in a spreadsheet or a Word
table: Objectifs | N° | Comment ? | Réalisé Quand ? | A faire Quand ? | Qui ?,
the objective on the first row of its group only, themes as heading rows,
the header repeated before each objective, sub-items as "a. … b. …" lines in
the title cell, timings written as in the document ("2 nd sem. 2022",
"En cours", "Action revue", "2019 2019 En cours").

Writes seed-utf8.csv (UTF-8, commas), seed-cp1252.csv (Windows-1252,
semicolons, as French Excel saves) and seed-tables.html (one table per
objective, the objective cell merged over its rows) for LibreOffice to turn
into ODS, XLSX, ODT and DOCX (see README)."""

import csv
import html
import json
import sys
from pathlib import Path

here = Path(__file__).resolve().parent
plan = json.load(open(here.parent.parent / "data" / "plans" / "inserm-hrs4r-2022.json"))
codes = {u["id"]: u["code"] for u in plan["units"]}
HEADER = ["Objectifs", "N°", "Comment ?", "Réalisé Quand ?", "A faire Quand ?", "Qui ?"]


def semester(s):
    year, half = s.split("-S")
    return ("1 st sem. " if half == "1" else "2 nd sem. ") + year


def done_text(record):
    status = record["status"]
    if status in ("done", "done-new"):
        c = record.get("completion", "")
        return semester(c) if "-S" in c else c
    if status == "in-progress":
        return "En cours"
    if status == "revised":
        return "Action revue"
    if status == "superseded":
        return "Mise à jour, cf. " + ", ".join(record.get("references", []))
    if status == "dropped":
        return "plus à réaliser"
    return ""


def rows():
    out = []
    for objective in plan["objectives"][:8]:
        number = objective["number"]
        title = objective["title"]["fr"]
        label = f"{number}. {title}"
        if number == "4":
            label += " (1/2)"
        first = True
        theme = None
        group = []
        for action in objective["actions"]:
            a_theme = action.get("theme", {}).get("fr")
            if number == "4" and action["number"] == "4.14":
                out.append(("header", group))
                group = []
                first = True
                label = f"{number}. {title} (2/2)"
            if a_theme and a_theme != theme:
                group.append([label if first else "", "", a_theme, "", "", ""])
                first = False
            theme = a_theme
            items = action.get("items", [])
            text = action["title"]["fr"]
            for item in items:
                text += f"\n{item['label']}. {item['title']['fr']}"
            if "extension" in action:
                text += "\nExtension : " + action["extension"]["fr"]
            done = done_text(action)
            due = semester(action["due"]) if "due" in action else ""
            if action.get("recurrence") == "yearly":
                due = "Prochain DuoDay : " + semester(action["next"])
            own = [i for i in items if i.get("completion") or i.get("due")]
            if own:
                per_item = [done_text(i) for i in items]
                if any(" " in p for p in per_item):
                    done = " ".join(f"{i['label']}. {p}" for i, p in zip(items, per_item))
                else:
                    done = " ".join(per_item)
                dues = [f"{i['label']}. {semester(i['due'])}" for i in items if "due" in i]
                if dues:
                    due = " ".join(dues)
            units = [codes[u] for u in action.get("units", [])]
            who = ", ".join(units)
            if units == ["Délégations régionales", "RH"]:
                who = "Délégations régionales (RH)"
            elif units == ["PCN EG"] and action["number"] == "4.12":
                who = "PCN EG*"
            num = action["number"] + "."
            # Objectives 2 and 4 (first part) keep the number in the text.
            if number == "2" and action["number"] in [f"2.{i}" for i in range(1, 9)] or \
               number == "4" and int(action["number"].split(".")[1]) <= 13:
                text = num + " " + text
                num = ""
            group.append([label if first else "", num, text, done, due, who])
            first = False
        out.append(("header", group))
    return out


def write_csv(path, encoding, delimiter):
    with open(path, "w", encoding=encoding, errors="replace", newline="") as f:
        w = csv.writer(f, delimiter=delimiter, lineterminator="\r\n")
        w.writerow(["La HRS4R à l'Inserm — Plan d'action 2022–2024"])
        w.writerow(["Nota Bene : les actions en gris ont été mises en œuvre ; les actions en blanc sont en cours."])
        w.writerow([])
        for _, group in rows():
            w.writerow(HEADER)
            for row in group:
                w.writerow(row)
            w.writerow([])


def write_html(path):
    with open(path, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Plan d'action</title></head><body>\n")
        f.write("<h1>La HRS4R à l'Inserm — Plan d'action 2022–2024</h1>\n")
        f.write("<p>Nota Bene : les actions en gris ont été mises en œuvre ; les actions en blanc sont en cours.</p>\n")
        for _, group in rows():
            f.write("<table border=\"1\">\n<tr>" + "".join(f"<th>{html.escape(h)}</th>" for h in HEADER) + "</tr>\n")
            for n, row in enumerate(group):
                f.write("<tr>")
                for c, cell in enumerate(row):
                    if c == 0:
                        if n > 0:
                            continue
                        f.write(f"<td rowspan=\"{len(group)}\">{html.escape(cell)}</td>")
                        continue
                    f.write("<td>" + "<br>".join(html.escape(x) for x in cell.split("\n")) + "</td>")
                f.write("</tr>\n")
            f.write("</table>\n<p></p>\n")
        f.write("</body></html>\n")


write_csv(here / "seed-utf8.csv", "utf-8", ",")
write_csv(here / "seed-cp1252.csv", "cp1252", ";")
write_html(here / "seed-tables.html")
