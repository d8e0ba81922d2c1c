/** Number formatting shared by every renderer, so a figure reads the same in HTML, Markdown and the terminal. */

/** 0.667 → "66.7%", 1 → "100%": one decimal only when it carries information. */
export function percent(share: number): string {
  const tenths = Math.round(share * 1000) / 10;
  return `${Number.isInteger(tenths) ? tenths.toFixed(0) : tenths.toFixed(1)}%`;
}

export function fixed(n: number, digits: number): string {
  return n.toFixed(digits);
}

/** Role of a backend in the run, as a reader needs it next to its scores. */
export function roleLabel(control: string | null, baseline: boolean): string {
  if (control) return `control (expect ${control})`;
  return baseline ? 'baseline' : 'candidate';
}

/** Dollars: four decimals below a cent (a single note often costs less), else two. Unknown stays visible as "n/a". */
export function money(usd: number | null): string {
  if (usd === null) return 'n/a';
  return usd > 0 && usd < 0.01 ? `$${usd.toFixed(4)}` : `$${usd.toFixed(2)}`;
}

/** A latency in ms as seconds, "n/a" when unknown. */
export function seconds(ms: number | null): string {
  return ms === null ? 'n/a' : `${(ms / 1000).toFixed(1)} s`;
}

/** A share that may be unknown (no scored notes). */
export function maybePercent(share: number | null): string {
  return share === null ? 'n/a' : percent(share);
}
