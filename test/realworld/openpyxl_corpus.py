"""Writes the openpyxl part of the real-world corpus (one interpreter run for every file).

Usage: /usr/bin/python3 openpyxl_corpus.py SPEC.json
SPEC.json: {"outDir": "...", "tables": [{"sheet", "table", "columns": [{"header", "numberFormat", "width"}],
"rows": [[value | {"date": "YYYY-MM-DD"} | null, ...]]}]}

openpyxl writes what real generators write: its own table XML (exceljs refuses it), formulas without
cached values, comments with VML, charts, images, data validation, sheet-scoped names.
"""
import datetime
import io
import json
import os
import sys

from openpyxl import Workbook
from openpyxl.chart import BarChart, Reference
from openpyxl.comments import Comment
from openpyxl.drawing.image import Image
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.workbook.defined_name import DefinedName
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.table import Table, TableStyleInfo
from PIL import Image as PilImage


def value(v):
    if isinstance(v, dict) and "date" in v:
        return datetime.datetime.strptime(v["date"], "%Y-%m-%d")
    return v


def write_tables(wb, tables, parametri=None):
    sheets = {}
    for spec in tables:
        ws = wb.create_sheet(spec["sheet"])
        sheets[spec["sheet"]] = ws
        cols = spec["columns"]
        for j, c in enumerate(cols, start=1):
            cell = ws.cell(row=1, column=j, value=c["header"])
            cell.font = Font(name="Calibri", size=11, bold=True)
            ws.column_dimensions[get_column_letter(j)].width = c.get("width") or 14
        for i, row in enumerate(spec["rows"], start=2):
            for j, v in enumerate(row, start=1):
                if v is None:
                    continue
                cell = ws.cell(row=i, column=j, value=value(v))
                fmt = cols[j - 1].get("numberFormat")
                if isinstance(v, dict) and "date" in v:
                    cell.number_format = "DD/MM/YYYY"
                elif fmt and not isinstance(v, str):
                    cell.number_format = fmt
        last = max(len(spec["rows"]) + 1, 2)
        ref = "A1:%s%d" % (get_column_letter(len(cols)), last)
        table = Table(displayName=spec["table"], ref=ref)
        table.tableStyleInfo = TableStyleInfo(name="TableStyleMedium2", showRowStripes=True)
        ws.add_table(table)
        ws.freeze_panes = "A2"
    if parametri:
        ws = sheets["Parametri"]
        for row in ws.iter_rows(min_row=2):
            label = row[0].value
            if label in parametri:
                v, fmt = parametri[label]
                row[1].value = v
                row[1].number_format = fmt
    return sheets


def column_of(ws, header):
    for cell in ws[1]:
        if cell.value == header:
            return cell.column
    raise KeyError(header)


def completo(tables, path):
    wb = Workbook()
    wb.remove(wb.active)
    sheets = write_tables(wb, tables)
    ob, fasi, ind, par = sheets["Obiettivi"], sheets["Fasi"], sheets["Indicatori"], sheets["Parametri"]
    n_fasi = fasi.max_row

    # Comments (openpyxl writes comments1.xml plus a legacy VML drawing).
    ob["B2"].comment = Comment("Titolo da verificare con il dirigente.", "Ufficio controllo")
    fasi["H3"].comment = Comment("Avanzamento comunicato a voce il 30/06.", "Ufficio controllo")

    # Data validation on input columns.
    col = get_column_letter(column_of(fasi, "Avanzamento"))
    dv = DataValidation(type="decimal", operator="between", formula1="0", formula2="100", allow_blank=True)
    dv.error = "Inserire un numero tra 0 e 100."
    dv.add("%s2:%s%d" % (col, col, n_fasi))
    fasi.add_data_validation(dv)
    col = get_column_letter(column_of(ind, "Polarità"))
    dv = DataValidation(type="list", formula1='"Crescente,Decrescente"', allow_blank=True)
    dv.add("%s2:%s%d" % (col, col, ind.max_row))
    ind.add_data_validation(dv)

    # An input formula without a cached value (openpyxl never writes one).
    avz = column_of(fasi, "Avanzamento")
    fasi.cell(row=3, column=avz, value="=40+60")

    # A user sheet with a sheet-scoped name that shadows a global one of the same name.
    app = wb.create_sheet("Appunti")
    app["A1"] = "Voce"
    app["B1"] = "Importo"
    for i, (k, v) in enumerate([("Personale", 1), ("Beni", 2), ("Servizi", 3)], start=2):
        app.cell(row=i, column=1, value=k)
        app.cell(row=i, column=2, value=v)
    app["D1"] = "Totale del foglio"
    app["D2"] = "=SUM(Totale)"
    peso = get_column_letter(column_of(fasi, "Peso"))
    wb.defined_names.append(DefinedName("Totale", attr_text="Fasi!$%s$2:$%s$%d" % (peso, peso, n_fasi)))
    scoped = DefinedName("Totale", attr_text="Appunti!$B$2:$B$4")
    scoped.localSheetId = wb.sheetnames.index("Appunti")
    wb.defined_names.append(scoped)
    par["D2"] = "Somma pesi fasi"
    par["E2"] = "=SUM(Totale)"

    # A chart of the phase weights and an image, on user-visible sheets.
    chart = BarChart()
    chart.title = "Peso delle fasi"
    data = Reference(fasi, min_col=column_of(fasi, "Peso"), min_row=1, max_row=n_fasi)
    chart.add_data(data, titles_from_data=True)
    app.add_chart(chart, "F2")
    png = io.BytesIO()
    PilImage.new("RGB", (64, 32), (200, 30, 30)).save(png, format="PNG")
    png.seek(0)
    img = Image(png)
    img.anchor = "B%d" % (ob.max_row + 3)
    ob.add_image(img)

    wb.save(path)


def parametri_percento(tables, path):
    wb = Workbook()
    wb.remove(wb.active)
    write_tables(
        wb,
        tables,
        parametri={
            "Peso fasi nel grado": (0.5, "0%"),
            "Soglia raggiunto": (0.9, "0%"),
            "Soglia parzialmente raggiunto": (0.7, "0.00%"),
        },
    )
    wb.save(path)


def main():
    spec = json.load(open(sys.argv[1], encoding="utf-8"))
    out = spec["outDir"]
    completo(spec["tables"], os.path.join(out, "openpyxl-completo.xlsx"))
    parametri_percento(spec["tables"], os.path.join(out, "openpyxl-parametri-percento.xlsx"))


if __name__ == "__main__":
    main()
