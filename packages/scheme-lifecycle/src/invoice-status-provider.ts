import type { BundleReader, ColumnarTable, Finding, ValidationProvider } from "@leadforge/core";

const MICROS_PER_DAY = 86_400_000_000;

function col(t: ColumnarTable, name: string): unknown[] | null {
  const i = t.spec.columns.findIndex((c) => c.name === name);
  return i < 0 ? null : (t.columns[i] as unknown[]);
}

function dayOf(v: unknown, type: string | undefined): number {
  return type === "timestamp" ? Math.floor((v as number) / MICROS_PER_DAY) : (v as number);
}

/**
 * Exact check of the reference's public-invoice leak: in a snapshot-safe bundle an invoice
 * may show `written_off` or `recovered` only if the event that resolved it (a churn, or a
 * `payment_recovered`, after the invoice date) is itself published — i.e. happened on or
 * before the cutoff. A terminal status resolved after the cutoff announces the future (a
 * write-off means churn within weeks), which model-based probes are too coarse to see.
 */
export function createInvoiceStatusProvider(): ValidationProvider {
  return {
    name: "lifecycle_invoice_status",
    async check(bundle: BundleReader): Promise<readonly Finding[]> {
      const m = bundle.manifest;
      if (!m.relational_snapshot_safe) return [];
      const inv = m.tables.invoices;
      const ev = m.tables.subscription_events;
      if (!inv || !ev) return [];
      const invoices = await bundle.readTable(inv.file);
      const events = await bundle.readTable(ev.file);
      const eCust = col(events, "customer_id");
      const eType = col(events, "event_type");
      const eTs = col(events, "event_timestamp");
      const iCust = col(invoices, "customer_id");
      const iDate = col(invoices, "invoice_date");
      const iStatus = col(invoices, "payment_status");
      if (!eCust || !eType || !eTs || !iCust || !iDate || !iStatus) return [];
      const tsType = events.spec.columns.find((c) => c.name === "event_timestamp")?.type;
      const dateType = invoices.spec.columns.find((c) => c.name === "invoice_date")?.type;
      // Latest resolution day per customer and kind.
      const churnDay = new Map<unknown, number>();
      const recoveries = new Map<unknown, number[]>();
      for (let r = 0; r < events.length; r++) {
        const d = dayOf(eTs[r], tsType);
        if (eType[r] === "churn") churnDay.set(eCust[r], d);
        else if (eType[r] === "payment_recovered") {
          const list = recoveries.get(eCust[r]) ?? [];
          list.push(d);
          recoveries.set(eCust[r], list);
        }
      }
      let bad = 0;
      let example = "";
      for (let r = 0; r < invoices.length; r++) {
        const status = iStatus[r];
        if (status !== "written_off" && status !== "recovered") continue;
        const d = dayOf(iDate[r], dateType);
        const ok =
          status === "written_off"
            ? (churnDay.get(iCust[r]) ?? Number.NEGATIVE_INFINITY) > d
            : (recoveries.get(iCust[r]) ?? []).some((x) => x > d);
        if (!ok) {
          bad++;
          if (!example) example = `${String(iCust[r])} (${String(status)})`;
        }
      }
      return [
        bad > 0
          ? {
              severity: "error",
              code: "invoice_status_after_cutoff",
              file: inv.file,
              column: "payment_status",
              value: bad,
              message: `${bad} public invoice(s) show a dunning outcome whose resolving event is not published (resolved after the cutoff), e.g. ${example}; public status must be as of the cutoff ('failed' while dunning is open)`,
            }
          : {
              severity: "info",
              code: "invoice_status_as_of_cutoff",
              file: inv.file,
              message:
                "Every recovered/written-off public invoice is resolved by a published event.",
            },
      ];
    },
  };
}
