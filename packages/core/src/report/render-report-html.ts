import {
  barChart,
  columnChart,
  esc,
  fmt,
  fmtCompact,
  fmtInt,
  lineChart,
  type Series,
  stackedBars,
} from "./svg-charts.js";
import type {
  ClassificationTaskReport,
  FeatureSignal,
  Metric,
  QualityReport,
  RegressionTaskReport,
} from "./types.js";

const COLORS: Record<string, string> = {
  logistic_regression: "#4263eb",
  linear_log1p: "#4263eb",
  gradient_boosting: "#0ca678",
  gradient_boosting_log1p: "#0ca678",
  oracle: "#f08c00",
};
const NAMES: Record<string, string> = {
  logistic_regression: "Logistic regression",
  linear_log1p: "Ridge on log1p",
  gradient_boosting: "Gradient boosting",
  gradient_boosting_log1p: "Boosting on log1p",
  oracle: "Oracle (true score)",
};
const GREY = "#adb5bd";
const POS = "#4263eb";
const NEG = "#dbe4ff";
const TRAP = "#e03131";
const FEATURE = "#5c7cfa";

const CSS = `
:root{--ink:#1c2230;--muted:#5f6b7a;--line:#e6e9ef;--bg:#f6f7fb;--card:#fff;--accent:#4263eb}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--ink);font:14px/1.5 -apple-system,BlinkMacSystemFont,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;-webkit-font-smoothing:antialiased}
header{background:linear-gradient(120deg,#1b2a6b,#4263eb 60%,#5c7cfa);color:#fff;padding:34px 40px 30px}
header h1{margin:0 0 6px;font-size:26px;font-weight:650;letter-spacing:-.01em}
header .sub{opacity:.9;font-size:14px}
.chips{margin-top:14px;display:flex;flex-wrap:wrap;gap:8px}
.chip{background:rgba(255,255,255,.16);border:1px solid rgba(255,255,255,.28);border-radius:999px;padding:3px 11px;font-size:12.5px}
main{max-width:1180px;margin:0 auto;padding:26px 28px 60px}
section{margin:0 0 34px}
h2{font-size:19px;margin:0 0 4px;font-weight:650;letter-spacing:-.01em}
h2 .tag{font-size:11.5px;font-weight:600;text-transform:uppercase;letter-spacing:.06em;color:var(--accent);background:#edf2ff;border-radius:6px;padding:2px 8px;margin-left:8px;vertical-align:3px}
p.lede{color:var(--muted);margin:0 0 14px}
.kpis{display:grid;grid-template-columns:repeat(auto-fit,minmax(150px,1fr));gap:12px;margin:14px 0 16px}
.kpi{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:12px 14px}
.kpi .k{font-size:11.5px;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
.kpi .v{font-size:24px;font-weight:650;margin-top:2px;font-variant-numeric:tabular-nums}
.kpi .d{font-size:12px;color:var(--muted)}
.grid2{display:grid;grid-template-columns:repeat(auto-fit,minmax(440px,1fr));gap:16px}
.card{background:var(--card);border:1px solid var(--line);border-radius:14px;padding:16px 18px 12px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
.card h3{margin:0 0 2px;font-size:14.5px;font-weight:620}
.card .hint{margin:0 0 8px;color:var(--muted);font-size:12.5px}
figure.chart{margin:0}
svg{display:block;overflow:visible}
svg .grid{stroke:#eef0f4;stroke-width:1}
svg .axis{stroke:#c5cad3;stroke-width:1}
svg .tick{fill:#7a8494;font-size:11px;font-variant-numeric:tabular-nums}
svg .label{fill:#5f6b7a;font-size:11.5px}
svg .blabel{fill:#3b4452;font-size:12px}
svg .bvalue{fill:#3b4452;font-size:11.5px;font-variant-numeric:tabular-nums}
svg .inbar{fill:#fff;font-size:11.5px;font-weight:600}
.legend{display:flex;flex-wrap:wrap;gap:14px;font-size:12px;color:#4a5462;margin:6px 0 2px 52px}
.legend i{display:inline-block;width:10px;height:10px;border-radius:3px;margin-right:6px;vertical-align:-1px}
table{border-collapse:collapse;width:100%;font-size:13px;font-variant-numeric:tabular-nums}
th,td{padding:7px 10px;border-bottom:1px solid var(--line);text-align:right}
th:first-child,td:first-child{text-align:left}
th{font-weight:600;color:var(--muted);font-size:12px;text-transform:uppercase;letter-spacing:.04em}
tr:last-child td{border-bottom:0}
.notes{background:#fff9db;border:1px solid #ffe066;border-radius:12px;padding:10px 16px;color:#5c4a00}
footer{color:var(--muted);font-size:12.5px;border-top:1px solid var(--line);padding-top:14px}
code{background:#eef1f6;border-radius:4px;padding:1px 5px;font-size:12.5px}
`;

