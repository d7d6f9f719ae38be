// Node-only speed fix for exceljs 4.4 (the browser bundle cannot reach exceljs's internals; there
// XlsxHost folds the entries back after loading instead, see src/hosts/xlsx/validations.ts).
// exceljs expands each data validation range into one entry per cell while parsing: a whole-column
// rule (D2:D1048576) is a million entries. Keeping the range as one entry is what its writer
// handles best anyway.

interface DataValidationsXformProto {
  parseClose(name: string): boolean;
  __keepRanges?: boolean;
}

interface ParseState {
  model: Record<string, unknown>;
  _address: string;
  _dataValidation: { formulae?: unknown[]; operator?: string };
}

export function keepValidationRangesWhileParsing(): void {
  let Xform: { prototype: DataValidationsXformProto };
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    Xform = require("exceljs/lib/xlsx/xform/sheet/data-validations-xform");
  } catch {
    return; // another exceljs layout: the host's fold after loading still applies
  }
  const proto = Xform.prototype;
  if (proto.__keepRanges) return;
  const original = proto.parseClose;
  proto.parseClose = function (this: ParseState, name: string): boolean {
    if (name !== "dataValidation") return original.call(this, name);
    const rule = this._dataValidation;
    if (!rule.formulae || !rule.formulae.length) {
      delete rule.formulae;
      delete rule.operator;
    }
    for (const addr of this._address.split(/\s+/g)) if (addr) this.model[addr] = rule;
    return true;
  };
  proto.__keepRanges = true;
}
