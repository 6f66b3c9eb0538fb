/** Figures a test measured (timings, sizes): printed after the transcript, never a pass/fail threshold. */
const figures: string[] = [];

export function reportFigure(line: string): void {
  figures.push(line);
}

export function reportedFigures(): readonly string[] {
  return figures;
}