function kpi(label: string, value: string, detail = ""): string {
  return `<div class="kpi"><div class="k">${esc(label)}</div><div class="v">${esc(value)}</div>${detail ? `<div class="d">${esc(detail)}</div>` : ""}</div>`;
}

function card(title: string, hint: string, body: string): string {
  return `<div class="card"><h3>${esc(title)}</h3><p class="hint">${esc(hint)}</p>${body}</div>`;
}

const pct = (v: number) => `${Math.round(v * 100)}%`;

function delta(a: Metric, b: Metric): string {
  if (a === null || b === null) return "–";
  const d = a - b;
  return `${d >= 0 ? "+" : "−"}${Math.abs(d).toFixed(3)}`;
}

function signalBars(signal: readonly FeatureSignal[], classification: boolean): string {
  const top = signal.filter((s) => s.score !== null).slice(0, 18);
  if (!top.length) return "<p class=hint>No feature columns.</p>";
  return barChart({
    title: "Feature signal",
    min: classification ? 0.5 : 0,
    max: classification
      ? Math.max(0.75, ...top.map((s) => s.score!))
      : Math.max(0.3, ...top.map((s) => s.score!)),
    bars: top.map((s) => ({
      label: s.name,
      value: s.score!,
      color: s.role === "trap" ? TRAP : FEATURE,
      text: `${fmt(s.score, 3)}${s.role === "trap" ? " · trap" : ""}`,
      hint: `${s.name} (${s.kind}${s.role === "trap" ? ", trap" : ""}): ${classification ? "AUC" : "|Spearman|"} ${fmt(s.score, 3)}, ${s.direction > 0 ? "higher → more likely" : "higher → less likely"}, ${(s.missingShare * 100).toFixed(1)}% missing`,
    })),
  });
}

