import { readFileSync, writeFileSync } from "node:fs";
import { XlsxHost } from "../src/hosts/xlsx/xlsxHost";
import { SchedaService } from "../src/app/service";
it("smoke", async () => {
  const host = await XlsxHost.fromBuffer(readFileSync("/work/tmp/sample-old.xlsx"));
  const svc = new SchedaService(host, { today: () => "2024-01-15" });
  const t0 = Date.now();
  const r = await svc.generate();
  console.log("problems", r.check.problems.length, r.check.blocking, "pages", r.pages, Date.now() - t0, "ms");
  writeFileSync("/work/tmp/smoke/out.xlsx", await host.toBuffer());
});
