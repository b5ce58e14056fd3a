// Plain-text tables for the CLI's human-readable output, sized to the terminal.

export function truncate(value: string, width: number): string {
  if (value.length <= width) return value;
  return width <= 1 ? value.slice(0, width) : `${value.slice(0, width - 1)}…`;
}

export function table(headers: string[], rows: string[][], maxWidths: number[] = []): string {
  const widths = headers.map((h, i) => {
    const natural = Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length));
    return maxWidths[i] ? Math.min(natural, maxWidths[i]) : natural;
  });
  const line = (cells: string[]) => cells.map((c, i) => truncate(c ?? '', widths[i]).padEnd(widths[i])).join('  ').trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