function classificationSection(t: ClassificationTaskReport): string {
  const names = Object.keys(t.models);
  const m = (k: string) => t.models[k];
  const lr = m("logistic_regression")!;
  const gbm = m("gradient_boosting")!;
  const oracle = m("oracle");
  const base = t.splits.test.labelMean ?? 0;
  const kpis = [
    kpi("LR ROC-AUC", fmt(lr.rocAuc), `PR-AUC ${fmt(lr.prAuc)}`),
    kpi(
      "GBM ROC-AUC",
      fmt(gbm.rocAuc),
      `${gbm.rocAuc !== null && lr.rocAuc !== null ? `${gbm.rocAuc >= lr.rocAuc ? "+" : ""}${(gbm.rocAuc - lr.rocAuc).toFixed(3)} vs LR` : ""}`,
    ),
    oracle ? kpi("Oracle ROC-AUC", fmt(oracle.rocAuc), "ceiling from the true score") : "",
    kpi("Positive rate", pct(base), `test · train ${pct(t.splits.train.labelMean ?? 0)}`),
    kpi("Lift @ top 10%", `${fmt(lr.lift["10%"], 2)}×`, `GBM ${fmt(gbm.lift["10%"], 2)}×`),
    kpi("Brier (LR)", fmt(lr.brier), `log loss ${fmt(lr.logLoss)}`),
  ].join("");
  const series = (pick: (k: string) => Series): Series[] => names.map(pick);
  const liftMax = Math.max(2, ...names.flatMap((k) => m(k)!.liftCurve.map((p) => p.lift ?? 0)));
  const lift = lineChart({
    title: "Cumulative lift",
    x: { min: 0, max: 1, label: "share of rows, highest scores first", format: pct },
    y: {
      min: 0,
      max: Math.ceil(liftMax * 2) / 2,
      label: "lift over random",
      format: (v) => `${fmtCompact(v)}×`,
    },
    series: [
      ...series((k) => ({
        name: NAMES[k] ?? k,
        color: COLORS[k] ?? GREY,
        points: m(k)!.liftCurve.map((p) => [p.fraction, p.lift ?? Number.NaN] as const),
        markers: true,
      })),
      {
        name: "Random",
        color: GREY,
        dashed: true,
        points: [
          [0, 1],
          [1, 1],
        ],
      },
    ],
  });
  const gains = lineChart({
    title: "Cumulative gains",
    x: { min: 0, max: 1, label: "share of rows, highest scores first", format: pct },
    y: { min: 0, max: 1, label: "share of positives captured", format: pct },
    series: [
      ...series((k) => ({
        name: NAMES[k] ?? k,
        color: COLORS[k] ?? GREY,
        points: m(k)!.gains.map((p) => [p.population, p.value] as const),
        area: k === "gradient_boosting",
      })),
      {
        name: "Random",
        color: GREY,
        dashed: true,
        points: [
          [0, 0],
          [1, 1],
        ],
      },
    ],
  });
  const calMax = Math.min(
    1,
    Math.max(
      0.2,
      ...names.flatMap((k) =>
        m(k)!.calibration.bins.flatMap((b) => [b.meanPredicted, b.observedRate]),
      ),
    ) + 0.05,
  );
  const calibration = lineChart({
    title: "Calibration",
    x: { min: 0, max: calMax, label: "mean predicted probability", format: pct },
    y: { min: 0, max: calMax, label: "observed rate", format: pct },
    series: [
      {
        name: "Perfect",
        color: GREY,
        dashed: true,
        points: [
          [0, 0],
          [calMax, calMax],
        ],
      },
      ...series((k) => ({
        name: NAMES[k] ?? k,
        color: COLORS[k] ?? GREY,
        points: m(k)!.calibration.bins.map((b) => [b.meanPredicted, b.observedRate] as const),
        markers: m(k)!.calibration.bins.map((b) => b.count),
      })),
    ],
  });
  const balance = stackedBars({
    title: "Class balance by split",
    rows: (["train", "valid", "test"] as const)
      .filter((s) => t.splits[s].rows > 0)
      .map((s) => {
        const rows = t.splits[s].rows;
        const p = Math.round(rows * (t.splits[s].labelMean ?? 0));
        return {
          label: s,
          parts: [
            { name: "positive", value: p, color: POS },
            { name: "negative", value: rows - p, color: NEG, ink: "#364fc7" },
          ],
        };
      }),
  });
  const te = t.trapEffect;
  const trap = te
    ? barChart({
        title: "Trap effect",
        min: 0.5,
        max: Math.max(0.75, te.lrWith ?? 0, te.gbmWith ?? 0, te.lrWithout ?? 0, te.gbmWithout ?? 0),
        bars: [
          { label: "LR · with trap", value: te.lrWith ?? 0.5, color: COLORS.logistic_regression! },
          {
            label: "LR · without trap",
            value: te.lrWithout ?? 0.5,
            color: "#a5b4fc",
            text: `${fmt(te.lrWithout)} (${delta(te.lrWithout, te.lrWith)})`,
          },
          { label: "GBM · with trap", value: te.gbmWith ?? 0.5, color: COLORS.gradient_boosting! },
          {
            label: "GBM · without trap",
            value: te.gbmWithout ?? 0.5,
            color: "#96e6c8",
            text: `${fmt(te.gbmWithout)} (${delta(te.gbmWithout, te.gbmWith)})`,
          },
        ],
        labelWidth: 150,
      })
    : "";
  const rows = names
    .map((k) => {
      const x = m(k)!;
      const p100 = x.precisionAtK.find((p) => p.k === 100)?.value ?? null;
      return `<tr><td><span style="color:${COLORS[k] ?? GREY}">●</span> ${esc(NAMES[k] ?? k)}</td><td>${fmt(x.rocAuc)}</td><td>${fmt(x.prAuc)}</td><td>${fmt(x.brier)}</td><td>${fmt(x.logLoss)}</td><td>${fmt(p100)}</td><td>${fmt(x.lift["1%"], 2)}</td><td>${fmt(x.lift["5%"], 2)}</td><td>${fmt(x.lift["10%"], 2)}</td><td>${fmt(x.calibration.maxError)}</td></tr>`;
    })
    .join("");
  const table = `<table><thead><tr><th>Model</th><th>ROC-AUC</th><th>PR-AUC</th><th>Brier</th><th>Log loss</th><th>P@100</th><th>Lift 1%</th><th>Lift 5%</th><th>Lift 10%</th><th>Max cal. gap</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<section id="task-${esc(t.id)}"><h2>${esc(t.id)}<span class="tag">classification</span></h2>
<p class="lede">Label <code>${esc(t.label)}</code> · trained on ${fmtInt(t.splits.train.rows)} rows, scored on ${fmtInt(t.splits.test.rows)} test rows · ${t.features.length} feature columns${t.trapColumns.length ? ` (trap: ${esc(t.trapColumns.join(", "))})` : ""}</p>
<div class="kpis">${kpis}</div>
<div class="grid2">
${card("Lift curve", "How many times the random hit rate the models reach when working down the ranked list.", lift)}
${card("Calibration", "Predicted probability against observed rate; dot size = rows in the bin.", calibration)}
${card("Cumulative gains", "Share of all positives found in the top-ranked share of rows.", gains)}
${card("Feature signal", "Each column alone: test ROC-AUC (0.5 = no signal). Red = trap column.", signalBars(t.featureSignal, true))}
${card("Class balance", "Rows per split, positives in blue.", balance)}
${trap ? card("Trap effect", `Test ROC-AUC with and without ${te!.columns.join(", ")}: what the leakage trap is worth.`, trap) : ""}
</div>
<div class="card" style="margin-top:16px">${table}</div>
</section>`;
}

