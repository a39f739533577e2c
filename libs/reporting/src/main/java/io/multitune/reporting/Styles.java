package io.multitune.reporting;

/**
 * The page's only style sheet, inline: system fonts, light colours, contrast above WCAG AA for text, and the chart
 * text classes the SVG writers use. Nothing is loaded from anywhere.
 */
final class Styles {

    static final String CSS = """
            :root { color-scheme: light; --ink: #111827; --muted: #4b5563; --line: #e5e7eb; --bg: #f3f4f6;
              --card: #ffffff; --pass: #166534; --pass-bg: #dcfce7; --fail: #991b1b; --fail-bg: #fee2e2;
              --warn-bg: #fef3c7; --warn: #92400e; --accent: #1f6fb2; }
            * { box-sizing: border-box; }
            body { margin: 0; background: var(--bg); color: var(--ink);
              font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif; }
            main { max-width: 1200px; margin: 0 auto; padding: 24px 20px 48px; }
            section, .run-header { background: var(--card); border: 1px solid var(--line); border-radius: 10px;
              padding: 18px 22px; margin: 0 0 18px; }
            h1 { font-size: 26px; margin: 0; word-break: break-all; }
            h2 { font-size: 20px; margin: 0 0 10px; }
            h3 { font-size: 16px; margin: 18px 0 6px; }
            nav { margin: 0 0 18px; font-size: 14px; }
            nav a { color: var(--accent); margin-right: 14px; text-decoration: none; }
            nav a:hover { text-decoration: underline; }
            .title-row { display: flex; align-items: center; gap: 16px; flex-wrap: wrap; }
            .verdict { font-weight: 700; font-size: 18px; letter-spacing: .06em; padding: 4px 14px;
              border-radius: 999px; border: 2px solid; }
            .verdict.pass { color: var(--pass); background: var(--pass-bg); border-color: var(--pass); }
            .verdict.fail { color: var(--fail); background: var(--fail-bg); border-color: var(--fail); }
            .verdict.none { color: var(--muted); background: var(--bg); border-color: var(--muted); }
            .verdict.gate { font-size: 13px; font-weight: 600; padding: 2px 10px; border-width: 1px; }
            .subtitle { color: var(--muted); margin: 6px 0 14px; }
            .figures { display: grid; grid-template-columns: repeat(auto-fit, minmax(200px, 1fr)); gap: 12px;
              margin: 0 0 16px; }
            .figure { border: 1px solid var(--line); border-radius: 8px; padding: 10px 14px; background: #fafafa; }
            .figure-label { font-size: 13px; color: var(--muted); }
            .figure-value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; }
            .figure-hint { font-size: 12px; color: var(--muted); }
            .settings { display: grid; grid-template-columns: max-content 1fr; gap: 2px 18px; margin: 0;
              font-size: 14px; }
            .settings dt { color: var(--muted); }
            .settings dd { margin: 0; word-break: break-word; }
            .note, .explain { color: var(--muted); font-size: 14px; }
            .lead { font-weight: 600; }
            .pass-text { color: var(--pass); }
            .fail-text { color: var(--fail); }
            .callout { border-radius: 8px; padding: 10px 14px; margin: 12px 0; font-size: 14px; }
            .callout.warn { background: var(--warn-bg); color: var(--warn); border: 1px solid #fcd34d; }
            .list-block ul { margin: 4px 0 8px; padding-left: 22px; }
            .table-wrap { overflow-x: auto; margin: 10px 0; }
            table { border-collapse: collapse; width: 100%; font-size: 13px; }
            caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--muted); }
            th, td { border-bottom: 1px solid var(--line); padding: 5px 8px; text-align: left; vertical-align: top; }
            th { background: #f9fafb; font-weight: 600; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.negative td, tr.conflict td { background: #fef2f2; }
            tr.negative td:last-child { color: var(--fail); font-weight: 600; }
            tr.positive td:last-child { color: var(--pass); font-weight: 600; }
            tr.no-baseline td { color: var(--muted); }
            tr.check-fail td { background: #fef2f2; }
            tr.check-fail td:nth-child(2) { color: var(--fail); font-weight: 700; }
            tr.check-pass td:nth-child(2) { color: var(--pass); font-weight: 700; }
            tr.primary td { font-weight: 600; }
            tr.review-case td:nth-child(2) { max-width: 420px; word-break: break-word; }
            .meta { color: var(--muted); font-size: 13px; word-break: break-all; }
            .chart-wrap { overflow-x: auto; margin: 8px 0; }
            .small-multiples { display: grid; grid-template-columns: repeat(auto-fill, minmax(480px, 1fr));
              gap: 12px; }
            .chart-cell { border: 1px solid var(--line); border-radius: 8px; background: #fff; }
            svg.chart { display: block; max-width: 100%; height: auto; }
            .chart-cell svg.chart, #chart-task-weights, #chart-mtl-vs-baseline { width: 100%; }
            svg.chart text { font-family: inherit; fill: #374151; font-size: 12px; }
            svg.chart .chart-title { font-size: 14px; font-weight: 600; fill: var(--ink); }
            svg.chart .panel-title { font-size: 12.5px; font-weight: 600; fill: var(--muted); }
            svg.chart .axis-title { font-size: 12px; fill: var(--muted); }
            svg.chart .tick { font-size: 11px; fill: #4b5563; font-variant-numeric: tabular-nums; }
            svg.chart .legend { font-size: 12px; fill: #374151; }
            svg.chart .row-label { font-size: 13px; font-weight: 600; fill: var(--ink); }
            svg.chart .small { font-size: 11px; fill: var(--muted); }
            svg.chart .bar-value { font-size: 11px; fill: #374151; font-variant-numeric: tabular-nums; }
            svg.chart .missing { font-size: 12px; font-style: italic; fill: #6b7280; }
            svg.chart .status { font-size: 12.5px; font-weight: 600; }
            svg.chart .cell { font-size: 12px; font-variant-numeric: tabular-nums; }
            svg.chart .cell-small { font-size: 9.5px; font-variant-numeric: tabular-nums; }
            h4 { font-size: 14.5px; margin: 16px 0 4px; }
            .figure.alarm { border-color: #fca5a5; background: var(--fail-bg); }
            .figure.alarm .figure-value { color: var(--fail); }
            .callout.danger { background: var(--fail-bg); color: var(--fail); border: 1px solid #fca5a5; }
            .callout ul { margin: 6px 0 0; padding-left: 22px; }
            .bias-part { border-top: 1px solid var(--line); margin-top: 20px; padding-top: 4px; }
            .bias-part > h3 { font-size: 17px; }
            section.prominent, .bias-part.prominent { border-left: 5px solid var(--accent); }
            .bias-part.prominent { border-top: 1px solid var(--line); padding-left: 14px; }
            p.bias-absent { margin: 0 0 18px; }
            tr.check-warn td { background: var(--warn-bg); }
            tr.check-warn td:nth-child(2) { color: var(--warn); font-weight: 700; }
            tr.check-muted td:nth-child(2) { color: var(--muted); font-weight: 600; }
            tr.spread td { background: #fef2f2; }
            tr.spread td:last-child { color: var(--fail); font-weight: 700; }
            tr.reduced td:last-child { color: var(--pass); font-weight: 700; }
            tr.above-limit td:nth-last-child(2) { color: var(--fail); font-weight: 700; }
            table.transfer-table td:nth-last-child(-n+2) { white-space: nowrap; }
            td.source { color: var(--muted); white-space: nowrap; }
            td.case-text { max-width: 360px; word-break: break-word; }
            td.flip { color: var(--fail); font-weight: 600; }
            mark { background: #fde68a; color: inherit; padding: 0 2px; border-radius: 3px; }
            #chart-bias-transfer, #chart-counterfactual-flips, #chart-group-disparities, #chart-top-tokens,
            #chart-representation { width: 100%; }
            svg.chart .label { font-size: 12.5px; fill: var(--ink); }
            footer { color: var(--muted); font-size: 12.5px; text-align: center; }
            @media print { body { background: #fff; } section, .run-header { break-inside: avoid; } }
            """;

    private Styles() {
    }
}
