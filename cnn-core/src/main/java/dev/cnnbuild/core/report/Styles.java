package dev.cnnbuild.core.report;

/** The report's style sheet, inlined so that the page needs nothing but itself. */
final class Styles {

    /** The CSS. */
    static final String CSS = """
            :root { --ink: #1f2937; --muted: #6b7280; --line: #e5e7eb; --panel: #f9fafb;
                    --train: #2563eb; --test: #ea580c; --validation: #7c3aed; --pass: #15803d; --fail: #b91c1c; --skip: #a16207; }
            * { box-sizing: border-box; }
            body { margin: 0; padding: 24px 32px 48px; color: var(--ink); background: #fff;
                   font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif; }
            main { max-width: 1200px; margin: 0 auto; }
            h1 { font-size: 28px; margin: 0 0 4px; }
            h2 { font-size: 18px; margin: 0 0 12px; padding-bottom: 6px; border-bottom: 1px solid var(--line); }
            section { margin-top: 32px; }
            code { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
            .subtitle, .note, .empty { color: var(--muted); margin: 0 0 12px; }
            .cards { display: flex; flex-wrap: wrap; gap: 12px; margin: 16px 0; }
            .card { flex: 1 1 200px; padding: 12px 16px; border: 1px solid var(--line); border-radius: 8px;
                    background: var(--panel); }
            .card .label { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: .04em; }
            .card .value { font-size: 26px; font-weight: 600; }
            .card .detail { color: var(--muted); font-size: 12px; }
            .card.pass { border-color: #86efac; background: #f0fdf4; } .card.pass .value { color: var(--pass); }
            .card.fail { border-color: #fca5a5; background: #fef2f2; } .card.fail .value { color: var(--fail); }
            .facts { display: flex; flex-wrap: wrap; gap: 6px 24px; margin: 0; }
            .facts div { display: flex; gap: 6px; } .facts dt { color: var(--muted); } .facts dd { margin: 0; }
            table { border-collapse: collapse; font-variant-numeric: tabular-nums; }
            th, td { padding: 4px 10px; border-bottom: 1px solid var(--line); text-align: right; }
            thead th { color: var(--muted); font-weight: 600; font-size: 12px; }
            tbody th { text-align: right; }
            .charts { display: flex; flex-wrap: wrap; gap: 16px; }
            .chart { flex: 1 1 480px; max-width: 580px; border: 1px solid var(--line); border-radius: 8px; }
            .chart text { font-size: 12px; fill: var(--ink); }
            .chart .chart-title { font-size: 14px; font-weight: 600; }
            .chart .tick.y { text-anchor: end; dominant-baseline: middle; fill: var(--muted); }
            .chart .tick.x, .chart .axis-title { text-anchor: middle; fill: var(--muted); }
            .chart .grid { stroke: var(--line); } .chart .axis { stroke: #9ca3af; }
            .chart .series { fill: none; stroke-width: 2.5; stroke-linejoin: round; }
            .chart .legend line { stroke-width: 3; }
            .chart .series.train, .chart .legend.train line { stroke: var(--train); }
            .chart .series.test, .chart .legend.test line { stroke: var(--test); }
            .chart circle.train { fill: var(--train); } .chart circle.test { fill: var(--test); }
            .chart .series.validation, .chart .legend.validation line { stroke: var(--validation); }
            .chart circle.validation { fill: var(--validation); }
            .history { margin-top: 12px; font-size: 12px; }
            .matrix td, .matrix th { border: 1px solid #fff; text-align: center; min-width: 44px; }
            .matrix .cell { background: #fff; border: 1px solid var(--line); }
            .matrix .zero { color: #d1d5db; } .matrix .dark { color: #fff; }
            .matrix .corner { font-size: 11px; color: var(--muted); }
            .matrix .total { color: var(--muted); }
            .per-class td { min-width: 88px; }
            .per-class .lowest { color: var(--fail); font-weight: 600; background: #fef2f2; }
            .mistakes { display: flex; flex-wrap: wrap; gap: 12px; }
            .mistake { margin: 0; padding: 6px; border: 1px solid var(--line); border-radius: 6px; text-align: center;
                       background: var(--panel); }
            .mistake img { display: block; margin: 0 auto 4px; image-rendering: pixelated; background: #000; }
            .mistake figcaption { font-size: 12px; display: flex; flex-direction: column; }
            .mistake .confidence, .mistake .index { color: var(--muted); }
            .mistake .index { max-width: 120px; margin: 0 auto; overflow-wrap: anywhere; }
            .side-by-side { display: flex; flex-wrap: wrap; gap: 0 48px; align-items: flex-start; }
            .side-by-side > section { flex: 0 1 auto; min-width: 0; }
            details.history summary { cursor: pointer; color: var(--muted); margin: 8px 0; }
            .outcomes { width: 100%; }
            .outcomes td, .outcomes th { text-align: left; vertical-align: top; }
            .outcomes .num { text-align: right; white-space: nowrap; }
            .badge { display: inline-block; padding: 1px 8px; border-radius: 999px; font-size: 12px; color: #fff; }
            .badge.passed { background: var(--pass); } .badge.violated { background: var(--fail); }
            .badge.skipped { background: var(--skip); }
            .outcome.violated td { background: #fef2f2; }
            footer { margin-top: 40px; color: var(--muted); font-size: 12px; }
            """;

    private Styles() {}
}