function regressionSection(t: RegressionTaskReport): string {
  const names = Object.keys(t.models);
  const m = (k: string) => t.models[k]!;
  const lin = m("linear_log1p");
  const gbm = m("gradient_boosting_log1p");
  const oracle = t.models.oracle;
  const kpis = [
    kpi("Spearman (ridge)", fmt(lin.spearman), `Gini ${fmt(lin.normalizedGini)}`),
    kpi("Spearman (GBM)", fmt(gbm.spearman), `Gini ${fmt(gbm.normalizedGini)}`),
    oracle
      ? kpi("Spearman (oracle)", fmt(oracle.spearman), `Gini ${fmt(oracle.normalizedGini)}`)
      : "",
    kpi(
      "Zero share",
      pct(t.target.test.zeroShare ?? 0),
      `train ${pct(t.target.train.zeroShare ?? 0)}`,
    ),
    kpi("Top-decile share", pct(t.target.test.topDecileShare ?? 0), "of total target (test)"),
    kpi(
      "Mean target",
      fmtCompact(t.target.test.mean ?? 0),
      `median ${fmtCompact(t.target.test.median ?? 0)} · p99 ${fmtCompact(t.target.test.p99 ?? 0)}`,
    ),
  ].join("");
  const lorenz = lineChart({
    title: "Lorenz curve",
    x: { min: 0, max: 1, label: "share of rows, highest predictions first", format: pct },
    y: { min: 0, max: 1, label: "share of total target captured", format: pct },
    series: [
      ...names.map((k) => ({
        name: `${NAMES[k] ?? k} (Gini ${fmt(m(k).normalizedGini, 2)})`,
        color: COLORS[k] ?? GREY,
        points: m(k).lorenz.map((p) => [p.population, p.value] as const),
        area: k === "gradient_boosting_log1p",
      })),
      {
        name: "Perfect ranking",
        color: "#495057",
        dashed: true,
        points: t.perfectLorenz.map((p) => [p.population, p.value] as const),
      },
      {
        name: "Random",
        color: GREY,
        dashed: true,
        points: [
          [0, 0],
          [1, 1],
        ],
      },
    ],
  });
  const deciles = columnChart({
    title: "Decile calibration",
    names: ["mean predicted", "mean actual"],
    colors: [COLORS.gradient_boosting_log1p!, "#adb5bd"],
    groups: gbm.deciles.map((d) => ({
      label: String(d.decile),
      values: [d.meanPredicted, d.meanActual],
    })),
    xLabel: "prediction decile (boosting; 10 = highest)",
    yLabel: `mean ${t.label}`,
  });
  const h = t.target.test.histogram;
  const zeros = Math.round((t.target.test.zeroShare ?? 0) * t.target.test.n);
  const dist = columnChart({
    title: "Target distribution",
    names: ["rows"],
    colors: ["#7048e8"],
    groups: [
      { label: "0", values: [zeros] },
      ...h.map((b) => ({ label: fmtCompact(b.lo), values: [b.count] })),
    ],
    xLabel: `${t.label} (first bar = exactly zero; then log-spaced bins)`,
    yLabel: "rows (test)",
    labelEvery: 4,
  });
  const rows = names
    .map(
      (k) =>
        `<tr><td><span style="color:${COLORS[k] ?? GREY}">●</span> ${esc(NAMES[k] ?? k)}</td><td>${fmt(m(k).spearman)}</td><td>${fmt(m(k).normalizedGini)}</td><td>${fmt(m(k).top10Capture)}</td></tr>`,
    )
    .join("");
  const table = `<table><thead><tr><th>Model</th><th>Spearman</th><th>Normalized Gini</th><th>Top-10% capture</th></tr></thead><tbody>${rows}</tbody></table>`;
  return `<section id="task-${esc(t.id)}"><h2>${esc(t.id)}<span class="tag">regression</span></h2>
<p class="lede">Target <code>${esc(t.label)}</code> · models fit log1p(target) on ${fmtInt(t.splits.train.rows)} rows, scored on ${fmtInt(t.splits.test.rows)} test rows · ${t.features.length} feature columns</p>
<div class="kpis">${kpis}</div>
<div class="grid2">
${card("Lorenz / Gini curve", "Share of the target held by the rows each model ranks highest; dashed black = perfect ranking.", lorenz)}
${card("Target distribution", "A zero mass and a heavy right tail are what make lifetime value hard.", dist)}
${card("Decile calibration", "Mean prediction vs mean actual per prediction decile.", deciles)}
${card("Feature signal", "Each column alone: |Spearman| with the target on test. Red = trap column.", signalBars(t.featureSignal, false))}
</div>
<div class="card" style="margin-top:16px">${table}</div>
</section>`;
}

/**
 * Render a quality report as one self-contained HTML page: inline CSS and SVG charts, no
 * scripts, no network, no external fonts. Deterministic for a given report.
 */
export function renderReportHtml(report: QualityReport): string {
  const b = report.bundle;
  const tables = report.tables.length
    ? barChart({
        title: "Rows per table",
        bars: report.tables.map((t) => ({
          label: t.name,
          value: t.rows,
          color: "#7048e8",
          text: fmtInt(t.rows),
        })),
        format: fmtCompact,
        width: 760,
        labelWidth: 180,
      })
    : "<p class=hint>No relational tables.</p>";
  const summary = report.tasks
    .map((t) => {
      if (t.type === "binary_classification") {
        const lr = t.models.logistic_regression?.rocAuc ?? null;
        const g = t.models.gradient_boosting?.rocAuc ?? null;
        const o = t.models.oracle?.rocAuc ?? null;
        return `<tr><td><a href="#task-${esc(t.id)}">${esc(t.id)}</a></td><td>classification</td><td>${fmtInt(t.splits.train.rows)} / ${fmtInt(t.splits.test.rows)}</td><td>${pct(t.splits.test.labelMean ?? 0)} positive</td><td>AUC ${fmt(lr)}</td><td>AUC ${fmt(g)}</td><td>${o === null ? "–" : `AUC ${fmt(o)}`}</td></tr>`;
      }
      const l = t.models.linear_log1p?.spearman ?? null;
      const g = t.models.gradient_boosting_log1p?.spearman ?? null;
      const o = t.models.oracle?.spearman ?? null;
      return `<tr><td><a href="#task-${esc(t.id)}">${esc(t.id)}</a></td><td>regression</td><td>${fmtInt(t.splits.train.rows)} / ${fmtInt(t.splits.test.rows)}</td><td>${pct(t.target.test.zeroShare ?? 0)} zero</td><td>ρ ${fmt(l)}</td><td>ρ ${fmt(g)}</td><td>${o === null ? "–" : `ρ ${fmt(o)}`}</td></tr>`;
    })
    .join("");
  const sections = report.tasks
    .map((t) =>
      t.type === "binary_classification" ? classificationSection(t) : regressionSection(t),
    )
    .join("\n");
  const notes = report.notes.length
    ? `<section class="notes"><strong>Notes</strong><ul>${report.notes.map((n) => `<li>${esc(n)}</li>`).join("")}</ul></section>`
    : "";
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>Quality report · ${esc(b.recipeId)} · ${esc(b.difficulty)}</title>
<style>${CSS}</style></head>
<body>
<header><h1>Dataset quality report</h1>
<div class="sub">${esc(b.recipeId)} — how learnable is this bundle, and where does the signal live?</div>
<div class="chips"><span class="chip">scheme ${esc(b.scheme)} · ${esc(b.schemePackage)}@${esc(b.schemeVersion)}</span><span class="chip">difficulty ${esc(b.difficulty)}</span><span class="chip">${esc(b.exposureMode)}</span><span class="chip">seed ${b.seed}</span><span class="chip">${esc(b.splitStrategy)} split</span></div>
</header>
<main>
${notes}
<section><h2>Overview</h2><p class="lede">Baselines trained on the train split and scored on the test split. The oracle uses the true score from instructor metadata — the ceiling no model can beat on average.</p>
<div class="card"><table><thead><tr><th>Task</th><th>Type</th><th>Train / test</th><th>Label</th><th>Linear</th><th>Boosting</th><th>Oracle</th></tr></thead><tbody>${summary}</tbody></table></div></section>
<section><h2>Tables</h2><p class="lede">Rows per published relational table.</p><div class="card">${tables}</div></section>
${sections}
<footer>Protocol: ${esc(String(report.protocol.train))}; evaluated on the ${esc(String(report.protocol.evaluate))}. Logistic regression: L2 (C = 1) on standardized one-hot features with median imputation and missing indicators. Gradient boosting: histogram GBM, 100 trees, learning rate 0.1, 31 leaves, min 20 rows per leaf, native missing values. Regression models fit log1p(target). Report format ${report.reportVersion}; generated by leadforge.</footer>
</main></body></html>
`;
}
